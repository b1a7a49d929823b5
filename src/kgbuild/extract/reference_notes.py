"""References as notes print them: "Ibid., p. 50" and "Kautsky, op. cit." repeat the
reference before, fields separated by semicolons inside one bracket ("(Pipes: ‘…’;
Cambridge; 1954; p. 169)") are one reference, a note may cite by author and title alone
("[24] Thatcher, Leon Trotsky and World War One, 57–75"), and a sentence may say where a
text first appeared ("Originally published in The Liberator, July 1919")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kgbuild.document import Document
from kgbuild.extract.persons import surname_shape
from kgbuild.extract.reference_fields import PAGE_ONLY, REPEAT, reference_record, title_of
from kgbuild.lexicon import alternation, data_set
from kgbuild.records import CitationRecord


@cache
def published_in() -> re.Pattern[str]:
    """A sentence saying where a text first appeared, a periodical and the date of its
    issue: "Originally published in The Liberator, July 1919", "first appeared in the
    journal Spark on March 3, 1923" (not every printing a narrative tells of)."""
    months = alternation("months")
    return re.compile(
        r"\b(?:[Ff]irst|[Oo]riginally)\s+(?:published|printed|appeared)\s+in\s+"
        r"(?:the\s+)?(?:(?:newspaper|journal|magazine|weekly|daily|monthly)\s+)?"
        r"(?P<title>[A-Z“\"][\w’'\-]*(?:[ \t]+(?:of|the|and|&|[A-Z][\w’'\-]*)){0,6}?)[”\"]?"
        r"(?:,[ \t]*|[ \t]+(?:on|of|in|for)[ \t]+)(?:(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th)?[ \t]+"
        rf"(?:of[ \t]+)?)?(?:{months})(?:[ \t]+\d{{1,2}}(?:st|nd|rd|th)?)?,?[ \t]+1[89]\d\d\b")


def published_issues(doc: Document, taken: list[tuple[int, int]]) -> list[CitationRecord]:
    """The issue a sentence says a text appeared in (``published_in``), as a reference
    without edition: a periodical is no work. Not a place ("printed in Moscow on …")."""
    found = []
    for match in published_in().finditer(doc.clean):
        if (any(a <= match.start("title") < b for a, b in taken)
                or match.group("title") in data_set("places.txt")):
            continue
        record = reference_record(doc, match.start("title"), match.end(), doc.meta.author)
        found.append(replace(record, edition=None) if record.issue is None else record)
        taken.append((match.start("title"), match.end()))
    return found


def field_of_bracket(text: str, line_start: int, start: int, end: int) -> int | None:
    """Where the bracket opens whose reference a part after a semicolon goes on, when the
    part is a page or an "ibid." alone ("…; 1954; p. 169)", "(Pipes: ibid.; op. cit.;"):
    its fields are separated by semicolons, not its references."""
    if (not text[line_start:start].rstrip().endswith(";")
            or not FIELD_ALONE.fullmatch(text[start:end].strip())):
        return None
    depth = 0
    for at in range(start - 1, line_start - 1, -1):
        depth += {")": 1, "(": -1}.get(text[at], 0)
        if depth < 0:
            return at
    return None


# a page or a repeat mark alone: no reference of its own after a semicolon
FIELD_ALONE = re.compile(rf"(?:{PAGE_ONLY.pattern}|{REPEAT})[\s.,;]*")


def repeated(records: list[CitationRecord], done: list[CitationRecord]) -> list[CitationRecord]:
    """ "Ibid., p. 50", "op. cit." in notes and running text repeat the work, volume and
    (printing none of their own) the pages of the reference before; "Kautsky, op. cit."
    that of the last one naming Kautsky. (The parenthesised ones, ``done``, repeat theirs
    already.)"""
    result: list[CitationRecord] = []
    for record in records:
        if record.ibid and result and not any(record is d for d in done):
            before = REPEATED_NAME.match(record.raw)
            named = [r for r in result if before and before.group(1) in r.raw]
            source = (named or result)[-1]
            record = replace(
                record, volume=record.volume or source.volume,
                pages=record.pages or (None if record.volume else source.pages),
                edition=record.edition or source.edition, cites=record.cites or source.cites,
                issue=record.issue or (None if record.volume else source.issue))
        result.append(record)
    return result


# the author named before an "op. cit.": "Kautsky, op. cit., p. 12", "Pipes: ibid."
REPEATED_NAME = re.compile(r"(?:[Ss]ee\s+)?(?:[A-Z]\.\s*)*([A-Z][\w’'\-]+)[,:]\s")


