from pathlib import Path

import pytest

from dokgen.errors import DataError
from dokgen.yamlsrc import read_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_scalars_stay_text_so_nothing_is_silently_converted(tmp_path):
    source = read_yaml(write(tmp_path, "nip: 0123\nok: NO\nangka: 1.000\nkosong:\n"))
    assert source.data == {"nip": "0123", "ok": "NO", "angka": "1.000", "kosong": None}


def test_every_key_and_item_knows_its_line(tmp_path):
    source = read_yaml(write(tmp_path, "a: 1\nb:\n  - x\n  - y\n"))
    assert source.lines[("a",)] == 1
    assert source.lines[("b",)] == 2
    assert source.lines[("b", 1)] == 4
    assert source.line(("b", 1, "missing")) == 4


def test_quoted_empty_string_is_not_null(tmp_path):
    assert read_yaml(write(tmp_path, "a: ''\n")).data == {"a": ""}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: b: c\n", 1, "titik dua"),
        ("a:\n\t- x\n", 2, "TAB"),
        ("a: 1\nb: 2\na: 3\n", 3, "kunci 'a' ditulis dua kali"),
        ('a: "tidak ditutup\n', 2, "tanda kutip"),
    ],
)
def test_malformed_yaml_names_file_and_line_in_indonesian(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    (problem,) = caught.value.problems
    assert problem.location.file == path
    assert problem.location.line == line
    assert words in problem.message


def test_folded_text_is_one_line(tmp_path):
    source = read_yaml(write(tmp_path, "a: >-\n  satu dua\n  tiga\nb: |\n  x\n  y\n"))
    assert source.data == {"a": "satu dua tiga", "b": "x\ny\n"}
