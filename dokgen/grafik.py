"""Charts of the Laporan Kinerja: capaian per indicator and serapan per program, as PNG bytes.

matplotlib is imported when a chart is drawn (``dokgen check`` and ``--help`` never load it).
The bytes are deterministic: matplotlib's own defaults (no matplotlibrc of the machine), the
DejaVu Sans that ships with it, a fixed size and resolution, no metadata — two builds give the
same picture, and so the same .docx. Numbers are written the Indonesian way (:mod:`format`).

Each function takes plain tuples (cached: a build that asks twice draws once) and returns
None when there is nothing to draw.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from dokgen.format import angka

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

LEBAR_CM = 15.5
"""Printed width of a chart: inside the text width of an F4 or A4 page with dokgen's margins."""
DPI = 200
HURUF_PT = 9.0
CM = 1 / 2.54

GELAP = "#1F4E79"
"""At or above the target / realisasi: dark, to stay apart from the light bars in grey print."""
TERANG = "#9DC3E6"
"""Below the target / pagu."""
GARIS = "#C00000"


BarisCapaian = tuple[str, float | None, str, bool]
"""One indicator: its name, capaian in percent (None: not measured or no target), the printed
value ('74,68%', 'belum diukur') and whether it reached the target."""

BarisSerapan = tuple[str, int, int | None, str]
"""One program: its name, pagu, realisasi (None: nothing spent yet) and the printed serapan."""

_RC = {
    "font.family": "DejaVu Sans",
    "font.size": HURUF_PT,
    "axes.titlesize": HURUF_PT,
    "axes.labelsize": HURUF_PT,
    "xtick.labelsize": HURUF_PT,
    "ytick.labelsize": HURUF_PT,
    "legend.fontsize": HURUF_PT,
    "axes.unicode_minus": False,
    "text.parse_math": False,  # a name with two "$" is text, not a formula
    "svg.hashsalt": "dokgen",
}


def _label(teks: str, lebar: int = 34, baris: int = 3) -> str:
    """A long name wrapped on ``lebar`` characters, at most ``baris`` lines (then '…')."""
    lines = textwrap.wrap(" ".join(teks.split()), lebar) or [""]
    if len(lines) > baris:
        lines = [
            *lines[: baris - 1],
            textwrap.shorten(" ".join(lines[baris - 1 :]), lebar, placeholder=" …"),
        ]
    return "\n".join(lines)


def _baris(label: str) -> int:
    return label.count("\n") + 1


def _png(
    tinggi_cm: float,
    draw: Callable[[Figure], None],
    lebar_cm: float = LEBAR_CM,
    layout: Literal["constrained"] | None = "constrained",
) -> bytes:
    """A figure of ``lebar_cm`` × ``tinggi_cm`` drawn by ``draw``, as PNG bytes that depend
    on nothing but what is drawn (matplotlib's defaults, not the machine's matplotlibrc)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        # rcParams' keys are typed as literals
        matplotlib.rcParams.update(_RC)  # type: ignore[arg-type]
        figure = Figure(figsize=(lebar_cm * CM, tinggi_cm * CM), dpi=DPI, layout=layout)
        FigureCanvasAgg(figure)
        draw(figure)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def gambar_png(lebar_cm: float, tinggi_cm: float, draw: Callable[[Figure], None]) -> bytes:
    """A picture of ``lebar_cm`` × ``tinggi_cm`` that ``draw`` lays out itself (no automatic
    layout), as deterministic PNG bytes: the pohon kinerja (:mod:`dokgen.pohon`)."""
    return _png(tinggi_cm, draw, lebar_cm, None)


def tinggi(labels: list[str], per_baris: float, minimum: float) -> float:
    """Height in cm of a chart with one group of bars per label: its lines, the axis, the legend."""
    return round(2.6 + sum(max(_baris(label) * per_baris, minimum) + 0.3 for label in labels), 2)


_LATAR = {"facecolor": "white", "edgecolor": "none", "pad": 1.0}
"""Behind a value printed at a bar's end: the 100 % line does not cross it."""


TINGGI_MAKS_CM = 24.0
"""The tallest chart: with its caption it stays on one F4 or A4 page."""


def _tata(names: list[str], minimum: float) -> tuple[list[str], float]:
    """The labels of a chart's groups of bars and its height in cm: names wrapped on up to three
    lines; on one line (shortened) when that would make the chart taller than
    :data:`TINGGI_MAKS_CM`; the bars thinner still when there are very many."""
    labels = [_label(nama) for nama in names]
    height = tinggi(labels, 0.45, minimum)
    if height <= TINGGI_MAKS_CM:
        return labels, height
    labels = [_label(nama, 48, 1) for nama in names]
    height = tinggi(labels, 0.45, minimum)
    if height <= TINGGI_MAKS_CM:
        return labels, height
    return labels, TINGGI_MAKS_CM


def _rapikan(ax: Axes) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(axis="x", color="#D9D9D9", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)


