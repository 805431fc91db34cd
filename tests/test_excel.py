"""Excel out and back in: nothing lost, user edits land, broken workbooks change nothing."""

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from dokgen.build import build
from dokgen.checks import periksa
from dokgen.cli import app
from dokgen.diff import bandingkan
from dokgen.errors import DataError
from dokgen.excel.ekspor import ekspor
from dokgen.excel.impor import impor
from dokgen.excel.lembar import LEMBAR
from dokgen.load import load
from tests.conftest import CONTOH, DATA
from tests.docxread import lines, open_docx

runner = CliRunner()


def copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(DATA / name, folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", [p.name for p in CONTOH])
def test_export_then_import_changes_nothing(tmp_path, name):
    folder = copy(tmp_path, name)
    before = snapshot(folder)
    workbook = tmp_path / "buku.xlsx"
    workbook.write_bytes(ekspor(load(folder, pembanding=False)))
    result = impor(workbook, folder)
    assert result.diubah == [] and result.dihapus == []
    assert snapshot(folder) == before
    assert bandingkan(load(DATA / name), load(folder, pembanding=False)) == []


def workbook_of(tmp_path: Path, folder: Path):
    path = tmp_path / "buku.xlsx"
    path.write_bytes(ekspor(load(folder)))
    return path, load_workbook(path)


def column(sheet, name: str) -> int:
    return [c.value for c in sheet[1]].index(name) + 1


def test_a_workbook_edited_as_a_user_would_imports_checks_and_builds(tmp_path):
    folder = copy(tmp_path, "lumajang-diskopum")
    path, book = workbook_of(tmp_path, folder)
    indikator = book["Indikator"]
    row = next(r for r in range(2, indikator.max_row + 1) if indikator.cell(r, 1).value == "IKU-1")
    indikator.cell(row, column(indikator, "target 2021"), "81,50")
    book["Jabatan"].append(
        [
            "kasubag-umum",
            "KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN",
            None,
            None,
            "struktural",
            "Menyusun rencana kerja\nMengelola administrasi kepegawaian",
            None,
        ]
    )
    iki = book["IKI"]
    header = [c.value for c in iki[1]]
    for uraian, pembilang in [
        ("Persentase dokumen kepegawaian tepat waktu", "Dokumen tepat"),
        ("Persentase surat yang diagendakan", "Surat diagendakan"),
    ]:
        row_values = dict.fromkeys(header)
        row_values.update(
            jabatan="kasubag-umum",
            sasaran="Meningkatnya pelayanan administrasi",
            uraian=uraian,
            pembilang=pembilang,
            penyebut="Seluruhnya",
            sumber_data="Arsip",
            mendukung="IKU-1",
        )
        iki.append([row_values[h] for h in header])
    book["Realisasi"].append([2019, 3, "indikator", "IKU-1", "75,10"])
    book["Realisasi"].append([2019, 3, "anggaran", "1.1", "1.234.567"])
    row3 = next(r for r in range(2, indikator.max_row + 1) if indikator.cell(r, 1).value == "IKU-3")
    indikator.cell(row3, column(indikator, "tahun_dasar"), "1.234,5")
    book.save(path)

    result = impor(path, folder)
    assert sorted(p.name for p in result.diubah) == [
        "01-kasubag-umum.yaml",
        "2019-3.yaml",
        "renstra.yaml",
    ]
    data = load(folder)
    iku = data.renstra.tujuan[0].sasaran[0].indikator[0]
    assert str(iku.target[2021]) == "81.50"
    assert str(data.realisasi[-1].indikator["IKU-1"]) == "75.10"
    assert data.realisasi[-1].anggaran["1.1"] == 1234567
    iku3 = data.renstra.tujuan[1].sasaran[0].indikator[0]
    assert str(iku3.tahun_dasar) == "1234.5"  # "1.234,5" read the Indonesian way
    assert [f for f in periksa(data) if f.severity == "galat"] == []
    out = tmp_path / "out"
    build(folder, out)
    card = lines(open_docx(out / "iki" / "01-kasubag-umum.docx"))
    assert "1.\tJABATAN\t: KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN" in card
    assert "b.\tMengelola administrasi kepegawaian" in card
    assert (out / "lkj-2019-tw3.docx").is_file()
    # comments of the unchanged parts stay
    assert "# seed 000 tidak menyebut sumber data" in (folder / "renstra.yaml").read_text()


CASES = [  # sheet, edit (row, column name, value), expected cell, words
    ("Indikator", ("IKU-1", "target 2020", "delapan puluh"), "bukan angka"),
    ("Kegiatan", ("4.2", "kode", "4.1"), "sudah dipakai"),
    ("Program", ("5", "nama", None), "wajib diisi"),
    ("Indikator", ("IKU-3", "induk", "S9"), "sasaran 'S9' tidak ada"),
]


@pytest.mark.parametrize(("sheet_name", "edit", "words"), CASES, ids=[c[0] + c[2] for c in CASES])
def test_broken_workbook_names_sheet_and_cell_and_changes_nothing(
    tmp_path, sheet_name, edit, words
):
    folder = copy(tmp_path, "lumajang-diskopum")
    before = snapshot(folder)
    path, book = workbook_of(tmp_path, folder)
    sheet = book[sheet_name]
    kode, name, value = edit
    row = next(r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 1).value) == kode)
    cell = sheet.cell(row, column(sheet, name))
    cell.value = value
    book.save(path)
    with pytest.raises(DataError) as caught:
        impor(path, folder)
    found = {str(m.location): m.message for m in caught.value.problems}
    assert words in found[f"buku.xlsx {sheet_name}!{cell.coordinate}"]
    assert snapshot(folder) == before


