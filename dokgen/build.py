"""The build: load → check → plan → render → combine → commit, read in :func:`build`.

Builds are incremental and reproducible. Each document's inputs — its context (exactly the data
it shows), its template file, its pictures, the paper and dokgen's own code — are hashed into a
fingerprint; a document whose fingerprint and file did not change since the last build
(:mod:`dokgen.manifest`) is not rendered again, and one rendered to the very bytes on disk is not
rewritten, so its time stays. Equal inputs always give equal bytes.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from dokgen import combine as combined
from dokgen import transaction
from dokgen.cache import Cache, code_fingerprint, file_sha, sha
from dokgen.checks import Finding, periksa
from dokgen.documents import kinds
from dokgen.documents.common import Dokumen, Kind, Plain
from dokgen.errors import DataError, Location, Problem
from dokgen.jabatan import card_blobs, decode, encode
from dokgen.load import DataDinas, load
from dokgen.manifest import Manifest
from dokgen.parallel import Workers
from dokgen.render import Halaman, Template
from dokgen.resources import TEMPLATES

STAGING = ".dokgen-sementara"
"""Folder inside the output folder where a build stages its files before moving them."""

Progress = Callable[[str, int, int], None]
"""Called as ``progress(what, done, total)`` while documents are rendered."""


@dataclass(frozen=True)
class BuildOptions:
    """How to build."""

    templates: Path = TEMPLATES
    progress: Progress | None = None
    kind: str | None = None
    """Build one kind of document only (a name of :data:`~dokgen.documents.MODULES`)."""
    triwulan: tuple[int, int] | None = None
    """(tahun, triwulan) of the one Laporan Kinerja to build; None: every quarter with data."""
    rebuild: bool = False
    """Render and rewrite everything, whatever the manifest says."""
    force: bool = False
    """Build even when the check finds galat."""
    jobs: int | None = None
    """Worker processes for rendering; None: every core."""

    def tell(self, what: str, done: int, total: int) -> None:
        if self.progress:
            self.progress(what, done, total)


class Refused(Exception):
    """The check found galat: nothing was built."""

    def __init__(self, galat: list[Finding]) -> None:
        super().__init__(f"{len(galat)} galat")
        self.galat = galat


@dataclass
class BuildResult:
    """What a build did, by output path."""

    folder: Path
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    """Kinds not built, with the reason."""
    other_quarters: set[str] = field(default_factory=set)
    """Documents of quarters ``--triwulan`` did not select: left as they are, not deleted."""

    @property
    def outputs(self) -> list[Path]:
        """Every output of this build, written or unchanged."""
        return self.written + self.unchanged

    @property
    def summary(self) -> str:
        return (
            f"ditulis {len(self.written)}, tidak berubah {len(self.unchanged)},"
            f" dihapus {len(self.deleted)}"
        )


@dataclass
class Planned:
    """A document of this build, with the fingerprint of its inputs."""

    kind: Kind
    doc: Dokumen
    key: str
    stale: bool
    sha: str = ""
    """SHA-256 of its bytes, once rendered (or as the manifest knows them)."""


def build(
    folder: Path, out: Path | None = None, options: BuildOptions | None = None
) -> BuildResult:
    """Build every document of the dinas in ``folder`` into ``out`` (default build/<folder>).

    On galat nothing is built (:class:`Refused`) unless ``options.force``. Documents are rendered
    into a staging folder and moved into place only when all of them succeeded: a failed build
    leaves the previous outputs as they were.
    """
    options = options or BuildOptions()
    with closing(Cache.open()) as cache, Workers(options.jobs) as workers:
        data = load(Path(folder), cache, workers=workers)
        check(data, options)
        out = out or Path("build") / data.nama_folder
        made = next((p for p in reversed([out, *out.parents]) if not p.exists()), None)
        try:
            with transaction.locked(out):
                return _build_into(out, data, cache, workers, options)
        except BaseException:
            if made is not None:  # a folder this build made: nothing is left of it
                shutil.rmtree(made, ignore_errors=True)
            raise


def _build_into(
    out: Path, data: DataDinas, cache: Cache, workers: Workers, options: BuildOptions
) -> BuildResult:
    staging = out / STAGING
    transaction.recover(out, staging)  # a build killed while moving its files into place
    shutil.rmtree(staging, ignore_errors=True)
    manifest = Manifest.read(out)
    source = str(data.folder.resolve())
    if manifest.data and manifest.data != source:
        message = (
            f"folder hasil ini dibuat dari data lain ({manifest.data}); pilih folder hasil lain"
            " dengan --keluar, atau hapus folder ini"
        )
        raise DataError([Problem(Location(out), message)])
    manifest.data = source
    result = BuildResult(out)
    planned = plan(data, manifest, options, result)
    try:
        render(planned, data, cache, staging, options, workers)
        combine(planned, cache, staging, manifest, options)
        commit(planned, staging, manifest, options, result)
    finally:  # nothing half-written is left behind (a failed commit was undone)
        if not transaction.pending(staging):
            shutil.rmtree(staging, ignore_errors=True)
    return result


def check(data: DataDinas, options: BuildOptions) -> None:
    """Refuse to build on galat (:class:`Refused`) unless forced; a quarter asked for must exist."""
    galat = periksa(data, hanya=["galat"])
    if galat and not options.force:
        raise Refused(galat)
    if options.triwulan and options.triwulan not in [(r.tahun, r.triwulan) for r in data.realisasi]:
        tahun, tw = options.triwulan
        where = Location(data.folder / "realisasi")
        raise DataError([Problem(where, f"tidak ada realisasi triwulan {tw} tahun {tahun}")])


def fingerprint(
    doc: Dokumen, template: str, halaman: Halaman, shared: dict[int, tuple[Plain, str]]
) -> str:
    """The hash of everything ``doc`` is made from; ``template`` is its template file's hash.

    ``shared`` remembers the hash of contexts shared by many documents (the cards'), by id —
    with the context itself, so that no other context can take its id while it is remembered.
    """
    remembered = shared.get(id(doc.context))
    if remembered is None:
        remembered = shared[id(doc.context)] = (doc.context, sha(encode(doc.context)))
    context = remembered[1]
    pictures = [
        (name, sha(g.data), g.tinggi_cm, g.keterangan) for name, g in sorted(doc.gambar.items())
    ]
    parts = [code_fingerprint(), template, repr(halaman), context, doc.cached or "", pictures]
    parts.append(repr(doc.properties))
    return sha(encode(parts))


def plan(
    data: DataDinas, manifest: Manifest, options: BuildOptions, result: BuildResult
) -> list[Planned]:
    """Every document of the kinds that apply, and whether it must be rendered."""
    halaman = data.dinas.pengaturan.halaman
    template_hash: dict[str, str] = {}
    shared: dict[int, tuple[Plain, str]] = {}
    planned = []
    for name, kind in kinds().items():
        if options.kind not in (None, name):
            continue
        reason = kind.missing(data)
        if reason:
            result.skipped[name] = reason
            continue
        if kind.template not in template_hash:
            template_hash[kind.template] = _file_hash(options.templates / kind.template)
        for doc in kind.documents(data):
            if options.triwulan and doc.triwulan not in (None, options.triwulan):
                result.other_quarters.add(doc.nama_berkas)
                continue
            key = fingerprint(doc, template_hash[kind.template], halaman, shared)
            stale = options.rebuild or not manifest.fresh(doc.nama_berkas, key)
            entry = manifest.entries.get(doc.nama_berkas)
            planned.append(Planned(kind, doc, key, stale, "" if stale or not entry else entry.sha))
    return planned


def _file_hash(path: Path) -> str:
    try:
        return sha(path.read_bytes())
    except OSError:
        return ""  # the template reports the missing file when it is compiled


# --- render -----------------------------------------------------------------------------------

Task = tuple[Path, Halaman, str, str, Dokumen, bytes | None, bool]
"""What a rendering process needs for one document: templates folder, paper, name, staged
file, the document, the jabatan part of its context (encoded: a card's) and whether its piece
for a combined document is wanted."""

_TEMPLATES: dict[Path, Template] = {}
"""Templates compiled in this process, by file."""


def _render_one(task: Task) -> tuple[str, str, bytes]:
    """Render one document to its staged file: (name, SHA-256 of its bytes, its piece)."""
    folder, halaman, name, staged, doc, card, with_piece = task
    path = folder / doc.template
    template = _TEMPLATES.get(path)
    if template is None:
        template = _TEMPLATES[path] = Template(path)
    context = {**doc.context, **decode(card)} if card is not None else doc.context
    blob, piece = template.render_dokumen(
        context, halaman, doc.gambar, properties=doc.properties, piece=with_piece
    )
    with open(staged, "wb") as fh:
        fh.write(blob)
    return name, sha(blob), piece


def render(
    planned: list[Planned],
    data: DataDinas,
    cache: Cache,
    staging: Path,
    options: BuildOptions,
    workers: Workers,
) -> None:
    """Render every stale document into ``staging``, across processes when there are many."""
    stale = [p for p in planned if p.stale]
    if not stale:
        return
    _TEMPLATES.clear()  # compiled anew: a template may have changed since the last build
    if not workers.pooled(len(stale)):  # (workers compile their own: this process needs none)
        for template in {p.doc.template for p in stale}:
            path = options.templates / template
            _TEMPLATES[path] = Template(path)  # a template error surfaces here, once
    for folder in {(staging / p.doc.nama_berkas).parent for p in stale}:
        folder.mkdir(parents=True, exist_ok=True)
    halaman = data.dinas.pengaturan.halaman

    def tasks() -> Iterator[Task]:
        for start in range(0, len(stale), 256):
            batch = stale[start : start + 256]
            cards = card_blobs(data, [p.doc.cached for p in batch if p.doc.cached], cache)
            for p in batch:
                staged = os.fspath(staging / p.doc.nama_berkas)
                card = cards[p.doc.cached] if p.doc.cached else None
                piece = p.kind.combined is not None
                yield (options.templates, halaman, p.doc.nama_berkas, staged, p.doc, card, piece)

    by_name = {p.doc.nama_berkas: p for p in stale}
    pieces = []
    results = workers.imap(_render_one, tasks(), len(stale))
    for done, (name, digest, piece) in enumerate(results, start=1):
        by_name[name].sha = digest
        if piece:
            pieces.append((_piece_key(digest), piece))
            if len(pieces) >= 512:  # kept in the cache as they come: memory stays flat
                cache.put_many(pieces)
                pieces.clear()
        options.tell(by_name[name].kind.label, done, len(stale))
    cache.put_many(pieces)


# --- combine ----------------------------------------------------------------------------------


def combine(
    planned: list[Planned], cache: Cache, staging: Path, manifest: Manifest, options: BuildOptions
) -> None:
    """Stage the combined document of every kind that has one, unless it is up to date."""
    for kind in kinds().values():
        cards = [p for p in planned if p.kind is kind]
        if not kind.combined or not cards:
            continue
        key = sha(" ".join([code_fingerprint(), *(p.sha for p in cards)]).encode())
        stale = options.rebuild or not manifest.fresh(kind.combined, key)
        whole = Planned(kind, Dokumen(kind.combined, kind.template, {}), key, stale)
        planned.append(whole)
        if stale:
            target = staging / kind.combined
            combined.combine(
                _where(cards[0], staging, manifest),
                _pieces(cards, cache, staging, manifest),
                target,
            )
            whole.sha = file_sha(target)
        else:
            whole.sha = manifest.entries[kind.combined].sha


def _piece_key(card: str) -> str:
    """The cache key of the piece of the card whose bytes hash to ``card``: the piece is made
    by this code (a card's bytes alone do not say how its piece ends)."""
    return f"piece {code_fingerprint()} {card}"


def _where(p: Planned, staging: Path, manifest: Manifest) -> Path:
    """The file of a document of this build: staged, or in place from an earlier build."""
    return (staging if p.stale else manifest.folder) / p.doc.nama_berkas


def _pieces(
    cards: list[Planned], cache: Cache, staging: Path, manifest: Manifest
) -> Iterator[bytes]:
    """The piece of every card, from the cache or else from the card's file."""
    for start in range(0, len(cards), 512):
        batch = cards[start : start + 512]
        found = cache.get_many([_piece_key(p.sha) for p in batch])
        for p in batch:
            piece = found.get(_piece_key(p.sha))
            yield piece or combined.piece_of(_where(p, staging, manifest))


# --- commit -----------------------------------------------------------------------------------


def commit(
    planned: list[Planned],
    staging: Path,
    manifest: Manifest,
    options: BuildOptions,
    result: BuildResult,
) -> None:
    """Move the staged documents into place, delete the outputs the data no longer makes, and
    write the manifest — all or nothing (:mod:`dokgen.transaction`)."""
    out = manifest.folder
    moves, made = [], []
    for p in planned:
        name = p.doc.nama_berkas
        if p.stale:
            old = manifest.entries.get(name)
            if options.rebuild or old is None or old.sha != p.sha or not manifest.intact(name):
                moves.append(name)
            made.append(p)
        else:
            result.unchanged.append(out / name)
    # Outputs of earlier builds that the data no longer makes (a jabatan removed …): only files
    # in the manifest (made by dokgen), and only of the kinds this build covers; reports of
    # quarters not selected by --triwulan (and the annual report) still belong to the data.
    kept = {p.doc.nama_berkas for p in planned} | result.other_quarters
    covered = {name for name in kinds() if options.kind in (None, name)}
    deletes = [
        n for n, e in sorted(manifest.entries.items()) if n not in kept and e.kind in covered
    ]

    def write_manifest() -> None:
        for p in made:
            manifest.record(p.doc.nama_berkas, p.kind.name, p.key, p.sha)
        for name in deletes:
            del manifest.entries[name]
        manifest.write()

    transaction.commit(out, staging, moves, deletes, write_manifest)
    moved = set(moves)
    result.written += [out / p.doc.nama_berkas for p in made if p.doc.nama_berkas in moved]
    result.unchanged += [out / p.doc.nama_berkas for p in made if p.doc.nama_berkas not in moved]
    result.deleted += [out / name for name in deletes]
    for path in result.deleted:  # a PDF of a document that is gone goes with it
        path.with_suffix(".pdf").unlink(missing_ok=True)
