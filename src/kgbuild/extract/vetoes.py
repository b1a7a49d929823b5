"""Recognizers of what is *not* a name: months, places, a place after a preposition or before
a noun of a district or works, a figure of fiction a note defines, a name inside the name of
a government.

Each proposes a span of kind ``"none"``; its ``rules_out`` is the kind it vetoes
("person") or "" for any. Adjudication drops a person or organization inside such a span unless the
recognizers for it are together stronger ("August Bebel" is no month: the full name is
longer than the veto's span).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kgbuild.extract.candidates import NOT_A_NAME, Candidate, Context, recognizer
from kgbuild.extract.patterns import NAME_TOKEN, find_phrases
from kgbuild.lexicon import alternation, data_lines, words

MONTH_SCORE = 0.99
PLACE_SCORE = 0.9
PLACE_CUE_SCORE = 0.92
GOVERNMENT_SCORE = 0.99
BODY_VETO_SCORE = 0.995  # above a known name's pooled support (reference and pattern)

PLACE_CUE = re.compile(
    rf"\b(?:{alternation('place_prepositions')})\s+(?P<name>{NAME_TOKEN})"
    r"(?![\w\-’']|\s+[A-Z]|\s*\()"
)
# "the MacDonald Government", "the Kerensky cabinet"
NAMED_GOVERNMENT = re.compile(
    rf"(?<![\w\-.’'])(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN})?)[ \t]+"
    rf"(?:{alternation('governments_named_after_heads')})\b"
)

# "Soviet of Workers’, Soldiers’ and Red Army Deputies": a body's name before the plural of
# its members in a name (capitalised) names them, not the body ("the Bund delegates" in
# running text is counted as the Bund); "a young Communist Party", "an active Communist
# Party in China": a party of no one country after an indefinite article is a description
ATTRIBUTIVE_BODY = re.compile(
    rf"(?P<name>{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{0,2}})[ \t]+"
    rf"(?:Men[’']s[ \t]+)?(?:{alternation('members_after_body')})\b"
    r"|\b(?:[Aa]n?)[ \t]+(?:[a-z]+[ \t]+){0,2}"
    rf"(?P<party>(?:(?:{alternation('generic_body_words')})[ \t]+){{1,3}}Party)\b(?![ \t]+of\b)"
    # "Revolutionary Social-Democrats in every country", "the work of Social-Democrats": the
    # members of any such party; "the Social-Democrats" are the camp of their parties
    rf"|(?<![Tt]he[ \t])(?<![Tt]he\n)(?<![\w\-])(?P<members>{alternation('members_not_a_camp')})\b"
    # "the land of Soviets": the country, not its councils
    r"|\b[Ll]and\s+of\s+(?:the\s+)?(?P<land>Soviets)\b"
)


@recognizer("none.month")
def months(context: Context) -> Iterator[Candidate]:
    """ "by January 1793": January is no person."""
    names = [month.capitalize() for month in words("months")]
    for _, start, end in find_phrases(context.doc, names):
        yield Candidate(NOT_A_NAME, start, end, "", MONTH_SCORE, "none.month")


@recognizer("none.place")
def places(context: Context) -> Iterator[Candidate]:
    """Countries, regions and cities of the list (``data/places.txt``)."""
    for _, start, end in find_phrases(context.doc, data_lines("places.txt"),
                                      allow_possessive=True):
        yield Candidate(NOT_A_NAME, start, end, "", PLACE_SCORE, "none.place")


@recognizer("none.place-cue")
def places_after_prepositions(context: Context) -> Iterator[Candidate]:
    """ "a lawyer from Arras", "the conference at Zimmerwald": one capitalised word after a
    preposition of place is a place, not a person, unless stronger cues say otherwise."""
    return _person_vetoes(context, PLACE_CUE, PLACE_CUE_SCORE, "none.place-cue")


def _person_vetoes(context: Context, pattern: re.Pattern[str], score: float,
                   source: str) -> Iterator[Candidate]:
    """A veto of a person on the ``name`` group of every match of the pattern."""
    for match in pattern.finditer(context.doc.clean):
        yield Candidate(NOT_A_NAME, *match.span("name"), "", score, source,
                        rules_out="person")


CHARACTER_SCORE = 0.97


@cache
def defined_as_character() -> re.Pattern[str]:
    """A name a note defines as a figure of fiction: "Manilov—a character in Gogol’s Dead
    Souls", "Oblomov, the hero of Goncharov’s novel" (a hero of a novel, a play…, not "the
    hero of the Civil War")."""
    link = r"[ \t]*(?:—|–|--?|,|:|[ \t]is|[ \t]was)[ \t]*(?:a|an|the)[ \t]+(?:[a-z]+[ \t]+){0,2}"
    return re.compile(
        rf"(?<![\w\-.’'])(?P<name>{NAME_TOKEN}){link}"
        rf"(?:(?:{alternation('fictional_figure_nouns')})[ \t]+(?:in|of|from)\b"
        rf"|(?:{alternation('fictional_hero_nouns')})[ \t]+(?:in|of|from)\b[^.;\n]{{0,60}}?"
        rf"\b(?:{alternation('literary_work_words')})\b)"
    )


@recognizer("none.character")
def fictional_characters(context: Context) -> Iterator[Candidate]:
    """Every mention of a name the text defines as a character of fiction is no person
    (the guidelines count fiction's figures only when discussed as persons)."""
    names = {m.group("name") for m in defined_as_character().finditer(context.doc.clean)}
    for _, start, end in find_phrases(context.doc, names, allow_possessive=True,
                                      allow_plural=True):
        yield Candidate(NOT_A_NAME, start, end, "", CHARACTER_SCORE, "none.character",
                        rules_out="person")


PLACE_NOUN = re.compile(
    rf"(?<![\w\-.’'])(?P<name>{NAME_TOKEN})[ \t]+(?:[a-z]+[ \t]+)?"
    rf"(?:{alternation('place_nouns_after_name')})\b"
)


@recognizer("none.place-noun")
def places_before_place_nouns(context: Context) -> Iterator[Candidate]:
    """ "the Dmitrov area", "the Kursk province", "the Mariinsky sugar factory": a name
    before a noun of a district, province or works names the place, and every mention of
    it is no person unless stronger cues say so (a known name outweighs it)."""
    names = {m.group("name") for m in PLACE_NOUN.finditer(context.doc.clean)}
    for _, start, end in find_phrases(context.doc, names, allow_possessive=True):
        yield Candidate(NOT_A_NAME, start, end, "", PLACE_CUE_SCORE, "none.place-noun",
                        rules_out="person")


@recognizer("none.named-government")
def governments_named_after_heads(context: Context) -> Iterator[Candidate]:
    """ "the MacDonald Government", "the Kerensky cabinet": a name inside the name of a
    government is no mention of the person (the guidelines count the body instead)."""
    return _person_vetoes(context, NAMED_GOVERNMENT, GOVERNMENT_SCORE, "none.named-government")



@recognizer("none.attributive-body")
def attributive_bodies(context: Context) -> Iterator[Candidate]:
    """"Red Army Deputies", "a young Communist Party", "the work of Social-Democrats": no
    mention of a body (the annotations count the Soviet of those deputies, not the army)."""
    for match in ATTRIBUTIVE_BODY.finditer(context.doc.clean):
        group = next(g for g in ("name", "party", "members", "land") if match.group(g))
        yield Candidate(NOT_A_NAME, *match.span(group),
                        "", BODY_VETO_SCORE, "none.attributive-body", rules_out="organization")
