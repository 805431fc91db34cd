"""One target, one number everywhere (TGT): every document prints the same target of an IKU.

The table of what each document prints is built by :mod:`dokgen.target`, from the documents'
own row-building functions; this family reports a year whose printed targets differ.
"""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.checks import FieldRef, Where, aturan
from dokgen.load import DataDinas
from dokgen.target import BarisTarget, tabel


def _label(jenis: str) -> str:
    from dokgen.documents import kinds

    return kinds()[jenis].label


def uraian_cetak(baris: BarisTarget) -> str:
    """What is printed where, grouped by the number: '74,125 di Dokumen IKU (Tabel IKU); 74,13
    di Perjanjian Kinerja (Lampiran Kepala Dinas), Laporan Kinerja (Tabel Capaian)'."""
    per: dict[object, list[str]] = {}
    teks: dict[object, str] = {}
    for c in baris.cetak:
        per.setdefault(c.nilai, []).append(f"{_label(c.jenis)} ({c.bagian})")
        teks.setdefault(c.nilai, c.teks.rstrip("*"))
    return "; ".join(f"{teks[n]} di {', '.join(places)}" for n, places in per.items())


@aturan("TGT001", "galat", "target")
def target_tercetak_berbeda(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap dokumen (Dokumen IKU, Perjanjian Kinerja, Rencana Aksi, Laporan Kinerja triwulan
    dan tahunan) mencetak target IKU yang sama untuk tahun yang sama.

    Target tahunan IKU ditulis sekali di renstra.yaml, tetapi tiap dokumen mencetaknya dengan
    caranya sendiri: Dokumen IKU dan Rencana Aksi sebagaimana ditulis, Perjanjian Kinerja dan
    Laporan Kinerja dengan dua angka desimal. Kartu IKI, Keputusan IKU dan pohon kinerja tidak
    mencetak target. Target yang ditulis dengan tiga desimal atau lebih
    tercetak sebagai dua angka yang berbeda — dokumen yang ditandatangani menjanjikan angka yang
    lain dari yang dilaporkan. Temuan menunjuk target di renstra.yaml dan menyebut apa yang
    dicetak setiap dokumen. Target triwulan Rencana Aksi yang tidak berakhir di target tahunan
    adalah temuan RAK001, tidak diulang di sini. ``dokgen check --format json`` memuat tabel
    ``target``: setiap IKU dan tahun dengan cetakan setiap dokumen.

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
                penjelasan: Mengukur mutu kelembagaan koperasi
                sumber_data: Bidang Kelembagaan
                periode_pengukuran: Tahunan
                target:
                  2022: 70
                  2023: 72
                  2024: 74,125  # ← temuan
                  2025: 76
                  2026: 78

    dan pk.yaml ::

        tahun: 2024

    dan dokumen-iku.yaml ::

        tahun: 2024

    Lolos: renstra.yaml ::

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
                penjelasan: Mengukur mutu kelembagaan koperasi
                sumber_data: Bidang Kelembagaan
                periode_pengukuran: Tahunan
                target:
                  2022: 70
                  2023: 72
                  2024: 74,13
                  2025: 76
                  2026: 78

    dan pk.yaml ::

        tahun: 2024

    dan dokumen-iku.yaml ::

        tahun: 2024
    """
    if data.renstra is None:
        return
    for baris in tabel(data):
        if baris.sama:
            continue
        ind, tahun = baris.indikator, baris.tahun
        target = ind.target.get(tahun)
        pesan = (
            f"target {ind.kode} tahun {tahun} tercetak sebagai angka yang berbeda —"
            f" {uraian_cetak(baris)}"
        )
        if target is not None and -target.as_tuple().exponent > 2:  # type: ignore[operator]
            pesan += (
                "; dokumen yang mencetak dua angka desimal membulatkannya: tulis target dengan"
                " paling banyak dua angka desimal"
            )
        where: Where = FieldRef(ind, ("target", str(tahun))) if target is not None else ind
        yield where, pesan
