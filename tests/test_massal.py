"""Bulk work: the jabatan cache, checks that read only changed files, the combined document."""

import os
import shutil
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from dokgen import gabungan, massal, workers
from dokgen.build import Opsi, build
from dokgen.checks import periksa
from dokgen.gabungan import crc32_combine
from dokgen.load import load
from dokgen.massal import periksa_folder
from tests.conftest import DATA, JABATAN_YAML, ROOT
from tests.docxread import open_docx

EXAMPLES = sorted(p for p in DATA.iterdir() if (p / "dinas.yaml").is_file())


def aged(folder: Path) -> Path:
    """Date every file of ``folder`` an hour back, as data prepared earlier is (files changed in
    the last two seconds are never cached)."""
    earlier = time.time() - 3600
    for path in folder.rglob("*"):
        os.utime(path, (earlier, earlier))
    return folder


def copy(source: Path, tmp_path: Path) -> Path:
    return aged(Path(shutil.copytree(source, tmp_path / source.name)))


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """Names of the jabatan files read from now on (in this process: no workers)."""
    monkeypatch.setattr(workers, "PER_WORKER", 10**9)
    reads: list[str] = []
    real = massal.load_jabatan

    def load_jabatan(file: Path):
        reads.append(file.name)
        return real(file)

    monkeypatch.setattr(massal, "load_jabatan", load_jabatan)
    return reads


@pytest.mark.parametrize("folder", [*EXAMPLES, ROOT / "tests" / "rusak" / "semua"], ids=str)
def test_bulk_check_finds_what_the_whole_check_finds_cold_and_cached(folder, tmp_path):
    folder = copy(folder, tmp_path)
    whole = periksa(load(folder))
    assert periksa_folder(folder) == whole  # cold: every file read
    assert periksa_folder(folder) == whole  # from the cache


def test_a_second_check_reads_no_jabatan_file_and_an_edit_reads_one(tmp_path, counted):
    folder = copy(DATA / "malang-diskopum", tmp_path)
    first = periksa_folder(folder)
    assert len(counted) == 54
    counted.clear()
    assert periksa_folder(folder) == first
    assert counted == []

    card = folder / "jabatan" / "07-kasubag-umum.yaml"
    text = card.read_text()
    card.write_text(text.replace("    formula:", "    bukan_formula:", 1))
    with pytest.raises(Exception, match="bukan_formula"):
        periksa_folder(folder)
    assert counted == ["07-kasubag-umum.yaml"]
    card.write_text(text)
    counted.clear()
    assert periksa_folder(folder) == first
    assert counted == ["07-kasubag-umum.yaml"]


def test_rules_across_jabatan_see_an_unchanged_file_lose_its_atasan(tmp_path, counted):
    folder = copy(DATA / "malang-diskopum", tmp_path)
    assert not [f for f in periksa_folder(folder) if f.code == "ORG003"]
    (folder / "jabatan" / "07-kasubag-umum.yaml").unlink()
    counted.clear()
    found = [f for f in periksa_folder(folder) if f.code == "ORG003"]
    assert counted == []  # nobody's file was read again: the summaries are enough
    assert found and all("kasubag-umum" in f.message for f in found)
    assert {Path(f.file).name for f in found} == {
        p.name
        for p in (folder / "jabatan").glob("*.yaml")
        if "atasan: kasubag-umum" in p.read_text()
    }


def test_a_change_in_a_shared_file_rereads_every_jabatan(make_data, counted):
    jabatan = JABATAN_YAML.replace(
        "Melaksanakan pengelolaan administrasi umum",
        "Melaksanakan pengelolaan administrasi umum Dinas Pendidikan",
    )
    folder = aged(make_data(jabatan={"01-sekretaris.yaml": jabatan}))
    assert [f.code for f in periksa_folder(folder) if f.severity == "galat"] == ["KON001"]
    dinas = folder / "dinas.yaml"
    dinas.write_text(dinas.read_text().replace("Koperasi dan Usaha Mikro", "Pendidikan"))
    counted.clear()
    assert [f for f in periksa_folder(folder) if f.severity == "galat"] == []
    assert counted == ["01-sekretaris.yaml"]


