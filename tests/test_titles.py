"""The document's own title: the first heading of its front matter is a work."""

from __future__ import annotations

import pytest

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all, recognize
from kgbuild.knowledge import KnowledgeBase
from kgbuild.reference import ReferenceData, load_reference
from kgbuild.resolve import resolve

META = DocumentMeta("sample", "Sample", None, "1930", "en", "sample.txt")
PARAGRAPH = ("The comrades who spoke before me have said a great deal about the harvest, and I "
             "shall not repeat what they said about it here today.")


def works(text: str, reference: ReferenceData | None = None) -> list[tuple[str, str | None]]:
    doc = make_document(text, META)
    found = recognize(doc, reference or ReferenceData())
    return [(w.title, w.author) for w in found.works]



def knowledge_base(text: str) -> KnowledgeBase:
    """The resolved entities of one text with no reference data."""
    doc = make_document(text, META)
    return resolve([(doc, extract_all(doc, ReferenceData()))], ReferenceData())

def test_the_title_under_the_author_line_is_a_work_by_that_author() -> None:
    text = ("N. Bukharin\n\nThe Road to Socialism and the Worker-Peasant Alliance\n\n"
            f"April 1925\n\nSource: Bolshevik, No. 8\n\n{PARAGRAPH}")
    assert works(text) == [("The Road to Socialism and the Worker-Peasant Alliance",
                            "N. Bukharin")]


def test_a_title_in_capitals_is_read_in_title_case() -> None:
    text = f"THESES ON THE QUESTION OF THE HARVEST.\n\n{PARAGRAPH}"
    assert works(text) == [("Theses on the Question of the Harvest", None)]


def test_a_title_broken_over_lines_is_one_title() -> None:
    text = f"Letter to the Members\nof the Moscow Committee\n\n{PARAGRAPH}"
    assert works(text)[0][0] == "Letter to the Members of the Moscow Committee"


def test_a_quoted_title_with_its_author_and_periodical() -> None:
    text = f"‘How We Work’ by Maria Petrova from The Worker. May, 1925.\n\n{PARAGRAPH}"
    assert works(text) == [("How We Work", "Maria Petrova")]


@pytest.mark.parametrize("heading", [
    "I. THE QUESTION OF THE HARVEST",  # a numbered section of a longer text
    "FIFTEENTH CONGRESS OF THE C.P.S.U.(B.)",  # the congress a page is about
    "Written: April 1925",  # apparatus
    "Bolshevik, No. 8, p. 12",  # a reference
])
def test_what_heads_a_text_without_being_its_title(heading: str) -> None:
    assert works(f"{heading}\n\n{PARAGRAPH}", load_reference()) == []


def test_names_in_the_own_title_are_mentions() -> None:
    doc = make_document(f"Speech in Memory of Comrade Frunze\n\n{PARAGRAPH}", META)
    persons = [p.name for p in recognize(doc, ReferenceData()).persons]
    assert persons == ["Frunze"]


@pytest.mark.parametrize(("text", "title"), [
    ("They signed the Riga Treaty at last.", "Riga Treaty"),
    ("The Treaty of Rapallo surprised Europe.", "Treaty of Rapallo"),
    ("Lenin’s April Theses were read out.", "April Theses"),
    ("He quoted the Erfurt Programme twice.", "Erfurt Programme"),
    ("Herzen answered in his Letter to Bakunin.", "Letter to Bakunin"),
    ("They all signed the Erfurt Programme of 1891 then.", "Erfurt Programme"),
    ("the Tsar kept the Manifesto of August 6, 1905 in mind", "Manifesto of August 6, 1905"),
    ("the Declaration of the Forty-Six Party Members was sent", "Declaration of the Forty-Six "
     "Party Members"),
    ("the “Declaration of 12 Old Members,” which was sent", "Declaration of 12 Old Members"),
])
def test_documents_named_by_their_kind(text: str, title: str) -> None:
    assert title in [t for t, _ in works(text)]


def test_a_year_is_no_name_of_a_manifesto() -> None:
    assert works("the Manifesto of 1912 was read") == []


