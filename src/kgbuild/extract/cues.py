"""The judging words of a sentence and whom they govern (the cue lexicon is
``data/stance_cues.json``).

A *predicate* cue judges the person named before it in its clause, an *object* cue the
person after it, a *noun* cue its possessor or the person after "of"; a negation right
before a cue, or "it is not true that" over its clause, flips it. These are pure functions
of a sentence's text (with the words of other voices blanked) and the offsets of its names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kgbuild.extract.patterns import phrase_pattern
from kgbuild.records import PersonMention

Named = tuple[tuple[int, int], PersonMention]  # a person and its offsets in the sentence


CLAUSE_BREAK = re.compile(
    r";|:(?!\s*[“\"])|\s[—–]\s|—(?=\s)|\b(?:but|whereas|while|although|though|yet)\b", re.I
)
GERUND_OBJECT = re.compile(r"\s+(?:[A-Z]|(?:him|her|them|us|me|you|the|his|their)\b)")
ONE_OF = re.compile(r"\b(?:is|was|are|were)\s+(?:also\s+)?one\s+of\s+(?:those|the)\b", re.I)
CONTRAST = re.compile(r";|\b(?:but|whereas|yet)\b", re.I)  # reported words end here
RHETORICAL = re.compile(  # "Was not Lenin right …?": a question that asserts
    r"(?:^|[?!.)*]\s+)\W*(?:is|was|were|are|does|did|do|has|have|can|could)(?:\s+not|n't)\b",
    re.I,
)
COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been)\s+(?:[\w-]+\s+){0,3}\Z", re.I)
NEW_CLAUSE = re.compile(r",\s*(?:and|but|or|while|whereas|which|who)\b", re.I)
PASSIVE_AUXILIARY = re.compile(
    r"\b(?:is|was|are|were|be|been|being)\s+(?:(?:sharply|rightly|justly|severely|firmly|"
    r"decisively|unanimously|also|then|not|already|duly)\s+)?\Z", re.I
)
PASSIVE_BY = re.compile(r"\s+by\s+(?:comrades?\s+)?(?:the\s+)?", re.I)
EXAMPLE = re.compile(r"[\s,]*(?:like|such\s+as)\s+(?:(?:comrade|the)\s+)?", re.I)
NOUN_OF = re.compile(r"\s*(?:of|by)\s+(?:(?:comrade|the)\s+)?", re.I)
AS_NAME = re.compile(r"\bas\s+(?:(?:comrade|the)\s+)?\Z", re.I)  # before the name: "as Comrade"
AFTER_NAME = 110  # characters (quotations blanked) from a name to a predicate cue after it
BEFORE_NAME = 45  # … from an object cue to the name after it
NEGATION_REACH = 3  # words before a cue in which a negation flips it
POLARITIES = ("rejects", "endorses")
ROLES = ("predicate", "object", "noun")


@cache
def cues() -> dict[str, object]:
    path = resources.files("kgbuild") / "data" / "stance_cues.json"
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def pattern(*path: str) -> CuePattern:
    """A word list of the cue file, as one case-insensitive pattern of whole words."""
    node: object = cues()
    for key in path:
        assert isinstance(node, dict)
        node = node[key]
    assert isinstance(node, list)
    phrases = "|".join(phrase_pattern(p) for p in sorted(node, key=len, reverse=True))
    keys = frozenset(max(WORD.findall(phrase.lower()), key=len) for phrase in node)
    return CuePattern(re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])", re.IGNORECASE), keys)


WORD = re.compile(r"[\w-]+")
NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")


@lru_cache(maxsize=16)  # the sentence or voice whose cues are being read, not every one
def words_of(text: str) -> frozenset[str] | None:
    """The words of a text, lower-cased; None when one is not ASCII (re's case-insensitive
    matching also folds "ſ", "ı", "K" and "İ" into ASCII letters)."""
    if NON_ASCII_LETTER.search(text):
        return None
    return frozenset(WORD.findall(text.lower()))


class CuePattern:
    """A word list's pattern, not run over a text that has none of the list's key words
    (the longest word of each phrase, lower-cased: a phrase is matched whole, so a text
    where one stands has each of its words). Most sentences and voices have no word of
    most lists, and running the lists' patterns over them all was most of the time spent
    reading stances."""

    def __init__(self, regex: re.Pattern[str], keys: frozenset[str]) -> None:
        self.regex = regex
        self.keys = keys

    def _may_match(self, text: str) -> bool:
        words = words_of(text)
        return words is None or not self.keys.isdisjoint(words)

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.regex.search(text, *bounds) if self._may_match(text) else None

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.regex.match(text, *bounds) if self._may_match(text) else None

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.regex.fullmatch(text, *bounds) if self._may_match(text) else None

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, *bounds) if self._may_match(text) else iter(())


@cache
def _key_words() -> frozenset[str]:
    """The longest word of every cue phrase, lower-cased: a sentence where a phrase stands
    has each of its words (a phrase is matched whole, on word boundaries)."""
    lists = [cues()[p][r] for p in POLARITIES for r in (*ROLES, "adjective")]  # type: ignore[index]
    lists += [cues()["irony"], cues()["as_said"]]
    phrases = [phrase for words in lists for phrase in words]  # type: ignore[attr-defined]
    return frozenset(max(WORD.findall(phrase.lower()), key=len) for phrase in phrases)


def may_judge(sentence: str) -> bool:
    """Whether a cue phrase can stand in the sentence: a cheap test before the cue
    patterns, which most sentences do not match."""
    return not _key_words().isdisjoint(WORD.findall(sentence.lower()))


@dataclass(frozen=True)
class Cue:
    """A judging word in a sentence (offsets into the sentence)."""

    start: int
    end: int
    polarity: str
    role: str  # "predicate" | "object" | "noun" | "adjacent" | "as_said" | "irony"


def find_cues(text: str) -> list[Cue]:
    """Every judging word of a voice, longest first where two overlap."""
    found: list[Cue] = []
    taken = bytearray(len(text) + 1)
    for polarity in POLARITIES:
        for role in ROLES:
            for match in pattern(polarity, role).finditer(text):
                if role == "noun" and _after_subject().search(text, 0, match.start()):
                    continue  # "there it lies", "he slanders": a verb, not the noun
                found.append(Cue(match.start(), match.end(), polarity, role))
        for match in pattern(polarity, "adjective").finditer(text):
            if GERUND_OBJECT.match(text, match.end()) and match.group(0).endswith("ing"):
                continue  # "succeed in convincing Geyer": a verb with its object
            role = "noun" if _qualifies_noun().match(text, match.end()) else "predicate"
            found.append(Cue(match.start(), match.end(), polarity, role))
        for match in pattern("name_adjacent", polarity).finditer(text):
            if match.group(0)[0].islower() and not _qualifies_noun().match(text, match.end()):
                found.append(Cue(match.start(), match.end(), polarity, "adjacent"))
    for match in pattern("as_said").finditer(text):
        found.append(Cue(match.start(), match.end(), "endorses", "as_said"))
    for match in pattern("irony").finditer(text):
        found.append(Cue(match.start(), match.end(), "rejects", "irony"))
    kept = []
    for cue in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if not any(taken[cue.start : cue.end]):
            taken[cue.start : cue.end] = b"\x01" * (cue.end - cue.start)
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def clause(text: str, cue: Cue) -> tuple[int, int]:
    """The clause around a cue: from the last clause break before it to the next after."""
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, cue.start)), default=0)
    after = CLAUSE_BREAK.search(text, cue.end)
    return lo, after.start() if after else len(text)


def clause_negations(text: str) -> list[tuple[int, int]]:
    """Stretches under "it is not true that …": judgments there are flipped."""
    spans = []
    for match in pattern("clause_negators").finditer(text):
        after = CLAUSE_BREAK.search(text, match.end())
        spans.append((match.end(), after.start() if after else len(text)))
    return spans


def polarity_of(text: str, cue: Cue, negated: list[tuple[int, int]], rhetorical: bool) -> str:
    """The cue's polarity, flipped by a negation just before it ("not right", "by no means
    mistaken") or by "it is not true that" over its clause; a rhetorical question's "not"
    ("Was not Lenin right …?") asserts, and a cue that contains its negation is read as is."""
    flips = sum(lo <= cue.start < hi for lo, hi in negated)
    before = " ".join(text[max(0, cue.start - 60) : cue.start].split()[-NEGATION_REACH:])
    inside = text[cue.start : cue.end].lower()
    if (
        cue.role != "irony"
        and not any(n in inside.split() for n in ("not", "cannot", "nothing"))
        and pattern("negators").search(before)
        and not rhetorical
    ):
        flips += 1
    if flips % 2 == 0:
        return cue.polarity
    return "endorses" if cue.polarity == "rejects" else "rejects"


def subject_before(
    text: str, cue: Cue, persons: list[Named]
) -> Named | None:
    """The person named last before the cue in its clause, within reach."""
    lo, _ = clause(text, cue)
    before = [(at, p) for at, p in persons if lo <= at[0] and at[1] <= cue.start]
    if not before:
        return None
    at, person = before[-1]
    owners = [n for n in before[:-1] if _possessive_end(text, n[0]) is not None
              and not object_of_preposition(text, n[0][0])]
    if owners and object_of_preposition(text, at[0]) and _possessive_end(text, at) is None:
        at, person = owners[-1]  # "Bernstein's revision of Marx misled …": not Marx
    gap = " ".join(text[at[1] : cue.start].split())
    if len(gap) > AFTER_NAME or pattern("unnamed_targets").search(gap):
        return None  # "Lenin from the “permanentists” … the “permanentists” distorted"
    group = list(pattern("unnamed_targets").finditer(text, lo, at[0]))
    if group and not _led_by().search(text[group[-1].end() : at[0]].rstrip()):
        return None  # "Those who say that Lenin added nothing … do not understand"
    if re.match(r"(?:[’']s?)?\s*and\s", gap + " ") and _preposition_before().search(
        text, max(0, at[0] - 20), at[0]
    ):
        return None  # "was unfaithful to the behests of Marx and betrayed": not Marx
    return at, person


def governed(
    text: str, cue: Cue, persons: list[Named]
) -> list[Named]:
    """The persons a cue judges, with those coordinated with them ("Bauer and Kautsky")."""
    lo, hi = clause(text, cue)
    in_clause = [(at, p) for at, p in persons if lo <= at[0] < hi]
    before = [(at, p) for at, p in in_clause if at[1] <= cue.start]
    after = [(at, p) for at, p in in_clause if at[0] >= cue.end]
    heads: list[Named] = []
    if after and cue.role != "as_said" and EXAMPLE.fullmatch(text, cue.end, after[0][0][0]):
        heads = [after[0]]  # "avowed counter-revolutionaries like Korsch"
    elif cue.role == "adjacent":
        if before and not text[before[-1][0][1] : cue.start].strip(" ’'s"):
            heads = [before[-1]]
    elif cue.role == "as_said":
        if before and _cited_gap().fullmatch(text, before[-1][0][1], cue.start):
            first = with_coordinated(text, before[-1:], in_clause)[0]  # "as Marx and Engels"
            if AS_NAME.search(text, 0, first[0][0]):
                heads = [before[-1]]  # "as Lenin rightly said", "as Harman's article explains"
    elif cue.role == "object" and (passive_by(text, cue) is not None or agentless(text, cue)):
        subject = subject_before(text, cue, persons)  # "Trotsky's proposal was rejected by"
        heads = [subject] if subject else []
    elif cue.role == "object":
        gap = " ".join(text[cue.end : after[0][0][0]].split()) if after else ""
        led = len(gap) <= AFTER_NAME and _led_by().search(gap) is not None
        phrase = led or not NEW_CLAUSE.search(gap)  # "attacked the crowd, and Liebknecht was"
        if after and phrase and (len(gap) <= BEFORE_NAME or led) and not leaves_quotation(
            text, cue.start, after[0][0][0]
        ):
            heads = [after[0]]  # "we reject Bukharin's slogan", "the groups led by Zinoviev"
    elif cue.role == "noun":
        if after and NOUN_OF.fullmatch(text, cue.end, after[0][0][0]):
            heads = [after[0]]  # "the errors of Zinoviev"
        elif before and (owned := _possessive_end(text, before[-1][0])) is not None and (
            re.fullmatch(r"\s*(?:[“‘\"]?[\w-]+[”’\"]?\s+){0,3}[“‘\"]?", text[owned : cue.start])
        ):
            heads = [before[-1]]  # "Trotsky's grave mistake", "Kautsky’s “pure” error"
        elif before and before[-1][1].cue == "stances.eponym" and re.fullmatch(
            r"[\w-]*\s+(?:[\w-]+\s+){0,2}", text[before[-1][0][1] : cue.start]
        ):
            heads = [before[-1]]  # "the Stalinist betrayal": a faction's, its leader's
    elif cue.role == "irony":
        near = [(at, p) for at, p in in_clause if abs(at[0] - cue.start) <= BEFORE_NAME]
        heads = near[:1]
    else:
        subject = subject_before(text, cue, persons)
        heads = [subject] if subject else []
    if not re.search(r"\bof$", text[cue.start : cue.end]):  # "the true pupils of X" judge X
        heads = [h for h in heads if not _group_member(text, h[0])]
    return with_coordinated(text, heads, in_clause)


def leaves_quotation(text: str, cue_start: int, name_start: int) -> bool:
    """A cue inside quotation marks that close before the name ("the need for a “struggle
    against Pan-Islamism”, Tan Malaka argued"): a slogan the text mentions, whose words
    govern nothing outside it."""
    gap = text[cue_start:name_start]
    if "”" in gap and text.rfind("“", 0, cue_start) > text.rfind("”", 0, cue_start):
        return True
    return '"' in gap and text.count('"', 0, cue_start) % 2 == 1


def _possessive_end(text: str, at: tuple[int, int]) -> int | None:
    """Where the possessive of a name ends ("Trotsky’s", "Marx' "), or None."""
    if re.search(r"[’']s?$", text[at[0] : at[1]]):
        return at[1]
    marker = re.match(r"[’']s?(?=\s)", text[at[1] :])
    return at[1] + marker.end() if marker else None


def with_coordinated(
    text: str,
    heads: list[Named],
    persons: list[Named],
) -> list[Named]:
    """The heads with the persons listed with them ("Bauer and Kautsky", "Gennari, Rakosi,
    Lenin and Trotsky")."""
    if not heads:
        return []
    chosen = list(heads)
    index = persons.index(heads[0])
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(persons):
            a, b = sorted((persons[i][0], persons[i + step][0]))
            if not re.fullmatch(r"(?:[’']s?)?\s*(?:,|and|or|nor|,\s*and)\s*", text[a[1] : b[0]]):
                break
            i += step
            chosen.append(persons[i])
    return sorted(chosen, key=lambda item: item[0][0])


def _group_member(text: str, at: tuple[int, int]) -> bool:
    """"the critics of Lenin": the critics, not Lenin, are judged."""
    return bool(re.search(rf"\b(?:{cue_alternation('group_heads')})\s+of\s+(?:the\s+)?$",
                          text[max(0, at[0] - 30) : at[0]], re.I))


@cache
def _qualifies_noun() -> re.Pattern[str]:
    """After an adjective cue, a noun it qualifies: "false theory", "counter-revolutionary
    ‘Thermidorian forces’", not "wrong in saying"."""
    return re.compile(
        rf"[ \t]+(?:[‘“\"'][\w-]|(?!(?:{cue_alternation('not_a_qualified_noun')})\b)[a-z][\w-]*)"
    )


@cache
def _after_subject() -> re.Pattern[str]:
    """Right after a subject word: "there it", "he" (a noun cue here is a verb)."""
    return re.compile(rf"\b(?:{cue_alternation('verb_subjects')})\s+\Z", re.I)


@cache
def _cited_gap() -> re.Pattern[str]:
    """Between a cited name and its verb: "’s article", "so rightly", "long ago"."""
    adverbs = cue_alternation("citing_adverbs").replace("\\ ", r"\s+")
    return re.compile(rf"(?:[’']s?)?(?:\s+[\w-]+){{0,2}}?\s*(?:(?:{adverbs})\s+)*", re.I)


@cache
def _led_by() -> re.Pattern[str]:
    """A group's heads follow: "the opposition groups headed by"."""
    return re.compile(rf"\b(?:{cue_alternation('led_by_verbs')})\s+by(?:\s+comrades?)?$", re.I)


def object_of_preposition(text: str, start: int) -> bool:
    """The name starting at ``start`` follows a preposition ("the death of Liebknecht")."""
    return _preposition_before().search(text, max(0, start - 20), start) is not None


@cache
def _preposition_before() -> re.Pattern[str]:
    """A name is the object of a preposition: "the behests of Marx"."""
    return re.compile(rf"\b(?:{cue_alternation('prepositions')})\s+(?:comrade\s+)?\Z", re.I)


@cache
def cue_alternation(key: str) -> str:
    words = cues()[key]
    assert isinstance(words, list)
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


REPORTING_GAP = re.compile(  # "Lenin's attack on", "Luxemburg was sharply critical of"
    r"(?:[’']s?)?,?\s*(?:(?:had|has|have|was|were|is|are|became|then|also|sharply|bitterly|"
    r"openly|publicly|repeatedly|strongly|always|never|does|did|do|not|evidently|clearly|"
    r"obviously|apparently|even|still|now|himself|herself|themselves)\s+)*",
    re.I,
)


def is_reporting_subject(text: str, at: tuple[int, int], cue: Cue) -> bool:
    """"Lenin attacked Kautsky": a name right before an object verb does the judging."""
    return REPORTING_GAP.fullmatch(text, at[1], cue.start) is not None


def pronoun_subject(text: str, cue: Cue) -> int | None:
    """"she fought against Lenin": where a subject pronoun right before an object verb
    stands, or None."""
    for match in pattern("anaphors", "subject").finditer(text, max(0, cue.start - 60), cue.start):
        if REPORTING_GAP.fullmatch(text, match.end(), cue.start):
            return match.start()
    return None


def reporter(text: str, cue: Cue, persons: list[Named]) -> Named | None:
    """"Trotsky said that Zinoviev excellently proved …": the person whose reported words the
    cue is in (named before a speech verb that comes before the cue)."""
    speaking = re.compile(rf"(?:\s*(?:{cue_alternation('speech_verbs')}))\b", re.I)
    for at, person in reversed(persons):
        if at[1] > cue.start:
            continue
        gap = REPORTING_GAP.match(text, at[1])
        said = speaking.match(text, gap.end() if gap else at[1])
        if said and said.end() <= cue.start and not CONTRAST.search(text, said.end(), cue.start):
            return at, person  # not "Kautsky says that …; but this is nonsense"
    return None


def holds_view(text: str, end: int) -> bool:
    """"Social-Democracy, which considers that …": a relative clause after a name (ending
    at ``end``) states the view held."""
    return _view_clause().match(text, end) is not None


def says(text: str, end: int) -> bool:
    """"Radek says", "Kautsky, who thinks": a speech verb follows the name ending at
    ``end``."""
    return _saying().match(text, end) is not None


@cache
def _view_clause() -> re.Pattern[str]:
    verbs = cue_alternation("speech_verbs")
    return re.compile(rf"\s*,?\s*(?:which|who|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{verbs})\b", re.I)


@cache
def _saying() -> re.Pattern[str]:
    gap, verbs = REPORTING_GAP.pattern, cue_alternation("speech_verbs")
    return re.compile(rf"{gap}(?:,?\s*who\s+{gap})?(?:{verbs})\b", re.I)


def agentless(text: str, cue: Cue) -> bool:
    """"Bukharin's proposal was rejected": a judging verb in the passive with no agent
    judges its subject; not "condemned to four years", a sentence passed."""
    return (
        PASSIVE_AUXILIARY.search(text, 0, cue.start) is not None
        and pattern("judged_in_passive").fullmatch(text, cue.start, cue.end) is not None
        and not re.match(r"\s+(?:to|by)\b", text[cue.end :])
    )


def passive_by(text: str, cue: Cue) -> int | None:
    """"rejected by Lenin": where the agent after "by" begins; None when the cue is not
    followed by "by" (its object then comes after it)."""
    agent = PASSIVE_BY.match(text, cue.end)
    return agent.end() if agent else None


def rhetorical(sentence: str, cue: Cue) -> bool:
    """The cue is in a question that opens with a negated auxiliary and ends after it."""
    opening = list(RHETORICAL.finditer(sentence, 0, cue.start))
    return bool(opening) and "?" in sentence[cue.end :] and not re.search(
        r"[?!]", sentence[opening[-1].end() : cue.start]
    )


def anaphor(text: str, cue: Cue, kind: str) -> int | None:
    """Where a pronoun or "this view" stands for what the cue judges: the subject of its
    clause (after "that") for a predicate cue, the word or two before a noun cue ("his
    mistake"), the object right after an object cue. None when there is none."""
    if cue.role == "object":
        zone_start = cue.end
    elif cue.role == "noun" and not COPULA_BEFORE.search(text, max(0, cue.start - 60), cue.start):
        # "his grave mistake", "this vacillation"
        before = re.search(r"(?:[\w’'-]+\W+){1,2}$", text[max(0, cue.start - 40) : cue.start])
        if before is None or re.search(r"\b(?:the|a|an)\b", before.group(0), re.I):
            return None  # "that the mistake of …": no determiner points back
        zone_start = cue.start - len(before.group(0))
    else:  # a predicate, or a noun after a copula: "This is a serious misrepresentation"
        lo, _ = clause(text, cue)
        that = [m.end() for m in re.finditer(r"\bthat\s", text[lo : cue.start])]
        zone_start = lo + (that[-1] if that else 0)
    zone = re.match(r"\W*(?:[\w’'-]+\W+){0,2}", text[zone_start:])
    words = text[zone_start : zone_start + (zone.end() if zone else 0)]
    found = pattern("anaphors", kind).search(words + " ")
    return zone_start + found.start() if found else None


def one_of_them(text: str, cue: Cue, persons: list[Named]) -> list[Named]:
    """"Bukharin in 1920 was one of those who …": the person a clause names as one of the
    unnamed group the cue judges."""
    lo, _ = clause(text, cue)
    for match in ONE_OF.finditer(text, lo, cue.start):
        named = [n for n in persons if lo <= n[0][0] and n[0][1] <= match.start()]
        if named and match.start() - named[-1][0][1] <= BEFORE_NAME:
            return named[-1:]
    return []


def unnamed_target(text: str, cue: Cue) -> bool:
    lo, hi = clause(text, cue)
    return pattern("unnamed_targets").search(text[lo:hi]) is not None
