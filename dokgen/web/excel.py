"""The Excel screen: download the dinas's workbook, upload it back.

The download is ``dokgen excel ekspor``; the upload is ``dokgen excel impor``: the workbook is
saved to a temporary folder outside the workspace, read all or nothing (every problem shown as
``Lembar!Sel``, no file changed), and the check that follows names the cell of every finding.
The dinas's lock is held during the import: no build or save runs at the same time.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path, PureWindowsPath
from typing import Annotated

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from dokgen.errors import DataError
from dokgen.web.dasar import halaman, ruang
from dokgen.web.periksa import konteks

router = APIRouter()

MAKS_UNGGAH = 20 * 2**20
"""Largest workbook accepted (a dinas's workbook is well under 1 MB)."""
TUNGGU_KUNCI = 60.0
"""Seconds an import waits for a build or save of the same dinas to finish."""
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_NAMA_AMAN = re.compile(r"[\w .()-]{1,100}\.xlsx", re.IGNORECASE)


@router.get("/dinas/{nama}/excel", response_class=HTMLResponse)
def excel(request: Request, nama: str) -> HTMLResponse:
    """The page: a download link and the upload form."""
    ruang(request).dinas(nama)
    return halaman(request, "excel_halaman.html", nama=nama, maks_mb=MAKS_UNGGAH // 2**20)


@router.get("/dinas/{nama}/excel/unduh")
def unduh(request: Request, nama: str) -> Response:
    """The dinas's data as a workbook, ``<nama>.xlsx``."""
    from dokgen.excel.ekspor import ekspor
    from dokgen.load import load

    folder = ruang(request).dinas(nama)
    content = ekspor(load(folder, pembanding=False))
    headers = {"Content-Disposition": f'attachment; filename="{nama}.xlsx"'}
    return Response(content, media_type=XLSX, headers=headers)


@router.post("/dinas/{nama}/excel/unggah", response_class=HTMLResponse)
def unggah(request: Request, nama: str, berkas: Annotated[UploadFile, File()]) -> HTMLResponse:
    """Import the uploaded workbook into the dinas's YAML, then check the result."""
    from dokgen.check import check_folder
    from dokgen.excel.impor import impor
    from dokgen.excel.sel import tandai

    kerja = ruang(request)
    folder = kerja.dinas(nama)
    content = berkas.file.read(MAKS_UNGGAH + 1)
    if len(content) > MAKS_UNGGAH:
        raise HTTPException(
            413, f"berkas lebih dari {MAKS_UNGGAH // 2**20} MB; bukan buku kerja dinas"
        )
    if not content:
        return _gagal(request, nama, ["pilih berkas .xlsx yang akan diunggah"])
    with tempfile.TemporaryDirectory(prefix="dokgen-unggah-") as tmp:
        xlsx = Path(tmp) / _nama_berkas(berkas.filename, nama)
        xlsx.write_bytes(content)
        kunci = kerja.kunci(nama)
        if not kunci.acquire(timeout=TUNGGU_KUNCI):
            raise HTTPException(409, "dinas ini sedang dibuat dokumennya atau disimpan; coba lagi")
        try:
            try:
                hasil = impor(xlsx, folder)
            except DataError as exc:
                return _gagal(request, nama, [str(p) for p in exc.problems], xlsx.name)
            findings = tandai(check_folder(folder), xlsx, hasil.asal)
        finally:
            kunci.release()

    def relative(paths: list[Path]) -> list[str]:
        return [p.relative_to(folder).as_posix() for p in paths]

    return halaman(
        request, "excel_hasil.html", nama=nama, buku=xlsx.name, diubah=relative(hasil.diubah),
        dihapus=relative(hasil.dihapus), dipulihkan=hasil.dipulihkan,
        **konteks(findings, folder, nama),
    )  # fmt: skip


def _gagal(request: Request, nama: str, masalah: list[str], buku: str = "") -> HTMLResponse:
    """The upload page again with every problem; nothing was changed."""
    return halaman(
        request, "excel_halaman.html", status_code=422, nama=nama, masalah=masalah, buku=buku,
        maks_mb=MAKS_UNGGAH // 2**20,
    )  # fmt: skip


def _nama_berkas(diunggah: str | None, nama: str) -> str:
    """The name problems are reported under: the uploaded file's own name when it is a plain
    .xlsx name, else ``<nama>.xlsx``."""
    name = PureWindowsPath(diunggah or "").name  # a browser on Windows may send C:\\...\\x.xlsx
    return name if _NAMA_AMAN.fullmatch(name) and not name.startswith(".") else f"{nama}.xlsx"
