"""The target-evolution chart drawn from rows written here (issue 20, "Why" 2): ranges, spans, the nation.

A figure stated as a range (4.5%-5%) is a band from its low to its high end; a figure over
a span (年均增长 5.2% over 2021-2025) is drawn over its span, never as one year's point; a
region's figures keep one colour; figures of no region are 全国. The rows carry the
properties the figures work gives targets (``value_high``, ``aggregate``, ``period_from``,
``period_to``); the chart reads them when present.
"""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.collections import PolyCollection

from policykg.viz import fonts
from policykg.viz.charts import draw

ROWS: list[dict[str, Any]] = [
    {"year": 2024, "kind": "target", "value": 5.0, "unit": "%", "region": None, "raw": "国内生产总值增长5%左右"},
    {"year": 2024, "kind": "actual", "value": 5.0, "unit": "%", "region": None, "raw": "国内生产总值增长5%"},
    {"year": 2025, "kind": "actual", "value": 5.5, "unit": "%", "region": "浙江省", "raw": "生产总值增长5.5%"},
    {"year": 2026, "kind": "target", "value": 5.0, "value_high": 5.5, "unit": "%", "region": "浙江省",
     "raw": "生产总值增长5%—5.5%"},
    {"year": 2025, "kind": "actual", "value": 5.1, "unit": "%", "region": "陕西省", "raw": "地区生产总值增长5.1%"},
    {"year": 2025, "kind": "actual", "value": 5.2, "unit": "%", "region": "陕西省", "raw": "年均增长5.2%",
     "aggregate": "average", "period_from": 2021, "period_to": 2025},
]


@pytest.fixture(autouse=True)
def cjk() -> None:
    try:
        fonts.cjk_font()
    except fonts.NoCJKFont as exc:
        pytest.fail(f"no CJK font here: {exc}  (make install / .ci/run installs fonts-noto-cjk)")


def test_an_average_over_five_years_is_drawn_over_its_span_not_as_that_years_actual() -> None:
    drawn, _ = draw("target-evolution", ROWS, {"indicator": "GDP增长"})
    kinds = {(s["region"], s["kind"]) for s in drawn.series}
    assert ("陕西省", "actual-span") in kinds
    shaanxi = next(s for s in drawn.series if (s["region"], s["kind"]) == ("陕西省", "actual"))
    line = next(a for ax in drawn.figure.axes for a in ax.get_lines() if a.get_gid() == shaanxi["id"])
    assert list(zip(line.get_xdata(), line.get_ydata(), strict=True)) == [(2025, 5.1)]  # 2025's own figure, not 5.2
    span = next(s for s in drawn.series if s["kind"] == "actual-span")
    bar = next(a for ax in drawn.figure.axes for a in ax.get_lines() if a.get_gid() == span["id"])
    assert min(bar.get_xdata()) < 2021 and max(bar.get_xdata()) > 2025 and set(bar.get_ydata()) == {5.2}
    assert "年均实际 2021–2025" in bar.get_label()


def test_a_range_is_a_band_from_its_low_to_its_high_end() -> None:
    drawn, _ = draw("target-evolution", ROWS, {"indicator": "GDP增长"})
    bands = [c for ax in drawn.figure.axes for c in ax.collections if isinstance(c, PolyCollection)]
    extents = {(round(p.vertices[:, 1].min(), 3), round(p.vertices[:, 1].max(), 3))
               for c in bands for p in c.get_paths() if abs(p.vertices[:, 0].mean() - 2026) < 0.3}
    assert (5.0, 5.5) in extents


def test_figures_of_no_region_are_the_nations_and_each_region_has_one_colour() -> None:
    drawn, _ = draw("target-evolution", ROWS, {"indicator": "GDP增长"})
    labels = [t.get_text() for ax in drawn.figure.axes if ax.get_legend() for t in ax.get_legend().get_texts()]
    assert "全国 目标" in labels and "全国 实际" in labels
    assert not any(label.startswith("—") for label in labels)
    colours: dict[str, set[str]] = {}
    for s in drawn.series:
        colours.setdefault(s["region"], set()).add(s["colour"])
    assert all(len(c) == 1 for c in colours.values())
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)
    assert "全国" in drawn.note  # says what 全国 stands for here
