"""Extractors on small texts written like 1920s English translations.

Most tests use an EMPTY ReferenceData, to show that the language patterns alone find
persons, bodies, works, meetings and resolutions; a few use a tiny ReferenceData built here.
Every mention's evidence must be the raw text exactly as printed (OCR damage included).
"""

from __future__ import annotations

import re

import pytest

from kgbuild.document import Document, DocumentMeta, make_document
from kgbuild.extract import extract_all, recognize
from kgbuild.extract.resolutions import extract_resolutions
from kgbuild.extract.works import extract_works
from kgbuild.records import AUTHOR_PRONOUN, AUTHOR_SELF
from kgbuild.reference import ReferenceData, ReferenceEntry

META = DocumentMeta("sample", "Sample", "J. V. Stalin", "1926-01-25", "en", "sample.txt")
EMPTY = ReferenceData()


def make(text: str) -> Document:
    return make_document(text, META)


def check_evidence(doc: Document, mentions) -> None:
    """Every evidence span is the raw slice it claims, with the right line number."""
    for mention in mentions:
        span = mention.evidence
        assert 0 <= span.start <= span.end <= len(doc.raw)
        assert span.text == doc.raw[span.start : span.end], mention
        assert span.line == doc.raw.count("\n", 0, span.start) + 1, mention


def persons(text: str, reference: ReferenceData = EMPTY):
    doc = make(text)
    found = recognize(doc, reference).persons
    check_evidence(doc, found)
    return found


def organizations(text: str, reference: ReferenceData = EMPTY):
    doc = make(text)
    found = recognize(doc, reference).organizations
    check_evidence(doc, found)
    return found


def works(text: str, reference: ReferenceData = EMPTY):
    doc = make(text)
    found = extract_works(doc, reference)
    check_evidence(doc, found)
    return found


def meetings(text: str):
    doc = make(text)
    found = recognize(doc, EMPTY).meetings
    check_evidence(doc, found)
    return found


def resolutions(text: str):
    doc = make(text)
    found = extract_resolutions(doc, recognize(doc, EMPTY).meetings, EMPTY)
    check_evidence(doc, found)
    check_evidence(doc, [r.meeting for r in found if r.meeting])
    return found


def names(found) -> list[tuple[str, str]]:
    return [(m.name, m.evidence.text) for m in found]


# --- Persons ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "evidence", "cue"),
    [
        (
            "“Leninism is the theory and tactics of the proletarian revolution,” says Lenin.",
            "Lenin",
            "Lenin",
            "persons.cue.speech-verb-before",
        ),
        (
            "Zinoviev, for example, thinks that Leninism is the product of Russian conditions.",
            "Zinoviev",
            "Zinoviev",
            "persons.cue.speech-verb-after",
        ),
        (
            "Zinoviev thinks that Leninism is the product of Russian conditions.",
            "Zinoviev",
            "Zinoviev",
            "persons.cue.speech-verb-after",
        ),
        (
            "Kamenev, in one of his reports, states that the question is settled.",
            "Kamenev",
            "Kamenev",
            "persons.cue.speech-verb-after",
        ),
        ("Bukharin's thesis is not correct.", "Bukharin", "Bukharin's",
         "persons.cue.possessive-noun"),
        ("Bukharin’s thesis is not correct.", "Bukharin", "Bukharin’s",
         "persons.cue.possessive-noun"),
        (
            "This was pointed out at the conference by Comrade Yakovlev in his report.",
            "Yakovlev",
            "Yakovlev",
            "persons.cue.title-before",
        ),
        (
            "the Menshevik Sukhanov was quite wrong about the October uprising.",
            "Sukhanov",
            "Sukhanov",
            "persons.cue.title-before",
        ),
        (
            "“the dictatorship is a state of war” (Trotsky). That is all.",
            "Trotsky",
            "Trotsky",
            "persons.cue.parenthesis-after-quote",
        ),
    ],
)
def test_person_found_from_cue(text, name, evidence, cue):
    found = persons(text)
    assert [(m.name, m.evidence.text, m.cue) for m in found] == [(name, evidence, cue)]
    assert found[0].evidence.start == re.search(rf"\b{evidence}(?!\w)", text).start()


