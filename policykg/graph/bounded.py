"""Ad hoc reads from people and programs: once, as a reader, with a row limit and a time limit that ends the work.

Every guarded statement (``kg.cypher``/``kg.read`` without ``write``, ``policykg cypher``,
``POST /cypher``) runs here, after the guard (``queries/guard.py``) accepted it:

- **As the store's reader** (``BoltStore.reader``): on the embedded store a user whose
  group may only read records, on Neo4j a READ session. A write the guard missed fails in
  the store.
- **Once.** A statement that failed is not sent again: a hostile read that ran the
  server out of memory was sent four times by the store's retry loop (issue 22), which
  stays for policykg's own statements.
- **Time limit ends the work, not only the wait.** The statement carries the limit as
  its transaction timeout, which Neo4j enforces. ArcadeDB ignores it (checked: a 3.7 s
  ``UNWIND`` ran to the end with ``timeout=0.5``) and its own ``arcadedb.command.timeout``
  would bound policykg's loads as well, so at the deadline a watchdog finds the statement
  on the server by the tag it was sent with (``SHOW TRANSACTIONS``, as the reader: a user sees
  only its own) and ends it
  (``TERMINATE TRANSACTIONS``): the server stops within moments instead of running a
  cartesian product for 35 s more after the caller gave up.
- **Rows as they stream.** The pull stops one row past ``max_rows``, so a huge result is
  never materialised on the client.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from dataclasses import dataclass
from typing import Any, LiteralString, cast

from neo4j import READ_ACCESS, Query
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from policykg.graph.store import BoltStore, GraphStore, StoreError

#: Seconds a guarded statement may run (``POLICYKG_CYPHER_SECONDS``; 0: no limit). One option for the
#: CLI, the Python API and the HTTP API.
SECONDS_ENV = "POLICYKG_CYPHER_SECONDS"
DEFAULT_SECONDS = 10.0
#: How the watchdog recognises its statement among the server's running transactions.
TAG_PREFIX = "/*policykg-guarded:"


class StatementTimedOut(StoreError):
    """The statement ran past its time limit and was stopped on the server."""


class StatementFailed(StoreError):
    """The server is up but gave the statement up (its connection dropped): the statement's fault, not an outage."""


def default_seconds() -> float:
    value = os.environ.get(SECONDS_ENV)
    return float(value) if value else DEFAULT_SECONDS


@dataclass
class BoundedResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


def read_bounded(store: GraphStore, cypher: str, params: dict[str, Any] | None, *, max_rows: int | None = None,
                 timeout: float | None = None) -> BoundedResult:
    """At most ``max_rows`` rows (``truncated`` says whether there were more), within ``timeout`` seconds.

    ``timeout`` None means ``POLICYKG_CYPHER_SECONDS`` (default 10 s); 0 means no limit.
    Raises StatementTimedOut past the limit and StoreError for anything else the store refused.
    """
    seconds = default_seconds() if timeout is None else timeout
    if not isinstance(store, BoltStore):  # another GraphStore: no streaming, cut after the fact
        everything = store.read(cypher, params)
        cut = everything if max_rows is None else everything[:max_rows]
        return BoundedResult(list(everything[0]) if everything else [], cut, len(cut) < len(everything))
    store.revive()
    tag = f"{TAG_PREFIX}{secrets.token_hex(8)}*/"
    watchdog = _Watchdog(store, tag, seconds) if seconds > 0 else None
    fetch = 1000 if max_rows is None else min(max_rows + 1, 1000)
    try:
        with store.reader.session(database=store.database, default_access_mode=READ_ACCESS,
                                  fetch_size=fetch) as session:
            query = Query(cast(LiteralString, f"{tag}\n{cypher}"), timeout=seconds if seconds > 0 else None)
            result = session.run(query, params or {})
            columns = list(result.keys())
            rows: list[dict[str, Any]] = []
            truncated = False
            for record in result:
                if max_rows is not None and len(rows) >= max_rows:
                    truncated = True
                    break
                rows.append(dict(zip(columns, record.values(), strict=True)))
            return BoundedResult(columns, rows, truncated)
    except (Neo4jError, DriverError, OSError) as exc:
        if watchdog is not None and watchdog.fired or _is_timeout(exc):
            raise StatementTimedOut(f"{store.name}: the statement ran past the time limit of {seconds:g} s "
                                    f"and was stopped (POLICYKG_CYPHER_SECONDS)") from exc
        if isinstance(exc, ServiceUnavailable | SessionExpired | OSError) and store.is_alive():
            # The server lives but dropped this statement's connection: the statement failed there (on
            # ArcadeDB, one that needs more memory than the JVM has ends so). Its fault, not an outage.
            raise StatementFailed(f"{store.name}: the store dropped the connection while running the statement "
                                  "(a statement that needs more memory than the store allows ends so); it was "
                                  "not retried") from None
        raise StoreError(f"{store.name}: {_first_line(exc)}") from exc
    finally:
        if watchdog is not None:
            watchdog.cancel()


def _is_timeout(exc: Exception) -> bool:
    code = str(getattr(exc, "code", "") or "")
    return "TransactionTimedOut" in code or "Transaction.Terminated" in code and "timed out" in str(exc).lower()


def _first_line(exc: Exception) -> str:
    return str(getattr(exc, "message", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class _Watchdog:
    """At the deadline, ends the tagged statement on the server, as the user who sent it (ArcadeDB shows a user
    only its own transactions, and lets it end them)."""

    def __init__(self, store: BoltStore, tag: str, seconds: float) -> None:
        self.store = store
        self.tag = tag
        self.fired = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        self.fired = True
        terminate_tagged(self.store, self.tag)


def terminate_tagged(store: BoltStore, tag: str) -> int:
    """End the server's running transactions whose statement starts with ``tag``; how many were ended."""
    with contextlib.suppress(Neo4jError, DriverError, OSError), store.reader.session(database=store.database) as session:
        running = session.run("SHOW TRANSACTIONS YIELD transactionId, currentQuery "
                              "RETURN transactionId, currentQuery").data()
        ids = [r["transactionId"] for r in running if str(r.get("currentQuery") or "").startswith(tag)]
        if ids:
            session.run("TERMINATE TRANSACTIONS $ids", ids=ids).consume()
        return len(ids)
    return 0
