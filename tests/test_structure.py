"""The outline of a plan: sections, numbered tasks, sub-items, clause paragraphs (invented text)."""

from __future__ import annotations

from policykg.loaders import extract_text
from policykg.loaders.structure import parse_outline, sub_items
from policykg.loaders.types import SectionRecord, TaskRecord


def outline(text: str) -> tuple[list[SectionRecord], list[TaskRecord]]:
    sections, tasks = parse_outline(text, "doc")
    for t in tasks:  # every paragraph task's text is exactly its span
        if not t.fields:
            assert text[t.span[0] : t.span[1]] == t.text, t
    return sections, tasks


NESTED = """某县2030年科技工作要点
第一部分 总体要求
一、加快创新平台建设
(一)实验室体系
1.建设县实验室。力争新建2家。
(1)完善实验室章程。
(2)组建理事会。
2.建设中试基地。
二、强化企业主体
1、培育科技企业。
①开展入库培育。
②开展认定辅导。
"""


def test_sections_and_tasks_nest_by_numbering_style() -> None:
    sections, tasks = outline(NESTED)
    assert [(s.number, s.title, s.level) for s in sections] == [
        ("第一部分", "总体要求", 1),
        ("一、", "加快创新平台建设", 2),
        ("(一)", "实验室体系", 3),
        ("二、", "强化企业主体", 2),
    ]
    assert sections[2].parent_id == sections[1].id and sections[3].parent_id == sections[0].id
    by_number = {t.number + t.text[:2]: t for t in tasks}
    assert [t.number for t in tasks] == ["1", "(1)", "(2)", "2", "1", "①", "②"]
    assert by_number["(1)完善"].parent_id == by_number["1建设"].id
    assert by_number["(2)组建"].parent_id == by_number["1建设"].id
    assert by_number["2建设"].parent_id is None
    assert by_number["①开展"].parent_id == by_number["1培育"].id
    assert by_number["1建设"].section == "(一)实验室体系"
    assert by_number["1培育"].section == "二、强化企业主体"
    assert by_number["1建设"].title == "建设县实验室"


CLAUSES = """力争全市研发投入增长10%。(责任人:钱一,牵头单位:规划处)
一、深化改革
开展评价改革试点。(牵头单位:政策处)
1.推进项目评审改革。(责任人:孙二,牵头单位:计划处)
建设项目管理平台。(牵头单位:办公室)
2.推进经费包干制。
二、产业创新
培育产业集群。(牵头单位:产业处)
"""


def test_unnumbered_paragraphs_with_a_clause_are_tasks() -> None:
    _, tasks = outline(CLAUSES)
    assert [(t.number, t.text[:6], t.lead) for t in tasks] == [
        ("", "力争全市研发", ["规划处"]),
        ("", "开展评价改革", ["政策处"]),
        ("1", "推进项目评审", ["计划处"]),
        ("", "建设项目管理", ["办公室"]),
        ("2", "推进经费包干", []),
        ("二、", "产业创新\n培", ["产业处"]),  # a lone clause paragraph right under its heading: one task with it
    ]
    parents = [t.parent_id for t in tasks]
    # PART_OF the numbered task before it in the same section, and only then
    assert parents == [None, None, None, tasks[2].id, None, None]
    assert tasks[5].title == "产业创新" and tasks[5].section == "二、产业创新"
    assert tasks[0].people == ["钱一"] and tasks[0].section is None
    clause = tasks[2].clause_span
    assert clause is not None and CLAUSES[clause[0] : clause[1]] == "(责任人:孙二,牵头单位:计划处)"


def test_plain_paragraphs_and_title_only_headings_are_not_tasks() -> None:
    text = "一、指导思想\n坚持创新驱动发展战略。\n二、目标任务\n全年新增企业100家。\n三、重点工作\n1.建设平台。\n"
    sections, tasks = outline(text)
    assert len(sections) == 3 and [t.text for t in tasks] == ["建设平台。"]


def test_sub_items_are_tasks_part_of_their_paragraph() -> None:
    text = "1.实施人才工程。一是引进领军人才,新引进10名。二是培育青年人才。三是优化服务。\n"
    _, tasks = outline(text)
    assert [(t.number, t.text) for t in tasks] == [
        ("1", "实施人才工程。一是引进领军人才,新引进10名。二是培育青年人才。三是优化服务。"),
        ("一是", "引进领军人才,新引进10名。"),
        ("二是", "培育青年人才。"),
        ("三是", "优化服务。"),
    ]
    assert all(t.parent_id == tasks[0].id for t in tasks[1:])


