"""One document holding many cards, each on a new page, joined from compressed pieces.

The cards come from one template (same styles, numbering and section), so the combined
document is the first card's package whose ``word/document.xml`` body holds every card's body
in turn. A card's body starts on a new page and is compressed on its own when the card is
rendered (:meth:`dokgen.render.Template.render_dokumen` with ``piece``): that *piece* is kept in
the cache by the card's hash, and the combined document joins the pieces as they are — a rebuild
after one edit compresses one card's body, not all of them.

(docxcompose merges documents of different templates, re-mapping styles and numbering for each;
that costs seconds for a few dozen cards.)
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from dokgen.zipwrite import Entry, fragment, local_header, stored_parts, write_directory, write_part

DOCUMENT = "word/document.xml"
_FIRST_PPR = re.compile(rb"<w:pPr>(<w:pStyle [^>]*/>)?")


def split_body(document: bytes) -> tuple[bytes, bytes, bytes]:
    """``document.xml`` as (everything up to the body's content, the content, its last section
    and everything after it)."""
    opening = document.find(b"<w:body")
    start = document.find(b">", opening) + 1
    end = document.rfind(b"<w:sectPr")  # sections do not nest: the last one is the body's
    closing = document.find(b"</w:sectPr>", end)
    if opening < 0 or not start <= end or closing < 0:
        raise ValueError("bukan dokumen Word: tidak ada <w:body> dengan <w:sectPr>")
    after = document[closing + len(b"</w:sectPr>") :]
    if not after.lstrip().startswith(b"</w:body>"):
        raise ValueError("bukan dokumen Word: <w:sectPr> terakhir bukan penutup <w:body>")
    return document[:start], document[start:end], document[end:]


def new_page(body: bytes) -> bytes:
    """``body`` starting on a new page: a page break before its first paragraph."""
    return _FIRST_PPR.sub(lambda m: m.group(0) + b"<w:pageBreakBefore/>", body, count=1)


def piece_of(card: Path) -> bytes:
    """The piece of a card read from its file (when the cache does not have it)."""
    with zipfile.ZipFile(card) as archive:
        return fragment(new_page(split_body(archive.read(DOCUMENT))[1]))


def combine(first: Path, pieces: Iterable[bytes], target: Path) -> None:
    """Write to ``target`` the package of the card ``first`` whose body is ``pieces`` (every
    card's, the first one's too, in order). Memory does not grow with the number of cards."""
    parts = stored_parts(first.read_bytes())
    head, _, tail = split_body(parts.pop(DOCUMENT).raw())
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as out:
        out.write(local_header(DOCUMENT, 0, 0, 0))  # rewritten once sizes are known
        start = out.tell()
        out.write(fragment(head))
        crc, size = zlib.crc32(head), len(head)
        for data in pieces:
            raw = zlib.decompressobj(-15).decompress(data)
            crc, size = zlib.crc32(raw, crc), size + len(raw)
            out.write(data)
        out.write(fragment(tail, final=True))
        crc, size = zlib.crc32(tail, crc), size + len(tail)
        compressed = out.tell() - start
        out.seek(0)
        out.write(local_header(DOCUMENT, crc, compressed, size))
        out.seek(start + compressed)
        entries: list[Entry] = [(DOCUMENT, crc, compressed, size, 0)]
        entries += [write_part(out, part) for part in parts.values()]
        write_directory(out, entries)
