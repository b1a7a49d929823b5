"""The document's own title: the first heading of its front matter is a work.

Transcribed speeches, articles and letters open with their front matter: the author's name,
the title, a date or a description ("Report Delivered at …"), and the apparatus ("Source:",
"Transcription/Markup:"). The first line of it that reads as a title ("Speech at the Seventh
Enlarged Plenum of the ECCI", "THESES IN RESPECT OF THE CONSTITUENT ASSEMBLY", "‘How Lenin
Worked’ by Nadezhda Krupskaya from The Communist") names the document as a work, with its
author from "by …" or from the name line above it. A numbered section heading ("I. THE
DEFINITION OF LENINISM"), a name, a date or an apparatus line is no title.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from functools import cache

from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.dateforms import SEASONS, find_dates
from kgbuild.extract.patterns import normalise_space
from kgbuild.extract.persons import acceptable, given_names
from kgbuild.extract.reference_fields import ANCHOR
from kgbuild.lexicon import alternation, title_case, word_set, words
from kgbuild.records import WorkMention

SCORE = 0.7
FRONT_MATTER_LINES = 25  # the title stands near the top …
RUNNING_TEXT_WORDS = 15  # … before the first paragraph of running text
SALUTATION = re.compile(r"(?:my\s+)?dear\s+\S.{0,60}[:,!]$", re.I)
WORD = re.compile(r"[^\W\d_][\w’'\-.]*")
SECTION = re.compile(rf"^(?:[IVXLC|]+|\d+)\.?\s|^\(?(?:{alternation('section_words')})\b",
                     re.IGNORECASE)
# what follows a title on its line: "by Nadezhda Krupskaya …", " - Archontology",
# "(Vladimir Lenin)", "[April 17, 1924]"
BY_AUTHOR = re.compile(r"\s+(?i:by)\s+(?P<author>(?:[A-Z][\w’'.\-]*\s*){1,4})(?:\s+from\b.*)?$")
# "Memoirs of a Revolutionary. Victor Serge", "… Labour Policy. Isaac Deutscher 1950": the
# author's name after the title's full stop, with the year of the edition
NAME_AFTER = re.compile(r"(?<=[^\W\d_]{2})\.\s+"
                        r"(?P<author>(?:[A-Z][\w’'\-]*\.?\s+){1,3}[A-Z][\w’'\-]+)"
                        r"(?:\s+(?P<year>1[5-9]\d\d))?$")
# a letter headed by its addressee: "To Comrade Kaganovich", "F. E. Dzerzhinsky to G. L.
# Pyatakov" (initials and a surname on either side of "to")
ADDRESSED = re.compile(r"To\s+(?=[A-Z])|(?:[A-Z]\.\s*)+[A-Z][\w’'\-]+\s+to\s+(?:[A-Z]\.\s*)+[A-Z]")
# "Leon Trotsky: Letter to N. I. Bukharin": the author's name, a colon, the title
NAME_FIRST = re.compile(r"(?P<author>[A-Z][^:\n]{2,40}?):\s+(?=[A-Z‘“\"])")
TRAILER = re.compile(r"\s+[-–—]\s+[^-–—]+$|\s*\([A-Z][^()]*\)$|\s*\[[^\]]*\]$")
QUOTES = "‘’“”\"'"
OWNER = re.compile(r"(?P<owner>[A-Z][\w\-]+)[’']s\s+(?=[‘“\"])")
FOOTNOTE = re.compile(r"\s+\d{1,2}$")  # "… Ukraine C.P.(B.) 1": an endnote number
LEADERS = re.compile(r"(?:\s*\.){3,}[\s\d]*$")  # a contents line's dots and page: ". . . . 17"
# a breadcrumb ("HomeNationsSoviet Union") or a file size is no heading
NOT_A_HEADING = re.compile(  # … or a navigation bar ("Home | Archive | Lenin")
    r"[a-z][A-Z][a-z]+[A-Z]|\d\.?\s*[KM]b\b|\.(?:svg|png|jpe?g|gif)\b|^[^\w‘“\"]|\s[|·•»>]\s"
    r"|\bHome\s+Page\b|^[a-z]"  # (a line in lower case, "from Chapter 3.", heads nothing)
    r"|^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
)  # (… or a message's time stamp: "Thu Mar 23 10:40:20 MST 2006")
# an adopted text heads its page as a resolution, not a work: "Resolutions of the …
# Conference", "Theses on … Adopted at the Fifth ECCI Plenum"
RESOLUTION_HEADING = re.compile(r"^(?:Resolutions?|Decisions?)\b|\b[Aa]dopted\s+(?:[Aa]t|[Bb]y)\b")
COVERED = 0.75  # a line that is this much a name accepted already is that name's heading


@cache
def _labels() -> re.Pattern[str]:
    names = "|".join(alternation(group) for group in (
        "apparatus_credit_labels", "apparatus_source_labels", "dated_apparatus_labels",
        "source_labels", "published_labels"))
    phrases = "|".join(re.escape(w) for group in ("published_labels", "apparatus_credit_labels")
                       for w in words(group) if " " in w)
    return re.compile(rf"^(?:{names})\s*[:|]|^(?:{phrases})\s|^Page:", re.IGNORECASE)


def _is_name(line: str) -> bool:
    """A person's name alone: "V. I. Lenin", "Leon Trotsky", "Comrade Bucharin"."""
    tokens = line.split()
    if not 1 <= len(tokens) <= 4 or not all(t[0].isupper() for t in tokens):
        return False
    first = tokens[0]
    return bool(re.fullmatch(r"[A-Z]\.", first)) or first in given_names() or first in word_set(
        "person_titles")


