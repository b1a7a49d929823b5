"""Saved SPARQL queries: list them, bind their parameters safely, run them, render the results.

A saved query is a ``queries/<name>.rq`` file that opens with a header comment::

    # title: Who is quoted most, and from which works
    # question: Whose words does the text quote most often, and which works are those
    #   quotations taken from?              (continuation lines: "#" and two or more spaces)
    # parameters: ?person the speaker, an IRI (optional)    or:  # parameters: none
    # network: yes; why                      (optional; the query needs network access)

Queries run either on a local graph file with pyoxigraph (in memory, fast) or on a remote
SPARQL 1.1 endpoint with SPARQLWrapper. Both give a SPARQL 1.1 JSON results document, so
that the rendering (aligned table, CSV, TSV, JSON) and any comparison are the same.

Parameters (``--param name=value``) are parsed into RDF terms and never pasted into the
query text as strings: locally they are pyoxigraph ``substitutions`` (SEP-0007), remotely a
trailing ``VALUES`` clause written from the terms with every character escaped or checked.
A parameter variable must therefore appear in the query's SELECT projection.

Credentials for remote endpoints come from KGBUILD_USER / KGBUILD_PASSWORD, else from the
netrc file (``$NETRC`` or ``~/.netrc``) entry of the endpoint's host, and are sent with HTTP
basic authentication. They never appear in messages: URLs are shown without user info.

The package's modules, one job each: ``saved`` (the query files), ``parameters`` (binding
and writing terms), ``local`` and ``remote`` (running), ``render`` (showing results).
"""

from __future__ import annotations

from kgbuild.sparql.base import (
    XSD,
    XSD_STRING,
    ParameterError,
    QueryError,
    RemoteError,
    Results,
    Term,
)
from kgbuild.sparql.local import (
    open_graph,
    run_local,
)
from kgbuild.sparql.parameters import (
    ESCAPES,
    bind_parameters,
    looks_like_bare_iri,
    parse_assignments,
    parse_term,
    query_form,
    sparql_term,
    values_clause,
    with_values,
)
from kgbuild.sparql.remote import (
    RETRY_DELAYS,
    TRANSIENT_STATUSES,
    USER_AGENT,
    Credentials,
    connection_error,
    credentials_for,
    display_url,
    http_error,
    normalise,
    response_text,
    rows,
    run_remote,
    split_userinfo,
    ssl_error_types,
    with_retries,
)
from kgbuild.sparql.render import (
    FORMATS,
    ntriples_term,
    render,
)
from kgbuild.sparql.saved import (
    VARIABLE_NAME,
    Parameter,
    SavedQuery,
    find_query,
    list_queries,
    parse_header,
    parse_parameters,
    read_query,
)

__all__ = [
    "ESCAPES",
    "FORMATS",
    "RETRY_DELAYS",
    "TRANSIENT_STATUSES",
    "USER_AGENT",
    "VARIABLE_NAME",
    "XSD",
    "XSD_STRING",
    "Credentials",
    "Parameter",
    "ParameterError",
    "QueryError",
    "RemoteError",
    "Results",
    "SavedQuery",
    "Term",
    "bind_parameters",
    "connection_error",
    "credentials_for",
    "display_url",
    "find_query",
    "http_error",
    "list_queries",
    "looks_like_bare_iri",
    "normalise",
    "ntriples_term",
    "open_graph",
    "parse_assignments",
    "parse_header",
    "parse_parameters",
    "parse_term",
    "query_form",
    "read_query",
    "render",
    "response_text",
    "rows",
    "run_local",
    "run_remote",
    "sparql_term",
    "split_userinfo",
    "ssl_error_types",
    "values_clause",
    "with_retries",
    "with_values",
]
