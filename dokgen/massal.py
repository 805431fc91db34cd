"""Every jabatan of a dinas in bulk, one file at a time: read, checked, and its card rendered.

A kabupaten has thousands of jabatan. They are never all in memory: each file is read, validated
and checked by the jabatan rules — and, in a build, its card rendered when the card is not up to
date — in worker processes, and only a small record (a row of :class:`~dokgen.tembolok.Daftar`)
comes back. A file whose size and time did not change since the last run is not read at all: its
record comes from the cache (:mod:`dokgen.tembolok`), and its card is left alone when the
manifest says it is up to date. The rules across jabatan then run on the records' summaries.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from dokgen import gabungan
from dokgen.checks import Finding, Severity, Temuan, levels, periksa_bagian, temuan_jabatan
from dokgen.documents import iki
from dokgen.errors import DataError, Problem
from dokgen.load import DataDinas, berkas_jabatan, kode_ganda, load, load_bersama, load_jabatan
from dokgen.manifest import Manifest, sha
from dokgen.model import RingkasanJabatan
from dokgen.output import Stat, stat_semua
from dokgen.render import Halaman, Template
from dokgen.tembolok import Daftar, Tembolok
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

    def basi(self, cards: list[tuple[str, str]], rows: list[int]) -> list[int]:
        """The ``rows`` whose card — (name, key) in ``cards`` — is not up to date."""
        if self.semua:
            return list(rows)
        return [i for i, fresh in zip(rows, self.lama.segar_semua(cards), strict=True) if not fresh]

    def kartu(self, daftar: Daftar, rows: list[int]) -> list[tuple[str, str]]:
        """(name, manifest key) of the card of each of the ``rows`` of ``daftar``."""
        ringkasan = daftar.ringkasan
        names = iki.nama_semua((i + 1, ringkasan[i].kode) for i in rows)  # type: ignore[union-attr]
        keys = [self.kunci_kartu(daftar.isi[i]) for i in rows]
        return list(zip(names, keys, strict=True))

    def kunci_kartu(self, isi: str) -> str:
        """The card's manifest key: the shared part's and the jabatan's fingerprints side by
        side (no hashing per card: a kabupaten has thousands)."""
        return f"{self.kunci[:32]}{isi}"


@dataclass
class Olahan:
    """Every valid jabatan file with its record, in order, and the cards rendered."""

    daftar: Daftar = field(default_factory=Daftar)
    """The record of every valid jabatan file."""
    dirender: dict[str, str] = field(default_factory=dict)
    """Card name → SHA-256 of the bytes staged for it."""
    kartu: dict[str, str] = field(default_factory=dict)
    """Card name → its manifest key, for every card in order (a build only)."""

    def temuan(self, hanya_galat: bool = False) -> list[tuple[str, tuple[Temuan, ...]]]:
        """Every file's findings, or only those at level galat (all a build needs)."""
        daftar = self.daftar
        rows = [(r.berkas, i) for i, r in enumerate(daftar.ringkasan) if r is not None]
        return [(file, daftar.galat[i] if hanya_galat else daftar.temuan(i)) for file, i in rows]


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
    tembolok = Tembolok(data.folder, temuan=cetak is None)
    base = tembolok.base
    daftar = tembolok.baca(*_stat_all(base, berkas_jabatan(data.folder)))
    todo = [i for i, r in enumerate(daftar.ringkasan) if r is None]
    cards: list[tuple[str, str] | None] = [None] * len(daftar.nama)
    if cetak:
        known = [i for i, r in enumerate(daftar.ringkasan) if r is not None]
        for i, card in zip(known, cetak.kartu(daftar, known), strict=True):
            cards[i] = card
        todo += cetak.basi([cards[i] for i in known], known)
        todo.sort()

    galat = {code for code, level in levels(data).items() if level == "galat"}
    if cetak and todo:
        cetak.template()  # compiled before forking: a template error surfaces here, once
        (cetak.staging / iki.FOLDER).mkdir(parents=True, exist_ok=True)

    def work(k: int) -> tuple[int, Baris | None, list[Problem], str | None]:
        i = todo[k]
        path = f"{base}/{daftar.nama[i]}"
        return i, *_satu(data, path, daftar.stat[i], i + 1, cetak)

    hasil = Olahan()
    problems: dict[int, list[Problem]] = {}
    for done, (i, row, found, digest) in enumerate(peta(work, len(todo), jobs), start=1):
        problems[i] = found
        if row is not None:
            daftar.isi_baris(i, *row, galat)
            if cetak:
                cards[i] = card = cetak.kartu(daftar, [i])[0]
                if digest is not None:
                    hasil.dirender[card[0]] = digest
        if progress:
            progress(done, len(todo))
    hasil.daftar = daftar = daftar.tanpa_kosong()
    hasil.kartu = dict(card for card in cards if card is not None)
    tembolok.simpan(daftar)
    ringkasan = daftar.ringkasan
    masalah = [m for i in sorted(problems) for m in problems[i]] + kode_ganda(ringkasan)
    if masalah:
        raise DataError(masalah)
    data.ringkasan = ringkasan
    return hasil


def _stat_all(base: str, listed: list[str]) -> tuple[list[str], list[Stat]]:
    """The files still there, and their size and time — taken before reading them, so an edit
    made while dokgen runs is seen next time."""
    stats = stat_semua(base, listed)
    if None not in stats:
        return listed, cast(list[Stat], stats)
    present = [i for i, stat in enumerate(stats) if stat is not None]  # else removed meanwhile
    return [listed[i] for i in present], [cast(Stat, stats[i]) for i in present]


Baris = tuple[Stat, RingkasanJabatan, str, tuple[Temuan, ...]]
"""A file's record as :meth:`Daftar.isi_baris` takes it: stat, summary, content, findings."""


def _satu(
    data: DataDinas,
    file: str,
    stat: Stat,
    nomor: int,
    cetak: Cetak | None,
) -> tuple[Baris | None, list[Problem], str | None]:
    """Read, check and (when its card is not up to date) render one jabatan file."""
    jabatan, problems = load_jabatan(Path(file))
    if jabatan is None:
        return None, problems, None
    isi = sha(jabatan.model_dump_json().encode())
    row = (stat, RingkasanJabatan.dari(jabatan), isi, temuan_jabatan(data, jabatan))
    if cetak is None:
        return row, problems, None
    doc = iki.satu(data, nomor, jabatan)
    if not cetak.semua and cetak.lama.segar(doc.nama_berkas, cetak.kunci_kartu(isi)):
        return row, problems, None
    blob, document = cetak.template().render_dokumen(doc.context, cetak.halaman, doc.gambar)
    staged = os.path.join(cetak.staging, doc.nama_berkas)
    with open(staged, "wb") as fh:
        fh.write(blob)
    gabungan.siapkan(document, nomor == 1, staged)
    return row, problems, sha(blob)


def periksa_folder(
    folder: Path, hanya: tuple[Severity, ...] | None = None, jobs: int | None = None
) -> list[Finding]:
    """``dokgen check``: every finding of the data folder, reading only the changed files."""
    with gc_frozen():
        data = bersama(folder)
        olahan = olah(data, jobs=jobs)
        return periksa_bagian(data, olahan.temuan(), *([hanya] if hanya else []))
