"""The dokgen command line: thin commands over the library."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from dokgen.documents import MODULES
from dokgen.errors import DokgenError

app = typer.Typer(
    help="dokgen — dokumen kinerja dinas (kartu IKI, Keputusan IKU, LKj) dari data YAML.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

_KINDS = ", ".join(MODULES)
DataArg = Annotated[Path, typer.Argument(help="Folder data dinas, mis. data/malang-diskopum")]


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
            help="Tampilkan versi dokgen, lalu keluar",
        ),
    ] = False,
) -> None:
    """Options before any command (``dokgen --version``); the help text is the app's."""


def _fail(exc: DokgenError) -> typer.Exit:
    for line in exc.lines():
        err.print(f"[bold red]galat[/] {line}")
    return typer.Exit(2)


@app.command()
def check(
    data: DataArg,
    format: Annotated[
        str, typer.Option("--format", help="Bentuk keluaran: text atau json")
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="Peringatan juga membuat kode keluar 1")
    ] = False,
) -> None:
    """Periksa data dinas: temuan per berkas dan baris, tanpa membuat dokumen."""
    from dokgen.build import check_folder
    from dokgen.checks.laporan import json_text, teks

    if format not in ("text", "json"):
        err.print(f"galat --format '{format}' tidak dikenal; pilihan: text, json")
        raise typer.Exit(2)
    try:
        findings = check_folder(data)
    except DokgenError as exc:
        raise _fail(exc) from None
    if format == "json":
        typer.echo(json_text(findings))
    else:
        teks(findings, out)
    failing = {"galat", "peringatan"} if strict else {"galat"}
    if any(f.severity in failing for f in findings):
        raise typer.Exit(1)


@app.command()
def rules() -> None:
    """Daftar semua aturan pemeriksaan dengan kode dan penjelasannya."""
    from dokgen.checks import RULES

    for code, rule in sorted(RULES.items()):
        out.print(f"[bold]{code}[/]  {rule.severity:<10} {rule.family}")
        for line in rule.penjelasan.splitlines():
            out.print(f"    {escape(line)}")
        out.print()


@app.command()
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

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done)

        try:
            if hanya and hanya not in MODULES:
                err.print(f"galat --hanya '{hanya}' tidak dikenal; pilihan: {_KINDS}")
                raise typer.Exit(2)
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
                "[bold red]Dokumen tidak dibuat[/]: perbaiki galat di atas, atau pakai --paksa."
            )
            raise typer.Exit(1) from None
        except DokgenError as exc:
            raise _fail(exc) from None
    for kind, reason in hasil.skipped.items():
        out.print(f"Dilewati: {kind} — {reason}")
    out.print(f"Selesai ({hasil.folder}/): {hasil.summary}")
    if pdf:
        todo = [
            p for p in hasil.outputs if p in hasil.written or not p.with_suffix(".pdf").is_file()
        ]
        _pdf(todo)


def _pdf(files: list[Path]) -> None:
    from dokgen.pdf import ke_pdf

    try:
        made = ke_pdf(files)
    except DokgenError as exc:
        raise _fail(exc) from None
    out.print(f"PDF: {len(made)} berkas dibuat dalam satu proses LibreOffice")


@app.command()
def pdf(
    folder: Annotated[Path, typer.Argument(help="Folder hasil build, mis. build/malang-diskopum")],
) -> None:
    """Buat PDF dari setiap .docx di folder hasil build (satu proses LibreOffice)."""
    files = sorted(p for p in folder.rglob("*.docx") if ".dokgen-sementara" not in p.parts)
    if not files:
        err.print(f"galat {folder}: tidak ada berkas .docx")
        raise typer.Exit(2)
    _pdf(files)


