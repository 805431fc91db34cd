"""The build pipeline: load → render → write, for every document of a dinas."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docxcompose.composer import Composer

from dokgen.documents import iki
from dokgen.load import DataDinas, load
from dokgen.output import write_atomic
from dokgen.render import Template

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

Progress = Callable[[str, int, int], None]
"""Called as ``progress(what, done, total)`` while documents are rendered."""


@dataclass
class Hasil:
    """What a build wrote."""

    folder: Path
    berkas: list[Path] = field(default_factory=list)


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


def render_iki(
    data: DataDinas, templates: Path, progress: Progress | None = None
) -> dict[str, bytes]:
    """Every IKI card plus the combined document, as file name (relative) → bytes."""
    template = Template(templates / iki.TEMPLATE)
    kertas = data.dinas.pengaturan.kertas
    cards = list(iki.kartu(data))
    outputs: dict[str, bytes] = {}
    for done, card in enumerate(cards, start=1):
        outputs[f"{iki.FOLDER}/{card.nama_berkas}"] = template.render(card.context, kertas)
        if progress:
            progress("Kartu IKI", done, len(cards))
    if cards:
        outputs[iki.GABUNGAN] = gabung(list(outputs.values()))
    return outputs


def build(
    folder: Path,
    keluar: Path | None = None,
    templates: Path = TEMPLATES,
    progress: Progress | None = None,
) -> Hasil:
    """Build every document of the dinas in ``folder`` into ``keluar`` (default build/<folder>).

    Everything is rendered in memory first and written only when all succeeded, each file
    atomically: a failed build leaves the previous outputs as they were.
    """
    data = load(folder)
    keluar = keluar or Path("build") / data.nama_folder
    outputs = render_iki(data, templates, progress)
    hasil = Hasil(keluar)
    for name, blob in outputs.items():
        path = keluar / name
        write_atomic(path, blob)
        hasil.berkas.append(path)
    return hasil
