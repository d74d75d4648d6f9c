"""The words around a quantity: its indicator, comparator and measure, and
whether it is a figure at all.

Chinese plans state a figure as ``<indicator><verb><number><unit>[以上]``
(``技术市场交易额达150亿元``) or ``<verb><number><unit><noun>``
(``新建5家省级以上国际合作基地``), and chain follow-ups that lean on the previous
indicator (``…1050亿元、占GDP比重达到2.5%``, ``…1212.6亿元,增长9.8%``). The rules
below read those shapes; their words are closed sets of function words, never a
list of indicators, and live in the lexicon (figures.yaml, periods.yaml) with examples.
"""

from __future__ import annotations

import re
from functools import cache

from policykg.loaders import lexicon
from policykg.loaders.numbers import Quantity, after_list_number
from policykg.loaders.people import word_tag

_alt = lexicon.alternation
#: The single characters that join listed things (和, 及, 与), as the inside of a character class.
_JOINER_CHARS = re.escape("".join(w for w in lexicon.words("figures.list_joiners") if len(w) == 1))
#: Words right after a unit that are no part of the noun after it (5家<以上>创新平台).
_NOUN_AFTER_SKIP = re.compile(rf"^(?:{lexicon.alternation('figures.noun_after_skips')})")
#: Where a clause ends (for the indicator and raw phrase). 、 too: ``A 3家、B 5家``.
CLAUSE_END = set(",;。:!?、|\n")
#: Where a sentence ends (for years and for leaning on the previous indicator).
SENTENCE_END = set(";。!?|\n")
#: How far the clause and sentence scans look from a figure, in characters. Unbounded, they made
#: a text of n figures without a delimiter cost n² (issue 10: '达到100亿元'×8000 took 156 s).
WINDOW = 300

#: Leading words that are no part of an indicator (其中, 全年, 全市), with 有 (not 有效), a date or a year.
#: Words in the lexicon's order; none begins another but 并 (并且 first) and 已 (已有 first).
_LEAD_NOISE = re.compile(
    rf"^(?:(?:{_alt('figures.lead_noise')}|有(?!效)|截至\s*\d{{1,2}}\s*月底?|"
    r"\d{1,2}\s*[-~—至]\s*\d{1,2}\s*月|(?:19|20)\d{2}\s*年度?)\s*)+"
)
_TRAIL_VERB = re.compile(rf"(?:{_alt('figures.trail_words')})+$")
#: A left part ending in one of these governs the noun *after* the unit (新建5家<基地>).
_GOVERNING_VERB = re.compile(rf"(?:{_alt('figures.governing_verbs')})$")
#: A left part starting with one of these continues the previous indicator (占GDP比重, 增长).
_LEANS_ON_PREVIOUS = re.compile(rf"^(?:{_alt('figures.leans_on_previous')})")

_GE_BEFORE = re.compile(rf"(?:(?:{_alt('figures.at_least_before')})[^,;。、]{{0,4}}|{_alt('figures.above_before')})\s*$")
_LT_BEFORE = re.compile(rf"(?:{_alt('figures.below_before')})\s*$")
_LE_BEFORE = re.compile(rf"(?:{_alt('figures.at_most_before')})\s*$")
_APPROX_BEFORE = re.compile(rf"(?:{_alt('figures.approx_before')})\s*$")
_GE_AFTER = re.compile(rf"^\s*(?:{_alt('figures.at_least_after')})")
_LT_AFTER = re.compile(rf"^\s*(?:{_alt('figures.below_after')})")
_LE_AFTER = re.compile(rf"^\s*(?:{_alt('figures.at_most_after')})")
_APPROX_AFTER = re.compile(rf"^\s*(?:{_alt('figures.approx_after')})")
_COMPARATOR_AFTER = ((_GE_AFTER, ">="), (_LE_AFTER, "<="), (_LT_AFTER, "<"), (_APPROX_AFTER, "~"))
#: At most before at least: 不超过 ends with the 超过 of an at-least word.
_COMPARATOR_BEFORE = ((_LE_BEFORE, "<="), (_GE_BEFORE, ">="), (_LT_BEFORE, "<"), (_APPROX_BEFORE, "~"))
_TARGET_WORDS = re.compile(_alt("figures.target_words"))

