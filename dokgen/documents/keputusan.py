"""Keputusan Kepala Dinas tentang Indikator Kinerja Utama, with the IKU table as Lampiran."""

from __future__ import annotations

from dokgen import derive
from dokgen.documents.common import Dokumen, Kind, dasar, gambar_kop, plain, properties
from dokgen.format import TITIK, tanggal_ttd
from dokgen.load import DataDinas

TEMPLATE = "keputusan-iku.docx"
BERKAS = "keputusan-iku.docx"


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
        derive.kutipan(key, data.peraturan, keputusan.pada())
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
        "nomor": keputusan.nomor or TITIK,
        "tempat": dinas.tempat,
        "tanggal": tanggal_ttd(keputusan.tanggal, keputusan.bulan),
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
