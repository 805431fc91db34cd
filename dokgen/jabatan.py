"""Every jabatan file of a dinas, read once and remembered by content.

A kabupaten has thousands of jabatan; after one is edited, the others are not read again. For
each file the loader keeps a :class:`JabatanRecord` — the summary the rules across jabatan need,
the findings of the rules that judge one jabatan, and the hash of its card's context (the context
itself is in the cache under that hash) — in the :class:`~dokgen.cache.Cache`, under a key made
of the file's bytes, its path, the dinas's other files and dokgen's code. The models are not kept
(memory does not grow with the number of jabatan) unless asked for.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from dokgen.cache import Cache, code_fingerprint, sha
from dokgen.checks import Finding, jabatan_findings
from dokgen.documents import iki
from dokgen.documents.common import Plain
from dokgen.errors import DataError, Location, Problem
from dokgen.load import (
    KATALOG,
    DataDinas,
    berkas_jabatan,
    kode_ganda,
    load_bersama,
    load_jabatan,
)
from dokgen.model import RingkasanJabatan
from dokgen.parallel import imap


@dataclass(frozen=True)
class JabatanRecord:
    """What a build and a check need of one jabatan file."""

    ringkasan: RingkasanJabatan
    findings: tuple[Finding, ...]
    """Of the rules with scope ``jabatan``, at their default level."""
    kartu: str
    """Hash of the card's context (:func:`encode`): its key in the cache."""


def encode(value: Any) -> bytes:
    """Plain data as canonical JSON (Decimal kept exact): what is hashed and cached."""
    return json.dumps(
        value, default=_decimal, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def decode(blob: bytes) -> Any:
    return json.loads(blob, object_hook=_undecimal)


def _decimal(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    raise TypeError(f"not plain data: {type(value).__name__}")


def _undecimal(obj: dict[str, Any]) -> Any:
    return Decimal(obj["$decimal"]) if obj.keys() == {"$decimal"} else obj


def shared_fingerprint(folder: Path) -> str:
    """A hash of everything a jabatan's record depends on besides its own file."""
    digest = hashlib.sha256(code_fingerprint().encode())
    shared = [KATALOG, *sorted(folder.glob("*.yaml")), *sorted(folder.glob("realisasi/*.yaml"))]
    for path in shared:
        try:
            content = path.read_bytes()
        except OSError:
            content = b"\0tidak terbaca\0"
        digest.update(path.name.encode() + b"\0" + content + b"\0")
    return digest.hexdigest()


def read_all(data: DataDinas, cache: Cache, keep_models: bool = False) -> list[JabatanRecord]:
    """The record of every jabatan file of ``data.folder``, in order; sets ``data.ringkasan``
    (and ``data.jabatan`` with ``keep_models``). Raises :class:`DataError` listing every problem
    of the files."""
    folder = data.folder
    shared = shared_fingerprint(folder)
    paths = [folder / "jabatan" / name for name in berkas_jabatan(folder)]
    contents: list[bytes | None] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            contents.append(path.read_bytes())
        except OSError:
            contents.append(None)  # load_jabatan says why
    keys = [
        sha(f"jabatan {shared} {os.fsdecode(path)}\0".encode() + content) if content else ""
        for path, content in zip(paths, contents, strict=True)
    ]
    found = {} if keep_models else cache.get_many([k for k in keys if k])
    records: list[JabatanRecord | None] = [None] * len(paths)
    misses = []
    for i, key in enumerate(keys):
        record = _unpack(found[key]) if key in found else None
        if record is None:
            misses.append(i)
        records[i] = record
    _READER.update(data=data, keep_models=keep_models)
    new: list[tuple[str, bytes]] = []
    jobs = 1 if keep_models else None
    work = ((i, os.fspath(paths[i])) for i in misses)
    for i, packed, context, found_problems in imap(
        _read_one, work, len(misses), jobs, _setup_reader, (os.fspath(folder),)
    ):
        problems += found_problems
        if packed is not None and context is not None:
            records[i] = record = _unpack(packed)
            new += [(record.kartu, context), *([(keys[i], packed)] if keys[i] else [])]
    if keep_models:
        data.jabatan = _READER.pop("models", [])
    if new:
        cache.put_many(new)
    records = [r for r in records if r is not None]
    ringkasan = [r.ringkasan for r in records]
    problems += kode_ganda(ringkasan)
    if problems:
        raise DataError(problems)
    data.ringkasan = ringkasan
    return records


_READER: dict[str, Any] = {}
"""What :func:`_read_one` reads with, in every process: the shared data of the dinas."""


def _setup_reader(folder: str) -> None:
    """Runs once in every process that reads jabatan files (a worker loads the shared data)."""
    data = _READER.get("data")
    if data is None or os.fspath(data.folder) != folder:
        loaded, _ = load_bersama(Path(folder))  # valid: the main process loaded it first
        _READER.update(data=loaded, keep_models=False)


def _read_one(item: tuple[int, str]) -> tuple[int, bytes | None, bytes | None, list[Problem]]:
    """Read and check one jabatan file: (index, packed record, card context, problems)."""
    i, path = item
    data: DataDinas = _READER["data"]
    jabatan, problems = load_jabatan(Path(path))
    if jabatan is None:
        return i, None, None, problems
    if _READER.get("keep_models"):
        _READER.setdefault("models", []).append(jabatan)
    context = encode(iki.konteks(jabatan))
    record = JabatanRecord(
        RingkasanJabatan.dari(jabatan), jabatan_findings(data, jabatan), sha(context)
    )
    return i, _pack(record), context, problems


def _pack(record: JabatanRecord) -> bytes:
    r = record.ringkasan
    summary = [*r[:7], r.iki.hex(), list(r.kode_baris), [list(m) for m in r.mendukung]]
    findings = [[f.code, f.severity, f.file, f.line, f.message] for f in record.findings]
    return encode([summary, findings, record.kartu])


def _unpack(blob: bytes) -> JabatanRecord | None:
    """The record packed by :func:`_pack`; None when it is not one (then the file is read)."""
    try:
        summary, findings, kartu = decode(blob)
        *head, iki_hex, kode_baris, mendukung = summary
        ringkasan = RingkasanJabatan(
            *head, bytes.fromhex(iki_hex), tuple(kode_baris), tuple(tuple(m) for m in mendukung)
        )
        return JabatanRecord(ringkasan, tuple(Finding(*f) for f in findings), kartu)
    except (ValueError, TypeError):
        return None


def card_context(data: DataDinas, key: str, cache: Cache) -> Plain:
    """The jabatan part of a card's context, by its hash: from the cache, or — when the cache
    lost it — from the jabatan file whose record names it."""
    blob = cache.get(key)
    if blob is not None and sha(blob) == key:
        context: Plain = decode(blob)
        return context
    for record in data.records:
        if record.kartu == key:
            jabatan = load_jabatan(Path(record.ringkasan.berkas))[0]
            if jabatan is not None:
                blob = encode(iki.konteks(jabatan))
                if sha(blob) == key:
                    cache.put_many([(key, blob)])
                    return iki.konteks(jabatan)
    where = Location(Path(data.folder / "jabatan"))
    raise DataError([Problem(where, "berkas jabatan berubah selama pembuatan; ulangi perintah")])
