"""Dokumen IKU: what its sections need from the data (DOK).

A section without data is left out of the document (its number taken by the next); these rules
say so before the build, so the clerk knows what the document will lack. They judge only a dinas
that makes a Dokumen IKU (``dokumen-iku.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.checks import FieldRef, Where, aturan
from dokgen.errors import saran
from dokgen.load import DataDinas


def _dokumen(data: DataDinas) -> bool:
    return data.dokumen_iku is not None and data.renstra is not None


@aturan("DOK001", "peringatan", "dokumen")
def landasan_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Dokumen IKU menyebut peraturan Landasan Penyusunan dan dasar pembentukan dinas.

    Tanpa ``landasan`` bagian BAB I C. Landasan Penyusunan tidak dicetak; tanpa
    ``dasar_pembentukan`` (dan tanpa paragraf ``teks.dasar_hukum``) BAB II 2.1.1 hanya memuat
    kalimat umum.

    Gagal: dokumen-iku.yaml ::

        tahun: 2022  # ← temuan

    Lolos: dokumen-iku.yaml ::

        tahun: 2022
        landasan:
          - uu-23-2014
          - permenpan-9-2007
        dasar_pembentukan:
          - pp-18-2016
    """
    settings = data.dokumen_iku
    if settings is None or not _dokumen(data):
        return
    if not settings.landasan:
        yield (
            settings,
            "Landasan Penyusunan tidak dicetak: isi 'landasan' dengan kunci peraturan katalog",
        )
    if not settings.dasar_pembentukan and not settings.teks.dasar_hukum:
        yield (
            settings,
            "dasar hukum pembentukan dinas (BAB II 2.1.1) tidak dicetak: isi"
            " 'dasar_pembentukan' dengan kunci peraturan daerah pembentukannya",
        )