def test_sub_items_need_a_sequence_and_a_boundary() -> None:
    assert sub_items("坚持统一是前提,二是说明。") == []
    assert sub_items("只有一是。") == []
    assert [n for n, _, _ in sub_items("①建平台;②引人才;③强服务")] == ["①", "②", "③"]


def test_sub_item_clauses_go_to_the_sub_items_that_carry_them() -> None:
    text = "1.强化协同。一是联合攻关(牵头单位:基础处)。二是成果共享(牵头单位:成果处)。\n"
    _, tasks = outline(text)
    assert [(t.number, t.lead) for t in tasks] == [("1", []), ("一是", ["基础处"]), ("二是", ["成果处"])]


def test_a_paragraph_clause_stays_with_the_paragraph() -> None:
    text = "1.强化协同。一是联合攻关。二是成果共享。(牵头单位:成果处)\n"
    _, tasks = outline(text)
    assert [(t.number, t.lead) for t in tasks] == [("1", ["成果处"]), ("一是", []), ("二是", [])]


def test_a_clause_line_closing_numbered_sub_items_answers_for_their_parent() -> None:
    """final7 04: (1)…(4) under 1.完善应急预案体系, then one (责任单位:…) line: the line closes the list, so the
    parent leads; where each sub-item has its own clause line, each keeps it."""
    text = ("1.完善应急预案体系\n(1)加强应急预案管理。\n(2)加强应急预案演练。\n"
            "(责任单位:市直各有关单位、各开发区管委会)\n2.完善体制\n(1)健全应急管理机构。\n(责任单位:市应急局)\n"
            "(2)健全指挥协调机制。\n(责任单位:市政府办)\n")
    _, tasks = outline(text)
    assert [(t.text, t.lead) for t in tasks] == [
        ("完善应急预案体系", ["市直各有关单位", "各开发区管委会"]), ("加强应急预案管理。", []), ("加强应急预案演练。", []),
        ("完善体制", []), ("健全应急管理机构。", ["市应急局"]), ("健全指挥协调机制。", ["市政府办"])]


def test_a_people_label_alone_on_its_line_opens_the_list_below() -> None:
    """final11 02: 组长: / 第一副组长: / 成员: each alone on a line, the names and posts on the lines under them."""
    from policykg.loaders import extract_text

    text = ("关于成立工作领导小组的通知\n一、主要职责\n统筹协调筹办工作中的重大问题。\n二、组成人员\n组长:\n孙春兰 国务院副总理\n"
            "第一副组长:\n王勇 国务委员\n成员:\n王浩 浙江省省长\n孔绍逊 中央办公厅副主任\n")
    assert [(t.text.split("\n")[0], t.people) for t in extract_text(text).tasks] == [("组成人员", ["孙春兰", "王勇", "王浩", "孔绍逊"])]


def test_a_line_naming_a_sub_group_holds_the_people_listed_under_it() -> None:
    """final11 12: 治安巡查工作小组 alone on a line, then 组 长:… and 组 员:(四甲片)… lines and a list line opening on a
    tag ((货隆片)何 勇 陈 佳): the sub-group is a task with its people; a numbered heading ((三)高塘湖) is no tag."""
    from policykg.loaders import extract_text

    text = ("四甲镇2017年秋季秸秆禁烧工作方案\n一、成立秸秆禁烧工作领导小组\n组 长:冯 斌\n治安巡查工作小组\n"
            "组 长:龚海燕 何勇\n组 员:(四甲片)许志云 韩 鹏\n(货隆片)陈 佳 张 杰\n")
    assert [(t.text.split("\n")[0], t.people) for t in extract_text(text).tasks] == [
        ("成立秸秆禁烧工作领导小组", ["冯斌"]), ("治安巡查工作小组", ["龚海燕", "何勇", "许志云", "韩鹏", "陈佳", "张杰"])]


