"""Computed performance figures: capaian per indicator, predikat, serapan anggaran.

All arithmetic is Decimal. A value that was not measured is ``None`` all the way through: it is
printed "–" and left out of every total, never taken as 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import overload

from dokgen.format import PRESISI
from dokgen.model import Indikator, Kegiatan, Peraturan, Predikat, Program, RealisasiTriwulan

SERATUS = Decimal(100)
SEN = Decimal("0.01")

RUMUS = {
    "permenpanrb-8-2021": (
        "positif: realisasi / target × 100; negatif: (2 × target − realisasi) / target × 100,"
        " paling rendah 0"
    ),
    "rasio-terbalik": "positif: realisasi / target × 100; negatif: target / realisasi × 100",
}
"""The capaian rules dokgen knows (the setting ``pengaturan.rumus_capaian``), with the sentence
the report prints about them; the regulation, if any, is added by :func:`rumus_teks`."""


DASAR_RUMUS = {
    # "kondisi khusus" of the SKP rules: catalogue key and the short name the report prints
    "permenpanrb-8-2021": ("permenpan-8-2021", "PermenPAN-RB 8/2021"),
}
"""The regulation of each capaian rule that has one (its dates are the catalogue's); a rule
without an entry cites nothing."""


def rumus_teks(rumus: str, pada: dt.date | None, katalog: Mapping[str, Peraturan]) -> str:
    """The capaian rule as a report of ``pada`` prints it: with its regulation only when that
    was in force on ``pada`` (the catalogue's ``berlaku``, else its enactment) and not revoked —
    a 2019 report does not cite a 2021 regulation."""
    teks = RUMUS[rumus]
    key, sebutan = DASAR_RUMUS.get(rumus, ("", ""))
    dasar = katalog.get(key)
    if dasar is None or pada is None or not dasar.berlaku_pada(pada, katalog):
        return teks
    return f"{teks} ({sebutan})"


@overload
def bulat(value: Decimal) -> Decimal: ...
@overload
def bulat(value: Decimal | None) -> Decimal | None: ...
def bulat(value: Decimal | None) -> Decimal | None:
    """Round half up to two decimals, as printed."""
    if value is None:
        return None
    with localcontext(PRESISI):
        return value.quantize(SEN, rounding=ROUND_HALF_UP)


def capaian(
    target: Decimal | None,
    realisasi: Decimal | None,
    polaritas: str = "positif",
    rumus: str = "permenpanrb-8-2021",
) -> Decimal | None:
    """Capaian in percent; None when either side is unknown or the target is 0."""
    if target is None or realisasi is None or target == 0:
        return None
    if polaritas == "positif":
        return realisasi / target * SERATUS
    if rumus == "rasio-terbalik":
        return None if realisasi == 0 else target / realisasi * SERATUS
    return max(Decimal(0), (2 * target - realisasi) / target * SERATUS)


def predikat(value: Decimal | None, bands: Sequence[Predikat]) -> str:
    """The band of a capaian (compared as printed, to two decimals); '–' when unknown."""
    if value is None:
        return "–"
    rounded = bulat(value)
    for band in sorted(bands, key=lambda b: b.batas_bawah, reverse=True):
        if rounded >= band.batas_bawah:
            return band.nama
    return bands[-1].nama if bands else "–"


def realisasi_sampai(
    indikator: Indikator, laporan: Iterable[RealisasiTriwulan], tahun: int, triwulan: int
) -> Decimal | None:
    """The indicator's realisasi for ``tahun`` up to ``triwulan``, by its aggregation rule.

    kumulatif: the sum of the quarters measured so far; nilai_akhir: the latest measured
    quarter. None when no quarter so far has a value.
    """
    values = [
        (r.triwulan, r.indikator[indikator.kode])
        for r in laporan
        if r.tahun == tahun and r.triwulan <= triwulan and indikator.kode in r.indikator
    ]
    if not values:
        return None
    if indikator.cara_agregasi == "kumulatif":
        return sum((v for _, v in values), Decimal(0))
    return max(values)[1]


@dataclass(frozen=True)
class Serapan:
    """Pagu, realisasi and serapan of a kegiatan, a program or the whole dinas."""

    pagu: int
    realisasi: int | None

    @property
    def persen(self) -> Decimal | None:
        if self.realisasi is None or self.pagu == 0:
            return None
        return Decimal(self.realisasi) / Decimal(self.pagu) * SERATUS

    @staticmethod
    def jumlah(items: Iterable[Serapan]) -> Serapan:
        """The total: pagu of all, realisasi of those known (None when none is known)."""
        items = list(items)
        known = [i.realisasi for i in items if i.realisasi is not None]
        return Serapan(sum(i.pagu for i in items), sum(known) if known else None)


def serapan_kegiatan(
    kegiatan: Kegiatan, laporan: Iterable[RealisasiTriwulan], tahun: int, triwulan: int
) -> Serapan:
    """Money spent on ``kegiatan`` in ``tahun`` up to ``triwulan`` (cumulative) against its pagu."""
    spent = [
        r.anggaran[kegiatan.kode]
        for r in laporan
        if r.tahun == tahun and r.triwulan <= triwulan and kegiatan.kode in r.anggaran
    ]
    return Serapan(kegiatan.pagu.get(tahun, 0), sum(spent) if spent else None)


def serapan_program(
    program: Program, laporan: Sequence[RealisasiTriwulan], tahun: int, triwulan: int
) -> Serapan:
    return Serapan.jumlah(serapan_kegiatan(k, laporan, tahun, triwulan) for k in program.kegiatan)
