"""The Laporan Kinerja Triwulan II 2019 of Lumajang (seed 002), read back."""

import re
import zipfile

import pytest
from lxml import etree

from dokgen.build import BuildOptions, build
from dokgen.errors import DataError
from tests.conftest import DATA
from tests.docxread import lines, open_docx, table_after

LUMAJANG = DATA / "lumajang-diskopum"


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("lkj")
    build(LUMAJANG, out, BuildOptions(triwulan=(2019, 2), kind="lkj"))
    return out / "lkj-2019-tw2.docx"


@pytest.fixture(scope="module")
def report(built):
    return open_docx(built)


@pytest.fixture(scope="module")
def parts(built):
    """The package's XML parts, parsed."""
    with zipfile.ZipFile(built) as z:
        return {
            n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith((".xml", ".rels"))
        }


@pytest.fixture(scope="module")
def body(parts):
    return parts["word/document.xml"].find(f"{W}body")


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def _sections(body) -> list[etree._Element]:
    """Every section's sectPr in order: those in paragraphs, then the body's last."""
    return [*body.iterfind(f"{W}p/{W}pPr/{W}sectPr"), body.find(f"{W}sectPr")]


def _bab_headings(body) -> list[etree._Element]:
    return [p for p in body.findall(f"{W}p") if re.fullmatch(r"BAB [IV]+", _text(p))]


def test_budget_table_rows_subtotals_and_total(report):
    table = table_after(report, "Realisasi anggaran sampai dengan triwulan II", prefix=True)
    rows = [[c.text for c in r.cells][1:] for r in table.rows[1:]]
    assert rows[0] == [
        "Pelayanan Administrasi dan Operasional Perkantoran",
        "749.455.000",
        "330.632.301",
        "44,12",
    ]
    by_name = {r[0]: r[1:] for r in rows}
    expected = {  # every row of seed 002's table with its serapan
        "Pembangunan/Pengadaan dan Rehabilitasi Sarana dan Prasarana Aparatur": [
            "200.152.750",
            "62.306.450",
            "31,13",
        ],
        "Pemeliharaan Rutin/Berkala Sarana dan Prasarana Aparatur": [
            "183.267.500",
            "46.060.288",
            "25,13",
        ],
        "Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD/LAKIP": [
            "2.500.000",
            "2.500.000",
            "100,00",
        ],
        "Penyusunan Laporan Keuangan Semesteran dan Prognosis Realisasi Anggaran": [
            "2.500.000",
            "0",
            "0,00",
        ],
        "Penyusunan Laporan Keuangan Akhir Tahun": ["2.500.000", "0", "0,00"],
        "Penyusunan Laporan Indeks Kepuasan Masyarakat": ["4.000.000", "0", "0,00"],
        "Pembinaan, Pengawasan, dan Penghargaan Koperasi Berprestasi": [
            "110.290.000",
            "58.465.000",
            "53,01",
        ],
        "Pembinaan dan Bimbingan Teknis Koperasi": ["110.165.000", "0", "0,00"],
        "Penyuluhan dan Pengembangan Kelembagaan Koperasi": ["60.450.000", "0", "0,00"],
        "Peningkatan Kapasitas Koperasi, Usaha Kecil dan Menengah (DAK)": [  # seed 002
            "470.000.000",
            "18.000.000",
            "3,83",
        ],
        "Fasilitasi, Pembinaan Akses Permodalan dan Simpan Pinjam Koperasi": [
            "151.990.000",
            "0",
            "0,00",
        ],
        "Fasilitasi, Pembinaan dan Pengembangan Usaha Koperasi": ["276.338.000", "0", "0,00"],
        "Fasilitasi, Pembinaan dan Pemberdayaan Administrasi Usaha Koperasi": [
            "48.720.000",
            "0",
            "0,00",
        ],
        "Fasilitasi Pemberdayaan Usaha Mikro": ["274.220.000", "29.500.000", "10,76"],
        "Fasilitasi Pengembangan Usaha Mikro": ["96.127.250", "0", "0,00"],
        "Fasilitasi Peningkatan Kewirausahaan": ["61.775.000", "40.645.000", "65,80"],
        "Pembinaan dan Pelatihan Keterampilan Kerja bagi Tenaga Kerja dan Masyarakat": [
            "134.840.000",
            "0",
            "0,00",
        ],
        "Fasilitasi Promosi bagi Usaha Mandiri Masyarakat": ["65.160.000", "0", "0,00"],
    }
    for name, values in expected.items():
        assert by_name[name] == values, name
    assert by_name["Jumlah Program Peningkatan Sarana dan Prasarana Aparatur"] == [
        "383.420.250",
        "108.366.738",
        "28,26",
    ]
    assert by_name["Jumlah Program Peningkatan Kualitas Kelembagaan Koperasi"] == [
        "750.905.000",
        "76.465.000",
        "10,18",
    ]
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "JUMLAH"
    assert total[2:] == ["3.004.450.500", "588.109.039", "19,57"]
    # the grand total is the sum of the program subtotals, as printed
    subtotal = [r for r in rows if r[0].startswith("Jumlah ")]
    assert len(subtotal) == 7
    assert sum(int(r[1].replace(".", "")) for r in subtotal) == 3004450500
    assert sum(int(r[2].replace(".", "")) for r in subtotal) == 588109039


