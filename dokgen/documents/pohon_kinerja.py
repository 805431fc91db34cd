"""Pohon Kinerja: the Renstra's tree Tujuan → Sasaran → IKU → Program → Kegiatan, and the
jabatan tree through ``atasan`` with every IKI row and what it supports (``mendukung``) — one
landscape document; the Renstra tree is also a figure of the Dokumen IKU.

The trees are drawn by :mod:`dokgen.pohon`: a page of the tree is one picture the size of the
page's text area, the text at one readable size; a tree taller than a page goes on over the next
pages with its ancestors repeated ("(lanjutan)").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from dokgen import pohon
from dokgen.docinfo import Gambar
from dokgen.documents.common import (
    Dokumen,
    Kind,
    Plain,
    dari_cache,
    plain,
    properties,
    tanda_tangan,
)
from dokgen.format import tanggal_ttd
from dokgen.load import DataDinas
from dokgen.model import Program, Renstra, Sasaran
from dokgen.pohon import Simpul
from dokgen.render import UKURAN_KERTAS

TEMPLATE = "pohon-kinerja.docx"
BERKAS = "pohon-kinerja.docx"

KOLOM_RENSTRA = ("TUJUAN", "SASARAN", "INDIKATOR KINERJA UTAMA", "PROGRAM", "KEGIATAN")
MARGIN_CM = (2.0, 2.0, 2.5, 3.0)
"""Top, right, bottom, left margin of the landscape pages of the templates (dokumen-iku.docx,
pohon-kinerja.docx) — unless the dinas sets its own."""
RUANG_JUDUL_CM = 2.2
"""What a page of the tree leaves for its caption and the space around it."""
TANDA_TANGAN_CM = 6.5
"""Room the place, date and signature of the Kepala Dinas take under the last tree."""
JABATAN_MAKS = 200
"""The most jabatan the jabatan tree draws one by one; beyond, it draws the upper levels only
(:func:`pohon_jabatan`): a tree of thousands of boxes is read by nobody, and drawing its
hundreds of pages would take minutes."""


def ukuran(data: DataDinas) -> tuple[float, float]:
    """Width and height in cm of one page of a tree: the text area of a landscape page of the
    dinas's paper and margins, less room for the caption."""
    halaman = data.dinas.pengaturan.halaman
    tinggi, lebar = (mm / 10 for mm in UKURAN_KERTAS[halaman.kertas])
    atas, kanan, bawah, kiri = halaman.margin_cm or MARGIN_CM
    return round(lebar - kiri - kanan, 2), round(tinggi - atas - bawah - RUANG_JUDUL_CM, 2)


# --- the Renstra tree ---------------------------------------------------------------------


def _program(program: Program, kolom: int, lain: list[str]) -> Simpul:
    kegiatan = tuple(Simpul(f"Kegiatan {k.kode}", k.nama, kolom + 1) for k in program.kegiatan)
    catatan = (f"juga {', '.join(lain)}",) if lain else ()
    return Simpul(f"Program {program.kode}", program.nama, kolom, kegiatan, catatan)


def pohon_renstra(renstra: Renstra) -> tuple[tuple[Simpul, ...], tuple[str, ...]]:
    """Tujuan → Sasaran → IKU → Program → Kegiatan. A program serving several IKU stands under
    the first it names, its box saying the others ('juga IKU-2'); a program that names no IKU
    stands under its sasaran, or, naming neither, under 'Program pendukung'. The trees and the
    titles of their columns: a column with no box is left out."""
    iku = {i.kode for s in renstra.semua_sasaran for i in s.indikator}
    sasaran = {s.kode for s in renstra.semua_sasaran}
    di_iku: dict[str, list[Simpul]] = {}
    di_sasaran: dict[str, list[Simpul]] = {}
    lainnya: list[Simpul] = []
    for program in renstra.program:
        known = [k for k in program.iku if k in iku]
        if known:
            lain = [k for k in program.iku if k != known[0]]
            di_iku.setdefault(known[0], []).append(_program(program, 3, lain))
        elif program.sasaran in sasaran:
            di_sasaran.setdefault(program.sasaran or "", []).append(
                _program(program, 3, program.iku)
            )
        else:
            lainnya.append(_program(program, 3, program.iku))

    def node_sasaran(s: Sasaran) -> Simpul:
        children = tuple(
            Simpul(i.kode, i.uraian, 2, tuple(di_iku.get(i.kode, []))) for i in s.indikator
        ) + tuple(di_sasaran.get(s.kode, []))
        return Simpul(f"Sasaran {s.kode}", s.uraian, 1, children)

    roots = [
        Simpul(f"Tujuan {t.kode}", t.uraian, 0, tuple(node_sasaran(s) for s in t.sasaran))
        for t in renstra.tujuan
    ] + [node_sasaran(s) for s in renstra.sasaran]
    if lainnya:
        roots.append(
            Simpul(
                "Program pendukung",
                "program penunjang yang tidak mendukung IKU atau sasaran tertentu",
                2,
                tuple(lainnya),
            )
        )
    return _rapat(tuple(roots), KOLOM_RENSTRA)


