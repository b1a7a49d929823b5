"""`kgbuild site`: the static site of the committed build (output/ with the bundled
text), byte for byte the same when made again, its links all resolving, its marks on the
text's exact spans and its RDF the same triples in every form."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest
from rdflib import DCAT, Graph
from rdflib.compare import isomorphic

from kgbuild.resources import PROJECT_ROOT
from kgbuild.site import MARKER, build_site

BUILD = PROJECT_ROOT / "output"
CORPUS = PROJECT_ROOT / "corpus"
LENIN = "person/vladimir-lenin"
DOCUMENT = "dataset/concerning-questions-of-leninism/document/concerning-questions-of-leninism"


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_build_gives_the_same_site_byte_for_byte(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build_site(BUILD, [CORPUS], again, jobs=1)  # one process, as against one per CPU
    assert digests(again) == digests(site)
    build_site(BUILD, [CORPUS], again)  # replacing an earlier site
    assert digests(again) == digests(site)


def test_a_page_per_entity_and_document_at_the_path_of_its_iri(site: Path) -> None:
    graph = Graph().parse(BUILD / "graph.nt")
    kinds = ("Person", "Organization", "Work", "Congress", "Conference", "Plenum",
             "Resolution", "Document")
    base = "https://w3id.org/kgbuild/id/"
    for kind in kinds:
        rows = graph.query(f"SELECT ?s WHERE {{ ?s a <https://w3id.org/kgbuild/ontology#{kind}> }}")
        iris = [str(row[0]) for row in rows]
        assert iris, kind
        for iri in iris:
            path = iri.removeprefix(base)
            assert (site / path / "index.html").is_file(), iri
            for extension in ("ttl", "jsonld", "nt"):
                assert (site / f"{path}.{extension}").is_file(), (iri, extension)
    for page in ("index.html", "timeline/index.html", "network/index.html", "search.json",
                 "static/site.css", "static/search.js", MARKER, "person/index.html"):
        assert (site / page).is_file(), page


class Links(HTMLParser):
    """The links, ids and marks of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        for name in ("href", "src", "data-index"):
            if found.get(name) and not (tag == "link" and found.get("rel") == "icon"):
                self.links.append(found[name] or "")


