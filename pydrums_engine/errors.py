"""Errors the engine raises, as one small tree.

    PyDrumsError
     ├── InputError           a request a user can fix (unknown style, bpm out of range)
     │    └── NotationError   bad pattern text: carries line, column and step
     ├── LibraryError         a groove file that breaks the library's rules
     ├── EmbeddingIndexError  the embedding index cannot be read or written
     └── LLMError             anything that kept the model from answering
          ├── LLMUnavailable  server down, timed out, or answered with an HTTP error
          ├── ModelMissing    the server does not have the configured model
          └── LLMUnusable     the model answered, but not with a usable pattern

Lower-level errors (httpx, ollama, OSError) are translated where they enter, so callers
(the CLI, the Discord bot) only ever catch these.
"""

from __future__ import annotations


class PyDrumsError(Exception):
    """Base of every error the engine means to show a user."""


class InputError(PyDrumsError, ValueError):
    """A request the user can fix: the message says what is wrong and what is expected."""


class NotationError(InputError):
    """Pattern text that does not follow the notation.

    ``line`` and ``column`` are 1-based positions in the text the user wrote; ``step`` is
    the 1-based step on that track when the problem is a single step.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        step: int | None = None,
        track: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.step = step
        self.track = track


class LibraryError(PyDrumsError):
    """A groove or style entry in data/ that breaks the library's rules."""


class EmbeddingIndexError(PyDrumsError):
    """The embedding index could not be loaded or written."""


class LLMError(PyDrumsError):
    """The model could not give a usable pattern.

    ``attempts`` counts the requests sent to the model before giving up, the one that
    failed included.
    """

    public = "the model could not answer"  # in a musician's words: no host, port or model name

    def __init__(self, message: str, *, attempts: int = 1) -> None:
        super().__init__(message)
        self.message = message  # for operators: the log and the command line
        self.attempts = attempts


class LLMUnavailable(LLMError):
    """The Ollama server is down, too slow, or answered with an HTTP error."""

    public = "the model server is not answering right now"


class ModelMissing(LLMError):
    """The Ollama server answered 404 for the configured model."""

    public = "the model server does not have the model it is set up to use"


class LLMUnusable(LLMError):
    """The model answered, but with nothing that parses as a usable pattern."""

    public = "the model's answer could not be read as a pattern"
