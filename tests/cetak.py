"""The print check: read a built .docx and its PDF, and name what a Kepala Dinas would not sign.

Every check takes a :class:`Cetakan` (a document as printed: the PDF's words and their places
read with poppler, the .docx's tables, signature blocks and sections read with lxml) and returns
findings: short strings naming the document, the page and what is wrong. No finding = the check
passes.
"""

from __future__ import annotations

import html
import itertools
import math
import re
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tests.docxread import W

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
PT_PER_MM = 72 / 25.4
PT_PER_TWIP = 1 / 20
KERTAS = {"F4": (215.0, 330.0), "A4": (210.0, 297.0)}
"""Paper sizes dinas.yaml may name (``pengaturan.kertas``), in mm, portrait — written here, not
taken from dokgen.render: the check must not share what it checks."""

PITA = 0.12
"""The top and bottom band of a page where a page number is looked for (share of its height)."""
TEPI = 0.5 * 72 / 2.54
"""No text nearer than 0.5 cm to the page's top or bottom edge (pt)."""
BARIS_MAKS = 55
"""A table row of more lines than this may be taller than a page: it is allowed to split."""

_PUNCT = ".,;:()[]{}\"'“”‘’!?%*"
_ANGKA = re.compile(r"^\d+(?:[.,]\d+)*$")
_ROMAWI = re.compile(
    r"^(?=[IVXLCDM]+$)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$", re.IGNORECASE
)
_NOMOR = re.compile(
    r"^(?:(?:halaman|hal\.?)\s+)?[-–—]?\s*(?P<n>\d+|[ivxlcdm]+|[IVXLCDM]+)\s*[-–—]?"
    r"(?:\s+dari\s+\d+)?$",
    re.IGNORECASE,
)
_TEMPAT_TANGGAL = re.compile(
    r"^(?:ditetapkan\s+di\b|pada\s+tanggal\b|[A-Z][\w .'-]*,\s+(?:\S.*)?\d{4}\s*$)", re.IGNORECASE
)
_NIP = re.compile(r"^NIP\.?\s*:?\s*(\d{8})")


# ---------------------------------------------------------------------------------------------
# Words: the .docx and the PDF tokenised the same way


def kata(teks: str) -> list[str]:
    """Words of ``teks`` as compared between .docx and PDF: split at spaces, at dot leaders and
    at hyphens and dashes (a line may break after one), punctuation around a word removed."""
    hasil = []
    for mentah in re.split(r"\s+|\.{2,}|…+|[-–—]", teks):
        w = mentah.strip(_PUNCT)
        if w:
            hasil.append(w)
    return hasil


def romawi(teks: str) -> int | None:
    """The value of a roman numeral (lower or upper case), else None."""
    if not teks or teks not in (teks.lower(), teks.upper()) or not _ROMAWI.match(teks):
        return None
    nilai = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    angka = [nilai[c] for c in teks.lower()]
    return sum(-a if i + 1 < len(angka) and a < angka[i + 1] else a for i, a in enumerate(angka))


# ---------------------------------------------------------------------------------------------
# The PDF


Kotak = tuple[str, float, float, float, float]
"""A word as printed: text, x0, x1, top, bottom (pt)."""


@dataclass
class Baris:
    """One line of text on a page."""

    teks: str
    atas: float
    bawah: float


@dataclass
class Halaman:
    nomor: int  # physical, 1-based
    lebar: float
    tinggi: float
    baris: list[Baris]
    kata: list[str]
    gambar: int
    kotak: list[Kotak]

    def nomor_tercetak(self) -> list[tuple[str, int]]:
        """Page-number candidates: lines in the top or bottom band that hold only a page-number
        token, as (kind, value) with kind 'arab' or 'romawi'."""
        hasil = []
        for b in self.baris_nomor():
            n = _NOMOR.match(b.teks.strip()).group("n")  # type: ignore[union-attr]
            if n.isdigit():
                hasil.append(("arab", int(n)))
            elif (r := romawi(n)) is not None:
                hasil.append(("romawi", r))
        return hasil

    def baris_nomor(self) -> list[Baris]:
        """Lines of the top/bottom band that are a page number."""
        return [
            b
            for b in self.baris
            if (b.bawah <= PITA * self.tinggi or b.atas >= (1 - PITA) * self.tinggi)
            and (m := _NOMOR.match(b.teks.strip()))
            and (m.group("n").isdigit() or romawi(m.group("n")) is not None)
        ]

    def baris_isi(self) -> list[Baris]:
        """Lines other than the page number."""
        nomor = {id(b) for b in self.baris_nomor()}
        return [b for b in self.baris if id(b) not in nomor]