def _rapat(
    akar: tuple[Simpul, ...], judul: tuple[str, ...]
) -> tuple[tuple[Simpul, ...], tuple[str, ...]]:
    """The trees with their empty columns left out (the columns renumbered from 0), and the
    titles of the columns kept."""
    used = sorted({s.kolom for s in pohon.semua(akar)})
    baru = {k: n for n, k in enumerate(used)}

    def geser(s: Simpul) -> Simpul:
        return Simpul(s.judul, s.uraian, baru[s.kolom], tuple(geser(a) for a in s.anak), s.catatan)

    return tuple(geser(s) for s in akar), tuple(judul[k] for k in used)


# --- the jabatan tree ---------------------------------------------------------------------


@dataclass(frozen=True)
class Cakupan:
    """What the jabatan tree shows: how many jabatan there are, how many it draws one by one
    and down to which level (None: every level)."""

    semua: int
    digambar: int
    tingkat: int | None = None


class JabatanPohon(NamedTuple):
    """What the tree says of a jabatan: kode, name, atasan, jenis, holder, and every IKI row
    as (kode, uraian, mendukung)."""

    kode: str
    nama: str
    atasan: str | None
    jenis: str | None
    pemangku: str
    baris: tuple[tuple[str | None, str, str | None], ...]

    @classmethod
    def dari(cls, jabatan: Plain) -> JabatanPohon:
        """From a jabatan as plain data (a model's :func:`plain`, or a card's cached context)."""
        pemangku = jabatan.get("pemangku") or {}
        return cls(
            jabatan["kode"],
            jabatan["nama"],
            jabatan.get("atasan"),
            jabatan.get("jenis"),
            pemangku.get("nama") or "",
            tuple(
                (row.get("kode"), row["uraian"], row.get("mendukung"))
                for sasaran in jabatan.get("iki", [])
                for row in sasaran["indikator"]
            ),
        )


def semua_jabatan(data: DataDinas) -> list[JabatanPohon]:
    """Every jabatan in the order of the structure: from the models a check holds, or from the
    cards' contexts a build keeps in its cache (not every file read again: thousands of them)."""
    if data.jabatan:
        return [JabatanPohon.dari(plain(j)) for j in data.jabatan]
    if not data.records:
        return []
    from dokgen.cache import Cache
    from dokgen.jabatan import card_contexts

    keys = [record.card_key for record in data.records]
    contexts = card_contexts(data, keys, data.cache or Cache())
    return [JabatanPohon.dari(contexts[key]["jabatan"]) for key in keys]


def _isi_jabatan(jabatan: JabatanPohon) -> str:
    lines = [jabatan.pemangku] if jabatan.pemangku else []
    for kode, uraian, mendukung in jabatan.baris:
        text = f"{kode}: {uraian}" if kode else f"• {uraian}"
        if mendukung:
            text += f" (mendukung {mendukung})"
        lines.append(text)
    return "\n".join(lines)


