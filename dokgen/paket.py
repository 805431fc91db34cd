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
from typing import BinaryIO

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

    def isi(self) -> bytes:
        """The part uncompressed."""
        return zlib.decompress(self.data, -15)

    @classmethod
    def dari(cls, name: str, raw: bytes) -> Bagian:
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, zlib.crc32(raw), len(raw), compressor.compress(raw) + compressor.flush())


Entri = tuple[str, int, int, int, int]
"""A part as the central directory lists it: (name, crc, compressed size, size, offset)."""


def local_header(name: str, crc: int, compressed: int, size: int) -> bytes:
    """The header written before a part's data."""
    encoded = name.encode("utf-8")
    fields = (20, 0, 8, _DOS_TIME, _DOS_DATE, crc, compressed, size, len(encoded), 0)
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + encoded


def tulis_bagian(out: BinaryIO, part: Bagian) -> Entri:
    """Write ``part`` (header and data) at the current position of ``out``."""
    offset = out.tell()
    out.write(local_header(part.name, part.crc, len(part.data), part.size) + part.data)
    return part.name, part.crc, len(part.data), part.size, offset


def tulis_direktori(out: BinaryIO, entries: list[Entri]) -> None:
    """Write the central directory of ``entries`` and the end record: the archive is done."""
    start = out.tell()
    for name, crc, compressed, size, offset in entries:
        encoded = name.encode("utf-8")
        fields = (20, 20, 0, 8, _DOS_TIME, _DOS_DATE, crc, compressed, size, len(encoded))
        out.write(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, *fields, 0, 0, 0, 0, 0, offset) + encoded
        )
    count, length = len(entries), out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, length, start, 0))


def paket(parts: Iterable[Bagian]) -> bytes:
    """A zip archive of ``parts`` in order (local headers, data, central directory)."""
    out = io.BytesIO()
    entries = [tulis_bagian(out, part) for part in parts]
    tulis_direktori(out, entries)
    return out.getvalue()


def baca(blob: bytes) -> dict[str, bytes]:
    """Every part of a package, uncompressed, in archive order."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def bagian(blob: bytes) -> dict[str, Bagian]:
    """Every part of a package as it is stored: deflated parts are taken without inflating and
    deflating them again (others are compressed)."""
    parts = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        for info in archive.infolist():
            if info.compress_type != zipfile.ZIP_DEFLATED:
                parts[info.filename] = Bagian.dari(info.filename, archive.read(info))
                continue
            name_length, extra_length = struct.unpack_from("<HH", blob, info.header_offset + 26)
            start = info.header_offset + 30 + name_length + extra_length
            data = blob[start : start + info.compress_size]
            parts[info.filename] = Bagian(info.filename, info.CRC, info.file_size, data)
    return parts


def normalkan(blob: bytes) -> bytes:
    """The same package written the reproducible way (fixed timestamps, same order)."""
    return paket(Bagian.dari(name, data) for name, data in baca(blob).items())
