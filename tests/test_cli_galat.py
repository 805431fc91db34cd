"""When something goes wrong: Indonesian sentences and exit codes, never a traceback.

Usage errors and help in Indonesian (2), text printed as it is, ``dokgen diff`` revisions that
cannot become options of git, write failures (2), Ctrl-C (130), a closed pipe (quiet), and a bug
(3, with a log file outside the data folder).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from dokgen.checks import Finding
from dokgen.checks.laporan import teks
from dokgen.cli import app
from tests.conftest import DATA, ROOT

runner = CliRunner()

ENGLISH = (
    "Usage",
    "Missing",
    "No such",
    "Invalid",
    "unexpected extra",
    "Try ",
    "Error",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "[required]",
    "<bool>",
    "<path>",
    "<str>",
    "<int>",
    "Traceback",
)


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args], prog_name="dokgen")


def no_english(output: str) -> None:
    for word in ENGLISH:
        assert word not in output, (word, output)


# --- usage errors and help ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["build"], "galat argumen DATA belum diberikan — Folder data dinas"),
        (["diff", "a"], "galat argumen BARU belum diberikan"),
        (["bild", "x"], "galat perintah 'bild' tidak dikenal — maksud Anda 'build'?"),
        (["excel", "ekspr"], "galat perintah 'ekspr' tidak dikenal — maksud Anda 'ekspor'?"),
        (["build", "--nope", "x"], "galat pilihan '--nope' tidak dikenal"),
        (
            ["build", "--kelur", "x"],
            "galat pilihan '--kelur' tidak dikenal — maksud Anda '--keluar'?",
        ),
        (
            ["build", "x", "--jobs", "abc"],
            "galat nilai pilihan --jobs tidak sah: harus berupa bilangan bulat",
        ),
        (["build", "x", "y"], "galat argumen berlebih: y"),
        (["build", "--keluar"], "galat pilihan --keluar memerlukan nilai"),
        (["rules", "--pdf"], "galat pilihan '--pdf' tidak dikenal"),
        (["excel", "impor", "x"], "galat argumen BERKAS belum diberikan — Berkas .xlsx"),
        (["web", "--port", "delapan"], "galat nilai pilihan --port tidak sah: harus berupa"),
    ],
)
def test_usage_errors_are_indonesian(args, sentence):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.splitlines()[0].startswith(sentence), result.output
    no_english(result.output)


def test_usage_error_names_the_usage_and_the_help():
    result = run("build")
    assert result.output.splitlines()[1:] == [
        "Pemakaian: dokgen build [PILIHAN] {DATA}",
        "Bantuan: dokgen build --help",
    ]


COMMANDS = [
    [],
    ["check"],
    ["rules"],
    ["build"],
    ["pdf"],
    ["diff"],
    ["baru"],
    ["web"],
    ["peraturan"],
    ["excel"],
    ["excel", "ekspor"],
    ["excel", "impor"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "dokgen")
def test_help_is_indonesian_with_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Pemakaian: dokgen" in result.output
    assert "Tampilkan bantuan ini, lalu keluar." in result.output
    assert "Contoh: dokgen " in result.output
    assert "Pilihan" in result.output
    no_english(result.output)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "dokgen")
def test_plain_help_is_indonesian_too(command, monkeypatch):
    """Without rich panels (``TYPER_USE_RICH=0``) typer prints click's plain help."""
    import typer.core

    monkeypatch.setattr(typer.core, "HAS_RICH", False)
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Pemakaian: dokgen")
    assert "\nPilihan:\n" in result.output and "Contoh: dokgen " in result.output
    no_english(result.output)


def test_every_text_typer_prints_is_translated():
    """typer's gettext texts (a new typer may add some): each is in cli_base.TEKS."""
    import typer.core
    import typer.rich_utils

    from dokgen.cli_base import _KONSTANTA, TEKS

    source = Path(typer.core.__file__).read_text(encoding="utf-8")
    texts = set(re.findall(r"""\b_\((["'])(.*?)\1\)""", source))
    assert texts and {text for _, text in texts} <= set(TEKS)
    source = Path(typer.rich_utils.__file__).read_text(encoding="utf-8")
    constants = dict(re.findall(r"""^([A-Z_]+) = _\("(.*)"\)$""", source, re.MULTILINE))
    assert constants == _KONSTANTA
    assert all(TEKS[english] != english for english in constants.values())


def test_version():
    from dokgen import __version__

    result = run("--version")
    assert (result.exit_code, result.output) == (0, f"dokgen {__version__}\n")


