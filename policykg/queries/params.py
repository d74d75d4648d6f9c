"""Typed query parameters: declared in a .cypher header, coerced from CLI/HTTP strings.

A parameter's type is declared once, in the query file, so the CLI (``--param
from=2015``), the HTTP API (query strings) and Python (``kg.query(..., from_=2015)``)
all get the same checking and the same defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

TYPES = ("string", "int", "float", "bool", "list")
_TRUE = {"true", "1", "yes", "y", "on"}
_FALSE = {"false", "0", "no", "n", "off"}
_CHOICE = re.compile(r"^choice\(([^)]*)\)$")


class QueryError(ValueError):
    """A named query was asked for wrongly (unknown name, bad or missing parameter)."""


class UnknownQuery(QueryError):
    pass


class BadParameter(QueryError):
    pass


@dataclass(frozen=True)
class Param:
    """One declared parameter: ``// param: name: type = default  -- description``."""

    name: str
    type: str  # one of TYPES, or "choice" with ``choices``
    default: Any = None
    required: bool = False
    description: str = ""
    choices: tuple[str, ...] = ()

    @property
    def type_label(self) -> str:
        return f"choice({'|'.join(self.choices)})" if self.type == "choice" else self.type

    def describe(self) -> str:
        """``name: type = default`` as a user reads it in ``policykg queries``."""
        if self.required:
            return f"{self.name}: {self.type_label} (required)"
        default = "null" if self.default is None else str(self.default).lower() if isinstance(self.default, bool) else self.default
        return f"{self.name}: {self.type_label} = {default}"

    def coerce(self, value: Any) -> Any:
        """The value as this parameter's type; strings are parsed, wrong types are refused."""
        if value is None or (isinstance(value, str) and value.strip().lower() in {"null", "none"} and self.type != "string"):
            if self.required:
                raise BadParameter(f"parameter {self.name!r} is required ({self.type_label})")
            return None
        try:
            return _coerce(self, value)
        except (TypeError, ValueError) as exc:
            raise BadParameter(f"parameter {self.name!r} must be {self.type_label}, got {value!r}") from exc


def _coerce(param: Param, value: Any) -> Any:
    kind = param.type
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(value)
    if kind == "int":
        if isinstance(value, bool):
            raise TypeError(value)
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(value)
        return int(str(value).strip()) if isinstance(value, str) else int(value)
    if kind == "float":
        if isinstance(value, bool):
            raise TypeError(value)
        return float(value)
    if kind == "list":
        # a list of strings (node ids, names): a Python list as is, or comma-separated text from the CLI / HTTP
        if isinstance(value, list | tuple | set | frozenset):
            return [str(v) for v in value]
        if not isinstance(value, str):
            raise TypeError(value)
        return [part.strip() for part in value.split(",") if part.strip()]
    if kind == "choice":
        text = str(value).strip()
        if text not in param.choices:
            raise ValueError(value)
        return text
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise TypeError(value)
    return str(value)


def parse_param(spec: str) -> Param:
    """Parse the text after ``// param:``, e.g. ``from: int = null  -- first year``."""
    body, _, description = spec.partition("--")
    name, sep, rest = body.partition(":")
    name = name.strip()
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise ValueError(f"bad parameter declaration {spec!r}: expected 'name: type [= default]'")
    type_text, has_default, default_text = rest.partition("=")
    type_text = type_text.strip()
    choices: tuple[str, ...] = ()
    match = _CHOICE.match(type_text)
    if match:
        choices = tuple(c.strip() for c in match.group(1).split("|") if c.strip())
        type_text = "choice"
    elif type_text not in TYPES:
        raise ValueError(f"bad parameter type {type_text!r} for {name!r}: use one of {', '.join(TYPES)} or choice(a|b)")
    param = Param(name, type_text, None, not has_default, description.strip(), choices)
    if has_default:
        default_raw = default_text.strip()
        default = None if default_raw.lower() == "null" else param.coerce(_unquote(default_raw))
        param = Param(name, type_text, default, False, description.strip(), choices)
    return param


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def parse_assignments(pairs: list[str] | None) -> dict[str, str]:
    """``["k=v", ...]`` from the command line -> ``{"k": "v"}``; the value may itself hold '='."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise BadParameter(f"--param expects key=value, got {pair!r}")
        out[key.strip()] = value
    return out
