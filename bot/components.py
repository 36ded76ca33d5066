"""Buttons that keep working after a restart: `discord.ui.DynamicItem`, state in the custom_id.

    pydrums:regen:<style>:<bpm>:<bars>:<tempo>:<swing %>[:<humanize>:<swing asked>[:<form>]]   Regenerate
    pydrums:vary:<style>:<bpm>:<bars>:<tempo>:<swing %>[:<humanize>:<swing asked>[:<form>]]    Variation
    pydrums:page:<user id>:<page>:<count>:<style>            /similar ◀ ▶ (only that user pages)
    pydrums:vote:<up|down>                                   👍 👎 under a /drums answer
    pydrums:save:<tempo>:<swing %>                           Save under a /drums answer
    pydrums:saved:<user id>:<page>                           /saved ◀ ▶
    pydrums:export:<user id>                                 /saved: every save as MIDI files in a .zip
    pydrums:forget:<user id>                                 /forget: the confirm button

A /drums answer carries two rows: Regenerate, Variation (row 0; More like this and Refine
will join them), then 👍, 👎, Save (row 1). A vote needs nothing but the message it sits
on (its id keys the votes; the memory knows the grooves it was based on); Save reads the
groove from the message and carries the tempo and swing it is played at.

``style``, ``bpm``, ``bars``, ``humanize`` and ``swing asked`` are the options as the user
gave them (empty: left to the engine; the last two are left off when neither was given and
there is no form); ``form`` the song form's letters (A-D, at most 8: the longest id is 85
characters);
``tempo`` and ``swing`` are how the shown pattern is played. The long parts, the
request text, the pattern and the /similar query, do not fit in a custom_id (100
characters), so they are read back from the message the button sits on: its embed shows
them exactly (`formatting.escape` is reversible). So any bot process, before or after a
restart, can answer a press on any message the bot ever sent, with no state in memory.

A press is handed to the cog that owns it (`Drums.regenerate`, `Drums.variation`,
`Library.turn_page`), which answers the way its slash command does.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import discord

from pydrums_engine.limits import FORM_LETTERS, MAX_SECTIONS

from .replies import DrumsActions, Paging, Reply

_STYLE = r"(?P<style>[a-z0-9-]{0,40})"
_ACTIONS = (
    _STYLE
    + r":(?P<bpm>\d{0,3}):(?P<bars>\d?):(?P<tempo>\d{1,3}):(?P<swing>\d{1,3})"
    + r"(?::(?P<humanize>\d{0,3}):(?P<swing_amount>\d{0,3})"  # absent on buttons made before them
    + rf"(?::(?P<form>[{FORM_LETTERS}]{{1,{MAX_SECTIONS}}}))?)?"
)
_PAGING = r"(?P<user>\d{1,20}):(?P<page>\d{1,2}):(?P<count>\d{1,2}):" + _STYLE
_STYLE_KEY = re.compile(r"[a-z0-9-]{1,40}")


def _safe_style(style: str | None) -> str:
    """The style key if it fits a custom_id's pattern, else empty (left to the engine)."""
    return style if style and _STYLE_KEY.fullmatch(style) else ""


def encode_actions(actions: DrumsActions) -> str:
    style = _safe_style(actions.style)
    text = f"{style}:{actions.bpm or ''}:{actions.bars or ''}:{actions.tempo}:{round(actions.swing * 100)}"
    if actions.humanize is None and actions.swing_amount is None and not actions.form:
        return text
    text += f":{_blank(actions.humanize)}:{_blank(actions.swing_amount)}"
    return text + f":{actions.form}" if actions.form else text


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)


def decode_actions(match: re.Match[str]) -> DrumsActions:
    return DrumsActions(
        style=match["style"] or None,
        bpm=int(match["bpm"]) if match["bpm"] else None,
        bars=int(match["bars"]) if match["bars"] else None,
        tempo=int(match["tempo"]),
        swing=int(match["swing"]) / 100,
        humanize=int(match["humanize"]) if match["humanize"] else None,
        swing_amount=int(match["swing_amount"]) if match["swing_amount"] else None,
        form=match["form"] or None,
    )


async def _hand_over(interaction: discord.Interaction, cog_name: str, method: str, *args: Any) -> None:
    cog = interaction.client.get_cog(cog_name)  # type: ignore[attr-defined]
    if cog is None:
        raise RuntimeError(f"the {cog_name} cog is not loaded")
    await getattr(cog, method)(interaction, *args)


# The two /drums buttons: label, emoji, colour, and the Drums cog method that answers a press.
_DRUMS_BUTTONS = {
    "regen": ("Regenerate", "\N{CLOCKWISE RIGHTWARDS AND LEFTWARDS OPEN CIRCLE ARROWS}", discord.ButtonStyle.primary,
              "regenerate"),
    "vary": ("Variation", "\N{TWISTED RIGHTWARDS ARROWS}", discord.ButtonStyle.secondary, "variation"),
}  # fmt: skip


class DrumsButton(discord.ui.DynamicItem[discord.ui.Button], template=r"pydrums:(?P<action>regen|vary):" + _ACTIONS):
    """Regenerate (the same request, a fresh seed) or Variation (of the pattern shown): a new message."""

    def __init__(self, action: str, actions: DrumsActions) -> None:
        label, emoji, style, _method = _DRUMS_BUTTONS[action]
        super().__init__(
            discord.ui.Button(
                label=label,
                emoji=emoji,
                style=style,
                custom_id=f"pydrums:{action}:{encode_actions(actions)}",
            ),
            row=0,
        )
        self.action = action
        self.actions = actions

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> DrumsButton:
        return cls(match["action"], decode_actions(match))

    async def callback(self, interaction: discord.Interaction) -> None:
        await _hand_over(interaction, "Drums", _DRUMS_BUTTONS[self.action][3], self.actions)


