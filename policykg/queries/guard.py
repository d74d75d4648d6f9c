"""Read-only guard for ad hoc Cypher: an allow-list of read clauses and pure functions over a real tokenizer.

The guard accepts a statement only if every clause in it is a read clause (MATCH,
OPTIONAL MATCH, WITH, UNWIND, WHERE, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL {…}
with a read-only body, CALL of a procedure on ``callable.READ_PROCEDURES``) and every
function it calls is on ``callable.PURE_FUNCTIONS`` (Cypher's built-ins; nothing
namespaced unless listed). Anything else, known or not (CREATE, MERGE, SET, DELETE,
REMOVE, GQL INSERT, FOREACH, LOAD CSV, DDL, admin commands, FINISH, USE, ``sql.eval()``,
``util.sleep()``, a method call ``x.f()``, a word the guard has never heard of), is refused
before the store sees it. A deny-list had let GQL ``INSERT`` through, which the embedded
ArcadeDB runs even in a READ-routed session (issue 10); allowing any function let
``sql.eval("INSERT …")`` write (issue 22).

Why our own tokenizer and not a parser package. Tried on the 17 named queries of
``policykg/queries`` (all valid Neo4j 5 / ArcadeDB Cypher), December 2026, with a
throwaway venv:

- ``graphglot`` 0.14.3 (GQL and Neo4j Cypher): 5 of 17 parse, 125 s for the 17;
- ``antlr4-cypher`` 0.1.2 (the grammars-v4 Cypher grammar): 1 of 17 (no ``EXISTS {}``
  or ``COUNT {}`` subqueries);
- ``cypher-guard`` 3.0.0 (Rust, Neo4j field team): 0 of 17, prints debug traces on
  stdout, and reports ``MATCH (n)-[r:SET|DELETE]->() RETURN r`` as a write;
- ``libcypher-parser-python`` / ``pycypher``: last released 2017-2019, Cypher 3.

A guard built on any of them would refuse the project's own queries. So the tokenizer
here is written to the Cypher lexical rules (strings with backslash escapes, ``//`` and
``/* */`` comments, backtick names with doubled backticks, ``$params``, numbers), and a
small state machine over its tokens decides, for each word, whether it stands where a
clause starts (after an expression ended, at the start of a query or subquery) or
inside an expression (an alias, a variable, a property key, a label, a map key, a
function name). Only the first kind has to be on the clause allow-list, so ``RETURN n AS
set``, ``MATCH (load:Task) RETURN count(load)``, ``[r:SET|DELETE]`` and ``'CREATE'`` pass;
a name followed by ``(`` is a call and has to be on the function allow-list.

Where the guard and the server could read the text differently, the guard takes the
reading that sees more code: a ``//`` comment ends at any line break (``\\r`` too), a
backslash outside a string is refused (no ``\\u0043REATE``), an unknown string escape
is refused, and a statement holding ``\\uXXXX`` escapes is checked a second time with
the escapes decoded first (as a Java-style pre-processor would), both readings having
to pass. Characters outside Cypher's punctuation are refused; so is a second
statement after ``;``. Bracket mismatches are left to the server, which cannot parse
them; every word is checked regardless.

Second line of defence, which does not depend on this guard: guarded statements run in a
read transaction as a user who may only read. Neo4j refuses a write in a READ session; on
the embedded ArcadeDB they run as the store's ``reader`` user, whose group may read records
and nothing else (``graph/arcadedb_server.py``), so a write that slipped past the guard fails
in the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.queries.callable import is_pure_function, is_read_procedure
from policykg.queries.params import QueryError

#: Clauses a query (or a ``CALL {}`` body) may start with.
START_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
#: Words allowed right after an expression ends: the read clauses and their parts, and
#: the infix keywords of expressions. Everything else there is refused.
AFTER_EXPRESSION = frozenset({
    "MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL", "UNION", "WHERE", "ORDER", "BY", "SKIP", "LIMIT",
    "OFFSET", "YIELD", "AS", "ASC", "ASCENDING", "DESC", "DESCENDING", "AND", "OR", "XOR", "IS", "IN", "CONTAINS",
    "STARTS", "ENDS", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "ALL",
})
#: Words that end an expression like a literal does.
_ENDS_EXPRESSION = frozenset({"NULL", "TRUE", "FALSE", "END", "ASC", "ASCENDING", "DESC", "DESCENDING"})
#: Words a server may read as a clause or command. Where an expression is expected they
#: pass only where the grammar makes them a variable, a namespace or a map key (``(load:Task)``,
#: ``count(set)``, ``{delete: 1}``): never before ``(`` or ``{`` or a word that could continue a clause.
DANGEROUS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "INSERT", "FOREACH", "LOAD", "DROP",
    "ALTER", "GRANT", "REVOKE", "DENY", "RENAME", "TERMINATE", "START", "STOP", "ENABLE", "DISABLE", "SHOW", "USE",
    "FINISH", "LET", "FILTER", "NEXT", "IMPORT", "EXPORT", "BACKUP", "RESTORE", "TRUNCATE", "UPDATE", "UPSERT",
    "COPY", "COMMIT", "ROLLBACK", "BEGIN", "EXPLAIN", "PROFILE", "CYPHER", "SCHEDULE", "DEALLOCATE", "REALLOCATE",
    "CALL", "EXECUTE", "SUSPEND", "RESUME", "WAIT",
})
#: Words after which an expression still has to come (``ORDER BY x``, ``NOT x``, ``CASE WHEN x``).
_PREFIX_WORDS = frozenset({"NOT", "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "BY"})
#: Words that are never function names when ``(`` follows them: operators, literals, keywords.
_NOT_CALLS = frozenset({"NOT", "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "BY", "NULL", "TRUE", "FALSE"})
#: Words that open a subquery when ``{`` follows them (``EXISTS { (a)-->(b) }``).
_PATTERN_SUBQUERIES = frozenset({"EXISTS", "COUNT", "COLLECT"})
_PUNCT = frozenset("()[]{}<>=+-*/%^|,.:;!&~?")
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_STRING_ESCAPES = frozenset("\\'\"bfnrt")
_UNICODE_ESCAPE = re.compile(r"\\u+([0-9A-Fa-f]{4})")


class WriteRefused(QueryError):
    """An ad hoc statement would write; pass ``write=True`` / ``--write`` to allow it."""


class CypherSyntaxError(QueryError):
    """The statement cannot be tokenized (an unterminated string, a stray character)."""


@dataclass(frozen=True)
class Token:
    kind: str  # word, string, name (backticked), param, number, punct
    text: str
    pos: int


def tokenize(text: str) -> list[Token]:
    """Cypher tokens without comments and whitespace."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i):
            # Any line break ends it: the guard must never see less code than the server.
            while i < n and text[i] not in _LINE_BREAKS:
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise CypherSyntaxError(f"unterminated /* comment at offset {i}")
            i = end + 2
        elif ch in "'\"":
            j = i + 1
            while j < n and text[j] != ch:
                if text[j] == "\\":
                    _check_escape(text, j)
                    j += 2
                else:
                    j += 1
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
            tokens.append(Token("name", text[i + 1:j].replace("``", "`"), i))
            i = j + 1
        elif ch == "$":
            j = i + 1
            if j < n and text[j] == "`":
                end = text.find("`", j + 1)
                if end < 0:
                    raise CypherSyntaxError(f"unterminated $`parameter` at offset {i}")
                tokens.append(Token("param", text[j + 1:end], i))
                i = end + 1
                continue
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            if j == i + 1:
                raise CypherSyntaxError(f"a $ without a parameter name at offset {i}")
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
            while j < n and (text[j].isalnum() or text[j] == "." or text[j] == "_"):
                j += 1
            tokens.append(Token("number", text[i:j], i))
            i = j
        elif ch in _PUNCT:
            tokens.append(Token("punct", ch, i))
            i += 1
        else:
            raise CypherSyntaxError(f"character {ch!r} (U+{ord(ch):04X}) at offset {i} is not Cypher")
    return tokens


