"""Keputusan and IKI cards: what their text needs from the data (KEP)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dokgen.checks import Where, aturan
from dokgen.format import nama_bulan
from dokgen.load import DataDinas

ROMAWI = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}
"""The months as a nomor writes them."""


def bulan_tahun_nomor(nomor: str) -> tuple[int | None, int | None]:
    """The month (a '/'-part that is a roman numeral I–XII; the last such) and the year (a
    '/'-part of four digits; the last such) a nomor carries: '121/SK/III.15/II/2021' →
    (2, 2021); (None, None) for what it does not carry."""
    parts = [part.strip() for part in nomor.split("/")]
    months = [ROMAWI[p.upper()] for p in parts if p.upper() in ROMAWI]
    years = [int(p) for p in parts if re.fullmatch(r"(19|20)\d\d", p)]
    return (months[-1] if months else None, years[-1] if years else None)


def _bertentangan(nomor: str, month: int, year: int) -> str | None:
    """What in ``nomor`` contradicts a date in ``month`` of ``year``, or None."""
    in_nomor, year_in_nomor = bulan_tahun_nomor(nomor)
    wrong = []
    if in_nomor is not None and in_nomor != month:
        roman = next(r for r, m in ROMAWI.items() if m == in_nomor)
        wrong.append(f"bulan {roman} ({nama_bulan(in_nomor)})")
    if year_in_nomor is not None and year_in_nomor != year:
        wrong.append(f"tahun {year_in_nomor}")
    if not wrong:
        return None
    return (
        f"nomor '{nomor}' memuat {' dan '.join(wrong)}, padahal bertanggal"
        f" {nama_bulan(month)} {year}: betulkan nomor atau tanggalnya, atau kosongkan"
        " nomor agar diisi saat penandatanganan"
    )


@aturan("KEP001", "galat", "keputusan")
def perubahan_tanpa_alasan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Keputusan perubahan menyebut alasannya: tanpa itu Menimbang tidak dapat mengatakan
    mengapa keputusan lama diubah (dulu dokgen selalu menulis "menyesuaikan dengan perubahan
    Rencana Strategis", keliru bila hanya formula yang berubah).

    Gagal: keputusan-iku.yaml ::

        mengubah:  # ← temuan
          nomor: 800/12/35.07.112/2021

    Lolos: keputusan-iku.yaml ::

        mengubah:
          nomor: 800/12/35.07.112/2021
        alasan: reviu-iku

    Alasan di luar daftar baku ditulis sebagai lanjutan kalimat "… perlu diubah …":

    Lolos: keputusan-iku.yaml ::

        mengubah:
          nomor: 800/12/35.07.112/2021
        alasan_lain: karena terdapat kekeliruan penulisan satuan indikator
    """
    keputusan = data.keputusan
    if keputusan is None or keputusan.mengubah is None or keputusan.ada_alasan:
        return
    yield (
        keputusan.location_of("mengubah"),
        "keputusan perubahan tanpa alasan: tulis 'alasan' (revisi-renstra, reviu-iku,"
        " perubahan-organisasi, perubahan-nomenklatur) atau 'alasan_lain' agar Menimbang"
        " menyebut mengapa keputusan lama diubah",
    )


_BUKAN_RENSTRA = {"formula", "sumber data", "satuan", "polaritas"}
"""Fields of an indicator that a reviu of the IKU changes, not a revised Renstra."""


