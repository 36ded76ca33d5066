"""A fake Ollama server: real HTTP on 127.0.0.1, scripted answers, no model.

Use it wherever code talks to Ollama over the network (the engine's `PatternWriter`, the
bot's `/drums`), so tests go through the real Ollama client and real sockets::

    with FakeOllama() as fake:                       # mode "good"
        writer = PatternWriter(OllamaSettings(host=fake.url))
        answer = writer.write(request, examples)
        fake.requests[0]["format"]                   # the schema the client sent

    with FakeOllama(script=["wrong_length", "good"]) as fake: ...   # one mode per chat request

Modes (`MODES`) say how the next ``POST /api/chat`` is answered:

- ``good``: a valid pattern as JSON (``{"name", "tracks": {code: steps}}``), every track as
  long as the request's ``format`` schema demands (the ``{N}`` of its step pattern; without a
  schema, the "exactly N steps" of the last user message, else 16). Tracks: ch, sd, bd.
- ``prose``: a chatty answer with no pattern in it.
- ``wrong_length``: valid JSON, but track ``sd`` has N-1 steps.
- ``truncated``: the good JSON cut off halfway, ``done_reason`` "length".
- ``notation_text``: ignores ``format``: prose with notation lines in a ``` block, N steps.
- ``single_track``: valid JSON with one track only (``sh``, a shaker).
- ``error500``: HTTP 500 ``{"error": ...}``, as when the model runner crashes.
- ``missing_model``: HTTP 404 ``{"error": "model \\"<name>\\" not found, try pulling it first"}``.
- ``stall``: waits ``stall_seconds``, then answers like ``good`` (for client time limits).
- ``garbage``: HTTP 200 with an HTML page, as when OLLAMA_HOST points at some other server.

Hostile servers, each of which must end in a library answer within OLLAMA_TIMEOUT:

- ``drip``: the ``good`` reply, its headers at once and its body one byte every
  ``drip_seconds`` (1 s): a per-read time limit never fires.
- ``huge``: a chat reply whose answer is ``huge_bytes`` (1 MB) of letters: no JSON, no
  notation, the worst case for a backtracking reader.
- ``list``, ``number``, ``null``: HTTP 200 whose JSON body is a list (of one ``good`` reply),
  ``42`` or ``null`` instead of an object.
- ``html``: HTTP 502 with an HTML page, as a proxy in front of a stopped Ollama answers.
- ``empty``: HTTP 200 with an empty body.
- ``close``: the connection is closed without a reply.
- ``hang``: no answer, ever (until the fake closes).

``script`` (a list of modes) is consumed one entry per chat request; when it is empty,
``mode`` answers. ``delay`` seconds are added before every chat answer (load tests use 2 s).
``close()`` wakes anything still waiting, so a stalled handler never outlives the test.
``abandoned`` counts replies the client hung up on before the last byte.
Also served: ``GET /api/version``, ``GET /api/tags`` (lists ``models``), ``POST /api/show``
and ``GET /`` ("Ollama is running"), so reachability checks work. Chat bodies land in
``requests`` (parsed JSON, in arrival order); every call lands in ``calls`` as
(method, path); ``peak_in_flight`` is the most chat requests handled at once.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

HOSTILE_MODES = ("drip", "huge", "list", "number", "null", "html", "empty", "close", "hang")
MODES = (
    "good",
    "prose",
    "wrong_length",
    "truncated",
    "notation_text",
    "single_track",
    "error500",
    "missing_model",
    "stall",
    "garbage",
    *HOSTILE_MODES,
)
DEFAULT_LENGTH = 16
HUGE_BYTES = 1_000_000
BAD_GATEWAY_PAGE = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)

PROSE_ANSWER = (
    "Great question! For a laid-back groove I'd keep the kick on one and three, put the snare "
    "on two and four, and let the hi-hat ride steady eighth notes. Add a few ghost notes on the "
    "snare if you want it to breathe. Have fun playing it!"
)


def good_tracks(length: int) -> dict[str, str]:
    """A plausible backbeat of ``length`` steps: eighth hats, accented snare with ghosts, kick."""
    ch = "".join("x" if i % 2 == 0 else "-" for i in range(length))
    sd = "".join("X" if i % 8 == 4 else "o" if i % 8 == 7 else "-" for i in range(length))
    bd = "".join("x" if i % 8 == 0 or i % 16 == 10 else "-" for i in range(length))
    return {"ch": ch, "sd": sd, "bd": bd}


def demanded_length(body: dict[str, Any]) -> int:
    """Steps per track the chat request asks for: the schema's ``{N}``, else the prompt's, else 16."""
    try:
        tracks = body["format"]["properties"]["tracks"]["properties"]
        step_pattern = next(iter(tracks.values()))["pattern"]
        return int(re.search(r"\{(\d+)\}", step_pattern).group(1))  # type: ignore[union-attr]
    except (KeyError, TypeError, StopIteration, AttributeError, ValueError):
        pass
    for message in reversed(body.get("messages") or []):
        if message.get("role") == "user":
            found = re.search(r"exactly (\d+) steps", message.get("content") or "")
            if found:
                return int(found.group(1))
            break
    return DEFAULT_LENGTH


class FakeOllama:
    """An Ollama look-alike on 127.0.0.1:<free port>; see the module docstring for modes."""

    def __init__(
        self,
        mode: str = "good",
        *,
        script: Iterable[str] = (),
        delay: float = 0.0,
        stall_seconds: float = 30.0,
        drip_seconds: float = 1.0,
        huge_bytes: int = HUGE_BYTES,
        models: Iterable[str] = ("llama3.1",),
        version: str = "0.0.0-fake",
    ) -> None:
        self.mode = mode
        self.script: list[str] = list(script)
        for entry in self.script:
            _check_mode(entry)
        self.delay = delay
        self.stall_seconds = stall_seconds
        self.drip_seconds = drip_seconds
        self.huge_bytes = huge_bytes
        self.abandoned = 0
        self.models = list(models)
        self.version = version
        self.tracks_for: Callable[[int], dict[str, str]] = good_tracks  # what "good" answers hold
        self.requests: list[dict[str, Any]] = []
        self.calls: list[tuple[str, str]] = []
        self.peak_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def mode(self) -> str:
        return self._mode

    @mode.setter
    def mode(self, value: str) -> None:
        self._mode = _check_mode(value)

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeOllama is not started; use it as a context manager or call start()")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeOllama:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.block_on_close = False
        server.fake = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        self._closing.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOllama:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- answers -------------------------------------------------------------------------

    def _next_mode(self) -> str:
        with self._lock:
            return self.script.pop(0) if self.script else self.mode

    def _wait(self, seconds: float) -> None:
        if seconds > 0:
            self._closing.wait(seconds)

    def chat(self, body: dict[str, Any]) -> Reply:
        """The HTTP answer to one chat request; records the request first."""
        with self._lock:
            self.requests.append(body)
            self._in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self._in_flight)
        try:
            mode = self._next_mode()
            self._wait(self.delay)
            return self._reply(mode, body)
        finally:
            with self._lock:
                self._in_flight -= 1

    def _reply(self, mode: str, body: dict[str, Any]) -> Reply:
        model = str(body.get("model", ""))
        if mode == "error500":
            return Reply.json(500, {"error": "llama runner process has terminated: exit status 2"})
        if mode == "garbage":
            return Reply(200, b"<html><body><h1>It works!</h1></body></html>", HTML)
        if mode == "missing_model":
            return Reply.json(404, {"error": f'model "{model}" not found, try pulling it first'})
        if mode == "html":
            return Reply(502, BAD_GATEWAY_PAGE, HTML)
        if mode == "empty":
            return Reply(200, b"")
        if mode in ("number", "null"):
            return Reply.json(200, 42 if mode == "number" else None)
        if mode == "close":
            return Reply(close=True)
        if mode == "hang":
            self._closing.wait()
            return Reply(close=True)
        if mode == "stall":
            self._wait(self.stall_seconds)
        content, done_reason = self._content(mode, demanded_length(body))
        reply = _chat_reply(model, content, done_reason, body)
        if mode == "list":
            return Reply.json(200, [reply])
        if body.get("stream", True):  # streaming clients read NDJSON; the whole answer comes as one final chunk
            return Reply(200, (json.dumps(reply) + "\n").encode(), "application/x-ndjson")
        return Reply.json(200, reply, drip=self.drip_seconds if mode == "drip" else 0.0)

    def _content(self, mode: str, length: int) -> tuple[str, str]:
        tracks = self.tracks_for(length)
        if mode == "huge":
            return "a" * self.huge_bytes, "stop"
        if mode in ("good", "stall", "drip", "list"):
            return json.dumps({"name": "Fake backbeat", "tracks": tracks}), "stop"
        if mode == "prose":
            return PROSE_ANSWER, "stop"
        if mode == "wrong_length":
            short = {code: steps[:-1] if code == "sd" else steps for code, steps in tracks.items()}
            return json.dumps({"name": "Fake backbeat", "tracks": short}), "stop"
        if mode == "truncated":
            full = json.dumps({"name": "Fake backbeat", "tracks": tracks})
            return full[: len(full) // 2], "length"
        if mode == "notation_text":
            lines = "\n".join(f"{code}: {steps}" for code, steps in tracks.items())
            return (
                "Sure! Here's a groove in your notation:\n\n```\n"
                f"{lines}\n```\n\nThe snare accents sit on two and four, with ghost notes in between.",
                "stop",
            )
        if mode == "single_track":
            shaker = "".join("X" if i % 4 == 0 else "x" for i in range(length))
            return json.dumps({"name": "Lonely shaker", "tracks": {"sh": shaker}}), "stop"
        raise AssertionError(f"unhandled mode {mode!r}")

    def tags(self) -> dict[str, Any]:
        if self.mode == "missing_model":
            return {"models": []}
        return {"models": [_model_entry(name) for name in self.models]}

    def show(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        name = str(body.get("model") or body.get("name") or "")
        known = {m.split(":")[0] for m in self.models}
        if self.mode == "missing_model" or name.split(":")[0] not in known:
            return 404, {"error": f"model '{name}' not found"}
        return 200, {
            "modelfile": f"FROM {name}",
            "parameters": "",
            "template": "{{ .Prompt }}",
            "details": _model_entry(name)["details"],
            "model_info": {},
            "capabilities": ["completion"],
        }


JSON = "application/json; charset=utf-8"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    """One HTTP answer to a chat request: ``drip`` seconds between body bytes (0: at once);
    ``close``: hang up instead of answering."""

    status: int = 200
    body: bytes = b""
    content_type: str = JSON
    drip: float = 0.0
    close: bool = False

    @classmethod
    def json(cls, status: int, payload: Any, drip: float = 0.0) -> Reply:
        return cls(status, json.dumps(payload).encode(), JSON, drip)


def _check_mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"unknown FakeOllama mode {mode!r}; use one of {', '.join(MODES)}")
    return mode


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def _model_entry(name: str) -> dict[str, Any]:
    full = name if ":" in name else f"{name}:latest"
    return {
        "name": full,
        "model": full,
        "modified_at": _now(),
        "size": 4_920_753_328,
        "digest": "0" * 64,
        "details": {"format": "gguf", "family": "llama", "parameter_size": "8.0B", "quantization_level": "Q4_K_M"},
    }


def _chat_reply(model: str, content: str, done_reason: str, body: dict[str, Any]) -> dict[str, Any]:
    prompt_chars = sum(len(m.get("content") or "") for m in body.get("messages") or [])
    return {
        "model": model,
        "created_at": _now(),
        "message": {"role": "assistant", "content": content},
        "done": True,
        "done_reason": done_reason,
        "total_duration": 1_000_000,
        "load_duration": 100_000,
        "prompt_eval_count": prompt_chars // 4,
        "prompt_eval_duration": 100_000,
        "eval_count": len(content) // 4,
        "eval_duration": 800_000,
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like Ollama; every reply carries Content-Length
    timeout = 60  # idle keep-alive connections close after this

    @property
    def fake(self) -> FakeOllama:
        return self.server.fake  # type: ignore[attr-defined]

    def handle(self) -> None:
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):  # a client that hung up mid-answer
            super().handle()

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("fake ollama: " + format, *args)

    def _path(self) -> str:
        return urlsplit(self.path).path.rstrip("/") or "/"

    def _send(self, status: int, payload: Any, content_type: str = JSON, drip: float = 0.0) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command == "HEAD":
                return
            if not drip:
                self.wfile.write(data)
                return
            self.wfile.flush()
            for i in range(len(data)):
                if self.fake._closing.wait(drip):
                    self.close_connection = True
                    return
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            log.debug("fake ollama: client left before the answer (%s %s)", self.command, self.path)
            with self.fake._lock:
                self.fake.abandoned += 1
            self.close_connection = True

    def _hang_up(self) -> None:
        """Close the connection without a word, as a crashing server or a dropped link does."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _read_json(self) -> dict[str, Any] | None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            return None
        return body if isinstance(body, dict) else None

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = self._path()
        self.fake.calls.append(("GET", path))
        if path == "/api/version":
            self._send(200, {"version": self.fake.version})
        elif path == "/api/tags":
            self._send(200, self.fake.tags())
        elif path == "/":
            self._send(200, b"Ollama is running", "text/plain; charset=utf-8")
        else:
            self._send(404, b"404 page not found", "text/plain; charset=utf-8")

    def do_POST(self) -> None:
        path = self._path()
        self.fake.calls.append(("POST", path))
        body = self._read_json()
        if body is None:
            self._send(400, {"error": "invalid JSON body"})
        elif path == "/api/chat":
            reply = self.fake.chat(body)
            if reply.close:
                self._hang_up()
            else:
                self._send(reply.status, reply.body, reply.content_type, reply.drip)
        elif path == "/api/show":
            self._send(*self.fake.show(body))
        else:
            self._send(404, b"404 page not found", "text/plain; charset=utf-8")


def closed_port_url() -> str:
    """An http://127.0.0.1 URL where nothing listens (a port just freed): the "server down" case."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
