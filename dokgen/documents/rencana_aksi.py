"""Rencana Aksi: per IKU of the year its target at every quarter (and month), the kegiatan that
carry it and the unit responsible — one landscape table, signed by the Kepala Dinas.

The year's target is the Renstra's (``Indikator.target``); the quarters, months and units come
from ``rencana-aksi.yaml``; the kegiatan are those of the programs whose ``iku`` names the IKU.
"""

from __future__ import annotations

from typing import Any

from dokgen.documents.common import Dokumen, Kind, dasar, plain, properties
from dokgen.format import KOSONG, angka_tertulis, tanggal_ttd
from dokgen.load import DataDinas
from dokgen.model import AksiIku, Indikator, Program, RencanaAksi, Renstra

TEMPLATE = "rencana-aksi.docx"

SIFAT = {"nilai_akhir": "nilai akhir", "kumulatif": "kumulatif"}
"""How an indicator's quarterly targets are read, as printed under its satuan."""


def berkas(tahun: int) -> str:
    return f"rencana-aksi-{tahun}.docx"


def tidak_ada(data: DataDinas) -> str | None:
    """Why the Rencana Aksi is not built, or None."""
    if data.rencana_aksi is None:
        return "tidak ada rencana-aksi.yaml"
    if data.renstra is None:
        return "rencana aksi memerlukan renstra.yaml"
    return None


def program_iku(renstra: Renstra, kode: str) -> list[Program]:
    """The programs that carry the IKU ``kode`` (their ``iku`` names it), in data order."""
    return [p for p in renstra.program if kode in p.iku]


def baris_indikator(
    data: DataDinas, ind: Indikator, aksi: AksiIku | None, tahun: int
) -> dict[str, Any]:
    """One IKU's row: uraian, satuan, the year's target, TW I–IV, programs with their kegiatan
    and the unit responsible (its name; the kode as written when organisasi.yaml lacks it)."""
    renstra = data.renstra
    assert renstra is not None
    unit = data.unit(aksi.unit) if aksi else None
    return {
        "kode": ind.kode,
        "uraian": ind.uraian,
        "satuan": ind.satuan or "",
        "sifat": SIFAT[ind.cara_agregasi],
        "target": angka_tertulis(ind.target.get(tahun)),
        "triwulan": [angka_tertulis(v) for v in aksi.triwulan] if aksi else [KOSONG] * 4,
        "program": [
            {"nama": p.nama, "kegiatan": [k.nama for k in p.kegiatan]}
            for p in program_iku(renstra, ind.kode)
        ],
        "unit": unit.nama if unit else (aksi.unit if aksi else KOSONG),
    }


def konteks(data: DataDinas) -> dict[str, Any]:
    """The Rencana Aksi's context (before :func:`plain`)."""
    ra, renstra = data.rencana_aksi, data.renstra
    assert ra is not None and renstra is not None
    tahun = ra.tahun
    sasaran = []
    bulanan: list[dict[str, Any]] = []
    nomor_iku = 0
    for nomor, s in enumerate(renstra.sasaran_ber_iku, start=1):
        rows = []
        for ind in s.indikator:
            nomor_iku += 1
            aksi = ra.indikator.get(ind.kode)
            rows.append(baris_indikator(data, ind, aksi, tahun))
            if aksi and aksi.bulan:
                satuan = f"{ind.satuan}, " if ind.satuan else ""
                bulanan.append(
                    {
                        "nomor": str(len(bulanan) + 1),
                        "kode": ind.kode,
                        "uraian": ind.uraian,
                        "satuan_sifat": f"({satuan}{SIFAT[ind.cara_agregasi]})",
                        "bulan": [angka_tertulis(v) for v in aksi.bulan],
                    }
                )
        sasaran.append({"nomor": nomor, "uraian": s.uraian, "indikator": rows})
    umum = dasar(data, ra.pada(tahun))  # no kop: the table opens with its title
    return {
        "nama": umum["nama"],
        "ttd": umum["ttd"],
        "tahun": tahun,
        "tempat_tanggal": f"{data.dinas.tempat}, {tanggal_ttd(ra.tanggal, ra.bulan, tahun)}",
        "sasaran": sasaran,
        "bulanan": bulanan,
    }


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The Rencana Aksi of the year ``rencana-aksi.yaml`` names."""
    ra: RencanaAksi | None = data.rencana_aksi
    assert ra is not None
    info = properties(data, f"Rencana Aksi Tahun {ra.tahun}", ra.tahun)
    return [Dokumen(berkas(ra.tahun), TEMPLATE, plain(konteks(data)), {}, info)]


KIND = Kind("rencana-aksi", "Rencana Aksi", TEMPLATE, tidak_ada, dokumen)
