"""The build pipeline: load → check → render → write, for every document of a dinas.

Builds are incremental and reproducible. Each output's inputs are fingerprinted
(:mod:`dokgen.manifest`); an output whose inputs did not change is not rendered again, and a
rendered output whose bytes equal the file on disk is not rewritten, so its mtime stays.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docxcompose.composer import Composer

from dokgen.checks import Finding, periksa
from dokgen.documents import dokumen_iku, iki, keputusan, lkj
from dokgen.documents.umum import Dokumen
from dokgen.errors import DataError, Lokasi, Masalah
from dokgen.load import DataDinas, load
from dokgen.manifest import Manifest, sha, sidik
from dokgen.output import write_atomic
from dokgen.paket import normalkan
from dokgen.render import Template

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

Progress = Callable[[str, int, int], None]
"""Called as ``progress(what, done, total)`` while documents are rendered."""


@dataclass(frozen=True)
class Opsi:
    """How to build: which templates, whom to tell about progress, which quarter, all or changed."""

    templates: Path = TEMPLATES
    progress: Progress | None = None
    triwulan: tuple[int, int] | None = None
    """(tahun, triwulan) of the one Laporan Kinerja to build; None: every quarter with data."""
    semua: bool = False
    """Render and rewrite everything, ignoring the manifest."""

    def tell(self, what: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(what, done, total)


class Ditolak(Exception):
    """The check found galat: nothing was built."""

    def __init__(self, galat: list[Finding]) -> None:
        super().__init__(f"{len(galat)} galat")
        self.galat = galat


@dataclass
class Hasil:
    """What a build did, by output path."""

    folder: Path
    ditulis: list[Path] = field(default_factory=list)
    tidak_berubah: list[Path] = field(default_factory=list)
    dihapus: list[Path] = field(default_factory=list)
    dilewati: dict[str, str] = field(default_factory=dict)
    """Kinds not built, with the reason."""

    @property
    def berkas(self) -> list[Path]:
        """Every output of this build, written or unchanged."""
        return self.ditulis + self.tidak_berubah

    @property
    def ringkasan(self) -> str:
        return (
            f"ditulis {len(self.ditulis)}, tidak berubah {len(self.tidak_berubah)},"
            f" dihapus {len(self.dihapus)}"
        )


@dataclass(frozen=True)
class Jenis:
    """A document kind: its documents for a dinas, why it may not apply, its label."""

    label: str
    dokumen: Callable[[DataDinas, Opsi], list[Dokumen]]
    kurang: Callable[[DataDinas], str | None]
    gabungan: str | None = None
    """Name of one document combining all of this kind's documents, each on a new page."""


def _lkj(data: DataDinas, opsi: Opsi) -> list[Dokumen]:
    return [
        lkj.dokumen(data, r)
        for r in data.realisasi
        if opsi.triwulan in (None, (r.tahun, r.triwulan))
    ]


JENIS: dict[str, Jenis] = {
    "keputusan": Jenis(
        "Keputusan IKU",
        lambda d, o: [keputusan.dokumen(d)],
        lambda d: None if d.keputusan else "tidak ada keputusan-iku.yaml",
    ),
    "dokumen-iku": Jenis(
        "Dokumen IKU",
        lambda d, o: [dokumen_iku.dokumen(d)],
        lambda d: None if d.dokumen_iku and d.renstra else "tidak ada dokumen-iku.yaml",
    ),
    "lkj": Jenis(
        "Laporan Kinerja",
        _lkj,
        lambda d: None if d.realisasi else "tidak ada realisasi/*.yaml",
    ),
    "iki": Jenis(
        "Kartu IKI",
        lambda d, o: list(iki.kartu(d)),
        lambda d: None if d.jabatan else "tidak ada jabatan/*.yaml",
        gabungan=iki.GABUNGAN,
    ),
}
"""Every document kind dokgen builds, in build order."""


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
    return normalkan(buffer.getvalue())


class _Templates:
    """Templates compiled on first use, with the fingerprint of each file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._compiled: dict[str, Template] = {}
        self._sha: dict[str, str] = {}

    def sidik(self, name: str) -> str:
        if name not in self._sha:
            path = self.folder / name
            try:
                self._sha[name] = sha(path.read_bytes())
            except OSError:
                self._sha[name] = ""  # Template() reports the missing file when it is needed
        return self._sha[name]

    def get(self, name: str) -> Template:
        if name not in self._compiled:
            self._compiled[name] = Template(self.folder / name)
        return self._compiled[name]


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
        where = Lokasi(data.folder / "realisasi")
        raise DataError([Masalah(where, f"tidak ada realisasi triwulan {tw} tahun {tahun}")])

    keluar = keluar or Path("build") / data.nama_folder
    hasil = Hasil(keluar)
    lama = Manifest.baca(keluar)
    baru = Manifest(keluar, {} if opsi.semua else dict(lama.entries))
    templates = _Templates(opsi.templates)
    kertas = data.dinas.pengaturan.kertas
    tulis: dict[str, bytes] = {}
    dibuat: set[str] = set()

    for kind, jenis in JENIS.items():
        if hanya and kind != hanya:
            continue
        reason = jenis.kurang(data)
        if reason:
            hasil.dilewati[kind] = reason
            continue
        docs = jenis.dokumen(data, opsi)
        keys: list[str] = []
        blobs: dict[str, bytes] = {}
        for done, doc in enumerate(docs, start=1):
            key = sidik(doc.context, doc.gambar, templates.sidik(doc.template), kertas)
            keys.append(key)
            dibuat.add(doc.nama_berkas)
            if opsi.semua or not lama.segar(doc.nama_berkas, key):
                blob = templates.get(doc.template).render(doc.context, kertas, doc.gambar)
                blobs[doc.nama_berkas] = blob
                baru.catat(doc.nama_berkas, kind, key, blob)
            opsi.tell(jenis.label, done, len(docs))
        if jenis.gabungan and docs:
            key = sidik(keys)
            dibuat.add(jenis.gabungan)
            if opsi.semua or not lama.segar(jenis.gabungan, key):
                parts = [
                    blobs.get(d.nama_berkas) or (keluar / d.nama_berkas).read_bytes() for d in docs
                ]
                blobs[jenis.gabungan] = gabung(parts)
                baru.catat(jenis.gabungan, kind, key, blobs[jenis.gabungan])
        tulis.update(blobs)

    for name in sorted(dibuat):
        path = keluar / name
        if name in tulis and (opsi.semua or not lama.sama(name, tulis[name])):
            write_atomic(path, tulis[name])
            hasil.ditulis.append(path)
        else:
            hasil.tidak_berubah.append(path)
    # Outputs of earlier builds that the data no longer supports: jabatan removed, … Only files
    # in the manifest (made by dokgen) are deleted, and only of the kinds this build covers;
    # reports of quarters not selected by --triwulan still belong to the data.
    considered = {kind for kind in JENIS if not hanya or kind == hanya}
    masih = dibuat | {lkj.nama_berkas(r) for r in data.realisasi}
    for name, entry in lama.entries.items():
        if entry.get("jenis") in considered and name not in masih:
            (keluar / name).unlink(missing_ok=True)
            baru.entries.pop(name, None)
            hasil.dihapus.append(keluar / name)
    if hasil.ditulis or hasil.dihapus or not (keluar / ".dokgen-manifest.json").exists():
        baru.simpan()
    return hasil
