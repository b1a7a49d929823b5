"""Grouping resolution mentions into resolutions: by title, by topic, by meeting; each
labelled as the text names it ("Decision", "Theses") or as the reference data knows it,
with its meeting, the body that adopted it where no meeting is named, and its date.

A mixin of ``resolve.Resolver``: it reads the resolver's entities and reference lookups.
"""

from __future__ import annotations

from typing import Any

from kgbuild.document import Document
from kgbuild.extract.patterns import normalise_space
from kgbuild.knowledge import Entity
from kgbuild.lexicon import word_set
from kgbuild.records import Extraction
from kgbuild.reference import name_key


class ResolutionLinking:
    """Which resolution a mention names (mixed into ``Resolver``, whose ``_meeting``,
    ``_named_meeting``, ``_mentioned``, ``_entity`` and ``_attach`` it calls)."""

    def _resolutions(
        self, doc: Document, extraction: Extraction, home_party: Entity | None
    ) -> None:
        """Group resolution mentions: by title prefix, then by meeting and topic."""
        groups: list[dict[str, Any]] = []
        for mention in extraction.resolutions:
            meeting = self._meeting(doc, mention.meeting, home_party) if mention.meeting else None
            group = _matching_group(groups, mention.title, mention.topic, meeting)
            if group is None:
                group = {
                    "title": mention.title,
                    "topic": mention.topic,
                    "meeting": meeting,
                    "spans": [],
                }
                groups.append(group)
            group["spans"].append(mention.evidence)
            for field_name, value in (("title", mention.title), ("topic", mention.topic)):
                if value and len(value) > len(group[field_name] or ""):
                    group[field_name] = value
            group["meeting"] = group["meeting"] or meeting
            if mention.body and not group.get("body"):  # "the decision of the C.C.": no meeting
                group["body"] = self._mentioned("organization", doc, mention.body.evidence.start)
            group["date"] = group.get("date") or mention.date
            group.setdefault("head", _head(mention.evidence.text))
            # "Resolution on the Report of …", capitalised as a name, is named so, without its
            # meeting (not "adopted resolutions on the approval of …")
            printed = normalise_space(mention.evidence.text)
            named = bool(mention.topic) and printed.startswith(f"{group['head']} {mention.topic}")
            group["named"] = group.get("named") or named
        for group in groups:
            meeting = group["meeting"]
            label = group["title"] or " ".join(
                part
                for part in (
                    group["head"],
                    f"of the {meeting.label}" if meeting and not group["named"] else None,
                    group["topic"],
                )
                if part
            )
            # a resolution the reference data knows is one resolution, whatever the text
            # says of its meeting; its meeting is the one it names, if the texts name it
            # (by its title, label, or topic alone: "resolution of the Tenth Congress on Party
            # unity" is "Resolution on Party Unity")
            topic = group["topic"]
            names = (group["title"] or label, f"Resolution {topic}" if topic else None, topic)
            entry = next((self._lookup["resolutions"][name_key(n)] for n in names
                          if n and name_key(n) in self._lookup["resolutions"]), None)
            if entry is not None:
                label = entry.label
                if entry.facts.get("adopted_at"):  # the reference data knows, not the guess
                    meeting = self._named_meeting(str(entry.facts["adopted_at"]))
            # one named only "the resolutions" or "the motion" is this text's own one, not every
            # text's
            owner = meeting.key if meeting else "" if group["title"] or topic else (
                f"{doc.meta.slug}#{group['spans'][0].start}")
            key = name_key(label if entry else f"{owner}|{label}")
            entity = self._entity("resolution", key, label, entry)
            if group["title"]:
                entity.facts["title"] = group["title"]
            if meeting is not None:
                entity.facts["meeting_key"] = meeting.key
            elif group.get("body"):
                entity.facts["body_key"] = group["body"][1]
            if group.get("date"):
                entity.facts["date_in_text"] = group["date"]
            for span in group["spans"]:
                self._attach(entity, doc, span)


def _head(printed: str) -> str:
    """What a resolution is called where the text names it ("Decision", "Resolutions",
    "Theses", the first such word printed), else "Resolution"."""
    heads = (w for w in (word.capitalize() for word in printed.split())
             if w in word_set("resolution_heads"))  # "the Comintern's theses": Theses
    return next(heads, "Resolution")


def _matching_group(
    groups: list[dict[str, Any]], title: str | None, topic: str | None, meeting: Entity | None
) -> dict[str, Any] | None:
    """The group a resolution mention belongs to, or None for a new resolution."""

    def prefix_of(a: str | None, b: str | None) -> bool:
        """Whether one names the other shorter, in any case ("on the Role of the Party", "on
        the role of the party in the revolution")."""
        a, b = (a or "").casefold(), (b or "").casefold()
        return bool(a and b and (a.startswith(b) or b.startswith(a)))

    for group in groups:
        if prefix_of(title, group["title"]) or prefix_of(topic, group["topic"]):
            return group
    if title or topic:
        return None
    same_meeting = [g for g in groups if meeting is not None and g["meeting"] is meeting]
    return same_meeting[0] if len(same_meeting) == 1 else None
