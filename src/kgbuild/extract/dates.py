"""Dated claims: date expressions, normalised, with what they date and the sentence saying it.

Forms: "September 1, 1905", "April 18 (May 1), 1917" (Old Style, New Style: the New Style
date is kept), "December 1924", "(May 1924, first edition)", "in 1921", "(1923)", "the
discussion of 1924", "as far back as 1905", "in the year 1925", "in October" (the year of
the last date before it), "the forties of the last century" (a decade, EDTF "184X"),
"sixteen years later" and "two years after The Tax in Kind was written" (counted from the
date they refer to).

A date right after a name ("On Co-operation (1923)", "the Fourteenth Party Conference
(April 1925)"), or tied to it by "written/published/adopted in …" or "in …, when X was
written", dates that entity itself.
"""

from __future__ import annotations

import re
from functools import cache

from kgbuild.document import Document
from kgbuild.extract.dateforms import count_value, find_dates
from kgbuild.extract.patterns import normalise_space, sentence_bounds
from kgbuild.extract.references import SCAN_PAGE, source_line
from kgbuild.extract.titles import RUNNING_TEXT_WORDS, apparatus_line, running_text
from kgbuild.lexicon import alternation, lexicon
from kgbuild.records import (
    DatedClaimRecord,
    DateValue,
    Extraction,
    MeetingMention,
    PersonMention,
    ResolutionMention,
    WorkMention,
)

Mention = PersonMention | WorkMention | MeetingMention | ResolutionMention
STATEMENT_CHARS = 240
# A meeting is dated by what says when it met: "the Fourth Congress was convened in May
# 1921", "…, held at Moscow on April 6, 1920", "the First Congress on Oct. 29, 1918" (a bare
# preposition not across a comma: "after the Tenth Congress, in 1922, …")
MEETING_GAP = re.compile(
    r"\s+(?:(?:in|on|from)\s+)?"
    # (an aside in brackets may stand between: "… (known as the “August” Conference), was
    # held from September 23 …")
    r"|(?:\s*\([^()]{0,200}\))?[\s,]+(?:(?:which|that)\s+)?(?:(?:was|were)\s+)?"
    rf"(?:{alternation('meeting_date_verbs')})\s+"
    r"(?:(?:at|in)\s+[A-Z][\w-]+(?:\s+and\s+[A-Z][\w-]+)?\s+)?(?:(?:in|on|from)\s+)?"
)


# a person after "by" ("written by Lenin in", "an article by N. Bukharin published in"), a
# periodical with its issue ("in Pravda, No. 22,"; "(Pravda, December 29, 1923)")
BY_NAME = r"by\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+"
PERIODICAL = r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:,?\s+No\.\s*\d+)?"


@cache
def _work_gap() -> re.Pattern[str]:
    """What ties a date to the title before it: ", written in", "?, published in", "was
    written in mid-", "which appeared in", "written by Lenin in", "were first published in
    Pravda on", "— an article by N. Bukharin published in Pravda, No. 22,", "(Pravda, "
    (the periodical that printed it named between)."""
    genres = "|".join(sorted(lexicon()["work_genres"], key=len, reverse=True))
    qualifier = rf"(?:(?i:{alternation('date_qualifiers')})[\s-]+(?:of\s+)?)?"
    return re.compile(
        r"[\s,?!”\"’]*(?:"
        rf"(?:[—–-]\s*an?\s+(?:{genres})\s+(?:{BY_NAME}\s+)?)?"
        r"(?:(?:which|that)\s+)?(?:(?:was|were|had\s+been)\s+)?(?:first\s+)?"
        rf"(?:{alternation('date_verbs')})(?:\s+{BY_NAME})?"
        rf"(?:\s+in\s+{PERIODICAL}(?:,|(?=\s+(?:on|of|in)\s)))?"
        r"\s+(?:(?:in|on)\s+)?"
        rf"|\(\s*{PERIODICAL},\s*){qualifier}"
    )


