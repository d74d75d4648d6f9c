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
from typing import NamedTuple

from policykg.loaders import lexicon
from policykg.loaders.detect import GENERIC_REPORT_TITLE, names_no_genre
from policykg.loaders.types import DocumentRecord

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: A plan period: ``2021-2025年``, ``2021—2025年``, ``2021年至2025年``.
_YEAR_RANGE = re.compile(rf"((?:19|20)\d{{2}})\s*年?\s*(?:-|—|–|~|～|{lexicon.alternation('figures.range_words')})+"
                         r"\s*((?:19|20)\d{2})\s*年")
#: Five-year plans by their number: “十四五” is 2021-2025 (十五 2001, 十一五 2006 … every five years).
#: A five-year period's name (十三五, 二十五): the group is the key of ``_FIVE_YEAR_START``.
FIVE_YEAR = re.compile(r"(十[一二三四五六七八九]?|二十)五")
_FIVE_YEAR_START = {"十": 2001, "十一": 2006, "十二": 2011, "十三": 2016, "十四": 2021, "十五": 2026, "十六": 2031}


def plan_span(title: str) -> tuple[int, int] | None:
    """The years a multi-year plan covers, from its title: ``(2021-2025年)`` or “十四五”.

    A five-year plan is *about* its whole period: the document is dated by its first
    year, while its goals are for the last (``到2025年…``)."""
    if m := _YEAR_RANGE.search(title):
        first, last = int(m.group(1)), int(m.group(2))
        if 0 < last - first <= 15:
            return first, last
    if (m := FIVE_YEAR.search(title)) and "规划" in title:
        start = _FIVE_YEAR_START.get(m.group(1))
        if start:
            return start, start + 4
    return None
_SUMMARY_WORDS = lexicon.words_pattern("summary_titles")
#: Another document quoted in a title line (2025年省《政府工作报告》重点工作分工方案): its genre is not the title's.
_QUOTED = re.compile(r"[《〈][^《》〈〉]*[》〉]")
_PLAN_WORDS = lexicon.words_pattern("plan_titles")
#: A review verb right before a year (回顾了2012年), and how far before it may stand.
_REVIEW_BEFORE = lexicon.words_pattern("review_verbs")
_REVIEW_REACH = 4
_KIND_WORDS = re.compile(_SUMMARY_WORDS.pattern + "|" + _PLAN_WORDS.pattern)
#: How a line that carries on the one above opens (及, 暨: a title broken over two lines).
_CONTINUATIONS = tuple(e.word for e in lexicon.period_entries("title_continuations"))
#: A title that breaks a plan down into tasks (任务分解, 分工): its quoted or named report is its object, no genre.
_BREAKDOWN = re.compile(lexicon.alternation("metadata.responsibility_titles"))
#: The part of a year a title covers -> the month its actuals stand at (三季度 -> 9); the first found wins.
_QUARTER: dict[str, int] = {w: int(m) for w, m in lexicon.word_meanings("periods.quarters").items()}

#: Plan wording and past-tense wording, counted per paragraph (see ``plan_boundary``).
_PLAN_CUES = lexicon.words_pattern("goal_cues")
_PAST_CUES = lexicon.words_pattern("result_cues")


#: A plan's horizon stated in its opening: ``2012年起5年内`` / ``2012年起用5年时间`` (-> 2016).
_HORIZON = re.compile(rf"((?:19|20)\d{{2}})\s*年起\s*(?:{lexicon.alternation('periods.horizon_fillers')})?\s*"
                      rf"([1-9]|十|[一二三四五六七八九])\s*年(?:{lexicon.alternation('periods.horizon_tails')})")
_CN_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def horizon(text: str, head: int = 2000) -> int | None:
    """The last year of a horizon the plan states near its start, or None."""
    if (m := _HORIZON.search(text, 0, head)) is None:
        return None
    years = int(m.group(2)) if m.group(2).isdigit() else _CN_SMALL[m.group(2)]
    return int(m.group(1)) + years - 1


#: A span in brackets closing a figure's clause, within its sentence: …(2013—2017年)。
_SPAN_AFTER = re.compile(r"[^。;；!！?？,，\n()（）]{0,30}[(（]\s*((?:19|20)\d{2})\s*年?\s*"
                         rf"(?:-|—|–|~|～|{lexicon.alternation('figures.range_words')})+\s*"
                         r"((?:19|20)\d{2})\s*年?\s*[)）]\s*(?:[。;；!！?？\n]|$)")
#: A sentence end with more text after it: a line of sentences (完成…(2013—2017年)。上半年已全部完工。), never a title.
_SENTENCES = re.compile(r"[。;；!！?？]\s*\S")


def title_line(text: str, title: str = "") -> str:
    """The line that names the document's period: the metadata title when it has a
    year and a kind word, else the first such short line near the top."""
    if YEAR.search(title) and _KIND_WORDS.search(title):
        return title
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:25]:
        if len(line) <= 60 and YEAR.search(line) and _KIND_WORDS.search(line) and not _SENTENCES.search(line):
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


#: A government work report delivered from this month on reports on its own year (and plans the next).
LATE_REPORT_MONTH = 10


