"""``python -m bot``: the Discord bot; ``python -m bot --console``: its commands in a terminal.

Settings come from the environment and from ``.env`` in the current directory (the
environment wins). A missing or malformed setting is one line on stderr and exit status 2;
a token Discord refuses, or an engine that cannot start, is one line and status 1.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from pathlib import Path

from dotenv import find_dotenv, load_dotenv

from .settings import SettingsError, load_settings

EXIT_SETTINGS = 2
EXIT_FAILURE = 1
CHATTY_LOGGERS = ("httpx", "httpcore", "sentence_transformers")  # a line per request or load at INFO


def _quiet_chatty_loggers() -> None:
    """INFO is for the bot's own story; these libraries speak again at LOG_LEVEL=DEBUG."""
    if logging.getLogger().level > logging.DEBUG:
        for name in CHATTY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="PyDrums: drum patterns from plain words.")
    parser.add_argument("--console", action="store_true", help="run the commands in this terminal, no Discord")
    parser.add_argument("--out", type=Path, default=Path("out"), help="where console mode writes files (./out)")
    args = parser.parse_args(argv)

    load_dotenv(find_dotenv(usecwd=True), override=False)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is bundled; never reach for the hub at start
    try:
        settings = load_settings(os.environ, require_token=not args.console)
    except SettingsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_SETTINGS

    if args.console:
        logging.basicConfig(
            level=settings.log_level or "WARNING", stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
        )
        _quiet_chatty_loggers()
        from .console import run_console

        return run_console(settings, out_dir=args.out)

    import discord

    from pydrums_engine.errors import PyDrumsError

    from .client import serve

    discord.utils.setup_logging(level=logging.getLevelName(settings.log_level or "INFO"))
    _quiet_chatty_loggers()
    try:
        asyncio.run(serve(settings))
    except discord.LoginFailure:
        print("DISCORD_TOKEN was refused by Discord: check that it is the bot's current token", file=sys.stderr)
        return EXIT_FAILURE
    except discord.PrivilegedIntentsRequired as exc:
        print(f"Discord refused the bot's intents: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except (PyDrumsError, OSError) as exc:
        print(f"PyDrums could not start: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
