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
    set_widths(fraction, [width_cm - 2.4, 2.0])
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


LOGO = "{% if gambar.logo is defined %}{{ gambar.logo }}{% endif %}"


def letterhead(doc) -> None:
    """Kop surat: logo (when the data has one), PEMERINTAH …, the dinas, its address, a rule."""
    table = doc.add_table(rows=1, cols=3)
    set_widths(table, [2.7, 11.1, 2.7])
    left, middle, _ = table.rows[0].cells
    cell_text(left, LOGO, align="center", style="Normal")
    cell_text(middle, "{{ kop.pemerintah }}", bold=True, align="center", style="Normal")
    paragraph(middle, "{{ kop.dinas }}", bold=True, align="center")
    paragraph(middle, "{{ kop.alamat }}", align="center")
    bottom_rule(paragraph(doc, "", space_after=12))


def matriks_table(doc) -> None:
    """The matriks perubahan: what changed, before, after, and a note (rows ``matriks``)."""
    simple_table(
        doc,
        "matriks",
        [
            ("No", "no", 1.0, True),
            ("Uraian", "uraian", 6.5, False),
            ("Sebelum", "sebelum", 7.0, False),
            ("Sesudah", "sesudah", 7.0, False),
            ("Keterangan", "keterangan", 5.5, False),
        ],
    )


def matriks_perubahan() -> None:
    """A stand-alone matriks perubahan (``dokgen diff --format docx``), landscape."""
    from docx.enum.section import WD_ORIENT

    doc = new_document(size=11)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    paragraph(doc, "MATRIKS PERUBAHAN", bold=True, align="center")
    paragraph(doc, "{{ judul|upper }}", bold=True, align="center", space_after=12)
    paragraph(doc, "Sebelum: {{ sebelum }}", style="Isi Tabel")
    paragraph(doc, "Sesudah: {{ sesudah }}", style="Isi Tabel", space_after=6)
    matriks_table(doc)
    doc.save(TEMPLATES / "matriks-perubahan.docx")


def keputusan_iku() -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_BREAK

    doc = new_document()
    letterhead(doc)
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
            ("LAMPIRAN{{ ' I' if matriks else '' }}", "KEPUTUSAN {{ kop.jabatan }}"),
            ("NOMOR", "{{ nomor }}"),
            ("TANGGAL", "{{ tanggal }}"),
        ]
    ):
        cell_text(head.cell(row, 1), label, style="Isi Tabel")
        cell_text(head.cell(row, 2), f": {value}", style="Isi Tabel")
    paragraph(doc, "")
    paragraph(doc, "{{ judul_lampiran|upper }}", bold=True, align="center", space_after=6)
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

    paragraph(doc, "{%p if matriks %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    head = doc.add_table(rows=3, cols=3)
    set_widths(head, [16.0, 3.0, 8.5])
    for row, (label, value) in enumerate(
        [
            ("LAMPIRAN II", "KEPUTUSAN {{ kop.jabatan }}"),
            ("NOMOR", "{{ nomor }}"),
            ("TANGGAL", "{{ tanggal }}"),
        ]
    ):
        cell_text(head.cell(row, 1), label, style="Isi Tabel")
        cell_text(head.cell(row, 2), f": {value}", style="Isi Tabel")
    paragraph(doc, "")
    paragraph(doc, "MATRIKS PERUBAHAN", bold=True, align="center")
    paragraph(doc, "{{ judul_lampiran|upper }}", bold=True, align="center", space_after=6)
    matriks_table(doc)
    signature(doc, comma=True, widths=(15.0, 12.0))
    paragraph(doc, "{%p endif %}")
    doc.save(TEMPLATES / "keputusan-iku.docx")


def prose(doc, key: str, *standard: str) -> None:
    """Paragraphs from data (``teks.<key>``) when given, otherwise the standard wording."""
    body = dict(align="justify", space_after=6)
    paragraph(doc, f"{{%p if teks.{key} %}}")
    paragraph(doc, f"{{%p for t in teks.{key} %}}")
    paragraph(doc, "{{ t }}", **body)
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "{%p else %}")
    for text in standard:
        paragraph(doc, text, **body)
    paragraph(doc, "{%p endif %}")


