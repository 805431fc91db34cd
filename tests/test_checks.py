"""dokgen check: every rule catches its case at the right place, and the examples pass."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dokgen.build import Refused, build
from dokgen.checks import RULES, periksa
from dokgen.checks.orang import masalah_nip
from dokgen.cli import app
from dokgen.errors import DataError
from dokgen.load import load
from tests.conftest import CONTOH, DATA

RUSAK = Path(__file__).parent / "rusak" / "semua"


def found(folder: Path) -> set[tuple[str, str, int | None]]:
    """(code, file relative to the folder, line) of every finding."""
    return {
        (f.code, Path(f.file).relative_to(folder).as_posix(), f.line) for f in periksa(load(folder))
    }


def test_the_broken_fixture_exercises_every_rule_at_its_line():
    findings = found(RUSAK)
    # KEP002 (alasan 'revisi-renstra' against the matriks) needs the alasan whose absence KEP001
    # reports here: its examples (dokgen rules) and tests/test_keputusan.py exercise it
    assert {code for code, _, _ in findings} == set(RULES) - {"KEP002"}
    assert {
        ("ORG001", "dinas.yaml", 7),
        ("ORG002", "dinas.yaml", 6),
        ("ORG003", "jabatan/01-kasubag.yaml", 3),
        ("ORG004", "jabatan/02-staf.yaml", 4),
        ("ORG005", "dinas.yaml", 8),
        ("PKJ001", "organisasi.yaml", 7),
        ("PKJ002", "renstra.yaml", 45),
        ("ORG006", "organisasi.yaml", 6),
        ("ORG007", "organisasi.yaml", 4),
        ("CAK007", "renstra.yaml", 53),
        ("KAS005", "renstra.yaml", 62),
        ("PER012", "jabatan/02-staf.yaml", 9),
        ("KON006", "jabatan/01-kasubag.yaml", 5),
        ("KON007", "jabatan/01-kasubag.yaml", 5),
        ("RUM007", "renstra.yaml", 63),
        ("KON001", "jabatan/01-kasubag.yaml", 5),
        ("CAK001", "jabatan/02-staf.yaml", 1),
        ("CAK002", "jabatan/01-kasubag.yaml", 12),
        ("CAK003", "jabatan/01-kasubag.yaml", 9),
        ("CAK004", "renstra.yaml", 35),
        ("CAK005", "renstra.yaml", 7),
        ("CAK006", "renstra.yaml", 7),
        ("RUM001", "renstra.yaml", 9),
        ("RUM002", "renstra.yaml", 20),
        ("RUM003", "renstra.yaml", 10),
        ("RUM004", "renstra.yaml", 26),
        ("RUM005", "renstra.yaml", 32),
        ("KAS001", "renstra.yaml", 40),
        ("KAS002", "jabatan/01-kasubag.yaml", 12),
        ("KAS003", "jabatan/01-kasubag.yaml", 11),
        ("KAS004", "jabatan/03-kembar.yaml", 5),
        ("PER001", "keputusan-iku.yaml", 7),
        ("PER002", "keputusan-iku.yaml", 6),
        ("PER003", "keputusan-iku.yaml", 3),
        ("PER004", "keputusan-iku.yaml", 8),
        ("PER005", "keputusan-iku.yaml", 9),
        ("PER006", "keputusan-iku.yaml", 10),
        ("PER007", "peraturan.yaml", 10),
        ("PER008", "peraturan.yaml", 17),
        ("PER009", "peraturan.yaml", 6),
        ("PER010", "keputusan-iku.yaml", 19),
        ("PER011", "peraturan.yaml", 31),
        ("KON002", "keputusan-iku.yaml", 2),
        ("KEP001", "keputusan-iku.yaml", 14),
        ("KEP003", "keputusan-iku.yaml", 15),
        ("KON003", "realisasi/2019-1.yaml", 7),
        ("KON004", "realisasi/2019-1.yaml", 4),
        ("KON005", "realisasi/2019-1.yaml", 5),
        ("KON005", "renstra.yaml", 16),
    } <= findings


@pytest.mark.parametrize("folder", CONTOH, ids=lambda p: p.name)
def test_every_example_dataset_checks_clean(folder):
    assert [f for f in periksa(load(folder)) if f.severity == "galat"] == []


def broken(tmp_path: Path, dataset: str, file: str, old: str, new: str) -> Path:
    """A copy of an example dataset with one text replaced."""
    folder = tmp_path / dataset
    shutil.copytree(DATA / dataset, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def line_of(folder: Path, file: str, needle: str) -> int:
    lines = (folder / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


SEHAT = "Jumlah koperasi sehat dan cukup sehat"
SELURUH = "Jumlah seluruh koperasi"
CASES = [  # family, dataset, file, old text, new text, code, marker of the line (, offset)
    (
        "cakupan",
        "malang-diskopum",
        "jabatan/05-kabid-pengembangan.yaml",
        "    sumber_data: Data jumlah UMKM yang diberikan bimtek kewirausahaan\n",
        "\n",
        "CAK003",
        "- uraian: Persentase Pengembangan usaha melalui bimbingan teknis",
        0,
    ),
    (
        "rumus",
        "bandarlampung-diskopukm",
        "renstra.yaml",
        f"pembilang: {SEHAT}\n          penyebut: {SELURUH}",
        f"pembilang: {SELURUH}\n          penyebut: {SEHAT}",
        "RUM003",
        f"pembilang: {SELURUH}",
        -1,
    ),
    (
        "cascade",
        "lumajang-diskopum",
        "renstra.yaml",
        "    iku: IKU-3\n",
        "    iku: IKU-33\n",
        "KAS001",
        "iku: IKU-33",
        0,
    ),
    (
        "orang",
        "bandarlampung-diskopukm",
        "dinas.yaml",
        'nip: "19620412 198303 1 015"',
        'nip: "1196204121983031015"',
        "ORG001",
        "nip:",
        0,
    ),
    (
        "peraturan",
        "bandarlampung-diskopukm",
        "keputusan-iku.yaml",
        "  - pp-8-2006\n",
        "  - pp-8-2006\n  - uu-25-2004\n",
        "PER002",
        "  - pp-8-2006",
        1,
    ),
    (
        "konsistensi",
        "lumajang-diskopum",
        "realisasi/2019-2.yaml",
        '"3.1": 2.500.000',
        '"3.1": 3.500.000',
        "KON003",
        '"3.1": 3.500.000',
        0,
    ),
]


@pytest.mark.parametrize(
    ("family", "dataset", "file", "old", "new", "code", "marker", "offset"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_a_broken_example_is_caught_and_not_built(
    tmp_path, family, dataset, file, old, new, code, marker, offset
):
    assert RULES[code].family == family
    folder = broken(tmp_path, dataset, file, old, new)
    expected_line = line_of(folder, file, marker) + offset
    galat = [f for f in periksa(load(folder)) if f.severity == "galat"]
    assert [(f.code, Path(f.file).name, f.line) for f in galat][:1] == [
        (code, Path(file).name, expected_line)
    ]
    with pytest.raises(Refused):
        build(folder, tmp_path / "out")
    assert not (tmp_path / "out").exists()


runner = CliRunner()


def test_cli_exit_codes_json_and_strict(tmp_path):
    result = runner.invoke(app, ["check", str(RUSAK), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["jumlah"]["galat"] == len([f for f in data["temuan"] if f["severity"] == "galat"])
    assert set(data["temuan"][0]) == {"code", "severity", "file", "line", "message"}
    clean = runner.invoke(app, ["check", str(DATA / "lumajang-diskopum")])
    # an example without galat: its peringatan (e.g. KEP004, the seed gives the Kepala Dinas no
    # pangkat) and info say what the data lacks, and the check still succeeds
    assert clean.exit_code == 0
    assert clean.output.strip().splitlines()[-1].startswith("0 galat, ")
    warned = runner.invoke(app, ["check", str(DATA / "bandarlampung-diskopukm"), "--strict"])
    assert warned.exit_code == 1
    assert runner.invoke(app, ["check", str(DATA / "bandarlampung-diskopukm")]).exit_code == 0
    assert runner.invoke(app, ["check", str(tmp_path / "tidak-ada")]).exit_code == 2


def test_build_refuses_listing_the_galat_unless_paksa(tmp_path):
    folder = broken(
        tmp_path,
        "bandarlampung-diskopukm",
        "dinas.yaml",
        'nip: "19620412 198303 1 015"',
        'nip: "1196204121983031015"',
    )
    result = runner.invoke(app, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "ORG001" in result.output and "--paksa" in result.output
    assert not (tmp_path / "out").exists()
    forced = runner.invoke(app, ["build", str(folder), "-o", str(tmp_path / "out"), "--paksa"])
    assert forced.exit_code == 0
    assert (tmp_path / "out" / "keputusan-iku.docx").is_file()


def test_rules_can_be_relevelled_or_switched_off_per_dinas(tmp_path):
    folder = tmp_path / "x"
    shutil.copytree(RUSAK, folder)
    (folder / "periksa.yaml").write_text("aturan:\n  ORG001: mati\n  ORG002: info\n")
    codes = {(f.code, f.severity) for f in periksa(load(folder))}
    assert not any(code == "ORG001" for code, _ in codes)
    assert ("ORG002", "info") in codes
    (folder / "periksa.yaml").write_text("aturan:\n  ORG01: mati\n")
    with pytest.raises(DataError, match="aturan 'ORG01' tidak dikenal — maksud Anda 'ORG001'"):
        periksa(load(folder))


def test_rules_command_lists_every_rule_with_its_explanation():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for code, rule in RULES.items():
        assert code in result.output
        assert "Gagal:" in rule.penjelasan and "Lolos:" in rule.penjelasan, code


@pytest.mark.parametrize(
    ("nip", "problem"),
    [
        ("196204121983031015", None),
        ("1196204121983031015", "19 angka"),
        ("196202301983031015", "bukan tanggal lahir"),
        ("196204121983131015", "bulan TMT 13"),
        ("196204121975031015", "sebelum usia 18"),
        ("196204121983033015", "jenis kelamin 3"),
    ],
)
def test_nip_rules(nip, problem):
    result = masalah_nip(nip)
    assert (result is None) if problem is None else (problem in result)


def test_pppk_numbers_skip_the_tmt_month_rule():
    assert masalah_nip("199001012021131001", pppk=True) is None
    assert "bulan TMT" in masalah_nip("199001012021131001")


@pytest.mark.parametrize("name", [p.name for p in CONTOH])
def test_every_warning_on_an_example_is_explained_in_its_periksa_yaml(name):
    """No galat on a clean example, and each rule that warns about it is named in a comment of
    its periksa.yaml, saying which shortcoming of the seed data it reports."""
    folder = DATA / name
    findings = periksa(load(folder))
    assert [f for f in findings if f.severity == "galat"] == []
    comments = [
        line.strip()
        for line in (folder / "periksa.yaml").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("#")
    ]
    warned = {f.code for f in findings if f.severity == "peringatan"}
    explained = {line[4:10] for line in comments if line.startswith("# - ")}
    assert explained == warned  # no warning unexplained, no explanation left over
