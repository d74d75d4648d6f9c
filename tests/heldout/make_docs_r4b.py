"""Build the .docx held-out document of round 4b (blind): r4b_guizhou_fenjie.docx."""
from pathlib import Path

from docx import Document
from docx.shared import Pt

OUT = Path(__file__).resolve().parent / "docs" / "r4b_guizhou_fenjie.docx"

ROWS = [
    ("1", "深入实施大数据战略行动", "推进大数据与实体经济深度融合，实施大数据科技专项项目40项以上，带动企业投入不低于5亿元。", "高新技术处", "资源配置与管理处、各市（州）科技局", "2020年12月底"),
    ("2", "加快培育科技型企业", "全年新增高新技术企业400家，高新技术企业总数突破1500家；科技型中小企业评价入库2000家以上。", "高新技术处", "政策法规与创新体系建设处", "2020年12月底"),
    ("3", "强化科技支撑脱贫攻坚", "选派科技特派员2000名，覆盖全省66个贫困县；实施科技扶贫项目100项。", "农村科技处", "各市（州）科技局", "2020年11月底"),
    ("4", "推进重大创新平台建设", "新建省级重点实验室10个、工程技术研究中心15个，力争国家级创新平台实现新突破。", "基础研究处", "", "2020年12月底"),
    ("5", "加速科技成果转移转化", "全省技术合同成交额达到180亿元，同比增长15%；建设省级技术转移示范机构5家。", "成果转化与区域创新处", "各市（州）科技局、贵州科学院", "2020年12月底"),
    ("6", "深化科技计划管理改革", "落实《贵州省科技计划项目管理办法》，科研项目资金拨付时间压缩至30个工作日以内。", "资源配置与管理处", "办公室、机关纪委", "2020年9月底"),
]


def main() -> None:
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "仿宋_GB2312"
    st.font.size = Pt(12)
    doc.add_paragraph("附件")
    doc.add_heading("贵州省科技厅2020年重点工作任务分解表", level=1)
    doc.add_paragraph("黔科通〔2020〕9号附件　　　　　　　　　　　　填报日期：2020年3月10日")
    table = doc.add_table(rows=1 + len(ROWS), cols=6)
    table.style = "Table Grid"
    for i, h in enumerate(("序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限")):
        table.rows[0].cells[i].text = h
    for r, row in enumerate(ROWS, start=1):
        for c, val in enumerate(row):
            if r == 2 and c == 3:
                continue  # merged with the row above
            table.rows[r].cells[c].text = val
    # rows 1 and 2 share one merged 牵头单位 cell (高新技术处)
    merged = table.cell(1, 3).merge(table.cell(2, 3))
    merged.text = "高新技术处"
    doc.add_paragraph("")
    doc.add_paragraph("说明：各责任单位于每季度末5个工作日内报送进展情况，联系人：杨帆，电话：0851-86831234。")
    doc.add_paragraph("贵州省科学技术厅办公室")
    doc.add_paragraph("2020年3月10日")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    print(OUT)


if __name__ == "__main__":
    main()