@pytest.mark.parametrize(("front", "date"), [
    ("N. Bukharin\n\nOn the Harvest\n\nDecember 9, 1926\n\n", "1926-12-09"),
    ("N. Bukharin\n\nOn the Harvest\n\nDelivered: 19 January, 1921\n\n", "1921-01-19"),
    ("‘On the Harvest’ by N. Bukharin from The Worker. April, 1928.\n\n", "1928-04"),
    ("On the Harvest\n\nSpeech in the Bolshoi Theatre, March 30, 1919\n\n",
     "1919-03-30"),
    ("On the Harvest\n\nReport at the Ninth Congress of the Party (March 1920)\n\n", "1920-03"),
    # the first date of a long line describing the text by its kind
    ("On the Harvest\n\nReport to the Third Congress of the Textile Workers and Peasants of the "
     "Northern Region, on July 9, 1918, the day after the strike of July 6-8, 1918\n\n",
     "1918-07-09"),
    # a semicolon after the date; a long source line between the title and its date
    ("On the Harvest\n\nDelivered: 3 May 1925;\nSource: The Village Worker, No. 12;\n\n",
     "1925-05-03"),
    ("On the Harvest\n\nSource: The Village Worker, Organ of the Central Committee of the "
     "Union of Land and Forest Workers, “Special Series,” Number Three, Published in Moscow\n"
     "First Published: Moscow, March 4th, 1924 Transcription: Ivan Petrov\n\n", "1924-03-04"),
    # the first date of a dated apparatus line, whatever follows it; a year in brackets
    ("On the Harvest\n\nDelivered: 8 March 1921 at the Tenth Congress\n\n", "1921-03-08"),
    ("On the Harvest\n\nWritten: 10 February 1918; First Published: The Worker, No. 5, "
     "1918\n\n", "1918-02-10"),
    ("Ivan Petrov: On the Harvest (1925)\n\n", "1925"),
    # a heading going on over a line ending with a comma, its date under it
    ("Letter of Ivan Petrov and Maria Petrova to the\n\nCommittee of the Textile Workers,\n"
     "May 11, 1926.\n\n", "1926-05-11"),
    # an editor's note dating "this article"; a subheading's year is part of its title
    ("On the Harvest\n\nIn this article, written in 1927, Petrov looks back.\n\n", "1927"),
    ("On the Harvest - Ivan Petrov\n\nThe village in 1905\n\nThis speech was delivered on "
     "8 May 1922 in Tula.\n\n", "1922-05-08"),
    # the year on the author's line over the title, or after the author after the title
    ("Ivan Petrov. 1921\n\nOn the Harvest\n\n", "1921"),
    ("On the Harvest: Their Place in Village Life. Ivan Petrov 1950\n\n", "1950"),
    ("Ivan Petrov 1924\n\nOn the Harvest\n\nSource: The Village Worker, February 1924;\n\n",
     "1924-02"),
    # the year after the title, then the month of that year: the month is more precise
    ("Ivan Petrov: On the Harvest (1925)\n\nIn this article, written in March 1925, Petrov "
     "looks back.\n\n", "1925-03"),
])
def test_the_date_under_the_own_title_dates_the_work(front: str, date: str) -> None:
    kb = knowledge_base(front + PARAGRAPH)
    (work,) = [e for e in kb.entities.values() if e.kind == "work"]
    assert work.facts["date_in_text"] == date


def test_a_web_page_title_in_sentence_case_with_its_author() -> None:
    text = f"Women workers in the days of the general strike - Maria Petrova\n\n{PARAGRAPH}"
    assert works(text) == [("Women workers in the days of the general strike", None)]


@pytest.mark.parametrize("below", ["By Maria Petrova", "Issue: 12\n\nMaria Petrova"])
def test_a_sentence_case_title_over_its_byline(below: str) -> None:
    text = f"Petrova: the village years\n\n{below}\n\n{PARAGRAPH}"
    assert [t for t, _ in works(text)] == ["Petrova: the village years"]


