"""Wordings the text rules must and must not take (beyond their docstring examples)."""

from __future__ import annotations

import pytest

from dokgen.checks import TeksBebas
from dokgen.checks.konsistensi import (
    _DINAS,
    _DINAS_KECIL,
    _LABEL,
    _PERIODE,
    _WILAYAH,
    _hitungan_teks,
)
from dokgen.checks.rumus import terbalik

BENAR = {"sasaran": {2, 1}, "iku": {3, 1, 2}, "program": {5}, "kegiatan": {12, 3}, "misi": {4}}


def _temuan(teks: str) -> list[str]:
    item = TeksBebas(None, teks, "Indikator.penjelasan", None)  # type: ignore[arg-type]
    return [message for _, message in _hitungan_teks(item, BENAR)]


@pytest.mark.parametrize(
    "teks",
    [
        "a. Melaksanakan", "b) Menyusun", "1. Persentase", "2) bahwa", "(3) Menetapkan",
        "- Melaksanakan", "• Menyusun", "i. Menyusun", "iv) Menyusun", "1.2. Menyusun",
        "  A. Pendahuluan", "– Menyusun",
    ],
)  # fmt: skip
def test_label_diketik(teks: str) -> None:
    assert _LABEL.match(teks)


@pytest.mark.parametrize(
    "teks",
    [
        "1 (satu) dokumen", "2024 adalah tahun", "1.000 koperasi dibina", "Melaksanakan a. b.",
        "Indikator ini", "-", "…", "Jumlah-jumlah", "iklan", "UPT. Pengelola",
    ],
)  # fmt: skip
def test_bukan_label(teks: str) -> None:
    assert not _LABEL.match(teks)


@pytest.mark.parametrize(
    "teks",
    [
        "Renstra memuat 3 (tiga) sasaran", "tiga sasaran strategis", "diukur dengan 4 IKU",
        "enam program prioritas", "didukung 11 kegiatan", "8 indikator kinerja utama",
        "sebanyak 6 (enam) misi", "dua belas program", "2 (tiga) sasaran",
        "terdapat 13 kegiatan yang belum terealisasi",
    ],
)  # fmt: skip
def test_hitungan_salah(teks: str) -> None:
    assert _temuan(teks)


@pytest.mark.parametrize(
    "teks",
    [
        "Renstra memuat 2 (dua) sasaran", "dua sasaran", "diukur dengan 3 IKU", "lima program",
        "12 kegiatan", "2 (dua) tahun", "tujuan 1 dan Sasaran 2 program", "salah satu program",
        "tahun 2024 kegiatan", "terdapat 2 kegiatan yang belum terealisasi", "ke-3 sasaran",
        "1.000 kegiatan usaha", "empat misi", "Triwulan 3 program berjalan", "satu program",
        "dua puluh tujuan", "sasaran ke 3",
    ],
)  # fmt: skip
def test_hitungan_benar_atau_bukan_hitungan(teks: str) -> None:
    assert _temuan(teks) == []


@pytest.mark.parametrize(
    ("uraian", "pembilang", "penyebut"),
    [
        ("Persentase koperasi sehat", "Jumlah koperasi", "Jumlah koperasi sehat"),
        ("Persentase koperasi sehat", "Jumlah seluruh koperasi", "Jumlah koperasi sehat"),
        ("Persentase koperasi sehat", "Koperasi yang dinilai", "Koperasi berpredikat sehat"),
        ("Persentase Perkembangan Usaha Mikro", "Jml UM yang dibina", "Jml UM yang berkembang"),
        ("Persentase data kepegawaian yang akurat", "Jumlah data pegawai yang ada",
         "Jumlah data kepegawaian yang disusun"),
        ("Persentase pertumbuhan usaha mikro", "Jml UM thn N-1", "Jml UM thn N - Jml UM thn N-1"),
        ("Pertumbuhan omzet", "Omzet tahun lalu", "Omzet tahun ini dikurangi omzet tahun lalu"),
    ],
)  # fmt: skip
def test_pecahan_terbalik(uraian: str, pembilang: str, penyebut: str) -> None:
    assert terbalik(uraian, pembilang, penyebut)
    assert terbalik(uraian, penyebut, pembilang) is None


@pytest.mark.parametrize(
    ("uraian", "pembilang", "penyebut"),
    [
        ("Persentase pertumbuhan usaha mikro", "Jml UM thn N - Jml UM thn N-1", "Jml UM thn N-1"),
        ("Persentase UMKM yang dibina", "Jumlah UMKM yang dibina", "Jumlah UMKM"),
        ("Rasio pendapatan", "Realisasi pendapatan", "Target pendapatan"),
        ("Persentase PNS yang mendapat pelayanan", "Jumlah PNS yang dilayani tepat waktu",
         "Jumlah PNS yang mengajukan pelayanan"),
    ],
)  # fmt: skip
def test_pecahan_tidak_terbalik(uraian: str, pembilang: str, penyebut: str) -> None:
    assert terbalik(uraian, pembilang, penyebut) is None


@pytest.mark.parametrize(
    "teks",
    [
        "Tahun 2016-2021", "Tahun 2016 - 2021", "tahun 2016–2021", "2016/2021", "2016 s.d. 2021",
        "2016 s/d 2021", "2016 sampai dengan 2021", "2016 hingga 2021", "2016 sd 2021",
    ],
)  # fmt: skip
def test_periode_ditulis_apa_pun(teks: str) -> None:
    match = _PERIODE.search(teks)
    assert match and (match[1], match[2]) == ("2016", "2021")


@pytest.mark.parametrize(
    ("teks", "nama"),
    [
        ("koordinasi dengan DINAS PENDIDIKAN", "DINAS PENDIDIKAN"),
        ("koordinasi dengan dinas pendidikan", "dinas pendidikan"),
        ("KABUPATEN SIDOARJO", "KABUPATEN SIDOARJO"),
        ("di kota Malang", "kota Malang"),
    ],
)
def test_instansi_huruf_besar_kecil(teks: str, nama: str) -> None:
    found = [m[0] for p in (_DINAS, _DINAS_KECIL, _WILAYAH) for m in p.finditer(teks)]
    assert found == [nama]


def test_dinas_umum_bukan_nama() -> None:
    assert not _DINAS_KECIL.search("berkoordinasi dengan dinas terkait dan kota tujuan")
    assert not _WILAYAH.search("berkoordinasi dengan dinas terkait dan kota tujuan")