def test_a_people_label_naming_only_a_post_does_not_end_the_task() -> None:
    """final13 06: 1.全市生产总值增长8.5%。 then, each after a blank line, 牵头负责领导:市政府常务副市长。 (a post, no one),
    牵头责任单位:… and 协同责任单位:…: the unit lines still answer for the item."""
    from policykg.loaders import extract_text

    text = ("阜阳市人民政府关于2019年重点工作及责任分解的通知\n一、确保完成全年主要预期目标\n\n1.全市生产总值增长8.5%。\n\n"
            "牵头负责领导:市政府常务副市长。\n\n牵头责任单位:市发展改革委。\n\n协同责任单位:市政府各部门、各直属机构。\n")
    assert [(t.lead, t.support) for t in extract_text(text).tasks] == [(["市发展改革委"], ["市政府各部门", "各直属机构"])]


def test_a_spaced_table_with_several_unit_columns_reads_each_rows_groups_by_column() -> None:
    """final13 02: 序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位 as spaced text: each row's three groups after its last
    sentence are its lead, its participants and the local governments that carry it out (support beside a lead
    column); a line opening on a row number starts a row, also where the page cut its units off."""
    from policykg.loaders import extract_text

    text = ("平顶山市全面推行河长制主要任务分解表\n序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位\n"
            "1 加强水资源保护 严守水资源开发利用控制红线 实施水资源消耗总量和强度双控行动。 市水利局 市发展改革委、农业局等 "
            "各县(市、区)人民政府\n2  严守用水效率控制红线 落实用水效率评估体系。 市水利局 市发展改革委等 各县(市、区)人民政府\n"
            "3   抓好工业节水。加快实施工业节水技术改造。 市工业和信息化委 市发展改革委等 各县(市、\n")
    assert [(t.text[:3], t.lead, t.support) for t in extract_text(text).tasks] == [
        ("1 加", ["市水利局"], ["市发展改革委", "农业局", "各县(市、区)人民政府"]),
        ("2 严", ["市水利局"], ["市发展改革委", "各县(市、区)人民政府"]), ("3 抓", [], [])]


def test_summary_sections_with_a_body_are_tasks_too() -> None:
    text = "(一)平台建设成效明显。全年新建实验室3家。一是完善布局。二是强化考核。\n(二)人才工作。\n"
    sections, tasks = outline(text)
    assert [s.title for s in sections] == ["平台建设成效明显", "人才工作"]
    assert [(t.number, t.parent_id is None) for t in tasks] == [("(一)", True), ("一是", False), ("二是", False)]


def test_state_council_style_items_are_tasks() -> None:
    text = "一、完善创新体系\n(一)建设国家实验室。(科技部牵头,发展改革委等按职责分工负责)\n(二)强化企业主体地位。(科技部、工业和信息化部牵头)\n"
    sections, tasks = outline(text)
    assert [s.number for s in sections] == ["一、"]
    assert [(t.number, t.lead, t.support) for t in tasks] == [
        ("(一)", ["科技部"], ["发展改革委"]),
        ("(二)", ["科技部", "工业和信息化部"], []),
    ]
    assert tasks[1].parent_id is None


def test_clause_on_its_own_line_answers_for_the_block_above() -> None:
    text = "1.建设创新联合体。\n牵头单位:高新科;配合单位:财务科\n(一)组织科技大会\n责任单位:办公室\n"
    _, tasks = outline(text)
    assert [(t.number, t.text, t.lead, t.support) for t in tasks] == [
        ("1", "建设创新联合体。", ["高新科"], ["财务科"]),
        ("(一)", "组织科技大会", ["办公室"], []),
    ]


def test_hard_wrapped_task_lines_are_joined() -> None:
    text = "1.推进科技金融结合,扩大\n创投基金规模。\n这是一段说明。\n"
    _, tasks = outline(text)
    assert [t.text for t in tasks] == ["推进科技金融结合,扩大\n创投基金规模。"]


def test_a_wrapped_line_holding_the_clause_stays_in_its_task() -> None:
    text = "6.加快成果转化。建设交易中心,培育示范\n机构20家。(牵头单位:成果处;责任单位:各市科技局)\n7.建设平台。\n"
    _, tasks = outline(text)
    assert [(t.number, t.text[-9:], t.lead, t.support) for t in tasks] == [
        ("6", "单位:各市科技局)", ["成果处"], ["各市科技局"]),
        ("7", "建设平台。", [], []),
    ]


