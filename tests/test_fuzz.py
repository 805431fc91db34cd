"""Fuzzing (issue 16, item 5): random valid datasets, every output whole and every text in it.

Hypothesis draws a whole data folder — ``dinas.yaml``, ``jabatan/*.yaml``, and often
``renstra.yaml`` with targets, ``realisasi/`` quarters, ``keputusan-iku.yaml`` (sometimes an
amending decree with the data it compares with), ``dokumen-iku.yaml``, ``organisasi.yaml``,
``lkj.yaml``, ``peraturan.yaml`` and a logo — whose text is any Unicode an XML 1.0 document can
hold, less what the loader refuses by design (the controls but tab and line feed, carriage
return, U+0080–U+009F, U+2028/U+2029, U+E000, U+FFFE/U+FFFF: ``dokgen.yamlsrc._UNPRINTABLE``).
Markup-like text (``& < " {{ }} {_{ [bold]``), tabs, line breaks, astral, combining and
case-changing characters, long and empty lists, and extreme numbers (±(10^15 − 10^-10),
±10^-10, 0 with ten decimals) come often. The files are written by libyaml with every scalar
double-quoted, so nothing in them can be read as anything but the string it is.

Every dataset is loaded by :func:`dokgen.load.load` (a refusal is a failure: the data is valid)
and every document the build would make is rendered in the test's process the way
``build.render`` does (compiled templates reused, the cards' contexts through the cache, the
combined IKI document joined from the cards' pieces). Each output must open in python-docx, pass
``ZipFile.testzip``, parse part by part with a strict XML parser, carry the paper, margins and
font of the settings, and hold every text of the data that it prints, literally (a tab as
``w:tab``, a line break as ``w:br``, within one paragraph) — what a text becomes is worked out
from the files alone (:func:`harapan`). Three datasets go through :func:`dokgen.build.build`
and LibreOffice.

1,000 datasets a run, the same ones every run (fixed seeds), shared by two processes.
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing
import os
import shutil
import struct
import subprocess
import tempfile
import traceback
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml
from docx import Document
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from lxml import etree

from dokgen import format as fmt
from dokgen.build import BuildOptions, build
from dokgen.cache import Cache
from dokgen.combine import combine
from dokgen.documents import kinds
from dokgen.errors import DataError
from dokgen.jabatan import card_contexts
from dokgen.load import load
from dokgen.pdf import ke_pdf
from dokgen.render import Template
from dokgen.resources import KATALOG, TEMPLATES

T = TypeVar("T")
Files = dict[str, Any]
"""A data folder: relative path → what the YAML file holds (bytes for a picture)."""

# --- text -------------------------------------------------------------------------------------

REFUSED = "".join(
    [chr(c) for c in range(0x00, 0x20) if c not in (0x09, 0x0A)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\u2028", "\u2029", "\ue000", "\ufffe", "\uffff"]
)
"""What the loader refuses although XML 1.0 can hold some of it (``yamlsrc._UNPRINTABLE``);
surrogates are not XML characters at all."""

TOKENS = [
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "&lt;",
    "]]>",
    "<w:p>",
    "</w:t>",
    "{{",
    "}}",
    "{{ nama }}",
    "{%",
    "%}",
    "{% if x %}",
    "{#",
    "#}",
    "{_{",
    "}_}",
    "{_%",
    "%_}",
    "[bold]",
    "[/x]",
    "[lama]",
    "\t",
    "\n",
    "\n\n",
    " \t ",
    "  ",
    "\\",
    "%",
    "${x}",
    "- ",
    ": ",
    "#",
    "*a",
    "&a",
    "!x",
    "---",
    "...",
    "null",
    "~",
    "yes",
    "0123",
    "1.000",
    "ß",
    "ﬁ",
    "İ",
    "ǅ",
    "ŉ",
    "é",
    "e\u0301",
    "\u200b",
    "\u200d",
    "\u00a0",
    "\u3000",
    "\ufeff",
    "\u202e",
    "\u061c",
    "\ufdd0",
    "\ufffd",
    "𝔘𝔫𝔦",
    "😀",
    "\U0001f1ee\U0001f1e9",
    "\U0001fffe",
    "\U0010fffd",
    "٣",
    "²",
    "Ω",
    "ꝏ",
]
"""Pieces that mean something to XML, Jinja, docxtpl, rich, YAML, Unicode case mapping or
layout; mixed with random characters."""

ALPHABET = st.characters(exclude_categories=["Cs"], exclude_characters=REFUSED)
_POLOS = st.text(ALPHABET, max_size=10)
_BERTANDA = st.tuples(st.text(ALPHABET, max_size=4), st.sampled_from(TOKENS), _POLOS).map("".join)
teks_bebas = st.one_of(_POLOS, _BERTANDA)
"""Any text, empty or blank included (an optional field): random characters, and often one of
:data:`TOKENS` among them."""
teks = st.one_of(st.text(ALPHABET, min_size=1, max_size=10), _BERTANDA).filter(
    lambda s: s.strip() != ""
)
"""Text with something to print (a required field: blank is refused as empty)."""
teks_panjang = st.text(ALPHABET, min_size=300, max_size=3000).filter(lambda s: s.strip() != "")


def bersih(text: str) -> str:
    """What the model keeps of a text: without surrounding white space."""
    return text.strip()


# --- numbers ----------------------------------------------------------------------------------

EXTREMES = [
    Decimal("999999999999999.9999999999"),
    Decimal("-999999999999999.9999999999"),
    Decimal("0.0000000001"),
    Decimal("-0.0000000001"),
    Decimal("0"),
    Decimal("0.0000000000"),
]
"""The largest and smallest numbers the model takes (below 10^15, at most ten decimals)."""


def tulis_angka(value: Decimal, ribuan: bool) -> str:
    """``value`` written the Indonesian way (``1.234,5``), with or without thousands dots."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value), "f").partition(".")
    if ribuan:
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + fraction if fraction else "")


