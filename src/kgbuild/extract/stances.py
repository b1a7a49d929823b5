"""Stances: where the author endorses or rejects a named person's thesis.

A sentence in the author's own voice (outside quotations) that names a person and judges:
"Zinoviev's definition of Leninism cannot be regarded as correct" (rejects), "I assert that
Kamenev's statement … has nothing in common with Lenin's theory" (rejects Kamenev), "Was
not Lenin right when he said …" (endorses). A rejecting phrase outweighs a praising word in
the same sentence; a name is judged by a cue close to it (see ``_judging_cue``).
"""

from __future__ import annotations

import re
from functools import cache

from kgbuild.document import Document
from kgbuild.extract.patterns import normalise_space, phrase_pattern
from kgbuild.lexicon import words
from kgbuild.records import Extraction, StanceRecord

SENTENCE_END = re.compile(
    r"(?<![A-Z]\.)(?<!\b[Vp]\.)(?<!\bpp\.)[.?!][”’]?(?=\s+[A-Z“I])|\n[ \t]*\n"
)


AFTER_NAME = 90  # characters (quotations left out) from a name to the judging word after it
BEFORE_NAME = 40  # … and from a judging word to the name after it


@cache
def _cue(name: str) -> re.Pattern[str]:
    phrases = "|".join(phrase_pattern(p) for p in sorted(words(name), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])", re.IGNORECASE)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of the cleaned text, roughly: enough to judge stances."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [
        (s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()
    ]


def extract_stances(doc: Document, found: Extraction) -> list[StanceRecord]:
    """One stance per judged person per sentence of the author's own voice; the evidence
    runs from the start of the sentence to the name or the judging word, whichever is last."""
    quoted = [(q.evidence.start, q.evidence.end) for q in found.quotations]
    titles = [(w.evidence.start, w.evidence.end) for w in found.works]
    in_quotation = bytearray(len(doc.raw) + 1)  # 1 at every raw offset inside a quotation
    for quote_start, quote_end in quoted:
        in_quotation[quote_start:quote_end] = b"\x01" * (quote_end - quote_start)
    stances = []
    for start, end in sentences(doc.clean):
        raw_start, raw_end = doc.offsets[start], doc.offsets[end - 1] + 1
        sentence = doc.clean[start:end]
        if not (_cue("stance_reject").search(sentence) or _cue("stance_endorse").search(sentence)):
            continue  # blanking quoted words out could only remove a cue
        outside = _outside(sentence, start, doc, in_quotation)
        rejects = list(_cue("stance_reject").finditer(outside))
        endorses = list(_cue("stance_endorse").finditer(outside))
        if not rejects and not endorses:
            continue
        persons = [
            p
            for p in found.persons
            if raw_start <= p.evidence.start < raw_end
            and not _inside(p.evidence.start, quoted + titles)
        ]
        cues = rejects or endorses
        judged = len(stances)
        for person in persons:
            at = doc.clean_range(person.evidence.start, person.evidence.end)
            cue = _judging_cue(outside, at[0] - start, at[1] - start, cues)
            complement = re.search(r"\bof\s+$", doc.clean[max(0, at[0] - 5) : at[0]])
            if cue is None or (complement and rejects and cue.start() > at[1] - start):
                continue  # "critics of Lenin who wrongly think": the critics are judged
            cue_raw = doc.offsets[start + cue.start()], doc.offsets[start + cue.end() - 1] + 1
            stances.append(
                StanceRecord(
                    target=person,
                    polarity="rejects" if rejects else "endorses",
                    statement=normalise_space(sentence),
                    evidence=doc.span(
                        start, doc.clean_range(raw_start, max(person.evidence.end, cue_raw[1]))[1]
                    ),
                )
            )
        unnamed = _cue("stance_reject_unnamed").search(outside)
        if unnamed and len(stances) == judged:
            # "as against certain critics of Leninism": an unnamed target is rejected
            stances.append(
                StanceRecord(
                    target=None,
                    polarity="rejects",
                    statement=normalise_space(sentence),
                    evidence=doc.span(start + unnamed.start(), start + unnamed.end()),
                )
            )
    return stances


def _judging_cue(
    sentence: str, start: int, end: int, cues: list[re.Match[str]]
) -> re.Match[str] | None:
    """The cue that judges the person at [start, end): shortly after the name ("Lenin right",
    "Zinoviev's definition … cannot be regarded as correct"), or just before it ("coincides
    with Lenin's formulation"). A name after a rejecting phrase is its yardstick ("nothing in
    common with Lenin's theory") unless the cue is right before it ("the hands of Bauer")."""
    for cue in cues:
        between = " ".join(sentence[end : cue.start()].split())
        if cue.start() >= end and len(between) <= AFTER_NAME:
            return cue
        if 0 <= start - cue.end() <= BEFORE_NAME and (
            cue.re is _cue("stance_endorse")
            or _cue("stance_reject_before").search(sentence[max(0, cue.start() - 30) : start])
        ):
            return cue
    return None


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _outside(sentence: str, start: int, doc: Document, in_quotation: bytearray) -> str:
    """The sentence with quoted words blanked out: only the author's words judge."""
    offsets = doc.offsets
    return "".join(
        " " if in_quotation[offsets[start + i]] else char for i, char in enumerate(sentence)
    )
