"""Works: titles recognised from the words that introduce them.

Italics are lost in the transcript, so a title is found after a genre word ("the pamphlet
The Foundations of Leninism", "his book Leninism", "Lenin's article entitled “…”"), in a
list ("such works of Lenin as A, B, C, etc."), after "(see …" or in a quoted title-case
phrase. A title of two words or more, once found, is marked wherever else it stands, and
so are the titles of the reference data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kgbuild.document import Document
from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.dateforms import find_dates
from kgbuild.extract.patterns import NAME_TOKEN, UPPER, find_phrases, normalise_space, read_title
from kgbuild.extract.titles import adopted_by_meeting
from kgbuild.lexicon import alternation, data_alternation, lexicon, word_set
from kgbuild.records import AUTHOR_PRONOUN, AUTHOR_SELF, WorkMention
from kgbuild.reference import ReferenceData


def genre_words() -> dict[str, str]:
    """Words that introduce a title, and the genre each names ("pamphlet", "speech")."""
    genres: dict[str, str] = lexicon()["work_genres"]
    return genres


@cache
def _genre_cue() -> re.Pattern[str]:
    words = "|".join(sorted(genre_words(), key=len, reverse=True))
    return re.compile(  # (a look-ahead for the first letter first: see patterns.initials)
        rf"(?=[{UPPER}MmHhTtOoa])"
        rf"(?:(?P<owner>{NAME_TOKEN})[’']s|\b(?P<pronoun>[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]he"
        rf"|[Tt]his|[Tt]hat|a))"
        rf"\s+(?:(?:own|famous|well-known|first|second|last|draft)\s+)?"
        rf"(?P<genre>{words})\s+(?:(?:entitled|called|on|in)\s+)??"
        rf"(?=[“\"‘]?[A-Z])"
    )


WORKS_LIST = re.compile(rf"\bworks\s+of\s+(?P<owner>{NAME_TOKEN})\s+as\s+(?=[A-Z“])")
# "His major works include A (1920), B (1921) and C", "Among her writings are A and B": a
# list of titles after a plural genre word and a verb that lists, with their years
WORKS_INCLUDE = re.compile(
    r"\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)\s+(?:\w+\s+){0,2}?"
    r"(?:works|writings|books|pamphlets|articles)\s+(?:include[sd]?|including|are|were)\s+"
    r"(?=[A-Z“\"])")
# "In 1923 he wrote Terror and the Village, a reply …": a title after "wrote", "published"
WROTE = re.compile(r"\b(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey)\s+(?:wrote|published|completed)\s+"
                   r"(?:(?:the|his|her|their)\s+)?(?=[A-Z“\"‘])")
LISTED_YEAR = re.compile(r"[ \t]*\(1[5-9]\d\d\)")
SEE_TITLES = re.compile(r"\(see\s+(?=[A-Z“])")
ENTITLED = re.compile(r"\bentitled\s+(?=[“\"‘][A-Z])")
OPENING_QUOTE = re.compile(r"[“\"‘](?=[A-Z])")
# "the resolution of the Conference “The Tasks of …”", "a sub-heading “Dictatorship of One
# Party”": what the quotes name is a resolution, a heading or a slogan, not a work
QUOTED_NAME_CUE = re.compile(  # (its number before a colon: "Resolution No. 12: “…”")
    rf"\b(?i:{alternation('quoted_name_cues')})\b(?:\s+No\.\s*\d+:?)?[^.;:!?“”\"]{{0,80}}$"
)
CLOSING_QUOTE = re.compile(r"[.,]?[”\"’]")
QUOTED_AFTER_POSSESSIVE = re.compile(r"\b(?:his|her|my|their|our)\s+(?=[“\"][A-Z])")
POSSESSIVE_TITLE = re.compile(rf"(?P<owner>{NAME_TOKEN})[’']s\s+(?=[A-Z])")
NOT_A_TITLE_START = re.compile(r"(?:Resolution|Vol|Volume|Band|Bd|ibid)\b")
ADOPTED = re.compile(r"\s+[Aa]dopted\s+(?:\w+ly\s+)?(?:[Aa]t|[Bb]y)\b")
# "“Theses on the United Front.” Adopted by the Executive …": a resolution's title
ADOPTED_AFTER = re.compile(  # ("Adopted unanimously by …")
    r"[.,]?[”\"’]?[.,]?\s+[Aa]dopted\s+(?:\w+ly\s+)?(?:[Aa]t|[Bb]y|[Oo]n)\b")
SUBJECT_VERB = re.compile(rf"\s+(?:{alternation('speech_verbs')})\b")
QUOTES = '“”"‘’'
PAIRED = {"“": "”", '"': '"', "‘": "’"}
# "The State and Revolution. By Nikolai Lenin", "The Day of the People By EUGENE DEBS": a
# title with its byline, as contents pages and journals print them; "By" capitalised, the
# title starting a line, a sentence or after a page number
BYLINE = re.compile(
    r"(?=[A-Z“\"])"  # (the title's first character first: see patterns.initials)
    r"(?:^|(?<=[.?!\d] ))(?P<title>[A-Z“\"](?:[^\n.\d]|\.(?=\S)){2,150}?)\.?[ \t]+By[ \t]+"
    r"(?P<author>(?:[A-Z][A-Z’'\-]+\.?[ \t]*){1,4}(?![a-z])|(?:[A-Z][\w’'\-]*\.?[ \t]*){1,4})"
    r"(?=[\s.,\d]|$)",
    re.MULTILINE,
)

# "‘The Sixth Congress of the Unions’ by Charles E. Johnson from Workers Monthly. Vol. 4": a
# journal's article as transcriptions head it, on a line of its own, wherever it stands
QUOTED_BYLINE = re.compile(
    r"^[ \t]*[‘“\"](?P<title>[A-Z0-9][^‘’“”\"\n]{2,200}?)[’”\"],?(?:[ \t]+(?i:by)[ \t]+"
    r"(?P<author>(?:[A-Z][\w’'.\-]*[ \t]*){1,4})(?=[ \t]+from\b|[ \t]*$)"
    r"|(?=[ \t]+from[ \t]+(?:[Tt]he[ \t]+)?[A-Z]))",  # (an unsigned one: "‘…’ from The Worker")
    re.MULTILINE,
)


# the close of a quoted title: a single quote no letter follows (not "the Workers’ Opposition")
CLOSES = {"“": re.compile("”"), '"': re.compile('"'), "‘": re.compile(r"’(?![^\W\d_])")}
QUOTED_TITLE_CHARS = 200


def _cued_title(text: str, start: int) -> tuple[int, int] | None:
    """The title a cue introduces: all of a quoted one, whatever its case ("the article
    “The tasks of the village cells”", "the pamphlet ‘Who needs the war?’", quotes kept),
    unless capitalised words go on after the quote ("“Left-Wing” Communism"), else a title
    in title case; a quote not closed before a blank line holds no title."""
    closing = CLOSES.get(text[start : start + 1])
    if closing is None:
        return read_title(text, start)
    close = closing.search(text, start + 1, start + QUOTED_TITLE_CHARS)
    if close is None or re.search(r"\n[ \t]*\n", text[start : close.start()]) or (
            close.start() - start < 3):
        return None  # (a title may go on over a line break, not over a blank line)
    if re.match(r"[ \t]+[A-Z]", text[close.end() :]):
        return read_title(text, start)  # "“Left-Wing” Communism, …": the title goes on
    return start, close.end()


def _titles_in_list(text: str, start: int, joined: bool = False) -> list[tuple[int, int]]:
    """Titles separated by commas up to "etc." or a closing parenthesis; ``joined``: "and"
    joins the last, and a year in brackets may follow each ("A (1920), B (1921) and C")."""
    spans = []
    position = start
    while True:
        extent = _cued_title(text, position)
        if extent is None:
            break
        spans.append(extent)
        after = extent[1]
        if joined and (year := LISTED_YEAR.match(text, after)):
            after = year.end()
        separator = r"[”\"]?,?\s+(?:and\s+)?(?=[A-Z“])" if joined else r"[”\"]?,\s+(?=[A-Z“])"
        rest = re.match(separator, text[after:])
        if not rest or (joined and "and" not in rest.group(0) and "," not in rest.group(0)):
            break
        position = after + rest.end()
    return spans


def _quoted_titles(text: str) -> Iterator[tuple[int, int]]:
    """Title-case phrases of three words or more that fill a pair of quotes: notes and
    lists quote the titles of articles (“Some Observations on Our Tenth Party Congress”),
    where a quotation of words is in sentence case; not after a word that says the quotes
    hold a resolution's title, a heading or a slogan."""
    for match in OPENING_QUOTE.finditer(text):
        if QUOTED_NAME_CUE.search(text, max(0, match.start() - 100), match.start()):
            continue
        extent = read_title(text, match.start())  # from the quote, which it closes
        if extent is None or len(text[slice(*extent)].split()) < 3:
            continue
        if (text[extent[1] - 1] in "”\"’" or CLOSING_QUOTE.match(text, extent[1])) and not (
                ADOPTED_AFTER.match(text, extent[1]) or _names_a_body(text[slice(*extent)])):
            yield extent


@cache
def _edition_after() -> re.Pattern[str]:
    return re.compile(rf",\s+(?:{alternation('edition_names')})\b")


def _edition_follows(text: str, end: int) -> bool:
    """An edition's name after a comma ("…, Selected Works, Vol. II"): what stands before it
    names its authors, not a work."""
    return _edition_after().match(text, end) is not None


def _names_a_body(quoted: str) -> bool:
    """ "“Union of Struggle for the Emancipation …”", "“Congress of the Peoples of the East”":
    a body's or a meeting's name in quotes, its head word first and "of"/"for" after it."""
    heads = word_set("organization_body_words") | word_set("meeting_kinds")
    words_in = quoted.strip(QUOTES).split()
    if words_in and words_in[0] in ("The", "A", "An"):
        words_in = words_in[1:]
    for index, word in enumerate(words_in[:3]):
        if word in heads and index + 1 < len(words_in) and words_in[index + 1] in ("of", "for"):
            return True
    return False


def _bylined_titles(text: str) -> Iterator[tuple[int, int, str]]:
    """Titles followed by their byline: the whole stretch before "By" must read as one title
    ("The Principles of Democracy and Proletarian Dictatorship. By Leon Trotzky")."""
    for match in BYLINE.finditer(text):
        start, end = match.span("title")
        extent = read_title(text, start, max_tokens=25)
        printed = text[start:end].rstrip("?")
        if extent is None or extent[1] < start + len(printed) or len(printed.split()) < 2:
            continue
        yield start, end, normalise_space(match.group("author")).rstrip(". ").title()


@cache
def _imprint_after() -> re.Pattern[str]:
    """ "(see the book Theses and Resolutions …, Moscow-Leningrad, 1927.)": the place and
    year of the book's imprint after its title date it (no dated claim: see dates.py)."""
    places = data_alternation("places.txt")
    return re.compile(rf",[ \t]+(?:{places})(?:[-–](?:{places}))?,[ \t]+(?P<year>1[5-9]\d\d)\b")


def _mention(
    doc: Document,
    start: int,
    end: int,
    cue: str,
    author: str | None = None,
    genre: str | None = None,
    published: str | None = None,
) -> WorkMention | None:
    """A WorkMention for clean[start:end], without enclosing quotes and final stops."""
    text = doc.clean
    while end > start and text[end - 1] in ".,":
        end -= 1
    # "The Tax in Kind Lenin wrote": a last word followed by a speech verb is its subject
    last_word = re.search(r"\s+[A-Z][\w’'-]*$", text[start:end])
    if last_word and SUBJECT_VERB.match(text, end) and last_word.start() > 0:
        end = start + last_word.start()
    if end - start > 2 and PAIRED.get(text[start]) == text[end - 1]:  # (an apostrophe inside)
        start, end = start + 1, end - 1
    if text[start] in QUOTES and not any(q in text[start + 1 : end] for q in '”"'):
        start += 1
    if text[end - 1] in QUOTES and not any(q in text[start : end - 1] for q in '“"'):
        end -= 1
    while end > start and text[end - 1] in ".,":  # “…Peasantry,”: the comma inside the quotes
        end -= 1
    title = normalise_space(text[start:end])
    if len(title) < 3 or NOT_A_TITLE_START.match(title):
        return None
    return WorkMention(title=title, evidence=doc.span(start, end), cue=cue, author=author,
                       genre=genre, published=published)


def _owner(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("owner"):
        return groups["owner"]
    pronoun = (groups.get("pronoun") or match.group(0).split()[0]).lower()
    if pronoun in ("my", "our"):
        return AUTHOR_SELF
    if pronoun in ("his", "her"):
        return AUTHOR_PRONOUN
    return None


def extract_works(doc: Document, reference: ReferenceData) -> list[WorkMention]:
    """Work mentions from cues, then every further occurrence of multi-word titles."""
    text = doc.clean
    found: list[WorkMention] = []
    for match in _genre_cue().finditer(text):
        extent = _cued_title(text, match.end())
        if extent:
            imprint = _imprint_after().match(text, extent[1])
            mention = _mention(
                doc,
                *extent,
                cue="genre-word",
                author=_owner(match),
                genre=genre_words()[match.group("genre")],
                published=imprint.group("year") if imprint else None,
            )
            found.extend([mention] if mention else [])
    for match in WORKS_LIST.finditer(text):
        for extent in _titles_in_list(text, match.end()):
            mention = _mention(doc, *extent, cue="works-list", author=match.group("owner"))
            found.extend([mention] if mention else [])
    for match in WORKS_INCLUDE.finditer(text):
        for extent in _titles_in_list(text, match.end(), joined=True):
            mention = _mention(doc, *extent, cue="works-list", author=_owner(match))
            found.extend([mention] if mention else [])
    for match in WROTE.finditer(text):
        extent = _cued_title(text, match.end())
        if extent and (text[extent[0]] in QUOTES or len(text[slice(*extent)].split()) >= 3):
            mention = _mention(doc, *extent, cue="wrote", author=_owner(match))
            found.extend([mention] if mention else [])
    for pattern, cue in (
        (SEE_TITLES, "see-reference"),
        (ENTITLED, "entitled"),
        (QUOTED_AFTER_POSSESSIVE, "quoted-after-possessive"),
    ):
        for match in pattern.finditer(text):
            for extent in _titles_in_list(text, match.end()):
                if _edition_follows(text, extent[1]):
                    continue  # "(see Marx and Engels, Selected Works, …)": the authors
                mention = _mention(doc, *extent, cue=cue, author=_owner(match))
                found.extend([mention] if mention else [])
    bodies = word_set("organization_body_words")
    not_works = bodies | word_set("possessive_non_work_heads")
    for match in POSSESSIVE_TITLE.finditer(text):
        # "Kautsky’s The Dictatorship of the Proletariat": a title with its article is read
        # whole, small words and all
        article = re.match(r"(?:The|A|An)\s", text[match.end() : match.end() + 4]) is not None
        extent = read_title(text, match.end(), function_words=article)
        # "the Comintern’s Western Europe Bureau" names a body, "the People’s Commissar
        # Stalin" a person by his office, "Lenin’s New Economic Policy" a policy: no work
        # (but "Kautsky’s The Social Revolution", with its article, is a title)
        named = text[slice(*extent)].split() if extent else []
        if (extent and len(named) >= 2 and (article or named[-1] not in not_works)
                and named[0] not in word_set("person_titles")):
            mention = _mention(doc, *extent, cue="possessive-title", author=match.group("owner"))
            found.extend([mention] if mention else [])
    for start, end in _quoted_titles(text):
        mention = _mention(doc, start, end, cue="quoted-title")
        found.extend([mention] if mention else [])
    for match in QUOTED_BYLINE.finditer(text):
        author = normalise_space(match.group("author")) if match.group("author") else None
        mention = _mention(doc, *match.span("title"), cue="quoted-byline", author=author)
        found.extend([mention] if mention else [])
    for start, end, author in _bylined_titles(text):
        mention = _mention(doc, start, end, cue="byline", author=author)
        found.extend([mention] if mention else [])
    return _with_other_occurrences(doc, found, reference)


def _with_other_occurrences(
    doc: Document, found: list[WorkMention], reference: ReferenceData
) -> list[WorkMention]:
    titles = {m.title for m in found if len(m.title.split()) >= 2}
    titles |= {name for entry in reference.works for name in entry.names if len(name.split()) >= 2}
    by_start: dict[int, WorkMention] = {}
    for mention in found:
        known = by_start.get(mention.evidence.start)
        if known is None or (known.author, known.genre) == (None, None):
            by_start[mention.evidence.start] = mention
    for title, start, end in find_phrases(doc, titles):
        span = doc.span(start, end)
        if not any(o.evidence.start <= span.start < o.evidence.end for o in by_start.values()):
            by_start[span.start] = WorkMention(title=title, evidence=span, cue="occurrence")
    return [by_start[start] for start in sorted(by_start)]


WORK_SCORE = 0.8
DOCUMENT_SCORE = 0.7


@recognizer("works.patterns")
def work_titles(context: Context) -> Iterator[Candidate]:
    """The titles ``extract_works`` reads, as candidates: a person or organization inside a
    title is no mention, and adjudication needs the title's span to say so."""
    doc = context.doc
    for mention in extract_works(doc, context.reference):
        start, end = doc.clean_range(mention.evidence.start, mention.evidence.end)
        yield Candidate("work", start, end, mention.title, WORK_SCORE,
                        f"works.{mention.cue}", mention)


@cache
def _document_names() -> tuple[re.Pattern[str], ...]:
    """ "the Basle Manifesto", "the Brest Treaty", "the Party Programme", "Lenin's April
    Theses" ("April Theses"); "the Treaty of Versailles", "the Declaration of the 46" (read
    on as a title); "Letter to Gogol"."""
    heads = alternation("document_heads")
    word = r"(?:[A-Z][\w\-]*|(?!1[5-9]\d\d\b)\d+)"
    return (
        re.compile(rf"(?<![\w\-’'])(?P<title>(?:{word}[ \t]+){{1,3}}(?:{heads}))\b"
                   r"(?![ \t]+(?:of\b(?![ \t]+1[5-9]\d\d\b)|on\b|[A-Z]))"),  # "… of 1912"
        re.compile(rf"\b(?P<title>(?:{heads})[ \t]+(?:of|on)[ \t]+(?:the[ \t]+)?{word}"
                   r"(?:[ \t]+\d{1,2},[ \t]+1[5-9]\d\d\b)?)"),  # "Manifesto of October 17, 1905"
        re.compile(rf"\b(?P<title>(?:Open[ \t]+)?Letter[ \t]+to[ \t]+(?:the[ \t]+)?{word}"
                   rf"(?:[ \t]+{word}){{0,3}})"),
    )


NAMED_AFTER_NUMBER = re.compile(r"(?<=\d)(?:[ \t]+[A-Z][\w\-]*)+")


def _whole_line(text: str, start: int, end: int) -> bool:
    """The name is all its line holds (a heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[
        end : line_end if line_end >= 0 else len(text)].strip(" .")


def _within_quotes(text: str, start: int, end: int) -> int:
    """A name opened by a quote ends at its closing quote ("‘Theses on the Tasks of the
    Cells’ from The Worker"): a closing single quote is one that no capitalised word follows
    (the apostrophe of "the Workers’ Opposition" is followed by one)."""
    before = text[start - 1 : start] if start else ""
    closing = {"‘": r"’(?!\s*[A-Z])", "“": "”", '"': '"'}.get(before)
    stop = re.compile(closing).search(text, start, end) if closing else None
    return stop.start() if stop else end


@recognizer("works.document-name")
def document_names(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    for pattern in _document_names():
        for match in pattern.finditer(doc.clean):
            start, end = match.span("title")
            if " of " in match.group("title") or " on " in match.group("title"):
                extent = read_title(doc.clean, start)  # "… of the 46 Old Bolsheviks"
                end = max(end, extent[1]) if extent else end
                if numbered := NAMED_AFTER_NUMBER.match(doc.clean, end):  # "… of 46 Old …"
                    end = numbered.end()
            if ADOPTED.search(doc.clean, start, end + 1) or ADOPTED_AFTER.match(doc.clean, end):
                continue  # "Theses on … Adopted at the Sixth Plenum": a resolution
            end = _within_quotes(doc.clean, start, end)
            if article := re.match(r"(?:The|A|An)\s+", doc.clean[start:end]):
                start += article.end()
            name = normalise_space(doc.clean[start:end])
            if name.split()[0] in word_set("not_a_person") and len(name.split()) < 3:
                continue  # "This Manifesto", "Our Programme"
            if adopted_by_meeting(doc.meta.author) and _whole_line(doc.clean, start, end):
                continue  # the heading of what a congress adopted: a resolution
            # "the Manifesto of October 17, 1905": the date it is named by is its date
            dated = find_dates(name, 0)
            mention = WorkMention(title=name, evidence=doc.span(start, end), cue="document-name",
                                  published=dated[-1][1].iso if dated else None)
            yield Candidate("work", start, end, name, DOCUMENT_SCORE, "works.document-name",
                            mention)

