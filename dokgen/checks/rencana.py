"""Rencana Aksi: its quarterly targets against the Renstra (RAK).

The year's target of an IKU is written once, in renstra.yaml; ``rencana-aksi.yaml`` splits it
into quarters (and months). These rules speak only when the dinas has a Rencana Aksi.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from dokgen.checks import FieldRef, Where, aturan, unit_asing
from dokgen.errors import saran
from dokgen.format import angka_tertulis
from dokgen.load import DataDinas
from dokgen.model import AksiIku, Indikator

ROMAWI = ("I", "II", "III", "IV")


def _iku(kode: str) -> str:
    """'IKU-1' as it is; '1.1' as 'IKU 1.1'."""
    return kode if kode.upper().startswith("IKU") else f"IKU {kode}"


@aturan("RAK001", "galat", "rencana")
def triwulan_tidak_sampai_target(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Target triwulan Rencana Aksi berakhir di target tahunan IKU di renstra.yaml (IKU bersifat
    nilai akhir: TW IV sama dengan target tahunan) atau berjumlah target itu (IKU kumulatif);
    setiap kodenya IKU Renstra, setiap unit penanggung jawab ada di organisasi.yaml, dan setiap
    IKU punya rencana aksi.

    Sifat IKU adalah ``agregasi``-nya, atau — bila tidak ditulis — nilai akhir untuk persentase
    dan kumulatif untuk jumlah. Target bulanan (``bulan``) dicocokkan dengan triwulannya dengan
    cara yang sama.

    Gagal: rencana-aksi.yaml ::

        tahun: 2024
        indikator:
          IKU-1:
            triwulan:
              - 70
              - 71
              - 72
              - 73  # ← temuan
            unit: bidang-kelembagaan

    dan organisasi.yaml ::

        unit:
          - kode: bidang-kelembagaan
            nama: Bidang Kelembagaan

    Gagal: rencana-aksi.yaml ::

        tahun: 2024
        indikator:
          IKU-1:
            triwulan:  # ← temuan
              - 10
              - 10
              - 10
              - 5
            unit: bidang-kelembagaan
          IKU-01:  # ← temuan
            triwulan:
              - 10
              - 10
              - 10
              - 10
            unit: bidang-kelembagan  # ← temuan

    dan renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Jumlah koperasi yang dibina
                satuan: koperasi
                target: {2024: 40}  # kumulatif: TW I–IV berjumlah 35

    dan organisasi.yaml ::

        unit:
          - kode: bidang-kelembagaan
            nama: Bidang Kelembagaan

    Lolos: rencana-aksi.yaml ::

        tahun: 2024
        indikator:
          IKU-1:
            triwulan:
              - 71
              - 72
              - 73
              - 74
            unit: bidang-kelembagaan

    dan organisasi.yaml ::

        unit:
          - kode: bidang-kelembagaan
            nama: Bidang Kelembagaan
    """
    ra, renstra = data.rencana_aksi, data.renstra
    if ra is None or renstra is None:
        return
    iku = {i.kode: i for s in renstra.sasaran_ber_iku for i in s.indikator}
    for kode, aksi in ra.indikator.items():
        ind = iku.get(kode)
        if ind is None:
            yield (
                FieldRef(ra, ("indikator", kode)),
                f"'{kode}' bukan kode IKU di renstra.yaml{saran(kode, iku)}",
            )
        asing = unit_asing(data, aksi.unit)
        if asing:
            yield FieldRef(aksi, ("unit",)), f"unit penanggung jawab '{aksi.unit}' {asing}"
        if ind is not None:
            yield from _target(ind, aksi, ra.tahun, FieldRef(ra, ("indikator", kode)))
    for kode in iku:
        if kode not in ra.indikator:
            yield (
                FieldRef(ra, ("indikator",)),
                f"{_iku(kode)} tanpa rencana aksi tahun {ra.tahun}: barisnya tercetak tanpa"
                " target triwulan",
            )


def _target(
    ind: Indikator, aksi: AksiIku, tahun: int, tempat: Where
) -> Iterator[tuple[Where, str]]:
    """The quarters of ``aksi`` against the year's target of ``ind``, the months against the
    quarters."""
    target = ind.target.get(tahun)
    if target is None:
        yield (
            tempat,
            f"{_iku(ind.kode)} tanpa target tahun {tahun} di renstra.yaml: target triwulannya tidak"
            " dapat dicocokkan",
        )
        return
    tw = aksi.triwulan
    if ind.cara_agregasi == "nilai_akhir":
        if tw[3] != target:
            yield (
                FieldRef(aksi, ("triwulan", 3)),
                f"target TW IV {_iku(ind.kode)} {angka_tertulis(tw[3])} tidak sama dengan"
                f" target tahun {tahun} di renstra.yaml ({angka_tertulis(target)}): IKU bersifat"
                " nilai akhir berakhir di target tahunannya",
            )
    elif sum(tw, Decimal(0)) != target:
        yield (
            FieldRef(aksi, ("triwulan",)),
            f"target triwulan {_iku(ind.kode)} berjumlah {angka_tertulis(sum(tw, Decimal(0)))},"
            f" bukan target tahun {tahun} di renstra.yaml ({angka_tertulis(target)}): IKU kumulatif"
            " berjumlah target tahunannya",
        )
    if not aksi.bulan:
        return
    for q in range(4):
        months = aksi.bulan[3 * q : 3 * q + 3]
        if ind.cara_agregasi == "nilai_akhir" and months[2] != tw[q]:
            yield (
                FieldRef(aksi, ("bulan", 3 * q + 2)),
                f"target bulan ke-{3 * q + 3} {_iku(ind.kode)} {angka_tertulis(months[2])}"
                f" tidak sama dengan target TW {ROMAWI[q]} ({angka_tertulis(tw[q])})",
            )
        elif ind.cara_agregasi == "kumulatif" and sum(months, Decimal(0)) != tw[q]:
            yield (
                FieldRef(aksi, ("bulan", 3 * q)),
                f"target bulanan TW {ROMAWI[q]} {_iku(ind.kode)} berjumlah"
                f" {angka_tertulis(sum(months, Decimal(0)))}, bukan target TW {ROMAWI[q]}"
                f" ({angka_tertulis(tw[q])})",
            )
