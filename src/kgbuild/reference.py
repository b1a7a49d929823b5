"""Reference data: known persons, organizations, works, meetings and resolutions.

It lives in JSON files (``src/kgbuild/data/`` by default). It helps extraction find and
name entities, but is never the only way an entity is found: an empty ReferenceData still
builds a graph from the text's own patterns.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kgbuild.document import InputError

KINDS = ("persons", "organizations", "works", "meetings", "resolutions")
REQUIRED = {
    "persons": ("label",),
    "organizations": ("label",),
    "works": ("label",),
    "meetings": ("label", "kind"),
    "resolutions": ("label",),
}


@dataclass(frozen=True)
class ReferenceEntry:
    """One known entity: canonical label, aliases, Wikidata id and kind-specific facts."""

    kind: str
    label: str
    aliases: tuple[str, ...]
    wikidata: str | None
    facts: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass
class ReferenceData:
    persons: list[ReferenceEntry] = field(default_factory=list)
    organizations: list[ReferenceEntry] = field(default_factory=list)
    works: list[ReferenceEntry] = field(default_factory=list)
    meetings: list[ReferenceEntry] = field(default_factory=list)
    resolutions: list[ReferenceEntry] = field(default_factory=list)

    def entries(self, kind: str) -> list[ReferenceEntry]:
        entries: list[ReferenceEntry] = getattr(self, kind)
        return entries

    def lookup(self, kind: str) -> dict[str, ReferenceEntry]:
        """Every label and alias of a kind, folded with ``name_key`` (persons' names with
        ``spelling_key``), to its entry."""
        key = spelling_key if kind == "persons" else name_key
        table: dict[str, ReferenceEntry] = {}
        for entry in self.entries(kind):
            for name in entry.names:
                table.setdefault(key(name), entry)
        return table


def name_key(name: str) -> str:
    """Fold a name for comparison: case, curly quotes, spacing and punctuation spacing."""
    folded = name.replace("’", "'").replace("“", '"').replace("”", '"').replace("‘", "'")
    return " ".join(folded.casefold().split())


# Transliterations of one Russian name that editions of the period print differently:
# "Ilyitch"/"Ilyich", "Zinovieff"/"Zinoviev", "Trotzky"/"Trotsky", "Grigory"/"Grigori".
SPELLINGS = (
    (re.compile(r"tch"), "ch"),
    (re.compile(r"tz"), "ts"),
    (re.compile(r"ff\b"), "v"),
    (re.compile(r"(?<=\w\w)(?:iy|ij|y)\b"), "i"),
    (re.compile(r"\bye(?=\w\w)"), "e"),
    (re.compile(r"(?<=l)y(?=i)"), ""),  # "Ilyich"/"Ilich"
    (re.compile(r"\bia"), "ya"),  # "Iakov"/"Yakov"
    (re.compile(r"(?<=[bcdfgklmnprstvz])ia(?=[a-z])"), "ya"),  # "Riazanov"/"Ryazanov"
    (re.compile(r"(?<=\w\w)ii\b"), "i"),  # "Preobrazhenskii"/"Preobrazhensky"
    (re.compile(r"(?<=[bcdfgklmnprstvz])j(?=[aeou])"), "i"),  # "Zinovjev"/"Zinoviev"
)


def spelling_key(name: str) -> str:
    """A person's name folded like ``name_key``, without accents ("Jaurès", "Piłsudski")
    and across transliterations."""
    key = "".join(c for c in unicodedata.normalize("NFKD", name_key(name))
                  if not unicodedata.combining(c)).replace("ł", "l")
    for pattern, replacement in SPELLINGS:
        key = pattern.sub(replacement, key)
    return key


def _entries_from(path: Path, kind: str) -> list[ReferenceEntry]:
    text = path.read_text(encoding="utf-8")
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno}: malformed JSON: {error.msg}") from error
    if not isinstance(items, list):
        raise InputError(f"{path}: line 1: expected a JSON list of entries")
    entries = []
    for index, item in enumerate(items):
        missing = [key for key in REQUIRED[kind] if not (isinstance(item, dict) and item.get(key))]
        if missing:
            raise InputError(f"{path}: entry {index + 1}: missing {', '.join(missing)}")
        facts = {k: v for k, v in item.items() if k not in ("label", "aliases", "wikidata")}
        entries.append(
            ReferenceEntry(
                kind, item["label"], tuple(item.get("aliases") or ()), item.get("wikidata"), facts
            )
        )
    return entries


def load_reference(directory: Path | None = None) -> ReferenceData:
    """Load the reference files of a directory (default: the bundled data); missing = empty."""
    base = directory or Path(str(resources.files("kgbuild") / "data"))
    data = ReferenceData()
    for kind in KINDS:
        path = base / f"{kind}.json"
        if path.exists():
            data.entries(kind).extend(_entries_from(path, kind))
    return data
