"""Consistency: names, periods and figures agree with this dinas and its data (KON)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from dokgen import capaian
from dokgen.checks import TeksBebas, Where, aturan, normal, texts
from dokgen.load import DataDinas, semua_indikator
from dokgen.model import PERSEN_URAIAN as PERSEN
from dokgen.model import Indikator

_DINAS = re.compile(r"\b(Dinas)((?:\s+(?:dan\s+)?[A-Z][\w&-]*)+)")
_URUSAN = (
    "pendidikan|kesehatan|sosial|perhubungan|pertanian|pariwisata|perindustrian|perdagangan"
    "|lingkungan hidup|pekerjaan umum|kependudukan|tenaga kerja|ketenagakerjaan|komunikasi"
    "|perikanan|peternakan|kebudayaan|kepemudaan|perpustakaan|kearsipan|penanaman modal"
    "|pemadam kebakaran|ketahanan pangan|kelautan|kehutanan|perumahan|koperasi"
)
_DINAS_KECIL = re.compile(rf"\b(dinas|DINAS)\s+({_URUSAN}|{_URUSAN.upper()})\b")
"""'dinas pendidikan', 'DINAS PENDIDIKAN': only with a known affair after it ('dinas terkait',
'SEKRETARIS DINAS DALAM RANGKA …' name none)."""
_SINGKATAN_LAIN = re.compile(
    r"\b(Bappeda|Bapenda|BPKAD|BKD|BKPSDM|Disdik|Dinkes|Dispendik)\b", re.IGNORECASE
)
_WILAYAH = re.compile(
    r"\b(Kabupaten|Kota|KABUPATEN|KOTA|kabupaten|kota)\s+"
    r"([A-Z][a-z]+(?:\s+(?!Tahun\b|Nomor\b)[A-Z][a-z]+)?"  # Kota Bandar Lampung
    r"|[A-Z]{3,}(?:\s+(?!TAHUN\b|NOMOR\b)[A-Z]{3,})?)"  # KOTA BANDAR LAMPUNG
)
_NAMA_INSTANSI = re.compile(
    r"dinas|kabupaten|kota|bappeda|bapenda|bpkad|bkd|bkpsdm|disdik|dinkes|dispendik"
)
"""Searched in the text in lower case: eight times faster than with re.IGNORECASE."""
_PERIODE = re.compile(
    r"\b((?:19|20)\d{2})\s*"
    r"(?:[-–—/]|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga)"  # 2016-2021, 2016 s.d. 2021 …
    r"\s*((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_RPJ = re.compile(
    r"\b(RPJMD|RPJPD|RPJMN|RPJPN|Rencana Pembangunan Jangka (?:Menengah|Panjang))\b", re.IGNORECASE
)


@aturan("KON001", "galat", "konsistensi", lingkup="jabatan")
def instansi_lain(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Teks bebas tidak menyebut instansi atau daerah lain sebagai dinas ini.

    Untuk Dinas Koperasi dan UKM Kota Bandar Lampung: seed 001 menyebut Bappeda di Menimbang,
    seed 002 menyebut Dinas Pendidikan di laporan dinas koperasi.

    Gagal: keputusan-iku.yaml ::

        menimbang:
          - perlu ditetapkan Perubahan IKU Bappeda Kota Bandar Lampung  # ← temuan

    Gagal: jabatan/02-kasubag-umum.yaml ::

        tugas:
          - Melaksanakan tugas lain yang diberikan oleh Kepala Dinas Pendidikan  # ← temuan

    Gagal: keputusan-iku.yaml ::

        menimbang:
          - perlu ditetapkan IKU Dinas Koperasi dan UKM Kabupaten Lumajang  # ← temuan

    Huruf besar atau kecil tidak mengubah nama ("DINAS PENDIDIKAN", "dinas pendidikan"):

    Gagal: jabatan/02-kasubag-umum.yaml ::

        fungsi:
          - Pelaksanaan koordinasi dengan DINAS PENDIDIKAN KABUPATEN SIDOARJO  # ← temuan

    Lolos: keputusan-iku.yaml ::

        menimbang:
          - perlu ditetapkan Perubahan IKU Dinas Koperasi dan UKM Kota Bandar Lampung

    Lolos: jabatan/02-kasubag-umum.yaml ::

        tugas:
          - Melaksanakan tugas lain yang diberikan oleh Kepala Dinas
    """
    own = data.dinas.nama.split(" ", 1)[1].lower() if " " in data.dinas.nama else ""
    singkatan = (data.dinas.singkatan or "").lower()
    region = data.dinas.pemda.nama.lower()
    for where, text, _, _ in texts(data):
        if not _NAMA_INSTANSI.search(text.lower()):  # cheap guard: most name no agency or place
            continue
        for match in [*_DINAS.finditer(text), *_DINAS_KECIL.finditer(text)]:
            name = match.group(2).strip().lower()
            if not (name.startswith(own) or own.startswith(name)):
                yield where, f"menyebut '{match[0]}', bukan {data.dinas.nama}: ganti atau hapus"
        for match in _SINGKATAN_LAIN.finditer(text):
            if match.group(1).lower() != singkatan:
                yield where, f"menyebut '{match[1]}', bukan {data.dinas.nama}: ganti atau hapus"
        for match in _WILAYAH.finditer(text):
            place = match.group(2).lower()
            if not (place.startswith(region) or region.startswith(place)):
                yield (
                    where,
                    f"menyebut '{match[0]}', bukan {data.dinas.pemda.sebutan}: ganti atau hapus",
                )


