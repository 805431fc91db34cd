"""Perjanjian Kinerja (PermenPAN-RB 53/2014): the statement page and its lampiran, one document
per signer pair — the Kepala Dinas with the Bupati/Walikota, and every jabatan that heads a unit
with its atasan.

The year and the signing date come from ``pk.yaml``. The Kepala Dinas promises the Renstra's IKU
targets of the year and the pagu of every program (the LKj's Lampiran PK, the same rows); a unit
head promises the rows of its IKI card with the row's own target of the year (``target`` of the
IKI row); a row without one gets the target of the IKU it supports through ``mendukung``
(followed up the atasan's rows), marked and said so under the table; a row with neither prints
'–' ("belum ditetapkan").
"""

from __future__ import annotations

from pathlib import Path

from dokgen.documents import lkj
from dokgen.documents.common import (
    Dokumen,
    Kind,
    Plain,
    bersambung,
    dengan_status,
    gambar_kop,
    plain,
    properties,
)
from dokgen.errors import DataError
from dokgen.format import KOSONG, LANJUT, TITIK, angka, tanggal_ttd
from dokgen.load import DataDinas, load_jabatan
from dokgen.model import Indikator, IndikatorIKI, Jabatan, Pejabat, PerjanjianKinerja
from dokgen.output import nama_berkas

TEMPLATE = "pk.docx"
FOLDER = "pk"
BERKAS_DATA = "pk.yaml"
KATA_KECIL = {"dan", "di", "ke", "dari", "pada", "untuk", "atau", "serta", "yang", "dengan"}


def judul_kalimat(nama: str) -> str:
    """A title written in capitals as it reads in a sentence: 'KEPALA SUB BAGIAN UMUM DAN
    KEPEGAWAIAN' → 'Kepala Sub Bagian Umum dan Kepegawaian'; other titles as written."""
    if nama != nama.upper():
        return nama
    kata = nama.lower().split()
    return " ".join(k if k in KATA_KECIL and i else k.capitalize() for i, k in enumerate(kata))


def pihak(
    baris: list[str], kalimat: str, pejabat: Pejabat | None, nama: str | None = None
) -> Plain:
    """One signer: the title's lines above the signature (the first with Plt/Plh/Pj), the title
    in the statement's sentence, name, pangkat and NIP; a dotted blank for a name the data lacks."""
    status = pejabat.status if pejabat else "definitif"
    baris = [dengan_status(baris[0], status), *baris[1:]]
    nama = nama if nama is not None else (pejabat.nama if pejabat else "")
    return {
        "jabatan": baris,
        "kalimat": dengan_status(kalimat, status),
        "nama": nama or TITIK,
        "pangkat": (pejabat.pangkat or "") if pejabat else "",
        "nip": (pejabat.nip if pejabat else None) or TITIK,
        "ber_nip": bool(pejabat and pejabat.nip) or not nama,
    }


def setara(pertama: Plain, kedua: Plain) -> tuple[Plain, Plain]:
    """The two signers with title blocks of as many lines, so their names stand level."""
    lines = max(len(pertama["jabatan"]), len(kedua["jabatan"]))
    result = []
    for p in (pertama, kedua):
        result.append(
            {**p, "jabatan": "\n".join(p["jabatan"] + [""] * (lines - len(p["jabatan"])))}
        )
    return result[0], result[1]


def kepala_dinas(data: DataDinas, pk: PerjanjianKinerja) -> Plain:
    """The Kepala Dinas's agreement with the Bupati/Walikota: the Renstra's IKU targets of the
    year and the pagu of every program (the rows of the LKj's Lampiran PK)."""
    dinas, renstra = data.dinas, data.renstra
    assert renstra is not None
    tahun = pk.tahun
    rkt = bersambung(lkj.baris_rkt(data, tahun), "sasaran")
    lampiran = lkj.perjanjian_kinerja(data, tahun, rkt, lkj.program_tahun(renstra, tahun))
    pemda = dinas.pemda
    bupati = Pejabat.model_construct(nama=TITIK, status=pemda.status_kepala_daerah)
    judul_bupati = f"{pemda.kepala_daerah} {pemda.nama}"
    kedua = pihak([judul_bupati.upper()], judul_bupati, bupati, pemda.nama_kepala_daerah or "")
    kedua["ber_nip"] = False
    kepala = dinas.kepala_pada(pk.pada())
    judul = f"Kepala {dinas.nama} {pemda.sebutan}"
    pertama = pihak(dinas.jabatan_kepala, judul, kepala)
    return {
        "unit": f"{dinas.nama} {pemda.sebutan}",
        "sasaran": lampiran["sasaran"],
        "anggaran_per": "Program",
        "program": [
            {"no": r["no"], "nama": r["program"], "anggaran": r["anggaran"]}
            for r in lampiran["program"]
        ],
        "jumlah": lampiran["jumlah"],
        "catatan": [],
        "pihak": setara(pertama, kedua),
    }


