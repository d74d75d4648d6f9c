"""People by what a name is: a Chinese personal name beside a post, or in a field that holds people.

Plans name the people who answer for work in many places: a 责任人 label, a 责任领导 column,
a leader heading a group of tasks (``夏禹桨区长牵头重点工作``), the 组长 and 成员 of a leading
group, a contact person. Wherever it stands, a name is two to four characters opening with a
surname (the lexicon's ``people.surnames``), written beside a post (``副市长李丹``, ``李丹常务副区长``,
``张三(副局长)``) or alone in a people field. A post alone (``分管副市长``), a collective
(``各位厅领导``) or a masked name (``XX``, ``×××``, ``张某``) names nobody.

All word lists come from the lexicon (``people.yaml``); this module holds only the shape of
a name and the order posts and names are written in.
"""

from __future__ import annotations

import re
from functools import cache

from policykg.loaders import lexicon

_CJK_NAME = r"[\u4e00-\u9fa5]"
_BRACKETED = re.compile(r"\s*[(（][^()（）]*[)）]\s*")
_MINORITY = re.compile(r"^[\u4e00-\u9fa5]{1,6}·[\u4e00-\u9fa5]{1,8}$")
_SEPARATORS = "、,，;；/ \u3000"


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(lexicon.words("people.surnames")), frozenset(lexicon.words("people.compound_surnames"))


@cache
def _posts() -> tuple[str, ...]:
    return tuple(sorted(lexicon.words("people.posts"), key=len, reverse=True))


@cache
def _post_pattern() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, _posts())) + ")")


@cache
def _not_person() -> re.Pattern[str]:
    return lexicon.words_regex("people.not_person")


@cache
def _masks() -> tuple[str, ...]:
    return lexicon.words("people.masks")


def masked(text: str) -> bool:
    """A stand-in for a removed name (XX, ×××, 张某)."""
    return any(m in text for m in _masks())


def looks_like_name(name: str) -> bool:
    """Two to four characters opening with a surname (or a minority name with ·), not masked."""
    if not name or masked(name):
        return False
    if _MINORITY.match(name):
        return True
    if not re.fullmatch(_CJK_NAME + "{2,4}", name):
        return False
    singles, compounds = _surnames()
    if name[:2] in compounds:
        return len(name) >= 3
    return name[0] in singles and len(name) <= 3 or (len(name) == 4 and name[:2] in compounds)


def _strip_posts(entry: str) -> str:
    """``局党组书记、局长黄文辉`` -> ``黄文辉``; ``邱飞章副厅长`` / ``李丹常委、常务副区长`` -> the name;
    posts on either side, a body written before them (``管委会副主任郑少华``) too."""
    posts = _post_pattern()
    name = entry
    while (tail := re.search(rf"[、,，]?(?:{posts.pattern})$", name)) and tail.start() >= 2:
        name = name[: tail.start()]  # posts after the name, as many as are written
    if name != entry:
        return name
    last = None
    for m in posts.finditer(name):  # a post before the name: the name follows the last one
        rest = name[m.end() :].lstrip("、,，:： ")
        if rest and _name_prefix(rest) == rest:
            last = rest
    return last or name


def _name_prefix(text: str) -> str | None:
    """The name a text opens with (the longest candidate that looks like one)."""
    for n in (4, 3, 2):
        if len(text) >= n and looks_like_name(text[:n]) and (len(text) == n or not _is_name_char_run(text, n)):
            return text[:n]
    return None


def _is_name_char_run(text: str, n: int) -> bool:
    """Whether the characters after a candidate of length ``n`` carry the name on (no post, no end)."""
    rest = text[n:]
    return bool(rest) and re.match(_CJK_NAME, rest[0]) is not None and not _post_pattern().match(rest)


