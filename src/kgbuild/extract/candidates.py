"""Candidates and the registry of recognizers that propose them.

A recognizer is a small function over a Document that proposes spans of the cleaned text
as persons, organizations, meetings or works, each with a score (how much a hit of this
recognizer is worth on its own, 0–1) and its source (the recognizer and the cue that fired).
A recognizer may also propose that a span is *not* a name (kind ``"none"``: a month, a
place). No recognizer decides: ``adjudicate`` weighs all of them together.

Recognizers register themselves with ``@recognizer("name")``; ``extract_all`` runs every
registered one, so a new recognizer is one function in one module. A follow-up
(``@recognizer("name", follow_up=True)``) runs after the first decision and reads what it
accepted: every other occurrence of an accepted name, the surname of a full name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from kgbuild.document import Document
from kgbuild.records import CitationRecord, MeetingMention, WorkMention
from kgbuild.reference import ReferenceData

NOT_A_NAME = "none"


@dataclass(frozen=True)
class Candidate:
    """A span of ``doc.clean`` [start, end) proposed as a ``kind`` by ``source``.

    ``name`` is the form to resolve ("Lenin" for "Lenin’s"); ``record`` carries what a
    meeting or work recognizer read of the span (ordinal, body, author, genre).
    """

    kind: str
    start: int
    end: int
    name: str
    score: float
    source: str
    record: MeetingMention | WorkMention | None = None
    recognizer: str = ""  # the registered recognizer that proposed it (set when run)
    rules_out: str = ""  # of a "none" candidate: the kind it vetoes, "" for any


@dataclass(frozen=True)
class Context:
    """What recognizers read: the document, the reference data, the references it prints
    (read once, before recognition: they need no entities) and, for follow-ups, the spans the
    first decision accepted (as candidates with their support as score)."""

    doc: Document
    reference: ReferenceData
    citations: tuple[CitationRecord, ...] = ()
    accepted: tuple[Candidate, ...] = ()


Recognizer = Callable[[Context], Iterable[Candidate]]
RECOGNIZERS: dict[str, Recognizer] = {}
FOLLOW_UPS: dict[str, Recognizer] = {}  # run once the first decision is taken


def recognizer(name: str, follow_up: bool = False) -> Callable[[Recognizer], Recognizer]:
    """Register a recognizer under a name (the first part of its candidates' source); a
    follow-up reads ``context.accepted`` ("every other occurrence of a name accepted")."""

    def register(function: Recognizer) -> Recognizer:
        if name in RECOGNIZERS or name in FOLLOW_UPS:
            raise ValueError(f"a recognizer named {name!r} is registered already")
        (FOLLOW_UPS if follow_up else RECOGNIZERS)[name] = function
        return function

    return register


def run_recognizers(context: Context, follow_ups: bool = False) -> list[Candidate]:
    """Every candidate the registered recognizers (or follow-ups) propose."""
    registry = FOLLOW_UPS if follow_ups else RECOGNIZERS
    return [
        replace(candidate, recognizer=name)
        for name, function in registry.items()
        for candidate in function(context)
    ]
