"""Laporan Kinerja triwulanan (seed 002): capaian per indicator and serapan anggaran."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dokgen import capaian as hitung
from dokgen import grafik
from dokgen.docinfo import Gambar
from dokgen.documents.common import (
    SAMPUL_CM,
    Dokumen,
    Kind,
    bernomor,
    bersambung,
    dari_cache,
    dasar,
    gambar_kop,
    plain,
    properties,
)
from dokgen.format import LANJUT, angka, bilangan, persen, rupiah, tanggal_ttd
from dokgen.load import DataDinas
from dokgen.model import (
    Indikator,
    Program,
    RealisasiTriwulan,
    Renstra,
    Sasaran,
    TeksLkj,
)

TEMPLATE = "lkj-triwulan.docx"
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def nama_berkas(laporan: RealisasiTriwulan) -> str:
    return f"lkj-{laporan.tahun}-tw{laporan.triwulan}.docx"


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The report of every quarter with realisasi."""
    return [satu(data, laporan) for laporan in data.realisasi]


def satu(data: DataDinas, laporan: RealisasiTriwulan) -> Dokumen:
    """The report of one quarter: every figure computed from the realisasi so far, every
    section only when the data fills it (letters and table numbers close up)."""
    tahun, tw = laporan.tahun, laporan.triwulan
    isi = isi_laporan(data, laporan)
    judul = f"Laporan Kinerja Triwulan {ROMAWI[tw]} Tahun {tahun} {isi.context['nama']}"
    info = properties(data, judul, tahun)
    return Dokumen(
        nama_berkas(laporan),
        TEMPLATE,
        plain(isi.context),
        isi.gambar(data),
        info,
        triwulan=(tahun, tw),
    )


def sampai(laporan: RealisasiTriwulan, tahunan: bool = False) -> str:
    """The period a report's figures cover: 'sampai dengan triwulan II tahun 2019'; for the
    annual report (the year up to its fourth quarter) 'pada tahun 2019'."""
    if tahunan:
        return f"pada tahun {laporan.tahun}"
    return f"sampai dengan triwulan {ROMAWI[laporan.triwulan]} tahun {laporan.tahun}"


@dataclass(frozen=True)
class IsiLaporan:
    """What a quarterly and an annual report share: the context, the figures behind it (for
    the annual report's own tables) and the charts."""

    context: dict[str, Any]
    hasil: list[Hasil]
    programs: list[Program]
    charts: dict[str, Gambar]

    def gambar(self, data: DataDinas) -> dict[str, Gambar]:
        return {**gambar_kop(data, SAMPUL_CM), **{f"grafik_{k}": g for k, g in self.charts.items()}}


