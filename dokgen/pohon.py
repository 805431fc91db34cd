"""Pohon kinerja: trees of boxes drawn left → right, one PNG per printed page.

A tree is built of :class:`Simpul` (frozen: its ``repr`` names the whole tree, the key under
which its pages are kept in the cache). The layout
is layered: every node has its column (Tujuan, Sasaran, IKU, Program, Kegiatan — or the depth
of a jabatan), leaves are stacked top → bottom and a parent is centred on its children. The
text has one size, readable on paper (:data:`HURUF_PT`): a tree taller than a page is never
shrunk but split between leaves — whole subtrees when they fit a page — and the next page
repeats the ancestors marked "(lanjutan)"; a page that is continued says so at its foot.

The pictures are drawn with matplotlib through :mod:`dokgen.grafik` (lazy import, Agg,
deterministic bytes). Each page also gives its labels as text: the picture's alt text, so the
tree's words are in the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dokgen import grafik

if TYPE_CHECKING:
    from matplotlib.figure import Figure

HURUF_PT = 8.0
"""Size of every label at print size."""
BARIS_CM = HURUF_PT * 1.25 / 72 * 2.54
"""Distance between two lines of a label."""
PAD_CM = 0.12
"""Space inside a box around its text."""
CELAH_KOLOM_CM = 0.7
"""Space between two columns, where the connectors run."""
CELAH_CM = 0.2
"""Space between two stacked boxes."""
KEPALA_CM = 0.65
"""The band with the column titles at the top of every page."""
KAKI_CM = 0.55
"""The band at the foot of every page: the page of the tree and the continuation mark."""
BARIS_MAKS = 40
"""Longest label in lines: a box never grows past a page (the rest is cut with '…')."""
ISI_MIN = 0.6
"""A page ends before a whole subtree only when it is at least this full."""
TEPI_CM = 0.05
"""Blank edge around the drawing (a line on the picture's edge may be lost when printed)."""
LANJUTAN = "(lanjutan)"
BERSAMBUNG = "bersambung ke halaman berikut ▸"

GARIS = "#404040"
"""Connectors and box edges."""
WARNA = ("#DEEBF7", "#E2F0D9", "#FFF2CC", "#FBE5D6", "#EDEDED", "#E4DFEC")
"""Fill of the boxes of each column (light: the text stays black, grey print stays readable)."""


@dataclass(frozen=True)
class Simpul:
    """A box of the tree: a bold first line (kind and kode), the full text, an italic note
    (another IKU a program also serves …), the column it is drawn in and its children."""

    judul: str
    uraian: str
    kolom: int
    anak: tuple[Simpul, ...] = ()
    catatan: tuple[str, ...] = ()

    def label(self) -> str:
        """Everything the box says, on one line."""
        return " ".join(" ".join((self.judul, self.uraian, *self.catatan)).split())


@dataclass(frozen=True)
class Halaman:
    """One page of a tree: the PNG, its printed size and the labels of its boxes (alt text)."""

    png: bytes
    lebar_cm: float
    tinggi_cm: float
    keterangan: str


# --- text ---------------------------------------------------------------------------------


class _Ukur:
    """Widths of text in cm at :data:`HURUF_PT`, as Agg draws it."""

    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import RendererAgg
        from matplotlib.font_manager import FontProperties

        self._renderer = RendererAgg(10, 10, grafik.DPI)  # type: ignore[no-untyped-call]
        self._props = {
            gaya: FontProperties(
                family="DejaVu Sans",
                size=HURUF_PT,
                weight="bold" if gaya == "b" else "normal",
                style="italic" if gaya == "i" else "normal",
            )
            for gaya in ("n", "b", "i")
        }
        self._cache: dict[tuple[str, str], float] = {}

    def lebar(self, teks: str, gaya: str) -> float:
        key = (teks, gaya)
        if key not in self._cache:
            measure = self._renderer.get_text_width_height_descent
            px = measure(teks, self._props[gaya], ismath=False)[0]  # type: ignore[no-untyped-call]
            self._cache[key] = px / grafik.DPI * 2.54
        return self._cache[key]

    def bungkus(self, teks: str, lebar_cm: float, gaya: str) -> list[str]:
        """``teks`` wrapped on ``lebar_cm`` (a word longer than a line is cut)."""
        lines: list[str] = []
        line = ""
        for word in teks.split():
            while self.lebar(word, gaya) > lebar_cm and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and self.lebar(word[:cut], gaya) > lebar_cm:
                    cut -= 1
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:cut])
                word = word[cut:]
            candidate = f"{line} {word}" if line else word
            if self.lebar(candidate, gaya) <= lebar_cm:
                line = candidate
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
        return lines


