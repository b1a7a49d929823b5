"""Shared fixtures: one real build of the bundled corpus per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kgbuild.pipeline import BuildResult, build
from kgbuild.resources import PROJECT_ROOT

CORPUS_TEXT = PROJECT_ROOT / "corpus" / "concerning-questions-of-leninism.txt"
DEV_ANNOTATIONS = sorted((Path(__file__).parent / "data" / "annotations").glob("lines-*.json"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The bundled text built with the bundled reference data, as `kgbuild build` does."""
    return build(out_dir=tmp_path_factory.mktemp("output"))


@pytest.fixture(scope="session")
def out_dir(built: BuildResult) -> Path:
    return built.written[0].parent


@pytest.fixture(scope="session")
def graph(out_dir: Path) -> Graph:
    """The published Turtle, parsed back."""
    return Graph().parse(out_dir / "graph.ttl", format="turtle")


# --- a real Oxigraph server (the `oxigraph` package of the test extra) ----------------

def oxigraph_binary() -> Path:
    """The `oxigraph` command installed beside this Python (pip install -e '.[test]')."""
    import shutil
    import sys

    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return beside
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    pytest.fail(
        "the `oxigraph` server binary is not installed; the server tests need it: "
        "pip install -e '.[test]' (the test extra includes the oxigraph package)",
        pytrace=False,
    )


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class OxigraphServer:
    """`oxigraph serve` on 127.0.0.1 with a free port and its own data folder.

    Started with --union-default-graph, as the README tells users to, so that queries
    without GRAPH see the named graphs `kgbuild load` creates (``union=False``: without it,
    as Oxigraph's own default is).
    """

    def __init__(self, location: Path, union: bool = True) -> None:
        self.location = location
        self.union = union
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.query = f"{self.base}/query"
        self.store = f"{self.base}/store"
        self.process = None
        self.log = location.parent / f"{location.name}.log"

    def start(self, wait: float = 30.0) -> OxigraphServer:
        import subprocess
        import time
        import urllib.request

        command = [str(oxigraph_binary()), "serve", "--location", str(self.location),
                   "--bind", f"127.0.0.1:{self.port}"]
        if self.union:
            command.append("--union-default-graph")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + wait
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {self.process.returncode}: "
                            f"{self.log.read_text(errors='replace')[-2000:]}", pytrace=False)
            try:
                url = f"{self.query}?query=ASK%7B%7D"
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"oxigraph serve did not answer on {self.base} within {wait} s",
                            pytrace=False)
            time.sleep(0.1)

    def stop(self) -> None:
        import subprocess

        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def start_oxigraph(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A factory of Oxigraph servers, each stopped at the end of the test."""
    servers: list[OxigraphServer] = []

    def start(union: bool = True) -> OxigraphServer:
        server = OxigraphServer(tmp_path_factory.mktemp("oxigraph"), union).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One Oxigraph server for the session; yields the OxigraphServer (``.base``,
    ``.query``, ``.store`` URLs) and stops it afterwards."""
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oxigraph_url(oxigraph: OxigraphServer) -> str:
    """The base URL of the session's Oxigraph server (http://127.0.0.1:<port>)."""
    return oxigraph.base


@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The command line's build cache in a folder of the test session, not the
    user's ~/.cache (subprocesses inherit it)."""
    import os

    before = os.environ.get("KGBUILD_CACHE")
    os.environ["KGBUILD_CACHE"] = str(tmp_path_factory.mktemp("kgbuild-cache"))
    yield
    if before is None:
        del os.environ["KGBUILD_CACHE"]
    else:
        os.environ["KGBUILD_CACHE"] = before



@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the committed build (output/ with the bundled text), as `kgbuild site`
    writes it."""
    from kgbuild.site import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    build_site(PROJECT_ROOT / "output", [PROJECT_ROOT / "corpus"], out)
    return out


@pytest.fixture(scope="session")
def served(site: Path):  # type: ignore[no-untyped-def]
    """`kgbuild serve` of the session's site on a free port; yields its base URL."""
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kgbuild.cli", "serve", str(site), "--port", str(port), "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"kgbuild serve did not start: {process.stderr.read()!r}")
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)
