"""PDF export through LibreOffice: every document of a build in one headless process."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from dokgen.errors import DokgenError

PAKET = "libreoffice-writer"
"""The Debian package that provides LibreOffice Writer (``apt-get install libreoffice-writer``)."""


class PdfError(DokgenError):
    """LibreOffice is missing or failed."""


def soffice() -> str:
    """The LibreOffice program, or a clear error naming the package to install."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(
        "LibreOffice tidak terpasang: PDF tidak dapat dibuat. Pasang paket Debian"
        f" '{PAKET}' (sudo apt-get install {PAKET}), lalu ulangi."
    )


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
