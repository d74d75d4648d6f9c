"""Bytes -> decoded text, whatever the file format or encoding (the loaders' first stage).

``read_source`` checks the size with ``stat`` before reading, so a 2 GB file never
reaches memory; ``read_bytes`` sniffs the format (content first, then extension,
see ``readers/sniff.py``), hands the bytes to that format's reader and turns any
failure inside a third-party parser into one ``LoaderError`` naming the file and
the reason. Table rows come out as `` | `` lines whatever the format.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from policykg.loaders.errors import LoaderError
from policykg.loaders.readers import get_reader
from policykg.loaders.readers.sniff import sniff_format

MAX_BYTES = 50 * 1024 * 1024
#: Decoded characters at most. The byte cap alone let a 45 MB text through, which then ran for
#: over 400 s at 2.2 GB; a 10 MB Chinese plan (3.8 M characters) extracts in 40 s at 0.5 GB.
MAX_CHARS = 6_000_000


@dataclass(frozen=True)
class SourceText:
    """A file's decoded text before normalisation, with what we learnt reading it.

    ``media`` is the format that was read (txt, html, docx, pdf, xlsx, csv), decided by
    content sniffing and extension; ``encoding`` is None for formats that carry their
    own (DOCX, XLSX, PDF).
    """

    source: str
    media: str
    encoding: str | None
    text: str
    sha256: str


def read_source(path: Path) -> SourceText:
    """Read one file from disk; raises LoaderError for anything it cannot read."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise LoaderError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    if not path.is_file():
        raise LoaderError(path, "not a regular file")
    _check_size(stat.st_size, str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoaderError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    return read_bytes(data, str(path))


def read_bytes(data: bytes, source: str) -> SourceText:
    """Decode a file's bytes; ``source`` names it in errors and gives the extension hint."""
    _check_size(len(data), source)
    if not data.strip():
        raise LoaderError(source, "the file is empty")
    fmt = sniff_format(data, source)
    try:
        decoded = get_reader(fmt)(data, source)
    except LoaderError:
        raise
    except Exception as exc:  # a third-party parser choking on bad bytes: name it, do not crash
        raise LoaderError(source, _reason(fmt, exc)) from exc
    if len(decoded.text) > MAX_CHARS:
        raise LoaderError(source, f"the decoded text has {len(decoded.text):,} characters; the limit is {MAX_CHARS:,}")
    if not decoded.text.strip():
        raise LoaderError(source, f"no text in the {fmt.upper()} file")
    return SourceText(source, fmt, decoded.encoding, decoded.text, hashlib.sha256(data).hexdigest())


def _reason(fmt: str, exc: Exception) -> str:
    """Say what broke: a damaged zip container, a missing part, or the parser's own complaint."""
    label = fmt.upper()
    detail = str(exc) or (repr(exc.args[0]) if exc.args else "")
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return f"truncated or corrupt {label} (zip error: {detail})"
    if isinstance(exc, KeyError) and fmt in ("docx", "xlsx"):
        return f"corrupt {label}: a part is missing ({detail})"
    return f"cannot read the {label} file ({type(exc).__name__}: {detail})"


def _check_size(size: int, source: str) -> None:
    if size > MAX_BYTES:
        raise LoaderError(
            source, f"the file is {size / (1024 * 1024):.0f} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB"
        )
