"""Writing .docx packages (zip archives) fast and reproducibly.

Every part is stored deflated with a fixed timestamp, so equal inputs give equal bytes. A
template's unchanged parts are compressed once (:class:`Part`) and copied as they are into
every document made from it; only the parts that change are compressed per document.

A part may also be compressed as a run of *fragments*: each deflated on its own and ending in a
full flush, so it refers to nothing before or after it. Fragments can be joined as they are —
one card's body, compressed once, serves both its own package and the combined document of all
cards (:mod:`dokgen.combine`).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO

_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1
"""The timestamp of every part: 1980-01-01 00:00, the zip epoch, so equal inputs give equal
bytes."""


def fragment(raw: bytes, final: bool = False) -> bytes:
    """``raw`` deflated on its own: ends byte-aligned, refers to nothing before it; ``final``
    ends the deflate stream. Level 1: a card 15 % larger, compressed 2.6× faster (0.09 ms of
    about 2 per card)."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, -15)
    return compressor.compress(raw) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    )


_shared_fragment = lru_cache(maxsize=16)(fragment)


@dataclass(frozen=True)
class Part:
    """One part of a package, already compressed."""

    name: str
    crc: int
    size: int
    data: bytes

    def raw(self) -> bytes:
        """The part uncompressed."""
        return zlib.decompress(self.data, -15)

    @classmethod
    def compress(cls, name: str, raw: bytes) -> Part:
        return cls(name, zlib.crc32(raw), len(raw), fragment(raw, final=True))

    @classmethod
    def of_fragments(cls, name: str, raws: list[bytes]) -> tuple[Part, list[bytes]]:
        """The part made of ``raws`` in turn, each compressed as a fragment; and the
        fragments. The first and the last (a document's start and end, the same in every
        document of a template) are compressed once and remembered: 0.02 ms a card."""
        last = len(raws) - 1
        pieces = [
            (_shared_fragment if i in (0, last) else fragment)(raw, final=i == last)
            for i, raw in enumerate(raws)
        ]
        crc = 0
        for raw in raws:
            crc = zlib.crc32(raw, crc)
        return cls(name, crc, sum(map(len, raws)), b"".join(pieces)), pieces


Entry = tuple[str, int, int, int, int]
"""A part as the central directory lists it: (name, crc, compressed size, size, offset)."""


def local_header(name: str, crc: int, compressed: int, size: int) -> bytes:
    """The header written before a part's data."""
    encoded = name.encode("utf-8")
    fields = (20, 0, 8, _DOS_TIME, _DOS_DATE, crc, compressed, size, len(encoded), 0)
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields) + encoded


def write_part(out: BinaryIO, part: Part) -> Entry:
    """Write ``part`` (header and data) at the current position of ``out``."""
    offset = out.tell()
    out.write(local_header(part.name, part.crc, len(part.data), part.size) + part.data)
    return part.name, part.crc, len(part.data), part.size, offset


def write_directory(out: BinaryIO, entries: list[Entry]) -> None:
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


def package(parts: Iterable[Part]) -> bytes:
    """A zip archive of ``parts`` in order (local headers, data, central directory)."""
    out = io.BytesIO()
    entries = [write_part(out, part) for part in parts]
    write_directory(out, entries)
    return out.getvalue()


def read_parts(blob: bytes) -> dict[str, bytes]:
    """Every part of a package, uncompressed, in archive order."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def stored_parts(blob: bytes) -> dict[str, Part]:
    """Every part of a package as it is stored: deflated parts are taken without inflating and
    deflating them again (others are compressed)."""
    parts = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        for info in archive.infolist():
            if info.compress_type != zipfile.ZIP_DEFLATED:
                parts[info.filename] = Part.compress(info.filename, archive.read(info))
                continue
            name_length, extra_length = struct.unpack_from("<HH", blob, info.header_offset + 26)
            start = info.header_offset + 30 + name_length + extra_length
            data = blob[start : start + info.compress_size]
            parts[info.filename] = Part(info.filename, info.CRC, info.file_size, data)
    return parts
