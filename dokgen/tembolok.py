"""The cache of checked jabatan: after editing one file, a check or a build reads one file.

For every jabatan file it keeps what the check and the build need of it (a row of
:class:`Daftar`: its summary, the findings of the jabatan rules, the fingerprint of its content)
under the file's size and modification time. The records hold for one state of the shared
inputs — the dinas's other YAML files, the regulation catalogue and dokgen's own code —; when any
of those changes, every jabatan is read again.

The cache lives outside the data folder, in :func:`~dokgen.cachedir.folder_tembolok`, as two
tables (:mod:`dokgen.jurnal`) per data folder: the summaries, contents and galat findings (all a
build needs), and the findings at every level (what a check needs besides; three quarters of
the bytes). A build leaves the second as it is; a row of it whose file changed since is not
trusted by the next check. A cache that cannot be read or written is ignored: it only ever saves
time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dokgen.cachedir import folder_tembolok, sidik_kode
from dokgen.checks import Temuan
from dokgen.jurnal import Jurnal
from dokgen.load import KATALOG
from dokgen.model import RingkasanJabatan
from dokgen.output import Stat

FORMAT = 6
RACY_NS = 2_000_000_000
"""A file changed this recently may change again within the same clock tick with the same size,
unseen by its stat: its record is not kept (git's "racily clean" entries)."""


@dataclass
class Daftar:
    """Records of jabatan files, column by column, in the files' order.

    A row may be empty (``ringkasan[i] is None``): a file not read yet, or not valid.
    """

    nama: list[str] = field(default_factory=list)
    """The file's name in the ``jabatan`` folder."""
    stat: list[Stat] = field(default_factory=list)
    """(size, mtime in ns) of the file when it was read."""
    ringkasan: list[RingkasanJabatan | None] = field(default_factory=list)
    isi: list[str] = field(default_factory=list)
    """Fingerprint of the jabatan's content (its validated model)."""
    galat: list[tuple[Temuan, ...]] = field(default_factory=list)
    """Findings of the jabatan rules at level galat for this dinas: what a build needs."""
    semua: list[bytes] = field(default_factory=list)
    """Findings of every jabatan rule at any level, packed (marshal): what a check needs."""
    diisi: list[str] = field(default_factory=list)
    """The files whose rows were filled by :meth:`isi_baris` (read this time)."""

    @classmethod
    def kosong(cls, nama: list[str], stat: list[Stat]) -> Daftar:
        """Empty rows for the files ``nama``."""
        n = len(nama)
        return cls(nama, stat, [None] * n, [None] * n, [None] * n, [None] * n)

    def isi_baris(
        self,
        i: int,
        stat: Stat,
        ringkasan: RingkasanJabatan,
        isi: str,
        temuan: tuple[Temuan, ...],
        galat: set[str],
    ) -> None:
        """Fill row ``i`` with the record of a file whose ``temuan`` include those of the rules
        ``galat``."""
        self.stat[i], self.ringkasan[i], self.isi[i] = stat, ringkasan, isi
        self.galat[i] = tuple(t for t in temuan if t[0] in galat)
        self.semua[i] = marshal.dumps(temuan)
        self.diisi.append(self.nama[i])

    def kolom(self) -> tuple[list, ...]:
        return self.nama, self.stat, self.ringkasan, self.isi, self.galat, self.semua

    def pilih(self, rows: list[int]) -> Daftar:
        """Only the rows ``rows``."""
        return Daftar(*([values[i] for i in rows] for values in self.kolom()), diisi=self.diisi)

    def tanpa_kosong(self) -> Daftar:
        """The rows that hold a record."""
        if None not in self.ringkasan:
            return self
        return self.pilih([i for i, r in enumerate(self.ringkasan) if r is not None])

    def temuan(self, i: int) -> tuple[Temuan, ...]:
        return marshal.loads(self.semua[i])


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

    def __init__(self, folder: Path, temuan: bool = True) -> None:
        bersama = sidik_bersama(folder)
        self.base = f"{folder}/jabatan"
        """The jabatan folder as named now: the summaries' files are in it."""
        root = folder_tembolok()
        key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]
        self._inti = self._temuan = None
        if root is not None:
            self._inti = Jurnal(root / f"{key}.jabatan", bersama)
            if temuan:  # the findings at every level too (a check)
                self._temuan = Jurnal(root / f"{key}.temuan", bersama)
        self._rows: dict[str, Any] = {}
        self._rows_temuan: dict[str, Any] = {}

    def baca(self, nama: list[str], stat: list[Stat]) -> Daftar:
        """The records of the files ``nama`` as they are now (``stat``): a row whose file is
        new or changed since its record was made is empty."""
        daftar = Daftar.kosong(nama, stat)
        if self._inti is None:
            return daftar
        base, self._rows = self._inti.baca()
        if base != self.base:  # the folder is named otherwise now (moved, or another path)
            self._rows = {
                name: (st, (*r[:3], f"{self.base}/{name}", *r[4:]), content, galat)
                for name, (st, r, content, galat) in self._rows.items()
            }
        found = [self._rows.get(name) for name in nama]
        rows = [
            i for i, (row, now) in enumerate(zip(found, stat, strict=True)) if row and row[0] == now
        ]
        if self._temuan is not None:
            _, self._rows_temuan = self._temuan.baca()
            kept = [(i, self._rows_temuan.get(nama[i])) for i in rows]
            kept = [(i, row) for i, row in kept if row and row[0] == stat[i]]
            rows = [i for i, _ in kept]
            for i, row in kept:
                daftar.semua[i] = row[1]
        if not rows:
            return daftar
        _, ringkasan, isi, galat = zip(*(found[i] for i in rows), strict=True)
        if len(rows) == len(nama):  # the usual case: every file known
            daftar.ringkasan = list(map(RingkasanJabatan._make, ringkasan))
            daftar.isi, daftar.galat = list(isi), list(galat)
            return daftar
        columns = zip(rows, map(RingkasanJabatan._make, ringkasan), isi, galat, strict=True)
        for i, r, content, found_galat in columns:
            daftar.ringkasan[i], daftar.isi[i], daftar.galat[i] = r, content, found_galat
        return daftar

    def simpan(self, daftar: Daftar) -> None:
        """Keep the records of ``daftar``'s files: those read this time (but not those changed
        too recently) replace the earlier ones; files gone from the folder are forgotten."""
        if self._inti is None:
            return
        recent = time.time_ns() - RACY_NS
        index = {name: i for i, name in enumerate(daftar.nama)}
        rows, temuan = self._rows, self._rows_temuan
        berubah = [name for name in rows if name not in index]
        for name in berubah:
            del rows[name]
            temuan.pop(name, None)
        for name in daftar.diisi:
            i = index.get(name)
            berubah.append(name)
            if i is None or daftar.stat[i][1] >= recent:
                rows.pop(name, None)
                temuan.pop(name, None)
                continue
            stat = daftar.stat[i]
            rows[name] = (stat, tuple(daftar.ringkasan[i]), daftar.isi[i], daftar.galat[i])
            if self._temuan is not None:  # a build keeps only the first table
                temuan[name] = (stat, daftar.semua[i])
        with contextlib.suppress(OSError):
            self._inti.tulis(self.base, rows, berubah)
            if self._temuan is not None:
                self._temuan.tulis(None, temuan, berubah)
