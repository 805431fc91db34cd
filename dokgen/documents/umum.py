"""Context pieces shared by every document kind."""

from __future__ import annotations

from typing import Any

from dokgen.model import Dinas


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
