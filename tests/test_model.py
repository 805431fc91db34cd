from decimal import Decimal

import pytest
from pydantic import ValidationError

from dokgen.model import Dinas, Formula, Indikator, Jabatan, Kegiatan, Periode, Renstra


def test_numbers_are_read_the_indonesian_way():
    ind = Indikator.model_validate(
        {"kode": "IKU-1", "uraian": "RAT", "target": {"2019": "80,94", "2020": "1.000"}}
    )
    assert ind.target == {2019: Decimal("80.94"), 2020: Decimal("1000")}


def test_an_english_decimal_point_is_refused_with_a_suggestion():
    with pytest.raises(ValidationError) as caught:
        Indikator.model_validate({"kode": "a", "uraian": "b", "target": {"2019": "80.94"}})
    assert "maksud Anda 80,94?" in str(caught.value)


def test_rupiah_is_whole_and_may_carry_rp():
    kegiatan = Kegiatan.model_validate(
        {"kode": "1.01", "nama": "Pelayanan", "pagu": {"2019": "Rp 749.455.000"}}
    )
    assert kegiatan.pagu == {2019: 749455000}
    with pytest.raises(ValidationError):
        Kegiatan.model_validate({"kode": "1", "nama": "x", "pagu": {"2019": "1.500,50"}})


def test_nip_keeps_leading_zeros_and_drops_spaces():
    dinas = Dinas.model_validate(
        {
            "nama": "Dinas Koperasi dan Usaha Mikro",
            "pemda": {"jenis": "kabupaten", "nama": "Malang"},
            "kepala": {"nama": "X", "nip": "19590531 198603 2 004"},
        }
    )
    assert dinas.kepala.nip == "195905311986032004"
    assert dinas.jabatan_kepala == ["KEPALA DINAS", "KOPERASI DAN USAHA MIKRO", "KABUPATEN MALANG"]
    kesehatan = dinas.model_copy(update={"nama": "Dinas Kesehatan"})
    assert kesehatan.jabatan_kepala == ["KEPALA DINAS KESEHATAN", "KABUPATEN MALANG"]
    ukm = dinas.model_copy(update={"nama": "Dinas Koperasi dan UKM"})
    assert ukm.jabatan_kepala == ["KEPALA DINAS KOPERASI DAN UKM", "KABUPATEN MALANG"]
    assert dinas.pemda.kepala_daerah == "Bupati"
    assert dinas.tempat == "Malang"
    assert dinas.pengaturan.kertas == "F4"


def test_kota_has_a_walikota():
    dinas = Dinas.model_validate(
        {
            "nama": "Dinas Koperasi dan UKM",
            "pemda": {"jenis": "kota", "nama": "Bandar Lampung"},
            "kepala": {"nama": "X"},
        }
    )
    assert dinas.pemda.kepala_daerah == "Walikota"
    assert dinas.pemda.sebutan == "Kota Bandar Lampung"


def test_formula_is_a_text_or_a_complete_ratio():
    assert Formula.model_validate("Jumlah koperasi").teks == "Jumlah koperasi"
    ratio = Formula.model_validate({"pembilang": "sehat", "penyebut": "seluruh"})
    assert ratio.pecahan and ratio.pengali_teks == "× 100%"
    assert (
        Formula.model_validate({"pembilang": "a", "penyebut": "b", "pengali": "1"}).pengali_teks
        == ""
    )
    with pytest.raises(ValidationError, match="pembilang' dan 'penyebut"):
        Formula.model_validate({"pembilang": "sehat"})
    with pytest.raises(ValidationError, match="bukan keduanya"):
        Formula.model_validate({"teks": "x", "pembilang": "a", "penyebut": "b"})


def test_unknown_keys_are_refused():
    with pytest.raises(ValidationError):
        Jabatan.model_validate({"kode": "a", "nama": "A", "tugass": []})


def test_jabatan_code_is_a_safe_identifier():
    with pytest.raises(ValidationError):
        Jabatan.model_validate({"kode": "Kasubag Umum", "nama": "A"})


def test_renstra_period_years():
    renstra = Renstra.model_validate(
        {"periode": {"awal": "2018", "akhir": "2023"}, "visi": "Terwujudnya koperasi mandiri"}
    )
    assert renstra.periode.tahun == [2018, 2019, 2020, 2021, 2022, 2023]
    with pytest.raises(ValidationError, match="harus sesudah"):
        Periode.model_validate({"awal": "2023", "akhir": "2018"})


def test_a_pagu_below_zero_is_refused() -> None:
    """A negative pagu or realisasi anggaran is no amount of money (the LKj's serapan and its
    chart would draw nonsense)."""
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        Kegiatan.model_validate({"kode": "1.1", "nama": "Kegiatan", "pagu": {2024: "-1.774"}})
    zero = Kegiatan.model_validate({"kode": "1", "nama": "K", "pagu": {2024: "0"}})
    assert zero.pagu == {2024: 0}
