"""An indicator's targets and actuals as an inline SVG chart: one line per region, with axes that read.

The site's pages have no script and fetch nothing, so the chart is SVG written here. On
real data one indicator holds figures for a dozen regions over twenty years, which the
first chart drew as one line through every region with year labels printed over each
other (issue 20). Here: a line per region and kind (targets dashed, actuals solid), one
colour per region (``viz.style.REGION_COLORS``), a y axis with ticks and its unit, year
labels thinned to fit, a range (4.5%-5%) as a band, a figure over a span (年均, 累计)
as a bar over its years, and the legend beside the plot, not on it.
"""

from __future__ import annotations

import math
from collections import Counter
from html import escape
from typing import Any

from policykg.viz.style import NATIONAL, REGION_COLORS

Row = dict[str, Any]
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36
#: Room one year label needs on the x axis, in pixels (four digits at 11 px, and a gap).
YEAR_LABEL_PX = 36


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 times a power of ten."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _label(value: float) -> str:
    return f"{value:g}"


def series_chart(points: list[Row]) -> str:
    """The SVG and its legend; an empty string when no point has a year and a number."""
    usable = [p for p in points if isinstance(p.get("value"), int | float) and isinstance(p.get("year"), int)]
    if not usable:
        return ""
    unit = Counter(p.get("unit") for p in usable).most_common(1)[0][0]
    usable = [p for p in usable if p.get("unit") == unit]
    for p in usable:
        p["_region"] = str(p.get("region") or NATIONAL)
    regions = sorted({p["_region"] for p in usable}, key=lambda g: (g != NATIONAL, g))
    colour = {g: REGION_COLORS[k % len(REGION_COLORS)] for k, g in enumerate(regions)}
    years = sorted({p["year"] for p in usable} | {int(p[k]) for p in usable for k in ("period_from", "period_to")
                                                   if isinstance(p.get(k), int)})
    values = [float(p["value"]) for p in usable] + [float(p["value_high"]) for p in usable
                                                    if isinstance(p.get("value_high"), int | float)]
    ticks = nice_ticks(min(0.0, min(values)), max(values))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(year: float) -> float:
        span = (years[-1] - years[0]) or 1
        return LEFT + plot_w * (0.5 if len(years) == 1 else (year - years[0]) / span)

    def y(value: float) -> float:
        return TOP + plot_h - plot_h * (value - low) / ((high - low) or 1.0)

    marks: list[str] = []
    for region in regions:
        for kind in ("target", "actual"):
            mine = [p for p in usable if p["_region"] == region and p.get("kind") == kind]
            spans = [p for p in mine if p.get("aggregate") or (p.get("period_from") and p.get("period_to")
                                                               and p.get("period_from") != p.get("period_to"))]
            pts: dict[int, Row] = {p["year"]: p for p in mine if p not in spans}  # the last statement of a year wins
            c = colour[region]
            attrs = f'data-region="{escape(region)}" data-kind="{kind}"'
            for p in pts.values():
                if isinstance(p.get("value_high"), int | float) and p["value_high"] != p["value"]:
                    marks.append(f'<rect class="band" {attrs} x="{x(p["year"]) - 5:.1f}" y="{y(float(p["value_high"])):.1f}" '
                                 f'width="10" height="{y(float(p["value"])) - y(float(p["value_high"])):.1f}" '
                                 f'fill="{c}" fill-opacity="0.3"/>')
            ordered = sorted(pts)
            if len(ordered) > 1:
                dash = ' stroke-dasharray="5 3"' if kind == "target" else ""
                marks.append(f'<polyline class="line" {attrs} fill="none" stroke="{c}" stroke-width="1.6"{dash} points="'
                             + " ".join(f"{x(a):.1f},{y(float(pts[a]['value'])):.1f}" for a in ordered) + '"/>')
            for a in ordered:
                p = pts[a]
                fill = "#fff" if kind == "target" else c
                marks.append(f'<circle class="point" {attrs} cx="{x(a):.1f}" cy="{y(float(p["value"])):.1f}" r="3.5" '
                             f'fill="{fill}" stroke="{c}" stroke-width="1.5"><title>{a} {escape(region)} '
                             f'{"目标" if kind == "target" else "实际"} {_label(float(p["value"]))}{escape(str(unit or ""))}'
                             "</title></circle>")
            for p in spans:
                start, end = p.get("period_from") or p["year"], p.get("period_to") or p["year"]
                marks.append(f'<line class="span" {attrs} x1="{x(start):.1f}" x2="{x(end):.1f}" y1="{y(float(p["value"])):.1f}" '
                             f'y2="{y(float(p["value"])):.1f}" stroke="{c}" stroke-width="6" stroke-opacity="0.35">'
                             f"<title>{start}–{end} {escape(region)} {_label(float(p['value']))}{escape(str(unit or ''))}</title></line>")
    shown_years: list[int] = []
    for yr in years:  # a year is labelled when its label clears the last one written
        if not shown_years or x(yr) - x(shown_years[-1]) >= YEAR_LABEL_PX:
            shown_years.append(yr)
    x_axis = "".join(f'<text class="year" x="{x(yr):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{yr}</text>'
                     for yr in shown_years)
    y_axis = "".join(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#e4e4e4"/>'
                     f'<text class="tick" x="{LEFT - 6}" y="{y(t) + 4:.1f}" text-anchor="end">{_label(t)}</text>'
                     for t in ticks)
    svg = (f'<svg class="series" role="img" aria-label="目标值与实际值 series" width="{WIDTH}" height="{HEIGHT}" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">{y_axis}'
           f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" stroke="#999"/>'
           f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" stroke="#999"/>'
           f'<text class="unit" x="{LEFT - 6}" y="{TOP - 4}" text-anchor="end">{escape(str(unit or ""))}</text>'
           f"{x_axis}{''.join(marks)}</svg>")
    legend = "".join(f'<li data-region="{escape(g)}"><span class="swatch" style="background:{colour[g]}"></span>{escape(g)}</li>'
                     for g in regions)
    return (f'<div class="chart">{svg}<ul class="legend">{legend}'
            '<li class="style">- - 目标 target　— 实际 actual　▮ 区间 range</li></ul></div>')
