"""Indikator Kinerja Individu: one card per jabatan (seed 004)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dokgen.documents.umum import tanda_tangan
from dokgen.load import DataDinas
from dokgen.output import nama_berkas

TEMPLATE = "iki.docx"
FOLDER = "iki"
GABUNGAN = "iki-semua-jabatan.docx"


@dataclass(frozen=True)
class Kartu:
    """One card to render: its output name and its template context."""

    nama_berkas: str
    context: dict[str, Any]


def kartu(data: DataDinas) -> Iterator[Kartu]:
    """Every card of the dinas, in the order of the structure (the jabatan files' order)."""
    ttd = tanda_tangan(data.dinas)
    for nomor, jabatan in enumerate(data.jabatan, start=1):
        context = {"dinas": data.dinas, "jabatan": jabatan, "ttd": ttd}
        yield Kartu(nama_berkas(nomor, jabatan.kode), context)