def _check_escape(text: str, j: int) -> None:
    """A string escape must be one every Cypher lexer reads the same way."""
    nxt = text[j + 1] if j + 1 < len(text) else ""
    if nxt in _STRING_ESCAPES:
        return
    if nxt == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", text[j + 2:j + 6]):
        return
    if nxt == "U" and re.fullmatch(r"[0-9A-Fa-f]{8}", text[j + 2:j + 10]):
        return
    raise CypherSyntaxError(f"unknown string escape \\{nxt} at offset {j}")


@dataclass
class _Scope:
    kind: str  # top, subquery, pattern-subquery, paren, list, map
    call_vars: bool = False  # the ( ) of CALL (a, b) { … }


@dataclass
class _Checker:
    """Walks the tokens once; ``refused`` collects what may not run read-only."""

    tokens: list[Token]
    refused: list[str] = field(default_factory=list)

    def run(self) -> list[str]:
        toks = self.tokens
        scopes = [_Scope("top")]
        state = "start"  # start (a clause), operand (an expression), end (after one), label, prop
        label_ctx = False
        after_prop = False  # the token before was a property key (``x.key``): a ( after it would be a method call
        subquery_next: str | None = None  # the kind of scope a following { opens
        k = 0
        while k < len(toks):
            tok = toks[k]
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            scope = scopes[-1]
            was_label = label_ctx
            label_ctx = False
            was_prop, after_prop = after_prop, False
            opens = subquery_next
            subquery_next = None
            if tok.kind == "word":
                word = tok.text.upper()
                if state in ("prop", "label"):
                    label_ctx = state == "label"
                    after_prop = state == "prop"
                    state = "end"
                elif state == "start":
                    if word in START_CLAUSES:
                        state, k, subquery_next = self._clause(word, k)
                        continue
                    if scope.kind == "pattern-subquery" and _is(nxt, "=") and word not in DANGEROUS:
                        state = "end"  # EXISTS { p = (a)-->(b) }
                    else:
                        self._refuse(word, k)
                        state = "operand"
                elif state == "end":
                    if word == "UNION":
                        state = "start"
                        if nxt is not None and nxt.kind == "word" and nxt.text.upper() in ("ALL", "DISTINCT"):
                            k += 1
                    elif word in START_CLAUSES:
                        state, k, subquery_next = self._clause(word, k)
                        continue
                    elif word in AFTER_EXPRESSION:
                        state = "end" if word in _ENDS_EXPRESSION else "operand"
                    else:
                        self._refuse(word, k)
                        state = "operand"
                else:  # operand: a variable, function, literal keyword or prefix operator
                    call = None if word in _NOT_CALLS else self._call_at(k)
                    if call is not None:
                        name, last = call
                        if not is_pure_function(name):
                            self._refuse(f"function {name}()", k)
                        state, k = "end", last + 1
                        continue
                    if word in DANGEROUS and not self._harmless_operand(nxt):
                        self._refuse(word, k)
                    if word in _PATTERN_SUBQUERIES and _is(nxt, "{"):
                        subquery_next = "pattern-subquery"
                        state = "operand"
                    elif word in _PREFIX_WORDS:
                        state = "operand"
                    else:
                        state = "end"
            elif tok.kind == "name":
                if state == "start" or state == "end":
                    self._refuse(f"`{tok.text}`", k)
                elif state == "operand" and (call := self._call_at(k)) is not None:
                    if not is_pure_function(call[0]):
                        self._refuse(f"function {call[0]}()", k)
                    state, k = "end", call[1] + 1
                    continue
                label_ctx = state == "label"
                after_prop = state == "prop"
                state = "end"
            elif tok.kind in ("param", "string", "number"):
                if state == "start":
                    self._refuse(tok.text if tok.kind == "number" else f"${tok.text}" if tok.kind == "param"
                                 else "a string", k)
                state = "end"
            else:
                if tok.text == "(" and was_prop:
                    self._refuse(f"method call .{toks[k - 1].text}()", k)
                state, label_ctx = self._punct(tok, k, scopes, state, was_label, opens)
            k += 1
        return self.refused

    def _clause(self, word: str, k: int) -> tuple[str, int, str | None]:
        """A read clause at ``k``; returns the next state, the next token index and what a { opens."""
        toks = self.tokens
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if word == "OPTIONAL":
            if nxt is None or nxt.kind != "word" or nxt.text.upper() not in ("MATCH", "CALL"):
                self._refuse("OPTIONAL", k)
                return "operand", k + 1, None
            return self._clause(nxt.text.upper(), k + 1)
        if word != "CALL":
            return "operand", k + 1, None
        if nxt is None:
            self._refuse("CALL", k)
            return "end", k + 1, None
        if _is(nxt, "{"):
            return "operand", k + 1, "subquery"
        if _is(nxt, "("):
            return "operand", k + 1, "call-vars"  # CALL (a, b) { … }
        parts: list[str] = []
        j = k + 1
        while j < len(toks) and toks[j].kind in ("word", "name"):
            parts.append(toks[j].text)
            if j + 1 < len(toks) and _is(toks[j + 1], "."):
                j += 2
                continue
            j += 1
            break
        name = ".".join(parts)
        if not parts or not is_read_procedure(name):
            self._refuse(f"CALL {name}" if parts else "CALL", k)
        return "end", j, None

    def _punct(self, tok: Token, k: int, scopes: list[_Scope], state: str, was_label: bool,
               opens: str | None) -> tuple[str, bool]:
        text = tok.text
        scope = scopes[-1]
        if text == "(":
            scopes.append(_Scope("paren", call_vars=opens == "call-vars"))
            return "operand", False
        if text == "[":
            scopes.append(_Scope("list"))
            return "operand", False
        if text == "{":
            if state == "skip-brace":  # the { of CALL (a) { … }, already opened
                return "start", False
            if opens in ("subquery", "pattern-subquery"):
                scopes.append(_Scope(opens))
                return "start", False
            scopes.append(_Scope("map"))
            return "operand", False
        if text in ")]}":
            closed = scopes.pop() if len(scopes) > 1 else scope  # a mismatch is the server's to refuse
            if closed.call_vars:
                nxt = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
                if _is(nxt, "{"):
                    scopes.append(_Scope("subquery"))
                    return "skip-brace", False
            return "end", False
        if text == ";":
            if k + 1 < len(self.tokens):
                self._refuse("a second statement after ;", k)
            return "start", False
        if text == ".":
            return "prop", False
        if text == ":":
            if scope.kind == "map" and state == "end" and self._at_map_key(k):
                return "operand", False
            return "label", False
        if text in "|&!" and was_label:
            return "label", False
        if text == "*" and state in ("operand", "start"):
            return "end", False  # RETURN *, count(*)
        return "operand", False

    def _at_map_key(self, k: int) -> bool:
        """Whether the token before the ``:`` at ``k`` is a key: ``{key: …`` or ``, key: …``."""
        if k < 2:
            return False
        return self.tokens[k - 1].kind in ("word", "name", "string") and self.tokens[k - 2].text in ("{", ",")

    def _call_at(self, k: int) -> tuple[str, int] | None:
        """The function called at ``k`` (``name(`` or ``ns.name(``) and the index of its last name token, if any."""
        toks = self.tokens
        parts = [toks[k].text]
        j = k
        while j + 2 < len(toks) and _is(toks[j + 1], ".") and toks[j + 2].kind in ("word", "name"):
            parts.append(toks[j + 2].text)
            j += 2
        if j + 1 < len(toks) and _is(toks[j + 1], "("):
            return ".".join(parts), j
        return None

    @staticmethod
    def _harmless_operand(nxt: Token | None) -> bool:
        """A keyword-like word where an expression is expected is a variable, a property owner or a map
        key (``(load:Task)``, ``count(load)``, ``set.name``, ``{delete: 1}``) unless what follows could
        continue a clause: ``(`` or ``{`` (``CREATE (``, ``CALL {``) or a word, name, parameter or literal
        that is not an expression keyword (``SET n.x``, ``DETACH DELETE``, ``LOAD CSV``)."""
        if nxt is None:
            return True
        if nxt.kind == "punct":
            return nxt.text not in "({"
        return nxt.kind == "word" and nxt.text.upper() in AFTER_EXPRESSION and nxt.text.upper() not in DANGEROUS

    def _refuse(self, what: str, k: int) -> None:
        toks = self.tokens
        if what in ("DETACH", "NODETACH") and k + 1 < len(toks) and toks[k + 1].text.upper() == "DELETE":
            what = f"{what} DELETE"
            toks[k + 1] = Token("word", "_", toks[k + 1].pos)  # reported once, as a pair
        elif what == "LOAD" and k + 1 < len(toks) and toks[k + 1].text.upper() == "CSV":
            what = "LOAD CSV"
        # After the first refusal only dangerous words are worth naming; the rest is noise.
        if not self.refused or what.split()[0] in DANGEROUS or what.startswith(("CALL", "a second", "function",
                                                                                 "method")):
            self.refused.append(what)


