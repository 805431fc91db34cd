"""What changed between two versions of a dinas's data, in domain terms.

``bandingkan(lama, baru)`` lists indicators, sasaran, programs, kegiatan, jabatan and IKI rows
that were added, removed or changed, field by field (a target per year, a formula, a name).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from dokgen.errors import DataError, Location, Problem
from dokgen.format import KOSONG, angka_tertulis, rupiah
from dokgen.load import DataDinas, semua_indikator
from dokgen.model import Formula, Indikator, IndikatorIKI, Jabatan, Kegiatan, Renstra

Jenis = Literal["ditambah", "dihapus", "diubah"]


@dataclass(frozen=True)
class Perubahan:
    """One change: what (objek, bagian), before and after, and a sentence saying it."""

    jenis: Jenis
    objek: str
    bagian: str
    sebelum: str
    sesudah: str

    @property
    def keterangan(self) -> str:
        what = f"{self.bagian} {self.objek}" if self.bagian else self.objek
        return {"ditambah": "Ditambah", "dihapus": "Dihapus", "diubah": "Diubah"}[
            self.jenis
        ] + f": {what}"

    def as_dict(self) -> dict[str, str]:
        return {**asdict(self), "keterangan": self.keterangan}


def teks_formula(formula: Formula | None) -> str:
    if formula is None:
        return KOSONG
    if formula.pecahan:
        return f"{formula.pembilang} / {formula.penyebut} {formula.pengali_teks}".strip()
    return formula.teks or KOSONG


def _nilai(value: Any) -> str:
    if value is None or value == "":
        return KOSONG
    if isinstance(value, Decimal):
        return angka_tertulis(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or KOSONG
    return str(value)


def _fields(
    objek: str, old: Any, new: Any, fields: Iterable[tuple[str, Callable[[Any], Any]]]
) -> Iterator[Perubahan]:
    for bagian, get in fields:
        before, after = _nilai(get(old)), _nilai(get(new))
        if before != after:
            yield Perubahan("diubah", objek, bagian, before, after)


def _keyed(
    objek: Callable[[Any], str],
    old: dict[str, Any],
    new: dict[str, Any],
    same: Callable[[str, Any, Any], Iterator[Perubahan]],
    label: Callable[[Any], str],
) -> Iterator[Perubahan]:
    """Added, removed and changed items of two mappings keyed by kode, in the new order."""
    for key, item in old.items():
        if key not in new:
            yield Perubahan("dihapus", objek(item), "", label(item), KOSONG)
    for key, item in new.items():
        if key not in old:
            yield Perubahan("ditambah", objek(item), "", KOSONG, label(item))
        else:
            yield from same(objek(item), old[key], item)


def _indikator(objek: str, old: Indikator, new: Indikator) -> Iterator[Perubahan]:
    yield from _fields(
        objek,
        old,
        new,
        [
            ("uraian", lambda i: i.uraian),
            ("satuan", lambda i: i.satuan),
            ("formula", lambda i: teks_formula(i.formula)),
            ("sumber data", lambda i: i.sumber_data),
            ("polaritas", lambda i: i.polaritas),
            ("tahun dasar", lambda i: i.tahun_dasar),
        ],
    )
    for year in sorted(set(old.target) | set(new.target)):
        before, after = _nilai(old.target.get(year)), _nilai(new.target.get(year))
        if before != after:
            yield Perubahan("diubah", objek, f"target {year}", before, after)


def _iki_rows(jabatan: Jabatan) -> dict[str, tuple[str, IndikatorIKI]]:
    return {row.kode or row.uraian: (s.sasaran, row) for s in jabatan.iki for row in s.indikator}


def _jabatan(objek: str, old: Jabatan, new: Jabatan) -> Iterator[Perubahan]:
    yield from _fields(
        objek,
        old,
        new,
        [
            ("nama", lambda j: j.nama),
            ("atasan", lambda j: j.atasan),
            ("tugas", lambda j: j.tugas),
            ("fungsi", lambda j: j.fungsi),
        ],
    )
    old_rows, new_rows = _iki_rows(old), _iki_rows(new)

    def row_changes(
        row_objek: str, a: tuple[str, IndikatorIKI], b: tuple[str, IndikatorIKI]
    ) -> Iterator[Perubahan]:
        yield from _fields(
            row_objek,
            a,
            b,
            [
                ("sasaran", lambda r: r[0]),
                ("formula", lambda r: teks_formula(r[1].formula)),
                ("sumber data", lambda r: r[1].sumber_data),
                ("mendukung", lambda r: r[1].mendukung),
            ],
        )

    yield from _keyed(
        lambda r: f"baris IKI '{r[1].uraian}' jabatan {new.nama}",
        old_rows,
        new_rows,
        row_changes,
        lambda r: r[1].uraian,
    )


def bandingkan(lama: DataDinas, baru: DataDinas) -> list[Perubahan]:
    """Every change from ``lama`` to ``baru``."""
    changes: list[Perubahan] = []
    changes += _fields(
        "Kepala Dinas",
        lama.dinas.kepala,
        baru.dinas.kepala,
        [
            ("nama", lambda p: p.nama),
            ("pangkat", lambda p: p.pangkat),
            ("NIP", lambda p: p.nip),
        ],
    )
    old_r, new_r = lama.renstra, baru.renstra
    if old_r and new_r:
        changes += _fields(
            "Renstra",
            old_r,
            new_r,
            [
                ("periode", lambda r: f"{r.periode.awal}–{r.periode.akhir}"),
                ("visi", lambda r: r.visi),
            ],
        )
        changes += _keyed(
            lambda s: f"sasaran {s.kode}",
            {s.kode: s for s in old_r.semua_sasaran},
            {s.kode: s for s in new_r.semua_sasaran},
            lambda o, a, b: _fields(o, a, b, [("uraian", lambda s: s.uraian)]),
            lambda s: s.uraian,
        )
        changes += _keyed(
            lambda i: f"indikator {i.kode}",
            {i.kode: i for i in semua_indikator(old_r)},
            {i.kode: i for i in semua_indikator(new_r)},
            _indikator,
            lambda i: i.uraian,
        )
        changes += _keyed(
            lambda p: f"program {p.kode}",
            {p.kode: p for p in old_r.program},
            {p.kode: p for p in new_r.program},
            lambda o, a, b: _fields(
                o,
                a,
                b,
                [
                    ("nama", lambda p: p.nama),
                    ("sasaran", lambda p: p.sasaran),
                    ("IKU", lambda p: p.iku),
                ],
            ),
            lambda p: p.nama,
        )
        changes += _keyed(
            lambda k: f"kegiatan {k.kode}",
            _semua_kegiatan(old_r),
            _semua_kegiatan(new_r),
            _kegiatan,
            lambda k: k.nama,
        )
    changes += _keyed(
        lambda j: f"jabatan {j.kode}",
        {j.kode: j for j in lama.jabatan},
        {j.kode: j for j in baru.jabatan},
        _jabatan,
        lambda j: j.nama,
    )
    return changes


def _semua_kegiatan(renstra: Renstra) -> dict[str, Kegiatan]:
    return {k.kode: k for p in renstra.program for k in p.kegiatan}


def _kegiatan(objek: str, old: Kegiatan, new: Kegiatan) -> Iterator[Perubahan]:
    yield from _fields(objek, old, new, [("nama", lambda k: k.nama)])
    for year in sorted(set(old.pagu) | set(new.pagu)):
        before, after = old.pagu.get(year), new.pagu.get(year)
        if before != after:
            yield Perubahan("diubah", objek, f"pagu {year}", rupiah(before), rupiah(after))


def matriks(changes: list[Perubahan]) -> list[dict[str, str]]:
    """Rows of a matriks perubahan (sebelum / sesudah / keterangan)."""
    return [
        {
            "no": str(number),
            "uraian": f"{c.objek} — {c.bagian}" if c.bagian else c.objek,
            "sebelum": c.sebelum,
            "sesudah": c.sesudah,
            "keterangan": c.keterangan,
        }
        for number, c in enumerate(changes, start=1)
    ]


def folder_dari(spec: str, tmp: Path) -> Path:
    """A data folder: a path, or ``REVISI:folder`` naming that folder at a git revision.

    The revision is extracted into ``tmp``. It can never become an option of git (one starting
    with ``-`` is refused), the folder must lie inside the repository of the working folder, and
    every failure (no git, no repository, no such revision or folder) is an Indonesian sentence.
    """
    path = Path(spec)
    if path.is_dir() or ":" not in spec or _drive_path(spec):
        return path
    rev, _, inner = spec.partition(":")

    def refuse(message: str) -> DataError:
        return DataError([Problem(Location(Path(spec)), message)])

    if not rev or rev.startswith("-"):
        raise refuse(
            f"revisi '{rev}' tidak sah: tulis REVISI:folder, mis. HEAD~1:data/malang-diskopum"
        )
    root = _git_root(refuse)
    folder = (Path.cwd() / (inner or ".")).resolve()
    if not folder.is_relative_to(root):
        raise refuse(f"folder '{inner}' berada di luar repositori git {root}")
    relative = folder.relative_to(root).as_posix()
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{tree}}"], root).returncode:
        raise refuse(f"revisi '{rev}' tidak ada di repositori git {root}")
    archive = _git(["archive", "--format=tar", rev, "--", relative], root)
    if archive.returncode:
        raise refuse(f"folder '{relative}' tidak ada di revisi '{rev}'")
    try:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
    except (tarfile.TarError, OSError) as exc:
        raise refuse(f"isi revisi '{rev}' tidak dapat dibuka ({type(exc).__name__})") from None
    return tmp / relative


def _drive_path(spec: str) -> bool:
    """``C:\\data\\x`` on Windows is a path, not revision ``C``."""
    return sys.platform == "win32" and re.match(r"[A-Za-z]:[\\/]", spec) is not None


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run git in ``cwd``; pathspecs are taken literally (no ``:(magic)``, no globs)."""
    return subprocess.run(
        ["git", "--literal-pathspecs", *args],
        cwd=cwd,
        capture_output=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def _git_root(refuse: Callable[[str], DataError]) -> Path:
    """The top folder of the git repository holding the working folder."""
    try:
        top = _git(["rev-parse", "--show-toplevel"], Path.cwd())
    except OSError:
        raise refuse(
            "git tidak ditemukan: pasang git (https://git-scm.com) untuk membandingkan dengan"
            " revisi, atau bandingkan dua folder data"
        ) from None
    if top.returncode or not top.stdout.strip():
        raise refuse(
            f"folder kerja {Path.cwd()} bukan bagian dari repositori git; jalankan dokgen di"
            " dalam repositori, atau bandingkan dua folder data"
        )
    return Path(os.fsdecode(top.stdout.strip())).resolve()
