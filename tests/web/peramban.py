"""A real browser on a running app: the app served by uvicorn in a thread on a free 127.0.0.1
port, Debian's chromium driven by Playwright (nothing downloaded: no ``playwright install``).

Shared by tests/web/test_peramban.py and tools/tangkap_layar.py (the README's screenshots).
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import BrowserContext, sync_playwright

from dokgen.web.app import buat_app

CHROMIUM = Path(os.environ.get("DOKGEN_CHROMIUM", "/usr/bin/chromium"))
"""Debian's chromium package (``DOKGEN_CHROMIUM`` names another binary)."""

PASANG = (
    f"Chromium tidak ditemukan di {CHROMIUM}: uji peramban memerlukannya. Pasang dengan "
    "`sudo apt-get install chromium` (atau `sudo make sistem`), atau tunjuk berkasnya dengan "
    "DOKGEN_CHROMIUM=/jalur/ke/chromium."
)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # this machine's closed network refuses Chromium's own connections: make none
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

UKURAN = {"width": 1280, "height": 800}


def port_bebas() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(folder: Path, keluaran: Path, batas: float = 15.0) -> Iterator[str]:
    """The app of workspace ``folder`` (outputs in ``keluaran``) served on a free port of
    127.0.0.1 while the block runs; yields its address, e.g. ``http://127.0.0.1:41234``."""
    port = port_bebas()
    config = uvicorn.Config(
        buat_app(folder, keluaran), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="uvicorn-peramban", daemon=True)
    thread.start()
    alamat = f"http://127.0.0.1:{port}"
    sampai = time.monotonic() + batas
    while True:
        try:
            with urllib.request.urlopen(alamat + "/", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if not thread.is_alive() or time.monotonic() > sampai:
            srv.should_exit = True
            raise RuntimeError(f"aplikasi tidak menjawab di {alamat} dalam {batas:.0f} detik")
        time.sleep(0.05)
    try:
        yield alamat
    finally:
        srv.should_exit = True
        thread.join(10)


@contextmanager
def peramban() -> Iterator[BrowserContext]:
    """Chromium, headless, with a fresh profile, a 1280×800 window and downloads accepted.
    Raises RuntimeError with how to install it when the binary is missing."""
    if not CHROMIUM.is_file():
        raise RuntimeError(PASANG)
    with tempfile.TemporaryDirectory(prefix="dokgen-peramban-") as profil, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profil,
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport=UKURAN,  # type: ignore[arg-type]
            accept_downloads=True,
            locale="id-ID",
        )
        context.set_default_timeout(15_000)
        try:
            yield context
        finally:
            context.close()
