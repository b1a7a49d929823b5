"""What the query modules share: the RDF term and results types and the errors."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"

Term = ox.NamedNode | ox.Literal
Results = dict[str, Any]
"""A SPARQL 1.1 query results JSON document: {"head": {"vars": [...]}, "results": {...}}
for SELECT, {"head": {}, "boolean": b} for ASK."""


class QueryError(Exception):
    """A query cannot be found, read or parsed, or the graph file it runs on cannot."""


class ParameterError(QueryError):
    """A --param is malformed, unknown to the query, or not safely bindable."""


class RemoteError(Exception):
    """An endpoint failed: refused connection, timeout, HTTP 4xx/5xx, wrong credentials..."""

    def __init__(self, message: str, kind: str = "other", status: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status

