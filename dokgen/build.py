"""The build pipeline: load → check → render → write, for every document of a dinas.

Builds are incremental and reproducible. Each output's inputs are fingerprinted
(:mod:`dokgen.manifest`); an output whose inputs did not change is not rendered again, and a
rendered output whose bytes equal the file on disk is not rewritten, so its mtime stays.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dokgen.checks import Finding, periksa
from dokgen.documents import dokumen_iku, iki, keputusan, lkj
from dokgen.documents.umum import Dokumen
from dokgen.errors import DataError, Lokasi, Masalah
from dokgen.load import DataDinas, load
from dokgen.manifest import NAMA, Manifest, sha, sidik
from dokgen.paket import ZIP_TIME, baca
from dokgen.render import Halaman, Template

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STAGING = ".dokgen-sementara"
"""Folder inside the output folder where a build stages its files before moving them."""

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
    jobs: int | None = None
    """Worker processes for rendering; None: every core."""

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


_BODY = re.compile(rb"<w:body\b[^>]*>(.*)</w:body>", re.DOTALL)
_LAST_SECTION = re.compile(rb"<w:sectPr\b(?:(?!<w:sectPr\b).)*</w:sectPr>\s*$", re.DOTALL)
_FIRST_PPR = re.compile(rb"<w:pPr>(<w:pStyle [^>]*/>)?")


def gabung(parts: Iterable[Path], target: Path) -> None:
    """One document holding every given document, each starting on a new page.

    The documents must come from one template (same styles, numbering and section): their
    bodies are streamed one after another into the first one's package, so memory does not
    grow with their number. (docxcompose merges documents of different templates, re-mapping
    styles and numbering for each; that costs seconds for a few dozen cards.)
    """
    paths = list(parts)
    first = baca(paths[0].read_bytes())
    document = first["word/document.xml"]
    head = document[: document.index(b"<w:body")]
    section = _LAST_SECTION.search(_BODY.search(document).group(1)).group(0)
    info = zipfile.ZipInfo("word/document.xml", ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(target, "w") as archive:
        with archive.open(info, "w") as out:
            out.write(head + b"<w:body>")
            for number, path in enumerate(paths):
                with zipfile.ZipFile(path) as card:
                    body = _BODY.search(card.read("word/document.xml")).group(1)
                body = _LAST_SECTION.sub(b"", body)
                if number:
                    body = _FIRST_PPR.sub(lambda m: m.group(0) + b"<w:pageBreakBefore/>", body, 1)
                out.write(body)
            out.write(section + b"</w:body></w:document>")
        for name, data in first.items():
            if name != "word/document.xml":
                part = zipfile.ZipInfo(name, ZIP_TIME)
                part.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(part, data)


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


@dataclass(frozen=True)
class _Tugas:
    """One document to render: where to stage it and what to render."""

    nama_berkas: str
    template: str
    context: dict
    gambar: dict
    staged: Path


_WORKER: dict[str, Any] = {}
"""What worker processes render: set before the pool forks, so tasks travel by index and no
context is pickled."""


def _worker_init(templates: Path, halaman: Halaman, tasks: list[_Tugas]) -> None:
    _WORKER["templates"] = _Templates(templates)
    _WORKER["halaman"] = halaman
    _WORKER["tasks"] = tasks


def _render_index(index: int) -> tuple[str, str]:
    return _render_one(_WORKER["tasks"][index])


def _render_one(tugas: _Tugas) -> tuple[str, str]:
    """Render one document into its staging file (in a worker or here); return its sha."""
    templates: _Templates = _WORKER["templates"]
    blob = templates.get(tugas.template).render(tugas.context, _WORKER["halaman"], tugas.gambar)
    tugas.staged.parent.mkdir(parents=True, exist_ok=True)
    tugas.staged.write_bytes(blob)
    return tugas.nama_berkas, sha(blob)


def _render_all(tasks: list[_Tugas], opsi: Opsi, halaman: Halaman, label: str) -> dict[str, str]:
    """Render ``tasks`` across ``opsi.jobs`` processes, streaming each result to disk."""
    jobs = min(opsi.jobs or os.cpu_count() or 1, max(1, len(tasks) // 20))
    _worker_init(opsi.templates, halaman, tasks)  # inherited by the forked workers
    if jobs <= 1:
        results = map(_render_one, tasks)
        pool = None
    else:
        pool = multiprocessing.get_context("fork").Pool(
            jobs, _worker_init, (opsi.templates, halaman, tasks)
        )
        results = pool.imap_unordered(_render_index, range(len(tasks)), chunksize=16)
    shas: dict[str, str] = {}
    try:
        for done, (name, digest) in enumerate(results, start=1):
            shas[name] = digest
            opsi.tell(label, done, len(tasks))
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return shas


def build(
    folder: Path,
    keluar: Path | None = None,
    opsi: Opsi | None = None,
    hanya: str | None = None,
    paksa: bool = False,
) -> Hasil:
    """Build every document of the dinas in ``folder`` into ``keluar`` (default build/<folder>).

    The check runs first: on galat nothing is built (:class:`Ditolak`) unless ``paksa``.
    Documents are rendered into a staging folder first (in parallel, streaming — memory does not
    grow with their number) and moved into place only when all succeeded, each file atomically:
    a failed build leaves the previous outputs as they were.
    """
    opsi = opsi or Opsi()
    data = load(folder)
    galat = periksa(data, hanya=["galat"])
    if galat and not paksa:
        raise Ditolak(galat)
    if opsi.triwulan and opsi.triwulan not in [(r.tahun, r.triwulan) for r in data.realisasi]:
        tahun, tw = opsi.triwulan
        where = Lokasi(data.folder / "realisasi")
        raise DataError([Masalah(where, f"tidak ada realisasi triwulan {tw} tahun {tahun}")])

    keluar = keluar or Path("build") / data.nama_folder
    staging = keluar / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    try:
        return _build(data, keluar, staging, opsi, hanya)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build(data: DataDinas, keluar: Path, staging: Path, opsi: Opsi, hanya: str | None) -> Hasil:
    hasil = Hasil(keluar)
    lama = Manifest.baca(keluar)
    baru = Manifest(keluar, {} if opsi.semua else dict(lama.entries))
    templates = _Templates(opsi.templates)
    halaman = data.dinas.pengaturan.halaman
    dibuat: list[str] = []
    staged: dict[str, str] = {}  # name → sha of the newly rendered bytes

    for kind, jenis in JENIS.items():
        if hanya and kind != hanya:
            continue
        reason = jenis.kurang(data)
        if reason:
            hasil.dilewati[kind] = reason
            continue
        docs = jenis.dokumen(data, opsi)
        keys = {}
        tasks = []
        for doc in docs:
            key = sidik(doc.context, doc.gambar, templates.sidik(doc.template), halaman)
            keys[doc.nama_berkas] = key
            dibuat.append(doc.nama_berkas)
            if opsi.semua or not lama.segar(doc.nama_berkas, key):
                tasks.append(
                    _Tugas(
                        doc.nama_berkas,
                        doc.template,
                        doc.context,
                        doc.gambar,
                        staging / doc.nama_berkas,
                    )
                )
        if tasks:
            templates.get(tasks[0].template)  # a template error surfaces here, before forking
        rendered = _render_all(tasks, opsi, halaman, jenis.label)
        for name, digest in rendered.items():
            baru.catat(name, kind, keys[name], digest)
        staged.update(rendered)
        if jenis.gabungan and docs:
            key = sidik(list(keys.values()))
            dibuat.append(jenis.gabungan)
            if opsi.semua or not lama.segar(jenis.gabungan, key):
                parts = [
                    staging / d.nama_berkas if d.nama_berkas in rendered else keluar / d.nama_berkas
                    for d in docs
                ]
                target = staging / jenis.gabungan
                target.parent.mkdir(parents=True, exist_ok=True)
                gabung(parts, target)
                digest = sha(target.read_bytes())
                baru.catat(jenis.gabungan, kind, key, digest)
                staged[jenis.gabungan] = digest

    for name in dibuat:
        path = keluar / name
        old = lama.entries.get(name, {})
        if name in staged and (
            opsi.semua or old.get("keluaran") != staged[name] or not path.is_file()
        ):
            path.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, path)
            hasil.ditulis.append(path)
        else:
            hasil.tidak_berubah.append(path)
    # Outputs of earlier builds that the data no longer supports: jabatan removed, … Only files
    # in the manifest (made by dokgen) are deleted, and only of the kinds this build covers;
    # reports of quarters not selected by --triwulan still belong to the data.
    considered = {kind for kind in JENIS if not hanya or kind == hanya}
    masih = set(dibuat) | {lkj.nama_berkas(r) for r in data.realisasi}
    for name, entry in lama.entries.items():
        if entry.get("jenis") in considered and name not in masih:
            (keluar / name).unlink(missing_ok=True)
            baru.entries.pop(name, None)
            hasil.dihapus.append(keluar / name)
    if hasil.ditulis or hasil.dihapus or not (keluar / NAMA).exists():
        baru.simpan()
    return hasil
