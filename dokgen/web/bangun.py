"""Build screen: every document of a dinas (with PDFs) from a button, with a progress bar; a
preview image of every page; each .docx/.pdf or all of them as one .zip.

A build runs :func:`dokgen.build.build` in a thread of its own, one at a time per dinas (the
dinas's lock of :class:`~dokgen.web.ruang.Ruang`); the page asks for its progress as JSON (or,
without JavaScript, reloads itself). Only the files the build's manifest lists, and their PDFs,
are ever served: no name from a request reaches another file.
"""

from __future__ import annotations

import importlib
import io
import logging
import shutil
import struct
import threading
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response

from dokgen.checks import Finding
from dokgen.web.dasar import halaman, ruang

router = APIRouter()
log = logging.getLogger(__name__)

PRATINJAU = ".pratinjau"
"""Folder inside a build folder where the page previews are kept."""
DPI = 96
"""Resolution of a page preview: an F4 page is 814 × 1248 pixels."""

Keadaan = Literal["berjalan", "selesai", "ditolak", "gagal"]


@dataclass
class Pekerjaan:
    """One build of one dinas, as the page shows it."""

    pdf: bool
    paksa: bool = False
    """Built even when the check finds galat."""
    hanya: str | None = None
    """The one kind of document built (None: every kind)."""
    keadaan: Keadaan = "berjalan"
    tahap: str = "Memuat dan memeriksa data"
    selesai: int = 0
    jumlah: int = 0
    mulai: float = field(default_factory=time.monotonic)
    lama: float | None = None
    ringkasan: str = ""
    dilewati: dict[str, str] = field(default_factory=dict)
    galat: list[Finding] = field(default_factory=list)
    masalah: list[str] = field(default_factory=list)
    """Why the build failed (keadaan 'gagal')."""
    pdf_masalah: str = ""
    """Why the PDFs were not made (the documents were)."""

    def kemajuan(self, what: str, done: int, total: int) -> None:
        self.tahap, self.selesai, self.jumlah = what, done, total

    def as_dict(self) -> dict[str, Any]:
        persen = round(100 * self.selesai / self.jumlah) if self.jumlah else None
        return {
            "keadaan": self.keadaan,
            "tahap": self.tahap,
            "selesai": self.selesai,
            "jumlah": self.jumlah,
            "persen": persen,
        }


def _pekerjaan(request: Request) -> dict[str, Pekerjaan]:
    """The last build of every dinas of this app, by name."""
    state = request.app.state
    if not hasattr(state, "bangun"):
        state.bangun = {}
    result: dict[str, Pekerjaan] = state.bangun
    return result


def _jalankan(job: Pekerjaan, folder: Path, out: Path, lock: threading.Lock) -> None:
    """Build (then the PDFs) into ``out``; the dinas's lock is released at the end."""
    from dokgen import build as pipeline
    from dokgen.errors import DataError, DokgenError
    from dokgen.pdf import pdf_segar

    try:
        options = pipeline.BuildOptions(progress=job.kemajuan, force=job.paksa, kind=job.hanya)
        hasil = pipeline.build(folder, out, options)
        job.ringkasan, job.dilewati = hasil.summary, dict(hasil.skipped)
        for gone in hasil.deleted:  # the previews of a document the data no longer makes
            shutil.rmtree(out / PRATINJAU / gone.relative_to(out).with_suffix(""), True)
        if job.pdf:
            from dokgen.pdf import ke_pdf

            todo = [p for p in hasil.outputs if p in hasil.written or not pdf_segar(p)]
            job.kemajuan(f"Membuat PDF dengan LibreOffice ({len(todo)} berkas)", 0, 0)
            try:
                made = ke_pdf(todo)
            except DokgenError as exc:
                job.pdf_masalah = str(exc)
            else:
                job.ringkasan += f"; PDF dibuat {len(made)}"
        job.keadaan = "selesai"
    except pipeline.Refused as exc:
        job.galat, job.keadaan = exc.galat, "ditolak"
    except DataError as exc:
        job.masalah, job.keadaan = [str(p) for p in exc.problems], "gagal"
    except Exception as exc:  # shown on the page; the server keeps serving
        log.exception("build of %s failed", folder)
        job.masalah, job.keadaan = [f"{type(exc).__name__}: {exc}"], "gagal"
    finally:
        job.lama = time.monotonic() - job.mulai
        lock.release()


# --- what the build folder holds --------------------------------------------------------------


@dataclass(frozen=True)
class Berkas:
    """One document of the build folder."""

    nama: str
    """Its name in the folder, e.g. ``iki/07-kasubag-umum.docx``."""
    jenis: str
    pdf: str | None
    """The name of its PDF, when one was made from the document as it is now."""
    halaman: int = 0
    """Pages of its PDF."""


