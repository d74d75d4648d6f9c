"""Build the binary held-out documents (XLSX, DOCX, GBK HTML) from the text below.

Run from anywhere: ``python tests/heldout/make_docs.py``; it rewrites the three
files in ``tests/heldout/docs``. The files are committed, so tests never need
this script; it exists so the fixtures can be read and changed as text.
"""

from __future__ import annotations

from pathlib import Path

DOCS = Path(__file__).resolve().parent / "docs"

XLSX_TITLE = "山东省科学技术厅2022年重点工作任务完成情况"
XLSX_HEADER = ["序号", "重点任务", "责任单位", "配合单位", "完成时限", "进展情况"]
XLSX_ROWS = [
    [1, "推进山东实验室体系建设，新建省重点实验室15家。", "基础研究处", "平台建设处", "2022年12月",
     "已完成。新建省重点实验室18家，累计达到260家。"],
    [2, "加大高新技术企业培育力度，全年新增高新技术企业3000家。", "高新技术处", "各市科技局", "2022年12月",
     "超额完成。新增高新技术企业5200家，总数达到2.6万家。"],
    [3, "促进技术转移转化，技术合同成交额达到3000亿元。", "成果转化处", "科技金融处", "2022年12月",
     "全年技术合同成交额3255亿元，同比增长27.8%。"],
    [4, "实施重大科技创新工程，立项支持项目100项。", "重大专项处、高新技术处", "资源配置处", "2022年10月",
     "立项支持重大科技创新工程项目112项。"],
    [5, "深化科技评价改革，出台科技成果评价改革实施方案。", "政策法规处", "人事处", "2022年12月",
     "按计划推进，实施方案已印发。"],
    [6, "加强科学普及，举办科技活动周等科普活动500场次。", "科技人才处", "机关党委", "2022年11月",
     "举办各类科普活动620场次，参与公众300万人次。"],
]

DOCX_TITLE = "长沙县科学技术局2023年重点工作任务责任分解"
DOCX_INTRO = "为确保全年各项目标任务圆满完成，经局党组研究，现将2023年重点工作任务分解如下，各股室要对照任务抓好落实。"
DOCX_HEADER = ["序号", "工作任务", "目标要求", "责任领导", "责任股室", "完成时限"]
DOCX_ROWS = [
    ["1", "推进高新技术企业培育", "新增高新技术企业60家，高新技术产业增加值增长12%", "李建国", "高新技术股", "12月底"],
    ["2", "抓好科技项目申报", "争取省级以上科技项目40项，到位资金3000万元", "王红梅", "计划财务股", "11月底"],
    ["3", "推动产学研合作", "新签订校地合作协议10个，促成技术合同成交额8亿元", "李建国", "成果转化股、综合股", "12月底"],
    ["4", "加强科普宣传", "开展科普活动30场次", "张晓东", "综合股", "全年"],
    ["5", "优化政务服务", "推进“放管服”改革，办理事项按时办结率100%", "张晓东", "办公室", "全年"],
]
DOCX_SIGNATURE = ["长沙县科学技术局", "2023年2月10日"]

HTML = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>合肥市科学技术局2023年工作要点_合肥市科学技术局</title></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a href="/jggk/">机构概况</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 计划总结</div>
<div class="article">
<table class="meta">
<tr><td>索引号：</td><td>11340100003207583J/202302-00021</td><td>信息分类：</td><td>计划总结</td></tr>
<tr><td>发布机构：</td><td>合肥市科学技术局</td><td>发文日期：</td><td>2023-02-14</td></tr>
<tr><td>文号：</td><td>合科〔2023〕9号</td><td>主题词：</td><td>科技 工作要点</td></tr>
</table>
<h1>合肥市科学技术局2023年工作要点</h1>
<p>一、目标任务</p>
<p>2023年，全市高新技术企业数量突破8000家，技术合同交易额达到500亿元，新增省级以上研发平台50个。</p>
<p>二、重点工作</p>
<p>（一）建设综合性国家科学中心</p>
<p>1.加快推进大科学装置集群建设，力争新建成重大科技基础设施2个。</p>
<p>2.推进量子信息、聚变能源等领域重大创新平台建设。</p>
<p>（二）培育科技企业</p>
<p>3.实施“科大硅谷”建设行动，引进培育科创企业1000家以上。</p>
<p>4.推广科技贷款风险补偿机制，全年新增科技贷款200亿元。</p>
<p>（三）优化创新生态</p>
<p>5.建设科技成果转化中试基地5个，转化科技成果1500项。</p>
<p>6.办好科技创新大会，举办“科里科气”科创市集活动12场。</p>
</div>
<div class="tools">【<a href="javascript:window.print()">打印</a>】 【<a href="javascript:window.close()">关闭</a>】</div>
<div class="footer">主办：合肥市科学技术局 地址：合肥市政务区东流路100号 电话：0551-63538888<br>皖ICP备05000001号</div>
</body></html>
"""


def build_xlsx() -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "完成情况"
    sheet.append([XLSX_TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(XLSX_HEADER))
    sheet.append(XLSX_HEADER)
    for row in XLSX_ROWS:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def build_docx() -> bytes:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(DOCX_TITLE)
    document.add_paragraph(DOCX_INTRO)
    table = document.add_table(rows=1 + len(DOCX_ROWS), cols=len(DOCX_HEADER))
    for r, row in enumerate([DOCX_HEADER, *DOCX_ROWS]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in DOCX_SIGNATURE:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    (DOCS / "06_shandong_wancheng.xlsx").write_bytes(build_xlsx())
    (DOCS / "07_hefei_page.html").write_bytes(HTML.encode("gbk"))
    (DOCS / "08_changsha_county.docx").write_bytes(build_docx())


if __name__ == "__main__":
    main()
