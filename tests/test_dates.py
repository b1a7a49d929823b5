"""Dated claims: each printed date form, what it dates, and dates flowing onto entities."""

from __future__ import annotations

import pytest

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.extract.dateforms import certain_part, find_dates
from kgbuild.records import DatedClaimRecord, WorkMention
from kgbuild.reference import ReferenceData


def claims(text: str) -> list[DatedClaimRecord]:
    meta = DocumentMeta(slug="s", title="S", author="Joseph Stalin", date="1926-01-25",
                        language="en", source_file="s.txt")
    return extract_all(make_document(text, meta), ReferenceData()).dated_claims


@pytest.mark.parametrize(("text", "iso", "edtf"), [
    ("published on September 1, 1905.", "1905-09-01", "1905-09-01"),
    ("January 25, 1926", "1926-01-25", "1926-01-25"),
    ("on April 18 (May 1), 1917, the", "1917-05-01", "1917-05-01"),
    ("in December 1924 he", "1924-12", "1924-12"),
    ("(May 1924, first edition)", "1924-05", "1924-05"),
    ("was adequate in 1921, when", "1921", "1921"),
    ("On Co-operation (1923)", "1923", "1923"),
    ("the discussion of 1924, on", "1924", "1924"),
    ("as far back as 1905:", "1905", "1905"),
    ("in the year 1925, says", "1925", "1925"),
    ("the forties of the last century.", "1840/1849", "184X"),
    ("the Civil War of 1918-1920 ended", "1918/1920", "1918/1920"),
    ("in the years 1918–20, when", "1918/1920", "1918/1920"),
    ("from 1905 to 1907 the", "1905/1907", "1905/1907"),
    ("On 18 December 1925 the congress", "1925-12-18", "1925-12-18"),
    ("dated Dec. 3, 1924, and", "1924-12-03", "1924-12-03"),
    ("Report No. 3, dated 1925, was", "1925", "1925"),
    ("(1925-12-18)", "1925-12-18", "1925-12-18"),
    ("met from March 27-April 2, 1922.", "1922-03-27/1922-04-02", "1922-03-27/1922-04-02"),
    ("sat June 17 to July 8, 1924.", "1924-06-17/1924-07-08", "1924-06-17/1924-07-08"),
    ("appeared from July 1, 1857 to April 1865 in London", "1857-07-01/1865-04",
     "1857-07-01/1865-04"),
    ("lasted from 5 March 1917 until October 1918.", "1917-03-05/1918-10", "1917-03-05/1918-10"),
    ("born on 15 February 1886 (old style) in", "1886-02-27", "1886-02-27"),
    ("on 25 October 1917 (O.S.) the", "1917-11-07", "1917-11-07"),
    ("dated 1 March 1899 (OS), it", "1899-03-13", "1899-03-13"),
    ("[April 27-29, 1925]", "1925-04-27/1925-04-29", "1925-04-27/1925-04-29"),
    ("held 27-29 April 1925 in", "1925-04-27/1925-04-29", "1925-04-27/1925-04-29"),
    ("the vote of 15 (28) December 1912", "1912-12-28", "1912-12-28"),
    ("on 25 October (7 November) 1917", "1917-11-07", "1917-11-07"),
    ("Works, January-November, 1926", "1926-01/1926-11", "1926-01/1926-11"),
    ("in December, 1925, the", "1925-12", "1925-12"),
    ("the economic year 1925-26 showed", "1925/1926", "1925/1926"),
    ("in the spring of 1917 the", "1917", "1917-21"),
    ("Autumn 1924 saw", "1924", "1924-23"),
    ("the 1890s were", "1890/1899", "189X"),
    ("Written: 1921\nSource:", "1921", "1921"),
    ("sat from Jan. 5 to Jan. 9,1924, in", "1924-01-05/1924-01-09", "1924-01-05/1924-01-09"),
    ("(2 Feb 1919 - 4 Feb 1919)", "1919-02-02/1919-02-04", "1919-02-02/1919-02-04"),
    ("from May 3 to May 9 (May 16–22), 1912 in", "1912-05-16/1912-05-22",
     "1912-05-16/1912-05-22"),
    ("opened on March 1 (14, New Style), 1917.", "1917-03-14", "1917-03-14"),
    ("founded on June 9 [1921], but", "1921-06-09", "1921-06-09"),
    ("from April 2, 1871 to March 5, 1872", "1871-04-02/1872-03-05", "1871-04-02/1872-03-05"),
    ("In 1919 the press", "1919", "1919"),
    ("Kamenev (born 1883) was", "1883", "1883"),
    ("after the 1905 Revolution the", "1905", "1905"),
    ("the Winter, 1919, conference", "1919", "1919-24"),
    ("First published | 1925 Bolshevik No. 3 |", "1925", "1925"),
    ("Notes on Economics, 1899\n", "1899", "1899"),
    ("Who needs the strike? 1906\n", "1906", "1906"),
    ("the economy of the 1930s", "1930/1939", "193X"),
])
def test_date_forms(text: str, iso: str, edtf: str) -> None:
    ((_, value),) = find_dates(text, 1926)
    assert (value.iso, value.edtf) == (iso, edtf)