def test_persons_from_plural_list():
    text = "the Kautskys, Hilferdings, Martovs, Chernovs, and their friends abroad"
    found = persons(text)
    assert names(found) == [
        ("Kautsky", "Kautskys"),
        ("Hilferding", "Hilferdings"),
        ("Martov", "Martovs"),
        ("Chernov", "Chernovs"),
    ]
    assert {m.cue for m in found} == {"persons.cue.plural-list"}


def test_persons_conjoined_before_who():
    found = persons("Bauer and Kautsky, who deny the possibility of socialism in one country")
    assert [(m.name, m.cue) for m in found] == [
        ("Bauer", "persons.cue.relative-who"),
        ("Kautsky", "persons.cue.conjoined-with-who"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Leninism teaches that the proletariat must lead the peasantry.",
        "the Trotskyists say that the revolution is permanent.",
        "Anyone who confuses the first group of questions with the second says nothing.",
        "Those who deny it are wrong.",
        "The Mensheviks say that it is impossible.",
    ],
)
def test_not_persons(text):
    assert persons(text) == []


def test_party_before_a_speech_verb_is_not_a_person():
    assert persons("the Party says that the dictatorship is the rule of the proletariat.") == []


@pytest.mark.xfail(
    strict=True,
    reason="a capitalised common noun or an unknown newspaper as the subject of a speech verb "
    "is taken for a person unless the word also occurs in lower case in the text "
    "('History teaches'; 'Pravda says' without reference data)",
)
@pytest.mark.parametrize(
    "text",
    [
        "History teaches that the proletariat must lead.",
        "Pravda says that the kulak is almost omnipotent.",
    ],
)
def test_capitalised_subject_of_speech_verb_is_not_a_person(text):
    assert persons(text) == []


def test_the_party_is_not_a_person_when_the_common_noun_also_occurs():
    text = "the Party says that it is so, and every member of our party agrees."
    assert persons(text) == []


def test_every_occurrence_of_a_discovered_name_is_a_mention():
    text = (
        "“It is impossible to exercise the dictatorship,” says Lenin. Leninism is the\n"
        "theory of the revolution. Lenin’s pamphlet shows it, and Lenin repeats it;\n"
        "the Lenins of tomorrow will say the same."
    )
    found = persons(text)
    assert [(m.name, m.evidence.text, m.evidence.line) for m in found] == [
        ("Lenin", "Lenin", 1),
        ("Lenin", "Lenin’s", 2),
        ("Lenin", "Lenin", 2),
        ("Lenin", "Lenins", 3),
    ]
    # A mention names the cue that found it there; the others, the first cue they repeat.
    assert [m.cue for m in found] == [
        "persons.cue.speech-verb-before",
        "persons.cue.speech-verb-before",
        "persons.cue.speech-verb-after",
        "persons.cue.speech-verb-before",
    ]
    # "Leninism" is not a mention of Lenin.
    leninism = text.index("Leninism")
    assert all(not m.evidence.start <= leninism < m.evidence.end for m in found)


def test_name_discovered_from_plural_list_is_marked_in_singular_too():
    text = "the Kautskys, Hilferdings, Martovs, and so on. Kautsky was a renegade."
    found = persons(text)
    assert ("Kautsky", "Kautsky") in names(found)
    assert names(found)[0] == ("Kautsky", "Kautskys")


def test_person_evidence_is_raw_text_in_ocr_damaged_passage():
    raw = (
        "| think, as Comrade Yakovlev says, that the peasant guestion®* is\n"
        "\n"
        "30\n"
        "\n"
        "the main thing. Yakovlev’s view is right,”4 says Lenin.\n"
    )
    doc = make(raw)
    found = recognize(doc, EMPTY).persons
    check_evidence(doc, found)
    assert [(m.name, m.evidence.text, m.evidence.line) for m in found] == [
        ("Yakovlev", "Yakovlev", 1),
        ("Yakovlev", "Yakovlev’s", 5),
        ("Lenin", "Lenin", 5),
    ]