def doc_period(text: str, document: DocumentRecord) -> DocPeriod:
    if document.kind == "government-work-report" and document.year:
        # the report of year Y reviews Y-1 (actuals) and sets Y's goals; its headings switch between them.
        # One delivered late in its year (a new term's report in December) reviews that year and plans the next.
        late = document.date is not None and int(document.date[5:7]) >= LATE_REPORT_MONTH
        reviewed = int(document.date[:4]) if late and document.date else document.year - 1
        return DocPeriod(reviewed, reviewed + 1, True, True, None, document.title, headed=True)
    line = title_line(text, document.title)
    summary_year = plan_year = None
    outside = _QUOTED.sub("", line)
    if _BREAKDOWN.search(outside):  # 2023年区政府工作报告重点工作目标任务分解: the report is what is broken down
        outside = outside.replace(GENERIC_REPORT_TITLE, "")
    reading = outside if _KIND_WORDS.search(outside) else line  # the title's own genre words, when it has any
    matches = list(YEAR.finditer(reading))
    for i, m in enumerate(matches):
        if _REVIEW_BEFORE.search(reading, max(0, m.start() - _REVIEW_REACH), m.start()):
            summary_year = summary_year or int(m.group(1))  # 回顾了2012年的政府工作: the year reported on
            continue
        tail = reading[m.end() : matches[i + 1].start() if i + 1 < len(matches) else len(reading)]
        later_planned = i + 1 < len(matches) and bool(_PLAN_WORDS.search(reading[matches[-1].end() :]))
        if _SUMMARY_WORDS.search(tail) or _COMPLETED.search(tail) or (later_planned and not _PLAN_WORDS.search(tail)):
            summary_year = summary_year or int(m.group(1))  # 2015年福州市科技工作及2016年工作思路: 2015 is reviewed
        elif _PLAN_WORDS.search(tail) or not _SUMMARY_WORDS.search(reading):
            plan_year = plan_year or int(m.group(1))
    if (span := plan_span(line)) is not None and summary_year is None:
        plan_year = span[1]  # a multi-year plan's goals are for its last year
    generic = names_no_genre(line)  # 政府工作报告 alone: review or plan, the text says which
    genre_report = (not generic and len(line) < 40 and not re.search(r"[,，。]", line) and bool(_SUMMARY_WORDS.search(reading))
                    and not _PLAN_WORDS.search(reading))  # a report titled without a year: 科技局上年度述职报告
    reports = summary_year is not None or document.kind in ("summary", "status-table") or genre_report
    titled = not generic and len(line) < 40 and bool(_KIND_WORDS.search(line))  # a sentence standing first is no title
    if not reports and not titled and (_reads_as_report(text) or _opens_on_results(text)):
        reports = True  # no genre in a title: a news item or briefing whose wording reports results
        if summary_year is None and plan_year is not None:  # 2020年是…收官之年。一年来…: the year it reports on
            summary_year, plan_year = plan_year, None
    plans = plan_year is not None or not reports
    if reports and summary_year is None:
        summary_year = document.year
    if plans and plan_year is None:
        plan_year = summary_year + 1 if summary_year and reports else document.year
    if plans and not reports and (end := horizon(text)) is not None:
        plan_year = end  # 2012年起5年内: the plan's goals are for the end of its horizon
    month = next((mo for word, mo in _QUARTER.items() if word in line), None)
    return DocPeriod(summary_year, plan_year, reports, plans, month, line)


def cue_counts(text: str) -> tuple[int, int]:
    """(plan-like, past-tense) cue words in a stretch of text (the lexicon's goal_cues, result_cues); a goal
    word inside a result cue (计划 in 为年度计划的64.1%) is no goal."""
    past = _PAST_CUES.findall(text)
    return len(_PLAN_CUES.findall(_PAST_CUES.sub(" ", text))), len(past)


def _reads_as_report(text: str) -> bool:
    """Whether past-tense wording clearly outweighs plan wording over the whole text, or the text opens on
    the months it reports on (今年1—6月,全省…完成投资792.4亿元)."""
    plan, past = cue_counts(text)
    return (past >= 3 and past > 1.5 * plan) or MONTH_RANGE.search(text.lstrip()[:_OPENING_MONTHS]) is not None


#: How far into a text its opening may name the months it reports on (2020年1-7月, 今年1—6月).
_OPENING_MONTHS = 12


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
_REPORT_END = re.compile(rf"(?:{lexicon.alternation('periods.report_heading_ends')})[:：]?$")
_GOAL_HEADING = lexicon.words_pattern("goal_headings")
#: A heading that says its goals were met (各项目标任务高质量全面完成) reports results, goal word or not.
_COMPLETED = re.compile(lexicon.alternation("periods.completed_heading_words"))


@dataclass(frozen=True)
class Segment:
    """From ``start`` on, figures are ``kind`` of ``year`` (until the next segment)."""

    start: int
    kind: str
    year: int | None
    first: int | None = None  # a stretch about a span (“十四五”时期是…): its first year


class Prior(NamedTuple):
    """What a figure's place says of it before its own words are read (``targets._prior``)."""

    kind: str
    year: int | None
    first: int | None = None  # in a stretch about a span: its first year
    stretch_start: int = -1  # and where that stretch begins


