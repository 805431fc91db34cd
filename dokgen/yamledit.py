"""A YAML data file rewritten with new values, keeping its comments, key order, quoting, number
spelling and line ends (ruamel.yaml's round trip). The Excel import, the data forms and the
version screen write through it."""

from __future__ import annotations

import io
import stat
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from dokgen.errors import Location, Problem
from dokgen.excel.berkas import alasan_os

PETA = {"target", "realisasi", "pagu", "indikator", "anggaran"}
"""YAML mappings whose keys are data (years, codes): a key the new values lack is removed."""
MAX_YAML = 32 * 2**20
"""Largest YAML file read to rewrite it."""


def round_trip() -> YAML:
    """ruamel.yaml set up to write a data file back as dokgen's files are written."""
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _number(text: str) -> Decimal | None:
    try:
        return parse_decimal(text.replace(" ", ""), locale="id_ID", strict=True)
    except (NumberFormatError, AttributeError):
        return None


def _tertulis(value: Any) -> str:
    """A YAML scalar as the file writes it: ``170.000`` (Rp 170.000, read by YAML as the float
    170.0) stays ``170.000``, as ruamel writes it back."""
    if not isinstance(value, float):
        return str(value)
    buffer = io.StringIO()
    round_trip().dump({"x": value}, buffer)
    return buffer.getvalue().removeprefix("x:").strip()


def _sama(old: Any, new: Any) -> bool:
    """The old YAML value means what the new one says (so its spelling is kept)."""
    if isinstance(new, list) and len(new) == 1 and not isinstance(old, list):
        return _sama(old, new[0])
    if isinstance(old, dict | list) or isinstance(new, dict | list):
        return False
    a, b = _tertulis(old), str(new)
    if a == b:
        return True
    if a.replace(" ", "").isdigit() and a.replace(" ", "") == b.replace(" ", ""):
        return True
    na, nb = _number(a), _number(b)
    return na is not None and na == nb


def merge(old: Any, new: Any, keys: Collection[str] | None, parent: str = "") -> Any:
    """``old`` (ruamel round-trip data) updated to ``new`` in place where possible. A key
    ``new`` lacks is removed when ``new`` would hold it — it is one of ``keys`` (the keys a
    workbook holds), or ``keys`` is None (a data form, which holds every key of its file) — and
    from the maps of :data:`PETA`."""
    if isinstance(old, dict) and isinstance(new, dict):
        present = {str(k): k for k in old}
        for name, key in present.items():
            if name not in new and (keys is None or parent in PETA or name in keys):
                del old[key]
        for name, value in new.items():
            if name in present:
                old[present[name]] = merge(old[present[name]], value, keys, name)
            else:
                old[
                    int(name)
                    if name.isdigit() and parent in PETA - {"indikator", "anggaran"}
                    else name
                ] = value
        return old
    if isinstance(old, list) and isinstance(new, list):
        for i, value in enumerate(new):
            if i < len(old):
                old[i] = merge(old[i], value, keys, parent)
            else:
                old.append(value)
        del old[len(new) :]
        return old
    return old if _sama(old, new) else new


@dataclass
class Original:
    """A YAML file as it is on disk: its text (lines ending in \\n) and how it was written."""

    text: str
    crlf: bool = False
    bom: bool = False

    def bytes_of(self, text: str) -> bytes:
        """``text`` written the way this file was (Windows line ends, byte order mark)."""
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (("\ufeff" if self.bom else "") + text).encode("utf-8")


def read_original(path: Path, problems: list[Problem]) -> Original | None:
    """The file ``path`` as text, or None with a problem: a file to rewrite has to be a regular
    UTF-8 text file of reasonable size."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            problems.append(Problem(Location(path), "bukan berkas biasa; impor tidak menulisnya"))
            return None
        if info.st_size > MAX_YAML:
            problems.append(Problem(Location(path), "berkas terlalu besar untuk diimpor"))
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(Location(path), f"tidak dapat dibaca ({alasan_os(exc)})"))
        return None
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                Location(path, line),
                f"bukan teks UTF-8 (byte 0x{data[exc.start]:02x}); buka berkas ini di editor teks"
                " dan simpan sebagai UTF-8, lalu impor lagi",
            )
        )
        return None
    return Original(text.replace("\r\n", "\n"), crlf="\r\n" in text, bom=bom)


def new_bytes(
    path: Path,
    asli: Original | None,
    new: dict[str, Any],
    problems: list[Problem],
    keys: Collection[str] | None,
) -> bytes | None:
    """The new bytes of ``path`` (``asli``: its text now) holding ``new``; None when unchanged.
    ``keys``: the keys ``new`` holds, None for every key of the file (see :func:`merge`)."""
    yaml = round_trip()
    old_text = asli.text if asli else ""
    try:
        data = yaml.load(old_text) if old_text.strip() else None
    except (YAMLError, MarkedYAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problems.append(
            Problem(
                Location(path, line),
                "bukan YAML yang sah; perbaiki berkas ini dulu (dokgen check menunjukkan"
                " masalahnya), lalu impor lagi",
            )
        )
        return None
    if data is not None and not isinstance(data, dict):
        problems.append(
            Problem(Location(path, 1), "isi berkas harus berupa pemetaan (kunci: nilai)")
        )
        return None
    data = merge(data, new, keys) if data is not None else new
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    if buffer.getvalue() == old_text:
        return None
    return (asli or Original("")).bytes_of(buffer.getvalue())
