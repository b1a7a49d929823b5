"""Running a query on a local graph file with pyoxigraph."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from kgbuild.rdf.formats import GraphFileError, cannot_parse, graph_file
from kgbuild.sparql.base import ParameterError, QueryError, RemoteError, Results, Term
from kgbuild.sparql.remote import normalise
from kgbuild.sparql.saved import SavedQuery


def open_graph(path: Path) -> ox.Store:
    """An in-memory store holding an RDF file (format from its extension)."""
    try:
        _, fmt = graph_file(path)
    except GraphFileError as error:
        raise QueryError(str(error)) from None
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as error:
        raise QueryError(str(cannot_parse(path, error))) from None
    except OSError as error:
        raise QueryError(f"{path}: cannot read: {error}") from None
    return store


def run_local(
    query: SavedQuery | str, graph: ox.Store | Path, bindings: Mapping[str, Term] | None = None
) -> Results:
    """Run a query on a local graph (a file, or a store already loaded) with pyoxigraph."""
    query = query if isinstance(query, SavedQuery) else SavedQuery("query", None, query, "query")
    store = graph if isinstance(graph, ox.Store) else open_graph(graph)
    substitutions = {ox.Variable(name): term for name, term in (bindings or {}).items()}
    try:
        result = store.query(
            query.text, substitutions=substitutions or None, use_default_graph_as_union=True
        )
        if isinstance(result, ox.QueryBoolean):
            return {"head": {}, "boolean": bool(result)}
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(f"{query.label}: only SELECT and ASK queries can be run")
        data: Results = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))
    except SyntaxError as error:
        raise QueryError(f"{query.label}: SPARQL syntax error: {error}") from None
    except RuntimeError as error:  # e.g. a substituted variable that is not projected
        raise ParameterError(f"{query.label}: {error}") from None
    except OSError as error:  # SERVICE calls
        raise RemoteError(f"{query.label}: {error}", "service") from None
    return normalise(data)


