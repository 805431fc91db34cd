"""Pohon kinerja: the layout splits a tall tree across pages without shrinking it, the trees
hold every link of the data, and the documents carry the pictures with their labels."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from dokgen import pohon
from dokgen.build import BuildOptions, build
from dokgen.documents import pohon_kinerja
from dokgen.documents.pohon_kinerja import JabatanPohon, pohon_jabatan, pohon_renstra
from dokgen.load import load
from dokgen.pohon import LANJUTAN, Simpul
from tests.conftest import DATA
from tests.docxread import lines, open_docx

CONTOH = DATA / "contoh-lengkap"
MALANG = DATA / "malang-diskopum"
LUMAJANG = DATA / "lumajang-diskopum"


def descr(path: Path) -> list[str]:
    """The alt text of every picture of a .docx, in order."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return [
        m.replace("&#10;", "\n").replace("&amp;", "&")
        for m in re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    ]


def pictures(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n) for n in sorted(z.namelist()) if n.startswith("word/media/dokgen-")]


# --- layout -------------------------------------------------------------------------------


def pohon_tinggi(n: int) -> tuple[Simpul, ...]:
    kegiatan = tuple(
        Simpul(f"Kegiatan {k}", "Fasilitasi pengembangan kapasitas pelaku usaha mikro " * 2, 2)
        for k in range(n)
    )
    return (
        Simpul("Sasaran S1", "Meningkatnya daya saing", 0, (Simpul("IKU-1", "x", 1, kegiatan),)),
    )


def test_a_tall_tree_goes_on_over_pages_with_its_ancestors_repeated():
    pages = pohon.halaman(pohon_tinggi(40), ("SASARAN", "IKU", "KEGIATAN"), 28.0, 14.8, "Pohon")
    assert len(pages) > 2
    for page in pages:
        assert page.png.startswith(b"\x89PNG")
        assert page.lebar_cm == 28.0  # never shrunk
    assert {page.tinggi_cm for page in pages[:-1]} == {14.8}
    assert pages[-1].tinggi_cm <= 14.8  # the last page only as tall as its boxes
    labels = [page.keterangan.splitlines() for page in pages]
    assert labels[0][0] == "Sasaran S1 Meningkatnya daya saing"
    for page in labels[1:]:
        assert page[0] == f"Sasaran S1 Meningkatnya daya saing {LANJUTAN}"
        assert page[1] == f"IKU-1 x {LANJUTAN}"
    kegiatan = [line.split()[1] for page in labels for line in page if line.startswith("Keg")]
    assert kegiatan == [str(k) for k in range(40)]  # every leaf once, in order


def test_a_page_ends_before_a_whole_subtree_that_fits_the_next():
    def iku(n: int) -> Simpul:
        kids = tuple(Simpul(f"K{n}.{k}", "kegiatan " * 12, 2) for k in range(7))
        return Simpul(f"IKU-{n}", "indikator", 1, kids)

    akar = (Simpul("S1", "sasaran", 0, tuple(iku(n) for n in range(4))),)
    pages = pohon.halaman(akar, ("S", "I", "K"), 28.0, 14.8, "Pohon")
    for page in pages:  # no IKU is split: each page holds whole IKU subtrees
        names = [line.split()[0] for line in page.keterangan.splitlines()]
        for n in range(4):
            kids = [x for x in names if x.startswith(f"K{n}.")]
            assert kids in ([], [f"K{n}.{k}" for k in range(7)])


def test_the_same_tree_gives_the_same_bytes():
    akar = pohon_tinggi(3)
    one = pohon.halaman(akar, ("A", "B", "C"), 20.0, 12.0, "Pohon")
    two = pohon.halaman(akar, ("A", "B", "C"), 20.0, 12.0, "Pohon")
    assert [p.png for p in one] == [p.png for p in two]


# --- the trees ----------------------------------------------------------------------------


