"""Changing several files of a data folder all or nothing (what ``excel impor`` writes).

A journal (``.dokgen-impor`` in the data folder) first names every file to be written or removed
and every folder to be made. Each new file is then written whole next to its target, as
``.NAME.dokgen-baru``; only when all of them are written is each target kept as
``.NAME.dokgen-lama`` (a hard link, or a copy where links are not supported) and replaced by its
new file with one rename. Removing the journal is the moment the import happens; the kept files
go after it.

A failure at any step (disk full, permission denied, a file locked by another program) puts back
every kept file, removes what was made, and the folder is exactly as it was. A process killed
halfway leaves the journal: the next ``excel impor`` (:func:`pulihkan`) first puts the folder
back the same way, then imports again. The journal only ever names files inside the folder: a
journal naming anything else is refused, not followed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dokgen.errors import DataError, Location, Problem
from dokgen.excel.berkas import alasan_os
from dokgen.load import IMPOR_TERPUTUS
from dokgen.output import write_atomic

JURNAL = IMPOR_TERPUTUS
BARU = ".dokgen-baru"
LAMA = ".dokgen-lama"
NAMA = re.compile(r"(?:[a-z0-9][a-z0-9-]*/)?[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.yaml")
"""A file ``excel impor`` may write: ``dinas.yaml``, ``jabatan/07-kasubag-umum.yaml``, …"""
FOLDER = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class Entri:
    nama: str
    """Path inside the data folder, with '/'."""
    ada: bool
    """The file was there before the import."""


def aman(folder: Path, nama: str) -> Path:
    """``folder/nama`` when ``nama`` names a file that stays inside ``folder`` (no '..', not
    absolute, not through a linked folder that leads out); a DataError otherwise."""
    parts = PurePosixPath(nama).parts
    target = folder.joinpath(*parts)
    inside = (
        bool(NAMA.fullmatch(nama))
        and ".." not in parts
        and target.parent.resolve().is_relative_to(folder.resolve())
    )
    if not inside:
        raise DataError(
            [Problem(Location(folder), f"'{nama}' bukan nama berkas di dalam folder data")]
        )
    return target


def _samping(target: Path, akhiran: str) -> Path:
    return target.with_name(f".{target.name}{akhiran}")


def _gagal(folder: Path, path: Path, exc: OSError) -> DataError:
    return DataError(
        [
            Problem(
                Location(path),
                f"tidak dapat ditulis ({alasan_os(exc)}); impor dibatalkan dan folder data"
                f" {folder.name} tidak diubah",
            )
        ]
    )


def terapkan(folder: Path, perubahan: dict[str, bytes | None]) -> None:
    """Write (bytes) or remove (None) each file named relative to ``folder``: all or nothing."""
    if not perubahan:
        return
    targets = {nama: aman(folder, nama) for nama in perubahan}
    folders = sorted(
        {
            str(PurePosixPath(nama).parent)
            for nama, data in perubahan.items()
            if data is not None and not targets[nama].parent.is_dir()
        }
        - {"."}
    )
    for name in folders:
        if not FOLDER.fullmatch(name):
            raise DataError([Problem(Location(folder), f"'{name}' bukan nama folder data")])
    entries = [Entri(nama, os.path.lexists(targets[nama])) for nama in perubahan]
    new_folder = not folder.exists()
    journal = folder / JURNAL
    current = journal
    try:
        if new_folder:
            folder.mkdir(parents=True)
        for target in targets.values():  # left by an import whose cleanup was cut short
            _samping(target, BARU).unlink(missing_ok=True)
            _samping(target, LAMA).unlink(missing_ok=True)
        write_atomic(
            journal,
            json.dumps({"berkas": [[e.nama, e.ada] for e in entries], "folder": folders}).encode(),
        )
        for name in folders:
            current = folder / name
            current.mkdir()
        for nama, data in perubahan.items():
            if data is not None:
                current = targets[nama]
                _tulis_baru(_samping(current, BARU), data, current)
        for entry in entries:
            current = targets[entry.nama]
            if entry.ada:
                _simpan_lama(current, _samping(current, LAMA))
            if perubahan[entry.nama] is None:
                current.unlink()
            else:
                os.replace(_samping(current, BARU), current)
        journal.unlink()  # the import has happened
    except BaseException as exc:
        _kembalikan(folder, entries, folders)
        if new_folder:
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise _gagal(folder, current, exc) from None
        raise
    for entry in entries:
        with contextlib.suppress(OSError):
            _samping(targets[entry.nama], LAMA).unlink(missing_ok=True)


def _tulis_baru(path: Path, data: bytes, target: Path) -> None:
    """``data`` in a new file ``path`` with the permissions of ``target`` (if there is one)."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = 0o666
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)  # never through a link
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _simpan_lama(target: Path, backup: Path) -> None:
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:  # no hard links here (FAT, some network drives): a copy does the same
        shutil.copy2(target, backup, follow_symlinks=False)


