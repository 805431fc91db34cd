"""Screenshots (1280×800) of the web app's main screens for the README, in docs/gambar/web-*.png.

    python tools/tangkap_layar.py            # every screen that exists now
    python tools/tangkap_layar.py --ke /tmp  # somewhere else

The app serves a temporary copy of data/ (nothing in data/ changes) through the same code as the
browser tests (tests/web/peramban.py): uvicorn on a free 127.0.0.1 port, Debian's chromium.
A screen not there yet (its page answers 404) is left out and named.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page  # noqa: E402

from tests.web import peramban  # noqa: E402

CONTOH = "contoh-lengkap"
IKU = "tujuan.0.sasaran.0.indikator.0"
"""The IKU the form's picture shows."""


def _formulir(page: Page) -> None:
    """The Renstra form at an IKU, its heading in view below the form's Simpan bar."""
    page.locator(f'[id="f-{IKU}"]').scroll_into_view_if_needed()
    page.evaluate(f"document.getElementById('f-{IKU}').scrollIntoView(); window.scrollBy(0, -70)")


def _bangun(page: Page) -> None:
    """The build screen after a build without PDFs: the list of documents to download."""
    page.get_by_role("button", name="Buat dokumen").click()
    page.locator("#selesai").wait_for(timeout=120_000)


def _versi(page: Page) -> None:
    """A saved version, a reviu changing an IKU's formula in the form, the version's page."""
    page.get_by_label("Catatan").fill("IKU seperti ditetapkan Agustus 2020")
    page.get_by_role("button", name="Simpan versi").click()
    page.goto(page.url.split("/dinas/")[0] + f"/dinas/{CONTOH}/data/renstra.yaml")
    page.locator(f'[id="f-{IKU}.formula.penyebut"]').fill("jml koperasi aktif yang wajib RAT")
    page.get_by_role("button", name="Simpan").first.click()
    page.locator("nav.menu").get_by_role("link", name="Versi").click()
    page.get_by_role("link", name="bandingkan dengan data sekarang").click()
    page.get_by_role("button", name="Tulis keputusan perubahan").wait_for()


LAYAR: list[tuple[str, str, Callable[[Page], None] | None]] = [
    ("web-beranda.png", "/", None),
    ("web-ringkasan.png", f"/dinas/{CONTOH}", None),
    ("web-formulir.png", f"/dinas/{CONTOH}/data/renstra.yaml", _formulir),
    ("web-periksa.png", "/dinas/lumajang-diskopum/periksa", None),
    ("web-bangun.png", f"/dinas/{CONTOH}/bangun", _bangun),
    ("web-versi.png", f"/dinas/{CONTOH}/versi", _versi),
]
"""File, page, and what to do on the page before the picture is taken."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ke", type=Path, default=ROOT / "docs" / "gambar", help="folder PNG")
    args = parser.parse_args()
    args.ke.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dokgen-layar-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", folder)
        with peramban.server(folder, Path(tmp) / "build") as alamat, peramban.peramban() as ctx:
            page = ctx.new_page()
            for berkas, url, langkah in LAYAR:
                response = page.goto(alamat + url)
                if response is None or response.status != 200:
                    status = response.status if response else "-"
                    print(f"{berkas}: dilewati, {url} menjawab {status}")
                    continue
                if langkah:
                    langkah(page)
                page.screenshot(path=str(args.ke / berkas))
                print(f"{berkas}: {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