def _angka(n: int) -> str:
    """The number coded by ``n`` (one drawn integer, so that numbers are cheap to draw and
    shrink to 0): its sign, its decimals (0–10), thousands dots or not, and its digits."""
    sign, n = (-1, -n) if n < 0 else (1, n)
    n, places = divmod(n, 11)
    n, ribuan = divmod(n, 2)
    digits = n % 10 ** (15 + places)  # below 10^15 once scaled
    return tulis_angka(sign * Decimal(digits).scaleb(-places), bool(ribuan))


angka = st.one_of(
    st.integers(-(10**27), 10**27).map(_angka),
    st.tuples(st.sampled_from(EXTREMES), st.booleans()).map(lambda t: tulis_angka(*t)),
)
"""A number as the data writes it: ``-999.999.999.999.999,9999999999``, ``0,0000000001``,
``1234,50`` — any sign, up to 15 digits before the comma and 10 after, thousands dots or not."""


def _rupiah(n: int) -> str:
    """Whole rupiah coded by ``n``: written plain, with thousands dots, or as ``Rp 1.000``."""
    sign, n = (-1, -n) if n < 0 else (1, n)
    n, gaya = divmod(n, 3)
    text = tulis_angka(Decimal(sign * (n % 10**15)), gaya > 0)
    return f"Rp {text}" if gaya == 2 else text


rupiah = st.one_of(
    st.integers(0, 10**17).map(_rupiah),
    st.sampled_from(["999.999.999.999.999", "Rp 999.999.999.999.999", "Rp 0"]),
)
"""Whole rupiah, extremes included (a pagu or realisasi below 0 is refused by the loader)."""


# --- the data folder --------------------------------------------------------------------------

_KATALOG_KEYS = list(yaml.safe_load(KATALOG.read_text(encoding="utf-8"))["peraturan"])
_KODE = st.tuples(
    st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-", max_size=30),
).map("".join)
"""A jabatan or unit kode (``[a-z0-9][a-z0-9-]*``)."""
_ALNUM = st.characters(categories=("L", "N")).filter(str.isalnum)
_HURUF = st.tuples(
    _ALNUM, st.text(st.one_of(_ALNUM, st.sampled_from(" .()'+-_")), max_size=62)
).map("".join)
"""A font name as the model takes it: ``[^\\W_][\\w .()'+-]{0,62}``."""
_DIGITS = "0123456789٣۴७๙²"
_NIP = st.tuples(st.sampled_from(_DIGITS), st.text(_DIGITS + " ", max_size=24)).map("".join)
"""A NIP: digits (``str.isdigit``, so other scripts' digits too) and spaces."""
_TANGGAL = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
_YA_TIDAK = st.sampled_from(["true", "false"])


def daftar(item: st.SearchStrategy[T], panjang: bool = False) -> st.SearchStrategy[list[Any]]:
    """Lists of ``item``: mostly short or empty, and — where ``panjang`` — now and then long."""
    short = st.lists(item, max_size=3)
    if not panjang:
        return short
    return st.integers(0, 7).flatmap(lambda n: _panjang(item) if n == 7 else short)


def _panjang(item: st.SearchStrategy[T]) -> st.SearchStrategy[list[Any]]:
    """A long list: a few drawn items, then numbered copies of them (long, cheap to draw)."""

    def grow(drawn: tuple[list[Any], int]) -> list[Any]:
        items, size = drawn
        return [*items, *(f"{items[i % len(items)]} {i}" for i in range(size))]

    return st.tuples(st.lists(item, min_size=1, max_size=3), st.integers(30, 200)).map(grow)


def ya(draw: st.DrawFn) -> bool:
    """A drawn yes or no."""
    return draw(st.booleans())


def pilih(draw: st.DrawFn, target: dict[str, Any], fields: dict[str, Any]) -> None:
    """Give ``target`` some of the optional ``fields`` (name → strategy), each a drawn value.

    Which ones is one drawn choice, a bit per field: cheap to draw (a dataset has hundreds of
    optional fields) and shrinking to none of them.
    """
    mask = draw(st.integers(0, 2 ** len(fields) - 1))
    for bit, (key, strategy) in enumerate(fields.items()):
        if mask >> bit & 1:
            target[key] = draw(strategy)


def sebagian(draw: st.DrawFn, items: list[T]) -> list[T]:
    """Some of ``items`` (at most 20), in order: one drawn choice."""
    items = items[:20]
    mask = draw(st.integers(0, 2 ** len(items) - 1))
    return [item for bit, item in enumerate(items) if mask >> bit & 1]


@st.composite
def per_tahun(draw: st.DrawFn, years: list[int], nilai: st.SearchStrategy[str]) -> dict[str, str]:
    """Values of some of ``years`` (targets, realisasi, pagu)."""
    return {str(y): draw(nilai) for y in sebagian(draw, years)}


@st.composite
def formula(draw: st.DrawFn) -> Any:
    """A text formula (a plain string) or a ratio."""
    if ya(draw):
        return draw(teks)
    value: dict[str, Any] = {"pembilang": draw(teks), "penyebut": draw(teks)}
    pilih(draw, value, {"pengali": angka})
    return value


@st.composite
def pejabat(draw: st.DrawFn) -> dict[str, Any]:
    value: dict[str, Any] = {"nama": draw(teks)}
    pilih(
        draw,
        value,
        {
            "pangkat": teks_bebas,
            "nip": _NIP,
            "golongan": teks_bebas,
            "jenis_pegawai": st.sampled_from(["pns", "pppk"]),
        },
    )
    return value


@st.composite
def pengaturan(draw: st.DrawFn) -> dict[str, Any]:
    cm = st.integers(0, 750).map(lambda n: tulis_angka(Decimal(n) / 100, False))
    value: dict[str, Any] = {}
    pilih(
        draw,
        value,
        {
            "kertas": st.sampled_from(["F4", "A4"]),
            "margin": st.fixed_dictionaries({s: cm for s in ("atas", "kanan", "bawah", "kiri")}),
            "huruf": _HURUF,
            "ukuran_huruf": st.integers(60, 720).map(lambda n: tulis_angka(Decimal(n) / 10, False)),
            "rumus_capaian": st.sampled_from(["permenpanrb-8-2021", "rasio-terbalik"]),
            "predikat": st.lists(
                st.fixed_dictionaries({"batas_bawah": angka, "nama": teks}), max_size=3
            ),
        },
    )
    return value


