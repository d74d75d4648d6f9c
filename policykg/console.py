"""The ``policykg`` console script: ``--version`` and the plain ``queries`` listing answered before anything heavy is imported.

``policykg.cli`` imports typer, whose parameter coercion builds pydantic adapters (~0.15 s);
asking for the version needs none of it. Every other command line goes to ``policykg.cli.main``.
"""

from __future__ import annotations

import sys

from policykg import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"policykg {__version__}")
        return
    if sys.argv[1:] == ["queries"]:  # the plain listing: the catalogue's headers, nothing of the CLI
        from policykg.queries.listing import listing_text

        sys.stdout.write(listing_text())
        return
    from policykg.cli import main as cli_main

    cli_main()
