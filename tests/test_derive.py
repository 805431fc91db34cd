import datetime as dt

import pytest

from dokgen import derive
from dokgen.format import tanggal_ttd
from dokgen.model import Keputusan, Peraturan


def catalogue(**entries: dict) -> dict[str, Peraturan]:
    return {key: Peraturan.model_validate(value) for key, value in entries.items()}


KATALOG = catalogue(
    uu=dict(
        jenis="uu",
        nomor="23",
        tahun="2014",
        tentang="Pemerintahan Daerah",
        lembaran={"tahun": "2014", "nomor": "244", "tambahan": "5587"},
        diubah_dengan=["uu2"],
    ),
    uu2=dict(
        jenis="uu",
        nomor="9",
        tahun="2015",
        tentang="Perubahan Kedua",
        lembaran={"tahun": "2015", "nomor": "58", "tambahan": "5679"},
    ),
    pp18=dict(jenis="pp", nomor="18", tahun="2016", tentang="Perangkat Daerah"),
    pp8=dict(jenis="pp", nomor="8", tahun="2006", tentang="Pelaporan Keuangan"),
    permen=dict(
        jenis="permen",
        penerbit="Menteri Negara Pendayagunaan Aparatur Negara",
        nomor="PER/09/M.PAN/5/2007",
        tahun="2007",
        tentang="Pedoman IKU",
    ),
    perda=dict(
        jenis="perda",
        penerbit="Kota Bandar Lampung",
        nomor="07",
        tahun="2016",
        tentang="Perangkat Daerah",
        lembaran={"tahun": "2016", "nomor": "07", "tambahan": "07"},
    ),
    perwali=dict(
        jenis="perwali",
        penerbit="Bandar Lampung",
        nomor="40",
        tahun="2018",
        tentang="Perubahan IKU",
    ),
    pp8b=dict(jenis="pp", nomor="3", tahun="2016", tentang="Sebelum 18"),
)


def test_citation_with_lembaran_negara_and_amendment():
    assert derive.kutipan("uu", KATALOG) == (
        "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik"
        " Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587)"
        " sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua"
        " (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, Tambahan Lembaran Negara"
        " Republik Indonesia Nomor 5679)"
    )


def test_citation_of_a_number_that_carries_its_year_and_of_local_regulations():
    assert derive.kutipan("permen", KATALOG) == (
        "Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007"
        " tentang Pedoman IKU"
    )
    assert derive.kutipan("perda", KATALOG) == (
        "Peraturan Daerah Kota Bandar Lampung Nomor 07 Tahun 2016 tentang Perangkat Daerah"
        " (Lembaran Daerah Kota Bandar Lampung Tahun 2016 Nomor 07, Tambahan Lembaran Daerah"
        " Kota Bandar Lampung Nomor 07)"
    )
    assert derive.kutipan("perwali", KATALOG).startswith(
        "Peraturan Walikota Bandar Lampung Nomor 40"
    )


def test_mengingat_is_ordered_by_hierarchy_then_chronologically_without_duplicates():
    keys = ["perwali", "perda", "pp18", "permen", "pp8", "uu", "pp8b", "pp18"]
    assert derive.urutan_peraturan(keys, KATALOG) == [
        "uu",
        "pp8",
        "pp8b",
        "pp18",
        "permen",
        "perda",
        "perwali",
    ]


@pytest.mark.parametrize(
    ("count", "text"),
    [(1, "huruf a"), (2, "huruf a dan huruf b"), (3, "huruf a, huruf b, dan huruf c")],
)
def test_closing_menimbang_cites_the_letters_above_it(count, text):
    assert derive.daftar_huruf(count) == text


def test_menimbang_items_start_with_bahwa_and_end_with_semicolon():
    from dokgen.model import Dinas

    dinas = Dinas.model_validate(
        {
            "nama": "Dinas Koperasi dan UKM",
            "kepala": {"nama": "X"},
            "pemda": {"jenis": "kota", "nama": "Bandar Lampung"},
        }
    )
    keputusan = Keputusan.model_validate(
        {"menimbang": ["bahwa satu;", "dua."], "mengingat": ["uu"]}
    )
    items = derive.menimbang(keputusan, dinas, "Indikator Kinerja Utama")
    assert items == [
        "bahwa satu;",
        "bahwa dua;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu"
        " menetapkan Keputusan Kepala Dinas Koperasi dan UKM Kota Bandar Lampung tentang"
        " Indikator Kinerja Utama;",
    ]


