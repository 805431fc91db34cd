"""Build the .docx templates in templates/ with python-docx.

Run once (``python tools/make_templates.py``) when the layout changes; what lands in git is the
.docx, which a clerk may then edit in Word. Tags use docxtpl syntax: ``{{ }}``, ``{%p %}``
(paragraph), ``{%tr %}`` (table row), ``{% vm %}`` (vertical merge).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from docxkit import (
    borders,
    cell_border,
    cell_text,
    keep_together,
    new_document,
    paragraph,
    repeat_header,
    set_widths,
    shade,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def signature(doc) -> None:
    """Signature block of the Kepala Dinas, right half of the page."""
    table = doc.add_table(rows=1, cols=2)
    set_widths(table, [8, 8.5])
    keep_together(table.rows[0])
    right = table.rows[0].cells[1]
    cell_text(right, "{{ ttd.jabatan }}", bold=True, align="center", style="Normal")
    for _ in range(3):
        paragraph(right, "")
    paragraph(right, "{{ ttd.nama }}", bold=True, underline=True, align="center")
    paragraph(right, "{{ ttd.pangkat }}", align="center")
    paragraph(right, "NIP. {{ ttd.nip|nip }}", align="center")


def iki() -> None:
    doc = new_document(size=11)
    paragraph(doc, "INDIKATOR KINERJA INDIVIDU", bold=True, align="center", space_after=12)
    labels = dict(tabs_cm=(0.75, 3.25), indent_cm=3.5, hanging_cm=3.5)
    paragraph(doc, "1.\tJABATAN\t: {{ jabatan.nama }}", **labels)
    paragraph(doc, "2.\tTUGAS\t:{% if not jabatan.tugas %} -{% endif %}", **labels)
    item = dict(indent_cm=4.1, hanging_cm=0.6, tabs_cm=(4.1,), align="justify")
    paragraph(doc, "{%p for t in jabatan.tugas %}")
    paragraph(doc, "{{ loop.index|huruf }}.\t{{ t }}", **item)
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "3.\tFUNGSI\t:{% if not jabatan.fungsi %} -{% endif %}", **labels)
    paragraph(doc, "{%p for f in jabatan.fungsi %}")
    paragraph(doc, "{{ loop.index|huruf }}.\t{{ f }}", **item)
    paragraph(doc, "{%p endfor %}", space_after=6)

    widths = [3.4, 3.7, 6.1, 3.3]
    table = doc.add_table(rows=6, cols=4)
    borders(table)
    headers = [
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "PENJELASAN/FORMULASI PENGHITUNGAN",
        "SUMBER DATA",
    ]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell_text(cell, text, bold=True, align="center")
        shade(cell)
    repeat_header(table.rows[0])
    cell_text(table.rows[1].cells[0], "{%tr for s in jabatan.iki %}")
    cell_text(table.rows[2].cells[0], "{%tr for i in s.indikator %}")
    row = table.rows[3].cells
    cell_text(row[0], "{{ s.sasaran }}{% vm %}")
    cell_text(row[1], "{{ i.uraian }}")
    cell_text(row[3], "{{ i.sumber_data or '' }}")
    # The formula: a real fraction (pembilang over penyebut, × 100%) or a text.
    cell_text(row[2], "{%p if i.formula and i.formula.pecahan %}")
    fraction = row[2].add_table(rows=2, cols=2)
    set_widths(fraction, [4.0, 1.7])
    cell_text(fraction.cell(0, 0), "{{ i.formula.pembilang }}", align="center")
    cell_border(fraction.cell(0, 0), "bottom")
    merged = fraction.cell(0, 1).merge(fraction.cell(1, 1))
    cell_text(merged, "{{ i.formula.pengali_teks }}", align="center")
    merged.vertical_alignment = 1  # center
    cell_text(fraction.cell(1, 0), "{{ i.formula.penyebut }}", align="center")
    row[2].paragraphs[-1].style = "Isi Tabel"  # a cell must end with a paragraph
    paragraph(row[2], "{%p else %}", style="Isi Tabel")
    paragraph(row[2], "{{ i.formula.teks if i.formula else '' }}", style="Isi Tabel")
    paragraph(row[2], "{%p endif %}", style="Isi Tabel")
    cell_text(table.rows[4].cells[0], "{%tr endfor %}")
    cell_text(table.rows[5].cells[0], "{%tr endfor %}")
    set_widths(table, widths)

    paragraph(doc, "")
    signature(doc)
    doc.save(TEMPLATES / "iki.docx")


if __name__ == "__main__":
    TEMPLATES.mkdir(exist_ok=True)
    iki()
    print("templat ditulis ke", TEMPLATES)
