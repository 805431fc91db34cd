"""People: NIP, names, atasan (ORG)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from dokgen.checks import FieldRef, Where, aturan, normal, texts, unit_asing
from dokgen.errors import saran
from dokgen.load import DataDinas
from dokgen.model import Pejabat, RingkasanJabatan, Unit

_NAMA = re.compile(r"^[A-Za-zÀ-ÿ.,'’()\- ]+$")


def pejabat(data: DataDinas) -> Iterator[Pejabat]:
    """Every official in the data: the Kepala Dinas and the holder of each jabatan."""
    if not data.lingkup_jabatan:
        yield data.dinas.kepala
        yield from data.dinas.kepala_sebelumnya
    for jabatan in data.jabatan:
        if jabatan.pemangku:
            yield jabatan.pemangku


def masalah_nip(nip: str, pppk: bool = False) -> str | None:
    """What is wrong with a NIP (Perka BKN 22/2007), or None.

    18 digits: birth date yyyymmdd, TMT yyyymm (for PPPK: year and contract count), sex digit
    1 or 2, three-digit sequence.
    """
    if len(nip) != 18:
        return f"NIP {nip} terdiri atas {len(nip)} angka, seharusnya 18"
    try:
        lahir = dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return f"NIP {nip}: {nip[:8]} bukan tanggal lahir yang sah"
    tahun_tmt, bulan_tmt = int(nip[8:12]), int(nip[12:14])
    if not pppk:
        if not 1 <= bulan_tmt <= 12:
            return f"NIP {nip}: bulan TMT {nip[12:14]} tidak ada"
        if (tahun_tmt, bulan_tmt) < (lahir.year + 18, lahir.month):
            return f"NIP {nip}: TMT {nip[8:12]}-{nip[12:14]} sebelum usia 18 tahun"
    if nip[14] not in "12":
        return f"NIP {nip}: angka jenis kelamin {nip[14]}, seharusnya 1 atau 2"
    return None


@aturan("ORG001", "galat", "orang", lingkup="jabatan")
def nip_tidak_sah(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """NIP sah: 18 angka, tanggal lahir, bulan TMT, TMT sesudah usia 18, jenis kelamin 1 atau 2.

    Seed 001 menulis NIP Kepala Dinas dengan 19 angka:

    Gagal: dinas.yaml ::

        kepala:
          nip: "1196204121983031015"  # ← temuan

    Lolos: dinas.yaml ::

        kepala:
          nip: "19620412 198303 1 015"

    Untuk PPPK (``jenis_pegawai: pppk``) aturan bulan TMT tidak berlaku: angka ke-9 sampai ke-14
    adalah tahun dan urutan kontrak.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        pemangku:
          nip: "19900101 202113 1 001"  # ← temuan

    Lolos: jabatan/02-kasubag-umum.yaml ::

        pemangku:
          nip: "19900101 202113 1 001"
          jenis_pegawai: pppk
    """
    for person in pejabat(data):
        if person.nip:
            problem = masalah_nip(person.nip, person.jenis_pegawai == "pppk")
            if problem:
                yield person.location_of("nip"), problem


@aturan("ORG002", "galat", "orang", lingkup="jabatan")
def nama_bercacat(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Nama pejabat hanya memuat huruf, spasi, titik, koma, tanda kutip dan tanda hubung.

    Spasi ganda juga dilaporkan.

    Gagal: dinas.yaml ::

        kepala:
          nama: Drs. @BDUL MAJID, S.P.A.  # ← temuan

    Gagal: jabatan/02-kasubag-umum.yaml ::

        pemangku:
          nama: SITI  AMINAH, S.E.  # ← temuan

    Lolos: dinas.yaml ::

        kepala:
          nama: Drs. ABDUL MAJID, S.P.A.
    """
    for person in pejabat(data):
        if not _NAMA.match(person.nama) or "  " in person.nama:
            stray = "".join(sorted(set(re.sub(r"[A-Za-zÀ-ÿ.,'’()\- ]", "", person.nama))))
            detail = f" ({stray})" if stray else " (spasi ganda)"
            yield person.location_of("nama"), f"nama '{person.nama}' memuat karakter asing{detail}"


