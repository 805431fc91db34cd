"""Every Gagal and Lolos example in a rule's docstring is run, the way yamllint tests its rules.

A rule's docstring (printed as written by ``dokgen rules``) holds its examples::

    Gagal: jabatan/02-kasubag-umum.yaml ::

        iki:
          - sasaran: Meningkatnya tertib administrasi umum
            indikator:
              - uraian: Jumlah laporan  # ← temuan

    dan jabatan/03-staf.yaml ::

        kode: staf
        ...

    Lolos: jabatan/02-kasubag-umum.yaml ::

        ...

- ``Gagal: <file> ::`` or ``Lolos: <file> ::`` at the start of a line opens an example; the
  indented block below it is a YAML fragment for ``<file>`` (relative to the data folder).
  ``dan <file> ::`` adds another file to the same example. Prose may stand between examples;
  any other line starting with "Gagal" or "Lolos" is an error.
- The fragment is merged into a copy of the base folder, ``tests/contoh_aturan`` (small, and no
  rule finds anything in it), or the folder the header names: ``Gagal: <file> di data/x ::``
  (relative to the repository). Merging is simple: a mapping merges into the base's mapping key by
  key, recursively; anything else (a list, a text, a number, an empty value) replaces the base's
  value whole. A file the base does not have is written from the fragment alone. The merge works on
  YAML nodes, so every value keeps the text it was written as (``1.000`` stays ``1.000``).
- A Gagal example: the rule reports a finding in one of the example's files, and at every line
  marked ``# ← temuan`` — the line, in the merged file, of the key or list item that the marked
  line starts. The rule reports nothing in the base alone.
- A Lolos example: the rule reports nothing. Other rules are not looked at: an example only has to
  be complete enough to load.
- Every rule has at least one Gagal and one Lolos example.
"""

from __future__ import annotations

import inspect
import re
import shutil
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Literal

import pytest
import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from dokgen.checks import RULES, periksa
from dokgen.errors import DataError
from dokgen.load import load
from tests.conftest import ROOT

DASAR = Path(__file__).parent / "contoh_aturan"
"""The default base folder of the examples."""

_KEPALA = re.compile(
    r"^(?:(?P<jenis>Gagal|Lolos): |dan )(?P<berkas>[\w./-]+\.yaml)(?: di (?P<dasar>[\w./-]+))? ::$"
)
_TANDA = re.compile(r"#\s*←\s*temuan\s*$")

Jenis = Literal["Gagal", "Lolos"]
PathYaml = tuple[str | int, ...]


class ContohRusak(Exception):
    """A docstring whose examples cannot be read."""


@dataclass(frozen=True)
class Tambalan:
    """One YAML fragment of an example and the file it is merged into."""

    berkas: str
    yaml: str
    tanda: tuple[int, ...]
    """Lines of the fragment (from 1) marked ``# ← temuan``."""


@dataclass(frozen=True)
class Contoh:
    """One Gagal or Lolos example of a rule."""

    code: str
    jenis: Jenis
    nomor: int
    """1, 2, … among the rule's examples of the same kind."""
    dasar: Path
    tambalan: tuple[Tambalan, ...]

    @property
    def id(self) -> str:
        return f"{self.code}-{self.jenis.lower()}-{self.nomor}"


# --- reading the examples of a docstring ------------------------------------------------------


def contoh_aturan(code: str, doc: str) -> list[Contoh]:
    """The examples in ``doc`` (the rule's docstring), in order."""
    lines = inspect.cleandoc(doc).splitlines()
    result: list[Contoh] = []
    nomor: dict[Jenis, int] = {"Gagal": 0, "Lolos": 0}
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _KEPALA.match(line)
        if match is None:
            if line.startswith(("Gagal", "Lolos")) or line.rstrip().endswith("::"):
                raise ContohRusak(f"{code}: '{line}' bukan kepala contoh ('Gagal: <berkas> ::')")
            i += 1
            continue
        block, i = _blok(lines, i + 1)
        if not block.strip():
            raise ContohRusak(f"{code}: '{line}' tanpa blok YAML yang menjorok di bawahnya")
        tambalan = Tambalan(
            match["berkas"],
            block,
            tuple(n for n, text in enumerate(block.splitlines(), 1) if _TANDA.search(text)),
        )
        if match["jenis"] is None:  # 'dan <berkas> ::'
            if not result or match["dasar"]:
                raise ContohRusak(f"{code}: '{line}' harus menyusul sebuah contoh, tanpa 'di'")
            result[-1] = replace(result[-1], tambalan=(*result[-1].tambalan, tambalan))
            continue
        jenis: Jenis = "Gagal" if match["jenis"] == "Gagal" else "Lolos"
        nomor[jenis] += 1
        dasar = ROOT / match["dasar"] if match["dasar"] else DASAR
        result.append(Contoh(code, jenis, nomor[jenis], dasar, (tambalan,)))
    return result


