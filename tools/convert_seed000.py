"""One-off converter: the units of BAB II of seed 000 (Diskopum Lumajang) → organisasi.yaml.

Run once; what lands in git is the YAML. Usage:
python tools/convert_seed000.py ../shared/seeds/000_*.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

OUT = Path(__file__).resolve().parent.parent / "data" / "lumajang-diskopum" / "organisasi.yaml"
HEADER = """\
# Unit organisasi dan uraian tugas/fungsinya, dari BAB II seed 000. Seed 2.1.2 menamai
# beberapa seksi berbeda dengan 2.1.3 (mis. 'Seksi Pengembangan Usaha'); di sini dipakai
# nama dari uraian tugas 2.1.3. Struktur organisasi (2.1.2) dibuat dokgen dari daftar ini.
"""
ITEM = re.compile(r"^\s*-?\s*([a-z])\.\s*(.*)$")

# kode, nama, induk, pimpinan, (tugas lines), (fungsi lines) — 1-based inclusive line ranges
UNITS = [
    ("kepala-dinas", "Kepala Dinas", None, None, (92, 92), (94, 98)),
    ("sekretariat", "Sekretariat", None, "Sekretaris", (102, 104), (107, 122)),
    ("subbag-umum", "Sub Bagian Umum dan Kepegawaian", "sekretariat", None, (128, 142), None),
    ("subbag-keuangan", "Sub Bagian Keuangan", "sekretariat", None, (145, 157), None),
    (
        "bidang-kelembagaan",
        "Bidang Kelembagaan Koperasi",
        None,
        "Kepala Bidang Kelembagaan Koperasi",
        (161, 161),
        (164, 184),
    ),
    (
        "seksi-organisasi",
        "Seksi Organisasi dan Tata Laksana",
        "bidang-kelembagaan",
        None,
        (190, 198),
        None,
    ),
    (
        "seksi-penyuluhan",
        "Seksi Penyuluhan dan Pengembangan Kelembagaan",
        "bidang-kelembagaan",
        None,
        (200, 211),
        None,
    ),
    (
        "seksi-pengendalian",
        "Seksi Pengendalian dan Pengawasan",
        "bidang-kelembagaan",
        None,
        (213, 224),
        None,
    ),
    (
        "bidang-usaha-koperasi",
        "Bidang Usaha Koperasi",
        None,
        "Kepala Bidang Usaha Koperasi",
        (228, 228),
        (231, 253),
    ),
    (
        "seksi-perlindungan",
        "Seksi Perlindungan dan Pengembangan Usaha Koperasi",
        "bidang-usaha-koperasi",
        None,
        (259, 268),
        None,
    ),
    (
        "seksi-pemberdayaan-koperasi",
        "Seksi Pemberdayaan Usaha Koperasi",
        "bidang-usaha-koperasi",
        None,
        (271, 281),
        None,
    ),
    (
        "seksi-permodalan",
        "Seksi Fasilitasi Permodalan dan Simpan Pinjam",
        "bidang-usaha-koperasi",
        None,
        (284, 296),
        None,
    ),
    (
        "bidang-usaha-mikro",
        "Bidang Usaha Mikro",
        None,
        "Kepala Bidang Usaha Mikro",
        (300, 300),
        (303, 320),
    ),
    (
        "seksi-pemberdayaan-mikro",
        "Seksi Pemberdayaan Usaha Mikro",
        "bidang-usaha-mikro",
        None,
        (326, 335),
        None,
    ),
    (
        "seksi-pengembangan-mikro",
        "Seksi Pengembangan Usaha Mikro",
        "bidang-usaha-mikro",
        None,
        (337, 347),
        None,
    ),
    (
        "seksi-kewirausahaan",
        "Seksi Pengembangan Kewirausahaan",
        "bidang-usaha-mikro",
        None,
        (349, 357),
        None,
    ),
]


def items(lines: list[str]) -> list[str]:
    result: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        match = ITEM.match(line)
        if match:
            result.append(match.group(2).strip())
        elif result:
            result[-1] += " " + line
        else:
            result.append(line)
    return result


def main(seed: Path) -> None:
    lines = seed.read_text(encoding="utf-8").splitlines()
    units = CommentedSeq()
    for kode, nama, induk, pimpinan, tugas, fungsi in UNITS:
        unit = CommentedMap(kode=kode, nama=nama)
        if induk:
            unit["induk"] = induk
        if pimpinan:
            unit["pimpinan"] = pimpinan
        text = lines[tugas[0] - 1 : tugas[1]]
        unit["tugas"] = CommentedSeq(
            items(text)
            if fungsi is None
            else [" ".join(line.strip() for line in text if line.strip())]
        )
        if fungsi:
            unit["fungsi"] = CommentedSeq(items(lines[fungsi[0] - 1 : fungsi[1]]))
        units.append(unit)
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(HEADER)
        yaml.dump(CommentedMap(unit=units), fh)
    print(f"{len(units)} unit ditulis ke {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
