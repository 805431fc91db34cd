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


def check_folder(folder: Path) -> list[Finding]:
    """Every finding of the data folder (jabatan files read before and not changed since are
    not read again)."""
    with closing(Cache.open()) as cache, Workers() as workers:
        data = load(Path(folder), cache, workers=workers)
    return periksa(data)