@app.command()
def diff(
    lama: Annotated[str, typer.Argument(help="Data versi lama: folder, atau REVISI:folder (git)")],
    baru: Annotated[str, typer.Argument(help="Data versi baru: folder, atau REVISI:folder (git)")],
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
        err.print(f"galat --format '{format}' tidak dikenal; pilihan: text, json, docx")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory(prefix="dokgen-diff-") as tmp:
        try:
            old = load(perbandingan.folder_dari(lama, Path(tmp) / "lama"), pembanding=False)
            new = load(perbandingan.folder_dari(baru, Path(tmp) / "baru"), pembanding=False)
        except DokgenError as exc:
            raise _fail(exc) from None
    changes = perbandingan.bandingkan(old, new)
    if format == "json":
        typer.echo(json.dumps([c.as_dict() for c in changes], ensure_ascii=False, indent=2))
    elif format == "docx":
        from dokgen.output import write_atomic
        from dokgen.render import Template
        from dokgen.resources import TEMPLATES

        target = keluar or Path("build") / new.nama_folder / "matriks-perubahan.docx"
        context = {
            "judul": f"{new.dinas.nama} {new.dinas.pemda.sebutan}",
            "sebelum": lama,
            "sesudah": baru,
            "matriks": perbandingan.matriks(changes),
        }
        try:
            blob = Template(TEMPLATES / "matriks-perubahan.docx").render(
                context, new.dinas.pengaturan.kertas
            )
        except DokgenError as exc:
            raise _fail(exc) from None
        write_atomic(target, blob)
        out.print(f"Matriks perubahan ({len(changes)} perubahan) ditulis ke {target}")
    else:
        tanda = {"ditambah": "+", "dihapus": "-", "diubah": "~"}
        for c in changes:
            where = f"{c.objek} {c.bagian}".strip()
            out.print(
                f"{tanda[c.jenis]} {escape(where)}: {escape(c.sebelum)} → {escape(c.sesudah)}"
            )
        out.print(f"{len(changes)} perubahan")


excel_app = typer.Typer(
    help="Buku kerja Excel: ekspor data dinas, impor kembali.", no_args_is_help=True
)
app.add_typer(excel_app, name="excel")


@excel_app.command("ekspor")
def excel_ekspor(
    data: DataArg,
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx yang dibuat")],
) -> None:
    """Tulis data dinas ke buku kerja Excel (satu lembar per tabel)."""
    from dokgen.excel.ekspor import ekspor
    from dokgen.load import load
    from dokgen.output import write_atomic

    try:
        write_atomic(berkas, ekspor(load(data, pembanding=False)))
    except DokgenError as exc:
        raise _fail(exc) from None
    out.print(f"Buku kerja ditulis ke {berkas}")


@excel_app.command("impor")
def excel_impor(
    berkas: Annotated[Path, typer.Argument(help="Berkas .xlsx yang dibaca")],
    data: DataArg,
) -> None:
    """Baca buku kerja Excel kembali ke berkas YAML dinas (semua atau tidak sama sekali)."""
    from dokgen.excel.impor import impor

    try:
        hasil = impor(berkas, data)
    except DokgenError as exc:
        raise _fail(exc) from None
    for path in hasil.diubah:
        out.print(f"diubah: {path}")
    for path in hasil.dihapus:
        out.print(f"dihapus: {path}")
    out.print(f"Selesai: {len(hasil.diubah)} berkas diubah, {len(hasil.dihapus)} dihapus")


@app.command()
def baru(
    folder: Annotated[Path, typer.Argument(help="Folder data baru, mis. data/nama-dinas")],
) -> None:
    """Buat folder data untuk dinas baru, siap diisi (lalu: dokgen excel ekspor)."""
    from dokgen.baru import buat

    try:
        buat(folder)
    except DokgenError as exc:
        raise _fail(exc) from None
    out.print(f"Folder {folder} dibuat: isi dinas.yaml dan renstra.yaml, atau ekspor ke Excel.")


def _triwulan(text: str) -> tuple[int, int]:
    import re

    match = re.fullmatch(r"(\d{4})-([1-4])", text.strip())
    if not match:
        err.print(f"galat --triwulan '{text}' tidak sah; tulis TAHUN-TRIWULAN, mis. 2019-2")
        raise typer.Exit(2)
    return int(match.group(1)), int(match.group(2))


def main() -> None:
    app()
