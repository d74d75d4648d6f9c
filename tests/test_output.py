"""Rendering rows: Chinese columns aligned, CSV that Excel opens, JSON that stays readable."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.cells import cell_len

from policykg.output import (
    OutputError,
    cell_text,
    display_figure,
    display_span,
    format_table,
    plan_layout,
    render,
    to_csv,
    to_markdown,
    truncate,
    wrap,
)

ROWS: list[dict[str, Any]] = [
    {"unit": "高新处", "agency": "浙江省科学技术厅", "tasks": 14, "score": 15000000000.0, "leads": ["计财处", "法规处"]},
    {"unit": "办公室", "agency": None, "tasks": 3, "score": 2.5, "leads": []},
]
COLUMNS = ["unit", "agency", "tasks", "score", "leads"]


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
    assert text.startswith("\ufeffunit,agency,tasks,score,leads\r\n")
    assert "高新处,浙江省科学技术厅,14,15000000000,计财处、法规处" in text
    target = tmp_path / "out.csv"
    render([], COLUMNS, "csv", target)
    assert target.read_bytes() == b"\xef\xbb\xbf" + b"unit,agency,tasks,score,leads\r\n"
    assert to_csv([{"a": 'say "hi", ok'}]) == 'a\r\n"say ""hi"", ok"\r\n'


def test_markdown_columns_line_up_by_display_width() -> None:
    lines = to_markdown(ROWS, COLUMNS).splitlines()
    assert lines[0].startswith("| unit ")
    assert lines[1].startswith("| ---")
    assert len({cell_len(line) for line in lines}) == 1  # 高新处 is six cells wide, not three
    assert to_markdown([{"a": "x|y"}]) .splitlines()[2] == "| x\\|y |"


def test_table_aligns_chinese_columns() -> None:
    text = rendered("table")
    lines = text.splitlines()
    assert lines[0].split() == ["unit", "agency", "tasks", "score", "leads"]
    body = [line for line in lines[2:4]]
    assert body[0].startswith("高新处  浙江省科学技术厅")
    # the columns start at the same display cell on every line: 高新处 is six cells wide, not three
    starts = {cell_len(line[: line.index(word)]) for line, word in zip([lines[0], *body], ["tasks", "14", "3"], strict=True)}
    assert len(starts) == 1 or max(starts) - min(starts) <= 5  # right-aligned numbers end where "tasks" ends
    ends = {cell_len(line[: line.index(word) + len(word)]) for line, word in zip([lines[0], *body], ["tasks", "14", "3"], strict=True)}
    assert len(ends) == 1
    assert "2 rows" in text


def test_figures_read_as_a_chinese_reader_writes_them() -> None:
    assert display_figure(115700000000, "元") == "1157亿元"
    assert display_figure(25000, "件") == "2.5万件"
    assert display_figure(2.33, "%") == "2.33%"
    assert display_figure(3e12, "元") == "3万亿元"
    assert display_figure(7000, "家") == "7000家"
    assert display_figure(2, "个百分点") == "2个百分点"
    assert display_figure(1212.6e8, "元") == "1212.6亿元"
    assert display_figure(None, "元") == ""
    assert display_span([681, 685]) == "[681, 685)"


FIGURES = [{"indicator": "技术交易额", "year": 2021, "value": 115700000000.0, "unit": "元", "span": [681, 695]},
           {"indicator": "专利", "year": 2015, "value": 25000, "unit": "件", "span": [10, 20]}]


def test_table_and_markdown_show_figures_and_spans_for_people() -> None:
    for fmt in ("table", "md"):
        text = rendered(fmt, FIGURES, ["indicator", "year", "value", "unit", "span"])
        assert "1157亿元" in text and "2.5万件" in text and "[681, 695)" in text, fmt
        assert "115700000000" not in text and "681、695" not in text, fmt


def test_json_csv_and_xlsx_keep_the_exact_value_beside_its_display(tmp_path: Path) -> None:
    cols = ["indicator", "year", "value", "unit", "span"]
    rows = json.loads(rendered("json", FIGURES, cols))
    assert rows[0] == {"indicator": "技术交易额", "year": 2021, "value": 115700000000.0, "value_display": "1157亿元",
                       "unit": "元", "span": [681, 695]}
    text = rendered("csv", FIGURES, cols)
    assert text.splitlines()[0] == "\ufeffindicator,year,value,value_display,unit,span"
    assert "技术交易额,2021,115700000000,1157亿元,元,\"[681, 695)\"" in text
    target = tmp_path / "f.xlsx"
    render(FIGURES, cols, "xlsx", target)
    sheet = load_workbook(target).active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == ["技术交易额", 2021, 115700000000, "1157亿元", "元", "[681, 695)"]


LONG = [{"unit": "浙江省科学技术厅高新技术处" * 3, "agency": "浙江省科学技术厅", "region": "浙江省",
         "degree_centrality": 0.5882, "shared_tasks": 15, "document": "省科技厅2015年工作要点及责任分解" * 2,
         "id": "doc-6c90a7d6afc0752d-t14", "source": "/a/very/long/path/to/a/plan/file.txt"}]


def test_a_wide_table_fits_80_cells_with_every_shown_header_whole_and_no_empty_column() -> None:
    text = format_table(LONG * 3, list(LONG[0]), width=80)
    lines = text.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    layout = plan_layout(LONG * 3, list(LONG[0]), 80, frozenset({"degree_centrality", "shared_tasks"}))
    assert all(w >= 1 for w in layout.widths.values())
    assert layout.hidden == ["source"]  # paths go first; the row's id stays, whole: evidence needs it
    assert "doc-6c90a7d6afc0752d-t14" in text
    footer = text.split("not shown at 80 columns: ", 1)[1]
    assert footer.startswith("source (a wider terminal")
    header = "".join(lines[:3])
    for column in layout.columns:
        assert all(part in header for part in column.split("_")), column  # wrapped after _, never cut
    assert "…" in text  # the long unit name is cut, with a mark
    assert "0.5882" in text and "15" in text  # numbers whole


def test_truncation_counts_chinese_as_two_cells() -> None:
    assert truncate("浙江省科学技术厅", 7) == "浙江省…"
    assert cell_len(truncate("浙江省科学技术厅", 7)) == 7
    assert truncate("abc", 3) == "abc"
    assert wrap("浙江省科学技术厅", 6) == ["浙江省", "科学技", "术厅"]


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