@st.composite
def dinas(draw: st.DrawFn) -> dict[str, Any]:
    value: dict[str, Any] = {
        "nama": draw(teks),
        "pemda": {"jenis": draw(st.sampled_from(["kabupaten", "kota"])), "nama": draw(teks)},
        "kepala": draw(pejabat()),
    }
    pilih(
        draw,
        value,
        {
            "alamat": teks_bebas,
            "tempat_penetapan": teks_bebas,
            "pengaturan": pengaturan(),
            "singkatan": teks_bebas,
            "telepon": teks_bebas,
            "email": teks_bebas,
            "laman": teks_bebas,
        },
    )
    pilih(draw, value["pemda"], {"provinsi": teks_bebas})
    return value


@st.composite
def baris_iki(draw: st.DrawFn) -> dict[str, Any]:
    value: dict[str, Any] = {"uraian": draw(teks)}
    pilih(
        draw,
        value,
        {"sumber_data": teks_bebas, "formula": formula(), "kode": teks_bebas, "mendukung": teks},
    )
    return value


@st.composite
def jabatan(draw: st.DrawFn, kode: str) -> dict[str, Any]:
    value: dict[str, Any] = {"kode": kode, "nama": draw(teks)}
    sasaran = st.fixed_dictionaries(
        {"sasaran": teks, "indikator": st.lists(baris_iki(), min_size=1, max_size=3)}
    )
    pilih(
        draw,
        value,
        {
            "tugas": daftar(teks, panjang=True),
            "fungsi": daftar(teks),
            "iki": st.lists(sasaran, max_size=3),
            "atasan": teks_bebas,
            "unit": teks_bebas,
            "jenis": st.sampled_from(["struktural", "fungsional", "pelaksana"]),
            "pemangku": pejabat(),
        },
    )
    return value


@st.composite
def indikator(draw: st.DrawFn, years: list[int]) -> dict[str, Any]:
    value: dict[str, Any] = {"kode": draw(teks), "uraian": draw(teks)}
    pilih(
        draw,
        value,
        {
            "realisasi": per_tahun(years, angka),
            "satuan": teks_bebas,
            "formula": formula(),
            "sumber_data": teks_bebas,
            "penjelasan": teks_bebas,
            "periode_pengukuran": teks_bebas,
            "polaritas": st.sampled_from(["positif", "negatif"]),
            "agregasi": st.sampled_from(["kumulatif", "nilai_akhir"]),
            "tahun_dasar": angka,
        },
    )
    if draw(st.integers(0, 3)):  # most indicators have targets
        value["target"] = draw(per_tahun(years, angka))
    return value


@st.composite
def renstra(draw: st.DrawFn) -> dict[str, Any]:
    awal = draw(st.one_of(st.integers(1900, 2099), st.sampled_from([2019, 2091])))
    akhir = draw(st.integers(awal + 1, min(awal + 9, 2100)))
    years = list(range(awal, akhir + 1))
    value: dict[str, Any] = {"periode": {"awal": str(awal), "akhir": str(akhir)}}
    ind = daftar(indikator(years))
    sasaran = st.fixed_dictionaries({"kode": teks, "uraian": teks}, optional={"indikator": ind})
    value["tujuan"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {"kode": teks, "uraian": teks},
                optional={"indikator": ind, "sasaran": st.lists(sasaran, max_size=2)},
            ),
            max_size=2,
        )
    )
    pilih(
        draw,
        value,
        {
            "sasaran": st.lists(sasaran, max_size=2),
            "tahun_dasar": st.sampled_from([str(y) for y in years]),
            "visi": st.one_of(teks_bebas, teks_panjang),
            "misi": daftar(teks, panjang=True),
        },
    )
    iku = [i["kode"] for s in _semua_sasaran(value) for i in s.get("indikator", [])]
    programs = []
    for _ in range(draw(st.integers(0, 2))):
        program: dict[str, Any] = {"kode": draw(teks), "nama": draw(teks)}
        kegiatan = st.fixed_dictionaries(
            {"kode": teks, "nama": teks, "pagu": per_tahun(years, rupiah)},
            optional={"indikator": daftar(indikator(years))},
        )
        pilih(
            draw,
            program,
            {
                "kegiatan": st.lists(kegiatan, max_size=2),
                "iku": st.lists(st.sampled_from(iku), max_size=3) if iku else st.just([]),
                "indikator": daftar(indikator(years)),
                "sasaran": teks_bebas,
            },
        )
        programs.append(program)
    value["program"] = programs
    return value


def _semua_sasaran(renstra: dict[str, Any]) -> list[dict[str, Any]]:
    """Every sasaran, those under a tujuan first (``Renstra.semua_sasaran``)."""
    under: list[dict[str, Any]] = [s for t in renstra["tujuan"] for s in t.get("sasaran", [])]
    top: list[dict[str, Any]] = renstra.get("sasaran", [])
    return under + top


def _semua_indikator(renstra: dict[str, Any]) -> list[dict[str, Any]]:
    found = [i for t in renstra["tujuan"] for i in t.get("indikator", [])]
    found += [i for s in _semua_sasaran(renstra) for i in s.get("indikator", [])]
    for program in renstra["program"]:
        found += program.get("indikator", [])
        found += [i for k in program.get("kegiatan", []) for i in k.get("indikator", [])]
    return found


def _years(plan: dict[str, Any]) -> list[int]:
    return list(range(int(plan["periode"]["awal"]), int(plan["periode"]["akhir"]) + 1))


