"""Keputusan Kepala Dinas tentang Indikator Kinerja Utama, with the IKU table as Lampiran."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dokgen import derive
from dokgen.documents.common import Dokumen, Kind, dasar, gambar_kop, plain, properties
from dokgen.format import TITIK, tanggal_ttd
from dokgen.load import DataDinas

if TYPE_CHECKING:
    from dokgen.diff import Perubahan

TEMPLATE = "keputusan-iku.docx"
BERKAS = "keputusan-iku.docx"


def perubahan(data: DataDinas) -> list[Perubahan] | None:
    """What changed against the amended decree's data (loaded by the loader into
    ``data.pembanding``), when it is named; None when it is not."""
    if data.pembanding is None:
        return None
    from dokgen.diff import bandingkan

    return bandingkan(data.pembanding, data)


def baris_matriks(data: DataDinas) -> list[dict[str, str]]:
    """Rows of the matriks perubahan (Lampiran II), when the amended decree's data is named."""
    from dokgen.diff import matriks

    changes = perubahan(data)
    return [] if changes is None else matriks(changes)


def lama(data: DataDinas, judul: str) -> derive.Lama:
    """The amended decree as it was issued: the dinas and title of the data it was made from
    (``mengubah.pembanding``; its name may differ, e.g. after a change of nomenklatur), or —
    without that data — this decree's own."""
    old = data.pembanding
    if old is None or old.renstra is None or data.keputusan is None:
        return data.dinas, judul
    return old.dinas, derive.judul_iku(old.dinas, old.renstra, old.keputusan or data.keputusan)


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The decree of ``data`` (which must have a keputusan and a renstra)."""
    keputusan, renstra, dinas = data.keputusan, data.renstra, data.dinas
    assert keputusan is not None and renstra is not None
    judul = derive.judul_iku(dinas, renstra, keputusan)
    pada = keputusan.pada()
    mengingat = derive.daftar_kutipan(keputusan.mengingat, data.peraturan, pada)
    sasaran = [
        {"nomor": nomor, "uraian": s.uraian, "indikator": s.indikator}
        for nomor, s in enumerate(renstra.sasaran_ber_iku, start=1)
    ]
    changes = perubahan(data)
    from dokgen.diff import matriks as baris

    matriks = [] if changes is None else baris(changes)
    dinas_lama, judul_lama = asal = lama(data, judul)
    if keputusan.diktum:
        diktum = keputusan.diktum
    elif keputusan.mengubah:
        diktum = derive.diktum_perubahan(dinas_lama, keputusan, judul_lama, bool(matriks))
    else:
        diktum = derive.diktum_bawaan(dinas, renstra, judul)
    context = {
        **dasar(data, pada),
        "judul": derive.judul_keputusan(dinas_lama, keputusan, judul_lama),
        "judul_lampiran": judul,
        "nomor": keputusan.nomor or TITIK,
        "tempat": dinas.tempat,
        "tanggal": tanggal_ttd(keputusan.tanggal, keputusan.bulan),
        "menimbang": derive.menimbang(keputusan, dinas, judul, renstra, changes, asal),
        "mengingat": mengingat,
        "diktum": diktum,
        "sasaran": sasaran,
        "matriks": matriks,
    }
    year = pada.year if pada else None
    judul_lengkap = derive.judul_keputusan(dinas_lama, keputusan, judul_lama)
    info = properties(data, f"Keputusan {judul_lengkap}", year)
    return [Dokumen(BERKAS, TEMPLATE, plain(context), gambar_kop(data), info)]


KIND = Kind(
    "keputusan",
    "Keputusan IKU",
    TEMPLATE,
    lambda data: None if data.keputusan else "tidak ada keputusan-iku.yaml",
    dokumen,
)
