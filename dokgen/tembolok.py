"""The cache of checked jabatan: after editing one file, a check or a build reads one file.

For every jabatan file it keeps what the check and the build need of it (a row of
:class:`Daftar`: its summary, the findings of the jabatan rules, the fingerprint of its content)
under the file's size and modification time. The records hold for one state of the shared
inputs — the dinas's other YAML files, the regulation catalogue and dokgen's own code —; when any
of those changes, every jabatan is read again.

The cache lives outside the data folder, one file per data folder, in
:func:`~dokgen.cachedir.folder_tembolok`: the columns of :class:`Daftar` in one ``marshal`` blob
(a kabupaten has thousands of jabatan; one blob is read and written in milliseconds, where a row
per jabatan cost tens of them), replaced atomically and only when something changed. A cache
that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from dokgen.cachedir import folder_tembolok, sidik_kode
from dokgen.checks import Temuan
from dokgen.load import KATALOG
from dokgen.model import RingkasanJabatan
from dokgen.output import Stat, write_atomic

FORMAT = (5, sys.version_info[:2])
"""Of the blob (marshal's own format may differ between Python versions)."""
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

    def selaras(self, nama: list[str], stat: list[Stat]) -> Daftar:
        """The rows for the files ``nama`` as they are now (``stat``): a row whose file is new
        or changed is empty."""
        if nama == self.nama:
            index = list(range(len(nama)))  # the usual case: same files, in the same order
        else:
            posisi = {n: i for i, n in enumerate(self.nama)}
            index = [posisi.get(n, -1) for n in nama]
        for j, i in enumerate(index):
            if i >= 0 and self.stat[i] != stat[j]:
                index[j] = -1

        def kolom(values: list) -> list:
            return [values[i] if i >= 0 else None for i in index]

        return Daftar(
            list(nama),
            list(stat),
            kolom(self.ringkasan),
            kolom(self.isi),
            kolom(self.galat),
            kolom(self.semua),
        )

    def kolom(self) -> tuple[list, ...]:
        return self.nama, self.stat, self.ringkasan, self.isi, self.galat, self.semua

    def pilih(self, rows: list[int]) -> Daftar:
        """Only the rows ``rows``."""
        return Daftar(*([values[i] for i in rows] for values in self.kolom()))

    def tanpa_kosong(self) -> Daftar:
        """The rows that hold a record."""
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
    """The records of one data folder, valid for one fingerprint of its shared inputs.

    Two files: the summaries, contents and galat findings (all a build needs), and the findings
    at every level (what a check needs besides; three quarters of the bytes). A build leaves the
    second as it is; a row of it whose file changed since is not trusted by the next check.
    """

    def __init__(self, folder: Path, temuan: bool = True) -> None:
        self.bersama = sidik_bersama(folder)
        self.base = f"{folder}/jabatan"
        """The jabatan folder as named now: the summaries' files are in it."""
        self.temuan = temuan
        """True when the findings at every level are read and kept too (a check)."""
        root = folder_tembolok()
        key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:24]
        self.path = None if root is None else root / f"{key}.jabatan"
        self._inti: tuple = ()
        self._semua: tuple = ()
        """What :meth:`baca` read of each file: :meth:`simpan` writes only a file that changed."""

    def baca(self) -> Daftar:
        """The records kept, or none if there are none for this state of the shared inputs."""
        base, inti = self._muat(".jabatan", 5)
        if not inti:
            return Daftar()
        self._inti = (base, inti)
        nama, stat, ringkasan, isi, galat = inti
        try:
            if base == self.base:
                ringkasan = list(map(RingkasanJabatan._make, ringkasan))
            else:  # the folder is named otherwise now (moved, or given as another path)
                ringkasan = [
                    RingkasanJabatan(*r[:3], f"{self.base}/{n}", *r[4:])
                    for n, r in zip(nama, ringkasan, strict=True)
                ]
        except TypeError:
            return Daftar()
        semua: list = [None] * len(nama)
        if self.temuan:
            _, kept = self._semua = self._muat(".temuan", 3)
            if kept and kept[0] == nama:  # a row counts if its file did not change since
                rows = zip(kept[2], kept[1], stat, strict=True)
                semua = [s if then == now else None for s, then, now in rows]
            ringkasan = [None if s is None else r for r, s in zip(ringkasan, semua, strict=True)]
        return Daftar(nama, stat, ringkasan, isi, galat, semua)

    def _muat(self, suffix: str, count: int) -> tuple[str, tuple]:
        """(folder, columns) of one of the two files, if it holds ``count`` columns of equal
        length for this state of the shared inputs; else ("", ())."""
        if self.path is None:
            return "", ()
        try:
            blob = self.path.with_suffix(suffix).read_bytes()
            tanda, bersama, base, columns = marshal.loads(blob)
            same = tanda == FORMAT and bersama == self.bersama and len(columns) == count
            if same and len({len(column) for column in columns}) == 1:
                return base, tuple(columns)
        except (OSError, ValueError, EOFError, TypeError):
            pass
        return "", ()

    def simpan(self, daftar: Daftar) -> None:
        """Keep exactly the records of ``daftar`` (but those of files changed too recently)."""
        if self.path is None:
            return
        recent = time.time_ns() - RACY_NS
        daftar = daftar.pilih([i for i, (_, mtime) in enumerate(daftar.stat) if mtime < recent])
        nama, stat, ringkasan, isi, galat, semua = daftar.kolom()
        inti = (self.base, (nama, stat, [tuple(r) for r in ringkasan], isi, galat))
        if inti != self._inti:
            self._tulis(".jabatan", inti)
        semua_baru = (self.base, (nama, stat, semua))
        if self.temuan and semua_baru != self._semua:
            self._tulis(".temuan", semua_baru)

    def _tulis(self, suffix: str, content: tuple[str, tuple]) -> None:
        assert self.path is not None
        blob = marshal.dumps((FORMAT, self.bersama, *content))
        with contextlib.suppress(OSError):
            write_atomic(self.path.with_suffix(suffix), blob)
