"""Each page's RDF: the resource's own triples and the full description of the evidence
the page shows (annotation, target, selectors), as Turtle, N-Triples and JSON-LD files
beside the page; the JSON-LD is also embedded in the page, byte for byte the file's."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from kgbuild.site.model import KGO, OA, PREFIXES, Mention

EVIDENCE = ox.NamedNode(KGO + "evidence")
HAS_TARGET = ox.NamedNode(OA + "hasTarget")
HAS_SELECTOR = ox.NamedNode(OA + "hasSelector")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def exact_triples(path: Path, wanted: set[str]) -> dict[str, list[ox.Triple]]:
    """The triples of the graph file whose subject, without its fragment, is in ``wanted``,
    by subject, as written (a pyoxigraph store would turn xsd:nonNegativeInteger and other
    derived types into xsd:integer, so descriptions are read from the file itself). An
    N-Triples file (the build's graph.nt) is sifted line by line and only the lines kept are
    parsed."""
    kept = []
    with path.open("rb") as lines:
        for line in lines:
            subject = line[1:line.find(b">")].split(b"#", 1)[0]
            if line.startswith(b"<") and subject.decode("utf-8") in wanted:
                kept.append(line)
    triples = ox.parse(b"".join(kept), format=ox.RdfFormat.N_TRIPLES)
    found: dict[str, list[ox.Triple]] = {}
    for triple in triples:
        subject = triple.subject.value
        if subject.split("#", 1)[0] in wanted:
            found.setdefault(subject, []).append(triple)  # type: ignore[arg-type]
    return found


def description(
    triples: dict[str, list[ox.Triple]], iris: list[str], mentions: list[Mention]
) -> list[ox.Triple]:
    """The triples of ``iris`` (their ``kgo:evidence`` only to the annotations of
    ``mentions``) and of those annotations with their targets and selectors, sorted: the
    same list for the same graph."""
    shown = {m.annotation for m in mentions}
    chosen: set[ox.Triple] = set()
    for iri in iris:
        chosen.update(t for t in triples.get(iri, ())
                      if t.predicate != EVIDENCE or t.object.value in shown)
    for annotation in shown:
        subjects = [annotation]
        while subjects:
            for triple in triples.get(subjects.pop(), ()):
                chosen.add(triple)
                if triple.predicate in (HAS_TARGET, HAS_SELECTOR):
                    subjects.append(triple.object.value)
    return sorted(chosen, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def serializations(triples: list[ox.Triple]) -> dict[str, bytes]:
    """Turtle, N-Triples and JSON-LD of the triples, by extension."""
    return {
        "ttl": ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"",
        "nt": ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"",
        "jsonld": (json.dumps(jsonld(triples), ensure_ascii=False, separators=(",", ":"))
                   + "\n").encode("utf-8"),
    }


def _compact(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def jsonld(triples: list[ox.Triple]) -> dict[str, object]:
    """Flat JSON-LD, one node per subject in the triples' order, property names shortened
    with PREFIXES (declared in its context); values keep full IRIs, so that what it says
    does not depend on how a reader expands them."""
    nodes: dict[str, dict[str, object]] = {}
    for triple in triples:
        node = nodes.setdefault(triple.subject.value, {"@id": triple.subject.value})
        value: dict[str, str]
        if isinstance(triple.object, ox.Literal):
            value = {"@value": triple.object.value}
            if triple.object.language:
                value["@language"] = triple.object.language
            elif triple.object.datatype.value != XSD_STRING:
                value["@type"] = triple.object.datatype.value
        else:
            value = {"@id": triple.object.value}
        values = node.setdefault(_compact(triple.predicate.value), [])
        values.append(value)  # type: ignore[attr-defined]
    return {"@context": dict(PREFIXES), "@graph": list(nodes.values())}


def embeddable(jsonld: bytes) -> str:
    """JSON-LD for a <script> element: "<" escaped so no "</script>" can end it early;
    the JSON is the same."""
    return jsonld.decode("utf-8").replace("<", "\\u003c")
