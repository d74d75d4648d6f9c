"""Write a document's graph rows in one managed transaction, or remove them.

Statements are built only from ontology constants; every value travels as a
parameter. A document's own nodes (sections, tasks, targets) are deleted and
re-created; shared nodes and the relationships between them are merged and
keep the list of documents that contributed them (``docs``), so deleting a
document removes exactly what only it contributed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policykg.graph.continuity import continuity_statements
from policykg.graph.mapping import GraphRows, Row, iter_rel_groups, to_graph_rows
from policykg.graph.store import GraphStore, Statement, chunked
from policykg.loaders.types import Extraction
from policykg.ontology.indicators import Catalogue
from policykg.ontology.terms import OWNED_LABELS, SHARED_LABELS, Label, Rel

BATCH_ROWS = 10_000
_KEY = re.compile(r"[a-z_][a-z0-9_]*")
# ``docs`` stays sorted (the new id goes in its place, not at the end), so the graph does
# not depend on the order documents were loaded in; lists are compared as written.
_ADD_DOC = (
    "CASE WHEN $doc IN coalesce({v}.docs, []) THEN {v}.docs "
    "ELSE [d IN coalesce({v}.docs, []) WHERE d < $doc] + $doc + [d IN coalesce({v}.docs, []) WHERE d > $doc] END"
)
# The union of the stored and the new aliases, sorted by rank (Cypher has no portable sort
# function; alias lists are short, so counting the smaller ones is cheap).
_SORTED_ALIASES = (
    "WITH n, r, coalesce(n.aliases, []) + [a IN coalesce(r.aliases, []) WHERE NOT a IN coalesce(n.aliases, [])] AS u "
    "WITH n, r, [i IN range(0, size(u) - 1) | head([a IN u WHERE size([b IN u WHERE b < a]) = i])] AS aliases "
)


def _delete_owned(doc_id: str) -> list[Statement]:
    return [(f"MATCH (n:{label.value} {{doc: $doc}}) DETACH DELETE n", {"doc": doc_id}) for label in OWNED_LABELS]


def shared_rel_types() -> list[Rel]:
    return [Rel.ISSUED_BY, Rel.ABOUT, Rel.PART_OF, Rel.IN, Rel.MEMBER_OF]


def delete_statements(doc_id: str) -> list[Statement]:
    """Remove a document: its own nodes, then its share of merged relationships and nodes."""
    statements = _delete_owned(doc_id)
    for rel in shared_rel_types():
        statements.append((
            f"MATCH ()-[x:{rel.value}]->() WHERE $doc IN coalesce(x.docs, []) "
            "SET x.docs = [d IN x.docs WHERE d <> $doc] WITH x WHERE size(x.docs) = 0 DELETE x",
            {"doc": doc_id},
        ))
    for label in SHARED_LABELS:
        statements.append((
            f"MATCH (n:{label.value}) WHERE $doc IN coalesce(n.docs, []) "
            "SET n.docs = [d IN n.docs WHERE d <> $doc] WITH n WHERE size(n.docs) = 0 DETACH DELETE n",
            {"doc": doc_id},
        ))
    return statements


def _merged_props(label: Label, rows: Iterable[Row]) -> str:
    """The SET items that merge a batch's properties into shared nodes, independent of load order.

    A document's own node takes its row whole. A node several documents share (an
    uncatalogued indicator's ``unit``, say) may be described differently by each; keeping
    the smallest value makes the result the same whichever document came last.
    """
    if label is Label.DOCUMENT:
        return "n += r"
    keys = sorted({k for row in rows for k in row} - {"id", "aliases"})
    for key in keys:
        if not _KEY.fullmatch(key):
            raise ValueError(f"not a property name: {key!r}")  # keys come from mapping.py, never from input
    return ", ".join(f"n.{k} = CASE WHEN n.{k} IS NULL OR r.{k} < n.{k} THEN coalesce(r.{k}, n.{k}) ELSE n.{k} END"
                     for k in keys) or "n.id = r.id"


def write_statements(rows: GraphRows) -> list[Statement]:
    doc = rows.doc_id
    statements = _delete_owned(doc)
    for label, by_id in rows.shared_nodes.items():
        # The merged alias list is computed in a WITH, before the SET: within one SET clause
        # ``n += r`` also writes n.aliases, and whether a later item then reads the old or the
        # new value differs between engines and versions (docs/neo4j.md, "SET order").
        cypher = f"UNWIND $rows AS r MERGE (n:{label.value} {{id: r.id}}) "
        props = _merged_props(label, by_id.values())
        if label in (Label.UNIT, Label.INDICATOR):
            cypher += _SORTED_ALIASES + f"SET {props}, n.docs = {_ADD_DOC.format(v='n')}, n.aliases = aliases"
        else:
            cypher += f"SET {props}, n.docs = {_ADD_DOC.format(v='n')}"
        statements += [(cypher, {"rows": batch, "doc": doc}) for batch in chunked(by_id.values(), BATCH_ROWS)]
    for rel, start, end, rel_rows in iter_rel_groups(rows.shared_rels):
        cypher = (
            f"UNWIND $rows AS r MATCH (a:{start.value} {{id: r.start}}) MATCH (b:{end.value} {{id: r.end}}) "
            f"MERGE (a)-[x:{rel.value}]->(b) SET x.docs = {_ADD_DOC.format(v='x')}"
        )
        statements += [(cypher, {"rows": batch, "doc": doc}) for batch in chunked(rel_rows, BATCH_ROWS)]
    for label, node_rows in rows.owned_nodes.items():
        cypher = f"UNWIND $rows AS r CREATE (n:{label.value}) SET n = r"
        statements += [(cypher, {"rows": batch}) for batch in chunked(node_rows, BATCH_ROWS)]
    for rel, start, end, rel_rows in iter_rel_groups(rows.owned_rels):
        cypher = (
            f"UNWIND $rows AS r MATCH (a:{start.value} {{id: r.start}}) MATCH (b:{end.value} {{id: r.end}}) "
            f"CREATE (a)-[x:{rel.value}]->(b) SET x = r.props"
        )
        statements += [(cypher, {"rows": batch}) for batch in chunked(rel_rows, BATCH_ROWS)]
    return statements


def write_extraction(store: GraphStore, extraction: Extraction, catalogue: Catalogue | None = None) -> GraphRows:
    """Put one document in the store, whole or not at all (its CONTINUES edges included)."""
    rows = to_graph_rows(extraction, catalogue)
    store.write(write_statements(rows) + continuity_statements(store, rows))
    return rows


def delete_document(store: GraphStore, doc_id: str) -> None:
    store.write(delete_statements(doc_id))