def test_numbers_are_not_numbering() -> None:
    text = "2.5万亿元的产值目标。\n2015年是关键之年。\n1-9月新增企业20家。\n"
    assert outline(text)[1] == []


def test_a_title_line_takes_its_body_but_not_a_signature() -> None:
    text = "1.服务中心大局\n聚焦全市重点工作,找准切入点。\n2.从严治党\n附件:\n某市科学技术局\n"
    _, tasks = outline(text)
    assert [t.text for t in tasks] == ["服务中心大局\n聚焦全市重点工作,找准切入点。", "从严治党"]


DECIMAL = """科学技术部2030年工作要点
一、强化基础研究
1. 优化实验室体系
1.1 推进实验室重组,新建实验室20个。(责任单位:基础研究司)
1.2 完善运行机制。(责任单位:基础研究司、重大专项司)
2. 深化评价改革,开展减负行动。(责任单位:政策法规司)
2.1 开展试点。
3. 加强国际合作
3.1 举办对话会议。
二、强化企业主体
4. 培育领军企业
4.1 新增高新技术企业5万家。
"""


def test_decimal_items_are_the_tasks_and_a_title_only_parent_is_their_heading() -> None:
    sections, tasks = outline(DECIMAL)
    assert [(s.number, s.title) for s in sections] == [
        ("一、", "强化基础研究"), ("1.", "优化实验室体系"), ("3.", "加强国际合作"), ("二、", "强化企业主体"), ("4.", "培育领军企业"),
    ]  # fmt: skip
    assert [(t.number, t.text[:4], t.section) for t in tasks] == [
        ("1.1", "推进实验", "1.优化实验室体系"),
        ("1.2", "完善运行", "1.优化实验室体系"),
        ("2", "深化评价", "一、强化基础研究"),
        ("2.1", "开展试点", "一、强化基础研究"),
        ("3.1", "举办对话", "3.加强国际合作"),
        ("4.1", "新增高新", "4.培育领军企业"),
    ]
    assert tasks[3].parent_id == tasks[2].id  # 2. carries work of its own: 2.1 is PART_OF it
    assert tasks[1].lead == ["基础研究司", "重大专项司"]


def test_a_decimal_number_without_its_parent_item_is_not_numbering() -> None:
    _, tasks = outline("1.推进科技金融,全年新增贷款\n1.5万笔以上的目标。\n2.3亿元用于补助。\n")
    assert [t.number for t in tasks] == ["1"]


def test_a_row_merged_across_a_table_is_a_section_and_the_table_goes_on() -> None:
    text = "序号 | 工作任务 | 责任单位 |\n一、平台建设 |\n1 | 建设实验室 | 基础处 |\n二、企业培育 |\n2 | 培育高企 | 高新处 |\n"
    sections, tasks = parse_outline(text, "doc")  # a row's span is the whole row
    assert [s.title for s in sections] == ["平台建设", "企业培育"]
    assert [(t.text, t.lead, t.section) for t in tasks] == [
        ("建设实验室", ["基础处"], "一、平台建设"),
        ("培育高企", ["高新处"], "二、企业培育"),
    ]


def test_progress_paragraph_and_unit_line_belong_to_the_task_above() -> None:
    """``进展情况:…`` under a numbered task is its results field; the ``责任单位:`` line after it still leads it."""
    text = "\n".join(
        [
            "1.建设实验室,全年新增平台50家。",
            "进展情况:截至9月底,新增平台38家。",
            "责任单位:市科技局、市财政局",
            "",
            "2.引进人才1000名。",
            "进展情况:已引进836名。",
            "责任单位:市人才办",
        ]
    )
    _, tasks = parse_outline(text, "d")
    assert [(t.number, t.text, t.lead, t.fields) for t in tasks] == [
        ("1", "建设实验室,全年新增平台50家。", ["市科技局", "市财政局"], {"完成情况": "截至9月底,新增平台38家。"}),
        ("2", "引进人才1000名。", ["市人才办"], {"完成情况": "已引进836名。"}),
    ]
    assert text[tasks[0].span[0] : tasks[0].span[1]].endswith("新增平台38家。")  # figures there are the task's


