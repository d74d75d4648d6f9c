"""Load benchmark: the seed plans replicated N times as distinct documents.

    .venv/bin/python bench/load.py [--copies N] [--store DIR] [--heap 1g] [--json]

Each copy rewrites a seed's text: province and city names rotate through ten
real (province, capital, city, county-level city) tuples and every year moves
forward, so document ids (a hash of the normalised text) differ and the graph
grows as a real corpus would: a region's agencies are shared by that region's
documents, not by all, and an agency gets plans for several years. The copies
are written as .txt files, so the measured path is the real one (read, decode,
normalise, parse, map, continuity, write).

Phases:

1. extraction alone (``extract_file``) and mapping alone (``to_graph_rows`` +
   ``write_statements``), no store;
2. two fresh stores, open at once. Store "load" gets ``KnowledgeGraph.load``
   end to end, one document at a time; the exact statements it sends are
   recorded, and store "raw" gets the same statements replayed with one
   ``store.write`` each, right after, so both sides see the same machine load.
   The end-to-end / raw ratio is what extraction, mapping and continuity cost on
   top of the store. Inside the end-to-end load, time is split by stage;
3. a reload of the whole corpus into "load" (the idempotent replace path);
4. a top-10 leading-units query, median of 20.

Peak RSS is reported for this client (ru_maxrss) and for each server process
(VmHWM from /proc, read before the store is closed).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import policykg.graph.continuity as continuity  # noqa: E402
import policykg.graph.writer as writer  # noqa: E402
import policykg.kg as kg_module  # noqa: E402
import policykg.loaders.worker as worker_module  # noqa: E402
from policykg.graph.embedded import status  # noqa: E402
from policykg.graph.mapping import to_graph_rows  # noqa: E402
from policykg.graph.store import Statement, StoreError  # noqa: E402
from policykg.kg import KnowledgeGraph  # noqa: E402
from policykg.loaders import LoaderError, extract_file  # noqa: E402

SEEDS = ROOT / "examples" / "plans"
# Extraction in this process, not the load's worker process, so the stage hooks see it.
os.environ.setdefault("POLICYKG_DOC_TIMEOUT", "0")
DEFAULT_COPIES = 25
WARM_COPIES = 2  # x 5 seeds, written then deleted on each fresh store before anything is timed
QUERY_RUNS = 20
TOP_UNITS = (
    "MATCH (u:Unit)-[:LEADS]->(t:Task) RETURN u.name AS unit, count(t) AS tasks ORDER BY tasks DESC, unit LIMIT 10"
)

#: (province, capital, prefecture-level city, county-level city in it); the seeds name the first two rows.
REGIONS: list[tuple[str, str, str, str]] = [
    ("浙江", "杭州", "嘉兴", "桐乡"),
    ("湖北", "武汉", "宜昌", "宜都"),
    ("江苏", "南京", "苏州", "昆山"),
    ("广东", "广州", "清远", "英德"),
    ("山东", "济南", "潍坊", "寿光"),
    ("四川", "成都", "德阳", "广汉"),
    ("福建", "福州", "泉州", "晋江"),
    ("安徽", "合肥", "安庆", "桐城"),
    ("湖南", "长沙", "株洲", "醴陵"),
    ("河南", "郑州", "许昌", "禹州"),
]
_PLACE = re.compile("|".join(sorted({n for r in REGIONS for n in r}, key=len, reverse=True)))
_PLACE_AT = {name: (i, j) for i, r in enumerate(REGIONS) for j, name in enumerate(r)}
_YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?!\d)")


def vary(text: str, copy: int) -> str:
    """Copy ``copy`` of a seed: places rotated by ``copy % 10`` regions, years moved by ``copy // 10``."""
    offset, shift = copy % len(REGIONS), copy // len(REGIONS)

    def place(m: re.Match[str]) -> str:
        i, j = _PLACE_AT[m.group(0)]
        return REGIONS[(i + offset) % len(REGIONS)][j]

    text = _PLACE.sub(place, text)
    return _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text) if shift else text


