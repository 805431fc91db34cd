"""Dokumen Indikator Kinerja Utama (seeds 000, 001): BAB I–IV, IKU tables and the cascade."""

from __future__ import annotations

import itertools
from typing import Any

from dokgen.documents.common import (
    SAMPUL_CM,
    Dokumen,
    Kind,
    bersambung,
    dasar,
    gambar_kop,
    plain,
    properties,
)
from dokgen.format import angka_tertulis, bilangan
from dokgen.load import DataDinas
from dokgen.model import Indikator, Program, Renstra, Sasaran, Unit
from dokgen.render import LANJUT

TEMPLATE = "dokumen-iku.docx"
BERKAS = "dokumen-iku.docx"
BAB_TABEL = 3
"""The BAB that holds the tables: their captions are numbered "Tabel 3.1", "Tabel 3.2", …"""


def struktur(units: list[Unit]) -> list[dict[str, Any]]:
    """Top-level units, each with the units directly under it, in data order."""
    return [
        {"unit": unit, "bawahan": [u for u in units if u.induk == unit.kode]}
        for unit in units
        if not unit.induk  # empty: directly under the Kepala Dinas
    ]


def tahun_target(renstra: Renstra) -> list[int]:
    """Years that carry a target: the period, less the tahun dasar."""
    return [y for y in renstra.periode.tahun if y != renstra.tahun_dasar]


def baris_iku(renstra: Renstra, nilai: str) -> list[dict[str, Any]]:
    """One row per IKU; ``nilai`` is 'target' or 'realisasi'. Sasaran cells span their IKUs."""
    years = tahun_target(renstra)
    rows = []
    number = 0
    for s_number, sasaran in enumerate(renstra.sasaran_ber_iku, start=1):
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


def baris_rencana_kerja(renstra: Renstra) -> list[dict[str, Any]]:
    """Tujuan → indikator tujuan, then its sasaran → IKU, with targets (seed 003's table)."""
    years = tahun_target(renstra)
    rows: list[dict[str, Any]] = []
    for t_number, tujuan in enumerate(renstra.tujuan, start=1):
        first = True
        entries = [(None, ind) for ind in tujuan.indikator] + [
            (sasaran, ind) for sasaran in tujuan.sasaran for ind in sasaran.indikator
        ]
        previous: Sasaran | None = None
        for sasaran, ind in entries:
            # the empty cells of a run of rows are one merged cell: the grid stays whole
            empty = "" if first or (previous is None) != (sasaran is None) else LANJUT
            rows.append(
                {
                    "no": str(t_number) if first else LANJUT,
                    "tujuan": tujuan.uraian if first else LANJUT,
                    "indikator_tujuan": empty if sasaran else ind.uraian,
                    "sasaran": empty
                    if sasaran is None
                    else (LANJUT if sasaran is previous else sasaran.uraian),
                    "iku": ind.uraian if sasaran else empty,
                    "indikator": ind,
                    "dasar": angka_tertulis(ind.tahun_dasar),
                    "nilai": [angka_tertulis(ind.target.get(y)) for y in years],
                }
            )
            first, previous = False, sasaran
    return rows


def baris_cascade(renstra: Renstra) -> list[dict[str, Any]]:
    """Sasaran → IKU → Program → Kegiatan, one row per kegiatan, spans marked with LANJUT.

    A program may support several IKU of its sasaran: its IKU cell lists them all. Equal
    neighbouring cells (same sasaran, same IKU text, same program) are merged.
    """
    rows: list[dict[str, Any]] = []
    for s_number, sasaran in enumerate(renstra.sasaran_ber_iku, start=1):
        kodes = [ind.kode for ind in sasaran.indikator]
        programs = [p for p in renstra.program if set(p.iku) & set(kodes)]
        supported = {k for p in programs for k in p.iku}
        groups: list[tuple[str, Program | None]] = [
            (_uraian([i for i in sasaran.indikator if i.kode in p.iku]), p) for p in programs
        ] + [(i.uraian, None) for i in sasaran.indikator if i.kode not in supported]
        for iku, program in groups:
            for kegiatan in _kegiatan(program):
                rows.append(
                    {
                        "no": str(s_number),
                        "sasaran": sasaran.uraian,
                        "iku": iku,
                        "program": program.nama if program else "",
                        "indikator_program": _uraian(program.indikator if program else []),
                        "kegiatan": kegiatan.nama if kegiatan else "",
                        "indikator_kegiatan": _uraian(kegiatan.indikator if kegiatan else []),
                        "_program": program,
                    }
                )
    merged = _merge_equal(rows, ["no", "sasaran", "iku", "program", "indikator_program"])
    for row in merged:
        del row["_program"]  # for the merging only
    return merged


