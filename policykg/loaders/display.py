"""Facts found in the folded text, written back as the document writes them.

The parsers read a folded copy of the text (simplified script, mirrors' pinyin dropped:
``script.fold``). An analyst, a gold file and the evidence view want the document's own
words: ``牽頭單位:市經(jīng)貿(mào)委`` must show ``市經(jīng)貿(mào)委``, and a task's text must be the text
the document has. This last stage maps every span of an Extraction onto the displayed text
and rewrites each quoted string (task texts, names, raw figure phrases, titles) as the
displayed text has it at that place. A figure's indicator stays in the folded spelling: it is
a name to compare with the catalogue's, not a quotation. A name the loaders composed (a shared-suffix composite
expanded, a post stripped) that stands nowhere in the text keeps its folded spelling.
"""

from __future__ import annotations

import re

from policykg.loaders.document import Document
from policykg.loaders.types import Extraction

Span = tuple[int, int]
#: How far around a fact's own span a quoted string is looked for.
_NEAR = 400


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.folded = doc.folded
        self.text = doc.folded.text
        self.display = doc.display

    def span(self, span: Span) -> Span:
        return self.folded.to_display(*span)

    def at(self, span: Span) -> str:
        a, b = self.span(span)
        return self.display[a:b]

    def written(self, phrase: str, near: Span | None = None) -> str:
        """``phrase`` (a string of the folded text) as the displayed text writes it, found near ``near``."""
        if not phrase:
            return phrase
        found = self._find(phrase, near)
        if found is None:
            return phrase
        out = self.at(found)
        return re.sub(r"\s*\n\s*", "", out)

    def _find(self, phrase: str, near: Span | None) -> Span | None:
        """Where ``phrase`` stands in the folded text: near ``near`` first, then anywhere; the text may
        pad it with spaces (宋 蘭 is the name 宋兰)."""
        windows = [(max(0, near[0] - _NEAR), min(len(self.text), near[1] + _NEAR))] if near else []
        windows.append((0, len(self.text)))
        for a, b in windows:
            at = self.text.find(phrase, a, b)
            if at >= 0:
                return (at, at + len(phrase))
        padded = re.compile(r"\s*".join(map(re.escape, phrase)))
        for a, b in windows:
            if (m := padded.search(self.text, a, b)) is not None:
                return (m.start(), m.end())
        return None


def to_display(extraction: Extraction, doc: Document) -> Extraction:
    """The extraction with spans and quoted strings on the displayed text (see the module docstring)."""
    if doc.folded.text == doc.display:
        return extraction
    w = _Writer(doc)
    from policykg.loaders.structure import title_of

    for task in extraction.tasks:
        own = task.span
        task.text = w.written(task.text, own) if task.text else task.text
        task.title = title_of(task.text)
        task.lead = [w.written(n, own) for n in task.lead]
        task.support = [w.written(n, own) for n in task.support]
        task.people = [w.written(n, own) for n in task.people]
        task.fields = {k: w.written(v, own) for k, v in task.fields.items()}
        task.span = w.span(own)
        if task.clause_span is not None:
            task.clause_span = w.span(task.clause_span)
    for section in extraction.sections:
        section.title = w.written(section.title, section.span)
        section.span = w.span(section.span)
    for target in extraction.targets:  # the indicator stays folded: the catalogue compares simplified names
        target.raw = w.written(target.raw, target.span)
        target.span = w.span(target.span)
    document = extraction.document
    document.title = w.written(document.title)
    if document.issuer:
        document.issuer = w.written(document.issuer)
    if document.doc_no:
        document.doc_no = w.written(document.doc_no)
    extraction.text = doc.display
    return extraction
