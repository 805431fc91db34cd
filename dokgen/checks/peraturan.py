"""Regulations: the Mengingat keys exist, once each, and cited years agree (PER)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dokgen.checks import Where, aturan, texts
from dokgen.errors import saran
from dokgen.load import DataDinas

_JENIS = {
    "undang-undang": "uu",
    "peraturan pemerintah": "pp",
    "peraturan presiden": "perpres",
    "peraturan menteri": "permen",
    "peraturan daerah": "perda",
    "peraturan bupati": "perbup",
    "peraturan walikota": "perwali",
    "peraturan gubernur": "pergub",
}
_KUTIPAN = re.compile(
    r"\b(Undang-Undang|Peraturan (?:Pemerintah|Presiden|Menteri|Daerah|Bupati|Walikota|Gubernur))"
    r"[^;]{0,120}?\bNomor\s*:?\s*([\w/.]+)\s+Tahun\s+(\d{4})",
    re.IGNORECASE,
)


@aturan("PER001", "galat", "peraturan")
def mengingat_tidak_dikenal(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap kunci Mengingat ada di katalog dokgen atau di peraturan.yaml dinas.

    Gagal: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - pp-18-2061  # ← temuan

    Lolos: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - pp-18-2016

    Peraturan daerah yang tidak ada di katalog dokgen ditulis di peraturan.yaml dinas:

    Lolos: peraturan.yaml ::

        peraturan:
          perwali-bdl-40-2018:
            jenis: perwali
            penerbit: Bandar Lampung
            nomor: "40"
            tahun: 2018
            tentang: Perubahan Indikator Kinerja Utama Pemerintah Kota Bandar Lampung

    dan keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - perwali-bdl-40-2018
    """
    if data.keputusan is None:
        return
    for i, key in enumerate(data.keputusan.mengingat):
        if key not in data.peraturan:
            hint = saran(key, data.peraturan) or " (tambahkan ke peraturan.yaml)"
            yield (
                data.keputusan.location_of("mengingat", i),
                (f"peraturan '{key}' tidak ada di katalog{hint}"),
            )


@aturan("PER002", "galat", "peraturan")
def mengingat_ganda(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap peraturan dikutip sekali dalam Mengingat.

    Gagal: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - pp-18-2016
          - uu-23-2014  # ← temuan

    Lolos: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - pp-18-2016
    """
    if data.keputusan is None:
        return
    seen: set[str] = set()
    for i, key in enumerate(data.keputusan.mengingat):
        if key in seen:
            yield data.keputusan.location_of("mengingat", i), f"'{key}' sudah ada di Mengingat"
        seen.add(key)


@aturan("PER003", "galat", "peraturan", lingkup="jabatan")
def kutipan_bertentangan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Peraturan yang dikutip di teks memakai tahun yang sama dengan katalog.

    Katalog mencatat Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja
    Instansi Pemerintah; seed 002 menulis "Tahun 2004" di satu tempat.

    Gagal: keputusan-iku.yaml ::

        menimbang:
          - sesuai Peraturan Presiden Nomor 29 Tahun 2004 tentang SAKIP  # ← temuan

    Lolos: keputusan-iku.yaml ::

        menimbang:
          - sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP
    """
    for where, text in texts(data):
        if "nomor" not in text.lower():  # cheap guard: most texts cite nothing
            continue
        for match in _KUTIPAN.finditer(text):
            jenis = _JENIS[" ".join(match.group(1).lower().split()[:2])]
            nomor, tahun = _nomor(match.group(2)), int(match.group(3))
            same = [
                p
                for p in data.peraturan.values()
                if _jenis_sama(p.jenis, jenis) and _nomor(p.nomor) == nomor
            ]
            if same and all(p.tahun != tahun for p in same):
                known = ", ".join(str(p.tahun) for p in same)
                yield (
                    where,
                    (
                        f"'{match.group(0)}': katalog mencatat {match.group(1)}"
                        f" Nomor {match.group(2)} Tahun {known}"
                    ),
                )


def _nomor(text: str) -> str:
    return re.sub(r"\b0+(\d)", r"\1", text.strip().rstrip(".,").upper())


def _jenis_sama(catalogue: str, cited: str) -> bool:
    return catalogue == cited or (cited == "perda" and catalogue == "perda_provinsi")
