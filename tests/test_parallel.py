"""fork_map runs a function over items in forked processes, in order, with the state the
workers inherit; the garbage collector is paused where the build asks for it."""

from __future__ import annotations

import gc
import os

import pytest

from kgbuild.parallel import collection_paused, fork_map


def _scaled(state: dict[str, int], item: int) -> tuple[int, int, bool]:
    return state["factor"] * item, os.getpid(), gc.isenabled()


def _failing(state: None, item: int) -> int:
    if item == 3:
        raise ValueError(f"item {item} is bad")
    return item


def test_results_in_order_from_worker_processes() -> None:
    results = fork_map(_scaled, {"factor": 3}, list(range(20)), jobs=2)
    assert [value for value, _, _ in results] == [3 * i for i in range(20)]
    assert os.getpid() not in {pid for _, pid, _ in results}
    assert not any(collecting for _, _, collecting in results)  # collected once an item


def test_one_job_runs_here_with_the_same_results() -> None:
    results = fork_map(_scaled, {"factor": 3}, list(range(5)), jobs=1)
    assert [(value, pid) for value, pid, _ in results] == [(3 * i, os.getpid()) for i in range(5)]


def test_a_failing_item_fails_the_map() -> None:
    for jobs in (1, 2):
        with pytest.raises(ValueError, match="item 3 is bad"):
            fork_map(_failing, None, list(range(6)), jobs)


def test_collection_paused_and_restored() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError
    assert gc.isenabled()
