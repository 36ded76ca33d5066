"""The one error handler: every failure of a command or button ends here.

In this order:
1. Wrappers (CommandInvokeError, TransformerError) are unwrapped to what was raised.
2. `InputError` (and `NotationError`): a mistake the user can fix; its message, as it is.
3. `app_commands.CheckFailure`: the command is not for this user or place; one sentence.
4. Other `PyDrumsError`: the engine knows what went wrong; its message, logged as a warning
   (a message naming a server address is logged, and the user gets a plain sentence).
5. An interaction Discord no longer knows (expired, 10062): nothing can be answered; logged.
6. Anything else: a logged traceback and an apology.
Autocomplete failures are only logged: an autocomplete cannot carry a message.
The answer is always one ephemeral sentence; nothing a user types reaches them as a traceback.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from pydrums_engine.errors import InputError, PyDrumsError

from ..formatting import names_an_address
from ..respond import send_note

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong on my side; it has been logged. Please try again."
SERVER_TROUBLE = "That did not work: a server the bot needs is not answering right now. Try again in a minute."
_P = ParamSpec("_P")
_C = TypeVar("_C")


def unwrap(error: BaseException) -> BaseException:
    """What was really raised inside discord.py's wrappers."""
    while isinstance(error, app_commands.CommandInvokeError | app_commands.TransformerError):
        inner = error.original if isinstance(error, app_commands.CommandInvokeError) else error.__cause__
        if inner is None:
            break
        error = inner
    return error


def describe(error: BaseException) -> str | None:
    """The sentence to show for ``error``, or None when it deserves only the apology."""
    if isinstance(error, InputError):
        return str(error)
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages."
    if isinstance(error, app_commands.MissingPermissions | app_commands.BotMissingPermissions):
        return str(error)
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use this command here."
    if isinstance(error, PyDrumsError):
        text = f"That did not work: {error}"
        return SERVER_TROUBLE if names_an_address(text) else text  # the address is the operator's
    return None


async def report_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Log ``error`` as it deserves and tell the user in one ephemeral sentence."""
    cause = unwrap(error)
    where = _where(interaction)
    if isinstance(cause, discord.NotFound) and cause.code == 10062:
        log.warning("interaction %s expired before it was answered (%s)", interaction.id, where)
        return
    text = describe(cause)
    if text is None:
        log.error("unexpected error in %s", where, exc_info=cause)
        text = APOLOGY
    elif not isinstance(cause, InputError):
        log.warning("%s failed: %s", where, cause)
    if interaction.type == discord.InteractionType.autocomplete:
        return
    try:
        await send_note(interaction, text)
    except discord.HTTPException:
        log.warning("could not tell the user about the error in %s", where, exc_info=True)


def _where(interaction: discord.Interaction) -> str:
    if interaction.command is not None:
        return f"/{interaction.command.qualified_name}"
    return f"component {(interaction.data or {}).get('custom_id', '?')}"


def guarded(
    handler: Callable[Concatenate[_C, discord.Interaction, _P], Awaitable[Any]],
) -> Callable[Concatenate[_C, discord.Interaction, _P], Awaitable[None]]:
    """Route a button handler's exceptions to `report_error` (discord.py would only log them)."""

    @functools.wraps(handler)
    async def wrapper(self: _C, interaction: discord.Interaction, *args: _P.args, **kwargs: _P.kwargs) -> None:
        try:
            await handler(self, interaction, *args, **kwargs)
        except Exception as exc:
            await report_error(interaction, exc)

    return wrapper


class Errors(commands.Cog):
    """Installs `report_error` as the command tree's error handler while loaded."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self._previous = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error  # type: ignore[assignment]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        await report_error(interaction, error)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Errors(bot))
