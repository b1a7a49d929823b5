"""Resolutions: formally adopted decisions, tied to the meeting that adopted them.

"the resolution of the Fourteenth Party Conference “The Tasks of the Comintern …”",
"the resolution adopted at the Second Congress of the Comintern", "the theses of the
Second Congress of the Comintern on the role of a political party", "(see Resolution on
the Report of the Central Committee of the C.P.S.U.(B.))", "Resolution of the Congress on
the Report of the Central Committee" (the congress named just before).
"""

from __future__ import annotations

import re

from kgbuild.document import Document
from kgbuild.extract.adoptions import (
    adoptions,
    named_before,
    with_date,
)
from kgbuild.extract.patterns import find_phrases, normalise_space, read_title, sentence_bounds
from kgbuild.lexicon import alternation, words
from kgbuild.records import MeetingMention, OrganizationMention, ResolutionMention
from kgbuild.reference import ReferenceData

HEAD = re.compile(
    r"\b(?P<head>[Rr]esolutions?|[Tt]heses|[Dd]ecisions?)\s+"
    r"(?:(?:that|which)\s+(?:was|were)\s+)?(?:of|at|(?:adopted|passed)\s+(?:at|by)|by)\s+the\s+"
    r"(?=[A-Za-z])"  # a meeting must start here (lower case too: "the thirteenth conference")
)
# (a topic goes on over a line break after a small word: "on the role of the\nParty")
BROKEN_AFTER = "|".join(f"(?<=\\b{re.escape(word)})" for word in words("title_function_words"))
TOPIC = re.compile(
    rf"\s*,?\s*on\s+(?P<topic>[^,.;:()“”\n]{{3,80}}?(?:(?:{BROKEN_AFTER})[ \t]*\n"
    r"[^,.;:()“”\n]{1,80}?)?)"
    # (it ends before what the resolution did: "… on Party unity banned factions")
    rf"(?=\s*[,.;:()“”]|\s+(?:which|that|was|were|is|adopted|passed|{alternation('topic_end_words')})"
    r"\b|[ \t]*\n|\s+and\s+(?:the|its|their)\s+(?:resolutions?|decisions?|theses)\b)"
)
# "the decision of the Sixth Congress to organize a day against war", "… endorsing the
# theses": a clause after the meeting says what was decided (not "to be", "to which")
DECIDED = re.compile(
    rf"\s+(?P<topic>(?:to\s+(?!(?:{alternation('title_function_words')}"
    rf"|{alternation('not_a_purpose_verb')})\b)[a-z]+"
    rf"|(?!on\b)(?:{alternation('resolution_descriptions')}))\b[^,.;:()“”\n]{{3,100}}?)"
    r"(?=\s*[,.;:()“”]|[ \t]*\n)"  # ("on …" is a TOPIC)
)
# "the resolutions of the Thirteenth Conference and the Thirteenth Congress": one of each
AND_MEETING = re.compile(r",?\s+and\s+(?:of\s+|at\s+)?the\s+(?=[A-Za-z])")
QUOTED_RESOLUTION_TITLE = re.compile(r"\s*[“\"](?P<title>[A-Z][^”\"]{5,200})[”\"]")
# "the resolution “On Party Unity”", "its Theses on Tactics": a title, and the meeting
# named last before it in the same paragraph.
QUOTED_RESOLUTION = re.compile(
    r"\b(?:[Rr]esolutions?|[Dd]ecisions?|[Tt]heses)\s+(?:No\.\s*\d+\s*:?\s*"
    r"|(?:entitled|called|headed|known\s+as)\s+)?(?=[“\"][A-Z])"
)
NAMED_THESES = re.compile(r"\b(?:Theses|Resolution|Decisions?)\s+[Oo]n\s+(?:the\s+)?(?=[A-Z])")
# a title a person wrote or a draft: "Lenin's Theses on …", "drafted the Resolution on …",
# "… submitted by the Opposition"
AUTHORED_BEFORE = re.compile(
    rf"(?:[’']s\s+|\b(?:{alternation('authoring_words')})\s+(?:(?:the|his|her|their|a)\s+)?)$"
)
AUTHORED_AFTER = re.compile(rf",?\s+(?:{alternation('authoring_words')})\s+by\b")
# a title printed with its adoption: "Theses on … Adopted at the Fifth ECCI Plenum"
ADOPTED = re.compile(r"\s+[Aa]dopted\s+(?:at|by)\s+[Tt]he\s")
# "the resolution on Party unity", "its decision on the Trade Unions": a topic that names
# something (a capitalised word) makes the resolution a formal one.
TOPICAL_RESOLUTION = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat|famous|well-known)\s+"
    r"(?P<head>resolution|decision|theses)\s+on\s+(?P<topic>(?:the\s+)?[^,.;:()“”\n]{3,60}?)"
    r"(?=\s*[,.;:()“”]|\s+(?:which|that|adopted|passed|was|of|by|at)\b)"
)
# "the conference adopted a resolution summarizing the debate …": a resolution described
# (without an article only plural and with what it says: "adopted resolutions on …")
ADOPTED_RESOLUTION = re.compile(
    rf"\b(?:{alternation('adoption_verbs')})\s+(?:(?:a|an|the|its|their)\s+"
    rf"|(?=(?:resolutions|decisions|theses)\s+(?:{alternation('resolution_descriptions')})\b))"
    rf"(?P<head>(?:(?:{alternation('resolution_qualifiers')})\s+)?(?:(?:resolution|decision)s?"
    r"|theses))\b"
    rf"(?P<clause>\s+(?:{alternation('resolution_descriptions')})\b[^.,;:()\n]{{3,150}})?"
)
# "…, as well as a resolution welcoming Pravda …": another one the same verb adopted
COORDINATED_RESOLUTION = re.compile(
    r",?\s+(?:as\s+well\s+as|and)\s+(?:a|an|the|its|their)\s+(?P<head>resolution|decision)\b"
    rf"(?P<clause>\s+(?:{alternation('resolution_descriptions')})\b[^.,;:()\n]{{3,150}})"
)
# "the resolutions were adopted unanimously", "A few practical motions introduced by
# Comrade Z. were adopted", "The motion was carried": a resolution said to be adopted
ADOPTED_PASSIVE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Aa]n?|[Ii]ts|[Tt]heir|[Aa]\s+few)\s+"
    rf"(?P<head>(?:[a-z]+\s+)?(?:{alternation('adopted_texts')})s?)\b[^.;:()\n]{{0,60}}?"
    r"\s+(?:was|were|(?:had|has|have)\s+been)\s+(?:[a-z]+ly\s+)?"
    rf"(?:{alternation('adoption_verbs')})\b"
)
# "the Tenth Congress resolution on Party unity": the meeting before the word
AFTER_MEETING = re.compile(r"(?:[’']s)?\s+(?P<head>resolutions?|theses|decisions?)\b")
ADOPTED_BY = re.compile(r",?\s+(?:adopted|passed)\s+(?:at|by)\s+the\s+")
# "the resolution of the Congress on Party unity": the meeting of that kind named before
ANAPHORIC_RESOLUTION = re.compile(
    r"\b(?:[Rr]esolutions?|[Dd]ecisions?|[Tt]heses)\s+(?:of|at|(?:adopted|passed)\s+(?:at|by))"
    r"\s+the\s+(?P<anaphor>[Cc]ongress|[Cc]onference|[Pp]lenum)\b(?!\s+of\b)"
)
TITLED_RESOLUTION = re.compile(
    r"\bResolution\s+(?:of\s+the\s+(?P<anaphor>Congress|Conference|Plenum)\s+)?"
    r"on\s+the\s+(?=[A-Z])"
)


