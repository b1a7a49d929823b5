"""Loading a built graph into a triplestore with the SPARQL 1.1 Graph Store HTTP Protocol.

Named graphs are the dataset's own (``{dataset}/graph/…``, the dataset's IRI from
``void.ttl``): one per ``kgo:Document`` (``{dataset}/graph/document/<file-stem>``), and
each triple goes to exactly one graph, so that the union of the graphs is the published
graph, without duplicates:

- the document, its sections, the evidence annotations on it (with their targets and
  selectors), and the quotations, citations and claims read from it go to its graph;
- an entity (person, work, ...) named in one document only goes to that document's graph;
  an entity named in several documents keeps its ``kgo:evidence`` links in each document's
  graph, while its own description (label, aliases, Wikidata link, author, ...) goes to one
  shared graph, ``{dataset}/graph/shared``; what the reference data says goes to
  ``{dataset}/graph/reference``;
- anything else (e.g. an edition only reached through citations) follows the resources that
  refer to it: the one document's graph, or the shared graph.

Every graph is sent with PUT ``<store>?graph=<iri>``, which replaces it, so loading twice
changes nothing; the dataset's graphs the build no longer has are deleted, and other
datasets' graphs are never touched (entities keep one IRI, so datasets naming the same
person meet on one node). The triple count of every graph is then checked on the server
with a SPARQL COUNT query.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pyoxigraph as ox

from kgbuild.rdf.formats import GraphFileError, cannot_parse, graph_file
from kgbuild.rdf.iris import document_dataset
from kgbuild.sparql import (
    USER_AGENT,
    Credentials,
    RemoteError,
    connection_error,
    credentials_for,
    display_url,
    http_error,
    ntriples_term,
    response_text,
    run_remote,
    sparql_term,
    split_userinfo,
    with_retries,
)

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
KGO = "https://w3id.org/kgbuild/ontology#"
KGO_DOCUMENT = ox.NamedNode(KGO + "Document")
VOID_DATASET = ox.NamedNode("http://rdfs.org/ns/void#Dataset")
KGO_EVIDENCE = ox.NamedNode(KGO + "evidence")
KGO_QUOTED_IN = ox.NamedNode(KGO + "quotedIn")
DCTERMS_IS_PART_OF = ox.NamedNode("http://purl.org/dc/terms/isPartOf")
OA_HAS_SOURCE = ox.NamedNode("http://www.w3.org/ns/oa#hasSource")
OA_HAS_TARGET = ox.NamedNode("http://www.w3.org/ns/oa#hasTarget")
OA_HAS_SELECTOR = ox.NamedNode("http://www.w3.org/ns/oa#hasSelector")

Node = ox.NamedNode | ox.BlankNode


class LoadError(Exception):
    """The graph file cannot be read or has nothing to name the graphs after."""


# --- endpoints -----------------------------------------------------------------------


def _with_path(url: str, path: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def query_endpoint(endpoint: str) -> str:
    """The SPARQL query URL: as given, except that a bare Oxigraph base gets ``/query``."""
    return _with_path(endpoint, "/query") if urlsplit(endpoint).path in ("", "/") else endpoint


def graph_store_for(endpoint: str) -> str:
    """The Graph Store Protocol URL that goes with a SPARQL query endpoint URL.

    Oxigraph ``/query`` (or the bare base) → ``/store``; Fuseki ``/<ds>/sparql`` or
    ``/<ds>/query`` → ``/<ds>/data``; GraphDB/RDF4J ``/repositories/<id>`` →
    ``/repositories/<id>/rdf-graphs/service``; Virtuoso ``/sparql`` →
    ``/sparql-graph-crud-auth``. Anything else needs ``--graph-store``.
    """
    path = urlsplit(endpoint).path.rstrip("/")
    if path in ("", "/query"):
        return _with_path(endpoint, "/store")
    if re.fullmatch(r"/repositories/[^/]+", path):
        return _with_path(endpoint, f"{path}/rdf-graphs/service")
    if path in ("/sparql", "/sparql-auth"):
        return _with_path(endpoint, "/sparql-graph-crud-auth")
    fuseki = re.fullmatch(r"(/.+)/(?:sparql|query)", path)
    if fuseki:
        return _with_path(endpoint, f"{fuseki[1]}/data")
    raise LoadError(
        f"{display_url(endpoint)}: cannot tell the Graph Store Protocol URL of this endpoint; "
        "give it with --graph-store (see the README for Oxigraph, Fuseki, GraphDB, Virtuoso)"
    )


# --- splitting the graph by document -------------------------------------------------


def _quads(path: Path) -> set[ox.Quad]:
    """The distinct quads of an RDF file, its format from its extension."""
    try:
        _, fmt = graph_file(path)
    except GraphFileError as error:
        raise LoadError(str(error)) from None
    try:
        return set(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError) as error:
        raise LoadError(str(cannot_parse(path, error))) from None
    except OSError as error:
        raise LoadError(f"{path}: cannot read: {error}") from None


def read_triples(path: Path) -> list[ox.Triple]:
    """The distinct triples of an RDF file, in canonical order."""
    return sorted({quad.triple for quad in _quads(path)}, key=str)


OWN_GRAPHS = ("shared", "reference")  # the graphs a build writes besides the documents'


def own_graph(dataset: str, name: str) -> str:
    """One of a dataset's graphs: "shared", "reference" or "document/<slug>"."""
    return f"{dataset}/graph/{name}"


