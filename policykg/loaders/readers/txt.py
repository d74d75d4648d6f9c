"""Plain text: only the encoding needs deciding (see decode.py)."""

from __future__ import annotations

from policykg.loaders.readers.decode import Decoded, decode


def read(data: bytes, source: str) -> Decoded:
    return decode(data, source)
