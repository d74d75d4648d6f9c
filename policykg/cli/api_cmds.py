"""``policykg serve``: the HTTP API under uvicorn; ``policykg export-rdf``: the RDF view to a file."""

from __future__ import annotations

from pathlib import Path

import typer

from policykg.cli.common import CliError, StoreOption, open_graph, reports_errors


@reports_errors
def serve_command(
    store: StoreOption = None,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", "-p", help="Port to listen on."),
    base: str | None = typer.Option(None, "--base", help="IRI base [env POLICYKG_BASE, else https://w3id.org/policykg]."),
) -> None:
    """Serve the HTTP API: REST, linked data, SPARQL, named queries (OpenAPI at /docs)."""
    import dataclasses

    from policykg.api import ApiSettings, create_app
    from policykg.api.server import serve

    settings = ApiSettings()
    if base:
        settings = dataclasses.replace(settings, base=base.rstrip("/"))
    with open_graph(store) as kg:
        typer.echo(f"policykg API on http://{host}:{port}/  (docs /docs, store {kg.spec}, "
                   f"writes {'enabled' if settings.api_key else 'disabled: no POLICYKG_API_KEY'})", err=True)
        serve(create_app(kg, settings), host, port)


@reports_errors
def export_rdf_command(
    output: Path = typer.Argument(..., help="The file to write."),
    fmt: str = typer.Option("ttl", "--format", "-f", help="ttl, jsonld or nt"),
    store: StoreOption = None,
    base: str | None = typer.Option(None, "--base", help="IRI base [env POLICYKG_BASE]."),
) -> None:
    """Write the whole graph as RDF (the same triples /sparql queries)."""
    from policykg.ontology.export import RDF_EXPORTERS, export_rdf

    if fmt not in RDF_EXPORTERS:
        raise CliError(f"unknown format {fmt!r}; valid: {', '.join(RDF_EXPORTERS)}", code=2)
    with open_graph(store) as kg:
        triples = export_rdf(kg, fmt, output, base=base)
    typer.echo(f"wrote {triples} triples to {output}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.command("export-rdf")(export_rdf_command)
