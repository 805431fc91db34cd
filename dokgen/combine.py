"""One document holding many cards, each on a new page, joined from compressed pieces.

The cards come from one template (same styles, numbering and section), so the combined
document is the first card's package whose ``word/document.xml`` body holds every card's body
in turn. Each card's body is deflated on its own into a *piece* (a deflate fragment ending in a
full flush, which refers to nothing before or after it): pieces are kept in the cache by the
card's hash and joined as they are, so a rebuild after one edit compresses one piece, not all.

(docxcompose merges documents of different templates, re-mapping styles and numbering for each;
that costs seconds for a few dozen cards.)
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from dokgen.paket import Entri, bagian, local_header, tulis_bagian, tulis_direktori

DOCUMENT = "word/document.xml"
_BODY = re.compile(rb"<w:body\b[^>]*>(.*)</w:body>", re.DOTALL)
_LAST_SECTION = re.compile(rb"<w:sectPr\b(?:(?!<w:sectPr\b).)*</w:sectPr>\s*$", re.DOTALL)
_FIRST_PPR = re.compile(rb"<w:pPr>(<w:pStyle [^>]*/>)?")


def _fragment(data: bytes, final: bool = False) -> bytes:
    """``data`` deflated on its own: ends byte-aligned, refers to nothing before it."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    )


def body(document: bytes, new_page: bool = True) -> bytes:
    """A card's body without its section, starting on a new page (unless it is the first)."""
    match = _BODY.search(document)
    if match is None:
        raise ValueError("bukan dokumen Word: tidak ada <w:body>")
    content = _LAST_SECTION.sub(b"", match.group(1))
    if new_page:
        content = _FIRST_PPR.sub(lambda m: m.group(0) + b"<w:pageBreakBefore/>", content, count=1)
    return content


def piece(document: bytes) -> bytes:
    """The card's piece (its body, on a new page, deflated on its own)."""
    return _fragment(body(document))


def document_xml(card: Path) -> bytes:
    with zipfile.ZipFile(card) as archive:
        return archive.read(DOCUMENT)


def combine(first: Path, pieces: Iterable[bytes], target: Path) -> None:
    """Write to ``target`` the document of the card ``first`` followed by ``pieces`` (those of
    the other cards, in order). Memory does not grow with the number of cards."""
    parts = bagian(first.read_bytes())
    document = parts.pop(DOCUMENT).isi()
    head = document[: document.index(b"<w:body")] + b"<w:body>" + body(document, new_page=False)
    match = _BODY.search(document)
    section = _LAST_SECTION.search(match.group(1)) if match else None
    tail = (section.group(0) if section else b"") + b"</w:body></w:document>"
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as out:
        out.write(local_header(DOCUMENT, 0, 0, 0))  # rewritten once sizes are known
        start = out.tell()
        out.write(_fragment(head))
        crc, size = zlib.crc32(head), len(head)
        for data in pieces:
            raw = zlib.decompressobj(-15).decompress(data)
            crc, size = zlib.crc32(raw, crc), size + len(raw)
            out.write(data)
        out.write(_fragment(tail, final=True))
        crc, size = zlib.crc32(tail, crc), size + len(tail)
        compressed = out.tell() - start
        out.seek(0)
        out.write(local_header(DOCUMENT, crc, compressed, size))
        out.seek(start + compressed)
        entries: list[Entri] = [(DOCUMENT, crc, compressed, size, 0)]
        entries += [tulis_bagian(out, part) for part in parts.values()]
        tulis_direktori(out, entries)
