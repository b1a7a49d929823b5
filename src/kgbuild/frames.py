"""JSON-LD frame files (``ontology/frames/*.frame.jsonld``) read as the shapes
``framing.py`` renders, and the few JSON-LD term helpers both need."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

FRAME_SUFFIX = ".frame.jsonld"


class Key(NamedTuple):
    """A key a shape keeps: ``shape`` embeds the nodes it links to (None: the value as it
    is); a reverse key (always with a shape) nests the nodes whose property ``reverses``
    links to this one."""

    name: str
    shape: Shape | None
    reverses: str | None


@dataclass(frozen=True)
class Shape:
    """What a (sub-)frame keeps: its keys in output order, and the classes (its @type) a
    node must have to be a top-level node or nested under a reverse key (any, if empty);
    forward keys embed whatever they link to, as the frames' "@id": {} says."""

    classes: frozenset[str]
    keys: tuple[Key, ...]


@dataclass(frozen=True)
class Frame:
    """A frame file read as the document it gives. ``reverse``: the frame's reverse terms
    (term -> property IRI); ``context``: its @context, which defines the terms it adds."""

    document: str
    shape: Shape
    reverse: Mapping[str, str]
    context: Mapping[str, object]


# --- frames ----------------------------------------------------------------------------


def load_frames(folder: Path) -> list[Frame]:
    paths = sorted(folder.glob(f"*{FRAME_SUFFIX}"))
    if not paths:
        raise FileNotFoundError(f"{folder}: no *{FRAME_SUFFIX} frame files")
    return [read_frame(path) for path in paths]


def read_frame(path: Path) -> Frame:
    """The shape a frame file describes. Only what framed_documents needs is read: the
    class of the top-level nodes (@type), the keys (in the file's order), which of them
    embed, and the reverse terms of the frame's @context."""
    frame = json.loads(path.read_text(encoding="utf-8"))
    context = frame.get("@context") if isinstance(frame, dict) else None
    if not isinstance(context, dict):
        raise ValueError(f"{path}: expected a frame object embedding its @context as an object")
    prefixes = prefixes_of(context)
    reverse = {
        term: term_iri(definition["@reverse"], context, prefixes)
        for term, definition in context.items()
        if isinstance(definition, dict) and isinstance(definition.get("@reverse"), str)
    }

    def shape(subframe: Mapping[str, object]) -> Shape:
        classes = frozenset(
            term_iri(t, context, prefixes)
            for t in as_list(subframe.get("@type"))
            if isinstance(t, str)
        )
        keys = []
        for name, value in subframe.items():
            if name.startswith("@"):
                continue
            nested = value[0] if isinstance(value, list) and value else value
            nested = nested if isinstance(nested, dict) else {}
            embeds = name in reverse or _embeds(nested)
            keys.append(Key(name, shape(nested) if embeds else None, reverse.get(name)))
        return Shape(classes, tuple(keys))

    top = shape(frame)
    if not top.classes:
        raise ValueError(f"{path}: the frame needs the @type of its top-level nodes")
    return Frame(path.name.removesuffix(FRAME_SUFFIX) + ".jsonld", top, reverse, context)


def _embeds(subframe: Mapping[str, object]) -> bool:
    """Whether a key's nodes are embedded: a sub-frame says so ("@embed": "@always") or
    frames keys of their own; "@embed": "@never" or a bare {} keeps the value as it is."""
    embed = subframe.get("@embed")
    if embed == "@never":
        return False
    return embed == "@always" or any(not key.startswith("@") for key in subframe)


# --- JSON-LD helpers -------------------------------------------------------------------


def context_of(compacted: Mapping[str, object]) -> dict[str, object]:
    context = compacted.get("@context")
    if not isinstance(context, dict):
        raise ValueError("expected the compacted graph to embed its @context as an object")
    return dict(context)


def prefixes_of(context: Mapping[str, object]) -> dict[str, str]:
    return {
        term: value
        for term, value in context.items()
        if isinstance(value, str) and not term.startswith("@") and value.endswith(("/", "#"))
    }


def expand(iri: str, prefixes: Mapping[str, str]) -> str:
    """A compact IRI ("wd:Q1394") written out in full; other IRIs as they are."""
    prefix, colon, rest = iri.partition(":")
    if colon and prefix in prefixes and not rest.startswith("//"):
        return prefixes[prefix] + rest
    return iri


def term_iri(name: str, context: Mapping[str, object], prefixes: Mapping[str, str]) -> str:
    """The IRI a term ("Person", "spokenBy") or compact IRI ("kgo:spokenBy") stands for."""
    value = context.get(name)
    if isinstance(value, dict):
        value = value.get("@id")
    return expand(value if isinstance(value, str) else name, prefixes)


def first(node: Mapping[str, object], *keys: str) -> object:
    for key in keys:
        if key in node:
            return node[key]
    return None


def as_list(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
