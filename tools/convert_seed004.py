"""One-off converter: seed 004 (IKI cards of Diskopum Kabupaten Malang) → data/malang-diskopum/.

Run once; what lands in git is the YAML it wrote (and any later hand edits). Kept for the record
of how the data was transcribed. Usage: python tools/convert_seed004.py ../shared/seeds/004_*.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

OUT = Path(__file__).resolve().parent.parent / "data" / "malang-diskopum"

# Seed name → (kode, atasan kode). The seed names no atasan; it is read from each card's
# "tugas lain yang diberikan oleh …" where present, otherwise from the unit in the name.
STRUKTUR = {
    "SEKRETARIS DINAS": ("sekretaris", None),
    "KEPALA BIDANG BINA KELEMBAGAAN DAN PENGAWASAN KOPERASI": ("kabid-kelembagaan", None),
    "KEPALA BIDANG BINA PRODUKSI DAN PEMASARAN KOPERASI": ("kabid-produksi", None),
    "KEPALA BIDANG BINA FASILITASI PEMBIAYAAN": ("kabid-pembiayaan", None),
    "KEPALA BIDANG PENGEMBANGAN DAN RESTRUKTURASI USAHA": ("kabid-pengembangan", None),
    "KEPALA UPT PENGELOLA DANA BERGULIR DINAS KOPERASI DAN USAHA MIKRO": ("kepala-upt", None),
    "KEPALA SUB BAGIAN UMUM DAN KEPEGAWAIAN": ("kasubag-umum", "sekretaris"),
    "KEPALA SUB BAGIAN KEUANGAN DAN ASET": ("kasubag-keuangan", "sekretaris"),
    "KEPALA SUB BAGIAN PERENCANAAN, EVALUASI DAN PELAPORAN": ("kasubag-pep", "sekretaris"),
    "KEPALA SEKSI ORGANISASI DAN HUKUM": ("kasi-organisasi-hukum", "kabid-kelembagaan"),
    "KEPALA SEKSI PENGENDALIAN DAN PENGAWASAN": ("kasi-pengendalian", "kabid-kelembagaan"),
    "KEPALA SEKSI PENYULUHAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA KOPERASI": (
        "kasi-penyuluhan",
        "kabid-kelembagaan",
    ),
    "KEPALA SEKSI PERTANIAN, PERKEBUNAN DAN KEHUTANAN": ("kasi-pertanian", "kabid-produksi"),
    "KEPALA SEKSI PERDAGANGAN, INDUSTRI DAN PERTAMBANGAN": ("kasi-perdagangan", "kabid-produksi"),
    "KEPALA SEKSI PETERNAKAN DAN PERIKANAN": ("kasi-peternakan", "kabid-produksi"),
    "KEPALA SEKSI PEMBIAYAAN JASA KEUANGAN DAN PENJAMINAN": ("kasi-pembiayaan", "kabid-pembiayaan"),
    "KEPALA SEKSI PENGEMBANGAN DAN PENGENDALIAN SIMPAN PINJAN": (
        "kasi-simpan-pinjam",
        "kabid-pembiayaan",
    ),
    "KEPALA SEKSI PERMODALAN": ("kasi-permodalan", "kabid-pembiayaan"),
    "KEPALA SEKSI PENGEMBANGAN SUMBER DAYA MANUSIA DAN INFORMASI BISNIS": (
        "kasi-sdm-informasi-bisnis",
        "kabid-pengembangan",
    ),
    "KEPALA SEKSI PENGEMBANGAN KEWIRAUSAHAAN": ("kasi-kewirausahaan", "kabid-pengembangan"),
    "KEPALA SEKSI PENGEMBANGAN JARINGAN KERJASAMA": (
        "kasi-jaringan-kerjasama",
        "kabid-pengembangan",
    ),
    "KEPALA SUB BAGIAN TATA USAHA UPT PENGELOLA DANA BERGULIR DINAS KOPERASI DAN USAHA MIKRO": (
        "kasubag-tu-upt",
        "kepala-upt",
    ),
    "BENDAHARA GAJI": ("bendahara-gaji", "kasubag-keuangan"),
    "BENDAHARA PENGELUARAN": ("bendahara-pengeluaran", "kasubag-keuangan"),
    "PEMROSES DATA KEPAGAWAIAN DAN UMUM": ("pemroses-data-kepegawaian", "kasubag-umum"),
    "PENGELOLA BAHAN PERENCANAAN": ("pengelola-bahan-perencanaan", "kasubag-pep"),
    "PENYULUH KOPERASI": ("penyuluh-koperasi", "kasi-penyuluhan"),
    "ANALIS KOPERASI": ("analis-koperasi", "kabid-kelembagaan"),
    "PENGELOLA DATA SEKSI PERTANIAN, PERKEBUNAN DAN KEHUTANAN": (
        "pengelola-data-pertanian",
        "kabid-produksi",
    ),
    "PEMBINA FASILITASI PEMBIAYAAN JASA KEUANGAN DAN PENJAMINAN": (
        "pembina-fasilitasi-pembiayaan",
        "kasi-pembiayaan",
    ),
    "PEMBINA KEGIATAN USAHA SIMPAN PINJAM KOPERASI": (
        "pembina-usaha-simpan-pinjam",
        "kasi-simpan-pinjam",
    ),
    "PEMBINA FASILITASI PERKUATAN PERMODALAN": ("pembina-perkuatan-permodalan", "kasi-permodalan"),
    "PENILAI KESEHATAN USAHA SIMPAN PINJAM KOPERASI": (
        "penilai-kesehatan-usp",
        "kasi-simpan-pinjam",
    ),
    "PENGADMINISTRASI UMUM": ("pengadministrasi-umum", "kasubag-umum"),
    "PRAMU KANTOR": ("pramu-kantor", "kasubag-umum"),
    "PETUGAS KEAMANAN": ("petugas-keamanan", "kasubag-umum"),
    "PENGEMUDI": ("pengemudi", "kasubag-umum"),
    "PENGADMINISTRASI KEPEGAWAIAN": ("pengadministrasi-kepegawaian", "kasubag-umum"),
    "OPERATOR UMUM DAN KEPEGAWAIAN": ("operator-umum-kepegawaian", "kasubag-umum"),
    "TENAGA KEBERSIHAN": ("tenaga-kebersihan", "kasubag-umum"),
    "PENGELOLA SISTEM INFORMASI": ("pengelola-sistem-informasi", "kasubag-umum"),
    "PENGADMINISTRASI KEUANGAN": ("pengadministrasi-keuangan", "kasubag-keuangan"),
    "PENGADMINISTRASI PERENCANAAN DAN PROGRAM": ("pengadministrasi-perencanaan", "kasubag-pep"),
    "PENGELOLA DATA RENCANA PENGENDALIAN DAN PENGAWASAN": (
        "pengelola-data-pengendalian",
        "kasi-organisasi-hukum",
    ),
    "PENGOLAH DATA PERDAGANGAN, INDUSTRI DAN PERTAMBANGAN": (
        "pengolah-data-perdagangan",
        "kasi-perdagangan",
    ),
    "PENGOLAH SARANA PENGEMBANGAN USAHA": ("pengolah-sarana-usaha", "kabid-pengembangan"),
    "FASILITATOR KEWIRAUSAHAAN": ("fasilitator-kewirausahaan", "kabid-pengembangan"),
    "PENGOLAH DATA PERENCANAAN BISNIS": ("pengolah-data-bisnis", "kabid-pengembangan"),
    "PELAKSANA URUSAN PENAGIHAN": ("pelaksana-penagihan", "kasubag-tu-upt"),
    "PELAKSANA URUSAN ANALISA PINJAMAN": ("pelaksana-analisa-pinjaman", "kasubag-tu-upt"),
    "PELAKSANA URUSAN EVALUASI DAN PENGKAJIAN PINJAMAN": (
        "pelaksana-evaluasi-pinjaman",
        "kasubag-tu-upt",
    ),
    "BAGIAN AKUNTANSI": ("bagian-akuntansi", "kasubag-tu-upt"),
    "BAGIAN PENGADMINISTRASI UMUM": ("bagian-pengadministrasi-umum", "kasubag-tu-upt"),
    "BAGIAN KASIR": ("bagian-kasir", "kasubag-tu-upt"),
}

ATASAN_CATATAN = {
    "kasi-pertanian": "seed: tugas lain 'diberikan oleh Kepala Dinas'; seksi ini di bawah "
    "Bidang Bina Produksi dan Pemasaran Koperasi",
}

FRAC = re.compile(r"^\$\\frac\{\\text\{(.*)\}\}\{\\text\{(.*)\}\}\s*\\times 100\\%\$$")
ITEM = re.compile(r"^([a-z])\.\s*(.*)$")


def clean(line: str) -> str:
    line = line.strip()
    return line[2:].strip() if line.startswith("- ") else line


def items(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lettered items of a TUGAS/FUNGSI block; also the letters the seed used."""
    result: list[str] = []
    letters: list[str] = []
    for raw in lines:
        line = clean(raw)
        if not line or line == "-":
            continue
        match = ITEM.match(line)
        if match:
            letters.append(match.group(1))
            result.append(match.group(2).strip())
        elif result:
            result[-1] += " " + line
        else:
            result.append(line)
    return result, letters


