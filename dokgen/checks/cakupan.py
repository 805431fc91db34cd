"""Coverage: nothing a document needs is missing (CAK)."""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.checks import Where, aturan
from dokgen.load import DataDinas
from dokgen.model import Indikator


def iku(data: DataDinas) -> Iterator[Indikator]:
    """Every IKU: the indicators of the Renstra's sasaran."""
    for sasaran in data.renstra.semua_sasaran if data.renstra else []:
        yield from sasaran.indikator


@aturan("CAK001", "galat", "cakupan", lingkup="jabatan")
def jabatan_tanpa_iki(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap jabatan mempunyai sedikitnya satu baris IKI.

    Kartu IKI tanpa baris tidak dapat dibuat. Temuan ditunjukkan di baris pertama berkas jabatan.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        kode: kasubag-umum  # ← temuan
        iki: []

    Lolos: jabatan/02-kasubag-umum.yaml ::

        kode: kasubag-umum
        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah dokumen kepegawaian yang dimutakhirkan
    """
    for jabatan in data.jabatan:
        if not jabatan.iki:
            yield jabatan, f"jabatan '{jabatan.nama}' belum mempunyai baris IKI"


@aturan("CAK002", "galat", "cakupan", lingkup="jabatan")
def iki_tanpa_formula(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap baris IKI mempunyai formula (penjelasan/formulasi penghitungan).

    Formula berupa teks, atau pecahan dengan ``pembilang`` dan ``penyebut``.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah laporan  # ← temuan
                sumber_data: Arsip laporan

    Lolos: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah laporan
                formula: Jumlah laporan kegiatan yang disusun dalam satu tahun
                sumber_data: Arsip laporan
              - uraian: Persentase surat masuk yang diagendakan
                formula:
                  pembilang: Jumlah surat masuk yang diagendakan
                  penyebut: Jumlah seluruh surat masuk
                sumber_data: Buku agenda
    """
    for jabatan in data.jabatan:
        for sasaran in jabatan.iki:
            for row in sasaran.indikator:
                if row.formula is None:
                    yield row, f"indikator '{row.uraian}' belum mempunyai formula"


@aturan("CAK003", "galat", "cakupan", lingkup="jabatan")
def iki_tanpa_sumber_data(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap baris IKI menyebut sumber datanya.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah dokumen kepegawaian yang dimutakhirkan  # ← temuan
                formula: Jumlah berkas pegawai yang diperbarui dalam satu tahun

    Lolos: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah dokumen kepegawaian yang dimutakhirkan
                formula: Jumlah berkas pegawai yang diperbarui dalam satu tahun
                sumber_data: Dokumen kepegawaian
    """
    for jabatan in data.jabatan:
        for sasaran in jabatan.iki:
            for row in sasaran.indikator:
                if not row.sumber_data:
                    yield row, f"indikator '{row.uraian}' belum menyebut sumber data"


@aturan("CAK004", "galat", "cakupan")
def sasaran_tanpa_iku(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap sasaran Renstra mempunyai sedikitnya satu IKU.

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1  # ← temuan
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator: []

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
    """
    for sasaran in data.renstra.semua_sasaran if data.renstra else []:
        if not sasaran.indikator:
            yield sasaran, f"sasaran '{sasaran.uraian}' belum mempunyai IKU"


@aturan("CAK005", "galat", "cakupan")
def iku_tidak_lengkap(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap IKU mempunyai satuan, formula dan sumber data.

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1  # ← temuan
                uraian: Persentase koperasi sehat dan cukup sehat
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah seluruh koperasi
                sumber_data: Bidang Kelembagaan

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah seluruh koperasi
                sumber_data: Bidang Kelembagaan
    """
    for ind in iku(data):
        missing = [
            name
            for name, value in (
                ("satuan", ind.satuan),
                ("formula", ind.formula),
                ("sumber_data", ind.sumber_data),
            )
            if not value
        ]
        if missing:
            yield ind, f"IKU {ind.kode} belum mempunyai {', '.join(missing)}"


@aturan("CAK006", "galat", "cakupan")
def iku_tanpa_target(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap IKU mempunyai target untuk setiap tahun periode Renstra (selain tahun dasar).

    Target untuk tahun di luar periode Renstra juga dilaporkan.

    Gagal: renstra.yaml ::

        periode: {awal: 2018, akhir: 2023}
        tahun_dasar: 2018
        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1  # ← temuan
                uraian: Jumlah koperasi yang dinilai kesehatannya
                target: {2019: 40, 2020: 45, 2021: 50, 2022: 55}

    Gagal: renstra.yaml ::

        periode: {awal: 2018, akhir: 2023}
        tahun_dasar: 2018
        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Jumlah koperasi yang dinilai kesehatannya
                target: {2019: 40, 2020: 45, 2021: 50, 2022: 55, 2023: 60, 2024: 65}  # ← temuan

    Lolos: renstra.yaml ::

        periode: {awal: 2018, akhir: 2023}
        tahun_dasar: 2018
        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Jumlah koperasi yang dinilai kesehatannya
                target: {2019: 40, 2020: 45, 2021: 50, 2022: 55, 2023: 60}
    """
    if data.renstra is None:
        return
    renstra = data.renstra
    years = [y for y in renstra.periode.tahun if y != renstra.tahun_dasar]
    for ind in iku(data):
        missing = [str(y) for y in years if y not in ind.target]
        if missing:
            yield ind, f"IKU {ind.kode} belum mempunyai target tahun {', '.join(missing)}"
        extra = [str(y) for y in ind.target if y not in renstra.periode.tahun]
        if extra:
            where = ind.location_of("target", extra[0])
            yield (
                where,
                f"IKU {ind.kode} mempunyai target di luar periode Renstra: {', '.join(extra)}",
            )
