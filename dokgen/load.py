"""Load a dinas data folder into the model, reporting every problem with file and line.

A data folder holds ``dinas.yaml``, optionally ``renstra.yaml``, and one file per jabatan in
``jabatan/`` (their order, by file name, is the order of the structure and of the cards).
"""

from __future__ import annotations

import os
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from dokgen.errors import DataError, Location, Problem, saran
from dokgen.model import (
    Dinas,
    DokumenIku,
    Indikator,
    Jabatan,
    Katalog,
    Keputusan,
    LaporanKinerja,
    Model,
    Organisasi,
    Peraturan,
    Periksa,
    RealisasiTriwulan,
    Renstra,
    RingkasanJabatan,
)
from dokgen.resources import KATALOG as KATALOG
from dokgen.yamlsrc import Path_, YamlSource, read_yaml

if TYPE_CHECKING:
    from dokgen.cache import Cache
    from dokgen.jabatan import JabatanRecord
    from dokgen.parallel import Workers

M = TypeVar("M", bound=Model)


@dataclass
class DataDinas:
    """Everything known about one dinas, validated."""

    folder: Path
    dinas: Dinas
    renstra: Renstra | None = None
    jabatan: list[Jabatan] = field(default_factory=list)
    peraturan: dict[str, Peraturan] = field(default_factory=dict)
    """The shipped catalogue plus the dinas's own regulations, by key."""
    keputusan: Keputusan | None = None
    organisasi: Organisasi | None = None
    dokumen_iku: DokumenIku | None = None
    lkj: LaporanKinerja | None = None
    realisasi: list[RealisasiTriwulan] = field(default_factory=list)
    """Every quarter's realisasi, ordered by year and quarter."""
    periksa: Periksa | None = None
    ringkasan: list[RingkasanJabatan] = field(default_factory=list)
    """A summary of every jabatan, also when ``jabatan`` holds none of them (a build)."""
    records: list[JabatanRecord] = field(default_factory=list)
    """What the check and the build need of every jabatan file, in order."""
    pembanding: DataDinas | None = None
    """The data the decree amended by this one was made from (``mengubah.pembanding``)."""
    lingkup_jabatan: bool = False
    """True in the view a jabatan rule gets for one jabatan: helpers that gather items across
    the data (texts, officials, indicators) then give that jabatan's items only."""

    @property
    def nama_folder(self) -> str:
        return self.folder.resolve().name


def load(
    folder: Path,
    cache: Cache | None = None,
    pembanding: bool = True,
    workers: Workers | None = None,
) -> DataDinas:
    """Read and validate ``folder``; raise :class:`DataError` listing every problem.

    Every jabatan file gets its record (:mod:`dokgen.jabatan`). Without ``cache`` every file is
    read and its model kept in ``data.jabatan``; with one, a file read before (same bytes, same
    shared data) is not read again and no model is kept: what a build needs. ``pembanding``:
    also load the data an amending decree compares with (what its Lampiran II needs).
    ``workers`` read the jabatan files not read before, when there are many.
    """
    from dokgen.cache import Cache
    from dokgen.jabatan import read_all

    data, problems = load_bersama(folder)
    if problems or data is None:
        for name in berkas_jabatan(folder):
            problems += load_jabatan(Path(folder, "jabatan", name))[1]
        raise DataError(problems)
    lama = data.keputusan.mengubah if data.keputusan else None
    if pembanding and lama is not None and lama.pembanding:
        data.pembanding = load(Path(folder) / lama.pembanding, pembanding=False)
    data.records = read_all(data, cache or Cache(), keep_models=cache is None, workers=workers)
    return data


def berkas_jabatan(folder: Path) -> list[str]:
    """The names of the jabatan files in ``folder/jabatan``, in the order of the structure (by
    file name): a kabupaten has thousands and most are only looked at (stat), not read."""
    try:
        names = os.listdir(os.path.join(folder, "jabatan"))
    except OSError:
        return []
    return sorted(n for n in names if n.endswith(".yaml") and n[0] != ".")


def load_jabatan(file: Path) -> tuple[Jabatan | None, list[Problem]]:
    """One jabatan file, validated, with its problems."""
    problems: list[Problem] = []
    return _load_file(file, Jabatan, problems), problems


def kode_ganda(ringkasan: list[RingkasanJabatan]) -> list[Problem]:
    """A jabatan kode may be used by one file only."""
    problems = []
    seen: dict[str, str] = {}
    for item in ringkasan:
        if item.kode in seen:
            problems.append(
                Problem(
                    Location(*item.location()),
                    f"kode jabatan '{item.kode}' sudah dipakai di {Path(seen[item.kode]).name}",
                )
            )
        else:
            seen[item.kode] = item.berkas
    return problems


