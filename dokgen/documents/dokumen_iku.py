"""Dokumen Indikator Kinerja Utama (seeds 000, 001): BAB I–IV, IKU tables and the cascade."""

from __future__ import annotations

from typing import Any

from dokgen.documents.umum import Dokumen, kop, tanda_tangan
from dokgen.format import angka_tertulis, bilangan
from dokgen.load import DataDinas
from dokgen.model import Indikator, Program, Renstra, Sasaran, Unit
from dokgen.render import LANJUT

TEMPLATE = "dokumen-iku.docx"
BERKAS = "dokumen-iku.docx"


def struktur(units: list[Unit]) -> list[dict[str, Any]]:
    """Top-level units, each with the units directly under it, in data order."""
    return [
        {"unit": unit, "bawahan": [u for u in units if u.induk == unit.kode]}
        for unit in units
        if unit.induk is None
    ]


def tahun_target(renstra: Renstra) -> list[int]:
    """Years that carry a target: the period, less the tahun dasar."""
    return [y for y in renstra.periode.tahun if y != renstra.tahun_dasar]


def baris_iku(renstra: Renstra, nilai: str) -> list[dict[str, Any]]:
    """One row per IKU; ``nilai`` is 'target' or 'realisasi'. Sasaran cells span their IKUs."""
    years = tahun_target(renstra)
    rows = []
    number = 0
    for s_number, sasaran in enumerate(_with_iku(renstra), start=1):
        for i, ind in enumerate(sasaran.indikator):
            number += 1
            values = getattr(ind, nilai)
            rows.append(
                {
                    "no_sasaran": str(s_number) if i == 0 else LANJUT,
                    "sasaran": sasaran.uraian if i == 0 else LANJUT,
                    "no": str(number),
                    "indikator": ind,
                    "dasar": angka_tertulis(ind.tahun_dasar),
                    "nilai": [angka_tertulis(values.get(y)) for y in years],
                }
            )
    return rows


def baris_cascade(renstra: Renstra) -> list[dict[str, Any]]:
    """Sasaran → IKU → Program → Kegiatan, one row per kegiatan, spans marked with LANJUT."""
    rows: list[dict[str, Any]] = []
    for s_number, sasaran in enumerate(_with_iku(renstra), start=1):
        first_of_sasaran = True
        for ind in sasaran.indikator:
            programs = [p for p in renstra.program if p.iku == ind.kode] or [None]
            first_of_iku = True
            for program in programs:
                for k, kegiatan in enumerate(_kegiatan(program)):
                    rows.append(
                        {
                            "no": str(s_number) if first_of_sasaran else LANJUT,
                            "sasaran": sasaran.uraian if first_of_sasaran else LANJUT,
                            "iku": ind.uraian if first_of_iku else LANJUT,
                            "program": _text(program.nama if program else "", k),
                            "indikator_program": _text(
                                _uraian(program.indikator if program else []), k
                            ),
                            "kegiatan": kegiatan.nama if kegiatan else "",
                            "indikator_kegiatan": _uraian(kegiatan.indikator if kegiatan else []),
                        }
                    )
                    first_of_sasaran = first_of_iku = False
    return rows


def _with_iku(renstra: Renstra) -> list[Sasaran]:
    return [s for s in renstra.semua_sasaran if s.indikator]


def _kegiatan(program: Program | None) -> list[Any]:
    return (program.kegiatan if program else []) or [None]


def _text(value: str, index: int) -> str:
    return value if index == 0 else LANJUT


def _uraian(indikator: list[Indikator]) -> str:
    return "\n".join(i.uraian for i in indikator)


def dokumen(data: DataDinas) -> Dokumen:
    """The Dokumen IKU of ``data`` (which must have renstra, organisasi and dokumen-iku)."""
    renstra, dinas, settings = data.renstra, data.dinas, data.dokumen_iku
    assert renstra is not None and settings is not None
    units = data.organisasi.unit if data.organisasi else []
    periode = renstra.periode
    context = {
        "dinas": dinas,
        "nama": f"{dinas.nama} {dinas.pemda.sebutan}",
        "kop": kop(dinas),
        "ttd": tanda_tangan(dinas),
        "tahun": settings.tahun,
        "periode": f"{periode.awal}–{periode.akhir}",
        "lama_periode": bilangan(len(periode.tahun) - (1 if renstra.tahun_dasar else 0)),
        "tempat_tanggal": settings.tempat_tanggal or f"{dinas.tempat}, {settings.tahun}",
        "teks": settings.teks,
        "struktur": struktur(units),
        "tujuan": renstra.tujuan,
        "sasaran": _with_iku(renstra),
        "jumlah_sasaran": bilangan(len(_with_iku(renstra))),
        "tahun_dasar": renstra.tahun_dasar or "",
        "tahun_target": tahun_target(renstra),
        "iku": baris_iku(renstra, "target"),
        "capaian": baris_iku(renstra, "realisasi"),
        "cascade": baris_cascade(renstra),
    }
    return Dokumen(BERKAS, context)
