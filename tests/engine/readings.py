"""How a request reads, in the shape the reader tests compare."""

from pydrums_engine.intent import parse_intent


def said(text: str) -> list[str]:
    """The reply's lines for what the request asks, as the request reads."""
    return parse_intent(text).sentences()


def places(text: str) -> dict[str, tuple[str, ...]]:
    """Each placed voice (by its first code) and its places, as the request reads."""
    return {c.voices[0]: c.places for c in parse_intent(text).constraints if c.rule in ("on", "only")}
