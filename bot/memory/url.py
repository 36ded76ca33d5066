"""PYDRUMS_DB_URL: which database holds the bot's memory, as a SQLAlchemy URL with an async driver.

    (unset)                          sqlite+aiosqlite:///<repo>/data/memory.sqlite3 (git ignores it)
    sqlite:///relative/path.sqlite3  a SQLite file (four slashes for an absolute path)
    postgresql://user:pw@host/db     PostgreSQL through asyncpg (postgres:// is read the same)

Any other scheme, a SQLite URL without a file, or PostgreSQL without a database name is a
`ValueError` whose message says what is expected; the password never appears in it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from pydrums_engine.library import DEFAULT_DATA_DIR

DEFAULT_DB_PATH = DEFAULT_DATA_DIR / "memory.sqlite3"
_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}
EXPECTED = "sqlite:///path/to/file.sqlite3 or postgresql://user:password@host:5432/database"


def default_url(path: Path = DEFAULT_DB_PATH) -> str:
    return URL.create("sqlite+aiosqlite", database=str(path)).render_as_string(hide_password=False)


def database_url(text: str) -> str:
    """``text`` as a URL SQLAlchemy's async engine takes; ValueError says what is expected."""
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):
        raise ValueError(f"{_shown(text)!r} is not a database URL; expected {EXPECTED}") from None
    driver = _DRIVERS.get(url.drivername)
    if driver is None:
        raise ValueError(f"{url.drivername!r} databases are not supported; expected {EXPECTED}")
    url = url.set(drivername=driver)
    if driver.startswith("sqlite") and (not url.database or url.database == ":memory:"):
        raise ValueError("a SQLite URL needs a file, like sqlite:///data/memory.sqlite3")
    if driver.startswith("postgresql") and (not url.host or not url.database):
        raise ValueError(f"a PostgreSQL URL needs a host and a database name, like {EXPECTED.split(' or ')[1]}")
    return url.render_as_string(hide_password=False)


def shown_url(url: str) -> str:
    """The URL for a log line: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<unreadable database URL>"


def _shown(text: str) -> str:
    head, at, tail = text.partition("@")
    return f"{head.rsplit(':', 1)[0]}:***@{tail}" if at and head.count(":") >= 2 else text