_GROWTH = re.compile(_alt("figures.growth_words"))
_STOCK = re.compile(_alt("figures.stock_words"))
_FLOW = re.compile(_alt("figures.flow_words"))
_SHARE = re.compile(_alt("figures.share_words"))
_MONEY = re.compile(_alt("figures.money_words"))

#: Verbs that make ``N次`` an adverb (领导6次召开会议), not a count of events.
_ADVERBIAL_TIMES = re.compile(rf"^(?:{_alt('figures.adverbial_times')})")
#: Counting verbs and comparison words that make a Chinese numeral a quantity (新增三家), not a name
#: (四个带头): right before the numeral, or opening its clause (新建省级重点实验室十家).
_CN_CUE_WORDS = _alt("figures.numeral_cues")
_CN_CUE = re.compile(rf"(?:{_CN_CUE_WORDS})$")
_CN_CUE_START = re.compile(rf"\s*(?:{_CN_CUE_WORDS})")


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause that ends at ``pos``, skipping delimiters inside brackets."""
    floor = max(floor, pos - WINDOW)
    depth = 0
    i = pos - 1
    while i >= floor:
        ch = text[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and ch in CLAUSE_END:
            return i + 1
        i -= 1
    return floor


def list_start(text: str, cstart: int, floor: int = 0) -> int:
    """Widen a clause that starts after 、 over a number-free noun list (省级以上孵化器、众创空间30家)."""
    start = cstart
    floor = max(floor, cstart - WINDOW)
    while start - 1 > floor and text[start - 1] == "、":
        prev = clause_start(text, start - 1, floor)
        if any(ch.isdigit() for ch in text[prev : start - 1]):
            break
        start = prev
    return start


def clause_end(text: str, pos: int) -> int:
    i, stop = pos, min(len(text), pos + WINDOW)
    while i < stop and text[i] not in CLAUSE_END and text[i] not in "(（":
        i += 1
    return i


def sentence_start(text: str, pos: int, floor: int = 0) -> int:
    floor = max(floor, pos - WINDOW)
    i = pos - 1
    while i >= floor and text[i] not in SENTENCE_END:
        i -= 1
    return max(i + 1, floor)


_QUOTE_OPEN = re.compile("[《“〈]")


def quote_mask(text: str) -> list[bool]:
    """True inside 《书名》 and “quotes”: numbers there are names (《2013-2017年实施意见》,
    “555公众创业创新服务行动”). An unclosed mark stops at the line end."""
    mask = [False] * len(text)
    pairs = {"《": "》", "“": "”", "〈": "〉"}
    resume = 0
    for m in _QUOTE_OPEN.finditer(text):  # only the opening marks are visited, not every character
        i = m.start()
        if i < resume:
            continue  # inside a span already masked
        close = pairs[text[i]]
        j = i + 1
        while j < len(text) and text[j] not in (close, "\n") and j - i < 80:
            j += 1
        if j < len(text) and text[j] == close:
            mask[i : j + 1] = [True] * (j + 1 - i)
            resume = j + 1
    return mask


#: Prepositions that make the count after them the recipients of the action (向45个县选派),
#: not what the plan sets out to reach. Not 对: 对287家企业贴息补助 reports how many were helped.
_SCOPE_PREPOSITIONS = ("向",)

#: Durations are figures only as the value of a time indicator that is cut or capped
#: (项目评审周期压缩至90天以内); otherwise they set a deadline (于季度结束后5个工作日内报送).
_DURATIONS = frozenset(lexicon.words("figures.duration_units"))
_DURATION_CUE = re.compile(
    rf"(?:(?:{_alt('figures.duration_cuts')})(?:{_alt('periods.level_marks')})|"
    rf"(?:{_alt('figures.duration_nouns')})[^,;。:、|\n]{{0,4}}(?:{_alt('figures.duration_caps')})?)\s*$"
)
#: A service's time limit after its duration (开办企业0.5个工作日内完成, 环评报告书14个工作日内、…完成审批): the
#: verbs that close it; a clause that counts from an event (结束后, 之日起) sets a deadline instead.
_LIMITED_DONE = re.compile(rf"^\s*内?\s*(?:[、,，]|(?:{_alt('figures.time_limit_verbs')}))")
_DONE_IN_TIME = re.compile(_alt("figures.time_limit_verbs"))
_SENTENCE_END = re.compile(r"[。;；\n]")
_COUNTED_FROM = re.compile(rf"(?:{_alt('figures.duration_counted_from')})\s*$")


def _time_limit(text: str, q: Quantity, floor: int) -> bool:
    """Whether a duration is the time limit a service is held to: done within it (…内完成, …内办结, or one of a
    list of limits that ends so), not counted from an event."""
    if _COUNTED_FROM.search(text[max(floor, q.start - 8) : q.start]):
        return False
    end = _SENTENCE_END.search(text, q.end)
    sentence = text[q.end : end.start() if end else len(text)]
    return _LIMITED_DONE.match(sentence) is not None and _DONE_IN_TIME.search(sentence) is not None


#: Hour marks before a number in 分 (07时41分): a time of day.
_CLOCK_MARKS = frozenset(lexicon.words("figures.clock_marks"))
#: Words after a Chinese numeral's unit that close its clause as a delimiter would (三百家以上).
_NUMERAL_CLOSERS = frozenset(lexicon.words("figures.numeral_closers"))


def _scoring_rule(text: str, q: Quantity, floor: int) -> str | None:
    """The lexicon's name for a figure that belongs to a scoring rule (计5分, 每增1个百分点,
    达到50亿元的,得10分), or None."""
    for rule in lexicon.not_figure_rules():
        if rule.unit is not None and q.unit not in rule.unit.split("|"):
            continue
        if rule.side == "before":
            hit = rule.pattern.search(text[max(floor, q.start - 6) : q.start])
        else:
            hit = rule.pattern.search(text[q.end : q.end + 12])
        if hit:
            return rule.name
    return None


#: Two figures written as a pair, each with its unit: 12亿元/10亿元, 190个/226亿元.
_PAIR_AFTER = re.compile(r"/\s*\d+(?:\.\d+)?\s*[万亿千百]*[\u4e00-\u9fff%]")
_PAIR_BEFORE = re.compile(r"[\u4e00-\u9fff%]\s*/$")


def is_figure(text: str, q: Quantity, mask: list[bool], floor: int = 0) -> bool:
    """False for ordinals, names, codes, adverbial counts and Chinese-numeral labels."""
    before = text[q.start - 1] if q.start > floor else ""
    after = text[q.end] if q.end < len(text) else ""
    if mask[q.start]:
        return False
    if _scoring_rule(text, q, floor):
        return False
    if before == "第":
        return False  # 第5个: an ordinal (a place in a ranking is read whole by numbers._RANK)
    if before in _CLOCK_MARKS and q.unit == "分":
        return False  # 07时41分: a time of day, not a score
    if before in _SCOPE_PREPOSITIONS and q.unit not in ("%", "元"):
        return False  # 向45个深度贫困县选派…: the recipients of the action, not its figure
    if before.isascii() and before.isalpha() or (after.isascii() and after.isalpha() and q.unit is None):
        return False  # G60, TOP10
    if before in ".-/" and q.start >= 2 and text[q.start - 2].isdigit() and not after_list_number(text, q.start):
        return False  # tail of a version, a date or a code
    if (before == "/" and not _PAIR_BEFORE.search(text, max(floor, q.start - 4), q.start)) or (
        text[q.end : q.end + 1] == "/" and not _PAIR_AFTER.match(text, q.end)
    ):
        return False  # a date or a code; a pair of figures (12亿元/10亿元, 190个/226亿元) stays
    if re.match(r"[^,;。:|\n]{0,20}之一", text[q.end : q.end + 24]):
        return False  # 入围全国15个示范之一: membership, not a figure
    if q.unit == "次" and _ADVERBIAL_TIMES.match(text[q.end : q.end + 4]):
        return False
    if q.unit in _DURATIONS and not _DURATION_CUE.search(text[max(floor, q.start - 12) : q.start]) \
            and not _time_limit(text, q, floor):
        return False  # 结束后5个工作日内报送: a deadline for an action, not a figure
    if q.chinese and not text.startswith("百分之", q.start):  # 百分之十五 says it is a figure
        cue = _CN_CUE.search(text[max(floor, q.start - 4) : q.start]) or _governed_at_clause_start(text, q, floor)
        closes = _closes_clause(text, q.end) or text[q.end : q.end + 2] in _NUMERAL_CLOSERS
        has_magnitude = q.num[0] != "十" and any(ch in "十百千万亿" for ch in q.num[1:])
        if not cue and not (has_magnitude and closes):
            return False
    return True


def _governed_at_clause_start(text: str, q: Quantity, floor: int) -> bool:
    """``新建省级重点实验室十家``: a counting verb opens the clause and the numeral with its
    unit closes it, so the numeral is the verb's count, not part of a name."""
    start = clause_start(text, q.start, floor)
    return q.unit is not None and _closes_clause(text, q.end) and bool(_CN_CUE_START.match(text, start))


