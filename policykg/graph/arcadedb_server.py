"""The embedded ArcadeDB server process: ``python -m policykg.graph.arcadedb_server STORE``.

It runs in a process of its own so that several policykg processes can share
one store (the database files take an exclusive lock), so that its JVM never
outlives the work unless asked (``policykg store start``), and so that
ArcadeDB's log folder, written relative to the working directory, lands inside
the store. It binds Bolt to 127.0.0.1 on a free port (HTTP too, but closes it
at once unless ``POLICYKG_HTTP=1``), announces them in ``server.json`` (mode
0600) once ready, and stops when no client has held a lease for the idle period
(``graph.idle``, ``POLICYKG_IDLE``) and the store is not marked persistent.

What it sets up beyond ArcadeDB's defaults, and why (issue 22):

- **umask 077** before the JVM starts, so every database file, log and lock it writes is
  readable by the store's owner only (the store directory is 0700 as well, ``layout.py``).
- **Two users** (``credentials.py``): an administrator for policykg's own statements and a
  reader whose group may only read records, for ad hoc statements; made or updated at
  every start.
- **Resource limits in** ``SERVER_LIMITS``: the per-query and JVM-wide query heap budgets
  stated explicitly, and ArcadeDB's admission gate (``queryMaxConcurrent``) turned off. A
  statement that runs the JVM out of memory kills the Bolt thread that ran it, and with the
  gate on that thread never gave its slot back: four such reads (the gate's default on two
  cores) left every later statement waiting in the gate's queue until a restart. Without
  the gate the failed statement's connection closes and the next one runs.
- **A health check** (``health.py``): every few seconds the process asks its own server
  ``RETURN 1`` over Bolt; a server that stops answering is stopped, so the next client
  starts a fresh one instead of waiting on a wedged JVM.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

from policykg.graph.arcadedb_native import ensure_native_schema
from policykg.graph.credentials import ADMIN_GROUP, READER_GROUP, READER_GROUP_CONFIG, Credentials, store_credentials
from policykg.graph.health import HealthCheck, probe
from policykg.graph.idle import IdleClock, idle_seconds
from policykg.graph.layout import DATABASE, StoreLayout

IDLE_CHECK_SECONDS = 0.5
STARTUP_GRACE_SECONDS = 10.0
STOP_SECONDS = 30.0
#: Set to 1 to keep ArcadeDB's HTTP API (and Studio) listening on 127.0.0.1.
HTTP_ENV = "POLICYKG_HTTP"
#: ArcadeDB's query admission gate, off unless this many slots are asked for (see ``server_limits``).
GATE_ENV = "POLICYKG_QUERY_GATE"


def _stop_http(server: object) -> None:
    """Close ArcadeDB's HTTP listener, which policykg does not use (it speaks Bolt).

    ArcadeDB 26.10 has no setting to leave it off, and it shares the server's user
    lockout: five wrong passwords sent to it by anyone on the machine locked the store's
    root user for ~30 s, failing every policykg command meanwhile (issue 10). So it is
    stopped once the server is up, unless ``POLICYKG_HTTP=1`` asks for it.
    """
    java = getattr(server, "_java_server", None)
    http = java.getHttpServer() if java is not None else None
    if http is not None:
        http.stopService()


def server_limits(heap: str) -> dict[str, object]:
    """ArcadeDB settings that bound what one statement may hold (``arcadedb.<key>``), for a JVM heap of ``heap``."""
    heap_mb = _megabytes(heap)
    return {
        # the buffers of all running queries together (ORDER BY, DISTINCT, collect(), joins): half the heap
        "queryMaxHeapRAM": max(64, heap_mb // 2),
        # the elements one query may buffer in one operation (ArcadeDB's own rule: one per 2 KB of heap)
        "queryMaxHeapElementsAllowedPerOp": max(500_000, heap_mb * 1024 * 1024 // 2048),
        # no admission gate: a thread killed by OutOfMemoryError never returned its slot (see the module doc);
        # POLICYKG_QUERY_GATE=N turns it back on with N slots (the health check's test wedges a server so)
        "queryMaxConcurrent": int(os.environ.get(GATE_ENV) or 0),
    }


def apply_limits(limits: dict[str, object]) -> None:
    """Set the limits JVM-wide: the admission gate reads ArcadeDB's global configuration, not the server's."""
    import jpype

    settings = jpype.JClass("com.arcadedb.GlobalConfiguration")
    for key, value in limits.items():
        setting = settings.findByKey(f"arcadedb.{key}")
        if setting is None:
            raise RuntimeError(f"this ArcadeDB has no setting arcadedb.{key}")
        setting.setValue(value)


def _megabytes(heap: str) -> int:
    text = heap.strip().lower()
    scale = {"k": 1 / 1024, "m": 1, "g": 1024, "t": 1024 * 1024}.get(text[-1:])
    return int(float(text[:-1]) * scale) if scale else int(text) // (1024 * 1024)


def provision_users(server: object, creds: Credentials) -> None:
    """Create or update the admin and reader users and the reader's read-only group."""
    import jpype

    json_object = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
    security = server._java_server.getSecurity()  # type: ignore[attr-defined]
    security.saveGroup(DATABASE, READER_GROUP, json_object(json.dumps(READER_GROUP_CONFIG)))
    for login, group in ((creds.admin, ADMIN_GROUP), (creds.reader, READER_GROUP)):
        config = json_object(json.dumps({"name": login.user, "password": str(security.encodePassword(login.password)),
                                         "databases": {DATABASE if group == READER_GROUP else "*": [group]}}))
        if security.existsUser(login.user):
            security.updateUser(config)
        else:
            security.createUser(config)


