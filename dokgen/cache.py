"""The cache: what dokgen can always compute again, kept by content hash (safe to delete).

One SQLite file holds values under keys that are hashes of everything the value was computed
from — the input file's bytes, the shared data, dokgen's own code —, so an entry is either right
or never asked for again; there is nothing to invalidate. A value is stored with its own hash
and checked when read: a damaged entry counts as missing and is computed again.

Where it lives: ``$DOKGEN_CACHE`` (``mati``: keep nothing), else the platform's cache folder
(``%LOCALAPPDATA%\\dokgen`` on Windows, ``~/Library/Caches/dokgen`` on macOS,
``$XDG_CACHE_HOME/dokgen`` or ``~/.cache/dokgen`` elsewhere). When it cannot be opened, a cache
in memory takes its place for the run: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import dokgen

OFF = "mati"
FORMAT = "1"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha(path: Path) -> str:
    """:func:`sha` of a file's bytes, read in blocks (a combined document is megabytes)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def folder() -> Path | None:
    """The cache folder of this user on this platform, or None when caching is off."""
    setting = os.environ.get("DOKGEN_CACHE", "")
    if setting == OFF:
        return None
    if setting:
        return Path(setting)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "dokgen" if base else None
    try:
        home = Path.home()
    except RuntimeError:  # no home directory
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "dokgen"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "dokgen"


@cache
def code_fingerprint() -> str:
    """A hash of dokgen's own source and of the Python running it: an output or a cached value
    made by other code is never taken for this code's."""
    digest = hashlib.sha256(f"{FORMAT} {dokgen.__version__} {sys.version}".encode())
    root = Path(dokgen.__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root).as_posix()).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


class Cache:
    """Values by key in one SQLite file, or in memory (``path`` None)."""

    def __init__(self, path: Path | None = None) -> None:
        self._memory: dict[str, bytes] = {}
        self._db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            # no sync at each commit: a power cut may lose the last entries, never damage the
            # file, and a lost entry is computed again
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entry"
                " (key TEXT PRIMARY KEY, hash TEXT NOT NULL, value BLOB NOT NULL)"
            )
        except (OSError, sqlite3.Error):
            return  # a cache that cannot be opened only costs time: the memory one serves
        self._db = db

    @classmethod
    def open(cls) -> Cache:
        """The user's cache (:func:`folder`), or one in memory when it is off."""
        root = folder()
        return cls(root / "dokgen.sqlite3" if root else None)

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        """The values found for ``keys`` (a damaged one is left out)."""
        if self._db is None:
            return {k: self._memory[k] for k in keys if k in self._memory}
        found: dict[str, bytes] = {}
        with contextlib.suppress(sqlite3.Error):
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT key, hash, value FROM entry WHERE key IN ({marks})", part
                )
                found.update((k, v) for k, h, v in rows if sha(v) == h)
        return found

    def get(self, key: str) -> bytes | None:
        return self.get_many([key]).get(key)

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        if self._db is None:
            self._memory.update(items)
            return
        rows = [(key, sha(value), value) for key, value in items]
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO entry VALUES (?, ?, ?)", rows)
            self._db.execute("COMMIT")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
