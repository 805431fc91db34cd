"""The clerk's scenario of issue 20 in a real browser (Debian's chromium through Playwright),
against the app served by uvicorn: every step is a click or a typed field, nothing is written to
the data folder by the test itself.

The steps share one workspace that starts empty and run in the order of this file, each on the
state the one before left: a new dinas, its data through the forms, the check, the build.
Chromium missing is a failure that says how to install it, never a skip (CI installs it).
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.conftest import DATA
from tests.docxread import open_docx, text
from tests.web import peramban

DINAS = "kediri-dinkes"


@pytest.fixture(scope="module")
def ruang_kosong(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("peramban") / "data"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def alamat(ruang_kosong: Path) -> Iterator[str]:
    with peramban.server(ruang_kosong, ruang_kosong.parent / "build") as alamat:
        yield alamat


@pytest.fixture(scope="module")
def konteks() -> Iterator[BrowserContext]:
    if not peramban.CHROMIUM.is_file():
        pytest.fail(peramban.PASANG, pytrace=False)
    with peramban.peramban() as konteks:
        yield konteks


@pytest.fixture
def halaman(konteks: BrowserContext, alamat: str) -> Iterator[Page]:
    page = konteks.new_page()
    page.set_default_navigation_timeout(15_000)
    yield page
    page.close()


def test_a_clerk_creates_a_new_dinas_from_the_empty_home_page(
    halaman: Page, alamat: str, ruang_kosong: Path
) -> None:
    halaman.goto(alamat + "/")
    expect(halaman.locator("h1")).to_have_text("Dinas di ruang kerja ini")
    expect(halaman.get_by_text("Belum ada dinas.")).to_be_visible()
    halaman.get_by_label("Nama folder").fill(DINAS)
    halaman.get_by_role("button", name="Buat dinas").click()
    halaman.wait_for_url(f"{alamat}/dinas/{DINAS}")
    assert (ruang_kosong / DINAS / "dinas.yaml").is_file()
    # the overview: what the new dinas can produce and what each document lacks
    baris = halaman.locator("table.tabel tbody tr")
    expect(baris.filter(has_text="Kartu IKI")).to_contain_text(
        "Belum dapat dibuat: tidak ada jabatan/*.yaml"
    )
    expect(halaman.locator("nav.menu")).to_contain_text("Periksa")
    # the home page now lists it; the same name again is refused in the form
    halaman.get_by_role("link", name="dokgen").click()
    expect(halaman.locator("ul.daftar-dinas")).to_contain_text(DINAS)
    halaman.get_by_label("Nama folder").fill(DINAS)
    halaman.get_by_role("button", name="Buat dinas").click()
    expect(halaman.get_by_role("alert")).to_contain_text(f"'{DINAS}' sudah ada")


@pytest.fixture(scope="module")
def alamat_contoh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second app whose workspace holds a copy of data/contoh-lengkap named 'contoh'."""
    folder = tmp_path_factory.mktemp("peramban-contoh") / "data"
    shutil.copytree(DATA / "contoh-lengkap", folder / "contoh")
    with peramban.server(folder, folder.parent / "build") as alamat:
        yield alamat


def test_the_build_screen_builds_and_the_zip_holds_the_decree(
    konteks: BrowserContext, alamat_contoh: str
) -> None:
    halaman = konteks.new_page()
    halaman.goto(alamat_contoh + "/dinas/contoh")
    halaman.locator("nav.menu").get_by_role("link", name="Buat dokumen").click()
    halaman.get_by_label("dengan PDF").uncheck()
    halaman.get_by_role("button", name="Buat dokumen").click()
    expect(halaman.locator("#selesai")).to_contain_text("Selesai", timeout=30_000)
    expect(halaman.locator("#daftar-hasil")).to_contain_text("iki/01-sekretaris.docx")
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="Unduh semua (.zip)").click()
    assert unduhan.value.suggested_filename == "contoh.zip"
    with zipfile.ZipFile(unduhan.value.path()) as arsip:
        assert "contoh/iki-semua-jabatan.docx" in arsip.namelist()
        keputusan = text(open_docx(arsip.read("contoh/keputusan-iku.docx")))
    assert "KEPUTUSAN KEPALA DINAS KOPERASI DAN USAHA MIKRO KABUPATEN LUMAJANG" in keputusan
    assert "Persentase Koperasi Sehat dan Cukup Sehat" in keputusan
    halaman.close()
