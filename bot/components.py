"""Buttons that keep working after a restart: `discord.ui.DynamicItem`, state in the custom_id.

    pydrums:regen:<style>:<bpm>:<bars>:<tempo>:<swing %>[:<humanize>:<swing asked>[:<form>]]   Regenerate
    pydrums:vary:<same>                                      Variation
    pydrums:refine:<same>                                    Refine: opens the form below
    pydrums:refine-form:<same>                               the Refine form (a modal) when it is sent
    pydrums:like[:<groove id>]                               More like this: the /drums answer's groove,
                                                             or that library groove (a /similar answer's top hit)
    pydrums:page:<user id>:<page>:<count>:<style>            /similar ◀ ▶ (only that user pages)
    pydrums:vote:<up|down>                                   👍 👎 under a /drums answer
    pydrums:save:<tempo>:<swing %>                           Save under a /drums answer
    pydrums:saved:<user id>:<page>                           /saved ◀ ▶
    pydrums:export:<user id>                                 /saved: every save as MIDI files in a .zip
    pydrums:forget:<user id>                                 /forget: the confirm button

A /drums answer carries two rows: Regenerate, Variation, More like this, Refine (row 0),
then 👍, 👎, Save (row 1); a /similar answer ◀ ▶ and More like this. A vote needs nothing but the message it sits
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
`Drums.open_refine`, `Library.turn_page`, `Library.more_like_this`), which answers the way its
slash command does. The Refine form is answered by whichever process receives it
(`Drums.on_refine_submit`, a listener reading `REFINE_FORM`), not by the object that sent it,
so a restart between opening the form and sending it loses nothing.
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


# The /drums buttons that carry the request's options: label, emoji, colour, and the Drums cog
# method that answers a press.
_DRUMS_BUTTONS = {
    "regen": ("Regenerate", "\N{CLOCKWISE RIGHTWARDS AND LEFTWARDS OPEN CIRCLE ARROWS}", discord.ButtonStyle.primary,
              "regenerate"),
    "vary": ("Variation", "\N{TWISTED RIGHTWARDS ARROWS}", discord.ButtonStyle.secondary, "variation"),
    "refine": ("Refine", "\N{PENCIL}", discord.ButtonStyle.secondary, "open_refine"),
}  # fmt: skip
LIKE_LABEL = "More like this"
REFINE_TITLE = "Refine this groove"
REFINE_LABEL = "What should change?"
REFINE_PLACEHOLDER = "busier hats, no crash"
REFINE_INPUT = "instruction"
REFINE_FORM = re.compile(r"pydrums:refine-form:" + _ACTIONS)


class DrumsButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"pydrums:(?P<action>regen|vary|refine):" + _ACTIONS
):
    """Regenerate (the same request, a fresh seed), Variation (of the pattern shown) or Refine
    (opens a form asking what should change): each answer is a new message."""

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


class LikeButton(
    discord.ui.DynamicItem[discord.ui.Button], template=r"pydrums:like(?::(?P<groove>[A-Za-z0-9_.-]{1,80}))?"
):
    """More like this: the library grooves whose rhythm is closest to the groove shown.

    Under a /drums answer the groove is read back from the message; under a /similar answer
    it is the page's top hit, named by its id (it fits: ids are short)."""

    def __init__(self, groove_id: str | None = None, row: int | None = 0) -> None:
        custom_id = "pydrums:like" + (f":{groove_id}" if groove_id else "")
        super().__init__(
            discord.ui.Button(
                label=LIKE_LABEL, emoji="\N{LEFT-POINTING MAGNIFYING GLASS}", style=discord.ButtonStyle.secondary,
                custom_id=custom_id,
            ),
            row=row,
        )  # fmt: skip
        self.groove_id = groove_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> LikeButton:
        return cls(match["groove"] or None)

    async def callback(self, interaction: discord.Interaction) -> None:
        await _hand_over(interaction, "Library", "more_like_this", self.groove_id)


def _fits_custom_id(groove_id: str) -> bool:
    return re.fullmatch(r"[A-Za-z0-9_.-]{1,80}", groove_id) is not None


class RefineForm(discord.ui.Modal):
    """ "What should change?": one line, sent back as a modal submit whose custom id carries the options."""

    def __init__(self, actions: DrumsActions, max_length: int) -> None:
        super().__init__(title=REFINE_TITLE, custom_id=f"pydrums:refine-form:{encode_actions(actions)}")
        self.add_item(
            discord.ui.TextInput(
                label=REFINE_LABEL,
                custom_id=REFINE_INPUT,
                placeholder=REFINE_PLACEHOLDER,
                max_length=max_length,
                style=discord.TextStyle.short,
            )
        )


def submitted_text(data: dict[str, Any] | None, custom_id: str = REFINE_INPUT) -> str:
    """The value of the text input ``custom_id`` in a modal submit's data ("" when absent)."""
    rows = (data or {}).get("components") or []
    for row in rows:
        for component in row.get("components", [row.get("component")] if row.get("component") else []):
            if component and component.get("custom_id") == custom_id:
                return str(component.get("value") or "")
    return ""


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


DYNAMIC_ITEMS = (DrumsButton, LikeButton, PageButton, VoteButton, SaveButton, SavedPageButton, UserButton)


def view_for(reply: Reply) -> discord.ui.View | None:
    """The buttons a reply carries, or None when it has none."""
    view = discord.ui.View(timeout=None)
    if reply.actions is not None:
        view.add_item(DrumsButton("regen", reply.actions))
        view.add_item(DrumsButton("vary", reply.actions))
        view.add_item(LikeButton())
        view.add_item(DrumsButton("refine", reply.actions))
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
    if reply.like is not None and _fits_custom_id(reply.like):
        view.add_item(LikeButton(reply.like, row=None))
    return view if view.children else None
