"""Score kgbuild's entity recognition on the real texts of the period listed in sources.json.

The texts are other people's pages and are not in the repository: collect them into
``evaluation/texts/<id>.txt`` (see README.md); each is checked against its SHA-256 before it
is scored, and a missing or changed text is reported and skipped. Each text is read,
extracted and resolved on its own with the bundled reference data (or ``--reference``) and
scored against ``annotations/<id>.json`` with kgbuild's own scorer (``kgbuild.evaluate``).

    .venv/bin/python evaluation/score.py                 # dev and held-out parts, per kind
    .venv/bin/python evaluation/score.py --split dev --details   # misses and spurious items
    .venv/bin/python evaluation/score.py --batch ph        # one collection round only
    .venv/bin/python evaluation/score.py --json scores.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kgbuild.document import DocumentMeta, InputWarning, make_document, slugify
from kgbuild.evaluate import (
    KIND_CLASSES,
    KindScore,
    RecordScore,
    add_to,
    evaluate,
    score_records,
)
from kgbuild.extract import extract_all
from kgbuild.rdf.mapping import to_graph
from kgbuild.reference import ReferenceData, load_reference
from kgbuild.resolve import resolve

HERE = Path(__file__).resolve().parent
KINDS = tuple(KIND_CLASSES)
RECORDS = ("citations", "dated_claims", "stances")  # scored on (line, volume, pages),
# (line, date) and (line, target person, polarity)


@dataclass
class TextScores:
    entities: dict[str, KindScore]
    records: dict[str, RecordScore]


@dataclass(frozen=True)
class Source:
    """One collected text: where it comes from and which part of the corpus it is in."""

    id: str
    split: str
    sha256: str
    title: str
    author: str | None
    date: str | None
    url: str
    genre: str

    @classmethod
    def from_json(cls, item: dict[str, object]) -> Source:
        return cls(
            str(item["id"]),
            str(item["split"]),
            str(item["sha256"]),
            str(item["title"]),
            str(item["author"]) if item.get("author") else None,
            str(item["date"]) if item.get("date") else None,
            str(item["url"]),
            str(item["genre"]),
        )


def load_sources(path: Path = HERE / "sources.json") -> list[Source]:
    return [Source.from_json(item) for item in json.loads(path.read_text(encoding="utf-8"))]


def text_problem(source: Source, texts: Path, annotations: Path) -> str | None:
    """Why a text cannot be scored (not annotated, missing, not the collected text), or None."""
    if not (annotations / f"{source.id}.json").exists():
        return "not annotated"
    path = texts / f"{source.id}.txt"
    if not path.exists():
        return "not collected"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return None if digest == source.sha256 else f"SHA-256 {digest[:12]}… is not the collected text"


def score_text(
    source: Source, texts: Path, annotations: Path, reference: ReferenceData
) -> TextScores:
    """Entity and record scores of one text, built on its own."""
    raw = (texts / f"{source.id}.txt").read_text(encoding="utf-8")
    meta = DocumentMeta(
        slug=slugify(source.id),
        title=source.title,
        author=source.author,
        date=source.date,
        language="en",
        source_file=f"{source.id}.txt",
    )
    doc = make_document(raw, meta)
    kb = resolve([(doc, extract_all(doc, reference))], reference)
    graph = to_graph(kb)
    files = [annotations / f"{source.id}.json"]
    records = score_records(graph, files)
    return TextScores(evaluate(graph, files), {kind: records[kind] for kind in RECORDS})


def add_up(scores: Iterable[TextScores]) -> TextScores:
    """Micro-averaged scores: counts summed over texts, misses and spurious items kept."""
    total = TextScores({kind: KindScore() for kind in KINDS},
                       {kind: RecordScore() for kind in RECORDS})
    for text in scores:
        for kind, score in text.entities.items():
            add_to(total.entities[kind], score)
        for kind, record in text.records.items():
            add_to(total.records[kind], record)
    return total


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def table(title: str, scores: TextScores) -> str:
    rows = [f"{title}", f"  {'kind':<14}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}"]
    for kind in KINDS:
        s = scores.entities[kind]
        rows.append(
            f"  {kind:<14}{s.gold:>6}{s.predicted:>7}"
            f"{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}"
        )
    for kind, r in scores.records.items():
        right = r.attribute_right  # a citation's volume and pages, a claim's date
        rows.append(
            f"  {kind:<14}{r.gold:>6}{r.predicted:>7}{_ratio(right, r.predicted):>7.2f}"
            f"{_ratio(right, r.gold):>7.2f}{r.strict_f1:>7.2f}"
        )
    for kind in ("works", "congresses"):
        s = scores.entities[kind]
        rows.append(f"  {kind} dated right: {s.dates_right} of {s.dates_gold}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    # the texts' metadata is sources.json's description of each page (an author "E.C.C.I.
    # (Eighth Plenum)" is a body): what kgbuild would warn a user of is no news here
    warnings.simplefilter("ignore", InputWarning)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--batch", default="",
                        help="only texts whose id starts with this (a collection round: pa … ph)")
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--annotations", type=Path, default=HERE / "annotations")
    parser.add_argument("--reference", type=Path, help="reference data folder (default: bundled)")
    parser.add_argument("--details", action="store_true", help="list misses and spurious items")
    parser.add_argument("--json", type=Path, help="write the scores as JSON to this file")
    args = parser.parse_args(argv)

    reference = load_reference(args.reference)
    splits = ("dev", "heldout") if args.split == "all" else (args.split,)
    results: dict[str, dict[str, TextScores]] = {split: {} for split in splits}
    for source in load_sources():
        if source.split not in results or not source.id.startswith(args.batch):
            continue
        problem = text_problem(source, args.texts, args.annotations)
        if problem:
            print(f"skipped {source.id}: {problem}", file=sys.stderr)
            continue
        results[source.split][source.id] = score_text(
            source, args.texts, args.annotations, reference
        )
    if not any(results.values()):
        print(f"no text to score in {args.texts} (collect them: see evaluation/README.md)",
              file=sys.stderr)
        return 3
    summary: dict[str, object] = {}
    for split, by_text in results.items():
        total = add_up(by_text.values())
        print(table(f"{split}: {len(by_text)} texts", total))
        summary[split] = {
            kind: {"gold": s.gold, "found": s.predicted, "matched": s.matched,
                   "precision": round(s.precision, 3), "recall": round(s.recall, 3),
                   "f1": round(s.f1, 3)}
            for kind, s in total.entities.items()
        } | {
            kind: {"gold": r.gold, "found": r.predicted, "matched": r.attribute_right,
                   "f1": round(r.strict_f1, 3)}
            for kind, r in total.records.items()
        } | {
            f"{kind} dated right": [total.entities[kind].dates_right,
                                    total.entities[kind].dates_gold]
            for kind in ("works", "congresses")
        }
        if args.details:
            for text_id, text in by_text.items():
                for kind, s in text.entities.items():
                    for name in s.missed:
                        print(f"    {text_id} {kind} missed: {name}")
                    for name in s.spurious:
                        print(f"    {text_id} {kind} spurious: {name}")
                for kind, r in text.records.items():
                    for miss in r.misses:
                        print(f"    {text_id} {kind}: {miss.split(':', 1)[1]}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
