"""Person recognizers: the language around a name, the shape of a full name, the reference data.

- ``persons.cue``: a speech verb ("says Lenin", "Zinoviev thinks"), a possessive ("Kamenev's
  statement"), a title ("Comrade Yakovlev"), "(Lenin)" after a quotation, "X, who …",
  lists of plurals ("the Kautskys, Hilferdings, Martovs"), names joined by "and" to
  one of these ("Shlyapnikov and Kollontai"), the forms of notes and glossaries
  ("Axelrod, Paul B. (1850-1928)", "Myshkin (1848-1885)"), the labels of minutes
  ("Chairman: Kolarov"), a letter's addressee ("letter to Kugelmann") and the author of a
  citation in brackets ("[Avrich, Kronstadt 1921, p. 35]").
- ``persons.full-name``: a given name of the period's list followed by a surname
  ("Albert Soboul", "Vladimir Ilyich Lenin"), or initials and a surname ("V. I. Lenin").
- ``persons.surname-shape``: a word with a surname ending of the period's names ("-ov",
  "-sky", "-enko"), a weak voice on its own.
- ``persons.reference``: every name and alias of the reference data.
- ``persons.known-names`` (a follow-up): other forms of the persons accepted.

What is not a name (a month, a place, a word inside a title) is left to the vetoes and to
adjudication; every occurrence of a name once accepted is found by the "repeat" step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kgbuild.document import Document
from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.patterns import (
    LOWER,
    NAME_TOKEN,
    ORDINAL_WORDS,
    PERSON_NAME,
    UPPER,
    find_phrases,
    initials,
    is_common_word,
    normalise_space,
)
from kgbuild.extract.repeats import REPEAT
from kgbuild.lexicon import alternation, data_alternation, data_lines, word_set, words

CUE_SCORE = 0.9
FULL_NAME_SCORE = 0.85
INITIALS_SCORE = 0.8
REFERENCE_SCORE = 0.95
SURNAME_SHAPE_SCORE = 0.6


@cache
def cue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(cue name, pattern with a ``name`` group) for every person cue."""
    name = rf"(?P<name>{PERSON_NAME})"
    verb = rf"(?:{alternation('speech_verbs')})"
    aside = r"(?:,[^,.;:?!“”]{1,110},)?"
    named = rf"(?=[{UPPER}])(?<![\w\-])"  # a name begins here (see patterns.initials)
    return (
        (
            "speech-verb-after",
            re.compile(rf"{named}(?<![Tt]he ){name}{aside}\s+(?:\w+ly\s+)?{verb}\b"),
        ),
        # "…,” says Lenin": after a quotation or a comma, not "wrote Capital"
        ("speech-verb-before", re.compile(rf"[,;:”’\"—)]\s*{verb}\s+{name}(?![\w\-])")),
        ("possessive-noun", re.compile(rf"{named}{name}[’']s\s+(?:own\s+)?[a-z]")),
        ("by-agent", re.compile(rf"(?=b)\bby\s+{name}(?=[\s,.;:)])(?!\s+[A-Z])")),
        ("title-before", re.compile(rf"(?=[{initials(words('person_titles'))}])"
                                    rf"\b(?:{alternation('person_titles')})\s+{name}(?![\w\-])")),
        # the labels of minutes: "Chairman: Kolarov", "Reporter: Thalheimer." (not "Chair:
        # Four reporters")
        ("session-role", re.compile(
            rf"\b(?:{alternation('session_role_labels')})[ \t]*:[ \t]*{name}"
            rf"(?![\w\-])(?![ \t]+[{LOWER}])")),
        # the addressee of a letter: "his letter to Kugelmann of 1869"
        ("addressee", re.compile(
            rf"\b(?:{alternation('addressed_writings')})\s+to\s+{name}(?![\w\-])"
            rf"(?!\s+[{UPPER}])")),
        ("parenthesis-after-quote", re.compile(rf"[”’\"]\s*\({name}\)")),
        ("relative-who", re.compile(rf"{named}{name}(?:\s+and\s+{NAME_TOKEN})?,?\s+who\b")),
        ("conjoined-with-who", re.compile(rf"{named}{NAME_TOKEN}\s+and\s+{name},?\s+who\b")),
        # the author of a citation in brackets: "[Carr, The Bolshevik Revolution, p. 12]";
        # the title opens with a capital, not a number, month or "No."/"Vol."
        ("author-of-cited-pages", re.compile(
            rf"[\[(]{name},[ \t]+(?!(?:{alternation('reference_abbreviations')}|"
            rf"{alternation('months')})\b)[{UPPER}‘“\"][^\])\n]{{0,80}}?\bpp?\.[ \t]*\d")),
        # a reference's author before the quoted title: "(Maeve Connaughton, ‘Sylvia …’"
        ("author-of-quoted-title", re.compile(
            rf"(?=[{UPPER}])(?<![\w\-.’'])"
            rf"(?P<name>{NAME_TOKEN}(?:[ \t]+[A-Z]\.)?[ \t]+{NAME_TOKEN}),[ \t]*"
            r"[‘“\"](?=[A-Z])")),
    )