def _closes_clause(text: str, pos: int) -> bool:
    """Whether a clause ends at ``pos``: a delimiter or the text's end, after spaces at most
    (a table cell ends in `` | ``)."""
    rest = text[pos : pos + 3].lstrip(" ")
    return not rest or rest[0] in CLAUSE_END


def comparator(text: str, q: Quantity, start: int) -> str:
    """The comparator from the wording: 以上/不少于/突破/力争 >=, 左右 ~, 不到/以下 <."""
    left, right = text[start : q.start], text[q.end : q.end + 4]
    # The word after the figure (以上) outranks the one before it (不少于); order within each side matters.
    for pattern, symbol in _COMPARATOR_AFTER:
        if pattern.match(right):
            return symbol
    for pattern, symbol in _COMPARATOR_BEFORE:
        if pattern.search(left):
            return symbol
    if q.approx:
        return ">"
    if _TARGET_WORDS.search(text[sentence_start(text, q.start, start) : q.start]):
        return ">="
    return "="


def measure(indicator: str, left: str, unit: str) -> str | None:
    """growth (增长13.5%), share (占…比重), stock (累计), flow (新增) or None."""
    words = indicator + left
    if unit == "个百分点" or (unit == "%" and _GROWTH.search(left or indicator)):
        return "growth"
    if _STOCK.search(words):
        return "stock"
    if unit == "%" and _SHARE.search(words):
        return "share"
    if _FLOW.search(words):
        return "flow"
    return "share" if unit == "%" else None


