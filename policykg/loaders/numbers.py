"""Number phrases -> values in base units (DESIGN.md, "Numbers").

``150亿元`` -> 1.5e10 元, ``1.5万件`` -> 15000 件, ``2.5%`` -> 2.5 %,
``2个百分点`` -> 2 个百分点, ``3-5家`` -> 3..5 家, ``三千家`` -> 3000 家.

Chinese numerals (``三千``, ``两百``, ``一万二千``) are converted with ``cn2an``
(a maintained converter that knows 零/两/万万 edge cases) rather than by hand;
Arabic numbers with a Chinese scale word (``1.5万``) are float x scale, which is
unit conversion, not numeral parsing.

This module only finds *quantities* (a number followed by a measure unit) and
converts them; whether a quantity is a target at all (not a year, a name, an
ordinal) is decided in ``targets``/``exclusions`` with the surrounding text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import cn2an

from policykg.loaders import lexicon

#: Scale words in base units (the lexicon's scales.yaml); longest first so 万亿 wins over 万.
SCALES: dict[str, float] = lexicon.scales()

#: Measure units as written -> canonical unit (the lexicon's units.yaml). Longest first in the
#: regex. 条 counts lines (生产线20条), but 条 after a rule word is a policy's name (人才新政27条):
#: see ``_RULE_COUNT``.
UNITS: dict[str, str] = lexicon.units()

#: What may not follow a unit for it to be one (个月 is a duration, 分钟 time, …).
_UNIT_BLOCKERS: dict[str, str] = lexicon.unit_blockers()
#: Words right before ``N条`` that make it a count of articles in a policy, not of things
#: built (出台政策措施10条, 人才新政27条, 形成可复制经验20条).
_RULE_COUNT = re.compile(rf"(?:{lexicon.alternation('figures.rule_words')})\s*$")

_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千万亿]+"
_NUM = rf"(?:{_AR}|{_CN})"
_SCALE = "|".join(SCALES)
_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
#: A scale character that opens a unit (千 of 千克, 千瓦): after a number it is the unit's, not a scale (500千克).
_UNIT_AFTER_SCALE = "|".join(sorted({re.escape(u[1:]) for u in UNITS if len(u) > 1 and u[0] in "千百万亿"}, key=len, reverse=True))
#: Between the two ends of a range: a dash, or a word (3至5家).
_DASH = rf"(?:-|~|～|—|–|{lexicon.alternation('figures.range_words')})"
_APPROX = lexicon.alternation("figures.approx_words")  # 100多家, 100余家
#: Scales that make a figure without a unit (投资150亿).
_MONEY_SCALES = lexicon.money_scales()
#: A place in a ranking, written with digits: 第20位, 第3名, 前40位, or 全省第2 (a scope word before 第 stands
#: for 位). 第一批, 第3季度 and other ordinals are no rank: they lack both the 位/名 and the scope.
_RANK = re.compile(rf"(?P<scope>{lexicon.alternation('figures.rank_scopes')})?"
                   rf"(?P<mark>{lexicon.alternation('figures.rank_marks')})(?P<num>\d+)"
                   rf"(?P<tail>{lexicon.alternation('figures.rank_units')})?(?![\d.])")
#: Between two places of one list (分别为全省第1、第3和第2): the later ones need no scope of their own.
_RANK_GAP = re.compile(rf"\s*(?:、|{lexicon.alternation('figures.list_joiners')})\s*")
#: A rank's mark that needs 位/名 after it (前40位; 前10 alone is no place).
_TOP_MARK = lexicon.words("figures.rank_marks")[-1]

QUANTITY = re.compile(
    rf"(?P<num>{_NUM})"
    rf"(?:\s*{_DASH}\s*(?P<high>{_NUM}))?"
    rf"(?P<approx>{_APPROX})?"
    # 367.1 亿元 and 823.57\n亿元: copies from PDFs space or wrap the number off its scale; 2个亿 (not 6000个亿元以上项目)
    rf"(?:(?:[ \t]|\n(?=[万亿千百]+元))?(?:个(?=亿(?!元)))?(?P<scale>{_SCALE})(?!{_UNIT_AFTER_SCALE}))?"
    rf"(?P<approx2>{_APPROX})?"
    rf"\s?(?P<unit>{_UNIT})?"
)
PERCENT_WORDS = re.compile(rf"百分之(?P<num>{_AR}|[零〇一二两三四五六七八九十百点]+)")

_CN_DIGIT = "一二两三四五六七八九十"  # 十万 is a numeral; 百/千/万 alone are words (近百所, 超千家)
_CN_ONLY = re.compile(rf"^{_CN}$")


def is_chinese(num: str) -> bool:
    return bool(_CN_ONLY.match(num))


def parse_number(num: str) -> float:
    """One numeral, Arabic (``1,050.5``) or Chinese (``三千``, ``两百``), as a float."""
    num = num.strip()
    if is_chinese(num):
        return float(cn2an.cn2an(num, "normal"))
    return float(num.replace(",", ""))


def parse_value(num: str, scale: str | None = None) -> float:
    """A number with an optional scale word in base units: ``("1.5", "万")`` -> 15000."""
    if scale and not is_chinese(num):  # Decimal keeps 1212.6亿 an exact 121260000000
        return float(Decimal(num.replace(",", "")) * Decimal(int(SCALES[scale])))
    return parse_number(num)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as found in the text (offsets into that text)."""

    value: float
    value_high: float | None
    unit: str | None  # canonical unit; None for a bare ``650亿`` (money implied, decided by the caller)
    start: int
    end: int
    num: str  # the numeral as written (first one of a range)
    scale: str | None
    approx: bool  # 70余家, 20多所
    rank: bool = False  # 第20位, 全省第2: a place in a ranking (unit 位), smaller is better

    @property
    def chinese(self) -> bool:
        return is_chinese(self.num)


