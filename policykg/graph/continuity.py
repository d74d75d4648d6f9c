"""Continuity: which task of a later plan carries on a task of an earlier plan by the same agency.

The similarity is plain TF-IDF over jieba tokens with cosine, computed for one pair
of documents at a time (the IDF comes from those two documents' tasks only), so a
pair's edges depend on nothing else in the store: loading a third plan, or reloading
either one, gives the same ``CONTINUES`` edges and counts. ``continuity_statements``
reads the agency's other plans from the store and returns the ``CREATE`` statements
to run in the loading document's transaction, after its tasks are created.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from policykg.graph.mapping import GraphRows
from policykg.graph.store import GraphStore, Statement, chunked
from policykg.ontology.terms import Label, Rel

#: Cosine a pair needs to be called the same line of work (set on the Zhejiang 2015 and 2021 plans: their one true pair scores 0.26, unrelated ones under 0.23).
THRESHOLD = 0.25
METHOD = "tfidf-jieba"
_KEEP = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z&]+")
#: Words every plan says; they would make any two tasks look alike.
STOPWORDS = frozenset({
    "加快", "推进", "推动", "加强", "进一步", "开展", "实施", "建设", "完善", "提升", "做好", "继续", "深化", "积极", "全面", "大力", "着力",
    "重点", "工作", "有关", "相关", "各类", "组织", "支持", "落实", "提高", "促进", "强化", "健全", "我省", "全省", "全市", "我市", "年度",
    "力争", "完成", "情况", "以上", "等等", "重要", "主要", "不断", "切实", "认真"
})


@dataclass(frozen=True)
class TaskText:
    id: str
    text: str


@cache
def _jieba() -> Any:
    import jieba  # the dictionary ships inside the package: no download

    jieba.setLogLevel(logging.WARNING)
    return jieba


def tokens(text: str) -> list[str]:
    """Content words: jieba's tokens of two or more Chinese characters (or a Latin word), stopwords out."""
    return list(_tokens(text))


@lru_cache(maxsize=65_536)
def _tokens(text: str) -> tuple[str, ...]:
    # Cached: each load compares its tasks with every other plan of the agency, and jieba
    # was 42% of load time re-splitting the same texts (bench/load.py, docs/benchmarks.md).
    return tuple(t for t in _jieba().lcut(text) if _KEEP.fullmatch(t) and t not in STOPWORDS)


def _vectors(docs: Sequence[list[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors, smoothed IDF as in common practice: log((1+n)/(1+df)) + 1."""
    df: Counter[str] = Counter()
    for words in docs:
        df.update(set(words))
    n = len(docs)
    out = []
    for words in docs:
        tf = Counter(words)
        vec = {w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({w: v / norm for w, v in vec.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def continuing_pairs(earlier: Sequence[TaskText], later: Sequence[TaskText],
                     threshold: float = THRESHOLD) -> list[tuple[str, str, float]]:
    """(earlier task id, later task id, score): each later task's best match in the earlier plan, if close enough."""
    if not earlier or not later:
        return []
    vectors = _vectors([tokens(t.text) for t in [*earlier, *later]])
    old, new = vectors[: len(earlier)], vectors[len(earlier) :]
    pairs = []
    for task, vec in zip(later, new, strict=True):
        scored = [(_cosine(vec, ov), e.id) for e, ov in zip(earlier, old, strict=True)]
        score, best = max(scored, key=lambda s: (s[0], s[1]))  # ties broken by id, so runs agree
        if score >= threshold:
            pairs.append((best, task.id, round(score, 4)))
    return pairs


_CANDIDATES = (
    f"MATCH (d:{Label.DOCUMENT.value})-[:{Rel.ISSUED_BY.value}]->(u:{Label.UNIT.value} {{id: $agency}}) "
    "WHERE d.id <> $doc AND d.year IS NOT NULL AND d.year <> $year "
    f"MATCH (d)-[:{Rel.HAS_TASK.value}]->(t:{Label.TASK.value}) "
    "RETURN d.id AS doc, d.year AS year, t.id AS id, t.text AS text ORDER BY doc, id"
)
_CREATE = (
    f"UNWIND $rows AS r MATCH (a:{Label.TASK.value} {{id: r.start}}) MATCH (b:{Label.TASK.value} {{id: r.end}}) "
    f"CREATE (a)-[x:{Rel.CONTINUES.value}]->(b) SET x = r.props"
)


def _issuer(rows: GraphRows) -> str | None:
    issued = rows.shared_rels.get((Rel.ISSUED_BY, Label.DOCUMENT, Label.UNIT), {})
    return next((end for _, end in issued), None)


def continuity_statements(store: GraphStore, rows: GraphRows, batch: int = 10_000) -> list[Statement]:
    """CREATE statements for the CONTINUES edges between this document's tasks and its agency's other plans.

    Both directions: an earlier plan's tasks continue into this one, this one's into a
    later plan's (a reload deleted those edges with the old tasks). Append the result to
    the document's write statements, after the tasks are created.
    """
    agency = _issuer(rows)
    doc = rows.shared_nodes.get(Label.DOCUMENT, {}).get(rows.doc_id, {})
    year = doc.get("year")
    mine = [TaskText(r["id"], r.get("text") or r.get("title") or "") for r in rows.owned_nodes.get(Label.TASK, [])]
    if agency is None or year is None or not mine:
        return []
    others: dict[tuple[int, str], list[TaskText]] = {}
    for r in store.read(_CANDIDATES, {"agency": agency, "doc": rows.doc_id, "year": year}):
        others.setdefault((r["year"], r["doc"]), []).append(TaskText(r["id"], r["text"] or ""))
    edges: list[dict[str, Any]] = []
    for (other_year, _), theirs in sorted(others.items()):
        earlier, later = (theirs, mine) if other_year < year else (mine, theirs)
        edges += [{"start": a, "end": b, "props": {"score": s, "method": METHOD, "doc": rows.doc_id}}
                  for a, b, s in continuing_pairs(earlier, later)]
    return [(_CREATE, {"rows": chunk}) for chunk in chunked(edges, batch)]


def pairs_for_texts(earlier: Iterable[str], later: Iterable[str], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """The same rule on bare texts, by position: handy in notebooks and tests."""
    e = [TaskText(str(i), t) for i, t in enumerate(earlier)]
    lt = [TaskText(str(i), t) for i, t in enumerate(later)]
    return [(int(a), int(b), s) for a, b, s in continuing_pairs(e, lt, threshold)]
