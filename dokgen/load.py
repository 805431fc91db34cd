"""Load a dinas data folder into the model, reporting every problem with file and line.

A data folder holds ``dinas.yaml``, optionally ``renstra.yaml``, and one file per jabatan in
``jabatan/`` (their order, by file name, is the order of the structure and of the cards).
"""

from __future__ import annotations

import os
import stat
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from dokgen.errors import DataError, Location, Problem, alasan_os, saran
from dokgen.format import angka_tertulis
from dokgen.model import (
    Dinas,
    DokumenIku,
    Indikator,
    Jabatan,
    KartuIki,
    Katalog,
    Keputusan,
    LaporanKinerja,
    Model,
    Organisasi,
    Peraturan,
    Periksa,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    Renstra,
    RingkasanJabatan,
    Unit,
)
from dokgen.resources import KATALOG as KATALOG
from dokgen.yamlsrc import Path_, YamlSource, read_bytes, read_yaml

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
    iki: KartuIki | None = None
    """The date of the IKI cards (``iki.yaml``)."""
    realisasi: list[RealisasiTriwulan] = field(default_factory=list)
    """Every quarter's realisasi, ordered by year and quarter."""
    rencana_aksi: RencanaAksi | None = None
    """The Rencana Aksi of a year (``rencana-aksi.yaml``)."""
    pk: PerjanjianKinerja | None = None
    """The year and date of the Perjanjian Kinerja (``pk.yaml``)."""
    periksa: Periksa | None = None
    ringkasan: list[RingkasanJabatan] = field(default_factory=list)
    """A summary of every jabatan, also when ``jabatan`` holds none of them (a build)."""
    records: list[JabatanRecord] = field(default_factory=list)
    """What the check and the build need of every jabatan file, in order."""
    pembanding: DataDinas | None = None
    """The data the decree amended by this one was made from (``mengubah.pembanding``)."""
    logo: bytes = b""
    """The picture ``dinas.logo`` names, read and checked by the loader."""
    lingkup_jabatan: bool = False
    """True in the view a jabatan rule gets for one jabatan: helpers that gather items across
    the data (texts, officials, indicators) then give that jabatan's items only."""
    cache: Cache | None = None
    """The cache the data was loaded with: what a document computes from the data and an earlier
    build computed already (a tree's pictures, the cards' contexts) is taken from it."""

    @property
    def nama_folder(self) -> str:
        return self.folder.resolve().name

    def unit(self, kode: str) -> Unit | None:
        """The unit of organisasi.yaml with this kode."""
        units = self.organisasi.unit if self.organisasi else []
        return next((unit for unit in units if unit.kode == kode), None)


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
        try:
            names = berkas_jabatan(folder)
        except DataError as exc:
            names = []
            problems += exc.problems
        for name in names:
            problems += load_jabatan(Path(folder, "jabatan", name))[1]
        raise DataError(problems)
    lama = data.keputusan.mengubah if data.keputusan else None
    if pembanding and lama is not None and lama.pembanding:
        other = Path(folder) / lama.pembanding
        if not other.is_dir():
            file, line = lama.location_of("pembanding")
            assert file is not None  # read from keputusan-iku.yaml
            message = f"folder pembanding '{lama.pembanding}' tidak ditemukan"
            raise DataError([Problem(Location(file, line), message)])
        data.pembanding = load(other, pembanding=False)
    # The amending decree's Lampiran II compares the jabatan too: their models are needed.
    keep_models = cache is None or data.pembanding is not None
    data.cache = cache or Cache()
    data.records = read_all(data, data.cache, keep_models=keep_models, workers=workers)
    return data


def berkas_jabatan(folder: Path) -> list[str]:
    """The names of the jabatan files in ``folder/jabatan``, in the order of the structure (by
    file name): a kabupaten has thousands and most are only looked at (stat), not read.

    No ``jabatan`` folder means no jabatan; one that cannot be listed is a :class:`DataError`,
    never an empty list (a build would take every jabatan as removed and delete its card).
    """
    return daftar_yaml(Path(folder, "jabatan"), "jabatan")


