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
    bottom_rule,
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


def signature(doc, comma: bool = False, widths: tuple[float, float] = (8, 8.5)) -> None:
    """Signature block of the Kepala Dinas, right half of the page."""
    table = doc.add_table(rows=1, cols=2)
    set_widths(table, list(widths))
    keep_together(table.rows[0])
    right = table.rows[0].cells[1]
    title = "{{ ttd.jabatan }}," if comma else "{{ ttd.jabatan }}"
    cell_text(right, title, bold=True, align="center", style="Normal")
    for _ in range(3):
        paragraph(right, "")
    paragraph(right, "{{ ttd.nama }}", bold=True, underline=True, align="center")
    paragraph(right, "{{ ttd.pangkat }}", align="center")
    paragraph(right, "NIP. {{ ttd.nip|nip }}", align="center")


def formula_cell(cell, var: str, width_cm: float = 6.1) -> None:
    """A real fraction (pembilang over penyebut, then × 100%) or the text formula of ``var``."""
    cell_text(cell, f"{{%p if {var} and {var}.pecahan %}}")
    fraction = cell.add_table(rows=2, cols=2)
    set_widths(fraction, [width_cm - 2.1, 1.7])
    cell_text(fraction.cell(0, 0), f"{{{{ {var}.pembilang }}}}", align="center")
    cell_border(fraction.cell(0, 0), "bottom")
    merged = fraction.cell(0, 1).merge(fraction.cell(1, 1))
    cell_text(merged, f"{{{{ {var}.pengali_teks }}}}", align="center")
    merged.vertical_alignment = 1  # center
    cell_text(fraction.cell(1, 0), f"{{{{ {var}.penyebut }}}}", align="center")
    cell.paragraphs[-1].style = "Isi Tabel"  # a cell must end with a paragraph
    paragraph(cell, "{%p else %}", style="Isi Tabel")
    paragraph(cell, f"{{{{ {var}.teks if {var} else '' }}}}", style="Isi Tabel")
    paragraph(cell, "{%p endif %}", style="Isi Tabel")


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
    formula_cell(row[2], "i.formula")
    cell_text(table.rows[4].cells[0], "{%tr endfor %}")
    cell_text(table.rows[5].cells[0], "{%tr endfor %}")
    set_widths(table, widths)

    paragraph(doc, "")
    signature(doc)
    doc.save(TEMPLATES / "iki.docx")


def labelled(doc, label: str, loop: str, item: str, widths=(3.0, 0.5, 13.0)) -> None:
    """'Menimbang : a. …' — a borderless table: label, colon, a lettered/numbered list."""
    table = doc.add_table(rows=1, cols=3)
    set_widths(table, list(widths))
    cells = table.rows[0].cells
    cell_text(cells[0], label, style="Normal")
    cell_text(cells[1], ":", style="Normal")
    cell_text(cells[2], f"{{%p for m in {loop} %}}", style="Normal")
    paragraph(
        cells[2],
        item,
        indent_cm=0.7,
        hanging_cm=0.7,
        tabs_cm=(0.7,),
        align="justify",
        space_after=4,
    )
    paragraph(cells[2], "{%p endfor %}")


