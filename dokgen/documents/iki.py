"""Indikator Kinerja Individu: one card per jabatan (seed 004)."""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.documents.umum import Dokumen, tanda_tangan
from dokgen.load import DataDinas
from dokgen.output import nama_berkas

TEMPLATE = "iki.docx"
FOLDER = "iki"
GABUNGAN = "iki-semua-jabatan.docx"


def kartu(data: DataDinas) -> Iterator[Dokumen]:
    """Every card of the dinas, in the order of the structure (the jabatan files' order)."""
    ttd = tanda_tangan(data.dinas)
    for nomor, jabatan in enumerate(data.jabatan, start=1):
        context = {"dinas": data.dinas, "jabatan": jabatan, "ttd": ttd}
        yield Dokumen(f"{FOLDER}/{nama_berkas(nomor, jabatan.kode)}", TEMPLATE, context)
