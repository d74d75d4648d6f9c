"""Responsibility clauses in every wording plans use, on invented text."""

from __future__ import annotations

import pytest

from policykg.loaders.roles import (
    expand_composites,
    find_clause,
    find_clauses,
    is_clause_line,
    person_name,
    split_names,
    split_people,
)


def clause(text: str) -> tuple[list[str], list[str], list[str]]:
    r = find_clause(text)
    assert r is not None, text
    return r.lead, r.support, r.people


def test_labelled_clause_half_width() -> None:
    text = "推进数字园区建设。(责任人:王小明、李大华,牵头单位:规划处、产业处,配合单位:有关处室)"
    assert clause(text) == (["规划处", "产业处"], ["有关处室"], ["王小明", "李大华"])


def test_labelled_clause_full_width() -> None:
    text = "推进数字园区建设。（责任人：王小明，牵头单位：规划处、产业处，配合单位：有关处室；各县（市、区）科技局）"
    assert clause(text) == (["规划处", "产业处"], ["有关处室", "各县（市、区）科技局"], ["王小明"])


def test_clause_span_covers_the_bracket_and_doubled_closing() -> None:
    text = "做好人才工作。(牵头单位:人才处,配合单位:各园区))"
    [c] = find_clauses(text)
    assert c.span is not None
    assert text[c.span[0] : c.span[1]] == "(牵头单位:人才处,配合单位:各园区))"
    assert c.lead == ["人才处"] and c.support == ["各园区"]


def test_missing_parts_and_trailing_separator() -> None:
    assert clause("加强廉政建设。(牵头单位:监督室、党委办、)") == (["监督室", "党委办"], [], [])
    assert clause("加强廉政建设。(责任人:赵一鸣)") == ([], [], ["赵一鸣"])


def test_collective_composite_kept_whole_inside_doubled_bracket() -> None:
    text = "(牵头单位:创新处,配合单位:有关处室,各市、县(市、区)科技局、各园区))"
    assert clause(text) == (["创新处"], ["有关处室", "各市、县(市、区)科技局", "各园区"], [])


def test_state_council_style() -> None:
    text = "完善成果转化机制。(科技部、发展改革委牵头，财政部、教育部等按职责分工负责)"
    assert clause(text) == (["科技部", "发展改革委"], ["财政部", "教育部"], [])


def test_lead_with_participants() -> None:
    assert clause("建设共享平台(工业和信息化厅牵头，统计局参与)") == (["工业和信息化厅"], ["统计局"], [])
    assert clause("建设共享平台(知识产权局牵头)") == (["知识产权局"], [], [])
    assert clause("建设共享平台（市场监管总局负责）") == (["市场监管总局"], [], [])


def test_prose_in_brackets_is_no_clause() -> None:
    assert find_clause("鼓励龙头企业(由企业牵头)组建联合体") is None
    assert find_clause("实行项目责任人制度,明确牵头单位和配合单位职责。") is None


def test_responsibility_unit_label_variants() -> None:
    assert clause("责任单位:市科技局、市财政局") == (["市科技局", "市财政局"], [], [])
    assert clause("牵头单位:高新科;配合单位:农村科") == (["高新科"], ["农村科"], [])
    assert clause("组织申报工作。(责任科室:综合科)") == (["综合科"], [], [])
    assert clause("组织申报工作。(责任处室:资源配置处)") == (["资源配置处"], [], [])
    assert clause("主要责任单位:区科技局;协同配合单位:区财政局") == (["区科技局"], ["区财政局"], [])


def test_clause_line_detection() -> None:
    assert is_clause_line("牵头单位:高新科;配合单位:农村科")
    assert is_clause_line("(责任单位:市科技局)")
    assert not is_clause_line("1.加快建设实验室。(责任单位:市科技局)")


def test_shared_suffix_composite_is_expanded() -> None:
    assert split_names("宁波市、北仑区科技局(委)") == ["宁波市科技局(委)", "北仑区科技局(委)"]
    assert split_names("宁波市、鄞州区、北仑区科技局") == ["宁波市科技局", "鄞州区科技局", "北仑区科技局"]
    assert expand_composites(["温州市", "平阳县"]) == ["温州市", "平阳县"]  # two places, no shared agency


