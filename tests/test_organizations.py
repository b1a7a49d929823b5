"""Organization recognizers and vetoes: families of names real texts print that the
recognizers of ``extract/organizations.py`` and ``extract/structure.py`` read. The sentences
are invented for these tests."""

from __future__ import annotations

import pytest

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all, recognize
from kgbuild.reference import ReferenceData, load_reference
from kgbuild.resolve import resolve

META = DocumentMeta("sample", "Sample", None, "1930", "en", "sample.txt")
EMPTY = ReferenceData()


def accepted(text: str, reference: ReferenceData = EMPTY) -> list[str]:
    doc = make_document(text, META)
    return [
        doc.span(d.start, d.end).text
        for d in recognize(doc, reference).decisions
        if d.accepted and d.kind == "organization"
    ]


def labels(text: str, reference: ReferenceData) -> set[str]:
    doc = make_document(text, META)
    kb = resolve([(doc, extract_all(doc, reference))], reference)
    return {e.label for e in kb.entities.values() if e.kind == "organization" and e.evidence}


def test_an_acronym_after_the_names_an_organization_undefined() -> None:
    text = "In 1928 he left the KPD for the KPO, and the KPO’s paper said so."
    assert accepted(text) == ["KPD", "KPO", "KPO’s"]


@pytest.mark.parametrize(
    "text",
    [
        "The NEP was a retreat, and the ABC of the matter is simple.",  # policies, a book
        "AN APPEAL TO THE WORKERS OF THE USSR",  # a heading in capitals
        "It was the XIV congress.",  # a Roman numeral
    ],
)
def test_capitals_after_the_that_name_no_organization(text: str) -> None:
    assert accepted(text) == []


def test_an_acronym_after_the_is_the_organization_whose_initials_it_spells() -> None:
    text = "The Central Executive Committee met in May; in June the CEC expelled him."
    assert labels(text, EMPTY) == {"Central Executive Committee"}


def test_an_acronym_before_a_name_is_no_name_of_its_own() -> None:
    assert accepted("It is free under the GNU Free Documentation License.") == []


def test_an_acronym_after_the_is_the_known_organization_it_abbreviates() -> None:
    assert "Communist Party of the Soviet Union (Bolsheviks)" in labels(
        "Trotsky was expelled from the CPSU in 1927.", load_reference())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Online Version: Lenin Internet Archive March, 2002\n\nComrades!",
         "Lenin Internet Archive"),
        ("Public Domain: Encyclopedia of Trotskyism On-Line 2006/Prometheus Research Library.",
         "Encyclopedia of Trotskyism On-Line"),
        ("Letter to the Metalworkers\nFrom Wikisource\n\nComrades!", "Wikisource"),
    ],
)
def test_the_site_that_holds_a_text_is_an_organization(text: str, name: str) -> None:
    assert name in accepted(text)


def test_a_line_from_a_place_names_no_site() -> None:
    assert accepted("A Letter\nFrom Berlin\n\nDear comrades, the strike goes on.") == []


def test_soviet_russia_is_a_country_not_an_organization() -> None:
    assert labels("Soviet Russia made peace at Brest.", load_reference()) == set()


def test_a_kind_of_state_is_no_state() -> None:
    text = ("The Socialist Republic must trade with its neighbours, a World Socialist Soviet "
            "Republic is far off, and the Hungarian Soviet Republic fell in August.")
    assert accepted(text) == ["Hungarian Soviet Republic"]


def test_a_local_body_is_named_with_the_organization_it_belongs_to() -> None:
    assert labels("In 1917 he headed the Kiev Committee of the RSDLP.", EMPTY) == {
        "Kiev Committee of the RSDLP", "RSDLP"}
    found = labels("The Petrograd Bureau of the Communist International issued a bulletin.",
                   load_reference())
    assert found == {"Petrograd Bureau of the Communist International",
                     "Communist International"}


@pytest.mark.parametrize(
    ("text", "named", "not_named"),
    [
        (  # a known body named short is the one the text names with its owner
            "The Central Committee of the RSDLP met in Cracow in 1913.\n"
            "The Central Committee then wrote to the Duma group.",
            "Central Committee of the Russian Social-Democratic Labour Party",
            "Central Committee of the C.P.S.U.(B.)",
        ),
        (  # an acronym the text spells out beats another organization the reference knows
            "He joined the People's Commissariat of Finance (PCF) in 1921, and the PCF "
            "then cut spending.",
            "People's Commissariat of Finance",
            "French Communist Party",
        ),
    ],
)
def test_what_the_text_names_beats_what_the_reference_data_would(
    text: str, named: str, not_named: str
) -> None:
    found = labels(text, load_reference())
    assert named in found
    assert not_named not in found


