"""Bad input: each kind is refused with one clear LoaderError naming the file and the reason.

Ends with fuzzing: random bytes and byte-level mutations of every fixture format may
only ever give a LoaderError (or a result), never another exception.
"""

from __future__ import annotations

import io
import os
import random
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import fixtures_build as fb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.loaders import LoaderError, extract_file
from policykg.loaders.read import MAX_BYTES, SourceText, read_bytes, read_source
from policykg.loaders.readers import sniff
from policykg.loaders.types import Extraction


def refused(path: Path) -> LoaderError:
    with pytest.raises(LoaderError) as info:
        read_source(path)
    assert info.value.source == str(path)
    return info.value


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b" \r\n\t\n", "the file is empty"),
        ("nul.txt", b"\xe7\xa7\x91\x00\x00\x01\x02binary", "binary file (NUL bytes)"),
        ("data.bin", os.urandom(64).replace(b"\x00", b"") + b"\x00" + os.urandom(64), "binary file"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 4, "undecodable bytes"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "binary file: a PNG image"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "legacy Office file"),
        ("empty.html", b"<html><head><title>t</title><script>x()</script></head><body> </body></html>", "no text"),
        ("bom-only.txt", b"\xef\xbb\xbf", "no text in the TXT file"),
    ],
)
def test_refused_with_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    assert reason in refused(write(tmp_path, name, data)).reason


def test_html_of_only_chrome_has_no_text(tmp_path: Path) -> None:
    page = """<html><body><div class="nav">网站首页 政务公开</div><ul class="menu"><li>机构</li></ul>
      <div>当前位置：首页 &gt; 政务公开</div><p>【打印本页】【关闭窗口】</p><footer>版权所有</footer></body></html>"""
    assert "HTML page with no text" in refused(write(tmp_path, "chrome.html", page.encode())).reason


def test_an_html_page_of_prose_loads_as_its_paragraphs(tmp_path: Path) -> None:
    page = "<html><body><h1>今日要闻</h1><p>全市新认定高新技术企业三百家，同比增长两成。</p></body></html>"
    extraction = extract_file(write(tmp_path, "news.html", page.encode()))
    assert [t.text for t in extraction.tasks] == ["全市新认定高新技术企业三百家,同比增长两成。"]


def test_image_only_pdf(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "scan.pdf", fb.image_pdf_bytes())).reason == "no text layer (scanned image?)"


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=StandardEncryption("user", "owner"))
    page.drawString(40, 700, "secret")
    page.save()
    assert "encrypted PDF" in refused(write(tmp_path, "locked.pdf", out.getvalue())).reason


def test_oversized_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no disk space used

    def no_reading(self: Path) -> bytes:
        raise AssertionError("read the file before checking its size")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    error = refused(path)
    assert "the limit is 50 MB" in error.reason


def test_oversized_bytes_are_refused() -> None:
    with pytest.raises(LoaderError, match="the limit is 50 MB"):
        read_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


