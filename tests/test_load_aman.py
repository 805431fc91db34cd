"""Hostile or mistaken data: one Indonesian sentence with file and line, never a traceback, a
hang, a file read outside the data folder, or text that a document would show as something else.

Each case reads the message back (file, line, words) from :class:`DataError` or from the CLI.
"""

from __future__ import annotations

import errno
import os
import shutil
import struct
import time
import typing
import zlib
from pathlib import Path

import pytest
from pydantic_core.core_schema import ErrorType
from typer.testing import CliRunner

from dokgen import load as load_module
from dokgen.cli import app
from dokgen.errors import DataError, alasan_os
from dokgen.load import berkas_jabatan, load
from dokgen.yamlsrc import MAKS_SALINAN, read_yaml
from tests.conftest import DATA, DINAS_YAML, JABATAN_YAML, MakeData
from tests.docxread import open_docx, text

runner = CliRunner()

WORD = "yang tidak dapat dicetak di dokumen Word"
ROW = "      - uraian: Jumlah laporan yang disusun\n"  # line 15 of JABATAN_YAML


def problems(folder: Path) -> list[tuple[str, int | None, str]]:
    with pytest.raises(DataError) as caught:
        load(folder)
    return [(m.location.file.name, m.location.line, m.message) for m in caught.value.problems]


def one_problem(folder: Path) -> tuple[str, int | None, str]:
    (found,) = problems(folder)
    return found


def jabatan_row(make_data: MakeData, uraian: str) -> Path:
    """A data folder whose second IKI row's uraian is ``uraian`` (YAML source, line 15)."""
    assert ROW in JABATAN_YAML
    return make_data(
        jabatan={"01-a.yaml": JABATAN_YAML.replace(ROW, f"      - uraian: {uraian}\n")}
    )


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def refused(result, *words: str) -> str:
    """The CLI ended with exit 2, one error line holding ``words``, and no traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output
    return result.output


# --- characters a Word document cannot hold, or would show as something else ----------------


@pytest.mark.parametrize(
    ("written", "words"),
    [
        (r'"Jumlah\x01laporan"', "karakter kendali U+0001"),
        (r'"Jumlah\flaporan"', "pemisah halaman (\\f) U+000C"),
        (r'"Jumlah\alaporan"', "karakter bel (\\a) U+0007"),
        (r'"Jumlah\vlaporan"', "tab vertikal (\\v) U+000B"),
        (r'"Jumlah\rlaporan"', "carriage return (\\r) U+000D"),
        (r'"Jumlah\0laporan"', "karakter NUL (\\0) U+0000"),
        (r'"Jumlah\elaporan"', "karakter escape (\\e) U+001B"),
        (r'"Jumlah\x7flaporan"', "karakter kendali U+007F"),
        (r'"Jumlah\Nlaporan"', "baris baru Unicode (\\N) U+0085"),
        (r'"Jumlah\Llaporan"', "pemisah baris Unicode (\\L) U+2028"),
        (r'"Jumlah\Plaporan"', "pemisah paragraf Unicode (\\P) U+2029"),
        (r'"Jumlah\uFFFElaporan"', "kode U+FFFE (bukan karakter)"),
        (r'"Jumlah\uFFFFlaporan"', "kode U+FFFF (bukan karakter)"),
    ],
)
def test_escaped_characters_a_document_cannot_hold_are_refused_at_their_line(
    make_data, written, words
):
    assert one_problem(jabatan_row(make_data, written)) == (
        "01-a.yaml",
        15,
        f"teks memuat {words}, {WORD}; hapus karakter itu"
        + (
            "; untuk ganti baris tulis baris baru biasa"
            if any(code in words for code in ("U+000D", "U+0085", "U+2028", "U+2029"))
            else ""
        ),
    )


def test_a_lone_surrogate_escape_is_refused_by_the_yaml_reader(make_data):
    assert one_problem(jabatan_row(make_data, r'"Jumlah\uD800laporan"')) == (
        "01-a.yaml",
        15,
        "kode karakter \\u… di dalam tanda kutip ganda tidak sah",
    )


@pytest.mark.parametrize("raw", ["\x07", "\x00", "\x1b", "\ufffe"])
def test_control_characters_written_into_the_file_are_refused_at_their_line(make_data, raw):
    folder = jabatan_row(make_data, f"Jumlah{raw}laporan")
    file, line, message = one_problem(folder)
    assert (file, line) == ("01-a.yaml", 15)
    assert message.startswith("teks memuat ") and f"U+{ord(raw):04X}" in message
    assert message.endswith(f"{WORD}; hapus karakter itu")


@pytest.mark.parametrize(
    "uraian", ["Jumlah\ue000laporan", "|\n          Jumlah\ue000laporan", '"\\uE000"']
)
def test_the_merged_cell_mark_is_refused_in_data(make_data, uraian):
    """format.LANJUT in a cell would merge it into the cell above."""
    from dokgen.format import LANJUT

    assert LANJUT == "\ue000"
    file, line, message = one_problem(jabatan_row(make_data, uraian))
    assert (file, line) == ("01-a.yaml", 15)
    assert message == (
        "teks memuat karakter U+E000, yang dipakai dokgen sebagai penanda sel tabel yang"
        " digabung; hapus karakter itu"
    )


def test_a_control_character_in_a_key_is_refused(make_data):
    folder = make_data(jabatan={"01-a.yaml": JABATAN_YAML + '"catatan\\x01": x\n'})
    assert (
        "01-a.yaml",
        18,
        f"teks memuat karakter kendali U+0001, {WORD}; hapus karakter itu",
    ) in (problems(folder))


def test_tab_newline_and_docxtpl_escapes_in_data_print_as_written(make_data, tmp_path):
    """Allowed text is never reinterpreted: a tab stays a tab, a line break a break in the same
    paragraph, and docxtpl's ``{_{ }_} {_% %_}`` are not turned into ``{{ }} {% %}``."""
    folder = jabatan_row(make_data, r'"a {_{ b }_} c {_% d %_} e\tf\ng"')
    result = run("build", folder, "--keluar", tmp_path / "out")
    assert result.exit_code == 0, result.output
    card = open_docx(tmp_path / "out" / "iki" / "01-sekretaris.docx")
    body = text(card)
    assert "a {_{ b }_} c {_% d %_} e\tf\ng" in body
    (paragraph,) = [p for p in card.paragraphs if "{_{" in p.text] or [
        p
        for t in card.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        if "{_{" in p.text
    ][:1]
    assert paragraph.text == "a {_{ b }_} c {_% d %_} e\tf\ng"
    assert "w:br" in paragraph._p.xml and "w:tab" in paragraph._p.xml
    assert "w:lastRenderedPageBreak" not in paragraph._p.xml and 'w:type="page"' not in (
        paragraph._p.xml
    )