def described_dataset(void: Path) -> str | None:
    """The dataset a build's ``void.ttl`` describes, if the file is there."""
    if not void.is_file():
        return None
    datasets = {quad.subject.value for quad in _quads(void)
                if quad.predicate == RDF_TYPE and quad.object == VOID_DATASET}
    return datasets.pop() if len(datasets) == 1 else None


def dataset_of(graphs: Iterable[str], path: Path | str = "the graph file") -> str:
    """The dataset whose graphs these are (``{dataset}/graph/…``, as a build names them)."""
    names = list(graphs)
    found = {graph[: graph.rfind("/graph/")] for graph in names if "/graph/" in graph}
    if len(found) != 1 or any("/graph/" not in graph for graph in names):
        raise LoadError(f"{path}: its named graphs are not the graphs of one kgbuild dataset "
                        "({dataset}/graph/…)")
    return found.pop()


def read_graphs(path: Path) -> dict[str, list[ox.Triple]]:
    """Graph IRI → its triples, documents' graphs first: as an N-Quads or TriG file names
    them (the build's graph.nq: documents, shared and reference graphs), or split by
    document (a file of triples, see split_by_document)."""
    quads = _quads(path)
    if all(isinstance(quad.graph_name, ox.DefaultGraph) for quad in quads):
        triples = sorted({quad.triple for quad in quads}, key=str)
        return split_by_document(triples, described_dataset(path.parent / "void.ttl"))
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in sorted(quads, key=str):
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise LoadError(f"{path}: a triple outside any named graph: {quad.triple}")
        graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    dataset = dataset_of(graphs, path) if graphs else ""
    own = {own_graph(dataset, name) for name in OWN_GRAPHS}
    return dict(sorted(graphs.items(), key=lambda item: (item[0] in own, item[0])))


