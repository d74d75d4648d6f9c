"""Checks on a SPARQL query's text before any engine sees it: length, nesting depth, SERVICE.

Why before pyoxigraph: its recursive-descent parser overflowed the stack on
``'SELECT * WHERE ' + '{' * 5000 + '}' * 5000`` (6 KB) and on 20,000 nested parentheses
in a BIND, killing the server process (issue 22). Queries people write nest a few
levels; ``MAX_NESTING`` refuses the rest with a 400 before parsing. (The query also runs
in a confined child process, ``isolated.py``, so a crash the check misses kills only that.)

Why SERVICE is found by reading the query's code rather than by a word pattern:
``\\bSERVICE\\b`` missed ``falseSERVICE <http://…>`` and ``1SERVICE``, which Oxigraph's
parser reads as ``false`` / ``1`` followed by the keyword. Here strings, IRIs, comments,
variables and prefixed names are set aside (``?service`` and ``ex:Service`` are data, not
keywords), ``\\uXXXX`` escapes are decoded first as the grammar says, and any other run of letters containing ``service`` in any case is refused,
whatever stands before or after it. pyoxigraph exposes no parsed algebra to inspect; the
child process that runs the query also cannot open a socket, so a SERVICE this check
missed still reaches no network.
"""

from __future__ import annotations

import re

MAX_QUERY_CHARS = 100_000
#: Brackets ({, (, [) open at once; the seed queries use at most 6.
MAX_NESTING = 64

_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_VARIABLE = re.compile(r"[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+")
_PREFIXED = re.compile(r"[\w.\-]*:[\w.:%\-\\]*")
_SERVICE = re.compile("service", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class SparqlRefused(ValueError):
    """The query is refused before it runs; the message says why and what to do."""


def code_of(query: str) -> str:
    """The query with strings, IRIs and comments replaced by spaces (the same length)."""
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch == "#":
            end = min((e for e in (query.find("\n", i), query.find("\r", i)) if e >= 0), default=n)
            out.append(" " * (end - i))
            i = end
        elif ch in "'\"":
            end = _string_end(query, i)
            out.append(" " * (end - i))
            i = end
        elif ch == "<" and (iri := _IRI.match(query, i)):
            out.append(" " * (iri.end() - i))
            i = iri.end()
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _string_end(query: str, i: int) -> int:
    quote = query[i]
    long = query.startswith(quote * 3, i)
    delim = quote * 3 if long else quote
    j = i + len(delim)
    while j < len(query):
        if query[j] == "\\":
            j += 2
            continue
        if query.startswith(delim, j):
            return j + len(delim)
        if not long and query[j] in "\r\n":
            break
        j += 1
    raise SparqlRefused(f"the string starting at offset {i} is not closed")


def unescaped(query: str) -> str:
    """The query with ``\\uXXXX`` and ``\\UXXXXXXXX`` decoded, as the SPARQL grammar reads it before parsing."""

    def decode(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _ESCAPE.sub(decode, query)


def nesting(code: str) -> int:
    """The deepest run of open brackets in ``code``."""
    depth = deepest = 0
    for ch in code:
        if ch in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")}]":
            depth = max(0, depth - 1)
    return deepest


def check_query(query: str) -> None:
    """Raise SparqlRefused for an empty, overlong, too deeply nested query, or one that names SERVICE."""
    if not query.strip():
        raise SparqlRefused("give a SPARQL query as ?query=… (GET) or in the body (POST)")
    if len(query) > MAX_QUERY_CHARS:
        raise SparqlRefused(f"the query is over {MAX_QUERY_CHARS} characters")
    code = code_of(unescaped(query))
    depth = nesting(code)
    if depth > MAX_NESTING:
        raise SparqlRefused(f"the query nests {depth} brackets deep; at most {MAX_NESTING} are allowed")
    words = _PREFIXED.sub(" ", _VARIABLE.sub(" ", code))
    if _SERVICE.search(words):
        raise SparqlRefused("SERVICE is not allowed: this endpoint queries only its own graph")
