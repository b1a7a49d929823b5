"""The forms of reference the period's editions and notes print (issue 15): what a
reference repeats, where it ends, which of its parts are fields of one reference."""

from __future__ import annotations

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract.references import read_citations
from kgbuild.records import CitationRecord


def citations(text: str, author: str | None = "J. V. Stalin") -> list[CitationRecord]:
    meta = DocumentMeta(slug="s", title="S", author=author, date=None, language="en",
                        source_file="s.txt")
    return read_citations(make_document(text, meta))


def fields(text: str) -> list[tuple[int, int | None, str | None]]:
    return [(c.evidence.line, c.volume, c.pages) for c in citations(text)]


def test_ibid_and_op_cit_in_notes_repeat_the_reference_before() -> None:
    notes = ("The workers[1] have won.\n\nNotes\n"
             "1. See Lenin, Collected Works, Vol. 31, pp. 45-47.\n"
             "2. Ibid., p. 50.\n"
             "3. Ibid.\n"
             "4. Kautsky, The Road to Power, Chicago, 1909, p. 20.\n"
             "5. Lenin, op. cit., p. 52.\n"
             "6. Kautsky, op. cit., p. 31.\n")
    found = citations(notes)
    assert [(c.evidence.line, c.volume, c.pages, c.ibid) for c in found] == [
        (4, 31, "45-47", False), (5, 31, "50", True), (6, 31, "50", True),
        (7, None, "20", False), (8, 31, "52", True), (9, None, "31", True)]
    assert found[1].edition == "Collected Works (Lenin)"
    assert found[5].edition == found[3].edition  # Kautsky's, not Lenin's


def test_a_page_after_a_semicolon_in_a_bracket_is_a_field_of_its_reference() -> None:
    text = ("The nations were to be free (A. Writer: ‘The Nations and the Empire’; London; "
            "1950; p. 77).\nThey were not (A. Writer: ibid.; p. 80), and later (Writer: "
            "ibid.; op. cit.;\n")
    assert fields(text) == [(1, None, "77"), (2, None, "80"), (2, None, "80")]


def test_a_titled_reference_in_brackets_keeps_its_page() -> None:
    assert fields("the youth league (see the Statutes of the League, 1926, p. 3).\n") == [
        (1, None, "3")]


def test_a_reference_ends_before_a_bracketed_note_or_page_marker() -> None:
    found = citations("[12] See Marx and Engels, Selected Correspondence, Moscow, 1955 p. 132."
                      "    [p.112]\n[13] See also Note No. 4. [Editor's Note: See \"The "
                      "Tasks of the Party.\"]\n")
    assert [c.raw for c in found] == [
        "See Marx and Engels, Selected Correspondence, Moscow, 1955 p. 132",
        "See also Note No. 4", 'See "The Tasks of the Party."']


def test_an_issue_numbered_with_a_hash() -> None:
    (found,) = citations("It first appeared in the journal Spark, issue #12, in 1931.\n")
    assert found.issue == "12"


def test_roman_pages_and_the_pages_following() -> None:
    assert fields("Source: Works, Vol. 6, January-November, 1924, pp. XIII-XIV\n") == [
        (1, 6, "XIII-XIV")]
    assert fields("See Works, Vol. 8, p. 34 ff.\n") == [(1, 8, "34ff.")]
    assert fields("Lenin, Works, Vol. 25, pp. 12 et seq.\n") == [(1, 25, "12ff.")]


def test_a_volume_of_a_series_numbered_after_its_title() -> None:
    (found,) = citations("First published in 1925 in Lenin Miscellany IV\n")
    assert (found.volume, found.edition) == (4, "Lenin Miscellany")


def test_a_page_marker_in_braces_is_no_reference() -> None:
    assert citations("the party was united. {p. 12} The congress then met.\n") == []


def test_a_volume_a_sentence_is_about_and_a_numbered_report_are_no_references() -> None:
    assert citations("Preface\n\nVolume 12 contains the speeches of the year 1925.\n") == []
    assert citations("Workers’ Study Circle Report No. 4, dated 1931\n") == []


