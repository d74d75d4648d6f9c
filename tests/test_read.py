"""Reading: every format and encoding path, on fixtures built in the test."""

from __future__ import annotations

import io
from pathlib import Path

import fixtures_build as fb
import pytest

from policykg.loaders import extract_file
from policykg.loaders.read import SourceText, read_bytes, read_source
from policykg.loaders.readers import READERS, get_reader
from policykg.loaders.readers.pdflayout import Line, drop_chrome, join_wrapped
from policykg.loaders.readers.rows import row_line

ROW_1 = "1 | 大力推进杭州城西科创大走廊建设，技术市场交易额达150亿元。 | 成果处 规划处 |"
ROW_2 = "2 | 加快科技成果转化。 | 计财处 |"
HEADER = "序号 | 重点工作 | 责任单位 |"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [("utf-8", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16")],
)
def test_plan_text_in_each_encoding_reads_back_exactly(tmp_path: Path, encoding: str, recorded: str) -> None:
    src = read_source(write(tmp_path, "plan.txt", fb.PLAN_TEXT.encode(encoding)))
    assert (src.media, src.encoding, src.text) == ("txt", recorded, fb.PLAN_TEXT)


def test_utf8_with_bom_drops_the_bom(tmp_path: Path) -> None:
    src = read_source(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + fb.PLAN_TEXT.encode()))
    assert src.encoding == "utf-8"
    assert src.text == fb.PLAN_TEXT


@pytest.mark.parametrize("text", ["科技厅", "省科技厅工作要点", "浙江省科学技术厅2021年度重点工作", "abc 科 def"])
def test_short_gbk_is_not_mistaken_for_big5_or_utf16(text: str) -> None:
    # charset-normalizer alone reads these GBK bytes as Big5 (褪撮泆) or UTF-16-BE.
    src = read_bytes(text.encode("gbk"), "short.txt")
    assert (src.encoding, src.text) == ("gb18030", text)


@pytest.mark.parametrize("text", ["臺灣科技發展計畫", "行政院國家科學委員會年度施政計畫，推動產學合作。", "計畫"])
def test_big5_traditional_text(text: str) -> None:
    src = read_bytes(text.encode("big5"), "tw.txt")
    assert (src.encoding, src.text) == ("big5", text)


def test_other_legacy_encodings_go_to_charset_normalizer() -> None:
    text = "Привет, это тестовый документ о научной политике. " * 3
    assert read_bytes(text.encode("cp1251"), "ru.txt").text == text


def test_traditional_characters_in_gbk_stay_gbk() -> None:
    text = "臺灣科技發展計畫"
    assert read_bytes(text.encode("gbk"), "t.txt").text == text


def test_utf8_cut_mid_character_is_read_with_one_replacement() -> None:
    data = (fb.PLAN_TEXT * 3).encode()[:-1]  # a truncated download
    src = read_bytes(data, "cut.txt")
    assert src.encoding == "utf-8"
    assert src.text.startswith(fb.TITLE)
    assert src.text.count("\ufffd") == 1


def test_gbk_with_one_bad_byte_is_still_gbk() -> None:
    data = (fb.PLAN_TEXT * 3).encode("gbk") + b"\x81"
    src = read_bytes(data, "cut.txt")
    assert src.encoding == "gb18030"
    assert src.text.startswith(fb.TITLE)


def test_sha256_is_of_the_file_bytes() -> None:
    import hashlib

    data = fb.PLAN_TEXT.encode("gbk")
    assert read_bytes(data, "x.txt").sha256 == hashlib.sha256(data).hexdigest()


# --- HTML ------------------------------------------------------------------------------


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("gbk", "gb18030"), ("gb2312", "gb18030")])
def test_html_page_keeps_article_and_table_drops_chrome(tmp_path: Path, charset: str, encoding: str) -> None:
    src = read_source(write(tmp_path, "page.htm", fb.html_bytes(charset)))
    assert src.media == "html"
    assert src.encoding == encoding
    assert src.text.splitlines() == [
        fb.TITLE,
        "一、加快建设创新型省份",
        "全面实施创新驱动发展战略。",
        "序 号 | 重点工作 | 责任单位 |",
        "1 | 大力推进杭州城西科创大走廊建设。 技术市场交易额达150亿元。 | 成果处 规划处 |",
        "2 | 加快科技成果转化。 | 成果处 规划处 |",  # the rowspan is repeated on its second row
    ]
    for chrome in ("网站首页", "机构设置", "当前位置", "打印", "关闭", "版权所有", "联系我们", "tracker", "color"):
        assert chrome not in src.text


def test_html_declared_charset_settles_what_detection_cannot() -> None:
    # The Big5 bytes of 國議 are also valid GB2312 (瓣某); only the page's declaration tells.
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><p>國議</p></body></html>'
    src = read_bytes(page.encode("big5"), "tw.html")
    assert (src.encoding, src.text) == ("big5", "國議")
    assert read_bytes("國議".encode("big5"), "tw.txt").text != "國議"  # why the declaration matters


