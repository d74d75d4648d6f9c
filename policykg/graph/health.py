"""The embedded server's health check: does it still answer ``RETURN 1`` over Bolt?

Why the server checks itself: a JVM can be alive and still answer nothing. ArcadeDB's
admission gate kept the slot of every Bolt thread an OutOfMemoryError killed, and after
four such reads every statement waited in its queue until a restart (issue 22). The gate
is off now (``arcadedb_server.server_limits``), but the check stays for what else may
wedge it: every ``INTERVAL_SECONDS`` the server process sends ``RETURN 1`` to its own Bolt
port as policykg's administrator, and after ``FAILURES`` answers missing in a row it stops
the server, so the next client starts a fresh one (``BoltStore`` reopens a store whose
server went away) instead of waiting on it for ever.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from policykg.graph.credentials import Login

INTERVAL_SECONDS = 10.0
#: How long one probe may take before it counts as unanswered (a loaded 2-core machine answers in < 1 s;
#: three misses in a row take a stall of over a minute and a half, not a busy moment).
PROBE_SECONDS = 30.0
FAILURES = 3


def probe(port: int, login: Login, database: str, seconds: float = PROBE_SECONDS) -> bool:
    """Whether the server answers ``RETURN 1`` within ``seconds`` (run in a thread: ArcadeDB ignores timeouts)."""
    answered: list[bool] = []

    def ask() -> None:
        from neo4j import GraphDatabase

        try:
            with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=login.auth(), connection_timeout=seconds,
                                      max_connection_pool_size=1) as driver, \
                    driver.session(database=database) as session:
                answered.append(session.run("RETURN 1 AS ok").single(strict=True)["ok"] == 1)
        except Exception:  # noqa: BLE001 - any failure is "did not answer"
            answered.append(False)

    worker = threading.Thread(target=ask, name="policykg-health-probe", daemon=True)
    worker.start()
    worker.join(seconds)
    return bool(answered and answered[0])


class HealthCheck:
    """Counts unanswered probes; ``due()`` says when to probe, ``record()`` whether the server is to be stopped."""

    def __init__(self, check: Callable[[], bool], interval: float = INTERVAL_SECONDS, failures: int = FAILURES) -> None:
        self.check = check
        self.interval = interval
        self.failures = failures
        self.missed = 0
        self._next = time.monotonic() + interval

    def wedged(self) -> bool:
        """Probe when due; True once ``failures`` probes in a row went unanswered."""
        if time.monotonic() < self._next:
            return False
        self.missed = 0 if self.check() else self.missed + 1
        self._next = time.monotonic() + self.interval
        return self.missed >= self.failures