def test_excel_impor_in_the_old_order_says_the_new_one(make_data, tmp_path):
    """``excel impor`` takes DATA BERKAS like ``excel ekspor``; the order of dokgen 0.1 (a
    workbook, then a folder) is one sentence with the command to type, and nothing is read."""
    folder = make_data()
    workbook = tmp_path / "buku.xlsx"
    assert run("excel", "ekspor", folder, workbook).exit_code == 0
    result = run("excel", "impor", workbook, folder)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"galat urutan argumen excel impor kini DATA BERKAS, sama dengan excel ekspor: tulis"
        f" dokgen excel impor {folder} {workbook}"
    ]
    result = run("excel", "impor", folder, workbook)
    assert result.exit_code == 0, result.output
    assert "Selesai: 0 berkas diubah, 0 dihapus" in result.output


def test_help_of_a_command_names_its_arguments_and_values():
    output = run("build", "--help").output
    assert "Argumen" in output and "[wajib]" in output
    assert "<jalur>" in output and "<angka>" in output and "<teks>" in output


# --- text printed as it is ----------------------------------------------------------------------


def test_a_path_with_markup_is_printed_as_it_is(tmp_path):
    missing = tmp_path / "n[/x]ope [bold]"
    result = run("check", missing)
    assert result.exit_code == 2
    assert f"{missing}: folder data tidak ditemukan" in result.output
    assert "Traceback" not in result.output


def test_a_data_error_in_a_folder_with_markup_names_the_folder(make_data, tmp_path):
    folder = make_data()
    marked = folder.rename(tmp_path / "[bold]dinas")
    (marked / "dinas.yaml").write_text("[/x]: 1\n", encoding="utf-8")
    result = run("check", marked)
    assert result.exit_code == 2
    assert "[bold]dinas/dinas.yaml:1" in result.output
    assert "Traceback" not in result.output


def test_build_names_an_output_folder_with_markup(make_data, tmp_path):
    result = run("build", make_data(), "--keluar", tmp_path / "[bold]hasil :x:")
    assert result.exit_code == 0, result.output
    assert "[bold]hasil :x:/" in result.output


def test_diff_prints_values_as_they_are(make_data, tmp_path):
    old = make_data()
    new = shutil.copytree(old, tmp_path / "baru")
    card = new / "jabatan" / "01-sekretaris.yaml"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("SEKRETARIS DINAS", '"[/x] :x: [lama] \\\\"'), encoding="utf-8")
    result = run("diff", old, new)
    assert result.exit_code == 0, result.output
    assert "~ jabatan sekretaris nama: SEKRETARIS DINAS → [/x] :x: [lama] \\\n" in result.output


def test_findings_on_a_terminal_print_data_as_it_is():
    finding = Finding(
        code="CAK001",
        severity="galat",
        file="jabatan/[bold]99.yaml",
        line=1,
        message="jabatan '[/x] :warning: [lama]' belum mempunyai baris IKI",
    )
    buffer = StringIO()
    teks([finding], Console(file=buffer, force_terminal=True, width=200))
    plain = re.sub(r"\x1b\[[0-9;]*m", "", buffer.getvalue())
    assert "jabatan/[bold]99.yaml" in plain
    assert "jabatan '[/x] :warning: [lama]' belum mempunyai baris IKI" in plain


# --- dokgen diff and git ------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository holding a dinas (dinas/) and a subfolder (sub/); the working folder."""
    repo = tmp_path / "repo"
    shutil.copytree(DATA / "bandarlampung-diskopukm", repo / "dinas")
    (repo / "sub").mkdir()
    (repo / "sub" / "catatan.txt").write_text("x\n")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "awal"], check=True)
    monkeypatch.chdir(repo)
    return repo


