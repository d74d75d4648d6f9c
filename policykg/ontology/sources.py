"""How a document's source is shown outside the store: the file's name, or the URI the loader was given.

The store keeps where a document was loaded from (``Document.source``) so that ``policykg
report`` can read the text again; that is often an absolute path on the server
(``/home/analyst/plans/…``, or the API's temporary upload folder). Everything that leaves
the process (the HTTP API's JSON, HTML and RDF, the RDF export) shows this instead:
answering a path told a caller how the server's disk is laid out (issue 22).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def public_source(source: object) -> str | None:
    """``https://…`` stays; a path becomes its last part (``/srv/plans/a.txt`` -> ``a.txt``)."""
    if source is None:
        return None
    text = str(source)
    if _URI.match(text) and not text.lower().startswith("file:"):
        return text
    name = PureWindowsPath(PurePosixPath(text).name).name
    return name or None
