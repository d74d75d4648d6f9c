"""Query commands (query, queries, cypher, analyze); filled in by the query library work."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the query commands to the app."""
