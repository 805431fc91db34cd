"""Which workbook cell each value of an imported YAML file came from, so that a finding of
the check run after ``dokgen excel impor`` names ``Lembar!F7`` beside the file and line.

The import remembers the row every YAML-shaped value was made from (:attr:`Buku.asal` by the
value's id, :attr:`Buku.asal_kunci` for a key's own row); :func:`peta` walks each written file's
values into YAML paths, and :func:`sel` takes a finding's line back to a path and a column.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from dokgen.checks import Finding
from dokgen.excel.baca import Baris, Buku
from dokgen.yamlsrc import Path_, path_at, read_yaml

Peta = dict[Path_, Baris]
"""YAML path → the row it came from, for one file."""


def peta(buku: Buku, value: Any) -> Peta:
    """Every path of ``value`` (one file's new contents) with the row it came from."""
    result: Peta = {}

    def walk(node: Any, path: Path_, row: Baris | None) -> None:
        row = buku.asal.get(id(node), row)
        if isinstance(node, list) and node:  # a list of rows (IKI, indicators): the first's
            row = buku.asal.get(id(node[0]), row)
        if row is not None:
            result[path] = row
        if isinstance(node, dict):
            for key, item in node.items():
                walk(item, (*path, key), buku.asal_kunci.get((id(node), key), row))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*path, i), row)

    walk(value, (), None)
    return result


def sel(buku: Path, rows: Peta, lines: dict[Path_, int], line: int | None) -> str | None:
    """'buku.xlsx IKI!F12': the cell the value at ``line`` came from; None when unknown."""
    if line is None:
        return None
    known = {_teks(p): row for p, row in rows.items()}
    found = path_at(lines, line, lambda p: _teks(p) in known)
    if found is None:
        return None
    path = _teks(found)
    row = known[path]
    for column in _kolom(path):
        if column in row.cells:
            return f"{buku.name} {row.sheet}!{row.cells[column]}"
    first = next(iter(row.cells.values()), None)
    return f"{buku.name} {row.sheet}!{first}" if first else None


def _teks(path: Path_) -> tuple[str, ...]:
    """A path with every key as text: a year is 2024 in the YAML, '2024' in the workbook."""
    return tuple(str(k) for k in path)


def _kolom(path: tuple[str, ...]) -> list[str]:
    """The columns a value at ``path`` may sit in, most specific first: 'target 2024',
    'pemangku.nip', 'pembilang', 'tugas' for the third item of tugas, 'nilai' of a key/value
    sheet or a realisasi row."""
    keys = [k for k in path if not k.isdigit()]
    found = []
    if len(path) >= 2:
        found += [f"{path[-2]} {path[-1]}", f"{path[-2]}.{path[-1]}"]
    found += reversed(keys)
    return [*found, "nilai"]


def tandai(findings: list[Finding], xlsx: Path, asal: dict[str, Peta]) -> list[Finding]:
    """``findings`` with the cell of every one in a file the import made from ``xlsx``."""
    lines: dict[str, dict[Path_, int]] = {}
    result = []
    for finding in findings:
        rows = asal.get(finding.file)
        if rows is not None and finding.file not in lines:
            lines[finding.file] = read_yaml(Path(finding.file)).lines
        cell = sel(xlsx, rows, lines[finding.file], finding.line) if rows is not None else None
        result.append(replace(finding, sel=cell) if cell else finding)
    return result
