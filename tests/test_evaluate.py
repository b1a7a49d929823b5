"""The scorer behind `kgbuild evaluate` and evaluation/score.py: what counts as a match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal, URIRef

from kgbuild.cli import main
from kgbuild.evaluate import (
    Candidate,
    fold,
    gold_entities,
    same_person,
    score_kind,
    score_records,
)
from kgbuild.pipeline import build
from kgbuild.rdf.namespaces import KGO

GOREMYKIN = {"persons": [{"canonical": "Ivan Goremykin", "surfaces": ["Minister Goremykin"],
                          "lines": [8]}]}


@pytest.mark.parametrize(("found", "matched"), [
    ("Goremykin", 1),  # printed with a title, found without it
    ("Ivan Goriemykin", 0),  # no transliteration of it
    ("Ivan Goremykine", 0),
    ("Polivanov", 0),  # another person on the same line
])
def test_a_person_printed_with_a_title(found: str, matched: int) -> None:
    (gold,) = gold_entities(GOREMYKIN, "persons")
    assert score_kind([gold], [Candidate(found, {fold(found)}, {8})]).matched == matched


def test_a_body_named_with_a_title_word_keeps_it() -> None:
    # only persons lose a leading title: "General Council" is no "Council"
    annotation = {"organizations": [{"canonical": "General Council of the Trades Union "
                                     "Congress", "surfaces": ["General Council"], "lines": [2]}]}
    (gold,) = gold_entities(annotation, "organizations")
    assert fold("Council") not in gold.names


def test_a_transliteration_of_the_annotated_name_is_a_match() -> None:
    annotation = {"persons": [{"canonical": "David Riazanov", "surfaces": ["Riazanov"],
                               "lines": [3]}]}
    (gold,) = gold_entities(annotation, "persons")
    found = Candidate("David Ryazanov", {fold("David Ryazanov")}, {3})
    assert score_kind([gold], [found]).matched == 1


@pytest.mark.parametrize(("said", "meant", "same"), [
    ("Kolb", "Wilhelm Kolb", True),
    ("W. Kolb", "Wilhelm Kolb", True),
    ("V. I. Lenin", "Vladimir Lenin", True),  # the patronymic the gold name leaves out
    ("K. Kolb", "Wilhelm Kolb", False),
    ("I. Lenin", "Vladimir Lenin", False),
    ("Kolb", None, False),
    ("Brand", "Henryk Lauer (Brand)", True),
    ("Lauer", "Henryk Lauer (Brand)", True),
    ("Wilhelm Kolb", "Wilhelm Otto Kolb", True),  # a middle name the text leaves out
    ("Walter Kolb", "Wilhelm Otto Kolb", False),
])
def test_a_stance_target_is_the_same_person_by_surname_or_initials(
    said: str, meant: str | None, same: bool
) -> None:
    assert same_person(said, meant) is same


def test_a_graph_of_several_documents_is_scored_document_by_document(tmp_path: Path) -> None:
    """Each annotation file is scored against the document it names, as if that document
    were the whole graph; a file that names none is refused, not silently mis-scored."""
    for name, person in (("first", "Rykov"), ("second", "Tomsky")):
        (tmp_path / f"{name}.txt").write_text(
            f"A SPEECH\n\nComrade {person} spoke on the land question in 1925.\n",
            encoding="utf-8")
        (tmp_path / f"{name}.json").write_text(json.dumps({
            "range": [1, 3], "document": f"{name}.txt",
            "persons": [{"canonical": person, "surfaces": [person], "lines": [3]}]}),
            encoding="utf-8")
    build([tmp_path / "first.txt", tmp_path / "second.txt"], tmp_path / "out", jobs=1)
    graph = str(tmp_path / "out" / "graph.nt")
    result = CliRunner().invoke(main, ["evaluate", graph, str(tmp_path / "first.json"),
                                       str(tmp_path / "second.json"), "--no-details"])
    assert result.exit_code == 0, result.output
    persons = next(line for line in result.output.splitlines() if line.startswith("persons"))
    assert persons.split()[1:6] == ["2", "2", "1.000", "1.000", "1.000"]
    (tmp_path / "first.json").write_text(json.dumps({"range": [1, 3], "persons": []}),
                                         encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", graph, str(tmp_path / "first.json")])
    assert result.exit_code == 3
    assert "the graph holds 2 documents; say which one" in result.stderr


def test_texts_with_equal_file_names_are_named_by_their_iri_names(tmp_path: Path) -> None:
    for year, person in (("1917", "Rykov"), ("1918", "Tomsky")):
        (tmp_path / year).mkdir()
        (tmp_path / year / "letter.txt").write_text(
            f"A LETTER\n\nComrade {person} wrote on the land question.\n", encoding="utf-8")
        (tmp_path / f"{year}.json").write_text(json.dumps({
            "range": [1, 3], "document": f"{year}-letter",
            "persons": [{"canonical": person, "surfaces": [person], "lines": [3]}]}),
            encoding="utf-8")
    build([tmp_path / "1917" / "letter.txt", tmp_path / "1918" / "letter.txt"],
          tmp_path / "out", jobs=1)
    graph = str(tmp_path / "out" / "graph.nt")
    result = CliRunner().invoke(main, ["evaluate", graph, str(tmp_path / "1917.json"),
                                       str(tmp_path / "1918.json"), "--no-details"])
    persons = next(line for line in result.output.splitlines() if line.startswith("persons"))
    assert result.exit_code == 0 and persons.split()[1:6] == ["2", "2", "1.000", "1.000", "1.000"]
    (tmp_path / "1917.json").write_text(json.dumps({"range": [1, 3], "document": "letter.txt"}),
                                        encoding="utf-8")  # two texts were read from that name
    result = CliRunner().invoke(main, ["evaluate", graph, str(tmp_path / "1917.json")])
    assert result.exit_code == 3 and "names the document 'letter.txt'" in result.stderr


@pytest.mark.parametrize("wrong_first", [True, False])
def test_a_line_s_citations_are_matched_right_ones_first(tmp_path: Path,
                                                         wrong_first: bool) -> None:
    """Two references on one line, one read right and one wrong: the right one is matched to
    its gold whichever record comes first (their IRIs' order), the wrong one to the other."""
    graph = Graph()
    found = [(5, "12"), (7, "99")] if wrong_first else [(7, "99"), (5, "12")]
    for number, (volume, pages) in enumerate(found):
        citation, evidence = URIRef(f"urn:c{number}"), URIRef(f"urn:e{number}")
        graph.add((citation, RDF.type, KGO.Citation))
        graph.add((citation, KGO.volume, Literal(volume)))
        graph.add((citation, KGO.pages, Literal(pages)))
        graph.add((citation, KGO.evidence, evidence))
        graph.add((evidence, KGO.line, Literal(4)))
    annotation = tmp_path / "a.json"
    annotation.write_text(json.dumps({"range": [1, 9], "citations": [
        {"line": 4, "volume": 7, "pages": "98"}, {"line": 4, "volume": 5, "pages": "12"}]}),
        encoding="utf-8")
    citations = score_records(graph, [annotation])["citations"]
    assert (citations.matched, citations.attribute_right) == (2, 1)