def daftar(hasil: Path) -> list[Berkas]:
    """The documents the last build left in ``hasil``, by kind in the build's order."""
    from dokgen.documents import kinds
    from dokgen.manifest import Manifest
    from dokgen.pdf import pdf_segar

    manifest = Manifest.read(hasil)
    order = {name: i for i, name in enumerate(kinds())}
    labels = {name: kind.label for name, kind in kinds().items()}
    result = []
    for name, entry in sorted(
        manifest.entries.items(), key=lambda e: (order.get(e[1].kind, 99), e[0])
    ):
        path = hasil / name
        if not path.is_file():
            continue
        pdf = path.with_suffix(".pdf")
        fresh = pdf_segar(path)
        pdf_name = name[: -len(path.suffix)] + ".pdf" if fresh else None
        pages = _jumlah_halaman(pdf) if fresh else 0
        result.append(Berkas(name, labels.get(entry.kind, entry.kind), pdf_name, pages))
    return result


def _cari(hasil: Path, berkas: str) -> Path:
    """The file ``berkas`` of the build folder: a document its manifest lists, or the PDF made
    from one; 404 for any other name."""
    from dokgen.manifest import Manifest, safe_name
    from dokgen.pdf import pdf_segar

    tidak_ada = HTTPException(404, f"berkas '{berkas[:120]}' tidak ada di hasil build")
    if not safe_name(berkas) or not berkas.endswith((".docx", ".pdf")):
        raise tidak_ada
    entries = Manifest.read(hasil).entries
    stem = berkas.rsplit(".", 1)[0]
    document = next((n for n in entries if n.rsplit(".", 1)[0] == stem), None)
    if document is None or (berkas != document and not berkas.endswith(".pdf")):
        raise tidak_ada
    path = hasil / berkas
    if not path.resolve().is_relative_to(hasil.resolve()) or not path.is_file():
        raise tidak_ada
    if berkas.endswith(".pdf") and not pdf_segar(hasil / document):
        raise tidak_ada  # made from an earlier version of the document
    return path


# --- page previews ----------------------------------------------------------------------------

_PDFIUM = threading.Lock()
"""PDFium is not thread-safe: one page at a time."""
_HALAMAN: dict[tuple[str, int], int] = {}
"""Pages of every PDF seen, by (path, modification time)."""


def _pdfium() -> Any:
    """pypdfium2, imported on first need (a fifth of a second; it has no type information)."""
    return importlib.import_module("pypdfium2")


def _jumlah_halaman(pdf: Path) -> int:
    pypdfium2 = _pdfium()
    try:
        key = (str(pdf), pdf.stat().st_mtime_ns)
    except OSError:
        return 0
    if key not in _HALAMAN:
        with _PDFIUM:
            try:
                document = pypdfium2.PdfDocument(pdf)
            except pypdfium2.PdfiumError:
                return 0
            try:
                _HALAMAN[key] = len(document)
            finally:
                document.close()
    return _HALAMAN[key]


def png(width: int, height: int, rgb: bytes, stride: int) -> bytes:
    """A PNG image of ``height`` rows of ``width`` RGB pixels, each row ``stride`` bytes."""
    row = width * 3
    raw = b"".join(b"\0" + rgb[y * stride : y * stride + row] for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def pratinjau(hasil: Path, pdf_name: str, nomor: int) -> Path:
    """The preview image of page ``nomor`` (from 1) of ``pdf_name``, made once and kept in
    ``hasil/.pratinjau/`` until the PDF changes; 404 for a page the PDF does not have."""
    from dokgen.output import write_atomic

    pypdfium2 = _pdfium()
    pdf = _cari(hasil, pdf_name)
    target = hasil / PRATINJAU / pdf_name[: -len(".pdf")] / f"{nomor}.png"
    try:
        if target.stat().st_mtime_ns >= pdf.stat().st_mtime_ns:
            return target
    except OSError:
        pass
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            if not 1 <= nomor <= len(document):
                raise HTTPException(404, f"{pdf_name} tidak mempunyai halaman {nomor}")
            page = document[nomor - 1]
            bitmap = page.render(scale=DPI / 72, rev_byteorder=True)
            image = png(bitmap.width, bitmap.height, bytes(bitmap.buffer), bitmap.stride)
            bitmap.close()
            page.close()
        finally:
            document.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, image)
    return target


# --- LibreOffice ------------------------------------------------------------------------------


def libreoffice() -> dict[str, Any]:
    """Whether PDFs can be made here; when not, why, and how to get LibreOffice (Windows first)."""
    from dokgen.pdf import PdfError, cara_pasang, soffice

    try:
        soffice()
    except PdfError as exc:
        cara = [("Windows", cara_pasang("win32")), ("macOS", cara_pasang("darwin"))]
        cara.append(("Linux (Debian/Ubuntu)", cara_pasang("linux")))
        return {"ada": False, "pesan": str(exc), "cara": cara}
    return {"ada": True}