# --- settings that reach the document's XML -------------------------------------------------


def dinas_with(make_data: MakeData, pengaturan: str) -> Path:
    return make_data(dinas=DINAS_YAML + "pengaturan:\n" + pengaturan)


@pytest.mark.parametrize("huruf", ["'Arial\"/><w:x'", '"A & B"', '"<Arial>"', '""', '"-x"'])
def test_a_font_name_that_is_not_one_is_refused(make_data, huruf):
    file, line, message = one_problem(dinas_with(make_data, f"  huruf: {huruf}\n"))
    assert (file, line) == ("dinas.yaml", 11)
    assert message.startswith("pengaturan.huruf: nama huruf '"), message
    assert "tidak sah: tulis nama huruf seperti di Word" in message


@pytest.mark.parametrize("huruf", ["Arial", "Times New Roman", "Bookman Old Style", "MS Mincho"])
def test_real_font_names_are_accepted(make_data, huruf):
    data = load(dinas_with(make_data, f"  huruf: {huruf}\n"))
    assert data.dinas.pengaturan.huruf == huruf


@pytest.mark.parametrize(
    ("ukuran", "words"),
    [
        ("0", "'0' terlalu kecil: paling kecil 6"),
        ('"-5"', "'-5' terlalu kecil: paling kecil 6"),
        ("100.000", "'100.000' terlalu besar: paling besar 72"),
        ("NaN", "'NaN' bukan angka"),
        ('"1e400"', "'1e400' terlalu besar"),
    ],
)
def test_absurd_font_sizes_are_refused(make_data, ukuran, words):
    file, line, message = one_problem(dinas_with(make_data, f"  ukuran_huruf: {ukuran}\n"))
    assert (file, line) == ("dinas.yaml", 11)
    assert message.startswith(f"pengaturan.ukuran_huruf: {words}")


