"""What every screen shares: the page templates, the workspace, the form token.

Every page extends ``templat/dasar.html``; :func:`halaman` renders one with the token every form
carries. A POST without the token (another site's form, a script) is refused by :func:`csrf`.
"""

from __future__ import annotations

import secrets
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from dokgen.web.ruang import Ruang

TEMPLAT = Path(str(files("dokgen.web") / "templat"))
STATIS = Path(str(files("dokgen.web") / "statis"))
templates = Jinja2Templates(directory=TEMPLAT)
templates.env.autoescape = True  # every value from the data is escaped: & < " {{ }} print as is


def ruang(request: Request) -> Ruang:
    """The workspace of this app."""
    result: Ruang = request.app.state.ruang
    return result


def halaman(request: Request, templat: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Page ``templat`` with ``context``, the form token and the list of dinas for the menu."""
    context.setdefault("dinas_semua", ruang(request).semua())
    return templates.TemplateResponse(
        request, templat, {"csrf": request.app.state.csrf, **context}, status_code=status_code
    )


def token_baru() -> str:
    return secrets.token_urlsafe(32)


async def csrf(request: Request) -> None:
    """Refuse a POST whose form lacks this app's token, or that comes from another origin."""
    if request.method != "POST":
        return
    origin = request.headers.get("origin")
    if origin is not None and origin.split("://", 1)[-1] != request.headers.get("host"):
        raise HTTPException(403, "permintaan dari situs lain ditolak")
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        form = await request.form()
        value = form.get("_csrf")
        sent = value if isinstance(value, str) else None
    if sent is None or not secrets.compare_digest(sent, request.app.state.csrf):
        raise HTTPException(403, "formulir kedaluwarsa atau bukan dari halaman ini: muat ulang")
