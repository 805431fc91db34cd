"""People: NIP, names, atasan (ORG)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from dokgen.checks import FieldRef, Where, aturan
from dokgen.errors import saran
from dokgen.load import DataDinas
from dokgen.model import Pejabat

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
    units = {u.kode: u for u in (data.organisasi.unit if data.organisasi else [])}
    for jabatan in data.jabatan:
        unit = data.unit(jabatan.unit) if jabatan.unit else None
        if jabatan.unit and unit is None:
            yield (
                FieldRef(jabatan, ("unit",)),
                f"unit '{jabatan.unit}' tidak ada di organisasi.yaml{saran(jabatan.unit, units)}",
            )
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