def _meeting_at(
    meetings: list[MeetingMention], doc: Document, clean_start: int
) -> MeetingMention | None:
    raw_start = doc.offsets[clean_start]
    return next((m for m in meetings if m.evidence.start == raw_start), None)


def _previous_meeting(
    meetings: list[MeetingMention], raw_offset: int, kind: str | None, since: int = 0
) -> MeetingMention | None:
    """The meeting (of a kind, if given) named last before an anaphor such as "the
    Congress", not before ``since``."""
    earlier = [
        m
        for m in meetings
        if since <= m.evidence.start
        and m.evidence.end <= raw_offset
        and kind in (None, m.kind)
        and (m.ordinal or m.qualifier)
    ]
    return earlier[-1] if earlier else None


def extract_resolutions(
    doc: Document,
    meetings: list[MeetingMention],
    reference: ReferenceData,
    organizations: list[OrganizationMention] | None = None,
) -> list[ResolutionMention]:
    """Resolution mentions with their meeting (of the meetings recognized), formal title or
    topic where printed, and the resolutions the reference data knows by name."""
    text = doc.clean
    found: list[ResolutionMention] = []
    for match in HEAD.finditer(text):
        meeting = _meeting_at(meetings, doc, match.end())
        if meeting is None:
            found.extend(_of_a_body(doc, match, organizations or []))
            continue
        end = doc.clean_range(meeting.evidence.start, meeting.evidence.end)[1]
        while (also := AND_MEETING.match(text, end)) and (
            other := _meeting_at(meetings, doc, also.end())
        ):  # "… of the Thirteenth Conference and the Thirteenth Congress": one of each
            found.append(ResolutionMention(evidence=doc.span(match.start(), end), meeting=meeting))
            meeting = other
            end = doc.clean_range(other.evidence.start, other.evidence.end)[1]
        title = topic = None
        if quoted := QUOTED_RESOLUTION_TITLE.match(text, end):
            title = re.sub(r"(?<![A-Z])[.,]$", "", normalise_space(quoted.group("title")))
        elif on := TOPIC.match(text, end):
            # the topic is part of the name: "the theses of the Second Congress … on the
            # role of a political party"
            topic = "on " + normalise_space(on.group("topic"))
            end = on.end("topic")
        elif decided := DECIDED.match(text, end):
            topic = normalise_space(decided.group("topic"))
            end = decided.end("topic")
        found.append(
            ResolutionMention(
                evidence=doc.span(match.start(), end),
                title=title,
                meeting=meeting,
                topic=topic,
            )
        )
    for match in TITLED_RESOLUTION.finditer(text):
        if _inside(doc.offsets[match.start()], found):
            continue
        extent = read_title(text, match.end())
        if extent is None:
            continue
        span = doc.span(match.start(), extent[1])
        anaphor = match.group("anaphor")
        meeting = _previous_meeting(meetings, span.start, anaphor) if anaphor else None
        found.append(
            ResolutionMention(
                evidence=span,
                title=None,
                meeting=meeting,
                topic="on the " + normalise_space(text[slice(*extent)]),
            )
        )
    found.extend(_anaphoric(doc, meetings, found))
    found.extend(_after_meeting(doc, meetings))
    found.extend(_adopted(doc, meetings, found, organizations or []))
    found.extend(_adopted_passive(doc, meetings, found))
    found.extend(_titled_without_meeting(doc, meetings, found))
    found.extend(_topical(doc, meetings, found))
    found.extend(_known(doc, reference, found))
    found.extend(adoptions(doc, meetings, organizations or [], found))
    return sorted((with_date(doc, r) for r in found), key=lambda r: r.evidence.start)


