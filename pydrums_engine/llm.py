"""Ask a local Ollama model for a pattern, and check what it answers.

`PatternWriter.write` sends the few-shot prompt with Ollama's structured outputs (the
`prompt.response_schema` JSON schema), reads the answer with `parse_answer`, and, when the
answer cannot be used, asks once more with the parser's exact complaint. Every failure
leaves as one of the `errors.LLMError` kinds, with ``attempts`` set:

- `LLMUnavailable`: connection refused, no answer within ``timeout`` seconds, HTTP errors;
- `ModelMissing`: the server answered 404 for the model (``ollama pull <model>`` fixes it);
- `LLMUnusable`: two answers in a row that do not parse as a usable pattern.

httpx and ollama exceptions are translated here and go no further. The client is
synchronous; the Discord bot calls `write` from a worker thread.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import time
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import httpx
import ollama

from .errors import LLMError, LLMUnavailable, LLMUnusable, ModelMissing, NotationError
from .instruments import BY_CODE, REST_ALIASES, SYMBOL_CHARS, SYMBOLS, resolve_instrument
from .notation import SEPARATORS, SYMBOL_HELP, Pattern, parse_pattern
from .prompt import Example, GenerationRequest, build_messages, repair_message, response_schema

log = logging.getLogger(__name__)

DEFAULT_HOST = "http://127.0.0.1:11434"
DEFAULT_PORT = 11434
MAX_ATTEMPTS = 2  # the first answer and one repair round
NAME_MAX_CHARS = 60
QUOTE_CHARS = 80  # how much of an unusable answer an error message quotes


def normalise_host(host: str) -> str:
    """``scheme://host:port`` for an Ollama address written as users do.

    Accepts what the ollama client accepts: ``localhost``, ``:11434``, ``10.0.0.5:8080``,
    ``http://box``, ``https://box:443/prefix``. Raises ValueError when it is not an address.
    """
    text = host.strip()
    if not text or any(c.isspace() for c in text):
        raise ValueError(f"{host!r} is not a host address")
    scheme, sep, rest = text.partition("://")
    if not sep:
        scheme, rest = "http", text
    if scheme not in ("http", "https"):
        raise ValueError(f"{host!r} has scheme {scheme!r}; use http or https")
    default_port = DEFAULT_PORT if not sep else (443 if scheme == "https" else 80)
    split = urllib.parse.urlsplit(f"{scheme}://{rest}")
    try:
        port = split.port or default_port
    except ValueError:
        raise ValueError(f"{host!r} has a bad port; use a number from 1 to 65535") from None
    hostname = split.hostname or "127.0.0.1"
    if ":" in hostname:
        hostname = f"[{hostname}]"  # IPv6
    path = split.path.rstrip("/")
    return f"{scheme}://{hostname}:{port}{path}"


@dataclass(frozen=True)
class OllamaSettings:
    """Where the Ollama server is, which model to use and how to sample it.

    ``timeout`` is seconds per request (connect, send, and waiting for the answer); a
    repair round is a second request with its own ``timeout``. ``keep_alive`` is how long
    Ollama keeps the model loaded after a request (Ollama duration text, like "10m").
    """

    host: str = DEFAULT_HOST
    model: str = "llama3.1"
    timeout: float = 60.0
    temperature: float = 0.7
    top_p: float = 0.9
    num_predict: int = 1024
    seed: int | None = None
    keep_alive: str = "10m"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> OllamaSettings:
        """Settings from OLLAMA_HOST, OLLAMA_MODEL and OLLAMA_TIMEOUT; unset or empty means default.

        A bad value is a ValueError with one line naming the variable.
        """
        values: dict[str, object] = {}
        host = environ.get("OLLAMA_HOST", "").strip()
        if host:
            try:
                values["host"] = normalise_host(host)
            except ValueError as exc:
                raise ValueError(f"OLLAMA_HOST: {exc}, like http://127.0.0.1:11434") from None
        model = environ.get("OLLAMA_MODEL", "").strip()
        if model:
            if any(c.isspace() for c in model):
                raise ValueError(f"OLLAMA_MODEL: {model!r} is not a model name, like llama3.1 or qwen2.5:7b")
            values["model"] = model
        timeout = environ.get("OLLAMA_TIMEOUT", "").strip()
        if timeout:
            try:
                seconds = float(timeout)
            except ValueError:
                seconds = math.nan
            if not math.isfinite(seconds) or seconds <= 0:
                raise ValueError(f"OLLAMA_TIMEOUT: {timeout!r} is not a number of seconds above 0, like 60")
            values["timeout"] = seconds
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class LLMAnswer:
    """A usable pattern from the model; ``attempts`` is 1, or 2 after a repair round."""

    pattern: Pattern
    name: str
    attempts: int
    raw: str


class PatternWriter:
    """Writes patterns with one Ollama model; build once at start-up and share.

    ``client`` is for tests and callers that already hold one; by default a client is made
    for ``settings.host`` with ``settings.timeout``.
    """

    def __init__(self, settings: OllamaSettings, client: ollama.Client | None = None) -> None:
        self.settings = settings
        self.host = normalise_host(settings.host)
        self._client = client or ollama.Client(host=self.host, timeout=settings.timeout)

    def ping(self, timeout: float = 1.0) -> bool:
        """True when an Ollama server answers GET /api/version at the host; never raises."""
        try:
            response = httpx.get(f"{self.host}/api/version", timeout=timeout)
        except (httpx.HTTPError, OSError, ValueError) as exc:
            log.debug("Ollama at %s did not answer /api/version: %s", self.host, exc)
            return False
        return response.status_code == httpx.codes.OK

    def write(self, request: GenerationRequest, examples: Iterable[Example], *, seed: int | None = None) -> LLMAnswer:
        """A new pattern for ``request`` in the spirit of ``examples``, or an `LLMError`."""
        messages = build_messages(request, examples)
        schema = response_schema(request)
        options: dict[str, float | int] = {
            "temperature": self.settings.temperature,
            "top_p": self.settings.top_p,
            "num_predict": self.settings.num_predict,
        }
        chosen_seed = seed if seed is not None else self.settings.seed
        if chosen_seed is not None:
            options["seed"] = chosen_seed
        reason = ""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            text, done_reason = self._chat(messages, schema, options, attempt)
            try:
                pattern, name = parse_answer(text, request)
            except LLMUnusable as exc:
                reason = exc.message
                if done_reason == "length":
                    reason += f" (the model stopped at its limit of {self.settings.num_predict} tokens)"
                log.info("attempt %d: unusable answer from %s: %s", attempt, self.settings.model, reason)
                messages = [
                    *messages,
                    {"role": "assistant", "content": text},
                    {"role": "user", "content": repair_message(reason, request)},
                ]
                continue
            return LLMAnswer(pattern=pattern, name=name or _fallback_name(request), attempts=attempt, raw=text)
        raise LLMUnusable(
            f"the model gave no usable pattern in {MAX_ATTEMPTS} tries: {reason}",
            attempts=MAX_ATTEMPTS,
        )

    def _chat(
        self, messages: list[dict[str, str]], schema: dict, options: dict[str, float | int], attempt: int
    ) -> tuple[str, str | None]:
        """One non-streaming chat request: (answer text, done_reason); errors translated."""
        started = time.monotonic()
        try:
            response = self._client.chat(
                model=self.settings.model,
                messages=messages,
                format=schema,
                options=options,
                keep_alive=self.settings.keep_alive,
            )
        except Exception as exc:
            translated = self._translate(exc, attempt)
            if translated is None:
                raise  # a bug of ours, not the server's: let it show
            raise translated from exc
        log.debug(
            "attempt %d: %s answered in %.1f s (done_reason=%s, %s prompt tokens, %s answer tokens)",
            attempt,
            self.settings.model,
            time.monotonic() - started,
            response.done_reason,
            response.prompt_eval_count,
            response.eval_count,
        )
        return response.message.content or "", response.done_reason

    def _translate(self, exc: Exception, attempt: int) -> LLMError | None:
        """The `LLMError` a caller should see for an exception from the client, None for our own bugs."""
        where = f"the Ollama server at {self.host}"
        if isinstance(exc, ollama.ResponseError):
            if exc.status_code == httpx.codes.NOT_FOUND:
                return ModelMissing(
                    f"{where} does not have the model {self.settings.model!r}; "
                    f"run `ollama pull {self.settings.model}` there",
                    attempts=attempt,
                )
            return LLMUnavailable(f"{where} answered HTTP {exc.status_code}: {exc.error}", attempts=attempt)
        if isinstance(exc, httpx.TimeoutException):
            return LLMUnavailable(f"{where} did not answer within {self.settings.timeout:g} s", attempts=attempt)
        if isinstance(exc, ConnectionError | httpx.ConnectError):
            return LLMUnavailable(f"{where} did not answer: nothing accepts connections there", attempts=attempt)
        if isinstance(exc, httpx.HTTPError | OSError):
            return LLMUnavailable(f"{where} failed: {exc}", attempts=attempt)
        if isinstance(exc, ValueError | ollama.RequestError):  # a body that is not an Ollama chat answer
            return LLMUnavailable(f"{where} answered with something that is not an Ollama chat reply", attempts=attempt)
        return None


def _fallback_name(request: GenerationRequest) -> str:
    return f"New {request.style} groove" if request.style else "New groove"


# ---------------------------------------------------------------------------------------
# Reading the answer


def parse_answer(text: str, request: GenerationRequest) -> tuple[Pattern, str]:
    """The pattern and name in the model's answer, or `LLMUnusable` saying exactly why not.

    Reads the JSON the schema asks for (``{"name", "tracks": {code: steps}}``); for servers
    that ignore ``format``, also notation lines (``bd: x---x---``) in prose or a code fence.
    Nothing is padded, cut or guessed: every track must already have ``request.length`` steps.
    The name is "" when the answer has none.
    """
    body = _strip_fence(text.strip())
    if not body:
        raise LLMUnusable("the answer was empty")
    if body.startswith("{"):
        tracks, name = _tracks_from_json(body)
        return _build(tracks, request), name
    entries = _notation_block(text)
    if entries:
        return _pattern_from_notation(entries, request), ""
    embedded = _embedded_json(text)
    if embedded is not None:
        tracks, name = _tracks_from_object(embedded)
        return _build(tracks, request), name
    raise LLMUnusable(f"the answer held no pattern, neither JSON nor notation lines: {_quote(text)}")


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return json.dumps(flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1] + "…", ensure_ascii=False)


_FENCE = re.compile(r"^```[\w-]*\s*\n?(.*?)\n?```$", re.DOTALL)


def _strip_fence(text: str) -> str:
    match = _FENCE.match(text)
    return match.group(1).strip() if match else text


def _is_cut_off(text: str) -> bool:
    """True when JSON text ends inside a string or with brackets still open."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return in_string or depth > 0


