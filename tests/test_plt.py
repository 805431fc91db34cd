"""A head who holds the office as Plt signs every document as "Plt. KEPALA DINAS …"."""

import shutil

import pytest

from dokgen.build import BuildOptions, build
from tests.conftest import DATA
from tests.docxread import lines, open_docx

KINDS = ("keputusan", "dokumen-iku", "lkj", "iki", "rencana-aksi", "pk")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plt") / "dinas"
    shutil.copytree(DATA / "contoh-lengkap", folder)
    dinas = folder / "dinas.yaml"
    text = dinas.read_text(encoding="utf-8")
    anchor = '  nip: "19621215 199403 1 006"\n'
    assert anchor in text
    dinas.write_text(text.replace(anchor, anchor + "  status: plt\n", 1), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    for kind in KINDS:
        build(folder, out, BuildOptions(kind=kind, force=True, jobs=1))
    return out


def _signature_titles(path):
    return [line for line in lines(open_docx(path)) if "KEPALA DINAS" in line]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_prints_plt_before_the_heads_title(built, kind):
    documents = sorted(built.rglob("*.docx"))
    signed = [
        line
        for path in documents
        if kind.replace("-", "") in path.as_posix().replace("-", "")
        for line in _signature_titles(path)
        if line.startswith(("Plt.", "KEPALA DINAS"))
    ]
    assert signed, kind
    plt = [line for line in signed if line.startswith("Plt. KEPALA DINAS")]
    assert plt, (kind, signed)
