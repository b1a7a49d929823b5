"""Resolutions read from how the period prints an adoption (``extract/adoptions.py``), on
sentences written for these tests: a text "adopted at" a meeting, a body's adoption, "the
adoption of the resolution on …", a body or a town before the word, a date after it, a
meeting no recognizer knows; the body that adopted it and the day it was adopted, in the
graph."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.knowledge import Entity
from kgbuild.rdf.mapping import to_graph
from kgbuild.rdf.namespaces import KGO
from kgbuild.records import ResolutionMention
from kgbuild.reference import ReferenceData, load_reference
from kgbuild.resolve import resolve

META = DocumentMeta("sample", "Sample", None, "1926", "en", "sample.txt")
EMPTY = ReferenceData()
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")  # rdflib's XSD makes pytest warn


def mentions(text: str) -> list[ResolutionMention]:
    return extract_all(make_document(text, META), EMPTY).resolutions


def entities(text: str) -> list[Entity]:
    doc = make_document(text, META)
    kb = resolve([(doc, extract_all(doc, EMPTY))], EMPTY)
    return [e for e in kb.entities.values() if e.kind == "resolution" and e.evidence]


def test_a_text_adopted_at_a_meeting_is_its_resolution_whoever_drafted_it() -> None:
    text = ("They quarrelled over the theses drafted by Bukharin and adopted at the Sixth "
            "Congress of the Communist International, and over little else.")
    (mention,) = mentions(text)
    assert mention.evidence.text.startswith("theses drafted by Bukharin")
    assert mention.meeting is not None and mention.meeting.ordinal == 6
    (entity,) = entities(text)
    assert entity.label.startswith("Theses of the Sixth Congress")


def test_a_directive_approved_by_a_meeting_keeps_its_adjective() -> None:
    (mention,) = mentions("The sections followed the tactical directive approved by the "
                          "Fourth Congress of the Communist International.")
    assert mention.evidence.text.startswith("tactical directive approved by")


def test_a_body_that_passes_a_resolution_adopted_it() -> None:
    (mention,) = mentions("After a long quarrel the members of the Moscow Committee, who were "
                          "no friends of his, could adopt a resolution, and publish it at once.")
    assert mention.evidence.text == "resolution"
    assert mention.topic == "of the Moscow Committee"


def test_the_need_to_pass_a_resolution_is_no_resolution() -> None:
    assert not mentions("The Central Committee thinks there is no need to pass a resolution "
                        "about it now.")


def test_the_adoption_of_the_resolution_on_a_topic() -> None:
    (mention,) = mentions("He quarrelled with the Moscow Soviet before securing the adoption "
                          "of the resolution on the abolition of the death penalty, and left.")
    assert mention.topic == "of the Moscow Soviet on the abolition of the death penalty"


def test_a_body_named_before_the_word_and_a_date_after_it() -> None:
    (mention,) = mentions("The Political Bureau's decision of October 12, 1923 was kept from "
                          "the cells.")
    assert mention.topic == "of the Political Bureau of October 12, 1923"
    (entity,) = entities("The Political Bureau's decision of October 12, 1923 was kept from "
                         "the cells.")
    assert entity.label == "Decision of the Political Bureau of October 12, 1923"


def test_a_periodical_adopts_nothing() -> None:
    assert not mentions("He quoted the Pravda resolution column of that week.")


def test_a_resolution_named_by_the_town_of_its_congress() -> None:
    (mention,) = mentions("Every socialist knew the Stuttgart resolution on militarism, word "
                          "for word.")
    assert mention.title == "Stuttgart Resolution"
    assert mention.topic == "on militarism"
    assert not mentions("He read the Great decisions with a smile.")


def test_the_decision_of_a_meeting_no_recognizer_knows() -> None:
    (mention,) = mentions("The committees were to discuss the decisions of the “Spring” Meeting "
                          "in their branches.")
    assert mention.topic == "of the “Spring” Meeting"
    (mention,) = mentions("The plenum confirms the decision of the Vienna conference of nine "
                          "parties to hold a day against war, and says no more.")
    assert mention.evidence.text.endswith("to hold a day against war")


def test_the_congress_as_subject_is_the_congress_named_in_an_earlier_paragraph() -> None:
    text = ("The Ninth Congress of the Communist Party met in the spring.\n\n"
            "After three days of debate the congress adopted a resolution on the unions.")
    (mention,) = mentions(text)
    assert mention.meeting is not None and mention.meeting.ordinal == 9


def test_theses_adopted_without_an_article_with_what_they_are_on() -> None:
    (mention,) = mentions("The Ninth Congress of the Communist Party adopted theses on the "
                          "unions.")
    assert mention.evidence.text == "theses on the unions"


def test_the_resolutions_opening_a_sentence_are_the_meeting_s_named_before() -> None:
    text = ("This is the Ninth Congress of the Communist Party as the bulletin reported it. "
            "The resolutions are printed after the speeches.")
    (mention,) = mentions(text)
    assert mention.evidence.text == "The resolutions"
    assert mention.meeting is not None and mention.meeting.ordinal == 9
    assert not mentions("The resolutions are printed after the speeches.")


def test_the_graph_carries_the_adopting_body_and_the_day() -> None:
    text = "The Political Bureau's decision of October 12, 1923 was kept from the cells."
    doc = make_document(text, META)
    graph = to_graph(resolve([(doc, extract_all(doc, EMPTY))], EMPTY))
    (resolution,) = graph.subjects(RDF.type, KGO.Resolution)
    body = graph.value(resolution, KGO.adoptedBy)
    assert (body, RDF.type, KGO.Organization) in graph
    assert str(graph.value(body, RDFS.label)) == "Political Bureau"
    assert graph.value(resolution, DCTERMS.created) == Literal("1923-10-12", datatype=XSD_DATE)
    assert graph.value(resolution, KGO.adoptedAt) is None


def test_the_day_a_resolution_was_adopted_printed_after_it() -> None:
    (mention,) = mentions("He cited the resolution of the Ninth Congress of the Communist Party "
                          "on the unions, adopted on April 2, 1920, in full.")
    assert mention.date == "1920-04-02"
    assert mention.body is None and mention.meeting is not None


def test_a_month_and_year_is_no_day_of_the_month() -> None:
    (mention,) = mentions("The ECCI resolution of January 1922 endorsed the united front.")
    assert mention.topic == "of the ECCI of January 1922"
    assert mention.date == "1922-01"


def test_a_body_that_passed_a_decision_on_a_topic_adopted_it() -> None:
    (mention,) = mentions("In December 1922 the Moscow Committee passed a decision on the "
                          "trade monopoly.")
    assert mention.topic == "on the trade monopoly"
    assert mention.body is not None and mention.body.name == "Moscow Committee"


def test_the_twenty_one_conditions_by_their_other_name() -> None:
    reference = load_reference(None)
    doc = make_document("The party would not accept the 21 points of Moscow.", META)
    (mention,) = extract_all(doc, reference).resolutions
    assert mention.title == "Conditions of Admission to the Communist International"


def test_a_topic_ends_before_another_resolution_and_before_what_it_did() -> None:
    first, second = mentions(
        "It confirms the decisions of the Fourth Congress of the Communist International on "
        "the united front and the resolutions of the Fifth Congress of the Communist "
        "International on the peasants.")
    assert first.topic == "on the united front"
    assert second.topic == "on the peasants"
    (mention,) = mentions("The theses of the Sixth Congress of the Communist International on "
                          "the colonial question remain valid.")
    assert mention.topic == "on the colonial question"


def test_the_decisions_of_a_sitting_of_a_body_named_in_lower_case() -> None:
    (mention,) = mentions("The Presidium confirms the decisions of the enlarged plenum of the "
                          "Executive Committee of the Communist International of March 1926.")
    assert mention.evidence.text.endswith("of March 1926")
    assert mention.topic == ("of the enlarged plenum of the Executive Committee of the "
                             "Communist International of March 1926")


def test_the_body_a_sentence_s_subject_stands_for_passed_the_resolution() -> None:
    text = ("He spoke before the Moscow Soviet of Workers' Deputies on Tuesday. After a stormy "
            "night the Soviet passed a resolution, and the strike ended.")
    (mention,) = mentions(text)
    assert mention.body is not None and mention.body.name.startswith("Moscow Soviet")