@pytest.mark.parametrize(
    ("margin", "line", "words"),
    [
        ('{atas: "-3", kanan: 2, bawah: 2, kiri: 3}', 11, "margin.atas: '-3' terlalu kecil"),
        ("{atas: 1000, kanan: 2, bawah: 2, kiri: 3}", 11, "margin.atas: '1000' terlalu besar"),
        ("{atas: 2, kanan: 8, bawah: 2, kiri: 8}", 11, "margin kiri + kanan 16 cm terlalu lebar"),
    ],
)
def test_absurd_margins_are_refused(make_data, margin, line, words):
    file, found_line, message = one_problem(dinas_with(make_data, f"  margin: {margin}\n"))
    assert (file, found_line) == ("dinas.yaml", line)
    assert words in message, message


def test_sensible_settings_are_accepted(make_data):
    folder = dinas_with(
        make_data,
        "  huruf: Bookman Old Style\n  ukuran_huruf: 11,5\n"
        "  margin: {atas: 2, kanan: 2, bawah: '2,5', kiri: 3}\n",
    )
    pengaturan = load(folder).dinas.pengaturan
    assert pengaturan.halaman.ukuran_pt == 11.5


# --- jabatan files that are there but cannot be read ------------------------------------------


def folder_with_card(make_data: MakeData, tmp_path: Path) -> tuple[Path, Path]:
    """A data folder with two jabatan, built once: (folder, the second card's output)."""
    folder = make_data(
        jabatan={
            "01-a.yaml": JABATAN_YAML,
            "02-b.yaml": JABATAN_YAML.replace("kode: sekretaris", "kode: bendahara"),
        }
    )
    result = run("build", folder, "--keluar", tmp_path / "out")
    assert result.exit_code == 0, result.output
    card = tmp_path / "out" / "iki" / "02-bendahara.docx"
    assert card.is_file()
    return folder, card


def unreadable(monkeypatch: pytest.MonkeyPatch, path: Path, code: int) -> None:
    """Make ``os.open`` (and ``os.scandir``) of ``path`` fail with ``code``: the tests run as
    root in CI, where chmod 000 does not stop a read."""
    real_open, real_scandir = os.open, os.scandir

    def hit(file: object) -> bool:
        return isinstance(file, str | os.PathLike) and Path(file) == path

    def fake_open(file, *args, **kwargs):
        if hit(file):
            raise OSError(code, os.strerror(code), str(file))
        return real_open(file, *args, **kwargs)

    def fake_scandir(file="."):
        if hit(file):
            raise OSError(code, os.strerror(code), str(file))
        return real_scandir(file)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)


def break_link(path: Path) -> None:
    path.unlink()
    path.symlink_to("tidak-ada.yaml")


def loop_link(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)


def make_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def make_pipe(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (break_link, "berkas tidak dapat dibaca: berkas tidak ada (terhapus, atau tautan simbolik"),
        (loop_link, "berkas tidak dapat dibaca: tautan simbolik berputar"),
        (make_folder, "berkas tidak dapat dibaca: ini folder, bukan berkas"),
        (make_pipe, "berkas tidak dapat dibaca: bukan berkas biasa (pipa atau perangkat)"),
    ],
)
def test_a_jabatan_file_that_cannot_be_read_stops_the_build_and_keeps_its_card(
    make_data, tmp_path, spoil, words
):
    folder, card = folder_with_card(make_data, tmp_path)
    before = card.read_bytes()
    spoil(folder / "jabatan" / "02-b.yaml")
    started = time.monotonic()
    output = refused(run("build", folder, "--keluar", tmp_path / "out"), "02-b.yaml", words)
    assert time.monotonic() - started < 30  # a named pipe is never opened for reading
    assert "02-b.yaml: " + words in output
    assert card.read_bytes() == before
    refused(run("check", folder), "02-b.yaml", words)


def test_an_unreadable_jabatan_file_stops_the_build_and_keeps_its_card(
    make_data, tmp_path, monkeypatch
):
    folder, card = folder_with_card(make_data, tmp_path)
    before = card.read_bytes()
    path = folder / "jabatan" / "02-b.yaml"
    path.write_text(path.read_text() + "# diubah\n")  # changed: the build must read it
    unreadable(monkeypatch, path, errno.EACCES)
    assert one_problem(folder) == (
        "02-b.yaml",
        None,
        "berkas tidak dapat dibaca: izin akses ditolak",
    )
    output = refused(run("build", folder, "--keluar", tmp_path / "out"))
    assert "02-b.yaml: berkas tidak dapat dibaca: izin akses ditolak" in output
    assert card.read_bytes() == before


