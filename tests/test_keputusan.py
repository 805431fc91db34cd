"""The IKU decree of Bandar Lampung (seed 001), read back."""

import pytest

from dokgen.build import BuildOptions, build
from dokgen.errors import DataError
from dokgen.load import load
from tests.conftest import DATA
from tests.docxread import W, lines, open_docx

BANDAR_LAMPUNG = DATA / "bandarlampung-diskopukm"


@pytest.fixture(scope="module")
def decree(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    hasil = build(BANDAR_LAMPUNG, out)
    assert set(hasil.skipped) == {"iki", "lkj", "lkjip", "pk", "rencana-aksi"}
    return lines(open_docx(out / "keputusan-iku.docx"))


def after(text: list[str], marker: str) -> list[str]:
    return text[text.index(marker) + 1 :]


def test_heading(decree):
    assert decree[:10] == [
        "PEMERINTAH KOTA BANDAR LAMPUNG",
        "DINAS KOPERASI DAN UKM",
        "Jl. Dr. Susilo No.02 Bandar Lampung, Telepon (0000) 000000",
        "Laman contoh.go.id, Pos-el dinas@contoh.go.id",
        "Kode Pos 00000",
        "KEPUTUSAN KEPALA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG",
        "NOMOR : …………………",  # the seed's nomor contradicted its date: blank, filled at signing
        "TENTANG",
        # the title names the dinas as the data does, with no abbreviation added ("(IKU)")
        "PERUBAHAN INDIKATOR KINERJA UTAMA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG"
        " TAHUN 2021–2026",
        "KEPALA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG,",
    ]


def test_menimbang_with_agency_and_period_corrected(decree):
    items = after(decree, "Menimbang")[1:4]
    assert items[0].startswith("a.\tbahwa berdasarkan ketentuan Pasal 4 ayat (3)")
    # the seed's b. claimed a 2018 Perwali on the 2016–2021 IKU obliges the 2021–2026 IKU
    assert items[1] == (
        "b.\tbahwa Indikator Kinerja Utama Dinas Koperasi dan UKM Kota Bandar Lampung perlu"
        " diselaraskan dengan Rencana Strategis Dinas Koperasi dan UKM Kota Bandar Lampung Tahun"
        " 2021–2026 sebagai ukuran keberhasilan pencapaian sasaran strategisnya;"
    )
    assert items[2] == (
        "c.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu"
        " menetapkan Keputusan Kepala Dinas Koperasi dan UKM Kota Bandar Lampung tentang"
        " Perubahan Indikator Kinerja Utama Dinas Koperasi dan UKM Kota Bandar Lampung"
        " Tahun 2021–2026;"
    )
    assert not any("Bappeda" in line or "Nomor 40 Tahun 2018" in line for line in decree)


def test_mengingat_in_hierarchical_then_chronological_order(decree):
    items = after(decree, "Mengingat")[1:14]
    starts = [line.split(" tentang ")[0] for line in items]
    assert starts == [
        "1.\tUndang-Undang Nomor 28 Tahun 1959",
        "2.\tUndang-Undang Nomor 25 Tahun 2004",
        "3.\tUndang-Undang Nomor 23 Tahun 2014",
        "4.\tPeraturan Pemerintah Nomor 3 Tahun 1982",
        "5.\tPeraturan Pemerintah Nomor 24 Tahun 1983",
        "6.\tPeraturan Pemerintah Nomor 8 Tahun 2006",
        "7.\tPeraturan Pemerintah Nomor 18 Tahun 2016",
        "8.\tPeraturan Presiden Nomor 29 Tahun 2014",
        "9.\tPeraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007",
        "10.\tPeraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/20/M.PAN/11/2008",
        "11.\tPeraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
        "12.\tPeraturan Daerah Kota Bandar Lampung Nomor 7 Tahun 2016",  # seed: "Nomor 07"
        # the seed's Perda 9/2018 and Perwali 40/2018 (RPJMD and IKU of 2016–2021) are not a
        # basis of the 2021–2026 IKU; the dinas's Perwali on its tugas and fungsi is
        "13.\tPeraturan Walikota Bandar Lampung Nomor 59 Tahun 2016",
    ]
    assert all(line.endswith(";") for line in items[:-1]) and items[-1].endswith(".")
    # in force in January 2021: amended by UU 2/2015, 9/2015 and 11/2020 (seed: "diubah dengan
    # Undang-Undang Nomor 9 Tahun 2015" only)
    assert (
        "sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 11 Tahun 2020"
        " tentang Cipta Kerja (Lembaran Negara Republik Indonesia Tahun 2020 Nomor 245"
    ) in items[2]


def test_memutuskan_diktum_and_signature(decree):
    rest = after(decree, "MEMUTUSKAN:")
    assert rest[0] == (
        "Menetapkan\t:\tKEPUTUSAN KEPALA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG TENTANG"
        " PERUBAHAN INDIKATOR KINERJA UTAMA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG"
        " TAHUN 2021–2026."
    )
    assert rest[1] == (
        "KESATU\t:\tMenetapkan Perubahan Indikator Kinerja Utama Dinas Koperasi dan UKM Kota Bandar"
        " Lampung Tahun 2021–2026 sebagaimana tercantum dalam Lampiran Keputusan ini;"
    )
    labels = [line.split("\t")[0] for line in rest if "\t:\t" in line]
    assert labels == ["Menetapkan", "KESATU", "KEDUA", "KETIGA", "LAMPIRAN", "NOMOR", "TANGGAL"]
    assert "Ditetapkan di Bandar Lampung" in rest
    assert "pada tanggal ………………… Januari 2021" in rest
    assert rest.count("NIP. 19620412 198303 1 015") == 2  # decree and Lampiran
    assert "Drs. GIRENDRA, MM" in rest


def test_lampiran_iku_table_prints_formulas_right_side_up(tmp_path):
    build(BANDAR_LAMPUNG, tmp_path)
    doc = open_docx(tmp_path / "keputusan-iku.docx")
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells][:3] == [
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
    ]
    assert [r.cells[2].text for r in table.rows[1:-1]] == [
        "Hasil penilaian Akuntabilitas Kinerja OPD oleh Inspektorat Kota (Nilai SAKIP OPD)",
        "Persentase koperasi sehat dan cukup sehat",
        "Persentase UMKM yang meningkat labanya",
    ]
    (fraction,) = table.rows[2].cells[3].tables
    assert fraction.cell(0, 0).text == "Jumlah koperasi sehat dan cukup sehat"
    assert fraction.cell(1, 0).text == "Jumlah seluruh koperasi"
    section = doc.sections[-1]
    assert section.page_width > section.page_height  # the Lampiran is landscape


