"""Document kinds from evidence in invented texts, through the whole pipeline."""

from __future__ import annotations

import pytest

from policykg.loaders import extract_text
from policykg.loaders.detect import detect_kind
from policykg.ontology.terms import DocKind

RESPONSIBILITY = """2040年工作要点
1.建设实验室。(责任人:钱一,牵头单位:基础处,配合单位:有关处室)
2.培育企业。(责任人:孙二,牵头单位:高新处)
3.办好大会。
"""
DIVISION = """关于推进科技创新的若干措施
(一)建设国家实验室。(科技部牵头,发展改革委、财政部按职责分工负责)
(二)支持企业创新。(工业和信息化部牵头,科技部参与)
"""
STATUS = """2041年重点工作完成情况
序号 | 重点工作任务 | 完成情况 | 责任单位 |
1 | 建设实验室 | 已开工 | 基础处 |
"""
STATUS_BY_TITLE = """科技局2042年上半年重点工作推进情况
1.建设实验室。已开工建设。
"""
SUMMARY = """某市科技局2043年工作总结和2044年工作思路
(一)平台建设成效明显。全年新建实验室3家,引进团队5个。
1、实施平台工程。新建实验室2家。
"""
DIVISION_MIXED = """2046年重点任务分工方案
(一)建设国家实验室。(科技部牵头,发展改革委参与)
(二)支持企业创新。(财政部、税务总局、科技部按职责分工负责)
(三)评价企业。(科技部负责)
"""
PLAN = """2045年全省科技工作要点
1.完善项目管理。推行项目责任人制度,明确牵头单位和配合单位职责。
2.建设平台。
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (RESPONSIBILITY, DocKind.RESPONSIBILITY_PLAN),
        (DIVISION, DocKind.NATIONAL_DIVISION),
        (DIVISION_MIXED, DocKind.NATIONAL_DIVISION),  # 参与 / co-responsible ministries, no labels
        (STATUS, DocKind.STATUS_TABLE),
        (STATUS_BY_TITLE, DocKind.STATUS_TABLE),
        (SUMMARY, DocKind.SUMMARY),
        (PLAN, DocKind.PLAN),  # 责任人 / 牵头单位 as words in prose are no clauses
    ],
)
def test_kinds(text: str, kind: DocKind) -> None:
    assert extract_text(text, source="plan.txt").document.kind == kind.value


def test_responsibility_breakdown_by_title_alone() -> None:
    assert detect_kind("", "2046年重点工作任务分解") == DocKind.RESPONSIBILITY_PLAN


def test_file_name_is_no_evidence() -> None:
    assert extract_text(PLAN, source="工作总结_完成情况_责任分解.txt").document.kind == DocKind.PLAN.value


def test_a_report_quoted_in_a_title_or_a_sentence_standing_first_names_no_genre() -> None:
    """关于分解落实《政府工作报告》的通知 divides a report's targets: no summary; nor is a news lead that
    says 总结去年 before setting this year's goals."""
    assert detect_kind("", "某市人民政府办公室关于分解落实《政府工作报告》的通知") == DocKind.PLAN
    assert detect_kind("", "某市人民政府办公室关于落实《2046年政府工作报告》的通知") == DocKind.PLAN
    lead = "昨日,我市召开科技工作会议,总结去年我市科技工作,部署今年工作"
    assert detect_kind("", lead) == DocKind.PLAN
    assert detect_kind("", "某市科技局2046年工作总结") == DocKind.SUMMARY
