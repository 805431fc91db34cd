"""Versions of a dinas's data and the revision screen.

"Simpan versi" copies the data files of a dinas (its YAML files and the logo ``dinas.yaml``
names) into ``<ruang kerja>/.versi/<nama>/<YYYYmmdd-HHMMSS>/``: a dot folder, never listed as a
dinas. The page of a version lists what changed since, in the words of ``dokgen diff``
(:func:`dokgen.diff.bandingkan`), and writes the ``mengubah:`` block and ``alasan`` of
``keputusan-iku.yaml`` (comments kept: the Excel import's ruamel merge) so that the next build
makes the amending decree with its matriks perubahan against that version.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import tempfile
import threading
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, get_args

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from dokgen.diff import Perubahan
from dokgen.errors import DataError, Location, Problem
from dokgen.web.dasar import halaman, ruang
from dokgen.web.ruang import Ruang

router = APIRouter()

FOLDER_VERSI = ".versi"
"""The folder of the workspace holding every dinas's versions (a dot folder: not a dinas)."""
NAMA_VERSI = re.compile(r"\d{8}-\d{6}(?:-\d{1,3})?")
"""A version's name: the moment it was saved, ``20260301-142530`` (``-2`` for a second one in
the same second). Digits and hyphens only: a name from a URL can name nothing else."""
CATATAN = ".catatan"
"""The note of a version, inside its folder (a dot file: the loader does not read it)."""
KEPUTUSAN = "keputusan-iku.yaml"
TANDA = {"ditambah": "+", "dihapus": "-", "diubah": "~"}
"""The marks of ``dokgen diff``."""
MAKS_CATATAN = 500


# --- the versions of a dinas ---------------------------------------------------------------


def _akar(kerja: Ruang, nama: str) -> Path:
    """``.versi/<nama>`` of the workspace (not made); refused when a link leads it out."""
    kerja.dinas(nama)
    root = kerja.folder / FOLDER_VERSI / nama
    inside = kerja.folder.resolve()
    if os.path.lexists(root.parent) and not root.parent.resolve().is_relative_to(inside):
        raise HTTPException(500, f"folder {FOLDER_VERSI} menunjuk ke luar ruang kerja")
    return root


def _folder_versi(kerja: Ruang, nama: str, versi: str) -> Path:
    """The folder of version ``versi`` of dinas ``nama``; 404 when there is none."""
    if not NAMA_VERSI.fullmatch(versi):
        raise HTTPException(404, f"versi '{versi[:40]}' tidak ada")
    folder = _akar(kerja, nama) / versi
    if not folder.is_dir() or folder.is_symlink():
        raise HTTPException(404, f"versi '{versi}' dari dinas '{nama}' tidak ada")
    return folder


def _waktu(versi: str) -> str:
    """'1 Desember 2026 pukul 16.26' from a version's name."""
    from dokgen.format import tanggal

    moment = dt.datetime.strptime(versi[:15], "%Y%m%d-%H%M%S")
    return f"{tanggal(moment.date())} pukul {moment:%H.%M}"


def _catatan(folder: Path) -> str:
    try:
        return (folder / CATATAN).read_text(encoding="utf-8")[:MAKS_CATATAN]
    except (OSError, UnicodeDecodeError):
        return ""


def daftar_versi(kerja: Ruang, nama: str) -> list[dict[str, str]]:
    """The saved versions of dinas ``nama``, newest first."""
    root = _akar(kerja, nama)
    if not root.is_dir():
        return []
    names = [
        p.name
        for p in root.iterdir()
        if NAMA_VERSI.fullmatch(p.name) and p.is_dir() and not p.is_symlink()
    ]
    names.sort(key=lambda n: (n[:15], int(n[16:] or 1)), reverse=True)
    return [{"nama": n, "waktu": _waktu(n), "catatan": _catatan(root / n)} for n in names]


def berkas_data(folder: Path) -> dict[str, bytes]:
    """The data files of a dinas folder by their path inside it: every YAML file at the top and
    in ``jabatan/`` and ``realisasi/``, and the logo ``dinas.yaml`` names (as the loader checks
    it). Files are read as the loader reads them (regular files, 10 MB at most)."""
    from dokgen.load import _logo
    from dokgen.yamlsrc import read_bytes, read_yaml

    root = os.path.realpath(folder)
    result: dict[str, bytes] = {}
    for sub in ("", "jabatan", "realisasi"):
        where = folder / sub
        if not where.is_dir() or where.is_symlink():
            continue
        for entry in sorted(os.scandir(where), key=lambda e: e.name):
            name = entry.name
            if name.startswith(".") or not name.lower().endswith((".yaml", ".yml")):
                continue
            inside = os.path.commonpath([root, os.path.realpath(entry.path)]) == root
            if entry.is_file() and inside:
                result[str(PurePosixPath(sub, name)) if sub else name] = read_bytes(Path(entry))
    try:
        logo = read_yaml(folder / "dinas.yaml").data.get("logo")
    except (DataError, AttributeError):
        logo = None
    if isinstance(logo, str) and logo.strip():
        why, blob = _logo(folder, logo)
        if why is None:
            result[PurePosixPath(*Path(logo).parts).as_posix()] = blob
    return result


