"""The browsable site: a home page with a search box, search results, and a page per entity.

Pages are plain server-rendered HTML with the stylesheet inline and a chart drawn as
inline SVG: no script, no CDN, nothing fetched from elsewhere, so a page works offline
and in any browser. Headings are Chinese first, English beside them.
"""

from __future__ import annotations

from html import escape
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from policykg.api.context import ApiContext, get_context
from policykg.api.models import Entity
from policykg.ontology.terms import Label
from policykg.ontology.vocab import KIND_OF_LABEL, LABEL_OF_KIND
from policykg.queries.entities import indicator_series, list_entities

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]

KIND_NAMES: dict[Label, str] = {
    Label.DOCUMENT: "文件 Document", Label.SECTION: "章节 Section", Label.TASK: "工作任务 Task", Label.UNIT: "单位 Unit",
    Label.PERSON: "责任人 Person", Label.INDICATOR: "指标 Indicator", Label.TARGET: "目标值 Target",
    Label.REGION: "行政区域 Region",
}
#: The kinds the search box looks in, in the order results are shown.
SEARCHED: tuple[Label, ...] = (Label.UNIT, Label.PERSON, Label.INDICATOR, Label.DOCUMENT)
LINK_NAMES: dict[str, str] = {
    "issued_by": "发布机构 issued by", "issued": "发布的文件 issued", "about": "所属区域 about",
    "subject_of": "相关文件 documents about it", "has_section": "章节 sections", "section_of": "所属文件 in document",
    "has_task": "工作任务 tasks", "task_of": "所属 part of", "part_of": "隶属 part of", "parts": "下属 parts",
    "leads": "牵头任务 leads", "led_by": "牵头单位 led by", "supports": "配合任务 supports",
    "supported_by": "配合单位 supported by", "responsible_for": "负责任务 responsible for",
    "responsible": "责任人 responsible", "member_of": "任职于 member of", "members": "人员 members",
    "in": "位于 in", "units": "单位 units", "has_target": "目标 targets", "target_of": "所属任务 target of",
    "measures": "指标 indicator", "measured_by": "目标与实际 targets and actuals", "for": "适用区域 for",
    "targets": "目标 targets", "continues": "延续 continues", "continued_by": "后续 continued by",
}
FIELD_NAMES: dict[str, str] = {
    "title": "标题", "issuer": "发布机构", "region": "区域", "year": "年份", "date": "日期", "kind": "类别",
    "doc_no": "文号", "index_no": "索引号", "number": "序号", "text": "内容", "level": "层级", "aliases": "别名",
    "measure": "度量", "unit": "单位", "value": "数值", "comparator": "比较", "raw": "原文", "evidence": "依据原文",
    "as_of": "截至", "indicator": "指标", "code": "代码", "section": "章节", "source": "来源",
}
SKIPPED_FIELDS = frozenset({"id", "type", "iri", "href", "links", "name", "docs", "span", "doc", "fields",
                            "sha256", "media", "order", "indicator_id", "series", "collective", "catalogued", "scope"})
