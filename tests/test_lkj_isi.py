"""The Laporan Kinerja's content as PermenPAN-RB 53/2014 outlines it, read back from built
documents: sections in order and left out when the data lacks them (letters and table numbers
close up), the Ikhtisar's figures, each IKU's analysis built from the numbers, the Perjanjian
Kinerja, the signing date, and the capaian rule cited only when its regulation was in force."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from dokgen import capaian
from dokgen.build import BuildOptions, build
from dokgen.checks import periksa
from dokgen.load import load
from tests.conftest import DATA
from tests.docxread import lines, open_docx, table_after

LUMAJANG = DATA / "lumajang-diskopum"

Salin = Callable[..., Path]


@pytest.fixture
def salin(tmp_path: Path) -> Salin:
    """A copy of Lumajang with text edits: ``salin({"lkj.yaml": [(old, new), …]}, hapus=[…])``;
    a file written whole with ``tulis={"realisasi/2018-2.yaml": "…"}``."""

    def make(
        ganti: dict[str, list[tuple[str, str]]] | None = None,
        tulis: dict[str, str] | None = None,
        hapus: tuple[str, ...] = (),
    ) -> Path:
        folder = tmp_path / f"lumajang-{len(list(tmp_path.glob('lumajang-*')))}"
        shutil.copytree(LUMAJANG, folder)
        for name, edits in (ganti or {}).items():
            path = folder / name
            content = path.read_text(encoding="utf-8")
            for old, new in edits:
                assert content.count(old) == 1, (name, old)
                content = content.replace(old, new)
            path.write_text(content, encoding="utf-8")
        for name, content in (tulis or {}).items():
            (folder / name).write_text(content, encoding="utf-8")
        for name in hapus:
            (folder / name).unlink()
        return folder

    return make


def laporan(folder: Path, out: Path, triwulan: tuple[int, int] = (2019, 2)) -> list[str]:
    build(folder, out, BuildOptions(triwulan=triwulan, kind="lkj"))
    (docx,) = out.glob(f"lkj-{triwulan[0]}-tw{triwulan[1]}.docx")
    return lines(open_docx(docx))


def bagian(text: list[str], after: str) -> list[str]:
    """The headings of the body (from ``after`` on): BAB, lettered sections, LAMPIRAN."""
    start = text.index(after)
    pattern = re.compile(r"(BAB [IV]+|[A-H]\. [A-Z ]+(?: \d{4})?|LAMPIRAN|IKHTISAR EKSEKUTIF)")
    return [t for t in text[start:] if pattern.fullmatch(t)]


def daftar_isi(text: list[str]) -> list[str]:
    start, end = text.index("DAFTAR ISI"), text.index("DAFTAR TABEL")
    return [re.sub(r"\t.*$", "", t) for t in text[start + 1 : end]]


def kalimat(text: list[str], awal: str) -> str:
    (found,) = [t for t in text if t.startswith(awal)]
    return found


def temuan(folder: Path, code: str) -> list[str]:
    return [f.message for f in periksa(load(folder)) if f.code == code]


@pytest.fixture(scope="module")
def lumajang(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return laporan(LUMAJANG, tmp_path_factory.mktemp("lkj"))


# --- sections in order, none hollow ------------------------------------------------------------


BAB = [
    "BAB I",
    "A. LATAR BELAKANG",
    "B. MAKSUD DAN TUJUAN",
    "C. PERMASALAHAN UTAMA",
    "BAB II",
    "A. PERENCANAAN STRATEGIS",
    "B. TUJUAN DAN SASARAN",
    "C. RENCANA KERJA TAHUNAN 2019",
    "D. PROGRAM DAN KEGIATAN TAHUN 2019",
    "E. PERJANJIAN KINERJA TAHUN 2019",
    "BAB III",
    "A. CAPAIAN KINERJA",
    "B. REALISASI ANGGARAN",
    "BAB IV",
    "LAMPIRAN",
]


def test_the_outline_of_permenpanrb_53_2014_in_order(lumajang: list[str]) -> None:
    assert bagian(lumajang, "IKHTISAR EKSEKUTIF") == ["IKHTISAR EKSEKUTIF", *BAB]
    toc = daftar_isi(lumajang)
    assert toc[toc.index("BAB II") :] == [
        "BAB II",
        "A. PERENCANAAN STRATEGIS",
        "B. TUJUAN DAN SASARAN",
        "C. RENCANA KERJA TAHUNAN 2019",
        "D. PROGRAM DAN KEGIATAN TAHUN 2019",
        "E. PERJANJIAN KINERJA TAHUN 2019",
        "BAB III",
        "A. CAPAIAN KINERJA",
        "B. REALISASI ANGGARAN",
        "BAB IV",
        "LAMPIRAN PERJANJIAN KINERJA",
    ]


def test_strategi_dan_kebijakan_from_the_renstra_shift_the_letters(
    salin: Salin, tmp_path: Path
) -> None:
    folder = salin(
        {
            "renstra.yaml": [
                (
                    "\nprogram:\n",
                    "\nstrategi:\n  - Pendampingan koperasi dalam penyelenggaraan RAT\n"
                    "kebijakan:\n  - Penguatan kelembagaan koperasi\n  - Perluasan akses pasar"
                    " usaha mikro\nprogram:\n",
                )
            ]
        }
    )
    text = laporan(folder, tmp_path / "out")
    body = bagian(text, "IKHTISAR EKSEKUTIF")
    assert body[body.index("BAB II") : body.index("BAB III")] == [
        "BAB II",
        "A. PERENCANAAN STRATEGIS",
        "B. TUJUAN DAN SASARAN",
        "C. STRATEGI DAN KEBIJAKAN",
        "D. RENCANA KERJA TAHUNAN 2019",
        "E. PROGRAM DAN KEGIATAN TAHUN 2019",
        "F. PERJANJIAN KINERJA TAHUN 2019",
    ]
    assert "C. STRATEGI DAN KEBIJAKAN" in daftar_isi(text)
    start = text.index("C. STRATEGI DAN KEBIJAKAN")
    assert text[start + 2 : start + 7] == [
        "Strategi Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang dalam Rencana Strategis"
        " 2018–2023 :",
        "1.\tPendampingan koperasi dalam penyelenggaraan RAT",
        "Kebijakan Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang dalam Rencana Strategis"
        " 2018–2023 :",
        "1.\tPenguatan kelembagaan koperasi",
        "2.\tPerluasan akses pasar usaha mikro",
    ]
    assert temuan(folder, "LKJ004") == []
    assert temuan(LUMAJANG, "LKJ004") == [
        "renstra.yaml tanpa 'strategi' dan 'kebijakan': Laporan Kinerja BAB II tanpa bagian"
        " Strategi dan Kebijakan"
    ]


def test_a_section_without_data_is_left_out_and_the_numbers_close_up(
    salin: Salin, tmp_path: Path
) -> None:
    """No permasalahan: BAB I has no C and no Tabel 1.1. A year without pagu (2022): no Program
    dan Kegiatan, no Realisasi Anggaran, Perjanjian Kinerja without its anggaran; the check says
    each before the build."""
    content = (LUMAJANG / "lkj.yaml").read_text(encoding="utf-8")
    table = content[content.index("permasalahan:\n") :]
    folder = salin(
        {"lkj.yaml": [(table, "permasalahan: []\n")]},
        tulis={"realisasi/2022-2.yaml": "tahun: 2022\ntriwulan: 2\nindikator:\n  IKU-1: 81,50\n"},
        hapus=("realisasi/2019-2.yaml",),
    )
    text = laporan(folder, tmp_path / "out", (2022, 2))
    assert bagian(text, "IKHTISAR EKSEKUTIF") == [
        "IKHTISAR EKSEKUTIF",
        "BAB I",
        "A. LATAR BELAKANG",
        "B. MAKSUD DAN TUJUAN",
        "BAB II",
        "A. PERENCANAAN STRATEGIS",
        "B. TUJUAN DAN SASARAN",
        "C. RENCANA KERJA TAHUNAN 2022",
        "D. PERJANJIAN KINERJA TAHUN 2022",
        "BAB III",
        "A. CAPAIAN KINERJA",
        "BAB IV",
        "LAMPIRAN",
    ]
    tables = [t for t in text if t.startswith("Tabel ")]
    assert [re.sub(r"\t.*$", "", t) for t in tables] == [
        "Tabel 2.1",  # Daftar Tabel: Rencana Kerja Tahunan, Capaian
        "Tabel 3.1",
        "Tabel 2.1 Rencana Kerja Tahunan 2022",
        "Tabel 3.1 Capaian Kinerja sampai dengan Triwulan II Tahun 2022",
    ]
    assert "Rencana Strategis 2018–2023 menetapkan 2 (dua) tujuan dan 2 (dua) sasaran." in (
        kalimat(text, "Laporan Kinerja Triwulan II Tahun 2022 disusun")
    )  # no "0 (nol) program"
    assert not any("0 (nol)" in t for t in text)
    assert not any("Permasalahan" in t or "Realisasi Anggaran" in t for t in text)
    assert not any("Program dan anggaran" in t or "Serapan anggaran" in t for t in text)
    pk = kalimat(text, "Perjanjian Kinerja Tahun 2022 Dinas")
    assert pk.endswith(
        "memuat target indikator kinerja utama pada Tabel 2.1; targetnya disajikan pada Lampiran."
    )
    assert temuan(folder, "LKJ005") == [
        "lkj.yaml tanpa 'permasalahan': Laporan Kinerja BAB I tanpa Permasalahan Utama"
    ]
    assert temuan(folder, "LKJ007") == [
        "tidak ada kegiatan dengan pagu tahun 2022: Laporan Kinerja tanpa Program dan Kegiatan,"
        " Realisasi Anggaran dan anggaran Perjanjian Kinerja"
    ]
    assert temuan(LUMAJANG, "LKJ005") == temuan(LUMAJANG, "LKJ007") == []


# --- Ikhtisar Eksekutif and BAB IV --------------------------------------------------------------


def test_ikhtisar_counts_the_predikat_and_the_serapan(lumajang: list[str]) -> None:
    start = lumajang.index("IKHTISAR EKSEKUTIF", lumajang.index("DAFTAR TABEL"))
    ikhtisar = lumajang[start : lumajang.index("BAB I", start)]
    assert ikhtisar[2:] == [
        "Dari 3 (tiga) indikator kinerja utama, sampai dengan triwulan II tahun 2019 terdapat"
        " 1 (satu) indikator Sangat Tinggi, 1 (satu) Sangat Rendah dan 1 (satu) belum diukur.",
        "Serapan anggaran sampai dengan triwulan II tahun 2019 sebesar 19,57% (realisasi"
        " Rp\u00a0588.109.039 dari pagu Rp\u00a03.004.450.500).",
        "Kendala yang dihadapi sampai dengan triwulan II :",
        "1.\tPenilaian kesehatan koperasi belum dilaksanakan sampai dengan triwulan II",
        "2.\tKualitas produk usaha mikro binaan belum baik dan produknya belum dikenal masyarakat",
        "Langkah yang akan dilakukan :",
        "1.\tMelaksanakan penilaian kesehatan koperasi pada triwulan III",
        "2.\tMempercepat kegiatan fasilitasi pengembangan usaha mikro yang anggarannya belum"
        " terealisasi",
    ]


def test_penutup_concludes_from_the_figures(lumajang: list[str]) -> None:
    start = lumajang.index(
        "PENUTUP", lumajang.index("BAB IV", lumajang.index("IKHTISAR EKSEKUTIF"))
    )
    penutup = lumajang[start + 2 : start + 7]
    assert penutup == [
        "Dari 3 (tiga) indikator kinerja utama, sampai dengan triwulan II tahun 2019 belum ada"
        " yang mencapai target tahun 2019: 2 (dua) belum mencapai target dan 1 (satu) belum"
        " dapat dihitung capaiannya.",
        "Serapan anggaran sampai dengan triwulan II tahun 2019 sebesar 19,57% (realisasi"
        " Rp\u00a0588.109.039 dari pagu Rp\u00a03.004.450.500).",
        "Langkah selanjutnya :",
        "1.\tMelaksanakan penilaian kesehatan koperasi pada triwulan III",
        "2.\tMempercepat kegiatan fasilitasi pengembangan usaha mikro yang anggarannya belum"
        " terealisasi",
    ]


def test_without_kendala_and_langkah_the_part_is_left_out_and_the_check_says_so(
    salin: Salin, tmp_path: Path
) -> None:
    content = (LUMAJANG / "realisasi" / "2019-2.yaml").read_text(encoding="utf-8")
    start = content.index("# CONTOH (bukan dari seed 002)\nkendala:")
    end = content.index("# CONTOH (bukan dari seed 002): penyebab")
    folder = salin({"realisasi/2019-2.yaml": [(content[start:end], "")]})
    text = laporan(folder, tmp_path / "out")
    assert not any(t.startswith(("Kendala", "Langkah")) for t in text)
    assert temuan(folder, "LKJ001") == [
        "laporan triwulan 2 tahun 2019 tanpa 'kendala': kendala tidak dicetak di Ikhtisar"
        " Eksekutif",
        "laporan triwulan 2 tahun 2019 tanpa 'langkah': langkah ke depan tidak dicetak di"
        " Ikhtisar Eksekutif",
    ]
    assert temuan(LUMAJANG, "LKJ001") == []


# --- BAB III: the analysis of each indicator ----------------------------------------------------

TAHUN_LALU = "tahun: 2018\ntriwulan: 2\nindikator:\n  IKU-1: 70\n  IKU-3: 6\n"


@pytest.fixture
def analisis(salin: Salin, tmp_path: Path) -> list[str]:
    """Lumajang with the same quarter of 2018 measured, IKU-3 made negatif (lower is better) and
    IKU-1's causes dropped; the analysis paragraphs of BAB III."""
    folder = salin(
        {
            "renstra.yaml": [],
            "realisasi/2019-2.yaml": [
                (
                    "  IKU-1:\n    penyebab:\n      - Pengorganisasian pengurus koperasi belum"
                    " optimal dan partisipasi anggota kurang\n    solusi:\n      - Pendampingan"
                    " koperasi yang belum menyelenggarakan Rapat Anggota Tahunan\n",
                    "",
                )
            ],
        },
        tulis={"realisasi/2018-2.yaml": TAHUN_LALU},
    )
    path = folder / "renstra.yaml"
    content = path.read_text(encoding="utf-8")
    old = "            uraian: Persentase Perkembangan Usaha Mikro\n"
    assert content.count(old) == 1
    path.write_text(content.replace(old, old + "            polaritas: negatif\n"))
    text = laporan(folder, tmp_path / "out")
    start = text.index("Analisis capaian setiap indikator kinerja utama adalah sebagai berikut :")
    return text[start + 1 : text.index("B. REALISASI ANGGARAN", start)]


