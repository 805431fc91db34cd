"""Data forms: every data file of a dinas edited through a form made from its model.

The form of a file is generated from the pydantic model the loader reads it with
(:data:`BERKAS`): text → input or textarea, a list of texts → a textarea of one item per line,
a choice → a select, a date → a date input, a nested model → a fieldset, a list of models →
repeated fieldsets with "tambah"/"hapus" buttons (plain form posts, no script), a target per
year → one input per Renstra year, a mapping by code → one fieldset per key. Every input's
name and id follow the dotted YAML path (``id="f-sasaran.0.indikator.1.formula"``).

Saving merges the form into the file with the Excel import's round trip (comments, key order and
the spelling of unchanged values stay), loads a copy of the whole dinas folder with the new text
and writes only when the loader accepts it; a value it refuses is shown next to its field with
the loader's own message.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from dokgen.errors import DataError, Problem
from dokgen.model import (
    Dinas,
    DokumenIku,
    Formula,
    Jabatan,
    KartuIki,
    Katalog,
    Keputusan,
    LaporanKinerja,
    Organisasi,
    PerjanjianKinerja,
    RealisasiTriwulan,
    RencanaAksi,
    Renstra,
)
from dokgen.web.dasar import halaman, ruang

router = APIRouter()

BERKAS: dict[str, tuple[type[BaseModel], str]] = {
    "dinas.yaml": (Dinas, "Dinas dan kop surat"),
    "renstra.yaml": (Renstra, "Renstra: tujuan, sasaran, IKU, program dan kegiatan"),
    "organisasi.yaml": (Organisasi, "Organisasi: unit, tugas dan fungsi"),
    "keputusan-iku.yaml": (Keputusan, "Keputusan Kepala Dinas tentang IKU"),
    "dokumen-iku.yaml": (DokumenIku, "Dokumen IKU"),
    "lkj.yaml": (LaporanKinerja, "Laporan Kinerja: permasalahan dan teks"),
    "iki.yaml": (KartuIki, "Tanggal kartu IKI"),
    "rencana-aksi.yaml": (RencanaAksi, "Rencana Aksi: target triwulan IKU dan penanggung jawab"),
    "pk.yaml": (PerjanjianKinerja, "Perjanjian Kinerja: tahun dan tanggal"),
    "peraturan.yaml": (Katalog, "Peraturan daerah milik dinas"),
}
"""Every data file the forms edit, with its model and title; ``jabatan/*.yaml`` are
:class:`Jabatan`, ``realisasi/*.yaml`` :class:`RealisasiTriwulan`."""

_NAMA_SUB = re.compile(r"(jabatan|realisasi)/[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.yaml")
_PANJANG = {"uraian", "tentang", "visi", "penjelasan", "alasan_lain", "alamat", "sasaran"}
"""Text fields shown as a textarea (long sentences)."""
SATUAN = ["%", "orang", "unit", "koperasi", "usaha mikro", "dokumen", "laporan", "kegiatan",
          "kali", "hari", "bulan", "nilai", "indeks", "predikat", "rupiah"]  # fmt: skip
"""Units offered in the satuan field (any other may be typed)."""


def _kerangka(berkas: str) -> dict[str, Any]:
    """The content a new optional file starts from (the form shows it; saving creates it)."""
    tahun = dt.date.today().year
    kerangka: dict[str, dict[str, Any]] = {
        "renstra.yaml": {"periode": {"awal": tahun, "akhir": tahun + 5}},
        "dokumen-iku.yaml": {"tahun": tahun},
        "peraturan.yaml": {"peraturan": {}},
    }
    return kerangka.get(berkas, {})


def model_berkas(berkas: str) -> type[BaseModel]:
    """The model of data file ``berkas`` (a path inside the dinas folder); 404 for any other."""
    if berkas in BERKAS:
        return BERKAS[berkas][0]
    if _NAMA_SUB.fullmatch(berkas) and ".." not in berkas:
        return Jabatan if berkas.startswith("jabatan/") else RealisasiTriwulan
    raise HTTPException(404, f"'{berkas[:80]}' bukan berkas data dinas")


# --- the model's types ------------------------------------------------------------------------


def _buka(annotation: Any) -> tuple[Any, bool]:
    """(the type inside Annotated/Optional, whether None is allowed)."""
    boleh_kosong = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            boleh_kosong = boleh_kosong or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        else:
            return annotation, boleh_kosong


def _model(tipe: Any) -> bool:
    return isinstance(tipe, type) and issubclass(tipe, BaseModel)


def _jenis(annotation: Any) -> tuple[str, Any, Any]:
    """What a field is: (kind, inner type, key type) with kind one of teks, angka, pilih,
    centang, tanggal, model, daftar_model, pilih_banyak, baris, tahunan, peta_model, peta."""
    tipe, _ = _buka(annotation)
    origin = typing.get_origin(tipe)
    if origin is typing.Literal:
        return "pilih", tipe, None
    if origin is list:
        (inner,) = typing.get_args(tipe)
        inner, _ = _buka(inner)
        if _model(inner):
            return "daftar_model", inner, None
        if typing.get_origin(inner) is typing.Literal:
            return "pilih_banyak", inner, None
        return "baris", inner, None
    if origin is dict:
        key, value = typing.get_args(tipe)
        key, _ = _buka(key)
        value, _ = _buka(value)
        if key is int:
            return "tahunan", value, key
        return ("peta_model" if _model(value) else "peta"), value, key
    if _model(tipe):
        return "model", tipe, None
    if tipe is bool:
        return "centang", tipe, None
    if tipe is dt.date:
        return "tanggal", tipe, None
    if tipe in (int, Decimal):
        return "angka", tipe, None
    return "teks", tipe, None


# --- form → YAML-shaped values -----------------------------------------------------------------


def _skalar(teks: str, tipe: Any) -> Any:
    """A value typed in the form as the YAML file should hold it: whole numbers and dates
    unquoted, everything else text (the loader judges it)."""
    teks = teks.replace("\r\n", "\n").strip()
    if not teks:
        return None
    if tipe in (int, Decimal) and teks.isdigit() and (teks == "0" or teks[0] != "0"):
        return int(teks)
    if tipe is dt.date:
        try:
            return dt.date.fromisoformat(teks)
        except ValueError:
            return teks
    return teks


def baca_form(model: type[BaseModel], form: FormData, awalan: str = "") -> dict[str, Any] | str:
    """The values of ``model``'s fields posted under ``awalan``; empty fields are left out."""
    hasil: dict[str, Any] = {}
    for nama, info in model.model_fields.items():
        nilai = _baca(info.annotation, f"{awalan}{nama}", form)
        if nilai is not None:
            hasil[nama] = nilai
    if model is Formula and set(hasil) == {"teks"}:
        return str(hasil["teks"])  # a text formula is written as a plain string
    return hasil


def _teks(form: FormData, nama: str) -> str:
    nilai = form.get(nama)
    return nilai if isinstance(nilai, str) else ""


def _baca(annotation: Any, path: str, form: FormData) -> Any:
    jenis, tipe, _ = _jenis(annotation)
    if jenis == "model":
        nilai = baca_form(tipe, form, f"{path}.")
        return nilai or None
    if jenis == "daftar_model":
        n = _teks(form, f"{path}.__n")
        jumlah = int(n) if n.isdigit() else 0
        return [baca_form(tipe, form, f"{path}.{i}.") for i in range(min(jumlah, 10_000))] or None
    if jenis == "pilih_banyak":
        return [v for v in form.getlist(path) if isinstance(v, str) and v] or None
    if jenis == "baris":
        baris = [b.strip() for b in _teks(form, path).splitlines()]
        return [b for b in baris if b] or None
    if jenis == "tahunan":
        tahunan = {}
        for kunci in form:
            tahun = kunci.removeprefix(f"{path}.")
            if kunci.startswith(f"{path}.") and re.fullmatch(r"\d{4}", tahun):
                nilai = _skalar(_teks(form, kunci), tipe)
                if nilai is not None:
                    tahunan[tahun] = nilai
        return tahunan or None
    if jenis in ("peta", "peta_model"):
        peta: dict[str, Any] = {}
        for isian in form.getlist(f"{path}.__kunci"):
            if not isinstance(isian, str) or not isian:
                continue
            if jenis == "peta_model":
                peta[isian] = baca_form(tipe, form, f"{path}.{isian}.")
            elif (angka := _skalar(_teks(form, f"{path}.{isian}"), tipe)) is not None:
                peta[isian] = angka
        return peta or None
    if jenis == "centang":
        return True if form.get(path) else None
    return _skalar(_teks(form, path), tipe)


def _bersih(nilai: Any) -> Any:
    """The values to save: rows and entries left entirely empty are dropped."""
    if isinstance(nilai, dict):
        hasil = {k: _bersih(v) for k, v in nilai.items()}
        return {k: v for k, v in hasil.items() if v not in ({}, [])}
    if isinstance(nilai, list):
        return [v for v in (_bersih(v) for v in nilai) if v != {}]
    return nilai


def _kosong(model: type[BaseModel]) -> dict[str, Any]:
    """A new empty row of ``model``: a list that may not be empty gets one empty row."""
    hasil: dict[str, Any] = {}
    for nama, info in model.model_fields.items():
        jenis, tipe, _ = _jenis(info.annotation)
        wajib = any(getattr(m, "min_length", 0) for m in info.metadata)
        if jenis == "daftar_model" and wajib:
            hasil[nama] = [_kosong(tipe)]
    return hasil


def _simpul(pohon: Any, path: str) -> Any:
    """The value at dotted ``path`` of ``pohon`` (dict keys may hold dots); mappings on the way
    that are missing are made."""
    if not path:
        return pohon
    if isinstance(pohon, list):
        kepala, _, sisa = path.partition(".")
        if not kepala.isdigit() or int(kepala) >= len(pohon):
            raise KeyError(path)
        return _simpul(pohon[int(kepala)], sisa)
    if not isinstance(pohon, dict):
        raise KeyError(path)
    for kunci in sorted((k for k in pohon if isinstance(k, str)), key=len, reverse=True):
        if path == kunci or path.startswith(f"{kunci}."):
            return _simpul(pohon[kunci], path[len(kunci) + 1 :])
    kepala, _, sisa = path.partition(".")
    pohon[kepala] = {}
    return _simpul(pohon[kepala], sisa)


def _model_di(model: type[BaseModel], path: str) -> tuple[str, Any]:
    """(kind, inner type) of the field at dotted ``path`` of ``model`` (list indices and keys
    skipped)."""
    bagian = [p for p in path.split(".") if p]
    tipe: Any = model
    jenis = "model"
    while bagian:
        kepala = bagian.pop(0)
        if not _model(tipe) or kepala not in tipe.model_fields:
            continue  # an index or a key
        jenis, tipe, _ = _jenis(tipe.model_fields[kepala].annotation)
    return jenis, tipe


def ubah_pohon(model: type[BaseModel], pohon: dict[str, Any], form: FormData) -> bool:
    """Apply a "tambah", "hapus" or "sisip" button to ``pohon``; True when one was pressed."""
    for aksi in ("_tambah", "_hapus", "_sisip"):
        nilai = _teks(form, aksi)
        if not nilai:
            continue
        path, _, kunci = nilai.partition("|")
        induk, _, nama = path.rpartition(".")
        try:
            wadah = _simpul(pohon, induk)
        except KeyError:
            return True
        if not isinstance(wadah, dict):
            return True
        jenis, tipe = _model_di(model, path)
        if aksi == "_tambah" and jenis == "daftar_model":
            wadah.setdefault(nama, []).append(_kosong(tipe))
        elif aksi == "_tambah" and jenis == "peta_model":
            baru = _teks(form, f"{path}.__baru").strip()
            if baru:
                wadah.setdefault(nama, {}).setdefault(baru, _kosong(tipe))
        elif aksi == "_hapus":
            isi = wadah.get(nama)
            if isinstance(isi, list) and kunci.isdigit() and int(kunci) < len(isi):
                del isi[int(kunci)]
            elif isinstance(isi, dict):
                isi.pop(kunci, None)
        elif aksi == "_sisip" and jenis == "baris":
            isi = wadah.setdefault(nama, [])
            if isinstance(isi, list) and kunci and kunci not in isi:
                isi.append(kunci)
        return True
    return False


# --- values → form fields ----------------------------------------------------------------------


@dataclass
class Medan:
    """One field of a form (or a group of fields), rendered by ``formulir_medan.html``."""

    jenis: str
    path: str
    label: str
    nilai: Any = ""
    pilihan: list[tuple[str, str]] = field(default_factory=list)
    anak: list[Medan] = field(default_factory=list)
    galat: list[str] = field(default_factory=list)
    wajib: bool = False
    petunjuk: str = ""
    datalist: str = ""
    kunci: str | None = None
    """For an entry of a mapping: its key (posted back in ``path.__kunci``)."""
    hapus: str = ""
    """Value of the "hapus" button of a list row or mapping entry."""
    cari: bool = False
    """A list of catalogue keys: a search box over the catalogue."""
    hasil: list[Any] = field(default_factory=list)
    teks_cari: str = ""
    lipat: bool = False
    """An optional group left empty: shown folded."""
    tinggi: int = 2
    """Rows of a textarea: room for its text."""
    terpilih: list[tuple[str, str]] = field(default_factory=list)
    """For a list of catalogue keys: each key with its regulation's title ('' if unknown)."""


@dataclass
class Konteks:
    """What the special widgets offer: codes of the dinas's data."""

    tahun: list[int] = field(default_factory=list)
    iku: list[tuple[str, str]] = field(default_factory=list)
    indikator: list[tuple[str, str]] = field(default_factory=list)
    kegiatan: list[tuple[str, str]] = field(default_factory=list)
    sasaran: list[tuple[str, str]] = field(default_factory=list)
    jabatan: list[tuple[str, str]] = field(default_factory=list)
    baris_iki: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    unit: list[tuple[str, str]] = field(default_factory=list)
    satuan: list[str] = field(default_factory=list)
    galat: dict[str, list[str]] = field(default_factory=dict)
    cari: dict[str, tuple[str, list[Any]]] = field(default_factory=dict)
    judul_peraturan: dict[str, str] = field(default_factory=dict)
    """Key → 'Undang-Undang Nomor 23 Tahun 2014 tentang …' (forms with catalogue keys)."""


LABEL = {
    "iki": "IKI",
    "iku": "IKU",
    "nip": "NIP",
    "rpjmd": "RPJMD",
    "email": "E-mail",
    "laman": "Laman (situs web)",
    "tahun_dasar": "Tahun dasar (nilai awal)",
}
"""Labels that are not the key with its first letter capitalised."""


def _label(nama: str) -> str:
    return LABEL.get(nama) or nama.replace("_", " ").capitalize()


def _str(nilai: Any) -> str:
    if nilai is None or isinstance(nilai, dict | list):
        return ""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    return str(nilai)


def _pilihan(
    kode: list[tuple[str, str]], nilai: str, kosong: str
) -> list[tuple[str, str]]:  # fmt: skip
    hasil = [("", kosong), *((k, f"{k} — {n}" if n else k) for k, n in kode)]
    if nilai and all(k != nilai for k, _ in hasil):
        hasil.append((nilai, f"{nilai} (tidak dikenal)"))
    return hasil


def medan_model(
    model: type[BaseModel], nilai: Any, awalan: str, ktx: Konteks, pohon: dict[str, Any]
) -> list[Medan]:
    """The fields of ``model`` holding ``nilai`` (YAML-shaped), under ``awalan``."""
    if model is Formula and isinstance(nilai, str):
        nilai = {"teks": nilai}
    isi = nilai if isinstance(nilai, dict) else {}
    return [
        _medan(nama, info, isi.get(nama), f"{awalan}{nama}", model, ktx, pohon, isi)
        for nama, info in model.model_fields.items()
    ]


def _medan(
    nama: str,
    info: Any,
    nilai: Any,
    path: str,
    model: type[BaseModel],
    ktx: Konteks,
    pohon: dict[str, Any],
    induk: dict[str, Any],
) -> Medan:
    jenis, tipe, _ = _jenis(info.annotation)
    _, boleh_kosong = _buka(info.annotation)
    wajib = info.is_required()
    m = Medan(jenis, path, _label(nama), wajib=wajib, galat=ktx.galat.get(path, []))
    if jenis == "model":
        m.anak = medan_model(tipe, nilai, f"{path}.", ktx, pohon)
        m.lipat = not wajib and not nilai and not _ada_galat(m)
    elif jenis == "daftar_model":
        baris = nilai if isinstance(nilai, list) else []
        for i, item in enumerate(baris):
            anak = Medan("model", f"{path}.{i}", f"{_label(nama)} {i + 1}", hapus=f"{path}|{i}")
            anak.galat = ktx.galat.get(anak.path, [])
            anak.anak = medan_model(tipe, item, f"{path}.{i}.", ktx, pohon)
            m.anak.append(anak)
    elif jenis == "peta_model":
        peta = nilai if isinstance(nilai, dict) else {}
        for kunci, item in peta.items():
            anak = Medan("model", f"{path}.{kunci}", str(kunci), kunci=str(kunci))
            anak.hapus = f"{path}|{kunci}"
            anak.galat = ktx.galat.get(anak.path, [])
            anak.anak = medan_model(tipe, item, f"{path}.{kunci}.", ktx, pohon)
            m.anak.append(anak)
        m.datalist = "daftar-iku" if nama == "analisis" else ""
    elif jenis == "peta":
        peta = nilai if isinstance(nilai, dict) else {}
        kode = ktx.indikator if nama == "indikator" else ktx.kegiatan if nama == "anggaran" else []
        semua = {k: n for k, n in kode}
        for kunci in peta:
            semua.setdefault(str(kunci), "")
        for kunci, uraian in semua.items():
            label = f"{kunci} — {uraian}" if uraian else kunci
            anak = Medan("angka", f"{path}.{kunci}", label, _str(peta.get(kunci)), kunci=kunci)
            anak.galat = ktx.galat.get(anak.path, [])
            m.anak.append(anak)
    elif jenis == "tahunan":
        peta = {str(k): v for k, v in nilai.items()} if isinstance(nilai, dict) else {}
        for tahun in sorted({*map(str, ktx.tahun), *peta}):
            anak = Medan("angka", f"{path}.{tahun}", tahun, _str(peta.get(tahun)))
            anak.galat = ktx.galat.get(anak.path, [])
            m.anak.append(anak)
    elif jenis in ("baris", "pilih_banyak"):
        baris = nilai if isinstance(nilai, list) else [nilai] if nilai is not None else []
        if jenis == "pilih_banyak":
            m.nilai = [_str(b) for b in baris]
            m.pilihan = [(str(a), str(a)) for a in typing.get_args(tipe)]
        else:
            m.nilai = "\n".join(_str(b) for b in baris)
            m.tinggi = min(20, max(3, sum(1 + len(b) // 110 for b in m.nilai.splitlines()) + 1))
        if nama in ("mengingat", "landasan", "dasar_pembentukan"):
            m.cari = True
            m.teks_cari, m.hasil = ktx.cari.get(path, ("", []))
            m.terpilih = [(_str(b), ktx.judul_peraturan.get(_str(b), "")) for b in baris]
    elif jenis == "pilih":
        m.nilai = _str(nilai)
        bawaan = info.get_default() if not wajib else None
        kosong = f"(bawaan: {bawaan})" if bawaan else "—"
        m.pilihan = _pilihan([(str(a), "") for a in typing.get_args(tipe)], m.nilai, kosong)
        if bawaan or boleh_kosong or not m.nilai:
            pass
        else:
            m.pilihan = m.pilihan[1:]
    elif jenis == "centang":
        m.nilai = _str(nilai) in ("true", "True", "ya")
    else:
        m.nilai = _str(nilai)
        if jenis == "teks" and (nama in _PANJANG or len(m.nilai) > 90 or "\n" in m.nilai):
            m.jenis = "panjang"
            m.tinggi = min(12, max(2, len(m.nilai) // 110 + m.nilai.count("\n") + 1))
        if jenis == "angka" and not wajib and info.get_default() is not None:
            m.petunjuk = f"bawaan: {_str(info.get_default())}"
        _khusus(m, nama, model, ktx, pohon, induk)
    return m


def _khusus(
    m: Medan,
    nama: str,
    model: type[BaseModel],
    ktx: Konteks,
    pohon: dict[str, Any],
    induk: dict[str, Any],
) -> None:
    """The special widgets: codes chosen from the data."""
    from dokgen.model import IndikatorIKI, Program, Unit

    if nama == "mendukung" and model is IndikatorIKI:
        atasan = _str(pohon.get("atasan"))
        baris = ktx.baris_iki.get(atasan, [])
        m.jenis, m.pilihan = "pilih", _pilihan(ktx.iku + baris, m.nilai, "— (tidak ada)")
    elif nama == "atasan" and model is Jabatan:
        sendiri = _str(pohon.get("kode"))
        kode = [(k, n) for k, n in ktx.jabatan if k != sendiri]
        m.jenis, m.pilihan = "pilih", _pilihan(kode, m.nilai, "— (langsung di bawah Kepala Dinas)")
    elif (nama == "unit" and model is Jabatan) or (nama == "induk" and model is Unit):
        kode = [(k, n) for k, n in ktx.unit if k != _str(induk.get("kode")) or model is Jabatan]
        m.jenis, m.pilihan = "pilih", _pilihan(kode, m.nilai, "—")
    elif nama == "sasaran" and model is Program:
        m.jenis, m.pilihan = "pilih", _pilihan(ktx.sasaran, m.nilai, "—")
    elif nama == "satuan":
        m.datalist = "daftar-satuan"


# --- context from the dinas's data ---------------------------------------------------------


def _kode_renstra(renstra: Any, ktx: Konteks) -> None:
    """IKU, indicators, kegiatan, sasaran and years of a Renstra (YAML-shaped values)."""
    if not isinstance(renstra, dict):
        return

    def daftar(nilai: Any) -> list[dict[str, Any]]:
        return [v for v in nilai if isinstance(v, dict)] if isinstance(nilai, list) else []

    def indikator(induk: dict[str, Any]) -> list[tuple[str, str]]:
        rows = daftar(induk.get("indikator"))
        return [(_str(i.get("kode")), _str(i.get("uraian"))) for i in rows if i.get("kode")]

    tujuan = daftar(renstra.get("tujuan"))
    sasaran = [s for t in tujuan for s in daftar(t.get("sasaran"))] + daftar(renstra.get("sasaran"))
    ktx.sasaran = [(_str(s.get("kode")), _str(s.get("uraian"))) for s in sasaran if s.get("kode")]
    ktx.iku = [k for s in sasaran for k in indikator(s)]
    semua = [k for t in tujuan for k in indikator(t)] + ktx.iku
    for program in daftar(renstra.get("program")):
        semua += indikator(program)
        for kegiatan in daftar(program.get("kegiatan")):
            semua += indikator(kegiatan)
            if kegiatan.get("kode"):
                ktx.kegiatan.append((_str(kegiatan["kode"]), _str(kegiatan.get("nama"))))
    ktx.indikator = semua
    periode = renstra.get("periode")
    if isinstance(periode, dict):
        awal, akhir = _str(periode.get("awal")), _str(periode.get("akhir"))
        if awal.isdigit() and akhir.isdigit() and 0 <= int(akhir) - int(awal) <= 10:
            ktx.tahun = list(range(int(awal), int(akhir) + 1))
    satuan = {
        _str(i.get("satuan"))
        for s in sasaran + tujuan
        for i in daftar(s.get("indikator"))
        if i.get("satuan")
    }
    ktx.satuan = sorted(satuan | set(SATUAN))


def _mentah(path: Path) -> Any:
    """The values of a YAML file as text (what the loader reads), or None."""
    from dokgen.yamlsrc import read_yaml

    try:
        return read_yaml(path).data if path.is_file() else None
    except DataError:
        return None


def konteks(folder: Path, berkas: str, pohon: dict[str, Any]) -> Konteks:
    """The codes the form of ``berkas`` (holding ``pohon``) offers in its selects."""
    from dokgen.load import berkas_jabatan

    ktx = Konteks()
    _kode_renstra(pohon if berkas == "renstra.yaml" else _mentah(folder / "renstra.yaml"), ktx)
    organisasi = pohon if berkas == "organisasi.yaml" else _mentah(folder / "organisasi.yaml")
    if isinstance(organisasi, dict) and isinstance(organisasi.get("unit"), list):
        ktx.unit = [
            (_str(u.get("kode")), _str(u.get("nama")))
            for u in organisasi["unit"]
            if isinstance(u, dict) and u.get("kode")
        ]
    if berkas in ("keputusan-iku.yaml", "dokumen-iku.yaml"):
        from dokgen.cari_peraturan import cari
        from dokgen.load import katalog

        try:
            semua = cari(katalog(folder), "")
        except DataError:
            semua = []
        ktx.judul_peraturan = {t.kunci: f"{t.judul} tentang {t.tentang}" for t in semua}
    if berkas.startswith("jabatan/"):
        try:
            names = berkas_jabatan(folder)
        except DataError:
            names = []
        for name in names:
            data = pohon if f"jabatan/{name}" == berkas else _mentah(folder / "jabatan" / name)
            if not isinstance(data, dict) or not data.get("kode"):
                continue
            kode = _str(data["kode"])
            ktx.jabatan.append((kode, _str(data.get("nama"))))
            iki = data.get("iki")
            rows = [
                (_str(i.get("kode")), _str(i.get("uraian")))
                for s in (iki if isinstance(iki, list) else [])
                if isinstance(s, dict) and isinstance(s.get("indikator"), list)
                for i in s["indikator"]
                if isinstance(i, dict) and i.get("kode")
            ]
            ktx.baris_iki[kode] = rows
    return ktx


# --- saving ----------------------------------------------------------------------------------


def simpan(folder: Path, berkas: str, pohon: dict[str, Any]) -> tuple[list[Problem], bytes | None]:
    """Write ``pohon`` into ``folder/berkas`` keeping its comments and layout, when the whole
    dinas then loads. Returns the loader's problems (files named as in ``folder``; nothing
    written when there are any) and the text that was (or would have been) written."""
    from dokgen.excel import tulis
    from dokgen.yamledit import new_bytes, read_original

    path = tulis.aman(folder, berkas)
    problems: list[Problem] = []
    ada = os.path.lexists(path)
    asli = read_original(path, problems) if ada else None
    if problems:
        return problems, None
    baru = _bersih(pohon)
    baru = _selaras(_muat_lama(asli.text) if asli else None, baru)
    isi = new_bytes(path, asli, baru, problems, keys=None)
    if problems:
        return problems, None
    if isi is None and asli is not None:
        return [], asli.bytes_of(asli.text)
    if isi is None:
        isi = b"{}\n"
    masalah = periksa(folder, berkas, isi)
    if not masalah:
        tulis.terapkan(folder, {berkas: isi})
    return masalah, isi


def _muat_lama(teks: str) -> Any:
    from ruamel.yaml.error import YAMLError

    from dokgen.yamledit import round_trip

    try:
        return round_trip().load(teks)
    except (YAMLError, RecursionError):
        return None  # new_bytes reports it


def _selaras(lama: Any, baru: Any, induk: str = "") -> Any:
    """``baru`` made ready to merge into the file's values ``lama`` (None: a new file).

    Keys the file holds empty (``fungsi: []``, ``nomor:``) are kept: an empty field of the
    form leaves them (an empty list and no key may differ). Years of a target, realisasi or
    pagu the file does not have yet become numbers (``2019: 80,94``, not ``'2019': 80,94``);
    those it has stay text, as the merge matches them.
    """
    if isinstance(baru, dict):
        lama_dict = lama if isinstance(lama, dict) else None
        hasil = {}
        for kunci, nilai in baru.items():
            tahunan = induk in ("target", "realisasi", "pagu") and kunci.isdigit()
            nama: str | int = int(kunci) if tahunan and lama_dict is None else kunci
            sebelum = None
            if lama_dict is not None:
                sebelum = next((v for k, v in lama_dict.items() if str(k) == kunci), None)
            hasil[nama] = _selaras(sebelum, nilai, kunci)
        for kunci, nilai in (lama_dict or {}).items():
            if str(kunci) not in baru and (nilai is None or nilai == [] or nilai == {}):
                hasil[str(kunci)] = nilai
        return hasil
    if isinstance(baru, list):
        lama_list = lama if isinstance(lama, list) else []
        return [
            _selaras(lama_list[i] if i < len(lama_list) else None, v, induk)
            for i, v in enumerate(baru)
        ]
    return baru


def periksa(folder: Path, berkas: str, isi: bytes) -> list[Problem]:
    """The loader's problems with ``folder`` when ``berkas`` holds ``isi`` (a copy is loaded)."""
    from dokgen.excel import tulis

    return tulis.masalah_salinan(folder, {berkas: isi})


def galat_medan(
    folder: Path, berkas: str, isi: bytes | None, problems: list[Problem]
) -> tuple[dict[str, list[str]], list[str]]:
    """The problems of ``berkas`` by the dotted path of the field they are about, and the rest
    (other files, or no field found) as full messages with file:line."""
    from dokgen.yamlsrc import read_yaml

    baris: dict[int, list[str]] = {}
    if isi is not None:
        with tempfile.TemporaryDirectory(prefix="dokgen-formulir-") as tmp:
            path = Path(tmp) / "berkas.yaml"
            path.write_bytes(isi)
            try:
                source = read_yaml(path)
            except DataError:
                source = None
        for kunci, line in (source.lines if source else {}).items():
            baris.setdefault(line, []).append(".".join(str(x) for x in kunci))
    per_medan: dict[str, list[str]] = {}
    lain: list[str] = []
    sasaran = (folder / berkas).resolve()
    for p in problems:
        if p.location.file.resolve() != sasaran:
            lain.append(str(p))
            continue
        depan = re.match(r"([\w.-]+): ", p.message)
        calon = baris.get(p.location.line or 0, [])
        if depan and depan.group(1) in _semua_path(baris):
            tempat = depan.group(1)
        elif calon:
            tempat = min(calon, key=len)
        else:
            lain.append(str(p))
            continue
        per_medan.setdefault(tempat, []).append(p.message)
    return per_medan, lain


def jangkar(file: Path, line: int | None) -> str | None:
    """The anchor of the form field a finding at ``file``:``line`` is about: the dotted path of
    the outermost value written on that line (``sasaran.0.indikator.1``) or the text it
    continues; None before the first value.
    For links from the findings: ``/dinas/{nama}/data/{berkas}#f-{jangkar}``."""
    from dokgen.yamlsrc import read_yaml

    if line is None:
        return None
    try:
        source = read_yaml(file)
    except DataError:
        return None
    before = [n for p, n in source.lines.items() if p and n <= line]
    if not before:
        return None
    line = max(before)  # a continuation line of a long text: the text's own line
    paths = [p for p, n in source.lines.items() if n == line and p]
    path = min(paths, key=len)
    if isinstance(path[-1], int) and not isinstance(_di(source.data, path), dict):
        path = path[:-1]  # an item of a list of texts: the list is one field
    return ".".join(str(x) for x in path)


def _di(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _semua_path(baris: dict[int, list[str]]) -> list[str]:
    return [p for paths in baris.values() for p in paths]


# --- pages -----------------------------------------------------------------------------------


def _berkas_ada(folder: Path) -> dict[str, list[str]]:
    from dokgen.load import daftar_yaml

    hasil = {}
    for sub in ("jabatan", "realisasi"):
        try:
            hasil[sub] = daftar_yaml(folder / sub, sub)
        except DataError:
            hasil[sub] = []
    return hasil


@router.get("/dinas/{nama}/data", response_class=HTMLResponse)
def daftar(request: Request, nama: str) -> HTMLResponse:
    """Every data file of the dinas, with a link to its form."""
    folder = ruang(request).dinas(nama)
    return _halaman_daftar(request, nama, folder)


def _halaman_daftar(
    request: Request, nama: str, folder: Path, status_code: int = 200, **galat: Any
) -> HTMLResponse:
    utama = [
        {"berkas": b, "judul": judul, "ada": (folder / b).is_file()}
        for b, (_, judul) in BERKAS.items()
    ]
    sub = _berkas_ada(folder)
    jabatan = []
    for name in sub["jabatan"]:
        data = _mentah(folder / "jabatan" / name)
        judul = _str(data.get("nama")) if isinstance(data, dict) else ""
        jabatan.append({"berkas": f"jabatan/{name}", "judul": judul})
    ktx = konteks(folder, "jabatan/", {})
    return halaman(
        request, "formulir_daftar.html", status_code=status_code, nama=nama, utama=utama,
        jabatan=jabatan, realisasi=[f"realisasi/{n}" for n in sub["realisasi"]],
        pilihan_atasan=_pilihan(ktx.jabatan, "", "— (langsung di bawah Kepala Dinas)"),
        tahun_ini=dt.date.today().year, **galat,
    )  # fmt: skip


@router.post("/dinas/{nama}/data", response_class=HTMLResponse, response_model=None)
def buat(
    request: Request,
    nama: str,
    jenis: Annotated[str, Form()],
    kode: Annotated[str, Form()] = "",
    nama_jabatan: Annotated[str, Form()] = "",
    atasan: Annotated[str, Form()] = "",
    tahun: Annotated[str, Form()] = "",
    triwulan: Annotated[str, Form()] = "",
) -> HTMLResponse | RedirectResponse:
    """A new jabatan (kode, nama, atasan) or a new quarter's realisasi file."""
    kerja = ruang(request)
    folder = kerja.dinas(nama)
    with kerja.kunci(nama):
        if jenis == "jabatan":
            kode = kode.strip()
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", kode):
                return _halaman_daftar(
                    request, nama, folder, 422,
                    galat_jabatan="kode jabatan hanya huruf kecil, angka dan tanda hubung"
                    " (mis. kasubag-umum); menjadi nama berkas",
                )  # fmt: skip
            ada = _berkas_ada(folder)["jabatan"]
            nomor = len(ada) + 1
            while any(n.startswith(f"{nomor:02d}-") for n in ada):
                nomor += 1
            berkas = f"jabatan/{nomor:02d}-{kode}.yaml"
            isi: dict[str, Any] = {"kode": kode, "nama": nama_jabatan.strip()}
            if atasan.strip():
                isi["atasan"] = atasan.strip()
            kunci_galat = "galat_jabatan"
        elif jenis == "triwulan":
            if not (re.fullmatch(r"\d{4}", tahun.strip()) and triwulan.strip() in "1234"):
                return _halaman_daftar(
                    request, nama, folder, 422,
                    galat_triwulan="tulis tahun 4 angka dan triwulan 1, 2, 3 atau 4",
                )  # fmt: skip
            berkas = f"realisasi/{tahun.strip()}-{triwulan.strip()}.yaml"
            isi = {"tahun": int(tahun), "triwulan": int(triwulan)}
            kunci_galat = "galat_triwulan"
        else:
            raise HTTPException(404, "jenis berkas baru tidak dikenal")
        if (folder / berkas).exists():
            masalah = [f"{berkas} sudah ada"]
        else:
            masalah = [str(p) for p in simpan(folder, berkas, isi)[0]]
    if masalah:
        return _halaman_daftar(request, nama, folder, 422, **{kunci_galat: "; ".join(masalah)})
    return RedirectResponse(f"/dinas/{nama}/data/{berkas}", status_code=303)


def _pohon_berkas(folder: Path, berkas: str) -> tuple[dict[str, Any], bool]:
    """(the file's values as text, whether it exists); a new optional file's skeleton."""
    path = folder / berkas
    if not path.is_file():
        if berkas in BERKAS and berkas != "dinas.yaml":
            return _kerangka(berkas), False
        raise HTTPException(404, f"berkas {berkas} tidak ada")
    from dokgen.yamlsrc import read_yaml

    data = read_yaml(path).data  # a DataError becomes the file:line page
    return (data if isinstance(data, dict) else {}), True


def _tempatkan(model: type[BaseModel], galat: dict[str, list[str]]) -> dict[str, list[str]]:
    """A problem of the whole file (``": 'menimbang' kosong …"``) at the field it names."""
    hasil: dict[str, list[str]] = {}
    for path, pesan in galat.items():
        for p in pesan:
            tempat = path
            if not path:
                nama = re.findall(r"'(\w+)'", p)
                tempat = next((n for n in nama if n in model.model_fields), "")
            hasil.setdefault(tempat, []).append(p)
    return hasil


def _ada_galat(m: Medan) -> bool:
    return bool(m.galat) or any(_ada_galat(a) for a in m.anak)


def _semua_medan(medan: list[Medan]) -> list[str]:
    """The paths of every field shown (where a problem can be shown)."""
    return [p for m in medan for p in (m.path, *_semua_medan(m.anak))]


def _halaman_form(
    request: Request,
    nama: str,
    folder: Path,
    berkas: str,
    pohon: dict[str, Any],
    ada: bool,
    status_code: int = 200,
    galat: dict[str, list[str]] | None = None,
    galat_lain: list[str] | None = None,
    cari: dict[str, tuple[str, list[Any]]] | None = None,
    tersimpan: bool = False,
) -> HTMLResponse:
    model = model_berkas(berkas)
    ktx = konteks(folder, berkas, pohon)
    ktx.galat = _tempatkan(model, galat or {})
    ktx.cari = cari or {}
    medan = medan_model(model, pohon, "", ktx, pohon)
    tampil = set(_semua_medan(medan))
    galat_lain = [*(galat_lain or [])]
    for path, pesan in ktx.galat.items():
        if path not in tampil:
            galat_lain += [f"{berkas}: {p}" for p in pesan]
    if berkas in BERKAS:
        judul = BERKAS[berkas][1]
    elif berkas.startswith("jabatan/"):
        judul = f"Jabatan: {_str(pohon.get('nama')) or berkas}"
    else:
        judul = f"Realisasi triwulan {_str(pohon.get('triwulan'))} tahun {_str(pohon.get('tahun'))}"
    return halaman(
        request, "formulir_berkas.html", status_code=status_code, nama=nama, berkas=berkas,
        judul=judul, medan=medan, ada=ada, galat_lain=galat_lain or [], tersimpan=tersimpan,
        ada_galat=bool(galat or galat_lain), satuan=ktx.satuan, iku=ktx.iku,
        galat_medan=[(p, m) for p, pesan in ktx.galat.items() if p in tampil for m in pesan],
    )  # fmt: skip


@router.get("/dinas/{nama}/data/{berkas:path}", response_class=HTMLResponse)
def formulir(request: Request, nama: str, berkas: str, tersimpan: str = "") -> HTMLResponse:
    """The form of one data file."""
    folder = ruang(request).dinas(nama)
    model_berkas(berkas)
    pohon, ada = _pohon_berkas(folder, berkas)
    return _halaman_form(request, nama, folder, berkas, pohon, ada, tersimpan=bool(tersimpan))


@router.post("/dinas/{nama}/data/{berkas:path}", response_class=HTMLResponse, response_model=None)
async def kirim(request: Request, nama: str, berkas: str) -> HTMLResponse | RedirectResponse:
    """Save the form (or add/remove a row, search the catalogue: the form comes back)."""
    kerja = ruang(request)
    folder = kerja.dinas(nama)
    model = model_berkas(berkas)
    _, ada = _pohon_berkas(folder, berkas)
    form = await request.form()
    hasil = baca_form(model, form)
    pohon = hasil if isinstance(hasil, dict) else {}
    cari = _teks(form, "_cari")
    if cari:
        from dokgen.cari_peraturan import cari as cari_katalog
        from dokgen.load import katalog

        teks = _teks(form, f"_cari_teks.{cari}")
        try:
            temuan = cari_katalog(katalog(folder), teks, folder / "peraturan.yaml")[:30]
        except DataError:
            temuan = []
        return _halaman_form(request, nama, folder, berkas, pohon, ada, cari={cari: (teks, temuan)})
    if ubah_pohon(model, pohon, form):
        return _halaman_form(request, nama, folder, berkas, pohon, ada)

    def simpan_terkunci() -> tuple[list[Problem], bytes | None]:
        with kerja.kunci(nama):  # a build may hold it for seconds: wait off the event loop
            return simpan(folder, berkas, pohon)

    masalah, isi = await run_in_threadpool(simpan_terkunci)
    if not masalah:
        return RedirectResponse(f"/dinas/{nama}/data/{berkas}?tersimpan=1", status_code=303)
    per_medan, lain = galat_medan(folder, berkas, isi, masalah)
    return _halaman_form(
        request, nama, folder, berkas, pohon, ada, 422, galat=per_medan, galat_lain=lain
    )
