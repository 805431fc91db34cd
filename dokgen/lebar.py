"""Column widths that never break a word: every table is fitted after it is rendered.

For each grid column the widest unbreakable token (a word or a number, in header and body rows)
is measured with the font's advance widths, at the run's size and weight, plus the cell's
margins and the paragraph's indents; a column narrower than that takes width from columns with
slack, the table's total width staying the same (grid and every ``tcW`` agree; a cell spanning
columns counts across them). When the minimums cannot all fit, the table keeps the template's
widths. Cells with vertical text keep their width; floating tables and tables sized in percent
are left alone.

The advance widths are data (per 1000 em) of Liberation Sans and Liberation Serif, regular and
bold — metric-compatible with Arial and Times New Roman — so no font file is read when a
document is rendered (clerks run Windows). Text is wrapped only at spaces, and after a hyphen
between letters (where Word and LibreOffice both may break).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

__all__ = ["Metrik", "muat_semua", "paskan_kolom"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

_KARAKTER = (
    "".join(map(chr, range(32, 127)))
    + "".join(map(chr, range(160, 256)))
    + "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2022"
    + "\xd7\xf7\xb1\u2264\u2265\u2030\u20ac\u2192\u2190\u221a\u2211\xb2\xb3\xb0\xb7"
)
"""The characters measured, in the order of every row of :data:`_ADVANCE`: ASCII, Latin-1,
and the typographic signs dokgen prints (dashes, quotes, ellipsis, bullet, maths)."""

_ADVANCE = {
    "sans": """
278 278 355 557 557 890 667 191 334 334 390 584 278 334 278 278 557 557 557 557 557 557
557 557 557 557 278 278 584 584 584 557 1016 667 667 723 723 667 611 778 723 278 500 667
557 834 723 778 667 778 723 667 611 723 667 944 667 667 611 278 278 278 470 557 334 557
557 500 557 557 278 557 557 223 223 500 223 834 557 557 557 557 334 500 278 557 500 723
500 500 500 334 260 334 584 278 334 557 557 557 557 260 557 334 737 371 557 584 334 737
553 400 549 334 334 334 577 538 278 334 334 366 557 834 834 834 611 667 667 667 667 667
667 1000 723 667 667 667 667 278 278 278 278 723 723 778 778 778 778 778 584 778 723 723
723 723 667 667 611 557 557 557 557 557 557 890 500 557 557 557 557 278 278 278 278 557
557 557 557 557 557 557 549 611 557 557 557 557 500 557 500 557 1000 223 223 223 334 334
334 1000 351 584 549 549 549 549 1000 557 1000 1000 549 713 334 334 400 278
""",
    "sans_b": """
278 334 475 557 557 890 723 238 334 334 390 584 278 334 278 278 557 557 557 557 557 557
557 557 557 557 334 334 584 584 584 611 976 723 723 723 723 667 611 778 723 278 557 723
611 834 723 778 667 778 723 667 611 723 667 944 667 667 611 334 278 334 584 557 334 557
611 557 611 557 334 611 611 278 278 557 278 890 611 611 611 611 390 557 334 611 557 778
557 557 500 390 280 390 584 278 334 557 557 557 557 280 557 334 737 371 557 584 334 737
553 400 549 334 334 334 577 557 278 334 334 366 557 834 834 834 611 723 723 723 723 723
723 1000 723 667 667 667 667 278 278 278 278 723 723 778 778 778 778 778 584 778 723 723
723 723 667 667 611 557 557 557 557 557 557 890 557 557 557 557 557 278 278 278 278 611
611 611 611 611 611 611 549 611 611 611 611 611 557 611 557 557 1000 278 278 278 500 500
500 1000 351 584 549 549 549 549 1000 557 1000 1000 549 713 334 334 400 278
""",
    "serif": """
