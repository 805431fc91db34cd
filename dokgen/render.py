"""The template engine: docxtpl's tag syntax, a sandboxed strict autoescaping Jinja, compiled once.

docxtpl is used for what it is good at — turning tags that Word split across runs back into
Jinja (``patch_xml``) and resolving line breaks (``resolve_listing``) — while dokgen owns the
Jinja environment and the package writing. A template is read and compiled once and can then
render many contexts: the body is spliced into the template's ``document.xml`` and every other
part is copied as it is.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from docx.image.image import Image
from docx.oxml.shape import CT_Inline
from docx.shared import Cm, Emu
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup

from dokgen.errors import TemplateError
from dokgen.paket import Bagian, baca, bagian, paket
from dokgen.sandbox import LimitExceeded, environment, limited, message_of

__all__ = ["LANJUT", "UKURAN_KERTAS", "Gambar", "Halaman", "Template", "environment"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"

LANJUT = "\ue000"
"""Cell content meaning 'continues the cell above': the cell is merged vertically into it.

Documents whose spans are not one Jinja loop (the cascade Sasaran → IKU → Program → Kegiatan)
flatten their rows in Python and put ``LANJUT`` where a cell continues; see ``_merge_down``.
"""

UKURAN_KERTAS = {"F4": (215, 330), "A4": (210, 297)}
"""Paper sizes in millimetres (width, height, portrait)."""


def _twips(mm: float) -> str:
    return str(round(mm / 25.4 * 1440))


def _visible_text(xml_line: str) -> str:
    text = re.sub(r"<[^>]+>", "", xml_line)
    return re.sub(r"\s+", " ", text).strip()[:120]


def _template_line(exc: BaseException) -> int | None:
    """Line of the compiled template source where ``exc`` happened (Jinja rewrites tracebacks)."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


@dataclass(frozen=True)
class Halaman:
    """Page setup applied to every document: paper, and optionally margins and base font."""

    kertas: str = "F4"
    margin_cm: tuple[float, float, float, float] | None = None
    """Top, right, bottom, left; None keeps the template's."""
    huruf: str | None = None
    ukuran_pt: float | None = None
    """Base font and size of the Normal style; None keeps the template's."""


@dataclass(frozen=True)
class Gambar:
    """A picture to place in a document: its bytes and printed height."""

    data: bytes
    tinggi_cm: float = 2.5


_RENDER_ERRORS = (
    jinja2.TemplateError,
    LimitExceeded,
    RecursionError,
    MemoryError,
    ArithmeticError,
    LookupError,
    TypeError,
    ValueError,
    AttributeError,
)
"""What evaluating a template's expressions can raise: the template's doing, reported as such."""