def _baris(words: list[Kotak]) -> list[Baris]:
    """Group words into lines (same baseline within 2 pt), top to bottom."""
    lines: list[list[Kotak]] = []
    for w in sorted(words, key=lambda w: (round(w[4]), w[1])):
        if lines and abs(lines[-1][0][4] - w[4]) <= 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [
        Baris(
            " ".join(w[0] for w in sorted(ws, key=lambda w: w[1])),
            min(w[3] for w in ws),
            max(w[4] for w in ws),
        )
        for ws in lines
    ]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
)


def baca_pdf(pdf: Path) -> list[Halaman]:
    """The pages of ``pdf``: size, words with their boxes, lines, pictures (poppler's
    ``pdftotext -bbox`` and ``pdfimages -list``: fifty times faster than a PDF parser in
    Python, which matters for a few hundred pages)."""

    def run(*command: str) -> str:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    images = Counter(
        int(line.split()[0])
        for line in run("pdfimages", "-list", str(pdf)).splitlines()[2:]
        if line.split()[2] == "image"
    )
    halaman = []
    for i, (width, height, body) in enumerate(
        _PAGE.findall(run("pdftotext", "-bbox", str(pdf), "-")), 1
    ):
        words = [
            (html.unescape(t), float(x0), float(x1), float(y0), float(y1))
            for x0, y0, x1, y1, t in _WORD.findall(body)
        ]
        halaman.append(
            Halaman(
                nomor=i,
                lebar=float(width),
                tinggi=float(height),
                baris=_baris(words),
                kata=[k for w in words for k in kata(w[0])],
                gambar=images[i],
                kotak=words,
            )
        )
    return halaman


# ---------------------------------------------------------------------------------------------
# The .docx


@dataclass
class Bagian:
    """A section's page: orientation and left/right margins (pt)."""

    mendatar: bool
    kiri: float
    kanan: float


@dataclass
class TandaTangan:
    """A signature block: its non-empty lines from the title (or the place/date line) to NIP."""

    baris: list[str]
    nip: str  # the NIP's first 8 digits
    tempat_tanggal: bool


@dataclass
class Naskah:
    kepala_tabel: list[str]  # words of header rows
    angka_tabel: list[str]  # number tokens of table cells
    baris_tabel: list[tuple[list[str], float]]  # (words of a row, estimated lines of text)
    hitung: Counter[str]  # every word of the body with its count
    tanda_tangan: list[TandaTangan]
    bagian: list[Bagian]


def _teks(p: etree._Element) -> str:
    """A paragraph's text; tabs and breaks as spaces; text of a fallback picture excluded."""
    out = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}noBreakHyphen"):
        if any(a.tag == MC_FALLBACK for a in el.iterancestors()):
            continue
        if el.tag == f"{W}t":
            out.append(el.text or "")
        elif el.tag == f"{W}noBreakHyphen":
            out.append("-")
        else:
            out.append(" ")
    return "".join(out)


def _paragraf(el: etree._Element) -> list[str]:
    """Texts of every paragraph inside ``el`` (nested tables included)."""
    return [_teks(p) for p in el.iter(f"{W}p")]


