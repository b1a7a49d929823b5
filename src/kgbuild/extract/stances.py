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

from kgbuild.document import Document, Span
from kgbuild.extract.anaphora import Reading, Voice, same_person
from kgbuild.extract.cues import (
    BEFORE_NAME,
    POLARITIES,
    ROLES,
    Cue,
    Named,
    clause,
    clause_negations,
    find_cues,
    governed,
    holds_view,
    is_reporting_subject,
    may_judge,
    one_of_them,
    passive_by,
    pattern,
    polarity_of,
    pronoun_subject,
    reporter,
    rhetorical,
    subject_before,
    unnamed_target,
)
from kgbuild.extract.patterns import normalise_space
from kgbuild.records import (
    DatedClaimRecord,
    Extraction,
    PersonMention,
    QuotationRecord,
    StanceRecord,
    WorkMention,
)

# after the name that opens an entry of notes or a glossary: its dates, initials or given
# names ("Kolb, W. (1870-1918)", "Axelrod, Paul B. (1850-1928)", "Myshkin (1848-1885)")
ENTRY_HEAD = re.compile(
    r",?\s*(?:[A-Z][a-z]*\.?\s*){0,3}\(\s*(?:b\.\s*|born\s+)?\d{4}|,\s*(?:[A-Z]\.\s*)+[.,(–—-]"
)
ENTRY_INDENT = 8  # characters before the name: a note's number ("12. ")


def extract_stances(doc: Document, found: Extraction) -> list[StanceRecord]:
    """Every stance of the document, sentence by sentence, in the order of the text."""
    reader = StanceReader(doc, found)
    stances: list[StanceRecord] = []
    for index, (start, end) in enumerate(reader.sentences):
        stances += reader.read(index, start, end)
    return stances


class StanceReader(Reading):
    """What one document's sentences judge; holds the mentions they are read against."""

    def __init__(self, doc: Document, found: Extraction) -> None:
        super().__init__(doc, found)
        self.document_date = next(
            (c for c in found.dated_claims if c.dateline or c.also_dates is not None), None
        )

    # -- one sentence ----------------------------------------------------------------------
    def read(self, index: int, start: int, end: int) -> list[StanceRecord]:
        sentence = self.doc.clean[start:end]
        if not may_judge(sentence) or (not any(
            pattern(p, r).search(sentence) for p in POLARITIES for r in (*ROLES, "adjective")
        ) and not (
            pattern("irony").search(sentence) or pattern("as_said").search(sentence)
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
            elif pattern("group_heads").match(voice.text, cue.start):
                # "Pyatakov was one of Lenin's fiercest opponents": Pyatakov judges
                lo = clause(voice.text, cue)[0]
                holder = next((p.name for at, p in reversed(heard) if lo <= at[0]
                               and at[1] <= cue.start and (at, p) not in targets), holder)
            elif cue.role == "object" and (pronoun := pronoun_subject(voice.text, cue)) is not None:
                # "she fought against Lenin": the one "she" is judges, not the author
                referent = self._pronoun_referent(index, voice.text, pronoun, heard)
                if referent is None:
                    continue  # "they reject Lenin's article": whoever they are
                holder = referent.name
            if not targets and cue.role != "as_said":
                targets = self._antecedents(index, voice.text, cue, polarity, heard, holder)
            if not targets and cue.role == "predicate" and voice.holder is None and not (
                pattern("anaphors", "subject").search(voice.text, clause(voice.text, cue)[0],
                                                      cue.start)
            ):  # "Kolb, W. (1870-1918). …; a social-patriot", not "…, which he renounced"
                targets = self._entry_head(start + cue.start)
            if not targets and unnamed_target(voice.text, cue):
                targets = one_of_them(voice.text, cue, heard)  # "X was one of those who"
            if not targets and polarity == "rejects" and not pattern("group_heads").fullmatch(
                voice.text, cue.start, cue.end  # "its opponents" judge, they are not judged
            ) and (unnamed_target(voice.text, cue) or self._body_judged(start, voice.text, cue)):
                judged.setdefault(("group", 0), (None, cue, polarity, holder))
            for at, person in targets:
                earlier = judged.get((person.name, at[0]))
                if earlier is None or _rank(cue, at) < _rank(earlier[1], at):
                    # "supported a boycott, in opposition to Lenin": the nearer cue judges;
                    # "as Kautsky says …; but this is nonsense": a judgment over a citation
                    judged[(person.name, at[0])] = (person, cue, polarity, holder)
        # what "this" points back to: the author's judgments, not a quoted speaker's (then
        # "this" is the speaker's saying: "Haug writes, ‘… Gramsci’s utopian vision …’.
        # This is a misrepresentation")
        self.judged += [(index, t) for t, _, _, h in judged.values() if t is not None and h is None]
        return [
            self._stance(index, start, sentence, target, cue, polarity, holder)
            for target, cue, polarity, holder in sorted(judged.values(), key=lambda j: j[1].start)
            if target is None or not same_person(target.name, holder)
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

    def _entry_head(self, at: int) -> list[Named]:
        """The person a glossary's or notes' entry is about, when the cue's line opens with
        it ("Alexinsky, G. A. (born 1879). – …; during the war a social-patriot"): the
        subject of every clause of the entry that names none."""
        line_start = self.doc.clean.rfind("\n", 0, at) + 1
        for person in self.persons:
            begin, end = self._at(person)
            if begin > line_start + ENTRY_INDENT:
                break
            if begin >= line_start and ENTRY_HEAD.match(self.doc.clean, end):
                return [((-1, -1), person)]
        return []

    def _body_judged(self, start: int, text: str, cue: Cue) -> bool:
        """"as against Social-Democracy, which considers that …": a body whose stated view
        is the object of a cue; a body alone ("the struggle against imperialist war", "a
        campaign against Communism") is no group of persons judged for a view."""
        if cue.role != "object" or passive_by(text, cue) is not None:
            return False  # "the formulation rejected by the Congress": the Congress judges
        reach = self.doc.offsets[start + min(len(text) - 1, cue.end + BEFORE_NAME)]
        return any(
            self.doc.offsets[start + cue.end] <= o.evidence.start <= reach
            and holds_view(text, self._at(o)[1] - start)
            for o in self.found.organizations
        )

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


def _rank(cue: Cue, at: tuple[int, int]) -> tuple[bool, int]:
    """Which of two cues judges a person: a judging word before a citation ("as X
    says"), then the nearer."""
    return cue.role == "as_said", min(abs(at[0] - cue.end), abs(cue.start - at[1]))


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
