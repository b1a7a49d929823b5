"""Persons: names found by the language around them, then every occurrence of those names.

Pass one finds names from cues ("says Lenin", "Zinoviev thinks", "Kamenev's statement",
"Comrade Yakovlev", "(Lenin)" after a quotation, lists of plurals "the Kautskys,
Hilferdings, Martovs") and from the reference data. Pass two marks every occurrence of each
name in the text, with its possessive and plural forms.
"""

from __future__ import annotations

import re
from functools import cache

from kgbuild.document import Document
from kgbuild.extract.patterns import NAME_TOKEN, PERSON_NAME, find_phrases, is_common_word
from kgbuild.lexicon import alternation, word_set
from kgbuild.records import PersonMention
from kgbuild.reference import ReferenceData


@cache
def cue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(cue name, pattern with a ``name`` group) for every person cue."""
    name = rf"(?P<name>{PERSON_NAME})"
    verb = rf"(?:{alternation('speech_verbs')})"
    aside = r"(?:,[^,.;:?!“”]{1,110},)?"
    return (
        (
            "speech-verb-after",
            re.compile(rf"(?<![\w\-])(?<![Tt]he ){name}{aside}\s+(?:\w+ly\s+)?{verb}\b"),
        ),
        ("speech-verb-before", re.compile(rf"\b{verb}\s+{name}(?![\w\-])")),
        ("possessive-noun", re.compile(rf"(?<![\w\-]){name}[’']s\s+(?:own\s+)?[a-z]")),
        ("by-agent", re.compile(rf"\bby\s+{name}(?=[\s,.;:)])(?!\s+[A-Z])")),
        ("title-before", re.compile(rf"\b(?:{alternation('person_titles')})\s+{name}(?![\w\-])")),
        ("parenthesis-after-quote", re.compile(rf"[”’\"]\s*\({name}\)")),
        ("relative-who", re.compile(rf"(?<![\w\-]){name}(?:\s+and\s+{NAME_TOKEN})?,?\s+who\b")),
        ("conjoined-with-who", re.compile(rf"(?<![\w\-]){NAME_TOKEN}\s+and\s+{name},?\s+who\b")),
    )


PLURAL_LIST = re.compile(
    rf"\b[Tt]he\s+(?P<first>{NAME_TOKEN})s,(?P<rest>(?:\s+{NAME_TOKEN}s,){{2,}})"
)


def _acceptable(doc: Document, name: str, ref_names: set[str]) -> bool:
    surname = name.split()[-1]
    if name in ref_names:
        return True
    return not (
        surname in word_set("not_a_person")
        or surname in word_set("organization_body_words")
        or surname in word_set("meeting_kinds")
        or not_a_surname().search(surname)
        or is_common_word(doc, surname)
    )


@cache
def not_a_surname() -> re.Pattern[str]:
    """Endings of doctrines, followers, groups and places ("Leninism", "Trotskyists")."""
    return re.compile(rf"(?:{alternation('not_a_surname_endings')})$")


def discover_names(doc: Document, reference: ReferenceData) -> dict[str, str]:
    """Person names in this document from cues and reference aliases: name -> cue."""
    ref_names = {name for entry in reference.persons for name in entry.names}
    org_names = {name for entry in reference.organizations for name in entry.names}
    found: dict[str, str] = {}
    for cue, pattern in cue_patterns():
        for match in pattern.finditer(doc.clean):
            name = " ".join(match.group("name").split())
            if name not in org_names and _acceptable(doc, name, ref_names):
                found.setdefault(name, cue)
    for match in PLURAL_LIST.finditer(doc.clean):
        names = [match.group("first"), *re.findall(rf"({NAME_TOKEN})s,", match.group("rest"))]
        for name in names:
            if _acceptable(doc, name, ref_names):
                found.setdefault(name, "plural-list")
    for name in sorted({name for name, _ in find_phrases(doc, ref_names)}):
        found.setdefault(name, "reference")
    for name in _conjoined(doc, set(found)):
        if name not in org_names and _acceptable(doc, name, ref_names):
            found.setdefault(name, "conjoined")
    return found


def _conjoined(doc: Document, names: set[str]) -> set[str]:
    """Names joined by "and" to a known person's ("Shlyapnikov and Kollontai")."""
    if not names:
        return set()
    known = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    after = re.compile(rf"(?<![\w\-])(?:{known})\s+and\s+(?P<name>{NAME_TOKEN})(?![\w\-.])")
    before = re.compile(rf"(?<![\w\-])(?P<name>{NAME_TOKEN})\s+and\s+(?:{known})(?![\w\-])")
    return {m.group("name") for p in (after, before) for m in p.finditer(doc.clean)} - names


def extract_persons(doc: Document, reference: ReferenceData) -> list[PersonMention]:
    """Every occurrence of every person name the document reveals; the longest name wins."""
    names = discover_names(doc, reference)
    return [
        PersonMention(name=name, evidence=span, cue=names[name])
        for name, span in find_phrases(doc, names, allow_possessive=True, allow_plural=True)
    ]
