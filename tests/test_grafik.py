"""The Laporan Kinerja's figures: capaian per IKU and serapan per program (dokgen/grafik.py)."""

import dataclasses
import os
import subprocess
import sys
import zipfile

import pytest

from dokgen import grafik
from dokgen.build import BuildOptions, build
from dokgen.documents import lkj
from dokgen.load import load
from tests.conftest import DATA
from tests.docxread import lines, open_docx

CONTOH = DATA / "contoh-lengkap"
PNG = b"\x89PNG\r\n\x1a\n"
CAPAIAN = "Gambar 3.1 Capaian Kinerja per Indikator sampai dengan Triwulan II Tahun 2019"
SERAPAN = "Gambar 3.2 Pagu dan Realisasi Anggaran per Program sampai dengan Triwulan II Tahun 2019"

BARIS_CAPAIAN = (
    ("Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)", 92.27, "92,27%", False),
    ("Persentase Koperasi Sehat dan Cukup Sehat", None, "belum diukur", False),
    ("Persentase Perkembangan Usaha Mikro", 101.5, "101,50%", True),
)
BARIS_SERAPAN = (
    ("Program Pelayanan Administrasi Perkantoran", 749_455_000, 330_690_500, "44,12"),
    ("Program Pembinaan Lingkungan Sosial", 200_000_000, None, "–"),
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("grafik")
    build(CONTOH, out, BuildOptions(triwulan=(2019, 2), kind="lkj"))
    return out / "lkj-2019-tw2.docx"


def test_the_report_holds_both_figures_as_png_parts(built):
    with zipfile.ZipFile(built) as z:
        media = sorted(n for n in z.namelist() if n.startswith("word/media/"))
        pictures = [z.read(n) for n in media]
        document = z.read("word/document.xml").decode("utf-8")
    # the logo on the cover, then the two charts
    assert len(media) == 3
    assert all(p.startswith(PNG) for p in pictures)
    assert document.count("<w:drawing>") == 3


def test_captions_numbered_in_bab_iii_and_listed_in_daftar_gambar(built):
    text = lines(open_docx(built))
    assert CAPAIAN in text
    assert SERAPAN in text
    # Daftar Isi names the Daftar Gambar; the Daftar Gambar lists both with their numbers
    assert any(line.startswith("DAFTAR GAMBAR\t") for line in text)
    assert "DAFTAR GAMBAR" in text
    entries = [line for line in text if line.startswith("Gambar 3.") and "\t" in line]
    assert [e.split("\t")[0] for e in entries] == ["Gambar 3.1", "Gambar 3.2"]
    # each figure stands right after its table's section text, caption below the picture
    assert text.index(CAPAIAN) < text.index(SERAPAN)


def test_two_builds_give_identical_bytes(built, tmp_path):
    build(CONTOH, tmp_path, BuildOptions(triwulan=(2019, 2), kind="lkj"))
    assert (tmp_path / built.name).read_bytes() == built.read_bytes()


def test_chart_bytes_do_not_depend_on_the_process():
    """Same bytes drawn again, and in a fresh interpreter with another hash seed."""
    first = grafik.capaian(BARIS_CAPAIAN)
    again = grafik.capaian(BARIS_CAPAIAN)
    assert first is not None and again is not None
    assert first == again
    script = (
        "import sys, hashlib; from dokgen import grafik; from tests.test_grafik import"
        " BARIS_CAPAIAN, BARIS_SERAPAN; "
        "print(hashlib.sha256(grafik.capaian(BARIS_CAPAIAN)[0]"
        " + grafik.serapan(BARIS_SERAPAN)[0]).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def test_a_chart_is_a_png_of_the_printed_width():
    png, tinggi = grafik.serapan(BARIS_SERAPAN)
    assert png.startswith(PNG)
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    assert width == round(grafik.LEBAR_CM / 2.54 * grafik.DPI)
    assert abs(height / width - tinggi / grafik.LEBAR_CM) < 0.01


def test_nothing_to_draw_no_chart():
    unmeasured = tuple((n, None, "belum diukur", False) for n, _, _, _ in BARIS_CAPAIAN)
    assert grafik.capaian(unmeasured) is None
    assert grafik.capaian(()) is None
    unspent = tuple((n, pagu, None, "–") for n, pagu, _, _ in BARIS_SERAPAN)
    assert grafik.serapan(unspent) is None
    assert grafik.serapan((("Program", 0, None, "–"),)) is None


def test_a_figure_left_out_closes_up_the_numbering():
    """A quarter with no money spent: no serapan figure; with no IKU measured either: none."""
    data = load(CONTOH)
    unspent = [r.model_copy(update={"anggaran": {}}) for r in data.realisasi]
    doc = lkj.satu(dataclasses.replace(data, realisasi=unspent), unspent[1])
    assert doc.context["nomor_gambar"] == {"capaian": "3.1", "serapan": ""}
    assert set(doc.gambar) == {"logo", "grafik_capaian"}
    blank = [r.model_copy(update={"anggaran": {}, "indikator": {}}) for r in data.realisasi]
    doc = lkj.satu(dataclasses.replace(data, realisasi=blank), blank[1])
    assert doc.context["nomor_gambar"] == {"capaian": "", "serapan": ""}
    assert set(doc.gambar) == {"logo"}


def test_the_check_and_the_help_do_not_import_matplotlib():
    script = (
        "import sys; from typer.testing import CliRunner; from dokgen.cli import app; "
        f"r = CliRunner().invoke(app, ['check', {str(CONTOH)!r}]); "
        "h = CliRunner().invoke(app, ['--help']); "
        "assert h.exit_code == 0, h.output; "
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_many_indicators_stay_on_one_page():
    """Forty long names: one line each, the chart no taller than a page holds."""
    name = "Persentase indikator yang sangat panjang uraiannya sehingga terbungkus tiga baris"
    rows = tuple((f"{name} {i}", float(i * 7), f"{i * 7}%", i * 7 >= 100) for i in range(40))
    chart = grafik.capaian(rows)
    assert chart is not None
    assert chart[1] == grafik.TINGGI_MAKS_CM
    few = grafik.capaian(rows[:3])
    assert few is not None and few[1] < 10


def test_charts_drawn_once_are_taken_from_the_cache(monkeypatch):
    from dokgen.cache import Cache
    from dokgen.documents import lkj
    from dokgen.load import load

    cache = Cache()
    first = [d.gambar for d in lkj.dokumen(load(CONTOH, cache))]
    assert any(first)

    def never(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(grafik, "capaian", never)
    monkeypatch.setattr(grafik, "serapan", never)
    assert [d.gambar for d in lkj.dokumen(load(CONTOH, cache))] == first
