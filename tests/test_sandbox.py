"""A hostile or broken template ends in one Indonesian sentence, quickly: no escape from the
sandbox, no hang, no memory blow-up. Every payload is rendered from the body of a .docx."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document

from dokgen import sandbox
from dokgen.errors import TemplateError
from dokgen.render import Template
from tests.conftest import DATA, ROOT, TEMPLATES
from tests.docxread import lines, open_docx

ESCAPES = [
    ("{{ ''.__class__.__mro__ }}", "atribut '__class__' dari str, yang tidak diizinkan"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "tidak diizinkan"),
    ("{{ x.__init__.__globals__ }}", "atribut '__init__' dari str, yang tidak diizinkan"),
    ("{{ cycler.__init__.__globals__ }}", "'cycler' tidak dikenal"),
    ("{{ joiner.__init__.__globals__.os }}", "'joiner' tidak dikenal"),
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "'lipsum' tidak dikenal"),
    ("{{ self._TemplateReference__context }}", "'_TemplateReference__context'"),
    ("{{ self.__init__.__globals__ }}", "tidak diizinkan"),
    ("{{ ''.format.__self__ }}", "'__self__' tidak dikenal"),
    ("{{ {}.update(a=1) }}", "atribut 'update' dari dict, yang tidak diizinkan"),
    ("{{ [].append(1) }}", "atribut 'append' dari list, yang tidak diizinkan"),
    ("{{ d.clear() }}", "atribut 'clear' dari dict, yang tidak diizinkan"),
    ("{{ config }}", "'config' tidak dikenal"),
    ("{{ request }}", "'request' tidak dikenal"),
    ("{{ range.__globals__ }}", "tidak diizinkan"),
    ("{% set x = namespace() %}{% set x.a = 1 %}{{ x.a }}", "'namespace' tidak dikenal"),
    ("{% set x = namespace(a=''.__class__) %}", "tidak"),
    ("{{ '{0.__class__}'.format('') }}", "atribut '__class__' dari str, yang tidak diizinkan"),
    ("{{ '{0.__class__.__base__}'.format(x) }}", "yang tidak diizinkan"),
    ("{{ '{x.__class__}'.format_map({'x': 1}) }}", "yang tidak diizinkan"),
    ("{{ x|attr('__class__') }}", "atribut '__class__' dari str, yang tidak diizinkan"),
    ("{{ x|map(attribute='__class__')|join }}", "yang tidak diizinkan"),
    ("{% include '/etc/passwd' %}", "tidak dapat memuat templat lain"),
    ("{% import 'os' as os %}", "tidak dapat memuat templat lain"),
    ("{% extends 'x.docx' %}", "tidak dapat memuat templat lain"),
    ("{{ dict(a=1) }}", "'dict' tidak dikenal"),
]

DENIALS = [
    ("{% for i in range(10**9) %}x{% endfor %}", "range() di templat paling banyak 100.000"),
    ("{{ range(10**100)|list }}", "range() di templat paling banyak 100.000"),
    (
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
        "templat berjalan lebih dari",
    ),
    (
        "{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}",
        "templat berjalan lebih dari",
    ),
    ("{{ 'a' * 10**10 }}", "lebih dari 1.000.000"),
    ("{{ [0] * 10**9 }}", "lebih dari 1.000.000"),
    ("{{ 9**(9**9) }}", "bilangan yang terlalu besar"),
    ("{{ (2**60000) * (2**60000) }}", "bilangan yang terlalu besar"),
    ("{{ 'x'|center(10**10) }}", "lebih dari 1.000.000"),
    ("{{ 'x'|indent(10**9) }}", "lebih dari 1.000.000"),
    (r"{{ 'x\ny'|indent('y' * 999999) }}", "lebih dari 1.000.000"),
    ("{{ 'x'|wordwrap(10**10) }}", "lebih dari 1.000.000"),
    ("{{ s|wordwrap(1, wrapstring=s) }}", "lebih dari 1.000.000"),
    ("{{ 'x'|truncate(10**10) }}", "lebih dari 1.000.000"),
    ("{{ '%999999999s'|format(1) }}", "lebih dari 1.000.000"),
    ("{{ '%999999999d' % 1 }}", "lebih dari 1.000.000"),
    ("{{ '%*d' % (999999999, 1) }}", "lebar '*'"),
    ("{{ '{:>9999999999}'.format(1) }}", "lebih dari 1.000.000"),
    ("{{ '{:{}}'.format(1, 10**9) }}", "isian di dalam format isian"),
    ("{{ 'x'.ljust(10**10) }}", "lebih dari 1.000.000"),
    ("{{ (1).to_bytes(10**9, 'big') }}", "lebih dari 1.000.000"),
    ("{{ [1]|batch(10**9, 'x')|list }}", "lebih dari 1.000.000"),
    ("{{ s|replace('', s) }}", "lebih dari 1.000.000"),
    ("{{ s.replace('a', s) }}", "lebih dari 1.000.000"),
    ("{{ ''.join([s] * 100000) }}", "lebih dari 50.000.000"),
    ("{{ [[1] * 10000] * 10000|sum(start=[]) }}", "filter 'sum'"),
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", "terlalu dalam"),
    (
        "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
        "{{ f(64) }}",
        "templat berjalan lebih dari",
    ),
    ("{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('x') }}", "teks lebih dari 50.000.000"),
    ("{% macro f(s) %}{{ f(s + s) }}{% endmacro %}{{ f('x') }}", "teks lebih dari 50.000.000"),
    (
        "{% set b %}{{ s }}{{ s }}{{ s }}{{ s }}{{ s }}{{ s }}{{ s }}{{ s }}{% endset %}"
        "{% set c %}{{ b }}{{ b }}{{ b }}{{ b }}{{ b }}{{ b }}{{ b }}{{ b }}{% endset %}",
        "teks lebih dari 50.000.000",
    ),
    ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "terlalu dalam"),
    ("{{ 1 / 0 }}", "membagi dengan nol"),
]

CONTEXT = {"x": "a", "d": {"k": 1}, "s": "ab" * 400_000}


def docx_with(tmp_path: Path, text: str, name: str = "uji.docx") -> Path:
    doc = Document()
    doc.add_paragraph("Kartu")
    doc.add_paragraph(text)
    path = tmp_path / name
    doc.save(str(path))
    return path


def render(path: Path) -> tuple[str, float]:
    """The message of the error rendering ``path`` raises, and how long it took."""
    start = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        Template(path).render(CONTEXT)
    return str(caught.value), time.monotonic() - start


@pytest.fixture
def short_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "BATAS_WAKTU", 1.0)


@pytest.mark.parametrize(("payload", "expected"), ESCAPES + DENIALS)
@pytest.mark.usefixtures("short_limit")
def test_payload_ends_in_an_indonesian_error(tmp_path: Path, payload: str, expected: str) -> None:
    path = docx_with(tmp_path, payload)
    message, seconds = render(path)
    assert message.startswith(f"{path}: kesalahan templat")
    assert expected in message
    assert "unsafe" not in message and "undefined" not in message
    assert seconds < 15


def test_a_hanging_template_stops_at_the_default_limit(tmp_path: Path) -> None:
    path = docx_with(tmp_path, "{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}")
    message, seconds = render(path)
    assert f"lebih dari {sandbox.BATAS_WAKTU:.0f} detik" in message
    assert sandbox.BATAS_WAKTU <= seconds < 15


def test_right_associative_looking_power_is_small_in_jinja(tmp_path: Path) -> None:
    """Jinja reads ``9**9**9`` as ``(9**9)**9`` (78 digits), not Python's ``9**(9**9)``."""
    path = docx_with(tmp_path, "{{ 9**9**9 }}")
    assert lines(open_docx(Template(path).render(CONTEXT)))[1] == str((9**9) ** 9)