Baris = tuple[str, str]
"""One line of a box: its text and its style ('b' bold, 'n' normal, 'i' italic)."""


def _baris(simpul: Simpul, lanjutan: bool, lebar_cm: float, ukur: _Ukur) -> list[Baris]:
    text = lebar_cm - 2 * PAD_CM
    judul = f"{simpul.judul} {LANJUTAN}" if lanjutan else simpul.judul
    lines = [(t, "b") for t in ukur.bungkus(judul, text, "b")]
    for paragraph in simpul.uraian.split("\n"):
        lines += [(t, "n") for t in ukur.bungkus(paragraph, text, "n")]
    for note in simpul.catatan:
        lines += [(t, "i") for t in ukur.bungkus(note, text, "i")]
    if len(lines) > BARIS_MAKS:
        lines = [*lines[: BARIS_MAKS - 1], ("…", "n")]
    return lines


# --- layout -------------------------------------------------------------------------------


@dataclass
class _Kotak:
    """A box placed on a page (cm from the top left of the tree's area)."""

    simpul: Simpul
    baris: list[Baris]
    x: float
    y: float
    tinggi: float
    lanjutan: bool = False
    induk: _Kotak | None = None
    anak: list[_Kotak] = field(default_factory=list)


@dataclass
class _Cabang:
    """A node of one page: the node, whether it began on an earlier page, its children."""

    simpul: Simpul
    lanjutan: bool
    anak: list[_Cabang] = field(default_factory=list)


def _daun(akar: tuple[Simpul, ...]) -> list[tuple[Simpul, ...]]:
    """The path from a root to every leaf, in order."""
    paths: list[tuple[Simpul, ...]] = []

    def walk(node: Simpul, path: tuple[Simpul, ...]) -> None:
        path = (*path, node)
        if not node.anak:
            paths.append(path)
        for child in node.anak:
            walk(child, path)

    for root in akar:
        walk(root, ())
    return paths


class _Tata:
    """Heights of boxes and subtrees, for pages of a given size."""

    def __init__(self, kolom: int, lebar_cm: float, tinggi_cm: float) -> None:
        self.kolom = kolom
        self.lebar_kotak = (lebar_cm - 2 * TEPI_CM - CELAH_KOLOM_CM * (kolom - 1)) / kolom
        self.tinggi_area = tinggi_cm - KEPALA_CM - KAKI_CM
        self.ukur = _Ukur()
        self._tinggi: dict[tuple[int, bool], tuple[list[Baris], float]] = {}

    def kotak(self, simpul: Simpul, lanjutan: bool) -> tuple[list[Baris], float]:
        key = (id(simpul), lanjutan)
        if key not in self._tinggi:
            lines = _baris(simpul, lanjutan, self.lebar_kotak, self.ukur)
            self._tinggi[key] = lines, len(lines) * BARIS_CM + 2 * PAD_CM
        return self._tinggi[key]

    def rentang(self, cabang: _Cabang) -> float:
        """Height a page's subtree takes: its children stacked, or its own box if taller."""
        own = self.kotak(cabang.simpul, cabang.lanjutan)[1]
        if not cabang.anak:
            return own
        children = sum(self.rentang(c) for c in cabang.anak) + CELAH_CM * (len(cabang.anak) - 1)
        return max(own, children)

    def tinggi(self, cabang: list[_Cabang]) -> float:
        return sum(self.rentang(c) for c in cabang) + CELAH_CM * (len(cabang) - 1)


def _cabang(paths: list[tuple[Simpul, ...]], mulai: set[int]) -> list[_Cabang]:
    """The forest of ``paths`` (consecutive leaves); a node whose id is in ``mulai`` began on
    an earlier page."""
    roots: list[_Cabang] = []
    for path in paths:
        level = roots
        for node in path:
            if level and level[-1].simpul is node:
                branch = level[-1]
            else:
                branch = _Cabang(node, id(node) in mulai)
                level.append(branch)
            level = branch.anak
    return roots


