"""Versions of a dinas and the revision screen: save a version, see what changed since, write the
amending decree's ``mengubah:`` block and build it with its matriks perubahan."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dokgen.build import BuildOptions, build
from dokgen.check import check_folder
from tests.docxread import lines, open_docx
from tests.web.conftest import Klien

DINAS = "bandarlampung-diskopukm"
LAMA = "penyebut: Jumlah UMKM dalam pengawasan"
BARU = "penyebut: Jumlah UMKM binaan yang dipantau"


def simpan(klien: Klien, catatan: str = "sebelum reviu IKU") -> str:
    response = klien.kirim(
        f"/dinas/{DINAS}/versi/simpan", {"catatan": catatan}, follow_redirects=False
    )
    assert response.status_code == 303
    return str(response.headers["location"]).rsplit("=", 1)[1]


def ubah_formula(ruang_kerja: Path) -> None:
    renstra = ruang_kerja / DINAS / "renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    assert LAMA in text
    renstra.write_text(text.replace(LAMA, BARU), encoding="utf-8")


def test_a_saved_version_holds_the_data_files_and_is_no_dinas(
    klien: Klien, ruang_kerja: Path
) -> None:
    versi = simpan(klien)
    folder = ruang_kerja / ".versi" / DINAS / versi
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert names == [
        ".catatan", "dinas.yaml", "dokumen-iku.yaml", "keputusan-iku.yaml",
        "lambang-contoh.png", "organisasi.yaml", "peraturan.yaml", "periksa.yaml", "renstra.yaml",
    ]  # fmt: skip
    assert (folder / "renstra.yaml").read_bytes() == (
        ruang_kerja / DINAS / "renstra.yaml"
    ).read_bytes()
    page = klien.get(f"/dinas/{DINAS}/versi?disimpan={versi}").text
    assert f"Versi {versi} tersimpan" in page and "sebelum reviu IKU" in page
    assert f'href="/dinas/{DINAS}/versi/{versi}"' in page
    home = klien.get("/").text
    assert ".versi" not in home and klien.get("/dinas/.versi").status_code == 404
    # a second version in the same second gets its own folder; the newest is listed first
    second = simpan(klien, "kedua")
    assert second != versi
    table = klien.get(f"/dinas/{DINAS}/versi").text.split("<tbody>")[1]
    assert table.index("<td>kedua</td>") < table.index("<td>sebelum reviu IKU</td>")


def test_a_jabatan_dinas_keeps_its_jabatan_files(klien: Klien, ruang_kerja: Path) -> None:
    response = klien.kirim("/dinas/malang-diskopum/versi/simpan", follow_redirects=False)
    versi = str(response.headers["location"]).rsplit("=", 1)[1]
    folder = ruang_kerja / ".versi" / "malang-diskopum" / versi
    source = ruang_kerja / "malang-diskopum" / "jabatan"
    assert sorted(p.name for p in (folder / "jabatan").iterdir()) == sorted(
        p.name for p in source.glob("*.yaml")
    )


@pytest.mark.parametrize(
    "versi", ["..%2F..%2Fetc", "%2E%2E", "20260101-000000", "abc", "2026%2F01"]
)
def test_a_version_name_is_checked(klien: Klien, versi: str) -> None:
    assert klien.get(f"/dinas/{DINAS}/versi/{versi}").status_code == 404
    response = klien.kirim(f"/dinas/{DINAS}/versi/{versi}/keputusan", {"nomor_lama": "1"})
    assert response.status_code in (404, 405)


def test_the_change_is_listed_and_the_amending_decree_is_built(
    klien: Klien, ruang_kerja: Path
) -> None:
    versi = simpan(klien)
    ubah_formula(ruang_kerja)
    page = klien.get(f"/dinas/{DINAS}/versi/{versi}").text
    assert "~</td><td>indikator IKU-3 formula</td>" in page
    assert "Jumlah UMKM dalam pengawasan × 100%" in page
    assert "Jumlah UMKM binaan yang dipantau × 100%" in page and "1 perubahan" in page
    assert 'value="reviu-iku"\n      checked' in page  # only a formula changed: a reviu

    path = ruang_kerja / DINAS / "keputusan-iku.yaml"
    before = path.read_bytes()
    response = klien.kirim(
        f"/dinas/{DINAS}/versi/{versi}/keputusan", {"alasan": ["reviu-iku"], "bulan": "2022-03"}
    )
    assert response.status_code == 422 and "tulis nomor keputusan yang diubah" in response.text
    assert path.read_bytes() == before

    form = {
        "nomor_lama": "121/SK/III.15/II/2021", "tanggal_lama": "2021-01-15",
        "alasan": ["reviu-iku"], "bulan": "2022-03", "ganti_menimbang": "1",
    }  # fmt: skip
    response = klien.kirim(f"/dinas/{DINAS}/versi/{versi}/keputusan", form, follow_redirects=False)
    assert response.status_code == 303
    page = klien.get(response.headers["location"]).text
    assert "Keputusan perubahan ditulis" in page and f'href="/dinas/{DINAS}/bangun"' in page

    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["mengubah"] == {
        "nomor": "121/SK/III.15/II/2021",
        "tanggal": __import__("datetime").date(2021, 1, 15),
        "pembanding": f"../.versi/{DINAS}/{versi}",
    }
    assert data["alasan"] == "reviu-iku" and data["bulan"] == "2022-03"
    assert data["nomor"] is None and data["menimbang"] == []
    assert text.startswith("# Keputusan Kepala Dinas tentang Perubahan IKU, dari seed 001.")
    assert "  # seed juga mengutip Perda 9/2018" in text  # a comment inside mengingat
    assert (
        (ruang_kerja / DINAS / f"../.versi/{DINAS}/{versi}")
        .resolve()
        .is_relative_to(ruang_kerja.resolve())
    )

    findings = check_folder(ruang_kerja / DINAS)
    assert [f for f in findings if f.severity == "galat"] == []
    out = ruang_kerja.parent / "build" / DINAS
    result = build(ruang_kerja / DINAS, out, BuildOptions(kind="keputusan", jobs=1))
    (docx,) = [p for p in result.outputs if p.name == "keputusan-iku.docx"]
    text_lines = lines(open_docx(docx))
    assert any(line.startswith("KEPUTUSAN KEPALA DINAS") for line in text_lines)
    matrix = text_lines[text_lines.index("MATRIKS PERUBAHAN") :]
    row = matrix.index("indikator IKU-3 — formula")
    assert matrix[row + 1 : row + 4] == [
        "Jumlah UMKM yang meningkat labanya / Jumlah UMKM dalam pengawasan × 100%",
        "Jumlah UMKM yang meningkat labanya / Jumlah UMKM binaan yang dipantau × 100%",
        "Diubah: formula indikator IKU-3",
    ]
    assert any("NOMOR 121/SK/III.15/II/2021" in line for line in text_lines)

    # the page of the version now shows what was written
    page = klien.get(f"/dinas/{DINAS}/versi/{versi}").text
    assert 'value="121/SK/III.15/II/2021"' in page and 'value="2022-03"' in page


def test_without_a_decree_the_page_says_what_to_create(klien: Klien, ruang_kerja: Path) -> None:
    response = klien.kirim("/dinas/lumajang-diskopum/versi/simpan", follow_redirects=False)
    versi = str(response.headers["location"]).rsplit("=", 1)[1]
    page = klien.get(f"/dinas/lumajang-diskopum/versi/{versi}").text
    assert "Tidak ada perubahan" in page
    assert "belum memuat <code>keputusan-iku.yaml</code>" in page
    assert 'href="/dinas/lumajang-diskopum/data/keputusan-iku.yaml"' in page
    response = klien.kirim(
        f"/dinas/lumajang-diskopum/versi/{versi}/keputusan",
        {"nomor_lama": "1/2021", "alasan": ["reviu-iku"]},
    )
    assert response.status_code == 422
    assert not (ruang_kerja / "lumajang-diskopum" / "keputusan-iku.yaml").exists()


def test_a_value_the_loader_refuses_writes_nothing(klien: Klien, ruang_kerja: Path) -> None:
    versi = simpan(klien)
    path = ruang_kerja / DINAS / "keputusan-iku.yaml"
    before = path.read_bytes()
    form = {"nomor_lama": "1/2021", "alasan": ["reviu-iku"], "bulan": "2022-13"}
    response = klien.kirim(f"/dinas/{DINAS}/versi/{versi}/keputusan", form)
    assert response.status_code == 422
    assert "keputusan-iku.yaml:" in response.text and "bukan bulan" in response.text
    form = {"nomor_lama": "1/2021", "alasan": ["bukan-alasan"]}
    response = klien.kirim(f"/dinas/{DINAS}/versi/{versi}/keputusan", form)
    assert response.status_code == 422 and "tidak dikenal" in response.text
    assert path.read_bytes() == before
