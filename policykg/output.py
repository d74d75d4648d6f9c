"""Render query rows for people and for other programs: table, json, csv, xlsx, md.

One registry of formats, so ``--format`` means the same on every CLI verb and a
new format is one function. Rows are plain dicts (as the query runner returns
them); columns come from the query header so an empty result still has a header.

Choices that matter to the users:
- table: rich measures display width, so Chinese (two cells a character) lines up;
- csv: UTF-8 with a BOM, because Excel otherwise reads UTF-8 Chinese as mojibake;
- json: ``ensure_ascii=False``, so 高新处 stays readable;
- xlsx: written to a file only (it is binary).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

Row = dict[str, Any]
FORMATS = ("table", "json", "csv", "xlsx", "md")
BOM = "\ufeff"
LIST_SEPARATOR = "、"  # how a list cell reads in a Chinese table: 高新处、计财处


class OutputError(ValueError):
    """The rows cannot be rendered as asked (e.g. xlsx without a file to write)."""


def columns_of(rows: Sequence[Row], columns: Sequence[str] | None = None) -> list[str]:
    """The declared columns, else the keys in first-seen order."""
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def cell_text(value: Any) -> str:
    """A value as one table/csv cell: integral floats without '.0', lists joined, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return str(round(value, 6)) if math.isfinite(value) else ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def json_value(value: Any) -> Any:
    """A value JSON can carry; graph values (dates, nodes) fall back to their text."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    return str(value)


def to_json(rows: Sequence[Row], columns: Sequence[str] | None = None) -> str:
    cols = columns_of(rows, columns)
    return json.dumps([{c: json_value(r.get(c)) for c in cols} for r in rows], ensure_ascii=False, indent=2)


def to_csv(rows: Sequence[Row], columns: Sequence[str] | None = None) -> str:
    """CSV text without the BOM (``render`` adds it)."""
    cols = columns_of(rows, columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(cols)
    for row in rows:
        writer.writerow([cell_text(row.get(c)) for c in cols])
    return buffer.getvalue()


def to_markdown(rows: Sequence[Row], columns: Sequence[str] | None = None) -> str:
    """A GitHub table, padded by display width so the source lines up in a terminal too."""
    cols = columns_of(rows, columns)
    if not cols:
        return ""
    body = [[_md_cell(cell_text(r.get(c))) for c in cols] for r in rows]
    widths = [max([cell_len(c), 3, *(cell_len(line[k]) for line in body)]) for k, c in enumerate(cols)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell + " " * (widths[k] - cell_len(cell)) for k, cell in enumerate(cells)) + " |"

    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    return "\n".join([line(cols), rule, *(line(cells) for cells in body)]) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def to_table(rows: Sequence[Row], columns: Sequence[str] | None = None, title: str | None = None) -> Table:
    cols = columns_of(rows, columns)
    table = Table(title=title, show_lines=False, header_style="bold")
    numeric = {c for c in cols if rows and all(isinstance(r.get(c), int | float) or r.get(c) is None for r in rows)}
    for c in cols:
        # numbers never wrap (a split number misleads); text folds, keeping CJK characters whole
        table.add_column(c, justify="right" if c in numeric else "left", overflow="fold", no_wrap=c in numeric)
    for row in rows:
        table.add_row(*(cell_text(row.get(c)) for c in cols))
    return table


def write_xlsx(rows: Sequence[Row], columns: Sequence[str] | None, path: str | Path, sheet: str = "result") -> None:
    """An Excel sheet with a bold header; numbers stay numbers, lists become text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    cols = columns_of(rows, columns)
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook always has one sheet
    ws.title = sheet[:31] or "result"
    ws.append(cols)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_xlsx_value(row.get(c)) for c in cols])
    for k, c in enumerate(cols, 1):
        width = max([cell_len(c), *(cell_len(cell_text(r.get(c))) for r in rows[:200])]) + 2
        ws.column_dimensions[ws.cell(1, k).column_letter].width = min(width, 80)
    ws.freeze_panes = "A2"
    book.save(path)


def _xlsx_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return cell_text(value)


def render(
    rows: Sequence[Row],
    columns: Sequence[str] | None = None,
    fmt: str = "table",
    output: str | Path | None = None,
    *,
    stdout: IO[str] | None = None,
    title: str | None = None,
) -> None:
    """Print rows in a format, or write them to ``output``."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise OutputError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    writer(rows, columns, output, stdout, title)


def _emit(text: str, output: str | Path | None, stdout: IO[str] | None, encoding: str = "utf-8") -> None:
    if output is not None:
        Path(output).write_text(text, encoding=encoding, newline="")
        return
    stream = stdout if stdout is not None else _stdout()
    stream.write(text if text.endswith("\n") or not text else text + "\n")


def _stdout() -> IO[str]:
    import sys

    return sys.stdout


def _render_table(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
                  stdout: IO[str] | None, title: str | None) -> None:
    table = to_table(rows, columns, title)
    if output is not None:
        with open(output, "w", encoding="utf-8") as handle:
            Console(file=handle, width=200, no_color=True).print(table)
        return
    console = Console(file=stdout) if stdout is not None else Console()
    console.print(table)
    console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim")


def _render_json(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
                 stdout: IO[str] | None, title: str | None) -> None:
    _emit(to_json(rows, columns) + "\n", output, stdout)


def _render_csv(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
                stdout: IO[str] | None, title: str | None) -> None:
    # The BOM goes to stdout too: `policykg query ... --format csv > out.csv` is how most files get made.
    if output is not None:
        _emit(to_csv(rows, columns), output, stdout, encoding="utf-8-sig")
    else:
        _emit(BOM + to_csv(rows, columns), None, stdout)


def _render_md(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
               stdout: IO[str] | None, title: str | None) -> None:
    _emit(to_markdown(rows, columns), output, stdout)


def _render_xlsx(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
                 stdout: IO[str] | None, title: str | None) -> None:
    if output is None:
        raise OutputError("xlsx is a binary format: give a file with --output result.xlsx")
    write_xlsx(rows, columns, output, sheet=title or "result")


_WRITERS: dict[str, Callable[[Sequence[Row], Sequence[str] | None, str | Path | None, IO[str] | None, str | None], None]] = {
    "table": _render_table,
    "json": _render_json,
    "csv": _render_csv,
    "md": _render_md,
    "xlsx": _render_xlsx,
}