@st.composite
def realisasi(
    draw: st.DrawFn, renstra: dict[str, Any], tahun: int, triwulan: int
) -> dict[str, Any]:
    """A quarter's realisasi; often of every IKU with a target that year (capaian computed)."""
    kodes = [i["kode"] for i in _semua_indikator(renstra)]
    iku = [
        i["kode"]
        for s in _semua_sasaran(renstra)
        for i in s.get("indikator", [])
        if str(tahun) in i.get("target", {})
    ]
    kegiatan = [k["kode"] for p in renstra["program"] for k in p.get("kegiatan", [])]
    value: dict[str, Any] = {"tahun": str(tahun), "triwulan": str(triwulan)}
    if kodes:
        chosen = sebagian(draw, kodes) + (iku if ya(draw) else [])
        value["indikator"] = {k: draw(angka) for k in chosen}
    if kegiatan:
        value["anggaran"] = {k: draw(rupiah) for k in sebagian(draw, kegiatan)}
    return value


@st.composite
def peraturan(draw: st.DrawFn) -> dict[str, Any]:
    """A dinas's own regulations (``peraturan.yaml``), keys unlike the catalogue's; each may
    be amended by one of the catalogue."""
    items = {}
    for n in range(draw(st.integers(1, 2))):
        tahun = draw(st.integers(1800, 2100))
        item: dict[str, Any] = {
            "jenis": draw(st.sampled_from(["uu", "pp", "permen", "perda", "perbup", "perwali"])),
            "nomor": draw(teks),
            "tahun": str(tahun),
            "tentang": draw(teks),
        }
        # enacted and promulgated in the regulation's year, promulgated on or after enactment
        ditetapkan = dt.date(tahun, 1, 1) + dt.timedelta(days=draw(st.integers(0, 182)))
        diundangkan = ditetapkan + dt.timedelta(days=draw(st.integers(0, 182)))
        awal = draw(st.integers(1800, 2100))
        periode = {"awal": str(awal), "akhir": str(draw(st.integers(awal, 2100)))}
        lembaran = st.fixed_dictionaries(
            {"tahun": st.integers(1800, 2100).map(str), "nomor": teks_bebas},
            optional={"tambahan": teks_bebas},
        )
        pilih(
            draw,
            item,
            {
                "penerbit": teks_bebas,
                "ditetapkan": st.just(ditetapkan.isoformat()),
                "diundangkan": st.just(diundangkan.isoformat()),
                "lembaran": lembaran,
                "diubah_dengan": st.lists(st.sampled_from(_KATALOG_KEYS), max_size=3),
                "dicabut_dengan": st.sampled_from(_KATALOG_KEYS),
                "periode": st.just(periode),
                "sumber": teks_bebas,
            },
        )
        items[f"sendiri-{n}-{draw(teks)}"] = item
    return {"peraturan": items}


@st.composite
def keputusan(draw: st.DrawFn, keys: list[str]) -> dict[str, Any]:
    value: dict[str, Any] = {
        "menimbang": draw(st.lists(teks, min_size=1, max_size=3)),
        "mengingat": draw(st.lists(st.sampled_from(keys), min_size=1, max_size=4)),
    }
    bulan = st.tuples(st.integers(1900, 2100), st.integers(1, 12))
    lama = st.fixed_dictionaries(
        {"nomor": teks},
        # pembanding: the data the amended decree was made from (see data_folder)
        optional={"tanggal": _TANGGAL, "pembanding": st.just("../lama")},
    )
    pilih(
        draw,
        value,
        {
            "nomor": teks_bebas,
            "tanggal": _TANGGAL,
            "bulan": bulan.map(lambda t: f"{t[0]}-{t[1]:02d}"),
            "perubahan": _YA_TIDAK,
            "diktum": daftar(teks),
            "mengubah": lama,
        },
    )
    return value


@st.composite
def organisasi(draw: st.DrawFn) -> dict[str, Any]:
    """Units of two levels: the top ones (no induk, or an empty one: "empty: directly under
    the Kepala Dinas", ``Unit.induk``), and units under one of them."""
    top: list[str] = []
    units = []
    for kode in draw(st.lists(_KODE, unique=True, max_size=4)):
        unit: dict[str, Any] = {"kode": kode, "nama": draw(teks)}
        if top and ya(draw):
            unit["induk"] = draw(st.sampled_from(top))
        else:
            top.append(kode)
            pilih(draw, unit, {"induk": st.sampled_from(["", " ", "\t"])})
        pilih(draw, unit, {"pimpinan": teks_bebas, "tugas": daftar(teks), "fungsi": daftar(teks)})
        units.append(unit)
    return {"unit": units}


BAGIAN_IKU = ("kata_pengantar", "latar_belakang", "maksud", "tujuan_penyusunan", "dasar_hukum")
BAGIAN_LKJ = ("kata_pengantar", "latar_belakang", "maksud_tujuan", "perencanaan_strategis")


@st.composite
def teks_bab(draw: st.DrawFn, bagian: tuple[str, ...]) -> dict[str, Any]:
    """Paragraphs that replace a template's standard wording."""
    value: dict[str, Any] = {}
    pilih(draw, value, {key: daftar(teks) for key in (*bagian, "penutup")})
    return value


@st.composite
def lkj(draw: st.DrawFn) -> dict[str, Any]:
    masalah = st.fixed_dictionaries({"uraian": teks}, optional={"akar": daftar(teks)})
    permasalahan = st.fixed_dictionaries(
        {"masalah_pokok": teks, "masalah": st.lists(masalah, min_size=1, max_size=3)}
    )
    value: dict[str, Any] = {}
    pilih(
        draw,
        value,
        {"permasalahan": st.lists(permasalahan, max_size=2), "teks": teks_bab(BAGIAN_LKJ)},
    )
    return value


