"""The check pass: rules over the loaded data that yield findings, like a linter.

Each rule is a small generator in one of the family modules, registered with :func:`aturan`
under a stable code (``CAK001``…) and a default severity. A rule yields ``(where, message)``;
the runner, not the rule, stamps code, severity, file and line. Its docstring explains it with a
failing and a passing example and is printed by ``dokgen rules``.

A rule has a scope. A ``jabatan`` rule judges each jabatan on its own against the dinas's shared
data: the runner gives it a view holding one jabatan, so its findings for a jabatan depend only on
that file and the shared files, and can be kept in the cache (:mod:`dokgen.jabatan`) until one
of them changes. It also runs once on the dinas without jabatan, for the dinas's own items. A
``dinas`` rule sees the dinas without jabatan models; rules across jabatan (atasan, cascade,
duplicates) read ``data.ringkasan``, a small summary of every jabatan.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from dokgen.errors import DataError, Location, Problem, saran
from dokgen.load import DataDinas
from dokgen.model import Jabatan, Model, Pejabat
from dokgen.model import normal as normal

Severity = Literal["galat", "peringatan", "info"]
Lingkup = Literal["dinas", "jabatan"]
SEVERITIES: tuple[Severity, ...] = ("galat", "peringatan", "info")


@dataclass(frozen=True)
class FieldRef:
    """Where a value sits inside a model, resolved to file and line only if a finding needs it."""

    obj: Model
    keys: tuple[str | int, ...]

    @property
    def location(self) -> tuple[Path | None, int | None]:
        return self.obj.location_of(*self.keys)


Where = Model | FieldRef | tuple[Path | None, int | None]
RuleFn = Callable[[DataDinas], Iterable[tuple[Where, str]]]


@dataclass(frozen=True)
class Finding:
    """One problem found in the data."""

    code: str
    severity: Severity
    file: str
    line: int | None
    message: str
    sel: str | None = None
    """The workbook cell the value came from ('buku.xlsx IKI!F12'), after ``excel impor``."""

    def as_dict(self) -> dict[str, str | int | None]:
        """The finding for JSON; ``sel`` only when known."""
        result = asdict(self)
        if self.sel is None:
            del result["sel"]
        return result


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    family: str
    check: RuleFn
    lingkup: Lingkup = "dinas"

    @property
    def penjelasan(self) -> str:
        import inspect

        return inspect.cleandoc(self.check.__doc__ or "")


RULES: dict[str, Rule] = {}
"""Every rule by code; filled by the family modules, imported at the end of this module."""


def aturan(
    code: str, severity: Severity, family: str, lingkup: Lingkup = "dinas"
) -> Callable[[RuleFn], RuleFn]:
    """Register a rule function under ``code`` (scope: see the module's docstring)."""

    def register(fn: RuleFn) -> RuleFn:
        assert code not in RULES, code
        RULES[code] = Rule(code, severity, family, fn, lingkup)
        return fn

    return register


def levels(data: DataDinas) -> dict[str, Severity | None]:
    """The severity of every rule for this dinas: defaults, changed by its ``periksa.yaml``."""
    result: dict[str, Severity | None] = {code: r.severity for code, r in RULES.items()}
    settings = data.periksa
    if settings is None:
        return result
    problems = []
    for code, level in settings.aturan.items():
        if code not in RULES:
            file, line = settings.location_of("aturan", code)
            assert file is not None  # read from periksa.yaml by the loader
            where = Location(file, line)
            problems.append(Problem(where, f"aturan '{code}' tidak dikenal{saran(code, RULES)}"))
        else:
            result[code] = None if level == "mati" else level
    if problems:
        raise DataError(problems)
    return result


def jabatan_findings(data: DataDinas, jabatan: Jabatan) -> tuple[Finding, ...]:
    """What the jabatan rules find in ``jabatan``, every rule at its default level (the dinas's
    levels are applied by :func:`periksa`)."""
    view = replace(data, jabatan=[jabatan], lingkup_jabatan=True)
    found = []
    for rule in RULES.values():
        if rule.lingkup == "jabatan":
            for where, message in rule.check(view):
                file, line = where.location if isinstance(where, Model | FieldRef) else where
                name = _relative(file, data.folder)
                found.append(Finding(rule.code, rule.severity, name, line, message))
    return tuple(found)


def periksa(data: DataDinas, hanya: Iterable[Severity] = SEVERITIES) -> list[Finding]:
    """Every enabled rule over ``data``; findings sorted by file and line.

    The jabatan rules ran when each file was loaded (their findings are in ``data.records``);
    the other rules read the summaries in ``data.ringkasan``. ``hanya`` limits the result to
    those levels (a build only needs the galat).
    """
    per_jabatan = [f for record in data.records for f in record.findings]
    wanted = set(hanya)
    level_of = {code: level for code, level in levels(data).items() if level in wanted}
    dinas = replace(data, jabatan=[], lingkup_jabatan=False)
    findings = []
    for code, level in level_of.items():
        for where, message in RULES[code].check(dinas):
            file, line = where.location if isinstance(where, Model | FieldRef) else where
            findings.append(Finding(code, level, _relative(file, data.folder), line, message))
    for finding in per_jabatan:
        severity = level_of.get(finding.code)
        if severity is not None:
            findings.append(replace(finding, severity=severity))
    return sorted(set(findings), key=lambda f: (f.file, f.line or 0, f.code, f.message))


def _relative(file: Path | str | None, folder: Path) -> str:
    """The file as the user named its folder (``data/x/renstra.yaml``)."""
    if file is None:
        return str(folder)
    if str(file).startswith(f"{folder}{os.sep}"):  # the loader built it from the folder
        return str(file)
    return _resolved(Path(file), folder)


@cache
def _resolved(file: Path, folder: Path) -> str:
    try:
        return str(folder / file.resolve().relative_to(folder.resolve()))
    except ValueError:
        return str(file)


def count(findings: Iterable[Finding]) -> dict[Severity, int]:
    result: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        result[finding.severity] += 1
    return result


def unit_asing(data: DataDinas, kode: str) -> str | None:
    """Why ``kode`` names no unit of organisasi.yaml ('tidak ada di organisasi.yaml — maksud
    Anda …'), or None when it names one: the ending of the sentence of every rule that reads a
    unit kode (a jabatan's, a kegiatan's, a Rencana Aksi's)."""
    if data.unit(kode) is not None:
        return None
    units = [u.kode for u in data.organisasi.unit] if data.organisasi else []
    where = "organisasi.yaml" if data.organisasi else "organisasi.yaml (tidak ada)"
    return f"tidak ada di {where}{saran(kode, units)}"


class TeksBebas(NamedTuple):
    """A piece of free text in the data: where it is, the text, what it is (``Unit.tugas``) and
    the file's top object (the Renstra, a Jabatan, a quarter's RealisasiTriwulan …)."""

    where: FieldRef
    teks: str
    jenis: str
    berkas: Model


NON_TEKS = frozenset(
    {
        "kode", "nip", "pangkat", "golongan", "jenis", "jenis_pegawai", "polaritas", "agregasi",
        "satuan", "email", "laman", "telepon", "faksimile", "logo", "kode_pos", "alamat",
        "tempat_penetapan", "atasan", "unit", "induk", "pimpinan", "mendukung", "bulan", "alasan",
        "nomor", "iku", "mengingat", "landasan", "dasar_pembentukan", "pembanding", "rpjmd",
        "periode_pengukuran", "sumber_data",
    }
)  # fmt: skip
"""Fields that hold codes, keys or fixed words, not sentences (models inside are walked)."""
_KODE_DI = {("Program", "sasaran")}
"""Fields named like a sentence field that hold a code."""


def texts(data: DataDinas) -> Iterator[TeksBebas]:
    """Every piece of free text of every data file with its place, for the rules that read
    text: a jabatan's in the view of one jabatan, the dinas's files' otherwise. A new text field
    of a model is walked without touching the rules; :data:`NON_TEKS` names what is not text.

    The seven rules that read text get one walk of a view: the last view's texts are kept (the
    runner makes a new view for every jabatan and every run, and rules do not change data).
    Bought about 0.25 ms a jabatan: a first build of 5,000 jabatan took 10.6 s, now 9.2 s."""
    if _walked and _walked[0][0] is data:
        return iter(_walked[0][1])
    found = tuple(_texts(data))
    _walked[:] = [(data, found)]
    return iter(found)


_walked: list[tuple[DataDinas, tuple[TeksBebas, ...]]] = []
"""The last view walked by :func:`texts`, with its texts."""


def _texts(data: DataDinas) -> Iterator[TeksBebas]:
    files: list[Model] = list(data.jabatan)
    if not data.lingkup_jabatan:
        files += [
            f
            for f in (data.renstra, data.organisasi, data.keputusan, data.dokumen_iku, data.lkj)
            if f is not None
        ]
        files += data.realisasi
    for file in files:
        yield from _walk(file, file)


def _walk(obj: Model, file: Model) -> Iterator[TeksBebas]:
    for name, jenis, code in _fields(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, str):
            if not code:
                yield TeksBebas(FieldRef(obj, (name,)), value, jenis, file)
        elif isinstance(value, Model):
            if not isinstance(value, Pejabat):
                yield from _walk(value, file)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str) and not code:
                    yield TeksBebas(FieldRef(obj, (name, i)), item, jenis, file)
                elif isinstance(item, Model):
                    yield from _walk(item, file)
        elif isinstance(value, dict):
            for item in value.values():
                if isinstance(item, Model):
                    yield from _walk(item, file)


@cache
def _fields(model: type[Model]) -> tuple[tuple[str, str, bool], ...]:
    """(name, 'Model.name', whether it holds a code) of every field of ``model``: worked out
    once a model, not for every field of every jabatan (a first build of 5,000 jabatan walks
    a million fields)."""
    return tuple(
        (name, f"{model.__name__}.{name}", name in NON_TEKS or (model.__name__, name) in _KODE_DI)
        for name in model.model_fields
    )


# Every rule is registered when the package is imported (the families import what is above).
from dokgen.checks import (  # noqa: E402, F401
    cakupan,
    cascade,
    dokumen,
    keputusan,
    konsistensi,
    lkj,
    orang,
    peraturan,
    perjanjian,
    rencana,
    rumus,
    target,
)
