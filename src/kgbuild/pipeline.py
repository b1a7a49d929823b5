"""build(): ingest → extract → resolve → map → validate → publish, in one direction.

Documents are extracted in parallel; after resolution (which needs all of them) each
document's part of the graph is mapped, validated and serialised in parallel too (see
units.py), then the parts are merged into the dumps, which are streamed to disk.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from kgbuild.cache import (
    code_fingerprint,
    entry_key,
    read_entry,
    reference_fingerprint,
    write_entry,
)
from kgbuild.describe import GraphStatistics, describe
from kgbuild.document import (
    Document,
    InputError,
    InputWarning,
    check_manifest,
    errata_for,
    load_document,
    read_errata,
    read_metadata,
    slugify,
)
from kgbuild.extract import extract_all
from kgbuild.framing import framed_document_names, framed_from_nodes
from kgbuild.knowledge import KnowledgeBase
from kgbuild.parallel import collection_paused, default_jobs, fork_map
from kgbuild.project import DatasetInfo, default_name, find_project, read_project
from kgbuild.publish import (
    KNOWN_PREFIXES,
    StagedOutput,
    canonical_ntriples,
    check_out_dir,
    load_context,
    read_nodes,
    turtle,
    write_atomically,
    write_jsonld,
    write_nquads,
    write_ntriples,
    write_trig,
    write_turtle,
)
from kgbuild.rdf.iris import check_base
from kgbuild.records import Extraction
from kgbuild.reference import ReferenceData, load_reference
from kgbuild.resolve import resolve
from kgbuild.resources import bundled_corpus
from kgbuild.timing import Stopwatch
from kgbuild.units import Units, process_units
from kgbuild.validate import ValidationIssue, ValidationOutcome, outcome_of

REPORT_NAME = "validation-report.ttl"


class ValidationFailed(Exception):
    """The graph breaks the shapes; nothing was published."""

    def __init__(self, outcome: ValidationOutcome, report_path: Path) -> None:
        super().__init__(outcome.summary())
        self.outcome = outcome
        self.report_path = report_path


@dataclass
class BuildResult:
    documents: list[Document]  # as extracted (Document.extracted)
    knowledge_base: KnowledgeBase
    validation: ValidationOutcome
    triples: int
    written: list[Path] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the texts (*.txt) in it, in name order."""
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir():
            texts = sorted(path.glob("*.txt"))
            if not texts:
                raise InputError(f"{path}: folder holds no .txt texts")
            expanded.extend(texts)
        else:
            expanded.append(path)
    return expanded


def document_slugs(paths: list[Path]) -> list[str]:
    """Each input's name in IRIs: its file name's stem, with its folder's name before it
    where two inputs share a stem ("1917/letter.txt", "1918/letter.txt": "1917-letter",
    "1918-letter"), so that equal file names make different documents."""
    stems = [slugify(path.stem) for path in paths]
    return [
        slugify(f"{path.resolve().parent.name}-{path.stem}") if stems.count(stem) > 1 else stem
        for path, stem in zip(paths, stems, strict=True)
    ]


def _check_names(paths: list[Path], documents: list[Document]) -> None:
    """Two inputs may not share a name: their IRIs would collide."""
    seen: dict[str, Path] = {}
    for path, doc in zip(paths, documents, strict=True):
        if doc.meta.slug in seen:
            raise InputError(f"{path}: same document name as {seen[doc.meta.slug]}")
        seen[doc.meta.slug] = path


# paths, their names in IRIs, encoding, reference data, errata, cache folder and the
# fingerprint of the reference data and code (None: no cache)
ReadState = tuple[
    list[Path], list[str], str, ReferenceData, dict[str, str], Path | None, str
]


def _entry_key(state: ReadState, index: int) -> str:
    """The cache key of a text: its bytes, metadata, errata, encoding, the reference data
    and kgbuild's code (``fingerprint``)."""
    paths, slugs, encoding, _, errata, _, fingerprint = state
    path = paths[index]
    meta = replace(read_metadata(path), slug=slugs[index])
    raw = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return entry_key(raw, meta, sorted(errata_for(path, errata).items()), encoding, fingerprint)


def _read_and_extract(
    state: ReadState, item: tuple[int, str | None]
) -> tuple[Document, Extraction, dict[str, float]]:
    """A text read and extracted (kept in the cache under its key, if it has one)."""
    paths, slugs, encoding, reference, errata, folder, _ = state
    index, key = item
    watch = Stopwatch()
    with watch("ingest"), warnings.catch_warnings():
        if key is not None:  # the metadata's warnings were given with the key already
            warnings.simplefilter("ignore", InputWarning)
        doc = load_document(paths[index], encoding, errata)
        doc.meta = replace(doc.meta, slug=slugs[index])
    with watch("extract"):
        extraction = extract_all(doc, reference)
    if folder is not None and key is not None:
        write_entry(folder, key, (doc.extracted(), extraction))
    return doc.extracted(), extraction, watch.seconds


