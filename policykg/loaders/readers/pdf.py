"""PDF via pdfplumber: the text layer line by line, tables it finds as `` | `` rows.

pdfplumber (on pdfminer.six) gives characters with positions, so on each page we
take the tables it detects, read the remaining text as lines, and put both back in
reading order by their top edge. A PDF without any text (a scan) cannot be read
without OCR, which we do not do: it is refused with a reason saying so.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber

from policykg.loaders.errors import LoaderError
from policykg.loaders.readers.decode import Decoded
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
    lines = [line for page in pages for line in page]
    if not any(line.strip() for line in lines):
        raise LoaderError(source, "no text layer (scanned image?)")
    return Decoded("\n".join(lines), None)


def _page_lines(page: Any) -> list[str]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, int, list[str]]] = []
    for i, line in enumerate(page.filter(outside_tables).extract_text_lines()):
        placed.append((line["top"], i, [line["text"]]))
    for j, table in enumerate(tables):
        placed.append((table.bbox[1], 10**6 + j, table_lines(table.extract())))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, group in placed for line in group]