def _baris_sel(tc: etree._Element) -> float:
    """Estimated lines of text of a cell: ~7 pt a character (Arial 12), a paragraph's spacing
    a third of a line."""
    width = tc.find(f"{W}tcPr/{W}tcW")
    twips = int(width.get(f"{W}w", "0")) if width is not None else 0
    per_line = max(6, twips / 140) if twips else 30
    return sum(max(1, math.ceil(len(t) / per_line)) + 0.3 for t in _paragraf(tc))


def _tanda_tangan(body: etree._Element) -> list[TandaTangan]:
    """Signature blocks: from every ``NIP. <digits>`` paragraph back through the short
    paragraphs of the same container (cell or body) to the place/date line or the title; a
    place/date line just before the container (its own table above) belongs to the block too."""
    flat = list(body.iter(f"{W}p"))
    blocks = []
    for p in flat:
        m = _NIP.match(_teks(p).strip())
        if not m:
            continue
        siblings = list(p.getparent())
        first = p
        lines: list[str] = []
        tempat = False
        for s in reversed(siblings[: siblings.index(p) + 1]):
            if s.tag == f"{W}tbl":
                break
            if s.tag != f"{W}p":
                continue
            first = s
            t = " ".join(_teks(s).split())
            if not t:
                continue
            if len(t) > 70 or len(lines) >= 10:
                break
            lines.insert(0, t)
            if _TEMPAT_TANGGAL.match(t):
                tempat = True
                if not t.lower().startswith("pada tanggal"):
                    break
        if not tempat:
            for s in reversed(flat[: flat.index(first)]):
                t = " ".join(_teks(s).split())
                if t and not _TEMPAT_TANGGAL.match(t):
                    break
                if t:
                    lines.insert(0, t)
                    tempat = True
        blocks.append(TandaTangan(lines, m.group(1), tempat))
    return blocks


def _tanpa_hasil_medan(body: etree._Element) -> None:
    """Blank the results of fields (page numbers of a Daftar Isi, PAGE): LibreOffice computes
    them anew, so their cached text is not what is printed."""
    stack: list[str] = []
    for el in body.iter(f"{W}fldChar", f"{W}t"):
        if el.tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                stack.append("instr")
            elif kind == "separate" and stack:
                stack[-1] = "result"
            elif kind == "end" and stack:
                stack.pop()
        elif "result" in stack or any(a.tag == f"{W}fldSimple" for a in el.iterancestors()):
            el.text = ""


def baca_docx(docx: Path) -> Naskah:
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    body = root.find(f"{W}body")
    _tanpa_hasil_medan(body)
    header, numbers, rows = [], [], []
    for tbl in body.iter(f"{W}tbl"):
        trs = tbl.findall(f"{W}tr")
        heads = [
            tr
            for tr in trs
            if (h := tr.find(f"{W}trPr/{W}tblHeader")) is not None
            and h.get(f"{W}val", "true") not in ("0", "false")
        ] or trs[:1]
        for tr in heads:
            header += [k for t in _paragraf(tr) for k in kata(t)]
    for tr in body.iter(f"{W}tr"):  # document order: a nested table's rows after their row
        words = [k for t in _paragraf(tr) for k in kata(t)]
        numbers += [k for k in words if _ANGKA.match(k)]
        tall = max((_baris_sel(tc) for tc in tr.findall(f"{W}tc")), default=0)
        rows.append((words, tall))
    hitung = Counter(k for p in body.iter(f"{W}p") for k in kata(_teks(p)))
    bagian = []
    for sect in body.iter(f"{W}sectPr"):
        size, mar = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
        if size is None or mar is None:
            continue
        w, h = int(size.get(f"{W}w", "0")), int(size.get(f"{W}h", "0"))
        bagian.append(
            Bagian(
                w > h,
                int(mar.get(f"{W}left", "0")) * PT_PER_TWIP,
                int(mar.get(f"{W}right", "0")) * PT_PER_TWIP,
            )
        )
    return Naskah(header, numbers, rows, hitung, _tanda_tangan(body), bagian)


# ---------------------------------------------------------------------------------------------
# A document as printed