@pytest.mark.parametrize(
    "value",
    ["各市、县(市、区)科技局(委)", "市、县科技局", "各设区市、县科技主管部门"],
)
def test_collective_composites_stay_whole(value: str) -> None:
    assert split_names(value) == [value]


def test_collective_mentions_are_units() -> None:
    assert split_names("有关处室,其他各处室;各高新区") == ["有关处室", "其他各处室", "各高新区"]


def test_table_cells_split_on_spaces() -> None:
    assert split_names("规划处 高新处  基金办", spaces=True) == ["规划处", "高新处", "基金办"]
    assert split_names("规划处 高新处") == ["规划处 高新处"]


@pytest.mark.parametrize(
    ("entry", "name"),
    [("王小明", "王小明"), ("王小明副厅长", "王小明"), ("李华同志", "李华"), ("各位厅领导", None), ("厅领导", None), ("各处室负责人", None), ("分管领导", None)],
)
def test_people_are_names_not_titles(entry: str, name: str | None) -> None:
    assert person_name(entry) == name


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("厅长 周立新", ["周立新"]),
        ("党组成员、副厅长杨光辉", ["杨光辉"]),
        ("副厅长韩晓燕、邓永强", ["韩晓燕", "邓永强"]),
        ("局党组书记、局长黄文辉", ["黄文辉"]),
        ("主任 李明华、副主任张卫", ["李明华", "张卫"]),
        ("副厅长\u3000赵建军", ["赵建军"]),
        ("厅党组成员、机关党委书记郑伟", ["郑伟"]),
        ("二级巡视员刘强;调研员吴建国", ["刘强", "吴建国"]),
        ("局党组", []),
    ],
)
def test_posts_before_names_are_stripped(value: str, names: list[str]) -> None:
    assert split_people(value) == names


def test_titles_are_dropped_from_people_lists() -> None:
    assert clause("(责任人:各位厅领导,牵头单位:办公室)") == (["办公室"], [], [])


def test_lead_marked_among_responsible_units() -> None:
    assert clause("责任单位:市科技局(牵头)、市财政局、市人社局") == (["市科技局"], ["市财政局", "市人社局"], [])
    assert clause("(牵头领导:周明远,责任单位:区科技局)") == (["区科技局"], [], ["周明远"])


def test_lenticular_bracket_labels() -> None:
    text = "推进成果转化。【责任单位】市科技局【配合单位】市财政局"
    assert clause(text) == (["市科技局"], ["市财政局"], [])


def test_other_fields_end_a_value() -> None:
    assert clause("(责任单位:市科技局;完成时限:2030年底)") == (["市科技局"], [], [])
    assert is_clause_line("(责任单位:市科技局;完成时限:2030年底)")


def test_county_bureau_divisions_are_gu() -> None:
    assert clause("抓好项目申报。(责任股室:计划财务股、综合股;配合股室:办公室)") == (
        ["计划财务股", "综合股"],
        ["办公室"],
        [],
    )


def test_a_closing_etc_with_a_collective_noun_is_dropped() -> None:
    lead, support, _ = clause("(省科技厅牵头,省教育厅、省人力资源社会保障厅等有关部门配合)")
    assert (lead, support) == (["省科技厅"], ["省教育厅", "省人力资源社会保障厅"])
    assert clause("(河南省科学技术厅牵头,河南省财政厅等单位按职责分工负责)")[:2] == (["河南省科学技术厅"], ["河南省财政厅"])
    assert clause("(省科技厅牵头,有关部门配合)")[:2] == (["省科技厅"], ["有关部门"])  # a collective alone stays


def test_responsible_units_after_a_lead_label_support() -> None:
    assert clause("(牵头单位:高新处;责任单位:计划处、各市科技局)") == (["高新处"], ["计划处", "各市科技局"], [])
    assert clause("(责任单位:高新处)") == (["高新处"], [], [])


def test_state_council_units_that_carry_out_support() -> None:
    assert clause("推进改革。(人力资源社会保障部、科技部牵头,各省级人民政府负责落实)") == (
        ["人力资源社会保障部", "科技部"],
        ["各省级人民政府"],
        [],
    )


