"""Framed, entity-centric JSON-LD for web developers: persons and works as nested trees.

``graph.jsonld`` is flat: one node object per IRI, linked by IRI strings. The framed files
turn it into one tree per entity, so that a web page can be built from plain JSON:

- ``persons.jsonld``: every person with their mentions and the quotations they spoke, each
  quotation with the work quoted from, its citation (volume, pages, cited work) and where
  the text says it;
- ``works.jsonld``: every work with its author, date, genre, mentions and the citations
  that cite it (``citations``: ``kgo:cites``; ``editionCitations``: ``kgo:citesEdition``).

The shapes are the JSON-LD 1.1 frames ``ontology/frames/*.frame.jsonld``, one file a
document (``persons.frame.jsonld`` gives ``persons.jsonld``): any framing processor can
apply them, and this module reads them and builds the trees directly, in time linear in
the number of nodes (a framing processor is far slower on large graphs).

Both files are valid JSON-LD: each carries the shipped context cut down to the terms it
uses, plus the terms its frame adds (the reverse terms that nest quotations under their
speaker and citations under their work, and ``value`` as an alias of ``@value``). Every
triple a JSON-LD processor reads from them is a triple of the graph.

Output is deterministic: entities sorted by IRI, nested records in reading order (source
document, start offset, IRI), keys in the frame's order, integers and booleans as JSON
numbers and booleans, IRIs written out in full.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from kgbuild.frames import (
    Frame,
    Shape,
    as_list,
    context_of,
    expand,
    first,
    load_frames,
    prefixes_of,
    term_iri,
)
from kgbuild.publish import JsonNode, json_ld_document, merge_nodes, terms_used
from kgbuild.rdf.namespaces import OA
from kgbuild.resources import frames_dir

__all__ = ["framed_document_names", "framed_documents", "framed_from_nodes"]

XSD = "http://www.w3.org/2001/XMLSchema#"
EVIDENCE_PARTS = {  # the Web Annotation nodes of a span of evidence
    str(OA[name])
    for name in ("Annotation", "SpecificResource", "TextPositionSelector", "TextQuoteSelector")
}
INTEGER_TYPES = {
    f"{XSD}{name}"
    for name in (
        "integer",
        "positiveInteger",
        "nonNegativeInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}
CANONICAL_INTEGER = re.compile(r"0|-?[1-9][0-9]*")
SAFE_INTEGER = 2**53 - 1  # larger integers stay strings: JavaScript numbers would round them


def framed_document_names(frames: Path | None = None) -> list[str]:
    """The files the frames make ("persons.jsonld", "works.jsonld")."""
    return [frame.document for frame in load_frames(frames or frames_dir())]


def framed_documents(
    compacted: Mapping[str, object], *, frames: Path | None = None
) -> dict[str, str]:
    """File name -> JSON-LD text of each framed document ("persons.jsonld", "works.jsonld").

    ``compacted`` is the parsed ``graph.jsonld``: {"@context": the shipped context,
    "@graph": [flat node objects]}; ``frames`` the folder of ``*.frame.jsonld`` files (by
    default the shipped ones). Runs in time linear in the nodes (plus sorting).
    """
    context = context_of(compacted)
    graph = compacted.get("@graph", [])
    if not isinstance(graph, list):
        raise ValueError("expected a compacted JSON-LD document with an @graph array")
    loaded = load_frames(frames or frames_dir())
    return _render(
        _Index(graph, context, {iri for f in loaded for iri in f.reverse.values()}), loaded
    )


def framed_from_nodes(
    read_nodes: Callable[[], Iterable[JsonNode]],
    context: Mapping[str, object],
    *,
    frames: Path | None = None,
) -> dict[str, str]:
    """The framed documents of a graph given as (id, JSON text) nodes, which
    ``read_nodes()`` reads afresh on every call, in any order, a node possibly in parts (as
    the units describe it; each part of an evidence node names its type). Only the nodes
    the frames reach are loaded: every node but the parts of evidence annotations first,
    then the annotations a rendering asks for, with their targets and selectors
    (``{annotation}#target``). A collected-works edition has millions of annotation nodes
    and the frames need a few."""
    context = context_of(context)
    loaded = load_frames(frames or frames_dir())
    reversed_iris = {iri for f in loaded for iri in f.reverse.values()}
    evidence = {f'"type": "{term}"' for term in _terms_of(context, EVIDENCE_PARTS)}
    graph = _parsed(node for node in read_nodes() if not any(t in node[1] for t in evidence))
    while True:
        index = _Index(graph, context, reversed_iris)
        for frame in loaded:
            for node in index.of_classes(frame.shape.classes):
                index.reach(node, frame.shape)
        if not index.missing:
            break
        wanted = index.missing
        found = _parsed(
            node
            for node in read_nodes()
            if node[0].split("#")[0] in wanted and node[0] not in index.nodes
        )
        if not found:  # what is still missing is not in the graph (a Wikidata IRI, say)
            break
        graph += found
    return _documents(index.context, loaded, _trees(index, loaded))


def _parsed(nodes: Iterable[JsonNode]) -> list[object]:
    """Nodes as objects, the parts of each merged into one."""
    return [json.loads(text) for _, text in merge_nodes(sorted(nodes))]


def _render(index: _Index, frames: list[Frame]) -> dict[str, str]:
    return _documents(index.context, frames, _trees(index, frames))


def _trees(index: _Index, frames: list[Frame]) -> list[tuple[list[str], set[str]]]:
    """Per frame, its top-level nodes rendered as trees, each as its JSON text at once (a
    tree of an often-named person is large: the text is a fraction of the objects), and
    the strings they write that can name a term (see _Index.written)."""
    rendered = []
    for frame in frames:
        index.written = set()
        texts = [
            json.dumps(index.render(node, frame.shape), ensure_ascii=False)
            for node in index.of_classes(frame.shape.classes)
        ]
        rendered.append((texts, index.written))
    return rendered


def _documents(
    context: Mapping[str, object],
    frames: list[Frame],
    rendered: list[tuple[list[str], set[str]]],
) -> dict[str, str]:
    documents = {}
    for frame, (texts, written) in zip(frames, rendered, strict=True):
        trimmed = _trimmed_context(context, frame.context, written)
        documents[frame.document] = "".join(json_ld_document(trimmed, texts))
    return documents


def _terms_of(context: Mapping[str, object], iris: set[str]) -> set[str]:
    """The context's names for these IRIs ("Annotation" for oa:Annotation)."""
    prefixes = prefixes_of(context)
    return {term for term in context if term_iri(term, context, prefixes) in iris}


class _Index:
    """The nodes by IRI, by class and by the links reverse keys follow back (property IRI,
    target IRI), built in one pass; renders a node as the tree a shape describes."""

    def __init__(
        self, graph: list[object], context: Mapping[str, object], reversed_iris: set[str]
    ) -> None:
        self.context = context
        self.prefixes = prefixes_of(context)
        self.expanded: dict[str, str] = {}  # IRI as written → in full
        self.missing: set[str] = set()  # IRIs a rendering asked for that are not loaded
        self.class_sets: dict[object, frozenset[str]] = {}  # a node's "type" → class IRIs
        self.nodes: dict[str, Mapping[str, object]] = {}
        self.by_class: dict[str, list[Mapping[str, object]]] = defaultdict(list)
        self.linked: dict[tuple[str, str], list[Mapping[str, object]]] = defaultdict(list)
        forward = {
            term: iri
            for term in context
            if not term.startswith("@") and (iri := self.term_iri(term)) in reversed_iris
        }
        for node in graph:
            if not isinstance(node, dict) or not isinstance(first(node, "id", "@id"), str):
                continue
            iri = self.expand(str(first(node, "id", "@id")))
            self.nodes[iri] = node
            for cls in self.classes(node):
                self.by_class[cls].append(node)
            for term in forward.keys() & node.keys():
                for target in as_list(node[term]):
                    if isinstance(target, dict):
                        target = first(target, "id", "@id")
                    if isinstance(target, str):
                        self.linked[(forward[term], self.expand(target))].append(node)
        self.positions: dict[str, tuple[object, ...]] = {}
        # every string of the rendered trees that can name a term: keys, node types and
        # literals' datatypes (the context is cut down to these)
        self.written: set[str] = set()
        # per term, looked up once: its value type ("@id" or a datatype IRI) and whether
        # it is a set (always an array)
        definitions = {t: d for t, d in context.items() if isinstance(d, dict)}
        self.coercions = {
            term: coerced if coerced == "@id" else self.expand(coerced)
            for term, definition in definitions.items()
            if isinstance(coerced := definition.get("@type"), str)
        }
        self.sets = {t for t, d in definitions.items() if "@set" in as_list(d.get("@container"))}

    # --- IRIs and classes ------------------------------------------------------------

    def expand(self, iri: str) -> str:
        if (full := self.expanded.get(iri)) is None:
            full = self.expanded[iri] = expand(iri, self.prefixes)
        return full

    def term_iri(self, name: str) -> str:
        return term_iri(name, self.context, self.prefixes)

    def classes(self, node: Mapping[str, object]) -> frozenset[str]:
        types = first(node, "type", "@type")
        key = tuple(types) if isinstance(types, list) else types
        if (found := self.class_sets.get(key)) is None:
            names = [t for t in as_list(types) if isinstance(t, str)]
            found = self.class_sets[key] = frozenset(self.term_iri(t) for t in names)
        return found

    def iri_of(self, node: Mapping[str, object]) -> str:
        return self.expand(str(first(node, "id", "@id")))

    def of_classes(self, classes: Iterable[str]) -> list[Mapping[str, object]]:
        """The nodes of any of ``classes``, each once, by IRI."""
        found = {self.iri_of(n): n for cls in classes for n in self.by_class.get(cls, [])}
        return [found[iri] for iri in sorted(found)]

    # --- rendering -------------------------------------------------------------------

    def render(self, node: Mapping[str, object], shape: Shape) -> dict[str, object]:
        iri = self.iri_of(node)
        output: dict[str, object] = {"id": iri}
        types = first(node, "type", "@type")
        if types is not None:
            output["type"] = types
            self.written.update(t for t in as_list(types) if isinstance(t, str))
        for key, nested, reverses in shape.keys:
            if reverses is not None and nested is not None:
                members = [
                    n
                    for n in self.linked.get((reverses, iri), [])
                    if not nested.classes or nested.classes & self.classes(n)
                ]
                if members:
                    output[key] = [
                        self.render(n, nested) for n in sorted(members, key=self.position)
                    ]
                continue
            values = as_list(node.get(key))
            if not values:
                continue
            if nested is None:
                rendered = [self.value(key, v) for v in values]
                if len(rendered) > 1:
                    rendered.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            else:
                rendered = [self.embed(v, nested) for v in values]
                if len(rendered) > 1:
                    rendered.sort(key=lambda v: self.position(self.nodes.get(v["id"], v)))
            output[key] = rendered if len(rendered) > 1 or key in self.sets else rendered[0]
        self.written.update(output)
        return output

    def reach(self, node: Mapping[str, object], shape: Shape) -> None:
        """Note in ``missing`` what rendering the node would ask for that is not loaded,
        without rendering it (a walk along the same links as render's)."""
        iri = self.iri_of(node)
        for key, nested, reverses in shape.keys:
            if nested is None:
                continue
            if reverses is not None:
                for member in self.linked.get((reverses, iri), []):
                    if not nested.classes or nested.classes & self.classes(member):
                        self.reach(member, nested)
                continue
            for value in as_list(node.get(key)):
                target = self.expand(str(first(value, "id", "@id") if isinstance(value, dict)
                                         else value))
                if (found := self.nodes.get(target)) is None:
                    self.missing.add(target)
                else:
                    self.reach(found, nested)

    def embed(self, value: object, shape: Shape) -> dict[str, object]:
        if isinstance(value, dict):
            value = first(value, "id", "@id")
        iri = self.expand(str(value))
        node = self.nodes.get(iri)
        if node is None:
            self.missing.add(iri)
            return {"id": iri}
        return self.render(node, shape)

    def value(self, key: str, value: object) -> object:
        """A literal or link as plain JSON that still reads back as the same RDF term."""
        if isinstance(value, dict):
            if "@value" in value or "value" in value:
                literal = {"value": first(value, "@value", "value")}
                literal.update(
                    {
                        ("type" if k == "@type" else k): v
                        for k, v in sorted(value.items())
                        if k not in ("@value", "value")
                    }
                )
                self.written.update(literal)
                if isinstance(datatype := literal.get("type"), str):
                    self.written.add(datatype)
                return literal
            return {"id": self.expand(str(first(value, "id", "@id")))}
        datatype = self.coercions.get(key)
        if not isinstance(value, str) or datatype is None:
            return value
        if datatype == "@id":
            return self.expand(value)
        if datatype in INTEGER_TYPES and CANONICAL_INTEGER.fullmatch(value):
            number = int(value)
            return number if abs(number) <= SAFE_INTEGER else value
        if datatype == f"{XSD}boolean" and value in ("true", "false"):
            return value == "true"
        return value

    def position(self, node: Mapping[str, object]) -> tuple[object, ...]:
        """Reading order: the first place the text states the node (an annotation: its
        own span), then the IRI; nodes without evidence come after, by IRI."""
        iri = self.iri_of(node)
        if iri not in self.positions:
            spans = [span for span in map(self.span, [iri, *self.evidence_of(node)]) if span]
            self.positions[iri] = (0, *min(spans), iri) if spans else (1, "", 0, iri)
        return self.positions[iri]

    def evidence_of(self, node: Mapping[str, object]) -> Iterator[str]:
        for value in as_list(node.get("evidence")):
            if isinstance(value, dict):
                value = first(value, "id", "@id")
            if isinstance(value, str):
                yield self.expand(value)

    def span(self, annotation: str) -> tuple[str, int] | None:
        """(source document, start offset) of an annotation; None for other nodes."""
        node = self.nodes.get(annotation, {})
        for target in self.linked_nodes(node.get("hasTarget")):
            source = next(iter(as_list(target.get("hasSource"))), "")
            for selector in self.linked_nodes(target.get("hasSelector")):
                start = self.value("start", selector.get("start"))
                if isinstance(start, int):
                    return self.expand(str(source)), start
        return None

    def linked_nodes(self, values: object) -> Iterator[Mapping[str, object]]:
        for value in as_list(values):
            if isinstance(value, dict):
                value = first(value, "id", "@id")
            if not isinstance(value, str):
                continue
            if node := self.nodes.get(iri := self.expand(value)):
                yield node
            else:
                self.missing.add(iri)


def _trimmed_context(
    context: Mapping[str, object], frame_context: Mapping[str, object], written: set[str]
) -> dict[str, object]:
    """The graph's context cut down to the terms the trees use (``written``: the strings
    they write that can name a term), plus the terms of the frame's context that they use
    and the graph's lacks (``value`` for ``@value``, the reverse keys that nest records
    under an entity): the file must define every key it writes."""
    added = {
        term: definition
        for term, definition in frame_context.items()
        if term not in context and not term.startswith("@")
    }
    merged = {**context, **added}
    used = terms_used([json.dumps(sorted(written))], {"@context": merged})
    return {term: value for term, value in merged.items() if term.startswith("@") or term in used}
