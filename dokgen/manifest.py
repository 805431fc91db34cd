"""The build manifest: which inputs made each output, so a rebuild rewrites only what changed.

``build/<dinas>/.dokgen-manifest.json`` maps every output dokgen wrote to the fingerprint of its
inputs (the document's context — exactly the data slice it shows —, the template, the pictures,
the paper setting and the dokgen version), to the SHA-256 of the bytes written (for the combined
IKI document, that of the cards it was made from: :func:`dokgen.gabungan.sidik`) and to the
file's size and modification time once in place: an output whose size or time changed since
(opened and saved in Word, say) is made again. Only files listed there are ever deleted by
dokgen.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
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
        self.berubah = False
        """True once an entry was recorded or stamped: the manifest needs saving."""

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
        return self.utuh(name)

    def utuh(self, name: str) -> bool:
        """True when ``name`` is on disk as dokgen left it (same size and time)."""
        entry = self.entries.get(name)
        return entry is not None and entry.get("stat") == _stat(f"{self.folder}/{name}")

    def catat(self, name: str, jenis: str, masukan: str, keluaran: str, **lain: Any) -> None:
        """Record that ``name`` (sha ``keluaran``) was made from inputs ``masukan``."""
        self.entries[name] = {"jenis": jenis, "masukan": masukan, "keluaran": keluaran, **lain}
        self.berubah = True

    def stempel(self, name: str) -> None:
        """Record the size and time of ``name`` as it is on disk now."""
        self.entries[name] = {**self.entries[name], "stat": _stat(self.folder / name)}
        self.berubah = True

    def simpan(self) -> None:
        text = json.dumps(self.entries, ensure_ascii=False, separators=(",", ":"))
        write_atomic(self.folder / NAMA, text.encode("utf-8"))


def _stat(path: Path | str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]
