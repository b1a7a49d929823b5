"""Typed literals for the dates the records carry, as precise as the value and never
ill-typed: a value that names no real day or month ("1917-02-31", a misread "1917-13")
gives no literal at all."""

from __future__ import annotations

import datetime
import re

from rdflib import Literal
from rdflib.namespace import XSD

DATE_FORMS = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), XSD.date),
    (re.compile(r"(\d{4})-(\d{2})()"), XSD.gYearMonth),
    (re.compile(r"(\d{4})()()"), XSD.gYear),
)


def date_literal(value: object) -> Literal | None:
    """A typed literal for "1926-01-25", "1924-05" or "1923"; None for anything else."""
    text = str(value or "")
    for pattern, datatype in DATE_FORMS:
        if found := pattern.fullmatch(text):
            year, month, day = (int(part or 1) for part in found.groups())
            try:
                datetime.date(year, month, day)
            except ValueError:
                return None
            return Literal(text, datatype=datatype)
    return None
