"""Readers by format name: one module per format, each with ``read(data, source) -> Decoded``.

Adding a format is adding a module and a line here. Modules are imported on first
use, so reading a text file does not pay for importing pdfplumber or openpyxl.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from policykg.loaders.readers.decode import Decoded

Reader = Callable[[bytes, str], Decoded]

READERS: dict[str, str] = {
    "txt": "policykg.loaders.readers.txt",
    "html": "policykg.loaders.readers.html",
    "docx": "policykg.loaders.readers.docx",
    "pdf": "policykg.loaders.readers.pdf",
    "xlsx": "policykg.loaders.readers.xlsx",
    "csv": "policykg.loaders.readers.csv",
}


def get_reader(fmt: str) -> Reader:
    """The ``read`` function of the format's module; KeyError for an unknown format."""
    reader: Reader = importlib.import_module(READERS[fmt]).read
    return reader


__all__ = ["READERS", "Decoded", "Reader", "get_reader"]
