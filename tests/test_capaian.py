from decimal import Decimal as D

import pytest

from dokgen import capaian as c
from dokgen.model import PREDIKAT_PERMENDAGRI_86_2017 as BANDS
from dokgen.model import Indikator, Kegiatan, RealisasiTriwulan


def test_positive_polarity_is_realisasi_over_target():
    assert c.bulat(c.capaian(D("80.94"), D("74.68"))) == D("92.27")


def test_negative_polarity_by_permenpanrb_8_2021_is_floored_at_zero():
    # lower is better: target 10, realisasi 8 → (20 − 8) / 10 = 120 %
    assert c.capaian(D(10), D(8), "negatif") == D(120)
    assert c.capaian(D(10), D(25), "negatif") == D(0)  # (20 − 25) / 10 < 0 → 0


def test_negative_polarity_by_the_inverse_ratio_setting():
    assert c.capaian(D(10), D(8), "negatif", "rasio-terbalik") == D(125)
    assert c.capaian(D(10), D(0), "negatif", "rasio-terbalik") is None


def test_unknown_values_stay_unknown():
    assert c.capaian(D(10), None) is None
    assert c.capaian(None, D(5)) is None
    assert c.capaian(D(0), D(5)) is None
    assert c.predikat(None, BANDS) == "–"


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("100", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        ("90.995", "Sangat Tinggi"),
        ("90.99", "Tinggi"),
        ("76", "Tinggi"),
        ("75.99", "Sedang"),
        ("66", "Sedang"),
        ("65.994", "Rendah"),
        ("51", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
    ],
)
def test_band_edges_compare_the_printed_value(value, band):
    assert c.predikat(D(value), BANDS) == band


def indikator(agregasi: str) -> Indikator:
    return Indikator.model_validate({"kode": "IKU-1", "uraian": "x", "agregasi": agregasi})


def quarters(*values) -> list[RealisasiTriwulan]:
    return [
        RealisasiTriwulan.model_validate(
            {"tahun": "2019", "triwulan": str(tw), "indikator": {} if v is None else {"IKU-1": v}}
        )
        for tw, v in enumerate(values, start=1)
    ]


def test_kumulatif_sums_the_quarters_so_far():
    data = quarters("10", "15", "20")
    assert c.realisasi_sampai(indikator("kumulatif"), data, 2019, 2) == D(25)
    assert c.realisasi_sampai(indikator("kumulatif"), data, 2019, 3) == D(45)


def test_nilai_akhir_takes_the_latest_measured_quarter():
    data = quarters("70", None, "74,68")
    assert c.realisasi_sampai(indikator("nilai_akhir"), data, 2019, 2) == D(70)
    assert c.realisasi_sampai(indikator("nilai_akhir"), data, 2019, 3) == D("74.68")


def test_nothing_measured_is_none_not_zero():
    assert c.realisasi_sampai(indikator("kumulatif"), quarters(None, None), 2019, 2) is None
    assert c.realisasi_sampai(indikator("nilai_akhir"), quarters("5"), 2020, 1) is None


def test_serapan_and_totals_leave_unknown_out():
    kegiatan = Kegiatan.model_validate(
        {"kode": "1.1", "nama": "x", "pagu": {"2019": "749.455.000"}}
    )
    laporan = [
        RealisasiTriwulan.model_validate(
            {"tahun": "2019", "triwulan": "2", "anggaran": {"1.1": "330.632.301"}}
        )
    ]
    part = c.serapan_kegiatan(kegiatan, laporan, 2019, 2)
    assert (part.pagu, part.realisasi, c.bulat(part.persen)) == (749455000, 330632301, D("44.12"))
    unknown = c.serapan_kegiatan(kegiatan, [], 2019, 2)
    assert unknown.realisasi is None and unknown.persen is None
    total = c.Serapan.jumlah([part, unknown])
    assert (total.pagu, total.realisasi) == (749455000 * 2, 330632301)
    assert c.Serapan.jumlah([unknown]).realisasi is None


def test_rounding_is_half_up():
    assert c.bulat(D("44.125")) == D("44.13")
    assert c.bulat(D("44.124999")) == D("44.12")


def test_a_percentage_without_agregasi_is_not_summed_across_quarters():
    """80 % then 85 % is 85 %, not 165 %: without ``agregasi`` a percentage takes its latest
    quarter; a count still adds up."""
    data = quarters("80", "85")
    persen = Indikator.model_validate({"kode": "IKU-1", "uraian": "Cakupan", "satuan": "%"})
    named = Indikator.model_validate({"kode": "IKU-1", "uraian": "Persentase koperasi sehat"})
    count = Indikator.model_validate({"kode": "IKU-1", "uraian": "Jumlah koperasi dibina"})
    assert c.realisasi_sampai(persen, data, 2019, 2) == D(85)
    assert c.realisasi_sampai(named, data, 2019, 2) == D(85)
    assert c.realisasi_sampai(count, data, 2019, 2) == D(165)
    written = Indikator.model_validate(
        {"kode": "IKU-1", "uraian": "Cakupan", "satuan": "%", "agregasi": "kumulatif"}
    )
    assert c.realisasi_sampai(written, data, 2019, 2) == D(165)  # as written
