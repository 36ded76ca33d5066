"""A fake Discord (REST + JSON gateway) on 127.0.0.1, for end-to-end tests of the real bot.

The real discord.py 2.7.1 client talks to it over real sockets, so a test sees what a user
would see: which reply was sent, when it was acknowledged, with which files and flags. It
keeps Discord's rules that a user would notice (3-second acknowledgement window, one initial
response, per-file size limit, option validation done by the Discord client) and records the
rest (every request, every gateway op, every heartbeat) for assertions.

Starting it and pointing a bot at it::

    async with FakeDiscord(heartbeat_interval_ms=250) as fake:
        with fake.redirect_discord_py():        # in-process bot: sets Route.BASE and DEFAULT_GATEWAY
            await bot.login(fake.token)
            task = asyncio.create_task(bot.connect())
            await fake.wait_until_connected()
            ...
            await bot.close(); await task
    # or, for `python -m bot` in a subprocess: env={**os.environ, **fake.env()}
    # (DISCORD_TOKEN, DISCORD_API_BASE, DISCORD_GATEWAY_URL).

Stop the bot before the fake: a bot that loses its gateway reconnects (with back-off).
discord.py waits `guild_ready_timeout` (default 2 s) after the last GUILD_CREATE before
`on_ready`; pass `guild_ready_timeout=0.1` to the bot in tests to keep them fast.
Interactions do not wait for `on_ready`; `interact()` only waits for the gateway session
(`await fake.wait_until_connected()` does the same explicitly). Every wait raises
TimeoutError naming what did happen (callbacks, rejections, unknown routes).

World (ids are ints; JSON carries them as strings, as Discord does):
    fake.token, fake.bot_id (== fake.application_id), fake.guild_id, fake.channel_id (text
    channel "drums"), fake.owner_id (guild owner), fake.user_id (a plain member, the default
    interacting user). MEMBER_PERMISSIONS / ADMIN_PERMISSIONS are permission strings.
    fake.api_base ("http://127.0.0.1:PORT/api/v10"), fake.gateway_url ("ws://127.0.0.1:PORT/gateway").

Driving interactions (returns at once with an `InteractionRecord`; does not wait for the bot):
    await fake.interact("drums", {"description": "funk", "bars": 2})           # slash (type 2)
    await fake.interact("drums", {"style": "fu"}, focused="style")              # autocomplete (4)
    await fake.interact("group sub", {...})                                    # subcommand path
    await fake.interact(custom_id="regen:42")            # click (3) on the newest message that has it
    await fake.interact(custom_id="pick", values=["a"], message=msg)           # select menu
    await fake.interact(custom_id="modal-id", fields={"text-input-id": "v"})   # modal submit (5)
    keywords: user_id, permissions, dm=True (a DM, no guild), channel_id, locale, validate.
    Options given as a mapping are typed and checked against the registered command (unknown
    or missing required options, type, min/max value and length, choices, autocomplete flag)
    and raise ValueError, as a Discord client would refuse; a list is sent raw.

InteractionRecord (`rec`):
    await rec.acked(timeout) -> Callback          first callback (.type, .data, .flags, .ephemeral,
                                                  .attachments, .at)
    rec.callback_type / rec.flags / rec.ephemeral / rec.ack_latency (seconds from dispatch)
    await rec.final(timeout, until=None) -> Message   the original response once settled: at once
                                                  for types 4/7, after the first edit for 5/6
                                                  (deferred); `until(message)` adds a condition
    await rec.choices(timeout) -> list[dict]      autocomplete result (type 8)
    await rec.followup(index=0, timeout) -> Message
    await rec.wait(predicate, timeout)            any condition over the fake's state (also fake.wait)
    rec.original, rec.followups, rec.callbacks, rec.modal (type 9 data), rec.payload,
    rec.rejected [(status, error JSON)]: what Discord refused for this interaction (late or
    repeated acknowledgement, too-large file, edit of a reply that does not exist).

Message: .id, .channel_id, .content, .embeds, .components, .attachments (list of Attachment:
    .filename, .data bytes, .content_type as uploaded, .id, .description), .flags, .ephemeral,
    .loading (deferred "thinking"), .deleted, .payloads (every create/edit body, in order,
    incl. allowed_mentions), .custom_ids, .attachment(suffix) -> Attachment.

Recorded state:
    fake.registered_commands {guild_id or None: {name: command JSON}}; fake.sync_payloads
    [(guild_id or None, PUT body)]; await fake.wait_for_sync(guild_id=None|id, timeout).
    fake.requests (RecordedRequest: method, path below /api/v10, query, body, attachments,
    status, known); fake.unknown_requests (routes the fake does not implement: 404 JSON).
    fake.messages {id: Message} (interaction replies, followups, channel messages);
    fake.channel_messages(channel_id) (bot messages sent outside interactions);
    fake.interactions {id: InteractionRecord}.
    fake.heartbeats [(connection number, monotonic time)]; fake.heartbeat_gaps() -> gaps (s)
    within one connection; await fake.wait_for_heartbeats(n, timeout). fake.heartbeat_interval (s).
    fake.gateway_log [(op, d)] sent by the bot; fake.identify (IDENTIFY payload d);
    fake.gateway_query (query of the last gateway connection); fake.presences; fake.resumes.

Steering:
    fake.inject_error(method, path_contains, status, body=None, times=1): the next matching
        REST calls fail (500/502 make discord.py retry with sleeps; prefer 4xx).
    await fake.request_reconnect(): op 7 RECONNECT; the bot resumes at resume_gateway_url.
    FakeDiscord(token=, heartbeat_interval_ms=1000, ack_deadline=3.0 (None: no limit),
        attachment_size_limit=10 MiB, shards=1 (for /gateway/bot), allow_privileged_intents=True).
    Not modelled: rate limits, context-menu commands, user/role/attachment option resolution
    (send such options raw), threads, voice.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import mimetypes
import re
import socket
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from aiohttp import BodyPartReader, WSMsgType, hdrs, web

_log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1420070400000

# Bits: create invite, add reactions, view channel, send messages, embed links, attach files,
# read history, external emojis, connect, speak, change nickname, use application commands.
MEMBER_PERMISSIONS = str(sum(1 << bit for bit in (0, 6, 10, 11, 14, 15, 16, 18, 20, 21, 26, 31)))
ADMIN_PERMISSIONS = str((1 << 50) - 1)  # Discord sends every bit for administrators (bit 3).

EPHEMERAL = 1 << 6
LOADING = 1 << 7
PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15)  # members, presences, message content

# Interaction callback types.
PONG, CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 1, 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9
# Interaction types.
APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5

_ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, MODAL},
    MESSAGE_COMPONENT: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, MODAL},
    AUTOCOMPLETE: {AUTOCOMPLETE_RESULT},
    MODAL_SUBMIT: {CHANNEL_MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE},
}
_BODY = web.RequestKey("fake_discord_body", tuple)  # (parsed JSON body, uploads), for the request log
_UNKNOWN = web.RequestKey("fake_discord_unknown", bool)
_COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")
_T = TypeVar("_T")


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def _json(data: Any, status: int = 200) -> web.Response:
    """A JSON response whose Content-Type is exactly `application/json`: discord.py parses nothing else."""
    return web.Response(status=status, body=json.dumps(data).encode(), content_type="application/json")


def _error(status: int, code: int, message: str) -> web.Response:
    return _json({"message": message, "code": code}, status)


@dataclass(frozen=True)
class Attachment:
    """One uploaded file as the fake received it."""

    filename: str
    data: bytes = field(repr=False)
    content_type: str
    id: int
    description: str | None = None


@dataclass
class Message:
    """A message the bot created, with its current state and every body that shaped it."""

    id: int
    channel_id: int
    guild_id: int | None
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    flags: int = 0
    deleted: bool = False
    interaction_id: int | None = None
    payloads: list[dict[str, Any]] = field(default_factory=list, repr=False)
    created_at: str = field(default_factory=_now_iso)
    edited_at: str | None = None

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """True while a deferred response still shows "thinking"."""
        return bool(self.flags & LOADING)

    @property
    def custom_ids(self) -> list[str]:
        return [c["custom_id"] for c in _walk_components(self.components) if "custom_id" in c]

    def attachment(self, suffix: str) -> Attachment:
        """The one attachment whose filename ends with `suffix` (e.g. ".mid")."""
        found = [a for a in self.attachments if a.filename.endswith(suffix)]
        if len(found) != 1:
            raise LookupError(f"{len(found)} attachments end with {suffix!r}: {[a.filename for a in self.attachments]}")
        return found[0]


@dataclass(frozen=True)
class Callback:
    """One accepted interaction callback (the initial response)."""

    type: int
    data: dict[str, Any]
    attachments: tuple[Attachment, ...]
    at: float

    @property
    def flags(self) -> int:
        return int(self.data.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)


@dataclass(frozen=True)
class RecordedRequest:
    """One REST request the bot made (path relative to /api/v10)."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    attachments: tuple[Attachment, ...]
    status: int
    known: bool
    at: float


