"""Date expressions: every printed form read to a DateValue of exactly the text's precision.

Days month-first or day-first ("December 18, 1925", "18 December 1925", "Dec. 18, 1925",
ISO "1925-12-18"), dual Old/New Style dates ("April 18 (May 1), 1917", "15 (28) December
1912", "25 October (7 November) 1917": the New Style date is kept), ranges of days and
months ("March 27-April 2, 1922", "June 17 to July 8, 1924", "27-29 April 1925",
"January-November, 1926"), months ("December 1924", "December, 1924"), seasons ("the
spring of 1917": EDTF 1917-21), years after a cue ("in 1921", "(1923)", "Written: 1921"),
spans of years and economic years ("1917-1921", "1925-26"), decades ("the forties of the last
century", "the 1890s": EDTF 184X, 189X), and dates counted from the one before ("sixteen
years later", "in October", "on March 8").

Each pattern has a group ``date`` around the date proper (without "in", "as far back as").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from kgbuild.extract.patterns import initials
from kgbuild.lexicon import alternation, data_set, word_set, words
from kgbuild.records import DateValue

YEAR = r"(?P<year>1[5-9]\d\d)(?![\d-]|[’']?s\b)"  # not "the 1930s"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
# forms that anchor the partial and relative dates after them
ANCHORING = frozenset({"iso", "day", "day-range", "from-range", "month-range", "month", "season",
                       "year", "year-after-comma"})

Groups = dict[str, str | None]


def _month(group: str) -> str:
    """A month by its name or its abbreviation ("Dec.", "Sept.")."""
    names = alternation("months")
    abbreviations = "|".join(words("month_abbreviations"))
    return rf"(?P<{group}>{names}|(?:{abbreviations})\b\.?)"


def month_number(name: str) -> int:
    key = name.rstrip(".")[:3].casefold()
    return next(i for i, m in enumerate(words("months"), 1) if m[:3].casefold() == key)


def _day(group: str) -> str:
    return rf"(?P<{group}>{DAY})"


def _number(text: str | None) -> int:
    return int(re.match(r"\d+", text or "").group(0))  # type: ignore[union-attr]


def _iso(year: str, month: str | None = None, day: str | None = None) -> str:
    iso = year
    if month:
        iso += f"-{month_number(month):02d}"
        if day:
            iso += f"-{_number(day):02d}"
    return iso


def _single(iso: str) -> DateValue:
    precision = {4: "year", 7: "month", 10: "day"}[len(iso)]
    return DateValue(iso, precision, iso)


def _span(first: str, last: str) -> DateValue | None:
    if last <= first:
        return None
    return DateValue(f"{first}/{last}", "range", f"{first}/{last}")


def _day_value(g: Groups) -> DateValue:
    """A day, New Style where the text gives both ("April 18 (May 1)", "15 (28) December")."""
    ns_day = g.get("ns_day")
    return _single(_iso(g["year"] or "", g.get("ns_month") or g["month"], ns_day or g["day"]))


def _day_range(g: Groups) -> DateValue | None:
    """ "March 27-April 2, 1922", "April 27-29, 1925", "27-29 April 1925", the New Style days
    where the text gives both."""
    year = g["year"] or ""
    if g.get("ns_day") and g.get("ns_day2"):
        first_month = g.get("ns_month") or g["month"]
        last_month = g.get("ns_month2") or g.get("ns_month") or g["month2"] or g["month"]
        first = _iso(year, first_month, g["ns_day"])
        return _span(first, _iso(year, last_month, g["ns_day2"]))
    first_month, last_month = g["month"], g["month2"]
    first = _iso(g.get("year1") or year, first_month or last_month, g["day"])
    return _span(first, _iso(year, last_month or first_month, g["day2"]))


def _from_range(g: Groups) -> DateValue | None:
    first = _iso(g["year1"] or "", g["month"], g["day"])
    return _span(first, _iso(g["year"] or "", g["month2"], g["day2"]))


def _month_range(g: Groups) -> DateValue | None:
    first = _iso(g["year1"] or g["year"] or "", g["month"])
    return _span(first, _iso(g["year"] or "", g["month2"]))


def _season(g: Groups) -> DateValue:
    year, season = g["year"] or "", (g["season"] or "").casefold()
    return DateValue(year, "season", f"{year}-{SEASONS[season]}")


def _years(g: Groups) -> DateValue | None:
    first, last = g["first"] or "", g["last"] or ""
    return _span(first, first[: 4 - len(last)] + last)  # "1918–20" → 1920


def _decade(g: Groups, doc_year: int) -> DateValue | None:
    if g.get("digits"):
        start = int(g["digits"] or 0) * 10
    else:
        if not doc_year:
            return None
        century = {
            "last": doc_year // 100 - 1,
            "present": doc_year // 100,
            "eighteenth": 17,
            "nineteenth": 18,
            "twentieth": 19,
        }[g["century"] or ""]
        start = century * 100 + (words("decade_words").index(g["decade"] or "") + 2) * 10
    return DateValue(f"{start}/{start + 9}", "decade", f"{str(start)[:3]}X")


@cache
def date_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(form, pattern) from the most to the least precise; earlier forms win overlaps."""
    month, month2, day, day2 = _month("month"), _month("month2"), _day("day"), _day("day2")
    ns_month, ns_day = _month("ns_month"), _day("ns_day")
    # each form begins with a look-ahead for the characters its match can begin with, so
    # that its word boundaries and look-behinds are tried there only, not at every character
    months = initials(words("months") + words("month_abbreviations"))
    cues = initials(words("year_cues") + words("dated_apparatus_labels"))
    dash = r"\s*(?:[-–—]|to|until|till)\s*"
    until = r"\s+(?:to|until|till)\s+"
    numbers = alternation("number_words")
    year_cues = alternation("year_cues")
    labels = alternation("dated_apparatus_labels")
    year_after = rf"(?:,[ \t]*|\s+)\[?{YEAR}\]?"  # ", 1925", ",1925", " [1923]"
    new_style = r"(?:,?\s*(?:[Nn]ew\s+[Ss]tyle|N\.\s?S\.))?"  # "July 17 (30, New Style)"
    ns_range = (  # "September 23 to October 1 (October 6–14), 1913": the New Style days
        rf"(?:\s*\((?:{ns_month}\s+)?{ns_day}\s*[-–]\s*(?:{_month('ns_month2')}\s+)?"
        rf"{_day('ns_day2')}\))?"
    )
    return (
        ("iso", re.compile(r"(?=1)(?<![\d-])(?P<date>(?P<year>1[5-9]\d\d)-(?P<m>0[1-9]|1[0-2])-"
                           r"(?P<d>[0-2]\d|3[01]))(?![\d-])")),
        # "from July 1, 1857 to April 1865", "from 5 March 1917 until October 1918": two
        # dates of any precision
        ("from-range", re.compile(
            rf"(?=[Ff])\b[Ff]rom\s+(?P<date>{month}(?:\s+{day})?,?\s+(?P<year1>1[5-9]\d\d){until}"
            rf"{month2}(?:\s+{day2})?,?\s+{YEAR})")),
        ("from-range", re.compile(
            rf"(?=[Ff])\b[Ff]rom\s+(?P<date>(?:{day}\s+)?{month}\s+(?P<year1>1[5-9]\d\d){until}"
            rf"(?:{day2}\s+)?{month2}\s+{YEAR})")),
        ("day-range", re.compile(  # "March 27-April 2, 1922", "June 1, 1848 to May 19, 1849"
            rf"(?=[{months}])\b(?P<date>{month}\s+{day}(?:,?\s+(?P<year1>1[5-9]\d\d))?{dash}(?:{month2}\s+)?"
            rf"{day2}{ns_range}{year_after})")),
        ("day-range", re.compile(  # "27-29 April 1925", "6 Mar 1918 - 8 Mar 1918"
            rf"(?=\d)(?<![\d.])"
            rf"(?P<date>{day}(?:[ \t]+{month}(?:[ \t]+(?P<year1>1[5-9]\d\d))?)?{dash}"
            rf"{day2}[ \t]+{month2}{year_after})")),
        ("day", re.compile(  # "April 18 (May 1), 1917", "July 3 [1923]"
            rf"(?=[{months}])\b(?P<date>{month}\s+{day}(?:\s*\((?:{ns_month}\s+)?{ns_day}{new_style}\))?"
            rf"{year_after})")),
        ("day", re.compile(  # "15 (28) December 1912", "25 October (7 November) 1917"
            rf"(?=\d)(?<![\d.])(?<!No\.\s)(?P<date>{day}(?:\s*\({_day('ns_day_alone')}\))?[ \t]+"
            rf"{month}(?:\s*\({ns_day}\s+{ns_month}\))?{year_after})")),
        # "9th, 10th, and 14th January, 1920": the days listed before the last share its
        # month and year
        ("day", re.compile(
            r"(?=\d)(?<![\d.])(?<!pp\.\s)(?<!p\.\s)(?<!No\.\s)(?<!Vol\.\s)"
            rf"(?P<date>{day})(?=(?:,[ \t]*{DAY})*,?[ \t]+and[ \t]+{DAY}"
            rf"[ \t]+{month}{year_after})")),
        # "June 5 & 12, 1924", "January 15 and 22, 1926": two days of one month and year
        ("day", re.compile(
            rf"\b(?P<date>{month}\s+{day})(?=(?:,[ \t]*{DAY})*,?[ \t]+(?:and|&)[ \t]+{DAY}"
            rf"{year_after})")),
        ("day", re.compile(
            rf"\b{month}\s+{DAY}(?:,[ \t]*{DAY})*,?[ \t]+(?:and|&)[ \t]+"
            rf"(?P<date>{day}{year_after})")),
        ("month-range", re.compile(  # "January-November, 1926", "July and August 1903"
            rf"(?=[{months}])\b(?P<date>{month}(?:,?\s+(?P<year1>1[5-9]\d\d))?(?:{dash}|\s+and\s+)"
            rf"{month2}{year_after})")),
        ("month", re.compile(rf"(?=[{months}])\b(?P<date>{month}{year_after})")),
        ("season", re.compile(
            rf"(?=(?i:[ti{initials(SEASONS)}]))"
            rf"\b(?:[Tt]he\s+|[Ii]n\s+)?(?P<date>(?P<season>{'|'.join(SEASONS)}|"
            rf"{'|'.join(s.capitalize() for s in SEASONS)}),?\s+(?:of\s+)?{YEAR})")),
        ("years", re.compile(  # "1917-1921", "1918–20", "from 1917 to 1921", "1925/26"
            r"(?=1)(?<![\d.])(?<!pp\.\s)(?<!p\.\s)(?P<date>(?P<first>1[5-9]"
            r"\d\d)(?:\s*[-–/]\s*|\s+(?:to|till|until)\s+|(?<=between\s\d{4})\s+and\s+)"
            r"(?P<last>(?:1[5-9])?\d\d))(?![\d-])"
        )),
        ("year", re.compile(  # "in 1921", "In 1919", "(born 1879)", "(1923)", "Written: 1921"
            rf"(?=(?i:[{cues}(a]))"  # the cues in any case (and "ſince" as re folds it)
            rf"(?:\b(?i:{year_cues})\s+(?:the\s+year\s+)?|\(|^(?:{labels})[ \t]*[:|][ \t]*"
            r"|(?<=\d\d\d\d\s)and\s+"  # "in 1919 and 1920": two years
            rf"|\bas\s+(?:long\s+ago|far\s+back|early|late)\s+as\s+)(?P<date>{YEAR})",
            re.MULTILINE)),
        # "the 1905 Revolution", "the 1920 gathering"
        ("year", re.compile(rf"(?=[Tt])\b[Tt]he\s+(?P<date>{YEAR})(?=\s+[A-Za-z])")),
        ("year", re.compile(rf"^[ \t]*(?P<date>{YEAR})(?=[.:]\s)", re.MULTILINE)),  # "1894. The …"
        ("year-after-comma", re.compile(  # "The Development of Capitalism in Russia, 1899"
            rf"[,?!][ \t]+(?P<date>{YEAR})(?=[ \t]*(?:[.)\];]|$))", re.MULTILINE)),
        ("decade", re.compile(
            rf"(?=t)\bthe\s+(?P<date>(?P<decade>{alternation('decade_words')})\s+of\s+the\s+"
            r"(?P<century>last|present|nineteenth|eighteenth|twentieth)\s+century)")),
        ("decade", re.compile(r"(?=[t1])\b(?:the\s+)?(?P<date>(?P<digits>1[5-9]\d)0[’']?s)\b")),
        ("relative", re.compile(
            rf"(?=[{initials(words('number_words'))}\d])\b(?P<date>(?P<count>{numbers}|\d{{1,2}})\s+years?\s+"
            r"(?P<direction>later|after|earlier|before))")),
        ("month-only", re.compile(rf"(?=i)\bin\s+(?P<date>{month})\b(?!\s+\d)")),
        ("month-day", re.compile(
            rf"(?=[o{months}])\b(?:on\s+)?(?P<date>{month}\s+{day})\b(?!,?\s+\d|\s*\()")),
        ("month-day", re.compile(  # "1 August": the year of the date before
            rf"(?=\d)(?<![\d./])(?P<date>{day}[ \t]+{month})\b(?!,?\s+\d|\s*\()")),
    )


