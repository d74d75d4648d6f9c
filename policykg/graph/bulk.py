"""The bulk path for first loads: many documents per transaction, continuity kept in memory.

On a store that holds none of an agency's plans yet, the store has nothing to tell
continuity: every plan of that agency arrives through this writer. So instead of
reading the agency's plans and linked pairs back inside each transaction (what
``writer.write_documents`` does, and must do when other loaders may be writing), the
bulk writer keeps that state in memory: each agency's plans by year, each plan's task
tokens, the pairs already compared. Per chunk of documents it sends the combined
rows (no delete of what cannot be there) and the CONTINUES changes that
``continuity.plan_changes`` gives for the agencies the chunk touched. The result is the
same graph the transactional path builds (a test compares their fingerprints).

Each chunk is one transaction, so after a crash every document is whole or absent;
a rerun skips the documents already in the store and sends the others through the
transactional path when their agency is no longer new (``KnowledgeGraph.load_iter``).
Agencies are "known" as of the load's start: a plan of an agency this writer created
stays on the bulk path, whose memory holds all that agency's plans.

The memory is only the whole truth if no other loader writes plans of the same agencies
meanwhile. So at the end ``reconcile`` looks, per agency this writer filled, for plans it
did not write (another loader's, or one it had to hand to the transactional path), and
repairs those agencies' CONTINUES edges from the store, as the transactional path would.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from neo4j import ManagedTransaction

from policykg.graph import continuity, stamp
from policykg.graph.continuity import Plan, TaskText
from policykg.graph.mapping import GraphRows
from policykg.graph.store import GraphStore, Statement
from policykg.graph.writer import Words, batch_statements, issuer, row_batches
from policykg.ontology.terms import Label

#: Documents per bulk transaction: large enough that per-transaction costs vanish,
#: small enough that a crash loses little and the server's transaction stays in heap.
BULK_BATCH = 100

_EXISTING = f"UNWIND $ids AS id MATCH (d:{Label.DOCUMENT.value} {{id: id}}) RETURN d.id AS id"
_PLANS_OF = (f"UNWIND $agencies AS a MATCH (d:{Label.DOCUMENT.value})-[:ISSUED_BY]->(:{Label.UNIT.value} {{id: a}}) "
             "RETURN a AS agency, d.id AS id")
_AGENCIES = f"MATCH (:{Label.DOCUMENT.value})-[:ISSUED_BY]->(u:{Label.UNIT.value}) RETURN DISTINCT u.id AS id"


def existing_documents(store: GraphStore, ids: Sequence[str]) -> set[str]:
    """Which of these document ids the store holds already (a rerun skips them)."""
    out: set[str] = set()
    for k in range(0, len(ids), 5_000):
        out |= {r["id"] for r in store.read(_EXISTING, {"ids": list(ids[k:k + 5_000])})}
    return out


def agencies_in_store(store: GraphStore) -> set[str]:
    """Agencies that issued a plan already in the store: their new plans need the transactional path."""
    return {r["id"] for r in store.read(_AGENCIES)}


class BulkWriter:
    """Writes chunks of new documents; keeps what continuity needs to know about them in memory."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._known_agencies = agencies_in_store(store)
        self.plans: dict[str, dict[str, Plan]] = defaultdict(dict)  # agency -> doc -> plan
        self.agency_of: dict[str, str] = {}
        self.tasks: dict[str, list[TaskText]] = {}  # doc -> tasks (ids and tokens, no text)
        self.compared: dict[str, set[tuple[str, str]]] = defaultdict(set)  # agency -> pairs done
        self.edges = 0

    def agencies_in_store(self) -> set[str]:
        """Agencies with plans in the store before this load: their new plans take the transactional path."""
        return self._known_agencies

    def already_stored(self, doc_ids: Sequence[str]) -> set[str]:
        """Which of these documents a bulk load skips: in the store, and not written by this writer."""
        return existing_documents(self.store, doc_ids) - set(self.tasks)

    def write(self, docs: Sequence[GraphRows], words: Words) -> None:
        """One transaction: these documents, and the CONTINUES changes they cause."""
        last = {rows.doc_id: k for k, rows in enumerate(docs)}
        docs = [rows for k, rows in enumerate(docs) if last[rows.doc_id] == k]
        again = [rows.doc_id for rows in docs if rows.doc_id in self.tasks]  # the same document twice in a run
        plans = {a: dict(p) for a, p in self.plans.items()}
        compared = {a: set(p) for a, p in self.compared.items()}
        agency_of = dict(self.agency_of)
        for doc_id in again:  # its tasks are replaced: its pairs go with them
            old = agency_of.pop(doc_id, None)
            if old is not None:
                plans[old].pop(doc_id, None)
                compared[old] = {p for p in compared[old] if doc_id not in p}
        tasks: dict[str, list[TaskText]] = {}
        touched: set[str] = set()
        for rows in docs:
            tasks[rows.doc_id] = [TaskText(r["id"], "", words.get(r["id"]) or
                                           continuity.task_tokens(continuity.task_text(r)))
                                  for r in rows.owned_nodes.get(Label.TASK, [])]
            agency = issuer(rows)
            year = rows.shared_nodes.get(Label.DOCUMENT, {}).get(rows.doc_id, {}).get("year")
            if agency is None:
                continue
            touched.add(agency)
            if year is not None:
                plans.setdefault(agency, {})[rows.doc_id] = Plan(rows.doc_id, int(year))
                agency_of[rows.doc_id] = agency
        all_tasks = {**self.tasks, **tasks}
        statements: list[Statement] = batch_statements(docs, fresh=not again)
        unlink_rows: list[dict[str, Any]] = []
        edge_rows: list[dict[str, Any]] = []
        for agency in sorted(touched):
            unlink, link = continuity.plan_changes(plans.get(agency, {}).values(), compared.get(agency, set()))
            unlink_rows += [{"earlier": a, "later": b} for a, b in sorted(unlink)]
            for earlier, later in sorted(link):
                edge_rows += continuity.edge_rows(all_tasks.get(earlier, []), all_tasks.get(later, []), later)
            compared[agency] = (compared.get(agency, set()) - unlink) | link
        if unlink_rows:
            statements.append((continuity.UNLINK, {"pairs": unlink_rows}))
        statements += [(continuity.CREATE_EDGES, {"rows": b}) for b in row_batches(edge_rows)]
        statements.append((stamp.BUMP, {}))  # the API's caches and RDF view see the change
        self.store.write(statements)
        # Committed: the memory follows the store.
        self.plans = defaultdict(dict, plans)
        self.compared = defaultdict(set, compared)
        self.agency_of = agency_of
        self.tasks = all_tasks
        self.edges += len(edge_rows)

    def reconcile(self) -> int:
        """Repair the agencies of this load that also hold plans this writer did not write; how many."""
        agencies = sorted(set(self.agency_of.values()))
        mixed: set[str] = set()
        for k in range(0, len(agencies), 1_000):
            for row in self.store.read(_PLANS_OF, {"agencies": agencies[k:k + 1_000]}):
                if row["id"] not in self.tasks:
                    mixed.add(row["agency"])
        for agency in sorted(mixed):
            self.store.write_unit(functools.partial(_repair, agency=agency))
        return len(mixed)


def _repair(tx: ManagedTransaction, agency: str) -> None:
    continuity.repair_agency(tx, agency, {})
    tx.run(stamp.BUMP).consume()
