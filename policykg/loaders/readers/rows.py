"""The one convention for a table row in plain text: cells joined by `` | ``, closed by `` |``.

Every reader that meets a table (HTML, DOCX, PDF, XLSX, CSV) renders its rows this way,
the same as the seed plans (``1 | 大力推进… | 成果处 规划处 |``), so the parsers see one
shape whatever the source format was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

SEPARATOR = " | "


def cell_text(value: object) -> str:
    """A cell on one line: inner line breaks and whitespace runs fold to one space.

    A literal ``|`` inside a cell would split it in two, so it becomes ``¦``.
    """
    if value is None:
        return ""
    return " ".join(str(value).split()).replace("|", "¦")


def row_line(cells: Sequence[object]) -> str | None:
    """One row as a line, or None for a row with no text; trailing empty cells are dropped."""
    texts = [cell_text(c) for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    if not texts:
        return None
    return SEPARATOR.join(texts) + SEPARATOR.rstrip()


def table_lines(rows: Iterable[Sequence[object]]) -> list[str]:
    """All non-empty rows of a table as lines."""
    return [line for line in (row_line(r) for r in rows) if line is not None]