def make_corpus(folder: Path, copies: range) -> list[Path]:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seed plans in {SEEDS}")
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(s.stem, s.read_text(encoding="utf-8")) for s in seeds]
    files = []
    for k in copies:
        for stem, text in texts:
            path = folder / f"c{k:04d}_{stem}.txt"
            path.write_text(vary(text, k), encoding="utf-8")
            files.append(path)
    return files


def server_hwm_mb(pid: int | None) -> float | None:
    """Peak resident set of a process, in MB, from /proc (None if it cannot be read)."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def client_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


@dataclass
class Results:
    copies: int
    files: int = 0
    extract_failed: int = 0
    duplicate_ids: int = 0
    documents: int = 0
    figures: dict[str, Any] = field(default_factory=dict)
    stages: dict[str, float] = field(default_factory=dict)
    parts: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


class Stages:
    """Seconds spent in each stage of ``KnowledgeGraph.load``, by wrapping the functions it calls (bench only)."""

    #: (module, attribute, stage); a name the code no longer has is skipped, so the bench survives refactors.
    HOOKS = (
        (kg_module, "extract_file", "extract"),
        (worker_module, "extract_file", "extract"),  # with POLICYKG_DOC_TIMEOUT=0 (set below), in this process
        (writer, "to_graph_rows", "map"),
        (writer, "write_statements", "map"),
        (writer, "continuity_statements", "continuity (store read + TF-IDF)"),
    )
    #: Parts of a stage above, shown as "of which" and not added to the total.
    PARTS = ((continuity, "tokens", "of which jieba tokens (continuity)"),)

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.parts: dict[str, float] = defaultdict(float)

    def _wrap(self, fn: Callable[..., Any], stage: str, into: dict[str, float]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                into[stage] += time.perf_counter() - started

        return wrapper

    @contextmanager
    def installed(self, kg: KnowledgeGraph, sent: list[Sequence[Statement]]) -> Iterator[None]:
        """Time the stages, and record every statement list ``kg`` writes into ``sent``."""
        hooks = [(h, self.seconds) for h in self.HOOKS] + [(h, self.parts) for h in self.PARTS]
        saved = [(mod, name, getattr(mod, name)) for (mod, name, _), _ in hooks if hasattr(mod, name)]
        for (mod, name, stage), into in hooks:
            if hasattr(mod, name):
                setattr(mod, name, self._wrap(getattr(mod, name), stage, into))
        store_write = kg.store.write

        def write(statements: Sequence[Statement]) -> None:
            sent.append(statements)
            started = time.perf_counter()
            try:
                store_write(statements)
            finally:
                self.seconds["store write"] += time.perf_counter() - started

        setattr(kg.store, "write", write)  # noqa: B010 - an instance attribute over the method, bench only
        try:
            yield
        finally:
            delattr(kg.store, "write")
            for mod, name, fn in saved:
                setattr(mod, name, fn)


def warm_up(kg: KnowledgeGraph, paths: list[Path]) -> float:
    """Load then delete extra documents, so the timed phases see a JIT-compiled server; seconds taken."""
    started = time.perf_counter()
    ids = [r.doc_id for r in kg.load(paths) if r.ok and r.doc_id]
    for doc_id in ids:
        kg.delete_document(doc_id)
    return time.perf_counter() - started


def open_timed(root: Path, heap: str) -> tuple[KnowledgeGraph, dict[str, Any]]:
    kg, seconds = timed(lambda: KnowledgeGraph.open(root, heap=heap))
    st = status(root)
    return kg, {"open_s": seconds, "ready_s": st.ready_seconds, "pid": st.pid}


def extract_alone(res: Results, files: list[Path]) -> list[Path]:
    """Phase 1: extraction and mapping with no store; returns the files that extracted, one per document id."""
    f = res.figures
    docs: list[Path] = []
    seen: set[str] = set()
    extract_s = extract_cpu = map_s = 0.0
    for path in files:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            extraction = extract_file(path)
        except LoaderError as exc:
            res.extract_failed += 1
            res.failures.append(f"{path.name}: {exc}")
            continue
        finally:
            extract_s += time.perf_counter() - started
            extract_cpu += time.process_time() - cpu
        if extraction.document.id in seen:
            res.duplicate_ids += 1
            continue
        seen.add(extraction.document.id)
        started = time.perf_counter()
        writer.write_statements(to_graph_rows(extraction))
        map_s += time.perf_counter() - started
        docs.append(path)
    extracted = res.files - res.extract_failed
    f["extract_s"], f["extract_cpu_s"], f["map_s"] = extract_s, extract_cpu, map_s
    f["extract_docs_per_s"] = extracted / extract_s
    f["extract_docs_per_cpu_s"] = extracted / extract_cpu if extract_cpu else None
    f["map_docs_per_s"] = len(docs) / map_s if map_s else None
    f["corpus_mb"] = sum(p.stat().st_size for p in docs) / 1e6
    return docs


def run(args: argparse.Namespace, work: Path, stores: Path) -> Results:
    res = Results(copies=args.copies)
    f = res.figures
    files = make_corpus(work / "corpus", range(args.copies))
    res.files = len(files)
    # Warm-up copies use indices past the corpus, so they never share an id with it.
    warm = make_corpus(work / "warm", range(args.copies, args.copies + WARM_COPIES))
    docs = extract_alone(res, files)
    res.documents = len(docs)
    if not docs:
        raise SystemExit("no copy extracted; nothing to load:\n" + "\n".join(res.failures[:5]))

    opened: list[KnowledgeGraph] = []
    try:
        kg, start = open_timed(stores / "load", args.heap)
        opened.append(kg)
        raw, raw_start = open_timed(stores / "raw", args.heap)
        opened.append(raw)
        f["store_open_s"], f["server_ready_s"] = start["open_s"], start["ready_s"]
        f["raw_store_open_s"], f["raw_server_ready_s"] = raw_start["open_s"], raw_start["ready_s"]
        _, f["schema_s"] = timed(kg.ensure_schema)
        raw.ensure_schema()
        f["warmup_s"] = warm_up(kg, warm)
        f["raw_warmup_s"] = warm_up(raw, warm)

        # 2. End to end and raw replay, document by document.
        stages = Stages()
        load_times: list[float] = []
        raw_times: list[float] = []
        load_failed = elements = 0
        load_cpu = 0.0
        for path in docs:
            sent: list[Sequence[Statement]] = []
            with stages.installed(kg, sent):
                cpu = time.process_time()
                results, seconds = timed(lambda: kg.load(path))  # noqa: B023 - called at once
                load_cpu += time.process_time() - cpu
            load_times.append(seconds)
            for r in results:
                if r.ok:
                    elements += r.nodes + r.relationships
                else:
                    load_failed += 1
                    res.failures.append(f"load {r.source}: {r.error}")
            started = time.perf_counter()
            for statements in sent:
                raw.store.write(statements)
            raw_times.append(time.perf_counter() - started)
            del sent, results
            gc.freeze()  # what this document left alive need not be walked by every later collection
        load_s, raw_s = sum(load_times), sum(raw_times)
        ok = len(docs) - load_failed
        f.update(
            load_s=load_s, load_client_cpu_s=load_cpu, load_failed=load_failed, elements=elements,
            load_docs_per_s=ok / load_s, load_elements_per_s=elements / load_s,
            raw_s=raw_s, raw_docs_per_s=ok / raw_s, raw_elements_per_s=elements / raw_s,
            ratio_load_over_raw=load_s / raw_s,
            ratio_load_over_raw_median_doc=statistics.median(a / b for a, b in zip(load_times, raw_times, strict=True)),
            load_first_half_docs_per_s=(len(docs) // 2) / sum(load_times[: len(docs) // 2]),
            load_second_half_docs_per_s=(len(docs) - len(docs) // 2) / sum(load_times[len(docs) // 2:]),
        )
        res.stages = dict(stages.seconds)
        res.stages["other (driver, sessions, python)"] = load_s - sum(stages.seconds.values())
        res.parts = dict(stages.parts)

        stats = kg.counts()
        f["graph_nodes"] = sum(stats["nodes"].values())
        f["graph_relationships"] = sum(stats["relationships"].values())
        f["graph_units"] = stats["nodes"].get("Unit", 0)
        f["graph_regions"] = stats["nodes"].get("Region", 0)
        f["graph_continues"] = stats["relationships"].get("CONTINUES", 0)
        f["raw_same_graph"] = raw.counts() == stats

        # 3. Reload: every document replaced; the graph must come out the same.
        reload, f["reload_s"] = timed(lambda: kg.load(docs))
        f["reload_failed"] = sum(not r.ok for r in reload)
        f["reload_docs_per_s"] = len(docs) / f["reload_s"]
        f["ratio_reload_over_load"] = f["reload_s"] / load_s
        f["reload_same_graph"] = kg.counts() == stats

        # 4. Query latency.
        runs = []
        top: list[dict[str, Any]] = []
        for _ in range(QUERY_RUNS):
            top, seconds = timed(lambda: kg.read(TOP_UNITS))
            runs.append(seconds)
        f["query_first_ms"] = runs[0] * 1000
        f["query_median_ms"] = statistics.median(runs) * 1000
        f["query_top_unit"] = top[0] if top else None

        f["server_hwm_load_mb"] = server_hwm_mb(start["pid"])
        f["server_hwm_raw_mb"] = server_hwm_mb(raw_start["pid"])
    finally:
        for store in opened:
            store.close()
    f["client_peak_rss_mb"] = client_rss_mb()
    return res


def report(res: Results) -> str:
    f = res.figures

    def line(label: str, value: str, note: str = "") -> str:
        return f"  {label:<38}{value:>14}  {note}".rstrip()

    def mb(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.0f} MB"

    seeds = res.files // max(res.copies, 1)
    out = [
        f"policykg load benchmark: {res.copies} copies x {seeds} seeds = {res.files} files -> {res.documents} distinct "
        f"documents ({f['corpus_mb']:.1f} MB); {res.extract_failed} failed to extract, {res.duplicate_ids} duplicate ids",
        "",
        "store",
        line("open (spawn server + Bolt connect)", f"{f['store_open_s']:.2f} s",
             f"second store, opened while the first runs: {f['raw_store_open_s']:.2f} s"),
        line("server's own ready_seconds", f"{f['server_ready_s'] or 0:.2f} s",
             f"server.start() to database open, JVM boot excluded; second: {f['raw_server_ready_s'] or 0:.2f} s"),
        line("schema (constraints + indexes)", f"{f['schema_s']:.2f} s"),
        line("JIT warm-up (load + delete)", f"{f['warmup_s']:.2f} s",
             f"{WARM_COPIES * seeds} extra docs, not in the figures below; second store: {f['raw_warmup_s']:.2f} s"),
        "",
        "throughput",
        line("extraction alone", f"{f['extract_docs_per_s']:.1f} doc/s",
             f"{f['extract_s']:.2f} s wall; {f['extract_docs_per_cpu_s'] or 0:.1f} doc per CPU-second"),
        line("mapping alone (rows + statements)", f"{f['map_docs_per_s'] or 0:.1f} doc/s", f"{f['map_s']:.2f} s"),
        line("end-to-end (KnowledgeGraph.load)", f"{f['load_docs_per_s']:.1f} doc/s",
             f"{f['load_s']:.2f} s, {f['load_elements_per_s']:.0f} elements/s, {f['load_failed']} failed; "
             f"first half {f['load_first_half_docs_per_s']:.1f}, second half {f['load_second_half_docs_per_s']:.1f} doc/s"),
        line("raw write of the same statements", f"{f['raw_docs_per_s']:.1f} doc/s",
             f"{f['raw_s']:.2f} s, {f['raw_elements_per_s']:.0f} elements/s"),
        line("reload (replace every document)", f"{f['reload_docs_per_s']:.1f} doc/s",
             f"{f['reload_s']:.2f} s; graph unchanged: {f['reload_same_graph']}"),
        "",
        "ratios",
        line("end-to-end / raw write", f"{f['ratio_load_over_raw']:.2f} x",
             f"median per document {f['ratio_load_over_raw_median_doc']:.2f} x"),
        line("reload / first load", f"{f['ratio_reload_over_load']:.2f} x"),
        "",
        "where the end-to-end time goes",
    ]
    total = f["load_s"]
    for stage, seconds in sorted(res.stages.items(), key=lambda kv: -kv[1]):
        out.append(line(stage, f"{seconds:.2f} s", f"{100 * seconds / total:.0f} %"))
    for part, seconds in res.parts.items():
        out.append(line(f"  {part}", f"{seconds:.2f} s", f"{100 * seconds / total:.0f} %"))
    out += [
        line("client CPU during the load", f"{f['load_client_cpu_s']:.2f} s", f"{100 * f['load_client_cpu_s'] / total:.0f} % of wall"),
        "",
        "graph",
        line("elements written (nodes + rels)", f"{f['elements']:,}", "rows sent; a shared node counts once per document"),
        line("in the store: nodes / relationships", f"{f['graph_nodes']:,} / {f['graph_relationships']:,}",
             f"{f['graph_units']} units, {f['graph_regions']} regions, {f['graph_continues']} CONTINUES; "
             f"raw store identical: {f['raw_same_graph']}"),
        "",
        "query (top-10 leading units, kg.read)",
        line(f"median of {QUERY_RUNS}", f"{f['query_median_ms']:.1f} ms", f"first run {f['query_first_ms']:.1f} ms"),
        "",
        "memory (peak RSS)",
        line("python client (ru_maxrss)", mb(f["client_peak_rss_mb"])),
        line("server, end-to-end store (VmHWM)", mb(f["server_hwm_load_mb"]), "the server process, JVM included"),
        line("server, raw-write store (VmHWM)", mb(f["server_hwm_raw_mb"])),
    ]
    if res.failures:
        out += ["", f"failures ({len(res.failures)}; first 5):"] + [f"  {x}" for x in res.failures[:5]]
    return "\n".join(out)


def servers_left(stores: Path) -> list[str]:
    """Server processes still running on this bench's stores (other stores on the machine are not ours)."""
    found = subprocess.run(["pgrep", "-af", "policykg.graph.arcadedb_server"], capture_output=True, text=True)
    mine = str(stores.resolve())
    return [line for line in found.stdout.splitlines() if mine in line]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--copies", type=int, default=DEFAULT_COPIES, help="copies of each seed (default %(default)s)")
    parser.add_argument("--store", type=Path, help="folder for the two stores (default: a temp folder, removed after)")
    parser.add_argument("--heap", default="1g", help="server JVM heap (default %(default)s)")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = parser.parse_args(argv)
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    if args.store and any((args.store / name).exists() for name in ("load", "raw")):
        parser.error(f"{args.store} already holds a bench store (load/ or raw/); give an empty folder")

    work = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    stores = args.store or work / "stores"
    try:
        res = run(args, work, stores)
    except StoreError as exc:
        print(f"store error: {exc}", file=sys.stderr)
        return 1
    finally:
        left = servers_left(stores)
        shutil.rmtree(work, ignore_errors=True)
    print(report(res))
    if left:
        print(f"\nWARNING: server processes left running: {left}", file=sys.stderr)
    if args.json:
        print(json.dumps({"copies": res.copies, "files": res.files, "documents": res.documents,
                          "extract_failed": res.extract_failed, "duplicate_ids": res.duplicate_ids,
                          **res.figures, "stages_s": res.stages, "parts_s": res.parts}, ensure_ascii=False, default=str))
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
