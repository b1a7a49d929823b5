"""The source texts of a build's documents. The graph names each document's file
(``kgo:sourceFile``) and the SHA-256 of its bytes (``kgo:sha256``) but not where it was:
the texts are given to ``kgbuild site`` as they were to ``kgbuild build`` (default: the
bundled corpus), and each document takes the file of its name whose bytes it was built
from, read as the build read it (BOM dropped, CR LF kept, the folder's errata for
finding chapters)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from kgbuild.document import InputError, decode, errata_for, find_sections
from kgbuild.ocr import clean_text
from kgbuild.pipeline import expand_inputs
from kgbuild.site.model import Document


@dataclass(frozen=True)
class Text:
    raw: str
    path: Path

    def chapter_starts(self) -> dict[int, int]:
        """A chapter's number → the offset of its heading, found as the build finds it
        (on the text cleaned with its folder's errata: slower, so only for its page)."""
        clean, offsets = clean_text(self.raw, errata_for(self.path))
        return {s.number: s.start for s in find_sections(clean, offsets, len(self.raw))}


def candidates(paths: list[Path]) -> dict[str, list[Path]]:
    """The text files given (a folder stands for its .txt files), by file name."""
    found: dict[str, list[Path]] = {}
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
    for file in expand_inputs(paths):
        found.setdefault(file.name, []).append(file)
    return found


def match_texts(
    documents: dict[str, Document], paths: list[Path], encoding: str = "utf-8"
) -> dict[str, Text]:
    """Each document's text, or an InputError naming the first document whose text is
    not among ``paths``, or differs from the one it was built from."""
    by_name = candidates(paths)
    texts: dict[str, Text] = {}
    for iri, document in sorted(documents.items()):
        chosen = None
        for path in by_name.get(document.source_file, []):
            data = path.read_bytes()
            if not document.sha256 or hashlib.sha256(data).hexdigest() == document.sha256:
                chosen = path
                break
        if chosen is None:
            given = ", ".join(str(p) for p in paths) or "nothing"
            differs = " (a file of that name differs from the one built)" if by_name.get(
                document.source_file) else ""
            raise InputError(
                f"{iri}: its text {document.source_file} is not among the texts given "
                f"({given}){differs}; give the texts the build was made from")
        texts[iri] = Text(decode(data, chosen, encoding), chosen)
    return texts
