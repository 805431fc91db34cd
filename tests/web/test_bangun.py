"""The build screen: a build from the button with its progress, refused on galat, one at a time;
downloads of each document and of all as a .zip; page previews from the PDFs."""

from __future__ import annotations

import io
import shutil
import struct
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from dokgen import build as pipeline
from tests.docxread import open_docx, text
from tests.web.conftest import Klien

CONTOH = "contoh-lengkap"


def tunggu(klien: Klien, nama: str, batas: float = 90) -> dict[str, Any]:
    """Poll the build's progress until it is no longer running; its last state."""
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        keadaan: dict[str, Any] = klien.get(f"/dinas/{nama}/bangun/kemajuan").json()
        if keadaan["keadaan"] != "berjalan":
            return keadaan
        time.sleep(0.05)
    raise AssertionError(f"build of {nama} did not finish in {batas} s")


def bangun(klien: Klien, nama: str = CONTOH, **form: str) -> dict[str, Any]:
    response = klien.kirim(f"/dinas/{nama}/bangun", form, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/dinas/{nama}/bangun"
    return tunggu(klien, nama)


def test_a_build_from_the_button_is_downloaded_as_one_zip(klien: Klien) -> None:
    page = klien.get(f"/dinas/{CONTOH}/bangun").text
    assert "Belum ada dokumen" in page and 'name="pdf"' in page
    assert bangun(klien)["keadaan"] == "selesai"
    page = klien.get(f"/dinas/{CONTOH}/bangun").text
    assert "Selesai" in page and "ditulis 41" in page
    assert f'href="/dinas/{CONTOH}/bangun/unduh/iki/02-kasubag-umum.docx"' in page
    assert "Pratinjau halaman memerlukan PDF" in page

    response = klien.get(f"/dinas/{CONTOH}/bangun/semua.zip")
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert len(names) == 41 and f"{CONTOH}/iki/15-kasi-kewirausahaan.docx" in names
        keputusan = text(open_docx(archive.read(f"{CONTOH}/keputusan-iku.docx")))
    assert "KEPALA DINAS KOPERASI DAN USAHA MIKRO" in keputusan
    assert "KABUPATEN LUMAJANG" in keputusan and "INDIKATOR KINERJA UTAMA" in keputusan

    one = klien.get(f"/dinas/{CONTOH}/bangun/unduh/keputusan-iku.docx")
    assert one.status_code == 200 and "keputusan-iku.docx" in one.headers["content-disposition"]
    assert text(open_docx(one.content)) == keputusan


def test_only_the_build_s_documents_are_served(klien: Klien, ruang_kerja: Path) -> None:
    bangun(klien, hanya="keputusan")
    unduh = f"/dinas/{CONTOH}/bangun/unduh/"
    assert klien.get(unduh + "keputusan-iku.docx").status_code == 200
    assert (ruang_kerja / CONTOH / "dinas.yaml").is_file()
    for name in (
        "../dinas.yaml",
        "..%2Fdinas.yaml",
        "..%2F..%2Fdata%2Fcontoh-lengkap%2Fdinas.yaml",
        "%2Fetc%2Fpasswd",
        ".dokgen-manifest.json",
        "keputusan-iku.pdf",  # no PDF was made
        "dokumen-iku.docx",  # not built
    ):
        response = klien.get(unduh + name)
        assert response.status_code == 404, name
        assert "<?xml" not in response.text and "nama:" not in response.text
    assert klien.get(f"/dinas/{CONTOH}/bangun/pratinjau/..%2Fx.pdf/1.png").status_code == 404


def test_a_second_build_while_one_runs_is_refused(
    klien: Klien, monkeypatch: pytest.MonkeyPatch
) -> None:
    lepas, mulai = threading.Event(), threading.Event()
    real = pipeline.build

    def lambat(*args: Any, **kwargs: Any) -> pipeline.BuildResult:
        mulai.set()
        assert lepas.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "build", lambat)
    assert klien.kirim(f"/dinas/{CONTOH}/bangun", {}).status_code == 200
    assert mulai.wait(10)
    assert klien.get(f"/dinas/{CONTOH}/bangun/kemajuan").json()["keadaan"] == "berjalan"
    page = klien.get(f"/dinas/{CONTOH}/bangun").text
    assert '<meta http-equiv="refresh"' in page and "/statis/bangun.js" in page
    assert "<progress" in page and "Memuat dan memeriksa data" in page

    second = klien.kirim(f"/dinas/{CONTOH}/bangun", {"pdf": "1"})
    assert second.status_code == 409 and "sedang dibuat" in second.text
    assert klien.get(f"/dinas/{CONTOH}/bangun/semua.zip").status_code == 409
    # another dinas builds meanwhile
    assert (
        klien.kirim("/dinas/malang-diskopum/bangun", {}, follow_redirects=False).status_code == 303
    )
    lepas.set()
    assert tunggu(klien, CONTOH)["keadaan"] == "selesai"
    assert tunggu(klien, "malang-diskopum")["keadaan"] == "selesai"
    assert bangun(klien, hanya="keputusan")["keadaan"] == "selesai"  # the lock was released