def segments(paras: list[Paragraph], period: DocPeriod) -> list[Segment]:
    """Where the document's clock changes: headings that name a period
    (``一、2019年工作回顾``, ``二、2020年工作思路``, ``下一步工作打算``), else, for a
    results-first document without such headings, its first plan-like paragraph."""
    out: list[Segment] = []
    for i, p in enumerate(paras):
        body = p.text.strip()
        if period.title and (body == period.title or period.title in body):
            continue
        if (i > 0 and paras[i - 1].text.rstrip().endswith(("《", "〈"))) or (
            i + 1 < len(paras) and paras[i + 1].text.lstrip().startswith(("》", "〉"))
        ):
            continue  # a quoted title split over lines (《\n…2035年远景目标纲要\n》) is no heading
        if body.startswith(_CONTINUATIONS):
            continue  # 及2023年…计划草案的报告: the title's second line, no heading
        seg = _heading_segment(body, p.start, period)
        if seg is None and period.headed:
            seg = _span_opening(body, p.start, period)
        if seg is not None:
            out.append(seg)
    if period.reports and period.plans and not period.headed and not any(s.kind == "target" for s in out):
        start = _plan_boundary(paras, period)
        if start is not None:
            out.append(Segment(start, "target", period.plan_year))
            out.sort(key=lambda s: s.start)
    return out


#: A paragraph of a work report that opens on a span: “十四五”时期是…, 过去五年,…
_SPAN_OPENING = re.compile(rf"^(?:——)?\s*(?:{lexicon.alternation('periods.span_opening_leads')})?\s*"
                           r"(?:[“\"](十[一二三四五六七八九]?|二十)五[”\"]|(十[一二三四五六七八九]?|二十)五)"
                           rf"(?:{lexicon.alternation('periods.span_nouns')})")


def _span_opening(body: str, start: int, period: DocPeriod) -> Segment | None:
    """In a government work report a paragraph that opens on a five-year period or on the years just
    past (“十四五”时期是…, 过去五年,…) starts a stretch about that span, as a heading would: its
    figures are results when the span is over, else goals for its last year."""
    if period.summary_year is None:
        return None
    lead = body.find("。")
    if 0 < lead <= _FRAMING_SENTENCE and (m := _SPAN_OPENING.match(body[lead + 1 :]) or _back_span(body[lead + 1 :])):
        body, start = body[lead + 1 :], start + lead + 1  # 2015年是“十二五”收官之年。过去五年,…: the span opens the next one
    if m := _SPAN_OPENING.match(body):
        span = five_year_span(m.group(1) or m.group(2))
        if span is None:
            return None
        kind = "actual" if span[1] <= period.summary_year else "target"
        return Segment(start, kind, span[1], span[0])
    if n := _back_span(body):
        return Segment(start, "actual", period.summary_year, period.summary_year - n + 1)
    return None


#: The longest framing sentence (2015年是“十二五”收官之年。) a paragraph may open on before its span.
_FRAMING_SENTENCE = 30


def _back_span(body: str) -> int | None:
    """How many years back the span ``body`` opens on spans (过去五年,… -> 5), or None."""
    for pattern, direction in lexicon.span_patterns():
        m = pattern.match(body)
        if m and direction == "back" and (n := _count(m.group("n"))) and 2 <= n <= 15:
            return n
    return None


#: A heading dated relative to the document (二、今年经济社会发展的总体要求、主要预期目标…).
_RELATIVE_YEAR = re.compile(lexicon.alternation("periods.heading_relative_years"))


#: A figure in a line makes it a headline or a sentence, not a heading (今年预期目标:地区生产总值增7.5%-8%).
_FIGURE_IN_LINE = re.compile(rf"\d\s*(?:{lexicon.alternation('periods.figure_marks')})")


def _heading_kind(head: str) -> str | None:
    """Whether a heading (its number off) opens a part of results ("actual") or of goals ("target")."""
    if len(head) > 40 or re.search(r"[。;,]", head.rstrip("。")) or _FIGURE_IN_LINE.search(head):
        return None
    results, goals = bool(_RESULT_HEADING.search(head)), bool(_GOAL_HEADING.search(head))
    if results and goals and _REPORT_END.search(head) or _COMPLETED.search(head):
        results, goals = True, False
    return None if results == goals else "actual" if results else "target"


#: How many lines from the top a text's first numbered heading may stand.
_OPENING_LINES = 8


def _opens_on_results(text: str) -> bool:
    """Whether the first numbered heading near the top opens a part of results (一、主要指标任务完成情况):
    a notice on progress, whatever plan words its sentences use."""
    for line in text.lstrip().split("\n")[:_OPENING_LINES]:
        if _ENUMERATOR.match(line) and (kind := _heading_kind(_ENUMERATOR.sub("", line.strip()))) is not None:
            return kind == "actual"
    return False


#: A short heading that opens on a year (2019年主要工作): the year's part of the document.
_YEAR_HEADING = re.compile(r"^(?:19|20)\d{2}年[\u4e00-\u9fff]{1,12}$")