def read_and_extract(
    paths: list[Path],
    reference: ReferenceData,
    encoding: str = "utf-8",
    jobs: int = 1,
    watch: Stopwatch | None = None,
    errata: dict[str, str] | None = None,
    cache: Path | None = None,
) -> list[tuple[Document, Extraction]]:
    """Every input read (cleaned with its folder's errata and ``errata``) and its records
    extracted, in up to ``jobs`` processes; with a ``cache`` folder, what an earlier build
    made of an unchanged text is taken from it (``kgbuild.cache``) here, in this process,
    and only the other texts go to the workers (whose results would be pickled again)."""
    paths = expand_inputs(paths)
    for folder in sorted({path.parent for path in paths}):
        check_manifest(folder)
    fingerprint = entry_key(code_fingerprint(), reference_fingerprint(reference)) if cache else ""
    state = (paths, document_slugs(paths), encoding, reference, errata or {}, cache, fingerprint)
    done: list[tuple[Document, Extraction, dict[str, float]] | None] = [None] * len(paths)
    keys: list[str | None] = [None] * len(paths)
    if cache is not None:
        start = time.perf_counter()
        for index in range(len(paths)):
            keys[index] = _entry_key(state, index)
            if cached := read_entry(cache, keys[index]):
                done[index] = cached[0], cached[1], {}
        if watch is not None:
            watch.add({"  read the cache": time.perf_counter() - start})
    missing = [(index, keys[index]) for index, result in enumerate(done) if result is None]
    counter = watch.count("documents read") if watch is not None else None
    for (index, _), result in zip(
        missing, fork_map(_read_and_extract, state, missing, jobs, counter), strict=True
    ):
        done[index] = result
    results = [result for result in done if result is not None]
    _check_names(paths, [doc for doc, _, _ in results])
    if watch is not None:
        for _, _, seconds in results:
            watch.add({f"  {stage}": spent for stage, spent in seconds.items()})
    return [(doc, extraction) for doc, extraction, _ in results]


def _outcome_or_fail(issues: list[ValidationIssue], out_dir: Path) -> tuple[ValidationOutcome, str]:
    """The outcome and its report; on a violation, the report is written beside
    ``out_dir`` and ValidationFailed raised."""
    outcome, report = outcome_of(issues)
    report_text = turtle(canonical_ntriples(report))
    if not outcome.conforms:
        failed = out_dir.parent / f"{out_dir.name}.failed-{REPORT_NAME}"
        write_atomically({failed.name: report_text}, failed.parent)
        raise ValidationFailed(outcome, failed)
    return outcome, report_text


def build(
    paths: list[Path] | None = None,
    out_dir: Path = Path("output"),
    base: str | None = None,
    reference_dir: Path | None = None,
    shapes: Path | None = None,
    encoding: str = "utf-8",
    jobs: int | None = None,
    watch: Stopwatch | None = None,
    errata: Path | None = None,
    project: Path | None = None,
    cache: Path | None = None,
) -> BuildResult:
    """Build, validate and publish the graph of ``paths`` (default: the bundled corpus),
    with up to ``jobs`` processes (default: one per CPU), timing the stages with ``watch``
    (default: a new Stopwatch; the benchmark passes one that also samples memory).

    Each text is cleaned with the errata of its folder (``errata.tsv``) and of ``errata``.
    On a SHACL violation nothing in ``out_dir`` changes: the report goes beside it, to
    ``<out_dir>.failed-validation-report.ttl``, and ValidationFailed is raised. The dataset
    is described with ``project`` (default: the ``kgbuild.toml`` beside the texts); with a
    ``cache`` folder, unchanged texts are not read and extracted again, nor unchanged units
    serialised and validated (``kgbuild.cache``).
    """
    base = check_base(base)
    check_out_dir(out_dir)
    inputs = list(paths) if paths else bundled_corpus()
    project = project or find_project(inputs)
    info = read_project(project) if project else DatasetInfo()
    info = info if info.name else replace(info, name=default_name(inputs))
    jobs = jobs or default_jobs()
    watch = watch or Stopwatch()
    reference = load_reference(reference_dir)
    with collection_paused():  # see parallel.collection_paused
        with watch("read and extract"):
            extra = read_errata(errata) if errata else None
            extractions = read_and_extract(inputs, reference, encoding, jobs, watch, extra, cache)
        documents = [doc for doc, _ in extractions]
        with watch("resolve"):
            kb = resolve(extractions, reference)
        del extractions  # the mentions are now entities' evidence: the records go (memory)
        with tempfile.TemporaryDirectory(prefix="kgbuild-") as scratch:
            with watch("map, validate, serialize (units)"):
                units = process_units(kb, base, Path(scratch), shapes, jobs, info.iri(base),
                                      watch.count("documents mapped and validated"), cache)
            for result in units.results:
                watch.add({f"  {stage}": seconds for stage, seconds in result.seconds.items()})
            if any(issue.severity == "Violation" for issue in units.issues()):  # fail early
                _outcome_or_fail(units.issues() + units.check_shared(), out_dir)
            written, triples, outcome = write_outputs(
                units, documents, base, out_dir, watch, jobs, info
            )
    return BuildResult(documents, kb, outcome, triples, written, watch.seconds)


