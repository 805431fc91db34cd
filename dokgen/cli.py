"""The dokgen command line: thin commands over the library.

Every failure ends in :mod:`dokgen.cli_base` (an Indonesian sentence and an exit code, never a
traceback); a command only says what it did. Texts are printed as they are, without markup.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from dokgen.cli_base import GALAT, KelompokPerintah, Perintah, err, galat, out
from dokgen.documents import MODULES

app = typer.Typer(
    cls=KelompokPerintah,
    help="dokgen — dokumen kinerja dinas (kartu IKI, Keputusan IKU, LKj) dari data YAML.",
    epilog="Contoh: dokgen build data/malang-diskopum (bantuan satu perintah: dokgen build --help)",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

_KINDS = ", ".join(MODULES)
DataArg = Annotated[
    Path, typer.Argument(metavar="DATA", help="Folder data dinas, mis. data/malang-diskopum")
]


def _versi(value: bool) -> None:
    if value:
        from dokgen import __version__

        out.print(f"dokgen {__version__}")
        raise typer.Exit()


@app.callback()
def _opsi_umum(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_versi,
            is_eager=True,
            help="Tampilkan versi dokgen, lalu keluar.",
        ),
    ] = False,
) -> None:
    """Options before any command (``dokgen --version``); the help text is the app's."""


def _refuse(line: str) -> typer.Exit:
    """Print one error sentence; the command ends with exit code 2."""
    galat(line)
    return typer.Exit(GALAT)


@app.command(cls=Perintah, epilog="Contoh: dokgen check data/malang-diskopum")
def check(
    data: DataArg,
    format: Annotated[
        str, typer.Option("--format", help="Bentuk keluaran: text atau json")
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Peringatan juga membuat kode keluar 1")
    ] = False,
    semua_temuan: Annotated[
        bool,
        typer.Option(
            "--semua-temuan", help="Daftar setiap temuan; tanpa ini temuan berulang diringkas"
        ),
    ] = False,
) -> None:
    """Periksa data dinas: temuan per berkas dan baris, tanpa membuat dokumen."""
    from dokgen.check import check_folder_target
    from dokgen.checks.laporan import json_text, teks

    if format not in ("text", "json"):
        raise _refuse(f"--format '{format}' tidak dikenal; pilihan: text, json")
    findings, target = check_folder_target(data)
    if format == "json":
        typer.echo(json_text(findings, target))
    else:
        teks(findings, out, semua=semua_temuan)
    failing = {"galat", "peringatan"} if strict else {"galat"}
    if any(f.severity in failing for f in findings):
        raise typer.Exit(1)


@app.command(cls=Perintah, epilog="Contoh: dokgen rules")
def rules() -> None:
    """Daftar semua aturan pemeriksaan dengan kode dan penjelasannya."""
    from dokgen.checks import RULES

    for code, rule in sorted(RULES.items()):
        out.print(Text.assemble((code, "bold"), f"  {rule.severity:<10} {rule.family}"))
        for line in rule.penjelasan.splitlines():
            out.print(f"    {line}")
        out.print()


@app.command(
    cls=Perintah,
    epilog="Contoh: dokgen build data/malang-diskopum (dengan PDF: tambahkan --pdf)",
)
def build(
    data: DataArg,
    keluar: Annotated[
        Path | None,
        typer.Option("--keluar", "-o", help="Folder hasil (bawaan: build/<nama folder data>)"),
    ] = None,
    templat: Annotated[
        Path | None, typer.Option("--templat", help="Folder templat .docx (bawaan: templates/)")
    ] = None,
    hanya: Annotated[
        str | None,
        typer.Option("--hanya", help=f"Buat satu jenis dokumen saja: {_KINDS}"),
    ] = None,
    triwulan: Annotated[
        str | None,
        typer.Option("--triwulan", help="Laporan Kinerja satu triwulan saja, mis. 2019-2"),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Jumlah proses (bawaan: semua inti)")
    ] = None,
    semua: Annotated[
        bool, typer.Option("--semua", help="Buat ulang semua dokumen, walaupun tidak berubah")
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Buat juga PDF setiap dokumen (memerlukan LibreOffice)")
    ] = False,
    paksa: Annotated[
        bool,
        typer.Option("--paksa", help="Tetap membuat dokumen walaupun pemeriksaan menemukan galat"),
    ] = False,
) -> None:
    """Buat semua dokumen dinas ke folder build/."""
    from dokgen import build as pipeline
    from dokgen.resources import TEMPLATES

    if keluar is not None:
        _not_a_file(keluar)

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    columns = (TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done)

        try:
            if hanya and hanya not in MODULES:
                raise _refuse(f"--hanya '{hanya}' tidak dikenal; pilihan: {_KINDS}")
            options = pipeline.BuildOptions(
                templates=templat or TEMPLATES,
                progress=progress,
                kind=hanya,
                triwulan=_triwulan(triwulan) if triwulan else None,
                rebuild=semua,
                force=paksa,
                jobs=jobs,
            )
            hasil = pipeline.build(data, keluar, options)
        except pipeline.Refused as exc:
            from dokgen.checks.laporan import teks

            teks(exc.galat, err)
            err.print(
                Text.assemble(
                    ("Dokumen tidak dibuat", "bold red"),
                    ": perbaiki galat di atas, atau pakai --paksa.",
                )
            )
            raise typer.Exit(1) from None
    for kind, reason in hasil.skipped.items():
        out.print(f"Dilewati: {kind} — {reason}")
    out.print(f"Selesai ({hasil.folder}/): {hasil.summary}")
    if pdf:
        from dokgen.pdf import pdf_segar

        todo = [p for p in hasil.outputs if p in hasil.written or not pdf_segar(p)]
        _pdf(todo)


