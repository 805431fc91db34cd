"""Computed text: citations, the order of Mengingat, the closing Menimbang, decree titles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from dokgen.format import huruf
from dokgen.format import tanggal as format_tanggal
from dokgen.model import Dinas, Keputusan, Peraturan, Renstra

if TYPE_CHECKING:
    from dokgen.diff import Perubahan

_LEMBARAN = {
    # level → (name of the gazette, name of its supplement); None: not cited for that level
    3: ("Lembaran Negara Republik Indonesia", "Tambahan Lembaran Negara Republik Indonesia"),
    4: ("Lembaran Negara Republik Indonesia", "Tambahan Lembaran Negara Republik Indonesia"),
    5: ("Lembaran Negara Republik Indonesia", None),
    6: ("Berita Negara Republik Indonesia", None),
}


def nomor_tahun(p: Peraturan) -> str:
    """'Nomor 23 Tahun 2014'; a number that already carries its year (PER/09/M.PAN/5/2007) alone."""
    return f"Nomor {p.nomor}" if str(p.tahun) in p.nomor else f"Nomor {p.nomor} Tahun {p.tahun}"


def _lembaran(p: Peraturan) -> str:
    if p.lembaran is None:
        return ""
    names = _LEMBARAN.get(p.tingkat)
    if names is None:  # local: Lembaran Daerah / Berita Daerah of the region
        region = p.penerbit or ""
        names = (
            (f"Lembaran Daerah {region}", f"Tambahan Lembaran Daerah {region}")
            if p.jenis in ("perda", "perda_provinsi")
            else (f"Berita Daerah {region}", None)
        )
    gazette, supplement = names
    text = f"{gazette} Tahun {p.lembaran.tahun} Nomor {p.lembaran.nomor}"
    if supplement and p.lembaran.tambahan:
        text += f", {supplement} Nomor {p.lembaran.tambahan}"
    return f" ({text})"


def perubahan_pada(
    p: Peraturan, katalog: Mapping[str, Peraturan], pada: dt.date | None
) -> list[str]:
    """Keys of the amendments of ``p`` in force on ``pada`` (all of them without a date), oldest
    first; an amendment enacted after ``pada`` is left out, one of ``pada``'s own year without a
    day is kept (the data cannot tell), a key missing from the catalogue (check PER007) too."""
    return [
        k
        for k in p.diubah_dengan
        if k in katalog and (pada is None or katalog[k].ada_pada(pada) is not False)
    ]


def kutipan(key: str, katalog: Mapping[str, Peraturan], pada: dt.date | None = None) -> str:
    """The citation of a regulation as a Mengingat item (without the closing punctuation), in
    the state in force on ``pada`` (the citing document's date): one amendment "sebagaimana telah
    diubah dengan …", several "sebagaimana telah beberapa kali diubah, terakhir dengan …"."""
    p = katalog[key]
    text = f"{p.nama_jenis} {nomor_tahun(p)} tentang {p.tentang}{_lembaran(p)}"
    amendments = perubahan_pada(p, katalog, pada)
    if amendments:
        q = katalog[amendments[-1]]
        how = "beberapa kali diubah, terakhir dengan" if len(amendments) > 1 else "diubah dengan"
        text += (
            f" sebagaimana telah {how} {q.nama_jenis} {nomor_tahun(q)} tentang {q.tentang}"
            f"{_lembaran(q)}"
        )
    return text


def daftar_kutipan(
    keys: list[str], katalog: Mapping[str, Peraturan], pada: dt.date | None
) -> list[str]:
    """The citations of ``keys`` as a list of legal bases (Mengingat, Landasan Penyusunan): in
    the order of :func:`urutan_peraturan`, as in force on ``pada``, each ending ';', the last
    '.'."""
    texts = [kutipan(key, katalog, pada) for key in urutan_peraturan(keys, katalog)]
    return [f"{text};" for text in texts[:-1]] + [f"{text}." for text in texts[-1:]]


def urutan_peraturan(keys: list[str], katalog: Mapping[str, Peraturan]) -> list[str]:
    """Keys ordered by the hierarchy of regulations, then by date of enactment (within a year
    without a known day: by number, after those with one).

    Keys missing from the catalogue (check rule PER001) are left out.
    """

    def key(k: str) -> tuple[int, int, int, int]:
        p = katalog[k]
        day = p.sejak.toordinal() if p.sejak else dt.date.max.toordinal()
        number = int(p.nomor) if p.nomor.isdigit() else 0
        return (p.tingkat, p.tahun, day, number)

    return sorted((k for k in dict.fromkeys(keys) if k in katalog), key=key)


def daftar_huruf(count: int) -> str:
    """'huruf a', 'huruf a dan huruf b', 'huruf a, huruf b, dan huruf c'."""
    labels = [f"huruf {huruf(i)}" for i in range(1, count + 1)]
    if len(labels) <= 2:
        return " dan ".join(labels)
    return f"{', '.join(labels[:-1])}, dan {labels[-1]}"


def judul_iku(dinas: Dinas, renstra: Renstra, keputusan: Keputusan) -> str:
    """'Perubahan Indikator Kinerja Utama Dinas … Kota … Tahun 2021–2026'.

    Written as it reads inside a sentence; titles print it in capitals. The dinas's name is the
    data's, whole; no abbreviation is added: the name of a regulation "tidak boleh ditambah
    dengan singkatan atau akronim" (UU 12/2011, Lampiran II) — seed 001's "(IKU)" is dropped.
    """
    prefix = "Perubahan " if keputusan.perubahan else ""
    period = f"{renstra.periode.awal}–{renstra.periode.akhir}"
    return f"{prefix}Indikator Kinerja Utama {dinas.nama} {dinas.pemda.sebutan} Tahun {period}"


def judul_keputusan(dinas: Dinas, keputusan: Keputusan, judul: str) -> str:
    """The decree's subject: the IKU title, or for an amending decree 'Perubahan atas …'."""
    if keputusan.mengubah is None:
        return judul
    return (
        f"Perubahan atas Keputusan Kepala {dinas.nama} {dinas.pemda.sebutan} Nomor"
        f" {keputusan.mengubah.nomor} tentang {judul}"
    )


def keputusan_lama(dinas: Dinas, keputusan: Keputusan, judul: str) -> str:
    """'Keputusan Kepala Dinas … Nomor … tanggal … tentang …' of the decree being amended."""
    lama = keputusan.mengubah
    assert lama is not None
    tanggal = f" tanggal {format_tanggal(lama.tanggal)}" if lama.tanggal else ""
    return (
        f"Keputusan Kepala {dinas.nama} {dinas.pemda.sebutan} Nomor {lama.nomor}{tanggal}"
        f" tentang {judul}"
    )


ALASAN: dict[str, str] = {
    "revisi-renstra": "perubahan Rencana Strategis",
    "reviu-iku": "hasil reviu Indikator Kinerja Utama",
    "perubahan-organisasi": "perubahan susunan organisasi dan tata kerja perangkat daerah",
    "perubahan-nomenklatur": "perubahan nomenklatur perangkat daerah",
}
"""What each ``alasan`` of an amending decree names, as the README lists them."""

_BAGIAN_REVIU = {
    # a field of an IKU that a reviu changed (dokgen.diff) → how the Menimbang names it
    "uraian": "rumusan",
    "satuan": "satuan",
    "formula": "formula",
    "sumber data": "sumber data",
    "polaritas": "polaritas",
    "tahun dasar": "nilai tahun dasar",
    "target": "target",
}


_BUKAN_IKU = ("Kepala Dinas", "jabatan ", "baris IKI ")
"""Changes (:mod:`dokgen.diff` objects) that are not the decree's business."""


def bagian_berubah(changes: Sequence[Perubahan]) -> list[str] | None:
    """The fields of indicators that ``changes`` of the Renstra changed ('formula', 'sumber
    data', …), in a fixed order; None when something else of the Renstra changed too (an
    indicator added, a sasaran, a program …) or nothing did."""
    found = set()
    for change in changes:
        if change.objek.startswith(_BUKAN_IKU):
            continue
        bagian = "target" if change.bagian.startswith("target ") else change.bagian
        if change.jenis != "diubah" or not change.objek.startswith("indikator "):
            return None
        if bagian not in _BAGIAN_REVIU:
            return None
        found.add(bagian)
    return [name for name in _BAGIAN_REVIU if name in found] or None


Lama = tuple[Dinas, str]
"""The amended decree as it was issued: the dinas whose head signed it (its name then) and its
title (:func:`judul_iku` of the data it was made from, ``mengubah.pembanding``)."""


def _frasa_alasan(
    alasan: str,
    dinas: Dinas,
    renstra: Renstra | None,
    changes: Sequence[Perubahan] | None,
    dinas_lama: Dinas,
) -> str:
    """'untuk menyesuaikan dengan …' for one ``alasan``: what the data says, nothing more."""
    if alasan == "revisi-renstra":
        period = f" Tahun {renstra.periode.awal}–{renstra.periode.akhir}" if renstra else ""
        return (
            f"untuk menyesuaikan dengan perubahan Rencana Strategis {dinas.nama}"
            f" {dinas.pemda.sebutan}{period}"
        )
    if alasan == "reviu-iku":
        fields = bagian_berubah(changes) if changes else None
        if fields:
            names = [_BAGIAN_REVIU[f] for f in fields]
            joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} dan {names[-1]}"
            return f"untuk menyesuaikan {joined} indikator dengan {ALASAN[alasan]}"
        return f"untuk menyesuaikan dengan {ALASAN[alasan]}"
    if alasan == "perubahan-nomenklatur":
        old, new = (f"{d.nama} {d.pemda.sebutan}" for d in (dinas_lama, dinas))
        if old != new:
            return f"untuk menyesuaikan dengan perubahan nomenklatur {old} menjadi {new}"
    return f"untuk menyesuaikan dengan {ALASAN[alasan]}"


