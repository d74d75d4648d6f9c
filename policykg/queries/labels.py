"""Chinese labels for the columns of query results: what ``--headers zh|both`` writes in CSV and XLSX.

The column keys stay English (programs read them); an analyst's spreadsheet reads better
with 年份 beside ``year`` (issue 20). One table for every column a named query, the
evidence and the collaboration analysis return (tests/test_output_readable.py checks that
every declared column has a label); a ``_display`` column is labelled after its figure,
and a column of a pivot (``浙江省 target``) after its region and kind.
"""

from __future__ import annotations

COLUMN_LABELS: dict[str, str] = {
    "actual": "实际", "actuals": "实际数", "agency": "所属机构", "agency_a": "所属机构A", "agency_b": "所属机构B",
    "aliases": "别名", "assignments": "分工", "catalogued": "已编目", "co_lead": "共同牵头", "comparator": "比较",
    "date": "日期", "degree": "关系数", "document": "文件", "documents": "文件数", "earlier_doc": "前一文件",
    "earlier_id": "前一任务编号", "earlier_number": "前一序号", "earlier_task": "前一任务", "evidence": "依据原文",
    "first_year": "起始年份", "id": "编号", "id_a": "编号A", "id_b": "编号B", "indicator": "指标", "indicators": "指标数",
    "issuer": "发布机构", "kind": "类别", "label": "类型", "last_year": "最近年份", "later_doc": "后一文件",
    "later_id": "后一任务编号", "later_number": "后一序号", "later_task": "后一任务", "lead_units": "牵头单位",
    "level": "层级", "measure": "度量", "mention": "原文写作", "name": "名称", "number": "序号", "order": "顺序",
    "parent": "上级", "path": "路径", "people": "责任人", "person": "责任人", "properties": "属性", "ratio": "完成比",
    "raw": "原文", "region": "地区", "regions": "地区数", "responsible": "责任人", "role": "角色", "score": "相似度",
    "section": "章节", "section_id": "章节编号", "section_number": "章节序号", "sections": "章节数", "snippet": "摘录",
    "source": "来源", "span": "位置", "status": "完成情况", "subject": "主体", "support_units": "配合单位",
    "supporters": "配合单位", "target": "目标", "target_high": "目标上限", "targets": "目标数", "task": "任务",
    "task_id": "任务编号", "tasks": "任务数", "text": "内容", "title": "标题", "type": "关系", "unit": "单位",
    "unit_a": "单位A", "unit_b": "单位B", "units": "单位数", "value": "数值", "value_high": "数值上限",
    "without_lead": "无牵头单位", "year": "年份", "sentence": "原句", "community": "社区", "partners": "合作单位数",
    "shared_tasks": "共同任务数", "degree_centrality": "度中心性", "betweenness": "中介中心性", "aggregate": "期间口径",
    "target_document": "目标所在文件", "actual_document": "实际所在文件", "mentions": "提及次数", "count": "数量",
}
#: What ``--headers`` takes: the keys, the Chinese labels, or both ("年份 year").
HEADER_STYLES = ("keys", "zh", "both")
PIVOT_KINDS = {"target": "目标", "actual": "实际"}


def label_of(column: str) -> str | None:
    """The Chinese label of a column, None when it has none."""
    if column in COLUMN_LABELS:
        return COLUMN_LABELS[column]
    if column.endswith("_display"):
        figure = label_of(column[: -len("_display")])
        return figure + "(显示)" if figure else None
    region, _, kind = column.rpartition(" ")
    if region and kind in PIVOT_KINDS:
        return f"{region} {PIVOT_KINDS[kind]}"
    return None


def header(column: str, style: str) -> str:
    """A header cell in a style of ``HEADER_STYLES``: ``year``, ``年份`` or ``年份 year``."""
    label = label_of(column)
    if style == "keys" or label is None:
        return column
    return label if style == "zh" else f"{label} {column}"
