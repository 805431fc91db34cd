"""The IKU decree of Bandar Lampung (seed 001), read back."""

import pytest

from dokgen.build import BuildOptions, build
from dokgen.errors import DataError
from dokgen.load import load
from tests.conftest import DATA
from tests.docxread import lines, open_docx

BANDAR_LAMPUNG = DATA / "bandarlampung-diskopukm"


@pytest.fixture(scope="module")
def decree(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    hasil = build(BANDAR_LAMPUNG, out)
    assert set(hasil.skipped) == {"iki", "lkj"}
    return lines(open_docx(out / "keputusan-iku.docx"))


def after(text: list[str], marker: str) -> list[str]:
    return text[text.index(marker) + 1 :]


def test_heading(decree):
    assert decree[:8] == [
        "PEMERINTAH KOTA BANDAR LAMPUNG",
        "DINAS KOPERASI DAN UKM",
        "Jl. Dr. Susilo No.02 Bandar Lampung",
        "KEPUTUSAN KEPALA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG",
        "NOMOR : 121/SK/III.15/II/2021",
        "TENTANG",
        "PERUBAHAN INDIKATOR KINERJA UTAMA (IKU) DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG"
        " TAHUN 2021–2026",
        "KEPALA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG,",
    ]


def test_menimbang_with_agency_and_period_corrected(decree):
    items = after(decree, "Menimbang")[1:4]
    assert items[0].startswith("a.\tbahwa berdasarkan ketentuan Pasal 4 ayat (3)")
    assert items[1].startswith("b.\tbahwa dengan telah ditetapkannya Peraturan Walikota")
    assert items[1].endswith("Perubahan IKU Perangkat Daerah Tahun 2021–2026;")
    assert items[2] == (
        "c.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu"
        " menetapkan Keputusan Kepala Dinas Koperasi dan UKM Kota Bandar Lampung tentang"
        " Perubahan Indikator Kinerja Utama (IKU) Dinas Koperasi dan UKM Kota Bandar Lampung"
        " Tahun 2021–2026;"
    )
    assert not any("Bappeda" in line for line in decree)


def test_mengingat_in_hierarchical_then_chronological_order(decree):
    items = after(decree, "Mengingat")[1:15]
    starts = [line.split(" tentang ")[0] for line in items]
    assert starts == [
        "1.\tUndang-Undang Nomor 28 Tahun 1959",
        "2.\tUndang-Undang Nomor 25 Tahun 2004",
        "3.\tUndang-Undang Nomor 23 Tahun 2014",
        "4.\tPeraturan Pemerintah Nomor 3 Tahun 1982",
        "5.\tPeraturan Pemerintah Nomor 24 Tahun 1983",
        "6.\tPeraturan Pemerintah Nomor 8 Tahun 2006",
        "7.\tPeraturan Pemerintah Nomor 18 Tahun 2016",
        "8.\tPeraturan Presiden Nomor 29 Tahun 2014",
        "9.\tPeraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007",
        "10.\tPeraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/20/M.PAN/11/2008",
        "11.\tPeraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
        "12.\tPeraturan Daerah Kota Bandar Lampung Nomor 07 Tahun 2016",
        "13.\tPeraturan Daerah Kota Bandar Lampung Nomor 09 Tahun 2018",
        "14.\tPeraturan Walikota Bandar Lampung Nomor 40 Tahun 2018",
    ]
    assert all(line.endswith(";") for line in items[:-1]) and items[-1].endswith(".")
    assert "sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015" in items[2]


def test_memutuskan_diktum_and_signature(decree):
    rest = after(decree, "MEMUTUSKAN:")
    assert rest[:2] == [
        "Menetapkan",
        ":",
    ]
    labels = [line for line in rest if line in ("KESATU", "KEDUA", "KETIGA", "KEEMPAT")]
    assert labels == ["KESATU", "KEDUA", "KETIGA"]
    assert "Ditetapkan di Bandar Lampung" in rest
    assert "pada tanggal ………………… Januari 2021" in rest
    assert rest.count("NIP. 19620412 198303 1 015") == 2  # decree and Lampiran
    assert "Drs. GIRENDRA, MM" in rest


def test_lampiran_iku_table_prints_formulas_right_side_up(tmp_path):
    build(BANDAR_LAMPUNG, tmp_path)
    doc = open_docx(tmp_path / "keputusan-iku.docx")
    table = doc.tables[-2]
    assert [c.text for c in table.rows[0].cells][:3] == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
    ]
    assert [r.cells[2].text for r in table.rows[1:]] == [
        "Hasil penilaian Akuntabilitas Kinerja OPD oleh Inspektorat Kota (Nilai SAKIP OPD)",
        "Persentase koperasi sehat dan cukup sehat",
        "Persentase UMKM yang meningkat labanya",
    ]
    (fraction,) = table.rows[2].cells[3].tables
    assert fraction.cell(0, 0).text == "Jumlah koperasi sehat dan cukup sehat"
    assert fraction.cell(1, 0).text == "Jumlah seluruh koperasi"
    section = doc.sections[-1]
    assert section.page_width > section.page_height  # the Lampiran is landscape


