"""The pipeline's own rule: what counts as a plan at all."""

from __future__ import annotations

import pytest

from policykg.loaders import LoaderError, extract_text


def test_a_summary_in_prose_without_numbered_tasks_keeps_its_figures() -> None:
    text = ("某市科学技术局2030年上半年工作总结\n"
            "上半年,全市技术合同成交额达到120亿元,同比增长15%。新认定高新技术企业300家。\n")
    extraction = extract_text(text)
    assert extraction.tasks == []
    assert {(t.value, t.unit, t.kind) for t in extraction.targets} >= {(12_000_000_000, "元", "actual"), (300, "家", "actual")}


def test_prose_with_figures_but_no_plan_genre_is_still_no_plan() -> None:
    with pytest.raises(LoaderError, match="no plan found"):
        extract_text("今日新闻\n本市气温达到35度,游客增长20%。\n")
