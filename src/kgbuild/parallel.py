"""Running one function over many items across processes.

Workers are forked after the state they need (documents, reference data, the resolved
knowledge base) is built, so they inherit it instead of receiving a pickled copy per item;
only the items and the results cross between processes. Fork is used on Linux only (on
macOS it is unsafe with some system libraries, which is why Python's default there is
spawn); elsewhere, in a daemonic process, or with one item or one job, everything runs in
this process. A worker that dies (killed for memory, say) fails the build with
BrokenProcessPool instead of leaving it waiting.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

State = TypeVar("State")
Item = TypeVar("Item")
Result = TypeVar("Result")

_inherited: tuple[Callable[[Any, Any], Any], Any] | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _run(item: Any) -> Any:
    assert _inherited is not None
    function, state = _inherited
    try:
        return function(state, item)
    finally:
        gc.collect()  # once an item: workers run with automatic collection off


def _can_fork() -> bool:
    return sys.platform == "linux" and not multiprocessing.current_process().daemon


def fork_map(
    function: Callable[[State, Item], Result],
    state: State,
    items: Sequence[Item],
    jobs: int,
    done: Callable[[int, int], None] | None = None,
) -> list[Result]:
    """``[function(state, item) for item in items]``, with up to ``jobs`` processes;
    ``done(finished, total)`` hears each item finish, in order.

    Either way the state is frozen for the garbage collector (it is left alone: not scanned
    again and again, and in a worker its pages are not copied by being touched), and
    collection runs once an item, not every few hundred allocations of building a graph.
    """
    global _inherited
    _inherited = (function, state)
    gc.freeze()
    try:
        with collection_paused():
            if jobs <= 1 or len(items) <= 1 or not _can_fork():
                return _counted(map(_run, items), len(items), done)
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(
                min(jobs, len(items)), context, initializer=gc.disable
            ) as pool:
                return _counted(pool.map(_run, items), len(items), done)
    finally:
        gc.unfreeze()
        _inherited = None


def _counted(
    results: Iterable[Result], total: int, done: Callable[[int, int], None] | None
) -> list[Result]:
    finished = []
    for result in results:
        finished.append(result)
        if done is not None:
            done(len(finished), total)
    return finished


@contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic garbage collection off for a while. A build makes millions of objects
    that live as long as it does, and the collector would walk them again and again (half
    the time of resolving 300 documents); reference counting still frees what it drops."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