def isi_laporan(data: DataDinas, laporan: RealisasiTriwulan, tahunan: bool = False) -> IsiLaporan:
    """The context of the report on the year up to ``laporan``'s quarter; ``tahunan``: the
    annual report (``laporan`` the fourth quarter, its texts the annual report's)."""
    renstra, dinas = data.renstra, data.dinas
    assert renstra is not None
    tahun, tw = laporan.tahun, laporan.triwulan
    sasaran = renstra.sasaran_ber_iku
    programs = program_tahun(renstra, tahun)
    hasil = hasil_indikator(data, laporan)
    anggaran = baris_anggaran(data, laporan, programs) if programs else []
    total = serapan_total(data, laporan, programs)
    rkt = bersambung(baris_rkt(data, tahun), "sasaran")
    context = {
        **dasar(data, laporan.tanggal_laporan),
        "tahun": tahun,
        "triwulan": ROMAWI[tw],
        "periode": f"{renstra.periode.awal}–{renstra.periode.akhir}",
        "renstra": renstra,
        "sasaran": sasaran,
        "jumlah_tujuan": bilangan(len(renstra.tujuan)),
        "tujuan_berindikator": any(t.indikator for t in renstra.tujuan),
        "jumlah_sasaran": bilangan(len(sasaran)),
        "jumlah_misi": bilangan(len(renstra.misi)),
        "jumlah_program": bilangan(len(programs)),
        "jumlah_kegiatan": bilangan(sum(len(p.kegiatan) for p in programs)),
        "permasalahan": bersambung(baris_permasalahan(data), "no"),
        "rkt": rkt,
        "capaian": bersambung(baris_capaian(hasil), "no"),
        "analisis": analisis(data, laporan, hasil, tahunan),
        "rumus_capaian": hitung.rumus_teks(
            dinas.pengaturan.rumus_capaian, laporan.tanggal_laporan, data.peraturan
        ),
        "predikat": ", ".join(
            f"{p.nama} ≥ {angka(p.batas_bawah)}" for p in dinas.pengaturan.predikat
        ),
        "program": bersambung(
            [
                {
                    "no": str(i) if j == 0 else LANJUT,
                    "program": p.nama if j == 0 else LANJUT,
                    "kegiatan": nama_kegiatan(k.nama, k.sumber_dana),
                }
                for i, p in enumerate(programs, start=1)
                for j, k in enumerate(p.kegiatan)
            ],
            "no",
        ),
        "anggaran": anggaran,
        "ringkasan_renstra": ringkasan_renstra(renstra, sasaran, programs, tahun),
        "ikhtisar": ikhtisar(hasil, total, laporan, nama_predikat(data), tahunan),
        "kendala": laporan.kendala,
        "langkah": laporan.langkah,
        "kesimpulan": kesimpulan(hasil, total, laporan, tahunan),
        "pk": perjanjian_kinerja(data, tahun, rkt, programs),
        "teks": data.lkj.teks if data.lkj else TeksLkj(),
        "tempat_tanggal": f"{dinas.tempat}, {tanggal_ttd(laporan.tanggal, laporan.bulan, tahun)}",
    }
    context["huruf"] = huruf_bagian(context)
    context["tabel"] = nomor_tabel(context)
    charts = grafik_laporan(data, laporan, hasil, programs)
    context["nomor_gambar"] = bernomor(GAMBAR, lambda k: k in charts, "3.{}".format)
    return IsiLaporan(context, hasil, programs, charts)


def ringkasan_renstra(
    renstra: Renstra, sasaran: list[Sasaran], programs: list[Program], tahun: int
) -> str:
    """The Ikhtisar's sentence on the Renstra: 'Rencana Strategis 2018–2023 menetapkan 2 (dua)
    tujuan dan 2 (dua) sasaran, yang pada tahun 2019 dilaksanakan melalui 7 (tujuh) program dan
    19 (sembilan belas) kegiatan.' — with only the counts that are not zero; '' when all are."""
    isi = [
        f"{bilangan(n)} {nama}"
        for n, nama in ((len(renstra.tujuan), "tujuan"), (len(sasaran), "sasaran"))
        if n
    ]
    kegiatan = sum(len(p.kegiatan) for p in programs)
    program = (
        f"{bilangan(len(programs))} program dan {bilangan(kegiatan)} kegiatan" if programs else ""
    )
    periode = f"{renstra.periode.awal}–{renstra.periode.akhir}"
    if isi and program:
        return (
            f"Rencana Strategis {periode} menetapkan {_daftar(isi)}, yang pada tahun {tahun}"
            f" dilaksanakan melalui {program}."
        )
    if isi:
        return f"Rencana Strategis {periode} menetapkan {_daftar(isi)}."
    return f"Pada tahun {tahun} dilaksanakan {program}." if program else ""


def program_tahun(renstra: Renstra, tahun: int) -> list[Program]:
    """The programs with a pagu in ``tahun``."""
    return [p for p in renstra.program if any(tahun in k.pagu for k in p.kegiatan)]


def nama_kegiatan(nama: str, sumber_dana: str | None) -> str:
    """'Peningkatan Kapasitas Koperasi, Usaha Kecil dan Menengah (DAK)' as seed 002 marks a
    kegiatan funded otherwise than by the regular budget."""
    return f"{nama} ({sumber_dana})" if sumber_dana else nama


BAGIAN: dict[int, tuple[str, ...]] = {
    1: ("latar_belakang", "maksud_tujuan", "permasalahan"),
    2: ("perencanaan_strategis", "tujuan_sasaran", "strategi", "rkt", "program", "pk"),
    3: ("capaian", "anggaran"),
}
"""The lettered sections of each BAB, in order."""

TABEL: dict[int, tuple[str, ...]] = {
    1: ("permasalahan",),
    2: ("rkt", "program"),
    3: ("capaian", "anggaran"),
}
"""The captioned tables of each BAB, in order (a table is named by its context key)."""