# The forms of notes, glossaries and indexes: "Axelrod, Paul B. (1850-1928)", "Bogdanov, A.
# A." at the start of a line, "Baron, S. H., Plekhanov" in a reference, "Myshkin
# (1848-1885)": an inverted name (with years, with initials where a glossary entry starts,
# or with initials and a comma or "and"; not "Moscow, U.S.S.R."), or a span of years.
YEARS = r"\((?:b\.\s*|born\s+)?1[6-9]\d\d\s*[-–—]\s*(?:1[6-9]\d\d|\d\d|\?)?\)"
INVERTED_NAME = re.compile(
    rf"(?=[ \t{UPPER}])(?:"  # a name begins here, or the blanks before one (patterns.initials)
    rf"(?<![\w\-.’'])(?P<surname>{NAME_TOKEN}),[ \t]+"
    rf"(?P<given>(?:[{UPPER}][{LOWER}]+|[A-Z]\.)(?:[ \t]*(?:[{UPPER}][{LOWER}]+|[A-Z]\.)){{0,2}})"
    rf"(?=[ \t]*{YEARS})"
    rf"|(?m:^)[ \t]*(?P<surname2>{NAME_TOKEN}),[ \t]+"
    rf"(?P<initials>[A-Z]\.[ \t]?[A-Z]\.)(?![ \t]?[A-Z](?:[a-z]|\.))"
    # a reference's author: "Baron, S. H., Plekhanov", "Iovchuk, M. and Kurbatova, I., …"
    rf"|(?<![\w\-.’'])(?P<surname3>{NAME_TOKEN}),[ \t]+"
    rf"(?P<initials3>(?:[A-Z]\.[ \t]?){{1,3}})(?![ \t]?[A-Z](?:[a-z]|\.))(?=,|[ \t]+and[ \t])"
    r")"
)
LIFESPAN = re.compile(
    rf"(?=[{UPPER}])(?<![\w\-.’'])(?P<name>{PERSON_NAME}(?:[ \t]+{NAME_TOKEN})?)[ \t]*{YEARS}"
)
PLURAL_LIST = re.compile(
    rf"(?=[Tt])\b[Tt]he\s+(?P<first>{NAME_TOKEN})s,(?P<rest>(?:\s+{NAME_TOKEN}s,){{2,}})"
)


def acceptable(doc: Document, name: str) -> bool:
    """A surname that is no function word, body or meeting word, doctrine, group or place
    ending, and no word the text also writes in lower case."""
    surname = name.split()[-1]
    return not (
        surname in word_set("not_a_person")
        or surname in word_set("not_a_surname_words")
        or surname in word_set("organization_body_words")
        or surname in word_set("meeting_kinds")
        or not_a_surname().search(surname)
        or is_common_word(doc, surname)
    )


@cache
def not_a_surname() -> re.Pattern[str]:
    """Endings of doctrines, followers, groups and places ("Leninism", "Trotskyists")."""
    return re.compile(rf"(?:{alternation('not_a_surname_endings')})$")


def _candidate(start: int, end: int, name: str, score: float, source: str) -> Candidate:
    return Candidate("person", start, end, normalise_space(name), score, source)


