"""Citations: printed references to volume and page, "ibid." chains, and named sources.

"(see Vol. XXIII, p. 386)", "(See Vol. XXV, pp. 171-72.)" → pages "171-172",
"(see Vol. XXIV, pp. 15, 14)" → "15,14", "(ibid.)" and "(ibid., p. 460)" → the volume (and,
without pages, the pages) of the reference they repeat, "(see Lenin Miscellany, Vol. III,
p. 497)" → another edition, "(see The Foundations of Leninism)" and "(see Resolution of the
Congress on …)" → a work or resolution instead of a volume. Roman numerals arrive repaired
by the OCR rules ("XX1V" → "XXIV"); references may run over a line break.
"""

from __future__ import annotations

import re

from kgbuild.document import Document
from kgbuild.extract.patterns import normalise_space, read_title
from kgbuild.ocr import roman_to_int
from kgbuild.records import CitationRecord

OPENING = re.compile(r"\((?P<see>[Ss]ee\s+)?(?=the\s|[A-Z“\"]|ibid|Ibid|Vol\.|Volume)")
# ", pp. 171-72", ", pp. 15, 14": the pages after a volume or "ibid."
PAGE_LIST = r"(?:\s*,\s*(?P<pages>pp?\.\s*\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*))?"
VOLUME = re.compile(
    r"(?:(?P<edition>[A-Z][\w’' ]+?),\s+)?(?:Vol\.|Volume)\s*(?P<volume>[IVXLC]+|\d{1,3})"
    + PAGE_LIST
)
# "(ibid.)", "(ibid., p. 460)", and with a volume of its own "(ibid., Vol. XXVI, p. 12)"
IBID = re.compile(r"[Ii]bid\.?(?:\s*,\s*(?:Vol\.|Volume)\s*(?P<volume>[IVXLC]+|\d{1,3}))?"
                  + PAGE_LIST)
# What may follow the reference before ")": a remark (", first edition") and an endnote.
REMARK = re.compile(r",[^()]{1,60}?(?=[\s.]*\d{0,2}\s*\))")
ENDNOTE_IN_PARENTHESES = re.compile(r"[\s.]*(?P<number>\d{1,2})(?=\s*\))")
CLOSING = re.compile(r"[\s.]*\)")
# what says the words after a name are a reference's ("Vol. II", "Bd. 5", "S. 12", "No. 3"):
# then the name opens that reference, and is no work cited by its title
REFERENCE_MARK = re.compile(r"\b(?:Vols?\.|Volume|Bd\.|Band\s+\d|pp?\.|[Ss]\.\s*\d|str\.\s*\d"
                            r"|t\.\s*(?:\d|[IVXLC]+\b)|Nos?\.|Nr\.)")
ANAPHOR = re.compile(r"the\s+(?P<noun>resolution|pamphlet|article|book|theses|speech)\b")


def normalise_pages(printed: str) -> str:
    """ "pp. 171-72" → "171-172"; "pp. 15, 14" → "15,14"; "p. 386" → "386"."""
    parts = []
    for part in re.split(r"\s*,\s*", re.sub(r"^pp?\.\s*", "", printed.strip())):
        match = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", part)
        if match:
            first, last = match.groups()
            if len(last) < len(first):  # "171-72": the end repeats the start's hundreds
                last = first[: len(first) - len(last)] + last
            parts.append(f"{first}-{last}")
        else:
            parts.append(part)
    return ",".join(parts)


def parse_volume(printed: str) -> int | None:
    return int(printed) if printed.isdigit() else roman_to_int(printed)


def parse_citation(text: str) -> dict[str, object] | None:
    """The fields of one reference as printed inside "(see …)", or None if it is none."""
    if match := VOLUME.match(text):
        return {
            "volume": parse_volume(match.group("volume")),
            "pages": normalise_pages(match.group("pages")) if match.group("pages") else None,
            "edition": match.group("edition"),
            "ibid": False,
            "cites": None,
            "length": match.end(),
        }
    if match := IBID.match(text):
        return {
            "volume": parse_volume(match.group("volume")) if match.group("volume") else None,
            "pages": normalise_pages(match.group("pages")) if match.group("pages") else None,
            "edition": None,
            "ibid": True,
            "cites": None,
            "length": match.end(),
        }
    if anaphor := ANAPHOR.match(text):
        return {
            "volume": None,
            "pages": None,
            "edition": None,
            "ibid": False,
            "cites": f"the {anaphor.group('noun')}",
            "length": anaphor.end(),
        }
    bare = re.match(r"(?:the\s+)?[“\"]?", text)
    offset = bare.end() if bare else 0
    extent = read_title(text, offset)
    if extent is None:
        return None
    title = normalise_space(text[slice(*extent)]).strip('“”"')
    return {
        "volume": None,
        "pages": None,
        "edition": None,
        "ibid": False,
        "cites": title,
        "length": extent[1] + (1 if text[extent[1] : extent[1] + 1] in '”"' else 0),
    }


def extract_citations(doc: Document) -> list[CitationRecord]:
    """Every parenthesised reference; "ibid." inherits volume, edition and source work."""
    text = doc.clean
    citations: list[CitationRecord] = []
    previous: CitationRecord | None = None
    for opening in OPENING.finditer(text):
        body_start = opening.end()
        fields = parse_citation(text[body_start : body_start + 200])
        if fields is None:
            continue
        body_end = body_start + int(str(fields["length"]))
        if remark := REMARK.match(text, body_end):
            # (read up to the bracket: the remark may stop short of "p. 3)", its page
            # taken for an endnote's number)
            closing = text.find(")", remark.start())
            if fields["cites"] and REFERENCE_MARK.search(text, remark.start(), closing):
                continue  # "(see Marx and Engels, Selected Works, Vol. II, p. 37)": a reference
            body_end = remark.end()
        endnote = None
        if note := ENDNOTE_IN_PARENTHESES.match(text, body_end):
            endnote, body_end = int(note.group("number")), note.end()
        if not CLOSING.match(text, body_end):
            continue
        if not opening.group("see") and not fields["ibid"] and fields["volume"] is None:
            continue  # "(Lenin)", "(December 1924)": not a reference
        start = opening.start() + 1
        printed = re.sub(r"(?<=\d)\.$", "", text[start : body_start + int(str(fields["length"]))])
        raw = normalise_space(printed)
        volume, pages = fields["volume"], fields["pages"]
        edition, cites = fields["edition"], fields["cites"]
        if fields["ibid"] and previous is not None:
            volume = volume or previous.volume
            pages = pages or (None if fields["volume"] else previous.pages)
            edition, cites = previous.edition, previous.cites
        record = CitationRecord(
            raw=raw,
            evidence=doc.span(start, start + len(printed)),
            volume=volume if isinstance(volume, int) else None,
            pages=str(pages) if pages else None,
            ibid=bool(fields["ibid"]),
            edition=str(edition) if edition else None,
            cites=str(cites) if cites else None,
            endnote=endnote,
        )
        citations.append(record)
        previous = record
    return citations
