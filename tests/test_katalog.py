"""The shipped catalogue of regulations: it loads, its links hold, each entry says where it was
verified; and ``dokgen peraturan`` lists and searches it."""

import datetime as dt
import re

import pytest
from typer.testing import CliRunner

from dokgen import derive
from dokgen.cli import app
from dokgen.errors import Problem
from dokgen.load import _load_file, load
from dokgen.model import Katalog, Peraturan
from dokgen.resources import KATALOG
from tests.conftest import DATA

runner = CliRunner()


@pytest.fixture(scope="module")
def katalog() -> dict[str, Peraturan]:
    problems: list[Problem] = []
    loaded = _load_file(KATALOG, Katalog, problems)
    assert problems == [] and loaded is not None
    return loaded.peraturan


def test_every_amendment_and_revocation_is_in_the_catalogue(katalog):
    for key, p in katalog.items():
        for other in [*p.diubah_dengan, *([p.dicabut_dengan] if p.dicabut_dengan else [])]:
            assert other in katalog, f"{key} → {other}"
            assert other != key


def test_amendments_are_listed_oldest_first_and_after_what_they_amend(katalog):
    for key, p in katalog.items():
        chain = [p, *(katalog[k] for k in p.diubah_dengan)]
        years = [q.tahun for q in chain]
        assert years == sorted(years), key
        days = [q.sejak for q in chain if q.sejak]
        assert days == sorted(days), key
        if p.dicabut_dengan:
            assert katalog[p.dicabut_dengan].tahun >= p.tahun, key


def test_no_amendment_or_revocation_goes_round_in_a_circle(katalog):
    def reach(key: str, seen: frozenset[str]) -> None:
        p = katalog[key]
        for nxt in [*p.diubah_dengan, *([p.dicabut_dengan] if p.dicabut_dengan else [])]:
            assert nxt not in seen, f"{' → '.join(seen)} → {nxt}"
            reach(nxt, seen | {nxt})

    for key in katalog:
        reach(key, frozenset({key}))


def test_every_entry_says_where_it_was_verified(katalog):
    for key, p in katalog.items():
        assert p.sumber, key
        assert p.sumber.startswith(("belum diverifikasi", "http", "transkripsi ")), key


def test_keys_name_jenis_nomor_and_year_and_numbers_are_as_enacted(katalog):
    for key, p in katalog.items():
        assert re.fullmatch(r"[a-z-]+-\d+-\d{4}", key), key
        assert key.endswith(f"-{p.tahun}"), key
        assert not re.fullmatch(r"0\d+", p.nomor), f"{key}: nomor {p.nomor!r}"
        if p.nomor.isdigit():
            assert key.endswith(f"-{p.nomor}-{p.tahun}"), key


def test_every_uu_and_pp_carries_its_lembaran_negara_and_tambahan(katalog):
    for key, p in katalog.items():
        if p.jenis in ("uu", "pp"):
            assert p.lembaran is not None and p.lembaran.tambahan, key


def test_the_keys_other_documents_cite_exist(katalog):
    # seed 001's Mengingat and Landasan Penyusunan, seeds 000/002, and the SAKIP cycle
    for key in [
        "uu-28-1959", "uu-25-2004", "uu-23-2014", "uu-2-2015", "uu-9-2015", "uu-6-2023",
        "pp-3-1982", "pp-24-1983", "pp-8-2006", "pp-18-2016", "pp-72-2019", "pp-8-2008",
        "pp-12-2019", "uu-17-2003", "perpres-29-2014", "permendagri-13-2006",
        "permendagri-21-2011", "permendagri-86-2017", "permendagri-77-2020", "permenpan-9-2007",
        "permenpan-20-2008", "permenpan-53-2014", "permenpan-12-2015", "permenpan-88-2021",
        "permenpan-8-2021", "permenpan-6-2022", "uu-5-2014", "uu-20-2023", "pp-30-2019",
        "uu-28-1999", "tap-mpr-11-1998", "permendagri-54-2009",
    ]:  # fmt: skip
        assert key in katalog, key


def test_uu_23_2014_as_cited_through_the_years(katalog):
    def lampiran(pada: dt.date) -> str:
        return derive.kutipan("uu-23-2014", katalog, pada).split(" sebagaimana ")[1]

    # seed 001 (2021): "sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015"
    assert lampiran(dt.date(2015, 2, 10)).startswith(
        "telah diubah dengan Undang-Undang Nomor 2 Tahun 2015 tentang Penetapan"
    )
    assert lampiran(dt.date(2019, 8, 1)).startswith(
        "telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang"
        " Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"
        " (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58"
    )
    assert lampiran(dt.date(2021, 1, 31)).startswith(
        "telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 11 Tahun 2020 tentang"
        " Cipta Kerja"
    )
    assert lampiran(dt.date(2024, 1, 2)).startswith(
        "telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang"
        " Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022"
    )
    assert " sebagaimana " not in derive.kutipan("uu-23-2014", katalog, dt.date(2014, 12, 1))


def test_the_example_decrees_cite_what_was_in_force(katalog):
    for name in ("bandarlampung-diskopukm", "bandarlampung-diskopukm-perubahan"):
        data = load(DATA / name)
        assert data.keputusan is not None
        pada = data.keputusan.pada()
        assert pada is not None
        for key in data.keputusan.mengingat:
            p = data.peraturan[key]
            assert p.ada_pada(pada) is not False, key
            assert not p.dicabut_dengan or data.peraturan[p.dicabut_dengan].ada_pada(pada) is False


