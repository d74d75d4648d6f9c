"""Classify one line of a plan: what it could be, from its own text alone.

The outline is built in two steps that know nothing of each other's internals: this
classifier reads a line and reports every reading its text allows (a table row, a bare
responsibility clause, a results field, a numbered heading or item, an inline 一是 item,
a paragraph carrying a clause, prose), and the assembler in ``structure`` decides among
them with the state of the document so far, trying its handlers in a declared order
(``structure.PRECEDENCE``). A line may have several readings: ``(一)加快X(科技部牵头)``
is a section-numbered line that carries a clause; which one wins is the assembler's rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from policykg.loaders import tables
from policykg.loaders.responsibility import Responsibility, find_clauses, is_clause_line

_CN = "一二三四五六七八九十"
# (style, pattern); a pattern's group 1 is the number as written, the match end is where the text starts.
SECTION_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"^(第[一二三四五六七八九十百零〇\d]{1,4}(?:部分|章|篇))\s*")),
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
#: A report paragraph under a task (``进展情况:截至9月底…``): the task's results field, as in a table's column.
_FIELD_WORDS = "进展情况|完成情况|推进情况|工作进展|落实情况|执行情况|存在问题|下一步打算|下一步工作"
FIELD_LINE = re.compile(rf"^({_FIELD_WORDS})\s*[:：]\s*")
#: The same field written after the task's sentence or clause on its own line (…。进展情况:…).
INLINE_FIELD = re.compile(rf"(?<=[。;；)）])\s*({_FIELD_WORDS})\s*[:：]\s*")


def match_number(styles: tuple[tuple[str, re.Pattern[str]], ...], line: str) -> tuple[str, str, int] | None:
    """(style, number, text offset) of a numbered line."""
    for style, pattern in styles:
        m = pattern.match(line)
        if m and m.end() < len(line):
            number = next(g for g in m.groups() if g)
            return style, re.sub(r"\s+", "", number), m.end()
    return None


@dataclass(frozen=True)
class Line:
    """One line's text (bar-unwrapped and stripped), where it stands, and its possible readings."""

    text: str
    start: int  # offset of ``text`` in the document
    raw: str  # the line as it stood, before a one-cell bar was unwrapped

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text

    @cached_property
    def table_row(self) -> bool:
        return tables.is_table_line(self.text)

    @property
    def single_cell(self) -> bool:
        """A one-cell row (``一、平台建设 |``): inside a table, a row merged across it."""
        return self.text != self.raw.strip()

    @cached_property
    def clause_only(self) -> bool:
        return is_clause_line(self.text)

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
    def clauses(self) -> list[Responsibility]:
        return find_clauses(self.text)


def classify(start: int, raw: str) -> Line:
    """The line starting at ``start`` (its raw text), ready for the assembler."""
    stripped = tables.unwrap_single_cell(raw).strip()
    return Line(stripped, start + (len(raw) - len(raw.lstrip())), raw)