def _is_title(line: str) -> bool:
    """Capitalised words (a function word aside), or capitals throughout; not a sentence."""
    tokens = WORD.findall(line)
    if len(tokens) < 2 or len(line) > 200 or re.search(r"(?:[a-z]{2,}|\d)[.?!;]\s", line):
        return False  # a sentence ends inside: "… met in 1920. The Tenth Congress …"
    if line.upper() == line:
        return True
    content = [t for t in tokens if t.lower() not in word_set("title_function_words")]
    capitalised = sum(1 for t in content if t[0].isupper())
    return bool(content) and capitalised / len(content) >= 0.75 and not line.endswith(",")


def _is_sentence_case(line: str) -> bool:
    """ "Women fighters in the days of the great October Revolution": a title as a web page
    prints it, first word capitalised, no sentence inside."""
    tokens = WORD.findall(line)
    return (2 <= len(tokens) <= 20 and line[:1].isupper()
            and not re.search(r"(?:[a-z]{2,}|\d)[.?!;]\s", line))


SITE_ABBREVIATION = re.compile(r"[A-Z]{2,5}")


def _parts_pattern(title: str) -> str:
    """Where a heading holds more than one title: "Report …/Concluding Address …"; a site's
    "MIA: Encyclopedia of Marxism: Glossary of People" (two colons) is a collection and its
    page."""
    return r"[^/:]+" if title.count(": ") >= 2 else r"[^/]+"


def running_text(line: str) -> bool:
    """A line of a paragraph (long, and not a long title in title case) or a letter's
    salutation ("Dear Comrade Valentinov:"), where the letter itself begins; a long title
    with its date after it ("…. June 3, 1924") is a title."""
    if len(line.split()) >= RUNNING_TEXT_WORDS:
        dated = _trailing_date(line, 0, len(line))
        if not _is_title(line[:dated] if dated else line):
            return True
    return bool(SALUTATION.match(line))


def _continues(line: str, following: str) -> bool:
    """A heading broken over lines: "Interview with" / "Foreign Workers' Delegations",
    "To Comrade Kaganovich" / "and the Other Members …" (a short line, not a sentence)."""
    first = following.split()[0] if following.split() else ""
    longest = 20 if _open_ended(line) else 12  # "… A Conference Of" / a long second line
    return (bool(following) and len(following.split()) <= longest
            and _is_title(following.rstrip(","))  # (a comma before the date on the next line)
            and (_open_ended(line) or first in word_set("title_function_words")))


def _open_ended(line: str) -> bool:
    """A heading that ends with a function word ("… Conference Of") goes on below."""
    last = line.split()[-1].lower() if line.split() else ""
    return last in word_set("title_function_words")


