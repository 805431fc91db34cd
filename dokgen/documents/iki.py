"""Indikator Kinerja Individu: one card per jabatan (seed 004), and all cards in one document.

A card's context is the jabatan (:func:`konteks`) beside what every card shares
(:func:`bersama`). The jabatan part comes from the jabatan records (:mod:`dokgen.jabatan`),
whose contexts wait in the cache until a card is rendered: thousands are never all in memory.
"""

from __future__ import annotations

from dokgen.documents.common import Dokumen, Kind, Plain, plain, properties, tanda_tangan
from dokgen.format import tanggal_ttd
from dokgen.load import DataDinas
from dokgen.model import Jabatan, KartuIki
from dokgen.output import nama_berkas

TEMPLATE = "iki.docx"
FOLDER = "iki"
GABUNGAN = "iki-semua-jabatan.docx"


def nama(nomor: int, kode: str) -> str:
    """The card's file name: ``iki/07-kasubag-umum.docx`` (ordered as the structure)."""
    return f"{FOLDER}/{nama_berkas(nomor, kode)}"


def konteks(jabatan: Jabatan, data: DataDinas) -> Plain:
    """The part of a card's context that is the jabatan's own. A jabatan that writes no tugas
    (or no fungsi) of its own has those of its ``unit`` in organisasi.yaml: one fact, one place.
    The unit's text is part of the shared data every jabatan record depends on, so a change in
    organisasi.yaml renders the card again."""
    context = plain(jabatan)
    unit = data.unit(jabatan.unit) if jabatan.unit else None
    if unit is not None:
        for field in ("tugas", "fungsi"):
            if not context[field]:
                context[field] = list(getattr(unit, field))
    return {"jabatan": context}


def bersama(data: DataDinas) -> Plain:
    """The part of every card's context that is the same on every card: the dinas, the place
    and date above the signature (``iki.yaml``; without it a dotted blank to fill in at
    signing) and the signature. Being shared, a new date re-renders every card."""
    tanggal = data.iki or KartuIki()
    return {
        "dinas": plain(data.dinas),
        "tempat": data.dinas.tempat,
        "tanggal": tanggal_ttd(tanggal.tanggal, tanggal.bulan),
        "ttd": tanda_tangan(data.dinas, tanggal.pada()),
    }


def dokumen(data: DataDinas) -> list[Dokumen]:
    """Every card, in the order of the structure: its context is read from the cache when it is
    rendered (``Dokumen.cached``)."""
    shared = bersama(data)
    return [
        Dokumen(
            nama(nomor, record.ringkasan.kode),
            TEMPLATE,
            shared,
            cached=record.card_key,
            properties=properties(data, f"Indikator Kinerja Individu {record.ringkasan.nama}"),
        )
        for nomor, record in enumerate(data.records, start=1)
    ]


KIND = Kind(
    "iki",
    "Kartu IKI",
    TEMPLATE,
    lambda data: None if data.records else "tidak ada jabatan/*.yaml",
    dokumen,
    combined=GABUNGAN,
)