def split_by_document(
    triples: Iterable[ox.Triple], dataset: str | None = None
) -> dict[str, list[ox.Triple]]:
    """Graph IRI → its triples: one graph per document (plus a shared graph when needed),
    the graphs of ``dataset`` (default: ``{base}dataset``, the base read off the first
    document IRI ``{base}document/<slug>``)."""
    triples = list(triples)
    documents = sorted(
        {t.subject for t in triples if t.predicate == RDF_TYPE and t.object == KGO_DOCUMENT},
        key=str,
    )
    if not documents:
        raise LoadError("the graph has no kgo:Document to name the named graphs after")
    document_set = set(documents)
    home: defaultdict[object, set[Node]] = defaultdict(set)
    for document in documents:
        home[document].add(document)

    def link(predicate: ox.NamedNode, to_subject: bool) -> None:
        """Give the subject (or the object) of each such triple the other's documents."""
        for t in triples:
            if t.predicate == predicate:
                source, target = (t.object, t.subject) if to_subject else (t.subject, t.object)
                home[target] |= home[source]

    for t in triples:  # sections, annotation targets and quotations name their document
        if (
            t.predicate in (DCTERMS_IS_PART_OF, OA_HAS_SOURCE, KGO_QUOTED_IN)
            and t.object in document_set
        ):
            home[t.subject].add(t.object)
    link(OA_HAS_TARGET, to_subject=True)  # annotation ← its target
    link(OA_HAS_SELECTOR, to_subject=False)  # target → its selectors
    link(KGO_EVIDENCE, to_subject=True)  # record ← its evidence annotations

    subjects = {t.subject for t in triples}
    referrers: defaultdict[object, set[object]] = defaultdict(set)
    for t in triples:
        if t.object in subjects:
            referrers[t.object].add(t.subject)
    orphans = [s for s in subjects if not home[s]]
    changed = True
    while changed:  # resources with no document of their own follow those referring to them
        changed = False
        for orphan in orphans:
            reached = set().union(*(home[r] for r in referrers[orphan])) - home[orphan]
            if reached:
                home[orphan] |= reached
                changed = True
    everywhere = set(documents)
    first = documents[0].value
    dataset = dataset or document_dataset(first)
    shared = own_graph(dataset, "shared")

    def graph(document: Node) -> str:
        return own_graph(dataset, "document/" + document.value.rsplit("document/", 1)[-1])

    def graph_of(t: ox.Triple) -> str:
        if t.predicate == KGO_EVIDENCE and len(home[t.object]) == 1:
            return graph(next(iter(home[t.object])))
        owners = home[t.subject] or everywhere
        return graph(next(iter(owners))) if len(owners) == 1 else shared

    graphs: dict[str, list[ox.Triple]] = {graph(d): [] for d in documents}
    for t in triples:
        graphs.setdefault(graph_of(t), []).append(t)
    return graphs


# --- the Graph Store HTTP Protocol ---------------------------------------------------


def _request(
    method: str,
    url: str,
    *,
    timeout: float,
    credentials: Credentials | None,
    data: bytes | None = None,
    content_type: str | None = None,
) -> int:
    """One idempotent HTTP request (retried on a transient failure); the status, or
    RemoteError (an HTTPError status included)."""
    clean, _ = split_userinfo(url)
    request = urllib.request.Request(clean, data=data, method=method)
    request.add_header("User-Agent", USER_AGENT)
    if content_type:
        request.add_header("Content-Type", content_type)
    if credentials:
        request.add_unredirected_header("Authorization", credentials.basic_header())

    def send() -> int:
        try:
            with urllib.request.build_opener().open(request, timeout=timeout) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as error:
            raise http_error(
                clean, error.code, response_text(error.read()), credentials is not None
            ) from None
        except (urllib.error.URLError, OSError) as error:
            raise connection_error(clean, error, timeout) from None

    return with_retries(send)


def graph_url(store: str, graph: str) -> str:
    """``<store>?graph=<percent-encoded graph IRI>`` (indirect graph identification)."""
    separator = "&" if urlsplit(store).query else "?"
    return f"{store}{separator}graph={quote(graph, safe='')}"


def put_graph(
    store: str,
    graph: str,
    triples: Sequence[ox.Triple],
    *,
    timeout: float,
    credentials: Credentials | None,
) -> None:
    """Replace the graph on the server with these triples.

    Sent as ``text/turtle`` (N-Triples is a subset of Turtle, and every store reads Turtle).
    """
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    _request(
        "PUT",
        graph_url(store, graph),
        data=body,
        timeout=timeout,
        credentials=credentials,
        content_type="text/turtle; charset=utf-8",
    )