def jabatan_is_a_file(folder: Path) -> None:
    shutil.rmtree(folder / "jabatan")
    (folder / "jabatan").write_text("bukan folder\n")


def jabatan_is_a_broken_link(folder: Path) -> None:
    shutil.rmtree(folder / "jabatan")
    (folder / "jabatan").symlink_to("tidak-ada")


def jabatan_is_a_loop(folder: Path) -> None:
    shutil.rmtree(folder / "jabatan")
    (folder / "jabatan").symlink_to("jabatan")


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (jabatan_is_a_file, "jabatan: harus berupa folder, bukan berkas"),
        (
            jabatan_is_a_broken_link,
            "jabatan: folder jabatan tidak dapat dibaca: tautan simbolik ke folder yang tidak ada",
        ),
        (jabatan_is_a_loop, "jabatan: folder jabatan tidak dapat dibaca: tautan simbolik berputar"),
    ],
)
def test_a_jabatan_folder_that_is_not_one_stops_the_build_and_keeps_every_card(
    make_data, tmp_path, spoil, words
):
    folder, card = folder_with_card(make_data, tmp_path)
    spoil(folder)
    refused(run("build", folder, "--keluar", tmp_path / "out"), words)
    assert card.is_file() and (card.parent / "01-sekretaris.docx").is_file()
    with pytest.raises(DataError) as caught:
        berkas_jabatan(folder)
    (problem,) = caught.value.problems
    assert problem.location.file == folder / "jabatan"


def test_an_unreadable_jabatan_folder_is_reported(make_data, monkeypatch):
    folder = make_data()
    unreadable(monkeypatch, folder / "jabatan", errno.EACCES)
    assert one_problem(folder) == (
        "jabatan",
        None,
        "folder jabatan tidak dapat dibaca: izin akses ditolak",
    )


def test_no_jabatan_folder_means_no_jabatan(make_data):
    folder = make_data()
    shutil.rmtree(folder / "jabatan")
    assert berkas_jabatan(folder) == []
    assert load(folder).jabatan == []


@pytest.mark.parametrize("name", ["02-b.yml", "02-b.YAML", "02-b.Yaml"])
def test_a_jabatan_file_with_another_extension_is_reported_not_skipped(make_data, name):
    folder = make_data(jabatan={"01-a.yaml": JABATAN_YAML, name: JABATAN_YAML})
    assert one_problem(folder) == (
        name,
        None,
        "berkas jabatan harus berakhiran .yaml (huruf kecil); ganti namanya agar dibaca",
    )


@pytest.mark.parametrize(
    ("name", "meant"),
    [("Renstra.yaml", "renstra.yaml"), ("renstra.yml", "renstra.yaml"), ("Jabatan", "jabatan")],
)
def test_a_misnamed_data_file_is_reported_not_skipped(make_data, name, meant):
    folder = make_data()
    shutil.rmtree(folder / "jabatan")
    if name == "Jabatan":
        (folder / name).mkdir()
    else:
        (folder / name).write_text("periode: {awal: 2020, akhir: 2024}\n")
    what = "folder" if meant == "jabatan" else "berkas"
    assert one_problem(folder) == (name, None, f"{what} ini tidak dibaca: namanya harus '{meant}'")


@pytest.mark.parametrize("spoil", [break_link, make_folder])
def test_a_shared_file_that_cannot_be_read_is_not_taken_as_absent(make_data, spoil):
    folder = make_data(**{"renstra.yaml": "periode: {awal: 2020, akhir: 2024}\n"})
    spoil(folder / "renstra.yaml")
    file, line, message = one_problem(folder)
    assert (file, line) == ("renstra.yaml", None)
    assert message.startswith("berkas tidak dapat dibaca: ")


def test_a_missing_pembanding_folder_names_the_decree_line(tmp_path):
    folder = tmp_path / "perubahan"
    shutil.copytree(DATA / "bandarlampung-diskopukm-perubahan", folder)
    text_ = (folder / "keputusan-iku.yaml").read_text()
    assert "pembanding:" in text_
    line = next(i for i, s in enumerate(text_.splitlines(), 1) if "pembanding:" in s)
    assert one_problem(folder)[:2] == ("keputusan-iku.yaml", line)
    assert "folder pembanding" in one_problem(folder)[2]


# --- pictures --------------------------------------------------------------------------------


def png(width: int = 4, height: int = 5, padding: int = 0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\0" + b"\0\0\0" * width for _ in range(max(height, 1))))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
        + b"\0" * padding
    )