def test_relative_and_month_only_dates_count_from_the_date_before() -> None:
    found = [(m.group(0), v.iso) for m, v in find_dates(
        "Lenin wrote this as far back as 1905. And here is what he wrote sixteen years "
        "later. The Soviets arose in February 1917 and seized power in October.", 1926)]
    assert found == [("as far back as 1905", "1905"), ("sixteen years later", "1921"),
                     ("February 1917", "1917-02"), ("in October", "1917-10")]


def test_days_listed_before_a_date_share_its_month_and_year() -> None:
    found = find_dates("Moscow, 9th, 10th, and 14th January, 1920.", 1926)
    assert [value.iso for _, value in found] == ["1920-01-09", "1920-01-10", "1920-01-14"]
    assert [value.iso for _, value in find_dates("see pp. 12 and 14 May 1921", 1926)] == [
        "1921-05-14"]


@pytest.mark.parametrize("text", ["The issues of June 5 & 12, 1924 say so.",
                                  "The issues of June 5 and 12, 1924 say so."])
def test_two_days_of_a_month_first_date_share_its_month_and_year(text: str) -> None:
    assert [value.iso for _, value in find_dates(text, 1926)] == ["1924-06-05", "1924-06-12"]


def test_numbers_that_are_not_years_are_not_dates() -> None:
    assert find_dates("(see Vol. XXV, p. 1920) and No. 279 and pp. 171-72, pp. 1589-90", 1926
                      ) == []


def test_a_date_after_a_title_dates_the_work() -> None:
    (claim,) = claims("That is why, in my pamphlet The October Revolution and the Tactics of "
                      "the Russian Communists (December 1924), I broadened this.")
    assert isinstance(claim.about, WorkMention) and claim.dates_entity
    assert claim.about.title == "The October Revolution and the Tactics of the Russian Communists"
    assert claim.date.iso == "1924-12"
    assert claim.statement.startswith("That is why, in my pamphlet")


@pytest.mark.parametrize(("text", "title", "iso"), [
    ("His article “On the Village Schools”, written in January 1923, was answered.",
     "On the Village Schools", "1923-01"),
    ("The pamphlet Our Village Tasks appeared in 1925 and sold well.", "Our Village Tasks",
     "1925"),
    ("The book The Village Question came out in March 1926 in Moscow.", "The Village Question",
     "1926-03"),
    # a passive verb, "which" with a verb, a title ending in "?", the periodical between
    ("His letter Against the Tax was written in July 1925 in exile.", "Against the Tax",
     "1925-07"),
    ("The pamphlet Our Tasks, which appeared in May 1924, sold well.", "Our Tasks", "1924-05"),
    ("The pamphlet Who Needs the Tax?, published in 1922, was banned.", "Who Needs the Tax",
     "1922"),
    ("The article “On Village Schools” was first published in Pravda on March 4, 1923.",
     "On Village Schools", "1923-03-04"),
])
def test_a_verb_ties_a_date_to_the_work_before_it(text: str, title: str, iso: str) -> None:
    dated = [c for c in claims(text) if c.dates_entity]
    assert [(c.about.title, c.date.iso) for c in dated if isinstance(c.about, WorkMention)] == [
        (title, iso)]


def test_a_year_after_a_quoted_title_dates_the_work() -> None:
    (claim,) = claims("M. Ivanov\n\n\"The Party and the Village Question\" (1921), from his "
                      "Selected Writings.\n")
    assert isinstance(claim.about, WorkMention) and claim.dates_entity
    assert (claim.about.title, claim.date.iso) == ("The Party and the Village Question", "1921")


@pytest.mark.parametrize("source", [
    "Source: The Communist Review, February 1924;",
    "Printed in The Communist Review, February 1924, with cuts.",
])
def test_the_issue_a_source_line_names_dates_the_text(source: str) -> None:
    text = (f"M. Ivanov\n\nThe Party and the Village Question\n\n{source}\n"
            "Transcribed: by A. Reader.\n\n"
            "Comrades, the village question is an old one and we shall not settle it today.\n")
    dated = [c for c in claims(text) if c.dates_entity and isinstance(c.about, WorkMention)]
    assert [(c.about.title, c.date.iso) for c in dated] == [
        ("The Party and the Village Question", "1924-02")]


