"""Bounded work per document (issue 10, point 6): hostile inputs stay cheap, a runaway one is stopped.

Timed with generous bounds the issue sets (5 s, 1 GB), not as benchmarks: before the
fixes '达到100亿元'×8000 took 156 s, a 10 MB plan 332 s, HTML nested 100,000 deep over 60 s.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policykg.extraction import ExtractionPool
from policykg.loaders import LoaderError, extract_file
from policykg.loaders.read import MAX_CHARS
from policykg.loaders.readers.html import MAX_DEPTH

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
MB = 1024 * 1024
HEAD = "某省科学技术厅2030年工作要点\n1.建设未来实验室,力争"


def one_mb(tmp_path: Path, name: str, unit: str, tail: str = "") -> Path:
    body = unit * (MB // len(unit.encode()))
    path = tmp_path / name
    path.write_text(HEAD + body + tail, encoding="utf-8")
    assert path.stat().st_size >= MB
    return path


def timed(path: Path) -> tuple[float, object]:
    """CPU seconds of this process (other processes on a shared machine do not count) and the outcome."""
    started = time.process_time()
    try:
        result: object = extract_file(path)
    except LoaderError as exc:
        result = exc
    return time.process_time() - started, result


@pytest.mark.parametrize(("name", "unit"), [
    ("figures.txt", "达到100亿元"),            # a figure every 8 characters, no delimiter
    ("figures-commas.txt", "达到100亿元,"),   # one clause per figure, one sentence
    ("delimiters.txt", "、"),                 # a list delimiter 350,000 times
    ("commas.txt", ",,;"),
    ("brackets.txt", "(("),                   # clause_start's bracket depth
])
def test_a_megabyte_of_hostile_text_extracts_in_under_5_s(tmp_path: Path, name: str, unit: str) -> None:
    seconds, result = timed(one_mb(tmp_path, name, unit, tail="。\n2.培育高新技术企业9000家。\n"))
    assert seconds < 5, f"{name}: {seconds:.1f} s"
    assert not isinstance(result, Exception) or isinstance(result, LoaderError)


def test_html_nested_deeper_than_the_cap_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "1.建设实验室。" + "</div>" * 100_000 + "</body></html>")
    seconds, result = timed(path)
    assert seconds < 5
    assert isinstance(result, LoaderError) and f"more than {MAX_DEPTH}" in str(result)


def test_ordinary_html_with_unclosed_paragraphs_is_not_deep(tmp_path: Path) -> None:
    path = tmp_path / "flat.html"
    path.write_text("<html><body><h1>某省科学技术厅2030年工作要点</h1>" + "<p>1.建设未来实验室。" * 2000 + "</body></html>")
    extraction = extract_file(path)
    assert extraction.tasks


def test_decoded_text_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(HEAD + "a" * (MAX_CHARS + 10), encoding="utf-8")  # 6 MB: under the byte cap, over the characters
    seconds, result = timed(path)
    assert isinstance(result, LoaderError) and "characters" in str(result)
    assert seconds < 5


def test_a_10_mb_plan_peaks_under_1_gb(tmp_path: Path) -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(PLANS.glob("*.txt")))
    data = (text * (10 * MB // len(text.encode()) + 1)).encode()[: 10 * MB].decode(errors="ignore")
    path = tmp_path / "ten.txt"
    path.write_text(data, encoding="utf-8")
    code = ("import json, resource, sys; from policykg.loaders import extract_file; x = extract_file(sys.argv[1]); "
            "print(json.dumps({'tasks': len(x.tasks), 'rss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=600, check=True)
    report = json.loads(out.stdout)
    assert report["tasks"] > 10_000
    assert report["rss"] * 1024 < 1024 * MB, f"peak RSS {report['rss'] // 1024} MB"


def test_a_runaway_document_is_stopped_and_the_next_one_loads(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(PLANS.glob("*.txt")))
    slow.write_text(text * 30, encoding="utf-8")  # several seconds of honest work
    pool = ExtractionPool(jobs=1, timeout=0.5)
    try:
        started = time.perf_counter()
        [first] = pool.extract_all([slow])
        assert first.path == str(slow) and first.rows is None
        assert first.error == f"{slow}: extraction ran past the per-document limit of 0.5 s and was stopped " \
                              "(raise it with --timeout or POLICYKG_DOC_TIMEOUT)"
        assert time.perf_counter() - started < 20  # killed, not waited for
        pool.timeout = 120
        [second] = pool.extract_all([next(PLANS.glob("*.txt"))])
        assert second.rows is not None and second.tasks  # the pool's fresh worker carries on
    finally:
        pool.close()


def test_the_pool_reports_a_loader_error_as_the_documents_failure() -> None:
    pool = ExtractionPool(jobs=1, timeout=60)
    try:
        [failed] = pool.extract_all(["/no/such/plan.txt"])
        assert failed.rows is None and failed.error is not None and "cannot read the file" in failed.error
    finally:
        pool.close()


def test_a_plain_script_without_a_main_guard_can_extract_in_the_pool(tmp_path: Path) -> None:
    # spawn and forkserver re-run the caller's main module in each worker: an unguarded script
    # calling kg.load would then fail with "an attempt has been made to start a new process
    # before the current process has finished its bootstrapping phase".
    plans = sorted(PLANS.glob("*.txt")) * 4  # enough files for two workers
    script = tmp_path / "load_plans.py"
    script.write_text("from policykg.extraction import ExtractionPool\n"
                      f"files = {[str(p) for p in plans]!r}\n"
                      "pool = ExtractionPool(jobs=2, timeout=60)\n"
                      "print(sum(1 for x in pool.extract_all(files) if x.rows is not None))\n"
                      "pool.close()\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == str(len(plans))
