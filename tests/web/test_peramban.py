"""The clerk's scenario of issue 20 in a real browser (Debian's chromium through Playwright),
against the app served by uvicorn: every step is a click or a typed field, nothing is written to
the data folder by the test itself.

The steps share one workspace that starts empty and run in the order of this file, each on the
state the one before left (run the whole module, not one step): a new dinas; dinas.yaml, a Renstra
with two IKU and a jabatan through the forms; a finding followed to its field and fixed; the
decree, the build and the .zip; a version, a revision and the amending decree.
Chromium missing is a failure that says how to install it, never a skip (CI installs it).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.docxread import lines, open_docx, text
from tests.web import peramban

DINAS = "kediri-dinkes"
IKU = [  # uraian, pembilang, penyebut, sumber data of the two IKU the clerk types
    ("Persentase puskesmas terakreditasi", "Jumlah puskesmas terakreditasi",
     "Jumlah puskesmas", "Bidang Pelayanan Kesehatan"),
    ("Persentase ibu hamil mendapat layanan K4", "Jumlah ibu hamil mendapat layanan K4",
     "Jumlah ibu hamil", ""),  # no sumber_data: the check reports it, the clerk fixes it
]  # fmt: skip


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


def medan(halaman: Page, path: str) -> Locator:
    """The field of a data form at the dotted YAML path ``path`` (its id is ``f-<path>``),
    shown: a folded group holding it (an empty optional part) is opened as a clerk would."""
    tertutup = halaman.locator(f'details:not([open]):has([id="f-{path}"]) > summary')
    while tertutup.count():
        tertutup.first.click()
    return halaman.locator(f'[id="f-{path}"]')


def tambah(halaman: Page, path: str) -> None:
    """Press the form's "Tambah …" button of the list at ``path`` (the form comes back)."""
    halaman.locator(f'button[name="_tambah"][value="{path}"]').click()
    expect(halaman.locator(f'button[name="_tambah"][value="{path}"]')).to_be_visible()


def simpan(halaman: Page) -> None:
    halaman.get_by_role("button", name="Simpan").first.click()
    expect(halaman.get_by_role("status")).to_have_text("Tersimpan.")


def buka_data(halaman: Page, alamat: str, berkas: str) -> None:
    """From the dinas's overview through the menu's Data page to the form of ``berkas``."""
    halaman.goto(f"{alamat}/dinas/{DINAS}")
    halaman.locator("nav.menu").get_by_role("link", name="Data").click()
    halaman.locator(f'a[href="/dinas/{DINAS}/data/{berkas}"]').first.click()
    expect(halaman.locator("h1 small")).to_have_text(berkas)


def test_the_clerk_fills_the_dinas_and_a_renstra_with_two_iku_through_the_forms(
    halaman: Page, alamat: str, ruang_kosong: Path
) -> None:
    buka_data(halaman, alamat, "dinas.yaml")
    medan(halaman, "nama").fill("Dinas Kesehatan")
    medan(halaman, "pemda.nama").fill("Kediri")
    medan(halaman, "kepala.nama").fill("dr. SITI AMINAH, M.Kes")
    medan(halaman, "kepala.pangkat").fill("Pembina Utama Muda")
    medan(halaman, "kepala.nip").fill("19700101 199503 2 001")
    simpan(halaman)
    dinas = (ruang_kosong / DINAS / "dinas.yaml").read_text(encoding="utf-8")
    assert "nama: Dinas Kesehatan" in dinas and "# Data dinas baru" in dinas  # comment kept

    buka_data(halaman, alamat, "renstra.yaml")
    tambah(halaman, "tujuan")
    medan(halaman, "tujuan.0.kode").fill("T1")
    medan(halaman, "tujuan.0.uraian").fill("Meningkatnya derajat kesehatan masyarakat")
    tambah(halaman, "tujuan.0.sasaran")
    sasaran = "tujuan.0.sasaran.0"
    medan(halaman, f"{sasaran}.kode").fill("S1")
    medan(halaman, f"{sasaran}.uraian").fill("Meningkatnya mutu pelayanan kesehatan")
    for i, (uraian, pembilang, penyebut, sumber) in enumerate(IKU):
        tambah(halaman, f"{sasaran}.indikator")
        iku = f"{sasaran}.indikator.{i}"
        medan(halaman, f"{iku}.kode").fill(f"IKU-{i + 1}")
        medan(halaman, f"{iku}.uraian").fill(uraian)
        medan(halaman, f"{iku}.satuan").fill("%")
        medan(halaman, f"{iku}.formula.pembilang").fill(pembilang)
        medan(halaman, f"{iku}.formula.penyebut").fill(penyebut)
        medan(halaman, f"{iku}.sumber_data").fill(sumber)
        tahun = medan(halaman, f"{iku}.target").locator("input")
        for n in range(tahun.count()):
            tahun.nth(n).fill(f"{80 + n},5")
    simpan(halaman)
    renstra = (ruang_kosong / DINAS / "renstra.yaml").read_text(encoding="utf-8")
    assert "IKU-2" in renstra and "Persentase ibu hamil mendapat layanan K4" in renstra


