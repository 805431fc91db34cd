"""Formulas: percentages are ratios, right side up, and say how to compute (RUM)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dokgen.checks import Where, aturan, normal
from dokgen.load import DataDinas, semua_indikator
from dokgen.model import PERSEN_URAIAN as PERSEN
from dokgen.model import Formula, Model

_SELURUH = re.compile(r"\b(seluruh|semua|total|keseluruhan)\b", re.IGNORECASE)
_ANGKA = re.compile(r"\d+(?:[.,]\d+)*")


def indikator_berformula(
    data: DataDinas,
) -> Iterator[tuple[Model, str, Formula | None, str | None]]:
    """(object, uraian, formula, satuan) of every indicator of the Renstra — tujuan, sasaran (the
    IKU), program and kegiatan — and of every IKI row."""
    if data.renstra is not None and not data.lingkup_jabatan:
        for ind in semua_indikator(data.renstra):
            yield ind, ind.uraian, ind.formula, ind.satuan
    for jabatan in data.jabatan:
        for sasaran in jabatan.iki:
            for row in sasaran.indikator:
                yield row, row.uraian, row.formula, None


@aturan("RUM001", "galat", "rumus", lingkup="jabatan")
def persentase_bukan_persen(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Indikator "Persentase …" bersatuan "%".

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya usaha mikro
            indikator:
              - kode: IKU-1
                uraian: Persentase Peningkatan Usaha Mikro
                satuan: Unit  # ← temuan

    Indikator tujuan, program dan kegiatan juga diperiksa:

    Gagal: renstra.yaml ::

        tujuan:
          - kode: T1
            uraian: Meningkatnya peran koperasi dalam perekonomian daerah
            indikator:
              - kode: IT-1
                uraian: Persentase koperasi aktif
                satuan: Unit  # ← temuan

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya usaha mikro
            indikator:
              - kode: IKU-1
                uraian: Persentase Peningkatan Usaha Mikro
                satuan: "%"
    """
    for obj, uraian, _, satuan in indikator_berformula(data):
        if PERSEN.match(uraian) and satuan and satuan.strip() != "%":
            yield (
                obj.location_of("satuan"),
                f"'{uraian}' adalah persentase tetapi satuannya '{satuan}'",
            )