def load_bersama(folder: Path) -> tuple[DataDinas | None, list[Problem]]:
    """Everything of ``folder`` but the jabatan files, with the problems found (not raised)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError([Problem(Location(folder), "folder data tidak ditemukan")])
    problems: list[Problem] = []

    dinas_file = folder / "dinas.yaml"
    dinas = None
    if dinas_file.is_file():
        dinas, source = _read(dinas_file, Dinas, problems)
        if dinas and dinas.logo and source:
            _check_logo(folder / dinas.logo, Location(dinas_file, source.line(("logo",))), problems)
    else:
        problems.append(Problem(Location(dinas_file), "berkas wajib dinas.yaml tidak ada"))

    renstra_file = folder / "renstra.yaml"
    renstra = _optional(renstra_file, Renstra, problems)

    peraturan = _load_peraturan(folder / "peraturan.yaml", problems)
    keputusan_file = folder / "keputusan-iku.yaml"
    keputusan = None
    if keputusan_file.is_file():
        keputusan = _load_file(keputusan_file, Keputusan, problems)
        if keputusan and renstra is None:
            problems.append(
                Problem(Location(keputusan_file, 1), "keputusan IKU memerlukan renstra.yaml")
            )

    organisasi = _optional(folder / "organisasi.yaml", Organisasi, problems)
    dokumen_iku = _optional(folder / "dokumen-iku.yaml", DokumenIku, problems)

    lkj = _optional(folder / "lkj.yaml", LaporanKinerja, problems)
    realisasi = _load_realisasi(folder / "realisasi", renstra, problems)
    periksa = _optional(folder / "periksa.yaml", Periksa, problems)

    if dinas is None:
        return None, problems
    data = DataDinas(
        folder,
        dinas,
        renstra,
        peraturan=peraturan,
        keputusan=keputusan,
        organisasi=organisasi,
        dokumen_iku=dokumen_iku,
        lkj=lkj,
        realisasi=realisasi,
        periksa=periksa,
    )
    return data, problems


def _load_realisasi(
    folder: Path, renstra: Renstra | None, problems: list[Problem]
) -> list[RealisasiTriwulan]:
    """Every ``realisasi/*.yaml``; each kode must name an indicator or kegiatan of the Renstra."""
    result: dict[tuple[int, int], RealisasiTriwulan] = {}
    for file in sorted(folder.glob("*.yaml")):
        item, source = _read(file, RealisasiTriwulan, problems)
        if item is None or source is None:
            continue
        if renstra is None:
            problems.append(Problem(Location(file, 1), "realisasi memerlukan renstra.yaml"))
            continue
        key = (item.tahun, item.triwulan)
        if key in result:
            where = Location(file, source.line(("triwulan",)))
            other = result[key].location[0]
            assert other is not None  # read by _read above, which stamps the file
            problems.append(
                Problem(
                    where, f"triwulan {item.triwulan} tahun {item.tahun} sudah ada di {other.name}"
                )
            )
            continue
        result[key] = item
        indikator = [i.kode for i in semua_indikator(renstra)]
        kegiatan = [k.kode for p in renstra.program for k in p.kegiatan]
        for section, known, what in (
            ("indikator", indikator, "indikator"),
            ("anggaran", kegiatan, "kegiatan"),
        ):
            for kode in getattr(item, section):
                if kode not in known:
                    hint = saran(kode, known)
                    where = Location(file, source.line((section, kode)))
                    problems.append(Problem(where, f"{what} '{kode}' tidak ada di renstra{hint}"))
    return [result[key] for key in sorted(result)]


def semua_indikator(renstra: Renstra) -> list[Indikator]:
    """Every indicator of the Renstra: tujuan, sasaran (the IKU), program and kegiatan."""
    groups = [t.indikator for t in renstra.tujuan] + [s.indikator for s in renstra.semua_sasaran]
    for program in renstra.program:
        groups.append(program.indikator)
        groups.extend(k.indikator for k in program.kegiatan)
    return [i for group in groups for i in group]


def _optional(file: Path, model: type[M], problems: list[Problem]) -> M | None:
    return _load_file(file, model, problems) if file.is_file() else None


def _check_logo(path: Path, where: Location, problems: list[Problem]) -> None:
    """The logo must be a PNG, JPEG, GIF or BMP picture that exists."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    try:
        Image.from_blob(path.read_bytes())
    except OSError:
        problems.append(Problem(where, f"berkas logo '{path.name}' tidak ditemukan"))
    except UnrecognizedImageError:
        problems.append(Problem(where, f"berkas logo '{path.name}' bukan gambar PNG/JPEG/GIF/BMP"))


def _load_peraturan(local: Path, problems: list[Problem]) -> dict[str, Peraturan]:
    """The shipped catalogue merged with the dinas's own; a key may not be defined twice."""
    katalog = _load_file(KATALOG, Katalog, problems)
    result = dict(katalog.peraturan) if katalog else {}
    if local.is_file():
        extra = _load_file(local, Katalog, problems)
        for key, item in (extra.peraturan if extra else {}).items():
            if key in result:
                where = Location(local, item.location[1])
                problems.append(Problem(where, f"kunci '{key}' sudah ada di katalog dokgen"))
            result[key] = item
    for item in result.values():
        diubah = item.diubah_dengan
        if diubah and diubah not in result:
            file, line = item.location_of("diubah_dengan")
            assert file is not None  # every item was read from a catalogue file
            where = Location(file, line)
            problems.append(
                Problem(where, f"peraturan '{diubah}' tidak ada{saran(diubah, result)}")
            )
    return result


def _load_file(file: Path, model: type[M], problems: list[Problem]) -> M | None:
    return _read(file, model, problems)[0]


def _read(
    file: Path, model: type[M], problems: list[Problem]
) -> tuple[M | None, YamlSource | None]:
    """Validate ``file`` as ``model``; problems go to ``problems``, the source is returned too."""
    try:
        source = read_yaml(file)
    except DataError as exc:
        problems.extend(exc.problems)
        return None, None
    if not isinstance(source.data, dict):
        problems.append(
            Problem(Location(file, 1), "isi berkas harus berupa pemetaan (kunci: nilai)")
        )
        return None, source
    try:
        obj = model.model_validate(source.data)
    except ValidationError as exc:
        problems.extend(_translate(exc, source, model))
        return None, source
    _attach_locations(obj, (), source)
    source.data = None  # the model holds the values now; only the lines are kept
    return obj, source


def _attach_locations(obj: Any, path: Path_, source: YamlSource) -> None:
    """Stamp every model object with the file and line it came from."""
    if isinstance(obj, Model):
        private = obj.__pydantic_private__  # set as a whole: four setattr calls through
        assert private is not None  # pydantic cost more than reading the YAML
        private.update(_file=source.file, _line=source.line(path), _source=source, _path=path)
        for name in type(obj).model_fields:
            _attach_locations(getattr(obj, name), (*path, name), source)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            _attach_locations(item, (*path, i), source)
    elif isinstance(obj, dict):
        for key, item in obj.items():
            _attach_locations(item, (*path, str(key)), source)


# --- pydantic errors → Indonesian, with lines ------------------------------------------------


def _translate(exc: ValidationError, source: YamlSource, model: type[BaseModel]) -> list[Problem]:
    result = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        line = source.line(loc)
        result.append(Problem(Location(source.file, line), _message(error, loc, model)))
    return result


def _message(error: ErrorDetails, loc: Path_, model: type[BaseModel]) -> str:
    kind = error["type"]
    where = ".".join(str(p) for p in loc)
    value = error.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        hint = saran(key, allowed) or f" (yang dikenal: {', '.join(allowed)})"
        return f"kunci '{key}' tidak dikenal{hint}"
    if kind == "missing":
        return f"kunci wajib '{loc[-1]}' tidak ada"
    if kind == "value_error":
        return f"{where}: {error['ctx']['error']}"
    messages = {
        "int_parsing": f"'{value}' bukan bilangan bulat",
        "int_type": "harus bilangan bulat",
        "string_type": "harus berupa teks, bukan daftar atau pemetaan",
        "string_too_short": "tidak boleh kosong",
        "list_type": "harus berupa daftar (baris-baris yang diawali '- ')",
        "too_short": "daftar tidak boleh kosong",
        "model_type": "harus berupa pemetaan (kunci: nilai)",
        "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
        "dict_type": "harus berupa pemetaan (kunci: nilai)",
        "decimal_type": "harus berupa angka",
        "bool_parsing": f"'{value}' bukan ya/tidak (true/false)",
        "string_pattern_mismatch": (
            f"'{value}' tidak sah: hanya huruf kecil, angka dan tanda '-' (contoh: kasubag-umum)"
        ),
    }
    if kind == "decimal_type" and value is None:
        return (
            f"{where}: nilai kosong (di dalam {{ }} koma memisahkan entri: tulis angka berkoma"
            " per baris atau beri tanda kutip)"
        )
    if kind == "literal_error":
        choices = str(error["ctx"]["expected"]).replace(" or ", " atau ")
        return f"'{value}' tidak sah di {where}; pilihan: {choices}"
    if kind in messages:
        return f"{where}: {messages[kind]}"
    return f"{where}: nilai tidak sah ({error['msg']})"


def _fields_at(model: type[BaseModel], loc: Path_) -> list[str]:
    """Field names of the model found by following ``loc`` through ``model``'s annotations."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            annotation = annotation.model_fields[str(part)].annotation
        else:
            args = typing.get_args(annotation)
            annotation = args[-1] if args else None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional / Annotated around a type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    return annotation
