"""One self-contained page per document (``policykg report DOCUMENT``): its outline, who does what, its targets,
and every fact linked to its sentence, highlighted in the document's text on a click.

The facts come from named queries (``document-tasks``, ``document-targets``,
``graph-nodes``); the text is the document's own normalised text, read again from
its source file when that file is still there and unchanged (its text hashes to
the document id). Otherwise the page degrades to the sentences the graph keeps
(each task's text, each heading), still with every fact clickable where its span
falls inside one of them.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg import __version__
from policykg.graph.exports.base import Node
from policykg.graph.store import GraphStore
from policykg.loaders import LoaderError
from policykg.loaders.normalize import normalise
from policykg.loaders.read import read_source
from policykg.ontology import ids
from policykg.ontology.titles import display_of
from policykg.queries.runner import run_named
from policykg.queries.subgraph import NotFound
from policykg.viz.files import write_text
from policykg.viz.style import KIND_NAMES, ROLE_NAMES
from policykg.viz.values import reader_value

Row = dict[str, Any]


@dataclass(frozen=True)
class Segment:
    """A stretch of the document's text starting at ``start`` (a character offset of the normalised text)."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class DocumentText:
    segments: list[Segment]
    complete: bool  # the whole text (one segment) or only the sentences the graph keeps
    note: str = ""

    def locate(self, span: Any) -> tuple[int, int, int] | None:
        """(segment index, start, end) in UTF-16 code units inside that segment, as JavaScript slices strings."""
        if not isinstance(span, list | tuple) or len(span) != 2 or span[1] <= span[0]:
            return None
        start, end = int(span[0]), int(span[1])
        for k, seg in enumerate(self.segments):
            if seg.start <= start and end <= seg.end:
                a, b = start - seg.start, end - seg.start
                return k, _utf16(seg.text[:a]), _utf16(seg.text[:b])
        return None


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def document_text(doc: Node, pieces: list[tuple[Any, Any]]) -> DocumentText:
    """The full normalised text when the source still hashes to the document id; else the kept sentences."""
    source = doc.properties.get("source")
    reason = "the document records no source file"
    if source:
        try:
            text = normalise(read_source(Path(str(source))).text).text
        except LoaderError as exc:
            reason = f"its source cannot be read ({exc})"
        else:
            if ids.document_id(text) == doc.id:
                return DocumentText([Segment(0, text)], True)
            reason = f"{source} has changed since it was loaded"
    kept: list[Segment] = []
    for span, evidence in sorted(((s, e) for s, e in pieces if isinstance(s, list | tuple) and e),
                                 key=lambda p: (p[0][0], -p[0][1])):
        seg = Segment(int(span[0]), str(evidence))
        if kept and seg.start < kept[-1].end:
            continue  # inside (or overlapping) a sentence already kept, such as a sub-item inside its parent task
        kept.append(seg)
    note = f"原文不可用, 只显示图中保存的句子 (the full text is not shown: {reason})"
    return DocumentText(kept, False, note)


@dataclass
class Report:
    doc: Node
    sections: list[Node]
    tasks: list[Row]
    targets: list[Row]
    text: DocumentText
    facts: int = 0
    linked: int = 0
    missing: list[str] = field(default_factory=list)


class AmbiguousDocument(NotFound):
    """Several documents answer to the words given; ``matches`` lists every one (id, title as shown, year, issuer)."""

    def __init__(self, message: str, matches: list[Row]) -> None:
        super().__init__(message)
        self.matches = matches


def resolve_document(store: GraphStore, document: str) -> str:
    """A document id from an id, an exact title that one document has, or a unique substring of a title.

    Several matches raise ``AmbiguousDocument`` with all of them, each title shown with the
    year and issuer it does not say (six documents are titled 政府工作报告).
    """
    rows = run_named(store, "document-overview", {"document": document})
    exact = [r for r in rows if r["id"] == document]
    if exact:
        return str(exact[0]["id"])
    if len(rows) == 1:
        return str(rows[0]["id"])
    if not rows:
        raise NotFound(f"no document has the id or a title containing {document!r}; see `policykg query documents`")
    titled = [r for r in rows if r["title"] == document]
    if len(titled) == 1:
        return str(titled[0]["id"])
    found = {r["id"]: dict(r["properties"] or {}) for r in run_named(store, "graph-nodes", {"ids": [r["id"] for r in rows]})}
    matches = sorted(({"id": r["id"], "title": display_of(found.get(r["id"], {"title": r["title"]})),
                       "year": found.get(r["id"], {}).get("year"), "issuer": found.get(r["id"], {}).get("issuer"),
                       "region": found.get(r["id"], {}).get("region")} for r in rows),
                     key=lambda m: (-(m["year"] or 0), m["title"], m["id"]))
    raise AmbiguousDocument(f"{len(rows)} documents match {document!r}; give one of the ids listed", matches)


