"""What a guarded (read-only) statement may call: pure functions and read-only procedures, by name.

Why an allow-list of names and not "any function": a function call is code the server
runs, and servers ship functions that write or wait. ArcadeDB's ``sql.eval`` runs SQL
(``INSERT``, ``CREATE VERTEX TYPE``, ``IMPORT DATABASE``) from inside a ``RETURN`` and
``util.sleep`` holds a server thread (issue 22); APOC on Neo4j has ``apoc.cypher.runWrite``
and friends. So the guard lets a statement call only what is listed here: Cypher's own
built-in functions (Neo4j 5 Cypher manual, "Functions", which ArcadeDB implements under
the same names), a few namespaced temporal, spatial and vector ones of the same manual,
and nothing else, namespaced or not. An unknown name is refused, not guessed at.

Names are compared in lower case (Cypher function names are case-insensitive).
"""

from __future__ import annotations

#: Cypher built-in functions without a namespace (Neo4j 5 manual: predicate, scalar, aggregating,
#: list, mathematical, string, temporal and spatial functions). None reads outside the statement
#: or writes; ``rand``/``randomUUID``/``timestamp`` only read a clock or a random source.
PURE_FUNCTIONS = frozenset(name.lower() for name in (
    # predicate
    "all", "any", "exists", "isEmpty", "none", "single",
    # scalar
    "char_length", "character_length", "coalesce", "elementId", "endNode", "head", "id", "last", "length",
    "nullIf", "properties", "randomUUID", "size", "startNode", "timestamp", "toBoolean", "toBooleanOrNull",
    "toFloat", "toFloatOrNull", "toInteger", "toIntegerOrNull", "type", "valueType",
    # aggregating
    "avg", "collect", "count", "max", "min", "percentileCont", "percentileDisc", "stDev", "stDevP", "sum",
    # list
    "keys", "labels", "nodes", "range", "reduce", "relationships", "reverse", "tail", "toBooleanList",
    "toFloatList", "toIntegerList", "toStringList",
    # mathematical
    "abs", "ceil", "floor", "isNaN", "rand", "round", "sign", "e", "exp", "log", "log10", "sqrt", "acos",
    "asin", "atan", "atan2", "cos", "cot", "degrees", "haversin", "pi", "radians", "sin", "tan",
    # string
    "btrim", "left", "lower", "ltrim", "normalize", "replace", "right", "rtrim", "split", "substring",
    "toLower", "toString", "toStringOrNull", "toUpper", "trim", "upper",
    # temporal and spatial constructors
    "date", "datetime", "localdatetime", "localtime", "time", "duration", "point",
    # path patterns
    "shortestPath", "allShortestPaths",
))

#: Namespaced functions of the same manual that only compute from their arguments or a clock.
PURE_NAMESPACED_FUNCTIONS = frozenset(name.lower() for name in (
    "date.truncate", "datetime.truncate", "localdatetime.truncate", "localtime.truncate", "time.truncate",
    "date.realtime", "date.statement", "date.transaction", "datetime.realtime", "datetime.statement",
    "datetime.transaction", "localdatetime.realtime", "localdatetime.statement", "localdatetime.transaction",
    "localtime.realtime", "localtime.statement", "localtime.transaction", "time.realtime", "time.statement",
    "time.transaction", "datetime.fromepoch", "datetime.fromepochmillis",
    "duration.between", "duration.indays", "duration.inmonths", "duration.inseconds",
    "point.distance", "point.withinbbox",
    "vector.similarity.cosine", "vector.similarity.euclidean",
))

#: Procedures that only read the schema or the server's identity; any other ``CALL name`` is refused.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints",
    "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "db.info", "db.ping", "dbms.components", "dbms.procedures", "dbms.functions",
    "dbms.showcurrentuser",
    "db.index.fulltext.querynodes",  # task-search's candidates (graph/dialect.py: the full-text index)
})


def is_pure_function(name: str) -> bool:
    """Whether a guarded statement may call the function ``name`` (dotted when namespaced)."""
    lowered = name.lower()
    return lowered in (PURE_NAMESPACED_FUNCTIONS if "." in lowered else PURE_FUNCTIONS)


def is_read_procedure(name: str) -> bool:
    return name.lower() in READ_PROCEDURES
