"""Process plumbing for bulk work: forked workers, and the garbage collector kept out of the way.

The workers are forked after the caller has prepared everything they need (templates, shared
data, the task list), so nothing travels to them but an index, and only the (small) result of
each item comes back.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

_FN: list[Callable[[int], Any]] = []
"""The function the forked workers call: set just before the pool forks."""

PER_WORKER = 20
"""Fewer items than this per worker are not worth a process."""


def _call(index: int) -> Any:
    return _FN[-1](index)


def peta(fn: Callable[[int], T], count: int, jobs: int | None = None) -> Iterator[T]:
    """``fn(i)`` for every ``i`` below ``count``, in any order, across ``jobs`` processes
    (default: every core; fewer when there is little to do)."""
    jobs = min(jobs or os.cpu_count() or 1, max(1, count // PER_WORKER))
    if jobs <= 1:
        yield from map(fn, range(count))
        return
    _FN.append(fn)  # inherited by the forked workers
    pool = multiprocessing.get_context("fork").Pool(jobs)
    try:
        yield from pool.imap_unordered(_call, range(count), chunksize=16)
    finally:
        pool.close()
        pool.join()
        _FN.pop()


@contextmanager
def gc_frozen() -> Iterator[None]:
    """Leave the objects alive now (modules, templates) out of garbage collection meanwhile.

    Bulk work makes tens of thousands of small records; each full collection would walk every
    object of the process again, which costs more than the work itself. Collection still runs
    for what is made inside.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