def refused(result, sentence: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "fatal" not in result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("galat ") and sentence in line, line


def test_a_revision_never_becomes_an_option_of_git(repo, tmp_path):
    target = tmp_path / "ditulis-git.tar"
    result = run("diff", "--", f"--output={target}:dinas", "dinas")
    refused(result, f"revisi '--output={target}' tidak sah")
    assert not target.exists()


@pytest.mark.parametrize("outside", ["../luar", "/etc", "dinas/../../luar"])
def test_the_folder_of_a_revision_stays_in_the_repository(repo, outside):
    refused(run("diff", f"HEAD:{outside}", "dinas"), "berada di luar repositori git")


def test_a_revision_from_a_subfolder_of_the_repository(repo, monkeypatch):
    monkeypatch.chdir(repo / "sub")
    result = run("diff", "HEAD:../dinas", "../dinas")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "0 perubahan"


def test_no_such_revision_or_folder(repo):
    refused(run("diff", "nope:dinas", "dinas"), "revisi 'nope' tidak ada di repositori git")
    refused(run("diff", "HEAD:tidak-ada", "dinas"), "folder 'tidak-ada' tidak ada di revisi 'HEAD'")
    refused(run("diff", "HEAD::(glob)*", "dinas"), "tidak ada di revisi 'HEAD'")


def test_not_a_repository(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    refused(
        run("diff", "HEAD:dinas", DATA / "bandarlampung-diskopukm"),
        "bukan bagian dari repositori git",
    )


def test_git_missing(repo, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    refused(run("diff", "HEAD:dinas", "dinas"), "git tidak ditemukan: pasang git")


# --- writing the matriks, the workbook and the documents ----------------------------------------

OLD, NEW = DATA / "bandarlampung-diskopukm", DATA / "bandarlampung-diskopukm-perubahan"


def test_diff_docx_needs_a_docx_file_name(tmp_path):
    refused(
        run("diff", OLD, NEW, "--format", "docx", "-o", tmp_path / "m.txt"),
        "nama berkas matriks harus berakhiran .docx",
    )
    (tmp_path / "m.docx").mkdir()
    refused(run("diff", OLD, NEW, "--format", "docx", "-o", tmp_path / "m.docx"), "adalah folder")
    refused(run("diff", OLD, NEW, "-o", tmp_path / "x.docx"), "hanya untuk --format docx")


def test_diff_docx_into_a_file_where_a_folder_is_expected(tmp_path):
    (tmp_path / "berkas").write_text("x")
    result = run("diff", OLD, NEW, "--format", "docx", "-o", tmp_path / "berkas" / "m.docx")
    refused(result, f"{tmp_path / 'berkas'}: adalah berkas, padahal yang diperlukan folder")


def test_diff_docx_on_a_read_only_disk(tmp_path, monkeypatch):
    target = tmp_path / "m.docx"

    def read_only(path, data):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr("dokgen.output.write_atomic", read_only)
    result = run("diff", OLD, NEW, "--format", "docx", "-o", target)
    refused(
        result, f"{target}: matriks perubahan tidak dapat ditulis — disk atau folder hanya-baca"
    )


def test_diff_docx_into_a_folder_without_permission(tmp_path, monkeypatch):
    """A folder the user may not write to (simulated: root, who runs the tests, may write
    anywhere)."""
    import tempfile

    folder = tmp_path / "terkunci"
    folder.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = run("diff", OLD, NEW, "--format", "docx", "-o", folder / "m.docx")
    refused(result, "izin ditolak")


def test_build_into_a_file(make_data, tmp_path):
    (tmp_path / "berkas").write_text("x")
    result = run("build", make_data(), "--keluar", tmp_path / "berkas" / "hasil")
    refused(result, f"{tmp_path / 'berkas'}: adalah berkas, padahal yang diperlukan folder")


def test_excel_export_into_a_file(make_data, tmp_path):
    (tmp_path / "berkas").write_text("x")
    result = run("excel", "ekspor", make_data(), tmp_path / "berkas" / "buku.xlsx")
    refused(result, "adalah berkas, padahal yang diperlukan folder")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "disk penuh"),
        (errno.EACCES, "izin ditolak"),
        (errno.EPERM, "izin ditolak"),
        (errno.EROFS, "disk atau folder hanya-baca"),
        (errno.ENOENT, "tidak ditemukan"),
        (errno.EISDIR, "adalah folder"),
        (errno.ENOTDIR, "sebagian jalurnya adalah berkas, padahal yang diperlukan folder"),
    ],
)
def test_an_os_error_deep_in_the_build_is_one_sentence(make_data, monkeypatch, code, reason):
    def fails(*args, **kwargs):
        raise OSError(code, os.strerror(code), "build/dinas-uji/iki/01-sekretaris.docx")

    monkeypatch.setattr("dokgen.build.build", fails)
    result = run("build", make_data())
    refused(result, f"build/dinas-uji/iki/01-sekretaris.docx: {reason}")
    assert os.strerror(code) not in result.output


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="Linux sysfs")
def test_a_folder_the_system_refuses(make_data):
    """sysfs refuses new files even to root: a real OSError from deep inside the build."""
    result = run("build", make_data(), "--keluar", "/sys/dokgen-uji")
    assert result.exit_code == 2, result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("galat /sys/dokgen-uji")
    assert "izin ditolak" in line or "hanya-baca" in line, line


