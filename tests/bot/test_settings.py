"""Settings are read once, validated once, and every problem is one line naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]
TOKEN = {"DISCORD_TOKEN": "abc.def.ghi"}


def problems(environ: dict[str, str], **kwargs) -> list[str]:
    with pytest.raises(SettingsError) as caught:
        load_settings(environ, **kwargs)
    return caught.value.problems


def test_defaults_need_only_a_token() -> None:
    """With just a token every other setting takes the documented default."""
    settings = load_settings(TOKEN)
    assert settings == Settings(token="abc.def.ghi")
    assert (settings.drums_cooldown, settings.max_concurrent_generations, settings.generation_queue_size) == (10, 2, 20)
    assert settings.ollama.host == "http://127.0.0.1:11434" and settings.ollama.model == "llama3.1"
    assert not settings.sharded and settings.owner_ids == frozenset()
    assert settings.db_url.startswith("sqlite+aiosqlite:///") and settings.db_url.endswith("/data/memory.sqlite3")


def test_every_setting_is_read() -> None:
    """Each variable lands in its field, converted to its type."""
    settings = load_settings(
        {
            **TOKEN,
            "BOT_OWNER_IDS": "111, 222",
            "DEV_GUILD_ID": "333",
            "OLLAMA_HOST": "10.0.0.5:8080",
            "OLLAMA_MODEL": "qwen2.5:7b",
            "OLLAMA_TIMEOUT": "12.5",
            "DISCORD_API_BASE": "http://127.0.0.1:9999/api/v10/",
            "DISCORD_GATEWAY_URL": "ws://127.0.0.1:9999/gateway",
            "SHARD_COUNT": "4",
            "SHARD_IDS": "2,3",
            "DRUMS_COOLDOWN_SECONDS": "2.5",
            "MAX_CONCURRENT_GENERATIONS": "3",
            "GENERATION_QUEUE_SIZE": "0",
            "LOG_LEVEL": "debug",
            "PYDRUMS_DB_URL": "postgresql://bot:pw@db.internal:5432/pydrums",
        }
    )
    assert settings.db_url == "postgresql+asyncpg://bot:pw@db.internal:5432/pydrums"
    assert settings.owner_ids == {111, 222}
    assert settings.dev_guild_id == 333
    assert (settings.ollama.host, settings.ollama.model, settings.ollama.timeout) == (
        "http://10.0.0.5:8080",
        "qwen2.5:7b",
        12.5,
    )
    assert settings.api_base == "http://127.0.0.1:9999/api/v10"
    assert settings.gateway_url == "ws://127.0.0.1:9999/gateway"
    assert (settings.sharded, settings.shard_count, settings.shard_ids) == (True, 4, (2, 3))
    assert (settings.drums_cooldown, settings.max_concurrent_generations, settings.generation_queue_size) == (2.5, 3, 0)
    assert settings.log_level == "DEBUG"


def test_shard_count_auto_asks_discord() -> None:
    """SHARD_COUNT=auto runs sharded with the count left to Discord."""
    settings = load_settings({**TOKEN, "SHARD_COUNT": "auto"})
    assert (settings.sharded, settings.shard_count) == (True, None)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("BOT_OWNER_IDS", "alice,bob"),
        ("BOT_OWNER_IDS", "123;456"),
        ("DEV_GUILD_ID", "my-server"),
        ("DEV_GUILD_ID", "-5"),
        ("OLLAMA_HOST", "ftp://box"),
        ("OLLAMA_HOST", "http://box:99999"),
        ("OLLAMA_TIMEOUT", "soon"),
        ("DISCORD_API_BASE", "discord.com/api"),
        ("DISCORD_GATEWAY_URL", "http://gateway.example"),
        ("SHARD_COUNT", "0"),
        ("SHARD_COUNT", "two"),
        ("DRUMS_COOLDOWN_SECONDS", "-1"),
        ("DRUMS_COOLDOWN_SECONDS", "ten"),
        ("MAX_CONCURRENT_GENERATIONS", "0"),
        ("GENERATION_QUEUE_SIZE", "-3"),
        ("GENERATION_QUEUE_SIZE", "1.5"),
        ("LOG_LEVEL", "loud"),
        ("PYDRUMS_DB_URL", "mysql://u:p@db/x"),
        ("PYDRUMS_DB_URL", "sqlite://"),
    ],
)
def test_a_malformed_value_is_one_line_naming_it(variable: str, value: str) -> None:
    """The line names the variable and quotes what was wrong."""
    (line,) = problems({**TOKEN, variable: value})
    assert line.startswith(variable)
    assert "\n" not in line


def test_shard_ids_must_fit_the_shard_count() -> None:
    """SHARD_IDS needs a numeric SHARD_COUNT and ids below it."""
    assert problems({**TOKEN, "SHARD_IDS": "0"})[0].startswith("SHARD_IDS: needs SHARD_COUNT")
    assert "outside 0..1" in problems({**TOKEN, "SHARD_COUNT": "2", "SHARD_IDS": "1,2"})[0]


def test_every_problem_is_reported_at_once() -> None:
    """Three problems, three lines: the operator fixes them in one go."""
    found = problems({"BOT_OWNER_IDS": "x", "DEV_GUILD_ID": "y"})
    assert [line.split(" ")[0].rstrip(":") for line in found] == ["DISCORD_TOKEN", "BOT_OWNER_IDS", "DEV_GUILD_ID"]


def test_console_mode_needs_no_token() -> None:
    """Without require_token a missing token is fine; empty values count as unset."""
    assert load_settings({"DISCORD_TOKEN": "  ", "DEV_GUILD_ID": ""}, require_token=False).token is None


def run_bot(*args: str, env: dict[str, str], cwd: Path, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in _BOT_VARIABLES}
    base.update(PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1")
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env={**base, **env},
        cwd=cwd,
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


_BOT_VARIABLES = {
    "DISCORD_TOKEN",
    "BOT_OWNER_IDS",
    "DEV_GUILD_ID",
    "OLLAMA_HOST",
    "OLLAMA_MODEL",
    "OLLAMA_TIMEOUT",
    "SHARD_COUNT",
    "SHARD_IDS",
    "DISCORD_API_BASE",
    "DISCORD_GATEWAY_URL",
}


def test_missing_token_stops_the_bot_with_one_line(tmp_path: Path) -> None:
    """`python -m bot` with no token: one line naming DISCORD_TOKEN, status 2, no traceback."""
    result = run_bot(env={}, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DISCORD_TOKEN" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_dotenv_in_the_working_directory_is_read(tmp_path: Path) -> None:
    """A .env beside the operator is read; its malformed value is reported like any other."""
    (tmp_path / ".env").write_text("DISCORD_TOKEN=abc\nBOT_OWNER_IDS=me\n", encoding="utf-8")
    result = run_bot(env={}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "BOT_OWNER_IDS: 'me' is not a comma-separated list of numeric ids (bad: 'me')"
    ]


BAD_OLLAMA_HOSTS = ["http://127.0.0.1:99999", "http://[::1", "host:70000", "not a url"]


@pytest.mark.parametrize("host", BAD_OLLAMA_HOSTS)
def test_a_bad_ollama_host_stops_the_bot_with_one_line(tmp_path: Path, host: str) -> None:
    """A malformed OLLAMA_HOST is one line naming it and status 2, checked before the ollama package
    (which builds a client from OLLAMA_HOST when imported) can crash with a traceback."""
    result = run_bot(env={**TOKEN, "OLLAMA_HOST": host}, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"OLLAMA_HOST: {host!r} ") and "like http://127.0.0.1:11434" in line
    assert result.stdout == ""


def test_a_bad_database_url_stops_the_bot_with_one_line(tmp_path: Path) -> None:
    """PYDRUMS_DB_URL names what is expected, and never echoes the password."""
    result = run_bot(env={**TOKEN, "PYDRUMS_DB_URL": "mongodb://admin:hunter2@db/x"}, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("PYDRUMS_DB_URL: 'mongodb' databases are not supported; expected sqlite:///")
    assert "hunter2" not in result.stderr
