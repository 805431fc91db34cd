"""Read YAML into plain Python values while keeping the line of every value.

Every scalar stays a string (or None for an empty value): YAML 1.1's implicit typing
(``0123`` → octal, ``NO`` → false, ``1.000`` → 1.0) never reaches the data. Types are decided
later by the model, which knows that a NIP is text and a target is a number.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import MappingNode, MarkedYAMLError, Node, ScalarNode, SequenceNode, YAMLError
from yaml.reader import ReaderError

from dokgen.errors import DataError, Location, Problem, alasan_os


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's composer when available (fast); only nodes and their marks are used, never the
    YAML 1.1 resolver, so every scalar stays the text it was written as."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return "tag:yaml.org,2002:str"  # the tag is never read: skip the resolver's regexes


Path_ = tuple[str | int, ...]

MAKS_UKURAN = 10 * 1024 * 1024
"""Bytes of the largest data file read (a kabupaten's Renstra is a few hundred kilobytes)."""
MAKS_TINGKAT = 40
"""Deepest nesting of a value (the models need about ten levels)."""
MAKS_SALINAN = 10_000
"""Values an alias (``*nama``) may copy in one file: a 'billion laughs' stops here."""

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
    "found invalid Unicode character escape code": (
        "kode karakter \\u… di dalam tanda kutip ganda tidak sah"
    ),
    "did not find expected hexdecimal number": (
        "kode karakter \\x…/\\u… di dalam tanda kutip ganda harus angka heksadesimal"
    ),
    "exceeded maximum nesting depth": "isi bertingkat terlalu dalam (lebih dari 1.000 tingkat)",
    "found a tab character": "karakter TAB tidak boleh dipakai untuk indentasi; gunakan spasi",
    "found character that cannot start any token": (
        "karakter ini tidak boleh mengawali nilai (beri tanda kutip pada teksnya)"
    ),
    "block sequence entries are not allowed": (
        "butir daftar '- ' di tempat yang salah (periksa indentasi)"
    ),
    "mapping keys are not allowed": "kunci di tempat yang salah (periksa indentasi)",
    "did not find expected key": "kunci yang diharapkan tidak ditemukan (periksa indentasi)",
    "did not find expected '-' indicator": (
        "butir daftar '- ' yang diharapkan tidak ditemukan (periksa indentasi)"
    ),
    "did not find expected ',' or ']'": "daftar [ … ] tidak ditutup dengan ']'",
    "did not find expected ',' or '}'": "pemetaan { … } tidak ditutup dengan '}'",
    "did not find expected node content": "nilai yang diharapkan tidak ditemukan",
    "did not find expected comment or line break": (
        "teks tambahan sesudah nilai (beri tanda kutip pada seluruh teks)"
    ),
    "did not find expected alphabetic or numeric character": (
        "nama jangkar (&nama) atau alias (*nama) tidak sah; teks yang diawali '&' atau '*'"
        " harus diberi tanda kutip"
    ),
    "found unexpected document indicator": (
        "penanda dokumen '---' atau '...' di dalam teks bertanda kutip"
    ),
    "found an indentation indicator equal to 0": "penanda indentasi blok teks tidak boleh 0",
    "found unexpected ':'": "titik dua ':' di tempat yang salah (beri tanda kutip pada teksnya)",
    "found undefined tag handle": (
        "tag YAML (!nama) tidak dikenal; teks yang diawali '!' harus diberi tanda kutip"
    ),
    "but found another document": (
        "berkas memuat lebih dari satu dokumen YAML ('---'); satu berkas satu dokumen"
    ),
    "second occurrence": "nama jangkar (&nama) yang sama dipakai dua kali",
}
"""libyaml's problems (English) by their beginning, in Indonesian."""

_YAML_FALLBACK = (
    "YAML tidak sah: tanda baca tidak pada tempatnya (periksa indentasi, tanda kutip, '[', '{',"
    " ':' dan '-' di baris ini dan sebelumnya)"
)


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


def path_at(
    lines: dict[Path_, int], line: int, among: Callable[[Path_], bool] | None = None
) -> Path_ | None:
    """The deepest path written on ``line`` (of those ``among`` accepts), from a
    :attr:`YamlSource.lines`: the value a finding at that line is about; None when none is."""
    paths = [p for p, n in lines.items() if n == line and (among is None or among(p))]
    return max(paths, key=len) if paths else None


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
    if problem.startswith("expected <block end>") or problem.startswith("did not find expected"):
        return "indentasi tidak konsisten (periksa jumlah spasi di awal baris)"
    return _YAML_FALLBACK


