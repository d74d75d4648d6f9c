"""The store stamp: one bookkeeping node whose ``generation`` every document write bumps.

Why a node and not a digest of the graph: the API's entity cache and RDF view ask
"did the store change?" every couple of seconds, and answering that by reading every
document and counting every node and relationship cost seconds at 5,000 documents
(a million relationships). One indexed node read costs the same at any size.

Every write transaction that loads or deletes documents runs ``BUMP`` inside it, so the
bump commits (or rolls back) with the change it announces. ``MERGE`` creates the node on
the first write; the unique constraint of ``SCHEMA`` makes two concurrent first writes
collide on the index (retried by the store) instead of creating two stamps. ``created``
tells a stamp apart from an earlier one after the graph was wiped and filled again, when
the generation counts up from 1 again.

The node is not part of the ontology: ``HIDDEN_LABELS`` lists it for the readers that
enumerate the whole graph (stats, fingerprints, the graph-nodes and entity-lookup
queries); the RDF view and exports read labels from the ontology and never see it.
``cypher --write`` (``kg.cypher(..., write=True)``) runs ``BUMP_ADHOC`` in its transaction:
it also records the generation in ``adhoc``, because such a write may have changed anything,
and the RDF view, which otherwise follows documents one by one, then rebuilds whole.
Writes that bypass policykg (another Neo4j client) bump nothing, and the caches miss them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the CLI's read path imports this without loading the driver
    from policykg.graph.store import GraphStore, Statement

from policykg.graph.tallies import LABELS as TALLY_LABELS

LABEL = "StoreStamp"
#: Labels of bookkeeping nodes, not part of the ontology: whole-graph readers leave them out
#: (the stamp, and the counters of ``graph.tallies``).
HIDDEN_LABELS: tuple[str, ...] = (LABEL, *TALLY_LABELS)

BUMP = (f"MERGE (s:{LABEL} {{id: 'store'}}) ON CREATE SET s.generation = 0, s.created = timestamp() "
        "SET s.generation = s.generation + 1")
#: ``BUMP`` for a write that is not a document's: its generation is remembered in ``adhoc``
#: (a second SET after WITH: one SET reading what it writes differs between engines).
BUMP_ADHOC = BUMP + " WITH s SET s.adhoc = s.generation"
READ = (f"MATCH (s:{LABEL} {{id: 'store'}}) "
        "RETURN s.generation AS generation, s.created AS created, s.adhoc AS adhoc")
SCHEMA: Statement = (f"CREATE CONSTRAINT {LABEL.lower()}_id IF NOT EXISTS FOR (n:{LABEL}) REQUIRE n.id IS UNIQUE", {})


@dataclass(frozen=True)
class Stamp:
    """The stamp as read: when it was created, the write count, the count at the last ad hoc write."""

    created: int | None = None
    generation: int = 0
    adhoc: int | None = None

    def __str__(self) -> str:
        return f"{self.created}:{self.generation}" if self.created is not None or self.generation else "none"


def read_state(store: GraphStore) -> Stamp:
    rows = store.read(READ)
    if not rows:
        return Stamp()
    row = rows[0]
    return Stamp(row["created"], int(row["generation"] or 0), row["adhoc"])


def read_stamp(store: GraphStore) -> str:
    """``created:generation`` of the stamp, or ``none`` before the first document write."""
    return str(read_state(store))


def read_generation(store: GraphStore) -> int:
    """How many document writes the store has committed since its stamp was created (0: none yet)."""
    rows = store.read(READ)
    return int(rows[0]["generation"]) if rows else 0