def delete_graph(
    store: str, graph: str, *, timeout: float, credentials: Credentials | None
) -> bool:
    """Delete the graph; False if the server had no such graph."""
    try:
        _request("DELETE", graph_url(store, graph), timeout=timeout, credentials=credentials)
    except RemoteError as error:
        if error.status == 404:
            return False
        raise
    return True


def count_triples(
    endpoint: str, graph: str, *, timeout: float, credentials: Credentials | None
) -> int:
    """The number of triples the server holds in a named graph (SPARQL COUNT)."""
    text = (
        f"SELECT (COUNT(*) AS ?triples) WHERE {{ GRAPH {sparql_term(ox.NamedNode(graph))} "
        "{ ?s ?p ?o } }"
    )
    results = run_remote(text, endpoint, timeout=timeout, credentials=credentials)
    try:
        return int(results["results"]["bindings"][0]["triples"]["value"])
    except (KeyError, IndexError, ValueError):
        raise RemoteError(
            f"{display_url(endpoint)}: unexpected answer to a COUNT query", "format"
        ) from None


def default_graph_is_union(
    endpoint: str, document: str, *, timeout: float, credentials: Credentials | None
) -> bool:
    """Whether queries without GRAPH see the named graphs (e.g. Oxigraph's
    ``--union-default-graph``; GraphDB and Virtuoso do so by default)."""
    text = f"ASK {{ {sparql_term(ox.NamedNode(document))} a {sparql_term(KGO_DOCUMENT)} }}"
    results = run_remote(text, endpoint, timeout=timeout, credentials=credentials)
    if not isinstance(results.get("boolean"), bool):
        raise RemoteError(f"{display_url(endpoint)}: unexpected answer to an ASK query", "format")
    return results["boolean"]


def named_graphs_apart(
    endpoint: str, *, timeout: float, credentials: Credentials | None = None
) -> list[str]:
    """The store's named graphs when its default graph leaves them out (Oxigraph without
    ``--union-default-graph``, Fuseki's default setting); empty when the default graph
    includes them or there are none. One sample triple decides: a triple of a named graph
    that a query without GRAPH does not see."""
    sample = run_remote(
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER(!isBlank(?s) && !isBlank(?o)) } LIMIT 1",
        endpoint, timeout=timeout, credentials=credentials,
    )["results"]["bindings"]
    if not sample:
        return []
    triple = " ".join(ntriples_term(sample[0][v]) for v in ("s", "p", "o"))
    if run_remote(f"ASK {{ {triple} }}", endpoint, timeout=timeout,
                  credentials=credentials).get("boolean"):
        return []
    return store_graphs(endpoint, timeout=timeout, credentials=credentials)


def holds_triples(endpoint: str, *, timeout: float, credentials: Credentials | None = None
                  ) -> bool:
    """Whether the store has any triple, in its default graph or a named one."""
    answer = run_remote("ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", endpoint,
                        timeout=timeout, credentials=credentials)
    return bool(answer.get("boolean"))


# --- load ----------------------------------------------------------------------------


@dataclass
class GraphCount:
    graph: str
    sent: int
    on_server: int

    @property
    def ok(self) -> bool:
        return self.sent == self.on_server


@dataclass
class LoadReport:
    graph_file: Path
    store: str
    endpoint: str
    graphs: list[GraphCount] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    union_default_graph: bool = True

    @property
    def ok(self) -> bool:
        return all(count.ok for count in self.graphs)

    @property
    def sent(self) -> int:
        return sum(count.sent for count in self.graphs)

    @property
    def on_server(self) -> int:
        return sum(count.on_server for count in self.graphs)