def test_capaian_table(report):
    table = table_after(
        report, "Capaian indikator kinerja utama sampai dengan triwulan II", prefix=True
    )
    rows = [[c.text for c in r.cells][2:] for r in table.rows[1:]]
    assert rows == [
        [
            "Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)",
            "%",
            "80,94",
            "74,68",
            "92,27",
            "Sangat Tinggi",
        ],
        ["Persentase Koperasi Sehat dan Cukup Sehat", "%", "86,70", "–", "–", "–"],
        ["Persentase Perkembangan Usaha Mikro", "%", "12,73", "5,45", "42,81", "Sangat Rendah"],
    ]


def test_counts_in_words_and_the_rule_named(report):
    text = "\n".join(lines(report))
    assert "7 (tujuh) program dan 19 (sembilan belas) kegiatan" in text
    assert "2 (dua) tujuan dan 2 (dua) sasaran" in text
    # the rule is named; its regulation (in force from 1 July 2021) is not cited in 2019
    assert "paling rendah 0; predikat: Sangat Tinggi ≥ 91" in text
    assert "PermenPAN-RB" not in text
    assert "LAPORAN KINERJA" in text and "TRIWULAN II TAHUN 2019" in text


def test_names_no_other_agency(report):
    text = "\n".join(lines(report))
    agencies = set(re.findall(r"Dinas [A-Z][a-z]+(?: dan [A-Z][a-z]+ [A-Z][a-z]+)?", text))
    assert agencies == {"Dinas Koperasi dan Usaha Mikro"}
    assert "Pendidikan" not in text


def test_unknown_quarter_is_refused(tmp_path):
    with pytest.raises(DataError, match="tidak ada realisasi triwulan 3 tahun 2019"):
        build(LUMAJANG, tmp_path, BuildOptions(triwulan=(2019, 3)))
    assert list(tmp_path.iterdir()) == []


def test_realisasi_with_unknown_kode_is_located(tmp_path):
    import shutil

    from dokgen.load import load

    folder = tmp_path / "lmj"
    shutil.copytree(LUMAJANG, folder)
    path = folder / "realisasi" / "2019-2.yaml"
    path.write_text(path.read_text().replace("IKU-3: 5,45", "IKU-33: 5,45"))
    (folder / "realisasi" / "2019-2b.yaml").write_text("tahun: 2019\ntriwulan: 2\n")
    with pytest.raises(DataError) as caught:
        load(folder)
    messages = [(m.location.file.name, m.message) for m in caught.value.problems]
    assert messages == [
        ("2019-2.yaml", "indikator 'IKU-33' tidak ada di renstra — maksud Anda 'IKU-3'?"),
        ("2019-2b.yaml", "triwulan 2 tahun 2019 sudah ada di 2019-2.yaml"),
    ]


def test_cover_lambang_title_dinas_and_no_page_number(body):
    sections = _sections(body)
    cover = sections[0].getparent().getparent()  # the paragraph ending the cover
    paragraphs = body.findall(f"{W}p")
    texts = [_text(p) for p in paragraphs[: paragraphs.index(cover) + 1]]
    assert texts[:2] == ["LAPORAN KINERJA", "TRIWULAN II TAHUN 2019"]
    assert texts[-2:] == ["DINAS KOPERASI DAN USAHA MIKRO", "KABUPATEN LUMAJANG"]
    extent = next(body.iter(f"{DRAWING}extent"))  # the lambang; BAB III's charts follow
    assert int(extent.get("cy")) == 4 * 360000  # the lambang, 4 cm high
    assert sections[0].find(f"{W}footerReference") is None
    assert sections[0].find(f"{W}headerReference") is None


