"""Coverage: nothing a document needs is missing (CAK)."""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.checks import Where, aturan
from dokgen.load import DataDinas
from dokgen.model import Indikator


def iku(data: DataDinas) -> Iterator[Indikator]:
    """Every IKU: the indicators of the Renstra's sasaran."""
    for sasaran in data.renstra.semua_sasaran if data.renstra else []:
        yield from sasaran.indikator


@aturan("CAK001", "galat", "cakupan", lingkup="jabatan")
def jabatan_tanpa_iki(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap jabatan mempunyai sedikitnya satu baris IKI.

    Gagal: ``iki: []`` pada jabatan/07-kasubag-umum.yaml.
    Lolos: ``iki:`` dengan satu sasaran dan satu indikator.
    """
    for jabatan in data.jabatan:
        if not jabatan.iki:
            yield jabatan, f"jabatan '{jabatan.nama}' belum mempunyai baris IKI"


@aturan("CAK002", "galat", "cakupan", lingkup="jabatan")
def iki_tanpa_formula(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap baris IKI mempunyai formula (penjelasan/formulasi penghitungan).

    Gagal: baris ``- uraian: Jumlah laporan`` tanpa ``formula``.
    Lolos: ``formula: Jumlah laporan yang disusun`` atau ``formula: {pembilang, penyebut}``.
    """
    for jabatan in data.jabatan:
        for sasaran in jabatan.iki:
            for row in sasaran.indikator:
                if row.formula is None:
                    yield row, f"indikator '{row.uraian}' belum mempunyai formula"


@aturan("CAK003", "galat", "cakupan", lingkup="jabatan")
def iki_tanpa_sumber_data(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap baris IKI menyebut sumber datanya.

    Gagal: baris IKI tanpa ``sumber_data``. Lolos: ``sumber_data: Dokumen kepegawaian``.
    """
    for jabatan in data.jabatan:
        for sasaran in jabatan.iki:
            for row in sasaran.indikator:
                if not row.sumber_data:
                    yield row, f"indikator '{row.uraian}' belum menyebut sumber data"


@aturan("CAK004", "galat", "cakupan")
def sasaran_tanpa_iku(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap sasaran Renstra mempunyai sedikitnya satu IKU.

    Gagal: sasaran dengan ``indikator: []``. Lolos: sasaran dengan satu indikator.
    """
    for sasaran in data.renstra.semua_sasaran if data.renstra else []:
        if not sasaran.indikator:
            yield sasaran, f"sasaran '{sasaran.uraian}' belum mempunyai IKU"


@aturan("CAK005", "galat", "cakupan")
def iku_tidak_lengkap(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap IKU mempunyai satuan, formula dan sumber data.

    Gagal: IKU tanpa ``satuan``. Lolos: ``satuan: "%"``, ``formula: …``, ``sumber_data: …``.
    """
    for ind in iku(data):
        missing = [
            name
            for name, value in (
                ("satuan", ind.satuan),
                ("formula", ind.formula),
                ("sumber_data", ind.sumber_data),
            )
            if not value
        ]
        if missing:
            yield ind, f"IKU {ind.kode} belum mempunyai {', '.join(missing)}"


@aturan("CAK006", "galat", "cakupan")
def iku_tanpa_target(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap IKU mempunyai target untuk setiap tahun periode Renstra (selain tahun dasar).

    Gagal: periode 2018–2023, tahun dasar 2018, target hanya 2019–2022.
    Lolos: target 2019, 2020, 2021, 2022 dan 2023.
    """
    if data.renstra is None:
        return
    renstra = data.renstra
    years = [y for y in renstra.periode.tahun if y != renstra.tahun_dasar]
    for ind in iku(data):
        missing = [str(y) for y in years if y not in ind.target]
        if missing:
            yield ind, f"IKU {ind.kode} belum mempunyai target tahun {', '.join(missing)}"
        extra = [str(y) for y in ind.target if y not in renstra.periode.tahun]
        if extra:
            where = ind.location_of("target", extra[0])
            yield (
                where,
                f"IKU {ind.kode} mempunyai target di luar periode Renstra: {', '.join(extra)}",
            )