def test_shi_items_on_their_own_lines_with_clauses_are_tasks() -> None:
    """``一是…责任部门:X`` lines inside a (一) section are one task each, not one wrapped paragraph."""
    text = "\n".join(
        [
            "(一)培育企业",
            "一是实施梯度培育工程,新增瞪羚企业20家,新增领军企业80家。责任部门:科技局、服务中心",
            "二是推进高企培育,组织辅导15场。责任部门:科技局、经发委",
            "(二)优化服务",
            "一是扩大科技信贷规模。责任部门:金融局",
        ]
    )
    _, tasks = parse_outline(text, "d")
    assert [(t.number, t.text[:6], t.lead, t.section) for t in tasks] == [
        ("一是", "实施梯度培育", ["科技局", "服务中心"], "(一)培育企业"),
        ("二是", "推进高企培育", ["科技局", "经发委"], "(一)培育企业"),
        ("一是", "扩大科技信贷", ["金融局"], "(二)优化服务"),
    ]


def test_inline_shi_list_in_one_paragraph_stays_sub_items() -> None:
    """A summary's ``一是…;二是…`` on one line without a clause is not split into line tasks."""
    _, tasks = parse_outline("1.存在问题。\n一是投入不均衡;二是人才有短板。", "d")
    assert all(t.number != "一是" or t.parent_id for t in tasks)


def test_a_paragraph_carrying_several_clauses_is_one_item_per_clause() -> None:
    """Realgold 06's layout: items run on behind ① after the section's own clause, each with its own."""
    text = ("(一)重点建设优势产业创新体系。定期开展重点行业评估。(责任科室:科技管理科)"
            "①围绕中科院等推进智能制造产业发展。(责任科室:产业与技术研究院)②围绕青岛软控等推进橡塑产业发展。"
            "(责任科室:科技与创业孵化中心)围绕重点产业开展重大专项和科技攻关行动。(责任科室:科技管理科)\n")
    _, tasks = outline(text)
    assert [(t.number, t.text[:6], t.lead) for t in tasks] == [
        ("(一)", "重点建设优势", ["科技管理科"]),
        ("①", "围绕中科院等", ["产业与技术研究院"]),
        ("②", "围绕青岛软控", ["科技与创业孵化中心"]),
        ("", "围绕重点产业", ["科技管理科"]),
    ]
    assert all(t.parent_id == tasks[0].id for t in tasks[1:])


def test_items_run_together_behind_lost_bullets() -> None:
    """A mirror's line where each bullet became ``?`` (realgold 02's layout)."""
    text = ("? 实施科技体制改革三年攻坚方案。(科技部、国家发展改革委牵头,国家国防科工局等按职责分工负责) "
            "? 支持各地加大科技投入。(科技部牵头,有关部门按职责分工负责) ? 加强知识产权保护和运用。\n")
    _, tasks = parse_outline(text, "d")
    assert [(t.text[:6], t.lead) for t in tasks[1:]] == [("支持各地加大", ["科技部"]), ("加强知识产权", [])]
    assert tasks[0].lead == ["科技部", "国家发展改革委"]


def test_a_run_together_notice_is_read_part_by_part() -> None:
    """A notice copied onto one line (b1 05's layout): its numbered parts are blocks of their own."""
    text = ("中新网6月13日电 据中国政府网消息,国务院办公厅公布关于成立第一次全国地理国情普查领导小组的通知。各省、自治区、直辖市人民政府,"
            "国务院各部委、各直属机构:为加强对第一次全国地理国情普查的领导,国务院决定成立第一次全国地理国情普查领导小组。"
            "现将有关事项通知如下:一、主要职责负责第一次全国地理国情普查的组织和领导,"
            "协调解决普查中的重大问题,审议普查工作方案。二、组成人员组长:张高丽国务院副总理副组长:姜大明国土资源部部长"
            "马建堂统计局局长成员:吴恒权中央宣传部副部长。三、工作机构及其职责领导小组办公室设在测绘地信局,承担领导小组的日常工作。\n")
    _, tasks = parse_outline(text, "d")
    members = next(t for t in tasks if t.text.startswith("组成人员"))
    assert members.people == ["张高丽", "姜大明", "马建堂", "吴恒权"]


