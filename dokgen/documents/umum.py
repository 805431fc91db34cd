"""Context pieces shared by every document kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dokgen.load import DataDinas
from dokgen.model import Dinas
from dokgen.render import Gambar


@dataclass(frozen=True)
class Dokumen:
    """One document to render: its output path (relative to the build folder) and context."""

    nama_berkas: str
    template: str
    context: dict[str, Any]
    gambar: dict[str, Gambar] = field(default_factory=dict)


def gambar_kop(data: DataDinas) -> dict[str, Gambar]:
    """The dinas's logo for the kop surat, when the data names one."""
    if not data.dinas.logo:
        return {}
    return {"logo": Gambar((data.folder / data.dinas.logo).read_bytes(), tinggi_cm=2.5)}


def dasar(data: DataDinas) -> dict[str, Any]:
    """What every document's context starts with: the dinas, its full name, kop, signature."""
    dinas = data.dinas
    return {
        "dinas": dinas,
        "nama": f"{dinas.nama} {dinas.pemda.sebutan}",
        "kop": kop(dinas),
        "ttd": tanda_tangan(dinas),
    }


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
