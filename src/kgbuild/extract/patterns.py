"""Patterns of the language shared by several extractors: names, ordinals, titles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kgbuild.document import Document
from kgbuild.lexicon import words
from kgbuild.ocr import roman_to_int

# A capitalised name token: "Lenin", "MacDonald", "Social-Democracy".
# Letters of Latin-script names, accented ones included ("Dühring", "Édouard").
UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
NAME_TOKEN = rf"[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?(?:-[{UPPER}][{LOWER}]+)?"
# A person's name: optional initials, then a surname ("V. I. Lenin", "Zinoviev").
PERSON_NAME = rf"(?:[A-Z]\.\s?){{0,3}}{NAME_TOKEN}"
POSSESSIVE = r"(?:[’']s|(?<=s)[’'])"

ORDINALS = {word: number for number, word in enumerate(words("ordinals"), start=1)}
ORDINAL_WORDS = r"(?:" + "|".join(w.capitalize() for w in ORDINALS) + r")"
ORDINAL = rf"(?:{ORDINAL_WORDS}|\d{{1,2}}(?:st|nd|rd|th))"

# Lower-case words that may stand inside a title in title case.
TITLE_FUNCTION_WORDS = frozenset(words("title_function_words"))
# A title token: a capitalised word, hyphenated compound, quoted word or abbreviation.
TITLE_TOKEN = re.compile(
    r"[“\"‘]?(?:[A-Z](?:\.[A-Z])+\.(?:\([A-Z]\.\))?|[A-Z][\w’'-]*)[”\"’]?|[a-z]+"
)
TITLE_GAP = re.compile(r",\s+(?=(?:the|an?)\s+[A-Z])|[ \t]*\n?[ \t]*")


def ordinal_value(word: str) -> int | None:
    """"Fourteenth", "14th", "XIVth" and "XIV." are 14."""
    roman = re.fullmatch(r"([IVX]+)(?:th|\.)?", word)
    if roman:
        return roman_to_int(roman.group(1))
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else None


def phrase_pattern(phrase: str, loose_case: bool = False) -> str:
    """A regex for a phrase that may be broken across lines or spaced differently; with
    ``loose_case`` the words after the first may be printed in any case ("the Bolshevik
    party" for "Bolshevik Party")."""
    words = [re.escape(word) for word in phrase.split()]
    if loose_case:
        words = words[:1] + [f"(?i:{word})" for word in words[1:]]
    return r"\s+".join(words)


def find_phrases(
    doc: Document,
    phrases: Iterable[str],
    allow_possessive: bool = False,
    allow_plural: bool = False,
    loose_case: bool = False,
) -> Iterator[tuple[str, int, int]]:
    """Every whole-word occurrence of any of the phrases in the cleaned text, as the phrase
    and its cleaned offsets [start, end), leftmost first; where phrases overlap the longest
    wins (``doc.span`` gives the raw evidence).

    One regular expression for all phrases, so the text is read once however many names
    are known. A possessive or plural ending, where allowed, is part of the evidence
    ("Lenin’s", "the Kautskys"): it is what the text prints.
    """
    by_words = {" ".join(phrase.split()): phrase for phrase in phrases if phrase.strip()}
    if not by_words:
        return
    pattern = _phrases_pattern(frozenset(by_words), allow_possessive, allow_plural, loose_case)
    folded = {_loose(phrase): phrase for phrase in by_words.values()} if loose_case else {}
    for match in pattern.finditer(doc.clean):
        printed = " ".join(match.group("phrase").split())
        phrase = by_words.get(printed) or folded[_loose(printed)]
        yield phrase, *match.span()


@lru_cache(maxsize=256)
def _phrases_pattern(
    phrases: frozenset[str], allow_possessive: bool, allow_plural: bool, loose_case: bool
) -> re.Pattern[str]:
    """The one regular expression for a set of phrases (the reference data's names are the
    same set for every document: made once)."""
    longest_first = sorted(phrases, key=lambda p: (-len(p), p))
    # grouped by their first character, in the same order within a group: where a name
    # begins, only the names of that letter are tried, not every one (the same match, since
    # a phrase's first character is matched as printed)
    by_first: dict[str, list[str]] = {}
    for phrase in longest_first:
        first = re.escape(phrase[0])
        by_first.setdefault(first, []).append(phrase_pattern(phrase, loose_case)[len(first):])
    alternatives = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    endings = ([POSSESSIVE] if allow_possessive else []) + (["s"] if allow_plural else [])
    suffix = "(?P<ending>" + "|".join(endings) + ")?" if endings else ""
    return re.compile(
        rf"(?=[{initials(phrases)}])(?<![\w\-])(?P<phrase>{alternatives}){suffix}(?![\w\-])"
    )


def initials(words: Iterable[str]) -> str:
    """The first characters of words, for a character class: a look-ahead ``(?=[…])`` at
    the head of a pattern lets the search pass over every other character of a text at
    once, instead of trying the pattern's look-behinds and alternatives there."""
    return "".join(sorted({re.escape(word[0]) for word in words}))


def _loose(phrase: str) -> str:
    """A phrase with its words after the first folded to lower case."""
    first, _, rest = " ".join(phrase.split()).partition(" ")
    return f"{first} {rest.casefold()}"


@lru_cache(maxsize=4)  # the documents being read now, not every document of the build
def _lowercase_words(clean: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w\-])[a-z][a-z\-]+", clean))


