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

_SPEAKER = re.compile(r"我代表(国务院|[\u4e00-\u9fa5]{0,12}?人民政府|[省市区县]政府)")
_HEADING_YEAR = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(][一二三四五六七八九十]{1,3}[)])?\s*((?:19|20)\d{2})\s*年")
_YEAR_IS = re.compile(r"^\s*((?:19|20)\d{2})\s*年是")  # 2013年是全面贯彻…的开局之年: the report's year
_CONGRESS_PLACE = re.compile(r"在([\u4e00-\u9fa5]{2,12}?(?:省|自治区|市|州|盟|县|区|旗))第[一二三四五六七八九十]+届人民代表大会")
_GOVERNOR_PLACE = re.compile(r"^([\u4e00-\u9fa5]{2,12}?(?:省|自治区|市|州|盟|县|区|旗))(?:代?省长|代?市长|代?州长|代?县长|代?区长|代?主席|代?盟长|代?旗长)")
_TITLE_PLACE = re.compile(r"((?:19|20)\d{2})年([\u4e00-\u9fa5]{2,12}?(?:省|自治区|市|州|盟|县|区|旗))人民政府工作报告")
_HEAD_CHARS = 4000


@dataclass(frozen=True)
class ReportFacts:
    year: int | None  # the report's year: its goals are for it, its review for the year before
    issuer: str | None
    region: str | None


def _heading_years(text: str) -> tuple[int | None, int | None]:
    """(review year, plan year) from the part headings: the first heading that reports
    results and the first that sets goals."""
    results = lexicon.words_pattern("result_headings")
    goals = lexicon.words_pattern("goal_headings")
    review = plan = None
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
    if plan is None:
        plan = next((int(m.group(1)) for line in text.split("\n") if (m := _YEAR_IS.match(line))), None)
    return review, plan


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
    review, plan = _heading_years(text)
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
        elif speaker in ("省人民政府", "市人民政府", "县人民政府", "区人民政府", "省政府", "市政府", "区政府", "县政府"):
            issuer = f"{region}人民政府" if region else None
        else:
            issuer = speaker
    elif region:
        issuer = f"{region}人民政府"
    return ReportFacts(year=year, issuer=issuer, region=region)