def _cn_with_scale(num: str, scale: str | None) -> tuple[str, str | None]:
    """A Chinese numeral swallows its own scale words (三千万 is one numeral)."""
    if scale and is_chinese(num):
        return num + scale, None
    return num, scale


def _unit_ok(text: str, start: int, end: int, unit: str) -> bool:
    """Whether the unit word is a unit here: not the start of a longer word (所属, 条例),
    and 条 not a policy's article count."""
    blockers = _UNIT_BLOCKERS.get(unit)
    if blockers and end < len(text) and text[end] in blockers:
        return False
    return not (unit == "条" and _RULE_COUNT.search(text[max(0, start - 6) : start]))


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (see ``_find_quantities``); read once per text, however many stages ask."""
    return list(_find_quantities(text))


@lru_cache(maxsize=8)
def _find_quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(_scan_quantities(text))


def _scan_quantities(text: str) -> list[Quantity]:
    """Every ``number [range] [scale] unit`` in ``text``, left to right.

    A number without a unit is kept only when it carries 亿/万亿 (``突破650亿``),
    since Chinese plans routinely drop 元 after 亿; the caller decides whether
    that is money. Chinese numerals must start with a digit character
    (``三千``, not ``千``/``百``), so ``超千家`` and ``近百所`` stay approximate words.
    """
    out: list[Quantity] = []
    for m in QUANTITY.finditer(_without_list_numbers(text)):
        num, high, scale = m.group("num"), m.group("high"), m.group("scale")
        unit = m.group("unit")
        if is_chinese(num) and num[0] not in _CN_DIGIT:
            continue
        if high is not None and is_chinese(high) != is_chinese(num):
            continue
        if unit is None and scale not in _MONEY_SCALES:
            continue
        if unit is not None and not _unit_ok(text, m.start(), m.end("unit"), unit):
            continue
        if unit is not None and m.start("unit") > m.end("num") and text[m.start("unit") - 1].isspace():
            after = text[m.end("unit") : m.end("unit") + 1]
            if after.isspace():
                continue  # 15823 分    类: a spaced-out label, not a unit
        n, sc = _cn_with_scale(num, scale)
        try:
            value = parse_value(n, sc)
            value_high = parse_value(*_cn_with_scale(high, scale)) if high else None
        except (ValueError, KeyError, TypeError):
            continue
        if value_high is not None and value_high <= value:
            continue  # 2021-12 and other dashes that are not ranges
        if _negative(text, m.start()) and not (out and out[-1].end == m.start() - 1):
            value = -value  # 增速-4.7%: a fall written with its sign (新增10家-20家 is a range)
        end = m.end("unit") if unit else m.end()
        out.append(
            Quantity(
                value=value,
                value_high=value_high,
                unit=UNITS[unit] if unit else None,
                start=m.start(),
                end=end,
                num=num,
                scale=scale,
                approx=bool(m.group("approx") or m.group("approx2")),
            )
        )
    for m in PERCENT_WORDS.finditer(text):
        try:
            value = parse_number(m.group("num"))
        except (ValueError, KeyError, TypeError):
            continue
        out.append(Quantity(value, None, "%", m.start(), m.end(), m.group("num"), None, False))
    ranks = list(_ranks(text))
    if ranks:  # 第3名 is a rank, not three people: the rank replaces the count read inside it
        covered = {pos for r in ranks for pos in range(r.start, r.end)}
        out = [q for q in out if q.start not in covered] + ranks
    out.sort(key=lambda q: q.start)
    return _join_ranges(text, out)


#: A number opening a line, written with a dot (``2.`` of ``2.50个小区…``).
_LINE_NUMBER = re.compile(r"^[ \t\u3000]*(\d{1,2})\.(?=\S)", re.MULTILINE)


@lru_cache(maxsize=8)
def _run_in_list_numbers(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of item numbers a figure runs into: in ``1.既有多层住宅…`` / ``2.50个小区…`` /
    ``3.开设…`` the ``2.`` is the item's number and 50个 its figure, not 2.50个.

    A line opening on ``N.`` and a digit is read so only when a line of the same text opens on
    ``N-1.`` or ``N+1.`` and a word: a plain numbered list around it. A column of decimals
    (``1.5`` / ``2.5``) has no such neighbour and keeps its values.
    """
    openings = [(m.start(1), m.end(), int(m.group(1))) for m in _LINE_NUMBER.finditer(text)]
    plain = {n for _, end, n in openings if not text[end].isdigit()}
    return tuple((start, end) for start, end, n in openings
                 if text[end].isdigit() and (n - 1 in plain or n + 1 in plain))


