"""Charts of targets and units (``policykg chart NAME``): rows of a named query in, a PNG, SVG or HTML page out.

Each chart is a named query plus a drawing function over its rows; drawing
never touches the store. Text is drawn with a CJK font (``fonts.cjk_font``) and
a missing glyph is an error, never a box. HTML charts are self-contained: the
SVG inline (glyphs as paths, so no font is needed where the page is opened) and
the rows beside it as a table.
"""

from __future__ import annotations

import html
import io
import json
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only: no display, whatever the machine has

from matplotlib.figure import Figure  # noqa: E402  (after the backend is chosen)
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from policykg import __version__  # noqa: E402
from policykg.graph.store import GraphStore  # noqa: E402
from policykg.queries.runner import run_named  # noqa: E402
from policykg.viz.files import check_writable  # noqa: E402
from policykg.viz.fonts import CJKFont, cjk_font  # noqa: E402
from policykg.viz.style import STATUS_COLORS, STATUS_NAMES  # noqa: E402
from policykg.viz.values import reader_value  # noqa: E402

Row = dict[str, Any]
FORMATS = (".png", ".svg", ".html")
_PALETTE = ("#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac")


class ChartError(ValueError):
    """A chart was asked for wrongly (unknown name, output type); the message says what is valid."""


@dataclass
class Drawn:
    figure: Figure
    title: str
    note: str = ""
    #: The drawn series (their SVG ids, region, kind and colour), written into an HTML chart for checking.
    series: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    name: str
    query: str
    description: str
    draw: Callable[[list[Row], dict[str, Any], int], Drawn]


@dataclass
class ChartResult:
    path: Path
    rows: int
    title: str
    font: CJKFont
    note: str = ""


def _figure(width: float = 9.0, height: float = 5.0) -> Figure:
    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    fig.patch.set_facecolor("white")
    return fig


def _empty(fig: Figure, title: str, message: str) -> Drawn:
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, color="#666", transform=ax.transAxes)
    fig.suptitle(title, fontsize=15)
    return Drawn(fig, title, message)


def _main_unit(rows: list[Row], key: str = "unit") -> tuple[str | None, list[Row], str]:
    units = Counter(r.get(key) for r in rows)
    unit = units.most_common(1)[0][0] if units else None
    kept = [r for r in rows if r.get(key) == unit]
    dropped = len(rows) - len(kept)
    note = f"{dropped} 个数值单位不同, 未画出 ({dropped} figures in other units left out)" if dropped else ""
    return unit, kept, note


def draw_target_evolution(rows: list[Row], params: dict[str, Any], top: int) -> Drawn:
    """Small multiples of at most four regions, one colour per region, ranges as bands (``viz.evolution``)."""
    from policykg.viz import evolution

    indicator = str(params.get("indicator") or "")
    fig = _figure()
    rows = [r for r in rows if r.get("year") is not None and r.get("value") is not None]
    title = f"{indicator} 目标与实际 (target and actual)"
    if not rows:
        return _empty(fig, title, f"暂无数据: no targets or actuals for {indicator!r}")
    unit, rows, note = _main_unit(rows)
    title, notes, index = evolution.draw(fig, rows, indicator, unit)
    fig.suptitle(title, fontsize=15)
    return Drawn(fig, title, "; ".join([note, *notes] if note else notes), index)