@st.composite
def data_folder(draw: st.DrawFn, lengkap: bool = False) -> Files:
    """A valid data folder: relative path → content. ``lengkap``: one that makes every kind
    of document (a jabatan, a Renstra with a quarter, a decree, a Dokumen IKU)."""
    files: Files = {"dinas.yaml": draw(dinas())}
    if draw(st.integers(0, 4)) == 4:
        files["dinas.yaml"]["logo"] = "gambar/logo kop.png"
        files["gambar/logo kop.png"] = LOGO
    kodes = draw(st.lists(_KODE, unique=True, min_size=int(lengkap), max_size=3))
    for n, kode in enumerate(kodes, start=1):
        files[f"jabatan/{n:02d}-{kode}.yaml"] = draw(jabatan(kode))
    if not lengkap and draw(st.integers(0, 3)) == 0:
        return files
    plan = files["renstra.yaml"] = draw(renstra())
    targets = sorted({int(y) for i in _semua_indikator(plan) for y in i.get("target", {})})
    year = st.sampled_from(_years(plan))
    if targets:  # reports of years with targets: capaian is computed
        year = st.one_of(st.sampled_from(targets), year)
    quarters = draw(
        st.lists(st.tuples(year, st.integers(1, 4)), unique=True, min_size=int(lengkap), max_size=2)
    )
    for tahun, triwulan in quarters:
        files[f"realisasi/{tahun}-{triwulan}.yaml"] = draw(realisasi(plan, tahun, triwulan))
    shared: dict[str, Any] = {}
    pilih(
        draw,
        shared,
        {
            "peraturan.yaml": peraturan(),
            "organisasi.yaml": organisasi(),
            "lkj.yaml": lkj(),
            "keputusan-iku.yaml": st.just(None),  # drawn below: it cites the regulations
            "dokumen-iku.yaml": st.fixed_dictionaries(
                {"tahun": st.integers(1900, 2100).map(str)},
                optional={"teks": teks_bab(BAGIAN_IKU)},
            ),
        },
    )
    if lengkap:
        shared.setdefault("keputusan-iku.yaml", None)
        shared.setdefault("dokumen-iku.yaml", {"tahun": str(draw(st.integers(1900, 2100)))})
    if not quarters:
        shared.pop("lkj.yaml", None)  # nothing to report on
    if "keputusan-iku.yaml" in shared:
        own = list(shared.get("peraturan.yaml", {"peraturan": {}})["peraturan"])
        decree = shared["keputusan-iku.yaml"] = draw(keputusan(_KATALOG_KEYS + own))
        if "pembanding" in decree.get("mengubah", {}):
            # the data the amended decree was made from: another Renstra, the same jabatan
            # or fewer (Lampiran II, the matriks perubahan, compares them)
            files["../lama/renstra.yaml"] = draw(renstra())
            for name, content in list(files.items()):
                same = name == "dinas.yaml" or name.startswith("gambar/")
                if same or (name.startswith("jabatan/") and ya(draw)):
                    files[f"../lama/{name}"] = content
    files.update(shared)
    return files


def _png() -> bytes:
    """A 2 × 1 PNG: the smallest picture python-docx and LibreOffice both read."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00\x00\x00\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


LOGO = _png()


# --- writing it -------------------------------------------------------------------------------


def tulis_yaml(value: Any) -> str:
    """``value`` as YAML that cannot be misread: every scalar double-quoted (escapes for tabs,
    line breaks and what is not printable), no line folded, nothing typed."""
    text: str = yaml.dump(
        value,
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        default_style='"',
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000_000,
    )
    return text


def terbaca_sama(folder: Path, files: Files) -> None:
    """The files hold what was drawn (asked when a dataset fails: the writer is not at fault)."""
    for name, content in files.items():
        if not isinstance(content, bytes):
            text = (folder / name).read_text(encoding="utf-8")
            read = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            assert read == content, f"the test wrote {name} wrong: it reads back as {read!r}"


def tulis_folder(folder: Path, files: Files) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(tulis_yaml(content), encoding="utf-8")


# --- what each document must print ------------------------------------------------------------


@dataclass
class Harapan:
    """Texts each document must hold, by document: ('iki', n), ('lkj', (tahun, tw)), …"""

    per_dokumen: dict[Any, list[str]]
    kepala: list[str]
    """What every document prints: the signature."""
    pembuat: str
    """The document property 'creator': the dinas."""
    pengaturan: dict[str, Any]
    """The dinas's settings as written (paper, margins, font)."""


def _pasang(texts: list[str], *raw: Any) -> None:
    """Add the printed form of every non-blank text of ``raw``."""
    for value in raw:
        if isinstance(value, str) and bersih(value):
            texts.append(bersih(value))


def _formula(texts: list[str], value: Any) -> None:
    if isinstance(value, str):
        _pasang(texts, value)
    elif isinstance(value, dict):
        _pasang(texts, value["pembilang"], value["penyebut"])


def _bahwa(text: str) -> str:
    """A Menimbang item as printed (``derive._bahwa``'s documented rule)."""
    text = text.strip().rstrip(";.").strip()
    if text.lower().startswith("bahwa "):
        text = text[6:]
    return f"bahwa {text};"


