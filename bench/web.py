"""dokgen web: page loads of the main screens, and the Malang build from the button (issue 20's
goals: pages < 200 ms, Malang < 5 s without PDFs).

.venv/bin/python bench/web.py [-n 15] [--pdf] [--testclient]

A real uvicorn on 127.0.0.1 serves a copy of data/ (``--testclient``: FastAPI's TestClient, in
process). Every page is asked for N times; the median and the slowest are printed. The build is
asked for with the button's form and followed through /bangun/kemajuan until done: once with an
empty output folder and an empty dokgen cache (a clerk's first click), once again with nothing
changed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DINAS = ("contoh-lengkap", "malang-diskopum")
LAYAR = (
    "/",
    "/dinas/{d}",
    "/dinas/{d}/data",
    "/dinas/{d}/data/renstra.yaml",
    "/dinas/{d}/periksa",
    "/dinas/{d}/bangun",
    "/dinas/{d}/excel",
    "/dinas/{d}/versi",
)


def klien(app: Any, testclient: bool) -> tuple[Any, Any]:
    """An HTTP client of ``app`` and a function that stops its server."""
    import httpx

    if testclient:
        from fastapi.testclient import TestClient

        client = TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)
        return client, lambda: None
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)

    def stop() -> None:
        server.should_exit = True
        thread.join()

    return httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60), stop


def halaman(client: Any, n: int) -> None:
    print(f"Halaman (median dan terlama dari {n} permintaan, ms):")
    urls = dict.fromkeys(pola.format(d=d) for d in DINAS for pola in LAYAR)
    for url in urls:
        try:
            first = client.get(url)  # warm: imports, the loader's cache
            times = []
            for _ in range(n):
                start = time.perf_counter()
                response = client.get(url)
                times.append(1000 * (time.perf_counter() - start))
        except Exception as exc:  # a screen still being written: the others are measured
            print(f"  {url:45} tidak terlayani: {type(exc).__name__}")
            continue
        status = "" if response.status_code == first.status_code == 200 else "  (!)"
        print(
            f"  {url:45} {statistics.median(times):7.1f} {max(times):7.1f}"
            f"  [{response.status_code}, {len(response.content) // 1024} KB]{status}"
        )


def bangun(client: Any, csrf: str, nama: str, pdf: bool = False) -> tuple[float, dict[str, Any]]:
    """Seconds from the button to the end of the build, and its last progress report."""
    polls = 0
    start = time.perf_counter()
    response = client.post(f"/dinas/{nama}/bangun", data={"_csrf": csrf, "pdf": "1" if pdf else ""})
    assert response.status_code in (200, 303), response.text
    while True:
        state: dict[str, Any] = client.get(f"/dinas/{nama}/bangun/kemajuan").json()
        polls += 1
        if state["keadaan"] != "berjalan":
            seconds = time.perf_counter() - start
            page = client.get(f"/dinas/{nama}/bangun").text
            found = re.search(r"ditulis \d+, tidak berubah \d+", page)
            return seconds, {**state, "polls": polls, "hasil": found[0] if found else "?"}
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=15, help="permintaan per halaman")
    parser.add_argument("--pdf", action="store_true", help="juga build dengan PDF dan pratinjau")
    parser.add_argument("--testclient", action="store_true", help="TestClient, bukan uvicorn")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dokgen-web-bench-") as tmp:
        os.environ["DOKGEN_CACHE"] = str(Path(tmp) / "cache")
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)

        from dokgen.web.app import buat_app

        app = buat_app(data, Path(tmp) / "build")
        client, stop = klien(app, args.testclient)
        try:
            server = "TestClient" if args.testclient else "uvicorn"
            print(f"dokgen web ({server}), {os.cpu_count()} inti")
            for label in ("pertama (folder hasil dan cache kosong)", "kedua (tidak ada perubahan)"):
                seconds, state = bangun(client, app.state.csrf, "malang-diskopum")
                print(
                    f"Build malang-diskopum dari tombol, tanpa PDF, {label}: {seconds:.2f} s"
                    f" [{state['keadaan']}: {state['hasil']}; {state['polls']}× kemajuan ditanya]"
                )
            if args.pdf:
                seconds, state = bangun(client, app.state.csrf, "malang-diskopum", pdf=True)
                print(f"Build malang-diskopum dengan PDF: {seconds:.1f} s [{state['keadaan']}]")
                url = "/dinas/malang-diskopum/bangun/pratinjau/iki-semua-jabatan.pdf/{n}.png"
                for n, label in ((1, "pertama kali"), (1, "dari simpanan"), (2, "pertama kali")):
                    start = time.perf_counter()
                    response = client.get(url.format(n=n))
                    ms = 1000 * (time.perf_counter() - start)
                    size = len(response.content) // 1024
                    status = response.status_code
                    print(f"  pratinjau halaman {n}, {label}: {ms:.0f} ms [{status}, {size} KB]")
            halaman(client, args.n)
            page = client.get("/dinas/malang-diskopum/bangun").text
            print(f"  (halaman bangun malang-diskopum memuat {page.count('/unduh/')} tautan unduh)")
        finally:
            stop()


if __name__ == "__main__":
    main()