def draw_target_vs_actual(rows: list[Row], params: dict[str, Any], top: int) -> Drawn:
    """Per indicator and year, the actual as a share of the target; bars coloured met / exceeded / missed."""
    region = str(params.get("region") or "")
    title = f"{region or '各地区'} 目标完成情况 (target vs actual)"
    rows = [r for r in rows if r.get("target") is not None]
    # figures with an actual first (they answer the question), then the newest years
    rows.sort(key=lambda r: (r.get("actual") is None, -(r.get("year") or 0), r.get("indicator") or ""))
    rows = rows[:top]
    fig = _figure(10.0, max(3.0, 0.42 * len(rows) + 1.6))
    if not rows:
        return _empty(fig, title, f"暂无数据: no targets{' for ' + region if region else ''}")
    several_regions = len({r.get("region") for r in rows}) > 1
    labels = [f"{r['indicator']} {r.get('year') or ''}" + (f" {r.get('region')}" if several_regions else "") for r in rows]
    shares = [100.0 * float(r["ratio"]) if r.get("ratio") is not None else 0.0 for r in rows]
    ax = fig.add_subplot()
    positions = list(range(len(rows)))[::-1]
    ax.barh(positions, shares, color=[STATUS_COLORS.get(r["status"], "#999") for r in rows], height=0.6)
    ax.axvline(100, color="#333", linewidth=1, linestyle=":")
    for y, share, r in zip(positions, shares, rows, strict=True):
        actual = reader_value(r.get("actual"), r.get("unit")) if r.get("actual") is not None else "—"
        text = f"{actual} / {reader_value(r['target'], r.get('unit'))}  {STATUS_NAMES.get(r['status'], r['status'])}"
        ax.text(max(share, 0) + 2, y, text, va="center", fontsize=8)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.set_xlabel("实际 / 目标 (%)")
    ax.set_xlim(0, max(max(shares) * 1.45, 160))
    ax.spines[["top", "right"]].set_visible(False)
    present = [s for s in STATUS_NAMES if any(r["status"] == s for r in rows)]
    ax.legend(handles=[Patch(color=STATUS_COLORS[s], label=STATUS_NAMES[s]) for s in present]
              + [Line2D([0], [0], color="#333", linestyle=":", label="目标 100%")], frameon=False, fontsize=8,
              loc="lower right")
    fig.suptitle(title, fontsize=15)
    return Drawn(fig, title)


def draw_units(rows: list[Row], params: dict[str, Any], top: int) -> Drawn:
    """The units leading the most tasks, one bar each, stacked by year."""
    title = "牵头任务最多的单位 (units leading the most tasks, by year)"
    fig = _figure(10.0, 5.5)
    if not rows:
        return _empty(fig, title, "暂无数据: no unit leads a task")
    totals: Counter[str] = Counter()
    names: dict[str, tuple[str, str | None]] = {}
    by_year: dict[str, dict[int, int]] = defaultdict(dict)
    for r in rows:
        totals[r["id"]] += int(r["tasks"])
        names[r["id"]] = (r["unit"], r.get("agency"))
        by_year[r["id"]][int(r["year"] or 0)] = int(r["tasks"])
    chosen = sorted(totals, key=lambda u: (-totals[u], names[u][0]))[:top]
    shared = Counter(names[u][0] for u in chosen)
    labels = [f"{names[u][0]} ({names[u][1]})" if shared[names[u][0]] > 1 and names[u][1] else names[u][0] for u in chosen]
    years = sorted({y for u in chosen for y in by_year[u]})
    fig.set_size_inches(10.0, max(3.0, 0.38 * len(chosen) + 1.8))
    ax = fig.add_subplot()
    positions = list(range(len(chosen)))[::-1]
    left = [0] * len(chosen)
    for k, year in enumerate(years):
        counts = [by_year[u].get(year, 0) for u in chosen]
        ax.barh(positions, counts, left=left, color=_PALETTE[k % len(_PALETTE)], height=0.65,
                label=str(year) if year else "年份不详")
        left = [a + b for a, b in zip(left, counts, strict=True)]
    for y, total in zip(positions, left, strict=True):
        ax.text(total + 0.2, y, str(total), va="center", fontsize=8)
    ax.set_yticks(positions, labels, fontsize=9)
    ax.set_xlabel("牵头任务数 tasks led")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(title="年份", frameon=False, fontsize=8)
    fig.suptitle(title, fontsize=14)
    return Drawn(fig, title)


CHARTS: dict[str, Chart] = {c.name: c for c in (
    Chart("target-evolution", "target-evolution", "an indicator's targets and actuals over the years (--param indicator=…)",
          draw_target_evolution),
    Chart("target-vs-actual", "target-vs-actual", "per indicator, actual against target (--param region=…)",
          draw_target_vs_actual),
    Chart("units", "units-leading-by-year", "the units leading the most tasks, stacked by year", draw_units),
)}