def test_unknown_mengingat_key_is_a_finding_with_line_and_suggestion(tmp_path):
    import shutil

    from dokgen.build import Refused
    from dokgen.checks import periksa

    folder = tmp_path / "bdl"
    shutil.copytree(BANDAR_LAMPUNG, folder)
    path = folder / "keputusan-iku.yaml"
    path.write_text(path.read_text().replace("  - pp-18-2016", "  - pp-18-2061"))
    (finding,) = [f for f in periksa(load(folder)) if f.severity == "galat"]
    assert finding.code == "PER001"
    assert finding.line == path.read_text().splitlines().index("  - pp-18-2061") + 1
    assert finding.message == (
        "peraturan 'pp-18-2061' tidak ada di katalog — maksud Anda 'pp-18-2016'?"
    )
    with pytest.raises(Refused):
        build(folder, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def png(width: int = 40, height: int = 50) -> bytes:
    """A small valid PNG (grey), written with zlib so the tests need no image library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_logo_from_data_is_placed_in_the_kop(tmp_path):
    import shutil

    folder = tmp_path / "bdl"
    shutil.copytree(BANDAR_LAMPUNG, folder)
    (folder / "logo.png").write_bytes(png())
    dinas = folder / "dinas.yaml"
    dinas.write_text(dinas.read_text() + "logo: logo.png\n")
    build(folder, tmp_path / "out")
    doc = open_docx(tmp_path / "out" / "keputusan-iku.docx")
    (shape,) = doc.inline_shapes
    assert round(shape.height.cm, 1) == 2.5
    assert round(shape.width.cm, 1) == 2.0  # 40 × 50 px keeps its proportions
    assert lines(doc)[0] == "PEMERINTAH KOTA BANDAR LAMPUNG"

    dinas.write_text(dinas.read_text().replace("logo: logo.png", "logo: tidak-ada.png"))
    with pytest.raises(DataError) as caught:
        load(folder)
    (problem,) = caught.value.problems
    assert problem.message == "berkas logo 'tidak-ada.png' tidak ditemukan"
    assert problem.location.line == len(dinas.read_text().splitlines())


def test_bandar_lampung_iku_document_uses_its_own_units_and_prose(tmp_path):
    build(BANDAR_LAMPUNG, tmp_path, BuildOptions(kind="dokumen-iku"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".dokgen-kunci",
        ".dokgen-manifest.json",
        "dokumen-iku.docx",
    ]
    text = lines(open_docx(tmp_path / "dokumen-iku.docx"))
    assert "b.\tSekretariat, membawahi :" in text
    assert "1)\tSub Bagian Program, Keuangan dan Aset" in text  # no duties in the seed
    assert "g.\tKelompok Jabatan Fungsional" in text
    assert text[text.index("KATA PENGANTAR") + 1].startswith("Puji dan syukur kami panjatkan")
    assert not any("Bappeda" in line for line in text)