def with_logo(make_data: MakeData, logo: str) -> Path:
    return make_data(dinas=DINAS_YAML + f"logo: '{logo}'\n")


def logo_message(folder: Path) -> str:
    file, line, message = one_problem(folder)
    assert (file, line) == ("dinas.yaml", 10)
    return message


def test_a_logo_inside_the_folder_is_accepted(make_data):
    folder = with_logo(make_data, "gambar/logo.png")
    (folder / "gambar").mkdir()
    (folder / "gambar" / "logo.png").write_bytes(png())
    (folder / "tautan.png").symlink_to("gambar/logo.png")  # a link inside is fine
    assert load(folder).dinas.logo == "gambar/logo.png"
    (folder / "dinas.yaml").write_text(DINAS_YAML + "logo: tautan.png\n")
    assert load(folder).dinas.logo == "tautan.png"


@pytest.mark.parametrize(
    ("logo", "words"),
    [
        ("../luar.png", "harus berada di dalam folder data ('..' tidak boleh)"),
        ("gambar/../../luar.png", "harus berada di dalam folder data ('..' tidak boleh)"),
        ("..\\luar.png", "harus berada di dalam folder data ('..' tidak boleh)"),
        ("/etc/passwd", "bukan jalur mutlak"),
        ("/dev/zero", "bukan jalur mutlak"),
        ("C:\\Windows\\logo.png", "bukan jalur mutlak"),
        ("C:logo.png", "bukan jalur mutlak"),
    ],
)
def test_a_logo_outside_the_folder_is_refused_without_reading_it(make_data, logo, words):
    folder = with_logo(make_data, logo)
    (folder.parent / "luar.png").write_bytes(png())
    message = logo_message(folder)
    assert message.startswith(f"berkas logo '{logo}' ") and message.endswith(words), message


@pytest.mark.parametrize("target", ["luar.png", "/dev/zero"])
def test_a_logo_linked_to_a_file_outside_is_refused(make_data, target):
    folder = with_logo(make_data, "logo.png")
    (folder.parent / "luar.png").write_bytes(png())
    (folder / "logo.png").symlink_to(folder.parent / target)
    assert logo_message(folder) == (
        "berkas logo 'logo.png' menunjuk ke luar folder data (tautan simbolik); salin gambarnya"
        " ke folder data"
    )


def test_a_logo_that_is_not_a_regular_file_or_too_big_or_not_a_picture(make_data):
    folder = with_logo(make_data, "logo.png")
    logo = folder / "logo.png"
    cases = [
        (lambda: logo.mkdir(), "tidak dapat dibaca: ini folder, bukan berkas"),
        (lambda: os.mkfifo(logo), "tidak dapat dibaca: bukan berkas biasa (pipa atau perangkat)"),
        (
            lambda: logo.write_bytes(png(padding=6 * 2**20)),
            "terlalu besar (6 MB; paling besar 5 MB)",
        ),
        (lambda: logo.write_bytes(b"<svg/>"), "bukan gambar PNG/JPEG/GIF/BMP"),
        (lambda: logo.write_bytes(png(width=0)), "berukuran 0 × 5 piksel, tidak wajar"),
        (lambda: logo.write_bytes(png(width=100_000)), "berukuran 100000 × 5 piksel, tidak wajar"),
        (lambda: None, "tidak ditemukan"),
    ]
    for make, words in cases:
        if logo.is_dir():
            logo.rmdir()
        elif os.path.lexists(logo):
            logo.unlink()
        make()
        assert logo_message(folder).startswith(f"berkas logo 'logo.png' {words}"), words


# --- YAML that is not data ---------------------------------------------------------------------

BOMB = "kode: a\nnama: A\nx0: &x0 [a, a, a, a, a, a, a, a, a]\n" + "".join(
    f"x{i}: &x{i} [{', '.join([f'*x{i - 1}'] * 9)}]\n" for i in range(1, 9)
)


def jabatan_text(make_data: MakeData, text_: str) -> Path:
    return make_data(jabatan={"01-a.yaml": text_})


def test_an_alias_bomb_is_refused_at_once(make_data):
    started = time.monotonic()
    found = one_problem(jabatan_text(make_data, BOMB))
    assert time.monotonic() - started < 5
    assert found == (
        "01-a.yaml",
        4,
        f"alias *x0 menyalin terlalu banyak nilai (lebih dari {MAKS_SALINAN:,} nilai dalam satu"
        " berkas); tulis isinya langsung".replace(",", "."),
    )


