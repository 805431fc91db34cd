"""The Rencana Aksi 2019 of the complete example (Lumajang), read back; and its rule RAK001."""

import shutil
from pathlib import Path

import pytest

from dokgen.build import BuildOptions, Refused, build
from dokgen.checks import periksa
from dokgen.documents import kinds
from dokgen.load import load
from tests.conftest import DATA
from tests.docxread import blocks, lines, open_docx

LENGKAP = DATA / "contoh-lengkap"


@pytest.fixture(scope="module")
def dokumen(tmp_path_factory):
    out = tmp_path_factory.mktemp("rencana-aksi")
    build(LENGKAP, out, BuildOptions(kind="rencana-aksi"))
    return open_docx(out / "rencana-aksi-2019.docx")


def _tables(doc):
    return [b for b in blocks(doc) if not hasattr(b, "text")]


def _rows(table) -> list[list[str]]:
    """Every row's cell texts (a merged cell repeated, as Word shows it per row)."""
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_title_names_the_dinas_and_the_year(dokumen):
    assert lines(dokumen)[:3] == [
        "RENCANA AKSI",
        "DINAS KOPERASI DAN USAHA MIKRO KABUPATEN LUMAJANG",
        "TAHUN 2019",
    ]


def test_every_iku_has_its_year_target_from_the_renstra_and_its_quarters(dokumen):
    table = _tables(dokumen)[0]
    rows = _rows(table)
    assert rows[0][:9] == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
        "SATUAN",
        "TARGET 2019",
        "TW I",
        "TW II",
        "TW III",
        "TW IV",
    ]
    body = [r for r in rows[1:] if r[2]]
    # IKU, satuan with its kind, target 2019 (renstra.yaml), TW I–IV as written (two decimals kept)
    assert [(r[2], r[3], r[4], r[5:9]) for r in body] == [
        (
            "Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)",
            "%\n(nilai akhir)",
            "80,94",
            ["80,50", "80,65", "80,80", "80,94"],
        ),
        (
            "Persentase Koperasi Sehat dan Cukup Sehat",
            "%\n(nilai akhir)",
            "86,7",
            ["85,0", "85,8", "86,2", "86,7"],
        ),
        (
            "Persentase Perkembangan Usaha Mikro",
            "%\n(nilai akhir)",
            "12,73",
            ["11,50", "12,00", "12,40", "12,73"],
        ),
    ]
    # sasaran: merged over its two IKU
    assert [r[0] for r in body] == ["1", "1", "2"]
    assert body[0][1] == body[1][1] == "Meningkatnya Kualitas Koperasi"


def test_the_kegiatan_of_the_programs_that_carry_an_iku_and_the_unit_responsible(dokumen):
    body = [r for r in _rows(_tables(dokumen)[0])[1:] if r[2]]
    kegiatan = body[0][9].split("\n")
    assert kegiatan[0] == "Program Peningkatan Kualitas Kelembagaan Koperasi"
    assert kegiatan[1:] == [
        "– Pembinaan, Pengawasan, dan Penghargaan Koperasi Berprestasi",
        "– Pembinaan dan Bimbingan Teknis Koperasi",
        "– Penyuluhan dan Pengembangan Kelembagaan Koperasi",
        "– Peningkatan Kapasitas Koperasi, Usaha Kecil dan Menengah",
    ]
    # IKU-3 is carried by two programs (6 and 7)
    assert body[2][9].count("Program ") == 2
    assert [r[10] for r in body] == [
        "Bidang Kelembagaan Koperasi",
        "Bidang Usaha Koperasi",
        "Bidang Usaha Mikro",
    ]


def test_monthly_targets_then_the_signature(dokumen):
    tables = _tables(dokumen)
    assert len(tables) == 2
    rows = _rows(tables[1])
    assert rows[0][2:] == [
        "JAN",
        "FEB",
        "MAR",
        "APR",
        "MEI",
        "JUN",
        "JUL",
        "AGU",
        "SEP",
        "OKT",
        "NOV",
        "DES",
    ]
    assert rows[1][1] == "Persentase Perkembangan Usaha Mikro\n(%, nilai akhir)"
    assert rows[1][2:] == [
        "11,20", "11,35", "11,50", "11,65", "11,80", "12,00",
        "12,10", "12,25", "12,40", "12,50", "12,60", "12,73",
    ]  # fmt: skip
    # the signature is the last row of the last table: it stays with the table's last row
    ttd = lines(tables[1].rows[-1].cells[0])
    assert ttd == [
        "Lumajang, ………………… Januari 2019",
        "KEPALA DINAS\nKOPERASI DAN USAHA MIKRO\nKABUPATEN LUMAJANG,",
        "Drs. SUHARWOKO, M.Si",
        "NIP. 19621215 199403 1 006",
    ]
    # only one signature: none under the first table when there is a monthly one
    assert lines(dokumen).count("Drs. SUHARWOKO, M.Si") == 1


def test_without_the_file_the_kind_says_why():
    data = load(DATA / "malang-diskopum")
    assert kinds()["rencana-aksi"].missing(data) == "tidak ada rencana-aksi.yaml"


def _salin(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(LENGKAP, folder)
    path = folder / "rencana-aksi.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def _rak(folder: Path) -> list[tuple[int | None, str]]:
    return [(f.line, f.message) for f in periksa(load(folder)) if f.code == "RAK001"]


def test_a_last_quarter_off_the_year_target_refuses_the_build(tmp_path):
    folder = _salin(tmp_path, "      - 80,94\n", "      - 80,90\n")
    assert _rak(folder) == [
        (
            16,
            "target TW IV IKU-1 80,90 tidak sama dengan target tahun 2019 di renstra.yaml (80,94):"
            " IKU bersifat nilai akhir berakhir di target tahunannya",
        )
    ]
    with pytest.raises(Refused):
        build(folder, tmp_path / "out", BuildOptions(kind="rencana-aksi"))


def test_months_against_their_quarter_and_an_iku_left_out(tmp_path):
    folder = _salin(tmp_path, "      - 12,25\n", "      - 12,20\n")
    path = folder / "rencana-aksi.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  IKU-2:")
    end = text.index("  IKU-3:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    messages = [m for _, m in _rak(folder)]
    assert (
        "IKU-2 tanpa rencana aksi tahun 2019: barisnya tercetak tanpa target triwulan" in messages
    )
    # nilai akhir: the month closing a quarter is the quarter's target; September is unchanged
    assert not any("bulan ke-9" in m for m in messages)
    # the IKU left out prints dashes (built anyway with --paksa)
    build(folder, tmp_path / "out", BuildOptions(kind="rencana-aksi", force=True))
    doc = open_docx(tmp_path / "out" / "rencana-aksi-2019.docx")
    row = [r for r in _rows(_tables(doc)[0]) if r[2] == "Persentase Koperasi Sehat dan Cukup Sehat"]
    assert row[0][5:9] == ["–"] * 4 and row[0][4] == "86,7"


def test_a_cumulative_iku_sums_its_quarters(tmp_path):
    folder = _salin(tmp_path, "tahun: 2019\n", "tahun: 2019\n")
    renstra = folder / "renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    old = "            agregasi: nilai_akhir\n            tahun_dasar: 82,0\n"
    assert old in text
    renstra.write_text(
        text.replace(old, "            agregasi: kumulatif\n            tahun_dasar: 82,0\n"),
        encoding="utf-8",
    )
    assert _rak(folder) == [
        (
            19,
            "target triwulan IKU-2 berjumlah 343,7, bukan target tahun 2019 di renstra.yaml"
            " (86,7): IKU kumulatif berjumlah target tahunannya",
        )
    ]