WROTE_AFTER = re.compile(r",?\s+(?:he|she|they)\s+(?:wrote|published|completed)\s+"
                         r"(?:(?:the|his|her|their)\s+)?")


def _sentence(text: str, start: int, end: int) -> str:
    return normalise_space(text[slice(*sentence_bounds(text, start, end, STATEMENT_CHARS))])


def _mentions(found: Extraction) -> list[Mention]:
    return sorted(
        [*found.works, *found.meetings, *found.resolutions, *found.persons],
        key=lambda m: m.evidence.start,
    )


def _dated_entity(doc: Document, match: re.Match[str], mentions: list[Mention]) -> Mention | None:
    """The mention this date belongs to, when the text ties them directly."""
    raw_start = doc.offsets[match.start("date")]
    before = [
        m for m in mentions if not isinstance(m, PersonMention) and m.evidence.end <= raw_start
    ]
    if before:
        # the outermost of the names ending last ("The Results of the Work of the Fourteenth
        # Conference …" rather than the conference named inside that title)
        # (a resolution's span ends with its meeting's name: then the date is the meeting's)
        mention = max(
            before,
            key=lambda m: (m.evidence.end, not isinstance(m, ResolutionMention), -m.evidence.start),
        )
        # the words between, up to the date's cue ("in 1921") or the date itself
        gap = doc.raw[mention.evidence.end : max(mention.evidence.end, doc.offsets[match.start()])]
        gap = re.sub(r"\d{1,2}(?=\s|$)", "", gap)  # an endnote number glued to the name
        # "… (1923)", "“…” (1921)", "Who needs the war? 1915", "…, End of 1916"
        if re.fullmatch(rf"[\s,?!”\"’]*(?:(?i:{alternation('date_qualifiers')})[\s-]+"
                        r"(?:of\s+)?)?\(?", gap) or _work_gap().fullmatch(gap) or (
                isinstance(mention, MeetingMention) and MEETING_GAP.fullmatch(gap)):
            return mention
    after = doc.clean[match.end() : match.end() + 120]
    # "…, when The Tax in Kind was written", "in 1921 he published the Manifesto …"
    when = re.match(r",?\s*when\s+", after) or WROTE_AFTER.match(after)
    if when:
        at = doc.offsets[match.end() + when.end()]
        return next((m for m in mentions if m.evidence.start == at), None)
    return None


def _nearest(doc: Document, match: re.Match[str], mentions: list[Mention]) -> Mention | None:
    """The work, meeting or resolution named last in the same sentence before the date."""
    raw_start = doc.offsets[match.start()]
    sentence_start = doc.offsets[
        sentence_bounds(doc.clean, match.start(), match.end(), STATEMENT_CHARS)[0]]
    candidates = [
        m
        for m in mentions
        if sentence_start <= m.evidence.start < raw_start and not isinstance(m, PersonMention)
    ]
    return candidates[-1] if candidates else None


