"""References outside parentheses: apparatus source lines and bibliographic notes."""

from __future__ import annotations

import pytest

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import recognize
from kgbuild.extract.citations import extract_citations
from kgbuild.extract.references import extract_references
from kgbuild.records import CitationRecord
from kgbuild.reference import ReferenceData


def references(text: str, author: str | None = "J. V. Stalin") -> list[CitationRecord]:
    meta = DocumentMeta(slug="s", title="S", author=author, date=None, language="en",
                        source_file="s.txt")
    doc = make_document(text, meta)
    return extract_references(doc, extract_citations(doc))


@pytest.mark.parametrize(("text", "volume", "pages", "issue", "edition"), [
    ("Title\n\nSource: Works, Vol. 9, pp. 12-19\n", 9, "12-19", None, "Works (J. V. Stalin)"),
    ("Source: Inprecorr, Vol 6, No. 44, May 6, 1926, pp. 101-4\n", 6, "101-104", "44",
     "Inprecorr"),
    ("First Published: Pravda No. 21, March 3, 1923\n", None, None, "21", "Pravda"),
    ("This, he argued, was decisive (see Marx and Engels, Selected Works, Vol. II, Moscow, "
     "1951, p. 37).", 2, "37", None, "Selected Works (Marx and Engels)"),
    ("The speech was printed at once.4 Bolshevik, xii, 7, p. 512, 30 April 1927\n", 12, "512",
     "7", "Bolshevik"),
    ("He quotes Lenin, Selected Works, Vol. I, p. 19.\n", 1, "19", None,
     "Selected Works (Lenin)"),
    ("The minutes survive (GARF, f. 130, op. 2, d. 17, ll. 4-9).", None, "4-9", None, "GARF"),
    ("(Reprinted from Bednota of March 3rd, 1919.)\n", None, None, None, "Bednota"),
    ("[4] A. B. Smith, \"The Party Schools,\" Slavic Review, vol. 25, no. 3 (1966), pp. "
     "370–91.\n", 25, "370-391", "3", "The Party Schools"),
    ("[5] See Entsiklopediia (Moscow, 1930), vol. 13, columns 386–89.\n", 13, "386-389",
     None, "Entsiklopediia"),
    ("[6] Izbrannye sochineniia (Moscow, 1957), II, pp. 133-143.\n", 2, "133-143", None, None),
    ("[7] Baron, S. H., The Father of Russian Marxism (Stanford, 1963), pp. 12-14.\n", None,
     "12-14", None, "The Father of Russian Marxism"),
    ("[8] Cohen, Stephen F. Bukharin and the Revolution. New York, 1973, p. 45.\n", None, "45",
     None, "Bukharin and the Revolution"),
    # a name printed surname first is the author, not the title
    ("Source: Petrova Maria, Village Soviets Today, 1997, p. 12;\n", None, "12", None,
     "Village Soviets Today"),
    ("[2] Supplement to the Modern Encyclopedia of Russian History, 1:5-9.\n", 1, "5-9", None,
     "Supplement to the Modern Encyclopedia of Russian History"),
    ("Source: Workers Weekly, Issue: 114\n", None, None, "114", "Workers Weekly"),
    ("The telegram survives: RGASPI. F. 85. Op. 13. D. 6. L. 1.\n", None, "1", None, None),
    ("[3] Ivanov I. I. Selected Articles. M., 1939. P. 80.\n", None, "80", None, None),
    ("He had said so before (see also Note No. 2) and said it again.\n", None, None, None,
     None),
    ("From V. I. Lenin, Collected Works, 4th English Edition,\nProgress Publishers, Moscow, "
     "1964,\n\nVol. 23, pp. 105-20\n", 23, "105-120", None, "Collected Works (V. I. Lenin)"),
])
def test_reference_forms(text: str, volume: int | None, pages: str | None, issue: str | None,
                         edition: str) -> None:
    (reference,) = references(text)
    assert (reference.volume, reference.pages, reference.issue, reference.edition) == (
        volume, pages, issue, edition)


