"""Store rows -> API items and entities: ids, names, IRIs, hrefs and named link lists.

The store's bookkeeping (``docs``, the list of documents that contributed a shared
node) stays out; a document's ``source`` is shown as its file name (``ontology.sources``);
every other stored property is passed through unchanged.
"""

from __future__ import annotations

from typing import Any

from policykg.ontology.iris import Iris
from policykg.ontology.sources import public_source
from policykg.ontology.terms import Label, Rel
from policykg.ontology.vocab import KIND_OF_LABEL

Row = dict[str, Any]
HIDDEN = frozenset({"docs"})

#: REST collection path of each label; labels without one are reached by their IRI path.
COLLECTIONS: dict[Label, str] = {
    Label.DOCUMENT: "documents", Label.TASK: "tasks", Label.UNIT: "units", Label.PERSON: "people",
    Label.INDICATOR: "indicators", Label.REGION: "regions",
}
#: The name of a relationship seen from its end node.
INVERSE: dict[Rel, str] = {
    Rel.ISSUED_BY: "issued", Rel.ABOUT: "subject_of", Rel.HAS_SECTION: "section_of", Rel.HAS_TASK: "task_of",
    Rel.PART_OF: "parts", Rel.LEADS: "led_by", Rel.SUPPORTS: "supported_by", Rel.RESPONSIBLE_FOR: "responsible",
    Rel.MEMBER_OF: "members", Rel.IN: "units", Rel.HAS_TARGET: "target_of", Rel.MEASURES: "measured_by",
    Rel.FOR: "targets", Rel.CONTINUES: "continued_by",
}


def href(label: Label, node_id: str) -> str:
    from urllib.parse import quote

    collection = COLLECTIONS.get(label)
    if collection:
        return f"/{collection}/{quote(node_id, safe='')}"
    return f"/id/{KIND_OF_LABEL[label]}/{quote(node_id, safe='')}"


def item(iris: Iris, label: Label, props: Row, name: Any = None) -> Row:
    out = {k: v for k, v in props.items() if k not in HIDDEN}
    if "source" in out:
        out["source"] = public_source(out["source"])  # the file's name, never the server's path
    out.update(id=str(props["id"]), type=KIND_OF_LABEL[label], iri=str(iris.entity(label, props["id"])),
               href=href(label, props["id"]))
    if name is not None:
        out["name"] = str(name)
    elif "name" in out and out["name"] is not None:
        out["name"] = str(out["name"])
    return out


def _link(iris: Iris, link: Row) -> Row | None:
    try:
        label = Label(link["label"])
    except ValueError:
        return None
    if not link.get("id"):
        return None
    props = link.get("props") or {}
    out: Row = {"id": str(link["id"]), "type": KIND_OF_LABEL[label], "iri": str(iris.entity(label, link["id"])),
                "href": href(label, link["id"]), "name": None if link.get("name") is None else str(link["name"])}
    for key in ("mention", "evidence"):
        if isinstance(props.get(key), str):
            out[key] = props[key]
    if isinstance(props.get("score"), int | float):
        out["score"] = float(props["score"])
    return out


def entity(iris: Iris, label: Label, found: Row) -> Row:
    """An entity with ``links``: outgoing ones under the relationship's name, incoming under its inverse."""
    out = item(iris, label, found["props"], found.get("name"))
    links: dict[str, list[Row]] = {}
    for direction in ("outgoing", "incoming"):
        for link in found.get(direction) or []:
            try:
                rel = Rel(link["type"])
            except ValueError:
                continue
            shaped = _link(iris, link)
            if shaped is not None:
                key = rel.value.lower() if direction == "outgoing" else INVERSE[rel]
                links.setdefault(key, []).append(shaped)
    for values in links.values():
        values.sort(key=lambda x: (x["type"], x["name"] or "", x["id"]))
    out["links"] = links
    return out
