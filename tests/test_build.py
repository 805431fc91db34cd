"""Building a whole dinas: every card, the combined document, and what a failure leaves behind."""

import shutil

import pytest

from dokgen.build import BuildOptions, build
from dokgen.errors import DataError, TemplateError
from dokgen.load import load
from tests.conftest import DATA, TEMPLATES
from tests.docxread import lines, open_docx

MALANG = DATA / "malang-diskopum"


@pytest.fixture(scope="module")
def malang(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    return build(MALANG, out), load(MALANG), out


def test_one_card_per_jabatan_in_structure_order(malang):
    hasil, data, out = malang
    cards = sorted((out / "iki").iterdir())
    assert len(cards) == len(data.jabatan) == 54
    assert cards[0].name == "01-sekretaris.docx"
    assert cards[5].name == "06-kepala-upt.docx"
    assert cards[-1].name == "54-bagian-kasir.docx"
    assert len(hasil.outputs) == 56  # the cards, the combined cards and the pohon kinerja


def test_every_card_shows_its_jabatan_tugas_fungsi_and_rows(malang):
    _, data, out = malang
    for number, jabatan in enumerate(data.jabatan, start=1):
        doc = open_docx(out / "iki" / f"{number:02d}-{jabatan.kode}.docx")
        text = lines(doc)
        assert f"1.\tJABATAN\t: {jabatan.nama}" in text
        for i, tugas in enumerate(jabatan.tugas):
            assert f"{chr(97 + i)}.\t{tugas}" in text
        for i, fungsi in enumerate(jabatan.fungsi):
            assert f"{chr(97 + i)}.\t{fungsi}" in text
        rows = doc.tables[0].rows[1:-1]  # the header and the signature rows left out
        expected = [(s.sasaran, i) for s in jabatan.iki for i in s.indikator]
        assert len(rows) == len(expected), jabatan.kode
        for row, (sasaran, indikator) in zip(rows, expected, strict=True):
            cells = row.cells
            assert cells[0].text == sasaran
            assert cells[1].text == indikator.uraian
            assert cells[3].text == indikator.sumber_data
            formula = indikator.formula
            if formula.pecahan:
                (fraction,) = cells[2].tables
                assert fraction.cell(0, 0).text == formula.pembilang
                assert fraction.cell(1, 0).text == formula.penyebut
            else:
                assert formula.teks in lines(cells[2])


def test_cards_carry_the_seed_text(malang):
    """Spot checks against shared/seeds/004 itself, including the repaired places."""
    _, _, out = malang
    text = lines(open_docx(out / "iki" / "27-penyuluh-koperasi.docx"))
    # the seed's list started at b.; the card letters it from a.
    assert "a.\tMenyiapkan bahan pendidikan dan penyuluhan perkoperasian;" in text
    assert "3.\tFUNGSI\t: -" in text
    doc = open_docx(out / "iki" / "29-pengelola-data-pertanian.docx")
    (fraction,) = doc.tables[0].rows[1].cells[2].tables
    assert fraction.cell(0, 0).text == (
        "Jumlah kehadiran anggota Koperasi yang mendapatkan bimtek penguatan manajemen"
    )
    assert (
        fraction.cell(1, 0).text
        == "Jumlah anggota koperasi yang di undang bimtek penguatan manajemen"
    )
    last = lines(open_docx(out / "iki" / "54-bagian-kasir.docx"))
    assert "Jumlah cek yang dikeluarkan sebanyak 125 cek" in last
    assert last[-1] == "NIP. 19590531 198603 2 004"


def test_combined_document_has_every_card_each_on_a_new_page(malang):
    _, data, out = malang
    doc = open_docx(out / "iki-semua-jabatan.docx")
    titles = [p for p in doc.paragraphs if p.text == "INDIKATOR KINERJA INDIVIDU"]
    assert len(titles) == 54
    assert all(p.paragraph_format.page_break_before for p in titles[1:])
    jabatan = [p.text.split(": ", 1)[1] for p in doc.paragraphs if "\tJABATAN\t" in p.text]
    assert jabatan == [j.nama for j in data.jabatan]


def test_failed_build_leaves_earlier_outputs_intact(make_data, tmp_path):
    folder = make_data()
    out = tmp_path / "hasil"
    build(folder, out)
    card = out / "iki" / "01-sekretaris.docx"
    before = card.read_bytes(), card.stat().st_mtime_ns

    (folder / "jabatan" / "01-sekretaris.yaml").write_text("kode: sekretaris\nnama: [\n")
    with pytest.raises(DataError):
        build(folder, out)
    assert (card.read_bytes(), card.stat().st_mtime_ns) == before

    templates = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templates)
    from docx import Document

    broken = Document(str(templates / "iki.docx"))
    broken.add_paragraph("{{ tidak_ada.nama }}")
    broken.save(str(templates / "iki.docx"))
    (folder / "jabatan" / "01-sekretaris.yaml").unlink()
    (folder / "jabatan" / "02-lain.yaml").write_text(
        "kode: lain\nnama: LAIN\ntugas: [x]\n", encoding="utf-8"
    )
    with pytest.raises(TemplateError):
        build(folder, out, BuildOptions(templates, force=True))  # past the check, into the template
    assert (card.read_bytes(), card.stat().st_mtime_ns) == before
    assert sorted(p.name for p in (out / "iki").iterdir()) == ["01-sekretaris.docx"]