def semua_jabatan(data: DataDinas) -> list[Jabatan]:
    """Every jabatan, in the order of the structure: the models a check holds, or read from
    their files (a build keeps none)."""
    if data.jabatan:
        return list(data.jabatan)
    result = []
    for record in data.records:
        jabatan, problems = load_jabatan(Path(record.ringkasan.berkas))
        if problems:
            raise DataError(problems)
        if jabatan is not None:
            result.append(jabatan)
    return result


def memimpin_unit(jabatan: Jabatan, data: DataDinas) -> bool:
    """Whether the jabatan heads a unit: structural, or the jabatan of a unit with a pimpinan."""
    unit = data.unit(jabatan.unit) if jabatan.unit else None
    return jabatan.jenis == "struktural" or bool(unit and unit.pimpinan)


def iku_didukung(
    row: IndikatorIKI, baris: dict[str, IndikatorIKI], iku: dict[str, Indikator]
) -> Indikator | None:
    """The IKU a row supports, followed up through the rows it supports; None when the chain
    reaches none (or runs in a circle)."""
    seen: set[str] = set()
    kode = row.mendukung
    while kode and kode not in seen:
        if kode in iku:
            return iku[kode]
        seen.add(kode)
        atas = baris.get(kode)
        kode = atas.mendukung if atas else None
    return None


def satuan_baris(row: IndikatorIKI) -> str:
    if row.formula and row.formula.pecahan and row.formula.pengali == 100:
        return "%"
    return ""


def kepala_unit(
    data: DataDinas,
    pk: PerjanjianKinerja,
    jabatan: Jabatan,
    by_kode: dict[str, Jabatan],
    baris: dict[str, IndikatorIKI],
) -> Plain:
    """A unit head's agreement with its atasan (the Kepala Dinas when it has none): its IKI rows
    with their targets of the year (the row's own, else — marked * — the IKU's it supports), the
    programs that carry the IKU its rows support."""
    dinas, renstra = data.dinas, data.renstra
    assert renstra is not None
    tahun = pk.tahun
    iku = {i.kode: i for s in renstra.semua_sasaran for i in s.indikator}
    rows = []
    dipinjam = []
    kosong = False
    didukung: set[str] = set()
    for sasaran in jabatan.iki:
        for j, row in enumerate(sasaran.indikator):
            ind = iku_didukung(row, baris, iku)
            if ind is not None:
                didukung.add(ind.kode)
            if tahun in row.target:
                target, satuan = angka(row.target[tahun], 2), satuan_baris(row)
            elif ind is not None and tahun in ind.target:
                target, satuan = f"{angka(ind.target[tahun], 2)}*", ind.satuan or ""
                dipinjam.append(ind.kode)
            else:
                target, satuan, kosong = KOSONG, satuan_baris(row), True
            rows.append(
                {
                    "sasaran": sasaran.sasaran if j == 0 else LANJUT,
                    "indikator": row.uraian,
                    "satuan": satuan,
                    "target": target,
                }
            )
    number = 0
    sasaran_rows = []
    for cells in bersambung(rows, "sasaran"):
        number += cells["sasaran"] != LANJUT
        sasaran_rows.append({**cells, "no": str(number) if cells["sasaran"] != LANJUT else LANJUT})
    anggaran_per, anggaran = anggaran_unit(data, jabatan, tahun, didukung)
    catatan = []
    if dipinjam:
        kode = ", ".join(dict.fromkeys(dipinjam))
        catatan.append(
            f"* Target indikator kinerja utama yang didukung baris tersebut ({kode}) menurut"
            f" Rencana Strategis tahun {tahun}: baris kartu IKI tidak memuat target sendiri"
            f" tahun {tahun}."
        )
    if kosong:
        catatan.append(f"{KOSONG} Target tahun {tahun} belum ditetapkan.")
    unit = data.unit(jabatan.unit) if jabatan.unit else None
    nama_unit = unit.nama if unit else judul_kalimat(jabatan.nama)
    judul = unit.pimpinan if unit and unit.pimpinan else judul_kalimat(jabatan.nama)
    if len(judul.split()) == 1:  # 'Sekretaris' names no unit: 'Sekretaris Dinas … Kabupaten …'
        judul = f"{judul} {dinas.nama} {dinas.pemda.sebutan}"
    pertama = pihak([jabatan.nama.upper()], judul, jabatan.pemangku)
    atasan = by_kode.get(jabatan.atasan) if jabatan.atasan else None
    if atasan is not None:
        unit_atasan = data.unit(atasan.unit) if atasan.unit else None
        judul_atasan = (
            unit_atasan.pimpinan
            if unit_atasan and unit_atasan.pimpinan
            else judul_kalimat(atasan.nama)
        )
        kedua = pihak([atasan.nama.upper()], judul_atasan, atasan.pemangku)
    else:
        kepala = dinas.kepala_pada(pk.pada())
        kedua = pihak(dinas.jabatan_kepala, f"Kepala {dinas.nama} {dinas.pemda.sebutan}", kepala)
    return {
        "unit": f"{nama_unit} {dinas.nama} {dinas.pemda.sebutan}",
        "sasaran": sasaran_rows,
        "anggaran_per": anggaran_per,
        "program": [
            {"no": str(n), "nama": nama, "anggaran": angka(pagu)}
            for n, (nama, pagu) in enumerate(anggaran, start=1)
        ],
        "jumlah": angka(sum(pagu for _, pagu in anggaran)),
        "catatan": catatan,
        "pihak": setara(pertama, kedua),
    }