def read_yaml(file: Path) -> YamlSource:
    """Parse ``file``; raise :class:`DataError` with file:line for malformed YAML, for text a
    Word document cannot hold, and for a file too big, deep or alias-laden to be data."""
    raw = read_bytes(file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            [Problem(Location(file, _line_at(raw, exc.start)), _not_utf8(raw))]
        ) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError([Problem(Location(file, line), _problem_message(exc, text))]) from None
    except ReaderError as exc:  # a character YAML refuses: libyaml counts bytes
        where = Location(file, _line_at(raw, exc.position))
        raise DataError([Problem(where, _bad_character(chr(exc.character)))]) from None
    except YAMLError:
        raise DataError([Problem(Location(file), _YAML_FALLBACK)]) from None
    source = YamlSource(file, None)
    problems: list[Problem] = []
    if node is not None:
        all_scalars = any(char in text for char in _LITERAL_UNPRINTABLE)
        aliases = "&" in text and "*" in text
        guard = _Guard(text, all_scalars) if aliases or all_scalars else None
        source.data = _walk(node, (), source, problems, guard)
    if problems:
        raise DataError(problems)
    return source


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""O_NONBLOCK: a named pipe given as a data file is refused at once instead of waiting for a
writer forever."""


def read_bytes(file: Path, limit: int = MAKS_UKURAN) -> bytes:
    """The bytes of ``file``, a regular file of at most ``limit`` bytes; :class:`DataError`
    (with a sentence in Indonesian) otherwise."""
    try:
        fd = os.open(file, _OPEN_FLAGS)
    except OSError as exc:
        raise _unreadable(file, alasan_os(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _unreadable(file, "ini folder, bukan berkas")
        if not stat.S_ISREG(info.st_mode):
            raise _unreadable(file, "bukan berkas biasa (pipa atau perangkat)")
        if info.st_size > limit:
            raise _too_big(file, info.st_size, limit)
        chunks = [os.read(fd, info.st_size + 1)]
        size = len(chunks[0])
        while chunks[-1] and size <= limit:  # a file growing while it is read
            chunks.append(os.read(fd, limit + 1 - size))
            size += len(chunks[-1])
    except OSError as exc:
        raise _unreadable(file, alasan_os(exc)) from None
    finally:
        os.close(fd)
    if size > limit:
        raise _too_big(file, size, limit)
    return b"".join(chunks)


def _unreadable(file: Path, why: str) -> DataError:
    return DataError([Problem(Location(file), f"berkas tidak dapat dibaca: {why}")])


def _too_big(file: Path, size: int, limit: int) -> DataError:
    def mb(n: int) -> str:
        return f"{n / 2**20:.1f}".replace(".", ",").removesuffix(",0")

    message = f"berkas terlalu besar ({mb(size)} MB; paling besar {mb(limit)} MB)"
    return DataError([Problem(Location(file), message)])


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _not_utf8(raw: bytes) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "berkas tersimpan sebagai UTF-16; simpan ulang sebagai UTF-8"
    return (
        "berkas bukan teks UTF-8 (mungkin tersimpan sebagai ANSI/Windows-1252);"
        " simpan ulang sebagai UTF-8"
    )


# --- text that a Word document cannot hold, or that dokgen would read as something else ------

_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ue000\ufffe\uffff]"
)
"""Characters refused in any value or key: XML 1.0 cannot hold the C0 controls but tab and line
feed, U+FFFE/U+FFFF or a lone surrogate; the other controls, carriage return and the Unicode line
and paragraph separators are invisible or break a line where none was written; U+E000 is the
renderer's mark of a merged cell (``format.LANJUT``)."""
_LITERAL_UNPRINTABLE = ("\u2028", "\u2029", "\ue000")
"""Of those, what libyaml accepts written as it is: any other can only come from an escape in
a double-quoted scalar, so only those are searched unless the file holds one of these."""

_CHARACTER_NAMES = {
    "\x00": "karakter NUL (\\0)",
    "\x07": "karakter bel (\\a)",
    "\x08": "karakter backspace (\\b)",
    "\x0b": "tab vertikal (\\v)",
    "\x0c": "pemisah halaman (\\f)",
    "\x0d": "carriage return (\\r)",
    "\x1b": "karakter escape (\\e)",
    "\x85": "baris baru Unicode (\\N)",
    "\u2028": "pemisah baris Unicode (\\L)",
    "\u2029": "pemisah paragraf Unicode (\\P)",
}
_LINE_BREAKS = {"\x0d", "\x85", "\u2028", "\u2029"}


