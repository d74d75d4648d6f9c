"""Run named queries and ad hoc Cypher against a store; rows come back as plain dicts.

The runner knows nothing of output formats or of the CLI: it binds parameters
(coerced and defaulted by the query header), runs the statement READ-routed and
puts the columns in the declared order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, LiteralString, cast

from policykg.queries.catalogue import NamedQuery, get_query
from policykg.queries.guard import check_read_only

if TYPE_CHECKING:  # annotations only: importing the driver costs ~0.3 s of CLI start-up
    from neo4j import ManagedTransaction

    from policykg.graph.store import GraphStore

Row = dict[str, Any]


def run_named(store: GraphStore, query: NamedQuery | str, params: dict[str, Any] | None = None) -> list[Row]:
    """Rows of a named query, each with exactly the declared columns in the declared order."""
    named = get_query(query) if isinstance(query, str) else query
    bound = named.bind(params)
    rows = store.read(named.cypher, bound)
    if not named.columns:
        return rows
    return [{c: row.get(c) for c in named.columns} for row in rows]


def run_cypher(store: GraphStore, text: str, params: dict[str, Any] | None = None, *, write: bool = False,
               timeout: float | None = None) -> list[Row]:
    """Ad hoc Cypher: refused if it writes, unless ``write``; then one managed write transaction,
    which also bumps the store stamp (the API's caches learn of the change from it).

    A read runs once, as the store's reader, within ``timeout`` seconds (None: ``POLICYKG_CYPHER_SECONDS``,
    default 10; 0: no limit), stopped on the server past it (``graph.bounded``)."""
    if not write:
        check_read_only(text)
        from policykg.graph.bounded import read_bounded  # here: the graph package loads the driver

        return read_bounded(store, text, params or {}, timeout=timeout).rows
    from policykg.graph import stamp  # here: the graph package loads the driver, which reads need not

    rows: list[Row] = []

    def work(tx: ManagedTransaction) -> None:
        rows.clear()  # a retried transaction starts over
        result = tx.run(cast(LiteralString, text), params or {})
        keys = result.keys()
        rows.extend(dict(zip(keys, record.values(), strict=True)) for record in result)
        tx.run(stamp.BUMP_ADHOC).consume()

    store.write_unit(work)
    return rows
