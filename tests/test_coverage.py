"""Coverage an analyst can act on: what the text shows beside what was extracted, and what to review."""

from __future__ import annotations

from policykg.loaders import extract_text


def test_a_text_that_says_lead_but_yields_none_is_flagged() -> None:
    # 牵头 written into prose that assigns nobody a task: the words are counted, no lead comes out
    text = ("各单位要明确牵头责任。牵头部门要加强统筹,配合部门要主动配合。\n"
            "凡涉及多部门的工作,牵头单位要加大协调力度。\n")
    coverage = extract_text(text).coverage
    assert coverage is not None
    assert coverage.lead_words >= 3 and coverage.leads == 0
    assert any("lead word" in r for r in coverage.review)


def test_a_document_whose_roles_are_read_is_not_flagged() -> None:
    text = "1.建设实验室。(牵头单位:基础处;配合单位:计财处)\n2.培育企业。(牵头单位:高新处)\n3.引进人才。(牵头单位:人才处)\n"
    coverage = extract_text(text).coverage
    assert coverage is not None
    assert (coverage.lead_words, coverage.leads, coverage.supports) == (3, 3, 1)
    assert coverage.review == []


def test_names_beside_posts_are_counted_against_people() -> None:
    text = ("一、会议要求\n会上副市长李明、副市长王强、秘书长赵敏出席会议。\n"
            "1.推进项目建设,新增项目20个。\n")
    coverage = extract_text(text).coverage
    assert coverage is not None
    assert coverage.names_seen == 3 and coverage.people == 0
    assert any("names stand beside a post" in r for r in coverage.review)
