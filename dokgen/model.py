"""The domain types of a dinas's performance data.

Every model forbids unknown keys (so a misspelt key is reported, not ignored) and reads numbers
from the strings the YAML reader produces: ``Angka`` the Indonesian way (``1.000`` is one
thousand, ``80,94`` is eighty point nine four), ``Rupiah`` as whole rupiah, NIP and codes as text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from babel.numbers import NumberFormatError, parse_decimal
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from dokgen.format import LOCALE, angka
from dokgen.yamlsrc import Path_, YamlSource

_BATAS_ANGKA = Decimal(10) ** 15
_DESIMAL_MAKS = 10


def _parse_angka(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        try:
            number = parse_decimal(text, locale=LOCALE, strict=True)
        except NumberFormatError:
            hint = ""
            if re.fullmatch(r"\d+\.\d+", text):
                hint = f" — maksud Anda {text.replace('.', ',')}?"
            raise ValueError(
                f"'{_pendek(value)}' bukan angka cara Indonesia (ribuan dengan titik, desimal"
                f" dengan koma: 1.000 atau 80,94){hint}"
            ) from None
        return _dalam_batas(number, value)
    return value


def _dalam_batas(number: Decimal, written: str) -> Decimal:
    """Numbers a document can print exactly: finite, below a thousand trillion, at most ten
    decimals (the 28 digits of Decimal arithmetic then always suffice)."""
    if not number.is_finite():
        raise ValueError(f"'{_pendek(written)}' bukan angka")
    exponent = number.as_tuple().exponent
    if abs(number) >= _BATAS_ANGKA:
        raise ValueError(
            f"'{_pendek(written)}' terlalu besar: angka harus kurang dari 1.000.000.000.000.000"
        )
    if isinstance(exponent, int) and exponent < -_DESIMAL_MAKS:
        raise ValueError(
            f"'{_pendek(written)}' memuat terlalu banyak angka di belakang koma"
            f" (paling banyak {_DESIMAL_MAKS})"
        )
    return number


def _pendek(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters for a message."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _parse_rupiah(value: Any) -> Any:
    if isinstance(value, str):
        text = re.sub(r"^Rp\.?\s*", "", value.strip()).replace(" ", "")
        angka = _parse_angka(text)
        if angka != angka.to_integral_value():
            raise ValueError(f"'{_pendek(value)}' harus rupiah bulat tanpa sen")
        return int(angka)
    return value


def _parse_nip(value: Any) -> Any:
    if isinstance(value, str):
        digits = value.replace(" ", "")
        if not digits.isdigit():
            raise ValueError(f"NIP '{_pendek(value)}' hanya boleh berisi angka (spasi boleh)")
        return digits
    return value


def _parse_kode_pos(value: Any) -> Any:
    text = str(value).strip() if isinstance(value, int | str) else value
    if isinstance(text, str) and not re.fullmatch(r"\d{5}", text):
        raise ValueError(f"kode pos '{_pendek(text)}' harus 5 angka, mis. \"65119\"")
    return text


Angka = Annotated[Decimal, BeforeValidator(_parse_angka)]
Rupiah = Annotated[int, BeforeValidator(_parse_rupiah), Field(ge=0)]
Nip = Annotated[str, BeforeValidator(_parse_nip)]
Teks = Annotated[str, Field(min_length=1)]
Tahun = Annotated[int, Field(ge=1900, le=2100)]
"""A year of planning or reporting."""
KodePos = Annotated[str, BeforeValidator(_parse_kode_pos)]
TahunPeraturan = Annotated[int, Field(ge=1800, le=2100)]
"""A year of enactment: the catalogue may cite colonial-era regulations still in force."""


class Model(BaseModel):
    """Base of every domain type: strict keys, stripped text, and a source location."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)
    _file: Path | None = PrivateAttr(default=None)
    _line: int | None = PrivateAttr(default=None)
    _source: YamlSource | None = PrivateAttr(default=None)
    _path: Path_ = PrivateAttr(default=())

    @property
    def location(self) -> tuple[Path | None, int | None]:
        """File and line this object was read from (set by the loader)."""
        return self._file, self._line

    def location_of(self, *keys: str | int) -> tuple[Path | None, int | None]:
        """File and line of a value inside this object, e.g. ``jabatan.location_of("tugas", 2)``."""
        line = self._source.line((*self._path, *keys)) if self._source else None
        return self._file, line or self._line


# --- people and the dinas -------------------------------------------------------------


StatusJabatan = Literal["definitif", "plt", "plh", "pj"]
"""How an office is held: definitif, Pelaksana Tugas, Pelaksana Harian or Penjabat."""


class Pejabat(Model):
    """An official: name with degrees, pangkat, golongan and NIP."""

    nama: Teks
    pangkat: str | None = None
    golongan: str | None = None
    nip: Nip | None = None
    jenis_pegawai: Literal["pns", "pppk"] = "pns"
    """A PPPK number carries year and contract count where a PNS number has the TMT."""
    sejak: dt.date | None = None
    """First day in office: a document dated earlier is signed by an earlier head."""
    sampai: dt.date | None = None
    """Last day in office (required of a ``kepala_sebelumnya``)."""
    status: StatusJabatan = "definitif"
    """How the office is held: definitif, or Plt/Plh/Pj (the title is printed with it)."""