def test_a_quoted_title_that_names_a_congress_is_still_a_title() -> None:
    text = (f"‘The Fifth Congress of the Textile Workers’ by Maria Petrova from The Worker.\n\n"
            f"{PARAGRAPH}")
    assert works(text) == [("The Fifth Congress of the Textile Workers", "Maria Petrova")]


def test_a_long_title_in_title_case_is_no_paragraph() -> None:
    title = ("The Work of the November Joint Plenum of the Central Committee and the Central "
             "Control Commission of the Party")
    assert works(f"{title}\n\n{PARAGRAPH}")[0][0] == title


def test_an_adopted_text_heads_its_page_as_a_resolution() -> None:
    text = f"Theses on the Harvest Adopted at the Sixth Plenum, March 1925\n\n{PARAGRAPH}"
    assert works(text) == []


def test_the_book_a_source_line_names_is_a_work() -> None:
    text = (f"A Speech\n\nSource: Published in Towards the Commune: Proceedings of the Second "
            f"Congress, 1922, pp. 10-19\n\n{PARAGRAPH}")
    assert "Towards the Commune: Proceedings of the Second Congress" in [t for t, _ in works(text)]


def test_his_book_belongs_to_the_person_the_same_sentence_names() -> None:
    text = ("Karl Radek spoke first. In his pamphlet The Road to Power (1909), Kautsky argued "
            "that the revolution was near.")
    kb = knowledge_base(text)
    (work,) = [e for e in kb.entities.values() if e.kind == "work"]
    assert kb.entities[("person", work.facts["author_key"])].label == "Kautsky"


def test_a_list_of_works_with_their_dates() -> None:
    text = ("Contents\n\nOn the tasks of the unions, 1905\n* Who needs the strike? 1906\n"
            "The harvest and the towns, Nov. 1914\n\n" + PARAGRAPH)
    assert [t for t, _ in works(text)] == [
        "On the tasks of the unions", "Who needs the strike?", "The harvest and the towns"]


def test_two_dated_lines_are_no_list() -> None:
    assert works("Moscow, 1905\nPetrograd, 1917\n\n" + PARAGRAPH) == []


def test_a_site_heading_names_its_collection_and_its_page() -> None:
    text = f"MIA: Encyclopedia of Marxism: Glossary of Periodicals\n\n{PARAGRAPH}"
    assert [t for t, _ in works(text)] == ["Encyclopedia of Marxism", "Glossary of Periodicals"]


def test_an_unknown_author_line_over_the_title() -> None:
    text = (f"Tomas Varga\n\nThe Agrarian Question in the Danube Countries\n\n"
            f"Source: Inprecorr, Vol. 5, No. 12\n\n{PARAGRAPH}")
    assert works(text)[0] == ("The Agrarian Question in the Danube Countries", "Tomas Varga")


@pytest.mark.parametrize(("rows", "dates"), [
    ("* On the harvest, 1905\n* Who needs the strike? 1906\n* The towns, End of 1907\n",
     {"On the harvest": "1905", "Who needs the strike?": "1906", "The towns": "1907"}),
    # dates in figures, day first; where the text was taken from is no part of the title
    ("On the harvest, 17/6/17\nThe towns, From speeches at Tula, 1/5/12\nOur tasks, 3/13/18\n",
     {"On the harvest": "1917-06-17", "The towns": "1912-05-01", "Our tasks": "1918-03-13"}),
])
def test_each_listed_work_takes_its_date(rows: str, dates: dict[str, str]) -> None:
    kb = knowledge_base(rows + "\n" + PARAGRAPH)
    assert {e.label: e.facts.get("date_in_text") for e in kb.entities.values()
            if e.kind == "work"} == dates