def _sentence_goes_on(above: list[tuple[int, str]]) -> bool:
    """The line above (blank lines aside) ends with a function word in lower case ("… was
    published in No. 22 of"): a page cut from a longer text goes on with its sentence here,
    and the short line is no heading."""
    previous = next((line.split() for _, line in reversed(above) if line.strip()), [])
    return bool(previous) and previous[-1] in word_set("title_function_words")


def _heading_or_blank(line: str) -> bool:
    """What may follow a title: a blank line or another short heading."""
    return not line or (len(line.split()) <= 12 and not re.search(r"[a-z]{2,}[.;]$", line))


def _title_span(line: str) -> tuple[int, int, str | None]:
    """Where the title is on its line(s), and the author a "by …" or a possessive names."""
    start, end, author = 0, len(line), None
    if by := BY_AUTHOR.search(line):
        end, author = by.start(), normalise_space(by.group("author"))
    elif (named := NAME_AFTER.search(line)) and _is_name(named.group("author")):
        end, author = named.start(), named.group("author")
    if owner := OWNER.match(line):  # "Krupskaya's “Reminiscences of Lenin”"
        start, author = owner.end(), owner.group("owner")
    elif (named_first := NAME_FIRST.match(line)) and _is_name(named_first.group("author")):
        start, author = named_first.end(), named_first.group("author")
    if dated := _trailing_date(line, start, end):
        end = dated
    end = start + len(LEADERS.sub("", FOOTNOTE.sub("", line[start:end])))
    while trailer := TRAILER.search(line, start, end):
        if trailer.start() == start:
            break
        end = trailer.start()
    while start < end and line[start] in QUOTES:
        start += 1
    while end > start and line[end - 1] in QUOTES + ".:,":
        end -= 1
    return start, end, author


def _trailing_date(line: str, start: int, end: int) -> int | None:
    """Where a date printed after the title on its line begins ("Speech at the Unveiling of
    a Monument. May 1, 1920", "On the Harvest (1925)"), after a full stop or a comma, or in
    brackets; the date is the work's, not part of its title."""
    dates = find_dates(line[:end], 0)
    if not dates:
        return None
    last = dates[-1][0]
    before = line[start : last.start()]
    bracketed = line[last.start() : last.start() + 1] == "("
    if (re.fullmatch(r"[\s.)]*" if bracketed else r"[\s.]*", line[last.end() : end]) is None
            or not (bracketed or re.search(r"[^\W\d_]{2}[.,]\s*$", before))):
        return None
    return start + len(before.rstrip(" .,"))


def _apparatus_begins(text: str, labels: re.Pattern[str]) -> bool:
    """ "Source: …", "Written in October 1916" (a site's own header "Page:…" aside)."""
    first = text.split()[0].lower() if text else ""
    return (bool(labels.match(text)) and not text.startswith("Page:")) or first in word_set(
        "date_verbs")


def apparatus_line(line: str) -> bool:
    """A line of the apparatus ("Source: …", "Written: …", "Transcription: …")."""
    return _apparatus_begins(line.strip(), _labels())


def _apparatus_next(following: list[tuple[int, str]], labels: re.Pattern[str]) -> bool:
    """The apparatus ("Delivered: …", "Written: …", "Source: …") begins on the next line
    that is not blank: what stands over it is the text's title, in whatever case."""
    below = next((line.strip() for _, line in following if line.strip()), "")
    return bool(below) and _apparatus_begins(below, labels)


def _signed_below(following: list[tuple[int, str]]) -> bool:
    """The author's byline follows the heading ("By Samuel A. Oppenheim", or the name alone a
    line or two below, after an issue number): what stands over it is the text's title, in
    whatever case."""
    below = [line.strip() for _, line in following if line.strip()][:2]
    return any(re.fullmatch(r"By\s+(?:[A-Z][\w’'.\-]*\s*){1,4}", line) or _is_name(line)
               for line in below)