@recognizer("persons.cue")
def cue_names(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    found: set[str] = set()
    for cue, pattern in cue_patterns():
        for match in pattern.finditer(doc.clean):
            name = normalise_space(match.group("name"))
            if acceptable(doc, name):
                found.add(name)
                yield _candidate(*match.span("name"), name, CUE_SCORE, f"persons.cue.{cue}")
    for match in PLURAL_LIST.finditer(doc.clean):
        firsts = [(match.group("first"), match.start("first"))]
        rest = match.group("rest")
        firsts += [
            (m.group(1), match.start("rest") + m.start(1))
            for m in re.finditer(rf"({NAME_TOKEN})s,", rest)
        ]
        for name, start in firsts:
            if acceptable(doc, name):
                found.add(name)
                yield _candidate(start, start + len(name), name, CUE_SCORE,
                                 "persons.cue.plural-list")
    yield from _conjoined(doc, found)
    yield from _noted_names(doc)


def _noted_names(doc: Document) -> Iterator[Candidate]:
    """Names in the forms of notes and glossaries, with a span of years or inverted."""
    for years in re.finditer(YEARS, doc.clean):  # few: look back from each
        window = LIFESPAN.finditer(doc.clean, max(0, years.start() - 80), years.end())
        match = next((m for m in window if m.end() == years.end()), None)
        if match is None:
            continue
        name = normalise_space(match.group("name"))
        if acceptable(doc, name):
            yield _candidate(*match.span("name"), name, CUE_SCORE, "persons.cue.lifespan")
    for match in INVERTED_NAME.finditer(doc.clean):
        first, last = next(
            (s, g) for s, g in (("surname", "given"), ("surname2", "initials"),
                                ("surname3", "initials3")) if match.group(s)
        )
        surname, given = match.group(first), normalise_space(match.group(last))
        if acceptable(doc, surname) and surname not in _places():  # not "Paris, F."
            yield _candidate(match.start(first), match.end(last), f"{given} {surname}",
                             CUE_SCORE, "persons.cue.inverted-name")


def _conjoined(doc: Document, names: set[str]) -> Iterator[Candidate]:
    """Names joined by "and" to a name found by a cue ("Shlyapnikov and Kollontai")."""
    if not names:
        return
    known = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    # "Eden and Cedar Paul": the name after "and" may be a full one
    after = re.compile(rf"(?=[{initials(names)}])(?<![\w\-])(?:{known})\s+and\s+"
                       rf"(?P<name>{NAME_TOKEN})(?:[ \t]+(?P<surname>{NAME_TOKEN}))?(?![\w\-])")
    before = re.compile(rf"(?=[{UPPER}])(?<![\w\-])(?P<name>{NAME_TOKEN})\s+and\s+"
                        rf"(?:{known})(?![\w\-])")
    for pattern in (after, before):
        for match in pattern.finditer(doc.clean):
            name, end = match.group("name"), match.end("name")
            if "surname" in pattern.groupindex and match.group("surname"):
                full = f"{name} {match.group('surname')}"
                if not surname_shape().fullmatch(name) and acceptable(doc, full):
                    name, end = full, match.end("surname")
            if name not in names and acceptable(doc, name):
                yield _candidate(match.start("name"), end, name, CUE_SCORE,
                                 "persons.cue.conjoined")


@cache
def given_names() -> frozenset[str]:
    """The given names of ``data/given_names.txt``, less month words ("August 1917")."""
    return frozenset(data_lines("given_names.txt")) - set(words("months"))


@cache
def full_name_pattern() -> re.Pattern[str]:
    """A given name of the list (not a month: "August 1917"), up to three more, a
    patronymic, initial or particle, then a surname or a regnal number ("Alexander II");
    any capitalised word, a particle and a surname ("Willem van Ravesteyn"); or one to
    three initials and a surname ("V. I. Lenin")."""
    names = "|".join(re.escape(name) for name in sorted(given_names(), key=len, reverse=True))
    # further given names, month words among them ("Karl Paul August Friedrich Liebknecht")
    more = data_alternation("given_names.txt")
    patronymic = rf"[{UPPER}][{LOWER}]+(?:{alternation('patronymic_endings')})"
    particle = rf"(?:{alternation('name_particles')})"
    return re.compile(
        # every form begins with a given name, a capital or a bracket (see patterns.initials)
        rf"(?=[{UPPER}\[{initials(given_names())}])(?:"
        rf"(?<![\w\-.’'])(?P<name>(?:{names})(?:[ \t]+(?:{more})(?=[ \t]+[A-Z])){{0,3}}"
        rf"(?:\s+(?:{patronymic}|[A-Z]\.))?(?:\s+{particle})?"
        rf"\s+(?:{NAME_TOKEN}|[IVX]{{1,4}}\b(?!\.\s*[A-Z])|the\s+{ORDINAL_WORDS}\b))"
        rf"(?![\w\-])"
        rf"|(?<![\w\-.’'])(?P<particle>(?P<first>[{UPPER}][{LOWER}]+)\s+"
        rf"(?P<rest>{particle}\s+{NAME_TOKEN}))(?![\w\-])"
        rf"|(?<![\w\-.’'])(?<![A-Z]\.\s)(?<![A-Z]\.)"
        rf"(?P<initials>(?:[A-Z]\.\s?){{1,3}}(?![A-Z]\.)\s*{NAME_TOKEN})(?![\w\-])"
        # a given name an editor supplied in brackets: "[John] Ballam", "[Isaac] Ferguson"
        rf"|(?P<bracketed>\[[{UPPER}][{LOWER}]+\][ \t]+{NAME_TOKEN})(?![\w\-])"
        # any given name (hyphenated too) before a patronymic: "Sima Lvovna Zholkovskaya"
        rf"|(?<![\w\-.’'])(?P<patronymic>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?[ \t]+"
        rf"{patronymic}[ \t]+{NAME_TOKEN})"
        rf"(?![\w\-]))"
    )


REGNAL = re.compile(rf"\s(?:[IVX]{{1,4}}|the\s+{ORDINAL_WORDS})$")


@recognizer("persons.full-name")
def full_names(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    for match in full_name_pattern().finditer(doc.clean):
        group = next(g for g in ("name", "particle", "initials", "bracketed", "patronymic")
                     if match.group(g))
        name = normalise_space(match.group(group).replace("[", "").replace("]", ""))
        given = name.split()[0]
        if group in ("bracketed", "patronymic") and (
                given in _not_given_names() or given in word_set("not_a_person")):
            continue  # "[Tuesday] August", "Comrade Ivanovich Smirnov"
        if group == "particle":
            first = match.group("first")
            if first in word_set("person_titles"):  # "Comrade van Ravesteyn"
                yield _candidate(*match.span("rest"), match.group("rest"), FULL_NAME_SCORE,
                                 "persons.full-name.particle")
            if first in word_set("person_titles") or not acceptable(doc, first):
                continue  # nor "Within ten Days"
        regnal = REGNAL.search(name)  # "Alexander II", "Alexander the Third"
        if not (regnal or acceptable(doc, name)) or _heading_numeral(doc, match.start(group), name):
            continue
        score = INITIALS_SCORE if group == "initials" else FULL_NAME_SCORE
        yield _candidate(*match.span(group), name, score, f"persons.full-name.{group}")


def _heading_numeral(doc: Document, start: int, name: str) -> bool:
    """"V. Conclusion" at a line start is a numbered heading, not an initial."""
    line_start = doc.clean.rfind("\n", 0, start) + 1
    return not doc.clean[line_start:start].strip() and name[0] in "IVX" and name[1] == "."


@cache
def _places() -> frozenset[str]:
    return frozenset(data_lines("places.txt"))


@cache
def _not_given_names() -> frozenset[str]:
    """Capitalised words that stand before names and are none: titles, places, verbs, months."""
    return (
        word_set("person_titles")
        | _places()
        | {word.capitalize() for word in (*words("speech_verbs"), *words("months"))}
    )


# where a sentence, line or note starts: a capitalised word there says nothing of a name
SENTENCE_START = re.compile(r"(?:^|[.!?:;][\"”’)\]]?|\[\d+\]|[(“‘\"])[ \t]*\Z", re.MULTILINE)
GIVEN_NAME_BEFORE = re.compile(
    rf"(?<![\w\-.’'])(?<!the )(?P<given>[{UPPER}][{LOWER}]{{2,}})[ \t]+$"
)


def given_name_before(doc: Document, start: int, surname: str) -> tuple[str, int] | None:
    """A capitalised word right before a one-word name or a name that begins with an
    initial that may be its given name, as in "Bruno Bauer" when "Bauer" is known, "Samuel
    A. Oppenheim" (the word and where it starts): no function, title, verb, place or month
    word, nothing the text writes in lower case."""
    match = GIVEN_NAME_BEFORE.search(doc.clean, max(0, start - 40), start)
    printed = doc.clean.startswith(surname.split()[0], start)  # not "Baron, S. H." inverted
    if match is None or not printed or (" " in surname and not re.match(r"[A-Z]\.", surname)):
        return None
    given = match.group("given")
    if given in _not_given_names() or not acceptable(doc, given):
        return None
    if given not in given_names() and surname_shape().fullmatch(given):
        return None  # a surname's shape ("Liubov Ivanova Bukharin"): no given name
    if given not in given_names() and SENTENCE_START.search(
            doc.clean, max(0, match.start("given") - 20), match.start("given")):
        return None  # "See Marx's letter", "Read Lenin": any word is capitalised there
    return given, match.start("given")


LIST_MEMBER = rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,2}}"


