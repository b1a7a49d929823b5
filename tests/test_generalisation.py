"""The extractors find entities from the language, not from the reference data.

The bundled text is built with the reference data emptied: no names, aliases, titles or
Wikidata ids. Figures measured when this test was written (whole text, 22 persons, 19 works,
9 meetings, 3 resolutions named): 22 persons, 20 works, 10 meetings, 3 resolutions found;
on the dev annotations persons F1 0.94 (only "J. St." is missed: an alias needs the data),
works F1 1.0, quotations all found with the right speaker.
"""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kgbuild.evaluate import evaluate, score_records
from kgbuild.pipeline import build
from kgbuild.rdf.namespaces import KGO

from .conftest import DEV_ANNOTATIONS


@pytest.fixture(scope="module")
def bare_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    empty = tmp_path_factory.mktemp("no-reference-data")
    out = tmp_path_factory.mktemp("out")
    build(out_dir=out, reference_dir=empty)
    return Graph().parse(out / "graph.nt", format="nt")


def labels(graph: Graph, *classes: object) -> set[str]:
    return {str(graph.value(s, RDFS.label)) for cls in classes
            for s in graph.subjects(RDF.type, cls)}


def test_most_entities_are_found_without_reference_data(bare_graph: Graph) -> None:
    persons = labels(bare_graph, KGO.Person)
    assert len(persons) >= 20
    assert {"Lenin", "Zinoviev", "Kamenev", "Trotsky", "Kautsky", "Sorin", "Yakovlev",
            "Sukhanov", "Tanner", "Kerensky", "MacDonald"} <= persons
    works = labels(bare_graph, KGO.Work)
    assert len(works) >= 17
    assert {"On Co-operation", "The Tax in Kind", "The Foundations of Leninism",
            "In Memory of Lenin", "Leninism", "The State and Revolution"} <= works
    meetings = labels(bare_graph, KGO.Congress, KGO.Conference, KGO.Plenum)
    assert len(meetings) >= 8
    assert {"Second Congress of the Comintern", "Tenth Party Congress"} <= meetings
    assert len(labels(bare_graph, KGO.Resolution)) == 3


def test_dev_scores_without_reference_data(bare_graph: Graph) -> None:
    scores = evaluate(bare_graph, DEV_ANNOTATIONS)
    assert scores["persons"].f1 >= 0.9, scores["persons"].missed
    assert scores["works"].f1 >= 0.9, scores["works"].missed
    records = score_records(bare_graph, DEV_ANNOTATIONS)
    assert records["quotations"].f1 >= 0.95
    assert records["quotations"].attribute_accuracy >= 0.9, records["quotations"].misses
    assert records["citations"].attribute_accuracy == 1.0


def test_no_wikidata_links_without_reference_data(bare_graph: Graph) -> None:
    assert not list(bare_graph.subject_objects(predicate=OWL.sameAs))