def test_a_file_changed_just_now_is_read_again_even_with_the_same_size(make_data, counted):
    folder = make_data()  # written just now: too recent to trust its size and time
    card = folder / "jabatan" / "01-sekretaris.yaml"
    periksa_folder(folder)
    card.write_text(card.read_text().replace("Arsip laporan", "Arsip kosong"))  # same length
    counted.clear()
    periksa_folder(folder)
    assert counted == ["01-sekretaris.yaml"]


def test_without_cache_nothing_is_kept(make_data, monkeypatch, tmp_path, counted):
    monkeypatch.setenv("DOKGEN_TEMBOLOK", "mati")
    folder = aged(make_data())
    periksa_folder(folder)
    periksa_folder(folder)
    assert counted == ["01-sekretaris.yaml", "01-sekretaris.yaml"]


def test_crc32_combine_joins_crcs():
    assert crc32_combine is not None
    a, b = b"<w:p>satu</w:p>" * 100, b"<w:p>dua</w:p>" * 77
    assert crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)


@pytest.fixture(params=[gabungan.BLOK, 4], ids=lambda n: f"blok{n}")
def blok(request, monkeypatch) -> int:
    """The combined document's CRC blocks as they are, and small (54 cards: 14 blocks, most of
    them kept by a rebuild)."""
    monkeypatch.setattr(gabungan, "BLOK", request.param)
    return request.param


def test_rebuild_after_one_edit_equals_a_fresh_build(tmp_path, counted, blok):
    folder = copy(DATA / "malang-diskopum", tmp_path)
    out = tmp_path / "out"
    build(folder, out)
    card = folder / "jabatan" / "20-kasi-kewirausahaan.yaml"
    card.write_text(
        card.read_text().replace("tugas:\n", "tugas:\n  - Tugas tambahan & <baru>\n", 1)
    )
    counted.clear()
    hasil = build(folder, out)
    assert counted == ["20-kasi-kewirausahaan.yaml"]
    assert sorted(p.name for p in hasil.ditulis) == [
        "20-kasi-kewirausahaan.docx",
        "iki-semua-jabatan.docx",
    ]
    fresh = build(folder, tmp_path / "fresh", Opsi(semua=True))
    for name in [
        "iki-semua-jabatan.docx",
        "iki/20-kasi-kewirausahaan.docx",
        "iki/21-kasi-jaringan-kerjasama.docx",
    ]:
        assert (out / name).read_bytes() == (fresh.folder / name).read_bytes(), name
    with zipfile.ZipFile(out / "iki-semua-jabatan.docx") as archive:
        assert archive.testzip() is None  # every CRC right

    doc = open_docx(out / "iki-semua-jabatan.docx")
    titles = [p for p in doc.paragraphs if p.text == "INDIKATOR KINERJA INDIVIDU"]
    assert len(titles) == 54
    assert not titles[0].paragraph_format.page_break_before
    assert all(p.paragraph_format.page_break_before for p in titles[1:])
    assert sum("Tugas tambahan & <baru>" in p.text for p in doc.paragraphs) == 1


def test_first_card_removed_the_next_one_opens_the_combined_document(tmp_path, blok):
    folder = copy(DATA / "malang-diskopum", tmp_path)
    out = tmp_path / "out"
    build(folder, out)
    (folder / "jabatan" / "01-sekretaris.yaml").unlink()
    for p in (folder / "jabatan").glob("*.yaml"):  # nobody reports to the removed jabatan
        p.write_text(p.read_text().replace("atasan: sekretaris\n", ""))
    aged(folder)
    build(folder, out)
    fresh = build(folder, tmp_path / "fresh", Opsi(semua=True))
    combined = "iki-semua-jabatan.docx"
    assert (out / combined).read_bytes() == (fresh.folder / combined).read_bytes()
    with zipfile.ZipFile(out / combined) as archive:
        assert archive.testzip() is None
    titles = [
        p for p in open_docx(out / combined).paragraphs if p.text == "INDIKATOR KINERJA INDIVIDU"
    ]
    assert len(titles) == 53 and not titles[0].paragraph_format.page_break_before


