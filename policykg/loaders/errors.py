"""The one error a loader raises, so callers can report it and move on."""

from __future__ import annotations

from pathlib import Path


class LoaderError(Exception):
    """A document could not be read or holds no plan; names the file and the reason."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")
