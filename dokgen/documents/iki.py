"""Indikator Kinerja Individu: one card per jabatan (seed 004)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dokgen.documents.umum import Dokumen, tanda_tangan
from dokgen.load import DataDinas
from dokgen.model import Jabatan
from dokgen.output import nama_berkas_semua

TEMPLATE = "iki.docx"
FOLDER = "iki"
GABUNGAN = "iki-semua-jabatan.docx"


def kartu(data: DataDinas) -> Iterator[Dokumen]:
    """Every card of the dinas, in the order of the structure (the jabatan files' order)."""
    for nomor, jabatan in enumerate(data.jabatan, start=1):
        yield satu(data, nomor, jabatan)


def satu(data: DataDinas, nomor: int, jabatan: Jabatan) -> Dokumen:
    """The card of the ``nomor``-th jabatan."""
    return Dokumen(nama(nomor, jabatan.kode), TEMPLATE, {"jabatan": jabatan, **bersama(data)})


def nama(nomor: int, kode: str) -> str:
    return nama_semua([(nomor, kode)])[0]


def nama_semua(items: Iterable[tuple[int, str]]) -> list[str]:
    """The file name of the card of every (nomor, kode) of ``items``."""
    return nama_berkas_semua(items, folder=f"{FOLDER}/")


def bersama(data: DataDinas) -> dict:
    """The part of every card's context that is the same on every card."""
    return {"dinas": data.dinas, "ttd": tanda_tangan(data.dinas)}
