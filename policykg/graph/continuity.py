"""Continuity: which task of a later plan carries on a task of an earlier plan by the same agency.

Two rules keep the cost linear in the corpus and the edges independent of load order:

- **Neighbours only.** An agency's plans are grouped by year; each group is compared
  with the group just before it and the group just after it, never with every other
  plan. So the ``CONTINUES`` edges of an agency are exactly the pairs of consecutive
  year groups (``adjacent_pairs``), whatever order the plans arrived in.
- **Pair-local scores.** The similarity is TF-IDF over jieba tokens with cosine, the
  IDF taken from the two plans' tasks only, so a pair's edges depend on nothing else
  in the store. Each later task keeps its best earlier match and others above the
  threshold up to ``MAX_PER_TASK``; each earlier task keeps at most ``MAX_PER_TASK``
  later ones (near-copies of a plan would otherwise link every task to every task).

``repair_agencies`` runs inside the write transaction of the documents being loaded (or
deleted): it reads the agencies' plans and the document pairs already linked around the
plans that changed, deletes the pairs that are no longer neighbours and creates the
missing ones. Because the same
transaction first writes the agency's Unit node (``docs`` changes), two loaders of one
agency are serialised by the store (Neo4j takes the node's write lock; ArcadeDB fails the
later commit with a conflict and the driver retries the transaction, which then reads the
committed plans), so concurrent loads miss no edge. The loader keeps the tokens of the tasks
it wrote in memory (``known``), so a later plan of the same agency needs no read-back.
"""

from __future__ import annotations

import logging
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from policykg.ontology.terms import Label, Rel

#: Cosine a pair needs to be called the same line of work. Set on the Zhejiang 2015 and 2021 plans (their one true pair
#: scores 0.26, unrelated ones under 0.23) and checked on 50 labelled pairs of five pairs of State Council reports
#: (tests/test_continuity_threshold.py): right 24 times in 30 above it, 6 in 10 in the band just under it.
THRESHOLD = 0.25
#: At most this many CONTINUES edges per task in each direction (the best first).
MAX_PER_TASK = 3
METHOD = "tfidf-jieba"
_KEEP = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Za-z][A-Za-z&]+")
#: Words every plan says; they would make any two tasks look alike.
STOPWORDS = frozenset({
    "加快", "推进", "推动", "加强", "进一步", "开展", "实施", "建设", "完善", "提升", "做好", "继续", "深化", "积极", "全面", "大力", "着力",
    "重点", "工作", "有关", "相关", "各类", "组织", "支持", "落实", "提高", "促进", "强化", "健全", "我省", "全省", "全市", "我市", "年度",
    "力争", "完成", "情况", "以上", "等等", "重要", "主要", "不断", "切实", "认真"
})
#: Token cache size (sentences); bounded so the client and the workers stay small.
TOKEN_CACHE_SIZE = 200_000


@dataclass(frozen=True)
class TaskText:
    """A task as continuity compares it; ``words`` when its tokens are known already (worker, bulk)."""

    id: str
    text: str
    words: tuple[str, ...] | None = None

    def tokens(self) -> tuple[str, ...]:
        return self.words if self.words is not None else task_tokens(self.text)


@dataclass(frozen=True)
class Plan:
    """One of an agency's documents, as continuity sees it."""

    id: str
    year: int


@cache
def _jieba() -> Any:
    import jieba  # the dictionary ships inside the package: no download

    jieba.setLogLevel(logging.WARNING)
    return jieba


_TOKENS: dict[str, tuple[str, ...]] = {}


def tokens(text: str) -> list[str]:
    """Content words: jieba's tokens of two or more Chinese characters (or a Latin word), stopwords out."""
    return list(task_tokens(text))


def task_tokens(text: str) -> tuple[str, ...]:
    """``tokens`` as a tuple, cached by sentence.

    jieba cuts a text block by block and 。 ends a block, so the tokens of a text are the
    tokens of its sentences in turn; a plan's wording repeats from year to year (and across
    an agency's plans), so caching sentences rather than whole texts saves most of jieba.
    """
    words: list[str] = []
    for sentence in text.split("。"):
        found = _TOKENS.get(sentence)
        if found is None:
            found = tuple(sys.intern(t) for t in _jieba().lcut(sentence) if _KEEP.fullmatch(t) and t not in STOPWORDS)
            remember_tokens(sentence, found)
        words += found
    return tuple(words)


def remember_tokens(text: str, words: Sequence[str]) -> None:
    """Keep a sentence's tokens (bounded: the cache is cleared when full)."""
    if len(_TOKENS) >= TOKEN_CACHE_SIZE:
        _TOKENS.clear()  # crude but bounded; a miss costs one jieba pass
    _TOKENS[text] = tuple(sys.intern(w) for w in words)


