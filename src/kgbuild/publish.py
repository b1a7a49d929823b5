"""Publishing: deterministic dumps, staged under temporary names and renamed into place
together, streamed to disk so that a corpus of hundreds of documents is never one string.

Determinism: N-Triples lines are canonical (pyoxigraph) and sorted; N-Quads are the same
lines with their named graph, graph by graph (graphs by IRI, lines sorted); Turtle is
written by pyoxigraph from the N-Triples, and TriG graph by graph from the same lines, so
each graph comes once and subjects come grouped, in a fixed order; the JSON-LD is
compacted with the shipped context (keeping only the terms and prefixes it uses), one
node per line, nodes and keys sorted.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import TracebackType
from typing import AnyStr, BinaryIO, TextIO

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from kgbuild.document import InputError
from kgbuild.rdf.namespaces import DESCRIPTION_PREFIXES, PREFIXES
from kgbuild.resources import context_path

Triple = tuple[object, object, object]
JsonNode = tuple[str, str]  # (node id, the node as sorted JSON text)

KNOWN_PREFIXES = {prefix: str(ns) for prefix, ns in {**PREFIXES, **DESCRIPTION_PREFIXES}.items()}


# --- N-Triples ------------------------------------------------------------------------
def _oxigraph_term(term: object) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"no blank nodes or other terms in a published graph: {term!r}")


def canonical_lines(triples: Iterable[Triple]) -> list[str]:
    """Sorted, distinct canonical N-Triples lines: the same triples always give the same
    text, whichever order they came in."""
    terms: dict[object, ox.NamedNode | ox.Literal] = {}  # a unit repeats most of its terms

    def term(value: object) -> ox.NamedNode | ox.Literal:
        if (found := terms.get(value)) is None:
            found = terms[value] = _oxigraph_term(value)
        return found

    converted = [ox.Triple(term(s), term(p), term(o)) for s, p, o in triples]  # type: ignore[arg-type]
    text = ox.serialize(converted, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    # split on "\n" only: str.splitlines() also splits inside literals at U+0085, U+2028 …
    return sorted({line for line in text.split("\n") if line})


def canonical_ntriples(graph: Graph) -> str:
    lines = canonical_lines(graph)
    return "\n".join(lines) + "\n" if lines else ""


def used_prefixes(ntriples: str) -> dict[str, str]:
    """The project prefixes whose namespace occurs in the data, for a tidy header."""
    return {prefix: ns for prefix, ns in KNOWN_PREFIXES.items() if f"<{ns}" in ntriples}


def prefix_lines(prefixes: Mapping[str, str]) -> bytes:
    """@prefix lines, in the order given."""
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in prefixes.items()).encode()


def trig_block(graph: str, ntriples: bytes, prefixes: Mapping[str, str]) -> bytes:
    """One named graph of N-Triples lines as TriG, without @prefix lines: graph.trig is the
    prefixes of the whole, then these blocks by graph IRI (``prefixes`` may leave out what
    the graph does not use: the block is the same), so that a rebuild copies the blocks of
    unchanged documents."""
    name = ox.NamedNode(graph)
    quads = (ox.Quad(t.subject, t.predicate, t.object, name)
             for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=dict(prefixes))
    start = 0
    while data.startswith(b"@prefix ", start):
        start = data.index(b"\n", start) + 1
    return data[start:]


def turtle(ntriples: str) -> str:
    """Turtle with the project's prefixes, grouped by subject, in canonical order."""
    triples = ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used_prefixes(ntriples))
    return data.decode("utf-8")


# --- JSON-LD --------------------------------------------------------------------------
def load_context() -> dict[str, object]:
    context: dict[str, object] = json.loads(context_path().read_text(encoding="utf-8"))
    return context