def _author_line(text: str, following: list[tuple[int, str]], labels: re.Pattern[str]) -> bool:
    """Two or three capitalised words over another heading are its author's name ("Sen
    Katayama" over "Japan's Position in the Coming World Social Revolution")."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 3 or not all(re.fullmatch(r"[A-Z][\w’'.\-]*", t) for t in tokens):
        return False
    if any(t.lower() in word_set("title_function_words") for t in tokens):
        return False  # "The Village Question" over a subtitle is a title, not a name
    below = next((line.strip() for _, line in following if line.strip()), "")
    return (bool(below) and not labels.match(below) and not running_text(below)
            and _is_title(below) and len(below.split()) > len(tokens))


def _no_heading(text: str, labels: re.Pattern[str]) -> bool:
    """An empty line, an apparatus line, a numbered section, a description of the text
    ("Written in October 1916", "Brief Newspaper Report"), a breadcrumb, or fewer than two
    words."""
    first = text.split()[0].lower() if text else ""
    byline = re.match(r"(?i)(?:by|from)\s", text) and (
        "," in text or text[:2] in ("By", "by") or len(text.split()) <= 2)  # "From Marxists-en"
    description = text.strip(" ()[].").casefold() in {  # "Newspaper Report", "CONTENTS"
        w.casefold() for w in word_set("text_descriptions")}
    return (not text or description
            or bool(labels.match(text) or SECTION.match(text) or ANCHOR.search(text))
            or bool(RESOLUTION_HEADING.search(text))
            or bool(byline)
            or first in word_set("date_verbs") or bool(NOT_A_HEADING.search(text))
            or (len([w for w in WORD.findall(text) if len(w) >= 3]) < 2 and not _is_name(text)))


def _covered(start: int, end: int, accepted: tuple[Candidate, ...]) -> Candidate | None:
    """The longest name accepted already on a line that is mostly names: a page about a
    congress, a body or a person is headed by its name, not by a title."""
    inside = [c for c in accepted if c.kind != "work" and c.start < end and start < c.end]
    covered = {i for c in inside for i in range(max(c.start, start), min(c.end, end))}
    opening = [c for c in inside if c.start <= start + len("The ")]
    if any(c.kind == "meeting" for c in opening):  # "Fifth All-Russia Congress of Soviets …"
        return opening[0]
    if not opening or len(covered) < COVERED * (end - start):
        return None  # "The Work of the April Joint Plenum of the Central Committee …"
    return max(inside, key=lambda c: c.end - c.start)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n")[:FRONT_MATTER_LINES]:
        yield offset, line
        offset += len(line) + 1


@recognizer("works.own-title", follow_up=True)
def own_title(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    if adopted_by_meeting(doc.meta.author):
        return  # its heading names an adopted text: a resolution, not a work
    labels = _labels()
    name_above: str | None = None
    year_above: str | None = None
    first_seen = False  # the page's first heading, where a web page prints its title
    lines = list(_lines(doc.clean))
    for number, (line_start, line) in enumerate(lines):
        text = line.strip()
        if running_text(text) or _apparatus_begins(text, labels):
            return  # the title stands before the paragraphs and before the apparatus
        if _no_heading(text, labels) or _sentence_goes_on(lines[:number]):
            continue
        indent = line.index(text)
        quoted_with_author = text[0] in QUOTES and BY_AUTHOR.search(text) is not None
        addressed = ADDRESSED.match(text)  # a letter's heading names its addressee
        covering = None if quoted_with_author or addressed else _covered(
            line_start + indent, line_start + indent + len(text), context.accepted)
        # "David Ryazanov 1924", "Bolshevik Writers: J. V. Stalin (1879-1953)"
        dated_name = AUTHOR_AND_YEAR.fullmatch(text.rpartition(": ")[2])
        if dated_name and (_is_name(dated_name.group("name"))
                           or _author_line(dated_name.group("name"), lines[number + 1:], labels)):
            name_above = dated_name.group("name")
            # "Peter Kropotkin. 1920" over the title: the year of the text (not the years of
            # a life or a period, "(1879-1953)", "1914-1916")
            year_above = dated_name.group("year") if dated_name.group("year").isdigit() else None
            continue
        if not addressed and (_is_name(text) or (covering is not None and covering.kind == "person")
                              or _author_line(text, lines[number + 1:], labels)):
            name_above = text
            continue
        dates = find_dates(text, 0)
        if covering is not None or (
                dates and sum(len(m.group(0)) for m, _ in dates) >= len(text) - 4):
            continue  # the name of a meeting or body, a date line
        start, end, author = _title_span(text)
        # a web page's title: its first heading, with "by …" or " - Site" after the title
        page_title = not first_seen and (author is not None or TRAILER.search(text) is not None)
        first_seen = True
        title_like = _is_title(text[start:end]) or (
            (page_title or name_above is not None
             or ((_apparatus_next(lines[number + 1:], labels) or _signed_below(lines[number + 1:]))
                 and not text.endswith(".")))
            and not re.search(r"[a-z]\.$", text)  # a sentence: "X (1880–1938) was a …."
            and _is_sentence_case(text[start:end]))
        if not title_like:
            continue
        after = number + 1
        for index, (following_start, following) in enumerate(lines[number + 1:], number + 1):
            if _open_ended(text) and not following.strip() and index + 1 < len(lines):
                continue  # "Speech Delivered at a Meeting of" / (blank) / "the Textile Workers"
            if author is not None or not _continues(text, following.strip()):
                break
            text = doc.clean[line_start + indent: following_start + len(following.rstrip())]
            start, end, author = _title_span(text)
            after = index + 1
        if after < len(lines) and not _heading_or_blank(lines[after][1].strip()):
            continue  # a line of a paragraph, not a heading
        below = next((line.strip() for _, line in lines[after:] if line.strip()), "")
        if re.match(r"[Aa]dopted\b", below):
            return  # "Adopted unanimously by the Executive …" under it: a resolution
        whole = None  # "Militarism/Preface": the preface is "Preface to Militarism"
        for part in re.finditer(_parts_pattern(text[start:end]), text[start:end]):
            if SITE_ABBREVIATION.fullmatch(part.group(0).strip()) or (
                    whole and SECTION.match(part.group(0).strip())):
                continue  # "MIA"; "…/Chapter 3", a section of the work named before it
            part_start = line_start + indent + start + part.start() + len(
                part.group(0)) - len(part.group(0).lstrip())
            part_end = line_start + indent + start + part.start() + len(part.group(0).rstrip())
            title = normalise_space(doc.clean[part_start:part_end])
            if text[start:end].count(": ") >= 2 and _no_part_title(
                    title, part_start, part_end, context.accepted):
                continue
            title = title_case(title) if title.upper() == title else title
            if whole and title in word_set("front_matter_parts"):
                title = f"{title} to {whole}"
            whole = whole or title
            named_after = NAME_AFTER.search(text)  # "… Policy. Isaac Deutscher 1950"
            mention = WorkMention(title=title, evidence=doc.span(part_start, part_end),
                                  cue="own-title", author=author or name_above or doc.meta.author,
                                  published=(named_after.group("year") if named_after else None)
                                  or year_above)
            yield Candidate("work", part_start, part_end, title, SCORE, "works.own-title",
                            mention)
        return


def adopted_by_meeting(author: str | None) -> bool:
    """The text's author, as its metadata gives it, is a congress, conference or plenum
    ("Tenth Congress of the R.C.P.(B.)", "E.C.C.I. (Seventh Enlarged Plenum)"): what a
    meeting puts its name to is what it adopted."""
    return author is not None and re.search(
        rf"\b(?:{alternation('meeting_kinds')})\b", author) is not None


def _no_part_title(title: str, start: int, end: int, accepted: tuple[Candidate, ...]) -> bool:
    """A part of a site's breadcrumb of colons that names no work ("USSR: Communist Party:
    transitional period: 1917-1919", "MIA: History: Documents: …"): one word, lower case,
    years, or a name accepted as a body, person or meeting."""
    return (len(WORD.findall(title)) < 2 or not title[:1].isupper()
            or _covered(start, end, accepted) is not None)


# the author's name line of a transcription with the year of the text: "Peter Kropotkin. 1920"
# (or with the years of a life or a period: "Alexandra Kollontai 1914-1916", "J. V. Stalin
# (1879-1953)")
AUTHOR_AND_YEAR = re.compile(r"(?P<name>[A-Z][^\d\n]{2,40}?)\.?[ \t]+(?P<year>\(?1[5-9]\d\d"
                             r"(?:[ \t]*[-–][ \t]*(?:1[5-9])?\d\d)?\)?)")
# initials and capitalised words ending in a surname: "Sen Katayama", "M. V. Frunze"; not
# "APPENDIX I." nor "From Wikisource"
PERSON_LINE = re.compile(r"(?:[A-Z]\.[ \t]*|[A-Z][a-z][\w’'\-]*[ \t]+){1,2}[A-Z][a-z][\w’'\-]+")


@recognizer("persons.author-line", follow_up=True)
def author_line(context: Context) -> Iterator[Candidate]:
    """The name printed over a page's title is its author's ("Sen Katayama" over "Japan's
    Position in the Coming World Social Revolution"), known or not."""
    doc = context.doc
    labels = _labels()
    lines = list(_lines(doc.clean))
    for number, (line_start, line) in enumerate(lines):
        text = line.strip()
        if running_text(text) or _apparatus_begins(text, labels):
            return
        if not text or not _author_line(text, lines[number + 1:], labels):
            continue
        start = line_start + line.index(text)
        end = start + len(text)
        if PERSON_LINE.fullmatch(text) and acceptable(doc, text) and not any(
                token.lower() in word_set("title_function_words") for token in text.split()
        ) and not any(c.start < end and start < c.end for c in context.accepted):
            yield Candidate("person", start, end, text, SCORE, "persons.author-line")
        return


# a line of a list of works with their dates: "On the question of class war, 1904",
# "* Who needs the war? 1915", "The war and our immediate tasks, Nov. 1914"
LISTED_WORK = re.compile(
    r"^[ \t]*(?:[*•·\-–][ \t]*)?(?P<title>[A-Z“\"‘][^\n]{2,150}?)[,.]?[ \t]+\(?"
    rf"(?P<date>(?:(?i:{alternation('date_qualifiers')}|{'|'.join(SEASONS)})[ \t]+"
    r"(?:of[ \t]+)?)?(?:[A-Z][a-z]{2,8}\.?[ \t]+)?1[5-9]\d\d(?:[ \t]*[-–][ \t]*(?:1[5-9])?\d\d)?"
    r"|\d{1,2}/\d{1,2}/\d{2,4})\)?[ \t]*$",  # ("The Village (1912)")
    re.MULTILINE,
)
LIST_LENGTH = 3  # lines in a row that make a list


@recognizer("works.listed")
def listed_works(context: Context) -> Iterator[Candidate]:
    """Works listed one a line with their dates, as contents pages and bibliographies print
    them; three such lines in a row make a list."""
    doc = context.doc
    rows = [m for m in LISTED_WORK.finditer(doc.clean) if len(m.group("title").split()) <= 20
            and not RESOLUTION_HEADING.search(m.group("title"))]  # "Theses … Adopted at …"
    runs: list[list[re.Match[str]]] = []
    for row in rows:
        if runs and doc.clean.count("\n", runs[-1][-1].end(), row.start()) <= 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    for run in runs:
        if len(run) < LIST_LENGTH:
            continue
        for row in run:
            start, end = row.span("title")
            # "…, From speeches at Stockholm, 1/5/12": where the text was taken from follows
            title = re.split(r",\s+[Ff]rom\s", normalise_space(doc.clean[start:end]))[0]
            title = title.rstrip(",.")
            mention = WorkMention(title=title, evidence=doc.span(start, start + len(title)),
                                  cue="listed", author=doc.meta.author,
                                  published=_numeric_date(row.group("date")))
            yield Candidate("work", start, start + len(title), title, SCORE, "works.listed",
                            mention)


def _numeric_date(printed: str) -> str | None:
    """A list's date in figures, day first as the period's European editions print it
    ("17/6/17", "1/5/12": 1917-06-17, 1912-05-01; month first only when the second number
    cannot be a month); a two-figure year is of the 1900s."""
    figures = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", printed)
    if figures is None:
        return None
    day, month, year = (int(n) for n in figures.groups())
    if month > 12:
        day, month = month, day
    year += 1900 if year < 100 else 0
    try:
        return datetime.date(year, month, day).isoformat()  # not "31/2/17"
    except ValueError:
        return None