def test_the_central_committee_in_lower_case_is_the_body() -> None:
    text = "In 1927 Trotsky was removed from the central committee and then from the party."
    assert accepted(text, load_reference()) == ["central committee"]


def test_a_known_name_ending_with_a_state_names_the_state_too() -> None:
    found = labels("The Orgburo of the Communist Party of the Soviet Union met weekly.",
                   load_reference())
    assert "Soviet Union" in found
    assert "Bolsheviks" not in labels("He joined the Party of Bolsheviks.", load_reference())


def test_an_owner_acronym_before_a_body_is_named_too() -> None:
    assert accepted("He sat on the TUC Parliamentary Committee in 1918.") == [
        "TUC Parliamentary Committee", "TUC"]


def test_a_body_name_with_an_irregular_plural() -> None:
    assert accepted("The Young Men’s Christian Association ran a hostel there.") == [
        "Young Men’s Christian Association"]


def test_a_heading_word_in_capitals_is_no_owner() -> None:
    assert accepted("PUBLISHED BY The Socialist Publication Society, Brooklyn") == [
        "Socialist Publication Society"]


def test_an_abbreviation_in_brackets_after_a_name_is_that_organization_in_any_language() -> None:
    text = ("The Communist Labour Party of Germany (K.A.P.D.) left the International, and the "
            "K.A.P.D. soon split.")
    assert labels(text, EMPTY) == {"Communist Labour Party of Germany"}


def test_a_body_named_by_its_body_word_alone() -> None:
    text = ("The Communist International met in July. He would not appeal to the "
            "International, he said; the Executive would decide.")
    assert accepted(text) == ["Communist International", "International"]
    # with no body of that word named, the word names no one body
    assert accepted("He would not appeal to the International, he said.") == []


def test_the_international_alone_is_the_one_the_text_names_most() -> None:
    text = ("The Second International met at Basle in 1912. In 1914 the Second International "
            "broke apart, and a Third International was called for.\n"
            "The collapse of the International was plain to all.")
    assert labels(text, EMPTY) == {"Second International", "Third International"}


def test_a_book_series_cited_by_number_is_no_periodical() -> None:
    text = "Source: Prometheus Research Library, Prometheus Research Series No. 5, New York"
    assert "Prometheus Research Series" not in accepted(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("H. Weber, Die Wandlung (Berlin: Aufbau-Verlag), pp. 386.", "Aufbau-Verlag"),
        ("R. Smith, Selected Writings (London: Allison & Busby, 1980), p. 5.", "Allison & Busby"),
    ],
)
def test_the_publisher_of_an_imprint(text: str, name: str) -> None:
    assert name in accepted(text)


def test_an_acronym_a_glossary_prints_twice_is_an_organization() -> None:
    text = ("Smith, John (1890-1950) Joined IWW, 1912; CLA, 1929; expelled from CLA in 1934.\n"
            "Brown, Ann (1895-1960) IWW organizer in Ohio.")
    assert accepted(text) == ["IWW", "CLA", "CLA", "IWW"]


@pytest.mark.parametrize(
    "text",
    [
        "THE CLASS STRUGGLE. Editors: EUGENE DEBS and LOUIS FRAINA; THE CLASS STRUGGLE, Vol. II",
        "the Russian SFSR and later the Transcaucasian SFSR",
    ],
)
def test_capitals_printed_twice_that_name_no_organization(text: str) -> None:
    assert accepted(text) == []


def test_the_opposition_bloc_in_lower_case_is_the_united_opposition() -> None:
    assert labels("The stance of the opposition bloc alarmed the delegates.",
                  load_reference()) == {"United Opposition"}


def test_a_convocation_of_the_duma_is_the_state_duma() -> None:
    assert labels("He sat in the II Duma and later spoke in the Fourth Duma.",
                  load_reference()) == {"State Duma"}


def test_a_known_person_after_of_is_no_part_of_a_body_name() -> None:
    text = "The United Opposition of Kamenev and Zinoviev was defeated in 1927."
    assert accepted(text, load_reference()) == ["United Opposition"]


def test_a_spelling_of_the_orgburo() -> None:
    assert labels("He sat in the Organisational Bureau from 1920.", load_reference()) == {
        "Organisation Bureau of the Central Committee"}


def test_a_body_word_first_after_a_possessive() -> None:
    text = "He chaired the Communist Academy and its Society of Marxist Historians."
    assert "Society of Marxist Historians" in accepted(text)


