"""The Ollama client: one conversation with the model for one candidate answer.

`PatternWriter.write` sends the few-shot prompt with Ollama's structured outputs (the
`prompt.response_schema` JSON schema) to ``POST /api/chat``, reads the answer with
`answer.parse_answer`, asks the caller's ``review`` (the musical check) what is wrong with
it, and, when the answer cannot be used or the review complains, asks once more quoting the
exact complaint. Every failure leaves as one of the `errors.LLMError` kinds, with
``attempts`` set:

- `LLMUnavailable`: connection refused or dropped, no whole answer by the deadline, HTTP
  errors, a reply that is not an Ollama chat reply (HTML, a JSON list, a number, null, an
  empty body);
- `ModelMissing`: the server answered 404 for the model (``ollama pull <model>`` fixes it);
- `LLMUnusable`: two answers in a row that do not parse as a usable pattern, or a reply
  longer than `limits.ANSWER_MAX_BYTES`.

The ``deadline`` is one for the whole conversation, and a hard one. Each chat request runs
in a daemon worker thread (httpx, reading the reply in chunks, at most ANSWER_MAX_BYTES of
it); the caller stops waiting when the time is up and closes the request's connection, so
a server that sends one byte a second, or nothing at all, costs exactly the time left. The
reply is read into the ``ollama`` package's own `ChatResponse`. httpx errors and every reply
shape are translated here and go no further. The client is synchronous; the Discord bot
calls `write` from a worker thread.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpx
import ollama

from .answer import parse_answer
from .errors import LLMError, LLMUnavailable, LLMUnusable, ModelMissing
from .limits import ANSWER_MAX_BYTES
from .notation import Pattern
from .prompt import Example, GenerationRequest, build_messages, repair_message, response_schema
from .settings import OllamaSettings, normalise_host

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 2  # the first answer and one repair round

Review = Callable[[Pattern], "str | None"]  # the musical check's first complaint, or None


@dataclass(frozen=True)
class LLMAnswer:
    """A usable pattern from the model; ``attempts`` is 1, or 2 after a repair round.

    ``complaint`` is the review's complaint about the last answer when no round satisfied it.
    """

    pattern: Pattern
    name: str
    attempts: int
    raw: str
    complaint: str | None = None


class PatternWriter:
    """Writes patterns with one Ollama model; build once at start-up and share.

    The TLS context and headers are made here, once; each chat request then has an httpx
    client (and a connection) of its own, so that it can be dropped at the deadline.
    """

    def __init__(self, settings: OllamaSettings) -> None:
        self.settings = settings
        self.host = normalise_host(settings.host)
        self._tls = httpx.create_ssl_context()  # 25 ms to load; a client made with it costs 0.1 ms
        self._headers = {"Accept": "application/json", "Accept-Encoding": "identity", "User-Agent": "pydrums"}
        if api_key := os.environ.get("OLLAMA_API_KEY"):  # as the ollama client does, for hosted servers
            self._headers["Authorization"] = f"Bearer {api_key}"

    def ping(self, timeout: float = 1.0) -> bool:
        """True when an Ollama server answers GET /api/version at the host; never raises."""
        try:
            response = httpx.get(f"{self.host}/api/version", timeout=timeout)
        except (httpx.HTTPError, OSError, ValueError) as exc:
            log.debug("Ollama at %s did not answer /api/version: %s", self.host, exc)
            return False
        return response.status_code == httpx.codes.OK

    def write(
        self,
        request: GenerationRequest,
        examples: Iterable[Example],
        *,
        seed: int | None = None,
        review: Review | None = None,
        deadline: float | None = None,
    ) -> LLMAnswer:
        """A new pattern for ``request`` in the spirit of ``examples``, or an `LLMError`.

        ``review`` is asked about every usable answer; its complaint starts a repair round.
        ``deadline`` (time.monotonic()) bounds every request of this conversation together;
        without one, the conversation has ``settings.timeout`` seconds.
        """
        if deadline is None:
            deadline = time.monotonic() + self.settings.timeout
        messages = build_messages(request, examples)
        schema = response_schema(request)
        options: dict[str, float | int] = {
            "temperature": self.settings.temperature,
            "top_p": self.settings.top_p,
            "num_predict": min(self.settings.num_predict, answer_tokens(request)),
        }
        chosen_seed = seed if seed is not None else self.settings.seed
        if chosen_seed is not None:
            options["seed"] = chosen_seed
        reason = ""
        best: LLMAnswer | None = None
        for attempt in range(1, MAX_ATTEMPTS + 1):
            if best is not None and deadline - time.monotonic() <= 0:
                return best  # no time for a repair round: the caller weighs the complaint
            text, done_reason = self._chat(messages, schema, options, attempt, deadline)
            try:
                pattern, name = parse_answer(text, request)
            except LLMUnusable as exc:
                reason = exc.message
                if done_reason == "length":
                    reason += f" (the model stopped at its limit of {self.settings.num_predict} tokens)"
                log.info("attempt %d: unusable answer from %s: %s", attempt, self.settings.model, reason)
            else:
                complaint = review(pattern) if review else None
                answer = LLMAnswer(pattern, name or _fallback_name(request), attempt, text, complaint)
                if complaint is None:
                    return answer
                best, reason = answer, complaint
                log.info("attempt %d: the check refused the answer: %s", attempt, complaint)
            messages = [
                *messages,
                {"role": "assistant", "content": text},
                {"role": "user", "content": repair_message(reason, request)},
            ]
        if best is not None:
            return best
        raise LLMUnusable(
            f"the model gave no usable pattern in {MAX_ATTEMPTS} tries: {reason}",
            attempts=MAX_ATTEMPTS,
        )

    def _chat(
        self,
        messages: list[dict[str, str]],
        schema: dict,
        options: dict[str, float | int],
        attempt: int,
        deadline: float,
    ) -> tuple[str, str | None]:
        """One chat request, given up on at ``deadline``: (answer text, done_reason); errors translated."""
        started = time.monotonic()
        left = deadline - started
        if left <= 0:
            raise LLMUnavailable(f"no time left of the {self.settings.timeout:g} s budget", attempts=attempt)
        body = {
            "model": self.settings.model,
            "messages": messages,
            "format": schema,
            "options": options,
            "keep_alive": self.settings.keep_alive,
            "stream": False,
        }
        client = httpx.Client(timeout=left, verify=self._tls, headers=self._headers, follow_redirects=True)
        call = _Call(client, f"{self.host}/api/chat", body)
        threading.Thread(target=call.run, name="pydrums-ollama-chat", daemon=True).start()
        if not call.done.wait(left):
            call.abandon()
            raise LLMUnavailable(self._late(call.received), attempts=attempt)
        if call.error is not None:
            translated = self._translate(call.error, attempt)
            if translated is None:
                raise call.error  # a bug of ours, not the server's: let it show
            raise translated from call.error
        response = self._read_reply(call, attempt)
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

    @property
    def _where(self) -> str:
        return f"the Ollama server at {self.host}"

    def _late(self, received: int) -> str:
        """The operator's sentence for a reply that did not come whole in time."""
        limit = f"within {self.settings.timeout:g} s (OLLAMA_TIMEOUT)"
        if received:
            return f"{self._where} did not send its whole answer {limit}"
        return f"{self._where} did not answer {limit}"

    def _read_reply(self, call: _Call, attempt: int) -> ollama.ChatResponse:
        """The chat reply in ``call``, or the `LLMError` its status, size or shape calls for."""
        where, status, model = self._where, call.status, self.settings.model
        if status == httpx.codes.NOT_FOUND and "model" in _error_text(call):  # not "404 page not found"
            raise ModelMissing(
                f"{where} does not have the model {model!r}; run `ollama pull {model}` there", attempts=attempt
            )
        if not httpx.codes.is_success(status):
            raise LLMUnavailable(f"{where} answered HTTP {status}: {_error_text(call)}", attempts=attempt)
        if call.body is None:
            raise LLMUnusable(
                f"the answer was longer than {ANSWER_MAX_BYTES // 1024} kB (a pattern takes a few kB); "
                "the rest was not read",
                attempts=attempt,
            )
        not_chat = f"{where} answered with {{}}, not an Ollama chat reply"
        try:
            data = json.loads(call.body)
        except (ValueError, RecursionError):
            raise LLMUnavailable(not_chat.format(_describe_text(call)), attempts=attempt) from None
        if not isinstance(data, dict):
            raise LLMUnavailable(not_chat.format(_describe_json(data)), attempts=attempt)
        if isinstance(data.get("error"), str):
            raise LLMUnavailable(f"{where} answered with an error: {_clip(data['error'])}", attempts=attempt)
        try:
            return ollama.ChatResponse.model_validate(data)
        except ValueError:  # pydantic's ValidationError
            raise LLMUnavailable(not_chat.format("a JSON object without a chat message"), attempts=attempt) from None

    def _translate(self, exc: Exception, attempt: int) -> LLMError | None:
        """The `LLMError` a caller should see for an exception from the request, None for our own bugs."""
        where = self._where
        if isinstance(exc, httpx.TimeoutException):
            return LLMUnavailable(self._late(0), attempts=attempt)
        if isinstance(exc, httpx.ConnectError):
            return LLMUnavailable(f"{where} did not answer: nothing accepts connections there", attempts=attempt)
        if isinstance(exc, httpx.RemoteProtocolError):
            return LLMUnavailable(f"{where} closed the connection without a whole answer ({exc})", attempts=attempt)
        if isinstance(exc, httpx.HTTPError | httpx.InvalidURL | OSError):
            return LLMUnavailable(f"{where} failed: {exc}", attempts=attempt)
        return None