def bagi_halaman(
    akar: tuple[Simpul, ...], tata: _Tata, sisa_cm: float = 0.0
) -> list[tuple[list[_Cabang], bool]]:
    """The pages of the tree: each a forest of the leaves it holds (ancestors repeated), and
    whether the tree goes on after it. A page ends before the whole subtree that would not fit
    it, when that subtree fits a page of its own; otherwise between two leaves. The last page
    leaves ``sisa_cm`` free under the tree (a signature)."""
    paths = _daun(akar)
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i, path in enumerate(paths):
        for node in path:
            first.setdefault(id(node), i)
            last[id(node)] = i
    pages: list[tuple[int, int]] = []
    start = 0
    i = 0
    while i < len(paths):
        forest = _cabang(paths[start : i + 1], _dimulai(paths, start, first))
        if i == start or tata.tinggi(forest) <= tata.tinggi_area:
            i += 1
            continue
        cut = i
        for node in paths[i]:  # shallowest first: the largest subtree that fits a page
            j = first[id(node)]
            if j <= start:
                continue
            kept = _cabang(paths[start:j], _dimulai(paths, start, first))
            if tata.tinggi(kept) < ISI_MIN * tata.tinggi_area:
                continue  # the page would stay too empty: split the subtree instead
            alone = _cabang(paths[j : last[id(node)] + 1], _dimulai(paths, j, first))
            if tata.tinggi(alone) <= tata.tinggi_area:
                cut = j
                break
        pages.append((start, cut))
        start = i = cut
    if paths:
        pages.append((start, len(paths)))
        start, end = pages[-1]
        room = tata.tinggi_area - sisa_cm
        height = tata.tinggi(_cabang(paths[start:end], _dimulai(paths, start, first)))
        if height > room:  # what stands under the tree goes on the last page with it
            for j in range(start + 1, end):
                tail = _cabang(paths[j:end], _dimulai(paths, j, first))
                if tata.tinggi(tail) <= room:
                    pages[-1:] = [(start, j), (j, end)]
                    break
    return [(_cabang(paths[a:b], _dimulai(paths, a, first)), b < len(paths)) for a, b in pages]


def _dimulai(paths: list[tuple[Simpul, ...]], start: int, first: dict[int, int]) -> set[int]:
    """Ids of the ancestors of leaf ``start`` that began on an earlier page."""
    if start >= len(paths):
        return set()
    return {id(node) for node in paths[start] if first[id(node)] < start}


def _letak(tata: _Tata, forest: list[_Cabang]) -> list[_Kotak]:
    """Every box of a page placed: leaves stacked, a parent centred on its children."""
    boxes: list[_Kotak] = []

    def place(branch: _Cabang, top: float, parent: _Kotak | None) -> float:
        lines, height = tata.kotak(branch.simpul, branch.lanjutan)
        span = tata.rentang(branch)
        x = TEPI_CM + branch.simpul.kolom * (tata.lebar_kotak + CELAH_KOLOM_CM)
        box = _Kotak(branch.simpul, lines, x, top, height, branch.lanjutan, parent)
        boxes.append(box)
        if parent:
            parent.anak.append(box)
        if branch.anak:
            children = sum(tata.rentang(c) for c in branch.anak)
            children += CELAH_CM * (len(branch.anak) - 1)
            y = top + (span - children) / 2
            for child in branch.anak:
                y += place(child, y, box) + CELAH_CM
            centre = (box.anak[0].y + box.anak[0].tinggi / 2) / 2 + (
                box.anak[-1].y + box.anak[-1].tinggi / 2
            ) / 2
            box.y = min(max(centre - height / 2, top), top + span - height)
        else:
            box.y = top + (span - height) / 2
        return span

    y = 0.0
    for branch in forest:
        y += place(branch, y, None) + CELAH_CM
    return boxes


# --- drawing ------------------------------------------------------------------------------


