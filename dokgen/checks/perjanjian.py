"""Perjanjian Kinerja: what a unit head's agreement can promise (PKJ).

A unit head promises the pagu of the kegiatan its unit carries (``unit`` of a kegiatan in
renstra.yaml); these rules speak only when the dinas makes Perjanjian Kinerja (``pk.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.checks import FieldRef, Where, aturan, unit_asing
from dokgen.load import DataDinas


@aturan("PKJ001", "peringatan", "perjanjian")
def unit_tanpa_kegiatan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap unit di bawah unit lain (seksi, subbagian) melaksanakan kegiatan (``unit`` sebuah
    kegiatan di renstra.yaml): tanpa itu Perjanjian Kinerja kepalanya tidak memuat anggaran —
    pagu seluruh program tidak dijanjikan oleh setiap seksi.

    Gagal: pk.yaml ::

        tahun: 2024

    dan organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
          - kode: subbag-umum  # ← temuan
            nama: Sub Bagian Umum dan Kepegawaian
            induk: sekretariat

    Lolos: pk.yaml ::

        tahun: 2024

    dan organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
          - kode: subbag-umum
            nama: Sub Bagian Umum dan Kepegawaian
            induk: sekretariat

    dan renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Pemeriksaan dan Pengawasan Koperasi
                pagu: {2024: 2.500.000}
                unit: subbag-umum
    """
    if data.pk is None or data.renstra is None or data.organisasi is None:
        return
    dilaksanakan = {k.unit for p in data.renstra.program for k in p.kegiatan if k.unit}
    for unit in data.organisasi.unit:
        if unit.induk and unit.kode not in dilaksanakan:
            yield (
                FieldRef(unit, ("kode",)),
                f"{unit.nama} tidak melaksanakan kegiatan mana pun (`unit` kegiatan di"
                " renstra.yaml): Perjanjian Kinerja kepalanya tanpa anggaran",
            )


@aturan("PKJ002", "galat", "perjanjian")
def unit_kegiatan_tidak_ada(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """``unit`` sebuah kegiatan adalah kode unit di organisasi.yaml.

    Gagal: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Pemeriksaan dan Pengawasan Koperasi
                pagu: {2024: 2.500.000}
                unit: subbag-umm  # ← temuan

    dan organisasi.yaml ::

        unit:
          - kode: subbag-umum
            nama: Sub Bagian Umum dan Kepegawaian

    Lolos: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Pemeriksaan dan Pengawasan Koperasi
                pagu: {2024: 2.500.000}
                unit: subbag-umum

    dan organisasi.yaml ::

        unit:
          - kode: subbag-umum
            nama: Sub Bagian Umum dan Kepegawaian
    """
    if data.renstra is None:
        return
    for program in data.renstra.program:
        for kegiatan in program.kegiatan:
            asing = unit_asing(data, kegiatan.unit) if kegiatan.unit else None
            if asing:
                yield FieldRef(kegiatan, ("unit",)), f"unit '{kegiatan.unit}' {asing}"