def _ada(context: dict[str, Any], bagian: str) -> bool:
    """Whether a section has content (a section without it is left out)."""
    renstra: Renstra = context["renstra"]
    if bagian in ("latar_belakang", "maksud_tujuan", "perencanaan_strategis"):
        return True  # the template's standard wording, or the dinas's own
    if bagian == "tujuan_sasaran":
        return bool(renstra.tujuan or context["sasaran"])
    if bagian == "strategi":
        return bool(renstra.strategi or renstra.kebijakan)
    if bagian == "pk":
        return bool(context["rkt"])
    return bool(context[bagian])


def huruf_bagian(context: dict[str, Any]) -> dict[str, str]:
    """The letter of every section that has content ('A', 'B', …, per BAB); '' for a section
    left out, so the letters after it close up."""
    letters: dict[str, str] = {}
    for keys in BAGIAN.values():
        letters.update(bernomor(keys, lambda k: _ada(context, k), lambda n: chr(ord("A") + n - 1)))
    return letters


def nomor_tabel(
    context: dict[str, Any], tabel: dict[int, tuple[str, ...]] = TABEL
) -> dict[str, str]:
    """Caption numbers per BAB ('2.1', '2.2', …) of the tables that have rows; '' otherwise."""
    numbers: dict[str, str] = {}
    for bab, keys in tabel.items():
        numbers.update(bernomor(keys, lambda k: bool(context[k]), f"{bab}.{{}}".format))
    return numbers


GAMBAR = ("capaian", "serapan")
"""The figures of BAB III, in order: capaian per IKU (after the capaian table), pagu against
realisasi per program (after the budget table)."""


def grafik_laporan(
    data: DataDinas, laporan: RealisasiTriwulan, hasil: list[Hasil], programs: list[Program]
) -> dict[str, Gambar]:
    """The figures that have something to draw, by their key in :data:`GAMBAR` (a figure left
    out closes up the numbering): capaian per IKU when one has a capaian, serapan per program
    when something was spent."""
    rows = tuple(
        (
            h.indikator.uraian,
            None if h.capaian is None else float(h.capaian),
            "belum diukur"
            if h.nilai is None
            else "tanpa target"
            if h.capaian is None
            else f"{persen(h.capaian)}%",
            h.tercapai,
        )
        for h in hasil
    )
    serapan = [
        (p.nama, hitung.serapan_program(p, data.realisasi, laporan.tahun, laporan.triwulan))
        for p in programs
    ]
    bars = tuple((nama, s.pagu, s.realisasi, persen(s.persen)) for nama, s in serapan)
    charts = {
        "capaian": dari_cache(data, "grafik capaian", repr(rows), lambda: grafik.capaian(rows)),
        "serapan": dari_cache(data, "grafik serapan", repr(bars), lambda: grafik.serapan(bars)),
    }
    return {
        key: Gambar(png, tinggi_cm=tinggi)
        for key, chart in charts.items()
        if chart is not None
        for png, tinggi in [chart]
    }


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


@dataclass(frozen=True)
class Hasil:
    """One IKU's figures for the report: target of the year, realisasi so far, capaian."""

    sasaran: Sasaran
    indikator: Indikator
    target: Decimal | None
    nilai: Decimal | None
    capaian: Decimal | None
    predikat: str

    @property
    def tercapai(self) -> bool:
        """At or above the target of the year (capaian ≥ 100 as printed)."""
        return self.capaian is not None and hitung.bulat(self.capaian) >= hitung.SERATUS


def hasil_indikator(data: DataDinas, laporan: RealisasiTriwulan) -> list[Hasil]:
    """Every IKU's figures, in the order of the Renstra."""
    assert data.renstra is not None
    settings = data.dinas.pengaturan
    results = []
    for s in data.renstra.sasaran_ber_iku:
        for ind in s.indikator:
            target = ind.target.get(laporan.tahun)
            nilai = hitung.realisasi_sampai(ind, data.realisasi, laporan.tahun, laporan.triwulan)
            value = hitung.capaian(target, nilai, ind.polaritas, settings.rumus_capaian)
            results.append(
                Hasil(s, ind, target, nilai, value, hitung.predikat(value, settings.predikat))
            )
    return results