def _is(tok: Token | None, text: str) -> bool:
    return tok is not None and tok.kind == "punct" and tok.text == text


def _run(text: str) -> list[str]:
    checker = _Checker(tokenize(text))
    refused = checker.run()
    return refused


def write_clauses(text: str) -> list[str]:
    """What keeps the statement from running read-only, in order (empty when it only reads).

    Raises CypherSyntaxError when the text cannot be tokenized.
    """
    refused = _run(text)
    if _UNICODE_ESCAPE.search(text):
        # A Java-style pre-processor would decode \\uXXXX before lexing; that reading must pass too.
        decoded = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
        try:
            refused += [r for r in _run(decoded) if r not in refused]
        except CypherSyntaxError:
            refused.append("\\u escapes that change the statement when decoded")
    return refused


def check_read_only(text: str) -> None:
    """Raise WriteRefused naming what is not a read clause (CypherSyntaxError if it does not tokenize)."""
    clauses = write_clauses(text)
    if clauses:
        unique = list(dict.fromkeys(clauses))
        raise WriteRefused(
            f"refused: the statement is not read-only ({', '.join(unique)}); ad hoc Cypher may only read "
            "(MATCH, OPTIONAL MATCH, WITH, UNWIND, WHERE, RETURN, ORDER BY, SKIP, LIMIT, UNION, CALL {…}, "
            "read-only procedures) unless you pass --write (CLI) or write=True (Python)"
        )
