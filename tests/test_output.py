"""Rendering rows: Chinese columns aligned, CSV that Excel opens, JSON that stays readable."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.cells import cell_len

from policykg.output import OutputError, cell_text, render, to_csv, to_markdown

ROWS: list[dict[str, Any]] = [
    {"unit": "高新处", "agency": "浙江省科学技术厅", "tasks": 14, "value": 15000000000.0, "leads": ["计财处", "法规处"]},
    {"unit": "办公室", "agency": None, "tasks": 3, "value": 2.5, "leads": []},
]
COLUMNS = ["unit", "agency", "tasks", "value", "leads"]


def rendered(fmt: str, rows: list[dict] = ROWS, columns: list[str] | None = COLUMNS) -> str:
    out = io.StringIO()
    render(rows, columns, fmt, stdout=out)
    return out.getvalue()


def test_cells_read_naturally() -> None:
    assert cell_text(15000000000.0) == "15000000000"
    assert cell_text(1.157) == "1.157"
    assert cell_text(None) == ""
    assert cell_text(["计财处", "法规处"]) == "计财处、法规处"
    assert cell_text(True) == "true"


def test_json_is_a_list_of_row_objects_with_chinese_kept() -> None:
    text = rendered("json")
    assert "高新处" in text
    assert json.loads(text) == [{c: r.get(c) for c in COLUMNS} for r in ROWS]


def test_csv_has_a_bom_for_excel_and_a_header_even_when_empty(tmp_path: Path) -> None:
    text = rendered("csv")
    assert text.startswith("\ufeffunit,agency,tasks,value,leads\r\n")
    assert "高新处,浙江省科学技术厅,14,15000000000,计财处、法规处" in text
    target = tmp_path / "out.csv"
    render([], COLUMNS, "csv", target)
    assert target.read_bytes() == b"\xef\xbb\xbf" + b"unit,agency,tasks,value,leads\r\n"
    assert to_csv([{"a": 'say "hi", ok'}]) == 'a\r\n"say ""hi"", ok"\r\n'


def test_markdown_columns_line_up_by_display_width() -> None:
    lines = to_markdown(ROWS, COLUMNS).splitlines()
    assert lines[0].startswith("| unit ")
    assert lines[1].startswith("| ---")
    assert len({cell_len(line) for line in lines}) == 1  # 高新处 is six cells wide, not three
    assert to_markdown([{"a": "x|y"}]) .splitlines()[2] == "| x\\|y |"


def test_table_aligns_chinese_columns() -> None:
    text = rendered("table")
    table_lines = [line for line in text.splitlines() if line.startswith(("┃", "│"))]
    assert any("高新处" in line for line in table_lines)
    assert len({cell_len(line) for line in table_lines}) == 1
    assert "2 rows" in text


def test_xlsx_keeps_numbers_as_numbers(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    render(ROWS, COLUMNS, "xlsx", target, title="units-leading-most-tasks")
    sheet = load_workbook(target).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == COLUMNS
    assert [c.value for c in sheet[2]] == ["高新处", "浙江省科学技术厅", 14, 15000000000, "计财处、法规处"]
    assert sheet.title == "units-leading-most-tasks"


def test_xlsx_needs_a_file_and_unknown_formats_are_named() -> None:
    with pytest.raises(OutputError, match="--output"):
        render(ROWS, COLUMNS, "xlsx")
    with pytest.raises(OutputError, match="table, json, csv, xlsx, md"):
        render(ROWS, COLUMNS, "html")


def test_columns_default_to_the_keys_in_first_seen_order() -> None:
    assert json.loads(rendered("json", [{"b": 1}, {"a": 2}], None)) == [{"b": 1, "a": None}, {"b": None, "a": 2}]
