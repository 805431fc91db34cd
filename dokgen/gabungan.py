"""One document holding many cards, each on a new page — rewritten, not remade, after an edit.

The cards come from one template (same styles, numbering and section), so the combined
document is the first card's package whose ``word/document.xml`` body holds every card's body in
turn. Each card's piece of that body is compressed on its own (a deflate fragment ending in a
full flush: no reference to what comes before or after it), so the pieces can be joined as
they are. The manifest keeps, for every piece, the card it came from and where it sits in the
file; when one card of five thousand changes, the next build compresses that card's piece
again and copies the other pieces' bytes from the previous combined document. The CRC of the
whole part is joined from the pieces' CRCs with zlib's ``crc32_combine``.

(docxcompose merges documents of different templates, re-mapping styles and numbering for each;
that costs seconds for a few dozen cards.)
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import re
import struct
import zipfile
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import BinaryIO

from dokgen.cachedir import sidik_kode
from dokgen.output import sediakan
from dokgen.paket import Entri, bagian, local_header, tulis_bagian, tulis_direktori

DOCUMENT = "word/document.xml"
_BODY = re.compile(rb"<w:body\b[^>]*>(.*)</w:body>", re.DOTALL)
_LAST_SECTION = re.compile(rb"<w:sectPr\b(?:(?!<w:sectPr\b).)*</w:sectPr>\s*$", re.DOTALL)
_FIRST_PPR = re.compile(rb"<w:pPr>(<w:pStyle [^>]*/>)?")
_CHUNK = 1 << 20
BLOK = 64
_PREPARED = ".potongan"


@dataclass
class Susunan:
    """The pieces of a combined document, column by column, as the manifest keeps them."""

    kartu: list[str] = field(default_factory=list)
    """The card each piece was made from (its file name)."""
    sha: list[str] = field(default_factory=list)
    """SHA-256 of the card's bytes the piece was made from."""
    panjang: list[int] = field(default_factory=list)
    """The piece's length compressed (they follow each other from :attr:`awal`)."""
    crc: list[int] = field(default_factory=list)
    ukuran: list[int] = field(default_factory=list)
    """The piece's length uncompressed."""
    awal: int = 0
    """Where the first piece starts in the file."""
    blok: list[int] = field(default_factory=list)
    """The CRC of each run of :data:`BLOK` pieces (the last one shorter): a rebuild joins the
    runs it did not change as they are, not piece by piece."""

    def kemas(self) -> tuple:
        """The compact form the manifest keeps: a few strings and bytes, not thousands of
        values (the manifest is read on every build)."""
        numbers = array("q", [*self.panjang, *self.crc, *self.ukuran, *self.blok])
        return "\n".join(self.kartu), "".join(self.sha), numbers.tobytes(), self.awal

    @classmethod
    def buka(cls, packed: object) -> Susunan:
        """The pieces from :meth:`kemas`'s form (none if it is missing or damaged)."""
        try:
            kartu, sha, angka, awal = packed  # type: ignore[misc]
            names = kartu.split("\n") if kartu else []
            numbers = array("q")
            numbers.frombytes(angka)
        except (TypeError, ValueError):
            return cls()
        n = len(names)
        if len(numbers) != 3 * n + -(-n // BLOK) or len(sha) != 64 * n:
            return cls()
        shas = [sha[i : i + 64] for i in range(0, 64 * n, 64)]
        v = numbers.tolist()
        return cls(names, shas, v[:n], v[n : 2 * n], v[2 * n : 3 * n], awal, v[3 * n :])

    def satu(self, kartu: str, sha: str, panjang: int, crc: int, ukuran: int) -> None:
        """Append one piece."""
        self.kartu.append(kartu)
        self.sha.append(sha)
        self.panjang.append(panjang)
        self.crc.append(crc)
        self.ukuran.append(ukuran)

    def tambah(self, other: Susunan, start: int, end: int) -> None:
        """Append ``other``'s pieces ``start`` to ``end`` (excluded)."""
        self.kartu += other.kartu[start:end]
        self.sha += other.sha[start:end]
        self.panjang += other.panjang[start:end]
        self.crc += other.crc[start:end]
        self.ukuran += other.ukuran[start:end]


def sidik(susunan: Susunan) -> str:
    """What identifies the combined document's bytes, for the manifest: the cards it was made
    from, in order, by this dokgen (cheaper than hashing a file of tens of megabytes)."""
    text = " ".join([sidik_kode(), *susunan.sha])
    return hashlib.sha256(text.encode()).hexdigest()


def _load_crc32_combine() -> Callable[[int, int, int], int] | None:
    for name in ("libz.so.1", "libz.dylib"):
        try:
            fn = ctypes.CDLL(name).crc32_combine
        except (OSError, AttributeError):
            continue
        fn.restype = ctypes.c_ulong
        fn.argtypes = (ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long)
        return fn
    return None


crc32_combine = _load_crc32_combine()
"""zlib's own function (Python's zlib module does not expose it); without it nothing is reused
and every piece is made from its card while joining."""


def _join(crc: int, crc2: int, size2: int) -> int:
    """The CRC of two pieces from theirs."""
    assert crc32_combine is not None
    return crc32_combine(crc, crc2, size2)


def _fragment(data: bytes, final: bool = False) -> bytes:
    """``data`` deflated on its own: ends byte-aligned, refers to nothing before it."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    end = zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    return compressor.compress(data) + compressor.flush(end)


def _piece(card: Path | str, first: bool) -> bytes:
    """A card's body without its section, starting on a new page unless it is the first."""
    with zipfile.ZipFile(card) as archive:
        return _body_piece(archive.read(DOCUMENT), first)


def siapkan(document: bytes, first: bool, card: Path | str) -> None:
    """Prepare the card's piece beside the staged card (``card`` + ``.potongan``), so joining
    does not read the card again: done while rendering, in the workers."""
    raw = _body_piece(document, first)
    header = struct.pack("<?II", first, zlib.crc32(raw), len(raw))
    with open(f"{card}{_PREPARED}", "wb") as fh:
        fh.write(header + _fragment(raw))


def _prepared(card: Path | str, first: bool) -> tuple[bytes, int, int] | None:
    """(deflated piece, crc, size) prepared for ``card`` as the first card or not, if any."""
    try:
        with open(f"{card}{_PREPARED}", "rb") as fh:
            blob = fh.read()
    except OSError:
        return None
    made_first, crc, size = struct.unpack_from("<?II", blob)
    return (blob[struct.calcsize("<?II") :], crc, size) if made_first == first else None


def _body_piece(document: bytes, first: bool) -> bytes:
    body = _BODY.search(document).group(1)
    body = _LAST_SECTION.sub(b"", body)
    if not first:
        body = _FIRST_PPR.sub(lambda m: m.group(0) + b"<w:pageBreakBefore/>", body, 1)
    return body


def _dipakai_lagi(kartu: list[str], sha: list[str], lama: Susunan) -> list[int]:
    """For every card (name, sha), the index of the previous document's piece made from the
    same card bytes at the same kind of place (first, or not first), or -1."""
    if kartu == lama.kartu:  # the usual case: the same cards in the same order
        return [j if a == b else -1 for j, (a, b) in enumerate(zip(sha, lama.sha, strict=True))]
    posisi = {key: i for i, key in enumerate(zip(lama.kartu, lama.sha, strict=True))}
    index = [posisi.get(key, -1) for key in zip(kartu, sha, strict=True)]
    return [i if (i == 0) == (j == 0) else -1 for j, i in enumerate(index)]


def _salin(source: BinaryIO, out: BinaryIO, offset: int, length: int) -> None:
    """Copy ``length`` bytes of ``source`` from ``offset`` to ``out`` (in the kernel where it
    can: the previous document is tens of megabytes)."""
    out.flush()
    try:
        while length:
            done = os.copy_file_range(source.fileno(), out.fileno(), length, offset)
            if not done:
                break
            offset, length = offset + done, length - done
    except (AttributeError, OSError):
        pass  # not on this system or file system: copied below
    source.seek(offset)
    while length:
        chunk = source.read(min(length, _CHUNK))
        if not chunk:
            raise OSError("dokumen gabungan lama terpotong")
        out.write(chunk)
        length -= len(chunk)


def gabung(
    kartu: list[str],
    sha: list[str],
    berkas: Callable[[int], str],
    target: Path,
    lama: Path | None = None,
    susunan_lama: Susunan | None = None,
) -> Susunan:
    """Write the combined document of the cards ``kartu`` (names, with the SHA-256 ``sha`` of
    their bytes, and ``berkas(j)`` the file the ``j``-th is in) to ``target``.

    ``lama`` is the previous combined document, untouched since it was written, and
    ``susunan_lama`` its pieces: a card whose name and sha did not change (and that is still
    first, or still not first) is copied from it, a run of such cards in one go. Returns the
    pieces of ``target``. Memory does not grow with the number of cards: every piece goes
    straight to the file.
    """
    old = susunan_lama if lama is not None and crc32_combine is not None else None
    old = old or Susunan()
    index = _dipakai_lagi(kartu, sha, old) if old.kartu else [-1] * len(kartu)
    offsets = list(accumulate(old.panjang, initial=old.awal))
    parts = bagian(Path(berkas(0)).read_bytes())
    document = parts.pop(DOCUMENT).isi()
    head = document[: document.index(b"<w:body")] + b"<w:body>"
    tail = _LAST_SECTION.search(_BODY.search(document).group(1)).group(0)
    tail += b"</w:body></w:document>"

    with contextlib.ExitStack() as stack:
        source = stack.enter_context(open(lama, "rb")) if lama and old.kartu else None
        out = stack.enter_context(open(target, "wb"))
        if source is not None:  # about the size of the previous one (see output.sediakan)
            sediakan(out.fileno(), os.fstat(source.fileno()).st_size)
        out.write(local_header(DOCUMENT, 0, 0, 0))  # rewritten once sizes are known
        start = out.tell()
        out.write(_fragment(head))
        streamed = zlib.crc32(head)  # the CRC as the pieces go, when they cannot be joined
        new = Susunan(awal=out.tell())
        j = 0
        while j < len(kartu):
            i = index[j]
            if i >= 0:  # a run of pieces copied as they are
                end = j + 1
                while end < len(kartu) and index[end] == index[end - 1] + 1:
                    end += 1
                last = i + end - j
                _salin(source, out, offsets[i], offsets[last] - offsets[i])
                new.tambah(old, i, last)
                j = end
                continue
            ready = _prepared(berkas(j), j == 0) if crc32_combine else None
            if ready is None:
                raw = _piece(berkas(j), j == 0)
                data, piece_crc, piece_size = _fragment(raw), zlib.crc32(raw), len(raw)
                streamed = zlib.crc32(raw, streamed)
            else:
                data, piece_crc, piece_size = ready
            out.write(data)
            new.satu(kartu[j], sha[j], len(data), piece_crc, piece_size)
            j += 1
        out.write(_fragment(tail, final=True))
        body = sum(new.ukuran)
        if crc32_combine is None:
            crc = zlib.crc32(tail, streamed)
        else:
            crc = zlib.crc32(tail, _join(zlib.crc32(head), _crc_badan(new, old, index), body))
        size = len(head) + body + len(tail)
        compressed = out.tell() - start
        out.seek(0)
        out.write(local_header(DOCUMENT, crc, compressed, size))
        out.seek(start + compressed)
        entries: list[Entri] = [(DOCUMENT, crc, compressed, size, 0)]
        entries += [tulis_bagian(out, part) for part in parts.values()]
        tulis_direktori(out, entries)
        out.truncate()  # what was reserved beyond the end
    return new


def _crc_badan(new: Susunan, old: Susunan, index: list[int]) -> int:
    """The CRC of all of ``new``'s pieces, from theirs, a block of :data:`BLOK` pieces at a time:
    a block whose pieces all come from the same places of ``old`` keeps its CRC (sets
    ``new.blok``)."""
    crc = 0
    for start in range(0, len(new.kartu), BLOK):
        end = min(start + BLOK, len(new.kartu))
        b = start // BLOK
        same = (
            b < len(old.blok)
            and min(start + BLOK, len(old.kartu)) == end
            and index[start:end] == list(range(start, end))
        )
        if same:
            block = old.blok[b]
        else:
            block = 0
            for k in range(start, end):
                block = _join(block, new.crc[k], new.ukuran[k])
        new.blok.append(block)
        crc = _join(crc, block, sum(new.ukuran[start:end]))
    return crc
