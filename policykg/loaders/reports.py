"""Government work reports (政府工作报告): who speaks for which government, and for which year.

A report of year Y is read to the people's congress early in Y: it reviews Y-1 (its
figures are actuals of Y-1) and sets the 主要预期目标 of Y (targets of Y). It rarely has a
metadata block or even a title in the copies that circulate, so its own wording is the
evidence: ``我代表国务院/省人民政府，向大会报告…`` (the lexicon's ``report_markers``), the
year in its part headings (``一、2014年工作回顾`` / ``二、2015年工作总体部署``), and the
congress or the governor's post (``在广东省第十四届人民代表大会…``, ``广东省省长``) for the
region when the speaker says only 省人民政府.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders import lexicon

_PLACE = rf"[\u4e00-\u9fa5]{{2,12}}?(?:{lexicon.alternation('metadata.place_endings')})"
_SPEAKER = re.compile(rf"我代表(国务院|[\u4e00-\u9fa5]{{0,12}}?人民政府|[{lexicon.char_class('metadata.speaker_levels')}]政府)")
_HEADING_YEAR = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(][一二三四五六七八九十]{1,3}[)])?\s*((?:19|20)\d{2})\s*年")
#: 2013年是全面贯彻…的开局之年 / 2011年,是“十二五”开局之年: the report's year, unless the review opens so
#: (2022年是党和国家历史上极为重要的一年): weaker evidence than the delivery date.
_YEAR_IS = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*[,，]?\s*是")
#: The congress the report is read to: a county's, or a town's (在坡头镇第十一届\n人民代表大会: a line may break after 届).
_CONGRESS_PLACE = re.compile(rf"在({_PLACE}|[\u4e00-\u9fa5]{{2,6}}?(?:{lexicon.alternation('metadata.town_levels')}))"
                             r"第[一二三四五六七八九十]+届\s*人民代表大会")
#: ``广东省省长``, ``珠海市代市长``: the head of the government (acting or not) after the place.
_GOVERNOR_PLACE = re.compile(rf"^({_PLACE})(?:{'|'.join('代?' + re.escape(w) for w in lexicon.words('metadata.head_posts'))})")
_TITLE_PLACE = re.compile(rf"((?:19|20)\d{{2}})年({_PLACE})人民政府工作报告")
#: Speakers that name no government of their own (我代表市人民政府): the region's government speaks.
_GENERIC_GOVERNMENTS = frozenset(lexicon.words("metadata.generic_governments"))
_HEAD_CHARS = 4000


@dataclass(frozen=True)
class ReportFacts:
    year: int | None  # the report's year from its part headings: its goals are for it, its review for the year before
    issuer: str | None
    region: str | None
    opening_year: int | None = None  # 2013年是…之年, or a part heading's year: the report's year unless it is dated


def _heading_years(text: str) -> tuple[int | None, int | None, int | None]:
    """(review year, plan year, other year) from the part headings: the first heading that reports
    results, the first that sets goals, and the first that does neither (三、2011年的工作 after a
    review of “十一五”: weak evidence, a sub-heading of the review may read so too)."""
    results = lexicon.words_pattern("result_headings")
    goals = lexicon.words_pattern("goal_headings")
    review = plan = other = None
    for line in text.split("\n"):
        line = line.strip()
        if len(line) > 40:
            continue
        m = _HEADING_YEAR.match(line)
        if m is None:
            continue
        year = int(m.group(1))
        if review is None and results.search(line):
            review = year
        elif plan is None and goals.search(line):
            plan = year
        elif other is None and not results.search(line):
            other = year
    return review, plan, other if review is None or (other is not None and other > review) else None


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside 《…》 or 〈…〉 on its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    return before.count("《") + before.count("〈") > before.count("》") + before.count("〉")


def report_facts(text: str) -> ReportFacts | None:
    """The report's year, issuer and region, or None when the text is no government work report."""
    head = text[:_HEAD_CHARS]
    if not any(not _quoted(head, m.start()) for p in lexicon.report_markers() for m in p.finditer(head)):
        return None  # a notice that quotes 《…政府工作报告》 is no report itself
    review, plan, other = _heading_years(text)
    year = plan or (review + 1 if review else None)
    region = None
    for pattern in (_TITLE_PLACE, _CONGRESS_PLACE):
        if m := pattern.search(head):
            region = m.group(pattern.groups)
            if pattern is _TITLE_PLACE and year is None:
                year = int(m.group(1))
            break
    if region is None:
        for line in head.split("\n")[:20]:
            if m := _GOVERNOR_PLACE.match(line.strip()):
                region = m.group(1)
                break
    issuer = None
    if m := _SPEAKER.search(head):
        speaker = m.group(1)
        if speaker == "国务院":
            issuer = speaker
        elif speaker in _GENERIC_GOVERNMENTS:
            issuer = f"{region}人民政府" if region else None
        else:
            issuer = speaker
    elif region:
        issuer = f"{region}人民政府"
    opening = next((int(m.group(1)) for line in text.split("\n") if (m := _YEAR_IS.match(line))), other)
    return ReportFacts(year=year, issuer=issuer, region=region, opening_year=opening)