def test_quoted_titles_in_a_note_are_works() -> None:
    text = (f"{PARAGRAPH}\n\nSee his articles “A Few Words on the Harvest Campaign”, \"The "
            "Tasks of Our Rural Cells\" and ‘Notes of a Party Worker’.")
    assert [title for title, _ in works(text)] == [
        "A Few Words on the Harvest Campaign", "The Tasks of Our Rural Cells",
        "Notes of a Party Worker",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the resolution of the Twelfth Conference “On the Tasks of the Rural Cells” says so",
        "a page with the sub-heading “Dictatorship of the Working Class” (see p. 4)",
        "under the slogan “All Power to the Soviets” the workers marched",
        "Please credit “Marxists Internet Archive” as your source.",
    ],
)
def test_quotes_around_a_resolution_heading_slogan_or_name_hold_no_work(text: str) -> None:
    assert works(f"{PARAGRAPH}\n\n{text}", load_reference()) == []


def test_the_preface_of_a_book_is_the_preface_to_it() -> None:
    text = f"Jump to content\n\nThe Harvest/Preface\n\nFrom Wikisource\n\n{PARAGRAPH}"
    assert [title for title, _ in works(text)] == ["The Harvest", "Preface to The Harvest"]


@pytest.mark.parametrize("line", [
    "Marx-Engels |  Lenin  | Stalin |  Home Page",  # a site's navigation bar
    "from Chapter 3.",  # a line in lower case
    "Compiled by: A. V. Ivanova, L. P. Petrova",  # a credit
])
def test_what_heads_no_page(line: str) -> None:
    assert works(f"{line}\n\n{PARAGRAPH}") == []


def test_an_author_line_with_the_year_and_a_title_in_sentence_case_under_it() -> None:
    text = (f"Ivan Petrov. 1921\n\nTwo letters to the congress\n\nSource: The Workers’ Library;\n"
            f"\n{PARAGRAPH}")
    assert works(text) == [("Two letters to the congress", "Ivan Petrov")]


def test_the_years_a_title_ends_with_are_part_of_it() -> None:
    text = ("It was printed in full, with errors, in Baron Nolde’s The Civil War Years "
            "1918-1921 (Paris, 1931, pp. 12-19), and nowhere else.")
    assert "The Civil War Years 1918-1921" in [title for title, _ in works(text)]


def test_a_quoted_title_with_its_byline_after_an_introduction() -> None:
    text = (f"{PARAGRAPH}\n‘The Harvest and the Village’ BY Ivan Petrov from The Worker. "
            f"Vol. 2 No. 5. May 3, 1925.\n{PARAGRAPH}")
    assert works(text) == [("The Harvest and the Village", "Ivan Petrov")]


def test_the_author_after_the_titles_full_stop() -> None:
    text = f"Village Soviets: Their Place in Rural Life. Ivan Petrov 1951\n\n{PARAGRAPH}"
    assert works(text) == [("Village Soviets: Their Place in Rural Life", "Ivan Petrov")]


def test_initials_in_a_title_are_no_author() -> None:
    text = f"On The Candidacy Of M. I. Petrov\n\n{PARAGRAPH}"
    assert works(text) == [("On The Candidacy Of M. I. Petrov", None)]


def test_a_heading_in_sentence_case_over_the_apparatus_is_the_title() -> None:
    text = f"Speech to the rural congress\n\nDelivered: 3 May 1925;\n\n{PARAGRAPH}"
    assert works(text)[0][0] == "Speech to the rural congress"


@pytest.mark.parametrize(("text", "title", "date"), [
    # the date of the issue on the heading line dates the article, signed or not
    (f"{PARAGRAPH}\n‘The Harvest and the Village’ by Ivan Petrov from The Worker. Vol. 2 No. 5. "
     f"May, 1925.\n{PARAGRAPH}", "The Harvest and the Village", "1925-05"),
    (f"‘Theses on the Tasks of the Rural Cells’ from The Worker. Vol. 3 No. 7. June, 1926.\n\n"
     f"{PARAGRAPH}", "Theses on the Tasks of the Rural Cells", "1926-06"),
    (f"{PARAGRAPH}\n‘Speeches to the Conference’ by Ivan Petrov from The Worker. Vol. 6. Nos. "
     f"5 & 7. January 15 & 22, 1926.\n{PARAGRAPH}", "Speeches to the Conference", "1926-01-15"),
])
def test_a_journal_articles_heading_line_dates_it(text: str, title: str, date: str) -> None:
    kb = knowledge_base(text)
    (work,) = [e for e in kb.entities.values() if e.kind == "work"]
    assert (work.label, work.facts["date_in_text"]) == (title, date)


