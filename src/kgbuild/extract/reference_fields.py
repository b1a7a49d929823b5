"""What a printed reference says: the marks only references print (a volume, a page, an
issue number), and its fields read from them.

"Works, Vol. 8, pp. 157-63" is volume 8, pages "157-163", edition "Works (J. V. Stalin)" in a
Stalin text; "Pravda No. 21" issue 21 of Pravda; "(Berlin, 1982)" an imprint. These are read
the same wherever the reference stands (``references.py`` finds where they stand).
"""

from __future__ import annotations

import re
from functools import cache

from kgbuild.document import Document
from kgbuild.extract.citations import normalise_pages, parse_volume
from kgbuild.extract.patterns import normalise_space
from kgbuild.lexicon import alternation, data_alternation, data_set, word_set, words
from kgbuild.records import CitationRecord


def not_after_abbreviation(dot: str = r"\.") -> str:
    """Lookbehinds for the abbreviations references print ("Vol. XXV", "4th Eng. ed.,",
    "op. cit."): their full stop (``dot``: before or after it) ends no sentence and opens no
    reference."""
    return "".join(rf"(?<!\b{re.escape(word)}{dot})" for word in words("reference_abbreviations"))


# "see note 6", "See also Note No. 1": a reference to a note of this text
NOTE_REFERENCE = r"\b[Ss]ee\s+(?:also\s+)?[Nn]otes?\s+(?:No\.\s*)?\d+"
# "Supplement to the Modern Encyclopedia …, 1:5-9": volume 1, pages 5-9
VOLUME_COLON_PAGES = re.compile(
    r"(?<=,\s)(?P<volume>\d{1,3}):\s?(?P<pages>\d+(?:\s*[-–]\s*\d+)?)(?=[\s.,;)]|$)")
# what separates an apparatus label from its text: "Source: …", "Source | …", "Source - …"
LABEL_SEPARATOR = r"[:|–—]|-(?=[ \t])"
# a reference repeating the one before: "Ibid., p. 5", "Kautsky, op. cit., p. 12", "loc. cit."
REPEAT = r"\b(?:[Ii]bid(?:em)?\b|[OoLl](?:p|oc)\.\s*cit\b)\.?"
# an author and year with the page, as modern writing cites in brackets: "(Carr 1950: 45)",
# "(Service 2000, 150–51)", "(Smith and Jones 1990: 12-14)"
AUTHOR_YEAR_PAGE = (r"(?<=\()[A-Z][\w’'\-]+(?:\s+(?:and|&)\s+[A-Z][\w’'\-]+)?"
                    r"\s+(?:1[89]|20)\d\d[a-z]?(?::\s*|,\s+)(?P<year_page>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)(?=\))")
# a numbered volume of a series, its number after its title: "Lenin Miscellany XXXIV"
SERIAL_VOLUME = ("(?:" + "|".join(rf"(?<=\b{re.escape(w)}{gap})" for w in words("serial_titles")
                                   for gap in (" ", ", "))
                 + r")(?P<serial>[IVXLC]+)\b")
