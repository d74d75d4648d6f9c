"""One store interface over the official ``neo4j`` driver, for both targets.

The embedded ArcadeDB and a Neo4j 5 server both speak Bolt, so one class does
the talking; what differs between them (how the server is found or started)
lives in ``embedded.py`` and ``open_store``, and how they behave apart in
``dialect.py``. Every write goes through a managed
transaction (``execute_write``): in the trial, auto-commit left half a batch
behind after a kill -9 and was 6x slower.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, LiteralString, Protocol, cast

from neo4j import Driver, GraphDatabase, ManagedTransaction, RoutingControl
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from policykg.graph.dialect import EMBEDDED, NEO4J, Dialect

Statement = tuple[str, dict[str, Any]]

DEFAULT_STORE = "./policykg-data"
REMOTE_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


class StoreError(Exception):
    """The store could not be reached or refused a statement; the message says which and why."""


class GraphStore(Protocol):
    """What the rest of policykg needs from a store."""

    name: str

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]: ...

    def write(self, statements: Sequence[Statement]) -> None: ...

    def write_unit(self, work: Callable[[ManagedTransaction], None]) -> None: ...

    def close(self) -> None: ...


class BoltStore:
    """A store reached over Bolt with the official driver; the database name goes on every call."""

    def __init__(self, driver: Driver, database: str, name: str, on_close: Callable[[], None] | None = None,
                 dialect: Dialect = EMBEDDED) -> None:
        self.driver = driver
        self.database = database
        self.name = name
        self.dialect = dialect
        self._on_close = on_close
        self._closed = False

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            records, _, keys = self.driver.execute_query(
                cast(LiteralString, cypher),  # parameters carry every user value
                params or {},
                database_=self.database,
                routing_=RoutingControl.READ,
            )
        except (Neo4jError, ServiceUnavailable) as exc:
            raise StoreError(f"{self.name}: {_message(exc)}") from exc
        return [dict(zip(keys, r.values(), strict=True)) for r in records]

    def write(self, statements: Sequence[Statement]) -> None:
        """Run the statements in one managed write transaction: all of them or none."""

        def work(tx: ManagedTransaction) -> None:
            for cypher, params in statements:
                tx.run(cast(LiteralString, cypher), params).consume()

        self.write_unit(work)

    def write_unit(self, work: Callable[[ManagedTransaction], None]) -> None:
        try:
            with self.driver.session(database=self.database) as session:
                session.execute_write(work)
        except (Neo4jError, ServiceUnavailable) as exc:
            raise StoreError(f"{self.name}: {_message(exc)}") from exc

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
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


def open_store(spec: str | os.PathLike[str] | None = None, *, heap: str | None = None) -> BoltStore:
    """Open the embedded store at a directory, or a Neo4j server at a Bolt URI."""
    target = store_spec(spec)
    if is_remote(target):
        return open_neo4j(target)
    from policykg.graph.embedded import open_embedded

    return open_embedded(Path(target), heap=heap)


def open_neo4j(uri: str) -> BoltStore:
    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "")
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    driver = GraphDatabase.driver(uri, auth=(user, password), **NEO4J.driver_options)
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