def alasan_perubahan(
    keputusan: Keputusan,
    dinas: Dinas,
    judul: str,
    renstra: Renstra | None = None,
    changes: Sequence[Perubahan] | None = None,
    lama: Lama | None = None,
) -> str | None:
    """The Menimbang item of an amending decree: 'bahwa Keputusan … perlu diubah untuk
    menyesuaikan dengan …;', from ``alasan`` (standard wording, :data:`ALASAN`) and
    ``alasan_lain`` (the data's words); None without a reason (check KEP001). ``lama``: the
    amended decree's dinas and title when they differ from this one's (default: the same)."""
    if keputusan.mengubah is None or not keputusan.ada_alasan:
        return None
    dinas_lama, judul_lama = lama or (dinas, judul)
    phrases = [
        _frasa_alasan(a, dinas, renstra, changes, dinas_lama)
        for a in dict.fromkeys(keputusan.alasan)
    ]
    if keputusan.alasan_lain:
        phrases.append(keputusan.alasan_lain.strip().rstrip(";.").strip())
    joined = phrases[0] if len(phrases) == 1 else f"{', '.join(phrases[:-1])} serta {phrases[-1]}"
    return _bahwa(f"{keputusan_lama(dinas_lama, keputusan, judul_lama)} perlu diubah {joined}")