def harapan(files: Files) -> Harapan:
    """What the documents of ``files`` print as given, worked out from the files alone."""
    d = files["dinas.yaml"]
    nama_dinas = bersih(d["nama"])
    sebutan = f"{d['pemda']['jenis'].capitalize()} {bersih(d['pemda']['nama'])}"
    upper = nama_dinas.upper()
    head, _, rest = upper.partition(" ")
    # the head's title: one line up to 30 characters, else split after its first word
    one_line = len(f"KEPALA {upper}") <= 30 or not rest
    lines = [f"KEPALA {upper}"] if one_line else [f"KEPALA {head}", rest]
    kepala = ["\n".join([*lines, sebutan.upper()]), bersih(d["kepala"]["nama"])]
    _pasang(kepala, d["kepala"].get("pangkat"))
    if bersih(d["kepala"].get("nip", "")):
        kepala.append(f"NIP. {fmt.nip(d['kepala']['nip'].strip().replace(' ', ''))}")
    tempat = bersih(d.get("tempat_penetapan", "")) or bersih(d["pemda"]["nama"])
    pengaturan = d.get("pengaturan", {})
    predikat = pengaturan.get("predikat")
    result: dict[Any, list[str]] = {}

    jabatan = [v for k, v in sorted(files.items()) if k.startswith("jabatan/")]
    for n, j in enumerate(jabatan):
        texts = result[("iki", n)] = []
        _pasang(texts, j["nama"], *j.get("tugas", []), *j.get("fungsi", []))
        for s in j.get("iki", []):
            _pasang(texts, s["sasaran"])
            for row in s["indikator"]:
                _pasang(texts, row["uraian"], row.get("sumber_data"))
                _formula(texts, row.get("formula"))
    if jabatan:
        result[("iki", "semua")] = [t for n in range(len(jabatan)) for t in result[("iki", n)]]
        result[("pohon-kinerja",)] = ["Pohon Kinerja Jabatan"]

    plan = files.get("renstra.yaml")
    if plan is None:
        return Harapan(result, kepala, f"{nama_dinas} {sebutan}", pengaturan)
    semua_sasaran = _semua_sasaran(plan)
    if semua_sasaran:
        result.setdefault(("pohon-kinerja",), []).append("Pohon Kinerja Renstra")
    ber_iku = [s for s in semua_sasaran if s.get("indikator")]
    periode = f"{plan['periode']['awal']}–{plan['periode']['akhir']}"
    perubahan = files.get("keputusan-iku.yaml", {}).get("perubahan") == "true"
    judul = (
        f"{'Perubahan ' if perubahan else ''}Indikator Kinerja Utama {nama_dinas}"
        f" {sebutan} Tahun {periode}"
    )

    if "keputusan-iku.yaml" in files:
        k = files["keputusan-iku.yaml"]
        texts = result[("keputusan",)] = [
            f"PEMERINTAH {sebutan.upper()}",
            upper,
            f"KEPALA {upper} {sebutan.upper()}",
            f"NOMOR : {bersih(k.get('nomor', '')) or '…………………'}",
            f"Ditetapkan di {tempat}",
            judul.upper(),
        ]
        _pasang(texts, d.get("alamat"), *k.get("diktum", []))
        texts += [_bahwa(m) for m in k["menimbang"]]
        if "mengubah" in k:
            _pasang(texts, k["mengubah"]["nomor"])
        own = files.get("peraturan.yaml", {}).get("peraturan", {})
        for key in k["mengingat"]:
            if key in own:
                _pasang(texts, own[key]["tentang"], own[key]["nomor"], own[key].get("penerbit"))
        for s in ber_iku:
            _pasang(texts, s["uraian"])
            for i in s["indikator"]:
                _pasang(texts, i["uraian"], i.get("penjelasan"), i.get("sumber_data"))
                _pasang(texts, i.get("periode_pengukuran"))
                _formula(texts, i.get("formula"))

    if "dokumen-iku.yaml" in files:
        settings_iku = files["dokumen-iku.yaml"]
        texts = result[("dokumen-iku",)] = [upper, sebutan.upper()]
        tahun = int(settings_iku["tahun"])
        texts.append(f"{tempat}, {fmt.tanggal_ttd(None, None, tahun)}")  # day, month blank
        for items in settings_iku.get("teks", {}).values():
            _pasang(texts, *items)
        units = files.get("organisasi.yaml", {}).get("unit", [])
        for unit in units:  # a unit under another: its name and duties only
            _pasang(texts, unit["nama"], *unit.get("tugas", []))
            if not bersih(unit.get("induk", "")):
                _pasang(texts, *unit.get("fungsi", []), unit.get("pimpinan"))
        for t in plan["tujuan"]:
            _pasang(texts, t["uraian"])
            for i in t.get("indikator", []):
                _pasang(texts, i["uraian"], i.get("satuan"))
                _formula(texts, i.get("formula"))
        years = [y for y in _years(plan) if str(y) != plan.get("tahun_dasar")]
        for s in ber_iku:
            _pasang(texts, s["uraian"])
            for i in s["indikator"]:
                _pasang(texts, i["uraian"], i.get("satuan"))
                _formula(texts, i.get("formula"))
                if "tahun_dasar" in i:
                    texts.append(fmt.angka_tertulis(_nilai(i["tahun_dasar"])))
                for values in (i.get("target", {}), i.get("realisasi", {})):
                    for y in years:  # the tables of targets and of realisasi
                        if str(y) in values:
                            texts.append(fmt.angka_tertulis(_nilai(values[str(y)])))
        kodes = {bersih(i["kode"]) for s in ber_iku for i in s["indikator"]}
        for p in plan["program"]:
            if kodes & {bersih(k) for k in p.get("iku", [])}:
                _pasang(texts, p["nama"], *[i["uraian"] for i in p.get("indikator", [])])
                for k in p.get("kegiatan", []):
                    _pasang(texts, k["nama"], *[i["uraian"] for i in k.get("indikator", [])])

    lkj_file = files.get("lkj.yaml", {})
    for name, q in files.items():
        if not name.startswith("realisasi/"):
            continue
        tahun = int(q["tahun"])
        texts = result[("lkj", (tahun, int(q["triwulan"])))] = [
            upper,
            sebutan.upper(),
            f"{tempat}, {fmt.tanggal_ttd(None, None, tahun)}",  # no date in lkj.yaml
        ]
        _pasang(texts, plan.get("visi"), *plan.get("misi", []))
        for items in lkj_file.get("teks", {}).values():
            _pasang(texts, *items)
        for p in lkj_file.get("permasalahan", []):
            _pasang(texts, p["masalah_pokok"])
            for m in p["masalah"]:
                _pasang(texts, m["uraian"], *m.get("akar", []))
        for t in plan["tujuan"]:
            _pasang(texts, t["uraian"])
        for s in semua_sasaran:
            for i in s.get("indikator", []):
                _pasang(texts, s["uraian"], i["uraian"], i.get("satuan"))
                if str(tahun) in i.get("target", {}):
                    texts.append(fmt.angka(_nilai(i["target"][str(tahun)]), 2))
        for p in plan["program"]:
            if any(str(tahun) in k["pagu"] for k in p.get("kegiatan", [])):
                _pasang(texts, p["nama"], f"Jumlah {bersih(p['nama'])}")
                for k in p["kegiatan"]:
                    _pasang(texts, k["nama"])
                    if str(tahun) in k["pagu"]:
                        texts.append(fmt.angka(_nilai(k["pagu"][str(tahun)].removeprefix("Rp "))))
        if predikat and any(s.get("indikator") for s in semua_sasaran):  # BAB III A: with IKU
            _pasang(texts, *[b["nama"] for b in predikat])
    return Harapan(result, kepala, f"{nama_dinas} {sebutan}", pengaturan)