def test_a_single_closing_quote_ends_a_title_and_a_plurals_apostrophe_does_not() -> None:
    text = ("The Bureau printed ‘Draft Theses of the Proletariat’ from its own press, and "
            "later ‘The Workers’ Opposition and the Unions’ as well.")
    titles = [title for title, _ in works(text)]
    assert "Draft Theses of the Proletariat" in titles
    assert "The Workers’ Opposition and the Unions" in titles


def test_a_body_after_a_possessive_is_no_work() -> None:
    assert works("The Comintern’s Western Europe Bureau met in Berlin that week.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # a date after the title on its line is the work's date, not part of its title
    (f"N. Bukharin\n\nSpeech at the Opening of a Village Club. June 3, 1924\n\n{PARAGRAPH}",
     [("Speech at the Opening of a Village Club", "N. Bukharin")]),
    # what describes the text is no title of it
    (f"N. Bukharin\n\nBrief Newspaper Report\n\n{PARAGRAPH}", []),
    # the author's name before a colon
    (f"Maria Petrova: Speech to the Textile Workers\n\n{PARAGRAPH}",
     [("Speech to the Textile Workers", "Maria Petrova")]),
    # a heading ending with a function word goes on after a blank line
    (f"Speech Delivered At A Meeting Of\n\nThe Textile Workers Of Ivanovo And Shuya\n\n"
     f"{PARAGRAPH}", [("Speech Delivered At A Meeting Of The Textile Workers Of Ivanovo And "
                       "Shuya", None)]),
    # a page cut from a longer text: its short lines go on with a sentence
    ("the statement was then printed in the issue of\n\nThe Village Worker, May 3, 1913.\n\n"
     "Its text was much shortened by the editors, who feared the censor.\n", []),
])
def test_own_title_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert works(text) == expected


@pytest.mark.parametrize("heading", [
    "Speech at the Opening of a Village Club. June 3, 1924",
    "Speech at the Opening of the New Club of the Textile Workers and Weavers of the Ivanovo "
    "and Shuya Districts in the Town Hall. June 3, 1924",
])
def test_the_date_after_the_title_on_its_line_dates_the_work(heading: str) -> None:
    kb = knowledge_base(f"{heading}\n\n{PARAGRAPH}")
    (work,) = [e for e in kb.entities.values() if e.kind == "work"]
    assert work.facts["date_in_text"] == "1924-06-03"


def test_a_breadcrumb_of_colons_names_only_its_titled_parts() -> None:
    text = f"ARCHIVE: Village Soviets: rural period: 1920-1924 - Site\n\n{PARAGRAPH}"
    assert works(text) == [("Village Soviets", None)]


@pytest.mark.parametrize("text", [
    "The order went from Tsaritsyn to the People’s Commissar Stalin at once.",
    "(Resolution No. 7: “On the Unity of the Village Cells”) was adopted at once.",
])
def test_an_office_after_a_possessive_and_a_numbered_resolution_are_no_works(text: str) -> None:
    assert works(text) == []


@pytest.mark.parametrize(("text", "title"), [
    (f"N. Bukharin\n\nTo Comrade Petrov\nand the Other Members of the Village Bureau\n\n"
     f"May 3, 1926\n\n{PARAGRAPH}", "To Comrade Petrov and the Other Members of the Village "
                                   "Bureau"),
    (f"P. V. Petrov to M. A. Sidorov\n\nMay 3, 1926\n\n{PARAGRAPH}",
     "P. V. Petrov to M. A. Sidorov"),
])
def test_a_letter_headed_by_its_addressee(text: str, title: str) -> None:
    assert title in [t for t, _ in works(text)]