def get_chart(name: str) -> Chart:
    try:
        return CHARTS[name]
    except KeyError:
        raise ChartError(f"unknown chart {name!r}; valid: {', '.join(CHARTS)}") from None


def draw(name: str, rows: list[Row], params: dict[str, Any] | None = None, top: int = 15) -> tuple[Drawn, CJKFont]:
    """Draw a chart from rows with the CJK font; a glyph the font lacks raises instead of drawing a box."""
    font = cjk_font()
    params = params or {}
    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": [font.family, "DejaVu Sans"],
                                "axes.unicode_minus": False, "svg.fonttype": "path"}), warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph .* missing from")
        drawn = get_chart(name).draw(rows, params, top)
        drawn.figure.canvas.draw()  # lay out and render now, inside the font settings and the warning filter
    return drawn, font


def _render(drawn: Drawn, suffix: str, font: CJKFont) -> bytes:
    buffer = io.BytesIO()
    with matplotlib.rc_context({"font.family": "sans-serif", "font.sans-serif": [font.family, "DejaVu Sans"],
                                "axes.unicode_minus": False, "svg.fonttype": "path"}), warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph .* missing from")
        if suffix == ".png":
            drawn.figure.savefig(buffer, format="png", metadata={"Software": f"policykg {__version__}", "Title": drawn.title})
        else:
            drawn.figure.savefig(buffer, format="svg", metadata={"Creator": f"policykg {__version__}", "Title": drawn.title})
    return buffer.getvalue()


def _page(drawn: Drawn, svg: bytes, rows: list[Row]) -> str:
    body = svg.decode("utf-8")
    body = body[body.index("<svg"):]  # no XML declaration or DOCTYPE (its DTD URL) inside HTML
    columns = list(rows[0]) if rows else []
    table = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if r.get(c) is None else str(r.get(c)))}</td>" for c in columns) + "</tr>"
        for r in rows
    )
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    note = f'<p class="note">{html.escape(drawn.note)}</p>' if drawn.note else ""
    index = ('<script type="application/json" id="pkg-series">'
             + json.dumps(drawn.series, ensure_ascii=False).replace("</", "<\\/") + "</script>") if drawn.series else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="policykg {__version__}">
<title>{html.escape(drawn.title)}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 16px; }}
figure {{ margin: 0; }} figure svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; font-size: 13px; margin-top: 12px; }}
td, th {{ border: 1px solid #ddd; padding: 2px 6px; }} .note {{ color: #a33; }}
</style>
</head>
<body>
<figure id="chart">{body}</figure>
{note}{index}
<details><summary>数据 ({len(rows)} rows)</summary><table><thead><tr>{head}</tr></thead><tbody>{table}</tbody></table></details>
</body>
</html>
"""


def write_chart(name: str, rows: list[Row], out: Path, params: dict[str, Any] | None = None, *, top: int = 15,
                force: bool = False) -> ChartResult:
    """Draw and write by the file's suffix: .png, .svg or .html."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ChartError(f"{out}: a chart is written as {', '.join(FORMATS)}; got {suffix or 'no suffix'}")
    check_writable(out, force)
    drawn, font = draw(name, rows, params, top)
    if suffix == ".html":
        content = _page(drawn, _render(drawn, ".svg", font), rows).encode("utf-8")
    else:
        content = _render(drawn, suffix, font)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    return ChartResult(out, len(rows), drawn.title, font, drawn.note)


def chart(store: GraphStore, name: str, out: Path, params: dict[str, Any] | None = None, *, top: int = 15,
          force: bool = False) -> ChartResult:
    """Run the chart's named query with ``params`` and write the chart."""
    spec = get_chart(name)
    rows = run_named(store, spec.query, params)
    return write_chart(name, rows, out, params, top=top, force=force)
