"""Document metadata from the text: title, issuer, region, year, date, 文号, 索引号.

Plans arrive as official files (cover letter, title, signature and date) or as
web pages (breadcrumbs, a 索引号/发布机构/发文日期 block, 来源 lines). The rules
below read the evidence both kinds carry, in order of trust:

* title: the first short line naming a kind of plan (工作要点, 责任分解, 工作总结…)
  that is not page chrome or the cover letter that quotes it;
* issuer: a full agency name (one that says its place, 浙江省科学技术厅) beats a
  short one (省科技厅), and a body's full form (科学技术部) beats its contraction (科技部)
  when both occur; sources are the title's leading agency, a signature line,
  the 发布机构 / 来源 fields; a short one is kept as written when nothing better exists;
* region: the issuer's place; 全国 for a central issuer (国务院办公厅, 科学技术部); else the place of the issuer's level (市 for
  市科技局) that the text names most often;
* year: the year the plan is for: the latest year in the title (a 2015 summary
  with the 2016 plan is a 2016 document), else the date's year. A multi-year plan
  (``“十四五”…规划(2021-2025年)``) is dated by its *first* year: the gold schema's
  ``year`` is "the year the figure is for", and a five-year plan's own figures
  carry their years (``到2025年`` -> 2025, see ``periods.plan_span``), so the
  document year says when the plan starts to apply, which is how such plans are
  filed and compared (the 2021 plan, not a 2025 document written in 2021).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from policykg.loaders import lexicon
from policykg.loaders.detect import GENERIC_REPORT_TITLE
from policykg.loaders.periods import FIVE_YEAR, five_year_span, holds_plan_part, plan_span
from policykg.loaders.reports import ReportFacts
from policykg.loaders.tables import unwrap_single_cell
from policykg.ontology import regions

#: Province short name -> the full name its region is written as (湖北 -> 湖北省, 广西 -> 广西壮族自治区).
_PROVINCE_NAMES: dict[str, str] = {str(k): str(v) for k, v in lexicon.word_meanings("metadata.provinces").items()}
_PROVINCES = tuple(_PROVINCE_NAMES)
#: Municipalities (北京, 上海): provinces written as cities, the short name then 市.
_MUNICIPALITIES = tuple(short for short, full in _PROVINCE_NAMES.items() if full == short + "市")
_PROVINCE_RE = re.compile(
    "(" + "|".join(sorted(_PROVINCES, key=len, reverse=True)) + f")({lexicon.alternation('metadata.province_suffixes')})?"
)
#: Written provinces under which a city needs no repeating of the province (浙江省杭州市 -> 杭州市).
_PROVINCE_FULL_ENDINGS = lexicon.words("metadata.province_full_endings")
#: The level a short agency name opens with (省科技厅, 市政府): the government levels a speaker names.
_SHORT_LEVELS = lexicon.words("metadata.speaker_levels")
_SHORT_LEVEL = lexicon.alternation("metadata.speaker_levels")
#: Place levels from the province down (省, 市, 县, 区, 州, 盟, 旗); the first is the province's.
_PLACE_LEVELS = lexicon.words("roles.place_levels")
#: A level written alone, for no place (省, 市, 自治区…): 自治区科技厅 names a level, like 省科技厅.
_LEVEL_ALONE = rf"{_SHORT_LEVEL}|自治[{lexicon.char_class('metadata.autonomous_levels')}]"

_AGENCY_END = f"(?:{lexicon.alternation('metadata.issuer_endings')})"
_AGENCY = re.compile(rf"[\u4e00-\u9fa5]{{1,16}}?{_AGENCY_END}")
_TITLE_WORDS = re.compile(lexicon.alternation("metadata.title_words"))
_CHROME = re.compile(
    rf"[|>]|{lexicon.alternation('metadata.chrome_words')}|(?:{lexicon.alternation('metadata.chrome_labels')})[:：]")
_QUOTED = re.compile(r"[《〈][^《》〈〉]*[》〉]")
_LABEL = r"\s*[:：]?\s*\|?\s*"


def _label(name: str) -> re.Pattern[str]:
    """A field label that tolerates spaces between its characters (索 引 号, 文    号)."""
    return re.compile(r"\s*".join(name) + _LABEL)


_INDEX_NO = re.compile(_label("索引号").pattern + r"([0-9A-Za-z][0-9A-Za-z/\-_.]{5,40})")
_DOC_NO_VALUE = r"([\u4e00-\u9fa5]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号)"
#: The document-number labels are regular expressions (文 号 may be spaced), joined as written.
_DOC_NO_FIELD = re.compile("(?:" + "|".join(lexicon.words("metadata.doc_no_labels")) + ")" + _LABEL + _DOC_NO_VALUE)
_DOC_NO_LINE = re.compile(r"^[(（]?" + _DOC_NO_VALUE + r"[)）]?$")  # (梧政发〔2012〕3号) under a title
_ISSUER_FIELD = re.compile(f"(?:{lexicon.alternation('metadata.issuer_labels')})" + _LABEL + r"([\u4e00-\u9fa5]{2,30})")
_DATE_FIELD = re.compile(f"(?:{lexicon.alternation('metadata.date_labels')})" + _LABEL + r"([^\s|]{6,20})")

_ISO = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DATE = re.compile(r"([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass
class DocumentMeta:
    title: str = ""
    issuer: str | None = None
    region: str | None = None
    year: int | None = None
    date: str | None = None
    doc_no: str | None = None
    index_no: str | None = None


# ---------------------------------------------------------------- dates


def _cn_number(s: str) -> int:
    """一 .. 三十一 as an int (month and day numerals)."""
    if "十" not in s:
        return _CN_DIGITS[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])")


def parse_date(s: str) -> str | None:
    """An ISO date from ``2015年1月22日``, ``2015-01-22``, ``2015.1.22``, ``22.01.2015`` or ``二〇一五年一月二十二日``."""
    if m := _ISO.search(s):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _DMY.search(s):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _CN_DATE.search(s):
        y = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
        mo, d = _cn_number(m.group(2)), _cn_number(m.group(3))
    else:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _is_date_line(line: str) -> bool:
    rest = _ISO.sub("", line) if _ISO.search(line) else _DMY.sub("", _CN_DATE.sub("", line))
    return rest != line and len(re.sub(r"[\s\d:：]", "", rest)) == 0


# ---------------------------------------------------------------- title


def find_title(lines: list[str]) -> str:
    """The document's title: a short line naming a kind of plan, not chrome nor the cover letter."""
    head = lines[:40] if len(lines) <= 3 else lines[: min(40, len(lines) - 1)]  # the last line of a cut page is no title
    for ln in head:
        if _is_title(ln):
            return ln.strip("《》 ")
    for ln in lines[:40]:  # a cover letter quoting the title: 现将《…》印发给你们
        if m := re.search(r"《([^《》]{4,60})》", ln):
            return m.group(1)
    return next((ln[:60] for ln in lines if not _CHROME.search(ln)), lines[0][:60] if lines else "")