def test_a_page_after_an_imprint_in_brackets_as_notes_print_it() -> None:
    assert fields("[3] R. Writer, A Political Life (Bloomington: Indiana University Press, "
                  "1985), 245.\n[4] A. Writer, The Party (New York: W. W. Norton, 1976), 12–14."
                  "\n[5] A. Writer, Sochineniia (24 vols; Moscow, 1923–1927), XIX, pp. 529–37.\n"
                  "A. Writer, The Interregnum (London, 1954), 1923 was a hard year.\n") == [
        (1, None, "245"), (2, None, "12-14"), (3, 19, "529-537"), (4, None, None)]


def test_a_quoted_title_after_its_authors_possessive() -> None:
    (found,) = citations("For the rest, see Ivan Petrov’s “On the Founding of the League.”\n")
    assert found.cites == "On the Founding of the League"


def test_where_a_text_first_appeared() -> None:
    assert [c.raw for c in citations(
        "Originally published in The Liberator, July 1919.\n"
        "published in the Miscellany, Volume 3, where there is a heading\n"
        "The speech was printed in Pravda on March 3, 1923, and in Izvestia later.\n"
        "It was first printed in Moscow on May 1, 1921.\n")] == [
        "The Liberator, July 1919", "Miscellany, Volume 3"]


def test_ibid_with_a_volume_of_its_own_is_one_reference() -> None:
    found = citations("as he said (see Vol. XXV, p. 173), and later (ibid., Vol. XXVI, p. 12).\n")
    assert [(c.volume, c.pages, c.ibid) for c in found] == [(25, "173", False), (26, "12", True)]


def test_a_quoted_titles_words_open_no_reference_of_their_own() -> None:
    (found,) = citations("(See “The Tasks of the Party in Our Revolution,” Vol. XX, p. 97.)\n")
    assert (found.volume, found.pages, found.raw[:4]) == (20, "97", "See ")


def test_the_abbreviated_russian_complete_works_is_one_reference() -> None:
    (found,) = citations("The plan was adopted (see V. I. Lenin, Poln. sobr. soch., 5th ed., "
                         "vol. 42, p. 157).\n")
    assert (found.raw, found.volume, found.pages) == (
        "see V. I. Lenin, Poln. sobr. soch., 5th ed., vol. 42, p. 157", 42, "157")


def test_a_reference_goes_on_over_its_compiler_to_its_pages() -> None:
    assert fields("It was printed in the book Sbornik statei [Collected Articles], Volume 2 "
                  "(1923-1926), compiled by Y. Petrov (pp. 83-88). The original is lost.\n") == [
        (1, 2, "83-88")]


def test_a_periodicals_masthead_over_its_own_issue_is_no_reference() -> None:
    assert citations("THE WORKERS MONTHLY THE WORKERS MONTHLY Vol. III FEBRUARY, 1919 No. 2 "
                     "Devoted to the Labour Movement\n") == []


def test_a_numbered_decree_and_a_meetings_place_and_year_are_no_references() -> None:
    assert citations("The Sovnarkom decree No. 12 ordered the requisition.\n"
                     "The Tenth Congress (Moscow, 1921) decided it.\n"
                     "At the Second Congress (Second Congress, 1920) it was said again.\n") == []
    assert fields("[2] A. Writer, Izbrannye proizvedeniia (Moscow, 1940).\n") == [
        (1, None, None)]


def test_more_labels_of_the_apparatus_name_a_source() -> None:
    text = ("Source - The Liberator, March 1919\nOriginally published: The Worker, May 1, 1921\n"
            "Appeared in: The Toiler, 1920\nOriginal: Pravda, No. 5, January 7, 1918\n"
            "Original: Russian\n")
    assert [(c.evidence.line, c.edition) for c in citations(text)] == [
        (1, "The Liberator"), (2, "The Worker"), (3, "The Toiler"), (4, "Pravda")]


def test_a_reference_wrapped_onto_the_next_line_begins_where_its_cue_stands() -> None:
    found = citations("the workers, as Marx said (see Marx and\nEngels, Selected Works, Vol. I, "
                      "p. 244), must win.\nThey must. See Lenin, Collected\nWorks, Vol. 31, p. 45."
                      "\nThe masses were won over.\nVol. 31 of his works appeared in 1950.\n")
    assert [(c.evidence.line, c.volume, c.pages, c.edition) for c in found] == [
        (1, 1, "244", "Selected Works (Marx and Engels)"), (3, 31, "45", "Collected Works (Lenin)")]