def test_leader_labels_name_people_and_helping_labels_support() -> None:
    """厅领导/局领导 name people; 参与/协办/协同/配合 with 处室/部门/科室 name support units."""
    assert clause("建设平台。(厅领导:张三、李四;牵头处室:规划处;参与处室:基础处、高新处)") == (
        ["规划处"],
        ["基础处", "高新处"],
        ["张三", "李四"],
    )
    assert clause("(局领导:王五;牵头科室:计划科;协办部门:财务科)") == (["计划科"], ["财务科"], ["王五"])


def test_ministry_departments_ending_in_si_are_units() -> None:
    """A ministry's departments end in 司 (科技司, 各司局): a verbal clause naming them is a clause."""
    assert clause("(科技司、规划司牵头,各司局按职责分工负责)") == (["科技司", "规划司"], ["各司局"], [])


# ---------------------------------------------------------------- roles read from what a line says


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("责任分工:市发改委牵头,各区、各部门配合。", (["市发改委"], ["各区", "各部门"], [])),  # a label the lexicon lacks, verbs in its value
        ("牵头责任单位:省发展改革委。", (["省发展改革委"], [], [])),  # a label read by its words
        ("协同责任单位:省财政厅、省税务局等。", ([], ["省财政厅", "省税务局"], [])),
        ("牵头负责领导:刘惠。", ([], [], ["刘惠"])),  # a label ending in 领导 names people
        ("分管副市长:张强", ([], [], ["张强"])),  # a label ending in a post too
        ("河长:郑栅洁 省委书记副河长:张曙光 省政府副省长协助:省水利厅", ([], ["省水利厅"], ["郑栅洁", "张曙光"])),
        ("[牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)]",
         (["区卫健局"], ["区疫情防控指挥部成员单位", "各街办(新区)"], [])),
        ("人均地区生产总值:增长6%左右,责任单位为区发改委;", (["区发改委"], [], [])),  # a known label stated with 为
        ("(区发改委、区财政局主办,区相关部门、各街道板块协办)", (["区发改委", "区财政局"], ["区相关部门", "各街道板块"], [])),
        ("推进重大项目建设(区发改局)。", (["区发改局"], [], [])),  # one agency alone closing a task
        ("市科技局牵头,市财政局配合。", (["市科技局"], ["市财政局"], [])),  # a sentence that only assigns
        ("【牵头单位】基础研究处【配合单位】条件财务处", (["基础研究处"], ["条件财务处"], [])),
    ],
)
def test_roles_are_read_from_what_the_text_says(text: str, expected: tuple[list[str], list[str], list[str]]) -> None:
    assert clause(text) == expected


def test_an_unknown_label_without_role_words_assigns_nobody() -> None:
    assert find_clause("工作目标:新增企业50家。") is None
    assert find_clause("完成时限:2023年12月底") is None


def test_a_mark_makes_one_unit_the_lead_among_several() -> None:
    from policykg.loaders.roles import cell_roles

    found = cell_roles("区财政局*、区科技局、区投促中心", "lead")
    assert (found.lead, found.support) == (["区财政局"], ["区科技局", "区投促中心"])


def test_a_declared_convention_reads_every_list_as_first_lead() -> None:
    from policykg.loaders.roles import Conventions

    rule = Conventions.read("注:排在第一位的部门为牵头部门,其他为配合部门。")
    assert rule.first_leads and not Conventions.read("全省排在第一位。").first_leads
    r = find_clause("加强科普工作。(科技部、外交部、中科院)", rule)
    assert r is not None and (r.lead, r.support) == (["科技部"], ["外交部", "中科院"])
    # explicit co-leads stay co-leads whatever the convention
    r = find_clause("(科技部、国家发展改革委牵头,有关部门按职责分工负责)", rule)
    assert r is not None and (r.lead, r.support) == (["科技部", "国家发展改革委"], ["有关部门"])
    # without a declared rule a bracket of several bare units assigns nobody (left to the reader)
    assert find_clause("加强科普工作。(科技部、外交部、中科院)") is None


def test_a_responsible_line_under_a_lead_line_supports() -> None:
    from policykg.loaders import extract_text

    task = extract_text("1.努力实现地区生产总值增长6.2%左右。\n牵头单位:区发改局\n责任单位:立山经济开发区,全区经济运行各专班\n").tasks[0]
    assert (task.lead, task.support) == (["区发改局"], ["立山经济开发区", "全区经济运行各专班"])