def after_list_number(text: str, pos: int) -> bool:
    """Whether the figure at ``pos`` follows an item number it runs into (``2.50个``: 50个 is the figure)."""
    return any(end == pos for _, end in _run_in_list_numbers(text))


def _without_list_numbers(text: str) -> str:
    """``text`` with the item numbers figures run into blanked (``_run_in_list_numbers``); spans do not move."""
    spans = _run_in_list_numbers(text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_MINUS = "-−－"


def _negative(text: str, start: int) -> bool:
    """Whether a minus sign stands right before the number at ``start`` and after no number of its own (增速-4.7%, not the
    dash of 3-5% or 2021-12)."""
    if start < 1 or text[start - 1] not in _MINUS:
        return False
    before = text[start - 2] if start >= 2 else ""
    return not (before.isdigit() or before.isascii() and before.isalpha() or before in ".%")


def _ranks(text: str) -> Iterator[Quantity]:
    """Places in a ranking (``_RANK``): 前N needs 位/名 after it; 第N a 位/名, a scope word before it, or a
    place of the same list just before it (全省第1、第3和第2)."""
    last_end = -1
    for m in _RANK.finditer(text):
        listed = last_end >= 0 and _RANK_GAP.fullmatch(text, last_end, m.start()) is not None
        if m.group("tail") is None and (m.group("mark") == _TOP_MARK or (m.group("scope") is None and not listed)):
            continue
        last_end = m.end()
        yield Quantity(float(m.group("num")), None, "位", m.start("mark"), m.end(), m.group("num"), None, False,
                       rank=True)


_RANGE_DASH = re.compile(rf"\s*{_DASH}\s*$")


def _join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """``15%—20%``, ``3亿元至5亿元``: a range that writes its unit on both ends is one quantity
    (the low end as value, the high end as ``value_high``), not a figure and a stray ``—20%``."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value_high is None
            and prev.unit is not None
            and prev.unit == q.unit
            and q.value > prev.value
            and _RANGE_DASH.fullmatch(text[prev.end : q.start]) is not None
        ):
            out[-1] = Quantity(prev.value, q.value, prev.unit, prev.start, q.end, prev.num, prev.scale, prev.approx)
            continue
        out.append(q)
    return out


_BARE = re.compile(r"(?<![\d.第])\d+(?:\.\d+)?(?![\d.])")
#: What may follow a bare figure of a unitless indicator (以上, 左右, a delimiter, the next verb).
_BARE_AFTER = re.compile(rf"\s*(?:$|[,;。:、|\n)）]|{lexicon.alternation('figures.bare_after')}|$)")


def find_unitless(text: str, heads: re.Pattern[str], taken: list[Quantity]) -> list[Quantity]:
    """Bare numbers (no unit) in the clause after the name of an indicator measured in no unit
    (区域科技创新指数达到160以上, 满意度从84.7提升至89.6), unit ``""``; never where a quantity with a
    unit already stands. Each name looks at most 30 characters ahead, so the scan is linear."""
    starts = {q.start for q in taken}
    out: list[Quantity] = []
    for h in heads.finditer(text):
        stop = h.end()
        limit = min(len(text), h.end() + 30)
        while stop < limit and text[stop] not in ",;。:|\n":
            stop += 1
        for m in _BARE.finditer(text, h.end(), stop):
            if m.start() in starts or not _BARE_AFTER.match(text, m.end()):
                continue
            if out and out[-1].start == m.start():
                continue
            out.append(Quantity(float(m.group(0)), None, "", m.start(), m.end(), m.group(0), None, False))
    return out
