"""``policykg store status|start|stop``: the embedded server's life, shown and steered."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from policykg.cli.common import CliError, StoreOption, reports_errors
from policykg.graph import embedded
from policykg.graph.layout import StoreLayout
from policykg.graph.store import is_remote, store_spec

store_app = typer.Typer(help="Show, start or stop the embedded store's server.", no_args_is_help=True)


def _local(store: str | None) -> Path:
    spec = store_spec(store)
    if is_remote(spec):
        raise CliError(f"{spec} is a Neo4j server; policykg manages only embedded stores", code=2)
    return Path(spec)


@store_app.command("status")
@reports_errors
def status_cmd(store: str | None = StoreOption, fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Whether the server runs, on which loopback ports, and for how many clients."""
    st = embedded.status(_local(store))
    if fmt == "json":
        typer.echo(json.dumps(st.as_dict(), ensure_ascii=False))
        return
    if st.running:
        http = f"http://127.0.0.1:{st.http_port}  " if st.http_port else ""
        typer.echo(f"running  pid {st.pid}  bolt://127.0.0.1:{st.bolt_port}  {http}"
                   f"clients {st.clients}  {'persistent' if st.persistent else 'stops with its last client'}  ({st.store})")
    else:
        typer.echo(f"stopped  ({st.store})")


@store_app.command("start")
@reports_errors
def start_cmd(store: str | None = StoreOption) -> None:
    """Start the server and keep it running until `policykg store stop`."""
    root = _local(store)
    layout = StoreLayout(root)
    layout.create()
    layout.set_persistent(True)
    info = embedded.ensure_server(root)
    typer.echo(f"running  pid {info['pid']}  bolt://127.0.0.1:{info['bolt_port']}  ({layout.root})")


@store_app.command("stop")
@reports_errors
def stop_cmd(store: str | None = StoreOption) -> None:
    """Stop the server, even if clients hold it."""
    root = _local(store)
    StoreLayout(root).set_persistent(False)
    stopped = embedded.stop_server(root, force=True)
    typer.echo("stopped" if stopped else "not running")


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
