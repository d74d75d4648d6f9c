"""CSV/TSV via the standard csv module: one `` | `` line per row, header row first.

The encoding is sniffed like any text file (GBK exports from Excel are common) and the
delimiter by ``csv.Sniffer``, falling back to a comma; the csv module, not a split on
commas, handles quoted cells with commas and line breaks inside.
"""

from __future__ import annotations

import csv
import io

from policykg.loaders.errors import LoaderError
from policykg.loaders.readers.decode import Decoded, decode
from policykg.loaders.readers.rows import table_lines

_DELIMITERS = ",\t;|"


def read(data: bytes, source: str) -> Decoded:
    decoded = decode(data, source)
    text = decoded.text
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise LoaderError(source, f"malformed CSV ({exc})") from exc
    return Decoded("\n".join(table_lines(rows)), decoded.encoding)
