"""Organization recognizers: parties, internationals, party and state bodies, factions,
newspapers, journals and publishers.

- ``organizations.abbreviation``: the shape of a party or body abbreviation ("C.P.S.U.(B.)",
  "E.C.C.I."), not a person's initials ("J.V. Stalin").
- ``organizations.body-name``: capitalised words ending in a body word ("the Moscow
  Committee", "the Communist Party of Germany", the “New Opposition”, "Foreign Languages
  Publishing House").
- ``organizations.bare-body`` (follow-up): a body named by its body word alone ("the
  International"), as the one the text names with that word.
- ``organizations.group-name``: group names ("the Mensheviks", "the Socialist-Revolutionaries").
- ``organizations.periodical``: a periodical cited by issue ("Kurskaya Pravda, No. 279",
  "Izvestia No. 112") or introduced as one ("the newspaper Iskra", "Bolshevik, the organ of").
- ``organizations.reference``: every name and alias of the reference data.
- ``organizations.body-of`` (follow-up): a body of another organization as that one's own.

Acronyms are read in ``extract/acronyms.py``.

The bare "the Party" is generic and is not proposed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.patterns import NAME_TOKEN, find_phrases, normalise_space
from kgbuild.extract.persons import acceptable, surname_shape
from kgbuild.lexicon import alternation, data_set, word_set, words
from kgbuild.reference import ReferenceEntry, name_key, spelling_key

PATTERN_SCORE = 0.85
REFERENCE_SCORE = 0.95
MEMBERS = ("party", "faction")  # kinds a name may end with as its members ("Party of Bolsheviks")

# "C.P.S.U.(B.)", "C.P.(B.)U.", "E.C.C.I."; not initials before a name ("J.V. Stalin")
ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]\.){2,}(?:\([A-Z]\.\)(?:[A-Z]\.)*)?(?!\s?[A-Z][a-z])"
)
# a capitalised word of a name; a plural possessive belongs to the name ("Workers’
# Opposition"), a singular one not ("Trotsky’s Left Opposition"), except that of an irregular
# plural ("People’s", "Young Men’s Christian Association")
NAME_WORD = (
    rf"(?:(?:{alternation('irregular_plurals')})[’']s|[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:(?<=s)[’'])?)"
)
# "… of the Communist International", "… for the Emancipation of the Working Class"
NAME_TAIL = (
    r"(?:\s+(?:of|for)\s+(?!the\s+Party\b|Party\b)(?:the\s+)?[A-Z][a-z]+(?:[’']s?)?"
    r"(?:[ \t]+[A-Z][a-z]+(?![’']s)){0,3})"
)
# an acronym before a body's name names its owner ("the TUC Parliamentary Committee"), not
# a word of a heading in capitals ("PUBLISHED BY The …")
OWNER_FIRST = rf"(?:(?!(?i:{alternation('title_function_words')})\b)[A-Z]{{2,6}}[ \t]+)?"
BODY_NAME = re.compile(
    # (a heading's last word and the next line's body are not one name: no line breaks
    # between the capitalised words, but one before the body word is a broken line)
    rf"(?<![\w\-])[“\"]?(?P<name>{OWNER_FIRST}(?:{NAME_WORD}[ \t]+){{0,3}}{NAME_WORD}\s+"
    rf"(?:{alternation('organization_body_words')})\b"
    # "the Supreme Council of National Economy", not "… of the Party"; "the Social-Democratic
    # Duma group": a group of the body's members
    rf"(?:{NAME_TAIL}|[ \t]+(?:{alternation('named_group_words')})\b)?)"
    # not when the name goes on ("the Great Soviet Encyclopedia") or names a meeting
    rf"[”\"]?(?!\s+(?:{alternation('meeting_kinds')})\b)(?![ \t]+[A-Z][a-z])"
)
# "the League of Nations", "the Council of People's Commissars", "its Society of Marxist
# Historians": a body word first
BODY_OF = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?!Party\b)"
    rf"(?P<name>(?:{alternation('organization_body_words')}){NAME_TAIL}{{1,3}})"
    r"(?![ \t]+[A-Z][a-z])"
)
# "the Maslow-Ruth Fischer group", "the Chkheidze faction", "the Trotsky opposition"
NAMED_GROUP = re.compile(
    # after "the", a possessive ("CP’s Cannon faction"), "of" ("a leader of Shachtman
    # faction") or at a note's start ("[58] Chkheidze faction -- …")
    r"(?m)(?:\b[Tt]he\s+|[’']s[ \t]+|\bof[ \t]+|^[ \t]*(?:\[\d+\][ \t]*)?)"
    r"(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,3}\s+"
    rf"(?:{alternation('named_group_words')}))\b"
)
GROUP_NAME = re.compile(
    r"\b[Tt]he\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    rf"(?:{alternation('organization_group_endings')}))\b"
)
PERIODICAL_NAME = r"(?<![\w\-])[A-Z][\w’'\-]+(?:[ \t]+(?!No\.)[A-Z][\w’'\-]+){0,2}"
# (pattern, score): an issue number in a reference is surer than one in running text.
PERIODICAL = (
    (re.compile(rf"\((?P<name>{PERIODICAL_NAME}),?\s+No\.\s*\d+"), PATTERN_SCORE),
    (re.compile(rf"(?P<name>{PERIODICAL_NAME}),?\s+No\.\s*\d+"), 0.7),
    # a note's reference, its title in sentence case as in its language ("Proletarskaia
    # revoliutsiia, no. 1 (1925)", "published in Armiia i revoliutsiia, # 1 (July 1921)")
    (re.compile(r"(?<![\w\-])(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[\w’'\-]+){0,2}?)[ \t]*,"
                r"[ \t]+(?:vol\.[ \t]*\d+,[ \t]+)?(?:no\.|#)[ \t]*\d+[^\n(]{0,12}"
                r"\((?:[A-Z][a-z]+[ \t]+)?1\d\d\d\)"), PATTERN_SCORE),
    (
        re.compile(
            rf"\b(?:the\s+)?(?:{alternation('periodical_words')})\s+(?:called\s+)?[“\"]?"
            rf"(?P<name>{PERIODICAL_NAME})"
        ),
        PATTERN_SCORE,
    ),
    (  # "the editor of Trud", "the Editorial Board of Revolutionary History"
        re.compile(rf"\b(?:[Ee]ditorial[ \t]+[Bb]oard|[Ee]ditors?)\s+of\s+(?:the\s+)?"
                   rf"(?P<name>(?:The[ \t]+)?{PERIODICAL_NAME})(?<![’']s)(?![\w’'])"),
        PATTERN_SCORE,
    ),
    (  # "Bolshevik, the organ of …", "Trud, the official daily newspaper"
        re.compile(
            rf"(?P<name>{PERIODICAL_NAME}),\s+(?:the|an?)\s+(?:[a-z\-]+\s+){{0,3}}"
            rf"(?:{alternation('periodical_words')})\b"
        ),
        PATTERN_SCORE,
    ),
    (  # "The Communist Review", "Workers Monthly", "the Bulletin of the Opposition"
        re.compile(
            rf"(?<![\w\-])(?P<name>(?:The[ \t]+)?(?!The\b)(?:{NAME_WORD}[ \t]+){{1,3}}"
            rf"(?:{alternation('periodical_title_heads')})(?!{NAME_TAIL})|"
            rf"(?:{alternation('periodical_title_heads')}){NAME_TAIL})\b(?![ \t]+[A-Z][a-z])"
        ),
        0.75,
    ),
)


def _strip_leading(name: str) -> str:
    words = name.split()
    while words and words[0] in word_set("not_a_person"):
        words.pop(0)
    return " ".join(words)


def _named(
    context: Context,
    pattern: re.Pattern[str],
    source: str,
    min_words: int = 1,
    score: float = PATTERN_SCORE,
) -> Iterator[Candidate]:
    """A candidate per match of a pattern: its ``name`` group (else the whole match),
    without leading function words ("The Moscow Committee" → "Moscow Committee")."""
    for match in pattern.finditer(context.doc.clean):
        group = "name" if "name" in pattern.groupindex else 0
        text = match.group(group)
        name = _strip_leading(normalise_space(text))
        if len(name.split()) < min_words or not name[:1].isupper():
            continue  # "Archive of Leon Trotsky" without its first word is no name
        begin = match.start(group)
        start = begin + text.index(name.split()[0])
        yield Candidate(
            "organization", start, begin + len(text.rstrip()), name, score, source
        )


@recognizer("organizations.abbreviation")
def abbreviations(context: Context) -> Iterator[Candidate]:
    for candidate in _named(context, ABBREVIATION, "organizations.abbreviation"):
        if candidate.name not in word_set("not_an_organization_abbreviation"):  # "N.E.P."
            yield candidate


@recognizer("organizations.body-name")
def body_names(context: Context) -> Iterator[Candidate]:
    known = {name_key(n) for entry in context.reference.organizations for n in entry.names}
    persons = context.reference.lookup("persons")
    table = context.reference.lookup("organizations")
    for pattern, min_words in ((BODY_NAME, 2), (BODY_OF, 1)):
        for candidate in _named(context, pattern, "organizations.body-name", min_words):
            if not _generic(candidate.name):
                yield _without_tail(context.doc.clean, candidate, known, persons)
                owner = candidate.name.split()[0]
                if OWNER_ACRONYM.fullmatch(owner):  # "the TUC Parliamentary Committee"
                    entry = _known(table, owner)
                    yield replace(candidate, end=candidate.start + len(owner),
                                  name=entry.label if entry else owner)


def _generic(name: str) -> bool:
    """A kind of body, not a body: "the Socialist Republic", "a World Socialist Soviet
    Republic", "the Workers’ Republic" name no state ("the Hungarian Soviet Republic"
    does), "the Trade Union movement" no union; a body the reference data knows by such
    words ("the Soviet Republic", "the Soviet Union") is found there."""
    *words, head = name.split()
    return (head in word_set("generic_body_heads")
            and all(w in word_set("generic_body_words") for w in words))


def _local(name: str) -> bool:
    """A local body ("Kiev Committee", "Ural Oblast Bureau") is a body of the organization
    named after it, not one with a name of its own."""
    first = name.split()[0]
    return first in data_set("places.txt") or first in word_set("local_body_words")


def _without_tail(
    text: str, candidate: Candidate, known: set[str], persons: dict[str, ReferenceEntry]
) -> Candidate:
    """The name before "of" when what follows is named on its own: "the International
    Socialist Bureau of the Second International" is two bodies when the second is a known
    one and the whole is not ("the Executive Committee of the Communist International", a
    known name, and "the Petrograd Bureau of the Communist International", a local body,
    stay one); "the United Opposition of Kamenev, Trotsky and Zinoviev" is the opposition
    they led and "the Polish Army of Pilsudski" the army he led, not bodies named after a
    known person or a surname."""
    head, of, tail = candidate.name.partition(" of ")
    tail = tail.removeprefix("the ")
    body_of_body = (name_key(candidate.name) not in known and name_key(tail) in known
                    and not _local(head))
    person = spelling_key(tail) in persons or (
        surname_shape().fullmatch(tail) is not None and tail not in data_set("places.txt"))
    if not of or not (body_of_body or person):
        return candidate
    cut = re.search(r"\s+of\s", text[candidate.start : candidate.end])
    assert cut is not None  # the name, normalised, has " of "
    return replace(candidate, end=candidate.start + cut.start(), name=head)


# "appeal to the International", "the Secretariat ruled": a body named by its body word alone,
# not "the Executive" (a generic use the annotations leave out) nor the head of a longer name
BARE_BODY = re.compile(
    rf"\b[Tt]he\s+(?P<name>{alternation('bare_body_names')})\b(?![ \t]*[\w(]|\s+of\b)"
)


@recognizer("organizations.bare-body", follow_up=True)
def bare_bodies(context: Context) -> Iterator[Candidate]:
    """A body named by its body word alone is the one the text names with that word ("the
    International" after "the Second International"), or the one of them it names most often
    ("the collapse of the International" where the Second International is named throughout
    and the Third once); with none, the word names no one body."""
    names = Counter(c.name for c in context.accepted if c.kind == "organization")
    for match in BARE_BODY.finditer(context.doc.clean):
        word = match.group("name")
        fuller = sorted((name for name in names if name.startswith(f"{word} of ")
                         or (name.endswith(f" {word}") and " of " not in name)),
                        key=lambda name: -names[name])
        if fuller and (len(fuller) == 1 or names[fuller[0]] > names[fuller[1]]):
            yield Candidate("organization", *match.span("name"), fuller[0], PATTERN_SCORE,
                            "organizations.bare-body")
        elif not fuller and (sibling := _sibling_body(context, word, names)):
            yield Candidate("organization", *match.span("name"), sibling, PATTERN_SCORE,
                            "organizations.bare-body")


def _sibling_body(context: Context, word: str, names: Counter[str]) -> str | None:
    """The known body of that word whose owner the text names another body of: "the
    Secretariat" where the text names the Politburo is the Secretariat of the Central
    Committee, as the Politburo is the Political Bureau of the Central Committee."""
    table = context.reference.lookup("organizations")
    owners = {entry.label.partition(" of ")[2] for name in names
              if (entry := table.get(name_key(name))) is not None and " of " in entry.label}
    return next((entry.label for entry in context.reference.organizations
                 if entry.label.startswith(f"{word} of ")
                 and entry.label.partition(" of ")[2] in owners), None)


@recognizer("organizations.group-name")
def group_names(context: Context) -> Iterator[Candidate]:
    yield from _named(context, GROUP_NAME, "organizations.group-name")
    for candidate in _named(context, NAMED_GROUP, "organizations.group-name", min_words=2):
        # named after persons, not "the Menshevik group", "the Machist group"
        if all(acceptable(context.doc, word) for word in re.split(r"[- ]", candidate.name)[:-1]):
            yield candidate


# "the MacDonald Government", "the Kerensky cabinet": a government named after its head
NAMED_GOVERNMENT = re.compile(
    rf"\b[Tt]he\s+(?P<name>(?P<head>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN})?)\s+"
    rf"(?:{alternation('governments_named_after_heads')}))\b(?!\s+of\b)"
)


@recognizer("organizations.named-government")
def named_governments(context: Context) -> Iterator[Candidate]:
    """A government named after the person at its head is a body ("the MacDonald
    Government", "the Soekarno government"; ``none.named-government`` keeps the person out),
    not one named by a state's adjective ("the German government", "the Provisional
    Government": an adjective in -al is no one's name), nor a plural or a regime."""
    for candidate in _named(context, NAMED_GOVERNMENT, "organizations.named-government"):
        *head, word = candidate.name.split()
        if (word.lower() in word_set("named_government_heads")
                and all(acceptable(context.doc, name) and not name.endswith("al")
                        for name in head)):
            yield candidate


# 'the liberal "Kadet" party', 'the group “Narodnaya Volia”': a quoted name with the word of
# the kind of body it names
QUOTED_NAME = r"[“\"](?P<name>[A-Z][^“”\"\n]{1,40}?)[”\"]"
QUOTED_BODY = re.compile(
    rf"\b[Tt]he\s+(?:(?:[a-z]+\s+){{0,2}}{QUOTED_NAME}\s+(?:{alternation('quoted_body_words')})\b"
    rf"|(?:{alternation('quoted_body_words')})\s+{QUOTED_NAME.replace('name', 'name2')})"
)


@recognizer("organizations.quoted-name")
def quoted_names(context: Context) -> Iterator[Candidate]:
    """A name in quotes that the word before or after it calls a party, a group or a
    society is that body's name, in any language ("the group “Narodnaya Volia”")."""
    for match in QUOTED_BODY.finditer(context.doc.clean):
        group = "name" if match.group("name") else "name2"
        name = normalise_space(match.group(group))
        yield Candidate("organization", *match.span(group), name, PATTERN_SCORE,
                        "organizations.quoted-name")


@recognizer("organizations.periodical")
def periodicals(context: Context) -> Iterator[Candidate]:
    for pattern, score in PERIODICAL:
        for candidate in _named(context, pattern, "organizations.periodical", score=score):
            words = candidate.name.split()
            if (words[0] not in word_set("not_a_periodical")  # "Order No. 1"
                    and words[-1] not in word_set("not_a_periodical_heads")):  # "… Series No. 5"
                yield candidate


@recognizer("organizations.reference")
def reference_names(context: Context) -> Iterator[Candidate]:
    doc = context.doc
    entries = {name_key(alias): entry
               for entry in context.reference.organizations for alias in entry.names}
    aliases = [alias for entry in context.reference.organizations for alias in entry.names]
    known = {name_key(alias): alias for alias in aliases}
    spelled = _spellings(tuple(aliases))
    for printed, start, end in find_phrases(doc, spelled, allow_possessive=True,
                                            loose_case=True):
        alias = spelled[printed]
        yield Candidate("organization", start, end, alias, REFERENCE_SCORE,
                        "organizations.reference")
        # the known organization a known body belongs to ("Executive Committee of the
        # Communist International") or the state a known name ends with ("Communist Party
        # of the Soviet Union") is named there too; not a party's members ("Party of
        # Bolsheviks")
        for link in OWNER_LINK.finditer(doc.clean, start, end):
            owner = doc.clean[link.end():end].removesuffix("’s").removesuffix("'s")
            head = doc.clean[start:link.start()].split()[-1]
            entry = entries.get(name_key(owner))
            if entry is not None and (head in word_set("subordinate_body_words")
                                      or entry.facts.get("kind") not in MEMBERS):
                yield Candidate("organization", link.end(), link.end() + len(owner),
                                known[name_key(owner)], REFERENCE_SCORE,
                                "organizations.reference")
                break
    # coined names later writers print in lower case ("the politburo"), and no English word,
    # and the party's "central committee" as modern writers print it
    coined = word_set("lowercase_organization_names")
    lowered = {alias.lower(): alias for alias in aliases if alias.lower() in coined}
    for printed, start, end in find_phrases(doc, lowered, allow_possessive=True):
        yield Candidate("organization", start, end, lowered[printed], REFERENCE_SCORE,
                        "organizations.reference")


@cache
def _spellings(aliases: tuple[str, ...]) -> dict[str, str]:
    """Each alias in the spellings of the period's English, British and American, hyphened
    or not ("Independent Labor Party", "Social Democratic Party"), to the alias."""
    pairs = [pair.split("|") for pair in words("organization_spellings")]
    spelled: dict[str, str] = {}
    for alias in aliases:
        variants = {alias}
        for one, other in pairs:
            variants |= {v.replace(one, other) for v in variants} | {
                v.replace(other, one) for v in variants}
        for variant in variants:
            spelled.setdefault(variant, alias)
    return spelled


# "… of the PCI", "…, of the C.P.(B.)U.": what joins a body to the organization it belongs to
OWNER_LINK = re.compile(r",?\s+of\s+(?:the\s+)?")
# an owner no recognizer proposed: an acronym without stops ("the PCI", "the KPD")
OWNER_ACRONYM = re.compile(r"(?!(?:[IVXLC]+)\b)[A-Z]{2,6}\b(?![’'\-]?[a-z])")
# a body word just before that link, when no recognizer proposed the body ("the Presidium")
SUBORDINATE_BODY = re.compile(
    rf"(?<=\b[Tt]he )(?:(?:{NAME_WORD}[ \t]+){{0,2}}(?:{alternation('subordinate_body_words')})"
    # later writers print the body in lower case ("the presidium of the ECCI")
    rf"|(?:{alternation('lowercase_body_words')}))$"
)


@recognizer("organizations.body-of", follow_up=True)
def bodies_of_owners(context: Context) -> Iterator[Candidate]:
    """A body of another organization is that organization's own body: "the Political
    Bureau of the PCI" is not the Soviet Political Bureau the reference data calls
    "Political Bureau", nor "the Central Committee of the K.P.D." the C.P.S.U.(B.)'s.
    Composes a body (accepted, or a body word) with the accepted organization printed right
    after "of the", innermost first ("the Political Bureau of the Central Committee of the
    C.P.(B.)U." holds "Central Committee of the C.P.(B.)U."); the owner stays a mention of
    its own. A body the reference data already places in its owner ("the Central Committee
    of the R.C.P.(B.)", a known alias, or the body of a body of it) is left as it is."""
    text = context.doc.clean
    organizations = sorted(
        (c for c in context.accepted if c.kind == "organization"), key=lambda c: -c.start
    )
    by_start = {c.start: c for c in organizations}
    table = context.reference.lookup("organizations")
    owners = _reference_owners(context.reference.organizations, table)
    composed: dict[int, Candidate] = {}  # by the owner's start: the longest owner first
    bodies = [  # known and local bodies; an unknown one with a name of its own keeps it
        # ("the International Socialist Bureau of the Second International")
        c for c in organizations
        if c.name.split()[-1] in word_set("subordinate_body_words")
        and (_known(table, c.name) or _local(c.name))
    ]
    for body in sorted(bodies + list(_body_words(text, by_start)), key=lambda c: -c.start):
        link = OWNER_LINK.match(text, body.end)
        owner = link and (
            composed.get(link.end()) or by_start.get(link.end()) or _acronym(text, link.end())
        )
        if (not link or owner is None or _places_in(table, owners, body.name, owner.name)
                or owner.source.startswith("organizations.periodical")):
            continue  # (a paper's editorial board is its staff, no body of its own)
        owner_entry = _known(table, owner.name)
        if owner.start not in by_start and owner.start not in composed:  # an acronym
            yield replace(owner, name=owner_entry.label) if owner_entry else owner
        name = f"{body.name} of the {owner_entry.label if owner_entry else owner.name}"
        candidate = Candidate("organization", body.start, owner.end, name, REFERENCE_SCORE,
                              "organizations.body-of")
        composed[body.start] = candidate
        yield candidate


def _known(table: dict[str, ReferenceEntry], name: str) -> ReferenceEntry | None:
    entry = table.get(name_key(name))
    if entry is None and re.fullmatch(r"[A-Z]{2,6}", name):
        entry = table.get(name_key(".".join(name) + "."))
    return entry


def _acronym(text: str, start: int) -> Candidate | None:
    match = OWNER_ACRONYM.match(text, start)
    if match is None:
        return None
    return Candidate("organization", start, match.end(), match.group(), PATTERN_SCORE,
                               "organizations.body-of")


def _body_words(text: str, accepted: dict[int, Candidate]) -> Iterator[Candidate]:
    """Body words before "of the" that no accepted organization covers ("the Presidium")."""
    for link in OWNER_LINK.finditer(text):
        body = SUBORDINATE_BODY.search(text, max(0, link.start() - 60), link.start())
        if body and body.start() not in accepted:
            name = _strip_leading(body.group())
            name = " ".join(word[0].upper() + word[1:] for word in name.split())
            start = body.end() - len(name)
            yield Candidate("organization", start, body.end(), name, PATTERN_SCORE,
                            "organizations.body-of")


def _reference_owners(
    entries: list[ReferenceEntry], table: dict[str, ReferenceEntry]
) -> dict[str, set[str]]:
    """For each reference organization (by label), the labels of those its aliases place
    it in ("Central Committee of the R.C.P.(B.)" places the Central Committee in the
    C.P.S.U.(B.)), transitively."""
    owners: dict[str, set[str]] = {e.label: set() for e in entries}
    for entry in entries:
        for alias in entry.names:
            _, of, owner = alias.partition(" of the ")
            if of and name_key(owner) in table:
                owners[entry.label].add(table[name_key(owner)].label)
    for label in owners:  # a body of a body belongs to the latter's owners too
        pending = list(owners[label])
        while pending:
            more = owners.get(pending.pop(), set()) - owners[label]
            owners[label] |= more
            pending.extend(more)
    return owners


def _places_in(
    table: dict[str, ReferenceEntry], owners: dict[str, set[str]], body: str, owner: str
) -> bool:
    """Whether the reference data already names or places ``body`` in ``owner`` (an
    acronym printed without stops, "the CC of the RCP", read as the names it abbreviates)."""
    if name_key(f"{body} of the {owner}") in table:
        return True
    entry, owner_entry = _known(table, body), _known(table, owner)
    return (
        entry is not None
        and owner_entry is not None
        and owner_entry.label in owners[entry.label] | {entry.label}
    )
