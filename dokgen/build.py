"""The build pipeline: load → check → render → write, for every document of a dinas.

Builds are incremental and reproducible. Each output's inputs are fingerprinted
(:mod:`dokgen.manifest`); an output whose inputs did not change is not rendered again, and a
rendered output whose bytes equal the file on disk is not rewritten, so its mtime stays.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from dokgen import gabungan, massal
from dokgen.checks import Finding, periksa_bagian
from dokgen.documents import dokumen_iku, iki, keputusan, lkj
from dokgen.documents.umum import Dokumen
from dokgen.errors import DataError, Location, Problem
from dokgen.gabungan import Susunan
from dokgen.load import DataDinas
from dokgen.manifest import Manifest, sha, sidik
from dokgen.render import Halaman, Template
from dokgen.resources import TEMPLATES as TEMPLATES
from dokgen.workers import gc_frozen, peta

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
    tetap: list[str] = field(default_factory=list)
    """Names (inside ``folder``) of the outputs left as they were: thousands of cards, so
    made into paths only when asked for (:attr:`tidak_berubah`)."""
    dihapus: list[Path] = field(default_factory=list)
    dilewati: dict[str, str] = field(default_factory=dict)
    """Kinds not built, with the reason."""

    @property
    def tidak_berubah(self) -> list[Path]:
        return [self.folder / name for name in self.tetap]

    @property
    def berkas(self) -> list[Path]:
        """Every output of this build, written or unchanged."""
        return self.ditulis + self.tidak_berubah

    @property
    def ringkasan(self) -> str:
        return (
            f"ditulis {len(self.ditulis)}, tidak berubah {len(self.tetap)},"
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
        lambda d, o: [],  # rendered in bulk while the jabatan are read (dokgen.massal)
        lambda d: None if d.ringkasan else "tidak ada jabatan/*.yaml",
        gabungan=iki.GABUNGAN,
    ),
}
"""Every document kind dokgen builds, in build order."""


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
            self._compiled[name] = Template.muat(self.folder / name)
        return self._compiled[name]


@dataclass(frozen=True)
class _Tugas:
    """One document to render: where to stage it and what to render."""

    nama_berkas: str
    template: str
    context: dict
    gambar: dict
    staged: Path


def _render_all(
    tasks: list[_Tugas], templates: _Templates, halaman: Halaman, opsi: Opsi, label: str
) -> dict[str, str]:
    """Render ``tasks`` across ``opsi.jobs`` processes, streaming each result to disk."""

    def render(index: int) -> tuple[str, str]:
        tugas = tasks[index]
        blob = templates.get(tugas.template).render(tugas.context, halaman, tugas.gambar)
        tugas.staged.parent.mkdir(parents=True, exist_ok=True)
        tugas.staged.write_bytes(blob)
        return tugas.nama_berkas, sha(blob)

    shas: dict[str, str] = {}
    for done, (name, digest) in enumerate(peta(render, len(tasks), opsi.jobs), start=1):
        shas[name] = digest
        opsi.tell(label, done, len(tasks))
    return shas


def build(
    folder: Path,
    keluar: Path | None = None,
    opsi: Opsi | None = None,
    hanya: str | None = None,
    paksa: bool = False,
) -> Hasil:
    """Build every document of the dinas in ``folder`` into ``keluar`` (default build/<folder>).

    The check runs on everything: on galat nothing is built (:class:`Ditolak`) unless ``paksa``.
    Documents are rendered into a staging folder first (in parallel, streaming — memory does not
    grow with their number) and moved into place only when all succeeded and the check passed,
    each file atomically: a failed build leaves the previous outputs as they were.
    """
    with gc_frozen():
        return _build_folder(Path(folder), keluar, opsi or Opsi(), hanya, paksa)


def _build_folder(
    folder: Path, keluar: Path | None, opsi: Opsi, hanya: str | None, paksa: bool
) -> Hasil:
    data = massal.bersama(folder)
    if opsi.triwulan and opsi.triwulan not in [(r.tahun, r.triwulan) for r in data.realisasi]:
        tahun, tw = opsi.triwulan
        where = Location(data.folder / "realisasi")
        raise DataError([Problem(where, f"tidak ada realisasi triwulan {tw} tahun {tahun}")])

    keluar = keluar or Path("build") / data.nama_folder
    staging = keluar / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    baru = next((p for p in reversed([staging, *staging.parents]) if not p.exists()), None)
    try:
        hasil = _build(data, keluar, staging, opsi, hanya, paksa)
    except BaseException:
        # Nothing half-written: folders this build made for its staging go too.
        shutil.rmtree(baru or staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return hasil


def _build(
    data: DataDinas, keluar: Path, staging: Path, opsi: Opsi, hanya: str | None, paksa: bool
) -> Hasil:
    hasil = Hasil(keluar)
    lama = Manifest.baca(keluar)
    baru = lama.salin(kosong=opsi.semua)
    templates = _Templates(opsi.templates)
    halaman = data.dinas.pengaturan.halaman

    cetak = None
    if hanya in (None, "iki"):
        kunci = sidik(iki.bersama(data), templates.sidik(iki.TEMPLATE), halaman)
        template = partial(templates.get, iki.TEMPLATE)
        cetak = massal.Cetak(template, kunci, halaman, staging, lama, opsi.semua)
    label = JENIS["iki"].label
    olahan = massal.olah(data, cetak, opsi.jobs, lambda done, total: opsi.tell(label, done, total))
    galat = periksa_bagian(data, olahan.temuan(hanya_galat=True), hanya=["galat"])
    if galat and not paksa:
        raise Ditolak(galat)

    dibuat: list[str] = []
    staged: dict[str, str] = {}  # name → sha of the newly rendered bytes
    for kind, jenis in JENIS.items():
        if hanya and kind != hanya:
            continue
        reason = jenis.kurang(data)
        if reason:
            hasil.dilewati[kind] = reason
            continue
        if kind == "iki" and cetak:
            keys, rendered = olahan.kartu, olahan.dirender
        else:
            keys, rendered = _render_kind(data, jenis, templates, halaman, staging, lama, opsi)
        dibuat += keys
        for name, digest in rendered.items():
            baru.catat(name, kind, keys[name], digest)
        staged.update(rendered)
        if jenis.gabungan and keys:
            key = sha("\n".join(keys.values()).encode())  # the cards' keys, in order
            dibuat.append(jenis.gabungan)
            if opsi.semua or not lama.segar(jenis.gabungan, key):
                staged[jenis.gabungan] = _gabung(jenis.gabungan, kind, key, keys, rendered, baru)

    moved = set()
    for name in [name for name in dibuat if name in staged]:
        old = lama.entri(name)
        if opsi.semua or old is None or old.keluaran != staged[name] or not lama.utuh(name):
            path = keluar / name
            path.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, path)
            hasil.ditulis.append(path)
            moved.add(name)
        baru.stempel(name)  # also one made again just as it was: its entry was renewed
    hasil.tetap = [name for name in dibuat if name not in moved]
    # Outputs of earlier builds that the data no longer supports: jabatan removed, … Only files
    # in the manifest (made by dokgen) are deleted, and only of the kinds this build covers;
    # reports of quarters not selected by --triwulan still belong to the data.
    considered = {kind for kind in JENIS if not hanya or kind == hanya}
    masih = set(dibuat) | {lkj.nama_berkas(r) for r in data.realisasi}
    for name in sorted(lama.nama() - masih):
        if lama.entri(name).jenis in considered:  # type: ignore[union-attr]
            (keluar / name).unlink(missing_ok=True)
            baru.hapus(name)
            hasil.dihapus.append(keluar / name)
    baru.simpan()
    return hasil


def _gabung(
    name: str, kind: str, key: str, keys: dict[str, str], rendered: dict[str, str], baru: Manifest
) -> str:
    """Stage the combined document of the cards ``keys``; reuse the previous one's pieces."""
    keluar = baru.folder
    staging = keluar / STAGING
    kartu = list(keys)
    kept = iter(baru.keluaran([n for n in kartu if n not in rendered]))
    sha = [rendered[n] if n in rendered else next(kept) for n in kartu]

    def berkas(j: int) -> str:
        return f"{staging if kartu[j] in rendered else keluar}/{kartu[j]}"

    target = staging / name
    target.parent.mkdir(parents=True, exist_ok=True)
    previous = keluar / name if baru.utuh(name) else None
    susunan = gabungan.gabung(kartu, sha, berkas, target, previous, Susunan.buka(baru.lain(name)))
    digest = gabungan.sidik(susunan)
    baru.catat(name, kind, key, digest, susunan.kemas())
    return digest


def _render_kind(
    data: DataDinas,
    jenis: Jenis,
    templates: _Templates,
    halaman: Halaman,
    staging: Path,
    lama: Manifest,
    opsi: Opsi,
) -> tuple[dict[str, str], dict[str, str]]:
    """Render the documents of one kind that are not up to date: (keys, shas) by name."""
    keys = {}
    tasks = []
    for doc in jenis.dokumen(data, opsi):
        key = sidik(doc.context, doc.gambar, templates.sidik(doc.template), halaman)
        keys[doc.nama_berkas] = key
        if opsi.semua or not lama.segar(doc.nama_berkas, key):
            staged = staging / doc.nama_berkas
            tasks.append(_Tugas(doc.nama_berkas, doc.template, doc.context, doc.gambar, staged))
    if tasks:
        templates.get(tasks[0].template)  # a template error surfaces here, before forking
    return keys, _render_all(tasks, templates, halaman, opsi, jenis.label)
