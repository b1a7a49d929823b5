"""Meetings in the forms the period names them, on sentences written for these tests:
conventions, joint meetings of two bodies, meetings of a named body, and their dates."""

from __future__ import annotations

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.rdf.mapping import to_graph
from kgbuild.rdf.namespaces import SCHEMA
from kgbuild.reference import ReferenceData, load_reference
from kgbuild.resolve import resolve

META = DocumentMeta("sample", "Sample", None, "1930", "en", "sample.txt")
EMPTY = ReferenceData()


def meetings(text: str) -> list[str]:
    doc = make_document(text, META)
    return [m.name for m in extract_all(doc, EMPTY).meetings]


def test_a_convention_is_a_meeting() -> None:
    text = ("The Emergency National Convention of the Socialist Party met in April; the "
            "Communist Party Convention followed in September.")
    assert meetings(text) == ["Emergency National Convention of the Socialist Party",
                              "Communist Party Convention"]


def test_a_joint_meeting_of_two_bodies_is_named_with_both() -> None:
    text = ("He spoke at the United Plenum of the Central Committee (CC) and the Central "
            "Control Committee (CCC) of the All-Union Communist Party (Bolsheviks). The Joint "
            "Conference of the Central Committee of the RSDLP and Party Officials followed.")
    assert meetings(text) == [
        "United Plenum of the Central Committee (CC) and the Central Control Committee (CCC) "
        "of the All-Union Communist Party (Bolsheviks)",
        "Joint Conference of the Central Committee of the RSDLP and Party Officials"]


def test_a_meeting_is_dated_across_an_aside_in_brackets() -> None:
    text = ("The Joint Conference of the Central Committee of the RSDLP and Party Officials "
            "(known for secrecy as the “August” Conference), was held from September 23 to "
            "October 1, 1913 in a village.")
    doc = make_document(text, META)
    (meeting,) = [c for c in extract_all(doc, EMPTY).dated_claims if c.dates_entity]
    assert str(meeting.date.edtf).startswith("1913-09-23")


def test_a_meeting_of_a_named_body_or_called_by_its_month_is_named() -> None:
    text = ("Report of Meeting of the Executive Committee of the Communist International\n\n"
            "He spoke at a Meeting of Workers of the Putilov Works; the cells discussed the "
            "“February” Meeting.")
    assert meetings(text) == [
        "Meeting of the Executive Committee of the Communist International",
        "“February” Meeting"]


def test_a_meeting_inside_a_listed_title_is_no_mention_of_it() -> None:
    text = ("Contents\n\nOur tasks, 12/6/17\nSpeech to the Ninth Congress of the Finnish "
            "Party, 17/6/17\nWhen will the war end?, 21/6/17\nThe reorganisation of "
            "production, 25/6/17\n")
    assert meetings(text) == []



def test_a_known_meeting_named_by_its_place_takes_its_known_date() -> None:
    doc = make_document("Lenin spoke at the Zimmerwald Conference.", META)
    reference = load_reference()
    graph = to_graph(resolve([(doc, extract_all(doc, reference))], reference))
    assert {str(o) for o in graph.objects(None, SCHEMA.startDate)} == {"1915-09-05"}


def test_a_meeting_ending_a_title_with_its_abbreviation_s_stop_is_named() -> None:
    text = "Speech at the Plenary Meeting of the E.C.C.I.\n\nComrades, the situation is grave."
    assert meetings(text) == ["Plenary Meeting of the E.C.C.I."]


def test_a_meeting_that_took_place_or_sat_on_a_date_is_dated() -> None:
    for text in ("The Second Congress of Teachers took place on Oct. 3, 1919.",
                 "The Second Congress of Teachers, which sat in October 1919, ended."):
        doc = make_document(text, META)
        graph = to_graph(resolve([(doc, extract_all(doc, EMPTY))], EMPTY))
        assert [str(o)[:7] for o in graph.objects(None, SCHEMA.startDate)] == ["1919-10"]


def test_the_enlarged_executive_capitalised_is_an_enlarged_plenum() -> None:
    text = ("The Enlarged Executive is to give directions. The Fifth Enlarged Executive "
            "agreed. It was approved by the enlarged Executive.")
    assert meetings(text) == ["Enlarged Executive", "Fifth Enlarged Executive"]
    doc = make_document(text, META)
    reference = load_reference()
    kb = resolve([(doc, extract_all(doc, reference))], reference)
    assert "Fifth Enlarged Plenum of the E.C.C.I." in {
        e.label for e in kb.entities.values() if e.kind == "meeting"}


def test_an_ordinal_meeting_in_lower_case_after_the_is_a_meeting() -> None:
    text = ("After the Party split at the second congress a struggle began. This is the first "
            "congress that is meeting without Lenin; a second congress of teachers followed.")
    assert meetings(text) == ["second congress"]
