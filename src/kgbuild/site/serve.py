"""``kgbuild serve``: a site on 127.0.0.1 as a linked-data server. A request for an
entity's or document's IRI path (``/person/vladimir-lenin``) is answered by its
``Accept`` header: Turtle, JSON-LD or N-Triples from the files beside the page, with
their media types, or a 303 to the HTML page (``/person/vladimir-lenin/``); always with
``Vary: Accept``. Everything else is served as files. The README gives the Apache and
nginx rules that behave the same."""

from __future__ import annotations

import functools
import posixpath
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kgbuild.site.links import RDF_FILES

HTML = "text/html"
CHOICES = {HTML: None, **{media: ext for ext, media in RDF_FILES.items()}}


def preferred(accept: str | None) -> str:
    """The media type of CHOICES an Accept header prefers (HTML when it prefers none:
    a browser, a missing header, ``*/*``); ties go to the one listed first."""
    best, best_q = HTML, 0.0
    for position, part in enumerate((accept or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media == "application/xhtml+xml":
            media = HTML
        if media in CHOICES and quality > best_q and quality > 0:
            best, best_q = media, quality - position * 1e-6
    return best


def _with_charset(media: str) -> str:
    """Turtle's media type says its charset (its default is not UTF-8 everywhere); the
    others are UTF-8 by definition."""
    return f"{media}; charset=utf-8" if media == "text/turtle" else media


class Handler(SimpleHTTPRequestHandler):
    """Files of the site, with content negotiation on resource paths."""

    extensions_map = {  # noqa: RUF012 (the standard library's own class attribute)
        **SimpleHTTPRequestHandler.extensions_map,
        **{f".{extension}": _with_charset(media) for extension, media in RDF_FILES.items()},
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".js": "text/javascript",
        ".css": "text/css",
        ".html": "text/html; charset=utf-8",
    }

    def do_GET(self) -> None:
        if not self.negotiate(head=False):
            super().do_GET()

    def do_HEAD(self) -> None:
        if not self.negotiate(head=True):
            super().do_HEAD()

    def negotiate(self, head: bool) -> bool:
        """Answer a resource path by Accept; False for any other path."""
        requested = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if requested.endswith("/") or "." in requested.rsplit("/", 1)[-1]:
            return False
        path = posixpath.normpath(requested)
        folder = Path(self.directory) / path.lstrip("/")
        if not (folder / "index.html").is_file():
            return False
        media = preferred(self.headers.get("Accept"))
        extension = CHOICES[media]
        file = folder.with_name(f"{folder.name}.{extension}") if extension else None
        if file is None or not file.is_file():
            self.send_response(HTTPStatus.SEE_OTHER)
            self.send_header("Location", path + "/")
            self.send_header("Vary", "Accept")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        body = file.read_bytes()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", _with_charset(media))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Location", f"{path}.{extension}")
        self.send_header("Vary", "Accept")
        self.end_headers()
        if not head:
            self.wfile.write(body)
        return True

    def end_headers(self) -> None:
        if self.path.split("?", 1)[0].endswith(tuple(f".{e}" for e in RDF_FILES)):
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


def make_server(site_dir: Path, port: int, verbose: bool = True) -> ThreadingHTTPServer:
    """The server of ``site_dir`` bound to 127.0.0.1:``port`` (0: a free port)."""
    handler = functools.partial(Handler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.verbose = verbose  # type: ignore[attr-defined]
    return server
