"""The Document: raw text exactly as read, cleaned text for matching, and the map between.

Extractors search ``clean``; every hit is turned into a ``Span`` of the RAW text with
``Document.span`` so that evidence always points at the characters of the file as read.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import unicodedata
import warnings
from array import array
from dataclasses import dataclass, field, replace
from pathlib import Path

from kgbuild.lexicon import title_case
from kgbuild.ocr import clean_text


class InputError(Exception):
    """Input that cannot be built: the message names the file and what is wrong."""


class InputWarning(UserWarning):
    """Input that builds, with something the user should know (a misspelt metadata key)."""


@dataclass(frozen=True)
class Span:
    """A stretch of the raw text: code-point offsets [start, end), its text and line, and the
    editorial endnote number printed right after it, if any ("Disorder,5" → 5)."""

    start: int
    end: int
    text: str
    line: int
    endnote: int | None = None


@dataclass(frozen=True)
class DocumentMeta:
    """What the metadata file says about a text (or defaults derived from its name)."""

    slug: str
    title: str
    author: str | None
    date: str | None
    language: str | None
    source_file: str
    cited_edition: str | None = None  # the edition "(see Vol. XXV, p. 173)" points into


@dataclass(frozen=True)
class Section:
    """A numbered chapter: its number, printed title and raw extent."""

    number: int
    title: str
    start: int
    end: int


ENDNOTE_AFTER = re.compile(r"[.,;:”’)]{0,2}(?P<number>[1-9]\d?)(?!\d)")  # numbered from 1
HEADING = re.compile(
    r"(?m)^[ \t]*(?P<num>[IVX]{1,5})\.[ \t]+(?P<title>[A-Z“\"][A-Z“”\"’'\-—,;: ]+)$"
    r"(?P<cont>\n[ \t]*[A-Z][A-Z“”\"’'\-—,;: ]+$)?"
)


@dataclass
class Document:
    meta: DocumentMeta
    raw: str
    clean: str
    offsets: array[int]  # clean offset → raw offset; an array: 4 bytes a character
    sha256: str
    sections: list[Section] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)

    def line_of(self, raw_offset: int) -> int:
        """1-based line number of a raw offset."""
        return bisect.bisect_right(self.line_starts, raw_offset)

    def span(self, clean_start: int, clean_end: int) -> Span:
        """The raw span behind cleaned offsets [clean_start, clean_end)."""
        if not self.offsets and self.raw:
            raise ValueError(f"{self.meta.slug}: cleaned text dropped after extraction")
        start = self.offsets[clean_start]
        end = self.offsets[clean_end - 1] + 1 if clean_end > clean_start else start
        return Span(
            start,
            end,
            self.raw[start:end],
            self.line_of(start),
            self._endnote_after(end, clean_end),
        )

    def clean_range(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """The cleaned offsets [start, end) behind a raw span: the inverse of ``span``."""
        return (
            bisect.bisect_left(self.offsets, raw_start),
            bisect.bisect_left(self.offsets, raw_end - 1) + 1,
        )

    def _endnote_after(self, raw_end: int, clean_end: int) -> int | None:
        """An endnote number glued after raw_end that cleaning removed ("Leninism.”1")."""
        match = ENDNOTE_AFTER.match(self.raw, raw_end)
        if match is None:
            return None
        kept = self.clean[clean_end : clean_end + len(match.group(0))]
        return None if match.group("number") in kept else int(match.group("number"))

    def extracted(self) -> Document:
        """The document as the stages after extraction need it: raw text, chapters and
        lines, without the cleaned text and its offset map, which only extractors read
        (on a large corpus they are a quarter of what a build holds)."""
        return replace(self, clean="", offsets=array("I"))

    def section_at(self, raw_offset: int) -> Section | None:
        for section in self.sections:
            if section.start <= raw_offset < section.end:
                return section
        return None


def slugify(text: str) -> str:
    """A readable, stable IRI slug: lower-case ASCII words joined by hyphens.

    Apostrophes and the dots of abbreviations vanish ("Lenin's" → "lenins",
    "C.P.S.U.(B.)" → "cpsu-b"); a name with no Latin letters gets a hash of itself.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"['.]", "", folded.replace("’", "'"))
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "x-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def find_sections(clean: str, offsets: list[int], raw_length: int) -> list[Section]:
    """Chapters from headings such as "IV. THE PROLETARIAN REVOLUTION AND ..."."""
    from kgbuild.ocr import roman_to_int

    found: list[tuple[int, str, int]] = []
    for match in HEADING.finditer(clean):
        number = roman_to_int(match.group("num"))
        if number is None:
            continue
        title = " ".join((match.group("title") + (match.group("cont") or "")).split())
        found.append((number, title, offsets[match.start("num")]))
    sections = []
    for index, (number, title, start) in enumerate(found):
        end = found[index + 1][2] if index + 1 < len(found) else raw_length
        sections.append(Section(number, title, start, end))
    return sections


MANIFEST = "manifest.json"
ERRATA = "errata.tsv"  # a folder's own OCR misreadings, read with the texts in it
# One document is held in memory whole (raw, cleaned and offset map: about 12 bytes a
# character); a collected-works edition comes as many documents, not one huge file.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno}: malformed JSON: {error.msg}") from error