@pytest.mark.parametrize(("name", "build"), [("plan.docx", fb.docx_bytes), ("plan.xlsx", fb.xlsx_bytes)])
def test_truncated_office_file(tmp_path: Path, name: str, build: Callable[[], bytes]) -> None:
    data = build()
    error = refused(write(tmp_path, name, data[: len(data) // 2]))
    assert f"truncated or corrupt {name.rsplit('.', 1)[1].upper()} (zip error" in error.reason


def test_docx_with_garbage_xml_inside(tmp_path: Path) -> None:
    original = zipfile.ZipFile(io.BytesIO(fb.docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in original.infolist():
            body = b"<w:document><unclosed" if item.filename == "word/document.xml" else original.read(item)
            archive.writestr(item, body)
    assert refused(write(tmp_path, "bad.docx", out.getvalue())).reason.startswith("cannot read the DOCX file (")


def test_zip_that_is_not_office(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")
    assert "corrupt DOCX" in refused(write(tmp_path, "plan.docx", out.getvalue())).reason
    assert "neither DOCX nor XLSX" in refused(write(tmp_path, "plan.odt", out.getvalue())).reason


def test_zip_bomb_guard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniff, "MAX_UNZIPPED", 1000)
    assert "zip bomb" in refused(write(tmp_path, "plan.docx", fb.docx_bytes())).reason


def test_zip_needing_an_unknown_zip_version(tmp_path: Path) -> None:
    # Found by fuzzing: zipfile raises NotImplementedError, not BadZipFile, for this.
    data = bytearray(fb.docx_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6 : central + 8] = (126).to_bytes(2, "little")  # "version needed to extract" 12.6
    assert "truncated or corrupt DOCX (zip error" in refused(write(tmp_path, "v.docx", bytes(data))).reason


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "cannot read the file" in refused(tmp_path / "missing.txt").reason
    assert "not a regular file" in refused(tmp_path).reason


def test_extract_file_reports_and_does_not_crash(tmp_path: Path) -> None:
    with pytest.raises(LoaderError) as info:
        extract_file(write(tmp_path, "scan.pdf", fb.image_pdf_bytes()))
    assert str(info.value) == f"{tmp_path / 'scan.pdf'}: no text layer (scanned image?)"


# --- fuzzing ---------------------------------------------------------------------------

_EXTENSIONS = ["txt", "html", "docx", "pdf", "xlsx", "csv", "bin", "doc", ""]


def _read_or_refuse(data: bytes, name: str) -> None:
    try:
        src = read_bytes(data, name)
    except LoaderError as error:
        assert error.reason
        return
    assert isinstance(src, SourceText)
    assert src.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from(_EXTENSIONS))
def test_random_bytes_read_or_refuse(data: bytes, ext: str) -> None:
    _read_or_refuse(data, f"random.{ext}" if ext else "random")


def _seeds() -> dict[str, bytes]:
    return {
        "plan.txt": fb.PLAN_TEXT.encode("gbk"),
        "plan.csv": fb.csv_bytes(),
        "plan.html": fb.html_bytes("gbk"),
        "plan.docx": fb.docx_bytes(),
        "plan.xlsx": fb.xlsx_bytes(merge_unit=True),
        "plan.pdf": fb.pdf_bytes(),
    }


SEEDS = _seeds()


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed with a few bytes flipped, a slice cut out or garbage spliced in, or truncated."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[at:]
    return name, bytes(data)


_FUZZ_DIR = Path(tempfile.mkdtemp(prefix="policykg-fuzz-"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_seeds_extract_or_raise_loader_error(case: tuple[str, bytes]) -> None:
    name, data = case
    _read_or_refuse(data, name)  # the reading stage on its own, without the pipeline's catch-all
    path = _FUZZ_DIR / name
    path.write_bytes(data)
    _extract_or_refuse_cleanly(path)


def _extract_or_refuse_cleanly(path: Path) -> None:
    """Extract, or refuse with a reason of the input's own: a parser bug must not hide behind
    the pipeline's catch-all (its reason is "could not be parsed (IndexError: …)")."""
    try:
        result = extract_file(path)
    except LoaderError as error:
        assert "could not be parsed" not in error.reason, error.reason
        return
    assert isinstance(result, Extraction)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seeded_random_mutations_read_or_refuse(name: str) -> None:
    """A fixed, broader sweep than hypothesis's: 60 mutants per format, same every run."""
    rng = random.Random(name)
    for _ in range(60):
        data = bytearray(SEEDS[name])
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(data))
            op = rng.choice(["flip", "flip", "cut", "insert"])
            if op == "flip":
                data[at] = rng.randrange(256)
            elif op == "cut":
                del data[at : at + rng.randint(1, 32)]
            else:
                data[at:at] = rng.randbytes(rng.randint(1, 8))
        _read_or_refuse(bytes(data), name)
        path = _FUZZ_DIR / f"sweep-{name}"
        path.write_bytes(bytes(data))
        _extract_or_refuse_cleanly(path)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_unmutated_seeds_extract(tmp_path: Path, name: str) -> None:
    """The fuzz seeds themselves load, so the fuzzing starts from files that work."""
    assert extract_file(write(tmp_path, name, SEEDS[name])).tasks
