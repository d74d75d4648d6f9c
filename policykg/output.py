"""Render query rows for people and for other programs: table, json, csv, xlsx, md.

One registry of formats, so ``--format`` means the same on every CLI verb and a
new format is one function. Rows are plain dicts (as the query runner returns
them); columns come from the query header so an empty result still has a header.

Choices that matter to the users:
- table: fits the terminal (``$COLUMNS``, else the tty, else 80 cells). Chinese
  characters count two cells; long text is cut with ``…``; numbers are never cut;
  a header too wide for its column wraps at ``_``; id columns are the first to go
  when even that does not fit, and the footer names what was left out. No column
  is ever squeezed to nothing.
- figures read as a Chinese reader writes them in table and md (1157亿元, 2.5万件,
  2.33%); json, csv and xlsx keep the exact base value (115700000000) and add a
  ``<column>_display`` column beside it, so a spreadsheet can sort and still show
  what the table showed;
- spans read ``[start, end)`` (json keeps the two numbers);
- csv: UTF-8 with a BOM, because Excel otherwise reads UTF-8 Chinese as mojibake;
- json: ``ensure_ascii=False``, so 高新处 stays readable;
- xlsx: written to a file only (it is binary).
"""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rich.cells import cell_len

Row = dict[str, Any]
FORMATS = ("table", "json", "csv", "xlsx", "md")
HUMAN_FORMATS = ("table", "md")
BOM = "\ufeff"
LIST_SEPARATOR = "、"  # how a list cell reads in a Chinese table: 高新处、计财处
ELLIPSIS = "…"
GAP = "  "  # between table columns: two cells, no box, so ten columns still fit in 80
DEFAULT_WIDTH = 80
MIN_TEXT = 5  # cells: two Chinese characters and the …
COMFORT = 12  # cells a text column should have before an id column is shown beside it

#: Columns holding a figure in the row's ``unit`` (targets, actuals): shown as 1157亿元.
FIGURE_COLUMNS = ("value", "value_high", "target", "target_high", "actual")
#: Columns holding ``[start, end)`` character offsets into a document's text.
SPAN_COLUMNS = ("span",)
#: Columns whose text is the point of the row (the sentence behind a fact): wrapped, never cut.
WRAP_COLUMNS = ("sentence",)
#: Columns a narrow terminal drops first: paths and secondary ids are for copying, not for reading.
LOW_PRIORITY = ("source", "path", "sha256")
#: The row's own id: never cut (a cut id cannot be copied) and dropped last, as ``evidence`` needs it.
ROW_ID = "id"
#: Scale words, largest first: a value at or above the threshold is shown in that scale.
SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
#: Units a figure is shown in as is (no 万/亿): shares and rates.
UNSCALED_UNITS = ("%", "‰", "个百分点", "百分点", "倍")


class OutputError(ValueError):
    """The rows cannot be rendered as asked (e.g. xlsx without a file to write)."""


# --- values -------------------------------------------------------------------------------


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