class Pemda(Model):
    """The local government the dinas belongs to."""

    jenis: Literal["kabupaten", "kota"]
    nama: Teks
    provinsi: str | None = None
    nama_kepala_daerah: str | None = None
    """Name of the Bupati/Walikota (Pihak Kedua of the Perjanjian Kinerja); None: the title is
    printed without a name."""
    status_kepala_daerah: StatusJabatan = "definitif"
    """'pj' for a Penjabat Bupati/Walikota (also plt, plh): the Perjanjian Kinerja says so."""

    @property
    def sebutan(self) -> str:
        """'Kabupaten Malang' / 'Kota Bandar Lampung'."""
        return f"{self.jenis.capitalize()} {self.nama}"

    @property
    def kepala_daerah(self) -> str:
        """Title of the head of the pemda: Bupati or Walikota."""
        return "Bupati" if self.jenis == "kabupaten" else "Walikota"


class Predikat(Model):
    """One band of the capaian scale: from ``batas_bawah`` (inclusive) up to the next band."""

    batas_bawah: Angka
    nama: Teks


PREDIKAT_PERMENDAGRI_86_2017 = [
    Predikat(batas_bawah=Decimal(91), nama="Sangat Tinggi"),
    Predikat(batas_bawah=Decimal(76), nama="Tinggi"),
    Predikat(batas_bawah=Decimal(66), nama="Sedang"),
    Predikat(batas_bawah=Decimal(51), nama="Rendah"),
    Predikat(batas_bawah=Decimal(0), nama="Sangat Rendah"),
]


Sentimeter = Annotated[Decimal, BeforeValidator(_parse_angka), Field(ge=0, le=10)]


class Margin(Model):
    """Page margins in centimetres."""

    atas: Sentimeter
    kanan: Sentimeter
    bawah: Sentimeter
    kiri: Sentimeter

    @model_validator(mode="after")
    def _room_for_text(self) -> Margin:
        # the narrowest paper (A4) is 21 × 29,7 cm: leave at least 6 cm of text either way
        if self.kiri + self.kanan > 15:
            raise ValueError(
                f"margin kiri + kanan {angka(self.kiri + self.kanan)} cm terlalu lebar"
                " (paling banyak 15 cm: teks perlu tempat)"
            )
        if self.atas + self.bawah > 23:
            raise ValueError(
                f"margin atas + bawah {angka(self.atas + self.bawah)} cm terlalu lebar"
                " (paling banyak 23 cm: teks perlu tempat)"
            )
        return self


def _nama_huruf(value: str) -> str:
    """A font name goes into styles.xml as it is: letters, digits, spaces and - . ( ) ' + only."""
    if not re.fullmatch(r"[^\W_][\w .()'+-]{0,62}", value):
        raise ValueError(
            f"nama huruf '{_pendek(value)}' tidak sah: tulis nama huruf seperti di Word"
            " (huruf, angka, spasi, dan - . ( ) ' +), mis. Arial atau Times New Roman"
        )
    return value


class Pengaturan(Model):
    """Per-dinas settings with the defaults of ../shared/DOMAIN.md."""

    kertas: Literal["F4", "A4"] = "F4"
    margin: Margin | None = None
    """None keeps each template's margins (top 2, left 3, right 2, bottom 2,5 cm)."""
    huruf: Annotated[str, AfterValidator(_nama_huruf)] | None = None
    ukuran_huruf: Annotated[Decimal, BeforeValidator(_parse_angka), Field(ge=6, le=72)] | None = (
        None
    )
    """Base font and size; None keeps each template's (Arial; 12 pt, IKI cards 11 pt)."""
    rumus_capaian: Literal["permenpanrb-8-2021", "rasio-terbalik"] = "permenpanrb-8-2021"
    """How capaian of a negative-polarity indicator is computed (see dokgen.capaian)."""
    predikat: list[Predikat] = PREDIKAT_PERMENDAGRI_86_2017
    """Capaian bands; default Permendagri 86/2017."""

    @property
    def halaman(self) -> Any:
        """The page setup for the renderer (a ``dokgen.render.Halaman``)."""
        from dokgen.render import Halaman

        m = self.margin
        return Halaman(
            self.kertas,
            (float(m.atas), float(m.kanan), float(m.bawah), float(m.kiri)) if m else None,
            self.huruf,
            float(self.ukuran_huruf) if self.ukuran_huruf else None,
        )


JABATAN_SEBARIS = 30
"""Longest head's title printed on one line above a signature (capitals, in a half-page column)."""