def _known(
    doc: Document, reference: ReferenceData, found: list[ResolutionMention]
) -> list[ResolutionMention]:
    """Resolutions printed by a name the reference data knows ("the Twenty-One
    Conditions", "On Party Unity") where no other reading covers them."""
    names = {name: entry.label for entry in reference.resolutions for name in entry.names}
    known = []
    for name, start, end in find_phrases(doc, names, loose_case=True):
        span = doc.span(start, end)
        if not _inside(span.start, found):
            known.append(ResolutionMention(evidence=span, title=names[name]))
    return known


def _meeting_of_paragraph(
    doc: Document, meetings: list[MeetingMention], clean_start: int, raw_start: int
) -> MeetingMention | None:
    """The meeting named last before a resolution in the same paragraph."""
    paragraph = max(doc.clean.rfind("\n\n", 0, clean_start), 0)
    return _previous_meeting(meetings, raw_start, None, since=doc.offsets[paragraph])


# "The congress then adopted …": the subject of an adoption is a meeting named before
MEETING_SUBJECT = re.compile(
    r"\b[Tt]he\s+(?P<kind>[Cc]ongress|[Cc]onference|[Pp]lenum)\b(?![’']s)[^.;:()]{0,60}$"
)


def _meeting_as_subject(
    doc: Document, meetings: list[MeetingMention], clean_start: int
) -> MeetingMention | None:
    """The meeting "the congress" stands for when it adopts something: the one of that kind
    the text named last before, in an earlier paragraph too."""
    sentence_start = sentence_bounds(doc.clean, clean_start, clean_start)[0]
    subject = MEETING_SUBJECT.search(doc.clean, sentence_start, clean_start)
    if subject is None:
        return None
    kind = subject.group("kind").capitalize()
    return _previous_meeting(meetings, doc.offsets[subject.start()], kind)


