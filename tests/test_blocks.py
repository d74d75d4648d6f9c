"""The line classifier reads each line alone; the assembler's precedence decides among readings."""

from __future__ import annotations

from policykg.loaders.blocks import classify
from policykg.loaders.structure import PRECEDENCE, parse_outline


def test_a_line_reports_every_reading_its_text_allows() -> None:
    line = classify(10, "  (一)加快科技成果转化(科技部牵头,财政部参与)")
    assert line.start == 12 and line.text.startswith("(一)")
    assert line.section is not None and line.section[1] == "(一)"
    assert [c.lead for c in line.clauses] == [["科技部"]]
    assert not line.table_row and not line.clause_only and line.numbered is None


def test_table_row_clause_line_field_and_numbered_readings() -> None:
    assert classify(0, "1 | 推进成果转化 | 市科技局").table_row
    assert classify(0, "牵头单位:市科技局;配合单位:市财政局").clause_only
    assert classify(0, "进展情况:已完成80%").field is not None
    assert classify(0, "3.建设创新平台").numbered == ("arabic", "3", 2)
    assert classify(0, "一是加强统筹(责任部门:县科技局)").shi is not None
    assert classify(0, "二、重点任务 |").single_cell


def test_precedence_puts_a_section_with_a_clause_above_a_plain_paragraph() -> None:
    assert PRECEDENCE.index("section") < PRECEDENCE.index("clause_paragraph") < PRECEDENCE.index("prose")
    sections, tasks = parse_outline("(一)加快科技成果转化(科技部牵头,财政部参与)\n", "d")
    assert sections == [] and [(t.number, t.lead, t.support) for t in tasks] == [("(一)", ["科技部"], ["财政部"])]


def test_a_bare_clause_line_answers_for_the_item_above() -> None:
    _, tasks = parse_outline("1.推进成果转化。\n责任单位:市科技局\n2.建设人才高地。\n", "d")
    assert [(t.number, t.lead) for t in tasks] == [("1", ["市科技局"]), ("2", [])]


def test_circled_items_run_on_in_one_line_are_one_task_each() -> None:
    _, tasks = parse_outline("二、主要目标\n①组织实施科技计划项目8项以上;②建设科技示范基地6处;③构建服务平台3个。\n", "d")
    assert [(t.number, t.text) for t in tasks] == [
        ("①", "组织实施科技计划项目8项以上"), ("②", "建设科技示范基地6处"), ("③", "构建服务平台3个。")]


def test_a_results_field_after_the_clause_on_the_same_line_holds_the_actuals() -> None:
    from policykg.loaders import extract_text

    text = ("市科委2014年重点工作上半年进展情况\n"
            "1.全年新认定高新技术企业800家。(责任处室:高新技术处)进展情况:截至6月底,已受理企业申报材料620份。\n")
    extraction = extract_text(text)
    task = extraction.tasks[0]
    assert task.text.endswith("(责任处室:高新技术处)") and task.lead == ["高新技术处"]
    assert task.fields == {"完成情况": "截至6月底,已受理企业申报材料620份。"}
    assert {(t.value, t.kind) for t in extraction.targets} == {(800, "target"), (620, "actual")}


def test_a_unit_before_a_colon_leads_the_duty_after_it() -> None:
    _, tasks = parse_outline("三、责任分工\n1. 县税务局、县财政局:负责落实高新技术企业所得税优惠政策。\n", "d")
    assert [(t.lead, t.text[:5]) for t in tasks] == [(["县税务局", "县财政局"], "县税务局、")]


def test_a_run_together_page_cut_after_its_first_part_splits_at_its_items() -> None:
    """final4 03 (a provincial division notice copied into one line and cut after 一、): one part heading
    only, so no run of parts to split at, but its items 1. 2. 3. count on and each is a task."""
    from policykg.loaders import extract_text

    line = ("河南省人民政府关于明确政府工作报告提出的2023年重点工作责任单位的通知 现将《政府工作报告》提出的2023年"
            "重点工作任务予以分解并明确责任单位。各责任单位要尽快制定具体落实方案,明确时间节点、责任领导、主要措施。"
            " 一、加快提振市场信心 (一)全面促进消费增长。 1.把恢复和扩大消费摆在优先位置,改善消费条件。"
            "(省商务厅、财政厅等相关部门按职责分工负责) 2.落实好提振市场信心90条措施。(省发展改革委牵头,省商务厅、"
            "财政厅等相关部门按职责分工负责) 3.激活房地产市场,满足刚性住房需求。(省住房城乡建设厅牵头)")
    tasks = extract_text(line).tasks
    assert [t.text[:6] for t in tasks] == ["把恢复和扩大", "落实好提振市", "激活房地产市"]
    assert tasks[1].lead == ["省发展改革委"]
    row = "1 | 推进科创走廊建设 | 1.制定实施意见。 2.协助编制规划。 3.以城西科创走廊为主平台,建设创新策源地。" + "。" * 150
    assert len(extract_text("2021年任务分解表\n序号 | 重点任务 | 年度目标 |\n" + row + " |").tasks) == 1  # a cell's items stay in it


def test_dash_items_run_into_one_line_are_blocks_of_their_own() -> None:
    """final6 14: 二、基本原则 ——坚持问题导向。… ——强化责任落实。…市发改委牵头抓好…: each dash item is a paragraph,
    and the one whose units lead a duty is a task."""
    from policykg.loaders import extract_text

    line = ("为落实稳投资工作任务,现提出以下工作方案。 一、目标任务 全市全年固定资产投资必保计划安排186亿元。 二、基本原则 "
            "——坚持问题导向。着力解决重大项目推进工作中存在的突出问题。 ——强化责任落实。市发改委牵头抓好全市项目推进工作;"
            "各县区政府、各开发区管委会牵头抓好辖区内项目推进工作。" + "。" * 60)
    leads = [t.lead for t in extract_text("稳投资项目建设工作方案\n" + line).tasks if t.lead]
    assert leads == [["市发改委", "各县区政府", "各开发区管委会"]]