def _stop_within(server: object, seconds: float) -> None:
    """Stop the server, waiting at most ``seconds`` (a wedged one may never finish stopping)."""
    import threading

    stopper = threading.Thread(target=server.stop, daemon=True)  # type: ignore[attr-defined]
    stopper.start()
    stopper.join(seconds)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(layout: StoreLayout, heap: str) -> int:
    import arcadedb_embedded as arcadedb
    from arcadedb_embedded import jvm

    jvm.start_jvm(heap_size=heap)
    apply_limits(server_limits(heap))
    bolt_port, http_port = free_port(), free_port()
    server = arcadedb.create_server(
        str(layout.databases),
        root_password=layout.password(),
        config={
            "host": "127.0.0.1",
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
            "bolt_host": "127.0.0.1",
            "http_port": http_port,
        },
    )
    started = time.monotonic()
    clock = IdleClock(idle_seconds())
    server.start()
    http_on = os.environ.get(HTTP_ENV) == "1"
    if not http_on:
        _stop_http(server)
    stopping = False

    def on_signal(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        if not (layout.databases / DATABASE).exists():
            database = server.create_database(DATABASE)
        else:
            database = server.get_database(DATABASE)
        ensure_native_schema(database)  # the full-text index: SQL, which Bolt does not carry
        creds = store_credentials(layout.root)
        provision_users(server, creds)
        health = HealthCheck(lambda: probe(bolt_port, creds.admin, DATABASE))
        layout.write_server_info(
            {"pid": os.getpid(), "bolt_port": bolt_port, "http_port": http_port if http_on else None, "heap": heap,
             "started": time.time(), "idle_seconds": clock.seconds,
             "ready_seconds": round(time.monotonic() - started, 3)}
        )
        while not stopping:
            time.sleep(IDLE_CHECK_SECONDS)
            if health.wedged():
                print(f"health check: the server did not answer {health.failures} probes in a row; stopping it so "
                      "that the next client starts a fresh one", file=sys.stderr, flush=True)
                layout.clear_server_info(os.getpid())
                _stop_within(server, STOP_SECONDS)
                os._exit(3)  # a wedged JVM may not exit by itself; its files are consistent (write-ahead log)
            if time.monotonic() - started < STARTUP_GRACE_SECONDS or layout.is_persistent():
                continue
            if not clock.expired(bool(layout.live_leases()), time.monotonic()):
                continue  # a client holds it, or the last one left less than the idle period ago
            # Decide and stop under the store lock: a client that takes a lease meanwhile either
            # sees this server still announced, or waits and then finds none and starts its own
            # (never while these database files are still open). If a client holds the lock (it
            # may be stopping us with SIGTERM), look again next round rather than block.
            with layout.locked(wait=False) as held:
                if held and not layout.is_persistent() and not layout.live_leases():
                    layout.clear_server_info(os.getpid())
                    server.stop()
                    return 0
    finally:
        layout.clear_server_info(os.getpid())
        server.stop()  # a no-op when already stopped
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m policykg.graph.arcadedb_server STORE_DIR [HEAP]", file=sys.stderr)
        return 2
    os.umask(0o077)  # before the JVM writes anything: database files, logs and locks for the owner only
    layout = StoreLayout(Path(argv[0]))
    heap = argv[1] if len(argv) > 1 else os.environ.get("POLICYKG_HEAP", "1g")
    print(json.dumps({"store": str(layout.root), "heap": heap}), flush=True)
    return serve(layout, heap)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
