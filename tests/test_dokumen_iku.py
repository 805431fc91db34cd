"""The Dokumen IKU of Lumajang (seed 000), read back: BAB II, IKU tables and the cascade."""

import pytest

from dokgen.build import build
from tests.conftest import DATA
from tests.docxread import lines, open_docx, table_after, unique_cells

LUMAJANG = DATA / "lumajang-diskopum"
YEARS = ["2019", "2020", "2021", "2022", "2023"]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    hasil = build(LUMAJANG, out)
    assert set(hasil.skipped) == {"keputusan", "iki"}
    return open_docx(out / "dokumen-iku.docx")


def test_bab_ii_structure_and_duties(doc):
    text = lines(doc)
    start = text.index("2.1.2 Struktur Organisasi Perangkat Daerah")
    assert text[start + 1 : start + 6] == [
        "Struktur Organisasi Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang, terdiri dari :",
        "a.\tKepala Dinas",
        "b.\tSekretariat, membawahi :",
        "1.\tSub Bagian Umum dan Kepegawaian",
        "2.\tSub Bagian Keuangan",
    ]
    assert "e.\tBidang Usaha Mikro, membawahi :" in text
    assert "3)\tSeksi Pengembangan Kewirausahaan mempunyai tugas :" in text
    assert "t.\tpelaksanaan fungsi lain yang diberikan oleh Kepala Dinas." in text
    assert "2 (dua) sasaran" in " ".join(text)


def test_iku_table_has_every_iku_formula_and_yearly_target(doc):
    table = table_after(doc, "Tabel 3.1 Indikator Kinerja Utama")
    header = [c.text for c in table.rows[0].cells]
    assert header[-6:] == ["Tahun Dasar 2018", *YEARS]
    rows = table.rows[1:]
    assert [r.cells[3].text for r in rows] == [
        "Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)",
        "Persentase Koperasi Sehat dan Cukup Sehat",
        "Persentase Perkembangan Usaha Mikro",
    ]
    assert [[c.text for c in r.cells[-6:]] for r in rows] == [
        ["80,90", "80,94", "80,98", "81,02", "81,06", "81,10"],
        ["82,0", "86,7", "87,1", "87,5", "87,9", "88,2"],
        ["12,00", "12,73", "13,33", "13,85", "14,29", "14,67"],
    ]
    (fraction,) = rows[0].cells[4].tables
    assert fraction.cell(0, 0).text == "Jml koperasi yang melaksanakan RAT"
    assert fraction.cell(1, 0).text == "jml koperasi aktif"
    # the first sasaran spans its two IKU rows
    assert rows[0].cells[1]._tc is rows[1].cells[1]._tc
    assert rows[0].cells[1].text == "Meningkatnya Kualitas Koperasi"
    assert (
        len(
            table._tbl.tblGrid.findall(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"
            )
        )
        == 12
    )


def test_capaian_prints_a_dash_not_zero_for_unmeasured(doc):
    table = table_after(doc, "Tabel 3.2 Capaian Indikator Kinerja Utama")
    values = [[c.text for c in r.cells[-5:]] for r in table.rows[1:]]
    assert values == [
        ["80,34", "49,16", "–", "–", "–"],
        ["88,0", "–", "–", "–", "–"],
        ["10,91", "14,43", "–", "–", "–"],
    ]