class PageButton(discord.ui.DynamicItem[discord.ui.Button], template=r"pydrums:page:" + _PAGING):
    """Show page ``paging.page`` of a /similar answer, in place."""

    def __init__(self, paging: Paging, label: str = "▶", disabled: bool = False) -> None:
        style = _safe_style(paging.style)
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                disabled=disabled,
                custom_id=f"pydrums:page:{paging.user_id}:{paging.page}:{paging.count}:{style}",
            )
        )
        self.paging = paging

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PageButton:
        paging = Paging(int(match["user"]), int(match["page"]), int(match["count"]), match["style"] or None, False)
        return cls(paging, getattr(item, "label", None) or "▶")

    async def callback(self, interaction: discord.Interaction) -> None:
        await _hand_over(interaction, "Library", "turn_page", self.paging)


VOTE_LABELS = {"up": "👍", "down": "👎"}
SAVE_LABEL = "Save"


class VoteButton(discord.ui.DynamicItem[discord.ui.Button], template=r"pydrums:vote:(?P<value>up|down)"):
    """👍 or 👎 on the /drums answer it sits on: one vote per user per answer."""

    def __init__(self, value: str) -> None:
        super().__init__(
            discord.ui.Button(label=VOTE_LABELS[value], style=discord.ButtonStyle.secondary,
                              custom_id=f"pydrums:vote:{value}"),
            row=1,
        )  # fmt: skip
        self.value = 1 if value == "up" else -1

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        return cls(match["value"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await _hand_over(interaction, "Memory", "vote", self.value)


class SaveButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"pydrums:save:(?P<tempo>\d{1,3}):(?P<swing>\d{1,3})"
):
    """Save: keep the groove the answer shows, for the user who pressed."""

    def __init__(self, tempo: int, swing: float) -> None:
        super().__init__(
            discord.ui.Button(label=SAVE_LABEL, style=discord.ButtonStyle.success,
                              custom_id=f"pydrums:save:{tempo}:{round(swing * 100)}"),
            row=1,
        )  # fmt: skip
        self.tempo = tempo
        self.swing = swing

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SaveButton:
        return cls(int(match["tempo"]), int(match["swing"]) / 100)

    async def callback(self, interaction: discord.Interaction) -> None:
        await _hand_over(interaction, "Memory", "save", self.tempo, self.swing)


class SavedPageButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"pydrums:saved:(?P<user>\d{1,20}):(?P<page>\d{1,4})"
):
    """/saved ◀ ▶: another page of the user's saves, in place."""

    def __init__(self, user_id: int, page: int, label: str = "▶", disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, disabled=disabled,
                              custom_id=f"pydrums:saved:{user_id}:{page}")
        )  # fmt: skip
        self.user_id = user_id
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SavedPageButton:
        return cls(int(match["user"]), int(match["page"]), getattr(item, "label", None) or "▶")

    async def callback(self, interaction: discord.Interaction) -> None:
        await _hand_over(interaction, "Memory", "turn_saved_page", self.user_id, self.page)


class UserButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"pydrums:(?P<action>export|forget):(?P<user>\d{1,20})"
):
    """/saved's export and /forget's confirmation: for the user named in the id only."""

    LABELS: ClassVar[dict[str, tuple[str, discord.ButtonStyle]]] = {
        "export": ("Export .zip", discord.ButtonStyle.primary),
        "forget": ("Delete my data", discord.ButtonStyle.danger),
    }

    def __init__(self, action: str, user_id: int) -> None:
        label, style = self.LABELS[action]
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=f"pydrums:{action}:{user_id}"))
        self.action = action
        self.user_id = user_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> UserButton:
        return cls(match["action"], int(match["user"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await _hand_over(
            interaction, "Memory", "export" if self.action == "export" else "forget_confirmed", self.user_id
        )


DYNAMIC_ITEMS = (DrumsButton, PageButton, VoteButton, SaveButton, SavedPageButton, UserButton)


def view_for(reply: Reply) -> discord.ui.View | None:
    """The buttons a reply carries, or None when it has none."""
    view = discord.ui.View(timeout=None)
    if reply.actions is not None:
        view.add_item(DrumsButton("regen", reply.actions))
        view.add_item(DrumsButton("vary", reply.actions))
        view.add_item(VoteButton("up"))
        view.add_item(VoteButton("down"))
        view.add_item(SaveButton(reply.actions.tempo, reply.actions.swing))
    saved = reply.saved_paging
    if saved is not None:
        if saved.page > 0 or saved.has_next:
            view.add_item(SavedPageButton(saved.user_id, max(saved.page - 1, 0), "◀", disabled=saved.page == 0))
            view.add_item(SavedPageButton(saved.user_id, saved.page + 1, "▶", disabled=not saved.has_next))
        view.add_item(UserButton("export", saved.user_id))
    if reply.forget_user is not None:
        view.add_item(UserButton("forget", reply.forget_user))
    paging = reply.paging
    if paging is not None and (paging.page > 0 or paging.has_next):
        back = Paging(paging.user_id, max(paging.page - 1, 0), paging.count, paging.style, False)
        ahead = Paging(paging.user_id, paging.page + 1, paging.count, paging.style, False)
        view.add_item(PageButton(back, "◀", disabled=paging.page == 0))
        view.add_item(PageButton(ahead, "▶", disabled=not paging.has_next))
    return view if view.children else None