def _gambar(
    figure: Figure,
    tata: _Tata,
    boxes: list[_Kotak],
    judul_kolom: tuple[str, ...],
    lebar_cm: float,
    tinggi_cm: float,
    kaki: str,
    bersambung: bool,
) -> None:
    from matplotlib.patches import Rectangle

    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, lebar_cm)
    ax.set_ylim(tinggi_cm, 0)
    ax.set_axis_off()
    for k, title in enumerate(judul_kolom):
        x = TEPI_CM + k * (tata.lebar_kotak + CELAH_KOLOM_CM)
        ax.add_patch(
            Rectangle((x, 0.05), tata.lebar_kotak, KEPALA_CM - 0.2, facecolor=grafik.GELAP)
        )
        ax.text(
            x + tata.lebar_kotak / 2,
            0.05 + (KEPALA_CM - 0.2) / 2,
            title,
            ha="center",
            va="center",
            color="white",
            weight="bold",
            fontsize=HURUF_PT,
        )
    top = KEPALA_CM
    for box in boxes:
        y = top + box.y
        colour = WARNA[box.simpul.kolom % len(WARNA)]
        ax.add_patch(
            Rectangle(
                (box.x, y),
                tata.lebar_kotak,
                box.tinggi,
                facecolor=colour,
                edgecolor="#404040",
                linewidth=0.6,
            )
        )
        for n, (teks, gaya) in enumerate(box.baris):
            ax.text(
                box.x + PAD_CM,
                y + PAD_CM + (n + 0.5) * BARIS_CM,
                teks,
                va="center_baseline",
                fontsize=HURUF_PT,
                weight="bold" if gaya == "b" else "normal",
                style="italic" if gaya == "i" else "normal",
            )
        if box.anak:
            right = box.x + tata.lebar_kotak
            mid = y + box.tinggi / 2
            elbow = right + CELAH_KOLOM_CM / 2
            ends = [top + c.y + c.tinggi / 2 for c in box.anak]
            ax.plot([right, elbow], [mid, mid], color=GARIS, linewidth=0.7)
            ax.plot([elbow, elbow], [min(mid, *ends), max(mid, *ends)], color=GARIS, linewidth=0.7)
            for child, end in zip(box.anak, ends, strict=True):
                ax.plot([elbow, child.x], [end, end], color=GARIS, linewidth=0.7)
    ax.text(TEPI_CM, tinggi_cm - 0.15, kaki, fontsize=HURUF_PT, color="#404040", va="bottom")
    if bersambung:
        ax.text(
            lebar_cm - TEPI_CM,
            tinggi_cm - 0.15,
            BERSAMBUNG,
            ha="right",
            va="bottom",
            fontsize=HURUF_PT,
            weight="bold",
        )


def halaman(
    akar: tuple[Simpul, ...],
    judul_kolom: tuple[str, ...],
    lebar_cm: float,
    tinggi_cm: float,
    judul: str,
    sisa_cm: float = 0.0,
) -> tuple[Halaman, ...]:
    """The pages of the tree with roots ``akar`` drawn at ``lebar_cm`` × ``tinggi_cm`` (the
    page's text area less its caption; the last page is only as tall as it needs),
    the columns titled ``judul_kolom``; ``judul`` names the tree at the foot of each page
    ('Pohon Kinerja Renstra, halaman 1 dari 3'); the last page leaves ``sisa_cm`` of the page
    free for what follows the tree."""
    if not akar:
        return ()
    tata = _Tata(len(judul_kolom), lebar_cm, tinggi_cm)
    pages = bagi_halaman(akar, tata, sisa_cm)
    result = []
    for number, (forest, more) in enumerate(pages, start=1):
        boxes = _letak(tata, forest)
        tinggi = tinggi_cm
        if not more:  # the last page is as tall as its boxes: text may stand below it
            tinggi = min(tinggi_cm, round(KEPALA_CM + tata.tinggi(forest) + KAKI_CM + 0.1, 2))
        kaki = f"{judul}, halaman {number} dari {len(pages)}" if len(pages) > 1 else judul

        def draw(
            figure: Figure,
            boxes: list[_Kotak] = boxes,
            kaki: str = kaki,
            more: bool = more,
            tinggi: float = tinggi,
        ) -> None:
            _gambar(figure, tata, boxes, judul_kolom, lebar_cm, tinggi, kaki, more)

        png = grafik.gambar_png(lebar_cm, tinggi, draw)
        labels = "\n".join(_label(box) for box in boxes)
        result.append(Halaman(png, lebar_cm, tinggi, labels))
    return tuple(result)


def _label(box: _Kotak) -> str:
    """A box's full text (never cut) for the alt text."""
    label = box.simpul.label()
    return f"{label} {LANJUTAN}" if box.lanjutan else label


def semua(akar: tuple[Simpul, ...]) -> Iterator[Simpul]:
    """Every node of the trees, parents before children."""
    for root in akar:
        yield root
        yield from semua(root.anak)
