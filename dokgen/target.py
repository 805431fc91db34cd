"""One target, one number everywhere: what each document prints as an IKU's target of a year.

Every document takes an IKU's target of a year from one field (``Indikator.target`` in
renstra.yaml), but each prints it its own way: the Dokumen IKU as written (``12,345``), the LKj
and the Perjanjian Kinerja with two decimals (``12,35``), the Rencana Aksi as written. This
module asks each document kind for the strings it prints — through the kind's own functions
that build its table rows, never a copy of their formatting, and without rendering anything —
and puts them side by side per indicator and year (:func:`tabel`); rule TGT001
(:mod:`dokgen.checks.target`) reports a year whose printed targets are not the same number.

A kind plugs in with one small function registered with :func:`pengumpul`: given the loaded
data, it yields a :class:`Cetak` for every target it prints. Kinds that print no target are named
in :data:`TANPA_TARGET` with the reason; a test fails when a registered kind is in neither.

* Dokumen IKU: the IKU table (target of every year of the period).
* Perjanjian Kinerja: the Kepala Dinas's lampiran (the Renstra's targets of ``pk.yaml``'s year);
  a unit head's lampiran prints, on an IKI row without a ``target`` of its own, the target of
  the IKU the row supports through ``mendukung`` (followed up the atasan's rows); a row's own
  target is a fact of that row only, printed nowhere else, and not collected. The borrowed
  string depends only on the IKU reached, so it is asked of
  :func:`dokgen.documents.pk.kepala_unit` once per IKU that some IKI row names in its
  ``mendukung`` — O(IKU), not O(jabatan × IKU): a dinas of 5,000 jabatan checks as quickly.
* Rencana Aksi: the year's target of each IKU; beside it, as :attr:`BarisTarget.triwulan`, what
  its quarters end at (TW IV for a ``nilai_akhir`` IKU, the sum of TW I–IV for a ``kumulatif``
  one), compared as numbers. A quarter that misses the target is RAK001's finding (it points at
  the quarter in rencana-aksi.yaml); TGT001 does not report the same mistake again.
* Laporan Kinerja (triwulan): the Rencana Kerja Tahunan table (also its Lampiran PK, the same
  rows) and the capaian table of every quarter with realisasi (one entry when the quarters print
  the same text).
* Kartu IKI: the cards print no target (an IKI row's own ``target`` is printed only in its unit
  head's Perjanjian Kinerja). If the cards ever print it, the kind must get a collector here
  (and leave :data:`TANPA_TARGET`).
* LKjIP (Laporan Kinerja tahunan): the RKT, the capaian table and the comparison table of every
  year with its four quarters — the year's target and the Renstra's final target (a target of
  the last year of the period). Its collector runs only when the kind is registered.
* Pohon kinerja and Keputusan IKU print no target (:data:`TANPA_TARGET`).

Prose is not collected: the LKj's analysis sentences say the target again ('dari target tahun
2019 sebesar 80,94%') with the same two-decimal formatting as its tables.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from dokgen.format import KOSONG
from dokgen.load import DataDinas
from dokgen.model import Indikator, IndikatorIKI, Jabatan, SasaranIKI


@dataclass(frozen=True)
class Cetak:
    """One target as a document prints it."""

    jenis: str
    """The document kind (``pk``, ``lkj`` …)."""
    bagian: str
    """Where in the document: 'Lampiran Kepala Dinas', 'Tabel Capaian' …"""
    kode: str
    """The IKU's kode."""
    tahun: int
    teks: str
    """The text printed in the target cell."""

    @property
    def nilai(self) -> Decimal | None:
        """The printed text read back as a number (:func:`bilangan`)."""
        return bilangan(self.teks)