@aturan("RUM002", "galat", "rumus", lingkup="jabatan")
def persentase_tanpa_pecahan(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Indikator "Persentase …" dirumuskan sebagai pecahan: pembilang, penyebut, × 100%.

    Berlaku untuk indikator tujuan, sasaran (IKU), program dan kegiatan, dan baris IKI.

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat
                formula: Jumlah koperasi sehat dibagi jumlah koperasi  # ← temuan

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya pelayanan kepegawaian
            indikator:
              - uraian: Persentase PNS yang mendapat pelayanan tepat waktu
                formula: PNS yang dilayani tepat waktu per PNS yang mengajukan  # ← temuan

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat
                formula:
                  pembilang: Jumlah koperasi sehat
                  penyebut: Jumlah koperasi yang dinilai
    """
    for obj, uraian, formula, _ in indikator_berformula(data):
        if PERSEN.match(uraian) and formula is not None and not formula.pecahan:
            yield (
                obj.location_of("formula"),
                (f"'{uraian}' adalah persentase: tulis formula sebagai pembilang dan penyebut"),
            )


@aturan("RUM003", "galat", "rumus", lingkup="jabatan")
def pecahan_terbalik(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Pembilang adalah bagian dari penyebut, bukan sebaliknya.

    Terbalik bila pembilang menyebut keseluruhan ("seluruh", "semua", "total") dan penyebut
    tidak; bila kata-kata pembilang hanya sebagian dari kata-kata penyebut (penyebut yang lebih
    sempit: "Jumlah koperasi" / "Jumlah koperasi sehat"); bila penyebut adalah selisih dan
    pembilang salah satu sukunya (pertumbuhan: selisih dibagi tahun lalu, bukan sebaliknya); atau
    bila nama indikator lebih cocok dengan penyebut daripada pembilang. Seed 001 mencetak pecahan
    ini terbalik:

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat
                formula:  # ← temuan
                  pembilang: Jumlah seluruh koperasi
                  penyebut: Jumlah koperasi sehat

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Persentase berkas pegawai yang dimutakhirkan
                formula:  # ← temuan
                  pembilang: Jumlah berkas pegawai
                  penyebut: Jumlah berkas pegawai yang dimutakhirkan

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat
                formula:  # ← temuan
                  pembilang: Koperasi yang dinilai
                  penyebut: Koperasi dengan predikat sehat

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat
                formula:
                  pembilang: Jumlah koperasi sehat
                  penyebut: Jumlah seluruh koperasi

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya usaha mikro
            indikator:
              - kode: IKU-1
                uraian: Persentase pertumbuhan usaha mikro
                formula:
                  pembilang: Jml UM thn N - Jml UM thn N-1
                  penyebut: Jml UM thn N-1
    """
    for obj, uraian, formula, _ in indikator_berformula(data):
        if formula is None or not formula.pecahan:
            continue
        why = terbalik(uraian, formula.pembilang or "", formula.penyebut or "")
        if why:
            yield (
                obj.location_of("formula"),
                f"formula '{uraian}' terbalik: {why}; tukar pembilang dan penyebut",
            )


def terbalik(uraian: str, atas: str, bawah: str) -> str | None:
    """Why the fraction ``atas`` / ``bawah`` of indicator ``uraian`` is upside down, or None."""
    kata_atas, kata_bawah = _kata(atas), _kata(bawah)
    if _SELURUH.search(atas) and not _SELURUH.search(bawah):
        return f"pembilang '{atas}' adalah keseluruhan"
    suku = _SELISIH.split(bawah)
    if len(suku) == 2 and normal(atas) in {normal(s) for s in suku}:
        return f"penyebut '{bawah}' adalah selisih dan pembilang '{atas}' salah satu sukunya"
    if kata_atas and kata_atas < kata_bawah:
        return f"penyebut '{bawah}' lebih sempit dari pembilang '{atas}'"
    nama = _akar(_kata(uraian) - _JENIS)
    if _sama(nama, _akar(kata_atas)) < _sama(nama, _akar(kata_bawah)):
        return f"nama indikator cocok dengan penyebut '{bawah}', bukan dengan pembilang"
    return None


_SELISIH = re.compile(r"\s+(?:[-–—−]|dikurangi|minus)\s+", re.IGNORECASE)
"""The minus of a growth formula ('Jml UM thn N - Jml UM thn N-1'); 'N-1' has no spaces."""
_BUKAN_KATA = frozenset(
    {
        "yang", "yg", "dan", "di", "ke", "dari", "jumlah", "jml", "banyaknya", "banyak", "pada",
        "dalam", "oleh", "untuk", "atau", "serta", "dengan", "seluruh", "semua", "total",
    }
)  # fmt: skip
"""Words that say nothing of which set is counted."""
_JENIS = frozenset({"persentase", "presentase", "prosentase", "rasio", "tingkat", "indeks"})


def _kata(text: str) -> frozenset[str]:
    """The words of ``text`` that name what is counted (:func:`normal`, minus filler words)."""
    return frozenset(normal(text).split()) - _BUKAN_KATA


_AWALAN = re.compile(r"^(?:ber|per|pem|pen|peng|pe|mem|men|meng|me|di|ke|ter)(?=\w{4})")
_AKHIRAN = re.compile(r"(?<=\w{4})(?:nya|kan|an|i)$")


def _akar(words: frozenset[str]) -> frozenset[str]:
    """The words with common affixes cut, roughly: 'perkembangan' and 'berkembang' both give
    'kembang' (enough to compare an indicator's name with its formula)."""
    return frozenset(_AWALAN.sub("", _AKHIRAN.sub("", w)) for w in words)


def _sama(nama: frozenset[str], words: frozenset[str]) -> frozenset[str]:
    """The words of ``nama`` that ``words`` also has, a word matching another that begins with
    it ('layan' and 'layani'): a pembilang worded a little differently still matches."""
    return frozenset(
        n
        for n in nama
        if any(w.startswith(n) or n.startswith(w) for w in words if len(w) > 3) or n in words
    )


@aturan("RUM004", "info", "rumus", lingkup="jabatan")
def formula_mengulang_nama(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Formula menjelaskan cara menghitung, bukan mengulang nama indikator.

    Info, bukan peringatan: untuk hitungan ("Jumlah laporan yang disusun") formula yang sama
    dengan namanya tidak membuat kartu salah, hanya kurang menjelaskan; seed 004 mempunyai 45
    baris seperti itu, yang dahulu menenggelamkan peringatan yang penting.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah laporan yang disusun
                formula: Jumlah laporan yang disusun  # ← temuan

    Lolos: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah laporan yang disusun
                formula: Jumlah dokumen laporan kinerja yang ditetapkan dalam satu tahun
    """
    for obj, uraian, formula, _ in indikator_berformula(data):
        if formula is not None and formula.teks and normal(formula.teks) == normal(uraian):
            yield obj.location_of("formula"), f"formula hanya mengulang nama indikator '{uraian}'"


@aturan("RUM005", "peringatan", "rumus", lingkup="jabatan")
def formula_memuat_target(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Formula tidak memuat angka target; target ditulis di ``target``.

    Angka yang juga ada di nama indikator, 1 dan 100 tidak dihitung. Pembilang dan penyebut juga
    dibaca:

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                formula:
                  pembilang: Jumlah koperasi sehat sebanyak 120 koperasi  # ← temuan
                  penyebut: Jumlah seluruh koperasi

    Gagal: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya layanan pembiayaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Jumlah cek yang dikeluarkan
                formula: Jumlah cek yang dikeluarkan sebanyak 125 cek  # ← temuan

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya layanan pembiayaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Jumlah cek yang dikeluarkan
                formula: Jumlah cek yang dikeluarkan dalam satu tahun
                target: {2022: 100, 2023: 110, 2024: 125, 2025: 130, 2026: 140}
    """
    for obj, uraian, formula, _ in indikator_berformula(data):
        if formula is None:
            continue
        for keys, text in _bagian_formula(formula):
            numbers = [n for n in _ANGKA.findall(text) if n not in ("1", "100")]
            numbers = [n for n in numbers if n not in _ANGKA.findall(uraian)]
            if numbers:
                yield (
                    obj.location_of("formula", *keys),
                    (
                        f"formula '{text}' memuat angka {', '.join(numbers)}: tulis target di"
                        " 'target', bukan di formula"
                    ),
                )


def _bagian_formula(formula: Formula) -> Iterator[tuple[tuple[str, ...], str]]:
    """(keys below ``formula``, text) of the text, or of the pembilang and the penyebut; a text
    formula is the value of ``formula`` itself."""
    if formula.teks is not None:
        yield (), formula.teks
    for name in ("pembilang", "penyebut"):
        text = getattr(formula, name)
        if text is not None:
            yield (name,), text


_PENGISI = frozenset(
    normal(text)
    for text in (
        "-", "–", "—", "…", "...", "idem", "sda", "s.d.a", "s.d.a.", "ditto", "dto", "dst",
        "dsb", "tbd", "ditetapkan kemudian", "menyusul", "belum ada", "tidak ada", "n/a", "na",
        "0", "x", "xxx", "?",
    )
)  # fmt: skip
"""Formula texts that stand in for one not written yet ('' after normal(): only marks)."""


@aturan("RUM007", "galat", "rumus", lingkup="jabatan")
def formula_pengisi(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Formula, pembilang dan penyebut diisi cara menghitung, bukan tanda pengisi ("-", "idem").

    "-", "…", "idem", "sda", "dst", "ditetapkan kemudian", "belum ada", "0" tercetak apa adanya
    di kolom formula kartu IKI dan tabel IKU. Berlaku untuk semua indikator Renstra dan baris
    IKI.

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah dokumen kepegawaian yang dimutakhirkan
                formula: idem  # ← temuan

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
                  penyebut: "-"  # ← temuan

    Lolos: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah dokumen kepegawaian yang dimutakhirkan
                formula: Jumlah berkas pegawai yang diperbarui dalam satu tahun
    """
    for obj, uraian, formula, _ in indikator_berformula(data):
        if formula is None:
            continue
        for keys, text in _bagian_formula(formula):
            if normal(text) in _PENGISI:
                part = keys[0] if keys else "formula"
                yield (
                    obj.location_of("formula", *keys),
                    (
                        f"{part} indikator '{uraian}' hanya berisi '{text}': tulis cara"
                        " menghitungnya"
                    ),
                )


@aturan("RUM006", "peringatan", "rumus")
def agregasi_tidak_ditulis(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """IKU yang dilaporkan per triwulan menyebut cara menggabungkan triwulannya (``agregasi``).

    ``kumulatif`` menjumlahkan triwulan yang sudah diukur (hitungan: jumlah koperasi dibina);
    ``nilai_akhir`` memakai triwulan terakhir (keadaan: persentase koperasi sehat — 80 % dan
    85 % bukan 165 %). Bila tidak ditulis, dokgen memakai ``nilai_akhir`` untuk persentase
    (satuan "%" atau "Persentase …") dan ``kumulatif`` untuk yang lain; tulislah agar Laporan
    Kinerja tidak bergantung pada dugaan.

    Gagal: renstra.yaml ::

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

    dan realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        indikator:
          IKU-1: 70

    Lolos: renstra.yaml ::

        sasaran:
          - kode: S1
            uraian: Meningkatnya kinerja kelembagaan koperasi
            indikator:
              - kode: IKU-1
                uraian: Persentase koperasi sehat dan cukup sehat
                satuan: "%"
                agregasi: nilai_akhir
                formula:
                  pembilang: Jumlah koperasi sehat dan cukup sehat
                  penyebut: Jumlah seluruh koperasi
                sumber_data: Bidang Kelembagaan
                target: {2022: 70, 2023: 72, 2024: 74, 2025: 76, 2026: 78}

    dan realisasi/2024-1.yaml ::

        tahun: 2024
        triwulan: 1
        indikator:
          IKU-1: 70
    """
    if not data.realisasi or data.renstra is None:
        return
    for sasaran in data.renstra.sasaran_ber_iku:
        for ind in sasaran.indikator:
            if ind.agregasi is None:
                yield (
                    ind.location,
                    (
                        f"agregasi {ind.kode} tidak ditulis: laporan triwulan memakai"
                        f" '{ind.cara_agregasi}'; tulis agregasi: kumulatif atau nilai_akhir"
                    ),
                )