def extract_dated_claims(doc: Document, found: Extraction) -> list[DatedClaimRecord]:
    """A DatedClaimRecord for every date expression, with what it dates where known."""
    # "the last century" counts from the document's year: its metadata, else its latest date
    years = [int(y) for y in re.findall(r"(?<!\d)1[5-9]\d\d(?!\d)", doc.clean)]
    doc_year = int(doc.meta.date[:4]) if doc.meta.date else max(years, default=0)
    mentions = _mentions(found)
    claims = []
    entity_dates: dict[str, DateValue] = {}  # title or name → the date the text gives it
    in_editions = [c.evidence for c in found.citations  # (a scan's file name dates its book)
                   if (c.volume is not None or c.pages) and c.issue is None
                   and not SCAN_PAGE.match(c.raw)]
    for match, found_value in find_dates(doc.clean, doc_year):
        raw_start = doc.offsets[match.start("date")]
        if any(span.start <= raw_start < span.end for span in in_editions):
            continue  # "Works, Vol. 8, January-November, 1926", "Moscow, 1954, Vol. 7": no claim
        value = _counted_from_named(doc, match, mentions, entity_dates)
        if value is None and _counts_from_unnamed(match):
            continue
        value = value or found_value
        evidence = doc.span(match.start("date"), match.end())
        about = _dated_entity(doc, match, mentions)
        heading_work = _heading_work(doc, match, found)
        about = about or heading_work or _this_text(doc, match, found)
        if about is not None:
            entity_dates.setdefault(_name(about), value)
        statement = _sentence(doc.clean, *match.span())
        if any(c.statement == statement and c.date == value and c.evidence.line == evidence.line
               for c in claims):
            continue  # "in 1923, two years after …": one claim, not two
        dates_entity = about is not None
        if about is None:
            about = _nearest(doc, match, mentions)
        claims.append(
            DatedClaimRecord(
                date=value,
                date_text=normalise_space(match.group(0)).lstrip("("),
                evidence=evidence,
                statement=statement,
                about=about,
                dates_entity=dates_entity,
                dateline=_is_dateline(doc.clean, match),
                # "Report … at the XV. Party Congress (December 1927)" under the own title:
                # the date of the congress is the report's too
                also_dates=heading_work if heading_work is not about else None,
            )
        )
    return claims


# works found as headings: the document's own title, a journal article's "‘Title’ by …" line
HEADING_CUES = ("own-title", "quoted-byline")


def _heading_work(doc: Document, match: re.Match[str], found: Extraction) -> WorkMention | None:
    """The document's own title, for a date on a line of its own in the front matter after
    it ("December 9, 1926", "(21 June 1923)", "Delivered: 19 January, 1921"): the date of
    the speech, article or letter the heading names."""
    raw_start = doc.offsets[match.start("date")]
    # the last part of a title printed "Collection/Speech" is the one a date under it dates
    own = max((w for w in found.works if w.cue in HEADING_CUES and w.evidence.end <= raw_start),
              key=lambda w: w.evidence.end, default=None)
    if own is None:
        return None
    between = doc.clean[doc.clean_range(own.evidence.start, own.evidence.end)[1]:match.start()]
    # on the heading's own line: the date printed after the title ("Speech at the Unveiling
    # of a Monument. May 1, 1920"), the issue's date after "from" a journal's name
    same_line = "\n" not in between and (re.fullmatch(r"[\s.,]*", between) is not None or (
        own.cue == "quoted-byline" and re.search(r"\bfrom\b", between) is not None))
    described = _first_on_description(doc.clean, match)
    if not (same_line or described or _ends_a_short_line(doc.clean, match)
            or _on_source_line(doc.clean, match) or _first_on_dated_line(doc.clean, match)):
        return None
    lines_between = between.split("\n")[:-1] if described else between.split("\n")
    if any(running_text(line) and not apparatus_line(line) for line in lines_between):
        return None  # past the front matter (a long "Source: …" line is still in it)
    return own


@cache
def _description() -> re.Pattern[str]:
    """A line describing the text under its title by its kind: "Report to the Fifth
    All-Russia Congress of Soviets …, on July 9, 1918", "Speech delivered at …"."""
    heads = alternation("description_heads")
    return re.compile(rf"[ \t]*(?:{heads}|{heads.upper()})\b(?![ \t]+of\b)")


def _first_on_description(text: str, match: re.Match[str]) -> bool:
    """The first date of a description line under the title dates the text it describes."""
    line_start, line = _line_around(text, match)
    return _description().match(line) is not None and not find_dates(
        text[line_start : match.start()], 0)


@cache
def _this_text_gap() -> re.Pattern[str]:
    """ "In this article, written in 1927", "this speech was delivered on 8 May 1920": the
    text itself named by its genre, then a date verb, right before the date."""
    genres = "|".join(sorted(lexicon()["work_genres"], key=len, reverse=True))
    return re.compile(
        rf"\b(?:[Tt]his|[Tt]he\s+present)\s+(?:{genres})\b[\s,]+(?:which\s+|that\s+)?"
        r"(?:(?:was|were|is|had\s+been)\s+)?(?:first\s+)?"
        rf"(?:{alternation('date_verbs')})\s+(?:(?:in|on)\s+)?$"
    )


