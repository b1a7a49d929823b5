"""The kgbuild command line: thin click commands over the library. Building, validating,
scoring and explaining are here; the commands over SPARQL endpoints and triplestores in
``cli/store.py``.

Exit codes: 0 success; 1 the graph does not conform to the shapes; 2 wrong usage;
3 unreadable or invalid input (missing file, not UTF-8, bad metadata or reference data, or
a file kgbuild ships missing from its installation); 4 a SPARQL endpoint or triplestore
failed; 5 `load` found another triple count on the server than it sent.
Heavy libraries are imported inside the commands so that ``--help`` stays fast.
"""

from __future__ import annotations

import signal
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import click

from kgbuild.resources import MissingResource

EXIT_INVALID_GRAPH = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_REMOTE = 4  # a SPARQL endpoint or store failed: refused, timeout, HTTP 4xx/5xx, credentials
EXIT_COUNT_MISMATCH = 5  # `load`: the server holds another number of triples than was sent


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _fail(message: str, code: int) -> None:
    click.echo(f"kgbuild: error: {message}", err=True)
    sys.exit(code)


def _load_graph(path: Path):  # type: ignore[no-untyped-def]
    """Parse an RDF file (format from its suffix) or exit with a clear message. The named
    graphs of N-Quads and TriG are read as one graph: what they say together."""
    from rdflib import Dataset, Graph

    from kgbuild.rdf.formats import QUAD_FORMATS, GraphFileError, cannot_parse, graph_file

    try:
        fmt, _ = graph_file(path)
        source = Dataset() if path.suffix.lower() in QUAD_FORMATS else Graph()
        try:
            source.parse(path, format=fmt)
        except Exception as error:  # rdflib raises many parser-specific types
            raise cannot_parse(path, error) from None
    except GraphFileError as error:
        _fail(str(error), EXIT_INPUT)
    if not isinstance(source, Dataset):
        return source
    graph = Graph()
    for subject, predicate, obj, _ in source.quads((None, None, None, None)):
        graph.add((subject, predicate, obj))
    return graph


REFERENCE_OPTION = click.option(
    "--reference",
    "reference_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="Folder of reference data JSON files (default: bundled).",
)


class _Commands(click.Group):
    """The commands, with a shipped file that cannot be found (queries, shapes, context,
    frames, corpus: see kgbuild.resources) reported as one line and exit code 3, a usage
    error as one line and exit code 2, and SIGTERM ending the process as Ctrl-C does (the
    scratch files and a half-written output removed on the way out)."""

    def main(self, *args: Any, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **extra)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, _terminated)
        try:
            super().main(*args, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as error:  # "kgbuild" alone: its help
            click.echo(error.format_message(), err=True)
            sys.exit(EXIT_USAGE)
        except click.UsageError as error:
            where = f" (see {error.ctx.command_path} --help)" if error.ctx else ""
            _fail(f"{error.format_message()}{where}", EXIT_USAGE)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except click.Abort:
            _fail("interrupted", 130)
        sys.exit(0)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MissingResource as error:
            _fail(str(error), EXIT_INPUT)

ERRATA_OPTION = click.option(
    "--errata",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="OCR errata (wrong<TAB>right a line) for every text, besides each folder's "
    "errata.tsv.",
)
ENCODING_OPTION = click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    help="Encoding of the input texts (e.g. cp1251, latin-1).",
)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(None, "-V", "--version", package_name="kgbuild", prog_name="kgbuild")
def main() -> None:
    """Turn historical texts into a validated, evidence-linked RDF knowledge graph."""
    warnings.showwarning = _show_warning


_library_warning = warnings.showwarning