def test_a_dinas_without_jabatan_needs_no_card_template(tmp_path):
    templates = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templates)
    (templates / "iki.docx").unlink()
    hasil = build(DATA / "lumajang-diskopum", tmp_path / "out", BuildOptions(templates))
    assert hasil.skipped["iki"] == "tidak ada jabatan/*.yaml"
    assert sorted(p.name for p in hasil.written)[0] == "dokumen-iku.docx"
    text = lines(open_docx(tmp_path / "out" / "dokumen-iku.docx"))
    assert "2.1.2 Struktur Organisasi Perangkat Daerah" in text


def test_the_spawn_pool_builds_the_same_bytes(malang, tmp_path, monkeypatch):
    """The pool that renders many documents starts its workers with ``spawn`` (the only start
    method on Windows): forced on for 54 cards, it gives the very files of a build in one
    process, the combined document included."""
    from dokgen import parallel

    spawned = []
    real = parallel.multiprocessing.get_context

    def get_context(method: str | None = None):
        spawned.append(method)
        return real(method)

    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(parallel.multiprocessing, "get_context", get_context)
    monkeypatch.setenv("DOKGEN_CACHE", str(tmp_path / "cache"))  # every jabatan read anew
    build(MALANG, tmp_path / "out", BuildOptions(jobs=2))
    assert spawned == ["spawn"]
    _, _, single = malang
    files = sorted(p.relative_to(single) for p in single.rglob("*.docx"))
    assert files == sorted(
        p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*.docx")
    )
    assert len(files) == 56
    for name in files:
        assert (tmp_path / "out" / name).read_bytes() == (single / name).read_bytes(), name


def test_the_combined_document_joins_every_card(malang):
    """All 54 cards in one package: valid zip, every card's title, a page break before each
    card but the first."""
    import zipfile

    _, data, out = malang
    with zipfile.ZipFile(out / "iki-semua-jabatan.docx") as archive:
        assert archive.testzip() is None
        document = archive.read("word/document.xml").decode()
    assert document.count("INDIKATOR KINERJA INDIVIDU") == 54
    assert document.count("<w:pageBreakBefore/>") == 54  # the first one prints no blank page
    text = lines(open_docx(out / "iki-semua-jabatan.docx"))
    names = [line for line in text if line.startswith("1.\tJABATAN\t: ")]
    assert names == [f"1.\tJABATAN\t: {j.nama}" for j in data.jabatan]


def test_other_code_renders_again(tmp_path, monkeypatch):
    """Outputs are keyed on dokgen's code too, not on its version number: after a change of
    code (a filter, a context), the next build renders every document again."""
    from dokgen import build as pipeline
    from dokgen.render import Template

    rendered = []
    real = Template.render_dokumen

    def counting(self, *args, **kwargs):
        rendered.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Template, "render_dokumen", counting)
    out = tmp_path / "out"
    build(MALANG, out)
    first = len(rendered)
    build(MALANG, out)
    assert len(rendered) == first == 55  # nothing rendered when nothing changed
    monkeypatch.setattr(pipeline, "code_fingerprint", lambda: "kode lain")
    build(MALANG, out)
    assert len(rendered) == 2 * 55


# --- Issue 18: the place and date above an IKI card's signature, no empty pangkat line ---


def signature_row(path) -> list[str]:
    """The paragraphs of a card's last table row: place and date, title, name, pangkat, NIP."""
    doc = open_docx(path)
    return [p.text for p in doc.tables[0].rows[-1].cells[0].paragraphs if p.text.strip()]


def test_card_prints_place_and_a_dotted_date_without_iki_yaml(malang):
    _, _, out = malang
    assert signature_row(out / "iki" / "01-sekretaris.docx") == [
        "Malang, ………………… …………………",
        "KEPALA DINAS\nKOPERASI DAN USAHA MIKRO\nKABUPATEN MALANG",
        "Dra. MADE DEWI ANGGRAENI, M.Si",
        "Pembina Utama Muda",
        "NIP. 19590531 198603 2 004",
    ]


