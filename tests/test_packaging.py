"""A normal install works: the sdist and the wheel built from it (as `python -m build` makes
them, and as `pip install .` does) carry the shipped files (queries, shapes, ontology,
corpus), and every command runs from that wheel in a fresh virtual environment, from a
folder outside the repository.

The fresh environment gets kgbuild from the wheel only (``pip install --no-deps``); its
dependencies are this test environment's, named in a ``.pth`` file (``--system-site-packages``
would give the base interpreter's, not this venv's). A ``.pth`` line adds a folder to
``sys.path`` without running the ``.pth`` files in it, so the editable kgbuild of this
environment is not seen, and the test checks that kgbuild is imported from the wheel.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kgbuild.resources import (
    PACKAGED,
    PROJECT_ROOT,
    SHIPPED_FOLDERS,
    queries_dir,
    shapes_path,
    shipped_root,
)

EXIT_INPUT = 3
Run = Callable[..., subprocess.CompletedProcess[str]]


def shipped_in_checkout() -> set[str]:
    """The files of the top-level shipped folders, as paths from the repository's top."""
    return {
        path.relative_to(PROJECT_ROOT).as_posix()
        for folder in SHIPPED_FOLDERS
        for path in (PROJECT_ROOT / folder).rglob("*")
        if path.is_file() and not path.name.startswith(".") and not path.name.endswith("~")
    }


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist, and the wheel `python -m build` builds from it."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(PROJECT_ROOT)],
        cwd=out, check=True, capture_output=True, text=True, timeout=300,
    )
    (sdist,), (wheel,) = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    return sdist, wheel


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, dists: tuple[Path, Path]) -> Path:
    """A fresh virtual environment with the wheel installed in it."""
    env = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    python = env / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    ours = dict.fromkeys(sysconfig.get_path(name) for name in ("purelib", "platlib"))
    Path(site, "_test_dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", str(dists[1])],
        check=True, capture_output=True, text=True, timeout=300,
    )
    return env


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder, outside the repository, the commands run in."""
    return tmp_path_factory.mktemp("work")


@pytest.fixture(scope="module")
def run(venv: Path, work: Path) -> Run:
    """Runs an installed command (default `kgbuild`) in ``work``."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["PYTHONUTF8"] = "1"

    def run(*args: str, command: str = "kgbuild") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(venv / "bin" / command), *args], cwd=work, env=env,
            capture_output=True, text=True, encoding="utf-8", timeout=300,
        )

    return run


@pytest.fixture(scope="module")
def bundled(run: Run) -> subprocess.CompletedProcess[str]:
    """`kgbuild build` of the bundled corpus into output/ of the work folder."""
    return run("build")


def test_a_checkout_reads_the_top_level_folders() -> None:
    """What an editable install runs: edits of queries/, shapes/... take effect at once."""
    assert shipped_root() == PROJECT_ROOT
    assert queries_dir() == PROJECT_ROOT / "queries"
    assert shapes_path() == PROJECT_ROOT / "shapes" / "kgbuild-shapes.ttl"


def test_the_sdist_and_the_wheel_carry_every_shipped_file(dists: tuple[Path, Path]) -> None:
    sdist, wheel = dists
    expected = shipped_in_checkout()
    assert {"queries/most-quoted.rq", "corpus/errata.tsv",
            "ontology/frames/persons.frame.jsonld"} <= expected
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert expected | {"setup.py", "pyproject.toml"} <= in_sdist
    with zipfile.ZipFile(wheel) as archive:
        prefix = f"kgbuild/{PACKAGED}/"
        in_wheel = {n.removeprefix(prefix) for n in archive.namelist() if n.startswith(prefix)}
        assert "kgbuild/data/lexicon.json" in archive.namelist()
    assert in_wheel == expected


def test_the_installed_kgbuild_is_the_wheel_and_reads_its_own_files(
    run: Run, venv: Path
) -> None:
    result = run("-c", "import kgbuild, kgbuild.resources as r; "
                 "print(kgbuild.__file__); print(r.shipped_root()); print(r.source_checkout())",
                 command="python")
    assert result.returncode == 0, result.stderr
    module, root, checkout = result.stdout.splitlines()
    package = Path(module).parent
    assert package.is_relative_to(venv)
    assert Path(root) == package / PACKAGED
    assert checkout == "None"