def is_common_word(doc: Document, word: str) -> bool:
    """True when the word also appears in lower case in the text: a common noun, not a name."""
    return word.lower() in _lowercase_words(doc.clean)


# the years a title ends with, before the imprint or note in brackets that follows it
TITLE_YEARS = re.compile(r"[ \t]+1[5-9]\d\d(?:[-–](?:1[5-9])?\d\d)?(?=[ \t]*[(\[])")


def read_title(
    text: str, start: int, max_tokens: int = 18, function_words: bool = True
) -> tuple[int, int] | None:
    """The extent of a title written in title case that begins at ``start``, or None.

    Titles are not marked in the transcript (italics are lost), so a title is the longest
    run of capitalised words, with lower-case function words between them, that is not cut
    by punctuation; ", the X" / ", an X" continues it ("Imperialism, the Highest Stage of
    Capitalism"). "X and On Y" is two titles: a capitalised function word after "and"
    starts a new one. Without ``function_words`` only capitalised words are taken
    ("Lenin's April Theses to the October uprising" gives "April Theses").
    """
    allowed = TITLE_FUNCTION_WORDS if function_words else frozenset()
    tokens: list[tuple[str, int, int]] = []
    position = start
    while len(tokens) < max_tokens:
        match = TITLE_TOKEN.match(text, position)
        if not match or (match.group(0)[0].islower() and match.group(0) not in allowed):
            break
        tokens.append((match.group(0), match.start(), match.end()))
        if _closes_quoted_title(tokens):
            break
        gap = TITLE_GAP.match(text, match.end())
        if gap is None or not gap.group(0):
            break
        position = gap.end()
    for index, (token, _, _) in enumerate(tokens[:-1]):
        following = tokens[index + 1][0]
        if token == "and" and following[0].isupper() and following.lower() in TITLE_FUNCTION_WORDS:
            tokens = tokens[:index]
            break
    while tokens and tokens[-1][0][0].islower():
        tokens.pop()
    if not tokens:
        return None
    years = TITLE_YEARS.match(text, tokens[-1][2])  # "The Interregnum 1923-1924 (London, 1954)"
    return start, years.end() if years else tokens[-1][2]


def _closes_quoted_title(tokens: list[tuple[str, int, int]]) -> bool:
    """“Notes of a Publicist” ends at its closing quote; “Left-Wing” Communism does not. A
    single quote after a word not ending in "s" closes a quote ("‘… of the Proletariat’
    from …"): it is no plural's apostrophe ("the Workers’ Opposition")."""
    first, last = tokens[0][0], tokens[-1][0]
    opened = first[0] in '“"' and first[-1] not in '”"'
    single = len(last) > 2 and last[-1] == "’" and last[-2] not in "sS’"
    return len(tokens) > 1 and ((opened and last[-1] in '”"') or single)


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def sentence_bounds(text: str, start: int, end: int, reach: int = 240) -> tuple[int, int]:
    """The sentence around [start, end), at most ``reach`` characters on either side."""
    window = max(0, start - reach)
    cut = max(
        (m.end() for m in re.finditer(r"(?<![A-Z.])[.?!](?:[”’])?\s+|\n\s*\n", text[window:start])),
        default=0,
    )
    after = text[end : end + reach]
    stop = re.search(r"(?<![A-Z.])[.?!](?=[”’]?\s)|\n\s*\n", after)
    return window + cut, end + (stop.end() if stop else len(after))
