"""Errors a user can cause: they carry a location and an Indonesian message, never a traceback."""

from __future__ import annotations

import difflib
import errno
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def saran(word: str, choices: Iterable[str]) -> str:
    """' — maksud Anda 'x'?' for the closest of ``choices``, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" — maksud Anda '{close[0]}'?" if close else ""


_OS_ALASAN = {
    errno.ENOENT: "berkas tidak ada (terhapus, atau tautan simbolik ke berkas yang tidak ada)",
    errno.EACCES: "izin akses ditolak",
    errno.EPERM: "izin akses ditolak",
    errno.ELOOP: "tautan simbolik berputar (menunjuk ke dirinya sendiri)",
    errno.EISDIR: "ini folder, bukan berkas",
    errno.ENOTDIR: "salah satu bagian jalurnya berkas, bukan folder",
    errno.ENAMETOOLONG: "jalurnya terlalu panjang",
    errno.EIO: "galat baca/tulis disk",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.ENFILE: "terlalu banyak berkas terbuka",
    errno.ENOMEM: "memori tidak cukup",
    errno.ENOSPC: "disk penuh",
    errno.EROFS: "disk hanya dapat dibaca",
}


def alasan_os(exc: OSError) -> str:
    """Why a file operation failed, in Indonesian (the system's own text is English)."""
    if exc.errno in _OS_ALASAN:
        return _OS_ALASAN[exc.errno]
    name = errno.errorcode.get(exc.errno or 0)
    return f"galat sistem {name}" if name else "galat sistem"


@dataclass(frozen=True)
class Location:
    """A place in a source file: a YAML line or a template tag."""

    file: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else str(self.file)


@dataclass(frozen=True)
class Problem:
    """One problem found while loading user input."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DokgenError(Exception):
    """Base of every error caused by user input; the CLI prints it and exits with code 2."""

    def lines(self) -> list[str]:
        return [str(self)]


class DataError(DokgenError):
    """The data folder cannot be loaded; holds every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda m: (str(m.location.file), m.location.line or 0))
        super().__init__("\n".join(str(m) for m in self.problems))

    def lines(self) -> list[str]:
        return [str(m) for m in self.problems]


class TemplateError(DokgenError):
    """A .docx template cannot be compiled or rendered."""
