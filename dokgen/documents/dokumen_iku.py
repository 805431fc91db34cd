"""Dokumen Indikator Kinerja Utama (seeds 000, 001): BAB I–IV, IKU tables, the cascade and
its pohon kinerja (Gambar 3.1, :mod:`dokgen.documents.pohon_kinerja`)."""

from __future__ import annotations

import itertools
from typing import Any

from dokgen.derive import daftar_kutipan
from dokgen.documents.common import (
    SAMPUL_CM,
    Dokumen,
    Kind,
    bernomor,
    bersambung,
    dasar,
    gambar_kop,
    plain,
    properties,
)
from dokgen.documents.pohon_kinerja import gambar_renstra
from dokgen.format import KOSONG, LANJUT, angka_tertulis, bilangan, tanggal_ttd
from dokgen.load import DataDinas
from dokgen.model import DokumenIku, Indikator, Program, Renstra, Sasaran, Unit

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


def uraian_tugas(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The top-level units 2.1.3 describes: those with something to say (tugas, fungsi, a
    pimpinan, or units under them) — a unit without any would be a heading over nothing."""
    return [
        g
        for g in groups
        if g["unit"].tugas or g["unit"].fungsi or g["unit"].pimpinan or g["bawahan"]
    ]


PENGGUNAAN = [
    "Perencanaan kinerja tahunan;",
    "Penganggaran;",
    "Penyusunan dokumen perjanjian kinerja;",
    "Pengukuran kinerja;",
    "Evaluasi kinerja;",
    "Pelaporan akuntabilitas kinerja.",
]
"""What IKU are used for (seed 001, BAB III), unless ``teks.penggunaan`` says otherwise."""


def tahun_target(renstra: Renstra) -> list[int]:
    """Years that carry a target: the period, less the tahun dasar."""
    return [y for y in renstra.periode.tahun if y != renstra.tahun_dasar]


def indikator_renstra(renstra: Renstra) -> list[Indikator]:
    """Every indicator of a tujuan or of a sasaran (IKU)."""
    return [i for t in renstra.tujuan for i in t.indikator] + [
        i for s in renstra.semua_sasaran for i in s.indikator
    ]


def lama_periode(renstra: Renstra) -> int | None:
    """How many years the Renstra runs: the years of its period that carry a target of some
    tujuan or sasaran indicator (2021–2026 with tahun dasar 2021 and targets 2022–2026: five).
    None when no indicator has a target — the data does not say, so the text does not either."""
    years = {y for i in indikator_renstra(renstra) for y in i.target}
    return len(years & set(renstra.periode.tahun)) or None


def baris_keselarasan(renstra: Renstra) -> list[dict[str, str]]:
    """Misi → tujuan → sasaran of the RPJMD → sasaran of the Renstra → IKU, one row per IKU of
    every sasaran linked to the RPJMD (seed 001, Tabel 3.1), in the RPJMD's order; equal
    neighbouring cells merge (never across the boundary of the cell to their left)."""
    rpjmd = renstra.rpjmd.sasaran if renstra.rpjmd else {}
    order = list(rpjmd)
    linked = [s for s in renstra.sasaran_ber_iku if s.rpjmd in rpjmd]
    linked.sort(key=lambda s: order.index(s.rpjmd or ""))
    rows = []
    for sasaran in linked:
        misi, tujuan, sasaran_rpjmd = rpjmd[sasaran.rpjmd or ""]
        for ind in sasaran.indikator:
            rows.append(
                {
                    "misi": _bernomor(f"Misi {misi.nomor}" if misi.nomor else None, misi.uraian),
                    "tujuan": _bernomor(tujuan.nomor, tujuan.uraian),
                    "sasaran_rpjmd": _bernomor(sasaran_rpjmd.nomor, sasaran_rpjmd.uraian),
                    "sasaran": sasaran.uraian,
                    "iku": ind.uraian,
                    "_kunci": f"{id(misi)} {id(tujuan)} {id(sasaran_rpjmd)} {id(sasaran)}",
                }
            )
    keys = ["misi", "tujuan", "sasaran_rpjmd", "sasaran"]
    merged: list[dict[str, str]] = []
    for k, row in enumerate(rows):
        out = dict(row)
        if k:
            previous = rows[k - 1]["_kunci"].split()
            current = row["_kunci"].split()
            for level, key in enumerate(keys):
                if previous[: level + 1] != current[: level + 1]:
                    break
                out[key] = LANJUT
        del out["_kunci"]
        merged.append(out)
    return merged


def _label(word: str, nomor: str | None) -> str:
    return f"{word} {nomor}" if nomor else word


def _bernomor(nomor: str | None, uraian: str | None) -> str:
    return f"{nomor} {uraian}" if nomor else uraian or ""


def kepala_cascade(renstra: Renstra) -> list[dict[str, str]]:
    """The lines above the cascade table (seeds 000, 003): VISI, each MISI, each TUJUAN of the
    RPJMD and its indicators — only what the data holds. The misi are the RPJMD's, numbered as
    there, when ``rpjmd`` names them; otherwise the Renstra's, numbered in order."""
    lines: list[dict[str, str]] = [{"label": "VISI", "isi": renstra.visi}] if renstra.visi else []
    rpjmd_misi = renstra.rpjmd.misi if renstra.rpjmd else []
    if rpjmd_misi:
        lines += [{"label": _label("MISI", m.nomor), "isi": m.uraian} for m in rpjmd_misi]
    else:
        many = len(renstra.misi) > 1
        lines += [
            {"label": f"MISI {n}" if many else "MISI", "isi": misi}
            for n, misi in enumerate(renstra.misi, start=1)
        ]
    tujuan = [t for m in rpjmd_misi for t in m.tujuan]
    lines += [{"label": _label("TUJUAN", t.nomor), "isi": t.uraian} for t in tujuan]
    indikator = [i for t in tujuan for i in t.indikator]
    lines += [
        {
            "label": "INDIKATOR TUJUAN" if n == 1 else "",
            "isi": f"{n}. {i}" if len(indikator) > 1 else i,
        }
        for n, i in enumerate(indikator, start=1)
    ]
    return [{**line, "titik": ":" if line["label"] else ""} for line in lines]


def bagian(renstra: Renstra) -> dict[str, str]:
    """BAB III's title and section numbers: without tujuan, 3.1 Tujuan is left out and the
    title names what the BAB holds."""
    if renstra.tujuan:
        return {"judul": "TUJUAN DAN SASARAN", "sasaran": "3.2", "iku": "3.3"}
    return {"judul": "SASARAN DAN INDIKATOR KINERJA UTAMA", "sasaran": "3.1", "iku": "3.2"}


def organisasi_dinas(data: DataDinas) -> dict[str, Any]:
    """The dinas's own tugas and fungsi (BAB II, 2.1.1), numbered 1. and 2. as seed 000."""
    tugas = data.organisasi.tugas if data.organisasi else []
    fungsi = data.organisasi.fungsi if data.organisasi else []
    return {"tugas": tugas, "fungsi": fungsi, "no_fungsi": "2" if tugas else "1"}


def tempat_tanggal(data: DataDinas, settings: DokumenIku) -> str:
    """'Lumajang, ………………… Agustus 2020': the day (and month) blank until the data has them."""
    return f"{data.dinas.tempat}, {tanggal_ttd(settings.tanggal, settings.bulan, settings.tahun)}"


def baris_iku(renstra: Renstra, nilai: str) -> list[dict[str, Any]]:
    """One row per IKU; ``nilai`` is 'target' or 'realisasi'. Sasaran cells span their IKUs."""
    years = tahun_target(renstra)
    rows: list[dict[str, Any]] = []
    if nilai == "realisasi" and not any(
        ind.realisasi for s in renstra.sasaran_ber_iku for ind in s.indikator
    ):
        return rows  # a table of dashes beside the IKU table it would repeat
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


def baris_penetapan(renstra: Renstra) -> list[dict[str, Any]]:
    """The Penetapan IKU table (seed 001): each IKU with its formula, penjelasan, sumber data
    and period of measurement — when some IKU has a penjelasan or a period ("–" where one lacks
    it); otherwise []."""
    iku = [i for s in renstra.sasaran_ber_iku for i in s.indikator]
    if not any(i.penjelasan or i.periode_pengukuran for i in iku):
        return []
    return [
        {
            **row,
            "penjelasan": row["indikator"].penjelasan or KOSONG,
            "sumber_data": row["indikator"].sumber_data or KOSONG,
            "periode": row["indikator"].periode_pengukuran or KOSONG,
        }
        for row in baris_iku(renstra, "target")
    ]


def ada_target(renstra: Renstra) -> bool:
    """Whether some IKU has a target or a value in the tahun dasar."""
    iku = [i for s in renstra.sasaran_ber_iku for i in s.indikator]
    return any(i.target or i.tahun_dasar is not None for i in iku)


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
    if not any(set(p.iku) & {i.kode for i in indikator_renstra(renstra)} for p in renstra.program):
        return rows  # no program carries an IKU: the table would repeat the IKU table
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
    return bernomor(list(tables), lambda key: bool(tables[key]), lambda n: f"{BAB_TABEL}.{n}")


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The Dokumen IKU of ``data`` (which must have renstra, organisasi and dokumen-iku)."""
    renstra, settings = data.renstra, data.dokumen_iku
    assert renstra is not None and settings is not None
    units = data.organisasi.unit if data.organisasi else []
    periode = renstra.periode
    lama = lama_periode(renstra)
    pada = settings.pada(settings.tahun)
    penetapan = baris_penetapan(renstra)
    context = {
        **dasar(data, pada),
        "tahun": settings.tahun,
        "periode": f"{periode.awal}–{periode.akhir}",
        "lama_periode": bilangan(lama) if lama else "",
        "tempat_tanggal": tempat_tanggal(data, settings),
        "teks": settings.teks,
        "landasan": daftar_kutipan(settings.landasan, data.peraturan, pada),
        "pembentukan": daftar_kutipan(settings.dasar_pembentukan, data.peraturan, pada),
        "organisasi": organisasi_dinas(data),
        "struktur": struktur(units),
        "uraian_tugas": uraian_tugas(struktur(units)),
        "tujuan": renstra.tujuan,
        "indikator_tujuan": [i.uraian for t in renstra.tujuan for i in t.indikator],
        "bagian": bagian(renstra),
        "penggunaan": settings.teks.penggunaan or PENGGUNAAN,
        "kepala_cascade": kepala_cascade(renstra),
        "keselarasan": bersambung(baris_keselarasan(renstra), "misi"),
        "sasaran": renstra.sasaran_ber_iku,
        "jumlah_sasaran": bilangan(len(renstra.sasaran_ber_iku)),
        "tahun_dasar": renstra.tahun_dasar or "",
        "tahun_target": tahun_target(renstra),
        "penetapan": bersambung(penetapan, "no_sasaran"),
        # without any target the IKU table would be dashes beside the Penetapan table
        "iku": bersambung(baris_iku(renstra, "target"), "no_sasaran")
        if ada_target(renstra) or not penetapan
        else [],
        "capaian": bersambung(baris_iku(renstra, "realisasi"), "no_sasaran"),
        "cascade": bersambung(baris_cascade(renstra), "no"),
        "rencana_kerja": bersambung(baris_rencana_kerja(renstra), "no"),
    }
    context["tabel"] = nomor_tabel(
        {
            key: context[key]
            for key in ("keselarasan", "iku", "penetapan", "capaian", "rencana_kerja", "cascade")
        }
    )
    pohon, gambar_pohon, rentang = gambar_renstra(data)
    context["pohon"] = pohon
    context["rentang_pohon"] = rentang
    context["nomor_gambar"] = f"{BAB_TABEL}.1" if pohon else ""
    judul = f"Dokumen Indikator Kinerja Utama {context['nama']} {context['periode']}"
    info = properties(data, judul, settings.tahun)
    gambar = {**gambar_kop(data, SAMPUL_CM), **gambar_pohon}
    return [Dokumen(BERKAS, TEMPLATE, plain(context), gambar, info)]


KIND = Kind(
    "dokumen-iku",
    "Dokumen IKU",
    TEMPLATE,
    lambda data: None if data.dokumen_iku and data.renstra else "tidak ada dokumen-iku.yaml",
    dokumen,
)