def _show_warning(message: Warning | str, category: type[Warning], *rest: Any) -> None:
    """kgbuild's own warnings as one line, as its errors are; others as Python shows them."""
    from kgbuild.document import InputWarning

    if issubclass(category, InputWarning):
        click.echo(f"kgbuild: warning: {message}", err=True)
    else:
        _library_warning(message, category, *rest)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder the dumps and validation report are written to.",
)
@click.option(
    "--base",
    default=None,
    help="Base IRI of the data (absolute http(s), ending in / or #). "
    "Default: https://w3id.org/kgbuild/id/",
)
@REFERENCE_OPTION
@ERRATA_OPTION
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="SHACL shapes file (default: the shipped shapes/kgbuild-shapes.ttl).",
)
@ENCODING_OPTION
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes to extract, validate and serialise documents in (default: one per CPU).",
)
@click.option(
    "--project",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Project file describing the dataset (default: kgbuild.toml beside the texts).",
)
@click.option("--timings", is_flag=True, help="Print the seconds spent in each stage.")
@click.option("--quiet", "-q", is_flag=True,
              help="No progress lines (they are shown only on a terminal anyway).")
@click.option("--no-cache", is_flag=True,
              help="Read, extract and validate every text again, without the build cache "
              "($KGBUILD_CACHE, else $XDG_CACHE_HOME/kgbuild, else ~/.cache/kgbuild).")
def build(
    files: tuple[Path, ...],
    out_dir: Path,
    base: str | None,
    reference_dir: Path | None,
    errata: Path | None,
    shapes: Path | None,
    encoding: str,
    jobs: int | None,
    project: Path | None,
    timings: bool,
    quiet: bool,
    no_cache: bool,
) -> None:
    """Build the graph of FILES (default: the bundled corpus) into --out.

    Each FILE is one document (a folder stands for the .txt texts in it); metadata is read
    from the folder's manifest.json (a list of {"file": …, "title": …}) or else a JSON file
    of the same name beside each text (title, author, date, language).
    Metadata may also give cited_edition, the edition "(see Vol. XXV, p. 173)" points
    into. Writes graph.nt, graph.nq and graph.trig (one named graph per document, plus
    the shared and reference graphs), graph.ttl, graph.jsonld, persons.jsonld and
    works.jsonld (entity-centric, framed), void.ttl (dataset description) and
    validation-report.ttl. The dataset's name, title, license, creator, version and
    creation date come from --project (see README); if the graph violates the shapes, nothing in
    --out changes, the report is written beside it and the exit code is 1.
    """
    from kgbuild.cache import cache_dir
    from kgbuild.document import InputError
    from kgbuild.pipeline import ValidationFailed
    from kgbuild.pipeline import build as run_build
    from kgbuild.rdf.iris import InvalidBaseError
    from kgbuild.timing import Stopwatch

    def progress(stage: str) -> None:
        click.echo(f"kgbuild: {stage}", err=True)

    shown = not quiet and sys.stderr.isatty()
    try:
        result = run_build(
            list(files) or None, out_dir, base, reference_dir, shapes, encoding, jobs,
            watch=Stopwatch(progress if shown else None), errata=errata, project=project,
            cache=None if no_cache else cache_dir(),
        )
    except InvalidBaseError as error:
        _fail(str(error), EXIT_USAGE)
    except InputError as error:
        _fail(str(error), EXIT_INPUT)
    except ValidationFailed as failure:
        click.echo(failure.outcome.summary(), err=True)
        _fail(
            f"the graph does not conform; report written to {failure.report_path}; "
            f"{out_dir} left unchanged",
            EXIT_INVALID_GRAPH,
        )
    click.echo(f"built {len(result.documents)} document(s): {result.triples} triples")
    found = ", ".join(f"{n} {kind if n != 1 else kind.removesuffix('s')}"
                      for kind, n in result.knowledge_base.counts().items())
    click.echo(f"found {found}")
    click.echo(result.validation.summary())
    for path in result.written:
        click.echo(f"  wrote {path}")
    if timings:
        for stage, seconds in result.seconds.items():
            click.echo(f"  {stage:<36} {seconds:7.2f} s")


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="SHACL shapes file (default: the shipped shapes/kgbuild-shapes.ttl).",
)
def validate(graph_file: Path, shapes: Path | None) -> None:
    """Validate GRAPH_FILE (Turtle, N-Triples or JSON-LD) against the SHACL shapes."""
    from kgbuild.document import InputError
    from kgbuild.validate import validate_graph

    try:
        outcome, _ = validate_graph(_load_graph(graph_file), shapes)
    except InputError as error:
        _fail(str(error), EXIT_INPUT)
    click.echo(outcome.summary())
    if not outcome.conforms:
        sys.exit(EXIT_INVALID_GRAPH)


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path, dir_okay=False))
def stats(graph_file: Path) -> None:
    """Print the number of triples and of instances per class in GRAPH_FILE."""
    from kgbuild.stats import class_counts

    graph = _load_graph(graph_file)
    counts = class_counts(graph)
    width = max((len(name) for name in counts), default=5)
    click.echo(f"{'triples':<{width}}  {len(graph)}")
    for name, count in counts.items():
        click.echo(f"{name:<{width}}  {count}")


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path, dir_okay=False))
@click.argument(
    "annotations",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
)
@click.option(
    "--details/--no-details",
    default=True,
    show_default=True,
    help="List the missed and spurious items of each kind.",
)
def evaluate(graph_file: Path, annotations: tuple[Path, ...], details: bool) -> None:
    """Score GRAPH_FILE against ANNOTATIONS files (the format of tests/data/annotations/README.md).

    Per kind: entity-level precision, recall and F1, and mention-level evidence precision;
    quotations (found, right speaker) and citations (line, volume, pages). A graph of
    several documents needs each file to name its document ("document": the file name).
    """
    from kgbuild.document import InputError
    from kgbuild.score_documents import score_files

    graph = _load_graph(graph_file)
    try:
        entities, records = score_files(graph, list(annotations))
    except InputError as error:
        _fail(str(error), EXIT_INPUT)
    click.echo(
        f"{'kind':<14} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'evid.P':>7} {'ment.F1':>7}"
    )
    for kind, score in entities.items():
        click.echo(
            f"{kind:<14} {score.gold:>5} {score.predicted:>5} {score.precision:>6.3f} "
            f"{score.recall:>6.3f} {score.f1:>6.3f} {score.evidence_precision:>7.3f} "
            f"{score.mention_f1:>7.3f}"
        )
        if details and (score.missed or score.spurious):
            click.echo(f"  missed: {'; '.join(score.missed) or '-'}")
            click.echo(f"  spurious: {'; '.join(score.spurious) or '-'}")
    for kind, record_score in records.items():
        labels = {"quotations": "speaker", "citations": "vol+pages", "dated_claims": "date"}
        label = labels.get(kind, "polarity")
        click.echo(
            f"{kind:<14} {record_score.gold:>5} {record_score.predicted:>5} "
            f"F1 {record_score.f1:.3f}  {label} right {record_score.attribute_accuracy:.3f}"
        )
        if details and record_score.misses:
            click.echo(f"  misses: {'; '.join(record_score.misses)}")


