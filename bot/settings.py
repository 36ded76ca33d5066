"""The bot's settings: read once from the environment (and `.env`), validated once, frozen.

Every problem is collected and reported as one line naming the variable, so an operator
fixes them all in one go; `__main__` prints them to stderr and exits with status 2.
`.env.example` lists every variable with a comment.
"""

from __future__ import annotations

import math
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydrums_engine.settings import OllamaSettings  # not .llm: importing ollama reads OLLAMA_HOST

from .memory.url import database_url, default_url

_T = TypeVar("_T")

DEFAULT_COOLDOWN = 10.0
DEFAULT_MAX_CONCURRENT = 2
DEFAULT_QUEUE_SIZE = 20
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class SettingsError(ValueError):
    """One or more settings are missing or malformed; ``problems`` holds one line for each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    """Everything the bot reads from its environment.

    ``sharded`` is True when SHARD_COUNT is set; ``shard_count`` None then means "ask
    Discord" (SHARD_COUNT=auto). ``drums_cooldown`` is in seconds.
    """

    token: str | None = None
    owner_ids: frozenset[int] = frozenset()
    dev_guild_id: int | None = None
    ollama: OllamaSettings = field(default_factory=OllamaSettings)
    api_base: str | None = None
    gateway_url: str | None = None
    sharded: bool = False
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    drums_cooldown: float = DEFAULT_COOLDOWN
    max_concurrent_generations: int = DEFAULT_MAX_CONCURRENT
    generation_queue_size: int = DEFAULT_QUEUE_SIZE
    data_dir: Path | None = None
    index_dir: Path | None = None
    log_level: str | None = None  # None: INFO for the bot, WARNING for the console
    db_url: str = field(default_factory=default_url)  # saves and votes; an async SQLAlchemy URL


def load_settings(environ: Mapping[str, str], *, require_token: bool = True) -> Settings:
    """Settings from ``environ``; a `SettingsError` lists every problem, one line each."""
    problems: list[str] = []

    def read(name: str, parse: Callable[[str], _T], default: _T) -> _T:
        text = (environ.get(name) or "").strip()
        if not text:
            return default
        try:
            return parse(text)
        except ValueError as exc:
            problems.append(f"{name}: {exc}")
            return default

    token = (environ.get("DISCORD_TOKEN") or "").strip() or None
    if token is None and require_token:
        problems.append(
            "DISCORD_TOKEN is not set: put the bot's token in .env or the environment "
            "(or run `python -m bot --console` to try the commands in a terminal)"
        )
    elif token is not None and any(c.isspace() for c in token):
        problems.append("DISCORD_TOKEN contains spaces; paste the token exactly as the developer portal shows it")

    try:
        ollama = OllamaSettings.from_env(environ)
    except ValueError as exc:  # its messages already name the variable
        problems.append(str(exc))
        ollama = OllamaSettings()

    shard_count_text = (environ.get("SHARD_COUNT") or "").strip().lower()
    sharded = bool(shard_count_text)
    shard_count = None if shard_count_text == "auto" else read("SHARD_COUNT", _positive_int, None)
    shard_ids = read("SHARD_IDS", _int_list, None)
    if shard_ids is not None:
        if not sharded or shard_count is None:
            problems.append("SHARD_IDS: needs SHARD_COUNT set to a number (the total shards across all processes)")
        elif bad := [i for i in shard_ids if not 0 <= i < shard_count]:
            problems.append(f"SHARD_IDS: {bad} outside 0..{shard_count - 1} for SHARD_COUNT={shard_count}")

    settings = Settings(
        token=token,
        owner_ids=frozenset(read("BOT_OWNER_IDS", _int_list, ())),
        dev_guild_id=read("DEV_GUILD_ID", _snowflake, None),
        ollama=ollama,
        api_base=read("DISCORD_API_BASE", _url(("http", "https")), None),
        gateway_url=read("DISCORD_GATEWAY_URL", _url(("ws", "wss")), None),
        sharded=sharded,
        shard_count=shard_count,
        shard_ids=shard_ids,
        drums_cooldown=read("DRUMS_COOLDOWN_SECONDS", _seconds, DEFAULT_COOLDOWN),
        max_concurrent_generations=read("MAX_CONCURRENT_GENERATIONS", _positive_int, DEFAULT_MAX_CONCURRENT),
        generation_queue_size=read("GENERATION_QUEUE_SIZE", _count, DEFAULT_QUEUE_SIZE),
        data_dir=read("PYDRUMS_DATA_DIR", Path, None),
        index_dir=read("PYDRUMS_INDEX_DIR", Path, None),
        log_level=read("LOG_LEVEL", _log_level, None),
        db_url=read("PYDRUMS_DB_URL", database_url, default_url()),
    )
    if problems:
        raise SettingsError(problems)
    return settings


# -- one parser per kind of value; each raises ValueError with what was expected -------------


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def _positive_int(text: str) -> int:
    value = _whole(text)
    if value < 1:
        raise ValueError(f"{value} is below 1")
    return value


def _count(text: str) -> int:
    value = _whole(text)
    if value < 0:
        raise ValueError(f"{value} is below 0")
    return value


def _snowflake(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise ValueError(f"{text!r} is not a Discord id (a number like 123456789012345678)")
    return int(text)


def _int_list(text: str) -> tuple[int, ...]:
    items = [part.strip() for part in text.split(",")]
    bad = [part for part in items if not part.isdigit()]
    if bad:
        raise ValueError(f"{text!r} is not a comma-separated list of numeric ids (bad: {', '.join(map(repr, bad))})")
    return tuple(int(part) for part in items)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{text!r} is not a number of seconds (0 or more, like 10)")
    return value


def _url(schemes: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        split = urllib.parse.urlsplit(text)
        if split.scheme not in schemes or not split.netloc:
            raise ValueError(f"{text!r} is not a {' or '.join(s + '://' for s in schemes)} URL")
        return text.rstrip("/")

    return parse


def _log_level(text: str) -> str:
    level = text.upper()
    if level not in LOG_LEVELS:
        raise ValueError(f"{text!r} is not one of {', '.join(LOG_LEVELS)}")
    return level