def pohon_jabatan(
    data: DataDinas, jabatan: list[JabatanPohon]
) -> tuple[tuple[Simpul, ...], Cakupan]:
    """The Kepala Dinas, and under it every jabatan through ``atasan`` — a jabatan whose atasan
    is not found (or that is in a loop of atasan) stands under the Kepala Dinas with a note.
    Each box: the jabatan's name, its holder, and every IKI row with its kode and what it
    supports. Beyond :data:`JABATAN_MAKS` jabatan only the upper levels are drawn one by one
    (as many levels as stay within it); under each jabatan of the last level drawn, one box
    counts the jabatan below it."""
    by_kode = {j.kode: j for j in jabatan}
    jalur = {j.kode: _jalur(j, by_kode) for j in jabatan}
    """Every jabatan's atasan up to the Kepala Dinas, nearest first (None: no way up)."""
    tingkat = {kode: len(up) + 1 if up is not None else 1 for kode, up in jalur.items()}
    batas: int | None = None
    if len(jabatan) > JABATAN_MAKS:
        batas = 0
        while sum(1 for t in tingkat.values() if t <= batas + 1) <= JABATAN_MAKS:
            batas += 1
    lain: dict[str | None, int] = {}
    anak: dict[str | None, list[JabatanPohon]] = {}
    yatim: list[JabatanPohon] = []
    for j in jabatan:
        up = jalur[j.kode]
        if batas is not None and tingkat[j.kode] > batas:
            # counted under its atasan at the last level drawn (the Kepala Dinas: None)
            shown = [k for k in (up or []) if tingkat[k] <= batas]
            lain[shown[0] if shown else None] = lain.get(shown[0] if shown else None, 0) + 1
        elif up is None:
            yatim.append(j)
        else:
            anak.setdefault(j.atasan, []).append(j)

    def children(kode: str | None, kolom: int) -> tuple[Simpul, ...]:
        nodes = tuple(node(b, kolom) for b in anak.get(kode, []))
        if lain.get(kode):
            nodes += (
                Simpul(
                    f"{lain[kode]} jabatan lain di bawahnya",
                    "tidak digambar satu per satu; indikatornya ada pada kartu IKI masing-masing",
                    kolom,
                ),
            )
        return nodes

    def node(j: JabatanPohon, kolom: int, catatan: tuple[str, ...] = ()) -> Simpul:
        return Simpul(j.nama, _isi_jabatan(j), kolom, children(j.kode, kolom + 1), catatan)

    top = children(None, 1) + tuple(
        node(j, 1, (f"atasan '{j.atasan}' tidak ditemukan atau berputar",)) for j in yatim
    )
    dinas = data.dinas
    kepala = Simpul(" ".join(dinas.jabatan_kepala), dinas.kepala.nama, 0, top)
    drawn = len(jabatan) - sum(lain.values())
    return (kepala,), Cakupan(len(jabatan), drawn, batas)


def _jalur(jabatan: JabatanPohon, by_kode: dict[str, JabatanPohon]) -> list[str] | None:
    """The kode of each atasan of ``jabatan`` up to the Kepala Dinas, nearest first; None when
    an atasan is not found or the atasan go round in a loop."""
    up: list[str] = []
    seen = {jabatan.kode}
    current = jabatan
    while current.atasan:
        if current.atasan in seen:
            return None
        seen.add(current.atasan)
        if current.atasan not in by_kode:
            return None
        up.append(current.atasan)
        current = by_kode[current.atasan]
    return up


def kolom_jabatan(akar: tuple[Simpul, ...]) -> tuple[str, ...]:
    depth = 1 + max(s.kolom for s in pohon.semua(akar))
    return ("KEPALA DINAS", *(f"JABATAN TINGKAT {n}" for n in range(1, depth)))


# --- figures ------------------------------------------------------------------------------


def _halaman(
    akar: tuple[Simpul, ...], kolom: tuple[str, ...], data: DataDinas, judul: str, sisa_cm: float
) -> list[list[Any]]:
    """The pages of a tree as plain data (PNG, width, height, alt text), as the cache keeps them."""
    lebar, tinggi = ukuran(data)
    pages = pohon.halaman(akar, kolom, lebar, tinggi, judul, sisa_cm)
    return [[h.png, h.lebar_cm, h.tinggi_cm, h.keterangan] for h in pages]


def _bernama(pages: list[list[Any]], kunci: str) -> tuple[list[str], dict[str, Gambar]]:
    """The pages as pictures named ``<kunci>_1``, ``<kunci>_2`` …, in order."""
    names = [f"{kunci}_{n}" for n in range(1, len(pages) + 1)]
    return names, {
        name: Gambar(png, tinggi_cm=tinggi, keterangan=keterangan)
        for name, (png, _, tinggi, keterangan) in zip(names, pages, strict=True)
    }


def gambar(
    akar: tuple[Simpul, ...],
    kolom: tuple[str, ...],
    data: DataDinas,
    judul: str,
    kunci: str,
    sisa_cm: float = 0.0,
) -> tuple[list[str], dict[str, Gambar]]:
    """The pages of a tree as pictures named ``<kunci>_1``, ``<kunci>_2`` …, in order; the
    last leaves ``sisa_cm`` of its page free. Drawn once: kept in the cache under the tree."""
    masukan = repr((akar, kolom, ukuran(data), judul, sisa_cm))
    pages = dari_cache(data, "pohon", masukan, lambda: _halaman(akar, kolom, data, judul, sisa_cm))
    return _bernama(pages, kunci)