@aturan("KEP002", "peringatan", "keputusan")
def alasan_tidak_sesuai_matriks(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Alasan keputusan perubahan sesuai dengan data pembanding: 'revisi-renstra' padahal yang
    berubah hanya formula, sumber data, satuan atau polaritas indikator (tanpa target, indikator
    atau sasaran baru) — itu hasil reviu IKU; 'perubahan-nomenklatur' padahal nama dinas sama.

    Gagal: keputusan-iku.yaml ::

        mengubah:
          nomor: 800/12/35.07.112/2021
          pembanding: lama
        alasan: revisi-renstra  # ← temuan

    dan lama/dinas.yaml ::

        nama: Dinas Koperasi dan UKM
        pemda: {jenis: kota, nama: Bandar Lampung}
        kepala:
          nama: Drs. GIRENDRA, MM

    dan lama/renstra.yaml ::

        periode: {awal: 2021, akhir: 2026}
        tahun_dasar: 2021
        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah koperasi
                sumber_data: Bidang Kelembagaan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}
        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Pemeriksaan dan Pengawasan Koperasi
                pagu: {2024: 2.500.000}

    Lolos: keputusan-iku.yaml ::

        mengubah:
          nomor: 800/12/35.07.112/2021
          pembanding: lama
        alasan: reviu-iku

    dan lama/dinas.yaml ::

        nama: Dinas Koperasi dan UKM
        pemda: {jenis: kota, nama: Bandar Lampung}
        kepala:
          nama: Drs. GIRENDRA, MM

    dan lama/renstra.yaml ::

        periode: {awal: 2021, akhir: 2026}
        tahun_dasar: 2021
        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah koperasi
                sumber_data: Bidang Kelembagaan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}
        program:
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi
            sasaran: S1
            iku: IKU-1
            kegiatan:
              - kode: "2.17.05.2.01"
                nama: Pemeriksaan dan Pengawasan Koperasi
                pagu: {2024: 2.500.000}

    Gagal: keputusan-iku.yaml ::

        mengubah:
          nomor: 800/12/35.07.112/2021
          pembanding: lama
        alasan: perubahan-nomenklatur  # ← temuan

    dan lama/dinas.yaml ::

        nama: Dinas Koperasi dan UKM
        pemda: {jenis: kota, nama: Bandar Lampung}
        kepala:
          nama: Drs. GIRENDRA, MM

    Lolos: keputusan-iku.yaml ::

        mengubah:
          nomor: 800/12/35.07.112/2021
          pembanding: lama
        alasan: perubahan-nomenklatur

    dan lama/dinas.yaml ::

        nama: Dinas Koperasi, Usaha Kecil dan Menengah
        pemda: {jenis: kota, nama: Bandar Lampung}
        kepala:
          nama: Drs. GIRENDRA, MM
    """
    keputusan = data.keputusan
    if keputusan is None or data.pembanding is None:
        return
    if "perubahan-nomenklatur" in keputusan.alasan:
        old, new = data.pembanding.dinas, data.dinas
        if (old.nama, old.pemda.sebutan) == (new.nama, new.pemda.sebutan):
            i = keputusan.alasan.index("perubahan-nomenklatur")
            yield (
                keputusan.location_of("alasan", i),
                f"alasan 'perubahan-nomenklatur', padahal nama dinas di data pembanding sama"
                f" ('{new.nama} {new.pemda.sebutan}')",
            )
    if "revisi-renstra" not in keputusan.alasan:
        return
    from dokgen.derive import bagian_berubah
    from dokgen.diff import bandingkan

    fields = bagian_berubah(bandingkan(data.pembanding, data))
    if fields and set(fields) <= _BUKAN_RENSTRA:
        i = keputusan.alasan.index("revisi-renstra")
        where = keputusan.location_of("alasan", i)
        yield (
            where,
            f"alasan 'revisi-renstra', padahal matriks perubahan hanya mengubah"
            f" {' dan '.join(fields)} indikator: alasannya 'reviu-iku'",
        )


@aturan("KEP003", "peringatan", "keputusan")
def nomor_bertentangan_dengan_tanggal(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Bulan (angka Romawi I–XII) dan tahun di nomor keputusan sesuai dengan tanggalnya.

    Seed 001 bernomor 121/SK/III.15/II/2021 (bulan II, Februari) tetapi ditetapkan "Januari
    2021". Nomor yang memuat bulan atau tahun dibandingkan dengan ``tanggal`` atau ``bulan``
    keputusan, juga nomor keputusan yang diubah dengan ``mengubah.tanggal``.

    Gagal: keputusan-iku.yaml ::

        nomor: 121/SK/III.15/II/2021  # ← temuan
        bulan: 2021-01

    Lolos: keputusan-iku.yaml ::

        nomor: 121/SK/III.15/I/2021
        bulan: 2021-01

    Gagal: keputusan-iku.yaml ::

        mengubah:
          nomor: 121/SK/III.15/II/2020  # ← temuan
          tanggal: 2021-02-15
        alasan: reviu-iku

    Lolos: keputusan-iku.yaml ::

        mengubah:
          nomor: 121/SK/III.15/II/2021
          tanggal: 2021-02-15
        alasan: reviu-iku
    """
    keputusan = data.keputusan
    if keputusan is None:
        return
    pada = keputusan.pada()
    if keputusan.nomor and pada:
        problem = _bertentangan(keputusan.nomor, pada.month, pada.year)
        if problem:
            yield keputusan.location_of("nomor"), problem
    lama = keputusan.mengubah
    if lama is not None and lama.tanggal:
        problem = _bertentangan(lama.nomor, lama.tanggal.month, lama.tanggal.year)
        if problem:
            yield lama.location_of("nomor"), f"keputusan yang diubah: {problem}"