def _sorted_json(value: object) -> object:
    """Sort node lists and unordered value arrays so that the JSON text is stable."""
    if isinstance(value, dict):
        return {key: _sorted_json(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return sorted((_sorted_json(item) for item in value), key=_json_order)
    return value


def _json_order(item: object) -> tuple[int, str]:
    """Strings (IRIs, mostly) by themselves, then anything else by its JSON text."""
    if isinstance(item, str):
        return 0, item
    return 1, json.dumps(item, sort_keys=True, ensure_ascii=False)


def _node_text(node: Mapping[str, object]) -> str:
    return json.dumps(_sorted_json(node), ensure_ascii=False)


class _NoLists:
    """All that rdflib's JSON-LD converter asks a graph while compacting one value: whether
    a node starts an RDF list. A published graph has none (and no blank nodes)."""

    @staticmethod
    def value(*_: object) -> None:
        return None


def jsonld_nodes(triples: Iterable[Triple], context: Mapping[str, object]) -> list[JsonNode]:
    """Triples as JSON-LD node objects compacted with the context, as (id, JSON text),
    sorted by id: rdflib's compaction of each value, without building a graph for it."""
    from rdflib.plugins.serializers.jsonld import Converter
    from rdflib.plugins.shared.jsonld.context import Context

    converter = Converter(Context(context["@context"]), use_native_types=False, use_rdf_type=False)
    id_key = converter.context.id_key
    nodes: dict[object, dict[str, object]] = {}
    for subject, predicate, obj in dict.fromkeys(triples):
        node = nodes.get(subject)
        if node is None:
            node = nodes[subject] = {id_key: converter.context.shrink_iri(subject)}
        converter.add_to_node(_NoLists, subject, predicate, obj, node, {})  # type: ignore[arg-type]
    return sorted((str(node[id_key]), _node_text(node)) for node in nodes.values())


def node_line(node_id: str, text: str) -> str:
    """A node as one line, "id<TAB>JSON": sorting the lines sorts the nodes by id (no IRI
    holds a tab, and a tab sorts before every character of one)."""
    return f"{node_id}\t{text}\n"


def read_node_line(line: str) -> JsonNode:
    node_id, text = line.rstrip("\n").split("\t", 1)
    return node_id, text


def merge_nodes(nodes: Iterable[JsonNode]) -> Iterator[JsonNode]:
    """One node per id, from nodes sorted by id: the parts of a node that several units
    describe (a shared entity and its evidence in each document) merged."""
    for node_id, group in itertools.groupby(nodes, key=lambda node: node[0]):
        texts = [text for _, text in group]
        if len(texts) == 1:
            yield node_id, texts[0]
            continue
        values: dict[str, dict[object, object]] = {}  # key → its distinct values, in order
        as_list: set[str] = set()
        for part in map(json.loads, texts):
            for key, value in part.items():
                if isinstance(value, list):
                    as_list.add(key)
                distinct = values.setdefault(key, {})
                for item in value if isinstance(value, list) else [value]:
                    identity = item if isinstance(item, str) else json.dumps(item, sort_keys=True)
                    distinct.setdefault(identity, item)
        node = {
            key: list(items.values())
            if len(items) > 1 or key in as_list
            else next(iter(items.values()))
            for key, items in values.items()
        }
        yield node_id, _node_text(node)


def terms_used(texts: Iterable[str], context: Mapping[str, object]) -> set[str]:
    """The context entries the nodes need: their keys, type names and IRI prefixes, and the
    prefixes those term definitions are written with."""
    definitions = context["@context"]
    assert isinstance(definitions, dict)
    prefixes = {key for key, value in definitions.items() if value in KNOWN_PREFIXES.values()}
    text = "\n".join(texts)
    # what stands between one double quote and the next, read once: a key without quotes
    # is written "key" exactly when it is one of these, a prefix "prefix: when one begins
    # with it (searching the text for each of some three hundred terms took longer)
    between = text.split('"')
    quoted = set(between[1:-1])
    heads = {part.partition(":")[0] for part in between[1:] if ":" in part}
    used = {key for key in definitions
            if (key in quoted if '"' not in key else f'"{key}"' in text)}
    used |= {prefix for prefix in prefixes
             if (prefix in heads if not {'"', ":"} & set(prefix) else f'"{prefix}:' in text)}
    for term in list(used):
        used |= {prefix for prefix in prefixes if f'"{prefix}:' in json.dumps(definitions[term])}
    return used


def jsonld_chunks(
    nodes: Iterable[JsonNode], context: Mapping[str, object], used: set[str]
) -> Iterator[str]:
    """The JSON-LD document in pieces: the context cut to the ``used`` terms (see
    terms_used), then the nodes in id order."""
    definitions = context["@context"]
    assert isinstance(definitions, dict)
    kept = {k: v for k, v in definitions.items() if k.startswith("@") or k in used}
    yield from json_ld_document(kept, (text for _, text in nodes))


def json_ld_document(context: Mapping[str, object], nodes: Iterable[str]) -> Iterator[str]:
    """A JSON-LD document in pieces: its context, indented, then one node (JSON text) per
    line. One line per node is what JSON's fast encoder writes, and it keeps a node whole
    for grep and diff."""
    header = json.dumps({"@context": context}, ensure_ascii=False, indent=1)
    yield header[: header.rindex("}")].rstrip() + ',\n "@graph": ['
    for index, text in enumerate(nodes):
        yield ("," if index else "") + "\n  " + text
    yield "\n ]\n}\n"


def jsonld(graph: Graph, context: Mapping[str, object] | None = None) -> str:
    """The graph as JSON-LD compacted with the shipped context (never fetched)."""
    context = context or load_context()
    nodes = jsonld_nodes(graph, context)
    used = terms_used((text for _, text in nodes), context)
    return "".join(jsonld_chunks(nodes, context, used))


# --- staged output --------------------------------------------------------------------
def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def check_out_dir(out_dir: Path) -> None:
    """Refuse, before any work, an output folder that is a file or cannot be made."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: --out is a file, not a folder")
    existing = next((p for p in (out_dir, *out_dir.absolute().parents) if p.exists()), None)
    if existing is None or not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(f"{out_dir}: --out cannot be written here ({existing} is no folder "
                         "kgbuild may write in)")


class StagedOutput:
    """Files written in ``out_dir`` under temporary names, renamed into place together by
    ``commit``: nothing under its final name changes until every file is complete. Leaving
    the ``with`` block by an exception (or Ctrl-C) removes the temporary files."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.created = not out_dir.exists()  # then a build that fails removes it again
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(f"{out_dir}: --out cannot be made: {error.strerror}") from None
        self.staged: dict[str, Path] = {}

    def path(self, name: str) -> Path:
        """The temporary file that will become ``out_dir/name``."""
        if name not in self.staged:
            handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=self.out_dir)
            os.close(handle)
            self.staged[name] = Path(temp)
        return self.staged[name]

    def write(self, name: str, content: str | bytes | Iterable[str]) -> None:
        with self.path(name).open("wb") as stream:
            if isinstance(content, bytes):
                stream.write(content)
            elif isinstance(content, str):
                stream.write(content.encode("utf-8"))
            else:
                for piece in content:
                    stream.write(piece.encode("utf-8"))

    def size_and_sha256(self, name: str) -> tuple[int, str]:
        path = self.staged[name]
        with path.open("rb") as stream:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
        return path.stat().st_size, digest

    def discard(self) -> None:
        for temp in self.staged.values():
            temp.unlink(missing_ok=True)
        self.staged.clear()
        if self.created and not any(self.out_dir.iterdir()):
            self.out_dir.rmdir()

    def commit(self) -> list[Path]:
        mode = 0o666 & ~_umask()
        written = []
        for name, temp in self.staged.items():
            temp.chmod(mode)
            os.replace(temp, self.out_dir / name)
            written.append(self.out_dir / name)
        self.staged.clear()
        self.created = False
        return written

    def __enter__(self) -> StagedOutput:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.discard()  # after commit() nothing is left to discard


def write_atomically(files: Mapping[str, str | bytes], out_dir: Path) -> list[Path]:
    """Write every file, then rename all into place (see StagedOutput)."""
    with StagedOutput(out_dir) as out:
        for name, content in files.items():
            out.write(name, content)
        return out.commit()


def _text(files: ExitStack, path: Path) -> TextIO:
    """A UTF-8 text file whose lines end at "\n" only (a literal may hold U+2028 or U+0085)."""
    return files.enter_context(path.open(encoding="utf-8", newline="\n"))


def _bytes(files: ExitStack, path: Path, mode: str = "rb") -> BinaryIO:
    """A file as bytes: its lines end at b"\n" only, and UTF-8 lines sort as their text
    does, so that dumps are merged without decoding them."""
    return files.enter_context(path.open(mode))


def _merged(sorted_streams: Iterable[Iterable[AnyStr]]) -> Iterator[AnyStr]:
    """The lines of sorted streams as one sorted stream, each line once."""
    previous = None
    for line in heapq.merge(*sorted_streams):
        if line != previous:
            yield line
            previous = line


def write_ntriples(out: StagedOutput, sorted_files: Iterable[Path]) -> None:
    """graph.nt merged from sorted N-Triples files, as a stream."""
    with ExitStack() as files:
        merged = _merged(_bytes(files, path) for path in sorted_files)
        _bytes(files, out.path("graph.nt"), "wb").writelines(merged)


def _files_by_graph(graph_files: Iterable[Mapping[str, Path]]) -> dict[str, list[Path]]:
    """Per named graph, in the order of their IRIs, the units' files of its sorted lines
    (per unit: graph IRI → file); a document's graph is one unit's file."""
    files_of: defaultdict[str, list[Path]] = defaultdict(list)
    for unit in graph_files:
        for graph, path in unit.items():
            files_of[graph].append(path)
    return {graph: files_of[graph] for graph in sorted(files_of)}


def _graph_lines(paths: list[Path]) -> bytes:
    """A graph's sorted lines, from the units that write it."""
    if len(paths) == 1:
        return paths[0].read_bytes()
    with ExitStack() as files:
        return b"".join(_merged(_bytes(files, path) for path in paths))


def write_nquads(out: StagedOutput, graph_files: Iterable[Mapping[str, Path]]) -> None:
    """graph.nq, graph by graph: each graph's lines (``s p o .``) with the graph named
    before the full stop (a literal's newline is escaped, so " .\n" ends lines only)."""
    with ExitStack() as files:
        nquads = _bytes(files, out.path("graph.nq"), "wb")
        for graph, paths in _files_by_graph(graph_files).items():
            nquads.write(_graph_lines(paths).replace(b" .\n", f" <{graph}> .\n".encode()))


def write_trig(
    out: StagedOutput,
    graph_files: Iterable[Mapping[str, Path]],
    blocks: Iterable[Mapping[str, Path]],
    prefixes: Mapping[str, str],
) -> None:
    """graph.trig: the prefixes, then graph by graph its block, as the unit that alone
    writes the graph made it, or made here from the units' lines."""
    block_of = {graph: path for unit in blocks for graph, path in unit.items()}
    with ExitStack() as files:
        trig = _bytes(files, out.path("graph.trig"), "wb")
        trig.write(prefix_lines(prefixes))
        for graph, paths in _files_by_graph(graph_files).items():
            if len(paths) == 1 and graph in block_of:
                trig.write(block_of[graph].read_bytes())
            else:
                trig.write(trig_block(graph, _graph_lines(paths), prefixes))


def read_nodes(node_files: Iterable[Path]) -> Iterator[JsonNode]:
    """The nodes of node files, file after file (unmerged: a node may come in parts)."""
    for path in node_files:
        with ExitStack() as files:
            yield from map(read_node_line, _text(files, path))


@contextmanager
def merged_nodes(node_files: Iterable[Path]) -> Iterator[Iterator[JsonNode]]:
    """The nodes of sorted node files, merged into one stream by id."""
    with ExitStack() as files:
        yield merge_nodes(map(read_node_line, _merged(_text(files, path) for path in node_files)))


def write_jsonld(
    out: StagedOutput, node_files: Iterable[Path], context: Mapping[str, object], used: set[str]
) -> None:
    """graph.jsonld merged from sorted node files, as a stream."""
    with merged_nodes(node_files) as nodes:
        out.write("graph.jsonld", jsonld_chunks(nodes, context, used))


def write_turtle(out: StagedOutput, prefixes: Mapping[str, str]) -> None:
    """graph.ttl from the staged graph.nt, streamed by pyoxigraph: subjects stay grouped in
    the sorted order of the N-Triples."""
    ox.serialize(
        ox.parse(path=str(out.path("graph.nt")), format=ox.RdfFormat.N_TRIPLES),
        output=str(out.path("graph.ttl")),
        format=ox.RdfFormat.TURTLE,
        prefixes=dict(prefixes),
    )
