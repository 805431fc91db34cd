"""The build manifest: which inputs made each output, so a rebuild rewrites only what changed.

``build/<dinas>/.dokgen-manifest`` has an entry for every output dokgen wrote: the fingerprint of
its inputs (the document's context — exactly the data slice it shows —, the template, the
pictures, the paper setting and the dokgen version), the SHA-256 of the bytes written (for the
combined IKI document, that of the cards it was made from: :func:`dokgen.gabungan.sidik`) and the
file's size and modification time once in place: an output whose size or time changed since
(opened and saved in Word, say) is made again. Only files listed there are ever deleted by dokgen.

A kabupaten has thousands of cards: the entries are kept as one ``marshal`` blob (read and
written in a few milliseconds; a table row per output cost several times that), replaced
atomically. A damaged or foreign manifest counts as none: everything is built again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from dokgen import __version__
from dokgen.output import Stat, stat_of, stat_semua, write_atomic

NAMA = ".dokgen-manifest"
FORMAT = (2, sys.version_info[:2])
"""Of the blob (marshal's own format may differ between Python versions)."""


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


class Entri(NamedTuple):
    """What the manifest knows of one output."""

    jenis: str
    masukan: str
    keluaran: str
    stat: Stat | None = None
    """(size, mtime in ns) of the file once in place."""
    lain: Any = None
    """Anything else the output's kind keeps (plain values): the combined document's pieces."""


class Manifest:
    """Outputs of earlier builds by name; :meth:`salin` gives the one a build fills in."""

    def __init__(self, folder: Path, entries: dict[str, Entri] | None = None) -> None:
        self.folder = folder
        self.entries = entries or {}
        self.berubah = False
        """True once anything was recorded, stamped or dropped since read."""
        self.kosong = False
        """True when every earlier entry goes (a build of everything starts from nothing)."""

    @property
    def path(self) -> Path:
        return self.folder / NAMA

    @classmethod
    def baca(cls, folder: Path) -> Manifest:
        manifest = cls(folder)
        try:
            blob = manifest.path.read_bytes()
        except OSError:
            return manifest
        try:
            tanda, names, rows = marshal.loads(blob)
            if tanda != FORMAT or len(names) != len(rows):
                raise ValueError(tanda)
            manifest.entries = dict(zip(names, map(Entri._make, rows), strict=True))
        except (ValueError, EOFError, TypeError):
            manifest.kosong = True  # unreadable: as if nothing had been built; rewritten whole
        return manifest

    def salin(self, kosong: bool = False) -> Manifest:
        """A copy to record a build in (``kosong``: without the earlier entries)."""
        copy = Manifest(self.folder, {} if kosong else dict(self.entries))
        copy.kosong = kosong or self.kosong
        return copy

    def segar(self, name: str, masukan: str) -> bool:
        """True when ``name`` was made from the same inputs and is still on disk, untouched."""
        entry = self.entries.get(name)
        return entry is not None and entry.masukan == masukan and self.utuh(name)

    def segar_semua(self, outputs: list[tuple[str, str]]) -> list[bool]:
        """:meth:`segar` of every (name, masukan) of ``outputs`` (thousands of cards)."""
        stats = stat_semua(self.folder, [name for name, _ in outputs])
        get = self.entries.get
        return [
            (entry := get(name)) is not None and entry.masukan == masukan and entry.stat == stat
            for (name, masukan), stat in zip(outputs, stats, strict=True)
        ]

    def utuh(self, name: str) -> bool:
        """True when ``name`` is on disk as dokgen left it (same size and time)."""
        entry = self.entries.get(name)
        return (
            entry is not None
            and entry.stat is not None
            and entry.stat == stat_of(f"{self.folder}/{name}")
        )

    def catat(self, name: str, jenis: str, masukan: str, keluaran: str, lain: Any = None) -> None:
        """Record that ``name`` (sha ``keluaran``) was made from inputs ``masukan``."""
        self.entries[name] = Entri(jenis, masukan, keluaran, None, lain)
        self.berubah = True

    def stempel(self, name: str) -> None:
        """Record the size and time of ``name`` as it is on disk now."""
        self.entries[name] = self.entries[name]._replace(stat=stat_of(f"{self.folder}/{name}"))
        self.berubah = True

    def hapus(self, name: str) -> None:
        """Forget ``name`` (its file was deleted)."""
        self.entries.pop(name, None)
        self.berubah = True

    def lain(self, name: str) -> Any:
        """What :meth:`catat` kept as ``lain`` for ``name``, or None."""
        entry = self.entries.get(name)
        return None if entry is None else entry.lain

    def simpan(self) -> None:
        """Write the manifest if anything changed (or it is missing or damaged)."""
        if not self.berubah and not self.kosong and self.path.is_file():
            return
        rows = [tuple(entry) for entry in self.entries.values()]
        write_atomic(self.path, marshal.dumps((FORMAT, list(self.entries), rows)))
        self.berubah = self.kosong = False
