"""PDF via pdfplumber: the text layer as paragraphs, tables it finds as `` | `` rows.

pdfplumber (on pdfminer.six) gives characters with positions, so on each page we
take the tables it detects, read the remaining text as lines, and put both back in
reading order by their top edge. Page chrome (running headers, ``- 3 -``) is
dropped and lines hard-wrapped at the right margin are joined again (see
``pdflayout``), so a sentence that wraps mid-word or crosses a page reads whole.
A PDF without any text (a scan) cannot be read without OCR, which we do not do:
it is refused with a reason saying so.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber

from policykg.loaders.errors import LoaderError
from policykg.loaders.readers.decode import Decoded
from policykg.loaders.readers.pdflayout import Line, drop_chrome, join_wrapped
from policykg.loaders.readers.rows import table_lines


def read(data: bytes, source: str) -> Decoded:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        if "password" in repr(exc).lower():  # pdfplumber wraps pdfminer's PDFPasswordIncorrect
            raise LoaderError(source, "encrypted PDF (needs a password)") from exc
        raise
    with pdf:
        pages = [_page_lines(page) for page in pdf.pages]
    lines = join_wrapped([line for page in drop_chrome(pages) for line in page])
    if not any(line.strip() for line in lines):
        raise LoaderError(source, "no text layer (scanned image?)")
    return Decoded("\n".join(lines), None)


def _page_lines(page: Any) -> list[Line]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, int, list[Line]]] = []
    for i, line in enumerate(page.filter(outside_tables).extract_text_lines()):
        size = float(line["bottom"] - line["top"])
        placed.append((line["top"], i, [Line(line["text"], float(line["x0"]), float(line["x1"]), size)]))
    for j, table in enumerate(tables):
        x0, top, x1, _ = table.bbox
        rows = [Line(text, x0, x1, 0.0, table=True) for text in table_lines(table.extract())]
        placed.append((top, 10**6 + j, rows))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, group in placed for line in group]