def _tracks_from_json(body: str) -> tuple[dict[str, object], str]:
    try:
        data, _end = json.JSONDecoder().raw_decode(body)  # prose after a complete object is ignored
    except json.JSONDecodeError as exc:
        if _is_cut_off(body):
            raise LLMUnusable(
                f"the answer was cut off in the middle of its JSON, after {len(body)} characters"
            ) from None
        raise LLMUnusable(f"the answer is not valid JSON ({exc.msg} at character {exc.pos + 1})") from None
    return _tracks_from_object(data)


def _tracks_from_object(data: object) -> tuple[dict[str, object], str]:
    if not isinstance(data, dict):
        raise LLMUnusable(f'the answer is JSON {type(data).__name__}, not an object with "name" and "tracks"')
    tracks = data.get("tracks")
    if not isinstance(tracks, dict):
        raise LLMUnusable('the JSON has no "tracks" object mapping instrument codes to steps, like {"bd": "x---x---"}')
    name = data.get("name")
    name = " ".join(name.split())[:NAME_MAX_CHARS] if isinstance(name, str) else ""
    return tracks, name


def _embedded_json(text: str) -> object | None:
    """The first JSON object inside prose ("Here you go: {...}"), or None."""
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", text):
        try:
            value, _end = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict) and "tracks" in value:
            return value
    return None


