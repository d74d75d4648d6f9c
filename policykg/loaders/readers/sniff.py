"""Which reader a file needs: decided by its content first, its extension second.

Magic bytes are trusted over the name (a ``.pdf`` that is really an HTML error page
is read as HTML; a ``.doc`` that is really a DOCX is read as one). A file that is
clearly binary but of no format we read is refused here, with its kind named, before
any decoder guesses at it.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from policykg.loaders.errors import LoaderError

EXTENSIONS: dict[str, str] = {
    "txt": "txt", "text": "txt", "md": "txt",
    "html": "html", "htm": "html", "shtml": "html", "xhtml": "html", "jsp": "html", "asp": "html", "aspx": "html", "php": "html",
    "docx": "docx", "docm": "docx",
    "pdf": "pdf",
    "xlsx": "xlsx", "xlsm": "xlsx",
    "csv": "csv", "tsv": "csv",
}  # fmt: skip
MAX_UNZIPPED = 500 * 1024 * 1024  # a DOCX/XLSX that inflates past this is a zip bomb, not a plan

_OTHER_BINARY: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls/.wps); save it as DOCX or XLSX"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF file; save it as DOCX"),
)
_CONTAINERS = {"docx": "no zip container", "xlsx": "no zip container", "pdf": "no %PDF header"}
_HTML_HEAD = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title|div|table|p)[\s>/]", re.IGNORECASE)


def sniff_format(data: bytes, source: str) -> str:
    """The reader name for these bytes (a key of ``READERS``), or LoaderError for a binary we cannot read."""
    ext = PurePath(source).suffix.lower().lstrip(".")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or (ext in ("docx", "xlsx") and data.startswith(b"PK")):
        return _zip_format(data, source, EXTENSIONS.get(ext))
    for magic, kind in _OTHER_BINARY:
        if data.startswith(magic):
            raise LoaderError(source, f"binary file: {kind}, not a document we read")
    by_name = EXTENSIONS.get(ext)
    if by_name in _CONTAINERS and not _looks_like_html(data):
        # A .docx/.xlsx/.pdf that is none of those: say which format failed, not "no plan found" later.
        raise LoaderError(source, f"not a valid {by_name.upper()}: {_CONTAINERS[by_name]} (damaged, or another "
                                  f"format under a .{ext} name); open and save it again, or rename it to its real format")
    if by_name in ("html", "csv"):
        return by_name
    return "html" if _looks_like_html(data) else "txt"


def _zip_format(data: bytes, source: str, by_name: str | None) -> str:
    label = (by_name or "zip").upper()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNZIPPED:
                raise LoaderError(source, f"{label} inflates past {MAX_UNZIPPED // (1024 * 1024)} MB (zip bomb?)")
            # Inflate and CRC-check every member now, so a damaged archive gets one clear
            # reason instead of whatever python-docx or openpyxl trips over later.
            damaged = archive.testzip()
    except LoaderError:
        raise
    except Exception as exc:  # zipfile raises BadZipFile, zlib.error, ValueError, NotImplementedError, ...
        raise LoaderError(source, f"truncated or corrupt {label} (zip error: {exc or type(exc).__name__})") from exc
    if damaged is not None:
        raise LoaderError(source, f"truncated or corrupt {label} (zip error: bad CRC in {damaged})")
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if by_name in ("docx", "xlsx"):
        raise LoaderError(
            source,
            f"corrupt {label}: the zip archive has no {'word/document.xml' if by_name == 'docx' else 'xl/workbook.xml'}",
        )
    raise LoaderError(
        source, "a zip archive that is neither DOCX nor XLSX (OpenDocument and other archives are not read)"
    )


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
    return _HTML_HEAD.search(head) is not None