#: A numbered heading (一、工作思路 / (一) / 1.) is a part of the document, not its title.
_HEADING_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]+"""
    f"[{lexicon.char_class('metadata.heading_part_marks')}])")


#: A cover letter's words (现将《…》印发给你们): a line quoting a title with them is the letter, not the title.
_COVER_LETTER = re.compile(lexicon.alternation("metadata.cover_letter_words"))


def _is_title(line: str) -> bool:
    if not 4 <= len(line) <= 60 or _CHROME.search(line) or not _TITLE_WORDS.search(line):
        return False
    if _HEADING_NUMBER.match(line):
        return False
    if re.search(r"[。,，:：;；]", line) or line.endswith(("。", ":", "：")):
        return False
    if "《" in line and not (line.startswith("《") and line.endswith("》")):
        # a title may quote another (国务院关于落实《政府工作报告》…的意见, 省《政府工作报告》…分工方案)
        # when its own genre word stands outside the quotes
        outside = _QUOTED.sub("", line)
        if "《" in outside or not _TITLE_WORDS.search(outside) or _COVER_LETTER.search(line):
            return False
    return not _is_date_line(line)


# ---------------------------------------------------------------- issuer and region


def _complete(agency: str) -> bool:
    """Whether an agency name says its place (浙江省科学技术厅) rather than only its level (省科技厅)."""
    return bool(_PROVINCE_RE.match(agency)) or bool(_LOCAL_PLACE.match(agency)) and not _NO_PLACE_OPENING.match(agency)


#: A name that opens with a place below the province (杭州市…, 鄞州区…).
_LOCAL_PLACE = re.compile(rf"^[\u4e00-\u9fa5]{{2,8}}?({'|'.join(_PLACE_LEVELS[1:])})")
#: A name that opens with a level or a word for no place (省科技厅, 全市, 本局, 自治区科技厅).
_NO_PLACE_OPENING = re.compile(rf"^({_LEVEL_ALONE}|{lexicon.alternation('metadata.not_place_openers')})")


def _agency_in(s: str) -> str | None:
    m = re.fullmatch(rf"[\u4e00-\u9fa5]{{2,20}}?{_AGENCY_END}", s)
    return m.group(0) if m else None


def _title_agency(title: str) -> str | None:
    """The agency a title starts with: 浙江省科学技术厅2021年度… / 省科技厅关于… / 科技部部署2017年… /
    市科技局工作总结报告."""
    m = re.match(
        rf"^([\u4e00-\u9fa5]{{2,20}}?{_AGENCY_END})"
        rf"(?=(?:19|20)\d{{2}}|{lexicon.alternation('metadata.title_agency_follows')}|[\u4e00-\u9fa5]{{0,4}}年|"
        rf"[\u4e00-\u9fa5]{{0,4}}(?:19|20)\d{{2}}|工作(?:{lexicon.alternation('metadata.work_genres')}))",
        title,
    )
    return m.group(1) if m else None


#: Agencies opening a notice's title line together (临海市发展和改革局 临海市科学技术局 关于印发…): a joint issue.
_JOINT = re.compile(rf"^((?:[\u4e00-\u9fa5]{{2,20}}?{_AGENCY_END}[\s、,，]+){{1,4}}[\u4e00-\u9fa5]{{2,20}}?{_AGENCY_END})(?=\s*(?:关于|(?:19|20)\d{{2}}\s*年))")
#: An agency that issues the document the text reports on: 国务院印发关于…的意见 / 國務院印發《…》.
_ISSUES = re.compile(rf"(?:^|[,，。\s])([\u4e00-\u9fa5]{{2,20}}?{_AGENCY_END})(?:{lexicon.alternation('metadata.issue_adverbs')})?"
                     rf"印[{lexicon.char_class('metadata.issue_verb_ends')}](?:了)?(?:{lexicon.alternation('metadata.issue_objects')})")


def _joint_issuer(line: str) -> str | None:
    """``A局 B局 关于印发…``: the agencies that issue together, joined by 、 (each must say its place)."""
    m = _JOINT.match(line.replace("|", " ").strip())
    if m is None:
        return None
    names = [n for n in re.split(r"[\s、,，]+", m.group(1)) if n]
    if len(names) < 2 or not all(_complete(n) for n in names):
        return None
    return "、".join(names)


#: A date or time stamp before a signature (2021年3月2日 浙江省科学技术厅).
_DATE_STAMP = re.compile(rf"^[\d\-/.:：\s{lexicon.char_class('metadata.date_stamp_chars')}]+")


def find_issuer(lines: list[str], title: str) -> str | None:
    """The issuing agency, preferring a name that says its place."""
    candidates: list[str] = []
    head = lines[:40]
    tail = lines[-8:]
    for ln in head[:15]:
        if joint := _joint_issuer(ln):
            return joint
    if agency := _title_agency(title):
        candidates.append(agency)
    for ln in head[:15]:
        if m := _ISSUES.search(ln):
            candidates.append(m.group(1))
    for ln in head + tail:  # a signature line: the agency alone, or after a date/time stamp
        bare = _DATE_STAMP.sub("", ln).strip()
        if (agency := _agency_in(bare)) and bare != title:
            candidates.append(agency)
    for ln in head:
        for m in _ISSUER_FIELD.finditer(ln):
            if agency := _agency_in(m.group(1)):
                candidates.append(agency)
    opening = next((ln for ln in head if len(ln) >= 40 and not _CHROME.search(ln)), "")
    if speaker := _speaking_body(" ".join([*lines[:3], opening])):
        candidates.append(speaker)
    for ln in head[:12]:  # a red-header file: 胶州市科技和工业信息化局文件
        if (m := re.fullmatch(r"(.{2,24}?)文件", ln.replace(" ", ""))) and (agency := _agency_in(m.group(1))):
            candidates.append(agency)
    chosen = next((a for a in candidates if _complete(a)), candidates[0] if candidates else None)
    if chosen is None:
        return None
    fuller = [a for a in candidates if _abbreviates(chosen, a)]
    chosen = max(fuller, key=len) if fuller else chosen
    office = _DEPARTMENT_OFFICE.match(chosen)
    return office.group(1) if office else chosen


#: An agency as the subject of a report's opening (今年以来,市科技局全体干部职工在…): who reports.
_SPEAKING_BODY = re.compile(
    rf"(?:^|[,，。:：;；\s])([\u4e00-\u9fa5]{{1,12}}?(?:{lexicon.alternation('metadata.speaking_body_endings')})"
    r"(?:[(（][\u4e00-\u9fa5]{1,6}[)）])?)"
    rf"(?={lexicon.alternation('metadata.speaking_cues')}|对\s*(?:19|20)\d{{2}}|"
    rf"在[^,，。;；]{{0,24}}?(?:{lexicon.alternation('metadata.guidance_words')}))")


def _speaking_body(head: str) -> str | None:
    """The agency a summary or briefing speaks for, from its opening words (the longest named):
    市科技局全体干部职工…, 围场县科技局对2012年工作进行了全面总结, 鄞州区科技局(科协)在区委…领导下."""
    found = [m.group(1) for m in _SPEAKING_BODY.finditer(head[:400])]
    return max(found, key=len) if found else None


#: A department's own general office (工业和信息化部办公厅, 科技厅办公室) sends out the department's
#: plan: the plan, and so the issuer, is the department's. A government's general office
#: (国务院办公厅, 河南省人民政府办公厅) issues in its own name and stays.
_DEPARTMENT_OFFICE = re.compile(rf"^([\u4e00-\u9fa5]{{2,20}}?(?<!政府)(?:{lexicon.alternation('metadata.department_endings')}))"
                                rf"(?:{lexicon.alternation('metadata.office_endings')})$")


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is a contraction of ``full`` (科技部 of 科学技术部): same first and last
    character, the rest in order. The title often uses the short form and the signature the
    full one; both name the same body, and the full name is the one to keep."""
    if len(full) <= len(short) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