def test_date_of_signing_leaves_a_blank_when_not_final():
    base = {"menimbang": ["x"], "mengingat": ["uu"]}
    assert _ttd(Keputusan.model_validate({**base, "tanggal": "2021-01-15"})) == ("15 Januari 2021")
    assert _ttd(Keputusan.model_validate({**base, "bulan": "2021-01"})) == ("………………… Januari 2021")
    assert "…" in _ttd(Keputusan.model_validate(base))


def _ttd(keputusan: Keputusan) -> str:
    return tanggal_ttd(keputusan.tanggal, keputusan.bulan)


def test_tanggal_ttd_tahun_saja_dan_tanggal_dokumen() -> None:
    assert tanggal_ttd(None, None, 2019) == "………………… ………………… 2019"
    base = {"menimbang": ["x"], "mengingat": ["uu-23-2014"]}
    assert Keputusan.model_validate({**base, "bulan": "2021-02"}).pada() == dt.date(2021, 2, 28)
    assert Keputusan.model_validate(base).pada(2020) == dt.date(2020, 12, 31)
    assert Keputusan.model_validate(base).pada() is None


# --- issue 18, h3: the amending decree's reason, the title without an added abbreviation ---


def _dinas_bdl():
    from dokgen.model import Dinas

    return Dinas.model_validate(
        {
            "nama": "Dinas Koperasi dan UKM",
            "kepala": {"nama": "X"},
            "pemda": {"jenis": "kota", "nama": "Bandar Lampung"},
        }
    )


def _renstra():
    from dokgen.model import Renstra

    return Renstra.model_validate({"periode": {"awal": 2021, "akhir": 2026}})


def test_judul_iku_names_the_dinas_whole_without_an_added_abbreviation():
    keputusan = Keputusan.model_validate({"menimbang": ["x"], "mengingat": ["uu"]})
    assert derive.judul_iku(_dinas_bdl(), _renstra(), keputusan) == (
        "Indikator Kinerja Utama Dinas Koperasi dan UKM Kota Bandar Lampung Tahun 2021–2026"
    )


def _perubahan(**fields):
    base = {"mengubah": {"nomor": "1/SK/2021"}, "mengingat": ["uu"]}
    return Keputusan.model_validate({**base, **fields})


def test_alasan_perubahan_per_reason_and_none_without_one():
    from dokgen.diff import Perubahan

    dinas, renstra = _dinas_bdl(), _renstra()
    lama = "bahwa Keputusan Kepala Dinas Koperasi dan UKM Kota Bandar Lampung Nomor 1/SK/2021"
    assert derive.alasan_perubahan(_perubahan(menimbang=["x"]), dinas, "IKU", renstra) is None
    assert derive.alasan_perubahan(_perubahan(alasan="revisi-renstra"), dinas, "IKU", renstra) == (
        f"{lama} tentang IKU perlu diubah untuk menyesuaikan dengan perubahan Rencana Strategis"
        " Dinas Koperasi dan UKM Kota Bandar Lampung Tahun 2021–2026;"
    )
    target = [Perubahan("diubah", "indikator IKU-1", "target 2024", "70", "72")]
    assert derive.alasan_perubahan(
        _perubahan(alasan=["reviu-iku"]), dinas, "IKU", renstra, target
    ) == (
        f"{lama} tentang IKU perlu diubah untuk menyesuaikan target indikator dengan hasil reviu"
        " Indikator Kinerja Utama;"
    )


def test_bagian_berubah_only_when_only_indicator_fields_of_the_renstra_changed():
    from dokgen.diff import Perubahan

    formula = Perubahan("diubah", "indikator IKU-3", "formula", "a", "b")
    sumber = Perubahan("diubah", "indikator IKU-3", "sumber data", "a", "b")
    kepala = Perubahan("diubah", "Kepala Dinas", "nama", "A", "B")
    added = Perubahan("ditambah", "indikator IKU-4", "", "–", "Baru")
    program = Perubahan("diubah", "program 1", "nama", "a", "b")
    assert derive.bagian_berubah([sumber, kepala, formula]) == ["formula", "sumber data"]
    assert derive.bagian_berubah([formula, added]) is None
    assert derive.bagian_berubah([formula, program]) is None
    assert derive.bagian_berubah([kepala]) is None


# --- citations in the state in force on the document's date (kutipan, urutan_peraturan) ---

