"""Cleaning rules for OCR damage.

Each rule is a small regex substitution. Rules never touch the raw text: they rewrite a
working copy and keep, for every character of the result, the offset of the raw character
it came from, so that anything found in the cleaned text can be pinned to the raw text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from kgbuild.lexicon import words

Replacement = str | Callable[[re.Match[str]], str]

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
VALID_ROMAN = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


@dataclass(frozen=True)
class Rule:
    """One repair: what it fixes, the pattern that finds it, and what replaces it."""

    name: str
    pattern: re.Pattern[str]
    replacement: Replacement


def roman_to_int(numeral: str) -> int | None:
    """Value of a well-formed Roman numeral, or None."""
    if not VALID_ROMAN.match(numeral):
        return None
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = ROMAN_VALUES[char]
        total += -value if following and ROMAN_VALUES[following] > value else value
    return total


def repair_roman(token: str) -> str | None:
    """Read an OCR-damaged Roman numeral ("XX1V", "XXIl", "XX VI", "111") or return None.

    Digits and look-alikes are read as I only when the result is a valid numeral; a token of
    plain digits is taken as Roman only when it is all ones and at least three long
    ("111" = III), since "11" may be a real Arabic number.
    """
    squeezed = re.sub(r"\s+", "", token)
    if squeezed.isdigit() and not (set(squeezed) == {"1"} and len(squeezed) >= 3):
        return None
    candidate = re.sub(r"[1l|]", "I", squeezed)
    return candidate if roman_to_int(candidate) is not None else None


def _roman_in_reference(match: re.Match[str]) -> str:
    repaired = repair_roman(match.group("num"))
    return match.group("head") + repaired if repaired else match.group(0)


def _roman_in_heading(match: re.Match[str]) -> str:
    repaired = repair_roman(match.group("num"))
    return match.group("indent") + repaired + "." if repaired else match.group(0)


STANDALONE_BAR = re.compile(r"(?=\|)(?<![^\s“\"‘(])\|(?=[\s.,;:’”])")


def _pronoun_bar(match: re.Match[str]) -> str:
    """ "| think" is "I think"; a line with two bars or more is a table row or a site's
    navigation bar ("Written in | End of 1915 |", "Marx-Engels | Lenin | Stalin")."""
    text = match.string
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line = text[start : end if end >= 0 else len(text)] + "\n"
    return "|" if len(STANDALONE_BAR.findall(line)) >= 2 else "I"


Errata = tuple[tuple[str, str], ...]  # a corpus's own misreadings: (wrong, right)


def _errata_rule(errata: Errata) -> tuple[Rule, ...]:
    """Whole words a corpus's errata list (its folder's errata.tsv) says to replace."""
    if not errata:
        return ()
    fixes = dict(errata)
    words = "|".join(re.escape(w) for w in sorted(fixes, key=len, reverse=True))
    initials = "".join(sorted({re.escape(w[0]) for w in fixes}))
    return (
        Rule(
            "errata-word",
            re.compile(rf"(?=[{initials}])(?<![\w.])(?:{words})(?![\w])"),
            lambda match: fixes.get(match.group(0), match.group(0)),
        ),
    )


def _not_numbered() -> str:
    """Lookbehinds for the abbreviations a number follows as a volume, issue or page."""
    abbreviations = {*words("reference_abbreviations"), *words("page_abbreviations")}
    return "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(abbreviations))


@cache
def rules(errata: Errata = ()) -> tuple[Rule, ...]:
    """The repairs, in the order they must run: general rules of OCR'd translations, and
    the errata of the text's corpus where it has them. (A pattern that would try look-behinds
    at every character begins with a look-ahead for the character its match begins with.)"""
    return (
        # A printed page number alone on its line ("30"), even inside a quotation.
        # Windows line ends: the raw text keeps them, matching sees plain newlines.
        Rule("carriage-return", re.compile(r"\r(?=\n)"), ""),
        Rule("page-number-line", re.compile(r"(?m)^[ \t]*\d{1,3}[ \t]*\n"), ""),
        # Blank lines left by a page break in mid-sentence.
        Rule(
            "page-break",
            re.compile(r"(?<=[a-z,;—-])[ \t]*\n(?:[ \t]*\n)+(?=[ \t]*[a-z])"),
            "\n",
        ),
        # A word broken at a line end ("co-\noperation"): the hyphens in this kind of text
        # are real compound hyphens, so keep the hyphen and drop the line break.
        # (not over a page marker alone on its line: "the autoc-\npage 591\nracy")
        Rule("line-end-hyphen",
             re.compile(r"(?m)(?<=[A-Za-z]-)\n(?=[A-Za-z])(?![ \t]*page[ \t]+\d+[ \t]*$)"), ""),
        # The pronoun I read as "|" ("| think", "|. THE DEFINITION").
        Rule("pronoun-bar", STANDALONE_BAR, _pronoun_bar),
        # Roman numerals of volumes: "Vol. XX1V", "Vol.\nXXIl", "Vol. XX VI", "Volume 111".
        Rule(
            "roman-volume",
            re.compile(
                r"(?=V)(?P<head>\b(?:Vol\.|Volume)\s+)"
                r"(?P<num>[IVXLl1|](?:[IVXLl1|]|\s(?=[IVXL]+\b))*)(?![A-Za-z0-9])"
            ),
            _roman_in_reference,
        ),
        # Chapter numerals at the start of a heading line: "Il.", "I11.".
        Rule(
            "roman-heading",
            re.compile(r"(?m)^(?P<indent>[ \t]*)(?P<num>[IVXl1|]{1,6})\.(?=[ \t]+[A-Z]{2})"),
            _roman_in_heading,
        ),
        # "R.C.P:(B.)": a colon read for the last full stop of a party abbreviation.
        Rule("abbreviation-colon", re.compile(r"(?=[:;])(?<=[A-Z]\.[A-Z])[:;](?=\([A-Z]\.\))"),
             "."),
        # The author's emphasis marks after a word, often damaged: "**", "®*", "®™*".
        Rule("emphasis-mark", re.compile(r"(?=[®™*])[®™]*\*+"), ""),
        # A lone trade-mark sign is a damaged closing quote ("dictatorship™)").
        Rule("damaged-close-quote", re.compile(r"™"), "”"),
        *_errata_rule(errata),
        # Editorial endnote numbers glued to words or quotes: "Leninism.”1", "Disorder,5";
        # not a volume or page glued to its abbreviation ("Vol.8", "p.46", "No.12")
        Rule(
            "endnote-number",
            re.compile(rf"(?=\d)(?<=[A-Za-z.,;:”’)]){_not_numbered()}\d{{1,2}}(?=[\s,.;:)”]|$)"),
            "",
        ),
    )


def apply_rule(text: str, offsets: list[int], rule: Rule) -> tuple[str, list[int]]:
    """Apply one rule, carrying each output character's raw offset along.

    ``offsets`` has one entry per character of ``text`` plus one for the end; see
    ``_replacement_offsets`` for how a replacement of another length is mapped.
    """
    pieces: list[str] = []
    new_offsets: list[int] = []
    cursor = 0
    for match in rule.pattern.finditer(text):
        start, end = match.span()
        replacement = (
            rule.replacement if isinstance(rule.replacement, str) else rule.replacement(match)
        )
        if replacement == match.group(0):
            continue
        pieces.append(text[cursor:start])
        new_offsets.extend(offsets[cursor:start])
        pieces.append(replacement)
        new_offsets.extend(_replacement_offsets(offsets, start, end, match.group(0), replacement))
        cursor = end
    if not pieces:
        return text, offsets
    pieces.append(text[cursor:])
    new_offsets.extend(offsets[cursor:])
    return "".join(pieces), new_offsets


def _replacement_offsets(offsets: list[int], start: int, end: int, old: str, new: str) -> list[int]:
    """Raw offsets for ``new`` replacing ``old`` = text[start:end].

    What the two share at the start and at the end maps character for character; of the
    changed middle, the first character maps to its start and the rest align on its end.
    """
    if len(new) == len(old):
        return offsets[start:end]
    shortest = min(len(old), len(new))
    prefix = 0
    while prefix < shortest and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    middle_start, middle_end = start + prefix, end - suffix
    middle = len(new) - prefix - suffix
    mapped = offsets[start:middle_start]
    if middle > 0:
        mapped.append(offsets[middle_start])
        mapped.extend(offsets[max(middle_start, middle_end - middle + i)] for i in range(1, middle))
    mapped.extend(offsets[middle_end:end])
    return mapped


def clean_text(raw: str, errata: Mapping[str, str] | None = None) -> tuple[str, list[int]]:
    """Repair OCR damage (with a corpus's errata, if given); return the cleaned text and
    its map back to raw offsets."""
    text, offsets = raw, list(range(len(raw) + 1))
    for rule in rules(tuple(sorted((errata or {}).items()))):
        text, offsets = apply_rule(text, offsets, rule)
    return text, offsets