# what only a reference prints: "Vol. 8", "vol. xxi", "p. 84", "pp 4-6", "No. 13", "# 1"
ANCHOR = re.compile(
    # every anchor begins a word, or is a "#" or a bracket: tried first, so that the
    # alternatives are tried at the start of each word only, not at every character
    r"(?=[\w#(])(?:(?=\()|(?<!\w))(?:"
    r"\b(?:Vols?\.?|Volume|vol\.)\s*(?:[IVXLC]+|[ivxlc]+|\d{1,3})\b"
    r"|\bpp?\.\s*(?:\d+|[IVXLC]+\b|[ivxlc]+\b)|\bpp\s+\d+|\bpages?\s+\d+|\bll\.\s*\d+|\b[Nn]os?\.\s*\d+|(?<=,\s)#\s*\d+"
    r"|\bcol(?:umn)?s?\.?\s+\d+|\bP\.\s*\d+|\b[Ii]ssue:?\s+(?:#\s*)?\d+"
    # Russian and German editions ("Sochineniya, t. 5, s. 40", "Werke, Bd. 23, S. 790",
    # "Nr. 112") and short forms after a comma ("v. 31", "pg. 44")
    r"|\bBd\.\s*(?:[IVXLC]+|\d{1,3})\b|(?<=,\s)Band\s+(?:[IVXLC]+|\d{1,3})\b|\bNr\.\s*\d+"
    r"|\bpg\.\s*\d+"
    r"|(?<=,\s)(?:[tv]|str|[sS])\.\s*(?:[IVXLC]+|\d{1,4})\b"
    # the tom and stranitsa of a translated Russian reference ("Works. T. 5. M., 1947. S. 40")
    r"|(?<=\.\s)[TS]\.\s*\d{1,4}\b"
    rf"|{VOLUME_COLON_PAGES.pattern}"
    # an archive's fond and opis ("RGASPI, f. 17, op. 3, d. 12, l. 4"); a note of this text
    r"|\b(?:[Ff]|[Ff]ond)\.?\s*(?:[A-Z]-)?\d+[,.]\s*(?:[Oo]p|[Oo]pis[’']?)\.?\s*\d+"
    rf"|{NOTE_REFERENCE}|{REPEAT}|{SERIAL_VOLUME}|{AUTHOR_YEAR_PAGE}"
    # an imprint in brackets: "(Berlin: Aufbau-Verlag)", "(Moscow, 1940)", "(New York: W. W.
    # Norton, 1990)", "(Cambridge, MA: Harvard …)", a set's volumes first ("(2 vols; Paris, 1921)");
    # words before a year a known place ("(New York, 1976)", not "(Second Congress, 1920)")
    r"|\((?:\d{1,3}\s+vols\.?[;,]\s*)?(?:(?:[A-Z][a-z]+(?:[-–\s][A-Z][a-z]+){0,2})(?:,\s*[A-Z]{2})?"
    rf":\s*[A-Z][^()\n]{{1,40}}|(?:[A-Z][a-z]+(?:[-–][A-Z][a-z]+)?|{data_alternation('places.txt')})"
    r",\s*1[5-9]\d\d(?:[-–]\d{2,4})?)\))"
)
# a page bare after a repeat mark, as notes print it: "Ibid., 76", "Thatcher, op. cit., 12-14"
PAGE_AFTER_REPEAT = re.compile(
    rf"{REPEAT},\s*(?P<pages>\d{{1,4}}(?:\s*[-–]\s*\d{{1,4}})?)(?![\d\w])(?!\s*[A-Za-z])")
AUTHOR_YEAR_PAGES = re.compile(AUTHOR_YEAR_PAGE.replace("(?<=\\()", "^").replace(
    "year_page", "pages").replace("(?=\\))", "$"))
# a journal's volume bare before its number: "Slavic Review 25, no. 3"
JOURNAL_VOLUME = re.compile(r"(?<=[A-Za-z]\s)(?P<volume>\d{1,3}),?\s+[Nn]o\.\s*\d")
# a journal's pages after the colon that follows its year: "Slavic Review 25, no. 3 (1966):
# 370–91"
PAGE_AFTER_YEAR = re.compile(
    r"\((?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?1[89]\d\d\):\s*"
    r"(?P<pages>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)(?![\d\w])")
# a page after the imprint's bracket, as notes print it: "… (New York, 1990), 245."
PAGE_AFTER_IMPRINT = re.compile(
    r"(?<=\d\d\))\s*,\s*(?P<pages>(?!1[89]\d\d\b|20\d\d\b)\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\s*$")
# a page alone ("p. 245", "page 392") marks a page or points an endnote back to its page
PAGE_ONLY = re.compile(
    r"(?:pp?\.|pages?)\s*\d+(?:\s*[-–]\s*\d+)?(?:\s+of\s+\d+(?:\s*\(\d+%\)?)?)?"
)
VOLUME_WORD = re.compile(r"(?:\b(?:Vols?\.?|Volume|vol\.|Bd\.)|(?<=,\s)(?:[tv]\.|Band\b)"
                         r"|(?:^|(?<=\.\s))T\.)\s*(?P<volume>[IVXLC]+|[ivxlc]+|\d{1,3})\b")
