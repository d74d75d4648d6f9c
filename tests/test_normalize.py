"""Normalisation: what changes, what stays, and that every span maps back to its source."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.normalize import NormalisedText, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "（一）加快建设：推进２０１５年工作，达１５０亿元；增长１０％",
            "(一)加快建设:推进2015年工作,达150亿元;增长10%",
        ),
        ("一、总体要求。“创新驱动”、《规划》", "一、总体要求。“创新驱动”、《规划》"),  # Chinese punctuation kept
        ("①推进②落实⑳完成", "①推进②落实⑳完成"),  # circled numbers kept: the parser reads them
        ("⑴推进 ㈠总则", "(1)推进 (一)总则"),
        ("\u3000\u3000一、总体要求  \t 全面推进\u3000 ", "一、总体要求 全面推进"),
        ("第一行\r\n第二行\r第三行\u2028第四行", "第一行\n第二行\n第三行\n第四行"),
        ("段落一\n\n段落二", "段落一\n\n段落二"),  # blank lines separate paragraphs
        ("\ufeff科\u200b技\u00ad厅\x00\x07", "科技厅"),  # invisible and control characters go
        ("a \n b", "a\nb"),
        ("", ""),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


def test_offsets_point_at_the_source_characters() -> None:
    raw = "　　（一）科技厅\r\n２０１５年"
    norm = normalise(raw)
    assert norm.text == "(一)科技厅\n2015年"
    assert [raw[i] for i in norm.offsets] == list("（一）科技厅\n２０１５年")


def test_original_span_of_a_phrase() -> None:
    raw = "各处室：\r\n\u3000\u3000技术市场交易额达１５０亿元（责任单位：计财处）"
    norm = normalise(raw)
    start = norm.text.index("技术市场交易额达150亿元")
    end = start + len("技术市场交易额达150亿元")
    a, b = norm.original_span(start, end)
    assert raw[a:b] == "技术市场交易额达１５０亿元"


def test_expansion_maps_back_whole_and_spans_clamp() -> None:
    raw = "等…"
    norm = normalise(raw)
    assert norm.text == "等..."
    assert norm.original_span(1, 2) == (1, 2)  # part of "..." is the whole "…"
    assert norm.original_span(0, 99) == (0, 2)
    assert norm.original_span(4, 4) == (2, 2)  # the end of the text maps to the end of the original
    assert norm.original_span(1, 1) == (1, 1)
    assert NormalisedText("", [], 0).original_span(0, 0) == (0, 0)


# Text like the plans: CJK, full-width forms, Chinese punctuation, whitespace and line ends of all kinds.
_ALPHABET = st.sampled_from(
    list("科技厅推进一二①②⑴㈠、。，；：（）“”《》…％０１２abc12 \t\u3000\u00a0\r\n\u2028\ufeff\u200b\x00")
) | st.characters(codec="utf-8")
plan_like = st.text(_ALPHABET, max_size=80)


@settings(max_examples=200, deadline=None)
@given(plan_like)
def test_offsets_are_exact_and_ordered(raw: str) -> None:
    norm = normalise(raw)
    assert len(norm.offsets) == len(norm.text)
    assert norm.offsets == sorted(norm.offsets)
    for ch, i in zip(norm.text, norm.offsets, strict=True):
        source = raw[i]
        if ch == "\n":
            assert source in "\n\r\u2028\u2029\x85\x0b\x0c"
        elif ch == " ":
            assert (
                source.isspace() or unicodedata.category(source) == "Zs" or " " in unicodedata.normalize("NFKC", source)
            )
        else:
            assert ch in unicodedata.normalize("NFKC", source) or ch == source


@settings(max_examples=200, deadline=None)
@given(plan_like, st.data())
def test_a_span_maps_back_to_the_same_characters(raw: str, data: st.DataObject) -> None:
    """Normalising the original slice behind a span gives the span's text back."""
    norm = normalise(raw)
    n = len(norm.text)
    if n == 0:
        return
    # Span boundaries on whole source characters (a span may not cut "..." from "…" in half).
    cuts = [i for i in range(n + 1) if i in (0, n) or norm.offsets[i - 1] != norm.offsets[i]]
    start = data.draw(st.sampled_from(cuts[:-1]))
    end = data.draw(st.sampled_from([c for c in cuts if c > start]))
    a, b = norm.original_span(start, end)
    assert normalise(raw[a:b]).text.strip(" \n") == norm.text[start:end].strip(" \n")