def test_a_date_under_a_heading_in_parts_dates_its_last_part() -> None:
    text = ("Report of the Fourth Congress/The Closing Speech of Comrade Ivanov\n\n"
            "The Closing Speech of Comrade Ivanov\n\n"
            "Delivered at the Tenth Session of the Congress with a long subtitle running on,\n"
            "June 29th, 1921.\n\nComrades, I will be very brief today.\n")
    dated = [c for c in claims(text) if c.dates_entity]
    assert [(c.about.title, c.date.iso) for c in dated if isinstance(c.about, WorkMention)] == [
        ("The Closing Speech of Comrade Ivanov", "1921-06-29")]


def test_written_in_and_when_clauses_date_the_work() -> None:
    first, second, third = claims(
        "The opposition cites Lenin’s pamphlet The Tax in Kind. "
        "Let us turn to Lenin’s pamphlet On Co-operation, written in 1923. Such an "
        "interpretation was adequate in 1921, when The Tax in Kind was written. How else "
        "are we to explain that Lenin changed his view two years after The Tax in Kind was "
        "written?")
    assert (first.about.title, first.date.iso, first.dates_entity) == (  # type: ignore[union-attr]
        "On Co-operation", "1923", True)
    assert (second.about.title, second.date.iso) == ("The Tax in Kind", "1921")  # type: ignore[union-attr]
    assert third.date.iso == "1923" and not third.dates_entity


def test_a_count_from_an_undated_event_is_not_a_claim() -> None:
    assert [c.date_text for c in claims(
        "In April 1925 the resolution was adopted, and nearly two years after the "
        "ideological struggle he repeats it.")] == ["April 1925"]


def test_a_date_alone_on_its_line_is_the_dateline() -> None:
    (claim,) = claims("the victory of socialist construction.\n\nJanuary 25, 1926\n")
    assert claim.dateline and claim.date.iso == "1926-01-25"


@pytest.mark.parametrize(("text", "certain"), [
    ("December 18-31, 1925", "1925-12"),
    ("March 27-April 2, 1922", "1922"),
    ("in the spring of 1917", "1917"),
    ("from 1918 to 1920", None),
    ("the forties of the last century", None),
    ("January 25, 1926", "1926-01-25"),
])
def test_the_typed_date_is_only_what_the_text_is_certain_of(text: str, certain: str | None
                                                            ) -> None:
    ((_, value),) = find_dates(text, 1926)
    assert certain_part(value) == certain


def test_a_partial_date_takes_the_year_before_it() -> None:
    found = [v.iso for _, v in find_dates("The letter of May 2, 1921 was answered on June 8.",
                                          1926)]
    assert found == ["1921-05-02", "1921-06-08"]
    assert find_dates("It was answered on June 8.", 1926) == []


@pytest.mark.parametrize("text", [
    "Foreign Languages Publishing House, Moscow, 1953.",
    "Progress Publishers, 1972.",
])
def test_an_imprint_year_is_no_date(text: str) -> None:
    assert find_dates(text, 1926) == []


def test_an_issue_number_is_no_day() -> None:
    ((_, value),) = find_dates("Sbornik No. 2\nDecember 1916", 1926)
    assert value.iso == "1916-12"


def test_the_same_date_twice_apart_is_two_claims() -> None:
    between = "The article went through the hands of three editors before it was printed. " * 4
    assert len(claims(f"From Bolshevik. April, 1925.\n\n{between}\n\nFrom Bolshevik. No. 7. "
                      "April, 1925.")) == 2


def test_two_years_joined_by_and_are_two_dates_unless_between() -> None:
    assert [v.iso for _, v in find_dates("in 1919 and 1920 the", 1926)] == ["1919", "1920"]
    assert [v.iso for _, v in find_dates("between 1905 and 1907 the", 1926)] == ["1905/1907"]


def test_a_day_first_date_without_year_takes_the_year_before() -> None:
    found = [v.iso for _, v in find_dates("The plenum of July 1929 chose 1 August.", 1926)]
    assert found == ["1929-07", "1929-08-01"]


def test_the_year_in_a_scans_page_name_is_still_a_claim() -> None:
    found = claims("Page:Petrov - The Village and the Town (1924).pdf/88\n\nThe text begins.\n")
    assert [c.date.iso for c in found] == ["1924"]


def test_a_day_that_does_not_exist_is_no_typed_date() -> None:
    """A misread or misprinted day ("31/2/17") gives no xsd:date; a real one does."""
    from rdflib.namespace import XSD

    from kgbuild.extract.titles import _numeric_date
    from kgbuild.rdf.literals import date_literal

    assert _numeric_date("31/2/17") is None
    assert _numeric_date("17/6/17") == "1917-06-17"
    assert date_literal("1917-02-31") is None and date_literal("1917-13") is None
    literal = date_literal("1917-02-28")
    assert literal is not None and literal.datatype == XSD.date
    assert date_literal("1924-05").datatype == XSD.gYearMonth  # type: ignore[union-attr]