def _nilai(text: str) -> Decimal:
    """The value of a number this file wrote (``tulis_angka``)."""
    return Decimal(text.replace(".", "").replace(",", "."))


# --- reading a document back ------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
_TEXT_PARTS = ("word/document.xml", "word/header", "word/footer")


def paragraphs(root: etree._Element) -> Iterator[str]:
    """The text of every paragraph under ``root`` as Word shows it: runs' text, ``w:tab`` as a
    tab, ``w:br``/``w:cr`` as a line break; a paragraph inside another (a text box) apart."""
    for p in root.iter(f"{W}p"):
        parts = []
        for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
            parent = el.getparent()
            if parent is None or parent.tag != f"{W}r" or next(el.iterancestors(f"{W}p")) is not p:
                continue
            if el.tag == f"{W}t":
                parts.append(el.text or "")
            else:
                parts.append("\t" if el.tag == f"{W}tab" else "\n")
        yield "".join(parts)


_WELL_FORMED: set[bytes] = set()
"""Parts already parsed: the parts a template's documents share (styles, numbering, theme …)
are not parsed again for every document."""
_KEPT = ("word/document.xml", "docProps/core.xml", "word/styles.xml")


@dataclass
class Dibaca:
    """An output read back: its text (paragraphs separated by NUL, which data cannot hold, so
    a text found in it lies within one paragraph) and some parts' trees."""

    text: str
    parts: dict[str, etree._Element]


def periksa_docx(blob: bytes, label: str) -> Dibaca:
    """Check one output whole: it opens in python-docx, its zip is intact, every XML part is
    well-formed XML to a strict parser."""
    Document(io.BytesIO(blob))  # opens in python-docx
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        assert archive.testzip() is None, label
        texts: list[str] = []
        kept: dict[str, etree._Element] = {}
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            raw = archive.read(name)
            text_part = name.startswith(_TEXT_PARTS)
            if raw in _WELL_FORMED and not text_part and name not in _KEPT:
                continue
            try:
                root = etree.fromstring(raw, STRICT)
            except etree.XMLSyntaxError as exc:
                raise AssertionError(f"{label}: {name} is not well-formed XML: {exc}") from None
            if text_part:
                texts.extend(paragraphs(root))
            elif len(_WELL_FORMED) < 10_000:
                _WELL_FORMED.add(raw)
            if name in _KEPT:
                kept[name] = root
    return Dibaca("\0".join(texts), kept)


def _twips(mm: Decimal | float) -> str:
    return str(round(float(mm) / 25.4 * 1440))


CP = "{http://purl.org/dc/elements/1.1/}"
KERTAS = {"F4": (215, 330), "A4": (210, 297)}


def periksa_pengaturan(dibaca: Dibaca, expected: Harapan, label: str) -> None:
    """Settings that reach the XML: paper and margins of every section, the base font and
    size; and the document property naming the dinas."""
    creator = dibaca.parts["docProps/core.xml"].find(f"{CP}creator")
    assert creator is not None and creator.text == expected.pembuat, label
    setting = expected.pengaturan
    document = dibaca.parts["word/document.xml"]
    paper = sorted(_twips(mm) for mm in KERTAS[setting.get("kertas", "F4")])
    for size in document.iter(f"{W}pgSz"):
        assert sorted([size.get(f"{W}w", ""), size.get(f"{W}h", "")]) == paper, label
    if "margin" in setting:
        for margin in document.iter(f"{W}pgMar"):
            for side in ("atas", "kanan", "bawah", "kiri"):
                attribute = {"atas": "top", "kanan": "right", "bawah": "bottom", "kiri": "left"}
                value = _twips(_nilai(setting["margin"][side]) * 10)
                assert margin.get(f"{W}{attribute[side]}") == value, (label, side)
    styles = dibaca.parts["word/styles.xml"]
    if "huruf" in setting:
        fonts = {f.get(f"{W}ascii") for f in styles.iter(f"{W}rFonts")}
        assert bersih(setting["huruf"]) in fonts, (label, fonts)
    if "ukuran_huruf" in setting:
        normal = styles.find(f"{W}style[@{W}styleId='Normal']")
        assert normal is not None, label
        half_points = str(round(float(_nilai(setting["ukuran_huruf"])) * 2))
        sizes = {e.get(f"{W}val") for e in normal.iter(f"{W}sz")}
        assert sizes == {half_points}, (label, sizes)


def hilang(text: str, expected: list[str]) -> list[str]:
    return [e for e in expected if e not in text]


# --- rendering as the build does --------------------------------------------------------------

_TEMPLATES: dict[str, Template] = {}


def template(name: str) -> Template:
    if name not in _TEMPLATES:
        _TEMPLATES[name] = Template(TEMPLATES / name)
    return _TEMPLATES[name]


def render_semua(folder: Path, out: Path) -> Iterator[tuple[Any, bytes]]:
    """Every document the build makes of ``folder``, keyed like :class:`Harapan`, rendered
    in this process: load, contexts (cards' through a cache), render, combined document."""
    cache = Cache()
    data = load(folder, cache)
    halaman = data.dinas.pengaturan.halaman
    for name, kind in kinds().items():
        if kind.missing(data):
            continue
        docs = kind.documents(data)
        cached = card_contexts(data, [d.cached for d in docs if d.cached], cache)
        pieces: list[bytes] = []
        for n, doc in enumerate(docs):
            context = {**doc.context, **cached[doc.cached]} if doc.cached else doc.context
            blob, piece = template(doc.template).render_dokumen(
                context,
                halaman,
                doc.gambar,
                properties=doc.properties,
                piece=kind.combined is not None,
            )
            key = (name, doc.triwulan) if doc.triwulan else (name, n) if doc.cached else (name,)
            yield key, blob
            if kind.combined:
                if not pieces:
                    first = out / "pertama.docx"
                    first.write_bytes(blob)
                pieces.append(piece)
        if kind.combined and pieces:
            target = out / kind.combined
            combine(out / "pertama.docx", pieces, target)
            yield (name, "semua"), target.read_bytes()


