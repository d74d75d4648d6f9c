"""Targets and actuals from invented plan, summary and status-table text.

Every fixture is made up for the rule it pins; expected value, unit, comparator,
kind and year are spelled out. Tasks are built by hand so these tests do not
depend on the outline parser.
"""

from __future__ import annotations

import pytest

from policykg.loaders.structure import parse_outline
from policykg.loaders.targets import extract_targets
from policykg.loaders.types import DocumentRecord, TargetRecord, TaskRecord

PLAN_TITLE = "某市科技局2016年科技工作要点"


def run(
    body: str,
    title: str = PLAN_TITLE,
    kind: str = "plan",
    year: int | None = 2016,
    tasks: list[TaskRecord] | None = None,
) -> list[TargetRecord]:
    text = f"{title}\n{body}"
    doc = DocumentRecord(id="doc-test", title=title, year=year, kind=kind)
    return extract_targets(text, tasks or [], doc)


def facts(targets: list[TargetRecord]) -> list[tuple[float, str, str, str, int | None]]:
    return [(t.value, t.unit, t.comparator, t.kind, t.year) for t in targets]


def only(body: str, **kw: object) -> TargetRecord:
    got = run(body, **kw)  # type: ignore[arg-type]
    assert len(got) == 1, [t.raw for t in got]
    return got[0]


# --- values, units, comparators -------------------------------------------------


@pytest.mark.parametrize(
    ("body", "value", "unit", "comparator"),
    [
        ("全市技术市场交易额达150亿元。", 15_000_000_000, "元", "="),
        ("高新技术企业达到500家。", 500, "家", "="),
        ("高新区产业总规模突破3万亿元。", 3_000_000_000_000, "元", ">="),
        ("科技企业贷款规模超过100亿元。", 10_000_000_000, "元", ">="),
        ("新增企业研发机构100家以上。", 100, "家", ">="),
        ("新认定孵化机构不少于3家。", 3, "家", ">="),
        ("每年至少完成2门课程。", 2, "门", ">="),
        ("规划建设50家左右重点企业研究院。", 50, "家", "~"),
        ("对入驻企业占比不到60%的孵化器予以清理。", 60, "%", "<"),
        ("能耗增幅控制在5%以下。", 5, "%", "<"),
        ("发明专利授权量力争达到1.5万件。", 15_000, "件", ">="),
    ],
)
def test_value_unit_comparator(body: str, value: float, unit: str, comparator: str) -> None:
    t = only(body)
    assert (t.value, t.unit, t.comparator, t.kind, t.year) == (value, unit, comparator, "target", 2016)


def test_range_keeps_low_and_high() -> None:
    t = only("同步推动3-5家技术创新中心创建。")
    assert (t.value, t.value_high, t.unit) == (3, 5, "家")


def test_chinese_numeral_after_a_quantity_verb() -> None:
    assert facts(run("全年新增科技型企业三千家。")) == [(3000, "家", "=", "target", 2016)]
    assert facts(run("力争新增五家省级孵化器。")) == [(5, "家", ">=", "target", 2016)]


def test_bare_yi_is_money_only_for_money_indicators() -> None:
    assert facts(run("园区工业总产值突破650亿;")) == [(65_000_000_000, "元", ">=", "target", 2016)]
    assert run("服务人口超过1亿;") == []


# --- indicators and measures ----------------------------------------------------


def test_indicator_is_the_noun_phrase_before_the_number() -> None:
    t = only("技术市场交易额达150亿元。")
    assert t.indicator == "技术市场交易额"
    assert t.raw == "技术市场交易额达150亿元"


def test_follow_up_share_leans_on_the_previous_indicator() -> None:
    first, share = run("力争全省R&D经费支出达1050亿元、占GDP比重达到2.5%。")
    assert first.indicator == "R&D经费支出"
    assert (share.value, share.unit, share.indicator, share.measure) == (2.5, "%", "R&D经费支出占GDP比重", "share")


def test_growth_rate_is_a_growth_measure() -> None:
    level, growth = run("规上工业新产品产值4472亿元,增长13.5%。")
    assert (growth.value, growth.unit, growth.measure) == (13.5, "%", "growth")
    assert growth.indicator == "规上工业新产品产值增长"
    assert level.measure is None


def test_stock_and_flow() -> None:
    flow, stock = run("新认定高新技术企业150家,累计达到700家。")
    assert (flow.value, flow.measure) == (150, "flow")
    assert (stock.value, stock.measure) == (700, "stock")


def test_percentage_points() -> None:
    t = only("高新技术产业增加值增速高于规上工业2个百分点。")
    assert (t.value, t.unit, t.measure) == (2, "个百分点", "growth")


def test_noun_after_the_unit_when_a_verb_governs_it() -> None:
    t = only("新建5家省级以上国际合作基地。")
    assert t.indicator == "省级以上国际合作基地"
    t = only("即组织全省500家创新平台和载体向大众开放。")
    assert t.indicator.startswith("创新平台和载体")


def test_pair_names_each_of_its_indicators() -> None:
    a, b = run("省级和市级研发中心累计分别达到24家和83家。")
    assert (a.value, b.value) == (24, 83)
    assert (a.indicator, b.indicator) == ("省级研发中心累计", "市级研发中心累计")  # 分别: one each, in turn
    assert "83家" in b.raw


