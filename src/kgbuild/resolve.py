"""Resolution: mentions become entities, one per real thing, across all documents.

Names are looked up in the reference data (canonical label, aliases, Wikidata id); a name
not in it still becomes an entity under its own best name. Identity rules per kind:
persons and organizations by name (any alias), works by title, meetings by kind + ordinal
(or qualifier) + convening body, resolutions by formal title (a shorter printed title that
begins a longer one is the same resolution) or by meeting and topic.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter, defaultdict
from itertools import pairwise

from kgbuild.document import Document, InputWarning, Span
from kgbuild.extract.dateforms import certain_part
from kgbuild.extract.patterns import normalise_space, sentence_bounds
from kgbuild.knowledge import (
    Entity,
    EntityRef,
    Evidence,
    KnowledgeBase,
    ResolvedCitation,
    ResolvedClaim,
    ResolvedQuotation,
    ResolvedStance,
)
from kgbuild.lexicon import alternation, word_set
from kgbuild.names import (
    full_names_by_surname,
    given_and_surname,
    name_before_note,
    names_a_body,
    same_given,
)
from kgbuild.records import (
    AUTHOR_PRONOUN,
    AUTHOR_SELF,
    CitationRecord,
    DatedClaimRecord,
    Extraction,
    OrganizationMention,
    PersonMention,
    QuotationRecord,
    StanceRecord,
    WorkMention,
)
from kgbuild.reference import ReferenceData, ReferenceEntry, name_key, spelling_key
from kgbuild.resolve_meetings import MeetingLinking
from kgbuild.resolve_resolutions import ResolutionLinking

KIND_OF_MENTION = {
    "PersonMention": "person",
    "WorkMention": "work",
    "MeetingMention": "meeting",
    "ResolutionMention": "resolution",
}


# "U.K.P.D.", "RKSM": an abbreviation a text may print after a name
BRACKETED_ABBREVIATION = re.compile(r"(?:[A-Z]\.?){2,8}")
# "Zinoviev’s", "Marx'": the printed form stays in the evidence (oa:exact), the alias is the name
EDITION_OWNER = re.compile(r"(?P<name>.+?) \((?P<owner>[^()]+)\)")  # "Works (J. V. Stalin)"
POSSESSIVE = re.compile(r"(?<=[^\W\d_])[’']s?$")


class Resolver(MeetingLinking, ResolutionLinking):
    """Accumulates entities over documents; one Resolver per build."""

    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        self.kb = KnowledgeBase()
        self._lookup = {
            kind: reference.lookup(kind)
            for kind in ("persons", "organizations", "works", "resolutions")
        }
        # per document, so that a lookup by place costs the document, not the corpus
        self._evidence_in: defaultdict[str, list[tuple[Span, EntityRef]]] = defaultdict(list)
        self._quotations_in: defaultdict[str, list[ResolvedQuotation]] = defaultdict(list)
        self._attached: set[tuple[EntityRef, Evidence]] = set()
        self._of_kind: defaultdict[str, list[Entity]] = defaultdict(list)  # not the corpus
        self._doc_full_names: dict[str, str] = {}  # the current document's
        self.corpus_full_names: dict[str, str] = {}  # every document's (see ``resolve``)
        self._meetings_by_name = reference.lookup("meetings")
        self._meeting_bodies = [  # reference meetings with their body's name key
            (entry, name_key(str(entry.facts.get("body") or ""))) for entry in reference.meetings
        ]

    # -- shared ------------------------------------------------------------------------
    def _entity(self, kind: str, key: str, label: str, entry: ReferenceEntry | None) -> Entity:
        entity = self.kb.entities.get((kind, key))
        if entity is None:
            entity = Entity(
                kind,
                key,
                entry.label if entry else label,
                entry.wikidata if entry else None,
                facts=dict(entry.facts) if entry else {},
            )
            entity.facts.pop("aliases", None)
            self.kb.entities[(kind, key)] = entity
            self._of_kind[kind].append(entity)
        return entity

    def _attach(self, entity: Entity, doc: Document, span: Span) -> None:
        evidence = Evidence(doc.meta.slug, span)
        key = (entity.kind, entity.key)
        if (key, evidence) not in self._attached:
            self._attached.add((key, evidence))
            entity.aliases.add(POSSESSIVE.sub("", normalise_space(span.text)))  # a name
            entity.evidence.append(evidence)
            self._evidence_in[doc.meta.slug].append((span, key))

    def person(self, name: str) -> Entity:
        """The person entity for a name, created if new.

        A full name links to a reference person only when its given names or initials
        agree ("J. Stalin" is Joseph Stalin; "Bruno Bauer" is not Otto Bauer). A surname
        alone is the full name this document gives with that surname, else the reference
        person it names, else the one person of the corpus with that surname. A person
        not in the reference data is identified by surname and first initial, and
        labelled with the fullest form the texts print.
        """
        given, surname = given_and_surname(name)
        if not given and self._doc_full_names.get(surname, name) != name:
            return self.person(self._doc_full_names[surname])
        entry = self._lookup["persons"].get(spelling_key(name))
        if entry is None:
            entry = self._lookup["persons"].get(spelling_key(surname))
            if entry is not None and given and not same_given(given, entry):
                entry = None
        if entry is not None:
            return self._entity("person", name_key(entry.label), entry.label, entry)
        if not given and self.corpus_full_names.get(surname, name) != name:
            return self.person(self.corpus_full_names[surname])
        key = spelling_key(f"{surname}|{given[0][0]}" if given else surname)
        entity = self._entity("person", key, name, None)
        if len(name) > len(entity.label):
            entity.label = name
        return entity

    def organization(self, name: str) -> Entity:
        quoted = name.strip('“”"')
        bare = re.sub(r"^(?:the|The)\s+", "", quoted)
        lookup = self._lookup["organizations"]
        entry = lookup.get(name_key(bare)) or lookup.get(name_key(quoted))  # "The Bell"
        label = entry.label if entry else bare
        return self._entity("organization", name_key(label), label, entry)

    # -- one document ----------------------------------------------------------------
    def add(self, doc: Document, extraction: Extraction) -> None:
        self.kb.documents.append(doc)
        self._doc_full_names = full_names_by_surname(m.name for m in extraction.persons)
        # an author that is a body (a resolution's Executive Committee) is no person; the
        # data model's authors and claim holders are persons, so it is left unrecorded
        if doc.meta.author and (names_a_body(doc.meta.author) or self._lookup[
                "organizations"].get(name_key(name_before_note(doc.meta.author)))):
            warnings.warn(f"{doc.meta.source_file}: the author {doc.meta.author!r} is a body, "
                          "not a person: kgbuild records persons as authors, so the document "
                          "and its claims get none", InputWarning, stacklevel=2)
        elif doc.meta.author:
            author = self.person(doc.meta.author)
            self.kb.document_authors[doc.meta.slug] = ("person", author.key)
        person_spans: list[tuple[int, str]] = []
        other_names = names_given_as_aliases(doc, extraction.persons)
        for mention in extraction.persons:
            entity = self.person(other_names.get(mention.name, mention.name))
            self._attach(entity, doc, mention.evidence)
            person_spans.append((mention.evidence.start, entity.key))
        organizations: Counter[str] = Counter()
        names = {mention.name for mention in extraction.organizations}
        bracketed = _bracketed_abbreviations(doc, extraction.organizations, self._lookup)
        for mention in extraction.organizations:
            name = bracketed.get(mention.name) or _fuller_name(mention.name, names, self._lookup)
            entity = self.organization(name)
            self._attach(entity, doc, mention.evidence)
            organizations[entity.key] += 1
        self._works(doc, extraction, person_spans)
        home_party = self._home_party(organizations)
        # Meetings whose body is named come first, so that "the Fourteenth Party Congress"
        # can join "the Fourteenth Congress of the C.P.S.U.(B.)".
        for mention in sorted(extraction.meetings, key=lambda m: m.body in ("Party", None)):
            self._attach(self._meeting(doc, mention, home_party), doc, mention.evidence)
        self._resolutions(doc, extraction, home_party)
        citations = {c.evidence.start: self._citation(doc, c) for c in extraction.citations}
        self.kb.citations.extend(citations.values())
        for quotation in extraction.quotations:
            self._quotation(doc, quotation, citations, person_spans)
        for claim in extraction.dated_claims:
            self._dated_claim(doc, claim)
        for stance in extraction.stances:
            self._stance(doc, stance)

    def _stance(self, doc: Document, stance: StanceRecord) -> None:
        """Target, holder (the document's author unless the text names another) and the
        work or quotation the judged thesis comes from."""
        source: EntityRef | QuotationRecord | None = None
        if isinstance(stance.thesis_source, WorkMention):
            source = self._mentioned("work", doc, stance.thesis_source.evidence.start)
        elif isinstance(stance.thesis_source, QuotationRecord):
            source = stance.thesis_source
        self.kb.stances.append(
            ResolvedStance(
                doc.meta.slug,
                stance,
                ("person", self.person(stance.target.name).key) if stance.target else None,
                ("person", self.person(stance.holder).key)
                if stance.holder
                else self.kb.document_authors.get(doc.meta.slug),
                source,
            )
        )

    def _dated_claim(self, doc: Document, claim: DatedClaimRecord) -> None:
        """About whom or what, asserted by whom; a date the text gives an entity flows onto
        it (the first one the text gives; later, different ones stay claims)."""
        about: EntityRef | None = None
        if claim.dateline and not claim.dates_entity:
            about = ("document", doc.meta.slug)
        elif claim.about is not None:
            kind = KIND_OF_MENTION[type(claim.about).__name__]
            about = self._mentioned(kind, doc, claim.about.evidence.start)
        if claim.dates_entity and about in self.kb.entities:
            # a meeting's or work's date: the first day of a span ("March 27-April 2, 1922")
            first = claim.date.iso.split("/")[0] if claim.date.precision == "range" else None
            entity = self.kb.entities[about]
            # a year the text leaves to be inferred ("26 Jul") yields to the reference data's
            guessed = not re.search(r"\d{4}", claim.date_text) and entity.facts.get("start_date")
            if (date := first or certain_part(claim.date)) and not guessed:
                _date_in_text(entity.facts, date)
                if claim.also_dates is not None:
                    own = self._mentioned("work", doc, claim.also_dates.evidence.start)
                    if own in self.kb.entities:
                        _date_in_text(self.kb.entities[own].facts, date)
        start = claim.evidence.start
        quoted = [
            q
            for q in self._quotations_in[doc.meta.slug]
            if q.record.evidence.start <= start < q.record.evidence.end
        ]
        asserted_by = quoted[-1].speaker if quoted else self.kb.document_authors.get(doc.meta.slug)
        self.kb.claims.append(ResolvedClaim(doc.meta.slug, claim, about, asserted_by))

    def _mentioned(self, kind: str, doc: Document, start: int) -> EntityRef | None:
        """The entity of a kind that has evidence starting at a raw offset of a document."""
        for span, key in self._evidence_in[doc.meta.slug]:
            if key[0] == kind and span.start == start:
                return key
        return None

    def _work_entry(self, title: str) -> ReferenceEntry | None:
        """The reference work of a title; an edition named with its owner, "Collected Works
        (Lenin)", is the reference edition of that name whose author has that surname
        ("Collected Works of V. I. Lenin"), not a second node beside it."""
        if entry := self._lookup["works"].get(name_key(title)):
            return entry
        owned = EDITION_OWNER.fullmatch(title)
        if owned is None:
            return None
        surname = name_key(owned.group("owner").split()[-1])
        return next((entry for entry in self.reference.works
                     if entry.facts.get("genre") == "edition"
                     and name_key(owned.group("name")) in map(name_key, entry.names)
                     and name_key(str(entry.facts.get("author") or "").split(" ")[-1]) == surname),
                    None)

    def _work_named(self, title: str) -> EntityRef | None:
        entry = self._work_entry(title)
        key = (
            "work",
            name_key(entry.label if entry else title.replace("“", '"').replace("”", '"')),
        )
        return key if key in self.kb.entities else None

    def _edition(self, doc: Document, citation: CitationRecord) -> EntityRef | None:
        """The edition a volume reference points into: named, or the document's default; a
        periodical's numbered issue ("Inprecorr, Vol. 6, No. 44") is in no edition: a journal
        is an organization, not a work."""
        if citation.volume is None or citation.issue is not None:
            return None
        title = citation.edition or doc.meta.cited_edition
        if not title:
            return None
        entry = self._work_entry(title)
        entity = self._entity("work", name_key(entry.label if entry else title), title, entry)
        return ("work", entity.key)

    def _citation(self, doc: Document, citation: CitationRecord) -> ResolvedCitation:
        cites = None
        if citation.cites:
            resolutions = [
                key
                for span, key in self._evidence_in[doc.meta.slug]
                if key[0] == "resolution"
                and span.start <= citation.evidence.start + len("see ") < span.end + 1
            ]
            if citation.cites.startswith("the "):
                resolutions = [self._previous("resolution", doc, citation.evidence.start)]
            cites = (
                resolutions[0]
                if resolutions and resolutions[0]
                else self._work_named(citation.cites)
            )
        return ResolvedCitation(doc.meta.slug, citation, self._edition(doc, citation), cites)

    def _previous(self, kind: str, doc: Document, offset: int) -> EntityRef | None:
        """The entity of a kind named last before a raw offset of a document."""
        best: tuple[int, EntityRef] | None = None
        for span, key in self._evidence_in[doc.meta.slug]:
            if key[0] == kind and span.start < offset and (best is None or span.start > best[0]):
                best = (span.start, key)
        return best[1] if best else None

    def _quotation(
        self,
        doc: Document,
        quotation: QuotationRecord,
        citations: dict[int, ResolvedCitation],
        person_spans: list[tuple[int, str]],
    ) -> None:
        """Speaker and source: as attributed, else the quoted work's author, else the
        author of the edition the citation points into."""
        citation = citations.get(quotation.citation.evidence.start) if quotation.citation else None
        speaker = source = None
        if quotation.speaker:
            speaker = ("person", self.person(quotation.speaker).key)
        if quotation.source_work:
            source = self._work_named(quotation.source_work)
        elif quotation.source_resolution:
            source = self._mentioned("resolution", doc, quotation.source_resolution.evidence.start)
        elif quotation.source_meeting:
            source = self._previous("meeting", doc, quotation.source_meeting.evidence.end)
        if source is None and citation is not None:
            source = citation.cites
        if speaker is None and source and source[0] == "work":
            facts = self.kb.entities[source].facts
            author = facts.get("author_key") or self._author_key(
                doc, quotation.source_author, quotation.evidence.start, person_spans
            )
            if author is None and facts.get("author"):
                author = self.person(str(facts["author"])).key
            speaker = ("person", author) if author else None
        if speaker is None and source is None and citation and citation.edition:
            author_label = self.kb.entities[citation.edition].facts.get("author")
            speaker = ("person", self.person(str(author_label)).key) if author_label else None
        resolved = ResolvedQuotation(doc.meta.slug, quotation, speaker, source, citation)
        self.kb.quotations.append(resolved)
        self._quotations_in[doc.meta.slug].append(resolved)

    def _works(
        self, doc: Document, extraction: Extraction, person_spans: list[tuple[int, str]]
    ) -> None:
        for mention in extraction.works:
            title = _without_stray_marks(mention.title)
            entry = self._work_entry(title)
            label = entry.label if entry else title.replace("“", '"').replace("”", '"')
            entity = self._entity("work", self._work_key(label), label, entry)
            self._attach(entity, doc, mention.evidence)
            author_key = self._author_key(doc, mention.author, mention.evidence.start,
                                          person_spans, mention.evidence.end)
            if author_key and "author_key" not in entity.facts:
                entity.facts["author_key"] = author_key
            # What the text calls the work ("my pamphlet") wins over the reference data.
            if mention.genre and not entity.facts.get("genre_in_text"):
                entity.facts["genre_in_text"] = mention.genre
            if mention.published:  # a note's imprint dates the work it cites
                _date_in_text(entity.facts, mention.published)

    def _work_key(self, label: str) -> str:
        """A title printed with or without its article is one work ("N. Lenin, Party Crisis,
        1921" under the heading "The Party Crisis"): the key of the one already known."""
        key = name_key(label)
        bare = re.sub(r"^(?:the|a|an) ", "", key)
        for other in (bare, f"the {bare}"):
            if other != key and ("work", other) in self.kb.entities:
                return other
        return key

    def _author_key(
        self,
        doc: Document,
        author: str | None,
        offset: int,
        person_spans: list[tuple[int, str]],
        title_end: int | None = None,
    ) -> str | None:
        if author == AUTHOR_SELF:
            return self.kb.document_authors.get(doc.meta.slug, (None, None))[1]
        if author == AUTHOR_PRONOUN:
            # "In his book X (1978), Furet suggested …": a person of the same sentence (the
            # one named last before the title, else the first after it), else the one named
            # last before
            first, last = sentence_bounds(doc.raw, offset, offset)
            before = [key for start, key in person_spans if start < offset]
            after = [key for start, key in person_spans if (title_end or offset) <= start < last]
            in_sentence = [key for start, key in person_spans if first <= start < offset]
            if in_sentence:
                return in_sentence[-1]
            return after[0] if after else (before[-1] if before else None)
        if author:
            return self.person(author).key
        return None


# "Julius Martov (born Yuliy Osipovich Tsederbaum", "Obolensky (who worked under the party
# pseudonym Nikolai Osinsky)": what comes between a name and the next ends with one of these
ALIAS_CUE = re.compile(rf"\b(?:{alternation('alias_cues')})[ \t]*:?[ \t]*$")
SENTENCE_END = re.compile(r"[.!?][ \t]+[A-Z]")


def names_given_as_aliases(doc: Document, mentions: list[PersonMention]) -> dict[str, str]:
    """The names a text gives as another name of the person just named (a birth name, a
    pseudonym), each with the name it stands for: one person, not two."""
    ordered = sorted(mentions, key=lambda m: m.evidence.start)
    aliases: dict[str, str] = {}
    for before, after in pairwise(ordered):
        between = doc.raw[before.evidence.end : after.evidence.start]
        if (len(between) <= 160 and "\n" not in between and after.name != before.name
                and ALIAS_CUE.search(between) and not SENTENCE_END.search(between)):
            aliases.setdefault(after.name, aliases.get(before.name, before.name))
    return aliases


def _without_stray_marks(title: str) -> str:
    """A title without a closing quote or bracket it never opened, nor a note mark after it
    ("Theses on the United Front’", "Front and Rear in War of the Future"·")."""
    title = title.rstrip(" ·•*†")
    for opening, closing in ("‘’", "“”", "[]", "()"):
        if title.endswith(closing) and title.count(opening) < title.count(closing):
            title = title[:-1]
    if title.endswith('"') and title.count('"') % 2:
        title = title[:-1]
    return title.rstrip()


def _bracketed_abbreviations(
    doc: Document, mentions: list[OrganizationMention],
    lookup: dict[str, dict[str, ReferenceEntry]],
) -> dict[str, str]:
    """An abbreviation in brackets right after an organization's name is that
    organization's wherever the document prints it, in whatever language ("the United
    Communist Party of Germany (U.K.P.D.)", "the Communist Labour Party of Germany
    (K.A.P.D.)"); not one the reference data knows as another's."""
    ordered = sorted(mentions, key=lambda m: m.evidence.start)
    abbreviations: dict[str, str] = {}
    for named, bracket in pairwise(ordered):
        if (doc.raw[named.evidence.end:bracket.evidence.start].strip() == "("
                and doc.raw[bracket.evidence.end:bracket.evidence.end + 1] == ")"
                and BRACKETED_ABBREVIATION.fullmatch(bracket.name)
                and not BRACKETED_ABBREVIATION.fullmatch(named.name)
                and name_key(bracket.name) not in lookup["organizations"]):
            abbreviations.setdefault(bracket.name, named.name)
    return abbreviations


def _fuller_name(name: str, names: set[str], lookup: dict[str, dict[str, ReferenceEntry]]
                 ) -> str:
    """A body named short that the same document names in full ("the Executive Committee"
    after "the Central Executive Committee of the Soviet Union") is the one named in full,
    when it is the only one; a name the reference data knows is so only when the text names
    it with its owner ("the Central Committee" after "the Central Committee of the RSDLP"),
    else it keeps its entry."""
    words = name.split()
    if len(words) < 2 or words[-1] not in word_set("subordinate_body_words"):
        return name  # a party or a periodical may be another one of its kind
    if name_key(name) in lookup["organizations"]:
        fuller = [other for other in names if other.startswith(f"{name} of ")]
    else:
        pattern = re.compile(rf"(?<!\S){re.escape(name)}(?!\S)")
        fuller = [other for other in names if other != name and pattern.search(other)]
    return fuller[0] if len(fuller) == 1 else name


def resolve(
    documents: list[tuple[Document, Extraction]], reference: ReferenceData
) -> KnowledgeBase:
    """Resolve the extractions of all documents into one knowledge base."""
    resolver = Resolver(reference)
    # a surname alone may stand for a full name another document gives, whatever the order
    resolver.corpus_full_names = full_names_by_surname(
        m.name for _, extraction in documents for m in extraction.persons
    )
    for doc, extraction in documents:
        resolver.add(doc, extraction)
    return resolver.kb


def _date_in_text(facts: dict[str, object], date: str) -> None:
    """The first date the text gives an entity is its date; a later one of the same year
    that says more ("(1921)", then "(July 1921)"; the pamphlet's year, then the day it was
    delivered) makes it more precise, a different one stays a claim."""
    known = facts.get("date_in_text")
    if known is None or (date.startswith(str(known)) and len(date) > len(str(known))):
        facts["date_in_text"] = date