250 334 409 500 500 834 778 181 334 334 500 564 250 334 250 278 500 500 500 500 500 500
500 500 500 500 278 278 564 564 564 444 921 723 667 667 723 611 557 723 723 334 390 723
611 890 723 723 557 723 667 557 611 723 723 944 723 723 611 334 278 334 470 500 334 444
500 444 500 444 334 500 500 278 278 500 278 778 500 500 500 500 334 390 278 500 500 723
500 500 444 480 201 480 542 250 334 500 500 500 500 201 500 334 760 276 500 564 334 760
500 400 549 300 300 334 577 454 250 334 300 311 500 750 750 750 444 723 723 723 723 723
723 890 667 611 611 611 611 334 334 334 334 723 723 723 723 723 723 723 564 723 723 723
723 723 723 557 500 444 444 444 444 444 444 667 444 444 444 444 444 278 278 278 278 500
500 500 500 500 500 500 549 500 500 500 500 500 500 500 500 500 1000 334 334 334 444 444
444 1000 351 564 549 549 549 549 1000 500 1000 1000 549 713 300 300 400 250
""",
    "serif_b": """
250 334 556 500 500 1000 834 278 334 334 500 570 250 334 250 278 500 500 500 500 500 500
500 500 500 500 334 334 570 570 570 500 931 723 667 723 723 667 611 778 778 390 500 778
667 944 723 778 611 778 723 557 667 723 723 1000 723 723 667 334 278 334 582 500 334 500
557 444 557 444 334 500 557 278 334 557 278 834 557 500 557 557 444 390 334 557 500 723
500 500 444 395 221 395 521 250 334 500 500 500 500 221 500 334 748 300 500 570 334 748
500 400 549 300 300 334 577 541 250 334 300 331 500 750 750 750 500 723 723 723 723 723
723 1000 723 667 667 667 667 390 390 390 390 723 723 778 778 778 778 778 570 778 723 723
723 723 723 611 557 500 500 500 500 500 500 723 444 444 444 444 444 278 278 278 278 500
557 500 500 500 500 500 549 500 557 557 557 557 500 557 500 500 1000 334 334 334 500 500
500 1000 351 570 549 549 549 549 1000 500 1000 1000 549 713 300 300 400 250
""",
}
"""Advance widths per 1000 em, generated once from the Liberation TTFs (regular and bold)."""

_LEBAR: dict[str, dict[str, int]] = {
    name: dict(zip(_KARAKTER, map(int, numbers.split()), strict=True))
    for name, numbers in _ADVANCE.items()
}
_LAIN = 1000
"""Width of a character the table does not hold (CJK and the like are one em; conservative)."""

_SANS = {"arial", "liberation sans", "arimo", "helvetica", "calibri", "carlito", "aptos"}
_SERIF = {"times new roman", "liberation serif", "tinos", "times"}
_LAIN_HURUF = 1.15
"""A font of unknown metrics is measured as the wider of Sans and Serif, and 15 % wider still."""

_SAFETY = 1.02
_SLACK_TWIPS = 12
"""Measured widths are rounded up: 2 % for kerning and rounding, 12 twips for the borders."""

_BREAK = re.compile(r"[ \u200b\u2002\u2003\u2009]+|(?<=[^\W\d_]-)(?=[^\W\d_])")
"""Where a line may break inside a text: spaces, and after a hyphen between letters."""

_VERTICAL = {"btLr", "tbRl", "tbRlV", "tbLrV", "tbV", "lrV"}
_OFF = {"0", "false", "off"}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _int(element: etree._Element | None, attribute: str = "w", default: int = 0) -> int:
    if element is None:
        return default
    value = element.get(_w(attribute))
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@lru_cache(maxsize=65536)
def _em(font: str, bold: bool, text: str) -> float:
    """Width of ``text`` in thousandths of an em."""
    if font == "sans" or font == "serif":
        table = _LEBAR[font + "_b" if bold else font]
        return float(sum(table.get(c, _LAIN) for c in text))
    suffix = "_b" if bold else ""
    sans, serif = _LEBAR["sans" + suffix], _LEBAR["serif" + suffix]
    return _LAIN_HURUF * sum(max(sans.get(c, _LAIN), serif.get(c, _LAIN)) for c in text)


def _font_class(name: str | None) -> str:
    """'sans', 'serif' or 'other' for a font name (None: the Office theme font, a sans)."""
    if name is None:
        return "sans"
    lowered = name.strip().lower()
    if lowered in _SANS:
        return "sans"
    if lowered in _SERIF:
        return "serif"
    return "other"


@dataclass(frozen=True)
class _Run:
    """The run properties that set a text's width; None where not said."""

    font: str | None = None
    bold: bool | None = None
    half_points: int | None = None
    caps: bool | None = None
    spacing: int | None = None

    def over(self, base: _Run) -> _Run:
        """These properties where said, ``base``'s elsewhere."""
        return _Run(
            self.font if self.font is not None else base.font,
            self.bold if self.bold is not None else base.bold,
            self.half_points if self.half_points is not None else base.half_points,
            self.caps if self.caps is not None else base.caps,
            self.spacing if self.spacing is not None else base.spacing,
        )