def _heading_segment(body: str, start: int, period: DocPeriod) -> Segment | None:
    head = _ENUMERATOR.sub("", body)
    kind = _heading_kind(head)
    if kind is None and head != body and _YEAR_HEADING.match(head) and period.plan_year is not None \
            and int(head[:4]) < period.plan_year:
        return Segment(start, "actual", int(head[:4]))  # 一、2019年主要工作 in a plan for 2020: the year reviewed
    if kind is None:
        return None
    results = kind == "actual"
    year_m = YEAR.search(head)
    five = FIVE_YEAR.search(head)
    if year_m is None and five is not None and five.group(1) in _FIVE_YEAR_START:
        last = _FIVE_YEAR_START[five.group(1)] + 4  # “十三五”时期发展成就: results and goals of 2020
        return Segment(start, "actual" if results else "target", last)
    if year_m is None and len(head) > 16 and not _RELATIVE_YEAR.search(head):
        return None
    if results:
        return Segment(start, "actual", int(year_m.group(1)) if year_m else period.summary_year)
    return Segment(start, "target", int(year_m.group(1)) if year_m else period.plan_year)


def holds_plan_part(text: str, reviewed: int, planned: int) -> bool:
    """Whether a text titled as a review of ``reviewed`` and a plan for ``planned`` holds its plan
    part: a heading that opens it (二、2016年工作思路, 三、下一步工作打算), or, with no such heading, a
    run of plan-like paragraphs after the results (a copy cut before its plan part holds none)."""
    paras = paragraphs(text)
    period = DocPeriod(reviewed, planned, True, True, None)
    headed = False
    for p in paras:
        seg = _heading_segment(_ENUMERATOR.sub("", p.text.strip()), p.start, period) if _ENUMERATOR.match(p.text) else None
        if seg is not None and seg.kind == "target" and seg.year == planned:
            return True
        headed = headed or (seg is not None and seg.kind == "actual")
    # a text that heads its review part heads its plan part too; only an unheaded one is read by its wording
    return not headed and _plan_boundary(paras, period) is not None


def _plan_boundary(paras: list[Paragraph], period: DocPeriod) -> int | None:
    """Offset of the first plan-like paragraph after the results have begun
    (past-tense wording), so the preamble does not count as plan."""
    started = False
    for p in paras:
        body = _ENUMERATOR.sub("", p.text.strip())
        plan, past = cue_counts(body)
        lead_year = YEAR.match(body)
        if started and not body.startswith(_CONTINUATIONS):
            if lead_year and period.plan_year and int(lead_year.group(1)) == period.plan_year:
                return p.start
            overview = period.summary_year is not None and f"{period.summary_year}年" in body
            if plan >= 2 and plan > 2 * past and not overview:
                return p.start  # (a paragraph naming the year reviewed too, 我向大会报告2022年…执行情况及2023年…草案,
                # introduces the whole report)
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
_TIME_LEAD = re.compile(r"(?:" + lexicon.words_pattern("time_leads").pattern + r")\s*$")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
#: After a year, what makes it a start or a range (2009年起, 2013-2017年), not the clause's year.
_NOT_A_PERIOD_AFTER = re.compile(rf"\s*(?:{lexicon.alternation('periods.not_a_period_after')})")
#: After a goal word, what makes it a label over the rest of its sentence (预期目标:, 目标是:).
_INTRODUCES = re.compile(rf"\s*(?:{lexicon.alternation('periods.label_copulas')})?\s*:")
_CLAUSE_DELIMS = set(",;。:!?、|\n")


def clause_year(text: str, start: int, pos: int, floor: int | None = None) -> int | None:
    """The last year in ``text[start:pos]`` that opens a clause (``2015年,全市实现…``,
    ``到2020年…``). A year inside an object (``完成2020年度考核``), a baseline
    (``比2015年``), a start (``自2009年起``) or a range (``2013-2017年``) does not
    say which year a figure is for."""
    found = None
    bound = start if floor is None else floor
    ranges = [(r.start(), r.end()) for r in _YEAR_RANGE.finditer(text, start, pos)]
    for m in YEAR.finditer(text, start, pos):
        if any(a <= m.start() < b for a, b in ranges):
            continue  # (2013—2017年): a span, read as one (FigureClock.span_before), not its last year alone
        i = m.start() - 1
        stop = max(bound, m.start() - 40)  # bounded: a clause head longer than this opens with no year
        while i >= stop and text[i] not in _CLAUSE_DELIMS:
            i -= 1
        head = _ENUMERATOR.sub("", text[i + 1 : m.start()])
        if _CJK_CHAR.search(head) and not _TIME_LEAD.search(head):
            continue  # a word before the year makes it an object; noise (F2 ^2009年) does not
        if _NOT_A_PERIOD_AFTER.match(text, m.end()):
            continue
        found = int(m.group(1))
    return found


MONTH_RANGE = re.compile(r"\d{1,2}\s*[-~—至]\s*(\d{1,2})\s*月")
#: How far after a planned figure its result word may stand (15个农村幸福院建设已完成8个), and what may not stand
#: between them (a bracket, a list mark, another number: 50%)、…正在施工中(75%) is no plan).
_PLANNED_NAME_MAX = 24
_NAME_BREAK = re.compile(r"[()（）、\d]")
_LEADING_NUMBER = re.compile(r"[\d.,]+")
#: Parts of the year (前三季度, 上半年, 下半年, 全年), longest first.
_YEAR_PART = re.compile("|".join(map(re.escape, sorted(_QUARTER, key=len, reverse=True))))


