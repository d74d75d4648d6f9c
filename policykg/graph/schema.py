"""Schema from the ontology: a uniqueness constraint on ``id`` for every label.

``doc`` is indexed on the labels a document owns, because replacing or deleting
a document finds its nodes by it. The properties the named queries start from
(a person, region, unit or indicator by name; documents by year or issuer) are
indexed too, so a query's cost follows its answer rather than the graph.
"""

from __future__ import annotations

from policykg.graph import stamp, tallies
from policykg.graph.store import GraphStore, Statement
from policykg.ontology.terms import OWNED_LABELS, Label

#: (label, property) the named queries filter by.
QUERY_INDEXES: tuple[tuple[Label, str], ...] = (
    (Label.DOCUMENT, "year"), (Label.DOCUMENT, "issuer"), (Label.DOCUMENT, "title"), (Label.REGION, "name"), (Label.UNIT, "name"),
    (Label.PERSON, "name"), (Label.INDICATOR, "name"), (Label.SECTION, "title"), (Label.TASK, "title"),
    (Label.TARGET, "series"),
)


def schema_statements() -> list[Statement]:
    statements: list[Statement] = [
        (f"CREATE CONSTRAINT {label.value.lower()}_id IF NOT EXISTS FOR (n:{label.value}) REQUIRE n.id IS UNIQUE", {})
        for label in Label
    ]
    statements.append(stamp.SCHEMA)
    statements += [(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE", {})
                   for label in tallies.LABELS]
    statements += [
        (f"CREATE INDEX {label.value.lower()}_doc IF NOT EXISTS FOR (n:{label.value}) ON (n.doc)", {})
        for label in OWNED_LABELS
    ]
    statements += [
        (f"CREATE INDEX {label.value.lower()}_{prop} IF NOT EXISTS FOR (n:{label.value}) ON (n.{prop})", {})
        for label, prop in QUERY_INDEXES
    ]
    return statements


def ensure_schema(store: GraphStore) -> None:
    """The schema, plus what only this store takes (``dialect``: Neo4j's full-text index)."""
    from policykg.graph.dialect import EMBEDDED

    dialect = getattr(store, "dialect", EMBEDDED)
    extra: list[Statement] = [(s, {}) for s in dialect.schema_statements]
    # Schema statements go one per transaction: Neo4j refuses schema and data changes mixed in one.
    for statement in schema_statements() + extra:
        store.write([statement])
    if dialect.await_indexes:
        store.read(dialect.await_indexes)
