"""Write documents' graph rows in managed transactions, or remove them.

Statements are built only from ontology constants; every value travels as a
parameter. A document's own nodes (sections, tasks, targets) are deleted and
re-created; shared nodes and the relationships between them are merged and
keep the list of documents that contributed them (``docs``), so deleting a
document removes exactly what only it contributed.

Several documents can go in one transaction (``write_documents``): their rows are
combined into one ``UNWIND`` per label and relationship type, cut into batches
under the engine's message limit, so a load of thousands of documents sends a few
statements per batch of documents instead of ~25 per document. The combined rows
give exactly what loading the documents one by one in the same order gives
(``docs`` and ``aliases`` kept sorted, shared properties the smaller value). Each
transaction ends with the continuity repair of the agencies it touched, so a
document and its CONTINUES edges are committed together, whole or not at all.
``write_documents`` is the one write path of a load (``policykg.loading``).
"""

from __future__ import annotations

import collections
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from neo4j import ManagedTransaction

from policykg.graph import continuity, stamp, tallies
from policykg.graph.mapping import GraphRows, Row, to_graph_rows
from policykg.graph.store import GraphStore, Statement
from policykg.loaders.types import Extraction
from policykg.ontology.indicators import Catalogue
from policykg.ontology.terms import OWNED_LABELS, SHARED_LABELS, Label, Rel

#: Row and size caps of one statement's ``$rows``. ArcadeDB refuses a Bolt message over
#: 16 MB (and the driver then retries for minutes), so batches stay far below it.
BATCH_ROWS = 5_000
BATCH_BYTES = 6_000_000
_ALIASED = (Label.UNIT, Label.INDICATOR)


def _size(row: Any) -> int:
    # repr is C-fast; x3 bounds UTF-8 for CJK text. An over-estimate only makes batches smaller.
    return len(repr(row)) * 3