def test_list_of_items_after_the_verb() -> None:
    a, b = run("启动建设1个综合服务平台和10个子系统。")
    assert (a.indicator, b.indicator) == ("综合服务平台", "子系统")


def test_per_capita_is_not_a_number() -> None:
    assert facts(run("每万人发明专利拥有量达到10件。")) == [(10, "件", "=", "target", 2016)]


# --- years and kinds ----------------------------------------------------------------


def test_plan_written_the_year_before_targets_its_own_year() -> None:
    t = only("新增高新技术企业200家。", title="某市2016年科技工作要点", year=2015)
    assert (t.kind, t.year) == ("target", 2016)


def test_summary_reports_actuals_of_its_year() -> None:
    t = only("全年新认定高新技术企业311家。", title="某市科技局2018年工作总结", kind="summary", year=2019)
    assert (t.kind, t.year) == ("actual", 2018)


def test_year_opening_a_clause_overrides_the_plan_year() -> None:
    past, goal = run("2015年,全市实现技术交易额60亿元。2016年技术交易额力争达到70亿元。")
    assert (past.kind, past.year) == ("actual", 2015)
    assert (goal.kind, goal.year, goal.comparator) == ("target", 2016, ">=")


def test_baseline_and_object_years_do_not_set_the_year() -> None:
    t = only("专利授权量比2015年增长10%。")
    assert (t.kind, t.year) == ("target", 2016)
    t = only("完成2015年度考核,授予9个单位称号。")
    assert (t.kind, t.year) == ("target", 2016)


def test_summary_then_plan_switches_kind_and_year() -> None:
    body = (
        "2015年,全市实现高新技术产业增加值1212.6亿元,增长9.8%。\n"
        "(一)产业培育成效明显。新认定雏鹰企业330家,累计认定了1979家,已获批国家高新区。\n"
        "全面贯彻创新驱动发展战略,加快推进示范区建设,确保继续走在前列。\n"
        "新认定市级众创空间20家以上、市级孵化器8家以上;新认定农业科技企业20家以上。\n"
    )
    got = run(body, title="某市科委2015年工作总结和2016年工作思路", kind="summary", year=2017)
    assert facts(got) == [
        (121_260_000_000, "元", "=", "actual", 2015),
        (9.8, "%", "=", "actual", 2015),
        (330, "家", "=", "actual", 2015),
        (1979, "家", "=", "actual", 2015),
        (20, "家", ">=", "target", 2016),
        (8, "家", ">=", "target", 2016),
        (20, "家", ">=", "target", 2016),  # the same figure twice in one paragraph: both kept
    ]


# --- status tables ----------------------------------------------------------------------

TABLE_TITLE = "某省科技厅2021年度重点工作三季度完成情况"
HEADER = "序号 | 重点工作任务 | 目标任务 | 完成情况(不超过300字) | 责任单位 | 下一步打算 |"


def test_table_columns_decide_kind_and_as_of() -> None:
    row = (
        "1 | 新增高新技术企业3000家。 | 新增高新技术企业3000家。 | "
        "1-9月,全省新认定高新技术企业2500家,计划安排资金1.1亿元。 | 高新处 | 完成全年新增3000家的目标任务。 |"
    )
    got = run(f"{HEADER}\n{row}", title=TABLE_TITLE, kind="status-table", year=2021)
    assert [(t.value, t.unit, t.kind, t.year, t.as_of) for t in got] == [
        (3000, "家", "target", 2021, None),  # restated in 目标任务 and 下一步打算: kept once
        (2500, "家", "actual", 2021, "2021-09"),
        (110_000_000, "元", "actual", 2021, "2021-09"),
    ]


def test_goal_quoted_in_a_results_cell_is_a_target() -> None:
    row = "1 | 推进企业培育。 | 新增科技型中小企业8000家。 | 新备案科技型中小企业13462家,已超额完成年度8000家的目标任务。 | 高新处 | |"
    got = run(f"{HEADER}\n{row}", title=TABLE_TITLE, kind="status-table", year=2021)
    assert [(t.value, t.kind) for t in got] == [(8000, "target"), (13462, "actual")]


def test_until_month_sets_as_of() -> None:
    row = "1 | 推动成果转化。 | 技术交易额1000亿元。 | 截至8月底,全省技术交易额达900亿元。 | 成果处 | |"
    got = run(f"{HEADER}\n{row}", title="某省2021年度重点工作完成情况", kind="status-table", year=2021)
    assert [(t.value, t.kind, t.as_of) for t in got] == [(100_000_000_000, "target", None), (90_000_000_000, "actual", "2021-08")]


def test_results_field_without_a_header_line() -> None:
    line = "2 | 推动成果转化,技术交易额1000亿元。 | 全省技术交易额达1157亿元。 |"
    text_row_start = len(TABLE_TITLE) + 1
    task = TaskRecord(
        id="t1",
        text="推动成果转化,技术交易额1000亿元。",
        order=0,
        fields={"完成情况": "全省技术交易额达1157亿元。"},
        span=(text_row_start, text_row_start + len(line)),
    )
    got = run(line, title=TABLE_TITLE, kind="status-table", year=2021, tasks=[task])
    assert [(t.value, t.kind, t.task_id) for t in got] == [(100_000_000_000, "target", "t1"), (115_700_000_000, "actual", "t1")]


