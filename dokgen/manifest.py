"""The build manifest: which inputs made each output, so a rebuild rewrites only what changed.

``build/<dinas>/.dokgen-manifest.json`` maps every output dokgen wrote to the fingerprint of its
inputs (the document's context — exactly the data slice it shows —, the template, the pictures,
the paper setting and the dokgen version) and to the SHA-256 of the bytes written. Only files
listed there are ever deleted by dokgen.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dokgen import __version__
from dokgen.output import write_atomic

NAMA = ".dokgen-manifest.json"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _canon(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, Decimal | Path):
        return str(value)
    if isinstance(value, bytes):
        return sha(value)
    raise TypeError(f"cannot fingerprint {type(value).__name__}")


def sidik(*parts: Any) -> str:
    """A fingerprint of any mix of contexts, models and bytes, stable across runs."""
    text = json.dumps([__version__, *parts], default=_canon, sort_keys=True, ensure_ascii=False)
    return sha(text.encode("utf-8"))


class Manifest:
    """Outputs of earlier builds: name → {jenis, masukan, keluaran}."""

    def __init__(self, folder: Path, entries: dict[str, dict[str, str]] | None = None) -> None:
        self.folder = folder
        self.entries = entries or {}

    @classmethod
    def baca(cls, folder: Path) -> Manifest:
        path = folder / NAMA
        try:
            return cls(folder, json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return cls(folder)

    def segar(self, name: str, masukan: str) -> bool:
        """True when ``name`` was made from the same inputs and is still on disk, untouched."""
        entry = self.entries.get(name)
        if entry is None or entry.get("masukan") != masukan:
            return False
        path = self.folder / name
        return path.is_file() and sha(path.read_bytes()) == entry.get("keluaran")

    def catat(self, name: str, jenis: str, masukan: str, keluaran: str) -> None:
        """Record that ``name`` (sha ``keluaran``) was made from inputs ``masukan``."""
        self.entries[name] = {"jenis": jenis, "masukan": masukan, "keluaran": keluaran}

    def simpan(self) -> None:
        text = json.dumps(self.entries, indent=1, sort_keys=True, ensure_ascii=False)
        write_atomic(self.folder / NAMA, text.encode("utf-8"))
