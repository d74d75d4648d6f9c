"""The target-evolution chart: an indicator's targets and actuals over the years, region by region.

Drawn to be read on real corpora, where one indicator (GDP增长) has figures for a dozen
regions (issue 20): small multiples of at most ``REGIONS_PER_PANEL`` regions (two series
each, so at most eight lines a panel) on shared axes; one colour per region for the
whole chart; targets dashed with hollow markers, actuals solid; each panel's legend
outside its data; a range (4.5%-5%) drawn as a band from its low to its high end; a
figure over a span (年均增长 5% over 2021-2025, a five-year total) drawn as a bar over
the span, never as one year's point; figures of no named region called 全国. Value
labels are written only where they do not collide with another point's.

Elements carry SVG ids (``pkg-area-K``, ``pkg-legend-K``, ``pkg-series-K-J``,
``pkg-label-N``), and ``series_index`` says which series is which region, so a page can
be checked for what a reader sees.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from policykg.viz.style import KIND_NAMES, NATIONAL, REGION_COLORS
from policykg.viz.values import axis_unit, number, scale_for

Row = dict[str, Any]
#: Regions per panel: each has a target and an actual series, so a panel holds at most eight lines.
REGIONS_PER_PANEL = 4
#: How far apart (as a share of the y axis) two points of one year must be for both to get a value label.
LABEL_GAP = 0.1
SPAN_WORDS = {"average": "年均", "total": "累计"}


@dataclass
class Point:
    year: int
    value: float
    high: float | None = None


@dataclass
class Span:
    region: str
    kind: str
    start: int
    end: int
    value: float
    high: float | None
    aggregate: str | None


@dataclass
class Series:
    region: str
    kind: str
    points: dict[int, Point] = field(default_factory=dict)


@dataclass
class Prepared:
    series: list[Series]
    spans: list[Span]
    regions: list[str]
    unit: str | None
    left_out: int = 0  # figures over a span that the rows do not bound


def region_of(row: Row) -> str:
    return str(row.get("region") or NATIONAL)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def prepare(rows: list[Row], unit: str | None) -> Prepared:
    """Rows (one unit) into series of year points and spans; the last row of a year wins (rows come ordered)."""
    by_key: dict[tuple[str, str], Series] = {}
    spans: list[Span] = []
    left_out = 0
    for r in rows:
        value = _number(r.get("value"))
        if value is None or r.get("year") is None:
            continue
        region, kind = region_of(r), str(r.get("kind") or "target")
        start, end = r.get("period_from"), r.get("period_to")
        aggregate = r.get("aggregate")
        if aggregate or (start is not None and end is not None and start != end):
            if start is None or end is None:
                left_out += 1  # an average over an unknown span: no year to draw it at
                continue
            spans.append(Span(region, kind, int(start), int(end), value, _number(r.get("value_high")), aggregate))
            continue
        series = by_key.setdefault((region, kind), Series(region, kind))
        year = int(r["year"])
        series.points[year] = Point(year, value, _number(r.get("value_high")))
    weight = Counter({s.region: len(s.points) for s in by_key.values()})
    for s in spans:
        weight[s.region] += 1
    regions = sorted(weight, key=lambda g: (g != NATIONAL, -weight[g], g))
    ordered = sorted(by_key.values(), key=lambda s: (regions.index(s.region), s.kind != "target"))
    return Prepared(ordered, spans, regions, unit, left_out)


def colours(regions: list[str]) -> dict[str, str]:
    return {g: REGION_COLORS[k % len(REGION_COLORS)] for k, g in enumerate(regions)}


def draw(fig: Figure, rows: list[Row], indicator: str, unit: str | None) -> tuple[str, list[str], list[dict[str, str]]]:
    """Draw into ``fig``; returns the title, notes for the reader, and the index of drawn series."""
    data = prepare(rows, unit)
    factor, word = scale_for([p.value for s in data.series for p in s.points.values()] + [s.value for s in data.spans],
                             unit)
    colour = colours(data.regions)
    panels = [data.regions[k:k + REGIONS_PER_PANEL] for k in range(0, len(data.regions), REGIONS_PER_PANEL)]
    fig.set_size_inches(10.5, 1.2 + 3.0 * len(panels))
    axes = fig.subplots(len(panels), 1, sharex=True, sharey=True, squeeze=False)[:, 0]
    index: list[dict[str, str]] = []
    labels_written = 0
    years = sorted({y for s in data.series for y in s.points} | {y for s in data.spans for y in (s.start, s.end)})
    for k, (ax, regions) in enumerate(zip(axes, panels, strict=True)):
        ax.patch.set_gid(f"pkg-area-{k}")
        j = 0
        for s in (x for x in data.series if x.region in regions):
            gid = f"pkg-series-{k}-{j}"
            j += 1
            _draw_series(ax, s, colour[s.region], factor, gid)
            index.append({"id": gid, "region": s.region, "kind": s.kind, "colour": colour[s.region]})
        for span in (x for x in data.spans if x.region in regions):
            gid = f"pkg-series-{k}-{j}"
            j += 1
            _draw_span(ax, span, colour[span.region], factor, gid)
            index.append({"id": gid, "region": span.region, "kind": f"{span.kind}-span", "colour": colour[span.region]})
        ax.set_ylabel(axis_unit(word, unit) or "数值")
        ax.grid(axis="y", alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        legend = ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0, frameon=False, fontsize=9)
        legend.set_gid(f"pkg-legend-{k}")
    low, high = axes[0].get_ylim()  # shared by every panel, now that everything is drawn
    for ax, regions in zip(axes, panels, strict=True):
        labels_written = _labels(ax, data, regions, colour, factor, labels_written, LABEL_GAP * (high - low))
    axes[-1].set_xlabel("年份 year")
    axes[-1].xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    if years:
        axes[-1].set_xlim(years[0] - 0.6, years[-1] + 0.6)
    period = f" {years[0]}–{years[-1]}" if len(years) > 1 else f" {years[0]}" if years else ""
    title = f"{indicator} 目标与实际{period}"
    notes = []
    if data.left_out:
        notes.append(f"{data.left_out} 个年均/累计数未注明起止年份, 未画出 ({data.left_out} figures over an unstated span "
                     "left out)")
    if len(data.regions) > len(REGION_COLORS):
        notes.append(f"{len(data.regions)} 个地区, 颜色在不同面板间重复 (colours repeat across panels)")
    if any(r.get("region") is None for r in rows):
        notes.append("全国: 文件未注明地区的数字 (national: figures whose document names no region)")
    return title, notes, index


def _draw_series(ax: Any, s: Series, colour: str, factor: float, gid: str) -> None:
    years = sorted(s.points)
    values = [s.points[y].value / factor for y in years]
    highs = [(s.points[y].high or s.points[y].value) / factor for y in years]
    dashed = s.kind == "target"
    label = f"{s.region} {KIND_NAMES.get(s.kind, s.kind)}"
    (line,) = ax.plot(years, values, linestyle="--" if dashed else "-", marker="o" if dashed else "s",
                      color=colour, markerfacecolor="white" if dashed else colour, linewidth=2, markersize=5,
                      label=label)
    line.set_gid(gid)
    if any(h != v for h, v in zip(highs, values, strict=True)):  # ranges: a band from the low to the high end
        if len(years) > 1:
            ax.fill_between(years, values, highs, color=colour, alpha=0.18, linewidth=0)
        for y, v, h in zip(years, values, highs, strict=True):
            if h != v:
                ax.fill_between([y - 0.2, y + 0.2], [v, v], [h, h], color=colour, alpha=0.3, linewidth=0)


def _draw_span(ax: Any, s: Span, colour: str, factor: float, gid: str) -> None:
    word = SPAN_WORDS.get(s.aggregate or "", "期间")
    label = f"{s.region} {word}{KIND_NAMES.get(s.kind, s.kind)} {s.start}–{s.end}"
    low, high = s.value / factor, (s.high if s.high is not None else s.value) / factor
    (line,) = ax.plot([s.start - 0.4, s.end + 0.4], [low, low], color=colour, linewidth=6, alpha=0.35,
                      solid_capstyle="butt", label=label)
    line.set_gid(gid)
    if high != low:
        ax.fill_between([s.start - 0.4, s.end + 0.4], [low, low], [high, high], color=colour, alpha=0.18, linewidth=0)


def _labels(ax: Any, data: Prepared, regions: list[str], colour: dict[str, str], factor: float, start: int,
            gap: float) -> int:
    """Value labels where they do not crowd: a point gets one only if no other point of its year is within ``gap``."""
    points = [(p.year, p.value / factor, s.region, s.kind) for s in data.series if s.region in regions
              for p in s.points.values()]
    if not points or len(points) > 30:
        return start
    n = start
    for year, value, region, kind in points:
        crowded = any(y == year and abs(v - value) < gap and (g, k) != (region, kind) for y, v, g, k in points)
        if crowded:
            continue
        text = ax.annotate(number(value), (year, value), textcoords="offset points", xytext=(0, 7), ha="center",
                           fontsize=8, color=colour[region])
        text.set_gid(f"pkg-label-{n}")
        n += 1
    return n
