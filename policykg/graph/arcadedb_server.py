"""The embedded ArcadeDB server process: ``python -m policykg.graph.arcadedb_server STORE``.

It runs in a process of its own so that several policykg processes can share
one store (the database files take an exclusive lock), so that its JVM never
outlives the work unless asked (``policykg store start``), and so that
ArcadeDB's log folder, written relative to the working directory, lands inside
the store. It binds Bolt to 127.0.0.1 on a free port (HTTP too, but closes it
at once unless ``POLICYKG_HTTP=1``), announces them in ``server.json`` (mode
0600) once ready, and stops when no client has held a lease for the idle period
(``graph.idle``, ``POLICYKG_IDLE``) and the store is not marked persistent.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import time
from pathlib import Path

from policykg.graph.idle import IdleClock, idle_seconds
from policykg.graph.layout import DATABASE, StoreLayout

IDLE_CHECK_SECONDS = 0.5
STARTUP_GRACE_SECONDS = 10.0
#: Set to 1 to keep ArcadeDB's HTTP API (and Studio) listening on 127.0.0.1.
HTTP_ENV = "POLICYKG_HTTP"


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


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(layout: StoreLayout, heap: str) -> int:
    import arcadedb_embedded as arcadedb
    from arcadedb_embedded import jvm

    jvm.start_jvm(heap_size=heap)
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
            server.create_database(DATABASE)
        else:
            server.get_database(DATABASE)
        layout.write_server_info(
            {"pid": os.getpid(), "bolt_port": bolt_port, "http_port": http_port if http_on else None, "heap": heap,
             "started": time.time(), "idle_seconds": clock.seconds,
             "ready_seconds": round(time.monotonic() - started, 3)}
        )
        while not stopping:
            time.sleep(IDLE_CHECK_SECONDS)
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
    layout = StoreLayout(Path(argv[0]))
    heap = argv[1] if len(argv) > 1 else os.environ.get("POLICYKG_HEAP", "1g")
    print(json.dumps({"store": str(layout.root), "heap": heap}), flush=True)
    return serve(layout, heap)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
