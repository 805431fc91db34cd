"""The dokgen command line: thin commands over the library."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from dokgen.errors import DokgenError

app = typer.Typer(
    help="dokgen — dokumen kinerja dinas (kartu IKI, Keputusan IKU, LKj) dari data YAML.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DataArg = Annotated[Path, typer.Argument(help="Folder data dinas, mis. data/malang-diskopum")]


def _fail(exc: DokgenError) -> typer.Exit:
    for line in exc.lines():
        err.print(f"[bold red]galat[/] {line}")
    return typer.Exit(2)


@app.command()
def check(data: DataArg) -> None:
    """Periksa data dinas tanpa membuat dokumen."""
    from dokgen.load import load

    try:
        loaded = load(data)
    except DokgenError as exc:
        raise _fail(exc) from None
    out.print(
        f"{data}: data terbaca — {loaded.dinas.nama} {loaded.dinas.pemda.sebutan},"
        f" {len(loaded.jabatan)} jabatan. Tidak ada galat."
    )


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
        typer.Option(
            "--hanya", help="Buat satu jenis dokumen saja: keputusan, dokumen-iku, lkj, iki"
        ),
    ] = None,
    triwulan: Annotated[
        str | None,
        typer.Option("--triwulan", help="Laporan Kinerja satu triwulan saja, mis. 2019-2"),
    ] = None,
) -> None:
    """Buat semua dokumen dinas ke folder build/."""
    from dokgen import build as pipeline

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        tasks: dict[str, int] = {}

        def progress(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done)

        try:
            if hanya and hanya not in pipeline.JENIS:
                err.print(
                    f"galat --hanya '{hanya}' tidak dikenal; pilihan: {', '.join(pipeline.JENIS)}"
                )
                raise typer.Exit(2)
            periode = _triwulan(triwulan) if triwulan else None
            opsi = pipeline.Opsi(templat or pipeline.TEMPLATES, progress, periode)
            hasil = pipeline.build(data, keluar, opsi, hanya)
        except DokgenError as exc:
            raise _fail(exc) from None
    for kind, reason in hasil.dilewati.items():
        out.print(f"Dilewati: {kind} — {reason}")
    out.print(f"Selesai: {len(hasil.berkas)} berkas ditulis ke {hasil.folder}/")


def _triwulan(text: str) -> tuple[int, int]:
    import re

    match = re.fullmatch(r"(\d{4})-([1-4])", text.strip())
    if not match:
        err.print(f"galat --triwulan '{text}' tidak sah; tulis TAHUN-TRIWULAN, mis. 2019-2")
        raise typer.Exit(2)
    return int(match.group(1)), int(match.group(2))


def main() -> None:
    app()
