"""Benchmark: time per pipeline stage and peak memory of the real build (`pipeline.build`,
as `kgbuild build` runs it), for the bundled text and for synthetic corpora made from it.

    .venv/bin/python benchmarks/run.py                 # 1 and 10 documents
    .venv/bin/python benchmarks/run.py --sizes 1 10 100 300 --repeats 3 --shape both
    .venv/bin/python benchmarks/run.py --rebuild 100   # a rebuild after adding one text

Corpora of two shapes: "varied", each document the bundled text with its chapters shuffled
and the surnames of the persons it names replaced by invented ones, so that no document
repeats another; and "same", copies of the bundled text, so that every document names the
same entities (as the volumes of a collected-works edition do). The build cache is off. Each
corpus is built ``--repeats`` times, each time in a fresh process, so that peak memory is
its own; stage times are medians, with per-document costs, and the totals' spread is
shown, since a shared machine is noisy. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kgbuild import sparql
from kgbuild.pipeline import build
from kgbuild.resources import bundled_corpus
from kgbuild.timing import Stopwatch

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


def write_corpus(folder: Path, count: int, first: int = 0, shape: str = "varied") -> float:
    """The bundled text (count 1) or ``count`` documents numbered from ``first``, with
    metadata; MB. A "varied" document is synthetic_text; a "same" one the bundled text as
    it is, so that every document names the same persons, works and meetings, as the
    volumes of a collected-works edition do."""
    source = bundled_corpus()[0]
    raw = source.read_text(encoding="utf-8")
    meta = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    size = 0
    for index in range(first, first + count):
        alone = count == 1 and not first
        text = raw if alone or shape == "same" else synthetic_text(raw, index)
        name = source.stem if alone else f"doc-{index:03d}"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        title = meta["title"] if alone else f"{meta['title']} (variant {index})"
        (folder / f"{name}.json").write_text(json.dumps({**meta, "title": title}), "utf-8")
        size += len(text.encode("utf-8"))
    return size / 1e6


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def tree_pss_mb(root: int) -> float:
    """Proportional set size of a process and its descendants (Linux): memory they really
    use together, a page shared by forked processes counted once."""
    total, pids = 0, [root]
    while pids:
        pid = pids.pop()
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+) kB", rollup, re.M).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{pid}/task").iterdir():
                pids += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue  # a process that has just ended
    return total / 1024


class PeakMemory(threading.Thread):
    """Samples tree_pss_mb of this process tree every half second (reading the kernel's
    page accounting of large processes is not free); ``peak`` is the highest, and
    ``stage_peak`` the highest since ``StageMemory`` last reset it."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = self.stage_peak = 0.0
        self.running = Path("/proc/self/smaps_rollup").exists()

    def sample(self) -> float:
        pss = tree_pss_mb(os.getpid()) if self.running else 0.0
        self.peak, self.stage_peak = max(self.peak, pss), max(self.stage_peak, pss)
        return pss

    def run(self) -> None:
        while self.running:
            self.sample()
            time.sleep(0.5)

    def stop(self) -> float:
        self.running = False
        return self.peak


class StageMemory(Stopwatch):
    """The build's stopwatch, keeping also the peak memory of each stage it times: the
    highest of the sampler's readings during the stage and one at each end."""

    def __init__(self, sampler: PeakMemory) -> None:
        super().__init__()
        self.sampler = sampler
        self.peaks: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        self.sampler.stage_peak = self.sampler.sample()
        with super().__call__(stage):
            yield
        self.sampler.sample()
        self.peaks[stage] = max(self.peaks.get(stage, 0.0), self.sampler.stage_peak)


