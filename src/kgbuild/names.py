"""How the names of persons and bodies compare: given names and surnames, parties by name.

Resolution asks these questions of printed names before it links them to one another or to
the reference data (``resolve.py``); transliterations are folded by
``reference.spelling_key``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from kgbuild.lexicon import word_set
from kgbuild.reference import ReferenceEntry, spelling_key

GENERIC_BODIES = word_set("organization_body_words") | {"Executive"}
PARTY_ABBREVIATION = re.compile(r"(?:^|\.)P\.(?:\([A-Z]\.\))?$")


def names_a_party(label: str) -> bool:
    """"Labour Party", "Communist Party of Germany": no body word before "Party"."""
    before, party, _ = label.partition("Party")
    body_words = word_set("organization_body_words") - {"Party"}
    return bool(party) and not any(word in body_words for word in before.split())


def name_before_note(name: str) -> str:
    """A name without what follows it in brackets or after a comma ("G. Zinoviev (report
    for the International)" → "G. Zinoviev")."""
    return re.split(r"[(,]", name, maxsplit=1)[0].strip()


def names_a_body(name: str) -> bool:
    """A name that is a body's, not a person's ("Executive Committee of the Communist
    International", "Socialist Party"): a body word among its words before any note."""
    return any(word.strip(".") in GENERIC_BODIES for word in name_before_note(name).split())


def given_and_surname(name: str) -> tuple[list[str], str]:
    """("J. V. Stalin") → (["J.", "V."], "Stalin"); particles ("von") are neither."""
    tokens = [t for t in name.split() if not t.islower()]
    return tokens[:-1], tokens[-1] if tokens else name


def same_given(given: list[str], entry: ReferenceEntry) -> bool:
    """Whether a name's given names or initials agree with a form of the reference
    person that has given names too ("V. I. Lenin" with "Vladimir Lenin")."""
    first = given[0].rstrip(".")
    for form in entry.names:
        form_given, _ = given_and_surname(form)
        if not form_given:
            continue
        other = form_given[0].rstrip(".")
        if len(first) == 1 or len(other) == 1:
            if first[0] == other[0]:
                return True
        elif spelling_key(first) == spelling_key(other):
            return True
    return False


def full_names_by_surname(names: Iterable[str]) -> dict[str, str]:
    """The full names of a document by surname, where only one full name has it."""
    by_surname: defaultdict[str, set[str]] = defaultdict(set)
    for name in names:
        given, surname = given_and_surname(name)
        if given:
            by_surname[surname].add(name)
    return {surname: max(full) for surname, full in by_surname.items() if len(full) == 1}