def test_person_name_broken_across_lines():
    found = persons("as was said by Comrade\nYakovlev at the conference")
    assert names(found) == [("Yakovlev", "Yakovlev")]
    assert found[0].evidence.line == 2


def test_person_from_reference_without_any_cue():
    reference = ReferenceData(
        persons=[ReferenceEntry("persons", "Vladimir Lenin", ("Lenin", "V. I. Lenin"), "Q1394")]
    )
    found = persons("Lenin was right, and V. I. Lenin was right again.", reference)
    assert [(m.name, m.evidence.text, m.cue) for m in found] == [
        ("Lenin", "Lenin", "persons.reference"),
        ("V. I. Lenin", "V. I. Lenin", "persons.reference"),
    ]


def test_reference_organization_is_not_taken_for_a_person():
    reference = ReferenceData(organizations=[ReferenceEntry("organizations", "Pravda", (), None)])
    assert persons("Pravda says that the kulak is almost omnipotent.", reference) == []


# --- Organizations ------------------------------------------------------------------------


def test_party_abbreviation():
    found = organizations("the Central Committee of the C.P.S.U.(B.) decided otherwise.")
    assert [(m.name, m.evidence.text, m.cue) for m in found] == [
        ("Central Committee", "Central Committee", "organizations.body-name"),
        ("C.P.S.U.(B.)", "C.P.S.U.(B.)", "organizations.abbreviation"),
    ]


def test_damaged_abbreviation_is_named_clean_and_evidenced_raw():
    found = organizations("in the Central Committee of the R.C.P:(B.) in 1924")
    assert ("R.C.P.(B.)", "R.C.P:(B.)") in names(found)


def test_body_name():
    found = organizations("the Moscow Committee of our Party and the Leningrad organisation")
    assert [(m.name, m.evidence.text, m.cue) for m in found] == [
        ("Moscow Committee", "Moscow Committee", "organizations.body-name")
    ]


def test_body_name_at_sentence_start_drops_the_article():
    found = organizations("The Moscow Committee disagreed.")
    assert names(found) == [("Moscow Committee", "Moscow Committee")]


def test_quoted_opposition():
    text = "the so-called “New Opposition” has said that socialism cannot be built."
    found = organizations(text)
    assert names(found) == [("New Opposition", "New Opposition")]
    assert found[0].evidence.start == text.index("New")


def test_group_names():
    found = organizations("the Mensheviks and the Socialist-Revolutionaries were against it.")
    assert [(m.name, m.cue) for m in found] == [
        ("Mensheviks", "organizations.group-name"),
        ("Socialist-Revolutionaries", "organizations.group-name"),
    ]


def test_periodical_with_issue_number():
    text = "the peasantry (Kurskaya Pravda, No. 279, November 3, 1925), and so on."
    found = organizations(text)
    assert [(m.name, m.evidence.text, m.cue) for m in found] == [
        ("Kurskaya Pravda", "Kurskaya Pravda", "organizations.periodical")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the Party must lead the working class.",
        "at the Tenth Party Congress it was decided",
        "Leninism and the dictatorship of the proletariat",
    ],
)
def test_no_organization(text):
    assert organizations(text) == []


def test_reference_organization_alias_and_longest_span():
    reference = ReferenceData(
        organizations=[
            ReferenceEntry(
                "organizations",
                "Communist International",
                ("Comintern", "Communist International"),
                "Q170155",
            )
        ]
    )
    found = organizations("the Comintern’s theses and the Young Communist International", reference)
    assert [(m.name, m.evidence.text, m.cue) for m in found] == [
        ("Comintern", "Comintern’s", "organizations.reference"),
        ("Young Communist International", "Young Communist International",
         "organizations.body-name"),
    ]


# --- Works --------------------------------------------------------------------------------


def one_work(text: str, reference: ReferenceData = EMPTY):
    found = works(text, reference)
    assert len(found) == 1, found
    return found[0]


