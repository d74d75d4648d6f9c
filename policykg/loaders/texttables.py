"""Tables laid out as plain text: columns separated by tabs or by runs of spaces.

A table copied out of a web page or a word processor often reaches us as text:
one row a line, cells separated by a tab (``序号\\t重点工作\\t责任处室``) or aligned
with runs of two or more spaces. Normalisation folds those runs to one space, which
would erase the columns, so this module finds such tables in the raw text first and
tells normalisation which separators to write as the readers' `` | `` cell bar.

Only a real table is converted, never a line that merely has wide gaps (a page
header ``发布日期:…   来源:…``): a block starts at a header line whose cells name
known columns (``tables.header_roles``), uses the header's separator kind (tabs,
or space runs) for every row, and runs while lines have at least two cells. A
line without a separator sandwiched between two rows is a cell that wrapped onto
a second line; its line break is dropped so the cell stays whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.loaders.tables import Cell, column_role, header_roles

_TAB = re.compile(r"\t+")  # one or more tabs; each tab beyond the first is an empty cell
_SPACES = re.compile(r"[ \u3000]{2,}|\t+")
#: Columns aligned with single full-width spaces (``序号　工作任务　责任处室``): a U+3000 is one
#: character column wide, so a table typed in a CJK editor may use one between cells.
_FULLWIDTH = re.compile(r"\u3000+")
#: Cells split by single spaces (a page's table copied as text): only under a header whose every
#: cell names a known column, since a single space is ordinary inside a line otherwise.
_SINGLE = re.compile(r"[ \u3000]+")
_EDGE_WS = " \t\u3000\r"


@dataclass
class TextTables:
    """Raw-text positions to rewrite: separator runs [start, end) and line breaks to drop."""

    separators: dict[int, tuple[int, int]] = field(default_factory=dict)  # start -> (end, empty cells)
    joins: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class _Line:
    start: int  # raw index of the line's first character
    text: str


def _lines(raw: str) -> list[_Line]:
    out: list[_Line] = []
    start = 0
    for piece in raw.split("\n"):
        out.append(_Line(start, piece))
        start += len(piece) + 1
    return out


def _content_bounds(text: str) -> tuple[int, int]:
    stripped = text.strip(_EDGE_WS)
    if not stripped:
        return (0, 0)
    left = len(text) - len(text.lstrip(_EDGE_WS))
    return (left, left + len(stripped))


def _separators(line: _Line, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """(raw start, raw end, empty cells) of each separator between the line's cells."""
    left, right = _content_bounds(line.text)
    out: list[tuple[int, int, int]] = []
    for m in pattern.finditer(line.text, left, right):
        empty = m.group().count("\t") - 1 if "\t" in m.group() else 0
        out.append((line.start + m.start(), line.start + m.end(), max(0, empty)))
    return out


def _cells(line: _Line, pattern: re.Pattern[str]) -> list[str]:
    left, right = _content_bounds(line.text)
    return [c for c in pattern.split(line.text[left:right])]


def _header_pattern(line: _Line) -> re.Pattern[str] | None:
    """The separator kind of a header line, or None when the line is no table header."""
    for pattern in (_TAB, _SPACES, _FULLWIDTH, _SINGLE):
        cells = _cells(line, pattern)
        if len(cells) < 3 or header_roles([Cell(c.strip(_EDGE_WS), (0, 0)) for c in cells]) is None:
            continue
        if pattern is _SINGLE and not all(column_role(c.strip(_EDGE_WS), exact=True) for c in cells):
            continue
        return pattern
    return None


def _task_column(header: _Line, pattern: re.Pattern[str]) -> int:
    """Index of the header's task column (the free-text cell most likely to hold inner spaces)."""
    roles = header_roles([Cell(c.strip(_EDGE_WS), (0, 0)) for c in _cells(header, pattern)]) or []
    return roles.index("task") if "task" in roles else min(1, len(roles))


#: A header cell standing alone on its line (tables flattened one cell per line) is short.
_CELL_LINE_MAX = 16
_NUMBER_LINE = re.compile(r"^[(（]?(\d{1,3})[)）.、]?$")


def _column_names(lines: list[_Line], i: int) -> int:
    """How many lines from ``i`` on are a flattened header: consecutive short lines that each
    name a known column, at least three of them, with a task or unit column among them."""
    j = i
    while j < len(lines) and 0 < len(lines[j].text.strip(_EDGE_WS)) <= _CELL_LINE_MAX and \
            column_role(lines[j].text.strip(_EDGE_WS), exact=True) is not None:
        j += 1
    n = j - i
    if n < 3:
        return 0
    cells = [Cell(ln.text.strip(_EDGE_WS), (0, 0)) for ln in lines[i:j]]
    return n if header_roles(cells) is not None else 0


