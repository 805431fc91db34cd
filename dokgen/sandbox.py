"""The Jinja environment templates run in: sandboxed, immutable, strict, autoescaping, limited.

A template is a file clerks pass around by email, so it is treated as untrusted code. Jinja's
:class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` keeps it away from Python internals
(``__class__``, ``__globals__`` …) and from mutating lists and dicts; what the sandbox does not
cover is cost. Without limits, ``{% for i in range(10**5) %}{% for j in range(10**5) %}`` hangs a
build and ``{{ 'a' * 10**10 }}`` or ``{{ 9**9**9 }}`` exhausts memory. So, for each document:

- time: every loop iteration and every call checks a deadline (:data:`BATAS_WAKTU`);
- size: one value a template makes (by ``*``, ``+``, ``~``, ``%``, filters like ``center`` or
  ``join``, str methods like ``ljust``) is at most :data:`BATAS_NILAI` characters or items, and
  all text it builds (captured blocks, macro output, joins) and the document it writes at most
  :data:`BATAS_KELUARAN` characters; sizes are checked *before* the value is made;
- numbers: ``*`` and ``**`` on integers stop at :data:`BATAS_BIT` bits;
- recursion ends in Python's own RecursionError.

Breaking a limit raises :class:`LimitExceeded` with an Indonesian message; :func:`message_of`
turns it, and anything else a template raises, into the sentence a user reads.

Loops are limited by a code generator that wraps each ``{% for %}`` iterable, and captured text
by one that counts what goes into Jinja's buffers (``Environment.code_generator_class`` is
Jinja's documented hook for changing the code a template compiles to).
"""

from __future__ import annotations

import inspect
import math
import re
import string
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, wraps
from types import BuiltinMethodType, MethodType
from typing import Any, SupportsIndex, overload

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from dokgen.errors import saran
from dokgen.format import FILTERS

BATAS_WAKTU = 10.0
"""Seconds one document may take to render (read when rendering starts)."""
BATAS_KELUARAN = 50_000_000
"""Characters of XML one document may have; also the budget of all text a template builds."""
BATAS_NILAI = 1_000_000
"""Characters or items of one value a template makes; the largest width a filter may pad to."""
BATAS_RANGE = 100_000
"""Items of one ``range()``."""
BATAS_BIT = 100_000
"""Bits of an integer a template may compute (about 30,000 digits)."""


class LimitExceeded(Exception):
    """A template went past one of the limits; the message is the Indonesian sentence."""


def _angka(n: float) -> str:
    return f"{n:,.0f}".replace(",", ".")


@dataclass
class Limits:
    """What one document has used so far."""

    deadline: float
    built: int = 0
    written: int = 0

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(
                f"templat berjalan lebih dari {_angka(BATAS_WAKTU)} detik untuk satu dokumen "
                "(perulangan tanpa akhir?) dan dihentikan"
            )

    def build(self, characters: int) -> None:
        self.built += characters
        if self.built > BATAS_KELUARAN:
            raise LimitExceeded(
                f"templat membuat teks lebih dari {_angka(BATAS_KELUARAN)} karakter"
            )

    def write(self, characters: int) -> None:
        self.written += characters
        if self.written > BATAS_KELUARAN:
            raise LimitExceeded(
                f"hasil templat lebih dari {_angka(BATAS_KELUARAN)} karakter dan dihentikan"
            )


_CURRENT: ContextVar[Limits | None] = ContextVar("dokgen_limits", default=None)


@contextmanager
def limited() -> Iterator[Limits]:
    """The limits of one document, in force for everything rendered inside the block."""
    limits = Limits(time.monotonic() + BATAS_WAKTU)
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def _check_time() -> None:
    limits = _CURRENT.get()
    if limits is not None:  # None: Jinja folding constants while compiling
        limits.check_time()


def _build(characters: int) -> None:
    limits = _CURRENT.get()
    if limits is not None:
        limits.build(characters)


def _check_value(size: int, what: str = "teks atau daftar") -> None:
    if size > BATAS_NILAI:
        raise LimitExceeded(
            f"templat membuat {what} lebih dari {_angka(BATAS_NILAI)} karakter atau butir"
        )