def test_work_after_genre_word():
    work = one_work("the pamphlet The Foundations of Leninism contains a definition of Leninism")
    assert (work.title, work.evidence.text, work.genre, work.author, work.cue) == (
        "The Foundations of Leninism",
        "The Foundations of Leninism",
        "pamphlet",
        None,
        "genre-word",
    )


@pytest.mark.parametrize("determiner", ["The", "His"])
def test_work_after_capitalised_determiner(determiner):
    work = one_work(f"{determiner} pamphlet The Foundations of Leninism contains a definition.")
    assert (work.title, work.genre) == ("The Foundations of Leninism", "pamphlet")


def test_my_pamphlet_across_lines_is_by_the_document_author():
    text = (
        "In my pamphlet The October Revolution and the Tactics of the\n"
        "Russian Communists (December 1924) I said that"
    )
    work = one_work(text)
    assert work.title == "The October Revolution and the Tactics of the Russian Communists"
    assert work.evidence.text == (
        "The October Revolution and the Tactics of the\nRussian Communists"
    )
    assert (work.author, work.genre, work.evidence.line) == (AUTHOR_SELF, "pamphlet", 1)


def test_possessive_owner_is_the_author():
    work = one_work("Lenin's pamphlet On Co-operation (1923) gives a new appraisal.")
    assert (work.title, work.author, work.genre) == ("On Co-operation", "Lenin", "pamphlet")


def test_his_book_is_by_the_pronoun():
    work = one_work("Zinoviev, in his book Leninism, says that")
    assert (work.title, work.evidence.text, work.author, work.genre) == (
        "Leninism",
        "Leninism",
        AUTHOR_PRONOUN,
        "book",
    )


def test_list_of_works_of_lenin():
    text = (
        "such works of Lenin as Imperialism, the Highest Stage of Capitalism, The State and "
        "Revolution, etc., are not"
    )
    found = works(text)
    assert [(w.title, w.author, w.cue) for w in found] == [
        ("Imperialism, the Highest Stage of Capitalism", "Lenin", "works-list"),
        ("The State and Revolution", "Lenin", "works-list"),
    ]


def test_article_entitled_quoted_title_without_quotes_and_comma():
    text = "Lenin’s article entitled “The Attitude of the Workers’ Party to Religion,” in which"
    work = one_work(text)
    assert work.title == "The Attitude of the Workers’ Party to Religion"
    assert work.evidence.text == "The Attitude of the Workers’ Party to Religion"
    assert (work.author, work.genre) == ("Lenin", "article")


def test_entitled_without_genre_word():
    work = one_work("an essay entitled “On the Slogan for a United States of Europe,” in which")
    assert work.title == "On the Slogan for a United States of Europe"


def test_two_titles_joined_by_and_once_each_is_known():
    text = (
        "Lenin wrote the pamphlet The Tax in Kind and then the article On Co-operation.\n"
        "Between The Tax in Kind and On Co-operation there is no break."
    )
    found = works(text)
    assert [(w.title, w.evidence.line, w.cue) for w in found] == [
        ("The Tax in Kind", 1, "genre-word"),
        ("On Co-operation", 1, "genre-word"),
        ("The Tax in Kind", 2, "occurrence"),
        ("On Co-operation", 2, "occurrence"),
    ]


def test_two_titles_known_from_reference_data():
    reference = ReferenceData(
        works=[
            ReferenceEntry("works", "The Tax in Kind", (), None),
            ReferenceEntry("works", "On Co-operation", (), None),
        ]
    )
    text = "the difference between The Tax in Kind and On Co-operation is small."
    assert works(text) == []  # nothing introduces them, and nothing is known
    found = works(text, reference)
    assert [(w.title, w.evidence.text, w.cue) for w in found] == [
        ("The Tax in Kind", "The Tax in Kind", "occurrence"),
        ("On Co-operation", "On Co-operation", "occurrence"),
    ]