def heading(doc, text: str, center: bool = False, space_after: int = 6) -> None:
    paragraph(doc, text, bold=True, align="center" if center else None, space_after=space_after)


def lettered(doc, loop: str, item: str, indent: float = 0.6, numbered: bool = False) -> None:
    label = "{{ loop.index }}." if numbered else "{{ loop.index|huruf }}."
    paragraph(doc, f"{{%p for x in {loop} %}}")
    paragraph(
        doc,
        f"{label}\t{item}",
        indent_cm=indent + 0.6,
        hanging_cm=0.6,
        tabs_cm=(indent + 0.6,),
        align="justify",
    )
    paragraph(doc, "{%p endfor %}")


def year_table(doc, title: str, rows: str, widths_fixed: list[float], year_width: float) -> None:
    """The IKU table with a column per Renstra year ({%tc %} loops)."""
    heading(doc, title, center=True)
    table = doc.add_table(rows=2, cols=len(widths_fixed) + 3)
    borders(table)
    headers = [
        "No.",
        "Sasaran",
        "No.",
        "Indikator Kinerja Utama",
        "Penjelasan / Formulasi",
        "Satuan",
        "Tahun Dasar {{ tahun_dasar }}",
    ]
    cells = table.rows[0].cells
    for cell, text in zip(cells, headers, strict=False):
        cell_text(cell, text, bold=True, align="center")
        shade(cell)
    n = len(headers)
    cell_text(cells[n], "{%tc for y in tahun_target %}")
    cell_text(cells[n + 1], "{{ y }}", bold=True, align="center")
    shade(cells[n + 1])
    cell_text(cells[n + 2], "{%tc endfor %}")
    repeat_header(table.rows[0])
    row = table.rows[1].cells
    cell_text(row[0], f"{{%tr for r in {rows} %}}")
    content = table.add_row().cells
    for cell, text in zip(
        content,
        ["{{ r.no_sasaran }}", "{{ r.sasaran }}", "{{ r.no }}", "{{ r.indikator.uraian }}"],
        strict=False,
    ):
        cell_text(cell, text, align="center" if "no" in text else None)
    formula_cell(content[4], "r.indikator.formula", widths_fixed[4])
    cell_text(content[5], "{{ r.indikator.satuan or '' }}", align="center")
    cell_text(content[6], "{{ r.dasar }}", align="center")
    cell_text(content[7], "{%tc for v in r.nilai %}")
    cell_text(content[8], "{{ v }}", align="center")
    cell_text(content[9], "{%tc endfor %}")
    end = table.add_row().cells
    cell_text(end[0], "{%tr endfor %}")
    set_widths(table, [*widths_fixed, 0.3, year_width, 0.3])
    paragraph(doc, "")


def rencana_kerja(doc) -> None:
    """Tujuan, indikator tujuan, sasaran, IKU, formula, satuan, tahun dasar and yearly targets."""
    heading(doc, "RENCANA KERJA {{ dinas.nama|upper }}", center=True)
    fixed = [0.8, 3.0, 3.0, 3.0, 3.6, 5.2, 1.4, 1.6]
    headers = [
        "No.",
        "Tujuan",
        "Indikator Tujuan",
        "Sasaran",
        "Indikator Sasaran (IKU)",
        "Penjelasan / Formulasi",
        "Satuan",
        "Tahun Dasar {{ tahun_dasar }}",
    ]
    table = doc.add_table(rows=2, cols=len(fixed) + 3)
    borders(table)
    cells = table.rows[0].cells
    for cell, text in zip(cells, headers, strict=False):
        cell_text(cell, text, bold=True, align="center")
        shade(cell)
    n = len(headers)
    cell_text(cells[n], "{%tc for y in tahun_target %}")
    cell_text(cells[n + 1], "{{ y }}", bold=True, align="center")
    shade(cells[n + 1])
    cell_text(cells[n + 2], "{%tc endfor %}")
    repeat_header(table.rows[0])
    cell_text(table.rows[1].cells[0], "{%tr for r in rencana_kerja %}")
    content = table.add_row().cells
    for cell, key in zip(
        content, ["no", "tujuan", "indikator_tujuan", "sasaran", "iku"], strict=False
    ):
        cell_text(cell, f"{{{{ r.{key} }}}}", align="center" if key == "no" else None)
    formula_cell(content[5], "r.indikator.formula", fixed[5])
    cell_text(content[6], "{{ r.indikator.satuan or '' }}", align="center")
    cell_text(content[7], "{{ r.dasar }}", align="center")
    cell_text(content[8], "{%tc for v in r.nilai %}")
    cell_text(content[9], "{{ v }}", align="center")
    cell_text(content[10], "{%tc endfor %}")
    cell_text(table.add_row().cells[0], "{%tr endfor %}")
    set_widths(table, [*fixed, 0.3, 1.4, 0.3])
    paragraph(doc, "")


