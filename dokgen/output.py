"""Writing outputs: safe file names and atomic writes."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}
MAX_STEM = 80
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SLUGS = re.compile(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*\n)*")
"""Names that are each a :data:`_SLUG`, one per line."""


def nama_berkas(nomor: int, nama: str, ext: str = ".docx") -> str:
    """A file name safe on Windows, macOS and Linux, ordered by ``nomor``.

    ``nama_berkas(7, "Kasubag: Umum/Kepegawaian")`` → ``07-kasubag-umum-kepegawaian.docx``.
    """
    return nama_berkas_semua([(nomor, nama)], ext)[0]


def nama_berkas_semua(
    items: Iterable[tuple[int, str]], ext: str = ".docx", folder: str = ""
) -> list[str]:
    """:func:`nama_berkas` of every (nomor, nama) of ``items`` (thousands of cards), each
    after ``folder``."""
    items = list(items)
    names = [nama for _, nama in items]
    joined = "\n".join(names) + "\n"
    if (
        _SLUGS.fullmatch(joined)
        and joined.count("\n") == len(names)  # no name of two lines
        and _RESERVED.isdisjoint(names)
        and max(map(len, names), default=0) <= MAX_STEM
    ):  # every name safe already, as jabatan kode are: checked all at once
        return [f"{folder}{nomor:02d}-{nama}{ext}" for nomor, nama in items]
    return [
        f"{folder}{nomor:02d}-{nama if _aman(nama) else _slug(nama)}{ext}" for nomor, nama in items
    ]


def _aman(nama: str) -> bool:
    """True when ``nama`` is a safe file name stem as it is."""
    return bool(_SLUG.fullmatch(nama)) and len(nama) <= MAX_STEM and nama not in _RESERVED


def _slug(nama: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", nama).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:MAX_STEM].rstrip("-")
    if not slug or slug in _RESERVED:
        slug = f"berkas-{slug}" if slug else "berkas"
    return slug


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The new file gets the old one's permissions (a new one: the usual ones, by the umask).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, _mode_for(path))
        sediakan(fd, len(data))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sediakan(fd: int, size: int) -> None:
    """Reserve ``size`` bytes on disk for a file about to be written and then renamed over
    another. Without it ext4 notices the rename over an existing file and forces the new file's
    blocks to be allocated and written out during the rename (``auto_da_alloc``), which costs
    several milliseconds per megabyte. Where reserving is not supported, nothing is done."""
    if size and hasattr(os, "posix_fallocate"):
        with contextlib.suppress(OSError):
            os.posix_fallocate(fd, 0, size)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


Stat = tuple[int, int]


def stat_of(path: Path | str, folder: int | None = None) -> Stat | None:
    """(size, mtime in ns) of a file (``path`` in the open folder ``folder``, if given), or None
    when it is not there: what tells dokgen that a file changed without reading it."""
    try:
        st = os.stat(path, dir_fd=folder)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def stat_semua(folder: Path | str, names: list[str]) -> list[Stat | None]:
    """:func:`stat_of` of every file ``names`` in ``folder`` (thousands: the folder is opened
    once, and names that all start with the same sub-folder are looked up from it)."""
    sub = names[0].rpartition("/")[0] + "/" if names else "/"
    if sub != "/" and all(name.startswith(sub) for name in names):
        folder, names = os.path.join(folder, sub), [name[len(sub) :] for name in names]
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return [None] * len(names)
    stat = os.stat
    stats: list[Stat | None] = []
    try:
        for name in names:  # stat_of, inlined: thousands
            try:
                st = stat(name, dir_fd=fd)
            except OSError:
                stats.append(None)
                continue
            stats.append((st.st_size, st.st_mtime_ns))
        return stats
    finally:
        os.close(fd)
