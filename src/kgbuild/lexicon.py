"""The word lists behind the language patterns (data file ``data/lexicon.json``)."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def lexicon() -> dict[str, Any]:
    path = resources.files("kgbuild") / "data" / "lexicon.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def words(name: str) -> list[str]:
    """One word list of the lexicon."""
    return list(lexicon()[name])


@cache
def word_set(name: str) -> frozenset[str]:
    """One word list of the lexicon, as a set for membership tests."""
    return frozenset(lexicon()[name])


@cache
def alternation(name: str) -> str:
    """A regex alternation of a word list, longest words first."""
    return "|".join(re.escape(w) for w in sorted(words(name), key=len, reverse=True))


@cache
def data_lines(filename: str) -> tuple[str, ...]:
    """The entries of a one-per-line data file (``data/<filename>``; ``#`` starts a comment)."""
    path = resources.files("kgbuild") / "data" / filename
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return tuple(line for line in lines if line)


@cache
def data_alternation(filename: str) -> str:
    """A regex alternation of a one-per-line data file's entries, longest first."""
    return "|".join(re.escape(e) for e in sorted(data_lines(filename), key=len, reverse=True))


@cache
def data_set(filename: str) -> frozenset[str]:
    """The entries of a one-per-line data file, as a set for membership tests."""
    return frozenset(data_lines(filename))


WORD = re.compile(r"[^\W\d_][^\W\d_’'\-]*")  # letters of any script ("ÜBER", "ПИСЬМО")
ROMAN = re.compile(r"[IVXLC]+")


def _titled(word: re.Match[str], text: str) -> str:
    """A word of a heading as running text prints it."""
    token = word.group(0)
    if ROMAN.fullmatch(token) or text[word.end() : word.end() + 1] == ".":
        return token  # "XIV", "C.P.S.U.", "J."
    lower = token.lower()
    if lower in word_set("title_function_words") and word.start() > 0:
        return lower
    return "-".join(part.capitalize() for part in token.split("-"))


def title_case(line: str) -> str:
    """A heading in capitals as running text prints it ("THE PARTY CRISIS" → "The Party
    Crisis"); abbreviations and Roman numerals stay."""
    return WORD.sub(lambda word: _titled(word, line), line)
