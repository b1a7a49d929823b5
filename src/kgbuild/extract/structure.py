"""Document structure: the apparatus of a transcribed page ("Source:", "Publisher:",
"Transcription/Markup:", "Translated:") names publishers, archives, translators and
transcribers in a form running text does not: "Salil Sen for MIA, 2008",
"Foreign Languages Publishing House, Moscow, 1954".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.lexicon import alternation, data_alternation, words

SCORE = 0.85
LABELS = ("apparatus_credit_labels", "apparatus_source_labels")  # credits name persons
# labels whose first name is an organization: "Publisher: X" a publisher, "First Published:
# Pravda, No. 247" a periodical, "Public Domain: X (2008)" the site that holds the text
ORGANIZATION_LABELS = {label.lower() for label in words("apparatus_organization_labels")}
APPARATUS = re.compile(
    rf"(?im)^[ \t]*(?P<label>{'|'.join(alternation(labels) for labels in LABELS)})[ \t]*:"
    r"[ \t]*(?P<value>[^\n]+)"
)
SEGMENT = re.compile(r"[^,;()/]+")  # "Encyclopedia of Trotskyism On-Line 2006/Prometheus …"
JOINERS = re.compile(
    r"\s+(?:and|for|by|with|from)\s+|\s*&\s*|^\s*(?:by|from)\s+|\s+No\.\s*\d+.*"
)
ORGANIZATION = re.compile(
    rf"^(?:[A-Z][\w\-’'.]*\s+){{0,5}}(?:{alternation('publisher_words')})$"
)
# a name, not a phrase: capitalised words with their particles ("Golos Truda", "Die Rote Fahne")
NAMED = re.compile(
    rf"^[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|{alternation('title_particles')}))*$"
)
# "Lenin Internet Archive March, 2002": the date after a name is no part of it
MONTH = rf"\s+(?i:{alternation('months')})"
TRAILING_DATE = re.compile(rf"(?:{MONTH})?\s+\d{{4}}\.?\s*$|{MONTH}\s*$")
# "Salil Sen", "J. Smith", "Einde O’Callaghan"
PERSON = re.compile(
    r"^(?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:(?:O[’']|Mc|Mac)?[A-Z][a-z’'\-]+|[A-Z]\.)){1,3}$"
)


def _parts(value: str, offset: int) -> Iterator[tuple[str, int]]:
    """The names in an apparatus value, split at commas, brackets and "and"/"for"."""
    for segment in SEGMENT.finditer(value):
        position = segment.start()
        for piece in JOINERS.split(segment.group(0)):
            at = value.index(piece, position) if piece else position
            position = at + len(piece)
            stripped = TRAILING_DATE.sub("", piece).strip()
            if stripped:
                yield stripped, offset + at + piece.index(stripped)


@recognizer("structure.apparatus")
def apparatus(context: Context) -> Iterator[Candidate]:
    for line in APPARATUS.finditer(context.doc.clean):
        label = line.group("label").lower()
        persons_here = label in {credit.lower() for credit in words("apparatus_credit_labels")}
        publisher = label in ORGANIZATION_LABELS
        for index, (part, start) in enumerate(_parts(line.group("value"), line.start("value"))):
            if ORGANIZATION.match(part) or (publisher and index == 0 and NAMED.match(part)):
                kind = "organization"
            elif persons_here and PERSON.match(part):
                kind = "person"
            else:
                continue
            yield Candidate(kind, start, start + len(part), part, SCORE,
                            f"structure.apparatus.{kind}")


# "Transcribed and marked up by Einde O’Callaghan for the …", "Translated by Brian Pearce."
CREDITED = re.compile(
    rf"\b(?i:{alternation('credit_verbs')})(?:\s+(?:and|&)\s+(?i:{alternation('credit_verbs')}))?"
    r"\s+by\s+(?P<name>[A-Z][^,.;:()\n]{2,40}?)(?=\s+(?:for|from|in|and|with)\b|[,.;:()\n]|$)"
)


@recognizer("structure.credit")
def credits(context: Context) -> Iterator[Candidate]:
    """The persons a transcription's or translation's credit names in running prose."""
    for match in CREDITED.finditer(context.doc.clean):
        name = match.group("name").strip()
        if PERSON.match(name):
            start = match.start("name")
            yield Candidate("person", start, start + len(name), name, SCORE, "structure.credit")


# "From Wikisource", "From Marxists-en": the line under a page's title naming the site the
# text was taken from
FROM_SITE = re.compile(
    r"(?m)^[ \t]*From[ \t]+(?P<name>[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,3})[ \t]*$"
)
HEAD_LINES = 10  # a page's title and what its site prints under it


@recognizer("structure.site")
def sites(context: Context) -> Iterator[Candidate]:
    text = context.doc.clean
    head = sum(len(line) + 1 for line in text.split("\n")[:HEAD_LINES])
    for match in FROM_SITE.finditer(text, 0, head):
        yield Candidate("organization", *match.span("name"), match.group("name"), SCORE,
                        "structure.site")


@cache
def _imprint() -> re.Pattern[str]:
    """ "(Berlin: Aufbau-Verlag)", "(London: Allison & Busby, 1980)": a book's imprint names
    its publisher after the place, as notes and reviews print it."""
    places = data_alternation("places.txt")
    return re.compile(
        rf"\((?:{places})[ \t]*:[ \t]*"
        r"(?P<name>[A-Z][\w’'\-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w’'\-]*){0,4})"
        r"[ \t]*(?:,[ \t]*(?:1[5-9]\d\d|n\.[ \t]?d\.)[^()\n]{0,20})?\)"
    )


@recognizer("structure.imprint")
def imprints(context: Context) -> Iterator[Candidate]:
    for match in _imprint().finditer(context.doc.clean):
        yield Candidate("organization", *match.span("name"), match.group("name"), SCORE,
                        "structure.imprint")