@aturan("ORG003", "galat", "orang")
def atasan_tidak_ada(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Atasan setiap jabatan ada, dan rantai atasan tidak berputar.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        atasan: sekretariss  # ← temuan

    Gagal: jabatan/01-sekretaris.yaml ::

        atasan: kasubag-umum  # ← temuan

    dan jabatan/02-kasubag-umum.yaml ::

        atasan: sekretaris  # ← temuan

    Lolos: jabatan/01-sekretaris.yaml ::

        atasan:  # kosong: langsung di bawah Kepala Dinas

    dan jabatan/02-kasubag-umum.yaml ::

        atasan: sekretaris
    """
    kodes = {j.kode: j for j in data.ringkasan}
    bebas: set[str] = set()  # kode whose chain of atasan is known to end at the Kepala Dinas
    for jabatan in data.ringkasan:
        if jabatan.atasan and jabatan.atasan not in kodes:
            yield (
                jabatan.location(jabatan.baris_atasan),
                f"atasan '{jabatan.atasan}' tidak ada{saran(jabatan.atasan, kodes)}",
            )
            continue
        chain = [jabatan.kode]
        current = kodes.get(jabatan.atasan or "")
        while current is not None and current.kode not in bebas:
            if current.kode in chain:
                where = jabatan.location(jabatan.baris_atasan)
                yield where, f"rantai atasan '{jabatan.kode}' berputar"
                break
            chain.append(current.kode)
            current = kodes.get(current.atasan or "")
        else:
            bebas.update(chain)


@aturan("ORG004", "galat", "orang", lingkup="jabatan")
def unit_tidak_ada(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """``unit`` jabatan ada di organisasi.yaml; kartu IKI tanpa tugas sendiri mengambil tugas dan
    fungsi unit itu, jadi kartu tanpa tugas dan tanpa unit akan kosong.

    Gagal: jabatan/01-sekretaris.yaml ::

        unit: sekretariatt  # ← temuan

    dan organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
            tugas: [Mengoordinasikan pelayanan administrasi]

    Gagal: jabatan/01-sekretaris.yaml ::

        tugas: []  # ← temuan

    Lolos: jabatan/01-sekretaris.yaml ::

        tugas: []
        unit: sekretariat

    dan organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
            tugas: [Mengoordinasikan pelayanan administrasi]
    """
    for jabatan in data.jabatan:
        unit = data.unit(jabatan.unit) if jabatan.unit else None
        asing = unit_asing(data, jabatan.unit) if jabatan.unit else None
        if asing:
            yield FieldRef(jabatan, ("unit",)), f"unit '{jabatan.unit}' {asing}"
        elif not jabatan.tugas and not (unit and unit.tugas):
            yield (
                FieldRef(jabatan, ("tugas",)) if "tugas" in jabatan.model_fields_set else jabatan,
                f"jabatan '{jabatan.kode}' tidak punya tugas: tulis 'tugas' atau 'unit' yang"
                " tugasnya ada di organisasi.yaml",
            )


def tanggal_dokumen(data: DataDinas) -> Iterator[tuple[str, dt.date]]:
    """Every dated document the data makes, with the date it is signed on as far as known."""
    if data.keputusan is not None and (pada := data.keputusan.pada()) is not None:
        yield "Keputusan", pada
    if data.dokumen_iku is not None and data.renstra is not None:
        iku = data.dokumen_iku
        if (pada := iku.pada(iku.tahun)) is not None:
            yield f"Dokumen IKU {iku.tahun}", pada
    if data.renstra is not None:
        for laporan in data.realisasi:
            sebutan = f"Laporan Kinerja triwulan {laporan.triwulan} tahun {laporan.tahun}"
            yield sebutan, laporan.tanggal_laporan
    if data.ringkasan and data.iki is not None and (pada := data.iki.pada()) is not None:
        yield "kartu IKI", pada


@aturan("ORG005", "peringatan", "orang")
def penanda_tangan_belum_menjabat(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap dokumen ditandatangani Kepala Dinas yang menjabat pada tanggalnya: bila tanggal
    dokumen mendahului ``sejak`` kepala, kepala sebelumnya ditulis di ``kepala_sebelumnya``
    (dengan ``sampai``, hari terakhirnya menjabat).

    Gagal: dinas.yaml ::

        kepala:
          nama: Drs. GIRENDRA, MM
          sejak: 2022-01-03  # ← temuan

    dan keputusan-iku.yaml ::

        tanggal: 2021-06-15

    Lolos: dinas.yaml ::

        kepala:
          nama: Drs. GIRENDRA, MM
          sejak: 2022-01-03
        kepala_sebelumnya:
          - nama: Ir. SUTRISNO, M.Si
            sampai: 2022-01-02

    dan keputusan-iku.yaml ::

        tanggal: 2021-06-15
    """
    if data.lingkup_jabatan:
        return
    dinas = data.dinas
    for dokumen, pada in tanggal_dokumen(data):
        kepala = dinas.kepala_pada(pada)
        if kepala.sejak is not None and pada < kepala.sejak:
            yield (
                FieldRef(kepala, ("sejak",)),
                f"{dokumen} bertanggal {pada:%d-%m-%Y}, sebelum {kepala.nama} menjabat"
                f" ({kepala.sejak:%d-%m-%Y}): tulis Kepala Dinas saat itu di 'kepala_sebelumnya'",
            )


_SEBUTAN_UNIT = re.compile(
    r"\b(Sekretariat|Bidang|Sub ?[Bb]agian|Subbag(?:ian)?|Seksi|UPTD?|Unit Pelaksana Teknis)\b"
)
"""A unit named in a text: its kind, written with a capital (lower case 'bidang' is a field of
affairs, 'di bidang koperasi')."""
_JENIS_UNIT = re.compile(
    r"^(sekretariat|bidang|sub ?bag(?:ian)?|seksi|uptd?|unit pelaksana teknis(?: daerah)?)\b ?"
)
"""The kind at the start of a :func:`normal` unit name."""
_SAMBUNG = {"dan", "serta", "&"}
_BUKAN_UNIT = {"daerah", "dprd"}
"""Names after 'Sekretariat' of other institutions (Sekretariat Daerah, Sekretariat DPRD)."""


def jenis_unit(nama: str) -> tuple[str | None, str]:
    """The kind of a :func:`normal` unit name ('bidang', 'subbagian', 'seksi', 'upt' …) or None,
    and the rest of the name."""
    match = _JENIS_UNIT.match(nama)
    if match is None:
        return None, nama
    kind = match.group(1).replace(" ", "")
    kind = {"subbag": "subbagian", "uptd": "upt"}.get(kind, kind)
    if kind.startswith("unitpelaksana"):
        kind = "upt"
    return kind, nama[match.end() :]


def _nama_disebut(text: str) -> str:
    """The capitalised words at the start of ``text`` (with 'dan'/'serta' between them): the
    name written after a unit's kind ('Umum' of 'Umum dan kepegawaian')."""
    words = re.findall(r"[^\s,;:.()]+|[,;:.()]", text)
    taken: list[str] = []
    for i, word in enumerate(words):
        sambung = word in _SAMBUNG and i + 1 < len(words) and words[i + 1][0].isupper()
        if not (word[0].isupper() or word[0].isdigit() or sambung):
            break
        taken.append(word)
    return " ".join(taken)


@aturan("ORG006", "peringatan", "orang", lingkup="jabatan")
def unit_disebut_tidak_ada(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Unit yang disebut di tugas atau fungsi ("Bidang …", "Sub Bagian …", "Seksi …", "UPT …",
    "Sekretariat") ada di organisasi.yaml.

    Nama dibandingkan tanpa memandang huruf besar/kecil dan tanda baca; unit di organisasi.yaml
    boleh dinamai dengan atau tanpa jenisnya ("Umum dan Kepegawaian"), dan teks boleh menyebut
    awal namanya saja ("Seksi Pengembangan" untuk "Seksi Pengembangan Usaha Mikro"); unit yang
    hanya bernama jenisnya ("Unit Pelaksana Teknis") bukan nama "UPT Pasar Hewan". Huruf kecil
    ("di bidang koperasi") dan bidang urusan dinas itu sendiri ("Bidang Koperasi dan UKM" di Dinas
    Koperasi dan UKM) bukan nama unit. Diperiksa hanya bila organisasi.yaml ada.

    Gagal: organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
            tugas:
              - Mengoordinasikan Sub Bagian Perencanaan dan Sub Bagian Umum  # ← temuan
          - kode: subbag-umum
            nama: Sub Bagian Umum dan Kepegawaian
            induk: sekretariat

    Gagal: jabatan/02-kasubag-umum.yaml ::

        tugas:
          - Menyiapkan bahan pelayanan umum
          - Membantu Bidang Pemberdayaan dan Usaha Mikro  # ← temuan

    dan organisasi.yaml ::

        unit:
          - kode: bidang-usaha-mikro
            nama: Bidang Pemberdayaan Usaha Mikro

    Gagal: organisasi.yaml ::

        fungsi:
          - Pembinaan usaha mikro melalui UPT Pasar Hewan  # ← temuan
        unit:
          - kode: upt
            nama: Unit Pelaksana Teknis

    Lolos: jabatan/02-kasubag-umum.yaml ::

        tugas:
          - Menyusun rencana kerja Sub Bagian Umum dan kepegawaian
          - Membantu Sekretariat dan Bidang Pemberdayaan Usaha Mikro di bidang kepegawaian
          - Melaksanakan urusan pemerintahan Bidang Koperasi dan UKM

    dan organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
          - kode: subbag-umum
            nama: Umum dan Kepegawaian
            induk: sekretariat
          - kode: bidang-usaha-mikro
            nama: Bidang Pemberdayaan Usaha Mikro
    """
    if data.organisasi is None:
        return
    units = [(u.nama, *jenis_unit(normal(u.nama))) for u in data.organisasi.unit]
    dinas = normal(data.dinas.nama)
    for where, text, jenis, _ in texts(data):
        if not jenis.endswith((".tugas", ".fungsi")):
            continue
        for match in _SEBUTAN_UNIT.finditer(text):
            kind, tail = jenis_unit(normal(text[match.start() :]))
            disebut = _nama_disebut(text[match.end() :])
            run = normal(disebut)
            if kind is None or (not run and kind != "sekretariat"):
                continue  # 'Bidang yang …': a word, not a name
            if (kind == "sekretariat" and run in _BUKAN_UNIT) or (run and run in dinas):
                continue
            if any(
                (ukind is None or ukind == kind)
                and (
                    (not urest and (kind == "sekretariat" or not run))
                    or (urest and f"{tail} ".startswith(f"{urest} "))
                    or (run and f"{urest} ".startswith(f"{run} "))
                )
                for _, ukind, urest in units
            ):
                continue
            name = f"{match.group(0)} {disebut}".strip()
            hint = saran(name, [nama for nama, _, _ in units])
            yield where, f"'{name}' tidak sesuai dengan nama unit mana pun di organisasi.yaml{hint}"


def _sebutan_jabatan(nama: str) -> str:
    """A jabatan's title as compared with a unit's ``pimpinan``: :func:`normal` and without
    spaces ('Kepala Sub Bagian Umum' and 'KEPALA SUBBAGIAN UMUM' are one title)."""
    return normal(nama).replace(" ", "")


_KODE = re.compile(r"[a-z0-9][a-z0-9-]*")
"""A jabatan kode, as ``pimpinan`` may be written."""


def _sebutan_kepala(pimpinan: str, unit: str) -> bool:
    """True when ``pimpinan`` is a title of the head of ``unit``: it names the unit ('Kepala
    Bidang Usaha Mikro'), or the start of a long name, or it is the Sekretaris of a
    Sekretariat."""
    title, name = _sebutan_jabatan(pimpinan), _sebutan_jabatan(unit)
    short = title.removeprefix("kepala")
    return (
        name in title
        or (bool(short) and name.startswith(short))
        or (name.startswith("sekretariat") and title.startswith("sekretaris"))
    )


@aturan("ORG007", "galat", "orang", lingkup="jabatan")
def pimpinan_bukan_kepala_unit(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """``pimpinan`` setiap unit di organisasi.yaml adalah jabatan yang ada dan memang kepala unit
    itu: ``unit`` jabatan itu unit tersebut, dan atasannya pimpinan unit induknya (tanpa induk:
    langsung di bawah Kepala Dinas).

    ``pimpinan`` ditulis sebagai nama jabatan ("Sekretaris") atau kodenya; nama dibandingkan tanpa
    memandang huruf besar/kecil, tanda baca dan spasi. Nama jabatan pimpinan menyebut unitnya
    ("Kepala Bidang Usaha Mikro"; Sekretariat: "Sekretaris"), dan satu jabatan memimpin satu unit;
    selebihnya diperiksa hanya bila ada berkas jabatan.

    Gagal: organisasi.yaml ::

        unit:
          - kode: bidang-usaha-mikro
            nama: Bidang Usaha Mikro
            pimpinan: Bendahara Pengeluaran  # ← temuan

    Gagal: organisasi.yaml ::

        unit:
          - kode: bidang-kelembagaan
            nama: Bidang Kelembagaan Koperasi
            pimpinan: Kepala Bidang Kelembagaan Koperasi
          - kode: bidang-usaha
            nama: Bidang Usaha Koperasi
            pimpinan: Kepala Bidang Kelembagaan Koperasi  # ← temuan

    Gagal: organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
            pimpinan: Kepala Bagian Umum  # ← temuan

    Gagal: organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
            pimpinan: Sekretaris
          - kode: subbag-umum
            nama: Sub Bagian Umum dan Kepegawaian
            induk: sekretariat
            pimpinan: Pengadministrasi Umum

    dan jabatan/03-pengadministrasi-umum.yaml ::

        kode: pengadministrasi-umum
        nama: PENGADMINISTRASI UMUM
        atasan: kasubag-umum  # ← temuan
        unit: subbag-umum
        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah surat masuk yang diagendakan

    Gagal: organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
          - kode: subbag-umum
            nama: Sub Bagian Umum dan Kepegawaian
            induk: sekretariat
            pimpinan: Kepala Sub Bagian Umum dan Kepegawaian
          - kode: subbag-keuangan
            nama: Sub Bagian Keuangan
            induk: sekretariat

    dan jabatan/02-kasubag-umum.yaml ::

        unit: subbag-keuangan  # ← temuan

    Lolos: organisasi.yaml ::

        unit:
          - kode: sekretariat
            nama: Sekretariat
            pimpinan: Sekretaris
          - kode: subbag-umum
            nama: Sub Bagian Umum dan Kepegawaian
            induk: sekretariat
            pimpinan: Kepala Subbagian Umum dan Kepegawaian

    dan jabatan/01-sekretaris.yaml ::

        unit: sekretariat

    dan jabatan/02-kasubag-umum.yaml ::

        unit: subbag-umum
    """
    if data.organisasi is None:
        return
    units = data.organisasi.unit
    if data.lingkup_jabatan:
        for jabatan in data.jabatan:
            nama = _sebutan_jabatan(jabatan.nama)
            memimpin = {u.kode for u in units if _sebutan_jabatan(u.pimpinan or "") == nama}
            for unit in units:
                if (
                    unit.pimpinan
                    and _sebutan_jabatan(unit.pimpinan) == nama
                    and jabatan.unit
                    and jabatan.unit != unit.kode
                    and jabatan.unit not in memimpin
                ):
                    yield (
                        FieldRef(jabatan, ("unit",)),
                        f"jabatan '{jabatan.kode}' adalah pimpinan unit '{unit.kode}' di"
                        f" organisasi.yaml, tetapi unit-nya '{jabatan.unit}'",
                    )
        return
    pimpinan: dict[str, Unit] = {}
    dipimpin: list[Unit] = []
    for unit in units:
        if not unit.pimpinan:
            continue
        sama = pimpinan.setdefault(_sebutan_jabatan(unit.pimpinan), unit)
        if sama is unit:
            dipimpin.append(unit)
        else:
            yield (
                FieldRef(unit, ("pimpinan",)),
                f"'{unit.pimpinan}' sudah pimpinan unit '{sama.kode}': satu jabatan memimpin satu"
                " unit",
            )
    for unit in dipimpin:
        assert unit.pimpinan is not None  # in dipimpin
        if not _KODE.fullmatch(unit.pimpinan) and not _sebutan_kepala(unit.pimpinan, unit.nama):
            yield (
                FieldRef(unit, ("pimpinan",)),
                f"pimpinan unit '{unit.nama}' ditulis '{unit.pimpinan}': sebutan kepala unit"
                f" menyebut unitnya (mis. 'Kepala {unit.nama}')",
            )
    if not data.ringkasan:
        return
    by_nama = {_sebutan_jabatan(j.nama): j for j in data.ringkasan}
    by_kode = {j.kode: j for j in data.ringkasan}
    by_unit = {u.kode: u for u in units}

    def kepala(unit: Unit) -> RingkasanJabatan | None:
        if not unit.pimpinan:
            return None
        return by_kode.get(unit.pimpinan) or by_nama.get(_sebutan_jabatan(unit.pimpinan))

    for unit in dipimpin:
        assert unit.pimpinan is not None  # in dipimpin
        head = kepala(unit)
        if head is None:  # not every jabatan has a file (an IKI card): nothing to compare
            continue
        induk = by_unit.get(unit.induk) if unit.induk else None
        if unit.induk is None:
            expected: RingkasanJabatan | None = None
        elif induk is not None and (atas := kepala(induk)) is not None:
            expected = atas
        else:
            continue  # the head of the unit above is not known
        if head.atasan != (expected.kode if expected else None):
            above = f"pimpinan '{induk.kode}' ({expected.kode})" if induk and expected else None
            yield (
                head.location(head.baris_atasan),
                f"jabatan '{head.kode}' memimpin unit '{unit.kode}', jadi atasannya"
                f" {above or 'Kepala Dinas (atasan kosong)'}, bukan"
                f" '{head.atasan or 'Kepala Dinas'}'",
            )