def test_html_pre_keeps_its_lines() -> None:
    page = "<html><body><pre>一、总体要求\n  1.推进   创新\n\n2.落实</pre></body></html>"
    assert read_bytes(page.encode(), "p.html").text.splitlines() == ["一、总体要求", "1.推进 创新", "2.落实"]


def test_html_is_sniffed_from_content_whatever_the_name() -> None:
    assert read_bytes(fb.html_bytes(), "download.pdf").media == "html"
    assert read_bytes(fb.html_bytes(), "no_extension").media == "html"


def test_html_colspan_keeps_columns_aligned_and_layout_tables_read_as_blocks() -> None:
    page = """<html><body><table><tr><td>
      <p>省科技厅2015年工作要点</p>
      <table><tr><th colspan="2">工作</th><th>单位</th></tr>
             <tr><td>1</td><td>推进</td><td>计财处</td></tr></table>
    </td></tr></table></body></html>"""
    assert read_bytes(page.encode(), "p.html").text.splitlines() == [
        "省科技厅2015年工作要点",
        "工作 |  | 单位 |",
        "1 | 推进 | 计财处 |",
    ]


def test_html_hidden_elements_and_chrome_lines_are_dropped() -> None:
    page = """<html><body><div style="display: none">隐藏的菜单</div>
      <div>您现在的位置：首页 &gt; 科技动态</div><p>分享到：</p><p>字号：大 中 小</p>
      <p>一、正文第一段。</p></body></html>"""
    assert read_bytes(page.encode(), "p.html").text == "一、正文第一段。"


# --- DOCX, XLSX, CSV, PDF ------------------------------------------------------------------


def test_docx_paragraphs_and_table_rows_in_document_order(tmp_path: Path) -> None:
    src = read_source(write(tmp_path, "plan.docx", fb.docx_bytes()))
    assert (src.media, src.encoding) == ("docx", None)
    assert src.text.splitlines() == [fb.TITLE, fb.PARAGRAPH, HEADER, ROW_1, ROW_2, "二、附则"]


def test_docx_horizontal_merge_keeps_text_once() -> None:
    import io

    import docx

    document = docx.Document(io.BytesIO(fb.docx_bytes()))
    table = document.tables[0]
    table.cell(0, 1).merge(table.cell(0, 2))
    out = io.BytesIO()
    document.save(out)
    lines = read_bytes(out.getvalue(), "m.docx").text.splitlines()
    assert lines[2] == "序号 | 重点工作 责任单位 |"  # merged cell's text once, spanned column empty (trailing, dropped)


def test_xlsx_rows_header_first_with_vertical_merge_filled_down(tmp_path: Path) -> None:
    src = read_source(write(tmp_path, "plan.xlsx", fb.xlsx_bytes(merge_unit=True)))
    assert (src.media, src.encoding) == ("xlsx", None)
    assert src.text.splitlines() == [HEADER, ROW_1, "2 | 加快科技成果转化。 | 成果处 规划处 |"]


def test_xlsx_several_sheets_are_named() -> None:
    lines = read_bytes(fb.xlsx_bytes(two_sheets=True), "plan.xlsx").text.splitlines()
    assert lines == ["责任分解", HEADER, ROW_1, ROW_2, "说明", "填报说明 |"]


@pytest.mark.parametrize(("encoding", "recorded"), [("gbk", "gb18030"), ("utf-8", "utf-8"), ("utf-8-sig", "utf-8")])
def test_csv_in_each_encoding(tmp_path: Path, encoding: str, recorded: str) -> None:
    src = read_source(write(tmp_path, "plan.csv", fb.csv_bytes(encoding)))
    assert (src.media, src.encoding) == ("csv", recorded)
    assert src.text.splitlines() == [HEADER, ROW_1, ROW_2, "3 | 推进成果转化, 加快产业化 | 计财处 |"]


def test_csv_tab_separated_and_quoted_line_break() -> None:
    data = '序号\t重点工作\n1\t"推进\n转化"\n'.encode()
    assert read_bytes(data, "plan.tsv").text.splitlines() == ["序号 | 重点工作 |", "1 | 推进 转化 |"]


def test_pdf_chinese_text_layer(tmp_path: Path) -> None:
    src = read_source(write(tmp_path, "plan.pdf", fb.pdf_bytes()))
    assert (src.media, src.encoding) == ("pdf", None)
    assert src.text == fb.PLAN_TEXT


def test_pdf_ruled_table_becomes_rows_after_the_title() -> None:
    lines = read_bytes(fb.pdf_table_bytes(), "t.pdf").text.splitlines()
    assert lines == [fb.TITLE, HEADER, "1 | 大力推进杭州城西科创大走 | 成果处 规划处 |", ROW_2]


# --- the registry and the whole pipeline -----------------------------------------------


def test_every_registered_reader_imports() -> None:
    assert set(READERS) == {"txt", "html", "docx", "pdf", "xlsx", "csv"}
    for name in READERS:
        assert callable(get_reader(name))


