"""Table cells in the normalised text: which column a number sits in.

Readers flatten a table to one line per row with cells joined by `` | ``. A
status table's 完成情况 column holds results while the others (任务, 目标任务,
举措, 下一步打算) hold goals, so a figure's kind depends on its column. The
column comes from the nearest header line above the row (the line that names a
results column), not from the structure stage, so the rule still holds when a
row's cells are shifted or the outline misses a row. Task ``fields`` are used as
a fallback when a table has no header line in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders.types import TaskRecord

#: Column titles whose cells report what was done.
RESULT_COLUMN = re.compile(r"完成情况|进展情况|完成进度|工作进展|进展|实际完成|执行情况|落实情况|完成值|实际值|成效")
_CELL = re.compile(r"[^|]+")


@dataclass(frozen=True)
class Cell:
    row_start: int  # the row line's start offset: cells of one row share it
    index: int
    start: int
    end: int
    result: bool  # under a results column
    header: bool = False  # a header line: its numbers (不超过300字) are no figures


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _CELL.finditer(line):
        raw = m.group(0)
        if not raw.strip():
            out.append((offset + m.start(), offset + m.end(), ""))
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append((offset + m.start() + lead, offset + m.start() + len(raw.rstrip()), raw.strip()))
    return out


def table_cells(text: str) -> list[Cell]:
    """Every cell of every table row that follows a header naming a results column."""
    out: list[Cell] = []
    header: list[bool] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if " | " not in line and not line.rstrip().endswith("|"):
            header = None if line.strip() else header
            continue
        cells = _cells(line, start)
        names = [c[2] for c in cells]
        if _is_header(names):
            header = [bool(RESULT_COLUMN.search(n.replace(" ", ""))) for n in names]
            out.extend(Cell(start, i, c[0], c[1], False, header=True) for i, c in enumerate(cells))
            continue
        for i, (s, e, _) in enumerate(cells):
            result = bool(header and i < len(header) and header[i])
            out.append(Cell(start, i, s, e, result))
    return out


def _is_header(names: list[str]) -> bool:
    """A header names a results column and has only short cells (column titles, not prose)."""
    short = [re.sub(r"[(（].*?[)）]|\s", "", n) for n in names]
    return any(RESULT_COLUMN.search(n) for n in short) and all(len(n) <= 16 for n in short)


def result_spans_from_fields(text: str, tasks: list[TaskRecord]) -> list[tuple[int, int]]:
    """Where a task's results field stands in the text, when the table had no header line."""
    out = []
    for t in tasks:
        for name, value in t.fields.items():
            if not value or not RESULT_COLUMN.search(name):
                continue
            at = text.find(value, t.span[0], max(t.span[1], t.span[0] + len(value)))
            if at >= 0:
                out.append((at, at + len(value)))
    return out


def cell_at(cells: list[Cell], pos: int) -> Cell | None:
    """The cell containing ``pos``; ``cells`` are in text order (binary search: tables can be long)."""
    i = _last_starting_at_or_before(cells, pos)
    if i >= 0 and cells[i].start <= pos < cells[i].end:
        return cells[i]
    return None


def _last_starting_at_or_before(cells: list[Cell], pos: int) -> int:
    lo, hi = 0, len(cells)
    while lo < hi:
        mid = (lo + hi) // 2
        if cells[mid].start <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