def test_unknown_mengingat_key_is_a_finding_with_line_and_suggestion(tmp_path):
    import shutil

    from dokgen.build import Refused
    from dokgen.checks import periksa

    folder = tmp_path / "bdl"
    shutil.copytree(BANDAR_LAMPUNG, folder)
    path = folder / "keputusan-iku.yaml"
    path.write_text(path.read_text().replace("  - pp-18-2016", "  - pp-18-2061"))
    (finding,) = [f for f in periksa(load(folder)) if f.severity == "galat"]
    assert finding.code == "PER001"
    assert finding.line == path.read_text().splitlines().index("  - pp-18-2061") + 1
    assert finding.message == (
        "peraturan 'pp-18-2061' tidak ada di katalog — maksud Anda 'pp-18-2016'?"
    )
    with pytest.raises(Refused):
        build(folder, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def png(width: int = 40, height: int = 50) -> bytes:
    """A small valid PNG (grey), written with zlib so the tests need no image library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_logo_from_data_is_placed_in_the_kop(tmp_path):
    import shutil

    folder = tmp_path / "bdl"
    shutil.copytree(BANDAR_LAMPUNG, folder)
    (folder / "logo.png").write_bytes(png())
    dinas = folder / "dinas.yaml"
    dinas.write_text(dinas.read_text().replace("logo: lambang-contoh.png", "logo: logo.png"))
    build(folder, tmp_path / "out")
    doc = open_docx(tmp_path / "out" / "keputusan-iku.docx")
    (shape,) = doc.inline_shapes  # the data's own logo replaces the example's
    assert round(shape.height.cm, 1) == 2.5
    assert round(shape.width.cm, 1) == 2.0  # 40 × 50 px keeps its proportions
    assert lines(doc)[0] == "PEMERINTAH KOTA BANDAR LAMPUNG"

    dinas.write_text(dinas.read_text().replace("logo: logo.png", "logo: tidak-ada.png"))
    with pytest.raises(DataError) as caught:
        load(folder)
    (problem,) = caught.value.problems
    assert problem.message == "berkas logo 'tidak-ada.png' tidak ditemukan"
    assert problem.location.line == dinas.read_text().splitlines().index("logo: tidak-ada.png") + 1


def test_bandar_lampung_iku_document_uses_its_own_units_and_prose(tmp_path):
    build(BANDAR_LAMPUNG, tmp_path, BuildOptions(kind="dokumen-iku"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".dokgen-kunci",
        ".dokgen-manifest.json",
        "dokumen-iku.docx",
    ]
    text = lines(open_docx(tmp_path / "dokumen-iku.docx"))
    assert "b.\tSekretariat, membawahi :" in text
    assert "1)\tSub Bagian Program, Keuangan dan Aset" in text  # no duties in the seed
    assert "g.\tKelompok Jabatan Fungsional" in text
    assert text[text.index("KATA PENGANTAR") + 1].startswith("Puji dan syukur kami panjatkan")
    assert not any("Bappeda" in line for line in text)


# --- The pages as a Kepala Dinas signs them (issue 17): read back from the .docx ---

PERUBAHAN = DATA / "bandarlampung-diskopukm-perubahan"


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """The decree and the amending decree (with its Lampiran II), as python-docx documents."""
    result = {}
    for folder in (BANDAR_LAMPUNG, PERUBAHAN):
        out = tmp_path_factory.mktemp(folder.name)
        build(folder, out, BuildOptions(kind="keputusan"))
        result[folder.name] = open_docx(out / "keputusan-iku.docx")
    return result


def pr(paragraph, name: str):
    """The paragraph property ``name`` (w:keepNext …) of a python-docx paragraph, or None."""
    ppr = paragraph._p.pPr
    return None if ppr is None else ppr.find(f"{W}{name}")


def body_paragraphs(doc) -> list:
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, doc) for p in doc.element.body.iterchildren(f"{W}p")]


def page_field(part) -> bool:
    """The header or footer holds a PAGE field, printed as '- n -'."""
    xml = part._element.xml
    return (
        " PAGE " in xml
        and "- " in part.paragraphs[0].text
        and part.paragraphs[0].text.endswith(" -")
    )


@pytest.mark.parametrize("name", [BANDAR_LAMPUNG.name, PERUBAHAN.name])
def test_page_numbers_from_the_second_page_continuing_in_the_lampiran(docs, name):
    doc = docs[name]
    decree, lampiran = doc.sections
    assert decree.different_first_page_header_footer  # titlePg: no number on page 1
    assert not decree.first_page_header.is_linked_to_previous
    assert "PAGE" not in decree.first_page_header._element.xml
    assert page_field(decree.header)
    assert decree.header.paragraphs[0].alignment == 1  # centred
    assert decree.page_height > decree.page_width
    # the Lampiran continues the numbers, its first page numbered too
    assert not lampiran.different_first_page_header_footer
    assert page_field(lampiran.header)
    assert lampiran.page_width > lampiran.page_height
    assert lampiran._sectPr.find(f"{W}pgNumType") is None


def test_kop_surat_with_lambang_contacts_and_a_thick_thin_rule(docs):
    doc = docs[BANDAR_LAMPUNG.name]
    body = doc.element.body
    kop = body[0]
    assert kop.tag == f"{W}tbl"
    table = doc.tables[0]
    logo, text = table.rows[0].cells
    assert logo._tc.findall(f".//{W}drawing")  # the lambang from gambar.logo
    assert (logo.width.cm, round(text.width.cm, 1)) < (3, 20)
    assert [p.text for p in text.paragraphs] == [
        "PEMERINTAH KOTA BANDAR LAMPUNG",
        "DINAS KOPERASI DAN UKM",
        "Jl. Dr. Susilo No.02 Bandar Lampung, Telepon (0000) 000000",
        "Laman contoh.go.id, Pos-el dinas@contoh.go.id",
        "Kode Pos 00000",
    ]
    sizes = [p.runs[0].font.size.pt for p in text.paragraphs]
    assert sizes == [14, 16, 11, 11, 11]
    assert all(p.alignment == 1 for p in text.paragraphs)
    rule = body[1]
    (bottom,) = rule.findall(f"{W}pPr/{W}pBdr/{W}bottom")
    assert bottom.get(f"{W}val") == "thickThinSmallGap"


def test_kop_without_contacts_prints_no_empty_lines(tmp_path):
    import shutil

    folder = tmp_path / "bdl"
    shutil.copytree(BANDAR_LAMPUNG, folder)
    dinas = folder / "dinas.yaml"
    kept = [
        line
        for line in dinas.read_text().splitlines()
        if not line.startswith(("telepon:", "email:", "laman:", "kode_pos:", "logo:"))
    ]
    dinas.write_text("\n".join(kept) + "\n")
    build(folder, tmp_path / "out", BuildOptions(kind="keputusan"))
    doc = open_docx(tmp_path / "out" / "keputusan-iku.docx")
    logo, text = doc.tables[0].rows[0].cells
    assert not logo._tc.findall(f".//{W}drawing")
    assert [p.text for p in text.paragraphs] == [
        "PEMERINTAH KOTA BANDAR LAMPUNG",
        "DINAS KOPERASI DAN UKM",
        "Jl. Dr. Susilo No.02 Bandar Lampung",
    ]


def signature_block(paragraphs: list) -> list:
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Ditetapkan di "))
    end = next(i for i, p in enumerate(paragraphs) if p.text.startswith("NIP. "))
    return paragraphs[start : end + 1]


@pytest.mark.parametrize("name", [BANDAR_LAMPUNG.name, PERUBAHAN.name])
def test_decree_signature_block_is_kept_whole_and_with_the_last_diktum(docs, name):
    doc = docs[name]
    paragraphs = body_paragraphs(doc)
    block = signature_block(paragraphs)
    assert [p.text for p in block] == [
        "Ditetapkan di Bandar Lampung",
        block[1].text,
        "KEPALA DINAS KOPERASI DAN UKM\nKOTA BANDAR LAMPUNG,",
        "Drs. GIRENDRA, MM",
        "Pembina Utama Muda",
        "NIP. 19620412 198303 1 015",
    ]
    assert block[1].text.startswith("pada tanggal ")
    # every line keeps with the next but the last, none splits
    assert all(pr(p, "keepNext") is not None for p in block[:-1])
    assert all(pr(p, "keepLines") is not None for p in block)
    # the title lines are line breaks in one paragraph, so they never part
    assert block[2]._p.xpath("count(.//w:br)") == 1
    # the last diktum keeps with the block, whole; the one before it may break
    index = [p._p for p in paragraphs].index(block[0]._p)
    last_diktum, previous = paragraphs[index - 1], paragraphs[index - 2]
    assert last_diktum.text.startswith("KETIGA\t:\t")
    assert pr(last_diktum, "keepNext") is not None and pr(last_diktum, "keepLines") is not None
    assert pr(previous, "keepNext") is None
    # the NIP line ends the decree's section: no empty paragraph after it can push a page
    assert block[-1]._p.find(f"{W}pPr/{W}sectPr") is not None


@pytest.mark.parametrize("name", [BANDAR_LAMPUNG.name, PERUBAHAN.name])
def test_lampiran_tables_repeat_their_header_and_keep_rows_and_signature(docs, name):
    doc = docs[name]
    lampiran = [t for t in doc.tables if t.rows[0].cells[0].text in ("NO", "No")]
    assert len(lampiran) == (2 if name == PERUBAHAN.name else 1)
    for table in lampiran:
        rows = table.rows
        header = rows[0]._tr.trPr
        assert header.find(f"{W}tblHeader") is not None
        for row in rows:  # no row splits, not even a fraction's pembilang from its penyebut
            assert row._tr.trPr.find(f"{W}cantSplit") is not None
        for nested in table._tbl.iter(f"{W}tbl"):
            for tr in nested.iter(f"{W}tr"):
                assert tr.trPr.find(f"{W}cantSplit") is not None
        # the last row is the signature block: the last data row keeps with it
        signature = rows[-1].cells[0]
        assert [p.text for p in signature.paragraphs] == [
            "KEPALA DINAS KOPERASI DAN UKM\nKOTA BANDAR LAMPUNG,",
            "Drs. GIRENDRA, MM",
            "Pembina Utama Muda",
            "NIP. 19620412 198303 1 015",
        ]
        assert all(pr(p, "keepNext") is not None for p in signature.paragraphs[:-1])
        last = rows[-2].cells[0].paragraphs[0]
        assert pr(last, "keepNext") is not None
        assert all(pr(r.cells[0].paragraphs[0], "keepNext") is None for r in rows[1:-2])


@pytest.mark.parametrize("name", [BANDAR_LAMPUNG.name, PERUBAHAN.name])
def test_lampiran_heading_stays_with_its_table(docs, name):
    paragraphs = body_paragraphs(docs[name])
    heading = [p for p in paragraphs if p.text.startswith("LAMPIRAN")]
    assert len(heading) == (2 if name == PERUBAHAN.name else 1)
    for first in heading:
        index = [p._p for p in paragraphs].index(first._p)
        lines_ = paragraphs[index : index + 4]
        assert [p.text.split("\t")[0] for p in lines_[:3]] == [
            first.text.split("\t")[0],
            "NOMOR",
            "TANGGAL",
        ]
        assert all(pr(p, "keepNext") is not None for p in lines_)
        title = lines_[-1]
        if title.text == "MATRIKS PERUBAHAN":
            title = paragraphs[index + 4]
            assert pr(title, "keepNext") is not None
        assert title._p.getnext().tag == f"{W}tbl"  # the title leads into the table
    if name == PERUBAHAN.name:  # Lampiran II starts on its own page, with no empty paragraph
        assert pr(heading[1], "pageBreakBefore") is not None


@pytest.mark.parametrize("name", [BANDAR_LAMPUNG.name, PERUBAHAN.name])
def test_no_empty_paragraph_can_push_a_page(docs, name):
    doc = docs[name]
    for p in body_paragraphs(doc):
        if p.text.strip() or p._p.findall(f".//{W}drawing"):
            continue
        if p._p.find(f"{W}pPr/{W}pBdr") is not None:  # the kop's rule
            continue
        spacing = p._p.find(f"{W}pPr/{W}spacing")
        assert spacing is not None and spacing.get(f"{W}lineRule") == "exact", p._p.xml
        assert int(spacing.get(f"{W}line")) <= 20
    assert doc.element.body[-2].tag == f"{W}p"  # Word wants a paragraph after the last table


def test_matriks_perubahan_of_dokgen_diff_prints_whole_rows_and_page_numbers(tmp_path):
    from typer.testing import CliRunner

    from dokgen.cli import app

    target = tmp_path / "matriks.docx"
    args = ["diff", str(BANDAR_LAMPUNG), str(PERUBAHAN), "--format", "docx", "-o", str(target)]
    assert CliRunner().invoke(app, args).exit_code == 0
    doc = open_docx(target)
    (table,) = doc.tables
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
    (section,) = doc.sections
    assert section.different_first_page_header_footer and page_field(section.header)
    assert doc.element.body[-2].tag == f"{W}p"


# --- Issue 18: sentences that say only what the data says ---


def copy_of(folder, tmp_path):
    """A copy of an example folder (and, for the amending decree, the folder it compares
    with, at the same relative place)."""
    import shutil

    shutil.copytree(BANDAR_LAMPUNG, tmp_path / BANDAR_LAMPUNG.name)
    if folder != BANDAR_LAMPUNG:
        shutil.copytree(folder, tmp_path / folder.name)
    return tmp_path / folder.name


def edit(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new))


def menimbang_of(folder, out) -> list[str]:
    build(folder, out, BuildOptions(kind="keputusan"))
    text = lines(open_docx(out / "keputusan-iku.docx"))
    return text[text.index("Menimbang") + 2 : text.index("Mengingat")]


LAMA = (
    "Keputusan Kepala Dinas Koperasi dan UKM Kota Bandar Lampung Nomor 121/SK/III.15/II/2021"
    " tentang Perubahan Indikator Kinerja Utama Dinas Koperasi dan UKM Kota Bandar Lampung"
    " Tahun 2021–2026"
)


def test_amending_decree_says_why_from_alasan_reviu_iku_naming_what_changed(docs):
    text = lines(docs[PERUBAHAN.name])
    items = text[text.index("Menimbang") + 2 : text.index("Mengingat")]
    # only a formula and a sumber data changed (the matriks): the reviu, not the Renstra
    assert items[0] == (
        f"a.\tbahwa {LAMA} perlu diubah untuk menyesuaikan formula dan sumber data indikator"
        " dengan hasil reviu Indikator Kinerja Utama;"
    )
    assert items[1].startswith(
        "b.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan"
    )
    assert len(items) == 2
    assert not any("perubahan Rencana Strategis" in line for line in text)


def test_alasan_revisi_renstra_and_several_reasons_have_their_standard_wording(tmp_path):
    folder = copy_of(PERUBAHAN, tmp_path)
    path = folder / "keputusan-iku.yaml"
    edit(path, "alasan: reviu-iku", "alasan: revisi-renstra")
    (item, _) = menimbang_of(folder, tmp_path / "a")
    assert item == (
        f"a.\tbahwa {LAMA} perlu diubah untuk menyesuaikan dengan perubahan Rencana Strategis Dinas"
        " Koperasi dan UKM Kota Bandar Lampung Tahun 2021–2026;"
    )
    edit(
        path,
        "alasan: revisi-renstra",
        "alasan: [perubahan-organisasi, reviu-iku]\n"
        "alasan_lain: karena terdapat kekeliruan penulisan satuan indikator.",
    )
    (item, _) = menimbang_of(folder, tmp_path / "b")
    assert item == (
        f"a.\tbahwa {LAMA} perlu diubah untuk menyesuaikan dengan perubahan susunan organisasi dan"
        " tata kerja perangkat daerah, untuk menyesuaikan formula dan sumber data indikator"
        " dengan hasil reviu Indikator Kinerja Utama serta karena terdapat kekeliruan penulisan"
        " satuan indikator;"
    )


def test_reviu_without_a_matriks_does_not_name_what_changed(tmp_path):
    folder = copy_of(PERUBAHAN, tmp_path)
    edit(folder / "keputusan-iku.yaml", "  pembanding: ../bandarlampung-diskopukm\n", "")
    (item, _) = menimbang_of(folder, tmp_path / "out")
    assert item == (
        f"a.\tbahwa {LAMA} perlu diubah untuk menyesuaikan dengan hasil reviu Indikator Kinerja"
        " Utama;"
    )


def findings(folder, code: str):
    from dokgen.checks import periksa

    return [f for f in periksa(load(folder)) if f.code == code]


def test_amending_decree_without_alasan_is_refused_with_one_sentence(tmp_path):
    from dokgen.build import Refused

    folder = copy_of(PERUBAHAN, tmp_path)
    path = folder / "keputusan-iku.yaml"
    edit(path, "alasan: reviu-iku\n", "")
    edit(
        path, "menimbang: []", "menimbang:\n  - berdasarkan hasil reviu, formula perlu disesuaikan"
    )
    (finding,) = findings(folder, "KEP001")
    assert finding.severity == "galat"
    assert finding.line == path.read_text().splitlines().index("mengubah:") + 1
    assert finding.message == (
        "keputusan perubahan tanpa alasan: tulis 'alasan' (revisi-renstra, reviu-iku,"
        " perubahan-organisasi, perubahan-nomenklatur) atau 'alasan_lain' agar Menimbang menyebut"
        " mengapa keputusan lama diubah"
    )
    with pytest.raises(Refused):
        build(folder, tmp_path / "out")


def test_alasan_without_mengubah_or_menimbang_without_reason_is_refused_by_the_loader(tmp_path):
    folder = copy_of(BANDAR_LAMPUNG, tmp_path)
    path = folder / "keputusan-iku.yaml"
    edit(path, "perubahan: true\n", "perubahan: true\nalasan: reviu-iku\n")
    with pytest.raises(DataError, match="'alasan' hanya untuk keputusan perubahan"):
        load(folder)
    other = copy_of(PERUBAHAN, tmp_path / "b")
    edit(other / "keputusan-iku.yaml", "alasan: reviu-iku\n", "")
    with pytest.raises(DataError, match="'menimbang' kosong"):
        load(other)


def test_revisi_renstra_while_only_formula_and_sumber_data_changed_is_a_warning(tmp_path):
    folder = copy_of(PERUBAHAN, tmp_path)
    path = folder / "keputusan-iku.yaml"
    assert findings(folder, "KEP002") == []
    edit(path, "alasan: reviu-iku", "alasan: revisi-renstra")
    (finding,) = findings(folder, "KEP002")
    assert finding.severity == "peringatan"
    assert finding.line == path.read_text().splitlines().index("alasan: revisi-renstra") + 1
    assert finding.message == (
        "alasan 'revisi-renstra', padahal matriks perubahan hanya mengubah formula dan sumber data"
        " indikator: alasannya 'reviu-iku'"
    )


@pytest.mark.parametrize(
    ("nomor", "bulan", "message"),
    [
        (
            "121/SK/III.15/II/2021",
            "2021-01",
            "nomor '121/SK/III.15/II/2021' memuat bulan II (Februari), padahal bertanggal Januari"
            " 2021: betulkan nomor atau tanggalnya, atau kosongkan nomor agar diisi saat"
            " penandatanganan",
        ),
        (
            "121/SK/III.15/I/2020",
            "2021-01",
            "nomor '121/SK/III.15/I/2020' memuat tahun 2020, padahal bertanggal Januari 2021:"
            " betulkan nomor atau tanggalnya, atau kosongkan nomor agar diisi saat"
            " penandatanganan",
        ),
        ("121/SK/III.15/I/2021", "2021-01", None),
        ("800/12/35.07.112", "2021-01", None),  # carries neither month nor year
    ],
)
def test_nomor_whose_month_or_year_contradicts_the_date(tmp_path, nomor, bulan, message):
    folder = copy_of(BANDAR_LAMPUNG, tmp_path)
    path = folder / "keputusan-iku.yaml"
    edit(path, "\nnomor:\n", f"\nnomor: {nomor}\n")
    found = findings(folder, "KEP003")
    if message is None:
        assert found == []
        return
    (finding,) = found
    assert finding.severity == "peringatan"
    assert finding.line == path.read_text().splitlines().index(f"nomor: {nomor}") + 1
    assert finding.message == message


def test_nomor_blank_is_reported_as_info_and_printed_dotted(decree):
    assert "NOMOR : …………………" in decree
    assert "NOMOR\t:\t…………………" in decree  # the Lampiran too
    (finding,) = findings(BANDAR_LAMPUNG, "KEP005")
    assert finding.severity == "info"


def test_signature_without_pangkat_prints_no_empty_line(tmp_path):
    folder = copy_of(PERUBAHAN, tmp_path)
    edit(tmp_path / BANDAR_LAMPUNG.name / "dinas.yaml", "  pangkat: Pembina Utama Muda\n", "")
    edit(folder / "dinas.yaml", "  pangkat: Pembina Utama Muda\n", "")
    (finding,) = findings(folder, "KEP004")
    assert finding.message == "kepala dinas tanpa pangkat: blok tanda tangan hanya memuat nama"
    build(folder, tmp_path / "out", BuildOptions(kind="keputusan"))
    doc = open_docx(tmp_path / "out" / "keputusan-iku.docx")
    paragraphs = body_paragraphs(doc)
    assert [p.text for p in signature_block(paragraphs)][-2:] == [
        "Drs. GIRENDRA, MM",
        "NIP. 19620412 198303 1 015",
    ]
    # the Lampiran I and II signatures too: name, then NIP, with no empty paragraph between
    for table in doc.tables:
        texts = [p.text for p in table.rows[-1].cells[0].paragraphs]
        if "Drs. GIRENDRA, MM" in texts:
            i = texts.index("Drs. GIRENDRA, MM")
            assert texts[i + 1] == "NIP. 19620412 198303 1 015"


def test_nomenklatur_change_names_the_amended_decree_as_it_was_issued(tmp_path):
    folder = copy_of(PERUBAHAN, tmp_path)
    path = folder / "keputusan-iku.yaml"
    edit(path, "alasan: reviu-iku", "alasan: perubahan-nomenklatur")
    (finding,) = findings(folder, "KEP002")  # the name did not change
    assert finding.message == (
        "alasan 'perubahan-nomenklatur', padahal nama dinas di data pembanding sama"
        " ('Dinas Koperasi dan UKM Kota Bandar Lampung')"
    )
    edit(
        folder / "dinas.yaml",
        "nama: Dinas Koperasi dan UKM\n",
        "nama: Dinas Koperasi, Usaha Kecil dan Menengah\n",
    )
    assert findings(folder, "KEP002") == []
    build(folder, tmp_path / "out", BuildOptions(kind="keputusan"))
    text = lines(open_docx(tmp_path / "out" / "keputusan-iku.docx"))
    baru = "Dinas Koperasi, Usaha Kecil dan Menengah Kota Bandar Lampung"
    # issued by the new name's head, about the decree the old name's head signed
    assert text[text.index("TENTANG") - 2] == f"KEPUTUSAN KEPALA {baru.upper()}"
    assert text[text.index("TENTANG") + 1] == (
        "PERUBAHAN ATAS KEPUTUSAN KEPALA DINAS KOPERASI DAN UKM KOTA BANDAR LAMPUNG NOMOR"
        " 121/SK/III.15/II/2021 TENTANG PERUBAHAN INDIKATOR KINERJA UTAMA DINAS KOPERASI DAN UKM"
        " KOTA BANDAR LAMPUNG TAHUN 2021–2026"
    )
    items = text[text.index("Menimbang") + 2 : text.index("Mengingat")]
    assert items[0] == (
        f"a.\tbahwa {LAMA} perlu diubah untuk menyesuaikan dengan perubahan nomenklatur Dinas"
        f" Koperasi dan UKM Kota Bandar Lampung menjadi {baru};"
    )
    assert items[1].endswith(
        f"perlu menetapkan Keputusan Kepala {baru} tentang Perubahan atas Keputusan Kepala Dinas"
        " Koperasi dan UKM Kota Bandar Lampung Nomor 121/SK/III.15/II/2021 tentang Perubahan"
        " Indikator Kinerja Utama Dinas Koperasi dan UKM Kota Bandar Lampung Tahun 2021–2026;"
    )
    # the Lampiran I is the IKU under the new name
    assert f"PERUBAHAN INDIKATOR KINERJA UTAMA {baru.upper()} TAHUN 2021–2026" in text
