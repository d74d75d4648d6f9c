"""What an embedded store directory holds, and the small files processes share.

    STORE/databases/   ArcadeDB's root (the database ``policykg``)
    STORE/.password    ArcadeDB's root password, generated per store, mode 0600 (policykg logs in as neither)
    STORE/.credentials.json  the admin and reader logins policykg uses (``credentials.py``), mode 0600
    STORE/server.json  the running server's pid and ports
    STORE/leases/      one file per client process using the server
    STORE/persistent   present while ``policykg store start`` keeps it running
    STORE/lock         flock taken while a server is started or stopped, mode 0600
    STORE/.policykg-store  marker: policykg made this directory (what a reset checks before it deletes)
    STORE/.policykg-demo   marker: ``policykg demo`` made it, so the demo may reset it

The directory itself is made (or tightened to) 0700 and every file policykg writes here is
0600, and the server process runs with umask 077, so another local user can neither read
the database files nor take the lock (issue 22: a 0644 lock file let anyone block every
policykg command on the store with ``flock``; 0644 database files let anyone read them).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATABASE = "policykg"
USER = "root"
STORE_MARKER = ".policykg-store"
DEMO_MARKER = ".policykg-demo"
# Everything policykg itself writes into a store directory; a reset removes these and nothing else.
OWN_ENTRIES = ("databases", "leases", "server.json", "server.tmp", "server.log", ".password", ".credentials.json",
               "persistent", "lock", STORE_MARKER, DEMO_MARKER)
#: Modes of what policykg makes in a store: only the owner may enter, read or write.
DIR_MODE = 0o700
FILE_MODE = 0o600


class NotAStoreError(Exception):
    """A directory policykg would reset holds things policykg did not put there."""


SERVER_MODULE = "policykg.graph.arcadedb_server"


def pid_alive(pid: int, *, reap: bool = False) -> bool:
    """Whether the process runs. A zombie (dead, not yet waited for) counts as dead, and with
    ``reap`` it is waited for when it is our child, so a killed server never looks "running"."""
    if pid <= 0:
        return False
    if reap:
        with contextlib.suppress(ChildProcessError, OSError):
            reaped, _ = os.waitpid(pid, os.WNOHANG)
            if reaped == pid:
                return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc here: kill(0) is all we know
    return stat.rsplit(")", 1)[-1].split()[0] not in ("Z", "X")


def is_store_server(pid: int, root: Path) -> bool:
    """Whether ``pid`` is the ArcadeDB server policykg started for the store at ``root``.

    Checked on the process's command line (``python -m policykg.graph.arcadedb_server
    ROOT``) before any signal is sent: a stale ``server.json`` whose pid was reused by an
    unrelated process must not get that process killed.
    """
    if not pid_alive(pid, reap=True):
        return False
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    args = [a.decode(errors="replace") for a in argv if a]
    if SERVER_MODULE not in args:
        return False
    after = args[args.index(SERVER_MODULE) + 1:]
    return bool(after) and Path(after[0]).resolve() == root.resolve()


def private_file(path: Path, mode: str = "a") -> Any:
    """Open (creating it 0600) a file only the store's owner may read: ``open(path, mode)`` otherwise."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else 0), FILE_MODE)
    return os.fdopen(fd, mode)


@dataclass(frozen=True)
class StoreLayout:
    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", self.root.resolve())

    @property
    def databases(self) -> Path:
        return self.root / "databases"

    @property
    def leases(self) -> Path:
        return self.root / "leases"

    @property
    def server_file(self) -> Path:
        return self.root / "server.json"

    @property
    def log_file(self) -> Path:
        return self.root / "server.log"

    def create(self) -> None:
        """Make the directory (0700) and its folders; tighten an existing store directory we own to 0700."""
        self.root.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        for folder in (self.root, self.databases, self.leases):
            folder.mkdir(exist_ok=True, mode=DIR_MODE)
            if folder.stat().st_uid == os.geteuid() and folder.stat().st_mode & 0o777 != DIR_MODE:
                folder.chmod(DIR_MODE)
        private_file(self.root / STORE_MARKER).close()

    def is_demo(self) -> bool:
        return (self.root / DEMO_MARKER).exists()

    def reset_demo(self) -> None:
        """Empty a store that ``policykg demo`` made, touching only what policykg wrote there.

        Refuses (``NotAStoreError``) a directory that exists and is neither empty nor a
        demo store: a user's folder or analysis store is never deleted.
        """
        if self.root.exists():
            if not self.root.is_dir():
                raise NotAStoreError(f"{self.root} is a file, not a store directory")
            entries = list(self.root.iterdir())
            if entries and not self.is_demo():
                raise NotAStoreError(
                    f"{self.root} exists and is not a demo store policykg made; the demo deletes nothing it did not "
                    "create: give a new or empty directory (e.g. --store demo-store)")
            foreign = sorted(e.name for e in entries if e.name not in OWN_ENTRIES)
            if foreign:
                raise NotAStoreError(f"{self.root} holds files policykg did not write ({', '.join(foreign[:5])}); "
                                     "the demo will not reset it: give a new or empty directory")
            for entry in entries:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
        self.create()
        private_file(self.root / DEMO_MARKER).close()

    def password(self) -> str:
        """The store's own root password; made on first use, readable by its owner only."""
        path = self.root / ".password"
        if not path.exists():
            self.create()
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(24))
        return path.read_text().strip()

    @contextlib.contextmanager
    def locked(self, wait: bool = True) -> Iterator[bool]:
        """Hold the store lock; with ``wait=False`` yield False at once if someone else holds it."""
        self.create()
        with private_file(self.root / "lock") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def server_info(self) -> dict[str, Any] | None:
        try:
            info: dict[str, Any] = json.loads(self.server_file.read_text())
        except (OSError, ValueError):
            return None
        return info if is_store_server(int(info.get("pid", 0)), self.root) else None

    def write_server_info(self, info: dict[str, Any]) -> None:
        """Announce the server; readable by the store's owner only (it names the ports)."""
        tmp = self.server_file.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(json.dumps(info))
        tmp.replace(self.server_file)

    def clear_server_info(self, pid: int) -> None:
        try:
            if json.loads(self.server_file.read_text()).get("pid") == pid:
                self.server_file.unlink()
        except (OSError, ValueError):
            pass

    def is_persistent(self) -> bool:
        return (self.root / "persistent").exists()

    def set_persistent(self, on: bool) -> None:
        flag = self.root / "persistent"
        if on:
            private_file(flag).close()
        else:
            flag.unlink(missing_ok=True)

    def add_lease(self) -> Path:
        self.leases.mkdir(parents=True, exist_ok=True)
        path = self.leases / f"{os.getpid()}-{secrets.token_hex(4)}"
        private_file(path).close()
        return path

    def live_leases(self) -> list[Path]:
        """Leases whose process is still alive; those of dead processes are swept away."""
        live = []
        for lease in self.leases.glob("*-*") if self.leases.exists() else []:
            if pid_alive(int(lease.name.split("-")[0])):
                live.append(lease)
            else:
                lease.unlink(missing_ok=True)
        return live
