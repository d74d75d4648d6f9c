"""Start, find, share and stop the embedded ArcadeDB server for a store directory.

A policykg process takes a lease on the store's server, starting it if none is
running; a second process finds the running one and takes its own lease. When the
last lease is dropped the server stays up for the idle period (``graph.idle``,
``POLICYKG_IDLE``, default 10 minutes) and then stops itself, unless ``policykg store
start`` marked the store persistent; so the next command within that period answers
without starting a JVM. With ``POLICYKG_IDLE=0`` the last client stops it as it leaves.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from policykg.graph import idle
from policykg.graph.credentials import Login, store_credentials
from policykg.graph.layout import DATABASE, StoreLayout, is_store_server, pid_alive, private_file
from policykg.graph.store import BoltStore, StoreError, _message

START_TIMEOUT_SECONDS = 120.0
STOP_TIMEOUT_SECONDS = 30.0
#: ArcadeDB locks a user out for a while after a few wrong passwords (its constants, not
#: configurable in 26.10). policykg's users have names nobody else knows (``credentials.py``),
#: so only a wrong password of our own could cause it; a client still waits a lockout out.
LOCKOUT_WAIT_SECONDS = 45.0


@dataclass
class ServerStatus:
    running: bool
    store: str
    pid: int | None = None
    bolt_port: int | None = None
    http_port: int | None = None
    persistent: bool = False
    clients: int = 0
    ready_seconds: float | None = None
    idle_seconds: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def status(root: Path) -> ServerStatus:
    layout = StoreLayout(root)
    info = layout.server_info()
    if info is None:
        return ServerStatus(False, str(layout.root), persistent=layout.is_persistent())
    return ServerStatus(
        True,
        str(layout.root),
        pid=info["pid"],
        bolt_port=info["bolt_port"],
        http_port=info["http_port"],
        persistent=layout.is_persistent(),
        clients=len(layout.live_leases()),
        ready_seconds=info.get("ready_seconds"),
        idle_seconds=info.get("idle_seconds"),
    )


def _spawn(layout: StoreLayout, heap: str) -> dict[str, Any]:
    """Start the server process and wait until it announces its ports."""
    layout.password()  # made here, before the server reads it
    store_credentials(layout.root)  # likewise: the server creates these users, the client logs in as them
    log = private_file(layout.log_file, "ab")  # handed to the child process; 0600: it names the Bolt port
    proc = subprocess.Popen(
        [sys.executable, "-m", "policykg.graph.arcadedb_server", str(layout.root), heap],
        cwd=layout.root,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # a Ctrl-C in the terminal goes to the client, which stops it cleanly
    )
    log.close()
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        info = layout.server_info()
        if info and info.get("pid") == proc.pid:
            return info
        if proc.poll() is not None:
            tail = layout.log_file.read_text(errors="replace").strip().splitlines()[-5:]
            raise StoreError(f"the embedded store at {layout.root} failed to start: " + " | ".join(tail))
        time.sleep(0.1)
    proc.terminate()
    raise StoreError(f"the embedded store at {layout.root} did not start within {START_TIMEOUT_SECONDS:.0f} s")


#: Told what the store is doing when that takes seconds (the CLI prints it on stderr).
Notify = Callable[[str], None]


def ensure_server(root: Path, heap: str | None = None, notify: Notify | None = None) -> dict[str, Any]:
    """The running server's ``server.json``, starting the server first if none runs.

    ``notify`` hears, when a server has to be started, that it is starting and then how long
    that took and how long it will stay up without clients. With no idle period
    (``POLICYKG_IDLE=0``, every command starts its own server, as before issue 20) it hears nothing.
    """
    layout = StoreLayout(root)
    try:
        period = idle.idle_seconds()  # checked before a server inherits a bad value and dies of it
    except idle.IdleSettingError as exc:
        raise StoreError(str(exc)) from None
    if period <= 0:
        notify = None
    with layout.locked():
        info = layout.server_info()
        if info is None:
            if notify is not None:
                notify(f"starting the embedded store at {layout.root} (its first command; a few seconds)")
            started = time.monotonic()
            info = _spawn(layout, heap or os.environ.get("POLICYKG_HEAP", "1g"))
            if notify is not None:
                notify(f"store ready in {time.monotonic() - started:.1f} s; it stays up {idle.describe(period)} "
                       "after the last command (policykg store stop stops it)")
    return info


def stop_server(root: Path, *, force: bool = False) -> bool:
    """Stop the store's server if no other client uses it (or ``force``); True if one was stopped."""
    layout = StoreLayout(root)
    with layout.locked():
        info = layout.server_info()
        if info is None:
            return False
        if not force and (layout.is_persistent() or layout.live_leases()):
            return False
        pid = int(info["pid"])
        # server_info() checked that pid is this store's server (its command line names the
        # module and this store); check again right before each signal.
        if not is_store_server(pid, layout.root):
            layout.clear_server_info(pid)
            return False
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        while pid_alive(pid, reap=True) and time.monotonic() < deadline:
            time.sleep(0.05)
        if is_store_server(pid, layout.root):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        layout.clear_server_info(pid)
        return True


