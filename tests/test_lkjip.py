"""The Laporan Kinerja Tahunan (LKjIP) 2019 of the complete example, read back; the check that
names the missing quarters of a year."""

import shutil
import zipfile
from decimal import Decimal

import pytest
import yaml

from dokgen.build import BuildOptions, build
from dokgen.check import check_folder
from dokgen.documents import lkj, lkjip
from dokgen.load import load
from tests.conftest import DATA
from tests.docxread import open_docx, table_after, unique_cells

CONTOH = DATA / "contoh-lengkap"


def _angka(teks: str) -> Decimal:
    return Decimal(teks.replace(".", "").replace(",", "."))


def _kuartal() -> list[dict]:
    return [
        yaml.load((CONTOH / "realisasi" / f"2019-{tw}.yaml").read_text(), Loader=yaml.BaseLoader)
        for tw in (1, 2, 3, 4)
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("lkjip")
    build(CONTOH, out, BuildOptions(kind="lkjip"))
    return out / "lkjip-2019.docx"


@pytest.fixture(scope="module")
def report(built):
    return open_docx(built)


def test_only_complete_years_build(built):
    assert built.is_file()
    assert lkjip.tidak_ada(load(DATA / "lumajang-diskopum")) is not None  # triwulan II only


def test_year_realisasi_is_the_roll_up_of_the_four_quarters(report):
    """Tabel 3.1: kumulatif sums the quarters, nilai_akhir is the fourth quarter's value."""
    data = load(CONTOH)
    assert data.renstra is not None
    quarters = _kuartal()
    table = table_after(report, "Tabel 3.1 Capaian Kinerja Tahun 2019")
    rows = {r.cells[2].text: r.cells[5].text for r in table.rows[1:]}
    checked = 0
    for s in data.renstra.sasaran_ber_iku:
        for ind in s.indikator:
            values = [
                _angka(q["indikator"][ind.kode])
                for q in quarters
                if ind.kode in q.get("indikator", {})
            ]
            expected = sum(values) if ind.cara_agregasi == "kumulatif" else values[-1]
            assert _angka(rows[ind.uraian]) == expected.quantize(Decimal("0.01"))
            checked += 1
    assert checked == 3


def test_comparison_with_previous_years_and_final_target(report):
    table = table_after(
        report,
        "Tabel 3.2 Perbandingan Realisasi Tahun 2019 dengan Tahun Sebelumnya"
        " dan Target Akhir Renstra",
    )
    head = [c.text for c in table.rows[0].cells]
    assert head[2:] == [
        "Realisasi 2017",
        "Realisasi 2018",
        "Target 2019",
        "Realisasi 2019",
        "Target Akhir Renstra 2023",
        "Capaian terhadap Target Akhir (%)",
    ]
    first = [c.text for c in table.rows[1].cells]
    # 2017 is before the Renstra: no data, a dash; 2018 the tahun dasar, marked and said so
    # above the table; 2023 the final target
    assert first[1].startswith("Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan")
    assert first[2:] == ["–", "80,90*", "80,94", "80,34", "81,10", "99,06"]
    text = [p.text for p in report.paragraphs]
    assert "Nilai bertanda * adalah kondisi tahun dasar Rencana Strategis (2018)" in " ".join(text)


def test_budget_total_is_the_year(report):
    quarters = _kuartal()
    spent = sum(_angka(v) for q in quarters for v in q["anggaran"].values())
    table = table_after(report, "Tabel 3.3 Realisasi Anggaran Tahun 2019")
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "JUMLAH"
    assert _angka(total[-2]) == spent == Decimal(2652533000)
    assert total[-1] == "88,29"


def test_efficiency_per_program(report):
    table = table_after(
        report, "Tabel 3.4 Capaian Kinerja dan Serapan Anggaran per Program Tahun 2019"
    )
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert len(rows) == 7
    assert rows[3][1:] == [
        "Program Peningkatan Kualitas Kelembagaan Koperasi",
        "IKU-1",
        "99,26",
        "91,79",
        "7,47",
    ]
    assert rows[0][2:4] == ["–", "–"]  # a program carrying no IKU: no capaian to compare


def test_lampiran_pk_rows_are_the_pk_of_the_year(report):
    data = load(CONTOH)
    rkt = lkj.baris_rkt(data, 2019)
    table = table_after(report, "Sasaran strategis, indikator kinerja dan target tahun 2019 :")
    indikator = [c.text for c in unique_cells(table, 1)][1:]
    target = [c.text for c in unique_cells(table, 3)][1:]
    assert indikator == [r["indikator"] for r in rkt]
    assert target == [r["target"] for r in rkt]
    program = table_after(report, "Program dan anggaran tahun 2019 :")
    assert program.rows[-1].cells[-1].text == "3.004.450.500"
    cells = "\n".join(c.text for t in report.tables for r in t.rows for c in r.cells)
    assert "Lumajang, ………………… Januari 2019" in cells  # signed on pk.yaml's date, as the PK


def test_annual_wording_and_date(report):
    text = "\n".join(p.text for p in report.paragraphs)
    assert "LAPORAN KINERJA INSTANSI PEMERINTAH" in text
    assert "Triwulan" not in text
    assert "sampai dengan triwulan" not in text
    assert "Dari 3 (tiga) indikator kinerja utama, pada tahun 2019 terdapat" in text
    assert (  # BAB IV: one verb for the count ('pada tahun 2019 1 (satu) indikator' before)
        "Dari 3 (tiga) indikator kinerja utama, pada tahun 2019 terdapat 1 (satu) indikator yang"
        " telah mencapai atau melampaui target tahun 2019 dan 2 (dua) belum mencapai target."
    ) in text
    assert "Lumajang, ………………… Februari 2020" in "\n".join(
        c.text for t in report.tables for r in t.rows for c in r.cells
    )


def test_charts_present(built):
    with zipfile.ZipFile(built) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(media) == 3  # the lambang and the two charts


@pytest.mark.parametrize("diminta", [True, False])
def test_missing_quarter_is_named_before_the_build(tmp_path, diminta):
    folder = tmp_path / "data"
    shutil.copytree(CONTOH, folder)
    (folder / "realisasi" / "2019-3.yaml").unlink()
    if not diminta:
        lkj_yaml = folder / "lkj.yaml"
        text = lkj_yaml.read_text(encoding="utf-8")
        lkj_yaml.write_text(text[: text.index("# CONTOH: Laporan Kinerja Tahunan")])
    findings = [f for f in check_folder(folder) if f.code in ("LKJ010", "LKJ011")]
    assert len(findings) == 1
    (f,) = findings
    assert (f.code, f.severity) == (("LKJ011", "galat") if diminta else ("LKJ010", "peringatan"))
    assert "realisasi/2019-3.yaml" in f.message
    assert lkjip.tidak_ada(load(folder)) is not None


def test_building_one_quarter_leaves_the_annual_report_and_the_other_quarters(tmp_path):
    out = tmp_path / "out"
    build(CONTOH, out, BuildOptions(kind="lkjip"))
    build(CONTOH, out, BuildOptions(kind="lkj"))
    before = {p.name: p.read_bytes() for p in out.glob("lkj*.docx")}
    assert "lkjip-2019.docx" in before and "lkj-2019-tw1.docx" in before
    result = build(CONTOH, out, BuildOptions(triwulan=(2019, 2)))
    assert result.deleted == []
    assert {p.name: p.read_bytes() for p in out.glob("lkj*.docx")} == before
