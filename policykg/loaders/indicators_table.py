"""Indicator tables: one row per indicator, one column per year, bare numbers in the cells.

Plans often close with a 主要预期指标 table::

    指标 | 2016年完成 | 2017年预期目标 |
    全社会研发经费支出(亿元) | 15500 | 16800 |

The numbers carry no unit of their own (it stands in the row label, ``(亿元)``), so
the quantity finder never sees them; and their kind and year are in the column
header, not in any sentence. This module reads such a table: the header is a row
whose first cell names the indicator column (指标, 指标名称…) and whose other cells
name a year and what the figure is (完成/实际 -> actual, 目标/预期/计划 -> target).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders.numbers import find_quantities

_CELL = re.compile(r"[^|]+")
_INDICATOR_COLUMN = re.compile(r"^(?:主要)?指标(?:名称|项目|项)?$")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_ACTUAL = re.compile(r"完成|实际|实绩|现状|基数")
_TARGET = re.compile(r"目标|预期|计划|预计")
_LABEL_UNIT = re.compile(r"[(]([^()]{1,6})[)]\s*$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class TableFigure:
    """One number of an indicator table, in base units, with its column's kind and year."""

    indicator: str
    value: float
    unit: str
    year: int
    kind: str
    raw: str
    span: tuple[int, int]


@dataclass(frozen=True)
class _Column:
    year: int
    kind: str


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _CELL.finditer(line):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        out.append((offset + m.start() + lead, offset + m.start() + len(raw.rstrip()), raw.strip()))
    return out


def _columns(names: list[str]) -> dict[int, _Column] | None:
    """Year columns of a header row, or None when the row is no indicator-table header."""
    if len(names) < 2 or not _INDICATOR_COLUMN.match(re.sub(r"\s", "", names[0])):
        return None
    cols: dict[int, _Column] = {}
    for i, name in enumerate(names[1:], start=1):
        year = _YEAR.search(name)
        actual, target = bool(_ACTUAL.search(name)), bool(_TARGET.search(name))
        if year and actual != target:
            cols[i] = _Column(int(year.group(1)), "actual" if actual else "target")
    return cols or None


def _figure(label: str, cell: tuple[int, int, str], col: _Column) -> TableFigure | None:
    unit_m = _LABEL_UNIT.search(label)
    if unit_m is None or not _NUMBER.match(cell[2]):
        return None
    quantities = find_quantities(cell[2] + unit_m.group(1))
    if len(quantities) != 1 or (unit := quantities[0].unit) is None:
        return None
    indicator = label[: unit_m.start()].strip()
    return TableFigure(indicator, quantities[0].value, unit, col.year, col.kind, f"{label} {cell[2]}", (cell[0], cell[1]))


def indicator_table_figures(text: str) -> list[TableFigure]:
    """Every number under a year column of an indicator table, in text order."""
    out: list[TableFigure] = []
    columns: dict[int, _Column] | None = None
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if " | " not in line and not line.rstrip().endswith("|"):
            columns = None
            continue
        cells = _cells(line, start)
        names = [c[2] for c in cells]
        if (header := _columns(names)) is not None:
            columns = header
            continue
        if columns is None or not cells:
            continue
        for i, col in columns.items():
            if i < len(cells) and (fig := _figure(names[0], cells[i], col)) is not None:
                out.append(fig)
    return out