def _urls(endpoint: str, graph_store: str | None, credentials: Credentials | None
          ) -> tuple[str, str, Credentials | None]:
    """The query endpoint, the Graph Store and the credentials for both."""
    query_url = query_endpoint(endpoint)
    try:
        store = graph_store or graph_store_for(endpoint)
    except LoadError as error:  # a URL the user gave: a usage error, like the ones below
        raise RemoteError(str(error), "url") from None
    creds = credentials or credentials_for(store) or credentials_for(query_url)
    for url in (store, query_url):
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise RemoteError(f"{display_url(url)}: not an http(s) URL", "url")
    return query_url, store, creds


def store_graphs(
    endpoint: str, prefix: str = "", *, timeout: float, credentials: Credentials | None
) -> list[str]:
    """The named graphs the store holds (those whose IRI begins with ``prefix``), sorted."""
    where = f"FILTER(STRSTARTS(STR(?g), {sparql_term(ox.Literal(prefix))})) " if prefix else ""
    text = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} {where}}} ORDER BY ?g"  # not triples
    rows = run_remote(text, endpoint, timeout=timeout, credentials=credentials)
    return [row["g"]["value"] for row in rows["results"]["bindings"] if "g" in row]


def dataset_graphs(
    endpoint: str, dataset: str, *, timeout: float, credentials: Credentials | None
) -> list[str]:
    """The named graphs the store holds of a dataset (``{dataset}/graph/…``; a trailing
    "/", as void.ttl's IRI may be pasted, is no part of it)."""
    prefix = own_graph(dataset.rstrip("/"), "")
    return store_graphs(endpoint, prefix, timeout=timeout, credentials=credentials)


def load(
    graph_file: Path,
    endpoint: str,
    graph_store: str | None = None,
    *,
    timeout: float = 60.0,
    credentials: Credentials | None = None,
) -> LoadReport:
    """Upload ``graph_file`` (one named graph per document), replacing the dataset as a
    whole: its graphs the file no longer has (a document dropped from the build) are
    deleted, other datasets' graphs are not touched. Then verify the counts.

    Raises LoadError for an unusable file or endpoint URL, RemoteError when the server
    fails; a count that differs is reported in the LoadReport (``ok`` is False).
    """
    query_url, store, creds = _urls(endpoint, graph_store, credentials)
    graphs = read_graphs(graph_file)
    dataset = dataset_of(graphs, graph_file)
    triples = [t for in_graph in graphs.values() for t in in_graph]
    documents = {t.subject for t in triples if t.predicate == RDF_TYPE and t.object == KGO_DOCUMENT}
    if not documents:
        raise LoadError(f"{graph_file}: holds no kgo:Document (is it a graph kgbuild built?)")
    report = LoadReport(graph_file, display_url(store), display_url(query_url))
    for graph, triples in graphs.items():
        put_graph(store, graph, triples, timeout=timeout, credentials=creds)
    for graph in dataset_graphs(query_url, dataset, timeout=timeout, credentials=creds):
        if graph not in graphs and delete_graph(store, graph, timeout=timeout, credentials=creds):
            report.deleted.append(graph)  # left from an earlier load of this dataset
    for graph, triples in graphs.items():
        found = count_triples(query_url, graph, timeout=timeout, credentials=creds)
        report.graphs.append(GraphCount(graph, len(triples), found))
    if report.ok:  # only then is the answer about the default graph meaningful
        report.union_default_graph = default_graph_is_union(
            query_url, min(d.value for d in documents), timeout=timeout, credentials=creds
        )
    return report


def unload(
    endpoint: str,
    dataset: str,
    graph_store: str | None = None,
    *,
    timeout: float = 60.0,
    credentials: Credentials | None = None,
) -> list[str]:
    """Delete every graph of a dataset from the store; the graphs deleted."""
    query_url, store, creds = _urls(endpoint, graph_store, credentials)
    graphs = dataset_graphs(query_url, dataset, timeout=timeout, credentials=creds)
    for graph in graphs:
        delete_graph(store, graph, timeout=timeout, credentials=creds)
    return graphs