def _to_date(text: str, start: int, pos: int) -> bool:
    """Whether the last part of the year named before ``pos`` in its sentence is one gone by (前三季度,…完成投资
    90.5亿元), not the rest of the year (上半年完成70.5亿元,下半年需完成115.5亿元) nor the whole of it."""
    parts = [m.group(0) for m in _YEAR_PART.finditer(text, start, pos)]
    return bool(parts) and _QUARTER[parts[-1]] < 12


_UNTIL = re.compile(r"截至(?:\s*(?:19|20)\d{2}\s*年)?\s*(\d{1,2})\s*月")


def as_of(text: str, start: int, pos: int, year: int | None, default_month: int | None) -> str | None:
    """``1-9月`` / ``截至9月底`` before the figure (or the report's quarter) -> ``"2021-09"``."""
    if year is None:
        return None
    month = default_month
    for pattern in (MONTH_RANGE, _UNTIL):
        for m in pattern.finditer(text, start, pos):
            month = int(m.group(1))
    if month is None or not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}"


# ---------------------------------------------------------------- a figure's own sentence
#
# The document's clock (above) is a prior. Each figure is then read by its own words: a goal cue
# (力争, 拟, 任务是…) or a result cue (截至, 已, 实际完成…) before it, the year or span its sentence
# names (2016年, “十三五”期间, 过去五年, 三年内), an estimate (预计), an aggregate over a span
# (年均, 五年累计), the direction of a change (下降3%). The words are the lexicon's.

#: A five-year plan by its number, as a period (not 十五届 or 第十五次): “十三五”, 十三五期间.
_PERIOD_NAME = re.compile(
    r"[“\"‘'](十[一二三四五六七八九]?|二十)五[”\"’']|(十[一二三四五六七八九]?|二十)五"
    rf"(?={lexicon.alternation('periods.five_year_tails')})"
)
_PERIOD_AFTER = re.compile(rf"(?:{lexicon.alternation('periods.period_after')})")
_NAMES_A_PLAN = re.compile(rf"[^,;。:、|\n]{{0,14}}?(?:{lexicon.alternation('periods.plan_names')})")
#: After a goal label, what makes its clause report on the goal (目标任务完成情况): no goal stated.
_LABEL_REPORTS = re.compile(rf"[^,;。]{{0,2}}(?:{lexicon.alternation('periods.label_report_words')})")
#: Before a span counted forward, what makes it none (第三年内; 近三年内 counts back).
_NOT_FORWARD_BEFORE = frozenset(lexicon.words("periods.not_forward_before"))
#: After a word of change, what makes it a level reached (提高到65%): no direction.
_LEVEL_MARK = re.compile(rf"\s*(?:{lexicon.alternation('periods.level_marks')})")
_CN_COUNT = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def five_year_span(name: str) -> tuple[int, int] | None:
    """十三五 -> (2016, 2020)."""
    start = _FIVE_YEAR_START.get(name)
    return (start, start + 4) if start else None


def _count(n: str) -> int | None:
    if n.isdigit():
        return int(n)
    if len(n) == 1:
        return _CN_COUNT.get(n)
    if n.startswith("十") and len(n) == 2:
        return 10 + (_CN_COUNT.get(n[1]) or 0)
    return None


@dataclass(frozen=True)
class Reading:
    """What one figure is: its kind and year, the span it covers, and how it is meant."""

    kind: str
    year: int | None
    period_from: int | None = None
    period_to: int | None = None
    aggregate: str | None = None  # "average" (年均) or "total" (累计 over a span)
    basis: str | None = None  # "estimate" (预计), "baseline" (从X in 从X提高到Y)
    direction: str | None = None  # "up" or "down" for a change (下降3%); None for a level


@dataclass(frozen=True)
class _Cue:
    pos: int
    kind: str  # "target", "actual" or "item"


_ITEM_MARK = re.compile(r"\s*(?:[(（]\d{1,2}[)）]|[①-⑳]|\d{1,2}\s*[.、](?!\d)|[A-H][.、]|[一二三四五六七八九十]+是)")
_CLAUSE_SPLIT = re.compile(r"[,;。:!?，；：！？|\n]")
#: Where a figure's sentence ends, and how far from the figure a goal it is measured against is looked for.
_SENTENCE_SPLIT = re.compile(r"[;。!?；！？|\n]")
_GAP_REACH = 120


