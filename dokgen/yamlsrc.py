"""Read YAML into plain Python values while keeping the line of every value.

Every scalar stays a string (or None for an empty value): YAML 1.1's implicit typing
(``0123`` → octal, ``NO`` → false, ``1.000`` → 1.0) never reaches the data. Types are decided
later by the model, which knows that a NIP is text and a target is a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import MappingNode, MarkedYAMLError, Node, ScalarNode, SequenceNode, YAMLError

from dokgen.errors import DataError, Location, Problem


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's composer when available (fast); only nodes and their marks are used, never the
    YAML 1.1 resolver, so every scalar stays the text it was written as."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return "tag:yaml.org,2002:str"  # the tag is never read: skip the resolver's regexes


Path_ = tuple[str | int, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}

_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": (
        "karakter TAB tidak boleh dipakai untuk indentasi; gunakan spasi"
    ),
    "mapping values are not allowed": (
        "titik dua ':' di tempat yang salah (teks yang memuat ': ' harus diberi tanda kutip)"
    ),
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "found undefined alias": "alias (*nama) tidak dikenal",
    "found unexpected end of stream": "berkas berakhir sebelum tanda kutip ditutup",
    "found unknown escape character": "karakter escape tidak dikenal di dalam tanda kutip ganda",
}


@dataclass
class YamlSource:
    """One parsed YAML file: its value tree and the line of every path in it."""

    file: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """Line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def _problem_message(exc: MarkedYAMLError, text: str) -> str:
    problem = (exc.problem or "").strip()
    mark = exc.problem_mark
    if problem.startswith("found character") and mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return _YAML_PROBLEMS["found character '\\t' that cannot start any token"]
    for english, indonesian in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return indonesian
    if problem.startswith("expected <block end>"):
        return "indentasi tidak konsisten (periksa jumlah spasi di awal baris)"
    context = f" ({exc.context})" if exc.context else ""
    return f"YAML tidak sah: {problem}{context}"


def read_yaml(file: Path) -> YamlSource:
    """Parse ``file``; raise :class:`DataError` with file:line for malformed YAML."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataError([Problem(Location(file), "berkas bukan teks UTF-8")]) from None
    except OSError as exc:
        raise DataError(
            [Problem(Location(file), f"berkas tidak dapat dibaca: {exc.strerror}")]
        ) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError([Problem(Location(file, line), _problem_message(exc, text))]) from None
    except YAMLError as exc:
        raise DataError([Problem(Location(file), f"YAML tidak sah: {exc}")]) from None
    source = YamlSource(file, None)
    problems: list[Problem] = []
    if node is not None:
        source.data = _walk(node, (), source, problems)
    if problems:
        raise DataError(problems)
    return source


def _walk(node: Node, path: Path_, source: YamlSource, problems: list[Problem]) -> Any:
    source.lines[path] = node.start_mark.line + 1
    if isinstance(node, ScalarNode):
        if not node.style and node.value in _NULLS:  # plain, unquoted
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_walk(item, (*path, i), source, problems) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                problems.append(
                    Problem(Location(source.file, key_node.start_mark.line + 1), "kunci harus teks")
                )
                continue
            key = key_node.value
            if key in result:
                problems.append(
                    Problem(
                        Location(source.file, key_node.start_mark.line + 1),
                        f"kunci '{key}' ditulis dua kali",
                    )
                )
                continue
            result[key] = _walk(value_node, (*path, key), source, problems)
            source.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    raise AssertionError(f"unknown YAML node {node!r}")  # pragma: no cover