@dataclass
class Cetakan:
    nama: str
    naskah: Naskah = field(repr=False)
    halaman: list[Halaman] = field(repr=False)
    awal: list[int] = field(default_factory=lambda: [1], repr=False)
    """Pages where a document begins (a combined file of IKI cards holds many documents)."""

    def temuan(self, halaman: int | None, apa: str) -> str:
        return f"{self.nama} hlm {halaman}: {apa}" if halaman else f"{self.nama}: {apa}"


def baca(docx: Path, pdf: Path, nama: str | None = None) -> Cetakan:
    return Cetakan(nama or docx.stem, baca_docx(docx), baca_pdf(pdf))


def mulai_dengan(cetakan: Cetakan, judul: str) -> list[int]:
    """Pages whose first line is ``judul`` (each begins a document of a combined file)."""
    return [h.nomor for h in cetakan.halaman if h.baris and h.baris[0].teks.strip() == judul] or [1]


# ---------------------------------------------------------------------------------------------
# The checks


def ukuran_kertas(c: Cetakan, kertas: str = "F4") -> list[str]:
    """a. Every page has the paper size set (portrait or landscape), within 1 pt."""
    short, long = (v * PT_PER_MM for v in KERTAS[kertas])
    return [
        c.temuan(h.nomor, f"ukuran {h.lebar:.1f} × {h.tinggi:.1f} pt, bukan {kertas}")
        for h in c.halaman
        if abs(min(h.lebar, h.tinggi) - short) > 1 or abs(max(h.lebar, h.tinggi) - long) > 1
    ]


def nomor_halaman(c: Cetakan) -> list[str]:
    """b. Every page past a document's first carries a page number in its top or bottom band
    (``N``, ``- N -``, roman), and the numbers run on: roman front matter increasing, then
    arabic from 1 increasing by 1; or arabic equal to the physical page."""
    found = []
    starts = sorted(set(c.awal) | {1})
    ends = [*starts[1:], len(c.halaman) + 1]
    for start, end in zip(starts, ends, strict=True):
        prev: tuple[str, int] | None = None
        for k, h in enumerate(c.halaman[start - 1 : end - 1], 1):
            cands = h.nomor_tercetak()
            if not cands:
                if k > 1:
                    found.append(c.temuan(h.nomor, "tanpa nomor halaman"))
                prev = None
                continue
            if prev is not None:
                expected = [(prev[0], prev[1] + 1)] + ([("arab", 1)] if prev[0] == "romawi" else [])
            else:
                # after unnumbered pages (each already a finding) arabic may start at 1
                expected = [("arab", k), ("arab", 1)]
                expected += [cand for cand in cands if cand[0] == "romawi"]
            chosen = next((cand for cand in cands if cand in expected), None)
            if chosen is None:
                tercetak = ", ".join(f"{v}" for _, v in cands)
                harap = " atau ".join(f"{v}" for _, v in expected)
                found.append(c.temuan(h.nomor, f"nomor halaman {tercetak}, seharusnya {harap}"))
                chosen = cands[0]
            prev = chosen
    return found


def halaman_kosong(c: Cetakan) -> list[str]:
    """c. No page is blank: each has text besides its page number, or a picture."""
    return [
        c.temuan(h.nomor, "halaman kosong") for h in c.halaman if not h.baris_isi() and not h.gambar
    ]


def _kosakata_ttd(c: Cetakan) -> set[str]:
    return {k for blok in c.naskah.tanda_tangan for b in blok.baris for k in kata(b)}


def tanda_tangan_sendirian(c: Cetakan) -> list[str]:
    """d. No page holds only (part of) a signature block: title, name, pangkat, NIP, place and
    date lines, and nothing else (the page number aside)."""
    vocab = _kosakata_ttd(c)
    found = []
    for h in c.halaman:
        lines = h.baris_isi()
        if lines and vocab and all(set(kata(b.teks)) <= vocab for b in lines):
            isi = " / ".join(b.teks for b in lines)
            found.append(c.temuan(h.nomor, f"hanya blok tanda tangan: {isi[:120]}"))
    return found


