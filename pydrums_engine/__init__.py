"""PyDrums engine: drum patterns from plain-language requests, with no Discord in sight.

Public API (see ../shared/PRODUCT.md)::

    from pydrums_engine import Engine
    engine = Engine.load()                         # library, model, index
    engine.similar("groovy funk", k=3)             # -> [Hit(id, style, description, notation, score)]
    engine.similar(pattern="bd: x---x---x---x---", votes=vote_scores(guild, everywhere))  # more like this
    engine.generate("laid back one drop", bars=2)  # -> Generation(notation, source, examples, reason)
    engine.rebuild()                               # re-embed the library without a restart

    from pydrums_engine import parse_pattern, Pattern, NotationError
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import InputError, LLMError, NotationError, PyDrumsError
from .notation import Pattern, parse_pattern
from .votes import vote_scores

if TYPE_CHECKING:
    from .engine import Engine

__all__ = [
    "Engine",
    "InputError",
    "LLMError",
    "NotationError",
    "Pattern",
    "PyDrumsError",
    "parse_pattern",
    "vote_scores",
]


def __getattr__(name: str):
    # Engine pulls in numpy, scikit-learn and the renderers; load it only when asked for.
    if name == "Engine":
        from .engine import Engine

        return Engine
    raise AttributeError(f"module 'pydrums_engine' has no attribute {name!r}")