# --- task ownership ---------------------------------------------------------------------


def test_figure_belongs_to_the_innermost_task() -> None:
    body = "1.培育企业。新增高企100家。一是新增科技型中小企业500家。"
    start = len(PLAN_TITLE) + 1
    outer = TaskRecord(id="outer", text=body, order=0, span=(start, start + len(body)))
    inner_at = start + body.index("一是")
    inner = TaskRecord(id="inner", text=body[body.index("一是") :], order=1, parent_id="outer", span=(inner_at, start + len(body)))
    got = run(body, tasks=[outer, inner])
    assert [(t.value, t.task_id) for t in got] == [(100, "outer"), (500, "inner")]
    assert got[0].span == (start + body.index("100"), start + body.index("100") + 4)


# --- what is not a figure -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "1.加快推进科技计划改革。2.完善评价制度。",  # list numbers
        "2015年是收官之年,落实2013-2017年实施意见。",  # years and year ranges
        "贯彻《若干意见》(浙发【201843号)精神。",  # a document number
        "启动开展“555公众创业创新服务行动”。",  # a name
        "联动推进G60科创走廊建设,荣登TOP10榜单。",  # codes and rankings
        "加快建设网上技术市场3.0。",  # a version
        "加强对35岁以下科技新人的培养。",  # an age
        "编制“十三五”规划,总结“十二五”经验。",  # plan periods
        "继续位居全国第一,市委常委会第120次会议研究。",  # ordinals
        "聚焦七大产业,发挥“四个带头”作用,实施六大工程。",  # Chinese-numeral labels
        "严格执行“八项规定”,主要工作体现在以下五个方面。",
        "市主要领导6次召开专题会议。",  # an adverbial count of meetings
        "成功入围全国15个示范城市之一。",  # membership, not a figure
        "落实“科技新政50条”和人才新政27条。",  # policy names
    ],
)
def test_not_figures(body: str) -> None:
    assert run(body) == []


def test_header_line_numbers_are_not_figures() -> None:
    assert run(HEADER, title=TABLE_TITLE, kind="status-table", year=2021) == []


def test_event_count_with_a_noun_is_a_figure() -> None:
    t = only("举办6次“科技下乡”活动。", title="某市2015年工作总结", kind="summary", year=2015)
    assert (t.value, t.unit, t.kind, t.year) == (6, "次", "actual", 2015)


# --- headings that name a period -------------------------------------------------------------


def test_summary_headings_switch_to_the_plan_year() -> None:
    body = (
        "一、2019年工作回顾\n全年新认定高新技术企业320家,技术合同成交额达到45.6亿元。\n"
        "二、2020年工作思路\n新增高新技术企业350家以上。\n"
    )
    got = run(body, title="某市科技局2019年工作总结", kind="summary", year=2020)
    assert facts(got) == [
        (320, "家", "=", "actual", 2019),
        (4_560_000_000, "元", "=", "actual", 2019),
        (350, "家", ">=", "target", 2020),
    ]


def test_review_section_in_a_plan_reports_actuals() -> None:
    body = "一、2019年工作回顾\n全年新认定高新技术企业320家。\n二、主要目标\n新增高新技术企业350家以上。\n"
    got = run(body, title="某市科技局2020年工作要点", year=2020)
    assert [(t.value, t.kind, t.year) for t in got] == [(320, "actual", 2019), (350, "target", 2020)]


def test_long_range_year_in_a_plan() -> None:
    t = only("到2025年,全省研发投入占地区生产总值比重达3%左右。")
    assert (t.value, t.unit, t.comparator, t.kind, t.year) == (3, "%", "~", "target", 2025)


def test_counts_of_meetings_and_large_chinese_numerals() -> None:
    assert facts(run("全年召开10次专题会议。")) == [(10, "次", "=", "target", 2016)]
    assert facts(run("全省科技人员总数达到十万人。")) == [(100_000, "人", "=", "target", 2016)]
    assert facts(run("建设6000座基站。")) == [(6000, "座", "=", "target", 2016)]


def test_a_five_year_plans_goals_are_for_its_last_year() -> None:
    title = "某省“十四五”科技创新规划(2031年—2035年)"
    body = "截至2030年底,高新技术企业达到800家。\n1.布局建设重点实验室20个以上。"
    got = run(body, title=title, year=2031)
    assert [(t.value, t.kind, t.year) for t in got] == [(800, "actual", 2030), (20, "target", 2035)]


def test_chinese_numeral_closing_a_clause_that_a_counting_verb_opens() -> None:
    assert facts(run("新建省级重点实验室十家,培养青年科技人才一千名。")) == [
        (10, "家", "=", "target", 2016),
        (1000, "名", "=", "target", 2016),
    ]
    assert run("打造四个中心建设行动。") == []  # a name's numeral: no verb opens the clause with it


def test_percent_in_words_is_always_a_figure() -> None:
    t = only("市级财政科技支出增长百分之十五。")
    assert (t.value, t.unit, t.measure) == (15, "%", "growth")


def test_range_with_the_unit_on_both_ends_is_one_target() -> None:
    t = only("高新技术产业增加值增长15%—20%。")
    assert (t.value, t.value_high, t.unit) == (15, 20, "%")