@cache
def name_list() -> re.Pattern[str]:
    """Names joined by commas and "and", or three and more by commas; a country or place in
    brackets may follow a member, as lists of delegates print it ("Levi, Souvarine (France);
    Brandler (Germany)"), and then a semicolon may part them."""
    places = "|".join(re.escape(p) for p in sorted(_places(), key=len, reverse=True))
    aside = rf"[ \t]*\((?:{places})\)"
    separator = rf"(?:,|{aside}[ \t]*[,;]|,{aside}[ \t]*[,;])[ \t]+"
    return re.compile(
        rf"(?=[{UPPER}])(?:(?<![\w\-.’'])(?:{LIST_MEMBER})(?:{separator}(?:{LIST_MEMBER}))*"
        rf"(?:,|{aside},?)?[ \t]+and[ \t]+(?:{LIST_MEMBER})(?![\w\-’'])"
        rf"|(?<![\w\-.’'])(?:{LIST_MEMBER})(?:{separator}(?:{LIST_MEMBER})){{2,}}(?![\w\-’']))"
    )


MEMBER = re.compile(rf"(?=[{UPPER}])(?<![\w\-.’'])(?!and\b){LIST_MEMBER}")


def listed_with(doc: Document, names: set[str]) -> Iterator[tuple[str, int, int]]:
    """The other names of a list of names ("Maslow, Ruth Fischer, Scholem, and Urbahns")
    of which at least two are known persons: each name and its cleaned offsets."""
    for match in name_list().finditer(doc.clean):
        members = []
        for part in MEMBER.finditer(doc.clean, match.start(), match.end()):
            if doc.clean[part.start() - 1 : part.start()] == "(" and doc.clean.startswith(
                    ")", part.end()):
                continue  # the aside "(France)", not a member
            words = list(re.finditer(r"\S+", part.group(0)))
            while len(words) > 1 and words[0].group(0) not in given_names():  # "Although …"
                words.pop(0)
            start = part.start() + words[0].start()
            members.append((normalise_space(doc.clean[start : part.end()]), start, part.end()))
        known = [name for name, _, _ in members if name in names]
        if len(known) < 2:
            continue
        for name, start, end in members:
            if name not in names and acceptable(doc, name):
                yield name, start, end


