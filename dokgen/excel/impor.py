"""Read a workbook back into a dinas's YAML files.

Every problem is reported as ``buku.xlsx Lembar!F7: …`` in Bahasa Indonesia and nothing is
written when there is one. Files are updated in place with ruamel.yaml's round trip: comments,
key order and the spelling of unchanged values stay as they were (``80,90`` is not rewritten as
``80,9``); only what changed in the workbook changes in the YAML.

The stages: :func:`baca.baca` judges the file and every cell; the rows become YAML-shaped values,
checked row by row against the model; every value that becomes a file name (jabatan kode, tahun
and triwulan of a realisasi) is checked to be a plain name (``jabatan/07-kode.yaml``,
``realisasi/2024-2.yaml``: nothing reserved on Windows, nothing leading out of the folder); the
new text of every file is made in memory from the files as they are; the whole result is loaded
from a copy of the folder; and :func:`tulis.terapkan` writes the changed files all or nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from babel.numbers import NumberFormatError, parse_decimal
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from dokgen.errors import DataError, Location, Problem, saran
from dokgen.excel import lembar, sel, tulis
from dokgen.excel.baca import Baris, Buku, baca
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
from dokgen.yamledit import new_bytes, read_original

MAX_KODE = 80
"""Longest jabatan kode: it becomes the file name ``jabatan/NN-kode.yaml``."""
_KODE_JABATAN = re.compile(r"[a-z0-9][a-z0-9-]*")
_TAHUN = re.compile(r"\d{4}")
_TRIWULAN = re.compile(r"[1-4]")


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
    result = _nested(pairs)
    for dotted, row in rows.items():
        node: Any = result
        *parents, last = dotted.split(".")
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict) and last in node:
            buku.asal_kunci[(id(node), last)] = row
    return result, rows


def _periksa_kunci(buku: Buku, sheet: str, known: list[str]) -> None:
    """Each kunci of a key/value sheet once, and one the sheet has: a renamed kunci ('Visi')
    would otherwise drop its value from the YAML file."""
    seen: dict[str, Baris] = {}
    for row in buku.rows.get(sheet, []):
        kunci = row.get("kunci")
        if kunci is None:
            buku.galat(row, "kunci", "kolom 'kunci' wajib diisi")
        elif kunci not in known:
            buku.galat(row, "kunci", f"kunci '{kunci}' tidak dikenal{saran(kunci, known)}")
        elif kunci in seen:
            buku.galat(row, "kunci", f"kunci '{kunci}' sudah ada di {seen[kunci].cells['kunci']}")
        else:
            seen[kunci] = row


def _periksa_logo(buku: Buku, rows: dict[str, Baris], logo: Any) -> None:
    """The logo is a file inside the data folder: no absolute path, drive or '..'."""
    if not isinstance(logo, str):
        return
    windows = PureWindowsPath(logo)
    if (
        windows.drive
        or windows.is_absolute()
        or PurePosixPath(logo).is_absolute()
        or (".." in windows.parts)
    ):
        buku.galat(
            rows.get("logo"),
            "nilai",
            f"logo '{logo}' harus berkas di dalam folder data (mis. logo.png)",
            sheet="Dinas",
        )


def _periksa_tahun(buku: Buku, renstra: dict[str, Any]) -> None:
    """Every year of the Renstra period has its 'target', 'realisasi' and 'pagu' column: a
    deleted year column would otherwise remove that year's values from every indicator."""
    periode = renstra.get("periode")
    if not isinstance(periode, dict):
        return
    awal, akhir = str(periode.get("awal")), str(periode.get("akhir"))
    if not (_TAHUN.fullmatch(awal) and _TAHUN.fullmatch(akhir)):
        return
    for year in range(int(awal), int(akhir) + 1) if int(akhir) - int(awal) <= 30 else ():
        for sheet, kinds in lembar.TAHUNAN.items():
            for kind in kinds:
                column = f"{kind} {year}"
                if sheet in buku.kolom and column not in buku.kolom[sheet]:
                    buku.galat_sel(
                        sheet,
                        "A1",
                        f"kolom '{column}' tidak ada, padahal {year} termasuk periode Renstra"
                        f" {awal}–{akhir}; tambahkan kolom itu (boleh kosong)",
                    )


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
    """Report the model's complaints about ``value`` at the cells they come from; remember the
    row ``value`` was made from."""
    buku.asal[id(value)] = row
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
    if kind == "string_pattern_mismatch":
        return (
            f"'{error.get('input')}' tidak sah: hanya huruf kecil, angka dan tanda hubung"
            " (mis. kasubag-umum)"
        )
    if kind in ("string_too_short", "too_short"):
        return f"kolom '{column}' wajib diisi"
    limit = next(iter(error.get("ctx", {}).values()), "")
    if kind in ("greater_than_equal", "greater_than"):
        return f"'{error.get('input')}' terlalu kecil (batasnya {limit})"
    if kind in ("less_than_equal", "less_than"):
        return f"'{error.get('input')}' terlalu besar (batasnya {limit})"
    if kind == "extra_forbidden":
        return f"'{column}' tidak dikenal"
    return f"nilai '{error.get('input')}' tidak sah"


