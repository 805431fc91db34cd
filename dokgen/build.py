"""The build pipeline: load → render → write, for every document of a dinas."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from docx import Document
from docxcompose.composer import Composer

from dokgen.checks import periksa
from dokgen.documents import dokumen_iku, iki, keputusan, lkj
from dokgen.errors import DataError, Lokasi, Masalah
from dokgen.load import DataDinas, load
from dokgen.output import write_atomic
from dokgen.render import Template

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

Progress = Callable[[str, int, int], None]
"""Called as ``progress(what, done, total)`` while documents are rendered."""


@dataclass(frozen=True)
class Opsi:
    """How to build: which templates, whom to tell about progress, which quarter."""

    templates: Path = TEMPLATES
    progress: Progress | None = None
    triwulan: tuple[int, int] | None = None
    """(tahun, triwulan) of the one Laporan Kinerja to build; None: every quarter with data."""

    def tell(self, what: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(what, done, total)


Renderer = Callable[[DataDinas, Opsi], dict[str, bytes]]


class Ditolak(Exception):
    """The check found galat: nothing was built."""

    def __init__(self, galat: list) -> None:
        super().__init__(f"{len(galat)} galat")
        self.galat = galat


@dataclass
class Hasil:
    """What a build wrote."""

    folder: Path
    berkas: list[Path] = field(default_factory=list)
    dilewati: dict[str, str] = field(default_factory=dict)
    """Kinds not built, with the reason."""


def gabung(documents: list[bytes]) -> bytes:
    """One document with every given document, each starting on a new page."""
    master = Document(io.BytesIO(documents[0]))
    composer = Composer(master)
    for blob in documents[1:]:
        doc = Document(io.BytesIO(blob))
        doc.paragraphs[0].paragraph_format.page_break_before = True
        composer.append(doc)
    buffer = io.BytesIO()
    composer.save(buffer)
    return buffer.getvalue()


def render_iki(data: DataDinas, opsi: Opsi) -> dict[str, bytes]:
    """Every IKI card plus the combined document, as file name (relative) → bytes."""
    template = Template(opsi.templates / iki.TEMPLATE)
    kertas = data.dinas.pengaturan.kertas
    cards = list(iki.kartu(data))
    outputs: dict[str, bytes] = {}
    for done, card in enumerate(cards, start=1):
        outputs[card.nama_berkas] = template.render(card.context, kertas)
        opsi.tell("Kartu IKI", done, len(cards))
    outputs[iki.GABUNGAN] = gabung(list(outputs.values()))
    return outputs


def render_lkj(data: DataDinas, opsi: Opsi) -> dict[str, bytes]:
    """A Laporan Kinerja for every quarter with realisasi (or only ``opsi.triwulan``)."""
    template = Template(opsi.templates / lkj.TEMPLATE)
    reports = [r for r in data.realisasi if opsi.triwulan in (None, (r.tahun, r.triwulan))]
    outputs = {}
    for done, laporan in enumerate(reports, start=1):
        doc = lkj.dokumen(data, laporan)
        outputs[doc.nama_berkas] = template.render(
            doc.context, data.dinas.pengaturan.kertas, doc.gambar
        )
        opsi.tell("Laporan Kinerja", done, len(reports))
    return outputs


def _single(module: ModuleType, label: str) -> Renderer:
    """A renderer for a document kind that makes one document per dinas."""

    def render(data: DataDinas, opsi: Opsi) -> dict[str, bytes]:
        doc = module.dokumen(data)
        template = Template(opsi.templates / module.TEMPLATE)
        blob = template.render(doc.context, data.dinas.pengaturan.kertas, doc.gambar)
        opsi.tell(label, 1, 1)
        return {doc.nama_berkas: blob}

    return render


def _lkj_missing(data: DataDinas) -> str | None:
    if not data.realisasi:
        return "tidak ada realisasi/*.yaml"
    return None


JENIS: dict[str, tuple[Renderer, Callable[[DataDinas], str | None]]] = {
    # kind: (renderer, why it cannot be built from this data — None when it can)
    "keputusan": (
        _single(keputusan, "Keputusan IKU"),
        lambda d: None if d.keputusan else "tidak ada keputusan-iku.yaml",
    ),
    "dokumen-iku": (
        _single(dokumen_iku, "Dokumen IKU"),
        lambda d: (
            None if d.dokumen_iku and d.renstra else "tidak ada dokumen-iku.yaml dan renstra.yaml"
        ),
    ),
    "lkj": (render_lkj, _lkj_missing),
    "iki": (render_iki, lambda d: None if d.jabatan else "tidak ada jabatan/*.yaml"),
}
"""Every document kind dokgen builds, in build order."""


def build(
    folder: Path,
    keluar: Path | None = None,
    opsi: Opsi | None = None,
    hanya: str | None = None,
    paksa: bool = False,
) -> Hasil:
    """Build every document of the dinas in ``folder`` into ``keluar`` (default build/<folder>).

    The check runs first: on galat nothing is built (:class:`Ditolak`) unless ``paksa``.
    Everything is rendered in memory first and written only when all succeeded, each file
    atomically: a failed build leaves the previous outputs as they were.
    """
    opsi = opsi or Opsi()
    data = load(folder)
    galat = [f for f in periksa(data) if f.severity == "galat"]
    if galat and not paksa:
        raise Ditolak(galat)
    if opsi.triwulan and opsi.triwulan not in [(r.tahun, r.triwulan) for r in data.realisasi]:
        tahun, tw = opsi.triwulan
        raise DataError(
            [
                Masalah(
                    Lokasi(data.folder / "realisasi"),
                    f"tidak ada realisasi triwulan {tw} tahun {tahun}",
                )
            ]
        )
    keluar = keluar or Path("build") / data.nama_folder
    hasil = Hasil(keluar)
    outputs: dict[str, bytes] = {}
    for kind, (render, missing) in JENIS.items():
        if hanya and kind != hanya:
            continue
        reason = missing(data)
        if reason:
            hasil.dilewati[kind] = reason
            continue
        outputs.update(render(data, opsi))
    for name, blob in outputs.items():
        path = keluar / name
        write_atomic(path, blob)
        hasil.berkas.append(path)
    return hasil