def test_data_with_galat_is_refused_with_its_findings(klien: Klien, ruang_kerja: Path) -> None:
    shutil.copytree(Path(__file__).parents[1] / "rusak" / "semua", ruang_kerja / "rusak-semua")
    assert bangun(klien, "rusak-semua", pdf="1")["keadaan"] == "ditolak"
    page = klien.get("/dinas/rusak-semua/bangun").text
    assert "Dokumen tidak dibuat" in page and 'href="/dinas/rusak-semua/periksa"' in page
    assert "renstra.yaml" in page and "<td>PER001</td>" in page
    assert 'name="paksa" value="1"' in page and 'name="pdf" value="1"' in page
    assert "Belum ada dokumen" in page
    assert not (ruang_kerja.parent / "build" / "rusak-semua").exists()

    assert bangun(klien, "rusak-semua", paksa="1", hanya="keputusan")["keadaan"] == "selesai"
    page = klien.get("/dinas/rusak-semua/bangun").text
    assert "ditulis 1" in page and "Dibuat walaupun pemeriksaan menemukan galat" in page
    assert 'value="keputusan" selected' in page
    assert klien.get("/dinas/rusak-semua/bangun/unduh/keputusan-iku.docx").status_code == 200


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_pdfs_and_a_preview_of_every_page(klien: Klien, ruang_kerja: Path) -> None:
    assert bangun(klien, pdf="1", hanya="keputusan")["keadaan"] == "selesai"
    page = klien.get(f"/dinas/{CONTOH}/bangun").text
    assert "PDF dibuat 1" in page and "LibreOffice tidak ditemukan" not in page
    assert f'href="/dinas/{CONTOH}/bangun/unduh/keputusan-iku.pdf"' in page
    preview = f"/dinas/{CONTOH}/bangun/pratinjau/keputusan-iku.pdf/1.png"
    assert f'<img src="{preview}"' in page

    pdf = klien.get(f"/dinas/{CONTOH}/bangun/unduh/keputusan-iku.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    response = klien.get(preview)
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    width, height = png_size(response.content)
    assert width > 600 and abs(height / width - 330 / 215) < 0.01  # F4: 215 × 330 mm
    cached = ruang_kerja.parent / "build" / CONTOH / ".pratinjau" / "keputusan-iku" / "1.png"
    assert cached.read_bytes() == response.content
    assert (
        klien.get(f"/dinas/{CONTOH}/bangun/pratinjau/keputusan-iku.pdf/99.png").status_code == 404
    )

    with zipfile.ZipFile(io.BytesIO(klien.get(f"/dinas/{CONTOH}/bangun/semua.zip").content)) as z:
        assert sorted(z.namelist()) == [
            f"{CONTOH}/keputusan-iku.docx",
            f"{CONTOH}/keputusan-iku.pdf",
        ]


def test_without_libreoffice_everything_but_pdf_works(
    klien: Klien, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dokgen import pdf

    def tidak_ada() -> str:
        raise pdf.PdfError("LibreOffice tidak ditemukan: PDF tidak dapat dibuat.")

    monkeypatch.setattr(pdf, "soffice", tidak_ada)
    page = klien.get(f"/dinas/{CONTOH}/bangun").text
    assert "LibreOffice tidak ditemukan" in page
    assert page.index("Windows:") < page.index("macOS:") < page.index("Linux")
    assert "winget install TheDocumentFoundation.LibreOffice" in page
    assert bangun(klien, pdf="1", hanya="keputusan")["keadaan"] == "selesai"
    page = klien.get(f"/dinas/{CONTOH}/bangun").text
    assert "ditulis 1" in page and "PDF tidak dibuat: LibreOffice tidak ditemukan" in page
    assert "unduh/keputusan-iku.docx" in page and "unduh/keputusan-iku.pdf" not in page
    assert "Pratinjau halaman memerlukan PDF" in page