CLOSING = """某市2030年工作计划
一、基础设施
(一)道路畅通工程。加快建设都市圈快速通道,推进道路交通运输体系。
全面规划都市圈快速通道路网,
?建成旅游公路等项目;
进一步规范道路限高等交通设施。(市交通局牵头,市发改委配合)
(二)城际公交工程。加快城际公交一体化进程。
二、考核
1.加快推进X
进一步规范X管理。(市财政局牵头)
(三)创新环境(15分)。出台科技创新配套政策等情况,由考核组综合评定。
第七条 考核程序。各地区于次年1月底前报送自评报告。考核数据审核由市统计局牵头。
"""


def test_a_clause_paragraph_closing_an_item_written_as_a_paragraph_is_the_items() -> None:
    """(一) reads as a paragraph and has no clause: the one clause paragraph closing it is its own; a title
    (1.加快推进X) keeps its paragraph as a task, and a paragraph opening on its own article number stays one."""
    _, tasks = outline(CLOSING)
    by_head = {t.text[:6]: (t.lead, t.support) for t in tasks}
    assert by_head["道路畅通工程"] == (["市交通局"], ["市发改委"])
    assert "进一步规范道" not in by_head
    assert by_head["加快推进X"] == ([], []) and by_head["进一步规范X"] == (["市财政局"], [])
    assert by_head["创新环境(1"] == ([], []) and by_head["第七条 考核"] == (["市统计局"], [])


def test_a_labelled_paragraph_the_lexicon_lacks_keeps_its_task_open_for_the_clause_line_below() -> None:
    """工作成果:… between a task and its 责任单位 line is the task's field; 附件:… before a contact is not."""
    _, tasks = outline("重点任务清单\n1. 做好规划的有效衔接。\n工作成果:坚持规划先行。\n责任单位:海东市发展改革委\n"
                       "2. 配合开展改造。\n附件:任务清单(略)\n(联系人:科技司 李明)\n")
    assert tasks[0].lead == ["海东市发展改革委"] and tasks[0].fields == {"工作成果": "坚持规划先行。"}
    assert tasks[1].people == []


def test_a_heading_takes_its_lone_clause_paragraph_only_right_under_it() -> None:
    """一、推进重大项目建设 + its one paragraph (…(X牵头;Y配合)) are one task; with a plain paragraph between them
    (基本原则 / ——坚持问题导向。 / ——强化责任落实。(…牵头)) the clause paragraph stays a task of its own."""
    _, tasks = outline("某省稳增长意见\n一、推进重大项目建设\n建立健全领导联系重点项目制度。(省发展改革委牵头;水利厅配合)\n"
                       "二、基本原则\n——坚持问题导向。着力解决难题。\n——强化责任落实。各县区政府是责任主体。(市发改委牵头)\n")
    assert [(t.number, t.title, t.lead) for t in tasks] == [
        ("一、", "推进重大项目建设", ["省发展改革委"]), ("", "——强化责任落实", ["市发改委"])]


def test_a_labelled_paragraph_closing_an_item_is_the_items() -> None:
    """(一)总的要求和主要预期目标。… then 主要预期目标是:…(省发改委牵头,省统计局配合): the item's targets and roles."""
    _, tasks = outline("某省重点工作部门分工\n一、落实工作总体部署\n(一)总的要求和主要预期目标。坚持稳中求进工作总基调。\n"
                       "主要预期目标是:地区生产总值增长8%左右(省发改委牵头,省统计局配合)。\n(二)深化改革。推进改革。\n")
    assert [(t.number, t.lead, t.support) for t in tasks][:1] == [("(一)", ["省发改委"], ["省统计局"])]


def test_a_units_line_under_a_paragraph_makes_the_item_above_it_a_task() -> None:
    """(一)推动….(heading) / paragraph / (扶贫办、教育部等和各省级人民政府负责): one task named by its heading; a numbered
    title / paragraph / 责任单位:… line: the title's task with its body (a State Council opinion, a provincial list)."""
    _, tasks = outline("国务院办公厅指导意见\n二、动员社会各界扩大消费\n(一)推动各级机关带头参与消费扶贫。\n"
                       "将消费扶贫纳入定点扶贫工作内容。\n(扶贫办、教育部等和各省级人民政府负责)\n"
                       "三、数字政府\n27. 强化数字赋能百千万工程\n推进信息综合平台建设。\n责任单位:省政务和数据局牵头\n")
    assert [(t.number, t.title, t.lead) for t in tasks] == [
        ("(一)", "推动各级机关带头参与消费扶贫", ["扶贫办", "教育部", "各省级人民政府"]),
        ("27", "强化数字赋能百千万工程", ["省政务和数据局"])]