_CITY_PREFIX = re.compile(rf"^([\u4e00-\u9fa5]{{2,6}}?(?:{lexicon.alternation('metadata.city_levels')}))(?=[\u4e00-\u9fa5])")
_COUNTY_PREFIX = re.compile(rf"^([\u4e00-\u9fa5]{{2,6}}?(?:{lexicon.alternation('metadata.county_levels')}))(?=[\u4e00-\u9fa5])")
#: A level alone opening a place prefix (市…, 自治区…) is no place.
_LEVEL_ALONE_RE = re.compile(rf"^({_LEVEL_ALONE})")


def _region_of(name: str) -> str | None:
    """The places an agency name starts with, as written: 杭州市科委 -> 杭州市, 湖北省科技厅 -> 湖北省,
    包头市昆都仑区科技局 -> 包头市昆都仑区 (the chain a reader sees; the gazetteer resolves it)."""
    place = None
    written = ""
    rest = name
    if m := _PROVINCE_RE.match(rest):
        place = _PROVINCE_NAMES[m.group(1)]
        written = rest[: m.end()]
        rest = rest[m.end() :]
    for pattern in (_CITY_PREFIX, _COUNTY_PREFIX):  # the innermost place named wins
        if (m := pattern.match(rest)) and not _LEVEL_ALONE_RE.match(m.group(1)):
            place = m.group(1) if not written or written.endswith(_PROVINCE_FULL_ENDINGS) else written + m.group(1)
            written = place
            rest = rest[m.end() :]
    if place and written and written != place and written[-1] in _PLACE_LEVELS and _known(written):
        return written  # a chain of full names the gazetteer knows (包头市昆都仑区), as written
    return place