class Dinas(Model):
    """The agency whose documents are produced."""

    nama: Teks
    singkatan: str | None = None
    pemda: Pemda
    alamat: str | None = None
    telepon: str | None = None
    faksimile: str | None = None
    email: str | None = None
    laman: str | None = None
    kode_pos: KodePos | None = None
    tempat_penetapan: str | None = None
    logo: str | None = None
    kepala: Pejabat
    kepala_sebelumnya: list[Pejabat] = []
    """Earlier heads, each with ``sampai``: a document dated up to that day is signed by them
    (a 2019 report is signed by whoever headed the dinas then, not by today's head)."""
    pengaturan: Pengaturan = Pengaturan()

    @field_validator("kepala_sebelumnya")
    @classmethod
    def _sampai_ditulis(cls, value: list[Pejabat]) -> list[Pejabat]:
        for pejabat in value:
            if pejabat.sampai is None:
                raise ValueError(
                    f"kepala sebelumnya '{pejabat.nama}' tanpa 'sampai' (hari terakhir menjabat)"
                )
        return value

    def kepala_pada(self, pada: dt.date | None) -> Pejabat:
        """The head who signs a document dated ``pada``: the earlier head whose term covers it,
        else the present head (also when the date is not known)."""
        if pada is not None:
            for pejabat in sorted(self.kepala_sebelumnya, key=lambda p: p.sampai or pada):
                menjabat = pejabat.sejak is None or pejabat.sejak <= pada
                if pejabat.sampai is not None and pada <= pejabat.sampai and menjabat:
                    return pejabat
        return self.kepala

    @property
    def jabatan_kepala(self) -> list[str]:
        """The head's title as printed above a signature, one line each.

        'KEPALA DINAS', 'KOPERASI DAN USAHA MIKRO', 'KABUPATEN MALANG' for
        'Dinas Koperasi dan Usaha Mikro' of Kabupaten Malang (seed 004); a short name stays on one
        line: 'KEPALA DINAS KOPERASI DAN UKM', 'KOTA BANDAR LAMPUNG' (seed 001), 'KEPALA DINAS
        KESEHATAN', never 'KEPALA DINAS' above 'KESEHATAN'.
        """
        nama = self.nama.upper()
        head, _, rest = nama.partition(" ")
        if len(f"KEPALA {nama}") <= JABATAN_SEBARIS or not rest:
            return [f"KEPALA {nama}", self.pemda.sebutan.upper()]
        return [f"KEPALA {head}", rest, self.pemda.sebutan.upper()]

    @property
    def tempat(self) -> str:
        """Place of signing: explicit, or the pemda's name."""
        return self.tempat_penetapan or self.pemda.nama


# --- indicators, Renstra, programs ----------------------------------------------------


class Formula(Model):
    """How an indicator is computed: a ratio (pembilang / penyebut × pengali) or a text.

    A plain string in YAML is a text formula (for counts: "Jumlah koperasi yang dibina").
    """

    teks: str | None = None
    pembilang: str | None = None
    penyebut: str | None = None
    pengali: Angka = Decimal(100)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"teks": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_kind(self) -> Formula:
        ratio = self.pembilang is not None or self.penyebut is not None
        if ratio and (not self.pembilang or not self.penyebut):
            raise ValueError("rumus rasio memerlukan 'pembilang' dan 'penyebut'")
        if ratio and self.teks:
            raise ValueError("isi 'teks' atau 'pembilang'/'penyebut', bukan keduanya")
        if not ratio and not self.teks:
            raise ValueError("rumus kosong: isi 'teks' atau 'pembilang' dan 'penyebut'")
        return self

    @property
    def pecahan(self) -> bool:
        """True for a ratio, printed as a fraction."""
        return self.pembilang is not None

    @property
    def pengali_teks(self) -> str:
        """What follows the fraction: '× 100%' for a percentage, nothing for × 1."""
        if self.pengali == 100:
            return "× 100%"
        if self.pengali == 1:
            return ""
        return f"× {angka(self.pengali)}"


PERSEN_URAIAN = re.compile(r"^\s*(persentase|presentase|prosentase)\b", re.IGNORECASE)
"""An indicator named as a percentage (with the misspellings the seeds carry)."""


class Indikator(Model):
    """A performance indicator of a tujuan, sasaran, program or kegiatan."""

    kode: Teks
    uraian: Teks
    satuan: str | None = None
    formula: Formula | None = None
    sumber_data: str | None = None
    polaritas: Literal["positif", "negatif"] = "positif"
    agregasi: Literal["kumulatif", "nilai_akhir"] | None = None
    """How quarters add up in a Laporan Kinerja; None: :attr:`cara_agregasi` decides."""
    penjelasan: str | None = None
    periode_pengukuran: str | None = None
    tahun_dasar: Angka | None = None
    target: dict[Tahun, Angka] = {}
    realisasi: dict[Tahun, Angka] = {}

    @property
    def cara_agregasi(self) -> Literal["kumulatif", "nilai_akhir"]:
        """The aggregation written, or — when none is — the one its kind implies: a percentage
        (satuan "%", or "Persentase …") is a state, its latest quarter counts (summing 80 % and
        85 % would report 165 %); a count adds up."""
        if self.agregasi is not None:
            return self.agregasi
        persen = (self.satuan or "").strip() == "%" or PERSEN_URAIAN.match(self.uraian)
        return "nilai_akhir" if persen else "kumulatif"


