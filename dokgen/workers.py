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
        collect = count > PER_WORKER and not gc.isenabled()
        if collect:
            gc.enable()  # rendering leaves cycles behind (see gc_frozen): thousands add up
        try:
            yield from map(fn, range(count))
        finally:
            if collect:
                gc.disable()
        return
    _FN.append(fn)  # inherited by the forked workers
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=gc.enable)
    try:
        yield from pool.imap_unordered(_call, range(count), chunksize=16)
    finally:
        pool.close()
        pool.join()
        _FN.pop()


@contextmanager
def gc_frozen() -> Iterator[None]:
    """No garbage collection in this process meanwhile (workers still collect).

    Bulk work here makes tens of thousands of small records (no cycles among them); every
    collection would walk them all again, and with thousands of jabatan that costs more than the
    work itself. The objects alive before are frozen too, so the collections after skip them.
    The forked workers, which render — and leave cycles behind —, collect as usual.
    """
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()