def test_a_heading_that_reports_on_key_work_is_results() -> None:
    body = (
        "一、主要指标完成情况\n全市高新技术企业达到3112家。\n"
        "二、重点工作开展情况\n(一)平台建设取得突破。新建重点实验室22家。\n"
        "三、2020年工作打算\n新增高企800家以上。\n"
    )
    got = run(body, title="某市科技局2019年工作总结", kind="summary", year=2019)
    assert [(t.value, t.kind, t.year) for t in got] == [(3112, "actual", 2019), (22, "actual", 2019), (800, "target", 2020)]


def test_indicator_table_reads_units_from_labels_and_kind_year_from_columns() -> None:
    body = "附表\n指标 | 2016年完成 | 2017年预期目标 |\n研发经费支出(亿元) | 15500 | 16800 |\n专利拥有量(件) | 8.0 | 9.5 |\n"
    got = run(body, title="某部2017年工作要点", year=2017)
    assert [(t.indicator, t.value, t.unit, t.kind, t.year) for t in got] == [
        ("研发经费支出", 1_550_000_000_000, "元", "actual", 2016),
        ("研发经费支出", 1_680_000_000_000, "元", "target", 2017),
        ("专利拥有量", 8, "件", "actual", 2016),
        ("专利拥有量", 9.5, "件", "target", 2017),
    ]


def test_chinese_numeral_closing_a_table_cell() -> None:
    body = "序号 | 工作任务 | 目标要求 | 责任单位 |\n1 | 孵化 | 新增机构5家,孵化引进科技企业五十家 | 区科技局 |\n"
    assert [(t.value, t.unit) for t in run(body)] == [(5, "家"), (50, "家")]


def test_a_capped_duration_is_a_target_and_a_deadline_is_not() -> None:
    assert [(t.value, t.unit) for t in run("项目评审周期压缩至90天以内。")] == [(90, "天")]
    assert run("各单位于每季度结束后5个工作日内报送进展。") == []


def test_a_service_time_limit_written_after_its_duration_is_a_target() -> None:
    """final9 01, final4 11: 开办企业0.5个工作日内完成, 环评报告书14个工作日内、…3个工作日内完成审批 are the limits a
    service is held to; counted from an event (受理之日起5个工作日内完成) they are deadlines, no figures."""
    assert [(t.value, t.unit) for t in run("开办企业0.5个工作日内完成。")] == [(0.5, "个工作日")]
    assert [t.value for t in run("环评报告书14个工作日内、环评报告表7个工作日内、环评登记表3个工作日内完成审批。")] == [14, 7, 3]
    assert run("自申请受理之日起5个工作日内完成。") == []


def test_count_after_xiang_is_the_recipients_not_a_figure() -> None:
    assert [(t.value, t.unit) for t in run("向45个贫困县选派科技特派员1500名。")] == [(1500, "名")]
    assert [t.value for t in run("对287家企业贴息补助。", title="某市2015年工作总结", kind="summary", year=2015)] == [287]


def test_progress_paragraph_under_a_task_reports_actuals() -> None:
    """A ``进展情况:`` paragraph holds the task's results: actuals of the plan year, owned by the task."""
    body = "1.全年新增平台50家。\n进展情况:截至9月底,新增平台38家。\n责任单位:市科技局"
    text = f"{PLAN_TITLE}\n{body}"
    _, tasks = parse_outline(text, "doc-test")
    out = run(body, tasks=tasks)
    assert [(t.value, t.unit, t.kind, t.year, t.task_id) for t in out] == [
        (50, "家", "target", 2016, tasks[0].id),
        (38, "家", "actual", 2016, tasks[0].id),
    ]


def test_a_work_progress_heading_reports_results() -> None:
    """``二、重点工作进展`` in a summary opens results (重点工作 alone would read as a plan heading)."""
    body = "一、主要指标\n上半年,技术合同成交额达到45亿元。\n二、重点工作进展\n(一)推进平台建设。\n新建实验室3家。"
    out = run(body, title="某市科技局2023年上半年工作总结", kind="summary", year=2023)
    assert [(t.value, t.kind, t.year) for t in out] == [(4.5e9, "actual", 2023), (3, "actual", 2023)]


def test_a_task_with_a_progress_paragraph_states_its_goal_even_under_a_results_heading() -> None:
    """Under ``二、重点工作进展`` a task's own figure is its goal; its ``进展情况:`` figures are the actuals."""
    body = "二、重点工作进展\n1.全年新增平台50家。\n进展情况:截至9月底,新增平台38家。\n责任单位:市科技局"
    title = "某市科技局2022年重点工作第三季度进展情况的报告"
    text = f"{title}\n{body}"
    _, tasks = parse_outline(text, "doc-test")
    out = run(body, title=title, kind="status-table", year=2022, tasks=tasks)
    assert [(t.value, t.kind, t.year) for t in out] == [(50, "target", 2022), (38, "actual", 2022)]


def test_a_baseline_from_x_to_y_is_the_actual_at_the_period_start() -> None:
    from policykg.loaders import extract_text

    text = ("2021年工作要点\n一、“十三五”时期发展成就\n研发投入强度从1.5%提高到2.2%,高新技术企业由300家增至900家。\n"
            "二、2021年重点工作\n1.研发投入强度从2.2%提高到2.4%。\n")
    got = {(t.value, t.kind, t.year) for t in extract_text(text).targets}
    assert (1.5, "actual", 2015) in got and (300, "actual", 2015) in got  # five years back in a 十三五 review
    assert (2.4, "target", 2021) in got


