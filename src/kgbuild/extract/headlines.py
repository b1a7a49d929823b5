"""Headings in capitals, read as titled text: "FOURTEENTH CONGRESS OF THE C.P.S.U.(B.)",
"J. V. STALIN", "THE CENTRAL COMMITTEE".

Editions and their transcriptions print headings in capitals, which the patterns of running
text do not read. This recognizer reads each such line in title case, with its function
words in lower case ("Fourteenth Congress of the C.P.S.U.(B.)"), and runs the meeting,
person and organization recognizers over it; abbreviations and Roman numerals stay as
printed, and every offset is the text's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from kgbuild.extract.candidates import Candidate, Context, recognizer
from kgbuild.extract.meetings import ordinal_meetings, qualified_meetings
from kgbuild.extract.organizations import body_names
from kgbuild.extract.persons import full_names
from kgbuild.lexicon import title_case

# A line without a lower-case letter, with a word of three capitals or more.
HEADLINE = re.compile(r"(?m)^[^a-z\n]*\b[A-Z]{3,}[^a-z\n]*$")
RECOGNIZERS = (ordinal_meetings, qualified_meetings, full_names, body_names)


@lru_cache(maxsize=4)
def headline_text(clean: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The cleaned text with its headings in title case, and where the headings are."""
    lines = tuple(m.span() for m in HEADLINE.finditer(clean))
    pieces: list[str] = []  # joined once: not a copy of the whole text per heading
    cursor = 0
    for start, end in lines:
        line = clean[start:end]
        titled = title_case(line)
        if len(titled) == len(line):  # offsets must stay the text's
            pieces += [clean[cursor:start], titled]
            cursor = end
    return "".join(pieces) + clean[cursor:], lines


@recognizer("headlines")
def headlines(context: Context) -> Iterator[Candidate]:
    text, lines = headline_text(context.doc.clean)
    if not lines:
        return
    titled = Context(replace(context.doc, clean=text), context.reference)
    for read in RECOGNIZERS:
        for candidate in read(titled):
            if any(start <= candidate.start and candidate.end <= end for start, end in lines):
                yield replace(candidate, source=f"headlines.{candidate.source}")