def person_name(entry: str) -> str | None:
    """A person's name from one entry of a people field, or None for titles, collectives and masks.

    ``邱飞章副厅长`` -> ``邱飞章``; ``局长黄文辉`` -> ``黄文辉``; ``陈志强(党组成员、副局长)`` -> ``陈志强``;
    ``王 东`` -> ``王东``; ``各位厅领导`` / ``分管领导`` / ``XX`` -> None.
    """
    text = _BRACKETED.sub("", entry.strip().strip("。.:：\"“”'‘’"))
    text = re.sub(r"\s+", "", text)
    if not text or masked(text):
        return None
    name = _strip_posts(text)
    if not name or _not_person().search(name):
        return None
    if _post_pattern().fullmatch(name):
        return None
    return name if looks_like_name(name) else None


def split_people(value: str, *, spaces: bool = True) -> list[str]:
    """Names in a people field: split on 、，; (and spaces between names: ``主任 李明华、副主任张卫``),
    posts dropped; a name written with padding (``陈  忠``) is one name."""
    from policykg.loaders.roles import split_top

    out: list[str] = []
    for part in split_top(value, "、,，;；/"):
        part = part.strip()
        if not part:
            continue
        pieces = [part]
        if spaces and re.search(r"\s", part):
            squeezed = re.sub(r"\s+", "", part)
            whole = person_name(squeezed)
            if whole is not None and len(re.sub(r"\s+", "", _BRACKETED.sub("", part))) <= 4:
                pieces = [squeezed]  # 陈  忠: one name padded to the width of three
            else:
                pieces = _rejoin_padded([p for p in re.split(r"[\s\u3000]+", part) if p])
                pieces = _rejoin_posts(pieces)
        for piece in pieces:
            name = person_name(piece)
            if name and name not in out:
                out.append(name)
    return out


def _rejoin_padded(pieces: list[str]) -> list[str]:
    """``张炳炎 陈 忠`` split on spaces: a name padded to three characters wide is one name again."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if len(piece) == 1 and i + 1 < len(pieces) and len(pieces[i + 1]) <= 2 and looks_like_name(piece + pieces[i + 1]):
            out.append(piece + pieces[i + 1])
            i += 2
            continue
        out.append(piece)
        i += 1
    return out


def _rejoin_posts(pieces: list[str]) -> list[str]:
    """``主任 李明华`` split on its space: a post alone joins the name after it."""
    out: list[str] = []
    pending = ""
    for piece in pieces:
        if _post_pattern().fullmatch(piece):
            pending += piece
            continue
        out.append(pending + piece)
        pending = ""
    return out


@cache
def _beside_post() -> tuple[re.Pattern[str], re.Pattern[str]]:
    posts = _post_pattern().pattern
    before = re.compile(rf"(?:{posts})[:：]?\s*(?P<name>{_CJK_NAME}{{2,4}})")
    after = re.compile(rf"(?P<name>{_CJK_NAME}{{2,4}}?)(?:同志)?(?:[、,，]?(?:{posts}))+")
    return before, after


def names_beside_posts(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Names written right before or after a post in running text (``夏禹桨区长牵头…``,
    ``由副市长李丹负责``), with their spans; each name once, in text order."""
    before, after = _beside_post()
    found: dict[str, tuple[int, int]] = {}
    for pattern in (after, before):
        for m in pattern.finditer(text):
            raw = m.group("name")
            name = _name_prefix(raw) if pattern is before else _name_suffix(text, m.start("name"), m.end("name"))
            if name is None or _not_person().search(name):
                continue
            at = text.find(name, m.start("name"))
            if name not in found:
                found[name] = (at, at + len(name))
    return sorted(found.items(), key=lambda kv: kv[1][0])


def _name_suffix(text: str, start: int, end: int) -> str | None:
    """The name that ends at ``end`` (before a post): the candidate that looks like a name and
    starts at a boundary (the start of the text, or after a character that cannot be a name's)."""
    for n in (3, 2, 4):
        s = end - n
        if s < start - 2 or s < 0:
            continue
        cand = text[s:end]
        if looks_like_name(cand) and (s == 0 or not re.match(_CJK_NAME, text[s - 1]) or text[s - 1] in "由请向和与及、"):
            return cand
    return None