def test_analysis_of_a_positive_indicator_against_year_target_previous_year_and_renstra(
    analisis: list[str],
) -> None:
    assert analisis[:2] == [
        "1.\tPersentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)",
        "Realisasi indikator Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)"
        " sampai dengan triwulan II tahun 2019 sebesar 74,68% dari target tahun 2019 sebesar"
        " 80,94%, atau capaian 92,27% dengan predikat Sangat Tinggi; realisasi belum mencapai"
        " target. Dibandingkan dengan realisasi sampai dengan triwulan II tahun 2018, realisasi"
        " naik dari 70,00% menjadi 74,68% (kinerja membaik). Realisasi tersebut setara dengan"
        " 92,08% dari target akhir Renstra tahun 2023 sebesar 81,10%.",
    ]
    assert analisis[2].startswith("2.\t")  # no causes written for IKU-1: nothing else printed


def test_analysis_of_a_negative_indicator_reads_a_fall_as_better(analisis: list[str]) -> None:
    start = analisis.index("3.\tPersentase Perkembangan Usaha Mikro")
    assert analisis[start + 1 :] == [
        "Realisasi indikator Persentase Perkembangan Usaha Mikro sampai dengan triwulan II tahun"
        " 2019 sebesar 5,45% dari target tahun 2019 sebesar 12,73%, atau capaian 157,19% dengan"
        " predikat Sangat Tinggi; realisasi telah mencapai target. Dibandingkan dengan realisasi"
        " sampai dengan triwulan II tahun 2018, realisasi turun dari 6,00% menjadi 5,45% (kinerja"
        " membaik). Realisasi tersebut setara dengan 162,85% dari target akhir Renstra tahun 2023"
        " sebesar 14,67%.",
        "Penyebab :",
        "1.\tKualitas produk usaha mikro kurang baik dan produk belum dikenal masyarakat",
        "Solusi :",
        "1.\tFasilitasi promosi dan peningkatan kualitas produk usaha mikro binaan",
    ]


