"""What the command line says when something goes wrong, in Indonesian.

Imported only on that path (``dokgen --help`` does not pay for it):

- :func:`usage_lines`: click's usage errors ("Missing argument", "No such option", …) as one
  Indonesian sentence, the usage line and where help is;
- :func:`os_sentence`: an :class:`OSError` as the path and the reason ("disk penuh");
- :func:`write_crash_log`: the details of a bug (traceback, command line, versions) in a log
  file in the user's cache folder, else the system's temporary folder — never in a folder the
  command was given.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shlex
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from rich.text import Text
from typer._click import exceptions as click_errors

from dokgen.cli_base import TEKS

LOG_KEPT = 20
"""Crash logs kept in the log folder; older ones are deleted when a new one is written."""

_PAKET = (
    "typer",
    "rich",
    "pydantic",
    "docxtpl",
    "python-docx",
    "openpyxl",
    "Jinja2",
    "lxml",
    "PyYAML",
    "ruamel.yaml",
)


class UsageIndonesia(click_errors.UsageError):
    """A usage error whose message is already an Indonesian sentence."""


# --- usage errors -------------------------------------------------------------------------------


def usage_lines(exc: click_errors.UsageError) -> list[Text | str]:
    """The sentence, then the usage line and the help command when the context is known."""
    lines: list[Text | str] = [Text.assemble(("galat", "bold red"), " ", usage_sentence(exc))]
    ctx = exc.ctx
    if ctx is not None:
        lines.append(ctx.get_usage())
        lines.append(f"Bantuan: {ctx.command_path} --help")
    return lines


def usage_sentence(exc: click_errors.UsageError) -> str:
    """One Indonesian sentence for a usage error of typer's click."""
    if isinstance(exc, UsageIndonesia):
        return exc.message
    if isinstance(exc, click_errors.MissingParameter):
        return _missing(exc)
    if isinstance(exc, click_errors.BadParameter):
        return _bad_value(exc)
    if isinstance(exc, click_errors.NoSuchOption):
        return _no_such_option(exc)
    if isinstance(exc, click_errors.BadOptionUsage):
        if "does not take a value" in exc.message:
            return f"pilihan {exc.option_name} tidak menerima nilai"
        return f"pilihan {exc.option_name} memerlukan nilai sesudahnya"
    if extra := re.fullmatch(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", exc.message):
        return f"argumen berlebih: {extra.group(1)}"
    if exc.message in TEKS.values() or re.fullmatch(r"perintah '.*' tidak dikenal", exc.message):
        return exc.message  # typer's own, through cli_base.TEKS
    return "perintah tidak dapat dipahami"


def _param_name(param: object) -> str:
    opts: list[str] = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    if getattr(param, "param_type_name", "") == "option" and opts:
        return opts[0]
    return str(getattr(param, "metavar", None) or getattr(param, "name", "") or "?").upper()


def _missing(exc: click_errors.MissingParameter) -> str:
    param = exc.param
    if param is None:
        return "argumen belum lengkap"
    kind = "pilihan" if param.param_type_name == "option" else "argumen"
    help_text = (getattr(param, "help", None) or "").strip().rstrip(".")
    sentence = f"{kind} {_param_name(param)} belum diberikan"
    return f"{sentence} — {help_text}" if help_text else sentence


_JENIS = {
    "int": "bilangan bulat, mis. 4",
    "float": "angka, mis. 2.5",
    "bool": "ya atau tidak",
    "Path": "jalur berkas atau folder",
}


def _bad_value(exc: click_errors.BadParameter) -> str:
    param = exc.param
    if param is None:
        return "nilai tidak sah"
    kind = "pilihan" if param.param_type_name == "option" else "argumen"
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    expected = _JENIS.get(getattr(annotation, "__name__", ""))
    sentence = f"nilai {kind} {_param_name(param)} tidak sah"
    return f"{sentence}: harus berupa {expected}" if expected else sentence


def _no_such_option(exc: click_errors.NoSuchOption) -> str:
    sentence = f"pilihan '{exc.option_name}' tidak dikenal"
    if exc.possibilities:
        return sentence + f" — maksud Anda '{exc.possibilities[0]}'?"
    return sentence


# --- OSError ------------------------------------------------------------------------------------

_ALASAN = {
    errno.ENOSPC: "disk penuh; kosongkan ruang disk lalu ulangi",
    errno.EACCES: "izin ditolak (pengguna ini tidak boleh membaca atau menulisnya)",
    errno.EPERM: "izin ditolak (pengguna ini tidak boleh membaca atau menulisnya)",
    errno.EROFS: "disk atau folder hanya-baca",
    errno.ENOENT: "tidak ditemukan",
    errno.EISDIR: "adalah folder, padahal yang diperlukan berkas",
    errno.ENOTDIR: "sebagian jalurnya adalah berkas, padahal yang diperlukan folder",
    errno.EEXIST: "sudah ada",
    errno.ENOTEMPTY: "folder tidak kosong",
    errno.ENAMETOOLONG: "nama atau jalur terlalu panjang",
    errno.ELOOP: "tautan simbolik yang berputar",
    errno.EBUSY: "sedang dipakai program lain",
    errno.ETXTBSY: "sedang dipakai program lain",
    errno.EMFILE: "terlalu banyak berkas terbuka",
    errno.ENFILE: "terlalu banyak berkas terbuka",
    errno.EIO: "galat baca/tulis perangkat (disk rusak atau terlepas?)",
    errno.EXDEV: "berada di disk lain",
    errno.EINVAL: "nama atau jalur tidak sah",
    errno.EFBIG: "berkas terlalu besar",
}
if hasattr(errno, "EDQUOT"):
    _ALASAN[errno.EDQUOT] = "kuota disk pengguna ini habis"

_WINERROR_TERKUNCI = {32, 33}
"""Windows: the file is open in another program (a card open in Word)."""


def os_reason(exc: OSError) -> str:
    """Why an operating system call failed, in Indonesian ('disk penuh; …')."""
    if getattr(exc, "winerror", None) in _WINERROR_TERKUNCI:
        return "sedang dibuka program lain (mis. Word); tutup dulu berkas itu, lalu ulangi"
    if exc.errno in _ALASAN:
        return _ALASAN[exc.errno]
    if exc.errno is not None:
        return f"galat sistem {errno.errorcode.get(exc.errno, exc.errno)}"
    return "galat sistem berkas"


def os_sentence(exc: OSError) -> str:
    """'<path>: <reason>' in Indonesian, e.g. 'build/x/iki/01-a.docx: izin ditolak (…)'."""
    reason = os_reason(exc)
    paths = [_path(p) for p in (exc.filename, exc.filename2) if _path(p)]
    if exc.errno == errno.EEXIST and paths and _is_file(paths[0]):
        reason = "adalah berkas, padahal yang diperlukan folder"  # mkdir(exist_ok=True)
    if not paths:
        return f"tidak dapat membaca atau menulis berkas: {reason}"
    return f"{' → '.join(paths)}: {reason}"


def _is_file(path: str) -> bool:
    try:
        return os.path.lexists(path) and not os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _path(value: object) -> str:
    if isinstance(value, bytes):
        return os.fsdecode(value)
    if isinstance(value, str | os.PathLike):
        return os.fspath(value)
    return ""


def silence_stdout() -> None:
    """Stdout's reader has gone (``dokgen … | head``): send what is left to the null device so
    that Python's last flush at exit does not complain."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# --- bugs ---------------------------------------------------------------------------------------


def write_crash_log(exc: BaseException, argv: Sequence[str]) -> Path | None:
    """Write the details of a bug to a new log file and return its path (None when no folder
    could take it)."""
    text = _crash_report(exc, argv)
    name = f"dokgen-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    for folder in _log_folders(argv):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            with open(path, "x", encoding="utf-8") as fh:
                fh.write(text)
        except OSError:
            continue
        _prune(folder)
        return path
    return None


def _log_folders(argv: Sequence[str]) -> list[Path]:
    """Where a crash log may go: the cache folder's ``log/``, else the temporary folder; a folder
    inside one the command was given (a data or output folder) is skipped."""
    candidates = []
    try:
        from dokgen.cache import folder

        cache = folder()
        if cache is not None:
            candidates.append(cache / "log")
    except Exception:  # the log must be written even when the cache code is what broke
        pass
    candidates.append(Path(tempfile.gettempdir()) / "dokgen-log")
    given = []
    for arg in argv[1:]:
        try:
            if Path(arg).is_dir():
                given.append(Path(arg).resolve())
        except (OSError, ValueError):
            continue
    return [c for c in candidates if not any(c.resolve().is_relative_to(g) for g in given)]


def _prune(folder: Path) -> None:
    logs = sorted(folder.glob("dokgen-*.log"))
    for old in logs[:-LOG_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()


def _crash_report(exc: BaseException, argv: Sequence[str]) -> str:
    import platform
    from importlib import metadata

    from dokgen import __version__

    versions = []
    for package in _PAKET:
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} -")
    return "\n".join(
        [
            f"dokgen {__version__}: kesalahan internal",
            f"waktu: {datetime.now().isoformat(timespec='seconds')}",
            f"perintah: {shlex.join(argv)}",
            f"folder kerja: {_cwd()}",
            f"python: {sys.version.splitlines()[0]} ({sys.executable})",
            f"sistem: {platform.platform()}",
            f"paket: {', '.join(versions)}",
            "",
            "".join(traceback.format_exception(exc)),
        ]
    )


def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:
        return "?"
