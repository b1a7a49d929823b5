"""Rendering SPARQL 1.1 JSON results as an aligned table, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping

from kgbuild.rdf.namespaces import PREFIXES
from kgbuild.sparql.base import XSD_STRING, Results
from kgbuild.sparql.parameters import ESCAPES

FORMATS = ("table", "csv", "tsv", "json")


def _escape(text: str) -> str:
    return "".join(ESCAPES.get(char, char) for char in text)


def ntriples_term(term: Mapping[str, str]) -> str:
    """A results-JSON term in N-Triples/Turtle syntax (used by TSV)."""
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    literal = f'"{_escape(value)}"'
    if term.get("xml:lang"):
        return f"{literal}@{term['xml:lang']}"
    if term.get("datatype") and term["datatype"] != XSD_STRING:
        return f"{literal}^^<{term['datatype']}>"
    return literal


def _compact(value: str, prefixes: Mapping[str, str]) -> str:
    """``kgo:Person`` for an IRI in a known namespace (the longest that fits), else ``<IRI>``:
    either way a form that ``--param`` accepts back."""
    candidates = [
        (len(namespace), f"{name}:{value[len(namespace) :]}")
        for name, namespace in prefixes.items()
        if value.startswith(namespace) and re.fullmatch(r"[\w.-]*", value[len(namespace) :])
    ]
    return max(candidates)[1] if candidates else f"<{value}>"


def _cell(term: Mapping[str, str] | None, prefixes: Mapping[str, str], width: int | None) -> str:
    if term is None:
        return ""
    value = term.get("value", "")
    if term.get("type") == "uri":
        value = _compact(value, prefixes)
    elif term.get("type") == "bnode":
        value = f"_:{value}"
    value = " ".join(value.split())  # one line per row
    if width and len(value) > width:
        value = value[: width - 1] + "…"
    return value


def render(
    results: Results,
    fmt: str = "table",
    *,
    prefixes: Mapping[str, str] | None = None,
    max_width: int | None = 80,
) -> str:
    """Results as an aligned table, CSV (SPARQL 1.1 CSV), TSV (SPARQL 1.1 TSV) or JSON."""
    if fmt == "json":
        return json.dumps(results, ensure_ascii=False, indent=2) + "\n"
    if "boolean" in results:
        return ("true" if results["boolean"] else "false") + "\n"
    variables = results["head"]["vars"]
    bindings = results["results"]["bindings"]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(variables)
        for binding in bindings:
            writer.writerow([_csv_value(binding.get(name)) for name in variables])
        return out.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{name}" for name in variables)]
        lines += [
            "\t".join(ntriples_term(b[name]) if name in b else "" for name in variables)
            for b in bindings
        ]
        return "\n".join(lines) + "\n"
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    known = {name: str(ns) for name, ns in PREFIXES.items()} if prefixes is None else prefixes
    table = [
        [_cell(binding.get(name), known, max_width) for name in variables] for binding in bindings
    ]
    widths = [max([len(name)] + [len(row[i]) for row in table]) for i, name in enumerate(variables)]
    lines = [
        "  ".join(name.ljust(widths[i]) for i, name in enumerate(variables)).rstrip(),
        "  ".join("-" * width for width in widths),
    ]
    lines += [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in table
    ]
    lines.append(f"({len(table)} row{'s' if len(table) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _csv_value(term: Mapping[str, str] | None) -> str:
    if term is None:
        return ""
    if term.get("type") == "bnode":
        return f"_:{term['value']}"
    return term.get("value", "")
