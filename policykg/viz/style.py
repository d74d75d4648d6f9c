"""How each kind of node and relationship looks in a picture: Chinese names, colours, shapes.

One table per word, so the graph page, its legend and the report agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.ontology.terms import Label, Rel


@dataclass(frozen=True)
class NodeStyle:
    name: str  # what the legend says, in Chinese
    color: str
    shape: str  # a vis-network shape
    keys: tuple[str, ...]  # properties the tooltip shows, in this order


NODE_STYLES: dict[str, NodeStyle] = {
    Label.DOCUMENT: NodeStyle("文件", "#4e79a7", "box", ("title", "issuer", "region", "year", "date", "kind", "doc_no")),
    Label.SECTION: NodeStyle("章节", "#9c755f", "box", ("number", "title")),
    Label.TASK: NodeStyle("任务", "#f28e2b", "dot", ("number", "title", "section", "year")),
    Label.UNIT: NodeStyle("单位", "#e15759", "diamond", ("name", "level", "aliases")),
    Label.PERSON: NodeStyle("责任人", "#b07aa1", "triangle", ("name",)),
    Label.INDICATOR: NodeStyle("指标", "#59a14f", "hexagon", ("name", "measure", "unit", "aliases")),
    Label.TARGET: NodeStyle("目标值", "#edc948", "square", ("raw", "kind", "year", "comparator")),
    Label.REGION: NodeStyle("地区", "#76b7b2", "star", ("name", "level")),
}
OTHER = NodeStyle("其他", "#bab0ac", "dot", ("name", "title"))

#: Relationships whose edges carry a label on the page (the issue's four); the others show their type on hover.
EDGE_LABELS: dict[str, str] = {
    Rel.LEADS: "牵头",
    Rel.SUPPORTS: "配合",
    Rel.RESPONSIBLE_FOR: "责任人",
    Rel.MEASURES: "衡量",
}
#: Every relationship in Chinese, for tooltips.
REL_NAMES: dict[str, str] = {
    **EDGE_LABELS,
    Rel.ISSUED_BY: "发文单位", Rel.ABOUT: "涉及地区", Rel.HAS_SECTION: "章节", Rel.HAS_TASK: "任务",
    Rel.PART_OF: "隶属", Rel.MEMBER_OF: "所在单位", Rel.IN: "所在地区", Rel.HAS_TARGET: "目标",
    Rel.FOR: "地区", Rel.CONTINUES: "延续",
}
EDGE_COLORS: dict[str, str] = {Rel.LEADS: "#e15759", Rel.SUPPORTS: "#f1a3a4", Rel.RESPONSIBLE_FOR: "#b07aa1",
                               Rel.MEASURES: "#59a14f"}

#: Target kinds and statuses as a reader says them.
KIND_NAMES = {"target": "目标", "actual": "实际"}
STATUS_NAMES = {"met": "达标", "exceeded": "超额", "missed": "未达", "no-actual-in-store": "库中无实际",
                "not-due-yet": "未到期", "incomparable": "单位不同"}
STATUS_COLORS = {"met": "#59a14f", "exceeded": "#2e7d32", "missed": "#e15759", "no-actual-in-store": "#bab0ac",
                 "not-due-yet": "#d7d2cb", "incomparable": "#9c755f"}
ROLE_NAMES = {"leads": "牵头", "supports": "配合", "responsible_for": "责任人"}


def node_style(label: str) -> NodeStyle:
    return NODE_STYLES.get(label, OTHER)


#: Figures of no region (a State Council report's) are the nation's: charts and pages call them this.
NATIONAL = "全国"
#: One colour per region in charts and on the site: twenty told apart at a glance (Kelly's colours of maximum
#: contrast, less white, black and the greys); beyond twenty regions they repeat.
REGION_COLORS = ("#0067a5", "#be0032", "#008856", "#f38400", "#875692", "#a1caf1", "#882d17", "#8db600",
                 "#e68fac", "#604e97", "#f6a600", "#b3446c", "#2b3d26", "#f99379", "#654522", "#dcd300",
                 "#e25822", "#c2b280", "#00a1a1", "#5a5a00")