def _inside(raw_offset: int, found: list[ResolutionMention]) -> bool:
    """Whether a raw offset falls inside a resolution mention found already."""
    return any(r.evidence.start <= raw_offset < r.evidence.end for r in found)


def _after_meeting(doc: Document, meetings: list[MeetingMention]) -> list[ResolutionMention]:
    """"the Tenth Congress resolution on Party unity": a meeting, then the word."""
    text = doc.clean
    found = []
    for meeting in meetings:
        start, end = doc.clean_range(meeting.evidence.start, meeting.evidence.end)
        head = AFTER_MEETING.match(text, end)
        if head is None:
            continue
        on = TOPIC.match(text, head.end())
        found.append(
            ResolutionMention(
                evidence=doc.span(start, head.end()),
                meeting=meeting,
                topic="on " + normalise_space(on.group("topic")) if on else None,
            )
        )
    return found


def _anaphoric(
    doc: Document, meetings: list[MeetingMention], found: list[ResolutionMention]
) -> list[ResolutionMention]:
    """ "the resolution of the Congress on Party unity": adopted by the meeting of that kind
    the text named last before it; none named, no resolution."""
    text = doc.clean
    anaphoric = []
    for match in ANAPHORIC_RESOLUTION.finditer(text):
        raw_start = doc.offsets[match.start()]
        meeting = _previous_meeting(meetings, raw_start, match.group("anaphor").capitalize())
        if meeting is None or _inside(raw_start, found):
            continue
        on = TOPIC.match(text, match.end())
        end = on.end("topic") if on else match.end()
        anaphoric.append(ResolutionMention(
            evidence=doc.span(match.start(), end), meeting=meeting,
            topic="on " + normalise_space(on.group("topic")) if on else None))
    return anaphoric


def _topical(
    doc: Document, meetings: list[MeetingMention], found: list[ResolutionMention]
) -> list[ResolutionMention]:
    """"the resolution on Party unity": adopted by the meeting named last before it in the
    paragraph, if any."""
    text = doc.clean
    topical = []
    for match in TOPICAL_RESOLUTION.finditer(text):
        topic = normalise_space(match.group("topic"))
        start = doc.offsets[match.start("head")]
        # "the resolution on the national question adopted by the Twelfth Congress": a topic
        # in lower case, with the meeting that adopted it
        by = ADOPTED_BY.match(text, match.end("topic"))
        meeting = _meeting_at(meetings, doc, by.end()) if by else None
        if not (meeting or re.search(r"\b[A-Z]", topic)) or _inside(start, found):
            continue
        end = doc.clean_range(meeting.evidence.start, meeting.evidence.end)[1] if meeting else (
            match.end("topic"))
        span = doc.span(match.start("head"), end)
        meeting = meeting or _meeting_of_paragraph(doc, meetings, match.start(), span.start)
        topical.append(ResolutionMention(evidence=span, meeting=meeting, topic="on " + topic))
    return topical


def _titled_without_meeting(
    doc: Document, meetings: list[MeetingMention], found: list[ResolutionMention]
) -> list[ResolutionMention]:
    """Resolutions named by title alone; adopted by the meeting named just before."""
    text = doc.clean
    titled: list[ResolutionMention] = []
    for pattern in (QUOTED_RESOLUTION, NAMED_THESES):
        for match in pattern.finditer(text):
            if _inside(doc.offsets[match.start()], [*found, *titled]):
                continue
            adopted = None
            if pattern is QUOTED_RESOLUTION:
                quoted = QUOTED_RESOLUTION_TITLE.match(text, match.end())
                title_span = quoted.span("title") if quoted else None
            else:
                extent = read_title(text, match.end())
                title_span = (match.start(), extent[1]) if extent else None
                adopted = ADOPTED.search(text, match.end(), extent[1]) if extent else None
                if title_span and adopted:
                    title_span = (match.start(), adopted.start())
            if title_span is None or _authored(text, match.start(), title_span[1]):
                continue
            title = re.sub(r"(?<![A-Z])[.,]$", "", normalise_space(text[slice(*title_span)]))
            span = doc.span(
                title_span[0], title_span[0] + len(text[slice(*title_span)].rstrip(".,"))
            )
            if adopted:  # the meeting named right after "adopted at the"
                meeting = _meeting_at(meetings, doc, adopted.end())
            else:
                meeting = _meeting_of_paragraph(doc, meetings, match.start(), span.start)
            titled.append(ResolutionMention(evidence=span, title=title, meeting=meeting))
    return titled