def _blok(lines: list[str], start: int) -> tuple[str, int]:
    """The indented block from ``start`` (blank lines before it skipped), dedented, and the index
    of the first line after it."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    end = i
    while end < len(lines) and (not lines[end].strip() or lines[end][0] == " "):
        end += 1
    return textwrap.dedent("\n".join(lines[i:end])).strip("\n") + "\n", end


# --- applying an example ----------------------------------------------------------------------


def gabung(dasar: Node | None, tambalan: Node) -> Node:
    """``tambalan`` merged into ``dasar``: mappings key by key, anything else replaced."""
    if not (isinstance(dasar, MappingNode) and isinstance(tambalan, MappingNode)):
        return tambalan
    items = list(dasar.value)
    index = {key.value: n for n, (key, _) in enumerate(items)}
    for key, value in tambalan.value:
        if key.value in index:
            n = index[key.value]
            items[n] = (items[n][0], gabung(items[n][1], value))
        else:
            items.append((key, value))
    return MappingNode(dasar.tag, items, flow_style=dasar.flow_style)


def _compose(text: str) -> Node | None:
    return yaml.compose(text, Loader=yaml.SafeLoader)


def terapkan(contoh: Contoh, folder: Path) -> None:
    """Copy the example's base to ``folder`` and merge every fragment into it."""
    shutil.copytree(contoh.dasar, folder)
    for tambalan in contoh.tambalan:
        path = folder / tambalan.berkas
        patch = _compose(tambalan.yaml)
        assert patch is not None, f"{contoh.id}: blok YAML untuk {tambalan.berkas} kosong"
        base = _compose(path.read_text(encoding="utf-8")) if path.is_file() else None
        merged = gabung(base, patch)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.serialize(merged, Dumper=yaml.SafeDumper, allow_unicode=True, width=10_000)
        path.write_text(text, encoding="utf-8")


