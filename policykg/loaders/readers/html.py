"""HTML government pages via selectolax (lexbor): the article's text, without the site chrome.

A parser, not regular expressions, reads the page: selectolax's lexbor backend is an
HTML5 parser that copes with the broken markup of old government sites. We remove
what is never content (scripts, styles, forms, navigation, menus, breadcrumbs,
footers, share and print bars), then walk the tree: block elements end a line; a
data table becomes one `` | `` line per row (rowspans filled down, colspans left
empty, so columns line up with the header); a layout table (one that holds another
table, or has a single column) is read as ordinary blocks. Last, whole lines that are
only chrome wording (打印 关闭, 当前位置：首页 > …, 字号 大 中 小) are dropped.
"""

from __future__ import annotations

import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser, LexborNode

from policykg.loaders.errors import LoaderError
from policykg.loaders.readers.decode import Decoded, decode
from policykg.loaders.readers.rows import cell_text, row_line

_NEVER_CONTENT = (
    "script, style, noscript, template, iframe, object, embed, svg, canvas, select, button, input, textarea, "
    "nav, footer, aside, form, [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo]"
)
_CHROME_ATTR = re.compile(
    r"nav|menu|footer|breadcrumb|crumb|sidebar|share|toolbar|topbar|copyright|dqwz|position|location|fenxiang",
    re.IGNORECASE,
)
_BLOCKS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
    "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_MULTIBYTE = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030", "big5": "big5"}


#: Element nesting a page may have. Checked on the markup before parsing: the parser took
#: over 60 s on a page nested 100,000 deep, and the walker below recurses once per level.
MAX_DEPTH = 800
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(/?)>")
#: Elements that never hold others (void) or close themselves when a sibling opens (p, li, td…):
#: counting them as open would make an ordinary old page look deep.
_NOT_NESTING = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "rb", "rt",
    "rp", "caption",
})


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deep the markup nests (approximately; it stops counting past ``limit``), in one linear pass."""
    depth = deepest = 0
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        if name in _NOT_NESTING or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                break
    return deepest


def read(data: bytes, source: str) -> Decoded:
    decoded = _decode(data, source)
    if nesting_depth(decoded.text) > MAX_DEPTH:
        raise LoaderError(source, f"HTML nested more than {MAX_DEPTH} elements deep; not read")
    tree = LexborHTMLParser(decoded.text)
    root = tree.body or tree.root
    if root is None:
        raise LoaderError(source, "HTML page with no text")
    _strip_chrome(root)
    try:
        lines = _Walker().run(root)
    except RecursionError as exc:
        raise LoaderError(source, "HTML nested too deeply to read") from exc
    lines = [line for line in lines if not _is_chrome_line(line)]
    if not lines:
        raise LoaderError(source, "HTML page with no text (only navigation, scripts or markup)")
    return Decoded("\n".join(lines), decoded.encoding)


def _decode(data: bytes, source: str) -> Decoded:
    """UTF-8 or BOM first; else the page's declared Chinese charset if it holds; else detection."""
    match = _DECLARED.search(data[:4096])
    declared = _MULTIBYTE.get(match.group(1).decode("ascii").lower()) if match else None
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return Decoded(data.decode(declared), declared)
            except UnicodeDecodeError:
                pass  # the declaration lies; let detection decide
    return decode(data, source)


def _strip_chrome(root: LexborNode) -> None:
    for node in root.css(_NEVER_CONTENT):
        node.decompose()
    total = len(root.text(strip=True))
    for node in root.css("[id], [class]"):
        attrs = node.attributes
        marker = f"{attrs.get('id') or ''} {attrs.get('class') or ''}"
        if not _CHROME_ATTR.search(marker):
            continue
        # A wrapper named "nav-page" that holds the article is not chrome: chrome is small.
        if len(node.text(strip=True)) <= max(200, total // 3):
            node.decompose()
    for node in root.css("[style]"):
        style = (node.attributes.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            node.decompose()


def _is_chrome_line(line: str) -> bool:
    """A line of the page's own controls or trail (打印 关闭, 当前位置:首页 > …): the lexicon's chrome rules."""
    from policykg.loaders.chrome import chrome_rule

    if " | " in line:
        return False
    return chrome_rule(unicodedata.normalize("NFKC", line)) is not None  # the rules read normalised text


class _Walker:
    """Depth-first walk that turns blocks into lines and data tables into `` | `` rows."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []

    def run(self, root: LexborNode) -> list[str]:
        self._visit(root)
        self._flush()
        return self.lines

    def _flush(self) -> None:
        line = " ".join("".join(self.buffer).split())
        if line:
            self.lines.append(line)
        self.buffer = []

    def _visit(self, node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if child.is_text_node:
                self.buffer.append(child.text_content or "")
            elif tag == "br":
                self._flush()
            elif tag == "pre":  # preformatted text keeps its own line breaks
                self._flush()
                self.lines.extend(" ".join(line.split()) for line in (child.text() or "").splitlines() if line.strip())
            elif tag == "table" and _is_data_table(child):
                self._flush()
                self.lines.extend(_table_lines(child))
            elif tag in _BLOCKS:
                self._flush()
                self._visit(child)
                self._flush()
            elif child.is_element_node:
                self._visit(child)


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows, not those of tables nested in its cells."""
    return [tr for tr in table.css("tr") if _owner_table(tr) == table.mem_id]


def _owner_table(node: LexborNode) -> int | None:
    parent = node.parent
    while parent is not None and parent.tag != "table":
        parent = parent.parent
    return parent.mem_id if parent is not None else None


def _cells(tr: LexborNode) -> list[LexborNode]:
    return [c for c in tr.iter() if c.tag in ("td", "th")]


def _is_data_table(table: LexborNode) -> bool:
    """A table of rows and columns, not a page-layout grid: no nested table, two or more columns."""
    if len(table.css("table")) > 1:  # css() matches the node itself too: more than one is a nested table
        return False
    rows = _rows(table)
    return any(sum(1 for c in _cells(tr) if c.text(strip=True)) >= 2 for tr in rows)


def _span(cell: LexborNode, name: str) -> int:
    try:
        return max(1, min(int(cell.attributes.get(name) or 1), 1000))
    except ValueError:
        return 1


def _table_lines(table: LexborNode) -> list[str]:
    """Rows on a grid: a rowspan's text is repeated below it, a colspan's extra columns are empty."""
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)
    lines: list[str] = []
    for tr in _rows(table):
        row: list[str] = []
        cells = iter(_cells(tr))
        col = 0
        while True:
            if col in pending:
                text, left = pending.pop(col)
                row.append(text)
                if left > 1:
                    pending[col] = (text, left - 1)
                col += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            text = cell_text(" ".join(_Walker().run(cell)))  # <p>/<br> in a cell: a space, not a new row
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            row.append(text)
            if rowspan > 1:
                pending[col] = (text, rowspan - 1)
            row.extend("" for _ in range(colspan - 1))
            col += colspan
        while pending and col <= max(pending):  # rowspans right of the last cell
            if col in pending:
                text, left = pending.pop(col)
                row.append(text)
                if left > 1:
                    pending[col] = (text, left - 1)
            else:
                row.append("")
            col += 1
        line = row_line(row)
        if line is not None:
            lines.append(line)
    return lines