def bilangan(teks: str) -> Decimal | None:
    """A number as the documents print it read back: '1.234,50' → 1234.50, '12,35*' → 12.35
    (the mark of a borrowed target dropped); None for '–' or text that is no number."""
    teks = teks.strip().rstrip("*").strip()
    if not teks or teks == KOSONG:
        return None
    try:
        return Decimal(teks.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


Pengumpul = Callable[[DataDinas], Iterator[Cetak]]
PENGUMPUL: dict[str, Pengumpul] = {}
"""The collector of every kind that prints targets, by kind name."""

TANPA_TARGET = {
    "keputusan": "Keputusan IKU menetapkan indikator, formula dan sumber datanya, tanpa target",
    "iki": "kartu IKI tidak mencetak target; target baris IKI sendiri (IndikatorIKI.target)"
    " hanya dicetak Perjanjian Kinerja kepala unit, satu-satunya tempatnya",
    "pohon-kinerja": "pohon kinerja menggambar tujuan, sasaran, IKU, program dan kegiatan tanpa"
    " target",
}
"""Kinds that print no target, with the reason (a kind here has no collector)."""


def pengumpul(jenis: str) -> Callable[[Pengumpul], Pengumpul]:
    """Register the collector of the kind ``jenis``."""

    def register(fn: Pengumpul) -> Pengumpul:
        assert jenis not in PENGUMPUL and jenis not in TANPA_TARGET, jenis
        PENGUMPUL[jenis] = fn
        return fn

    return register


def _iku(data: DataDinas) -> list[Indikator]:
    assert data.renstra is not None
    return [i for s in data.renstra.semua_sasaran for i in s.indikator]


def _berlaku(data: DataDinas, jenis: str) -> bool:
    """Whether the kind is registered and built for this dinas."""
    from dokgen.documents import kinds

    kind = kinds().get(jenis)
    return data.renstra is not None and kind is not None and kind.missing(data) is None


@pengumpul("dokumen-iku")
def _dokumen_iku(data: DataDinas) -> Iterator[Cetak]:
    from dokgen.documents import dokumen_iku

    assert data.renstra is not None
    years = dokumen_iku.tahun_target(data.renstra)
    for row in dokumen_iku.baris_iku(data.renstra, "target"):
        ind: Indikator = row["indikator"]
        for tahun, teks in zip(years, row["nilai"], strict=True):
            yield Cetak("dokumen-iku", "Tabel IKU", ind.kode, tahun, teks)


def _baris(rows: list[dict[str, Any]], iku: list[Indikator]) -> Iterator[tuple[Indikator, str]]:
    """The rows of a table with one row per IKU (in the order of ``iku``) paired with their IKU."""
    assert len(rows) == len(iku), (len(rows), len(iku))
    for row, ind in zip(rows, iku, strict=True):
        assert row["indikator"] == ind.uraian, (row["indikator"], ind.uraian)
        yield ind, row["target"]


@pengumpul("pk")
def _pk(data: DataDinas) -> Iterator[Cetak]:
    from dokgen.documents import pk as dok

    perjanjian = data.pk
    assert perjanjian is not None
    tahun = perjanjian.tahun
    iku = _iku(data)
    kepala = dok.kepala_dinas(data, perjanjian)
    for ind, teks in _baris(kepala["sasaran"], iku):
        yield Cetak("pk", "Lampiran Kepala Dinas", ind.kode, tahun, teks)
    # A unit head's row prints the target of the IKU it reaches: asked once per IKU named by
    # some IKI row's mendukung, with a unit head holding one row that supports it.
    named = {kode for r in data.ringkasan for kode, _ in r.mendukung}
    for ind in iku:
        if ind.kode not in named:
            continue
        baris = IndikatorIKI.model_construct(
            uraian=ind.uraian, mendukung=ind.kode, formula=None, target={}
        )
        probe = Jabatan.model_construct(
            kode="kepala-unit",
            nama="KEPALA UNIT",
            jenis="struktural",
            atasan=None,
            unit=None,
            pemangku=None,
            iki=[SasaranIKI.model_construct(sasaran="", indikator=[baris])],
        )
        (row,) = dok.kepala_unit(data, perjanjian, probe, {}, {})["sasaran"]
        yield Cetak("pk", "Lampiran kepala unit", ind.kode, tahun, row["target"])


@pengumpul("rencana-aksi")
def _rencana_aksi(data: DataDinas) -> Iterator[Cetak]:
    from dokgen.documents import rencana_aksi

    context = rencana_aksi.konteks(data)
    tahun = context["tahun"]
    for sasaran in context["sasaran"]:
        for row in sasaran["indikator"]:
            yield Cetak("rencana-aksi", "Target tahunan", row["kode"], tahun, row["target"])


@pengumpul("lkj")
def _lkj(data: DataDinas) -> Iterator[Cetak]:
    from dokgen.documents import lkj

    iku = _iku(data)
    for tahun in sorted({laporan.tahun for laporan in data.realisasi}):
        for ind, teks in _baris(lkj.baris_rkt(data, tahun), iku):
            yield Cetak("lkj", "Rencana Kerja Tahunan dan Lampiran PK", ind.kode, tahun, teks)
    ber_iku = [i for s in data.renstra.sasaran_ber_iku for i in s.indikator] if data.renstra else []
    for laporan in data.realisasi:
        rows = lkj.baris_capaian(lkj.hasil_indikator(data, laporan))
        for ind, teks in _baris(rows, ber_iku):
            yield Cetak("lkj", "Tabel Capaian", ind.kode, laporan.tahun, teks)


@pengumpul("lkjip")
def _lkjip(data: DataDinas) -> Iterator[Cetak]:
    # imported by name: the module is new (helper L, issue 21) and may not be in every tree
    lkjip: Any = importlib.import_module("dokgen.documents.lkjip")
    from dokgen.documents import lkj

    assert data.renstra is not None
    iku = _iku(data)
    ber_iku = [i for s in data.renstra.sasaran_ber_iku for i in s.indikator]
    akhir = data.renstra.periode.akhir
    for tahun in lkjip.tahun_lengkap(data):
        for ind, teks in _baris(lkj.baris_rkt(data, tahun), iku):
            yield Cetak("lkjip", "Rencana Kerja Tahunan dan Lampiran PK", ind.kode, tahun, teks)
        laporan = lkjip.laporan_tahun(data, tahun)
        hasil = lkj.hasil_indikator(data, laporan)
        for ind, teks in _baris(lkj.baris_capaian(hasil), ber_iku):
            yield Cetak("lkjip", "Tabel Capaian", ind.kode, tahun, teks)
        rows = lkjip.baris_perbandingan(data, laporan, hasil)
        for ind, teks in _baris(rows, ber_iku):
            yield Cetak("lkjip", "Tabel Perbandingan", ind.kode, tahun, teks)
        for ind, row in zip(ber_iku, rows, strict=True):
            bagian = "Tabel Perbandingan (target akhir Renstra)"
            yield Cetak("lkjip", bagian, ind.kode, akhir, row["target_akhir"])


def triwulan_akhir(data: DataDinas) -> dict[str, Cetak]:
    """What the Rencana Aksi's printed quarters of each IKU end at, by kode: TW IV of a
    ``nilai_akhir`` IKU, the sum of TW I–IV of a ``kumulatif`` one (read back from the printed
    quarters); only IKUs whose four quarters are printed."""
    if not _berlaku(data, "rencana-aksi"):
        return {}
    from dokgen.documents import rencana_aksi

    context = rencana_aksi.konteks(data)
    iku = {i.kode: i for i in _iku(data)}
    result = {}
    for sasaran in context["sasaran"]:
        for row in sasaran["indikator"]:
            values = [bilangan(t) for t in row["triwulan"]]
            if any(v is None for v in values):
                continue
            if iku[row["kode"]].cara_agregasi == "nilai_akhir":
                teks, bagian = row["triwulan"][3], "TW IV (nilai akhir)"
            else:
                total = sum((v for v in values if v is not None), Decimal(0))
                teks, bagian = _tulis(total), "jumlah TW I–IV (kumulatif)"
            result[row["kode"]] = Cetak("rencana-aksi", bagian, row["kode"], context["tahun"], teks)
    return result


def _tulis(value: Decimal) -> str:
    from dokgen.format import angka_tertulis

    return angka_tertulis(value)


@dataclass(frozen=True)
class BarisTarget:
    """One IKU and year: every target printed for it, and what the Rencana Aksi's quarters end
    at."""

    indikator: Indikator
    tahun: int
    cetak: tuple[Cetak, ...]
    triwulan: Cetak | None = None

    @property
    def sama(self) -> bool:
        """Whether every printed target is the same number (the quarters not counted: RAK001)."""
        return len({c.nilai for c in self.cetak}) <= 1

    @property
    def triwulan_sama(self) -> bool | None:
        """Whether the quarters end at the printed year's target; None without quarters."""
        if self.triwulan is None:
            return None
        return all(c.nilai == self.triwulan.nilai for c in self.cetak)

    def as_dict(self) -> dict[str, Any]:
        """The row for ``dokgen check --format json``."""
        result: dict[str, Any] = {
            "kode": self.indikator.kode,
            "uraian": self.indikator.uraian,
            "tahun": self.tahun,
            "renstra": _tulis(self.indikator.target[self.tahun])
            if self.tahun in self.indikator.target
            else None,
            "cetak": [{"dokumen": c.jenis, "bagian": c.bagian, "teks": c.teks} for c in self.cetak],
            "sama": self.sama,
        }
        if self.triwulan is not None:
            result["triwulan"] = {
                "bagian": self.triwulan.bagian,
                "teks": self.triwulan.teks,
                "sama": self.triwulan_sama,
            }
        return result


def kumpulkan(data: DataDinas) -> list[Cetak]:
    """Every target every kind built for this dinas prints, each text once per place."""
    if data.renstra is None:
        return []
    found: dict[Cetak, None] = {}
    for jenis, fn in PENGUMPUL.items():
        if _berlaku(data, jenis):
            found.update(dict.fromkeys(fn(data)))
    return list(found)


def tabel(data: DataDinas) -> list[BarisTarget]:
    """One row per IKU and year that some document prints a target for, in the order of the
    Renstra and the years; a year where every document prints '–' (no target) is left out, a
    '–' beside a number is a disagreement."""
    if data.renstra is None:
        return []
    per: dict[str, dict[int, list[Cetak]]] = {}
    for cetak in kumpulkan(data):
        per.setdefault(cetak.kode, {}).setdefault(cetak.tahun, []).append(cetak)
    quarters = triwulan_akhir(data)
    rows = []
    for ind in _iku(data):
        for tahun, printed in sorted(per.get(ind.kode, {}).items()):
            if all(c.teks.strip() == KOSONG for c in printed):
                continue  # no document prints a target for that year
            q = quarters.get(ind.kode)
            rows.append(
                BarisTarget(ind, tahun, tuple(printed), q if q and q.tahun == tahun else None)
            )
    return rows