def _year(g: Groups) -> DateValue:
    return _single(g["year"] or "")


def count_value(word: str) -> int:
    """ "sixteen" or "16" years: the number."""
    return int(word) if word.isdigit() else words("number_words").index(word) + 1


# how each form's groups make a date, where the date needs nothing from the text around it
BUILDERS: dict[str, Callable[[Groups], DateValue | None]] = {
    "iso": lambda g: _single(f"{g['year']}-{g['m']}-{g['d']}"),
    "day": _day_value,
    "day-range": _day_range,
    "from-range": _from_range,
    "month-range": _month_range,
    "month": lambda g: _single(_iso(g["year"] or "", g["month"])),
    "season": _season,
    "years": _years,
    "year": _year,
    "year-after-comma": _year,
}


def _value(form: str, groups: Groups, doc_year: int, last: DateValue | None) -> DateValue | None:
    if groups.get("ns_day_alone"):  # day-first dual date: "15 (28) December"
        groups = {**groups, "ns_day": groups["ns_day_alone"]}
    if form in BUILDERS:
        return BUILDERS[form](groups)
    if form == "decade":
        return _decade(groups, doc_year)
    if last is None:
        return None
    base = last.iso[:4]
    if form == "relative":
        sign = 1 if groups["direction"] in ("later", "after") else -1
        return _single(str(int(base) + sign * count_value(groups["count"] or "")))
    if form == "month-day":  # the year of the date before
        return _single(_iso(base, groups["month"], groups["day"]))
    return _single(_iso(base, groups["month"]))  # month-only