def _merge_equal(rows: list[dict[str, Any]], keys: list[str]) -> list[dict[str, Any]]:
    """Replace a cell equal to the one above by LANJUT, when every cell left of it also
    continues (so a span never crosses the boundary of the span to its left)."""
    merged = [dict(rows[0])] if rows else []
    for previous, row in itertools.pairwise(rows):
        out = dict(row)
        same_so_far = True
        for key in keys:
            same_key = row[key] == previous[key] and (
                not key.endswith("program") or row["_program"] is previous["_program"]
            )
            same_so_far = same_so_far and same_key and row[key] != ""
            if same_so_far:
                out[key] = LANJUT
        merged.append(out)
    return merged


def _kegiatan(program: Program | None) -> list[Any]:
    return (program.kegiatan if program else []) or [None]


def _uraian(indikator: list[Indikator]) -> str:
    return "\n".join(i.uraian for i in indikator)


def nomor_tabel(tables: dict[str, list[Any]]) -> dict[str, str]:
    """Caption numbers of the tables that have rows, in order ("3.1", "3.2", …); a table
    without rows is not printed and takes no number ("")."""
    numbers = {key: "" for key in tables}
    present = [key for key, rows in tables.items() if rows]
    numbers.update({key: f"{BAB_TABEL}.{n}" for n, key in enumerate(present, start=1)})
    return numbers


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The Dokumen IKU of ``data`` (which must have renstra, organisasi and dokumen-iku)."""
    renstra, dinas, settings = data.renstra, data.dinas, data.dokumen_iku
    assert renstra is not None and settings is not None
    units = data.organisasi.unit if data.organisasi else []
    periode = renstra.periode
    context = {
        **dasar(data),
        "tahun": settings.tahun,
        "periode": f"{periode.awal}–{periode.akhir}",
        "lama_periode": bilangan(len(periode.tahun) - (1 if renstra.tahun_dasar else 0)),
        "tempat_tanggal": settings.tempat_tanggal or f"{dinas.tempat}, {settings.tahun}",
        "teks": settings.teks,
        "struktur": struktur(units),
        "tujuan": renstra.tujuan,
        "sasaran": renstra.sasaran_ber_iku,
        "jumlah_sasaran": bilangan(len(renstra.sasaran_ber_iku)),
        "tahun_dasar": renstra.tahun_dasar or "",
        "tahun_target": tahun_target(renstra),
        "iku": bersambung(baris_iku(renstra, "target"), "no_sasaran"),
        "capaian": bersambung(baris_iku(renstra, "realisasi"), "no_sasaran"),
        "cascade": bersambung(baris_cascade(renstra), "no"),
        "rencana_kerja": bersambung(baris_rencana_kerja(renstra), "no"),
    }
    context["tabel"] = nomor_tabel(
        {key: context[key] for key in ("iku", "capaian", "rencana_kerja", "cascade")}
    )
    judul = f"Dokumen Indikator Kinerja Utama {context['nama']} {context['periode']}"
    info = properties(data, judul, settings.tahun)
    return [Dokumen(BERKAS, TEMPLATE, plain(context), gambar_kop(data, SAMPUL_CM), info)]


KIND = Kind(
    "dokumen-iku",
    "Dokumen IKU",
    TEMPLATE,
    lambda data: None if data.dokumen_iku and data.renstra else "tidak ada dokumen-iku.yaml",
    dokumen,
)
