"""Framed, entity-centric JSON-LD for web developers: persons and works as nested trees.

``graph.jsonld`` is flat: one node object per IRI, linked by IRI strings. The framed files
turn it into one tree per entity, so that a web page can be built from plain JSON:

- ``persons.jsonld``: every person with their mentions and the quotations they spoke, each
  quotation with the work quoted from, its citation (volume, pages, cited work) and where
  the text says it;
- ``works.jsonld``: every work with its author, date, genre, mentions and the citations
  that cite it (``citations``: ``kgo:cites``; ``editionCitations``: ``kgo:citesEdition``).

Both are valid JSON-LD: each carries the shipped context cut down to the terms it uses,
plus the reverse terms that nest quotations under their speaker and citations under their
work, and ``value`` as an alias of ``@value``. Every triple a JSON-LD processor reads from
them is a triple of the graph. ``ontology/frames/*.frame.jsonld`` describe the same shapes
in JSON-LD 1.1 Framing, for any framing processor; this module builds the trees directly,
in time linear in the number of nodes (a framing processor is far slower on large graphs).

Output is deterministic: entities sorted by IRI, nested records in reading order (source
document, start offset, IRI), keys in a fixed order, integers and booleans as JSON numbers
and booleans, IRIs written out in full.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

__all__ = ["framed_documents"]

XSD = "http://www.w3.org/2001/XMLSchema#"
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


@dataclass(frozen=True)
class Shape:
    """The keys a node keeps, in output order; a key with a shape embeds the nodes it
    links to (forward keys are terms of the context, reverse keys are in REVERSE)."""

    keys: tuple[tuple[str, Shape | None], ...]


# key -> (the forward term it reverses, the class the nested nodes must have)
REVERSE = {
    "quotations": ("spokenBy", "Quotation"),
    "citations": ("cites", "Citation"),
    "editionCitations": ("citesEdition", "Citation"),
}

REFERENCE = Shape((("label", None),))
AGENT = Shape((("label", None), ("sameAs", None)))
EVIDENCE = Shape(
    (
        ("line", None),
        ("inSection", None),
        (
            "hasTarget",
            Shape(
                (
                    ("hasSource", None),
                    (
                        "hasSelector",
                        Shape(
                            (
                                ("start", None),
                                ("end", None),
                                ("exact", None),
                                ("prefix", None),
                                ("suffix", None),
                            )
                        ),
                    ),
                )
            ),
        ),
    )
)
CITATION_FIELDS = (
    ("rawCitation", None),
    ("volume", None),
    ("pages", None),
    ("ibid", None),
    ("endnote", None),
)
CITATION = Shape(
    (
        *CITATION_FIELDS,
        ("citesEdition", REFERENCE),
        ("cites", REFERENCE),
        ("evidence", EVIDENCE),
    )
)
QUOTATION = Shape(
    (
        ("quotedText", None),
        ("emphasisAdded", None),
        ("endnote", None),
        ("quotedIn", None),
        ("quotedFrom", REFERENCE),
        ("hasCitation", CITATION),
        ("evidence", EVIDENCE),
    )
)
PERSON = Shape(
    (
        ("label", None),
        ("altLabel", None),
        ("sameAs", None),
        ("birthDate", None),
        ("deathDate", None),
        ("evidence", EVIDENCE),
        ("quotations", QUOTATION),
    )
)
CITATION_OF_WORK = Shape((*CITATION_FIELDS, ("evidence", EVIDENCE)))
WORK = Shape(
    (
        ("label", None),
        ("altLabel", None),
        ("sameAs", None),
        ("author", AGENT),
        ("created", None),
        ("genre", None),
        ("evidence", EVIDENCE),
        ("citations", CITATION_OF_WORK),
        ("editionCitations", CITATION_OF_WORK),
    )
)

# file name -> (the class of its top-level nodes, their shape)
DOCUMENTS = {
    "persons.jsonld": ("Person", PERSON),
    "works.jsonld": ("Work", WORK),
}


def framed_documents(compacted: Mapping[str, object]) -> dict[str, str]:
    """File name -> JSON-LD text of each framed document ("persons.jsonld", "works.jsonld").

    ``compacted`` is the parsed ``graph.jsonld``: {"@context": the shipped context,
    "@graph": [flat node objects]}. Runs in time linear in the nodes (plus sorting).
    """
    context = _context_of(compacted)
    graph = compacted.get("@graph", [])
    if not isinstance(graph, list):
        raise ValueError("expected a compacted JSON-LD document with an @graph array")
    index = _Index(graph, context)
    documents = {}
    for name, (cls, shape) in DOCUMENTS.items():
        nodes = [index.render(node, shape) for node in index.of_class(cls)]
        document = {"@context": _trimmed_context(context, nodes), "@graph": nodes}
        documents[name] = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    return documents


def _context_of(compacted: Mapping[str, object]) -> dict[str, object]:
    context = compacted.get("@context")
    if not isinstance(context, Mapping):
        raise ValueError("expected the compacted graph to embed its @context as an object")
    return dict(context)


def _first(node: Mapping[str, object], *keys: str) -> object:
    for key in keys:
        if key in node:
            return node[key]
    return None


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class _Index:
    """The nodes by IRI, by class and by the reverse links the shapes nest, built in one
    pass; renders a node as the tree a shape describes."""

    def __init__(self, graph: list[object], context: Mapping[str, object]) -> None:
        self.context = context
        self.prefixes = {
            term: value
            for term, value in context.items()
            if isinstance(value, str) and not term.startswith("@") and value.endswith(("/", "#"))
        }
        self.nodes: dict[str, Mapping[str, object]] = {}
        self.by_class: dict[str, list[Mapping[str, object]]] = defaultdict(list)
        self.linked: dict[tuple[str, str], list[Mapping[str, object]]] = defaultdict(list)
        forward = {term for term, _ in REVERSE.values()}
        for node in graph:
            if not isinstance(node, Mapping) or not isinstance(_first(node, "id", "@id"), str):
                continue
            iri = self.expand(str(_first(node, "id", "@id")))
            self.nodes[iri] = node
            for cls in self.classes(node):
                self.by_class[cls].append(node)
            for term in forward.intersection(node):
                for target in _as_list(node[term]):
                    if isinstance(target, Mapping):
                        target = _first(target, "id", "@id")
                    if isinstance(target, str):
                        self.linked[(term, self.expand(target))].append(node)
        self.positions: dict[str, tuple[object, ...]] = {}

    # --- IRIs and classes ------------------------------------------------------------

    def expand(self, iri: str) -> str:
        """A compact IRI ("wd:Q1394") written out in full; other IRIs as they are."""
        prefix, colon, rest = iri.partition(":")
        if colon and prefix in self.prefixes and not rest.startswith("//"):
            return self.prefixes[prefix] + rest
        return iri

    def class_iri(self, name: str) -> str:
        value = self.context.get(name)
        if isinstance(value, Mapping):
            value = value.get("@id")
        return self.expand(value) if isinstance(value, str) else self.expand(name)

    def classes(self, node: Mapping[str, object]) -> set[str]:
        return {
            self.class_iri(t) for t in _as_list(_first(node, "type", "@type")) if isinstance(t, str)
        }

    def iri_of(self, node: Mapping[str, object]) -> str:
        return self.expand(str(_first(node, "id", "@id")))

    def of_class(self, name: str) -> list[Mapping[str, object]]:
        return sorted(self.by_class.get(self.class_iri(name), []), key=self.iri_of)

    def definition(self, term: str) -> Mapping[str, object]:
        value = self.context.get(term)
        return value if isinstance(value, Mapping) else {}

    def is_set(self, term: str) -> bool:
        return "@set" in _as_list(self.definition(term).get("@container"))

    # --- rendering -------------------------------------------------------------------

    def render(self, node: Mapping[str, object], shape: Shape) -> dict[str, object]:
        iri = self.iri_of(node)
        output: dict[str, object] = {"id": iri}
        types = _first(node, "type", "@type")
        if types is not None:
            output["type"] = types
        for key, nested in shape.keys:
            if key in REVERSE:
                term, cls = REVERSE[key]
                members = [
                    n
                    for n in self.linked.get((term, iri), [])
                    if self.class_iri(cls) in self.classes(n)
                ]
                if members:
                    output[key] = [
                        self.render(n, nested or REFERENCE)
                        for n in sorted(members, key=self.position)
                    ]
                continue
            values = _as_list(node.get(key))
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
            output[key] = rendered if len(rendered) > 1 or self.is_set(key) else rendered[0]
        return output

    def embed(self, value: object, shape: Shape) -> dict[str, object]:
        if isinstance(value, Mapping):
            value = _first(value, "id", "@id")
        iri = self.expand(str(value))
        node = self.nodes.get(iri)
        return self.render(node, shape) if node is not None else {"id": iri}

    def value(self, key: str, value: object) -> object:
        """A literal or link as plain JSON that still reads back as the same RDF term."""
        coerced = self.definition(key).get("@type")
        if isinstance(value, Mapping):
            if "@value" in value or "value" in value:
                literal = {"value": _first(value, "@value", "value")}
                literal.update(
                    {
                        ("type" if k == "@type" else k): v
                        for k, v in sorted(value.items())
                        if k not in ("@value", "value")
                    }
                )
                return literal
            return {"id": self.expand(str(_first(value, "id", "@id")))}
        if not isinstance(value, str) or not isinstance(coerced, str):
            return value
        if coerced == "@id":
            return self.expand(value)
        datatype = self.expand(coerced)
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
        for value in _as_list(node.get("evidence")):
            if isinstance(value, Mapping):
                value = _first(value, "id", "@id")
            if isinstance(value, str):
                yield self.expand(value)

    def span(self, annotation: str) -> tuple[str, int] | None:
        """(source document, start offset) of an annotation; None for other nodes."""
        node = self.nodes.get(annotation, {})
        for target in self.linked_nodes(node.get("hasTarget")):
            source = next(iter(_as_list(target.get("hasSource"))), "")
            for selector in self.linked_nodes(target.get("hasSelector")):
                start = self.value("start", selector.get("start"))
                if isinstance(start, int):
                    return self.expand(str(source)), start
        return None

    def linked_nodes(self, values: object) -> Iterator[Mapping[str, object]]:
        for value in _as_list(values):
            if isinstance(value, Mapping):
                value = _first(value, "id", "@id")
            if isinstance(value, str) and (node := self.nodes.get(self.expand(value))):
                yield node


def _walk(value: object) -> Iterator[tuple[str, object]]:
    """Every (key, value) pair of every object in a JSON tree."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield key, item
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key in ("@id", "@type", "@reverse"):
            if isinstance(value.get(key), str):
                yield value[key]


