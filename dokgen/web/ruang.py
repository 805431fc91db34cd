"""The workspace a web app serves: a folder whose sub-folders are dinas.

Every dinas is named by its folder name, checked here; no request can name a path outside the
workspace. One lock per dinas keeps two builds (or a build and a save) from running at once.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import HTTPException

NAMA_DINAS = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
"""A dinas folder's name: lower-case letters, digits and hyphens (it becomes part of URLs)."""


@dataclass
class Ruang:
    """The workspace: ``folder`` holds one folder per dinas; outputs go to ``keluaran``."""

    folder: Path
    keluaran: Path
    _locks: dict[str, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def semua(self) -> list[str]:
        """The dinas of the workspace, by name: folders with a dinas.yaml."""
        if not self.folder.is_dir():
            return []
        return sorted(
            p.name
            for p in self.folder.iterdir()
            if p.is_dir() and NAMA_DINAS.fullmatch(p.name) and (p / "dinas.yaml").is_file()
        )

    def dinas(self, nama: str) -> Path:
        """The folder of dinas ``nama``; 404 when it is no dinas of the workspace."""
        if not NAMA_DINAS.fullmatch(nama) or nama not in self.semua():
            raise HTTPException(404, f"dinas '{nama[:80]}' tidak ada di ruang kerja ini")
        return self.folder / nama

    def hasil(self, nama: str) -> Path:
        """Where the documents of dinas ``nama`` are built."""
        self.dinas(nama)
        return self.keluaran / nama

    def kunci(self, nama: str) -> threading.Lock:
        """The lock of dinas ``nama``: held while it is built or saved."""
        with self._guard:
            return self._locks.setdefault(nama, threading.Lock())
