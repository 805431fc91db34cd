"""Regulations: the Mengingat keys exist, once each, and cited years agree; every cited
regulation was in force on the citing document's date and belongs to its period; the catalogue's
amendments and revocations exist and do not go round in circles (PER)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from dokgen.checks import FieldRef, Where, aturan, texts
from dokgen.derive import nomor_tahun
from dokgen.errors import saran
from dokgen.format import TITIK, tanggal_ttd
from dokgen.format import tanggal as format_tanggal
from dokgen.load import DataDinas
from dokgen.model import JENIS_PERATURAN, Bertanggal, Peraturan

_JENIS = {
    "undang-undang": "uu",
    "peraturan pemerintah": "pp",
    "peraturan presiden": "perpres",
    "peraturan menteri": "permen",
    "peraturan daerah": "perda",
    "peraturan bupati": "perbup",
    "peraturan walikota": "perwali",
    "peraturan gubernur": "pergub",
}
_KUTIPAN = re.compile(
    r"\b(Undang-Undang|Peraturan (?:Pemerintah|Presiden|Menteri|Daerah|Bupati|Walikota|Gubernur))"
    r"[^;]{0,120}?\bNomor\s*:?\s*([\w/.]+)\s+Tahun\s+(\d{4})",
    re.IGNORECASE,
)


@aturan("PER001", "galat", "peraturan")
def mengingat_tidak_dikenal(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap kunci Mengingat ada di katalog dokgen atau di peraturan.yaml dinas.

    Gagal: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - pp-18-2061  # ← temuan

    Lolos: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - pp-18-2016

    Peraturan daerah yang tidak ada di katalog dokgen ditulis di peraturan.yaml dinas:

    Lolos: peraturan.yaml ::

        peraturan:
          perwali-bdl-40-2018:
            jenis: perwali
            penerbit: Bandar Lampung
            nomor: "40"
            tahun: 2018
            tentang: Perubahan Indikator Kinerja Utama Pemerintah Kota Bandar Lampung

    dan keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - perwali-bdl-40-2018
    """
    if data.keputusan is None:
        return
    for i, key in enumerate(data.keputusan.mengingat):
        if key not in data.peraturan:
            hint = saran(key, data.peraturan) or " (tambahkan ke peraturan.yaml)"
            yield (
                data.keputusan.location_of("mengingat", i),
                (f"peraturan '{key}' tidak ada di katalog{hint}"),
            )


