"""The loader pipeline: read -> normalise -> read once into a document -> metadata and kind -> outline -> targets.

Each stage is a function of the previous stage's output; none touches a store. The text is
read once into a ``Document`` (blocks, tables, conventions, the folded copy the parsers read);
the stages find their facts in the folded copy, and ``display.to_display`` maps every span and
name back onto the text the document shows before the ``Extraction`` is returned.
"""

from __future__ import annotations

import re
from pathlib import Path

from policykg.loaders.chrome import chrome_lines
from policykg.loaders.coverage import coverage
from policykg.loaders.detect import detect_kind
from policykg.loaders.display import to_display
from policykg.loaders.document import read_document
from policykg.loaders.errors import LoaderError
from policykg.loaders.metadata import extract_metadata, with_report
from policykg.loaders.normalize import normalise
from policykg.loaders.read import SourceText, read_source
from policykg.loaders.reports import report_facts
from policykg.loaders.structure import parse_document
from policykg.loaders.targets import extract_targets
from policykg.loaders.types import DocumentRecord, Extraction
from policykg.ontology import ids
from policykg.ontology.script import blank, fold
from policykg.ontology.terms import DocKind

#: Real prose is never refused (it loads as paragraphs and figures); a text with no run of
#: Chinese characters at all has nothing to load.
_READABLE = re.compile(r"[\u4e00-\u9fff]{4}")


def extract_file(path: str | Path) -> Extraction:
    """Read one file into an Extraction; raises LoaderError, never anything else."""
    path = Path(path)
    try:
        return extract_source(read_source(path))
    except LoaderError:
        raise
    except Exception as exc:  # a parser bug must not take the whole run down
        raise LoaderError(path, f"could not be parsed ({type(exc).__name__}: {exc})") from exc


def extract_text(text: str, source: str = "<text>") -> Extraction:
    return extract_source(SourceText(source=source, media="txt", encoding="utf-8", text=text, sha256=""))


def extract_source(src: SourceText) -> Extraction:
    norm = normalise(src.text)
    display = norm.text
    if not display.strip():
        raise LoaderError(src.source, "no text in the file")
    doc_id = ids.document_id(display)
    folded = fold(display)
    meta = extract_metadata(folded.text)  # before the chrome goes: a metadata block fills the fields
    chrome = chrome_lines(folded.text)
    display = blank(display, [folded.to_display(s, e) for s, e in chrome])
    doc = read_document(display, blank(folded, chrome))
    text = doc.text
    sections, tasks = parse_document(doc, doc_id)
    kind = detect_kind(text, meta.title, tasks)  # the outline is the evidence for the kind
    if (report := report_facts(text)) is not None:  # its own wording says who speaks, for which year
        kind = DocKind.GOVERNMENT_WORK_REPORT
        meta = with_report(meta, report, text)
    document = DocumentRecord(
        id=doc_id,
        title=meta.title,
        issuer=meta.issuer,
        region=meta.region,
        year=meta.year,
        date=meta.date,
        kind=kind.value,
        doc_no=meta.doc_no,
        index_no=meta.index_no,
        source=src.source,
        media=src.media,
        encoding=src.encoding,
        sha256=src.sha256,
    )
    targets = extract_targets(text, tasks, document, doc)
    if not tasks and not targets and not _READABLE.search(text):
        raise LoaderError(src.source, "no readable text: no Chinese sentence, task or figure in it")
    extraction = Extraction(document=document, sections=sections, tasks=tasks, targets=targets, text=text)
    extraction.coverage = coverage(doc, extraction)
    return to_display(extraction, doc)
