"""The mutations of issue 19: each rule family's mistake put into the clean examples of ``data/``.

Every mutation is written from an error class (another agency's name, an old period, an
upside-down fraction, a typed list label, …), not copied from the seeds' own mistakes. A
mutation names the file (a glob relative to the data folder), the place (a pattern, see
:mod:`tests.mutasi.mesin`), the edit, and the rule code whose finding must stand on the line of
the edited place (``di`` moves that place: ``..`` is the parent, ``/`` the file's first line).
It applies to every example that has the place; ``pilih`` picks which match (0 the first, -1 the
last) so that the mutations of a family land on different sasaran, indicators and jabatan.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.mutasi import mesin
from tests.mutasi.mesin import Jalur, Mentah, TidakBerlaku

Ubah = Callable[[str, Jalur, Path], tuple[str, Jalur]]
"""An edit: (text of the file, matched path, data folder) → (edited text, path of the finding)."""
Syarat = Callable[[Any], bool]


@dataclass(frozen=True)
class Mutasi:
    code: str
    berkas: str
    pola: tuple[str, ...]
    ubah: Ubah
    apa: str
    pilih: int = 0
    di: str = ""
    syarat: Syarat | None = None
    perlu: str = ""
    """A file (glob) the dataset must have for the mistake to matter."""
    contoh: str = "*"
    """The datasets (glob of the folder name) where the edit is a mistake."""

    @property
    def keluarga(self) -> str:
        return self.code[:3]


# --- edits ------------------------------------------------------------------------------------


def tambah_teks(sisipan: str, depan: bool = False) -> Ubah:
    """Text added at the end (or the start) of the text at the place."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        old = mesin.nilai(mesin.simpul(mesin.susun(text), path))
        if not isinstance(old, str):
            raise TidakBerlaku("bukan teks")
        new = sisipan + old if depan else old.rstrip(" .;") + sisipan
        return mesin.ganti(text, path, new), path

    return ubah


def jadi(value: Any) -> Ubah:
    """The value at the place replaced."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        return mesin.ganti(text, path, value), path

    return ubah


def jadi_dari(fn: Callable[[Any], Any]) -> Ubah:
    """The value at the place replaced by ``fn(old value)``."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        old = mesin.nilai(mesin.simpul(mesin.susun(text), path))
        return mesin.ganti(text, path, fn(old)), path

    return ubah


def salin_dari(pola: str, fn: Callable[[Any], Any] = lambda v: v) -> Ubah:
    """The value at the place replaced by ``fn`` of the value at the first ``pola`` of the same
    file that is not the place itself."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        root = mesin.susun(text)
        sources = [p for p in mesin.cari(root, pola) if p != path]
        if not sources:
            raise TidakBerlaku(f"tidak ada {pola} lain")
        value = fn(mesin.nilai(mesin.simpul(root, sources[0])))
        return mesin.ganti(text, path, value), path

    return ubah


def hapus() -> Ubah:
    """The key or list item at the place removed (the finding is expected at ``di``)."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        return mesin.hapus(text, path), path

    return ubah


def setel(key: str, value: Any) -> Ubah:
    """``key`` of the mapping at the place set (added when missing)."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        return mesin.setel(text, path, key, value), (*path, key)

    return ubah


def gandakan(**ubah_salinan: Callable[[Any], Any]) -> Ubah:
    """The list item at the place entered twice; in the copy each named key is changed by its
    function. The finding is expected at the copy (``di`` relative to it)."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        text = mesin.gandakan(text, path)
        last = path[-1]
        assert isinstance(last, int)
        salinan = (*path[:-1], last + 1)
        for key, fn in ubah_salinan.items():
            old = mesin.nilai(mesin.simpul(mesin.susun(text), (*salinan, key)))
            text = mesin.ganti(text, (*salinan, key), fn(old))
        return text, salinan

    return ubah


def balik_pecahan() -> Ubah:
    """Pembilang and penyebut of the fraction at the place exchanged."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        root = mesin.susun(text)
        atas = mesin.nilai(mesin.simpul(root, (*path, "pembilang")))
        bawah = mesin.nilai(mesin.simpul(root, (*path, "penyebut")))
        text = mesin.ganti(text, (*path, "pembilang"), bawah)
        return mesin.ganti(text, (*path, "penyebut"), atas), path

    return ubah


def pindah_ke_akhir() -> Ubah:
    """The list item at the place moved to the end of its list (the finding at its new place)."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        parent = mesin.simpul(mesin.susun(text), path[:-1])
        return mesin.pindah_ke_akhir(text, path), (*path[:-1], len(parent.value) - 1)

    return ubah


def formula_ulang(fn: Callable[[str], str]) -> Ubah:
    """The indicator's formula replaced by its own uraian, changed by ``fn``."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        uraian = mesin.nilai(mesin.simpul(mesin.susun(text), (*path, "uraian")))
        return mesin.setel(text, path, "formula", fn(str(uraian))), (*path, "formula")

    return ubah


def tanpa_alasan() -> Ubah:
    """An amending decree's ``alasan`` removed, its Menimbang typed instead (so it loads)."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        text = mesin.hapus(text, path)
        item = "bahwa Indikator Kinerja Utama perlu ditetapkan kembali;"
        return mesin.ganti(text, ("menimbang",), [item]), path

    return ubah


