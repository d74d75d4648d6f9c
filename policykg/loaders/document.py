"""One typed document, read once: the parsers' text, its blocks, its tables and its conventions.

After normalisation the loaders read a document exactly once into this model (in the
manner of docling's ``DoclingDocument``): the text folded for the parsers (simplified script,
mirrors' pinyin dropped: ``script.fold``), every line classified into a ``Block`` with its
readings (``blocks``), every table into a ``Table`` (``tables``), and the conventions the
document declares about its unit lists (``roles.Conventions``). The outline, role, people
and figure stages read this model instead of re-matching the text, and the spans they find
point into ``text``; ``folded.to_display`` maps them onto the text the document shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from policykg.loaders.blocks import Block, read_blocks
from policykg.loaders.roles import Conventions
from policykg.loaders.tables import CellAt, CellIndex, Row, Table, read_tables
from policykg.ontology.script import Folded, fold


@dataclass
class Document:
    """A normalised text read into blocks and tables (see the module docstring)."""

    display: str  # the normalised text as the document writes it (the Extraction's text)
    folded: Folded
    conventions: Conventions
    blocks: list[Block]
    tables: list[Table]
    rows: dict[int, Row] = field(default_factory=dict)  # body rows by the offset of their line

    @property
    def text(self) -> str:
        """The parsers' text (simplified, without inserted pinyin); every span points into it."""
        return self.folded.text

    @cached_property
    def cells(self) -> CellIndex:
        return CellIndex(self.tables)

    def cell_at(self, pos: int) -> CellAt | None:
        """The table cell standing at ``pos``, with its column (results, a year of figures…)."""
        return self.cells.at(pos)

    def header_at(self, line_start: int) -> Table | None:
        """The table whose header is the line starting at ``line_start``."""
        return self._headers.get(line_start)

    @cached_property
    def _headers(self) -> dict[int, Table]:
        return {t.header_span[0]: t for t in self.tables}


def read_document(display: str, folded: Folded | None = None) -> Document:
    """Read a normalised text once (see the module docstring); ``folded`` when already made."""
    folded = folded if folded is not None else fold(display)
    text = folded.text
    conventions = Conventions.read(text)
    tables = read_tables(text, conventions)
    rows = {row.span[0]: row for table in tables for row in table.rows}
    return Document(display, folded, conventions, read_blocks(text, conventions), tables, rows)
