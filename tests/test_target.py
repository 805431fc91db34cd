"""One target, one number everywhere (issue 21, item 6): the table of the targets every document
prints per IKU and year, rule TGT001 and ``dokgen check --format json``'s ``target`` table."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dokgen import target
from dokgen.checks import periksa
from dokgen.cli import app
from dokgen.documents import MODULES, kinds
from dokgen.load import load
from dokgen.resources import TEMPLATES
from tests.conftest import CONTOH, DATA

LENGKAP = DATA / "contoh-lengkap"


def _keys(value: Any) -> set[str]:
    """Every key of every mapping inside ``value``."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_every_kind_has_a_collector_or_prints_no_target() -> None:
    """A new kind that prints targets joins :mod:`dokgen.target` with a collector; a kind said
    to print none has no 'target' in any field of its template (an IKI card that starts to
    print its rows' targets must leave TANPA_TARGET and get a collector)."""
    missing = set(MODULES) - set(target.PENGUMPUL) - set(target.TANPA_TARGET)
    assert not missing, (
        f"jenis dokumen tanpa pengumpul target di dokgen/target.py: {sorted(missing)} — tambahkan"
        " @pengumpul(jenis) yang mengambil teks target dari fungsi baris dokumen itu, atau"
        " masukkan ke TANPA_TARGET dengan alasannya"
    )
    for name in target.TANPA_TARGET:
        if name not in MODULES:
            continue
        with zipfile.ZipFile(TEMPLATES / kinds()[name].template) as docx:
            xml = "".join(
                docx.read(part).decode("utf-8") for part in docx.namelist() if part.endswith(".xml")
            )
        fields = re.findall(r"\{[{%].*?[%}]\}", re.sub(r"<[^>]+>", "", xml), flags=re.S)
        assert not [f for f in fields if "target" in f], (name, fields)


@pytest.mark.parametrize("folder", CONTOH, ids=lambda p: p.name)
def test_every_example_prints_one_target_per_indicator_and_year(folder: Path) -> None:
    data = load(folder)
    rows = target.tabel(data)
    assert all(row.sama for row in rows), [row.as_dict() for row in rows if not row.sama]
    assert all(row.triwulan_sama in (None, True) for row in rows)
    assert not [f for f in periksa(data) if f.code == "TGT001"]


def test_the_complete_example_names_every_document_that_prints_a_target() -> None:
    rows = target.tabel(load(LENGKAP))
    assert [(r.indikator.kode, r.tahun) for r in rows][:6] == [
        ("IKU-1", 2019), ("IKU-1", 2020), ("IKU-1", 2021), ("IKU-1", 2022), ("IKU-1", 2023),
        ("IKU-2", 2019),
    ]  # fmt: skip
    first = rows[0]
    # the LKjIP (issue 21, helper L) prints them too once it is registered
    assert [(c.jenis, c.bagian, c.teks) for c in first.cetak if c.jenis != "lkjip"] == [
        ("dokumen-iku", "Tabel IKU", "80,94"),
        ("pk", "Lampiran Kepala Dinas", "80,94"),
        ("pk", "Lampiran kepala unit", "80,94*"),
        ("rencana-aksi", "Target tahunan", "80,94"),
        ("lkj", "Rencana Kerja Tahunan dan Lampiran PK", "80,94"),
        ("lkj", "Tabel Capaian", "80,94"),
    ]
    assert first.triwulan is not None and first.triwulan.teks == "80,94"
    if "lkjip" in MODULES:
        assert [(c.bagian, c.teks) for c in first.cetak if c.jenis == "lkjip"] == [
            ("Rencana Kerja Tahunan dan Lampiran PK", "80,94"),
            ("Tabel Capaian", "80,94"),
            ("Tabel Perbandingan", "80,94"),
        ]
        (akhir,) = [r for r in rows if (r.indikator.kode, r.tahun) == ("IKU-1", 2023)]
        assert [(c.jenis, c.teks) for c in akhir.cetak] == [
            ("dokumen-iku", "81,10"),
            ("lkjip", "81,10"),
        ]
    # a year only the Dokumen IKU prints
    assert {c.jenis for c in rows[1].cetak} == {"dokumen-iku"}


def test_bilangan_reads_back_what_the_documents_print() -> None:
    assert target.bilangan("1.234,50") == Decimal("1234.50")
    assert target.bilangan("12,35*") == Decimal("12.35")
    assert target.bilangan("80") == Decimal("80") == target.bilangan("80,00")
    assert target.bilangan("–") is None and target.bilangan("") is None