def baris_capaian(hasil: list[Hasil]) -> list[dict[str, str]]:
    """Target, realisasi so far, capaian % and predikat of every IKU."""
    rows = []
    number = 0
    for i, h in enumerate(hasil):
        first = i == 0 or hasil[i - 1].sasaran is not h.sasaran
        number += first
        rows.append(
            {
                "no": str(number) if first else LANJUT,
                "sasaran": h.sasaran.uraian if first else LANJUT,
                "indikator": h.indikator.uraian,
                "satuan": h.indikator.satuan or "",
                "target": angka(h.target, 2),
                "realisasi": angka(h.nilai, 2),
                "capaian": persen(h.capaian),
                "predikat": h.predikat,
            }
        )
    return rows


def nilai(value: Decimal, satuan: str | None) -> str:
    """A value with its unit as prose writes it: '74,68%', '12 koperasi'."""
    unit = (satuan or "").strip()
    if unit == "%":
        return f"{angka(value, 2)}%"
    return f"{angka(value, 2)} {unit}" if unit else angka(value, 2)


def _arah(lama: Decimal, baru: Decimal, polaritas: str) -> str:
    """'naik dari … menjadi …' with what it means for the indicator's polaritas."""
    if baru == lama:
        return "tetap"
    naik = baru > lama
    membaik = naik == (polaritas == "positif")
    return ("naik" if naik else "turun") + (
        " (kinerja membaik)" if membaik else " (kinerja menurun)"
    )


def tahun_penuh(data: DataDinas, tahun: int) -> bool:
    """Whether realisasi/ holds all four quarters of ``tahun``."""
    return {r.triwulan for r in data.realisasi if r.tahun == tahun} == {1, 2, 3, 4}


def realisasi_tahun(data: DataDinas, ind: Indikator, tahun: int) -> tuple[str, Decimal] | None:
    """An indicator's value over a whole year, and what it is: the four quarters of realisasi/
    rolled up when all are there; else the Renstra's realisasi of that year; else the tahun
    dasar value when ``tahun`` is the Renstra's tahun dasar; None when the data has none."""
    assert data.renstra is not None
    if tahun_penuh(data, tahun):
        value = hitung.realisasi_sampai(ind, data.realisasi, tahun, 4)
        if value is not None:
            return f"realisasi tahun {tahun}", value
    if tahun in ind.realisasi:
        return f"realisasi tahun {tahun}", ind.realisasi[tahun]
    if data.renstra.tahun_dasar == tahun and ind.tahun_dasar is not None:
        return f"kondisi tahun dasar {tahun}", ind.tahun_dasar
    return None


def tahun_lalu(
    data: DataDinas, laporan: RealisasiTriwulan, ind: Indikator, tahunan: bool = False
) -> tuple[str, Decimal] | None:
    """The value to compare with a year earlier, and what it is: the same quarter of the previous
    year from realisasi/ when the data has it; else, in the fourth quarter only, the previous
    year's value (realisasi of the Renstra, or the tahun dasar value when the previous year is
    the Renstra's tahun dasar). Before the fourth quarter a year's value says nothing about a
    quarter: neither a sum of two quarters nor a state reached by June (RAT held so far) is
    'lower' than a whole year's. The annual report compares with the previous whole year
    (:func:`realisasi_tahun`)."""
    assert data.renstra is not None
    tahun, tw = laporan.tahun, laporan.triwulan
    if tahunan:
        return realisasi_tahun(data, ind, tahun - 1)
    prev = hitung.realisasi_sampai(ind, data.realisasi, tahun - 1, tw)
    if prev is not None:
        return f"realisasi sampai dengan triwulan {ROMAWI[tw]} tahun {tahun - 1}", prev
    if tw < 4:
        return None
    if tahun - 1 in ind.realisasi:
        return f"realisasi tahun {tahun - 1}", ind.realisasi[tahun - 1]
    if data.renstra.tahun_dasar == tahun - 1 and ind.tahun_dasar is not None:
        return f"kondisi tahun dasar {tahun - 1}", ind.tahun_dasar
    return None