def test_a_clause_the_pages_cut_left_open_still_assigns() -> None:
    text = "万元GDP能耗下降2.5%(分管副省长、协管副秘书长负责,省发展改革委牵头,省工业和信息化厅、省"
    assert clause(text) == (["省发展改革委"], ["省工业和信息化厅"], [])  # posts without names are nobody


def test_lead_verbs_that_say_how_the_lead_acts() -> None:
    assert clause("调整优化工业经济结构。(市经信委、市国土资源局牵头落实)") == (["市经信委", "市国土资源局"], [], [])


def test_a_role_clause_in_tortoise_shell_brackets_closes_its_task() -> None:
    """〔责任单位:…〕 closes a task as (责任单位:…) does (a Sichuan plan writes its units so); the bracket is
    no part of the last unit's name."""
    from policykg.loaders import extract_text

    text = ("四川省现代流通体系建设实施方案\n一、深化改革\n(一)加强市场体系建设。推进高标准市场体系建设。"
            "〔责任单位:省发展改革委、省市场监管局〕\n(二)优化市场准入环境。实施改革全覆盖。〔责任单位:省市场监管局〕\n")
    assert [t.lead for t in extract_text(text).tasks] == [["省发展改革委", "省市场监管局"], ["省市场监管局"]]


def test_a_page_run_into_one_line_splits_into_its_parts_and_items() -> None:
    """A notice copied as one line (…的通知 一、王丹县长牵头重点工作 1.… 责任单位:… 2.… 二、…) is read as its parts
    and numbered items; the note after the first unit declares the convention and is no part of its name."""
    from policykg.loaders import extract_text

    line = ("海盐县人民政府办公室关于印发重点工作责任分解的通知 各镇人民政府,县政府各部门:现印发给你们,请认真贯彻执行。"
            "海盐县人民政府办公室 2022年4月18日 重点工作责任分解 一、王丹县长牵头重点工作 1.全县生产总值增长7.5%左右。 "
            "责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局 2.落实党政机关过紧日子的要求,严控三公经费。 "
            "责任单位:县财政局 二、曹惠明常务副县长牵头重点工作 1.坚持县政府常务会议集体学法,提高决策水平。 责任单位:县司法局\n")
    tasks = [t for t in extract_text(line).tasks if t.lead]
    assert [(t.lead, t.support, t.people) for t in tasks] == [
        (["县发改局"], ["县财政局", "县税务局"], ["王丹"]), (["县财政局"], [], ["王丹"]), (["县司法局"], [], ["曹惠明"])]


def test_a_convention_note_inside_the_list_is_read_once_and_assigns_nobody() -> None:
    """final6 02's layout: the first 责任单位 line carries the document's convention in a bracket after its last
    unit (列第一位者为工作牵头单位或汇总单位,下同): the line still answers for the item above, the unit before the
    note stays in the list, and every list of the document has its first unit lead."""
    from policykg.loaders import extract_text

    text = ("2020年政府工作报告重点工作责任分解\n1.坚定不移支持企业发展。认真落实各项政策措施。\n"
            "责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)\n2.推进项目建设。\n"
            "责任单位:市发展改革委、市财政局")
    assert [(t.text[:6], t.lead, t.support) for t in extract_text(text).tasks] == [
        ("坚定不移支持", ["市经信局"], ["市财政局", "市税务局"]), ("推进项目建设", ["市发展改革委"], ["市财政局"])]


