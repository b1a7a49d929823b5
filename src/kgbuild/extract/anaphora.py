"""Who a stance's pronouns point back to and who speaks: the sentences of a document read
against its persons and quotations.

"We reject it", "That is also wrong", "this view" point back to the person the author judged
last, else to the one a sentence reports saying something, else to the one named last;
"he" to a sentence's subject; a plural pronoun to everyone listed together; "you" in a
letter to its addressee. ``stances.StanceReader`` reads the judgments on top of this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgbuild.document import Document, Span
from kgbuild.extract.cues import (
    Cue,
    Named,
    anaphor,
    clause,
    cue_alternation,
    cues,
    object_of_preposition,
    pattern,
    says,
    with_coordinated,
)
from kgbuild.extract.titles import SALUTATION, running_text
from kgbuild.records import Extraction, OrganizationMention, PersonMention

SENTENCE_END = re.compile(
    r"(?<![A-Z]\.)(?<!\b[A-Z])(?<!\b[Vp]\.)(?<!\bpp\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bSt\.)[.?!][”’\"]?\)?[*\d]*"
    r"(?=\s+[A-Z“\"I(]|[ \t]*\n)|\n[ \t]*\n"
)
# before the name that ends a short line of the document's head: "F. E. Dzerzhinsky to "
LETTER_HEADING = re.compile(r"[ \t]*[A-Z][^\n]*?[ \t]to[ \t]+(?:[Cc]omrades?[ \t]+)?")
LETTER_HEAD_WIDTH = 80  # characters: a salutation or a letter's heading is a short line
# before a praising noun cue whose subject a pronoun can be: "It is a lucid and perceptive"
PRAISED_COMPLEMENT = re.compile(r"\b(?:is|was)\s+(?:an?\s+)?(?:[\w-]+,?\s+){0,3}\Z", re.I)
QUOTED_NOUN = re.compile(r"\s*[‘“\"']?")  # between an adjective and its noun
ANAPHORA_REACH = 2  # sentences back in which a pronoun's antecedent is sought


@dataclass(frozen=True)
class Voice:
    """Who speaks a stretch of a sentence: the author (holder None) or a quoted speaker."""

    text: str  # the sentence, with every character outside this voice blanked
    holder: str | None


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


class Reading:
    """A document's sentences, persons and quoted voices, and what its pronouns point back
    to; the stances judged so far (``judged``) are the first antecedents."""

    def __init__(self, doc: Document, found: Extraction) -> None:
        self.doc = doc
        self.found = found
        self.sentences = sentences(doc.clean)
        titles = [(w.evidence.start, w.evidence.end) for w in found.works]
        named = [p for p in found.persons if not _inside(p.evidence.start, titles)]
        self.persons = sorted(named + eponyms(doc, named), key=lambda p: p.evidence.start)
        self.quotations = sorted(found.quotations, key=lambda q: q.evidence.start)
        self.quoted = [  # each quotation's cleaned range and speaker, for _voices
            (*doc.clean_range(q.evidence.start, q.evidence.end), q.speaker)
            for q in self.quotations
        ]
        self.judged: list[tuple[int, PersonMention]] = []  # (sentence index, target)
        self.antecedent_sentence: dict[PersonMention, int] = {}  # a pronoun's target: where
        self.addressee = self._addressee()

    # -- who speaks ------------------------------------------------------------------------
    def _voices(self, sentence: str, start: int, end: int) -> list[Voice]:
        """The author's words (quotations blanked) and each quoted speaker's words."""
        author = list(sentence)
        voices = []
        for q_start, q_end, speaker in self.quoted:
            lo, hi = max(q_start, start) - start, min(q_end, end) - start
            if lo >= hi:
                continue
            author[lo:hi] = " " * (hi - lo)
            if speaker:
                inner = " " * lo + sentence[lo:hi] + " " * (len(sentence) - hi)
                voices.append(Voice(inner, speaker))
        return [Voice("".join(author), None), *voices]

    def _persons_in(self, start: int, end: int) -> list[PersonMention]:
        raw_start, raw_end = self.doc.offsets[start], self.doc.offsets[end - 1] + 1
        return [p for p in self.persons if raw_start <= p.evidence.start < raw_end]

    def _at(self, mention: PersonMention | OrganizationMention) -> tuple[int, int]:
        return self.doc.clean_range(mention.evidence.start, mention.evidence.end)

    # -- anaphora --------------------------------------------------------------------------
    def _antecedents(
        self,
        index: int,
        text: str,
        cue: Cue,
        polarity: str,
        heard: list[Named],
        holder: str | None,
    ) -> list[Named]:
        """"We reject it", "That is also wrong", "such statements …": the person the pronoun
        or "this view" next to the cue points back to. "his" may be the sentence's own
        speaker ("Trotsky said … to defend his ideas": no stance on anyone); otherwise one
        named in an earlier clause of the sentence, not the holder ("Lenin rejects this
        view" points further back), else in the nearest sentence before that judges or
        names one (the person judged there, else the one named last); a plural pronoun
        takes those listed together."""
        if self.addressee is not None and (anaphor(text, cue, "addressee") is not None or (
            cue.role == "predicate"
            and pattern("anaphors", "addressee").search(text, clause(text, cue)[0], cue.start)
        )):  # "I agree with you", "To my mind you are mistaken", in a letter to one
            return [((-1, -1), self.addressee)]
        # "It is a lucid analysis" points back; "It is correct to say …", "Such are the
        # conditions for correct relations" do not
        praised = cue.role == "noun" and PRAISED_COMPLEMENT.search(text, 0, cue.start)
        kind = "any" if polarity == "rejects" or praised else "personal"
        pronoun = anaphor(text, cue, kind)
        if pronoun is None or pattern("unnamed_targets").match(text, pronoun):
            return []
        noun = QUOTED_NOUN.match(text, cue.end)
        if cue.role == "noun" and pronoun < cue.start and pattern(polarity, "adjective").fullmatch(
            text, cue.start, cue.end
        ) and not (noun and pattern("view_nouns").match(text, noun.end())):
            return []  # "this treacherous invasion" is an event, "this false theory" a view
        plural = pattern("anaphors", "plural").match(text, pronoun) is not None
        personal = pattern("anaphors", "personal").match(text, pronoun) is not None
        if personal and not plural:
            before = [n for n in heard if n[0][1] <= pronoun]
            if before and same_person(before[-1][1].name, holder):
                return []  # the speaker's own view
            if before:
                return before[-1:]
            if pattern("anaphors", "singular").search(text, 0, pronoun):
                return []  # "He failed to support his wife": "his" is the subject's
        start = clause(text, cue)[0]
        earlier = [n for n in heard if n[0][1] <= start and not same_person(n[1].name, holder)]
        if earlier and plural:  # "… Kolb and Heine, who admit …; these are out to restore …"
            listed = with_coordinated(text, earlier[-1:], earlier)
            if len(listed) > 1 or not personal:
                return listed
            return []  # "Radek failed to correct these mistakes but defended them"
        if earlier:
            return earlier[-1:]
        for back in self._own_sentences_before(index):
            judged = [t for i, t in self.judged if i == back]
            named = judged or self._speakers(back) or self._persons_in(*self.sentences[back])
            if personal and not plural and not judged:
                # "he" goes back to the subject: "He asked for Roy. His situation was …",
                # "… after the death of Liebknecht. He capitulated": no one named there
                named = self._subject(back)
                if not named:
                    return []
            if not named and pattern("anaphors", "neuter").match(text, pronoun):
                return []  # "they submitted to the majority's view. … a struggle against it"
            if not named:
                continue
            chosen = self._listed_with(back, named[-1]) if plural and not judged else named[-1:]
            if plural and len(chosen) < 2 and pattern("anaphors", "personal").match(text, pronoun):
                return []  # "them" is no one person ("defend them", of borders)
            for person in chosen:
                self.antecedent_sentence[person] = back
            return [((-1, -1), person) for person in chosen]
        return []

    def _pronoun_referent(
        self, index: int, text: str, pronoun: int, heard: list[Named]
    ) -> PersonMention | None:
        """Whom "he" or "she" as a subject stands for: the subject named before it in the
        sentence, else the subject of the sentence before (through a chain of "He …"
        sentences); "they", no one."""
        if not pattern("anaphors", "singular").match(text, pronoun):
            return None
        before = [n for n in heard if n[0][1] <= pronoun and not object_of_preposition(
            text, n[0][0])]
        if before:
            return before[-1][1]
        for back in self._own_sentences_before(index):
            s = self.sentences[back][0]
            if not pattern("anaphors", "singular").match(self.doc.clean, s):
                subject = self._subject(back)  # "Pyatakov … . He … . But he opposed …"
                return subject[0] if subject else None
        return None

    def _speakers(self, index: int) -> list[PersonMention]:
        """The persons a sentence reports saying or thinking something ("the remark of
        Comrade Brandt, who says that …", "he declared:" of the subject before): a view
        "this" points back to is theirs, not that of a person named in what they say."""
        s, e = self.sentences[index]
        text = self.doc.clean[s:e]
        named = [p for p in self._persons_in(s, e) if says(text, self._at(p)[1] - s)]
        if named:
            return named
        heard = [((a - s, b - s), p) for p in self._persons_in(s, e) for a, b in (self._at(p),)]
        for match in pattern("anaphors", "subject").finditer(text):
            if says(text, match.end()):
                referent = self._pronoun_referent(index, text, match.start(), heard)
                return [referent] if referent else []
        return []

    def _subject(self, index: int) -> list[PersonMention]:
        """The person a sentence is about, as its subject ("Comrade Radek wrote …", "The
        founder of Russian Marxism, Plekhanov, …"): none when the sentence opens with "he"
        (the chain goes further back), not one named after a preposition ("after the death
        of Luxemburg and Liebknecht")."""
        s, e = self.sentences[index]
        if pattern("anaphors", "singular").match(self.doc.clean, s):
            return []
        text = self.doc.clean[s:e]
        named = [((a - s, b - s), p) for p in self._persons_in(s, e) for a, b in (self._at(p),)]
        objects = [n for n in named if object_of_preposition(text, n[0][0])]
        listed = {id(p) for o in objects for _, p in with_coordinated(text, [o], named)}
        return [p for _, p in named if id(p) not in listed][:1]

    def _addressee(self) -> PersonMention | None:
        """Whom a letter is written to, for its "you": the person a short line ends with,
        after a salutation ("Dear Comrade Valentinov:"), or in a heading "X to Y" in the head
        of the document (before its first paragraph)."""
        text = self.doc.clean
        head_end = next((m.start() for m in re.finditer(r"(?m)^.*$", text)
                         if running_text(m.group(0).strip())), len(text))
        for person in self.persons:
            start, end = self._at(person)
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            addressed = SALUTATION.match(text[line_start:line_end].strip()) or (
                start < head_end and LETTER_HEADING.fullmatch(text, line_start, start))
            if addressed and line_end - line_start <= LETTER_HEAD_WIDTH and re.fullmatch(
                r"[ \t]*[:,!.]?[ \t]*", text[end:line_end]
            ):
                return person
        return None

    def _listed_with(self, index: int, person: PersonMention) -> list[PersonMention]:
        """"the speeches of Gennari, Rakosi and Lenin. I agree with them": the persons
        listed together with the one named last, which a plural pronoun points back to."""
        s, e = self.sentences[index]
        named = [((a - s, b - s), p) for p in self._persons_in(s, e) for a, b in (self._at(p),)]
        head = next(n for n in named if n[1] is person)
        return [p for _, p in with_coordinated(self.doc.clean[s:e], [head], named)]

    def _own_sentences_before(self, index: int) -> list[int]:
        """The indexes of the last sentences before ``index`` in the author's own words,
        nearest first (a quoted passage or a reference in between is no step of the
        argument)."""
        found: list[int] = []
        for back in range(index - 1, -1, -1):
            if len(found) == ANAPHORA_REACH:
                break
            s, e = self.sentences[back]
            own = self._voices(self.doc.clean[s:e], s, e)[0].text
            if len(re.findall(r"[^\W\d]{2,}", re.sub(r"\([^)]*\)?|^[^(]*\)", " ", own))) >= 4:
                found.append(back)
        return found

    def _clean(self, span: Span) -> int:
        return self.doc.clean_range(span.start, span.end)[0]


def eponyms(doc: Document, persons: list[PersonMention]) -> list[PersonMention]:
    """Factions named after a leader the text names, as mentions of that leader:
    "Trotskyism", "the Bukharinites", "the Maslow group" (``eponym_*`` of the cue file);
    a doctrine every side claimed ("Leninism") is no faction."""
    leaders = {p.name.split()[-1]: p.name for p in persons}
    for doctrine in cues()["eponym_doctrines"]:  # type: ignore[attr-defined]
        leaders.pop(doctrine, None)
    if not leaders:
        return []
    names = "|".join(re.escape(n) for n in sorted(leaders, key=len, reverse=True))
    suffixes, groups = cue_alternation("eponym_suffixes"), cue_alternation("eponym_groups")
    faction = re.compile(rf"\b(?P<name>{names})(?:(?:{suffixes})\b|\s+(?:{groups})\b)")
    return [
        PersonMention(leaders[m.group("name")], doc.span(*m.span()), "stances.eponym")
        for m in faction.finditer(doc.clean)
    ]


def same_person(name: str, holder: str | None) -> bool:
    return holder is not None and name.split()[-1] == holder.split()[-1]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
