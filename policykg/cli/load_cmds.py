"""``load``, ``extract``, ``stats`` and ``demo``: getting plans in and seeing what arrived."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from policykg.cli.common import CliError, StoreOption, open_graph, reports_errors
from policykg.graph import embedded
from policykg.graph.layout import NotAStoreError, StoreLayout
from policykg.graph.store import is_remote, store_spec
from policykg.kg import LoadResult, expand_paths
from policykg.loaders import LoaderError, extract_file

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


def _report(result: LoadResult) -> None:
    if result.ok:
        console.print(f"[green]ok[/]   {result.source}  {result.tasks} tasks, {result.targets} targets, "
                      f"{result.nodes} nodes, {result.relationships} relationships  ({result.seconds:.2f} s)")
    else:
        err_console.print(f"[red]fail[/] {result.error}")


def load(
    paths: list[Path] = typer.Argument(..., help="Plan files or folders of them."),
    store: str | None = StoreOption,
    indicators: Path | None = typer.Option(None, "--indicators", help="Your own indicator catalogue (YAML) on top of the shipped one."),
) -> None:
    """Load plans into the store, one transaction per document; failures are counted, not fatal."""
    files = expand_paths(paths)
    if not files:
        raise CliError("no plan files found in " + ", ".join(map(str, paths)), code=2)
    results: list[LoadResult] = []
    with open_graph(store, indicators) as kg:
        progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err_console,
                            transient=True, disable=not err_console.is_terminal)
        with progress:
            bar = progress.add_task("loading", total=len(files))
            for result in kg.load_iter(files):
                results.append(result)
                _report(result)
                progress.advance(bar)
    failed = [r for r in results if not r.ok]
    seconds = sum(r.seconds for r in results)
    console.print(f"{len(results) - len(failed)} loaded, {len(failed)} failed, {seconds:.2f} s")
    if failed:
        raise CliError(f"{len(failed)} of {len(results)} files failed to load")


def extract(
    path: Path = typer.Argument(..., help="One plan file."),
    fmt: str = typer.Option("json", "--format", "-f", help="json (the extraction contract) or table."),
) -> None:
    """Print what the loader finds in a file, without touching any store."""
    try:
        extraction = extract_file(path)
    except LoaderError as exc:
        raise CliError(str(exc)) from exc
    if fmt == "json":
        typer.echo(json.dumps(extraction.contract(), ensure_ascii=False, indent=1))
        return
    if fmt != "table":
        raise CliError(f"unknown format {fmt!r}; use json or table", code=2)
    doc = extraction.document
    console.print(f"[bold]{doc.title}[/]  {doc.issuer or '?'}  {doc.region or '?'}  {doc.year or '?'}  {doc.kind}")
    table = Table("no.", "task", "lead", "support", "people")
    for task in extraction.tasks:
        table.add_row(task.number, task.title[:30], "、".join(task.lead), "、".join(task.support), "、".join(task.people))
    console.print(table)
    console.print(f"{len(extraction.tasks)} tasks, {len(extraction.targets)} targets")


def stats(store: str | None = StoreOption, fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Counts per node label and relationship type."""
    with open_graph(store) as kg:
        counts = kg.stats()
    if fmt == "json":
        typer.echo(json.dumps(counts, ensure_ascii=False))
        return
    table = Table("kind", "name", "count")
    for kind, by_name in counts.items():
        for name, count in by_name.items():
            table.add_row(kind, name, str(count))
    console.print(table)


def demo(
    store: str = typer.Option("demo-store", "--store", "-s", help="A fresh embedded store for the demo."),
    plans: Path = typer.Option(Path("examples/plans"), "--plans", help="The sample corpus."),
) -> None:
    """Load the sample corpus into a fresh store and print the headline answers."""
    spec = store_spec(store)
    if is_remote(spec):
        raise CliError("the demo builds a fresh embedded store; give a directory", code=2)
    layout = StoreLayout(Path(spec))
    if layout.is_demo():
        embedded.stop_server(layout.root, force=True)
    try:
        layout.reset_demo()
    except NotAStoreError as exc:
        raise CliError(str(exc), code=2) from exc
    with open_graph(spec) as kg:
        results = kg.load([plans])
        for result in results:
            _report(result)
        from policykg.cli.headlines import print_headlines

        print_headlines(kg, console)
        from policykg.viz.demo import write_demo_pictures
        for picture in write_demo_pictures(kg, Path(spec).parent / f"{Path(spec).name}-pictures"):
            console.print(f"wrote {picture}")
    if any(not r.ok for r in results):
        raise CliError("some sample plans failed to load")


def register(app: typer.Typer) -> None:
    for command in (load, extract, stats, demo):
        app.command()(reports_errors(command))