def cascade(doc) -> None:
    heading(doc, "CASCADING SASARAN, INDIKATOR KINERJA UTAMA, PROGRAM DAN KEGIATAN", center=True)
    widths = [1.0, 3.5, 4.2, 4.2, 4.0, 4.5, 5.0]
    table = doc.add_table(rows=5, cols=7)
    borders(table)
    top = ["NO.", "SASARAN", "", "PROGRAM", "", "KEGIATAN", ""]
    sub = ["", "URAIAN", "INDIKATOR", "URAIAN", "INDIKATOR", "URAIAN", "INDIKATOR"]
    for r, labels in enumerate((top, sub)):
        for cell, text in zip(table.rows[r].cells, labels, strict=True):
            if text:
                cell_text(cell, text, bold=True, align="center")
            shade(cell)
        repeat_header(table.rows[r])
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(0, 5).merge(table.cell(0, 6))
    table.cell(0, 0).merge(table.cell(1, 0))
    cell_text(table.rows[2].cells[0], "{%tr for r in cascade %}")
    keys = [
        "no",
        "sasaran",
        "iku",
        "program",
        "indikator_program",
        "kegiatan",
        "indikator_kegiatan",
    ]
    for cell, key in zip(table.rows[3].cells, keys, strict=True):
        cell_text(cell, f"{{{{ r.{key} }}}}", align="center" if key == "no" else None)
    cell_text(table.rows[4].cells[0], "{%tr endfor %}")
    set_widths(table, widths)


