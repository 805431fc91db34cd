"""Read a workbook back into a dinas's YAML files.

Every problem is reported as ``buku.xlsx Lembar!F7: …`` in Bahasa Indonesia and nothing is
written when there is one. Files are updated in place with ruamel.yaml's round trip: comments,
key order and the spelling of unchanged values stay as they were (``80,90`` is not rewritten as
``80,9``); only what changed in the workbook changes in the YAML.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from openpyxl import load_workbook
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML

from dokgen.errors import DataError, Location, Problem, saran
from dokgen.excel import lembar
from dokgen.load import load
from dokgen.model import (
    Dinas,
    Indikator,
    IndikatorIKI,
    Jabatan,
    Kegiatan,
    Pejabat,
    Program,
    Sasaran,
    Tujuan,
)
from dokgen.output import write_atomic

ANGKA = {"tahun_dasar", "pengali", "nilai"}
"""Columns holding a number (besides the target/realisasi/pagu year columns)."""
PETA = {"target", "realisasi", "pagu", "indikator", "anggaran"}
"""YAML mappings whose keys are data (years, codes): a key missing from the workbook is removed."""


@dataclass
class Baris:
    """One row of a sheet: its values as YAML text, and the cell of each column."""

    sheet: str
    values: dict[str, str]
    cells: dict[str, str]

    def get(self, column: str) -> str | None:
        return self.values.get(column)


@dataclass
class Buku:
    """The workbook being read, collecting problems as it goes."""

    path: Path
    rows: dict[str, list[Baris]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def galat(self, row: Baris | None, column: str, message: str, sheet: str = "") -> None:
        cell = row.cells.get(column, "A1") if row else "A1"
        where = f"{self.path.name} {row.sheet if row else sheet}!{cell}"
        self.problems.append(Problem(Location(Path(where)), message))


def _text(value: Any, column: str) -> str | None:
    """A cell's value as the text YAML would hold (numbers the Indonesian way)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    numeric = column in ANGKA or column.split(" ")[0] in ("target", "realisasi")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        number = Decimal(repr(value))
        if number == number.to_integral_value():
            return str(int(number))
        return str(number).replace(".", ",") if numeric else repr(value)
    return str(value).strip()


