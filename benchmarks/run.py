"""Benchmark: time and peak memory per pipeline stage, for the bundled text and for
synthetic corpora made from it.

    .venv/bin/python benchmarks/run.py                 # 1 and 10 documents
    .venv/bin/python benchmarks/run.py --sizes 1 10 100 300

Each synthetic document is the bundled text with its chapters shuffled and the surnames of
the persons it names replaced by invented ones, so that no document repeats another and
caching one cannot fake the rest. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from kgbuild.document import DocumentMeta, make_document
from kgbuild.extract import extract_all
from kgbuild.publish import canonical_ntriples, jsonld, turtle
from kgbuild.rdf.mapping import to_graph
from kgbuild.reference import load_reference
from kgbuild.resolve import resolve
from kgbuild.resources import bundled_corpus
from kgbuild.validate import validate_graph

T = TypeVar("T")
SYLLABLES = ["ka", "lo", "min", "rov", "tes", "vich", "zan", "dor", "pel", "sky", "nov", "bar"]


def invented_surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def synthetic_text(raw: str, seed: int) -> str:
    """The text with chapters shuffled and persons' surnames varied."""
    rng = random.Random(seed)
    chapters = re.split(r"(?m)^(?=\s*[IVXl1|]{1,5}\.\s+[A-Z]{2})", raw)
    head, body = chapters[0], chapters[1:]
    rng.shuffle(body)
    text = head + "".join(body)
    for surname in ("Zinoviev", "Kamenev", "Sorin", "Yakovlev", "Sukhanov", "Tanner"):
        text = re.sub(rf"\b{surname}\b", invented_surname(rng), text)
    return text


def timed(figures: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = work()
    figures[stage] = figures.get(stage, 0.0) + time.perf_counter() - start
    return result


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(count: int, raw: str) -> tuple[dict[str, float], int, float]:
    figures: dict[str, float] = {}
    reference = load_reference()
    texts = [raw] if count == 1 else [synthetic_text(raw, seed) for seed in range(count)]
    documents = timed(figures, "ingest", lambda: [
        make_document(text, DocumentMeta(f"doc-{i}", f"Document {i}", "Joseph Stalin",
                                         "1926-01-25", "en", f"doc-{i}.txt",
                                         "Collected Works of V. I. Lenin"))
        for i, text in enumerate(texts)])
    extractions = timed(figures, "extract",
                        lambda: [(doc, extract_all(doc, reference)) for doc in documents])
    kb = timed(figures, "resolve", lambda: resolve(extractions, reference))
    graph = timed(figures, "map", lambda: to_graph(kb))
    timed(figures, "validate", lambda: validate_graph(graph))
    ntriples = timed(figures, "serialize N-Triples", lambda: canonical_ntriples(graph))
    timed(figures, "serialize Turtle", lambda: turtle(ntriples))
    timed(figures, "serialize JSON-LD", lambda: jsonld(graph))
    return figures, len(graph), sum(len(t) for t in texts) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args()
    raw = bundled_corpus()[0].read_text(encoding="utf-8")
    single_time = None
    for size in args.sizes:
        figures, triples, megabytes = run(size, raw)
        total = sum(figures.values())
        single_time = single_time or total
        print(f"\n== {size} document(s): {megabytes:.2f} MB of text, {triples} triples")
        for stage, seconds in figures.items():
            print(f"  {stage:<22} {seconds:8.2f} s")
        print(f"  {'total':<22} {total:8.2f} s   ({megabytes / total:.2f} MB/s, "
              f"{triples / total:,.0f} triples/s, {total / single_time:.1f}x the single text)")
        print(f"  peak memory so far      {peak_memory_mb():8.0f} MB")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
