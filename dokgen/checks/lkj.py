"""Laporan Kinerja: what a report's sections need from the data (LKJ).

Each rule speaks only when the dinas has a Laporan Kinerja to build (realisasi/ and renstra.yaml):
a section the data does not fill is left out of the report, and these rules say so before the
build.
"""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.checks import FieldRef, Where, aturan
from dokgen.load import DataDinas
from dokgen.model import RealisasiTriwulan, Renstra


def _renstra(data: DataDinas) -> Renstra | None:
    """The Renstra when the LKj is built (realisasi and renstra present); None otherwise."""
    return data.renstra if data.realisasi else None


def _tempat(data: DataDinas, key: str) -> Where:
    """lkj.yaml at ``key`` (its line when written), or the file that is missing."""
    if data.lkj is None:
        return (data.folder / "lkj.yaml", None)
    return data.lkj.location_of(key)


def _di(laporan: RealisasiTriwulan, key: str) -> Where:
    """A quarter's file at ``key`` when written, else at its start."""
    return laporan.location_of(key) if key in laporan.model_fields_set else laporan


def _tahun(data: DataDinas) -> list[int]:
    return sorted({r.tahun for r in data.realisasi})


@aturan("LKJ001", "peringatan", "lkj")
def kendala_langkah_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Ikhtisar Eksekutif memuat kendala dan langkah ke depan yang ditulis di berkas triwulan
    laporan itu; tanpa itu bagian tersebut tidak dicetak (juga langkah di BAB IV).

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        kendala: []  # ← temuan
        langkah:
          - Pendampingan koperasi yang belum menyelenggarakan RAT

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        kendala:
          - Penilaian kesehatan koperasi belum dilaksanakan
        langkah:
          - Pendampingan koperasi yang belum menyelenggarakan RAT
    """
    if _renstra(data) is None:
        return
    for laporan in data.realisasi:
        for key, what in (("kendala", "kendala"), ("langkah", "langkah ke depan")):
            if not getattr(laporan, key):
                yield (
                    _di(laporan, key),
                    f"laporan triwulan {laporan.triwulan} tahun {laporan.tahun} tanpa '{key}':"
                    f" {what} tidak dicetak di Ikhtisar Eksekutif",
                )


@aturan("LKJ002", "peringatan", "lkj")
def analisis_tanpa_penyebab(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Analisis capaian setiap IKU di BAB III memuat penyebab dan solusi yang ditulis di berkas
    triwulan (``analisis:`` per kode IKU); tanpa itu hanya kalimat dari angka yang dicetak.

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        analisis:
          IKU-1:
            penyebab: []  # ← temuan
            solusi:
              - Pendampingan penilaian kesehatan koperasi

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        analisis:
          IKU-1:
            penyebab:
              - Sebagian koperasi belum menyusun laporan keuangan
            solusi:
              - Pendampingan penilaian kesehatan koperasi
    """
    renstra = _renstra(data)
    if renstra is None:
        return
    for laporan in data.realisasi:
        for sasaran in renstra.sasaran_ber_iku:
            for ind in sasaran.indikator:
                teks = laporan.analisis.get(ind.kode)
                for key in ("penyebab", "solusi"):
                    if teks is None or not getattr(teks, key):
                        where = teks.location_of(key) if teks else _di(laporan, "analisis")
                        yield (
                            where,
                            f"{ind.kode} tanpa '{key}' di laporan triwulan {laporan.triwulan}"
                            f" tahun {laporan.tahun} (analisis BAB III)",
                        )


