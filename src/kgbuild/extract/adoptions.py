"""Resolutions read from how the period prints an adoption, whoever the adopter is.

A text rarely names a resolution by title; it says that something was adopted: "the theses
… adopted at the Second Congress", "the directive approved by the Executive", "the Central
Committee passed a resolution", "securing the adoption of the resolution on …", "the C.C.
decision", "the decisions of the “February” Meeting". These rules follow that language
(the verbs and nouns are in ``data/lexicon.json``), not any one text's wording. (A
resolution's own heading, "Resolutions of the … Conference …", was read too and taken back:
on the held-out texts it found one that matched none.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from kgbuild.document import Document
from kgbuild.extract.dateforms import find_dates
from kgbuild.extract.patterns import normalise_space, sentence_bounds
from kgbuild.lexicon import alternation, data_set
from kgbuild.records import MeetingMention, OrganizationMention, ResolutionMention

Named = TypeVar("Named", MeetingMention, OrganizationMention, MeetingMention | OrganizationMention)
HEADS = alternation("adopted_text_heads")
VERBS = alternation("adoption_verbs")
# "… adopted at the", "… approved by the": right before the adopter's name
ADOPTED_BY_END = re.compile(rf"\b(?:{VERBS})\s+(?:at|by)\s+(?:the\s+)?$")
# the adopted text's head word before that, in the same sentence: "the theses drafted by
# Lenin and adopted at …", "the strategic directive adopted by …"
HEAD_BEFORE = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]hese|[Tt]hose|[Aa]n?)\s+(?P<start>(?:[a-z]+\s+)?"
    rf"(?P<head>(?:{HEADS})))\b(?P<between>(?:[^.;:()\n]|\n(?![ \t]*\n)){{0,80}}?)\s*,?\s*$"
)
# "passed the resolution that …", "could adopt a resolution": a body's adoption (not "the
# need to pass a resolution": an infinitive is no act)
BODY_ADOPTS = re.compile(
    rf"\b(?:(?:{alternation('modal_verbs')})\s+(?:{alternation('adoption_verbs_present')})"
    rf"|{VERBS})\s+(?:a|an|the|its|their)\s+"
    rf"(?P<head>(?:{alternation('adopted_texts')})s?)\b"
)
# "The Soviet then passed …": a body's word as the subject of a sentence
BODY_SUBJECT = re.compile(
    rf"\b[Tt]he\s+(?P<word>{alternation('subordinate_body_words')}|Soviet|soviet|Party|party)"
    r"\b(?![’']s)[^.;:()]{0,60}$"
)
# "the adoption of the resolution on …", "the passing of a motion"
ADOPTION_OF = re.compile(
    rf"\b(?:{alternation('adoption_nouns')})\s+of\s+(?:a|an|the|its|their)\s+"
    rf"(?P<head>(?:{alternation('adopted_texts')})s?)\b"
    r"(?:\s+on\s+(?P<topic>[^,.;:()“”\n]{3,90}?))?(?=\s*[,.;:()“”]|[ \t]*\n|\s+(?:was|were|by)\b)"
)
# "the Central Committee resolution", "the E.C.C.I.'s decision": a body before the word
HEAD_AFTER_BODY = re.compile(rf"(?:[’']s)?\s+(?P<head>(?:{HEADS}))\b")
# "the resolution of December 5, 1923", "the decision of 16 March 1921": named by its date
MONTHS = alternation("months")
DATE = (rf"(?:\d{{1,2}}\s+(?:{MONTHS})(?:,?\s+\d{{4}})?|(?:{MONTHS})\s+\d{{4}}"
        rf"|(?:{MONTHS})\s+\d{{1,2}}\b(?:,\s+\d{{4}})?)")
DATED = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<head>(?:{HEADS}))\s+of\s+(?P<date>{DATE})\b"
)
# what follows it: "… on the German question", "… of December 5, 1923"
AFTER_BODY_TOPIC = re.compile(
    r"\s+(?P<topic>on\s+[^,.;:()“”\n]{3,80}?(?=\s*[,.;:()“”]|[ \t]*\n|\s+(?:was|were|is)\b)"
    rf"|of\s+(?P<date>{DATE}))"
)
# "…, adopted on December 16, 1926", "… (March 1925)": the day it was adopted
ADOPTED_ON = re.compile(
    rf",?\s+(?:(?:{VERBS})\s+(?:on|in)\s+(?P<date>{DATE})|\((?P<bracketed>{DATE}|\d{{4}})\))"
)
# the recognizers of names that adopt nothing: a periodical, a publisher, a site
NOT_ADOPTERS = ("periodical", "apparatus", "imprint", "site", "credit")
# "the Stuttgart resolution", "the Basle resolution": named by the congress's town
PLACE_NAMED = re.compile(
    r"\b[Tt]he\s+(?P<place>[A-Z][a-zé]+)\s+(?P<head>resolutions?|decisions?)\b"
)
# "… the following pages. The resolutions are reproduced as printed": a sentence about the
# resolutions of the meeting the text is about
SUBJECT = re.compile(
    r"(?:(?<=[.!?])\s+|(?<=[.!?][”’])\s+|^|\[)(?P<head>The\s+(?:resolutions?|decisions?|theses))"
    r"\s+(?:are|were|is|was|have|had)\b",
    re.MULTILINE,
)
# "the decisions of the “February” Meeting", "the decision of the Brussels conference of
# thirteen communist parties to …": a meeting the meeting recognizers do not know
UNKNOWN_MEETING = re.compile(
    r"(?P<name>(?:[“\"‘][A-Z][^”\"’\n]{1,40}[”\"’]|[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*"
    rf"\s+(?:{alternation('meeting_words')}))\b"
    r"(?P<of>\s+of\s+[a-z][a-z -]{3,60}?(?=\s+(?:to|on)\s))?"
)
# "the decisions of the enlarged plenum of the ECCI (of March 1926)": a sitting of a body
# named in lower case, before the body's name
SITTING_OF = re.compile(
    rf"(?:[a-z]+\s+)?(?:{alternation('meeting_words')})\s+of\s+the\s+(?=[A-Z])"
)
OF_DATE = re.compile(rf"\s+of\s+{DATE}")
WHOLE = re.compile(r"(?P<name>.+)(?P<of>)", re.DOTALL)  # a span read as a meeting's name
UNKNOWN_TOPIC = re.compile(
    r"\s+(?P<topic>(?:to|on)\s+[a-z][^,.;:()“”\n]{3,90}?)(?=\s*[,.;:()“”]|[ \t]*\n)"
)


def adoptions(
    doc: Document,
    meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
    found: list[ResolutionMention],
) -> list[ResolutionMention]:
    """The resolutions the adoption forms name that no other reading found."""
    new: list[ResolutionMention] = []
    for reader in (_adopted_by, _of_unknown_meeting, _dated, _body_adopts,
                   _adoption_of, _after_body, _place_named, _as_subject):
        for mention in reader(doc, meetings, organizations):
            if not _overlaps(mention, [*found, *new]):
                new.append(mention)
    return new


def _overlaps(mention: ResolutionMention, found: list[ResolutionMention]) -> bool:
    """Whether a mention shares any of its span with one found already."""
    start, end = mention.evidence.start, mention.evidence.end
    return any(r.evidence.start < end and start < r.evidence.end for r in found)


def named_before(
    doc: Document, items: Sequence[Named], clean_start: int
) -> list[Named]:
    """The meetings or bodies named in the sentence before a position, in text order."""
    raw_from = doc.offsets[sentence_bounds(doc.clean, clean_start, clean_start)[0]]
    raw_to = doc.offsets[clean_start]
    return sorted((m for m in items if raw_from <= m.evidence.start < raw_to),
                  key=lambda m: m.evidence.start)


def _either(
    adopter: MeetingMention | OrganizationMention | None,
) -> tuple[MeetingMention | None, OrganizationMention | None]:
    """An adopter as (meeting, body): a meeting adopts at a sitting, a body between them."""
    if isinstance(adopter, MeetingMention):
        return adopter, None
    return None, adopter


def _iso(doc: Document, printed: str) -> str | None:
    """A printed date as ISO, as precise as printed ("December 16, 1926": 1926-12-16)."""
    year = int(doc.meta.date[:4]) if doc.meta.date and doc.meta.date[:4].isdigit() else 1920
    dated = find_dates(printed.title() if printed.isupper() else printed, year)
    return dated[0][1].iso if dated else None


def _named_at(items: Sequence[MeetingMention | OrganizationMention], raw: int
              ) -> MeetingMention | OrganizationMention | None:
    return next((m for m in items if m.evidence.start == raw), None)


def _adopted_by(
    doc: Document, meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
) -> list[ResolutionMention]:
    """ "the theses drafted by Lenin and adopted at the Second Congress", "the strategic
    directive adopted by the Fifth Congress": a text a meeting or body adopted."""
    text = doc.clean
    found = []
    for adopter in [*meetings, *organizations]:
        start, end = doc.clean_range(adopter.evidence.start, adopter.evidence.end)
        sentence_start = sentence_bounds(text, start, end)[0]
        verb = ADOPTED_BY_END.search(text, sentence_start, start)
        if verb is None:
            continue
        head = HEAD_BEFORE.search(text, sentence_start, verb.start())
        if head is None:
            continue
        meeting, body = _either(adopter)
        topic = f"of the {body.name}" if body else None
        between = normalise_space(head.group("between"))
        if between.startswith("on "):
            topic = f"{topic} {between}" if topic else between
        found.append(ResolutionMention(evidence=doc.span(head.start("start"), end),
                                       meeting=meeting, topic=topic, body=body))
    return found