@pytest.fixture
def lengkap(tmp_path: Path) -> Path:
    folder = tmp_path / "contoh-lengkap"
    shutil.copytree(LENGKAP, folder)
    return folder


def _ganti(file: Path, old: str, new: str) -> int:
    """Replace the first ``old`` line in ``file``; its line number."""
    lines = file.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if line.strip() == old)
    lines[n] = lines[n].replace(old, new)
    file.write_text("\n".join(lines), encoding="utf-8")
    return n + 1


def test_a_target_with_three_decimals_is_found_at_its_line(lengkap: Path) -> None:
    line = _ganti(lengkap / "renstra.yaml", "2019: 12,73", "2019: 12,735")
    data = load(lengkap)
    (finding,) = [f for f in periksa(data) if f.code == "TGT001"]
    assert (Path(finding.file).name, finding.line, finding.severity) == (
        "renstra.yaml", line, "galat",
    )  # fmt: skip
    assert "12,735 di Dokumen IKU (Tabel IKU), Rencana Aksi (Target tahunan)" in finding.message
    assert "12,74 di Perjanjian Kinerja (Lampiran Kepala Dinas)" in finding.message
    assert "paling banyak dua angka desimal" in finding.message
    (row,) = [r for r in target.tabel(data) if not r.sama]
    assert (row.indikator.kode, row.tahun) == ("IKU-3", 2019)


def test_a_quarter_that_misses_the_target_is_rak001s_not_tgt001s(lengkap: Path) -> None:
    file = lengkap / "rencana-aksi.yaml"
    text = file.read_text(encoding="utf-8")
    assert "- 80,94" in text
    file.write_text(text.replace("- 80,94", "- 80,49", 1), encoding="utf-8")
    data = load(lengkap)
    codes = {f.code for f in periksa(data)}
    assert "RAK001" in codes and "TGT001" not in codes
    row = target.tabel(data)[0]
    assert row.sama and row.triwulan_sama is False
    assert row.as_dict()["triwulan"] == {
        "bagian": "TW IV (nilai akhir)", "teks": "80,49", "sama": False,
    }  # fmt: skip


def test_the_collectors_read_no_jabatan_file(
    lengkap: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit head's printed target is asked once per IKU, not once per jabatan: the table of a
    dinas of thousands of jabatan costs what a small one's does."""
    from dokgen.documents import pk

    data = load(lengkap)
    data.jabatan = []
    calls: list[str] = []
    real = pk.kepala_unit

    def counted(*args: Any) -> Any:
        calls.append(args[2].kode)
        return real(*args)

    monkeypatch.setattr(pk, "load_jabatan", lambda *a: pytest.fail("jabatan file read"))
    monkeypatch.setattr(pk, "kepala_unit", counted)
    rows = target.tabel(data)
    assert rows and len(calls) <= 3  # one per IKU some IKI row supports


def test_check_json_has_the_target_table_and_text_output_is_unchanged() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(LENGKAP), "--format", "json"])
    assert result.exit_code == 0, result.output
    table = json.loads(result.output)["target"]
    assert len(table) == 15 and all(row["sama"] for row in table)
    first = table[0]
    first["cetak"] = [c for c in first["cetak"] if c["dokumen"] != "lkjip"]  # see above
    assert first == {
        "kode": "IKU-1",
        "uraian": "Persentase Koperasi yang melaksanakan Rapat Anggota Tahunan (RAT)",
        "tahun": 2019,
        "renstra": "80,94",
        "cetak": [
            {"dokumen": "dokumen-iku", "bagian": "Tabel IKU", "teks": "80,94"},
            {"dokumen": "pk", "bagian": "Lampiran Kepala Dinas", "teks": "80,94"},
            {"dokumen": "pk", "bagian": "Lampiran kepala unit", "teks": "80,94*"},
            {"dokumen": "rencana-aksi", "bagian": "Target tahunan", "teks": "80,94"},
            {
                "dokumen": "lkj",
                "bagian": "Rencana Kerja Tahunan dan Lampiran PK",
                "teks": "80,94",
            },
            {"dokumen": "lkj", "bagian": "Tabel Capaian", "teks": "80,94"},
        ],
        "sama": True,
        "triwulan": {"bagian": "TW IV (nilai akhir)", "teks": "80,94", "sama": True},
    }
    text = runner.invoke(app, ["check", str(LENGKAP)]).output
    assert "TGT" not in text and "Tabel IKU" not in text
