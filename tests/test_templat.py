"""Templates as packages: headers and footers rendered like the body, document properties from
the data, the names a template reads, and the repository's own templates kept clean."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path
from typing import Any, cast

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.paragraph import Paragraph

from dokgen.errors import TemplateError
from dokgen.render import DocumentProperties, Gambar, Template, template_variables
from tests.conftest import TEMPLATES
from tests.docxread import open_docx


def png() -> bytes:
    """A 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = png()


def parts(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def add_page_field(paragraph: Paragraph) -> None:
    """A PAGE field as Word writes it: begin, instruction, separate, shown value, end."""
    runs = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    for run in list(parse_xml(f"<w:p {nsdecls('w')}>{runs}</w:p>")):
        paragraph._p.append(cast(Any, run))  # python-docx types a paragraph's children oddly


def make_template(
    tmp_path: Path, body: list[str], header: str | None = None, footer: str | None = None
) -> Path:
    """A template whose body holds ``body`` (a page break between paragraphs), with a header
    and a footer (the footer followed by a PAGE field)."""
    doc = Document()
    for number, text in enumerate(body):
        paragraph = doc.add_paragraph(text)
        if number < len(body) - 1:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
    section = doc.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        paragraph = section.footer.paragraphs[0]
        paragraph.text = footer
        add_page_field(paragraph)
    path = tmp_path / "uji.docx"
    doc.save(str(path))
    return path


def test_header_and_footer_are_rendered_with_the_context(tmp_path: Path) -> None:
    path = make_template(
        tmp_path, ["Isi {{ nama }}", "Halaman kedua"], "{{ judul }} — {{ nama }}", "Halaman "
    )
    doc = open_docx(Template(path).render({"judul": "Laporan & <Kinerja>", "nama": "Dinas A"}))
    section = doc.sections[0]
    assert section.header.paragraphs[0].text == "Laporan & <Kinerja> — Dinas A"
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Halaman ")
    instructions = footer._p.xpath(".//w:instrText")
    assert [i.text for i in instructions] == [" PAGE "]  # the field survives rendering
    assert doc.paragraphs[0].text == "Isi Dinas A"


def test_page_numbers_and_running_header_print(tmp_path: Path) -> None:
    # LibreOffice and poppler-utils: installed by make test (make sistem) and .ci/run.
    assert shutil.which("soffice") and shutil.which("pdftotext"), "make sistem"
    path = make_template(tmp_path, ["Satu", "Dua", "Tiga"], "{{ judul }}", "Halaman ")
    docx = tmp_path / "hasil.docx"
    docx.write_bytes(Template(path).render({"judul": "LAPORAN KINERJA"}))
    profile = (tmp_path / "lo-profil").as_uri()
    subprocess.run(
        [
            *("soffice", f"-env:UserInstallation={profile}", "--headless"),
            *("--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "hasil.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = text.split("\f")[:3]
    for number, page in enumerate(pages, start=1):
        assert "LAPORAN KINERJA" in page
        assert re.search(rf"Halaman\s+{number}\b", page), page


@pytest.mark.parametrize(
    ("header", "footer", "part", "message"),
    [
        ("{{ judul", None, "kepala halaman (word/header1.xml)", "kesalahan templat"),
        (None, "{% for x in xs %}", "kaki halaman (word/footer1.xml)", "blok 'for' tidak ditutup"),
    ],
)
def test_syntax_error_in_header_or_footer_names_template_and_part(
    tmp_path: Path, header: str | None, footer: str | None, part: str, message: str
) -> None:
    path = make_template(tmp_path, ["Isi"], header, footer)
    with pytest.raises(TemplateError) as caught:
        Template(path)
    assert f"{path}, {part}:" in str(caught.value)
    assert message in str(caught.value)


def test_unknown_name_in_header_names_part_and_paragraph(tmp_path: Path) -> None:
    path = make_template(tmp_path, ["Isi"], "Judul: {{ judull }}")
    with pytest.raises(TemplateError) as caught:
        Template(path).render({"judul": "x"})
    message = str(caught.value)
    assert "kepala halaman (word/header1.xml)" in message
    assert "«Judul: {{ judull }}»" in message
    assert "'judull' tidak dikenal" in message


def test_picture_in_header_is_linked_from_the_header(tmp_path: Path) -> None:
    path = make_template(tmp_path, ["{{ gambar.logo }} Isi"], "{{ gambar.logo }} Kop")
    package = Template(path).render({}, gambar={"logo": Gambar(PNG, tinggi_cm=1)})
    doc = open_docx(package)
    header = doc.sections[0].header
    (embed,) = header._element.xpath(".//a:blip/@r:embed")
    assert header.part.related_parts[embed].blob == PNG
    (embed,) = doc.element.body.xpath(".//a:blip/@r:embed")
    assert doc.part.related_parts[embed].blob == PNG


def test_static_header_is_copied_as_it_is(tmp_path: Path) -> None:
    path = make_template(tmp_path, ["{{ x }}"], "Tanpa tag")
    template_parts = parts(path.read_bytes())
    rendered = parts(Template(path).render({"x": "1"}))
    assert rendered["word/header1.xml"] == template_parts["word/header1.xml"]


def test_document_properties_come_from_the_data(tmp_path: Path) -> None:
    path = make_template(tmp_path, ["{{ x }}"])
    properties = DocumentProperties(
        title='Keputusan tentang IKU <2021> & "Renstra"',
        subject="Indikator Kinerja Utama",
        creator="Dinas Koperasi dan UKM Kota Bandar Lampung",
        keywords="IKU, Renstra",
        created=dt.date(2021, 3, 1),
    )
    package = Template(path).render({"x": "1"}, properties=properties)
    core = open_docx(package).core_properties
    assert core.title == properties.title
    assert core.subject == properties.subject
    assert core.author == properties.creator
    assert core.keywords == properties.keywords
    assert core.created == dt.datetime(2021, 3, 1, tzinfo=dt.UTC)
    assert package == Template(path).render({"x": "1"}, properties=properties)  # no clock


def test_without_properties_nothing_names_python_docx_or_a_date(tmp_path: Path) -> None:
    path = make_template(tmp_path, ["{{ x }}"], "{{ x }}")
    package = Template(path).render({"x": "1"})
    for name, data in parts(package).items():
        assert b"python-docx" not in data, name
    core = open_docx(package).core_properties
    assert (core.title, core.author, core.created, core.modified) == ("", "", None, None)
    assert b"<Application>dokgen</Application>" in parts(package)["docProps/app.xml"]


def test_template_without_core_properties_gets_the_part(tmp_path: Path) -> None:
    source = parts(make_template(tmp_path, ["{{ x }}"]).read_bytes())
    del source["docProps/core.xml"]
    source["_rels/.rels"] = re.sub(
        rb'<Relationship [^>]*Target="docProps/core.xml"/>', b"", source["_rels/.rels"]
    )
    source["[Content_Types].xml"] = re.sub(
        rb'<Override PartName="/docProps/core.xml"[^>]*/>', b"", source["[Content_Types].xml"]
    )
    path = tmp_path / "tanpa-core.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in source.items():
            archive.writestr(name, data)
    package = Template(path).render({"x": "1"}, properties=DocumentProperties(title="Judul"))
    rendered = parts(package)
    assert b'PartName="/docProps/core.xml"' in rendered["[Content_Types].xml"]
    assert b'Target="docProps/core.xml"' in rendered["_rels/.rels"]
    assert open_docx(package).core_properties.title == "Judul"


def test_template_variables_of_body_and_headers(tmp_path: Path) -> None:
    path = make_template(
        tmp_path,
        [
            "{{ kop.dinas }} {{ gambar.logo }}",
            "{% for i in indikator %}{{ loop.index }}. {{ i.uraian|upper }}{% endfor %}",
            "{% for n in range(3) %}{{ n }}{% endfor %}{% set x = 1 %}{{ x }}",
        ],
        "{{ judul }}",
        "{{ nomor }}",
    )
    assert template_variables(path) == {"kop", "indikator", "judul", "nomor"}


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.docx")), ids=lambda p: p.name)
def test_repository_templates_are_clean_and_compile(path: Path) -> None:
    source = parts(path.read_bytes())
    assert "word/stylesWithEffects.xml" not in source
    for name, data in source.items():
        assert b"python-docx" not in data, name
    styles = set(re.findall(rb'w:styleId="([^"]+)"', source["word/styles.xml"]))
    used = set(
        re.findall(rb'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', source["word/document.xml"])
    )
    assert used <= styles
    assert template_variables(path)  # compiles, and reads the context


@pytest.mark.parametrize("name", sorted(p.name for p in TEMPLATES.glob("*.docx")))
def test_every_page_reference_points_at_its_own_bookmark(name: str) -> None:
    """A Daftar Isi/Tabel/Gambar entry prints the page of the bookmark it names: each names one
    that exists, and no two entries share one (a copied entry printed another table's page)."""
    with zipfile.ZipFile(TEMPLATES / name) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    bookmarks = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', xml))
    references = re.findall(r"PAGEREF (\S+)", xml)
    assert set(references) <= bookmarks, name
    assert len(references) == len(set(references)), name
