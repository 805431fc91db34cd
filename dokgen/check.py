"""``dokgen check`` as a library call: the data folder loaded with the cache, every rule run.

Apart from :mod:`dokgen.build` so that a check does not import the template engine.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from dokgen.cache import Cache
from dokgen.checks import Finding, periksa
from dokgen.load import load
from dokgen.parallel import Workers
from dokgen.target import BarisTarget, tabel


def check_folder(folder: Path) -> list[Finding]:
    """Every finding of the data folder (jabatan files read before and not changed since are
    not read again)."""
    return check_folder_target(folder)[0]


def check_folder_target(folder: Path) -> tuple[list[Finding], list[BarisTarget]]:
    """Every finding of the data folder, and the targets every document prints per IKU and year
    (:func:`dokgen.target.tabel`: what ``--format json`` and the findings page show)."""
    with closing(Cache.open()) as cache, Workers() as workers:
        data = load(Path(folder), cache, workers=workers)
    return periksa(data), tabel(data)