def _indikator(buku: Buku, row: Baris) -> dict[str, Any]:
    value = {
        "kode": row.get("kode"),
        "uraian": row.get("uraian"),
        "satuan": row.get("satuan"),
        "formula": _formula(row),
        "sumber_data": row.get("sumber_data"),
        "polaritas": None if row.get("polaritas") == "positif" else row.get("polaritas"),
        "agregasi": row.get("agregasi"),
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
    kv, kv_rows = _kv(buku, "Renstra")
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
        if row.get("unit"):
            item["unit"] = row.get("unit")
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
    for key in ("periode", "tahun_dasar", "visi", "misi"):
        if key in result and key in kv_rows:
            buku.asal_kunci[(id(result), key)] = kv_rows[key]
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
        if not _KODE_JABATAN.fullmatch(kode) or len(kode) > MAX_KODE:
            buku.galat(
                row,
                "kode",
                f"kode jabatan '{kode[:100]}' tidak sah: menjadi nama berkas, jadi hanya huruf"
                f" kecil, angka dan tanda hubung, paling panjang {MAX_KODE} (mis. kasubag-umum)",
            )
            continue
        item: dict[str, Any] = {"kode": kode, "nama": row.get("nama")}
        for key in ("atasan", "unit", "jenis"):
            if row.get(key):
                item[key] = row.get(key)
        pemangku = {k.split(".")[1]: v for k, v in row.values.items() if k.startswith("pemangku.")}
        if pemangku:
            item["pemangku"] = pemangku
            _validate(buku, row, Pejabat, pemangku, {"nama": "pemangku.nama"})
        for key in ("tugas", "fungsi"):
            # empty: [] — or, for a jabatan with a unit, no key: the card takes the unit's
            if row.get(key) or not item.get("unit"):
                item[key] = (row.get(key) or "").split("\n") if row.get(key) else []
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
            "target": _years(row, "target") or None,
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
            buku.asal[id(iki[-1])] = row
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
        if not _TAHUN.fullmatch(tahun):
            buku.galat(
                row, "tahun", f"tahun '{tahun[:40]}' tidak sah: tulis empat angka, mis. 2024"
            )
            continue
        if not _TRIWULAN.fullmatch(tw):
            buku.galat(row, "triwulan", f"triwulan '{tw[:40]}' tidak sah: tulis 1, 2, 3 atau 4")
            continue
        if jenis not in ("indikator", "anggaran"):
            buku.galat(row, "jenis", f"'{jenis}' tidak sah; pilihan: indikator, anggaran")
            continue
        value = row.get("nilai")
        if value is None:
            buku.galat(row, "nilai", "kolom 'nilai' wajib diisi")
            continue
        if jenis == "anggaran" and "nilai" in row.persen:
            buku.galat(row, "nilai", "rupiah tidak boleh berupa persen; ketik jumlah rupiahnya")
            continue
        text = re.sub(r"^Rp\.?\s*", "", value) if jenis == "anggaran" else value
        try:
            number = parse_decimal(text.replace(" ", ""), locale="id_ID", strict=True)
        except NumberFormatError:
            buku.galat(row, "nilai", f"'{value}' bukan angka (tulis 1.234,5)")
            continue
        if jenis == "anggaran" and number != number.to_integral_value():
            buku.galat(row, "nilai", f"'{value}' harus rupiah bulat tanpa sen")
            continue
        report = result.setdefault((tahun, tw), {"tahun": int(tahun), "triwulan": int(tw)})
        section = report.setdefault(jenis, {})
        buku.asal.setdefault(id(report), row)
        buku.asal_kunci[(id(section), kode)] = row
        if kode in section:
            buku.galat(
                row, "kode", f"{jenis} '{kode}' triwulan {tw} tahun {tahun} ditulis dua kali"
            )
        section[kode] = value
    return result


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


@dataclass
class HasilImpor:
    diubah: list[Path] = field(default_factory=list)
    dihapus: list[Path] = field(default_factory=list)
    dipulihkan: bool = False
    """An import that had been cut short (killed, power lost) was undone first."""
    asal: dict[str, sel.Peta] = field(default_factory=dict)
    """Every file made from the workbook (as ``folder/name``): the row of each of its values."""


@dataclass
class _Data:
    """The workbook as YAML-shaped values, one entry per file."""

    dinas: dict[str, Any]
    renstra: dict[str, Any] | None
    jabatan: dict[str, dict[str, Any]]
    realisasi: dict[tuple[str, str], dict[str, Any]]


def impor(xlsx: Path, folder: Path) -> HasilImpor:
    """Bring the workbook into ``folder``'s YAML; all or nothing. An earlier import that was
    cut short is undone first, whatever the workbook holds."""
    if os.path.lexists(folder) and not folder.is_dir():
        raise DataError([Problem(Location(folder), "bukan folder; berikan folder data dinas")])
    result = HasilImpor(dipulihkan=tulis.pulihkan(folder) if folder.is_dir() else False)
    buku = baca(xlsx)
    data = _dari_buku(buku)
    baru: dict[str, Any] = {}
    perubahan = _rencana(folder, data, baru)
    result.asal = {str(folder / name): sel.peta(buku, value) for name, value in baru.items()}
    _periksa_hasil(xlsx, folder, perubahan)
    tulis.terapkan(folder, perubahan)
    for name, content in perubahan.items():
        (result.diubah if content is not None else result.dihapus).append(folder / name)
    return result


def _dari_buku(buku: Buku) -> _Data:
    """Every sheet's rows as the values of each YAML file; every problem at its cell."""
    dinas, rows = _kv(buku, "Dinas")
    _periksa_kunci(buku, "Dinas", lembar.DINAS)
    _periksa_kunci(buku, "Renstra", lembar.RENSTRA)
    _validate_kv(buku, dinas)
    _periksa_logo(buku, rows, dinas.get("logo"))
    _periksa_tahun(buku, _kv(buku, "Renstra")[0])
    renstra = _renstra(buku)
    jabatan = _jabatan(buku)
    realisasi = _realisasi(buku)
    if buku.problems:
        raise DataError(buku.problems)
    return _Data(dinas, renstra, jabatan, realisasi)


def _yaml_di(folder: Path, sub: str) -> list[Path]:
    """The YAML files of ``folder/sub`` (by name; hidden ones are not data)."""
    try:
        names = os.listdir(folder / sub)
    except OSError:
        return []
    return [folder / sub / n for n in sorted(names) if n.endswith(".yaml") and n[0] != "."]


def _rencana(folder: Path, data: _Data, baru: dict[str, Any]) -> dict[str, bytes | None]:
    """What to write (new bytes) and remove (None), by path inside ``folder``; nothing for a
    file whose text stays the same. ``baru`` receives every file's values from the workbook."""
    problems: list[Problem] = []
    perubahan: dict[str, bytes | None] = {}
    for sub in ("jabatan", "realisasi"):
        if os.path.lexists(folder / sub) and not (folder / sub).is_dir():
            problems.append(Problem(Location(folder / sub), "harus berupa folder, bukan berkas"))
    if problems:
        raise DataError(problems)

    def tulis_ke(name: str, new: dict[str, Any]) -> None:
        path = tulis.aman(folder, name)
        asli = read_original(path, problems) if os.path.lexists(path) else None
        if asli is None and os.path.lexists(path):
            return
        baru[name] = new
        content = new_bytes(path, asli, new, problems, KNOWN)
        if content is not None:
            perubahan[name] = content

    tulis_ke("dinas.yaml", data.dinas)
    if data.renstra is not None:
        tulis_ke("renstra.yaml", data.renstra)
    existing: dict[str, str] = {}
    for path in _yaml_di(folder, "jabatan"):
        asli = read_original(path, problems)
        if asli is not None:
            existing[_kode(asli.text, path)] = f"jabatan/{path.name}"
    taken = {Path(name).name for name in existing.values()}
    number = len(existing)
    for kode, item in data.jabatan.items():
        name = existing.get(kode)
        if name is None:
            number += 1
            while f"{number:02d}-{kode}.yaml" in taken:
                number += 1
            name = f"jabatan/{number:02d}-{kode}.yaml"
            taken.add(Path(name).name)
        tulis_ke(name, item)
    for kode, name in existing.items():
        if kode not in data.jabatan:
            perubahan[name] = None
    old_reports = {f"realisasi/{p.name}" for p in _yaml_di(folder, "realisasi")}
    for (tahun, tw), report in data.realisasi.items():
        name = f"realisasi/{tahun}-{tw}.yaml"
        tulis_ke(name, report)
        old_reports.discard(name)
    for name in sorted(old_reports):
        perubahan[name] = None
    if problems:
        raise DataError(problems)
    return perubahan


def _periksa_hasil(xlsx: Path, folder: Path, perubahan: dict[str, bytes | None]) -> None:
    """Load a copy of ``folder`` with the changes made: the result must be valid data."""
    problems = tulis.masalah_salinan(folder, perubahan)
    if problems:  # should not happen after the row checks; say where anyway
        raise DataError(
            [Problem(Location(xlsx), f"data hasil impor tidak sah: {m}") for m in problems]
        )


def _kode(text: str, path: Path) -> str:
    match = re.search(r"^kode:\s*['\"]?([^'\"\n]+)", text, re.M)
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