def capaian(baris: tuple[BarisCapaian, ...]) -> tuple[bytes, float] | None:
    """Capaian per indicator: a bar each, dark at or above the target and light below it, the
    100 % line, the value at the bar's end. The PNG and its height in cm; None when no
    indicator has a capaian."""
    values = [v for _, v, _, _ in baris if v is not None]
    if not values:
        return None
    labels, height = _tata([nama for nama, _, _, _ in baris], 0.6)
    top = max(110.0, min(max(values), 250.0)) * 1.2
    bottom = max(min(0.0, *values), -250.0) * 1.2  # a bar past the axis ends at its edge

    def draw(figure: Figure) -> None:
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
        from matplotlib.ticker import FuncFormatter

        ax = figure.add_subplot()
        ys = list(range(len(baris)))
        for y, (_, value, teks, tercapai) in zip(ys, baris, strict=True):
            if value is None:
                ax.text(top * 0.01, y, teks, va="center", style="italic", color="#595959")
                continue
            shown = min(max(value, bottom), top / 1.2)
            ax.barh(y, shown, height=0.6, color=GELAP if tercapai else TERANG, edgecolor=GELAP)
            ax.text(max(shown, 0) + top * 0.01, y, teks, va="center", bbox=_LATAR)
        ax.axvline(100, color=GARIS, linestyle="--", linewidth=1)
        ax.set_yticks(ys, labels)
        ax.set_ylim(len(baris) - 0.5, -0.5)
        ax.set_xlim(bottom, top)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: angka(x, 0)))
        ax.set_xlabel("Capaian (%)")
        _rapikan(ax)
        drawn = [tercapai for _, value, _, tercapai in baris if value is not None]
        handles = [
            *([Patch(facecolor=GELAP, edgecolor=GELAP, label="Mencapai target")] * any(drawn)),
            *(
                [Patch(facecolor=TERANG, edgecolor=GELAP, label="Belum mencapai target")]
                * (not all(drawn))
            ),
            Line2D([], [], color=GARIS, linestyle="--", linewidth=1, label="Target (100%)"),
        ]
        figure.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False)

    return _png(height, draw), height


def _satuan(terbesar: int) -> tuple[float, str, int]:
    """The unit money is drawn in: divisor, its name, decimals of the labels."""
    if terbesar >= 1_000_000_000:
        return 1e9, "miliar", 2
    if terbesar >= 100_000_000:
        return 1e6, "juta", 0
    if terbesar >= 1_000_000:
        return 1e6, "juta", 1
    return 1.0, "", 0


def serapan(baris: tuple[BarisSerapan, ...]) -> tuple[bytes, float] | None:
    """Pagu against realisasi per program, the serapan at the realisasi's bar. The PNG and its
    height in cm; None when no program has a pagu or nothing was spent yet."""
    if not any(pagu for _, pagu, _, _ in baris) or all(r is None for _, _, r, _ in baris):
        return None
    labels, height = _tata([nama for nama, _, _, _ in baris], 0.9)
    terbesar = max(max(pagu, realisasi or 0) for _, pagu, realisasi, _ in baris)
    bagi, satuan, desimal = _satuan(terbesar)
    top = terbesar / bagi * 1.45

    def draw(figure: Figure) -> None:
        from matplotlib.patches import Patch
        from matplotlib.ticker import FuncFormatter

        ax = figure.add_subplot()
        ys = list(range(len(baris)))
        for y, (_, pagu, realisasi, teks) in zip(ys, baris, strict=True):
            ax.barh(y - 0.19, pagu / bagi, height=0.36, color=TERANG, edgecolor=GELAP)
            ax.text(pagu / bagi + top * 0.01, y - 0.19, angka(pagu / bagi, desimal), va="center")
            if realisasi is None:
                ax.text(
                    top * 0.01,
                    y + 0.19,
                    "belum ada realisasi",
                    va="center",
                    style="italic",
                    color="#595959",
                )
                continue
            ax.barh(y + 0.19, realisasi / bagi, height=0.36, color=GELAP, edgecolor=GELAP)
            ax.text(
                realisasi / bagi + top * 0.01,
                y + 0.19,
                f"{angka(realisasi / bagi, desimal)} ({teks}%)",
                va="center",
            )
        ax.set_yticks(ys, labels)
        ax.set_ylim(len(baris) - 0.5, -0.5)
        ax.set_xlim(0, top)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: angka(x, desimal)))
        ax.set_xlabel(f"Rupiah ({satuan})" if satuan else "Rupiah")
        _rapikan(ax)
        handles = [
            Patch(facecolor=TERANG, edgecolor=GELAP, label="Pagu"),
            Patch(facecolor=GELAP, edgecolor=GELAP, label="Realisasi (serapan %)"),
        ]
        figure.legend(handles=handles, loc="outside lower center", ncols=2, frameon=False)

    return _png(height, draw), height