def menimbang(
    keputusan: Keputusan,
    dinas: Dinas,
    judul: str,
    renstra: Renstra | None = None,
    changes: Sequence[Perubahan] | None = None,
    lama: Lama | None = None,
) -> list[str]:
    """Every Menimbang item: 'bahwa …;', closed by the item citing the letters above it.

    An amending decree's reason (:func:`alasan_perubahan`) follows the data's own items; it and
    the closing item name the amended decree as it was issued (``lama``, default this one's
    dinas and title).
    """
    items = [_bahwa(text) for text in keputusan.menimbang]
    if keputusan.mengubah is not None:
        reason = alasan_perubahan(keputusan, dinas, judul, renstra, changes, lama)
        if reason:
            items.append(reason)
        dinas_lama, judul_lama = lama or (dinas, judul)
        judul = judul_keputusan(dinas_lama, keputusan, judul_lama)
    closing = (
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {daftar_huruf(len(items))},"
        f" perlu menetapkan Keputusan Kepala {dinas.nama} {dinas.pemda.sebutan} tentang"
        f" {judul};"
    )
    return [*items, closing]


def _bahwa(text: str) -> str:
    text = text.strip().rstrip(";.").strip()
    if text.lower().startswith("bahwa "):
        text = text[6:]
    return f"bahwa {text};"


def diktum_perubahan(dinas: Dinas, keputusan: Keputusan, judul: str, matriks: bool) -> list[str]:
    """The standard diktum of an amending decree."""
    diktum = [
        f"Mengubah Lampiran {keputusan_lama(dinas, keputusan, judul)}, sehingga menjadi"
        " sebagaimana tercantum dalam Lampiran I Keputusan ini."
    ]
    if matriks:
        diktum.append(
            "Rincian perubahan sebagaimana dimaksud dalam Diktum KESATU tercantum dalam matriks"
            " perubahan pada Lampiran II Keputusan ini."
        )
    return [*diktum, "Keputusan ini mulai berlaku pada tanggal ditetapkan."]


def diktum_bawaan(dinas: Dinas, renstra: Renstra, judul: str) -> list[str]:
    """The standard diktum of an IKU decree (seed 001), used when the data gives none."""
    nama = f"{dinas.nama} {dinas.pemda.sebutan}"
    period = f"{renstra.periode.awal}–{renstra.periode.akhir}"
    return [
        f"Menetapkan {judul} sebagaimana tercantum dalam Lampiran Keputusan ini.",
        "Indikator Kinerja Utama sebagaimana dimaksud dalam Diktum KESATU merupakan acuan ukuran"
        f" kinerja yang digunakan oleh {nama} untuk menetapkan rencana kinerja tahunan,"
        " menyampaikan rencana kerja dan anggaran, menyusun dokumen perjanjian kinerja, menyusun"
        " laporan kinerja serta melakukan evaluasi pencapaian kinerja sesuai dengan dokumen"
        f" Rencana Strategis (Renstra) {nama} Tahun {period}.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]
