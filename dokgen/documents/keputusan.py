"""Keputusan Kepala Dinas tentang Indikator Kinerja Utama, with the IKU table as Lampiran."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from dokgen import derive
from dokgen.documents.umum import Dokumen, dasar, gambar_kop
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
    """Rows of the matriks perubahan against the amended decree's data, when it is named."""
    lama = data.keputusan.mengubah if data.keputusan else None
    if lama is None or not lama.pembanding:
        return []
    from dokgen.diff import bandingkan, matriks
    from dokgen.load import load

    return matriks(bandingkan(load(data.folder / lama.pembanding), data))


def dokumen(data: DataDinas) -> Dokumen:
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
    return Dokumen(BERKAS, TEMPLATE, context, gambar_kop(data))