def test_unknown_jabatan_in_iki_sheet(tmp_path):
    folder = copy(tmp_path, "malang-diskopum")
    path, book = workbook_of(tmp_path, folder)
    book["IKI"]["A2"] = "sekretaris-dinas"
    book.save(path)
    result = runner.invoke(app, ["excel", "impor", str(folder), str(path)])
    assert result.exit_code == 2
    assert "buku.xlsx IKI!A2: jabatan 'sekretaris-dinas' tidak ada di lembar Jabatan" in (
        result.output
    )


def test_new_dinas_scaffold_exports_an_empty_workbook(tmp_path):
    folder = tmp_path / "dinas-baru"
    assert runner.invoke(app, ["baru", str(folder)]).exit_code == 0
    workbook = tmp_path / "kosong.xlsx"
    result = runner.invoke(app, ["excel", "ekspor", str(folder), str(workbook)])
    assert result.exit_code == 0, result.output
    book = load_workbook(workbook)
    assert tuple(book.sheetnames[:10]) == LEMBAR
    assert book["Indikator"].max_row == 1 and book["Jabatan"].max_row == 1
    assert book["Indikator"].freeze_panes == "A2"
    assert [c.value for c in book["Indikator"][1]][-12:-6] == [
        f"target {y}" for y in range(2026, 2032)
    ]
    assert runner.invoke(app, ["excel", "ekspor", str(folder), str(workbook)]).exit_code == 0


def test_findings_after_an_import_name_the_cell_the_value_came_from(tmp_path):
    """The check run after `excel impor` names file:line and the workbook cell the value was
    typed in."""
    folder = copy(tmp_path, "lumajang-diskopum")
    path, book = workbook_of(tmp_path, folder)
    iki = book["Indikator"]
    row = next(r for r in range(2, iki.max_row + 1) if iki.cell(r, 1).value == "IKU-1")
    iki.cell(row, column(iki, "uraian")).value = "Persentase koperasi sehat Dinas Pendidikan"
    book.save(path)
    result = runner.invoke(app, ["excel", "impor", str(folder), str(path)])
    assert result.exit_code == 0, result.output
    (line,) = [x for x in result.output.splitlines() if "KON001" in x]
    cell = f"Indikator!{iki.cell(row, column(iki, 'uraian')).coordinate}"
    assert line.endswith(f"[buku.xlsx {cell}]"), line
    renstra = (folder / "renstra.yaml").read_text().splitlines()
    number = int(line.split()[0])
    assert "Dinas Pendidikan" in renstra[number - 1]


def test_an_iki_rows_own_target_goes_out_and_comes_back(tmp_path):
    folder = copy(tmp_path, "contoh-lengkap")
    path, book = workbook_of(tmp_path, folder)
    iki = book["IKI"]
    row = next(r for r in range(2, iki.max_row + 1) if iki.cell(r, 3).value == "SEK-1")
    assert iki.cell(row, column(iki, "target 2019")).value == "100"
    iki.cell(row, column(iki, "target 2019"), "95,5")
    book.save(path)
    result = impor(path, folder)
    assert [p.name for p in result.diubah] == ["01-sekretaris.yaml"]
    sekretaris = next(j for j in load(folder).jabatan if j.kode == "sekretaris")
    assert str(sekretaris.iki[0].indikator[0].target[2019]) == "95.5"


def test_a_workbook_without_the_iki_target_columns_is_refused(tmp_path):
    folder = copy(tmp_path, "contoh-lengkap")
    before = snapshot(folder)
    path, book = workbook_of(tmp_path, folder)
    iki = book["IKI"]
    years = [c.column for c in iki[1] if str(c.value).startswith("target ")]
    for index in sorted(years, reverse=True):
        iki.delete_cols(index)
    book.save(path)
    with pytest.raises(DataError) as error:
        impor(path, folder)
    assert "IKI!A1" in str(error.value) and "kolom 'target 2019' tidak ada" in str(error.value)
    assert snapshot(folder) == before
