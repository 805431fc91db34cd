import os
import stat

import pytest

from dokgen.output import nama_berkas, write_atomic


@pytest.mark.parametrize(
    ("nomor", "nama", "expected"),
    [
        (7, "kasubag-umum", "07-kasubag-umum.docx"),
        (3, "Kepala Sub Bagian: Umum/Kepegawaian", "03-kepala-sub-bagian-umum-kepegawaian.docx"),
        (
            12,
            'Seksi "Perdagangan", Industri <dan> Pertambangan?',
            "12-seksi-perdagangan-industri-dan-pertambangan.docx",
        ),
        (1, "Pengelola Dana Bergulir — Ünit", "01-pengelola-dana-bergulir-unit.docx"),
        (5, "///", "05-berkas.docx"),
        (120, "x", "120-x.docx"),
    ],
)
def test_file_names_are_safe_and_ordered(nomor, nama, expected):
    assert nama_berkas(nomor, nama) == expected


def test_windows_reserved_names_are_never_the_whole_stem():
    assert nama_berkas(1, "CON") == "01-berkas-con.docx"
    assert nama_berkas(1, "a" * 200).startswith("01-" + "a" * 80 + ".")


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "sub" / "x.docx"
    write_atomic(target, b"lama")
    write_atomic(target, b"baru")
    assert target.read_bytes() == b"baru"
    assert [p.name for p in target.parent.iterdir()] == ["x.docx"]


def test_write_atomic_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    new = tmp_path / "baru.yaml"
    write_atomic(new, b"a")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    kept = tmp_path / "dinas.yaml"
    kept.write_bytes(b"lama")
    kept.chmod(0o640)
    write_atomic(kept, b"baru")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_unsafe_names_made_safe():
    items = [(1, "kasubag-umum"), (2, "Seksi: Umum"), (3, "con"), (4, "a--b"), (5, "x" * 81)]
    assert [nama_berkas(n, nama) for n, nama in items] == [
        "01-kasubag-umum.docx",
        "02-seksi-umum.docx",
        "03-berkas-con.docx",
        "04-a-b.docx",
        f"05-{'x' * 80}.docx",
    ]
    assert nama_berkas(2, "b\nc") == "02-b-c.docx"
