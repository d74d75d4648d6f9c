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
from policykg.api.docpage import tasks_in_order
from policykg.api.models import Entity
from policykg.api.seriessvg import series_chart
from policykg.ontology.terms import Label
from policykg.ontology.titles import display_of
from policykg.ontology.vocab import KIND_OF_LABEL, LABEL_OF_KIND
from policykg.queries.entities import indicator_series, list_entities
from policykg.queries.runner import run_named
from policykg.viz.style import NATIONAL

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]

KIND_NAMES: dict[Label, str] = {
    Label.DOCUMENT: "文件 Document", Label.SECTION: "章节 Section", Label.TASK: "工作任务 Task", Label.UNIT: "单位 Unit",
    Label.PERSON: "责任人 Person", Label.INDICATOR: "指标 Indicator", Label.TARGET: "目标值 Target",
    Label.REGION: "行政区域 Region",
}
#: The kinds the search box looks in, in the order results are shown.
SEARCHED: tuple[Label, ...] = (Label.UNIT, Label.PERSON, Label.INDICATOR, Label.DOCUMENT, Label.TASK)
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
h3.section{font-size:1.05rem;margin:1rem 0 .3rem}ol.tasks{padding-left:1.6rem}.number{color:#8b1a1a;font-weight:bold}
.chart{display:flex;gap:1rem;align-items:flex-start;flex-wrap:wrap}ul.legend{list-style:none;padding:0;font-size:.85rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle;border-radius:2px}
.year,.region{font-weight:bold}.error{color:#a33}table.results{border-collapse:collapse;font-size:.9rem}
table.results td,table.results th{border:1px solid #ddd;padding:.15rem .5rem;vertical-align:top}
textarea{font-family:monospace;font-size:.9rem;width:100%}pre.graph{white-space:pre-wrap;font-size:.85rem}
"""


def _search_form(q: str = "") -> str:
    return ('<form class="search" action="/search" method="get" role="search">'
            f'<input type="search" name="q" value="{escape(q)}" placeholder="搜索 单位、人员、指标、文件、任务" aria-label="搜索 search">'
            '<button type="submit">搜索</button></form>')


def page(title: str, body: str, q: str = "") -> str:
    return ("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{escape(title)} · policykg</title><style>{STYLE}</style></head><body>"
            f"<header><a href=\"/\">政策知识图谱 policykg</a>{_search_form(q)}"
            "<a href=\"/docs\">API</a><a href=\"/sparql/form\">SPARQL</a>"
            f"</header><main>{body}</main></body></html>")


def iri_path(label: Label, node_id: str) -> str:
    return f"/id/{KIND_OF_LABEL[label]}/{quote(node_id, safe='')}"


@router.get("/", response_class=HTMLResponse, tags=["site"], operation_id="home", include_in_schema=True)
def home(ctx: Ctx) -> HTMLResponse:
    """The site's home page: a search box and the loaded documents."""
    docs = list_entities(ctx.kg.store, Label.DOCUMENT, limit=50)
    items = "".join(
        f'<li><a href="{iri_path(Label.DOCUMENT, d["id"])}">{escape(display_of(d) if d.get("title") else d["id"])}</a> '
        f'<span class="kind">{escape(str(d.get("year") or ""))} {escape(str(d.get("issuer") or ""))}</span></li>'
        for d in docs.items)
    body = (f"<h1>政策知识图谱</h1><p>{docs.total} 份文件 documents. 搜索单位、人员、指标、文件或任务；"
            "每个实体都有自己的页面和链接。</p>" + _search_form() + f"<h2>文件 Documents</h2><ul>{items}</ul>")
    return HTMLResponse(page("政策知识图谱", body))


@router.get("/search", response_class=HTMLResponse, tags=["site"], operation_id="search")
def search(ctx: Ctx, q: Annotated[str, Query(max_length=200, description="what to look for")] = "") -> HTMLResponse:
    """Search units, people, indicators, documents (title, issuer) and tasks (title, text) by a part of them."""
    text = q.strip()
    parts = [f"<h1>搜索 “{escape(text)}”</h1>"]
    found = 0
    if text:
        for label in SEARCHED:
            hits = list_entities(ctx.kg.store, label, q=text, limit=50)
            if not hits.items:
                continue
            found += hits.total
            docs_of = _documents(ctx, hits.items) if label == Label.TASK else {}
            lis = "".join(
                f'<li><a href="{iri_path(label, h["id"])}">{escape(_hit_name(label, h))}</a>'
                f'{_context(label, h, docs_of)}</li>' for h in hits.items)
            parts.append(f"<h2>{KIND_NAMES[label]} ({hits.total})</h2><ul class=\"results\">{lis}</ul>")
    if not found:
        parts.append("<p>没有找到 nothing found.</p>" if text else "<p>请输入要搜索的词 type a word to search.</p>")
    return HTMLResponse(page(f"搜索 {text}", "".join(parts), text))


def _hit_name(label: Label, hit: dict[str, Any]) -> str:
    if label == Label.DOCUMENT and hit.get("title"):
        return display_of(hit)
    return str(hit.get("name") or hit["id"])


def _documents(ctx: ApiContext, tasks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The documents of these tasks, by id: what a task hit names as its context."""
    ids = sorted({str(t["doc"]) for t in tasks if t.get("doc")})
    if not ids:
        return {}
    return {str(r["id"]): dict(r["properties"] or {}) for r in run_named(ctx.kg.store, "graph-nodes", {"ids": ids})}


def _context(label: Label, hit: dict[str, Any], documents: dict[str, dict[str, Any]] | None = None) -> str:
    if label == Label.DOCUMENT:
        return f' <span class="kind">{escape(str(hit.get("year") or ""))} {escape(str(hit.get("issuer") or ""))}</span>'
    if label == Label.UNIT and hit.get("level"):
        return f' <span class="kind">{escape(str(hit["level"]))}</span>'
    if label == Label.TASK:
        doc = (documents or {}).get(str(hit.get("doc")))
        where = display_of(doc) if doc else ""
        return f' <span class="kind">{escape(str(hit.get("year") or ""))} {escape(where)}</span>'
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


#: Link lists a page shows in a form of its own instead (a document's tasks in order, an indicator's figures).
OWN_FORM: dict[Label, frozenset[str]] = {Label.DOCUMENT: frozenset({"has_task", "has_section"}),
                                         Label.INDICATOR: frozenset({"measured_by"})}


def entity_page(ctx: ApiContext, label: Label, entity: Entity) -> str:
    data = entity.model_dump(exclude_none=True)
    rows = "".join(f"<tr><td>{escape(FIELD_NAMES.get(k, k))}</td><td>{_value(v)}</td></tr>"
                   for k, v in data.items() if k not in SKIPPED_FIELDS and v not in ("", [], None))
    path = iri_path(label, entity.id)
    formats = "".join(f'<a href="{path}?format={f}">{n}</a>'
                      for f, n in (("jsonld", "JSON-LD"), ("ttl", "Turtle"), ("nt", "N-Triples"), ("json", "JSON")))
    name = entity.name or entity.id
    own = ""
    if label == Label.DOCUMENT:
        name = display_of(data) if data.get("title") else name
        own = tasks_in_order(ctx.kg.store, entity.id, iri_path)
    elif label == Label.INDICATOR:
        own = _figures(ctx, entity.id)
    links = Entity.model_validate({**data, "links": {k: v for k, v in data.get("links", {}).items()
                                                     if k not in OWN_FORM.get(label, frozenset())}})
    body = (f'<p class="kind">{KIND_NAMES[label]}</p><h1>{escape(name)}</h1>'
            f'<p class="formats">IRI <code>{escape(entity.iri)}</code><br>{formats}</p>'
            f'<table class="props">{rows}</table>{own}{_links(links)}')
    return page(name, body)


def _figures(ctx: ApiContext, indicator_id: str) -> str:
    """The indicator's chart (a line per region) and its figures, each with its year, region and document."""
    points = indicator_series(ctx.kg.store, indicator_id)
    if not points:
        return ""
    chart = series_chart([dict(p) for p in points])
    points.sort(key=lambda p: (p.get("year") or 0, p.get("region") or "", p.get("kind") or ""))
    items = []
    for p in points:
        doc = {"title": p.get("document_title"), "year": p.get("document_year"), "issuer": p.get("document_issuer"),
               "region": p.get("document_region")}
        kind = "目标" if p.get("kind") == "target" else "实际" if p.get("kind") == "actual" else str(p.get("kind") or "")
        items.append(f'<li data-year="{escape(str(p.get("year") or ""))}"><span class="year">{escape(str(p.get("year") or "年份不详"))}</span> '
                     f'<span class="region">{escape(str(p.get("region") or NATIONAL))}</span> {kind} '
                     f'<a href="{iri_path(Label.TARGET, str(p["id"]))}">{escape(str(p.get("raw") or p["id"]))}</a>'
                     f' <span class="kind">{escape(display_of(doc) if doc["title"] else "")}</span></li>')
    return (f"<h2>目标值与实际值 targets and actuals</h2>{chart}"
            f'<section class="links" data-rel="figures"><h2>数字 figures ({len(points)})</h2>'
            f'<ul class="figures">{"".join(items)}</ul></section>')
