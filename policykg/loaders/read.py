"""Bytes -> decoded text, whatever the file format or encoding.

Placeholder reader for plain text; the loaders issue extends it to HTML, DOCX,
PDF, XLSX and CSV behind the same ``read_source`` seam.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from policykg.loaders.errors import LoaderError

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class SourceText:
    """A file's decoded text before normalisation, with what we learnt reading it."""

    source: str
    media: str
    encoding: str | None
    text: str
    sha256: str


def read_source(path: Path) -> SourceText:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoaderError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    return read_bytes(data, str(path))


def read_bytes(data: bytes, source: str) -> SourceText:
    if not data.strip():
        raise LoaderError(source, "the file is empty")
    if len(data) > MAX_BYTES:
        raise LoaderError(source, f"the file is {len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB")
    best = from_bytes(data).best()
    if best is None:
        raise LoaderError(source, "the bytes are not text in any known encoding")
    return SourceText(source, "txt", best.encoding, str(best), hashlib.sha256(data).hexdigest())