def periksa_dataset(files: Files, root: Path) -> int:
    """Write, load, render and check one dataset; the number of documents checked."""
    folder = root / "data"
    out = root / "hasil"
    out.mkdir()
    tulis_folder(folder, files)
    expected = harapan(files)
    try:
        try:
            documents = dict(render_semua(folder, out))
        except DataError as exc:
            raise AssertionError(f"valid data refused by the loader:\n{exc}") from None
        assert set(documents) == set(expected.per_dokumen), "documents made"
        for key, blob in documents.items():
            periksa_dokumen(blob, expected, key)
    except AssertionError:
        terbaca_sama(folder, files)  # the files hold the data drawn: dokgen is at fault
        raise
    return len(documents)


def periksa_dokumen(blob: bytes, expected: Harapan, key: Any) -> None:
    """One output: whole, its settings in its XML, every text it prints."""
    dibaca = periksa_docx(blob, str(key))
    periksa_pengaturan(dibaca, expected, str(key))
    missing = hilang(dibaca.text, [*expected.per_dokumen[key], *expected.kepala])
    assert not missing, f"{key}: text missing or altered: {missing!r}"


def kunci(output: Path) -> Any:
    """The key of :class:`Harapan` of a file the build wrote."""
    name = output.name
    if output.parent.name == "iki":
        return ("iki", int(name.split("-")[0]) - 1)
    if name.startswith("lkj-"):
        tahun, triwulan = name.removeprefix("lkj-").removesuffix(".docx").split("-tw")
        return ("lkj", (int(tahun), int(triwulan)))
    return {
        "iki-semua-jabatan.docx": ("iki", "semua"),
        "keputusan-iku.docx": ("keputusan",),
        "dokumen-iku.docx": ("dokumen-iku",),
        "pohon-kinerja.docx": ("pohon-kinerja",),
    }[name]


# --- the tests --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tempat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


EXAMPLES = max(1000, int(os.environ.get("DOKGEN_FUZZ_CONTOH", "1000")))
SEED = int(os.environ.get("DOKGEN_FUZZ_SEED", "0"))
"""The same examples every run (CI); another seed gives others, for a deeper local run:
``DOKGEN_FUZZ_SEED=7 DOKGEN_FUZZ_CONTOH=5000 pytest tests/test_fuzz.py``."""
WORKERS = 2
"""The examples are shared by two processes (the CI machine has two cores): each runs its own
Hypothesis search from its own fixed seed."""


def fuzz(share: int, examples: int, folder: str) -> tuple[int, int, str]:
    """One process's share of the examples: (datasets, documents checked, the failure with
    Hypothesis's falsifying example, or '')."""
    documents: list[int] = []

    @seed(SEED * WORKERS + share)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        phases=[Phase.generate, Phase.shrink],  # no 'explain': a failure is reported sooner
    )
    @given(data_folder())
    def one(files: Files) -> None:
        root = Path(tempfile.mkdtemp(dir=folder))
        try:
            documents.append(periksa_dataset(files, root))
        finally:
            shutil.rmtree(root, ignore_errors=True)

    try:
        one()
    except Exception as exc:
        return len(documents), sum(documents), "".join(traceback.format_exception(exc))
    return len(documents), sum(documents), ""


def test_random_valid_datasets_render_whole_with_their_text(tempat: Path) -> None:
    share = -(-EXAMPLES // WORKERS)
    spawn = multiprocessing.get_context("spawn")  # a worker that dies fails the test, not hangs
    with ProcessPoolExecutor(WORKERS, mp_context=spawn) as pool:
        results = list(pool.map(fuzz, range(WORKERS), [share] * WORKERS, [str(tempat)] * WORKERS))
    failures = [failure for _, _, failure in results if failure]
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)
    assert sum(datasets for datasets, _, _ in results) >= EXAMPLES
    assert sum(documents for _, documents, _ in results) > EXAMPLES  # most make several


PENANDA = st.text("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=10, max_size=10).map(
    lambda s: f"PENANDA{s}"
)


def test_a_sample_builds_and_converts_in_libreoffice(tempat: Path) -> None:
    """Three datasets that make every kind of document, through the whole build (``force``:
    the check's findings are not the point here) from a folder with an unusual name, each
    output checked as above, then converted by LibreOffice: every PDF holds the dataset's
    marker (printed as the head's pangkat under every signature)."""
    # LibreOffice and poppler-utils: installed by make test (make sistem) and .ci/run.
    assert shutil.which("pdftotext") and shutil.which("soffice"), "make sistem"
    samples: list[tuple[str, Files]] = []

    @settings(max_examples=3, deadline=None, derandomize=True, database=None)
    @given(data_folder(lengkap=True), PENANDA)
    def collect(files: Files, marker: str) -> None:
        files["dinas.yaml"]["kepala"]["pangkat"] = marker
        samples.append((marker, files))

    collect()
    assert len(samples) == 3
    converted: list[tuple[str, Path]] = []
    staging = Path(tempfile.mkdtemp(dir=tempat))
    for n, (marker, files) in enumerate(samples):
        folder = staging / str(n) / "data ünï 😀 [bold] {{ x }} &amp;"
        tulis_folder(folder, files)
        result = build(folder, staging / str(n) / "hasil", BuildOptions(force=True))
        expected = harapan(files)
        assert {kunci(p) for p in result.outputs} == set(expected.per_dokumen)
        for docx in result.outputs:
            blob = docx.read_bytes()
            periksa_dokumen(blob, expected, kunci(docx))
            copy = staging / "pdf" / f"{n}-{docx.stem}.docx"
            copy.parent.mkdir(exist_ok=True)
            copy.write_bytes(blob)
            converted.append((marker, copy))
    assert len(converted) >= 3 * 5  # decree, Dokumen IKU, a report, a card, all cards
    for (marker, docx), pdf in zip(converted, ke_pdf([c for _, c in converted]), strict=True):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert marker in text, (docx.name, text[:500])
