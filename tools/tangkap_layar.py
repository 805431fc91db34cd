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


def _bangun(page: Page) -> None:
    """The build screen after a build without PDFs: the list of documents to download."""
    page.get_by_role("button", name="Buat dokumen").click()
    page.locator("#selesai").wait_for(timeout=120_000)


LAYAR: list[tuple[str, str, Callable[[Page], None] | None]] = [
    ("web-beranda.png", "/", None),
    ("web-ringkasan.png", f"/dinas/{CONTOH}", None),
    ("web-formulir.png", f"/dinas/{CONTOH}/data/renstra.yaml", None),
    ("web-periksa.png", "/dinas/lumajang-diskopum/periksa", None),
    ("web-bangun.png", f"/dinas/{CONTOH}/bangun", _bangun),
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
