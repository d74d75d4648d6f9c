"""One typed document, read once: every line's clauses found once, every table read once, for every stage."""

from __future__ import annotations

import pytest

from policykg.loaders import blocks, extract_text, tables
from policykg.loaders.document import read_document

PLAN = "\n".join([
    "某市科技局2030年重点工作任务分解",
    "一、强化企业主体(牵头处室:高新处)",
    "1.培育高新技术企业,新增200家。(责任单位:高新处;配合单位:计财处)",
    "2.建设研发机构。",
    "责任单位:资源处",
    "序号 | 重点任务 | 牵头单位 | 完成情况 |",
    "1 | 推进成果转化 | 成果处 | 已完成80% |",
])


def test_each_lines_clauses_are_found_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = blocks.find_clauses

    def counting(text: str, *args: object) -> list:  # type: ignore[type-arg]
        calls.append(text)
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(blocks, "find_clauses", counting)
    extraction = extract_text(PLAN)
    assert [t.lead for t in extraction.tasks if t.lead] == [["高新处"], ["高新处"], ["资源处"], ["成果处"]]
    assert len(calls) == len(set(calls)), "a line's clauses were looked for twice"
    assert len(calls) <= len(PLAN.split("\n"))


def test_tables_are_read_once_for_the_outline_and_the_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    real = tables.read_tables

    def counting(text: str, *args: object) -> list:  # type: ignore[type-arg]
        reads.append(len(text))
        return real(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("policykg.loaders.document.read_tables", counting)
    extraction = extract_text(PLAN)
    assert reads == [len(extraction.text)]
    in_table = [t for t in extraction.targets if t.raw.endswith("80%")]
    assert [(t.value, t.kind) for t in in_table] == [(80, "actual")]  # the results column, asked of the one table model


def test_the_document_knows_the_column_a_number_stands_in() -> None:
    doc = read_document(PLAN)
    at = doc.text.index("80%")
    cell = doc.cell_at(at)
    assert cell is not None and cell.result and cell.column is not None and cell.column.role == "完成情况"
    assert doc.cell_at(doc.text.index("成果处")).column.role == "lead"  # type: ignore[union-attr]