@aturan("PER002", "galat", "peraturan")
def mengingat_ganda(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap peraturan dikutip sekali dalam Mengingat.

    Gagal: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - pp-18-2016
          - uu-23-2014  # ← temuan

    Lolos: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - pp-18-2016
    """
    if data.keputusan is None:
        return
    seen: set[str] = set()
    for i, key in enumerate(data.keputusan.mengingat):
        if key in seen:
            yield data.keputusan.location_of("mengingat", i), f"'{key}' sudah ada di Mengingat"
        seen.add(key)


@aturan("PER003", "galat", "peraturan", lingkup="jabatan")
def kutipan_bertentangan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Peraturan yang dikutip di teks memakai tahun yang sama dengan katalog.

    Katalog mencatat Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja
    Instansi Pemerintah; seed 002 menulis "Tahun 2004" di satu tempat.

    Gagal: keputusan-iku.yaml ::

        menimbang:
          - sesuai Peraturan Presiden Nomor 29 Tahun 2004 tentang SAKIP  # ← temuan

    Lolos: keputusan-iku.yaml ::

        menimbang:
          - sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP
    """
    for where, text, _, _ in texts(data):
        if "nomor" not in text.lower():  # cheap guard: most texts cite nothing
            continue
        for match in _KUTIPAN.finditer(text):
            jenis = _JENIS[" ".join(match.group(1).lower().split()[:2])]
            nomor, tahun = _nomor(match.group(2)), int(match.group(3))
            same = [
                p
                for p in data.peraturan.values()
                if _jenis_sama(p.jenis, jenis) and _nomor(p.nomor) == nomor
            ]
            if same and all(p.tahun != tahun for p in same):
                known = ", ".join(str(p.tahun) for p in same)
                yield (
                    where,
                    (
                        f"'{match.group(0)}': katalog mencatat {match.group(1)}"
                        f" Nomor {match.group(2)} Tahun {known}"
                    ),
                )


def _nomor(text: str) -> str:
    return re.sub(r"\b0+(\d)", r"\1", text.strip().rstrip(".,").upper())


def _jenis_sama(catalogue: str, cited: str) -> bool:
    return catalogue == cited or (cited == "perda" and catalogue == "perda_provinsi")


# --- regulations true on the citing document's date ---------------------------------------


@dataclass(frozen=True)
class Rujukan:
    """One document that cites regulations by catalogue key: its name (for messages), the date
    it speaks on (None: unknown) and that date as the data gives it ('Januari 2021'), the
    Renstra period it is about, and each key with its place."""

    dokumen: str
    pada: dt.date | None
    sebutan: str
    periode: tuple[int, int] | None
    kunci: Sequence[tuple[str, Where]]


def sebutan(tanggal: Bertanggal, tahun: int | None = None) -> str:
    """'15 Januari 2021', 'Januari 2021', 'tahun 2021' or '': the date as far as it is known."""
    text = tanggal_ttd(tanggal.tanggal, tanggal.bulan, tahun).replace(TITIK, "").strip()
    return text if tanggal.tanggal or tanggal.bulan or not text else f"tahun {text}"


def rujukan(data: DataDinas) -> Iterator[Rujukan]:
    """Every (document, date, keys) the data holds; a document that cites regulations adds its
    lists here and the rules below judge them."""
    periode = (data.renstra.periode.awal, data.renstra.periode.akhir) if data.renstra else None
    if data.keputusan is not None:
        keputusan = data.keputusan
        keys = [
            (key, FieldRef(keputusan, ("mengingat", i)))
            for i, key in enumerate(keputusan.mengingat)
        ]
        yield Rujukan("Keputusan", keputusan.pada(), sebutan(keputusan), periode, keys)
    if data.dokumen_iku is not None:
        iku = data.dokumen_iku
        keys = [
            (key, FieldRef(iku, (field, i)))
            for field in ("landasan", "dasar_pembentukan")
            for i, key in enumerate(getattr(iku, field))
        ]
        if keys:
            yield Rujukan(
                "Dokumen IKU", iku.pada(iku.tahun), sebutan(iku, iku.tahun), periode, keys
            )


def _cited(data: DataDinas) -> Iterator[tuple[Rujukan, str, Peraturan, Where]]:
    for ref in rujukan(data):
        for key, where in ref.kunci:
            if key in data.peraturan:
                yield ref, key, data.peraturan[key], where


@aturan("PER004", "galat", "peraturan")
def belum_ditetapkan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Dokumen tidak mengutip peraturan yang belum ditetapkan pada tanggalnya.

    Keputusan bertanggal Januari 2021 tidak dapat berdasar pada peraturan tahun 2022.

    Gagal: keputusan-iku.yaml ::

        bulan: 2021-01
        mengingat:
          - uu-23-2014
          - permenpan-6-2022  # ← temuan

    Lolos: keputusan-iku.yaml ::

        bulan: 2023-01
        mengingat:
          - uu-23-2014
          - permenpan-6-2022
    """
    for ref, key, p, where in _cited(data):
        if ref.pada is not None and p.ada_pada(ref.pada) is False:
            when = format_tanggal(p.sejak) if p.sejak else f"tahun {p.tahun}"
            message = f"{ref.dokumen} ({ref.sebutan}) mengutip '{key}' yang baru ditetapkan {when}"
            yield where, message


@aturan("PER005", "peringatan", "peraturan")
def sudah_dicabut(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Dokumen tidak mengutip peraturan yang sudah dicabut pada tanggalnya.

    Permen PANRB 12/2015 dicabut dengan Permen PANRB 88/2021: keputusan tahun 2023 mengutip
    penggantinya.

    Gagal: keputusan-iku.yaml ::

        bulan: 2023-01
        mengingat:
          - uu-23-2014
          - permenpan-12-2015  # ← temuan

    Lolos: keputusan-iku.yaml ::

        bulan: 2023-01
        mengingat:
          - uu-23-2014
          - permenpan-88-2021
    """
    for ref, key, p, where in _cited(data):
        pengganti = data.peraturan.get(p.dicabut_dengan or "")
        if ref.pada is None or pengganti is None or pengganti.ada_pada(ref.pada) is not True:
            continue
        yield (
            where,
            f"'{key}' sudah dicabut dengan '{p.dicabut_dengan}' ({pengganti.nama_jenis}"
            f" {nomor_tahun(pengganti)}) sebelum {ref.dokumen} ({ref.sebutan})",
        )


@aturan("PER006", "peringatan", "peraturan")
def periode_lain(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Peraturan daerah yang dikutip mengatur periode Renstra/RPJMD dokumen itu.

    Peraturan yang mencakup kurang dari separuh tahun-tahun Renstra dokumen itu milik periode
    lain: Perwali Bandar Lampung 40/2018 mengatur IKU 2016–2021, bukan 2021–2026.

    Gagal: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - perwali-contoh-40-2018  # ← temuan

    dan peraturan.yaml ::

        peraturan:
          perwali-contoh-40-2018:
            jenis: perwali
            penerbit: Bandar Lampung
            nomor: "40"
            tahun: 2018
            tentang: Perubahan Indikator Kinerja Utama Tahun 2016-2021
            periode: {awal: 2016, akhir: 2021}

    Lolos: keputusan-iku.yaml ::

        mengingat:
          - uu-23-2014
          - perda-contoh-2-2021

    dan peraturan.yaml ::

        peraturan:
          perda-contoh-2-2021:
            jenis: perda
            penerbit: Kota Bandar Lampung
            nomor: "2"
            tahun: 2021
            tentang: Rencana Pembangunan Jangka Menengah Daerah Tahun 2021-2026
            periode: {awal: 2021, akhir: 2026}
    """
    for ref, key, p, where in _cited(data):
        if ref.periode is None or p.periode is None:
            continue
        awal, akhir = ref.periode
        shared = min(akhir, p.periode.akhir) - max(awal, p.periode.awal) + 1
        if 2 * shared < akhir - awal + 1:
            yield (
                where,
                f"'{key}' mengatur periode {p.periode.awal}–{p.periode.akhir}, sedangkan"
                f" {ref.dokumen} untuk Renstra {awal}–{akhir}",
            )


@aturan("PER007", "galat", "peraturan")
def perubahan_tidak_dikenal(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap kunci diubah_dengan dan dicabut_dengan ada di katalog.

    Gagal: peraturan.yaml ::

        peraturan:
          perbup-contoh-76-2016:
            jenis: perbup
            penerbit: Lumajang
            nomor: "76"
            tahun: 2016
            tentang: Kedudukan dan Susunan Organisasi Dinas
            diubah_dengan:
              - perbup-contoh-80-2002  # ← temuan
          perbup-contoh-80-2020:
            jenis: perbup
            penerbit: Lumajang
            nomor: "80"
            tahun: 2020
            tentang: Perubahan atas Peraturan Bupati Nomor 76 Tahun 2016

    Lolos: peraturan.yaml ::

        peraturan:
          perbup-contoh-76-2016:
            jenis: perbup
            penerbit: Lumajang
            nomor: "76"
            tahun: 2016
            tentang: Kedudukan dan Susunan Organisasi Dinas
            diubah_dengan: [perbup-contoh-80-2020]
          perbup-contoh-80-2020:
            jenis: perbup
            penerbit: Lumajang
            nomor: "80"
            tahun: 2020
            tentang: Perubahan atas Peraturan Bupati Nomor 76 Tahun 2016
    """
    for owner, p in data.peraturan.items():
        others = [k for k in data.peraturan if k != owner]  # never suggest the entry itself
        for where, key in _links(p):
            if key not in data.peraturan:
                yield where, f"peraturan '{key}' tidak ada di katalog{saran(key, others)}"


@aturan("PER008", "galat", "peraturan")
def katalog_berputar(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Perubahan dan pencabutan tidak berputar: peraturan tidak mengubah atau mencabut dirinya
    sendiri, langsung atau lewat peraturan lain.

    Gagal: peraturan.yaml ::

        peraturan:
          perbup-contoh-76-2016:
            jenis: perbup
            penerbit: Lumajang
            nomor: "76"
            tahun: 2016
            tentang: Kedudukan dan Susunan Organisasi Dinas
            diubah_dengan: [perbup-contoh-80-2020]
          perbup-contoh-80-2020:
            jenis: perbup
            penerbit: Lumajang
            nomor: "80"
            tahun: 2020
            tentang: Perubahan atas Peraturan Bupati Nomor 76 Tahun 2016
            dicabut_dengan: perbup-contoh-76-2016  # ← temuan

    Lolos: peraturan.yaml ::

        peraturan:
          perbup-contoh-76-2016:
            jenis: perbup
            penerbit: Lumajang
            nomor: "76"
            tahun: 2016
            tentang: Kedudukan dan Susunan Organisasi Dinas
            diubah_dengan: [perbup-contoh-80-2020]
          perbup-contoh-80-2020:
            jenis: perbup
            penerbit: Lumajang
            nomor: "80"
            tahun: 2020
            tentang: Perubahan atas Peraturan Bupati Nomor 76 Tahun 2016
    """
    katalog = data.peraturan
    for key, p in katalog.items():
        for where, target in _links(p):
            path = _jalan(target, key, katalog)
            if path is not None:
                cycle = " → ".join([key, *path])
                yield where, f"perubahan/pencabutan berputar: {cycle}"


def _links(p: Peraturan) -> Iterator[tuple[Where, str]]:
    for i, key in enumerate(p.diubah_dengan):
        yield FieldRef(p, ("diubah_dengan", i)), key
    if p.dicabut_dengan:
        yield FieldRef(p, ("dicabut_dengan",)), p.dicabut_dengan


def _jalan(start: str, goal: str, katalog: Mapping[str, Peraturan]) -> list[str] | None:
    """Keys from ``start`` to ``goal`` along amendments and revocations, or None."""
    seen: set[str] = set()
    stack: list[list[str]] = [[start]]
    while stack:
        path = stack.pop()
        if path[-1] == goal:
            return path
        p = katalog.get(path[-1])
        if p is None or path[-1] in seen:
            continue
        seen.add(path[-1])
        stack += [[*path, key] for _, key in _links(p)]
    return None


@aturan("PER009", "peringatan", "peraturan")
def nomor_bernol(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Nomor peraturan ditulis sebagaimana ditetapkan, tanpa nol di depan.

    Seed 001 mengutip "Peraturan Daerah Kota Bandar Lampung Nomor 07 Tahun 2016"; peraturan itu
    bernomor 7.

    Gagal: peraturan.yaml ::

        peraturan:
          perda-contoh-7-2016:
            jenis: perda
            penerbit: Kota Bandar Lampung
            nomor: "07"  # ← temuan
            tahun: 2016
            tentang: Pembentukan dan Susunan Perangkat Daerah

    Lolos: peraturan.yaml ::

        peraturan:
          perda-contoh-7-2016:
            jenis: perda
            penerbit: Kota Bandar Lampung
            nomor: "7"
            tahun: 2016
            tentang: Pembentukan dan Susunan Perangkat Daerah
    """
    for p in data.peraturan.values():
        if re.fullmatch(r"0+\d+", p.nomor.strip()):
            yield (
                FieldRef(p, ("nomor",)),
                f"nomor '{p.nomor}' ditulis dengan nol di depan: tulis '{int(p.nomor)}'"
                " sebagaimana ditetapkan",
            )


@aturan("PER010", "peringatan", "peraturan")
def teks_mendahului(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Teks dokumen tidak menyebut peraturan yang belum ditetapkan pada tanggal dokumen itu.

    Laporan tahun 2019 tidak dapat berdasar pada Peraturan Menteri tahun 2021; kunci katalog
    diperiksa PER004, kalimat yang ditulis sendiri diperiksa di sini. Teks renstra.yaml dan
    organisasi.yaml tercetak di setiap dokumen, jadi dibandingkan dengan tanggal dokumen yang
    paling awal.

    Gagal: keputusan-iku.yaml ::

        bulan: 2021-01
        menimbang:
          - sesuai Peraturan Menteri PANRB Nomor 6 Tahun 2022, IKU perlu ditetapkan  # ← temuan

    Lolos: keputusan-iku.yaml ::

        bulan: 2023-01
        menimbang:
          - sesuai Peraturan Menteri PANRB Nomor 6 Tahun 2022, IKU perlu ditetapkan
    """
    owners: dict[int, tuple[str, dt.date | None, str]] = {}
    if data.keputusan is not None:
        k = data.keputusan
        owners[id(k)] = ("Keputusan", k.pada(), sebutan(k))
    if data.dokumen_iku is not None:
        iku = data.dokumen_iku
        owners[id(iku)] = ("Dokumen IKU", iku.pada(iku.tahun), sebutan(iku, iku.tahun))
    for laporan in data.realisasi:
        owners[id(laporan)] = (
            "Laporan Kinerja",
            laporan.pada(laporan.tahun),
            sebutan(laporan, laporan.tahun),
        )
    if data.lkj is not None and data.realisasi:
        # the prose of lkj.yaml is in every quarter's report: the earliest must be true too
        owners[id(data.lkj)] = owners[id(data.realisasi[0])]
    dated = [owner for owner in owners.values() if owner[1] is not None]
    if dated:  # the Renstra's and the organisation's texts are printed in every document
        earliest = min(dated, key=lambda owner: owner[1] or dt.date.max)
        for shared in (data.renstra, data.organisasi):
            if shared is not None:
                owners[id(shared)] = earliest
    for where, text, _, berkas in texts(data):
        if id(berkas) not in owners:
            continue
        dokumen, pada, disebut = owners[id(berkas)]
        if pada is None or "nomor" not in text.lower():
            continue
        for match in _KUTIPAN.finditer(text):
            jenis = _JENIS[" ".join(match.group(1).lower().split()[:2])]
            nomor, tahun = _nomor(match.group(2)), int(match.group(3))
            same = [
                p
                for p in data.peraturan.values()
                if _jenis_sama(p.jenis, jenis) and _nomor(p.nomor) == nomor and p.tahun == tahun
            ]
            if same and all(p.ada_pada(pada) is False for p in same):
                p = same[0]
                when = format_tanggal(p.sejak) if p.sejak else f"tahun {p.tahun}"
                cited = match.group(0)
                yield where, f"{dokumen} ({disebut}) menyebut '{cited}' yang baru ditetapkan {when}"


@aturan("PER011", "peringatan", "peraturan")
def perubahan_tidak_urut(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """diubah_dengan mendaftar perubahan dari yang pertama, masing-masing sesudah peraturan yang
    diubahnya: kutipan menyebut yang terakhir di daftar sebagai "terakhir dengan …".

    Gagal: peraturan.yaml ::

        peraturan:
          perbup-contoh-76-2016:
            jenis: perbup
            penerbit: Lumajang
            nomor: "76"
            tahun: 2016
            tentang: Kedudukan dan Susunan Organisasi Dinas
            diubah_dengan:
              - perbup-contoh-80-2020
              - perbup-contoh-12-2018  # ← temuan
          perbup-contoh-12-2018:
            jenis: perbup
            penerbit: Lumajang
            nomor: "12"
            tahun: 2018
            tentang: Perubahan atas Peraturan Bupati Nomor 76 Tahun 2016
          perbup-contoh-80-2020:
            jenis: perbup
            penerbit: Lumajang
            nomor: "80"
            tahun: 2020
            tentang: Perubahan Kedua atas Peraturan Bupati Nomor 76 Tahun 2016

    Lolos: peraturan.yaml ::

        peraturan:
          perbup-contoh-76-2016:
            jenis: perbup
            penerbit: Lumajang
            nomor: "76"
            tahun: 2016
            tentang: Kedudukan dan Susunan Organisasi Dinas
            diubah_dengan:
              - perbup-contoh-12-2018
              - perbup-contoh-80-2020
          perbup-contoh-12-2018:
            jenis: perbup
            penerbit: Lumajang
            nomor: "12"
            tahun: 2018
            tentang: Perubahan atas Peraturan Bupati Nomor 76 Tahun 2016
          perbup-contoh-80-2020:
            jenis: perbup
            penerbit: Lumajang
            nomor: "80"
            tahun: 2020
            tentang: Perubahan Kedua atas Peraturan Bupati Nomor 76 Tahun 2016
    """
    katalog = data.peraturan
    for key, p in katalog.items():
        before, name = p, key
        for i, other in enumerate(p.diubah_dengan):
            q = katalog.get(other)
            if q is None:  # PER007
                continue
            if _sebelum(q, before) and before is p:
                message = f"'{other}' ({q.tahun}) ditetapkan sebelum '{key}' yang diubahnya"
            elif _sebelum(q, before):
                message = (
                    f"'{other}' ({q.tahun}) ditetapkan sebelum '{name}' ({before.tahun}) yang"
                    " mendahuluinya di diubah_dengan: urutkan dari perubahan pertama"
                )
            else:
                before, name = q, other
                continue
            yield FieldRef(p, ("diubah_dengan", i)), message
            before, name = q, other


def _sebelum(a: Peraturan, b: Peraturan) -> bool:
    """Whether ``a`` certainly came before ``b`` (by day when both are known, else by year)."""
    if a.sejak and b.sejak:
        return a.sejak < b.sejak
    return a.tahun < b.tahun


_LABEL = re.compile(r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s+|[-–•]\s*)?", re.IGNORECASE)
"""A list label typed before an item ('1. ', 'a) ', '- ')."""
_UUD = re.compile(r"Undang-Undang Dasar\b", re.IGNORECASE)


def tingkat_kutipan(text: str) -> tuple[tuple[int, int, int], str] | None:
    """(level in the hierarchy of UU 12/2011, year, number) of the regulation an item of a list
    starts with, and the citation as written; None when the item does not start with one."""
    text = _LABEL.sub("", text, count=1)
    if _UUD.match(text):
        return (JENIS_PERATURAN["uud"][0], 1945, 0), "Undang-Undang Dasar"
    match = _KUTIPAN.match(text)
    if match is None:
        return None
    jenis = _JENIS[" ".join(match.group(1).lower().split()[:2])]
    lanjut = match.group(0)[len(match.group(1)) :]
    if jenis == "pp" and re.match(r"\s+Pengganti\b", lanjut, re.IGNORECASE):
        jenis = "perppu"
    elif jenis == "perda" and re.search(r"\bProvinsi\b", lanjut, re.IGNORECASE):
        jenis = "perda_provinsi"
    nomor = re.match(r"\d+", match.group(2))
    level = (JENIS_PERATURAN[jenis][0], int(match.group(3)), int(nomor.group(0)) if nomor else 0)
    return level, match.group(0)


@aturan("PER012", "peringatan", "peraturan", lingkup="jabatan")
def daftar_tidak_urut(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Daftar peraturan yang ditulis sendiri (mis. dasar hukum Dokumen IKU) urut menurut hierarki
    UU 12/2011, lalu tahun dan nomor.

    Urutannya: UUD 1945, UU/Perppu, PP, Perpres, Peraturan Menteri, Perda Provinsi, Perda
    Kabupaten/Kota, Peraturan Gubernur/Bupati/Walikota. Daftar yang dibaca: setiap daftar teks
    yang sedikitnya dua butirnya diawali kutipan peraturan; butir lain dilewati. Temuan
    ditunjukkan pada butir pertama yang tidak urut. Seed 001 menulis PP 8/2006 sesudah PP 18/2016.
    Daftar kunci katalog (Mengingat, landasan) diurutkan dokgen sendiri.

    Gagal: dokumen-iku.yaml ::

        tahun: 2022
        teks:
          dasar_hukum:
            - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
            - Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah;
            - Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Kinerja;  # ← temuan

    Gagal: dokumen-iku.yaml ::

        tahun: 2022
        teks:
          dasar_hukum:
            - 1. Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP;
            - 2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;  # ← temuan

    Lolos: dokumen-iku.yaml ::

        tahun: 2022
        teks:
          dasar_hukum:
            - Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;
            - Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
            - Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja;
            - Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah;
            - Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP;
            - Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Perjanjian Kinerja;
            - Peraturan Daerah Provinsi Jawa Timur Nomor 5 Tahun 2016 tentang RPJMD;
            - Peraturan Daerah Kabupaten Lumajang Nomor 2 Tahun 2019 tentang RPJMD;
            - Peraturan Bupati Lumajang Nomor 76 Tahun 2016 tentang Kedudukan Dinas.
    """
    lists: dict[tuple[int, str | int], list[tuple[FieldRef, str]]] = {}
    for where, text, _, _ in texts(data):
        if len(where.keys) == 2 and isinstance(where.keys[1], int):
            lists.setdefault((id(where.obj), where.keys[0]), []).append((where, text))
    for items in lists.values():
        cited = [(where, found) for where, text in items if (found := tingkat_kutipan(text))]
        if len(cited) < 2:
            continue
        highest: tuple[tuple[int, int, int], str] | None = None
        for where, (key, name) in cited:
            if highest is not None and key < highest[0]:
                yield (
                    where,
                    f"'{name}' seharusnya sebelum '{highest[1]}': urutkan menurut hierarki"
                    " peraturan (UU 12/2011), lalu menurut tahun dan nomor",
                )
                break
            if highest is None or key > highest[0]:
                highest = (key, name)