BERUBAH = catalogue(
    induk=dict(
        jenis="pp",
        nomor="18",
        tahun="2016",
        ditetapkan="2016-06-15",
        tentang="Perangkat Daerah",
        diubah_dengan=["satu", "dua"],
        dicabut_dengan="baru",
    ),
    satu=dict(
        jenis="pp",
        nomor="72",
        tahun="2019",
        ditetapkan="2019-10-16",
        tentang="Perubahan atas PP 18/2016",
        lembaran={"tahun": "2019", "nomor": "187", "tambahan": "6402"},
    ),
    dua=dict(jenis="pp", nomor="9", tahun="2022", tentang="Perubahan Kedua atas PP 18/2016"),
    baru=dict(jenis="pp", nomor="1", tahun="2025", ditetapkan="2025-03-01", tentang="Pengganti"),
)


def test_an_amendment_enacted_after_the_document_is_not_mentioned():
    plain = "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah"
    assert derive.kutipan("induk", BERUBAH, dt.date(2019, 10, 15)) == plain
    assert derive.kutipan("induk", BERUBAH, dt.date(2019, 10, 16)) == (
        f"{plain} sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 72 Tahun 2019 tentang"
        " Perubahan atas PP 18/2016 (Lembaran Negara Republik Indonesia Tahun 2019 Nomor 187,"
        " Tambahan Lembaran Negara Republik Indonesia Nomor 6402)"
    )


def test_several_amendments_name_the_last_one():
    expected = (
        "Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah sebagaimana telah"
        " beberapa kali diubah, terakhir dengan Peraturan Pemerintah Nomor 9 Tahun 2022 tentang"
        " Perubahan Kedua atas PP 18/2016"
    )
    assert derive.kutipan("induk", BERUBAH, dt.date(2023, 1, 1)) == expected
    assert derive.kutipan("induk", BERUBAH) == expected  # no date: every amendment known
    # only the year of 'dua' is known: in 2022 it may or may not be in force — kept
    assert derive.kutipan("induk", BERUBAH, dt.date(2022, 1, 1)) == expected


def test_a_revoked_regulation_is_still_cited_as_it_stood_the_check_warns():
    # PER005 reports the citation; the text does not invent a state
    assert derive.kutipan("induk", BERUBAH, dt.date(2026, 1, 1)).endswith(
        "terakhir dengan Peraturan Pemerintah Nomor 9 Tahun 2022 tentang Perubahan Kedua atas"
        " PP 18/2016"
    )


def test_when_a_regulation_exists():
    satu, dua = BERUBAH["satu"], BERUBAH["dua"]
    assert satu.ada_pada(dt.date(2019, 10, 15)) is False
    assert satu.ada_pada(dt.date(2019, 10, 16)) is True
    assert dua.ada_pada(dt.date(2021, 12, 31)) is False
    assert dua.ada_pada(dt.date(2022, 6, 1)) is None  # only the year is known
    assert dua.ada_pada(dt.date(2023, 1, 1)) is True


def test_numbers_print_as_written_in_the_catalogue_without_added_zeros():
    from dokgen.load import _load_file
    from dokgen.model import Katalog
    from dokgen.resources import KATALOG

    shipped = _load_file(KATALOG, Katalog, [])
    assert shipped is not None
    text = derive.kutipan("uu-23-2014", shipped.peraturan, dt.date(2016, 1, 1))
    assert "Undang-Undang Nomor 9 Tahun 2015" in text and "Nomor 09" not in text
    assert derive.kutipan("pp-3-1982", shipped.peraturan).startswith(
        "Peraturan Pemerintah Nomor 3 Tahun 1982"  # seed 001: "Nomor 03"
    )


def test_order_within_a_year_follows_the_day_of_enactment():
    katalog = catalogue(
        akhir=dict(jenis="pp", nomor="3", tahun="2019", ditetapkan="2019-11-01", tentang="b"),
        awal=dict(jenis="pp", nomor="72", tahun="2019", ditetapkan="2019-02-01", tentang="a"),
        tanpa=dict(jenis="pp", nomor="1", tahun="2019", tentang="tanpa tanggal"),
        uu=dict(jenis="uu", nomor="1", tahun="2020", tentang="c"),
    )
    assert derive.urutan_peraturan(["tanpa", "akhir", "uu", "awal"], katalog) == [
        "uu",
        "awal",
        "akhir",
        "tanpa",
    ]


def test_enactment_dates_must_agree_with_the_year():
    with pytest.raises(ValueError, match="tahun 2016 tidak cocok"):
        Peraturan.model_validate(
            dict(jenis="pp", nomor="18", tahun="2016", ditetapkan="2015-06-15", tentang="x")
        )
    with pytest.raises(ValueError, match="diundangkan 2016-06-01 sebelum ditetapkan"):
        Peraturan.model_validate(
            dict(
                jenis="pp",
                nomor="18",
                tahun="2016",
                ditetapkan="2016-06-15",
                diundangkan="2016-06-01",
                tentang="x",
            )
        )