def row_batches(rows: Iterable[Row], max_rows: int = BATCH_ROWS, max_bytes: int = BATCH_BYTES) -> Iterator[list[Row]]:
    """Consecutive batches of rows, each under ``max_rows`` rows and about ``max_bytes`` on the wire."""
    batch: list[Row] = []
    size = 0
    for row in rows:
        n = _size(row)
        if batch and (len(batch) >= max_rows or size + n > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(row)
        size += n
    if batch:
        yield batch


def shared_rel_types() -> list[Rel]:
    return [Rel.ISSUED_BY, Rel.ABOUT, Rel.PART_OF, Rel.IN, Rel.MEMBER_OF]


def delete_statements(doc_id: str) -> list[Statement]:
    """Remove a document: its own nodes, then its share of merged relationships and nodes."""
    statements = _delete_owned([doc_id])
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


def _delete_owned(doc_ids: Sequence[str]) -> list[Statement]:
    return [(f"UNWIND $docs AS doc MATCH (n:{label.value} {{doc: doc}}) DETACH DELETE n", {"docs": list(doc_ids)})
            for label in OWNED_LABELS]


_KEY = re.compile(r"[a-z_][a-z0-9_]*")
#: Insert each of ``{new}`` into the sorted list ``{old}`` where it belongs (no sort function is
#: portable across the engines; a filter per item keeps it linear in the list's length), so
#: ``docs`` and ``aliases`` do not depend on the order documents were loaded in.
_SORTED_UNION = ("reduce(acc = coalesce({old}, []), d IN coalesce({new}, []) | CASE WHEN d IN acc THEN acc "
                 "ELSE [x IN acc WHERE x < d] + d + [x IN acc WHERE x > d] END)")


def _smaller(a: Any, b: Any) -> Any:
    """The value a shared property keeps when two documents describe it differently: the
    smaller, so the result is the same whichever came last (None gives way)."""
    if a is None:
        return b
    if b is None:
        return a
    try:
        return b if b < a else a
    except TypeError:
        return a if str(a) <= str(b) else b


def combine(docs: Sequence[GraphRows]) -> tuple[dict[Label, list[Row]], dict[tuple[Rel, Label, Label], list[Row]]]:
    """Shared node and relationship rows of several documents, one row per id, in load order."""
    nodes: dict[Label, dict[str, Row]] = {}
    rels: dict[tuple[Rel, Label, Label], dict[tuple[str, str], Row]] = {}
    for rows in docs:
        for label, by_id in rows.shared_nodes.items():
            into = nodes.setdefault(label, {})
            for node_id, row in by_id.items():
                found = into.get(node_id)
                if found is None:
                    into[node_id] = {"id": node_id, "props": dict(row), "docs": [rows.doc_id]}
                    continue
                props = found["props"]
                for prop, value in row.items():
                    if prop == "aliases":
                        props[prop] = sorted(set(props.get(prop, [])) | set(value))
                    elif label is Label.DOCUMENT:
                        props[prop] = value
                    else:
                        props[prop] = _smaller(props.get(prop), value)
                if rows.doc_id not in found["docs"]:
                    found["docs"].append(rows.doc_id)
        for key, by_pair in rows.shared_rels.items():
            into_rels = rels.setdefault(key, {})
            for pair, row in by_pair.items():
                got = into_rels.setdefault(pair, {"start": row["start"], "end": row["end"], "docs": []})
                if rows.doc_id not in got["docs"]:
                    got["docs"].append(rows.doc_id)
    for by_id in nodes.values():
        for row in by_id.values():
            row["docs"].sort()
            if "aliases" in row["props"]:
                row["props"]["aliases"] = sorted(set(row["props"]["aliases"]))
    for by_pair in rels.values():
        for row in by_pair.values():
            row["docs"].sort()
    return ({label: list(v.values()) for label, v in nodes.items()},
            {key: list(v.values()) for key, v in rels.items()})


def _merged_props(label: Label, rows: Sequence[Row]) -> str:
    """SET items merging a batch's properties into shared nodes, independent of load order.

    A document's own node takes its row whole. A node several documents share (an
    uncatalogued indicator's ``unit``, say) may be described differently by each; keeping
    the smaller value makes the result the same whichever document came last.
    """
    if label is Label.DOCUMENT:
        return "n += r.props"
    keys = sorted({k for row in rows for k in row["props"]} - {"id", "aliases"})
    for key in keys:
        if not _KEY.fullmatch(key):
            raise ValueError(f"not a property name: {key!r}")  # keys come from mapping.py, never from input
    return ", ".join(f"n.{k} = CASE WHEN n.{k} IS NULL OR r.props.{k} < n.{k} THEN coalesce(r.props.{k}, n.{k}) "
                     f"ELSE n.{k} END" for k in keys) or "n.id = r.id"


def _merge_node(label: Label, rows: Sequence[Row]) -> str:
    # The merged lists are computed in a WITH, before the SET: within one SET clause ``n += r``
    # also writes n.aliases, and whether a later item then reads the old or the new value differs
    # between engines and versions (docs/neo4j.md, "SET order").
    cypher = (f"UNWIND $rows AS r MERGE (n:{label.value} {{id: r.id}}) "
              f"WITH n, r, {_SORTED_UNION.format(old='n.docs', new='r.docs')} AS docs")
    props = _merged_props(label, rows)
    if label in _ALIASED:
        return (cypher + f", {_SORTED_UNION.format(old='n.aliases', new='r.props.aliases')} AS aliases "
                f"SET {props}, n.docs = docs, n.aliases = aliases")
    return cypher + f" SET {props}, n.docs = docs"


def _merge_rel(rel: Rel, start: Label, end: Label) -> str:
    return (f"UNWIND $rows AS r MATCH (a:{start.value} {{id: r.start}}) MATCH (b:{end.value} {{id: r.end}}) "
            f"MERGE (a)-[x:{rel.value}]->(b) WITH x, {_SORTED_UNION.format(old='x.docs', new='r.docs')} AS docs "
            "SET x.docs = docs")


def create_node(label: Label) -> str:
    return f"UNWIND $rows AS r CREATE (n:{label.value}) SET n = r"


def create_rel(rel: Rel, start: Label, end: Label) -> str:
    return (f"UNWIND $rows AS r MATCH (a:{start.value} {{id: r.start}}) MATCH (b:{end.value} {{id: r.end}}) "
            f"CREATE (a)-[x:{rel.value}]->(b) SET x = r.props")


def batch_statements(docs: Sequence[GraphRows]) -> list[Statement]:
    """The statements that put these documents in the store, in one transaction's order."""
    statements: list[Statement] = _delete_owned([d.doc_id for d in docs])
    nodes, rels = combine(docs)
    for label, node_rows in nodes.items():
        statements += [(_merge_node(label, b), {"rows": b}) for b in row_batches(node_rows)]
    for (rel, start, end), rel_rows in rels.items():
        statements += [(_merge_rel(rel, start, end), {"rows": b}) for b in row_batches(rel_rows)]
    owned_nodes: dict[Label, list[Row]] = {}
    owned_rels: dict[tuple[Rel, Label, Label], list[Row]] = {}
    for rows in docs:
        for label, node_rows in rows.owned_nodes.items():
            owned_nodes.setdefault(label, []).extend(node_rows)
        for key, rel_rows in rows.owned_rels.items():
            owned_rels.setdefault(key, []).extend(rel_rows)
    for label, node_rows in owned_nodes.items():
        statements += [(create_node(label), {"rows": b}) for b in row_batches(node_rows)]
    for (rel, start, end), rel_rows in owned_rels.items():
        statements += [(create_rel(rel, start, end), {"rows": b}) for b in row_batches(rel_rows)]
    return statements


def write_statements(rows: GraphRows) -> list[Statement]:
    """One document's statements (without its CONTINUES edges, which need the store)."""
    return batch_statements([rows])


def issuer(rows: GraphRows) -> str | None:
    issued = rows.shared_rels.get((Rel.ISSUED_BY, Label.DOCUMENT, Label.UNIT), {})
    return next((end for _, end in issued), None)


#: Task id -> its continuity tokens, when an extraction worker computed them already.
Words = dict[str, tuple[str, ...]]


def known_tasks(rows: GraphRows, words: Words | None = None) -> list[continuity.TaskText]:
    words = words or {}
    return [continuity.TaskText(r["id"], continuity.task_text(r), words.get(r["id"]))
            for r in rows.owned_nodes.get(Label.TASK, [])]


def task_words(rows: GraphRows) -> Words:
    """Continuity tokens of a document's tasks (run in the extraction worker, which has the CPU)."""
    return {r["id"]: continuity.task_tokens(continuity.task_text(r)) for r in rows.owned_nodes.get(Label.TASK, [])}


def _unique(docs: Sequence[GraphRows]) -> list[GraphRows]:
    """The same document twice in one batch: the later copy wins, as it would loaded one by one."""
    last = {rows.doc_id: k for k, rows in enumerate(docs)}
    return [rows for k, rows in enumerate(docs) if last[rows.doc_id] == k]


def _minus(new: Counter[Any], old: Counter[Any]) -> Counter[Any]:
    """``new - old`` keeping negative counts (``Counter.__sub__`` drops them)."""
    delta = Counter(new)
    delta.subtract(old)
    return delta


class TaskMemory:
    """The continuity tokens of the tasks of documents a loader wrote, by document: later plans of
    the same agencies are compared with them without reading their texts back and cutting them
    again. Bounded: past ``max_docs`` the oldest are forgotten (and read back when needed)."""

    def __init__(self, max_docs: int = 10_000) -> None:
        self.max_docs = max_docs
        self.docs: dict[str, list[continuity.TaskText]] = {}

    def remember(self, tasks: dict[str, list[continuity.TaskText]]) -> None:
        for doc_id, texts in tasks.items():
            self.docs.pop(doc_id, None)
            self.docs[doc_id] = [continuity.TaskText(t.id, "", t.tokens()) for t in texts]
        while len(self.docs) > self.max_docs:
            del self.docs[next(iter(self.docs))]


def write_documents(store: GraphStore, docs: Sequence[GraphRows], words: Words | None = None,
                    memory: TaskMemory | None = None) -> None:
    """Put several documents in the store in one transaction, CONTINUES edges included.

    The one write path of a load: each document's earlier nodes are replaced, shared nodes
    merged, and the CONTINUES edges around these plans repaired inside the same transaction
    (``continuity.repair_agencies``), reading from the store only what ``memory`` (the tokens of
    documents written before) does not hold.
    """
    docs = _unique(docs)
    if not docs:
        return
    statements = batch_statements(docs)
    agencies = sorted({a for a in map(issuer, docs) if a is not None})
    written = {rows.doc_id: known_tasks(rows, words) for rows in docs}
    known = collections.ChainMap(written, memory.docs if memory is not None else {})
    leads, figures = tallies.contributions(docs)

    def work(tx: ManagedTransaction) -> None:
        old_leads, old_figures = tallies.previous(tx, list(written))
        for cypher, params in statements:
            tx.run(cypher, params).consume()  # type: ignore[arg-type]  # built from constants only
        continuity.repair_agencies(tx, agencies, known, changed=set(written))
        tallies.apply(tx, _minus(leads, old_leads), _minus(figures, old_figures))
        tx.run(stamp.BUMP).consume()

    store.write_unit(work)
    if memory is not None:  # committed: what was written is what the store holds
        memory.remember(written)


def write_extraction(store: GraphStore, extraction: Extraction, catalogue: Catalogue | None = None) -> GraphRows:
    """Put one document in the store, whole or not at all (its CONTINUES edges included)."""
    rows = to_graph_rows(extraction, catalogue)
    write_documents(store, [rows])
    return rows


_AGENCY = (f"MATCH (:{Label.DOCUMENT.value} {{id: $doc}})-[:{Rel.ISSUED_BY.value}]->(u:{Label.UNIT.value}) "
           "RETURN u.id AS id")


def delete_document(store: GraphStore, doc_id: str) -> None:
    """Remove a document; its agency's plans either side of it become neighbours and are linked."""

    def work(tx: ManagedTransaction) -> None:
        agencies = [r["id"] for r in tx.run(_AGENCY, {"doc": doc_id})]
        old_leads, old_figures = tallies.previous(tx, [doc_id])
        for cypher, params in delete_statements(doc_id):
            tx.run(cypher, params).consume()  # type: ignore[arg-type]
        continuity.repair_agencies(tx, agencies, {})
        tallies.apply(tx, _minus(Counter(), old_leads), _minus(Counter(), old_figures))
        tx.run(stamp.BUMP).consume()

    store.write_unit(work)