def find_dates(text: str, doc_year: int) -> list[tuple[re.Match[str], DateValue]]:
    """Date expressions in text order, each with its value; overlaps go to the precise."""
    found: list[tuple[str, re.Match[str]]] = []
    taken = bytearray(len(text))  # 1 where a date found already stands
    for form, pattern in date_patterns():
        for match in pattern.finditer(text):
            start, end = match.span("date")
            if form == "year-after-comma" and _imprint(text, match.start()):
                continue
            if 1 not in taken[start:end]:
                found.append((form, match))
                taken[start:end] = b"\x01" * (end - start)
    dated: list[tuple[re.Match[str], DateValue]] = []
    last: DateValue | None = None
    for form, match in sorted(found, key=lambda item: item[1].start()):
        value = _value(form, match.groupdict(), doc_year, last)
        if value is not None and value.precision == "day" and OLD_STYLE.match(text, match.end()):
            value = new_style(value)
        if value is not None:
            dated.append((match, value))
            if form in ANCHORING:
                last = value
    return dated


# "15 February 1886 (old style)", "June 29, 1914 (OS)": a Julian date
OLD_STYLE = re.compile(r"\s*\((?:[Oo]ld\s+[Ss]tyle|O\.\s?S\.|OS)\)")


def new_style(value: DateValue) -> DateValue:
    """The Gregorian day of a Julian one: 11 days behind after February 1700, 12 after
    February 1800, 13 after February 1900 (Russia kept the Julian calendar until 1918)."""
    day = date.fromisoformat(value.iso)
    behind = 11 + sum(day >= date(year, 3, 1) for year in (1800, 1900))
    iso = (day + timedelta(days=behind)).isoformat()
    return DateValue(iso, "day", iso)


def _imprint(text: str, comma: int) -> bool:
    """ "Moscow, 1953", "Progress Publishers, 1972": an edition's imprint, not a date the
    text gives anything (the word before the comma says)."""
    before = re.search(r"[\w’'.]+$", text[max(0, comma - 40) : comma])
    word = before.group(0) if before else ""
    return word in data_set("places.txt") or word in word_set("publisher_words")


def certain_part(value: DateValue) -> str | None:
    """The most precise single date a value is certain of: a day, month or year ("1925-12"
    for December 18-31, 1925; "1917" for the spring of 1917), or None (a decade, a span of
    years)."""
    if value.precision == "season":
        return value.iso
    first, _, last = value.iso.partition("/")
    if not last:
        return first
    for size in (10, 7, 4):
        if len(first) >= size and first[:size] == last[:size]:
            return first[:size]
    return None
