"""Revisions: dokgen diff, the amending decree, incremental and reproducible builds."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dokgen.build import BuildOptions, build
from dokgen.cli import app
from dokgen.diff import bandingkan
from dokgen.load import load
from tests.conftest import DATA
from tests.docxread import lines, open_docx

runner = CliRunner()
JABATAN = ["01-sekretaris.yaml", "07-kasubag-umum.yaml", "34-pengadministrasi-umum.yaml"]


@pytest.fixture
def dinas(tmp_path) -> Path:
    """Lumajang's Renstra and quarter report, with three IKI cards of Malang's jabatan."""
    folder = tmp_path / "dinas"
    shutil.copytree(DATA / "lumajang-diskopum", folder)
    (folder / "jabatan").mkdir()
    for name in JABATAN:
        shutil.copy(DATA / "malang-diskopum" / "jabatan" / name, folder / "jabatan" / name)
    (folder / "periksa.yaml").write_text("aturan:\n  KAS002: info\n")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*.docx")
    }


def test_one_target_and_one_iki_row_changed(dinas, tmp_path):
    out = tmp_path / "out"
    first = build(dinas, out)
    assert len(first.written) == 7 and first.unchanged == []
    before = snapshot(out)
    old = tmp_path / "lama"
    shutil.copytree(dinas, old)

    edit(dinas / "renstra.yaml", "              2021: 81,02", "              2021: 81,50")
    edit(
        dinas / "jabatan" / "07-kasubag-umum.yaml",
        "sumber_data: Data Kepegawaian",
        "sumber_data: Aplikasi SIMPEG",
    )

    changes = [
        (c.objek, c.bagian, c.sebelum, c.sesudah) for c in bandingkan(load(old), load(dinas))
    ]
    assert changes == [
        ("indikator IKU-1", "target 2021", "81,02", "81,50"),
        (
            "baris IKI 'Jumlah PNS yang naik gaji berkala tepat waktu' jabatan"
            " KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN",
            "sumber data",
            "Data Kepegawaian",
            "Aplikasi SIMPEG",
        ),
    ]

    second = build(dinas, out)
    written = sorted(str(p.relative_to(out)) for p in second.written)
    assert written == ["dokumen-iku.docx", "iki-semua-jabatan.docx", "iki/02-kasubag-umum.docx"]
    after = snapshot(out)
    for name in before.keys() - set(written):
        assert after[name] == before[name], name  # same bytes, same mtime
    assert second.summary == "ditulis 3, tidak berubah 4, dihapus 0"  # the tree shows neither


def test_building_twice_rewrites_nothing_and_removed_jabatan_are_deleted(dinas, tmp_path):
    out = tmp_path / "out"
    build(dinas, out)
    (out / "catatan-saya.docx").write_bytes(b"bukan buatan dokgen")
    before = snapshot(out)
    again = build(dinas, out)
    assert again.written == [] and again.deleted == []
    assert snapshot(out) == before
    (dinas / "jabatan" / JABATAN[2]).unlink()
    third = build(dinas, out)
    assert [p.name for p in third.deleted] == ["03-pengadministrasi-umum.docx"]
    assert (out / "catatan-saya.docx").read_bytes() == b"bukan buatan dokgen"
    everything = build(dinas, out, BuildOptions(rebuild=True))
    assert len(everything.written) == 6


def test_two_fresh_builds_are_byte_identical(dinas, tmp_path):
    copy = tmp_path / "salinan"
    shutil.copytree(dinas, copy)
    build(dinas, tmp_path / "a")
    build(copy, tmp_path / "b")
    a, b = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert a.keys() == b.keys()
    assert all(a[name][0] == b[name][0] for name in a)


def test_diff_cli_text_json_and_docx(tmp_path):
    old, new = DATA / "bandarlampung-diskopukm", DATA / "bandarlampung-diskopukm-perubahan"
    text = runner.invoke(app, ["diff", str(old), str(new)])
    assert text.exit_code == 0
    assert text.output.splitlines()[-1] == "2 perubahan"
    assert "~ indikator IKU-3 formula:" in text.output
    data = json.loads(runner.invoke(app, ["diff", str(old), str(new), "--format", "json"]).output)
    assert [(c["objek"], c["bagian"]) for c in data] == [
        ("indikator IKU-3", "formula"),
        ("indikator IKU-3", "sumber data"),
    ]
    target = tmp_path / "matriks.docx"
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "docx", "-o", str(target)])
    assert result.exit_code == 0
    table = open_docx(target).tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "No",
        "Uraian",
        "Sebelum",
        "Sesudah",
        "Keterangan",
    ]
    assert table.rows[2].cells[2].text == "Dinas Koperasi dan UKM Bandar Lampung"
    assert table.rows[2].cells[3].text == (
        "Laporan pemantauan UMKM binaan Bidang Pemberdayaan Usaha Mikro"
    )


def test_diff_against_a_git_revision(tmp_path):
    import subprocess

    repo = tmp_path / "repo"
    shutil.copytree(DATA / "lumajang-diskopum", repo / "dinas")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "awal"], check=True)
    edit(repo / "dinas" / "renstra.yaml", "              2022: 81,06", "              2022: 81,60")
    import os

    cwd = os.getcwd()
    os.chdir(repo)
    try:
        result = runner.invoke(app, ["diff", "HEAD:dinas", "dinas"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "~ indikator IKU-1 target 2022: 81,06 → 81,60" in result.output


def test_amending_decree_cites_the_earlier_one_and_attaches_the_matriks(tmp_path):
    build(DATA / "bandarlampung-diskopukm-perubahan", tmp_path)
    text = lines(open_docx(tmp_path / "keputusan-iku.docx"))
    assert text[text.index("TENTANG") + 1].startswith(
        "PERUBAHAN ATAS KEPUTUSAN KEPALA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG NOMOR"
        " 121/SK/III.15/II/2021 TENTANG PERUBAHAN INDIKATOR KINERJA UTAMA"
    )
    menimbang = [line for line in text if line.startswith(("a.\tbahwa", "b.\tbahwa", "c.\tbahwa"))]
    assert "Nomor 121/SK/III.15/II/2021" in menimbang[0]  # the reason: alasan reviu-iku
    assert menimbang[1].startswith(
        "b.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a,"
    )
    assert any(line.startswith("LAMPIRAN II\t") for line in text) and "MATRIKS PERUBAHAN" in text
    doc = open_docx(tmp_path / "keputusan-iku.docx")
    matriks = doc.tables[-1]
    assert [r.cells[1].text for r in matriks.rows[1:-1]] == [
        "indikator IKU-3 — formula",
        "indikator IKU-3 — sumber data",
    ]


def test_lampiran_ii_lists_what_dokgen_diff_lists_for_a_dinas_with_jabatan(tmp_path):
    """Built with the cache (no jabatan models kept), the amending decree's matriks still
    compares the jabatan: only the real changes, not every jabatan as removed."""
    from dokgen.cache import Cache
    from dokgen.diff import bandingkan, matriks
    from dokgen.documents.keputusan import baris_matriks
    from tests.conftest import JABATAN_YAML

    old = tmp_path / "bandarlampung-diskopukm"
    new = tmp_path / "bandarlampung-diskopukm-perubahan"
    shutil.copytree(DATA / old.name, old)
    shutil.copytree(DATA / new.name, new)
    for folder in (old, new):
        (folder / "jabatan").mkdir()
        (folder / "jabatan" / "01-sekretaris.yaml").write_text(JABATAN_YAML)
    rows = baris_matriks(load(new, Cache()))
    assert rows == matriks(bandingkan(load(old), load(new, pembanding=False)))
    assert len(rows) == 2 and not any("Dihapus" in str(r) for r in rows)