@aturan("LKJ003", "galat", "lkj")
def analisis_kode_tidak_dikenal(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap kode di ``analisis:`` berkas triwulan adalah kode IKU Renstra; penyebab dan solusi
    dengan kode lain tidak akan tercetak di mana pun.

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        analisis:
          IKU-9:  # ← temuan
            penyebab:
              - Sebagian koperasi belum menyusun laporan keuangan

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        analisis:
          IKU-1:
            penyebab:
              - Sebagian koperasi belum menyusun laporan keuangan
    """
    renstra = _renstra(data)
    if renstra is None:
        return
    iku = {i.kode for s in renstra.sasaran_ber_iku for i in s.indikator}
    for laporan in data.realisasi:
        for kode in laporan.analisis:
            if kode not in iku:
                yield (
                    laporan.location_of("analisis", kode),
                    f"analisis untuk '{kode}', yang bukan kode IKU Renstra: tidak akan dicetak",
                )


@aturan("LKJ004", "peringatan", "lkj")
def strategi_kebijakan_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """BAB II memuat Strategi dan Kebijakan dari renstra.yaml (``strategi``, ``kebijakan``);
    tanpa keduanya bagian itu tidak dicetak.

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1

    dan renstra.yaml ::

        strategi: []  # ← temuan

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1

    dan renstra.yaml ::

        strategi:
          - Meningkatkan kualitas kelembagaan koperasi
        kebijakan:
          - Pendampingan koperasi dalam penyelenggaraan RAT
    """
    renstra = _renstra(data)
    if renstra is None or (renstra.strategi and renstra.kebijakan):
        return
    if not renstra.strategi and not renstra.kebijakan:
        yield (
            renstra.location_of("strategi"),
            "renstra.yaml tanpa 'strategi' dan 'kebijakan': Laporan Kinerja BAB II tanpa bagian"
            " Strategi dan Kebijakan",
        )
        return
    ada, kosong = ("strategi", "kebijakan") if renstra.strategi else ("kebijakan", "strategi")
    yield (
        renstra.location_of(kosong),
        f"renstra.yaml tanpa '{kosong}': Strategi dan Kebijakan di Laporan Kinerja memuat"
        f" {ada} saja",
    )


@aturan("LKJ005", "peringatan", "lkj")
def permasalahan_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """BAB I memuat tabel Permasalahan Utama dari lkj.yaml (``permasalahan``); tanpa itu
    bagian tersebut tidak dicetak.

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1

    dan lkj.yaml ::

        permasalahan: []  # ← temuan

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1

    dan lkj.yaml ::

        permasalahan:
          - masalah_pokok: Banyak koperasi yang tidak aktif
            masalah:
              - uraian: Tatanan kelembagaan koperasi kurang baik
    """
    if _renstra(data) is None or (data.lkj and data.lkj.permasalahan):
        return
    yield (
        _tempat(data, "permasalahan"),
        "lkj.yaml tanpa 'permasalahan': Laporan Kinerja BAB I tanpa Permasalahan Utama",
    )


@aturan("LKJ006", "peringatan", "lkj")
def iku_tanpa_target_tahun(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap IKU mempunyai target tahun laporan; tanpa target, capaiannya tidak dapat dihitung
    dan Rencana Kerja Tahunan serta Perjanjian Kinerja tidak memuat angkanya. Renstra tanpa IKU:
    Rencana Kerja Tahunan, Perjanjian Kinerja dan Capaian Kinerja tidak dicetak.

    Gagal: realisasi/2021-4.yaml ::

        tahun: 2021
        triwulan: 4
        indikator:
          IKU-1: 70

    dan renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1  # ← temuan
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}

    Lolos: realisasi/2022-4.yaml ::

        tahun: 2022
        triwulan: 4
        indikator:
          IKU-1: 70
    """
    renstra = _renstra(data)
    if renstra is None:
        return
    iku = [i for s in renstra.sasaran_ber_iku for i in s.indikator]
    if not iku:
        yield (
            renstra.location_of("sasaran"),
            "Renstra tanpa IKU: Laporan Kinerja tanpa Rencana Kerja Tahunan, Perjanjian Kinerja"
            " dan Capaian Kinerja",
        )
    for tahun in _tahun(data):
        for ind in iku:
            if tahun not in ind.target:
                yield (
                    ind,
                    f"{ind.kode} tanpa target tahun {tahun}: capaiannya di Laporan Kinerja"
                    f" {tahun} tidak dapat dihitung",
                )


@aturan("LKJ007", "peringatan", "lkj")
def program_tanpa_pagu_tahun(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Laporan Kinerja memuat program dan kegiatan yang mempunyai pagu pada tahun laporan;
    tanpa satu pun, Program dan Kegiatan, Realisasi Anggaran dan anggaran Perjanjian Kinerja
    tidak dicetak.

    Gagal: realisasi/2023-1.yaml ::

        tahun: 2023  # ← temuan
        triwulan: 1

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
    """
    renstra = _renstra(data)
    if renstra is None:
        return
    for laporan in data.realisasi:
        if not any(laporan.tahun in k.pagu for p in renstra.program for k in p.kegiatan):
            yield (
                laporan,
                f"tidak ada kegiatan dengan pagu tahun {laporan.tahun}: Laporan Kinerja tanpa"
                " Program dan Kegiatan, Realisasi Anggaran dan anggaran Perjanjian Kinerja",
            )


@aturan("LKJ008", "peringatan", "lkj")
def kepala_daerah_tanpa_nama(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Lampiran Perjanjian Kinerja ditandatangani Pihak Kedua, Bupati/Walikota, yang namanya
    ditulis di dinas.yaml (``pemda: nama_kepala_daerah``); tanpa itu hanya jabatannya yang
    dicetak.

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1

    dan dinas.yaml ::

        pemda:
          nama_kepala_daerah:  # ← temuan

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1

    dan dinas.yaml ::

        pemda:
          nama_kepala_daerah: Drs. H. THORIQUL HAQ, M.ML.
    """
    pemda = data.dinas.pemda
    if _renstra(data) is None or pemda.nama_kepala_daerah:
        return
    where = (
        FieldRef(pemda, ("nama_kepala_daerah",))
        if "nama_kepala_daerah" in pemda.model_fields_set
        else FieldRef(data.dinas, ("pemda",))
    )
    yield (
        where,
        f"dinas.yaml tanpa 'nama_kepala_daerah' di 'pemda': nama {pemda.kepala_daerah}"
        " (Pihak Kedua Perjanjian Kinerja) tidak dicetak",
    )


@aturan("LKJ009", "peringatan", "lkj")
def tanggal_laporan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Tanggal setiap Laporan Kinerja ditulis di berkas triwulannya (``bulan: 2019-07`` atau
    ``tanggal:``) dan tidak mendahului akhir triwulan yang dilaporkan; tanpa tanggal, tanggal di
    atas tanda tangan dicetak titik-titik dengan tahunnya.

    Gagal: realisasi/2024-2.yaml ::

        tahun: 2024
        triwulan: 2
        bulan: 2024-05  # ← temuan

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        bulan:  # ← temuan

    Lolos: realisasi/2024-2.yaml ::

        tahun: 2024
        triwulan: 2
        bulan: 2024-07
    """
    if _renstra(data) is None:
        return
    for laporan in data.realisasi:
        signed = laporan.pada()
        if signed is None:
            yield (
                _di(laporan, "bulan"),
                f"laporan triwulan {laporan.triwulan} tahun {laporan.tahun} tanpa tanggal:"
                " tanggal di atas tanda tangan dicetak titik-titik; tulis 'bulan' atau"
                " 'tanggal' di berkas triwulan itu",
            )
            continue
        akhir = laporan.akhir
        # a month alone stands for its last day: a report may be signed within that month
        if signed < akhir:
            yield (
                laporan.location_of("tanggal" if laporan.tanggal else "bulan"),
                f"Laporan Kinerja triwulan {laporan.triwulan} tahun {laporan.tahun} bertanggal"
                f" sebelum triwulan itu berakhir ({akhir:%d-%m-%Y})",
            )


def _triwulan_kurang(data: DataDinas) -> dict[int, list[int]]:
    """Per year with some quarters in realisasi/ but not all four: the missing quarters."""
    ada: dict[int, set[int]] = {}
    for r in data.realisasi:
        ada.setdefault(r.tahun, set()).add(r.triwulan)
    return {tahun: sorted({1, 2, 3, 4} - tw) for tahun, tw in sorted(ada.items()) if len(tw) < 4}


def _berkas_kurang(tahun: int, kurang: list[int]) -> str:
    return ", ".join(f"realisasi/{tahun}-{tw}.yaml" for tw in kurang)


def _diminta(data: DataDinas) -> set[int]:
    """The years whose annual report lkj.yaml asks for (``tahunan:``)."""
    return {t.tahun for t in data.lkj.tahunan} if data.lkj else set()


@aturan("LKJ010", "peringatan", "lkj")
def triwulan_belum_lengkap(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Laporan Kinerja tahunan (LKjIP) suatu tahun disusun dari keempat berkas triwulannya; tahun
    yang baru sebagian triwulannya ada belum mendapat laporan tahunan — aturan ini menyebut berkas
    yang belum ada (galat LKJ011 bila laporan tahunan tahun itu diminta di lkj.yaml).

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024  # ← temuan
        triwulan: 1

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1

    dan realisasi/2024-2.yaml ::

        tahun: 2024
        triwulan: 2

    dan realisasi/2024-3.yaml ::

        tahun: 2024
        triwulan: 3

    dan realisasi/2024-4.yaml ::

        tahun: 2024
        triwulan: 4
    """
    if _renstra(data) is None:
        return
    diminta = _diminta(data)
    for tahun, kurang in _triwulan_kurang(data).items():
        if tahun in diminta:
            continue
        laporan = max((r for r in data.realisasi if r.tahun == tahun), key=lambda r: r.triwulan)
        yield (
            laporan.location_of("tahun"),
            f"realisasi tahun {tahun} belum lengkap: belum ada {_berkas_kurang(tahun, kurang)};"
            f" Laporan Kinerja Tahunan {tahun} dibuat setelah keempat triwulan ada",
        )


@aturan("LKJ011", "galat", "lkj")
def laporan_tahunan_tanpa_triwulan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Laporan Kinerja tahunan yang diminta di lkj.yaml (``tahunan:``) memerlukan keempat berkas
    triwulan tahun itu di realisasi/; aturan ini menyebut berkas yang belum ada.

    Gagal: lkj.yaml ::

        tahunan:
          - tahun: 2024  # ← temuan
            bulan: 2025-02

    dan realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1

    Lolos: lkj.yaml ::

        tahunan: []

    dan realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
    """
    if data.lkj is None or data.renstra is None:
        return
    kurang = _triwulan_kurang(data)
    for entri in data.lkj.tahunan:
        hilang = kurang.get(entri.tahun, [1, 2, 3, 4])
        if {r.tahun for r in data.realisasi if r.tahun == entri.tahun} and not kurang.get(
            entri.tahun
        ):
            continue
        yield (
            entri.location_of("tahun"),
            f"Laporan Kinerja Tahunan {entri.tahun} diminta di lkj.yaml, tetapi belum ada"
            f" {_berkas_kurang(entri.tahun, hilang)}",
        )
