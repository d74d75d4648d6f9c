"""A document's page on the site: its tasks in document order under their section headings.

The entity page lists a node's links sorted by name, which for a document's tasks is
text order (``,国…``, ``——…``, ``一年来``, ``七是``, ``三是``: issue 20) and tells a
reader nothing of the plan. Here the tasks come from ``document-tasks`` (what ``policykg
report`` draws, in the document's order), grouped under their sections, each with its
number, its title (or the opening of its text) and the units that lead and support it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from policykg.graph.store import GraphStore
from policykg.ontology.terms import Label
from policykg.queries.runner import run_named

Row = dict[str, Any]
#: Characters of a task's text shown when it has no title of its own.
OPENING = 80
ROLES = (("lead", "牵头"), ("support", "配合"), ("responsible_for", "责任人"))


def _name(task: Row) -> str:
    text = str(task.get("title") or task.get("text") or task.get("id"))
    text = " ".join(text.split())
    return text if len(text) <= OPENING else text[:OPENING - 1] + "…"


def _who(task: Row) -> str:
    parts = []
    for role, word in ROLES:
        names = [str(a["name"]) for a in task.get("assignments") or [] if a and a.get("role") in (role, f"{role}s")]
        if names:
            parts.append(f"{word}: {escape('、'.join(dict.fromkeys(names)))}")
    return f' <span class="kind">{"; ".join(parts)}</span>' if parts else ""


def tasks_in_order(store: GraphStore, doc_id: str, iri_path: Any) -> str:
    """The document's tasks as HTML: a heading per section, then its tasks in the document's order."""
    rows = run_named(store, "document-tasks", {"document": doc_id})
    rows.sort(key=lambda r: (r.get("order") is None, r.get("order") or 0))
    if not rows:
        return ""
    out = [f'<section class="tasks" data-rel="tasks-in-order"><h2>工作任务 tasks ({len(rows)}), 按原文顺序 in document order</h2>']
    current: object = object()
    open_list = False
    for task in rows:
        section = (task.get("section_number"), task.get("section"))
        if section != current:
            current = section
            if open_list:
                out.append("</ol>")
            heading = " ".join(str(x) for x in section if x)
            if heading:
                out.append(f'<h3 class="section">{escape(heading)}</h3>')
            out.append('<ol class="tasks">')
            open_list = True
        number = f'<span class="number">{escape(str(task["number"]))}</span> ' if task.get("number") else ""
        out.append(f'<li data-order="{escape(str(task.get("order")))}">{number}'
                   f'<a href="{iri_path(Label.TASK, str(task["id"]))}">{escape(_name(task))}</a>{_who(task)}</li>')
    out.append("</ol></section>")
    return "".join(out)
