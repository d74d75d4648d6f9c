"""The ``policykg`` command: a thin Typer layer over the Python API (``policykg.kg``).

Every verb opens the graph, calls one API function and renders the result; no
logic lives here. Errors reach the user as one line and a non-zero exit code.
"""

from __future__ import annotations

import sys

import typer

from policykg import __version__
from policykg.cli import api_cmds, query_cmds, store_cmds
from policykg.cli.common import CliError
from policykg.cli.load_cmds import register as register_load

app = typer.Typer(
    name="policykg",
    help="A knowledge graph of government science-and-technology policy plans.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"policykg {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Load plans, ask the graph named questions, export what you find."""


register_load(app)
store_cmds.register(app)
query_cmds.register(app)
api_cmds.register(app)


def main() -> None:
    try:
        app()
    except CliError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        sys.exit(exc.code)