def is_money(indicator: str) -> bool:
    return bool(_MONEY.search(indicator))


def trim_left(left: str) -> str:
    """The indicator part of the words before a number: no leading adverbs, no verb."""
    s = _LEAD_NOISE.sub("", left.strip())
    prev = None
    while prev != s:
        prev = s
        s = _TRAIL_VERB.sub("", s).strip()
    return s


def noun_after(text: str, end: int, limit: int = 24) -> str:
    """The noun phrase after a unit (新建5家<省级以上国际合作基地>)."""
    stop = min(clause_end(text, end), end + limit)
    while stop < len(text) and text[stop] == "、" and stop - end <= 2:  # 省、市领军型团队
        stop = min(clause_end(text, stop + 1), end + limit)
    s = re.split(rf"[{_JOINER_CHARS}]?\d", text[end:stop], maxsplit=1)[0]  # 1个平台和10个子系统
    s = _NOUN_AFTER_SKIP.sub("", s)
    return s.strip()


def governs_after(left: str) -> bool:
    return not left or len(left) <= 1 or bool(_GOVERNING_VERB.search(left))


def governing_verb(left: str) -> str:
    m = _GOVERNING_VERB.search(left)
    return m.group(0) if m else ""


def leans_on_previous(left: str) -> bool:
    return not left or bool(_LEANS_ON_PREVIOUS.match(left))


# ---------------------------------------------------------------- an indicator's name

_NAME_MARK = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]|[①-⑳]|[A-Ha-h][.、]|——|—|-)\s*")
_NAME_EDGE = " \t、,，;；:：()（）的-—|“”\"'"
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
#: jieba's tags of a dictionary word that names no measure alone: a verb (not a verbal noun: 投资, 培训 stay),
#: a numeral or quantity, a time word, an adverb.
_NOT_A_NAME_TAGS = frozenset({"v", "m", "t", "d"})