@cache
def surname_shape() -> re.Pattern[str]:
    """A capitalised word of five letters or more with an ending of the period's Russian,
    Ukrainian, Georgian and Armenian surnames ("-ov", "-sky", "-skaya", "-enko", "-shvili",
    "-dze", "-yan", a consonant and "-in"); English words that end so are listed in
    ``not_a_surname_words``."""
    endings = alternation("surname_endings")
    # "-in" after a consonant, as in "Nadezhdin", "Myshkin", "Kalinin" (not "Within")
    return re.compile(
        # a double surname too: "Bonch-Bruyevich", "Saltykov-Shchedrin"
        rf"(?=[{UPPER}])(?<![\w\-.’'])(?P<name>(?:[{UPPER}][{LOWER}]{{2,}}-)?"
        rf"[{UPPER}][{LOWER}]{{2,}}(?:{endings}|[bcdfgklmnprstvz]in))"
        rf"(?![\w\-])"
        # not the first word of a longer name ("Sotsialistichesky Vestnik")
        rf"(?![ \t]+[{UPPER}][{LOWER}])"
    )


@recognizer("persons.surname-shape")
def surname_shapes(context: Context) -> Iterator[Candidate]:
    """A weak voice: a word shaped like a surname is a person unless something says no."""
    doc = context.doc
    for match in surname_shape().finditer(doc.clean):
        name = match.group("name")
        parts = name.split("-")
        if acceptable(doc, name) and not (len(parts) > 1 and (
                _places() & set(parts) or not acceptable(doc, parts[0]))):  # "Astrakhan-Saratov"
            yield _candidate(*match.span("name"), name, SURNAME_SHAPE_SCORE,
                             "persons.surname-shape")


