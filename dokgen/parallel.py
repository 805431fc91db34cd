"""Work spread over processes, the portable way: one pool started with ``spawn``.

``spawn`` is the only start method on Windows and the default on macOS; it is used everywhere,
so a build behaves alike on a clerk's PC and in the tests. Each worker starts a fresh Python
that imports dokgen (about half a second), so the pool is started only when there is enough
work to pay for it, and then kept for every stage of the build. Items are fed in batches, so
memory does not grow with their number. A worker keeps what it needs between items (the
dinas's shared data, compiled templates) in module-level caches of the functions it runs.
"""

from __future__ import annotations

import itertools
import multiprocessing
import multiprocessing.pool
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64
"""Fewer items than this are done in this process: starting workers would cost more."""
BATCH = 256


def _worker_setup() -> None:
    """Ctrl-C reaches every process of the console; the workers leave it to the main process,
    which stops them all (a worker interrupted in the middle of a task would hang the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Workers:
    """A pool of ``jobs`` processes (default: every core), started on first need."""

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self._pool: multiprocessing.pool.Pool | None = None

    def pooled(self, count: int) -> bool:
        """Whether ``count`` items go to the worker processes (else: done in this process)."""
        return count >= MIN_ITEMS and self.jobs > 1

    def imap(self, fn: Callable[[T], R], items: Iterable[T], count: int) -> Iterator[R]:
        """``fn(item)`` for every item, in any order; ``fn`` must be a module-level function
        (the workers import it)."""
        if not self.pooled(count):
            yield from map(fn, items)
            return
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self.jobs, initializer=_worker_setup)
        # Two batches in flight: the next is queued before this one's results are read, so the
        # workers never wait while the last chunks of a batch finish or the next is prepared.
        iterator = iter(items)
        running: Iterator[R] | None = None
        while True:
            batch = list(itertools.islice(iterator, BATCH))
            queued = self._pool.imap_unordered(fn, batch, chunksize=8) if batch else None
            if running is not None:
                yield from running
            if queued is None:
                return
            running = queued

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is not None and self._pool is not None:
            self._pool.terminate()  # an error or Ctrl-C: stop the workers now
        self.close()
