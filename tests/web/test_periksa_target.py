"""The findings screen shows, under the findings, the target every document prints per IKU and
year (rule TGT001, :mod:`dokgen.target`)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.conftest import Klien


def target_rows(page: str) -> list[str]:
    section = page[page.index('id="target"') :]
    section = section[: section.index("</section>")]
    return [r.split("</tr>")[0] for r in re.split(r'<tr class="(?:sama|beda)">', section)[1:]]


def test_the_target_table_follows_the_findings(klien: Klien) -> None:
    page = klien.get("/dinas/contoh-lengkap/periksa").text
    assert page.index('class="ringkas"') < page.index('id="target"')
    assert "Target yang dicetak setiap dokumen" in page
    rows = target_rows(page)
    assert len(rows) == 15  # 3 IKU × 2019 (every document) … 2023 (Dokumen IKU only)
    first = rows[0]
    assert '<span class="kode">IKU-1</span>' in first and "<td>2019</td>" in first
    for printed in (
        "Dokumen IKU (Tabel IKU): <b>80,94</b>",
        "Perjanjian Kinerja (Lampiran Kepala Dinas): <b>80,94</b>",
        "Perjanjian Kinerja (Lampiran kepala unit): <b>80,94*</b>",
        "Rencana Aksi (Target tahunan): <b>80,94</b>",
        "Laporan Kinerja (Tabel Capaian): <b>80,94</b>",
        "Rencana Aksi (TW IV (nilai akhir)): <b>80,94</b>",
    ):
        assert printed in first, printed
    assert 'class="beda"' not in page
    # a dinas without a Renstra has no table
    assert 'id="target"' not in klien.get("/dinas/malang-diskopum/periksa").text


def test_a_target_printed_two_ways_is_marked_and_found(klien: Klien, ruang_kerja: Path) -> None:
    renstra = ruang_kerja / "contoh-lengkap" / "renstra.yaml"
    text = renstra.read_text(encoding="utf-8")
    assert "              2019: 12,73\n" in text
    renstra.write_text(text.replace("2019: 12,73\n", "2019: 12,735\n", 1), encoding="utf-8")
    page = klien.get("/dinas/contoh-lengkap/periksa").text
    assert "2 galat" in page and "TGT001" in page  # and RAK001: TW IV stays 12,73
    (row,) = [r for r in target_rows(page) if "IKU-3" in r and "<td>2019</td>" in r]
    assert "Dokumen IKU (Tabel IKU): <b>12,735</b>" in row
    assert "Perjanjian Kinerja (Lampiran Kepala Dinas): <b>12,74</b>" in row
    assert "<td>tidak</td>" in row
    assert page.count('class="beda"') == 1
