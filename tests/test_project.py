"""The dataset a build publishes: what kgbuild.toml says of it, and nothing it does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, VOID, XSD

from kgbuild.cli import EXIT_INPUT, main
from kgbuild.project import default_name

TEXT = ("THE LAND QUESTION\n\nComrade Rykov spoke on the land question at the Fourteenth "
        "Congress of the party in December 1925.\n")
PROJECT = """[dataset]
name = "land-debates"
title = "Debates on the land question"
description = "Speeches on the land question, 1925."
license = "https://creativecommons.org/publicdomain/zero/1.0/"
creator = "A. Historian"
version = "2.1"
created = 2026-11-30
"""
BASE = "https://example.org/kg/"


def build(folder: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(folder / "out"),
                                       "--base", BASE, "-j", "1", *extra])
    return result.exit_code, result.output


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "speech.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def description(folder: Path) -> Graph:
    return Graph().parse(folder / "out" / "void.ttl")


def test_the_project_file_beside_the_texts_describes_the_dataset(corpus: Path) -> None:
    (corpus / "kgbuild.toml").write_text(PROJECT, encoding="utf-8")
    code, output = build(corpus)
    assert code == 0, output
    void = description(corpus)
    dataset = URIRef(BASE + "dataset/land-debates")
    assert (dataset, RDF.type, VOID.Dataset) in void
    assert void.value(dataset, DCTERMS.title) == Literal("Debates on the land question")
    assert void.value(dataset, DCTERMS.description) == Literal(
        "Speeches on the land question, 1925.")
    assert void.value(dataset, DCTERMS.license) == URIRef(
        "https://creativecommons.org/publicdomain/zero/1.0/")
    assert void.value(dataset, DCTERMS.creator) == Literal("A. Historian")
    assert void.value(dataset, OWL.versionInfo) == Literal("2.1")
    assert void.value(dataset, DCTERMS.created) == Literal("2026-11-30", datatype=XSD.date)
    partitions = set(void.objects(dataset, VOID.classPartition))
    assert partitions and all(str(p).startswith(f"{dataset}/class/") for p in partitions)


def test_without_a_project_file_nothing_is_claimed_for_the_users_data(corpus: Path) -> None:
    code, output = build(corpus)
    assert code == 0, output
    void = description(corpus)
    dataset = URIRef(BASE + "dataset/" + default_name([corpus]))  # named after its folder
    assert str(void.value(dataset, DCTERMS.title)).startswith("kgbuild knowledge graph of")
    for claim in (DCTERMS.license, DCTERMS.creator, DCTERMS.created, OWL.versionInfo):
        assert void.value(dataset, claim) is None, claim


def test_a_project_file_named_on_the_command_line_wins(corpus: Path, tmp_path_factory:
                                                         pytest.TempPathFactory) -> None:
    (corpus / "kgbuild.toml").write_text(PROJECT, encoding="utf-8")
    other = tmp_path_factory.mktemp("elsewhere") / "edition.toml"
    other.write_text('[dataset]\nname = "edition"\ntitle = "An edition"\n', encoding="utf-8")
    code, output = build(corpus, "--project", str(other))
    assert code == 0, output
    void = description(corpus)
    assert void.value(URIRef(BASE + "dataset/edition"), DCTERMS.title) == Literal("An edition")
    assert void.value(URIRef(BASE + "dataset/edition"), DCTERMS.license) is None


@pytest.mark.parametrize(("project", "message"), [
    ("[dataset]\nlicence = 'https://example.org/l'\n", "unknown key(s) licence"),
    ("[dataset]\ncreated = 'last year'\n", "created must be a date"),
    ("[dataset]\nlicense = 'CC BY'\n", "license must be the license's IRI"),
    ("[dataset]\nname = 'My Data'\n", "name 'My Data' must be lower-case"),
    ("[dataset]\ntitle = 3\n", "title must be a non-empty string"),
    ("title = 'no table'\n", "no [dataset] table"),
    ("[dataset\n", "not a TOML file"),
])
def test_a_bad_project_file_is_one_line_and_nothing_is_written(
        corpus: Path, project: str, message: str) -> None:
    (corpus / "kgbuild.toml").write_text(project, encoding="utf-8")
    code, output = build(corpus)
    assert code == EXIT_INPUT
    assert output.startswith(f"kgbuild: error: {corpus / 'kgbuild.toml'}: ") and message in output
    assert "Traceback" not in output and not (corpus / "out").exists()


def test_texts_with_equal_file_names_are_different_documents(tmp_path: Path) -> None:
    for year in ("1917", "1918"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "letter.txt").write_text(
            f"LETTER\n\nComrade Rykov wrote on the land question in {year}.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [
        "build", str(tmp_path / "1917" / "letter.txt"), str(tmp_path / "1918" / "letter.txt"),
        "--out", str(tmp_path / "out"), "--base", BASE, "-j", "1"])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(tmp_path / "out" / "graph.nt")
    documents = {str(d) for d in graph.subjects(RDF.type, URIRef(
        "https://w3id.org/kgbuild/ontology#Document"))}
    assert documents == {f"{BASE}dataset/document/{year}-letter" for year in ("1917", "1918")}
