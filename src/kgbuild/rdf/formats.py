"""The RDF files kgbuild reads, by extension: one table and one wording for every command
(``validate``, ``stats``, ``evaluate``, ``query --graph``, ``load``)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

# extension → (rdflib's format name, pyoxigraph's format)
FORMATS = {
    ".ttl": ("turtle", ox.RdfFormat.TURTLE),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS),
    ".trig": ("trig", ox.RdfFormat.TRIG),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
    ".json": ("json-ld", ox.RdfFormat.JSON_LD),
    ".rdf": ("xml", ox.RdfFormat.RDF_XML),
    ".owl": ("xml", ox.RdfFormat.RDF_XML),
}
QUAD_FORMATS = {".nq", ".trig"}


class GraphFileError(Exception):
    """A graph file that cannot be read: the message names the file and what is wrong."""


def graph_file(path: Path) -> tuple[str, ox.RdfFormat]:
    """The formats of an existing RDF file (rdflib's name, pyoxigraph's), or GraphFileError."""
    formats = FORMATS.get(path.suffix.lower())
    if formats is None:
        raise GraphFileError(
            f"{path}: unknown RDF format (use one of {', '.join(sorted(FORMATS))})")
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file (build it with `kgbuild build`)")
    return formats


def cannot_parse(path: Path, error: Exception) -> GraphFileError:
    """The one wording, on one line, of a file that does not parse in the format its
    extension names (rdflib's Turtle errors span three lines and quote the bytes)."""
    why, line = getattr(error, "_why", None), getattr(error, "lines", None)
    reason = f"line {line + 1}: {why}" if why and isinstance(line, int) else str(error)
    reason = " ".join(reason.split())
    return GraphFileError(f"{path}: cannot parse as {FORMATS[path.suffix.lower()][0]}: {reason}")
