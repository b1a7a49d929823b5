"""Meetings in the forms the period names them, on sentences written for these tests:
conventions, joint meetings of two bodies, meetings of a named body, and their dates."""

from __future__ import annotations

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.reference import ReferenceData

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
