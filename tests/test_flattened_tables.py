"""Tables that reached us flattened: one cell per line, or cells split by single spaces."""

from __future__ import annotations

from policykg.loaders import extract_text


def _rows(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [(t.number, t.text, t.lead, t.support) for t in extract_text(text).tasks]


def test_one_cell_per_line_is_rebuilt_from_its_header() -> None:
    text = ("2024年重点工作任务分解表\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
            "33\n加快建设科技创新平台。\n市科技局\n市发改委、市财政局\n2024年12月\n"
            "34\n深化科技体制改革。\n市科技局\n无\n持续推进\n")
    assert _rows(text) == [
        ("33", "加快建设科技创新平台。", ["市科技局"], ["市发改委", "市财政局"]),
        ("34", "深化科技体制改革。", ["市科技局"], []),
    ]


def test_one_cell_per_line_without_a_number_column_goes_by_the_header_width() -> None:
    text = "重点任务\n牵头单位\n配合单位\n推进成果转化。\n市科技局\n市财政局\n建设人才高地。\n市人社局\n市科技局\n"
    assert [(t.text, t.lead, t.support) for t in extract_text(text).tasks] == [
        ("推进成果转化。", ["市科技局"], ["市财政局"]),
        ("建设人才高地。", ["市人社局"], ["市科技局"]),
    ]


def test_cells_split_by_single_spaces_under_a_header_of_column_names() -> None:
    text = "序号 重点任务 牵头单位 配合单位\n1 实施科技型企业培育工程 市科技局 市工信局\n"
    assert _rows(text) == [("1", "实施科技型企业培育工程", ["市科技局"], ["市工信局"])]


def test_a_sentence_with_single_spaces_is_no_table() -> None:
    text = "一、总体要求\n1. 全面 推进 科技 创新,牵头 单位 要 落实 责任。\n"
    assert all(not t.lead for t in extract_text(text).tasks)


def test_a_cell_wrapped_onto_the_next_line_is_joined_back() -> None:
    text = ("序号\n工作任务\n责任单位\n责任人\n完成时间\n"
            "1\n实施高新技术企业倍增计划,全年新增高新技术企业60家,\n总数达到450家\n高新技术科\n陈志强(党组成员、副局长)\n2020年12月\n"
            "2\n开展科技型中小企业评价工作\n科技服务科\n吴海燕(科长)\n2020年10月\n")
    tasks = extract_text(text).tasks
    assert [(t.text, t.lead, t.people) for t in tasks] == [
        ("实施高新技术企业倍增计划,全年新增高新技术企业60家,总数达到450家", ["高新技术科"], ["陈志强"]),
        ("开展科技型中小企业评价工作", ["科技服务科"], ["吴海燕"]),
    ]


def _normalised(text: str) -> str:
    from policykg.loaders.normalize import normalise

    return normalise(text).text


def test_cells_separated_by_blank_lines_keep_their_empty_cells() -> None:
    """A page's table flattened with a blank line between cells (realgold 24's layout): an extra blank
    line is an empty cell, and a header name wrapped over two lines is one column."""
    text = ("序号\n\n重点工作\n\n区本级\n\n任务数\n\n责任单位\n\n"
            "1\n\n地区生产总值增长6.5%。\n\n\n区发改局\n\n"
            "2\n\n抢抓利好政策释放窗口期,争取专项资金13亿元以上。\n\n12亿元\n\n区财政局*、区发改局\n")
    assert _normalised(text).split("\n")[0] == "序号 | 重点工作 | 区本级任务数 | 责任单位 |"
    assert "1 | 地区生产总值增长6.5%。 |  | 区发改局 |" in _normalised(text)
    assert [(t.number, t.lead, t.support) for t in extract_text(text).tasks] == [
        ("1", ["区发改局"], []), ("2", ["区财政局"], ["区发改局"])]


def test_names_on_lines_of_their_own_are_one_people_cell() -> None:
    """Realgold 05's layout: no number column, a name on each line of the 责任人 cell, padded names."""
    text = ("任 务 名 称\n\n任 务 单\n\n工作流程\n\n限期时间\n\n责任人\n\n主要工作措施或要求\n\n"
            "强化科技创新,确保发明专利达到省定小康标准\n\n年内,完成有效发明专利120件\n\n每季度完成发明专利30件\n\n"
            "每季度末\n\n朱先涛\n\n刘继军\n\n①以2015年末人口数为依据,将任务分解下达至各乡镇。\n\n"
            "开展技术创新,高新技术产业增加值占比达到20%以上\n\n年末占比达到21%\n\n一、二、三、四季度分别达18%、19%、20%、21%\n\n"
            "每季度末\n\n张炳炎\n\n陈  忠\n\n①年内力争新增高新产品企业6家以上。\n")
    tasks = extract_text(text).tasks
    assert [(t.text[:9], t.people) for t in tasks] == [("强化科技创新,确保", ["朱先涛", "刘继军"]),
                                                       ("开展技术创新,高新", ["张炳炎", "陈忠"])]


def test_a_table_flattened_cell_by_cell_in_the_readers_layout() -> None:
    """Each cell a one-cell row (``序号 |``), as a PDF or DOCX table copied cell by cell (b1 03's layout)."""
    text = ("2025年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n"
            "1 |\n全力推进开发区“空间再造”,盘活存量土地400亩。 |\n马振明 |\n改革办 |\n全年 |\n")
    assert [(t.lead, t.people) for t in extract_text(text).tasks] == [(["改革办"], ["马振明"])]


def test_the_last_row_ends_where_its_cells_are_filled() -> None:
    text = ("序号\n重点任务\n牵头单位\n责任人\n完成时间\n"
            "1\n加强安全生产监管,生产安全事故起数同比下降10%\n安全生产科\n邢立新 副局长\n全年\n"
            "分享到:\n【打印】【关闭】\n主办单位:海口市科学技术工业信息化局\n")
    assert [(t.lead, t.people, t.fields) for t in extract_text(text).tasks] == [
        (["安全生产科"], ["邢立新"], {"完成期限": "全年"})]


def test_a_row_merged_over_several_items_is_one_row_per_item() -> None:
    """b2 05's layout: one numbered row holds items (1)…(3), each followed by its own leader and units;
    cells merged over several items are written 〃 and read as the cell above."""
    text = ("序号\n目标名称\n工 作 标 准\n区政府\n分管领导\n牵头单位\n配合单位\n"
            "1\n主要预期目标\n(1)地区生产总值增长6%左右。\n王旭锋\n发改局\n经开区\n统计局\n"
            "(2)一般公共预算收入增长3%以上。\n财政局\n"
            "(3)社会消费品零售总额增长6%左右。\n吴 伟\n商务局\n")
    normalised = _normalised(text)
    assert "〃 | 〃 | (2)一般公共预算收入增长3%以上。 | 〃 | 财政局 | 〃 |" in normalised
    tasks = extract_text(text).tasks
    assert [(t.text[:8], t.lead, t.people) for t in tasks] == [
        ("(1)地区生产总", ["发改局"], ["王旭锋"]),
        ("(2)一般公共预", ["财政局"], ["王旭锋"]),  # the leader merged over both items
        ("(3)社会消费品", ["商务局"], ["吴伟"]),
    ]


def test_a_ditto_mark_stands_for_the_cell_above() -> None:
    text = "序号 | 工作任务 | 牵头单位 |\n1 | 推进科技成果转化 | 市科技局 |\n2 | 建设技术交易市场 | 同上 |\n"
    assert [t.lead for t in extract_text(text).tasks] == [["市科技局"], ["市科技局"]]


def test_header_names_wrapped_over_two_lines_each() -> None:
    """b3 10's layout: every header name broken in two (责任 / 领导, 攻坚目标 / 任务, 第二季度 / 完成情况)."""
    text = ("序号\n\n重点工作\n\n责任\n\n领导\n\n责任\n\n科室\n\n攻坚目标\n\n任务\n\n第二季度\n\n完成情况\n\n"
            "1\n\n白仙山水库工程政策处理\n\n欧乾震\n\n白仙山水库工程政策处理工作领导小组\n\n完成项目政策处理工作。\n\n"
            "该工程库区内坟墓迁移进度达60%。\n")
    assert _normalised(text).split("\n")[0] == "序号 | 重点工作 | 责任领导 | 责任科室 | 攻坚目标任务 | 第二季度完成情况 |"
    assert [(t.text, t.lead, t.people) for t in extract_text(text).tasks] == [
        ("白仙山水库工程政策处理", ["白仙山水库工程政策处理工作领导小组"], ["欧乾震"])]


def test_rows_that_leave_merged_cells_out_are_placed_by_what_their_cells_are() -> None:
    """final4 04's layout (a county bureau's task table): a header name wrapped with its bracket (责任股室 /
    (单位)), rows that print a merged cell only once (指标, 完成时限, 责任领导 span several rows), and units
    on lines of their own. Each cell goes where its kind belongs; the units of a row stay apart."""
    text = ("序号\n指标\n工作任务\n完成时限\n责任领导\n责任股室\n(单位)\n备注\n"
            "1\n公共文化服务\n“两馆一站”免费开放服务人次较上年增长15%。\n12月底前\n夏俊贵\n文化宣传股\n文化馆\n图书馆\n"
            "2\n开展好“三下乡”活动。\n"
            "3\n非遗保护\n完成非遗展厅布展任务。\n羌研会\n灵岩寺博物馆\n")
    lines = _normalised(text).split("\n")
    assert lines[0] == "序号 | 指标 | 工作任务 | 完成时限 | 责任领导 | 责任股室(单位) | 备注 |"
    assert lines[1] == "1 | 公共文化服务 | “两馆一站”免费开放服务人次较上年增长15%。 | 12月底前 | 夏俊贵 | 文化宣传股、文化馆、图书馆 |"
    assert lines[2] == "2 |  | 开展好“三下乡”活动。 |"
    assert lines[3] == "3 | 非遗保护 | 完成非遗展厅布展任务。 |  |  | 羌研会、灵岩寺博物馆 |"


def test_a_progress_table_with_dated_columns_and_rows_of_merged_cells() -> None:
    """final2 10's layout (a district's livelihood projects, one cell per line, each closed by a bar): columns
    dated by their months (1-10月推进情况) and two unknown names (是否达序, 说明) right above the first row;
    rows that merge 主要任务 with 全年目标任务 and leave an empty cell as a line of bars."""
    text = ("序号 |\n主要任务 |\n全年目标任务 |\n分管 领导 |\n牵头 单位 |\n责任主体与协同单位 |\n1-10月推进情况 |\n"
            "1-11月推进情况 |\n是否达序 |\n说明 |\n"
            "24 |\n优化提升50条背街后巷交通组织。 |\n徐国江 |\n城管局 |\n市政局、相关街道 |\n已进场施工,完成30%。 |\n"
            "已进场施工,完成60%。 |\n是 |\n||\n"
            "25 |\n新建建筑垃圾中转站8个。 |\n徐国江 |\n城管局 |\n崇川经济开发区、相关街道 |\n已建成3个。 |\n已建成7个。 |\n是 |\n")
    tasks = extract_text("2023年重点民生实事项目推进情况\n" + text).tasks
    assert [(t.text[:8], t.lead, t.support, t.people) for t in tasks] == [
        ("优化提升50条背", ["城管局"], ["市政局", "相关街道"], ["徐国江"]),
        ("新建建筑垃圾中转", ["城管局"], ["崇川经济开发区", "相关街道"], ["徐国江"]),
    ]


def test_a_livelihood_table_flattened_one_cell_per_line_reads_each_rows_units() -> None:
    """final10 04: 序号 / 民生实事 / 责任单位 / 完成时限, one cell per line; a row lists three units in cells of their own,
    and a task's sentence ending in an agency's word (迁建县政务服务中心。) is the task, not a cell of units."""
    from policykg.loaders import extract_text

    text = ("2016年民生实事目标任务分解表\n序号\n民生实事\n责任单位\n完成时限\n1\n启动建设东柳河城区段综合治理工程和东湖湿地公园。\n"
            "县水务局\n县住建局\n县护城河指挥部\n12月底前\n2\n迁建县政务服务中心。\n县代建中心\n12月底前\n")
    assert [(t.text, t.lead) for t in extract_text(text).tasks] == [
        ("启动建设东柳河城区段综合治理工程和东湖湿地公园。", ["县水务局", "县住建局", "县护城河指挥部"]),
        ("迁建县政务服务中心。", ["县代建中心"])]


def test_group_lines_above_the_first_numbered_row_are_a_heading_not_the_end_of_the_table() -> None:
    """序号 / 重点工作 / 市政府 / 分管领导 (one column wrapped) / 牵头单位 / 配合单位 / 备注, then 强化科技创新支撑能力。 /
    (一) / 加强战略科技力量建设。 above row 1: the rows are still read (a city's division table as published)."""
    text = ("2021年市政府工作报告部署工作责任分工\n序号\n重点工作\n市政府\n分管领导\n牵头单位\n配合单位\n备注\n"
            "强化科技创新支撑能力。\n(一)\n加强战略科技力量建设。\n"
            "1\n加快建设科技创新轴。\n王 东\n市科技局\n黄埔区、南沙区政府\n"
            "2\n全力做好国家实验室筹建保障服务工作。\n王 东\n市科技局\n市财政局\n")
    assert [(t.number, t.text, t.lead, t.support, t.people) for t in extract_text(text).tasks] == [
        ("1", "加快建设科技创新轴。", ["市科技局"], ["黄埔区政府", "南沙区政府"], ["王东"]),
        ("2", "全力做好国家实验室筹建保障服务工作。", ["市科技局"], ["市财政局"], ["王东"]),
    ]


def test_group_headings_between_rows_name_their_leaders_and_a_labelled_line_closes_a_units_cell() -> None:
    """(一)王宏副市长牵头重点工作 above row 1 and (二)… between rows are headings whose leader answers for the rows
    under them; 省牵头单位:X after a row's 责任单位 cell leads, the cell's units (one of them under two names,
    市商务局(市粮食和物资储备局)) then support (a provincial task list as a city published it)."""
    text = ("省政府工作报告重点工作涉杭任务责任分解\n序号\n重点工作任务(杭州市2项配合工作)\n责任单位\n"
            "(一)王宏副市长牵头重点工作\n1\n加强粮食和重要农产品保障。\n市农业农村局、市商务局(市粮食和物资储备局)\n"
            "省牵头单位:省农业农村厅\n(二)胡伟副市长牵头重点工作\n2\n深入实施消费新政。\n市商务局、市发改委\n"
            "省牵头单位:省商务厅\n")
    assert [(t.number, t.lead, t.support, t.people) for t in extract_text(text).tasks] == [
        ("1", ["省农业农村厅"], ["市农业农村局", "市商务局(市粮食和物资储备局)"], ["王宏"]),
        ("2", ["省商务厅"], ["市商务局", "市发改委"], ["胡伟"]),
    ]


def test_a_context_column_before_the_number_column_keeps_the_rows_numbered() -> None:
    """分类 / 序号 / 事项 / 责任单位 / 牵头单位, 分类's cell (发展目标) merged over its rows: each numbered row is read
    (a district's division of its work report's targets)."""
    text = ("2023年政府工作报告重点工作责任分解\n分类\n序号\n事项\n责任单位\n牵头单位\n发展目标\n"
            "1\n地区生产总值增长6.5%以上。\n区农业农村局、区发改局\n区发改局\n"
            "2\n区本级规上工业增加值增长10%。\n区经商局、莲都经开区管委会\n区经商局\n")
    assert [(t.text, t.lead, t.support) for t in extract_text(text).tasks] == [
        ("地区生产总值增长6.5%以上。", ["区发改局"], ["区农业农村局", "区发改局"]),
        ("区本级规上工业增加值增长10%。", ["区经商局"], ["区经商局", "莲都经开区管委会"]),
    ]


def test_several_people_columns_a_units_cell_wrapped_over_lines_and_a_lead_noted_among_the_related_units() -> None:
    """A district's progress table on its work report, one cell per line with a blank line between cells
    (final17 07): the header name 区政府办 / 协管责任人 wraps; 责任领导, 协管责任人 and 责任人 each name one person;
    the 相关单位 cell wraps over lines ending in 、; 区统计局(数据统计评估牵头单位) there is a lead."""
    cells = ["2018年《政府工作报告》目标任务一季度完成情况一览表", "序号", "目标任务", "责任领导", "区政府办", "协管责任人",
             "牵头单位", "责任人", "相关单位", "完成情况",
             "1", "地区生产总值达到678亿元,增长9.5%", "徐  平", "陈  曦", "区发改局", "徐铭喜",
             "区统计局(数据统计评估牵头单位),", "区财政局、区商务粮食局、", "区工信局、区农林水务局、", "区金融办,各乡、街道办事处",
             "完成地区生产总值121.9亿元(预计数),同比增长8%。",
             "2", "财政收入达到30亿元,增长15%", "徐  平", "陈  曦", "区财政局", "杨大明", "区国税局、区地税局,",
             "各乡、街道办事处", "完成一般公共预算收入9.01亿元,同比增长42.2%。"]
    tasks = extract_text("\n\n".join(cells) + "\n").tasks
    assert [(t.number, t.lead, t.support, t.people) for t in tasks] == [
        ("1", ["区发改局", "区统计局"], ["区财政局", "区商务粮食局", "区工信局", "区农林水务局", "区金融办", "各乡", "街道办事处"],
         ["徐平", "陈曦", "徐铭喜"]),
        ("2", ["区财政局"], ["区国税局", "区地税局", "各乡", "街道办事处"], ["徐平", "陈曦", "杨大明"]),
    ]


def test_a_numbered_header_whose_rows_lost_their_numbers_and_zones_as_lead_units() -> None:
    """A district's division of its work report (final22 01), one cell per line: 序号 heads the table but the copy
    has no numbers; 牵头领导 holds two names on lines of their own; the lead cells name zones (未来科技城(海创园),
    临平新城) that no agency's word ends."""
    cells = ["2018年《政府工作报告》工作任务分解表", "序号", "重 点 工 作 任 务", "牵头领导", "牵头单位",
             "未来科技城要围绕打造创新驱动策源地,进一步发挥杭州城西科创大走廊核心区作用。", "祝振伟", "陈夏林", "未来科技城(海创园)",
             "临平新城要围绕打造时尚产业新地标,力争引进国家级领军人才2名。", "祝振伟", "李敏华", "临平新城"]
    tasks = extract_text("\n\n".join(cells) + "\n").tasks
    assert [(t.text[:6], t.lead, t.people) for t in tasks] == [
        ("未来科技城要", ["未来科技城(海创园)"], ["祝振伟", "陈夏林"]),
        ("临平新城要围", ["临平新城"], ["祝振伟", "李敏华"]),
    ]


def test_a_deadline_alone_under_a_unit_column_names_no_unit() -> None:
    """The zone rule reads jieba's tag of the cell's last word: a noun (新城, 园) names a body, a verb or a time
    word (持续推进, 年内完成) does not."""
    from policykg.loaders.tables import _names_a_unit

    assert _names_a_unit("临平新城") and _names_a_unit("未来科技城(海创园)")
    assert not _names_a_unit("持续推进") and not _names_a_unit("年内完成") and not _names_a_unit("12月底前")


def test_a_measure_named_before_its_content_is_the_task_and_the_guiding_departments_lead() -> None:
    """The State Council's list of reform measures (final20 02), one cell per line: 序号 / 改革举措 / 主要内容 /
    指导部门 / 推广范围, a group line (一、…方面(共5项)) above row 1. The header keeps its last, unknown column
    (推广范围); the measure's name is the task and its content a field; 指导部门 leads."""
    cells = ["序号", "改革举措", "主 要 内 容", "指导部门", "推广范围", "一、知识产权保护方面（共5项）",
             "1", "知识产权民事、刑事、行政案件“三合一”审判", "整合分散的审判资源，提高审判效率，缩短审判周期。",
             "最高人民法院、国家知识产权局", "全国",
             "2", "以降低侵权损失为核心的专利保险机制", "开发专利执行险等保险产品，降低创新主体的侵权损失。",
             "国家知识产权局、中国银保监会", "全国"]
    tasks = [t for t in extract_text("\n".join(cells) + "\n").tasks if t.lead]
    assert [(t.text, t.lead, t.fields.get("主要内容")) for t in tasks] == [
        ("知识产权民事、刑事、行政案件“三合一”审判", ["最高人民法院", "国家知识产权局"],
         "整合分散的审判资源,提高审判效率,缩短审判周期。"),
        ("以降低侵权损失为核心的专利保险机制", ["国家知识产权局", "中国银保监会"], "开发专利执行险等保险产品,降低创新主体的侵权损失。"),
    ]