class Sasaran(Model):
    """A sasaran strategis of the Renstra with its IKU."""

    kode: Teks
    uraian: Teks
    indikator: list[Indikator] = []
    rpjmd: str | None = None
    """Nomor of the RPJMD sasaran this sasaran serves (``rpjmd`` of the Renstra): a row of the
    RPJMD → Renstra → IKU alignment table (seed 001, Tabel 3.1)."""


class Tujuan(Model):
    """A tujuan of the Renstra."""

    kode: Teks
    uraian: Teks
    indikator: list[Indikator] = []
    sasaran: list[Sasaran] = []


class SasaranRpjmd(Model):
    """A sasaran of the RPJMD, by its number there ('4.1.1')."""

    nomor: Teks
    uraian: Teks


class TujuanRpjmd(Model):
    """A tujuan of the RPJMD with its indicators (named only: the RPJMD measures them)."""

    nomor: str | None = None
    uraian: Teks
    indikator: list[Teks] = []
    sasaran: list[SasaranRpjmd] = []


class MisiRpjmd(Model):
    """A misi of the RPJMD that the dinas serves, numbered as in the RPJMD ('4')."""

    nomor: str | None = None
    uraian: Teks
    tujuan: list[TujuanRpjmd] = []


class Rpjmd(Model):
    """The part of the RPJMD the Renstra serves: its misi, their tujuan (with indicators) and
    sasaran — the cascade header (seeds 000, 003) and the alignment table (seed 001)."""

    misi: list[MisiRpjmd] = []

    @property
    def sasaran(self) -> dict[str, tuple[MisiRpjmd, TujuanRpjmd, SasaranRpjmd]]:
        """Every RPJMD sasaran by its nomor, with its misi and tujuan."""
        return {s.nomor: (m, t, s) for m in self.misi for t in m.tujuan for s in t.sasaran}


class Kegiatan(Model):
    """A kegiatan of a program, with its pagu per year."""

    kode: Teks
    nama: Teks
    indikator: list[Indikator] = []
    pagu: dict[Tahun, Rupiah] = {}
    sumber_dana: str | None = None
    """A source of funds named after the kegiatan in the LKj's budget table ('DAK' → '… (DAK)');
    None for the regular budget."""
    unit: str | None = None
    """Kode of the unit of organisasi.yaml that carries the kegiatan: the Perjanjian Kinerja of
    its head promises its pagu (a Kasi its kegiatan, a Kabid the programs of its seksi's)."""


class Program(Model):
    """A program supporting a sasaran."""

    kode: Teks
    nama: Teks
    sasaran: str | None = None
    """Kode of the sasaran the program supports."""
    iku: list[Teks] = []
    """Kodes of the IKU the program supports (the cascade Sasaran → IKU → Program)."""
    indikator: list[Indikator] = []
    kegiatan: list[Kegiatan] = []

    @model_validator(mode="before")
    @classmethod
    def _one_iku(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("iku"), str):
            return {**value, "iku": [value["iku"]]}
        return value


PERIODE_MAKS = 10
"""Years of the longest Renstra period accepted (five is the rule; a transition may differ)."""


class Periode(Model):
    """The years of a Renstra, both inclusive."""

    awal: Tahun
    akhir: Tahun

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.akhir <= self.awal:
            raise ValueError(f"tahun akhir {self.akhir} harus sesudah tahun awal {self.awal}")
        if self.akhir - self.awal >= PERIODE_MAKS:
            raise ValueError(
                f"periode {self.awal}–{self.akhir} terlalu panjang: periode Renstra paling lama"
                f" {PERIODE_MAKS} tahun"
            )
        return self

    @property
    def tahun(self) -> list[int]:
        return list(range(self.awal, self.akhir + 1))


class Renstra(Model):
    """The Rencana Strategis of the dinas for one period."""

    periode: Periode
    tahun_dasar: Tahun | None = None
    visi: str | None = None
    misi: list[Teks] = []
    tujuan: list[Tujuan] = []
    sasaran: list[Sasaran] = []
    """Sasaran not placed under a tujuan (when the source names none)."""
    strategi: list[Teks] = []
    """The Renstra's strategies (the LKj's BAB II "Strategi dan Kebijakan")."""
    kebijakan: list[Teks] = []
    """The Renstra's policies (the LKj's BAB II "Strategi dan Kebijakan")."""
    program: list[Program] = []
    rpjmd: Rpjmd | None = None
    """The RPJMD misi, tujuan and sasaran the Renstra serves."""

    @property
    def semua_sasaran(self) -> list[Sasaran]:
        """Every sasaran, those under a tujuan first, in data order."""
        return [s for t in self.tujuan for s in t.sasaran] + self.sasaran

    @property
    def sasaran_ber_iku(self) -> list[Sasaran]:
        """The sasaran that have at least one IKU — the rows of every IKU table."""
        return [s for s in self.semua_sasaran if s.indikator]