@main.command()
@click.argument("text_file", type=click.Path(path_type=Path))
@REFERENCE_OPTION
@ERRATA_OPTION
@ENCODING_OPTION
@click.option(
    "--kind",
    type=click.Choice(["person", "organization", "meeting", "work"]),
    multiple=True,
    help="Only spans of this kind (repeatable).",
)
@click.option("--refused", is_flag=True, help="Only the spans adjudication refused.")
def explain(
    text_file: Path,
    reference_dir: Path | None,
    errata: Path | None,
    encoding: str,
    kind: tuple[str, ...],
    refused: bool,
) -> None:
    """Show, span by span, which recognizers proposed what in TEXT_FILE and what
    adjudication decided, and why: line, ✓ or ✗, kind, text, support, reason, sources.
    The text is read as ``build`` reads it (its folder's errata.tsv, --errata, --encoding)."""
    from kgbuild.document import InputError, load_document, read_errata
    from kgbuild.extract import recognize
    from kgbuild.extract.adjudicate import explain as explain_decisions
    from kgbuild.reference import load_reference

    try:
        doc = load_document(text_file, encoding, read_errata(errata) if errata else None)
        decisions = recognize(doc, load_reference(reference_dir)).decisions
    except InputError as error:
        _fail(str(error), EXIT_INPUT)
    shown = [
        d for d in decisions if (not kind or d.kind in kind) and not (refused and d.accepted)
    ]
    click.echo(explain_decisions(doc, shown))
    accepted = sum(d.accepted for d in shown)
    click.echo(f"{accepted} accepted, {len(shown) - accepted} refused", err=True)