def test_invented_title_in_no_reference_data():
    text = (
        "In his pamphlet The Peasant Commune and the Kulak Danger, Kamenev argues that the\n"
        "kulak is omnipotent; but The Peasant Commune and the Kulak Danger proves nothing."
    )
    found = works(text)
    assert [(w.title, w.author, w.genre, w.cue, w.evidence.line) for w in found] == [
        ("The Peasant Commune and the Kulak Danger", AUTHOR_PRONOUN, "pamphlet", "genre-word", 1),
        ("The Peasant Commune and the Kulak Danger", None, None, "occurrence", 2),
    ]


def test_see_reference_title():
    work = one_work("as was shown (see The Foundations of Leninism, p. 12)")
    assert (work.title, work.cue) == ("The Foundations of Leninism", "see-reference")


def test_possessive_title_takes_capitalised_words_only():
    work = one_work("from Lenin's April Theses to the October uprising")
    assert (work.title, work.author, work.cue) == ("April Theses", "Lenin", "possessive-title")


@pytest.mark.parametrize(
    "text",
    [
        "(see Vol. XXVI, p. 64)",
        "(see Vol. XX1V, p. 311)",
        "(see Resolution on the Report of the Central Committee of the C.P.S.U.(B.))",
        "Leninism is the theory and tactics of the proletarian revolution.",
    ],
)
def test_no_work(text):
    assert works(text) == []


def test_quoted_title_after_possessive_at_line_break():
    text = (
        "The second case is in his “Letter to the Workers and Peasants in Connection\n"
        "with the Victory over Kolchak,” in which he says:"
    )
    work = one_work(text)
    assert work.title == (
        "Letter to the Workers and Peasants in Connection with the Victory over Kolchak"
    )
    assert work.evidence.text == (
        "Letter to the Workers and Peasants in Connection\nwith the Victory over Kolchak"
    )
    assert work.author == AUTHOR_PRONOUN


def test_quoted_title_ends_at_closing_quote():
    work = one_work("in his “Notes of a Publicist” Lenin says that")
    assert work.title == "Notes of a Publicist"


def test_titles_with_their_bylines_as_a_contents_page_prints_them():
    text = (
        "CONTENTS Page 3 The Peasant Question Today. By Ivan Petrov 12 Notes on the Trade "
        "Unions By MARIA KOVAL 20\nThe Party and the Village? By A. Sidorov."
    )
    assert [(w.title, w.author, w.cue) for w in works(text)] == [
        ("The Peasant Question Today", "Ivan Petrov", "byline"),
        ("Notes on the Trade Unions", "Maria Koval", "byline"),
        ("The Party and the Village?", "A. Sidorov", "byline"),
    ]


@pytest.mark.parametrize("text", [
    "The resolution was drafted by Bukharin.",  # "by" in running text
    "We Shall Win. By then the war was over.",  # no name after "By"
])
def test_no_byline(text):
    assert [w for w in works(text) if w.cue == "byline"] == []