@pytest.mark.parametrize("text", [
    # a name with the years of a life or a period heads the page as its author
    f"Maria Petrova 1914-1916\n\n{PARAGRAPH}",
    f"Village Writers: P. V. Petrov (1880-1941)\n\n{PARAGRAPH}",
    # adopted texts, listed or quoted, are resolutions
    ("Theses on the Harvest Adopted at the Third Plenum, May 1925\n"
     "Theses on the Schools Adopted at the Third Plenum, May 1925\n"
     "Theses on the Press Adopted at the Third Plenum, May 1925\n"),
    "Item 2: “Theses on the Village Cells.” Adopted by the Third Plenum in May.",
    "‘Theses on the Village Cells’\n\nAdopted unanimously by the Third Plenum, 3 May 1925.",
    # a message's time stamp; a loan after a possessive
    f"Ivan Petrov\n\nThu Mar 23 10:40:20 MST 2006\n\n{PARAGRAPH}",
    "The peasants bought the Soviet Government's Grain Loan in thousands.",
    # an encyclopedia's first sentence under the name it is about
    f"Ivan Petrov\n\nIvan Petrov (1880–1938) was a Russian economist.\n\n{PARAGRAPH}",
])
def test_what_reads_like_a_title_and_is_none(text: str) -> None:
    assert works(text) == []


@pytest.mark.parametrize("heading", ["On the Village Cells", "Theses on the Village Cells"])
def test_the_heading_of_a_text_a_meeting_put_its_name_to_is_no_work(heading: str) -> None:
    meta = DocumentMeta("s", "S", "Third Congress of the Textile Workers", None, "en", "s.txt")
    text = f"{heading}\n\n3 May 1925\n\n{PARAGRAPH}"
    assert recognize(make_document(text, meta), ReferenceData()).works == []


def test_the_authors_before_an_editions_name_are_no_work() -> None:
    text = "He says so (see Petrov and Sidorov, Selected Works, Vol. II, p. 37)."
    assert [title for title, _ in works(text)] == ["Selected Works"]


@pytest.mark.parametrize(("text", "title"), [
    ("In his article “The tasks of the village cells in the spring sowing” he argued the point.",
     "The tasks of the village cells in the spring sowing"),
    ("She wrote the pamphlet ‘Who needs the war?’ in the spring.", "Who needs the war?"),
    ("He quoted the article entitled “Our tasks in the countryside,” at length.",
     "Our tasks in the countryside"),
    ("He quoted the article entitled “The Village Workers’ Party and the Harvest,” at length.",
     "The Village Workers’ Party and the Harvest"),
])
def test_a_quoted_title_after_a_cue_is_whole_whatever_its_case(text: str, title: str) -> None:
    assert [t for t, _ in works(text)] == [title]