def _toggle(r_pr: etree._Element, tag: str) -> bool | None:
    element = r_pr.find(_w(tag))
    if element is None:
        return None
    return element.get(_w("val"), "true").lower() not in _OFF


def _run_of(r_pr: etree._Element | None) -> _Run:
    if r_pr is None:
        return _Run()
    fonts = r_pr.find(_w("rFonts"))
    font = None
    if fonts is not None:
        font = fonts.get(_w("ascii")) or fonts.get(_w("hAnsi"))
    size = r_pr.find(_w("sz"))
    spacing = r_pr.find(_w("spacing"))
    return _Run(
        font,
        _toggle(r_pr, "b"),
        _int(size, "val") if size is not None else None,
        _toggle(r_pr, "caps"),
        _int(spacing, "val") if spacing is not None else None,
    )


class Metrik:
    """What measuring a document's text needs from its styles (``styles.xml`` as rendered: the
    setting's font and size already applied)."""

    def __init__(self, styles_xml: bytes) -> None:
        root = etree.fromstring(styles_xml)
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self._default = _run_of(defaults).over(_Run(None, False, 20, False, 0))
        own: dict[str, tuple[_Run, str | None]] = {}
        margins: dict[str, tuple[int | None, int | None]] = {}
        self._paragraph_default: str | None = None
        table_default: str | None = None
        for style in root.iter(_w("style")):
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            based = style.find(_w("basedOn"))
            own[style_id] = (
                _run_of(style.find(_w("rPr"))),
                based.get(_w("val")) if based is not None else None,
            )
            kind, default = style.get(_w("type")), style.get(_w("default"))
            if default in ("1", "true"):
                if kind == "paragraph":
                    self._paragraph_default = style_id
                elif kind == "table":
                    table_default = style_id
            cell_margins = style.find(f"{_w('tblPr')}/{_w('tblCellMar')}")
            if cell_margins is not None:
                margins[style_id] = _margins(cell_margins)
        self._styles: dict[str, _Run] = {}

        def resolved(style_id: str, depth: int = 0) -> _Run:
            run, based = own[style_id]
            if based is None or based not in own or depth > 20:
                return run.over(self._default)
            return run.over(resolved(based, depth + 1))

        for style_id in own:
            self._styles[style_id] = resolved(style_id)
        self._table_margins = margins
        self._ukuran: dict[tuple[str | None, bytes], _Ukuran] = {}
        self._table_default = table_default
        classes = {_font_class(run.font) for run in [self._default, *self._styles.values()]}
        self.font = classes.pop() if len(classes) == 1 else "other"
        """The font class of every style (for :func:`muat_semua`), 'other' when they differ."""
        self.muat: dict[str, bool] = {}
        """Cells :func:`muat_semua` has read, by their text: whether they fit."""

    def half_points(self, paragraph_style: str | None) -> int:
        """The size of a paragraph style's text (the default paragraph style's for None)."""
        return self.run(paragraph_style, None).half_points or 20

    def run(self, paragraph_style: str | None, character_style: str | None) -> _Run:
        """A run's properties from its styles (direct formatting is laid over them)."""
        base = self._styles.get(paragraph_style or self._paragraph_default or "", self._default)
        if character_style and character_style in self._styles:
            base = self._styles[character_style].over(base)
        return base

    def ukuran(self, paragraph_style: str | None, r_pr: etree._Element | None) -> _Ukuran:
        """How a run is measured: its direct formatting over its styles (remembered)."""
        key = (paragraph_style, etree.tostring(r_pr) if r_pr is not None else b"")
        found = self._ukuran.get(key)
        if found is None:
            direct = _run_of(r_pr)
            character_style = None
            if r_pr is not None:
                r_style = r_pr.find(_w("rStyle"))
                character_style = r_style.get(_w("val")) if r_style is not None else None
            run = direct.over(self.run(paragraph_style, character_style))
            found = (
                _font_class(run.font),
                bool(run.bold),
                bool(run.caps),
                (run.half_points or 20) / 100,
                run.spacing or 0,
            )
            if len(self._ukuran) < 4096:
                self._ukuran[key] = found
        return found

    def cell_margins(self, table_style: str | None) -> tuple[int, int]:
        """Left and right cell margins of a table style (Word's 108 twips when none says)."""
        for style in (table_style, self._table_default):
            if style is not None and style in self._table_margins:
                left, right = self._table_margins[style]
                return (108 if left is None else left, 108 if right is None else right)
        return 108, 108