@pytest.mark.parametrize(
    ("text_", "line", "name"),
    [
        ("kode: a\nnama: A\ntugas: &t [x, *t]\n", 3, "t"),
        ("kode: a\nnama: A\npemangku: &p\n  nama: x\n  nip: *p\n", 5, "p"),
        ("kode: a\nnama: A\niki:\n  - &s\n    sasaran: x\n    indikator: [*s]\n", 6, "s"),
    ],
)
def test_an_alias_inside_what_it_names_is_refused(make_data, text_, line, name):
    assert one_problem(jabatan_text(make_data, text_)) == (
        "01-a.yaml",
        line,
        f"alias *{name} berada di dalam isi yang dinamainya sendiri (tak berujung)",
    )


def test_a_modest_alias_is_still_followed(make_data):
    text_ = JABATAN_YAML.replace(
        "      - uraian: Jumlah laporan yang disusun\n        formula: Jumlah laporan yang disusun",
        "      - uraian: &u Jumlah laporan yang disusun\n        formula: *u",
    )
    (jabatan,) = load(jabatan_text(make_data, text_)).jabatan
    assert jabatan.iki[0].indikator[1].formula.teks == "Jumlah laporan yang disusun"


@pytest.mark.parametrize(
    ("text_", "line", "message"),
    [
        (JABATAN_YAML + "kode: lagi\n", 18, "kunci 'kode' ditulis dua kali"),
        ("kode: a\nnama: A\n---\nkode: b\n", 3, "berkas memuat lebih dari satu dokumen YAML"),
        ("kode: &k a\nnama: &k A\n", 2, "nama jangkar (&nama) yang sama dipakai dua kali"),
        ("kode: a\nnama: !x!y A\n", 2, "tag YAML (!nama) tidak dikenal"),
        ("kode: a\nnama: *n\n", 2, "alias (*nama) tidak dikenal"),
        ("kode: a\ntugas: [x, y\n", 3, "daftar [ … ] tidak ditutup dengan ']'"),
        ("kode: a\ntugas: {x: 1\n", 3, "pemetaan { … } tidak ditutup dengan '}'"),
        ('kode: "a\\q"\n', 1, "karakter escape tidak dikenal"),
        ("kode: a\nnama: @A\n", 2, "karakter ini tidak boleh mengawali nilai"),
        ("kode: a\nnama: |0\n  A\n", 2, "penanda indentasi blok teks tidak boleh 0"),
        ("kode: a\n  nama: A\n", 2, "titik dua ':' di tempat yang salah"),
        ("- a\nkode: b\n", 2, "butir daftar '- ' yang diharapkan tidak ditemukan"),
        ("kode: a\nnama: " + "[" * 1001 + "]" * 1001 + "\n", 2, "lebih dari 1.000 tingkat"),
        ("kode: a\ntugas:\n" + "- " * 2000 + "x\n", 3, "lebih dari 1.000 tingkat"),
        ("kode: a\nnama: " + "[" * 60 + "]" * 60 + "\n", 2, "lebih dari 40 tingkat"),
    ],
)
def test_malformed_yaml_gets_one_indonesian_sentence_at_its_line(make_data, text_, line, message):
    file, found_line, found = one_problem(jabatan_text(make_data, text_))
    assert (file, found_line) == ("01-a.yaml", line)
    assert message in found, found
    for english in ("found", "expected", "while ", "could not", "allowed"):
        assert english not in found


def test_every_libyaml_problem_has_indonesian_words(tmp_path):
    """No English reaches the clerk, whatever libyaml says."""
    samples = [
        "a: 'x\n",
        "a: [\n",
        "a: {b\n",
        "? [a\n",
        "a: &\n",
        "a: *\n",
        "a: !<x\n",
        "%FOO\n---\na\n",
        "%YAML 2.0\n---\na\n",
        "%TAG ! x\n",
        "a:\n- b\n c: d\n",
        "a: b\n- c\n",
        "a: |9x\n",
        "a: >\n\tb\n",
        '"a\\x4g"\n',
        "[a]: b: c\n",
        "- - a\n -b\n",
        "a: 'b'c\n",
        "'a' 'b'\n",
        "{a: b}}\n",
        "]\n",
        "a: ---\n---\n...\n...x\n",
    ]
    for i, sample in enumerate(samples):
        path = tmp_path / f"{i}.yaml"
        path.write_text(sample)
        try:
            read_yaml(path)
        except DataError as exc:
            (problem,) = exc.problems
            for english in ("found", "expected", "while ", "could not", "allowed", "character"):
                assert english not in problem.message, (sample, problem.message)