def test_renstra_tree_places_every_program_and_notes_its_other_iku():
    renstra = load(DATA / "lumajang-diskopum-2014").renstra
    assert renstra is not None
    program = renstra.program[0].model_copy(update={"iku": ["IKU-1", "IKU-2"]})
    akar, kolom = pohon_renstra(renstra.model_copy(update={"program": [program]}))
    assert kolom == ("TUJUAN", "SASARAN", "INDIKATOR KINERJA UTAMA", "PROGRAM", "KEGIATAN")
    nodes = list(pohon.semua(akar))
    placed = [n for n in nodes if n.judul == f"Program {program.kode}"]
    assert len(placed) == 1 and placed[0].catatan == ("juga IKU-2",)
    (iku1,) = [n for n in nodes if n.judul == "IKU-1"]
    assert iku1.anak == tuple(placed)
    assert len(placed[0].anak) == len(program.kegiatan)


def test_a_tree_on_one_page_is_only_as_tall_as_it_needs(tmp_path):
    build(DATA / "bandarlampung-diskopukm", tmp_path, BuildOptions(kind="dokumen-iku"))
    text = lines(open_docx(tmp_path / "dokumen-iku.docx"))
    assert any(
        t.endswith("dari sasaran sampai indikator kinerja utama, disajikan pada Gambar 3.1.")
        for t in text
    )
    (page,) = pohon.halaman(
        *pohon_renstra(load(DATA / "bandarlampung-diskopukm").renstra), 28.0, 14.8, "P"
    )
    assert page.tinggi_cm < 5


def test_renstra_tree_keeps_programs_without_iku():
    data = load(CONTOH)
    assert data.renstra is not None
    akar, _ = pohon_renstra(data.renstra)
    nodes = list(pohon.semua(akar))
    programs = {n.judul for n in nodes if n.judul.startswith("Program ")}
    assert programs >= {f"Program {p.kode}" for p in data.renstra.program}
    kegiatan = [n for n in nodes if n.judul.startswith("Kegiatan ")]
    assert len(kegiatan) == sum(len(p.kegiatan) for p in data.renstra.program)


def jabatan(kode: str, atasan: str | None = None, baris=()) -> JabatanPohon:
    return JabatanPohon(kode, kode.upper(), atasan, None, "", tuple(baris))


def test_jabatan_tree_follows_atasan_and_shows_what_rows_support():
    data = load(CONTOH)
    rows = [jabatan("a", baris=[("A-1", "satu", "IKU-1")]), jabatan("b", "a"), jabatan("c", "x")]
    (kepala,), cakupan = pohon_jabatan(data, rows)
    assert [n.judul for n in kepala.anak] == ["A", "C"]
    assert kepala.anak[0].uraian == "A-1: satu (mendukung IKU-1)"
    assert [n.judul for n in kepala.anak[0].anak] == ["B"]
    assert kepala.anak[1].catatan == ("atasan 'x' tidak ditemukan atau berputar",)
    assert cakupan.digambar == cakupan.semua == 3


def test_a_very_large_jabatan_tree_draws_its_upper_levels(monkeypatch):
    monkeypatch.setattr(pohon_kinerja, "JABATAN_MAKS", 10)
    data = load(CONTOH)
    rows = [jabatan("a"), jabatan("b")]
    rows += [jabatan(f"a{n}", "a") for n in range(6)] + [jabatan(f"b{n}", "b") for n in range(6)]
    (kepala,), cakupan = pohon_jabatan(data, rows)
    assert cakupan.tingkat == 1 and cakupan.digambar == 2
    assert [n.judul for n in kepala.anak[0].anak] == ["6 jabatan lain di bawahnya"]
    assert pohon_kinerja.catatan_jabatan(cakupan) == "jabatan sampai tingkat 1 (2 dari 14 jabatan)"


# --- the documents ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def contoh(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    build(CONTOH, out, BuildOptions(kind="pohon-kinerja"))
    return out / "pohon-kinerja.docx"


