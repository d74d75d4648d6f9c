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
