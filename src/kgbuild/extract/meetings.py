"""Meetings: congresses, conferences and plenums, by ordinal, kind and convening body.

"the Fourteenth Congress of the C.P.S.U.(B.)", "the Tenth Party Congress", "the Second
Congress of the Comintern", "the Eleventh Congress of our Party", and without an ordinal
"the April Party Conference", "the Kursk Gubernia Party Conference", "a Plenum of the
Central Committee", "the Enlarged Plenum of the E.C.C.I.". A bare "the congress" is an
anaphor, not a name, and is not proposed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kgbuild.document import Document
from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.patterns import (
    ORDINAL,
    ORDINAL_WORDS,
    ORDINALS,
    normalise_space,
    ordinal_value,
)
from kgbuild.lexicon import alternation, data_set, words
from kgbuild.records import MeetingMention

ORDINAL_SCORE = 0.9
QUALIFIED_SCORE = 0.85
KIND = rf"(?P<kind>{alternation('meeting_kinds')})"
BODY_WORD = rf"(?:{alternation('organization_body_words')})"
# the function words of a title-case heading, capitalised ("Speech At The Opening Of The …")
HEADING_FUNCTION_WORDS = (
    "(?:" + "|".join(re.escape(w.capitalize()) for w in words("title_function_words")) + ")"
)
BODY_TOKEN = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:(?<=s)[’']|[’']s\b)?"
ABBREVIATION = r"(?:[A-Z]\.){2,}(?:\([A-Z]\.\))?"
MONTH = rf"(?:{'|'.join(m.capitalize() for m in words('months'))})"
OWNER = rf"(?:{ABBREVIATION}|[A-Z]{{2,6}}\b(?![.’'\-]))"  # a party's abbreviation or acronym
# a body's acronym or its members' name in brackets: "(CC)", "(Bolsheviks)", "(B.)"
BRACKETED = r"(?:\s*\((?:Bolsheviks?|B\.|[A-Z]{2,6})\))"


def body(group: str = "body") -> str:
    """The convening body after "of": an abbreviation, a name ending in a body word ("the
    Central Committee", "the Workers’ and Peasants’ Youth Leagues") or beginning with one
    ("the Union of Socialist Soviet Republics"), or one capitalised word ("the Comintern",
    "Soviets"); the span goes on over "… and the C.C.C." and "… of the U.S.S.R."."""
    return (
        rf"(?:\s+of\s+(?:the\s+|our\s+)?(?P<{group}>{ABBREVIATION}"
        r"|[A-Z]{2,6}(?:\([a-zA-Z]\.?\))?(?![\w.])"
        rf"|(?:{BODY_TOKEN}(?:\s+and\s+|\s+)){{1,3}}{BODY_WORD}s?\b"
        # "… of the Executive Committee of the Comintern": the body's own "of"
        rf"(?:\s+of\s+the\s+(?:(?!Party\b)[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,3}}|{OWNER}))?"
        rf"|{BODY_WORD}\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,3}}"
        rf"|{BODY_TOKEN}){BRACKETED}?"
        # a joint meeting: "… of the Central Committee (CC) and the Central Control
        # Committee (CCC)", "… of the Central Committee of the RSDLP and Party Officials"
        rf"(?:\s+and\s+(?:the\s+)?(?:{ABBREVIATION}|(?:{BODY_TOKEN}\s+){{1,3}}{BODY_WORD}\b"
        rf"{BRACKETED}?|{alternation('meeting_participants')}))?"
        # "… of Soviets of the U.S.S.R.", "… of Soviets of the Union of Soviet Socialist
        # Republics", "… of the All-Union Communist Party (Bolsheviks)"
        rf"(?:\s+of\s+the\s+(?:{OWNER}|{alternation('union_state_names')}"
        rf"|(?:{BODY_TOKEN}\s+){{1,3}}Party{BRACKETED}?))?)?"
    )


BODY = body()
PREFIX_WORDS = rf"(?:{alternation('meeting_prefix_words')})"
# "the XIV Congress", "the XVth Conference": a Roman ordinal of two letters or more, or
# one after "the" (a lone "I" is the pronoun).
ROMAN_ORDINAL = r"(?:(?<=the )[IVX]|[IVX]{2,5})(?:th|\.)?"
# The body may stand before the kind: "the Fifth ECCI Plenum", "the Sixth Comintern Congress"
BODY_BEFORE = r"(?P<prebody>(?:[A-Z]\.){2,}(?:\([A-Z]\.\))?|[A-Z]{2,6}|[A-Z][a-z]+intern)\s+"
# Capitalised words naming the meeting further: "the Fourth Trade-Union Congress", "the
# Fifteenth Moscow Gubernia Party Conference" (not a title-case heading's function words).
NAME_WORDS = (
    rf"(?P<words>(?:(?!{HEADING_FUNCTION_WORDS}\b)"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s+){0,2})"
)
ORDINAL_MEETING = re.compile(
    # (an acronym, an ordinal word or numeral begins here: a look-ahead tried first, so that
    # the rest is tried at few places of the text)
    r"(?=[A-Z\d])(?:"
    # "CI Fourth Congress", "YCI Second Congress": an acronym of the body before the ordinal
    r"(?:(?<![\w.])(?!THE\b|AND\b|OF\b)(?P<acronym>[A-Z]{2,6}|(?:[A-Z]\.){2,})\s+)?"
    rf"\b(?P<ordinal>{ORDINAL}|{ROMAN_ORDINAL})\s+(?:\((?P<month>[A-Z][a-z]+)\)\s+)?"
    rf"(?P<prefix>(?:{PREFIX_WORDS}\s+){{0,2}})(?:{BODY_BEFORE})?{NAME_WORDS}"
    rf"(?P<prefix2>(?:{PREFIX_WORDS}\s+){{0,2}}){KIND}(?:e?s\b)?{BODY})"
)
# "the Second, Third and Fourth World Congresses": the ordinals before the last one
COORDINATED = re.compile(
    rf"(?:\b(?:{ORDINAL}|{ROMAN_ORDINAL})(?:,[ \t]+|,?\s+and\s+))+$"
)
ORDINAL_TOKEN = re.compile(rf"\b(?:{ORDINAL}|{ROMAN_ORDINAL})\b")
# A qualifier is capitalised words, not the function words of a title-case heading
# ("Speech At The Opening Of The Congress") and not "Party" alone ("a Party Congress").
QUALIFIED_MEETING = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|last|[Tt]his|[Tt]hat)\s+(?!Party\s+(?:{alternation('meeting_kinds')})\b)"
    rf"(?P<qualifier>(?:(?!{ORDINAL_WORDS}\b|{HEADING_FUNCTION_WORDS}\b)"
    rf"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){{1,3}}?)(?P<prefix>Party\s+)?{KIND}{BODY}"
)
BODY_ONLY_MEETING = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+{KIND}(?=\s+of\s+(?:the\s+)?[A-Z]){BODY}")


# "the second congress of the R.S.D.L.P.", "the third world congress of the Comintern",
# "the 6th party congress", "the second RSDLP Congress": printed in lower case, a meeting
# only with its ordinal and a named body or a qualifying word ("party", "world").
LOWER_CASE_MEETING = re.compile(
    rf"\b(?P<ordinal>{'|'.join(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+"
    rf"(?:(?P<prefix>(?:(?i:{PREFIX_WORDS})\s+){{1,2}})(?P<kind>(?i:congress|conference|plenum))"
    # "the eleventh annual congress of the …"
    rf"(?:{BODY})|(?:(?:{alternation('meeting_lowercase_qualifiers')})\s+)?"
    r"(?P<kind2>congress|conference|plenum)(?=\s+of\s+(?:the\s+|our\s+)?[A-Z])"
    rf"{body('body2')}"
    # "the second RSDLP Congress", "the fifth Comintern congress": the body before the kind
    rf"|(?P<body3>[A-Z]{{2,6}}|(?:[A-Z]\.){{2,}}(?:\([A-Z]\.\))?|[A-Z][a-z]+intern)\s+"
    r"(?P<kind3>(?i:congress|conference|plenum))\b"
    # "after the split at the second congress", "The second congress marked …": an ordinal
    # meeting of the text's own party or international; not one a clause describes ("the
    # first congress that is meeting without Lenin")
    r"|(?P<kind4>congress|conference|plenum)\b"
    r"(?!\s+(?:of|that|which|at\s+which|in\s+which|where|since|to\s+be)\b))"
)


# "the resolutions of the thirteenth conference": a lower-case ordinal meeting that a
# resolution names as its own is a meeting
ADOPTING_MEETING = re.compile(
    r"\b(?:[Rr]esolutions?|[Dd]ecisions?|[Tt]heses)\s+(?:of|at|(?:adopted|passed)\s+(?:at|by))"
    rf"\s+the\s+(?P<meeting>(?P<ordinal>{'|'.join(ORDINALS)})\s+(?P<kind>congress|conference|plenum))\b"
)


# "the Twelfth Session of the All-Russia Central Executive Committee", also in a title-case
# heading ("… Session Of The …"): a numbered session of a standing body is a meeting
SESSION = re.compile(
    rf"\b(?P<ordinal>{ORDINAL}|{ROMAN_ORDINAL})\s+(?P<kind>Session)\s+(?i:of\s+the)\s+"
    rf"(?P<body>(?:{BODY_TOKEN}\s+){{0,3}}{BODY_WORD})\b"
)


# "the Central Committee plenum", "the E.C.C.I. plenum": a plenum named by its body first, in
# lower case (capitalised, "the Central Committee Plenum" is a QUALIFIED_MEETING; a body word
# alone, "the Party plenum", names no body)
BODY_PLENUM = re.compile(
    rf"\b(?:[Tt]he|[Aa]|last)\s+(?P<body>(?:{BODY_TOKEN}\s+){{1,3}}{BODY_WORD}|{ABBREVIATION}"
    r"|[A-Z]{2,6})\s+(?P<kind>plenum)\b"
)


# "the plenary session of the ECCI": one sitting in plenum of a body (plural, "plenary
# sessions of the Central Committee", is the body's practice, not a meeting; "the plenary
# session of the Congress" is a sitting of a meeting)
PLENARY_SESSION = re.compile(
    r"\b(?:[Tt]he|[Aa]|[Tt]his|[Tt]hat|[Ii]ts)\s+(?P<name>[Pp]lenary\s+(?:[Ss]ession|[Mm]eeting)"
    rf"(?=\s+of\s+(?:the\s+)?(?!(?:{alternation('meeting_kinds')})\b)[A-Z]){BODY})"
)


# "a Meeting of the Executive Committee of the Communist International", "Report of Meeting
# of the E.C.C.I." (a heading), "the “February” Meeting": a meeting of a named body, or one
# named by the month in quotes it is known by
NAMED_MEETING = re.compile(
    rf"\b(?:(?:[Tt]he|[Aa])\s+|(?<=\b(?:of|at|to)\s))(?P<qualifier>[“\"]{MONTH}[”\"]\s+)?"
    rf"(?P<kind>Meeting)\b{BODY}"
)


# "The Enlarged Executive is to give directions", "the Fifth Enlarged Executive": the period's
# name for an enlarged plenum of the E.C.C.I., capitalised (in lower case, "the enlarged
# Executive", the annotations read the body itself)
ENLARGED_EXECUTIVE = re.compile(
    rf"\b(?:(?P<ordinal>{ORDINAL}|{ROMAN_ORDINAL})\s+)?Enlarged\s+Executive\b(?!\s+Committee)"
)


def _body(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    body = groups.get("body") or groups.get("prebody") or groups.get("acronym")
    if body:
        return normalise_space(body)
    prefixes = (groups.get("prefix") or "") + (groups.get("prefix2") or "")
    return "Party" if "Party" in prefixes else None


def _candidate(
    doc: Document, start: int, end: int, score: float, source: str, **facts: Any
) -> Candidate:
    """A meeting candidate for clean[start:end] with its record."""
    record = MeetingMention(
        evidence=doc.span(start, end), name=normalise_space(doc.clean[start:end]), **facts
    )
    return Candidate("meeting", start, end, record.kind, score, source, record)


@recognizer("meetings.ordinal")
def ordinal_meetings(context: Context) -> Iterator[Candidate]:
    """"the Fourteenth Congress of the C.P.S.U.(B.)", "the Seventh (April) Conference"."""
    doc = context.doc
    for match in ORDINAL_MEETING.finditer(doc.clean):
        facts = {
            "kind": match.group("kind"),
            "body": _body(match),
            "qualifier": match.group("month") or normalise_space(match.group("words")) or None,
        }
        yield _candidate(doc, *match.span(), ORDINAL_SCORE, "meetings.ordinal",
                         ordinal=ordinal_value(match.group("ordinal")), **facts)
        before = COORDINATED.search(doc.clean, max(0, match.start() - 120), match.start())
        if before:
            for ordinal in ORDINAL_TOKEN.finditer(before.group(0)):
                start = before.start() + ordinal.start()
                yield _candidate(doc, start, start + len(ordinal.group(0)), ORDINAL_SCORE,
                                 "meetings.ordinal.coordinated",
                                 ordinal=ordinal_value(ordinal.group(0)), **facts)


@recognizer("meetings.lower-case")
def lower_case_meetings(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    for match in LOWER_CASE_MEETING.finditer(doc.clean):
        body = match.group("body") or match.group("body2") or match.group("body3")
        prefix = (match.group("prefix") or "").lower()
        kind = (match.group("kind") or match.group("kind2") or match.group("kind3")
                or match.group("kind4"))
        if match.group("kind4") and doc.clean[max(0, match.start() - 4):match.start()] not in (
                "the ", "The "):
            continue  # the ordinal alone only after "the"
        yield _candidate(
            doc, *match.span(), QUALIFIED_SCORE, "meetings.lower-case",
            kind=kind.capitalize(),
            ordinal=ordinal_value(match.group("ordinal")),
            body=normalise_space(body) if body else "Party" if "party" in prefix else None,
        )


@recognizer("meetings.body-plenum")
def body_plenums(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    for match in BODY_PLENUM.finditer(doc.clean):
        yield _candidate(doc, match.start("body"), match.end(), QUALIFIED_SCORE,
                         "meetings.body-plenum", kind="Plenum",
                         body=normalise_space(match.group("body")))


@recognizer("meetings.plenary-session")
def plenary_sessions(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    for match in PLENARY_SESSION.finditer(doc.clean):
        yield _candidate(doc, *match.span("name"), QUALIFIED_SCORE, "meetings.plenary-session",
                         kind="Plenum", body=_body(match))


@recognizer("meetings.session")
def sessions(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    for match in SESSION.finditer(doc.clean):
        yield _candidate(doc, *match.span(), ORDINAL_SCORE, "meetings.session",
                         kind="Session", ordinal=ordinal_value(match.group("ordinal")),
                         body=normalise_space(match.group("body")))


@recognizer("meetings.named-meeting")
def named_meetings(context: Context) -> Iterator[Candidate]:
    """A "Meeting" capitalised is a named meeting with the body it is of, when that is an
    organization's name ("… of the Executive Committee", "… of the E.C.C.I."), or with the
    month in quotes it is called by; not "a Meeting of Workers"."""
    doc = context.doc
    for match in NAMED_MEETING.finditer(doc.clean):
        body, qualifier = match.group("body"), match.group("qualifier")
        if qualifier or (body and re.search(rf"(?:{BODY_WORD}|[A-Z]\.|[A-Z]{{2}})\W*$", body)):
            start = match.start("qualifier") if qualifier else match.start("kind")
            yield _candidate(doc, start, match.end(), QUALIFIED_SCORE, "meetings.named-meeting",
                             kind="Meeting", body=_body(match),
                             qualifier=qualifier.strip(" “”\"") if qualifier else None)


@recognizer("meetings.enlarged-executive")
def enlarged_executives(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    for match in ENLARGED_EXECUTIVE.finditer(doc.clean):
        ordinal = match.group("ordinal")
        yield _candidate(doc, *match.span(), QUALIFIED_SCORE, "meetings.enlarged-executive",
                         kind="Plenum", body="E.C.C.I.", qualifier="Enlarged",
                         ordinal=ordinal_value(ordinal) if ordinal else None)


@recognizer("meetings.adopting")
def adopting_meetings(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    for match in ADOPTING_MEETING.finditer(doc.clean):
        yield _candidate(doc, *match.span("meeting"), QUALIFIED_SCORE, "meetings.adopting",
                         kind=match.group("kind").capitalize(),
                         ordinal=ordinal_value(match.group("ordinal")))


@recognizer("meetings.qualified")
def qualified_meetings(context: Context) -> Iterator[Candidate]:
    """"the April Party Conference", "a Plenum of the Central Committee"."""
    doc = context.doc
    for pattern in (QUALIFIED_MEETING, BODY_ONLY_MEETING):
        for match in pattern.finditer(doc.clean):
            groups = match.groupdict()
            start = match.start("qualifier") if groups.get("qualifier") else match.start("kind")
            yield _candidate(
                doc, start, _with_place(doc.clean, match.end()), QUALIFIED_SCORE,
                "meetings.qualified",
                kind=match.group("kind"),
                body=_body(match),
                qualifier=normalise_space(groups.get("qualifier") or "") or None,
            )


PLACE_AFTER = re.compile(r"[ \t]+(?:in|at)[ \t]+(?P<place>[A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+)?)\b")


def _with_place(text: str, end: int) -> int:
    """A meeting named by where it met goes on over its place: "the Trade Union Congress in
    Cologne", "the International Socialist Congress at Vienna"."""
    place = PLACE_AFTER.match(text, end)
    if place and place.group("place") in data_set("places.txt"):
        return place.end()
    return end

