"""One-way dependencies: the engine never imports discord or the bot; the bot's commands do not clash."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pydrums_engine

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import importlib, json, sys
pulled = {}
for name in sys.argv[1:]:
    importlib.import_module(name)
    found = sorted(m for m in sys.modules if m.split('.')[0] in ('discord', 'bot'))
    if found:
        pulled[name] = found[:5]
        break
print(json.dumps(pulled))
"""


def engine_modules() -> list[str]:
    names = [pydrums_engine.__name__]
    names += [m.name for m in pkgutil.walk_packages(pydrums_engine.__path__, prefix="pydrums_engine.")]
    return [n for n in names if not n.endswith("__main__")]


def test_the_engine_never_imports_discord_or_the_bot() -> None:
    """Importing every engine module, one after another in a fresh interpreter, loads no discord."""
    modules = engine_modules()
    assert "pydrums_engine.engine" in modules and "pydrums_engine.render.midi" in modules
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *modules],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {}


def test_every_command_name_is_registered_once() -> None:
    """The cogs together declare each slash command once, and the expected set."""
    from bot.cogs.admin import Admin
    from bot.cogs.convert import Convert
    from bot.cogs.drums import Drums
    from bot.cogs.library import Library

    names = [c.name for cog in (Drums, Library, Convert, Admin) for c in cog.__cog_app_commands__]
    assert sorted(names) == ["convert", "drums", "help", "rebuild", "similar", "styles"]
