"""Keputusan Kepala Dinas tentang Indikator Kinerja Utama, with the IKU table as Lampiran."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from dokgen import derive
from dokgen.documents.common import Dokumen, Kind, dasar, gambar_kop, plain, properties
from dokgen.format import LOCALE, tanggal
from dokgen.load import DataDinas
from dokgen.model import Keputusan

TEMPLATE = "keputusan-iku.docx"
BERKAS = "keputusan-iku.docx"
KOSONG = "…………………"
"""A blank the signer fills in by hand (nomor, day)."""


def tanggal_penetapan(keputusan: Keputusan) -> str:
    """'15 Januari 2021'; '……… Januari 2021' when only the month is known; a blank otherwise."""
    if keputusan.tanggal:
        return tanggal(keputusan.tanggal)
    if keputusan.bulan:
        year, month = (int(part) for part in keputusan.bulan.split("-"))
        return f"{KOSONG} {format_date(dt.date(year, month, 1), 'MMMM y', locale=LOCALE)}"
    return f"{KOSONG} {KOSONG}"


def baris_matriks(data: DataDinas) -> list[dict[str, str]]:
    """Rows of the matriks perubahan against the amended decree's data (loaded by the loader
    into ``data.pembanding``), when it is named."""
    if data.pembanding is None:
        return []
    from dokgen.diff import bandingkan, matriks

    return matriks(bandingkan(data.pembanding, data))


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The decree of ``data`` (which must have a keputusan and a renstra)."""
    keputusan, renstra, dinas = data.keputusan, data.renstra, data.dinas
    assert keputusan is not None and renstra is not None
    judul = derive.judul_iku(dinas, renstra, keputusan)
    mengingat = [
        derive.kutipan(key, data.peraturan)
        for key in derive.urutan_peraturan(keputusan.mengingat, data.peraturan)
    ]
    mengingat = [f"{text};" for text in mengingat[:-1]] + [f"{mengingat[-1]}."]
    sasaran = [
        {"nomor": nomor, "uraian": s.uraian, "indikator": s.indikator}
        for nomor, s in enumerate(renstra.sasaran_ber_iku, start=1)
    ]
    matriks = baris_matriks(data)
    if keputusan.diktum:
        diktum = keputusan.diktum
    elif keputusan.mengubah:
        diktum = derive.diktum_perubahan(dinas, keputusan, judul, bool(matriks))
    else:
        diktum = derive.diktum_bawaan(dinas, renstra, judul)
    context = {
        **dasar(data),
        "judul": derive.judul_keputusan(dinas, keputusan, judul),
        "judul_lampiran": judul,
        "nomor": keputusan.nomor or KOSONG,
        "tempat": dinas.tempat,
        "tanggal": tanggal_penetapan(keputusan),
        "menimbang": derive.menimbang(keputusan, dinas, judul, renstra),
        "mengingat": mengingat,
        "diktum": diktum,
        "sasaran": sasaran,
        "matriks": matriks,
    }
    year = keputusan.tanggal.year if keputusan.tanggal else None
    if year is None and keputusan.bulan:
        year = int(keputusan.bulan[:4])
    judul_lengkap = derive.judul_keputusan(dinas, keputusan, judul)
    info = properties(data, f"Keputusan {judul_lengkap}", year)
    return [Dokumen(BERKAS, TEMPLATE, plain(context), gambar_kop(data), info)]


KIND = Kind(
    "keputusan",
    "Keputusan IKU",
    TEMPLATE,
    lambda data: None if data.keputusan else "tidak ada keputusan-iku.yaml",
    dokumen,
)
