"""Scoring a published graph against hand-made annotation files.

The format is that of tests/data/annotations/README.md.

Entity level, per kind: a predicted entity is one with evidence on a line the annotation
file covers; it matches a gold entity when their names meet (label or any alias against
canonical or any surface, compared without case, quotes and possessive/plural endings) or,
failing that, when their evidence lines meet and their labels share most words. Matching
is one-to-one. Evidence precision is the share of a matched entity's evidence lines that
the gold entity lists.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kgbuild.document import InputError
from kgbuild.lexicon import word_set
from kgbuild.rdf.namespaces import KGO, OA, SCHEMA
from kgbuild.reference import spelling_key

KIND_CLASSES = {
    "persons": (KGO.Person,),
    "organizations": (KGO.Organization,),
    "works": (KGO.Work,),
    "congresses": (KGO.Congress, KGO.Conference, KGO.Plenum),
    "resolutions": (KGO.Resolution,),
}


@cache  # names repeat across every pair the scorer compares
def fold(name: str) -> str:
    """A name for comparison: no case, accents, quotes, articles or possessive/plural
    endings, one transliteration ("Riazanov" is "Ryazanov")."""
    key = spelling_key(name).replace('"', "").replace("'s", "").replace("s'", "s")
    key = re.sub(r"^(?:the|a|an) ", "", key)
    return re.sub(r"(?<=[a-z])s$", "", key)


@cache
def words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", spelling_key(name))) - {"the", "of", "a", "an", "and"}


@dataclass
class Candidate:
    label: str
    names: set[str]
    lines: set[int]
    date: str | None = None  # a work's dcterms:created, a meeting's schema:startDate


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    evidence_lines: int = 0
    evidence_lines_right: int = 0
    mention_lines_gold: int = 0  # mention level: every (entity, line) the gold lists …
    mention_lines_found: int = 0  # … every (entity, line) the graph has evidence on …
    mention_lines_right: int = 0  # … and those of matched entities that agree
    dates_gold: int = 0  # entities whose date the annotation gives …
    dates_right: int = 0  # … and that were found with that date (its first day for a span)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def _ratio(self, a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return self._ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def evidence_precision(self) -> float:
        return self._ratio(self.evidence_lines_right, self.evidence_lines)

    @property
    def mention_f1(self) -> float:
        """F1 over (entity, line) pairs: mentions found on the right lines."""
        total = self.mention_lines_gold + self.mention_lines_found
        return 2 * self.mention_lines_right / total if total else 1.0


def predicted_entities(graph: Graph, kind: str, first: int, last: int) -> list[Candidate]:
    """Entities of a kind with evidence on lines first..last, with their names and lines."""
    found = []
    for cls in KIND_CLASSES[kind]:
        for entity in sorted(set(graph.subjects(RDF.type, cls))):  # ties break the same way
            lines = {
                int(line)
                for annotation in graph.objects(entity, KGO.evidence)
                for line in graph.objects(annotation, KGO.line)
            }
            lines = {line for line in lines if first <= line <= last}
            if not lines:
                continue
            label = str(graph.value(entity, RDFS.label))
            names = {fold(label)} | {fold(str(a)) for a in graph.objects(entity, SKOS.altLabel)}
            date = graph.value(entity, DCTERMS.created) or graph.value(entity, SCHEMA.startDate)
            found.append(Candidate(label, names, lines, str(date) if date else None))
    return found


def gold_entities(annotation: dict[str, object], kind: str) -> list[Candidate]:
    """Gold entities of a kind; lines an annotator marked generic ("the Party") are not
    scored, and an entity named only generically is left out."""
    items = annotation.get(kind) or []
    assert isinstance(items, list)
    golds = []
    for item in items:
        lines = set(item.get("lines", [])) - set(item.get("generic_lines", []))
        if lines:
            surfaces = item.get("surfaces", [])
            if kind == "persons":  # "Minister Goremykin" is found as "Goremykin"
                surfaces = [*surfaces, *(_without_title(s) for s in surfaces)]
            names = {fold(item["canonical"])} | {fold(s) for s in surfaces}
            golds.append(Candidate(item["canonical"], names, lines, item.get("date")))
    return golds


def _without_title(surface: str) -> str:
    """A printed name without the title or form of address before it."""
    first, _, rest = surface.partition(" ")
    return rest if rest and first in word_set("person_titles") else surface


def _pair_score(gold: Candidate, predicted: Candidate) -> int:
    """How well two entities match: 0 for no match, more for more shared evidence."""
    shared_lines = len(gold.lines & predicted.lines)
    if gold.names & predicted.names:
        return 1000 + shared_lines
    overlap = words(gold.label) & words(predicted.label)
    similar = len(overlap) >= 0.6 * max(len(words(gold.label)), len(words(predicted.label)), 1)
    return shared_lines if shared_lines and similar else 0


def score_kind(golds: list[Candidate], predictions: list[Candidate]) -> KindScore:
    score = KindScore(
        gold=len(golds),
        predicted=len(predictions),
        mention_lines_gold=sum(len(g.lines) for g in golds),
        mention_lines_found=sum(len(p.lines) for p in predictions),
        dates_gold=sum(1 for g in golds if g.date),
    )
    pairs = sorted(
        (
            (_pair_score(g, p), gi, pi)
            for gi, g in enumerate(golds)
            for pi, p in enumerate(predictions)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for value, gi, pi in pairs:
        if value == 0 or gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        score.matched += 1
        score.evidence_lines += len(predictions[pi].lines)
        score.evidence_lines_right += len(predictions[pi].lines & golds[gi].lines)
        score.mention_lines_right += len(predictions[pi].lines & golds[gi].lines)
        gold_date = (golds[gi].date or "").split("/")[0]
        found_date = predictions[pi].date or ""  # as precise as the annotation, or more
        score.dates_right += bool(gold_date) and found_date.startswith(gold_date)
    score.missed = sorted(g.label for i, g in enumerate(golds) if i not in used_gold)
    score.spurious = sorted(p.label for i, p in enumerate(predictions) if i not in used_pred)
    return score


def load_annotation(path: Path) -> dict[str, object]:
    try:
        data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: cannot read annotation file: {error}") from error
    if "range" not in data:
        raise InputError(f"{path}: not an annotation file (no 'range')")
    return data


def evaluate(graph: Graph, annotation_files: list[Path]) -> dict[str, KindScore]:
    """Scores per kind, summed over the annotation files (each scored on its own range)."""
    totals: dict[str, KindScore] = defaultdict(KindScore)
    for path in annotation_files:
        annotation = load_annotation(path)
        first, last = annotation["range"]  # type: ignore[misc]
        for kind in KIND_CLASSES:
            part = score_kind(
                gold_entities(annotation, kind), predicted_entities(graph, kind, first, last)
            )
            add_to(totals[kind], part)
    return dict(totals)


def add_to(total: KindScore | RecordScore, part: KindScore | RecordScore) -> None:
    """Add a part's counts, and its lists of misses, to a running total (micro-averaging)."""
    for item in fields(part):
        setattr(total, item.name, getattr(total, item.name) + getattr(part, item.name))