# --- Meetings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "ordinal", "body", "qualifier", "evidence"),
    [
        (
            "the decision of the Fourteenth Congress of the C.P.S.U.(B.) is clear.",
            "Congress",
            14,
            "C.P.S.U.(B.)",
            None,
            "Fourteenth Congress of the C.P.S.U.(B.)",
        ),
        (
            "at the Tenth Party Congress, in 1921,",
            "Congress",
            10,
            "Party",
            None,
            "Tenth Party Congress",
        ),
        (
            "he was a delegate to the YCI Third Congress in 1922",
            "Congress",
            3,
            "YCI",
            None,
            "YCI Third Congress",
        ),
        (
            "the theses of the Second Congress of the Comintern, which were",
            "Congress",
            2,
            "Comintern",
            None,
            "Second Congress of the Comintern",
        ),
        (
            "the Eleventh Congress of our Party, in 1922,",
            "Congress",
            11,
            "Party",
            None,
            "Eleventh Congress of our Party",
        ),
        (
            "at the April Party Conference of 1917",
            "Conference",
            None,
            "Party",
            "April",
            "April Party Conference",
        ),
        (
            "a Plenum of the Central Committee was held.",
            "Plenum",
            None,
            "Central Committee",
            None,
            "Plenum of the Central Committee",
        ),
        (
            "the Seventh Congress of the Young Communist League decided that",
            "Congress",
            7,
            "Young Communist League",
            None,
            "Seventh Congress of the Young Communist League",
        ),
        (
            "the Fourteenth (December) Congress of the Party",
            "Congress",
            14,
            "Party",
            "December",
            "Fourteenth (December) Congress of the Party",
        ),
        (
            "the Kursk Gubernia Party Conference met.",
            "Conference",
            None,
            "Party",
            "Kursk Gubernia",
            "Kursk Gubernia Party Conference",
        ),
        (
            "the Enlarged Plenum of the E.C.C.I. in April",
            "Plenum",
            None,
            "E.C.C.I.",
            "Enlarged",
            "Enlarged Plenum of the E.C.C.I.",
        ),
        (
            "the 14th Congress of the Party",
            "Congress",
            14,
            "Party",
            None,
            "14th Congress of the Party",
        ),
    ],
)
def test_meeting(text, kind, ordinal, body, qualifier, evidence):
    found = meetings(text)
    assert [(m.kind, m.ordinal, m.body, m.qualifier, m.evidence.text) for m in found] == [
        (kind, ordinal, body, qualifier, evidence)
    ]


def test_meeting_across_lines_with_damaged_abbreviation():
    text = "the Fourteenth\nCongress of the\nR.C.P:(B.) adopted"
    (meeting,) = meetings(text)
    assert (meeting.kind, meeting.ordinal, meeting.body) == ("Congress", 14, "R.C.P.(B.)")
    assert meeting.evidence.text == "Fourteenth\nCongress of the\nR.C.P:(B.)"
    assert meeting.evidence.line == 1


@pytest.mark.parametrize(
    "text", ["the congress decided", "In the Congress hall", "the Party decided it"]
)
def test_no_meeting(text):
    assert [m.evidence.text for m in meetings(text)] == []


def test_meeting_body_stops_before_next_sentence_subject():
    (meeting,) = meetings("At the Second Congress of the Comintern Lenin said that")
    assert meeting.body == "Comintern"
    assert meeting.evidence.text == "Second Congress of the Comintern"


# --- Resolutions --------------------------------------------------------------------------


def test_resolution_with_quoted_title_and_meeting():
    text = (
        "the resolution of the Fourteenth Party Conference “The Tasks of the Comintern and "
        "the R.C.P.(B.),” which says"
    )
    (resolution,) = resolutions(text)
    assert resolution.title == "The Tasks of the Comintern and the R.C.P.(B.)"
    assert resolution.evidence.text == "resolution of the Fourteenth Party Conference"
    assert resolution.meeting is not None
    assert (resolution.meeting.kind, resolution.meeting.ordinal, resolution.meeting.body) == (
        "Conference",
        14,
        "Party",
    )
    assert resolution.topic is None


def test_resolution_title_over_lines_with_ocr_damage():
    text = (
        "the resolution of the Fourteenth Party\n"
        "Conference “The Tasks of the Comintern and the R.C.P:(B.),” which says"
    )
    (resolution,) = resolutions(text)
    assert resolution.title == "The Tasks of the Comintern and the R.C.P.(B.)"
    assert resolution.evidence.text == "resolution of the Fourteenth Party\nConference"
    assert resolution.meeting.ordinal == 14


def test_resolution_adopted_at_congress():
    text = "the resolution adopted at the Second Congress of the Comintern on the role of the party"
    (resolution,) = resolutions(text)
    assert resolution.evidence.text == "resolution adopted at the Second Congress of the Comintern"
    assert (resolution.meeting.kind, resolution.meeting.ordinal, resolution.meeting.body) == (
        "Congress",
        2,
        "Comintern",
    )
    assert resolution.title is None


