"""Four short texts written for these tests in the bundled pamphlet's own style (other
people, works and congresses), annotated by hand in the format of
tests/data/annotations/README.md, in tests/data/period/, each built on its own and scored.

Rules were changed together with these texts and their annotations, so they guard against
regressions; they do not measure how kgbuild does on texts it was not written against
(evaluation/ and tests/test_real_texts.py do).

Figures when this test was written (micro-averaged over the four texts): persons F1 0.94,
works 0.82, meetings 0.89, resolutions 1.0, organizations 0.75; quotations and citations all
found, speakers 0.83 right; dated claims F1 0.84; stances 0.13 (see issue 4 notes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kgbuild.evaluate import KindScore, RecordScore, add_to, evaluate, score_records
from kgbuild.pipeline import build

PERIOD = Path(__file__).parent / "data" / "period"
TEXTS = sorted(PERIOD.glob("*.txt"))


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, KindScore],
                                                                   dict[str, RecordScore]]:
    entities: dict[str, KindScore] = {}
    records: dict[str, RecordScore] = {}
    for text in TEXTS:
        out = tmp_path_factory.mktemp(text.stem)
        build([text], out_dir=out)
        graph = Graph().parse(out / "graph.nt", format="nt")
        annotation = [text.with_suffix(".annotations.json")]
        for kind, score in evaluate(graph, annotation).items():
            add_to(entities.setdefault(kind, KindScore()), score)
        for kind, record in score_records(graph, annotation).items():
            add_to(records.setdefault(kind, RecordScore()), record)
    return entities, records


def test_there_are_four_annotated_texts() -> None:
    assert len(TEXTS) == 4
    assert all(t.with_suffix(".annotations.json").exists() and t.with_suffix(".json").exists()
               for t in TEXTS)


def test_entities_of_unseen_texts(scores: tuple[dict[str, KindScore], dict[str, RecordScore]]
                                  ) -> None:
    entities, _ = scores
    assert entities["persons"].f1 >= 0.88
    assert entities["works"].f1 >= 0.8
    assert entities["congresses"].f1 >= 0.85
    assert entities["resolutions"].f1 >= 0.75
    assert entities["organizations"].f1 >= 0.65


def test_quotations_citations_and_dates_of_unseen_texts(
        scores: tuple[dict[str, KindScore], dict[str, RecordScore]]) -> None:
    _, records = scores
    assert records["quotations"].f1 == 1.0
    assert records["quotations"].attribute_accuracy >= 0.8
    assert records["citations"].f1 == 1.0 and records["citations"].attribute_accuracy == 1.0
    assert records["dated_claims"].f1 >= 0.8


def test_stances_of_the_four_texts(
        scores: tuple[dict[str, KindScore], dict[str, RecordScore]]) -> None:
    """(line, target, polarity), micro-averaged: F1 0.44 (10 of 28 found, 17 read) when
    measured for issue 16. These texts annotate the author's own stances only, so a
    reported one ("she fought against Lenin") counts as wrong here."""
    _, records = scores
    assert records["stances"].strict_f1 >= 0.42, records["stances"].misses