# --- organisation and individual indicators -------------------------------------------


class Unit(Model):
    """An organisational unit (Sekretariat, Bidang, Sub Bagian, Seksi) with its duties."""

    kode: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    nama: Teks
    induk: str | None = None
    """Kode of the unit above; empty: directly under the Kepala Dinas."""
    pimpinan: str | None = None
    """Title of the head: 'Sekretaris', 'Kepala Bidang Usaha Mikro'."""
    tugas: list[Teks] = []
    fungsi: list[Teks] = []


class Organisasi(Model):
    """The units of the dinas (``organisasi.yaml``), in the order of the structure."""

    tugas: list[Teks] = []
    """The dinas's own tugas pokok (its Perkada), printed in BAB II before the units."""
    fungsi: list[Teks] = []
    """The dinas's own fungsi."""
    unit: list[Unit] = []


class IndikatorIKI(Model):
    """One row of an IKI card."""

    kode: str | None = None
    uraian: Teks
    formula: Formula | None = None
    sumber_data: str | None = None
    mendukung: str | None = None
    """Kode of the atasan's IKI row or of the IKU this row supports (cascade)."""
    target: dict[Tahun, Angka] = {}
    """The row's own target per year (the unit head's Perjanjian Kinerja prints it); a year
    without one borrows the target of the IKU the row supports (``mendukung``)."""


class SasaranIKI(Model):
    """A sasaran on an IKI card with its indicators (rows of the table)."""

    sasaran: Teks
    indikator: list[IndikatorIKI] = Field(min_length=1)


class Jabatan(Model):
    """A position in the organisation: its duties and its individual indicators."""

    kode: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    nama: Teks
    atasan: str | None = None
    """Kode of the atasan's jabatan; empty means directly under the Kepala Dinas."""
    unit: str | None = None
    jenis: Literal["struktural", "fungsional", "pelaksana"] | None = None
    pemangku: Pejabat | None = None
    tugas: list[Teks] = []
    fungsi: list[Teks] = []
    iki: list[SasaranIKI] = []


class RingkasanJabatan(NamedTuple):
    """What the rules across jabatan need of one jabatan (atasan, cascade, duplicates).

    Small and plain, so it is kept for every jabatan in the cache and in memory while the full
    models are read, checked and rendered one at a time.
    """

    kode: str
    nama: str
    atasan: str | None
    berkas: str
    """The jabatan's file (text, not a Path: thousands of these are read from the cache)."""
    baris: int | None
    baris_atasan: int | None
    baris_iki: int | None
    iki: bytes
    """Digest of (sasaran, uraian) of every row, compared as :func:`normal` text and in any
    order — what makes two cards the same;
    empty when there are no rows."""
    kode_baris: tuple[str, ...]
    """Kode of every IKI row that has one: what a bawahan's ``mendukung`` may name."""
    mendukung: tuple[tuple[str, int | None], ...]
    """(mendukung, line) of every row that names what it supports."""

    def location(self, line: int | None = None) -> tuple[Path, int | None]:
        """The file and ``line`` in it (default: the jabatan's first line)."""
        return Path(self.berkas), line or self.baris

    @classmethod
    def dari(cls, jabatan: Jabatan) -> RingkasanJabatan:
        rows = [(s, row) for s in jabatan.iki for row in s.indikator]
        return cls(
            jabatan.kode,
            jabatan.nama,
            jabatan.atasan,
            str(jabatan.location[0] or ""),
            jabatan.location[1],
            jabatan.location_of("atasan")[1],
            jabatan.location_of("iki")[1],
            _sidik_iki(sorted((normal(s.sasaran), normal(row.uraian)) for s, row in rows)),
            tuple(row.kode for _, row in rows if row.kode),
            tuple(
                (row.mendukung, row.location_of("mendukung")[1]) for _, row in rows if row.mendukung
            ),
        )


def normal(text: str) -> str:
    """Text as compared for sameness: lower case, punctuation and repeated spaces gone
    ("Jumlah  PNS." and "jumlah pns" are the same words)."""
    return " ".join(re.sub(r"[^\w%]+", " ", text.casefold()).split())


def _sidik_iki(rows: list[tuple[str, str]]) -> bytes:
    if not rows:
        return b""
    return hashlib.blake2b(repr(rows).encode(), digest_size=16).digest()


# --- regulations and decrees -----------------------------------------------------------

JENIS_PERATURAN = {
    # jenis: (level in the hierarchy of UU 12/2011, name as cited)
    "uud": (1, "Undang-Undang Dasar"),
    "tap_mpr": (2, "Ketetapan Majelis Permusyawaratan Rakyat Republik Indonesia"),
    "uu": (3, "Undang-Undang"),
    "perppu": (3, "Peraturan Pemerintah Pengganti Undang-Undang"),
    "pp": (4, "Peraturan Pemerintah"),
    "perpres": (5, "Peraturan Presiden"),
    "permen": (6, "Peraturan"),
    "perda_provinsi": (7, "Peraturan Daerah"),
    "perda": (8, "Peraturan Daerah"),
    "pergub": (9, "Peraturan Gubernur"),
    "perbup": (9, "Peraturan Bupati"),
    "perwali": (9, "Peraturan Walikota"),
}


