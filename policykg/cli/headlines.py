"""The headline answers ``policykg demo`` prints: who leads most, how a target moved."""

from __future__ import annotations

from policykg.kg import KnowledgeGraph
from policykg.output import render

HEADLINES: list[tuple[str, str, dict[str, object], int]] = [
    ("Units leading the most tasks in the 2015 Zhejiang plan", "units-leading-most-tasks",
     {"region": "浙江省", "from": 2015, "to": 2015}, 5),
    ("Units leading the most tasks in 浙江省, all years", "units-leading-most-tasks", {"region": "浙江省"}, 5),
    ("技术交易额 in 浙江省, 2015-2021", "target-evolution",
     {"indicator": "技术市场交易额", "region": "浙江省", "from": 2015, "to": 2021}, 10),
]


def print_headlines(kg: KnowledgeGraph) -> None:
    from policykg.queries import get_query

    for title, name, params, limit in HEADLINES:
        rows = kg.query_rows(name, params)
        print()
        render(rows[:limit], get_query(name).columns, "table", title=f"{title}  (policykg query {name})")
