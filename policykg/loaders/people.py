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
def post_at_end() -> re.Pattern[str]:
    """A post ending a text (分管副市长): compiled once, as the post alternation is long and the
    patterns built on it run per name and per label."""
    return re.compile(rf"(?:{_post_pattern().pattern})$")


@cache
def _post_before_end() -> re.Pattern[str]:
    """A post, maybe with a list mark, ending a window (李丹常委、常务副区长)."""
    return re.compile(rf"(?:{_post_pattern().pattern})[、,，]?$")


@cache
def _posts_after_name() -> re.Pattern[str]:
    """What may stand between a leader's name and the verb (同志, posts, a colon)."""
    return re.compile(rf"^(?:同志)?[、,，]?(?:{_post_pattern().pattern})*\s*[:：]?\s*")


@cache
def _not_person() -> re.Pattern[str]:
    return lexicon.words_regex("people.not_person")


@cache
def _masks() -> tuple[str, ...]:
    return lexicon.words("people.masks")


def masked(text: str) -> bool:
    """A stand-in for a removed name (XX, ×××, 张某)."""
    return any(m in text for m in _masks())


def looks_like_name(name: str, *, strict: bool = True) -> bool:
    """Two to four characters opening with a surname (or a minority name with ·), not masked;
    ``strict`` (running text) also refuses what jieba knows as another word, which a people field
    (a 组长: line, a 责任人 cell) need not: there 华源 and 王平 are names."""
    if not name or masked(name):
        return False
    if _MINORITY.match(name):
        return True
    if not re.fullmatch(_CJK_NAME + "{2,4}", name):
        return False
    singles, compounds = _surnames()
    shaped = len(name) >= 3 if name[:2] in compounds else name[0] in singles and len(name) <= 3
    return shaped and not _a_word(name, strict)


#: jieba's tags a name in a people field may carry besides a person's (nr): another proper noun
#: (华源, nz) or a place's (ns); a common word (公司, 全体: n) is never a name.
_FIELD_NAME_TAGS = ("nr", "nz", "ns")


def word_tag(text: str) -> str | None:
    """jieba's part-of-speech tag for ``text`` when its dictionary holds it as one word (强化: v, 企业: n), else None."""
    return _word_tags().get(text)


def _a_word(text: str, strict: bool = True) -> bool:
    """Whether jieba's dictionary knows ``text`` as a word that is no personal name (纪检委, 全年, 金融):
    the dictionary's tag is jieba's second opinion on a candidate that opens with a surname. In a
    people field (``strict`` False) only a common word is refused."""
    tag = _word_tags().get(text)
    if tag is None:
        return False
    return not tag.startswith("nr") if strict else not tag.startswith(_FIELD_NAME_TAGS)


@cache
def _word_tags() -> dict[str, str]:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.posseg.dt.tokenizer.check_initialized()
    return jieba.posseg.dt.word_tag_tab  # type: ignore[no-any-return]


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


def is_post(text: str) -> bool:
    """A post with no name (分管副省长, 协管副秘书长, 县长): what stays once posts are stripped is no name."""
    text = re.sub(r"\s+", "", text)
    if not _post_pattern().search(text):
        return False
    rest = _post_pattern().sub("", text)
    return not rest or bool(_not_person().fullmatch(rest)) or rest in lexicon.words("people.post_prefixes")


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
    return name if looks_like_name(name, strict=False) else None


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
        pairs = _padded_pairs(part) if spaces else None
        if pairs:
            pieces = pairs  # 陆 明俞 悦: two names padded to three characters wide, run together in one cell
        elif spaces and re.search(r"\s", part):
            squeezed = re.sub(r"\s+", "", part)
            whole = person_name(squeezed)
            if whole is not None and len(re.sub(r"\s+", "", _BRACKETED.sub("", part))) <= 4:
                pieces = [squeezed]  # 陈  忠: one name padded to the width of three
            else:
                pieces = _rejoin_padded([p for p in re.split(r"[\s\u3000]+", part) if p])
                pieces = _rejoin_posts(pieces)
        for piece in pieces:
            name = person_name(piece)
            if name is None and len(piece) > 5 and _post_pattern().search(piece):
                out.extend(n for n in _run_on(re.sub(r"\s+", "", piece)) if n not in out)
                continue
            if name and name not in out:
                out.append(name)
    return out


#: Two-character names padded with a space, written one after another: 陆 明俞 悦.
_PADDED_PAIRS = re.compile(r"[\u4e00-\u9fa5][ \u3000]+[\u4e00-\u9fa5](?:[\u4e00-\u9fa5][ \u3000]+[\u4e00-\u9fa5])+")