def _clean_steps(code: str, raw: object) -> str:
    """Canonical steps of one JSON track: separators skipped, rest aliases folded, symbols checked."""
    if not isinstance(raw, str):
        raise LLMUnusable(f"track {code} is JSON {type(raw).__name__}, not a string of steps")
    out: list[str] = []
    for char in raw:
        if char in SEPARATORS:
            continue
        char = "-" if char in REST_ALIASES else char
        if char not in SYMBOLS:
            raise LLMUnusable(f"track {code}, step {len(out) + 1}: {char!r} is not a step symbol; use {SYMBOL_HELP}")
        out.append(char)
    return "".join(out)


def _resolve_tracks(raw_tracks: Mapping[str, object]) -> dict[str, str]:
    tracks: dict[str, str] = {}
    for key, raw in raw_tracks.items():
        code = resolve_instrument(str(key))
        if code is None:
            raise LLMUnusable(f"{str(key)!r} is not an instrument; use one of {', '.join(BY_CODE)}")
        if code in tracks:
            raise LLMUnusable(f"{BY_CODE[code].name} ({code}) has two tracks; it needs one")
        tracks[code] = _clean_steps(code, raw)
    return tracks


def _check_lengths(tracks: Mapping[str, str], request: GenerationRequest) -> None:
    bad = [f"track {code} has {len(steps)} steps" for code, steps in tracks.items() if len(steps) != request.length]
    if bad:
        bars = f"{request.bars} bar{'s' if request.bars != 1 else ''}"
        raise LLMUnusable(
            f"{' and '.join(bad)}, expected {request.length} "
            f"({bars} of {request.steps_per_bar} steps in {request.time_signature})"
        )