def _this_text(doc: Document, match: re.Match[str], found: Extraction) -> WorkMention | None:
    """The document's own title, for a date an editor's note gives "this article" (the text
    under the heading): the work the page is."""
    before = doc.clean[max(0, match.start() - 80) : match.start()]
    if not _this_text_gap().search(before):
        return None
    return next((w for w in found.works if w.cue in HEADING_CUES), None)


def _line_around(text: str, match: re.Match[str]) -> tuple[int, str]:
    """Where the line holding a match starts, and the line."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    return line_start, text[line_start : line_end if line_end >= 0 else len(text)]


def _ends_a_short_line(text: str, match: re.Match[str]) -> bool:
    """The date ends a short line of the front matter ("December 9, 1926", "(21 June 1923)",
    "Delivered: 19 January, 1921;", "… from The Communist. April, 1928.", "Speech at the
    Twelfth Session … March 30, 1919"), but for brackets, a stop or semicolon and an endnote
    number. Not a year a heading's words govern ("Russian revolutionary women in 1905",
    "The Revolt of 1918"): that is part of a title."""
    line_start, line = _line_around(text, match)
    after = line[match.end() - line_start :]
    before = text[line_start : match.start("date")]
    governed = re.search(r"[^\W\d_]{2,}\s+(?:in|of)\s+$", before) is not None and not re.match(
        rf"\s*(?i:{alternation('date_verbs')})\b", before)
    return (len(line.split()) < RUNNING_TEXT_WORDS and not governed
            and re.fullmatch(r"[)\]|]?[.,;]?(?:\s+\d{1,2})?[\s|]*", after) is not None)


@cache
def _dated_label() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*(?:{alternation('dated_apparatus_labels')})[ \t]*:[ \t]*")


def _first_on_dated_line(text: str, match: re.Match[str]) -> bool:
    """The first date of a "Written:", "Delivered:" or "Date:" line, whatever follows it
    ("Delivered: 8 March 1921 at the Tenth Congress", "Written: 10 February 1918; …")."""
    line_start, line = _line_around(text, match)
    label = _dated_label().match(line)
    return label is not None and match.start() - line_start <= label.end()


def _on_source_line(text: str, match: re.Match[str]) -> bool:
    """The date of the periodical issue an apparatus line says the text appeared in
    ("Source: Communist Review, February 1924;"): the text's date of publication."""
    return source_line().match(_line_around(text, match)[1]) is not None


def _is_dateline(text: str, match: re.Match[str]) -> bool:
    """The date stands alone on its line, as a text's date of writing does."""
    return _line_around(text, match)[1].strip() == match.group(0).strip()


def _counts_from_unnamed(match: re.Match[str]) -> bool:
    """ "nearly two years after the ideological struggle": a count from an undated event."""
    return match.groupdict().get("direction") in ("after", "before")


def _name(mention: Mention) -> str:
    if isinstance(mention, WorkMention):
        return mention.title
    if isinstance(mention, PersonMention):
        return mention.name
    return normalise_space(mention.evidence.text)


def _counted_from_named(
    doc: Document, match: re.Match[str], mentions: list[Mention], entity_dates: dict[str, DateValue]
) -> DateValue | None:
    """ "two years after The Tax in Kind was written": count from the date of the work named
    right after, when the text has dated it before."""
    if match.groupdict().get("direction") not in ("after", "before"):
        return None
    at = doc.offsets[match.end() + len(re.match(r"\s*", doc.clean[match.end() :]).group(0))]
    named = next((m for m in mentions if m.evidence.start == at), None)
    base = entity_dates.get(_name(named)) if named else None
    if base is None:
        return None
    sign = 1 if match.group("direction") == "after" else -1
    year = str(int(base.iso[:4]) + sign * count_value(match.group("count")))
    return DateValue(year, "year", year)
