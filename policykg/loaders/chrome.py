"""Page chrome in plain text: navigation, share and print lines, counters, footers, CMS noise.

Crawled pages reach us as text with their site's chrome still in it (a .txt saved from
a browser, a mirror's copy). A line that matches one of the lexicon's chrome rules and is
short enough to be chrome is blanked: its characters become spaces, so the text keeps its
length and every span (and the offset map back to the source) stays valid, while the
outline and target stages see an empty line. Metadata is read before this runs, so a
metadata block (索引号, 发布机构…) fills the document's fields and is then blanked too.
"""

from __future__ import annotations

from policykg.loaders import lexicon


def chrome_rule(line: str) -> str | None:
    """The name of the chrome rule a line matches, or None for a line of text."""
    stripped = line.strip()
    if not stripped:
        return None
    for rule in lexicon.chrome_rules():
        if len(stripped) <= rule.max_len and rule.pattern.search(stripped):
            return rule.name
    return None


def chrome_lines(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the lines that are page chrome."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if chrome_rule(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def strip_chrome(text: str) -> str:
    """The text with every chrome line blanked (same length, same line breaks)."""
    lines = text.split("\n")
    return "\n".join(" " * len(line) if chrome_rule(line) else line for line in lines)