def _margins(element: etree._Element) -> tuple[int | None, int | None]:
    left = element.find(_w("left"))
    if left is None:
        left = element.find(_w("start"))
    right = element.find(_w("right"))
    if right is None:
        right = element.find(_w("end"))
    return (
        _int(left) if left is not None else None,
        _int(right) if right is not None else None,
    )


_P, _R, _T, _RPR, _PPR = _w("p"), _w("r"), _w("t"), _w("rPr"), _w("pPr")
_BREAKS = {_w("tab"), _w("br"), _w("cr")}
_NO_BREAK_HYPHEN, _DRAWING, _EXTENT = _w("noBreakHyphen"), _w("drawing"), f"{{{WP}}}extent"
_Ukuran = tuple[str, bool, bool, float, int]
"""How a run's text is measured: font class, bold, caps, twips per em/1000, spacing per char."""


def _twips(run: _Ukuran, text: str) -> float:
    """Width of ``text`` in twips, in ``run``'s font, weight and size."""
    font, bold, caps, scale, spacing = run
    if caps:
        text = text.upper()
    return _em(font, bold, text) * scale + spacing * len(text)


def _paragraph_need(paragraph: etree._Element, metrik: Metrik) -> float:
    """Width of the paragraph's widest unbreakable token, with its indents, in twips."""
    p_pr = paragraph.find(_PPR)
    style = None
    indent = 0
    if p_pr is not None:
        p_style = p_pr.find(_w("pStyle"))
        style = p_style.get(_w("val")) if p_style is not None else None
        ind = p_pr.find(_w("ind"))
        if ind is not None:
            indent = _indent_twips({name: _int(ind, name) for name in _IND_NAMES})
    widest = 0.0
    token = 0.0
    for run_element in paragraph.iter(_R):
        run: _Ukuran | None = None
        for child in run_element:
            tag = child.tag
            if tag == _RPR:
                continue
            if run is None:
                run = metrik.ukuran(style, run_element.find(_RPR))
            if tag == _T:
                pieces = _BREAK.split(child.text or "")
                token += _twips(run, pieces[0])
                for piece in pieces[1:]:
                    if token > widest:
                        widest = token
                    token = _twips(run, piece)
            elif tag in _BREAKS:
                widest, token = max(widest, token), 0.0
            elif tag == _NO_BREAK_HYPHEN:
                token += _twips(run, "-")
            elif tag == _DRAWING:
                for extent in child.iter(_EXTENT):
                    token += int(extent.get("cx") or 0) / 635  # EMU → twips
                    break
    widest = max(widest, token)
    return widest + indent if widest else 0.0


def _cell_need(cell: etree._Element, metrik: Metrik, margins: tuple[int, int]) -> float:
    """The narrowest width ``cell`` can have without breaking a token, in twips."""
    left, right = margins
    cell_margins = cell.find(f"{_w('tcPr')}/{_w('tcMar')}")
    if cell_margins is not None:
        own_left, own_right = _margins(cell_margins)
        left = left if own_left is None else own_left
        right = right if own_right is None else own_right
    text = nested = 0.0
    for child in cell:
        if child.tag == _P:
            if len(child):
                text = max(text, _paragraph_need(child, metrik))
        elif child.tag == _w("tbl"):
            grid = child.find(_w("tblGrid"))
            if grid is not None:
                nested = max(nested, float(sum(_int(col) for col in grid)))
    if not text and not nested:
        return 0.0
    return max(text * _SAFETY + _SLACK_TWIPS, nested) + left + right