def test_the_clerk_adds_a_jabatan_whose_iki_row_supports_an_iku(
    halaman: Page, alamat: str, ruang_kosong: Path
) -> None:
    halaman.goto(f"{alamat}/dinas/{DINAS}/data")
    halaman.get_by_label("Kode").fill("sekretaris")
    halaman.get_by_label("Nama jabatan").fill("SEKRETARIS DINAS KESEHATAN")
    halaman.get_by_role("button", name="Buat jabatan").click()
    expect(halaman.locator("h1 small")).to_have_text("jabatan/01-sekretaris.yaml")
    medan(halaman, "tugas").fill(
        "menyiapkan perumusan kebijakan dinas\nmengoordinasikan penyusunan program dinas"
    )
    tambah(halaman, "iki")
    medan(halaman, "iki.0.sasaran").fill("Meningkatnya mutu pelayanan kesehatan")
    if not medan(halaman, "iki.0.indikator.0").count():
        tambah(halaman, "iki.0.indikator")
    baris = "iki.0.indikator.0"
    medan(halaman, f"{baris}.kode").fill("SEK-1")
    medan(halaman, f"{baris}.uraian").fill("Persentase puskesmas terakreditasi")
    medan(halaman, f"{baris}.formula.pembilang").fill("Jumlah puskesmas terakreditasi")
    medan(halaman, f"{baris}.formula.penyebut").fill("Jumlah puskesmas")
    medan(halaman, f"{baris}.sumber_data").fill("Sekretariat - laporan akreditasi")
    medan(halaman, f"{baris}.mendukung").select_option("IKU-1")
    simpan(halaman)
    jabatan = (ruang_kosong / DINAS / "jabatan" / "01-sekretaris.yaml").read_text(encoding="utf-8")
    assert "mendukung: IKU-1" in jabatan and "mengoordinasikan penyusunan" in jabatan


def test_a_reported_mistake_is_followed_to_its_field_and_fixed_there(
    halaman: Page, alamat: str, ruang_kosong: Path
) -> None:
    halaman.goto(f"{alamat}/dinas/{DINAS}")
    expect(halaman.locator("p.ringkas")).to_contain_text("1 galat")
    halaman.locator("nav.menu").get_by_role("link", name="Periksa").click()
    galat = halaman.locator("section#galat tr", has_text="CAK005")
    expect(galat).to_contain_text("IKU IKU-2 belum mempunyai sumber_data")
    galat.locator("td.letak a").click()
    # the form of renstra.yaml, scrolled to the IKU the finding is about
    iku = "tujuan.0.sasaran.0.indikator.1"
    halaman.wait_for_url(f"{alamat}/dinas/{DINAS}/data/renstra.yaml#f-{iku}*")
    jangkar = halaman.url.split("#", 1)[1]
    expect(halaman.locator(f'[id="{jangkar}"]')).to_be_in_viewport()
    medan(halaman, f"{iku}.sumber_data").fill("Bidang Kesehatan Masyarakat")
    simpan(halaman)
    halaman.locator("nav.menu").get_by_role("link", name="Periksa").click()
    expect(halaman.locator("p.ringkas")).to_contain_text("0 galat")
    renstra = (ruang_kosong / DINAS / "renstra.yaml").read_text(encoding="utf-8")
    assert "sumber_data: Bidang Kesehatan Masyarakat" in renstra


def bangun(halaman: Page, alamat: str) -> None:
    """Build every document of the dinas from the build screen, without PDF, and wait for it."""
    halaman.goto(f"{alamat}/dinas/{DINAS}")
    halaman.locator("nav.menu").get_by_role("link", name="Buat dokumen").click()
    halaman.get_by_label("dengan PDF").uncheck()
    halaman.get_by_role("button", name="Buat dokumen").click()
    expect(halaman.locator("#selesai")).to_contain_text("Selesai", timeout=30_000)