def _check_width(width: Any) -> None:
    if isinstance(width, int) and width > BATAS_NILAI:
        raise LimitExceeded(f"lebar atau jumlah di templat lebih dari {_angka(BATAS_NILAI)}")


def _check_bits(bits: float) -> None:
    if bits > BATAS_BIT:
        raise LimitExceeded("templat menghitung bilangan yang terlalu besar")


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes) else len(str(value))


_SEQUENCE = (str, bytes, list, tuple)
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _check_percent(template: str | bytes) -> None:
    """``'%10d' % x``: the widths and precisions of a %-format, before it is applied."""
    text = template.decode("latin-1") if isinstance(template, bytes) else template
    total = 0
    for match in _PERCENT.finditer(text):
        for number in match.groups():
            if number == "*":
                raise LimitExceeded("templat memakai lebar '*' pada format %, tidak diizinkan")
            if number:
                _check_width(int(number))
                total += int(number)
    _check_width(total)


def _check_format(template: str) -> None:
    """``'{:>10}'.format(x)``: the widths in a str.format template, before it is applied."""
    for _, _, spec, _ in string.Formatter().parse(template):
        if not spec:
            continue
        if "{" in spec:
            raise LimitExceeded(
                "templat memakai isian di dalam format isian ({:{}}), yang tidak diizinkan"
            )
        for number in re.findall(r"\d+", spec):
            _check_width(int(number))


def _check_method(
    owner: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """A call of a method of a builtin value (``'x'.center(10)``, ``', '.join(xs)``): its
    arguments, a generator given to ``join`` made a list so that it can be measured."""
    if name == "translate":
        raise LimitExceeded("templat mencoba memanggil 'translate', yang tidak diizinkan")
    for value in (*args, *kwargs.values()):
        _check_width(value)
    if not isinstance(owner, str | bytes):
        return args
    if name in ("split", "rsplit", "splitlines"):
        _check_value(len(owner))
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        count = owner.count(old) if old else len(owner) + 1
        _check_value(count * max(len(new) - len(old), 0))
        _build(len(owner) + count * max(len(new) - len(old), 0))
    elif name == "join" and args:
        items = args[0] if isinstance(args[0], Sequence) else list(args[0])
        _check_value(len(items))
        _build(len(owner) * len(items) + sum(len(x) for x in items if isinstance(x, _SEQUENCE)))
        args = (items, *args[1:])
    elif name == "expandtabs" and isinstance(owner, str):
        tab = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(tab, int):
            _build(len(owner) + owner.count("\t") * max(tab, 0))
    elif name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int):
        _build(max(len(owner), args[0]))
    return args


class _Range(Sequence[int]):
    """What ``range()`` gives a template: a range that checks the deadline while iterated."""

    def __init__(self, numbers: range) -> None:
        self._numbers = numbers

    def __len__(self) -> int:
        return len(self._numbers)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> _Range: ...
    def __getitem__(self, index: int | slice) -> int | _Range:
        if isinstance(index, slice):
            return _Range(self._numbers[index])
        return self._numbers[index]

    def __iter__(self) -> Iterator[int]:
        for number in self._numbers:
            _check_time()
            yield number

    def __contains__(self, value: object) -> bool:
        return value in self._numbers

    def __repr__(self) -> str:
        return repr(self._numbers)


def _range(*args: SupportsIndex) -> _Range:
    numbers = range(*args)
    try:
        size = len(numbers)
    except OverflowError:
        size = BATAS_RANGE + 1
    if size > BATAS_RANGE:
        raise LimitExceeded(f"range() di templat paling banyak {_angka(BATAS_RANGE)} butir")
    return _Range(numbers)


class _Buffer(list[str]):
    """Jinja's buffer of captured output (macros, ``{% set %}…{% endset %}``), counted."""

    def append(self, item: str) -> None:
        _build(len(item))
        super().append(item)

    def extend(self, items: Iterable[str]) -> None:
        items = tuple(items)
        _build(sum(len(item) for item in items))
        super().extend(items)


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator with loops, ``~`` and captured output going through the limits."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loop_iterables: set[int] = set()

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.dokgen_buffer()")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._loop_iterables.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) not in self._loop_iterables:
            return super().visit(node, *args, **kwargs)
        self.write("environment.dokgen_iter(")  # a {% for %}'s iterable, checked at each item
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"{join}(environment.dokgen_concat((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write(")))")


class Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox with dokgen's limits; see the module docstring."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CodeGenerator

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_time()
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, _SEQUENCE) and isinstance(times, int):
                    _check_value(len(sequence) * max(times, 0))
                    _build(len(sequence) * max(times, 0))
            if isinstance(left, int) and isinstance(right, int):
                _check_bits(left.bit_length() + right.bit_length())
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
                _check_bits(right * math.log2(abs(left)))
        elif operator == "+":
            if isinstance(left, list | tuple) and isinstance(right, list | tuple):
                _check_value(len(left) + len(right))
            if isinstance(left, _SEQUENCE) and isinstance(right, _SEQUENCE):
                _build(len(left) + len(right))
        elif operator == "%" and isinstance(left, str | bytes):
            _check_percent(left)
        return super().call_binop(context, operator, left, right)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        _check_time()
        owner = getattr(obj, "__self__", None)
        if isinstance(obj, BuiltinMethodType | MethodType) and isinstance(
            owner, str | bytes | int | float | list | tuple | dict | set | frozenset
        ):
            args = _check_method(owner, obj.__name__, args, kwargs)
        return super().call(context, obj, *args, **kwargs)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        if isinstance(obj, Undefined):  # ``cycler.__init__``: say that 'cycler' is unknown
            return obj
        return super().unsafe_undefined(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        template: str = value.__self__

        @wraps(wrapper)
        def checked(*args: Any, **kwargs: Any) -> str:
            _check_format(template)
            return wrapper(*args, **kwargs)

        return checked

    # called by the code _CodeGenerator writes
    def dokgen_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            _check_time()
            yield item

    def dokgen_concat(self, items: tuple[Any, ...]) -> tuple[Any, ...]:
        _build(sum(_length(item) for item in items))
        return items

    def dokgen_buffer(self) -> list[str]:
        return _Buffer()


def _bounded(name: str, check: Callable[[dict[str, Any]], None]) -> Any:
    """Jinja's filter ``name`` with ``check`` run on its arguments (by parameter name) first."""
    original = jinja2.filters.FILTERS[name]
    inner = inspect.unwrap(original)
    signature = inspect.signature(inner)
    # Jinja's async-capable filters get an eval context their sync function does not take
    skip = 1 if _passes(original) and not _passes(inner) else 0

    @wraps(original)  # keeps Jinja's pass_context / pass_eval_context mark
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_time()
        bound = signature.bind(*args[skip:], **kwargs)
        bound.apply_defaults()
        check(bound.arguments)
        return original(*args, **kwargs)

    return bounded


def _passes(function: Any) -> bool:
    return getattr(function, "jinja_pass_arg", None) is not None


def _lines(text: Any) -> int:
    return str(text).count("\n") + 1


def _indent(a: dict[str, Any]) -> None:
    width = a["width"]
    pad = len(width) if isinstance(width, str) else width
    _check_width(pad)
    _check_value(_lines(a["s"]) * max(pad, 0))
    _build(_length(a["s"]) + _lines(a["s"]) * max(pad, 0))


def _wordwrap(a: dict[str, Any]) -> None:
    _check_width(a["width"])
    text, width = str(a["s"]), max(a["width"], 1) if isinstance(a["width"], int) else 1
    breaks = len(text) // width + _lines(text)
    _check_value(breaks * len(a["wrapstring"] or "\n"))
    _build(len(text) + breaks * len(a["wrapstring"] or "\n"))


def _replace(a: dict[str, Any]) -> None:
    text, old, new = str(a["s"]), str(a["old"]), str(a["new"])
    count = text.count(old) if old else len(text) + 1
    _check_value(count * max(len(new) - len(old), 0))
    _build(len(text) + count * max(len(new) - len(old), 0))


def _join(a: dict[str, Any]) -> None:
    value = a["value"]
    if isinstance(value, Sequence):
        _check_value(len(value))
        items = sum(_length(x) for x in value if isinstance(x, str))
        _build(len(str(a["d"])) * len(value) + items)


def _sized(key: str) -> Callable[[dict[str, Any]], None]:
    def check(a: dict[str, Any]) -> None:
        if isinstance(a[key], Sequence):
            _check_value(len(a[key]))

    return check


def _widths(*keys: str) -> Callable[[dict[str, Any]], None]:
    def check(a: dict[str, Any]) -> None:
        for key in keys:
            _check_width(a[key])

    return check


def _no_sequence_start(a: dict[str, Any]) -> None:
    if isinstance(a["start"], _SEQUENCE):  # sum(lists, []): quadratic copying
        raise LimitExceeded("filter 'sum' di templat hanya untuk bilangan")


def _center(a: dict[str, Any]) -> None:
    _check_width(a["width"])
    _build(max(_length(a["value"]), a["width"] if isinstance(a["width"], int) else 0))


_FILTER_CHECKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "center": _center,
    "indent": _indent,
    "wordwrap": _wordwrap,
    "truncate": _widths("length", "leeway"),
    "format": lambda a: _check_percent(str(a["value"])),
    "replace": _replace,
    "join": _join,
    "batch": _widths("linecount"),
    "slice": _widths("slices"),
    "list": _sized("value"),
    "sort": _sized("value"),
    "unique": _sized("value"),
    "sum": _no_sequence_start,
}


