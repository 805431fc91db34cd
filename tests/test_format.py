import datetime as dt
from decimal import Decimal

import pytest

from dokgen import format as f


def test_numbers_the_indonesian_way():
    assert f.angka(749455000) == "749.455.000"
    assert f.angka(Decimal("80.94"), 2) == "80,94"
    assert f.persen(330632301 / 749455000 * 100) == "44,12"
    assert f.angka(None) == "–"


def test_half_rounds_up_not_to_even():
    assert f.persen(Decimal("80.945")) == "80,95"
    assert f.persen(Decimal("80.925")) == "80,93"


def test_rupiah_and_dates():
    assert f.rupiah(1500000) == "Rp 1.500.000"
    assert f.tanggal(dt.date(2021, 1, 15)) == "15 Januari 2021"


def test_words_for_counts_and_diktum():
    assert f.bilangan(19) == "19 (sembilan belas)"
    assert f.bilangan(7) == "7 (tujuh)"
    assert [f.diktum(i) for i in (1, 2, 3, 4)] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]


def test_nip_is_grouped_8_6_1_3_and_other_lengths_are_left_alone():
    assert f.nip("195905311986032004") == "19590531 198603 2 004"
    assert f.nip("19590531 198603 2 004") == "19590531 198603 2 004"
    assert f.nip("1962041219830310151") == "1962041219830310151"


@pytest.mark.parametrize(
    ("index", "label"), [(1, "a"), (2, "b"), (26, "z"), (27, "aa"), (28, "ab")]
)
def test_letters_of_a_lettered_list(index, label):
    assert f.huruf(index) == label