@main.command("for-reasoner")
@click.argument("graph_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Turtle file to write: the ontology and the data in one.",
)
def for_reasoner_command(graph_file: Path, out_file: Path) -> None:
    """Write GRAPH_FILE with the ontology as an OWL 2 DL reasoner (HermiT, Pellet) loads it:
    dates typed xsd:gYear, xsd:gYearMonth or xsd:date, outside OWL 2's datatype map, become
    plain strings of the same form."""
    from rdflib import Graph

    from kgbuild.rdf.reasoner import for_reasoner
    from kgbuild.resources import ontology_path

    ready = for_reasoner(_load_graph(graph_file), Graph().parse(ontology_path()))
    temporary = out_file.with_name(f".{out_file.name}.partial")
    ready.serialize(temporary, format="turtle")
    temporary.replace(out_file)  # never a half-written file
    click.echo(f"wrote {out_file}: {len(ready)} triples")


def _folder_option(name: str, dest: str, default: str, help_text: str):  # type: ignore[no-untyped-def]
    return click.option(name, dest, type=click.Path(path_type=Path, file_okay=False),
                        default=Path(default), show_default=True, help=help_text)


@main.command()
@click.argument("texts", nargs=-1, type=click.Path(path_type=Path))
@_folder_option("--build", "build_dir", "output", "The build folder to read (graph.nt, "
                "void.ttl), as `kgbuild build --out` wrote it.")
@_folder_option("--out", "out_dir", "site", "Folder the site is written to (replaced "
                "whole; only an earlier site or an empty folder).")
@click.option("--base", default=None,
              help="Base IRI of the data (default: read from the documents' IRIs).")
@ENCODING_OPTION
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to write the pages in (default: one per CPU).")
def site(
    texts: tuple[Path, ...], build_dir: Path, out_dir: Path, base: str | None, encoding: str,
    jobs: int | None,
) -> None:
    """Write the build in --build as a static website into --out: a page per person,
    organization, work, meeting, resolution and document at the path of its IRI, with its
    Turtle, JSON-LD and N-Triples beside it, a timeline, a network and a search box.

    TEXTS are the texts the build was made from (files or folders; default: the bundled
    corpus): the graph names each document's file and digest, not where it is, and a
    document's page shows its text. Nothing in --out changes unless the whole site is
    written.
    """
    from kgbuild.document import InputError
    from kgbuild.resources import project_file
    from kgbuild.site import build_site

    try:
        result = build_site(build_dir, list(texts) or [project_file("corpus")], out_dir, base,
                            encoding, jobs)
    except InputError as error:
        _fail(str(error), EXIT_INPUT)
    except ValueError as error:
        _fail(str(error), EXIT_USAGE)
    click.echo(f"wrote {result.out_dir}: {result.pages} pages, {result.files} files, "
               f"{result.bytes / 1e6:.1f} MB in {result.seconds:.1f} s")


@main.command()
@click.argument("site_dir", type=click.Path(path_type=Path, file_okay=False),
                default=Path("site"))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--quiet", "-q", is_flag=True, help="No line per request.")
def serve(site_dir: Path, port: int, quiet: bool) -> None:
    """Serve SITE_DIR (a `kgbuild site` folder) on 127.0.0.1 as a linked-data server: an
    entity's IRI path answers HTML, Turtle, JSON-LD or N-Triples by the Accept header."""
    from kgbuild.site.links import MARKER
    from kgbuild.site.serve import make_server

    if not (site_dir / MARKER).is_file():
        _fail(f"{site_dir}: not a site written by `kgbuild site`", EXIT_INPUT)
    try:
        server = make_server(site_dir, port, verbose=not quiet)
    except OSError as error:
        _fail(f"127.0.0.1:{port}: cannot listen: {error.strerror or error}", EXIT_USAGE)
    click.echo(f"serving {site_dir} on http://127.0.0.1:{server.server_address[1]}/ "
               "(Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


# the commands over SPARQL endpoints and triplestores register themselves on ``main``
from kgbuild.cli import store  # noqa: E402, F401
