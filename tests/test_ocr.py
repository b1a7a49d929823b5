"""Cleaning rules for OCR damage, and the map from cleaned offsets back to raw offsets.

Every case is a small string written like the 1926 transcript. Each case is checked twice:
for what the cleaned text says, and for the offset map (its shape, that untouched
characters map onto themselves, and that a Span over a repaired word gives back exactly the
raw characters that were printed).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kgbuild.document import DocumentMeta, InputError, load_document, make_document, read_errata
from kgbuild.ocr import clean_text, repair_roman, roman_to_int, rules

META = DocumentMeta("sample", "Sample", None, None, None, "sample.txt")
# The bundled corpus's own errata: the "known word" cases below are its misreadings.
ERRATA = read_errata(Path(__file__).parents[1] / "corpus" / "errata.tsv")


def assert_offset_map(raw: str, clean: str, offsets: list[int], changed: tuple[str, ...] = ()):
    """The offset map is well formed; characters outside ``changed`` map onto themselves.

    ``changed`` lists cleaned substrings (first occurrence) that contain what a rule rewrote
    (not merely deleted around); every other cleaned character must be the raw character
    it points at.
    """
    assert len(offsets) == len(clean) + 1
    assert offsets[0] >= 0
    assert offsets[-1] == len(raw)
    assert all(a <= b for a, b in itertools.pairwise(offsets)), offsets
    rewritten: set[int] = set()
    for token in changed:
        index = clean.find(token)
        assert index >= 0, f"{token!r} not in {clean!r}"
        rewritten.update(range(index, index + len(token)))
    for i, char in enumerate(clean):
        if i not in rewritten:
            assert raw[offsets[i]] == char, (i, char, raw[offsets[i]])


# (id, raw, expected clean, cleaned substrings a rule rewrote)
CASES = [
    ("pronoun-bar", "| think it is correct.", "I think it is correct.", ("I",)),
    ("pronoun-bar-after-quote", "“| think so,” he said.", "“I think so,” he said.", ("I",)),
    # two bars or more on a line are a table row or a navigation bar, not pronouns
    ("table-bars", "Written in | End of 1915 |\nText", "Written in | End of 1915 |\nText", ()),
    ("navigation-bars", "Marx-Engels |  Lenin  | Stalin\n", "Marx-Engels |  Lenin  | Stalin\n",
     ()),
    (
        "heading-bar",
        " |. THE DEFINITION OF LENINISM\nThe pamphlet",
        " I. THE DEFINITION OF LENINISM\nThe pamphlet",
        ("I.",),
    ),
    ("heading-Il", "Il. THE MAIN THING IN LENINISM\n", "II. THE MAIN THING IN LENINISM\n", ("II",)),
    (
        "heading-I11",
        "I11. THE QUESTION OF “PERMANENT” REVOLUTION\n",
        "III. THE QUESTION OF “PERMANENT” REVOLUTION\n",
        ("III",),
    ),
    ("vol-XX1V", "(see Vol. XX1V, p. 311).", "(see Vol. XXIV, p. 311).", ("XXIV",)),
    ("vol-XXV1", "(see Vol. XXV1, p. 64).", "(see Vol. XXVI, p. 64).", ("XXVI",)),
    ("vol-XX-VI", "(see Vol. XX VI, p.\n123).", "(see Vol. XXVI, p.\n123).", ("XXVI",)),
    ("vol-newline-XXIl", "(see Vol.\nXXIl, p. 315).", "(see Vol.\nXXII, p. 315).", ("XXII",)),
    (
        "vol-111",
        "(see Lenin Miscellany, Vol. 111, p. 497).",
        "(see Lenin Miscellany, Vol. III, p. 497).",
        ("III",),
    ),
    (
        "volume-111",
        "the Lenin Miscellany, Volume 111, where",
        "the Lenin Miscellany, Volume III, where",
        ("III",),
    ),
    ("vol-11-stays", "(see Vol. 11, p. 5).", "(see Vol. 11, p. 5).", ()),
    ("vol-27-stays", "(see Vol. 27, p. 5).", "(see Vol. 27, p. 5).", ()),
    ("vol-XXIII-stays", "(see Vol. XXIII, p. 386)", "(see Vol. XXIII, p. 386)", ()),
    (
        "page-number-line",
        "and of the world revolution\n30\nwhich began directly",
        "and of the world revolution\nwhich began directly",
        (),
    ),
    (
        "page-number-line-in-quotation",
        "“Leninism is Marxism of the era\n 30 \nwhich began directly.”",
        "“Leninism is Marxism of the era\nwhich began directly.”",
        (),
    ),
    (
        "page-break-mid-sentence",
        "the dictatorship of the proletariat,\n\n\nin particular.",
        "the dictatorship of the proletariat,\nin particular.",
        (),
    ),
    (
        "page-break-with-page-number",
        "the theory and tactics\n\n31\n\nof the proletarian revolution",
        "the theory and tactics\nof the proletarian revolution",
        (),
    ),
    (
        "paragraph-break-stays",
        "Is this definition correct?\n\nI think it is.",
        "Is this definition correct?\n\nI think it is.",
        (),
    ),
    (
        "line-end-hyphen",
        "socialist construction through the co-\noperative societies",
        "socialist construction through the co-operative societies",
        (),
    ),
    ("emphasis-stars", "the peasantry** can save", "the peasantry can save", ()),
    ("emphasis-registered", "the peasantry®* can save", "the peasantry can save", ()),
    ("emphasis-registered-tm", "society®™* in a backward", "society in a backward", ()),
    ("damaged-close-quote", "of the dictatorship™) and", "of the dictatorship”) and", ("”",)),
    ("endnote-after-quote", "in particular.”1\n\nIs this", "in particular.”\n\nIs this", ()),
    ("endnote-after-quote-end", "of Leninism.”1", "of Leninism.”", ()),
    (
        "endnote-after-comma",
        "an Infantile Disorder,5 etc., apply",
        "an Infantile Disorder, etc., apply",
        (),
    ),
    ("endnote-before-colon", "the Comintern16: on the role", "the Comintern: on the role", ()),
    ("endnote-before-space", "the Comintern16 on the role", "the Comintern on the role", ()),
    ("page-ref-stays", "(see Vol. XXIII, p. 386)", "(see Vol. XXIII, p. 386)", ()),
    ("pages-ref-stays", "(see Vol. XXV, pp. 171-72.)", "(see Vol. XXV, pp. 171-72.)", ()),
    (
        "issue-number-stays",
        "(Kurskaya Pravda, No. 279, November 3, 1925)",
        "(Kurskaya Pravda, No. 279, November 3, 1925)",
        (),
    ),
    ("year-stays", "(December 1925) the", "(December 1925) the", ()),
    # a page marker alone on its line is not glued to the word broken before it
    ("hyphen-before-page-marker", "the village schoo-\npage 591\nls were", "the village "
     "schoo-\npage 591\nls were", ()),
    # a volume, issue or page glued to its abbreviation is no endnote number
    ("glued-volume-page-stays", "(Works, Vol.8, p.46)", "(Works, Vol.8, p.46)", ()),
    ("glued-short-forms-stay", "Village Monthly, v.4 n.6, May 1925", "Village Monthly, v.4 n.6, "
     "May 1925", ()),
    ("known-word-guestion", "the peasant guestion is", "the peasant question is", ("question",)),
    (
        "known-word-guestions",
        "the guestions of socialist",
        "the questions of socialist",
        ("questions",),
    ),
    ("known-word-ie", "(i.¢., of the dictatorship", "(i.e., of the dictatorship", ("i.e.",)),
    ("known-word-destory", "to destory the old state", "to destroy the old state", ("destroy",)),
    ("known-word-1s", "It 1s impossible", "It is impossible", ("is",)),
    ("abbreviation-colon", "the R.C.P:(B.) says", "the R.C.P.(B.) says", ("P.(",)),
]


@pytest.mark.parametrize(
    ("raw", "expected", "changed"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_clean_text_repairs_and_keeps_offset_map(raw: str, expected: str, changed: tuple[str, ...]):
    clean, offsets = clean_text(raw, ERRATA)
    assert clean == expected
    assert_offset_map(raw, clean, offsets, changed)


def test_untouched_text_has_identity_map():
    raw = "Leninism is Marxism of the era of imperialism and the proletarian revolution."
    clean, offsets = clean_text(raw)
    assert clean == raw
    assert offsets == list(range(len(raw) + 1))


def test_empty_text():
    assert clean_text("") == ("", [0])


def test_many_rules_in_one_passage_keep_map_consistent():
    raw = (
        " |. THE DEFINITION OF LENINISM\n"
        "The pamphlet contains a definition of Leninism.”1\n"
        "| think the peasant guestion®* is the co-\n"
        "operation of the peasantry,\n\n29\n\nas Lenin says (see Vol. XX1V, p. 311).\n"
        "The R.C.P:(B.) teaches** this (see Vol. 11, p. 5).\n"
    )
    clean, offsets = clean_text(raw, ERRATA)
    assert clean == (
        " I. THE DEFINITION OF LENINISM\n"
        "The pamphlet contains a definition of Leninism.”\n"
        "I think the peasant question is the co-"
        "operation of the peasantry,\n"
        "as Lenin says (see Vol. XXIV, p. 311).\n"
        "The R.C.P.(B.) teaches this (see Vol. 11, p. 5).\n"
    )
    rewritten = {"I.", "I think", "question", "XXIV", "R.C.P.(B.)"}
    assert_offset_map(raw, clean, offsets, tuple(rewritten))


def test_rules_have_unique_names_in_a_fixed_order():
    names = [rule.name for rule in rules()]
    assert len(names) == len(set(names))
    # Page numbers go before page breaks, so that a page number between blank lines is
    # removed first and the blank lines can then be joined.
    assert names.index("page-number-line") < names.index("page-break")


# --- Roman numerals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("I", 1),
        ("III", 3),
        ("IV", 4),
        ("IX", 9),
        ("XIV", 14),
        ("XXII", 22),
        ("XXIV", 24),
        ("XXVI", 26),
        ("XL", 40),
        ("XC", 90),
        ("CCC", 300),
    ],
)
def test_roman_to_int_valid(numeral: str, value: int):
    assert roman_to_int(numeral) == value


@pytest.mark.parametrize("numeral", ["", "IIII", "VV", "IC", "XXIl", "XX1V", "11", "iv", "MCM"])
def test_roman_to_int_rejects_malformed(numeral: str):
    assert roman_to_int(numeral) is None


@pytest.mark.parametrize(
    ("token", "repaired"),
    [
        ("XX1V", "XXIV"),
        ("XXV1", "XXVI"),
        ("XX VI", "XXVI"),
        ("XXIl", "XXII"),
        ("111", "III"),
        ("1111", None),
        ("Il", "II"),
        ("I11", "III"),
        ("|", "I"),
        ("XXIII", "XXIII"),
        ("11", None),
        ("27", None),
        ("1", None),
        ("XIIII", None),
        ("Vl", "VI"),
    ],
)
def test_repair_roman(token: str, repaired: str | None):
    assert repair_roman(token) == repaired


# --- Spans over cleaned words give back the raw characters ------------------------------

SPAN_CASES = [
    ("| think it is correct.", "I think", "| think"),
    (" |. THE DEFINITION OF LENINISM\n", "I. THE DEFINITION", "|. THE DEFINITION"),
    ("I11. THE QUESTION OF “PERMANENT” REVOLUTION\n", "III. THE", "I11. THE"),
    ("(see Vol. XX1V, p. 311).", "XXIV", "XX1V"),
    ("(see Vol. XXV1, p. 64).", "XXVI", "XXV1"),
    ("(see Vol.\nXXIl, p. 315).", "Vol.\nXXII", "Vol.\nXXIl"),
    ("(see Lenin Miscellany, Vol. 111, p. 497).", "Vol. III, p. 497", "Vol. 111, p. 497"),
    ("through the co-\noperation of the", "co-operation", "co-\noperation"),
    ("the era\n30\nwhich began", "era\nwhich", "era\n30\nwhich"),
    ("the peasantry®™* can save", "peasantry", "peasantry"),
    ("the peasantry®™* can save", "peasantry can", "peasantry®™* can"),
    ("of Leninism.”1 Next", "Leninism.”", "Leninism.”"),
    ("of Leninism.”1 Next", "Leninism.” Next", "Leninism.”1 Next"),
    ("the Comintern16: on", "Comintern:", "Comintern16:"),
    ("the peasant guestion is", "question", "guestion"),
    ("(i.¢., of the", "i.e.", "i.¢."),
    ("to destory the", "destroy", "destory"),
    ("the R.C.P:(B.) says", "R.C.P.(B.)", "R.C.P:(B.)"),
    ("the dictatorship™) and", "dictatorship”", "dictatorship™"),
    pytest.param(
        "(see Vol. XX VI, p. 5)",
        "XXVI",
        "XX VI",
                id="shrinking-roman",
    ),
    pytest.param(
        "struggle—Dbloody and bloodless",
        "bloody",
        "bloody",
                id="shrinking-known-word",
    ),
]


@pytest.mark.parametrize(("raw", "cleaned", "expected_raw"), SPAN_CASES)
def test_span_over_cleaned_text_returns_raw_characters(raw: str, cleaned: str, expected_raw: str):
    doc = make_document(raw, META, errata=ERRATA)
    start = doc.clean.index(cleaned)
    span = doc.span(start, start + len(cleaned))
    assert span.text == expected_raw
    assert doc.raw[span.start : span.end] == expected_raw
    assert span.line == raw[: span.start].count("\n") + 1


def test_span_line_counts_raw_lines_not_cleaned_lines():
    raw = "the era\n30\nwhich began\n| think so."
    doc = make_document(raw, META)
    start = doc.clean.index("I think")
    span = doc.span(start, start + 1)
    assert span.text == "|"
    assert span.line == 4


def test_empty_span_is_empty_raw_text():
    doc = make_document("| think so.", META)
    span = doc.span(2, 2)
    assert (span.start, span.end, span.text) == (2, 2, "")


# --- Known bugs in the rules ------------------------------------------------------------


def test_known_word_S0_is_repaired():
    assert clean_text("S0 as to give the masses an opportunity", ERRATA)[0] == (
        "So as to give the masses an opportunity"
    )


def test_known_word_signature_after_dash_is_repaired():
    assert clean_text("in one country—1J. St.). The other", ERRATA)[0] == (
        "in one country—J. St.). The other"
    )


# --- A corpus's errata belong to the corpus ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Vladimir Ilyich Lenin", "a delegate from Illinois", "the peasant guestion is", "It 1s so"],
)
def test_without_a_corpus_errata_words_stay_as_printed(text: str) -> None:
    assert clean_text(text)[0] == text


def test_a_folder_errata_file_is_read_with_its_texts(tmp_path: Path) -> None:
    (tmp_path / "errata.tsv").write_text("# ours\nsocalism\tsocialism\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The victory of socalism in one country.\n", encoding="utf-8")
    doc = load_document(tmp_path / "a.txt")
    assert "socialism" in doc.clean and "socalism" in doc.raw
    assert load_document(tmp_path / "a.txt", errata={"socalism": "socialists"}).clean == (
        "The victory of socialists in one country.\n"
    )


def test_a_malformed_errata_file_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "errata.tsv").write_text("good\tword\nno tab here\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"errata.tsv: line 2: expected wrong<TAB>right"):
        load_document(tmp_path / "a.txt")
