"""Stand-ins for outside services, run over real sockets on 127.0.0.1 (see ollama_server)."""

from .ollama_server import FakeOllama, closed_port_url

__all__ = ["FakeOllama", "closed_port_url"]
