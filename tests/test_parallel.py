"""The worker pool: a worker that dies in the middle of sending its result stops the work with
:class:`~dokgen.parallel.WorkersLost` — it never leaves the build waiting forever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _dies_while_sending(i: int) -> bytes:
    """Item 0: its worker writes 100 KB of its 2 MB result and is killed (the pipe's lock still
    taken, half a message in the pipe); the other items take a moment each."""
    if i == 0:
        from multiprocessing import connection

        send = connection.Connection._send  # type: ignore[attr-defined]

        def half(self: connection.Connection, buf: bytes) -> None:
            if len(buf) > 1_000_000:
                send(self, buf[:100_000])
                os.kill(os.getpid(), signal.SIGKILL)
            send(self, buf)

        connection.Connection._send = half  # type: ignore[attr-defined]
        return b"x" * 2_000_000
    time.sleep(0.01)
    return b"y"


def main() -> None:
    """Run by the test in a process of its own (a hang there cannot hang the tests)."""
    from dokgen.parallel import Workers, WorkersLost

    try:
        with Workers(2) as workers:
            list(workers.imap(_dies_while_sending, range(64), 64))
    except WorkersLost as exc:
        print(exc)


def test_a_worker_killed_while_it_sends_a_result_stops_the_work() -> None:
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", "from tests.test_parallel import main; main()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.startswith("proses pembantu dokgen berhenti tiba-tiba"), result.stderr
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 20
