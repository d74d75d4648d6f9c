"""The named queries as the ``policykg queries`` listing shows them, without typer.

``policykg queries`` is what a new user types first; its plain listing is printed by the
console script straight from here (``policykg.console``), before typer and the CLI load,
and by the ``queries`` verb for the same table, so the text has one source.
"""

from __future__ import annotations

from policykg.queries.catalogue import NamedQuery, list_queries


def example_of(named: NamedQuery) -> str:
    """The query's ``// example:`` header line as a command, else one built from its required parameters."""
    if named.example:
        return f"policykg query {named.name} {named.example}"
    required = " ".join(f"--param {p.name}=…" for p in named.params if p.required)
    return f"policykg query {named.name} {required}".strip()


def listing_rows() -> list[dict[str, str]]:
    """One row per query: name, parameters, example, description."""
    return [{"name": q.name, "parameters": "; ".join(p.describe() for p in q.params),
             "example": example_of(q), "description": q.description} for q in list_queries()]


def listing_text() -> str:
    """One block a query (reads better in 80 columns than a four-column table), then a count."""
    rows = listing_rows()
    blocks = [f"{row['name']}\n  {row['description']}\n  parameters: {row['parameters'] or '(none)'}\n"
              f"  example:    {row['example']}\n\n" for row in rows]
    return "".join(blocks) + (f"{len(rows)} named queries; `policykg query NAME --format json|csv|xlsx|md` "
                              "for other formats\n")