# --- each figure by its own sentence ----------------------------------------------------------


def _facts(text: str) -> list[tuple[float, str, int | None]]:
    from policykg.loaders import extract_text

    return [(t.value, t.kind, t.year) for t in extract_text(text).targets]


def test_a_report_that_states_each_goal_then_its_completion() -> None:
    """In a 绩效工作总结 each item states its task (a goal), then what was done by 截至10月底 (results);
    every numbered item starts with its goal again."""
    text = ("县科技局2037年绩效工作总结\n年度工作任务及完成情况1.专利:(1)每万人口发明专利拥有量增长28%。"
            "按照指标要求,我县发明专利拥有量应达到30件,截至10月底,我县已完成了26件,尚差4件。"
            "(2)年度发明专利受理量。任务是60件,截至10月底,受理量为55件。\n")
    assert _facts(text) == [(28, "target", 2037), (30, "target", 2037), (26, "actual", 2037), (4, "actual", 2037),
                            (60, "target", 2037), (55, "actual", 2037)]


def test_a_year_said_early_in_a_paragraph_dates_the_sentences_after_it() -> None:
    text = ("科技部部署2037年科技工作十大任务\n部长表示,2036年,我国科技实力进一步增强;预计全社会研发支出达到15440亿元;"
            "全国技术合同成交额达11407亿元。今年,力争技术合同成交额达到12000亿元。\n")
    assert _facts(text) == [(1.544e12, "actual", 2036), (1.1407e12, "actual", 2036), (1.2e12, "target", 2037)]


def test_a_span_the_sentence_names_dates_its_figures() -> None:
    """In a 十四五 plan, 十三五期间 figures are results of 2020, their baseline of 2015."""
    text = ("某市科学技术“十四五”发展规划\n为加强我市“十四五”时期科技发展工作,特编制本规划,规划期为2021—2025年。\n"
            "“十三五”期间全市研发人员数从5758名增至6006名,人才总量达到12.69万人。\n到2025年,研发人员达到8000名。\n")
    assert _facts(text) == [(5758, "actual", 2015), (6006, "actual", 2020), (126900, "actual", 2020),
                            (8000, "target", 2025)]
    from policykg.loaders import extract_text

    spans = [(t.basis, t.period_from, t.period_to) for t in extract_text(text).targets]
    assert spans[:2] == [("baseline", None, None), (None, 2016, 2020)]


def test_a_work_report_paragraph_opening_on_a_five_year_period() -> None:
    """A State Council report's “十四五”时期是… paragraph sets goals for 2025 (not for the 2035 of a
    quoted title split over lines), 过去五年 reviews five years, and an average is no year's figure."""
    text = ("政府工作报告\n现在,我代表国务院,向大会报告政府工作。\n一、2020年工作回顾\n全年国内生产总值增长2.3%。\n"
            "二、“十三五”时期发展成就和“十四五”时期主要目标任务\n过去五年,国内生产总值年均增长5.7%。\n"
            "“十四五”时期是新征程的第一个五年。根据《\n国民经济和社会发展第十四个五年规划和2035年远景目标纲要(草案)\n》,这里概述几个方面。\n"
            "——森林覆盖率达到24.1%。\n三、2021年重点工作\n国内生产总值增长6%以上。\n")
    from policykg.loaders import extract_text

    got = [(t.value, t.kind, t.year, t.aggregate, t.period_from) for t in extract_text(text).targets]
    assert got == [(2.3, "actual", 2020, None, None), (5.7, "actual", 2020, "average", 2016),
                   (24.1, "target", 2025, None, 2021), (6, "target", 2021, None, None)]


def test_a_headline_with_figures_is_no_heading() -> None:
    text = ("今年预期目标:地区生产总值增7.5%-8%\n2036-01-24 来源:大众网\n现在,我代表省人民政府,向大会报告工作。\n"
            "刚刚过去的2035年,全省生产总值比上年增长8%。\n2036年主要预期目标是:地区生产总值增长7.5%-8%。\n")
    assert _facts(text)[1:] == [(8, "actual", 2035), (7.5, "target", 2036)]


def test_values_as_written_keep_their_range_direction_and_qualifier() -> None:
    from policykg.loaders import extract_text

    t = extract_text("2037年工作要点\n单位地区生产总值能耗和二氧化碳排放分别降低13.5%、18%,国内生产总值增长6%-6.5%。\n").targets
    assert [(x.value, x.value_high, x.direction) for x in t] == [(13.5, None, "down"), (18, None, "down"), (6, 6.5, "up")]
    level = extract_text("2037年工作要点\n城镇化率提高到65%,失业率控制在5.5%以内。\n").targets
    assert [(x.value, x.direction, x.comparator) for x in level] == [(65, None, "="), (5.5, None, "<=")]


