"""Saved queries: the ``queries/<name>.rq`` files, their header and parameters."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kgbuild.rdf.namespaces import PREFIXES
from kgbuild.resources import queries_dir
from kgbuild.sparql.base import QueryError


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str

    @property
    def wants_iri(self) -> bool:
        """Declared as "an IRI such as <…>": a string given for it is a mistake."""
        return re.search(r"\ban IRI\b", self.description) is not None


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path | None
    text: str
    title: str
    question: str = ""
    parameters: tuple[Parameter, ...] = ()
    network: bool = False

    @property
    def label(self) -> str:
        return str(self.path) if self.path else self.name

    @property
    def prefixes(self) -> dict[str, str]:
        """The project prefixes, overridden by the PREFIX declarations of the query itself."""
        declared = {m[1]: m[2] for m in _PREFIX_DECL.finditer(self.text)}
        return {**{name: str(ns) for name, ns in PREFIXES.items()}, **declared}


_HEADER_FIELD = re.compile(r"#[ \t]?([A-Za-z][\w-]*):[ \t]*(.*)")
_HEADER_CONTINUATION = re.compile(r"#[ \t]{2,}(\S.*)")
_PARAMETER = re.compile(r"(?:^|\s)\?([A-Za-z_][A-Za-z0-9_]*)\b")
_PREFIX_DECL = re.compile(r"(?im)^\s*PREFIX\s+([A-Za-z][\w.-]*|):\s*<([^<>\"{}|^`\\\s]*)>")
VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NAME_OR_SLUG = re.compile(r"[A-Za-z0-9][\w.-]*")


def parse_header(text: str) -> dict[str, str]:
    """The ``# key: value`` fields of the comment block a query opens with (keys lower-case)."""
    fields: dict[str, str] = {}
    key: str | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            if fields:
                break
            continue
        if not line.startswith("#"):
            break
        continuation = _HEADER_CONTINUATION.fullmatch(line)
        field_match = _HEADER_FIELD.fullmatch(line)
        if continuation and key is not None:
            fields[key] = f"{fields[key]} {continuation[1].strip()}".strip()
        elif field_match:
            key = field_match[1].lower()
            fields[key] = field_match[2].strip()
        else:
            key = None
    return fields


def parse_parameters(value: str) -> tuple[Parameter, ...]:
    """``?person the speaker ... ?other ...`` → Parameter(name, description) each."""
    if value.strip().lower() in ("", "none", "-"):
        return ()
    matches = list(_PARAMETER.finditer(value))
    parameters = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(value)
        description = value[match.end() : end].strip(" \t;,")
        parameters.append(Parameter(match[1], description))
    return tuple(parameters)


def read_query(path: Path, name: str | None = None) -> SavedQuery:
    """Read a query file; its header is optional for ad-hoc files (title = file name)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{path}: no such query file") from None
    except UnicodeDecodeError:
        raise QueryError(f"{path}: not valid UTF-8") from None
    except OSError as error:
        raise QueryError(f"{path}: cannot read: {error.strerror or error}") from None
    header = parse_header(text)
    return SavedQuery(
        name=name or path.stem,
        path=path,
        text=text,
        title=header.get("title", path.stem),
        question=header.get("question", ""),
        parameters=parse_parameters(header.get("parameters", "")),
        network=header.get("network", "no").lower().startswith("yes"),
    )


def list_queries(directory: Path | None = None) -> list[SavedQuery]:
    """The saved queries of ``directory`` (default: the shipped ``queries/``), by name."""
    folder = directory or queries_dir()
    return [read_query(path) for path in sorted(folder.glob("*.rq"))]


def find_query(reference: str, directory: Path | None = None) -> SavedQuery:
    """A saved query by NAME (``most-quoted``), or any query FILE (``my/query.rq``)."""
    path = Path(reference)
    if path.is_file():
        return read_query(path)
    folder = directory or queries_dir()
    saved = folder / f"{reference.removesuffix('.rq')}.rq"
    if _NAME_OR_SLUG.fullmatch(reference) and saved.is_file():
        return read_query(saved)
    if path.suffix == ".rq" or os.sep in reference:
        raise QueryError(f"{reference}: no such query file")
    names = ", ".join(query.name for query in list_queries(folder)) or "none"
    raise QueryError(f"{reference}: no saved query of that name (saved queries: {names})")


