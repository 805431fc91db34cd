"""Cascade: programs point to sasaran and IKU, IKI rows to what they support (KAS)."""

from __future__ import annotations

from collections.abc import Iterator

from dokgen.checks import Where, aturan
from dokgen.checks.cakupan import iku
from dokgen.errors import saran
from dokgen.load import DataDinas


@aturan("KAS001", "galat", "cascade")
def program_tanpa_induk(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap program menunjuk sasaran dan IKU yang ada di Renstra.

    Gagal: ``sasaran: S9`` padahal sasaran S9 tidak ada. Lolos: ``sasaran: S1``, ``iku: IKU-1``.
    (Kegiatan selalu berada di dalam programnya, jadi induknya pasti ada.)
    """
    if data.renstra is None:
        return
    sasaran = [s.kode for s in data.renstra.semua_sasaran]
    kodes = [i.kode for i in iku(data)]
    for program in data.renstra.program:
        if program.sasaran and program.sasaran not in sasaran:
            hint = saran(program.sasaran, sasaran)
            yield (
                program.location_of("sasaran"),
                (
                    f"program '{program.nama}' menunjuk sasaran '{program.sasaran}'"
                    f" yang tidak ada{hint}"
                ),
            )
        for i, kode in enumerate(program.iku):
            if kode not in kodes:
                yield (
                    program.location_of("iku", i),
                    (
                        f"program '{program.nama}' menunjuk IKU '{kode}'"
                        f" yang tidak ada{saran(kode, kodes)}"
                    ),
                )


@aturan("KAS002", "peringatan", "cascade", lingkup="jabatan")
def iki_yatim(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Setiap baris IKI menyebut indikator atasan atau IKU yang didukungnya (``mendukung``).

    Gagal: baris IKI tanpa ``mendukung``. Lolos: ``mendukung: IKU-1`` atau kode baris IKI atasan.
    """
    for jabatan in data.jabatan:
        for sasaran in jabatan.iki:
            for row in sasaran.indikator:
                if not row.mendukung:
                    yield (
                        row,
                        (
                            f"baris IKI '{row.uraian}' ({jabatan.kode}) tidak menyebut indikator"
                            " atasan atau IKU yang didukungnya"
                        ),
                    )


@aturan("KAS003", "galat", "cascade")
def mendukung_tidak_ada(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """``mendukung`` menunjuk kode baris IKI milik atasan atau kode IKU yang ada.

    Gagal: ``mendukung: IKU-9`` padahal IKU-9 tidak ada, atau kode baris IKI jabatan lain yang
    bukan atasannya. Lolos: ``mendukung: IKU-1``.
    """
    kodes = [i.kode for i in iku(data)]
    by_kode = {j.kode: j for j in data.ringkasan}
    for jabatan in data.ringkasan:
        atasan = by_kode.get(jabatan.atasan or "")
        allowed = kodes + list(atasan.kode_baris if atasan else ())
        for mendukung, line in jabatan.mendukung:
            if mendukung not in allowed:
                yield (
                    jabatan.location(line),
                    (
                        f"'{mendukung}' bukan IKU maupun indikator atasan"
                        f" ({jabatan.atasan or 'Kepala Dinas'}){saran(mendukung, allowed)}"
                    ),
                )


@aturan("KAS004", "peringatan", "cascade")
def iki_kembar(data: DataDinas) -> Iterator[tuple[Where, str]]:
    """Dua jabatan tidak mempunyai IKI yang persis sama.

    Gagal: ANALIS KOPERASI dan KEPALA SEKSI PENGENDALIAN DAN PENGAWASAN dengan baris IKI yang
    sama (seed 004). Lolos: setiap jabatan dengan indikator hasil kerjanya sendiri.
    """
    seen: dict[bytes, str] = {}
    for jabatan in data.ringkasan:
        if not jabatan.iki:
            continue
        if jabatan.iki in seen:
            yield (
                jabatan.location(jabatan.baris_iki),
                (f"IKI jabatan '{jabatan.nama}' sama persis dengan IKI '{seen[jabatan.iki]}'"),
            )
        else:
            seen[jabatan.iki] = jabatan.nama
