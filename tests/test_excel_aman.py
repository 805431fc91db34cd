"""`excel impor` against hostile and mistaken workbooks and folders (issue 16).

Every refusal: exit 2, one Indonesian sentence naming the file and sheet!cell, no traceback, and
the data folder — and everything around it — unchanged byte for byte. A failure while writing
leaves the folder as it was, and the next run recovers.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from dokgen.cli import app
from dokgen.errors import DataError
from dokgen.excel import baca, berkas, tulis
from dokgen.excel.ekspor import ekspor
from dokgen.excel.impor import impor
from dokgen.load import load
from tests.conftest import DATA, ROOT

runner = CliRunner()
LUMAJANG = "lumajang-diskopum"
MALANG = "malang-diskopum"


# --- helpers ----------------------------------------------------------------------------------


def copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "data" / name
    shutil.copytree(DATA / name, folder)
    return folder


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``root`` (hidden ones too) with its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes() if p.is_file() else None
        for p in sorted(root.rglob("*"))
    }


def export(tmp_path: Path, folder: Path) -> tuple[Path, Workbook]:
    path = tmp_path / "buku.xlsx"
    path.write_bytes(ekspor(load(folder, pembanding=False)))
    return path, load_workbook(path)


def column(sheet: Worksheet, name: str) -> int:
    return [c.value for c in sheet[1]].index(name) + 1


def row_of(sheet: Worksheet, kode: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 1).value) == kode)


def refused(tmp_path: Path, path: Path, folder: Path, *words: str) -> str:
    """Run the CLI; it must refuse with ``words`` in its message and change nothing at all."""
    before = snapshot(tmp_path)
    result = runner.invoke(app, ["excel", "impor", str(folder), str(path)])
    output = result.output
    assert result.exit_code == 2, output
    assert "Traceback" not in output
    for word in words:
        assert word in output, output
    assert snapshot(tmp_path) == before
    return output


def edit_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one part of the .xlsx zip (what Excel, not openpyxl, would have written)."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, change(data) if info.filename == part else data)
    path.write_bytes(buffer.getvalue())


def sheet_part(path: Path, name: str) -> str:
    from dokgen.excel.lembar import LEMBAR

    return f"xl/worksheets/sheet{LEMBAR.index(name) + 1}.xml"


def set_cell_xml(path: Path, sheet: str, cell: str, xml: str) -> None:
    """Replace cell ``cell`` of ``sheet`` by the XML ``xml`` (formulas with saved values …)."""

    def change(data: bytes) -> bytes:
        pattern = rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)'.encode()
        new, count = re.subn(pattern, xml.encode(), data, count=1, flags=re.S)
        assert count == 1, cell
        return new

    edit_part(path, sheet_part(path, sheet), change)


def target_2021(folder: Path, kode: str = "IKU-1") -> Any:
    data = load(folder, pembanding=False)
    assert data.renstra is not None
    from dokgen.load import semua_indikator

    return next(i for i in semua_indikator(data.renstra) if i.kode == kode).target[2021]


# --- confinement: every value that becomes a file name ----------------------------------------


@pytest.mark.parametrize(
    "kode", ["../../x", "/tmp/dokgen-luar", "..", "a" * 300, "CON", "kasubag umum", "x/y"]
)
def test_jabatan_kode_that_is_no_plain_file_name_is_refused(tmp_path, kode):
    folder = copy(tmp_path, MALANG)
    path, book = export(tmp_path, folder)
    sheet = book["Jabatan"]
    sheet.append([kode, "JABATAN BARU", None, None, "struktural", "Tugas"])
    book.save(path)
    refused(tmp_path, path, folder, f"buku.xlsx Jabatan!A{sheet.max_row}: kode jabatan")
    assert not Path("/tmp/dokgen-luar").exists()


@pytest.mark.parametrize(
    ("tahun", "triwulan", "cell", "words"),
    [
        ("../../../luar", 1, "A", "tahun '../../../luar' tidak sah"),
        ("/tmp/dokgen-luar", 1, "A", "tidak sah"),
        ("CON", 1, "A", "tahun 'CON' tidak sah"),
        (2019.5, 1, "A", "tidak sah"),
        (2019, "../../x", "B", "triwulan '../../x' tidak sah"),
        (2019, 5, "B", "triwulan '5' tidak sah"),
        (2019, 0, "B", "triwulan '0' tidak sah"),
    ],
)
def test_realisasi_tahun_and_triwulan_must_make_a_plain_file_name(
    tmp_path, tahun, triwulan, cell, words
):
    folder = copy(tmp_path, LUMAJANG)
    path, book = export(tmp_path, folder)
    sheet = book["Realisasi"]
    sheet.append([tahun, triwulan, "indikator", "IKU-1", "75,1"])
    book.save(path)
    refused(tmp_path, path, folder, f"buku.xlsx Realisasi!{cell}{sheet.max_row}: ", words)
    assert not list(tmp_path.glob("luar*")) and not Path("/tmp/dokgen-luar-1.yaml").exists()


def test_jabatan_folder_linked_out_of_the_data_folder_is_not_written_through(tmp_path):
    folder = copy(tmp_path, MALANG)
    outside = tmp_path / "luar"
    (folder / "jabatan").rename(outside)
    (folder / "jabatan").symlink_to(outside, target_is_directory=True)
    path, book = export(tmp_path, folder)
    book["Jabatan"].append(["kasubag-baru", "KASUBAG BARU", None, None, "struktural", "Tugas"])
    book.save(path)
    refused(tmp_path, path, folder, "bukan nama berkas di dalam folder data")


def test_logo_outside_the_data_folder_is_refused_at_its_cell(tmp_path):
    folder = copy(tmp_path, MALANG)
    path, book = export(tmp_path, folder)
    sheet = book["Dinas"]
    sheet.cell(row_of(sheet, "logo"), 2, "../../../etc/passwd")
    book.save(path)
    refused(tmp_path, path, folder, f"buku.xlsx Dinas!B{row_of(sheet, 'logo')}: logo")


def test_journal_naming_a_path_outside_is_refused_not_followed(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    victim = tmp_path / "korban.yaml"
    victim.write_text("penting: ya\n")
    (folder / tulis.JURNAL).write_text('{"berkas": [["../../korban.yaml", false]], "folder": []}')
    with pytest.raises(DataError) as caught:
        tulis.pulihkan(folder)
    assert "bukan nama berkas di dalam folder data" in str(caught.value)
    assert victim.read_text() == "penting: ya\n"


# --- all or nothing across files --------------------------------------------------------------


def five_changes(tmp_path: Path) -> tuple[Path, Path]:
    """Malang with a workbook that changes four jabatan files and removes one."""
    folder = copy(tmp_path, MALANG)
    path, book = export(tmp_path, folder)
    sheet = book["Jabatan"]
    for row in range(2, 6):
        sheet.cell(row, column(sheet, "nama"), f"JABATAN DIUBAH {row}")
    removed = sheet.cell(sheet.max_row, 1).value
    sheet.delete_rows(sheet.max_row)
    iki = book["IKI"]
    for row in range(iki.max_row, 1, -1):
        if iki.cell(row, 1).value == removed:
            iki.delete_rows(row)
    book.save(path)
    return path, folder


def expected_after(tmp_path: Path, path: Path) -> dict[str, bytes | None]:
    """The folder after a clean import of ``path`` (into a fresh copy)."""
    clean = copy(tmp_path / "bersih", MALANG)
    result = impor(path, clean)
    assert len(result.diubah) == 4 and len(result.dihapus) == 1
    return snapshot(clean)


def test_disk_full_while_writing_the_third_of_five_files_changes_nothing(tmp_path, monkeypatch):
    path, folder = five_changes(tmp_path)
    expected = expected_after(tmp_path, path)
    before = snapshot(folder)
    real = tulis._tulis_baru
    calls = []

    def full(*args: Any) -> None:
        calls.append(args)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(*args)

    monkeypatch.setattr(tulis, "_tulis_baru", full)
    result = runner.invoke(app, ["excel", "impor", str(folder), str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "disk penuh" in result.output and "tidak diubah" in result.output
    assert snapshot(folder) == before
    monkeypatch.undo()
    assert runner.invoke(app, ["excel", "impor", str(folder), str(path)]).exit_code == 0
    assert snapshot(folder) == expected


def test_permission_denied_on_the_third_rename_puts_every_file_back(tmp_path, monkeypatch):
    path, folder = five_changes(tmp_path)
    expected = expected_after(tmp_path, path)
    before = snapshot(folder)
    real = os.replace
    calls = []

    def locked(src: Any, dst: Any) -> None:
        calls.append(dst)
        if len(calls) == 4:  # the journal, two files moved into place, then this one
            raise PermissionError(errno.EACCES, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(DataError) as caught:
        impor(path, folder)
    monkeypatch.undo()
    assert "izin ditolak" in str(caught.value)
    assert snapshot(folder) == before
    impor(path, folder)
    assert snapshot(folder) == expected


KILL = """
import os, sys
from pathlib import Path
folder, name, at = sys.argv[2], sys.argv[3], int(sys.argv[4])
real = getattr(os, name)
calls = []
def killing(*args, **kwargs):
    if any(folder in str(a) for a in args[:2]):
        calls.append(args)
        if len(calls) == at:
            os._exit(9)  # killed: no cleanup, no finally
    return real(*args, **kwargs)
