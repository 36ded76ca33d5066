"""Sending a `Reply` as the answer to an interaction: respond once, then edit, then follow up.

Every send passes ``AllowedMentions.none()`` explicitly (the bot's default is the same), so
no echoed text can ping anyone.
"""

from __future__ import annotations

import logging
from typing import Any

import discord

from .components import view_for
from .formatting import CONTENT_MAX, escape, message_parts
from .replies import Reply

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()


async def send_reply(interaction: discord.Interaction, reply: Reply) -> discord.Message | None:
    """The first response, or an edit of the deferred one (a "thinking" message or the clicked message).

    Returns the message as sent when Discord says which it is (always for an edit)."""
    parts = message_parts(reply)
    view = view_for(reply)
    if interaction.response.is_done():
        return await interaction.edit_original_response(
            content=parts["content"],
            embed=parts["embed"],
            attachments=parts["files"],
            view=view,
            allowed_mentions=NO_MENTIONS,
        )
    kwargs: dict[str, Any] = {"ephemeral": reply.ephemeral, "allowed_mentions": NO_MENTIONS}
    if parts["embed"] is not None:
        kwargs["embed"] = parts["embed"]
    if parts["files"]:
        kwargs["files"] = parts["files"]
    if view is not None:
        kwargs["view"] = view
    sent = await interaction.response.send_message(parts["content"], **kwargs)
    resource = getattr(sent, "resource", None)
    return resource if isinstance(resource, discord.Message) else None


async def send_note(interaction: discord.Interaction, text: str) -> None:
    """One sentence only the user sees, whatever state the interaction is in.

    A public "thinking" message cannot turn ephemeral, so it is deleted and the note
    follows up ephemerally instead.
    """
    content = escape(text)[:CONTENT_MAX]
    if not interaction.response.is_done():
        await interaction.response.send_message(content, ephemeral=True, allowed_mentions=NO_MENTIONS)
        return
    if interaction.response.type == discord.InteractionResponseType.deferred_channel_message:
        try:
            await interaction.delete_original_response()
        except discord.HTTPException as exc:
            log.debug("could not delete the deferred response: %s", exc)
    await interaction.followup.send(content, ephemeral=True, allowed_mentions=NO_MENTIONS)