def gather(store: GraphStore, document: str) -> Report:
    doc_id = resolve_document(store, document)
    (doc_row,) = run_named(store, "graph-nodes", {"ids": [doc_id]})
    doc = Node(doc_row["id"], doc_row["label"], dict(doc_row["properties"] or {}))
    sections = [Node(r["id"], r["label"], dict(r["properties"] or {}))
                for r in run_named(store, "graph-nodes", {"label": "Section", "doc": doc_id})]
    sections.sort(key=lambda s: s.properties.get("order") or 0)
    tasks = run_named(store, "document-tasks", {"document": doc_id})
    targets = run_named(store, "document-targets", {"document": doc_id})
    pieces = [(t["span"], t["evidence"]) for t in tasks] + [(s.properties.get("span"), s.properties.get("evidence"))
                                                            for s in sections]
    return Report(doc, sections, tasks, targets, document_text(doc, pieces))


def _fact(report: Report, span: Any, evidence: Any, inner: str, css: str) -> str:
    """A clickable fact: highlights ``span`` in the text; a plain chip when the span is not in the text shown."""
    report.facts += 1
    where = report.text.locate(span)
    quoted = html.escape(str(evidence or ""))
    if where is None:
        report.missing.append(str(evidence or ""))
        return f'<span class="{css} unlinked" title="原文: {quoted}">{inner}</span>'
    report.linked += 1
    seg, a, b = where
    return (f'<span class="fact {css}" role="button" tabindex="0" data-seg="{seg}" data-a="{a}" data-b="{b}" '
            f'title="原文: {quoted}">{inner}</span>')


def _target_chip(report: Report, g: Row) -> str:
    value = reader_value(g.get("value"), g.get("unit"))
    kind = KIND_NAMES.get(g.get("kind") or "", g.get("kind") or "")
    year = f" {g['year']}" if g.get("year") else ""
    inner = (f'<b>{html.escape(str(g.get("indicator") or ""))}</b> {html.escape(str(g.get("comparator") or ""))} '
             f"{html.escape(value)} <small>{html.escape(kind + year)}</small>")
    return _fact(report, g.get("span"), g.get("evidence"), inner, f"chip target {g.get('kind') or ''}")


def _task_block(report: Report, task: Row, targets: list[Row]) -> str:
    title = html.escape(" ".join(x for x in (task.get("number") or "", task.get("title") or "") if x).strip() or "(无标题)")
    head = _fact(report, task.get("span"), task.get("evidence"), title, "task-title")
    lines = []
    for role in ("leads", "supports", "responsible_for"):
        chips = [
            _fact(report, a.get("span"), a.get("evidence"), html.escape(str(a.get("name") or a.get("mention") or "")),
                  f"chip {role}")
            for a in task.get("assignments") or [] if a and a.get("role") == role
        ]
        if chips:
            lines.append(f'<div class="role"><span class="role-name">{ROLE_NAMES[role]}</span> {" ".join(chips)}</div>')
    if targets:
        lines.append('<div class="role"><span class="role-name">目标</span> '
                     + " ".join(_target_chip(report, g) for g in targets) + "</div>")
    return f'<div class="task" id="task-{html.escape(str(task["id"]))}">{head}{"".join(lines)}</div>'


def _outline(report: Report) -> str:
    by_task: dict[str, list[Row]] = {}
    loose: list[Row] = []
    for g in report.targets:
        (by_task.setdefault(str(g["task_id"]), []) if g.get("task_id") else loose).append(g)
    blocks: list[str] = []
    current: str | None = "\0"
    titles = {s.id: s for s in report.sections}
    for task in report.tasks:
        section_id = task.get("section_id")
        if section_id != current:
            current = section_id
            section = titles.get(str(section_id)) if section_id else None
            if section is not None:
                name = " ".join(str(x) for x in (section.properties.get("number") or "", section.properties.get("title") or "") if x)
                blocks.append("<h3>" + _fact(report, section.properties.get("span"), section.properties.get("evidence"),
                                             html.escape(name), "section-title") + "</h3>")
            elif task.get("section"):
                blocks.append(f"<h3>{html.escape(str(task['section']))}</h3>")
        blocks.append(_task_block(report, task, by_task.get(str(task["id"]), [])))
    if loose:
        blocks.append('<h3>文件中的目标与实际 (stated outside any task)</h3><div class="task">'
                      + " ".join(_target_chip(report, g) for g in loose) + "</div>")
    return "\n".join(blocks)