class Lembaran(Model):
    """Where a regulation was promulgated: Lembaran/Berita Negara or Daerah, year and number."""

    tahun: TahunPeraturan
    nomor: str
    tambahan: str | None = None
    """Nomor of the Tambahan Lembaran (UU, PP; Perda)."""


class PeriodePeraturan(Model):
    """The years a regional regulation is about (an RPJMD, the IKU of a period), both inclusive."""

    awal: TahunPeraturan
    akhir: TahunPeraturan

    @model_validator(mode="after")
    def _ordered(self) -> PeriodePeraturan:
        if self.akhir < self.awal:
            raise ValueError(f"tahun akhir {self.akhir} sebelum tahun awal {self.awal}")
        return self


class Peraturan(Model):
    """A regulation in the catalogue, cited by its key."""

    jenis: Literal[tuple(JENIS_PERATURAN)]  # type: ignore[valid-type]
    penerbit: str | None = None
    """'Menteri Dalam Negeri' for a permen; the region for local ones ('Kota Bandar Lampung')."""
    nomor: Teks
    """As enacted: '9', not '09'; 'PER/09/M.PAN/5/2007' as the minister numbered it."""
    tahun: TahunPeraturan
    ditetapkan: dt.date | None = None
    """The day it was enacted (signed): from then on a document may cite it."""
    diundangkan: dt.date | None = None
    """The day it was promulgated in the Lembaran/Berita Negara or Daerah."""
    berlaku: dt.date | None = None
    """The day it came into force, when its text names a later day ("mulai berlaku pada tanggal
    1 Juli 2021"); otherwise it is in force from promulgation."""
    tentang: Teks
    lembaran: Lembaran | None = None
    diubah_dengan: list[str] = []
    """Keys of the regulations that amended this one, oldest first."""
    dicabut_dengan: str | None = None
    """Key of the regulation that revoked this one."""
    periode: PeriodePeraturan | None = None
    """For a regional regulation of one RPJMD/Renstra period: its years."""
    sumber: str | None = None
    """Where the entry was verified (JDIH, peraturan.go.id, peraturan.bpk.go.id address), or
    'belum diverifikasi'."""

    @model_validator(mode="after")
    def _dates_agree(self) -> Peraturan:
        if self.ditetapkan and self.diundangkan and self.diundangkan < self.ditetapkan:
            raise ValueError(f"diundangkan {self.diundangkan} sebelum ditetapkan {self.ditetapkan}")
        years = {d.year for d in (self.ditetapkan, self.diundangkan) if d}
        if years and self.tahun not in years:
            raise ValueError(
                f"tahun {self.tahun} tidak cocok dengan tanggal ditetapkan/diundangkan"
                f" ({', '.join(str(y) for y in sorted(years))})"
            )
        return self

    @property
    def sejak(self) -> dt.date | None:
        """The day it exists from, as far as the data knows: enacted, else promulgated."""
        return self.ditetapkan or self.diundangkan

    def ada_pada(self, pada: dt.date) -> bool | None:
        """Whether it had been enacted on ``pada``; None when only the year is known and it is
        ``pada``'s year."""
        if self.sejak:
            return self.sejak <= pada
        if self.tahun != pada.year:
            return self.tahun < pada.year
        return None

    def berlaku_pada(self, pada: dt.date, katalog: Mapping[str, Peraturan]) -> bool:
        """Whether its provisions applied on ``pada``: in force (``berlaku``, else promulgated,
        else enacted) and not yet revoked. Unknown dates count as not in force."""
        mulai = self.berlaku or self.diundangkan or self.ditetapkan
        if mulai is None or pada < mulai:
            return False
        pencabut = katalog.get(self.dicabut_dengan or "")
        akhir = pencabut and (pencabut.berlaku or pencabut.diundangkan or pencabut.ditetapkan)
        return not (akhir and pada >= akhir)

    @property
    def tingkat(self) -> int:
        """Level in the hierarchy of regulations: 1 (UUD) … 9 (Perkada)."""
        return JENIS_PERATURAN[self.jenis][0]

    @property
    def nama_jenis(self) -> str:
        """'Undang-Undang', 'Peraturan Menteri Dalam Negeri', 'Peraturan Walikota …'."""
        name = JENIS_PERATURAN[self.jenis][1]
        return f"{name} {self.penerbit}" if self.penerbit else name


class KeputusanLama(Model):
    """The earlier decree that an amending decree changes."""

    nomor: Teks
    tanggal: dt.date | None = None
    pembanding: str | None = None
    """Data folder of the version that decree was made from (relative to this folder): the
    matriks perubahan of Lampiran II compares it with this data."""