def _manifest_entry(text_path: Path) -> dict[str, object] | None:
    """The text's entry in a manifest.json of its folder: a list of {"file": …, …}."""
    manifest = text_path.parent / MANIFEST
    if not manifest.exists():
        return None
    entries = _read_json(manifest)
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InputError(f'{manifest}: line 1: expected a JSON list of objects with a "file"')
    entry = next((e for e in entries if e.get("file") == text_path.name), None)
    if entry is None:
        warnings.warn(f"{manifest}: has no entry for {text_path.name}; its metadata comes "
                      "from its file name", InputWarning, stacklevel=2)
    return entry


def check_manifest(folder: Path) -> None:
    """Warn of the files a folder's manifest.json names that are not in the folder (a
    misspelt or moved file would otherwise lose its metadata without a word)."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return
    entries = _read_json(manifest)
    if isinstance(entries, list):
        absent = sorted(str(e.get("file")) for e in entries
                        if isinstance(e, dict) and not (folder / str(e.get("file"))).is_file())
        if absent:
            warnings.warn(f"{manifest}: names {', '.join(absent)}, not in its folder",
                          InputWarning, stacklevel=2)


def _valid_date(text: str) -> bool:
    import datetime

    for form in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.datetime.strptime(text, form)
        except ValueError:
            continue
        return True
    return False


METADATA_KEYS = frozenset({"title", "author", "date", "language", "cited_edition", "note", "file"})


def read_metadata(text_path: Path) -> DocumentMeta:
    """Metadata of a text: its entry in the folder's manifest.json, else a JSON file beside
    it (same name, .json), else what its file name says."""
    meta_path = text_path.with_suffix(".json")
    data: dict[str, object] = {}
    entry = _manifest_entry(text_path)
    if entry is not None:
        data = entry
    elif meta_path.exists():
        found = _read_json(meta_path)
        if not isinstance(found, dict):
            raise InputError(f"{meta_path}: line 1: metadata must be a JSON object")
        data = found
    unknown = sorted(set(data) - METADATA_KEYS)
    if unknown:  # a misspelt key ("autor") would otherwise be lost without a word
        source = text_path.parent / MANIFEST if entry is not None else meta_path
        warnings.warn(f"{source}: unknown metadata key(s) {', '.join(unknown)} ignored "
                      f"(known: {', '.join(sorted(METADATA_KEYS))})", InputWarning, stacklevel=2)
    title = str(data.get("title") or title_case(re.sub(r"[-_]+", " ", text_path.stem).upper()))

    def optional(key: str) -> str | None:
        value = data.get(key)
        return str(value) if value else None

    date = optional("date")
    if date is not None and not _valid_date(date):
        source = text_path.parent / MANIFEST if entry is not None else meta_path
        raise InputError(f'{source}: "date" must be YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}')

    return DocumentMeta(
        slug=slugify(text_path.stem),
        title=title,
        author=optional("author"),
        date=date,
        language=optional("language"),
        source_file=text_path.name,
        cited_edition=optional("cited_edition"),
    )


def decode(data: bytes, path: Path, encoding: str = "utf-8") -> str:
    """The text of a file, or an InputError that says what the file looks like instead.

    A UTF-8 byte-order mark is not part of the text: offsets count from the character after.
    """
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if b"\x00" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text")
    utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
    encoding = "UTF-8" if utf8 else encoding
    try:
        return data.decode("utf-8-sig" if utf8 else encoding)
    except LookupError as error:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from error
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid {encoding} (byte {error.start}); convert the file to UTF-8 "
            "or give its encoding with --encoding (e.g. --encoding cp1251)"
        ) from error


def read_errata(path: Path) -> dict[str, str]:
    """An errata file: one ``wrong<TAB>right`` pair a line, ``#`` comment lines."""
    errata: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read errata: {error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not all(part.strip() for part in parts):
            raise InputError(f"{path}: line {number}: expected wrong<TAB>right, got {line!r}")
        errata[parts[0]] = parts[1]
    return errata


def errata_for(text_path: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The errata a text is cleaned with: its folder's errata.tsv, then ``extra``
    (``--errata``), which wins where both list a word."""
    folder = text_path.parent / ERRATA
    return {**(read_errata(folder) if folder.exists() else {}), **(extra or {})}


def make_document(
    raw: str, meta: DocumentMeta, sha256: str = "", errata: dict[str, str] | None = None
) -> Document:
    """Build a Document from text already read: clean it (with its corpus's errata), map
    offsets, find chapters."""
    clean, offsets = clean_text(raw, errata)
    line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
    return Document(
        meta=meta,
        raw=raw,
        clean=clean,
        offsets=array("I", offsets),
        sha256=sha256 or hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        sections=find_sections(clean, offsets, len(raw)),
        line_starts=line_starts,
    )


def load_document(
    path: Path, encoding: str = "utf-8", errata: dict[str, str] | None = None
) -> Document:
    """Read a text file and its metadata into a Document, cleaned with the errata of its
    folder and ``errata``."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a text file")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{path}: {size:,} bytes is over the limit of {MAX_DOCUMENT_BYTES:,} bytes for one "
            "document; split it into several texts (a folder of texts builds one graph)"
        )
    data = path.read_bytes()
    raw = decode(data, path, encoding)
    return make_document(
        raw, read_metadata(path), hashlib.sha256(data).hexdigest(), errata_for(path, errata)
    )
