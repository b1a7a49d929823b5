"""Acronym recognizers: organizations named by their initials.

- ``organizations.the-acronym``: three to six capitals after "the" ("the RKP", "the
  ITGWU"), or printed twice in running text as glossaries print them ("Joined IWW, 1912").
- ``organizations.defined-acronym`` (follow-up): an acronym the text defines after a name
  ("the Communist League of America (CLA)") names it wherever printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.organizations import NAME_WORD, PATTERN_SCORE, _known, _strip_leading
from kgbuild.extract.patterns import normalise_space
from kgbuild.lexicon import word_set

# "the RKP", "the KPO’s": modern writers print a party's or body's acronym without stops and
# without defining it; three to six capitals after "the", not the first word of a longer
# name ("the TUC Parliamentary Committee") nor of a heading in capitals
THE_ACRONYM = re.compile(
    r"\b[Tt]he\s+(?P<name>(?![IVXLC]+\b)[A-Z]{3,6})(?![\w\-/]|\.\w|\s+[A-Z])"
)
# "Joined SP youth, 1912; IWW, 1916; CLA National Committee": a glossary prints the acronyms
# of its organizations without "the"; one printed twice in running text is one, unless it
# ends a longer name ("the Russian SFSR") or stands among words in capitals ("EUGENE DEBS")
ACRONYM = re.compile(
    r"(?<![\w\-/.’'])(?<![A-Z]{2}[ ,])"
    r"(?P<name>(?![IVXLC]+\b)[A-Z]{3,6})(?![\w\-/]|\.\w|,?[ \t]+[A-Z]{2})"
)
AFTER_NAME_WORD = re.compile(r"[A-Z][\w’'\-]*[ \t]+$")
ACRONYM_SCORE = 0.8


@recognizer("organizations.the-acronym")
def bare_acronyms(context: Context) -> Iterator[Candidate]:
    """An acronym names the organization whose name the text prints with its letters as
    initials ("the CPU" after "the Communist Party of Ukraine"; "the PCF" after "the
    People's Commissariat of Finance (PCF)", though the French Communist Party is known by
    it too), else the known organization it abbreviates, else itself."""
    text = context.doc.clean
    table = context.reference.lookup("organizations")
    running = [m for m in ACRONYM.finditer(text) if not _in_capitals(text, m.start())]
    printed = Counter(m.group("name") for m in running)
    repeated = [m for m in running if printed[m.group("name")] > 1
                and not AFTER_NAME_WORD.search(text, max(0, m.start() - 40), m.start())]
    for match in [*THE_ACRONYM.finditer(text), *repeated]:
        acronym = match.group("name")
        if acronym in word_set("not_an_organization_abbreviation"):  # "the NEP"
            continue
        entry = _known(table, acronym)
        name = _spelled_out(text, acronym) or (entry.label if entry else acronym)
        yield Candidate("organization", *match.span("name"), name, ACRONYM_SCORE,
                        "organizations.the-acronym")


def _in_capitals(text: str, position: int) -> bool:
    """Whether the line holding a position is printed mostly in capitals (a heading)."""
    end = text.find("\n", position)
    line = text[text.rfind("\n", 0, position) + 1 : end if end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return sum(c.isupper() for c in letters) > len(letters) / 2


def _spelled_out(text: str, acronym: str) -> str | None:
    """The first capitalised words of the text whose initials are the acronym's letters."""
    joint = r"[ \t\-]+(?:(?:of|for|and|the)[ \t]+)*"
    words = joint.join(rf"{letter}[a-z]+(?:[’']s)?" for letter in acronym)
    found = re.search(rf"(?<![\w\-]){words}(?![\w\-])", text)
    return normalise_space(found.group()) if found else None


# "the Communist League of America (CLA)": an acronym the text defines in brackets
DEFINED_ACRONYM = re.compile(r"[ \t]*\((?P<acronym>[A-Z][A-Za-z]{1,7}|(?:[A-Z]\.){2,})\)")
DEFINED_SCORE = 0.9
# the capitalised words before it, when no recognizer took them for a name
NAME_BEFORE_ACRONYM = re.compile(
    rf"(?<![\w\-’'])(?P<name>{NAME_WORD}(?:[ \t]+(?:(?:of|for|and|the)[ \t]+)*{NAME_WORD}){{1,6}})$"
)


@recognizer("organizations.defined-acronym", follow_up=True)
def defined_acronyms(context: Context) -> Iterator[Candidate]:
    """An acronym the text defines after an organization's name ("the Workers Party of the
    United States (WPUS)") names that organization wherever the text prints it, when its
    letters are the name's initials in order; capitalised words no recognizer took that
    an acronym of three letters or more spells exactly are an organization's name too
    ("International Labor Defense (ILD)"). Glossaries and modern writing define their
    acronyms once and use them throughout."""
    text = context.doc.clean
    defined: dict[str, str] = {}
    for candidate in context.accepted:
        match = DEFINED_ACRONYM.match(text, candidate.end)
        if candidate.kind == "organization" and match:
            acronym = match.group("acronym")
            if _abbreviates(acronym, candidate.name):
                defined.setdefault(acronym, candidate.name)
    taken = {(c.start, c.end) for c in context.accepted}
    for match in DEFINED_ACRONYM.finditer(text):
        acronym = match.group("acronym")
        named = NAME_BEFORE_ACRONYM.search(text, max(0, match.start() - 120), match.start())
        if acronym in defined or not named or len(acronym.replace(".", "")) < 3:
            continue
        name = _strip_leading(normalise_space(named.group("name")))  # not "The …"
        span = (named.start("name") + named.group("name").index(name.split()[0]),
                named.end("name"))
        words = [w for w in name.split() if w[0].isupper()]
        if words and words[-1] in word_set("not_an_organization_heads"):
            continue  # "the New Economic Policy (NEP)", "the First World War (WWI)"
        if span not in taken and "".join(w[0] for w in words) == acronym.replace(".", ""):
            defined[acronym] = name
            yield Candidate("organization", *span, name, PATTERN_SCORE,
                            "organizations.defined-acronym")
    for acronym, name in defined.items():
        for match in re.finditer(rf"(?<![\w.]){re.escape(acronym)}(?![\w\-])", text):
            yield Candidate("organization", match.start(), match.end(), name, DEFINED_SCORE,
                            "organizations.defined-acronym")


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's capitals are initials of the name's words, in order, the first
    the name's first ("WPUS" of "Workers Party of the United States")."""
    letters = [c for c in acronym if c.isupper()]
    initials = [word[0].upper() for word in re.split(r"[\s\-]+", name) if word]
    if len(letters) < 2 or not initials or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True
