"""DOCX via python-docx: paragraphs and tables in body order, tables as `` | `` rows.

python-docx's ``iter_inner_content`` gives the body's paragraphs and tables
interleaved as they stand in the document, and ``row.cells`` already repeats a
vertically merged cell in every row it spans (the responsible unit of a block of
tasks stays on each task's row). A horizontally merged cell is repeated too; we keep
its text once and leave the spanned columns empty, so columns still line up with the
header. Headers, footers and text boxes are not read: they are page chrome.
"""

from __future__ import annotations

import io

import docx
from docx.table import Table

from policykg.loaders.readers.decode import Decoded
from policykg.loaders.readers.rows import table_lines


def read(data: bytes, source: str) -> Decoded:
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(table_lines(_rows(block)))
        elif block.text.strip():
            lines.append(block.text)
    return Decoded("\n".join(lines), None)


def _rows(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells = row.cells
        texts = []
        for i, cell in enumerate(cells):
            same_as_left = i > 0 and cell._tc is cells[i - 1]._tc
            texts.append("" if same_as_left else cell.text)
        rows.append(texts)
    return rows