def test_a_place_in_a_ranking_is_a_figure_that_is_met_from_below() -> None:
    """全省第2 and 前40位 are figures (unit 位, basis rank) that a reader compares: a rank target is a ceiling
    (target-vs-actual meets 前40位 with 35), and 第3批 or 第2季度 stay ordinals."""
    from policykg.loaders import extract_text

    review = extract_text("2020年工作总结\n规上工业增加值居全省第2,限上零售、住宿分别为全省第1、第3。公布第3批名单。\n")
    assert [(t.indicator, t.value, t.unit, t.basis, t.comparator) for t in review.targets] == [
        ("规上工业增加值", 2, "位", "rank", "="), ("限上零售", 1, "位", "rank", "="), ("住宿", 3, "位", "rank", "=")]
    plan = extract_text("2027年工作要点\n到2027年,全市创新指数跃居全省前40位,第2季度开工。\n")
    assert [(t.indicator, t.value, t.kind, t.comparator) for t in plan.targets] == [("创新指数", 40, "target", "<=")]


def test_a_goal_label_governs_the_figures_listed_after_its_colon() -> None:
    """A review that ends on next year's goals (提出了2019年…主要预期目标:A增长9%,B增长18%): the figures after
    the label are targets of the year it names, not the review's actuals (a news report of a work report)."""
    from policykg.loaders import extract_text

    text = ("邓辉作政府工作报告\n邓辉在报告中说,2018年全区经济社会发展取得显著成效。区属地区生产总值增长9.3%。\n"
            "邓辉在报告中提出了2019年经济社会发展主要预期目标:区属地区生产总值增长9%,全社会固定资产投资增长18%。\n")
    assert [(t.value, t.kind, t.year) for t in extract_text(text).targets] == [
        (9.3, "actual", 2018), (9, "target", 2019), (18, "target", 2019)]


def test_a_report_delivered_in_december_reviews_its_own_year() -> None:
    """A new term's government work report is often delivered in December: its review is that year's
    (过去五年 is 2017-2021, not 2016-2020) and its goals are the next year's."""
    from policykg.loaders import extract_text

    text = ("大邑县政府工作报告\n——2021年12月15日在大邑县第十九届人民代表大会第一次会议上\n各位代表:\n"
            "现在,我代表县人民政府,向大会报告工作,请予审议。\n"
            "一、过去五年工作回顾\n过去五年,全县地区生产总值达到340亿元,年均增长8.3%。\n"
            "二、今后五年奋斗目标\n地区生产总值年均增长7%。\n")
    x = extract_text(text)
    assert (x.document.kind, x.document.date, x.document.year) == ("government-work-report", "2021-12-15", 2021)
    assert [(t.value, t.kind, t.year, t.period_from) for t in x.targets] == [
        (340e8, "actual", 2021, 2017), (8.3, "actual", 2021, 2017), (7, "target", 2022, None)]


def test_a_page_that_opens_on_a_sentence_and_reports_is_a_review_of_that_years_results() -> None:
    """No title, a first sentence naming its year (2020年是…收官之年) and wording that reports (一年来, 已, 同比,
    累计): the figures are that year's results, not its goals."""
    from policykg.loaders import extract_text

    text = ("2020年是全面建成小康社会的决胜之年,是“十三五”规划实施的收官之年,也是全面推进乡村振兴战略的攻坚之年。"
            "一年来,街道已完成各项工作。\n一般公共预算收入1.04亿元,同比增长11%;固定资产投资3.7亿元,同比增长2%;"
            "累计筹得资金20万元,已建成检查点16个。\n")
    assert {(t.kind, t.year) for t in extract_text(text).targets} == {("actual", 2020)}


def test_a_page_opening_on_the_months_it_reports_on_reports_results() -> None:
    """final6 08 (a province's key projects, one paragraph, no title): 今年1—6月 opens the text, and 为年计划的44%
    is a share of the plan done, not a plan; every figure after the first sentence is a result too."""
    from policykg.loaders import extract_text

    text = ("今年1—6月,全省203个在建重点项目完成投资792.4亿元,为年计划的44%;完成投资较去年同期增加50.6亿元,增长6.8%。"
            "按阶段划分,其中46个投产项目完成投资442.4亿元,为年计划的52.4%;136个续建项目完成投资335.5亿元,为年计划的39.4%。")
    kinds = {t.raw: t.kind for t in extract_text(text).targets}
    assert kinds["投产项目完成投资442.4亿元"] == "actual"
    assert kinds["为年计划的39.4%"] == "actual"


def test_a_news_page_quoting_the_work_report_is_read_by_its_own_wording() -> None:
    """final4 12: a news item whose only title is the 《政府工作报告》 it quotes lists the report's plans
    (县政府将…, 加快建设…): a work report both reviews and plans, so 政府工作报告 alone is no summary and the
    figures are the year's goals."""
    from policykg.loaders import extract_text

    text = ("5月10日上午,某县第十七届人民代表大会第五次会议隆重开幕,县长向大会作《政府工作报告》。"
            "《报告》指出,县政府将继续优先保障民生投入,重点抓好15件大事和民生实事。分别是:\n"
            "(1)加快建设总投资7.58亿元的县医院迁建项目。\n(2)新建行政村公共厕所120座、旅游厕所8座。\n"
            "(3)积极引导1000名以上高校毕业生到基层就业,开发公益性岗位不少于740个。\n")
    x = extract_text(text + "2020年5月10日\n")
    assert x.document.kind == "plan"
    assert {t.kind for t in x.targets} == {"target"}