def _pdf(files: list[Path]) -> None:
    from dokgen.pdf import ke_pdf

    made = ke_pdf(files)
    out.print(f"PDF: {len(made)} berkas dibuat dalam satu proses LibreOffice")


@app.command(cls=Perintah, epilog="Contoh: dokgen pdf build/malang-diskopum")
def pdf(
    folder: Annotated[
        Path,
        typer.Argument(metavar="FOLDER", help="Folder hasil build, mis. build/malang-diskopum"),
    ],
) -> None:
    """Buat PDF dari setiap .docx di folder hasil build (satu proses LibreOffice)."""
    if not folder.is_dir():
        raise _refuse(f"{folder}: folder hasil build tidak ditemukan")
    files = sorted(p for p in folder.rglob("*.docx") if ".dokgen-sementara" not in p.parts)
    if not files:
        raise _refuse(f"{folder}: tidak ada berkas .docx")
    _pdf(files)


@app.command(
    cls=Perintah,
    epilog="Contoh: dokgen diff data/bandarlampung-diskopukm data/bandarlampung-diskopukm-perubahan"
    " (versi di git: dokgen diff HEAD~1:data/malang-diskopum data/malang-diskopum)",
)
def diff(
    lama: Annotated[
        str,
        typer.Argument(metavar="LAMA", help="Data versi lama: folder, atau REVISI:folder (git)"),
    ],
    baru: Annotated[
        str,
        typer.Argument(metavar="BARU", help="Data versi baru: folder, atau REVISI:folder (git)"),
    ],
    format: Annotated[
        str, typer.Option("--format", help="Bentuk keluaran: text, json, atau docx")
    ] = "text",
    keluar: Annotated[
        Path | None, typer.Option("--keluar", "-o", help="Berkas .docx (untuk --format docx)")
    ] = None,
) -> None:
    """Perubahan antara dua versi data dinas: indikator, target, program, jabatan, IKI."""
    import json
    import tempfile

    from dokgen import diff as perbandingan
    from dokgen.load import load

    if format not in ("text", "json", "docx"):
        raise _refuse(f"--format '{format}' tidak dikenal; pilihan: text, json, docx")
    if keluar is not None:
        _docx_path(keluar, format)
    with tempfile.TemporaryDirectory(prefix="dokgen-diff-") as tmp:
        old = load(perbandingan.folder_dari(lama, Path(tmp) / "lama"), pembanding=False)
        new = load(perbandingan.folder_dari(baru, Path(tmp) / "baru"), pembanding=False)
    changes = perbandingan.bandingkan(old, new)
    if format == "json":
        typer.echo(json.dumps([c.as_dict() for c in changes], ensure_ascii=False, indent=2))
    elif format == "docx":
        from dokgen.render import Template
        from dokgen.resources import TEMPLATES

        target = keluar or Path("build") / new.nama_folder / "matriks-perubahan.docx"
        context = {
            "judul": f"{new.dinas.nama} {new.dinas.pemda.sebutan}",
            "sebelum": lama,
            "sesudah": baru,
            "matriks": perbandingan.matriks(changes),
        }
        blob = Template(TEMPLATES / "matriks-perubahan.docx").render(
            context, new.dinas.pengaturan.kertas
        )
        _write(target, blob, "matriks perubahan")
        out.print(f"Matriks perubahan ({len(changes)} perubahan) ditulis ke {target}")
    else:
        tanda = {"ditambah": "+", "dihapus": "-", "diubah": "~"}
        lines = []
        for c in changes:
            where = f"{c.objek} {c.bagian}".strip()
            lines.append(f"{tanda[c.jenis]} {where}: {c.sebelum} → {c.sesudah}")
        lines.append(f"{len(changes)} perubahan")
        out.print("\n".join(lines))