class FigureClock:
    """Reads figures, in text order, against the document's clock.

    Per paragraph it keeps (in one pass over the paragraph, so the whole read is linear):
    where goal labels and result cues stand (a report that states each task's goal and then its
    completion switches between them, and each numbered item starts with its goal), and which
    years open clauses (a year said early in a paragraph, ``2016年,…;全国技术合同成交额达…``,
    holds for the figures after it until another is said).
    """

    def __init__(self, text: str, period: DocPeriod, document: DocumentRecord, mask: list[bool] | None = None) -> None:
        self.text = text
        self.period = period
        self.document = document
        self.mask = mask
        self.span = plan_span(period.title) if period.title else None
        #: The last year whose results a figure can report: a report's own year, else the year before the document.
        self.past_until = (period.summary_year if period.reports and period.summary_year
                           else (document.year - 1 if document.year else None))
        stated = _HORIZON.search(text, 0, 2000)
        self.horizon_from = int(stated.group(1)) if stated else None  # 2012年起5年内: spans count from 2012
        self._para: tuple[int, int] | None = None
        self._cues: list[_Cue] = []
        self._carry_pos = 0
        self._carry: int | None = None
        self._carry_source = ""
        #: The year the document speaks in: a work report's own, a report's, else the document's.
        self.now = document.year if period.headed else (period.summary_year if period.reports else document.year)
        self._relative = lexicon.words_pattern("relative_years")
        self._target_cues = lexicon.words_pattern("target_cues")
        self._labels = lexicon.words_pattern("target_labels")
        self._actual_cues = lexicon.words_pattern("actual_cues")
        self._done_words = lexicon.words_pattern("done_after")
        self._gap_cues = lexicon.words_pattern("gap_cues")
        self._base_period = lexicon.words_pattern("base_periods")

    # -- per paragraph -------------------------------------------------------------------

    def _enter(self, floor: int, end: int) -> None:
        if self._para == (floor, end):
            return
        self._para = (floor, end)
        self._carry_pos, self._carry, self._carry_source = floor, None, ""
        cues: list[_Cue] = []
        start = floor
        for m in [*_CLAUSE_SPLIT.finditer(self.text, floor, end), None]:
            stop = m.start() if m else end
            clause = self.text[start:stop]
            mark = _ITEM_MARK.match(clause)
            body = clause[mark.end() :] if mark else clause.lstrip()
            if mark and start > floor:
                cues.append(_Cue(start, "item"))
            label = self._labels.match(body)
            if label and not _LABEL_REPORTS.match(body[label.end() :]):  # not 目标任务完成情况
                cues.append(_Cue(start, "target"))
            elif m is not None and self.text[stop] in ":：" and (tail := self._labels.search(clause)) and \
                    len(clause) - tail.end() <= 2:
                cues.append(_Cue(start + tail.start(), "target"))  # 2010年…的总体目标是: the figures after the colon
            for a in self._actual_cues.finditer(clause):
                cues.append(_Cue(start + a.start(), "actual"))
            start = stop + 1
        has_goal = any(c.kind == "target" for c in cues)
        has_result = any(c.kind == "actual" for c in cues)
        # Only a paragraph that states goals and then results switches by its cues (and resets to the
        # goal at each item); elsewhere a result cue speaks only for its own clause.
        self._cues = cues if has_goal and has_result else [c for c in cues if c.kind == "target"]

    def _state(self, pos: int) -> str | None:
        state = None
        for c in self._cues:
            if c.pos > pos:
                break
            state = "target" if c.kind in ("target", "item") else "actual"
        return state

    def _carried_year(self, floor: int, sstart: int) -> int | None:
        """The last year that opens a clause in the paragraph before the figure's sentence; a base period
        (去年同期21192万元) dates its own figure only."""
        if sstart > self._carry_pos:
            said, source = self._opening(self._carry_pos, sstart, floor, carry=True)
            if said is not None and not (source == "part" and self._carry_source == "past"):
                self._carry, self._carry_source = said, source
            self._carry_pos = sstart
        return self._carry

    def opening_year(self, start: int, pos: int, floor: int) -> int | None:
        """The last year that opens a clause in ``text[start:pos]``: written (2015年,…) or said from
        the document's own time (今年, 去年, 明年); 0 for the year of the part it stands in (全年), which
        after 在过去的一年里 is that year."""
        said, source = self._opening(start, pos, floor)
        if source == "part" and self._carry_source == "past" and self._para is not None and start >= self._para[0]:
            return self._carry
        return said

    def _opening(self, start: int, pos: int, floor: int, carry: bool = False) -> tuple[int | None, str]:
        found = clause_year(self.text, start, pos, floor)
        source = "written" if found is not None else ""
        where = -1
        if found is not None:
            where = max(m.start() for m in YEAR.finditer(self.text, start, pos) if int(m.group(1)) == found)
        if self.now is None:
            return found, source
        for m in self._relative.finditer(self.text, start, pos):
            if m.start() < where or (carry and self._base_period.match(self.text, m.end())):
                continue
            i = m.start() - 1
            stop = max(floor, m.start() - 40)
            while i >= stop and self.text[i] not in _CLAUSE_DELIMS:
                i -= 1
            head = _ENUMERATOR.sub("", self.text[i + 1 : m.start()])
            if _CJK_CHAR.search(head) and not _TIME_LEAD.search(head):
                continue
            shift = lexicon.relative_years()[m.group(0)]
            if shift == "part":
                found, source, where = 0, "part", m.start()  # 全年: the year of the part it stands in
                continue
            said = self.past_until if shift is None else self.now + int(shift)
            if said is not None:
                found, source, where = said, "past" if shift is None else "relative", m.start()
        return found, source

    # -- per figure ----------------------------------------------------------------------

    def own_cue(self, cstart: int, sstart: int, pos: int, label: int | None = None) -> str | None:
        """A goal or result cue before the figure in its own clause (the closest wins); ``label``, where a
        goal label before the figure's clause ends (``goal_label``), is a goal cue for the whole list."""
        if self._planned_then_done(pos):
            return "target"  # 15个农村幸福院建设已完成8个: the 15 is the plan the 8 are counted against
        best: tuple[int, str] | None = None
        for m in self._target_cues.finditer(self.text, cstart, pos):
            if self.text[m.end() : m.end() + 1] != "了":
                best = max(best or (m.start(), "target"), (m.start(), "target"))
        if best is None and label is not None:
            best = (sstart, "target")  # 主要预期目标:A增长9%,B增长18%: the label governs its list
        for m in self._actual_cues.finditer(self.text, sstart if sstart < cstart else cstart, pos):
            if m.start() < cstart and m.group(0) not in lexicon.sentence_actual_cues():
                continue  # only a time phrase speaks for the clauses after it
            if best is None or m.start() > best[0]:
                best = (m.start(), "actual")
        if best is None and (self._done_after(pos) or MONTH_RANGE.search(self.text, sstart, pos)
                             or _to_date(self.text, sstart, pos) or self._measured_against_goal(sstart, pos)):
            return "actual"  # …已完成; 2022年1-5月…总产值12051万元; 前三季度,…完成投资90.5亿元: a result to date
        return best[1] if best else None

    def _planned_then_done(self, pos: int) -> bool:
        """A result word after the figure in its clause, followed by another figure (2个嵌入式养老机构建设已完成1个,
        20公里休闲步行道已完成7.42公里): the first figure is what was planned."""
        end = self._end_within(_CLAUSE_SPLIT, pos)
        after = pos + len(number.group(0)) if (number := _LEADING_NUMBER.match(self.text, pos)) else pos
        done = self._done_words.search(self.text, after, min(end, after + _PLANNED_NAME_MAX))
        return done is not None and not _NAME_BREAK.search(self.text, after, done.start()) \
            and any(ch.isdigit() for ch in self.text[done.end() : end])

    def _end_within(self, pattern: re.Pattern[str], pos: int) -> int:
        """Where the figure's clause or sentence (``pattern``: what ends it) ends, read at most ``_GAP_REACH``
        characters on (a text without delimiters, a runaway line, costs no more per figure)."""
        limit = min(len(self.text), pos + _GAP_REACH)
        return m.start() if (m := pattern.search(self.text, pos, limit)) else limit

    def _measured_against_goal(self, sstart: int, pos: int) -> bool:
        """The figure's sentence measures it against its goal (增长6.1%,低于目标0.9个百分点): a result."""
        end = self._end_within(_SENTENCE_SPLIT, pos)
        return self._gap_cues.search(self.text, max(sstart, pos - _GAP_REACH), end) is not None

    def _done_after(self, pos: int) -> bool:
        """A result word after the figure closes its clause (625个村庄规划编制工作已完成, 32个项目均已开工建设),
        with no other figure after it for the word to speak of (20公里步行道已完成7.42公里: the 7.42)."""
        end = self._end_within(_CLAUSE_SPLIT, pos)
        done = self._done_words.search(self.text, pos, end)
        return done is not None and not any(ch.isdigit() for ch in self.text[done.end() : end])

    def goal_label(self, sstart: int, cstart: int) -> int | None:
        """Where a goal word ends that labels the rest of the sentence (预期目标:), in a clause before the figure's."""
        if sstart >= cstart:
            return None
        ends = [m.end() for m in self._target_cues.finditer(self.text, sstart, cstart) if _INTRODUCES.match(self.text, m.end())]
        return ends[-1] if ends else None

    def label_year(self, sstart: int, label: int | None) -> int | None:
        """The year a goal label ending at ``label`` names (提出了2019年主要预期目标:…): the figures it governs
        are that year's."""
        if label is None:
            return None
        years = [int(m.group(1)) for m in YEAR.finditer(self.text, sstart, label)]
        return years[-1] if years else None

    def span_after(self, pos: int) -> tuple[int, int, int] | None:
        """(first, last, where) of a span in brackets closing the figure's clause (2606个撤并村通公路(2013—2017年)。):
        a goal set over those years, its title in a progress report."""
        m = _SPAN_AFTER.match(self.text, pos)
        if m is None:
            return None
        first, last = int(m.group(1)), int(m.group(2))
        return (first, last, m.start(1)) if 0 < last - first <= 15 else None

    def span_before(self, sstart: int, pos: int) -> tuple[int, int, int] | None:
        """(first, last, where) of the span the sentence names before the figure, or None."""
        found: tuple[int, int, int] | None = None
        text = self.text
        for m in _PERIOD_NAME.finditer(text, sstart, pos):
            span = five_year_span(m.group(1) or m.group(2))
            if span is None or _in_book_title(text, sstart, m.start()):  # 《…“十四五”规划》 is a name
                continue
            if _NAMES_A_PLAN.match(text, m.end()) and not _PERIOD_AFTER.match(text, m.end()):
                continue  # 编制“十三五”高新技术产业发展规划: the plan's name, not the figure's span
            found = (span[0], span[1], m.start())
        for m in _YEAR_RANGE.finditer(text, sstart, pos):
            first, last = int(m.group(1)), int(m.group(2))
            if 0 < last - first <= 15 and not self._masked(m.start()) and (found is None or m.start() > found[2]):
                found = (first, last, m.start())
        for pattern, direction in lexicon.span_patterns():
            for m in pattern.finditer(text, sstart, pos):
                if direction == "since":  # 比2002年增长65.5%: a change over the years after the base year
                    since = self._since(int(m.group("y")), text, sstart, pos)
                    if since is not None and (found is None or m.start() > found[2]):
                        found = (*since, m.start())
                    continue
                n = _count(m.group("n"))
                if n is None or n < 2 or n > 15 or (found is not None and m.start() < found[2]):
                    continue
                if text[max(sstart, m.start() - 1) : m.start()] in _NOT_FORWARD_BEFORE and direction == "forward":
                    continue
                if direction == "back" and self.past_until is not None:
                    found = (self.past_until - n + 1, self.past_until, m.start())
                elif direction == "forward" and self.horizon_from is not None:
                    found = (self.horizon_from, self.horizon_from + n - 1, m.start())  # 2012年起5年内: 2012-2016
                elif direction == "forward" and self.document.year is not None:
                    found = (self.document.year + 1, self.document.year + n, m.start())
        return found

    def _since(self, base: int, text: str, sstart: int, pos: int) -> tuple[int, int] | None:
        """(first, last) of a change since ``base``: up to the latest year the sentence names before the
        figure (到2020年…比2010年翻一番, 2005年与2000年相比), else the year the document reviews; None for a
        change on the year before (比2018年 in a review of 2019), which is one year's figure, or when
        neither end is known."""
        named = [int(y.group(1)) for y in YEAR.finditer(text, sstart, pos)]
        last = max(named) if named and max(named) > base else self.past_until
        return (base + 1, last) if last is not None and last - base >= 2 else None

    def _masked(self, pos: int) -> bool:
        return bool(self.mask and pos < len(self.mask) and self.mask[pos])

    def read(
        self, pos: int, sstart: int, cstart: int, floor: int, para_end: int,
        prior: Prior, in_cell: bool = False,
    ) -> Reading:
        """The figure at ``pos`` whose sentence starts at ``sstart`` and clause at ``cstart``; ``prior``
        is what its place in the document gives it (kind, year, and a span stretch it stands in)."""
        kind, year, prior_first, stretch_start = prior
        text = self.text
        left = text[cstart:pos]
        cue = state = label = None
        if not in_cell:
            self._enter(floor, para_end)
            state = self._state(pos)
            label = self.goal_label(sstart, cstart)
            cue = self.own_cue(cstart, sstart, pos, label)
        span = self.span_before(sstart, pos) or self.span_after(pos)
        carried = self._carried_year(floor, sstart) if not in_cell else None
        said = self.opening_year(sstart, pos, floor) if span is None else None
        own = said is not None  # the figure's own sentence names its year
        if said is None and span is None:
            said = self.label_year(sstart, label) or carried
        said = said or None  # 0: the part's own year (全年)
        # In a stretch about a span, a year carried from the paragraph's opening before the stretch began
        # (2015年是…收官之年。过去五年,…) is the span's last year, not the figure's own.
        in_stretch = prior_first is not None and year is not None and not own and (
            said is None or (said == year and stretch_start > floor))
        period_from = period_to = None
        if span is not None:
            period_from, period_to, _ = span
            year = period_to
            if cue is None and state is None and self.past_until is not None:
                kind = "actual" if period_to <= self.past_until else "target"
        elif said is not None and (own or not in_cell) and not in_stretch:
            if cue is None and state is None and year is not None and said != year:
                if kind == "target" and (said < year and (self.past_until is None or said <= self.past_until)):
                    kind = "actual"
                elif kind == "actual" and said > year:
                    kind = "target"
            year = said
        elif in_stretch:
            period_from, period_to = prior_first, year  # in a stretch about “十三五”时期 or 过去五年
        kind = cue or state or kind
        aggregate = None
        if lexicon.words_pattern("average_cues").search(left):
            aggregate = "average"
        elif period_from is not None and lexicon.words_pattern("total_cues").search(text[sstart:pos]):
            aggregate = "total"  # 五年累计, 十三五期间累计
        if aggregate and period_from is None and self.span and kind == "target":
            period_from, period_to = self.span
        basis = "estimate" if lexicon.words_pattern("estimate_cues").search(text[sstart:pos]) else None
        return Reading(kind, year, period_from, period_to, aggregate, basis, direction(text, cstart, pos))


def _in_book_title(text: str, start: int, pos: int) -> bool:
    before = text[start:pos]
    return before.count("《") > before.count("》")


def direction(text: str, cstart: int, pos: int) -> str | None:
    """up or down for a change stated right before the figure (下降3%); None for a level (降至4.8%)."""
    left = text[max(cstart, pos - 12) : pos]
    best: tuple[int, str] | None = None
    for family, way in (("direction_down", "down"), ("direction_up", "up")):
        for m in lexicon.words_pattern(family).finditer(left):
            tail = left[m.end() :]
            if _LEVEL_MARK.match(tail) or re.search(r"[\u4e00-\u9fff]{3,}", tail):
                continue  # a level reached, or the word belongs to an earlier phrase
            if best is None or m.start() > best[0]:
                best = (m.start(), way)
    return best[1] if best else None
