"""A unit label alone on its line with its units on the next is one labelled line; a header or a list is not."""

from __future__ import annotations

from policykg.loaders import extract_text
from policykg.loaders.splitlabels import find_split_labels


def test_a_two_column_table_flattened_to_lines_assigns_its_units() -> None:
    """A county's task card (final24 12): 具体任务 / the task / 责任单位 / 卫健局、文旅局 / 配合单位 / 各乡镇 / 完成时限 / …"""
    text = ("具体任务\n全面落实疫情防控“新十条”,守好疫情防线;深入开展爱国卫生运动。\n责任单位\n卫健局、文旅局\n配合单位\n各乡镇\n"
            "完成时限\n12月底前取得明显成效并长期坚持\n")
    (task,) = [t for t in extract_text(text).tasks if t.lead]
    assert (task.text[:8], task.lead, task.support) == ("全面落实疫情防控", ["卫健局", "文旅局"], ["各乡镇"])


def test_a_header_a_people_list_and_a_signature_are_left_alone() -> None:
    header = "序号\n目 标 任 务\n牵头单位\n责任单位\n责任人\n1\n"  # 牵头单位 / 责任单位: two header cells
    members = "副组长\n李明 市发展改革委主任\n"  # a people label: the outline reads its list line by line
    signature = "国务院总理\n李强\n"
    assert find_split_labels(header) == {} and find_split_labels(members) == {} and find_split_labels(signature) == {}