class _Call:
    """One chat request, run by a worker thread: `run` fills ``status`` and ``body`` (None: the
    reply passed ANSWER_MAX_BYTES) or ``error``, then sets ``done``. `abandon` is the caller
    giving up: it closes the client, so the worker's next read fails and the thread ends."""

    def __init__(self, client: httpx.Client, url: str, payload: dict[str, Any]) -> None:
        self.client, self.url, self.payload = client, url, payload
        self.done = threading.Event()
        self.status = 0
        self.content_type = ""
        self.body: bytes | None = None
        self.received = 0  # bytes of the reply's body so far
        self.error: Exception | None = None
        self._abandoned = False

    def run(self) -> None:
        try:
            with self.client, self.client.stream("POST", self.url, json=self.payload) as response:
                self.status = response.status_code
                self.content_type = response.headers.get("content-type", "")
                chunks = []
                for chunk in response.iter_raw():
                    if self._abandoned:
                        return
                    self.received += len(chunk)
                    if self.received > ANSWER_MAX_BYTES:
                        return  # body stays None; leaving the block closes the connection
                    chunks.append(chunk)
                self.body = b"".join(chunks)
        except Exception as exc:  # handed to the caller, who translates it (or, after abandon, drops it)
            self.error = exc
        finally:
            self.done.set()

    def abandon(self) -> None:
        self._abandoned = True
        self.client.close()


