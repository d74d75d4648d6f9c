"""Extraction on real documents labelled blind: the issue's bar and floors that only go up.

Two sets, both real pages and texts of governments, each labelled by annotators who had not
read the loaders (``docs/gold-schema.md`` and the labelling conventions of ``docs/evaluation.md``):

* ``../shared/realgold`` (32 documents, handed over with their gold; the texts stay there, so
  these tests skip where it is absent). Before this work: ``TOTAL docs=32 meta 50/82
  tasks-count-ok 27/32 lead R=0.224 P=0.929 (13/58) support R=0.423 P=1.000 (22/52) people
  R=0.056 P=1.000 (1/18) targets R=0.621 P=0.730 (154/248)``.
* ``tests/blind/b1``, ``b2`` and ``b3`` (13, 15 and 14 documents found with the search tools and
  labelled blind this turn; texts and gold live in the project). Each was scored on the loaders
  as they stood when it arrived, before any rule was written for it (``tests/blind/*/SCORED``):
  b1 lead R=0.353 support R=0.071 people R=0.000 targets R=0.600 P=0.529; b2 lead R=0.500
  support R=0.385 people R=0.700 targets R=0.560 P=0.628. ``tests/blind/b3`` (14, people-heavy
  layouts) arrived after the v3 roles and people work and scored on it before any rule for it:
  lead R=0.538 P=0.875, people R=0.077 (the honest estimate of that work at the time). They
  were then training data, so their scores now flatter; ``tests/blind/final`` was kept unread
  until the last commit.

A floor is what the loaders reach now, rounded down; it goes up with the loaders, never down. One went
down, on purpose: b3 people precision (0.95 -> 0.90), when the head of a group's office became a person of
the office's paragraph (…部长助理戴柏华兼任办公室主任): b3's labeller did not count office heads, final11's did.
Later batches (``final11``, ``final14`` … ``final19``: each scored on arrival, then read and fixed) have floors
too; ``final17`` has none: it was kept unread until the last loader commit of its session. ``final11``
(people-heavy) has its floor beside it: its labeller put a
group's members on the group's duties (主要职责) where the loaders keep them on the list's heading (组成人员),
as b3's and final14's labellers do (moving them cost 21 of 54 names on final14, unread: not done).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from shared_dir import REALCORPUS_DOCS, REALGOLD

from policykg.evaluate import DocumentScore, Totals, evaluate
from policykg.kg import KnowledgeGraph

BLIND = Path(__file__).resolve().parent / "blind"

#: The realgold set's figures and metadata (handed over at targets R 0.621 P 0.730, meta 50/82).
FLOOR_TARGETS_R = 0.95
FLOOR_TARGETS_P = 0.98
FLOOR_META = 0.90

#: (set, kind) -> (recall floor, precision floor)
FLOORS: dict[tuple[str, str], tuple[float, float]] = {
    ("realgold", "lead"): (0.90, 0.95),
    ("realgold", "support"): (0.90, 0.95),
    ("realgold", "people"): (0.90, 0.95),
    ("b1", "lead"): (0.90, 0.95),
    ("b1", "support"): (0.90, 0.95),
    ("b1", "people"): (0.90, 0.95),
    ("b2", "lead"): (0.80, 0.90),
    ("b2", "support"): (0.60, 0.95),
    ("b2", "people"): (0.65, 0.95),
    ("b3", "lead"): (0.80, 0.95),
    ("b3", "people"): (0.90, 0.90),
    ("final11", "lead"): (0.47, 0.73),
    ("final11", "people"): (0.40, 0.47),
    ("final14", "lead"): (0.95, 0.95),
    ("final14", "support"): (0.95, 0.95),
    ("final15", "lead"): (0.95, 0.88),
    ("final15", "support"): (0.95, 0.95),
    ("final16", "lead"): (0.75, 0.90),
    ("final16", "support"): (0.95, 0.95),
    ("final16", "targets"): (0.95, 0.95),
    ("final18", "lead"): (0.95, 0.95),
    ("final18", "people"): (0.49, 0.54),
    ("final19", "targets"): (0.65, 0.89),
    ("final17", "lead"): (0.82, 0.95),
    ("final17", "support"): (0.93, 0.95),
    ("final17", "people"): (0.95, 0.95),
    ("final20", "lead"): (0.94, 0.95),
    ("final20", "people"): (0.95, 0.95),
    ("final20", "targets"): (0.95, 0.78),
    ("final22", "lead"): (0.95, 0.95),
    ("final22", "people"): (0.95, 0.95),
    ("final23", "targets"): (0.74, 0.89),
    ("final24", "targets"): (0.83, 0.95),
}


def _sets() -> dict[str, tuple[Path, Path]]:
    return {
        "realgold": (REALGOLD / "gold", REALGOLD / "docs"),
        "b1": (BLIND / "b1" / "gold", BLIND / "b1" / "docs"),
        "b2": (BLIND / "b2" / "gold", BLIND / "b2" / "docs"),
        "b3": (BLIND / "b3" / "gold", BLIND / "b3" / "docs"),
        **{name: (BLIND / name / "gold", BLIND / name / "docs") for name in ("final11", "final14", "final15", "final16",
                                                                            "final17", "final18", "final19", "final20",
                                                                            "final22", "final23", "final24")},
    }


_CACHE: dict[str, tuple[list[DocumentScore], Totals]] = {}


def _scored(name: str) -> tuple[list[DocumentScore], Totals]:
    gold, docs = _sets()[name]
    if not docs.is_dir():
        pytest.skip(f"{docs} is absent: the realgold texts live in ../shared and are not shipped with the project")
    if name not in _CACHE:
        _CACHE[name] = evaluate(gold, docs)
    return _CACHE[name]


def _report(scored: tuple[list[DocumentScore], Totals]) -> str:
    scores, totals = scored
    return "\n".join(line for s in scores for line in s.lines()) + "\n" + totals.total_line()


@pytest.mark.parametrize(("name", "kind"), sorted(FLOORS))
def test_recall_and_precision_stay_above_their_floors(name: str, kind: str) -> None:
    scored = _scored(name)
    floor_r, floor_p = FLOORS[(name, kind)]
    tally = scored[1].tallies[kind]
    assert tally.recall >= floor_r, f"{name} {kind} recall {tally.recall:.3f} < {floor_r}\n{_report(scored)}"
    precision = 1.0 if tally.precision is None else tally.precision
    assert precision >= floor_p, f"{name} {kind} precision {precision:.3f} < {floor_p}\n{_report(scored)}"


def test_every_blind_batch_was_scored_before_it_was_used() -> None:
    """Each batch carries the score it had when it arrived, before any rule for it (the honest estimate)."""
    batches = [d for d in BLIND.iterdir() if (d / "gold").is_dir()]
    assert len(batches) >= 20
    for batch in batches:
        scored = batch / "SCORED"
        assert scored.is_file() and "TOTAL" in scored.read_text(encoding="utf-8"), batch.name


def test_targets_and_metadata_of_the_realgold_set_stay_above_their_floors() -> None:
    scored = _scored("realgold")
    totals = scored[1]
    tally = totals.tallies["targets"]
    assert tally.recall >= FLOOR_TARGETS_R, _report(scored)
    assert (tally.precision or 1.0) >= FLOOR_TARGETS_P, _report(scored)
    assert totals.meta_ok / totals.meta_all >= FLOOR_META, _report(scored)


@pytest.fixture(scope="module")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    """Every real document at hand (the corpus and the labelled set) in one store."""
    if not REALCORPUS_DOCS.is_dir() or not (REALGOLD / "docs").is_dir():
        pytest.skip(f"{REALCORPUS_DOCS} or {REALGOLD} (../shared) is absent")
    with KnowledgeGraph.open(tmp_path_factory.mktemp("real") / "store") as kg:
        results = kg.load([REALCORPUS_DOCS, REALGOLD / "docs"])
        assert all(r.ok for r in results), [r.error for r in results if not r.ok]
        yield kg


@pytest.mark.slow
def test_a_years_target_meets_its_actual_in_another_document(real_store: KnowledgeGraph) -> None:
    """The State Council's 2020 division of work (its 主要预期目标 as targets of 2020) meets the 2021 report's
    review of 2020: more jobs than the target (exceeded), prices and unemployment under their ceilings (met)."""
    rows = real_store.query("target-vs-actual", region="全国", **{"from": 2020, "to": 2020}).to_dict("records")
    got = {r["indicator"]: (r["target"], r["actual"], r["status"]) for r in rows
           if r["status"] in ("met", "missed", "exceeded")}
    assert got["城镇新增就业"] == (9_000_000, 11_860_000, "exceeded")  # 900万人以上 / 1186万人
    assert got["居民消费价格涨幅"] == (3.5, 2.5, "met")  # 3.5%左右 (a ceiling) / 上涨2.5%
    assert got["城镇调查失业率"] == (6.0, 5.2, "met")  # 6%左右 / 降到5.2%
    assert {r["target_document"] for r in rows if r["indicator"] in got} != {r["actual_document"] for r in rows
                                                                           if r["indicator"] in got}
    later = real_store.query("target-vs-actual", region="浙江省", **{"from": 2026}).to_dict("records")
    assert later and {r["status"] for r in later} == {"not-due-yet"}  # no report of 2026's results yet
