"""Work spread over processes, the portable way: a pool started with ``spawn``.

``spawn`` is the only start method on Windows and the default on macOS; it is used everywhere,
so a build behaves alike on a clerk's PC and in the tests. Each worker starts a fresh Python
that imports dokgen (about half a second), so the pool is started only when there is enough
work to pay for it; the items are fed in batches, so memory does not grow with their number.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64
"""Fewer items than this are done in this process: starting workers would cost more."""
BATCH = 256


def workers(count: int, jobs: int | None) -> int:
    """How many processes to use for ``count`` items (1: none, work here)."""
    jobs = jobs or os.cpu_count() or 1
    return 1 if count < MIN_ITEMS else max(1, min(jobs, count // (MIN_ITEMS // 2)))


def imap(
    fn: Callable[[T], R],
    items: Iterable[T],
    count: int,
    jobs: int | None = None,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """``fn(item)`` for every item, in any order. ``fn`` and ``initializer`` must be module-level
    functions (the workers import them); ``initializer(*initargs)`` runs once in every process
    that calls ``fn``, this one included when no pool is started."""
    n = workers(count, jobs)
    if n <= 1:
        if initializer:
            initializer(*initargs)
        yield from map(fn, items)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(n, initializer=initializer, initargs=initargs) as pool:
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, BATCH)):
            yield from pool.imap_unordered(fn, batch, chunksize=8)
