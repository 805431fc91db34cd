"""The Dokumen IKU of Lumajang (seed 000), read back: BAB II, IKU tables and the cascade."""

import re
import subprocess

import pytest

from dokgen.build import BuildOptions, build
from tests.conftest import DATA
from tests.docxread import W, lines, open_docx, table_after, unique_cells

LUMAJANG = DATA / "lumajang-diskopum"
YEARS = ["2019", "2020", "2021", "2022", "2023"]


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    hasil = build(LUMAJANG, out, BuildOptions(kind="dokumen-iku"))
    assert [p.name for p in hasil.written] == ["dokumen-iku.docx"]
    return open_docx(out / "dokumen-iku.docx")


def test_bab_ii_structure_and_duties(doc):
    text = lines(doc)
    start = text.index("2.1.2 Struktur Organisasi Perangkat Daerah")
    assert text[start + 1 : start + 6] == [
        "Struktur Organisasi Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang, terdiri dari :",
        "a.\tKepala Dinas",
        "b.\tSekretariat, membawahi :",
        "1.\tSub Bagian Umum dan Kepegawaian",
        "2.\tSub Bagian Keuangan",
    ]
    assert "e.\tBidang Usaha Mikro, membawahi :" in text
    assert "3)\tSeksi Pengembangan Kewirausahaan mempunyai tugas :" in text
    assert "t.\tpelaksanaan fungsi lain yang diberikan oleh Kepala Dinas." in text
    assert "2 (dua) sasaran" in " ".join(text)


def test_iku_table_has_every_iku_formula_and_yearly_target(doc):
    table = table_after(doc, "Tabel 3.1 Indikator Kinerja Utama")
    header = [c.text for c in table.rows[0].cells]
    assert header[-6:] == ["Tahun Dasar 2018", *YEARS]
    rows = table.rows[1:]
    assert [r.cells[3].text for r in rows] == [
        "Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)",
        "Persentase Koperasi Sehat dan Cukup Sehat",
        "Persentase Perkembangan Usaha Mikro",
    ]
    assert [[c.text for c in r.cells[-6:]] for r in rows] == [
        ["80,90", "80,94", "80,98", "81,02", "81,06", "81,10"],
        ["82,0", "86,7", "87,1", "87,5", "87,9", "88,2"],
        ["12,00", "12,73", "13,33", "13,85", "14,29", "14,67"],
    ]
    (fraction,) = rows[0].cells[4].tables
    assert fraction.cell(0, 0).text == "Jml koperasi yang melaksanakan RAT"
    assert fraction.cell(1, 0).text == "jml koperasi aktif"
    # the first sasaran spans its two IKU rows
    assert rows[0].cells[1]._tc is rows[1].cells[1]._tc
    assert rows[0].cells[1].text == "Meningkatnya Kualitas Koperasi"
    assert (
        len(
            table._tbl.tblGrid.findall(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"
            )
        )
        == 12
    )


def test_capaian_prints_a_dash_not_zero_for_unmeasured(doc):
    table = table_after(doc, "Tabel 3.2 Capaian Indikator Kinerja Utama")
    values = [[c.text for c in r.cells[-5:]] for r in table.rows[1:]]
    assert values == [
        ["80,34", "49,16", "–", "–", "–"],
        ["88,0", "–", "–", "–", "–"],
        ["10,91", "14,43", "–", "–", "–"],
    ]


def test_cascade_has_every_program_and_kegiatan_with_spans(doc):
    table = table_after(doc, "Tabel 3.4 Cascading Sasaran, Indikator Kinerja Utama,", prefix=True)
    rows = table.rows[2:]
    kegiatan = [r.cells[5].text for r in rows]
    assert kegiatan == [
        "Pembinaan, Pengawasan, dan Penghargaan Koperasi Berprestasi",
        "Pembinaan dan Bimbingan Teknis Koperasi",
        "Penyuluhan dan Pengembangan Kelembagaan Koperasi",
        "Peningkatan Kapasitas Koperasi, Usaha Kecil dan Menengah",
        "Fasilitasi, Pembinaan Akses Permodalan dan Simpan Pinjam Koperasi",
        "Fasilitasi, Pembinaan dan Pengembangan Usaha Koperasi",
        "Fasilitasi, Pembinaan dan Pemberdayaan Administrasi Usaha Koperasi",
        "Fasilitasi Pemberdayaan Usaha Mikro",
        "Fasilitasi Pengembangan Usaha Mikro",
        "Fasilitasi Peningkatan Kewirausahaan",
        "Pembinaan dan Pelatihan Keterampilan Kerja bagi Tenaga Kerja dan Masyarakat",
        "Fasilitasi Promosi bagi Usaha Mandiri Masyarakat",
    ]
    sasaran = [c.text for c in unique_cells(table, 1)]
    assert sasaran == [
        "SASARAN",
        "URAIAN",
        "Meningkatnya Kualitas Koperasi",
        "Meningkatnya Kuantitas dan Kualitas Usaha Mikro",
    ]
    programs = [c.text for c in unique_cells(table, 3)][2:]
    assert programs == [
        "Program Peningkatan Kualitas Kelembagaan Koperasi",
        "Program Pengembangan dan Peningkatan Pendukung Usaha Koperasi",
        "Program Penciptaan, Peningkatan dan Pengembangan Usaha Mikro",
        "Program Pembinaan Lingkungan Sosial",
    ]
    # the first sasaran spans the 7 kegiatan rows of its two IKU
    assert rows[0].cells[1]._tc is rows[6].cells[1]._tc
    assert rows[6].cells[1]._tc is not rows[7].cells[1]._tc


