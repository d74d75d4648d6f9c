"""Which year a figure is for, and whether it is a goal or a reported result.

A plan written in December 2015 for 2016 targets 2016, so the publication date
is the wrong clock: the years come from the title line (``2015年工作总结和2016年
工作思路`` -> results of 2015, goals for 2016), then from the figure's own sentence
(``2015年,全市实现…`` in a 2016 plan is a 2015 result). A combined summary+plan
document switches from results to goals at the first paragraph that reads like a
plan (a plan heading, the plan year at its start, or plan wording without past
tense), because such documents often lose their headings in web copies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders import lexicon
from policykg.loaders.types import DocumentRecord

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: A plan period: ``2021-2025年``, ``2021—2025年``, ``2021年至2025年``.
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:-|—|–|~|～|至|到)+\s*((?:19|20)\d{2})\s*年")
#: Five-year plans by their number: “十四五” is 2021-2025 (十五 2001, 十一五 2006 … every five years).
_FIVE_YEAR = re.compile(r"(十[一二三四五六七八九]?|二十)五")
_FIVE_YEAR_START = {"十": 2001, "十一": 2006, "十二": 2011, "十三": 2016, "十四": 2021, "十五": 2026, "十六": 2031}


def plan_span(title: str) -> tuple[int, int] | None:
    """The years a multi-year plan covers, from its title: ``(2021-2025年)`` or “十四五”.

    A five-year plan is *about* its whole period: the document is dated by its first
    year, while its goals are for the last (``到2025年…``)."""
    if m := _YEAR_RANGE.search(title):
        first, last = int(m.group(1)), int(m.group(2))
        if 0 < last - first <= 15:
            return first, last
    if (m := _FIVE_YEAR.search(title)) and "规划" in title:
        start = _FIVE_YEAR_START.get(m.group(1))
        if start:
            return start, start + 4
    return None
_SUMMARY_WORDS = lexicon.words_pattern("summary_titles")
_PLAN_WORDS = lexicon.words_pattern("plan_titles")
_KIND_WORDS = re.compile(_SUMMARY_WORDS.pattern + "|" + _PLAN_WORDS.pattern)
_QUARTER = {"一季度": 3, "第一季度": 3, "上半年": 6, "二季度": 6, "三季度": 9, "前三季度": 9, "四季度": 12, "全年": 12}

#: Plan wording and past-tense wording, counted per paragraph (see ``plan_boundary``).
_PLAN_CUES = lexicon.words_pattern("goal_cues")
_PAST_CUES = lexicon.words_pattern("result_cues")


#: A plan's horizon stated in its opening: ``2012年起5年内`` / ``2012年起用5年时间`` (-> 2016).
_HORIZON = re.compile(r"((?:19|20)\d{2})\s*年起\s*(?:用|的)?\s*([1-9]|十|[一二三四五六七八九])\s*年(?:内|时间|左右)")
_CN_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def horizon(text: str, head: int = 2000) -> int | None:
    """The last year of a horizon the plan states near its start, or None."""
    if (m := _HORIZON.search(text, 0, head)) is None:
        return None
    years = int(m.group(2)) if m.group(2).isdigit() else _CN_SMALL[m.group(2)]
    return int(m.group(1)) + years - 1


def title_line(text: str, title: str = "") -> str:
    """The line that names the document's period: the metadata title when it has a
    year and a kind word, else the first such short line near the top."""
    if YEAR.search(title) and _KIND_WORDS.search(title):
        return title
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:25]:
        if len(line) <= 60 and YEAR.search(line) and _KIND_WORDS.search(line):
            return line
    return title


@dataclass(frozen=True)
class DocPeriod:
    """The document's clock: the year its results report, the year its goals are for."""

    summary_year: int | None
    plan_year: int | None
    reports: bool  # a summary or status report (results by default)
    plans: bool  # has a plan part (goals)
    as_of_month: int | None  # 三季度 -> 9, for actuals in a status report
    title: str = ""  # the line the years were read from
    headed: bool = False  # only headings switch between results and goals (a government work report)