def open_embedded(root: Path, heap: str | None = None, notify: Notify | None = None) -> BoltStore:
    layout = StoreLayout(root)
    layout.create()
    lease = layout.add_lease()  # before the server check, so it cannot idle out under us
    try:
        driver, reader, alive = _start_and_connect(layout, heap, notify)
    except BaseException:
        lease.unlink(missing_ok=True)
        raise

    def release() -> None:
        lease.unlink(missing_ok=True)
        if idle.stops_with_last_client():  # else the server idles out by itself (graph.idle)
            stop_server(layout.root)

    def reopen() -> tuple[Any, Any, Callable[[], bool]]:
        if not lease.exists():
            private_file(lease).close()
        return _start_and_connect(layout, heap)

    return BoltStore(driver, DATABASE, name=f"embedded store {layout.root}", on_close=release, alive=alive,
                     reader=reader, reopen=reopen)


def _start_and_connect(layout: StoreLayout, heap: str | None,
                       notify: Notify | None = None) -> tuple[Any, Any, Callable[[], bool]]:
    """Find or start the server; the administrator's and the reader's drivers, and a check that it still runs."""
    info = ensure_server(layout.root, heap, notify)
    creds = store_credentials(layout.root)
    driver = _connect(layout, info, creds.admin)
    try:
        reader = _connect(layout, info, creds.reader)
    except BaseException:
        driver.close()
        raise
    pid = int(info["pid"])
    return driver, reader, lambda: is_store_server(pid, layout.root)


def _connect(layout: StoreLayout, info: dict[str, Any], login: Login) -> Any:
    """A verified driver for the running server, logged in as ``login``; any failure is one line of StoreError."""
    uri = f"bolt://127.0.0.1:{info['bolt_port']}"
    deadline = time.monotonic() + LOCKOUT_WAIT_SECONDS
    while True:
        try:
            driver = GraphDatabase.driver(uri, auth=login.auth(), max_connection_pool_size=8,
                                          connection_timeout=10.0)
        except Exception as exc:
            raise StoreError(f"embedded store {layout.root}: cannot open {uri}: {_message(exc)}") from exc
        try:
            driver.verify_connectivity()
            return driver
        except Exception as exc:
            driver.close()
            # Our own password is refused only while the user is locked out (someone sent wrong
            # ones; over Bolt the answer is then a plain "Authentication failed"): wait it out.
            locked = isinstance(exc, AuthError)
            if locked and time.monotonic() < deadline:
                time.sleep(2.0)
                continue
            hint = " (wrong passwords sent to the server by someone else lock its user for a while)" if locked else ""
            raise StoreError(f"embedded store {layout.root}: cannot connect to its server at {uri}: "
                             f"{_message(exc)}{hint}") from exc