def test_prose_from_data_replaces_standard_wording(doc):
    text = lines(doc)
    assert text[text.index("A. LATAR BELAKANG") + 1].startswith(
        "Dalam kerangka pembangunan good governance"
    )
    # the day is filled in at signing: a dotted blank, the month from ``bulan: 2020-08``
    assert "Lumajang, ………………… Agustus 2020" in text
    assert text[-1] == "NIP. 19621215 199403 1 006"


@pytest.fixture(scope="module")
def doc_2014(tmp_path_factory):
    out = tmp_path_factory.mktemp("build2014")
    build(DATA / "lumajang-diskopum-2014", out)
    return open_docx(out / "dokumen-iku.docx")


def test_rencana_kerja_lists_tujuan_indicators_then_sasaran_iku(doc_2014):
    # no realisasi in this Renstra: no Capaian table, so the Rencana Kerja is Tabel 3.2
    table = table_after(doc_2014, "Tabel 3.2 Rencana Kerja Dinas Koperasi dan Usaha Mikro")
    assert [c.text for c in table.rows[0].cells][-7:] == [
        "Tahun Dasar 2013",
        "2014",
        "2015",
        "2016",
        "2017",
        "2018",
        "2019",
    ]
    rows = table.rows[1:]
    assert [(r.cells[2].text, r.cells[4].text) for r in rows] == [
        ("Persentase Koperasi yang Sehat dan Cukup Sehat", ""),
        ("Persentase Pertumbuhan Usaha Mikro", ""),
        ("", "Persentase koperasi sehat"),
        ("", "Persentase koperasi cukup sehat"),
        ("", "Persentase Peningkatan Usaha Mikro (UM)"),
        ("", "Persentase Usaha Mikro yang Mandiri"),
        ("", "Persentase Peningkatan Usaha Mikro ke Usaha Kecil"),
    ]
    assert [c.text for c in rows[1].cells[-7:]] == ["–", "–", "1,6", "0,81", "1,20", "0,59", "0,59"]
    assert rows[0].cells[1]._tc is rows[6].cells[1]._tc  # one tujuan spans every row
    assert rows[2].cells[3]._tc is rows[3].cells[3]._tc  # sasaran spans its IKU
    assert rows[3].cells[3]._tc is not rows[4].cells[3]._tc


def test_cascade_program_supporting_two_iku_lists_both(doc_2014):
    table = table_after(doc_2014, "Tabel 3.3 Cascading", prefix=True)
    rows = table.rows[2:]
    assert rows[0].cells[2].text == "Persentase koperasi sehat\nPersentase koperasi cukup sehat"
    assert len(rows) == 8 + 2 + 3 + 4
    assert rows[0].cells[3]._tc is rows[7].cells[3]._tc  # program spans its 8 kegiatan
    # the last two programs support the same IKU: one IKU cell, two program cells
    assert rows[10].cells[2]._tc is rows[16].cells[2]._tc
    assert rows[12].cells[3]._tc is not rows[13].cells[3]._tc


# --- pages (issue 17): sections, page numbers, Daftar Isi, captions, tables, signature ---------

BANDAR_LAMPUNG = DATA / "bandarlampung-diskopukm"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
BABS = ["BAB I", "BAB II", "BAB III", "BAB IV"]


def _text(element) -> str:
    """The text of an element's runs (python-docx's elements repeat it in itertext)."""
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _body(doc):
    return doc.element.body


def _ppr_has(paragraph, tag: str) -> bool:
    return paragraph.find(f"{W}pPr/{W}{tag}") is not None


def _paragraph(doc, text: str):
    (found,) = [p for p in doc.paragraphs if p.text == text]
    return found._p


def _sections(doc):
    """Every w:sectPr of the body, in order (the last is the body's own)."""
    return list(_body(doc).iter(f"{W}sectPr"))