@aturan("DOK002", "galat", "dokumen")
def peraturan_tidak_dikenal(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap kunci ``landasan`` dan ``dasar_pembentukan`` ada di katalog atau peraturan.yaml.

    Gagal: dokumen-iku.yaml ::

        tahun: 2022
        landasan:
          - uu-23-2014
          - permenpan-9-2070  # ← temuan

    Lolos: dokumen-iku.yaml ::

        tahun: 2022
        landasan:
          - uu-23-2014
          - permenpan-9-2007
    """
    settings = data.dokumen_iku
    if settings is None:
        return
    for field in ("landasan", "dasar_pembentukan"):
        for i, key in enumerate(getattr(settings, field)):
            if key not in data.peraturan:
                hint = saran(key, data.peraturan) or " (tambahkan ke peraturan.yaml)"
                yield (
                    FieldRef(settings, (field, i)),
                    f"peraturan '{key}' tidak ada di katalog{hint}",
                )


@aturan("DOK003", "peringatan", "dokumen")
def bab_ii_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """BAB II Dokumen IKU mempunyai tugas dan fungsi dinas serta struktur organisasinya.

    Tanpa ``organisasi.yaml`` struktur organisasi (2.1.2) dan uraian tugas (2.1.3) tidak
    dicetak; tanpa ``tugas``/``fungsi`` di ``organisasi.yaml`` tugas dan fungsi dinas sendiri
    (2.1.1) tidak dicetak.

    Gagal: dokumen-iku.yaml ::

        tahun: 2022  # ← temuan

    Lolos: dokumen-iku.yaml ::

        tahun: 2022

    dan organisasi.yaml ::

        tugas:
          - Dinas mempunyai tugas melaksanakan urusan pemerintahan bidang koperasi.
        fungsi:
          - Perumusan kebijakan teknis bidang koperasi;
          - Pelaksanaan kebijakan bidang koperasi.
        unit:
          - kode: sekretariat
            nama: Sekretariat
    """
    settings = data.dokumen_iku
    if settings is None or not _dokumen(data):
        return
    organisasi = data.organisasi
    if organisasi is None:
        yield (
            settings,
            "BAB II tanpa tugas, fungsi dan struktur organisasi dinas: tidak ada organisasi.yaml",
        )
        return
    if not organisasi.unit:
        yield (
            organisasi,
            "struktur organisasi dan uraian tugas (BAB II) tidak dicetak: tidak ada unit di"
            " organisasi.yaml",
        )
    if not organisasi.tugas:
        yield organisasi, "tugas dinas (BAB II 2.1.1) tidak dicetak: isi 'tugas' di organisasi.yaml"
    if not organisasi.fungsi:
        yield (
            organisasi,
            "fungsi dinas (BAB II 2.1.1) tidak dicetak: isi 'fungsi' di organisasi.yaml",
        )


@aturan("DOK004", "peringatan", "dokumen")
def tujuan_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Renstra Dokumen IKU mempunyai tujuan, masing-masing dengan indikatornya.

    Tanpa tujuan, subbab 3.1 Tujuan dan tabel Rencana Kerja tidak dicetak (nomor subbab dan
    tabel berikutnya bergeser); tujuan tanpa indikator mencetak kolom Indikator Tujuan kosong;
    indikator tujuan tanpa target mencetak baris "–" di tabel Rencana Kerja.

    Gagal: dokumen-iku.yaml ::

        tahun: 2022

    dan renstra.yaml ::

        periode: {awal: 2021, akhir: 2026}  # ← temuan

    Lolos: dokumen-iku.yaml ::

        tahun: 2022

    dan renstra.yaml ::

        tujuan:
          - kode: T1
            uraian: Meningkatnya koperasi yang sehat
            indikator:
              - kode: IT-1
                uraian: Persentase koperasi aktif
                satuan: "%"
                target: {2022: 60, 2023: 62, 2024: 64, 2025: 66, 2026: 68}
    """
    renstra = data.renstra
    if renstra is None or not _dokumen(data):
        return
    if not renstra.tujuan:
        yield (
            renstra,
            "Renstra tanpa tujuan: subbab 3.1 Tujuan dan tabel Rencana Kerja Dokumen IKU tidak"
            " dicetak",
        )
    years = [y for y in renstra.periode.tahun if y != renstra.tahun_dasar]
    for tujuan in renstra.tujuan:
        if not tujuan.indikator:
            yield tujuan, f"tujuan {tujuan.kode} belum mempunyai indikator tujuan"
        for indikator in tujuan.indikator:
            if not any(y in indikator.target for y in years):
                yield (
                    indikator,
                    f"indikator tujuan {indikator.kode} belum mempunyai target: barisnya di tabel"
                    ' Rencana Kerja hanya berisi "–"',
                )


@aturan("DOK005", "peringatan", "dokumen")
def rpjmd_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Renstra Dokumen IKU menyebut visi dan bagian RPJMD yang didukungnya.

    Tanpa ``visi`` dan ``rpjmd`` kepala tabel cascading kehilangan VISI, MISI dan TUJUAN;
    tanpa ``rpjmd`` yang bersasaran tabel keselarasan RPJMD → Renstra → IKU tidak dicetak;
    sasaran tanpa ``rpjmd`` tidak masuk tabel itu.

    Gagal: dokumen-iku.yaml ::

        tahun: 2022

    dan renstra.yaml ::

        periode: {awal: 2021, akhir: 2026}  # ← temuan

    Lolos: dokumen-iku.yaml ::

        tahun: 2022

    dan renstra.yaml ::

        visi: Terwujudnya masyarakat yang sejahtera
        rpjmd:
          misi:
            - nomor: "4"
              uraian: Memperkuat ekonomi daerah
              tujuan:
                - nomor: "4.1"
                  uraian: Meningkatnya pertumbuhan ekonomi
                  indikator: [Pertumbuhan ekonomi]
                  sasaran:
                    - nomor: "4.1.1"
                      uraian: Meningkatnya sektor unggulan daerah
        sasaran:
          - kode: S1
            rpjmd: "4.1.1"
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah seluruh koperasi
                sumber_data: Bidang Kelembagaan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}
    """
    renstra = data.renstra
    if renstra is None or not _dokumen(data):
        return
    if not renstra.visi:
        yield renstra, "Renstra tanpa visi: kepala tabel cascading Dokumen IKU tanpa VISI"
    rpjmd = renstra.rpjmd.sasaran if renstra.rpjmd else {}
    if not rpjmd:
        yield (
            renstra,
            "Renstra tanpa sasaran RPJMD ('rpjmd'): tabel keselarasan RPJMD, Renstra dan IKU"
            " tidak dicetak",
        )
        return
    for sasaran in renstra.sasaran_ber_iku:
        if sasaran.rpjmd is None:
            yield (
                sasaran,
                f"sasaran {sasaran.kode} tidak dikaitkan ke sasaran RPJMD ('rpjmd'): tidak masuk"
                " tabel keselarasan",
            )


@aturan("DOK006", "galat", "dokumen")
def rpjmd_tidak_dikenal(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """``rpjmd`` sebuah sasaran menyebut nomor sasaran RPJMD yang ada di ``rpjmd`` Renstra.

    Gagal: renstra.yaml ::

        rpjmd:
          misi:
            - nomor: "4"
              uraian: Memperkuat ekonomi daerah
              tujuan:
                - nomor: "4.1"
                  uraian: Meningkatnya pertumbuhan ekonomi
                  sasaran:
                    - nomor: "4.1.1"
                      uraian: Meningkatnya sektor unggulan daerah
        sasaran:
          - kode: S1
            rpjmd: "4.1.2"  # ← temuan
            uraian: Meningkatnya kinerja kelembagaan koperasi

    Lolos: renstra.yaml ::

        rpjmd:
          misi:
            - nomor: "4"
              uraian: Memperkuat ekonomi daerah
              tujuan:
                - nomor: "4.1"
                  uraian: Meningkatnya pertumbuhan ekonomi
                  sasaran:
                    - nomor: "4.1.1"
                      uraian: Meningkatnya sektor unggulan daerah
        sasaran:
          - kode: S1
            rpjmd: "4.1.1"
            uraian: Meningkatnya kinerja kelembagaan koperasi
    """
    renstra = data.renstra
    if renstra is None:
        return
    rpjmd = renstra.rpjmd.sasaran if renstra.rpjmd else {}
    for sasaran in renstra.semua_sasaran:
        if sasaran.rpjmd is not None and sasaran.rpjmd not in rpjmd:
            hint = saran(sasaran.rpjmd, rpjmd)
            yield (
                FieldRef(sasaran, ("rpjmd",)),
                f"sasaran RPJMD '{sasaran.rpjmd}' tidak ada di 'rpjmd' Renstra{hint}",
            )


@aturan("DOK007", "peringatan", "dokumen")
def cascade_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Sedikitnya satu program mendukung IKU, agar tabel cascading Dokumen IKU dicetak.

    Gagal: dokumen-iku.yaml ::

        tahun: 2022

    dan renstra.yaml ::

        program:  # ← temuan
          - kode: "2.17.05"
            nama: Program Pengawasan dan Pemeriksaan Koperasi

    Lolos: dokumen-iku.yaml ::

        tahun: 2022
    """
    renstra = data.renstra
    if renstra is None or not _dokumen(data):
        return
    kodes = {i.kode for s in renstra.semua_sasaran for i in s.indikator}
    if not any(set(p.iku) & kodes for p in renstra.program):
        where: Where = FieldRef(renstra, ("program",)) if renstra.program else renstra
        yield (
            where,
            "tidak ada program yang mendukung IKU ('iku' program): tabel cascading Dokumen IKU"
            " tidak dicetak",
        )


