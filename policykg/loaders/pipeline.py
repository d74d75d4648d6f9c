"""The loader pipeline: read -> normalise -> metadata and kind -> outline -> targets.

Each stage is a function of the previous stage's output; none touches a store.
"""

from __future__ import annotations

import re
from pathlib import Path

from policykg.loaders.detect import detect_kind
from policykg.loaders.errors import LoaderError
from policykg.loaders.metadata import extract_metadata
from policykg.loaders.normalize import normalise
from policykg.loaders.read import SourceText, read_source
from policykg.loaders.structure import parse_outline
from policykg.loaders.targets import extract_targets
from policykg.loaders.types import DocumentRecord, Extraction
from policykg.ontology import ids

#: Titles of the genres policykg reads. A document of one of them may hold figures and no
#: numbered tasks (a half-year summary in prose); anything else without tasks is no plan.
_PLAN_GENRE = re.compile(r"工作要点|工作总结|工作计划|工作思路|工作安排|完成情况|进展情况|责任分解|任务分工|分工方案|责任清单|任务清单|行动计划|实施方案")


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
    text = norm.text
    if not text.strip():
        raise LoaderError(src.source, "no text in the file")
    meta = extract_metadata(text)
    doc_id = ids.document_id(text)
    sections, tasks = parse_outline(text, doc_id)
    kind = detect_kind(text, meta.title, tasks)  # the outline is the evidence for the kind
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
    targets = extract_targets(text, tasks, document)
    if not tasks and not (targets and _PLAN_GENRE.search(meta.title)):
        raise LoaderError(src.source, "no plan found: no numbered tasks, responsibility clauses or table rows")
    return Extraction(document=document, sections=sections, tasks=tasks, targets=targets, text=text)
