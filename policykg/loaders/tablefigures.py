"""Figures in a table of bare numbers whose unit the table states.

Progress and completion tables (完成情况表) give numbers without units: the unit stands once
above the table (``单位:亿元``) or in a column's name (``完成率(%)``), and what a number is
stands in its column's name (年度投资计划 a target, 一季度完成投资 an actual). The figure
stage reads units from beside each number, so such a table's numbers were lost. Here each
bare number of a column that says its kind becomes a figure with the stated unit; the row's
first cell and the column name make its indicator, the whole row its raw text.
"""

from __future__ import annotations

import re

from policykg.loaders import lexicon
from policykg.loaders.numbers import find_quantities
from policykg.loaders.periods import YEAR
from policykg.loaders.tables import LABEL_UNIT, Table, TableFigure, figure_kind

#: A line above a table stating its unit: 单位:亿元, 计量单位:万元.
_STATED_UNIT = re.compile(rf"^\s*(?:{lexicon.alternation('columns.unit_labels')})\s*:\s*([^\s|:]{{1,12}})\s*$")
#: Between the units of a table whose columns differ (单位:个、亿元).
_UNIT_LIST = re.compile(r"[、,，/]")
#: A cell that is a number alone, or a number with %.
_BARE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")
#: How many lines above a table its unit line and title may stand.
_LINES_ABOVE = 3


def _column_unit(stated: str | None, name: str) -> str | None:
    """The stated unit a column's numbers are in: the one, or of several (单位:个、亿元) the one whose word the
    column's name holds (项目个数: 个), else the last (年投资计划: 亿元)."""
    if stated is None:
        return None
    units = [u for u in _UNIT_LIST.split(stated) if u]
    if len(units) <= 1:
        return units[0] if units else None
    return next((u for u in units if u[0] in name), units[-1])


def _above(text: str, start: int) -> list[str]:
    """The few lines right above a table, nearest last."""
    return text[:start].rstrip("\n").split("\n")[-_LINES_ABOVE:]


def stated_unit_figures(tables: list[Table], text: str, year: int | None) -> list[TableFigure]:
    """Every bare number under a column that says its kind, in a table that states the unit."""
    out: list[TableFigure] = []
    for table in tables:
        if table.indicator_table or not table.rows:
            continue
        above = _above(text, table.header_span[0])
        stated = next((m.group(1) for line in reversed(above) if (m := _STATED_UNIT.match(line))), None)
        table_year = next((int(m.group(1)) for line in reversed(above) for m in YEAR.finditer(line)), year)
        for col in table.columns[1:]:
            name = re.sub(r"\s+", "", col.name)
            kind = figure_kind(name)
            named = LABEL_UNIT.search(name)
            unit_word = named.group(1) if named else _column_unit(stated, name)
            if kind is None or unit_word is None:
                continue
            for row in table.rows:
                if col.index >= len(row.cells) or not row.cells or not (m := _BARE.match(row.cells[col.index].text)):
                    continue
                written = m.group(1) + (m.group(2) or unit_word)
                quantities = find_quantities(written)
                if len(quantities) != 1 or quantities[0].unit is None:
                    continue
                label = re.sub(r"\s+", "", row.cells[0].text)
                raw = text[row.span[0] : row.span[1]].strip()
                out.append(TableFigure(f"{label}{LABEL_UNIT.sub('', name)}", quantities[0].value, quantities[0].unit,
                                        table_year, kind, raw, row.cells[col.index].span))
    out.sort(key=lambda f: f.span[0])
    return out
