"""Seconds spent per pipeline stage, for `kgbuild build --timings` and the benchmark."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager


class Stopwatch:
    """Times the stages; ``progress``, when given, hears each stage as it begins and how far
    the work on many documents has gone (the command line shows it on a terminal: a long
    build is not silent)."""

    def __init__(self, progress: Callable[[str], None] | None = None) -> None:
        self.seconds: dict[str, float] = {}
        self.progress = progress

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        if self.progress is not None:
            self.progress(f"{stage} …")
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add({stage: time.perf_counter() - start})

    def count(self, what: str) -> Callable[[int, int], None] | None:
        """A progress counter for ``fork_map`` ("read 30 of 300 documents"), heard about
        every tenth of the way; None without progress."""
        if self.progress is None:
            return None
        progress = self.progress

        def done(finished: int, total: int) -> None:
            if total > 1 and (finished == total or finished % max(1, total // 10) == 0):
                progress(f"  {finished} of {total} {what}")

        return done

    def add(self, seconds: Mapping[str, float]) -> None:
        for stage, spent in seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + spent