def kalimat_analisis(
    data: DataDinas, laporan: RealisasiTriwulan, h: Hasil, tahunan: bool = False
) -> list[str]:
    """The analysis of one IKU, built from its numbers only: against the target of the year,
    against a year earlier when the data has it, against the Renstra's final target."""
    assert data.renstra is not None
    ind, tahun = h.indikator, laporan.tahun
    periode = sampai(laporan, tahunan)
    if h.nilai is None:
        return [
            f"Indikator {ind.uraian} belum diukur {periode}, sehingga capaiannya belum dapat"
            " dihitung."
        ]
    teks = f"Realisasi indikator {ind.uraian} {periode} sebesar {nilai(h.nilai, ind.satuan)}"
    if h.target is None or h.capaian is None:
        sentences = [
            f"{teks}; target tahun {tahun} tidak tercantum dalam Renstra, sehingga"
            " capaiannya tidak dapat dihitung."
        ]
    else:
        status = "telah mencapai target" if h.tercapai else "belum mencapai target"
        sentences = [
            f"{teks} dari target tahun {tahun} sebesar {nilai(h.target, ind.satuan)}, atau capaian"
            f" {persen(h.capaian)}% dengan predikat {h.predikat}; realisasi {status}."
        ]
    lalu = tahun_lalu(data, laporan, ind, tahunan)
    if lalu is not None:
        label, lama = lalu
        arah = _arah(lama, h.nilai, ind.polaritas)
        if arah == "tetap":
            sentences.append(
                f"Dibandingkan dengan {label}, realisasi tetap sebesar {nilai(lama, ind.satuan)}."
            )
        else:
            sentences.append(
                f"Dibandingkan dengan {label}, realisasi {arah.split(' ', 1)[0]} dari"
                f" {nilai(lama, ind.satuan)} menjadi {nilai(h.nilai, ind.satuan)}"
                f" {arah.split(' ', 1)[1]}."
            )
    akhir = data.renstra.periode.akhir
    target_akhir = ind.target.get(akhir)
    if akhir != tahun and target_akhir is not None:
        rumus = data.dinas.pengaturan.rumus_capaian
        terhadap = hitung.capaian(target_akhir, h.nilai, ind.polaritas, rumus)
        if terhadap is not None:
            sentences.append(
                f"Realisasi tersebut setara dengan {persen(terhadap)}% dari target akhir Renstra"
                f" tahun {akhir} sebesar {nilai(target_akhir, ind.satuan)}."
            )
    return sentences


def analisis(
    data: DataDinas, laporan: RealisasiTriwulan, hasil: list[Hasil], tahunan: bool = False
) -> list[dict[str, Any]]:
    """Per IKU: the computed analysis paragraph, then the causes and solutions written in the
    quarter's file."""
    written = laporan.analisis
    rows = []
    for n, h in enumerate(hasil, start=1):
        teks = written.get(h.indikator.kode)
        rows.append(
            {
                "no": str(n),
                "indikator": h.indikator.uraian,
                "kalimat": " ".join(kalimat_analisis(data, laporan, h, tahunan)),
                "penyebab": teks.penyebab if teks else [],
                "solusi": teks.solusi if teks else [],
            }
        )
    return rows


def _daftar(parts: list[str]) -> str:
    """'a', 'a dan b', 'a, b dan c'."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} dan {parts[-1]}"


def nama_predikat(data: DataDinas) -> list[str]:
    """The predikat names of the dinas's setting, from the highest band down."""
    bands = sorted(data.dinas.pengaturan.predikat, key=lambda b: b.batas_bawah, reverse=True)
    return [b.nama for b in bands]


def ringkasan_predikat(hasil: list[Hasil], bands: list[str]) -> str:
    """'1 (satu) indikator Sangat Tinggi, 1 (satu) Sangat Rendah dan 1 (satu) belum diukur'."""
    parts = []
    for band in bands:
        count = sum(h.predikat == band for h in hasil)
        if count:
            parts.append(f"{bilangan(count)} {band}")
    for label, count in (
        ("belum diukur", sum(h.nilai is None for h in hasil)),
        ("tanpa target", sum(h.nilai is not None and h.capaian is None for h in hasil)),
    ):
        if count:
            parts.append(f"{bilangan(count)} {label}")
    parts[0] = parts[0].replace(")", ") indikator", 1)
    return _daftar(parts)


def serapan_total(
    data: DataDinas, laporan: RealisasiTriwulan, programs: list[Program]
) -> hitung.Serapan | None:
    """Pagu and realisasi of all programs of the year; None without programs."""
    if not programs:
        return None
    return hitung.Serapan.jumlah(
        hitung.serapan_program(p, data.realisasi, laporan.tahun, laporan.triwulan) for p in programs
    )


def _rp(value: int) -> str:
    """'Rp 1.500.000' that does not break after 'Rp' at the end of a line."""
    return rupiah(value).replace(" ", "\u00a0")