@cache
def environment() -> Sandbox:
    """The one Jinja environment of dokgen: sandboxed, immutable, autoescaping, strict, limited.

    Its only global is ``range`` (Jinja's ``lipsum``, ``cycler``, ``joiner``, ``dict`` and
    ``namespace`` are gone: a template lays out, it does not compute).
    """
    env = Sandbox(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.clear()
    env.globals["range"] = _range
    env.filters.update({name: _bounded(name, check) for name, check in _FILTER_CHECKS.items()})
    env.filters.update(FILTERS)
    return env


_UNSAFE_ATTRIBUTE = re.compile(r"access to attribute '([^']+)' of '([^']+)' object is unsafe")


def message_of(exc: BaseException) -> str:
    """The Indonesian sentence for what a template raised while compiling or rendering."""
    if isinstance(exc, LimitExceeded):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "templat memanggil makro atau perulangan terlalu dalam (rekursi tanpa akhir?)"
    if isinstance(exc, MemoryError):
        return "templat kehabisan memori"
    if isinstance(exc, ZeroDivisionError):
        return "templat membagi dengan nol"
    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, SecurityError):
        unsafe = _UNSAFE_ATTRIBUTE.search(message)
        if unsafe:
            return (
                f"templat mencoba mengakses atribut '{unsafe.group(1)}' dari {unsafe.group(2)}, "
                "yang tidak diizinkan"
            )
        return "templat mencoba memanggil sesuatu yang tidak diizinkan"
    if isinstance(exc, jinja2.TemplateError):
        return _jinja_message(message)
    if isinstance(exc, TypeError) and "no loader" in message:
        return "templat tidak dapat memuat templat lain ({% include %}, {% import %} …)"
    return f"{type(exc).__name__}: {message}"


def _jinja_message(message: str) -> str:
    undefined = re.match(r"'([^']+)' is undefined", message) or re.search(
        r"has no attribute '([^']+)'", message
    )
    if undefined:
        return f"variabel atau atribut '{undefined.group(1)}' tidak dikenal"
    unknown = re.match(r"No (filter|test) named '([^']+)'", message)
    if unknown:
        kind, name = unknown.groups()
        env = environment()
        known = env.filters if kind == "filter" else env.tests
        return f"{kind} '{name}' tidak dikenal{saran(name, known)}"
    tag = re.match(r"Encountered unknown tag '([^']+)'", message)
    if tag:
        return f"tag '{tag.group(1)}' tidak dikenal"
    block = re.search(r"innermost block that needs to be closed is '([^']+)'", message)
    if block:
        return f"blok '{block.group(1)}' tidak ditutup (kurang end{block.group(1)}?)"
    if message.startswith("unexpected end of template"):
        return "templat berakhir sebelum tag ditutup"
    return message
