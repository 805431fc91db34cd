import pytest

from dokgen.errors import DataError
from dokgen.load import load
from tests.conftest import DINAS_YAML, JABATAN_YAML


def problems(folder):
    with pytest.raises(DataError) as caught:
        load(folder)
    return [(m.location.file.name, m.location.line, m.message) for m in caught.value.problems]


def test_loads_a_valid_folder_with_locations(make_data):
    data = load(make_data())
    (jabatan,) = data.jabatan
    assert jabatan.kode == "sekretaris"
    row = jabatan.iki[0].indikator[1]
    assert row.formula.teks == "Jumlah laporan yang disusun"
    assert row.location[0].name == "01-sekretaris.yaml"
    assert row.location[1] == 15
    assert data.dinas.kepala.location[1] == 6


def test_misspelt_key_gets_a_suggestion_and_its_line(make_data):
    folder = make_data(
        jabatan={"01-a.yaml": JABATAN_YAML.replace("  - uraian: Jumlah", "  - uraiann: Jumlah")}
    )
    assert problems(folder) == [
        ("01-a.yaml", 15, "kunci wajib 'uraian' tidak ada"),
        ("01-a.yaml", 15, "kunci 'uraiann' tidak dikenal — maksud Anda 'uraian'?"),
    ]


def test_indikaor_suggests_indikator(make_data):
    folder = make_data(
        jabatan={"01-a.yaml": JABATAN_YAML.replace("    indikator:", "    indikaor:")}
    )
    found = problems(folder)
    assert ("01-a.yaml", 9, "kunci 'indikaor' tidak dikenal — maksud Anda 'indikator'?") in found


def test_wrong_type_names_the_field(make_data):
    folder = make_data(jabatan={"01-a.yaml": JABATAN_YAML.replace("fungsi: []", "fungsi:\n  a: b")})
    assert problems(folder) == [
        ("01-a.yaml", 6, "fungsi: harus berupa daftar (baris-baris yang diawali '- ')")
    ]


def test_missing_required_field(make_data):
    folder = make_data(dinas=DINAS_YAML.replace("  jenis: kabupaten\n", ""))
    assert problems(folder) == [("dinas.yaml", 3, "kunci wajib 'jenis' tidak ada")]


def test_wrong_choice_lists_the_choices(make_data):
    folder = make_data(dinas=DINAS_YAML.replace("jenis: kabupaten", "jenis: provinsi"))
    ((_, line, message),) = problems(folder)
    assert line == 4 and "'provinsi' tidak sah" in message and "'kabupaten' atau 'kota'" in message


def test_all_problems_of_all_files_are_collected(make_data):
    folder = make_data(
        dinas=DINAS_YAML.replace("singkatan:", "singkatn:"),
        jabatan={
            "01-a.yaml": "kode: a\nnama: A\ntugas: [x\n",
            "02-b.yaml": JABATAN_YAML.replace("kode: sekretaris", "kode: Sekretaris Dinas"),
        },
    )
    found = problems(folder)
    assert [f for f, _, _ in found] == ["dinas.yaml", "01-a.yaml", "02-b.yaml"]


def test_duplicate_jabatan_code(make_data):
    folder = make_data(jabatan={"01-a.yaml": JABATAN_YAML, "02-b.yaml": JABATAN_YAML})
    assert problems(folder) == [
        ("02-b.yaml", 1, "kode jabatan 'sekretaris' sudah dipakai di 01-a.yaml")
    ]


def test_missing_folder_and_missing_dinas_yaml(tmp_path, make_data):
    assert problems(tmp_path / "tidak-ada") == [("tidak-ada", None, "folder data tidak ditemukan")]
    folder = make_data()
    (folder / "dinas.yaml").unlink()
    assert problems(folder) == [("dinas.yaml", None, "berkas wajib dinas.yaml tidak ada")]


def test_every_example_dataset_loads_and_supports_a_document():
    from dokgen.documents import kinds
    from tests.conftest import CONTOH

    for folder in CONTOH:
        data = load(folder)
        buildable = [name for name, kind in kinds().items() if kind.missing(data) is None]
        assert buildable, folder


def test_decimal_comma_inside_flow_mapping_is_explained(make_data):
    renstra = """\
    periode: {awal: 2018, akhir: 2023}
    sasaran:
      - kode: S1
        uraian: Meningkatnya Kualitas Koperasi
        indikator:
          - kode: IKU-1
            uraian: Persentase RAT
            target: {2019: 80,94}
    """
    found = problems(make_data(**{"renstra.yaml": renstra}))
    assert found == [
        (
            "renstra.yaml",
            8,
            "sasaran.0.indikator.0.target.94: nilai kosong (di dalam { } koma memisahkan entri:"
            " tulis angka berkoma per baris atau beri tanda kutip)",
        )
    ]