# an endnote's line: "[24] …", "24. …"
NOTE_LINE = re.compile(r"^[ \t]*(?:\[\d{1,3}\]|\d{1,3}\.?)[ \t]+(?P<body>[^\n]+)$", re.MULTILINE)
# a note's reference by author and title, the page after it bare as notes print it: "Thatcher,
# Leon Trotsky and World War One, 57–75", "Trotsky, My Life, 249", "Nove, “An Essay”"
AUTHOR_TITLE = re.compile(
    r"(?:^|(?<=;[ \t])|(?<=[a-z\d”’][.?][ \t]))(?:(?:[Ss]ee|[Cc]f\.|(?:[Qq]uoted|[Cc]ited)"
    r"[ \t]+in)[ \t]+)?"
    # (a given name and a middle initial: "Robert V. Daniels")
    r"(?P<author>(?:[A-Z][\w’'\-]+[ \t]+(?=[A-Z]\.))?(?:[A-Z]\.[ \t]*)*[A-Z][\w’'\-]+"
    r"(?:[ \t]+[A-Z][\w’'\-]+)?),[ \t]+"
    r"(?P<title>[“\"‘][^”\"’\n]{3,120}[”\"’]|[A-Z][^,;.()\n]{2,100}?)"
    # (its part or chapter: "Trotsky, Our Political Tasks, part 2")
    r"(?:,[ \t]*(?:part|ch\.|chapter|book)[ \t]+\w+)?"
    # (the comma may stand inside the quotes: "Smith, “The Party Schools,” 372")
    r"(?:,?[ \t]*(?P<pages>\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?))?[ \t]*(?=[.;]|$)")


@cache
def periodical_by_date() -> re.Pattern[str]:
    """A note citing a periodical's issue by its date: "[7] Izvestia, 12 March 1921.",
    "Pravda, March 5, 1923, p. 2"."""
    months = alternation("months")
    return re.compile(
        r"(?:^|(?<=;[ \t])|(?<=[a-z\d”’][.?][ \t]))(?P<title>(?:The[ \t]+)?[A-Z][\w’'\-]*"
        r"(?:[ \t]+[A-Z][\w’'\-]*){0,4}),[ \t]+"
        rf"(?:\d{{1,2}}[ \t]+(?:{months})|(?:{months})[ \t]+\d{{1,2}},?)[ \t]+1[89]\d\d"
        r"(?:,[ \t]*pp?\.[ \t]*\d{1,4})?[ \t]*(?=[.;]|$)")


def note_entries(doc: Document, taken: list[tuple[int, int]]) -> list[CitationRecord]:
    """The references an endnote makes by author and title with no volume, page mark or
    issue ("[22] Trotsky, Our Political Tasks.", "[24] Thatcher, Leon Trotsky and World War
    One, 57–75; Thatcher, Trotsky, 75."): the author a name, not a place, the title in title
    case or quoted; a year after it is no page."""
    found = []
    for line in NOTE_LINE.finditer(doc.clean):
        body = line.group("body")
        for entry in AUTHOR_TITLE.finditer(body):
            start, end = line.start("body") + entry.start(), line.start("body") + entry.end()
            title = entry.group("title").strip("“”\"‘’,")
            words = title.split()
            if (any(a <= start < b or start <= a < end for a, b in taken)
                    or entry.group("author") in data_set("places.txt")
                    or (entry.group("title")[0] not in "“\"‘" and title_of(title) is None)
                    # a glossary's "Kamenev, Lev Borisovich", a list "Zinoviev, Kamenev and
                    # Trotsky": persons' names, no title
                    or (words[0] in data_set("given_names.txt") and len(words) <= 3)
                    or all(surname_shape().fullmatch(w) for w in words if w not in ("and", "&"))):
                continue
            record = reference_record(doc, start, end, doc.meta.author)
            pages = entry.group("pages")
            if pages and not re.fullmatch(r"1[89]\d\d|20\d\d", pages):
                record = replace(record, pages=re.sub(r"[ \t]*[-–][ \t]*", "-", pages))
            found.append(replace(record, edition=title))
            taken.append((start, end))
        for issue in periodical_by_date().finditer(body):
            start, end = line.start("body") + issue.start(), line.start("body") + issue.end()
            if (any(a <= start < b or start <= a < end for a, b in taken)
                    or issue.group("title") in data_set("places.txt")):
                continue
            found.append(replace(reference_record(doc, start, end, doc.meta.author), edition=None))
            taken.append((start, end))
    return found
