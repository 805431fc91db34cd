"""Cascade: programs point to sasaran and IKU, IKI rows to what they support (KAS)."""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.checks import FieldRef, Where, aturan, normal
from dokgen.checks.cakupan import iku
from dokgen.errors import saran
from dokgen.load import DataDinas
from dokgen.model import Indikator, Renstra


@aturan("KAS001", "galat", "cascade")
def program_tanpa_induk(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap program menunjuk sasaran dan IKU yang ada di Renstra.

    Kegiatan selalu berada di dalam programnya, jadi induknya pasti ada. Untuk Renstra yang
    hanya mempunyai sasaran S1 dengan IKU-1:

    Gagal: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S9  # ← temuan
            iku: IKU-9  # ← temuan

    Lolos: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
    """
    if data.renstra is None:
        return
    sasaran = [s.kode for s in data.renstra.semua_sasaran]
    kodes = [i.kode for i in iku(data)]
    for program in data.renstra.program:
        if program.sasaran and program.sasaran not in sasaran:
            hint = saran(program.sasaran, sasaran)
            yield (
                program.location_of("sasaran"),
                (
                    f"program '{program.nama}' menunjuk sasaran '{program.sasaran}'"
                    f" yang tidak ada{hint}"
                ),
            )
        for i, kode in enumerate(program.iku):
            if kode not in kodes:
                yield (
                    program.location_of("iku", i),
                    (
                        f"program '{program.nama}' menunjuk IKU '{kode}'"
                        f" yang tidak ada{saran(kode, kodes)}"
                    ),
                )


@aturan("KAS002", "peringatan", "cascade", lingkup="jabatan")
def iki_yatim(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap baris IKI menyebut indikator atasan atau IKU yang didukungnya (``mendukung``).

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - kode: UM-1  # ← temuan
                uraian: Jumlah dokumen kepegawaian yang dimutakhirkan

    Lolos: jabatan/02-kasubag-umum.yaml ::

        atasan: sekretaris
        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - kode: UM-1
                uraian: Jumlah dokumen kepegawaian yang dimutakhirkan
                mendukung: SEK-1  # kode baris IKI atasan (sekretaris) atau kode IKU
    """
    for jabatan in data.jabatan:
        for sasaran in jabatan.iki:
            for row in sasaran.indikator:
                if not row.mendukung:
                    yield (
                        row,
                        (
                            f"baris IKI '{row.uraian}' ({jabatan.kode}) tidak menyebut indikator"
                            " atasan atau IKU yang didukungnya"
                        ),
                    )


@aturan("KAS003", "galat", "cascade")
def mendukung_tidak_ada(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """``mendukung`` menunjuk kode baris IKI milik atasan atau kode IKU yang ada.

    Untuk Renstra dengan IKU-1 saja, jabatan sekretaris dengan baris SEK-1 dan jabatan
    kasubag-umum (atasannya sekretaris) dengan baris UM-1:

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah dokumen kepegawaian yang dimutakhirkan
                mendukung: IKU-9  # ← temuan

    Kode baris IKI jabatan lain yang bukan atasannya juga salah:

    Gagal: jabatan/03-bendahara.yaml ::

        kode: bendahara
        nama: BENDAHARA PENGELUARAN
        atasan: sekretaris
        iki:
          - sasaran: Meningkatnya tertib penatausahaan keuangan
            indikator:
              - uraian: Jumlah SPJ yang disusun tepat waktu
                mendukung: UM-1  # ← temuan

    Lolos: jabatan/03-bendahara.yaml ::

        kode: bendahara
        nama: BENDAHARA PENGELUARAN
        atasan: sekretaris
        iki:
          - sasaran: Meningkatnya tertib penatausahaan keuangan
            indikator:
              - uraian: Jumlah SPJ yang disusun tepat waktu
                mendukung: SEK-1

    Lolos: jabatan/03-kabid-kelembagaan.yaml ::

        kode: kabid-kelembagaan
        nama: KEPALA BIDANG KELEMBAGAAN KOPERASI
        atasan:  # kosong: langsung di bawah Kepala Dinas
        iki:
          - sasaran: Meningkatnya kualitas kelembagaan koperasi
            indikator:
              - uraian: Jumlah koperasi yang dinilai kesehatannya
                mendukung: IKU-1
    """
    kodes = [i.kode for i in iku(data)]
    by_kode = {j.kode: j for j in data.ringkasan}
    for jabatan in data.ringkasan:
        atasan = by_kode.get(jabatan.atasan or "")
        allowed = kodes + list(atasan.kode_baris if atasan else ())
        for mendukung, line in jabatan.mendukung:
            if mendukung not in allowed:
                yield (
                    jabatan.location(line),
                    (
                        f"'{mendukung}' bukan IKU maupun indikator atasan"
                        f" ({jabatan.atasan or 'Kepala Dinas'}){saran(mendukung, allowed)}"
                    ),
                )


@aturan("KAS004", "peringatan", "cascade")
def iki_kembar(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Dua jabatan tidak mempunyai IKI yang sama, juga bila hanya berbeda huruf besar/kecil, tanda
    baca, spasi atau urutan barisnya (IKI atasan yang disalin dengan titik ditambahkan).

    Seed 004 memberi ANALIS KOPERASI dan KEPALA SEKSI PENGENDALIAN DAN PENGAWASAN baris IKI yang
    sama. Temuan ditunjukkan pada jabatan yang kedua.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah surat masuk yang diagendakan

    dan jabatan/03-pengadministrasi-umum.yaml ::

        kode: pengadministrasi-umum
        nama: PENGADMINISTRASI UMUM
        atasan: kasubag-umum
        iki:  # ← temuan
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah surat masuk yang diagendakan

    Yang benar: setiap jabatan mempunyai indikator hasil kerjanya sendiri.

    Lolos: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah surat masuk yang diagendakan

    dan jabatan/03-pengadministrasi-umum.yaml ::

        kode: pengadministrasi-umum
        nama: PENGADMINISTRASI UMUM
        atasan: kasubag-umum
        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah arsip surat yang ditata
    """
    seen: dict[bytes, str] = {}
    for jabatan in data.ringkasan:
        if not jabatan.iki:
            continue
        if jabatan.iki in seen:
            yield (
                jabatan.location(jabatan.baris_iki),
                (f"IKI jabatan '{jabatan.nama}' sama dengan IKI '{seen[jabatan.iki]}'"),
            )
        else:
            seen[jabatan.iki] = jabatan.nama


def indikator_per_tingkat(renstra: Renstra) -> Iterator[tuple[str, list[tuple[str, Indikator]]]]:
    """Each level of the cascade with (owner named for a message, indicator) of its indicators:
    tujuan, sasaran (the IKU), program, kegiatan."""
    yield "tujuan", [(f"tujuan {t.kode}", i) for t in renstra.tujuan for i in t.indikator]
    yield "sasaran", [(f"sasaran {s.kode}", i) for s in renstra.semua_sasaran for i in s.indikator]
    yield "program", [(f"program {p.kode}", i) for p in renstra.program for i in p.indikator]
    kegiatan = [k for p in renstra.program for k in p.kegiatan]
    yield "kegiatan", [(f"kegiatan {k.kode}", i) for k in kegiatan for i in k.indikator]


@aturan("KAS005", "peringatan", "cascade")
def indikator_dipakai_ulang(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap program, kegiatan, sasaran dan tujuan mengukur hasilnya dengan indikatornya sendiri.

    Indikator yang sama (tanpa memandang huruf besar/kecil, tanda baca dan spasi) untuk dua
    program, dua kegiatan, dua sasaran atau dua tujuan tidak membedakan capaian yang satu dari
    yang lain: biasanya indikator yang tersalin. Seed 000 memberi Program Penciptaan, Peningkatan
    dan Pengembangan Usaha Mikro dan Program Pembinaan Lingkungan Sosial indikator yang sama.
    Indikator program yang sama dengan IKU yang didukungnya tidak dilaporkan. Temuan ditunjukkan
    pada yang kedua.

    Gagal: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            indikator:
              - kode: P1
                uraian: Persentase koperasi yang diawasi
          - kode: "2.17.06"
            nama: Program Pendidikan dan Latihan Perkoperasian
            sasaran: S1
            iku: IKU-1
            indikator:
              - kode: P2
                uraian: persentase koperasi yang diawasi.  # ← temuan

    Gagal: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Pemeriksaan Koperasi
                indikator:
                  - kode: K1
                    uraian: Jumlah koperasi yang diperiksa
              - kode: "2.17.05.2.02"
                nama: Pengawasan Koperasi
                indikator:
                  - kode: K2
                    uraian: Jumlah Koperasi yang Diperiksa  # ← temuan

    Lolos: renstra.yaml ::

        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            indikator:
              - kode: P1
                uraian: Persentase koperasi sehat dan cukup sehat
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Pemeriksaan Koperasi
                indikator:
                  - kode: K1
                    uraian: Jumlah koperasi yang diperiksa
              - kode: "2.17.05.2.02"
                nama: Pengawasan Koperasi
                indikator:
                  - kode: K2
                    uraian: Jumlah koperasi yang diawasi
    """
    if data.renstra is None:
        return
    for tingkat, items in indikator_per_tingkat(data.renstra):
        seen: dict[str, str] = {}
        for owner, ind in items:
            key = normal(ind.uraian)
            if key in seen:
                yield (
                    FieldRef(ind, ("uraian",)),
                    f"indikator '{ind.uraian}' ({owner}) sudah dipakai {seen[key]}: setiap"
                    f" {tingkat} diukur dengan indikatornya sendiri",
                )
            else:
                seen[key] = owner
