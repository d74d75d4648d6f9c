"""What every CLI verb shares: the --store option, opening the graph, error lines."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import typer

from policykg.graph.store import StoreError
from policykg.kg import KnowledgeGraph

STORE_HELP = "Store directory (embedded) or bolt:// / neo4j:// URI; default $POLICYKG_STORE or ./policykg-data."
StoreOption = typer.Option(None, "--store", "-s", help=STORE_HELP, envvar="POLICYKG_STORE", show_envvar=False)


class CliError(Exception):
    """A failure to report as one line, with an exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@contextlib.contextmanager
def open_graph(store: str | None, indicators: Path | None = None) -> Iterator[KnowledgeGraph]:
    try:
        kg = KnowledgeGraph.open(store, indicators=indicators)
    except (StoreError, OSError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    try:
        yield kg
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    finally:
        kg.close()
