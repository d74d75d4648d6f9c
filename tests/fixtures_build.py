"""Builders for reader fixtures: small files of every format, made in the test, not shipped.

Each returns bytes, so a test writes them wherever it likes (``tmp_path``) or feeds
them to ``read_bytes``. The plan text is a shortened 责任分解 so that the whole
pipeline, not only the reader, can run on what the builders make.
"""

from __future__ import annotations

import csv
import io

TITLE = "省科技厅2015年工作要点及责任分解"
PARAGRAPH = "一、加快建设创新型省份（责任单位：计财处）"
HEADER = ["序号", "重点工作", "责任单位"]
ROWS = [
    ["1", "大力推进杭州城西科创大走廊建设，技术市场交易额达150亿元。", "成果处 规划处"],
    ["2", "加快科技成果转化。", "计财处"],
]
PLAN_TEXT = "\n".join(
    [
        TITLE,
        "一、总体要求",
        "1.大力推进杭州城西科创大走廊建设，技术市场交易额达150亿元。（责任单位：成果处、规划处）",
        "2.加快科技成果转化。（责任单位：计财处）",
    ]
)


def docx_bytes(*, paragraph: str = PARAGRAPH, rows: list[list[str]] | None = None, after: str = "二、附则") -> bytes:
    """A DOCX with a title, a paragraph, a table (header + rows) and a closing paragraph."""
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(paragraph)
    table_rows = [HEADER, *(rows if rows is not None else ROWS)]
    table = document.add_table(rows=len(table_rows), cols=len(HEADER))
    for r, row in enumerate(table_rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(after)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(*, merge_unit: bool = False, two_sheets: bool = False) -> bytes:
    """An XLSX: a header row then task rows; optionally the unit merged over both rows."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "责任分解"
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append([int(row[0]), row[1], row[2]])
    sheet.append([None, None, None, None])  # an empty trailing row
    if merge_unit:
        sheet.merge_cells("C2:C3")
    if two_sheets:
        other = book.create_sheet("说明")
        other.append(["填报说明", None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(encoding: str = "gbk") -> bytes:
    """A CSV as Excel on a Chinese Windows saves it: GBK, comma-separated, a quoted cell with a comma."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(ROWS)
    writer.writerow(["3", "推进成果转化, 加快产业化", "计财处"])
    return out.getvalue().encode(encoding)


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{title}</title>
<style>.x {{ color: red }}</style><script>var tracker = "计数器";</script></head>
<body>
<div class="topnav"><ul><li><a href="/">网站首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></div>
<nav><a href="/">机构设置</a></nav>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 计划总结</div>
<div id="zoom">
<h1>{title}</h1>
<p>&#12288;&#12288;一、加快<b>建设</b>创新型省份<br>全面实施创新驱动发展战略。</p>
<table border="1">
<tr><th>序<br>号</th><th>重点工作</th><th>责任单位</th></tr>
<tr><td>1</td><td><p>大力推进杭州城西科创大走廊建设。</p><p>技术市场交易额达150亿元。</p></td><td rowspan="2">成果处 规划处</td></tr>
<tr><td>2</td><td>加快科技成果转化。</td></tr>
</table>
<p>【打印本页】 【关闭窗口】</p>
</div>
<div class="footer">版权所有：浙江省科学技术厅 ICP备案</div>
<footer>联系我们</footer>
</body></html>
"""


def html_bytes(charset: str = "utf-8") -> bytes:
    """A government page: menus, breadcrumb, the article (a paragraph and a table), print bar, footer."""
    return HTML_PAGE.format(charset=charset, title=TITLE).encode("gbk" if charset in ("gbk", "gb2312") else charset)


def pdf_bytes(lines: list[str] | None = None) -> bytes:
    """A PDF with a Chinese text layer, drawn with reportlab's built-in CID font (no font file)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("STSong-Light", 12)
    for i, line in enumerate(lines if lines is not None else PLAN_TEXT.splitlines()):
        page.drawString(40, 780 - 20 * i, line)
    page.save()
    return out.getvalue()


def pdf_table_bytes() -> bytes:
    """A PDF with a ruled table (the lines let pdfplumber find it) under a title."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=12)
    table = Table([HEADER, *[[r[0], r[1][:12], r[2]] for r in ROWS]])
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    )
    doc.build([Paragraph(TITLE, style), Spacer(1, 12), table])
    return out.getvalue()


def image_pdf_bytes() -> bytes:
    """A scanned page: one raster image and no text layer."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        image.putpixel((x, 50), (0, 0, 0))  # a stroke, as if a line of scanned text
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawInlineImage(image, 40, 600, width=400, height=200)
    page.save()
    return out.getvalue()