def test_cover_front_matter_roman_body_arabic_from_one(doc):
    cover, front, body, landscape, last = _sections(doc)
    numbering = [s.find(f"{W}pgNumType") for s in (front, body, landscape, last)]
    assert cover.find(f"{W}pgNumType") is None
    assert cover.find(f"{W}footerReference") is None  # the cover shows no number
    assert [(n.get(f"{W}fmt"), n.get(f"{W}start")) for n in numbering] == [
        ("lowerRoman", "1"),
        ("decimal", "1"),
        ("decimal", None),
        ("decimal", None),
    ]
    assert landscape.find(f"{W}pgSz").get(f"{W}orient") == "landscape"
    # every numbered section shows the footer, which holds a PAGE field, centred
    for section in (front, body, landscape, last):
        (reference,) = section.findall(f"{W}footerReference")
        part = doc.part.related_parts[reference.get(f"{R}id")]
        footer = part.blob.decode() if hasattr(part, "blob") else ""
        assert 'w:instr=" PAGE "' in footer
        assert '<w:jc w:val="center"/>' in footer
    # the roman section ends with the Daftar Isi; BAB I opens the arabic one
    paragraphs = list(_body(doc).iter(f"{W}p"))
    end_front = next(p for p in paragraphs if p.find(f"{W}pPr/{W}sectPr") is front)
    following = paragraphs[paragraphs.index(end_front) + 1 :]
    assert _text(next(p for p in following if _text(p))) == "BAB I"


def test_cover_has_lambang_title_dinas_and_period_in_large_type(doc):
    cover_end = _sections(doc)[0].getparent().getparent()
    paragraphs = list(_body(doc).iterchildren(f"{W}p"))
    cover = paragraphs[: paragraphs.index(cover_end) + 1]
    texts = [_text(p) for p in cover if _text(p)]
    assert texts == [
        "INDIKATOR KINERJA UTAMA (IKU)",
        "TAHUN 2018–2023",
        "DINAS KOPERASI DAN USAHA MIKRO",
        "KABUPATEN LUMAJANG",
        "2020",
    ]
    for p in cover:
        for size in p.iter(f"{W}sz"):
            assert int(size.get(f"{W}val")) >= 28  # 14 pt and more
    (extent,) = [e for p in cover for e in p.iter() if e.tag.endswith("}extent")]
    assert int(extent.get("cy")) == 4 * 360000  # the lambang, 4 cm high


def _bookmarks(doc) -> dict[str, str]:
    """Bookmark name → text of the paragraph it is in."""
    return {b.get(f"{W}name"): _text(b.getparent()) for b in _body(doc).iter(f"{W}bookmarkStart")}


def _pagerefs(doc) -> list[tuple[str, str]]:
    """(text before the page number, bookmark) of every Daftar Isi line."""
    refs = []
    for p in _body(doc).iter(f"{W}p"):
        instr = "".join(t.text for t in p.iter(f"{W}instrText"))
        if "PAGEREF" in instr:
            label = _text(p)[:-1]  # less the cached number
            refs.append((label, instr.split()[1]))
    return refs


def test_daftar_isi_points_at_every_bab_heading_and_table_caption(doc):
    marks = _bookmarks(doc)
    refs = _pagerefs(doc)
    targets = [name for _, name in refs]
    assert all(marks[name] for name in targets)  # every PAGEREF has its bookmark
    bab_marks = [marks[name] for name in targets if marks[name] in BABS]
    assert bab_marks == BABS
    assert [label for label, name in refs if marks[name] in BABS] == [
        "BAB IPENDAHULUAN",
        "BAB IITUGAS DAN FUNGSI",
        "BAB IIITUJUAN DAN SASARAN",
        "BAB IVPENUTUP",
    ]
    assert [marks[name] for name in targets if marks[name].startswith("Tabel")] == [
        "Tabel 3.1 Indikator Kinerja Utama",
        "Tabel 3.2 Capaian Indikator Kinerja Utama",
        "Tabel 3.3 Rencana Kerja Dinas Koperasi dan Usaha Mikro",
        "Tabel 3.4 Cascading Sasaran, Indikator Kinerja Utama, Program dan Kegiatan",
    ]
    assert "2.1.2 Struktur Organisasi Perangkat Daerah" in [marks[n] for n in targets]
    assert marks["_RefKataPengantar"] == "KATA PENGANTAR"
    for instr in _body(doc).iter(f"{W}instrText"):
        assert instr.text.strip().endswith("\\h")
    settings = doc.settings.element
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"


def test_bab_headings_open_a_page_and_headings_keep_with_what_follows(doc):
    for bab in BABS:
        heading = _paragraph(doc, bab)
        assert _ppr_has(heading, "pageBreakBefore") and _ppr_has(heading, "keepNext")
        title = heading.getnext()
        assert _ppr_has(title, "keepNext")
    for sub in ["A. LATAR BELAKANG", "2.1.3 Uraian Tugas dan Fungsi", "3.2 Sasaran"]:
        assert _ppr_has(_paragraph(doc, sub), "keepNext")


def _captions(doc) -> list[tuple[str, object]]:
    """(caption text, the element after it) of every table caption, in order."""
    return [
        (_text(p), p.getnext())
        for p in _body(doc).iterchildren(f"{W}p")
        if any(b.get(f"{W}name").startswith("_RefTabel") for b in p.iter(f"{W}bookmarkStart"))
    ]


@pytest.fixture(scope="module")
def doc_bandar_lampung(tmp_path_factory):
    out = tmp_path_factory.mktemp("bandarlampung")
    build(BANDAR_LAMPUNG, out)
    return open_docx(out / "dokumen-iku.docx")


