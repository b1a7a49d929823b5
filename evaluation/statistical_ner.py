"""Measure a spaCy pipeline as one more recognizer behind kgbuild's adjudication.

kgbuild does not ship a statistical recognizer: measured on the real texts of this folder
it added nothing (docs/extraction.md). This script is how that was measured, and how to
measure another pipeline: it registers a recognizer with kgbuild's public registry (as a
plugin would), then scores the texts as score.py does. It needs spaCy and an installed
English pipeline (nothing is downloaded):

    pip install spacy en_core_web_sm-3.8.0-py3-none-any.whl   # a pipeline package
    .venv/bin/python evaluation/statistical_ner.py --model en_core_web_sm
    .venv/bin/python evaluation/statistical_ner.py --model en_core_web_sm --person 0.45
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy

from kgbuild.extract.candidates import Candidate, Context, recognizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score

LEADING = re.compile(r"(?:[Tt]he|[Cc]omrades?|[Mm]r\.|[Mm]essrs\.)\s+")
TRAILING = re.compile(r"(?:[’']s?|[.,;:])$")


def register(model: str, person: float, full_name: float, organization: float) -> None:
    """Register spaCy's PERSON and ORG entities as candidates with these scores."""
    nlp = spacy.load(model, exclude=["lemmatizer", "textcat"])

    @recognizer("statistical.ner")
    def named_entities(context: Context) -> Iterator[Candidate]:
        text = context.doc.clean
        for entity in nlp(text).ents:
            if entity.label_ not in ("PERSON", "ORG"):
                continue
            start, end = entity.start_char, entity.end_char
            if lead := LEADING.match(text, start, end):
                start = lead.end()
            if trail := TRAILING.search(text[start:end]):
                end = start + trail.start()
            name = " ".join(text[start:end].split())
            if len(name) < 2 or not name[0].isupper():
                continue
            if entity.label_ == "ORG":
                kind, weight = "organization", organization
            else:
                kind, weight = "person", full_name if " " in name else person
            yield Candidate(kind, start, end, name, weight, f"statistical.{entity.label_}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="en_core_web_sm", help="an installed pipeline")
    parser.add_argument("--person", type=float, default=0.6, help="score of a one-word name")
    parser.add_argument("--full-name", type=float, default=0.6, help="score of a full name")
    parser.add_argument("--organization", type=float, default=0.55)
    args, rest = parser.parse_known_args()
    register(args.model, args.person, args.full_name, args.organization)
    return score.main(rest)


if __name__ == "__main__":
    sys.exit(main())