def gambar_jabatan(data: DataDinas) -> tuple[list[str], dict[str, Gambar], Cakupan]:
    """The jabatan tree's pages and what it shows. Kept in the cache under what the tree shows of
    each jabatan (``JabatanRecord.tree_key``) and the head: a build whose jabatan did not change
    their boxes takes the pages without reading one jabatan (2,400 jabatan: 0.3 s a build)."""
    dinas = data.dinas
    keys = [record.tree_key for record in data.records]
    masukan = repr((keys, dinas.jabatan_kepala, dinas.kepala.nama, ukuran(data)))

    def draw() -> dict[str, Any]:
        akar, cakupan = pohon_jabatan(data, semua_jabatan(data))
        judul = "Pohon Kinerja Jabatan"
        pages = _halaman(akar, kolom_jabatan(akar), data, judul, TANDA_TANGAN_CM)
        return {"pages": pages, "cakupan": [cakupan.semua, cakupan.digambar, cakupan.tingkat]}

    found = dari_cache(data, "pohon jabatan", masukan, draw)
    return (*_bernama(found["pages"], "pohon_jabatan"), Cakupan(*found["cakupan"]))


def gambar_renstra(
    data: DataDinas, sisa_cm: float = 0.0
) -> tuple[list[str], dict[str, Gambar], str]:
    """The Renstra tree's pages (none without sasaran), and what it spans in words: 'tujuan
    sampai kegiatan', 'sasaran sampai indikator kinerja utama'."""
    renstra = data.renstra
    if renstra is None or not renstra.semua_sasaran:
        return [], {}, ""
    akar, kolom = pohon_renstra(renstra)
    rentang = f"{kolom[0].lower()} sampai {kolom[-1].lower()}"
    pictures = gambar(akar, kolom, data, "Pohon Kinerja Renstra", "pohon_renstra", sisa_cm)
    return (*pictures, rentang)


def catatan_jabatan(cakupan: Cakupan) -> str:
    """What the caption of a capped jabatan tree adds: which jabatan it draws ('' for all)."""
    if cakupan.tingkat is None:
        return ""
    if not cakupan.tingkat:
        return f"{cakupan.semua} jabatan, tidak digambar satu per satu"
    return (
        f"jabatan sampai tingkat {cakupan.tingkat}"
        f" ({cakupan.digambar} dari {cakupan.semua} jabatan)"
    )


def tidak_ada(data: DataDinas) -> str | None:
    """Why the Pohon Kinerja is not built, or None."""
    if (data.renstra and data.renstra.semua_sasaran) or data.records or data.jabatan:
        return None
    return "tidak ada sasaran di renstra.yaml maupun jabatan"


def dokumen(data: DataDinas) -> list[Dokumen]:
    ada_jabatan = bool(data.records or data.jabatan)
    # the signature follows the last tree, on its last page
    renstra_names, pictures, _ = gambar_renstra(data, 0.0 if ada_jabatan else TANDA_TANGAN_CM)
    jabatan_names: list[str] = []
    cakupan = Cakupan(0, 0)
    if ada_jabatan:
        jabatan_names, more, cakupan = gambar_jabatan(data)
        pictures.update(more)
    from dokgen.documents.dokumen_iku import tempat_tanggal  # (it draws this tree too)

    renstra, iku = data.renstra, data.dokumen_iku
    periode = f"{renstra.periode.awal}–{renstra.periode.akhir}" if renstra else ""
    context = {
        "nama": f"{data.dinas.nama} {data.dinas.pemda.sebutan}",
        "periode": periode,
        "renstra": renstra_names,
        "jabatan": jabatan_names,
        "nomor": {
            "renstra": "1" if renstra_names else "",
            "jabatan": ("2" if renstra_names else "1") if jabatan_names else "",
        },
        "catatan_jabatan": catatan_jabatan(cakupan),
        # dated and signed as the Dokumen IKU it goes with, when the dinas has one
        "tempat_tanggal": tempat_tanggal(data, iku)
        if iku
        else f"{data.dinas.tempat}, {tanggal_ttd(None, None, None)}",
        "ttd": tanda_tangan(data.dinas, iku.pada(iku.tahun) if iku else None),
    }
    judul = f"Pohon Kinerja {context['nama']}"
    info = properties(data, judul, renstra.periode.awal if renstra else None)
    return [Dokumen(BERKAS, TEMPLATE, plain(context), pictures, info)]


KIND = Kind("pohon-kinerja", "Pohon Kinerja", TEMPLATE, tidak_ada, dokumen)
