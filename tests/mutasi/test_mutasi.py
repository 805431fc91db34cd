"""The mutation suite of issue 19: every mutation of :mod:`tests.mutasi.mutasi` over every example.

Runs in ``make test``; ``python tools/mutasi.py`` prints the catch rate per family and rule. Each
case copies its dataset once (per module), applies one edit, runs the check in-process and asserts
a finding of the expected code at the expected file and line.
"""

from __future__ import annotations

import pytest

from tests.conftest import DATA
from tests.mutasi import jalan

DATASET = jalan.dataset(DATA)
KASUS = [k for d in DATASET for k in jalan.kasus_dataset(d)]


@pytest.fixture(scope="module")
def uji(tmp_path_factory: pytest.TempPathFactory) -> dict[str, jalan.Uji]:
    tmp = tmp_path_factory.mktemp("mutasi")
    return {d.name: jalan.siapkan(d, tmp) for d in DATASET}


@pytest.mark.parametrize("dataset", [d.name for d in DATASET])
def test_contoh_bersih_tanpa_galat(uji: dict[str, jalan.Uji], dataset: str) -> None:
    assert uji[dataset].galat_bersih() == []


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: k.id)
def test_mutasi_tertangkap(uji: dict[str, jalan.Uji], kasus: jalan.Kasus) -> None:
    hasil, detail, (file, line) = uji[kasus.dataset].jalankan(kasus)
    if hasil == "dimatikan":
        pytest.skip(f"{kasus.mutasi.code} dimatikan di periksa.yaml {kasus.dataset}")
    assert hasil == "tertangkap", (
        f"{kasus.mutasi.apa}: {kasus.mutasi.code} diharapkan di {file}:{line}; {hasil} {detail}"
    )


SEDIKIT = {
    ("lumajang-diskopum", "KEP"): "tanpa keputusan-iku.yaml dan iki.yaml",
    ("lumajang-diskopum-2014", "KEP"): "tanpa keputusan-iku.yaml dan iki.yaml",
    ("malang-diskopum", "KEP"): "hanya dinas.yaml dan jabatan/ (NIP dan pangkat kepala)",
    ("lumajang-diskopum-2014", "DOK"): "dokumen-iku.yaml hanya memuat tahun",
}
"""Families with fewer than three places in an example, because it lacks the files."""


def test_setiap_keluarga_tiga_tempat_di_setiap_contoh() -> None:
    """A family whose mistakes apply to a dataset is injected at three places or more there."""
    per: dict[tuple[str, str], set[tuple[str, tuple[str | int, ...]]]] = {}
    for k in KASUS:
        per.setdefault((k.dataset, k.mutasi.keluarga), set()).add((k.berkas, k.jalur))
    few = {key: len(v) for key, v in per.items() if len(v) < 3 and key not in SEDIKIT}
    assert not few, few
