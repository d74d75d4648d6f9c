"""Read-only guard for ad hoc Cypher: find write clauses with a real tokenizer.

Why a tokenizer and not a regex: ``MATCH (t) WHERE t.text CONTAINS 'CREATE'`` or a
``// DELETE later`` comment must pass, while ``MATCH (n) /* */ DETACH DELETE n``
must not. Strings, backtick names and comments are skipped; words used as property
keys (``n.set``), labels (``:Create``), map keys (``{delete: 1}``) or parameters
(``$merge``) are not clauses.

This is the first line of defence. The statement also runs in a READ-routed
transaction, which Neo4j enforces; the embedded ArcadeDB does not (checked: it
runs a ``CREATE`` sent with READ routing), so on the default store this guard is
what keeps ad hoc Cypher read-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.queries.params import QueryError

WRITE_KEYWORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "LOAD",
    "ALTER", "GRANT", "REVOKE", "DENY", "RENAME", "TERMINATE",
})
#: Procedures that only read; any other ``CALL db.*`` / ``dbms.*`` / plugin procedure is refused.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints",
    "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "db.info", "db.ping", "dbms.components", "dbms.procedures", "dbms.functions",
    "dbms.showcurrentuser", "dbms.queryjmx",
})


class WriteRefused(QueryError):
    """An ad hoc statement would write; pass ``write=True`` / ``--write`` to allow it."""


@dataclass(frozen=True)
class Token:
    kind: str  # word, string, name (backticked), param, number, punct
    text: str
    pos: int


class CypherSyntaxError(QueryError):
    pass


def tokenize(text: str) -> list[Token]:
    """Cypher tokens without comments and whitespace; enough to recognise clauses."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise CypherSyntaxError(f"unterminated /* comment at offset {i}")
            i = end + 2
        elif ch in "'\"":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise CypherSyntaxError(f"unterminated string at offset {i}")
            tokens.append(Token("string", text[i + 1:j], i))
            i = j + 1
        elif ch == "`":
            j = i + 1
            while True:
                j = text.find("`", j)
                if j < 0:
                    raise CypherSyntaxError(f"unterminated `name` at offset {i}")
                if text.startswith("``", j):  # an escaped backtick inside the name
                    j += 2
                    continue
                break
            tokens.append(Token("name", text[i + 1:j], i))
            i = j + 1
        elif ch == "$":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(Token("param", text[i + 1:j], i))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(Token("word", text[i:j], i))
            i = j
        elif ch.isdigit():
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "."):
                j += 1
            tokens.append(Token("number", text[i:j], i))
            i = j
        else:
            tokens.append(Token("punct", ch, i))
            i += 1
    return tokens


def write_clauses(text: str) -> list[str]:
    """The write clauses a statement contains, in order (empty when it only reads)."""
    tokens = tokenize(text)
    found: list[str] = []
    for k, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        prev = tokens[k - 1].text if k > 0 and tokens[k - 1].kind == "punct" else ""
        nxt = tokens[k + 1].text if k + 1 < len(tokens) and tokens[k + 1].kind == "punct" else ""
        if prev in {".", ":"} or nxt == ":":
            continue  # a property key, label, relationship type or map key, not a clause
        word = tok.text.upper()
        if word == "DELETE" and found and found[-1] == "DETACH" and tokens[k - 1].text.upper() == "DETACH":
            found[-1] = "DETACH DELETE"
        elif word in WRITE_KEYWORDS:
            found.append("LOAD CSV" if word == "LOAD" else word)
        elif word == "CALL":
            procedure = _procedure_name(tokens, k + 1)
            if procedure is not None and procedure.lower() not in READ_PROCEDURES:
                found.append(f"CALL {procedure}")
    return found


def _procedure_name(tokens: list[Token], start: int) -> str | None:
    """``db.schema.visualization`` after CALL; None for a ``CALL { … }`` subquery."""
    parts: list[str] = []
    k = start
    while k < len(tokens) and tokens[k].kind in {"word", "name"}:
        parts.append(tokens[k].text)
        if k + 1 < len(tokens) and tokens[k + 1].text == ".":
            k += 2
            continue
        break
    return ".".join(parts) if parts else None


def check_read_only(text: str) -> None:
    """Raise WriteRefused naming the clauses if the statement would write."""
    clauses = write_clauses(text)
    if clauses:
        unique = list(dict.fromkeys(clauses))
        raise WriteRefused(
            f"refused: the statement writes ({', '.join(unique)}); ad hoc Cypher is read-only "
            "unless you pass --write (CLI) or write=True (Python)"
        )
