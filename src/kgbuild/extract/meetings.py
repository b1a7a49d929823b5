"""Meetings: congresses, conferences and plenums, by ordinal, kind and convening body.

"the Fourteenth Congress of the C.P.S.U.(B.)", "the Tenth Party Congress", "the Second
Congress of the Comintern", "the Eleventh Congress of our Party", and without an ordinal
"the April Party Conference", "the Kursk Gubernia Party Conference", "a Plenum of the
Central Committee", "the Enlarged Plenum of the E.C.C.I.". A bare "the congress" is an
anaphor, not a name, and is not reported.
"""

from __future__ import annotations

import re

from kgbuild.document import Document
from kgbuild.extract.patterns import ORDINAL, ORDINAL_WORDS, normalise_space, ordinal_value
from kgbuild.lexicon import alternation
from kgbuild.records import MeetingMention

KIND = rf"(?P<kind>{alternation('meeting_kinds')})"
# The convening body: an abbreviation, a name ending in a body word ("Central Committee",
# "Young Communist League"), or one capitalised word ("the Comintern", "the Soviets").
BODY = (
    r"(?:\s+of\s+(?:the\s+|our\s+)?(?P<body>(?:[A-Z]\.){2,}(?:\([A-Z]\.\))?"
    rf"|(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){{1,3}}(?:{alternation('organization_body_words')})\b"
    r"|[A-Z][a-z]+(?:-[A-Z][a-z]+)?))?"
)
PREFIX_WORDS = rf"(?:{alternation('meeting_prefix_words')})"
ORDINAL_MEETING = re.compile(
    rf"\b(?P<ordinal>{ORDINAL})\s+(?:\((?P<month>[A-Z][a-z]+)\)\s+)?"
    rf"(?P<prefix>(?:{PREFIX_WORDS}\s+){{0,2}}){KIND}{BODY}"
)
QUALIFIED_MEETING = re.compile(
    rf"\b(?:the|a|an|last)\s+(?P<qualifier>(?:(?!{ORDINAL_WORDS}\b)"
    rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){{1,3}}?)(?P<prefix>Party\s+)?{KIND}{BODY}"
)
BODY_ONLY_MEETING = re.compile(rf"\b(?:the|a|an)\s+{KIND}(?=\s+of\s+(?:the\s+)?[A-Z]){BODY}")


def _body(match: re.Match[str]) -> str | None:
    body = match.group("body")
    if body:
        return normalise_space(body)
    return "Party" if "Party" in (match.groupdict().get("prefix") or "") else None


def extract_meetings(doc: Document) -> list[MeetingMention]:
    """Meeting mentions; the evidence spans the name from the ordinal or qualifier on."""
    mentions: dict[int, MeetingMention] = {}
    for match in ORDINAL_MEETING.finditer(doc.clean):
        mentions[match.start()] = MeetingMention(
            kind=match.group("kind"),
            evidence=doc.span(*match.span()),
            ordinal=ordinal_value(match.group("ordinal")),
            body=_body(match),
            qualifier=match.group("month"),
        )
    for pattern in (QUALIFIED_MEETING, BODY_ONLY_MEETING):
        for match in pattern.finditer(doc.clean):
            groups = match.groupdict()
            start = match.start("qualifier") if groups.get("qualifier") else match.start("kind")
            if any(
                m.evidence.start <= doc.offsets[start] < m.evidence.end for m in mentions.values()
            ):
                continue
            qualifier = normalise_space(groups.get("qualifier") or "") or None
            mentions[start] = MeetingMention(
                kind=match.group("kind"),
                evidence=doc.span(start, match.end()),
                body=_body(match),
                qualifier=qualifier,
            )
    return [mentions[start] for start in sorted(mentions)]
