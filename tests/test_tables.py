"""Table rows read by column role, on invented tables."""

from __future__ import annotations

from policykg.loaders import tables
from policykg.loaders.structure import parse_outline


def test_column_roles_by_header_name() -> None:
    names = ["序 号", "重点工作 任务", "目标任务", "工作举措", "完成情况(不超过500字)", "主要责任单位", "协同配合单位", "存在 问题", "下一步打算", "完成期限"]
    assert [tables.column_role(n) for n in names] == [
        "number", "task", "目标任务", "工作举措", "完成情况", "lead", "support", "存在问题", "下一步打算", "完成期限",
    ]
    assert tables.column_role("发布机构:") is None


def test_split_cells_keeps_spans_and_drops_edge_bars() -> None:
    line = "| 1 | 建设平台 | 人才处 |"
    cells = tables.split_cells(line, offset=100)
    assert [c.text for c in cells] == ["1", "建设平台", "人才处"]
    assert all(line[c.span[0] - 100 : c.span[1] - 100] == c.text for c in cells)


def test_key_value_rows_are_not_a_header() -> None:
    cells = tables.split_cells("索引号: | 11/2020-1 | 发布机构: | 市科技局 |")
    assert tables.header_roles(cells) is None


TABLE = "\n".join(
    [
        "某某市科技局2030年重点工作推进情况",
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 进展情况 | 完成时限 |",
        "1 | 建设数字实验室。 | 基础科 | 财务科、人事科 | 已完成选址。 | 2030年6月 |",
        "2 | 引进创新团队5个。 | 人才科 高新科 | | 已引进3个。 | 2030年底 |",
    ]
)


def test_rows_become_tasks_with_fields() -> None:
    _, tasks = parse_outline(TABLE, "d")
    assert [(t.number, t.text, t.lead, t.support) for t in tasks] == [
        ("1", "建设数字实验室。", ["基础科"], ["财务科", "人事科"]),
        ("2", "引进创新团队5个。", ["人才科", "高新科"], []),
    ]
    assert tasks[0].fields == {"完成情况": "已完成选址。", "完成期限": "2030年6月"}
    row_line = TABLE.split("\n")[2]
    assert TABLE[tasks[0].span[0] : tasks[0].span[1]] == row_line  # the row's span covers every cell
    assert tasks[0].clause_span is not None and TABLE[tasks[0].clause_span[0] : tasks[0].clause_span[1]] == "基础科"


SHIFTED = "\n".join(
    [
        "序号 | 工作任务 | 目标 | 完成情况 | 责任单位 | 存在问题 | 下一步打算 |",
        # the row has lost its empty 目标 cell: everything after the task sits one column left
        "1 | 推进技术转移。 | 成交额达20亿元。 | 资源处 规划处 | 1.继续推进平台建设。 | |",
        # the problems column is empty and the next steps slid into it
        "2 | 培育科技企业。 | 新增50家。 | 新增42家。 | 企业处 | 1.做好认定工作。 | |",
        "3 | 建设孵化器。 | 新增2家。 | 新增1家。 | 企业处 | 场地审批进度滞后。 | 加快审批。 |",
    ]
)


def test_shifted_rows_land_in_the_right_fields() -> None:
    _, tasks = parse_outline(SHIFTED, "d")
    assert [t.lead for t in tasks] == [["资源处", "规划处"], ["企业处"], ["企业处"]]
    assert tasks[0].fields["完成情况"] == "成交额达20亿元。"
    assert tasks[0].fields["下一步打算"] == "1.继续推进平台建设。"
    assert tasks[1].fields == {"目标任务": "新增50家。", "完成情况": "新增42家。", "下一步打算": "1.做好认定工作。"}
    assert tasks[2].fields["存在问题"] == "场地审批进度滞后。"
    assert tasks[2].fields["下一步打算"] == "加快审批。"


def test_table_without_number_column_and_with_people() -> None:
    text = "工作事项 | 责任领导 | 责任处室\n办好创新大赛 | 陈思远副主任 | 办公室 综合处\n"
    _, tasks = parse_outline(text, "d")
    assert [(t.number, t.text, t.people, t.lead) for t in tasks] == [("", "办好创新大赛", ["陈思远"], ["办公室", "综合处"])]


def test_two_column_rows_and_one_cell_title_rows() -> None:
    assert tables.is_table_line("建设平台 | 基础处 |")
    assert not tables.is_table_line("建设平台 |")
    assert tables.unwrap_single_cell("某市2030年重点任务分工表 |") == "某市2030年重点任务分工表"
    text = "某市2030年重点任务分工表 |\n工作任务 | 责任单位 |\n建设实验室 | 基础处 |\n"
    _, tasks = parse_outline(text, "d")
    assert [(t.text, t.lead) for t in tasks] == [("建设实验室", ["基础处"])]


