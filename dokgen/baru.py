"""``dokgen baru``: the folder of a new dinas, with every required field marked to fill in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dokgen.errors import DataError, Location, Problem
from dokgen.output import write_atomic

DINAS = """\
# Data dinas baru: ganti setiap "…" lalu jalankan `dokgen check {folder}`.
nama: Dinas …
pemda:
  jenis: kabupaten   # atau kota
  nama: …
kepala:
  nama: …
  pangkat: …
  # nip: "19xxxxxx xxxxxx x xxx"   (18 angka)
pengaturan:
  kertas: F4
"""

RENSTRA = """\
# Renstra: periode, lalu tujuan, sasaran dan IKU (atau isi lewat `dokgen excel ekspor`).
periode: {{awal: {awal}, akhir: {akhir}}}
tujuan: []
"""


def buat(folder: Path) -> None:
    """Create ``folder`` with dinas.yaml, renstra.yaml and an empty jabatan/ folder."""
    if folder.exists() and any(folder.iterdir()):
        raise DataError([Problem(Location(folder), "folder sudah ada dan tidak kosong")])
    start = dt.date.today().year
    write_atomic(folder / "dinas.yaml", DINAS.format(folder=folder).encode("utf-8"))
    renstra = RENSTRA.format(awal=start, akhir=start + 5)
    write_atomic(folder / "renstra.yaml", renstra.encode("utf-8"))
    (folder / "jabatan").mkdir(exist_ok=True)
