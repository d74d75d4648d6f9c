"""Targets meet their actuals across documents, on real consecutive reports (tests/series).

Each State Council report of year Y sets Y's 主要预期目标 and reviews Y-1, so a target stands in
one document and its result in the next: loading 2005-2025 must line the two up by indicator,
region and year, read each target's wording (左右, 以上, a range, a ceiling), and keep figures over
a span (年均, 过去五年, 比2002年增长65.5%) out of the yearly line. Every value below is the one the
reports print (checked against the texts; 2007's growth alone is not stated in the 2008 report,
which reviews five years, and the 2020 report is not in the source).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from store_params import loaded

from policykg.kg import KnowledgeGraph

DOCS = Path(__file__).resolve().parent / "series" / "national" / "docs"

#: (year, kind, value, value_high) of 国内生产总值增长 for 全国, as the reports state them.
GDP_GROWTH = [
    (2004, "actual", 9.5, None), (2005, "actual", 9.9, None), (2005, "target", 8.0, None),
    (2006, "actual", 10.7, None), (2006, "target", 8.0, None), (2007, "target", 8.0, None),
    (2008, "actual", 9.0, None), (2008, "target", 8.0, None), (2009, "actual", 8.7, None),
    (2009, "target", 8.0, None), (2010, "actual", 10.3, None), (2010, "target", 8.0, None),
    (2011, "actual", 9.2, None), (2011, "target", 8.0, None), (2012, "actual", 7.8, None),
    (2012, "target", 7.5, None), (2013, "actual", 7.7, None), (2013, "target", 7.5, None),
    (2014, "actual", 7.4, None), (2014, "target", 7.5, None), (2015, "actual", 6.9, None),
    (2015, "target", 7.0, None), (2016, "actual", 6.7, None), (2016, "target", 6.5, 7.0),
    (2017, "actual", 6.9, None), (2017, "target", 6.5, None), (2018, "actual", 6.6, None),
    (2018, "target", 6.5, None), (2019, "target", 6.0, 6.5), (2020, "actual", 2.3, None),
    (2021, "actual", 8.1, None), (2021, "target", 6.0, None), (2022, "actual", 3.0, None),
    (2022, "target", 5.5, None), (2023, "actual", 5.2, None), (2023, "target", 5.0, None),
    (2024, "actual", 5.0, None), (2024, "target", 5.0, None), (2025, "target", 5.0, None),
]

#: Comparisons the store must make, with the status the wording gives them.
COMPARISONS = [
    ("GDP增长", 2010, 8.0, 10.3, "exceeded"),  # 8%左右, 10.3%
    ("GDP增长", 2014, 7.5, 7.4, "met"),  # 7.5%左右: within 5 %
    ("GDP增长", 2021, 6.0, 8.1, "exceeded"),  # 6%以上
    ("GDP增长", 2022, 5.5, 3.0, "missed"),
    ("居民消费价格涨幅", 2010, 3.0, 3.3, "missed"),  # a ceiling: 3%左右, 3.3% is over it by more than 5 %
    ("居民消费价格涨幅", 2024, 3.0, 0.2, "met"),
    ("城镇调查失业率", 2023, 5.5, 5.2, "met"),  # a ceiling
    ("城镇新增就业", 2024, 12_000_000.0, 12_560_000.0, "exceeded"),  # 1200万人以上, 1256万人
]


@pytest.fixture(scope="module")
def series_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    yield from loaded(KnowledgeGraph.open(tmp_path_factory.mktemp("series") / "store"), [DOCS])


def test_each_report_is_dated_and_named_by_its_own_year(series_store: KnowledgeGraph) -> None:
    """A report titled only 政府工作报告 is stored as 20XX年国务院政府工作报告, in the year it plans (the 2011
    report's headings name no year but 三、2011年的工作; the 2023 report's review opens on 2022年是…)."""
    rows = series_store.read("MATCH (d:Document) RETURN d.year AS year, d.title AS title ORDER BY year")
    years = [int(p.name[:4]) for p in sorted(DOCS.iterdir())]
    assert [r["year"] for r in rows] == years
    assert [r["title"] for r in rows] == [f"{y}年国务院政府工作报告" for y in years]


@pytest.mark.slow
def test_the_national_gdp_growth_line_from_2004_to_2025(series_store: KnowledgeGraph) -> None:
    rows = series_store.query("target-evolution", indicator="GDP增长", region="全国").to_dict("records")
    got = [(r["year"], r["kind"], r["value"], None if pd.isna(r["value_high"]) else r["value_high"]) for r in rows]
    assert got == GDP_GROWTH


@pytest.mark.slow
def test_targets_meet_their_actuals_in_the_next_report(series_store: KnowledgeGraph) -> None:
    rows = series_store.query("target-vs-actual", region="全国").to_dict("records")
    compared = {(r["indicator"], r["year"]): r for r in rows if r["status"] in ("met", "missed", "exceeded")}
    assert len(compared) >= 30, sorted(compared)
    for indicator, year, target, actual, status in COMPARISONS:
        row = compared[(indicator, year)]
        assert (row["target"], row["actual"], row["status"]) == (target, actual, status), row
    assert all(r["target_document"] != r["actual_document"] for r in compared.values()
               if r["indicator"] == "GDP增长"), "a year's target and its result stand in two reports"


@pytest.mark.slow
def test_a_figure_over_a_span_is_no_years_result(series_store: KnowledgeGraph) -> None:
    """城镇新增就业人数超过6400万人 in the 2016 report's review of 过去五年, and 比2002年增长65.5% in the 2008
    report, are changes over five years: they meet no single year's target."""
    rows = series_store.query("target-vs-actual", region="全国").to_dict("records")
    actuals = {(r["indicator"], r["year"]): r["actual"] for r in rows}
    assert actuals.get(("城镇新增就业", 2015)) != 64_000_000.0
    assert 65.5 not in {v for (i, _), v in actuals.items() if i == "GDP增长"}
