"""The findings screen: grouped as the CLI groups them, galat first, each finding a link to the
form and field it is about, each rule code a link to its explanation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import ROOT
from tests.web.conftest import Klien


def rusak(ruang_kerja: Path) -> str:
    """The broken fixture (every rule's mistake) as dinas 'rusak' of the workspace."""
    shutil.copytree(ROOT / "tests" / "rusak" / "semua", ruang_kerja / "rusak")
    return "/dinas/rusak"


def rows(page: str) -> list[str]:
    """The findings' table rows of a page."""
    return [r.split("</tr>")[0] for r in page.split("<tr>")[1:]]


def test_findings_link_to_the_field_they_are_about_galat_first(
    klien: Klien, ruang_kerja: Path
) -> None:
    page = klien.get(rusak(ruang_kerja) + "/periksa").text
    galat, peringatan, info = (page.index(f'id="{s}"') for s in ("galat", "peringatan", "info"))
    assert galat < peringatan < info
    # KON001 on line 5 of jabatan/01-kasubag.yaml: the first item of tugas, in the tugas field
    # (a list of texts is one field of the form)
    (row,) = [r for r in rows(page) if "menyebut &#39;Dinas Pendidikan&#39;" in r]
    assert (
        '<td class="letak"><a href="/dinas/rusak/data/jabatan/01-kasubag.yaml#f-tugas">'
        "jabatan/01-kasubag.yaml:5</a></td>"
    ) in row
    assert 'href="/aturan/KON001?dinas=rusak"' in row
    assert page.index(row) < peringatan  # listed among the galat
    # a nested field; every anchor a finding links to is a field of that form
    assert 'href="/dinas/rusak/data/jabatan/01-kasubag.yaml#f-iki.0.indikator.0.mendukung"' in page
    forms: dict[str, str] = {}
    for link in re.findall(r'href="(/dinas/rusak/data/[^"#]+)#f-([^"]+)"', page):
        form = forms.setdefault(link[0], klien.get(link[0]).text)
        assert f'id="f-{link[1]}"' in form, link
    # a finding about a file that does not exist links to its form, without a field
    assert 'href="/dinas/rusak/data/iki.yaml">iki.yaml</a>' in page
    assert "Traceback" not in page


def test_a_rule_with_many_findings_is_one_group_unless_every_finding_is_asked_for(
    klien: Klien,
) -> None:
    page = klien.get("/dinas/malang-diskopum/periksa").text
    assert "0 galat</a>, <a" in page and "13 peringatan" in page and "121 info" in page
    group = page[page.index('id="kelompok-KAS002"') :]
    group = group[: group.index("</div>")]
    assert "KAS002</a> — 75 kali: Setiap baris IKI menyebut indikator atasan" in group
    assert group.count("<tr>") == 75 and "… dan 72 tempat lain" in group
    first = group[: group.index("<details>")]
    assert first.count("<tr>") == 3
    # the finding is on the row's first line: the link opens the row's fieldset
    assert "jabatan/01-sekretaris.yaml#f-iki.0.indikator.0" in first
    form = klien.get("/dinas/malang-diskopum/data/jabatan/01-sekretaris.yaml").text
    assert 'id="f-iki.0.indikator.0"' in form
    assert page.count('id="kelompok-') == 2  # KAS002 and RUM004
    every = klien.get("/dinas/malang-diskopum/periksa?semua=1").text
    assert 'id="kelompok-' not in every
    assert every.count('title="Setiap baris IKI menyebut indikator atasan') == 75
    assert "Kelompokkan temuan berulang" in every


def test_a_rule_code_explains_itself(klien: Klien) -> None:
    page = klien.get("/aturan/KON001?dinas=malang-diskopum").text
    assert "Teks bebas tidak menyebut instansi atau daerah lain" in page
    assert "<p>Gagal: keputusan-iku.yaml ::</p>" in page
    assert '<pre class="penjelasan">menimbang:\n  - perlu ditetapkan Perubahan IKU Bappeda' in page
    assert 'href="/dinas/malang-diskopum/periksa">← kembali' in page
    assert klien.get("/aturan/XYZ999").status_code == 404
    assert "kembali" not in klien.get("/aturan/KON001?dinas=../x").text


def test_clean_data_says_so_and_text_from_the_data_is_escaped(
    klien: Klien, ruang_kerja: Path
) -> None:
    page = klien.get("/dinas/contoh-lengkap/periksa").text
    assert "0 galat" in page
    shutil.copytree(ROOT / "tests" / "rusak" / "semua", ruang_kerja / "rusak-html")
    file = ruang_kerja / "rusak-html" / "jabatan" / "01-kasubag.yaml"
    file.write_text(file.read_text().replace("KASUBAG UMUM", "<b>KASUBAG</b>"), encoding="utf-8")
    page = klien.get("/dinas/rusak-html/periksa").text
    assert "&lt;b&gt;KASUBAG&lt;/b&gt;" in page and "<b>KASUBAG</b>" not in page
