"""The print check: every example and the long-text datasets, built, printed to PDF, read back.

One test per check (a–h of :mod:`tests.cetak`) for every dataset; the findings are the assert
message. A deliberately bad document shows that every check can fail. Needs LibreOffice and
poppler-utils (``make test`` installs them).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from dokgen.pdf import ke_pdf
from tests import cetak, panjang
from tests.conftest import CONTOH, DATA

CONTOH = [p.name for p in CONTOH]
PANJANG = [f"{name}-panjang" for name in panjang.CONTOH]
DATASET = CONTOH + PANJANG
KARTU_SATUAN = 3
"""Single IKI cards printed per dataset (the combined file holds them all)."""
JUDUL_IKI = "INDIKATOR KINERJA INDIVIDU"


class Dicetak(dict[str, tuple[str, list[cetak.Cetakan]]]):
    """Dataset → (its paper, its documents as printed)."""

    def __repr__(self) -> str:  # a failing test shows its findings, not this
        return f"<{sum(len(docs) for _, docs in self.values())} dokumen tercetak>"


def _kertas(folder: Path) -> str:
    dinas = yaml.load((folder / "dinas.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return str((dinas.get("pengaturan") or {}).get("kertas") or "F4").upper()


@pytest.fixture(scope="module")
def dicetak(tmp_path_factory: pytest.TempPathFactory) -> Dicetak:
    """Every dataset built and its documents converted to PDF in ONE LibreOffice run."""
    from dokgen.build import build

    tmp = tmp_path_factory.mktemp("cetak")
    folders = [DATA / name for name in CONTOH] + panjang.buat(tmp / "data")
    flat = tmp / "pdf"
    flat.mkdir()
    plan: list[tuple[str, str, Path]] = []  # dataset, document name, .docx to print
    for folder in folders:
        outputs = build(folder, tmp / "build" / folder.name).outputs
        cards = sorted(p for p in outputs if p.parent.name == "iki")
        for docx in sorted(p for p in outputs if p.parent.name != "iki") + cards[:KARTU_SATUAN]:
            name = f"iki-{docx.stem}" if docx.parent.name == "iki" else docx.stem
            copy = flat / f"{folder.name}--{name}.docx"
            shutil.copyfile(docx, copy)
            plan.append((folder.name, name, copy))
    buruk = _dokumen_buruk(flat / "buruk.docx")
    ke_pdf([copy for _, _, copy in plan] + [buruk])
    result = Dicetak({f.name: (_kertas(f), []) for f in folders})
    for dataset, name, copy in plan:
        doc = cetak.baca(copy, copy.with_suffix(".pdf"), f"{dataset}/{name}")
        if name == "iki-semua-jabatan":
            doc.awal = cetak.mulai_dengan(doc, JUDUL_IKI)
        result[dataset][1].append(doc)
    result["buruk"] = ("F4", [cetak.baca(buruk, buruk.with_suffix(".pdf"), "buruk")])
    return result


def _periksa(dicetak: Dicetak, dataset: str, check: Callable[..., list[str]]) -> None:
    kertas, docs = dicetak[dataset]
    assert docs, f"{dataset}: tidak ada dokumen"
    found = [
        f for c in docs for f in (check(c, kertas) if check is cetak.ukuran_kertas else check(c))
    ]
    assert not found, f"{len(found)} temuan:\n" + "\n".join(found)


PEMERIKSAAN = {
    "a_ukuran_kertas": cetak.ukuran_kertas,
    "b_nomor_halaman": cetak.nomor_halaman,
    "c_tidak_ada_halaman_kosong": cetak.halaman_kosong,
    "d_tanda_tangan_tidak_sendirian": cetak.tanda_tangan_sendirian,
    "e_kata_kepala_tabel_dan_angka_utuh": cetak.kata_terpotong,
    "f_baris_tabel_tidak_terbelah": cetak.baris_terbelah,
    "g_tanda_tangan_utuh": cetak.tanda_tangan_utuh,
    "h_teks_di_dalam_margin": cetak.dalam_margin,
}
"""The checks of issue 17, item 5, a to h: each over every dataset."""


@pytest.mark.parametrize("dataset", DATASET)
@pytest.mark.parametrize("periksa", PEMERIKSAAN.values(), ids=PEMERIKSAAN.keys())
def test_cetak(dicetak: Dicetak, dataset: str, periksa: Callable[..., list[str]]) -> None:
    _periksa(dicetak, dataset, periksa)


def test_every_document_kind_is_printed(dicetak: Dicetak) -> None:
    """The long-text datasets yield every kind of document, cards of several pages among them."""
    names = {c.nama.split("/")[1].split("-20")[0] for d in PANJANG for c in dicetak[d][1]}
    assert {"keputusan-iku", "dokumen-iku", "lkj", "iki-semua-jabatan"} <= names
    (combined,) = [c for c in dicetak[PANJANG[2]][1] if c.nama.endswith("/iki-semua-jabatan")]
    assert len(combined.awal) == panjang.JABATAN_DIPAKAI < len(combined.halaman)


def test_long_datasets_pass_dokgen_check(tmp_path: Path) -> None:
    from dokgen.check import check_folder

    for folder in panjang.buat(tmp_path):
        findings = check_folder(folder)
        galat = [f"{f.file}:{f.line}: {f.message}" for f in findings if f.severity == "galat"]
        assert not galat, "\n".join(galat)


# ---------------------------------------------------------------------------------------------
# The checker can fail: a document with every fault


def _dokumen_buruk(path: Path) -> Path:
    """Letter paper (not F4), no page numbers, a header word in a column too narrow for it, a
    table row across a page break, a blank page, the place/date line apart from its signature
    block which stands alone on its page, a paragraph reaching into the left margin."""
    doc = Document()
    doc.add_paragraph("DOKUMEN UJI PEMERIKSA CETAK")
    header = doc.add_table(rows=2, cols=2)
    header.style = "Table Grid"
    header.autofit = False
    for row, texts in zip(header.rows, [("Satuan", "Keterangan"), ("%", "Persen")], strict=True):
        for cell, text, width in zip(row.cells, texts, (Cm(0.6), Cm(8)), strict=True):
            cell.width = width
            cell.text = text
    for col, width in zip(header._tbl.tblGrid.gridCol_lst, (Cm(0.6), Cm(8)), strict=True):
        col.w = width
    for i in range(30):
        doc.add_paragraph(f"Paragraf pengisi halaman nomor {i + 1} agar tabel berikut terbelah.")
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    cell.text = "Baris panjang:"
    for i in range(40):  # a unique word a line: the row can be found whole on no page
        cell.add_paragraph(f"Unik{chr(65 + i // 26)}{chr(65 + i % 26)}abc")
    doc.add_paragraph("Sesudah tabel.").add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # the page between is blank
    geser = doc.add_paragraph("Paragraf ini menjorok ke luar margin kiri halaman.")
    geser.paragraph_format.left_indent = Cm(-2)
    doc.add_paragraph("Ditetapkan di Kota Uji")
    doc.add_paragraph("pada tanggal 1 Januari 2026").add_run().add_break(WD_BREAK.PAGE)
    for text in ("KEPALA DINAS UJI", "", "", "NAMA KEPALA DINAS", "NIP. 19700101 199001 1 001"):
        doc.add_paragraph(text).paragraph_format.space_after = Pt(0)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("check", list(cetak.PEMERIKSAAN.values()), ids=list(cetak.PEMERIKSAAN))
def test_the_checker_catches_a_bad_document(dicetak: Dicetak, check: Callable) -> None:
    _, (buruk,) = dicetak["buruk"]
    found = check(buruk, "F4") if check is cetak.ukuran_kertas else check(buruk)
    assert found, f"{check.__name__} tidak menemukan cacat di dokumen buruk"