def doc_period(text: str, document: DocumentRecord) -> DocPeriod:
    if document.kind == "government-work-report" and document.year:
        # the report of year Y reviews Y-1 (actuals) and sets Y's goals; its headings switch between them
        return DocPeriod(document.year - 1, document.year, True, True, None, document.title, headed=True)
    line = title_line(text, document.title)
    summary_year = plan_year = None
    matches = list(YEAR.finditer(line))
    for i, m in enumerate(matches):
        tail = line[m.end() : matches[i + 1].start() if i + 1 < len(matches) else len(line)]
        if _SUMMARY_WORDS.search(tail):
            summary_year = summary_year or int(m.group(1))
        elif _PLAN_WORDS.search(tail) or not _SUMMARY_WORDS.search(line):
            plan_year = plan_year or int(m.group(1))
    if (span := plan_span(line)) is not None and summary_year is None:
        plan_year = span[1]  # a multi-year plan's goals are for its last year
    reports = summary_year is not None or document.kind in ("summary", "status-table")
    titled = len(line) < 40 and bool(_KIND_WORDS.search(line))  # a sentence standing first is no title
    if not reports and plan_year is None and not titled and _reads_as_report(text):
        reports = True  # no genre in a title: a news item or briefing whose wording reports results
    plans = plan_year is not None or not reports
    if reports and summary_year is None:
        summary_year = document.year
    if plans and plan_year is None:
        plan_year = summary_year + 1 if summary_year and reports else document.year
    if plans and not reports and (end := horizon(text)) is not None:
        plan_year = end  # 2012年起5年内: the plan's goals are for the end of its horizon
    month = next((mo for word, mo in _QUARTER.items() if word in line), None)
    return DocPeriod(summary_year, plan_year, reports, plans, month, line)


def _reads_as_report(text: str) -> bool:
    """Whether past-tense wording clearly outweighs plan wording over the whole text."""
    past, plan = len(_PAST_CUES.findall(text)), len(_PLAN_CUES.findall(text))
    return past >= 3 and past > 1.5 * plan


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Paragraph(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


_ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.]|[(][一二三四五六七八九十\d]+[)]|\d{1,2}\s*[、.](?!\d)|第[一二三四五六七八九十]+部分)\s*")
_RESULT_HEADING = lexicon.words_pattern("result_headings")
#: A heading that ends in 情况 or 进展 reports, whatever it reports on (重点工作开展情况 and
#: 重点工作进展 are results, not 重点工作).
_REPORT_END = re.compile(r"(?:情况|工作进展)[:：]?$")
_GOAL_HEADING = lexicon.words_pattern("goal_headings")


@dataclass(frozen=True)
class Segment:
    """From ``start`` on, figures are ``kind`` of ``year`` (until the next segment)."""

    start: int
    kind: str
    year: int | None


def segments(paras: list[Paragraph], period: DocPeriod) -> list[Segment]:
    """Where the document's clock changes: headings that name a period
    (``一、2019年工作回顾``, ``二、2020年工作思路``, ``下一步工作打算``), else, for a
    results-first document without such headings, its first plan-like paragraph."""
    out: list[Segment] = []
    for p in paras:
        body = p.text.strip()
        if period.title and (body == period.title or period.title in body):
            continue
        seg = _heading_segment(body, p.start, period)
        if seg is not None:
            out.append(seg)
    if period.reports and period.plans and not period.headed and not any(s.kind == "target" for s in out):
        start = _plan_boundary(paras, period)
        if start is not None:
            out.append(Segment(start, "target", period.plan_year))
            out.sort(key=lambda s: s.start)
    return out


#: A heading dated relative to the document (二、今年经济社会发展的总体要求、主要预期目标…).
_RELATIVE_YEAR = re.compile(r"今年|明年|本年度|下一年")