def test_a_file_that_is_not_utf8_names_its_line(make_data):
    folder = make_data()
    (folder / "jabatan" / "01-sekretaris.yaml").write_bytes(
        JABATAN_YAML.replace("laporan yang disusun", "laporan yang disusun – béta").encode("cp1252")
    )
    assert one_problem(folder) == (
        "01-sekretaris.yaml",
        15,
        "berkas bukan teks UTF-8 (mungkin tersimpan sebagai ANSI/Windows-1252); simpan ulang"
        " sebagai UTF-8",
    )
    (folder / "jabatan" / "01-sekretaris.yaml").write_bytes(JABATAN_YAML.encode("utf-16"))
    assert one_problem(folder) == (
        "01-sekretaris.yaml",
        1,
        "berkas tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8",
    )


def test_a_utf8_file_with_a_byte_order_mark_is_read(make_data):
    folder = make_data()
    (folder / "jabatan" / "01-sekretaris.yaml").write_bytes(b"\xef\xbb\xbf" + JABATAN_YAML.encode())
    (folder / "dinas.yaml").write_bytes(b"\xef\xbb\xbf" + DINAS_YAML.encode())
    data = load(folder)
    assert data.jabatan[0].kode == "sekretaris"
    assert data.dinas.nama == "Dinas Koperasi dan Usaha Mikro"


def test_a_100_mb_file_is_refused_without_reading_it(make_data):
    folder = make_data()
    with open(folder / "jabatan" / "01-sekretaris.yaml", "r+b") as stream:
        stream.truncate(100 * 2**20)  # sparse: the test writes nothing big
    started = time.monotonic()
    assert one_problem(folder) == (
        "01-sekretaris.yaml",
        None,
        "berkas terlalu besar (100 MB; paling besar 10 MB)",
    )
    assert time.monotonic() - started < 5


# --- numbers and years of absurd size -----------------------------------------------------------

RENSTRA = """\
periode: {awal: 2020, akhir: 2024}
sasaran:
  - kode: S1
    uraian: Meningkatnya Kualitas Koperasi
    indikator:
      - kode: IKU-1
        uraian: Persentase koperasi sehat
        target:
          2021: 80,94
program:
  - kode: P1
    nama: Program Pengawasan
    kegiatan:
      - kode: K1
        nama: Pemeriksaan Koperasi
        pagu:
          2021: 1.000.000
"""


def renstra(make_data: MakeData, old: str, new: str) -> Path:
    assert old in RENSTRA
    return make_data(**{"renstra.yaml": RENSTRA.replace(old, new)})


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        (
            "akhir: 2024",
            "akhir: 12020",
            1,
            "periode.akhir: '12020' terlalu besar: paling besar 2100",
        ),
        (
            "awal: 2020, akhir: 2024",
            "awal: 99990, akhir: 99999",
            1,
            "periode.awal: '99990' terlalu besar",
        ),
        (
            "awal: 2020, akhir: 2024",
            "awal: 2020, akhir: 2100",
            1,
            "periode: periode 2020–2100 terlalu panjang: periode Renstra paling lama 10 tahun",
        ),
        ("2021: 80,94", "2021: 1e400", 9, "target.2021: '1e400' terlalu besar: angka harus kurang"),
        (
            "2021: 80,94",
            "2021: " + "9" * 5000,
            9,
            "target.2021: '" + "9" * 39 + "…' terlalu besar",
        ),
        ("2021: 80,94", "2021: NaN", 9, "target.2021: 'NaN' bukan angka"),
        ("2021: 80,94", "2021: -Infinity", 9, "target.2021: '-Infinity' bukan angka"),
        (
            "2021: 80,94",
            "2021: 0,00000000001",
            9,
            "terlalu banyak angka di belakang koma (paling banyak 10)",
        ),
        (
            "2021: 80,94",
            "99999: 80,94",
            9,
            "target.99999: kunci '99999' terlalu besar: paling besar 2100",
        ),
        (
            "2021: 80,94",
            "1066: 80,94",
            9,
            "target.1066: kunci '1066' terlalu kecil: paling kecil 1900",
        ),
        (
            "2021: 1.000.000",
            "2021: 1.000.000.000.000.000",
            17,
            "pagu.2021: '1.000.000.000.000.000' terlalu besar",
        ),
        ("2021: 1.000.000", "2021: " + "9" * 5000, 17, "terlalu besar"),
    ],
)
def test_numbers_and_years_of_absurd_size_are_refused_at_their_line(
    make_data, old, new, line, words
):
    file, found_line, message = problems(renstra(make_data, old, new))[0]
    assert (file, found_line) == ("renstra.yaml", line)
    assert words in message, message


