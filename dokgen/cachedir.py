"""Where dokgen keeps what it can always compute again, and the fingerprint of its own code.

``$DOKGEN_TEMBOLOK`` (default ``~/.cache/dokgen``; ``mati``: keep nothing) holds the jabatan
cache (:mod:`dokgen.tembolok`) and compiled templates (:mod:`dokgen.render`). Anything in it
may be deleted at any time.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path

import dokgen

MATI = "mati"


def folder_tembolok() -> Path | None:
    setting = os.environ.get("DOKGEN_TEMBOLOK", "")
    if setting == MATI:
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory: nothing is cached
            return None
    return Path(base) / "dokgen"


@cache
def sidik_kode() -> str:
    """A fingerprint of this dokgen (version, and size and time of each of its source files) and
    of the Python running it: what is cached by one is not trusted by another."""
    digest = hashlib.sha256(f"{dokgen.__version__} {sys.version}".encode())
    code = Path(dokgen.__file__).parent
    for path in sorted(code.rglob("*.py")):
        st = path.stat()
        digest.update(f"{path.relative_to(code)} {st.st_size} {st.st_mtime_ns}".encode())
    return digest.hexdigest()