def _heading_segment(body: str, start: int, period: DocPeriod) -> Segment | None:
    head = _ENUMERATOR.sub("", body)
    if len(head) > 40 or re.search(r"[。;,]", head.rstrip("。")):
        return None
    results, goals = bool(_RESULT_HEADING.search(head)), bool(_GOAL_HEADING.search(head))
    if results and goals and _REPORT_END.search(head):
        goals = False
    if results == goals:
        return None
    year_m = YEAR.search(head)
    five = _FIVE_YEAR.search(head)
    if year_m is None and five is not None and five.group(1) in _FIVE_YEAR_START:
        last = _FIVE_YEAR_START[five.group(1)] + 4  # “十三五”时期发展成就: results and goals of 2020
        return Segment(start, "actual" if results else "target", last)
    if year_m is None and len(head) > 16 and not _RELATIVE_YEAR.search(head):
        return None
    if results:
        return Segment(start, "actual", int(year_m.group(1)) if year_m else period.summary_year)
    return Segment(start, "target", int(year_m.group(1)) if year_m else period.plan_year)


def _plan_boundary(paras: list[Paragraph], period: DocPeriod) -> int | None:
    """Offset of the first plan-like paragraph after the results have begun
    (past-tense wording), so the preamble does not count as plan."""
    started = False
    for p in paras:
        body = _ENUMERATOR.sub("", p.text.strip())
        plan, past = len(_PLAN_CUES.findall(body)), len(_PAST_CUES.findall(body))
        lead_year = YEAR.match(body)
        if started:
            if lead_year and period.plan_year and int(lead_year.group(1)) == period.plan_year:
                return p.start
            if plan >= 2 and plan > 2 * past:
                return p.start
        if past >= 2 or (lead_year and period.summary_year and int(lead_year.group(1)) == period.summary_year):
            started = True
    return None


def segment_at(segs: list[Segment], pos: int) -> Segment | None:
    found = None
    for s in segs:
        if s.start > pos:
            break
        found = s
    return found


#: Words before a year that make it the time of its clause (到2020年, 力争2015年).
_TIME_LEAD = re.compile(r"(?:在|于|到|截至|截止|力争|确保|预计|计划)\s*$")
_NOT_A_PERIOD_AFTER = re.compile(r"\s*(?:起|以来|之前|前|[-—–~至])")
_CLAUSE_DELIMS = set(",;。:!?、|\n")


def clause_year(text: str, start: int, pos: int) -> int | None:
    """The last year in ``text[start:pos]`` that opens a clause (``2015年,全市实现…``,
    ``到2020年…``). A year inside an object (``完成2020年度考核``), a baseline
    (``比2015年``), a start (``自2009年起``) or a range (``2013-2017年``) does not
    say which year a figure is for."""
    found = None
    for m in YEAR.finditer(text, start, pos):
        i = m.start() - 1
        while i >= start and text[i] not in _CLAUSE_DELIMS:
            i -= 1
        head = _ENUMERATOR.sub("", text[i + 1 : m.start()])
        if head.strip() and not _TIME_LEAD.search(head):
            continue
        if _NOT_A_PERIOD_AFTER.match(text, m.end()):
            continue
        found = int(m.group(1))
    return found


_MONTH_RANGE = re.compile(r"\d{1,2}\s*[-~—至]\s*(\d{1,2})\s*月")
_UNTIL = re.compile(r"截至(?:\s*(?:19|20)\d{2}\s*年)?\s*(\d{1,2})\s*月")


def as_of(text: str, start: int, pos: int, year: int | None, default_month: int | None) -> str | None:
    """``1-9月`` / ``截至9月底`` before the figure (or the report's quarter) -> ``"2021-09"``."""
    if year is None:
        return None
    month = default_month
    for pattern in (_MONTH_RANGE, _UNTIL):
        for m in pattern.finditer(text, start, pos):
            month = int(m.group(1))
    if month is None or not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}"