def _bulan(value: str) -> str:
    """'2021-01': a real month of a year of :data:`Tahun`."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1900 <= int(match.group(1)) <= 2100:
        raise ValueError(f"'{_pendek(value)}' bukan bulan: tulis TAHUN-BULAN, mis. 2021-01")
    return value


class Bertanggal(Model):
    """A signed document's date: ``tanggal`` when final; ``bulan`` ('2021-01') when only the
    month is known (the day prints as a dotted blank to fill in at signing); neither: day and
    month blank (the year comes from the document)."""

    tanggal: dt.date | None = None
    bulan: Annotated[str, AfterValidator(_bulan)] | None = None

    def pada(self, tahun: int | None = None) -> dt.date | None:
        """The date the document speaks on, as far as the data knows it: ``tanggal``; the last
        day of ``bulan``; 31 December of ``tahun``; None."""
        if self.tanggal:
            return self.tanggal
        if self.bulan:
            year, month = (int(part) for part in self.bulan.split("-"))
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(tahun, 12, 31) if tahun else None


AlasanPerubahan = Literal[
    "revisi-renstra", "reviu-iku", "perubahan-organisasi", "perubahan-nomenklatur"
]
"""Why an IKU decree is amended; each has a standard wording (``derive.ALASAN``)."""


class KartuIki(Bertanggal):
    """The date above the Kepala Dinas's signature on every IKI card (``iki.yaml``)."""


class PerjanjianKinerja(Bertanggal):
    """The year of the Perjanjian Kinerja and the date they are signed on (``pk.yaml``)."""

    tahun: Tahun


class Keputusan(Bertanggal):
    """The Keputusan Kepala Dinas tentang IKU (``keputusan-iku.yaml``)."""

    mengubah: KeputusanLama | None = None
    """Set for an amending decree ("PERUBAHAN ATAS KEPUTUSAN …")."""
    alasan: list[AlasanPerubahan] = []
    """Why the amended decree is changed (one reason or a list): the Menimbang item saying so
    is worded by dokgen (``derive.ALASAN``)."""
    alasan_lain: str | None = None
    """A reason of the data's own words, continuing "… perlu diubah …"."""

    nomor: str | None = None
    """Empty until numbered: the decree prints a blank to fill in."""
    perubahan: bool = False
    menimbang: list[Teks] = []
    """Menimbang items; an amending decree with a reason may have none of its own."""
    mengingat: list[Teks] = Field(min_length=1)
    diktum: list[Teks] = []

    @model_validator(mode="before")
    @classmethod
    def _one_alasan(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("alasan"), str):
            return {**value, "alasan": [value["alasan"]]}
        return value

    @model_validator(mode="after")
    def _reasons(self) -> Keputusan:
        if self.mengubah is None and (self.alasan or self.alasan_lain):
            raise ValueError(
                "'alasan' hanya untuk keputusan perubahan: tulis juga 'mengubah' (nomor keputusan"
                " yang diubah)"
            )
        if not self.menimbang and not (self.mengubah and (self.alasan or self.alasan_lain)):
            raise ValueError("'menimbang' kosong: tulis sedikitnya satu butir")
        return self

    @property
    def ada_alasan(self) -> bool:
        """An amending decree whose reason the data gives."""
        return bool(self.alasan or self.alasan_lain)


class Katalog(Model):
    """A file of regulations: the shipped catalogue or a dinas's own ``peraturan.yaml``."""

    peraturan: dict[str, Peraturan] = {}


class ButirMasalah(Model):
    """A masalah with its akar masalah."""

    uraian: Teks
    akar: list[Teks] = []


class TeksLkj(Model):
    """Paragraphs of the Laporan Kinerja that replace the template's standard wording."""

    kata_pengantar: list[Teks] = []
    latar_belakang: list[Teks] = []
    maksud_tujuan: list[Teks] = []
    perencanaan_strategis: list[Teks] = []
    penutup: list[Teks] = []


class TeksIku(Model):
    """Paragraphs of the Dokumen IKU that replace the template's standard wording."""

    kata_pengantar: list[Teks] = []
    latar_belakang: list[Teks] = []
    maksud: list[Teks] = []
    tujuan_penyusunan: list[Teks] = []
    dasar_hukum: list[Teks] = []
    penggunaan: list[Teks] = []
    """What IKU are used for (BAB III, seed 001); empty: the template's list."""
    penutup: list[Teks] = []


class DokumenIku(Bertanggal):
    """Settings of the Dokumen IKU (``dokumen-iku.yaml``): its year, signing date (``tanggal``
    or ``bulan``, see :class:`Bertanggal`), the regulations it rests on and overridden prose."""

    tahun: Tahun
    landasan: list[Teks] = []
    """Catalogue keys of the Landasan Penyusunan (BAB I), printed in the order of Mengingat."""
    dasar_pembentukan: list[Teks] = []
    """Catalogue keys of the regulations that formed the dinas (BAB II, 2.1.1)."""
    teks: TeksIku = TeksIku()