def _known(name: str) -> bool:
    """Whether the gazetteer resolves a place name (or a written chain of them)."""
    return regions.lookup(name) is not None


#: A place name that opens an institution's or an event's name is not where a document is about.
_INSTITUTION_AFTER = re.compile(f"(?:{lexicon.alternation('metadata.institution_words')})")


def _named_place(text: str) -> str | None:
    """The place a text names most, by the gazetteer, when one clearly leads (counted once per
    mention; a place opening an institution or event name, 四川大学 or 汶川地震, does not count)."""
    g = regions.gazetteer()
    counts = g.mentions(_INSTITUTION_NAMES.sub(" ", text))
    ranked = counts.most_common()
    if not ranked:
        return None
    tied = [code for code, n in ranked if n == ranked[0][1]]
    if len(tied) > 1:  # 海南 names 海南省 and 海南藏族自治州 alike: the province is meant
        provinces = [code for code in tied if g.by_code[code].level == "province"]
        return g.by_code[provinces[0]].name if len(provinces) == 1 else None
    return g.by_code[ranked[0][0]].name


def _province_of_places(text: str) -> str | None:
    """The province whose places a text names most (大连, 葫芦岛, 辽阳 -> 辽宁省), when one clearly leads:
    a provincial document that never writes its own name still names its cities."""
    g = regions.gazetteer()
    by_province: Counter[str] = Counter()
    for code, n in g.mentions(_INSTITUTION_NAMES.sub(" ", text)).items():
        by_province[g.ancestors(code)[-1]] += n
    ranked = by_province.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return g.by_code[ranked[0][0]].name


