"""Whatever text it is fed, the pipeline builds a graph that conforms and dumps that parse.

A property-based test (hypothesis) mixes random Unicode, control characters, quotes,
backslashes and angle brackets with fragments of the language the extractors look for, so
that the adversarial characters land inside names, titles, quotations and citations.
"""

from __future__ import annotations

import http.server
import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.publish import canonical_ntriples, jsonld, turtle
from kgbuild.rdf.mapping import to_graph
from kgbuild.reference import load_reference
from kgbuild.resolve import resolve
from kgbuild.validate import validate_graph

from .conftest import CORPUS_TEXT

FRAGMENTS = [
    "says Lenin", "Zinoviev thinks", "Comrade ", "the pamphlet The ", "his book ",
    "(see Vol. XX1V, p. 311)", "(ibid., p. 4)", "the Fourteenth Congress of the C.P.S.U.(B.)",
    "the resolution of the Tenth Party Congress “", "“", "”", "‘", "’", '"', "<", ">", "\\",
    "{", "}", "|", "^", "`", "\x00", "\x0b", "\r\n", "\n\n", "**", "®*", " in December 1924",
    "Lenin’s", "J. St.", "1)", "I. THE ", "\u202e", "\ud7ff", "𝔏", "Ж", "ü",
]
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
                 min_size=1, max_size=40).map("".join)
REFERENCE = load_reference()
META = DocumentMeta("fuzz", "Fuzz <\"title\"> \\", "Joseph Stalin", "1926-01-25", "en",
                    "fuzz.txt", "Collected Works of V. I. Lenin")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
@example("the resolution of the Tenth Party Congress “(see Vol. XX1V, p. 311)")  # empty quotation
def test_any_text_gives_a_valid_graph_and_parseable_dumps(text: str) -> None:
    text = text.replace("\x00", "")  # NUL marks a binary file: refused before this point
    doc = make_document(text or " ", META)
    kb = resolve([(doc, extract_all(doc, REFERENCE))], REFERENCE)
    graph = to_graph(kb, "https://example.org/kg/")
    outcome, _ = validate_graph(graph)
    assert outcome.conforms, outcome.summary()
    for annotation_start, annotation_end, exact in _selectors(graph):
        assert doc.raw[annotation_start:annotation_end] == exact
    ntriples = canonical_ntriples(graph)
    for data, fmt in ((ntriples, ox.RdfFormat.N_TRIPLES), (turtle(ntriples), ox.RdfFormat.TURTLE),
                      (jsonld(graph), ox.RdfFormat.JSON_LD)):
        assert len(list(ox.parse(data.encode("utf-8"), format=fmt))) == len(graph)


def _selectors(graph):  # type: ignore[no-untyped-def]
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kgbuild.rdf.namespaces import OA

    for position in graph.subjects(RDF.type, OA.TextPositionSelector):
        quote = URIRef(str(position).replace("#position", "#quote"))
        yield (int(graph.value(position, OA.start)), int(graph.value(position, OA.end)),
               str(graph.value(quote, OA.exact)))


def test_an_interrupted_build_leaves_the_previous_output_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    kgbuild = [sys.executable, "-m", "kgbuild.cli"]
    assert subprocess.run([*kgbuild, "build", "--out", str(out)], capture_output=True,
                          check=False).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    corpus = tmp_path / "corpus"  # twenty texts: a build of some seconds, to interrupt
    corpus.mkdir()
    for index in range(20):
        shutil.copy(CORPUS_TEXT, corpus / f"text-{index}.txt")
    process = subprocess.Popen([*kgbuild, "build", str(corpus), "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)  # under way
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=60)
    assert process.returncode != 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


class _FlakyEndpoint(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first two requests, then an empty SPARQL result."""

    requests: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).requests.append(self.path)
        if len(type(self).requests) <= 2:
            self.send_response(503)
            self.end_headers()
            return
        body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_query_is_retried_after_a_transient_failure() -> None:
    from kgbuild import sparql

    _FlakyEndpoint.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _FlakyEndpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/query"
        result = sparql.run_remote("SELECT ?x WHERE {}", url)
        assert result["results"]["bindings"] == []
        assert len(_FlakyEndpoint.requests) == 3
    finally:
        server.shutdown()