Step = tuple[str, Callable[[], Any]]


def _run_chain(chains: list[list[Step]], index: int) -> dict[str, tuple[Any, float]]:
    """A chain of steps, in order (a step may read the file the one before it wrote), each
    step's result and seconds. The chains reach the workers by fork, with what they hold
    (the shared entities' graph), and only their numbers are sent."""
    done = {}
    for name, step in chains[index]:
        start = time.perf_counter()
        done[name] = step(), time.perf_counter() - start
    return done


def _side_by_side(chains: list[list[Step]], jobs: int) -> dict[str, tuple[Any, float]]:
    """Every step's result and seconds, up to ``jobs`` chains at a time, in the order given
    (the longest first)."""
    done: dict[str, tuple[Any, float]] = {}
    for steps in fork_map(_run_chain, chains, range(len(chains)), jobs):
        done |= steps
    return done


def _write_framed(out: StagedOutput, node_files: list[Path], context: dict[str, object]) -> None:
    """The framed documents, from the units' nodes (so they need not wait for graph.jsonld),
    written where ``out`` expects them by the process that frames them (they are as large
    as the mentions they nest: the build's main process never holds them)."""
    for name, text in framed_from_nodes(partial(read_nodes, node_files), context).items():
        out.write(name, text)


def write_outputs(
    units: Units,
    documents: list[Document],
    base: str,
    out_dir: Path,
    watch: Stopwatch,
    jobs: int = 1,
    info: DatasetInfo | None = None,
) -> tuple[list[Path], int, ValidationOutcome]:
    """Every dump, the dataset description and the validation report, renamed into place
    together unless the shared entities break the shapes; the number of triples and the
    validation outcome."""
    results = units.results
    used = set().union(*(result.prefixes for result in results))
    prefixes = {prefix: ns for prefix, ns in KNOWN_PREFIXES.items() if prefix in used}
    context = load_context()
    nodes = [result.nodes for result in results]
    graphs = [result.graphs for result in results]
    blocks = [result.blocks for result in results]
    graph_files = [path for unit in graphs for path in unit.values()]
    terms = set().union(*(result.terms for result in results))
    with StagedOutput(out_dir) as out:
        dumps = ("graph.nt", "graph.nq", "graph.jsonld", "graph.ttl", "graph.trig")
        for name in (*dumps, *framed_document_names()):
            out.path(name)  # staged here, so that the processes write where out expects
        chains: list[list[Step]] = [  # side by side, the longest first
            [("write framed JSON-LD", partial(_write_framed, out, nodes, context))],
            [
                ("write N-Triples", partial(write_ntriples, out, graph_files)),
                ("write Turtle", partial(write_turtle, out, prefixes)),
            ],
            [("write TriG", partial(write_trig, out, graphs, blocks, prefixes))],
            [("write N-Quads", partial(write_nquads, out, graphs))],
            [("write JSON-LD", partial(write_jsonld, out, nodes, context, terms))],
            [("validate shared entities", units.check_shared)],
        ]
        with watch("write the dumps (in parallel)"):
            done = _side_by_side(chains, jobs)
        watch.add({f"  {task}": seconds for task, (_, seconds) in done.items()})
        shared_issues, _ = done["validate shared entities"]
        outcome, report_text = _outcome_or_fail(units.issues() + shared_issues, out_dir)
        with watch("describe"):
            stats = GraphStatistics()
            for result in results:
                stats.merge(result.statistics)
            dumps = {name: out.size_and_sha256(name) for name in sorted(out.staged)}
            description = describe(stats, documents, dumps, base, info)
            out.write("void.ttl", turtle(canonical_ntriples(description)))
            out.write(REPORT_NAME, report_text)
        return out.commit(), stats.triples, outcome
