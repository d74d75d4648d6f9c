"""Build the binary round-2 held-out documents (PDF, XLSX, GBK CSV, HTML) from the text below.

Run from anywhere: ``python tests/heldout/make_docs_r2.py``; it rewrites the four
``r2_*`` binaries in ``tests/heldout/docs``. The files are committed, so tests never
need this script (nor reportlab); it exists so the fixtures can be read and changed
as text. Each one copies a way real sites publish that round 1 did not:

* PDF: lines hard-wrapped at the right margin mid-word and mid-clause, a running
  header on every page after the first, ``- N -`` page numbers, a page break
  inside a sentence;
* XLSX: a title merged over all columns, section rows (``一、…``) merged over all
  columns between task rows, one 责任单位 merged down over several rows;
* CSV: GBK, a title row and an empty row before the header;
* HTML: a two-row header (责任单位 over 牵头单位/配合单位), section rows spanning
  the table, ``<br>`` lines and ``&nbsp;`` padding inside cells.
"""

from __future__ import annotations

import io
from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"

# ---------------------------------------------------------------- PDF

PDF_TITLE = "湖北省科学技术厅2024年工作要点"
PDF_RUNNING_HEADER = "湖北省科学技术厅2024年工作要点"
PDF_DOC_NO = "鄂科技发〔2024〕3号"
PDF_PARAGRAPHS = [
    "2024年，全省科技工作的主要目标是：全社会研发投入突破1600亿元，技术合同成交额达到5000亿元，高新技术企业总数超过2.8万家。",
    "一、建设全国科技创新高地",
    "1.加快推进湖北实验室建设，完善实验室运行管理机制，新建省级重点实验室15家。（牵头单位：省科技厅、省发展改革委，配合单位：省财政厅、省教育厅）",
    "2.推进东湖科学城建设，布局建设重大科技基础设施，力争新获批国家级创新平台10个以上。（牵头单位：省科技厅，配合单位：省发展改革委、武汉市人民政府）",
    "二、壮大科技型企业群体",
    "3.实施科技型企业梯次培育行动，新增科技型中小企业5000家，新增高新技术企业4000家。（牵头单位：省科技厅，配合单位：省经信厅、省税务局）",
    "4.深化科技金融结合，推广“科创贷”等产品，科技贷款余额达到3000亿元。（牵头单位：省地方金融监管局、人民银行武汉分行，配合单位：省科技厅）",
    "三、加速科技成果转化",
    "5.完善技术转移服务体系，建设省级技术转移示范机构20家，培育技术经理人1000名。（牵头单位：省科技厅，配合单位：省教育厅、省人社厅）",
    "6.推进职务科技成果赋权改革，扩大高校院所试点范围，完善成果转化收益分配机制。（牵头单位：省科技厅、省教育厅，配合单位：省财政厅、省国资委）",
]
PDF_SIGNATURE = ["湖北省科学技术厅", "2024年1月30日"]


def build_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font, size, leading = "STSong-Light", 16, 30
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    width, height = A4
    left, right, top, bottom = 80, width - 80, height - 90, 90
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    page = 1
    y = top

    def footer() -> None:
        c.setFont(font, 12)
        c.drawCentredString(width / 2, 50, f"- {page} -")

    def new_page() -> None:
        nonlocal page, y
        footer()
        c.showPage()
        page += 1
        c.setFont(font, 10)
        c.drawCentredString(width / 2, height - 50, PDF_RUNNING_HEADER)
        y = top

    def line(text: str, x: float) -> None:
        nonlocal y
        if y < bottom:
            new_page()
        c.setFont(font, size)
        c.drawString(x, y, text)
        y -= leading

    def wrap(text: str, indent: float) -> list[tuple[str, float]]:
        """Fill each line to the right margin, breaking anywhere (as word processors do with CJK)."""
        lines: list[tuple[str, float]] = []
        current, x0 = "", left + indent
        for ch in text:
            if pdfmetrics.stringWidth(current + ch, font, size) > right - x0:
                lines.append((current, x0))
                current, x0 = "", left
            current += ch
        lines.append((current, x0))
        return lines

    c.setFont(font, 20)
    c.drawCentredString(width / 2, y, PDF_TITLE)
    y -= leading * 1.5
    c.setFont(font, size)
    c.drawCentredString(width / 2, y, PDF_DOC_NO)
    y -= leading * 1.5
    for paragraph in PDF_PARAGRAPHS:
        for text, x in wrap(paragraph, 2 * size):
            line(text, x)
    y -= leading
    for text in PDF_SIGNATURE:
        line(text, right - pdfmetrics.stringWidth(text, font, size) - size)
    footer()
    c.save()
    return out.getvalue()