def tanda_tangan_utuh(c: Cetakan) -> list[str]:
    """g. Every signature block is whole on the page that holds its NIP: title, name, pangkat and
    the place/date lines (``Ditetapkan di`` … ``pada tanggal`` …, or ``<tempat>, <tanggal>``)."""
    found = []
    by_nip: dict[str, list[TandaTangan]] = {}
    for blok in c.naskah.tanda_tangan:
        by_nip.setdefault(blok.nip, []).append(blok)
    for nip, blocks in by_nip.items():
        pages = [h for h in c.halaman for k in h.kata if k == nip]
        if len(pages) != len(blocks):
            found.append(c.temuan(None, f"NIP {nip}: {len(blocks)} blok, {len(pages)} di PDF"))
        for blok, h in zip(blocks, pages, strict=False):
            on_page = set(h.kata)
            missing = [b for b in blok.baris if not set(kata(b)) <= on_page]
            if missing:
                found.append(
                    c.temuan(h.nomor, f"blok tanda tangan terpisah dari: {' / '.join(missing)}")
                )
    return found


def patahan(c: Cetakan, targets: set[str]) -> dict[str, set[int]]:
    """Words of ``targets`` printed broken: pieces on consecutive lines of the same column
    that make the word ("Satu" over "an"; "80,9" over "4"). Word → pages."""
    found: dict[str, set[int]] = {}
    prefixes = {w[:i] for w in targets for i in range(1, len(w))}
    for h in c.halaman:
        ends, starts = _ujung_baris(h.kotak)
        boxes = sorted(h.kotak, key=lambda b: b[3])
        for i, (text, x0, x1, top, bottom) in enumerate(boxes):
            if text not in prefixes or boxes[i] not in ends:
                continue
            chain = [(text, x0, x1, top)]
            while chain:
                so_far, cx0, cx1, ctop = chain.pop()
                for nxt in boxes[i + 1 :]:
                    if nxt[3] > ctop + (bottom - top) * 1.5:  # the next line only
                        break
                    if nxt[3] < ctop + (bottom - top) * 0.5 or nxt[2] < cx0 - 6 or nxt[1] > cx1 + 6:
                        continue
                    if nxt not in starts:
                        continue
                    whole = so_far + nxt[0]
                    if whole.rstrip(_PUNCT) in targets:
                        found.setdefault(whole.rstrip(_PUNCT), set()).add(h.nomor)
                    elif whole in prefixes and nxt in ends:
                        chain.append((whole, nxt[1], nxt[2], nxt[3]))
    return found


def _ujung_baris(boxes: list[Kotak]) -> tuple[set[Kotak], set[Kotak]]:
    """Words that end a line of their cell and words that begin one: the gap to the neighbour on
    the same line is wider than 6 pt, unless it is a justified line's space (the same gap on both
    sides, under 10 pt; between cells there is more)."""
    lines: dict[int, list[Kotak]] = {}
    for b in boxes:
        lines.setdefault(round(b[4] / 2), []).append(b)
    ends, starts = set(), set()
    for line in lines.values():
        line.sort(key=lambda b: b[1])
        gaps = [b[1] - a[2] for a, b in itertools.pairwise(line)]
        before = [float("inf"), *gaps]  # gap before word i
        after = [*gaps, float("inf")]
        for i, word in enumerate(line):
            spread = abs(after[i] - before[i]) <= 0.5 and after[i] < 10  # justified text
            if after[i] > 6 and not spread:
                ends.add(word)
            if before[i] > 6 and not spread:
                starts.add(word)
    return ends, starts