# --- dokgen peraturan ---------------------------------------------------------------------


def run(*args: object):
    return runner.invoke(app, ["peraturan", *(str(a) for a in args)])


def test_the_command_searches_key_number_year_title_and_state():
    result = run("23 2014")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "uu-23-2014",
        "    Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "    ditetapkan 30 September 2014; diubah 5 kali, terakhir dengan uu-6-2023",
        "uu-2-2015",
        "    Undang-Undang Nomor 2 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti"
        " Undang-Undang Nomor 2 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun"
        " 2014 tentang Pemerintahan Daerah menjadi Undang-Undang",
        "uu-9-2015",
        "    Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23"
        " Tahun 2014 tentang Pemerintahan Daerah",
        "    ditetapkan 18 Maret 2015",
        "3 peraturan",
    ]  # "23" is the start of a word: UU 5/2014 (dicabut dengan uu-20-2023) is not listed
    revoked = run("dicabut").output
    assert "uu-5-2014\n" in revoked and "    dicabut dengan uu-20-2023\n" in revoked
    assert "ditetapkan 31 Mei 2007; belum diverifikasi" in run("PER/09/M.PAN").output


def test_the_command_lists_everything_in_hierarchical_order():
    lines = run().output.splitlines()
    keys = [line for line in lines if not line.startswith(" ")][:-1]
    assert keys[:3] == ["tap-mpr-11-1998", "uu-28-1959", "uu-28-1999"]
    assert keys[-1] == "permenpan-6-2022"
    assert lines[-1] == f"{len(keys)} peraturan"


def test_the_command_adds_the_dinas_own_regulations():
    result = run("bandar lampung", "--folder", DATA / "bandarlampung-diskopukm")
    assert result.exit_code == 0, result.output
    assert "perda-bdl-7-2016 (peraturan.yaml)\n" in result.output
    assert (
        "    Peraturan Daerah Kota Bandar Lampung Nomor 7 Tahun 2016 tentang Pembentukan dan"
        " Susunan Perangkat Daerah Kota Bandar Lampung\n"
    ) in result.output
    assert "perda-bdl-4-2016 (peraturan.yaml)\n" in result.output
    assert "    diubah dengan perda-bdl-9-2018; belum diverifikasi\n" in result.output
    assert "perda-bdl-7-2016" not in run("bandar lampung").output


def test_the_command_says_when_nothing_matches_or_the_folder_is_wrong(tmp_path):
    nothing = run("zzz")
    assert nothing.exit_code == 1
    assert nothing.output == "Tidak ada peraturan yang cocok dengan 'zzz'.\n"
    missing = run("--folder", tmp_path / "tidak-ada")
    assert missing.exit_code == 2
    assert "folder data tidak ditemukan" in missing.output
    bad = tmp_path / "rusak"
    bad.mkdir()
    (bad / "peraturan.yaml").write_text("peraturan:\n  uu-23-2014:\n    jenis: uu\n")
    broken = run("--folder", bad)
    assert broken.exit_code == 2
    assert "peraturan.yaml" in broken.output and "Traceback" not in broken.output


def test_the_checks_say_which_document_on_which_date_cites_what():
    from dokgen.checks import periksa
    from tests.test_checks import RUSAK

    messages = {f.code: f.message for f in periksa(load(RUSAK)) if f.code.startswith("PER")}
    assert messages["PER004"] == (
        "Keputusan (Januari 2023) mengutip 'uu-20-2023' yang baru ditetapkan 31 Oktober 2023"
    )
    assert messages["PER005"] == (
        "'permenpan-12-2015' sudah dicabut dengan 'permenpan-88-2021' (Peraturan Menteri"
        " Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 Tahun 2021) sebelum"
        " Keputusan (Januari 2023)"
    )
    assert messages["PER006"] == (
        "'perwali-rusak-40-2012' mengatur periode 2010–2015, sedangkan Keputusan untuk Renstra"
        " 2018–2023"
    )
    assert messages["PER007"].startswith("peraturan 'perwali-rusak-41-2021' tidak ada di katalog")
    # never "maksud Anda 'perwali-rusak-40-2012'?": that is the entry the key stands in
    assert "perwali-rusak-40-2012" not in messages["PER007"]
    assert messages["PER008"].startswith("perubahan/pencabutan berputar: perbup-rusak-")
    assert messages["PER010"] == (
        "Keputusan (Januari 2023) menyebut 'Undang-Undang Nomor 20 Tahun 2023' yang baru"
        " ditetapkan 31 Oktober 2023"
    )
    assert messages["PER011"] == (
        "'perbup-rusak-4-2018' (2018) ditetapkan sebelum 'perbup-rusak-3-2019' yang diubahnya"
    )
    assert messages["PER009"] == (
        "nomor '040' ditulis dengan nol di depan: tulis '40' sebagaimana ditetapkan"
    )


def test_sebutan_names_the_date_as_far_as_it_is_known():
    from dokgen.checks.peraturan import sebutan
    from dokgen.model import Bertanggal

    assert sebutan(Bertanggal(tanggal=dt.date(2021, 1, 15))) == "15 Januari 2021"
    assert sebutan(Bertanggal(bulan="2021-01")) == "Januari 2021"
    assert sebutan(Bertanggal(), 2020) == "tahun 2020"
    assert sebutan(Bertanggal()) == ""
