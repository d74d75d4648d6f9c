"""What every CLI verb shares: the --store option, opening the graph, error lines."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ParamSpec

import typer

from policykg.graph.store import StoreError
from policykg.kg import KnowledgeGraph

P = ParamSpec("P")

STORE_HELP = "Store directory (embedded) or bolt:// / neo4j:// URI; default $POLICYKG_STORE or ./policykg-data."
StoreOption = typer.Option(None, "--store", "-s", help=STORE_HELP, envvar="POLICYKG_STORE", show_envvar=False)


class CliError(Exception):
    """A failure to report as one line, with an exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def reports_errors(command: Callable[P, None]) -> Callable[P, None]:
    """Turn a CliError into one red line on stderr and its exit code, under any runner."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except CliError as exc:
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(exc.code) from None

    return wrapper


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
