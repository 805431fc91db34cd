"""The sheets of a workbook a clerk filled: every cell as the text it means, or a problem at its
sheet!cell — never a value Excel changed without anyone noticing.

openpyxl reads in its streaming mode (``read_only``), after :mod:`dokgen.excel.berkas` has judged
the file, so memory stays bounded and a sheet of a million rows is refused at row
:data:`MAX_BARIS` instead of being loaded. The header row must hold exactly the sheet's columns
(:data:`lembar.KOLOM`, plus 'target 2021'-style columns per year): a renamed or deleted column
would otherwise empty that field in every YAML file, and a value under no header would be lost.

A cell is judged by what Excel did to what the clerk typed:

- a formula counts with the value Excel computed and saved with it; a formula without a saved
  value (a workbook written by a program and never opened in Excel) is refused, not read as empty;
- a number in a column of codes or NIPs is refused: Excel has already changed it (1.10 → 1,1;
  01 → 1; an 18-digit NIP keeps only 15 digits);
- a percentage in a column of measured values is the number typed: "90%" (Excel keeps 0,9) is
  read as 90, and so is the text "90%"; a percentage in a money column is refused;
- a date or a time (Excel turns "1-2" into 1 February), TRUE/FALSE and an error value (#REF!)
  are refused;
- any other number is written the Indonesian way with the digits Excel shows (15 significant).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from dokgen.errors import DataError, Location, Problem, saran
from dokgen.excel import lembar
from dokgen.excel.berkas import baca_xlsx

MAX_BARIS = 100_000
"""Rows per sheet below the header; a kabupaten's 5,000 jabatan have about 25,000 IKI rows."""
_TAHUN_KOLOM = re.compile(r"(\w+) (\d{4})")


@dataclass
class Baris:
    """One row of a sheet: its values as YAML text, and the cell of each column."""

    sheet: str
    values: dict[str, str]
    cells: dict[str, str]
    persen: set[str] = field(default_factory=set)
    """Columns whose cell was an Excel percentage (read as the number typed: 90% → 90)."""

    def get(self, column: str) -> str | None:
        return self.values.get(column)


@dataclass
class Buku:
    """The workbook being read, collecting problems as it goes."""

    path: Path
    rows: dict[str, list[Baris]] = field(default_factory=dict)
    kolom: dict[str, list[str]] = field(default_factory=dict)
    """Each sheet's header, in order."""
    problems: list[Problem] = field(default_factory=list)
    asal: dict[int, Baris] = field(default_factory=dict)
    """The row each YAML-shaped value (a dict, by id) was made from: findings of the check
    after the import name its cell (:mod:`dokgen.excel.sel`)."""
    asal_kunci: dict[tuple[int, str], Baris] = field(default_factory=dict)
    """The row of one key of a YAML-shaped dict (by the dict's id): a key/value sheet's row, a
    realisasi's value."""

    def galat(self, row: Baris | None, column: str, message: str, sheet: str = "") -> None:
        cell = row.cells.get(column, "A1") if row else "A1"
        self.galat_sel(row.sheet if row else sheet, cell, message)

    def galat_sel(self, sheet: str, cell: str, message: str) -> None:
        where = f"{self.path.name} {sheet}!{cell}"
        self.problems.append(Problem(Location(Path(where)), message))


class Sel(NamedTuple):
    """A cell that holds something, as openpyxl read it."""

    kolom: int
    nilai: Any
    jenis: str
    """openpyxl's data type: 'n' number, 's' text, 'b' TRUE/FALSE, 'd' date, 'e' error, 'f'
    formula (a formula whose saved value was not found)."""
    format: str
    """Number format ('0%', '@', …), for numbers only."""


Baris_ = list[tuple[int, list[Sel]]]
"""Row number and the cells that hold something, for every such row of a sheet."""


class _Tolak(Exception):
    """A cell whose value cannot be taken as it is; the message says why and what to do."""