_INSTITUTION_NAMES = re.compile(r"[\u4e00-\u9fa5]{2,8}?" + _INSTITUTION_AFTER.pattern)


_NOT_PLACE_CHARS = set(lexicon.words("metadata.not_place_chars"))
#: What after a level makes no place of the word before it (市级, 市场, 县长).
_NOT_LEVEL_AFTER = f"(?!{lexicon.alternation('metadata.not_level_after')})"


def _place_by_frequency(text: str, level: str) -> str | None:
    """The place of a given level the text names most often: ``X市`` mentions, ranked by how often ``X`` recurs."""
    if level == "省":
        counts = Counter(m.group(1) for m in _PROVINCE_RE.finditer(text))
        if not counts:
            return None
        short = counts.most_common(1)[0][0]
        return _region_of(short + ("市" if short in _MUNICIPALITIES else "省"))
    best: tuple[int, str] | None = None
    for m in re.finditer(level + _NOT_LEVEL_AFTER, text):
        for n in (2, 3):
            name = text[m.start() - n : m.start()]
            if len(name) < n or not re.fullmatch(r"[\u4e00-\u9fa5]+", name) or set(name) & _NOT_PLACE_CHARS:
                continue
            score = text.count(name)
            if score < 2 or not _known(name + level):  # 先进县 (an honour), XX县 (masked) are no places
                continue
            if best is None or score > best[0] or score == best[0] and len(name) < len(best[1]):
                best = (score, name + level)
    return best[1] if best else None


#: A central body names no place: 国务院(办公厅), 国家…, 中共中央…, or a State Council ministry
#: (…部, …署, …总局) naming no place or level anywhere (中共浙江省委组织部, 市委宣传部 are local).
_NATIONAL_ISSUER = re.compile(rf"^(?:{lexicon.alternation('metadata.national_issuers')})|"
                              rf"^[^{lexicon.char_class('roles.place_levels')}]{{1,12}}(?:{lexicon.alternation('metadata.ministry_endings')})$")
