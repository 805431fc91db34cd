"""The Laporan Kinerja Triwulan II 2019 of Lumajang (seed 002), read back."""

import re

import pytest

from dokgen.build import BuildOptions, build
from dokgen.errors import DataError
from tests.conftest import DATA
from tests.docxread import lines, open_docx, table_after

LUMAJANG = DATA / "lumajang-diskopum"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("lkj")
    build(LUMAJANG, out, BuildOptions(triwulan=(2019, 2), kind="lkj"))
    return open_docx(out / "lkj-2019-tw2.docx")


def test_budget_table_rows_subtotals_and_total(report):
    table = table_after(report, "Realisasi anggaran sampai dengan triwulan II", prefix=True)
    rows = [[c.text for c in r.cells][1:] for r in table.rows[1:]]
    assert rows[0] == [
        "Pelayanan Administrasi dan Operasional Perkantoran",
        "749.455.000",
        "330.632.301",
        "44,12",
    ]
    by_name = {r[0]: r[1:] for r in rows}
    expected = {  # every row of seed 002's table with its serapan
        "Pembangunan/Pengadaan dan Rehabilitasi Sarana dan Prasarana Aparatur": [
            "200.152.750",
            "62.306.450",
            "31,13",
        ],
        "Pemeliharaan Rutin/Berkala Sarana dan Prasarana Aparatur": [
            "183.267.500",
            "46.060.288",
            "25,13",
        ],
        "Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD/LAKIP": [
            "2.500.000",
            "2.500.000",
            "100,00",
        ],
        "Penyusunan Laporan Keuangan Semesteran dan Prognosis Realisasi Anggaran": [
            "2.500.000",
            "0",
            "0,00",
        ],
        "Penyusunan Laporan Keuangan Akhir Tahun": ["2.500.000", "0", "0,00"],
        "Penyusunan Laporan Indeks Kepuasan Masyarakat": ["4.000.000", "0", "0,00"],
        "Pembinaan, Pengawasan, dan Penghargaan Koperasi Berprestasi": [
            "110.290.000",
            "58.465.000",
            "53,01",
        ],
        "Pembinaan dan Bimbingan Teknis Koperasi": ["110.165.000", "0", "0,00"],
        "Penyuluhan dan Pengembangan Kelembagaan Koperasi": ["60.450.000", "0", "0,00"],
        "Peningkatan Kapasitas Koperasi, Usaha Kecil dan Menengah": [
            "470.000.000",
            "18.000.000",
            "3,83",
        ],
        "Fasilitasi, Pembinaan Akses Permodalan dan Simpan Pinjam Koperasi": [
            "151.990.000",
            "0",
            "0,00",
        ],
        "Fasilitasi, Pembinaan dan Pengembangan Usaha Koperasi": ["276.338.000", "0", "0,00"],
        "Fasilitasi, Pembinaan dan Pemberdayaan Administrasi Usaha Koperasi": [
            "48.720.000",
            "0",
            "0,00",
        ],
        "Fasilitasi Pemberdayaan Usaha Mikro": ["274.220.000", "29.500.000", "10,76"],
        "Fasilitasi Pengembangan Usaha Mikro": ["96.127.250", "0", "0,00"],
        "Fasilitasi Peningkatan Kewirausahaan": ["61.775.000", "40.645.000", "65,80"],
        "Pembinaan dan Pelatihan Keterampilan Kerja bagi Tenaga Kerja dan Masyarakat": [
            "134.840.000",
            "0",
            "0,00",
        ],
        "Fasilitasi Promosi bagi Usaha Mandiri Masyarakat": ["65.160.000", "0", "0,00"],
    }
    for name, values in expected.items():
        assert by_name[name] == values, name
    assert by_name["Jumlah Program Peningkatan Sarana dan Prasarana Aparatur"] == [
        "383.420.250",
        "108.366.738",
        "28,26",
    ]
    assert by_name["Jumlah Program Peningkatan Kualitas Kelembagaan Koperasi"] == [
        "750.905.000",
        "76.465.000",
        "10,18",
    ]
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "JUMLAH"
    assert total[2:] == ["3.004.450.500", "588.109.039", "19,57"]
    # the grand total is the sum of the program subtotals, as printed
    subtotal = [r for r in rows if r[0].startswith("Jumlah ")]
    assert len(subtotal) == 7
    assert sum(int(r[1].replace(".", "")) for r in subtotal) == 3004450500
    assert sum(int(r[2].replace(".", "")) for r in subtotal) == 588109039


def test_capaian_table(report):
    table = table_after(
        report, "Capaian indikator kinerja utama sampai dengan triwulan II", prefix=True
    )
    rows = [[c.text for c in r.cells][2:] for r in table.rows[1:]]
    assert rows == [
        [
            "Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)",
            "%",
            "80,94",
            "74,68",
            "92,27",
            "Sangat Tinggi",
        ],
        ["Persentase Koperasi Sehat dan Cukup Sehat", "%", "86,70", "–", "–", "–"],
        ["Persentase Perkembangan Usaha Mikro", "%", "12,73", "5,45", "42,81", "Sangat Rendah"],
    ]


def test_counts_in_words_and_the_rule_named(report):
    text = "\n".join(lines(report))
    assert "7 (tujuh) program dan 19 (sembilan belas) kegiatan" in text
    assert "2 (dua) tujuan dan 2 (dua) sasaran" in text
    assert "PermenPAN-RB 8/2021" in text
    assert "LAPORAN KINERJA" in text and "TRIWULAN II TAHUN 2019" in text


def test_names_no_other_agency(report):
    text = "\n".join(lines(report))
    agencies = set(re.findall(r"Dinas [A-Z][a-z]+(?: dan [A-Z][a-z]+ [A-Z][a-z]+)?", text))
    assert agencies == {"Dinas Koperasi dan Usaha Mikro"}
    assert "Pendidikan" not in text


def test_unknown_quarter_is_refused(tmp_path):
    with pytest.raises(DataError, match="tidak ada realisasi triwulan 3 tahun 2019"):
        build(LUMAJANG, tmp_path, BuildOptions(triwulan=(2019, 3)))
    assert list(tmp_path.iterdir()) == []


def test_realisasi_with_unknown_kode_is_located(tmp_path):
    import shutil

    from dokgen.load import load

    folder = tmp_path / "lmj"
    shutil.copytree(LUMAJANG, folder)
    path = folder / "realisasi" / "2019-2.yaml"
    path.write_text(path.read_text().replace("IKU-3: 5,45", "IKU-33: 5,45"))
    (folder / "realisasi" / "2019-2b.yaml").write_text("tahun: 2019\ntriwulan: 2\n")
    with pytest.raises(DataError) as caught:
        load(folder)
    messages = [(m.location.file.name, m.message) for m in caught.value.problems]
    assert messages == [
        ("2019-2.yaml", "indikator 'IKU-33' tidak ada di renstra — maksud Anda 'IKU-3'?"),
        ("2019-2b.yaml", "triwulan 2 tahun 2019 sudah ada di 2019-2.yaml"),
    ]
