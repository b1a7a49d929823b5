"""The follow-up every kind shares: a name accepted once is a mention wherever it stands.

A repeat adds a mention; it does not vouch twice for the span it was found at (adjudication
drops follow-up candidates on spans a recognizer proposed already).
"""

from __future__ import annotations

from collections.abc import Iterator

from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.patterns import find_phrases

REPEAT = "repeat of "  # a repeat's source: "repeat of persons.cue.speech-verb-after"
SCORES = {"person": 0.9, "organization": 0.85}


@recognizer("repeat", follow_up=True)
def repeats(context: Context) -> Iterator[Candidate]:
    """Every other occurrence of the person and organization names accepted, with their
    possessive (and, for persons, plural) forms ("Lenin’s", "the Kautskys")."""
    doc = context.doc
    for kind, score in SCORES.items():
        origins: dict[str, str] = {}
        for accepted in context.accepted:
            if accepted.kind == kind:
                origins.setdefault(accepted.name, accepted.source.removeprefix(REPEAT))
        person = kind == "person"
        for name, start, end in find_phrases(
            doc, origins, allow_possessive=True, allow_plural=person
        ):
            yield Candidate(kind, start, end, name, score, REPEAT + origins[name])
