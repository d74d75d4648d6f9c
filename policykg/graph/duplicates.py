"""Is this document already in the store, or nearly? Checked before a document is written.

A document's id is the hash of its normalised text, so the same plan as DOCX and as
HTML is one document: ``stored_source`` says which file brought it in. A plan
republished with a new date line or a fixed typo hashes differently; those are found
by comparing the text of their tasks (character bigrams, Jaccard) with stored
documents of the same title (and issuer, where both name one), or of the same issuer
and year. Without the issuer rule a generic title matched every same-titled plan of
every agency: at 5,000 plans that comparison was 42 % of the load (docs/benchmarks.md). They are reported, not
merged: an analyst decides whether a republication is the same plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.graph.store import GraphStore

#: Share of task-text bigrams two documents must have in common to be called near-duplicates.
NEAR_DUPLICATE = 0.85

#: Stored documents that could be a republication of a probe: the same title (from the same issuer,
#: when both name one: 2019年工作要点 of two bureaus is two plans), or the same issuer and year:
#: index lookups (``document_title``, ``document_issuer``), never a scan, two reads
#: for a whole batch of probes; at most ``$cap`` candidates each.
_BY_TITLE = """
UNWIND $probes AS p
MATCH (d:Document {title: p.title})
WHERE d.id <> p.id AND (p.issuer IS NULL OR d.issuer IS NULL OR d.issuer = p.issuer)
WITH p, collect(d.id) AS ids
RETURN p.id AS probe, ids[..$cap] AS ids
"""
_BY_ISSUER_YEAR = """
UNWIND $probes AS p
MATCH (d:Document {issuer: p.issuer})
WHERE d.id <> p.id AND d.year = p.year
WITH p, collect(d.id) AS ids
RETURN p.id AS probe, ids[..$cap] AS ids
"""
_TEXTS = """
UNWIND $ids AS id
MATCH (d:Document {id: id})
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
WITH d, t ORDER BY t.order
RETURN d.id AS id, d.source AS source, collect(t.text) AS texts
"""
_SOURCES = "UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.source AS source"
#: Candidates read per probe at most (a generic title such as 工作要点 can match hundreds).
MAX_CANDIDATES = 50


@dataclass(frozen=True)
class NearDuplicate:
    doc_id: str
    source: str | None
    similarity: float


@dataclass(frozen=True)
class Probe:
    """What a near-duplicate check needs of a document about to be written (no store access to make one)."""

    doc_id: str
    title: str | None
    issuer: str | None
    year: int | None
    text: str  # the task texts, one a line (or the whole text when there are no tasks)
    source: str | None = None


def stored_sources(store: GraphStore, doc_ids: list[str]) -> dict[str, str]:
    """The file each stored document came from, for those of ``doc_ids`` in the store (one read)."""
    rows = store.read(_SOURCES, {"ids": doc_ids}) if doc_ids else []
    return {r["id"]: str(r["source"]) for r in rows if r["source"]}


def stored_source(store: GraphStore, doc_id: str) -> str | None:
    """The file a stored document came from, or None if it is not in the store."""
    return stored_sources(store, [doc_id]).get(doc_id)
def bigrams(text: str) -> set[str]:
    squeezed = "".join(text.split())
    return {squeezed[k : k + 2] for k in range(len(squeezed) - 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' character bigrams (0..1); whitespace ignored."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 1.0 if x == y else 0.0
    return len(x & y) / len(x | y)


def _candidates(store: GraphStore, probes: list[Probe], cap: int) -> dict[str, set[str]]:
    titled = [{"id": p.doc_id, "title": p.title} for p in probes if p.title]
    dated = [{"id": p.doc_id, "issuer": p.issuer, "year": p.year} for p in probes if p.issuer and p.year]
    found: dict[str, set[str]] = {}
    for cypher, batch in ((_BY_TITLE, titled), (_BY_ISSUER_YEAR, dated)):
        for row in store.read(cypher, {"probes": batch, "cap": cap}) if batch else []:
            found.setdefault(row["probe"], set()).update(row["ids"])
    return found


def _related(a: Probe, b: Probe) -> bool:
    """The candidate rule of ``_BY_TITLE`` and ``_BY_ISSUER_YEAR``, for two documents of one batch."""
    same_title = bool(a.title and a.title == b.title and (not a.issuer or not b.issuer or a.issuer == b.issuer))
    return same_title or bool(a.issuer and a.year and (a.issuer, a.year) == (b.issuer, b.year))


def near_duplicates_of(store: GraphStore, probes: list[Probe], threshold: float = NEAR_DUPLICATE,
                       cap: int = MAX_CANDIDATES) -> dict[str, list[NearDuplicate]]:
    """For each probe, the stored documents and the earlier probes whose tasks read (almost) like it.

    A batch of documents is written in one transaction, so the earlier probes of the
    batch are compared in memory: loaded one by one, they would have been in the store.
    """
    candidates = _candidates(store, probes, cap)
    wanted = sorted({d for ids in candidates.values() for d in ids})
    texts = {r["id"]: (r["source"], "\n".join(t for t in r["texts"] if t))
             for k in range(0, len(wanted), 200) for r in store.read(_TEXTS, {"ids": wanted[k:k + 200]})}
    out: dict[str, list[NearDuplicate]] = {}
    for k, probe in enumerate(probes):
        found = []
        for doc_id in sorted(candidates.get(probe.doc_id, ())):
            source, theirs = texts.get(doc_id, (None, ""))
            score = similarity(probe.text, theirs)
            if score >= threshold:
                found.append(NearDuplicate(doc_id, source, score))
        for earlier in probes[:k]:
            if earlier.doc_id != probe.doc_id and _related(probe, earlier):
                score = similarity(probe.text, earlier.text)
                if score >= threshold:
                    found.append(NearDuplicate(earlier.doc_id, earlier.source, score))
        if found:
            out[probe.doc_id] = sorted(found, key=lambda d: -d.similarity)
    return out
