"""Write a dinas's data to a workbook (openpyxl): one sheet per table, codes linking the rows.

Columns of codes and NIPs (:data:`lembar.TEKS`) are text columns (number format ``@``), cells and
the column itself, so what a clerk types there stays text: Excel would turn ``1.10`` into 1,1,
``01`` into 1, ``1-2`` into a date and an 18-digit NIP into 15 digits. Text that starts with '='
is written as text, never as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dokgen.errors import DataError, Location, Problem
from dokgen.excel import lembar
from dokgen.load import DataDinas

HEADER = PatternFill("solid", fgColor="D9D9D9")
TEKS = "@"
"""Excel's number format 'Text'."""
MAX_SEL = 32_767
"""Characters Excel keeps in one cell."""
LEBAR = {
    "uraian": 50,
    "nama": 40,
    "tugas": 60,
    "fungsi": 60,
    "sasaran": 40,
    "pembilang": 35,
    "penyebut": 35,
    "formula": 40,
    "sumber_data": 30,
    "visi": 60,
    "misi": 60,
    "nilai": 50,
    "penjelasan": 40,
}


def _value(data: Any, dotted: str) -> Any:
    """The value at ``dotted``; None where the data left a default (so import adds nothing)."""
    for part in dotted.split("."):
        if data is None or part not in data.model_fields_set:
            return None
        data = getattr(data, part)
    return data


def _sheet(
    book: Workbook, title: str, columns: list[str], rows: Iterable[dict[str, Any]]
) -> Worksheet:
    sheet: Worksheet = book.create_sheet(title)  # stubs: Any (write-only books differ)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER
    text = lembar.TEKS.get(title, set())
    text_columns = [i for i, column in enumerate(columns, start=1) if column in text]
    for number, row in enumerate(rows, start=2):
        values = [row.get(column) for column in columns]
        _periksa_teks(title, number, values)
        sheet.append(values)
        for index, value in enumerate(values, start=1):
            if isinstance(value, str) and value.startswith("="):
                sheet.cell(number, index).data_type = "s"  # data text, not a formula
        for index in text_columns:
            sheet.cell(number, index).number_format = TEKS
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = LEBAR.get(column.split(" ")[0], 14)
        if column in text:
            sheet.column_dimensions[letter].number_format = TEKS  # rows typed in later too
        if LEBAR.get(column, 0) >= 40:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    return sheet


def _periksa_teks(title: str, number: int, values: list[Any]) -> None:
    """Text a workbook cannot hold (control characters, more than Excel keeps in a cell) is an
    error naming the sheet and row, not a traceback or a cut text."""
    for index, value in enumerate(values, start=1):
        if not isinstance(value, str):
            continue
        where = f"{title}!{get_column_letter(index)}{number}"
        if ILLEGAL_CHARACTERS_RE.search(value):
            message = "teks berisi karakter kendali yang tidak dapat disimpan di Excel"
        elif len(value) > MAX_SEL:
            message = f"teks lebih dari {MAX_SEL} karakter, batas satu sel Excel"
        else:
            continue
        raise DataError([Problem(Location(Path(where)), f"{message}: {value[:40]!r}…")])


def _pilihan(book: Workbook, sheet: Worksheet, column: str, name: str, values: list[str]) -> None:
    """A drop-down list on ``column`` of ``sheet`` from the hidden sheet 'Daftar'."""
    daftar = book["Daftar"]
    col = daftar.max_column + 1 if daftar["A1"].value is not None else 1
    letter = get_column_letter(col)
    daftar.cell(1, col, name)
    for i, value in enumerate(values, start=2):
        daftar.cell(i, col, value)
    header = [c.value for c in sheet[1]]
    if column not in header:
        return
    target = get_column_letter(header.index(column) + 1)
    source = f"Daftar!${letter}$2:${letter}${max(2, len(values) + 1)}"
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        error=f"Pilih dari daftar {name}",
        showErrorMessage=True,
    )
    sheet.add_data_validation(validation)
    validation.add(f"{target}2:{target}5000")