def _docx_path(keluar: Path, format: str) -> None:
    """``--keluar`` names a .docx file to write, and goes with ``--format docx``."""
    if format != "docx":
        raise _refuse(f"--keluar {keluar}: hanya untuk --format docx")
    if keluar.suffix.lower() != ".docx":
        raise _refuse(f"--keluar {keluar}: nama berkas matriks harus berakhiran .docx")
    if keluar.is_dir():
        raise _refuse(f"--keluar {keluar}: adalah folder; tulis nama berkas .docx di dalamnya")


def _write(target: Path, blob: bytes, what: str) -> None:
    """Write ``blob`` to ``target`` atomically; a failure is one sentence naming ``target``."""
    from dokgen.cli_errors import os_reason
    from dokgen.output import write_atomic

    _not_a_file(target.parent)
    try:
        write_atomic(target, blob)
    except OSError as exc:
        raise _refuse(f"{target}: {what} tidak dapat ditulis — {os_reason(exc)}") from None


def _not_a_file(folder: Path) -> None:
    """Refuse a folder to write into when it, or a folder above it, is a file."""
    for path in (folder, *folder.parents):
        if path.is_dir():
            return
        if path.exists() or path.is_symlink():
            raise _refuse(f"{path}: adalah berkas, padahal yang diperlukan folder")


excel_app = typer.Typer(
    cls=KelompokPerintah,
    help="Buku kerja Excel: ekspor data dinas, impor kembali.",
    epilog="Contoh: dokgen excel ekspor data/lumajang-diskopum lumajang.xlsx",
    no_args_is_help=True,
)
app.add_typer(excel_app, name="excel")


@excel_app.command(
    "ekspor",
    cls=Perintah,
    epilog="Contoh: dokgen excel ekspor data/lumajang-diskopum lumajang.xlsx",
)
def excel_ekspor(
    data: DataArg,
    berkas: Annotated[
        Path, typer.Argument(metavar="BERKAS", help="Berkas .xlsx yang dibuat, mis. lumajang.xlsx")
    ],
) -> None:
    """Tulis data dinas ke buku kerja Excel (satu lembar per tabel)."""
    from dokgen.excel.ekspor import ekspor
    from dokgen.load import load

    if berkas.is_dir():
        raise _refuse(f"{berkas}: adalah folder; tulis nama berkas .xlsx")
    _write(berkas, ekspor(load(data, pembanding=False)), "buku kerja")
    out.print(f"Buku kerja ditulis ke {berkas}")


@excel_app.command(
    "impor",
    cls=Perintah,
    epilog="Contoh: dokgen excel impor data/lumajang-diskopum lumajang.xlsx (urutan sama dengan"
    " excel ekspor: DATA, lalu BERKAS)",
)
def excel_impor(
    data: DataArg,
    berkas: Annotated[
        Path, typer.Argument(metavar="BERKAS", help="Berkas .xlsx yang dibaca, mis. lumajang.xlsx")
    ],
) -> None:
    """Baca buku kerja Excel kembali ke berkas YAML dinas, lalu periksa hasilnya.

    Semua atau tidak sama sekali: buku kerja yang tidak terbaca tidak mengubah satu berkas pun.
    Setiap temuan pemeriksaan menyebut berkas, baris dan sel asalnya di buku kerja.
    """
    from dokgen.check import check_folder
    from dokgen.checks.laporan import teks
    from dokgen.excel.impor import impor
    from dokgen.excel.sel import tandai

    if _urutan_lama(data, berkas):
        raise _refuse(
            f"urutan argumen excel impor kini DATA BERKAS, sama dengan excel ekspor: tulis"
            f" dokgen excel impor {berkas} {data}"
        )
    hasil = impor(berkas, data)
    if hasil.dipulihkan:
        out.print("Impor sebelumnya terputus di tengah jalan; folder data dipulihkan lebih dulu.")
    for path in hasil.diubah:
        out.print(f"diubah: {path}")
    for path in hasil.dihapus:
        out.print(f"dihapus: {path}")
    out.print(f"Selesai: {len(hasil.diubah)} berkas diubah, {len(hasil.dihapus)} dihapus")
    findings = tandai(check_folder(data), berkas, hasil.asal)
    if findings:
        out.print("\nPemeriksaan data hasil impor (sel asal di dalam [ ]):")
        teks(findings, out)


def _urutan_lama(data: Path, berkas: Path) -> bool:
    """True for ``excel impor BERKAS DATA``, the order of dokgen 0.1: a workbook, then a folder."""
    return data.suffix.lower() == ".xlsx" and not data.is_dir() and berkas.is_dir()