def test_front_matter_roman_then_body_arabic_from_one(body, parts):
    _cover, front, main = _sections(body)
    assert front.find(f"{W}pgNumType").get(f"{W}fmt") == "lowerRoman"
    assert front.find(f"{W}pgNumType").get(f"{W}start") == "1"
    assert main.find(f"{W}pgNumType").get(f"{W}fmt") == "decimal"
    assert main.find(f"{W}pgNumType").get(f"{W}start") == "1"
    # the front section holds Kata Pengantar, Daftar Isi, Ikhtisar Eksekutif; BAB I opens the body
    paragraphs = body.findall(f"{W}p")
    end_front = paragraphs.index(front.getparent().getparent())
    assert paragraphs[end_front + 1] is _bab_headings(body)[0]
    front_texts = {_text(p) for p in paragraphs[:end_front]}
    assert {"KATA PENGANTAR", "DAFTAR ISI", "IKHTISAR EKSEKUTIF"} <= front_texts
    rels = parts["word/_rels/document.xml.rels"]
    targets = {r.get("Id"): r.get("Target") for r in rels}
    for section in (front, main):
        (reference,) = section.findall(f"{W}footerReference")
        footer = parts["word/" + targets[reference.get(f"{R}id")]]
        fields = [f.get(f"{W}instr") for f in footer.iter(f"{W}fldSimple")]
        assert [f.strip() for f in fields] == ["PAGE"]


def test_every_bab_bookmarked_listed_and_on_a_new_page(body, parts):
    babs = _bab_headings(body)
    assert [_text(p) for p in babs] == ["BAB I", "BAB II", "BAB III", "BAB IV"]
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    refs = [
        m.group(1)
        for i in body.iter(f"{W}instrText")
        if (m := re.fullmatch(r" PAGEREF (\S+) \\h ", i.text or ""))
    ]
    assert set(refs) <= bookmarks  # every entry points at a heading that is there
    for p in babs:
        (mark,) = p.iter(f"{W}bookmarkStart")
        assert mark.get(f"{W}name") in refs
        assert p.find(f"{W}pPr/{W}keepNext") is not None
    for p in babs[1:]:  # BAB I starts its section, hence its page
        assert p.find(f"{W}pPr/{W}pageBreakBefore") is not None
    for heading in ("LATAR BELAKANG", "REALISASI ANGGARAN", "RENCANA KERJA TAHUNAN 2019"):
        (p,) = [p for p in body.findall(f"{W}p") if _text(p).endswith(". " + heading)]
        assert p.find(f"{W}pPr/{W}keepNext") is not None
        assert next(p.iter(f"{W}bookmarkStart")).get(f"{W}name") in refs
    update = parts["word/settings.xml"].find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"


def test_tables_captioned_per_bab_and_print_whole(body):
    bab, captions = 0, []
    children = list(body)
    for i, element in enumerate(children):
        text = _text(element) if element.tag == f"{W}p" else ""
        if re.fullmatch(r"BAB [IV]+", text):
            bab += 1
        if element.tag != f"{W}tbl" or children[i - 1].tag != f"{W}p":
            continue
        caption = children[i - 1]
        if not _text(caption).startswith("Tabel "):
            assert element.find(f"{W}tr/{W}trPr/{W}cantSplit") is not None  # signature
            continue
        captions.append((bab, _text(caption)))
        assert caption.find(f"{W}pPr/{W}keepNext") is not None
        rows = element.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
    numbers = [re.match(r"Tabel (\d+)\.(\d+) ", c).groups() for _, c in captions]
    assert [(int(a), int(b)) for a, b in numbers] == [(1, 1), (2, 1), (2, 2), (3, 1), (3, 2)]
    assert [b for b, _ in captions] == [1, 2, 2, 3, 3]  # each under its own BAB
    assert captions[4][1] == "Tabel 3.2 Realisasi Anggaran sampai dengan Triwulan II Tahun 2019"


def _bold(cell) -> bool:
    runs = [r for r in cell.iter(f"{W}r") if _text(r)]
    return bool(runs) and all(
        (b := r.find(f"{W}rPr/{W}b")) is not None and b.get(f"{W}val") in (None, "1", "true")
        for r in runs
    )