def daftar_yaml(folder: Path, what: str) -> list[str]:
    """Names of the ``*.yaml`` files in ``folder``, sorted; none when ``folder`` does not exist.

    Raises :class:`DataError` when it exists but is not a folder or cannot be listed, and for a
    file that looks meant to be read but would not be (``.yml``, ``.YAML``).
    """
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        if not os.path.lexists(folder):
            return []
        problem = f"folder {what} tidak dapat dibaca: tautan simbolik ke folder yang tidak ada"
        raise DataError([Problem(Location(folder), problem)]) from None
    except NotADirectoryError:
        raise DataError([Problem(Location(folder), "harus berupa folder, bukan berkas")]) from None
    except OSError as exc:
        problem = f"folder {what} tidak dapat dibaca: {alasan_os(exc)}"
        raise DataError([Problem(Location(folder), problem)]) from None
    found = []
    problems = []
    for entry in entries:
        name = entry.name
        if name[0] == ".":
            continue
        if not name.endswith(".yaml"):
            if name.lower().endswith((".yaml", ".yml")):
                problem = (
                    f"berkas {what} harus berakhiran .yaml (huruf kecil); ganti namanya agar dibaca"
                )
                problems.append(Problem(Location(folder / name), problem))
            continue
        # the directory entry's type comes with the listing: a stat only for a symbolic link
        why = None if entry.is_file(follow_symlinks=False) else _bukan_berkas(entry)
        if why:
            problems.append(Problem(Location(folder / name), f"berkas tidak dapat dibaca: {why}"))
        else:
            found.append(name)
    if problems:
        raise DataError(problems)
    found.sort()
    return found


def _bukan_berkas(entry: os.DirEntry[str]) -> str | None:
    """Why ``entry`` (not a regular file itself) cannot be read as a data file, or None for a
    link to a regular file. Reading a named pipe would wait forever, so none is opened."""
    try:
        mode = entry.stat().st_mode
    except OSError as exc:
        return alasan_os(exc)
    if stat.S_ISREG(mode):
        return None
    return (
        "ini folder, bukan berkas"
        if stat.S_ISDIR(mode)
        else "bukan berkas biasa (pipa atau perangkat)"
    )


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
        if os.path.lexists(folder) and not os.path.exists(folder):
            message = "folder data tidak dapat dibaca: tautan simbolik ke folder yang tidak ada"
        elif folder.exists():
            message = "ini berkas, bukan folder data"
        else:
            message = "folder data tidak ditemukan"
        raise DataError([Problem(Location(folder), message)])
    problems: list[Problem] = _salah_nama(folder)
    if os.path.lexists(folder / IMPOR_TERPUTUS):
        message = (
            "impor Excel sebelumnya terputus di tengah jalan: jalankan lagi dokgen excel impor"
            " (folder dipulihkan lebih dulu) sebelum memeriksa atau membuat dokumen"
        )
        problems.append(Problem(Location(folder / IMPOR_TERPUTUS), message))

    dinas_file = folder / "dinas.yaml"
    dinas = None
    logo = b""
    if os.path.lexists(dinas_file):
        dinas, source = _read(dinas_file, Dinas, problems)
        if dinas and dinas.logo and source:
            where = Location(dinas_file, source.line(("logo",)))
            logo = _read_logo(folder, dinas.logo, where, problems)
    else:
        problems.append(Problem(Location(dinas_file), "berkas wajib dinas.yaml tidak ada"))

    renstra_file = folder / "renstra.yaml"
    renstra = _optional(renstra_file, Renstra, problems)

    peraturan = _load_peraturan(folder / "peraturan.yaml", problems)
    keputusan_file = folder / "keputusan-iku.yaml"
    keputusan = _optional(keputusan_file, Keputusan, problems)
    if keputusan and not os.path.lexists(renstra_file):
        problems.append(
            Problem(Location(keputusan_file, 1), "keputusan IKU memerlukan renstra.yaml")
        )

    organisasi = _optional(folder / "organisasi.yaml", Organisasi, problems)
    dokumen_iku = _optional(folder / "dokumen-iku.yaml", DokumenIku, problems)

    lkj = _optional(folder / "lkj.yaml", LaporanKinerja, problems)
    iki = _optional(folder / "iki.yaml", KartuIki, problems)
    realisasi = _load_realisasi(folder / "realisasi", renstra, renstra_file, problems)
    rencana_aksi = _optional(folder / "rencana-aksi.yaml", RencanaAksi, problems)
    pk = _optional(folder / "pk.yaml", PerjanjianKinerja, problems)
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
        iki=iki,
        realisasi=realisasi,
        rencana_aksi=rencana_aksi,
        pk=pk,
        periksa=periksa,
        logo=logo,
    )
    return data, problems


