"""Works as notes and bibliographies cite them: after their author, before their imprint.

A scholarly note names a work in a fixed order whatever its language or case: the author,
a comma, then the title, quoted for an article (K. A. Author, "Title of the Article,"
Journal, no. 1) or bare before the bracketed imprint for a book (A. Author, Title of the
Book (Berlin, 1982); "reprinted in Title (Moscow, 1994)"). The order, not the title's
capitals, says it is a title: foreign and modern titles are often in sentence case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.patterns import normalise_space
from kgbuild.extract.persons import given_names
from kgbuild.lexicon import data_alternation, data_set, word_set
from kgbuild.records import WorkMention

SCORE = 0.8
MAX_WORDS = 25
# the author as notes print it: "K. A. Ostroukhova", "Ralph Carter Elwood", "Baron, S. H."
AUTHOR = (r"(?P<author>(?:[A-Z]\.[ \t]?){1,3}[ \t]*[A-Z][\w’'\-]+"
          r"|[A-Z][\w’'\-]+,[ \t]+(?:[A-Z]\.[ \t]?){1,3}"
          r"|[A-Z][a-z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]+){1,3})")
# what may stand before a note's author: the note's start, its number, "see", "and", "in"
LEAD = re.compile(r"(?:^|[(\[;:\]]|\d|\b(?:[Ss]ee|and|in|cf\.|Source:))[ \t]*$")
QUOTED = re.compile(  # (a look-ahead for the author's capital first: see patterns.initials)
    r"(?=[A-Z])" + AUTHOR + r",[ \t]+(?:[“\"](?P<double>[A-Z][^“”\"\n]{3,200}?)[,.]?[”\"]"
    r"|‘(?P<single>[A-Z](?:[^‘’\n]|’(?=\w)){3,200}?)[,.]?’(?=[\s,.;)]))"
)
CUE = re.compile(r"\b(?:in|from|see)[ \t]+$")
OWNER = re.compile(r"(?P<owner>(?:[A-Z][\w.\-]*[ \t]+){0,3}[A-Z][\w\-]+)[’']s[ \t]+")
# what follows a title in a note and is no part of it: "…, , ed. by Riazanov", "…, trans. …"
EDITORS = re.compile(r"[ \t]*,[ \t]*,|,?[ \t]+(?:ed\.|eds\.|edited|trans\.|translated|comp\.)"
                     r"(?![\w])")


# the year of the reference's imprint after the title, before the reference ends: "… (Berlin,
# 1982)", "… (2 vols; Paris, 1921)", "…," Journal, vol. 81, no. 3 (1966)"; not a span of
# years ("(Moscow, 1926–1947)")
IMPRINT_YEAR = re.compile(r"[^;()\n]{0,80}?\((?:[^()\n]{0,60}[ \t,;])?(?P<year>1[5-9]\d\d)\)")


@cache
def _imprinted() -> re.Pattern[str]:
    """A title before its bracketed imprint: "… (Berlin, 1982)", "… (2 vols; Paris, 1921)"."""
    places = data_alternation("places.txt")
    return re.compile(
        r"(?=[A-Z“\"‘])(?<![\w’'\-])(?P<title>[A-Z“\"‘][^();\n]{2,200}?)[ \t]*"
        rf"\((?:[^();\n]{{0,30}};[ \t]*)?(?:{places})[,:]?[ \t]+(?:[^()\n]{{0,40}},[ \t]*)?"
        r"1[5-9]\d\d\b"
    )


def _person_like(author: str) -> bool:
    """Initials, a surname with initials, or a given name first: a person, not "Moscow"."""
    first = author.split()[0]
    return bool(re.match(r"[A-Z]\.", first) or re.search(r",\s+[A-Z]\.", author)
                or first in given_names())


def _led(text: str, start: int) -> bool:
    """The author opens the note or follows its number or a cue: not a speaker's name
    before a quotation ("said Lenin, “…”")."""
    return LEAD.search(text, max(0, start - 12), start) is not None


def _plausible(title: str) -> bool:
    """A title, not a sentence, a place or a name alone."""
    words = title.split()
    return (1 <= len(words) <= MAX_WORDS and title not in data_set("places.txt")
            and not re.search(r"[a-z]{3,}[.!]$|[a-z]{2,}\.\s+[A-Z][a-z]", title)
            and title.split()[0].lower() not in word_set("title_function_words") - {"the", "a"})


def _display(author: str) -> str:
    """ "Baron, S. H." is S. H. Baron."""
    surname, _, initials = author.partition(", ")
    return normalise_space(f"{initials} {surname}" if initials else author)


def _after_author(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where the title begins after "Author, " opening text[start:end], and its author."""
    lead = re.match(AUTHOR + r",[ \t]+", text[start:end])
    if lead and _person_like(lead.group("author")) and _led(text, start):
        return start + lead.end(), _display(lead.group("author"))
    return None


def _split(text: str, start: int, end: int) -> tuple[int, str | None] | None:
    """Where the title before an imprint begins in text[start:end], and who wrote it: after
    the first "Author, " in it, else after "in"/"from"/"see" ("reprinted in Title (…)");
    None when neither stands before it."""
    openings = [start + m.start() for m in re.finditer(r"(?<![\w’'\-])[A-Z“\"‘]",
                                                         text[start:end])]
    for opening in openings:
        if found := _after_author(text, opening, end):
            return found
    for opening in reversed(openings):
        if CUE.search(text, max(0, opening - 6), opening) and ", " not in text[opening:end]:
            owner = OWNER.match(text, opening, end)  # "in E. H. Carr’s The Interregnum (…)"
            return (owner.end(), normalise_space(owner.group("owner"))) if owner else (
                opening, None)
    return None


def _mention(context: Context, start: int, end: int, author: str | None) -> Candidate | None:
    doc = context.doc
    if editors := EDITORS.search(doc.clean, start, end):
        end = editors.start()
    while end > start and doc.clean[end - 1] in " ,.;:":
        end -= 1
    title = normalise_space(doc.clean[start:end])
    if not _plausible(title):
        return None
    imprint = IMPRINT_YEAR.match(doc.clean, end)
    mention = WorkMention(title=title, evidence=doc.span(start, end), cue="bibliographic",
                          author=author, published=imprint.group("year") if imprint else None)
    return Candidate("work", start, end, title, SCORE, "works.bibliographic", mention)


@recognizer("works.bibliographic")
def bibliographic_titles(context: Context) -> Iterator[Candidate]:
    """Quoted titles after their author, and titles before their imprint after their author
    or "in"/"from"/"see"."""
    text = context.doc.clean
    for match in QUOTED.finditer(text):
        if not _person_like(match.group("author")) or not _led(text, match.start()):
            continue
        group = "double" if match.group("double") else "single"
        candidate = _mention(context, *match.span(group), _display(match.group("author")))
        if candidate:
            yield candidate
    for match in _imprinted().finditer(text):
        start, end = match.span("title")
        if split := _split(text, start, end):
            candidate = _mention(context, split[0], end, split[1])
            if candidate and len(candidate.name.split()) >= 2:  # "Plekhanov (Moscow, 1977)":
                # a one-word title before an imprint is as likely its subject's name
                yield candidate