def _jalur(node: Node, path: PathYaml = ()) -> Iterator[tuple[PathYaml, int]]:
    """(path, line) of every key and list item below ``node``; a key's line is the key's own."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            sub = (*path, key.value)
            yield sub, key.start_mark.line + 1
            yield from _jalur(value, sub)
    elif isinstance(node, SequenceNode):
        for n, item in enumerate(node.value):
            sub = (*path, n)
            yield sub, item.start_mark.line + 1
            yield from _jalur(item, sub)


def _baris(node: Node, path: PathYaml) -> int:
    """The line of ``path`` in ``node`` (as :func:`_jalur` counts it)."""
    return dict(_jalur(node))[path]


def baris_tanda(contoh: Contoh, folder: Path) -> set[tuple[str, int]]:
    """(file, line) in the merged ``folder`` of every line the example marks."""
    result = set()
    for tambalan in contoh.tambalan:
        fragment = _compose(tambalan.yaml)
        assert fragment is not None
        paths = list(_jalur(fragment))
        merged = _compose((folder / tambalan.berkas).read_text(encoding="utf-8"))
        assert merged is not None
        for mark in tambalan.tanda:
            on_line = [path for path, line in paths if line == mark]
            assert on_line, f"{contoh.id}: baris {mark} bertanda tidak memulai kunci atau butir"
            result.add((tambalan.berkas, _baris(merged, min(on_line, key=len))))
    return result


# --- the tests --------------------------------------------------------------------------------


def _semua() -> tuple[list[Contoh], dict[str, str]]:
    """Every example of every rule, and the reading error of each rule that has one."""
    examples: list[Contoh] = []
    errors: dict[str, str] = {}
    for code, rule in sorted(RULES.items()):
        try:
            examples += contoh_aturan(code, rule.check.__doc__ or "")
        except ContohRusak as exc:
            errors[code] = str(exc)
    return examples, errors


CONTOH, RUSAK = _semua()


def temuan(folder: Path, code: str) -> set[tuple[str, int | None]]:
    """(file relative to ``folder``, line) of every finding of ``code``."""
    try:
        findings = periksa(load(folder))
    except DataError as exc:
        pytest.fail("data contoh tidak dapat dimuat:\n" + "\n".join(exc.lines()))
    return {
        (Path(f.file).relative_to(folder).as_posix(), f.line) for f in findings if f.code == code
    }


@cache
def _kode_dasar(folder: Path) -> frozenset[str]:
    return frozenset(f.code for f in periksa(load(folder)))


@pytest.mark.parametrize("contoh", CONTOH, ids=lambda c: c.id)
def test_contoh(contoh: Contoh, tmp_path: Path) -> None:
    assert contoh.code not in _kode_dasar(contoh.dasar), f"{contoh.code} sudah gagal di data dasar"
    folder = tmp_path / "data"
    terapkan(contoh, folder)
    found = temuan(folder, contoh.code)
    if contoh.jenis == "Lolos":
        assert found == set()
        return
    files = {t.berkas for t in contoh.tambalan}
    assert {file for file, _ in found} & files, f"tidak ada temuan di {files}: {found}"
    assert baris_tanda(contoh, folder) <= found


@pytest.mark.parametrize("code", sorted(RULES))
def test_setiap_aturan_punya_contoh_gagal_dan_lolos(code: str) -> None:
    if code in RUSAK:
        pytest.fail(RUSAK[code])
    kinds = {c.jenis for c in CONTOH if c.code == code}
    assert kinds == {"Gagal", "Lolos"}


def test_data_dasar_bersih() -> None:
    assert periksa(load(DASAR)) == []


# --- the format itself ------------------------------------------------------------------------


def _gabung_teks(dasar: str, tambalan: str) -> object:
    base, patch = _compose(dasar), _compose(tambalan)
    assert patch is not None
    merged = yaml.serialize(gabung(base, patch), Dumper=yaml.SafeDumper, allow_unicode=True)
    return yaml.safe_load(merged)


def test_mappings_merge_and_everything_else_replaces() -> None:
    dasar = "a: {b: 1, c: [1, 2]}\nd: x\n"
    merged = _gabung_teks(dasar, "a: {c: [3]}\ne: y\n")
    assert merged == {"a": {"b": 1, "c": [3]}, "d": "x", "e": "y"}
    assert _gabung_teks(dasar, "a:\n") == {"a": None, "d": "x"}
    assert _gabung_teks("", "a: 1\n") == {"a": 1}


def test_values_keep_their_text(tmp_path: Path) -> None:
    (tmp_path / "dasar").mkdir()
    (tmp_path / "dasar" / "x.yaml").write_text("pagu: {2024: 1.000}\nnip: '0123'\n")
    contoh = Contoh("X", "Gagal", 1, tmp_path / "dasar", (Tambalan("x.yaml", "ok: NO\n", ()),))
    terapkan(contoh, tmp_path / "hasil")
    assert (tmp_path / "hasil" / "x.yaml").read_text() == (
        "pagu: {2024: 1.000}\nnip: '0123'\nok: NO\n"
    )


def test_reading_a_docstring() -> None:
    doc = """Judul.

    Penjelasan.

    Gagal: a.yaml di data/x ::

        k:
          - v  # ← temuan

    dan b/c.yaml ::

        z: 1

    Lolos: a.yaml ::

        k: []
    """
    gagal, lolos = contoh_aturan("X", doc)
    assert gagal.id == "X-gagal-1" and gagal.dasar == ROOT / "data" / "x"
    assert [(t.berkas, t.tanda) for t in gagal.tambalan] == [("a.yaml", (2,)), ("b/c.yaml", ())]
    assert gagal.tambalan[0].yaml == "k:\n  - v  # ← temuan\n"
    assert (lolos.jenis, lolos.dasar, lolos.tambalan[0].yaml) == ("Lolos", DASAR, "k: []\n")
    with pytest.raises(ContohRusak, match="bukan kepala contoh"):
        contoh_aturan("X", "Judul.\n\nGagal: ``iki: []``.")
    with pytest.raises(ContohRusak, match="tanpa blok YAML"):
        contoh_aturan("X", "Judul.\n\nGagal: a.yaml ::\n\nTeks.")
    with pytest.raises(ContohRusak, match="harus menyusul"):
        contoh_aturan("X", "Judul.\n\ndan a.yaml ::\n\n    k: 1\n")


def test_a_mark_names_the_line_of_its_key_or_item_in_the_merged_file(tmp_path: Path) -> None:
    (tmp_path / "dasar").mkdir()
    (tmp_path / "dasar" / "x.yaml").write_text("a: 1\nb: 2\nc: [1]\n")
    fragment = "c:\n  - 5\n  - 6  # ← temuan\nb: 3  # ← temuan\n"
    contoh = Contoh("X", "Gagal", 1, tmp_path / "dasar", (Tambalan("x.yaml", fragment, (3, 4)),))
    terapkan(contoh, tmp_path / "hasil")
    # merged: a: 1 / b: 3 / c: / - 5 / - 6
    assert baris_tanda(contoh, tmp_path / "hasil") == {("x.yaml", 2), ("x.yaml", 5)}