def test_captions_numbered_in_order_above_their_table(doc, doc_bandar_lampung):
    for document, titles in [
        (doc, ["Indikator Kinerja Utama", "Capaian", "Rencana Kerja", "Cascading"]),
        # Bandar Lampung's Renstra has no tujuan, targets, realisasi or program: no Rencana
        # Kerja, IKU targets, Capaian or Cascading table, nor their numbers; its RPJMD alignment
        # comes first, then seed 001's Penetapan IKU
        (doc_bandar_lampung, ["Keselarasan RPJMD", "Penetapan Indikator Kinerja Utama"]),
    ]:
        captions = _captions(document)
        assert len(captions) == len(titles)
        for n, ((caption, following), title) in enumerate(
            zip(captions, titles, strict=True), start=1
        ):
            assert caption.startswith(f"Tabel 3.{n} {title}")
            assert following.tag == f"{W}tbl"
        for caption, _ in captions:
            assert _ppr_has(_paragraph(document, caption), "keepNext")


def test_table_rows_never_split_and_header_rows_repeat(doc, doc_bandar_lampung):
    for document in (doc, doc_bandar_lampung):
        for _, table in _captions(document):
            rows = table.findall(f"{W}tr")
            headers = 2 if _text(rows[0]).startswith("NO.") else 1  # cascade: 2
            for k, row in enumerate(rows):
                assert row.find(f"{W}trPr/{W}cantSplit") is not None
                assert (row.find(f"{W}trPr/{W}tblHeader") is not None) == (k < headers)
                if k >= headers:  # a data row has its text, none is a header-only table
                    assert _text(row).strip()
            for nested in table.iter(f"{W}tbl"):  # the fraction of a formula
                for row in nested.findall(f"{W}tr"):
                    assert row.find(f"{W}trPr/{W}cantSplit") is not None


def test_header_rows_bold_and_shaded_and_no_total_rows(doc):
    """The Dokumen IKU's tables hold no subtotal or total row ("Jumlah …" in them is the
    name of an indicator): header rows are the only bold, shaded ones."""
    for _, table in _captions(doc):
        for row in table.findall(f"{W}tr"):
            header = row.find(f"{W}trPr/{W}tblHeader") is not None
            cells = row.findall(f"{W}tc")
            shaded = [c.find(f"{W}tcPr/{W}shd") is not None for c in cells]
            assert shaded == [header] * len(cells)
            first = _text(cells[0]).strip()
            assert not first.upper().startswith("JUMLAH")
            if header:
                for run in row.iter(f"{W}r"):
                    if _text(run).strip():
                        assert run.find(f"{W}rPr/{W}b") is not None


def test_signature_block_keeps_together_with_the_text_above(doc):
    paragraphs = list(_body(doc).iterchildren(f"{W}p"))
    nips = [p for p in paragraphs if _text(p) == "NIP. 19621215 199403 1 006"]
    assert len(nips) == 2  # under the Kata Pengantar and under BAB IV
    for nip in nips:
        k = paragraphs.index(nip)
        place = next(i for i in range(k, 0, -1) if _text(paragraphs[i]).startswith("Lumajang,"))
        block = paragraphs[place - 1 : k]  # the last paragraph of text, place/date … pangkat
        assert _text(block[0]).strip()  # text, not an empty paragraph
        assert all(_ppr_has(p, "keepNext") for p in block)
        assert not _ppr_has(nip, "keepNext")
    # the block is paragraphs, not a table row a page can separate from the text
    assert nips[-1].getnext().tag == f"{W}sectPr"


def test_no_empty_paragraph_but_the_landscape_section_break(doc_bandar_lampung):
    """An empty paragraph after the last landscape table must carry the section break (it
    cannot be avoided after a table): it is 1 pt high, so it never pushes a blank page."""
    body = _body(doc_bandar_lampung)
    for table in body.iterchildren(f"{W}tbl"):
        following = table.getnext()
        if following.tag == f"{W}p" and not _text(following):
            assert following.find(f"{W}pPr/{W}sectPr") is not None
            spacing = following.find(f"{W}pPr/{W}spacing")
            assert spacing.get(f"{W}lineRule") == "exact"
            assert int(spacing.get(f"{W}line")) <= 20


def test_printed_pages_numbers_and_daftar_isi_agree(tmp_path):
    """LibreOffice's PDF: the cover has no number, the front matter i, ii, the body 1, 2, …;
    no page is blank; the Daftar Isi gives the page each BAB and table really is on."""
    from dokgen.pdf import ke_pdf

    hasil = build(BANDAR_LAMPUNG, tmp_path, BuildOptions(kind="dokumen-iku"))
    (pdf,) = ke_pdf(hasil.outputs)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [
        [line.strip() for line in page.splitlines() if line.strip()]
        for page in text.split("\f")[:-1]
    ]
    assert all(pages), "a blank page"
    labels = [page[-1] for page in pages]
    assert labels[0] == "2021"  # the cover ends with the year, no number
    body = len(labels) - 3
    assert labels[1:] == ["i", "ii", *map(str, range(1, body + 1))]
    contents = pages[2]
    assert contents[0] == "DAFTAR ISI"
    listed = {}
    for line in contents:
        found = re.fullmatch(r"(BAB [IV]+|Tabel 3\.\d)\s.*?\.{3,}\s*(\d+)", line)
        if found:
            listed[found.group(1)] = found.group(2)
    assert set(listed) == {*BABS, "Tabel 3.1", "Tabel 3.2"}
    for heading, number in listed.items():
        caption = re.compile(rf"{re.escape(heading)} [A-Z]")
        (page,) = [  # a caption: "Tabel 3.1 Indikator …", not "… pada Tabel 3.1 dan …"
            page
            for page in pages[3:]
            if any(line == heading or caption.match(line) for line in page)
        ]
        assert page[-1] == number, heading