def test_an_unmeasured_indicator_is_said_so_and_nothing_is_computed(analisis: list[str]) -> None:
    start = analisis.index("2.\tPersentase Koperasi Sehat dan Cukup Sehat")
    assert analisis[start + 1 : start + 3] == [
        "Indikator Persentase Koperasi Sehat dan Cukup Sehat belum diukur sampai dengan"
        " triwulan II tahun 2019, sehingga capaiannya belum dapat dihitung.",
        "Penyebab :",
    ]


def test_without_previous_year_data_no_comparison_is_written(
    lumajang: list[str], salin: Salin, tmp_path: Path
) -> None:
    """Lumajang has no 2018 realisasi. In triwulan II a whole year's value (the tahun dasar 2018)
    says nothing about half a year: no comparison. In triwulan IV the year is whole: compared with
    the tahun dasar value; without that value, no sentence about the previous year."""
    usaha_mikro = kalimat(lumajang, "Realisasi indikator Persentase Perkembangan Usaha Mikro")
    assert "Dibandingkan" not in usaha_mikro and "2018" not in usaha_mikro
    akhir = {"realisasi/2019-4.yaml": "tahun: 2019\ntriwulan: 4\nindikator:\n  IKU-3: 10,91\n"}
    text = laporan(salin(tulis=akhir), tmp_path / "tw4", (2019, 4))
    usaha_mikro = kalimat(text, "Realisasi indikator Persentase Perkembangan Usaha Mikro")
    assert (
        "Dibandingkan dengan kondisi tahun dasar 2018, realisasi turun dari 12,00% menjadi"
        " 10,91% (kinerja menurun)." in usaha_mikro
    )
    folder = salin({"renstra.yaml": [("            tahun_dasar: 12,00\n", "")]}, tulis=akhir)
    text = laporan(folder, tmp_path / "out", (2019, 4))
    usaha_mikro = kalimat(text, "Realisasi indikator Persentase Perkembangan Usaha Mikro")
    assert "Dibandingkan" not in usaha_mikro and "2018" not in usaha_mikro
    assert "85,70% dengan predikat Tinggi; realisasi belum mencapai target." in usaha_mikro
    analysis = [t for t in text if re.match(r"(Realisasi i|I)ndikator Persentase", t)]
    assert len(analysis) == 3 and not any(re.search(r"\bberhasil", t) for t in analysis)