def _authored(text: str, start: int, end: int) -> bool:
    """Whether the text gives a title to a person or a draft, not to a meeting: "Lenin's
    Theses on …", "Marx wrote the Theses on …", "the draft Resolution on …", "… drawn up by
    Bukharin" (a person's theses are a work; guidelines, Resolutions), unless a meeting
    "adopted the Theses … drafted by Lenin"."""
    before = text[max(0, start - 40) : start]
    if re.search(rf"\b(?:{alternation('adoption_verbs')})\s+(?:the\s+)?$", before):
        return False
    return bool(AUTHORED_BEFORE.search(before) or AUTHORED_AFTER.match(text, end))


def _of_a_body(
    doc: Document, match: re.Match[str], organizations: list[OrganizationMention]
) -> list[ResolutionMention]:
    """ "the decisions of the AF of L", "a decision of the Central Committee on the trade
    unions": adopted by a body, not at a meeting; what it decided is part of its topic, so
    that two of one body are two."""
    raw_start = doc.offsets[match.end()]
    body = next((o for o in organizations if o.evidence.start == raw_start), None)
    if body is None:
        return []
    end = doc.clean_range(body.evidence.start, body.evidence.end)[1]
    topic = f"of the {body.name}"
    if on := TOPIC.match(doc.clean, end):
        topic, end = f"{topic} on {normalise_space(on.group('topic'))}", on.end("topic")
    elif decided := DECIDED.match(doc.clean, end):
        topic, end = f"{topic} {normalise_space(decided.group('topic'))}", decided.end("topic")
    return [ResolutionMention(evidence=doc.span(match.start(), end), topic=topic, body=body)]


def _adopted(
    doc: Document, meetings: list[MeetingMention], found: list[ResolutionMention],
    organizations: list[OrganizationMention],
) -> list[ResolutionMention]:
    """ "the conference adopted a resolution summarizing the debate …", "The Fifth Congress
    adopted a first resolution which condemned …": what it says of the resolution is its
    topic, and the meeting named last in the paragraph adopted it (none: the body named before
    in the sentence, "the Central Committee passed a decision on …")."""
    adopted = []
    for match in ADOPTED_RESOLUTION.finditer(doc.clean):
        start = match.start("head")
        if _inside(doc.offsets[start], found) or QUOTED_RESOLUTION_TITLE.match(
            doc.clean, match.end("head")
        ):  # "adopted a resolution “On …”": its title names it (_titled_without_meeting)
            continue
        meeting = _meeting_of_paragraph(doc, meetings, match.start(), doc.offsets[start]) or (
            _meeting_as_subject(doc, meetings, match.start()))
        clause = normalise_space(match.group("clause") or "").rstrip(",")
        if meeting is None and not clause:
            continue
        bodies = [] if meeting else named_before(doc, organizations, match.start())
        body = bodies[-1] if bodies else None
        part: re.Match[str] | None = match
        while part:
            end = part.start("clause") + len(part.group("clause").rstrip(" ,")) if clause else (
                part.end("head"))
            adopted.append(ResolutionMention(evidence=doc.span(start, end), meeting=meeting,
                                             topic=clause or None, body=body))
            part = COORDINATED_RESOLUTION.match(doc.clean, part.end())
            if part:  # "…, as well as a resolution welcoming Pravda"
                start, clause = part.start("head"), normalise_space(part.group("clause"))
    return adopted


def _adopted_passive(
    doc: Document, meetings: list[MeetingMention], found: list[ResolutionMention]
) -> list[ResolutionMention]:
    """ "the resolutions were adopted unanimously": adopted by the meeting named last in the
    sentence, if any (a motion carried may be another body's than the paragraph's meeting)."""
    adopted = []
    for match in ADOPTED_PASSIVE.finditer(doc.clean):
        span = doc.span(*match.span("head"))
        if not _inside(span.start, found):
            since = doc.offsets[sentence_bounds(doc.clean, *match.span())[0]]
            meeting = _previous_meeting(meetings, span.start, None, since=since)
            adopted.append(ResolutionMention(evidence=span, meeting=meeting))
    return adopted
