"""Document kinds: one module each, declaring its :class:`~dokgen.documents.common.Kind`.

Adding a kind is one module here, one template in ``templates/`` and one line in
:data:`MODULES`; the build, the command line's ``--hanya`` and its help follow from it. The
modules are imported when the kinds are first asked for (``dokgen --help`` stays quick).
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dokgen.documents.common import Kind

MODULES = {
    "keputusan": "keputusan",
    "dokumen-iku": "dokumen_iku",
    "pohon-kinerja": "pohon_kinerja",
    "lkj": "lkj",
    "lkjip": "lkjip",
    "iki": "iki",
    "rencana-aksi": "rencana_aksi",
    "pk": "pk",
}
"""Every document kind by name, with its module, in build order."""


@cache
def kinds() -> dict[str, Kind]:
    """Every document kind by name, in build order."""
    result = {}
    for name, module in MODULES.items():
        kind: Kind = importlib.import_module(f"dokgen.documents.{module}").KIND
        assert kind.name == name, (kind.name, name)
        result[name] = kind
    return result