def baca(path: Path) -> Buku:
    """Every sheet of the workbook as rows of text."""
    buku = Buku(path)
    try:
        book = load_workbook(io.BytesIO(path.read_bytes()), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise DataError(
            [Problem(Location(path), f"bukan buku kerja Excel (.xlsx): {exc}")]
        ) from None
    for name in lembar.LEMBAR:
        if name not in book.sheetnames:
            buku.galat(None, "", f"lembar '{name}' tidak ada", sheet=name)
            continue
        sheet = book[name]
        header = [str(c.value).strip() if c.value is not None else "" for c in sheet[1]]
        rows = []
        for cells in sheet.iter_rows(min_row=2):
            values = {h: _text(c.value, h) for h, c in zip(header, cells, strict=False) if h}
            if not any(v is not None for v in values.values()):
                continue
            coords = {h: c.coordinate for h, c in zip(header, cells, strict=False) if h}
            rows.append(Baris(name, {k: v for k, v in values.items() if v is not None}, coords))
        buku.rows[name] = rows
    if buku.problems:
        raise DataError(buku.problems)
    return buku


# --- rows → YAML-shaped values ----------------------------------------------------------------


def _nested(pairs: Iterator[tuple[str, str]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for dotted, value in pairs:
        parts = dotted.split(".")
        node = result
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return result


def _kv(buku: Buku, sheet: str) -> tuple[dict[str, Any], dict[str, Baris]]:
    rows = {r.get("kunci") or "": r for r in buku.rows.get(sheet, [])}
    pairs = ((k, v) for k, r in rows.items() if k and (v := r.get("nilai")) is not None)
    return _nested(pairs), rows


def _formula(row: Baris) -> Any:
    if row.get("pembilang") or row.get("penyebut"):
        formula = {"pembilang": row.get("pembilang"), "penyebut": row.get("penyebut")}
        if row.get("pengali"):
            formula["pengali"] = row.get("pengali")
        return {k: v for k, v in formula.items() if v is not None}
    return row.get("formula")


def _years(row: Baris, prefix: str) -> dict[str, str]:
    return {k.split(" ", 1)[1]: v for k, v in row.values.items() if k.startswith(prefix + " ")}


def _validate(
    buku: Buku,
    row: Baris,
    model: type[BaseModel],
    value: dict[str, Any],
    columns: dict[str, str] | None = None,
) -> None:
    """Report the model's complaints about ``value`` at the cells they come from."""
    try:
        model.model_validate(value)
    except ValidationError as exc:
        for error in exc.errors():
            loc = [str(p) for p in error["loc"]]
            column = (columns or {}).get(loc[0], loc[0])
            if loc[0] in ("target", "realisasi", "pagu") and len(loc) > 1:
                column = f"{loc[0]} {loc[1]}"
            if loc[0] == "formula":
                column = "pembilang" if row.get("pembilang") else "formula"
            buku.galat(row, column, _pesan(error, column))


def _pesan(error: ErrorDetails, column: str) -> str:
    kind = error["type"]
    if kind == "missing":
        return f"kolom '{column}' wajib diisi"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "literal_error":
        return f"'{error.get('input')}' tidak sah; pilihan: {error['ctx']['expected']}".replace(
            " or ", " atau "
        )
    if kind in ("int_parsing", "decimal_parsing"):
        return f"'{error.get('input')}' bukan angka"
    return f"nilai tidak sah ({error['msg']})"


def _indikator(buku: Buku, row: Baris) -> dict[str, Any]:
    value = {
        "kode": row.get("kode"),
        "uraian": row.get("uraian"),
        "satuan": row.get("satuan"),
        "formula": _formula(row),
        "sumber_data": row.get("sumber_data"),
        "polaritas": None if row.get("polaritas") == "positif" else row.get("polaritas"),
        "agregasi": None if row.get("agregasi") == "kumulatif" else row.get("agregasi"),
        "penjelasan": row.get("penjelasan"),
        "periode_pengukuran": row.get("periode_pengukuran"),
        "tahun_dasar": row.get("tahun_dasar"),
        "target": _years(row, "target") or None,
        "realisasi": _years(row, "realisasi") or None,
    }
    value = {k: v for k, v in value.items() if v is not None}
    _validate(buku, row, Indikator, value)
    return value


def _unique(buku: Buku, sheet: str, column: str = "kode") -> dict[str, Baris]:
    seen: dict[str, Baris] = {}
    for row in buku.rows.get(sheet, []):
        key = row.get(column)
        if key is None:
            buku.galat(row, column, f"kolom '{column}' wajib diisi")
        elif key in seen:
            buku.galat(
                row,
                column,
                f"kode '{key}' sudah dipakai di baris"
                f" {seen[key].cells[column][1:] if column in seen[key].cells else '?'}",
            )
        else:
            seen[key] = row
    return seen


def _renstra(buku: Buku) -> dict[str, Any] | None:
    kv, _ = _kv(buku, "Renstra")
    tujuan: dict[str, dict[str, Any]] = {}
    for kode, row in _unique(buku, "Tujuan").items():
        tujuan[kode] = {"kode": kode, "uraian": row.get("uraian")}
        _validate(buku, row, Tujuan, tujuan[kode])
    lepas: dict[str, dict[str, Any]] = {}
    sasaran: dict[str, dict[str, Any]] = {}
    for kode, row in _unique(buku, "Sasaran").items():
        item: dict[str, Any] = {"kode": kode, "uraian": row.get("uraian")}
        _validate(buku, row, Sasaran, item)
        sasaran[kode] = item
        parent = row.get("tujuan")
        if parent is None:
            lepas[kode] = item
        elif parent in tujuan:
            tujuan[parent].setdefault("sasaran", []).append(item)
        else:
            buku.galat(
                row,
                "tujuan",
                f"tujuan '{parent}' tidak ada di lembar Tujuan{saran(parent, tujuan)}",
            )
    programs: dict[str, dict[str, Any]] = {}
    for kode, row in _unique(buku, "Program").items():
        iku = [k.strip() for k in (row.get("iku") or "").split(",") if k.strip()]
        item = {
            "kode": kode,
            "nama": row.get("nama"),
            "sasaran": row.get("sasaran"),
            "iku": iku[0] if len(iku) == 1 else (iku or None),
        }
        programs[kode] = {k: v for k, v in item.items() if v is not None}
        _validate(buku, row, Program, programs[kode])
    kegiatan: dict[str, dict[str, Any]] = {}
    for kode, row in _unique(buku, "Kegiatan").items():
        item = {"kode": kode, "nama": row.get("nama")}
        if _years(row, "pagu"):
            item["pagu"] = _years(row, "pagu")
        _validate(buku, row, Kegiatan, item)
        kegiatan[kode] = item
        parent = row.get("program")
        if parent in programs:
            programs[parent].setdefault("kegiatan", []).append(item)
        else:
            buku.galat(
                row,
                "program",
                f"program '{parent}' tidak ada di lembar Program{saran(parent or '', programs)}",
            )
    owners = {"tujuan": tujuan, "sasaran": sasaran, "program": programs, "kegiatan": kegiatan}
    _unique(buku, "Indikator")
    for row in buku.rows.get("Indikator", []):
        kind, parent = row.get("jenis_induk"), row.get("induk")
        if kind not in owners:
            buku.galat(row, "jenis_induk", f"'{kind}' tidak sah; pilihan: {', '.join(owners)}")
            continue
        if parent not in owners[kind]:
            buku.galat(
                row, "induk", f"{kind} '{parent}' tidak ada{saran(parent or '', owners[kind])}"
            )
            continue
        owners[kind][parent].setdefault("indikator", []).append(_indikator(buku, row))
    if not kv and not tujuan and not sasaran and not programs:
        return None
    result: dict[str, Any] = {}
    if "periode" in kv:
        result["periode"] = kv["periode"]
    for key in ("tahun_dasar", "visi"):
        if key in kv:
            result[key] = kv[key]
    if kv.get("misi"):
        result["misi"] = kv["misi"].split("\n")
    if tujuan:
        result["tujuan"] = list(tujuan.values())
    if lepas:
        result["sasaran"] = list(lepas.values())
    if programs:
        result["program"] = list(programs.values())
    return result


def _jabatan(buku: Buku) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = {}
    for kode, row in _unique(buku, "Jabatan").items():
        item: dict[str, Any] = {"kode": kode, "nama": row.get("nama")}
        for key in ("atasan", "unit", "jenis"):
            if row.get(key):
                item[key] = row.get(key)
        pemangku = {k.split(".")[1]: v for k, v in row.values.items() if k.startswith("pemangku.")}
        if pemangku:
            item["pemangku"] = pemangku
            _validate(buku, row, Pejabat, pemangku, {"nama": "pemangku.nama"})
        item["tugas"] = (row.get("tugas") or "").split("\n") if row.get("tugas") else []
        item["fungsi"] = (row.get("fungsi") or "").split("\n") if row.get("fungsi") else []
        _validate(buku, row, Jabatan, item)
        item["iki"] = []
        result[kode] = item
    for row in buku.rows.get("IKI", []):
        owner = row.get("jabatan")
        if owner not in result:
            buku.galat(
                row,
                "jabatan",
                f"jabatan '{owner}' tidak ada di lembar Jabatan{saran(owner or '', result)}",
            )
            continue
        value = {
            "kode": row.get("kode"),
            "uraian": row.get("uraian"),
            "formula": _formula(row),
            "sumber_data": row.get("sumber_data"),
            "mendukung": row.get("mendukung"),
        }
        value = {k: v for k, v in value.items() if v is not None}
        _validate(buku, row, IndikatorIKI, value)
        sasaran = row.get("sasaran")
        if sasaran is None:
            buku.galat(row, "sasaran", "kolom 'sasaran' wajib diisi")
            continue
        iki = result[owner]["iki"]
        if iki and iki[-1]["sasaran"] == sasaran:
            iki[-1]["indikator"].append(value)
        else:
            iki.append({"sasaran": sasaran, "indikator": [value]})
    return result


def _realisasi(buku: Buku) -> dict[tuple[str, str], dict[str, Any]]:
    result: dict[tuple[str, str], dict[str, Any]] = {}
    for row in buku.rows.get("Realisasi", []):
        tahun, tw, jenis, kode = (row.get(k) for k in ("tahun", "triwulan", "jenis", "kode"))
        if tahun is None or tw is None or jenis is None or kode is None:
            missing = next(
                k
                for k, v in zip(
                    ("tahun", "triwulan", "jenis", "kode"), (tahun, tw, jenis, kode), strict=True
                )
                if v is None
            )
            buku.galat(row, missing, f"kolom '{missing}' wajib diisi")
            continue
        if jenis not in ("indikator", "anggaran"):
            buku.galat(row, "jenis", f"'{jenis}' tidak sah; pilihan: indikator, anggaran")
            continue
        value = row.get("nilai")
        try:
            parse_decimal((value or "").replace(" ", ""), locale="id_ID", strict=True)
        except NumberFormatError:
            buku.galat(row, "nilai", f"'{value}' bukan angka (tulis 1.234,5)")
            continue
        report = result.setdefault((tahun, tw), {"tahun": tahun, "triwulan": tw})
        section = report.setdefault(jenis, {})
        if kode in section:
            buku.galat(
                row, "kode", f"{jenis} '{kode}' triwulan {tw} tahun {tahun} ditulis dua kali"
            )
        section[kode] = value
    return result


# --- writing, keeping comments ----------------------------------------------------------------


def _yaml() -> YAML:
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


def _sama(old: Any, new: Any) -> bool:
    """The old YAML value means what the new one says (so its spelling is kept)."""
    if isinstance(new, list) and len(new) == 1 and not isinstance(old, list):
        return _sama(old, new[0])
    if isinstance(old, dict | list) or isinstance(new, dict | list):
        return False
    a, b = str(old), str(new)
    if a == b:
        return True
    if a.replace(" ", "").isdigit() and a.replace(" ", "") == b.replace(" ", ""):
        return True
    na, nb = _number(a), _number(b)
    return na is not None and na == nb


def _gabung(old: Any, new: Any, parent: str = "") -> Any:
    """``old`` (ruamel round-trip data) updated to ``new`` in place where possible."""
    if isinstance(old, dict) and isinstance(new, dict):
        keys = {str(k): k for k in old}
        for name, key in keys.items():
            if name not in new and (parent in PETA or name in KNOWN):
                del old[key]
        for name, value in new.items():
            if name in keys:
                old[keys[name]] = _gabung(old[keys[name]], value, name)
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
                old[i] = _gabung(old[i], value, parent)
            else:
                old.append(value)
        del old[len(new) :]
        return old
    return old if _sama(old, new) else new


KNOWN = {
    *{k.split(".")[-1] for k in lembar.DINAS + lembar.RENSTRA},
    "pemda",
    "kepala",
    "periode",
    "misi",
    "tujuan",
    "sasaran",
    "program",
    "kegiatan",
    "indikator",
    "iku",
    "target",
    "realisasi",
    "pagu",
    "satuan",
    "formula",
    "sumber_data",
    "polaritas",
    "agregasi",
    "penjelasan",
    "periode_pengukuran",
    "pembilang",
    "penyebut",
    "pengali",
    "atasan",
    "unit",
    "jenis",
    "tugas",
    "fungsi",
    "pemangku",
    "iki",
    "mendukung",
    "anggaran",
    "tahun",
    "triwulan",
    "kode",
    "uraian",
}
"""Keys the workbook holds: only these are removed from YAML when the workbook lacks them."""


def _tulis(path: Path, new: dict[str, Any]) -> bool:
    """Update ``path`` to ``new``; True when its text changed."""
    yaml = _yaml()
    old_text = path.read_text(encoding="utf-8") if path.is_file() else ""
    data = yaml.load(old_text) if old_text.strip() else None
    data = _gabung(data, new) if data is not None else new
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    if buffer.getvalue() == old_text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return True


@dataclass
class HasilImpor:
    diubah: list[Path] = field(default_factory=list)
    dihapus: list[Path] = field(default_factory=list)


def impor(xlsx: Path, folder: Path) -> HasilImpor:
    """Bring the workbook into ``folder``'s YAML; all or nothing."""
    buku = baca(xlsx)
    dinas, _ = _kv(buku, "Dinas")
    _validate_kv(buku, dinas)
    renstra = _renstra(buku)
    jabatan = _jabatan(buku)
    realisasi = _realisasi(buku)
    if buku.problems:
        raise DataError(buku.problems)

    with tempfile.TemporaryDirectory(prefix="dokgen-impor-") as tmp:
        work = Path(tmp) / folder.name
        if folder.is_dir():
            shutil.copytree(folder, work)
        changed: list[str] = []
        removed: list[str] = []
        if _tulis(work / "dinas.yaml", dinas):
            changed.append("dinas.yaml")
        if renstra is not None and _tulis(work / "renstra.yaml", renstra):
            changed.append("renstra.yaml")
        existing = {_kode(p): p for p in sorted((work / "jabatan").glob("*.yaml"))}
        number = len(existing)
        for kode, item in jabatan.items():
            path = existing.get(kode)
            if path is None:
                number += 1
                path = work / "jabatan" / f"{number:02d}-{kode}.yaml"
            if _tulis(path, item):
                changed.append(str(path.relative_to(work)))
        for kode, path in existing.items():
            if kode not in jabatan:
                path.unlink()
                removed.append(str(path.relative_to(work)))
        old_reports = {p.stem: p for p in (work / "realisasi").glob("*.yaml")}
        for (tahun, tw), report in realisasi.items():
            path = work / "realisasi" / f"{tahun}-{tw}.yaml"
            if _tulis(path, report):
                changed.append(str(path.relative_to(work)))
            old_reports.pop(path.stem, None)
        for path in old_reports.values():
            path.unlink()
            removed.append(str(path.relative_to(work)))
        try:
            load(work, pembanding=False)
        except DataError as exc:  # should not happen after the row checks; say where anyway
            raise DataError(
                [Problem(Location(xlsx), f"data hasil impor tidak sah: {m}") for m in exc.problems]
            ) from None
        result = HasilImpor()
        for name in changed:
            write_atomic(folder / name, (work / name).read_bytes())
            result.diubah.append(folder / name)
        for name in removed:
            (folder / name).unlink(missing_ok=True)
            result.dihapus.append(folder / name)
        return result


def _kode(path: Path) -> str:
    match = re.search(r"^kode:\s*['\"]?([^'\"\n]+)", path.read_text(encoding="utf-8"), re.M)
    return match.group(1).strip() if match else path.stem


def _validate_kv(buku: Buku, dinas: dict[str, Any]) -> None:
    _, rows = _kv(buku, "Dinas")
    try:
        Dinas.model_validate(dinas)
    except ValidationError as exc:
        for error in exc.errors():
            key = ".".join(str(p) for p in error["loc"])
            row = rows.get(key) or next(iter(rows.values()), None)
            buku.galat(row, "nilai", f"{key}: {_pesan(error, key)}", sheet="Dinas")