def _shaded(cell) -> bool:
    shd = cell.find(f"{W}tcPr/{W}shd")
    return shd is not None and shd.get(f"{W}fill") == "D9D9D9"


def test_subtotal_and_total_rows_bold_and_shaded(body):
    (table,) = [
        p.getnext()
        for p in body.findall(f"{W}p")
        if _text(p).startswith("Tabel 3.2") and p.getnext().tag == f"{W}tbl"
    ]
    rows = table.findall(f"{W}tr")[1:]
    kinds = {"kegiatan": 0, "jumlah": 0, "total": 0}
    for row in rows:
        cells = row.findall(f"{W}tc")
        first = _text(cells[0])
        if first == "JUMLAH":
            kinds["total"] += 1
            assert cells[0].find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "2"
            assert all(_bold(c) and _shaded(c) for c in cells)
        elif _text(cells[1]).startswith("Jumlah "):
            kinds["jumlah"] += 1
            assert all(_bold(c) and _shaded(c) for c in cells[1:])
        else:
            kinds["kegiatan"] += 1
            assert not any(_bold(c) or _shaded(c) for c in cells)
    assert kinds == {"kegiatan": 19, "jumlah": 7, "total": 1}
    assert rows[-1] is table.findall(f"{W}tr")[-1] and _text(rows[-1]).startswith("JUMLAH")


def test_signature_blocks_whole_and_kept_with_the_text(body):
    signatures = [t for t in body.findall(f"{W}tbl") if "NIP. 19621215 199403 1 006" in _text(t)]
    # after the Kata Pengantar, after BAB IV, and the Perjanjian Kinerja in the Lampiran
    assert len(signatures) == 3
    pk = signatures.pop()
    assert _text(pk).startswith("Pihak Kedua,BUPATI LUMAJANG")
    assert "Lumajang, ………………… ………………… 2019Pihak Pertama,KEPALA DINAS" in _text(pk)
    for table in signatures:
        (row,) = table.findall(f"{W}tr")
        assert row.find(f"{W}trPr/{W}cantSplit") is not None
        # place, date (no date in lkj.yaml: day and month blank) and title
        assert _text(row).startswith("Lumajang, ………………… ………………… 2019KEPALA DINAS")
        before = table.getprevious()
        assert before.find(f"{W}pPr/{W}keepNext") is not None
        assert _text(before).strip()  # the last lines of text, not an empty paragraph


def _continues(row) -> bool:
    """Whether the row's first cell continues the merged cell above it."""
    merge = row.find(f"{W}tc/{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(f"{W}val") in (None, "continue")


def test_rows_of_one_program_or_sasaran_kept_on_one_page(body):
    """A row is kept with the next while the next continues its merged cell (no program name
    cut from its kegiatan at a page break)."""
    for number in ("1.1", "2.1", "2.2", "3.1"):
        (table,) = [
            p.getnext()
            for p in body.findall(f"{W}p")
            if _text(p).startswith(f"Tabel {number} ") and p.getnext().tag == f"{W}tbl"
        ]
        rows = table.findall(f"{W}tr")[1:]
        kept = [
            all(p.find(f"{W}pPr/{W}keepNext") is not None for p in r.iter(f"{W}p")) for r in rows
        ]
        assert kept == [_continues(r) for r in rows[1:]] + [False], number
        assert any(kept), number


def test_budget_rows_keep_with_their_program_and_the_last_subtotal_with_the_total(body):
    """In Tabel 3.2 a kegiatan row keeps with the next row of its program, a subtotal row does
    not (the next program may start a page) — except the last, which keeps with JUMLAH: a page
    never holds only the repeated header and the grand total."""
    (table,) = [
        p.getnext()
        for p in body.findall(f"{W}p")
        if _text(p).startswith("Tabel 3.2 ") and p.getnext().tag == f"{W}tbl"
    ]
    rows = table.findall(f"{W}tr")[1:]
    kept = [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in r.iter(f"{W}p")) for r in rows]
    first_cells = ["".join(r.find(f"{W}tc").itertext()) for r in rows]
    subtotals = [i for i, r in enumerate(rows) if "".join(r.itertext()).startswith("Jumlah ")]
    assert first_cells[-1] == "JUMLAH" and len(subtotals) == 7  # seven programs
    assert [kept[i] for i in subtotals] == [False] * 6 + [True]
    assert all(kept[i] for i in range(len(rows) - 1) if i not in subtotals)
    assert not kept[-1]