@dataclass
class RecordScore:
    """Record-level scores: quotations by first line, citations by line, volume, pages."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    attribute_right: int = 0  # quotations: right speaker; citations: right volume and pages
    misses: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        if not self.gold and not self.predicted:
            return 1.0
        return 2 * self.matched / (self.gold + self.predicted)

    @property
    def strict_f1(self) -> float:
        """F1 counting only matches whose attributes are right too (a citation's volume and
        pages, a quotation's speaker)."""
        if not self.gold and not self.predicted:
            return 1.0
        return 2 * self.attribute_right / (self.gold + self.predicted)

    @property
    def attribute_accuracy(self) -> float:
        return self.attribute_right / self.matched if self.matched else 1.0


def same_person(predicted: str | None, gold: str | None) -> bool:
    """The same person: equal names, a bare surname that ends the gold name, initials
    and surname that abbreviate it ("W. Kolb" for "Wilhelm Kolb") or leave out a middle
    name ("Wolfgang Haug" for "Wolfgang Fritz Haug"); a gold name with another in brackets
    ("Henryk Lauer (Brand)") is either."""
    if predicted is None or gold is None:
        return predicted is gold
    alias = re.fullmatch(r"(.+?)\s*\((.+)\)", gold)  # "Henryk Lauer (Brand)"
    if alias:
        return any(same_person(predicted, name) for name in alias.groups())
    said, meant = fold(predicted), fold(gold)
    if said == meant or meant.endswith(" " + said):
        return True
    *initials, surname = re.findall(r"[^\W\d_]+", said)
    *given, gold_surname = meant.split()
    if not (initials and given) or surname != gold_surname:
        return False
    if all(len(i) == 1 for i in initials):  # the patronymic's initial may be one left out
        return [g[0] for g in given[: len(initials)]] == initials[: len(given)]
    return initials[0] == given[0] and len(initials) == 1


def _first_line(graph: Graph, record: object) -> int:
    return min(
        int(line)
        for annotation in graph.objects(record, KGO.evidence)  # type: ignore[arg-type]
        for line in graph.objects(annotation, KGO.line)
    )


def score_records(graph: Graph, annotation_files: list[Path]) -> dict[str, RecordScore]:
    """Quotation detection and speaker accuracy; citation (line, volume, pages) F1."""
    quotations, citations = RecordScore(), RecordScore()
    for path in annotation_files:
        annotation = load_annotation(path)
        first, last = annotation["range"]  # type: ignore[misc]
        predicted_q: dict[int, str | None] = {}
        for record in sorted(graph.subjects(RDF.type, KGO.Quotation)):
            line = _first_line(graph, record)
            if first <= line <= last:
                speaker = graph.value(record, KGO.spokenBy)
                predicted_q[line] = str(graph.value(speaker, RDFS.label)) if speaker else None
        gold_q = annotation.get("quotations") or []
        quotations.gold += len(gold_q)  # type: ignore[arg-type]
        quotations.predicted += len(predicted_q)
        for item in gold_q:  # type: ignore[union-attr]
            line = next(
                (
                    n
                    for n in (item["line_start"], item["line_start"] + 1, item["line_start"] - 1)
                    if n in predicted_q
                ),
                None,
            )
            if line is None:
                quotations.misses.append(f"{path.name}:{item['line_start']} not found")
                continue
            quotations.matched += 1
            if same_person(predicted_q.pop(line), item["speaker"]):
                quotations.attribute_right += 1
            else:
                quotations.misses.append(f"{path.name}:{item['line_start']} speaker")
        predicted_c: dict[int, list[tuple[object, object]]] = defaultdict(list)
        for record in sorted(graph.subjects(RDF.type, KGO.Citation)):
            line = _first_line(graph, record)
            if first <= line <= last:
                volume, pages = graph.value(record, KGO.volume), graph.value(record, KGO.pages)
                predicted_c[line].append((volume and int(volume), pages and str(pages)))
        gold_c = [q["citation"] for q in gold_q if q.get("citation")]  # type: ignore[union-attr]
        gold_c += list(annotation.get("citations_without_quote") or [])  # type: ignore[arg-type]
        # the real-text format: every printed reference (an endnote's pointer back to its
        # own page is no citation of another text)
        gold_c += [c for c in annotation.get("citations") or []  # type: ignore[union-attr]
                   if c.get("kind") != "note_anchor"]
        citations.gold += len(gold_c)
        citations.predicted += sum(len(v) for v in predicted_c.values())
        # exact (volume, pages) matches first, so that which of a line's citations a wrong
        # one takes cannot depend on the order of the records (their IRIs)
        wrong = []
        for item in gold_c:
            candidates = predicted_c.get(item["line"], [])
            expected = (item.get("volume"), item.get("pages"))
            if expected in candidates:
                candidates.remove(expected)
                citations.matched += 1
                citations.attribute_right += 1
            else:
                wrong.append(item)
        for item in wrong:
            candidates = predicted_c.get(item["line"], [])
            if not candidates:
                citations.misses.append(f"{path.name}:{item['line']} not found")
                continue
            citations.matched += 1
            candidates.pop(0)
            citations.misses.append(
                f"{path.name}:{item['line']} {(item.get('volume'), item.get('pages'))}")
    return {
        "quotations": quotations,
        "citations": citations,
        "dated_claims": score_dated_claims(graph, annotation_files),
        "stances": score_stances(graph, annotation_files),
    }


def _line_span(graph: Graph, record: object, link: URIRef = KGO.evidence) -> tuple[int, int]:
    """The first and last line of a record's evidence (or of its thesis, with that link);
    (0, -1) when it has none."""
    first, last = 10**9, -1
    for annotation in graph.objects(record, link):  # type: ignore[arg-type]
        exact = max(
            (str(text) for target in graph.objects(annotation, OA.hasTarget)
             for selector in graph.objects(target, OA.hasSelector)
             for text in graph.objects(selector, OA.exact)),
            default="",
        )
        for line in graph.objects(annotation, KGO.line):
            first = min(first, int(line))
            last = max(last, int(line) + exact.count("\n"))
    return (first, last) if last >= 0 else (0, -1)


def _on_line(spans: tuple[tuple[int, int], ...], line: int, exact: bool) -> bool:
    """The evidence starts on the line, or (not exact) the evidence or the stated thesis
    runs over it."""
    return spans[0][0] == line or (not exact and any(a <= line <= b for a, b in spans))


def score_stances(graph: Graph, annotation_files: list[Path]) -> RecordScore:
    """Stances matched on (line, person, polarity): the annotated line is one of the lines
    of the judging sentence or of the thesis it judges (annotators mark where the sentence
    starts, where it names the target, or where the judged view is stated), the first line
    of the judging sentence preferred."""
    score = RecordScore()
    predicted_all = []
    for claim in sorted(graph.subjects(KGO.polarity, None)):
        person = graph.value(claim, KGO.about)
        label = str(graph.value(person, RDFS.label)) if person else None
        polarity = str(graph.value(claim, KGO.polarity))
        spans = (_line_span(graph, claim), _line_span(graph, claim, KGO.thesisEvidence))
        predicted_all.append((spans, label, polarity))
    for path in annotation_files:
        annotation = load_annotation(path)
        if "stances" not in annotation:
            continue  # not annotated for stances: nothing to score them against
        first, last = annotation["range"]  # type: ignore[misc]
        predicted = [p for p in predicted_all if first <= p[0][0][0] <= last]
        score.predicted += len(predicted)
        gold = list(annotation.get("stances") or [])  # type: ignore[call-overload]
        score.gold += len(gold)
        unmatched = []
        for exact in (True, False):
            for item in gold if exact else unmatched:
                hit = next(
                    (
                        p
                        for p in predicted
                        if _on_line(p[0], item["line"], exact)
                        and p[2] == item["polarity"]
                        and same_person(p[1], item["target_person"])
                    ),
                    None,
                )
                if hit:
                    predicted.remove(hit)
                    score.matched += 1
                    score.attribute_right += 1
                elif exact:
                    unmatched.append(item)
                else:
                    score.misses.append(
                        f"{path.name}:{item['line']} {item['target_person']} "
                        f"{item['polarity']} not found"
                    )
        score.misses += [
            f"{path.name}:{spans[0][0]} {person} {polarity} spurious"
            for spans, person, polarity in predicted
        ]
    return score


def comparable_date(edtf: str) -> str:
    """A date to compare: a decade as its span of years ("184X" → "1840/1849")."""
    if re.fullmatch(r"\d{3}X", edtf):
        return f"{edtf[:3]}0/{edtf[:3]}9"
    return edtf


def _claim_dates(graph: Graph, claim: object) -> set[str]:
    """A claim's exact date and, where it has one, its typed date: either may match ("the
    spring of 1917" is right as 1917-21 and as 1917)."""
    values = {graph.value(claim, KGO.edtf), graph.value(claim, KGO.date)}  # type: ignore[arg-type]
    return {comparable_date(str(value)) for value in values if value is not None}


def score_dated_claims(graph: Graph, annotation_files: list[Path]) -> RecordScore:
    """Dated claims matched on (line, date); a match is a claim on the same line."""
    score = RecordScore()
    for path in annotation_files:
        annotation = load_annotation(path)
        first, last = annotation["range"]  # type: ignore[misc]
        predicted = [
            (line, _claim_dates(graph, claim))
            for claim in sorted(graph.subjects(RDF.type, KGO.DatedClaim))
            if first <= (line := _first_line(graph, claim)) <= last
        ]
        gold = [
            (item["line"], comparable_date(item["date"]))
            for item in annotation.get("dated_claims") or []  # type: ignore[union-attr]
        ]
        score.gold += len(gold)
        score.predicted += len(predicted)
        for line, date in gold:
            hit = next((p for p in predicted if p[0] == line and date in p[1]), None)
            if hit:
                predicted.remove(hit)
                score.matched += 1
                score.attribute_right += 1
            else:
                score.misses.append(f"{path.name}:{line} {date} not found")
        score.misses += [f"{path.name}:{line} {'|'.join(sorted(dates))} spurious"
                         for line, dates in predicted]
    return score