def formula(text: str) -> tuple[object, str | None]:
    match = FRAC.match(text.strip())
    if match:
        return CommentedMap(pembilang=match.group(1), penyebut=match.group(2)), None
    underline = re.match(r"^(.*?)<u>(.*?)</u>\s*x 100%\s*(.*)$", text)
    if underline:
        pembilang = f"{underline.group(1)}{underline.group(2)}".strip()
        note = f"seed: pecahan ditulis datar dengan <u>: «{text}»"
        return CommentedMap(pembilang=pembilang, penyebut=underline.group(3).strip()), note
    return text.strip(), None


def parse_card(block: str) -> dict:
    lines = block.splitlines()
    nama = tugas_start = fungsi_start = table_start = None
    for i, raw in enumerate(lines):
        line = clean(raw)
        if line.startswith("1. JABATAN"):
            nama = line.split(":", 1)[1].strip()
        elif re.match(r"2\.\s*TUGAS", line):
            tugas_start = i
        elif re.match(r"3\.\s*FUNGSI", line):
            fungsi_start = i
        elif "\t" in raw and "INDIKATOR KINERJA" in raw:
            table_start = i
            break
    assert nama and tugas_start is not None and fungsi_start and table_start, block[:200]

    def block_lines(start: int, end: int) -> list[str]:
        first = clean(lines[start]).split(":", 1)[1]
        return [first, *lines[start + 1 : end]]

    tugas, tugas_letters = items(block_lines(tugas_start, fungsi_start))
    fungsi, _ = items(block_lines(fungsi_start, table_start))
    rows = []
    for raw in lines[table_start + 1 :]:
        if "\t" not in raw:
            if raw.strip():
                break
            continue
        cells = [c.strip() for c in raw.split("\t")]
        cells += [""] * (4 - len(cells))
        rows.append(cells[:4])
    return {"nama": nama, "tugas": tugas, "letters": tugas_letters, "fungsi": fungsi, "rows": rows}


