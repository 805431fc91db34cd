"""The Perjanjian Kinerja 2019 of the complete example, read back: signers, targets, totals."""

import shutil

import pytest

from dokgen.build import BuildOptions, build
from dokgen.check import check_folder
from dokgen.documents import kinds
from dokgen.load import load
from tests.conftest import DATA
from tests.docxread import lines, open_docx

CONTOH = DATA / "contoh-lengkap"


def _build(folder, out):
    build(folder, out, BuildOptions(kind="pk", force=True, jobs=1))
    return out / "pk"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return _build(CONTOH, tmp_path_factory.mktemp("pk"))


def _lines(path):
    return lines(open_docx(path))


def _tables(path):
    doc = open_docx(path)
    return [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def test_one_agreement_for_the_kepala_dinas_and_every_unit_head(built):
    names = sorted(p.name for p in built.iterdir())
    assert names[0] == "00-kepala-dinas.docx"
    assert "02-kasubag-umum.docx" in names and "12-kabid-usaha-mikro.docx" in names
    assert len(names) == 16


def test_kepala_dinas_with_the_bupati_renstra_targets_and_pagu(built):
    path = built / "00-kepala-dinas.docx"
    text = _lines(path)
    assert "PERJANJIAN KINERJA TAHUN 2019" in text
    assert any(line.endswith("Drs. SUHARWOKO, M.Si") for line in text)
    assert any(line.endswith("Bupati Lumajang") for line in text)
    assert text.count("H. THORIQUL HAQ, M.ML.") == 2  # the statement and the lampiran
    assert "Lumajang, ………………… Januari 2019" in text
    data = load(CONTOH)
    assert data.renstra is not None
    sasaran, program = [t for t in _tables(path) if t[0][0] in ("Sasaran Strategis", "No")]
    iku = {i.uraian: i for s in data.renstra.semua_sasaran for i in s.indikator}
    for row in sasaran[1:]:
        assert row[3] == f"{iku[row[1]].target[2019]:.2f}".replace(".", ",")
    pagu = sum(k.pagu.get(2019, 0) for p in data.renstra.program for k in p.kegiatan)
    assert program[-1][-1] == f"{pagu:,}".replace(",", ".")
    assert len(program) - 2 == sum(
        any(2019 in k.pagu for k in p.kegiatan) for p in data.renstra.program
    )


def test_a_unit_head_with_its_atasan_and_its_rows_own_target(built):
    path = built / "05-kasi-organisasi.docx"
    text = _lines(path)
    assert any(line.endswith("Kepala Seksi Organisasi dan Tata Laksana") for line in text)
    assert any(line.endswith("Kepala Bidang Kelembagaan Koperasi") for line in text)
    sasaran = next(t for t in _tables(path) if t[0][0] == "Sasaran Strategis")
    assert sasaran[1][2:] == ["%", "75,00"]  # the IKI row's own target 2019
    assert not any(line.startswith("* Target") for line in text)
    kegiatan = next(t for t in _tables(path) if t[0][0] == "No")
    assert kegiatan[0][1] == "Kegiatan"  # a Kasi promises the kegiatan of its seksi
    assert [r[1] for r in kegiatan[1:-1]] == [
        "Pembinaan dan Bimbingan Teknis Koperasi",
        "Peningkatan Kapasitas Koperasi, Usaha Kecil dan Menengah",
    ]
    assert kegiatan[-1][-1] == "580.165.000"


def test_every_rupiah_is_promised_once_per_level(built):
    """A Kabid promises the programs of its seksi's kegiatan, each Kasi its own kegiatan: the
    seksi's amounts add up to the Kabid's, the Kabid's and the Sekretaris's to the dinas's."""

    def jumlah(name):
        table = next(t for t in _tables(built / f"{name}.docx") if t[0][0] == "No")
        return table[0][1], int(table[-1][-1].replace(".", ""))

    kabid = jumlah("04-kabid-kelembagaan")
    seksi = [
        jumlah(n) for n in ("05-kasi-organisasi", "06-kasi-penyuluhan", "07-kasi-pengendalian")
    ]
    assert kabid == ("Program", sum(n for _, n in seksi)) and {k for k, _ in seksi} == {"Kegiatan"}
    heads = [
        "01-sekretaris",
        "04-kabid-kelembagaan",
        "08-kabid-usaha-koperasi",
        "12-kabid-usaha-mikro",
    ]
    assert sum(jumlah(n)[1] for n in heads) == jumlah("00-kepala-dinas")[1]


def test_without_units_on_the_kegiatan_a_seksi_promises_no_budget(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(CONTOH, folder)
    renstra = folder / "renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    renstra.write_text(
        "\n".join(x for x in text.split("\n") if "unit pelaksana" not in x), encoding="utf-8"
    )
    out = _build(folder, tmp_path / "out")
    assert not [t for t in _tables(out / "05-kasi-organisasi.docx") if t[0][0] == "No"]
    kabid = next(t for t in _tables(out / "04-kabid-kelembagaan.docx") if t[0][0] == "No")
    assert kabid[1][1] == "Program Peningkatan Kualitas Kelembagaan Koperasi"
    found = [f for f in check_folder(folder) if f.code == "PKJ001"]
    organisasi = load(folder).organisasi
    assert organisasi is not None
    assert len(found) == sum(bool(u.induk) for u in organisasi.unit) == 11
    assert {f.file.rsplit("/", 1)[-1] for f in found} == {"organisasi.yaml"}


def test_a_row_without_a_target_borrows_the_iku_target_it_supports(built):
    path = built / "06-kasi-penyuluhan.docx"
    sasaran = next(t for t in _tables(path) if t[0][0] == "Sasaran Strategis")
    assert sasaran[1][3] == "80,94*"  # IKU-1's target, through KLB-1
    assert any(line.startswith("* Target indikator kinerja utama") for line in _lines(path))


def test_a_plt_signs_with_that_title(built):
    text = _lines(built / "01-sekretaris.docx")
    assert any(
        line.endswith("Plt. Sekretaris Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang")
        for line in text
    )
    assert any(line.startswith("Plt. SEKRETARIS") for line in text)
    assert "NIP. 19700101 199503 1 001" in text
    # its own bawahan names the Plt as Pihak Kedua
    assert "NAMA SEKRETARIS CONTOH, S.E." in _lines(built / "02-kasubag-umum.docx")


def test_a_pj_bupati_and_a_row_that_reaches_no_iku(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(CONTOH, folder)
    dinas = folder / "dinas.yaml"
    dinas.write_text(
        dinas.read_text(encoding="utf-8").replace(
            "  nama_kepala_daerah:", "  status_kepala_daerah: pj\n  nama_kepala_daerah:"
        ),
        encoding="utf-8",
    )
    sekretaris = folder / "jabatan" / "01-sekretaris.yaml"
    text = sekretaris.read_text(encoding="utf-8")
    sekretaris.write_text(text[: text.index("        target:")], encoding="utf-8")
    out = _build(folder, tmp_path / "out")
    assert any(t.startswith("Pj. BUPATI LUMAJANG") for t in _lines(out / "00-kepala-dinas.docx"))
    assert any(t.endswith("Pj. Bupati Lumajang") for t in _lines(out / "00-kepala-dinas.docx"))
    text_sekretaris = _lines(out / "01-sekretaris.docx")
    sasaran = next(t for t in _tables(out / "01-sekretaris.docx") if t[0][0] == "Sasaran Strategis")
    assert sasaran[1][2:] == ["%", "–"]
    assert "– Target tahun 2019 belum ditetapkan." in text_sekretaris


def test_without_pk_yaml_the_kind_does_not_apply(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(CONTOH, folder)
    (folder / "pk.yaml").unlink()
    assert kinds()["pk"].missing(load(folder)) == "tidak ada pk.yaml"


def test_a_wrong_pk_yaml_is_a_data_error_of_the_check_at_its_line(tmp_path):
    """pk.yaml is read by the loader like every data file: `dokgen check` names its mistake
    before a build, and a misnamed 'PK.yaml' is reported, not ignored."""
    from dokgen.errors import DataError

    folder = tmp_path / "dinas"
    shutil.copytree(DATA / "contoh-lengkap", folder)
    (folder / "pk.yaml").write_text("tahun: 2019\nbulan: 2019-13\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder)
    (problem,) = caught.value.problems
    assert (problem.location.file.name, problem.location.line) == ("pk.yaml", 2)
    (folder / "pk.yaml").rename(folder / "PK.yaml")
    with pytest.raises(DataError) as caught:
        load(folder)
    assert "pk.yaml" in str(caught.value.problems[0])