def _short(number: float) -> str:
    """At most two decimals, no trailing zeros: 1157.0 -> 1157, 2.50 -> 2.5, 2.333 -> 2.33."""
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def display_figure(value: Any, unit: str | None = None) -> str:
    """A figure as a Chinese reader writes it: 115700000000 元 -> 1157亿元, 25000 件 -> 2.5万件, 2.33 % -> 2.33%."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return cell_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    unit = unit or ""
    if unit in UNSCALED_UNITS or unit.startswith(("万", "亿")):
        return _short(float(value)) + unit
    for threshold, word in SCALES:
        if abs(value) >= threshold:
            return _short(value / threshold) + word + unit
    return _short(float(value)) + unit


def display_span(value: Any) -> str:
    """A ``[start, end)`` span as it reads: [681, 685); anything else as its cell text."""
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int | float) for v in value):
        return f"[{int(value[0])}, {int(value[1])})"
    return cell_text(value)


def _unit_of(row: Row) -> str | None:
    unit = row.get("unit")
    return unit if isinstance(unit, str) else None


#: Endings of a pivot's figure columns (``indicator-matrix --pivot``: 浙江省 target, 浙江省 actual).
PIVOT_FIGURE_ENDINGS = (" target", " actual")


def _figure_columns(columns: Sequence[str]) -> list[str]:
    """The figure columns, when the rows say their unit (a bare ``value`` from ad hoc Cypher is left alone)."""
    if "unit" not in columns:
        return []
    return [c for c in columns if c in FIGURE_COLUMNS or c.endswith(PIVOT_FIGURE_ENDINGS)]


def for_people(rows: Sequence[Row], columns: Sequence[str]) -> list[Row]:
    """Rows as table and md show them: figures with 亿/万 and their unit, spans as [start, end)."""
    figures = _figure_columns(columns)
    spans = [c for c in columns if c in SPAN_COLUMNS]
    if not figures and not spans:
        return list(rows)
    out = []
    for row in rows:
        shown = dict(row)
        for c in figures:
            shown[c] = display_figure(row.get(c), _unit_of(row))
        for c in spans:
            shown[c] = display_span(row.get(c))
        out.append(shown)
    return out


def for_programs(rows: Sequence[Row], columns: Sequence[str]) -> tuple[list[Row], list[str]]:
    """Rows as json/csv/xlsx carry them: exact values, plus ``<figure>_display`` beside each figure column."""
    figures = _figure_columns(columns)
    if not figures:
        return list(rows), list(columns)
    cols: list[str] = []
    for c in columns:
        cols.append(c)
        if c in figures and f"{c}_display" not in columns:
            cols.append(f"{c}_display")
    out = []
    for row in rows:
        extended = dict(row)
        for c in figures:
            extended.setdefault(f"{c}_display", display_figure(row.get(c), _unit_of(row)))
        out.append(extended)
    return out, cols


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


def _flat_text(row: Row, column: str) -> str:
    """A cell for csv/xlsx text: spans as [start, end), lists joined."""
    value = row.get(column)
    return display_span(value) if column in SPAN_COLUMNS else cell_text(value)


# --- the formats -----------------------------------------------------------------------------


def to_json(rows: Sequence[Row], columns: Sequence[str] | None = None) -> str:
    rows, cols = for_programs(rows, columns_of(rows, columns))
    return json.dumps([{c: json_value(r.get(c)) for c in cols} for r in rows], ensure_ascii=False, indent=2)


def to_csv(rows: Sequence[Row], columns: Sequence[str] | None = None, headers: str = "keys") -> str:
    """CSV text without the BOM (``render`` adds it); ``headers``: keys, zh or both (``queries.labels``)."""
    from policykg.queries.labels import header

    rows, cols = for_programs(rows, columns_of(rows, columns))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header(c, headers) for c in cols])
    for row in rows:
        writer.writerow([_flat_text(row, c) for c in cols])
    return buffer.getvalue()


def to_markdown(rows: Sequence[Row], columns: Sequence[str] | None = None) -> str:
    """A GitHub table, padded by display width so the source lines up in a terminal too."""
    cols = columns_of(rows, columns)
    if not cols:
        return ""
    body = [[_md_cell(cell_text(r.get(c))) for c in cols] for r in for_people(rows, cols)]
    widths = [max([cell_len(c), 3, *(cell_len(line[k]) for line in body)]) for k, c in enumerate(cols)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell + " " * (widths[k] - cell_len(cell)) for k, cell in enumerate(cells)) + " |"

    rule = "| " + " | ".join("-" * w for w in widths) + " |"
    return "\n".join([line(cols), rule, *(line(cells) for cells in body)]) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def write_xlsx(rows: Sequence[Row], columns: Sequence[str] | None, path: str | Path, sheet: str = "result",
               headers: str = "keys") -> None:
    """An Excel sheet with a bold header (``headers``: keys, zh or both); numbers stay numbers, lists become text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from policykg.queries.labels import header

    rows, cols = for_programs(rows, columns_of(rows, columns))
    book = Workbook()
    ws = book.active
    assert ws is not None  # a new workbook always has one sheet
    ws.title = "".join(ch for ch in sheet if ch not in "[]:*?/\\")[:31] or "result"
    ws.append([header(c, headers) for c in cols])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_xlsx_value(row, c) for c in cols])
    for k, c in enumerate(cols, 1):
        width = max([cell_len(c), *(cell_len(cell_text(r.get(c))) for r in rows[:200])]) + 2
        ws.column_dimensions[ws.cell(1, k).column_letter].width = min(width, 80)
    ws.freeze_panes = "A2"
    book.save(path)


def _xlsx_value(row: Row, column: str) -> Any:
    value = row.get(column)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return _flat_text(row, column)


# --- the terminal table ------------------------------------------------------------------------