class Template:
    """A .docx template compiled once, rendered many times."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._docx = DocxTemplate(self.path)  # its text helpers only; the package is read here
        try:
            blob = self.path.read_bytes()
            self._parts = baca(blob)
            self._compressed = bagian(blob)
            root = etree.fromstring(self._parts["word/document.xml"])
            body = etree.tostring(root.find(f"{{{W}}}body"), encoding="unicode")
        except (OSError, zipfile.BadZipFile, KeyError, TypeError, etree.XMLSyntaxError) as exc:
            raise TemplateError(f"{self.path}: templat .docx tidak dapat dibuka ({exc})") from None
        self._column_loops = "{%tc" in re.sub(r"<[^>]+>", "", body)
        source = self._docx.patch_xml(body)
        self._source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
        try:
            self._compiled = environment().from_string(self._source)
        except (jinja2.TemplateError, RecursionError) as exc:
            raise self._error(exc) from None
        document = self._parts["word/document.xml"].decode("utf-8")
        start = document.index("<w:body")
        end = document.rindex("</w:body>") + len("</w:body>")
        self._prefix, self._suffix = document[:start], document[end:]

    def _error(self, exc: BaseException) -> TemplateError:
        line = _template_line(exc)
        where = ""
        if line:
            lines = self._source.splitlines()
            if 0 < line <= len(lines):
                where = f" pada tag di paragraf «{_visible_text(lines[line - 1])}»"
        return TemplateError(f"{self.path}: kesalahan templat{where}: {message_of(exc)}")

    def render(
        self,
        context: Mapping[str, Any],
        halaman: Halaman | str = "F4",
        gambar: Mapping[str, Gambar] | None = None,
    ) -> bytes:
        """Render ``context`` into a complete .docx package (bytes).

        Each entry of ``gambar`` is added to the package and its name in the context becomes the
        picture, printed where the template says ``{{ name }}`` (e.g. ``{{ kop.logo }}``).
        """
        return self.render_dokumen(context, halaman, gambar)[0]

    def render_dokumen(
        self,
        context: Mapping[str, Any],
        halaman: Halaman | str = "F4",
        gambar: Mapping[str, Gambar] | None = None,
    ) -> tuple[bytes, bytes]:
        """:meth:`render`, and the package's ``word/document.xml`` as well."""
        if isinstance(halaman, str):
            halaman = Halaman(halaman)
        kertas = halaman.kertas
        gambar = gambar or {}
        replaced: dict[str, bytes] = {}
        pictures = self._add_pictures(gambar, replaced)
        context = {**context, "gambar": pictures}
        chunks: list[str] = []
        try:
            with limited() as limits:  # time and size of this document (dokgen.sandbox)
                for chunk in self._compiled.generate(context):
                    limits.write(len(chunk))
                    limits.check_time()
                    chunks.append(chunk)
        except _RENDER_ERRORS as exc:
            raise self._error(exc) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", "".join(chunks))
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        if _LISTING.search(xml):  # line breaks or tabs in data: only those paragraphs
            xml = _PARAGRAPH.sub(self._listing, xml)
        if self._column_loops or LANJUT in xml:  # only then is a tree needed
            body = etree.fromstring(xml.encode("utf-8"))
            _fix_grid(body, kertas)
            _merge_down(body)
            xml = etree.tostring(body, encoding="unicode")
        xml = _set_paper(xml, kertas)
        if halaman.margin_cm:
            xml = _set_margins(xml, halaman.margin_cm)
        document = self._prefix + xml + self._suffix
        replaced["word/document.xml"] = document.encode("utf-8")
        if halaman.huruf or halaman.ukuran_pt:
            replaced["word/styles.xml"] = self._styles(halaman.huruf, halaman.ukuran_pt)
        return self._package(replaced), replaced["word/document.xml"]

    def _listing(self, paragraph: re.Match) -> str:
        """docxtpl's line breaks and tabs for one paragraph (it works paragraph by paragraph;
        running it over the whole body costs more than rendering)."""
        xml = paragraph.group(0)
        return self._docx.resolve_listing(xml) if _LISTING.search(xml) else xml

    @cache  # noqa: B019  (one Template per file, kept for the whole build)
    def _styles(self, huruf: str | None, ukuran_pt: float | None) -> bytes:
        """styles.xml with the base font and the Normal style's size of the setting."""
        styles = self._parts["word/styles.xml"].decode("utf-8")
        if huruf:
            styles = re.sub(
                r"<w:rFonts\b[^>]*/>",
                f'<w:rFonts w:ascii="{huruf}" w:hAnsi="{huruf}" w:eastAsia="{huruf}"'
                f' w:cs="{huruf}"/>',
                styles,
            )
        if ukuran_pt:
            half_points = str(round(ukuran_pt * 2))

            def size(match: re.Match) -> str:
                return re.sub(
                    r'(<w:sz(?:Cs)? w:val=")\d+(")', rf"\g<1>{half_points}\2", match.group(0)
                )

            styles = re.sub(
                r'<w:style [^>]*w:styleId="Normal".*?</w:style>', size, styles, flags=re.DOTALL
            )
        return styles.encode("utf-8")

    def _add_pictures(self, gambar: Mapping[str, Gambar], replaced: dict[str, bytes]) -> dict:
        """Put each picture into the package (media, relationship, content type)."""
        if not gambar:
            return {}
        rels = self._parts["word/_rels/document.xml.rels"].decode("utf-8")
        types = self._parts["[Content_Types].xml"].decode("utf-8")
        pictures = {}
        for number, (name, picture) in enumerate(gambar.items(), start=1):
            image = Image.from_blob(picture.data)
            rid = f"rIdDokgen{number}"
            target = f"media/dokgen-{number}.{image.ext}"
            replaced[f"word/{target}"] = picture.data
            rels = rels.replace(
                "</Relationships>",
                f'<Relationship Id="{rid}" Type="{IMAGE_REL}" Target="{target}"/></Relationships>',
            )
            if f'Extension="{image.ext}"' not in types:
                default = f'<Default Extension="{image.ext}" ContentType="{image.content_type}"/>'
                types = types.replace("</Types>", f"{default}</Types>")
            cy = Cm(picture.tinggi_cm)
            cx = Emu(int(cy * image.px_width / image.px_height))
            inline = CT_Inline.new_pic_inline(1000 + number, rid, target, cx, cy)
            xml = etree.tostring(inline, encoding="unicode")
            pictures[name] = Markup(
                f"</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t>"
            )
        replaced["word/_rels/document.xml.rels"] = rels.encode("utf-8")
        replaced["[Content_Types].xml"] = types.encode("utf-8")
        return pictures

    def _package(self, replaced: Mapping[str, bytes]) -> bytes:
        """The template's parts, precompressed, with ``replaced`` ones compressed anew."""
        added = [name for name in replaced if name not in self._parts]
        return paket(
            Bagian.dari(name, replaced[name]) if name in replaced else self._compressed[name]
            for name in [*self._parts, *added]
        )