#: The level a title gives its issuer: 全市…, 2021年市政府…, 市《政府工作报告》….
_TITLE_LEVEL = re.compile(rf"全({_SHORT_LEVEL})|(?:^|年)({_SHORT_LEVEL})(?:{lexicon.alternation('metadata.title_level_after')})")


#: A line near the top that addresses every province (各省、自治区、直辖市人民政府,…:), and how far down it may stand.
_NATIONAL_ADDRESSEES = re.compile(rf"(?:^|\n)\s*(?:{lexicon.alternation('metadata.national_addressees')})[^\n]*[:：]\s*$", re.M)
_ADDRESSEE_REACH = 800


#: A title that opens with a town or township (沙沟镇2021年政府工作报告): two to four characters and the level.
_TITLE_TOWN = re.compile(rf"^([\u4e00-\u9fa5]{{2,4}}?(?:{lexicon.alternation('metadata.town_levels')}))"
                         r"(?=\d|[\u4e00-\u9fa5“\"《])")


def find_region(text: str, issuer: str | None, title: str) -> str | None:
    """The region the plan is about, from the issuer's place or its level and the text."""
    if issuer and (place := _region_of(issuer)):
        return place
    if issuer and _NATIONAL_ISSUER.match(issuer) and not _PROVINCE_RE.search(issuer):  # 国家税务总局浙江省税务局
        return "全国"
    level = None
    if issuer and issuer.startswith("自治区"):  # a province-level autonomous region's own bodies
        level = "省"
    elif issuer and issuer[0] in _SHORT_LEVELS:
        level = issuer[0]
    elif m := _TITLE_LEVEL.search(title):
        level = m.group(1) or m.group(2)
    if title and (place := _region_of(title)):
        return place
    if _NATIONAL_ADDRESSEES.search(text[:_ADDRESSEE_REACH]):
        return "全国"  # 各省、自治区、直辖市人民政府,国务院各部委…: a national body's notice to every province
    if title and (town := _TITLE_TOWN.match(title)) and not set(town.group(1)) & _NOT_PLACE_CHARS \
            and not _region_of(town.group(1)):
        return town.group(1)  # below the gazetteer's counties: the town as its title writes it
    if level is not None and (place := _place_by_frequency(text, level)):
        return place
    if level not in (None, "省") and (place := _place_by_frequency(text, "省")):
        return place  # the county is masked or unknown: the province the text names still holds
    if level == "省" and (place := _province_of_places(text[:6000])):
        return place
    return _named_place(title) or _named_place(text[:3000])


# ---------------------------------------------------------------- the rest


def find_year(title: str, date: str | None, lines: list[str], doc_no: str | None = None) -> int | None:
    """The year the document plans for or reports on.

    A multi-year plan: its year of issue (its 文号's, 梧政发〔2012〕3号) when that falls inside its
    span, else its first year. A title that reviews one year and plans the next
    (2019年工作总结和2020年工作思路): the planned year when the text holds its plan part (a heading
    2020年工作思路 or 下一步工作打算), else the reviewed one (a copy cut before the plan). Else the
    latest year in the title; a report titled without a year (科技局上年度述职报告): the year its
    opening sentence reports on; else the date's; else the head's year tied to planning words
    (对2013年度科技工作进行了全面谋划), else its first 20XX年."""
    sentence = re.search(r"[,，。;；]", title) is not None  # a sentence standing first names no plan of its own
    if not sentence and (span := plan_span(title)):
        issued = _DOC_NO_YEAR.search(doc_no or "")
        if issued and span[0] <= int(issued.group(1)) <= span[1]:
            return int(issued.group(1))
        return span[0]
    if not sentence:
        years = [int(y) for y in _YEAR.findall(title)] or [int(y) for y in re.findall(r"((?:19|20)\d{2})年?度?", title)]
        if len(set(years)) == 2 and (reviewed := _reviewed_and_planned(title, "\n".join(lines))) is not None:
            return reviewed
        if years:
            return max(years)
        if _SUMMARY_GENRE.search(title) and (opened := _opening_year(lines)) is not None:
            return opened
    if date:
        return int(date[:4])
    head = lines[:15]
    for ln in head:
        for found in _YEAR.finditer(ln):
            if _PLANNING.match(ln, found.end()):
                return int(found.group(1))
        if meeting := _REVIEWED_THEN_THIS_YEAR.search(ln):
            return int(meeting.group(1)) + 1
    for ln in head:
        if first := _YEAR.search(ln):
            return int(first.group(1))
    return next((year for ln in head if (year := _span_place_year(ln)) is not None), None)