# --- Perjanjian Kinerja -------------------------------------------------------------------------


def test_lampiran_perjanjian_kinerja(salin: Salin, tmp_path: Path) -> None:
    build(LUMAJANG, tmp_path / "a", BuildOptions(triwulan=(2019, 2), kind="lkj"))
    doc = open_docx(tmp_path / "a" / "lkj-2019-tw2.docx")
    sasaran = table_after(doc, "Sasaran strategis, indikator kinerja dan target tahun 2019 :")
    assert [[c.text for c in r.cells] for r in sasaran.rows][1:] == [
        [
            "Meningkatnya Kualitas Koperasi",
            "Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)",
            "%",
            "80,94",
        ],
        [
            "Meningkatnya Kualitas Koperasi",
            "Persentase Koperasi Sehat dan Cukup Sehat",
            "%",
            "86,70",
        ],
        [
            "Meningkatnya Kuantitas dan Kualitas Usaha Mikro",
            "Persentase Perkembangan Usaha Mikro",
            "%",
            "12,73",
        ],
    ]
    program = table_after(doc, "Program dan anggaran tahun 2019 :")
    rows = [[c.text for c in r.cells] for r in program.rows]
    assert rows[1] == ["1", "Program Pelayanan Administrasi Perkantoran", "749.455.000"]
    assert rows[-1] == ["JUMLAH", "JUMLAH", "3.004.450.500"]  # the label spans two columns
    assert len(rows) == 1 + 7 + 1
    text = lines(doc)
    # the title takes as many lines as the Pihak Pertama's three: the two names stand level
    assert text[text.index("Pihak Kedua,") + 1] == "BUPATI LUMAJANG\n\n"
    assert text[text.index("Pihak Pertama,") + 1].count("\n") == 2
    assert temuan(LUMAJANG, "LKJ008") == [
        "dinas.yaml tanpa 'nama_kepala_daerah' di 'pemda': nama Bupati (Pihak Kedua Perjanjian"
        " Kinerja) tidak dicetak"
    ]
    folder = salin(
        {
            "dinas.yaml": [
                (
                    "  provinsi: Jawa Timur\n",
                    "  provinsi: Jawa Timur\n  nama_kepala_daerah: Nama Bupati Uji\n",
                )
            ]
        }
    )
    text = laporan(folder, tmp_path / "b")
    assert text[text.index("Pihak Kedua,") + 1 : text.index("Pihak Kedua,") + 3] == [
        "BUPATI LUMAJANG\n\n",
        "Nama Bupati Uji",
    ]
    assert temuan(folder, "LKJ008") == []