@pytest.mark.parametrize("text", [
    "From 1914 to 1916 he worked in the statistical department.\n",
    "First Published: Moscow, February 2, 1924\n",
    "The notes end with the page they belong to. [p. 245]\n",
    "He read Resolution No. 12 of the congress aloud.\n",
    "(see Vol. XXV, p. 173)",  # the parenthesised form's, not found twice
    "The meeting began at 10:30 in the morning, and at 11:15 it ended.\n",
    # an imprint or a credit of the apparatus, and a site's navigation bar
    "Publisher: State Publishing House, Moscow, 1947\n",
    "Translated: Workers Library, New York, 1932\n",
    "Contents | Volume 12 | Selected Works | Archive Index\n",
    # a volume heading under a collection's title
    "SPEECHES OF THE FIRST YEARS\nVolume 2\n\nA Speech\n\nComrades, we begin.\n",
])
def test_what_is_no_reference_of_this_kind(text: str) -> None:
    assert references(text) == []


@pytest.mark.parametrize(("text", "volume", "pages", "edition"), [
    # Russian and German editions, short forms of volume and page
    ("He wrote so later (Lenin, Sochineniya, t. 5, s. 40).\n", 5, "40", "Sochineniya (Lenin)"),
    ("See Lenin, Sochineniia, 4th ed., t. XXV, str. 173.\n", 25, "173", "Sochineniia (Lenin)"),
    ("Cf. Marx-Engels, Werke, Bd. 23, S. 790.\n", 23, "790", "Werke (Marx-Engels)"),
    ("See Lenin, Collected Works, v. 31, pg. 44.\n", 31, "44", "Collected Works (Lenin)"),
    # an abbreviation's full stop ends no reference and opens none
    ("See Lenin, Collected Works, 4th Eng. ed., vol. 29, p. 12.\n", 29, "12",
     "Collected Works (Lenin)"),
    ("Lenin, Selected Works (London, 1936), Vol. VII, p. 88.\n", 7, "88",
     "Selected Works (Lenin)"),
    # pages written out after a comma, and on the next line after one
    ("See Stalin, Works, Volume 8, pages 34-39.\n", 8, "34-39", "Works (Stalin)"),
    ("See Collected Works, Vol. 29,\npp. 12-13.\n", 29, "12-13", "Collected Works (J. V. Stalin)"),
    # a source label alone on its line; a volume going on on the next line
    ("Source:\nCollected Works, Progress Publishers, Moscow, Volume 32, pages 12-13.\n", 32,
     "12-13", "Collected Works (J. V. Stalin)"),
    ("Source: Collected Works, Progress Publishers, 1965, Moscow\nVolume 32, pages 12-13.\n",
     32, "12-13", "Collected Works (J. V. Stalin)"),
    # the volume after a blank line; pages with their column, as printed
    ("From N. Bukharin, Selected Writings, Second Edition,\nWorkers Library, Moscow, 1932\n\n"
     "Vol. 4, pp. 10-18.\n", 4, "10-18", "Selected Writings"),
    ("Source: Selected Works, State Press, 1930, Moscow, Volume 12, pages 101b-102a.\n", 12,
     "101b-102a", "Selected Works (J. V. Stalin)"),
    # German "Band", and a name before it opens the reference, not a second one
    ("The passage is an early one (see Marx-Engels, Werke, Band 5, S. 12).\n", 5, "12",
     "Werke (Marx-Engels)"),
])
def test_edition_and_apparatus_families(text: str, volume: int, pages: str,
                                        edition: str) -> None:
    (reference,) = references(text)
    assert (reference.volume, reference.pages, reference.edition,
            reference.evidence.line) == (volume, pages, edition, 1)


def test_an_issue_after_the_volumes_full_stop_is_the_same_reference() -> None:
    (reference,) = references("‘On the Harvest’ by Ivan Petrov from The Worker. Vol. 6. Nos. "
                              "5 & 7. January 15 & 22, 1926.\n")
    assert (reference.volume, reference.issue) == (6, "5")


@pytest.mark.parametrize(("text", "line", "raw", "volume", "pages", "issue"), [
    # the source a journal article's heading names, by the issue's date alone or by number
    ("‘How We Work’ by Maria Petrova from The Village Worker. May, 1927.\n\nText.\n", 1,
     "from The Village Worker. May, 1927", None, None, None),
    ("Intro.\n‘How We Work’ from The Worker. Vol. 3 No. 7. June, 1926.\n", 2,
     "from The Worker. Vol. 3 No. 7. June, 1926", 3, None, "7"),
    # the scan page a Wikisource page prints over its text
    ("Page:Petrov - The Village and the Town (1924).pdf/88\n\nText.\n", 1,
     "Page:Petrov - The Village and the Town (1924).pdf/88", None, "88", None),
    # a label whose issue number is on the next line
    ("Written in May 1916\nPrinted in Sbornik\nSbornik Rabochego No. 3\nJune 1916\n", 2,
     "Printed in Sbornik Sbornik Rabochego No. 3", None, None, "3"),
])
def test_heading_scan_and_label_sources(text: str, line: int, raw: str, volume: int | None,
                                        pages: str | None, issue: str | None) -> None:
    (reference,) = references(text)
    assert (reference.evidence.line, reference.raw, reference.volume, reference.pages,
            reference.issue) == (line, raw, volume, pages, issue)