def _bad_character(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char == "\ue000":
        return (
            f"teks memuat karakter {code}, yang dipakai dokgen sebagai penanda sel tabel"
            " yang digabung; hapus karakter itu"
        )
    if char in ("\ufffe", "\uffff") or "\ud800" <= char <= "\udfff":
        name = f"kode {code} (bukan karakter)"
    else:
        name = f"{_CHARACTER_NAMES.get(char, 'karakter kendali')} {code}"
    hint = "; untuk ganti baris tulis baris baru biasa" if char in _LINE_BREAKS else ""
    return f"teks memuat {name}, yang tidak dapat dicetak di dokumen Word; hapus karakter itu{hint}"


def _walk(
    node: Node, path: Path_, source: YamlSource, problems: list[Problem], guard: _Guard | None
) -> Any:
    """YAML nodes → plain values, noting every path's line and every problem found.

    ``guard`` is given when the file may hold aliases or characters that are searched in every
    scalar (rare): a plain recursive function otherwise, as this runs for every node of
    thousands of files.
    """
    source.lines[path] = node.start_mark.line + 1
    if guard is not None and guard.copying and not guard.copied_one(source, problems, path):
        return None
    if isinstance(node, ScalarNode):
        if not node.style:  # plain: no escapes, so nothing to search unless guarded
            if node.value in _NULLS:
                return None
            if guard is None:
                return node.value
        return _scalar(node, source, problems, guard)
    if len(path) >= MAKS_TINGKAT:
        message = f"isi bertingkat terlalu dalam (lebih dari {MAKS_TINGKAT} tingkat)"
        problems.append(Problem(Location(source.file, node.start_mark.line + 1), message))
        return None
    if guard is not None and not guard.enter(node, source, problems, path):
        return None
    try:
        if isinstance(node, SequenceNode):
            return [
                _walk(item, (*path, i), source, problems, guard)
                for i, item in enumerate(node.value)
            ]
        if isinstance(node, MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, ScalarNode):
                    problems.append(Problem(Location(source.file, line), "kunci harus teks"))
                    continue
                key = key_node.value
                if key_node.style or guard is not None:
                    _scalar(key_node, source, problems, guard)
                if key in result:
                    message = f"kunci '{key}' ditulis dua kali"
                    problems.append(Problem(Location(source.file, line), message))
                    continue
                result[key] = _walk(value_node, (*path, key), source, problems, guard)
                source.lines[(*path, key)] = line
            return result
        raise AssertionError(f"unknown YAML node {node!r}")  # pragma: no cover
    finally:
        if guard is not None:
            guard.leave(node)


def _scalar(
    node: ScalarNode, source: YamlSource, problems: list[Problem], guard: _Guard | None
) -> str:
    """A scalar's text, searched for characters a document cannot hold where it may have one:
    an escape in double quotes, or a separator written as it is (then the file is guarded)."""
    value: str = node.value
    if node.style == '"' or (guard is not None and guard.all_scalars):
        bad = _UNPRINTABLE.search(value)
        if bad:
            where = Location(source.file, node.start_mark.line + 1)
            problems.append(Problem(where, _bad_character(bad.group())))
    return value


class _Guard:
    """Aliases followed as copies, within limits: an alias inside what it names is refused (the
    tree would be infinite), and so are copies of more than :data:`MAKS_SALINAN` values."""

    def __init__(self, text: str, all_scalars: bool) -> None:
        self.text = text
        self.all_scalars = all_scalars
        self.open: set[int] = set()
        self.seen: set[int] = set()
        self.copies: list[bool] = []
        self.copying = 0
        self.copied = 0
        self.stopped = False

    def copied_one(self, source: YamlSource, problems: list[Problem], path: Path_) -> bool:
        """Count a value copied by an alias; False once there are too many."""
        self.copied += 1
        if self.copied <= MAKS_SALINAN:
            return True
        self.stop(source, problems, path, cyclic=False)
        return False

    def enter(self, node: Node, source: YamlSource, problems: list[Problem], path: Path_) -> bool:
        """Enter a collection; False (and :meth:`leave` is not called) when it is refused."""
        key = id(node)
        if self.stopped or key in self.open:
            self.stop(source, problems, path, cyclic=True)
            return False
        copy = key in self.seen
        self.seen.add(key)
        self.open.add(key)
        self.copies.append(copy)
        self.copying += copy
        return True

    def leave(self, node: Node) -> None:
        self.open.discard(id(node))
        self.copying -= self.copies.pop()

    def stop(self, source: YamlSource, problems: list[Problem], path: Path_, cyclic: bool) -> None:
        """Refuse the file's aliases once, at the line of the alias that went too far."""
        if self.stopped:
            return
        self.stopped = True
        name, line = _alias_at(self.text, cyclic)
        if cyclic:
            message = f"alias *{name} berada di dalam isi yang dinamainya sendiri (tak berujung)"
        else:
            limit = f"{MAKS_SALINAN:,}".replace(",", ".")
            message = (
                f"alias *{name} menyalin terlalu banyak nilai (lebih dari {limit} nilai dalam"
                " satu berkas); tulis isinya langsung"
            )
        problems.append(Problem(Location(source.file, line or source.line(path)), message))


def _alias_at(text: str, cyclic: bool) -> tuple[str, int | None]:
    """Name and line of the first alias of a collection (inside that collection when
    ``cyclic``): nodes do not keep where an alias was written, the events do."""
    collections: set[str] = set()
    inside: list[str | None] = []
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            inside.append(event.anchor)
            if event.anchor:
                collections.add(event.anchor)
        elif isinstance(event, yaml.CollectionEndEvent):
            inside.pop()
        elif (
            isinstance(event, yaml.AliasEvent)
            and event.anchor
            and event.start_mark
            and event.anchor in (inside if cyclic else collections)
        ):
            return event.anchor, event.start_mark.line + 1
    return "", None  # pragma: no cover (the walk found one)
