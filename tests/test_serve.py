"""`kgbuild serve` over HTTP: an entity's IRI path answers HTML, Turtle, JSON-LD or
N-Triples by Accept, with their media types and Vary: Accept."""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kgbuild.site.serve import preferred

LENIN = "/person/vladimir-lenin"


def get(url: str, accept: str | None = None) -> tuple[int, Message, bytes, str]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read(), response.url


@pytest.mark.parametrize(
    ("accept", "media", "fmt"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("text/html;q=0.5, text/turtle;q=0.9", "text/turtle", "turtle"),
    ],
)
def test_an_iri_path_answers_rdf_by_accept(
    served: str, site: Path, accept: str, media: str, fmt: str
) -> None:
    status, headers, body, _ = get(served + LENIN, accept)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == media
    assert headers["Vary"] == "Accept"
    answered = Graph().parse(data=body.decode("utf-8"), format=fmt)
    assert isomorphic(answered, Graph().parse(site / "person" / "vladimir-lenin.nt"))


@pytest.mark.parametrize("accept", [
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "*/*", None])
def test_a_browser_gets_the_page(served: str, accept: str | None) -> None:
    status, headers, body, url = get(served + LENIN, accept)
    assert status == 200 and url == served + LENIN + "/"
    assert headers["Content-Type"].startswith("text/html")
    assert b"<h1>Vladimir Lenin</h1>" in body


def test_the_redirect_to_the_page_varies_by_accept(served: str) -> None:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(urllib.request.Request(served + LENIN, headers={"Accept": "text/html"}))
    assert answer.value.code == 303
    assert answer.value.headers["Location"] == LENIN + "/"
    assert answer.value.headers["Vary"] == "Accept"


def test_files_have_their_media_types(served: str) -> None:
    for path, media in (("/person/vladimir-lenin.ttl", "text/turtle"),
                        ("/person/vladimir-lenin.jsonld", "application/ld+json"),
                        ("/search.json", "application/json"),
                        ("/static/search.js", "text/javascript"),
                        ("/dataset/concerning-questions-of-leninism/document/"
                         "concerning-questions-of-leninism/", "text/html")):
        status, headers, _, _ = get(served + path)
        assert status == 200 and headers["Content-Type"].split(";")[0] == media, path


def test_the_accept_header_is_read_with_its_qualities() -> None:
    assert preferred(None) == "text/html"
    assert preferred("application/ld+json, text/turtle") == "application/ld+json"
    assert preferred("text/turtle;q=0.2, application/n-triples;q=0.8") == "application/n-triples"
    assert preferred("application/xml") == "text/html"
    assert preferred("text/turtle;q=0") == "text/html"


def test_serve_refuses_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "kgbuild.cli", "serve", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 3
    assert done.stderr == f"kgbuild: error: {tmp_path}: not a site written by `kgbuild site`\n"