def test_theses_with_topic_after_endnote_number():
    text = (
        "the theses of the Second Congress of the Comintern16 on the role of a political "
        "party, which were drawn up"
    )
    (resolution,) = resolutions(text)
    # the topic is part of the name; the endnote number stays in the raw evidence
    assert resolution.evidence.text == (
        "theses of the Second Congress of the Comintern16 on the role of a political party"
    )
    assert resolution.topic == "on the role of a political party"
    assert resolution.meeting.ordinal == 2


def test_a_topic_goes_on_over_a_line_broken_after_a_small_word():
    text = ("The resolution of the Second Congress of the Comintern on the role of the\n"
            "party in the revolution was adopted.\n")
    (resolution,) = resolutions(text)
    assert resolution.topic == "on the role of the party in the revolution"


def test_titled_resolution_in_see_reference():
    text = "(see Resolution on the Report of the Central Committee of the C.P.S.U.(B.))"
    (resolution,) = resolutions(text)
    assert resolution.evidence.text == (
        "Resolution on the Report of the Central Committee of the C.P.S.U.(B.)"
    )
    assert resolution.topic == "on the Report of the Central Committee of the C.P.S.U.(B.)"
    assert resolution.meeting is None
    assert resolution.title is None


def test_resolution_of_the_congress_refers_to_congress_named_before():
    text = (
        "the Fourteenth Congress of the C.P.S.U.(B.) adopted it\n"
        "(see Resolution of the Congress on the Report of the Central Committee)."
    )
    (resolution,) = resolutions(text)
    assert resolution.topic == "on the Report of the Central Committee"
    assert resolution.evidence.line == 2
    assert (resolution.meeting.ordinal, resolution.meeting.body) == (14, "C.P.S.U.(B.)")


def test_no_resolution_without_a_named_meeting():
    assert resolutions("the resolution of the congress is binding on all") == []


# --- All extractors at once ---------------------------------------------------------------


def test_extract_all_on_ocr_damaged_passage():
    raw = (
        "| think, says Comrade Yakovlev, that Lenin’s pamphlet On Co-operation (1923) is\n"
        "\n"
        "31\n"
        "\n"
        "right.**\n"
        "The Fourteenth Congress of the\n"
        "R.C.P:(B.) adopted the resolution of the Fourteenth Party\n"
        "Conference “The Tasks of the Comintern and the R.C.P:(B.),” which says\n"
        "(see Vol. XX1V, p. 311). Zinoviev®* thinks otherwise.\n"
    )
    doc = make(raw)
    found = extract_all(doc, EMPTY)
    for kind in ("persons", "organizations", "works", "meetings", "resolutions"):
        check_evidence(doc, getattr(found, kind))
    assert [(m.name, m.evidence.text, m.evidence.line) for m in found.persons] == [
        ("Yakovlev", "Yakovlev", 1),
        ("Lenin", "Lenin’s", 1),
        ("Zinoviev", "Zinoviev", 9),
    ]
    assert [(m.name, m.evidence.text) for m in found.organizations] == [
        ("R.C.P.(B.)", "R.C.P:(B.)"),
        ("R.C.P.(B.)", "R.C.P:(B.)"),
    ]
    assert [(w.title, w.author, w.genre) for w in found.works] == [
        ("On Co-operation", "Lenin", "pamphlet")
    ]
    assert [(m.kind, m.ordinal, m.body, m.evidence.text) for m in found.meetings] == [
        ("Congress", 14, "R.C.P.(B.)", "Fourteenth Congress of the\nR.C.P:(B.)"),
        ("Conference", 14, "Party", "Fourteenth Party\nConference"),
    ]
    (resolution,) = found.resolutions
    assert resolution.title == "The Tasks of the Comintern and the R.C.P.(B.)"
    assert resolution.meeting == found.meetings[1]


def test_title_stops_before_the_subject_of_a_speech_verb():
    doc = make_document("In his pamphlet The Tax in Kind Lenin wrote that co-operation is "
                        "state capitalism.", DocumentMeta("s", "S", None, None, None, "s.txt"))
    assert [w.title for w in extract_works(doc, ReferenceData())] == ["The Tax in Kind"]