def test_a_periodical_issue_named_by_its_date_is_no_work() -> None:
    meta = DocumentMeta(slug="s", title="S", author=None, date=None, language="en",
                        source_file="s.txt")
    doc = make_document("‘How We Work’ by Maria Petrova from The Village Worker. May, 1927.\n",
                        meta)
    assert [w.title for w in recognize(doc, ReferenceData()).works] == ["How We Work"]


def test_two_sentences_of_a_source_line_each_with_a_reference_are_two() -> None:
    first, second = references("Title\n\nPublished: First published in 1957 in the journal "
                               "Village History No. 3. A brief report appeared on May 4, 1921 "
                               "in The Worker No. 51. Printed from the minutes.\n")
    assert (first.issue, second.issue, first.evidence.line, second.evidence.line) == (
        "3", "51", 3, 3)


def test_a_volume_and_its_number_after_a_full_stop_are_one_reference() -> None:
    (reference,) = references("Title\n\nSource: The Worker, Vol. 7. No. 73, May 1925.\n")
    assert (reference.volume, reference.issue) == (7, "73")


def test_an_imprint_after_a_semicolon_is_no_second_reference() -> None:
    (reference,) = references("Source: Selected Works, Volume 12, pages 45–52; State "
                              "Publishers, Moscow 1931\n")
    assert (reference.volume, reference.pages) == (12, "45-52")


def test_transcribed_from_names_a_source() -> None:
    (reference,) = references("Title\n\nTranscribed from: The Village Worker, 12 May 1923\n")
    assert reference.raw == "Transcribed from: The Village Worker, 12 May 1923"


def test_a_source_line_goes_on_over_a_line_ending_with_a_comma() -> None:
    (reference,) = references("Source: Works, Foreign Languages Publishing House,\n"
                              "Moscow, 1954, Vol. 6, pp. 40-44\n")
    assert (reference.volume, reference.pages, reference.evidence.line) == (6, "40-44", 1)


def test_the_edition_a_reference_names_is_a_work_of_its_author() -> None:
    meta = DocumentMeta(slug="s", title="S", author="J. V. Stalin", date=None, language="en",
                        source_file="s.txt")
    doc = make_document("A Speech\n\nSource: Works, Vol. 9, pp. 12-19\n", meta)
    (edition,) = [w for w in recognize(doc, ReferenceData()).works if w.cue == "edition"]
    assert (edition.title, edition.author, edition.evidence.text) == (
        "Works (J. V. Stalin)", "J. V. Stalin", "Works")


def test_a_work_referred_to_by_its_title() -> None:
    (reference,) = references("(For the text see the book Theses of the Sixth Plenum of the "
                              "Executive, Moscow, 1926.)")
    assert reference.cites == "Theses of the Sixth Plenum of the Executive"


def test_a_semicolon_closing_an_html_entity_splits_nothing() -> None:
    (reference,) = references("Source: The Worker, &#8220;Special Number,&#8221; May 1925\n")
    assert reference.raw.endswith("May 1925")


def test_a_book_named_with_its_editors_and_imprint() -> None:
    (reference,) = references("Anna Berg and Karl Holm (eds), Die Rote Woche: Briefe aus Moskau, "
                              "(Berlin: Dietz Verlag), pp412.\n")
    assert (reference.edition, reference.pages) == ("Die Rote Woche: Briefe aus Moskau", None)


def test_two_volumes_of_a_source_line_are_two_references_of_one_periodical() -> None:
    first, second = references("Source: Inprecorr Vol. 6. No. 12 and Vol. 7. No. 3.\n")
    assert (first.volume, first.issue, second.volume, second.issue) == (6, "12", 7, "3")
    assert first.edition == second.edition == "Inprecorr"


def test_a_text_from_an_encyclopedia_of_a_year() -> None:
    (reference,) = references("This entry is from The Small Soviet Encyclopedia (1930). It was "
                              "written by its editors.")
    assert reference.cites == "The Small Soviet Encyclopedia"


