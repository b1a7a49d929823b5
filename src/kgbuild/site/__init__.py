"""``kgbuild site``: a build's graph as a static website people can browse, one page per
entity and document at the path of its IRI, with the RDF of each beside it (``serve.py``
serves it with content negotiation). The site is written whole into a temporary folder
and swapped into place, so the output folder is never half-written."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgbuild.document import InputError
from kgbuild.publish import _umask
from kgbuild.rdf.formats import cannot_parse
from kgbuild.rdf.iris import dataset_base, document_dataset
from kgbuild.rdf.namespaces import DCAT, DCTERMS, VOID
from kgbuild.site.links import MARKER, Links

if TYPE_CHECKING:
    from kgbuild.site.pages import Renderer

GRAPH_FILE = "graph.nt"
DCTERMS_TITLE = str(DCTERMS.title)
VOID_DATASET = str(VOID.Dataset)
VOID_URI_SPACE = str(VOID.uriSpace)
DOWNLOAD_URL = str(DCAT.downloadURL)


@dataclass(frozen=True)
class SiteResult:
    out_dir: Path
    files: int
    pages: int
    bytes: int
    seconds: float


def described(build_dir: Path) -> tuple[str, str | None, list[str]]:
    """The dataset's title, URI space (the base of its IRIs) and the URLs of its dumps
    (``dcat:downloadURL``) as the build's void.ttl gives them; without the file, the build
    folder's name, None and none."""
    void = build_dir / "void.ttl"
    if not void.is_file():
        return build_dir.resolve().name, None, []
    try:
        triples = sorted(ox.parse(path=str(void), format=ox.RdfFormat.TURTLE), key=str)
    except (SyntaxError, ValueError, OSError) as error:
        raise InputError(str(cannot_parse(void, error))) from None
    datasets = {t.subject for t in triples if t.object == ox.NamedNode(VOID_DATASET)}
    found = {t.predicate.value: t.object.value for t in reversed(triples)
             if t.subject in datasets and t.predicate.value in (DCTERMS_TITLE, VOID_URI_SPACE)}
    downloads = sorted({t.object.value for t in triples if t.predicate.value == DOWNLOAD_URL})
    return (found.get(DCTERMS_TITLE, build_dir.resolve().name), found.get(VOID_URI_SPACE),
            downloads)


def place_dumps(build_dir: Path, downloads: list[str], links: Links, root: Path) -> int:
    """The build's dumps at the paths of their download URLs under the base (linked where
    the file system allows, else copied), so that void.ttl's links work on the site; the
    number placed (a URL outside the base or a dump the build lacks is left out)."""
    placed = 0
    for url in downloads:
        source, path = build_dir / url.rsplit("/", 1)[-1], links.path(url)
        if path is None or not source.is_file():
            continue
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        placed += 1
    return placed


def base_of(documents: list[str]) -> str:
    """The base IRI the build used, from its documents' IRIs (when void.ttl gives none)."""
    bases = {dataset_base(document_dataset(iri)) for iri in documents} - {""}
    if len(bases) != 1:
        raise InputError("cannot tell the graph's base IRI from its documents; give --base")
    return bases.pop()


def check_out_dir(out_dir: Path, build_dir: Path) -> None:
    """Refuse to replace a folder that is not an earlier site (or empty)."""
    if out_dir.resolve() == build_dir.resolve():
        raise ValueError(f"{out_dir}: the site cannot be written into the build folder")
    if out_dir.exists() and (not out_dir.is_dir() or (
            any(out_dir.iterdir()) and not (out_dir / MARKER).is_file())):
        raise ValueError(f"{out_dir}: exists and is not a kgbuild site; "
                         "choose another --out or remove it")


