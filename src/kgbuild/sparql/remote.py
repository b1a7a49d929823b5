"""Running a query on a remote SPARQL 1.1 endpoint with SPARQLWrapper: credentials,
retries, and errors told in one line."""

from __future__ import annotations

import ast
import http.client
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
from typing import TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from kgbuild.sparql.base import XSD_STRING, QueryError, RemoteError, Results, Term
from kgbuild.sparql.parameters import query_form, with_values
from kgbuild.sparql.saved import SavedQuery

USER_AGENT = "kgbuild (https://w3id.org/kgbuild)"


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