@aturan("KON002", "galat", "konsistensi", lingkup="jabatan")
def periode_lain(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Periode yang disebut di teks adalah periode Renstra, kecuali dalam kutipan peraturannya.

    Periode lain boleh ada di judul peraturan yang dikutip (judul ``tentang`` sebuah peraturan
    di katalog, dibandingkan tanpa huruf besar dan tanda baca) atau sesudah sebutan RPJMD/RPJPD
    yang periodenya tercatat di katalog (``periode``). Ditulis "2016-2021", "2016 – 2021",
    "2016/2021", "2016 s.d. 2021" atau "2016 sampai dengan 2021". Untuk Renstra 2021–2026 (seed
    001 menyebut periode yang lalu):

    Gagal: keputusan-iku.yaml ::

        menimbang:
          - menetapkan Perubahan IKU Perangkat Daerah Tahun 2016-2021  # ← temuan

    Gagal: keputusan-iku.yaml ::

        menimbang:
          - bahwa perlu ditetapkan Keputusan tentang IKU Tahun 2016 s.d. 2021  # ← temuan

    Lolos: keputusan-iku.yaml ::

        menimbang:
          - menetapkan Perubahan IKU Perangkat Daerah Tahun 2021 sampai dengan 2026

    Lolos: keputusan-iku.yaml di data/bandarlampung-diskopukm ::

        menimbang:
          - dengan telah ditetapkannya Peraturan Walikota Bandar Lampung Nomor 40 Tahun 2018
            tentang Perubahan Indikator Kinerja Utama Pemerintah Kota Bandar Lampung Tahun
            2016-2021, IKU Dinas perlu ditetapkan untuk RPJPD Tahun 2005–2025
    """
    if data.renstra is None:
        return
    awal, akhir = data.renstra.periode.awal, data.renstra.periode.akhir
    judul: list[tuple[str, set[tuple[int, int]]]] | None = None
    for where, text, _, _ in texts(data):
        for match in _PERIODE.finditer(text):
            start, end = int(match.group(1)), int(match.group(2))
            if (start, end) == (awal, akhir):
                continue
            if judul is None:
                judul = _judul_berperiode(data)
            if _dalam_kutipan(text, match.start(), (start, end), judul):
                continue
            yield (
                where,
                (
                    f"menyebut periode {start}–{end}, bukan periode Renstra {awal}–{akhir}: ganti"
                    " periodenya (periode lain hanya dalam judul peraturan yang dikutip)"
                ),
            )


def _judul_berperiode(data: DataDinas) -> list[tuple[str, set[tuple[int, int]]]]:
    """(title as :func:`normal` text, periods in it) of every catalogued regulation whose title
    names a period, and ('rpjmd', its period) for each RPJMD/RPJPD the catalogue dates."""
    result = []
    for peraturan in data.peraturan.values():
        periods = {(int(a), int(b)) for a, b in _PERIODE.findall(peraturan.tentang)}
        if periods:
            result.append((normal(peraturan.tentang), periods))
        if peraturan.periode and _RPJ.search(peraturan.tentang):
            result.append(("rpjmd", {(peraturan.periode.awal, peraturan.periode.akhir)}))
    return result


def _dalam_kutipan(
    text: str, position: int, period: tuple[int, int], judul: list[tuple[str, set[tuple[int, int]]]]
) -> bool:
    """True when ``period`` at ``position`` of ``text`` belongs to a cited regulation: the text
    holds the title of one naming that period, or an RPJMD/RPJPD of that period is named in the
    same clause before it."""
    teks = normal(text)
    clause = re.split(r"[;:]", text[:position])[-1]
    for title, periods in judul:
        if period in periods and (_RPJ.search(clause) if title == "rpjmd" else title in teks):
            return True
    return False


@aturan("KON003", "galat", "konsistensi")
def realisasi_melebihi_pagu(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Realisasi anggaran sampai suatu triwulan tidak melebihi pagu kegiatan.

    Realisasi dijumlahkan dari triwulan I sampai triwulan itu. Untuk kegiatan 2.17.05.2.01 dengan
    pagu 2.500.000 pada tahun 2024:

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        anggaran:
          "2.17.05.2.01": 3.000.000  # ← temuan

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        anggaran:
          "2.17.05.2.01": 1.500.000

    dan realisasi/2024-2.yaml ::

        tahun: 2024
        triwulan: 2
        anggaran:
          "2.17.05.2.01": 1.500.000  # ← temuan

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        anggaran:
          "2.17.05.2.01": 1.000.000

    dan realisasi/2024-2.yaml ::

        tahun: 2024
        triwulan: 2
        anggaran:
          "2.17.05.2.01": 1.500.000
    """
    for program in data.renstra.program if data.renstra else []:
        for kegiatan in program.kegiatan:
            for laporan in data.realisasi:
                if kegiatan.kode not in laporan.anggaran:
                    continue
                serapan = capaian.serapan_kegiatan(
                    kegiatan, data.realisasi, laporan.tahun, laporan.triwulan
                )
                if serapan.realisasi is not None and serapan.realisasi > serapan.pagu:
                    yield (
                        laporan.location_of("anggaran", kegiatan.kode),
                        (
                            f"realisasi kegiatan {kegiatan.kode} sampai triwulan {laporan.triwulan}"
                            f" ({serapan.realisasi:,}) melebihi pagu ({serapan.pagu:,})".replace(
                                ",", "."
                            )
                        ),
                    )


@aturan("KON004", "galat", "konsistensi")
def persen_di_atas_seratus(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Realisasi indikator persentase berbentuk bagian (pembilang/penyebut) tidak lebih dari 100.

    Untuk IKU-1 "Persentase koperasi sehat dan cukup sehat" dengan pembilang dan penyebut:

    Gagal: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        indikator:
          IKU-1: 120  # ← temuan

    Lolos: realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        indikator:
          IKU-1: 88,0

    Realisasi tahunan di Renstra juga diperiksa; persentase yang bukan bagian dari keseluruhan
    (pertumbuhan, dengan formula teks) boleh melebihi 100:

    Gagal: renstra.yaml ::

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
                realisasi: {2023: 120}  # ← temuan

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya usaha mikro
            indikator:
              - kode: IKU-1
                uraian: Pertumbuhan omzet usaha mikro
                satuan: "%"
                formula: Selisih omzet tahun ini dan tahun lalu dibagi omzet tahun lalu × 100%
                realisasi: {2023: 120}
    """
    indikator = {k: i for k, i in _indikator(data).items() if _bagian(i)}
    for laporan in data.realisasi:
        for kode, nilai in laporan.indikator.items():
            if kode in indikator and nilai > 100:
                yield (
                    laporan.location_of("indikator", kode),
                    (
                        f"realisasi {kode} = {nilai} %, padahal bagian dari keseluruhan tidak dapat"
                        " melebihi 100 %"
                    ),
                )
    for ind in indikator.values():
        for tahun, nilai in ind.realisasi.items():
            if nilai > 100:
                yield (
                    ind.location_of("realisasi", str(tahun)),
                    f"realisasi {ind.kode} tahun {tahun} = {nilai} % melebihi 100 %",
                )


@aturan("KON005", "peringatan", "konsistensi")
def nol_mungkin_belum_diukur(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Realisasi indikator 0 kemungkinan berarti "belum diukur": hapus nilainya bila begitu.

    Seed 002 menulis 0 untuk koperasi sehat (IKU-2) di triwulan II, padahal penilaiannya belum
    dilakukan. Realisasi yang tidak ditulis dicetak "–".

    Gagal: realisasi/2019-2.yaml di data/lumajang-diskopum ::

        indikator:
          IKU-1: 74,68
          IKU-2: 0  # ← temuan
          IKU-3: 5,45

    Lolos: realisasi/2019-2.yaml di data/lumajang-diskopum ::

        indikator:
          IKU-1: 74,68
          IKU-3: 5,45

    Realisasi tahunan di Renstra juga diperiksa:

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Jumlah koperasi yang dinilai kesehatannya
                realisasi: {2022: 38, 2023: 0}  # ← temuan

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Jumlah koperasi yang dinilai kesehatannya
                realisasi: {2022: 38}
    """
    for laporan in data.realisasi:
        for kode, nilai in laporan.indikator.items():
            if nilai == 0:
                yield (
                    laporan.location_of("indikator", kode),
                    (f"realisasi {kode} = 0: bila belum diukur, hapus barisnya (dicetak '–')"),
                )
    for ind in _indikator(data).values():
        for tahun, nilai in ind.realisasi.items():
            if nilai == 0:
                yield (
                    ind.location_of("realisasi", str(tahun)),
                    (f"realisasi {ind.kode} tahun {tahun} = 0: bila belum diukur, hapus barisnya"),
                )


def _bagian(ind: Indikator) -> bool:
    """A share of a whole: a percentage written as pembilang over penyebut."""
    percent = ind.satuan == "%" or bool(PERSEN.match(ind.uraian))
    return percent and ind.formula is not None and ind.formula.pecahan


def _indikator(data: DataDinas) -> dict[str, Indikator]:
    return {i.kode: i for i in semua_indikator(data.renstra)} if data.renstra else {}


_LABEL = re.compile(
    r"""^\s*(
        \(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zA-Z]|(?i:i{1,3}|iv|vi{0,3}|ix|x))[.)]  # a. b) 1. 2) (3) i.
        | [-–—•·▪●◦►➢*]                                                        # - • ▪ …
    )\s+(?=\S)""",
    re.VERBOSE,
)
_PARAGRAF = ("TeksIku.", "TeksLkj.", "Renstra.visi", "Organisasi.tugas", "Unit.tugas")
"""Texts printed as paragraphs, not as numbered or lettered items."""


@aturan("KON006", "galat", "konsistensi", lingkup="jabatan")
def label_diketik(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Butir daftar, nama dan uraian tidak diawali huruf, nomor atau tanda butir yang diketik.

    dokgen menomori sendiri butir tugas, fungsi, menimbang, misi, kendala, langkah … dan baris
    tabel (sasaran, indikator, program, kegiatan); label yang diketik tercetak dua kali
    ("a. b. Melaksanakan …"). Paragraf (teks Dokumen IKU dan LKj, tugas pokok dinas) dicetak apa
    adanya, sehingga label di awalnya membuat daftar palsu yang tidak dinomori dokgen.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        tugas:
          - Menyiapkan bahan pelayanan umum dan kepegawaian
          - b. Melaksanakan tugas lain yang diberikan oleh atasan  # ← temuan

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: 4. Persentase koperasi sehat dan cukup sehat  # ← temuan
                satuan: "%"

    Gagal: keputusan-iku.yaml ::

        menimbang:
          - 1) bahwa Indikator Kinerja Utama perlu ditetapkan  # ← temuan

    Lolos: jabatan/02-kasubag-umum.yaml ::

        tugas:
          - Menyiapkan bahan pelayanan umum dan kepegawaian
          - Melaksanakan tugas lain yang diberikan oleh atasan

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: 1 (satu) dokumen Renstra yang ditetapkan
                satuan: Dokumen
    """
    for where, text, jenis, _ in texts(data):
        match = _LABEL.match(text)
        if match is None:
            continue
        label = match.group(1)
        if jenis.startswith(_PARAGRAF):
            yield (
                where,
                (
                    f"paragraf diawali label daftar '{label}': dokgen mencetak paragraf tanpa"
                    " nomor, hapus label itu dan tulis kalimat utuh"
                ),
            )
        else:
            yield (
                where,
                f"'{label}' diketik di awal teks: dokgen menomori butir sendiri, hapus '{label}'",
            )


_SATUAN = r"(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
_KATA = rf"(?:{_SATUAN}(?:\s+belas|\s+puluh(?:\s+(?:satu|{_SATUAN}))?)?|satu|sepuluh|sebelas)"
_HITUNGAN = re.compile(
    rf"""(?<![\w.,/-])
    (?:(?P<angka>\d{{1,3}})(?:\s*\(\s*(?P<eja>{_KATA})\s*\))?|(?P<kata>{_KATA}))
    \s+(?P<benda>indikator\s+kinerja\s+utama|iku|tujuan|sasaran|program|kegiatan|misi|bidang)
    (?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
_BENDA = re.compile(r"indikator kinerja utama|iku|tujuan|sasaran|program|kegiatan|misi|bidang")
_BILANGAN = re.compile(rf"\d|{_KATA}")
"""Cheap guards, searched in the text in lower case: a count names a thing and a number."""
_BUKAN_HITUNGAN = frozenset(
    {
        "tahun", "triwulan", "nomor", "no", "bab", "pasal", "ayat", "tabel", "lampiran", "angka",
        "butir", "huruf", "salah", "sasaran", "tujuan", "program", "kegiatan", "misi", "iku",
        "indikator", "bidang", "kode", "gambar", "halaman", "diktum", "ke",
    }
)  # fmt: skip
"""Words before a number that make it a label or a date, not a count ('Sasaran 2 …')."""


@cache
def _nilai_kata() -> dict[str, int]:
    """'dua belas' → 12 for the counts prose spells (num2words, imported when needed)."""
    from dokgen.format import terbilang

    return {terbilang(n): n for n in range(1, 100)}


def _jumlah_benar(data: DataDinas) -> dict[str, set[int]]:
    """Every count of each noun the data holds: the whole and each group (the sasaran of one
    tujuan, the IKU of one sasaran, the kegiatan of one program); empty when the data has none."""
    result: dict[str, set[int]] = {}
    renstra = data.renstra
    if renstra is not None:
        sasaran = renstra.semua_sasaran
        result["tujuan"] = {len(renstra.tujuan)}
        result["sasaran"] = {len(sasaran)} | {len(t.sasaran) for t in renstra.tujuan}
        result["iku"] = (
            {sum(len(s.indikator) for s in sasaran)}
            | {len(s.indikator) for s in sasaran}
            | {sum(len(s.indikator) for s in t.sasaran) for t in renstra.tujuan}
        )
        result["program"] = {len(renstra.program)} | {
            sum(p.sasaran == s.kode for p in renstra.program) for s in sasaran
        }
        result["kegiatan"] = {sum(len(p.kegiatan) for p in renstra.program)} | {
            len(p.kegiatan) for p in renstra.program
        }
        result["misi"] = {len(renstra.misi)} | {len(renstra.rpjmd.misi) if renstra.rpjmd else 0}
    if data.organisasi is not None:
        result["bidang"] = {sum(u.nama.lower().startswith("bidang") for u in data.organisasi.unit)}
    return {noun: counts - {0} for noun, counts in result.items() if counts - {0}}


@aturan("KON007", "galat", "konsistensi", lingkup="jabatan")
def hitungan_lain(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Banyaknya sasaran, IKU, program, kegiatan … yang ditulis di teks sama dengan data.

    Diperiksa: tujuan, sasaran, IKU (indikator kinerja utama), program, kegiatan, misi, bidang.

    Hitungan dicocokkan dengan seluruhnya dan dengan tiap kelompok (sasaran satu tujuan, IKU
    satu sasaran, kegiatan satu program); "… yang …" boleh menyebut sebagian, tidak lebih dari
    seluruhnya. "Sasaran 2" dan "tahun 2 program" adalah label, bukan hitungan; formula tidak
    dibaca (di sana "12 kegiatan" adalah yang dihitung). Untuk data dasar dengan satu sasaran dan
    satu IKU:

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                penjelasan: Satu dari 3 (tiga) sasaran Renstra  # ← temuan

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                penjelasan: 1 (satu) sasaran dengan 1 IKU untuk 5 (lima) tahun, Sasaran 2 RPJMD
    """
    benar: dict[str, set[int]] | None = None
    for item in texts(data):
        low = item.teks.lower()
        if item.jenis.startswith("Formula.") or not (_BENDA.search(low) and _BILANGAN.search(low)):
            continue  # a formula counts its own things ('12 kegiatan pelatihan'): RUM005's
        if benar is None:
            benar = _jumlah_benar(data)
        yield from _hitungan_teks(item, benar)


def _hitungan_teks(item: TeksBebas, benar: dict[str, set[int]]) -> Iterator[tuple[Where, str]]:
    for match in _HITUNGAN.finditer(item.teks):
        before = item.teks[: match.start()].split()
        if before and normal(before[-1]) in _BUKAN_HITUNGAN:
            continue
        benda = normal(match["benda"])
        noun = "iku" if benda == "indikator kinerja utama" else benda
        kata = _nilai_kata()
        if match["angka"]:
            n = int(match["angka"])
            if match["eja"] and kata.get(normal(match["eja"])) != n:
                yield (
                    item.where,
                    (
                        f"'{match[0]}': angka {n} dan ejaannya '{match['eja']}' berbeda; samakan"
                        " keduanya"
                    ),
                )
                continue
        else:
            word = normal(match["kata"])
            if word == "satu" or word not in kata:  # "satu program" is rarely a count
                continue
            n = kata[word]
        counts = benar.get(noun)
        if not counts or n in counts:
            continue
        after = item.teks[match.end() :].split()
        sebagian = bool(after) and normal(after[0]) in {"yang", "strategis", "prioritas"}
        if sebagian and n <= max(counts):
            continue
        total = max(counts)
        yield (
            item.where,
            (
                f"'{match[0]}' tidak sesuai data: ada {total} {match['benda']}; perbaiki"
                " hitungannya atau hapus"
            ),
        )