def test_row_line_convention() -> None:
    assert row_line(["1", " 大力\n推进 ", None, "成果处|规划处", "", None]) == "1 | 大力 推进 |  | 成果处¦规划处 |"
    assert row_line(["", None]) is None


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("plan.txt", lambda: fb.PLAN_TEXT.encode("gbk")),
        ("plan.docx", fb.docx_bytes),
        ("plan.pdf", fb.pdf_bytes),
        ("plan.html", fb.html_bytes),
    ],
)
def test_extract_file_records_media_and_encoding(tmp_path: Path, name: str, build) -> None:  # type: ignore[no-untyped-def]
    extraction = extract_file(write(tmp_path, name, build()))
    assert extraction.document.media == name.rsplit(".", 1)[1]
    assert extraction.tasks, "the pipeline found tasks in what the reader produced"


def test_source_text_is_the_seam() -> None:
    src = read_bytes("一、总则".encode(), "x.txt")
    assert isinstance(src, SourceText)
    assert src.source == "x.txt"


# --- PDF layout: page chrome and hard wraps ---------------------------------------------


def _body(texts: list[str], x0: float = 80, x1: float = 500, size: float = 16) -> list[Line]:
    return [Line(t, x0, x1, size) for t in texts]


def test_pdf_page_numbers_and_a_running_header_that_restates_the_title_are_chrome() -> None:
    page1 = [Line("某省科技厅2030年工作要点", 200, 380, 20), *_body(["1.建设实验室,新建"]), Line("- 1 -", 280, 300, 12)]
    page2 = [Line("某省科技厅2030年工作要点", 220, 370, 10), *_body(["重点实验室5家。"]), Line("- 2 -", 280, 300, 12)]
    kept = drop_chrome([page1, page2])
    assert [[ln.text for ln in page] for page in kept] == [
        ["某省科技厅2030年工作要点", "1.建设实验室,新建"],
        ["重点实验室5家。"],
    ]


def test_pdf_footer_repeated_on_two_other_pages_is_chrome_but_body_text_is_not() -> None:
    pages = [_body(["正文甲", f"某市科学技术局印发 {n}"]) for n in (1, 2, 3)]
    assert [[ln.text for ln in p] for p in drop_chrome(pages)] == [["正文甲"], ["正文甲"], ["正文甲"]]


def test_pdf_lines_that_reach_the_right_margin_continue_on_the_next_unindented_line() -> None:
    lines = [
        Line("1.推进省实验室建设,新建省级重点实验室", 112, 500, 16),  # indented first line, full
        Line("15家。(牵头单位:省科技厅、省发展改", 80, 500, 16),  # full: wraps mid-word
        Line("革委)", 80, 160, 16),  # last line of the paragraph
        Line("2.实施企业培育行动,新增科技型中小企业500", 112, 495, 16),  # ends a few points short (digits)
        Line("0家。", 80, 130, 16),
        Line("二、壮大创新主体", 112, 300, 16),  # indented: a new paragraph
    ]
    assert join_wrapped(lines) == [
        "1.推进省实验室建设,新建省级重点实验室15家。(牵头单位:省科技厅、省发展改革委)",
        "2.实施企业培育行动,新增科技型中小企业5000家。",
        "二、壮大创新主体",
    ]


def test_pdf_ragged_lines_and_sentence_ends_are_never_joined() -> None:
    ragged = _body(["一、总体要求", "1.推进转化"], x1=300) + _body(["2.加快建设。"], x1=500)
    assert join_wrapped(ragged) == ["一、总体要求", "1.推进转化", "2.加快建设。"]
    full = _body(["推进成果转化。", "加快产业化", "2.建设平台", "三、保障"])
    assert join_wrapped(full) == ["推进成果转化。", "加快产业化", "2.建设平台", "三、保障"]


def test_pdf_wrapped_across_a_page_reads_as_one_paragraph() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(400, 300))
    pages = [
        ["某市2030年科技工作要点", "1.加快建设实验室体系,新建", "省级重点实验室10家,新增新", "型研发机构5家。(责任单位:市"],
        ["科技局、市财政局)", "2.推进成果转化。"],
    ]
    for n, page in enumerate(pages, start=1):
        if n > 1:
            c.setFont("STSong-Light", 9)
            c.drawCentredString(200, 280, "某市2030年科技工作要点")
        y = 250
        for i, text in enumerate(page):
            c.setFont("STSong-Light", 16 if i or n > 1 else 14)
            c.drawString(40, y, text)  # no indents: only the right margin tells a wrap
            y -= 30
        c.setFont("STSong-Light", 10)
        c.drawCentredString(200, 20, f"- {n} -")
        c.showPage()
    c.save()
    text = read_bytes(out.getvalue(), "plan.pdf").text
    assert "1.加快建设实验室体系,新建省级重点实验室10家,新增新型研发机构5家。(责任单位:市科技局、市财政局)" in text
    assert "- 1 -" not in text and text.count("某市2030年科技工作要点") == 1
