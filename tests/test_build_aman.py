"""A build never reaches outside its output folder, never mixes two builds, never runs twice.

Each test breaks something a clerk or a received folder can break — a manifest naming other
files, two data folders of one name, a card locked by Word, a build killed while moving files,
two builds at once, Ctrl-C — and reads back what is on disk.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dokgen import transaction
from dokgen.build import BuildOptions, build
from dokgen.errors import DataError
from dokgen.manifest import NAME as MANIFEST
from tests.conftest import DATA, MakeData

MALANG = DATA / "malang-diskopum"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != transaction.LOCK
    }


def built_then_edited(
    make_data: MakeData, out: Path, *edited: str
) -> tuple[Path, dict[str, bytes]]:
    """A dinas of two jabatan built into ``out``, then the ``edited`` files changed: the data
    folder, and the outputs as the build left them."""
    folder = make_data(jabatan={"01-a.yaml": _jabatan("a"), "02-b.yaml": _jabatan("b")})
    build(folder, out)
    before = snapshot(out)
    for name in edited:
        path = folder / "jabatan" / name
        path.write_text(path.read_text().replace("Sekretaris", "Kepala"))
    return folder, before


def test_a_manifest_naming_files_outside_is_not_trusted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(MALANG, out)
    victim = tmp_path / "penting.txt"
    victim.write_text("jangan dihapus")
    raw = json.loads((out / MANIFEST).read_text())
    entry = next(iter(raw["outputs"].values()))
    raw["outputs"]["../penting.txt"] = entry
    raw["outputs"][str(victim)] = entry
    (out / MANIFEST).write_text(json.dumps(raw))
    build(MALANG, out)
    assert victim.read_text() == "jangan dihapus"
    assert "../penting.txt" not in json.loads((out / MANIFEST).read_text())["outputs"]


def test_two_data_folders_of_one_name_do_not_share_an_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a" / "dinas", tmp_path / "b" / "dinas"
    shutil.copytree(MALANG, first)
    shutil.copytree(DATA / "bandarlampung-diskopukm", second)
    monkeypatch.chdir(tmp_path)
    build(first)
    before = snapshot(tmp_path / "build" / "dinas")
    with pytest.raises(DataError, match="dibuat dari data lain"):
        build(second)
    assert snapshot(tmp_path / "build" / "dinas") == before  # the 54 cards are still there


def test_a_locked_output_undoes_the_whole_commit(
    tmp_path: Path, make_data: MakeData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows a card open in Word cannot be replaced: the build fails and every output is
    the previous build's, cards and combined document alike."""
    out = tmp_path / "out"
    folder, before = built_then_edited(make_data, out, "01-a.yaml", "02-b.yaml")
    real = os.replace

    def locked(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if str(src).endswith("02-b.docx") and "sementara" not in str(src):
            raise PermissionError(13, "dipakai proses lain", str(src))  # open in Word
        real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(PermissionError):
        build(folder, out)
    monkeypatch.setattr(os, "replace", real)
    assert snapshot(out) == before
    assert not (out / ".dokgen-sementara").exists()
    again = build(folder, out)  # the next build puts the new set in place
    assert sorted(p.name for p in again.written) == [
        "01-a.docx",
        "02-b.docx",
        "iki-semua-jabatan.docx",
        "pohon-kinerja.docx",
    ]


def test_a_build_killed_while_moving_files_is_finished_by_the_next(
    tmp_path: Path, make_data: MakeData, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    folder, before = built_then_edited(make_data, out, "02-b.yaml")
    real = os.replace
    calls: list[str] = []

    def killed(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(str(dst))
        if len([c for c in calls if "sementara" not in c]) == 2:  # the first one is in place
            raise SystemExit("dimatikan")  # not caught: as if the process ended here
        real(src, dst)

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(transaction, "_back", lambda *args: None)  # a kill undoes nothing
    monkeypatch.setattr(shutil, "rmtree", lambda *args, **kwargs: None)
    with pytest.raises(SystemExit):
        build(folder, out)
    monkeypatch.undo()
    assert (out / ".dokgen-sementara" / transaction.JOURNAL).exists()
    assert snapshot(out) != before  # half moved
    transaction.recover(out, out / ".dokgen-sementara")
    assert {k: v for k, v in snapshot(out).items() if "sementara" not in k} == before
    build(folder, out)
    assert "KEPALA" in _card_text(out / "iki" / "02-b.docx").upper()


def test_a_second_build_of_one_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with transaction.locked(out), pytest.raises(DataError, match="sedang berjalan"):
        build(MALANG, out)
    build(MALANG, out)  # the lock went with its holder


def test_ctrl_c_stops_a_parallel_build_quickly_leaving_nothing(tmp_path: Path) -> None:
    """Interrupted while its workers render, the build exits with 130 within two seconds: no
    output folder half made, no worker left running."""
    data = _many_cards(tmp_path)
    out = tmp_path / "out"
    env = {**os.environ, "DOKGEN_CACHE": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "dokgen", "build", str(data), "-o", str(out), "-j", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not (out / ".dokgen-sementara" / "iki").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, process.communicate()
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: to the whole group
    start = time.monotonic()
    _, err = process.communicate(timeout=10)
    assert time.monotonic() - start < 2
    assert process.returncode == 130, err.decode()
    assert b"Traceback" not in err
    assert not out.exists()
    left = _running_in_group(process.pid)
    for _ in range(50):  # the workers end with their parent; a zombie not yet reaped by
        if not left:  # the system's init runs nothing and does not count
            break
        time.sleep(0.1)
        left = _running_in_group(process.pid)
    assert not left, f"processes left behind: {left}"


def _many_cards(tmp_path: Path, count: int = 400) -> Path:
    """Malang with ``count`` jabatan: enough cards to start the pool and keep it busy."""
    data = tmp_path / "data"
    shutil.copytree(MALANG, data)
    template = (MALANG / "jabatan" / "07-kasubag-umum.yaml").read_text()
    for i in range(55, count):
        text = template.replace("kode: kasubag-umum", f"kode: j{i}")
        (data / "jabatan" / f"{i:04d}-j{i}.yaml").write_text(text)
    return data


def test_a_worker_killed_mid_build_stops_it_with_one_sentence(tmp_path: Path) -> None:
    """A worker process that dies while it renders (ended from the task manager, out of
    memory) stops the build with one sentence and exit 2 — multiprocessing.Pool waited forever
    for the dead worker's cards — and the outputs of the build before stay as they were."""
    data = _many_cards(tmp_path, 1500)
    out = tmp_path / "out"
    env = {**os.environ, "DOKGEN_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "dokgen", "build", str(data), "-o", str(out), "-j", "2"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    process = subprocess.Popen(
        [*command, "--semua"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    staged = out / ".dokgen-sementara" / "iki"
    deadline = time.monotonic() + 30
    while process.poll() is None and time.monotonic() < deadline:  # until cards are rendered
        if staged.is_dir() and any(staged.iterdir()):
            break
        time.sleep(0.01)
    ps = subprocess.run(
        ["ps", "-ww", "-o", "pid=,args=", "--ppid", str(process.pid)],
        capture_output=True,
        text=True,
    )
    workers = [int(row.split()[0]) for row in ps.stdout.splitlines() if "spawn_main" in row]
    assert workers, process.communicate()
    os.kill(workers[0], signal.SIGKILL)
    try:
        _, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()  # (the workers end with it)
        raise
    assert process.returncode == 2, err.decode()
    assert err.decode().splitlines() == [
        "galat proses pembantu dokgen berhenti tiba-tiba (kehabisan memori, atau dihentikan dari"
        " luar); tidak ada hasil yang diubah — ulangi perintahnya, atau pakai --jobs 1"
    ]
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def _running_in_group(group: int) -> list[str]:
    """The processes of a process group that are not zombies (pid, state, command)."""
    ps = subprocess.run(
        ["ps", "-o", "pid=,stat=,args=", "-g", str(group)], capture_output=True, text=True
    )
    rows = [line.split(maxsplit=2) for line in ps.stdout.splitlines()]
    return [" ".join(row) for row in rows if len(row) > 1 and not row[1].startswith("Z")]


def _jabatan(kode: str) -> str:
    return f"""\
kode: {kode}
nama: Sekretaris {kode.upper()}
tugas:
  - Melaksanakan pengelolaan administrasi umum
iki:
  - sasaran: Meningkatnya tertib administrasi
    indikator:
      - uraian: Persentase dokumen kepegawaian tepat waktu
        formula:
          pembilang: Jumlah dokumen tepat waktu
          penyebut: Jumlah dokumen
        sumber_data: Dokumen kepegawaian
"""


def _card_text(path: Path) -> str:
    from tests.docxread import lines, open_docx

    return "\n".join(lines(open_docx(path)))


def test_a_folder_with_a_half_done_excel_import_is_not_built(
    tmp_path: Path, make_data: MakeData
) -> None:
    folder = make_data()
    (folder / ".dokgen-impor").write_text("{}")
    with pytest.raises(DataError, match="impor Excel sebelumnya terputus"):
        build(folder, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_logo_is_read_by_the_loader_once(tmp_path: Path) -> None:
    """The documents layer reads no file: the kop's picture is the loader's bytes."""
    from dokgen.documents.common import gambar_kop
    from dokgen.load import load
    from tests.test_keputusan import png

    folder = tmp_path / "dinas"
    shutil.copytree(DATA / "bandarlampung-diskopukm", folder)
    logo = png()
    (folder / "logo.png").write_bytes(logo)
    dinas = (
        (folder / "dinas.yaml").read_text().replace("logo: lambang-contoh.png", "logo: logo.png")
    )
    (folder / "dinas.yaml").write_text(dinas)
    data = load(folder)
    assert data.logo == logo
    (folder / "logo.png").unlink()  # after loading: the documents need no file
    assert gambar_kop(data)["logo"].data == logo


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("Kartu {{ jabatan.nama ", "Kartu {{ jabatan.nama"),
        ("{% for t in jabatan.tugas %}{{ t }}", "{% for t in jabatan.tugas %}"),
        ("{% if jabatan.fungsi %}ada", "{% if jabatan.fungsi %}ada"),
    ],
)
def test_a_template_syntax_error_builds_nothing(tmp_path: Path, source: str, shown: str) -> None:
    """An unclosed ``{{``, a loop or a condition without its end: the template and the
    paragraph are named, and no document is written — never one with sections missing."""
    from docx import Document

    from dokgen.errors import TemplateError
    from tests.conftest import TEMPLATES

    templates = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templates)
    doc = Document()
    doc.add_paragraph("Pembuka")
    doc.add_paragraph(source)
    doc.save(templates / "iki.docx")
    with pytest.raises(TemplateError) as caught:
        build(MALANG, tmp_path / "out", BuildOptions(templates))
    message = str(caught.value)
    assert message.startswith(f"{templates / 'iki.docx'}: kesalahan templat")
    assert shown in message
    assert not (tmp_path / "out").exists()


def test_a_damaged_cache_entry_is_computed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every value in the cache is checked against its hash when read: a damaged one is made
    again from the data, never used."""
    import sqlite3

    monkeypatch.setenv("DOKGEN_CACHE", str(tmp_path / "cache"))
    first = tmp_path / "a"
    build(MALANG, first)
    db = sqlite3.connect(tmp_path / "cache" / "dokgen.sqlite3")
    db.execute("UPDATE entry SET value = CAST('rusak' AS BLOB)")
    db.commit()
    db.close()
    second = tmp_path / "b"
    build(MALANG, second)
    assert snapshot(second) == {k: v for k, v in snapshot(first).items() if k != MANIFEST} | {
        MANIFEST: (second / MANIFEST).read_bytes()
    }


def test_a_full_disk_while_rendering_leaves_the_earlier_outputs(
    tmp_path: Path, make_data: MakeData, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from dokgen.render import Template

    out = tmp_path / "out"
    folder, before = built_then_edited(make_data, out, "01-a.yaml", "02-b.yaml")
    rendered = []
    real = Template.render_dokumen

    def full(self: Template, *args: object, **kwargs: object) -> tuple[bytes, bytes]:
        if rendered:
            raise OSError(errno.ENOSPC, "No space left on device", str(out))
        rendered.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Template, "render_dokumen", full)
    with pytest.raises(OSError):
        build(folder, out)
    assert snapshot(out) == before
    assert not (out / ".dokgen-sementara").exists()


def test_a_named_pipe_among_the_data_files_does_not_hang(tmp_path: Path) -> None:
    """Only the files the loader reads are hashed, each as a regular file of bounded size: a
    pipe named like a YAML file no longer blocks the check forever."""
    folder = tmp_path / "dinas"
    shutil.copytree(MALANG, folder)
    os.mkfifo(folder / "catatan.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "dokgen", "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DOKGEN_CACHE": str(tmp_path / "cache")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("0 galat, 13 peringatan, 121 info")  # KEP006: no iki.yaml


_DINAS_KECIL = "nama: Dinas Uji\npemda: {jenis: kota, nama: Uji}\nkepala: {nama: Kepala}\n"


def _tulis(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_capaian_of_more_than_26_digits_is_printed_not_a_crash(tmp_path: Path) -> None:
    """Found by tests/test_fuzz.py: a tiny target and a huge realisasi gave a capaian that
    Decimal's 28 digits could not round (exit 3 where the check saw nothing wrong)."""
    from tests.docxread import lines, open_docx

    renstra = (
        "periode: {awal: 2020, akhir: 2024}\nsasaran:\n  - kode: S1\n    uraian: Sasaran\n"
        "    indikator:\n      - kode: K1\n        uraian: Indikator\n"
        '        target: {2021: "0,0000000001"}\n'
    )
    realisasi = 'tahun: 2021\ntriwulan: 1\nindikator: {K1: "999.999.999.999.999"}\n'
    data = _tulis(
        tmp_path / "data",
        {"dinas.yaml": _DINAS_KECIL, "renstra.yaml": renstra, "realisasi/2021-1.yaml": realisasi},
    )
    build(data, tmp_path / "hasil", BuildOptions(force=True))
    text = lines(open_docx(tmp_path / "hasil" / "lkj-2021-tw1.docx"))
    assert any("999.999.999.999.999,00" in line for line in text)


def test_a_unit_with_an_empty_induk_is_under_the_kepala_dinas(tmp_path: Path) -> None:
    """Found by tests/test_fuzz.py: ``induk: ""`` (empty: under the Kepala Dinas, as the
    model says) dropped the unit from the Dokumen IKU."""
    from tests.docxread import lines, open_docx

    organisasi = 'unit:\n  - kode: sekretariat\n    nama: Sekretariat Dinas Uji\n    induk: ""\n'
    data = _tulis(
        tmp_path / "data",
        {
            "dinas.yaml": _DINAS_KECIL,
            "renstra.yaml": "periode: {awal: 2020, akhir: 2024}\n",
            "dokumen-iku.yaml": "tahun: 2021\n",
            "organisasi.yaml": organisasi,
        },
    )
    build(data, tmp_path / "hasil", BuildOptions(force=True))
    text = "\n".join(lines(open_docx(tmp_path / "hasil" / "dokumen-iku.docx")))
    assert "Sekretariat Dinas Uji" in text