def ekspor(data: DataDinas) -> bytes:
    """The workbook of ``data``, as bytes of an .xlsx file."""
    book = Workbook()
    first = book.active  # the empty sheet every new workbook has
    assert first is not None
    book.remove(first)
    renstra = data.renstra
    years = lembar.tahun(data)
    _sheet(
        book,
        "Dinas",
        ["kunci", "nilai"],
        [{"kunci": k, "nilai": lembar.teks(_value(data.dinas, k))} for k in lembar.DINAS],
    )
    renstra_values = {
        "periode.awal": renstra.periode.awal if renstra else None,
        "periode.akhir": renstra.periode.akhir if renstra else None,
        "tahun_dasar": renstra.tahun_dasar if renstra else None,
        "visi": renstra.visi if renstra else None,
        "misi": "\n".join(renstra.misi) if renstra else None,
    }
    _sheet(
        book,
        "Renstra",
        ["kunci", "nilai"],
        [{"kunci": k, "nilai": lembar.teks(v)} for k, v in renstra_values.items()],
    )
    _sheet(
        book,
        "Tujuan",
        lembar.TUJUAN,
        [{"kode": t.kode, "uraian": t.uraian} for t in (renstra.tujuan if renstra else [])],
    )
    sasaran = [
        {"kode": s.kode, "tujuan": t.kode, "uraian": s.uraian}
        for t in (renstra.tujuan if renstra else [])
        for s in t.sasaran
    ] + [{"kode": s.kode, "uraian": s.uraian} for s in (renstra.sasaran if renstra else [])]
    _sheet(book, "Sasaran", lembar.SASARAN, sasaran)
    indikator = _sheet(
        book,
        "Indikator",
        [*lembar.INDIKATOR, *[f"target {y}" for y in years], *[f"realisasi {y}" for y in years]],
        lembar.indikator_rows(data),
    )
    programs = renstra.program if renstra else []
    program = _sheet(
        book,
        "Program",
        lembar.PROGRAM,
        [
            {"kode": p.kode, "nama": p.nama, "sasaran": p.sasaran, "iku": ", ".join(p.iku) or None}
            for p in programs
        ],
    )
    _sheet(
        book,
        "Kegiatan",
        [*lembar.KEGIATAN, *[f"pagu {y}" for y in years]],
        [
            {
                "kode": k.kode,
                "program": p.kode,
                "nama": k.nama,
                "unit": k.unit,
                **{f"pagu {y}": lembar.rupiah(v) for y, v in k.pagu.items()},
            }
            for p in programs
            for k in p.kegiatan
        ],
    )
    jabatan = _sheet(
        book,
        "Jabatan",
        lembar.JABATAN,
        [
            {
                "kode": j.kode,
                "nama": j.nama,
                "atasan": j.atasan,
                "unit": j.unit,
                "jenis": j.jenis,
                "tugas": "\n".join(j.tugas) or None,
                "fungsi": "\n".join(j.fungsi) or None,
                **{
                    f"pemangku.{k}": lembar.teks(_value(j.pemangku, k))
                    for k in ("nama", "pangkat", "golongan", "nip")
                },
            }
            for j in data.jabatan
        ],
    )
    iki = _sheet(
        book,
        "IKI",
        [*lembar.IKI, *[f"target {y}" for y in years]],
        [
            lembar.iki_rows(row, j.kode, s.sasaran)
            for j in data.jabatan
            for s in j.iki
            for row in s.indikator
        ],
    )
    realisasi = _sheet(
        book,
        "Realisasi",
        lembar.REALISASI,
        [
            {
                "tahun": r.tahun,
                "triwulan": r.triwulan,
                "jenis": jenis,
                "kode": kode,
                "nilai": lembar.rupiah(v) if jenis == "anggaran" else lembar.teks(v),
            }
            for r in data.realisasi
            for jenis, values in (("indikator", r.indikator), ("anggaran", r.anggaran))
            for kode, v in values.items()
        ],
    )
    daftar = book.create_sheet("Daftar")
    daftar.sheet_state = "hidden"
    iku = [i.kode for s in (renstra.semua_sasaran if renstra else []) for i in s.indikator]
    satuan = sorted({i.satuan for i in lembar.semua(data) if i.satuan} | {"%"})
    for sheet, column, name, values in [
        (indikator, "polaritas", "polaritas", lembar.DAFTAR["polaritas"]),
        (indikator, "agregasi", "agregasi", lembar.DAFTAR["agregasi"]),
        (indikator, "jenis_induk", "jenis_induk", lembar.DAFTAR["jenis_induk"]),
        (indikator, "satuan", "satuan", satuan),
        (program, "sasaran", "sasaran", [s["kode"] for s in sasaran]),
        (jabatan, "atasan", "atasan", [j.kode for j in data.jabatan]),
        (jabatan, "jenis", "jenis_jabatan", lembar.DAFTAR["jenis_jabatan"]),
        (iki, "jabatan", "jabatan", [j.kode for j in data.jabatan]),
        (iki, "mendukung", "mendukung", iku),
        (realisasi, "jenis", "jenis_realisasi", lembar.DAFTAR["jenis_realisasi"]),
    ]:
        _pilihan(book, sheet, column, name, values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