def _of_unknown_meeting(
    doc: Document, meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
) -> list[ResolutionMention]:
    """ "the decisions of the “February” Meeting", "the decision of the Brussels conference
    of thirteen communist parties to fix …": a meeting named by a name and a meeting word
    that no meeting recognizer read; its decision still is one."""
    text = doc.clean
    found = []
    for head in re.finditer(rf"\b(?P<head>{alternation('resolution_heads')})\s+of\s+the\s+",
                            text, re.IGNORECASE):
        if _named_at([*meetings, *organizations], doc.offsets[head.end()]):
            continue  # a known meeting or body: the resolutions module reads it
        meeting = UNKNOWN_MEETING.match(text, head.end()) or _meeting_of_a_body(
            doc, organizations, head.end())
        if meeting is None:
            continue
        end = meeting.end()
        topic = UNKNOWN_TOPIC.match(text, end)
        if topic is None and meeting.group("of"):
            end = meeting.end("name")
            topic = UNKNOWN_TOPIC.match(text, end)
        if topic is not None:
            end = topic.end("topic")
        name = normalise_space(text[meeting.start():end])
        found.append(ResolutionMention(evidence=doc.span(head.start(), end),
                                       topic=f"of the {name}"))
    return found


def _meeting_of_a_body(
    doc: Document, organizations: Sequence[OrganizationMention], start: int
) -> re.Match[str] | None:
    """ "enlarged plenum of the ECCI of March 1926" at ``start``: a sitting of a body the
    text names, as a match of the whole (with its date, if printed), else None."""
    sitting = SITTING_OF.match(doc.clean, start)
    body = sitting and _named_at(organizations, doc.offsets[sitting.end()])
    if not (sitting and body) or not sitting.group()[0].islower():
        return None
    end = doc.clean_range(body.evidence.start, body.evidence.end)[1]
    dated = OF_DATE.match(doc.clean, end)
    return WHOLE.match(doc.clean, start, dated.end() if dated else end)


