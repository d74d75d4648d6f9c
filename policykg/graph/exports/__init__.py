"""Export formats by name, rdflib-plugin style: adding a format is adding a module here.

Each module of this package that defines ``EXPORTER`` (an ``Exporter``) is a
format; ``get_exporter("graphml")`` finds it, ``write_export`` writes it. The
registry is built on first use by scanning the package, so no list of formats
is kept anywhere else.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

from policykg.graph.exports.base import Edge, Exporter, GraphData, Node, flat_attributes

__all__ = ["Edge", "Exporter", "GraphData", "Node", "UnknownFormat", "flat_attributes", "get_exporter",
           "list_exporters", "write_export"]

_SKIP = {"base"}


class UnknownFormat(ValueError):
    """No exporter of that name; the message lists the ones there are."""


@lru_cache(maxsize=1)
def _registry() -> dict[str, Exporter]:
    found: dict[str, Exporter] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name in _SKIP:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        exporter = getattr(module, "EXPORTER", None)
        if isinstance(exporter, Exporter):
            if exporter.name in found:
                raise ValueError(f"two exporters are named {exporter.name!r} ({info.name})")
            found[exporter.name] = exporter
    return found


def list_exporters() -> list[Exporter]:
    return [e for _, e in sorted(_registry().items())]


def get_exporter(name: str) -> Exporter:
    try:
        return _registry()[name]
    except KeyError:
        raise UnknownFormat(f"unknown export format {name!r}; valid: {', '.join(sorted(_registry()))}") from None


def write_export(name: str, data: GraphData, out: Path) -> list[Path]:
    """Render and write; a single-file format goes to ``out``, a multi-file one into the folder ``out``.

    The caller decides whether ``out`` may be written (see ``policykg.viz.files``).
    """
    files = get_exporter(name).render(data)
    if len(files) == 1 and get_exporter(name).single_file:
        ((file_name, content),) = files.items()
        if out.is_dir():
            out = out / file_name  # a folder given for one file: the format's own file name inside it
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, content in files.items():
        path = out / file_name
        path.write_bytes(content)
        written.append(path)
    return written
