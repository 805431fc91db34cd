"""Every jabatan file of a dinas, read once and remembered by content.

A kabupaten has thousands of jabatan; after one is edited, the others are not read again. For
each file the loader keeps a :class:`JabatanRecord` — the summary the rules across jabatan need,
the findings of the rules that judge one jabatan, and the hash of its card's context (the context
itself is in the cache under that hash) — in the :class:`~dokgen.cache.Cache`, under a key made
of the file's bytes, its path, the dinas's other files and dokgen's code. The models are not kept
(memory does not grow with the number of jabatan) unless asked for.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from dokgen.cache import Cache, code_fingerprint, sha
from dokgen.checks import Finding, Severity, jabatan_findings
from dokgen.documents import iki
from dokgen.documents.common import Plain
from dokgen.documents.pohon_kinerja import JabatanPohon
from dokgen.errors import DataError, Location, Problem
from dokgen.load import (
    KATALOG,
    NAMA_DATA,
    DataDinas,
    berkas_jabatan,
    kode_ganda,
    load_bersama,
    load_jabatan,
)
from dokgen.model import Jabatan, RingkasanJabatan
from dokgen.parallel import Workers
from dokgen.yamlsrc import read_bytes


@dataclass(frozen=True)
class JabatanRecord:
    """What a build and a check need of one jabatan file."""

    ringkasan: RingkasanJabatan
    findings: tuple[Finding, ...]
    """Of the rules with scope ``jabatan``, at their default level."""
    card_key: str
    """Hash of the card's context (:func:`encode`): its key in the cache."""
    tree_key: str
    """Hash of what the pohon kinerja shows of the jabatan (name, atasan, holder, IKI rows):
    the jabatan tree is drawn again only when one of these changes."""


