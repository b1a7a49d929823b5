"""Stances: a holder endorsing or rejecting a named person's view, read clause by clause.

Each sentence is read once for the author's own words (quotations blanked) and once for
each quoted speaker's. A judging word judges the person it governs, not every person in the
sentence (``cues``: "proved Lenin right and Trotsky wrong"); a cue with no person in reach
judges the person a pronoun or "this view" points back to ("We reject it"), else an unnamed
group ("those who assert …"). The holder is the document's author, the speaker of the
quotation the words are in, or the person the text says judges ("Lenin attacked Kautsky").
The thesis is the stretch that states the judged view; the date, for the author's own
stances, the document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgbuild.document import Document, Span
from kgbuild.extract.cues import (
    BEFORE_NAME,
    POLARITIES,
    ROLES,
    Cue,
    Named,
    anaphor,
    clause,
    clause_negations,
    find_cues,
    governed,
    is_reporting_subject,
    may_judge,
    passive_by,
    pattern,
    polarity_of,
    reporter,
    rhetorical,
    subject_before,
    unnamed_target,
    with_coordinated,
)
from kgbuild.extract.patterns import normalise_space
from kgbuild.extract.titles import SALUTATION, running_text
from kgbuild.records import (
    DatedClaimRecord,
    Extraction,
    PersonMention,
    QuotationRecord,
    StanceRecord,
    WorkMention,
)

SENTENCE_END = re.compile(
    r"(?<![A-Z]\.)(?<!\b[A-Z])(?<!\b[Vp]\.)(?<!\bpp\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bSt\.)[.?!][”’\"]?\)?[*\d]*"
    r"(?=\s+[A-Z“\"I(]|[ \t]*\n)|\n[ \t]*\n"
)
# before the name that ends a short line of the document's head: "F. E. Dzerzhinsky to "
LETTER_HEADING = re.compile(r"[ \t]*[A-Z][^\n]*?[ \t]to[ \t]+(?:[Cc]omrades?[ \t]+)?")
LETTER_HEAD_WIDTH = 80  # characters: a salutation or a letter's heading is a short line
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


def extract_stances(doc: Document, found: Extraction) -> list[StanceRecord]:
    """Every stance of the document, sentence by sentence, in the order of the text."""
    reader = StanceReader(doc, found)
    stances: list[StanceRecord] = []
    for index, (start, end) in enumerate(reader.sentences):
        stances += reader.read(index, start, end)
    return stances


class StanceReader:
    """What one document's sentences judge; holds the mentions they are read against."""

    def __init__(self, doc: Document, found: Extraction) -> None:
        self.doc = doc
        self.found = found
        self.sentences = sentences(doc.clean)
        titles = [(w.evidence.start, w.evidence.end) for w in found.works]
        self.persons = sorted(
            (p for p in found.persons if not _inside(p.evidence.start, titles)),
            key=lambda p: p.evidence.start,
        )
        self.quotations = sorted(found.quotations, key=lambda q: q.evidence.start)
        self.quoted = [  # each quotation's cleaned range and speaker, for _voices
            (*doc.clean_range(q.evidence.start, q.evidence.end), q.speaker)
            for q in self.quotations
        ]
        self.judged: list[tuple[int, PersonMention]] = []  # (sentence index, target)
        self.antecedent_sentence: dict[PersonMention, int] = {}  # a pronoun's target: where
        self.addressee = self._addressee()
        self.document_date = next(
            (c for c in found.dated_claims if c.dateline or c.also_dates is not None), None
        )

    # -- one sentence ----------------------------------------------------------------------
    def read(self, index: int, start: int, end: int) -> list[StanceRecord]:
        sentence = self.doc.clean[start:end]
        if not may_judge(sentence) or (not any(
            pattern(p, r).search(sentence) for p in POLARITIES for r in (*ROLES, "adjective")
        ) and not (
            pattern("irony").search(sentence)
        )):
            return []
        persons = [
            ((at[0] - start, at[1] - start), p)
            for p in self._persons_in(start, end)
            for at in (self._at(p),)
        ]
        stances: list[StanceRecord] = []
        for voice in self._voices(sentence, start, end):
            stances += self._judge(index, start, sentence, voice, persons)
        return stances

    def _judge(
        self,
        index: int,
        start: int,
        sentence: str,
        voice: Voice,
        persons: list[Named],
    ) -> list[StanceRecord]:
        """The stances one voice of a sentence takes: each cue judges the person it governs."""
        heard = [(at, p) for at, p in persons if voice.text[at[0]] != " "]
        found_cues = find_cues(voice.text)
        if not found_cues:
            return []
        negated_clause = clause_negations(voice.text)
        judged: dict[tuple[str, int], tuple[PersonMention | None, Cue, str, str | None]] = {}
        for cue in found_cues:
            polarity = polarity_of(voice.text, cue, negated_clause, rhetorical(sentence, cue))
            subject = subject_before(voice.text, cue, heard)
            targets = governed(voice.text, cue, heard)
            reported = reporter(voice.text, cue, heard) if voice.holder is None else None
            holder = reported[1].name if reported else voice.holder
            by = passive_by(voice.text, cue) if cue.role == "object" else None
            if by is not None:  # "Trotsky's proposal was rejected by Lenin": Lenin judges
                holder = next((p.name for at, p in heard if at[0] == by), holder)
            elif cue.role == "object" and subject is not None and (
                is_reporting_subject(voice.text, subject[0], cue)
            ):
                holder = subject[1].name  # "Lenin attacked Kautsky": Lenin judges
                targets = [t for t in targets if t is not subject]
            if not targets:
                targets = self._antecedents(index, voice.text, cue, polarity, heard, holder)
            if not targets and polarity == "rejects" and (
                unnamed_target(voice.text, cue) or self._body_judged(start, voice.text, cue)
            ):
                judged.setdefault(("group", 0), (None, cue, polarity, holder))
            for at, person in targets:
                earlier = judged.get((person.name, at[0]))
                if earlier is None or _distance(cue, at) < _distance(earlier[1], at):
                    # "supported a boycott, in opposition to Lenin": the nearer cue judges
                    judged[(person.name, at[0])] = (person, cue, polarity, holder)
        self.judged += [(index, t) for t, _, _, _ in judged.values() if t is not None]
        return [
            self._stance(index, start, sentence, target, cue, polarity, holder)
            for target, cue, polarity, holder in sorted(judged.values(), key=lambda j: j[1].start)
            if target is None or not _same_person(target.name, holder)
        ]

    def _stance(
        self,
        index: int,
        start: int,
        sentence: str,
        target: PersonMention | None,
        cue: Cue,
        polarity: str,
        holder: str | None,
    ) -> StanceRecord:
        evidence = self.doc.span(start, start + len(sentence.rstrip()))
        thesis_span = self._thesis(start, sentence, target, cue)
        date = self._date(start, start + len(sentence), holder)
        return StanceRecord(
            target=target,
            polarity=polarity,
            statement=normalise_space(sentence),
            evidence=evidence,
            cue=normalise_space(sentence[cue.start : cue.end]),
            holder=holder,
            thesis=normalise_space(thesis_span.text) if thesis_span else None,
            thesis_evidence=thesis_span,
            thesis_source=self._thesis_source(index, target),
            date=date.date if date else None,
            date_text=date.date_text if date else None,
        )

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

    def _body_judged(self, start: int, text: str, cue: Cue) -> bool:
        """"as against Social-Democracy": an organization is the object of a cue."""
        if cue.role != "object" or passive_by(text, cue) is not None:
            return False  # "the formulation rejected by the Congress": the Congress judges
        reach = self.doc.offsets[start + min(len(text) - 1, cue.end + BEFORE_NAME)]
        return any(
            self.doc.offsets[start + cue.end] <= o.evidence.start <= reach
            for o in self.found.organizations
        )

    def _persons_in(self, start: int, end: int) -> list[PersonMention]:
        raw_start, raw_end = self.doc.offsets[start], self.doc.offsets[end - 1] + 1
        return [p for p in self.persons if raw_start <= p.evidence.start < raw_end]

    def _at(self, person: PersonMention) -> tuple[int, int]:
        return self.doc.clean_range(person.evidence.start, person.evidence.end)

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
        if self.addressee is not None and anaphor(text, cue, "addressee") is not None:
            return [((-1, -1), self.addressee)]  # "I agree with you", in a letter to one
        pronoun = anaphor(text, cue, "any" if polarity == "rejects" else "personal")
        if pronoun is None or pattern("unnamed_targets").match(text, pronoun):
            return []
        plural = pattern("anaphors", "plural").match(text, pronoun) is not None
        personal = pattern("anaphors", "personal").match(text, pronoun) is not None
        if personal and not plural:
            before = [n for n in heard if n[0][1] <= pronoun]
            if before and _same_person(before[-1][1].name, holder):
                return []  # the speaker's own view
            if before:
                return before[-1:]
        start = clause(text, cue)[0]
        earlier = [n for n in heard if n[0][1] <= start and not _same_person(n[1].name, holder)]
        if earlier:  # "… Kolb and Heine, who admit …; these are out to restore …"
            return with_coordinated(text, earlier[-1:], earlier) if plural else earlier[-1:]
        for back in self._own_sentences_before(index):
            judged = [t for i, t in self.judged if i == back]
            named = judged or self._persons_in(*self.sentences[back])
            if not named:
                continue
            chosen = self._listed_with(back, named[-1]) if plural and not judged else named[-1:]
            if plural and len(chosen) < 2 and pattern("anaphors", "personal").match(text, pronoun):
                return []  # "them" is no one person ("defend them", of borders)
            for person in chosen:
                self.antecedent_sentence[person] = back
            return [((-1, -1), person) for person in chosen]
        return []

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

    # -- what is at stake ------------------------------------------------------------------
    def _thesis(
        self, start: int, sentence: str, target: PersonMention | None, cue: Cue
    ) -> Span | None:
        """The words that state the judged view: "Zinoviev's *definition of Leninism* cannot
        be regarded as correct", "Bauer and Kautsky, *who deny that Leninism …*", "Lenin was
        right when he said that *…*"; for a pronoun, the sentence it points back to."""
        if target in self.antecedent_sentence:
            s, e = self.sentences[self.antecedent_sentence[target]]
            return self.doc.span(s, s + len(self.doc.clean[s:e].rstrip()))
        lo, hi = clause(sentence, cue)
        stretches = []
        if target is not None and start <= self._clean(target.evidence) < start + len(sentence):
            name_end = self._at(target)[1] - start
            if name_end <= cue.start:
                stretches.append((name_end, cue.start))
            stretches.append((max(name_end, cue.end), hi))
        else:
            stretches += [(lo, cue.start), (cue.end, hi)]
        if re.search(r"\b(?:that|how)$", sentence[cue.start : cue.end]):
            stretches.sort(key=lambda stretch: stretch[0] < cue.end)  # "showed that …"
        others = [
            self._clean(p.evidence) - start
            for p in self._persons_in(start, start + len(sentence))
            if p is not target
        ]
        for a, b in stretches:
            b = min([b, *(o for o in others if a <= o < b)])
            a, b = _trim_thesis(sentence, a, b)
            if len(re.findall(r"[^\W\d]{2,}", sentence[a:b])) >= 2:
                return self.doc.span(start + a, start + b)
        return None

    def _thesis_source(
        self, index: int, target: PersonMention | None
    ) -> QuotationRecord | WorkMention | None:
        """The quotation or work the judged view comes from, when the text gives it: a
        quotation of the target's, or a work of theirs, in this sentence or the one before."""
        if target is None:
            return None
        lo = self.sentences[max(0, index - 1)][0]
        hi = self.sentences[index][1]
        surname = target.name.split()[-1]
        for quotation in reversed(self.quotations):
            speaker = quotation.speaker or quotation.source_author or ""
            if lo <= self._clean(quotation.evidence) < hi and speaker.split()[-1:] == [surname]:
                return quotation
        for work in self.found.works:
            author = (work.author or "").split()[-1:]
            if lo <= self._clean(work.evidence) < hi and author == [surname]:
                return work
        return None

    def _date(self, start: int, end: int, holder: str | None) -> DatedClaimRecord | None:
        """The date the text gives the judgment: for the author's own stances the date of the
        document itself, for another holder's a date in the sentence that reports it."""
        if holder is None:
            return self.document_date
        for claim in self.found.dated_claims:
            if start <= self._clean(claim.evidence) < end and not claim.dates_entity:
                return claim
        return None


def _distance(cue: Cue, at: tuple[int, int]) -> int:
    return min(abs(at[0] - cue.end), abs(cue.start - at[1]))


def _same_person(name: str, holder: str | None) -> bool:
    return holder is not None and name.split()[-1] == holder.split()[-1]


def _trim_thesis(sentence: str, lo: int, hi: int) -> tuple[int, int]:
    """The stretch without possessive, copula, "who" and punctuation at its edges."""
    piece = sentence[lo:hi]
    lead = re.match(r"(?:[’']s?\b|[\s,;:“”\"()]|\b(?:who|which|that|when he said that|when he "
                    r"said|when she said|is|was|are|were|the|and|or)\b)*", piece, re.I)
    tail = re.search(r"(?:[\s,;:“”\"()]|\b(?:is|was|are|were|be|been|cannot|can|must|should|"
                     r"not|has|have|had|quite|also|therefore|regarded|as|and|or)\b)*$", piece, re.I)
    start = lo + (lead.end() if lead else 0)
    end = lo + (tail.start() if tail and tail.start() > (lead.end() if lead else 0) else len(piece))
    return start, max(start, end)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
