"""Every jabatan of a dinas in bulk, one file at a time: read, checked, and its card rendered.

A kabupaten has thousands of jabatan. They are never all in memory: each file is read, validated
and checked by the jabatan rules — and, in a build, its card rendered when the card is not up to
date — in worker processes, and only a small record (:class:`~dokgen.tembolok.Catatan`) comes
back. A file whose size and time did not change since the last run is not read at all: its
record comes from the cache (:mod:`dokgen.tembolok`), and its card is left alone when the
manifest says it is up to date. The rules across jabatan then run on the records' summaries.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dokgen import gabungan
from dokgen.checks import Finding, Severity, Temuan, levels, periksa_bagian, temuan_jabatan
from dokgen.documents import iki
from dokgen.errors import DataError, Masalah
from dokgen.load import DataDinas, berkas_jabatan, kode_ganda, load, load_bersama, load_jabatan
from dokgen.manifest import Manifest, sha
from dokgen.model import RingkasanJabatan
from dokgen.output import stat_of
from dokgen.render import Halaman, Template
from dokgen.tembolok import Catatan, Tembolok
from dokgen.workers import gc_frozen, peta

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Cetak:
    """How a build renders the cards (a check renders nothing)."""

    template: Callable[[], Template]
    """The card template, compiled on first call (only a build with cards to render needs it)."""
    kunci: str
    """Fingerprint of everything on a card besides its jabatan (template, dinas, paper…)."""
    halaman: Halaman
    staging: Path
    lama: Manifest
    """The earlier build's manifest: which cards are up to date."""
    semua: bool = False

    def kunci_kartu(self, isi: str) -> str:
        """The card's manifest key: the shared part's and the jabatan's fingerprints side by
        side (no hashing per card: a kabupaten has thousands)."""
        return f"{self.kunci[:32]}{isi}"


@dataclass
class Olahan:
    """Every valid jabatan file with its record, in order, and the cards rendered."""

    catatan: list[tuple[str, Catatan]] = field(default_factory=list)
    """(file, record) of every valid jabatan file."""
    dirender: dict[str, str] = field(default_factory=dict)
    """Card name → SHA-256 of the bytes staged for it."""
    kartu: dict[str, str] = field(default_factory=dict)
    """Card name → its manifest key, for every card in order (a build only)."""

    @property
    def ringkasan(self) -> list[RingkasanJabatan]:
        return [c.ringkasan for _, c in self.catatan]

    def temuan(self, hanya_galat: bool = False) -> list[tuple[str, tuple[Temuan, ...]]]:
        """Every file's findings, or only those at level galat (all a build needs)."""
        return [(file, c.galat if hanya_galat else c.temuan) for file, c in self.catatan]


def bersama(folder: Path) -> DataDinas:
    """The dinas's shared data (everything but the jabatan); on any problem in the folder, a
    :class:`DataError` listing every problem, those of the jabatan files too."""
    data, problems = load_bersama(folder)
    if problems or data is None:
        load(folder)  # raises with every problem of the folder
        raise DataError(problems)
    return data


def olah(
    data: DataDinas,
    cetak: Cetak | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Olahan:
    """Every jabatan of ``data.folder``: from the cache, or read, checked (and rendered).

    Sets ``data.ringkasan``; raises :class:`DataError` listing every problem of the files.
    """
    files, stats = _stat_all(berkas_jabatan(data.folder))
    tembolok = Tembolok(data.folder)
    records: list[Catatan | None] = []
    cards: list[tuple[str, str] | None] = []
    todo: list[int] = []
    for i, (file, stat) in enumerate(zip(files, stats, strict=True)):
        record = tembolok.ambil(os.path.basename(file), stat)
        card = _kartu(cetak, i, record) if cetak and record else None
        records.append(record)
        cards.append(card)
        if record is None or (cetak and card and (cetak.semua or not cetak.lama.segar(*card))):
            todo.append(i)

    galat = {code for code, level in levels(data).items() if level == "galat"}
    if cetak and todo:
        cetak.template()  # compiled before forking: a template error surfaces here, once
        (cetak.staging / iki.FOLDER).mkdir(parents=True, exist_ok=True)

    def work(k: int) -> tuple[int, Catatan | None, list[Masalah], str | None]:
        i = todo[k]
        return i, *_satu(data, files[i], stats[i], i + 1, cetak, galat)

    hasil = Olahan()
    problems: dict[int, list[Masalah]] = {}
    for done, (i, record, found, digest) in enumerate(peta(work, len(todo), jobs), start=1):
        records[i] = record
        problems[i] = found
        if cetak and record is not None:
            cards[i] = card = _kartu(cetak, i, record)
            if digest is not None:
                hasil.dirender[card[0]] = digest
        if progress:
            progress(done, len(todo))
    hasil.catatan = [(f, r) for f, r in zip(files, records, strict=True) if r is not None]
    hasil.kartu = dict(card for card in cards if card is not None)
    tembolok.simpan({os.path.basename(file): record for file, record in hasil.catatan})
    ringkasan = hasil.ringkasan
    masalah = [m for i in sorted(problems) for m in problems[i]] + kode_ganda(ringkasan)
    if masalah:
        raise DataError(masalah)
    data.ringkasan = ringkasan
    return hasil


def _stat_all(listed: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """The files still there, and their size and time — taken before reading them, so an edit
    made while dokgen runs is seen next time."""
    files, stats = [], []
    for file in listed:
        stat = stat_of(file)
        if stat is not None:  # else removed since the folder was listed
            files.append(file)
            stats.append(stat)
    return files, stats


def _kartu(cetak: Cetak, index: int, record: Catatan) -> tuple[str, str]:
    """(name, manifest key) of the card of the ``index``-th file."""
    return iki.nama(index + 1, record.ringkasan.kode), cetak.kunci_kartu(record.isi)


def _satu(
    data: DataDinas,
    file: str,
    stat: tuple[int, int],
    nomor: int,
    cetak: Cetak | None,
    galat: set[str],
) -> tuple[Catatan | None, list[Masalah], str | None]:
    """Read, check and (when its card is not up to date) render one jabatan file."""
    jabatan, problems = load_jabatan(Path(file))
    if jabatan is None:
        return None, problems, None
    isi = sha(jabatan.model_dump_json().encode())
    temuan = temuan_jabatan(data, jabatan)
    record = Catatan.dari(stat, RingkasanJabatan.dari(jabatan), isi, temuan, galat)
    if cetak is None:
        return record, problems, None
    doc = iki.satu(data, nomor, jabatan)
    if not cetak.semua and cetak.lama.segar(doc.nama_berkas, cetak.kunci_kartu(isi)):
        return record, problems, None
    blob, document = cetak.template().render_dokumen(doc.context, cetak.halaman, doc.gambar)
    staged = os.path.join(cetak.staging, doc.nama_berkas)
    with open(staged, "wb") as fh:
        fh.write(blob)
    gabungan.siapkan(document, nomor == 1, staged)
    return record, problems, sha(blob)


def periksa_folder(
    folder: Path, hanya: tuple[Severity, ...] | None = None, jobs: int | None = None
) -> list[Finding]:
    """``dokgen check``: every finding of the data folder, reading only the changed files."""
    with gc_frozen():
        data = bersama(folder)
        olahan = olah(data, jobs=jobs)
        return periksa_bagian(data, olahan.temuan(), *([hanya] if hanya else []))