def _flattened_rows(lines: list[_Line], start: int, width: int, numbered: bool) -> tuple[list[list[_Line]], int]:
    """Body rows of a one-cell-per-line table: with a number column, a row runs from one number
    line to the next (so a missing or wrapped cell does not shift the rest); without one, every
    ``width`` non-empty lines. Stops at the first line that cannot start a row."""
    rows: list[list[_Line]] = []
    j = start
    content = [k for k in range(start, len(lines)) if lines[k].text.strip(_EDGE_WS)]
    pos = 0
    while pos < len(content):
        k = content[pos]
        text = lines[k].text.strip(_EDGE_WS)
        if numbered:
            if not _NUMBER_LINE.match(text):
                break
            row = [lines[k]]
            pos += 1
            while pos < len(content) and not (_NUMBER_LINE.match(lines[content[pos]].text.strip(_EDGE_WS))
                                              and len(row) >= 2) and len(row) < width + 3:
                row.append(lines[content[pos]])
                pos += 1
            if len(row) < 2:
                break
        else:
            row = [lines[c] for c in content[pos : pos + width]]
            if len(row) < width or any(len(r.text) > 300 for r in row):
                break
            pos += width
        rows.append(row)
        j = content[pos - 1] + 1
    return rows, j


def _flattened_tables(lines: list[_Line], found: TextTables) -> None:
    """Tables whose every cell stands on a line of its own (a page's table flattened to text):
    the line breaks between a row's cells become cell bars; each row ends its line."""
    i = 0
    while i < len(lines):
        width = _column_names(lines, i)
        if not width:
            i += 1
            continue
        header = lines[i : i + width]
        numbered = column_role(header[0].text.strip(_EDGE_WS)) == "number"
        rows, end = _flattened_rows(lines, i + width, width, numbered)
        if not rows:
            i += width
            continue
        for row in [header, *rows]:
            wrapped = _wrapped_cells(row, width)
            for k, (a, b) in enumerate(zip(row, row[1:], strict=False)):
                gap_start = a.start + len(a.text.rstrip(_EDGE_WS))
                gap_end = b.start + (len(b.text) - len(b.text.lstrip(_EDGE_WS)))
                if k in wrapped and gap_end == b.start and gap_start + 1 == b.start:
                    found.joins.add(gap_start)  # a cell wrapped onto the next line: one cell again
                else:
                    found.separators[gap_start] = (gap_end, 0)
        i = end


#: A line that stops mid-sentence (a cell wrapped onto the next line ends with a comma or runs long).
_OPEN_END = re.compile(r"[,，、;；:：]$")


def _wrapped_cells(row: list[_Line], width: int) -> set[int]:
    """Indexes k where line k and k+1 are one wrapped cell, while the row has more lines than
    its header has columns: the first line that stops mid-sentence joins the next."""
    joined: set[int] = set()
    surplus = len(row) - width
    for k in range(1, len(row) - 1):
        if surplus <= 0:
            break
        text = row[k].text.strip(_EDGE_WS)
        if _OPEN_END.search(text) or (len(text) > 20 and not text.endswith(("。", "!", "！", "?", "？"))):
            joined.add(k)
            surplus -= 1
    return joined


def find_text_tables(raw: str) -> TextTables:
    """Where ``raw`` holds text tables: the separators to write as `` | `` and wrapped-cell line breaks."""
    found = TextTables()
    lines = _lines(raw)
    _flattened_tables(lines, found)
    if "\t" not in raw and " " not in raw and "\u3000" not in raw:
        return found
    i = 0
    while i < len(lines):
        pattern = _header_pattern(lines[i])
        if pattern is None:
            i += 1
            continue
        rows = [lines[i]]
        j = i + 1
        while j < len(lines):
            if _separators(lines[j], pattern):
                rows.append(lines[j])
            elif (
                lines[j].text.strip(_EDGE_WS)
                and j + 1 < len(lines)
                and _separators(lines[j + 1], pattern)
                and j - 1 >= 0
                and lines[j - 1] is rows[-1]
            ):
                found.joins.add(lines[j].start - 1)  # the line break before the wrapped part
            else:
                break
            j += 1
        header_seps = len(_separators(rows[0], pattern))
        task_col = _task_column(rows[0], pattern)
        for row in rows:
            seps = _separators(row, pattern)
            if pattern in (_FULLWIDTH, _SINGLE) and len(seps) > header_seps:
                # A single full-width space is also ordinary spacing inside a cell (``团队　30个``):
                # a row with more cells than its header keeps the surplus in the task cell.
                surplus = len(seps) - header_seps
                seps = seps[:task_col] + seps[task_col + surplus :]
            for start, end, empty in seps:
                found.separators[start] = (end, empty)
        i = j
    return found
