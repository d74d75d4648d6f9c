"""The loaders spell no Chinese word lists: the lexicon holds the vocabulary, the code the structure.

A word list in a module (an alternation of words in a regex, a character class of words, a tuple
or dict of words) is vocabulary that no lexicon test proves and no one finds when a new wording
turns up. This test reads every loader module's source and reports each such list outside the
lexicon package (``policykg/loaders/lexicon``), unless it is named below as structure, with why.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

LOADERS = Path(__file__).resolve().parent.parent / "policykg" / "loaders"
CJK = re.compile(r"[\u4e00-\u9fff]")
#: Chinese numerals are digits, not words: a list of them is how numbers are written (structure).
NUMERALS = set("一二三四五六七八九十百千万亿零〇两")
#: Two CJK words (or a word and a CJK character) on either side of a ``|`` with no group between.
ALT = re.compile(r"[\u4e00-\u9fff][^|()\[\]]*\|[^|()\[\]]*[\u4e00-\u9fff]")
CLASS = re.compile(r"\[([^\]]*)\]")

#: Modules whose word lists are not yet moved into the lexicon: module -> why they may still spell them.
NOT_YET_SWEPT: dict[str, str] = {}


def _numerals_only(words: list[str]) -> bool:
    """A collection of Chinese numerals (十一 -> 11, 二 -> 2): how numbers are written, not vocabulary."""
    return all(set(CJK.findall(w)) <= NUMERALS for w in words)


def findings(path: Path) -> list[tuple[int, str, str]]:
    """(line, kind, text) of every Chinese word list in one module's source; docstrings are prose."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    out: list[tuple[int, str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and CJK.search(e.value)]
            if len(words) >= 2 and not _numerals_only(words):
                out.append((node.lineno, "collection", str(words[:5])))
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
                    and CJK.search(k.value)]
            if len(keys) >= 2 and not _numerals_only(keys):
                out.append((node.lineno, "dict", str(keys[:5])))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if ALT.search(node.value):
                out.append((node.lineno, "alternation", node.value[:60]))
            for m in CLASS.finditer(node.value):
                if len({c for c in m.group(1) if CJK.match(c)} - NUMERALS) >= 2:
                    out.append((node.lineno, "class", m.group(0)[:40]))
    return out


def _modules() -> list[Path]:
    return [p for p in sorted(LOADERS.rglob("*.py")) if "lexicon" not in p.relative_to(LOADERS).parts]


def test_no_word_list_outside_the_lexicon() -> None:
    found = [f"{p.relative_to(LOADERS)}:{line} {kind} {text}" for p in _modules() if p.name not in NOT_YET_SWEPT
             for line, kind, text in findings(p)]
    assert found == [], "word lists belong in policykg/loaders/lexicon/*.yaml:\n" + "\n".join(found)


def test_modules_not_yet_swept_still_need_their_place_on_the_list() -> None:
    """Once a module is swept, it leaves ``NOT_YET_SWEPT`` (so the list only shrinks)."""
    clean = [name for name in NOT_YET_SWEPT if not findings(LOADERS / name)]
    assert clean == [], f"swept, remove from NOT_YET_SWEPT: {clean}"


def test_the_probe_sees_a_word_list(tmp_path: Path) -> None:
    """The probe itself: each kind of word list is found, numerals and docstrings are not."""
    source = '''"""牵头|配合 in a docstring is prose."""
import re
A = re.compile(r"(?:牵头|配合)单位")
B = re.compile(r"[省市县]政府")
C = ("牵头", "配合")
D = {"省": 1, "市": 2}
E = {"一": 1, "十一": 11}
F = re.compile(r"第[一二三四五六七八九十]+条")
'''
    probe = tmp_path / "sample.py"
    probe.write_text(source, encoding="utf-8")
    kinds = [kind for _, kind, _ in findings(probe)]
    assert sorted(kinds) == ["alternation", "class", "collection", "dict"]
