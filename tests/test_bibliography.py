"""Works as notes cite them: a quoted title after its author, a title before its imprint."""

from __future__ import annotations

import pytest

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import recognize
from kgbuild.reference import ReferenceData

META = DocumentMeta("notes", "Notes", None, "1990", "en", "notes.txt")


def works(text: str) -> list[tuple[str, str | None]]:
    found = recognize(make_document(text, META), ReferenceData())
    return [(w.title, w.author) for w in found.works]


def test_a_quoted_article_title_after_its_author() -> None:
    text = ('[7] Peter Hansen, "The village soviets and their critics, 1922-25," Rural '
            "History Review, vol. 4, no. 2 (1981), pp. 11-40.")
    assert works(text) == [("The village soviets and their critics, 1922-25", "Peter Hansen")]


def test_single_quotes_and_initials() -> None:
    text = "On the schools see A. B. Morozova, ‘Ucheba v podpol’e’, Byloe, no. 3 (1926)."
    assert works(text) == [("Ucheba v podpol’e", "A. B. Morozova")]


def test_a_speakers_quotation_is_no_title() -> None:
    text = "At the meeting said Peter Hansen, “We shall win the harvest, comrades.”"
    assert works(text) == []


def test_a_book_before_its_imprint_in_any_case() -> None:
    text = "12 Morozova, A. B., Sel'skie sovety v gody nepa (2 vols; Moscow, 1931), p. 5."
    assert works(text) == [("Sel'skie sovety v gody nepa", "A. B. Morozova")]


def test_a_book_reprinted_in_a_collection_before_its_imprint() -> None:
    text = "The essay was later reprinted in Stat'i i rechi o derevne (Leningrad, 1927)."
    assert works(text) == [("Stat'i i rechi o derevne", None)]


def test_the_editor_after_the_title_is_no_part_of_it() -> None:
    text = "3 Hansen, P., Izbrannye stat'i, , ed. by Morozova, A. (Moscow, 1930)."
    assert works(text)[0] == ("Izbrannye stat'i", "P. Hansen")


def test_a_possessive_before_the_title_names_its_author() -> None:
    text = "The speech is printed in E. F. Lowe’s The Village Year (London, 1960)."
    assert ("The Village Year", "E. F. Lowe") in works(text)


@pytest.mark.parametrize(("text", "year"), [
    ('[7] Peter Hansen, "The village soviets and their critics, 1922-25," Rural History Review, '
     "vol. 4, no. 2 (1981), pp. 11-40.", "1981"),
    ("12 Morozova, A. B., Sel'skie sovety v gody nepa (2 vols; Moscow, 1931), p. 5.", "1931"),
    ("See Peter Hansen, Sovety i derevnia (Moscow, 1926–1947), vol. 2.", None),
])
def test_the_imprint_year_of_a_cited_work_is_its_date(text: str, year: str | None) -> None:
    (work,) = recognize(make_document(text, META), ReferenceData()).works
    assert work.published == year
