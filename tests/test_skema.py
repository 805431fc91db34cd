"""Word opens what dokgen writes: property elements in the order the schema fixes.

LibreOffice reads ``<w:jc/><w:spacing/>`` in either order; Word may refuse the file ("unreadable
content") when the children of ``w:pPr``, ``w:rPr``, ``w:tcPr``, ``w:tblPr`` or ``w:sectPr``
are out of the sequence ECMA-376 part 1 (§17) gives them. Templates are edited by hand (in Word,
or in their XML): every template, and every document every example builds, is checked here.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from dokgen.build import build
from tests.conftest import CONTOH, TEMPLATES
from tests.docxread import W

SEQUENCE = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr"
    " suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct"
    " topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind"
    " contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment"
    " textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss"
    " imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs"
    " highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish"
    " oMath",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection"
    " tcFitText vAlign hideMark",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize"
    " tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption"
    " tblDescription",
    "sectPr": "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc"
    " pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi"
    " rtlGutter docGrid printerSettings",
    "tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl",
    "tblBorders": "top start left bottom end right insideH insideV",
    "pBdr": "top left bottom right between bar",
}
RANK = {
    tag: {name: i for i, names in enumerate(order.split()) for name in names.split("|")}
    for tag, order in SEQUENCE.items()
}


def out_of_order(docx: Path) -> list[str]:
    """Every property element of ``docx`` whose children break the schema's sequence."""
    found = []
    with zipfile.ZipFile(docx) as archive:
        for part in archive.namelist():
            if not (part.startswith("word/") and part.endswith(".xml")):
                continue
            root = etree.fromstring(archive.read(part))
            for tag, rank in RANK.items():
                for element in root.iter(f"{W}{tag}"):
                    names = [etree.QName(c).localname for c in element if isinstance(c.tag, str)]
                    ranks = [rank.get(name, -1) for name in names]
                    if -1 in ranks or ranks != sorted(ranks):
                        found.append(f"{docx.name} {part} w:{tag}: {' '.join(names)}")
    return sorted(set(found))


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.docx")), ids=lambda p: p.name)
def test_every_template_keeps_the_schema_order(template: Path) -> None:
    assert out_of_order(template) == []


@pytest.mark.parametrize("folder", CONTOH, ids=lambda p: p.name)
def test_every_built_document_keeps_the_schema_order(folder: Path, tmp_path: Path) -> None:
    outputs = build(folder, tmp_path).outputs
    cards = [p for p in outputs if p.parent.name == "iki"]
    for docx in [p for p in outputs if p.parent.name != "iki"] + cards[:3]:
        assert out_of_order(docx) == []


def test_the_check_sees_a_paragraph_out_of_order(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    paragraph = doc.add_paragraph("x")
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(etree.fromstring(f'<w:jc xmlns:w="{W[1:-1]}" w:val="center"/>'))
    p_pr.append(etree.fromstring(f'<w:spacing xmlns:w="{W[1:-1]}" w:after="0"/>'))
    doc.save(tmp_path / "x.docx")
    assert out_of_order(tmp_path / "x.docx") == ["x.docx word/document.xml w:pPr: jc spacing"]
