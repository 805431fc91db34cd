"""Writing .docx packages (zip archives) fast and reproducibly.

Every part is stored deflated with a fixed timestamp, so equal inputs give equal bytes. A
template's unchanged parts are compressed once (:class:`Bagian`) and copied as they are into
every document made from it; only the parts that change are compressed per document.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""The timestamp of every part: the zip epoch, so equal inputs give equal bytes."""
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # ZIP_TIME in DOS format


@dataclass(frozen=True)
class Bagian:
    """One part of a package, already compressed."""

    name: str
    crc: int
    size: int
    data: bytes

    @classmethod
    def dari(cls, name: str, raw: bytes) -> Bagian:
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, zlib.crc32(raw), len(raw), compressor.compress(raw) + compressor.flush())


def paket(parts: Iterable[Bagian]) -> bytes:
    """A zip archive of ``parts`` in order (local headers, data, central directory)."""
    out = bytearray()
    central = bytearray()
    count = 0
    for part in parts:
        name = part.name.encode("utf-8")
        offset = len(out)
        fields = (20, 0, 8, _DOS_TIME, _DOS_DATE, part.crc, len(part.data), part.size, len(name))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + name + part.data
        central += (
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset) + name
        )
        count += 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def baca(blob: bytes) -> dict[str, bytes]:
    """Every part of a package, uncompressed, in archive order."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def normalkan(blob: bytes) -> bytes:
    """The same package written the reproducible way (fixed timestamps, same order)."""
    return paket(Bagian.dari(name, data) for name, data in baca(blob).items())
