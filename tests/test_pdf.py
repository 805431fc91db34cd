"""Print fidelity: every example document converts to PDF on F4, cards start on their own page.

Needs LibreOffice and poppler-utils (``.ci/run`` and ``make test`` install them).
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx.shared import Emu

from dokgen.pdf import PdfError, cara_pasang, ke_pdf, soffice
from tests.conftest import CONTOH
from tests.docxread import open_docx

F4 = (609.4, 935.4)  # 215 × 330 mm in points


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, list[Path]]:
    from dokgen.build import build  # here: the lookup tests below need no pipeline

    result = {}
    for folder in CONTOH:
        out = tmp_path_factory.mktemp(folder.name)
        hasil = build(folder, out)
        result[folder.name] = ke_pdf(hasil.outputs)
    return result


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    def info(*args: str) -> str:
        command = ["pdfinfo", *args, str(pdf)]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    pages = int(re.search(r"Pages:\s+(\d+)", info()).group(1))
    found = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info("-f", "1", "-l", str(pages)))
    assert len(found) == pages
    return [(float(w), float(h)) for w, h in found]


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_every_document_of_every_example_converts_on_f4(pdfs):
    assert sum(len(files) for files in pdfs.values()) >= 60
    for files in pdfs.values():
        for pdf in files:
            sizes = page_sizes(pdf)
            assert sizes, pdf
            for w, h in sizes:  # LibreOffice rounds the page to 0.1 mm: allow 1 pt
                short, long = sorted((w, h))
                assert abs(short - F4[0]) < 1 and abs(long - F4[1]) < 1, (pdf.name, w, h)


def test_combined_iki_pdf_starts_every_card_on_its_own_page(pdfs):
    (combined,) = [p for p in pdfs["malang-diskopum"] if p.name == "iki-semua-jabatan.pdf"]
    pages = pages_text(combined)
    firsts = [page.strip().splitlines()[0].strip() for page in pages if page.strip()]
    assert firsts.count("INDIKATOR KINERJA INDIVIDU") == 54
    assert all(page.count("INDIKATOR KINERJA INDIVIDU") <= 1 for page in pages)
    cards = [p for p in pdfs["malang-diskopum"] if p.parent.name == "iki"]
    assert len(cards) == 54


def test_landscape_sections_survive(pdfs):
    (doc,) = [p for p in pdfs["lumajang-diskopum"] if p.name == "dokumen-iku.pdf"]
    sizes = page_sizes(doc)
    assert any(w > h for w, h in sizes) and any(w < h for w, h in sizes)


@pytest.mark.parametrize("folder", CONTOH, ids=lambda p: p.name)
def test_wide_tables_fit_the_page_width(folder, tmp_path):
    from dokgen.build import build

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for docx in build(folder, tmp_path).outputs:
        doc = open_docx(docx)
        body = doc.element.body
        sections = iter(doc.sections)
        section = next(sections)
        for child in body.iterchildren():
            if child.tag == f"{W}tbl":
                grid = sum(int(c.get(f"{W}w")) for c in child.find(f"{W}tblGrid"))
                usable = section.page_width - section.left_margin - section.right_margin
                assert Emu(grid * 635) <= usable + Emu(635 * 20), (docx.name, grid)
            elif child.tag == f"{W}p" and child.find(f"{W}pPr/{W}sectPr") is not None:
                section = next(sections)


@pytest.fixture
def nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No LibreOffice anywhere: not on PATH, no variable, every usual folder empty."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    for variable in ("DOKGEN_SOFFICE", "ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr("dokgen.pdf.APLIKASI_MAC", (tmp_path / "Applications",))
    monkeypatch.setattr("dokgen.pdf.OPT", tmp_path / "opt")
    return tmp_path


def program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_missing_libreoffice_says_how_to_install_it(nowhere: Path) -> None:
    with pytest.raises(PdfError) as caught:
        ke_pdf([nowhere / "x.docx"])
    message = str(caught.value)
    assert message.startswith("LibreOffice tidak ditemukan: PDF tidak dapat dibuat.")
    assert cara_pasang() in message
    assert "variabel lingkungan DOKGEN_SOFFICE" in message


def test_install_hint_names_each_platforms_installer() -> None:
    assert cara_pasang("linux") == (
        "Pasang paket 'libreoffice-writer': sudo apt-get install libreoffice-writer."
    )
    windows = cara_pasang("win32")
    assert "https://www.libreoffice.org/download/" in windows
    assert "winget install TheDocumentFoundation.LibreOffice" in windows
    assert "brew install --cask libreoffice" in cara_pasang("darwin")


def test_path_is_searched_for_soffice_then_libreoffice(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", {"libreoffice": "/usr/bin/libreoffice"}.get)
    assert soffice() == "/usr/bin/libreoffice"
    monkeypatch.setattr(
        shutil, "which", {"soffice": "/usr/bin/soffice", "libreoffice": "/x/lo"}.get
    )
    assert soffice() == "/usr/bin/soffice"


def test_dokgen_soffice_wins_over_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    chosen = program(tmp_path / "lo" / "soffice")
    monkeypatch.setenv("DOKGEN_SOFFICE", str(chosen))
    monkeypatch.setenv("PATH", str(program(tmp_path / "bin" / "soffice").parent))
    assert soffice() == str(chosen)


def test_dokgen_soffice_naming_nothing_is_an_error(
    nowhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOKGEN_SOFFICE", str(nowhere / "tidak-ada" / "soffice"))
    with pytest.raises(
        PdfError, match=r"DOKGEN_SOFFICE=.*tidak-ada.*: program itu tidak ditemukan"
    ):
        soffice()


def test_windows_program_files(nowhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    x86 = program(nowhere / "x86" / "LibreOffice" / "program" / "soffice.exe")
    monkeypatch.setenv("ProgramFiles", str(nowhere / "pf"))
    monkeypatch.setenv("ProgramFiles(x86)", str(nowhere / "x86"))
    assert soffice() == str(x86)
    native = program(nowhere / "pf" / "LibreOffice" / "program" / "soffice.exe")
    assert soffice() == str(native)


def test_macos_application(nowhere: Path) -> None:
    app = program(nowhere / "Applications/LibreOffice.app/Contents/MacOS/soffice")
    assert soffice() == str(app)


def test_libreoffice_org_package_in_opt_newest_first(nowhere: Path) -> None:
    program(nowhere / "opt/libreoffice7.6/program/soffice")
    newest = program(nowhere / "opt/libreoffice24.8/program/soffice")
    assert soffice() == str(newest)


def test_pdfs_follow_their_documents(make_data, tmp_path: Path) -> None:
    """``build --pdf`` refreshes the PDF of every document that changed — also one rewritten by
    an earlier build without --pdf — and a PDF whose document was removed goes with it."""
    from typer.testing import CliRunner

    from dokgen.cli import app
    from tests.conftest import JABATAN_YAML

    folder = make_data(
        jabatan={
            "01-sekretaris.yaml": JABATAN_YAML,
            "02-kasubag.yaml": JABATAN_YAML.replace("kode: sekretaris", "kode: kasubag"),
        }
    )
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(folder), "-o", str(out), "--pdf"]).exit_code == 0
    card = out / "iki" / "01-sekretaris.pdf"
    assert card.is_file() and (out / "iki" / "02-kasubag.pdf").is_file()
    first = folder / "jabatan" / "01-sekretaris.yaml"
    first.write_text(first.read_text().replace("SEKRETARIS DINAS", "SEKRETARIS BADAN"))
    assert runner.invoke(app, ["build", str(folder), "-o", str(out)]).exit_code == 0  # no PDF
    assert runner.invoke(app, ["build", str(folder), "-o", str(out), "--pdf"]).exit_code == 0
    text = subprocess.run(["pdftotext", str(card), "-"], capture_output=True, text=True).stdout
    assert "SEKRETARIS BADAN" in text
    (folder / "jabatan" / "02-kasubag.yaml").unlink()
    assert runner.invoke(app, ["build", str(folder), "-o", str(out)]).exit_code == 0
    assert not (out / "iki" / "02-kasubag.pdf").exists()
    assert not (out / "iki" / "02-kasubag.docx").exists()


def test_a_document_libreoffice_cannot_read_is_an_error_not_a_pdf(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.docx"
    broken.write_text("ini bukan dokumen Word")
    with pytest.raises(PdfError, match="bukan dokumen Word"):
        ke_pdf([broken])
    assert not broken.with_suffix(".pdf").exists()
