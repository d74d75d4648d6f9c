"""Make a pyvis page open with no network: drop its CDN links, then prove nothing remote is left.

pyvis 0.3.2 inlines vis-network with ``cdn_resources="in_line"`` (it ships
vis-network 9.1.2 in ``pyvis/templates/lib``) but its template still links
Bootstrap 5 from cdn.jsdelivr.net, which the page does not need: the classes it
styles (card, row) are layout only. Those tags are removed; any other remote
``src``/``href`` left in the markup is an error rather than a silent request.
"""

from __future__ import annotations

import re

#: A <link> or <script> whose href/src points off the machine (http:, https: or protocol-relative //).
_REMOTE_TAG = re.compile(
    r"""<(?P<tag>link|script)\b[^>]*\b(?:href|src)\s*=\s*["']?(?:https?:)?//[^>]*>(?:\s*</script\s*>)?""",
    re.IGNORECASE,
)
#: Anything in markup (outside inline scripts) that makes a browser fetch from elsewhere.
_REMOTE_REF = re.compile(r"""\b(?:src|href|action|data)\s*=\s*["']?(?:https?:)?//|@import\s+url\(\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""",
                         re.IGNORECASE)
_SCRIPT_BODY = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE_BODY = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)


class NotOffline(ValueError):
    """The page would still fetch something from the network."""


#: pyvis's template keeps an HTML comment with node_modules paths; it fetches nothing but reads as if it did.
_PYVIS_COMMENT = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.DOTALL)


def strip_remote(html: str) -> str:
    """The page without its remote <link>/<script> tags (and pyvis's commented-out ones)."""
    return _PYVIS_COMMENT.sub("", _REMOTE_TAG.sub("", html))


def remote_references(html: str) -> list[str]:
    """Remote fetches left in the markup and in inline styles (inline scripts' own strings, such as license URLs, are not fetches)."""
    markup = _SCRIPT_BODY.sub("<script></script>", html)
    return [m.group(0) for m in _REMOTE_REF.finditer(markup)]


def make_offline(html: str) -> str:
    """Strip the CDN tags and check; raises ``NotOffline`` naming what is left."""
    page = strip_remote(html)
    left = remote_references(page)
    if left:
        raise NotOffline(f"the page still refers to the network: {', '.join(sorted(set(left))[:5])}")
    return page
