"""Coverage: nothing a document needs is missing (CAK)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeVar

from dokgen.checks import FieldRef, Where, aturan, normal
from dokgen.load import DataDinas, semua_indikator
from dokgen.model import Indikator, IndikatorIKI, Kegiatan, Model, Program, Renstra


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


_AWALAN = re.compile(r"^(?:program|kegiatan)\s+")


def _nama_sama(nama: str) -> str:
    """A program's or kegiatan's name as compared for a double entry: :func:`normal`, without a
    leading "Program"/"Kegiatan" ("Program Pelayanan …" and "pelayanan …" are one program)."""
    return _AWALAN.sub("", normal(nama))


P = TypeVar("P", Program, Kegiatan)


def _nama_kembar(items: list[P]) -> Iterator[tuple[P, P]]:
    """(item, the earlier item) for every program or kegiatan whose name repeats an earlier one's
    (:func:`_nama_sama`)."""
    seen: dict[str, P] = {}
    for item in items:
        first = seen.setdefault(_nama_sama(item.nama), item)
        if first is not item:
            yield item, first


def kode_renstra(renstra: Renstra) -> Iterator[tuple[str, str, Model]]:
    """(kind, kode, owner) of every kode of the Renstra that must be unique: tujuan, sasaran,
    program, kegiatan, and indicators of every level (one namespace: realisasi names them)."""
    for tujuan in renstra.tujuan:
        yield "tujuan", tujuan.kode, tujuan
    for sasaran in renstra.semua_sasaran:
        yield "sasaran", sasaran.kode, sasaran
    for program in renstra.program:
        yield "program", program.kode, program
    for program in renstra.program:
        for kegiatan in program.kegiatan:
            yield "kegiatan", kegiatan.kode, kegiatan
    for ind in semua_indikator(renstra):
        yield "indikator", ind.kode, ind


@aturan("CAK007", "galat", "cakupan", lingkup="jabatan")
def kode_ganda(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap kode dipakai sekali, dan setiap program atau kegiatan ditulis sekali.

    Kode tujuan, sasaran, program, kegiatan dan indikator (IKU, indikator tujuan, program dan
    kegiatan) unik di seluruh Renstra; kode unit unik di organisasi.yaml; kode baris IKI unik di
    satu jabatan. Program yang namanya sama (tanpa memandang huruf besar/kecil, tanda baca dan
    kata "Program" di depannya) ditulis dua kali; begitu pula dua kegiatan bernama sama di satu
    program. Temuan ditunjukkan pada yang kedua.

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
          - kode: S1  # ← temuan
            uraian: Meningkatnya usaha mikro yang berdaya saing
            indikator:
              - kode: IKU-1  # ← temuan
                uraian: Persentase usaha mikro yang naik kelas

    Gagal: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Pemeriksaan dan Pengawasan Koperasi
              - kode: "2.17.05.2.02"
                nama: pemeriksaan dan pengawasan koperasi.  # ← temuan
          - kode: "2.17.06"
            nama: Pengawasan dan Pemeriksaan Koperasi  # ← temuan
            sasaran: S1
            iku: IKU-1

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - kode: UM-1
                uraian: Jumlah dokumen kepegawaian yang dimutakhirkan
              - kode: UM-1  # ← temuan
                uraian: Jumlah surat masuk yang diagendakan

    Gagal: organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
          - kode: sekretariat  # ← temuan
            nama: Sub Bagian Umum dan Kepegawaian

    Kegiatan bernama sama di program yang berbeda boleh (mis. "Monitoring, Evaluasi dan
    Pelaporan" di setiap program):

    Lolos: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Monitoring, Evaluasi dan Pelaporan
          - kode: "2.17.06"
            nama: Program Pendidikan dan Latihan Perkoperasian
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.06.2.01"
                nama: Monitoring, Evaluasi dan Pelaporan
    """
    if data.lingkup_jabatan:
        for jabatan in data.jabatan:
            rows: dict[str, IndikatorIKI] = {}
            for sasaran in jabatan.iki:
                for row in sasaran.indikator:
                    if row.kode and row.kode in rows:
                        yield (
                            FieldRef(row, ("kode",)),
                            f"kode baris IKI '{row.kode}' sudah dipakai baris"
                            f" '{rows[row.kode].uraian}' di jabatan ini",
                        )
                    elif row.kode:
                        rows[row.kode] = row
        return
    if data.renstra is not None:
        seen: dict[str, tuple[str, Model]] = {}
        for jenis, kode, owner in kode_renstra(data.renstra):
            if kode in seen:
                yield (
                    FieldRef(owner, ("kode",)),
                    f"kode {jenis} '{kode}' sudah dipakai {seen[kode][0]} lain di renstra.yaml",
                )
            else:
                seen[kode] = (jenis, owner)
        for program, first in _nama_kembar(data.renstra.program):
            yield (
                FieldRef(program, ("nama",)),
                f"program '{program.nama}' sudah ditulis sebagai program"
                f" {first.kode} '{first.nama}'",
            )
        for program in data.renstra.program:
            for kegiatan, sama in _nama_kembar(program.kegiatan):
                yield (
                    FieldRef(kegiatan, ("nama",)),
                    f"kegiatan '{kegiatan.nama}' sudah ditulis sebagai kegiatan"
                    f" {sama.kode} '{sama.nama}' di program yang sama",
                )
    units: set[str] = set()
    for unit in data.organisasi.unit if data.organisasi else []:
        if unit.kode in units:
            yield FieldRef(unit, ("kode",)), f"kode unit '{unit.kode}' sudah dipakai unit lain"
        units.add(unit.kode)