# ---------------------------------------------------------------- XLSX

XLSX_TITLE = "苏州市科学技术局2023年重点工作任务完成情况"
XLSX_HEADER = ["序号", "工作任务", "目标值", "责任单位", "完成时限", "完成情况"]
# None in the 责任单位 column: merged with the cell above.
XLSX_ROWS: list[list[object] | str] = [
    "一、科技创新平台建设",
    [1, "推进太湖实验室建设", "新建省级以上重点实验室10家", "基础研究处", "2023年12月", "已完成。新建省级以上重点实验室12家。"],
    [2, "建设新型研发机构", "新增新型研发机构15家", None, "2023年12月", "新增新型研发机构18家，累计达到120家。"],
    "二、科技企业培育",
    [3, "实施高新技术企业培育计划", "新增高新技术企业1500家", "高新技术处", "2023年12月", "新增高新技术企业1820家，总数突破1.5万家。"],
    [4, "开展科技型中小企业评价", "入库科技型中小企业1.8万家", None, "2023年10月", "入库科技型中小企业2.1万家。"],
    [5, "培育瞪羚企业", "新增瞪羚企业100家", None, "2023年12月", "已完成，新增瞪羚企业126家。"],
    "三、成果转化与科技金融",
    [6, "加强技术合同登记服务", "技术合同成交额达到800亿元", "成果转化处、科技金融处", "2023年12月", "技术合同成交额912亿元，同比增长18.6%。"],
    [7, "扩大科技信贷规模", "新增科技贷款300亿元", "科技金融处", "2023年12月", "正在推进，截至11月底新增科技贷款268亿元。"],
]


