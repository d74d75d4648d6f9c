"""One store interface over the official ``neo4j`` driver, for both targets.

The embedded ArcadeDB and a Neo4j 5 server both speak Bolt, so one class does
the talking; what differs between them (how the server is found or started)
lives in ``embedded.py`` and ``open_store``. Every write goes through one explicit
transaction per unit of work, never auto-commit: in the trial, auto-commit left
half a batch behind after a kill -9 and was 6x slower. The transactions are
retried here rather than by the driver's ``execute_write`` (see ``BoltStore``). How the two stores behave apart lives in ``dialect.py``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, LiteralString, Protocol, cast

from neo4j import READ_ACCESS, WRITE_ACCESS, Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired, TransientError

from policykg.graph.dialect import EMBEDDED, NEO4J, Dialect

# The driver logs each retry it makes as a warning; errors reach the user as one StoreError
# line instead. A program that configures logging itself still sees them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

Statement = tuple[str, dict[str, Any]]
#: What reopening an embedded store gives: the administrator's driver, the reader's, and the new liveness check.
Reopened = tuple[Driver, Driver, Callable[[], bool]]

DEFAULT_STORE = "./policykg-data"
REMOTE_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


class StoreError(Exception):
    """The store could not be reached or refused a statement; the message says which and why."""


class ServerGone(StoreError):
    """The embedded store's server process died; retrying is pointless, a new command starts a fresh one."""


class GraphStore(Protocol):
    """What the rest of policykg needs from a store."""

    name: str

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]: ...

    def write(self, statements: Sequence[Statement]) -> None: ...

    def write_unit(self, work: Callable[[ManagedTransaction], None]) -> None: ...

    def close(self) -> None: ...


#: How long a statement is retried on transient errors (deadlocks, concurrent page changes).
RETRY_SECONDS = 60.0
#: Attempts for a unique-index violation: concurrent MERGEs of one shared node make the loser
#: hit the index (ArcadeDB: "Duplicated key"); the retry then finds the node. A genuine
#: duplicate fails the same way each time, so it is given up on after a few tries.
DUPLICATE_ATTEMPTS = 6


_RECORD_GONE = re.compile(r"Record #\d+:\d+ not found")


def _is_duplicate(exc: Exception) -> bool:
    """A conflict of concurrent writers that a fresh attempt settles: two MERGEs of one new node
    (a unique-key violation), or, on ArcadeDB, a record the other transaction replaced under us
    ("Record #1:8 not found")."""
    text = f"{getattr(exc, 'code', '') or ''} {getattr(exc, 'message', '') or exc}"
    return "Duplicated key" in text or "ConstraintValidationFailed" in text or bool(_RECORD_GONE.search(text))


def _is_transient(exc: Exception) -> bool:
    if isinstance(exc, TransientError):
        return True
    return isinstance(exc, Neo4jError) and exc.is_retryable()