STYLE = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1b1b1b;
background:#fafafa;line-height:1.6}
header{background:#8b1a1a;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none;font-weight:bold}
main{max-width:60rem;margin:1rem auto;padding:0 1rem}
form.search input[type=search]{font-size:1rem;padding:.3rem .5rem;width:18rem}
form.search button{font-size:1rem;padding:.3rem .8rem}
h1{font-size:1.4rem;margin:.6rem 0}.kind{color:#666;font-size:.9rem}
table.props{border-collapse:collapse}table.props td{border-bottom:1px solid #ddd;padding:.2rem .6rem;vertical-align:top}
section.links{margin-top:1.2rem}ul{padding-left:1.2rem}li{margin:.25rem 0}
.evidence{display:block;color:#555;font-size:.88rem;border-left:3px solid #c9a;padding-left:.5rem}
.formats a{margin-right:.8rem;font-size:.9rem}svg text{font-size:11px}
"""


def _search_form(q: str = "") -> str:
    return ('<form class="search" action="/search" method="get" role="search">'
            f'<input type="search" name="q" value="{escape(q)}" placeholder="搜索 单位、人员、指标、文件" aria-label="搜索 search">'
            '<button type="submit">搜索</button></form>')


def page(title: str, body: str, q: str = "") -> str:
    return ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)} · policykg</title><style>{STYLE}</style></head><body>"
            f"<header><a href=\"/\">政策知识图谱 policykg</a>{_search_form(q)}"
            "<a href=\"/docs\">API</a><a href=\"/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%2010\">SPARQL</a>"
            f"</header><main>{body}</main></body></html>")


def iri_path(label: Label, node_id: str) -> str:
    return f"/id/{KIND_OF_LABEL[label]}/{quote(node_id, safe='')}"


@router.get("/", response_class=HTMLResponse, tags=["site"], operation_id="home", include_in_schema=True)
def home(ctx: Ctx) -> HTMLResponse:
    """The site's home page: a search box and the loaded documents."""
    docs = list_entities(ctx.kg.store, Label.DOCUMENT, limit=50)
    items = "".join(
        f'<li><a href="{iri_path(Label.DOCUMENT, d["id"])}">{escape(str(d.get("name") or d["id"]))}</a> '
        f'<span class="kind">{escape(str(d.get("year") or ""))} {escape(str(d.get("issuer") or ""))}</span></li>'
        for d in docs.items)
    body = (f"<h1>政策知识图谱</h1><p>{docs.total} 份文件 documents. 搜索单位、人员、指标或文件；"
            "每个实体都有自己的页面和链接。</p>" + _search_form() + f"<h2>文件 Documents</h2><ul>{items}</ul>")
    return HTMLResponse(page("政策知识图谱", body))


@router.get("/search", response_class=HTMLResponse, tags=["site"], operation_id="search")
def search(ctx: Ctx, q: Annotated[str, Query(max_length=200, description="what to look for")] = "") -> HTMLResponse:
    """Search documents, units, people and indicators by a part of their name (an HTML page)."""
    text = q.strip()
    parts = [f"<h1>搜索 “{escape(text)}”</h1>"]
    found = 0
    if text:
        for label in SEARCHED:
            hits = list_entities(ctx.kg.store, label, q=text, limit=50)
            if not hits.items:
                continue
            found += hits.total
            lis = "".join(
                f'<li><a href="{iri_path(label, h["id"])}">{escape(str(h.get("name") or h["id"]))}</a>'
                f'{_context(label, h)}</li>' for h in hits.items)
            parts.append(f"<h2>{KIND_NAMES[label]} ({hits.total})</h2><ul class=\"results\">{lis}</ul>")
    if not found:
        parts.append("<p>没有找到 nothing found.</p>" if text else "<p>请输入要搜索的词 type a word to search.</p>")
    return HTMLResponse(page(f"搜索 {text}", "".join(parts), text))


def _context(label: Label, hit: dict[str, Any]) -> str:
    if label == Label.DOCUMENT:
        return f' <span class="kind">{escape(str(hit.get("year") or ""))}</span>'
    if label == Label.UNIT and hit.get("level"):
        return f' <span class="kind">{escape(str(hit["level"]))}</span>'
    return ""


def _value(value: Any) -> str:
    if isinstance(value, list):
        return escape("、".join(map(str, value)))
    if isinstance(value, float) and value.is_integer():
        return escape(f"{int(value):,}")
    return escape(str(value))


def _links(entity: Entity) -> str:
    out = []
    for key, links in entity.links.items():
        lis = []
        for link in links:
            label = LABEL_OF_KIND[link.type]
            evidence = f'<span class="evidence">{escape(link.evidence)}</span>' if link.evidence else ""
            lis.append(f'<li><a href="{iri_path(label, link.id)}">{escape(link.name or link.id)}</a>{evidence}</li>')
        out.append(f'<section class="links" data-rel="{escape(key)}"><h2>{escape(LINK_NAMES.get(key, key))} '
                   f"({len(links)})</h2><ul>{''.join(lis)}</ul></section>")
    return "".join(out)


def series_chart(points: list[dict[str, Any]]) -> str:
    """Targets and actuals by year as a small SVG scatter-and-line chart (one unit: the most common)."""
    usable = [p for p in points if isinstance(p.get("value"), int | float) and isinstance(p.get("year"), int)]
    if not usable:
        return ""
    units = [p.get("unit") for p in usable]
    unit = max(set(units), key=units.count)
    usable = [p for p in usable if p.get("unit") == unit]
    years = sorted({p["year"] for p in usable})
    values = [float(p["value"]) for p in usable]
    low, high = min(0.0, min(values)), max(values) or 1.0
    width, height, pad = 560, 220, 44

    def x(year: int) -> float:
        return pad + (width - 2 * pad) * (0.5 if len(years) == 1 else (year - years[0]) / (years[-1] - years[0]))

    def y(value: float) -> float:
        return height - pad - (height - 2 * pad) * (value - low) / ((high - low) or 1.0)

    marks = []
    for kind, colour in (("target", "#1f5fa8"), ("actual", "#c0392b")):
        pts = sorted((p["year"], float(p["value"])) for p in usable if p.get("kind") == kind)
        if len(pts) > 1:
            marks.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="'
                         + " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in pts) + '"/>')
        marks += [f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="4" fill="{colour}"><title>{a} {kind} {b:g} {escape(str(unit))}</title></circle>'
                  for a, b in pts]
    axis = "".join(f'<text x="{x(yr):.1f}" y="{height - pad + 16}" text-anchor="middle">{yr}</text>' for yr in years)
    legend = (f'<text x="{pad}" y="16" fill="#1f5fa8">● 目标 target</text>'
              f'<text x="{pad + 110}" y="16" fill="#c0392b">● 实际 actual</text>'
              f'<text x="{width - pad}" y="16" text-anchor="end">{escape(str(unit))}, max {high:g}</text>')
    return (f'<svg class="series" role="img" aria-label="目标值与实际值 series" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
            f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#999"/>'
            f"{axis}{legend}{''.join(marks)}</svg>")


def entity_page(ctx: ApiContext, label: Label, entity: Entity) -> str:
    data = entity.model_dump(exclude_none=True)
    rows = "".join(f"<tr><td>{escape(FIELD_NAMES.get(k, k))}</td><td>{_value(v)}</td></tr>"
                   for k, v in data.items() if k not in SKIPPED_FIELDS and v not in ("", [], None))
    path = iri_path(label, entity.id)
    formats = "".join(f'<a href="{path}?format={f}">{n}</a>'
                      for f, n in (("jsonld", "JSON-LD"), ("ttl", "Turtle"), ("nt", "N-Triples"), ("json", "JSON")))
    chart = ""
    if label == Label.INDICATOR:
        points = indicator_series(ctx.kg.store, entity.id)
        svg = series_chart(points)
        if svg:
            chart = f"<h2>目标值与实际值 targets and actuals</h2>{svg}"
    body = (f'<p class="kind">{KIND_NAMES[label]}</p><h1>{escape(entity.name or entity.id)}</h1>'
            f'<p class="formats">IRI <code>{escape(entity.iri)}</code><br>{formats}</p>'
            f'<table class="props">{rows}</table>{chart}{_links(entity)}')
    return page(entity.name or entity.id, body)