class AnalisisIndikator(Model):
    """What the numbers cannot say about one indicator: causes of its result and the solutions
    taken (BAB III of the LKj, after the computed analysis)."""

    penyebab: list[Teks] = []
    solusi: list[Teks] = []


class RealisasiTriwulan(Bertanggal):
    """What was measured and spent in one quarter (``realisasi/2019-2.yaml``), and what the
    report of that quarter says beyond the numbers: its obstacles, next steps, each indicator's
    causes and solutions, its signing date. Kept per quarter, so writing the next quarter's
    report never changes what an earlier, signed report says.

    A value not (yet) measured is left out — it prints "–" and never counts as 0.
    """

    tahun: Tahun
    triwulan: Annotated[int, Field(ge=1, le=4)]
    indikator: dict[str, Angka] = {}
    """Kode of the indicator → its realisasi in this quarter."""
    anggaran: dict[str, Rupiah] = {}
    """Kode of the kegiatan → the money spent in this quarter."""
    kendala: list[Teks] = []
    """Obstacles of the quarter (Ikhtisar Eksekutif)."""
    langkah: list[Teks] = []
    """Next steps (Ikhtisar Eksekutif and BAB IV)."""
    analisis: dict[str, AnalisisIndikator] = {}
    """Kode of an IKU → its causes and solutions."""

    @property
    def akhir(self) -> dt.date:
        """The last day of the quarter."""
        month = 3 * self.triwulan
        return dt.date(self.tahun, month, calendar.monthrange(self.tahun, month)[1])

    @property
    def tanggal_laporan(self) -> dt.date:
        """The date its report speaks on: the signing date, else the quarter's last day."""
        return self.pada() or self.akhir


class AksiIku(Model):
    """The Rencana Aksi of one IKU in one year: its target at every quarter (and, when the
    dinas plans by month, at every month) and the unit that carries it. The year's target is
    the Renstra's (``Indikator.target``); rule RAK001 says when these do not end at it (or, for
    a cumulative indicator, do not add up to it)."""

    triwulan: list[Angka]
    """Targets of TW I–IV: for ``nilai_akhir`` the state at each quarter's end, for
    ``kumulatif`` what each quarter adds."""
    bulan: list[Angka] = []
    """Optional: targets of January–December, in the same sense."""
    unit: Teks
    """Kode of the responsible unit (``organisasi.yaml``)."""

    @field_validator("triwulan")
    @classmethod
    def _empat(cls, value: list[Decimal]) -> list[Decimal]:
        if len(value) != 4:
            raise ValueError(
                f"tulis 4 target triwulan (TW I–IV), bukan {len(value)}{_koma(value, 4)}"
            )
        return value

    @field_validator("bulan")
    @classmethod
    def _dua_belas(cls, value: list[Decimal]) -> list[Decimal]:
        if value and len(value) != 12:
            raise ValueError(
                f"tulis 12 target bulanan (Januari–Desember), bukan {len(value)}{_koma(value, 12)}"
            )
        return value


def _koma(value: list[Decimal], wanted: int) -> str:
    """A hint when a list written ``[80,50, 80,65]`` was read as twice as many numbers."""
    if len(value) == 2 * wanted:
        return (
            " — angka berkoma di dalam [ ] terbaca sebagai dua angka: tulis satu angka per baris"
            " (- 80,50)"
        )
    return ""


class RencanaAksi(Bertanggal):
    """The Rencana Aksi of one year (``rencana-aksi.yaml``): per IKU kode its quarterly targets
    and responsible unit, and the signing date (:class:`Bertanggal`)."""

    tahun: Tahun
    indikator: dict[str, AksiIku] = {}
    """Kode of an IKU of the Renstra → its plan for the year."""


class Permasalahan(Model):
    """A row group of the 'permasalahan utama' table: masalah pokok → masalah → akar masalah."""

    masalah_pokok: Teks
    masalah: list[ButirMasalah] = Field(min_length=1)


class LaporanTahunan(Bertanggal):
    """The annual Laporan Kinerja (LKjIP) of one year, asked for in ``lkj.yaml`` (``tahunan:``):
    its signing date and what it says beyond the numbers. Without it a year whose four quarters
    are present still gets its report, with the fourth quarter's obstacles, steps and analysis."""

    tahun: Tahun
    kendala: list[Teks] = []
    langkah: list[Teks] = []
    analisis: dict[str, AnalisisIndikator] = {}
    """Kode of an IKU → its causes and solutions over the year."""


class LaporanKinerja(Model):
    """Settings of the Laporan Kinerja (``lkj.yaml``): what every quarter's report shares — the
    problems table and overridden prose. What a single report says is in its quarter's file;
    what an annual report says, in ``tahunan``."""

    permasalahan: list[Permasalahan] = []
    teks: TeksLkj = TeksLkj()
    tahunan: list[LaporanTahunan] = []


class Periksa(Model):
    """Per-dinas settings of ``dokgen check`` (``periksa.yaml``): rules re-levelled or off."""

    aturan: dict[str, Literal["galat", "peringatan", "info", "mati"]] = {}