def _sama(a: Path, b: Path) -> bool:
    sa, sb = os.lstat(a), os.lstat(b)
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def _kembalikan(folder: Path, entries: list[Entri], folders: list[str]) -> None:
    """Put the folder back as the journal says it was; what cannot be undone stays named in the
    journal (so the next import tries again) and is reported."""
    left: list[str] = []
    for entry in reversed(entries):
        target = folder.joinpath(*PurePosixPath(entry.nama).parts)
        backup = _samping(target, LAMA)
        try:
            if os.path.lexists(backup) and os.path.lexists(target) and _sama(backup, target):
                backup.unlink()  # not replaced yet (a rename onto its own link does nothing)
            elif os.path.lexists(backup):
                os.replace(backup, target)
            elif not entry.ada:
                target.unlink(missing_ok=True)
            _samping(target, BARU).unlink(missing_ok=True)
        except OSError:
            left.append(entry.nama)
    for name in reversed(folders):
        with contextlib.suppress(OSError):
            (folder / name).rmdir()  # only when empty: made by the import
    if not left:
        with contextlib.suppress(OSError):
            (folder / JURNAL).unlink(missing_ok=True)
        return
    raise DataError(
        [
            Problem(
                Location(folder / name),
                "impor terputus dan berkas ini belum dapat dikembalikan; tutup program yang"
                " memakainya, lalu jalankan impor lagi",
            )
            for name in left
        ]
    )


def pulihkan(folder: Path) -> bool:
    """Undo an import that was killed halfway (its journal is still there); True when one was.

    Kept and new files of an import that completed (its journal gone) are removed."""
    journal = folder / JURNAL
    if not journal.is_file():
        for sub in (folder, folder / "jabatan", folder / "realisasi"):
            for leftover in (*sub.glob(f".*{LAMA}"), *sub.glob(f".*{BARU}")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        return False
    try:
        record = json.loads(journal.read_bytes())
        entries = [Entri(str(n), bool(a)) for n, a in record["berkas"]]
        folders = [str(f) for f in record["folder"]]
    except (OSError, ValueError, TypeError, KeyError):
        raise DataError(
            [
                Problem(
                    Location(journal),
                    "catatan impor yang terputus rusak; periksa folder data lalu hapus berkas ini",
                )
            ]
        ) from None
    for entry in entries:
        aman(folder, entry.nama)
    for name in folders:
        if not FOLDER.fullmatch(name):
            raise DataError(
                [Problem(Location(journal), f"catatan impor menyebut folder '{name}' yang salah")]
            )
    _kembalikan(folder, entries, folders)
    return True


def masalah_salinan(folder: Path, perubahan: dict[str, bytes | None]) -> list[Problem]:
    """What the loader says of ``folder`` with ``perubahan`` made (new bytes, or None to remove,
    by path inside it), found on a copy: the folder itself is not touched. The problems name the
    files of ``folder``. Used before :func:`terapkan` by the Excel import and the web forms."""
    import tempfile

    from dokgen.load import load

    with tempfile.TemporaryDirectory(prefix="dokgen-salinan-") as tmp:
        work = Path(tmp) / (folder.name or "data")
        try:
            if folder.is_dir():
                ignore = shutil.ignore_patterns(JURNAL, f"*{BARU}", f"*{LAMA}")
                shutil.copytree(folder, work, ignore=ignore)
            else:
                work.mkdir()
            for name, content in perubahan.items():
                path = work / name
                if content is None:
                    path.unlink()
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(content)
        except (OSError, shutil.Error):
            message = (
                "folder data tidak dapat disalin untuk diperiksa (ada berkas yang tidak dapat"
                " dibaca); tidak ada yang diubah"
            )
            raise DataError([Problem(Location(folder), message)]) from None
        try:
            load(work, pembanding=False)
        except DataError as exc:
            return [_di_folder(p, work, folder) for p in exc.problems]
    return []


def _di_folder(problem: Problem, work: Path, folder: Path) -> Problem:
    """``problem`` naming the file of ``folder``, not of the copy it was found in."""
    file = problem.location.file
    if file.is_relative_to(work):
        file = folder / file.relative_to(work)
    return Problem(Location(file, problem.location.line), problem.message)