def test_a_convention_note_closing_a_bracket_of_units_leaves_the_units() -> None:
    """final9 04, final3 03: the note shares the bracket with the units ((X、Y、Z等负责,列第一位者为牵头单位,下同),
    (X、Y负责。列第一位的为牵头部门,下同)): only the note is blanked, so the first unit leads and the rest
    support; a bracket that is only a note (除标注分别牵头外,列第一位为牵头单位) still assigns nobody."""
    from policykg.loaders import extract_text

    text = ("关于做好就业创业工作的实施意见\n(一)建立联动机制。把稳定和扩大就业作为下限。"
            "(市发展改革委、市经济和信息化委、市财政局等负责,列第一位者为牵头单位,下同)\n"
            "(二)加快构建快速通道。(省发改委、省交通运输厅负责。列第一位的为牵头部门,下同)\n")
    assert [(t.lead, t.support) for t in extract_text(text).tasks] == [
        (["市发展改革委"], ["市经济和信息化委", "市财政局"]), (["省发改委"], ["省交通运输厅"])]
    note_only = "1.固定资产投资增长10%。\n责任单位:市发改委、市经信局(除标注分别牵头外,列第一位为牵头单位,下同)\n"
    assert [(t.lead, t.support) for t in extract_text(note_only).tasks] == [(["市发改委"], ["市经信局"])]


def test_a_note_ending_in_xia_tong_closes_its_bracket_and_names_nobody() -> None:
    """final9 02 (a province's division of its work report): each sentence's bracket names posts and units, then a
    note for the rest of the document (。明确牵头部门的,有关部门配合,不逐一列出,下同): the note names no unit, and
    each bracket closes its own item."""
    from policykg.loaders import extract_text

    text = ("关于2014年《政府工作报告》有关工作部门分工的意见\n(一)促进多种所有制经济共同发展。出台国企改革指导意见"
            "(分管副省长、协管副秘书长负责,省国资委牵头。明确牵头部门的,有关部门配合,不逐一列出,下同)。鼓励非公有制企业"
            "参与国有企业改革(分管副省长负责,省经信委、省发改委负责。责任单位两个以上的,列第一者为牵头单位,下同)。"
            "推进工商注册制度便利化(分管副省长负责,省工商局牵头)。\n")
    assert [(t.lead, t.support) for t in extract_text(text).tasks] == [
        (["省国资委"], []), (["省经信委"], ["省发改委"]), (["省工商局"], [])]


def test_units_that_each_lead_all_lead_under_a_first_leads_convention() -> None:
    """final9 11: 除标注“分别牵头”外,列第一位为牵头: a list closed by 分别牵头 names co-leads, and 分别负责 after a
    list makes every unit before it lead (final9 10)."""
    from policykg.loaders import extract_text

    text = ("2023年政府工作报告目标任务责任分解\n1.固定资产投资增长10%。\n"
            "责任单位:市发改委、市经信局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)\n"
            "2.城乡居民收入增速保持全省领先。\n责任单位:市人力社保局、市农业农村局分别牵头\n")
    assert [(t.lead, t.support) for t in extract_text(text).tasks] == [
        (["市发改委"], ["市经信局"]), (["市人力社保局", "市农业农村局"], [])]
    each = "2020年法治政府建设工作要点\n1.提供法治保障。\n责任单位:县司法局、各有关部门,乡镇人民政府按职责分工分别负责。\n"
    assert [(t.lead, t.support) for t in extract_text(each).tasks] == [(["县司法局", "各有关部门", "乡镇人民政府"], [])]


def test_the_body_hosting_a_groups_office_leads_and_its_head_is_named() -> None:
    """final11 01, 03: 领导小组办公室设在财政部,承担领导小组日常工作。财政部部长助理戴柏华兼任办公室主任: the host leads the
    office's work and the person who heads it answers for it; an office in a room names nobody."""
    found = find_clauses("领导小组办公室设在财政部,承担领导小组日常工作。财政部部长助理戴柏华兼任办公室主任。")
    assert [(r.lead, r.people) for r in found] == [(["财政部"], []), ([], ["戴柏华"])]
    assert find_clauses("领导小组办公室设在三楼。") == []


def test_a_clause_opening_on_you_makes_its_units_lead_and_those_it_brings_support() -> None:
    """final11 11, 08: 由村镇建设站牵头,会同镇纪委、派出所等部门加大…; 由…委员会负责第二次全街污染源普查工作的组织和领导;
    a rule's closing 由市科技局负责解释 assigns nobody."""
    found = find_clauses("由村镇建设站牵头,会同镇纪委、派出所、司法所等部门加大对禁烧工作的专项督查力度。")
    assert [(r.lead, r.support) for r in found] == [(["村镇建设站"], ["镇纪委", "派出所", "司法所"])]
    found = find_clauses("由观沙岭街道生态环境保护委员会负责第二次全街污染源普查工作的组织和领导。")
    assert [r.lead for r in found] == [["观沙岭街道生态环境保护委员会"]]
    assert find_clauses("本办法自印发之日起施行,由市科技局负责解释。") == []


