"""The template engine: escaping, strictness, error locations, paper size, fractions."""

from pathlib import Path

import pytest
from docx import Document

from dokgen.errors import TemplateError
from dokgen.load import load
from dokgen.render import Template
from tests.conftest import JABATAN_YAML, TEMPLATES
from tests.docxread import lines, open_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def make_template(tmp_path: Path, *texts: str) -> Path:
    doc = Document()
    for text in texts:
        doc.add_paragraph(text)
    path = tmp_path / "uji.docx"
    doc.save(path)
    return path


def render_card(make_data, jabatan_yaml: str = JABATAN_YAML, kertas: str = "F4"):
    from dokgen.documents import iki

    data = load(make_data(jabatan={"01-a.yaml": jabatan_yaml}))
    context = {**iki.bersama(data), **iki.konteks(data.jabatan[0], data)}
    return open_docx(Template(TEMPLATES / "iki.docx").render(context, kertas))


def test_markup_and_jinja_in_data_print_literally(make_data):
    tugas = "Koperasi & UMKM <b> {{ 7*7 }}"
    doc = render_card(
        make_data, JABATAN_YAML.replace("Melaksanakan pengelolaan administrasi umum", f"'{tugas}'")
    )
    assert f"a.\t{tugas}" in lines(doc)
    assert "49" not in "\n".join(lines(doc))


def test_quotes_print_literally(tmp_path):
    path = make_template(tmp_path, "{{ x }}")
    doc = open_docx(Template(path).render({"x": "Rp \"5\" 'juta' ∑"}))
    assert lines(doc) == ["Rp \"5\" 'juta' ∑"]


def test_undefined_variable_names_template_and_tag(tmp_path):
    path = make_template(tmp_path, "Halo", "Jabatan: {{ jabatn.nama }}")
    with pytest.raises(TemplateError) as caught:
        Template(path).render({"jabatan": {"nama": "X"}})
    message = str(caught.value)
    assert str(path) in message
    assert "Jabatan: {{ jabatn.nama }}" in message
    assert "'jabatn' tidak dikenal" in message


def test_syntax_error_names_template_and_tag(tmp_path):
    path = make_template(tmp_path, "Baik", "{% for x in daftar %}{{ x }}")
    with pytest.raises(TemplateError) as caught:
        Template(path)
    assert str(path) in str(caught.value)
    assert "kesalahan templat" in str(caught.value)


def test_sandbox_blocks_unsafe_attributes(tmp_path):
    path = make_template(tmp_path, "{{ x.__class__.__mro__ }}")
    with pytest.raises(TemplateError, match="'__class__' dari str, yang tidak diizinkan"):
        Template(path).render({"x": "a"})


@pytest.mark.parametrize(
    ("kertas", "size"), [("F4", ("12189", "18709")), ("A4", ("11906", "16838"))]
)
def test_paper_size_follows_the_setting(make_data, kertas, size):
    doc = render_card(make_data, kertas=kertas)
    pg = doc.element.body.find(f"{W}sectPr/{W}pgSz")
    assert (pg.get(f"{W}w"), pg.get(f"{W}h")) == size


