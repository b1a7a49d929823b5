"""The scorer behind `kgbuild evaluate` and evaluation/score.py: what counts as a match."""

from __future__ import annotations

import pytest

from kgbuild.evaluate import Candidate, fold, gold_entities, same_person, score_kind

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
])
def test_a_stance_target_is_the_same_person_by_surname_or_initials(
    said: str, meant: str | None, same: bool
) -> None:
    assert same_person(said, meant) is same