def unit_bawahan(data: DataDinas, kode: str) -> set[str]:
    """The unit ``kode`` and every unit under it (``induk``), in organisasi.yaml."""
    units = data.organisasi.unit if data.organisasi else []
    result = {kode}
    while True:
        more = {u.kode for u in units if u.induk in result} - result
        if not more:
            return result
        result |= more


def anggaran_unit(
    data: DataDinas, jabatan: Jabatan, tahun: int, didukung: set[str]
) -> tuple[str, list[tuple[str, int]]]:
    """What a unit head promises to spend: 'Program' or 'Kegiatan', and rows of name and pagu of
    the year. When kegiatan name the unit that carries them (``unit``), a head gets the
    kegiatan of its unit and the units under it — as kegiatan when no unit is under it (a Kasi,
    a Kasubag), summed per program otherwise (a Kabid, the Sekretaris): every rupiah is promised
    once per level. Without that, a head directly under the Kepala Dinas gets the programs that
    carry the IKU its rows support; one under another head gets none (the program's whole pagu
    would be promised by every seksi; rule PKJ001 says so)."""
    renstra = data.renstra
    assert renstra is not None
    programs = lkj.program_tahun(renstra, tahun)
    if any(k.unit for p in renstra.program for k in p.kegiatan):
        if not jabatan.unit:
            return "Kegiatan", []  # (ORG rules ask a unit head for its unit)
        units = unit_bawahan(data, jabatan.unit)
        dibawa = [
            (p, [k for k in p.kegiatan if k.unit in units and tahun in k.pagu]) for p in programs
        ]
        dibawa = [(p, ks) for p, ks in dibawa if ks]
        if units == {jabatan.unit}:
            return "Kegiatan", [(k.nama, k.pagu[tahun]) for _, ks in dibawa for k in ks]
        return "Program", [(p.nama, sum(k.pagu[tahun] for k in ks)) for p, ks in dibawa]
    if jabatan.atasan is None:
        rows = [
            (p.nama, sum(k.pagu.get(tahun, 0) for k in p.kegiatan))
            for p in programs
            if didukung & set(p.iku)
        ]
        return "Program", rows
    return "Kegiatan", []  # PKJ001 says why


def konteks(data: DataDinas, pk: PerjanjianKinerja, isi: Plain) -> Plain:
    pertama, kedua = isi.pop("pihak")
    dinas = data.dinas
    return {
        "tahun": pk.tahun,
        "nama": isi.pop("unit"),
        "pertama": pertama,
        "kedua": kedua,
        "pk": isi,
        "tempat_tanggal": f"{dinas.tempat}, {tanggal_ttd(pk.tanggal, pk.bulan, pk.tahun)}",
    }


def dokumen(data: DataDinas) -> list[Dokumen]:
    """The Kepala Dinas's agreement, then every unit head's, in the order of the structure."""
    pk = data.pk
    assert pk is not None
    gambar = gambar_kop(data)
    judul = f"Perjanjian Kinerja Tahun {pk.tahun}"
    result = [
        Dokumen(
            f"{FOLDER}/{nama_berkas(0, 'kepala-dinas')}",
            TEMPLATE,
            plain(konteks(data, pk, kepala_dinas(data, pk))),
            gambar,
            properties(data, f"{judul} Kepala {data.dinas.nama}", pk.tahun),
        )
    ]
    jabatan = semua_jabatan(data)
    by_kode = {j.kode: j for j in jabatan}
    baris = {r.kode: r for j in jabatan for s in j.iki for r in s.indikator if r.kode}
    for nomor, j in enumerate(jabatan, start=1):
        if not memimpin_unit(j, data) or not j.iki:
            continue
        context = konteks(data, pk, kepala_unit(data, pk, j, by_kode, baris))
        result.append(
            Dokumen(
                f"{FOLDER}/{nama_berkas(nomor, j.kode)}",
                TEMPLATE,
                plain(context),
                gambar,
                properties(data, f"{judul} {judul_kalimat(j.nama)}", pk.tahun),
            )
        )
    return result


def tidak_ada(data: DataDinas) -> str | None:
    if data.renstra is None:
        return "tidak ada renstra.yaml"
    if data.pk is None:
        return f"tidak ada {BERKAS_DATA}"
    return None


KIND = Kind("pk", "Perjanjian Kinerja", TEMPLATE, tidak_ada, dokumen)