_UNSURE = re.compile(
    r"<w:(?:drawing|textDirection|rFonts|caps|tcMar|rStyle|w|spacing w:val)[ >=]|<w:tc "
)
"""What :func:`muat_semua` does not model in a cell: then the tree decides."""
_TC_W = re.compile(r"<w:tcW ([^>]*)>")
_IND = re.compile(r"<w:ind ([^>]*)/>")
_IND_PART = re.compile(r'w:(left|start|right|end|firstLine|hanging)="(-?\d+)"')
_WIDTH = re.compile(r'w:w="(\d+)"')
_GRID_COL = re.compile(r'<w:gridCol [^>]*?w:w="(\d+)"')
_P_STYLE = re.compile(r'<w:pStyle w:val="([^"]*)"')
_SIZE = re.compile(r'<w:sz w:val="(\d+)"')
_ENDS = re.compile(r"</w:p>|<w:(?:tab|br|cr)/>")
_TAG = re.compile(r"<[^>]*>")
_MEMO = 20000
"""Cells remembered by :class:`Metrik` (their text is the key): most repeat across cards."""


def muat_semua(xml: str, metrik: Metrik) -> bool:
    """Whether every token of every table cell in ``xml`` (a rendered body) surely fits its cell,
    read from the text without parsing it: a cell is its text from one ``<w:tc>`` to the next,
    every run measured bold at the largest size the cell says. False when unsure (anything this
    reading does not model); then :func:`paskan_kolom` decides on the tree."""
    start, end = xml.find("<w:tbl>"), xml.rfind("</w:tbl>")
    if start < 0:
        return True
    region = xml[start:end]
    if "<w:tblCellMar" in region or "<w:tblpPr" in region:
        return False
    memo = metrik.muat
    for chunk in region.split("<w:tc>")[1:]:
        fits = memo.get(chunk)
        if fits is None:
            fits = _chunk_fits(chunk, metrik)
            if len(memo) >= _MEMO:
                memo.clear()
            memo[chunk] = fits
        if not fits:
            return False
    return True


def _chunk_fits(chunk: str, metrik: Metrik) -> bool:
    """Whether the cell that ``chunk`` starts surely fits its width (see :func:`muat_semua`)."""
    first, last = chunk.find("</w:tc>"), chunk.rfind("</w:tc>")
    # a nested table's grid comes before the first cell end; what follows the last one is no
    # cell's (the body between two tables); text between them is the outer cell's (measured
    # against this inner cell: stricter)
    nested = sum(int(width) for width in _GRID_COL.findall(chunk, 0, max(first, 0)))
    if last >= 0:
        chunk = chunk[:last]
    if _UNSURE.search(chunk):
        return False
    text = _TAG.sub("", _ENDS.sub(" ", chunk))
    tokens = [token for token in _BREAK.split(text) if token]
    if not tokens and not nested:
        return True
    cell_width = _TC_W.search(chunk)
    width = _WIDTH.search(cell_width.group(1)) if cell_width else None
    if cell_width is None or width is None or 'w:type="dxa"' not in cell_width.group(1):
        return False
    styles: list[str | None] = [*_P_STYLE.findall(chunk)] or [None]
    half = max([*map(int, _SIZE.findall(chunk)), *map(metrik.half_points, styles)])
    widest = max((_em(metrik.font, True, token) for token in tokens), default=0.0) * half / 100
    indent = _indent(chunk)
    if indent is None:
        return False
    left, right = metrik.cell_margins(None)
    need = max(widest * _SAFETY + _SLACK_TWIPS, nested) + left + right + indent
    return need <= int(width.group(1))


def _indent(chunk: str) -> int | None:
    """The widest indent of the cell's paragraphs (left, right and a first line's), in twips;
    None when an indent says something else (in characters …): then the tree decides."""
    widest = 0
    for attributes in _IND.findall(chunk):
        parts = {name: int(value) for name, value in _IND_PART.findall(attributes)}
        if len(parts) != attributes.count("="):
            return None
        widest = max(widest, _indent_twips(parts))
    return widest


_IND_NAMES = ("left", "start", "right", "end", "firstLine")


def _indent_twips(ind: dict[str, int]) -> int:
    """What a paragraph's indent (``w:ind``'s attributes, twips) takes from its cell: left and
    right, and a first line's (a hanging one gives room back: not counted)."""
    left = ind.get("left") or ind.get("start", 0)
    right = ind.get("right") or ind.get("end", 0)
    return max(0, left) + max(0, right) + max(0, ind.get("firstLine", 0))