def test_a_translated_russian_reference_and_archive_leaves() -> None:
    assert fields("1 Petrov I.V. Works. T. 5. M., 1947. S. 40.\n"
                  "2 APRF. F. 3. Op. 58. D. 12. Ll. 4-5.\n"
                  "3 GARF. F. R-130. Op. 2. D. 17. L. 4 ob.\n"
                  "4 Izvestia TsK KPSS. 1989. No. 12. S. 191-192.\n") == [
        (1, 5, "40"), (2, None, "4-5"), (3, None, "4"), (4, None, "191-192")]


def test_a_heading_whose_title_has_an_apostrophe_names_its_source() -> None:
    assert [(c.raw, c.volume) for c in citations(
        "‘The Workers’ Struggle in Britain’ by Tom Wright from The Worker. April, 1928.\n"
        "‘Lenin’s Last Fight’ by Ann Smith from The Militant. Vol. 2 No. 3. January 15, 1929.\n"
    )] == [("from The Worker. April, 1928", None),
           ("from The Militant. Vol. 2 No. 3. January 15, 1929", 2)]


def test_pages_without_a_full_stop_or_joined_by_and() -> None:
    assert fields("See Works, Vol. 8, pp 4-6.\nSee Works, Vol. 9, pages 12 and 14.\n") == [
        (1, 8, "4-6"), (2, 9, "12,14")]


def test_an_endnote_citing_by_author_and_title() -> None:
    found = citations("[24] Smith, Lenin and the First World War, 57–75; Smith, Lenin, 75.\n"
                      "[25] Why split, he asked. Brown, My Years in Moscow, 249.\n"
                      "[26] See Jones, “Hidden Agendas”.\n"
                      "[27] Kamenev, Lev Borisovich.\n"
                      "[28] Moscow, The Red Capital, 1925.\n"
                      "[29] Nove, An Economic History, 1969.\n"
                      "[30] Zinoviev, Kamenev and Trotsky.\n")
    assert [(c.evidence.line, c.pages, c.edition) for c in found] == [
        (1, "57-75", "Lenin and the First World War"), (1, "75", "Lenin"),
        (2, "249", "My Years in Moscow"), (3, None, "Hidden Agendas"),
        (6, None, "An Economic History")]


def test_notes_numbered_without_a_stop_and_ibid_with_a_bare_page() -> None:
    found = citations("Notes\n1 Smith, Lenin and the War, 57–75.\n2 Ibid., 76.\n"
                      "3 Smith, op. cit., 12.\n[4] Brown, Our Political Tasks, part 2.\n"
                      "5. Cf. Jones, The Party, 45.\n")
    assert [(c.evidence.line, c.pages, c.edition) for c in found] == [
        (2, "57-75", "Lenin and the War"), (3, "76", "Lenin and the War"),
        (4, "12", "Lenin and the War"), (5, None, "Our Political Tasks"), (6, "45", "The Party")]


def test_journal_notes_and_a_periodical_cited_by_date() -> None:
    assert fields('[4] John Smith, "The Party Schools," Slavic Review 25, no. 3 (1966): 370–91.\n'
                  "[5] Smith, “The Party Schools,” 372.\n[6] Izvestia, 12 March 1921.\n"
                  "[7] Moscow, 12 March 1921.\n") == [
        (1, 25, "370-391"), (2, None, "372"), (3, None, None)]


def test_an_author_and_year_with_the_page_in_brackets() -> None:
    assert fields("the party grew (Carr 1950: 45), then (Service 2000, 150–51) it shrank, as "
                  "all agree (Lih 2006).\n") == [(1, None, "45"), (1, None, "150-151")]


def test_a_note_quoting_through_a_work_and_an_author_with_a_middle_initial() -> None:
    assert fields("[3] Quoted in Smith, Lenin and the War, 45.\n"
                  "[4] Robert V. Brown, The Conscience of the Party, 120.\n") == [
        (1, None, "45"), (2, None, "120")]
