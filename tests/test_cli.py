"""The command line: messages in Indonesian, exit codes, no traceback."""

from typer.testing import CliRunner

from dokgen.cli import app
from tests.conftest import DINAS_YAML, JABATAN_YAML

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_check_reports_a_clean_folder(make_data):
    result = run("check", make_data())
    assert result.exit_code == 0
    # the info: the cards have no date yet (KEP006, no iki.yaml); a formula repeats its name
    assert result.output.strip().splitlines()[-1] == "0 galat, 2 peringatan, 2 info"
    assert "RUM004  formula hanya mengulang nama indikator 'Jumlah laporan yang disusun'" in (
        result.output
    )


def test_build_writes_and_summarises(make_data, tmp_path):
    result = run("build", make_data(), "--keluar", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "): ditulis 3, tidak berubah 0, dihapus 0" in result.output
    assert (tmp_path / "out" / "iki" / "01-sekretaris.docx").is_file()


def one_line_error(result, where: str, words: str) -> None:
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert where in line and words in line, line


def test_malformed_yaml(make_data):
    folder = make_data(jabatan={"01-a.yaml": "kode: a\nnama: A: B\n"})
    one_line_error(run("build", folder), "01-a.yaml:2:", "titik dua")


def test_wrong_type(make_data):
    folder = make_data(
        jabatan={"01-a.yaml": JABATAN_YAML.replace("nama: SEKRETARIS DINAS", "nama:\n  - x")}
    )
    one_line_error(run("check", folder), "01-a.yaml:2:", "nama: harus berupa teks")


def test_missing_field(make_data):
    folder = make_data(dinas=DINAS_YAML.replace("kepala:", "kepal:"))
    result = run("check", folder)
    assert result.exit_code == 2
    assert "dinas.yaml:1: kunci wajib 'kepala' tidak ada" in result.output
    assert "dinas.yaml:6: kunci 'kepal' tidak dikenal — maksud Anda 'kepala'?" in result.output


def test_misspelt_key(make_data):
    folder = make_data(
        jabatan={"01-a.yaml": JABATAN_YAML.replace("sumber_data: Arsip", "sumber_dta: Arsip")}
    )
    one_line_error(
        run("check", folder),
        "01-a.yaml:17:",
        "'sumber_dta' tidak dikenal — maksud Anda 'sumber_data'?",
    )


def test_missing_folder(tmp_path):
    one_line_error(run("check", tmp_path / "x"), "x", "folder data tidak ditemukan")


def test_build_only_one_kind_and_reject_unknown_kind(make_data, tmp_path):
    result = run("build", make_data(), "--keluar", tmp_path / "o", "--hanya", "iki")
    assert result.exit_code == 0 and "Dilewati" not in result.output
    one_line_error(
        run("build", make_data(), "--hanya", "laporan"), "--hanya", "'laporan' tidak dikenal"
    )


def test_build_names_what_it_skipped(make_data, tmp_path):
    result = run("build", make_data(), "--keluar", tmp_path / "o")
    assert "Dilewati: keputusan — tidak ada keputusan-iku.yaml" in result.output


def test_check_groups_a_rules_repeated_findings():
    """Malang's 75 rows without 'mendukung' are one group with its first places; the few
    findings of other rules are listed one by one; --semua-temuan lists every finding."""
    from tests.conftest import DATA

    folder = DATA / "malang-diskopum"
    short = run("check", folder).output
    full = run("check", folder, "--semua-temuan").output
    assert short.count("KAS002") == 1 and full.count("KAS002") == 75
    (head,) = [line for line in short.splitlines() if "KAS002" in line]
    assert head.split() == ["info", "KAS002", "75", "kali:", *head.split()[4:]]
    assert "Setiap baris IKI menyebut indikator atasan" in head
    after = short.splitlines()[short.splitlines().index(head) + 1 :]
    assert after[0].split()[0] == f"{folder / 'jabatan' / '01-sekretaris.yaml'}:17"
    assert after[3].strip() == "… dan 72 tempat lain"
    # a rule with a handful of findings stays in the per-file list, in both forms
    assert short.count("KAS004") == full.count("KAS004") == 7
    assert short.splitlines()[-1] == full.splitlines()[-1]
