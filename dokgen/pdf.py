"""PDF export through LibreOffice: every document of a build in one headless process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from dokgen.errors import DokgenError

PAKET = "libreoffice-writer"
"""The Debian package that provides LibreOffice Writer (``apt-get install libreoffice-writer``)."""

VARIABEL = "DOKGEN_SOFFICE"
"""Environment variable naming the LibreOffice program when it is not found by itself."""

APLIKASI_MAC = (Path("/Applications"), Path("~/Applications"))
"""Where macOS installs ``LibreOffice.app`` (for everyone, for one user)."""

OPT = Path("/opt")
"""Where the packages of libreoffice.org install on Linux (``/opt/libreoffice24.8/``), with a
command named after the version only (``libreoffice24.8``), so not found on PATH as soffice."""


class PdfError(DokgenError):
    """LibreOffice is missing or failed."""


def soffice() -> str:
    """The LibreOffice program, or a clear error saying how to install it on this system.

    ``DOKGEN_SOFFICE`` comes first (the user's word wins over any guess), then the PATH, then
    the folders where the installers of Windows, macOS and libreoffice.org put the program.
    """
    chosen = os.environ.get(VARIABEL, "").strip()
    if chosen:
        found = shutil.which(os.path.expanduser(chosen))  # a path, or a name on PATH
        if found is None:
            raise PdfError(
                f"{VARIABEL}={chosen}: program itu tidak ditemukan. Perbaiki jalurnya (mis."
                f" {_contoh_jalur()}), atau hapus {VARIABEL} agar dokgen mencari LibreOffice"
                " sendiri."
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in tempat_lazim():
        if path.is_file():
            return str(path)
    raise PdfError(
        f"LibreOffice tidak ditemukan: PDF tidak dapat dibuat. {cara_pasang()} Bila LibreOffice"
        f" sudah terpasang di tempat lain, tulis jalur programnya di variabel lingkungan"
        f" {VARIABEL}, lalu ulangi."
    )


def tempat_lazim() -> list[Path]:
    """Where installers put LibreOffice's program, most likely first (existing or not)."""
    places = [
        Path(os.environ[variable], "LibreOffice", "program", "soffice.exe")
        for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
        if os.environ.get(variable)
    ]
    places += [
        folder.expanduser() / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
        for folder in APLIKASI_MAC
    ]
    places += sorted(OPT.glob("libreoffice*/program/soffice"), key=_versi, reverse=True)
    return places


def _versi(program: Path) -> tuple[int, ...]:
    """The version in ``/opt/libreoffice24.8/program/soffice``: (24, 8); 24.8 above 7.6."""
    return tuple(int(n) for n in re.findall(r"\d+", program.parent.parent.name))


def cara_pasang(platform: str = sys.platform) -> str:
    """How to install LibreOffice on ``platform`` (a value of ``sys.platform``), one sentence."""
    if platform == "win32":
        return (
            "Unduh dan pasang LibreOffice dari https://www.libreoffice.org/download/ (atau di"
            " PowerShell: winget install TheDocumentFoundation.LibreOffice)."
        )
    if platform == "darwin":
        return (
            "Pasang LibreOffice: brew install --cask libreoffice (atau unduh dari"
            " https://www.libreoffice.org/download/)."
        )
    return f"Pasang paket '{PAKET}': sudo apt-get install {PAKET}."


def _contoh_jalur(platform: str = sys.platform) -> str:
    if platform == "win32":
        return r"C:\Program Files\LibreOffice\program\soffice.exe"
    if platform == "darwin":
        return "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    return "/usr/bin/soffice"


def _whole(docx: Path) -> None:
    """A .docx LibreOffice can read as a Word document: else an error, not a PDF of garbage
    (LibreOffice opens what it does not recognise as plain text)."""
    try:
        with zipfile.ZipFile(docx) as archive:
            whole = "word/document.xml" in archive.namelist() and archive.testzip() is None
    except (OSError, zipfile.BadZipFile, EOFError):
        whole = False
    if not whole:
        raise PdfError(f"{docx}: bukan dokumen Word (.docx) yang utuh; PDF tidak dibuat")


def pdf_segar(docx: Path) -> bool:
    """True when the PDF beside ``docx`` was made from it as it is now (not older)."""
    try:
        return docx.with_suffix(".pdf").stat().st_mtime_ns >= docx.stat().st_mtime_ns
    except OSError:
        return False


def ke_pdf(files: Iterable[Path], timeout: float | None = None) -> list[Path]:
    """Convert ``files`` (.docx) to PDF next to each, in one LibreOffice process.

    LibreOffice runs with a profile of its own (so a LibreOffice the user has open is not
    disturbed) and writes into a staging folder; each PDF is then moved beside its .docx.
    """
    files = [Path(f) for f in files]
    if not files:
        return []
    names = [f.stem for f in files]
    if len(set(names)) != len(names):  # one output folder: names must not collide
        groups: dict[str, list[Path]] = {}
        for f in files:
            groups.setdefault(str(f.parent), []).append(f)
        return [pdf for group in groups.values() for pdf in ke_pdf(group, timeout)]
    program = soffice()
    for f in files:
        _whole(f)
    with tempfile.TemporaryDirectory(prefix="dokgen-pdf-") as tmp:
        profile = Path(tmp) / "profil"
        out = Path(tmp) / "pdf"
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *[str(f.resolve()) for f in files],
        ]
        limit = timeout or 60 + 5 * len(files)
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=limit,
                env={**os.environ, "HOME": tmp},
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice tidak selesai dalam {limit:.0f} detik") from None
        made = []
        for f in files:
            pdf = out / f"{f.stem}.pdf"
            if not pdf.is_file():
                detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
                raise PdfError(f"{f}: LibreOffice gagal membuat PDF {detail[0]}".strip())
            target = f.with_suffix(".pdf")
            shutil.move(pdf, target)
            made.append(target)
        return made