# --- routes -----------------------------------------------------------------------------------


def _layar(request: Request, nama: str, status_code: int = 200, **extra: Any) -> HTMLResponse:
    from dokgen.documents import kinds

    hasil = ruang(request).hasil(nama)
    job = _pekerjaan(request).get(nama)
    berkas = daftar(hasil)
    return halaman(
        request,
        "bangun_layar.html",
        status_code=status_code,
        nama=nama,
        job=job,
        berkas=berkas,
        ada_pdf=any(b.pdf for b in berkas),
        jenis={name: kind.label for name, kind in kinds().items()},
        lo=libreoffice(),
        **extra,
    )


@router.get("/dinas/{nama}/bangun", response_class=HTMLResponse)
def layar(request: Request, nama: str) -> HTMLResponse:
    """The build button, the last build's progress or outcome, and what the build folder holds."""
    return _layar(request, nama)


@router.post("/dinas/{nama}/bangun", response_class=HTMLResponse, response_model=None)
def mulai(
    request: Request,
    nama: str,
    pdf: Annotated[str, Form()] = "",
    paksa: Annotated[str, Form()] = "",
    hanya: Annotated[str, Form()] = "",
) -> HTMLResponse | RedirectResponse:
    """Start a build of the dinas in the background; refused (409) while one runs."""
    from dokgen.documents import kinds

    kerja = ruang(request)
    folder, hasil = kerja.dinas(nama), kerja.hasil(nama)
    if hanya and hanya not in kinds():
        raise HTTPException(422, f"jenis dokumen '{hanya[:40]}' tidak dikenal")
    lock = kerja.kunci(nama)
    if not lock.acquire(blocking=False):
        sibuk = (
            "Dokumen dinas ini sedang dibuat (atau datanya sedang disimpan). Tunggu sampai"
            " selesai, lalu coba lagi."
        )
        return _layar(request, nama, status_code=409, sibuk=sibuk)
    try:
        job = Pekerjaan(pdf=bool(pdf), paksa=bool(paksa), hanya=hanya or None)
        _pekerjaan(request)[nama] = job
        thread = threading.Thread(
            target=_jalankan,
            args=(job, folder, hasil, lock),
            name=f"dokgen-bangun-{nama}",
            daemon=True,
        )
        thread.start()
    except BaseException:
        lock.release()
        raise
    return RedirectResponse(f"/dinas/{nama}/bangun", status_code=303)


@router.get("/dinas/{nama}/bangun/kemajuan")
def kemajuan(request: Request, nama: str) -> JSONResponse:
    """The progress of the dinas's build: keadaan (berjalan, selesai, ditolak, gagal or
    kosong), tahap, selesai of jumlah, persen."""
    ruang(request).dinas(nama)
    job = _pekerjaan(request).get(nama)
    return JSONResponse(job.as_dict() if job else {"keadaan": "kosong"})


@router.get("/dinas/{nama}/bangun/unduh/{berkas:path}")
def unduh(request: Request, nama: str, berkas: str) -> FileResponse:
    """One document (.docx) of the build folder, or its PDF."""
    path = _cari(ruang(request).hasil(nama), berkas)
    if path.suffix == ".pdf":
        return FileResponse(
            path,
            media_type="application/pdf",
            filename=path.name,
            content_disposition_type="inline",
        )
    return FileResponse(
        path,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename=path.name,
    )


@router.get("/dinas/{nama}/bangun/semua.zip")
def semua_zip(request: Request, nama: str) -> Response:
    """Every document of the build folder and its PDF, in one .zip (folder ``<nama>/``)."""
    hasil = ruang(request).hasil(nama)
    job = _pekerjaan(request).get(nama)
    if job and job.keadaan == "berjalan":
        raise HTTPException(409, "dokumen sedang dibuat: unduh setelah selesai")
    berkas = daftar(hasil)
    if not berkas:
        raise HTTPException(404, "belum ada dokumen: tekan 'Buat dokumen' dahulu")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for b in berkas:
            for name in (b.nama, b.pdf):
                if name:
                    archive.write(hasil / name, f"{nama}/{name}")
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"content-disposition": f'attachment; filename="{nama}.zip"'},
    )


@router.get("/dinas/{nama}/bangun/pratinjau/{berkas:path}/{nomor:int}.png")
def gambar(request: Request, nama: str, berkas: str, nomor: int) -> FileResponse:
    """The image of page ``nomor`` of the PDF ``berkas``."""
    path = pratinjau(ruang(request).hasil(nama), berkas, nomor)
    return FileResponse(path, media_type="image/png")