@app.command(cls=Perintah, epilog="Contoh: dokgen web data")
def web(
    folder: Annotated[
        Path,
        typer.Argument(metavar="FOLDER", help="Folder berisi folder data dinas (bawaan: data)"),
    ] = Path("data"),
    port: Annotated[
        int | None, typer.Option("--port", help="Nomor port (bawaan: port bebas mana saja)")
    ] = None,
    tanpa_peramban: Annotated[
        bool, typer.Option("--tanpa-peramban", help="Jangan membuka peramban")
    ] = False,
) -> None:
    """Buka meja kerja dokgen di peramban: isi data, periksa, buat dan unduh dokumen."""
    import socket
    import threading
    import webbrowser

    import uvicorn

    from dokgen.web.app import buat_app

    if folder.exists() and not folder.is_dir():
        raise _refuse(f"{folder}: ini berkas, bukan folder; sebut folder ruang kerja dinas")
    if not folder.exists():
        folder.mkdir(parents=True)
        out.print(f"Folder ruang kerja {folder} dibuat (kosong): buat dinas pertama di peramban.")
    if port is None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
    alamat = f"http://127.0.0.1:{port}/"
    out.print(f"Meja kerja dokgen: {alamat}  (Ctrl-C untuk berhenti)")
    if not tanpa_peramban:
        threading.Timer(1.0, webbrowser.open, [alamat]).start()
    uvicorn.run(buat_app(folder.resolve()), host="127.0.0.1", port=port, log_level="warning")


@app.command(cls=Perintah, epilog="Contoh: dokgen baru data/kediri-diskopum")
def baru(
    folder: Annotated[
        Path, typer.Argument(metavar="FOLDER", help="Folder data baru, mis. data/nama-dinas")
    ],
) -> None:
    """Buat folder data untuk dinas baru, siap diisi (lalu: dokgen excel ekspor)."""
    from dokgen.baru import buat

    buat(folder)
    out.print(f"Folder {folder} dibuat: isi dinas.yaml dan renstra.yaml, atau ekspor ke Excel.")


@app.command(
    cls=Perintah,
    epilog=(
        'Contoh: dokgen peraturan "pemerintahan daerah" (kata-kata dicari di kunci, nomor,'
        " tahun, judul dan keadaan; semua kata harus ada); dokgen peraturan 2014 --folder"
        " data/bandarlampung-diskopukm"
    ),
)
def peraturan(
    cari: Annotated[
        str | None,
        typer.Argument(metavar="CARI", help='Kata yang dicari, mis. "23 2014" atau dicabut'),
    ] = None,
    folder: Annotated[
        Path | None,
        typer.Option(
            "--folder", help="Folder data dinas: sertakan peraturan daerah dari peraturan.yaml"
        ),
    ] = None,
) -> None:
    """Daftar dan cari peraturan di katalog dokgen: kunci, jenis, nomor, tahun, judul, keadaan."""
    from dokgen.cari_peraturan import cari as cari_katalog
    from dokgen.errors import DataError, Location, Problem
    from dokgen.load import katalog as muat_katalog

    lokal = folder / "peraturan.yaml" if folder else None
    if folder is not None and not folder.is_dir():
        what = "ini berkas, bukan folder data" if folder.exists() else "folder data tidak ditemukan"
        raise DataError([Problem(Location(folder), what)])
    found = cari_katalog(muat_katalog(folder), cari, lokal)
    for p in found:
        out.print(f"{p.kunci}{' (peraturan.yaml)' if p.lokal else ''}")
        out.print(f"    {p.judul} tentang {p.tentang}")
        if p.keadaan:
            out.print(f"    {'; '.join(p.keadaan)}")
    if not found:
        out.print(f"Tidak ada peraturan yang cocok dengan '{cari}'." if cari else "Katalog kosong")
        raise typer.Exit(1)
    out.print(f"{len(found)} peraturan")


def _triwulan(text: str) -> tuple[int, int]:
    import re

    match = re.fullmatch(r"(\d{4})-([1-4])", text.strip())
    if not match:
        raise _refuse(f"--triwulan '{text}' tidak sah; tulis TAHUN-TRIWULAN, mis. 2019-2")
    return int(match.group(1)), int(match.group(2))


def main() -> None:
    """The ``dokgen`` program. When it is done, the process ends without Python freeing every
    module and object one by one (0.1–0.15 s after a build of thousands of jabatan, for
    nothing): the last exit handler ends it with the command's exit code, after the others
    ran and the output was flushed — Instagram's way of skipping the interpreter's teardown."""
    code = [0]
    atexit.register(_end, code)  # registered first: run last
    try:
        app()
    except SystemExit as end:
        code[0] = end.code if isinstance(end.code, int) else 0 if end.code is None else 1
        raise


def _end(code: list[int]) -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code[0])