def to_yaml(card: dict) -> CommentedMap:
    kode, atasan = STRUKTUR[card["nama"]]
    data = CommentedMap()
    data["kode"] = kode
    data["nama"] = card["nama"]
    if atasan:
        data["atasan"] = atasan
        if kode in ATASAN_CATATAN:
            data.yaml_add_eol_comment(ATASAN_CATATAN[kode], "atasan")
    data["tugas"] = CommentedSeq(card["tugas"])
    letters = card["letters"]
    expected = [chr(ord("a") + i) for i in range(len(letters))]
    if letters and letters != expected:
        data.yaml_set_comment_before_after_key(
            "tugas",
            before=f"seed: huruf daftar tugas {', '.join(letters)} (bukan {', '.join(expected)});"
            " dokgen memberi huruf sendiri",
        )
    data["fungsi"] = CommentedSeq(card["fungsi"])
    iki = CommentedSeq()
    for sasaran, indikator, rumus, sumber in card["rows"]:
        sasaran = re.sub(r"^(\d+|[a-z])\.\s*", "", sasaran)
        if sasaran or not iki:
            iki.append(CommentedMap(sasaran=sasaran, indikator=CommentedSeq()))
        row = CommentedMap(uraian=indikator)
        row["formula"], note = formula(rumus)
        if note:
            row.yaml_set_comment_before_after_key("formula", before=note, indent=8)
        row["sumber_data"] = sumber
        iki[-1]["indikator"].append(row)
    data["iki"] = iki
    return data


def main(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    body, _, _ = text.rpartition("KEPALA DINAS\nKOPERASI DAN USAHA MIKRO")
    blocks = [b for b in body.split("INDIKATOR KINERJA INDIVIDU") if "JABATAN" in b]
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    folder = OUT / "jabatan"
    folder.mkdir(parents=True, exist_ok=True)
    for number, block in enumerate(blocks, start=1):
        data = to_yaml(parse_card(block))
        with (folder / f"{number:02d}-{data['kode']}.yaml").open("w", encoding="utf-8") as fh:
            yaml.dump(data, fh)
    print(f"{len(blocks)} jabatan ditulis ke {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
