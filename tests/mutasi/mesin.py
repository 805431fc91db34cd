"""The machinery of the mutation suite: find places in a YAML file, edit them, check the result.

A place is named by a pattern of path segments joined by ``/``:

- ``kunci`` a mapping key; ``3`` or ``-1`` a list index (in a mapping: the key ``3``);
- ``*`` any child; ``**`` any depth (zero or more levels);
- ``[k=v]`` the list items that are mappings whose ``k`` is ``v``.

Edits are made on the text, at the spans PyYAML gives for the nodes, so everything else in the
file (comments, quoting, ``1.000``) stays as written. The line a finding is expected on is
computed from the edited file the way ``tests/test_aturan.py`` does: the line of a key, or of a
list item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Jalur = tuple[str | int, ...]
"""A concrete path: mapping keys (as written) and list indexes."""


class TidakBerlaku(Exception):
    """The mutation does not apply to this file (the place is not there)."""


def susun(text: str) -> Node:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        raise TidakBerlaku("berkas kosong")
    return node


def anak(node: Node) -> Iterator[tuple[str | int, Node]]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield key.value, value
    elif isinstance(node, SequenceNode):
        yield from enumerate(node.value)


def simpul(root: Node, path: Jalur) -> Node:
    node = root
    for step in path:
        for key, child in anak(node):
            if key == step:
                node = child
                break
        else:
            raise TidakBerlaku(f"tidak ada {'/'.join(map(str, path))}")
    return node


def kunci(root: Node, path: Jalur) -> Node | None:
    """The key node of the last step of ``path`` when it is a mapping key."""
    if not path:
        return None
    parent = simpul(root, path[:-1])
    if isinstance(parent, MappingNode):
        for key, _ in parent.value:
            if key.value == path[-1]:
                found: Node = key
                return found
    return None


def nilai(node: Node) -> Any:
    """The Python value of ``node`` (as PyYAML reads it)."""
    return yaml.SafeLoader.construct_document(yaml.SafeLoader(""), node)


def _cocok(node: Node, segs: list[str], path: Jalur) -> Iterator[Jalur]:
    if not segs:
        yield path
        return
    seg, rest = segs[0], segs[1:]
    if seg == "**":
        yield from _cocok(node, rest, path)
        for key, child in anak(node):
            yield from _cocok(child, segs, (*path, key))
        return
    if seg == "*":
        for key, child in anak(node):
            yield from _cocok(child, rest, (*path, key))
        return
    m = re.fullmatch(r"\[(\w+)=(.*)\]", seg)
    if m:
        if isinstance(node, SequenceNode):
            for i, item in enumerate(node.value):
                if isinstance(item, MappingNode) and any(
                    k.value == m[1] and isinstance(v, ScalarNode) and v.value == m[2]
                    for k, v in item.value
                ):
                    yield from _cocok(item, rest, (*path, i))
        return
    if isinstance(node, SequenceNode) and re.fullmatch(r"-?\d+", seg):
        n = int(seg)
        if -len(node.value) <= n < len(node.value):
            i = n % len(node.value)
            yield from _cocok(node.value[i], rest, (*path, i))
        return
    if isinstance(node, MappingNode):
        for key, child in node.value:
            if key.value == seg:
                yield from _cocok(child, rest, (*path, key.value))


def cari(root: Node, pola: str) -> list[Jalur]:
    """Every concrete path matching ``pola``, in the order of the file."""
    found = list(dict.fromkeys(_cocok(root, [s for s in pola.split("/") if s], ())))

    def pos(path: Jalur) -> int:
        key = kunci(root, path)
        return (key or simpul(root, path)).start_mark.index

    return sorted(found, key=pos)


def baris(root: Node, path: Jalur) -> int:
    """Line (from 1) of ``path``: a key's own line, a list item's line, the root's first line."""
    key = kunci(root, path)
    node = key if key is not None else simpul(root, path)
    return node.start_mark.line + 1


# --- writing values ---------------------------------------------------------------------------