@aturan("KEP004", "peringatan", "keputusan")
def kepala_tanpa_pangkat(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Kepala Dinas yang menandatangani keputusan dan kartu IKI mempunyai pangkat dan NIP: tanpa
    itu blok tanda tangan hanya memuat nama (baris pangkat tidak dicetak, NIP kosong).

    Gagal: dinas.yaml ::

        kepala:  # ← temuan
          nama: Drs. GIRENDRA, MM
          pangkat:
          nip: "19620412 198303 1 015"

    Lolos: dinas.yaml ::

        kepala:
          nama: Drs. GIRENDRA, MM
          pangkat: Pembina Utama Muda
          nip: "19620412 198303 1 015"
    """
    kepala = data.dinas.kepala
    lacking = [
        name for name, value in (("pangkat", kepala.pangkat), ("NIP", kepala.nip)) if not value
    ]
    if lacking:
        yield (
            data.dinas.location_of("kepala"),
            f"kepala dinas tanpa {' dan '.join(lacking)}: blok tanda tangan hanya memuat nama",
        )


@aturan("KEP005", "info", "keputusan")
def keputusan_tanpa_nomor(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Keputusan tanpa nomor dicetak dengan titik-titik untuk diisi saat penandatanganan.

    Gagal: keputusan-iku.yaml ::

        nomor:  # ← temuan

    Lolos: keputusan-iku.yaml ::

        nomor: 800/12/35.07.112/2021
    """
    keputusan = data.keputusan
    if keputusan is not None and not keputusan.nomor:
        yield (
            keputusan.location_of("nomor"),
            "keputusan belum bernomor: NOMOR dicetak titik-titik untuk diisi saat penandatanganan",
        )


@aturan("KEP006", "info", "keputusan")
def kartu_iki_tanpa_tanggal(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Tanggal kartu IKI ditulis di iki.yaml (``bulan: 2024-01`` atau ``tanggal: 2024-01-15``);
    tanpa itu tanggal di atas tanda tangan dicetak titik-titik.

    Gagal: iki.yaml ::

        bulan:  # ← temuan

    Lolos: iki.yaml ::

        bulan: 2024-01
    """
    if not data.ringkasan:
        return
    kartu = data.iki
    if kartu is not None and (kartu.tanggal or kartu.bulan):
        return
    where = kartu.location_of("bulan") if kartu else (data.folder / "iki.yaml", None)
    yield (
        where,
        "kartu IKI tanpa tanggal: tanggal di atas tanda tangan dicetak titik-titik; tulis"
        " 'bulan' atau 'tanggal' di iki.yaml",
    )


@aturan("KEP007", "peringatan", "keputusan")
def iku_tanpa_penjelasan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Lampiran Keputusan mencetak Penjelasan dan Periode Pengukuran setiap IKU
    (``penjelasan``, ``periode_pengukuran`` di renstra.yaml); tanpa itu kolomnya kosong.

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1  # ← temuan
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula: Jumlah koperasi sehat dibagi jumlah koperasi × 100%
                sumber_data: Bidang Kelembagaan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula: Jumlah koperasi sehat dibagi jumlah koperasi × 100%
                penjelasan: Mengukur mutu kelembagaan koperasi
                sumber_data: Bidang Kelembagaan
                periode_pengukuran: Tahunan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}
    """
    if data.keputusan is None or data.renstra is None:
        return
    for sasaran in data.renstra.sasaran_ber_iku:
        for ind in sasaran.indikator:
            kosong = [k for k in ("penjelasan", "periode_pengukuran") if not getattr(ind, k)]
            if kosong:
                yield (
                    ind,
                    f"{ind.kode} tanpa {' dan '.join(repr(k) for k in kosong)}: kolomnya di"
                    " Lampiran Keputusan kosong",
                )