def test_kegiatan_funded_by_dak_is_marked(lumajang: list[str]) -> None:
    dak = [t for t in lumajang if t.endswith("(DAK)")]
    assert dak == ["Peningkatan Kapasitas Koperasi, Usaha Kecil dan Menengah (DAK)"] * 2


# --- dates and the capaian rule's citation ------------------------------------------------------


def test_signing_date_from_the_quarters_file(salin: Salin, tmp_path: Path) -> None:
    """Each report is dated in its own quarter's file: the date of one never moves to another."""
    kuartal = "triwulan: 2\n"
    folder = salin(
        {"realisasi/2019-2.yaml": [(kuartal, kuartal + "bulan: 2019-07\n")]},
        tulis={"realisasi/2019-3.yaml": "tahun: 2019\ntriwulan: 3\n"},
    )
    text = laporan(folder, tmp_path / "out")
    assert text.count("Lumajang, ………………… Juli 2019") == 2  # Kata Pengantar and BAB IV
    third = laporan(folder, tmp_path / "out3", (2019, 3))
    # Kata Pengantar, BAB IV, and the Perjanjian Kinerja (signed at the start of the year: its
    # own blank date in every quarter)
    assert third.count("Lumajang, ………………… ………………… 2019") == 3
    assert temuan(folder, "LKJ009") == [
        "laporan triwulan 3 tahun 2019 tanpa tanggal: tanggal di atas tanda tangan dicetak"
        " titik-titik; tulis 'bulan' atau 'tanggal' di berkas triwulan itu"
    ]
    assert temuan(LUMAJANG, "LKJ009") == [
        "laporan triwulan 2 tahun 2019 tanpa tanggal: tanggal di atas tanda tangan dicetak"
        " titik-titik; tulis 'bulan' atau 'tanggal' di berkas triwulan itu"
    ]
    early = salin({"realisasi/2019-2.yaml": [(kuartal, kuartal + "bulan: 2019-05\n")]})
    assert temuan(early, "LKJ009") == [
        "Laporan Kinerja triwulan 2 tahun 2019 bertanggal sebelum triwulan itu berakhir"
        " (30-06-2019)"
    ]


