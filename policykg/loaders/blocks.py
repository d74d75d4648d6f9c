"""Blocks: each line of a document classified once, with every reading its text allows.

The outline is built in two steps that know nothing of each other's internals: this
classifier reads a line and reports every reading its text allows (a table row, a bare
responsibility clause, a results field, a numbered heading or item, an inline 一是 item,
a paragraph carrying a clause, prose), and the assembler in ``structure`` decides among
them with the state of the document so far, trying its handlers in a declared order
(``structure.PRECEDENCE``). A line may have several readings: ``(一)加快X(科技部牵头)``
is a section-numbered line that carries a clause; which one wins is the assembler's rule.

Every reading is computed at most once per line (``cached_property``): the role clauses of a
line are found once, on its text after its number, and the assembler and the role stage both
read them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from policykg.loaders import lexicon
from policykg.loaders.people import person_line
from policykg.loaders.roles import NO_CONVENTIONS, Conventions, Responsibility, clause_only, find_clauses
from policykg.loaders.tables import is_table_line, unwrap_single_cell

_CN = "一二三四五六七八九十"
# (style, pattern); a pattern's group 1 is the number as written, the match end is where the text starts.
SECTION_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"^(第[一二三四五六七八九十百零〇\d]{1,4}(?:" + "|".join(lexicon.words("numbering.part_words")) + r"))\s*")),
    ("cn", re.compile(rf"^([{_CN}]{{1,3}}\s*[、．.])(?![{_CN}\d])\s*")),
    ("cn-paren", re.compile(rf"^([(（]\s*[{_CN}]{{1,3}}\s*[)）])\s*")),
)
TASK_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("arabic", re.compile(r"^(\d{1,3})\s*[.、．,，](?!\d)\s*")),
    ("arabic-paren", re.compile(r"^([(（]\s*\d{1,3}\s*[)）])\s*|^(\d{1,3}\))\s*")),
    ("circled", re.compile(r"^([①-⑳])\s*")),
)
#: Two-level decimal numbering (ministry style ``1.1 …``): the item's number and the text start.
DECIMAL = re.compile(r"^((\d{1,2})\.(\d{1,2}))(?![\d.%])\s*(?=[\u4e00-\u9fa5])")
#: ``一是…`` opening a line: an item of its own when it carries its own clause or follows one.
SHI_LINE = re.compile(rf"^([{_CN}]{{1,3}}是)(?=[\u4e00-\u9fa5“《])")


def _field_words() -> str:
    return "|".join(map(re.escape, lexicon.words("columns.field_labels")))


#: A report paragraph under a task (``进展情况:截至9月底…``): the task's results field, as in a table's column.
FIELD_LINE = re.compile(rf"^({_field_words()})\s*[:：]\s*")
#: The same field written after the task's sentence or clause on its own line (…。进展情况:…).
INLINE_FIELD = re.compile(rf"(?<=[。;；)）])\s*({_field_words()})\s*[:：]\s*")


def match_number(styles: tuple[tuple[str, re.Pattern[str]], ...], line: str) -> tuple[str, str, int] | None:
    """(style, number, text offset) of a numbered line."""
    for style, pattern in styles:
        m = pattern.match(line)
        if m and m.end() < len(line):
            number = next(g for g in m.groups() if g)
            return style, re.sub(r"\s+", "", number), m.end()
    return None


@dataclass(frozen=True)
class Block:
    """One line's text (bar-unwrapped and stripped), where it stands, and its possible readings."""

    text: str
    start: int  # offset of ``text`` in the document
    raw: str  # the line as it stood, before a one-cell bar was unwrapped
    conventions: Conventions = field(default=NO_CONVENTIONS, compare=False)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text

    @cached_property
    def table_row(self) -> bool:
        return is_table_line(self.text)

    @property
    def single_cell(self) -> bool:
        """A one-cell row (``一、平台建设 |``): inside a table, a row merged across it."""
        return self.text != self.raw.strip()

    @cached_property
    def field(self) -> re.Match[str] | None:
        return FIELD_LINE.match(self.text)

    @cached_property
    def section(self) -> tuple[str, str, int] | None:
        return match_number(SECTION_STYLES, self.text)

    @cached_property
    def decimal(self) -> re.Match[str] | None:
        return DECIMAL.match(self.text)

    @cached_property
    def numbered(self) -> tuple[str, str, int] | None:
        return match_number(TASK_STYLES, self.text)

    @cached_property
    def shi(self) -> re.Match[str] | None:
        return SHI_LINE.match(self.text)

    @cached_property
    def body_offset(self) -> int:
        """Where the line's own text starts, after any numbering it opens with."""
        if self.table_row:
            return 0
        offsets = [r[2] for r in (self.section, self.numbered) if r is not None]
        offsets += [m.end() for m in (self.decimal,) if m is not None]
        return min(offsets) if offsets else 0

    @cached_property
    def clauses(self) -> list[Responsibility]:
        """The line's role clauses, found once on its text after its number; spans relative to ``text``."""
        if self.table_row:
            return []
        off = self.body_offset
        found = find_clauses(self.text[off:], self.conventions)
        for c in found:
            if c.span is not None:
                c.span = (c.span[0] + off, c.span[1] + off)
        return found

    @cached_property
    def person_names(self) -> list[str]:
        """The people a line lists when it is nothing else (``汤志平 副市长``, ``薛智林(市林草局局长)``,
        ``王晓剑 谭志新``): the line opens with a name and holds no sentence or label."""
        return person_line(self.text)

    @cached_property
    def clause_only(self) -> bool:
        return clause_only(self.text, self.clauses) and self.body_offset == 0

    def clauses_in(self, start: int, end: int) -> list[tuple[tuple[int, int], Responsibility]]:
        """The line's clauses standing in the document span [start, end), with document spans."""
        out = []
        for c in self.clauses:
            if c.span is None:
                continue
            span = (self.start + c.span[0], self.start + c.span[1])
            if start <= span[0] < end:
                out.append((span, c))
        return out


