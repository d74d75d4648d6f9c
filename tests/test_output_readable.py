"""Tables and sheets an analyst reads (issue 20, "Why" 9): the distinguishing part of long texts at 80
columns, Chinese labels in CSV and XLSX headers, and indicator-matrix as a year-by-region sheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from policykg.cli import app
from policykg.kg import KnowledgeGraph
from policykg.output import format_table
from policykg.queries import list_queries
from policykg.queries.analytics import COLLABORATION_COLUMNS
from policykg.queries.evidence import EVIDENCE_COLUMNS
from policykg.queries.labels import label_of

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
TASKS = [
    {"year": 2019, "document": "政府工作报告", "task": "四是深入实施创新驱动发展战略,增强发展新动能", "id": "doc-5ab37311722a2b51-t14"},
    {"year": 2013, "document": "政府工作报告", "task": "深入实施人才强国战略。以高层次、高技能人才为重点", "id": "doc-41f8a52a952283fd-t12"},
    {"year": 2021, "document": "政府工作报告", "task": "深入实施可持续发展战略,巩固蓝天、碧水、净土保卫战成果", "id": "doc-74d6fe71490ed20d-t75"},
    {"year": 2021, "document": "政府工作报告", "task": "深入实施职业技能等级证书制度。办好特殊教育", "id": "doc-74d6fe71490ed20d-t80"},
]


def test_at_80_columns_each_task_shows_what_tells_it_apart() -> None:
    table = format_table(TASKS, ["year", "document", "task", "id"], width=80)
    lines = [line for line in table.splitlines() if line.endswith(tuple(t["id"] for t in TASKS))]
    tasks = [line.split("  ")[2].strip() for line in lines]  # year, document, task, id: two spaces between columns
    assert len(lines) == 4 and len(set(tasks)) == 4, table
    assert [t[:5] for t in tasks] == ["…创新驱动", "…人才强国", "…可持续发", "…职业技能"], table
    assert not any("深入实施" in t for t in tasks), table  # the opening they share is not what is shown


def test_every_column_a_query_returns_has_a_chinese_label() -> None:
    columns = {c for q in list_queries() for c in q.columns} | set(EVIDENCE_COLUMNS) | set(COLLABORATION_COLUMNS)
    assert sorted(c for c in columns if label_of(c) is None) == []
    assert label_of("value_display") == "数值(显示)" and label_of("浙江省 target") == "浙江省 目标"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("sheets")
    with KnowledgeGraph.open(root) as kg:
        assert all(r.ok for r in kg.load([PLANS]))
    yield str(root)


def test_csv_and_xlsx_headers_carry_chinese_labels_beside_the_keys(store: str, tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["query", "target-evolution", "-p", "indicator=技术交易额", "--format", "csv",
                               "--headers", "both", "--store", store])
    assert done.exit_code == 0, done.output
    header = next(csv.reader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert header[:4] == ["年份 year", "类别 kind", "数值 value", "数值(显示) value_display"]
    out = tmp_path / "m.xlsx"
    done = runner.invoke(app, ["query", "indicator-matrix", "--format", "xlsx", "--output", str(out), "--headers", "zh",
                               "--store", store])
    assert done.exit_code == 0, done.output
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]][:3] == ["指标", "年份", "地区"]
    bad = runner.invoke(app, ["query", "indicators", "--headers", "fr", "--store", store])
    assert bad.exit_code == 2 and "keys, zh, both" in bad.output


def test_indicator_matrix_pivot_is_the_year_by_region_sheet(store: str) -> None:
    done = CliRunner().invoke(app, ["query", "indicator-matrix", "--pivot", "-p", "indicator=技术交易额", "--format", "json",
                                    "--store", store])
    assert done.exit_code == 0, done.output
    rows = json.loads(done.stdout)
    years = [r["year"] for r in rows]
    assert years == sorted(set(years))  # one row per year
    row = next(r for r in rows if r["year"] == 2021)
    assert row["浙江省 target"] == 100000000000 and row["浙江省 actual"] == 115700000000
    assert row["浙江省 actual_display"] == "1157亿元"
    other = CliRunner().invoke(app, ["query", "indicators", "--pivot", "--store", store])
    assert other.exit_code == 2 and "--pivot is for indicator-matrix" in other.output
