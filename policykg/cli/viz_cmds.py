"""``viz``, ``chart``, ``report`` and ``export``: pictures and files for other tools, over ``policykg.viz``.

Each verb opens the graph, picks a part of it (``queries.subgraph``) or runs a
chart's query, and writes one output; refuses to overwrite a file policykg did
not write unless --force.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.cli.common import CliError, StoreOption, open_graph, reports_errors
from policykg.graph.exports import UnknownFormat, get_exporter, list_exporters, write_export
from policykg.graph.exports.base import GraphData
from policykg.graph.store import GraphStore
from policykg.queries import QueryError, parse_assignments
from policykg.queries.subgraph import AROUND_MAX_NODES, of_query, whole_graph
from policykg.queries.subgraph import around as around_entity
from policykg.viz.charts import CHARTS, ChartError
from policykg.viz.charts import chart as draw_chart
from policykg.viz.files import OutputExists, check_writable, mark_folder
from policykg.viz.fonts import NoCJKFont
from policykg.viz.network import MAX_NODES, write_graph_page
from policykg.viz.report import AmbiguousDocument, resolve_document, write_report

ParamOption = Annotated[list[str] | None, typer.Option("--param", "-p", help="A query parameter as key=value (repeatable)")]
QueryOption = Annotated[str | None, typer.Option("--query", "-q", help="Draw the nodes a named query returns")]
AroundOption = Annotated[str | None, typer.Option("--around", help="Draw an entity's neighbourhood (id, name, alias or title)")]
DepthOption = Annotated[int, typer.Option("--depth", min=0, max=6, help="Relationships away from --around")]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an output file policykg did not write")]


def _out(path: Path | None, default: str) -> Path:
    return path if path is not None else Path(default)


def _pick(store: GraphStore, query: str | None, params: list[str] | None, around: str | None, depth: int,
          max_nodes: int | None = None) -> tuple[GraphData, str]:
    """The part of the graph the options name, and a title for it."""
    if query and around:
        raise CliError("give --query or --around, not both", code=2)
    if query:
        data, rows = of_query(store, query, parse_assignments(params))
        shown = ", ".join(params or [])
        return data, f"{query}{' (' + shown + ')' if shown else ''}: {len(rows)} rows"
    if params:
        raise CliError("--param needs --query", code=2)
    if around:
        return around_entity(store, around, depth, max_nodes), f"{around} (depth {depth})"
    return whole_graph(store), "policykg: 全图"


def viz(
    query: QueryOption = None,
    param: ParamOption = None,
    around: AroundOption = None,
    depth: DepthOption = 1,
    out: Annotated[Path | None, typer.Option("--out", "--output", "-o", help="The page to write")] = None,
    max_nodes: Annotated[int | None, typer.Option(
        "--max-nodes", min=1, help=f"Draw at most this many nodes, the most connected (default {MAX_NODES}; "
                                   f"{AROUND_MAX_NODES} nearest the focus with --around)")] = None,
    force: ForceOption = False,
    store: StoreOption = None,
) -> None:
    """An interactive graph page (offline HTML): the whole graph, a query's result or an entity's neighbourhood."""
    target = _out(out, "graph.html")
    try:
        check_writable(target, force)
        budget = max_nodes or (AROUND_MAX_NODES if around else MAX_NODES)
        with open_graph(store) as kg:
            data, title = _pick(kg.store, query, param, around, depth, budget)
        path = write_graph_page(data, target, title, max_nodes=budget, force=force)
    except (QueryError, OutputExists) as exc:
        raise CliError(str(exc), code=2) from exc
    total = data.total_nodes or len(data.nodes)
    shown = min(len(data.nodes), budget)
    typer.echo(f"wrote {path}  ({shown} nodes{f' of {total}' if shown < total else ''}, "
               f"{len(data.edges)} relationships)")
    if data.note or total > shown:
        typer.echo(f"note: {data.note or f'the {shown} most connected of {total} nodes are drawn'}")


def chart(
    name: Annotated[str, typer.Argument(help=f"One of: {', '.join(CHARTS)}")],
    param: ParamOption = None,
    out: Annotated[Path | None, typer.Option("--out", "--output", "-o", help="chart.png, chart.svg or chart.html")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="At most this many bars (target-vs-actual, units)")] = 15,
    force: ForceOption = False,
    store: StoreOption = None,
) -> None:
    """A chart: target-evolution (--param indicator=…), target-vs-actual (--param region=…) or units."""
    target = _out(out, f"{name}.png")
    try:
        check_writable(target, force)
        with open_graph(store) as kg:
            result = draw_chart(kg.store, name, target, parse_assignments(param), top=top, force=force)
    except (QueryError, ChartError, OutputExists) as exc:
        raise CliError(str(exc), code=2) from exc
    except NoCJKFont as exc:
        raise CliError(str(exc)) from exc
    typer.echo(f"wrote {result.path}  ({result.rows} rows, font {result.font.family})")
    if result.note:
        typer.echo(f"note: {result.note}")


def report(
    document: Annotated[str, typer.Argument(help="A document id, or a unique part of its title")],
    out: Annotated[Path | None, typer.Option("--out", "--output", "-o", help="The page to write")] = None,
    force: ForceOption = False,
    store: StoreOption = None,
) -> None:
    """One self-contained page for a document: its tasks, units, people and targets, each linked to its sentence."""
    try:
        with open_graph(store) as kg:
            doc_id = resolve_document(kg.store, document)
            target = _out(out, f"report-{doc_id}.html")
            check_writable(target, force)
            path, built = write_report(kg.store, doc_id, target, force=force)
    except AmbiguousDocument as exc:  # every match, each title with the year and issuer it does not say
        from policykg.output import format_table, terminal_width

        typer.echo(format_table(exc.matches, ["id", "title", "year", "issuer", "region"], width=terminal_width(),
                                title=f"documents matching {document!r}", count=False), err=True, nl=False)
        raise CliError(str(exc), code=2) from exc
    except (QueryError, OutputExists) as exc:
        raise CliError(str(exc), code=2) from exc
    typer.echo(f"wrote {path}  ({len(built.tasks)} tasks, {len(built.targets)} targets, "
               f"{built.linked}/{built.facts} facts linked to the text)")
    if built.text.note:
        typer.echo(f"note: {built.text.note}")


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="Format: " + "|".join(e.name for e in list_exporters())
                                     + "|ttl|jsonld|nt (the linked-data view)")],
    out: Annotated[Path | None, typer.Option("--out", "--output", "-o", help="File (or folder, for csv) to write")] = None,
    query: QueryOption = None,
    param: ParamOption = None,
    around: AroundOption = None,
    depth: DepthOption = 1,
    force: ForceOption = False,
    store: StoreOption = None,
) -> None:
    """The graph (or a query's part of it) for Gephi, Cytoscape and spreadsheets; ttl/jsonld/nt dump the
    RDF view the HTTP API serves (policykg.ontology.export)."""
    from policykg.ontology.export import RDF_EXPORTERS, export_rdf

    if fmt in RDF_EXPORTERS:
        target = _out(out, f"graph.{fmt}")
        try:
            check_writable(target, force)
        except OutputExists as exc:
            raise CliError(str(exc), code=2) from exc
        with open_graph(store) as kg:
            triples = export_rdf(kg, fmt, target)
        typer.echo(f"wrote {target}  ({triples} triples)")
        return
    try:
        exporter = get_exporter(fmt)
        target = _out(out, f"graph{exporter.suffix}" if exporter.single_file else "graph-csv")
        check_writable(target, force)
        with open_graph(store) as kg:
            data, _ = _pick(kg.store, query, param, around, depth)
        written = write_export(fmt, data, target)
        if not exporter.single_file:
            mark_folder(target)
    except (UnknownFormat, QueryError, OutputExists) as exc:
        raise CliError(str(exc), code=2) from exc
    for path in written:
        typer.echo(f"wrote {path}")
    typer.echo(f"{len(data.nodes)} nodes, {len(data.edges)} relationships")


def register(app: typer.Typer) -> None:
    for command in (viz, chart, report, export):
        app.command()(reports_errors(command))
