"""Organizations: parties, internationals, party bodies, factions, newspapers.

Found by shape ("C.P.S.U.(B.)", "E.C.C.I."), by a capitalised name ending in a body word
("the Moscow Committee", "the Youth League", the “New Opposition”), by group names
("the Mensheviks", "the Socialist-Revolutionaries"), by a periodical cited with an issue
number ("Kurskaya Pravda, No. 279"), and by the reference data's names and aliases.
The bare "the Party" is generic and is not reported.
"""

from __future__ import annotations

import re

from kgbuild.document import Document
from kgbuild.extract.patterns import find_phrases, normalise_space
from kgbuild.lexicon import alternation, word_set
from kgbuild.records import OrganizationMention
from kgbuild.reference import ReferenceData

ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?:\([A-Z]\.\))?")
BODY_NAME = re.compile(
    rf"[“\"]?(?P<name>(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){{1,3}}"
    rf"(?:{alternation('organization_body_words')})\b"
    # "the Supreme Council of National Economy", not "… of the Party"
    r"(?:\s+of\s+(?!the\s+Party\b|Party\b)(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})?)"
    rf"[”\"]?(?!\s+(?:{alternation('meeting_kinds')})\b)"
)
GROUP_NAME = re.compile(
    r"\bthe\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    rf"(?:{alternation('organization_group_endings')}))\b"
)
PERIODICAL = re.compile(r"\((?P<name>[A-Z][\w’'\- ]{2,40}),\s+No\.\s*\d+")


def _strip_leading(name: str) -> str:
    words = name.split()
    while words and words[0] in word_set("not_a_person"):
        words.pop(0)
    return " ".join(words)


def extract_organizations(doc: Document, reference: ReferenceData) -> list[OrganizationMention]:
    """Organization mentions, one per span; a longer name wins over one inside it."""
    candidates: list[OrganizationMention] = []
    for pattern, cue in (
        (ABBREVIATION, "abbreviation"),
        (BODY_NAME, "body-name"),
        (GROUP_NAME, "group-name"),
        (PERIODICAL, "periodical"),
    ):
        for match in pattern.finditer(doc.clean):
            group = "name" if "name" in pattern.groupindex else 0
            text = match.group(group)
            name = _strip_leading(normalise_space(text))
            if len(name.split()) < (2 if cue == "body-name" else 1):
                continue
            begin = match.start(group)  # the name without the leading words stripped off
            span = doc.span(begin + text.index(name.split()[0]), begin + len(text.rstrip()))
            candidates.append(OrganizationMention(name=name, evidence=span, cue=cue))
    aliases = [alias for entry in reference.organizations for alias in entry.names]
    for alias, span in find_phrases(doc, aliases, allow_possessive=True):
        candidates.append(OrganizationMention(name=alias, evidence=span, cue="reference"))
    return _longest_first(candidates)


def _longest_first(candidates: list[OrganizationMention]) -> list[OrganizationMention]:
    kept: list[OrganizationMention] = []
    ordered = sorted(
        candidates, key=lambda m: (-(m.evidence.end - m.evidence.start), m.evidence.start)
    )
    for mention in ordered:
        if not any(
            other.evidence.start < mention.evidence.end
            and mention.evidence.start < other.evidence.end
            for other in kept
        ):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.evidence.start)
