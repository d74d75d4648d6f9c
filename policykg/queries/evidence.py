"""The whole sentence behind a fact, with the fact marked: what ``policykg evidence`` shows.

The ``evidence`` query returns each fact's span and its quoted text, which for a
target is only the figure ("305家"). An analyst checking it needs the sentence it
stands in and where: the sentence is cut from the text of the task that holds the
fact (the graph keeps each task's text), or, for a figure stated outside any task,
from the document re-read from its source file when that file is still there and
still the same document. The fact is marked 【like this】 inside it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from policykg.graph.store import GraphStore

EVIDENCE_COLUMNS = ("kind", "subject", "mention", "document", "year", "span", "sentence")
MARK_OPEN, MARK_CLOSE = "【", "】"
#: Where a sentence ends: Chinese and Western stops, semicolons, line ends and table cell borders.
_END = re.compile(r"[。；;！？!?\n|]")
MAX_SIDE = 120  # characters kept either side of the mark in a very long sentence

_CONTEXT = """
OPTIONAL MATCH (t:Task {id: $id})
OPTIONAL MATCH (g:Target {id: $id})
OPTIONAL MATCH (owner:Task)-[:HAS_TARGET]->(g)
WITH coalesce(t, owner) AS task, coalesce(t.doc, g.doc) AS doc
OPTIONAL MATCH (d:Document {id: doc})
RETURN task.text AS text, task.span AS span, doc, d.source AS source
"""


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` holding ``[start, end)``, the span marked unless it is the whole sentence."""
    start, end = max(0, start), min(len(text), max(start, end))
    left = start
    while left > 0 and not _END.match(text[left - 1]):
        left -= 1
    if end > start and _END.match(text[end - 1]):
        right = end  # the span closes its own sentence
    else:
        stop = _END.search(text, end)
        right = len(text) if stop is None else stop.end() if stop.group() not in "\n|" else stop.start()
    before, fact, after = text[left:start].lstrip(), text[start:end], text[end:right].rstrip()
    if len(before) > MAX_SIDE:
        before = "…" + before[-MAX_SIDE:]
    if len(after) > MAX_SIDE:
        after = after[:MAX_SIDE] + "…"
    if not before.strip() and not after.strip(" 。；;"):
        return fact.strip()
    return f"{before}{MARK_OPEN}{fact}{MARK_CLOSE}{after}".strip()


def _locate(context: str, offset: int, start: int, quoted: str) -> tuple[int, int] | None:
    """Where the quoted text sits in ``context`` (which starts at document offset ``offset``)."""
    if not quoted:
        return None
    local = start - offset
    if local >= 0 and context[local : local + len(quoted)] == quoted:
        return local, local + len(quoted)
    found = context.find(quoted)
    return (found, found + len(quoted)) if found >= 0 else None


def _document_text(source: str | None, doc_id: str | None) -> str | None:
    """The document's normalised text, re-read from its file if that is still the same document."""
    if not source or not doc_id or not Path(source).is_file():
        return None
    from policykg.loaders import LoaderError, extract_file

    try:
        extraction = extract_file(source)
    except LoaderError:
        return None
    return extraction.text if extraction.document.id == doc_id else None


def with_sentences(store: GraphStore, fact_id: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The evidence rows with a ``sentence`` column: the whole sentence, the fact marked."""
    ctx = store.read(_CONTEXT, {"id": fact_id})
    task_text, task_span, doc, source = (ctx[0]["text"], ctx[0]["span"], ctx[0]["doc"], ctx[0]["source"]) if ctx else (None, None, None, None)
    offset = int(task_span[0]) if task_span else 0
    document: str | None = None
    document_read = False
    out = []
    for row in rows:
        quoted = row.get("evidence") or ""
        span = row.get("span") or [0, 0]
        start = int(span[0]) if span else 0
        sentence = None
        if task_text:
            where = _locate(task_text, offset, start, quoted)
            if where:
                sentence = sentence_around(task_text, *where)
        if sentence is None:
            if not document_read:
                document, document_read = _document_text(source, doc), True
            where = _locate(document, 0, start, quoted) if document else None
            sentence = sentence_around(document, *where) if document and where else quoted
        out.append({**row, "sentence": sentence})
    return out