@pytest.mark.parametrize(("text", "expected"), [
    ("Petrov’s The Harvest of the Village (1925) was answered at once.",
     [("The Harvest of the Village", "Petrov")]),
    ("Petrov’s New Village Policy was adopted in the spring.", []),
    ("Petrov’s Second Sowing Plan began in the autumn.", []),
    ("Petrov’s The Village Course was read at every school.",
     [("The Village Course", "Petrov")]),
])
def test_a_title_after_a_possessive(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert works(f"{PARAGRAPH}\n{text} {PARAGRAPH}") == expected


@pytest.mark.parametrize(("head", "expected"), [
    ("The Village and the Town/Chapter 3\nFrom Wikisource\n\n",
     [("The Village and the Town", None)]),
    ("ARCHIVE > Texts > Petrov\n\nP. V. Petrov\nThe Village Question\n(1924)\n\n",
     [("The Village Question", "P. V. Petrov")]),
    ("Ivan Petrov\n\nThe Village Question\n\nSpeech at the Fourth Congress\n\n(May 1922)\n\n",
     [("The Village Question", "Ivan Petrov")]),
    # a known title's words inside the own title are no work it names
    ("Ivan Petrov\n\nThe Tasks of the Village Cells in Our Revolution\n\n",
     [("The Tasks of the Village Cells in Our Revolution", "Ivan Petrov")]),
])
def test_headings_of_site_pages(head: str, expected: list[tuple[str, str | None]]) -> None:
    assert works(head + PARAGRAPH, load_reference()) == expected


@pytest.mark.parametrize("text", [
    "They joined the “Union of Struggle for the Village Schools” that year.",
    "He spoke at the “Congress of the Village Teachers of the East” in the spring.",
    "A “Society for the Study of Village Life” was formed.",
])
def test_a_body_or_meeting_named_in_quotes_is_no_work(text: str) -> None:
    assert works(f"{PARAGRAPH}\n{text} {PARAGRAPH}") == []


@pytest.mark.parametrize(("head", "expected"), [
    ("CONTENTS\n\nThe Tasks of the Village Cells . . . . . . 5\nOn the Harvest . . . . 17\n\n",
     [("The Tasks of the Village Cells", None)]),
    ("Table of Contents\n1. The Village\n2. The Town\n\n", []),
])
def test_a_contents_heading_and_its_leaders_are_no_title(
        head: str, expected: list[tuple[str, str | None]]) -> None:
    assert works(head + PARAGRAPH) == expected


def test_a_quoted_word_opening_a_longer_title_after_a_cue() -> None:
    text = "His pamphlet “Left” Village Schools, an Early Error was reprinted."
    assert [t for t, _ in works(f"{PARAGRAPH}\n{text} {PARAGRAPH}")] == [
        "“Left” Village Schools, an Early Error"]


def test_a_title_without_its_article_is_the_same_work() -> None:
    text = ("N. Bukharin\n\nThe Village Crisis\n\nDelivered: 19 January, 1921\n\n"
            "In his pamphlet Village Crisis the author asks what the village needs.\n")
    kb = knowledge_base(text)
    (work,) = [e for e in kb.entities.values() if e.kind == "work"]
    assert (work.label, len(work.evidence)) == ("The Village Crisis", 2)


def test_the_years_of_a_period_on_the_authors_line_date_no_work() -> None:
    kb = knowledge_base(f"Ivan Petrov 1914-1916\n\nOn the Harvest\n\n{PARAGRAPH}")
    (work,) = [e for e in kb.entities.values() if e.kind == "work"]
    assert "date_in_text" not in work.facts


def test_a_persons_works_listed_after_include_with_their_years() -> None:
    text = ("Ivan Petrov (1880–1938) was a Russian economist.\n\nHis major works include Village "
            "Economics of the Transition (1920), Notes of a Village Teacher (1921) and The Peasant "
            "Path (1925). In 1923 he wrote Terror and the Village, a reply to his critics.\n")
    kb = knowledge_base(text)
    assert {e.label: e.facts.get("date_in_text") for e in kb.entities.values()
            if e.kind == "work"} == {
        "Village Economics of the Transition": "1920", "Notes of a Village Teacher": "1921",
        "The Peasant Path": "1925", "Terror and the Village": "1923"}


def test_works_listed_with_their_years_in_brackets() -> None:
    kb = knowledge_base("Works\n- The Village (1912)\n- Peasant Economics (1916)\n"
                        "- The Road to the Commune (1924)\n\n" + PARAGRAPH)
    assert {e.label: e.facts.get("date_in_text") for e in kb.entities.values()
            if e.kind == "work"} == {"The Village": "1912", "Peasant Economics": "1916",
                                     "The Road to the Commune": "1924"}


@pytest.mark.parametrize(("text", "title", "date"), [
    ("The Duma trusted the Manifesto of August 6, 1905 no longer.", "Manifesto of August 6, 1905",
     "1905-08-06"),
    ("(For the resolution see the book Theses of the Third Plenum of the Textile Workers, "
     "Moscow-Leningrad, 1927.)", "Theses of the Third Plenum of the Textile Workers", "1927"),
])
def test_a_date_in_a_documents_name_or_its_imprint_dates_it(text: str, title: str,
                                                           date: str) -> None:
    kb = knowledge_base(text)
    assert {e.label: e.facts.get("date_in_text") for e in kb.entities.values()
            if e.kind == "work"} == {title: date}

