"""Linking meeting mentions to meetings: by ordinal, kind and convening body, by the name
the reference data knows, or by a month ("the April Plenum"); the body a text calls "the
Party" is its most often named party.

A mixin of ``resolve.Resolver``: it reads the resolver's entities and reference lookups.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from kgbuild.document import Document, Span
from kgbuild.extract.patterns import ORDINAL, ORDINALS, normalise_space
from kgbuild.knowledge import Entity, EntityRef, KnowledgeBase
from kgbuild.lexicon import word_set, words
from kgbuild.names import GENERIC_BODIES, PARTY_ABBREVIATION, names_a_party
from kgbuild.records import MeetingMention
from kgbuild.reference import ReferenceEntry, name_key

# "the Fifth …", "the 5th …", "the V …": the ordinal a name starts with
LEADING_ORDINAL = re.compile(rf"^(?:the\s+)?(?:{ORDINAL}|[IVX]{{1,5}}(?:th|\.)?)\s+", re.I)
MONTHS = {month: number for number, month in enumerate(words("months"), start=1)}
ORDINAL_WORDS = {number: word.capitalize() for word, number in ORDINALS.items()}


class MeetingLinking:
    """Which meeting a mention names (mixed into ``Resolver``, whose ``organization``,
    ``_entity`` and ``_attach`` it calls)."""

    kb: KnowledgeBase
    _lookup: dict[str, dict[str, ReferenceEntry]]
    _of_kind: defaultdict[str, list[Entity]]
    _meetings_by_name: dict[str, ReferenceEntry]
    _meeting_bodies: list[tuple[ReferenceEntry, str]]
    _evidence_in: defaultdict[str, list[tuple[Span, EntityRef]]]

    def _home_party(self, organizations: Counter[str]) -> Entity | None:
        """The party a text calls "the Party": its most often named party organization."""
        parties = [key for key, _ in organizations.most_common() if self._is_party(key)]
        return self.kb.entities[("organization", parties[0])] if parties else None

    def _body(self, body: str | None, home_party: Entity | None) -> Entity | None:
        """The convening body; a bare generic word ("a Plenum of the Executive") names
        none unless the reference data knows it."""
        if body is None:
            return None
        if body == "Party":
            return home_party
        if body in GENERIC_BODIES and name_key(body) not in self._lookup["organizations"]:
            return None
        if _class_of_bodies(body) and name_key(body) not in self._lookup["organizations"]:
            return None
        return self.organization(body)

    def _meeting(self, doc: Document, mention: MeetingMention, home_party: Entity | None) -> Entity:
        if not mention.ordinal and (named := self._named_before(doc, mention)):
            return named
        if mention.body in ("Party", None) and mention.ordinal:
            # "the Fourteenth Party Congress", "the Fifth Congress", "the Fifth World
            # Congress": the one meeting of that kind and number the text names with its body
            same = [
                e
                for e in self._entities_with(
                    "meeting", {"kind": mention.kind, "ordinal": mention.ordinal}
                )
                if mention.body is None or self._is_party(e.facts.get("body_key"))
            ]
            if len(same) == 1:
                if name_words := _name_words(mention):
                    same[0].facts.setdefault("words", name_words)
                return same[0]
        if not mention.ordinal and mention.qualifier and mention.body is None:
            # "the Trade-Union Congress" after "the Fourth Trade-Union Congress"
            same = self._entities_with(
                "meeting", {"kind": mention.kind, "words": mention.qualifier}
            )
            if len(same) == 1:
                return same[0]
        body = self._body(mention.body, home_party)
        if body is not None and mention.body:
            self._attach_body(doc, mention, body)
        # a name the reference data knows as printed ("Second Congress of Soviets of the
        # U.S.S.R.") says which meeting, and so which body, it is
        printed = mention.name or normalise_space(mention.evidence.text)
        printed = re.sub(r"^(?:the|a|an)\s+", "", printed, flags=re.I)
        named = self._meetings_by_name.get(name_key(printed)) or self._meetings_by_name.get(
            name_key(_ordinal_in_words(printed))  # "1st Congress of Soviets of the Union …"
        )
        if named is None and mention.ordinal:
            named = self._reference_meeting_by_prefix(mention)
        if named is not None and named.facts.get("body"):
            body = self.organization(str(named.facts["body"]))
        body_key = body.key if body else (mention.body or "")
        entry = named or self._reference_meeting(doc, mention, body)
        if mention.ordinal:
            key = f"{mention.kind}|{mention.ordinal}|{body_key}"
            name_words = _name_words(mention)
            if name_words:
                key += f"|{name_words}"
            # "Party" only where the text says it ("the Tenth Party Congress")
            label = (
                f"{ORDINAL_WORDS.get(mention.ordinal, str(mention.ordinal))} "
                f"{f'{name_words} ' if name_words else ''}"
                f"{'Party ' if mention.body == 'Party' else ''}{mention.kind}"
                f"{f' of the {mention.body}' if mention.body not in (None, 'Party') else ''}"
            )
        else:
            key = f"{mention.kind}|{mention.qualifier or ''}|{body_key}"
            label = re.sub(r"^(?:the|a|an|last)\s+", "", normalise_space(mention.evidence.text))
        if entry is not None:
            key = f"{entry.facts['kind']}|{entry.facts.get('ordinal') or entry.label}|{body_key}"
        entity = self._entity("meeting", key, label, entry)
        entity.facts.setdefault("kind", mention.kind)
        if mention.ordinal:
            entity.facts.setdefault("ordinal", mention.ordinal)
            if name_words := _name_words(mention):
                entity.facts.setdefault("words", name_words)
        if body is not None:
            entity.facts["body_key"] = body.key
        return entity

    def _named_before(self, doc: Document, mention: MeetingMention) -> Entity | None:
        """"the All-Russia Congress of Soviets" after "the Fifth All-Russia Congress of
        Soviets": the one meeting this text named earlier with the same words after its
        ordinal."""
        printed = _loose(mention.name or mention.evidence.text)
        same = {
            key
            for span, key in self._evidence_in[doc.meta.slug]
            if key[0] == "meeting"
            and span.start < mention.evidence.start
            and self.kb.entities[key].facts.get("ordinal")
            and _loose(LEADING_ORDINAL.sub("", span.text)) == printed
        }
        return self.kb.entities[same.pop()] if len(same) == 1 else None

    def _reference_meeting_by_prefix(self, mention: MeetingMention) -> ReferenceEntry | None:
        """"the 10th All-Russian Congress of the Soviet Republic": the one reference meeting
        of this kind and number whose name has the same qualifying word ("All-Russian",
        "All-Union") and shares a word with the body the text names ("Soviet"), not "the
        First All-Russian Congress of Workers’ and Peasants’ Youth Leagues"."""
        series = {w for w in mention.name.split() if w in word_set("meeting_series_words")}
        if not series:
            return None

        def stems(text: str) -> set[str]:
            return {w.casefold().rstrip("s") for w in re.findall(r"[A-Za-z]{3,}", text)}

        body = stems(mention.body or "")
        same = [
            entry
            for entry, _ in self._meeting_bodies
            if entry.facts.get("kind") == mention.kind
            and entry.facts.get("ordinal") == mention.ordinal
            and series <= set(entry.label.split())
            and (not body or body & stems(entry.label))
        ]
        return same[0] if len(same) == 1 else None

    def _named_meeting(self, label: str) -> Entity | None:
        """The meeting entity of the corpus that is the reference meeting of this label."""
        return next(
            (e for e in self._of_kind["meeting"] if label and e.label == label), None
        )

    def _entities_with(self, kind: str, facts: dict[str, Any]) -> list[Entity]:
        return [
            e for e in self._of_kind[kind] if all(e.facts.get(k) == v for k, v in facts.items())
        ]

    def _is_party(self, org_key: str | None) -> bool:
        """A party, as the reference data says, else by its name: "the Communist Party of
        Germany", "C.P.G.", "R.C.P.(B.)" (not "the Central Committee of the Party")."""
        entity = self.kb.entities.get(("organization", org_key or ""))
        if entity is None:
            return False
        if entity.facts.get("kind"):
            return entity.facts["kind"] == "party"
        return bool(PARTY_ABBREVIATION.search(entity.label)) or names_a_party(entity.label)

    def _attach_body(self, doc: Document, mention: MeetingMention, body: Entity) -> None:
        """The body named inside a meeting's name ("… of the Comintern") is a mention too."""
        assert mention.body is not None
        span = mention.evidence
        at = span.text.rfind(mention.body)
        if at >= 0 and mention.body != "Party":
            start = span.start + at
            self._attach(
                body, doc, Span(start, start + len(mention.body), mention.body, doc.line_of(start))
            )

    def _reference_meeting(
        self, doc: Document, mention: MeetingMention, body: Entity | None
    ) -> ReferenceEntry | None:
        """The reference meeting with this kind, body and ordinal (or month qualifier)."""
        if body is None:
            return None
        body_key = name_key(body.label)
        candidates = [
            e
            for e, key in self._meeting_bodies
            if e.facts.get("kind") == mention.kind and key == body_key
        ]
        if mention.ordinal:
            return next((e for e in candidates if e.facts.get("ordinal") == mention.ordinal), None)
        if mention.qualifier is None and len(doc.meta.date or "") >= 7:
            # "the plenary session of the ECCI" in a text of the month that plenum met
            month_of_text = str(doc.meta.date)[:7]
            same = [e for e in candidates
                    if str(e.facts.get("start_date") or "").startswith(month_of_text)]
            return same[0] if len(same) == 1 else None
        month = MONTHS.get(mention.qualifier or "")
        if month is None:
            return None
        in_month = sorted(
            (
                e
                for e in candidates
                if _month(e.facts.get("start_date")) == month
                and (not doc.meta.date or str(e.facts.get("start_date")) <= doc.meta.date)
            ),
            key=lambda e: str(e.facts.get("start_date")),
        )
        return in_month[-1] if in_month else None