@settings(max_examples=200, deadline=None)
@given(plan_like)
def test_normalising_twice_changes_nothing(raw: str) -> None:
    once = normalise(raw).text
    assert normalise(once).text == once


def test_text_table_with_tabs_gets_cell_bars_and_wrapped_cell_joined() -> None:
    raw = "标题  说明\n序号\t重点工作\t责任处室\n1\t推进甲,达5家\t规划处\n同比增长2%。\n2\t实施乙\t高新处\n\n正文  两格"
    norm = normalise(raw)
    assert norm.text == (
        "标题 说明\n序号 | 重点工作 | 责任处室\n1 | 推进甲,达5家 | 规划处同比增长2%。\n2 | 实施乙 | 高新处\n\n正文 两格"
    )
    assert all(raw[o] == "\t" for o, ch in zip(norm.offsets, norm.text, strict=True) if ch == "|")


def test_text_table_with_space_runs_only_under_a_header() -> None:
    raw = "发布日期:2024-03-05   来源:区科技局   浏览:12\n序号  工作任务    主要责任单位   完成时限\n1     甲任务      区科技局       2024年"
    assert normalise(raw).text == (
        "发布日期:2024-03-05 来源:区科技局 浏览:12\n序号 | 工作任务 | 主要责任单位 | 完成时限\n1 | 甲任务 | 区科技局 | 2024年"
    )


def test_text_table_with_single_full_width_spaces() -> None:
    """Columns aligned with one U+3000 each; a row with a surplus space keeps it inside the task cell (where
    it stands between an ideograph and a digit it goes, as in prose: 引进团队30个)."""
    raw = "\u3000\u3000正文\u3000一段。\n序号\u3000工作任务\u3000责任处室\u3000完成时限\n１\u3000建设甲平台\u3000规划处\u30002030年\n２\u3000引进团队\u300030个\u3000人事处\u30002030年"
    assert normalise(raw).text == (
        "正文 一段。\n序号 | 工作任务 | 责任处室 | 完成时限\n1 | 建设甲平台 | 规划处 | 2030年\n2 | 引进团队30个 | 人事处 | 2030年"
    )


def test_a_pdfs_space_between_an_ideograph_and_a_digit_goes() -> None:
    """A PDF's text layer spaces digits off from ideographs (2021 年, 340 亿元): one such space goes, so the
    year and the figure read as written; spaces elsewhere, and runs of them, stay; spans still map back."""
    raw = "2021 年全县实现地区生产总值 340 亿元,增长 8.3%。\nGDP 增长 and 2 3"
    norm = normalise(raw)
    assert norm.text == "2021年全县实现地区生产总值340亿元,增长8.3%。\nGDP 增长 and 2 3"
    at = norm.text.index("340亿元")
    assert raw[slice(*norm.original_span(at, at + len("340亿元")))] == "340 亿元"
    assert normalise("项目  30个").text == "项目 30个"  # a run of spaces is no typesetting gap


def test_a_line_of_only_a_zero_width_space_is_a_seam_not_a_break() -> None:
    """Wikisource's copies of the State Council reports split a paragraph mid-figure with such a line
    (国内生产总值达到74.4 / ZWSP / 万亿元): the figure must read whole; a blank line still separates."""
    raw = "国内生产总值达到74.4\n\u200b\n万亿元,增长6.7%。\n\n二、工作"
    norm = normalise(raw)
    assert norm.text == "国内生产总值达到74.4万亿元,增长6.7%。\n\n二、工作"
    assert raw[norm.offsets[norm.text.index("万")]] == "万"
    assert normalise("\u200b\n各位代表:").text.startswith("\n各位代表")  # at the start nothing runs on


def test_a_lines_own_list_number_keeps_its_space() -> None:
    """The PDF gap rule joins 2021 年 and 340 亿元, but a line opening on its list number (1 地区生产总值…, a
    task table laid out as spaced text) keeps the space that separates the number from the task."""
    assert normalise("1 地区生产总值增长7%\n2021 年全县实现340 亿元").text == "1 地区生产总值增长7%\n2021年全县实现340亿元"