@cache
def _name_edges() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lexicon's name leads anchored at the start and tails at the end, compiled once (they run
    for every figure)."""
    leads = re.compile(r"^(?:" + lexicon.name_patterns("name_leads").pattern + r")")
    tails = re.compile(r"(?:" + lexicon.name_patterns("name_tails").pattern + r")$")
    return leads, tails


def indicator_name(phrase: str) -> str:
    """The name a figure's indicator goes by: the words before the figure without the verbs, time
    words, scopes and connectives around them (提出国内生产总值增长 -> 国内生产总值增长; 粮食产量继续保持 ->
    粮食产量; 国内生产总值比上年增长 -> 国内生产总值增长). The words are the lexicon's (indicators.yaml:
    name_leads, name_tails, name_inner, not_names). A fragment (a verb alone, a place alone, one
    character) names nothing: ``""``, and the figure keeps its sentence."""
    name = re.sub(r"\s+", "", phrase)
    name = _NAME_MARK.sub("", name)
    name = lexicon.name_patterns("name_inner").sub("", name)
    leads, tails = _name_edges()
    previous = None
    while previous != name:  # each pass removes at least one character, so at most len(phrase) passes
        previous = name
        name = name.strip(_NAME_EDGE)
        name = leads.sub("", name, count=1).strip(_NAME_EDGE)
        name = tails.sub("", name, count=1).strip(_NAME_EDGE)
    if name.count("(") + name.count("（") > name.count(")") + name.count("）"):
        name = re.sub(r"[(（][^)）]*$", "", name)  # a bracket the figure cut open
    if len(_NAME_CHAR.findall(name)) < 2 or lexicon.name_patterns("not_names").fullmatch(name):
        return ""
    if (word_tag(name) or "") in _NOT_A_NAME_TAGS:
        return ""  # 强化, 交付, 两年, 先后: a verb, a count or a time word alone names nothing
    from policykg.ontology import regions  # the gazetteer: a place alone names nothing

    if regions.lookup(name) is not None:
        return ""
    return name


_EACH = _alt("figures.each_words")  # 分别, 均, 年均…: each item of a list changes so
_CHANGE_TAIL = re.compile(rf"(?:{_EACH})*(?:{_alt('figures.change_words')})$")
_LIST_SEP = re.compile(rf"[、{_JOINER_CHARS}]")
#: How a list's figures are stated at its end (分别为, 均达到): not part of the last item's name.
_STATED_EACH = re.compile(rf"(?:{_alt('figures.each_stated')})(?:{_alt('figures.stated_verbs')})?$")
_LEADING_EACH = re.compile(rf"^(?:{_EACH})+")


def list_names(phrase: str, count: int) -> list[str] | None:
    """The names of ``count`` figures a list phrase gives in turn (城镇和农村居民人均可支配收入分别增长
    8%和8.8% -> 城镇居民人均可支配收入增长, 农村居民人均可支配收入增长), or None when the phrase is
    no list of that many. A short first item borrows the last item's head (城镇 + 居民…), and items
    share the head the last one ends with (产量, 增加值… the lexicon's list_heads)."""
    compact = _STATED_EACH.sub("", re.sub(r"\s+", "", phrase))
    change = _CHANGE_TAIL.search(compact)
    base = compact[: change.start()] if change else compact
    verb = _LEADING_EACH.sub("", change.group(0)) if change else ""
    if re.search(r"[(（“《]", base):
        return None  # a bracket or a quotation is no place to split
    items = [i for i in _LIST_SEP.split(base) if i]
    pair = next((p for w, p in lexicon.list_pairs().items() if len(items) == 1 and base.startswith(w)), None)
    if pair is not None and count == len(pair):
        items = [p + base[len(next(w for w in lexicon.list_pairs() if base.startswith(w))) :] for p in pair]
    if len(items) != count or count < 2:
        return None
    last = items[-1]
    head = next((h for h in lexicon.list_heads() if last.endswith(h) and len(last) > len(h)), "")
    out = []
    qualifiers = lexicon.list_qualifiers()
    for i, item in enumerate(items):
        if i < len(items) - 1:
            if item in qualifiers:
                own = max((q for q in qualifiers if last.startswith(q)), key=len, default=last[: len(item)])
                if len(last) > len(own) + 1:
                    item = item + last[len(own) :]  # 城镇 + (农村)居民人均可支配收入, 国家级 + (省级)重点实验室
            elif head and not item.endswith(head):
                item = item + head
        out.append(item + verb)
    return out