def simpan_versi(kerja: Ruang, nama: str, catatan: str, kapan: dt.datetime) -> str:
    """Copy the data files of dinas ``nama`` into a new version; its name."""
    folder = kerja.dinas(nama)
    root = _akar(kerja, nama)
    files = berkas_data(folder)
    root.mkdir(parents=True, exist_ok=True)
    stamp = f"{kapan:%Y%m%d-%H%M%S}"
    versi, number = stamp, 1
    while os.path.lexists(root / versi):
        number += 1
        versi = f"{stamp}-{number}"
    work = Path(tempfile.mkdtemp(prefix=f".{versi}.", dir=root))
    try:
        for name, blob in files.items():
            target = work.joinpath(*PurePosixPath(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
        (work / CATATAN).write_text(catatan, encoding="utf-8")
        work.rename(root / versi)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return versi


def _kunci(kerja: Ruang, nama: str) -> threading.Lock:
    """The dinas's lock, taken; 409 while a build or another save holds it."""
    lock = kerja.kunci(nama)
    if not lock.acquire(timeout=5):
        raise HTTPException(409, "dinas ini sedang dibuat dokumennya atau disimpan; coba lagi")
    return lock


@router.get("/dinas/{nama}/versi", response_class=HTMLResponse)
def versi(request: Request, nama: str, disimpan: str = "") -> HTMLResponse:
    kerja = ruang(request)
    semua = daftar_versi(kerja, nama)
    baru = disimpan if any(v["nama"] == disimpan for v in semua) else ""
    return halaman(request, "versi_daftar.html", nama=nama, versi=semua, disimpan=baru)


@router.post("/dinas/{nama}/versi/simpan", response_class=HTMLResponse, response_model=None)
def simpan(request: Request, nama: str, catatan: Annotated[str, Form()] = "") -> RedirectResponse:
    """Snapshot the dinas's data files (under its lock: no build or save writes meanwhile)."""
    kerja = ruang(request)
    kerja.dinas(nama)
    catatan = " ".join(catatan.split())[:MAKS_CATATAN]
    lock = _kunci(kerja, nama)
    try:
        name = simpan_versi(kerja, nama, catatan, dt.datetime.now())
    except OSError as exc:
        from dokgen.errors import alasan_os

        problem = Problem(
            Location(kerja.folder / FOLDER_VERSI), f"versi tidak dapat disimpan: {alasan_os(exc)}"
        )
        raise DataError([problem]) from None
    finally:
        lock.release()
    return RedirectResponse(f"/dinas/{nama}/versi?disimpan={name}", status_code=303)


# --- the revision screen -----------------------------------------------------------------


def baris_diff(change: Perubahan) -> dict[str, str]:
    """One change as ``dokgen diff`` prints it: mark, what, before, after."""
    return {
        "tanda": TANDA[change.jenis],
        "apa": f"{change.objek} {change.bagian}".strip(),
        "sebelum": change.sebelum,
        "sesudah": change.sesudah,
        "keterangan": change.keterangan,
    }


def _saran_alasan(lama: Any, baru: Any, changes: list[Perubahan]) -> list[str]:
    """The reasons the changes suggest (as rule KEP002 judges them)."""
    from dokgen.checks.keputusan import _BUKAN_RENSTRA
    from dokgen.derive import bagian_berubah

    result = []
    if (lama.dinas.nama, lama.dinas.pemda.sebutan) != (baru.dinas.nama, baru.dinas.pemda.sebutan):
        result.append("perubahan-nomenklatur")
    renstra = [
        c for c in changes if not c.objek.startswith(("Kepala Dinas", "jabatan ", "baris IKI "))
    ]
    if renstra:
        fields = bagian_berubah(changes)
        result.append("reviu-iku" if fields and set(fields) <= _BUKAN_RENSTRA else "revisi-renstra")
    return result


def _pembanding(folder: Path, versi_folder: Path) -> str:
    """The version folder as ``mengubah.pembanding`` names it: relative to the dinas folder."""
    return PurePosixPath(*Path(os.path.relpath(versi_folder, folder)).parts).as_posix()


def _layar(
    request: Request, nama: str, versi: str, isian: dict[str, Any] | None = None,
    galat: list[str] | None = None, ditulis: bool = False, status_code: int = 200,
) -> HTMLResponse:  # fmt: skip
    from dokgen.derive import ALASAN
    from dokgen.diff import bandingkan
    from dokgen.load import load
    from dokgen.model import AlasanPerubahan

    kerja = ruang(request)
    folder = kerja.dinas(nama)
    lama_folder = _folder_versi(kerja, nama, versi)
    lama = load(lama_folder, pembanding=False)
    baru = load(folder, pembanding=False)
    changes = bandingkan(lama, baru)
    keputusan = baru.keputusan
    sekarang = keputusan.mengubah if keputusan else None
    pembanding = _pembanding(folder, lama_folder)
    if isian is None:
        old = lama.keputusan
        if sekarang is not None and sekarang.pembanding == pembanding and keputusan:
            isian = {
                "nomor_lama": sekarang.nomor,
                "tanggal_lama": sekarang.tanggal or "",
                "alasan": list(keputusan.alasan),
                "alasan_lain": keputusan.alasan_lain or "",
                "nomor": keputusan.nomor or "",
                "tanggal": keputusan.tanggal or "",
                "bulan": keputusan.bulan or "",
                "ganti_menimbang": not keputusan.menimbang,
            }
        else:
            isian = {
                "nomor_lama": (old.nomor if old else "") or "",
                "tanggal_lama": (old.tanggal if old else "") or "",
                "alasan": _saran_alasan(lama, baru, changes),
                "alasan_lain": "",
                "nomor": "",
                "tanggal": "",
                "bulan": "",
                "ganti_menimbang": True,
            }
    return halaman(
        request, "versi_banding.html", status_code=status_code, nama=nama, versi=versi,
        waktu=_waktu(versi), catatan=_catatan(lama_folder),
        perubahan=[baris_diff(c) for c in changes], ada_keputusan=(folder / KEPUTUSAN).is_file(),
        ada_keputusan_lama=(lama_folder / KEPUTUSAN).is_file(),
        pilihan_alasan=[(a, ALASAN[a]) for a in get_args(AlasanPerubahan)], isian=isian,
        galat=galat or [], ditulis=ditulis, pembanding=pembanding,
    )  # fmt: skip


@router.get("/dinas/{nama}/versi/{versi}", response_class=HTMLResponse)
def banding(request: Request, nama: str, versi: str, ditulis: str = "") -> HTMLResponse:
    """What changed since version ``versi``, and the form making the amending decree."""
    return _layar(request, nama, versi, ditulis=bool(ditulis))


def _tanggal(text: str, what: str, galat: list[str]) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        galat.append(f"{what} '{text[:20]}' bukan tanggal: tulis TAHUN-BULAN-HARI, mis. 2021-01-15")
        return None


def teks_keputusan(
    text: str, nilai: dict[str, Any], hapus: list[str], ganti_menimbang: bool
) -> str:
    """``keputusan-iku.yaml``'s text with ``nilai`` written in and the keys ``hapus`` removed:
    ruamel's round trip and :func:`~dokgen.yamledit.merge`, so comments and layout stay."""
    from dokgen.yamledit import merge, round_trip

    yaml = round_trip()
    data = yaml.load(text)
    if not isinstance(data, CommentedMap):
        raise ValueError("isi keputusan-iku.yaml harus berupa pemetaan (kunci: nilai)")
    # new keys go after the decree's own number and date, not below its diktum
    keys = list(data)
    place = max(
        (keys.index(k) + 1 for k in ("nomor", "tanggal", "bulan", "perubahan") if k in data),
        default=0,
    )
    for key in ("mengubah", "alasan"):
        if key in nilai and key not in data:
            data.insert(place, key, None)
            place += 1
    merge(data, nilai, keys=())
    for key in hapus:
        if isinstance(data.get("mengubah"), dict) and key.startswith("mengubah."):
            data["mengubah"].pop(key.removeprefix("mengubah."), None)
        else:
            data.pop(key, None)
    if ganti_menimbang:
        data["menimbang"] = []
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


@router.post(
    "/dinas/{nama}/versi/{versi}/keputusan", response_class=HTMLResponse, response_model=None
)
def keputusan_perubahan(
    request: Request,
    nama: str,
    versi: str,
    nomor_lama: Annotated[str, Form()] = "",
    tanggal_lama: Annotated[str, Form()] = "",
    alasan: Annotated[list[str] | None, Form()] = None,
    alasan_lain: Annotated[str, Form()] = "",
    nomor: Annotated[str, Form()] = "",
    tanggal: Annotated[str, Form()] = "",
    bulan: Annotated[str, Form()] = "",
    ganti_menimbang: Annotated[str, Form()] = "",
) -> HTMLResponse | RedirectResponse:
    """Write the ``mengubah:`` block (pembanding = this version) and ``alasan`` into
    ``keputusan-iku.yaml``; nothing is written when the loader would refuse the result."""
    from dokgen.excel import tulis
    from dokgen.model import AlasanPerubahan
    from dokgen.output import write_atomic
    from dokgen.yamledit import read_original

    kerja = ruang(request)
    folder = kerja.dinas(nama)
    lama_folder = _folder_versi(kerja, nama, versi)
    path = folder / KEPUTUSAN
    isian: dict[str, Any] = {
        "nomor_lama": nomor_lama.strip(), "tanggal_lama": tanggal_lama.strip(),
        "alasan": alasan or [], "alasan_lain": alasan_lain.strip(), "nomor": nomor.strip(),
        "tanggal": tanggal.strip(), "bulan": bulan.strip(),
        "ganti_menimbang": bool(ganti_menimbang),
    }  # fmt: skip
    galat: list[str] = []
    if not path.is_file():
        galat.append("keputusan-iku.yaml belum ada: buat dulu keputusannya")
    if not isian["nomor_lama"]:
        galat.append(
            "tulis nomor keputusan yang diubah, seperti ditandatangani (mis. 121/SK/III.15/II/2021)"
        )
    pilihan = set(get_args(AlasanPerubahan))
    galat += [f"alasan '{a[:40]}' tidak dikenal" for a in isian["alasan"] if a not in pilihan]
    if not isian["alasan"] and not isian["alasan_lain"]:
        galat.append("pilih sedikitnya satu alasan perubahan, atau tulis alasan lain")
    lama_tanggal = _tanggal(isian["tanggal_lama"], "tanggal keputusan yang diubah", galat)
    baru_tanggal = _tanggal(isian["tanggal"], "tanggal keputusan perubahan", galat)
    if baru_tanggal and isian["bulan"]:
        galat.append("isi tanggal atau bulan keputusan perubahan, tidak keduanya")
    if galat:
        return _layar(request, nama, versi, isian, galat, status_code=422)
    mengubah: dict[str, Any] = {"nomor": isian["nomor_lama"]}
    hapus = ["alasan_lain", "tanggal", "bulan", "mengubah.tanggal"]
    if lama_tanggal:
        mengubah["tanggal"] = lama_tanggal
        hapus.remove("mengubah.tanggal")
    mengubah["pembanding"] = _pembanding(folder, lama_folder)
    reasons = list(dict.fromkeys(isian["alasan"]))
    nilai: dict[str, Any] = {"nomor": isian["nomor"] or None, "mengubah": mengubah}
    if reasons:
        nilai["alasan"] = reasons[0] if len(reasons) == 1 else reasons
    else:
        hapus.append("alasan")
    if isian["alasan_lain"]:
        nilai["alasan_lain"] = isian["alasan_lain"]
        hapus.remove("alasan_lain")
    if baru_tanggal:
        nilai["tanggal"] = baru_tanggal
        hapus.remove("tanggal")
    elif isian["bulan"]:
        nilai["bulan"] = isian["bulan"]
        hapus.remove("bulan")
    lock = _kunci(kerja, nama)
    try:
        problems: list[Problem] = []
        asli = read_original(path, problems)
        if asli is None:
            raise DataError(problems)
        try:
            content = asli.bytes_of(
                teks_keputusan(asli.text, nilai, hapus, isian["ganti_menimbang"])
            )
        except (YAMLError, ValueError, RecursionError) as exc:  # no YAML mapping
            message = (
                f"tidak dapat dibaca sebagai YAML ({type(exc).__name__}); perbaiki dulu berkas ini"
            )
            raise DataError([Problem(Location(path), message)]) from None
        galat = [str(p) for p in tulis.masalah_salinan(folder, {KEPUTUSAN: content})]
        if galat:
            return _layar(request, nama, versi, isian, galat, status_code=422)
        write_atomic(path, content)
    finally:
        lock.release()
    return RedirectResponse(f"/dinas/{nama}/versi/{versi}?ditulis=1", status_code=303)