def _trimmed_context(context: Mapping[str, object], nodes: list[object]) -> dict[str, object]:
    """The shipped context cut down to what ``nodes`` use, plus the terms framing adds:
    ``value`` for ``@value`` and the reverse keys that nest records under an entity."""
    keys: set[str] = set()
    types: set[str] = set()
    for key, value in _walk(nodes):
        keys.add(key)
        if key == "type":
            types.update(t for t in _as_list(value) if isinstance(t, str))
    added: dict[str, object] = {}
    if "value" in keys:
        added["value"] = "@value"
    for key, (term, _) in REVERSE.items():
        forward = context.get(term)
        if key in keys and isinstance(forward, Mapping):
            added[key] = {"@reverse": forward["@id"], "@container": "@set"}
    terms = {
        term: definition
        for term, definition in context.items()
        if not term.startswith("@") and (term in keys or term in types)
    }
    used = [s for d in (*terms.values(), *added.values()) for s in _strings(d)] + sorted(types)
    result: dict[str, object] = {}
    for term, definition in context.items():
        is_prefix = isinstance(definition, str) and definition.endswith(("/", "#"))
        if (
            term.startswith("@")
            or term in terms
            or (is_prefix and any(s.startswith(f"{term}:") for s in used))
        ):
            result[term] = definition
    result.update(added)
    return result
