"""Is this document already in the store, or nearly? Checked before a document is written.

A document's id is the hash of its normalised text, so the same plan as DOCX and as
HTML is one document: ``stored_source`` says which file brought it in. A plan
republished with a new date line or a fixed typo hashes differently; those are found
by comparing the text of their tasks (character bigrams, Jaccard) with stored
documents of the same title, or of the same issuer and year. They are reported, not
merged: an analyst decides whether a republication is the same plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.graph.store import GraphStore
from policykg.loaders.types import Extraction

#: Share of task-text bigrams two documents must have in common to be called near-duplicates.
NEAR_DUPLICATE = 0.85

_CANDIDATES = """
MATCH (d:Document)
WHERE d.id <> $id
  AND ((d.title IS NOT NULL AND d.title = $title)
       OR ($issuer IS NOT NULL AND $year IS NOT NULL AND d.issuer = $issuer AND d.year = $year))
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
WITH d, t ORDER BY t.order
RETURN d.id AS id, d.source AS source, collect(t.text) AS texts
LIMIT 50
"""


@dataclass(frozen=True)
class NearDuplicate:
    doc_id: str
    source: str | None
    similarity: float


def stored_source(store: GraphStore, doc_id: str) -> str | None:
    """The file a stored document came from, or None if it is not in the store."""
    rows = store.read("MATCH (d:Document {id: $id}) RETURN d.source AS source", {"id": doc_id})
    return str(rows[0]["source"]) if rows and rows[0]["source"] else None


def bigrams(text: str) -> set[str]:
    squeezed = "".join(text.split())
    return {squeezed[k : k + 2] for k in range(len(squeezed) - 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' character bigrams (0..1); whitespace ignored."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 1.0 if x == y else 0.0
    return len(x & y) / len(x | y)


def near_duplicates(store: GraphStore, extraction: Extraction, threshold: float = NEAR_DUPLICATE) -> list[NearDuplicate]:
    """Stored documents whose tasks read (almost) like this one's, most similar first."""
    doc = extraction.document
    if not doc.title and not (doc.issuer and doc.year):
        return []
    rows = store.read(_CANDIDATES, {"id": doc.id, "title": doc.title or None, "issuer": doc.issuer, "year": doc.year})
    mine = "\n".join(t.text for t in extraction.tasks) or extraction.text
    found = []
    for row in rows:
        theirs = "\n".join(t for t in row["texts"] if t)
        score = similarity(mine, theirs)
        if score >= threshold:
            found.append(NearDuplicate(row["id"], row["source"], score))
    return sorted(found, key=lambda d: -d.similarity)
