"""Writing a picture or an export without overwriting what policykg did not write.

A file may be replaced when policykg wrote it (its first bytes carry one of ``MARKERS``,
the generator line each format has a place for) or
when the user says ``--force``; anything else stays untouched and the message
says how to go on. A folder of CSV files is policykg's when it holds ``FOLDER_MARKER``.
"""

from __future__ import annotations

from pathlib import Path

#: What policykg writes near the top of each of its files: HTML pages, PNG (tEXt Software), SVG (dc:title of the
#: creator), GraphML (a comment), GEXF (creator) and Cytoscape JSON. A script merely mentioning policykg has none.
MARKERS = (b'<meta name="generator" content="policykg', b"Software\x00policykg", b"<dc:title>policykg",
           b"<!-- written by policykg", b"<creator>policykg", b'"generated_by": "policykg"')
FOLDER_MARKER = ".policykg-export"
_HEAD = 64 * 1024


class OutputExists(FileExistsError):
    """The output path holds something policykg did not write."""


def written_by_policykg(path: Path) -> bool:
    if path.is_dir():
        return (path / FOLDER_MARKER).exists() or not any(path.iterdir())
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError:
        return False
    return any(marker in head for marker in MARKERS)


def check_writable(path: Path, force: bool = False) -> None:
    """Raise ``OutputExists`` unless ``path`` is absent, policykg's own, or ``force`` is given."""
    if not path.exists() or force:
        return
    if path.is_dir() and not path.is_symlink():
        if written_by_policykg(path):
            return
        raise OutputExists(f"{path} is a folder policykg did not make; choose another --out or pass --force")
    if not written_by_policykg(path):
        raise OutputExists(f"{path} exists and policykg did not write it; choose another --out or pass --force")


def write_text(path: Path, text: str, force: bool = False) -> Path:
    """UTF-8, explicitly: a page written in the platform's default encoding breaks its Chinese on Windows."""
    check_writable(path, force)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def mark_folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / FOLDER_MARKER).touch()