@dataclass
class _Upload:
    filename: str
    data: bytes
    content_type: str


@dataclass
class _Session:
    ws: web.WebSocketResponse
    number: int
    query: dict[str, str]
    session_id: str | None = None
    shard: tuple[int, int] | None = None
    ready: bool = False
    seq: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def _walk_components(components: Sequence[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    for component in components:
        yield component
        yield from _walk_components(component.get("components") or [])
        for key in ("component", "accessory"):
            if isinstance(component.get(key), Mapping):
                yield from _walk_components([component[key]])


class InteractionRecord:
    """One dispatched interaction and everything the bot did in answer to it."""

    def __init__(self, fake: FakeDiscord, payload: dict[str, Any], source: Message | None) -> None:
        self._fake = fake
        self.payload = payload
        self.id = int(payload["id"])
        self.token: str = payload["token"]
        self.type: int = payload["type"]
        self.name: str | None = payload.get("data", {}).get("name")
        self.source = source  # the message a clicked component sits on
        self.dispatched_at = 0.0
        self.callbacks: list[Callback] = []
        self.original: Message | None = None
        self.original_edits = 0
        self.followups: list[Message] = []
        self.rejected: list[tuple[int, dict[str, Any]]] = []  # (status, error JSON)

    def __repr__(self) -> str:
        return f"<InteractionRecord id={self.id} type={self.type} name={self.name!r} callback={self.callback_type}>"

    @property
    def callback_type(self) -> int | None:
        return self.callbacks[0].type if self.callbacks else None

    @property
    def flags(self) -> int:
        return self.callbacks[0].flags if self.callbacks else 0

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def ack_latency(self) -> float | None:
        return self.callbacks[0].at - self.dispatched_at if self.callbacks else None

    @property
    def modal(self) -> dict[str, Any] | None:
        found = [c.data for c in self.callbacks if c.type == MODAL]
        return found[0] if found else None

    def describe(self) -> str:
        """What happened so far, for timeout messages."""
        unknown = [f"{r.method} {r.path}" for r in self._fake.unknown_requests]
        return (
            f"{self!r}: callbacks={[c.type for c in self.callbacks]} original={self.original!r} "
            f"followups={len(self.followups)} rejected={self.rejected} unknown_requests={unknown}"
        )

    async def wait(self, predicate: Callable[[], _T], timeout: float = 10.0) -> _T:
        return await self._fake.wait(predicate, timeout, describe=self.describe)

    async def acked(self, timeout: float = 5.0) -> Callback:
        return await self.wait(lambda: self.callbacks[0] if self.callbacks else None, timeout)

    def _settled(self) -> bool:
        if not self.callbacks or self.original is None:
            return False
        if self.callback_type in (DEFERRED_MESSAGE, DEFERRED_UPDATE):
            return self.original_edits > 0 or self.original.deleted
        return True

    async def final(self, timeout: float = 10.0, *, until: Callable[[Message], bool] | None = None) -> Message:
        def ready() -> Message | None:
            if self.callback_type in (AUTOCOMPLETE_RESULT, MODAL):
                raise AssertionError(f"callback type {self.callback_type} makes no message; see choices() / modal")
            if self._settled() and self.original is not None and (until is None or until(self.original)):
                return self.original
            return None

        return await self.wait(ready, timeout)

    async def choices(self, timeout: float = 5.0) -> list[dict[str, Any]]:
        callback = await self.acked(timeout)
        if callback.type != AUTOCOMPLETE_RESULT:
            raise AssertionError(f"expected an autocomplete result (8), got callback type {callback.type}")
        return list(callback.data.get("choices", []))

    async def followup(self, index: int = 0, timeout: float = 10.0) -> Message:
        return await self.wait(lambda: self.followups[index] if len(self.followups) > index else None, timeout)


class FakeDiscord:
    """Discord's REST API and JSON gateway, just enough for the bot; see the module docstring."""

    def __init__(
        self,
        *,
        token: str = "fake-bot-token",
        heartbeat_interval_ms: int = 1000,
        ack_deadline: float | None = 3.0,
        attachment_size_limit: int = 10 * 1024 * 1024,
        shards: int = 1,
        allow_privileged_intents: bool = True,
    ) -> None:
        self.token = token
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.ack_deadline = ack_deadline
        self.attachment_size_limit = attachment_size_limit
        self.shards = shards
        self.allow_privileged_intents = allow_privileged_intents

        self._counter = itertools.count(1)
        self.bot_id = self.application_id = self.new_id()
        self.guild_id = self.new_id()
        self.channel_id = self.new_id()
        self.owner_id = self.new_id()
        self.user_id = self.new_id()
        self._joined_at = _now_iso()

        self.requests: list[RecordedRequest] = []
        self.registered_commands: dict[int | None, dict[str, dict[str, Any]]] = {}
        self.sync_payloads: list[tuple[int | None, Any]] = []
        self.messages: dict[int, Message] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.heartbeats: list[tuple[int, float]] = []  # (gateway connection number, monotonic time)
        self.gateway_log: list[tuple[int, Any]] = []
        self.identify: dict[str, Any] | None = None
        self.gateway_query: dict[str, str] = {}
        self.presences: list[dict[str, Any]] = []
        self.resumes = 0
        self._sessions: list[_Session] = []
        self._connections = itertools.count(1)
        self._known_sessions: dict[str, tuple[int, int] | None] = {}
        self._injected: list[list[Any]] = []
        self._tick = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- life cycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=256 * 1024 * 1024, middlewares=[self._middleware])
        self._routes(app)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=1.0, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        _log.debug("fake Discord listening on %s", self.api_base)

    async def stop(self) -> None:
        for session in list(self._sessions):
            await session.ws.close(code=1001, message=b"fake Discord stopping")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def heartbeat_interval(self) -> float:
        return self.heartbeat_interval_ms / 1000

    def env(self) -> dict[str, str]:
        """Environment for a bot process started as `python -m bot`."""
        return {"DISCORD_TOKEN": self.token, "DISCORD_API_BASE": self.api_base, "DISCORD_GATEWAY_URL": self.gateway_url}

    @contextlib.contextmanager
    def redirect_discord_py(self) -> Iterator[None]:
        """Point discord.py (this process) at the fake, and put the real URLs back afterwards."""
        import yarl
        from discord.gateway import DiscordWebSocket
        from discord.http import Route

        saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self.api_base, yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved

    # -- waiting ------------------------------------------------------------------------------

    def new_id(self) -> int:
        """A fresh snowflake with a real timestamp, so discord.utils.snowflake_time works."""
        return ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) + next(self._counter)

    def _notify(self) -> None:
        self._tick.set()
        self._tick = asyncio.Event()

    async def wait(
        self, predicate: Callable[[], _T], timeout: float = 10.0, *, describe: Callable[[], str] | None = None
    ) -> _T:
        """Wait until `predicate()` is truthy (re-checked on every change) and return its value."""
        try:
            async with asyncio.timeout(timeout):
                while True:
                    tick = self._tick
                    result = predicate()
                    if result:
                        return result
                    await tick.wait()
        except TimeoutError:
            detail = describe() if describe else f"unknown_requests={self.unknown_requests}"
            raise TimeoutError(f"fake Discord: condition not met within {timeout}s; {detail}") from None

    async def wait_until_connected(self, timeout: float = 10.0) -> None:
        """Wait until a gateway session that serves the fake guild has had READY and GUILD_CREATE."""
        await self.wait(lambda: self._session_for(self.guild_id), timeout)

    async def wait_for_sync(self, guild_id: int | None = None, timeout: float = 10.0) -> dict[str, dict[str, Any]]:
        await self.wait(lambda: any(scope == guild_id for scope, _ in self.sync_payloads), timeout)
        return self.registered_commands.get(guild_id, {})

    async def wait_for_heartbeats(self, count: int, timeout: float = 10.0) -> None:
        await self.wait(lambda: len(self.heartbeats) >= count, timeout)

    def heartbeat_gaps(self) -> list[float]:
        """Seconds between consecutive heartbeats on one connection (compare with heartbeat_interval)."""
        gaps = []
        for (s1, t1), (s2, t2) in itertools.pairwise(self.heartbeats):
            if s1 == s2:
                gaps.append(t2 - t1)
        return gaps

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if not r.known]

    def channel_messages(self, channel_id: int | None = None) -> list[Message]:
        wanted = self.channel_id if channel_id is None else channel_id
        return [m for m in self.messages.values() if m.channel_id == wanted and m.interaction_id is None]

    def inject_error(
        self, method: str, path_contains: str, status: int, body: dict[str, Any] | None = None, times: int = 1
    ) -> None:
        """Make the next `times` REST calls whose path contains `path_contains` fail with `status`."""
        body = body or {"message": f"injected {status}", "code": 0}
        self._injected.append([method.upper(), path_contains, status, body, times])

    # -- JSON shapes --------------------------------------------------------------------------

    def user_json(self, user_id: int) -> dict[str, Any]:
        if user_id == self.bot_id:
            return {
                "id": str(user_id),
                "username": "PyDrums",
                "discriminator": "0",
                "global_name": None,
                "avatar": None,
                "bot": True,
                "flags": 0,
                "public_flags": 0,
                "verified": True,
                "mfa_enabled": False,
            }
        name = (
            "owner" if user_id == self.owner_id else "drummer" if user_id == self.user_id else f"user{user_id % 10000}"
        )
        return {
            "id": str(user_id),
            "username": name,
            "discriminator": "0",
            "global_name": name.title(),
            "avatar": None,
            "public_flags": 0,
        }

    def member_json(self, user_id: int, permissions: str | None = None) -> dict[str, Any]:
        member: dict[str, Any] = {
            "user": self.user_json(user_id),
            "roles": [],
            "joined_at": self._joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "communication_disabled_until": None,
        }
        if permissions is not None:
            member["permissions"] = permissions
        return member

    def channel_json(self) -> dict[str, Any]:
        return {
            "id": str(self.channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": "drums",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def guild_json(self) -> dict[str, Any]:
        everyone = {
            "id": str(self.guild_id),
            "name": "@everyone",
            "permissions": MEMBER_PERMISSIONS,
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }
        members = [self.member_json(uid) for uid in (self.bot_id, self.owner_id, self.user_id)]
        return {
            "id": str(self.guild_id),
            "name": "PyDrums Test Server",
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": "en-US",
            "system_channel_id": str(self.channel_id),
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "vanity_url_code": None,
            "application_id": None,
            "features": [],
            "roles": [everyone],
            "emojis": [],
            "stickers": [],
            "joined_at": self._joined_at,
            "large": False,
            "unavailable": False,
            "member_count": len(members),
            "members": members,
            "channels": [self.channel_json()],
            "threads": [],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def application_json(self) -> dict[str, Any]:
        return {
            "id": str(self.application_id),
            "name": "PyDrums",
            "icon": None,
            "description": "",
            "summary": "",
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.user_json(self.owner_id),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "bot": self.user_json(self.bot_id),
            "interactions_endpoint_url": None,
            "redirect_uris": [],
            "tags": [],
        }

    def message_json(self, message: Message) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(message.id),
            "channel_id": str(message.channel_id),
            "type": 20 if message.interaction_id is not None else 0,
            "content": message.content,
            "author": self.user_json(self.bot_id),
            "timestamp": message.created_at,
            "edited_timestamp": message.edited_at,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [self._attachment_json(message.channel_id, a) for a in message.attachments],
            "embeds": message.embeds,
            "components": message.components,
            "pinned": False,
            "flags": message.flags,
            "application_id": str(self.application_id),
        }
        if message.guild_id is not None:
            data["guild_id"] = str(message.guild_id)
        if message.interaction_id is not None:
            data["webhook_id"] = str(self.application_id)
        return data

    def _attachment_json(self, channel_id: int, attachment: Attachment) -> dict[str, Any]:
        url = f"http://127.0.0.1:{self.port}/attachments/{channel_id}/{attachment.id}/{attachment.filename}"
        data = {
            "id": str(attachment.id),
            "filename": attachment.filename,
            "size": len(attachment.data),
            "url": url,
            "proxy_url": url,
            "content_type": mimetypes.guess_type(attachment.filename)[0] or "application/octet-stream",
        }
        if attachment.description is not None:
            data["description"] = attachment.description
        return data

    # -- HTTP plumbing ------------------------------------------------------------------------

    def _routes(self, app: web.Application) -> None:
        add = app.router.add_route
        api = API_PREFIX
        add("GET", "/gateway", self._gateway)
        add("GET", "/attachments/{channel}/{attachment}/{filename}", self._attachment_file)
        add("GET", api + "/users/@me", self._bot(self._users_me))
        add("GET", api + "/users/{user_id:\\d+}", self._bot(self._user))
        add("GET", api + "/gateway", self._gateway_info)
        add("GET", api + "/gateway/bot", self._bot(self._gateway_info))
        add("GET", api + "/applications/@me", self._bot(self._application))
        add("GET", api + "/oauth2/applications/@me", self._bot(self._application))
        for prefix in ("/applications/{app}/commands", "/applications/{app}/guilds/{guild}/commands"):
            add("*", api + prefix, self._bot(self._commands))
            add("*", api + prefix + "/{command}", self._bot(self._command))
        add("POST", api + "/interactions/{interaction}/{token}/callback", self._callback)
        add("POST", api + "/webhooks/{app}/{token}", self._followup)
        add("*", api + "/webhooks/{app}/{token}/messages/{message}", self._webhook_message)
        add("GET", api + "/channels/{channel}", self._bot(self._channel))
        add("POST", api + "/channels/{channel}/typing", self._bot(self._typing))
        add("POST", api + "/channels/{channel}/messages", self._bot(self._channel_post))
        add("*", api + "/channels/{channel}/messages/{message}", self._bot(self._channel_message))
        add("*", "/{tail:.*}", self._unknown)

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Callable[..., Any]) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX):
            return await handler(request)
        path = request.path[len(API_PREFIX) :]
        response = self._injected_error(request.method, path) or await handler(request)
        body, uploads = request.get(_BODY, (None, []))
        self.requests.append(
            RecordedRequest(
                method=request.method,
                path=path,
                query=dict(request.query),
                body=body,
                attachments=tuple(Attachment(u.filename, u.data, u.content_type, i) for i, u in enumerate(uploads)),
                status=response.status,
                known=not request.get(_UNKNOWN, False),
                at=time.monotonic(),
            )
        )
        _log.debug("%s %s -> %s", request.method, path, response.status)
        self._notify()
        return response

    def _injected_error(self, method: str, path: str) -> web.Response | None:
        for rule in self._injected:
            rule_method, contains, status, body, times = rule
            if times > 0 and rule_method == method and contains in path:
                rule[4] -= 1
                return _json(body, status)
        return None

    def _bot(self, handler: Callable[[web.Request], Any]) -> Callable[[web.Request], Any]:
        """Require the bot's `Authorization: Bot <token>` header, as Discord does."""

        async def checked(request: web.Request) -> web.StreamResponse:
            if request.headers.get(hdrs.AUTHORIZATION) != f"Bot {self.token}":
                await self._read_body(request)
                return _error(401, 0, "401: Unauthorized")
            return await handler(request)

        return checked

    async def _read_body(self, request: web.Request) -> tuple[Any, list[_Upload]]:
        """JSON, or multipart with `payload_json` and `files[n]` parts; kept on the request for recording."""
        if _BODY in request:
            return request[_BODY]
        body: Any = None
        uploads: dict[int, _Upload] = {}
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if not isinstance(part, BodyPartReader):
                    continue
                name = part.name or ""
                if name == "payload_json":
                    body = json.loads(await part.text())
                elif name.startswith("files[") and name.endswith("]"):
                    uploads[int(name[6:-1])] = _Upload(
                        filename=part.filename or name,
                        data=bytes(await part.read(decode=False)),
                        content_type=part.headers.get(hdrs.CONTENT_TYPE, "application/octet-stream"),
                    )
        elif request.body_exists:
            text = await request.text()
            body = json.loads(text) if text else None
        request[_BODY] = (body, [uploads[i] for i in sorted(uploads)])
        return request[_BODY]

    async def _unknown(self, request: web.Request) -> web.Response:
        request[_UNKNOWN] = True
        with contextlib.suppress(ValueError):
            await self._read_body(request)
        _log.warning("fake Discord: unhandled route %s %s", request.method, request.path)
        return _error(404, 0, f"404: Not Found (fake Discord has no route {request.method} {request.path})")

    # -- REST: identity -----------------------------------------------------------------------

    async def _users_me(self, request: web.Request) -> web.Response:
        return _json(self.user_json(self.bot_id))

    async def _user(self, request: web.Request) -> web.Response:
        return _json(self.user_json(int(request.match_info["user_id"])))

    async def _gateway_info(self, request: web.Request) -> web.Response:
        data: dict[str, Any] = {"url": self.gateway_url}
        if request.path.endswith("/bot"):
            data["shards"] = self.shards
            data["session_start_limit"] = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return _json(data)

    async def _application(self, request: web.Request) -> web.Response:
        return _json(self.application_json())

    async def _attachment_file(self, request: web.Request) -> web.Response:
        wanted = int(request.match_info["attachment"])
        for message in self.messages.values():
            for attachment in message.attachments:
                if attachment.id == wanted:
                    return web.Response(body=attachment.data, content_type="application/octet-stream")
        return web.Response(status=404)

    # -- REST: application commands -----------------------------------------------------------

    def _scope(self, request: web.Request) -> int | web.Response | None:
        if request.match_info["app"] != str(self.application_id):
            return _error(403, 50001, "Missing Access")
        guild = request.match_info.get("guild")
        if guild is None:
            return None
        if guild != str(self.guild_id):
            return _error(403, 50001, "Missing Access")
        return int(guild)

    def _command_json(self, scope: int | None, payload: Mapping[str, Any], old: Mapping[str, Any] | None) -> dict:
        command = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            **payload,
            "id": old["id"] if old else str(self.new_id()),
            "application_id": str(self.application_id),
            "version": str(self.new_id()),
        }
        if scope is not None:
            command["guild_id"] = str(scope)
        return command

    @staticmethod
    def _invalid_command(payload: Any) -> str | None:
        """What Discord would refuse in one command (name, description, option order and counts)."""
        if not isinstance(payload, Mapping) or not isinstance(payload.get("name"), str):
            return "command must be an object with a name"
        name, kind = payload["name"], payload.get("type", 1)
        if kind == 1 and (not _COMMAND_NAME.match(name) or name != name.lower()):
            return f"{name!r}: names are 1-32 lowercase letters, digits, - or _"
        if kind == 1 and not 1 <= len(payload.get("description", "")) <= 100:
            return f"{name!r}: description must be 1-100 characters"
        return FakeDiscord._invalid_options(name, payload.get("options") or [])

    @staticmethod
    def _invalid_options(where: str, options: Sequence[Mapping[str, Any]]) -> str | None:
        if len(options) > 25:
            return f"{where}: more than 25 options"
        seen_optional = False
        for option in options:
            label = f"{where} {option.get('name')}"
            if not _COMMAND_NAME.match(str(option.get("name", ""))):
                return f"{label}: bad option name"
            if not 1 <= len(option.get("description", "")) <= 100:
                return f"{label}: description must be 1-100 characters"
            if len(option.get("choices") or []) > 25:
                return f"{label}: more than 25 choices"
            if option.get("autocomplete") and option.get("choices"):
                return f"{label}: autocomplete and choices are exclusive"
            if option.get("type") in (1, 2):
                problem = FakeDiscord._invalid_options(label, option.get("options") or [])
                if problem:
                    return problem
            elif option.get("required"):
                if seen_optional:
                    return f"{label}: required options must come before optional ones"
            else:
                seen_optional = True
        return None

    async def _commands(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        if isinstance(scope, web.Response):
            return scope
        current = self.registered_commands.setdefault(scope, {})
        if request.method == "GET":
            return _json(list(current.values()))
        body, _ = await self._read_body(request)
        if request.method == "PUT":
            problems = [p for p in map(self._invalid_command, body or []) if p]
            names = [c.get("name") for c in body or []]
            if len(set(names)) != len(names):
                problems.append(f"duplicate command names: {names}")
            if problems:
                return _json({"message": "Invalid Form Body", "code": 50035, "errors": problems}, 400)
            self.sync_payloads.append((scope, body))
            self.registered_commands[scope] = {
                c["name"]: self._command_json(scope, c, current.get(c["name"])) for c in body
            }
            return _json(list(self.registered_commands[scope].values()))
        if request.method == "POST":
            problem = self._invalid_command(body)
            if problem:
                return _json({"message": "Invalid Form Body", "code": 50035, "errors": [problem]}, 400)
            current[body["name"]] = self._command_json(scope, body, current.get(body["name"]))
            return _json(current[body["name"]], 201)
        return _error(405, 0, "405: Method Not Allowed")

    async def _command(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        if isinstance(scope, web.Response):
            return scope
        current = self.registered_commands.setdefault(scope, {})
        wanted = request.match_info["command"]
        name = next((n for n, c in current.items() if c["id"] == wanted), None)
        if name is None:
            return _error(404, 10063, "Unknown application command")
        if request.method == "GET":
            return _json(current[name])
        if request.method == "DELETE":
            del current[name]
            return web.Response(status=204)
        if request.method == "PATCH":
            body, _ = await self._read_body(request)
            merged = {**current.pop(name), **(body or {})}
            current[merged["name"]] = self._command_json(scope, merged, merged)
            return _json(current[merged["name"]])
        return _error(405, 0, "405: Method Not Allowed")

    # -- REST: messages -----------------------------------------------------------------------

    def _too_large(self, uploads: Sequence[_Upload]) -> web.Response | None:
        if any(len(u.data) > self.attachment_size_limit for u in uploads):
            return _error(413, 40005, "Request entity too large")
        return None

    def _apply(self, message: Message, payload: Mapping[str, Any], uploads: Sequence[_Upload], *, edit: bool) -> None:
        """Apply a create or edit body the way Discord does, including which attachments survive."""
        message.payloads.append(dict(payload))
        if "content" in payload:
            message.content = payload["content"] or ""
        for key in ("embeds", "components"):
            if key in payload:
                setattr(message, key, list(payload[key] or []))
        listed = payload.get("attachments")
        new: list[Attachment] = []
        if listed is None:
            kept = list(message.attachments) if edit else []
            new = [Attachment(u.filename, u.data, u.content_type, self.new_id()) for u in uploads]
        else:
            existing = {a.id: a for a in message.attachments}
            kept = []
            for item in listed:
                ref = int(item["id"])
                if ref in existing:
                    kept.append(existing[ref])
                elif 0 <= ref < len(uploads):
                    upload = uploads[ref]
                    name = item.get("filename") or upload.filename
                    new.append(
                        Attachment(name, upload.data, upload.content_type, self.new_id(), item.get("description"))
                    )
        message.attachments = kept + new
        if edit:
            message.edited_at = _now_iso()
            message.flags &= ~LOADING
            if "flags" in payload:  # only SUPPRESS_EMBEDS may change on edit
                message.flags = (message.flags & ~4) | (int(payload["flags"] or 0) & 4)
        elif "flags" in payload:
            message.flags = int(payload["flags"] or 0)

    def _new_message(self, channel_id: int, guild_id: int | None, interaction_id: int | None = None) -> Message:
        message = Message(id=self.new_id(), channel_id=channel_id, guild_id=guild_id, interaction_id=interaction_id)
        self.messages[message.id] = message
        return message

    async def _channel(self, request: web.Request) -> web.Response:
        if request.match_info["channel"] != str(self.channel_id):
            return _error(404, 10003, "Unknown Channel")
        return _json(self.channel_json())

    async def _typing(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def _channel_post(self, request: web.Request) -> web.Response:
        body, uploads = await self._read_body(request)
        if request.match_info["channel"] != str(self.channel_id):
            return _error(404, 10003, "Unknown Channel")
        if error := self._too_large(uploads):
            return error
        message = self._new_message(self.channel_id, self.guild_id)
        self._apply(message, body or {}, uploads, edit=False)
        return _json(self.message_json(message))

    async def _channel_message(self, request: web.Request) -> web.Response:
        body, uploads = await self._read_body(request)
        message = self.messages.get(int(request.match_info["message"]))
        if message is None or message.deleted or str(message.channel_id) != request.match_info["channel"]:
            return _error(404, 10008, "Unknown Message")
        return self._message_verb(request.method, message, body, uploads)

    def _message_verb(self, method: str, message: Message, body: Any, uploads: Sequence[_Upload]) -> web.Response:
        if method == "GET":
            return _json(self.message_json(message))
        if method == "DELETE":
            message.deleted = True
            return web.Response(status=204)
        if method == "PATCH":
            if error := self._too_large(uploads):
                return error
            self._apply(message, body or {}, uploads, edit=True)
            return _json(self.message_json(message))
        return _error(405, 0, "405: Method Not Allowed")

    # -- REST: interaction responses ----------------------------------------------------------

    def _record_for(self, request: web.Request) -> InteractionRecord | None:
        if request.match_info["app"] != str(self.application_id):
            return None
        token = request.match_info["token"]
        return next((r for r in self.interactions.values() if r.token == token), None)

    async def _callback(self, request: web.Request) -> web.Response:
        body, uploads = await self._read_body(request)
        record = self.interactions.get(int(request.match_info["interaction"]))
        if record is None or record.token != request.match_info["token"]:
            return _error(404, 10062, "Unknown interaction")
        response = self._accept_callback(record, body or {}, uploads)
        if response.status >= 400:
            record.rejected.append((response.status, json.loads(response.body)))  # type: ignore[arg-type]
        return response

    def _accept_callback(
        self, record: InteractionRecord, body: Mapping[str, Any], uploads: list[_Upload]
    ) -> web.Response:
        now = time.monotonic()
        if self.ack_deadline is not None and now - record.dispatched_at > self.ack_deadline:
            return _error(404, 10062, "Unknown interaction")
        if record.callbacks:
            return _error(400, 40060, "Interaction has already been acknowledged.")
        kind = int(body.get("type", 0))
        if kind not in _ALLOWED_CALLBACKS[record.type] or (
            kind in (DEFERRED_UPDATE, UPDATE_MESSAGE) and not record.source
        ):
            return _json({"message": "Invalid Form Body", "code": 50035, "errors": [f"callback type {kind}"]}, 400)
        if error := self._too_large(uploads):
            return error
        data = dict(body.get("data") or {})
        callback = Callback(kind, data, tuple(Attachment(u.filename, u.data, u.content_type, 0) for u in uploads), now)
        record.callbacks.append(callback)

        channel_id = int(record.payload["channel"]["id"])
        guild_id = self.guild_id if "guild_id" in record.payload else None
        if kind in (CHANNEL_MESSAGE, DEFERRED_MESSAGE):
            record.original = self._new_message(channel_id, guild_id, record.id)
            if kind == CHANNEL_MESSAGE:
                self._apply(record.original, data, uploads, edit=False)
            else:
                record.original.payloads.append(data)
                record.original.flags = (int(data.get("flags") or 0) & EPHEMERAL) | LOADING
        elif kind in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            record.original = record.source
            if kind == UPDATE_MESSAGE and record.source is not None:
                self._apply(record.source, data, uploads, edit=True)

        result: dict[str, Any] = {"interaction": {"id": str(record.id), "type": record.type}}
        if record.original is not None:
            result["interaction"].update(
                response_message_id=str(record.original.id),
                response_message_loading=record.original.loading,
                response_message_ephemeral=record.original.ephemeral,
            )
            if kind in (CHANNEL_MESSAGE, DEFERRED_MESSAGE, UPDATE_MESSAGE):
                result["resource"] = {"type": kind, "message": self.message_json(record.original)}
        return _json(result)

    async def _followup(self, request: web.Request) -> web.Response:
        body, uploads = await self._read_body(request)
        record = self._record_for(request)
        if record is None:
            return _error(404, 10015, "Unknown Webhook")
        refusal = None
        if not record.callbacks:
            refusal = _error(400, 40060, "Interaction has not been acknowledged.")
        refusal = refusal or self._too_large(uploads)
        if refusal is not None:
            record.rejected.append((refusal.status, json.loads(refusal.body)))  # type: ignore[arg-type]
            return refusal
        guild_id = self.guild_id if "guild_id" in record.payload else None
        message = self._new_message(int(record.payload["channel"]["id"]), guild_id, record.id)
        self._apply(message, body or {}, uploads, edit=False)
        message.flags &= EPHEMERAL | 4 | (1 << 12) | (1 << 15)  # ephemeral, suppress embeds/notifications, v2
        record.followups.append(message)
        if request.query.get("wait") in ("1", "true", "True"):
            return _json(self.message_json(message))
        return web.Response(status=204)

    async def _webhook_message(self, request: web.Request) -> web.Response:
        body, uploads = await self._read_body(request)
        record = self._record_for(request)
        if record is None:
            return _error(404, 10015, "Unknown Webhook")
        wanted = request.match_info["message"]
        if wanted == "@original":
            message = record.original
        else:
            candidates = [record.original, *record.followups]
            message = next((m for m in candidates if m is not None and str(m.id) == wanted), None)
        if message is None or message.deleted:
            return _error(404, 10008, "Unknown Message")
        response = self._message_verb(request.method, message, body, uploads)
        if response.status >= 400:
            record.rejected.append((response.status, json.loads(response.body)))  # type: ignore[arg-type]
        elif wanted == "@original" and request.method in ("PATCH", "DELETE"):
            record.original_edits += 1
        return response

    # -- gateway ------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        session = _Session(ws=ws, number=next(self._connections), query=dict(request.query))
        self.gateway_query = session.query
        self._sessions.append(session)
        try:
            await self._send(session, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
            async for frame in ws:
                if frame.type is WSMsgType.TEXT:
                    await self._on_op(session, json.loads(frame.data))
                elif frame.type is WSMsgType.ERROR:
                    break
        finally:
            self._sessions.remove(session)
            self._notify()
        return ws

    async def _send(self, session: _Session, payload: dict[str, Any]) -> None:
        async with session.lock:
            if payload.get("op") == 0:
                session.seq += 1
                payload["s"] = session.seq
            if not session.ws.closed:
                await session.ws.send_str(json.dumps(payload))

    async def _dispatch(self, session: _Session, event: str, data: Any) -> None:
        await self._send(session, {"op": 0, "t": event, "d": data})

    async def _on_op(self, session: _Session, message: Mapping[str, Any]) -> None:
        op, data = message.get("op"), message.get("d")
        self.gateway_log.append((op, data))
        if op == 1:
            self.heartbeats.append((session.number, time.monotonic()))
            await self._send(session, {"op": 11})
        elif op == 2:
            await self._on_identify(session, data or {})
        elif op == 3:
            self.presences.append(data)
        elif op == 6:
            await self._on_resume(session, data or {})
        elif op == 8:
            members = [self.member_json(uid) for uid in (self.bot_id, self.owner_id, self.user_id)]
            chunk = {"guild_id": data["guild_id"], "members": members, "chunk_index": 0, "chunk_count": 1}
            await self._dispatch(session, "GUILD_MEMBERS_CHUNK", {**chunk, "not_found": [], "nonce": data.get("nonce")})
        self._notify()

    def _shard_of(self, guild_id: int | None, shard: tuple[int, int] | None) -> bool:
        if shard is None:
            return True
        return (0 if guild_id is None else (guild_id >> 22) % shard[1]) == shard[0]

    async def _on_identify(self, session: _Session, data: Mapping[str, Any]) -> None:
        if data.get("token") != self.token:
            await session.ws.close(code=4004, message=b"Authentication failed.")
            return
        if session.ready:
            await session.ws.close(code=4005, message=b"Already authenticated.")
            return
        intents = int(data.get("intents", 0))
        if not self.allow_privileged_intents and intents & PRIVILEGED_INTENTS:
            await session.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        self.identify = dict(data)
        session.shard = tuple(data["shard"]) if data.get("shard") else None  # type: ignore[assignment]
        session.session_id = f"session-{self.new_id()}"
        self._known_sessions[session.session_id] = session.shard
        mine = self._shard_of(self.guild_id, session.shard)
        ready = {
            "v": 10,
            "user": self.user_json(self.bot_id),
            "guilds": [{"id": str(self.guild_id), "unavailable": True}] if mine else [],
            "session_id": session.session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "_trace": ["fake-discord"],
        }
        if session.shard is not None:
            ready["shard"] = list(session.shard)
        await self._dispatch(session, "READY", ready)
        if mine and intents & 1:  # GUILDS intent
            await self._dispatch(session, "GUILD_CREATE", self.guild_json())
        session.ready = True

    async def _on_resume(self, session: _Session, data: Mapping[str, Any]) -> None:
        session_id = data.get("session_id")
        if data.get("token") != self.token or session_id not in self._known_sessions:
            await self._send(session, {"op": 9, "d": False})
            return
        session.session_id = session_id
        session.shard = self._known_sessions[session_id]
        session.seq = int(data.get("seq") or 0)
        self.resumes += 1
        await self._dispatch(session, "RESUMED", {"_trace": ["fake-discord"]})
        session.ready = True

    def _session_for(self, guild_id: int | None) -> _Session | None:
        live = [s for s in self._sessions if s.ready and not s.ws.closed and self._shard_of(guild_id, s.shard)]
        return live[-1] if live else None

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT on every session; discord.py reconnects and RESUMEs."""
        for session in list(self._sessions):
            await self._send(session, {"op": 7, "d": None})

    # -- interactions -------------------------------------------------------------------------

    def _find_command(self, name: str, guild_id: int | None) -> tuple[dict[str, Any], int | None]:
        scopes = [guild_id, None] if guild_id is not None else [None]
        for scope in scopes:
            command = self.registered_commands.get(scope, {}).get(name)
            if command is not None:
                return command, scope
        raise LookupError(f"/{name} is not registered (registered: {self.registered_commands})")

    def _find_component(self, custom_id: str, message: Message | None) -> tuple[Message, Mapping[str, Any]]:
        candidates = [message] if message is not None else sorted(self.messages.values(), key=lambda m: -m.id)
        for candidate in candidates:
            if candidate.deleted:
                continue
            for component in _walk_components(candidate.components):
                if component.get("custom_id") == custom_id:
                    if component.get("disabled"):
                        raise ValueError(f"component {custom_id!r} is disabled; a user cannot use it")
                    return candidate, component
        raise LookupError(f"no message shows a component with custom_id {custom_id!r}")

    async def interact(
        self,
        name: str | None = None,
        options: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
        *,
        type: int | None = None,
        user_id: int | None = None,
        permissions: str | int | None = None,
        dm: bool = False,
        channel_id: int | None = None,
        custom_id: str | None = None,
        values: Sequence[str] | None = None,
        message: Message | InteractionRecord | None = None,
        focused: str | None = None,
        fields: Mapping[str, str] | None = None,
        locale: str = "en-US",
        validate: bool = True,
        timeout: float = 10.0,
    ) -> InteractionRecord:
        """Dispatch an INTERACTION_CREATE as a user would cause it; see the module docstring."""
        if type is None:
            type = MODAL_SUBMIT if fields is not None else MESSAGE_COMPONENT if custom_id else None
            type = type or (AUTOCOMPLETE if focused else APPLICATION_COMMAND)
        user_id = self.user_id if user_id is None else int(user_id)
        guild_id = None if dm else self.guild_id
        await self.wait(lambda: self._session_for(guild_id), timeout)

        source: Message | None = message.original if isinstance(message, InteractionRecord) else message
        if type in (APPLICATION_COMMAND, AUTOCOMPLETE):
            if not name:
                raise ValueError("a command interaction needs the command name")
            data = self._command_data(name, options, guild_id, focused=focused, validate=validate)
            source = None
        elif type == MESSAGE_COMPONENT:
            if not custom_id:
                raise ValueError("a component interaction needs custom_id")
            source, component = self._find_component(custom_id, source)
            data = {"custom_id": custom_id, "component_type": component.get("type", 2)}
            if component.get("type", 2) != 2:
                data["values"] = list(values or [])
        elif type == MODAL_SUBMIT:
            if not custom_id:
                raise ValueError("a modal submit needs the modal's custom_id")
            rows = [
                {"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in (fields or {}).items()
            ]
            data = {"custom_id": custom_id, "components": rows}
        else:
            raise ValueError(f"unsupported interaction type {type}")

        payload = self._interaction_payload(type, data, user_id, permissions, guild_id, channel_id, locale)
        if source is not None:
            payload["message"] = self.message_json(source)
        record = InteractionRecord(self, payload, source)
        self.interactions[record.id] = record
        session = self._session_for(guild_id)
        if session is None:
            raise RuntimeError("the bot's gateway session went away")
        record.dispatched_at = time.monotonic()
        await self._dispatch(session, "INTERACTION_CREATE", payload)
        self._notify()
        return record

    def _interaction_payload(
        self,
        type: int,
        data: dict[str, Any],
        user_id: int,
        permissions: str | int | None,
        guild_id: int | None,
        channel_id: int | None,
        locale: str,
    ) -> dict[str, Any]:
        perms = str(permissions) if permissions is not None else MEMBER_PERMISSIONS
        payload: dict[str, Any] = {
            "id": str(self.new_id()),
            "application_id": str(self.application_id),
            "type": type,
            "data": data,
            "token": f"itoken-{self.new_id()}",
            "version": 1,
            "locale": locale,
            "app_permissions": MEMBER_PERMISSIONS,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "attachment_size_limit": self.attachment_size_limit,
        }
        if guild_id is not None:
            channel = {**self.channel_json(), "permissions": perms}
            if channel_id is not None:
                channel["id"] = str(channel_id)
            payload.update(
                guild_id=str(guild_id),
                guild={"id": str(guild_id), "locale": "en-US", "features": []},
                guild_locale="en-US",
                channel_id=channel["id"],
                channel=channel,
                member=self.member_json(user_id, perms),
                authorizing_integration_owners={"0": str(guild_id)},
                context=0,
            )
        else:
            dm_channel = str(channel_id or self.new_id())
            payload.update(
                channel_id=dm_channel,
                channel={"id": dm_channel, "type": 1, "recipients": [self.user_json(user_id)], "flags": 0},
                user=self.user_json(user_id),
                authorizing_integration_owners={"0": "0"},
                context=1,
            )
        return payload

    def _command_data(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None,
        guild_id: int | None,
        *,
        focused: str | None,
        validate: bool,
    ) -> dict[str, Any]:
        top, *path = name.split()
        command, scope = self._find_command(top, guild_id)
        data: dict[str, Any] = {"id": command["id"], "name": top, "type": command.get("type", 1)}
        if scope is not None:
            data["guild_id"] = str(scope)
        schema = command.get("options") or []
        chain: list[dict[str, Any]] = []  # subcommand group / subcommand, outermost first
        for part in path:
            sub = next((o for o in schema if o.get("name") == part and o.get("type") in (1, 2)), None)
            if sub is None:
                raise LookupError(f"/{top} has no subcommand {part!r}")
            chain.append({"name": part, "type": sub["type"]})
            schema = sub.get("options") or []
        if options is None or isinstance(options, Mapping):
            built = self._typed_options(schema, dict(options or {}), focused=focused, validate=validate)
        else:
            built = [dict(o) for o in options]
        for link in reversed(chain):
            link["options"] = built
            built = [link]
        data["options"] = built
        return data

    @staticmethod
    def _typed_options(
        schema: Sequence[Mapping[str, Any]], values: dict[str, Any], *, focused: str | None, validate: bool
    ) -> list[dict[str, Any]]:
        """Options as Discord sends them, refusing what a Discord client would not let a user send."""
        by_name = {o["name"]: o for o in schema}
        if focused is not None:
            values.setdefault(focused, "")
        built = []
        for key, value in values.items():
            spec = by_name.get(key)
            if spec is None:
                if validate:
                    raise ValueError(f"unknown option {key!r}; the command has {sorted(by_name)}")
                built.append({"name": key, "type": 3, "value": value})
                continue
            option: dict[str, Any] = {"name": key, "type": spec["type"], "value": value}
            if key == focused:
                if validate and not spec.get("autocomplete"):
                    raise ValueError(f"option {key!r} is not registered with autocomplete")
                option["focused"] = True
            elif validate and focused is None:  # while autocompleting, other options are half-typed
                FakeDiscord._check_value(spec, value)
            built.append(option)
        if validate and focused is None:
            missing = [o["name"] for o in schema if o.get("required") and o["name"] not in values]
            if missing:
                raise ValueError(f"required options missing: {missing}")
        return built

    @staticmethod
    def _check_value(spec: Mapping[str, Any], value: Any) -> None:
        name, kind = spec["name"], spec["type"]
        expected = {3: (str,), 4: (int,), 5: (bool,), 10: (int, float)}.get(kind)
        if expected and (not isinstance(value, expected) or (kind in (4, 10) and isinstance(value, bool))):
            raise ValueError(f"option {name!r} takes {expected[0].__name__}, got {value!r}")
        if "min_value" in spec and value < spec["min_value"]:
            raise ValueError(f"option {name!r}: {value} is below {spec['min_value']}")
        if "max_value" in spec and value > spec["max_value"]:
            raise ValueError(f"option {name!r}: {value} is above {spec['max_value']}")
        if kind == 3 and not spec.get("min_length", 0) <= len(value) <= spec.get("max_length", 6000):
            raise ValueError(f"option {name!r}: length {len(value)} outside the registered limits")
        choices = spec.get("choices")
        if choices and value not in [c["value"] for c in choices]:
            raise ValueError(f"option {name!r}: {value!r} is not one of the choices")