IMPOR_TERPUTUS = ".dokgen-impor"
"""The journal of an Excel import (:mod:`dokgen.excel.tulis`): while it is there, the folder
may hold half of an import."""

NAMA_DATA = (
    "dinas.yaml",
    "renstra.yaml",
    "peraturan.yaml",
    "keputusan-iku.yaml",
    "organisasi.yaml",
    "dokumen-iku.yaml",
    "lkj.yaml",
    "iki.yaml",
    "rencana-aksi.yaml",
    "pk.yaml",
    "periksa.yaml",
    "jabatan",
    "realisasi",
)
"""What a data folder may hold that dokgen reads."""


def _salah_nama(folder: Path) -> list[Problem]:
    """A file or folder that is meant to be read but is not, by its name ('Renstra.yaml',
    'renstra.yml', 'Jabatan'): reported, since the documents made from it would be dropped."""
    wanted = {}
    for name in NAMA_DATA:
        wanted[name.lower()] = name
        if name.endswith(".yaml"):
            wanted[name.removesuffix(".yaml") + ".yml"] = name
    try:
        names = os.listdir(folder)
    except OSError as exc:
        message = f"folder data tidak dapat dibaca: {alasan_os(exc)}"
        return [Problem(Location(folder), message)]
    problems = []
    for name in names:
        meant = wanted.get(name.lower())
        if meant and name != meant and not os.path.lexists(folder / meant):
            what = "folder" if meant in ("jabatan", "realisasi") else "berkas"
            message = f"{what} ini tidak dibaca: namanya harus '{meant}'"
            problems.append(Problem(Location(folder / name), message))
    return problems


def _load_realisasi(
    folder: Path, renstra: Renstra | None, renstra_file: Path, problems: list[Problem]
) -> list[RealisasiTriwulan]:
    """Every ``realisasi/*.yaml``; each kode must name an indicator or kegiatan of the Renstra."""
    result: dict[tuple[int, int], RealisasiTriwulan] = {}
    try:
        files = [folder / name for name in daftar_yaml(folder, "realisasi")]
    except DataError as exc:
        problems += exc.problems
        files = []
    for file in files:
        item, source = _read(file, RealisasiTriwulan, problems)
        if item is None or source is None:
            continue
        if renstra is None:  # when renstra.yaml is there but wrong, its own problems say so
            if not os.path.lexists(renstra_file):
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
    """``file`` validated, or None when there is no such file. Anything by that name is read,
    so that a folder, a broken link or an unreadable file is reported, never taken as absent
    (a build would then drop the documents made from it)."""
    return _load_file(file, model, problems) if os.path.lexists(file) else None


MAKS_LOGO = 5 * 2**20
"""Bytes of the largest logo: a letterhead picture is tens of kilobytes."""
MAKS_PIKSEL = 10_000
"""Pixels of the widest or highest logo (what Word or LibreOffice must decode to print it)."""


def _read_logo(folder: Path, logo: str, where: Location, problems: list[Problem]) -> bytes:
    """The logo's bytes: a PNG, JPEG, GIF or BMP picture inside the data folder — a relative
    path without '..', not a link to a file elsewhere, a regular file of at most 5 MB."""
    why, blob = _logo(folder, logo)
    if why:
        problems.append(Problem(where, f"berkas logo '{logo}' {why}"))
    return blob