def test_iki_card_layout(make_data):
    doc = render_card(make_data)
    text = lines(doc)
    assert text[:5] == [
        "INDIKATOR KINERJA INDIVIDU",
        "1.\tJABATAN\t: SEKRETARIS DINAS",
        "2.\tTUGAS\t:",
        "a.\tMelaksanakan pengelolaan administrasi umum",
        "b.\tMelaksanakan tugas lain yang diberikan oleh Kepala Dinas",
    ]
    assert "3.\tFUNGSI\t: -" in text  # no fungsi: a dash, as in the seed
    table = doc.tables[0]
    header = table.rows[0]
    assert [c.text for c in header.cells] == [
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "PENJELASAN/FORMULASI PENGHITUNGAN",
        "SUMBER DATA",
    ]
    assert header._tr.trPr.find(f"{W}tblHeader") is not None  # repeats on every page
    assert len(table.rows) == 4  # header, two rows, the signature
    # rows never split across pages; a sasaran's rows keep together, the last one with the
    # signature, which is the table's last row
    assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
    rows = [table.rows[1].cells, table.rows[2].cells[1:]]  # [2][0] continues the merged sasaran
    keep = [p.paragraph_format.keep_with_next for r in rows for c in r for p in c.paragraphs]
    assert keep and all(keep)
    assert not any(p.paragraph_format.keep_with_next for p in header.cells[0].paragraphs)
    signature = table.rows[3]._tr
    assert signature.trPr.find(f"{W}tblHeader") is None
    (cell,) = signature.findall(f"{W}tc")  # one cell over the four columns, borderless
    assert cell.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "4"
    borders = cell.find(f"{W}tcPr/{W}tcBorders")
    assert [borders.find(f"{W}{side}").get(f"{W}val") for side in ("left", "bottom", "right")] == [
        "nil"
    ] * 3
    assert len(doc.tables) == 1  # no separate signature table after the IKI table
    # one sasaran for two rows: a vertically merged cell
    assert table.rows[1].cells[0]._tc is table.rows[2].cells[0]._tc
    # the ratio is a real fraction: a nested table, pembilang over penyebut, then × 100%
    (fraction,) = table.rows[1].cells[2].tables
    assert fraction.cell(0, 0).text == "Jumlah PNS yang dilayani tepat waktu"
    assert fraction.cell(1, 0).text == "Jumlah PNS yang mengajukan pelayanan"
    assert fraction.cell(0, 1).text == "× 100%"
    assert table.rows[2].cells[2].tables == []
    assert table.rows[2].cells[2].text.strip() == "Jumlah laporan yang disusun"
    assert [table.rows[i].cells[3].text for i in (1, 2)] == ["Dokumen kepegawaian", "Arsip laporan"]
    assert text[-4:] == [
        "KEPALA DINAS\nKOPERASI DAN USAHA MIKRO\nKABUPATEN MALANG",
        "Dra. MADE DEWI ANGGRAENI, M.Si",
        "Pembina Utama Muda",
        "NIP. 19590531 198603 2 004",
    ]


def test_iki_rows_keep_with_the_next_only_within_their_sasaran_and_the_last_with_the_signature(
    make_data,
):
    yaml = JABATAN_YAML + (
        "  - sasaran: Meningkatnya kualitas perencanaan\n"
        "    indikator:\n"
        "      - uraian: Jumlah dokumen perencanaan\n"
        "        formula: Jumlah dokumen\n"
        "      - uraian: Jumlah laporan evaluasi\n"
        "        formula: Jumlah laporan\n"
    )
    table = render_card(make_data, yaml).tables[0]
    assert len(table.rows) == 6  # header, 2 + 2 rows, the signature

    def keeps(row) -> bool:
        first = row._tr.findall(f"{W}tc")[0].find(f"{W}p")
        return first.find(f"{W}pPr/{W}keepNext") is not None

    # a row keeps with the next while the next continues its sasaran: a page may break between
    # two sasaran, never inside one that fits on a page; the last row goes with the signature
    assert [keeps(row) for row in table.rows[1:5]] == [True, False, True, True]
    assert table.rows[3].cells[0].text == "Meningkatnya kualitas perencanaan"
    assert table.rows[3].cells[0]._tc is table.rows[4].cells[0]._tc
    assert "NIP. 19590531 198603 2 004" in table.rows[5].cells[0].text


def test_page_setup_from_data_margins_font_and_size(make_data, tmp_path):
    from docx.shared import Pt

    from dokgen.build import build
    from tests.conftest import DINAS_YAML

    dinas = DINAS_YAML + (
        "pengaturan:\n  kertas: A4\n  margin: {atas: 2,5, kanan: 2, bawah: 2, kiri: 3}\n"
    )
    dinas = dinas.replace(
        "margin: {atas: 2,5, kanan: 2, bawah: 2, kiri: 3}",
        "margin:\n    atas: 2,5\n    kanan: 2\n    bawah: 2\n    kiri: 3",
    )
    dinas += "  huruf: Liberation Serif\n  ukuran_huruf: 13\n"
    build(make_data(dinas=dinas), tmp_path)
    doc = open_docx(tmp_path / "iki" / "01-sekretaris.docx")
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.top_margin.cm, 2) == 2.5 and round(section.left_margin.cm, 2) == 3
    assert round(section.right_margin.cm, 2) == round(section.bottom_margin.cm, 2) == 2
    normal = doc.styles["Normal"]
    assert normal.font.name == "Liberation Serif" and normal.font.size == Pt(13)