def paskan_kolom(body: etree._Element, metrik: Metrik) -> bool:
    """Fit the columns of every table in ``body`` (see the module); whether any changed."""
    changed = False
    for table in body.iter(_w("tbl")):
        changed |= _fit(table, metrik)
    return changed


def _fit(table: etree._Element, metrik: Metrik) -> bool:
    t_pr = table.find(_w("tblPr"))
    grid = table.find(_w("tblGrid"))
    if t_pr is None or grid is None or len(grid) == 0:
        return False
    if t_pr.find(_w("tblpPr")) is not None:
        return False
    width = t_pr.find(_w("tblW"))
    if width is not None and width.get(_w("type")) == "pct":
        return False
    columns = [col for col in grid if col.tag == _w("gridCol")]
    widths = [_int(col) for col in columns]
    if not all(widths):
        return False
    style = t_pr.find(_w("tblStyle"))
    margins = metrik.cell_margins(style.get(_w("val")) if style is not None else None)
    own_margins = t_pr.find(_w("tblCellMar"))
    if own_margins is not None:
        left, right = _margins(own_margins)
        margins = (margins[0] if left is None else left, margins[1] if right is None else right)
    count = len(widths)
    mins = [0.0] * count
    spans: list[tuple[int, int, float]] = []
    cells: list[tuple[etree._Element, int, int]] = []
    for row in table.iterchildren(_w("tr")):
        column = _int(row.find(f"{_w('trPr')}/{_w('gridBefore')}"), "val")
        for cell in row.iterchildren(_w("tc")):
            tc_pr = cell.find(_w("tcPr"))
            span = 1
            vertical = False
            if tc_pr is not None:
                span = max(1, _int(tc_pr.find(_w("gridSpan")), "val", 1))
                if tc_pr.find(_w("hMerge")) is not None:
                    return False
                direction = tc_pr.find(_w("textDirection"))
                vertical = direction is not None and direction.get(_w("val")) in _VERTICAL
                tc_w = tc_pr.find(_w("tcW"))
                if tc_w is not None and tc_w.get(_w("type")) == "pct":
                    return False
            if column + span > count:
                return False  # a row wider than its grid: not ours to repair
            cells.append((cell, column, span))
            need = (
                float(sum(widths[column : column + span]))
                if vertical
                else _cell_need(cell, metrik, margins)
            )
            if span == 1:
                mins[column] = max(mins[column], need)
            elif need:
                spans.append((column, span, need))
            column += span
    for start, span, need in spans:
        have = sum(mins[start : start + span])
        if have < need:
            template = sum(widths[start : start + span])
            for j in range(start, start + span):
                mins[j] += (need - have) * widths[j] / template
    need_int = [int(-(-m // 1)) for m in mins]  # rounded up
    if all(w >= m for w, m in zip(widths, need_int, strict=True)):
        return False
    total = sum(widths)
    if sum(need_int) > total:
        return False  # cannot all fit: the template's widths, never worse than before
    new = _distribute(widths, need_int)
    for col, value in zip(columns, new, strict=True):
        col.set(_w("w"), str(value))
    for cell, column, span in cells:
        tc_w = cell.find(f"{_w('tcPr')}/{_w('tcW')}")
        if tc_w is not None and tc_w.get(_w("type"), "dxa") == "dxa":
            tc_w.set(_w("w"), str(sum(new[column : column + span])))
    return True


def _distribute(widths: list[int], mins: list[int]) -> list[int]:
    """Widths at least ``mins``, same total: what the narrow columns lack is taken from the
    others in proportion to their slack (``sum(mins) <= sum(widths)``)."""
    lacking = sum(max(0, m - w) for w, m in zip(widths, mins, strict=True))
    slack = [max(0, w - m) for w, m in zip(widths, mins, strict=True)]
    total_slack = sum(slack)
    take = [s * lacking // total_slack for s in slack]
    rest = lacking - sum(take)
    for j in sorted(range(len(slack)), key=lambda j: slack[j] - take[j], reverse=True):
        if rest <= 0:
            break
        if slack[j] - take[j] > 0:
            take[j] += 1
            rest -= 1
    return [max(w, m) - t for w, m, t in zip(widths, mins, take, strict=True)]
