"""A dataset with long texts, made from the examples: what a clerk of a big dinas would write.

Three copies of examples, each transformed: names of jabatan, units, programs, kegiatan,
sasaran and indicators two to three times longer; a Renstra of seven years (the period and every
target and pagu series extended); jabatan with 20 tugas and 10 IKI rows each. Together they yield
every kind of document: Keputusan and Dokumen IKU (Bandar Lampung), Dokumen IKU and Laporan
Kinerja (Lumajang, which has realisasi), IKI cards (Malang).

    python -m tests.panjang /tmp/panjang      # writes the three folders and checks them
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import DATA

CONTOH = ("bandarlampung-diskopukm", "lumajang-diskopum", "malang-diskopum")
"""The examples copied: Keputusan + Dokumen IKU, Dokumen IKU + LKj, IKI cards."""

TAHUN_RENSTRA = 7
JUMLAH_TUGAS = 20
JUMLAH_IKI = 10
JABATAN_DIPAKAI = 6
"""Jabatan kept of the Malang example (their cards are long: a few are enough)."""

TAMBAHAN = (
    " dalam rangka Peningkatan Kualitas Pelayanan Publik, Pemberdayaan Ekonomi Kerakyatan dan"
    " Penguatan Tata Kelola Pemerintahan yang Akuntabel di Lingkungan Pemerintah Daerah"
)
"""Appended to a name to make it two to three times longer."""

BIDANG = (
    "kelembagaan koperasi",
    "pengawasan dan pemeriksaan koperasi",
    "penilaian kesehatan koperasi simpan pinjam",
    "pemberdayaan usaha mikro",
    "pengembangan kewirausahaan",
    "pembiayaan dan permodalan",
    "pemasaran produk unggulan daerah",
    "pendataan dan sistem informasi",
    "pendidikan dan pelatihan perkoperasian",
    "administrasi umum dan kepegawaian",
    "perencanaan, evaluasi dan pelaporan",
    "pengelolaan keuangan dan aset",
    "kerja sama dan kemitraan usaha",
    "penyuluhan perkoperasian",
    "perizinan dan pendaftaran badan hukum",
    "hubungan masyarakat dan informasi publik",
    "pengendalian intern",
    "kearsipan dan dokumentasi",
    "pengadaan barang dan jasa",
    "monitoring pelaksanaan program",
)


def panjang(teks: str) -> str:
    """``teks`` two to three times longer, in capitals when it is written in capitals."""
    tambah = TAMBAHAN.upper() if teks.isupper() else TAMBAHAN
    return teks.rstrip(" .;") + tambah


def _baca(path: Path) -> Any:
    # BaseLoader: every scalar stays the text the clerk wrote (1.000 is not a float here)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _tulis(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _tahun(d: Any) -> bool:
    return isinstance(d, dict) and bool(d) and all(re.fullmatch(r"\d{4}", str(k)) for k in d)


def _perpanjang(node: Any, key: str = "", akhir: int = 0) -> Any:
    """Names longer, target and pagu series extended to ``akhir`` (the last value repeated)."""
    if isinstance(node, list):
        return [_perpanjang(n, key, akhir) for n in node]
    if isinstance(node, dict):
        if key in ("target", "pagu") and _tahun(node) and akhir:
            last = node[max(node)]
            first = int(min(node))
            series = dict(node)
            for year in range(first, akhir + 1):
                series.setdefault(str(year), last)
            return series
        out = {}
        for k, v in node.items():
            if k in ("uraian", "nama") and isinstance(v, str) and key != "kepala":
                out[k] = panjang(v)
            else:
                out[k] = _perpanjang(v, k, akhir)
        return out
    return node


def _renstra(folder: Path) -> None:
    path = folder / "renstra.yaml"
    data = _baca(path)
    awal, lama = int(data["periode"]["awal"]), int(data["periode"]["akhir"])
    akhir = awal + TAHUN_RENSTRA
    data["periode"]["akhir"] = str(akhir)
    _tulis(path, _perpanjang(data, akhir=akhir))
    for other in ("dokumen-iku.yaml", "keputusan-iku.yaml", "lkj.yaml"):  # texts naming the period
        if (folder / other).exists():
            text = (folder / other).read_text(encoding="utf-8")
            text = re.sub(rf"\b{awal}(\s*[–-]\s*){lama}\b", rf"{awal}\g<1>{akhir}", text)
            (folder / other).write_text(text, encoding="utf-8")


def _organisasi(folder: Path) -> None:
    path = folder / "organisasi.yaml"
    if path.exists():
        _tulis(path, _perpanjang(_baca(path)))


def _jabatan(path: Path) -> None:
    data = _baca(path)
    data["nama"] = panjang(data["nama"])
    tugas = data.get("tugas") or ["Melaksanakan tugas"]
    data["tugas"] = [
        f"{tugas[i % len(tugas)].rstrip(' .;')} pada urusan {BIDANG[i]}{TAMBAHAN}"
        for i in range(JUMLAH_TUGAS)
    ]
    contoh = [ind for s in data["iki"] for ind in s["indikator"]]
    rows = []
    for i in range(JUMLAH_IKI):
        ind = dict(contoh[i % len(contoh)])
        ind.pop("kode", None)
        ind.pop("mendukung", None)
        ind["uraian"] = f"{ind['uraian']} pada urusan {BIDANG[i]}{TAMBAHAN}"
        rows.append(ind)
    half = JUMLAH_IKI // 2
    sasaran = data["iki"][0]["sasaran"]
    data["iki"] = [
        {"sasaran": panjang(sasaran), "indikator": rows[:half]},
        {"sasaran": f"{sasaran} pada urusan {BIDANG[-1]}{TAMBAHAN}", "indikator": rows[half:]},
    ]
    _tulis(path, data)


def buat(tujuan: Path) -> list[Path]:
    """Write the long-text copies of :data:`CONTOH` into ``tujuan``; their folders."""
    folders = []
    for name in CONTOH:
        folder = tujuan / f"{name}-panjang"
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(DATA / name, folder)
        if (folder / "renstra.yaml").exists():
            _renstra(folder)
        _organisasi(folder)
        jabatan = (
            sorted((folder / "jabatan").glob("*.yaml")) if (folder / "jabatan").is_dir() else []
        )
        kept = {_baca(p)["kode"] for p in jabatan[:JABATAN_DIPAKAI]}
        for path in jabatan:
            if _baca(path)["kode"] not in kept:
                path.unlink()
            else:
                _jabatan(path)
        folders.append(folder)
    return folders


def main(argv: list[str]) -> int:
    from dokgen.check import check_folder

    tujuan = Path(argv[0] if argv else "build/panjang")
    tujuan.mkdir(parents=True, exist_ok=True)
    status = 0
    for folder in buat(tujuan):
        galat = [f for f in check_folder(folder) if f.severity == "galat"]
        print(f"{folder}: {len(galat)} galat")
        for f in galat:
            print(f"  {f.file}:{f.line}: {f.message}")
        status |= bool(galat)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