def build_site(
    build_dir: Path, texts: list[Path], out_dir: Path, base: str | None = None,
    encoding: str = "utf-8", jobs: int | None = None,
) -> SiteResult:
    """Write the site of the build in ``build_dir`` (its graph.nt and void.ttl) with the
    documents' ``texts`` into ``out_dir``. InputError for an unreadable build or a missing
    text, ValueError for an --out folder that is not a site."""
    from kgbuild.rdf.formats import GraphFileError
    from kgbuild.site.model import read_graph
    from kgbuild.site.pages import Renderer, wanted_subjects
    from kgbuild.site.rdf import exact_triples
    from kgbuild.site.texts import match_texts
    from kgbuild.site.views import Site

    started = time.perf_counter()
    check_out_dir(out_dir, build_dir)
    graph_path = build_dir / GRAPH_FILE
    try:
        graph = read_graph(graph_path)
    except GraphFileError as error:
        raise InputError(str(error)) from None
    if not graph.documents:
        raise InputError(f"{graph_path}: the graph has no kgo:Document; is it a kgbuild build?")
    title, uri_space, downloads = described(build_dir)
    links = Links(base or uri_space or base_of(list(graph.documents)))
    site = Site(graph, match_texts(graph.documents, texts, encoding), links,
                exact_triples(graph_path, wanted_subjects(graph)))

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".partial",
                                    dir=out_dir.parent))
    writer = _Writer(staging)
    try:
        renderer = Renderer(site, writer.write, title, f"the graph of {len(graph.documents)} "
                            f"document(s), {graph.triples:,} triples", staging)
        renderer.static()
        renderer.index(f"A browsable view of {title}: every person, organization, work, "
                       "meeting and resolution the texts name, each mention linked to its "
                       "place in the text.")
        renderer.listings()
        renderer.timeline()
        renderer.network()
        tasks = [("entity", iri) for iri in sorted(graph.entities)]
        tasks += [("document", iri) for iri in sorted(graph.documents)]
        files, pages, size = _render_all(renderer, tasks, jobs)
        files += place_dumps(build_dir, downloads, links, staging)
        writer.write(MARKER, b"A site written by `kgbuild site`; `kgbuild site` may replace it.\n")
        _swap(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return SiteResult(out_dir, writer.files + files, writer.pages + pages,
                      writer.bytes + size, time.perf_counter() - started)


class _Writer:
    """Writes the site's files under the staging folder, counting them and its pages."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = self.pages = self.bytes = 0

    def write(self, path: str, content: bytes) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        self.files += 1
        self.pages += path.endswith("index.html")
        self.bytes += len(content)


_RENDERER: Renderer | None = None  # the forked workers' renderer (inherited, not pickled)


def _render(tasks: list[tuple[str, str]]) -> tuple[int, int, int]:
    """Render entity and document pages in a worker; what it wrote (files, pages, bytes)."""
    renderer = _RENDERER
    assert renderer is not None
    writer = _Writer(renderer.root)
    renderer.write = writer.write
    for kind, iri in tasks:
        if kind == "entity":
            renderer.entity(renderer.site.graph.entities[iri])
        else:
            renderer.document(renderer.site.graph.documents[iri])
    return writer.files, writer.pages, writer.bytes


def _render_all(
    renderer: Renderer, tasks: list[tuple[str, str]], jobs: int | None
) -> tuple[int, int, int]:
    """The entity and document pages, in ``jobs`` forked processes (default: one per
    CPU): each page is written by itself, so the files are the same whatever the number."""
    global _RENDERER
    jobs = jobs or os.cpu_count() or 1
    chunks = [tasks[index::jobs * 4] for index in range(jobs * 4)]
    _RENDERER = renderer
    try:
        if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
            results = [_render(chunk) for chunk in chunks]
        else:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                results = pool.map(_render, chunks)
    finally:
        _RENDERER = None
    files, pages, size = zip(*results, strict=True)
    return sum(files), sum(pages), sum(size)


def _swap(staging: Path, out_dir: Path) -> None:
    """Put the finished site in place of the old one (two renames; the old one removed)."""
    mode = 0o777 & ~_umask()
    for folder, _, _ in os.walk(staging):
        os.chmod(folder, mode)
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".old",
                                    dir=out_dir.parent))
        os.replace(out_dir, old / "site")
    os.replace(staging, out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