@aturan("DOK008", "info", "dokumen")
def capaian_kosong(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap IKU mempunyai realisasi untuk tabel Capaian IKU.

    Tanpa realisasi satu pun tabel Capaian hanya berisi "–" di samping tabel IKU yang sama: tidak
    dicetak. Bila dicetak, IKU tanpa realisasi mengisi barisnya dengan "–".

    Gagal: dokumen-iku.yaml ::

        tahun: 2022

    dan renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1  # ← temuan
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah seluruh koperasi
                sumber_data: Bidang Kelembagaan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}

    Lolos: dokumen-iku.yaml ::

        tahun: 2022

    dan renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah seluruh koperasi
                sumber_data: Bidang Kelembagaan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}
                realisasi: {2022: 71}
    """
    renstra = data.renstra
    if renstra is None or not _dokumen(data):
        return
    iku = [i for s in renstra.sasaran_ber_iku for i in s.indikator]
    if iku and not any(i.realisasi for i in iku):
        yield iku[0], "belum ada realisasi IKU: tabel Capaian IKU tidak dicetak"
        return
    for indikator in iku:
        if not indikator.realisasi:
            yield (
                indikator,
                f"IKU {indikator.kode} belum mempunyai realisasi: barisnya di tabel Capaian IKU"
                ' hanya berisi "–"',
            )


@aturan("DOK009", "galat", "dokumen")
def tanggal_lain_tahun(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Tanggal tanda tangan Dokumen IKU jatuh pada tahun dokumennya.

    Gagal: dokumen-iku.yaml ::

        tahun: 2022
        bulan: 2021-08  # ← temuan

    Lolos: dokumen-iku.yaml ::

        tahun: 2022
        bulan: 2022-08
    """
    settings = data.dokumen_iku
    if settings is None:
        return
    pada = settings.pada()
    if pada is not None and pada.year != settings.tahun:
        field = "tanggal" if settings.tanggal else "bulan"
        yield (
            FieldRef(settings, (field,)),
            f"tanggal tanda tangan ({pada.year}) tidak jatuh pada tahun dokumen {settings.tahun}",
        )
