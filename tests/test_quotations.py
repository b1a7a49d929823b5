"""Quotations and citations on crafted snippets: each printed form the issue lists."""

from __future__ import annotations

import pytest

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.extract.citations import extract_citations, normalise_pages
from kgbuild.records import QuotationRecord
from kgbuild.reference import ReferenceData


def document(text: str):  # type: ignore[no-untyped-def]
    meta = DocumentMeta(slug="snippet", title="Snippet", author="Joseph Stalin", date="1926",
                        language="en", source_file="snippet.txt")
    return make_document(text, meta)


def quotations(text: str) -> list[QuotationRecord]:
    return extract_all(document(text), ReferenceData()).quotations


@pytest.mark.parametrize(("printed", "pages"), [
    ("p. 386", "386"), ("pp. 171-72", "171-172"), ("pp. 335-36", "335-336"),
    ("pp. 15, 14", "15,14"), ("pp. 192, 193", "192,193"), ("pp. 232-33", "232-233"),
    ("pp. 1171-1172", "1171-1172"),
])
def test_page_ranges_are_written_in_full(printed: str, pages: str) -> None:
    assert normalise_pages(printed) == pages


@pytest.mark.parametrize(("text", "volume", "pages", "raw"), [
    ("“x” (see Vol. XXIII, p. 386).", 23, "386", "see Vol. XXIII, p. 386"),
    ("all”? (See Vol. XXV, pp. 171-72.) Are", 25, "171-172", "See Vol. XXV, pp. 171-72"),
    ("tasks” (see Vol.\nXXIl, p. 315).", 22, "315", "see Vol. XXII, p. 315"),
    ("force” (see Vol. XX1V, p. 311).", 24, "311", "see Vol. XXIV, p. 311"),
    ("masses” (see Vol. XX VI, p.\n235).", 26, "235", "see Vol. XXVI, p. 235"),
    ("Party” (see Vol. XXV1, p. 64).", 26, "64", "see Vol. XXVI, p. 64"),
    ("heading (see Lenin Miscellany, Vol. 111, p. 497).", 3, "497",
     "see Lenin Miscellany, Vol. III, p. 497"),
])
def test_volume_references(text: str, volume: int, pages: str, raw: str) -> None:
    doc = document(text)
    (citation,) = extract_citations(doc)
    assert (citation.volume, citation.pages, citation.ibid) == (volume, pages, False)
    assert citation.raw == raw
    assert doc.raw[citation.evidence.start:citation.evidence.end] == citation.evidence.text
    assert citation.evidence.text.startswith(raw.split()[0])


def test_ibid_takes_volume_and_pages_of_the_reference_it_repeats() -> None:
    doc = document("“a” (see Vol. XXII, p. 315). “b” (ibid.). “c” (ibid., p. 318). "
                   "“d” (see Vol. XXVI, p. 238). “e” (ibid., p. 460).")
    found = [(c.volume, c.pages, c.ibid) for c in extract_citations(doc)]
    assert found == [(22, "315", False), (22, "315", True), (22, "318", True),
                     (26, "238", False), (26, "460", True)]


def test_references_naming_a_work_or_resolution() -> None:
    doc = document("“a” (see The Foundations of Leninism11). “b” (see Resolution of the "
                   "Congress on the Report of the Central Committee32). “c” (ibid. 22).")
    cited = [(c.cites, c.volume, c.endnote) for c in extract_citations(doc)]
    assert cited == [
        ("The Foundations of Leninism", None, None),
        ("Resolution of the Congress on the Report of the Central Committee", None, None),
        ("Resolution of the Congress on the Report of the Central Committee", None, 22),
    ]


def test_a_parenthesis_that_is_no_reference_is_ignored() -> None:
    assert extract_citations(document("the pamphlet (December 1924) and (Lenin).")) == []


def test_quotation_with_citation_and_speaker_from_lead_in() -> None:
    (quote,) = quotations("Here is what Lenin wrote about this:\n\n“From the democratic "
                          "revolution we shall at once begin to pass to the socialist "
                          "revolution” (see Vol. VIII, p. 186).")
    assert quote.speaker == "Lenin"
    assert quote.text.startswith("From the democratic revolution")
    assert quote.citation is not None and quote.citation.volume == 8


