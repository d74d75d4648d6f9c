"""The graph a load into an empty store would build, assembled without a store: for native bulk imports.

A store's own importer (``neo4j-admin database import full``: ``graph.neo4j_import``) takes
final rows: every node once with all its properties, every relationship once. The
transactional path gets there by merging batch after batch; ``FirstLoad`` gets there in
memory, with the same rules, so an import gives the same graph fingerprint:

- a document's own sections, tasks, targets and their relationships are final as they come,
  and go straight to the sink (they need no memory);
- shared nodes and relationships are merged by ``writer.combine`` once all documents are in
  (``docs`` and ``aliases`` sorted, a shared property the smaller value, a document its last row);
- CONTINUES edges are the adjacent year groups of each agency (``continuity.adjacent_pairs``),
  scored from the tokens the extraction workers cut;
- the tallies are the counters the writer would have kept (``tallies.fresh_nodes``).

Whatever optional field a record type gains reaches the rows through ``graph.mapping`` and
passes through here untouched: nothing below names a property except ids and what the
merge rules need.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from policykg.graph import continuity, tallies
from policykg.graph.mapping import GraphRows, Row
from policykg.graph.writer import Words, combine, issuer
from policykg.ontology.terms import Label, Rel

#: Where rows go: ``("node", label, row)`` or ``("rel", (type, start label, end label), row)``; a
#: relationship row is ``{"start": id, "end": id, "props": {...}}``.
Sink = Callable[[str, Any, Row], None]


class FirstLoad:
    """Feed it each document's rows (``add``), then ``finish``: every row of the graph reaches ``sink`` once."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.shared: list[GraphRows] = []  # each document's shared part only (its own rows are sent already)
        self.tasks: dict[str, list[continuity.TaskText]] = {}
        self.plans: dict[str, list[continuity.Plan]] = defaultdict(list)
        self.leads: tallies.UnitDelta = Counter()
        self.figures: tallies.FigureDelta = Counter()
        self.counts = Counter[str]()

    def add(self, rows: GraphRows, words: Words) -> None:
        if rows.doc_id in self.tasks:
            raise ValueError(f"{rows.doc_id} added twice; a load passes each document once")
        for label, node_rows in rows.owned_nodes.items():
            for row in node_rows:
                self._send("node", label, row)
        for key, rel_rows in rows.owned_rels.items():
            for row in rel_rows:
                self._send("rel", key, row)
        self.shared.append(GraphRows(rows.doc_id, shared_nodes=rows.shared_nodes, shared_rels=rows.shared_rels))
        self.tasks[rows.doc_id] = [continuity.TaskText(r["id"], "", words.get(r["id"]) or
                                                       continuity.task_tokens(continuity.task_text(r)))
                                   for r in rows.owned_nodes.get(Label.TASK, [])]
        agency = issuer(rows)
        year = rows.shared_nodes.get(Label.DOCUMENT, {}).get(rows.doc_id, {}).get("year")
        if agency is not None and year is not None:
            self.plans[agency].append(continuity.Plan(rows.doc_id, int(year)))
        leads, figures = tallies.contributions([rows])
        self.leads.update(leads)
        self.figures.update(figures)

    def finish(self) -> None:
        nodes, rels = combine(self.shared)
        collective: dict[str, Any] = {}
        for label, node_rows in nodes.items():
            for row in node_rows:
                self._send("node", label, {"id": row["id"], **row["props"], "docs": row["docs"]})
                if label is Label.UNIT:
                    collective[row["id"]] = row["props"].get("collective")
        for key, rel_rows in rels.items():
            for row in rel_rows:
                self._send("rel", key, {"start": row["start"], "end": row["end"], "props": {"docs": row["docs"]}})
        continues = (Rel.CONTINUES, Label.TASK, Label.TASK)
        for agency in sorted(self.plans):
            for earlier, later in sorted(continuity.adjacent_pairs(self.plans[agency])):
                for row in continuity.edge_rows(self.tasks[earlier], self.tasks[later], later):
                    self._send("rel", continues, row)
        for tally, props in tallies.fresh_nodes(self.leads, self.figures, collective):
            self._send("node", tally, props)

    def _send(self, kind: str, key: Any, row: Row) -> None:
        self.counts[kind] += 1
        self.sink(kind, key, row)