def _continues(row) -> bool:
    """Whether the row's first cell continues the merged cell above it."""
    merge = row.find(f"{W}tc/{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(f"{W}val") in (None, "continue")


def test_rows_of_one_sasaran_or_tujuan_kept_on_one_page(doc, doc_2014):
    """A row keeps with the next while the next continues its merged first cell: a page break
    never leaves rows under an empty sasaran / tujuan cell (the header row repeats too)."""
    for document in (doc, doc_2014):
        for caption, table in _captions(document):
            headers = 2 if caption.startswith("Tabel 3.4 Cascading") else 1
            rows = table.findall(f"{W}tr")[headers:]
            kept = [
                all(p.find(f"{W}pPr/{W}keepNext") is not None for p in r.iter(f"{W}p"))
                for r in rows
            ]
            assert kept == [_continues(r) for r in rows[1:]] + [False], caption
            assert any(kept), caption


def test_without_organisasi_no_heading_over_an_empty_list(doc_2014):
    """Lumajang 2014 has no organisasi.yaml: 2.1.2 and 2.1.3 are left out, in the text and in
    the Daftar Isi (whose every PAGEREF still has its bookmark)."""
    text = lines(doc_2014)
    assert not [line for line in text if line.startswith(("2.1.2", "2.1.3"))]
    assert "perangkat daerah yang melaksanakan urusan pemerintahan di bidang tugasnya." in (
        " ".join(text)
    )
    marks = _bookmarks(doc_2014)
    assert {name for _, name in _pagerefs(doc_2014)} <= set(marks)
    assert "2.1.1 Dasar Hukum Pembentukan Perangkat Daerah" in marks.values()


def test_rencana_kerja_empty_cells_of_a_run_of_rows_are_one_cell(doc):
    """The empty Indikator Tujuan cells of a tujuan's IKU rows are one merged cell, not a cell
    per row (the grid looked broken); the tujuan's own indicator (seed 002) has its row first."""
    from dokgen.documents.dokumen_iku import baris_rencana_kerja
    from dokgen.format import LANJUT
    from dokgen.load import load

    rows = baris_rencana_kerja(load(LUMAJANG).renstra)
    assert [r["indikator_tujuan"] for r in rows] == [
        "Persentase koperasi aktif",
        "",
        LANJUT,
        "Persentase pertumbuhan usaha mikro",
        "",
    ]
    assert [r["no"] for r in rows] == ["1", LANJUT, LANJUT, "2", LANJUT]
    # in the document: the IKU rows' empty Indikator Tujuan cells are one cell
    table = table_after(doc, "Tabel 3.3 Rencana Kerja Dinas Koperasi dan Usaha Mikro")
    merges = [
        [tc.find(f"{W}tcPr/{W}vMerge") for tc in row._tr.findall(f"{W}tc")[:3]]
        for row in table.rows[1:]
    ]
    assert [[m is not None and m.get(f"{W}val") for m in cells] for cells in merges] == [
        ["restart", "restart", False],
        [None, None, "restart"],
        [None, None, None],
        ["restart", "restart", False],
        [None, None, False],
    ]


# --- issue 18: every section the seeds carry, from data; none hollow -------------------------


def _after(text: list[str], heading: str, count: int) -> list[str]:
    start = text.index(heading)
    return text[start + 1 : start + 1 + count]


def test_landasan_penyusunan_cites_the_catalogue_in_mengingat_order(doc_bandar_lampung):
    """Seed 001's 1.3 Landasan Penyusunan, from keys: lettered, ordered by the hierarchy of
    regulations and then by year, each ending ';' and the last '.'."""
    text = lines(doc_bandar_lampung)
    items = _after(text, "C. LANDASAN PENYUSUNAN", 10)
    assert items[0] == (
        "Indikator Kinerja Utama Dinas Koperasi dan UKM Kota Bandar Lampung disusun berlandaskan"
        " peraturan perundang-undangan berikut :"
    )
    starts = [
        "a.\tUndang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional",
        "b.\tUndang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        "c.\tPeraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah",
        "d.\tPeraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja",
        "e.\tPeraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007",
        "f.\tPeraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/20/M.PAN/11/2008",
        "g.\tPeraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
        "h.\tPeraturan Daerah Kota Bandar Lampung Nomor 10 Tahun 2007",
        "i.\tPeraturan Daerah Kota Bandar Lampung Nomor 7 Tahun 2016",
    ]
    for item, start in zip(items[1:], starts, strict=True):
        assert item.startswith(start.replace("PER/09/", "PER/")[:40]), (item, start)
    assert all(item.endswith(";") for item in items[1:-1])
    assert items[-1].endswith(".")
    # cited as in force on the document's date (January 2021): UU 23/2014 amended several
    # times, the last by UU 11/2020 — not by UU 6/2023, which came later
    assert "terakhir dengan Undang-Undang Nomor 11 Tahun 2020" in items[2]
    assert "Nomor 6 Tahun 2023" not in items[2]
    # and in the Daftar Isi, between B. and BAB II
    marks = _bookmarks(doc_bandar_lampung)
    assert marks["_RefBab1_3"] == "C. LANDASAN PENYUSUNAN"
    assert "_RefBab1_3" in [name for _, name in _pagerefs(doc_bandar_lampung)]


def test_bab_ii_opens_with_dasar_pembentukan_and_the_dinas_tugas_and_fungsi(doc):
    """Seed 000, 2.1.1: the regulations that formed the dinas (from keys, the Perbup with its
    amendment), then 1. Tugas and 2. Fungsi of the dinas itself (organisasi.yaml)."""
    text = lines(doc)
    part = text[
        text.index("2.1.1 Dasar Hukum Pembentukan Perangkat Daerah") + 1 : text.index(
            "2.1.2 Struktur Organisasi Perangkat Daerah"
        )
    ]
    assert part[0] == (
        "Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang dibentuk dan menjalankan tugas dan"
        " fungsinya berdasarkan :"
    )
    assert part[1] == (
        "a.\tPeraturan Daerah Kabupaten Lumajang Nomor 15 Tahun 2016 tentang Organisasi"
        " Perangkat Daerah;"
    )
    assert part[2].startswith("b.\tPeraturan Bupati Lumajang Nomor 76 Tahun 2016 tentang")
    assert "diubah dengan Peraturan Bupati Lumajang Nomor 80 Tahun 2020" in part[2]
    assert part[3:] == [
        "1.\tTugas Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang",
        "Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang mempunyai tugas membantu Bupati dalam"
        " melaksanakan tugas menyelenggarakan sebagian urusan rumah tangga pemerintah Kabupaten"
        " Lumajang di bidang Perkoperasian dan Usaha Mikro, memimpin dan melaksanakan fungsi Dinas"
        " Koperasi dan Usaha Mikro yang telah ditetapkan dan memimpin serta mengkoordinasikan"
        " kegiatan-kegiatan aparat pelaksana dan staf Dinas Koperasi dan Usaha Mikro.",
        "2.\tFungsi Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang",
        "Untuk melaksanakan tugas tersebut, Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang"
        " menyelenggarakan fungsi :",
        "a.\tPerumusan kebijakan teknis di bidang koperasi dan usaha mikro;",
        "b.\tPenyelenggaraan urusan pemerintahan dan pelayanan umum bidang koperasi dan usaha"
        " mikro;",
        "c.\tPembinaan dan pelaksanaan tugas di bidang koperasi dan usaha mikro;",
        "d.\tPelaksanaan tugas-tugas lain yang diberikan Bupati sesuai dengan tugas dan fungsinya.",
    ]


def test_tujuan_with_their_indicators_and_the_years_that_carry_targets(doc):
    text = lines(doc)
    assert _after(text, "3.1 Tujuan", 6) == [
        "Untuk melaksanakan misi, Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang untuk 5 (lima)"
        " tahun masa Rencana Strategis 2018–2023 menetapkan tujuan, yaitu :",
        "1.\tMeningkatnya Jumlah Koperasi Aktif",
        "2.\tMeningkatnya Jumlah Usaha Mikro",
        "Ketercapaian tujuan diukur dengan indikator tujuan berikut :",
        "1.\tPersentase koperasi aktif",
        "2.\tPersentase pertumbuhan usaha mikro",
    ]
    table = table_after(doc, "Tabel 3.3 Rencana Kerja Dinas Koperasi dan Usaha Mikro")
    assert [c.text for c in unique_cells(table, 2)][1:] == [
        "Persentase koperasi aktif",
        "",
        "Persentase pertumbuhan usaha mikro",
        "",
    ]


def test_uses_of_iku_under_their_own_section(doc):
    """Seed 001's "IKU digunakan … untuk :" list, the standard wording (no teks.penggunaan)."""
    assert _after(lines(doc), "3.3 Indikator Kinerja Utama", 7) == [
        "Indikator Kinerja Utama digunakan untuk :",
        "a.\tPerencanaan kinerja tahunan;",
        "b.\tPenganggaran;",
        "c.\tPenyusunan dokumen perjanjian kinerja;",
        "d.\tPengukuran kinerja;",
        "e.\tEvaluasi kinerja;",
        "f.\tPelaporan akuntabilitas kinerja.",
    ]


def test_cascade_header_visi_misi_tujuan_and_their_indicators(doc):
    """Seed 000: VISI, MISI 1, MISI 2, the RPJMD tujuan and their indicators above the cascade."""
    text = lines(doc)
    caption = text.index(
        "Tabel 3.4 Cascading Sasaran, Indikator Kinerja Utama, Program dan Kegiatan"
    )
    assert text[caption - 7 : caption] == [
        "VISI\t:\tTerwujudnya Masyarakat Lumajang yang Berdaya Saing, Makmur dan Bermartabat",
        "MISI 1\t:\tMewujudkan perekonomian daerah berkelanjutan yang berbasis pada pertanian,"
        " usaha mikro, dan pariwisata",
        "MISI 2\t:\tPemenuhan kebutuhan dasar untuk mewujudkan masyarakat yang lebih sejahtera"
        " dan mandiri",
        "TUJUAN\t:\tMeningkatkan percepatan pertumbuhan ekonomi yang inklusif yang berkelanjutan",
        "TUJUAN\t:\tMenurunnya angka kemiskinan melalui peningkatan daya saing tenaga kerja",
        "INDIKATOR TUJUAN\t:\t1. Pertumbuhan Ekonomi",
        "\t\t2. Angka Kemiskinan",
    ]


def test_alignment_table_rpjmd_to_renstra_to_iku(doc_bandar_lampung):
    """Seed 001's table: one row per IKU of each sasaran linked to the RPJMD; the RPJMD cells
    they share are one merged cell."""
    table = table_after(
        doc_bandar_lampung, "Tabel 3.1 Keselarasan RPJMD, Renstra dan Indikator Kinerja Utama"
    )
    assert [c.text for c in table.rows[0].cells] == [
        "MISI RPJMD",
        "TUJUAN RPJMD",
        "SASARAN STRATEGIS RPJMD",
        "SASARAN STRATEGIS RENSTRA",
        "INDIKATOR KINERJA UTAMA (IKU)",
    ]
    rows = table.rows[1:]
    assert [[c.text for c in r.cells][3:] for r in rows] == [
        [
            "Meningkatkan kinerja kelembagaan dan usaha koperasi yang profesional dan akuntabel",
            "Persentase koperasi sehat dan cukup sehat",
        ],
        [
            "Meningkatkan Wirausaha UMKM yang Tangguh dan Mandiri",
            "Persentase UMKM yang meningkat labanya",
        ],
    ]
    assert [c.text for c in rows[0].cells[:3]] == [
        "Misi 4 Mengembangkan dan memperkuat ekonomi daerah untuk meningkatkan kesejahteraan"
        " rakyat",
        "4.1 Meningkatnya pertumbuhan dan pemerataan ekonomi melalui ekonomi kerakyatan",
        "4.1.1 Meningkatnya sektor unggulan daerah",
    ]
    for column in range(3):
        assert rows[0].cells[column]._tc is rows[1].cells[column]._tc
    assert rows[0].cells[3]._tc is not rows[1].cells[3]._tc
    # S1 is not linked to the RPJMD: not in the table, and the check says so
    assert "Meningkatkan penyelenggaraan Urusan Koperasi, Usaha Kecil dan Menengah" not in [
        c.text for c in unique_cells(table, 3)
    ]


def test_lama_periode_counts_the_years_that_carry_targets():
    from dokgen.documents.dokumen_iku import lama_periode
    from dokgen.model import Renstra

    def renstra(targets: dict[int, str]) -> Renstra:
        return Renstra.model_validate(
            {
                "periode": {"awal": 2021, "akhir": 2026},
                "tahun_dasar": 2021,
                "sasaran": [
                    {
                        "kode": "S1",
                        "uraian": "Meningkatnya koperasi sehat",
                        "indikator": [{"kode": "IKU-1", "uraian": "Persentase", "target": targets}],
                    }
                ],
            }
        )

    # 2021–2026 with tahun dasar 2021 and targets 2022–2026: five years, not six
    assert lama_periode(renstra({y: "70" for y in range(2022, 2027)})) == 5
    assert lama_periode(renstra({})) is None  # no target: the text says no length


TIPIS = {
    "renstra.yaml": """\
        periode: {awal: 2021, akhir: 2026}
        tahun_dasar: 2021
        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah seluruh koperasi
                sumber_data: Bidang Kelembagaan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}
        """,
    "dokumen-iku.yaml": """\
        tahun: 2022
        landasan: [permendagri-86-2017, uu-23-2014, pp-8-2006]
        """,
}
"""A thin Dokumen IKU: a sasaran and its IKU with targets; no tujuan, realisasi, program,
organisasi.yaml, visi, RPJMD or signing month."""


def test_thin_data_prints_no_hollow_section_and_the_check_names_what_is_missing(make_data):
    from dokgen.checks import periksa
    from dokgen.load import load

    folder = make_data(**TIPIS)
    out = folder.parent / "out"
    build(folder, out, BuildOptions(kind="dokumen-iku"))
    document = open_docx(out / "dokumen-iku.docx")
    text = lines(document)
    # every line that announces a list is followed by the list
    for k, line in enumerate(text):
        if line.endswith(":") and not line.endswith("\t:"):
            assert re.match(r"(\d+|[a-z])[.)]\t", text[k + 1]), (line, text[k + 1])
    joined = "\n".join(text)
    for hollow in ["menetapkan tujuan", "tahun masa", "terdiri dari", "dan tabel berikutnya"]:
        assert hollow not in joined
    # sections left out, the next taking their number; only the IKU table printed
    assert [line for line in text if re.match(r"[23](\.\d)+ ", line)] == [
        "2.1 Tugas, Fungsi, dan Struktur Organisasi Perangkat Daerah",
        "2.1.1 Dasar Hukum Pembentukan Perangkat Daerah",
        "3.1 Sasaran",
        "3.2 Indikator Kinerja Utama",
    ]
    assert [caption for caption, _ in _captions(document)] == ["Tabel 3.1 Indikator Kinerja Utama"]
    # BAB III is named for what it holds: no tujuan
    assert _after(text, "BAB III", 1) == ["SASARAN DAN INDIKATOR KINERJA UTAMA"]
    assert (
        "Dinas Koperasi dan Usaha Mikro Kabupaten Malang menetapkan 1 (satu) sasaran, yaitu :"
        in text
    )
    # the landasan keys were written out of order: printed as Mengingat orders them
    landasan = _after(text, "C. LANDASAN PENYUSUNAN", 4)[1:]
    assert [item.split(" tentang ")[0] for item in landasan] == [
        "a.\tUndang-Undang Nomor 23 Tahun 2014",
        "b.\tPeraturan Pemerintah Nomor 8 Tahun 2006",
        "c.\tPeraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
    ]
    # no month yet: day and month are blanks to fill in at signing
    assert "Malang, ………………… ………………… 2022" in text
    # dokgen check said, before the build, what the document lacks
    found = {f.code for f in periksa(load(folder)) if f.code.startswith("DOK")}
    assert found == {"DOK001", "DOK003", "DOK004", "DOK005", "DOK007", "DOK008"}


def test_penetapan_table_instead_of_a_table_of_dashes(doc_bandar_lampung):
    """Seed 001's Penetapan IKU: formula, penjelasan, sumber data and period of each IKU. Bandar
    Lampung's Renstra has no target: no IKU table of "–" beside it."""
    table = table_after(doc_bandar_lampung, "Tabel 3.2 Penetapan Indikator Kinerja Utama")
    assert [c.text for c in table.rows[0].cells] == [
        "No.",
        "Sasaran Strategis",
        "No.",
        "Indikator Kinerja Utama",
        "Penjelasan / Formulasi",
        "Penjelasan",
        "Sumber Data",
        "Periode Pengambilan Data",
    ]
    row = table.rows[2]
    assert [c.text for c in row.cells[:4]] == [
        "2",
        "Meningkatkan kinerja kelembagaan dan usaha koperasi yang profesional dan akuntabel",
        "2",
        "Persentase koperasi sehat dan cukup sehat",
    ]
    (fraction,) = row.cells[4].tables  # the right way up (the seed printed it upside down)
    assert fraction.cell(0, 0).text == "Jumlah koperasi sehat dan cukup sehat"
    assert fraction.cell(1, 0).text == "Jumlah seluruh koperasi"
    assert [c.text for c in row.cells[5:]] == [
        "Indikator ini untuk mengukur apakah koperasi sehat telah diterapkan oleh seluruh"
        " koperasi yang telah terdaftar",
        "Dinas Koperasi dan UKM Bandar Lampung",
        "1 (satu) Tahun",
    ]
    text = lines(doc_bandar_lampung)
    assert not [line for line in text if line.startswith("Tabel 3.") and "Capaian" in line]
    assert (
        "Keselarasan sasaran dan Indikator Kinerja Utama dengan RPJMD disajikan pada Tabel 3.1."
        " Keberhasilan pencapaian sasaran diukur dengan Indikator Kinerja Utama yang disajikan"
        " pada Tabel 3.2." in text
    )


def test_a_unit_without_duties_is_listed_in_the_structure_but_not_described(doc_bandar_lampung):
    """Bandar Lampung's UPT and Kelompok Jabatan Fungsional have no tugas, fungsi, pimpinan or
    units under them: they are in 2.1.2's structure, but 2.1.3 gives them no empty heading."""
    text = lines(doc_bandar_lampung)
    uraian = text.index("2.1.3 Uraian Tugas dan Fungsi")
    assert "f.\tUnit Pelaksana Teknis" in text[:uraian]
    assert "g.\tKelompok Jabatan Fungsional" in text[:uraian]
    bab_iii = text.index("BAB III", uraian)
    described = [t for t in text[uraian:bab_iii] if re.match(r"\d+\.\t", t)]
    assert described[-1] == "5.\tBidang Pemberdayaan Usaha Mikro"
    assert not any("Unit Pelaksana Teknis" in t for t in text[uraian:])