def test_lead_mark_in_a_unit_cell() -> None:
    text = "工作任务 | 责任单位 |\n建设实验室 | 市科技局(牵头) 市财政局 |\n"
    _, tasks = parse_outline(text, "d")
    assert [(t.lead, t.support) for t in tasks] == [(["市科技局"], ["市财政局"])]


def test_county_table_with_gu_columns() -> None:
    text = "序号 | 工作任务 | 责任领导 | 责任股室 | 配合股室\n1 | 抓好项目申报 | 王红梅 | 计划财务股 | 综合股\n"
    _, tasks = parse_outline(text, "d")
    assert [(t.lead, t.support, t.people) for t in tasks] == [(["计划财务股"], ["综合股"], ["王红梅"])]


def test_responsible_column_beside_a_lead_column_supports() -> None:
    """Both 牵头单位 and 责任单位 columns: the 责任 column lists co-responsible units (support)."""
    text = "\n".join(
        [
            "序号 | 重点任务 | 牵头单位 | 责任单位 | 厅领导 |",
            "1 | 建设数字实验室。 | 基础处 | 财务处、人事处 | 张三 |",
        ]
    )
    _, tasks = parse_outline(text, "d")
    assert [(t.text, t.lead, t.support, t.people) for t in tasks] == [
        ("建设数字实验室。", ["基础处"], ["财务处", "人事处"], ["张三"])
    ]
    alone = "序号 | 重点任务 | 责任单位 |\n1 | 建设数字实验室。 | 基础处 |"
    assert [t.lead for t in parse_outline(alone, "d")[1]] == [["基础处"]]


def test_a_progress_table_of_figures_only_gives_figures_not_tasks() -> None:
    """final4 06's layout (a prefecture's key projects, 1-9月): no task, unit or people column, a stated unit
    for each kind of column (单位:个、亿元), a plan column and a done column, and a completion rate."""
    from policykg.loaders import extract_text

    text = ("2021年1-9月份重点建设项目简讯\n1-9月份州重点项目投资完成情况汇总表\n单位:个、亿元\n"
            "隶 属 | 项目个数 | 年投资计划 | 完成投资额 | 年计划投资完成率 |\n"
            "吉首市 | 57 | 82.5 | 65.1 | 78.9% |\n泸溪县 | 27 | 42.6 | 31.2 | 73.2% |\n")
    extraction = extract_text(text)
    assert extraction.tasks == []
    got = {(t.indicator, t.value, t.unit, t.kind) for t in extraction.targets}
    assert {("吉首市年投资计划", 8_250_000_000.0, "元", "target"), ("吉首市完成投资额", 6_510_000_000.0, "元", "actual"),
            ("泸溪县年计划投资完成率", 73.2, "%", "actual")} <= got, got


def test_a_header_whose_line_broke_between_its_cells_is_one_header_and_a_rate_column_is_no_task() -> None:
    """A district's livelihood-project progress table (final23 08): the header's line broke after its fifth cell
    (…| 1- 8月 实际完成情况 | / 任务完成率 | 备注 |); the second line carries on the header (a header row that splits
    a cell above, 责任单位 / 牵头单位 | 配合单位, does not), and 任务完成率 is a column of rates, not the task."""
    from policykg.loaders.tables import column_role, read_tables

    text = ("序号 | 项目名称 | 责任单位 | 目标任务 | 1- 8月 实际完成情况 |\n任务完成率 | 备注 | |\n"
            "1 | 新增城镇就业 | 区人社局 | 8950人 | 7123人 | 80% | ||\n2 | 减少义务教育大班额 | 区教育局 | 51个 | 53个 | 104% | ||\n")
    (table,) = read_tables(text)
    assert [(r.task.text if r.task else None, r.lead) for r in table.rows] == [
        ("新增城镇就业", ["区人社局"]), ("减少义务教育大班额", ["区教育局"])]
    assert column_role("任务完成率") is None and column_role("工作任务") == "task"
    split = read_tables("序号 | 重点任务 | 责任单位 | 完成时限 |\n牵头单位 | 配合单位 |\n1 | 建设重大科技基础设施 | 市发改委 | 市科技局 | 12月底 |\n")
    assert [c.name for c in split[-1].columns] == ["牵头单位", "配合单位"]
