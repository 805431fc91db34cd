"""Context pieces shared by every document kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dokgen.model import Dinas


@dataclass(frozen=True)
class Dokumen:
    """One document to render: its output path (relative to the build folder) and context."""

    nama_berkas: str
    context: dict[str, Any]


def kop(dinas: Dinas) -> dict[str, str]:
    """The letterhead: PEMERINTAH …, the dinas, its address; and the head's title in one line."""
    return {
        "pemerintah": f"PEMERINTAH {dinas.pemda.sebutan.upper()}",
        "dinas": dinas.nama.upper(),
        "alamat": dinas.alamat or "",
        "jabatan": f"KEPALA {dinas.nama.upper()} {dinas.pemda.sebutan.upper()}",
    }


def tanda_tangan(dinas: Dinas) -> dict[str, Any]:
    """The Kepala Dinas signature block: title lines, name, pangkat, NIP."""
    kepala = dinas.kepala
    return {
        "jabatan": "\n".join(dinas.jabatan_kepala),
        "nama": kepala.nama,
        "pangkat": kepala.pangkat or "",
        "golongan": kepala.golongan or "",
        "nip": kepala.nip or "",
    }
