"""The pipeline's own rule: real prose always loads; only text with nothing readable is refused."""

from __future__ import annotations

import pytest

from policykg.loaders import LoaderError, extract_text


def test_a_summary_in_prose_without_numbered_tasks_keeps_its_figures() -> None:
    text = ("某市科学技术局2030年上半年工作总结\n"
            "上半年,全市技术合同成交额达到120亿元,同比增长15%。新认定高新技术企业300家。\n")
    extraction = extract_text(text)
    # no numbered structure: the paragraph itself becomes the task, the title line does not
    assert [t.text[:6] for t in extraction.tasks] == ["上半年,全市"]
    assert extraction.tasks[0].title == "上半年,全市技术合同成交额达到120亿元,同比增长15%"
    assert {(t.value, t.unit, t.kind) for t in extraction.targets} >= {(12_000_000_000, "元", "actual"), (300, "家", "actual")}


def test_prose_of_any_genre_loads_as_paragraphs_and_figures() -> None:
    extraction = extract_text("今日新闻\n本市游客达到350万人次,同比增长20%。\n")
    assert len(extraction.tasks) == 1
    assert (3_500_000, "人次") in {(t.value, t.unit) for t in extraction.targets}


@pytest.mark.parametrize("text", ["", "   \n\n", "abc 123 --- ###", "。。。,,,"])
def test_text_without_a_chinese_sentence_is_refused_with_one_reason(text: str) -> None:
    with pytest.raises(LoaderError, match="no readable text|no text"):
        extract_text(text)