def test_cascade_has_every_program_and_kegiatan_with_spans(doc):
    table = table_after(doc, "Tabel 3.4 Cascading Sasaran, Indikator Kinerja Utama,", prefix=True)
    rows = table.rows[2:]
    kegiatan = [r.cells[5].text for r in rows]
    assert kegiatan == [
        "Pembinaan, Pengawasan, dan Penghargaan Koperasi Berprestasi",
        "Pembinaan dan Bimbingan Teknis Koperasi",
        "Penyuluhan dan Pengembangan Kelembagaan Koperasi",
        "Peningkatan Kapasitas Koperasi, Usaha Kecil dan Menengah",
        "Fasilitasi, Pembinaan Akses Permodalan dan Simpan Pinjam Koperasi",
        "Fasilitasi, Pembinaan dan Pengembangan Usaha Koperasi",
        "Fasilitasi, Pembinaan dan Pemberdayaan Administrasi Usaha Koperasi",
        "Fasilitasi Pemberdayaan Usaha Mikro",
        "Fasilitasi Pengembangan Usaha Mikro",
        "Fasilitasi Peningkatan Kewirausahaan",
        "Pembinaan dan Pelatihan Keterampilan Kerja bagi Tenaga Kerja dan Masyarakat",
        "Fasilitasi Promosi bagi Usaha Mandiri Masyarakat",
    ]
    sasaran = [c.text for c in unique_cells(table, 1)]
    assert sasaran == [
        "SASARAN",
        "URAIAN",
        "Meningkatnya Kualitas Koperasi",
        "Meningkatnya Kuantitas dan Kualitas Usaha Mikro",
    ]
    programs = [c.text for c in unique_cells(table, 3)][2:]
    assert programs == [
        "Program Peningkatan Kualitas Kelembagaan Koperasi",
        "Program Pengembangan dan Peningkatan Pendukung Usaha Koperasi",
        "Program Penciptaan, Peningkatan dan Pengembangan Usaha Mikro",
        "Program Pembinaan Lingkungan Sosial",
    ]
    # the first sasaran spans the 7 kegiatan rows of its two IKU
    assert rows[0].cells[1]._tc is rows[6].cells[1]._tc
    assert rows[6].cells[1]._tc is not rows[7].cells[1]._tc


def test_prose_from_data_replaces_standard_wording(doc):
    text = lines(doc)
    assert text[text.index("A. LATAR BELAKANG") + 1].startswith(
        "Dalam kerangka pembangunan good governance"
    )
    assert "Lumajang, Agustus 2020" in text
    assert text[-1] == "NIP. 19621215 199403 1 006"


@pytest.fixture(scope="module")
def doc_2014(tmp_path_factory):
    out = tmp_path_factory.mktemp("build2014")
    build(DATA / "lumajang-diskopum-2014", out)
    return open_docx(out / "dokumen-iku.docx")


def test_rencana_kerja_lists_tujuan_indicators_then_sasaran_iku(doc_2014):
    table = table_after(doc_2014, "Tabel 3.3 Rencana Kerja Dinas Koperasi dan Usaha Mikro")
    assert [c.text for c in table.rows[0].cells][-7:] == [
        "Tahun Dasar 2013",
        "2014",
        "2015",
        "2016",
        "2017",
        "2018",
        "2019",
    ]
    rows = table.rows[1:]
    assert [(r.cells[2].text, r.cells[4].text) for r in rows] == [
        ("Persentase Koperasi yang Sehat dan Cukup Sehat", ""),
        ("Persentase Pertumbuhan Usaha Mikro", ""),
        ("", "Persentase koperasi sehat"),
        ("", "Persentase koperasi cukup sehat"),
        ("", "Persentase Peningkatan Usaha Mikro (UM)"),
        ("", "Persentase Usaha Mikro yang Mandiri"),
        ("", "Persentase Peningkatan Usaha Mikro ke Usaha Kecil"),
    ]
    assert [c.text for c in rows[1].cells[-7:]] == ["–", "–", "1,6", "0,81", "1,20", "0,59", "0,59"]
    assert rows[0].cells[1]._tc is rows[6].cells[1]._tc  # one tujuan spans every row
    assert rows[2].cells[3]._tc is rows[3].cells[3]._tc  # sasaran spans its IKU
    assert rows[3].cells[3]._tc is not rows[4].cells[3]._tc


def test_cascade_program_supporting_two_iku_lists_both(doc_2014):
    table = table_after(doc_2014, "Tabel 3.4 Cascading", prefix=True)
    rows = table.rows[2:]
    assert rows[0].cells[2].text == "Persentase koperasi sehat\nPersentase koperasi cukup sehat"
    assert len(rows) == 8 + 2 + 3 + 4
    assert rows[0].cells[3]._tc is rows[7].cells[3]._tc  # program spans its 8 kegiatan
    # the last two programs support the same IKU: one IKU cell, two program cells
    assert rows[10].cells[2]._tc is rows[16].cells[2]._tc
    assert rows[12].cells[3]._tc is not rows[13].cells[3]._tc