def truncate(text: str, width: int) -> str:
    """Cut text to ``width`` display cells, ending in ``…`` when something was cut."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def wrap(text: str, width: int) -> list[str]:
    """Fold text into lines of at most ``width`` cells (CJK has no spaces to break at)."""
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width and line:
            cut = len(line)
            if ch.isascii() and ch != " " and " " in line:  # an English word moves to the next line whole
                cut = len(line) - line[::-1].index(" ")
            lines.append("".join(line[:cut]).rstrip())
            line = line[cut:]
            used = cell_len("".join(line))
        line.append(ch)
        used += w
    lines.append("".join(line))
    return lines


def pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - cell_len(text))
    return space + text if right else text + space


def header_lines(header: str, width: int) -> list[str]:
    """A header in a column of ``width`` cells: whole if it fits, else wrapped after its ``_``."""
    if cell_len(header) <= width:
        return [header]
    parts = header.split("_")
    pieces = [p + "_" for p in parts[:-1]] + [parts[-1]]
    lines = [""]
    for piece in pieces:
        if lines[-1] and cell_len(lines[-1] + piece) > width:
            lines.append("")
        lines[-1] += piece
    return [line if cell_len(line) <= width else truncate(line, width) for line in lines]


def header_min(header: str) -> int:
    """The narrowest column that still shows the whole header (wrapped after ``_``)."""
    parts = header.split("_")
    return max([cell_len(p) + 1 for p in parts[:-1]] + [cell_len(parts[-1])])


def is_low_priority(column: str) -> bool:
    return column in LOW_PRIORITY or column.endswith("_id") or column.startswith("id_")


@dataclass(frozen=True)
class Layout:
    """Which columns a table shows at which width, and which it had to leave out."""

    columns: list[str]
    widths: dict[str, int]
    hidden: list[str]
    right: frozenset[str]


def plan_layout(rows: Sequence[Row], columns: Sequence[str], width: int | None,
                numeric: frozenset[str] = frozenset()) -> Layout:
    """Fit columns into ``width`` cells (None: no limit).

    Each column gets at least its header (wrapped after ``_``); numbers get their full
    width; the space left is shared out so that short columns are shown whole and the
    long ones split the rest evenly (water-filling). Columns that cannot get even
    that go, ids first, then from the right.
    """
    cols = list(columns)
    natural = {c: max([cell_len(c), *(cell_len(_one_line(r.get(c))) for r in rows)]) for c in cols}
    data = {c: max([0, *(cell_len(_one_line(r.get(c))) for r in rows)]) for c in cols}
    minimum = {}
    for c in cols:
        if c in numeric or c == ROW_ID or is_low_priority(c):  # a cut number misleads, a cut id cannot be copied
            minimum[c] = max(data[c], header_min(c))
        elif c in WRAP_COLUMNS:
            minimum[c] = max(header_min(c), min(natural[c], 12))
        else:  # at least the header, and room for two Chinese characters and the …
            minimum[c] = min(natural[c], max(header_min(c), MIN_TEXT))
    hidden: list[str] = []
    if width is not None:
        def needed(shown: list[str]) -> int:
            return sum(minimum[c] for c in shown) + cell_len(GAP) * (len(shown) - 1)

        order = ([c for c in reversed(cols) if is_low_priority(c)]
                 + [c for c in reversed(cols[1:]) if not is_low_priority(c) and c != ROW_ID]
                 + [c for c in cols[1:] if c == ROW_ID])
        while needed([c for c in cols if c not in hidden]) > width and len(cols) - len(hidden) > 1:
            hidden.append(order[len(hidden)])
    while True:
        shown = [c for c in cols if c not in hidden]
        if width is None:
            return Layout(shown, {c: natural[c] for c in shown}, hidden, numeric)
        widths = _fill(shown, minimum, natural, data, width - cell_len(GAP) * (len(shown) - 1))
        squeezed = any(widths[c] < min(natural[c], COMFORT) for c in shown if c not in numeric and not is_low_priority(c))
        ids = [c for c in reversed(shown) if is_low_priority(c)]
        if not (squeezed and ids):
            return Layout(shown, {c: widths[c] for c in shown}, hidden, numeric)
        hidden.append(ids[0])  # an id is worth less than readable text beside it


def _fill(shown: list[str], minimum: dict[str, int], natural: dict[str, int], data: dict[str, int],
          room: int) -> dict[str, int]:
    """Widths for the shown columns: a wrapped sentence column first gets what the others can spare."""
    wrapping = [c for c in shown if c in WRAP_COLUMNS]
    others = [c for c in shown if c not in WRAP_COLUMNS]
    if wrapping:
        spare = room - sum(minimum[c] for c in others)
        budget = {c: max(minimum[c], min(natural[c], spare // len(wrapping), room // (2 * len(wrapping))))
                  for c in wrapping}
        base = _share(others, minimum, natural, room - sum(budget.values()))
        return _share(shown, {**base, **budget}, natural, room)
    # text first: headers wrapped after _ until the text columns have what they need
    wrapped = {c: max(minimum[c], data[c], header_min(c)) for c in shown}
    return _share(shown, _share(shown, minimum, wrapped, room), natural, room)


def _share(columns: list[str], minimum: dict[str, int], natural: dict[str, int], room: int) -> dict[str, int]:
    """Water-filling: the highest level L such that sum(clamp(L, min, natural)) fits the room."""
    def total(level: int) -> int:
        return sum(max(minimum[c], min(natural[c], level)) for c in columns)

    lo, hi = 0, max([natural[c] for c in columns] + [0])
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if total(mid) <= room:
            lo = mid
        else:
            hi = mid - 1
    widths = {c: max(minimum[c], min(natural[c], lo)) for c in columns}
    spare = room - sum(widths.values())
    for c in columns:  # hand out what the integer level left over, left to right
        if spare <= 0:
            break
        if widths[c] < natural[c]:
            widths[c] += 1
            spare -= 1
    return widths


def _one_line(value: Any) -> str:
    return cell_text(value).replace("\r", " ").replace("\n", " ")


def _numeric_columns(rows: Sequence[Row], columns: Sequence[str]) -> frozenset[str]:
    """Columns of numbers (right-aligned, never cut): every value a number, figures and spans."""
    out = {c for c in [*_figure_columns(columns), *columns] if c in _figure_columns(columns) or c in SPAN_COLUMNS}
    for c in columns:
        values = [r.get(c) for r in rows if r.get(c) is not None]
        if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            out.add(c)
    return frozenset(out)


def format_table(rows: Sequence[Row], columns: Sequence[str] | None = None, *, width: int | None = DEFAULT_WIDTH,
                 title: str | None = None, count: bool = True) -> str:
    """A plain-text table that fits ``width`` cells (None: as wide as the data)."""
    cols = columns_of(rows, columns)
    numeric = _numeric_columns(rows, cols)
    shown_rows = for_people(rows, cols)
    layout = plan_layout(shown_rows, cols, width, numeric)
    out: list[str] = []
    if title:
        out.extend([*(wrap(title, width) if width else [title]), ""])
    if layout.columns:
        heads = {c: header_lines(c, layout.widths[c]) for c in layout.columns}
        depth = max(len(h) for h in heads.values())
        for k in range(depth):
            line = GAP.join(pad(heads[c][k] if k < len(heads[c]) else "", layout.widths[c], c in numeric)
                            for c in layout.columns)
            out.append(line.rstrip())
        out.append(GAP.join("─" * layout.widths[c] for c in layout.columns))
        wrapped_any = False
        body: list[list[str]] = []
        shown_rows = _distinguished(shown_rows, layout, numeric)
        for row in shown_rows:
            cells: dict[str, list[str]] = {}
            for c in layout.columns:
                text, w = _one_line(row.get(c)), layout.widths[c]
                cells[c] = wrap(text, w) if c in WRAP_COLUMNS else [truncate(text, w)]
            height = max(len(v) for v in cells.values())
            wrapped_any = wrapped_any or height > 1
            body.append([GAP.join(pad(cells[c][k] if k < len(cells[c]) else "", layout.widths[c], c in numeric)
                                  for c in layout.columns).rstrip() for k in range(height)])
        for k, lines in enumerate(body):
            if wrapped_any and k:
                out.append("")  # rows of several lines need a gap to read as rows
            out.extend(lines)
    if count:
        out.append(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    if layout.hidden:
        note = f"not shown at {width} columns: {', '.join(layout.hidden)} (a wider terminal, --format json or md shows them)"
        out.extend(wrap(note, width) if width else [note])
    return "\n".join(out) + "\n"


def _distinguished(rows: list[Row], layout: Layout, numeric: frozenset[str]) -> list[Row]:
    """Text columns the table cuts show each row's distinguishing part (``textcut``), not a shared opening."""
    from policykg.textcut import distinguishing

    out = [dict(r) for r in rows]
    for c in layout.columns:
        if c in numeric or c in WRAP_COLUMNS or c == ROW_ID or is_low_priority(c):
            continue
        texts = [_one_line(r.get(c)) for r in rows]
        for row, text in zip(out, distinguishing(texts, layout.widths[c]), strict=True):
            row[c] = text
    return out


