"""The extraction cache: what reading and extracting a document gave, kept by what it
depends on, so that a rebuild after adding one text to a corpus does not read the others
again.

An entry's key is the SHA-256 of: the text's bytes, its metadata (as read, with its name in
IRIs), its errata, the encoding, the reference data, and kgbuild's own code and data files
(a changed rule or word list makes every entry stale). Entries live in ``$KGBUILD_CACHE``,
else ``$XDG_CACHE_HOME/kgbuild``, else ``~/.cache/kgbuild``; ``kgbuild build --no-cache``
neither reads nor writes them, and deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

from kgbuild.document import Document
from kgbuild.records import Extraction
from kgbuild.reference import ReferenceData

Entry = tuple[Document, Extraction]


def cache_dir() -> Path:
    """Where entries are kept (see the module's docstring)."""
    if folder := os.environ.get("KGBUILD_CACHE"):
        return Path(folder)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kgbuild"


@cache
def code_fingerprint() -> str:
    """A digest of kgbuild's own modules and data files, as installed."""
    digest = hashlib.sha256()
    root = Path(str(resources.files("kgbuild")))
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".txt", ".tsv"}:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def reference_fingerprint(reference: ReferenceData) -> str:
    return hashlib.sha256(pickle.dumps(reference, protocol=5)).hexdigest()


def entry_key(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()


def read_entry(folder: Path, key: str) -> Entry | None:
    """The entry of a key, or None (absent, or unreadable: then it is made again)."""
    try:
        with (folder / f"{key}.pickle").open("rb") as file:
            entry: Entry = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None
    return entry


def write_entry(folder: Path, key: str, entry: Entry) -> None:
    """Keep an entry, whole or not at all (a cache that cannot be written is no error)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".partial") as file:
            pickle.dump(entry, file, protocol=5)
        Path(file.name).replace(folder / f"{key}.pickle")
    except OSError:
        return