def _logo(folder: Path, logo: str) -> tuple[str | None, bytes]:
    """(what is wrong with the logo, or None; its bytes)."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    windows = PureWindowsPath(logo)
    if PurePosixPath(logo).is_absolute() or windows.is_absolute() or windows.drive:
        return (
            "harus ditulis sebagai jalur di dalam folder data (mis. logo.png), bukan jalur mutlak",
            b"",
        )
    if ".." in windows.parts:  # PureWindowsPath splits at '/' and '\\' both
        return "harus berada di dalam folder data ('..' tidak boleh)", b""
    path = folder / logo
    if not os.path.exists(path):
        return "tidak ditemukan", b""
    root = os.path.realpath(folder)
    if os.path.commonpath([root, os.path.realpath(path)]) != root:
        return "menunjuk ke luar folder data (tautan simbolik); salin gambarnya ke folder data", b""
    try:
        blob = read_bytes(path, MAKS_LOGO)
    except DataError as exc:  # 'berkas tidak dapat dibaca: …', 'berkas terlalu besar …'
        return exc.problems[0].message.removeprefix("berkas "), b""
    try:
        image = Image.from_blob(blob)
    except UnrecognizedImageError:
        return "bukan gambar PNG/JPEG/GIF/BMP", b""
    except Exception:  # a damaged header: python-docx raises what its parsers meet
        return "rusak (kepala gambar tidak dapat dibaca)", b""
    width, height = image.px_width, image.px_height
    if not (0 < width <= MAKS_PIKSEL and 0 < height <= MAKS_PIKSEL):
        why = (
            f"berukuran {width} × {height} piksel, tidak wajar (paling besar {MAKS_PIKSEL} piksel)"
        )
        return why, b""
    return None, blob


def katalog(folder: Path | None) -> dict[str, Peraturan]:
    """The catalogue as documents see it: the shipped one, merged with ``folder``'s own
    peraturan.yaml when a data folder is given (``dokgen peraturan``)."""
    problems: list[Problem] = []
    result = _load_peraturan(folder / "peraturan.yaml" if folder else None, problems)
    if problems:
        raise DataError(problems)
    return result


def _load_peraturan(local: Path | None, problems: list[Problem]) -> dict[str, Peraturan]:
    """The shipped catalogue merged with the dinas's own; a key may not be defined twice."""
    katalog = _load_file(KATALOG, Katalog, problems)
    result = dict(katalog.peraturan) if katalog else {}
    if local is not None and os.path.lexists(local):
        extra = _load_file(local, Katalog, problems)
        for key, item in (extra.peraturan if extra else {}).items():
            if key in result:
                where = Location(local, item.location[1])
                problems.append(Problem(where, f"kunci '{key}' sudah ada di katalog dokgen"))
            result[key] = item
    return result  # keys of amendments and revocations: check rule PER007


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
    errors = exc.errors()
    empty = {tuple(e["loc"]) for e in errors if e["type"] == "decimal_type" and e["input"] is None}
    for error in errors:
        loc = tuple(error["loc"])
        if loc[-1:] == ("[key]",) and loc[:-1] in empty:
            continue  # '{2019: 80,94}': the key '94' is a symptom, the empty value says why
        line = source.line(loc)
        result.append(Problem(Location(source.file, line), _message(error, loc, model)))
    return result