def test_a_card_open_in_word_on_windows():
    from dokgen.cli_errors import os_sentence

    exc = PermissionError(errno.EACCES, "The process cannot access the file", "iki/01-a.docx")
    exc.winerror = 32  # ERROR_SHARING_VIOLATION
    assert os_sentence(exc) == (
        "iki/01-a.docx: sedang dibuka program lain (mis. Word); tutup dulu berkas itu, lalu ulangi"
    )


def test_an_os_error_in_pdf_and_excel_export(make_data, monkeypatch, tmp_path):
    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "x.pdf"))

    (tmp_path / "a.docx").write_bytes(b"")
    monkeypatch.setattr("dokgen.pdf.ke_pdf", no_space)
    refused(run("pdf", tmp_path), f"{tmp_path / 'x.pdf'}: disk penuh")
    monkeypatch.setattr("dokgen.load.load", no_space)
    refused(run("excel", "ekspor", make_data(), tmp_path / "b.xlsx"), "disk penuh")


# --- a bug, Ctrl-C, a closed pipe ---------------------------------------------------------------


def test_a_bug_ends_with_a_log_file_and_exit_3(make_data, monkeypatch, tmp_path):
    def bug(old, new):
        raise ZeroDivisionError("pembagian dengan nol di bandingkan")

    monkeypatch.setattr("dokgen.diff.bandingkan", bug)
    data = make_data()
    result = run("diff", data, data)
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("dokgen mengalami kesalahan internal")
    log = Path(re.search(r"ditulis ke (\S+\.log)", line).group(1))
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError: pembagian dengan nol" in text
    assert "perintah: " in text and " diff " in text and "dokgen 0.1.0" in text
    assert not log.is_relative_to(data)


BUGGY = """
import os, sys, time
import dokgen.diff
def bug(old, new):
    if os.environ.get("TUNGGU"):
        print("siap", file=sys.stderr, flush=True)
        time.sleep(30)
    raise ZeroDivisionError("sengaja")
dokgen.diff.bandingkan = bug
from dokgen.cli import main
main()
"""


def dokgen_process(*args: object, env: dict[str, str] | None = None, **kwargs):
    return subprocess.Popen(
        [sys.executable, "-c", BUGGY, *map(str, args)],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_a_bug_in_the_program_never_logs_into_the_data_folder(make_data):
    data = make_data()
    process = dokgen_process("diff", data, data, env={"DOKGEN_CACHE": str(data / "tembolok")})
    out, err = process.communicate(timeout=60)
    assert process.returncode == 3, err
    assert "Traceback" not in err and out == ""
    log = Path(re.search(r"ditulis ke (\S+\.log)", err).group(1))
    assert log.is_file() and not log.resolve().is_relative_to(data.resolve())
    assert not (data / "tembolok").exists()


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a child process")
def test_ctrl_c_ends_with_one_line_and_exit_130(make_data):
    data = make_data()
    process = dokgen_process("diff", data, data, env={"TUNGGU": "1"})
    assert process.stderr.readline().strip() == "siap"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err == "Dibatalkan.\n"


def test_ctrl_c_in_the_test_runner_too(make_data, monkeypatch):
    def interrupted(old, new):
        raise KeyboardInterrupt

    monkeypatch.setattr("dokgen.diff.bandingkan", interrupted)
    data = make_data()
    result = run("diff", data, data)
    assert result.exit_code == 130
    assert result.output == "Dibatalkan.\n"


@pytest.mark.parametrize("args", [["rules"], ["diff", OLD, NEW], ["--help"]])
def test_a_closed_pipe_ends_quietly(args):
    process = subprocess.Popen(
        [sys.executable, "-m", "dokgen", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # like `| head` having read what it wanted
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert err == ""
    assert process.returncode in (0, 1)


def test_a_data_error_stays_exit_2(make_data):
    folder = make_data(jabatan={"01-a.yaml": "kode: a\nnama: A: B\n"})
    result = run("check", folder)
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("galat ") and "01-a.yaml:2:" in line


def test_the_log_file_falls_back_to_the_temporary_folder(tmp_path, monkeypatch):
    from dokgen.cli_errors import write_crash_log

    monkeypatch.setenv("DOKGEN_CACHE", str(tmp_path / "berkas" / "tembolok"))
    (tmp_path / "berkas").write_text("bukan folder")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "sementara"))
    (tmp_path / "sementara").mkdir()
    try:
        raise ValueError("contoh")
    except ValueError as exc:
        log = write_crash_log(exc, ["dokgen", "build", "x"])
    assert log is not None and log.parent == tmp_path / "sementara" / "dokgen-log"
    assert "ValueError: contoh" in log.read_text(encoding="utf-8")
