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

import base64
import ctypes
import hashlib
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, NamedTuple

from dokgen.cachedir import sidik_kode
from dokgen.paket import Entri, baca, bagian, local_header, tulis_bagian, tulis_direktori

DOCUMENT = "word/document.xml"
_BODY = re.compile(rb"<w:body\b[^>]*>(.*)</w:body>", re.DOTALL)
_LAST_SECTION = re.compile(rb"<w:sectPr\b(?:(?!<w:sectPr\b).)*</w:sectPr>\s*$", re.DOTALL)
_FIRST_PPR = re.compile(rb"<w:pPr>(<w:pStyle [^>]*/>)?")
_CHUNK = 1 << 20
_PREPARED = ".potongan"


class Potongan(NamedTuple):
    """One card's piece of the combined body, as the manifest keeps it."""

    kartu: str
    """The card's file name."""
    sha: str
    """SHA-256 of the card's bytes the piece was made from."""
    offset: int
    """Where the compressed piece starts in the combined file."""
    panjang: int
    """Its length compressed."""
    crc: int
    size: int
    """Its length uncompressed."""


_ANGKA = struct.Struct("<QQII")


def kemas(pieces: Sequence[Potongan]) -> dict[str, str]:
    """The pieces in the compact form the manifest keeps (thousands of them: text, not lists)."""
    numbers = b"".join(_ANGKA.pack(p.offset, p.panjang, p.crc, p.size) for p in pieces)
    return {
        "kartu": "\n".join(p.kartu for p in pieces),
        "sha": "".join(p.sha for p in pieces),
        "angka": base64.b64encode(numbers).decode("ascii"),
    }


def sidik(pieces: Sequence[Potongan]) -> str:
    """What identifies the combined document's bytes, for the manifest: the cards it was made
    from, in order, by this dokgen (cheaper than hashing a file of tens of megabytes)."""
    text = " ".join([sidik_kode(), *(p.sha for p in pieces)])
    return hashlib.sha256(text.encode()).hexdigest()


def buka(packed: dict[str, str] | None) -> list[Potongan]:
    """The pieces from :func:`kemas`'s form (none if it is missing or damaged)."""
    try:
        names = packed["kartu"].split("\n") if packed else []
        numbers = list(_ANGKA.iter_unpack(base64.b64decode(packed["angka"]))) if packed else []
        shas = packed["sha"] if packed else ""
        width = len(shas) // len(names) if names else 0
    except (KeyError, TypeError, ValueError, struct.error):
        return []
    if len(numbers) != len(names) or width * len(names) != len(shas):
        return []
    return [
        Potongan(name, shas[i * width : (i + 1) * width], *numbers[i])
        for i, name in enumerate(names)
    ]


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


class _Salin:
    """Copies byte ranges of the previous file, joining adjacent ranges into one read."""

    def __init__(self, source: BinaryIO | None, out: BinaryIO) -> None:
        self.source, self.out = source, out
        self.start = self.length = 0

    def add(self, offset: int, length: int) -> None:
        if self.length and offset == self.start + self.length:
            self.length += length
            return
        self.flush()
        self.start, self.length = offset, length

    def flush(self) -> None:
        if self.length and self.source is not None:
            self.source.seek(self.start)
            left = self.length
            while left:
                chunk = self.source.read(min(left, _CHUNK))
                if not chunk:
                    raise OSError("dokumen gabungan lama terpotong")
                self.out.write(chunk)
                left -= len(chunk)
        self.length = 0


def gabung(
    cards: Sequence[tuple[str, str, Path | str]],
    target: Path,
    lama: Path | None = None,
    potongan_lama: Sequence[Potongan] = (),
) -> list[Potongan]:
    """Write the combined document of ``cards`` — (name, sha, file) each — to ``target``.

    ``lama`` is the previous combined document, untouched since it was written, and
    ``potongan_lama`` its pieces: a card whose name and sha did not change (and that is still
    first, or still not first) is copied from it. Returns the pieces of ``target``. Memory does
    not grow with the number of cards: every piece goes straight to the file.
    """
    reuse: dict[tuple[str, str, bool], Potongan] = {}
    if lama is not None and crc32_combine is not None:
        reuse = {(p.kartu, p.sha, i == 0): p for i, p in enumerate(potongan_lama)}
    blob = Path(cards[0][2]).read_bytes()
    document = baca(blob)[DOCUMENT]
    parts = bagian(blob)
    del parts[DOCUMENT]
    head = document[: document.index(b"<w:body")] + b"<w:body>"
    tail = _LAST_SECTION.search(_BODY.search(document).group(1)).group(0)
    tail += b"</w:body></w:document>"

    pieces: list[Potongan] = []
    old = open(lama, "rb") if reuse and lama else None  # noqa: SIM115 (closed below)
    try:
        with open(target, "wb") as out:
            out.write(local_header(DOCUMENT, 0, 0, 0))  # rewritten once sizes are known
            start = out.tell()
            out.write(_fragment(head))
            crc, size = zlib.crc32(head), len(head)
            salin = _Salin(old, out)
            position = out.tell()
            for number, (name, digest, path) in enumerate(cards):
                known = reuse.get((name, digest, number == 0))
                if known is not None:
                    salin.add(known.offset, known.panjang)
                    piece = known._replace(offset=position)
                    crc = _join(crc, known.crc, known.size)
                else:
                    salin.flush()
                    ready = _prepared(path, number == 0) if crc32_combine else None
                    if ready is None:
                        raw = _piece(path, number == 0)
                        data, piece_crc, piece_size = _fragment(raw), zlib.crc32(raw), len(raw)
                        crc = zlib.crc32(raw, crc)
                    else:
                        data, piece_crc, piece_size = ready
                        crc = _join(crc, piece_crc, piece_size)
                    out.write(data)
                    piece = Potongan(name, digest, position, len(data), piece_crc, piece_size)
                pieces.append(piece)
                size += piece.size
                position += piece.panjang
            salin.flush()
            out.write(_fragment(tail, final=True))
            crc, size = zlib.crc32(tail, crc), size + len(tail)
            compressed = out.tell() - start
            out.seek(0)
            out.write(local_header(DOCUMENT, crc, compressed, size))
            out.seek(start + compressed)
            entries: list[Entri] = [(DOCUMENT, crc, compressed, size, 0)]
            entries += [tulis_bagian(out, part) for part in parts.values()]
            tulis_direktori(out, entries)
    finally:
        if old is not None:
            old.close()
    return pieces
