"""The build manifest: which inputs made each output, so a rebuild rewrites only what changed.

``build/<dinas>/.dokgen-manifest`` has an entry for every output dokgen wrote: the fingerprint of
its inputs (the document's context — exactly the data slice it shows —, the template, the
pictures, the paper setting and the dokgen version), the SHA-256 of the bytes written (for the
combined IKI document, that of the cards it was made from: :func:`dokgen.gabungan.sidik`) and the
file's size and modification time once in place: an output whose size or time changed since
(opened and saved in Word, say) is made again. Only files listed there are ever deleted by dokgen.

A kabupaten has thousands of cards: the entries are a :class:`~dokgen.jurnal.Jurnal` (a rebuild
after one edit writes the few entries that changed beside the table). A damaged manifest counts
as none: everything is built again and it is written anew.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import KeysView
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from dokgen import __version__
from dokgen.jurnal import Jurnal
from dokgen.output import Stat, stat_of, stat_semua

NAMA = ".dokgen-manifest"
_TANDA = ("manifest", 3)
"""The layout of its rows (:class:`Entri`)."""


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


_JENIS, _MASUKAN, _KELUARAN, _STAT, _LAIN = range(5)
"""Fields of a row as kept: plain tuples (thousands are read on every build), seen from outside
as :class:`Entri`."""


class Manifest:
    """Outputs of earlier builds by name; :meth:`salin` gives the one a build fills in."""

    def __init__(self, folder: Path, rows: dict[str, tuple] | None = None) -> None:
        self.folder = folder
        self._rows = rows or {}
        self.berubah: set[str] = set()
        """Names recorded, stamped or dropped since read."""
        self.kosong = False
        """True when every earlier entry goes (a build of everything starts from nothing)."""
        self._jurnal = Jurnal(folder / NAMA, _TANDA)

    @classmethod
    def baca(cls, folder: Path) -> Manifest:
        manifest = cls(folder)
        kepala, rows = manifest._jurnal.baca()
        if kepala is None:
            # Missing, or unreadable: as if nothing had been built (and written anew).
            manifest.kosong = manifest._jurnal.path.exists()
            return manifest
        manifest._rows = rows
        return manifest

    def salin(self, kosong: bool = False) -> Manifest:
        """A copy to record a build in (``kosong``: without the earlier entries)."""
        copy = Manifest(self.folder, {} if kosong else dict(self._rows))
        copy.kosong = kosong or self.kosong
        copy._jurnal = self._jurnal
        return copy

    def entri(self, name: str) -> Entri | None:
        row = self._rows.get(name)
        return None if row is None else Entri._make(row)

    def nama(self) -> KeysView[str]:
        """The outputs listed."""
        return self._rows.keys()

    def keluaran(self, names: list[str]) -> list[str]:
        """The SHA-256 recorded for each of ``names`` (all listed)."""
        rows = self._rows
        return [rows[name][_KELUARAN] for name in names]

    def segar(self, name: str, masukan: str) -> bool:
        """True when ``name`` was made from the same inputs and is still on disk, untouched."""
        row = self._rows.get(name)
        return row is not None and row[_MASUKAN] == masukan and self.utuh(name)

    def segar_semua(self, outputs: list[tuple[str, str]]) -> list[bool]:
        """:meth:`segar` of every (name, masukan) of ``outputs`` (thousands of cards)."""
        stats = stat_semua(self.folder, [name for name, _ in outputs])
        get = self._rows.get
        return [
            (row := get(name)) is not None and row[_MASUKAN] == masukan and row[_STAT] == stat
            for (name, masukan), stat in zip(outputs, stats, strict=True)
        ]

    def utuh(self, name: str) -> bool:
        """True when ``name`` is on disk as dokgen left it (same size and time)."""
        row = self._rows.get(name)
        return (
            row is not None
            and row[_STAT] is not None
            and row[_STAT] == stat_of(f"{self.folder}/{name}")
        )

    def catat(self, name: str, jenis: str, masukan: str, keluaran: str, lain: Any = None) -> None:
        """Record that ``name`` (sha ``keluaran``) was made from inputs ``masukan``."""
        self._rows[name] = (jenis, masukan, keluaran, None, lain)
        self.berubah.add(name)

    def stempel(self, name: str) -> None:
        """Record the size and time of ``name`` as it is on disk now."""
        row = self._rows[name]
        self._rows[name] = (*row[:_STAT], stat_of(f"{self.folder}/{name}"), row[_LAIN])
        self.berubah.add(name)

    def hapus(self, name: str) -> None:
        """Forget ``name`` (its file was deleted)."""
        self._rows.pop(name, None)
        self.berubah.add(name)

    def lain(self, name: str) -> Any:
        """What :meth:`catat` kept as ``lain`` for ``name``, or None."""
        row = self._rows.get(name)
        return None if row is None else row[_LAIN]

    def simpan(self) -> None:
        """Write what changed (everything, if the manifest was missing or damaged)."""
        if self.kosong:
            self._jurnal = Jurnal(self._jurnal.path, _TANDA)  # forget the table read: anew
        self._jurnal.tulis(_TANDA, self._rows, self.berubah)
        self.berubah.clear()
        self.kosong = False