def _padded_pairs(part: str) -> list[str] | None:
    """The two-character names of a cell that runs padded ones together, or None when it is not one."""
    if not _PADDED_PAIRS.fullmatch(part):
        return None
    chars = re.sub(r"\s+", "", part)
    pairs = [chars[i : i + 2] for i in range(0, len(chars), 2)]
    return pairs if all(person_name(p) for p in pairs) else None


def _rejoin_padded(pieces: list[str]) -> list[str]:
    """``张炳炎 陈 忠`` split on spaces: a name padded to three characters wide is one name again."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if len(piece) == 1 and i + 1 < len(pieces) and len(pieces[i + 1]) <= 2 and \
                looks_like_name(piece + pieces[i + 1], strict=False):
            out.append(piece + pieces[i + 1])
            i += 2
            continue
        if len(piece) == 1 and i + 1 < len(pieces) and _padded_into_post(piece, pieces[i + 1]):
            out.extend([piece + pieces[i + 1][0], pieces[i + 1][1:]])  # 王 曦副省长, 陈 磊省工业和信息化厅副厅长
            i += 2
            continue
        out.append(piece)
        i += 1
    return out


def _padded_into_post(surname: str, rest: str) -> bool:
    """Whether a padded two-character name runs into its post or body (王 + 曦副省长, 陈 + 磊省工业和信息化厅…)."""
    if len(rest) < 2 or not looks_like_name(surname + rest[0], strict=False):
        return False
    after = rest[1:]
    return bool(_post_pattern().match(after)) or opens_a_body(after)


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


def names_beside_posts(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Names written right after or before a post in running text (``由副市长李丹负责``,
    ``夏禹桨区长牵头…``, ``县委常委、副县长刘中秋``), with their spans; each name once, in text
    order. Where a name ends and the next word begins is jieba's second opinion."""
    found: dict[str, tuple[int, int]] = {}
    for m in _post_pattern().finditer(text):
        after = m.end()
        while after < len(text) and text[after] in ":： \u3000":
            after += 1
        name = _name_at(text, after)
        if name is None:
            name = _name_ending(text, m.start())
            at = (m.start() - len(name), m.start()) if name else None
        else:
            at = (after, after + len(name))
        if name and at and name not in found and not _not_person().search(name):
            found[name] = at
    return sorted(found.items(), key=lambda kv: kv[1][0])


#: What may stand right after a name and closes it, whatever jieba makes of the characters (陈向群及…, 许达哲、…).
_NAME_CLOSERS = frozenset("及与、,，;；。")


def _name_at(text: str, pos: int) -> str | None:
    """The name starting at ``pos`` (after a post): two or three characters ending on a word boundary."""
    window = text[pos : pos + 8]
    if not window or not re.match(_CJK_NAME, window) or _post_pattern().match(window):
        return None
    ends = _word_ends(window) | {len(window)} | {n for n in (2, 3) if window[n : n + 1] in _NAME_CLOSERS}
    for n in (3, 2):
        if n <= len(window) and n in ends and looks_like_name(window[:n]):
            return window[:n]
    return None


def _name_ending(text: str, pos: int) -> str | None:
    """The name ending at ``pos`` (before a post, ``同志`` or a list mark between them skipped)."""
    end = pos
    while end > 0 and text[end - 1] in "、,， ":
        end -= 1
    if text[max(0, end - 2) : end] == "同志":
        end -= 2
    while (m := _post_before_end().search(text[max(0, end - 12) : end])) and m.start() > 0:
        end = max(0, end - 12) + m.start()  # 李丹常委、常务副区长: the name is before the first post
    start = max(0, end - 8)
    window = text[start:end]
    if len(window) < 2:
        return None
    starts = {len(window) - e for e in _word_ends(window[::-1])} if False else _word_starts(window)
    for n in (3, 2):
        s = len(window) - n
        if s < 0 or not looks_like_name(window[s:]):
            continue
        before = window[s - 1] if s > 0 else ""
        if s in starts or not before or not re.match(_CJK_NAME, before) or before in "由请向和与及、":
            return window[s:]
    return None


def _word_starts(text: str) -> set[int]:
    return {0, *(e for e in _word_ends(text) if e < len(text))}


# ---------------------------------------------------------------- names run into their posts