def test_an_output_opened_and_saved_elsewhere_is_made_again(tmp_path):
    folder = copy(DATA / "malang-diskopum", tmp_path)
    out = tmp_path / "out"
    build(folder, out)
    card = out / "iki" / "05-kabid-pengembangan.docx"
    good = card.read_bytes()
    card.write_bytes(good + b"\0")  # touched by someone else
    hasil = build(folder, out)
    assert [p.name for p in hasil.ditulis] == ["05-kabid-pengembangan.docx"]
    assert card.read_bytes() == good
    nama = load(folder).jabatan[4].nama
    assert f"1.\tJABATAN\t: {nama}" in [p.text for p in open_docx(card).paragraphs]


def test_cached_findings_name_the_folder_as_it_is_named_now(tmp_path, monkeypatch):
    folder = copy(DATA / "malang-diskopum", tmp_path)
    card = folder / "jabatan" / "08-kasubag-keuangan.yaml"
    card.write_text(card.read_text().replace("atasan: sekretaris", "atasan: sekretaris-x"))
    aged(folder)
    first = [f for f in periksa_folder(folder) if f.code == "ORG003"]
    assert [f.file for f in first] == [str(card)]
    monkeypatch.chdir(tmp_path)
    again = [f for f in periksa_folder(Path(folder.name)) if f.code == "ORG003"]
    assert [f.file for f in again] == [f"{folder.name}/jabatan/08-kasubag-keuangan.yaml"]
    assert [(f.line, f.message) for f in again] == [(f.line, f.message) for f in first]


def test_a_damaged_manifest_means_building_everything_again(tmp_path):
    folder = copy(DATA / "malang-diskopum", tmp_path)
    out = tmp_path / "out"
    build(folder, out)
    (out / ".dokgen-manifest").write_bytes(b"bukan manifest")
    hasil = build(folder, out)
    assert len(hasil.berkas) == 55 and hasil.dihapus == []
    doc = open_docx(out / "iki-semua-jabatan.docx")
    jabatan = [p.text.split(": ", 1)[1] for p in doc.paragraphs if "\tJABATAN\t" in p.text]
    assert jabatan == [j.nama for j in load(folder).jabatan]
    again = build(folder, out)  # the manifest is whole again: nothing to do
    assert again.ditulis == [] and len(again.tetap) == 55


def test_the_combined_documents_pieces_are_kept_compactly_and_damage_means_none():
    pieces = gabungan.Susunan(
        ["iki/01-a.docx", "iki/02-b.docx"], ["0" * 64, "1" * 64], [10, 20], [1, 2], [90, 80], 5, [3]
    )
    assert gabungan.Susunan.buka(pieces.kemas()) == pieces
    assert gabungan.Susunan.buka(None) == gabungan.Susunan()
    assert gabungan.Susunan.buka(("iki/01-a.docx", "0" * 64, b"\0" * 7, 5)) == gabungan.Susunan()


def test_a_check_after_a_build_rereads_only_the_file_the_build_read(tmp_path, counted):
    folder = copy(DATA / "malang-diskopum", tmp_path)
    periksa_folder(folder)
    build(folder, tmp_path / "out")  # reads every file: every card is made
    card = folder / "jabatan" / "07-kasubag-umum.yaml"
    card.write_text(card.read_text().replace("tugas:\n", "tugas:\n  - Tugas tambahan\n", 1))
    earlier = time.time() - 60  # not changed just now: its record may be kept
    os.utime(card, (earlier, earlier))
    counted.clear()
    build(folder, tmp_path / "out")
    assert counted == ["07-kasubag-umum.yaml"]
    counted.clear()
    assert periksa_folder(folder) == periksa(load(folder))
    assert counted == ["07-kasubag-umum.yaml"]  # the build kept only what a build needs of it
    counted.clear()
    periksa_folder(folder)
    assert counted == []
