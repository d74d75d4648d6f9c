"""Continuity: the pure TF-IDF similarity between an earlier and a later plan's tasks."""

from __future__ import annotations

from policykg.graph.continuity import TaskText, continuing_pairs, pairs_for_texts, tokens

EARLIER = [
    "狠抓科技型中小微企业培育。研究制订科技型小微企业培育计划,加大高新技术企业培育力度。",
    "加快推进杭州国家自主创新示范区建设,加强规划布局和制度设计。",
    "深化科技奖励制度改革,完善科技成果评价办法。",
]
LATER = [
    "实施新一轮科技企业双倍增计划,培育高新技术企业和科技型中小企业。",
    "深入推进国家自主创新示范区建设,联动推进科创大走廊。",
    "组织开展全省农业科技特派员派驻工作。",
]


def test_tokens_drop_filler_and_punctuation() -> None:
    words = tokens("加快推进国家自主创新示范区建设,2015年。")
    assert "加快" not in words and "推进" not in words and "2015" not in words
    assert "示范区" in words or "自主创新" in words


def test_each_later_task_continues_its_closest_earlier_task() -> None:
    pairs = pairs_for_texts(EARLIER, LATER)
    assert {(a, b) for a, b, _ in pairs} == {(0, 0), (1, 1)}
    assert all(0.25 <= s <= 1.0 for _, _, s in pairs)


def test_unrelated_tasks_do_not_continue() -> None:
    assert pairs_for_texts(["建设未来实验室。"], ["组织开展农业科技特派员派驻工作。"]) == []
    assert pairs_for_texts([], LATER) == []


def test_scores_depend_only_on_the_two_plans() -> None:
    earlier = [TaskText(f"e{i}", t) for i, t in enumerate(EARLIER)]
    later = [TaskText(f"l{i}", t) for i, t in enumerate(LATER)]
    assert continuing_pairs(earlier, later) == continuing_pairs(list(earlier), list(later))
    assert continuing_pairs(earlier, later)[0][0] == "e0"