def test_an_ordinary_template_still_renders(tmp_path: Path) -> None:
    path = docx_with(
        tmp_path,
        "{% for i in range(3) %}{{ i }}{% if not loop.last %},{% endif %}{% endfor %}"
        " {{ '-' * 3 }} {{ 2**10 }} {{ x ~ 'b' }} {{ [1, 2]|join(', ') }}"
        " {{ 'x'|center(5) }}| {{ '%03d' % 7 }} {{ '{:>4}'.format(5) }} {{ d.k }}"
        " {{ 'a b'.split()|length }} {% set t %}{{ x }}{{ x }}{% endset %}{{ t }}"
        " {{ 1234567|angka }} {{ [3, 1, 2]|sort|list }} {{ range(5)|length }}",
    )
    text = lines(open_docx(Template(path).render(CONTEXT)))
    assert text == [
        "Kartu",
        "0,1,2 --- 1024 ab 1, 2   x  | 007    5 1 2 aa 1.234.567 [1, 2, 3] 5",
    ]


def test_hostile_card_template_stops_the_build_with_exit_code_2(tmp_path: Path) -> None:
    templates = tmp_path / "templat"
    shutil.copytree(TEMPLATES, templates)
    docx_with(templates, "{{ ''.__class__.__mro__[1].__subclasses__() }}", "iki.docx")
    out = tmp_path / "hasil"
    result = subprocess.run(
        [
            *(sys.executable, "-c", "from dokgen.cli import main; main()", "build"),
            *(str(DATA / "malang-diskopum"), "--templat", str(templates), "--hanya", "iki"),
            *("-o", str(out)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "iki.docx" in result.stderr
    assert "tidak diizinkan" in result.stderr
    assert not list(out.rglob("*.docx"))