def test_the_trade_union_movement_is_no_union() -> None:
    text = "He worked on re-organising the Trade Union movement in the Ukraine."
    assert accepted(text) == []


def test_a_surname_after_of_is_no_part_of_a_body_name() -> None:
    assert accepted("In 1920 the Polish Army of Pilsudski took Kiev.") == ["Polish Army"]


def test_a_group_of_a_body_s_members_is_named_with_it() -> None:
    assert accepted("The report covered the Social-Democratic Duma group in 1913.") == [
        "Social-Democratic Duma group"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He was a member of the CP’s Cannon faction until 1928.", "Cannon faction"),
        ("She was a leader of Shachtman faction in the fight.", "Shachtman faction"),
        ("[58] Chkheidze faction -- the Menshevik deputies in the Duma.", "Chkheidze faction"),
    ],
)
def test_a_group_named_after_a_person_without_the(text: str, name: str) -> None:
    assert name in accepted(text)


def test_a_government_named_after_its_head_is_a_body() -> None:
    text = ("The MacDonald Government fell; the Kerensky cabinet met; the German government "
            "protested and the Provisional government waited.")
    assert accepted(text) == ["MacDonald Government", "Kerensky cabinet"]


def test_a_quoted_name_called_a_party_or_a_group_is_its_name() -> None:
    text = ('He led the liberal "Kadet" party and joined the group “Narodnaya Volia”; '
            "he kept to the party “line”.")
    assert accepted(text) == ['Kadet', 'Narodnaya Volia']


def test_members_a_body_sends_and_a_party_of_no_country_name_no_body() -> None:
    text = ("The Congress of Soviets of Workers’ and Red Army Deputies met. The Red Army won. "
            "When a young Communist Party obtains votes, the Communist Party of Germany "
            "rejoices; the Bund delegates left.")
    assert accepted(text, load_reference()) == [
        "Soviets", "Red Army", "Communist Party of Germany", "Bund"]


def test_a_congress_of_a_kind_of_body_names_no_body() -> None:
    text = ("The Third Congress of Russian Trade Unions was held in April 1920, the First "
            "Congress of Workers’ and Peasants’ Youth Leagues in 1918.")
    assert labels(text, EMPTY) == set()


def test_a_report_numbered_as_a_series_is_no_periodical() -> None:
    assert accepted("See the Marxist Research Bureau Report No. 3, dated 1995.") == []


def test_a_periodical_cited_by_issue_and_year_in_a_note_in_sentence_case() -> None:
    text = ("[3] First printed in Voennaia mysl', # 2 (March 1922), and see Krasnaia nov', "
            "no. 4 (1923), pp. 5-9.")
    assert accepted(text) == ["Voennaia mysl'", "Krasnaia nov'"]


def test_well_known_organizations_of_the_period_are_known() -> None:
    text = "He joined the IWW in 1916, then the Zimmerwald left, and wrote for the Trudoviks."
    assert labels(text, load_reference()) == {
        "Industrial Workers of the World", "Zimmerwald Left", "Trudoviks"}


def test_a_bare_body_is_the_sibling_of_a_known_body_the_text_names() -> None:
    text = "The Politburo decided, and sent the decision to the Secretariat."
    assert labels(text, load_reference()) == {
        "Political Bureau of the Central Committee", "Secretariat of the Central Committee"}
    assert labels("He sent the decision to the Secretariat.", load_reference()) == set()


def test_a_known_name_in_the_other_spelling_of_the_period_is_known() -> None:
    text = "He left the Independent Labor Party; he joined the Social Democratic Labour Party."
    assert labels(text, load_reference()) == {
        "Independent Labour Party", "Russian Social-Democratic Labour Party"}


def test_social_democrats_in_general_are_no_organization() -> None:
    text = "Revolutionary Social-Democrats in every country spoke of the work of Social-Democrats."
    assert accepted(text, load_reference()) == []
    assert accepted("He fought the Social-Democrats.", load_reference()) == ["Social-Democrats"]


def test_the_land_of_soviets_is_no_body() -> None:
    text = "They defend the land of Soviets; all power to the Soviets!"
    assert accepted(text, load_reference()) == ["Soviets"]


def test_a_periodical_named_by_its_editors() -> None:
    text = ("He was the editor of Trud; a note went to the Editorial Board of Socialist "
            "Review; she was the editor of the Commissariat’s bulletin.")
    assert accepted(text) == ["Trud", "Socialist Review"]
