"""What every document kind shares: the document to render, plain contexts, kop and signature.

A template sees plain data only — dicts, lists, strings, numbers, booleans, None —
never a model or a path: a template is something clerks exchange by email, and the sandbox
cannot stop a template from calling a public method of an object it is given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel

from dokgen.docinfo import DocumentProperties, Gambar
from dokgen.format import LANJUT
from dokgen.load import DataDinas
from dokgen.model import Dinas, Model

Plain = dict[str, Any]
"""A template context: plain data only (see :func:`plain`)."""


@dataclass(frozen=True)
class Dokumen:
    """One document to render: its output path (relative to the build folder) and context.

    ``cached`` names a part of the context kept in the cache (an IKI card's jabatan): it is
    added to ``context`` when the document is rendered, and its name stands for it in the
    document's fingerprint.
    """

    nama_berkas: str
    template: str
    context: Plain
    gambar: dict[str, Gambar] = field(default_factory=dict)
    properties: DocumentProperties | None = None
    cached: str | None = None
    triwulan: tuple[int, int] | None = None
    """(tahun, triwulan) of the quarter a report is about."""


@dataclass(frozen=True)
class Kind:
    """A document kind, as the build and the command line know it.

    ``documents`` gives every document of the kind for a dinas; ``missing`` says why the kind
    does not apply to it (None when it does). A kind with ``combined`` also gets one document
    holding all of its documents, each on a new page.
    """

    name: str
    label: str
    template: str
    missing: Callable[[DataDinas], str | None]
    documents: Callable[[DataDinas], list[Dokumen]]
    combined: str | None = None
    """File name of one document holding every document of the kind, each on a new page."""


def plain(value: Any) -> Any:
    """``value`` as plain data: a model becomes a dict of its fields and of the properties its
    class defines (``formula.pecahan``, ``dinas.jabatan_kepala`` …), lists stay lists."""
    if isinstance(value, str | int | float | Decimal | bool | None):
        return value
    if isinstance(value, BaseModel):
        result = {name: plain(getattr(value, name)) for name in type(value).model_fields}
        for name in _properties(type(value)):
            result[name] = plain(getattr(value, name))
        return result
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"not plain data: {type(value).__name__}")


@cache
def _properties(cls: type) -> tuple[str, ...]:
    """The properties a model class adds to :class:`Model` (computed values a template reads)."""
    names: list[str] = []
    for klass in cls.__mro__:
        if klass in (Model, BaseModel) or not issubclass(klass, Model):
            continue
        names += [n for n, v in vars(klass).items() if isinstance(v, property) and n not in names]
    return tuple(names)


KOP_CM = 2.5
"""Height of the lambang in a kop surat."""
SAMPUL_CM = 4.0
"""Height of the lambang on a cover (Dokumen IKU, Laporan Kinerja)."""


def gambar_kop(data: DataDinas, tinggi_cm: float = KOP_CM) -> dict[str, Gambar]:
    """The dinas's logo (``gambar.logo``) at ``tinggi_cm``, when the data names one."""
    return {"logo": Gambar(data.logo, tinggi_cm=tinggi_cm)} if data.logo else {}


def dari_cache(data: DataDinas, bagian: str, masukan: str, hitung: Callable[[], Any]) -> Any:
    """Plain data (bytes allowed) computed by ``hitung`` from ``masukan`` (text naming
    everything it is made of), as :func:`~dokgen.jabatan.decode` reads it back: from the cache
    the data was loaded with when an earlier run computed it with this code, else computed and
    kept there. What pays for it: pictures (a tree's pages, the LKj's charts: tenths of a second
    each) are not drawn again by a build whose data did not change them."""
    from dokgen.cache import code_fingerprint, sha
    from dokgen.jabatan import decode, encode

    key = sha(f"{code_fingerprint()}\0{bagian}\0{masukan}".encode())
    found = data.cache.get(key) if data.cache else None
    if found is None:
        found = encode(hitung())
        if data.cache:
            data.cache.put_many([(key, found)])
    return decode(found)


def bersambung(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """``rows`` with ``terus``: whether the next row continues this one's group (its ``key``
    cell is merged into this one, :data:`~dokgen.format.LANJUT`), so the template keeps the two
    on one page and a page break never leaves a group's rows under an empty merged cell."""
    return [
        {**row, "terus": i + 1 < len(rows) and rows[i + 1][key] == LANJUT}
        for i, row in enumerate(rows)
    ]


def bernomor(
    keys: Sequence[str], ada: Callable[[str], bool], label: Callable[[int], str]
) -> dict[str, str]:
    """The label of every item that is printed (``ada``), counted in order from 1 — '3.1',
    'A' …; '' for an item left out, so the labels after it close up."""
    present = [key for key in keys if ada(key)]
    return {key: label(present.index(key) + 1) if key in present else "" for key in keys}


def dasar(data: DataDinas, pada: dt.date | None) -> Plain:
    """What every document's context starts with: the dinas, its full name, kop, and the
    signature of the head in office on ``pada``, the document's date."""
    dinas = data.dinas
    return {
        "dinas": plain(dinas),
        "nama": f"{dinas.nama} {dinas.pemda.sebutan}",
        "kop": kop(dinas),
        "ttd": tanda_tangan(dinas, pada),
    }


def properties(data: DataDinas, title: str, year: int | None = None) -> DocumentProperties:
    """The document properties Word shows (title, subject, author): from the data."""

    dinas = data.dinas
    created = dt.date(year, 1, 1) if year else None
    return DocumentProperties(
        title=title,
        subject=f"{dinas.nama} {dinas.pemda.sebutan}",
        creator=f"{dinas.nama} {dinas.pemda.sebutan}",
        created=created,
    )


def kop(dinas: Dinas) -> dict[str, str]:
    """The letterhead (tata naskah dinas): PEMERINTAH …, the dinas, its address line (address,
    telephone, faksimile, kode pos) and contact line (laman, surel) — each only with what the data
    holds; and the head's title in one line."""
    alamat = [dinas.alamat or ""]
    if dinas.telepon:
        alamat.append(f"Telepon {dinas.telepon}")
    if dinas.faksimile:
        alamat.append(f"Faksimile {dinas.faksimile}")
    kontak = []
    if dinas.laman:
        kontak.append(f"Laman {dinas.laman}")
    if dinas.email:
        kontak.append(f"Pos-el {dinas.email}")
    kode_pos = f"Kode Pos {dinas.kode_pos}" if dinas.kode_pos else ""
    return {
        "pemerintah": f"PEMERINTAH {dinas.pemda.sebutan.upper()}",
        "dinas": dinas.nama.upper(),
        "alamat": ", ".join(a for a in alamat if a),
        "kontak": ", ".join(kontak),
        "kode_pos": kode_pos,
        "jabatan": f"KEPALA {dinas.nama.upper()} {dinas.pemda.sebutan.upper()}",
    }


SEBUTAN = {"definitif": "", "plt": "Plt.", "plh": "Plh.", "pj": "Pj."}
"""How an office not held definitively is written before the title."""


def dengan_status(judul: str, status: str) -> str:
    """'Plt. Kepala Dinas …' for an office held by a Plt (Plh, Pj); the title as is otherwise."""
    sebutan = SEBUTAN[status]
    return f"{sebutan} {judul}" if sebutan else judul


def tanda_tangan(dinas: Dinas, pada: dt.date | None) -> dict[str, str]:
    """The Kepala Dinas signature block: title lines (the first with Plt./Plh./Pj. when the head
    in office holds it so), and the name, pangkat and NIP of the head in office on ``pada``
    (:meth:`~dokgen.model.Dinas.kepala_pada`)."""
    kepala = dinas.kepala_pada(pada)
    baris = dinas.jabatan_kepala
    return {
        "jabatan": "\n".join([dengan_status(baris[0], kepala.status), *baris[1:]]),
        "nama": kepala.nama,
        "pangkat": kepala.pangkat or "",
        "golongan": kepala.golongan or "",
        "nip": kepala.nip or "",
    }