def kata_terpotong(c: Cetakan) -> list[str]:
    """e. No table header word and no number of a table is broken across lines: each is printed
    whole as often as the document holds it, and no two pieces on consecutive lines of one column
    make it (a fragment like "Satu" over "an")."""
    printed = Counter(k for h in c.halaman for k in h.kata)
    targets = dict.fromkeys(c.naskah.kepala_tabel + c.naskah.angka_tabel)
    broken = patahan(c, set(targets))
    found = []
    for w in targets:
        if w in broken or printed[w] < c.naskah.hitung[w]:
            pages = ", ".join(map(str, sorted(broken.get(w, ())))) or "?"
            found.append(
                c.temuan(
                    None,
                    f"'{w}' terpotong (hlm {pages}; utuh {printed[w]}× di PDF,"
                    f" {c.naskah.hitung[w]}× di docx)",
                )
            )
    return found


def baris_terbelah(c: Cetakan) -> list[str]:
    """f. No table row is split across pages: the words (≥ 4 letters) of each row are all on one
    page, rows in order; a row of more than :data:`BARIS_MAKS` lines is exempt."""
    page_words = [set(h.kata) for h in c.halaman]
    printed = Counter(k for h in c.halaman for k in h.kata)
    row_words = {w for words, _ in c.naskah.baris_tabel for w in words if len(w) >= 4}
    broken = {w for w, n in c.naskah.hitung.items() if printed[w] < n}  # found by check e
    broken |= set(patahan(c, row_words))  # a word broken inside its cell: check e's kind
    found = []
    prev = 0
    for words, lines in c.naskah.baris_tabel:
        need = {w for w in words if w.isalpha() and len(w) >= 4 and w not in broken}
        if not need:
            continue
        whole = [i for i in range(prev, len(page_words)) if need <= page_words[i]]
        if whole:
            prev = whole[0]
            continue
        if lines > BARIS_MAKS:
            continue
        pages = [i for i in range(prev, len(page_words)) if need & page_words[i]]
        if not pages:
            found.append(c.temuan(None, f"baris tabel tidak ditemukan: {' '.join(words[:8])}"))
            continue
        first = pages[0]
        spread = [
            i + 1 for i in range(first, min(first + 3, len(page_words))) if need & page_words[i]
        ]
        found.append(
            c.temuan(
                first + 1,
                f"baris tabel terbelah (hlm {', '.join(map(str, spread))}): {' '.join(words[:8])}",
            )
        )
        prev = first
    return found


def dalam_margin(c: Cetakan, toleransi: float = 2) -> list[str]:
    """h. Text stays inside the margins: each word's x between the left and right margin of its
    page's section (by orientation), within ``toleransi`` pt; none within 0.5 cm of the top or
    bottom edge."""
    found = []
    for h in c.halaman:
        mendatar = h.lebar > h.tinggi
        sections = [b for b in c.naskah.bagian if b.mendatar == mendatar] or c.naskah.bagian
        left = min(b.kiri for b in sections) - toleransi
        right = h.lebar - min(b.kanan for b in sections) + toleransi
        out = [
            w
            for w in h.kotak
            if w[1] < left or w[2] > right or w[3] < TEPI or w[4] > h.tinggi - TEPI
        ]
        if out:
            text, x0, x1, top, _ = out[0]
            found.append(
                c.temuan(
                    h.nomor,
                    f"{len(out)} kata di luar margin (mis. '{text}' x {x0:.0f}–{x1:.0f}, "
                    f"y {top:.0f}; batas x {left:.0f}–{right:.0f})",
                )
            )
    return found


PEMERIKSAAN = {
    "a-ukuran-kertas": ukuran_kertas,
    "b-nomor-halaman": nomor_halaman,
    "c-halaman-kosong": halaman_kosong,
    "d-tanda-tangan-sendirian": tanda_tangan_sendirian,
    "e-kata-terpotong": kata_terpotong,
    "f-baris-terbelah": baris_terbelah,
    "g-tanda-tangan-utuh": tanda_tangan_utuh,
    "h-dalam-margin": dalam_margin,
}


def periksa(cetakan: Iterable[Cetakan]) -> dict[str, list[str]]:
    """Every check over every document: findings per check."""
    docs = list(cetakan)
    return {name: [f for c in docs for f in check(c)] for name, check in PEMERIKSAAN.items()}
