"""The cache of checked jabatan: after editing one file, a check or a build reads one file.

For every jabatan file it keeps what the check and the build need of it (:class:`Catatan`: its
summary, the findings of the jabatan rules, the fingerprint of its content) under the file's size
and modification time. The records hold for one state of the shared inputs — the dinas's other
YAML files, the regulation catalogue and dokgen's own code —; when any of those changes, every
jabatan is read again.

The cache lives outside the data folder, one SQLite file per data folder (a row per jabatan file,
so a run writes only the rows of the files it read), in :func:`~dokgen.cachedir.folder_tembolok`.
A cache that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sqlite3
import time
from pathlib import Path
from typing import NamedTuple

from dokgen.cachedir import folder_tembolok, sidik_kode
from dokgen.checks import Temuan
from dokgen.load import KATALOG
from dokgen.model import RingkasanJabatan

FORMAT = 3
RACY_NS = 2_000_000_000
"""A file changed this recently may change again within the same clock tick with the same size,
unseen by its stat: its record is not kept (git's "racily clean" entries)."""
_SCHEMA = """
CREATE TABLE IF NOT EXISTS bersama (sidik TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jabatan (
    nama TEXT PRIMARY KEY, ukuran INTEGER, waktu INTEGER, inti BLOB, temuan BLOB
);
"""


class Catatan(NamedTuple):
    """What is known of one valid jabatan file."""

    stat: tuple[int, int]
    """(size, mtime in ns) of the file when it was read."""
    ringkasan: RingkasanJabatan
    isi: str
    """Fingerprint of the jabatan's content (its validated model)."""
    galat: tuple[Temuan, ...]
    """Findings of the jabatan rules at level galat for this dinas: what a build needs."""
    semua: bytes
    """Findings of every jabatan rule at any level, packed (marshal): what a check needs."""

    @classmethod
    def dari(
        cls,
        stat: tuple[int, int],
        ringkasan: RingkasanJabatan,
        isi: str,
        temuan: tuple[Temuan, ...],
        galat: set[str],
    ) -> Catatan:
        """The record of a file whose ``temuan`` include those of the rules ``galat``."""
        utama = tuple(t for t in temuan if t[0] in galat)
        return cls(stat, ringkasan, isi, utama, marshal.dumps(temuan))

    @property
    def temuan(self) -> tuple[Temuan, ...]:
        return marshal.loads(self.semua)


def sidik_bersama(folder: Path) -> str:
    """A fingerprint of everything a jabatan's record depends on besides its own file."""
    digest = hashlib.sha256(f"{FORMAT} {sidik_kode()}".encode())
    for path in [KATALOG, *sorted(folder.glob("*.yaml")), *sorted(folder.glob("realisasi/*.yaml"))]:
        try:
            content = path.read_bytes()
        except OSError:
            content = b"\0tidak terbaca\0"
        digest.update(path.name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()


class Tembolok:
    """The records of one data folder, valid for one fingerprint of its shared inputs."""

    def __init__(self, folder: Path) -> None:
        self.bersama = sidik_bersama(folder)
        self.catatan: dict[str, Catatan] = {}
        self._db: sqlite3.Connection | None = None
        root = folder_tembolok()
        if root is None:
            return
        key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]
        try:
            root.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(root / f"{key}.sqlite", isolation_level=None)
            self._db.executescript("PRAGMA synchronous=OFF;" + _SCHEMA)
            stored = self._db.execute("SELECT sidik FROM bersama").fetchone()
            if stored is None or stored[0] != self.bersama:
                self._db.executescript("DELETE FROM jabatan; DELETE FROM bersama;")
                self._db.execute("INSERT INTO bersama VALUES (?)", (self.bersama,))
                return
            base = f"{folder}/jabatan"  # the folder as named now, not when the row was written
            rows = self._db.execute("SELECT nama, ukuran, waktu, inti, temuan FROM jabatan")
            for nama, ukuran, waktu, inti, temuan in rows:
                (kode, nama_jabatan, atasan, *rest), isi, galat = marshal.loads(inti)
                ringkasan = RingkasanJabatan(kode, nama_jabatan, atasan, f"{base}/{nama}", *rest)
                self.catatan[nama] = Catatan((ukuran, waktu), ringkasan, isi, galat, temuan)
        except (sqlite3.Error, OSError, ValueError, EOFError, TypeError):
            self._close()
            self.catatan = {}

    def ambil(self, name: str, stat: tuple[int, int]) -> Catatan | None:
        """The record of the file ``name`` if the file did not change since it was made."""
        record = self.catatan.get(name)
        return record if record is not None and record.stat == stat else None

    def simpan(self, catatan: dict[str, Catatan]) -> None:
        """Keep exactly these records (by file name); files gone from the folder are dropped."""
        if self._db is None:
            return
        recent = time.time_ns() - RACY_NS
        changed = [
            (name, *c.stat, marshal.dumps((_tanpa_berkas(c.ringkasan), c.isi, c.galat)), c.semua)
            for name, c in catatan.items()
            if c.stat[1] < recent and self.catatan.get(name) != c
        ]
        gone = [(name,) for name in self.catatan.keys() - catatan.keys()]
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("DELETE FROM jabatan WHERE nama = ?", gone)
                self._db.executemany("INSERT OR REPLACE INTO jabatan VALUES (?,?,?,?,?)", changed)
        except sqlite3.Error:
            pass
        self._close()

    def _close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _tanpa_berkas(ringkasan: RingkasanJabatan) -> tuple:
    """The summary as stored: its file is the row's name (the folder may be named otherwise)."""
    kode, nama, atasan, _, *rest = ringkasan
    return (kode, nama, atasan, *rest)
