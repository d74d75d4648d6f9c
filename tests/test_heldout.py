"""The in-project scorer (``policykg.evaluate``) on documents the loaders were not written against.

``tests/heldout`` holds invented plans in shapes and wordings the five seeds do
not have (State Council 分工, 责任单位 lines, 责任处室, (1) items with 牵头单位
lines, a summary with next year's plan, an XLSX completion table, a GBK web
page, a county DOCX table, a five-year plan, a district page with 所/条), with
hand-checked gold in the seeds' schema. Round 2 (``r2_*``) copies how sites
really publish: a hard-wrapped PDF with page chrome, an XLSX with merged section
rows, a GBK CSV with a title row, money without 元 and Chinese numerals, full-width
等 brackets, a summary with next year's plan, (一) tasks with 责任单位 lines, an
HTML table with <br> cells, ministry 1.1 numbering. Round 3 (``r3_*``) was written
blind by a domain expert: tables laid out as text (tabs in a GBK file, a cell wrapped
onto a second line, columns aligned with spaces), 责任人 cells with posts
(局党组书记、局长黄文辉, 主任 李明华、副主任张卫), ``(牵头单位:X;责任单位:Y)`` clauses,
a task broken mid-sentence, ``负责落实``, a DOCX indicator table (unit in the row
label, year in the column), a summary whose 重点工作开展情况 sections report results,
deadlines versus capped durations, and central issuers (region 全国). Round 4 (``r4a_*``, ``r4b_*``)
was written blind by two domain experts: a text table aligned with single full-width spaces,
``(厅领导:A;牵头处室:X;参与处室:Y)`` clauses, 自治区 issuers, ``进展情况:``/``责任单位:`` paragraphs
under each task, 一是/二是 items with 责任部门 inside (一) sections, 户次/亿户, ministry 司 units,
a DOCX with both 牵头单位 and 责任单位 columns, a half-year summary page, a ministry 办公厅 notice.
Round 4 TOTAL before its fixes: meta 32/35, tasks-count-ok 10/12, lead R=0.595 P=0.896, support
R=0.345, people R=0.000, targets R=0.861 P=0.876; after: meta 35/35, tasks 12/12, lead, support,
people and targets all R=P=1.000 (116, 55, 24 and 230 facts). Each round is scored on its
own, so one cannot hide a drop in the other. Thresholds are what the loaders
reach; a drop means a rule was bent to fit one document at the cost of another.
The held-out documents and gold live in the project, so these run on any clone; the
five seeds and their gold live in ``../shared`` and that test skips where it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_dir import SEEDS, SEEDS_GOLD

from policykg.evaluate import evaluate

HELDOUT = Path(__file__).resolve().parent / "heldout"

# (glob, min recall, min precision, meta fields found, documents whose task count fits): round 1 is
# 01_*..10_*, round 2 is r2_*, round 3 is r3_*, round 4 is r4a_* and r4b_*, round 5 is r5_*.
ROUNDS = {
    "round1": ("[0-9][0-9]_*.json", 0.95, 0.95, 29, 10),
    "round2": ("r2_*.json", 0.95, 0.95, 26, 9),
    "round3": ("r3_*.json", 0.95, 0.95, 30, 10),  # reaches 1.0; 0.95 like the others, so one borderline fact is not a red build
    "round4": ("r4?_*.json", 0.95, 0.95, 35, 12),  # reaches 1.0; the same 0.95 floor as the other rounds
    # Round 5 was written blind after loaders v2 (kinds of the real corpus: a page's table flattened one
    # cell per line, single-space cells, 责任领导/责任单位 lines, a work-report excerpt, a ministry page).
    # Before its fixes: meta 28/29, tasks 7/10, lead R=0.807 P=0.931, support R=0.727 P=0.980,
    # people R=0.000 (0/16), targets R=1.000 P=0.989; after: lead, support, people 1.000, targets
    # R=1.000 P=0.989, meta 28/29, tasks 8/10.
    "round5": ("r5_*.json", 0.95, 0.95, 28, 8),
    # Round 6, blind too (fengong lines and 【牵头单位】, a one-cell-per-line table with 责任人 and
    # wrapped cells, 分管领导/责任股室, a 考核办法 with scoring rules, 进展情况 after the clause, a
    # 实施方案 with "县发改局：负责…" lines). Before its fixes: meta 29/30, tasks 9/10, lead R=0.841
    # P=0.957, support R=0.873 P=1.000, people R=0.462 P=1.000, targets R=0.927 P=0.893; after:
    # lead R=0.972 P=0.972, support R=0.911 P=1.000, people R=0.962 P=0.962, targets R=0.991 P=0.943.
    "round6": ("r6_*.json", 0.90, 0.94, 29, 9),
}


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_heldout_documents_score(name: str) -> None:
    pattern, min_recall, min_precision, meta, tasks_ok = ROUNDS[name]
    scores, totals = evaluate(HELDOUT / "gold", HELDOUT / "docs", pattern=pattern)
    report = "\n".join(line for s in scores for line in s.lines()) + "\n" + totals.total_line()
    n = len(list((HELDOUT / "gold").glob(pattern)))
    assert totals.docs == n > 0
    assert not totals.failed, report
    assert totals.passes(min_recall, min_precision), report
    assert totals.tasks_ok >= tasks_ok, report
    assert totals.meta_ok >= meta, report


@pytest.mark.skipif(
    not (SEEDS_GOLD.is_dir() and SEEDS.is_dir()),
    reason=f"the seeds and their gold are in ../shared ({SEEDS_GOLD.parent}), which is absent",
)
def test_seed_documents_score() -> None:
    scores, totals = evaluate(SEEDS_GOLD, SEEDS)
    report = "\n".join(line for s in scores for line in s.lines()) + "\n" + totals.total_line()
    assert totals.docs == 5 and not totals.failed, report
    assert totals.passes(0.95, 0.95), report