def _class_of_bodies(body: str) -> bool:
    """A congress "of Russian Trade Unions" or "of Workers’ and Peasants’ Youth Leagues" is
    one of many bodies of a kind, none of them named: a plural body word ("Unions",
    "Leagues") with no "of" (the Soviets, a body of power the reference data knows, stay)."""
    head = body.split()[-1]
    return " of " not in body and head.endswith("s") and (
        head in word_set("generic_body_heads")
        or head[:-1] in word_set("organization_body_words"))


def _loose(name: str) -> str:
    """A meeting's name for comparison without articles ("All-Russian Congress of the
    Soviets" is "All-Russian Congress of Soviets")."""
    return re.sub(r"\b(?:the|a|an)\s+", "", name_key(normalise_space(name)))


def _ordinal_in_words(name: str) -> str:
    """ "1st Congress of Soviets …" → "First Congress of Soviets …"."""
    numeral = re.match(r"(\d{1,2})(?:st|nd|rd|th)\b", name)
    if numeral is None:
        return name
    word = next((w for w, n in ORDINALS.items() if n == int(numeral.group(1))), None)
    return word.capitalize() + name[numeral.end():] if word else name


def _name_words(mention: MeetingMention) -> str | None:
    """The words a meeting is named with besides its ordinal ("Trade-Union" of "the Fourth
    Trade-Union Congress"); a month ("the Seventh (April) Conference") is no name."""
    return mention.qualifier if mention.qualifier not in (None, *MONTHS) else None


def _month(date: object) -> int | None:
    match = re.match(r"\d{4}-(\d{2})", str(date or ""))
    return int(match.group(1)) if match else None
