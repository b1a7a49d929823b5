"""How the site's pages name things, read from ``labels.json``: the kinds of entity and
their titles, the facts an entity page shows, the headings of the records that name an
entity, the records the index counts, the class of a record's mark, the timeline's lanes."""

from __future__ import annotations

import json
from importlib import resources

from kgbuild.site.model import PREFIXES

_LABELS = json.loads((resources.files("kgbuild") / "site" / "labels.json").read_text("utf-8"))


def _expand(compact: str) -> str:
    prefix, _, local = compact.partition(":")
    return PREFIXES[prefix] + local


KIND_TITLES: dict[str, str] = dict(_LABELS["kinds"])  # kind → the title of its listing
KIND_ORDER = tuple(KIND_TITLES)
FACTS = {_expand(prop): name for prop, name in _LABELS["facts"]}  # property → its name
# (heading, record types, the kgo: property linking the record to the entity)
RELATED: tuple[tuple[str, tuple[str, ...], str], ...] = tuple(
    (heading, tuple(types), prop) for heading, types, prop in _LABELS["related"])
COUNTED_RECORDS: tuple[tuple[str, str], ...] = tuple(map(tuple, _LABELS["counted_records"]))
RECORD_MARKS: dict[str, str] = _LABELS["record_marks"]  # record type → its mark's class
LANES: tuple[tuple[str, str], ...] = tuple(map(tuple, _LABELS["lanes"]))  # timeline lanes
