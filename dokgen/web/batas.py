"""A request body larger than the largest upload is refused before it is read whole.

Starlette reads a multipart form to its end (spooling files to disk) before a route sees it, so
the upload screen's own limit came after the whole file had been received. This middleware
refuses by the ``Content-Length`` header at once, and — for a body sent in chunks without one —
as soon as the bytes received pass the limit.
"""

from __future__ import annotations

import contextlib
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dokgen.web.excel import MAKS_UNGGAH

MAKS_BADAN = MAKS_UNGGAH + 2**20
"""Largest request body: the largest workbook and the form around it."""


class _TerlaluBesar(Exception):
    pass


class BatasBadan:
    """ASGI middleware: 413 with the error page for a body over ``maks`` bytes."""

    def __init__(self, app: ASGIApp, maks: int = MAKS_BADAN) -> None:
        self.app = app
        self.maks = maks

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.maks:
            await self._tolak(scope, receive, send)
            return
        received = 0
        melampaui = False

        async def terima() -> Message:
            nonlocal received, melampaui
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.maks:
                    melampaui = True
                    raise _TerlaluBesar
            return message

        async def kirim(message: Message) -> None:
            if not melampaui:  # once over, the app's answer (a parse error) is replaced
                await send(message)

        with contextlib.suppress(_TerlaluBesar):  # a parser that lets it through, or not
            await self.app(scope, terima, kirim)
        if melampaui:
            await self._tolak(scope, receive, send)

    async def _tolak(self, scope: Scope, receive: Receive, send: Send) -> None:
        from dokgen.web.dasar import halaman

        batas = self.maks // 2**20
        request: Any = Request(scope, receive)
        response = halaman(
            request, "galat.html", status_code=413, judul="Tidak dapat dilayani",
            masalah=[f"kiriman lebih dari {batas} MB; unggah buku kerja dinas (.xlsx) saja"],
        )  # fmt: skip
        await response(scope, receive, send)
