"""Small python-docx helpers shared by the template builders in tools/ (not part of dokgen)."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell

_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:outlineLvl",
    "w:rPr",
)
"""Schema order: elements that must come after the one inserted (Word rejects wrong order)."""


def new_document(font: str = "Arial", size: int = 12):
    """A document with F4 paper, the margins of ../shared/DOMAIN.md and dokgen's styles."""
    from docx import Document

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215), Mm(330)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2.5)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.15
    table_style = doc.styles.add_style("Isi Tabel", WD_STYLE_TYPE.PARAGRAPH)
    table_style.base_style = normal
    table_style.font.size = Pt(10)
    table_style.paragraph_format.line_spacing = 1.0
    return doc


def paragraph(
    container,
    text: str = "",
    *,
    bold: bool = False,
    align=None,
    style=None,
    indent_cm: float | None = None,
    hanging_cm: float | None = None,
    tabs_cm: tuple[float, ...] = (),
    underline: bool = False,
    space_after: int = 0,
):
    """Add one paragraph whose text is a single run (so template tags stay whole)."""
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.underline = underline
    fmt = p.paragraph_format
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "justify":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent_cm is not None:
        fmt.left_indent = Cm(indent_cm)
    if hanging_cm is not None:
        fmt.first_line_indent = Cm(-hanging_cm)
    for tab in tabs_cm:
        fmt.tab_stops.add_tab_stop(Cm(tab))
    fmt.space_after = Pt(space_after)
    return p


def cell_text(cell: _Cell, text: str, *, bold: bool = False, align=None, style="Isi Tabel"):
    """Put ``text`` into the cell's first paragraph."""
    p = cell.paragraphs[0]
    p.style = style
    run = p.add_run(text)
    run.bold = bold
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def set_widths(table: Table, widths_cm: list[float]) -> None:
    """Fix column widths on every cell (Word reads tcW; LibreOffice reads the grid)."""
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(width).twips)))


def repeat_header(row) -> None:
    """Repeat this row at the top of every page the table spans."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.insert_element_before(header, "w:tblCellSpacing", "w:jc", "w:hidden")


def bottom_rule(paragraph, size: int = 18) -> None:
    """A thick line under a paragraph: the rule under a kop surat."""
    p_pr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    p_pr.insert_element_before(border, *_AFTER_PBDR)


def keep_together(row) -> None:
    """Never split this row across pages (a signature block stays whole)."""
    row._tr.get_or_add_trPr().insert_element_before(
        OxmlElement("w:cantSplit"), "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc"
    )


def shade(cell: _Cell, fill: str = "D9D9D9") -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *_AFTER_SHD)


def borders(
    table: Table, size: int = 4, sides=("top", "left", "bottom", "right", "insideH", "insideV")
) -> None:
    """Single borders on the given sides of the table; others none."""
    tbl_pr = table._tbl.tblPr
    element = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        if side in sides:
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), str(size))
            edge.set(qn("w:color"), "000000")
        else:
            edge.set(qn("w:val"), "nil")
        element.append(edge)
    tbl_pr.insert_element_before(
        element, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption"
    )


def cell_border(cell: _Cell, side: str, size: int = 6) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    element = tc_pr.find(qn("w:tcBorders"))
    if element is None:
        element = OxmlElement("w:tcBorders")
        tc_pr.insert_element_before(element, "w:shd", *_AFTER_SHD)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size))
    edge.set(qn("w:color"), "000000")
    element.append(edge)


def vmerge(top: _Cell, bottom: _Cell) -> _Cell:
    return top.merge(bottom)