def test_pohon_kinerja_holds_both_trees_with_their_labels(contoh):
    text = lines(open_docx(contoh))
    data = load(CONTOH)
    assert data.renstra is not None
    assert text[0].startswith("Gambar 1 Pohon Kinerja Renstra Dinas Koperasi")
    assert any(t.startswith("Gambar 2 Pohon Kinerja Jabatan") for t in text)
    labels = "\n".join(descr(contoh))
    assert len(pictures(contoh)) == len(descr(contoh)) >= 2
    for node in [*data.renstra.semua_sasaran, *data.renstra.tujuan]:
        assert node.uraian in labels
    for program in data.renstra.program:
        assert f"Program {program.kode} {program.nama}" in labels
        for kegiatan in program.kegiatan:
            assert f"Kegiatan {kegiatan.kode} {kegiatan.nama}" in labels
    for j in data.jabatan:
        assert j.nama in labels
        for row in (r for s in j.iki for r in s.indikator if r.kode and r.mendukung):
            assert (
                f"{row.kode}: {' '.join(row.uraian.split())} (mendukung {row.mendukung})" in labels
            )


def test_malang_jabatan_tree_spans_pages(tmp_path):
    build(MALANG, tmp_path, BuildOptions(kind="pohon-kinerja"))
    path = tmp_path / "pohon-kinerja.docx"
    text = lines(open_docx(path))
    captions = [t for t in text if t.startswith("Gambar")]
    assert len(captions) > 1 and all(c.endswith(LANJUTAN) for c in captions[1:])
    assert (
        captions[0]
        == "Gambar 1 Pohon Kinerja Jabatan Dinas Koperasi dan Usaha Mikro Kabupaten Malang"
    )
    labels = "\n".join(descr(path))
    for j in load(MALANG).jabatan:
        assert j.nama in labels


def test_dokumen_iku_has_the_renstra_tree_as_gambar_3_1(tmp_path):
    build(LUMAJANG, tmp_path, BuildOptions(kind="dokumen-iku"))
    path = tmp_path / "dokumen-iku.docx"
    text = lines(open_docx(path))
    nama = "Dinas Koperasi dan Usaha Mikro Kabupaten Lumajang"
    assert "DAFTAR GAMBAR" in text
    assert f"Gambar 3.1 Pohon Kinerja {nama} 2018–2023" in text
    assert f"Pohon kinerja {nama}, dari tujuan sampai kegiatan, disajikan pada Gambar 3.1." in text
    assert len(pictures(path)) >= 2  # the logo, and the tree
    labels = "\n".join(descr(path))
    assert "IKU-1 Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)" in labels
    assert "Program pendukung" in labels


def test_a_tree_drawn_once_is_taken_from_the_cache(monkeypatch):
    from dokgen.cache import Cache

    cache = Cache()
    first = pohon_kinerja.dokumen(load(CONTOH, cache))[0]
    assert first.context["jabatan"] and first.context["renstra"]

    def never(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(pohon, "halaman", never)
    monkeypatch.setattr(pohon_kinerja, "semua_jabatan", never)  # not even read
    again = pohon_kinerja.dokumen(load(CONTOH, cache))[0]
    assert again.gambar == first.gambar and again.context == first.context
    with pytest.raises(AssertionError, match="drawn again"):
        pohon_kinerja.dokumen(load(CONTOH, Cache()))  # another cache: drawn


def test_the_jabatan_tree_is_drawn_again_only_when_its_boxes_change(tmp_path, monkeypatch):
    import shutil

    from dokgen.cache import Cache

    folder = tmp_path / "data"
    shutil.copytree(CONTOH, folder)
    cache = Cache()
    pohon_kinerja.dokumen(load(folder, cache))
    drawn = []
    real = pohon.halaman

    def counting(*args, **kwargs):
        drawn.append(args[4])  # the title
        return real(*args, **kwargs)

    monkeypatch.setattr(pohon, "halaman", counting)
    kasi = folder / "jabatan" / "05-kasi-organisasi.yaml"
    text = kasi.read_text(encoding="utf-8")
    kasi.write_text(
        text.replace("iki:\n", "tugas:\n  - Tugas tambahan\niki:\n", 1), encoding="utf-8"
    )
    changed = pohon_kinerja.dokumen(load(folder, cache))
    assert drawn == []  # a tugas is not in the tree
    assert changed[0].context["jabatan"]
    kasi.write_text(text.replace("nama: ", "nama: PLT ", 1), encoding="utf-8")
    pohon_kinerja.dokumen(load(folder, cache))
    assert drawn == ["Pohon Kinerja Jabatan"]