def test_padded_people_labels_with_a_bracket_and_cadre_labels_name_their_people() -> None:
    """final14 11: 组  长(总指挥):葛炎, 成  员:… (labels padded with two spaces), two labels on one line, 联系镇干部:…"""
    assert [r.people for r in find_clauses("组  长(总指挥):葛炎")] == [["葛炎"]]
    assert [r.people for r in find_clauses("组  长:徐  波      副组长:孙建明")] == [["徐波", "孙建明"]]
    assert [r.people for r in find_clauses("联系镇干部:陈红伟、王利宏")] == [["陈红伟", "王利宏"]]


def test_a_state_council_item_closed_by_you_x_hui_tong_y_leads_and_supports() -> None:
    """final14 01 (国办函〔2014〕31号, traditional script): (二)关于“…”的问题,由国土资源部会同农业部等部门负责落实。 The
    item closes on its clause, so the numbered line is a task led by 国土资源部 with 农业部 supporting."""
    from policykg.loaders import extract_text

    found = find_clauses("关于严守耕地保护红线的问题,由国土资源部会同农业部、水利部等部门负责落实。")
    assert [(r.lead, r.support, r.in_prose) for r in found] == [(["国土资源部"], ["农业部", "水利部"], False)]
    text = ("国务院办公厅关于有关政策措施分工的通知\n一、工作分工\n(一)关于“严守耕地保护红线”的问题,由国土资源部会同农业部等部门负责落实。\n")
    assert [(t.lead, t.support) for t in extract_text(text).tasks] == [(["国土资源部"], ["农业部"])]


def test_a_labelled_list_that_names_its_leads_makes_the_rest_support() -> None:
    """final6 07: 責任單位:省政府辦公廳、省財政廳牽頭,省商務廳、… under a first-leads convention: the units after the
    named leads support; the convention does not make the first of them lead."""
    from policykg.loaders import extract_text

    text = ("重点工作责任分工(列第一位的为牵头单位,下同)\n1.坚持政府过紧日子。\n"
            "责任单位:省政府办公厅、省财政厅牵头,省商务厅、省文化广电和旅游厅")
    (task,) = extract_text(text).tasks
    assert (task.lead, task.support) == (["省政府办公厅", "省财政厅"], ["省商务厅", "省文化广电和旅游厅"])


def test_units_after_a_task_under_a_spaced_header_lead_it() -> None:
    """final5 04's layout: 序号 名称 工作任务 牵头责任单位 written with spaces, then rows 1 task. units."""
    from policykg.loaders import extract_text

    text = ("常熟市2018年政府工作任务分解表 序号 名称 工作任务 牵头责任单位\n一、经济社会发展主要预期目标分解\n"
            "1 地区生产总值增长7%以上. 发改委\n2 一般公共预算收入增长8%以上. 财政局\n"
            "3 全社会固定资产投资额550亿元,其中:工业技改投资增长10%. 发改委、经信委、科技局\n")
    assert [t.lead for t in extract_text(text).tasks] == [["发改委"], ["财政局"], ["发改委", "经信委", "科技局"]]
    assert [t.lead for t in extract_text(text.replace("牵头责任单位", "备注")).tasks] != [["发改委"], ["财政局"], ["发改委", "经信委", "科技局"]]


def test_two_units_joined_by_a_word_are_two_only_when_the_second_is_a_body_of_its_own() -> None:
    """省直有关部门和各市人民政府 and 省财政厅及省地震局 are two mentions; 住房和城乡建设厅, 高新区党工委和管委会 and
    驻洛高校和科研院所 stay one (the second half opens no level, place or collective of its own)."""
    from policykg.loaders.roles import split_names

    assert split_names("省直有关部门和各市人民政府、省财政厅及省地震局") == ["省直有关部门", "各市人民政府", "省财政厅", "省地震局"]
    assert split_names("住房和城乡建设厅、高新区党工委和管委会、驻洛高校和科研院所") == [
        "住房和城乡建设厅", "高新区党工委和管委会", "驻洛高校和科研院所"]


