"""Which kind of plan a text is, from evidence in the text (never the file name).

The kinds differ in what the graph can expect from them, so the evidence is
what the outline actually found, not a keyword anywhere in the text (a plan
that mentions 项目责任人制度 is not a responsibility breakdown):

* ``status-table``: a table with a results column (完成情况, 进展情况…), or a title
  that reports progress (…完成情况 / …进展情况);
* ``national-division``: tasks assigned State Council style, ``(X牵头，Y按职责分工负责)``,
  ``(X牵头，Y参与)`` or ``(X、Y按职责分工负责)`` (verbs, not ``牵头单位:`` labels);
* ``responsibility-plan``: tasks that carry responsibility clauses or a responsibility
  column, or a title that says 责任分解 / 任务分解 / 分工;
* ``summary``: a title that reports a year's work (工作总结, 工作报告, 情况汇报); such a
  text may carry next year's plan too (…总结和2016年工作思路) and is still a summary;
* ``plan``: everything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.loaders import lexicon
from policykg.loaders.types import TaskRecord
from policykg.ontology.terms import DocKind

_RESULT_FIELDS = ("完成情况",)
#: A title that reports progress (…完成情况, …进展), optionally closed by a table word (…一览表).
_STATUS_TITLE = re.compile(rf"(?:{lexicon.alternation('metadata.status_titles')})"
                           rf"(?:{lexicon.alternation('metadata.table_tails')})?$")
#: State Council wording: ``(X牵头，Y按职责分工负责)``, ``(X牵头，Y参与)``, ``(X、Y按职责分工负责)``;
#: a labelled ``牵头单位:`` is a provincial breakdown, not this.
_DIVISION_CLAUSE = re.compile(rf"{lexicon.alternation('metadata.division_verbs')}"
                              rf"|(?:{lexicon.alternation('metadata.division_lead_verbs')})"
                              rf"(?![{lexicon.char_class('metadata.lead_label_starts')}]|\s*[:：])")
_RESPONSIBILITY_TITLE = re.compile(lexicon.alternation("metadata.responsibility_titles"))
_SUMMARY_TITLE = lexicon.words_pattern("summary_titles")
_QUOTED = re.compile(r"[《〈][^《》〈〉]*[》〉]")
#: The title a government work report goes by when nothing else names it.
GENERIC_REPORT_TITLE = "政府工作报告"


def names_no_genre(title: str) -> bool:
    """Whether a title is only the generic report name (政府工作报告, often taken from a news line quoting
    《政府工作报告》): a work report both reviews a year and plans the next, so its text, not the title,
    says which a page holds."""
    return title.strip("《》〈〉 ") == GENERIC_REPORT_TITLE


def detect_kind(text: str, title: str = "", tasks: Sequence[TaskRecord] = ()) -> DocKind:
    """The document kind; ``tasks`` (the parsed outline) are the main evidence when given."""
    n = len(tasks)
    assigned = [t for t in tasks if t.lead or t.support or t.people]
    if any(f in t.fields for t in tasks for f in _RESULT_FIELDS) or _STATUS_TITLE.search(title):
        return DocKind.STATUS_TABLE
    clauses = [text[t.clause_span[0] : t.clause_span[1]] for t in assigned if t.clause_span]
    division = [c for c in clauses if _DIVISION_CLAUSE.search(c)]
    if division and len(division) >= max(1, len(assigned) // 2):
        return DocKind.NATIONAL_DIVISION
    own = _QUOTED.sub("", title)  # 关于分解落实《政府工作报告》的通知: the quoted report is no genre of this title
    if _RESPONSIBILITY_TITLE.search(own) or (assigned and len(assigned) >= max(2, n // 3)):
        return DocKind.RESPONSIBILITY_PLAN
    if _SUMMARY_TITLE.search(own) and len(own) < 40 and not names_no_genre(title) and not re.search(r"[,，。;；]", own):
        return DocKind.SUMMARY  # a sentence standing as the title (…会议,总结去年…) names no genre
    return DocKind.PLAN
