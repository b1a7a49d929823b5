"""A statistical named-entity recognizer, one more voice for adjudication (optional).

Used when spaCy and an English pipeline are installed (``pip install 'kgbuild[ner]'`` and
the pipeline's package, see the README); without them it proposes nothing and the build is
complete from the other recognizers. Set ``KGBUILD_NER=off`` to build without it, or
``KGBUILD_NER_MODEL`` to another installed pipeline. Nothing is downloaded at run time.

Its hits weigh less than a cue's: on its own a span is accepted unless a veto or a longer
span says otherwise; agreeing with a pattern it makes the pattern surer.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from kgbuild.extract.candidates import Candidate, Context, recognizer

DEFAULT_MODEL = "en_core_web_sm"
SCORES = {"PERSON": ("person", 0.45), "ORG": ("organization", 0.3)}
FULL_NAME_SCORE = 0.6  # a person's name of two words or more
LEADING = re.compile(r"(?:[Tt]he|[Cc]omrades?|[Mm]r\.|[Mm]essrs\.)\s+")
TRAILING = re.compile(r"(?:[’']s?|[.,;:])$")


@cache
def pipeline() -> Any | None:
    """The spaCy pipeline, or None when NER is off or spaCy or the model is not installed."""
    if os.environ.get("KGBUILD_NER", "on").lower() in ("off", "0", "no", "false"):
        return None
    model = os.environ.get("KGBUILD_NER_MODEL", DEFAULT_MODEL)
    # importing spaCy takes a second: not at all when there is no model to load
    try:
        if not Path(model).is_dir() and importlib.util.find_spec(model) is None:
            return None
    except (ImportError, ValueError):  # "a.b" whose "a" is no package, "" …
        return None
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load(model, exclude=["lemmatizer", "textcat"])
    except OSError:  # not a spaCy pipeline
        return None


def model_name() -> str | None:
    """"en_core_web_sm 3.8.0" when the recognizer is active, else None."""
    nlp = pipeline()
    return None if nlp is None else f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"


@recognizer("statistical.ner")
def named_entities(context: Context) -> Iterator[Candidate]:
    nlp = pipeline()
    if nlp is None:
        return
    text = context.doc.clean
    for entity in nlp(text).ents:
        if entity.label_ not in SCORES:
            continue
        kind, score = SCORES[entity.label_]
        start, end = entity.start_char, entity.end_char
        lead = LEADING.match(text, start, end)
        if lead:
            start = lead.end()
        trail = TRAILING.search(text[start:end])
        if trail:
            end = start + trail.start()
        name = " ".join(text[start:end].split())
        if len(name) > 1 and name[0].isupper():
            if kind == "person" and len(name.split()) > 1:
                score = FULL_NAME_SCORE
            yield Candidate(kind, start, end, name, score, f"statistical.{entity.label_}")
