"""The dataset a build publishes, as its publisher describes it (``kgbuild.toml``).

A corpus folder may hold a ``kgbuild.toml`` whose ``[dataset]`` table names the dataset
and says what only its publisher can: title, description, license, creator, version and
the date it was created. ``void.ttl`` states what is given and nothing else: a build
without a project file claims no license, creator or date for its user's data.

    [dataset]
    name = "speeches-1917"            # the dataset's IRI: {base}dataset/speeches-1917
    title = "Speeches of 1917"
    license = "https://creativecommons.org/licenses/by/4.0/"
    creator = "A. Historian"
    version = "1.0"
    created = 2026-11-30
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kgbuild.document import InputError
from kgbuild.rdf.iris import dataset_iri

PROJECT_FILE = "kgbuild.toml"
NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
# {base}dataset/<these>/… are the unnamed dataset's own IRIs (graphs, partitions, dumps)
RESERVED_NAMES = frozenset({"graph", "class", "property", "distribution"})
TEXT_FIELDS = ("title", "description", "creator", "version")


@dataclass(frozen=True)
class DatasetInfo:
    """What the publisher says of the dataset; None where the project file says nothing."""

    name: str | None = None
    title: str | None = None
    description: str | None = None
    license: str | None = None
    creator: str | None = None
    version: str | None = None
    created: str | None = None  # ISO 8601 date

    def iri(self, base: str) -> str:
        return dataset_iri(base, self.name)


def read_project(path: Path) -> DatasetInfo:
    """The ``[dataset]`` table of a project file; InputError names what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read the project file ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a TOML file ({error})") from None
    table = data.get("dataset")
    if not isinstance(table, dict):
        raise InputError(f"{path}: no [dataset] table")
    strings = ("name", *TEXT_FIELDS, "license")
    unknown = sorted(set(table) - {*strings, "created"})
    if unknown:
        raise InputError(f"{path}: [dataset] has unknown key(s) {', '.join(unknown)} "
                         f"(known: {', '.join(strings)}, created)")
    values: dict[str, str] = {}
    for key in strings:
        if key in table:
            if not isinstance(table[key], str) or not table[key].strip():
                raise InputError(f"{path}: [dataset] {key} must be a non-empty string")
            values[key] = table[key].strip()
    if values.get("name") in RESERVED_NAMES:
        raise InputError(f"{path}: [dataset] name {values['name']!r} is taken by the IRIs of "
                         f"the description (not one of {', '.join(sorted(RESERVED_NAMES))})")
    if "name" in values and not NAME.fullmatch(values["name"]):
        raise InputError(f"{path}: [dataset] name {values['name']!r} must be lower-case "
                         "letters, digits and hyphens (it ends the dataset's IRI)")
    if "license" in values and not re.fullmatch(r"https?://\S+", values["license"]):
        raise InputError(f"{path}: [dataset] license must be the license's IRI "
                         "(e.g. https://creativecommons.org/licenses/by/4.0/)")
    if "created" in table:
        values["created"] = _iso_date(table["created"], path)
    return DatasetInfo(**values)


def _iso_date(value: object, path: Path) -> str:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise InputError(f"{path}: [dataset] created must be a date (created = 2026-11-30)")


def default_name(inputs: Sequence[Path]) -> str | None:
    """A dataset's name when its project file gives none: the name of the folder holding
    its texts ("speeches-1917/" → "speeches-1917"), so that builds of different folders are
    different datasets; None for texts from several folders."""
    folder = _folder(inputs)
    if folder is None:
        return None
    name = re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-")[:63]
    return name if NAME.fullmatch(name) and name not in RESERVED_NAMES else None


def find_project(inputs: Sequence[Path]) -> Path | None:
    """The project file of the folder that holds the inputs, if there is one."""
    folder = _folder(inputs)
    candidate = folder / PROJECT_FILE if folder else None
    return candidate if candidate and candidate.is_file() else None


def _folder(inputs: Sequence[Path]) -> Path | None:
    """The one folder that holds the inputs (a folder given as input: that folder)."""
    folders = {(path if path.is_dir() else path.parent).resolve() for path in inputs}
    return folders.pop() if len(folders) == 1 else None