def test_capaian_rule_cites_its_regulation_only_when_in_force(
    lumajang: list[str], salin: Salin, tmp_path: Path
) -> None:
    assert not any("PermenPAN-RB" in t for t in lumajang)  # a 2019 report
    folder = salin(
        tulis={"realisasi/2022-2.yaml": "tahun: 2022\ntriwulan: 2\nindikator:\n  IKU-1: 81,50\n"},
        hapus=("realisasi/2019-2.yaml",),
    )
    text = laporan(folder, tmp_path / "out", (2022, 2))
    rule = kalimat(text, "Capaian indikator kinerja utama sampai dengan triwulan II tahun 2022")
    assert "paling rendah 0 (PermenPAN-RB 8/2021); predikat:" in rule


def test_rumus_teks_by_date() -> None:
    """The dates are the catalogue's: in force from its ``berlaku``, not after a revocation."""
    katalog = load(LUMAJANG).peraturan
    rumus = "permenpanrb-8-2021"
    pencabut = katalog["permenpan-6-2022"].model_copy(update={"berlaku": dt.date(2022, 3, 1)})
    dicabut = {
        **katalog,
        "permenpan-8-2021": katalog["permenpan-8-2021"].model_copy(
            update={"dicabut_dengan": "permenpan-6-2022"}
        ),
        "permenpan-6-2022": pencabut,
    }
    assert capaian.rumus_teks(rumus, dt.date(2022, 2, 28), dicabut).endswith("8/2021)")
    assert capaian.rumus_teks(rumus, dt.date(2022, 3, 1), dicabut) == capaian.RUMUS[rumus]
    assert capaian.rumus_teks(rumus, dt.date(2021, 6, 30), katalog) == capaian.RUMUS[rumus]
    assert capaian.rumus_teks(rumus, dt.date(2021, 7, 1), katalog).endswith("(PermenPAN-RB 8/2021)")
    assert capaian.rumus_teks(rumus, None, katalog) == capaian.RUMUS[rumus]
    assert (
        capaian.rumus_teks("rasio-terbalik", dt.date(2024, 1, 1), katalog)
        == (capaian.RUMUS["rasio-terbalik"])
    )