def build_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    ncol = len(XLSX_HEADER)
    sheet.append([XLSX_TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    sheet.append(XLSX_HEADER)
    unit_col = XLSX_HEADER.index("责任单位") + 1
    merge_from: int | None = None
    for item in XLSX_ROWS:
        r = sheet.max_row + 1
        if isinstance(item, str):
            sheet.append([item])
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
            merge_from = None
            continue
        sheet.append(["" if v is None else v for v in item])
        if item[unit_col - 1] is None and merge_from is not None:
            sheet.cell(row=r, column=unit_col).value = None
            for rng in list(sheet.merged_cells.ranges):
                if rng.min_col == unit_col and rng.min_row == merge_from:
                    sheet.merged_cells.remove(rng)
            sheet.merge_cells(start_row=merge_from, start_column=unit_col, end_row=r, end_column=unit_col)
        else:
            merge_from = r
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- CSV (GBK)

CSV_TEXT = """福建省科学技术厅2024年重点工作任务责任分解表,,,,,
,,,,,
序号,重点工作任务,工作目标,牵头处室,配合处室,完成时限
1,推进福建省实验室建设，完善运行管理机制,新建省级重点实验室12家,基础研究处,"平台建设处、资源配置处",2024年12月
2,实施省级科技重大专项,"立项支持重大专项项目30项,省级财政投入3亿元",高新技术处,资源配置处,2024年12月
3,加强科技型企业培育,"新增高新技术企业1000家，科技型中小企业突破1.5万家",企业创新处,各设区市科技局,2024年12月
4,推进科技成果转化,技术合同成交额达到300亿元,成果转化处,科技金融处,2024年11月
5,深化闽台科技交流合作,举办海峡两岸科技交流活动20场次,对外合作处,,2024年10月
6,提升全民科学素质,公民具备科学素质比例达到15%,人才与科普处,"机关党委、办公室",2024年12月
"""

# ---------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>武汉市科学技术局2024年重点工作任务清单-武汉市科学技术局</title></head>
<body>
<div class="header"><a href="/">网站首页</a>&nbsp;|&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;|&nbsp;<a href="/hdjl/">互动交流</a></div>
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 计划规划</div>
<div class="article">
<h2>武汉市科学技术局2024年重点工作任务清单</h2>
<div class="info">发布时间：2024-02-28&nbsp;&nbsp;&nbsp;&nbsp;来源：武汉市科学技术局</div>
<div class="content">
<p>&nbsp;&nbsp;&nbsp;&nbsp;为推动全年科技创新工作落地见效，现将2024年重点工作任务清单公布如下。</p>
<table border="1" cellspacing="0" cellpadding="0">
<tr><td rowspan="2">&nbsp;序号&nbsp;</td><td rowspan="2">重点任务</td><td rowspan="2">目标要求</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
<tr><td colspan="6"><b>一、建设东湖科学城</b></td></tr>
<tr><td>&nbsp;1&nbsp;</td><td>推进湖北实验室建设<br>&nbsp;&nbsp;完善运行管理机制</td><td>1.新建省级以上创新平台50个<br>2.新增新型研发机构20家</td><td>市科技局<br>东湖高新区管委会</td><td>市发改委<br>市财政局</td><td>12月底</td></tr>
<tr><td>&nbsp;2&nbsp;</td><td>建设重大科技基础设施</td><td>推进3个大科学装置建设</td><td>市发改委</td><td>市科技局</td><td>12月底</td></tr>
<tr><td colspan="6"><b>二、培育科技企业</b></td></tr>
<tr><td>&nbsp;3&nbsp;</td><td>实施科技企业梯次培育</td><td>高新技术企业总数突破1.6万家<br>科技型中小企业入库1.2万家</td><td>市科技局</td><td>市经信局<br>市税务局</td><td>12月底</td></tr>
<tr><td>&nbsp;4&nbsp;</td><td>深化科技金融服务</td><td>新增科创贷款&nbsp;500亿元</td><td>市地方金融局</td><td>市科技局<br>人行武汉分行</td><td>12月底</td></tr>
<tr><td colspan="6"><b>三、加速成果转化</b></td></tr>
<tr><td>&nbsp;5&nbsp;</td><td>建设环大学创新经济带</td><td>技术合同成交额达到1500亿元</td><td>市科技局</td><td>各区人民政府</td><td>12月底</td></tr>
<tr><td>&nbsp;6&nbsp;</td><td>加强科技人才引育</td><td>引进战略科技人才团队30个</td><td>市委人才办<br>市科技局</td><td>市人社局</td><td>12月底</td></tr>
</table>
</div>
</div>
<div class="footer">主办单位：武汉市科学技术局&nbsp;&nbsp;地址：武汉市江岸区三阳路8号<br>鄂ICP备05003354号</div>
</body></html>
"""


def main() -> None:
    (DOCS / "r2_hubei_yaodian.pdf").write_bytes(build_pdf())
    (DOCS / "r2_suzhou_wancheng.xlsx").write_bytes(build_xlsx())
    (DOCS / "r2_fujian_fenjie.csv").write_bytes(CSV_TEXT.encode("gbk"))
    (DOCS / "r2_wuhan_qingdan.html").write_bytes(HTML.encode("utf-8"))


if __name__ == "__main__":
    main()