_PAGE_SIZE = re.compile(r"<w:pgSz\b([^>]*?)/>")
_LISTING = re.compile(r"[\t\n\a\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
"""A paragraph, as docxtpl's resolve_listing finds it."""


def _set_paper(xml: str, kertas: str) -> str:
    """Give every section the paper size of the setting, keeping its orientation."""
    width, height = UKURAN_KERTAS[kertas]

    def size(match: re.Match) -> str:
        attributes = match.group(1)
        landscape = 'w:orient="landscape"' in attributes
        w, h = (height, width) if landscape else (width, height)
        rest = re.sub(r'\s*w:[wh]="\d+"', "", attributes)
        return f'<w:pgSz w:w="{_twips(w)}" w:h="{_twips(h)}"{rest}/>'

    return _PAGE_SIZE.sub(size, xml)


_PAGE_MARGIN = re.compile(r"<w:pgMar\b([^>]*?)/>")


def _set_margins(xml: str, margin_cm: tuple[float, float, float, float]) -> str:
    """Set the four page margins of every section (header, footer and gutter stay)."""

    def margins(match: re.Match) -> str:
        attributes = match.group(1)
        for side, cm in zip(("top", "right", "bottom", "left"), margin_cm, strict=True):
            attributes = re.sub(rf'w:{side}="-?\d+"', f'w:{side}="{_twips(cm * 10)}"', attributes)
        return f"<w:pgMar{attributes}/>"

    return _PAGE_MARGIN.sub(margins, xml)


def _fix_grid(body: etree._Element, kertas: str) -> None:
    """Rebuild a table's column grid when a {%tc %} loop changed its number of cells.

    The new grid takes each column's width from the cells of the widest row; a table then wider
    than its page (a Renstra of six years instead of five) is narrowed to fit, all columns alike.
    """
    for table in body.iter(f"{{{W}}}tbl"):
        grid = table.find(f"{{{W}}}tblGrid")
        rows = table.findall(f"{{{W}}}tr")
        if grid is None or not rows:
            continue
        widest = max(rows, key=lambda row: len(row.findall(f"{{{W}}}tc")))
        widths: list[int] = []
        for cell in widest.findall(f"{{{W}}}tc"):
            span = cell.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")
            count = int(span.get(f"{{{W}}}val")) if span is not None else 1
            width = cell.find(f"{{{W}}}tcPr/{{{W}}}tcW")
            each = int(width.get(f"{{{W}}}w")) // count if width is not None else 0
            widths.extend([each] * count)
        if len(widths) == len(grid) or 0 in widths:
            continue
        scale = min(1.0, _usable_width(table, kertas) / sum(widths))
        for column in list(grid):
            grid.remove(column)
        for width in widths:
            etree.SubElement(grid, f"{{{W}}}gridCol").set(f"{{{W}}}w", str(int(width * scale)))
        if scale < 1:
            for width in table.iter(f"{{{W}}}tcW"):
                width.set(f"{{{W}}}w", str(int(int(width.get(f"{{{W}}}w")) * scale)))


def _usable_width(table: etree._Element, kertas: str) -> float:
    """Width between the margins of the section ``table`` is in, on the paper of the setting."""
    section = None
    for element in table.itersiblings():
        section = element.find(f"{{{W}}}pPr/{{{W}}}sectPr")
        if section is None and element.tag == f"{{{W}}}sectPr":
            section = element
        if section is not None:
            break
    if section is None:
        return float("inf")
    size = section.find(f"{{{W}}}pgSz")
    margins = section.find(f"{{{W}}}pgMar")
    width, height = UKURAN_KERTAS[kertas]
    landscape = size is not None and size.get(f"{{{W}}}orient") == "landscape"
    page = int(_twips(height if landscape else width))
    if margins is None:
        return float(page)
    return float(page - int(margins.get(f"{{{W}}}left")) - int(margins.get(f"{{{W}}}right")))


def _merge_down(body: etree._Element) -> None:
    """Merge every cell whose text is ``LANJUT`` into the cell above it (same grid column)."""
    for table in body.iter(f"{{{W}}}tbl"):
        rows = table.findall(f"{{{W}}}tr")
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.findall(f"{{{W}}}tc")):
                if "".join(cell.itertext()) != LANJUT:
                    continue
                for text in cell.iter(f"{{{W}}}t"):
                    text.text = ""
                _set_vmerge(cell, None)
                above = rows[r - 1].findall(f"{{{W}}}tc")[c]
                if above.find(f"{{{W}}}tcPr/{{{W}}}vMerge") is None:
                    _set_vmerge(above, "restart")


def _set_vmerge(cell: etree._Element, value: str | None) -> None:
    tc_pr = cell.find(f"{{{W}}}tcPr")
    if tc_pr is None:
        tc_pr = etree.SubElement(cell, f"{{{W}}}tcPr")
        cell.insert(0, tc_pr)
    merge = etree.Element(f"{{{W}}}vMerge")
    if value:
        merge.set(f"{{{W}}}val", value)
    # schema order inside tcPr: tcW, gridSpan, hMerge, vMerge, …
    after = [tc_pr.find(f"{{{W}}}{tag}") for tag in ("tcW", "gridSpan", "hMerge")]
    anchors = [e for e in after if e is not None]
    if anchors:
        anchors[-1].addnext(merge)
    else:
        tc_pr.insert(0, merge)