def test_a_notice_opening_on_a_completion_heading_reports_that_years_results() -> None:
    """final7 06, final5 07: a notice with no title of its own (督查通报, 今年以来…) whose first heading is
    完成情况 reports the year's results, however many plan words (推进, 目标) its sentences carry."""
    from policykg.loaders import extract_text

    text = ("为切实推进市政府决策部署的贯彻落实,督查室对年初确定的2021年重点工作推进情况进行督办。"
            "现将有关情况通报如下:\n一、主要指标任务完成情况\n(一)全市经济社会发展主要预期目标完成情况\n"
            "上半年,全市完成地区生产总值802.81亿元,增幅全省排第7位;社会固定资产投资增长86.1%。\n")
    assert {(t.kind, t.year) for t in extract_text(text).targets} >= {("actual", 2021)}
    assert all(t.kind == "actual" and t.year == 2021 for t in extract_text(text).targets)


def test_a_district_review_without_a_title_reads_as_that_years_results() -> None:
    """final8 09: a work report's review part, no title, its past wording without 了 (增至, 获评, 建成运营,
    预计数); plan words appear in passing (年初确定的目标, 加快推进, 即将实现): the figures are results."""
    from policykg.loaders import extract_text

    text = ("2017年,我们在市委、市政府的坚强领导下,较好地完成了年初确定的各项目标任务。全区完成地区生产总值907亿元"
            "(预计数,下同),增长8%。\n产业升级扎实有效。引进金融机构总部8家,省级金融机构总部增至64家,金融业实现增加值88亿元。"
            "园区获评全市重点产业项目;公路港二期建成运营,新港三期加快推进,多式联运即将实现。\n")
    assert {(t.kind, t.year) for t in extract_text(text).targets} == {("actual", 2017)}


def test_a_part_of_the_year_gone_by_heads_results_and_a_five_year_place_names_the_year() -> None:
    """final8 07: no year but 今年是“十三五”开局之年 (2016), then 前三季度,…完成投资90.5亿元: results of 2016. final6 14:
    上半年完成投资70.5亿元 is a result, 下半年需必保完成投资115.5亿元 a goal (the last part of the year named decides)."""
    from policykg.loaders import extract_text

    text = ("今年是“十三五”开局之年,各出资企业全力推进项目建设,重点工程建设成效明显。前三季度,各出资企业开、复工项目52项,"
            "完成投资90.5亿元,比上年同期增长16%。\n")
    x = extract_text(text)
    assert x.document.year == 2016
    assert {(t.kind, t.year) for t in x.targets} == {("actual", 2016)}
    plan = "2020年稳投资工作方案\n全市上半年完成投资70.5亿元,下半年需必保完成投资115.5亿元。\n"
    assert [(t.value, t.kind) for t in extract_text(plan).targets] == [(70.5e8, "actual"), (115.5e8, "target")]


def test_a_letter_looking_back_on_the_year_just_past_reports_its_results() -> None:
    """final12 09 (a bureau's new-year letter, no title): 刚刚过去的2020年极不平凡…这些成绩的取得: review wording never
    found in plans, so 全年实现社会消费品零售总额419.24亿元 is 2020's result, not a goal."""
    from policykg.loaders import extract_text

    text = ("值此新春佳节来临之际,市商务局党组致以新春的祝福!\n刚刚过去的2020年极不平凡。全市商务系统圆满完成全年各项目标任务。"
            "全年实现社会消费品零售总额419.24亿元,下降1.4%。\n这些成绩的取得,是市委坚强领导的结果。\n")
    assert {(t.kind, t.year) for t in extract_text(text).targets} == {("actual", 2020)}


def test_a_planned_count_before_its_result_is_the_plan() -> None:
    """final12 06, final3 07: 15个农村幸福院建设已完成8个(53%): the 15 is what was planned (a target), the 8 and the 53% are
    results; a rate in brackets before the next item (…(50%)、) stays a result."""
    from policykg.loaders import extract_text

    text = ("萧县9月份民生工程进展情况\n截至9月底,2个嵌入式养老机构建设已完成1个(50%)、15个农村幸福院建设已完成8个(53%)。\n")
    got = {(t.value, t.unit): t.kind for t in extract_text(text).targets}
    assert got[(2, "个")] == "target" and got[(15, "个")] == "target"
    assert got[(1, "个")] == "actual" and got[(8, "个")] == "actual" and got[(50, "%")] == "actual"


def test_a_verb_or_a_time_word_alone_names_no_indicator() -> None:
    """Issue 19: a fragment never becomes an indicator. 强化…3个 and 交付…500套 name nothing (jieba's dictionary tags them as
    verbs); 投资 (a verbal noun) and 企业 do."""
    from policykg.loaders.phrases import indicator_name

    assert indicator_name("强化") == "" and indicator_name("交付") == "" and indicator_name("两年") == ""
    assert indicator_name("投资") == "投资" and indicator_name("企业") == "企业"


def test_an_item_number_a_figure_runs_into_is_the_items_not_the_figures() -> None:
    """``2.50个小区`` in a list numbered 1., 2., 3. is item 2 with 50个, not 2.5个 (a real livelihood plan)."""
    body = "1.既有多层住宅加装电梯新增400台。\n2.50个小区新增电动自行车充电设施。\n3.开设40个暑托班办班点。"
    assert [(t.value, t.unit) for t in run(body)] == [(400.0, "台"), (50.0, "个"), (40.0, "个")]


