"""A read with a row limit and a time limit, for ad hoc statements from people and programs.

The statement runs in a READ-routed session with a transaction timeout, which Neo4j
enforces on the server. ArcadeDB ignores the timeout (checked: a 3.7 s ``UNWIND`` ran
to the end with ``timeout=0.5``), so the caller also stops waiting at its deadline.
Rows are pulled as they stream and the pull stops one row past the limit, so a huge
result is never materialised on the client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, LiteralString, cast

from neo4j import READ_ACCESS, Query
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from policykg.graph.store import BoltStore, GraphStore, StoreError


@dataclass
class BoundedResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


def read_bounded(store: GraphStore, cypher: str, params: dict[str, Any] | None, *, max_rows: int,
                 timeout: float) -> BoundedResult:
    """At most ``max_rows`` rows (``truncated`` says whether there were more)."""
    if not isinstance(store, BoltStore):  # another GraphStore: no streaming, cut after the fact
        everything = store.read(cypher, params)
        return BoundedResult(list(everything[0]) if everything else [], everything[:max_rows], len(everything) > max_rows)
    try:
        with store.driver.session(database=store.database, default_access_mode=READ_ACCESS,
                                  fetch_size=min(max_rows + 1, 1000)) as session:
            result = session.run(Query(cast(LiteralString, cypher), timeout=timeout), params or {})
            columns = list(result.keys())
            rows: list[dict[str, Any]] = []
            truncated = False
            for record in result:
                if len(rows) >= max_rows:
                    truncated = True
                    break
                rows.append(dict(zip(columns, record.values(), strict=True)))
            return BoundedResult(columns, rows, truncated)
    except (Neo4jError, ServiceUnavailable) as exc:
        raise StoreError(f"{store.name}: {str(getattr(exc, 'message', None) or exc).strip().splitlines()[0]}") from exc
