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
"""

from __future__ import annotations

import ast
import csv
import http.client
import io
import json
import netrc
import os
import re
import socket
import time
import urllib.error
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

import pyoxigraph as ox

from kgbuild.rdf.formats import GraphFileError, cannot_parse, graph_file
from kgbuild.rdf.namespaces import PREFIXES
from kgbuild.resources import queries_dir

FORMATS = ("table", "csv", "tsv", "json")
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
USER_AGENT = "kgbuild (https://w3id.org/kgbuild)"

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


# --- saved queries -------------------------------------------------------------------


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str

    @property
    def wants_iri(self) -> bool:
        """Declared as "an IRI such as <…>": a string given for it is a mistake."""
        return re.search(r"\ban IRI\b", self.description) is not None


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path | None
    text: str
    title: str
    question: str = ""
    parameters: tuple[Parameter, ...] = ()
    network: bool = False

    @property
    def label(self) -> str:
        return str(self.path) if self.path else self.name

    @property
    def prefixes(self) -> dict[str, str]:
        """The project prefixes, overridden by the PREFIX declarations of the query itself."""
        declared = {m[1]: m[2] for m in _PREFIX_DECL.finditer(self.text)}
        return {**{name: str(ns) for name, ns in PREFIXES.items()}, **declared}


_HEADER_FIELD = re.compile(r"#[ \t]?([A-Za-z][\w-]*):[ \t]*(.*)")
_HEADER_CONTINUATION = re.compile(r"#[ \t]{2,}(\S.*)")
_PARAMETER = re.compile(r"(?:^|\s)\?([A-Za-z_][A-Za-z0-9_]*)\b")
_PREFIX_DECL = re.compile(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*|):\s*<([^<>\"{}|^`\\\s]*)>")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NAME_OR_SLUG = re.compile(r"[A-Za-z0-9][\w.-]*")


def parse_header(text: str) -> dict[str, str]:
    """The ``# key: value`` fields of the comment block a query opens with (keys lower-case)."""
    fields: dict[str, str] = {}
    key: str | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            if fields:
                break
            continue
        if not line.startswith("#"):
            break
        continuation = _HEADER_CONTINUATION.fullmatch(line)
        field_match = _HEADER_FIELD.fullmatch(line)
        if continuation and key is not None:
            fields[key] = f"{fields[key]} {continuation[1].strip()}".strip()
        elif field_match:
            key = field_match[1].lower()
            fields[key] = field_match[2].strip()
        else:
            key = None
    return fields


def parse_parameters(value: str) -> tuple[Parameter, ...]:
    """``?person the speaker ... ?other ...`` → Parameter(name, description) each."""
    if value.strip().lower() in ("", "none", "-"):
        return ()
    matches = list(_PARAMETER.finditer(value))
    parameters = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(value)
        description = value[match.end() : end].strip(" \t;,")
        parameters.append(Parameter(match[1], description))
    return tuple(parameters)


