"""Running one function over many items across processes.

Workers are forked after the state they need (documents, reference data, the resolved
knowledge base) is built, so they inherit it instead of receiving a pickled copy per item;
only the items and the results cross between processes. Where fork is unavailable, or
there is one item or one job, everything runs in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
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


def fork_map(
    function: Callable[[State, Item], Result], state: State, items: Sequence[Item], jobs: int
) -> list[Result]:
    """``[function(state, item) for item in items]``, with up to ``jobs`` processes."""
    if jobs <= 1 or len(items) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(state, item) for item in items]
    global _inherited
    _inherited = (function, state)
    # Frozen objects are left alone by the garbage collector: workers neither scan the
    # inherited state again and again nor copy its pages by touching it. In the workers,
    # collection runs once an item, not every few hundred allocations of building a graph.
    gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(min(jobs, len(items)), gc.disable)
        with pool:
            return pool.map(_run, items, chunksize=1)
    finally:
        gc.unfreeze()
        _inherited = None