# "Inprekorr, vii, 96, p. 2073": a periodical's volume in lower-case Roman, then its issue
BARE_VOLUME_ISSUE = re.compile(r",\s*(?P<volume>[ivxlc]+),\s*(?P<issue>\d+),")
# "Sochineniia, XIX, pp. 529–37", "(Moscow, 1957), II, pp. 133-143": a Roman volume before pages
BARE_VOLUME = re.compile(r"(?:^|[,)]\s*)(?P<volume>[IVXL]{1,6}),\s*pp?\.\s*\d")
PAGES = re.compile(  # a list goes on over numbers, not over a date ("p. 2073, 30 September");
    # "pp386" is a book's length, not its pages
    # (an archive's leaves: "d. 6. L. 1", "d. 12, ll. 4-7")
    r"(?:\b(?:[Pp]p?\.|pp\s|pages?\s|pg\.|[Ll]l\.|col(?:umn)?s?\.?\s)|(?<=[,.]\s)[Ll]\."
    r"|(?:^|(?<=\.\s))S\."
    r"|(?<=,\s)(?:[sS]|str)\.)"
    # (a column after the page, as a two-column edition prints it: "pages 225b-226a")
    r"\s*(?P<pages>\d+(?:[a-d](?![a-z]))?(?:\s*[-–]\s*\d+(?:[a-d](?![a-z]))?)?"
    r"(?:(?:\s*,|\s+(?:and|&))\s*\d+(?:\s*[-–]\s*\d+)?(?![\d\s]*[A-Za-z]))*"
    # a preface's Roman pages ("pp. XIII-XIV")
    r"|[IVXLC]+(?:\s*[-–]\s*[IVXLC]+)?\b|[ivxlc]+(?:\s*[-–]\s*[ivxlc]+)?\b)"
    # "and the following" ("p. 34 ff.", "pp. 12 et seq.")
    r"(?P<following>\s*ff?\b\.?|\s+et\s+seq\b\.?)?"
)
ISSUE = re.compile(r"\b(?:[Nn]os?\.|Nr\.|[Ii]ssue:?(?:\s*#)?)\s*(?P<issue>\d+(?:\s*[-–]\s*\d+)?)"
                   r"|(?<![\w&])#\s*(?P<hash>\d+)")
MAX_VOLUME = 100  # "Volume 111" is an OCR-damaged "III", not a hundred and eleventh volume


@cache
def edition_name() -> re.Pattern[str]:
    """An edition's name, with its owner before it: "Lenin’s Collected Works"."""
    return re.compile(rf"(?:(?P<owner>[A-Z][\w.’' ]*?)[’']s\s+)?\b(?P<name>"
                      rf"{alternation('edition_names')})\b")


def _edition(segments: list[str], author: str | None) -> str | None:
    """The edition a reference names, with its author: "Works (J. V. Stalin)", "Selected
    Works (Marx and Engels)", "Collected Works (Lenin)" for "Lenin’s Collected Works"."""
    for index, segment in enumerate(segments):
        match = edition_name().search(segment)
        if match is None:
            continue
        before = segments[index - 1].strip() if index else ""
        if match.group("owner"):
            owner = match.group("owner").strip()
        elif re.fullmatch(r"(?:[A-Z]\.\s*)*[A-Z][\w’'\-]+(?:\s+(?:and|&)\s+[A-Z][\w’'\-]+)?",
                          before):
            owner = before  # "Marx and Engels, Selected Works"
        else:
            owner = author
        return f"{match.group('name')} ({owner})" if owner else match.group("name")
    return None