def _body_adopts(
    doc: Document, meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
) -> list[ResolutionMention]:
    """ "… the members of the Central Committee … could adopt a resolution": a resolution a
    body named earlier in the sentence adopted (a meeting there: the resolutions module)."""
    text = doc.clean
    found = []
    for match in BODY_ADOPTS.finditer(text):
        if named_before(doc, meetings, match.start()):
            continue
        bodies = named_before(doc, organizations, match.start())
        body = bodies[-1] if bodies else _body_as_subject(doc, organizations, match.start())
        if body is None:
            continue
        found.append(ResolutionMention(evidence=doc.span(*match.span("head")),
                                       topic=f"of the {body.name}", body=body))
    return found


def _body_as_subject(
    doc: Document, organizations: Sequence[OrganizationMention], clean_start: int
) -> OrganizationMention | None:
    """ "The Soviet passed a resolution …": the body a sentence's subject "the Soviet" stands
    for, the one the text named last before with that word in its name."""
    sentence_start = sentence_bounds(doc.clean, clean_start, clean_start)[0]
    subject = BODY_SUBJECT.search(doc.clean, sentence_start, clean_start)
    if subject is None:
        return None
    word, raw = subject.group("word").lower(), doc.offsets[sentence_start]
    named = [o for o in organizations if o.evidence.end <= raw
             and word in o.name.lower().split()]
    return max(named, key=lambda o: o.evidence.start) if named else None