setattr(os, name, killing)
from dokgen.excel.impor import impor
impor(Path(sys.argv[1]), Path(folder))
"""


@pytest.mark.parametrize(
    ("name", "at", "committed"),
    [
        ("open", 4, False),  # writing the third new file
        ("replace", 3, False),  # two files moved into place, the third not
        ("link", 5, False),  # keeping the file about to be removed
        ("unlink", 11, False),  # removing it
        ("unlink", 12, False),  # every file in place, the journal not yet removed
        ("unlink", 14, True),  # the import happened; cleaning up the kept files
    ],
)
def test_an_import_killed_at_any_step_is_recovered_by_the_next_run(tmp_path, name, at, committed):
    path, folder = five_changes(tmp_path)
    expected = expected_after(tmp_path, path)
    before = snapshot(folder)
    killed = subprocess.run(
        [sys.executable, "-c", KILL, str(path), str(folder), name, str(at)], cwd=ROOT, check=False
    )
    assert killed.returncode == 9
    assert (folder / tulis.JURNAL).is_file() is not committed
    assert snapshot(folder) not in (before, expected)  # cut short: leftovers, half the files
    halfway = tmp_path / "setengah"
    shutil.copytree(folder, halfway)
    assert tulis.pulihkan(halfway) is not committed
    assert snapshot(halfway) == (expected if committed else before)
    result = runner.invoke(app, ["excel", "impor", str(folder), str(path)])
    assert result.exit_code == 0, result.output
    assert snapshot(folder) == expected
    said = "Impor sebelumnya terputus di tengah jalan; folder data dipulihkan lebih dulu."
    assert (said in result.output) is not committed  # the clerk is told when it was undone


def test_read_only_data_folder_is_refused_in_one_sentence(tmp_path, monkeypatch):
    """A folder the user may not write to: new files cannot be created in it (simulated, since
    root, who runs the tests in CI, may write anywhere)."""
    path, folder = five_changes(tmp_path)
    before = snapshot(folder)
    real = os.open

    def read_only(file, flags, *args, **kwargs):
        if flags & os.O_CREAT and str(file).startswith(str(folder)):
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    result = runner.invoke(app, ["excel", "impor", str(folder), str(path)])
    monkeypatch.undo()
    assert result.exit_code == 2 and "izin ditolak" in result.output, result.output
    assert snapshot(folder) == before


# --- cells: read as meant, or refused at their cell -------------------------------------------


def edit(
    tmp_path: Path, name: str, sheet_name: str, kode: str, col: str, value: Any, fmt: str = ""
):
    folder = copy(tmp_path, name)
    path, book = export(tmp_path, folder)
    sheet = book[sheet_name]
    cell = sheet.cell(row_of(sheet, kode), column(sheet, col))
    cell.value = value
    if fmt:
        cell.number_format = fmt
    book.save(path)
    return path, folder, f"buku.xlsx {sheet_name}!{cell.coordinate}"


def test_formula_without_a_saved_value_is_refused_not_read_as_empty(tmp_path):
    path, folder, where = edit(tmp_path, LUMAJANG, "Indikator", "IKU-1", "target 2021", "=80+1")
    refused(tmp_path, path, folder, f"{where}: sel berisi rumus (=80+1) tanpa nilai tersimpan")


def test_formula_with_the_value_excel_saved_is_read_as_that_value(tmp_path):
    path, folder, where = edit(tmp_path, LUMAJANG, "Indikator", "IKU-1", "target 2021", "x")
    cell = where.rsplit("!", 1)[1]
    set_cell_xml(path, "Indikator", cell, f'<c r="{cell}"><f>80+1.5</f><v>81.5</v></c>')
    impor(path, folder)
    assert str(target_2021(folder)) == "81.5"


@pytest.mark.parametrize(
    ("sheet", "kode", "col"),
    [("Jabatan", "sekretaris", "pemangku.nip"), ("Dinas", "kepala.nip", "nilai")],
)
def test_nip_typed_as_a_number_is_refused(tmp_path, sheet, kode, col):
    path, folder, where = edit(tmp_path, MALANG, sheet, kode, col, 196204121983031015)
    refused(tmp_path, path, folder, f"{where}: NIP diketik sebagai angka", "sebagai teks")


def test_percentage_in_a_target_cell_is_the_number_typed(tmp_path):
    path, folder, _ = edit(tmp_path, LUMAJANG, "Indikator", "IKU-1", "target 2021", 0.905, "0.0%")
    impor(path, folder)
    assert str(target_2021(folder)) == "90.5"


def test_percent_sign_typed_as_text_in_a_target_cell_is_the_number(tmp_path):
    path, folder, _ = edit(tmp_path, LUMAJANG, "Indikator", "IKU-1", "target 2021", "90 %")
    impor(path, folder)
    assert target_2021(folder) == 90


def test_percentage_of_money_is_refused(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    path, book = export(tmp_path, folder)
    sheet = book["Realisasi"]
    sheet.append([2019, 3, "anggaran", "1.1", 0.5])
    sheet.cell(sheet.max_row, 5).number_format = "0%"
    book.save(path)
    refused(tmp_path, path, folder, f"Realisasi!E{sheet.max_row}: rupiah tidak boleh berupa persen")


@pytest.mark.parametrize(
    ("sheet", "kode", "col", "value", "words"),
    [
        ("Indikator", "IKU-1", "uraian", dt.datetime(2021, 1, 2), "sebagai tanggal atau jam"),
        ("Kegiatan", "1.1", "kode", dt.datetime(2021, 1, 1), "sebagai tanggal atau jam"),
        ("Kegiatan", "1.1", "kode", 1.1, "berupa angka (1.1)"),
        ("Program", "5", "kode", 5, "berupa angka (5)"),
        ("Indikator", "IKU-1", "uraian", True, "nilai logika"),
    ],
)
def test_a_value_excel_changed_is_refused_at_its_cell(tmp_path, sheet, kode, col, value, words):
    path, folder, where = edit(tmp_path, LUMAJANG, sheet, kode, col, value)
    refused(tmp_path, path, folder, f"{where}: ", words)


@pytest.mark.parametrize(
    ("xml", "words"),
    [
        ('<c r="{c}" t="e"><v>#REF!</v></c>', "galat Excel #REF!"),
        ('<c r="{c}"><v>1e999</v></c>', "bukan angka yang sah"),
        ('<c r="{c}" t="e"><f>1/0</f><v>#DIV/0!</v></c>', "galat Excel #DIV/0!"),
    ],
)
def test_error_values_and_infinity_are_refused_at_their_cell(tmp_path, xml, words):
    path, folder, where = edit(tmp_path, LUMAJANG, "Indikator", "IKU-1", "target 2021", "x")
    cell = where.rsplit("!", 1)[1]
    set_cell_xml(path, "Indikator", cell, xml.format(c=cell))
    refused(tmp_path, path, folder, f"{where}: ", words)


def test_nip_and_code_columns_are_exported_as_text(tmp_path):
    folder = copy(tmp_path, MALANG)
    _, book = export(tmp_path, folder)
    jabatan = book["Jabatan"]
    for name in ("kode", "atasan", "pemangku.nip"):
        letter = jabatan.cell(1, column(jabatan, name)).column_letter
        assert jabatan.column_dimensions[letter].number_format == "@"
        assert {c.number_format for c in jabatan[letter][1:]} == {"@"}
    dinas = book["Dinas"]
    assert dinas.cell(row_of(dinas, "kepala.nip"), 2).number_format == "@"
    for sheet, name in [("Kegiatan", "kode"), ("Realisasi", "kode"), ("IKI", "mendukung")]:
        letter = book[sheet].cell(1, column(book[sheet], name)).column_letter
        assert book[sheet].column_dimensions[letter].number_format == "@"
    assert jabatan.cell(2, column(jabatan, "nama")).number_format == "General"


def test_text_that_starts_with_an_equals_sign_stays_text(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    renstra = folder / "renstra.yaml"
    text = renstra.read_text()
    uraian = re.search(r"uraian: (.+)", text)
    assert uraian
    renstra.write_text(text.replace(uraian.group(0), "uraian: '=B2 dibagi C2'", 1))
    before = snapshot(folder)
    path, book = export(tmp_path, folder)
    found = [
        c
        for row in book.worksheets
        for r in row.iter_rows()
        for c in r
        if c.value == "=B2 dibagi C2"
    ]
    assert found and all(c.data_type == "s" for c in found)
    impor(path, folder)
    assert snapshot(folder) == before


def test_text_excel_cannot_hold_is_refused_on_export(tmp_path):
    folder = copy(tmp_path, MALANG)
    data = load(folder, pembanding=False)
    data.jabatan[1].nama = "SEKRETARIS\x07DINAS"
    with pytest.raises(DataError) as caught:
        ekspor(data)
    assert "Jabatan!B3: teks berisi karakter kendali" in str(caught.value)


# --- the workbook file ------------------------------------------------------------------------


def bomb(lying: bool = False) -> bytes:
    """A workbook whose Realisasi sheet inflates to 32 MB of spaces (32 KB packed; the test
    lowers the limit to 16 MB);
    ``lying``: its zip headers claim 1,000 bytes instead."""
    folder = DATA / LUMAJANG
    good = zipfile.ZipFile(io.BytesIO(ekspor(load(folder, pembanding=False))))
    buffer = io.BytesIO()
    part = "xl/worksheets/sheet10.xml"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in good.infolist():
            if info.filename != part:
                target.writestr(info, good.read(info))
        with target.open(part, "w", force_zip64=True) as sheet:
            sheet.write(b"<worksheet><sheetData>")
            for _ in range(32):
                sheet.write(b" " * 2**20)
            sheet.write(b"</sheetData></worksheet>")
    data = buffer.getvalue()
    if lying:  # rewrite the size in the local (zip64, 8 bytes) and central (4 bytes) headers
        size = 32 * 2**20 + 46
        for width in (8, 4):
            old = size.to_bytes(width, "little")
            assert old in data
            data = data.replace(old, (1000).to_bytes(width, "little"))
    return data


DTD = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (lambda good: bomb(), "terlalu besar setelah dibuka"),
        (lambda good: bomb(lying=True), "rusak atau terpotong"),
        (lambda good: good[: len(good) // 2], "rusak atau terpotong"),
        (lambda good: good[:-30], "rusak atau terpotong"),
        (lambda good: b"nama;nilai\n1;2\n", "bukan buku kerja Excel (.xlsx)"),
        (lambda good: b"", "bukan buku kerja Excel (.xlsx)"),
        (lambda good: berkas.OLE + b"\0" * 600, "Excel 97–2003 (.xls)"),
        (lambda good: zipped({"mimetype": b"application/vnd.oasis"}), "OpenDocument (.ods)"),
        (lambda good: zipped({"a.txt": b"x"}), "bukan buku kerja Excel (.xlsx)"),
        (lambda good: replace_part(good, "xl/workbook.xml", b"<x"), "buku kerja rusak"),
        (
            lambda good: cut_part(good, "xl/worksheets/sheet5.xml"),
            "Indikator!A1: lembar Indikator rusak",
        ),
        (lambda good: replace_part(good, "xl/worksheets/sheet5.xml", DTD + b"<worksheet/>"), "DTD"),
    ],
    ids=[
        "bom-zip",
        "bom-zip-berbohong",
        "terpotong",
        "tanpa-direktori",
        "csv",
        "kosong",
        "xls",
        "ods",
        "zip-lain",
        "workbook-rusak",
        "lembar-rusak",
        "dtd",
    ],
)
def test_broken_or_foreign_files_are_refused_in_one_sentence(tmp_path, monkeypatch, content, words):
    monkeypatch.setattr(berkas, "MAX_ISI", 16 * 2**20)
    folder = copy(tmp_path, LUMAJANG)
    good = ekspor(load(folder, pembanding=False))
    path = tmp_path / "buku.xlsx"
    path.write_bytes(content(good))
    refused(tmp_path, path, folder, words)


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return buffer.getvalue()


def replace_part(good: bytes, part: str, data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(good))
    return zipped(
        {i.filename: data if i.filename == part else source.read(i) for i in source.infolist()}
    )


def cut_part(good: bytes, part: str) -> bytes:
    data = zipfile.ZipFile(io.BytesIO(good)).read(part)
    return replace_part(good, part, data[: len(data) * 2 // 3])


def test_missing_sheet_is_named_with_the_closest_name(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    path, book = export(tmp_path, folder)
    book["Indikator"].title = "indikator"
    book.save(path)
    refused(tmp_path, path, folder, "Indikator!A1: lembar 'Indikator' tidak ada — maksud Anda")


def test_missing_file_and_folder_instead_of_file(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    refused(tmp_path, tmp_path / "tidak-ada.xlsx", folder, "tidak dapat dibuka: tidak ada")
    refused(tmp_path, tmp_path / "data", folder, "ini folder")


def test_workbook_too_large_on_disk_is_refused_before_reading(tmp_path, monkeypatch):
    folder = copy(tmp_path, LUMAJANG)
    path, _ = export(tmp_path, folder)
    monkeypatch.setattr(berkas, "MAX_BERKAS", 1000)
    with pytest.raises(DataError, match="buku kerja terlalu besar"):
        impor(path, folder)


def test_a_sheet_of_too_many_rows_is_refused(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    path, _ = export(tmp_path, folder)
    far = baca.MAX_BARIS + 50

    def change(data: bytes) -> bytes:
        row = f'<row r="{far}"><c r="A{far}" t="inlineStr"><is><t>2019</t></is></c></row>'
        return data.replace(b"</sheetData>", row.encode() + b"</sheetData>")

    edit_part(path, sheet_part(path, "Realisasi"), change)
    refused(tmp_path, path, folder, "Realisasi!A100002: lembar Realisasi berisi lebih dari 100.000")


def test_rows_past_a_wrong_recorded_size_are_still_read(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    path, book = export(tmp_path, folder)
    book["Realisasi"].append([2019, 3, "indikator", "IKU-1", "75,1"])
    book.save(path)
    edit_part(
        path,
        sheet_part(path, "Realisasi"),
        lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:E2"/>', d),
    )
    result = impor(path, folder)
    assert folder / "realisasi" / "2019-3.yaml" in result.diubah


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            lambda s: setattr(s.cell(1, column(s, "target 2021")), "value", "Target 2021"),
            "Indikator!S1: kolom 'Target 2021' tidak dikenal di lembar Indikator: hapus kolom"
            " ini atau kembalikan judulnya — maksud Anda 'target 2021'?",
        ),
        (
            lambda s: s.delete_cols(column(s, "sumber_data")),
            "kolom 'sumber_data' tidak ada di baris judul",
        ),
        (
            lambda s: s.delete_cols(column(s, "target 2022")),
            "kolom 'target 2022' tidak ada, padahal 2022 termasuk periode Renstra",
        ),
        (lambda s: s.cell(1, 60, "catatan"), "Indikator!BH1: kolom 'catatan' tidak dikenal"),
        (
            lambda s: s.cell(3, 60, "catatan saya"),
            "Indikator!BH3: sel ini berisi nilai, tetapi kolomnya tidak berjudul",
        ),
        (lambda s: s.cell(1, 60, "uraian"), "Indikator!BH1: kolom 'uraian' sudah ada di D1"),
    ],
    ids=[
        "judul-diganti",
        "kolom-dihapus",
        "tahun-dihapus",
        "kolom-tambahan",
        "tanpa-judul",
        "judul-ganda",
    ],
)
def test_header_must_hold_exactly_the_sheet_columns(tmp_path, change, words):
    folder = copy(tmp_path, LUMAJANG)
    path, book = export(tmp_path, folder)
    change(book["Indikator"])
    book.save(path)
    refused(tmp_path, path, folder, words)


@pytest.mark.parametrize(
    ("kunci", "words"),
    [
        ("Visi", "kunci 'Visi' tidak dikenal — maksud Anda 'visi'?"),
        ("misi", "kunci 'misi' sudah ada"),
    ],
)
def test_renamed_or_repeated_kunci_is_refused(tmp_path, kunci, words):
    folder = copy(tmp_path, LUMAJANG)
    path, book = export(tmp_path, folder)
    sheet = book["Renstra"]
    if kunci == "Visi":
        sheet.cell(row_of(sheet, "visi"), 1, kunci)
    else:
        sheet.append([kunci, "Misi kedua"])
    book.save(path)
    refused(tmp_path, path, folder, "buku.xlsx Renstra!A", words)


# --- the YAML files impor rewrites ------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "damage", "words"),
    [
        (
            "jabatan/01-sekretaris.yaml",
            lambda b: b.replace(b"SEKRETARIS", b"SEKRET\xe4RIS", 1),
            "bukan teks UTF-8 (byte 0xe4)",
        ),
        ("dinas.yaml", lambda b: b"# \xff\xfe\n" + b, "dinas.yaml:1: bukan teks UTF-8"),
        ("dinas.yaml", lambda b: b"nama: [\n" + b, "bukan YAML yang sah"),
        ("dinas.yaml", lambda b: b"- satu\n- dua\n", "harus berupa pemetaan"),
    ],
)
def test_a_data_file_impor_cannot_read_is_named_and_nothing_is_written(
    tmp_path, file, damage, words
):
    folder = copy(tmp_path, MALANG)
    path, book = export(tmp_path, folder)
    book["Jabatan"].append(["kasubag-baru", "KASUBAG BARU", None, None, "struktural", "Tugas"])
    book.save(path)
    target = folder / file
    target.write_bytes(damage(target.read_bytes()))
    refused(tmp_path, path, folder, file.split("/")[-1], words)


def test_windows_line_ends_and_byte_order_mark_are_kept(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    renstra = folder / "renstra.yaml"
    renstra.write_bytes(b"\xef\xbb\xbf" + renstra.read_bytes().replace(b"\n", b"\r\n"))
    path, book = export(tmp_path, folder)
    assert impor(path, folder).diubah == []  # unchanged: not rewritten
    sheet = book["Indikator"]
    sheet.cell(row_of(sheet, "IKU-1"), column(sheet, "target 2021"), "81,5")
    book.save(path)
    impor(path, folder)
    data = renstra.read_bytes()
    assert (
        data.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in data
        and b"\n" not in data.replace(b"\r\n", b"")
    )
    assert str(target_2021(folder)) == "81.5"


def test_jabatan_that_is_a_file_not_a_folder(tmp_path):
    folder = copy(tmp_path, LUMAJANG)
    path, book = export(tmp_path, folder)
    (folder / "jabatan").write_text("bukan folder\n")
    book["Jabatan"].append(["kasubag-baru", "KASUBAG BARU", None, None, "struktural", "Tugas"])
    book.save(path)
    refused(tmp_path, path, folder, "jabatan: harus berupa folder")
