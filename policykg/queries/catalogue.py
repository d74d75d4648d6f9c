"""The named queries: one ``.cypher`` file each, its header the single source of truth.

A header is a block of ``//`` comments at the top of the file::

    // name: units-leading-most-tasks
    // description: Units that lead the most tasks ...
    // param: region: string = null  -- a region name
    // columns: unit, agency, region, tasks

The CLI, the Python API and the HTTP API all read parameters and columns from
here, so adding a query is adding a file.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from policykg.queries.params import BadParameter, Param, UnknownQuery, parse_param

QUERY_DIR = Path(__file__).parent


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    cypher: str
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)
    #: The ``// example:`` header line: the command-line arguments of a run that finds rows in the seed plans.
    example: str = ""

    def example_params(self) -> dict[str, str]:
        """The example's ``--param name=value`` pairs (other options, such as ``--format``, left out):
        what the HTTP API shows as the query string of a working call."""
        words = shlex.split(self.example)
        return dict(w.partition("=")[::2] for k, w in zip(words, words[1:], strict=False) if k == "--param" and "=" in w)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def bind(self, values: dict[str, Any] | None = None) -> dict[str, Any]:
        """Every declared parameter with a value: given ones coerced, the rest defaulted.

        Unknown names are refused rather than ignored: a typo such as ``form=2015``
        would otherwise silently return unfiltered rows.
        """
        values = dict(values or {})
        unknown = sorted(set(values) - {p.name for p in self.params})
        if unknown:
            raise BadParameter(
                f"query {self.name!r} has no parameter {', '.join(map(repr, unknown))}; "
                f"valid: {self.signature() or '(none)'}"
            )
        return {p.name: p.coerce(values[p.name]) if p.name in values else p.coerce(p.default) for p in self.params}

    def signature(self) -> str:
        return ", ".join(p.describe() for p in self.params)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "params": [
                {"name": p.name, "type": p.type_label, "required": p.required, "default": p.default,
                 "description": p.description}
                for p in self.params
            ],
            "columns": list(self.columns),
        }


def parse_query(text: str, path: Path | None = None) -> NamedQuery:
    """Read the header comments; the whole text (comments included) is the statement."""
    where = f"{path}: " if path else ""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        key, sep, value = stripped[2:].strip().partition(":")
        key = key.strip().lower()
        if not sep:
            continue
        if key == "param":
            try:
                params.append(parse_param(value))
            except ValueError as exc:
                raise ValueError(f"{where}line {lineno}: {exc}") from exc
        elif key == "example":
            fields[key] = value.strip()
        elif key in {"name", "description", "columns"}:
            fields[key] = (fields[key] + " " if key == "description" and key in fields else "") + value.strip()
    if "name" not in fields:
        raise ValueError(f"{where}header has no '// name:' line")
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise ValueError(f"{where}a parameter is declared twice: {names}")
    columns = tuple(c.strip() for c in fields.get("columns", "").split(",") if c.strip())
    return NamedQuery(fields["name"], fields.get("description", ""), text, tuple(params), columns, path,
                      fields.get("example", ""))


@lru_cache(maxsize=4)
def load_catalogue(directory: Path = QUERY_DIR) -> dict[str, NamedQuery]:
    """Every ``*.cypher`` file in the directory, by name (which must match the file name)."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(directory.glob("*.cypher")):
        query = parse_query(path.read_text(encoding="utf-8"), path)
        if query.name != path.stem:
            raise ValueError(f"{path}: header name {query.name!r} differs from the file name")
        out[query.name] = query
    return out


def get_query(name: str) -> NamedQuery:
    catalogue = load_catalogue()
    try:
        return catalogue[name]
    except KeyError:
        raise UnknownQuery(f"unknown query {name!r}; valid: {', '.join(sorted(catalogue))}") from None


def list_queries() -> list[NamedQuery]:
    return list(load_catalogue().values())