SURNAME_SCORE = 0.75
GIVEN_NAME_SCORE = 0.8
LIST_SCORE = 0.8


@recognizer("persons.known-names", follow_up=True)
def known_name_forms(context: Context) -> Iterator[Candidate]:
    """Other forms of the persons accepted: the surname alone of a full name ("Soboul"
    after "Albert Soboul"), a given name before a one-word name ("Bruno Bauer" once "Bauer"
    is known), the other names of a list that names two known persons, two known names
    joined by a hyphen ("Marx-Engels | Lenin")."""
    doc = context.doc
    accepted = [c for c in context.accepted if c.kind == "person"]
    surnames = {
        c.name.split()[-1]: c.name
        for c in sorted(accepted, key=lambda c: c.name)
        if " " in c.name
        and not REGNAL.search(c.name)  # "Alexander II": no "II" alone
        and re.fullmatch(NAME_TOKEN, c.name.split()[-1])
        and c.name.split()[-1] not in word_set("not_a_person")
        and not is_common_word(doc, c.name.split()[-1])
    }
    for surname, start, end in find_phrases(doc, surnames, allow_possessive=True):
        yield _candidate(start, end, surname, SURNAME_SCORE,
                         f"{REPEAT}surname of {surnames[surname]}")
    for c in accepted:
        if before := given_name_before(doc, c.start, c.name):
            given, start = before
            yield _candidate(start, c.end, f"{given} {c.name}", GIVEN_NAME_SCORE,
                             f"given name before {c.name}")
    for name, start, end in listed_with(doc, {c.name for c in accepted}):
        yield _candidate(start, end, name, LIST_SCORE, "listed with known persons")
    known = {c.name for c in accepted} | {
        name for entry in context.reference.persons for name in entry.names}
    for match in HYPHEN_PAIR.finditer(doc.clean):
        if {match.group("first"), match.group("second")} <= known:
            for part in ("first", "second"):
                yield _candidate(*match.span(part), match.group(part), LIST_SCORE,
                                 "hyphen-joined known persons")


# two known names joined by a hyphen that stand alone, as a menu or a heading prints them
# ("Marx-Engels | Lenin"), not before a noun ("the Marx-Engels Institute")
HYPHEN_PAIR = re.compile(
    rf"(?<![\w\-.’'])(?P<first>[{UPPER}][{LOWER}]+)-(?P<second>[{UPPER}][{LOWER}]+)"
    r"(?=[ \t]*(?:[|,;)]|$))",
    re.MULTILINE,
)


@recognizer("persons.reference")
def reference_names(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    names = {name for entry in context.reference.persons for name in entry.names}
    for name, start, end in find_phrases(doc, names, allow_possessive=True, allow_plural=True):
        yield _candidate(start, end, name, REFERENCE_SCORE, "persons.reference")