def task_text(row: dict[str, Any]) -> str:
    """The text a task is compared by (one rule for rows in memory and rows read back)."""
    return row.get("text") or row.get("title") or ""


def _vectors(docs: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors, smoothed IDF as in common practice: log((1+n)/(1+df)) + 1."""
    df: Counter[str] = Counter()
    for words in docs:
        df.update(set(words))
    n = len(docs)
    out = []
    for words in docs:
        tf = Counter(words)
        vec = {w: c * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in sorted(tf.items())}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({w: v / norm for w, v in vec.items()})
    return out


def continuing_pairs(earlier: Sequence[TaskText], later: Sequence[TaskText], threshold: float = THRESHOLD,
                     per_task: int = MAX_PER_TASK) -> list[tuple[str, str, float]]:
    """(earlier task id, later task id, score), best first per later task, capped per task both ways.

    Cosines come from an inverted index over the earlier tasks' words, so only tasks
    sharing a word are scored. Tasks are taken in id order and ties broken by id, so the
    result depends only on the two sets of tasks.
    """
    if not earlier or not later:
        return []
    earlier = sorted(earlier, key=lambda t: t.id)
    later = sorted(later, key=lambda t: t.id)
    vectors = _vectors([t.tokens() for t in [*earlier, *later]])
    old, new = vectors[: len(earlier)], vectors[len(earlier):]
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for k, vec in enumerate(old):
        for w, v in vec.items():
            index[w].append((k, v))
    chosen: list[tuple[str, str, float]] = []
    for task, vec in zip(later, new, strict=True):
        acc: dict[int, float] = defaultdict(float)
        for w, v in vec.items():  # sorted word order: the same float sums on every run
            for k, ov in index.get(w, ()):
                acc[k] += v * ov
        scored = sorted(((round(s, 4), earlier[k].id) for k, s in acc.items() if s >= threshold),
                        key=lambda x: (-x[0], x[1]))
        chosen += [(eid, task.id, s) for s, eid in scored[:per_task]]
    by_earlier: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for pair in chosen:
        by_earlier[pair[0]].append(pair)
    kept = [p for group in by_earlier.values() for p in sorted(group, key=lambda p: (-p[2], p[1]))[:per_task]]
    return sorted(kept, key=lambda p: (p[1], -p[2], p[0]))


def pairs_for_texts(earlier: Iterable[str], later: Iterable[str], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """The same rule on bare texts, by position: handy in notebooks and tests."""
    e = [TaskText(f"{i:09d}", t) for i, t in enumerate(earlier)]
    lt = [TaskText(f"{i:09d}", t) for i, t in enumerate(later)]
    return [(int(a), int(b), s) for a, b, s in continuing_pairs(e, lt, threshold)]


# --- which plans are neighbours -------------------------------------------------------------------


def adjacent_pairs(plans: Iterable[Plan]) -> set[tuple[str, str]]:
    """(earlier doc, later doc) for every two plans in consecutive years of one agency."""
    by_year: dict[int, list[str]] = defaultdict(list)
    for p in plans:
        by_year[p.year].append(p.id)
    years = sorted(by_year)
    return {(a, b) for y0, y1 in zip(years, years[1:], strict=False) for a in by_year[y0] for b in by_year[y1]}


def edge_rows(earlier: Sequence[TaskText], later: Sequence[TaskText], later_doc: str) -> list[dict[str, Any]]:
    """Rows for ``CREATE_EDGES``; an edge's ``doc`` is its later plan, whichever plan was loaded last."""
    return [{"start": a, "end": b, "props": {"score": s, "method": METHOD, "doc": later_doc}}
            for a, b, s in continuing_pairs(earlier, later)]


# --- the store side, inside the write transaction ----------------------------------------------------

LINKED = (
    f"UNWIND $docs AS doc MATCH (a:{Label.TASK.value} {{doc: doc}})-[:{Rel.CONTINUES.value}]->(b:{Label.TASK.value}) "
    "RETURN DISTINCT a.doc AS earlier, b.doc AS later"
)
TASKS = (
    f"UNWIND $docs AS doc MATCH (t:{Label.TASK.value} {{doc: doc}}) "
    "RETURN t.doc AS doc, t.id AS id, t.text AS text, t.title AS title"
)
UNLINK = (
    f"UNWIND $pairs AS p MATCH (a:{Label.TASK.value} {{doc: p.earlier}})-[x:{Rel.CONTINUES.value}]->"
    f"(b:{Label.TASK.value} {{doc: p.later}}) DELETE x"
)
CREATE_EDGES = (
    f"UNWIND $rows AS r MATCH (a:{Label.TASK.value} {{id: r.start}}) MATCH (b:{Label.TASK.value} {{id: r.end}}) "
    f"CREATE (a)-[x:{Rel.CONTINUES.value}]->(b) SET x = r.props"
)


class Tx(Protocol):
    """What ``repair_agency`` needs of a transaction: run a statement and get its records."""

    def run(self, query: Any, parameters: dict[str, Any] | None = None) -> Any: ...


def _records(tx: Tx, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(cypher, params)]


def repair_agency(tx: Tx, agency: str, known: Mapping[str, Sequence[TaskText]], batch_rows: int = 5_000) -> int:
    """Make the agency's CONTINUES edges the adjacent pairs of its plans; edges created.

    ``known`` holds the tasks (with tokens) of documents the caller has in memory (no need to
    read them back). Every pair of the agency is checked: what a delete needs.
    """
    return repair_agencies(tx, [agency], known, batch_rows=batch_rows)


#: The plans of several agencies, one read, from each agency's node (written the other way round, ArcadeDB
#: scanned every document).
PLANS_OF = (
    f"UNWIND $agencies AS agency MATCH (:{Label.UNIT.value} {{id: agency}})<-[:{Rel.ISSUED_BY.value}]-"
    f"(d:{Label.DOCUMENT.value}) WHERE d.year IS NOT NULL RETURN agency, d.id AS id, d.year AS year"
)
#: Linked document pairs with a given document on the later side (``LINKED`` has it on the earlier side);
#: the pattern starts from the indexed side (ArcadeDB's planner takes the first node as written: a scan of every task).
LINKED_TO = (
    f"UNWIND $docs AS doc MATCH (b:{Label.TASK.value} {{doc: doc}})<-[:{Rel.CONTINUES.value}]-(a:{Label.TASK.value}) "
    "RETURN DISTINCT a.doc AS earlier, b.doc AS later"
)


def _around(plans: Sequence[Plan], changed: set[str]) -> set[str]:
    """The plans whose pairs a change to ``changed`` can touch: those in the changed plans' year
    groups and in the year groups just before and after them (adjacency elsewhere is unchanged)."""
    years = sorted({p.year for p in plans})
    changed_years = {p.year for p in plans if p.id in changed}
    near: set[int] = set()
    for k, year in enumerate(years):
        if year in changed_years:
            near.update(years[max(0, k - 1): k + 2])
    return {p.id for p in plans if p.year in near}


def repair_agencies(tx: Tx, agencies: Sequence[str], known: Mapping[str, Sequence[TaskText]], *,
                    changed: set[str] | None = None, batch_rows: int = 5_000) -> int:
    """Make the CONTINUES edges of these agencies the adjacent pairs of their plans; edges created.

    With ``changed`` (the documents this transaction wrote), only the pairs a change to those
    plans can touch are read and compared: the cost follows the batch, not the agencies' size.
    Without it every pair of every agency is checked (after a delete). Reads are one statement
    each for all agencies together: plans, linked pairs, and the task texts of plans that
    ``known`` does not hold.
    """
    if not agencies:
        return 0
    plans_of: dict[str, list[Plan]] = defaultdict(list)
    for r in _records(tx, PLANS_OF, {"agencies": list(agencies)}):
        plans_of[r["agency"]].append(Plan(r["id"], int(r["year"])))
    scope: dict[str, set[str]] = {a: ({p.id for p in plans} if changed is None else _around(plans, changed))
                                  for a, plans in plans_of.items()}
    docs = sorted({d for ids in scope.values() for d in ids})
    if not docs:
        return 0
    linked = {(r["earlier"], r["later"]) for q in (LINKED, LINKED_TO) for r in _records(tx, q, {"docs": docs})}
    unlink: set[tuple[str, str]] = set()
    link: set[tuple[str, str]] = set()
    for agency, plans in plans_of.items():
        ids = scope[agency]
        wanted = {p for p in adjacent_pairs(plans) if p[0] in ids or p[1] in ids}
        have = {p for p in linked if p[0] in ids or p[1] in ids}
        unlink |= have - wanted
        link |= wanted - have
    if unlink:
        tx.run(UNLINK, {"pairs": [{"earlier": a, "later": b} for a, b in sorted(unlink)]}).consume()
    if not link:
        return 0
    needed = sorted({d for pair in link for d in pair if d not in known})
    tasks: dict[str, list[TaskText]] = {d: list(known[d]) for pair in link for d in pair if d in known}
    for r in _records(tx, TASKS, {"docs": needed}) if needed else []:
        tasks.setdefault(r["doc"], []).append(TaskText(r["id"], task_text(r)))
    rows: list[dict[str, Any]] = []
    for earlier, later in sorted(link):
        rows += edge_rows(tasks.get(earlier, []), tasks.get(later, []), later)
    for k in range(0, len(rows), batch_rows):
        tx.run(CREATE_EDGES, {"rows": rows[k:k + batch_rows]}).consume()
    return len(rows)