class BoltStore:
    """A store reached over Bolt with the official driver; the database name goes on every call.

    Transactions are explicit and retried here, not inside the driver: the driver's own
    loop retries a lost connection for 30 s per statement, which made a load against a
    dead server take half an hour. ``alive`` (embedded stores) says at once whether the
    server process still exists, so a dead one fails the statement in milliseconds.
    """

    def __init__(self, driver: Driver, database: str, name: str, on_close: Callable[[], None] | None = None,
                 alive: Callable[[], bool] | None = None, dialect: Dialect = EMBEDDED,
                 reader: Driver | None = None, reopen: Callable[[], Reopened] | None = None) -> None:
        self.driver = driver
        #: the driver for ad hoc (guarded) reads: logged in as a user who may only read, where the
        #: store has one (the embedded store); else the same driver, in READ sessions (Neo4j enforces them)
        self.reader = reader or driver
        self.database = database
        self.name = name
        self.dialect = dialect
        self._on_close = on_close
        self._alive = alive
        self._reopen = reopen
        self._revive_lock = threading.Lock()
        self._closed = False
        self._bookmarks = GraphDatabase.bookmark_manager() if dialect.causal_bookmarks else None

    def revive(self) -> None:
        """If the server process is gone (it died, or its health check stopped it), start a fresh one and
        connect to it, so a long-lived client such as ``policykg serve`` goes on answering.

        Called by the API before each request and by guarded reads; never inside a load, which stops
        at once with one line when its server dies (issue 10) rather than go on against a new one."""
        if self._alive is None or self._reopen is None or self._closed or self._alive():
            return
        with self._revive_lock:
            if self._alive():
                return
            driver, reader, alive = self._reopen()
            old = (self.driver, self.reader)
            self.driver, self.reader, self._alive = driver, reader, alive
            for stale in dict.fromkeys(old):
                with contextlib.suppress(Exception):
                    stale.close()

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of one statement, run in a read transaction (READ access mode, READ-routed)."""
        rows: list[dict[str, Any]] = []

        def work(tx: ManagedTransaction) -> None:
            rows.clear()
            result = tx.run(cast(LiteralString, cypher), params or {})  # parameters carry every user value
            keys = result.keys()
            rows.extend(dict(zip(keys, r.values(), strict=True)) for r in result)

        self._run(work, READ_ACCESS)
        return rows

    def is_alive(self) -> bool:
        """Whether the server still runs, as far as this client can tell (a remote server: assumed)."""
        return self._alive() if self._alive is not None else True

    def write(self, statements: Sequence[Statement]) -> None:
        """Run the statements in one write transaction: all of them or none."""

        def work(tx: ManagedTransaction) -> None:
            for cypher, params in statements:
                tx.run(cast(LiteralString, cypher), params).consume()

        self.write_unit(work)

    def write_unit(self, work: Callable[[ManagedTransaction], None]) -> None:
        self._run(work, WRITE_ACCESS)

    def _run(self, work: Callable[[ManagedTransaction], None], mode: str) -> None:
        deadline = time.monotonic() + RETRY_SECONDS
        attempt = 0
        while True:
            attempt += 1
            try:
                with self.driver.session(database=self.database, default_access_mode=mode,
                                         bookmark_manager=self._bookmarks) as session:
                    tx = session.begin_transaction()
                    try:
                        work(cast(ManagedTransaction, tx))
                        tx.commit()
                    finally:
                        if not tx.closed():
                            tx.close()  # rolls back
                return
            except (ServiceUnavailable, SessionExpired, OSError) as exc:
                if self._alive is not None and not self._alive():
                    raise ServerGone(f"{self.name}: the server process is gone ({_message(exc)})") from exc
                if time.monotonic() > deadline:
                    raise StoreError(f"{self.name}: {_message(exc)}") from exc
            except Neo4jError as exc:
                if _is_duplicate(exc) and attempt < DUPLICATE_ATTEMPTS:
                    pass
                elif not _is_transient(exc) or time.monotonic() > deadline:
                    raise StoreError(f"{self.name}: {_message(exc)}") from exc
            except DriverError as exc:
                raise StoreError(f"{self.name}: {_message(exc)}") from exc
            time.sleep(min(2.0, 0.05 * 2 ** min(attempt, 6)) * (0.5 + random.random()))

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if self.reader is not self.driver:
                self.reader.close()
            self.driver.close()
        finally:
            if self._on_close:
                self._on_close()

    def __enter__(self) -> BoltStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _message(exc: Exception) -> str:
    text = getattr(exc, "message", None) or str(exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def store_spec(spec: str | os.PathLike[str] | None) -> str:
    """The store to use: the argument, else ``POLICYKG_STORE``, else ``./policykg-data``."""
    return str(spec or os.environ.get("POLICYKG_STORE") or DEFAULT_STORE)


def is_remote(spec: str) -> bool:
    return spec.startswith(REMOTE_SCHEMES)


def open_store(spec: str | os.PathLike[str] | None = None, *, heap: str | None = None,
               notify: Callable[[str], None] | None = None) -> BoltStore:
    """Open the embedded store at a directory, or a Neo4j server at a Bolt URI.

    ``notify`` hears when the embedded store's server has to be started (it takes seconds).
    """
    target = store_spec(spec)
    if is_remote(target):
        return open_neo4j(target)
    from policykg.graph.embedded import open_embedded

    return open_embedded(Path(target), heap=heap, notify=notify)


def open_neo4j(uri: str) -> BoltStore:
    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "")
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), **NEO4J.driver_options)
    except Exception as exc:  # a malformed URI or bad auth settings: one line, not a traceback
        raise StoreError(f"cannot open Neo4j at {uri}: {_message(exc)}") from exc
    try:
        driver.verify_connectivity()
    except Exception as exc:
        driver.close()
        raise StoreError(f"cannot reach Neo4j at {uri}: {_message(exc)}") from exc
    return BoltStore(driver, database, name=f"neo4j {uri}", dialect=NEO4J)


def chunked(rows: Iterable[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