def test_the_imprint_of_a_reference() -> None:
    (reference,) = references("Source: Works, Foreign Languages Publishing House, Moscow, 1954, "
                              "Vol. 6, pp. 40-44\n")
    assert (reference.place, reference.publisher, reference.year) == (
        "Moscow", "Foreign Languages Publishing House", 1954)


def test_an_imprint_without_brackets_ends_a_reference() -> None:
    (reference,) = references("The speeches are quoted from: Nikolai Krylenko, Speeches on the "
                              "Courts, Moscow 1931.\n")
    assert (reference.place, reference.year) == ("Moscow", 1931)
    assert reference.raw.endswith("Speeches on the Courts, Moscow 1931")
    assert reference.edition == "Speeches on the Courts"  # the author's name is no title
    assert references("The delegates met again in Moscow, 1921 was a hard year.\n") == []


def work_titles(text: str) -> list[str]:
    meta = DocumentMeta(slug="s", title="S", author=None, date=None, language="en",
                        source_file="s.txt")
    return [w.title for w in recognize(make_document(text, meta), ReferenceData()).works]


def test_a_library_or_archive_a_source_names_is_no_work() -> None:
    assert work_titles("Source: The Workers’ Library;\nTranscribed: 2021.\n") == []


def test_a_one_word_source_is_a_periodical_not_a_work() -> None:
    assert "Bednota" not in work_titles("A Speech\n\nSource: Bednota, March 1919, pp. 2-3\n")


def test_a_long_run_of_capitals_before_a_page_is_read_in_one_pass() -> None:
    # OCR'd capitals could be split into words in exponentially many ways: thirty capitals
    # took minutes before each word became one unit
    found = references("NOTES ON THE COLLECTED WORKS OF THE PARTY, p. 12.\n")
    assert [(r.raw, r.pages) for r in found] == [
        ("NOTES ON THE COLLECTED WORKS OF THE PARTY, p. 12", "12")]


def test_a_journal_page_s_link_after_each_reference_is_no_part_of_the_next() -> None:
    text = ("Accounts include Ivanov, I., The Party (Moscow, 1924), pp. 66–77;Google Scholar "
            "Petrov, P., The Village (Leningrad, 1926), ch. 4, pp. 12–15.Google Scholar\n")
    assert [r.raw for r in references(text)] == [
        "Ivanov, I., The Party (Moscow, 1924), pp. 66–77",
        "Petrov, P., The Village (Leningrad, 1926), ch. 4, pp. 12–15"]


def test_an_edition_named_with_its_owner_is_the_reference_edition(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"Lenin, Collected Works" and "V. I. Lenin, Collected Works" are both the reference
    edition whose author is Lenin, one node, not two beside it."""
    from rdflib import Graph, URIRef

    from kgbuild.pipeline import build

    text = tmp_path / "speech.txt"
    text.write_text("A SPEECH\n\nThe soviets must learn to trade (Lenin, Collected Works, "
                    "Vol. 30, pp. 417-425).\n\nSource: V. I. Lenin, Collected Works, Vol. 31, "
                    "p. 12.\n", encoding="utf-8")
    build([text], tmp_path / "out", jobs=1)
    graph = Graph().parse(tmp_path / "out" / "graph.nt")
    editions = set(graph.objects(None, URIRef("https://w3id.org/kgbuild/ontology#citesEdition")))
    assert editions == {URIRef("https://w3id.org/kgbuild/id/work/collected-works-of-v-i-lenin")}


@pytest.mark.parametrize("line", [
    "Taken from Kolchak in 1919, the guns were turned against the Whites.",
    "Original Bolshevik members were few in 1903 and fewer in 1907.",
    "Appeared in public in 1917, the committee spoke for the garrison.",
])
def test_a_label_that_also_opens_a_sentence_labels_nothing_without_its_colon(line: str) -> None:
    from kgbuild.extract.references import source_line

    assert source_line().search(line) is None


@pytest.mark.parametrize("line", [
    "Taken from: The Communist, No. 4, 1920",
    "Original: Pravda, No. 5, 1919",
    "Appeared in: The Liberator, March 1919",
    "Printed in Pravda, No. 5, 1919",
])
def test_labelled_source_lines(line: str) -> None:
    from kgbuild.extract.references import source_line

    assert source_line().search(line) is not None