def cover(doc, *lines: str) -> None:
    """A cover page: the logo (when the data has one), then ``lines`` centred in bold."""
    from docx.enum.text import WD_BREAK

    for _ in range(3):
        paragraph(doc, "")
    paragraph(doc, LOGO, align="center", space_after=24)
    for text in lines:
        paragraph(doc, text, bold=True, align="center", space_after=6)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def dokumen_iku() -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_BREAK

    doc = new_document()
    cover(
        doc,
        "INDIKATOR KINERJA UTAMA (IKU)",
        "{{ dinas.nama|upper }}",
        "{{ dinas.pemda.sebutan|upper }}",
        "",
        "{{ tahun }}",
    )

    heading(doc, "KATA PENGANTAR", center=True, space_after=12)
    prose(
        doc,
        "kata_pengantar",
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat dan"
        " karunia-Nya Dokumen Indikator Kinerja Utama (IKU) {{ nama }} Tahun {{ tahun }} dapat"
        " disusun.",
        "Indikator Kinerja Utama ini disusun berdasarkan Rencana Strategis {{ nama }}"
        " {{ periode }} sebagai ukuran keberhasilan pencapaian tujuan dan sasaran strategis,"
        " serta sebagai acuan dalam perencanaan, pengukuran, pelaporan dan evaluasi kinerja.",
    )
    paragraph(doc, "")
    signature_place(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "BAB I", center=True, space_after=0)
    heading(doc, "PENDAHULUAN", center=True, space_after=12)
    heading(doc, "A. LATAR BELAKANG")
    prose(
        doc,
        "latar_belakang",
        "Setiap instansi pemerintah wajib menetapkan Indikator Kinerja Utama (IKU) di"
        " lingkungannya sebagai ukuran keberhasilan dari suatu tujuan dan sasaran strategis"
        " organisasi. Dengan IKU yang ditetapkan secara formal, {{ nama }} memperoleh informasi"
        " kinerja yang penting untuk menyelenggarakan manajemen kinerja yang baik serta untuk"
        " perbaikan kinerja dan peningkatan akuntabilitas kinerja.",
    )
    heading(doc, "B. MAKSUD DAN TUJUAN")
    prose(
        doc,
        "maksud",
        "Penetapan Indikator Kinerja Utama {{ nama }} dimaksudkan untuk memberikan panduan"
        " dalam mengukur keberhasilan pencapaian tujuan dan sasaran strategis Renstra"
        " {{ periode }}.",
    )
    paragraph(doc, "{%p if teks.tujuan_penyusunan %}")
    paragraph(doc, "Tujuan penyusunan:", space_after=4)
    lettered(doc, "teks.tujuan_penyusunan", "{{ x }}", numbered=True)
    paragraph(doc, "{%p endif %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "BAB II", center=True, space_after=0)
    heading(doc, "TUGAS DAN FUNGSI", center=True, space_after=12)
    heading(doc, "2.1 Tugas, Fungsi, dan Struktur Organisasi Perangkat Daerah")
    heading(doc, "2.1.1 Dasar Hukum Pembentukan Perangkat Daerah")
    prose(
        doc,
        "dasar_hukum",
        "{{ nama }} merupakan perangkat daerah yang melaksanakan urusan pemerintahan di bidang"
        " tugasnya, dengan tugas dan fungsi sebagaimana dijabarkan berikut.",
    )
    heading(doc, "2.1.2 Struktur Organisasi Perangkat Daerah")
    paragraph(doc, "Struktur Organisasi {{ nama }}, terdiri dari :", space_after=4)
    paragraph(doc, "{%p for s in struktur %}")
    paragraph(
        doc,
        "{{ loop.index|huruf }}.\t{{ s.unit.nama }}{% if s.bawahan %}, membawahi :{% endif %}",
        indent_cm=1.2,
        hanging_cm=0.6,
        tabs_cm=(1.2,),
    )
    paragraph(doc, "{%p for b in s.bawahan %}")
    paragraph(doc, "{{ loop.index }}.\t{{ b.nama }}", indent_cm=1.8, hanging_cm=0.6, tabs_cm=(1.8,))
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "")
    heading(doc, "2.1.3 Uraian Tugas dan Fungsi")
    paragraph(doc, "{%p for s in struktur %}")
    paragraph(
        doc,
        "{{ loop.index }}.\t{{ s.unit.nama }}",
        bold=True,
        indent_cm=0.6,
        hanging_cm=0.6,
        tabs_cm=(0.6,),
        space_after=4,
    )
    paragraph(doc, "{%p for t in s.unit.tugas %}")
    paragraph(doc, "{{ t }}", indent_cm=0.6, align="justify", space_after=4)
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "{%p if s.unit.fungsi %}")
    paragraph(
        doc,
        "Untuk melaksanakan tugas tersebut, {{ s.unit.nama }} mempunyai fungsi :",
        indent_cm=0.6,
        space_after=4,
    )
    lettered(doc, "s.unit.fungsi", "{{ x }}")
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "{%p if s.unit.pimpinan %}")
    paragraph(
        doc,
        "{{ s.unit.nama }} dipimpin oleh seorang {{ s.unit.pimpinan }} yang dalam"
        " melaksanakan tugasnya berada di bawah dan bertanggung jawab kepada Kepala Dinas.",
        indent_cm=0.6,
        align="justify",
        space_after=4,
    )
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "{%p if s.bawahan %}")
    paragraph(doc, "{{ s.unit.pimpinan or s.unit.nama }} membawahi :", indent_cm=0.6, space_after=4)
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "{%p for b in s.bawahan %}")
    paragraph(
        doc,
        "{{ loop.index }})\t{{ b.nama }}{% if b.tugas %} mempunyai tugas :{% endif %}",
        indent_cm=1.2,
        hanging_cm=0.6,
        tabs_cm=(1.2,),
        space_after=4,
    )
    lettered(doc, "b.tugas", "{{ x }}", indent=1.2)
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "{%p endfor %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "BAB III", center=True, space_after=0)
    heading(doc, "TUJUAN DAN SASARAN", center=True, space_after=12)
    heading(doc, "3.1 Tujuan")
    paragraph(
        doc,
        "Untuk melaksanakan misi, {{ nama }} untuk {{ lama_periode }} tahun ke depan"
        " menetapkan tujuan, yaitu :",
        align="justify",
        space_after=4,
    )
    lettered(doc, "tujuan", "{{ x.uraian }}", numbered=True)
    heading(doc, "3.2 Sasaran")
    paragraph(
        doc,
        "Untuk mencapai tujuan tersebut ditetapkan {{ jumlah_sasaran }} sasaran, yaitu :",
        align="justify",
        space_after=4,
    )
    lettered(doc, "sasaran", "{{ x.uraian }}", numbered=True)
    paragraph(
        doc,
        "Keberhasilan pencapaian sasaran diukur dengan Indikator Kinerja Utama pada tabel berikut.",
        align="justify",
    )

    wide = doc.add_section(WD_SECTION.NEW_PAGE)
    wide.orientation = WD_ORIENT.LANDSCAPE
    wide.page_width, wide.page_height = wide.page_height, wide.page_width
    fixed = [1.0, 3.6, 0.9, 4.2, 6.6, 1.6, 1.8]
    year_table(doc, "INDIKATOR KINERJA UTAMA", "iku", fixed, 1.6)
    year_table(doc, "CAPAIAN INDIKATOR KINERJA UTAMA", "capaian", fixed, 1.6)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    rencana_kerja(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    cascade(doc)

    tall = doc.add_section(WD_SECTION.NEW_PAGE)
    tall.orientation = WD_ORIENT.PORTRAIT
    tall.page_width, tall.page_height = tall.page_height, tall.page_width
    heading(doc, "BAB IV", center=True, space_after=0)
    heading(doc, "PENUTUP", center=True, space_after=12)
    prose(
        doc,
        "penutup",
        "Dengan demikian Indikator Kinerja Utama (IKU) {{ nama }} dapat digunakan sebagai bahan"
        " untuk meningkatkan penyelenggaraan pemerintahan yang berdaya guna, berhasil guna,"
        " bersih dan bertanggung jawab, serta untuk memantapkan pelaksanaan akuntabilitas kinerja"
        " dalam mencapai tujuan dan sasaran strategis Renstra {{ periode }}.",
    )
    paragraph(doc, "")
    signature_place(doc)
    doc.save(TEMPLATES / "dokumen-iku.docx")


def simple_table(doc, loop: str, columns: list[tuple[str, str, float, bool]]) -> None:
    """A bordered table: header row (repeats), then one row per item of ``loop``.

    ``columns``: (header, field of the row, width in cm, centred?).
    """
    table = doc.add_table(rows=4, cols=len(columns))
    borders(table)
    for cell, (title, _, _, _) in zip(table.rows[0].cells, columns, strict=True):
        cell_text(cell, title, bold=True, align="center")
        shade(cell)
    repeat_header(table.rows[0])
    cell_text(table.rows[1].cells[0], f"{{%tr for r in {loop} %}}")
    for cell, (_, key, _, centred) in zip(table.rows[2].cells, columns, strict=True):
        cell_text(cell, f"{{{{ r.{key} }}}}", align="center" if centred else None)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    set_widths(table, [width for _, _, width, _ in columns])
    paragraph(doc, "")


def lkj_triwulan() -> None:
    from docx.enum.text import WD_BREAK

    doc = new_document()
    cover(
        doc,
        "LAPORAN KINERJA",
        "TRIWULAN {{ triwulan }} TAHUN {{ tahun }}",
        "",
        "{{ dinas.nama|upper }}",
        "{{ dinas.pemda.sebutan|upper }}",
    )

    heading(doc, "KATA PENGANTAR", center=True, space_after=12)
    prose(
        doc,
        "kata_pengantar",
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas selesainya Laporan"
        " Kinerja Triwulan {{ triwulan }} Tahun {{ tahun }} {{ nama }}. Laporan ini menyajikan"
        " capaian kinerja dan realisasi anggaran sampai dengan triwulan {{ triwulan }} terhadap"
        " target yang ditetapkan dalam Rencana Strategis {{ periode }}.",
        "Semoga laporan ini bermanfaat bagi perbaikan perencanaan, pelaksanaan program dan"
        " kegiatan, serta peningkatan kinerja {{ nama }}.",
    )
    paragraph(doc, "")
    signature_place(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "IKHTISAR EKSEKUTIF", center=True, space_after=12)
    paragraph(
        doc,
        "Laporan Kinerja Triwulan {{ triwulan }} Tahun {{ tahun }} disusun sebagai"
        " wujud pertanggungjawaban pelaksanaan tugas dan fungsi {{ nama }}. Rencana"
        " Strategis {{ periode }} menetapkan {{ jumlah_tujuan }} tujuan dan"
        " {{ jumlah_sasaran }} sasaran, yang pada tahun {{ tahun }} dilaksanakan melalui"
        " {{ jumlah_program }} program dan {{ jumlah_kegiatan }} kegiatan.",
        align="justify",
        space_after=6,
    )
    paragraph(
        doc,
        "Capaian setiap indikator kinerja utama sampai dengan triwulan"
        " {{ triwulan }} disajikan pada BAB III. Capaian dihitung dengan rumus"
        " {{ rumus_capaian }}.",
        align="justify",
        space_after=6,
    )
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "BAB I", center=True, space_after=0)
    heading(doc, "PENDAHULUAN", center=True, space_after=12)
    heading(doc, "A. LATAR BELAKANG")
    prose(
        doc,
        "latar_belakang",
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi"
        " Pemerintah mewajibkan setiap instansi pemerintah mempertanggungjawabkan keberhasilan"
        " dan kegagalan pelaksanaan program dan kegiatan secara periodik. Laporan Kinerja"
        " {{ nama }} disusun untuk memenuhi kewajiban tersebut.",
    )
    heading(doc, "B. MAKSUD DAN TUJUAN")
    prose(
        doc,
        "maksud_tujuan",
        "Laporan Kinerja Triwulan {{ triwulan }} Tahun {{ tahun }} dimaksudkan untuk"
        " menggambarkan tingkat keberhasilan {{ nama }} dalam mencapai tujuan dan sasaran yang"
        " telah ditetapkan, serta menjadi bahan evaluasi dan perbaikan kinerja.",
    )
    heading(doc, "C. PERMASALAHAN UTAMA")
    paragraph(doc, "{%p if permasalahan %}")
    paragraph(doc, "Permasalahan utama {{ nama }} adalah sebagai berikut :", space_after=4)
    simple_table(
        doc,
        "permasalahan",
        [
            ("No", "no", 1.0, True),
            ("Problem Pokok", "pokok", 4.5, False),
            ("Problem", "masalah", 5.5, False),
            ("Akar Problem", "akar", 5.5, False),
        ],
    )
    paragraph(doc, "{%p endif %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "BAB II", center=True, space_after=0)
    heading(doc, "PERENCANAAN KINERJA", center=True, space_after=12)
    heading(doc, "A. PERENCANAAN STRATEGIS")
    prose(
        doc,
        "perencanaan_strategis",
        "Rencana Strategis {{ nama }} Tahun {{ periode }} adalah dokumen perencanaan yang"
        " memuat visi, misi, tujuan, sasaran, program dan kegiatan.",
    )
    paragraph(doc, "{%p if renstra.visi %}")
    paragraph(doc, "Visi : “{{ renstra.visi }}”", align="justify", space_after=4)
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "{%p if renstra.misi %}")
    paragraph(doc, "Visi tersebut didukung oleh {{ jumlah_misi }} misi :", space_after=4)
    lettered(doc, "renstra.misi", "{{ x }}", numbered=True)
    paragraph(doc, "{%p endif %}")
    heading(doc, "B. TUJUAN DAN SASARAN")
    paragraph(doc, "Rencana Strategis menetapkan {{ jumlah_tujuan }} tujuan :", space_after=4)
    lettered(doc, "renstra.tujuan", "{{ x.uraian }}", numbered=True)
    paragraph(doc, "dan {{ jumlah_sasaran }} sasaran beserta indikatornya :", space_after=4)
    paragraph(doc, "{%p for s in sasaran %}")
    paragraph(
        doc, "{{ loop.index }}.\t{{ s.uraian }}", indent_cm=1.2, hanging_cm=0.6, tabs_cm=(1.2,)
    )
    lettered(doc, "s.indikator", "{{ x.uraian }}", indent=1.2)
    paragraph(doc, "{%p endfor %}")
    heading(doc, "C. RENCANA KERJA TAHUNAN {{ tahun }}")
    simple_table(
        doc,
        "rkt",
        [
            ("Sasaran Strategis", "sasaran", 4.5, False),
            ("Indikator Kinerja", "indikator", 7.0, False),
            ("Satuan", "satuan", 1.8, True),
            ("Target", "target", 2.5, True),
        ],
    )
    heading(doc, "D. PROGRAM DAN KEGIATAN TAHUN {{ tahun }}")
    paragraph(
        doc,
        "Pada tahun {{ tahun }} {{ nama }} melaksanakan {{ jumlah_program }} program"
        " dan {{ jumlah_kegiatan }} kegiatan, yang terdiri atas :",
        align="justify",
        space_after=4,
    )
    simple_table(
        doc,
        "program",
        [
            ("No", "no", 1.0, True),
            ("Program", "program", 6.5, False),
            ("Kegiatan", "kegiatan", 8.5, False),
        ],
    )
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "BAB III", center=True, space_after=0)
    heading(doc, "AKUNTABILITAS KINERJA", center=True, space_after=12)
    heading(doc, "A. CAPAIAN KINERJA")
    paragraph(
        doc,
        "Capaian indikator kinerja utama sampai dengan triwulan {{ triwulan }} tahun"
        " {{ tahun }} adalah sebagai berikut. Capaian dihitung dengan rumus"
        " {{ rumus_capaian }}; predikat: {{ predikat }}. Nilai yang belum diukur ditulis"
        " “–” dan tidak dihitung.",
        align="justify",
        space_after=4,
    )
    simple_table(
        doc,
        "capaian",
        [
            ("No", "no", 0.8, True),
            ("Sasaran Strategis", "sasaran", 3.2, False),
            ("Indikator Kinerja Utama", "indikator", 4.2, False),
            ("Satuan", "satuan", 1.3, True),
            ("Target {{ tahun }}", "target", 1.7, True),
            ("Realisasi s.d. TW {{ triwulan }}", "realisasi", 1.9, True),
            ("Capaian (%)", "capaian", 1.7, True),
            ("Predikat", "predikat", 1.7, True),
        ],
    )
    heading(doc, "B. REALISASI ANGGARAN")
    paragraph(
        doc,
        "Realisasi anggaran sampai dengan triwulan {{ triwulan }} tahun {{ tahun }}"
        " adalah sebagai berikut :",
        align="justify",
        space_after=4,
    )
    simple_table(
        doc,
        "anggaran",
        [
            ("Program", "program", 3.5, False),
            ("Kegiatan", "uraian", 5.3, False),
            ("Pagu (Rp)", "pagu", 2.95, True),
            ("Realisasi (Rp)", "realisasi", 2.85, True),
            ("Serapan (%)", "serapan", 1.9, True),
        ],
    )
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    heading(doc, "BAB IV", center=True, space_after=0)
    heading(doc, "PENUTUP", center=True, space_after=12)
    prose(
        doc,
        "penutup",
        "Laporan Kinerja Triwulan {{ triwulan }} Tahun {{ tahun }} {{ nama }} disusun sebagai"
        " bentuk pertanggungjawaban pelaksanaan tugas dan fungsi. Hasil pengukuran kinerja"
        " menjadi bahan evaluasi untuk perbaikan perencanaan dan pelaksanaan program dan"
        " kegiatan pada triwulan berikutnya.",
    )
    paragraph(doc, "")
    signature_place(doc)
    doc.save(TEMPLATES / "lkj-triwulan.docx")


def signature_place(doc) -> None:
    """'Lumajang, Agustus 2020' above the Kepala Dinas signature."""
    table = doc.add_table(rows=1, cols=2)
    set_widths(table, [8, 8.5])
    cell_text(table.rows[0].cells[1], "{{ tempat_tanggal }}", align="center", style="Normal")
    signature(doc)


if __name__ == "__main__":
    TEMPLATES.mkdir(exist_ok=True)
    iki()
    keputusan_iku()
    dokumen_iku()
    lkj_triwulan()
    matriks_perubahan()
    print("templat ditulis ke", TEMPLATES)