def baca(path: Path) -> Buku:
    """Every sheet of the workbook as rows of text; a DataError with every problem found."""
    data = baca_xlsx(path)
    buku = Buku(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's English warnings about unsupported parts
        cells = _semua_sel(buku, data)
    for name, rows in cells.items():
        _lembar(buku, name, rows)
    if buku.problems:
        raise DataError(buku.problems)
    return buku


def _buka(buku: Buku, data: bytes, data_only: bool) -> Any:
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception:  # openpyxl raises many kinds (KeyError, XML errors …) for a broken part
        raise DataError(
            [
                Problem(
                    Location(buku.path),
                    "buku kerja rusak: bagian dasarnya tidak dapat dibaca; buka dan simpan ulang"
                    " di Excel",
                )
            ]
        ) from None


def _semua_sel(buku: Buku, data: bytes) -> dict[str, Baris_]:
    """The cells of every sheet of :data:`lembar.LEMBAR`, formulas replaced by their saved
    values (a second, value-only reading of the sheets that have formulas)."""
    book = _buka(buku, data, data_only=False)
    result: dict[str, Baris_] = {}
    try:
        for name in lembar.LEMBAR:
            if name not in book.sheetnames:
                buku.galat_sel(
                    name, "A1", f"lembar '{name}' tidak ada{saran(name, book.sheetnames)}"
                )
                continue
            rows = _baca_lembar(buku, book, name)
            if rows is not None:
                result[name] = rows
    finally:
        book.close()
    with_formula = [
        name for name, rows in result.items() if any(s.jenis == "f" for _, r in rows for s in r)
    ]
    if with_formula:
        book = _buka(buku, data, data_only=True)
        try:
            for name in with_formula:
                saved = _baca_lembar(buku, book, name) or []
                values = {(i, s.kolom): s for i, row in saved for s in row}
                result[name] = [
                    (i, [values.get((i, s.kolom), s) if s.jenis == "f" else s for s in row])
                    for i, row in result[name]
                ]
        finally:
            book.close()
    return result


def _baca_lembar(buku: Buku, book: Any, name: str) -> Baris_ | None:
    """The cells of one sheet that hold something; None (and a problem) when it cannot be read."""
    sheet = book[name]
    if not hasattr(sheet, "iter_rows"):
        buku.galat_sel(name, "A1", f"'{name}' adalah lembar grafik, bukan lembar kerja")
        return None
    sheet.reset_dimensions()  # the recorded size may be wrong: rows past it would be lost
    rows: Baris_ = []
    try:
        for index, cells in enumerate(sheet.iter_rows(), start=1):
            if index > MAX_BARIS + 1:
                buku.galat_sel(
                    name,
                    f"A{index}",
                    f"lembar {name} berisi lebih dari {MAX_BARIS:,} baris".replace(",", ".")
                    + "; hapus baris di bawah data (juga yang tampak kosong)",
                )
                return None
            found = [_sel(c) for c in cells if c.value is not None]
            if found:
                rows.append((index, found))
    except Exception:  # a damaged sheet part: zlib, XML or value errors inside openpyxl
        buku.galat_sel(
            name, "A1", f"lembar {name} rusak dan tidak dapat dibaca; simpan ulang dari Excel"
        )
        return None
    return rows


def _sel(cell: Any) -> Sel:
    value = cell.value
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if cell.data_type == "f" and not isinstance(value, str):
        value = getattr(value, "text", str(value))  # an array formula
    return Sel(cell.column, value, cell.data_type, cell.number_format if number else "")


# --- header and rows --------------------------------------------------------------------------


def _lembar(buku: Buku, name: str, cells: Baris_) -> None:
    rows = iter(cells)
    first = next(rows, None)
    header = _judul(buku, name, first[1] if first and first[0] == 1 else [])
    if first and first[0] != 1:
        rows = iter(cells)
    letters = {col: get_column_letter(col) for col in header}
    result: list[Baris] = []
    for index, found in rows:
        row = Baris(name, {}, {h: f"{letters[c]}{index}" for c, h in header.items() if h})
        kunci = next((s.nilai for s in found if header.get(s.kolom) == "kunci"), None)
        for sel in found:
            column = header.get(sel.kolom)
            where = f"{get_column_letter(sel.kolom)}{index}"
            if column == "":
                continue  # under a refused header, reported there
            if column is None:
                if not (isinstance(sel.nilai, str) and not sel.nilai.strip()):
                    buku.galat_sel(
                        name,
                        where,
                        "sel ini berisi nilai, tetapi kolomnya tidak berjudul; hapus isinya atau"
                        " pindahkan ke kolom yang benar",
                    )
                continue
            try:
                text, persen = _nilai(sel, name, column, kunci)
            except _Tolak as exc:
                buku.galat_sel(name, where, str(exc))
                continue
            if text is not None:
                row.values[column] = text
                if persen:
                    row.persen.add(column)
        if row.values:
            result.append(row)
    buku.rows[name] = result


def _judul(buku: Buku, name: str, cells: list[Sel]) -> dict[int, str]:
    """The header of a sheet, column number → name; every problem with it reported. A column
    whose header is refused is named '' (its cells are not reported again)."""
    required = lembar.KOLOM[name]
    yearly = lembar.TAHUNAN.get(name, ())
    header: dict[int, str] = {}
    seen: dict[str, str] = {}
    for sel in cells:
        where = f"{get_column_letter(sel.kolom)}1"
        text = str(sel.nilai).strip() if sel.jenis not in ("f", "e") else ""
        if not text:
            continue
        match = _TAHUN_KOLOM.fullmatch(text)
        if text not in required and not (match and match.group(1) in yearly):
            year = re.search(r"\d{4}", text)
            hint = saran(text, required + [f"{k} {year.group(0) if year else ''}" for k in yearly])
            buku.galat_sel(
                name,
                where,
                f"kolom '{text}' tidak dikenal di lembar {name}: hapus kolom ini atau kembalikan"
                f" judulnya{hint}",
            )
            header[sel.kolom] = ""
            continue
        if text in seen:
            buku.galat_sel(name, where, f"kolom '{text}' sudah ada di {seen[text]}")
            header[sel.kolom] = ""
            continue
        seen[text] = where
        header[sel.kolom] = text
    for column in required:
        if column not in seen:
            buku.galat_sel(
                name,
                "A1",
                f"kolom '{column}' tidak ada di baris judul lembar {name}; kembalikan kolom itu"
                " (ekspor ulang untuk melihat susunannya)",
            )
    buku.kolom[name] = [h for h in header.values() if h]
    return header


def _nilai(sel: Sel, sheet: str, column: str, kunci: Any) -> tuple[str | None, bool]:
    """The text a cell stands for and whether it was a percentage in a column of measured
    values; or :class:`_Tolak` saying why it cannot be taken."""
    value = sel.nilai
    kind = lembar.jenis_kolom(sheet, column)
    if sel.jenis == "f":
        raise _Tolak(
            f"sel berisi rumus ({value}) tanpa nilai tersimpan: buka dan simpan buku kerja di"
            " Excel atau LibreOffice agar nilainya dihitung, atau ketik nilainya"
        )
    if sel.jenis == "e":
        raise _Tolak(f"sel berisi galat Excel {value}; perbaiki isinya")
    if isinstance(value, str):
        text = value.strip()
        if kind == "angka" and text.endswith("%"):
            return text[:-1].rstrip() or None, True  # "90%" in a target cell means 90
        return text or None, False
    if isinstance(value, bool):
        raise _Tolak("sel berisi nilai logika (TRUE/FALSE); ketik isinya sebagai teks")
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise _Tolak(
            f"Excel menyimpan isian ini sebagai tanggal atau jam ({value}); ketik sebagai teks"
            " (format sel Teks, atau awali dengan tanda petik ')"
        )
    if not isinstance(value, int | float):
        raise _Tolak(f"isi sel tidak dikenal ({type(value).__name__})")
    if (sheet, column) in lembar.NIP or (
        sheet == "Dinas" and column == "nilai" and kunci == "kepala.nip"
    ):
        raise _Tolak(
            f"NIP diketik sebagai angka ({value}): Excel hanya menyimpan 15 angka, jadi NIP 18"
            " angka sudah berubah; ketik NIP sebagai teks (format sel Teks, atau awali dengan"
            " tanda petik: '19620412 198303 1 015)"
        )
    if kind == "teks":
        raise _Tolak(
            f"kolom '{column}' berisi kode atau teks, tetapi sel ini berupa angka ({value}) yang"
            " mungkin sudah diubah Excel (1.10 menjadi 1,1; 01 menjadi 1); ketik sebagai teks"
            " (format sel Teks, atau awali dengan tanda petik ')"
        )
    number = _desimal(value)
    if number is None:
        raise _Tolak(f"'{value}' bukan angka yang sah")
    if "%" in sel.format:
        if kind == "uang":
            raise _Tolak("rupiah tidak boleh berupa persen; ketik jumlah rupiahnya")
        number = (number * 100).normalize()
        if kind != "angka":
            return f"{_teks(number, indonesia=True)}%", False
        return _teks(number, indonesia=True), True
    return _teks(number, indonesia=kind in ("angka", "uang")), False


def _desimal(value: int | float) -> Decimal | None:
    """A number with the digits Excel shows (15 significant): 80.94000000000001 → 80.94."""
    if isinstance(value, int):
        return Decimal(value)
    if not math.isfinite(value):
        return None
    return Decimal(format(value, ".15g")).normalize()


def _teks(number: Decimal, indonesia: bool) -> str:
    if number == number.to_integral_value():
        return str(int(number))
    text = format(number, "f")
    return text.replace(".", ",") if indonesia else text