def test_a_leader_and_the_units_of_one_sentence_are_one_clause() -> None:
    """任务分工:吕维峰副省长负责,省农委总牵头。: the vice-governor answers for it and the bureau leads (the label names no
    role itself); 成 员:巫振江(市府办) names a member, whose bracket says where he works, no lead."""
    from policykg.loaders.roles import find_clauses

    (clause,) = find_clauses("任务分工:吕维峰副省长负责,省农委总牵头。")
    assert (clause.lead, clause.people) == (["省农委"], ["吕维峰"])
    assert all(not c.lead for c in find_clauses("成 员:巫振江(市府办)"))


def test_by_x_with_y_and_others_assigns_whatever_verb_follows() -> None:
    """…的问题,由发展改革委会同中央农办、农业部等部门研究提出落实意见。 (a State Council division notice): 由…会同…等部门 is
    the assignment; its verb need not be 负责."""
    from policykg.loaders.roles import find_clauses

    (clause,) = find_clauses("关于“确保口粮绝对安全”的问题,由发展改革委会同中央农办、农业部等部门研究提出落实意见。")
    assert (clause.lead, clause.support) == (["发展改革委"], ["中央农办", "农业部"])


def test_x_with_y_in_a_bracket_leads_and_brings_y_along() -> None:
    """final17 03 (国办发〔2018〕117号): ……予以倾斜。(国家发展改革委会同有关部门负责) — the unit before 会同 answers,
    the units it brings along support; without the split the whole phrase was one lead named 国家发展改革委会同有关部门."""
    from policykg.loaders.roles import find_clauses

    (clause,) = find_clauses("对成效突出的市给予奖励。(国家发展改革委、财政部会同有关部门负责)")
    assert (clause.lead, clause.support) == (["国家发展改革委", "财政部"], ["有关部门"])


def test_x_with_y_and_others_at_a_clause_start_assigns_without_by() -> None:
    """final20 01 (国办发〔2018〕128号): 试点城市由省级有关部门推荐,生态环境部会同国家发展改革委、…等部门筛选确定 —
    X会同Y等部门 opens its clause without 由 and still makes X lead and Y support."""
    from policykg.loaders.roles import find_clauses

    (clause,) = find_clauses("试点城市由省级有关部门推荐,生态环境部会同国家发展改革委、财政部等部门筛选确定。")
    assert (clause.lead, clause.support) == (["生态环境部"], ["国家发展改革委", "财政部"])


def test_agencies_in_a_bracket_after_a_sentence_answer_for_it_but_a_bodys_other_names_do_not() -> None:
    """Tianjin's division of the State Council report (final24 08, traditional script, cut mid-bracket):
    …糧食產量達到228.5萬噸。(市發展改革委、市財政局、… — the agencies after a whole sentence lead; a body's merged
    offices in brackets right after its name (综合办公室(党群工作部、监察室)) are no leads."""
    from policykg.loaders.roles import find_clauses

    (clause,) = find_clauses("糧食產量達到228.5萬噸。(市發展改革委、市財政局)")
    assert clause.lead == ["市發展改革委", "市財政局"]
    assert [c.lead for c in find_clauses("(一)综合办公室(党群工作部、监察室、督查室)")] == []


def test_a_sentence_that_opens_on_its_assignment_then_goes_on_assigns() -> None:
    """Lanzhou's division of matters to take to the ministries (final21 01): 由杨志武副市长负责,市发改委牵头,相关部门配合,
    尽快完成《…实施方案》,… — the parts opening the sentence each end in a role verb; the duty that follows does not
    stop them assigning. One such part alone (市科技局负责推进…) does not (a sentence, not an assignment)."""
    from policykg.loaders.roles import find_clauses

    (clause,) = find_clauses("由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成《兰州综合配套改革试验区实施方案》,经市政府审定后报省政府审批。")
    assert (clause.lead, clause.support, clause.people) == (["市发改委"], ["相关部门"], ["杨志武"])
    assert not any(c.lead for c in find_clauses("今年,市科技局牵头,加快推进创新平台建设,确保完成年度任务。"))
