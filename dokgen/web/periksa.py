"""The findings screen: ``dokgen check`` in the browser, grouped the way the CLI groups them.

Galat first, then peringatan and info. A rule with more than
:data:`~dokgen.checks.laporan.BATAS_ULANG` findings is one group (its summary, how many, its
places); ``?semua=1`` lists every finding. Each finding links to the form of its file at the
field it is about (``#f-<dotted path>``, :func:`dokgen.web.formulir.jangkar`) and its rule
code to the rule's explanation (``/aturan/{code}``). Under the findings, the table of the
targets every document prints per IKU and year (rule TGT001, :mod:`dokgen.target`).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from dokgen.checks import RULES, SEVERITIES, Finding, count
from dokgen.checks.laporan import CONTOH, berulang, ringkasan_aturan
from dokgen.target import BarisTarget
from dokgen.web.dasar import halaman, ruang
from dokgen.web.formulir import jangkar

router = APIRouter()

BATAS_RINCI = 200
"""Places of a group listed on the page (behind "… dan N tempat lain"); the rest: ``?semua=1``."""


@dataclass
class Tempat:
    """One finding as the page shows it: where it is and the link to its field."""

    temuan: Finding
    berkas: str | None
    """The file inside the dinas folder ('jabatan/01-kasubag.yaml'); None for the folder."""
    tautan: str | None
    """The form of the file at the field ('/dinas/x/data/renstra.yaml#f-sasaran.0')."""

    @property
    def letak(self) -> str:
        name = self.berkas or "(folder dinas)"
        return f"{name}:{self.temuan.line}" if self.temuan.line else name


@dataclass
class Kelompok:
    """A rule's repeated findings, shown as one group."""

    code: str
    ringkasan: str
    jumlah: int
    tempat: list[Tempat]
    """The first places (at most ``CONTOH + BATAS_RINCI``)."""


@dataclass
class Tingkat:
    """The findings of one severity: single ones by file, then the groups."""

    severity: str
    jumlah: int
    per_berkas: list[tuple[str, list[Tempat]]] = field(default_factory=list)
    kelompok: list[Kelompok] = field(default_factory=list)


class _Penunjuk:
    """Finds the form and field of a finding; each file is read once."""

    def __init__(self, folder: Path, nama: str) -> None:
        self.folder = folder
        self.nama = nama

    def __call__(self, finding: Finding) -> Tempat:
        berkas = self._berkas(finding.file)
        if berkas is None:
            return Tempat(finding, None, None)
        tautan = f"/dinas/{self.nama}/data/{quote(berkas)}"
        medan = jangkar(self.folder / berkas, finding.line)
        if medan:
            tautan += "#f-" + quote(medan, safe=".-_~")
        return Tempat(finding, berkas, tautan)

    def _berkas(self, file: str) -> str | None:
        """``file`` inside the dinas folder, with '/' between folders; None outside it."""
        try:
            relative = Path(file).relative_to(self.folder)
        except ValueError:
            try:
                relative = Path(file).resolve().relative_to(self.folder.resolve())
            except (ValueError, OSError):
                return None
        return relative.as_posix() if relative.parts else None


def susun(findings: list[Finding], folder: Path, nama: str, semua: bool = False) -> list[Tingkat]:
    """``findings`` by severity, galat first: single findings grouped by file and, unless
    ``semua``, each rule with many findings as one group (as ``dokgen check`` prints them)."""
    tunjuk = _Penunjuk(folder, nama)
    grouped = set() if semua else berulang(findings)
    result = []
    for severity in SEVERITIES:
        mine = [f for f in findings if f.severity == severity]
        tingkat = Tingkat(severity, len(mine))
        single = [f for f in mine if f.code not in grouped]
        for file, items in groupby(single, key=lambda f: f.file):
            places = [tunjuk(f) for f in items]
            tingkat.per_berkas.append((places[0].berkas or file, places))
        for code in sorted({f.code for f in mine if f.code in grouped}):
            repeated = [f for f in mine if f.code == code]
            places = [tunjuk(f) for f in repeated[: CONTOH + BATAS_RINCI]]
            tingkat.kelompok.append(Kelompok(code, ringkasan_aturan(code), len(repeated), places))
        result.append(tingkat)
    return result


def konteks(
    findings: list[Finding], folder: Path, nama: str, semua: bool = False
) -> dict[str, Any]:
    """What the findings' template part (``periksa_temuan.html``) needs."""
    return {
        "tingkat": susun(findings, folder, nama, semua),
        "jumlah": count(findings),
        "contoh": CONTOH,
        "ringkas": {code: ringkasan_aturan(code) for code in {f.code for f in findings}},
    }


@router.get("/dinas/{nama}/periksa", response_class=HTMLResponse)
def periksa(request: Request, nama: str, semua: bool = False) -> HTMLResponse:
    """Every finding of the dinas's data, each a link to the field it is about."""
    from dokgen.check import check_folder_target

    folder = ruang(request).dinas(nama)
    findings, rows = check_folder_target(folder)
    return halaman(
        request, "periksa_halaman.html", nama=nama, semua=semua,
        target=tabel_target(rows), **konteks(findings, folder, nama, semua),
    )  # fmt: skip


def tabel_target(rows: list[BarisTarget]) -> list[dict[str, Any]]:
    """The targets every document prints per IKU and year, as the page shows them under the
    findings (:mod:`dokgen.target`): each printed text with the document's name."""
    from dokgen.documents import kinds

    label = {name: kind.label for name, kind in kinds().items()}
    result = []
    for row in rows:
        item = row.as_dict()
        item["cetak"] = [{**c, "dokumen": label[c["dokumen"]]} for c in item["cetak"]]
        result.append(item)
    return result


@router.get("/aturan/{code}", response_class=HTMLResponse)
def aturan(request: Request, code: str, dinas: str = "") -> HTMLResponse:
    """A rule's explanation: what it finds, with a failing and a passing example (``dinas``:
    the dinas whose findings linked here, for the menu and the way back)."""
    rule = RULES.get(code.upper())
    if rule is None:
        raise HTTPException(404, f"aturan '{code[:20]}' tidak dikenal")
    bagian = []  # prose paragraphs and the indented YAML examples, as written in the docstring
    for block in rule.penjelasan.split("\n\n")[1:]:
        if all(line.startswith(" ") for line in block.splitlines()):
            bagian.append(("contoh", textwrap.dedent(block)))
        else:
            bagian.append(("teks", block.replace("\n", " ").replace("``", "'")))
    return halaman(
        request, "periksa_aturan.html", aturan=rule, ringkasan=ringkasan_aturan(rule.code),
        bagian=bagian, nama=dinas,
    )  # fmt: skip
