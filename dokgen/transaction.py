"""Putting a build's files in place all or nothing, also when the build is killed halfway.

A build stages every new file first. Then, with a journal written beside the staged files:
every output about to be replaced or deleted is moved aside into the staging folder, the new
files are moved into place, and the manifest is written — the moment the new set counts as
made. If anything fails before that (a card open in Word on Windows, a full disk), everything
is moved back. If the process is killed, the next build finds the journal and finishes the
work: forward when the manifest already is the new one, back otherwise. Either way the output
folder holds one build's files, the cards and the combined document together.

The lock (one build of an output folder at a time) is an exclusive SQLite transaction on a file
in the output folder: SQLite locks the same way on Windows, macOS and Linux, and the lock goes
with the process that held it, however it ended.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from dokgen.errors import DataError, Location, Problem
from dokgen.manifest import NAME as MANIFEST
from dokgen.output import write_atomic

JOURNAL = ".transaksi.json"
ASIDE = ".lama"
LOCK = ".dokgen-kunci"


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the build lock of ``out`` (made if missing); another build holding it: an error."""
    out.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(out / LOCK, timeout=0, isolation_level=None)
    try:
        try:
            db.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError:
            message = "pembuatan lain sedang berjalan untuk folder ini; tunggu sampai selesai"
            raise DataError([Problem(Location(out), message)]) from None
        yield
    finally:
        db.close()


def _sha(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def commit(
    out: Path, staging: Path, moves: list[str], deletes: list[str], manifest: Callable[[], None]
) -> None:
    """Move ``moves`` from ``staging`` into ``out`` and delete ``deletes`` from it, then write
    the manifest (``manifest()``) — all or nothing."""
    journal = {"moves": moves, "deletes": deletes, "manifest_before": _sha(out / MANIFEST)}
    write_atomic(staging / JOURNAL, json.dumps(journal).encode())
    aside = staging / ASIDE
    try:
        for name in [*moves, *deletes]:
            if (out / name).exists():
                (aside / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(out / name, aside / name)
        for folder in {(out / name).parent for name in moves}:  # once each, not per file
            folder.mkdir(parents=True, exist_ok=True)
        for name in moves:
            os.replace(staging / name, out / name)
        manifest()
    except BaseException:
        if _back(out, staging, moves, deletes):
            (staging / JOURNAL).unlink()
        raise
    (staging / JOURNAL).unlink()


def _back(out: Path, staging: Path, moves: list[str], deletes: list[str]) -> bool:
    """Undo what :func:`commit` did: new files out, the files moved aside back in place. False
    when a file could not be put back (it stays aside, with the journal, for the next build)."""
    aside = staging / ASIDE
    whole = True
    for name in moves:
        if (staging / name).exists() or (aside / name).exists() or not (out / name).exists():
            continue
        with contextlib.suppress(OSError):
            os.replace(out / name, staging / name)  # a new file: not in place any more
    for name in [*moves, *deletes]:
        if (aside / name).exists():
            try:
                os.replace(aside / name, out / name)
            except OSError:
                whole = False
    return whole


def pending(staging: Path) -> bool:
    """True when a commit left work for the next build (its journal is still there)."""
    return (staging / JOURNAL).exists()


def recover(out: Path, staging: Path) -> None:
    """Finish a commit that was killed halfway (its journal is still there): back when the
    manifest is still the one from before it, forward (the new set is complete) otherwise."""
    try:
        journal = json.loads((staging / JOURNAL).read_bytes())
        moves, deletes = list(journal["moves"]), list(journal["deletes"])
        before = str(journal["manifest_before"])
    except (OSError, ValueError, KeyError, TypeError):
        return
    if _sha(out / MANIFEST) == before:
        _back(out, staging, moves, deletes)
    (staging / JOURNAL).unlink(missing_ok=True)