def test_a_kumulatif_sum_of_two_quarters_is_not_compared_with_a_whole_year(
    salin: Salin, tmp_path: Path
) -> None:
    """IKU-3 made kumulatif: its realisasi so far is the sum of two quarters, which says nothing
    against 2018's whole-year (tahun dasar) value — no comparison sentence; with the same quarter
    of 2018 in realisasi/, the comparison is made."""
    folder = salin(
        {
            "renstra.yaml": [
                (
                    "            agregasi: nilai_akhir\n            tahun_dasar: 12,00\n",
                    "            agregasi: kumulatif\n            tahun_dasar: 12,00\n",
                )
            ]
        }
    )
    usaha_mikro = kalimat(
        laporan(folder, tmp_path / "a"), "Realisasi indikator Persentase Perkembangan Usaha Mikro"
    )
    assert "Dibandingkan" not in usaha_mikro
    (folder / "realisasi" / "2018-2.yaml").write_text(TAHUN_LALU, encoding="utf-8")
    usaha_mikro = kalimat(
        laporan(folder, tmp_path / "b"), "Realisasi indikator Persentase Perkembangan Usaha Mikro"
    )
    assert (
        "Dibandingkan dengan realisasi sampai dengan triwulan II tahun 2018, realisasi turun dari"
        " 6,00% menjadi 5,45% (kinerja menurun)." in usaha_mikro
    )


def test_perjanjian_kinerja_section_says_where_its_targets_and_money_are(
    lumajang: list[str],
) -> None:
    pk = kalimat(lumajang, "Perjanjian Kinerja Tahun 2019 Dinas")
    assert pk.endswith(
        "memuat target indikator kinerja utama pada Tabel 2.1 dan program pada Tabel 2.2;"
        " target dan anggaran programnya disajikan pada Lampiran."
    )
