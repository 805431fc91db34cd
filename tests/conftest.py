"""Shared fixtures: small data folders written on the fly, and the repository's own paths."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CONTOH = sorted(p for p in DATA.iterdir() if (p / "dinas.yaml").is_file())
"""Every example dinas of data/ (not what the web app keeps there, such as .versi/)."""
TEMPLATES = ROOT / "templates"

DINAS_YAML = """\
nama: Dinas Koperasi dan Usaha Mikro
singkatan: Diskopum
pemda:
  jenis: kabupaten
  nama: Malang
kepala:
  nama: Dra. MADE DEWI ANGGRAENI, M.Si
  pangkat: Pembina Utama Muda
  nip: "19590531 198603 2 004"
"""

JABATAN_YAML = """\
kode: sekretaris
nama: SEKRETARIS DINAS
tugas:
  - Melaksanakan pengelolaan administrasi umum
  - Melaksanakan tugas lain yang diberikan oleh Kepala Dinas
fungsi: []
iki:
  - sasaran: Meningkatnya pelayanan administrasi perkantoran
    indikator:
      - uraian: Persentase PNS yang mendapat pelayanan
        formula:
          pembilang: Jumlah PNS yang dilayani tepat waktu
          penyebut: Jumlah PNS yang mengajukan pelayanan
        sumber_data: Dokumen kepegawaian
      - uraian: Jumlah laporan yang disusun
        formula: Jumlah laporan yang disusun
        sumber_data: Arsip laporan
"""

MakeData = Callable[..., Path]


@pytest.fixture(autouse=True, scope="session")
def _tembolok(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests keep their jabatan cache to themselves, not in ~/.cache."""
    os.environ["DOKGEN_CACHE"] = str(tmp_path_factory.mktemp("tembolok"))


@pytest.fixture
def make_data(tmp_path: Path) -> MakeData:
    """Write a data folder: ``make_data(dinas=..., jabatan={"01-x.yaml": ...})``."""

    def make(dinas: str = DINAS_YAML, jabatan: dict[str, str] | None = None, **files: str) -> Path:
        folder = tmp_path / "dinas-uji"
        (folder / "jabatan").mkdir(parents=True, exist_ok=True)
        (folder / "dinas.yaml").write_text(textwrap.dedent(dinas), encoding="utf-8")
        for name, content in (jabatan or {"01-sekretaris.yaml": JABATAN_YAML}).items():
            (folder / "jabatan" / name).write_text(textwrap.dedent(content), encoding="utf-8")
        for name, content in files.items():
            (folder / name).write_text(textwrap.dedent(content), encoding="utf-8")
        return folder

    return make
