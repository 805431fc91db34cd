"""A table of rows by name kept in a file, with its latest changes in a small file beside it.

The jabatan cache and the build manifest hold a row for each of thousands of jabatan or cards,
and a rebuild after one edit changes a handful: writing every row again would cost more than the
rest of that rebuild. The changed rows go to ``<file>.baru``; the table is written whole (and
``.baru`` emptied) only when the changes grow past a twentieth of it, or when its header changes.

Both files are ``marshal`` blobs (fast to read and write; plain values only), each replaced
atomically. ``.baru`` names the table it belongs to by a token, so changes are never applied to
a table written after them. A file that cannot be read counts as empty.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from dokgen.output import write_atomic

FORMAT = (1, sys.version_info[:2])
"""Of the blobs (marshal's own format may differ between Python versions)."""
_BARU = ".baru"
HAPUS = None
"""A row's value in ``.baru`` when it was removed."""


class Jurnal:
    """The table in ``path``, valid only under the mark ``tanda`` (anything else: empty)."""

    def __init__(self, path: Path, tanda: object) -> None:
        self.path = path
        self.tanda = (FORMAT, tanda)
        self._token = b""
        self._kepala: Any = None
        self._baru: dict[str, Any] = {}
        self._ukuran = 0

    def baca(self) -> tuple[Any, dict[str, Any]]:
        """(header, rows by name) as last written, or (None, {})."""
        table = self._muat(self.path)
        if table is None:
            return None, {}
        self._token, self._kepala, rows = table
        self._ukuran = len(rows)
        changes = self._muat(self._path_baru)
        if changes is not None and changes[0] == self._token:
            self._baru = changes[2]
            for name, row in self._baru.items():
                if row is HAPUS:
                    rows.pop(name, None)
                else:
                    rows[name] = row
        return self._kepala, rows

    def tulis(self, kepala: Any, rows: dict[str, Any], berubah: Iterable[str]) -> None:
        """Keep ``rows`` (plain values) under ``kepala``; ``berubah`` names the rows added,
        replaced or removed since :meth:`baca`. Errors are the caller's (a cache ignores them,
        a manifest not)."""
        berubah = list(berubah)
        same_table = bool(self._token) and kepala == self._kepala
        if same_table and not berubah:
            return
        changes = {**self._baru, **{name: rows.get(name, HAPUS) for name in berubah}}
        if same_table and len(changes) <= max(16, self._ukuran // 20):
            self._simpan(self._path_baru, self._token, changes)
            self._baru = changes
            return
        token = os.urandom(8)
        self._simpan(self.path, token, rows, kepala)
        with contextlib.suppress(OSError):
            os.unlink(self._path_baru)
        self._token, self._kepala, self._baru, self._ukuran = token, kepala, {}, len(rows)

    @property
    def _path_baru(self) -> Path:
        return self.path.with_name(self.path.name + _BARU)

    def _muat(self, path: Path) -> tuple[bytes, Any, dict[str, Any]] | None:
        try:
            tanda, token, kepala, rows = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if tanda != self.tanda or not isinstance(rows, dict):
            return None
        return token, kepala, rows

    def _simpan(self, path: Path, token: bytes, rows: dict[str, Any], kepala: Any = None) -> None:
        write_atomic(path, marshal.dumps((self.tanda, token, kepala, rows)))