def flow(value: Any) -> str:
    """``value`` as one line of YAML (flow style)."""
    if isinstance(value, Mentah):
        return value.teks
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        items = ", ".join(f"{_kunci_flow(k)}: {flow(v)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _kunci_flow(key: Any) -> str:
    text = str(key)
    return text if re.fullmatch(r"[\w.-]+", text) else json.dumps(text, ensure_ascii=False)


class Mentah:
    """YAML text written as it is (``Mentah("749.455.000")``)."""

    def __init__(self, teks: str) -> None:
        self.teks = teks


def _awal_baris(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _akhir_isi(text: str, node: Node) -> int:
    """Index just after the line break that ends the last line of ``node``'s content (blank and
    comment lines after it are not its content)."""
    lines = text[: node.end_mark.index].split("\n")
    while len(lines) > 1 and (not lines[-1].strip() or lines[-1].strip().startswith("#")):
        lines.pop()
    return min(len(text), len("\n".join(lines)) + 1)


def ganti(text: str, path: Jalur, value: Any) -> str:
    """The node at ``path`` replaced by ``value``."""
    root = susun(text)
    node = simpul(root, path)
    start, end = node.start_mark.index, node.end_mark.index
    new = flow(value)
    key = kunci(root, path)
    if isinstance(node, ScalarNode) and node.value == "" and node.style is None and key:
        at = text.index(":", key.end_mark.index) + 1  # 'nomor:' with nothing after it
        return text[:at] + " " + new + text[at:]
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        new += "\n"
        end = _akhir_isi(text, node)
    elif isinstance(node, MappingNode | SequenceNode) and not node.flow_style:
        end = _akhir_isi(text, node) - 1
    return text[:start] + new + text[end:]


def hapus(text: str, path: Jalur) -> str:
    """The key or list item at ``path`` removed."""
    root = susun(text)
    parent = simpul(root, path[:-1])
    if isinstance(parent, MappingNode):
        pairs = parent.value
        i = next(n for n, (k, _) in enumerate(pairs) if k.value == path[-1])
        starts = [k for k, _ in pairs]
        ends = [v for _, v in pairs]
    elif isinstance(parent, SequenceNode):
        last_step = path[-1]
        assert isinstance(last_step, int)
        i = last_step
        starts = ends = parent.value
    else:
        raise TidakBerlaku("bukan pemetaan atau daftar")
    first, last = starts[i], ends[i]
    if parent.flow_style:
        if i + 1 < len(starts):
            return text[: first.start_mark.index] + text[starts[i + 1].start_mark.index :]
        if i > 0:
            return text[: ends[i - 1].end_mark.index] + text[last.end_mark.index :]
        empty = "{}" if isinstance(parent, MappingNode) else "[]"
        return text[: parent.start_mark.index] + empty + text[parent.end_mark.index :]
    begin = _awal_baris(text, first.start_mark.index)
    dash = isinstance(parent, MappingNode) and "-" in text[begin : first.start_mark.index]
    if dash:  # the first key of a list item: '- kode: …'
        if i + 1 >= len(starts):
            raise TidakBerlaku("satu-satunya kunci butir daftar")
        return text[: first.start_mark.index] + text[starts[i + 1].start_mark.index :]
    if i + 1 < len(starts):
        return text[:begin] + text[_awal_baris(text, starts[i + 1].start_mark.index) :]
    return text[:begin] + text[_akhir_isi(text, last) :]


def tambah_kunci(text: str, path: Jalur, key: str, value: Any) -> str:
    """``key: value`` added at the end of the mapping at ``path``."""
    node = simpul(susun(text), path)
    if not isinstance(node, MappingNode) or not node.value:
        raise TidakBerlaku("bukan pemetaan berisi")
    if node.flow_style:
        end = node.end_mark.index - 1
        return text[:end] + f", {_kunci_flow(key)}: {flow(value)}" + text[end:]
    indent = " " * node.value[0][0].start_mark.column
    at = _akhir_isi(text, node)
    return text[:at] + f"{indent}{_kunci_flow(key)}: {flow(value)}\n" + text[at:]


def setel(text: str, path: Jalur, key: str, value: Any) -> str:
    """``key`` of the mapping at ``path`` set to ``value``, added when missing."""
    try:
        simpul(susun(text), (*path, key))
    except TidakBerlaku:
        return tambah_kunci(text, path, key, value)
    return ganti(text, (*path, key), value)


def gandakan(text: str, path: Jalur) -> str:
    """The block list item at ``path`` written twice (the copy right after it)."""
    root = susun(text)
    parent = simpul(root, path[:-1])
    if not isinstance(parent, SequenceNode) or parent.flow_style:
        raise TidakBerlaku("bukan daftar blok")
    item = simpul(root, path)
    begin = _awal_baris(text, item.start_mark.index)
    end = _akhir_isi(text, item)
    return text[:end] + text[begin:end] + text[end:]


def pindah_ke_akhir(text: str, path: Jalur) -> str:
    """The scalar list item at ``path`` moved to the end of its list."""
    root = susun(text)
    parent = simpul(root, path[:-1])
    if not isinstance(parent, SequenceNode):
        raise TidakBerlaku("bukan daftar")
    values = [nilai(n) for n in parent.value]
    i = path[-1]
    assert isinstance(i, int)
    moved = values.pop(i)
    values.append(moved)
    out = text
    for node, value in sorted(
        zip(parent.value, values, strict=True), key=lambda p: -p[0].start_mark.index
    ):
        out = out[: node.start_mark.index] + flow(value) + out[node.end_mark.index :]
    return out


Ubah = Callable[[str, Jalur], tuple[str, Jalur]]
"""An edit: (text, matched path) → (edited text, path where the finding is expected)."""