_SPAN_PLACES = lexicon.word_meanings("metadata.span_year_places")
#: 今年是“十三五”开局之年: a five-year period and the year's place in it.
_SPAN_PLACE = re.compile(rf"[“\"]?{FIVE_YEAR.pattern}[”\"]?[^,，。;；]{{0,3}}?"
                         rf"(?P<place>{'|'.join(map(re.escape, _SPAN_PLACES))})")


def _span_place_year(line: str) -> int | None:
    """The year a line names by its place in a five-year period (“十三五”开局之年 -> 2016), or None."""
    if (m := _SPAN_PLACE.search(line)) is None or (span := five_year_span(m.group(1))) is None:
        return None
    return span[0] if _SPAN_PLACES[m.group("place")] == "first" else span[1]


_SUMMARY_GENRE = lexicon.words_pattern("summary_titles")
_PLANNING_WORDS = lexicon.words_pattern("plan_titles")
#: A year tied to planning a year's work in a news lead: 对2013年度科技工作进行了全面谋划.
_PLANNING_VERBS = lexicon.word_meanings("metadata.planning_verbs")
_PLANNING = re.compile(r"度?[\u4e00-\u9fa5]{0,6}?工作[^,，。]{0,8}?(?:" + "|".join(map(re.escape, _PLANNING_VERBS)) + ")")


#: A meeting that reviews a year and plans "this year" is held the year after: 会议总结了2009年…工作,安排部署今年的工作任务.
_REVIEWED_THEN_THIS_YEAR = re.compile(
    rf"总结(?:{lexicon.alternation('metadata.review_tails')})?[^,，。]{{0,12}}?((?:19|20)\d{{2}})\s*年[^。]{{0,40}}?"
    "(?:" + "|".join(re.escape(w) for w, kind in _PLANNING_VERBS.items() if kind == "meeting") + ")"
    rf"[^,，。]{{0,6}}?(?:{lexicon.alternation('metadata.this_year_words')})")


def _reviewed_and_planned(title: str, text: str) -> int | None:
    """For a title with two years whose later one is planned (…及2016年工作思路): the planned year when
    the text holds its plan part, else the reviewed (earlier) year; None for other titles."""
    found = list(_YEAR.finditer(title))
    first, last = int(found[0].group(1)), int(found[-1].group(1))
    if last <= first or not _PLANNING_WORDS.search(title[found[-1].end() :]):
        return None
    if _PLANNING_WORDS.search(title[found[0].end() : found[-1].start()]):
        return None  # both years are planned
    return last if holds_plan_part(text, first, last) else first


_OPENING_YEAR = re.compile(rf"\s*((?:19|20)\d{{2}})\s*年(?:{lexicon.alternation('metadata.year_openers')})?\s*[,，]")


def _opening_year(lines: list[str]) -> int | None:
    """The year a report's first sentence opens with (2022 年,在市委、市政府坚强领导下…)."""
    for ln in lines[:20]:
        if m := _OPENING_YEAR.match(ln):
            return int(m.group(1))
    return None


_DOC_NO_YEAR = re.compile(r"[〔\[(（【]((?:19|20)\d{2})[〕\])）】]")


#: The line under a report's title saying when and where it was delivered: 2021年12月15日在大邑县第十九届
#: 人民代表大会第一次会议上 (digits or Chinese numerals).
_DELIVERED = re.compile(r"^[—\-(]*\s*(\d{4}年\d{1,2}月\d{1,2}日|" + _CN_DATE.pattern + r")\s*在.{2,60}?"
                        rf"(?:{lexicon.alternation('metadata.delivery_venues')})")