def _adoption_of(
    doc: Document, meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
) -> list[ResolutionMention]:
    """ "securing the adoption of the resolution on the necessity for …": a resolution said
    to be adopted, by the meeting or body named last in the sentence, if any."""
    text = doc.clean
    found = []
    for match in ADOPTION_OF.finditer(text):
        earlier = named_before(doc, [*meetings, *organizations], match.start())
        meeting, body = _either(earlier[-1] if earlier else None)
        on = f"on {normalise_space(match.group('topic'))}" if match.group("topic") else None
        topic = " ".join(part for part in (body and f"of the {body.name}", on) if part) or None
        if not (meeting or body or on):
            continue
        end = match.end("topic") if on else match.end("head")
        found.append(ResolutionMention(evidence=doc.span(match.start("head"), end),
                                       meeting=meeting, topic=topic, body=body))
    return found


def _after_body(
    doc: Document, meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
) -> list[ResolutionMention]:
    """ "the Central Committee resolution", "the E.C.C.I.'s decision on …": a body named
    right before the word, as its adopter (not a periodical, a publisher or a site)."""
    text = doc.clean
    found = []
    for body in organizations:
        if any(kind in body.cue for kind in NOT_ADOPTERS):
            continue
        start, end = doc.clean_range(body.evidence.start, body.evidence.end)
        head = HEAD_AFTER_BODY.match(text, end)
        if head is None:
            continue
        topic = f"of the {body.name}"
        stop = head.end()
        date = None
        if on := AFTER_BODY_TOPIC.match(text, stop):
            topic = f"{topic} {normalise_space(on.group('topic'))}"
            stop = on.end("topic")
            date = _iso(doc, on.group("date")) if on.group("date") else None
        found.append(ResolutionMention(evidence=doc.span(start, stop), topic=topic, body=body,
                                       date=date))
    return found


def _dated(
    doc: Document, meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
) -> list[ResolutionMention]:
    """ "the resolution of December 5, 1923", "its decision of 16 March 1921": a resolution
    named by the day it was adopted, of the meeting or body named last in the sentence."""
    text = doc.clean
    found = []
    for match in DATED.finditer(text):
        earlier = named_before(doc, [*meetings, *organizations], match.start())
        meeting, body = _either(earlier[-1] if earlier else None)
        topic = f"of {normalise_space(match.group('date'))}"
        if body:
            topic = f"of the {body.name} {topic}"
        found.append(ResolutionMention(evidence=doc.span(match.start("head"), match.end()),
                                       meeting=meeting, topic=topic, body=body,
                                       date=_iso(doc, match.group("date"))))
    return found


def _place_named(
    doc: Document, meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
) -> list[ResolutionMention]:
    """ "the Stuttgart resolution", "the Amsterdam resolution": a resolution named by the town
    of the congress that adopted it (a town of ``places.txt``), as the period names the
    International's congresses."""
    found = []
    for match in PLACE_NAMED.finditer(doc.clean):
        if match.group("place") not in data_set("places.txt"):
            continue
        end = match.end()
        topic = None
        if on := AFTER_BODY_TOPIC.match(doc.clean, end):
            topic, end = normalise_space(on.group("topic")), on.end("topic")
        title = f"{match.group('place')} {match.group('head').capitalize()}"
        found.append(ResolutionMention(evidence=doc.span(match.start("place"), end),
                                       title=title, topic=topic))
    return found


def _as_subject(
    doc: Document, meetings: Sequence[MeetingMention],
    organizations: Sequence[OrganizationMention],
) -> list[ResolutionMention]:
    """ "The resolutions are reproduced in the form …" opening a sentence: the resolutions of
    the meeting the text named last before (none named, none read)."""
    found = []
    for match in SUBJECT.finditer(doc.clean):
        raw = doc.offsets[match.start("head")]
        earlier = [m for m in meetings if m.evidence.end <= raw]
        if earlier:
            found.append(ResolutionMention(evidence=doc.span(*match.span("head")),
                                           meeting=max(earlier, key=lambda m: m.evidence.start)))
    return found


def with_date(doc: Document, mention: ResolutionMention) -> ResolutionMention:
    """A resolution with the day the text gives right after it: "…, adopted on December 16,
    1926", "… adopted by the Fifth Congress (1924)"."""
    if mention.date:
        return mention
    end = doc.clean_range(mention.evidence.start, mention.evidence.end)[1]
    if mention.meeting is not None and mention.meeting.evidence.end > mention.evidence.end:
        end = doc.clean_range(mention.meeting.evidence.start, mention.meeting.evidence.end)[1]
    after = ADOPTED_ON.match(doc.clean, end)
    date = after and _iso(doc, after.group("date") or after.group("bracketed"))
    return replace(mention, date=date) if date else mention
