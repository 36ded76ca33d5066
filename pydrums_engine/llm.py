"""The Ollama client: one conversation with the model for one candidate answer.

`PatternWriter.write` sends the few-shot prompt with Ollama's structured outputs (the
`prompt.response_schema` JSON schema), reads the answer with `answer.parse_answer`, asks the
caller's ``review`` (the musical check) what is wrong with it, and, when the answer cannot
be used or the review complains, asks once more quoting the exact complaint. Every call
keeps to one ``deadline`` for the whole request. Every failure leaves as one of the
`errors.LLMError` kinds, with ``attempts`` set:

- `LLMUnavailable`: connection refused, no answer within ``timeout`` seconds, HTTP errors;
- `ModelMissing`: the server answered 404 for the model (``ollama pull <model>`` fixes it);
- `LLMUnusable`: two answers in a row that do not parse as a usable pattern.

httpx and ollama exceptions are translated here and go no further. The client is
synchronous; the Discord bot calls `write` from a worker thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import httpx
import ollama

from .answer import parse_answer
from .errors import LLMError, LLMUnavailable, LLMUnusable, ModelMissing
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
        ``deadline`` (time.monotonic()) bounds every request of this conversation together.
        """
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
            if best is not None and deadline is not None and deadline - time.monotonic() <= 0:
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
        deadline: float | None,
    ) -> tuple[str, str | None]:
        """One non-streaming chat request: (answer text, done_reason); errors translated."""
        started = time.monotonic()
        client = self._client
        if deadline is not None:
            left = deadline - started
            if left <= 0:
                raise LLMUnavailable(f"no time left of the {self.settings.timeout:g} s budget", attempts=attempt)
            client = ollama.Client(host=self.host, timeout=min(left, self.settings.timeout))
        try:
            response = client.chat(
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


def answer_tokens(request: GenerationRequest) -> int:
    """A ceiling on the answer's length in tokens: a name and up to eight tracks of N steps.

    A grammar lets a model pad its JSON with whitespace without end; a small model sometimes
    does, and would run on to its context limit (minutes on a CPU). Step strings tokenize at
    worst one token a step.
    """
    return 96 + 8 * (request.length + 8)


def _fallback_name(request: GenerationRequest) -> str:
    return f"New {request.style} groove" if request.style else "New groove"