def encode(value: Any) -> bytes:
    """Plain data as canonical JSON (Decimal kept exact, bytes as base64): what is hashed and
    cached."""
    return json.dumps(
        value, default=_tagged, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def decode(blob: bytes) -> Any:
    return json.loads(blob, object_hook=_untagged)


def _tagged(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"not plain data: {type(value).__name__}")


def _untagged(obj: dict[str, Any]) -> Any:
    if obj.keys() == {"$decimal"}:
        return Decimal(obj["$decimal"])
    if obj.keys() == {"$bytes"}:
        return base64.b64decode(obj["$bytes"])
    return obj


def shared_fingerprint(folder: Path) -> str:
    """A hash of everything a jabatan's record depends on besides its own file."""
    digest = hashlib.sha256(code_fingerprint().encode())
    read = [folder / name for name in NAMA_DATA if name.endswith(".yaml")]
    shared = [KATALOG, *read, *sorted(folder.glob("realisasi/*.yaml"))]
    for path in shared:
        digest.update(path.name.encode() + b"\0" + _bytes(path) + b"\0")
    return digest.hexdigest()


def _bytes(path: Path) -> bytes:
    """What the loader reads of ``path`` (a mark when it cannot: the loader says why)."""
    try:
        return read_bytes(path)
    except DataError:
        return b"\0tidak terbaca\0"


def read_all(
    data: DataDinas, cache: Cache, keep_models: bool = False, workers: Workers | None = None
) -> list[JabatanRecord]:
    """The record of every jabatan file of ``data.folder``, in order; sets ``data.ringkasan``
    (and ``data.jabatan`` with ``keep_models``). Files not read before are read by ``workers``
    when there are many. Raises :class:`DataError` listing every problem of the files."""
    folder = data.folder
    shared = shared_fingerprint(folder)
    paths = [folder / "jabatan" / name for name in berkas_jabatan(folder)]
    keys = [_key(shared, path) for path in paths]
    found = {} if keep_models else cache.get_many([k for k in keys if k])
    records: list[JabatanRecord | None] = [
        _unpack(found[key]) if key in found else None for key in keys
    ]
    misses = [
        (os.fspath(folder), i, os.fspath(paths[i])) for i, r in enumerate(records) if r is None
    ]
    _SHARED[os.fspath(folder)] = data
    problems: list[Problem] = []
    new: list[tuple[str, bytes]] = []
    if keep_models:  # a whole load (diff, Excel, tests): every model, in order, in this process
        for i, path in enumerate(paths):
            jabatan, found_problems = load_jabatan(path)
            problems += found_problems
            if jabatan is not None:
                data.jabatan.append(jabatan)
                record, card = _record(data, jabatan)
                records[i] = record
                new.append((record.card_key, card))
    else:
        results = (workers or Workers(1)).imap(_read_one, misses, len(misses))
        for i, packed, context, found_problems in results:
            problems += found_problems
            unpacked = _unpack(packed) if packed is not None else None
            if unpacked is not None and packed is not None and context is not None:
                records[i] = unpacked
                new.append((unpacked.card_key, context))
                if keys[i]:
                    new.append((keys[i], packed))
                if len(new) >= 512:  # kept in the cache as they come: memory stays flat
                    cache.put_many(new)
                    new.clear()
    if new:
        cache.put_many(new)
    kept = [r for r in records if r is not None]
    ringkasan = [r.ringkasan for r in kept]
    problems += kode_ganda(ringkasan)
    if problems:
        raise DataError(problems)
    data.ringkasan = ringkasan
    return kept


def _key(shared: str, path: Path) -> str:
    """The cache key of a jabatan file's record: its bytes, its path and the shared data."""
    content = _bytes(path)
    return sha(f"jabatan {shared} {os.fsdecode(path)}\0".encode() + content)


_SHARED: dict[str, DataDinas] = {}
"""The shared data of each dinas whose files this process reads (a worker loads it once)."""


def _record(data: DataDinas, jabatan: Jabatan) -> tuple[JabatanRecord, bytes]:
    """The record of a valid jabatan, and its card's context (encoded)."""
    card = iki.konteks(jabatan, data)
    context = encode(card)
    findings = jabatan_findings(data, jabatan)
    tree = sha(repr(JabatanPohon.dari(card["jabatan"])).encode())
    return JabatanRecord(RingkasanJabatan.dari(jabatan), findings, sha(context), tree), context


def _read_one(item: tuple[str, int, str]) -> tuple[int, bytes | None, bytes | None, list[Problem]]:
    """Read and check one jabatan file: (index, packed record, card context, problems)."""
    folder, i, path = item
    data = _SHARED.get(folder)
    if data is None:  # a worker: the main process loaded and validated the shared data
        data, _ = load_bersama(Path(folder))
        assert data is not None
        _SHARED[folder] = data
    jabatan, problems = load_jabatan(Path(path))
    if jabatan is None:
        return i, None, None, problems
    record, context = _record(data, jabatan)
    return i, _pack(record), context, problems


def _pack(record: JabatanRecord) -> bytes:
    r = record.ringkasan
    summary = [*r[:7], r.iki.hex(), list(r.kode_baris), [list(m) for m in r.mendukung]]
    findings = [[f.code, f.severity, f.file, f.line, f.message] for f in record.findings]
    return encode([summary, findings, record.card_key, record.tree_key])


def _unpack(blob: bytes) -> JabatanRecord | None:
    """The record packed by :func:`_pack`; None when it is not one (then the file is read)."""
    try:
        summary, findings, card_key, tree_key = decode(blob)
        kode, nama, atasan, berkas, baris, baris_atasan, baris_iki = summary[:7]
        iki_hex, kode_baris, mendukung = summary[7:]
        ringkasan = RingkasanJabatan(
            kode,
            nama,
            atasan,
            berkas,
            baris,
            baris_atasan,
            baris_iki,
            bytes.fromhex(iki_hex),
            tuple(kode_baris),
            tuple((m, line) for m, line in mendukung),
        )
        findings = tuple(_finding(*f) for f in findings)
        return JabatanRecord(ringkasan, findings, card_key, tree_key)
    except (ValueError, TypeError):
        return None


def _finding(code: str, severity: Severity, file: str, line: int | None, message: str) -> Finding:
    """A finding as :func:`_unpack` reads it: its code, level and file name shared with every
    other finding's (thousands of jabatan, a few findings each: 4 MiB less at 5,000)."""
    return Finding(
        sys.intern(code), cast(Severity, sys.intern(severity)), sys.intern(file), line, message
    )


def card_contexts(data: DataDinas, keys: list[str], cache: Cache) -> dict[str, Plain]:
    """The jabatan part of the context of cards, by hash (:func:`card_blobs`, decoded)."""
    return {key: decode(blob) for key, blob in card_blobs(data, keys, cache).items()}


def card_context(data: DataDinas, key: str, cache: Cache) -> Plain:
    """The jabatan part of one card's context (:func:`card_contexts`)."""
    return card_contexts(data, [key], cache)[key]


def card_blobs(data: DataDinas, keys: list[str], cache: Cache) -> dict[str, bytes]:
    """The jabatan part of the context of cards, encoded (:func:`encode`), by hash: from the
    cache, or — when the cache lost one — from the jabatan file whose record names it."""
    found = cache.get_many(keys)
    blobs = {key: blob for key, blob in found.items() if sha(blob) == key}
    for key in keys:
        if key not in blobs:
            blobs[key] = _blob_from_file(data, key, cache)
    return blobs


def _blob_from_file(data: DataDinas, key: str, cache: Cache) -> bytes:
    for record in data.records:
        if record.card_key == key:
            jabatan = load_jabatan(Path(record.ringkasan.berkas))[0]
            if jabatan is not None:
                blob = encode(iki.konteks(jabatan, data))
                if sha(blob) == key:
                    cache.put_many([(key, blob)])
                    return blob
    where = Location(Path(data.folder / "jabatan"))
    raise DataError([Problem(where, "berkas jabatan berubah selama pembuatan; ulangi perintah")])