def test_a_column_of_decimals_keeps_its_values() -> None:
    """Without a plain numbered line beside it, ``2.5%`` opening a line is a value."""
    assert [(t.value, t.unit) for t in run("增长率\n1.5%\n2.5%")] == [(1.5, "%"), (2.5, "%")]


def test_a_count_of_the_plans_own_items_is_no_figure() -> None:
    """``分解为11项工作目标和138项工作任务`` counts the plan's own items; ``完成15个重点项目`` is a figure."""
    assert run("将全年工作分解为11项工作目标和138项工作任务,重点抓好15件民生实事。") == []
    assert [(t.value, t.unit) for t in run("完成15个重点项目。")] == [(15.0, "个")]


def test_a_year_a_table_cells_own_sentence_names_is_the_figures() -> None:
    """到2025年,… in a task cell of a 2021 division table: the figures are for 2025, as in prose."""
    text = ("2021年重点工作责任分解\n序号 | 重点工作任务 | 责任单位 |\n"
            "1 | 推进流通体系建设,到2025年,社会消费品零售总额达到3.5万亿元。 | 市商务局 |\n")
    doc = DocumentRecord(id="doc-test", title="2021年重点工作责任分解", year=2021, kind="responsibility-plan")
    tasks = parse_outline(text, "doc-test")[1]
    assert [(t.value, t.year) for t in extract_targets(text, tasks, doc)] == [(3.5e12, 2025)]


def test_a_span_in_brackets_closing_a_goal_dates_that_goal_and_no_other_figure() -> None:
    """A progress report of 2015 whose items are five-year goals (2606个撤并村通公路(2013—2017年)。) and their
    progress: the goal is a target for 2017 over 2013-2017, the progress an actual of 2015; no line of sentences
    is taken for the title that dates the report."""
    from policykg.loaders import extract_text

    text = ("按照市委民生工作“五个坚持”原则和工作部署,市政府各部门、各区县政府落实责任,细化措施,大力推动民生实事各项目标任务。"
            "2015年25件重点民生实事上半年实际完成投资156.92亿元。\n"
            "完成7.4万口山坪塘整治(2013—2017年)。上半年已全部完工。\n"
            "2606个撤并村通公路(2013—2017年)。上半年已完成建设4022公里,累计解决了2585个撤并村通公路。\n")
    got = [(t.value, t.kind, t.year, t.period_from) for t in extract_text(text).targets]
    assert got == [(15_692_000_000.0, "actual", 2015, None), (74_000.0, "target", 2017, 2013),
                   (2606.0, "target", 2017, 2013), (4022.0, "actual", 2015, None), (2585.0, "actual", 2015, None)]


def test_a_line_of_sentences_is_never_the_title_that_dates_a_document() -> None:
    """完成7.4万口山坪塘整治(2013—2017年)。上半年已全部完工。 is body text: its years do not date the report."""
    from policykg.loaders.periods import title_line

    body = "按照市委民生工作部署,各部门落实责任\n完成7.4万口山坪塘整治(2013—2017年)。上半年已完工。提前完成总目标任务。\n"
    assert title_line(body, "按照市委民生工作部署") == "按照市委民生工作部署"
    assert title_line("2015年上半年民生实事进展情况\n" + body) == "2015年上半年民生实事进展情况"


def test_a_year_range_opens_no_clause_year() -> None:
    """是1950年到2002年53年的总和;新增公路19.2万公里: the range dates nothing after it (the 2008 national report)."""
    from policykg.loaders.periods import clause_year

    text = "五年新增电力装机3.5亿千瓦,是1950年到2002年53年的总和;新增公路19.2万公里"
    assert clause_year(text, 0, len(text)) is None
    assert clause_year("2015年,新增公路", 0, 9) == 2015


def test_a_heading_naming_a_year_before_the_plan_year_opens_that_years_results() -> None:
    """A ministry head's report at the 2020 conference (final20 09): 一、2019年主要工作 reviews 2019, though no
    result word (回顾, 总结) says so; its figures are 2019's results, not goals for 2020."""
    from policykg.loaders import extract_text

    text = ("国家知识产权局局长在2020年全国知识产权局局长会议上作报告\n一、2019年主要工作\n"
            "全年共授权发明专利45.3万件,注册商标640.6万件。\n")
    assert [(t.raw, t.kind, t.year) for t in extract_text(text).targets] == [
        ("授权发明专利45.3万件", "actual", 2019), ("注册商标640.6万件", "actual", 2019)]


def test_a_breakdown_of_the_work_report_is_a_plan_for_its_year() -> None:
    """渝中区 2023年区政府工作报告重点工作目标任务分解 (final24 06): the report is what the title breaks down, not its
    genre; the figures are 2023's goals, not results of a report with no year."""
    from policykg.loaders import extract_text

    text = ("2023年区政府工作报告重点工作目标任务分解\n一、主要预期指标\n1.地区生产总值增长5%左右,争取实现更好的发展。\n"
            "牵头单位:区发改委\n2.区级一般公共预算收入增长5%。\n牵头单位:区财政局\n")
    assert [(t.kind, t.year) for t in extract_text(text).targets] == [("target", 2023), ("target", 2023)]
