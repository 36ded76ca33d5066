"""Shared fixtures: one embedding model and one engine per test session.

Loading MiniLM takes seconds, so tests share it; each engine gets its own index folder so
no test touches data/index.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="session")
def library():
    from pydrums_engine.library import load_library

    return load_library(DATA_DIR)


@pytest.fixture(scope="session")
def encoder():
    from pydrums_engine.embeddings import Encoder

    return Encoder()


@pytest.fixture(scope="session")
def engine(tmp_path_factory, encoder):
    """The real engine over the real library, with no language model configured."""
    return make_engine(DATA_DIR, seeded_index(tmp_path_factory.mktemp("index")), encoder)


def seeded_index(folder: Path) -> Path:
    """``folder`` holding a copy of the committed index, so a session pays no full build.

    The engine still checks the copy against the library and re-encodes what changed;
    building from nothing is tested on small libraries in test_index.py.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("vectors.npy", "manifest.json"):
        if (DATA_DIR / "index" / name).exists() and not (folder / name).exists():
            shutil.copy2(DATA_DIR / "index" / name, folder / name)
    return folder


def make_engine(data_dir: Path, index_dir: Path, encoder, writer=None, ollama=None):
    from pydrums_engine.engine import Engine

    return Engine(
        data_dir=data_dir,
        index_dir=index_dir,
        encoder=encoder,
        encoder_error=None,
        writer=writer,
        ollama=ollama,
        model_name=encoder.name if encoder else "all-MiniLM-L6-v2",
    )


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of the library (data/grooves and the style traits) that a test may edit."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR / "grooves", target / "grooves")
    shutil.copy2(DATA_DIR / "traits.toml", target / "traits.toml")
    return target


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL on 127.0.0.1 for this session; the test skips, saying why, when none can start.

    Its folder is made under the system's temp folder, not pytest's (whose folders only root may enter).
    """
    import tempfile

    from tests.fakes.postgres import PostgresServer, PostgresUnavailable

    folder = Path(tempfile.mkdtemp(prefix="pydrums-postgres-"))
    try:
        server = PostgresServer.start(folder)
    except PostgresUnavailable as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL cannot be started here: {exc}")
    with server:
        yield server
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database for the bot's memory: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'memory.sqlite3'}"
    return request.getfixturevalue("postgres_server").new_database()