def measure(count: int, jobs: int | None, shape: str) -> dict[str, object]:
    """Build one corpus in this process and return its figures."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "corpus"
        folder.mkdir()
        megabytes = write_corpus(folder, count, shape=shape)
        sampler = PeakMemory()
        sampler.start()
        watch = StageMemory(sampler)
        start = time.perf_counter()
        result = build([folder], Path(temp) / "out", jobs=jobs, watch=watch)
        total = time.perf_counter() - start
        peak_together = sampler.stop()
    return {
        "count": count,
        "megabytes": megabytes,
        "triples": result.triples,
        "total": total,
        "stages": result.seconds,
        "stage_peaks": watch.peaks,
        "peak_main": peak_mb(resource.RUSAGE_SELF),
        "peak_worker": peak_mb(resource.RUSAGE_CHILDREN),
        "peak_together": peak_together,
    }


def summary(runs: list[dict[str, object]]) -> dict[str, object]:
    """The median of repeated runs of one corpus (stage by stage), with the spread of the
    totals and the highest peaks."""
    def median_of(values: list[float]) -> float:
        return statistics.median(values)

    stages = runs[0]["stages"]
    totals = [float(run["total"]) for run in runs]  # type: ignore[arg-type]
    return {
        **runs[0],
        "total": median_of(totals),
        "spread": (min(totals), max(totals)),
        "stages": {stage: median_of([run["stages"][stage] for run in runs])  # type: ignore[index]
                   for stage in stages},  # type: ignore[attr-defined]
        "stage_peaks": {stage: max(run["stage_peaks"][stage] for run in runs)  # type: ignore[index]
                        for stage in runs[0]["stage_peaks"]},  # type: ignore[attr-defined]
        **{key: max(float(run[key]) for run in runs)  # type: ignore[arg-type]
           for key in ("peak_main", "peak_worker", "peak_together")},
    }


def report(figures: dict[str, object], single: float) -> None:
    total = float(figures["total"])  # type: ignore[arg-type]
    count = int(figures["count"])  # type: ignore[call-overload]
    megabytes = float(figures["megabytes"])  # type: ignore[arg-type]
    triples = int(figures["triples"])  # type: ignore[call-overload]
    low, high = figures["spread"]  # type: ignore[misc]
    print(f"\n== {count} document(s), {figures['shape']}: {megabytes:.2f} MB of text, "
          f"{triples:,} triples (median of {figures['repeats']} runs)")
    peaks = figures["stage_peaks"]
    for stage, seconds in figures["stages"].items():  # type: ignore[attr-defined]
        peak = f"   peak {peaks[stage]:,.0f} MB" if stage in peaks else ""  # type: ignore[operator]
        print(f"  {stage:<38} {seconds:8.2f} s {seconds / count * 1000:8.1f} ms/doc{peak}")
    print(f"  {'total (wall clock)':<38} {total:8.2f} s   (runs {low:.2f}-{high:.2f} s; "
          f"{megabytes / total:.2f} MB/s, {triples / total:,.0f} triples/s, "
          f"{total / single:.1f}x the first corpus)")
    print(f"  peak memory: all processes together {figures['peak_together']:.0f} MB (PSS); "
          f"main process {figures['peak_main']:.0f} MB, "
          f"largest worker {figures['peak_worker']:.0f} MB (RSS)")
    sys.stdout.flush()


def cpu_seconds() -> float:
    """CPU seconds of this process and its ended children (the build's workers)."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def rebuilds(count: int, repeats: int, jobs: int | None) -> None:
    """Issue 17's incremental build: a corpus of ``count`` documents is built once with a
    fresh cache; then, ``repeats`` times, one more document is added and the corpus built
    clean (``cache=None``, as ``--no-cache``) and rebuilt from the cache. Wall clock and
    CPU seconds (of all the build's processes: less sensitive to a busy machine) of each,
    and whether the rebuild's files are byte for byte the clean build's."""
    print(f"\n== rebuild after adding one document to {count} (cache on, {repeats} times)")
    with tempfile.TemporaryDirectory() as temp:
        folder, cache = Path(temp) / "corpus", Path(temp) / "cache"
        folder.mkdir()
        write_corpus(folder, count)
        build([folder], Path(temp) / "first", jobs=jobs, cache=cache)
        for added in range(count, count + repeats):
            write_corpus(folder, 1, first=added)
            figures = {}
            for label, folder_cache in (("clean", None), ("rebuild", cache)):
                wall, cpu = time.perf_counter(), cpu_seconds()
                build([folder], Path(temp) / label, jobs=jobs, cache=folder_cache)
                figures[label] = time.perf_counter() - wall, cpu_seconds() - cpu
            same = all((Path(temp) / "clean" / f.name).read_bytes() == f.read_bytes()
                       for f in (Path(temp) / "rebuild").iterdir())
            (clean_wall, clean_cpu), (wall, cpu) = figures["clean"], figures["rebuild"]
            print(f"  {added + 1} documents: clean {clean_wall:6.2f} s ({clean_cpu:6.2f} s CPU), "
                  f"rebuild {wall:5.2f} s ({cpu:5.2f} s CPU) = 1/{clean_wall / wall:.1f} of the "
                  f"time (1/{clean_cpu / cpu:.1f} of the CPU); identical files: {same}")
            sys.stdout.flush()


def query_times(repeats: int = 5) -> None:
    """Each saved query (except federated ones) on the bundled graph in the local engine:
    the best of ``repeats`` runs, after one to warm up."""
    with tempfile.TemporaryDirectory() as temp:
        build(None, Path(temp), jobs=1)
        store = sparql.open_graph(Path(temp) / "graph.nt")
    print("\n== saved queries on the bundled graph (pyoxigraph, best of 5)")
    for query in sparql.list_queries():
        if query.network:
            print(f"  {query.name:<28} (federated: needs the network, not timed)")
            continue
        sparql.run_local(query, store)
        best = min(_seconds(lambda q=query: sparql.run_local(q, store)) for _ in range(repeats))
        print(f"  {query.name:<28} {best * 1000:7.1f} ms")


def help_time(repeats: int = 5) -> None:
    """`kgbuild --help` in a fresh process: start-up with lazy imports."""
    command = [str(Path(sys.executable).parent / "kgbuild"), "--help"]
    best = min(_seconds(lambda: subprocess.run(command, check=True, capture_output=True))
               for _ in range(repeats))
    print(f"\n`kgbuild --help`: {best:.2f} s (best of {repeats})")


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--shape", choices=["varied", "same", "both"], default="both",
                        help="documents that vary the bundled text, or copies naming the same "
                        "entities (default: both)")
    parser.add_argument("--jobs", type=int, default=None, help="default: one per CPU")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run in a child
    parser.add_argument("--no-queries", action="store_true", help="skip query and --help timing")
    parser.add_argument("--rebuild", type=int, metavar="N",
                        help="only time rebuilds after adding one document to N")
    parser.add_argument("--repeats", type=int, default=3,
                        help="runs of each corpus (median and spread), or rebuilds timed")
    args = parser.parse_args()
    if args.rebuild:
        rebuilds(args.rebuild, args.repeats, args.jobs)
        return
    if args.one:
        print(json.dumps(measure(args.one, args.jobs, args.shape)))
        return
    for shape in ("varied", "same") if args.shape == "both" else (args.shape,):
        single = None
        totals: dict[int, float] = {}
        for size in args.sizes:
            command = [sys.executable, __file__, "--one", str(size), "--shape", shape]
            if args.jobs:
                command += ["--jobs", str(args.jobs)]
            runs = [
                json.loads(subprocess.run(command, check=True, capture_output=True,
                                          text=True).stdout.splitlines()[-1])
                for _ in range(args.repeats)
            ]
            figures = {**summary(runs), "shape": shape, "repeats": args.repeats}
            single = single or float(figures["total"])
            totals[size] = float(figures["total"])
            report(figures, single)
        sizes = sorted(totals)
        for smaller, larger in itertools.pairwise(sizes):
            ratio = totals[larger] / totals[smaller]
            print(f"\n{shape}: {larger}/{smaller} documents: {ratio:.2f}x the median time "
                  f"for {larger / smaller:.1f}x the text")
    if not args.no_queries:
        query_times()
        help_time()


if __name__ == "__main__":
    main()