def terminal_width() -> int:
    """``$COLUMNS``, else the terminal's width, else 80."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns or DEFAULT_WIDTH


# --- rendering -----------------------------------------------------------------------------------


def render(
    rows: Sequence[Row],
    columns: Sequence[str] | None = None,
    fmt: str = "table",
    output: str | Path | None = None,
    *,
    stdout: IO[str] | None = None,
    title: str | None = None,
    width: int | None = None,
    headers: str = "keys",
) -> None:
    """Print rows in a format, or write them to ``output``; ``headers`` (keys, zh, both) for csv and xlsx."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise OutputError(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    if fmt in ("csv", "xlsx"):
        _HEADERS[0] = headers
    try:
        writer(rows, columns, output, stdout, title, width)
    finally:
        _HEADERS[0] = "keys"


def check_format(fmt: str, output: str | Path | None, allowed: Sequence[str] = FORMATS) -> None:
    """Refuse a format before any work is done: unknown, or xlsx without a file."""
    if fmt not in allowed:
        raise OutputError(f"unknown --format {fmt!r}; valid: {', '.join(allowed)}")
    if fmt == "xlsx" and output is None:
        raise OutputError("--format xlsx is a binary format: give a file with --output result.xlsx")


def _emit(text: str, output: str | Path | None, stdout: IO[str] | None, encoding: str = "utf-8") -> None:
    if output is not None:
        try:
            Path(output).write_text(text, encoding=encoding, newline="")
        except OSError as exc:
            raise OutputError(f"--output {output}: cannot write ({exc.strerror or exc}); choose another file") from exc
        return
    stream = stdout if stdout is not None else _stdout()
    stream.write(text if text.endswith("\n") or not text else text + "\n")
    stream.flush()