def _check_hits(tracks: Mapping[str, str], request: GenerationRequest) -> dict[str, str]:
    """The tracks that sound; unusable when none does, or one does and a kit was asked for."""
    sounding = {code: steps for code, steps in tracks.items() if set(steps) - {"-"}}
    if not sounding:
        raise LLMUnusable("the pattern has no hits at all: every track is rests")
    if len(sounding) == 1 and request.single_instrument is None:
        (code,) = sounding
        raise LLMUnusable(
            f"the pattern has only one instrument ({code}, {BY_CODE[code].name}); "
            "a groove needs at least two unless the request asks for one instrument"
        )
    return sounding


def _build(raw_tracks: Mapping[str, object], request: GenerationRequest) -> Pattern:
    tracks = _resolve_tracks(raw_tracks)
    if not tracks:
        raise LLMUnusable('the "tracks" object is empty')
    _check_lengths(tracks, request)
    sounding = _check_hits(tracks, request)
    try:
        return Pattern.from_tracks(sounding, request.time_signature, request.steps_per_bar).ordered()
    except NotationError as exc:
        raise LLMUnusable(f"the pattern does not fit the notation: {exc}") from None


# Notation inside prose: "<instrument words>: <steps>", with markdown marks allowed around
# both ("- **sd:** `----x---`"). Step characters come from the table (plus rest aliases and
# the bar marks users type); an entry needs at least 4 steps, so "Kick: off" is not one.
_STEP_CHARS = re.escape("".join(dict.fromkeys(SYMBOL_CHARS + "".join(REST_ALIASES) + "|")))
_NAME_WORD = r"[A-Za-z][A-Za-z-]*"
_ENTRY = re.compile(
    rf"(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,2}})[*_`]*\s*:\s*[*`]*\s*"
    rf"(?P<steps>[{_STEP_CHARS}](?:[{_STEP_CHARS} \t]*[{_STEP_CHARS}])?)(?![A-Za-z0-9])"
)
_MIN_STEPS = 4
_META = re.compile(r"^\W*(time|meter|time signature)\W*:\s*\d+\s*/\s*\d+\W*$", re.IGNORECASE)


def _entry_code(name: str) -> str | None:
    """The instrument the last words before a colon name ("the kick" -> bd), or None."""
    words = name.split()
    for start in range(len(words)):
        code = resolve_instrument(" ".join(words[start:]))
        if code is not None:
            return code
    return None


def _notation_entries(line: str) -> list[tuple[str, str]]:
    """(code, steps text) for each notation entry found in one line of the answer."""
    entries = []
    for match in _ENTRY.finditer(line):
        code = _entry_code(match.group("name"))
        steps = match.group("steps")
        if code is not None and sum(c not in SEPARATORS for c in steps) >= _MIN_STEPS:
            entries.append((code, steps))
    return entries


def _blocks(lines: list[str]) -> list[list[tuple[str, str]]]:
    """Entries of each run of consecutive notation lines; blank and 'time: 3/4' lines do not break a run."""
    blocks: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in lines:
        entries = _notation_entries(line)
        if entries:
            current += entries
        elif current and line.strip() and not _META.match(line):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _notation_block(text: str) -> list[tuple[str, str]]:
    """The notation entries of the answer: the first run inside a code fence, else the first run."""
    for fenced in re.findall(r"```[\w-]*\n(.*?)```", text, re.DOTALL):
        blocks = _blocks(fenced.splitlines())
        if blocks:
            return blocks[0]
    blocks = _blocks(text.splitlines())
    return blocks[0] if blocks else []


def _pattern_from_notation(entries: list[tuple[str, str]], request: GenerationRequest) -> Pattern:
    counted: dict[str, str] = {}
    for code, steps in entries:
        if code in counted:
            raise LLMUnusable(f"{BY_CODE[code].name} ({code}) has two lines; it needs one")
        counted[code] = _clean_steps(code, steps)
    _check_lengths(counted, request)
    _check_hits(counted, request)
    text = "\n".join(f"{code}: {steps}" for code, steps in entries)
    try:
        pattern = parse_pattern(text, time_signature=request.time_signature, steps_per_bar=request.steps_per_bar)
    except NotationError as exc:
        raise LLMUnusable(f"the notation lines do not parse: {exc}") from None
    return pattern.replace_tracks(pattern.tracks).ordered()