def parse_reference(printed: str, author: str | None) -> dict[str, object]:
    """Volume, pages, issue and edition of a reference as printed."""
    if re.match(NOTE_REFERENCE, printed):  # a note of this text: no edition, no issue
        return {"volume": None, "pages": None, "issue": None, "edition": None,
                "ibid": False} | imprint("")
    volume = issue = None
    if bare := BARE_VOLUME_ISSUE.search(printed):
        volume, issue = parse_volume(bare.group("volume").upper()), bare.group("issue")
    elif (word := VOLUME_WORD.search(printed)) and not printed[word.start():].startswith("Vols"):
        volume = parse_volume(word.group("volume").upper())
    elif bare_volume := BARE_VOLUME.search(printed):
        volume = parse_volume(bare_volume.group("volume"))
    elif serial := re.search(SERIAL_VOLUME, printed):
        volume = parse_volume(serial.group("serial"))
    if volume is None and (journal := JOURNAL_VOLUME.search(printed)):
        volume = int(journal.group("volume"))
    if number := ISSUE.search(printed):
        issue = number.group("issue") or number.group("hash")
    elif bare_issue := re.match(r"[^,]+,\s*(?P<issue>\d{1,3}),\s*pp?\.", printed):
        issue = bare_issue.group("issue")  # "Fahne des Kommunismus, 23, p. 90"
    pages = PAGES.search(printed)
    if pages is None and (colon := VOLUME_COLON_PAGES.search(printed)):
        volume = volume or int(colon.group("volume"))
        pages = colon
    pages = (pages or PAGE_AFTER_IMPRINT.search(printed) or PAGE_AFTER_REPEAT.search(printed)
             or PAGE_AFTER_YEAR.search(printed) or AUTHOR_YEAR_PAGES.search(printed))
    labels = f"{alternation('source_labels')}|{alternation('published_labels')}"
    named = re.sub(rf"^(?i:{labels})\s*(?:{LABEL_SEPARATOR})?\s*"
                   r"|^(?:[Ss]ee|[Cc]f\.)\s+(?:also\s+)?", "", printed)
    named = re.sub(r"^(?i:(?:published|printed|reprinted)\s+)?(?i:in|from)\s+|^the\s+", "", named)
    named = INVERTED_AUTHORS.sub("", named)  # "Baron, S. H., Plekhanov: The Father of …"
    segments = re.split(r",\s*", named)
    repeats = re.search(REPEAT, printed) is not None  # its edition is that of the one before
    return {
        "volume": volume,
        "pages": _pages(pages) if pages else None,
        "issue": re.sub(r"\s*[-–]\s*", "-", issue) if issue else None,
        "edition": _edition(segments, author if not repeats else None)
        or (None if repeats else _first_title(segments)),
        "ibid": repeats,
    } | imprint(printed)


def _pages(pages: re.Match[str]) -> str:
    """The pages as the scorer and the graph keep them: ranges written out, "ff." kept
    ("34ff.": the page it begins on and those following)."""
    following = pages.groupdict().get("following")
    listed = re.sub(r"\s+(?:and|&)\s+", ", ", pages.group("pages"))  # "pages 12 and 14"
    return normalise_pages(listed) + ("ff." if following else "")


def imprint(printed: str) -> dict[str, object]:
    """Where, by whom and when an edition was printed: "Foreign Languages Publishing House,
    Moscow, 1954", "(Berlin: Aufbau-Verlag)", "Moscow-Leningrad, 1927"."""
    place = publisher = year = None
    parts = [p.strip(" ()[].") for p in re.split(r"[,:;()]", printed)]
    for index, part in enumerate(parts):
        towns = re.split(r"\s*[-–]\s*", re.sub(r"\s+1[5-9]\d\d$", "", part))
        if place is None and part and all(t in data_set("places.txt") for t in towns):
            place = part.split(" 1")[0].strip()
            after = " ".join(parts[index : index + 2])
            if found_year := re.search(r"\b(1[5-9]\d\d)\b", after):
                year = int(found_year.group(1))
        elif publisher is None and re.search(rf"\b(?:{alternation('publisher_words')})\b|-Verlag\b",
                                             part):
            publisher = part
    return {"place": place, "publisher": publisher, "year": year}


