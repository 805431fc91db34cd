"""Laporan Kinerja triwulanan (seed 002): capaian per indicator and serapan anggaran."""

from __future__ import annotations

from typing import Any

from dokgen import capaian as hitung
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
from dokgen.format import angka, bilangan, persen
from dokgen.load import DataDinas
from dokgen.model import Program, RealisasiTriwulan, TeksLkj
from dokgen.render import LANJUT

TEMPLATE = "lkj-triwulan.docx"
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def nama_berkas(laporan: RealisasiTriwulan) -> str:
    return f"lkj-{laporan.tahun}-tw{laporan.triwulan}.docx"


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The report of every quarter with realisasi."""
    return [satu(data, laporan) for laporan in data.realisasi]


def satu(data: DataDinas, laporan: RealisasiTriwulan) -> Dokumen:
    """The report of one quarter: every figure computed from the realisasi so far."""
    renstra, dinas = data.renstra, data.dinas
    assert renstra is not None
    tahun, tw = laporan.tahun, laporan.triwulan
    sasaran = renstra.sasaran_ber_iku
    programs = [p for p in renstra.program if any(tahun in k.pagu for k in p.kegiatan)]
    settings = data.lkj
    context = {
        **dasar(data),
        "tahun": tahun,
        "triwulan": ROMAWI[tw],
        "periode": f"{renstra.periode.awal}–{renstra.periode.akhir}",
        "renstra": renstra,
        "sasaran": sasaran,
        "jumlah_tujuan": bilangan(len(renstra.tujuan)),
        "jumlah_sasaran": bilangan(len(sasaran)),
        "jumlah_misi": bilangan(len(renstra.misi)),
        "jumlah_program": bilangan(len(programs)),
        "jumlah_kegiatan": bilangan(sum(len(p.kegiatan) for p in programs)),
        "permasalahan": bersambung(baris_permasalahan(data), "no"),
        "rkt": bersambung(baris_rkt(data, tahun), "sasaran"),
        "capaian": bersambung(baris_capaian(data, laporan), "no"),
        "rumus_capaian": hitung.RUMUS[dinas.pengaturan.rumus_capaian],
        "predikat": ", ".join(
            f"{p.nama} ≥ {angka(p.batas_bawah)}" for p in dinas.pengaturan.predikat
        ),
        "program": bersambung(
            [
                {
                    "no": str(i) if j == 0 else LANJUT,
                    "program": p.nama if j == 0 else LANJUT,
                    "kegiatan": k.nama,
                }
                for i, p in enumerate(programs, start=1)
                for j, k in enumerate(p.kegiatan)
            ],
            "no",
        ),
        "anggaran": baris_anggaran(data, laporan, programs),
        "teks": settings.teks if settings else TeksLkj(),
        "tempat_tanggal": f"{dinas.tempat}, {tahun}",
    }
    judul = f"Laporan Kinerja Triwulan {ROMAWI[tw]} Tahun {tahun} {context['nama']}"
    info = properties(data, judul, tahun)
    gambar = gambar_kop(data, SAMPUL_CM)
    return Dokumen(
        nama_berkas(laporan), TEMPLATE, plain(context), gambar, info, triwulan=(tahun, tw)
    )


KIND = Kind(
    "lkj",
    "Laporan Kinerja",
    TEMPLATE,
    lambda data: None if data.realisasi else "tidak ada realisasi/*.yaml",
    dokumen,
)


def baris_permasalahan(data: DataDinas) -> list[dict[str, str]]:
    rows = []
    for n, item in enumerate(data.lkj.permasalahan if data.lkj else [], start=1):
        for i, masalah in enumerate(item.masalah):
            for j, akar in enumerate(masalah.akar or [""]):
                rows.append(
                    {
                        "no": str(n) if i == j == 0 else LANJUT,
                        "pokok": item.masalah_pokok if i == j == 0 else LANJUT,
                        "masalah": masalah.uraian if j == 0 else LANJUT,
                        "akar": akar,
                    }
                )
    return rows


def baris_rkt(data: DataDinas, tahun: int) -> list[dict[str, str]]:
    """Rencana Kerja Tahunan: every IKU with its target of the year."""
    assert data.renstra is not None
    return [
        {
            "sasaran": s.uraian if i == 0 else LANJUT,
            "indikator": ind.uraian,
            "satuan": ind.satuan or "",
            "target": angka(ind.target.get(tahun), 2),
        }
        for s in data.renstra.semua_sasaran
        for i, ind in enumerate(s.indikator)
    ]


def baris_capaian(data: DataDinas, laporan: RealisasiTriwulan) -> list[dict[str, str]]:
    """Target, realisasi so far, capaian % and predikat of every IKU."""
    assert data.renstra is not None
    settings = data.dinas.pengaturan
    rows = []
    number = 0
    sasaran = data.renstra.sasaran_ber_iku
    for s_number, s in enumerate(sasaran, start=1):
        for i, ind in enumerate(s.indikator):
            number += 1
            target = ind.target.get(laporan.tahun)
            nilai = hitung.realisasi_sampai(ind, data.realisasi, laporan.tahun, laporan.triwulan)
            hasil = hitung.capaian(target, nilai, ind.polaritas, settings.rumus_capaian)
            rows.append(
                {
                    "no": str(s_number) if i == 0 else LANJUT,
                    "sasaran": s.uraian if i == 0 else LANJUT,
                    "indikator": ind.uraian,
                    "satuan": ind.satuan or "",
                    "target": angka(target, 2),
                    "realisasi": angka(nilai, 2),
                    "capaian": persen(hasil),
                    "predikat": hitung.predikat(hasil, settings.predikat),
                }
            )
    return rows


def baris_anggaran(
    data: DataDinas, laporan: RealisasiTriwulan, programs: list[Program]
) -> list[dict[str, Any]]:
    """Kegiatan rows, a subtotal row per program and a grand total row; each row's ``jenis``
    ('kegiatan', 'jumlah' or 'total') tells the template how to print it (totals bold, shaded),
    its ``terus`` whether it keeps with the next row (the rows of a program, the last subtotal
    with the grand total: a total never stands alone under a repeated header)."""
    tahun, tw = laporan.tahun, laporan.triwulan
    rows: list[dict[str, Any]] = []
    totals = []
    for program in programs:
        parts = [hitung.serapan_kegiatan(k, data.realisasi, tahun, tw) for k in program.kegiatan]
        for j, (kegiatan, part) in enumerate(zip(program.kegiatan, parts, strict=True)):
            rows.append(_money("kegiatan", program.nama if j == 0 else LANJUT, kegiatan.nama, part))
        subtotal = hitung.Serapan.jumlah(parts)
        totals.append(subtotal)
        rows.append(_money("jumlah", LANJUT, f"Jumlah {program.nama}", subtotal))
    rows.append(_money("total", "JUMLAH", "", hitung.Serapan.jumlah(totals)))
    rows = bersambung(rows, "program")  # a row keeps with the next of its program …
    if len(rows) > 1:
        rows[-2]["terus"] = True  # … and the last subtotal with the grand total
    return rows


def _money(jenis: str, program: str, uraian: str, serapan: hitung.Serapan) -> dict[str, Any]:
    return {
        "jenis": jenis,
        "program": program,
        "uraian": uraian,
        "pagu": angka(serapan.pagu),
        "realisasi": angka(serapan.realisasi),
        "serapan": persen(serapan.persen),
    }
