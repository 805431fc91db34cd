"""A web app over a copy of data/ for every test, and a client that sends the form token."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dokgen.web.app import buat_app
from tests.conftest import DATA


class Klien(TestClient):
    """A browser on 127.0.0.1 whose forms carry the page's token (``kirim``)."""

    def kirim(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        form = {"_csrf": self.app.state.csrf, **(data or {})}  # type: ignore[attr-defined]
        return self.post(url, data=form, **kwargs)


@pytest.fixture
def ruang_kerja(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture
def klien(ruang_kerja: Path) -> Klien:
    return Klien(buat_app(ruang_kerja, ruang_kerja.parent / "build"), base_url="http://127.0.0.1")
