"""Laporan Kinerja tahunan (LKjIP, PermenPAN-RB 53/2014): the four quarters of a year rolled up.

The report of a year whose four quarters are all in realisasi/: the quarterly report's sections
and figures up to the fourth quarter (:func:`dokgen.documents.lkj.isi_laporan`: kumulatif
indicators summed, nilai_akhir the fourth quarter's value, the money of the whole year), with the
annual comparisons — the year against its target, against the previous years (realisasi/ of
those years when complete, else the Renstra's realisasi) and against the Renstra's final target —
the efficiency of each program (capaian kinerja against serapan anggaran) and the Lampiran
Perjanjian Kinerja. What the report says beyond the numbers and its date come from
``lkj.yaml: tahunan`` when written, else from the fourth quarter's file.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from dokgen import capaian as hitung
from dokgen.documents import lkj
from dokgen.documents.common import Dokumen, Kind, plain, properties
from dokgen.format import KOSONG, angka, persen, tanggal_ttd
from dokgen.load import DataDinas
from dokgen.model import LaporanTahunan, RealisasiTriwulan

TEMPLATE = "lkjip.docx"
TAHUNAN = ("tanggal", "bulan", "kendala", "langkah", "analisis")
"""What an annual report's entry in ``lkj.yaml`` overrides of the fourth quarter's file."""
TANPA = ("triwulan", "kop")
TABEL = {**lkj.TABEL, 3: ("capaian", "perbandingan", "anggaran", "efisiensi")}
"""The captioned tables of each BAB: the quarterly report's and the two annual ones."""
"""Keys of the quarterly context the annual template does not read (it opens with a cover)."""


def nama_berkas(tahun: int) -> str:
    return f"lkjip-{tahun}.docx"


def tahun_lengkap(data: DataDinas) -> list[int]:
    """The years whose four quarters are all in realisasi/."""
    return sorted({r.tahun for r in data.realisasi if lkj.tahun_penuh(data, r.tahun)})


def entri(data: DataDinas, tahun: int) -> LaporanTahunan | None:
    """The annual report's entry in ``lkj.yaml`` (``tahunan:``) for ``tahun``."""
    if data.lkj is None:
        return None
    return next((t for t in data.lkj.tahunan if t.tahun == tahun), None)


def laporan_tahun(data: DataDinas, tahun: int) -> RealisasiTriwulan:
    """The fourth quarter with the annual entry's date and texts where that entry writes them."""
    (tw4,) = [r for r in data.realisasi if r.tahun == tahun and r.triwulan == 4]
    tahunan = entri(data, tahun)
    if tahunan is None:
        return tw4
    update = {k: getattr(tahunan, k) for k in TAHUNAN if k in tahunan.model_fields_set}
    if "tanggal" in update or "bulan" in update:
        update.setdefault("tanggal", None)
        update.setdefault("bulan", None)
    return tw4.model_copy(update=update)


DASAR = "kondisi tahun dasar"
"""How :func:`lkj.realisasi_tahun` labels a tahun dasar value (marked in Tabel 3.2)."""


def _nilai(value: tuple[str, Decimal] | None) -> str:
    """A previous year's value; a tahun dasar value marked '*' (it is a condition, not a
    realisasi reported for that year)."""
    if value is None:
        return KOSONG
    return angka(value[1], 2) + ("*" if value[0].startswith(DASAR) else "")


def catatan_perbandingan(data: DataDinas, tahun: int, rows: list[dict[str, str]]) -> list[str]:
    """The note above Tabel 3.2 when a value there is the Renstra's tahun dasar."""
    assert data.renstra is not None
    if not any(r[k].endswith("*") for r in rows for k in ("lalu_1", "lalu_2")):
        return []
    return [
        f"Nilai bertanda * adalah kondisi tahun dasar Rencana Strategis"
        f" ({data.renstra.tahun_dasar}), bukan realisasi yang dilaporkan untuk tahun itu."
    ]


def baris_perbandingan(
    data: DataDinas, laporan: RealisasiTriwulan, hasil: list[lkj.Hasil]
) -> list[dict[str, str]]:
    """Per IKU: realisasi of the two previous years, target and realisasi of the year, the
    Renstra's final target and the year's capaian against it; '–' where the data has nothing."""
    assert data.renstra is not None
    tahun, akhir = laporan.tahun, data.renstra.periode.akhir
    rumus = data.dinas.pengaturan.rumus_capaian
    rows = []
    for n, h in enumerate(hasil, start=1):
        ind = h.indikator
        target_akhir = ind.target.get(akhir)
        terhadap = hitung.capaian(target_akhir, h.nilai, ind.polaritas, rumus)
        rows.append(
            {
                "no": str(n),
                "indikator": ind.uraian,
                "satuan": ind.satuan or "",
                "lalu_2": _nilai(lkj.realisasi_tahun(data, ind, tahun - 2)),
                "lalu_1": _nilai(lkj.realisasi_tahun(data, ind, tahun - 1)),
                "target": angka(h.target, 2),
                "realisasi": angka(h.nilai, 2),
                "target_akhir": angka(target_akhir, 2),
                "capaian_akhir": persen(terhadap),
            }
        )
    return rows