def test_interrupted_quotation_is_one_passage_with_its_speaker() -> None:
    (quote,) = quotations("“The dictatorship of the proletariat,” says Lenin, “is a special "
                          "form of class alliance between the proletariat and the peasantry.”")
    assert quote.speaker == "Lenin"
    assert quote.text == ("The dictatorship of the proletariat, is a special form of class "
                          "alliance between the proletariat and the peasantry.")


def test_paragraphs_each_opened_with_a_quote_mark_are_one_quotation() -> None:
    text = ("Lenin says:\n\n“First paragraph of the quoted passage goes on here.\n\n"
            "“Second paragraph of the same passage ends here” (see Vol. XXIV, p. 5).")
    (quote,) = quotations(text)
    assert "First paragraph" in quote.text and "Second paragraph" in quote.text
    assert "“" not in quote.text and "\n" not in quote.text
    assert quote.citation is not None and quote.citation.pages == "5"


def test_page_break_and_stray_page_number_inside_a_quotation() -> None:
    text = ("Zinoviev thinks that:\n\n“Leninism is Marxism of the era of imperialist wars "
            "and of the world revolution\n1\nwhich began directly in a country where the\n\n\n"
            "peasantry predominates.”1\n")
    (quote,) = quotations(text)
    assert quote.speaker == "Zinoviev"
    assert quote.text.endswith("where the peasantry predominates.")
    assert " 1 " not in quote.text
    assert quote.endnote == 1


def test_scare_quotes_are_not_quotations_but_cited_short_phrases_are() -> None:
    assert quotations("the “permanentists” and the “New Opposition” disagree.") == []
    (quote,) = quotations("Is Lenin’s thesis that it is the “root content of the\nproletarian "
                          "revolution” correct? (See Vol. XXIII, p. 337.)")
    assert quote.speaker == "Lenin" and quote.citation is not None


def test_emphasis_marks_set_the_flag_and_leave_the_text() -> None:
    (quote,) = quotations("Lenin says:\n\n“Only an agreement with the peasantry®* can save "
                          "the socialist revolution**” (see Vol. XXVI, p. 238).")
    assert quote.emphasis
    assert "*" not in quote.text and "®" not in quote.text


def test_speaker_after_the_quotation_in_parentheses() -> None:
    (quote,) = quotations("“The Party is the highest form of class organisation of the "
                          "proletariat” (Lenin).")
    assert quote.speaker == "Lenin"


def test_quoted_from_a_named_work_of_the_author() -> None:
    (quote,) = quotations("That is why, in my pamphlet The October Revolution and the Tactics "
                          "of the Russian Communists (December 1924), I broadened it. Here is "
                          "what is stated in that pamphlet:\n\n“Hitherto only one aspect of the "
                          "theory has usually been noted.”8")
    assert quote.source_work == "The October Revolution and the Tactics of the Russian Communists"
    assert quote.speaker is None and quote.endnote == 8


def test_quoted_from_a_congress() -> None:
    (quote,) = quotations("The Fourteenth Congress of the C.P.S.U.(B.), therefore, was right "
                          "in declaring:\n\n“The main path of building socialism in the "
                          "countryside consists in co-operation.”")
    assert quote.source_meeting is not None and quote.source_meeting.ordinal == 14
    assert quote.speaker is None


def test_ibid_quotation_keeps_the_previous_speaker() -> None:
    text = ("“Firstly, there were the problems of internal organisation,” says Lenin, "
            "“which confront every revolution” (see Vol. XXII, p. 315).\n\n"
            "“Secondly, there were the problems of the international question itself” "
            "(ibid., p. 318).")
    first, second = quotations(text)
    assert first.speaker == second.speaker == "Lenin"
    assert second.citation is not None and (second.citation.volume, second.citation.pages) == (
        22, "318")


def test_straight_quotes_are_read_as_quotation_marks() -> None:
    (quote,) = quotations('Bukharin says: "the peasantry will grow into socialism through '
                          'the co-operatives" (see Vol. XXVII, p. 392).')
    assert quote.speaker == "Bukharin"
    assert quote.text.startswith("the peasantry will grow")


def test_an_editor_s_note_pointer_is_no_word_of_the_quotation() -> None:
    (quotation,) = quotations("Danton used to say: “Boldness, and again boldness[3], and "
                              "always boldness, will save the republic.”\n")
    assert quotation.text == ("Boldness, and again boldness, and always boldness, will save "
                              "the republic.")
    assert "[3]" in quotation.evidence.text  # the evidence keeps the text as printed
