"""A real, throw-away PostgreSQL server on 127.0.0.1 for tests: initdb + pg_ctl into a temp folder.

    with PostgresServer.start(folder) as server:    # PostgresUnavailable when it cannot start
        url = server.new_database()                 # postgresql://postgres@127.0.0.1:PORT/test_3
        server.stop(); server.restart()             # a lost connection, and the server back

The binaries are looked for on PATH, then under /usr/lib/postgresql/<version>/bin (Debian's
package). PostgreSQL refuses to run as root, so as root the server runs as the ``postgres``
user (the Debian package creates it). Authentication is ``trust`` on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


def find_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    def __init__(self, bindir: Path, folder: Path, port: int, user: str | None) -> None:
        self.bindir = bindir
        self.folder = folder
        self.port = port
        self.user = user  # run the server as this OS user (None: as ourselves)
        self._databases = 0

    @classmethod
    def start(cls, folder: Path) -> PostgresServer:
        bindir = find_binaries()
        if bindir is None:
            raise PostgresUnavailable("no PostgreSQL binaries (initdb, pg_ctl) on PATH or under /usr/lib/postgresql")
        user = None
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresUnavailable("running as root and there is no 'postgres' user to run the server") from None
            user = "postgres"
            folder.mkdir(parents=True, exist_ok=True)
            os.chown(folder, owner.pw_uid, owner.pw_gid)  # its parents must let others pass (the temp folder does)
        server = cls(bindir, folder, _free_port(), user)
        server._run("initdb", "-D", str(folder / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        server._start()
        return server

    def _command(self, program: str, *args: str) -> list[str]:
        line = [str(self.bindir / program), *args]
        return ["runuser", "-u", self.user, "--", *line] if self.user else line

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run(self._command(program, *args), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{program} failed: {(done.stderr or done.stdout).strip()[-400:]}")

    def _start(self) -> None:
        options = f"-p {self.port} -h 127.0.0.1 -k {self.folder} -c fsync=off"
        log = str(self.folder / "log")
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")

    def restart(self) -> None:
        self._start()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database's URL."""
        self._databases += 1
        name = f"test_{self._databases}"
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def close(self) -> None:
        with contextlib.suppress(PostgresUnavailable):
            self.stop()

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
