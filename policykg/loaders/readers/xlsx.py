"""XLSX via openpyxl: one `` | `` line per row, sheet by sheet, header row first.

Merged cells: openpyxl keeps a merged range's value only in its top-left cell. A
vertical merge (one 责任单位 over several task rows) is filled down so every row
carries it; the columns a horizontal merge spans stay empty so the row still lines
up with the header. Cached formula results are read (``data_only``), not formulas.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from policykg.loaders.readers.decode import Decoded
from policykg.loaders.readers.rows import table_lines


def read(data: bytes, source: str) -> Decoded:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    sheets = [(ws.title, table_lines(_grid(ws))) for ws in book.worksheets]
    sheets = [(title, lines) for title, lines in sheets if lines]
    out: list[str] = []
    for title, lines in sheets:
        if len(sheets) > 1:
            out.append(title)  # several sheets: say which one the rows come from
        out.extend(lines)
    return Decoded("\n".join(out), None)


def _grid(ws: Worksheet) -> list[list[str]]:
    grid = [[_value(v) for v in row] for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        for r in range(top + 1, min(merged.max_row, len(grid))):
            if left < len(grid[r]):
                grid[r][left] = value
    return grid


def _value(value: object) -> str:
    """A cell's value as the sheet shows it: 150.0 -> 150, a midnight datetime -> its date."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