def parsed(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_the_dumps_are_where_the_dataset_description_says(site: Path) -> None:
    """void.ttl's download URLs under the base resolve on the site, to the build's files."""
    void = Graph().parse(BUILD / "void.ttl")
    urls = [str(url) for url in void.objects(None, DCAT.downloadURL)]
    assert len(urls) == 7
    for url in urls:
        path = url.removeprefix("https://w3id.org/kgbuild/id/")
        assert path.startswith("dataset/concerning-questions-of-leninism/graph.") or \
            path.endswith(("persons.jsonld", "works.jsonld"))
        name = url.rsplit("/", 1)[-1]
        assert (site / path).read_bytes() == (BUILD / name).read_bytes(), url


def test_every_link_inside_the_site_resolves(site: Path) -> None:
    """Crawl every page: each relative link names a file of the site (a folder: its
    index.html) and each #fragment an id on the page it points to."""
    pages = sorted(site.rglob("*.html"))
    ids = {page: parsed(page).ids for page in pages}
    checked = 0
    for page in pages:
        for link in parsed(page).links:
            if re.match(r"^[a-z]+:", link):
                assert link.startswith(("https://www.wikidata.org/", "http://www.wikidata.org/",
                                        "data:")), (page, link)
                continue
            root = "http://site/"
            url, fragment = urldefrag(urljoin(root + page.relative_to(site).as_posix(), link))
            assert url.startswith(root), (page, link)
            target = site / url.removeprefix(root)
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (page, link)
            if fragment:
                assert fragment in ids[target], (page, link)
            checked += 1
    assert checked > 2000


def test_marks_stand_on_the_exact_text_of_their_evidence(site: Path) -> None:
    """Each highlighted mention on the document page holds exactly its oa:exact."""
    html = (site / DOCUMENT / "index.html").read_text(encoding="utf-8")
    graph = Graph().parse(BUILD / "graph.nt")
    exact = {str(ann).rsplit("/", 1)[-1]: str(text) for ann, text in graph.query(
        "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT ?ann ?exact WHERE { "
        "?ann oa:hasTarget/oa:hasSelector ?q . ?q oa:exact ?exact }")}
    marks = re.findall(r'<mark class="[a-z]+" id="a-([0-9a-f]+)"><a href="[^"]+">(.*?)</a></mark>',
                       html, flags=re.S)
    assert len(marks) > 300
    from html import unescape
    for annotation, text in marks:
        assert unescape(re.sub(r"<[^>]+>", "", text)) == exact[annotation], annotation


def test_the_document_page_holds_the_text_as_published(site: Path) -> None:
    html = (site / DOCUMENT / "index.html").read_text(encoding="utf-8")
    body = re.search(r'<div class="text">(.*)</div>\n</section>', html, flags=re.S)
    assert body is not None
    from html import unescape
    text = unescape(re.sub(r"<[^>]+>", "", body.group(1)))
    raw = (CORPUS / "concerning-questions-of-leninism.txt").read_bytes().decode("utf-8-sig")
    assert text == raw
    assert 'href="#section-7"' in html and 'id="section-7"' in html


def triples(path: Path, fmt: str) -> Graph:
    return Graph().parse(data=path.read_text(encoding="utf-8"), format=fmt)


def test_each_page_s_rdf_is_the_same_in_turtle_n_triples_json_ld_and_the_page(
    site: Path,
) -> None:
    for path in (LENIN, "work/on-co-operation", DOCUMENT,
                 "meeting/fourteenth-congress-of-the-cpsu-b"):
        nt = triples(site / f"{path}.nt", "nt")
        assert len(nt) > 5, path
        assert isomorphic(nt, triples(site / f"{path}.ttl", "turtle")), path
        assert isomorphic(nt, triples(site / f"{path}.jsonld", "json-ld")), path
        html = (site / path / "index.html").read_text(encoding="utf-8")
        embedded = re.search(r'<script type="application/ld\+json">\n(.*?)</script>', html,
                             flags=re.S)
        assert embedded is not None, path
        assert isomorphic(Graph().parse(data=embedded.group(1), format="json-ld"), nt), path
        for media, extension in (("text/turtle", "ttl"), ("application/ld+json", "jsonld")):
            name = path.rsplit("/", 1)[-1]
            assert f'<link rel="alternate" type="{media}" href="../{name}.{extension}">' in html


def test_an_entity_s_rdf_holds_its_triples_as_the_build_wrote_them(site: Path) -> None:
    """The description is a part of the graph, literals typed as published (not as a store
    normalises them: oa:start stays xsd:nonNegativeInteger)."""
    whole = {line for line in (BUILD / "graph.nt").read_text(encoding="utf-8").splitlines()}
    part = (site / f"{LENIN}.nt").read_text(encoding="utf-8").splitlines()
    assert part and set(part) <= whole
    assert any("XMLSchema#nonNegativeInteger" in line for line in part)
    assert any("<http://www.w3.org/2000/01/rdf-schema#label> \"Vladimir Lenin\"" in line
               for line in part)


def test_a_big_entity_gets_a_cut_page_and_a_page_per_document(site: Path) -> None:
    html = (site / LENIN / "index.html").read_text(encoding="utf-8")
    assert "Mentions (113)" in html
    assert len(re.findall(r"<li><q>", html)) == 50
    sub = site / LENIN / "in" / "concerning-questions-of-leninism" / "index.html"
    assert len(re.findall(r"<li><q>", sub.read_text(encoding="utf-8"))) == 113
    assert (site / LENIN / "index.html").stat().st_size < 250_000


def test_the_charts_are_drawn_from_the_data(site: Path) -> None:
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    network = (site / "network" / "index.html").read_text(encoding="utf-8")
    assert timeline.count("<circle class=\"claim\"") > 20
    assert timeline.count("<circle class=\"work\"") >= 5
    assert network.count("<circle class=\"person\"") >= 10
    assert network.count("<line class=\"together\"") >= 10
    assert 'class="quotes"' in network


def test_the_search_index_lists_names_and_aliases(site: Path) -> None:
    entries = json.loads((site / "search.json").read_text(encoding="utf-8"))
    lenin = [e for e in entries if e[0] == "Vladimir Lenin"]
    assert lenin == [["Vladimir Lenin", "Lenin", "Person", f"{LENIN}/"]]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kgbuild.cli", *args], capture_output=True,
                          text=True, cwd=cwd, check=False)


def test_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = run("site", "--build", str(BUILD), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out}: 87 pages")
    assert (out / "index.html").is_file()


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--build", "nowhere"], 3, "nowhere/graph.nt: no such graph file"),
        ([str(PROJECT_ROOT / "tests" / "data" / "period")], 3,
         "its text concerning-questions-of-leninism.txt is not among the texts given"),
        (["--out", str(BUILD)], 2, "cannot be written into the build folder"),
    ],
)
def test_bad_input_is_one_line_and_leaves_no_folder(
    tmp_path: Path, args: list[str], code: int, words: str
) -> None:
    out = tmp_path / "site"
    command = ["site", "--build", str(BUILD), "--out", str(out), *args]
    done = run(*command)
    assert done.returncode == code
    assert done.stderr.startswith("kgbuild: error: ") and words in done.stderr
    assert done.stderr.count("\n") == 1
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]


def test_a_folder_that_is_not_a_site_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    done = run("site", "--build", str(BUILD), "--out", str(tmp_path / "mine"))
    assert done.returncode == 2
    assert "exists and is not a kgbuild site" in done.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_broken_dataset_description_is_one_line(tmp_path: Path) -> None:
    build = tmp_path / "build"
    build.mkdir()
    shutil.copyfile(BUILD / "graph.nt", build / "graph.nt")
    (build / "void.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    done = run("site", "--build", str(build), "--out", str(tmp_path / "site"))
    assert done.returncode == 3
    assert done.stderr.startswith("kgbuild: error: ") and "void.ttl: cannot parse" in done.stderr
    assert done.stderr.count("\n") == 1
    assert not (tmp_path / "site").exists()