def keputusan_iku() -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    doc = new_document()
    paragraph(doc, "{{ kop.pemerintah }}", bold=True, align="center")
    paragraph(doc, "{{ kop.dinas }}", bold=True, align="center")
    kop = paragraph(doc, "{{ kop.alamat }}", align="center", space_after=12)
    bottom_rule(kop)
    paragraph(doc, "KEPUTUSAN {{ kop.jabatan }}", bold=True, align="center")
    paragraph(doc, "NOMOR : {{ nomor }}", bold=True, align="center", space_after=6)
    paragraph(doc, "TENTANG", bold=True, align="center", space_after=6)
    paragraph(doc, "{{ judul|upper }}", bold=True, align="center", space_after=12)
    paragraph(doc, "{{ kop.jabatan }},", bold=True, align="center", space_after=12)
    labelled(doc, "Menimbang", "menimbang", "{{ loop.index|huruf }}.\t{{ m }}")
    labelled(doc, "Mengingat", "mengingat", "{{ loop.index }}.\t{{ m }}")
    paragraph(doc, "MEMUTUSKAN:", bold=True, align="center", space_after=6)
    table = doc.add_table(rows=4, cols=3)
    set_widths(table, [3.0, 0.5, 13.0])
    cells = table.rows[0].cells
    cell_text(cells[0], "Menetapkan", style="Normal")
    cell_text(cells[1], ":", style="Normal")
    cell_text(cells[2], "KEPUTUSAN {{ kop.jabatan }} TENTANG {{ judul|upper }}.", style="Normal")
    cell_text(table.rows[1].cells[0], "{%tr for d in diktum %}")
    cells = table.rows[2].cells
    cell_text(cells[0], "{{ loop.index|diktum }}", bold=True, style="Normal")
    cell_text(cells[1], ":", style="Normal")
    cell_text(cells[2], "{{ d }}", style="Normal", align="justify")
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    paragraph(doc, "")
    place = doc.add_table(rows=1, cols=2)
    set_widths(place, [8, 8.5])
    right = place.rows[0].cells[1]
    cell_text(right, "Ditetapkan di {{ tempat }}", style="Normal")
    paragraph(right, "pada tanggal {{ tanggal }}")
    signature(doc, comma=True)

    lampiran = doc.add_section(WD_SECTION.NEW_PAGE)
    lampiran.orientation = WD_ORIENT.LANDSCAPE
    lampiran.page_width, lampiran.page_height = lampiran.page_height, lampiran.page_width
    head = doc.add_table(rows=3, cols=3)
    set_widths(head, [16.0, 3.0, 8.5])
    for row, (label, value) in enumerate(
        [
            ("LAMPIRAN", "KEPUTUSAN {{ kop.jabatan }}"),
            ("NOMOR", "{{ nomor }}"),
            ("TANGGAL", "{{ tanggal }}"),
        ]
    ):
        cell_text(head.cell(row, 1), label, style="Isi Tabel")
        cell_text(head.cell(row, 2), f": {value}", style="Isi Tabel")
    paragraph(doc, "")
    paragraph(doc, "{{ judul|upper }}", bold=True, align="center", space_after=6)
    widths = [1.0, 4.5, 4.5, 6.5, 4.5, 3.5, 2.5]
    iku = doc.add_table(rows=6, cols=7)
    borders(iku)
    headers = [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
        "FORMULASI",
        "PENJELASAN",
        "SUMBER DATA",
        "PERIODE",
    ]
    for cell, text in zip(iku.rows[0].cells, headers, strict=True):
        cell_text(cell, text, bold=True, align="center")
        shade(cell)
    repeat_header(iku.rows[0])
    cell_text(iku.rows[1].cells[0], "{%tr for s in sasaran %}")
    cell_text(iku.rows[2].cells[0], "{%tr for i in s.indikator %}")
    row = iku.rows[3].cells
    cell_text(row[0], "{{ s.nomor }}{% vm %}", align="center")
    cell_text(row[1], "{{ s.uraian }}{% vm %}")
    cell_text(row[2], "{{ i.uraian }}")
    formula_cell(row[3], "i.formula", widths[3])
    cell_text(row[4], "{{ i.penjelasan or '' }}")
    cell_text(row[5], "{{ i.sumber_data or '' }}")
    cell_text(row[6], "{{ i.periode_pengukuran or '' }}")
    cell_text(iku.rows[4].cells[0], "{%tr endfor %}")
    cell_text(iku.rows[5].cells[0], "{%tr endfor %}")
    set_widths(iku, widths)
    paragraph(doc, "")
    signature(doc, comma=True, widths=(15.0, 12.0))
    doc.save(TEMPLATES / "keputusan-iku.docx")


if __name__ == "__main__":
    TEMPLATES.mkdir(exist_ok=True)
    iki()
    keputusan_iku()
    print("templat ditulis ke", TEMPLATES)