def _kalimat_serapan(total: hitung.Serapan | None, sampai: str) -> list[str]:
    if total is None or total.realisasi is None or total.persen is None:
        return []
    return [
        f"Serapan anggaran {sampai} sebesar {persen(total.persen)}% (realisasi"
        f" {_rp(total.realisasi)} dari pagu {_rp(total.pagu)})."
    ]


def ikhtisar(
    hasil: list[Hasil],
    total: hitung.Serapan | None,
    laporan: RealisasiTriwulan,
    bands: list[str],
    tahunan: bool = False,
) -> list[str]:
    """The Ikhtisar Eksekutif's figures: how many IKU reached which predikat (``bands`` from the
    highest down), serapan anggaran."""
    periode = sampai(laporan, tahunan)
    sentences = []
    if hasil:
        sentences.append(
            f"Dari {bilangan(len(hasil))} indikator kinerja utama, {periode} terdapat"
            f" {ringkasan_predikat(hasil, bands)}."
        )
    return sentences + _kalimat_serapan(total, periode)


def kesimpulan(
    hasil: list[Hasil],
    total: hitung.Serapan | None,
    laporan: RealisasiTriwulan,
    tahunan: bool = False,
) -> list[str]:
    """BAB IV's conclusions, computed: indicators at or above the target, serapan."""
    periode = sampai(laporan, tahunan)
    sentences = []
    if hasil:
        reached = sum(h.tercapai for h in hasil)
        below = sum(h.capaian is not None and not h.tercapai for h in hasil)
        open_ = len(hasil) - reached - below
        rest = [f"{bilangan(below)} belum mencapai target"] if below else []
        if open_:
            rest.append(f"{bilangan(open_)} belum dapat dihitung capaiannya")
        target = f"target tahun {laporan.tahun}"
        head = f"Dari {bilangan(len(hasil))} indikator kinerja utama, {periode}"
        if reached:
            parts = [f"{bilangan(reached)} indikator yang telah mencapai atau melampaui {target}"]
            sentences.append(f"{head} terdapat {_daftar([*parts, *rest])}.")
        else:
            sentences.append(f"{head} belum ada yang mencapai {target}: {_daftar(rest)}.")
    return sentences + _kalimat_serapan(total, periode)


def perjanjian_kinerja(
    data: DataDinas, tahun: int, rkt: list[dict[str, Any]], programs: list[Program]
) -> dict[str, Any]:
    """The Lampiran Perjanjian Kinerja: sasaran | indikator | target (the Renstra's targets of
    the year, the rows of the Rencana Kerja Tahunan), program | anggaran with the total, and the
    two signatures (Pihak Pertama the Kepala Dinas, Pihak Kedua the Bupati/Walikota)."""
    dinas = data.dinas
    pk = data.pk if data.pk and data.pk.tahun == tahun else None  # signed on pk.yaml's date
    anggaran = [
        {
            "no": str(n),
            "program": p.nama,
            "anggaran": angka(sum(k.pagu.get(tahun, 0) for k in p.kegiatan)),
        }
        for n, p in enumerate(programs, start=1)
    ]
    number = 0
    sasaran = []
    for row in rkt:
        number += row["sasaran"] != LANJUT
        sasaran.append({**row, "no": str(number) if row["sasaran"] != LANJUT else LANJUT})
    return {
        "sasaran": sasaran,
        "program": anggaran,
        "jumlah": angka(sum(k.pagu.get(tahun, 0) for p in programs for k in p.kegiatan)),
        "tempat_tanggal": f"{dinas.tempat}, "
        + (tanggal_ttd(pk.tanggal, pk.bulan, tahun) if pk else tanggal_ttd(None, None, tahun)),
        "pihak_kedua": {
            "sebutan": f"{dinas.pemda.kepala_daerah} {dinas.pemda.nama}",
            # as many lines as the Pihak Pertama's title, so the two names stand level
            "jabatan": f"{dinas.pemda.kepala_daerah} {dinas.pemda.nama}".upper()
            + "\n" * (len(dinas.jabatan_kepala) - 1),
            "nama": dinas.pemda.nama_kepala_daerah or "",
        },
    }


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
            rows.append(
                _money(
                    "kegiatan",
                    program.nama if j == 0 else LANJUT,
                    nama_kegiatan(kegiatan.nama, kegiatan.sumber_dana),
                    part,
                )
            )
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