def _stdout() -> IO[str]:
    import sys

    return sys.stdout


#: The header style of the csv or xlsx being written (``render``'s ``headers``), read by their writers.
_HEADERS = ["keys"]
Writer = Callable[[Sequence[Row], Sequence[str] | None, str | Path | None, IO[str] | None, str | None, int | None], None]


def _render_table(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
                  stdout: IO[str] | None, title: str | None, width: int | None) -> None:
    if output is not None:  # a file is read in an editor: every cell whole
        _emit(format_table(rows, columns, width=None, title=title), output, None)
        return
    _emit(format_table(rows, columns, width=width or terminal_width(), title=title), None, stdout)


def _render_json(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
                 stdout: IO[str] | None, title: str | None, width: int | None) -> None:
    _emit(to_json(rows, columns) + "\n", output, stdout)


def _render_csv(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
                stdout: IO[str] | None, title: str | None, width: int | None) -> None:
    # The BOM goes to stdout too: `policykg query ... --format csv > out.csv` is how most files get made.
    if output is not None:
        _emit(to_csv(rows, columns, _HEADERS[0]), output, stdout, encoding="utf-8-sig")
    else:
        _emit(BOM + to_csv(rows, columns, _HEADERS[0]), None, stdout)


def _render_md(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
               stdout: IO[str] | None, title: str | None, width: int | None) -> None:
    _emit(to_markdown(rows, columns), output, stdout)


def _render_xlsx(rows: Sequence[Row], columns: Sequence[str] | None, output: str | Path | None,
                 stdout: IO[str] | None, title: str | None, width: int | None) -> None:
    if output is None:
        raise OutputError("--format xlsx is a binary format: give a file with --output result.xlsx")
    try:
        write_xlsx(rows, columns, output, sheet=title or "result", headers=_HEADERS[0])
    except OSError as exc:
        raise OutputError(f"--output {output}: cannot write ({exc.strerror or exc}); choose another file") from exc


_WRITERS: dict[str, Writer] = {
    "table": _render_table,
    "json": _render_json,
    "csv": _render_csv,
    "md": _render_md,
    "xlsx": _render_xlsx,
}