def _message(error: ErrorDetails, loc: Path_, model: type[BaseModel]) -> str:
    kind = error["type"]
    key_error = bool(loc) and loc[-1] == "[key]"  # a dict key (a year) that is not valid
    if key_error:
        loc = loc[:-1]
    where = ".".join(str(p) for p in loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(model, loc[:-1])
        hint = saran(key, allowed) or f" (yang dikenal: {', '.join(allowed)})"
        return f"kunci '{key}' tidak dikenal{hint}"
    if kind == "missing":
        return f"kunci wajib '{loc[-1]}' tidak ada"
    if kind == "value_error" and "error" in ctx:
        return f"{where}: {ctx['error']}"
    if kind == "decimal_type" and value is None:
        return (
            f"{where}: nilai kosong (di dalam {{ }} koma memisahkan entri: tulis angka berkoma"
            " per baris atau beri tanda kutip)"
        )
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return f"'{_shown(value)}' tidak sah di {where}; pilihan: {choices}"
    message = _MESSAGES.get(kind)
    if message is None:  # a kind no model of dokgen should meet: still no English
        message = "nilai '{value}' tidak sah"
    text = message.format_map(_Ctx(ctx, value=_shown(value)))
    return f"{where}: {'kunci ' if key_error else ''}{text}"


class _Ctx(dict[str, Any]):
    """pydantic's ``ctx`` for ``str.format_map``: numbers written the Indonesian way, and
    '…' for a field a message names but an error lacks."""

    def __init__(self, ctx: Any, value: str) -> None:
        super().__init__(value=value)
        for name, item in dict(ctx).items():
            self[name] = _shown(item)

    def __missing__(self, key: str) -> str:
        return "…"


def _shown(value: Any) -> str:
    """A value as a message quotes it: short, numbers without English separators."""
    if isinstance(value, dict):
        return "(pemetaan)"
    if isinstance(value, list):
        return "(daftar)"
    if isinstance(value, Decimal | float):
        try:
            return angka_tertulis(Decimal(str(value)))
        except ArithmeticError:
            pass
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


_MESSAGES = {
    # every message is formatted with pydantic's ctx ({ge}, {max_length} …) and {value}
    "int_parsing": "'{value}' bukan bilangan bulat",
    "int_parsing_size": "'{value}' terlalu panjang untuk bilangan bulat",
    "int_from_float": "'{value}' harus bilangan bulat, tanpa koma",
    "int_type": "harus bilangan bulat",
    "float_parsing": "'{value}' bukan angka",
    "float_type": "harus berupa angka",
    "decimal_parsing": "'{value}' bukan angka",
    "decimal_type": "harus berupa angka",
    "decimal_max_digits": "'{value}' memuat terlalu banyak angka (paling banyak {max_digits})",
    "decimal_max_places": (
        "'{value}' memuat terlalu banyak angka di belakang koma (paling banyak {decimal_places})"
    ),
    "decimal_whole_digits": (
        "'{value}' memuat terlalu banyak angka di depan koma (paling banyak {whole_digits})"
    ),
    "finite_number": "'{value}' bukan angka",
    "greater_than": "'{value}' terlalu kecil: harus lebih dari {gt}",
    "greater_than_equal": "'{value}' terlalu kecil: paling kecil {ge}",
    "less_than": "'{value}' terlalu besar: harus kurang dari {lt}",
    "less_than_equal": "'{value}' terlalu besar: paling besar {le}",
    "multiple_of": "'{value}' harus kelipatan {multiple_of}",
    "string_type": "harus berupa teks, bukan daftar atau pemetaan",
    "string_too_short": "tidak boleh kosong",
    "string_too_long": "teks terlalu panjang (paling banyak {max_length} karakter)",
    "string_unicode": "teks tidak sah",
    "string_not_ascii": "hanya huruf Latin tanpa aksen, angka dan tanda baca biasa",
    "string_pattern_mismatch": (
        "'{value}' tidak sah: hanya huruf kecil, angka dan tanda '-' (contoh: kasubag-umum)"
    ),
    "list_type": "harus berupa daftar (baris-baris yang diawali '- ')",
    "tuple_type": "harus berupa daftar (baris-baris yang diawali '- ')",
    "set_type": "harus berupa daftar (baris-baris yang diawali '- ')",
    "iterable_type": "harus berupa daftar (baris-baris yang diawali '- ')",
    "too_short": "daftar tidak boleh kosong",
    "too_long": "daftar terlalu panjang (paling banyak {max_length} butir)",
    "model_type": "harus berupa pemetaan (kunci: nilai)",
    "model_attributes_type": "harus berupa pemetaan (kunci: nilai)",
    "dict_type": "harus berupa pemetaan (kunci: nilai)",
    "mapping_type": "harus berupa pemetaan (kunci: nilai)",
    "bool_parsing": "'{value}' bukan ya/tidak (true/false)",
    "bool_type": "harus ya/tidak (true/false)",
    "date_parsing": "'{value}' bukan tanggal: tulis TAHUN-BULAN-HARI, mis. 2021-01-15",
    "date_from_datetime_parsing": (
        "'{value}' bukan tanggal yang ada: tulis TAHUN-BULAN-HARI, mis. 2021-01-15"
    ),
    "date_from_datetime_inexact": "'{value}' harus tanggal saja, tanpa jam",
    "date_type": "harus tanggal: tulis TAHUN-BULAN-HARI, mis. 2021-01-15",
    "date_past": "tanggal harus sudah lewat",
    "date_future": "tanggal harus di masa depan",
    "datetime_parsing": "'{value}' bukan tanggal dan jam",
    "datetime_from_date_parsing": "'{value}' bukan tanggal dan jam",
    "datetime_type": "harus tanggal dan jam",
    "time_parsing": "'{value}' bukan jam",
    "time_type": "harus jam",
    "enum": "'{value}' tidak sah; pilihan: {expected}",
    "none_required": "harus kosong",
    "union_tag_invalid": "'{value}' tidak sah; pilihan: {expected_tags}",
    "union_tag_not_found": "jenisnya tidak disebut",
    "recursion_loop": "isi berulang tanpa akhir",
    "recursion_depth_exceeded": "isi bertingkat terlalu dalam",
    "assertion_error": "nilai '{value}' tidak sah",
    "url_parsing": "'{value}' bukan alamat laman",
    "url_type": "harus alamat laman",
    "bytes_type": "harus berupa teks",
    "invalid_key": "kunci harus teks",
}
"""pydantic's error kinds in Indonesian; the kinds not here get a neutral sentence."""


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