def find_date(lines: list[str]) -> str | None:
    """发文日期 (or a like field) first, then a report's delivery line, then a date line standing alone
    (signature) at the head or the foot."""
    for ln in lines[:40]:
        for m in _DATE_FIELD.finditer(ln):
            if d := parse_date(m.group(1)):
                return d
    for ln in lines[:12]:
        if (delivered := _DELIVERED.match(ln.strip())) and (d := parse_date(delivered.group(1))):
            return d
    for ln in lines[:40] + lines[-8:]:
        stamp = re.sub(r"\s+\d{1,2}:\d{2}(:\d{2})?.*$", "", ln)
        if _is_date_line(stamp) or _is_date_line(ln):
            return parse_date(ln)
    return None


def find_doc_no(lines: list[str], title: str) -> str | None:
    """文号 from its field, or a line near the top that is only a document number (never one cited in a sentence)."""
    for ln in lines[:40]:
        if m := _DOC_NO_FIELD.search(ln):
            return re.sub(r"\s+", "", m.group(1))
    for ln in lines[:15]:  # standing alone near the title (above it in print, below it on web pages)
        if m := _DOC_NO_LINE.match(ln):
            return re.sub(r"\s+", "", m.group(1))
    return None


def find_index_no(lines: list[str]) -> str | None:
    for ln in lines[:40]:
        if m := _INDEX_NO.search(ln):
            return m.group(1)
    return None


def qualified_issuer(issuer: str | None, region: str | None, text: str) -> str | None:
    """A short issuer (市科技局) named in full by the region found at its level (瑞安市 -> 瑞安市科技局),
    in the form the text writes it when that adds a bracketed second name (鄞州区科技局(科协))."""
    if not issuer or not region:
        return issuer
    if issuer[0] in _SHORT_LEVELS and region.endswith(issuer[0]) and not issuer.startswith(region):
        issuer = region + issuer[1:]
    elif issuer[0] not in _SHORT_LEVELS:
        return issuer
    if m := re.search(re.escape(issuer) + r"([(（][\u4e00-\u9fa5]{1,6}[)）])", text[:5000]):
        return issuer + m.group(1)
    return issuer


def with_report(meta: DocumentMeta, report: ReportFacts, text: str) -> DocumentMeta:
    """A government work report's own evidence (the speaker, the congress, the part headings) over
    what the page around it says: the State Council's report is about 全国, never a city its text names."""
    # The delivery date outranks a line opening on a year (2022年是…一年 opens the review of a report
    # read in March 2023); a report read late in its year keeps it (periods.doc_period shifts its parts).
    meta.year = report.year or (int(meta.date[:4]) if meta.date else None) or report.opening_year or meta.year
    if report.issuer:
        if report.issuer != meta.issuer:
            meta.region = None  # the page's region was read for another issuer
        meta.issuer = report.issuer
    meta.region = report.region or meta.region or find_region(text, meta.issuer, meta.title)
    if "报告" not in meta.title or meta.title == GENERIC_REPORT_TITLE:
        meta.title = report_title(meta)
    return meta


def report_title(meta: DocumentMeta) -> str:
    """What a report titled only 政府工作报告 (or not at all) is: 2019年国务院政府工作报告, 2021年大邑县政府工作报告."""
    who = "国务院" if meta.issuer == "国务院" else (meta.region or "")
    return f"{meta.year}年{who}{GENERIC_REPORT_TITLE}" if meta.year else f"{who}{GENERIC_REPORT_TITLE}"


def extract_metadata(text: str) -> DocumentMeta:
    """All metadata of a normalised text; fields without evidence stay None."""
    lines = [unwrap_single_cell(ln).strip() for ln in text.splitlines() if ln.strip()]
    meta = DocumentMeta()
    meta.title = find_title(lines)
    meta.issuer = find_issuer(lines, meta.title)
    meta.region = find_region(text, meta.issuer, meta.title)
    meta.issuer = qualified_issuer(meta.issuer, meta.region, text)
    meta.date = find_date(lines)
    meta.doc_no = find_doc_no(lines, meta.title)
    meta.year = find_year(meta.title, meta.date, lines, meta.doc_no)
    meta.index_no = find_index_no(lines)
    return meta
