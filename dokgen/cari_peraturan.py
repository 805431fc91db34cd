"""Searching the catalogue of regulations: what ``dokgen peraturan CARI`` lists and what the
data forms offer to add to a decree's Mengingat or a Dokumen IKU's landasan."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dokgen.model import Peraturan


@dataclass
class Temuan:
    """One regulation found: its key, title ('Undang-Undang Nomor 23 Tahun 2014'), subject and
    state (amended, revoked, not verified)."""

    kunci: str
    judul: str
    tentang: str
    keadaan: list[str]
    lokal: bool
    """From the dinas's own peraturan.yaml."""


def cari(
    katalog: Mapping[str, Peraturan], teks: str | None, lokal: Path | None = None
) -> list[Temuan]:
    """The regulations of ``katalog`` whose key, title, subject or state hold every word of
    ``teks`` (each the start of a word: "23" finds 23, not 2023), in the order of Mengingat.
    ``lokal``: the dinas's peraturan.yaml, to mark its entries."""
    from dokgen import derive
    from dokgen.format import tanggal

    words = re.findall(r"\w+", (teks or "").lower())
    found = []
    for key in derive.urutan_peraturan(list(katalog), dict(katalog)):
        p = katalog[key]
        judul = f"{p.nama_jenis} {derive.nomor_tahun(p)}"
        keadaan = [f"ditetapkan {tanggal(p.ditetapkan)}"] if p.ditetapkan else []
        if p.diubah_dengan:
            kali = "" if len(p.diubah_dengan) == 1 else f" {len(p.diubah_dengan)} kali, terakhir"
            keadaan.append(f"diubah{kali} dengan {p.diubah_dengan[-1]}")
        if p.dicabut_dengan:
            keadaan.append(f"dicabut dengan {p.dicabut_dengan}")
        if p.sumber is None or p.sumber.startswith("belum"):
            keadaan.append("belum diverifikasi")
        hay = re.findall(r"\w+", f"{key} {judul} {p.tentang} {' '.join(keadaan)}".lower())
        if not all(any(token.startswith(word) for token in hay) for word in words):
            continue
        tentang = " ".join(p.tentang.split())
        found.append(
            Temuan(key, judul, tentang, keadaan, lokal is not None and p.location[0] == lokal)
        )
    return found
