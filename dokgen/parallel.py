"""Work spread over processes, the portable way: one pool started with ``spawn``.

``spawn`` is the only start method on Windows and the default on macOS; it is used everywhere,
so a build behaves alike on a clerk's PC and in the tests. Each worker starts a fresh Python
that imports dokgen (about half a second), so the pool is started only when there is enough
work to pay for it, and then kept for every stage of the build. Items are fed in batches, so
memory does not grow with their number. A worker keeps what it needs between items (the
dinas's shared data, compiled templates) in module-level caches of the functions it runs.

The pool is :class:`concurrent.futures.ProcessPoolExecutor`: when a worker dies (killed from
the task manager, out of memory) the build stops with one sentence, where
``multiprocessing.Pool`` would replace the worker and wait forever for its lost items.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import TypeVar

from dokgen.errors import DokgenError

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64
"""Fewer items than this are done in this process: starting workers would cost more."""
BATCH = 256
CHUNK = 8
"""Items a worker takes at a time (as ``Executor.map``'s ``chunksize``)."""
WATCH = 0.5
"""Seconds between two looks at whether every worker is still alive, while a result is awaited."""


def _chunk(fn: Callable[[T], R], items: list[T]) -> list[R]:
    return [fn(item) for item in items]


class WorkersLost(DokgenError):
    """A worker process ended in the middle of the work."""

    def __init__(self) -> None:
        super().__init__(
            "proses pembantu dokgen berhenti tiba-tiba (kehabisan memori, atau dihentikan dari"
            " luar); tidak ada hasil yang diubah — ulangi perintahnya, atau pakai --jobs 1"
        )


def _worker_setup() -> None:
    """Ctrl-C reaches every process of the console; the workers leave it to the main process,
    which stops them all (a worker interrupted in the middle of a task would break the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Workers:
    """A pool of ``jobs`` processes (default: every core), started on first need."""

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def pooled(self, count: int) -> bool:
        """Whether ``count`` items go to the worker processes (else: done in this process)."""
        return count >= MIN_ITEMS and self.jobs > 1

    def imap(self, fn: Callable[[T], R], items: Iterable[T], count: int) -> Iterator[R]:
        """``fn(item)`` for every item, in order; ``fn`` must be a module-level function (the
        workers import it). :class:`WorkersLost` when a worker died."""
        if not self.pooled(count):
            yield from map(fn, items)
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_setup,
            )
        # Two batches in flight: the next is queued before this one's results are read, so the
        # workers never wait while the last chunks of a batch finish or the next is prepared.
        iterator = iter(items)
        running: list[Future[list[R]]] = []
        try:
            while True:
                batch = list(itertools.islice(iterator, BATCH))
                queued = [
                    self._pool.submit(_chunk, fn, batch[start : start + CHUNK])
                    for start in range(0, len(batch), CHUNK)
                ]
                for future in running:
                    yield from self._result(future)
                if not queued:
                    return
                running = queued
        except BrokenProcessPool:
            raise WorkersLost() from None

    def _result(self, future: Future[list[R]]) -> list[R]:
        """The result of ``future``, watching the workers while it is awaited.

        A worker killed while it sends a result leaves half a message in the pipe all workers
        send on, and that pipe's lock taken: the executor's thread waits forever for the rest
        of the message and the other workers for the lock (CPython 3.11: one killed worker in
        six to nine hung the build). So when a worker is gone, the others are ended too, and
        this process closes its own writing end of that pipe (it never writes there: it only
        hands it to the workers): the executor then reads the end of the pipe, takes the pool
        as broken, and shuts down. The executor offers no public way to do either: its
        ``_processes`` and ``_result_queue`` are read, each only if it is there.
        """
        while True:
            try:
                return future.result(timeout=WATCH)
            except TimeoutError:
                processes = list((getattr(self._pool, "_processes", None) or {}).values())
                if any(process.exitcode is not None for process in processes):
                    for process in processes:
                        process.kill()
                        process.join()
                    results = getattr(self._pool, "_result_queue", None)
                    writer = getattr(results, "_writer", None)
                    if writer is not None:
                        writer.close()
                    raise WorkersLost() from None

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(cancel=exc is not None)  # an error or Ctrl-C: queued items are dropped