_TITLE = re.compile(rb"<title>([^<]{1,200})</title>", re.IGNORECASE)


def _describe_text(call: _Call) -> str:
    """What a body that is not JSON looks like, in a few words: "an empty body", "an HTML page (...)"."""
    body = (call.body or b"").strip()
    if not body:
        return "an empty body"
    if "html" in call.content_type.lower() or body.startswith(b"<"):
        title = _TITLE.search(body)
        return f"an HTML page ({title.group(1).decode(errors='replace').strip()})" if title else "an HTML page"
    return "text that is not JSON"


def _describe_json(value: object) -> str:
    """What a JSON value that is not an object is, in a few words: "a JSON list", "JSON null"..."""
    if value is None or isinstance(value, bool):
        return f"JSON {json.dumps(value)}"
    kinds = {list: "list", str: "string", int: "number", float: "number"}
    return f"a JSON {kinds.get(type(value), type(value).__name__)}"


def _error_text(call: _Call) -> str:
    """The server's own words for an HTTP error: Ollama's ``{"error": ...}``, else what the body is."""
    if call.body is None:
        return f"a body of more than {ANSWER_MAX_BYTES // 1024} kB"
    try:
        data = json.loads(call.body)
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return _clip(data["error"])
    text = call.body.decode(errors="replace").strip()
    if not text or text.startswith("<") or "html" in call.content_type.lower():
        return _describe_text(call)
    return _clip(text)


def _clip(text: str, limit: int = 200) -> str:
    """``text`` on one line, at most ``limit`` characters: a server's words quoted in a log line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def answer_tokens(request: GenerationRequest) -> int:
    """A ceiling on the answer's length in tokens: a name and up to eight tracks of N steps.

    A grammar lets a model pad its JSON with whitespace without end; a small model sometimes
    does, and would run on to its context limit (minutes on a CPU). Step strings tokenize at
    worst one token a step.
    """
    return 96 + 8 * (request.length + 8)


def _fallback_name(request: GenerationRequest) -> str:
    return f"New {request.style} groove" if request.style else "New groove"