def test_the_clerk_writes_the_decree_builds_and_reads_it_back_from_the_zip(
    halaman: Page, alamat: str
) -> None:
    halaman.goto(f"{alamat}/dinas/{DINAS}/data")
    halaman.locator(f'a[href="/dinas/{DINAS}/data/keputusan-iku.yaml"]').click()
    expect(halaman.get_by_text("Berkas ini belum ada")).to_be_visible()
    medan(halaman, "bulan").fill(f"{dt.date.today().year}-01")  # the Renstra starts this year
    medan(halaman, "menimbang").fill(
        "bahwa Indikator Kinerja Utama perlu ditetapkan sebagai ukuran keberhasilan Renstra"
    )
    # Mengingat: found in the catalogue of regulations and added from the results
    medan(halaman, "_cari_teks.mengingat").fill("23 2014")
    halaman.locator('button[name="_cari"][value="mengingat"]').click()
    halaman.locator('button[name="_sisip"][value="mengingat|uu-23-2014"]').click()
    expect(medan(halaman, "mengingat")).to_have_value("uu-23-2014")
    simpan(halaman)

    bangun(halaman, alamat)
    expect(halaman.locator("#daftar-hasil")).to_contain_text("iki/01-sekretaris.docx")
    with halaman.expect_download() as unduhan:
        halaman.get_by_role("link", name="Unduh semua (.zip)").click()
    assert unduhan.value.suggested_filename == f"{DINAS}.zip"
    with zipfile.ZipFile(unduhan.value.path()) as arsip:
        keputusan = text(open_docx(arsip.read(f"{DINAS}/keputusan-iku.docx")))
        kartu = text(open_docx(arsip.read(f"{DINAS}/iki/01-sekretaris.docx")))
    assert "KEPUTUSAN KEPALA DINAS KESEHATAN KABUPATEN KEDIRI" in keputusan
    assert "Persentase ibu hamil mendapat layanan K4" in keputusan
    assert "dr. SITI AMINAH, M.Kes" in keputusan
    assert "SEKRETARIS DINAS KESEHATAN" in kartu and "Persentase puskesmas terakreditasi" in kartu


def test_a_revision_saves_a_version_and_gives_the_amending_decree(
    halaman: Page, alamat: str, ruang_kosong: Path
) -> None:
    halaman.goto(f"{alamat}/dinas/{DINAS}")
    halaman.locator("nav.menu").get_by_role("link", name="Versi").click()
    halaman.get_by_label("Catatan").fill("IKU seperti ditetapkan bulan Januari")
    halaman.get_by_role("button", name="Simpan versi").click()
    expect(halaman.get_by_role("status")).to_contain_text("tersimpan")
    # the reviu: IKU-2 gets another penyebut
    buka_data(halaman, alamat, "renstra.yaml")
    penyebut = "tujuan.0.sasaran.0.indikator.1.formula.penyebut"
    medan(halaman, penyebut).fill("Jumlah sasaran ibu hamil")
    simpan(halaman)
    halaman.locator("nav.menu").get_by_role("link", name="Versi").click()
    halaman.get_by_role("link", name="bandingkan dengan data sekarang").click()
    expect(halaman.locator("table.tabel")).to_contain_text("Jumlah sasaran ibu hamil")
    medan(halaman, "mengubah.nomor").fill("800/12/418.25/2026")  # the decree amended
    halaman.get_by_label("reviu-iku", exact=False).check()
    halaman.get_by_role("button", name="Tulis keputusan perubahan").click()
    expect(halaman.get_by_role("status")).to_contain_text("Keputusan perubahan ditulis")
    keputusan_yaml = (ruang_kosong / DINAS / "keputusan-iku.yaml").read_text(encoding="utf-8")
    assert "nomor: 800/12/418.25/2026" in keputusan_yaml and "reviu-iku" in keputusan_yaml

    bangun(halaman, alamat)
    with halaman.expect_download() as unduhan:
        halaman.locator(f'a[href="/dinas/{DINAS}/bangun/unduh/keputusan-iku.docx"]').click()
    keputusan = lines(open_docx(Path(unduhan.value.path())))
    judul = "PERUBAHAN ATAS KEPUTUSAN KEPALA DINAS KESEHATAN KABUPATEN KEDIRI NOMOR 800/12/"
    assert any(baris.startswith(judul) for baris in keputusan)
    matriks = keputusan[keputusan.index("MATRIKS PERUBAHAN") :]
    rumus = "Jumlah ibu hamil mendapat layanan K4 / {} × 100%"
    baris = matriks.index("indikator IKU-2 — formula")
    assert matriks[baris + 1 : baris + 3] == [
        rumus.format("Jumlah ibu hamil"),
        rumus.format("Jumlah sasaran ibu hamil"),
    ]