def _run_on(piece: str) -> list[str]:
    """Names run into their bodies and posts without a separator (``姜大明国土资源部部长丁向阳国务院
    副秘书长``, a member list copied from a page): one name at the start and after each post. Where
    the name ends and the body begins is jieba's second opinion (its word boundaries)."""
    posts = _post_pattern()
    out: list[str] = []
    pos = 0
    for m in posts.finditer(piece):
        segment = piece[pos : m.start()].lstrip("、,，:： ")
        pos = m.end()
        if not segment:
            continue
        name = _name_of_segment(segment)
        if name and name not in out:
            out.append(name)
    return out


def _name_of_segment(segment: str) -> str | None:
    """The name opening ``NAME + BODY`` (``丁向阳国务院``): the whole segment when it is a name, else the
    two- or three-character opening that ends on a jieba word boundary."""
    if len(segment) <= 4 and looks_like_name(segment):
        return segment
    if len(segment) <= 3:
        return None
    if opens_a_body(segment):
        return None  # 区机关事务管理中心: a body (区 is also a surname), no name before it
    for n in (3, 2):  # the rest opens a body (省发展改革委, 珠海市…): the name ends there, a word or not (高山 省编办)
        if looks_like_name(segment[:n], strict=False) and opens_a_body(segment[n:]):
            return segment[:n]
    ends = _word_ends(segment)
    for n in (3, 2):
        if n in ends and looks_like_name(segment[:n]):
            return segment[:n]
    return None


def opens_a_body(text: str) -> bool:
    """Whether a text opens with a body's name: a level (省…, 市…), a national opening (国务院, 中共) or a place of the
    gazetteer (珠海市…), so a name run into it ends right before."""
    from policykg.ontology import regions

    if text.startswith(lexicon.words("people.body_openings")):
        return True
    return any(regions.lookup(text[:n]) is not None for n in (4, 3, 2))


def _word_ends(text: str) -> set[int]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    ends, pos = set(), 0
    for word in jieba.cut(text, HMM=True):
        pos += len(word)
        ends.add(pos)
    return ends


#: Between two leaders named in one clause: a joiner, then the next one's post (及分管水利的副省长).
_JOINED_LEADER = re.compile(rf"\s*(?:{lexicon.alternation('roles.unit_joiners')}|、)[^,，;；。:：]{{0,16}}$")


def names_of_leaders(text: str) -> list[tuple[str, tuple[int, int]]]:
    """People a sentence makes answer for work: a name beside a post followed by a lead verb
    (``由省长李小鹏牵头``, ``常务副省长高建民:负责…``), or a list of leaders each given a part
    (``副书记李宽余,副县长刘中秋分别就…作了安排``)."""
    verbs = lexicon.words_regex("people.lead_verbs")
    each = lexicon.words_regex("people.each_takes")
    out: list[tuple[str, tuple[int, int]]] = []
    for sentence in re.finditer(r"[^。;；!！?？\n]+", text):
        body = sentence.group(0)
        named = names_beside_posts(body)
        if not named:
            continue
        took = each.search(body)
        taking: list[bool] = []
        for _, (_, b) in named:
            after = _posts_after_name().sub("", body[b : b + 12])
            taking.append(bool((took and took.start() >= b) or verbs.match(after)))
        for i in range(len(named) - 2, -1, -1):  # 常务副省长陈向群及分管水利的副省长戴道晋担任…: both take it
            if taking[i + 1] and not taking[i] and _JOINED_LEADER.match(body, named[i][1][1], named[i + 1][1][0]):
                taking[i] = True
        out += [(name, (sentence.start() + a, sentence.start() + b)) for (name, (a, b)), takes in zip(named, taking, strict=True)
                if takes]
    return out


#: A line listing people holds no sentence, label or list of clauses, and is short.
_NOT_A_LIST_LINE = re.compile(r"[。:：;；!！?？]")
#: A short bracketed tag opening a line of a people list: (四甲片), (货隆片).
_LEADING_TAG = re.compile(r"^[(（](?![一二三四五六七八九十\d]+[)）])[^()（）]{1,10}[)）]\s*")  # not a list number: (三)高塘湖
_PERSON_LINE_MAX = 60


def person_line(text: str) -> list[str]:
    """The names a line lists when it is a line of a people list (``汤志平 副市长``, ``王晓剑 谭志新``,
    ``买买提·阿不力米提(市自然资源局局长)``): it opens with a name and holds no sentence or label."""
    text = _LEADING_TAG.sub("", text.strip())  # (货隆片)何 勇 陈 佳: the part of the list the names are for
    if not text or len(text) > _PERSON_LINE_MAX or _NOT_A_LIST_LINE.search(text):
        return []
    names = split_people(text)
    if not names:
        return []
    squeezed = re.sub(r"\s+", "", text)
    return names if squeezed.startswith(names[0]) else []