_STYLE = """
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       color: #222; }
header { padding: 10px 16px; border-bottom: 1px solid #ddd; }
header h1 { font-size: 20px; margin: 0 0 4px; }
header .meta { color: #555; font-size: 13px; }
.note { color: #a33; font-size: 13px; }
main { display: flex; height: calc(100vh - 90px); }
#outline { flex: 1 1 52%; overflow: auto; padding: 8px 16px; border-right: 1px solid #ddd; }
#text { flex: 1 1 48%; overflow: auto; padding: 8px 16px; white-space: pre-wrap; line-height: 1.7; font-size: 14px; }
#text .seg { display: block; margin-bottom: 6px; }
#text.partial .seg { border-left: 3px solid #eee; padding-left: 6px; }
h3 { font-size: 15px; margin: 14px 0 6px; }
.task { margin: 6px 0 10px; padding: 6px 8px; border: 1px solid #eee; border-radius: 4px; }
.task-title { font-weight: bold; }
.role { margin-top: 4px; font-size: 13px; }
.role-name { display: inline-block; min-width: 3.5em; color: #777; }
.chip { display: inline-block; margin: 2px 3px; padding: 0 6px; border-radius: 10px; background: #f3f3f3; }
.chip.leads { background: #fde2e2; } .chip.supports { background: #fdf0f0; } .chip.responsible_for { background: #efe4f4; }
.chip.target.target { background: #fcf3cf; } .chip.target.actual { background: #dff0d8; }
.fact { cursor: pointer; } .fact:hover, .fact.active { outline: 2px solid #4e79a7; }
.unlinked { opacity: .7; cursor: help; }
mark.hl { background: #ffe066; padding: 1px 0; }
"""

_SCRIPT = """
(function () {
  var segments = JSON.parse(document.getElementById("pkg-segments").textContent);
  var active = null;
  function highlight(fact) {
    var k = +fact.getAttribute("data-seg"), a = +fact.getAttribute("data-a"), b = +fact.getAttribute("data-b");
    document.querySelectorAll("#text .seg").forEach(function (el, i) { el.textContent = segments[i]; });
    var el = document.getElementById("seg-" + k), t = segments[k];
    var mark = document.createElement("mark");
    mark.className = "hl";
    mark.textContent = t.slice(a, b);
    el.textContent = "";
    el.append(t.slice(0, a), mark, t.slice(b));
    mark.scrollIntoView({block: "center"});
    if (active) { active.classList.remove("active"); }
    active = fact;
    fact.classList.add("active");
  }
  document.querySelectorAll(".fact").forEach(function (fact) {
    fact.addEventListener("click", function () { highlight(fact); });
    fact.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { highlight(fact); } });
  });
})();
"""


def report_page(report: Report) -> str:
    doc = report.doc.properties
    outline = _outline(report)
    text = report.text
    segments = "\n".join(f'<span class="seg" id="seg-{k}">{html.escape(seg.text)}</span>' for k, seg in enumerate(text.segments))
    segments_json = json.dumps([s.text for s in text.segments], ensure_ascii=False).replace("</", "<\\/")
    meta = " · ".join(html.escape(str(doc[k])) for k in ("issuer", "region", "date", "kind", "doc_no") if doc.get(k))
    counts = (f"{len(report.sections)} 章节, {len(report.tasks)} 任务, {len(report.targets)} 目标/实际, "
              f"{report.linked}/{report.facts} 条可在原文中定位")
    notes = [text.note] if text.note else []
    if report.missing:
        notes.append(f"{len(report.missing)} 条事实的原文不在显示的文字中 (facts whose sentence is not in the text shown)")
    note = "".join(f'<div class="note">{html.escape(n)}</div>' for n in notes)
    title = display_of(doc) if doc.get("title") else report.doc.id
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="policykg {__version__}">
<title>{html.escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<header><h1>{html.escape(title)}</h1><div class="meta">{meta} · {html.escape(report.doc.id)}</div>
<div class="meta">{counts}; 点击事实, 右侧高亮其原文 (click a fact to highlight its sentence)</div>{note}</header>
<main>
<section id="outline">{outline}</section>
<section id="text" class="{'complete' if text.complete else 'partial'}">{segments}</section>
</main>
<script type="application/json" id="pkg-segments">{segments_json}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def write_report(store: GraphStore, document: str, out: Path, *, force: bool = False) -> tuple[Path, Report]:
    report = gather(store, document)
    page = report_page(report)
    return write_text(out, page, force), report
