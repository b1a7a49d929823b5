"""Parameters bound as RDF terms, never pasted into a query as strings: parsed from
``--param name=value``, and written as SPARQL syntax for a remote VALUES clause."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pyoxigraph as ox

from kgbuild.rdf.namespaces import PREFIXES
from kgbuild.sparql.base import XSD, XSD_STRING, ParameterError, Term
from kgbuild.sparql.saved import VARIABLE_NAME, SavedQuery

_IRI_FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|^`\\]")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:([^\s<>\"{}|^`\\]*)")
_QUOTED = re.compile(r"\"(.*)\"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(\S+))?", re.DOTALL)
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")


def _iri(value: str, original: str) -> ox.NamedNode:
    if _IRI_FORBIDDEN.search(value):
        raise ParameterError(f"{original!r}: not a valid IRI (forbidden character)")
    try:
        return ox.NamedNode(value)
    except ValueError as error:
        raise ParameterError(f"{original!r}: not a valid IRI ({error})") from None


def parse_term(value: str, prefixes: Mapping[str, str] | None = None) -> Term:
    """A parameter value as an RDF term.

    ``<http://…>`` and ``prefix:local`` (a known prefix) are IRIs; ``"text"``,
    ``"text"@en`` and ``"14"^^xsd:integer`` are literals written as in Turtle, and so are
    bare integers, decimals, ``true`` and ``false``; an IRI not closed (``<http://…``) or an
    unknown prefix is a ParameterError; anything else is a plain string literal.
    """
    known = {name: str(ns) for name, ns in PREFIXES.items()} if prefixes is None else prefixes
    if value.startswith("<") and value.endswith(">") and len(value) >= 2:
        return _iri(value[1:-1], value)
    if value.startswith("<"):
        raise ParameterError(f"{value!r}: an IRI must be closed with '>'")
    prefixed = _PREFIXED.fullmatch(value)
    if prefixed and (prefixed[1] or "") in known:
        return _iri(known[prefixed[1] or ""] + prefixed[2], value)
    if prefixed and prefixed[1] and not looks_like_bare_iri(value):
        raise ParameterError(f"{value!r}: unknown prefix {prefixed[1]!r} (known: "
                             f"{', '.join(sorted(p for p in known if p))}); write the IRI "
                             "in <…>, or the text in quotes")
    quoted = _QUOTED.fullmatch(value)
    if quoted:
        lexical, language, datatype = quoted[1], quoted[2], quoted[3]
        if language:
            return ox.Literal(lexical, language=language)
        if datatype:
            datatype_term = parse_term(datatype, known)
            if not isinstance(datatype_term, ox.NamedNode):
                raise ParameterError(f"{value!r}: the datatype must be an IRI")
            return ox.Literal(lexical, datatype=datatype_term)
        return ox.Literal(lexical)
    if _INTEGER.fullmatch(value):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "integer"))
    if _DECIMAL.fullmatch(value):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "decimal"))
    if value in ("true", "false"):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "boolean"))
    return ox.Literal(value)


def looks_like_bare_iri(value: str) -> bool:
    """``http://…`` without angle brackets: bound as a string, which is rarely what is meant."""
    return re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*://\S+", value) is not None


def parse_assignments(assignments: Sequence[str]) -> dict[str, str]:
    """``["person=<…>", ...]`` → {"person": "<…>"}; the name may be written ``?person``."""
    values: dict[str, str] = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not VARIABLE_NAME.fullmatch(name):
            raise ParameterError(f"{assignment!r}: expected NAME=VALUE")
        if name in values:
            raise ParameterError(f"parameter {name!r} given twice")
        values[name] = value
    return values


def bind_parameters(query: SavedQuery, values: Mapping[str, str]) -> dict[str, Term]:
    """Parse parameter values into terms, checking that the query has such parameters."""
    declared = {parameter.name: parameter for parameter in query.parameters}
    bindings: dict[str, Term] = {}
    for name, value in values.items():
        if declared and name not in declared:
            raise ParameterError(
                f"{query.name} has no parameter {name!r} (its parameters: "
                f"{', '.join(sorted(declared))})"
            )
        if not declared and not re.search(rf"[?$]{name}\b", query.text):
            raise ParameterError(f"{query.name} declares no parameters and has no variable ?{name}")
        bindings[name] = parse_term(value, query.prefixes)
        if name in declared and declared[name].wants_iri and not isinstance(
            bindings[name], ox.NamedNode
        ):
            wanted = declared[name].description.split(" (")[0]
            raise ParameterError(f"{name}: {value!r} is not {wanted[wanted.index('an IRI'):]}")
    return bindings


ESCAPES = {
    "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"
}


def sparql_term(term: Term) -> str:
    """A term in SPARQL syntax that no value can break out of.

    IRIs are checked for every character SPARQL forbids in ``<…>``; in literals, quotes,
    backslashes and line breaks are escaped. A literal containing ``\\u``/``\\U`` is refused:
    SPARQL allows endpoints to decode such escapes before parsing, which would undo ours.
    """
    if isinstance(term, ox.NamedNode):
        if _IRI_FORBIDDEN.search(term.value):
            raise ParameterError(f"{term.value!r}: not a valid IRI")
        return f"<{term.value}>"
    if isinstance(term, ox.Literal):
        if re.search(r"\\[uU]", term.value):
            raise ParameterError(
                f"{term.value!r}: a literal containing \\u or \\U cannot be sent safely to a "
                "remote endpoint"
            )
        body = "".join(ESCAPES.get(char, char) for char in term.value)
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*", term.language):
                raise ParameterError(f"{term.language!r}: not a language tag")
            return f'"{body}"@{term.language}'
        if term.datatype.value != XSD_STRING:
            return f'"{body}"^^{sparql_term(term.datatype)}'
        return f'"{body}"'
    raise ParameterError(f"{term!r}: only IRIs and literals can be bound")


def values_clause(bindings: Mapping[str, Term]) -> str:
    """``VALUES (?a ?b) { (<…> "…") }`` binding each parameter to its one value."""
    names = " ".join(f"?{name}" for name in bindings)
    for name in bindings:
        if not VARIABLE_NAME.fullmatch(name):
            raise ParameterError(f"{name!r}: not a variable name")
    terms = " ".join(sparql_term(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def with_values(text: str, bindings: Mapping[str, Term]) -> str:
    """The query with a trailing VALUES clause (SPARQL 1.1 §10.2.2) for the bindings."""
    if not bindings:
        return text
    return f"{text.rstrip()}\n{values_clause(bindings)}\n"


_FORM = re.compile(
    r"(?:\s+|#[^\n]*(?:\n|$)|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
    r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
    re.IGNORECASE,
)


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (None for anything else, e.g. an update)."""
    match = _FORM.match(text)
    return match[1].upper() if match else None


