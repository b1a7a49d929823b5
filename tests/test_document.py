"""Documents: reading a text file, its metadata, chapters, line numbers and slugs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kgbuild.document import (
    DocumentMeta,
    InputError,
    Section,
    load_document,
    make_document,
    slugify,
)

META = DocumentMeta("sample", "Sample", None, None, None, "sample.txt")

# Three chapters as the transcript prints them: OCR-damaged numerals, a title on two lines.
CHAPTERS = (
    " |. THE DEFINITION OF LENINISM\n"
    "The pamphlet The Foundations of Leninism contains a definition.\n"
    "\n"
    "Il. THE MAIN THING IN LENINISM\n"
    "In the pamphlet it stated:\n"
    "\n"
    "I11. THE QUESTION OF “PERMANENT” REVOLUTION AND THE DICTATORSHIP\n"
    "OF THE PROLETARIAT\n"
    "\n"
    "The theory of permanent revolution.\n"
)


@pytest.fixture
def chapters():
    return make_document(CHAPTERS, META)


def test_sections_have_numbers_titles_and_raw_extents(chapters):
    first = CHAPTERS.index("|.")
    second = CHAPTERS.index("Il.")
    third = CHAPTERS.index("I11.")
    assert chapters.sections == [
        Section(1, "THE DEFINITION OF LENINISM", first, second),
        Section(2, "THE MAIN THING IN LENINISM", second, third),
        Section(
            3,
            "THE QUESTION OF “PERMANENT” REVOLUTION AND THE DICTATORSHIP OF THE PROLETARIAT",
            third,
            len(CHAPTERS),
        ),
    ]


def test_section_start_points_at_the_raw_numeral(chapters):
    assert [CHAPTERS[s.start : s.start + 4] for s in chapters.sections] == ["|. T", "Il. ", "I11."]


def test_section_at(chapters):
    assert chapters.section_at(0) is None  # the leading space before " |."
    assert chapters.section_at(CHAPTERS.index("definition")).number == 1
    assert chapters.section_at(CHAPTERS.index("Il.")).number == 2
    assert chapters.section_at(CHAPTERS.index("it stated")).number == 2
    assert chapters.section_at(CHAPTERS.index("theory of permanent")).number == 3
    assert chapters.section_at(len(CHAPTERS) - 1).number == 3
    assert chapters.section_at(len(CHAPTERS)) is None


def test_line_of_is_one_based(chapters):
    assert chapters.line_of(0) == 1
    assert chapters.line_of(CHAPTERS.index("\n")) == 1  # the newline ends line 1
    assert chapters.line_of(CHAPTERS.index("The pamphlet")) == 2
    assert chapters.line_of(CHAPTERS.index("Il.")) == 4
    assert chapters.line_of(CHAPTERS.index("OF THE PROLETARIAT")) == 8
    assert chapters.line_of(CHAPTERS.index("The theory")) == 10


def test_line_of_counts_raw_lines_even_when_cleaning_removes_some():
    raw = "the world revolution\n30\nwhich began\nin a country"
    doc = make_document(raw, META)
    assert "30" not in doc.clean
    assert doc.line_of(raw.index("in a country")) == 4
    start = doc.clean.index("in a country")
    assert doc.span(start, start + 2).line == 4


def test_an_extracted_document_keeps_what_later_stages_read():
    raw = "the world revolution\n30\nwhich began\nin a country"
    doc = make_document(raw, META)
    extracted = doc.extracted()
    assert (extracted.raw, extracted.sections, extracted.line_starts, extracted.meta) == (
        doc.raw, doc.sections, doc.line_starts, doc.meta
    )
    assert extracted.line_of(raw.index("in a country")) == 4
    assert not extracted.clean and not extracted.offsets
    with pytest.raises(ValueError, match="dropped after extraction"):
        extracted.span(0, 3)
    assert doc.span(0, 3).text == "the"  # the document itself is unchanged


def test_text_without_headings_has_no_sections():
    doc = make_document("Is this definition correct?\n\nI think it is correct.\n", META)
    assert doc.sections == []
    assert doc.section_at(3) is None


def test_lowercase_or_non_roman_lines_are_not_headings():
    raw = "I. think this is not a heading\nXI. THE APPENDIX\nA. THE NOTES\nIIII. NOT VALID\n"
    doc = make_document(raw, META)
    assert [(s.number, s.title) for s in doc.sections] == [(11, "THE APPENDIX")]


def test_make_document_hashes_raw_utf8(chapters):
    assert chapters.sha256 == hashlib.sha256(CHAPTERS.encode("utf-8")).hexdigest()
    assert chapters.raw == CHAPTERS
    assert chapters.clean.startswith(" I. THE DEFINITION")


# --- load_document ----------------------------------------------------------------------


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_load_document_reads_text_and_metadata(tmp_path):
    text = write(tmp_path / "questions-of-leninism.txt", CHAPTERS.encode("utf-8"))
    (tmp_path / "questions-of-leninism.json").write_text(
        '{"title": "Concerning Questions of Leninism", "author": "J. V. Stalin",\n'
        ' "date": "1926-01-25", "language": "en"}\n',
        encoding="utf-8",
    )
    doc = load_document(text)
    assert doc.meta == DocumentMeta(
        slug="questions-of-leninism",
        title="Concerning Questions of Leninism",
        author="J. V. Stalin",
        date="1926-01-25",
        language="en",
        source_file="questions-of-leninism.txt",
    )
    assert doc.raw == CHAPTERS
    assert doc.sha256 == hashlib.sha256(CHAPTERS.encode("utf-8")).hexdigest()
    assert [s.number for s in doc.sections] == [1, 2, 3]


def test_load_document_without_metadata_derives_title_from_name(tmp_path):
    doc = load_document(write(tmp_path / "on-co-operation.txt", b"Text of the article.\n"))
    assert doc.meta.title == "On Co Operation"
    assert doc.meta.slug == "on-co-operation"
    assert (doc.meta.author, doc.meta.date, doc.meta.language) == (None, None, None)
    assert doc.meta.source_file == "on-co-operation.txt"


def test_load_document_keeps_raw_text_exactly(tmp_path):
    raw = "| think,\r\nsays he.”1\n\n30\n"
    doc = load_document(write(tmp_path / "exact.txt", raw.encode("utf-8")))
    assert doc.raw == raw


def test_load_document_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"nowhere\.txt") as info:
        load_document(tmp_path / "nowhere.txt")
    assert "no such file" in str(info.value)


def test_load_document_directory(tmp_path):
    folder = tmp_path / "texts.txt"
    folder.mkdir()
    with pytest.raises(InputError, match=r"texts\.txt") as info:
        load_document(folder)
    assert "directory" in str(info.value)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n"], ids=["empty", "whitespace"])
def test_load_document_empty_file(tmp_path, content):
    with pytest.raises(InputError, match=r"blank\.txt") as info:
        load_document(write(tmp_path / "blank.txt", content))
    assert "empty" in str(info.value)


def test_load_document_nul_bytes(tmp_path):
    with pytest.raises(InputError, match=r"scan\.txt") as info:
        load_document(write(tmp_path / "scan.txt", b"Leninism\x00\x01\x02 is"))
    assert "NUL" in str(info.value)


def test_load_document_latin1_bytes(tmp_path):
    data = "Zinóviev’s thesis".encode("latin-1", errors="replace")
    with pytest.raises(InputError, match=r"latin\.txt") as info:
        load_document(write(tmp_path / "latin.txt", data))
    message = str(info.value)
    assert "UTF-8" in message
    assert "byte 3" in message  # the position of the first undecodable byte, "ó"


def test_malformed_metadata_names_file_and_line(tmp_path):
    text = write(tmp_path / "speech.txt", b"A speech.\n")
    (tmp_path / "speech.json").write_text(
        '{\n  "title": "A Speech",\n  "author": "J. V. Stalin"\n  "date": "1924"\n}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_document(text)
    message = str(info.value)
    assert "speech.json" in message
    assert "line 4" in message


def test_metadata_must_be_an_object(tmp_path):
    text = write(tmp_path / "speech.txt", b"A speech.\n")
    (tmp_path / "speech.json").write_text('["A Speech"]', encoding="utf-8")
    with pytest.raises(InputError, match=r"speech\.json"):
        load_document(text)


def test_metadata_with_empty_values_uses_defaults(tmp_path):
    text = write(tmp_path / "the-tax-in-kind.txt", b"The tax in kind.\n")
    (tmp_path / "the-tax-in-kind.json").write_text(
        '{"title": "", "author": null, "date": 1921}', encoding="utf-8"
    )
    meta = load_document(text).meta
    assert meta.title == "The Tax in Kind"  # small words of titles in lower case
    assert meta.author is None
    assert meta.date == "1921"


# --- slugify ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Vladimir Lenin", "vladimir-lenin"),
        ("Concerning Questions of Leninism", "concerning-questions-of-leninism"),
        ("C.P.S.U.(B.)", "cpsu-b"),
        (
            "“Left-Wing” Communism, an Infantile Disorder",
            "left-wing-communism-an-infantile-disorder",
        ),
        ("Zinóviev  Thesis", "zinoviev-thesis"),
        ("Bukharin's thesis", "bukharins-thesis"),
        ("Bukharin’s thesis", "bukharins-thesis"),
        ("Сталин", "x-" + hashlib.sha256("Сталин".encode()).hexdigest()[:12]),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_slugify_is_stable_and_ascii():
    labels = ["Grigory Zinoviev", "Plenum of the E.C.C.I.", "Bukharin’s thesis", "Ж. Сталин"]
    first = [slugify(label) for label in labels]
    assert first == [slugify(label) for label in labels]
    for slug in first:
        assert slug.isascii()
        assert slug == slug.lower()
        assert not slug.startswith("-") and not slug.endswith("-")
        assert "--" not in slug


def test_slugify_keeps_distinct_non_latin_labels_apart():
    assert slugify("Ленин") != slugify("Сталин")
