"""CSV files for ``neo4j-admin database import full``: a first load of a large corpus into an empty Neo4j.

The batched ``UNWIND`` path is how documents go into a live database; for the first load of
thousands of plans, Neo4j's offline importer writes the store files directly, far faster than
any transaction. ``CsvSink`` takes the rows of ``graph.firstload.FirstLoad`` (the same rows, and
so the same graph fingerprint, as the transactional path) and writes one header and one data
file per label (or relationship type) and *property signature*: the importer types a column in
its header, and a property can be an integer in one row and a float in another (a target's
value), or absent, so rows are grouped by which properties they have and of which type. Any
property a record type gains gets its column this way, with nothing to declare.

``command`` gives the importer's arguments for the files written; ``write_script`` saves them as
``import.sh`` beside the files. The importer needs the database stopped and empty
(``--overwrite-destination`` replaces it); policykg then makes its constraints and indexes when it
first opens the database (``graph.schema``). docs/neo4j.md says how to run it.
"""

from __future__ import annotations

import csv
import shlex
from pathlib import Path
from typing import Any, TextIO

#: Between the elements of a list value (docs, aliases, spans): a control character no text holds.
ARRAY_DELIMITER = "\x1f"
_SCALAR_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


def _type(value: Any) -> str:
    if isinstance(value, list):
        kinds = {_type(v) for v in value}
        if kinds == {"long", "double"}:
            return "double[]"
        if len(kinds) > 1:
            raise ValueError(f"a list of mixed types cannot be imported: {value!r}")
        return f"{kinds.pop() if kinds else 'string'}[]"
    for python, name in _SCALAR_TYPES:
        if isinstance(value, python):
            return name
    raise ValueError(f"no importer type for {type(value).__name__}: {value!r}")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_text(v) for v in value)
    return repr(value) if isinstance(value, float) else str(value)


class _Group:
    def __init__(self, folder: Path, stem: str, header: list[str]) -> None:
        self.header_file = folder / f"{stem}.header.csv"
        self.data_file = folder / f"{stem}.csv"
        with self.header_file.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerow(header)
        self.fh: TextIO = self.data_file.open("w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.fh, quoting=csv.QUOTE_ALL)


class CsvSink:
    """A ``FirstLoad`` sink writing the importer's files into ``folder``; ``close`` when done."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.nodes: dict[tuple[str, tuple[tuple[str, str], ...]], _Group] = {}
        self.rels: dict[tuple[str, str, str, tuple[tuple[str, str], ...]], _Group] = {}

    def __call__(self, kind: str, key: Any, row: dict[str, Any]) -> None:
        if kind == "node":
            self._node(str(key), row)
        else:
            rel, start, end = key
            self._rel(str(rel), str(start), str(end), row)

    def _node(self, label: str, row: dict[str, Any]) -> None:
        props = {k: v for k, v in row.items() if k != "id" and v is not None}
        signature = tuple((k, _type(v)) for k, v in sorted(props.items()))
        group = self.nodes.get((label, signature))
        if group is None:
            header = [f"id:ID({label})", *(f"{k}:{t}" for k, t in signature)]
            group = self.nodes[(label, signature)] = _Group(self.folder, f"nodes-{label}-{len(self.nodes)}", header)
        group.writer.writerow([row["id"], *(_text(props[k]) for k, _ in signature)])

    def _rel(self, rel: str, start: str, end: str, row: dict[str, Any]) -> None:
        props = {k: v for k, v in (row.get("props") or {}).items() if v is not None}
        signature = tuple((k, _type(v)) for k, v in sorted(props.items()))
        group = self.rels.get((rel, start, end, signature))
        if group is None:
            header = [f":START_ID({start})", f":END_ID({end})", *(f"{k}:{t}" for k, t in signature)]
            group = self.rels[(rel, start, end, signature)] = _Group(self.folder, f"rels-{rel}-{len(self.rels)}", header)
        group.writer.writerow([row["start"], row["end"], *(_text(props[k]) for k, _ in signature)])

    def close(self) -> None:
        for group in [*self.nodes.values(), *self.rels.values()]:
            group.fh.close()

    def command(self, database: str = "neo4j") -> list[str]:
        """The importer's arguments (after ``neo4j-admin``) for the files written."""
        args = ["database", "import", "full", database, "--overwrite-destination=true", "--multiline-fields=true",
                "--array-delimiter=U+001F", "--skip-duplicate-nodes=false", "--skip-bad-relationships=false"]
        for (label, _), group in self.nodes.items():
            args.append(f"--nodes={label}={group.header_file},{group.data_file}")
        for (rel, _, _, _), group in self.rels.items():
            args.append(f"--relationships={rel}={group.header_file},{group.data_file}")
        return args

    def write_script(self, database: str = "neo4j") -> Path:
        """``import.sh`` in the folder: the importer's command line, to run where ``neo4j-admin`` is."""
        script = self.folder / "import.sh"
        script.write_text("#!/bin/sh\n# Stop the database first; this replaces it. See docs/neo4j.md.\nexec neo4j-admin "
                          + " ".join(shlex.quote(a) for a in self.command(database)) + "\n", encoding="utf-8")
        script.chmod(0o755)
        return script