# authors printed surname first before a title: "Baron, S. H., ", "Iovchuk, M. and Kurbatova,
# I., ", "Cohen, Stephen F. "
INVERTED_AUTHORS = re.compile(
    r"^(?:[A-Z][\w’'\-]+,\s+(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s?)+(?:,|\s+and|(?<=\.))\s+)+"
)
AUTHORS = re.compile(  # "Hermann Weber and Bernhard H. Bayerlein (eds)", "E. H. Carr"
    r"(?:[A-Z][\w.’'\-]*\s*){1,4}(?:(?:and|&)\s+(?:[A-Z][\w.’'\-]*\s*){1,4})?"
    r"(?:\((?:eds?|trans|comp)\.?\))?"
)


def _first_title(segments: list[str]) -> str | None:
    """The title a reference names first, after its authors and editors."""
    first = segments[0].strip()
    names = first.split()
    if len(segments) > 1 and AUTHORS.fullmatch(first) and (
            "(ed" in first or " and " in first or re.search(r"[A-Z]\.", first)
            # "Alec Nove, An Economic …"; surname first: "Gramsci Antonio, Contro la legge …"
            or names[0] in data_set("given_names.txt")
            or (len(names) == 2 and names[1] in data_set("given_names.txt"))):
        return title_of(segments[1])
    return title_of(segments[0])


def title_of(segment: str) -> str | None:
    """A work or periodical named first ("Lenin Miscellany", "Inprekorr"), not a person's
    name ("J. V. Stalin") nor a volume or page."""
    segment = ANCHOR.split(segment)[0].strip(" .;“”\"")  # "Pravda No. 21" names "Pravda"
    segment = re.sub(r"\s*\([^)]*$", "", segment)  # "… (Moscow, 1930)", "… (2 vols; Paris, 1921)"
    segment = re.split(r"(?<=[a-z]{2})\.\s+(?=[A-Z])", segment)[0]  # "… Revolution. New York"
    segment = re.sub(r"\s+(?:of|in|for)\s+\S*\s*\d.*$", "", segment)  # "Bednota of March 3rd"
    words_in = re.findall(r"[^\W\d_][\w’'\-]*", segment)
    content = [w for w in words_in if w.lower() not in word_set("title_function_words")]
    if (not re.match(r"[A-Z]", segment) or ANCHOR.search(segment) or re.search(r"\d", segment)
            or re.fullmatch(r"(?:[A-Z]\.\s*)+[A-Z][\w’'\-]+|[IVXLC]+", segment)  # a volume
            or segment in data_set("places.txt") or len(words_in) > 15
            or sum(w[0].isupper() for w in content) < 0.75 * len(content)):
        return None  # a person, a place, a sentence
    return segment


def reference_record(doc: Document, start: int, end: int, author: str | None) -> CitationRecord:
    """The reference printed at clean[start:end] with its fields; a volume past any edition's
    count is a misread and left out."""
    printed = doc.clean[start:end].rstrip(" \t.,")
    if printed.endswith(")") and "(" not in printed:  # "(Reprinted from … 1919.)"
        printed = printed[:-1].rstrip(" \t.,")
    fields = parse_reference(normalise_space(printed), author)  # ("Selected\nWorks")
    volume = fields["volume"]
    return CitationRecord(
        raw=normalise_space(printed),
        evidence=doc.span(start, start + len(printed)),
        volume=volume if isinstance(volume, int) and volume <= MAX_VOLUME else None,
        pages=str(fields["pages"]) if fields["pages"] else None,
        edition=str(fields["edition"]) if fields["edition"] else None,
        issue=str(fields["issue"]) if fields["issue"] else None,
        place=str(fields["place"]) if fields["place"] else None,
        publisher=str(fields["publisher"]) if fields["publisher"] else None,
        year=fields["year"] if isinstance(fields["year"], int) else None,
        ibid=bool(fields["ibid"]),
    )