def test_missing_or_broken_template_is_reported(tmp_path):
    with pytest.raises(TemplateError, match=r"tidak-ada\.docx: templat \.docx tidak dapat dibuka"):
        Template(tmp_path / "tidak-ada.docx")
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"bukan zip")
    with pytest.raises(TemplateError, match=r"rusak\.docx: templat \.docx tidak dapat dibuka"):
        Template(broken)


# --- column widths fitted to their words (issue 17) -------------------------------------------


def table_template(tmp_path: Path, widths: list[int], rows: list[list[str]]) -> Path:
    """A template holding one fixed-layout table: ``widths`` in twips, the first row bold."""
    from docx.shared import Twips

    doc = Document()
    table = doc.add_table(rows=len(rows), cols=len(widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    for r, texts in enumerate(rows):
        for cell, width, text in zip(table.rows[r].cells, widths, texts, strict=True):
            cell.width = Twips(width)
            run = cell.paragraphs[0].add_run(text)
            run.bold = r == 0
    path = tmp_path / "tabel.docx"
    doc.save(path)
    return path


def table_widths(blob: bytes) -> tuple[list[int], list[list[int]]]:
    """The first table's grid, and each row's cell widths, in twips."""
    import io

    table = Document(io.BytesIO(blob)).tables[0]._tbl
    grid = [int(col.get(f"{W}w")) for col in table.iter(f"{W}gridCol")]
    cells = [
        [int(tc_w.get(f"{W}w")) for tc_w in row.iter(f"{W}tcW")] for row in table.iter(f"{W}tr")
    ]
    return grid, cells


def needed(text: str, bold: bool, half_points: int = 22) -> float:
    """What a column needs for ``text`` as one token: its width, the cell margins (108 each)."""
    from dokgen.lebar import _em

    return _em("sans", bold, text) * half_points / 100 + 216


def test_a_header_word_too_wide_for_its_column_gets_a_column_wide_enough(tmp_path):
    widths = [600, 700, 5000, 1400]
    path = table_template(
        tmp_path,
        widths,
        [["No", "Satuan", "Uraian", "Target"], ["1", "%", "Persentase dokumen yang selesai", "90"]],
    )
    grid, cells = table_widths(Template(path).render({}))
    assert grid[1] >= needed("Satuan", bold=True) > 700  # was too narrow: "Satu an"
    assert sum(grid) == sum(widths)  # the table keeps its width
    assert all(row == grid for row in cells)  # grid and every tcW agree
    assert grid[2] < 5000  # taken from the columns with slack, the widest giving most
    assert grid[0] >= needed("No", bold=True) and grid[3] >= needed("Target", bold=True)
    assert 5000 - grid[2] > 600 - grid[0]


def test_a_number_never_breaks_inside_itself(tmp_path):
    widths = [900, 6000]
    path = table_template(tmp_path, widths, [["Pagu", "Uraian"], ["749.455.000", "Belanja"]])
    grid, cells = table_widths(Template(path).render({}))
    assert grid[0] >= needed("749.455.000", bold=False) > 900
    assert sum(grid) == sum(widths) and all(row == grid for row in cells)


def test_nothing_changes_when_every_word_fits(tmp_path):
    from dokgen import lebar

    widths = [1500, 1500, 4000]
    rows = [["No", "Satuan", "Uraian"], ["1", "%", "Persentase dokumen yang selesai tepat waktu"]]
    path = table_template(tmp_path, widths, rows)
    template = Template(path)
    grid, cells = table_widths(template.render({}))
    assert grid == widths and all(row == widths for row in cells)
    # read without parsing: the rendered body is left as it is
    body = template._body.template.render({"gambar": {}})
    assert lebar.muat_semua(body, template._metrik(None, None))


def test_widths_stay_when_the_words_cannot_all_fit(tmp_path):
    widths = [700, 700, 700]
    rows = [["Penyelenggaraan", "Pertanggungjawaban", "Akuntabilitas"], ["1", "2", "3"]]
    grid, _ = table_widths(Template(table_template(tmp_path, widths, rows)).render({}))
    assert grid == widths  # never worse than the template


def test_a_cell_spanning_columns_counts_across_them(tmp_path):
    import io

    widths = [400, 400, 5000]
    path = table_template(tmp_path, widths, [["A", "B", "C"], ["x", "y", "z"]])
    doc = Document(path)
    merged = doc.tables[0].cell(0, 0).merge(doc.tables[0].cell(0, 1))
    merged.paragraphs[0].runs[0].text = "Pertanggungjawaban"
    for run in merged.paragraphs[0].runs[1:]:
        run.text = ""
    doc.save(path)
    grid, _ = table_widths(Template(path).render({}))
    assert grid[0] + grid[1] >= needed("Pertanggungjawaban", bold=True) > 800
    assert sum(grid) == sum(widths)
    table = Document(io.BytesIO(Template(path).render({}))).tables[0]._tbl
    first = next(table.iter(f"{W}tcW"))
    assert int(first.get(f"{W}w")) == grid[0] + grid[1]


def test_iki_card_page_numbers_from_its_second_page_and_from_1_in_the_combined_document(
    make_data,
):
    import io
    import zipfile
    import zlib

    from dokgen.documents import iki

    data = load(make_data(jabatan={"01-a.yaml": JABATAN_YAML}))
    context = {**iki.bersama(data), **iki.konteks(data.jabatan[0], data)}
    blob, piece = Template(TEMPLATES / "iki.docx").render_dokumen(context, "F4", piece=True)
    doc = open_docx(blob)
    section = doc.sections[0]
    assert section.different_first_page_header_footer  # no number on a card's first page
    assert "PAGE" in section.footer._element.xml
    assert not section.first_page_footer.paragraphs[0].text
    # the card itself is one section; its piece closes its own section, numbered from 1
    body = zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml")
    assert body.count(b"<w:sectPr") == 1
    raw = zlib.decompressobj(-15).decompress(piece)
    assert raw.count(b"<w:sectPr") == 1 and raw.rstrip().endswith(b"</w:p>")
    closing = raw[raw.rindex(b"<w:p>") :]
    assert b'<w:pgNumType w:start="1"/>' in closing and b"<w:type " not in closing


def test_an_indented_cell_is_read_without_parsing_and_its_indent_counts(tmp_path):
    """A signature cell indented to the right half: the quick reading subtracts the indent (an
    IKI card's signature row; without it every card was parsed, 3× the time of a card)."""
    from docx.shared import Twips

    from dokgen import lebar

    widths = [1500, 4000]
    path = table_template(tmp_path, widths, [["No", "Uraian"], ["1", "KABUPATEN"]])
    doc = Document(path)
    doc.tables[0].cell(1, 1).paragraphs[0].paragraph_format.left_indent = Twips(1000)
    doc.save(path)
    template = Template(path)
    body = template._body.template.render({"gambar": {}})
    assert "<w:ind " in body and lebar.muat_semua(body, template._metrik(None, None))
    doc.tables[0].cell(1, 1).paragraphs[0].paragraph_format.left_indent = Twips(3500)
    doc.save(path)
    template = Template(path)
    body = template._body.template.render({"gambar": {}})
    assert not lebar.muat_semua(body, template._metrik(None, None))  # 500 twips are too few


def test_tabs_and_line_breaks_of_data_anywhere_in_the_document(tmp_path):
    """Every tab and line break of the data becomes w:tab / w:br in its own run — the first in
    the document, and those after it (the search for them starts at the first)."""
    path = make_template(tmp_path, "{{ a }}", "Tengah {{ b }}", "{{ c }}")
    doc = open_docx(Template(path).render({"a": "x", "b": "1\t2", "c": "KEPALA\nDINAS\tKOPERASI"}))
    body = doc.element.body
    assert [p.text for p in doc.paragraphs] == ["x", "Tengah 1\t2", "KEPALA\nDINAS\tKOPERASI"]
    assert len(body.findall(f".//{W}tab")) == 2
    assert len(body.findall(f".//{W}br")) == 1
    assert "\t" not in "".join(t.text or "" for t in body.iter(f"{W}t"))