def _rata(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) / len(values) if values else None


def baris_efisiensi(
    data: DataDinas, laporan: RealisasiTriwulan, hasil: list[lkj.Hasil], isi: lkj.IsiLaporan
) -> list[dict[str, str]]:
    """Per program: the mean capaian of the IKU it carries (``iku:`` of the program), the
    serapan anggaran of the year and the difference in points (capaian − serapan); '–' where
    either is unknown."""
    by_kode = {h.indikator.kode: h for h in hasil}
    rows = []
    for n, program in enumerate(isi.programs, start=1):
        values = [
            h.capaian
            for kode in program.iku
            if (h := by_kode.get(kode)) is not None and h.capaian is not None
        ]
        kinerja = _rata([hitung.bulat(v) for v in values])
        serapan = hitung.serapan_program(program, data.realisasi, laporan.tahun, 4).persen
        selisih = (
            None
            if kinerja is None or serapan is None
            else hitung.bulat(kinerja) - hitung.bulat(serapan)
        )
        rows.append(
            {
                "no": str(n),
                "program": program.nama,
                "iku": ", ".join(program.iku) or KOSONG,
                "capaian": persen(kinerja),
                "serapan": persen(serapan),
                "selisih": KOSONG if selisih is None else angka(selisih, 2),
            }
        )
    return rows


def kalimat_efisiensi(
    data: DataDinas, laporan: RealisasiTriwulan, hasil: list[lkj.Hasil], isi: lkj.IsiLaporan
) -> list[str]:
    """The whole dinas: mean capaian of the IKU against the serapan of all programs, only when
    both are known."""
    values = [hitung.bulat(h.capaian) for h in hasil if h.capaian is not None]
    kinerja = _rata(values)
    total = lkj.serapan_total(data, laporan, isi.programs)
    if kinerja is None or total is None or total.persen is None:
        return []
    return [
        f"Pada tahun {laporan.tahun} rata-rata capaian {len(values)} indikator kinerja utama"
        f" yang dapat dihitung sebesar {persen(kinerja)}%, dengan serapan anggaran"
        f" {persen(total.persen)}%."
    ]


def satu(data: DataDinas, tahun: int) -> Dokumen:
    """The annual report of ``tahun`` (its four quarters present)."""
    assert data.renstra is not None
    laporan = laporan_tahun(data, tahun)
    isi = lkj.isi_laporan(data, laporan, tahunan=True)
    context: dict[str, Any] = {k: v for k, v in isi.context.items() if k not in TANPA}
    perbandingan = baris_perbandingan(data, laporan, isi.hasil)
    tanggal = (
        tanggal_ttd(laporan.tanggal, laporan.bulan, tahun)
        if laporan.tanggal or laporan.bulan
        else tanggal_ttd(None, None, tahun + 1)  # signed after the year it reports on
    )
    context.update(
        {
            "tahun_lalu": [tahun - 2, tahun - 1],
            "tahun_akhir": data.renstra.periode.akhir,
            "perbandingan": perbandingan,
            "catatan_perbandingan": catatan_perbandingan(data, tahun, perbandingan),
            "efisiensi": baris_efisiensi(data, laporan, isi.hasil, isi),
            "kalimat_efisiensi": kalimat_efisiensi(data, laporan, isi.hasil, isi),
            "tempat_tanggal": f"{data.dinas.tempat}, {tanggal}",
        }
    )
    context["tabel"] = lkj.nomor_tabel(context, TABEL)
    judul = f"Laporan Kinerja Tahunan {tahun} {context['nama']}"
    return Dokumen(
        nama_berkas(tahun),
        TEMPLATE,
        plain(context),
        isi.gambar(data),
        properties(data, judul, tahun),
        triwulan=(tahun, 4),
    )


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The annual report of every year whose four quarters are present."""
    return [satu(data, tahun) for tahun in tahun_lengkap(data)]


def tidak_ada(data: DataDinas) -> str | None:
    if data.renstra is None:
        return "tidak ada renstra.yaml"
    if not tahun_lengkap(data):
        return "tidak ada tahun dengan realisasi keempat triwulan (realisasi/<tahun>-1..4.yaml)"
    return None


KIND = Kind("lkjip", "Laporan Kinerja Tahunan", TEMPLATE, tidak_ada, dokumen)
