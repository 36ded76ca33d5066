"""Where the Ollama server is and how to ask it: `OllamaSettings`, read from the environment.

This module imports neither ``ollama`` nor ``httpx``, on purpose: the ``ollama`` package
builds a client from OLLAMA_HOST when it is imported, so a malformed OLLAMA_HOST would
crash that import with a traceback. Callers (the bot's settings, the CLI) check the
environment here first and report a bad value as one line, before anything heavy loads.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from .limits import CANDIDATES_DEFAULT, CANDIDATES_MAX

DEFAULT_HOST = "http://127.0.0.1:11434"
DEFAULT_PORT = 11434
_HOST_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?")


def normalise_host(host: str) -> str:
    """``scheme://host:port`` for an Ollama address written as users do.

    Accepts what the ollama client accepts: ``localhost``, ``:11434``, ``10.0.0.5:8080``,
    ``http://box``, ``https://box:443/prefix``, ``[::1]:11434``. Raises ValueError, saying
    what is wrong, when it is not an address: a bad scheme, host name or port (1 to 65535).
    """
    text = host.strip()
    if not text or any(c.isspace() for c in text):
        raise ValueError(f"{host!r} is not a host address")
    scheme, sep, rest = text.partition("://")
    if not sep:
        scheme, rest = "http", text
    if scheme not in ("http", "https"):
        raise ValueError(f"{host!r} has scheme {scheme!r}; use http or https")
    default_port = DEFAULT_PORT if not sep else (443 if scheme == "https" else 80)
    try:
        split = urllib.parse.urlsplit(f"{scheme}://{rest}")
    except ValueError:  # "Invalid IPv6 URL": an unclosed '[' or no IPv6 address inside
        raise ValueError(f"{host!r} is not a host address: put a whole IPv6 address in [ ], like [::1]") from None
    try:
        port = split.port
    except ValueError:
        port = 0
    if port == 0 or split.netloc.endswith(":"):
        raise ValueError(f"{host!r} has a bad port; use a number from 1 to 65535")
    if split.username is not None or split.query or split.fragment:
        raise ValueError(f"{host!r} has parts a server address does not take (user, '?' or '#')")
    hostname = split.hostname or "127.0.0.1"
    if ":" in hostname:
        try:
            ipaddress.IPv6Address(hostname)
        except ValueError:
            raise ValueError(f"{host!r} has a bad IPv6 address {hostname!r}") from None
        hostname = f"[{hostname}]"
    elif not _HOST_NAME.fullmatch(hostname):
        raise ValueError(f"{host!r} has a bad host name {hostname!r}")
    path = split.path.rstrip("/")
    return f"{scheme}://{hostname}:{port or default_port}{path}"


@dataclass(frozen=True)
class OllamaSettings:
    """Where the Ollama server is, which model to use and how to sample it.

    ``timeout`` is the whole time one request may spend on the model: every candidate and
    repair round together. ``candidates`` is how many seeded answers may be tried within it
    (the first that passes the musical check is kept). ``keep_alive`` is how long Ollama
    keeps the model loaded after a request (Ollama duration text, like "10m").
    """

    host: str = DEFAULT_HOST
    model: str = "llama3.1"
    timeout: float = 60.0
    temperature: float = 0.7
    top_p: float = 0.9
    num_predict: int = 1024
    seed: int | None = None
    keep_alive: str = "10m"
    candidates: int = CANDIDATES_DEFAULT

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> OllamaSettings:
        """Settings from OLLAMA_HOST, OLLAMA_MODEL and OLLAMA_TIMEOUT; unset or empty means default.

        A bad value is a ValueError with one line naming the variable.
        """
        values: dict[str, object] = {}
        host = environ.get("OLLAMA_HOST", "").strip()
        if host:
            try:
                values["host"] = normalise_host(host)
            except ValueError as exc:
                raise ValueError(f"OLLAMA_HOST: {exc}; expected an address like http://127.0.0.1:11434") from None
        model = environ.get("OLLAMA_MODEL", "").strip()
        if model:
            if any(c.isspace() for c in model):
                raise ValueError(f"OLLAMA_MODEL: {model!r} is not a model name, like llama3.1 or qwen2.5:7b")
            values["model"] = model
        timeout = environ.get("OLLAMA_TIMEOUT", "").strip()
        if timeout:
            try:
                seconds = float(timeout)
            except ValueError:
                seconds = math.nan
            if not math.isfinite(seconds) or seconds <= 0:
                raise ValueError(f"OLLAMA_TIMEOUT: {timeout!r} is not a number of seconds above 0, like 60")
            values["timeout"] = seconds
        candidates = environ.get("OLLAMA_CANDIDATES", "").strip()
        if candidates:
            if not candidates.isdigit() or not 1 <= int(candidates) <= CANDIDATES_MAX:
                raise ValueError(
                    f"OLLAMA_CANDIDATES: {candidates!r} is not a whole number from 1 to {CANDIDATES_MAX}, like 3"
                )
            values["candidates"] = int(candidates)
        return cls(**values)  # type: ignore[arg-type]
