"""Running the mutations: expand them over the example datasets, apply each to a copy, check.

Used by the pytest module (``periksa_mutasi.py``) and by ``tools/mutasi.py`` (the catch-rate
table, also against an older dokgen put first on ``sys.path``). ``dokgen`` is imported when a
check runs, so the caller chooses which tree it comes from.
"""

from __future__ import annotations

import fnmatch
import shutil
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from yaml.nodes import SequenceNode

from tests.mutasi import mesin
from tests.mutasi.mesin import Jalur
from tests.mutasi.mutasi import MUTASI, Mutasi

Hasil = Literal["tertangkap", "di-tempat-lain", "lolos", "dimatikan", "tak-dimuat"]


@dataclass(frozen=True)
class Kasus:
    """One mutation at one place of one dataset."""

    dataset: str
    mutasi: Mutasi
    berkas: str
    jalur: Jalur

    @property
    def id(self) -> str:
        place = "/".join(map(str, self.jalur)) or "(akar)"
        return f"{self.dataset}:{self.mutasi.code}:{self.berkas}:{place}"


def _berkas(folder: Path, glob: str) -> list[str]:
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml"))
    return [f for f in files if fnmatch.fnmatchcase(f, glob)]


def kasus_dataset(folder: Path) -> list[Kasus]:
    """Every mutation that applies to the dataset in ``folder``, each at its chosen place."""
    result: list[Kasus] = []
    seen: set[tuple[str, str, Jalur]] = set()
    roots: dict[str, Any] = {}
    for m in MUTASI:
        if m.perlu and not _berkas(folder, m.perlu):
            continue
        if not fnmatch.fnmatchcase(folder.name, m.contoh):
            continue
        candidates: list[tuple[str, Jalur]] = []
        for file in _berkas(folder, m.berkas):
            if file not in roots:
                roots[file] = mesin.susun((folder / file).read_text(encoding="utf-8"))
            root = roots[file]
            paths: list[Jalur] = []
            for pola in m.pola:
                paths += mesin.cari(root, pola)
            paths = sorted(set(paths), key=lambda p: _pos(root, p))
            for path in paths:
                if m.syarat is None or m.syarat(mesin.nilai(mesin.simpul(root, path))):
                    candidates.append((file, path))
        if not candidates:
            continue
        file, path = candidates[m.pilih % len(candidates)]
        key = (m.code, file, path)
        if key in seen:  # the same place twice (few candidates): keep one
            continue
        seen.add(key)
        result.append(Kasus(folder.name, m, file, path))
    return result


def _pos(root: Any, path: Jalur) -> int:
    key = mesin.kunci(root, path)
    return (key or mesin.simpul(root, path)).start_mark.index


def _tuju(root: Any, path: Jalur, di: str) -> Jalur:
    """``path`` moved by ``di`` ('' itself, '..' its parent, '/a/b' from the root)."""
    if di.startswith("/"):
        path, di = (), di[1:]
    for seg in [s for s in di.split("/") if s]:
        if seg == "..":
            path = path[:-1]
            continue
        node = mesin.simpul(root, path)
        step: str | int = int(seg) if isinstance(node, SequenceNode) else seg
        path = (*path, step)
    return path


@dataclass
class Uji:
    """One dataset copied to a scratch folder, with its clean findings."""

    sumber: Path
    kerja: Path

    @cached_property
    def bersih(self) -> set[tuple[str, str, int | None, str]]:
        return {(f.code, f.file, f.line, f.message) for f in self._periksa()}

    @cached_property
    def tingkat(self) -> dict[str, Any]:
        from dokgen.checks import levels
        from dokgen.load import load

        return levels(load(self.kerja))

    def _periksa(self) -> list[Any]:
        """``dokgen check`` in-process: the jabatan files not changed since they were last read
        come from the cache (``DOKGEN_CACHE``), as in a real check."""
        from contextlib import closing

        from dokgen.cache import Cache
        from dokgen.checks import periksa
        from dokgen.load import load

        with closing(Cache.open()) as cache:
            data = load(self.kerja, cache)
        return [
            _Temuan(f.code, f.severity, _relatif(f.file, self.kerja), f.line, f.message)
            for f in periksa(data)
        ]

    def galat_bersih(self) -> list[str]:
        return [
            f"{file}:{line}: {code} {msg}"
            for code, file, line, msg in self.bersih
            if self.tingkat.get(code) == "galat"
        ]

    def jalankan(self, kasus: Kasus) -> tuple[Hasil, str, tuple[str, int]]:
        """Apply ``kasus`` to the copy, check, restore; (result, detail, expected place)."""
        from dokgen.checks import RULES
        from dokgen.errors import DataError

        file = self.kerja / kasus.berkas
        original = file.read_text(encoding="utf-8")
        try:
            text, path = kasus.mutasi.ubah(original, kasus.jalur, self.kerja)
            root = mesin.susun(text)
            target = _tuju(root, path, kasus.mutasi.di)
            where = (kasus.berkas, mesin.baris(root, target))
            code = kasus.mutasi.code
            if code in RULES and self.tingkat.get(code) is None:
                return "dimatikan", "aturan dimatikan di periksa.yaml", where
            file.write_text(text, encoding="utf-8")
            try:
                found = self._periksa()
            except DataError as exc:
                return "tak-dimuat", "; ".join(exc.lines())[:300], where
        finally:
            file.write_text(original, encoding="utf-8")
        new = [f for f in found if (f.code, f.file, f.line, f.message) not in self.bersih]
        same = [f for f in new if f.code == code]
        if any((f.file, f.line) == where for f in same):
            return "tertangkap", "", where
        if same:
            return "di-tempat-lain", "; ".join(f"{f.file}:{f.line}" for f in same), where
        others = sorted({f.code for f in new})
        return "lolos", f"temuan baru lain: {', '.join(others) or '-'}", where


@dataclass(frozen=True)
class _Temuan:
    code: str
    severity: str
    file: str
    line: int | None
    message: str


def _relatif(file: str, folder: Path) -> str:
    path = Path(file)
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(file)


def siapkan(sumber: Path, tmp: Path | None = None) -> Uji:
    """A scratch copy of the dataset ``sumber`` (under ``tmp``, or a new temporary folder).

    A dataset that points at another (``mengubah.pembanding: ../x``) finds it beside the copy.
    """
    base = tmp or Path(tempfile.mkdtemp(prefix="mutasi-"))
    for other in sumber.parent.iterdir():
        if other.is_dir() and not (base / other.name).exists():
            shutil.copytree(other, base / other.name)
    return Uji(sumber, base / sumber.name)


def dataset(data: Path) -> list[Path]:
    return sorted(p for p in data.iterdir() if (p / "dinas.yaml").is_file())