def test_a_nip_of_500_digits_is_a_finding_at_its_line(make_data):
    folder = make_data(dinas=DINAS_YAML.replace('"19590531 198603 2 004"', '"' + "1" * 500 + '"'))
    result = run("check", folder)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "dinas.yaml" in result.output
    assert "      9  galat      ORG001  NIP 111" in result.output


@pytest.mark.parametrize(
    ("file", "content", "line", "words"),
    [
        (
            "keputusan-iku.yaml",
            "tanggal: 2021-02-31\nmenimbang: [a]\nmengingat: [b]\n",
            1,
            "tanggal: '2021-02-31' bukan tanggal yang ada: tulis TAHUN-BULAN-HARI",
        ),
        (
            "keputusan-iku.yaml",
            "bulan: 2021-13\nmenimbang: [a]\nmengingat: [b]\n",
            1,
            "bulan: '2021-13' bukan bulan: tulis TAHUN-BULAN, mis. 2021-01",
        ),
        (
            "dokumen-iku.yaml",
            "tahun: 2.021\n",
            1,
            "tahun: '2.021' bukan bilangan bulat",
        ),
        ("dokumen-iku.yaml", "tahun: " + "9" * 5000 + "\n", 1, "tahun: '99999"),
    ],
)
def test_dates_and_years_are_explained_in_indonesian(make_data, file, content, line, words):
    folder = make_data(**{"renstra.yaml": RENSTRA, file: content})
    found_file, found_line, message = one_problem(folder)
    assert (found_file, found_line) == (file, line)
    assert message.startswith(words), message


def test_every_pydantic_error_kind_has_indonesian_words():
    """Whatever pydantic reports, its English ``msg`` never reaches the clerk."""
    from dokgen.model import Jabatan

    for kind in typing.get_args(ErrorType):
        error = {
            "type": kind,
            "loc": ("nama",),
            "msg": "ENGLISH MESSAGE",
            "input": "x",
            "ctx": {
                "error": ValueError("galat"),
                **dict.fromkeys(("gt", "ge", "lt", "le", "multiple_of", "max_length"), 2),
                **dict.fromkeys(("max_digits", "decimal_places", "whole_digits"), 2),
                "expected": "'a' or 'b'",
                "expected_tags": "'a', 'b'",
            },
        }
        message = load_module._message(error, ("nama",), Jabatan)  # type: ignore[arg-type]
        assert "ENGLISH" not in message and "…" not in message.removeprefix("nama: "), (
            kind,
            message,
        )


def test_os_errors_are_explained_in_indonesian():
    for code in (errno.ENOENT, errno.EACCES, errno.ELOOP, errno.EISDIR, errno.EIO, errno.EXDEV):
        reason = alasan_os(OSError(code, os.strerror(code)))
        assert os.strerror(code) not in reason


# --- text that looks like console markup -------------------------------------------------------


@pytest.mark.parametrize("key", ["[/x]", "[bold]x", "[lama]", "[red]merah[/red]"])
def test_console_markup_in_a_key_is_printed_as_it_is(make_data, key):
    folder = make_data(jabatan={"01-a.yaml": JABATAN_YAML + f"'{key}': 1\n"})
    output = refused(run("check", folder), f"01-a.yaml:18: kunci '{key}' tidak dikenal")
    assert len(output.strip().splitlines()) == 1


def test_console_markup_in_a_value_and_a_path_is_printed_as_it_is(tmp_path):
    folder = tmp_path / "[lama]" / "[bold]dinas"
    folder.mkdir(parents=True)
    (folder / "dinas.yaml").write_text(DINAS_YAML + "pengaturan:\n  kertas: '[/x][bold]'\n")
    output = refused(run("build", folder, "--keluar", tmp_path / "out"))
    assert f"{folder / 'dinas.yaml'}:11: " in output
    assert "'[/x][bold]' tidak sah di pengaturan.kertas" in output
