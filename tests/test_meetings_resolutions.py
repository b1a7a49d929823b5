"""Meetings and resolutions in the forms real texts print them, on sentences written for
these tests: what a decision decided, one resolution for each meeting named, plural
resolutions adopted, sessions of standing bodies, a meeting named again without its ordinal,
and the date a text gives a meeting."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.knowledge import Entity, KnowledgeBase
from kgbuild.rdf.mapping import to_graph
from kgbuild.rdf.namespaces import KGO, SCHEMA
from kgbuild.reference import ReferenceData, load_reference
from kgbuild.resolve import resolve

META = DocumentMeta("sample", "Sample", None, "1930", "en", "sample.txt")
EMPTY = ReferenceData()


def resolved(text: str, reference: ReferenceData = EMPTY) -> KnowledgeBase:
    doc = make_document(text, META)
    return resolve([(doc, extract_all(doc, reference))], reference)


def of_kind(kb: KnowledgeBase, kind: str) -> list[Entity]:
    return [e for e in kb.entities.values() if e.kind == kind and e.evidence]


def test_what_a_decision_decided_is_its_topic_and_it_is_called_a_decision() -> None:
    text = ("The cells carried out the decision of the Third Congress of the Comintern to "
            "build factory nuclei, as it had asked.")
    (resolution,) = extract_all(make_document(text, META), EMPTY).resolutions
    assert resolution.topic == "to build factory nuclei"
    assert resolution.evidence.text.endswith("to build factory nuclei")
    (entity,) = of_kind(resolved(text), "resolution")
    assert entity.label == (
        "Decision of the Third Congress of the Comintern to build factory nuclei")


def test_a_purpose_clause_must_start_with_a_verb() -> None:
    text = "He read the decisions of the Third Congress of the Comintern to which we hold."
    (resolution,) = extract_all(make_document(text, META), EMPTY).resolutions
    assert resolution.topic is None


def test_resolutions_of_two_meetings_are_one_of_each() -> None:
    text = ("They endorsed the resolutions of the Twelfth Conference and the Twelfth Congress "
            "of the R.C.P.(B.), which condemned the group.")
    found = extract_all(make_document(text, META), EMPTY).resolutions
    assert [(r.meeting.kind, r.meeting.ordinal) for r in found if r.meeting] == [
        ("Conference", 12), ("Congress", 12)]


def test_plural_resolutions_adopted_without_an_article() -> None:
    text = ("The Ninth Congress of Soviets met in December. The Congress adopted resolutions "
            "on the electrification of the country.")
    (resolution,) = extract_all(make_document(text, META), EMPTY).resolutions
    assert resolution.topic == "on the electrification of the country"
    assert resolution.meeting is not None and resolution.meeting.ordinal == 9
    (entity,) = of_kind(resolved(text), "resolution")
    assert entity.label.startswith("Resolutions of the Ninth Congress")


def test_a_resolution_printed_as_a_name_keeps_its_name() -> None:
    text = ("The Fifth Congress of the R.S.D.L.P. met in London.\n\n"
            "(see Resolution on the Report of the Duma Group)")
    (entity,) = of_kind(resolved(text), "resolution")
    assert entity.label == "Resolution on the Report of the Duma Group"


def test_one_resolution_whatever_the_case_of_its_topic() -> None:
    text = ("I. The Resolution of the Fifth Congress on the Tasks of the Party\n\n"
            "The resolution of the fifth congress of the Comintern on the tasks of the party "
            "in the strikes was clear.")
    assert len(of_kind(resolved(text), "resolution")) == 1


def test_a_meeting_named_again_without_its_ordinal_is_the_same_meeting() -> None:
    text = ("The Third All-Russian Congress of Soviets met in January. Later the All-Russian "
            "Congress of the Soviets ratified the peace.")
    (meeting,) = of_kind(resolved(text), "meeting")
    assert len(meeting.evidence) == 2


def test_a_numbered_session_of_a_standing_body_is_a_meeting() -> None:
    text = "Speech At The Second Session Of The Central Executive Committee\n\nComrades!"
    kb = resolved(text)
    (meeting,) = of_kind(kb, "meeting")
    assert (meeting.label, meeting.facts["kind"]) == (
        "Second Session of the Central Executive Committee", "Session")
    graph = to_graph(kb)
    assert (None, RDF.type, KGO.Congress) in graph  # another assembly is a congress
    assert not of_kind(resolved("It was the Ninth Session of the Congress."), "meeting")


def start_dates(text: str) -> set[str]:
    graph = to_graph(resolved(text, load_reference()))
    return {str(o) for s, o in graph.subject_objects(SCHEMA.startDate)
            if (s, RDF.type, KGO.Congress) in graph and isinstance(s, URIRef)
            and isinstance(o, Literal)}


def test_a_meeting_is_dated_by_when_the_text_says_it_met() -> None:
    assert start_dates("The Fourth Congress of the Metal Workers' Union was convened in May 1921."
                       ) == {"1921-05"}
    assert start_dates("Delegates came to the Second Congress of Teachers on Oct. 3, 1919."
                       ) == {"1919-10-03"}
    assert start_dates("The Third Congress of Teachers, held at Kiev in June 1920, ended."
                       ) == {"1920-06"}
    # what the text says happened to it is no date of its meeting
    assert start_dates("The Second Congress of Teachers was forgotten in 1922.") == set()


def test_a_date_without_its_year_does_not_override_the_reference_data() -> None:
    text = ("In 1919 the civil war raged. The Sixth Congress of the R.S.D.L.P.(B.) "
            "(26 Jul) had met long before.")
    assert start_dates(text) == {"1917-08-08"}


def test_a_resolution_said_to_be_adopted_is_one() -> None:
    text = ("The delegates argued for three days.\n\nIn the end the resolutions were adopted "
            "unanimously. A few urgent motions raised by Comrade Rudas were carried as well.")
    found = extract_all(make_document(text, META), EMPTY).resolutions
    assert [r.evidence.text for r in found] == ["resolutions", "urgent motions"]
    assert all(r.meeting is None for r in found)  # no meeting named in the sentence


def test_the_reference_data_s_day_refines_the_month_the_text_gives() -> None:
    assert start_dates("The Tenth Congress of the R.C.P.(B.) (March 1921) banned factions."
                       ) == {"1921-03-08"}
    # a month the reference data does not agree with stays as the text gives it
    assert start_dates("The Tenth Congress of the R.C.P.(B.) (April 1921) banned factions."
                       ) == {"1921-04"}


def test_a_lower_case_meeting_with_a_qualifier_and_a_possessive_body() -> None:
    text = "Students marched during the ninth annual congress of the Young Women’s League."
    (meeting,) = extract_all(make_document(text, META), EMPTY).meetings
    assert (meeting.ordinal, meeting.body) == (9, "Young Women’s League")
    assert meeting.evidence.text == "ninth annual congress of the Young Women’s League"


def test_theses_a_person_wrote_or_drafted_are_no_resolution() -> None:
    for text in ("Marx wrote the Theses on Capital and Rent that winter.",
                 "Kautsky's Theses on the Colonial Question were never published.",
                 "The Theses on the Land Question submitted by the Opposition fell."):
        assert extract_all(make_document(text, META), EMPTY).resolutions == []
    text = "The Congress adopted the Theses on the Land Question drafted by the commission."
    (resolution,) = extract_all(make_document(text, META), EMPTY).resolutions
    assert resolution.title == "Theses on the Land Question"


def test_a_plenum_named_by_its_body_first_in_lower_case() -> None:
    text = "In May the Central Committee plenum removed him; the E.C.C.I. plenum agreed."
    found = extract_all(make_document(text, META), EMPTY).meetings
    assert [(m.evidence.text, m.kind, m.body) for m in found] == [
        ("Central Committee plenum", "Plenum", "Central Committee"),
        ("E.C.C.I. plenum", "Plenum", "E.C.C.I.")]
    assert extract_all(make_document("The plenum met.", META), EMPTY).meetings == []


def test_a_resolution_of_the_meeting_named_before_by_its_kind() -> None:
    text = ("The Ninth Congress of the R.C.P.(B.) met in 1920. Later the decisions of the "
            "Congress on labour armies were forgotten.")
    (resolution,) = extract_all(make_document(text, META), EMPTY).resolutions
    assert resolution.meeting is not None and resolution.meeting.ordinal == 9
    assert resolution.topic == "on labour armies"
    # no meeting of that kind named before: no resolution
    text = "We obeyed the decisions of the Congress on labour armies."
    assert extract_all(make_document(text, META), EMPTY).resolutions == []


def test_a_topic_in_lower_case_with_the_meeting_that_adopted_it() -> None:
    text = "The theses on the peasant question adopted by the Fourth Congress were ignored."
    (resolution,) = extract_all(make_document(text, META), EMPTY).resolutions
    assert resolution.evidence.text == (
        "theses on the peasant question adopted by the Fourth Congress")
    assert resolution.meeting is not None and resolution.meeting.ordinal == 4


def test_a_resolution_adopted_with_its_quoted_title_is_named_by_it() -> None:
    text = 'The Eleventh Conference adopted a resolution "On the Co-operatives" at once.'
    (resolution,) = extract_all(make_document(text, META), EMPTY).resolutions
    assert resolution.title == "On the Co-operatives"
    assert resolution.meeting is not None and resolution.meeting.ordinal == 11


def test_a_meeting_inside_a_cited_title_is_no_mention_of_it() -> None:
    for text in ("Source: Forward March: Proceedings of the Ninth Congress of the Metal "
                 "Workers’ Union, London 1990, pp. 12-20.",
                 "In an article entitled “Notes on Our Eleventh Party Congress,” he wrote "
                 "nothing new."):
        assert extract_all(make_document(text, META), EMPTY).meetings == []
    text = "The Eleventh Party Congress met in 1922."
    assert len(extract_all(make_document(text, META), EMPTY).meetings) == 1


def test_a_topic_ends_before_what_the_resolution_did() -> None:
    text = "The resolution of the Eighth Congress on the army says that discipline comes first."
    (resolution,) = extract_all(make_document(text, META), EMPTY).resolutions
    assert resolution.topic == "on the army"


def test_a_known_resolution_is_found_by_its_topic_after_its_meeting() -> None:
    text = "The resolution of the Tenth Party Congress on Party unity says much."
    kb = resolved(text, load_reference())
    (resolution,) = of_kind(kb, "resolution")
    assert resolution.label == "On Party Unity"


def test_a_plenary_session_is_a_plenum_and_the_one_of_the_month_of_the_text() -> None:
    text = "The plenary session of the E.C.C.I. approves the instructions in full."
    (meeting,) = extract_all(make_document(text, META), EMPTY).meetings
    assert (meeting.evidence.text, meeting.kind, meeting.body) == (
        "plenary session of the E.C.C.I.", "Plenum", "E.C.C.I.")
    reference = load_reference()
    for date, label in (("1929-07", "Tenth Plenum of the E.C.C.I."),
                        ("1930-01", "plenary session of the E.C.C.I.")):
        doc = make_document(text, DocumentMeta("s", "S", None, date, "en", "s.txt"))
        kb = resolve([(doc, extract_all(doc, reference))], reference)
        assert [e.label for e in of_kind(kb, "meeting")] == [label]
    # the body's practice, not one meeting
    text = "The bureau was elected at plenary sessions of the Central Committee."
    assert extract_all(make_document(text, META), EMPTY).meetings == []


def test_a_resolution_named_only_by_its_word_is_its_own_text_s() -> None:
    documents = []
    for slug in ("first", "second"):
        doc = make_document("In the end the resolutions were adopted unanimously.",
                            DocumentMeta(slug, "S", None, "1930", "en", f"{slug}.txt"))
        documents.append((doc, extract_all(doc, EMPTY)))
    kb = resolve(documents, EMPTY)
    assert len(of_kind(kb, "resolution")) == 2


def test_no_plenum_of_a_generic_body_or_a_congress_s_sitting() -> None:
    for text in ("The Party plenum met.", "He spoke at the plenary session of the Congress."):
        assert extract_all(make_document(text, META), EMPTY).meetings == []


def test_two_resolutions_of_one_body_on_two_topics_are_two() -> None:
    text = ("The resolution of the Central Committee on the press was read. Then the decision "
            "of the Central Committee on the army was read.")
    kb = resolved(text, load_reference())
    assert sorted(e.label for e in of_kind(kb, "resolution")) == [
        "Decision of the Central Committee on the army",
        "Resolution of the Central Committee on the press"]
