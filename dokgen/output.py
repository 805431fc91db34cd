"""Writing outputs: safe file names and atomic writes."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}
MAX_STEM = 80
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def nama_berkas(nomor: int, nama: str, ext: str = ".docx") -> str:
    """A file name safe on Windows, macOS and Linux, ordered by ``nomor``.

    ``nama_berkas(7, "Kasubag: Umum/Kepegawaian")`` → ``07-kasubag-umum-kepegawaian.docx``.
    """
    stem = nama if _SLUG.fullmatch(nama) and len(nama) <= MAX_STEM else _slug(nama)
    if stem in _RESERVED:
        stem = f"berkas-{stem}"
    return f"{nomor:02d}-{stem}{ext}"


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
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
