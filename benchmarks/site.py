"""Benchmark of `kgbuild site`: seconds to write the site of the bundled text and of
synthetic corpora (benchmarks/run.py's: chapters shuffled, surnames varied), after
building each with the real pipeline (not timed here).

    .venv/bin/python benchmarks/site.py --sizes 1 100

Prints, per corpus: triples, pages, files, MB written and seconds (best of --repeat).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from run import write_corpus

from kgbuild.pipeline import build
from kgbuild.site import build_site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as temp:
            texts = Path(temp) / "texts"
            texts.mkdir()
            write_corpus(texts, size)
            result = build([texts], Path(temp) / "out", cache=None)
            best = None
            for _ in range(args.repeat):
                started = time.perf_counter()
                site = build_site(Path(temp) / "out", [texts], Path(temp) / "site")
                seconds = time.perf_counter() - started
                best = seconds if best is None else min(best, seconds)
            print(f"{size:4d} document(s): {result.triples:>9,} triples, {site.pages:>6,} pages, "
                  f"{site.files:>6,} files, {site.bytes / 1e6:6.1f} MB, site in {best:6.2f} s",
                  flush=True)


if __name__ == "__main__":
    main()