def read_query(path: Path, name: str | None = None) -> SavedQuery:
    """Read a query file; its header is optional for ad-hoc files (title = file name)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{path}: no such query file") from None
    except UnicodeDecodeError:
        raise QueryError(f"{path}: not valid UTF-8") from None
    except OSError as error:
        raise QueryError(f"{path}: cannot read: {error.strerror or error}") from None
    header = parse_header(text)
    return SavedQuery(
        name=name or path.stem,
        path=path,
        text=text,
        title=header.get("title", path.stem),
        question=header.get("question", ""),
        parameters=parse_parameters(header.get("parameters", "")),
        network=header.get("network", "no").lower().startswith("yes"),
    )


def list_queries(directory: Path | None = None) -> list[SavedQuery]:
    """The saved queries of ``directory`` (default: the shipped ``queries/``), by name."""
    folder = directory or queries_dir()
    return [read_query(path) for path in sorted(folder.glob("*.rq"))]


def find_query(reference: str, directory: Path | None = None) -> SavedQuery:
    """A saved query by NAME (``most-quoted``), or any query FILE (``my/query.rq``)."""
    path = Path(reference)
    if path.is_file():
        return read_query(path)
    folder = directory or queries_dir()
    saved = folder / f"{reference.removesuffix('.rq')}.rq"
    if _NAME_OR_SLUG.fullmatch(reference) and saved.is_file():
        return read_query(saved)
    if path.suffix == ".rq" or os.sep in reference:
        raise QueryError(f"{reference}: no such query file")
    names = ", ".join(query.name for query in list_queries(folder)) or "none"
    raise QueryError(f"{reference}: no saved query of that name (saved queries: {names})")


# --- parameters ----------------------------------------------------------------------

_IRI_FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|^`\\]")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:([^\s<>\"{}|^`\\]*)")
_QUOTED = re.compile(r"\"(.*)\"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?", re.DOTALL)
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")


def _iri(value: str, original: str) -> ox.NamedNode:
    if _IRI_FORBIDDEN.search(value):
        raise ParameterError(f"{original!r}: not a valid IRI (forbidden character)")
    try:
        return ox.NamedNode(value)
    except ValueError as error:
        raise ParameterError(f"{original!r}: not a valid IRI ({error})") from None


def parse_term(value: str, prefixes: Mapping[str, str] | None = None) -> Term:
    """A parameter value as an RDF term.

    ``<http://…>`` and ``prefix:local`` (a known prefix) are IRIs; ``"text"``,
    ``"text"@en`` and ``"14"^^xsd:integer`` are literals written as in Turtle, and so are
    bare integers, decimals, ``true`` and ``false``; an IRI not closed (``<http://…``) or an
    unknown prefix is a ParameterError; anything else is a plain string literal.
    """
    known = {name: str(ns) for name, ns in PREFIXES.items()} if prefixes is None else prefixes
    if value.startswith("<") and value.endswith(">") and len(value) >= 2:
        return _iri(value[1:-1], value)
    if value.startswith("<"):
        raise ParameterError(f"{value!r}: an IRI must be closed with '>'")
    prefixed = _PREFIXED.fullmatch(value)
    if prefixed and (prefixed[1] or "") in known:
        return _iri(known[prefixed[1] or ""] + prefixed[2], value)
    if prefixed and prefixed[1] and not looks_like_bare_iri(value):
        raise ParameterError(f"{value!r}: unknown prefix {prefixed[1]!r} (known: "
                             f"{', '.join(sorted(p for p in known if p))}); write the IRI "
                             "in <…>, or the text in quotes")
    quoted = _QUOTED.fullmatch(value)
    if quoted:
        lexical, language, datatype = quoted[1], quoted[2], quoted[3]
        if language:
            return ox.Literal(lexical, language=language)
        if datatype:
            datatype_term = parse_term(datatype, known)
            if not isinstance(datatype_term, ox.NamedNode):
                raise ParameterError(f"{value!r}: the datatype must be an IRI")
            return ox.Literal(lexical, datatype=datatype_term)
        return ox.Literal(lexical)
    if _INTEGER.fullmatch(value):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
    if _DECIMAL.fullmatch(value):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "decimal"))
    if value in ("true", "false"):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "boolean"))
    return ox.Literal(value)


def looks_like_bare_iri(value: str) -> bool:
    """``http://…`` without angle brackets: bound as a string, which is rarely what is meant."""
    return re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*://\S+", value) is not None


def parse_assignments(assignments: Sequence[str]) -> dict[str, str]:
    """``["person=<…>", ...]`` → {"person": "<…>"}; the name may be written ``?person``."""
    values: dict[str, str] = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _NAME.fullmatch(name):
            raise ParameterError(f"{assignment!r}: expected NAME=VALUE")
        if name in values:
            raise ParameterError(f"parameter {name!r} given twice")
        values[name] = value
    return values


def bind_parameters(query: SavedQuery, values: Mapping[str, str]) -> dict[str, Term]:
    """Parse parameter values into terms, checking that the query has such parameters."""
    declared = {parameter.name: parameter for parameter in query.parameters}
    bindings: dict[str, Term] = {}
    for name, value in values.items():
        if declared and name not in declared:
            raise ParameterError(
                f"{query.name} has no parameter {name!r} (its parameters: "
                f"{', '.join(sorted(declared))})"
            )
        if not declared and not re.search(rf"[?$]{name}\b", query.text):
            raise ParameterError(f"{query.name} declares no parameters and has no variable ?{name}")
        bindings[name] = parse_term(value, query.prefixes)
        if name in declared and declared[name].wants_iri and not isinstance(
            bindings[name], ox.NamedNode
        ):
            wanted = declared[name].description.split(" (")[0]
            raise ParameterError(f"{name}: {value!r} is not {wanted[wanted.index('an IRI'):]}")
    return bindings


# --- SPARQL syntax for terms (the remote VALUES clause) ------------------------------

_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_term(term: Term) -> str:
    """A term in SPARQL syntax that no value can break out of.

    IRIs are checked for every character SPARQL forbids in ``<…>``; in literals, quotes,
    backslashes and line breaks are escaped. A literal containing ``\\u``/``\\U`` is refused:
    SPARQL allows endpoints to decode such escapes before parsing, which would undo ours.
    """
    if isinstance(term, ox.NamedNode):
        if _IRI_FORBIDDEN.search(term.value):
            raise ParameterError(f"{term.value!r}: not a valid IRI")
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        if re.search(r"\\[uU]", term.value):
            raise ParameterError(
                f"{term.value!r}: a literal containing \\u or \\U cannot be sent safely to a "
                "remote endpoint"
            )
        body = "".join(_ECHAR.get(char, char) for char in term.value)
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*", term.language):
                raise ParameterError(f"{term.language!r}: not a language tag")
            return f'"{body}"@{term.language}'
        if term.datatype.value != XSD_STRING:
            return f'"{body}"^^{sparql_term(term.datatype)}'
        return f'"{body}"'
    raise ParameterError(f"{term!r}: only IRIs and literals can be bound")


def values_clause(bindings: Mapping[str, Term]) -> str:
    """``VALUES (?a ?b) { (<…> "…") }`` binding each parameter to its one value."""
    names = " ".join(f"?{name}" for name in bindings)
    for name in bindings:
        if not _NAME.fullmatch(name):
            raise ParameterError(f"{name!r}: not a variable name")
    terms = " ".join(sparql_term(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def with_values(text: str, bindings: Mapping[str, Term]) -> str:
    """The query with a trailing VALUES clause (SPARQL 1.1 §10.2.2) for the bindings."""
    if not bindings:
        return text
    return f"{text.rstrip()}\n{values_clause(bindings)}\n"


_FORM = re.compile(
    r"(?:\s+|#[^\n]*(?:\n|$)|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
    r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
    re.IGNORECASE,
)


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (None for anything else, e.g. an update)."""
    match = _FORM.match(text)
    return match[1].upper() if match else None


# --- local execution -----------------------------------------------------------------


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


# --- remote execution ----------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)

    def basic_header(self) -> str:
        import base64

        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"


def split_userinfo(url: str) -> tuple[str, Credentials | None]:
    """The URL without ``user:password@``, and those credentials if it had them."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    clean = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, Credentials(unquote(parts.username), unquote(parts.password or ""))


def display_url(url: str) -> str:
    """A URL as it may be printed: never with user info."""
    return split_userinfo(url)[0]


def credentials_for(url: str, environ: Mapping[str, str] | None = None) -> Credentials | None:
    """Credentials for an endpoint: the URL's user info, else KGBUILD_USER/KGBUILD_PASSWORD,
    else the netrc entry of its host ($NETRC or ~/.netrc); None if there are none."""
    env = os.environ if environ is None else environ
    _, embedded = split_userinfo(url)
    if embedded:
        return embedded
    if env.get("KGBUILD_USER"):
        return Credentials(env["KGBUILD_USER"], env.get("KGBUILD_PASSWORD", ""))
    host = urlsplit(url).hostname
    netrc_path = Path(env["NETRC"]) if env.get("NETRC") else Path.home() / ".netrc"
    if not host or not netrc_path.is_file():
        return None
    try:
        entry = netrc.netrc(str(netrc_path)).authenticators(host)
    except netrc.NetrcParseError as error:  # the message could quote a password: not shown
        raise RemoteError(
            f"{netrc_path}: cannot parse (line {error.lineno})", "credentials"
        ) from None
    except OSError as error:
        raise RemoteError(f"{netrc_path}: cannot read: {error.strerror}", "credentials") from None
    if not entry:
        return None
    login, _, password = entry
    return Credentials(login or "", password or "")


def response_text(body: bytes | str | None) -> str:
    """The first meaningful line of an error response, short."""
    if body is None:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = re.sub(r"<[^>]+>", " ", text)  # HTML error pages
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line[:200] + ("…" if len(line) > 200 else "")
    return ""


def _wrapper_response(error: Exception) -> str:
    """The server's response, from a SPARQLWrapper exception's message."""
    message = str(error)
    if "Response:\n" not in message:
        return ""
    raw = message.split("Response:\n", 1)[1]
    try:
        return response_text(ast.literal_eval(raw))
    except (ValueError, SyntaxError):
        return response_text(raw)


_STATUS_TEXT = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


def http_error(url: str, status: int, detail: str, sent_credentials: bool) -> RemoteError:
    """A one-line message for an HTTP error status."""
    where = display_url(url)
    reason = f"HTTP {status} {_STATUS_TEXT.get(status, '')}".rstrip()
    if status == 401:
        hint = (
            "the credentials were refused"
            if sent_credentials
            else "credentials are required (set KGBUILD_USER and KGBUILD_PASSWORD, or use ~/.netrc)"
        )
        return RemoteError(f"{where}: {reason}: {hint}", "auth", status)
    if status == 403:
        return RemoteError(
            f"{where}: {reason}: not permitted with these credentials", "auth", status
        )
    if status == 404:
        detail = detail or "nothing at this URL; check the endpoint path"
    message = f"{where}: {reason}" + (f": {detail}" if detail else "")
    return RemoteError(message, "http", status)


def connection_error(url: str, error: BaseException, timeout: float | None) -> RemoteError:
    """A one-line message for a failure below HTTP (refused, timeout, DNS, reset)."""
    where = display_url(url)
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, TimeoutError | socket.timeout):
        return RemoteError(f"{where}: timed out after {timeout:g} s", "timeout")
    if isinstance(reason, ConnectionRefusedError):
        return RemoteError(f"{where}: connection refused (is the server running?)", "refused")
    if isinstance(reason, socket.gaierror):
        return RemoteError(f"{where}: unknown host {urlsplit(url).hostname!r}", "dns")
    if isinstance(reason, ssl_error_types()):
        return RemoteError(f"{where}: TLS error: {reason}", "tls")
    if isinstance(reason, ConnectionError | http.client.HTTPException):
        return RemoteError(f"{where}: connection failed: {type(reason).__name__}", "connection")
    text = getattr(reason, "strerror", None) or str(reason)
    return RemoteError(f"{where}: cannot connect: {text}", "connection")


T = TypeVar("T")
TRANSIENT_STATUSES = frozenset({408, 429, 502, 503, 504})
RETRY_DELAYS = (0.5, 1.5)  # seconds to wait before the second and third attempts


def with_retries(send: Callable[[], T], delays: Sequence[float] = RETRY_DELAYS) -> T:
    """Run an idempotent request (a query, a PUT or DELETE of a graph), again after a short
    wait when it failed in a way that may pass: a timeout, a dropped connection, HTTP 408,
    429, 502, 503 or 504. A refused connection, bad credentials or other 4xx fail at once."""
    for delay in (*delays, None):
        try:
            return send()
        except RemoteError as error:
            transient = error.kind in ("timeout", "connection") or (
                error.status in TRANSIENT_STATUSES
            )
            if delay is None or not transient:
                raise
            time.sleep(delay)
    raise AssertionError("unreachable")


def ssl_error_types() -> tuple[type[BaseException], ...]:
    import ssl

    return (ssl.SSLError, ssl.CertificateError)


def run_remote(
    query: SavedQuery | str,
    endpoint: str,
    bindings: Mapping[str, Term] | None = None,
    *,
    timeout: float = 60.0,
    default_graphs: Sequence[str] = (),
    credentials: Credentials | None = None,
    named_graphs: Sequence[str] = (),
) -> Results:
    """Run a query on a SPARQL 1.1 endpoint (POST, JSON results) with SPARQLWrapper.

    Parameters become a trailing VALUES clause; ``default_graphs`` are sent as the protocol's
    ``default-graph-uri``, ``named_graphs`` as its ``named-graph-uri``. Raises RemoteError
    with a one-line message on any failure.
    """
    from SPARQLWrapper import BASIC, JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import (
        EndPointInternalError,
        EndPointNotFound,
        QueryBadFormed,
        Unauthorized,
        URITooLong,
    )

    query = query if isinstance(query, SavedQuery) else SavedQuery("query", None, query, "query")
    text = with_values(query.text, bindings or {})
    if query_form(text) not in ("SELECT", "ASK"):
        raise QueryError(f"{query.label}: only SELECT and ASK queries can be run")
    url, embedded = split_userinfo(endpoint)
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise RemoteError(f"{display_url(endpoint)}: not an http(s) URL", "url")
    creds = credentials or embedded or credentials_for(endpoint)
    wrapper = SPARQLWrapper(url, agent=USER_AGENT)
    wrapper.setMethod(POST)
    wrapper.setOnlyConneg(True)
    wrapper.setReturnFormat(JSON)
    wrapper.timeout = timeout  # not setTimeout(), which rounds down to whole seconds
    for graph in default_graphs:
        wrapper.addParameter("default-graph-uri", graph)
    for graph in named_graphs:  # what GRAPH ?g may range over
        wrapper.addParameter("named-graph-uri", graph)
    if creds:
        wrapper.setHTTPAuth(BASIC)
        wrapper.setCredentials(creds.user, creds.password)
    wrapper.setQuery(text)
    statuses = {
        QueryBadFormed: 400,
        Unauthorized: 401,
        EndPointNotFound: 404,
        URITooLong: 414,
        EndPointInternalError: 500,
    }

    def send() -> bytes:
        try:
            body: bytes = wrapper.query().response.read()
            return body
        except tuple(statuses) as error:
            status = statuses[type(error)]
            raise http_error(url, status, _wrapper_response(error), bool(creds)) from None
        except urllib.error.HTTPError as error:
            raise http_error(url, error.code, response_text(error.read()), bool(creds)) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise connection_error(url, error, timeout) from None

    raw = with_retries(send)
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise RemoteError(
            f"{display_url(url)}: the answer is not SPARQL JSON results "
            f"({response_text(raw)[:80]!r})",
            "format",
        ) from None
    if not isinstance(data, dict) or ("boolean" not in data and "results" not in data):
        raise RemoteError(f"{display_url(url)}: the answer is not SPARQL JSON results", "format")
    return normalise(data)


def normalise(data: Results) -> Results:
    """Results in one canonical form, whichever engine produced them.

    Old ``typed-literal`` becomes ``literal``, ``xsd:string`` datatypes (RDF 1.1 plain
    literals) are dropped, ``head.vars`` is always present for SELECT, keys are ordered.
    """
    if "boolean" in data:
        return {"head": {}, "boolean": bool(data["boolean"])}
    variables = list(data.get("head", {}).get("vars", []))
    rows = []
    for binding in data.get("results", {}).get("bindings", []):
        row = {}
        for name in variables:
            if name not in binding:
                continue
            term = dict(binding[name])
            if term.get("type") == "typed-literal":
                term["type"] = "literal"
            if term.get("datatype") == XSD_STRING:
                del term["datatype"]
            row[name] = {key: term[key] for key in sorted(term)}
        rows.append(row)
    return {"head": {"vars": variables}, "results": {"bindings": rows}}


def rows(results: Results) -> list[dict[str, str]]:
    """Plain rows: variable → value (IRI or lexical form), unbound variables left out."""
    return [
        {name: term["value"] for name, term in binding.items()}
        for binding in results.get("results", {}).get("bindings", [])
    ]


# --- rendering -----------------------------------------------------------------------


def _escape(text: str) -> str:
    return "".join(_ECHAR.get(char, char) for char in text)


def ntriples_term(term: Mapping[str, str]) -> str:
    """A results-JSON term in N-Triples/Turtle syntax (used by TSV)."""
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    literal = f'"{_escape(value)}"'
    if term.get("xml:lang"):
        return f"{literal}@{term['xml:lang']}"
    if term.get("datatype") and term["datatype"] != XSD_STRING:
        return f"{literal}^^<{term['datatype']}>"
    return literal


def _compact(value: str, prefixes: Mapping[str, str]) -> str:
    """``kgo:Person`` for an IRI in a known namespace (the longest that fits), else ``<IRI>``:
    either way a form that ``--param`` accepts back."""
    candidates = [
        (len(namespace), f"{name}:{value[len(namespace) :]}")
        for name, namespace in prefixes.items()
        if value.startswith(namespace) and re.fullmatch(r"[\w.-]*", value[len(namespace) :])
    ]
    return max(candidates)[1] if candidates else f"<{value}>"


def _cell(term: Mapping[str, str] | None, prefixes: Mapping[str, str], width: int | None) -> str:
    if term is None:
        return ""
    value = term.get("value", "")
    if term.get("type") == "uri":
        value = _compact(value, prefixes)
    elif term.get("type") == "bnode":
        value = f"_:{value}"
    value = " ".join(value.split())  # one line per row
    if width and len(value) > width:
        value = value[: width - 1] + "…"
    return value


def render(
    results: Results,
    fmt: str = "table",
    *,
    prefixes: Mapping[str, str] | None = None,
    max_width: int | None = 80,
) -> str:
    """Results as an aligned table, CSV (SPARQL 1.1 CSV), TSV (SPARQL 1.1 TSV) or JSON."""
    if fmt == "json":
        return json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    if "boolean" in results:
        return ("true" if results["boolean"] else "false") + "\n"
    variables = results["head"]["vars"]
    bindings = results["results"]["bindings"]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(variables)
        for binding in bindings:
            writer.writerow([_csv_value(binding.get(name)) for name in variables])
        return out.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{name}" for name in variables)]
        lines += [
            "\t".join(ntriples_term(b[name]) if name in b else "" for name in variables)
            for b in bindings
        ]
        return "\n".join(lines) + "\n"
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    known = {name: str(ns) for name, ns in PREFIXES.items()} if prefixes is None else prefixes
    table = [
        [_cell(binding.get(name), known, max_width) for name in variables] for binding in bindings
    ]
    widths = [max([len(name)] + [len(row[i]) for row in table]) for i, name in enumerate(variables)]
    lines = [
        "  ".join(name.ljust(widths[i]) for i, name in enumerate(variables)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    lines += [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in table
    ]
    lines.append(f"({len(table)} row{'s' if len(table) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _csv_value(term: Mapping[str, str] | None) -> str:
    if term is None:
        return ""
    if term.get("type") == "bnode":
        return f"_:{term['value']}"
    return term.get("value", "")