def test_a_member_list_under_a_title_is_a_task_and_under_a_sentence_is_that_sentences() -> None:
    """组长:/副组长:/成员: right under a notice's title: the list is the task (its text opens with 组长); under a
    sentence (…成立创建指挥部。), that sentence holds the names."""
    _, tasks = outline("关于成立信用建设工作领导小组的通知\n组 长:李文钢\n副组长:冯 镭\n沈 慧\n成 员:巫振江(市府办)\n李红樱(市发改局)\n")
    assert [(t.text.split("\n")[0], t.people) for t in tasks] == [("组 长:李文钢", ["李文钢", "冯镭", "沈慧", "巫振江", "李红樱"])]
    _, tasks = outline("关于创建文明城市的实施意见\n二、组织领导\n市委、市政府成立创建文明城市指挥部。\n总指挥:王荣市委书记\n"
                       "阎立市委副书记、市长\n")
    assert [(t.text.split("\n")[0], t.people) for t in tasks] == [("市委、市政府成立创建文明城市指挥部。", ["王荣", "阎立"])]
    assert tasks[0].text.endswith("阎立市委副书记、市长")  # the list is the task's: its text runs on with it


def test_people_lines_under_a_title_only_heading_make_it_a_task_holding_them() -> None:
    """一、省级总林长 / 唐登杰 省委书记… / 卢东亮 省委副书记、省长: the heading names the list (a province's forest chiefs)."""
    _, tasks = outline("省级林长名单\n一、省级总林长\n唐登杰  省委书记、省人大常委会主任\n卢东亮 省委副书记、省长\n"
                       "二、省级副总林长\n杨勤荣  副省长\n")
    assert [(t.text.split("\n")[0], t.people) for t in tasks] == [
        ("省级总林长", ["唐登杰", "卢东亮"]), ("省级副总林长", ["杨勤荣"])]
    assert tasks[0].text.replace("\n", "").startswith("省级总林长唐登杰")


def test_a_labelled_paragraph_under_a_heading_with_a_clause_line_below_makes_the_heading_a_task() -> None:
    """一、千亿斤粮食产能工程 / 工作要求:… / 任务分工:…省农委总牵头。: the heading is the task the clause answers for."""
    _, tasks = outline("十大工程推进工作方案\n一、千亿斤粮食产能工程\n工作要求:坚持突出重点、统筹推进。\n"
                       "任务分工:吕维峰副省长负责,省农委总牵头。\n1.水利化工程:抓好灌区续建工程。(省水利厅负责)\n")
    assert [(t.number, t.title, t.lead, t.people) for t in tasks][:1] == [("一、", "千亿斤粮食产能工程", ["省农委"], ["吕维峰"])]


def test_a_label_alone_under_a_heading_naming_the_list_opens_it() -> None:
    """…领导小组组成人员 / 组 长: / 王书坚 省委常委… / 副组长: / 孙继业 副省长: the heading holds the list, whose text runs
    on so a hint of its first line falls within reach (a provincial notice as a newspaper printed it)."""
    _, tasks = outline("关于成立未成年人保护工作领导小组的通知\n未成年人保护工作领导小组组成人员\n\n组 长:\n\n"
                       "王书坚 省委常委、常务副省长\n\n副组长:\n\n孙继业 副省长\n")
    assert [(t.text.split("\n")[0], t.people) for t in tasks] == [("未成年人保护工作领导小组组成人员", ["王书坚", "孙继业"])]


def test_after_a_lead_label_line_another_unit_label_line_supports() -> None:
    """Linyi's division of transport tasks (final21 03): 牵头单位:市交通运输局 / 实施单位:临沂国际机场集团 / 配合单位:…
    — once a 牵头 label names the lead, the implementing units (实施单位, as 责任单位 before) support."""
    text = ("34.开工建设启阳机场航站楼改扩建及附属工程,增开国际国内航线。\n牵头单位:市交通运输局\n实施单位:临沂国际机场集团\n"
            "配合单位:市发改委、河东区政府等。\n")
    (task,) = extract_text(text).tasks
    assert (task.lead, task.support) == (["市交通运输局"], ["临沂国际机场集团", "市发改委", "河东区政府"])