def diubah_sendiri() -> Ubah:
    """The regulation at the place listed as its own amendment."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        return mesin.setel(text, path, "diubah_dengan", [str(path[-1])]), (
            *path,
            "diubah_dengan",
        )

    return ubah


def iki_atasan(fn: Callable[[list[Any]], list[Any]]) -> Ubah:
    """The jabatan's ``iki`` replaced by its atasan's (read from the atasan's file), changed by
    ``fn``: the copy an inspector still recognises."""

    def ubah(text: str, path: Jalur, folder: Path) -> tuple[str, Jalur]:
        root = mesin.susun(text)
        mine = mesin.nilai(root)
        atasan = mine.get("atasan")
        for file in sorted((folder / "jabatan").glob("*.yaml")):
            other = mesin.nilai(mesin.susun(file.read_text(encoding="utf-8")))
            if isinstance(other, dict) and other.get("kode") == atasan and other.get("iki"):
                iki = copy.deepcopy(other["iki"])
                for sasaran in iki:  # an IKI row may name the atasan's row it supports
                    for row in sasaran.get("indikator", []):
                        row.pop("kode", None)
                        row.pop("mendukung", None)
                return mesin.ganti(text, ("iki",), fn(iki)), ("iki",)
        raise TidakBerlaku("atasan tanpa IKI")

    return ubah


# --- small changes of a text that keep it the same after normalisation -------------------------


def _titik(iki: list[Any]) -> list[Any]:
    for sasaran in iki:
        sasaran["sasaran"] = sasaran["sasaran"].rstrip(".") + "."
        for row in sasaran.get("indikator", []):
            row["uraian"] = row["uraian"].rstrip(".") + "."
    return iki


def _urutan(iki: list[Any]) -> list[Any]:
    iki = list(reversed(iki))
    for sasaran in iki:
        sasaran["indikator"] = list(reversed(sasaran.get("indikator", [])))
    return iki


def _huruf(iki: list[Any]) -> list[Any]:
    for sasaran in iki:
        sasaran["sasaran"] = sasaran["sasaran"].upper()
        for row in sasaran.get("indikator", []):
            row["uraian"] = row["uraian"].lower()
    return iki


def _dict(v: Any) -> bool:
    return isinstance(v, dict)


def _persen(v: Any) -> bool:
    return isinstance(v, dict) and str(v.get("uraian", "")).lower().startswith("persentase")


def _pecahan(v: Any) -> bool:
    return isinstance(v, dict) and isinstance(v.get("formula"), dict)


def _bukan_persen_teks(v: Any) -> bool:
    return isinstance(v, dict) and not _persen(v) and isinstance(v.get("formula"), str)


def _ada(key: str) -> Syarat:
    return lambda v: isinstance(v, dict) and key in v


def _tanpa(key: str) -> Syarat:
    return lambda v: isinstance(v, dict) and key not in v


def _daftar(minimal: int) -> Syarat:
    return lambda v: isinstance(v, list) and len(v) >= minimal


SASARAN = ("tujuan/*/sasaran/*", "sasaran/*")
IKU = tuple(f"{p}/indikator/*" for p in SASARAN)
IT = ("tujuan/*/indikator/*",)
PROGRAM = ("program/*",)
KEGIATAN = ("program/*/kegiatan/*",)
BARIS = ("iki/*/indikator/*",)
JAB = "jabatan/*.yaml"
REAL = "realisasi/*.yaml"


def _tanpa_koma(value: str) -> Mentah:
    """A number with its decimal comma lost ('80,94' → 8094): a typing slip."""
    if "," not in value:
        raise TidakBerlaku("tanpa koma desimal")
    return Mentah(value.replace(",", ""))


def _desimal(tambahan: str) -> Callable[[Any], Mentah]:
    """A target written with more decimals than the documents print ('80,94' → '80,945'):
    ``tambahan`` appended after two decimals."""

    def ubah(value: Any) -> Mentah:
        teks = str(value)
        bulat, _, pecahan = teks.partition(",")
        return Mentah(f"{bulat},{pecahan.ljust(2, '0')}{tambahan}")

    return ubah


def _m(
    code: str, berkas: str, pola: str | tuple[str, ...], ubah: Ubah, apa: str, **kw: Any
) -> Mutasi:
    return Mutasi(code, berkas, (pola,) if isinstance(pola, str) else pola, ubah, apa, **kw)


def _g(pola: tuple[str, ...], tail: str) -> tuple[str, ...]:
    return tuple(f"{p}/{tail}" for p in pola)


MUTASI: list[Mutasi] = [
    # --- KON: konsistensi -------------------------------------------------------------------
    # KON001 another agency or region named as this dinas
    _m(
        "KON001",
        "renstra.yaml",
        _g(SASARAN, "uraian"),
        tambah_teks(" pada Dinas Pendidikan"),
        "uraian sasaran menyebut Dinas Pendidikan",
    ),
    _m(
        "KON001",
        "renstra.yaml",
        _g(IKU, "penjelasan"),
        tambah_teks(" sebagaimana diukur Bappeda"),
        "penjelasan IKU menyebut Bappeda",
        pilih=-1,
    ),
    _m(
        "KON001",
        "renstra.yaml",
        _g(PROGRAM, "nama"),
        tambah_teks(" Kabupaten Sidoarjo"),
        "nama program menyebut Kabupaten Sidoarjo",
        pilih=-1,
    ),
    _m(
        "KON001",
        "organisasi.yaml",
        "unit/*/tugas/*",
        tambah_teks(" di Kabupaten Sidoarjo"),
        "tugas unit menyebut Kabupaten Sidoarjo",
        pilih=3,
    ),
    _m(
        "KON001",
        REAL,
        "kendala/*",
        tambah_teks(" di Dinas Pendidikan"),
        "kendala realisasi menyebut Dinas Pendidikan",
    ),
    _m(
        "KON001",
        "lkj.yaml",
        "permasalahan/*/masalah/*/uraian",
        tambah_teks(" di Kota Surabaya"),
        "masalah LKj menyebut Kota Surabaya",
        pilih=-1,
    ),
    _m(
        "KON001",
        JAB,
        "fungsi/*",
        tambah_teks(" pada Dinas Kesehatan"),
        "fungsi jabatan menyebut Dinas Kesehatan",
        pilih=4,
    ),
    _m(
        "KON001",
        "dokumen-iku.yaml",
        "teks/*/*",
        tambah_teks(" Bappeda Kabupaten Sidoarjo."),
        "teks Dokumen IKU menyebut Bappeda Kabupaten Sidoarjo",
        pilih=1,
    ),
    _m(
        "KON001",
        "keputusan-iku.yaml",
        "menimbang/*",
        tambah_teks(" Dinas Pendidikan;"),
        "menimbang menyebut Dinas Pendidikan",
        pilih=-1,
    ),
    _m(
        "KON001",
        JAB,
        _g(BARIS, "uraian"),
        tambah_teks(" Dinas Perhubungan"),
        "uraian IKI menyebut Dinas Perhubungan",
        pilih=7,
    ),
    # KON002 a period that is not the Renstra's
    _m(
        "KON002",
        "renstra.yaml",
        _g(SASARAN, "uraian"),
        tambah_teks(" periode 2016-2021"),
        "uraian sasaran menyebut 2016-2021",
        pilih=-1,
    ),
    _m(
        "KON002",
        "renstra.yaml",
        _g(IKU, "penjelasan"),
        tambah_teks(" selama tahun 2011–2015"),
        "penjelasan IKU menyebut 2011–2015",
    ),
    _m(
        "KON002",
        "renstra.yaml",
        _g(PROGRAM, "nama"),
        tambah_teks(" Tahun 2016-2021"),
        "nama program menyebut 2016-2021",
        pilih=1,
    ),
    _m(
        "KON002",
        "organisasi.yaml",
        "unit/*/fungsi/*",
        tambah_teks(" untuk periode 2016-2021"),
        "fungsi unit menyebut 2016-2021",
        pilih=5,
    ),
    _m(
        "KON002",
        REAL,
        "kendala/*",
        tambah_teks(" sejak Renstra 2011-2015"),
        "kendala menyebut 2011-2015",
        pilih=-1,
    ),
    _m(
        "KON002",
        "dokumen-iku.yaml",
        "teks/*/*",
        tambah_teks(" Rencana Strategis 2016-2021 menjadi acuannya."),
        "teks Dokumen IKU menyebut 2016-2021",
    ),
    _m(
        "KON002",
        "keputusan-iku.yaml",
        "menimbang/*",
        tambah_teks(" periode 2016-2021;"),
        "menimbang menyebut 2016-2021",
    ),
    _m(
        "KON002",
        JAB,
        "tugas/*",
        tambah_teks(" selama 2016-2021"),
        "tugas jabatan menyebut 2016-2021",
        perlu="renstra.yaml",
        pilih=2,
    ),
    _m(
        "KON002",
        "lkj.yaml",
        "permasalahan/*/masalah/*/akar/*",
        tambah_teks(" sejak 2011-2015"),
        "akar masalah LKj menyebut 2011-2015",
        pilih=2,
    ),
    # KON003 realisasi anggaran above pagu
    _m("KON003", REAL, "anggaran/*", jadi(Mentah("9.999.999.999")), "realisasi di atas pagu"),
    _m(
        "KON003",
        REAL,
        "anggaran/*",
        jadi(Mentah("8.888.888.888")),
        "realisasi di atas pagu",
        pilih=7,
    ),
    _m(
        "KON003",
        REAL,
        "anggaran/*",
        jadi(Mentah("7.777.777.777")),
        "realisasi di atas pagu",
        pilih=-1,
    ),
    # KON004 percent realisasi of a fraction above 100
    _m("KON004", REAL, "indikator/*", jadi(Mentah("120,50")), "realisasi triwulan 120,50 %"),
    _m("KON004", REAL, "indikator/*", jadi(Mentah("101")), "realisasi triwulan 101 %", pilih=-1),
    _m(
        "KON004",
        "renstra.yaml",
        _g(IKU, "realisasi/*"),
        jadi(Mentah("135,00")),
        "realisasi tahunan 135 %",
        pilih=-1,
    ),
    # KON005 realisasi 0
    _m("KON005", REAL, "indikator/*", jadi(0), "realisasi triwulan 0", pilih=1),
    _m("KON005", "renstra.yaml", _g(IKU, "realisasi/*"), jadi(0), "realisasi tahunan 0"),
    _m("KON005", REAL, "indikator/*", jadi(Mentah("0,00")), "realisasi triwulan 0,00", pilih=-2),
    # KON006 list labels typed into items dokgen numbers itself
    _m(
        "KON006",
        "organisasi.yaml",
        "unit/*/tugas/*",
        tambah_teks("b. ", depan=True),
        "tugas unit diawali 'b. '",
        pilih=1,
    ),
    _m(
        "KON006",
        "renstra.yaml",
        _g(IKU, "uraian"),
        tambah_teks("4. ", depan=True),
        "uraian IKU diawali '4. '",
        pilih=-1,
    ),
    _m(
        "KON006",
        "keputusan-iku.yaml",
        "menimbang/*",
        tambah_teks("1) ", depan=True),
        "menimbang diawali '1) '",
    ),
    _m(
        "KON006",
        JAB,
        "tugas/*",
        tambah_teks("b. ", depan=True),
        "tugas jabatan diawali 'b. '",
        pilih=5,
    ),
    _m(
        "KON006",
        JAB,
        "fungsi/*",
        tambah_teks("c) ", depan=True),
        "fungsi jabatan diawali 'c) '",
        pilih=9,
    ),
    _m(
        "KON006",
        "organisasi.yaml",
        "fungsi/*",
        tambah_teks("2. ", depan=True),
        "fungsi dinas diawali '2. '",
        pilih=-1,
    ),
    _m(
        "KON006",
        "dokumen-iku.yaml",
        "teks/*/*",
        tambah_teks("a. ", depan=True),
        "paragraf Dokumen IKU diawali 'a. '",
        pilih=-1,
    ),
    _m(
        "KON006",
        "renstra.yaml",
        _g(SASARAN, "uraian"),
        tambah_teks("2. ", depan=True),
        "uraian sasaran diawali '2. '",
        pilih=1,
    ),
    _m(
        "KON006",
        "lkj.yaml",
        "permasalahan/*/masalah/*/akar/*",
        tambah_teks("1. ", depan=True),
        "akar masalah diawali '1. '",
    ),
    _m("KON006", REAL, "langkah/*", tambah_teks("a. ", depan=True), "langkah diawali 'a. '"),
    # KON007 a count in free text that disagrees with the data
    _m(
        "KON007",
        "dokumen-iku.yaml",
        "teks/*/*",
        tambah_teks(". Renstra menetapkan 9 (sembilan) sasaran strategis."),
        "teks Dokumen IKU: 9 (sembilan) sasaran",
        pilih=2,
    ),
    _m(
        "KON007",
        "keputusan-iku.yaml",
        "menimbang/*",
        tambah_teks(", yang terdiri atas sebelas IKU;"),
        "menimbang: sebelas IKU",
    ),
    _m(
        "KON007",
        "renstra.yaml",
        _g(IKU, "penjelasan"),
        tambah_teks(", salah satu dari 14 (empat belas) IKU dinas"),
        "penjelasan: 14 IKU",
        pilih=1,
    ),
    _m(
        "KON007",
        REAL,
        "kendala/*",
        tambah_teks(" pada 40 (empat puluh) program"),
        "kendala: 40 program",
        pilih=1,
    ),
    _m(
        "KON007",
        "organisasi.yaml",
        "tugas/*",
        tambah_teks(", dengan 12 (dua belas) sasaran"),
        "tugas dinas: 12 sasaran",
    ),
    _m(
        "KON007",
        "renstra.yaml",
        "visi",
        tambah_teks(" melalui dua puluh lima program"),
        "visi: dua puluh lima program",
    ),
    # --- RUM: rumus -------------------------------------------------------------------------
    _m(
        "RUM001",
        "renstra.yaml",
        IT,
        setel("satuan", "Unit"),
        "indikator tujuan persen: Unit",
        syarat=_persen,
    ),
    _m(
        "RUM001",
        "renstra.yaml",
        IKU,
        setel("satuan", "Unit"),
        "IKU persen: Unit",
        syarat=_persen,
        pilih=-1,
    ),
    _m(
        "RUM001", "renstra.yaml", IKU, setel("satuan", "orang"), "IKU persen: orang", syarat=_persen
    ),
    _m(
        "RUM002",
        "renstra.yaml",
        IKU,
        setel("formula", "Jumlah yang tercapai dibagi seluruhnya"),
        "IKU persen, formula teks",
        syarat=_persen,
    ),
    _m(
        "RUM002",
        "renstra.yaml",
        IT,
        setel("formula", "Perbandingan capaian terhadap rencana"),
        "indikator tujuan persen, formula teks",
        syarat=_persen,
        pilih=-1,
    ),
    _m(
        "RUM002",
        JAB,
        BARIS,
        setel("formula", "Dihitung dari laporan bulanan"),
        "IKI persen, formula teks",
        syarat=_persen,
        pilih=3,
    ),
    _m(
        "RUM003",
        "renstra.yaml",
        _g(IKU, "formula"),
        balik_pecahan(),
        "IKU pecahan terbalik",
        pilih=-1,
        syarat=_dict,
    ),
    _m(
        "RUM003",
        "renstra.yaml",
        _g(IT, "formula"),
        balik_pecahan(),
        "indikator tujuan pecahan terbalik",
        syarat=_dict,
    ),
    _m(
        "RUM003",
        JAB,
        _g(BARIS, "formula"),
        balik_pecahan(),
        "IKI pecahan terbalik",
        pilih=2,
        syarat=_dict,
    ),
    _m(
        "RUM003",
        "renstra.yaml",
        _g(IKU, "formula"),
        jadi({"pembilang": "Jumlah koperasi", "penyebut": "Jumlah koperasi sehat"}),
        "pecahan terbalik tanpa 'seluruh'",
    ),
    _m(
        "RUM004",
        "renstra.yaml",
        IKU,
        formula_ulang(lambda u: u.lower() + "."),
        "formula IKU = uraiannya (huruf kecil, titik)",
        pilih=-1,
    ),
    _m(
        "RUM004",
        "renstra.yaml",
        IT,
        formula_ulang(lambda u: u.upper()),
        "formula indikator tujuan = uraiannya (huruf besar)",
    ),
    _m(
        "RUM004",
        JAB,
        BARIS,
        formula_ulang(lambda u: f"{u} ."),
        "formula IKI = uraiannya (spasi, titik)",
        pilih=1,
    ),
    _m(
        "RUM004",
        JAB,
        BARIS,
        formula_ulang(lambda u: u.replace(" ", "  ")),
        "formula IKI = uraiannya (spasi ganda)",
        pilih=-1,
    ),
    _m(
        "RUM005",
        "renstra.yaml",
        _g(IKU, "formula/pembilang"),
        tambah_teks(" sebanyak 25 koperasi"),
        "pembilang memuat angka target",
        pilih=1,
    ),
    _m(
        "RUM005",
        JAB,
        _g(BARIS, "formula/pembilang"),
        tambah_teks(" minimal 80%"),
        "pembilang IKI memuat 80%",
        pilih=4,
    ),
    _m(
        "RUM005",
        "renstra.yaml",
        _g(IT, "formula/penyebut"),
        tambah_teks(" (target 150 unit)"),
        "penyebut indikator tujuan memuat target",
        pilih=-1,
    ),
    _m(
        "RUM006",
        "renstra.yaml",
        _g(IKU, "agregasi"),
        hapus(),
        "IKU triwulanan tanpa agregasi",
        di="..",
    ),
    _m(
        "RUM006",
        "renstra.yaml",
        _g(IKU, "agregasi"),
        hapus(),
        "IKU triwulanan tanpa agregasi",
        di="..",
        pilih=-1,
    ),
    _m(
        "RUM006",
        "renstra.yaml",
        _g(IKU, "agregasi"),
        hapus(),
        "IKU triwulanan tanpa agregasi",
        di="..",
        pilih=1,
    ),
    _m("RUM007", "renstra.yaml", _g(IKU, "formula"), jadi("-"), "formula IKU '-'"),
    _m(
        "RUM007",
        "renstra.yaml",
        _g(IT, "formula"),
        jadi("idem"),
        "formula indikator tujuan 'idem'",
        pilih=-1,
    ),
    _m("RUM007", JAB, _g(BARIS, "formula"), jadi("sda"), "formula IKI 'sda'", pilih=6),
    _m("RUM007", JAB, _g(BARIS, "formula"), jadi("…"), "formula IKI '…'", pilih=-1),
    _m(
        "RUM007",
        "renstra.yaml",
        _g(IKU, "formula/penyebut"),
        jadi("dst"),
        "penyebut 'dst'",
        pilih=-1,
    ),
    _m(
        "RUM007",
        "renstra.yaml",
        _g(IKU, "formula"),
        jadi("ditetapkan kemudian"),
        "formula IKU 'ditetapkan kemudian'",
        pilih=1,
    ),
    # --- CAK: cakupan -----------------------------------------------------------------------
    _m("CAK001", JAB, "iki", jadi([]), "jabatan tanpa IKI", di="/", pilih=1),
    _m("CAK001", JAB, "iki", jadi([]), "jabatan tanpa IKI", di="/", pilih=-1),
    _m("CAK001", JAB, "iki", jadi([]), "jabatan tanpa IKI", di="/", pilih=6),
    _m("CAK002", JAB, _g(BARIS, "formula"), hapus(), "baris IKI tanpa formula", di="..", pilih=1),
    _m("CAK002", JAB, _g(BARIS, "formula"), hapus(), "baris IKI tanpa formula", di="..", pilih=-2),
    _m(
        "CAK003",
        JAB,
        _g(BARIS, "sumber_data"),
        hapus(),
        "baris IKI tanpa sumber data",
        di="..",
        pilih=3,
    ),
    _m(
        "CAK003",
        JAB,
        _g(BARIS, "sumber_data"),
        hapus(),
        "baris IKI tanpa sumber data",
        di="..",
        pilih=-3,
    ),
    _m(
        "CAK004",
        "renstra.yaml",
        SASARAN,
        gandakan(
            kode=lambda k: "S9", uraian=lambda u: "Meningkatnya layanan", indikator=lambda i: []
        ),
        "sasaran baru tanpa IKU",
        pilih=-1,
    ),
    _m("CAK005", "renstra.yaml", _g(IKU, "satuan"), hapus(), "IKU tanpa satuan", di="..", pilih=1),
    _m(
        "CAK005",
        "renstra.yaml",
        _g(IKU, "sumber_data"),
        hapus(),
        "IKU tanpa sumber data",
        di="..",
        pilih=-1,
    ),
    _m("CAK005", "renstra.yaml", _g(IKU, "formula"), hapus(), "IKU tanpa formula", di=".."),
    _m(
        "CAK006",
        "renstra.yaml",
        _g(IKU, "target/*"),
        hapus(),
        "IKU tanpa target satu tahun",
        di="../..",
        pilih=-1,
    ),
    _m(
        "CAK006",
        "renstra.yaml",
        _g(IKU, "target/*"),
        hapus(),
        "IKU tanpa target satu tahun",
        di="../..",
        pilih=2,
    ),
    _m(
        "CAK006",
        "renstra.yaml",
        _g(IKU, "target"),
        setel("2030", 99),
        "target di luar periode",
        pilih=1,
    ),
    _m(
        "CAK007",
        "renstra.yaml",
        _g(SASARAN, "kode"),
        salin_dari("**/sasaran/*/kode"),
        "kode sasaran dipakai dua kali",
        pilih=-1,
    ),
    _m(
        "CAK007",
        "renstra.yaml",
        IKU,
        gandakan(uraian=lambda u: "Jumlah koperasi yang mengikuti pameran"),
        "kode IKU dipakai dua kali",
        di="kode",
        pilih=-1,
    ),
    _m(
        "CAK007",
        "renstra.yaml",
        KEGIATAN,
        gandakan(nama=lambda n: "Fasilitasi Pameran Produk Unggulan Daerah"),
        "kode kegiatan dipakai dua kali",
        di="kode",
        pilih=3,
    ),
    _m(
        "CAK007",
        "renstra.yaml",
        _g(PROGRAM, "kode"),
        salin_dari("program/*/kode"),
        "kode program dipakai dua kali",
        pilih=2,
    ),
    _m(
        "CAK007",
        "organisasi.yaml",
        "unit/*/kode",
        salin_dari("unit/*/kode"),
        "kode unit dipakai dua kali",
        pilih=4,
    ),
    _m(
        "CAK007",
        "renstra.yaml",
        KEGIATAN,
        gandakan(kode=lambda k: f"{k}9", nama=lambda n: n.upper() + "."),
        "kegiatan dimasukkan dua kali (huruf besar, titik)",
        di="nama",
        pilih=1,
    ),
    _m(
        "CAK007",
        "renstra.yaml",
        PROGRAM,
        gandakan(kode=lambda k: f"{k}9", nama=lambda n: "  " + n.replace(" ", "  ").lower()),
        "program dimasukkan dua kali (huruf kecil, spasi)",
        di="nama",
        pilih=-1,
    ),
    # --- KAS: cascade -----------------------------------------------------------------------
    _m(
        "KAS001",
        "renstra.yaml",
        _g(PROGRAM, "sasaran"),
        jadi("S9"),
        "program menunjuk sasaran yang tidak ada",
    ),
    _m(
        "KAS001",
        "renstra.yaml",
        _g(PROGRAM, "iku"),
        jadi("IKU-99"),
        "program menunjuk IKU yang tidak ada",
        pilih=-1,
    ),
    _m(
        "KAS001",
        "renstra.yaml",
        _g(PROGRAM, "sasaran"),
        jadi("S-2"),
        "program menunjuk sasaran yang tidak ada",
        pilih=-1,
    ),
    _m(
        "KAS002",
        JAB,
        _g(BARIS, "mendukung"),
        hapus(),
        "baris IKI tanpa mendukung",
        di="..",
        pilih=2,
    ),
    _m(
        "KAS002",
        JAB,
        _g(BARIS, "mendukung"),
        hapus(),
        "baris IKI tanpa mendukung",
        di="..",
        pilih=-1,
    ),
    _m(
        "KAS003", JAB, _g(BARIS, "mendukung"), jadi("IKU-99"), "mendukung kode tak dikenal", pilih=4
    ),
    _m("KAS003", JAB, _g(BARIS, "mendukung"), jadi("SEK-9"), "mendukung kode tak dikenal", pilih=0),
    _m(
        "KAS004",
        JAB,
        "",
        iki_atasan(_titik),
        "IKI salinan atasan + titik",
        syarat=_ada("atasan"),
        pilih=1,
    ),
    _m(
        "KAS004",
        JAB,
        "",
        iki_atasan(_urutan),
        "IKI salinan atasan, baris dibalik",
        syarat=_ada("atasan"),
        pilih=-1,
    ),
    _m(
        "KAS004",
        JAB,
        "",
        iki_atasan(_huruf),
        "IKI salinan atasan, huruf diubah",
        syarat=_ada("atasan"),
        pilih=5,
    ),
    _m(
        "KAS005",
        "renstra.yaml",
        _g(PROGRAM, "indikator/0/uraian"),
        salin_dari("program/*/indikator/0/uraian", str.upper),
        "indikator program yang sama di dua program",
        pilih=-1,
    ),
    _m(
        "KAS005",
        "renstra.yaml",
        _g(KEGIATAN, "indikator/0/uraian"),
        salin_dari("program/*/kegiatan/*/indikator/0/uraian", lambda u: u + "."),
        "indikator kegiatan yang sama di dua kegiatan",
        pilih=-1,
    ),
    _m(
        "KAS005",
        "renstra.yaml",
        _g(KEGIATAN, "indikator/0/uraian"),
        salin_dari(
            "program/*/kegiatan/*/indikator/0/uraian", lambda u: " ".join(u.split()).lower()
        ),
        "indikator kegiatan yang sama di dua kegiatan",
        pilih=2,
    ),
    # --- ORG: orang -------------------------------------------------------------------------
    _m(
        "ORG001",
        "dinas.yaml",
        "kepala/nip",
        jadi("19621315 199403 1 006"),
        "NIP kepala, bulan lahir 13",
    ),
    _m(
        "ORG001",
        "dinas.yaml",
        "kepala/nip",
        jadi("19620230 199403 1 006"),
        "NIP kepala, 30 Februari",
    ),
    _m(
        "ORG001",
        JAB,
        "pemangku/nip",
        jadi_dari(lambda n: str(n)[:4] + "1341" + str(n)[8:]),
        "NIP pemangku, tanggal lahir salah",
        pilih=2,
    ),
    _m(
        "ORG001",
        "dinas.yaml",
        "kepala_sebelumnya/*/nip",
        jadi("19700101 198013 1 001"),
        "NIP kepala sebelumnya, bulan TMT 13",
    ),
    _m("ORG002", "dinas.yaml", "kepala/nama", tambah_teks(" 2"), "nama kepala dengan angka"),
    _m("ORG002", JAB, "pemangku/nama", tambah_teks(" 2"), "nama pemangku dengan angka", pilih=3),
    _m(
        "ORG002",
        "dinas.yaml",
        "kepala_sebelumnya/*/nama",
        jadi_dari(lambda n: n.replace(" ", "  ", 1)),
        "nama kepala sebelumnya dengan spasi ganda",
    ),
    _m(
        "ORG002",
        JAB,
        "pemangku/nama",
        jadi_dari(lambda n: "@" + n),
        "nama pemangku dengan @",
        pilih=-1,
    ),
    _m("ORG003", JAB, "atasan", jadi("kabid-pariwisata"), "atasan tidak ada", pilih=0),
    _m("ORG003", JAB, "atasan", jadi("kepala-seksi-tidak-ada"), "atasan tidak ada", pilih=-1),
    _m("ORG003", JAB, "atasan", jadi("sekretariat"), "atasan tidak ada", pilih=4),
    _m("ORG004", JAB, "unit", jadi("bidang-pariwisata"), "unit jabatan tidak ada", pilih=1),
    _m("ORG004", JAB, "unit", jadi("seksi-perikanan"), "unit jabatan tidak ada", pilih=-1),
    _m("ORG004", JAB, "unit", jadi("upt-pasar"), "unit jabatan tidak ada", pilih=7),
    _m(
        "ORG006",
        "organisasi.yaml",
        "unit/*/tugas/*",
        tambah_teks(", berkoordinasi dengan Bidang Pariwisata"),
        "tugas unit: Bidang Pariwisata",
        pilih=2,
    ),
    _m(
        "ORG006",
        "organisasi.yaml",
        "unit/*/fungsi/*",
        tambah_teks(" bersama Seksi Perhubungan Darat"),
        "fungsi unit: Seksi Perhubungan Darat",
        pilih=-1,
    ),
    _m(
        "ORG006",
        "organisasi.yaml",
        "fungsi/*",
        tambah_teks(" melalui UPT Pasar Hewan"),
        "fungsi dinas: UPT Pasar Hewan",
    ),
    _m(
        "ORG006",
        JAB,
        "tugas/*",
        tambah_teks(" dengan Sub Bagian Protokol"),
        "tugas jabatan: Sub Bagian Protokol",
        perlu="organisasi.yaml",
        pilih=1,
    ),
    _m(
        "ORG006",
        JAB,
        "fungsi/*",
        tambah_teks(" kepada Bidang Pariwisata"),
        "fungsi jabatan: Bidang Pariwisata",
        perlu="organisasi.yaml",
        pilih=-1,
    ),
    _m(
        "ORG007",
        "organisasi.yaml",
        "unit/*/pimpinan",
        jadi("Bendahara Pengeluaran"),
        "pimpinan unit bukan jabatan unit itu",
        pilih=0,
    ),
    _m(
        "ORG007",
        "organisasi.yaml",
        "unit/*/pimpinan",
        jadi("Kepala Seksi Organisasi"),
        "pimpinan unit bukan kepalanya",
        pilih=-1,
    ),
    _m(
        "ORG007",
        "organisasi.yaml",
        "unit/*/pimpinan",
        salin_dari("unit/*/pimpinan"),
        "pimpinan unit = pimpinan unit lain",
        pilih=2,
    ),
    # --- PER: peraturan ---------------------------------------------------------------------
    _m(
        "PER001",
        "keputusan-iku.yaml",
        "mengingat/*",
        jadi("uu-99-2099"),
        "kunci Mengingat tak dikenal",
        pilih=2,
    ),
    _m(
        "PER001",
        "keputusan-iku.yaml",
        "mengingat/*",
        jadi("permendagri-86-2071"),
        "kunci Mengingat tak dikenal",
        pilih=-1,
    ),
    _m(
        "PER002",
        "keputusan-iku.yaml",
        "mengingat/*",
        salin_dari("mengingat/*"),
        "Mengingat dikutip dua kali",
        pilih=-1,
    ),
    _m(
        "PER002",
        "keputusan-iku.yaml",
        "mengingat/*",
        salin_dari("mengingat/*"),
        "Mengingat dikutip dua kali",
        pilih=3,
    ),
    _m(
        "PER003",
        "dokumen-iku.yaml",
        "teks/*/*",
        tambah_teks(" sesuai Undang-Undang Nomor 23 Tahun 2004 tentang Pemerintahan Daerah."),
        "teks Dokumen IKU: UU 23 Tahun 2004",
        pilih=1,
    ),
    _m(
        "PER003",
        "keputusan-iku.yaml",
        "menimbang/*",
        tambah_teks(" sesuai Peraturan Pemerintah Nomor 18 Tahun 2006 tentang Perangkat Daerah;"),
        "menimbang: PP 18 Tahun 2006",
        pilih=0,
    ),
    _m(
        "PER003",
        "organisasi.yaml",
        "tugas/*",
        tambah_teks(" berdasarkan Undang-Undang Nomor 23 Tahun 2004 tentang Pemerintahan Daerah"),
        "tugas dinas: UU 23 Tahun 2004",
    ),
    _m(
        "PER003",
        "renstra.yaml",
        _g(IKU, "penjelasan"),
        tambah_teks(" menurut Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2007"),
        "penjelasan IKU: Permendagri 86 Tahun 2007",
        pilih=-1,
    ),
    _m(
        "PER004",
        "keputusan-iku.yaml",
        "mengingat/*",
        jadi("uu-6-2023"),
        "Mengingat peraturan yang belum ditetapkan",
        pilih=1,
    ),
    _m(
        "PER004",
        "dokumen-iku.yaml",
        "landasan/*",
        jadi("uu-20-2023"),
        "landasan peraturan yang belum ditetapkan",
        pilih=-1,
    ),
    _m(
        "PER004",
        "dokumen-iku.yaml",
        "dasar_pembentukan/*",
        jadi("perppu-2-2022"),
        "dasar pembentukan peraturan yang belum ditetapkan",
    ),
    _m(
        "PER009",
        "peraturan.yaml",
        "peraturan/*/nomor",
        jadi_dari(lambda n: f"0{n}"),
        "nomor peraturan dengan nol di depan",
    ),
    _m(
        "PER009",
        "peraturan.yaml",
        "peraturan/*/nomor",
        jadi_dari(lambda n: f"00{n}"),
        "nomor peraturan dengan nol di depan",
        pilih=-1,
    ),
    _m(
        "PER010",
        "dokumen-iku.yaml",
        "teks/*/*",
        tambah_teks(" sesuai Undang-Undang Nomor 6 Tahun 2023 tentang Cipta Kerja."),
        "teks Dokumen IKU: UU 6/2023",
        pilih=-1,
    ),
    _m(
        "PER010",
        "keputusan-iku.yaml",
        "menimbang/*",
        tambah_teks(" dan Peraturan Menteri PANRB Nomor 6 Tahun 2022;"),
        "menimbang: Permenpan 6/2022",
        pilih=-1,
    ),
    _m(
        "PER010",
        "organisasi.yaml",
        "unit/*/tugas/*",
        tambah_teks(" sesuai Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"),
        "tugas unit: UU 20/2023",
        pilih=1,
    ),
    # Mengingat, landasan and dasar_pembentukan are catalogue keys that dokgen orders itself when
    # it prints them: their order is no mistake. Typed lists are.
    _m(
        "PER012",
        "dokumen-iku.yaml",
        "teks",
        setel(
            "dasar_hukum",
            [
                "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
                "Peraturan Bupati Nomor 6 Tahun 2018 tentang Pedoman Penyusunan Laporan Kinerja;",
                "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja"
                " Instansi Pemerintah;",
            ],
        ),
        "dasar hukum diketik: Peraturan Pemerintah sesudah Peraturan Bupati",
        di="2",
    ),
    _m(
        "PER012",
        "dokumen-iku.yaml",
        "teks",
        setel(
            "dasar_hukum",
            [
                "Peraturan Bupati Nomor 6 Tahun 2018 tentang Pedoman Penyusunan Laporan Kinerja;",
                "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
            ],
        ),
        "dasar hukum diketik: Peraturan Bupati sebelum Undang-Undang",
        di="1",
    ),
    # PER005: no catalogue regulation was revoked before 2022 (only in the 2022 amendment)
    _m(
        "PER005",
        "keputusan-iku.yaml",
        "mengingat/*",
        jadi("permenpan-12-2015"),
        "Mengingat peraturan yang sudah dicabut",
        pilih=-2,
        contoh="*-perubahan",
    ),
    _m(
        "PER005",
        "keputusan-iku.yaml",
        "mengingat/*",
        jadi("permenpan-12-2015"),
        "Mengingat peraturan yang sudah dicabut",
        pilih=1,
        contoh="*-perubahan",
    ),
    _m(
        "PER005",
        "keputusan-iku.yaml",
        "mengingat/*",
        jadi("permenpan-12-2015"),
        "Mengingat peraturan yang sudah dicabut",
        pilih=4,
        contoh="*-perubahan",
    ),
    # PER006: Bandar Lampung's catalogue has a Perwali of the 2016-2021 period
    _m(
        "PER006",
        "keputusan-iku.yaml",
        "mengingat/*",
        jadi("perwali-bdl-40-2018"),
        "Mengingat Perwali IKU periode 2016-2021",
        pilih=2,
        contoh="bandarlampung*",
    ),
    _m(
        "PER006",
        "dokumen-iku.yaml",
        "landasan/*",
        jadi("perwali-bdl-40-2018"),
        "landasan Perwali IKU periode 2016-2021",
        pilih=-1,
        contoh="bandarlampung*",
    ),
    _m(
        "PER006",
        "dokumen-iku.yaml",
        "dasar_pembentukan/*",
        jadi("perwali-bdl-40-2018"),
        "dasar pembentukan Perwali IKU periode 2016-2021",
        contoh="bandarlampung*",
    ),
    _m(
        "PER007",
        "peraturan.yaml",
        "peraturan/*/diubah_dengan/*",
        jadi("perda-xyz-9-2099"),
        "diubah_dengan tak dikenal",
    ),
    _m(
        "PER008",
        "peraturan.yaml",
        "peraturan/*",
        diubah_sendiri(),
        "peraturan mengubah dirinya sendiri",
        syarat=_tanpa("diubah_dengan"),
    ),
    # --- KEP: keputusan ---------------------------------------------------------------------
    _m(
        "KEP001",
        "keputusan-iku.yaml",
        "alasan",
        tanpa_alasan(),
        "perubahan tanpa alasan",
        di="/mengubah",
    ),
    _m(
        "KEP003",
        "keputusan-iku.yaml",
        "",
        setel("nomor", "050/123/III.15/XI/2021"),
        "nomor bulan XI",
    ),
    _m(
        "KEP003",
        "keputusan-iku.yaml",
        "",
        setel("nomor", "800/45/435.112/2019"),
        "nomor tahun 2019",
    ),
    _m("KEP003", "keputusan-iku.yaml", "", setel("nomor", "061/07/VII/2020"), "nomor bulan VII"),
    _m("KEP004", "dinas.yaml", "kepala/nip", hapus(), "kepala tanpa NIP", di="/kepala"),
    _m("KEP004", "dinas.yaml", "kepala/pangkat", hapus(), "kepala tanpa pangkat", di="/kepala"),
    _m(
        "KEP007",
        "renstra.yaml",
        _g(IKU, "penjelasan"),
        hapus(),
        "IKU tanpa penjelasan",
        di="..",
        pilih=-1,
    ),
    _m(
        "KEP007",
        "renstra.yaml",
        _g(IKU, "periode_pengukuran"),
        hapus(),
        "IKU tanpa periode pengukuran",
        di="..",
    ),
    # --- DOK: dokumen -----------------------------------------------------------------------
    _m(
        "DOK002",
        "dokumen-iku.yaml",
        "landasan/*",
        jadi("permenpan-9-2070"),
        "landasan tak dikenal",
        pilih=1,
    ),
    _m(
        "DOK002",
        "dokumen-iku.yaml",
        "dasar_pembentukan/*",
        jadi("perda-xyz-1-2016"),
        "dasar pembentukan tak dikenal",
        pilih=-1,
    ),
    _m(
        "DOK002",
        "dokumen-iku.yaml",
        "landasan/*",
        jadi("pp-18-2061"),
        "landasan tak dikenal",
        pilih=-1,
    ),
    _m(
        "DOK006",
        "renstra.yaml",
        _g(SASARAN, "rpjmd"),
        jadi("9.9.9"),
        "sasaran menunjuk sasaran RPJMD yang tidak ada",
    ),
    _m(
        "DOK006",
        "renstra.yaml",
        _g(SASARAN, "rpjmd"),
        jadi("1.1.9"),
        "sasaran menunjuk sasaran RPJMD yang tidak ada",
        pilih=-1,
    ),
    _m(
        "DOK009",
        "dokumen-iku.yaml",
        "bulan",
        jadi_dari(lambda b: f"{int(str(b)[:4]) - 1}-12"),
        "Dokumen IKU ditandatangani tahun sebelumnya",
    ),
    _m(
        "DOK004",
        "renstra.yaml",
        "tujuan/*/indikator",
        hapus(),
        "tujuan tanpa indikator",
        di="..",
        pilih=-1,
    ),
    _m("DOK001", "dokumen-iku.yaml", "landasan", hapus(), "Dokumen IKU tanpa landasan", di="/"),
    _m(
        "DOK003",
        "organisasi.yaml",
        "tugas",
        hapus(),
        "organisasi tanpa tugas dinas",
        di="/",
        perlu="dokumen-iku.yaml",
    ),
    _m(
        "DOK005",
        "renstra.yaml",
        "visi",
        hapus(),
        "Renstra tanpa visi",
        di="/",
        perlu="dokumen-iku.yaml",
    ),
    # --- LKJ: lkj ---------------------------------------------------------------------------
    _m("LKJ001", REAL, "kendala", hapus(), "triwulan tanpa kendala", di="/"),
    _m("LKJ002", REAL, "analisis/*/solusi", hapus(), "analisis tanpa solusi", di=".."),
    _m(
        "LKJ003",
        REAL,
        "analisis",
        jadi_dari(lambda a: {**a, "IKU-9": a[next(iter(a))]}),
        "analisis untuk kode IKU tak dikenal",
        di="/analisis/IKU-9",
    ),
    _m("LKJ005", "lkj.yaml", "permasalahan", jadi([]), "LKj tanpa permasalahan", di="/"),
    _m(
        "LKJ010",
        REAL,
        "tahun",
        jadi_dari(lambda t: int(str(t)) + 1),
        "berkas triwulan dengan tahun berikutnya: tahun itu tanpa triwulan lain",
        pilih=-1,
    ),
    _m(
        "LKJ011",
        "lkj.yaml",
        "tahunan/*/tahun",
        jadi_dari(lambda t: int(str(t)) + 1),
        "laporan tahunan diminta untuk tahun tanpa berkas triwulan",
    ),
    _m(
        "LKJ006",
        "renstra.yaml",
        _g(IKU, "target/*"),
        hapus(),
        "IKU tanpa target tahun laporan",
        di="../..",
        pilih=0,
        perlu=REAL,
    ),
    _m(
        "LKJ009",
        REAL,
        "bulan",
        jadi_dari(lambda b: f"{str(b)[:4]}-05"),
        "laporan triwulan II bertanggal Mei",
        pilih=1,
    ),
    _m(
        "LKJ004",
        "renstra.yaml",
        "kebijakan",
        hapus(),
        "Renstra tanpa kebijakan",
        di="/",
        perlu=REAL,
    ),
    _m(
        "LKJ008",
        "dinas.yaml",
        "pemda/nama_kepala_daerah",
        hapus(),
        "tanpa nama kepala daerah",
        di="/pemda",
        perlu="lkj.yaml",
    ),
    _m(
        "ORG005",
        "dinas.yaml",
        "kepala",
        setel("sejak", Mentah("2030-01-02")),
        "kepala menjabat sesudah tanggal dokumen",
        perlu="*-iku.yaml",
    ),
    _m("KEP006", "iki.yaml", "bulan", jadi(None), "kartu IKI tanpa tanggal", di="/"),
    # --- RAK: rencana -----------------------------------------------------------------------
    _m(
        "RAK001",
        "rencana-aksi.yaml",
        "indikator/*/triwulan/-1",
        jadi_dari(lambda v: _tanpa_koma(str(v))),
        "koma desimal target TW IV hilang (80,94 → 8094)",
    ),
    _m(
        "RAK001",
        "rencana-aksi.yaml",
        "indikator/*/unit",
        jadi_dari(lambda u: f"{u}-lama"),
        "unit penanggung jawab dari struktur organisasi lama",
        pilih=-1,
    ),
    _m(
        "RAK001",
        "rencana-aksi.yaml",
        "indikator",
        jadi_dari(lambda a: {**a, "IT-1": a[next(iter(a))]}),
        "indikator tujuan ditulis sebagai IKU",
        di="/indikator/IT-1",
    ),
    # --- TGT: target -------------------------------------------------------------------------
    # Only where two documents print the year's target: the LKj (realisasi/) beside the Dokumen
    # IKU, the Perjanjian Kinerja and the Rencana Aksi; the examples' realisasi are of 2019.
    _m(
        "TGT001",
        "renstra.yaml",
        _g(IKU, "target/2019"),
        jadi_dari(_desimal("5")),
        "target dengan tiga desimal (80,94 → 80,945): dua desimal di LKj dan PK",
        perlu=REAL,
    ),
    _m(
        "TGT001",
        "renstra.yaml",
        _g(IKU, "target/2019"),
        jadi_dari(_desimal("49")),
        "target hasil rumus lembar kerja dengan semua desimalnya (86,7 → 86,7049)",
        pilih=1,
        perlu=REAL,
    ),
    _m(
        "TGT001",
        "renstra.yaml",
        _g(IKU, "target/2019"),
        jadi_dari(_desimal("3")),
        "target sepertiga ditulis 12,733",
        pilih=-1,
        perlu=REAL,
    ),
]