def test_card_date_from_iki_yaml_renders_every_card_again(make_data, tmp_path):
    from tests.conftest import JABATAN_YAML

    staf = JABATAN_YAML.replace("kode: sekretaris", "kode: staf").replace("SEKRETARIS", "STAF")
    folder = make_data(jabatan={"01-sekretaris.yaml": JABATAN_YAML, "02-staf.yaml": staf})
    out = tmp_path / "hasil"
    build(folder, out)
    card = out / "iki" / "01-sekretaris.docx"
    assert signature_row(card)[0].endswith(", ………………… …………………")
    (folder / "iki.yaml").write_text("bulan: 2024-01\n")
    hasil = build(folder, out)
    assert signature_row(card)[0].endswith(", ………………… Januari 2024")
    assert signature_row(out / "iki" / "02-staf.docx")[0].endswith(", ………………… Januari 2024")
    assert len(hasil.outputs) == 4  # both cards, the combined document, the pohon kinerja
    (folder / "iki.yaml").write_text("tanggal: 2024-01-15\n")
    build(folder, out)
    assert signature_row(card)[0].endswith(", 15 Januari 2024")
    text = lines(open_docx(out / "iki-semua-jabatan.docx"))
    assert sum(line.endswith(", 15 Januari 2024") for line in text) == 2


def test_card_of_a_kepala_without_pangkat_has_no_empty_line(make_data, tmp_path):
    from tests.conftest import DINAS_YAML

    assert "pangkat:" in DINAS_YAML
    dinas = "\n".join(line for line in DINAS_YAML.splitlines() if "pangkat:" not in line)
    folder = make_data(dinas=dinas)
    build(folder, tmp_path / "hasil")
    doc = open_docx(tmp_path / "hasil" / "iki" / "01-sekretaris.docx")
    paragraphs = [p.text for p in doc.tables[0].rows[-1].cells[0].paragraphs]
    name = paragraphs.index("Dra. MADE DEWI ANGGRAENI, M.Si")
    assert paragraphs[name + 1 :] == ["NIP. 19590531 198603 2 004"]


ORGANISASI_YAML = """\
unit:
  - kode: sekretariat
    nama: Sekretariat
    tugas:
      - Mengoordinasikan pelayanan administrasi dinas
    fungsi:
      - Pengelolaan urusan kepegawaian
"""


def test_card_without_own_tugas_takes_its_units_and_follows_a_change_of_it(make_data, tmp_path):
    from tests.conftest import JABATAN_YAML

    jabatan = JABATAN_YAML.replace(
        "tugas:\n  - Melaksanakan pengelolaan administrasi umum\n"
        "  - Melaksanakan tugas lain yang diberikan oleh Kepala Dinas\nfungsi: []\n",
        "unit: sekretariat\n",
    )
    assert "unit: sekretariat" in jabatan
    folder = make_data(
        jabatan={"01-sekretaris.yaml": jabatan}, **{"organisasi.yaml": ORGANISASI_YAML}
    )
    out = tmp_path / "hasil"
    build(folder, out)
    text = lines(open_docx(out / "iki" / "01-sekretaris.docx"))
    tugas, fungsi = text.index("2.\tTUGAS\t:"), text.index("3.\tFUNGSI\t:")
    assert text[tugas + 1 : fungsi] == ["a.\tMengoordinasikan pelayanan administrasi dinas"]
    assert text[fungsi + 1] == "a.\tPengelolaan urusan kepegawaian"
    (folder / "organisasi.yaml").write_text(ORGANISASI_YAML.replace("dinas\n", "dinas dan UPT\n"))
    build(folder, out)
    text = lines(open_docx(out / "iki" / "01-sekretaris.docx"))
    assert "a.\tMengoordinasikan pelayanan administrasi dinas dan UPT" in text


def test_a_document_is_signed_by_the_head_in_office_on_its_date(make_data, tmp_path):
    """A card dated in May 2023 is signed by the head whose term ended in December 2023; one
    dated in May 2024 by today's head; the model refuses an earlier head without 'sampai'."""
    from tests.conftest import DINAS_YAML

    dinas = DINAS_YAML + (
        "  sejak: 2024-01-02\n"
        "kepala_sebelumnya:\n"
        "  - nama: Ir. SUTRISNO, M.Si\n"
        '    nip: "19650101 199003 1 002"\n'
        "    sampai: 2024-01-01\n"
    )
    folder = make_data(dinas=dinas, **{"iki.yaml": "bulan: 2023-05\n"})
    out = tmp_path / "hasil"
    build(folder, out)
    text = lines(open_docx(out / "iki" / "01-sekretaris.docx"))
    assert "Ir. SUTRISNO, M.Si" in text and "NIP. 19650101 199003 1 002" in text
    assert "Dra. MADE DEWI ANGGRAENI, M.Si" not in text
    (folder / "iki.yaml").write_text("bulan: 2024-05\n")
    build(folder, out)
    text = lines(open_docx(out / "iki" / "01-sekretaris.docx"))
    assert "Dra. MADE DEWI ANGGRAENI, M.Si" in text and "Ir. SUTRISNO, M.Si" not in text
    (folder / "dinas.yaml").write_text(dinas.replace("    sampai: 2024-01-01\n", ""))
    with pytest.raises(DataError, match=r"kepala sebelumnya 'Ir\. SUTRISNO, M\.Si' tanpa 'sampai'"):
        build(folder, out)
