"""The workbook's sheets: their columns, and the YAML-shaped values each row stands for.

Values travel as text the way the YAML files hold them (numbers the Indonesian way: 80,94 and
749.455.000), so a round trip through Excel gives back exactly the same data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from dokgen.format import Number, angka, angka_tertulis
from dokgen.load import DataDinas
from dokgen.model import Formula, Indikator, IndikatorIKI

LEMBAR = (
    "Dinas",
    "Renstra",
    "Tujuan",
    "Sasaran",
    "Indikator",
    "Program",
    "Kegiatan",
    "Jabatan",
    "IKI",
    "Realisasi",
)
"""The sheets of the workbook, in order (plus the hidden 'Daftar' of drop-down lists)."""
DINAS = [
    "nama",
    "singkatan",
    "pemda.jenis",
    "pemda.nama",
    "pemda.provinsi",
    "alamat",
    "telepon",
    "email",
    "laman",
    "tempat_penetapan",
    "logo",
    "kepala.nama",
    "kepala.pangkat",
    "kepala.golongan",
    "kepala.nip",
    "pengaturan.kertas",
]
RENSTRA = ["periode.awal", "periode.akhir", "tahun_dasar", "visi", "misi"]
TUJUAN = ["kode", "uraian"]
SASARAN = ["kode", "tujuan", "uraian"]
RUMUS = ["pembilang", "penyebut", "formula", "pengali"]
INDIKATOR = [
    "kode",
    "jenis_induk",
    "induk",
    "uraian",
    "satuan",
    *RUMUS,
    "sumber_data",
    "polaritas",
    "agregasi",
    "penjelasan",
    "periode_pengukuran",
    "tahun_dasar",
]
PROGRAM = ["kode", "nama", "sasaran", "iku"]
KEGIATAN = ["kode", "program", "nama", "unit"]
JABATAN = [
    "kode",
    "nama",
    "atasan",
    "unit",
    "jenis",
    "tugas",
    "fungsi",
    "pemangku.nama",
    "pemangku.pangkat",
    "pemangku.golongan",
    "pemangku.nip",
]
IKI = ["jabatan", "sasaran", "kode", "uraian", *RUMUS, "sumber_data", "mendukung"]
REALISASI = ["tahun", "triwulan", "jenis", "kode", "nilai"]
JENIS_INDUK = ["tujuan", "sasaran", "program", "kegiatan"]
KOLOM = {
    "Dinas": ["kunci", "nilai"],
    "Renstra": ["kunci", "nilai"],
    "Tujuan": TUJUAN,
    "Sasaran": SASARAN,
    "Indikator": INDIKATOR,
    "Program": PROGRAM,
    "Kegiatan": KEGIATAN,
    "Jabatan": JABATAN,
    "IKI": IKI,
    "Realisasi": REALISASI,
}
"""The columns every sheet must have (its header row), besides the columns per year."""
TAHUNAN = {"Indikator": ("target", "realisasi"), "Kegiatan": ("pagu",), "IKI": ("target",)}
"""Sheets with one column per year: 'target 2021', 'pagu 2021', …"""
TEKS = {
    "Dinas": {"kunci", "nilai"},
    "Renstra": {"kunci"},
    "Tujuan": {"kode"},
    "Sasaran": {"kode", "tujuan"},
    "Indikator": {"kode", "jenis_induk", "induk", "satuan", "polaritas", "agregasi"},
    "Program": {"kode", "sasaran", "iku"},
    "Kegiatan": {"kode", "program", "unit"},
    "Jabatan": {"kode", "atasan", "unit", "jenis", "pemangku.golongan", "pemangku.nip"},
    "IKI": {"jabatan", "kode", "mendukung"},
    "Realisasi": {"jenis", "kode"},
}
"""Columns of codes, NIPs and other text that Excel must not take for a number (``1.10`` would
become 1,1, ``01`` would become 1, an 18-digit NIP loses its last digits): exported as text cells
(number format ``@``), and a number found in one on import is refused."""
NIP = {("Jabatan", "pemangku.nip"), ("Dinas", "kepala.nip")}
"""Where a NIP is written: (sheet, column), or (sheet, kunci) on the key/value sheet Dinas."""
ANGKA = {
    "Renstra": {"nilai"},
    "Indikator": {"tahun_dasar", "pengali", "target", "realisasi"},
    "Realisasi": {"tahun", "triwulan", "nilai"},
    "IKI": {"target"},
}
"""Columns of measured values ('target' and 'realisasi': every year's column): an Excel number
is written the Indonesian way (80,94), and a percentage cell (Excel keeps "90%" as 0,9) as the
number the clerk typed (90)."""
UANG = {"Kegiatan": {"pagu"}}
"""Columns of rupiah: an Excel number is read as it is; a percentage is refused."""


def jenis_kolom(sheet: str, column: str) -> str:
    """'teks', 'angka', 'uang' or '' (any text) for a column of a sheet ('target 2021' is
    'target')."""
    name = column.split(" ", 1)[0] if sheet in TAHUNAN else column
    if column in TEKS.get(sheet, ()):
        return "teks"
    if name in ANGKA.get(sheet, ()):
        return "angka"
    if name in UANG.get(sheet, ()):
        return "uang"
    return ""


DAFTAR = {
    "polaritas": ["positif", "negatif"],
    "agregasi": ["kumulatif", "nilai_akhir"],
    "jenis_induk": JENIS_INDUK,
    "jenis_realisasi": ["indikator", "anggaran"],
    "pemda.jenis": ["kabupaten", "kota"],
    "pengaturan.kertas": ["F4", "A4"],
    "jenis_jabatan": ["struktural", "fungsional", "pelaksana"],
}


def teks(value: Any) -> str | None:
    """A model value as the YAML text it is written as."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return angka_tertulis(value)
    return str(value)


def rupiah(value: Number | None) -> str | None:
    return None if value is None else angka(value)


def baris_rumus(formula: Formula | None) -> dict[str, str | None]:
    if formula is None:
        return dict.fromkeys(RUMUS)
    if formula.pecahan:
        pengali = None if formula.pengali == 100 else teks(formula.pengali)
        return {
            "pembilang": formula.pembilang,
            "penyebut": formula.penyebut,
            "formula": None,
            "pengali": pengali,
        }
    return {"pembilang": None, "penyebut": None, "formula": formula.teks, "pengali": None}


def tahun(data: DataDinas) -> list[int]:
    """Years that get a column: the Renstra period and any year a value is given for."""
    years: set[int] = set()
    if data.renstra:
        years.update(data.renstra.periode.tahun)
        for ind in semua(data):
            years.update(ind.target)
            years.update(ind.realisasi)
        years.update(y for p in data.renstra.program for k in p.kegiatan for y in k.pagu)
    years.update(y for j in data.jabatan for s in j.iki for row in s.indikator for y in row.target)
    return sorted(years)


def semua(data: DataDinas) -> list[Indikator]:
    """Every indicator of the Renstra (none without one)."""
    from dokgen.load import semua_indikator

    return semua_indikator(data.renstra) if data.renstra else []


def indikator_rows(data: DataDinas) -> list[dict[str, Any]]:
    """One row per indicator with the kind and kode of what it belongs to."""
    renstra = data.renstra
    if renstra is None:
        return []
    owners = [("tujuan", t.kode, t.indikator) for t in renstra.tujuan]
    owners += [("sasaran", s.kode, s.indikator) for s in renstra.semua_sasaran]
    for program in renstra.program:
        owners.append(("program", program.kode, program.indikator))
        owners += [("kegiatan", k.kode, k.indikator) for k in program.kegiatan]
    rows = []
    for kind, kode, indicators in owners:
        for ind in indicators:
            rows.append(
                {
                    "kode": ind.kode,
                    "jenis_induk": kind,
                    "induk": kode,
                    "uraian": ind.uraian,
                    "satuan": ind.satuan,
                    **baris_rumus(ind.formula),
                    "sumber_data": ind.sumber_data,
                    "polaritas": ind.polaritas,
                    "agregasi": ind.agregasi,
                    "penjelasan": ind.penjelasan,
                    "periode_pengukuran": ind.periode_pengukuran,
                    "tahun_dasar": teks(ind.tahun_dasar),
                    **{f"target {y}": teks(v) for y, v in ind.target.items()},
                    **{f"realisasi {y}": teks(v) for y, v in ind.realisasi.items()},
                }
            )
    return rows


def iki_rows(row: IndikatorIKI, jabatan: str, sasaran: str) -> dict[str, Any]:
    return {
        "jabatan": jabatan,
        "sasaran": sasaran,
        "kode": row.kode,
        "uraian": row.uraian,
        **baris_rumus(row.formula),
        "sumber_data": row.sumber_data,
        "mendukung": row.mendukung,
        **{f"target {y}": teks(v) for y, v in row.target.items()},
    }