def test_saved_queries_are_listed_and_run(run: Run, bundled: subprocess.CompletedProcess[str]
                                          ) -> None:
    listed = run("queries")
    assert listed.returncode == 0, listed.stderr
    names = {line.split()[0] for line in listed.stdout.splitlines()[1:]}
    assert names == {path.stem for path in (PROJECT_ROOT / "queries").glob("*.rq")}
    assert "most-quoted" in names
    assert bundled.returncode == 0, bundled.stderr
    answer = run("query", "most-quoted", "--format", "csv")
    assert answer.returncode == 0, answer.stderr
    rows = list(csv.DictReader(io.StringIO(answer.stdout)))
    assert rows and rows[0]["name"] == "Vladimir Lenin" and int(rows[0]["quotations"]) > 10


def test_the_bundled_corpus_builds_validates_and_counts(
    run: Run, work: Path, bundled: subprocess.CompletedProcess[str], out_dir: Path
) -> None:
    assert bundled.returncode == 0, bundled.stderr
    assert "built 1 document(s)" in bundled.stdout
    assert "wrote output/graph.ttl" in bundled.stdout
    for name in ("graph.nt", "persons.jsonld", "void.ttl"):  # what a checkout builds
        assert (work / "output" / name).read_bytes() == (out_dir / name).read_bytes(), name
    validated = run("validate", "output/graph.ttl")
    assert validated.returncode == 0, validated.stderr
    assert "SHACL validation: passes with warnings" in validated.stdout
    stats = run("stats", "output/graph.ttl")
    assert stats.returncode == 0, stats.stderr
    counts = dict(line.rsplit(maxsplit=1) for line in stats.stdout.splitlines())
    assert int(counts["triples"]) > 1000 and int(counts["kgo:Person"]) > 10


def test_the_site_is_written_with_the_templates_in_the_wheel(
    run: Run, work: Path, bundled: subprocess.CompletedProcess[str]
) -> None:
    assert bundled.returncode == 0, bundled.stderr
    written = run("site")
    assert written.returncode == 0, written.stderr
    page = (work / "site" / "person" / "vladimir-lenin" / "index.html").read_text("utf-8")
    assert "<h1>Vladimir Lenin</h1>" in page
    assert (work / "site" / "static" / "search.js").is_file()


SPEECH = (
    "“The dictatorship of the proletariat is the rule of the proletariat over the "
    "bourgeoisie,” says Lenin. Kamenev, in one of his reports, states the opposite.\n"
)


def test_given_files_build_and_explain(run: Run, work: Path) -> None:
    (work / "speech.txt").write_text(SPEECH, encoding="utf-8")
    built = run("build", "speech.txt", "--out", "speech-out")
    assert built.returncode == 0, built.stderr
    assert (work / "speech-out" / "graph.ttl").read_text(encoding="utf-8").count("kgo:Person")
    explained = run("explain", "speech.txt", "--kind", "person")
    assert explained.returncode == 0, explained.stderr
    assert "✓ person" in explained.stdout and "Kamenev" in explained.stdout


def test_a_missing_shipped_file_is_one_line_and_exit_code_3(
    run: Run, work: Path, bundled: subprocess.CompletedProcess[str]
) -> None:
    assert bundled.returncode == 0, bundled.stderr
    (work / "given.txt").write_text(SPEECH, encoding="utf-8")
    located = run("-c", "import kgbuild.resources as r; print(r.shipped_root())",
                  command="python")
    shipped = Path(located.stdout.strip())
    hidden = shipped.with_name(shipped.name + ".away")
    shipped.rename(hidden)
    try:
        for args in (("queries",), ("query", "most-quoted"), ("validate", "output/graph.ttl"),
                     ("build",), ("build", "given.txt", "--out", "given-out")):
            result = run(*args)
            assert result.returncode == EXIT_INPUT, (args, result.stdout, result.stderr)
            assert result.stderr.startswith("kgbuild: error: "), result.stderr
            assert len(result.stderr.splitlines()) == 1, result.stderr
            assert "not found" in result.stderr and "Traceback" not in result.stderr
    finally:
        hidden.rename(shipped)
    assert run("queries").returncode == 0


def test_the_repository_points_to_nothing_outside_it() -> None:
    """What users and contributors need is in the repository: no document, source file or
    test sends the reader to a design file or a folder beside the checkout."""
    outside = re.compile(r"\.\./shared|DESIGN\.md|(?<![\w.])/work/")
    files = [PROJECT_ROOT / "README.md", *(PROJECT_ROOT / "docs").glob("*.md"),
             *(PROJECT_ROOT / "src").rglob("*.py"), *(PROJECT_ROOT / "evaluation").glob("*.md")]
    found = [f"{path}: {match.group(0)}" for path in files
             for match in outside.finditer(path.read_text(encoding="utf-8"))]
    assert not found