def classify(start: int, raw: str, conventions: Conventions = NO_CONVENTIONS) -> Block:
    """The line starting at ``start`` (its raw text), ready for the assembler."""
    stripped = unwrap_single_cell(raw).strip()
    return Block(stripped, start + (len(raw) - len(raw.lstrip())), raw, conventions)


#: A numbered heading run into the text before it (…通知如下:一、主要职责…。二、组成人员…), as pages
#: copied into one line write a whole notice.
_INLINE_SECTION = re.compile(rf"(?<=[。:：;；\s])\s*(?:([{_CN}]{{1,3}})、|[(（]([{_CN}]{{1,3}})[)）])(?=[\u4e00-\u9fa5])")
#: A numbered item run into the text before it (…增长8.5%。 2.落实…), counting on from 1 in each part.
_INLINE_ITEM = re.compile(r"(?<=[。;；\s])\s*(\d{1,2})[.、](?=[\u4e00-\u9fa5])")
#: Only a line this long is a page run together (a normal paragraph may cite 一、 in passing).
_RUN_TOGETHER = 200


def _marker_start(m: re.Match[str]) -> int:
    """Where a run-together marker itself starts (its match begins at the spaces before it)."""
    return m.start() + len(m.group(0)) - len(m.group(0).lstrip())


def _inline_sections(line: str) -> list[int]:
    """Where a run-together line starts its numbered parts: positions of markers that count on from
    one to the next (一、 … 二、 … 三、), at least two of them."""
    if len(line) < _RUN_TOGETHER:
        return []
    best: list[int] = []
    for style in (1, 2):
        found: list[int] = []
        expected = None
        for m in _INLINE_SECTION.finditer(line):
            numeral = m.group(style)
            if numeral is None:
                continue
            value = _CN.find(numeral) + 1 if len(numeral) == 1 else 0
            if value == 0:
                continue
            if expected is None or value == expected:
                found.append(_marker_start(m))
                expected = value + 1
        if len(found) >= 2 and len(found) > len(best):
            best = found
    if best:
        return sorted(set(best) | set(_inline_items(line, best)))
    if " | " in line:
        return []  # a table's row: items inside a cell (1.… 2.…) are the cell's
    items = _inline_items(line, [0])  # a page cut after its first part: 一、… (一)… 1.… 2.… 3.…
    if len(items) < 2:
        return []
    headings = [_marker_start(m) for m in _INLINE_SECTION.finditer(line, 0, items[0])]
    return sorted(set(items) | set(headings))


#: A dash item run into the text before it (…如下。 ——坚持问题导向。 ——强化责任落实。…).
_INLINE_DASH = re.compile(r"(?<=[。;；\s])\s*——(?=[\u4e00-\u9fa5])")


def _inline_items(line: str, sections: list[int]) -> list[int]:
    """Where a run-together line's items start inside its parts: 1. 2. … counting on, from 1 again in
    each part (一、… 1.… 2.… 二、… 1.…), and dash items (——坚持…。 ——强化…。), two or more of them."""
    dashes = [_marker_start(m) for m in _INLINE_DASH.finditer(line, sections[0])]
    return sorted(set(_numbered_items(line, sections)) | (set(dashes) if len(dashes) >= 2 else set()))


def _numbered_items(line: str, sections: list[int]) -> list[int]:
    found: list[int] = []
    expected = 1
    bounds = iter([*sections[1:], len(line)])
    part_end = next(bounds)
    for m in _INLINE_ITEM.finditer(line, sections[0]):
        while m.start() >= part_end:
            expected, part_end = 1, next(bounds, len(line) + 1)
        if int(m.group(1)) == expected:
            found.append(_marker_start(m))
            expected += 1
    return found


def read_blocks(text: str, conventions: Conventions = NO_CONVENTIONS) -> list[Block]:
    """Every line of a text as a block, in order; a line that runs a notice's numbered parts together
    is one block per part."""
    out = []
    pos = 0
    for line in text.split("\n"):
        cuts = [0, *_inline_sections(line), len(line)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            out.append(classify(pos + a, line[a:b], conventions))
        pos += len(line) + 1
    return out
