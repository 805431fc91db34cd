"""The web application: FastAPI with server-rendered pages, bound to the loopback address.

:func:`buat_app` wires the screens' routers, the static files, the form token and the error
pages. A data file the loader refuses shows its message (file:line) as a page, never a crash.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dokgen.errors import DataError
from dokgen.web import dasar
from dokgen.web.batas import BatasBadan
from dokgen.web.ruang import Ruang

LAYAR = ("beranda", "periksa", "formulir", "bangun", "excel", "versi")
"""The screens, each a module of this package with a ``router``."""


def buat_app(folder: Path, keluaran: Path | None = None) -> FastAPI:
    """The app serving the dinas in ``folder``; documents are built into ``keluaran``
    (default: ``build/`` beside ``folder``)."""
    app = FastAPI(title="dokgen", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.ruang = Ruang(folder, keluaran or folder.parent / "build")
    app.state.csrf = dasar.token_baru()
    # a page asked for under another host name (DNS rebinding) is refused
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"])
    app.add_middleware(BatasBadan)
    app.mount("/statis", StaticFiles(directory=dasar.STATIS), name="statis")
    for name in LAYAR:
        module = importlib.import_module(f"dokgen.web.{name}")
        app.include_router(module.router, dependencies=[Depends(dasar.csrf)])

    @app.exception_handler(DataError)
    async def data_galat(request: Request, exc: DataError) -> HTMLResponse:
        return dasar.halaman(
            request, "galat.html", status_code=422, judul="Data tidak dapat dibaca",
            masalah=[str(p) for p in exc.problems],
        )  # fmt: skip

    @app.exception_handler(HTTPException)
    async def http_galat(request: Request, exc: HTTPException) -> HTMLResponse:
        return dasar.halaman(
            request, "galat.html", status_code=exc.status_code, judul="Tidak dapat dilayani",
            masalah=[str(exc.detail)],
        )  # fmt: skip

    return app
