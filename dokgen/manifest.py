"""The build manifest: which inputs made each output, so a rebuild rewrites only what changed.

``build/<dinas>/.dokgen-manifest.sqlite`` has a row for every output dokgen wrote: the
fingerprint of its inputs (the document's context — exactly the data slice it shows —, the
template, the pictures, the paper setting and the dokgen version), the SHA-256 of the bytes
written (for the combined IKI document, that of the cards it was made from:
:func:`dokgen.gabungan.sidik`) and the file's size and modification time once in place: an output
whose size or time changed since (opened and saved in Word, say) is made again. Only files listed
there are ever deleted by dokgen. A rebuild writes only the rows that changed (a kabupaten has
thousands of cards), in one transaction.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from dokgen import __version__
from dokgen.output import stat_of

NAMA = ".dokgen-manifest.sqlite"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canon(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, Decimal | Path):
        return str(value)
    if isinstance(value, bytes):
        return sha(value)
    raise TypeError(f"cannot fingerprint {type(value).__name__}")


def sidik(*parts: Any) -> str:
    """A fingerprint of any mix of contexts, models and bytes, stable across runs."""
    text = json.dumps([__version__, *parts], default=_canon, sort_keys=True, ensure_ascii=False)
    return sha(text.encode("utf-8"))


class Entri(NamedTuple):
    """What the manifest knows of one output."""

    jenis: str
    masukan: str
    keluaran: str
    stat: tuple[int, int] | None = None
    """(size, mtime in ns) of the file once in place."""
    lain: str | None = None
    """Anything else the output's kind keeps (JSON text): the combined document's pieces."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS keluaran (
    nama TEXT PRIMARY KEY, jenis TEXT, masukan TEXT, keluaran TEXT,
    ukuran INTEGER, waktu INTEGER, lain TEXT
)
"""


class Manifest:
    """Outputs of earlier builds by name; :meth:`salin` gives the one a build fills in."""

    def __init__(self, folder: Path, entries: dict[str, Entri] | None = None) -> None:
        self.folder = folder
        self.entries = entries or {}
        self.berubah: set[str] = set()
        """Names recorded, stamped or dropped since read: the rows to write."""
        self.kosong = False
        """True when every earlier row goes (a build of everything starts from nothing)."""

    @property
    def path(self) -> Path:
        return self.folder / NAMA

    @classmethod
    def baca(cls, folder: Path) -> Manifest:
        manifest = cls(folder)
        if not manifest.path.is_file():
            return manifest
        try:
            with contextlib.closing(sqlite3.connect(manifest.path)) as db:
                rows = db.execute("SELECT * FROM keluaran").fetchall()
        except sqlite3.Error:
            manifest.kosong = True  # unreadable: as if nothing had been built; rewritten whole
            return manifest
        manifest.entries = {
            nama: Entri(jenis, masukan, keluaran, None if size is None else (size, mtime), lain)
            for nama, jenis, masukan, keluaran, size, mtime, lain in rows
        }
        return manifest

    def salin(self, kosong: bool = False) -> Manifest:
        """A copy to record a build in (``kosong``: without the earlier entries)."""
        copy = Manifest(self.folder, {} if kosong else dict(self.entries))
        copy.kosong = kosong or self.kosong
        return copy

    def segar(self, name: str, masukan: str) -> bool:
        """True when ``name`` was made from the same inputs and is still on disk, untouched."""
        entry = self.entries.get(name)
        return entry is not None and entry.masukan == masukan and self.utuh(name)

    def utuh(self, name: str) -> bool:
        """True when ``name`` is on disk as dokgen left it (same size and time)."""
        entry = self.entries.get(name)
        return (
            entry is not None
            and entry.stat is not None
            and entry.stat == stat_of(f"{self.folder}/{name}")
        )

    def catat(self, name: str, jenis: str, masukan: str, keluaran: str, lain: Any = None) -> None:
        """Record that ``name`` (sha ``keluaran``) was made from inputs ``masukan``."""
        extra = None if lain is None else json.dumps(lain, ensure_ascii=False)
        self.entries[name] = Entri(jenis, masukan, keluaran, None, extra)
        self.berubah.add(name)

    def stempel(self, name: str) -> None:
        """Record the size and time of ``name`` as it is on disk now."""
        self.entries[name] = self.entries[name]._replace(stat=stat_of(f"{self.folder}/{name}"))
        self.berubah.add(name)

    def hapus(self, name: str) -> None:
        """Forget ``name`` (its file was deleted)."""
        self.entries.pop(name, None)
        self.berubah.add(name)

    def lain(self, name: str) -> Any:
        """What :meth:`catat` kept as ``lain`` for ``name``, or None."""
        entry = self.entries.get(name)
        return json.loads(entry.lain) if entry is not None and entry.lain else None

    def simpan(self) -> None:
        """Write the rows that changed, all in one transaction (all of them if :attr:`kosong`)."""
        if not self.berubah and not self.kosong and self.path.is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        names = list(self.entries) if self.kosong else list(self.berubah)
        rows = [
            (name, e.jenis, e.masukan, e.keluaran, *(e.stat or (None, None)), e.lain)
            for name in names
            if (e := self.entries.get(name)) is not None
        ]
        gone = [(name,) for name in self.berubah if name not in self.entries]
        if self.kosong:
            self.path.unlink(missing_ok=True)  # also a damaged file: written anew
        with contextlib.closing(sqlite3.connect(self.path, isolation_level=None)) as db:
            db.execute(_SCHEMA)
            db.execute("BEGIN")
            db.executemany("DELETE FROM keluaran WHERE nama = ?", gone)
            db.executemany("INSERT OR REPLACE INTO keluaran VALUES (?,?,?,?,?,?,?)", rows)
            db.execute("COMMIT")
        self.berubah.clear()
        self.kosong = False
