"""The template engine: docxtpl's tag syntax, a sandboxed strict autoescaping Jinja, compiled once.

docxtpl is used for what it is good at — turning tags that Word split across runs back into
Jinja (``patch_xml``) and resolving line breaks (``resolve_listing``) — while dokgen owns the
Jinja environment (:mod:`dokgen.sandbox`) and the package writing. A template is read and
compiled once and can then render many contexts: the body, and every header and footer that
holds a tag, are rendered with the same context; every other part is copied as it is, except
the document properties (``docProps/core.xml``), which come from the data.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from lxml import etree
from markupsafe import Markup

from dokgen.combine import DOCUMENT, new_page, split_body
from dokgen.docinfo import APP_XML, DocumentProperties, Gambar, core_xml
from dokgen.errors import TemplateError
from dokgen.format import LANJUT
from dokgen.lebar import Metrik, muat_semua, paskan_kolom
from dokgen.sandbox import LimitExceeded, Limits, environment, limited, message_of
from dokgen.zipwrite import Part, fragment, package, read_parts, stored_parts

__all__ = [
    "UKURAN_KERTAS",
    "DocumentProperties",
    "Gambar",
    "Halaman",
    "Template",
    "environment",
    "template_variables",
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
APP_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
APP_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

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

_EMPTY_RELS = f'{_XML_DECLARATION}<Relationships xmlns="{PACKAGE_RELS}"></Relationships>'.encode()
_PROVIDED = {"gambar", "loop", "self", "caller", "varargs", "kwargs"}
"""Names a template reads that no document context gives: dokgen's pictures, Jinja's own."""
_NO_STYLES = f'<w:styles xmlns:w="{W}"/>'.encode()
_HEADER_FOOTER = re.compile(r"word/(header|footer)\d*\.xml")
_JINJA = re.compile(r"\{[{%#]")


@dataclass(frozen=True)
class _Part:
    """An XML part of the template rendered with Jinja: the body, a header or a footer."""

    name: str
    label: str
    """How the part is named in messages ('' for the body)."""
    source: str
    """The Jinja source: the part's XML after docxtpl's patch, one paragraph per line."""
    template: jinja2.Template


class Template:
    """A .docx template compiled once, rendered many times."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        from docxtpl import DocxTemplate  # imported when a template is compiled: a check needs none

        self._docx = DocxTemplate(self.path)  # its text helpers only; the package is read here
        try:
            blob = self.path.read_bytes()
            self._parts = read_parts(blob)
            self._compressed = stored_parts(blob)
            body_element = etree.fromstring(self._parts["word/document.xml"]).find(f"{{{W}}}body")
            if body_element is None:
                raise KeyError("w:body")
            body = etree.tostring(body_element, encoding="unicode")
            headers = {
                name: etree.tostring(etree.fromstring(data), encoding="unicode")
                for name, data in self._parts.items()
                if _HEADER_FOOTER.fullmatch(name)
            }
        except (OSError, zipfile.BadZipFile, KeyError, TypeError, etree.XMLSyntaxError) as exc:
            raise TemplateError(f"{self.path}: templat .docx tidak dapat dibuka ({exc})") from None
        self._column_loops = "{%tc" in re.sub(r"<[^>]+>", "", body)
        self._body = self._compile("word/document.xml", "", body)
        self._headers: list[_Part] = []
        for name, xml in sorted(headers.items()):
            kind = "kepala halaman" if "header" in name else "kaki halaman"
            part = self._compile(name, f"{kind} ({name})", xml)
            if _JINJA.search(part.source):
                self._headers.append(part)
        document = self._parts["word/document.xml"].decode("utf-8")
        start = document.index("<w:body")
        end = document.rindex("</w:body>") + len("</w:body>")
        self._prefix, self._suffix = document[:start], document[end:]
        self._core = self._property_part(CORE_REL, "docProps/core.xml", CORE_TYPE, core_xml(None))
        self._property_part(APP_REL, "docProps/app.xml", APP_TYPE, APP_XML)

    def _compile(self, name: str, label: str, xml: str) -> _Part:
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", self._docx.patch_xml(xml))
        for escaped, literal in _ESCAPES.items():  # docxtpl's way to print a tag as it is
            source = source.replace(escaped, f"{{{{ {literal!r} }}}}")
        try:
            template = environment().from_string(source)
        except (jinja2.TemplateError, RecursionError) as exc:
            raise self._error(exc, source, label) from None
        return _Part(name, label, source, template)

    def _property_part(self, rel_type: str, default: str, content_type: str, xml: bytes) -> str:
        """Put ``xml`` in the package as its core or app properties part (adding the part, its
        relationship and content type when the template has none); the part's name."""
        rels = self._parts["_rels/.rels"].decode("utf-8")
        types = self._parts["[Content_Types].xml"].decode("utf-8")
        target = next(
            (
                rel.get("Target", "").lstrip("/")
                for rel in etree.fromstring(rels.encode("utf-8"))
                if rel.get("Type") == rel_type
            ),
            None,
        )
        if target is None:
            target = default
            number = len(re.findall(r"<Relationship\b", rels)) + 1
            rels = rels.replace(
                "</Relationships>",
                f'<Relationship Id="rIdDokgenProps{number}" Type="{rel_type}" Target="{target}"/>'
                "</Relationships>",
            )
            self._set("_rels/.rels", rels.encode("utf-8"))
        if f'PartName="/{target}"' not in types:
            override = f'<Override PartName="/{target}" ContentType="{content_type}"/>'
            self._set("[Content_Types].xml", types.replace("</Types>", f"{override}</Types>"))
        self._set(target, xml)
        return target

    def _set(self, name: str, data: bytes | str) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        self._parts[name] = raw
        self._compressed[name] = Part.compress(name, raw)

    def _error(self, exc: BaseException, source: str, label: str) -> TemplateError:
        line = _template_line(exc)
        where = ""
        if line:
            lines = source.splitlines()
            if 0 < line <= len(lines):
                where = f" pada tag di paragraf «{_visible_text(lines[line - 1])}»"
        place = f"{self.path}, {label}" if label else str(self.path)
        return TemplateError(f"{place}: kesalahan templat{where}: {message_of(exc)}")

    def variables(self) -> set[str]:
        """The top-level names the template reads from its context (see
        :func:`template_variables`)."""
        env = environment()
        names: set[str] = set()
        for part in (self._body, *self._headers):
            names |= meta.find_undeclared_variables(env.parse(part.source))
        return names - set(env.globals) - _PROVIDED

    def render(
        self,
        context: Mapping[str, Any],
        halaman: Halaman | str = "F4",
        gambar: Mapping[str, Gambar] | None = None,
        *,
        properties: DocumentProperties | None = None,
    ) -> bytes:
        """Render ``context`` into a complete .docx package (bytes).

        Each entry of ``gambar`` is added to the package and printed where the template says
        ``{{ gambar.<name> }}`` (e.g. ``{{ gambar.logo }}``), in the body, a header or a footer.
        ``properties`` become the document properties; None leaves them empty.
        """
        return self.render_dokumen(context, halaman, gambar, properties=properties)[0]

    def render_dokumen(
        self,
        context: Mapping[str, Any],
        halaman: Halaman | str = "F4",
        gambar: Mapping[str, Gambar] | None = None,
        *,
        properties: DocumentProperties | None = None,
        piece: bool = False,
    ) -> tuple[bytes, bytes]:
        """:meth:`render`, and — with ``piece`` — the document's body as a piece for a combined
        document (:mod:`dokgen.combine`), else ``b""``.

        With ``piece``, the body starts on a new page (a page break before the first paragraph
        of a document prints no blank page, in Word as in LibreOffice), and ``document.xml`` is
        stored as three deflate fragments — before the body, the body, after it — each
        compressed on its own: the middle one is the piece, so it costs no second compression.
        """
        if isinstance(halaman, str):
            halaman = Halaman(halaman)
        kertas = halaman.kertas
        replaced: dict[str, bytes] = {}
        pictures = self._add_pictures(gambar or {}, replaced)
        context = {**context, "gambar": pictures}
        with limited() as limits:
            xml = self._render_part(self._body, context, limits)
            for part in self._headers:
                rendered = self._render_part(part, context, limits)
                replaced[part.name] = (_XML_DECLARATION + rendered).encode("utf-8")
        grid_changes = self._column_loops or LANJUT in xml
        metrik = self._metrik(halaman.huruf, halaman.ukuran_pt)
        # columns are fitted on a tree only when reading the text cannot tell that all fit
        fitting = "<w:tbl>" in xml and (grid_changes or not muat_semua(xml, metrik))
        if grid_changes or fitting:  # only then is a tree needed
            body = etree.fromstring(xml.encode("utf-8"))
            if grid_changes:
                _fix_grid(body, kertas)
                _merge_down(body)
            if (fitting and paskan_kolom(body, metrik)) or grid_changes:
                xml = etree.tostring(body, encoding="unicode")
        xml = _set_paper(xml, kertas)
        if halaman.margin_cm:
            xml = _set_margins(xml, halaman.margin_cm)
        if halaman.huruf or halaman.ukuran_pt:
            replaced["word/styles.xml"] = self._styles(halaman.huruf, halaman.ukuran_pt)
        if properties is not None:
            replaced[self._core] = core_xml(properties)
        if not piece:
            replaced[DOCUMENT] = (self._prefix + xml + self._suffix).encode("utf-8")
            return self._package(replaced), b""
        head, content, tail = split_body((self._prefix + xml + self._suffix).encode("utf-8"))
        document, pieces = Part.of_fragments(DOCUMENT, [head, new_page(content), tail])
        return self._package(replaced, document), pieces[1] + _section_break(tail)

    def _render_part(self, part: _Part, context: Mapping[str, Any], limits: Limits) -> str:
        """One part, rendered within the document's ``limits``."""
        chunks: list[str] = []
        try:
            for chunk in part.template.generate(context):
                limits.write(len(chunk))
                limits.check_time()
                chunks.append(chunk)
        except _RENDER_ERRORS as exc:
            raise self._error(exc, part.source, part.label) from None
        xml = "".join(chunks).replace("\n<w:p", "<w:p")  # the line breaks _compile put
        return _with_breaks(xml)

    @cache  # noqa: B019  (one Template per file, kept for the whole build)
    def _metrik(self, huruf: str | None, ukuran_pt: float | None) -> Metrik:
        """How text is measured for fitting the table columns, with the setting's font and size."""
        styles = self._styles(huruf, ukuran_pt) if huruf or ukuran_pt else None
        return Metrik(styles or self._parts.get("word/styles.xml", _NO_STYLES))

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

            def size(match: re.Match[str]) -> str:
                return re.sub(
                    r'(<w:sz(?:Cs)? w:val=")\d+(")', rf"\g<1>{half_points}\2", match.group(0)
                )

            styles = re.sub(
                r'<w:style [^>]*w:styleId="Normal".*?</w:style>', size, styles, flags=re.DOTALL
            )
        return styles.encode("utf-8")

    def _add_pictures(
        self, gambar: Mapping[str, Gambar], replaced: dict[str, bytes]
    ) -> dict[str, Markup]:
        """Put each picture into the package (media, content type, and a relationship from the
        body and from every header and footer that is rendered, so that each may show it)."""
        from docx.image.image import Image
        from docx.oxml.shape import CT_Inline
        from docx.shared import Cm, Emu

        if not gambar:
            return {}
        types = self._parts["[Content_Types].xml"].decode("utf-8")
        relationships: list[str] = []
        pictures: dict[str, Markup] = {}
        for number, (name, picture) in enumerate(gambar.items(), start=1):
            image = Image.from_blob(picture.data)
            rid = f"rIdDokgen{number}"
            target = f"media/dokgen-{number}.{image.ext}"
            replaced[f"word/{target}"] = picture.data
            relationships.append(f'<Relationship Id="{rid}" Type="{IMAGE_REL}" Target="{target}"/>')
            if f'Extension="{image.ext}"' not in types:
                default = f'<Default Extension="{image.ext}" ContentType="{image.content_type}"/>'
                types = types.replace("</Types>", f"{default}</Types>")
            cy = Cm(picture.tinggi_cm)
            cx = Emu(int(cy * image.px_width / image.px_height))
            inline = CT_Inline.new_pic_inline(1000 + number, rid, target, cx, cy)
            if picture.keterangan:
                inline.docPr.set("descr", picture.keterangan)
            xml = etree.tostring(inline, encoding="unicode")
            pictures[name] = Markup(
                f"</w:t></w:r><w:r><w:drawing>{xml}</w:drawing></w:r><w:r><w:t>"
            )
        for part in ("word/document.xml", *(p.name for p in self._headers)):
            folder, _, file = part.rpartition("/")
            rels_name = f"{folder}/_rels/{file}.rels"
            rels = self._parts.get(rels_name, _EMPTY_RELS).decode("utf-8")
            rels = rels.replace("</Relationships>", "".join(relationships) + "</Relationships>")
            replaced[rels_name] = rels.encode("utf-8")
        replaced["[Content_Types].xml"] = types.encode("utf-8")
        return pictures

    def _package(self, replaced: Mapping[str, bytes], *ready: Part) -> bytes:
        """The template's parts, precompressed, with ``replaced`` ones compressed anew and
        ``ready`` ones as they are."""
        done = {part.name: part for part in ready}
        added = [name for name in [*replaced, *done] if name not in self._parts]

        def part(name: str) -> Part:
            if name in done:
                return done[name]
            if name in replaced:
                return Part.compress(name, replaced[name])
            return self._compressed[name]

        return package(part(name) for name in [*self._parts, *added])


@lru_cache(maxsize=8)
def _section_break(tail: bytes) -> bytes:
    """What ends a card's piece in a combined document (compressed): a 1 pt paragraph holding a
    copy of the card's section, its page numbers starting at 1 and the section starting on a new
    page — so every card of the combined document numbers its pages from 1, with its own first
    page. ``tail`` is the end of the card's ``document.xml``, from its body's section on."""
    start, end = tail.find(b"<w:sectPr"), tail.find(b"</w:sectPr>")
    section = re.sub(rb"<w:type [^>]*/>", b"", tail[start:end])
    if b"<w:pgNumType" in section:
        section = re.sub(rb"<w:pgNumType\b([^>]*?)\s*/>", _start_at_one, section)
    else:
        after = _AFTER_PAGE_NUMBERS.search(section)
        at = after.start() if after else len(section)
        section = section[:at] + b'<w:pgNumType w:start="1"/>' + section[at:]
    return fragment(
        b'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
        b'<w:rPr><w:sz w:val="2"/></w:rPr>' + section + b"</w:sectPr></w:pPr></w:p>"
    )


_AFTER_PAGE_NUMBERS = re.compile(
    rb"<w:(?:cols|formProt|vAlign|noEndnote|titlePg|textDirection|bidi|rtlGutter|docGrid)\b"
)
"""What follows ``w:pgNumType`` in a section (the schema's order)."""


def _start_at_one(match: re.Match[bytes]) -> bytes:
    attributes = re.sub(rb'\s*w:start="[^"]*"', b"", match.group(1))
    return b'<w:pgNumType w:start="1"' + attributes + b"/>"


_PAGE_SIZE = re.compile(r"<w:pgSz\b([^>]*?)/>")
_ESCAPES = {"{_{": "{{", "}_}": "}}", "{_%": "{%", "%_}": "%}"}
"""docxtpl's escapes: what a template writes to print a Jinja delimiter as it is. They are
turned into Jinja string literals when the template is compiled — never replaced in the
rendered text, where they may be data."""

_BREAKS = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*[\t\n][^<]*)</w:t>")
"""A text element holding a tab or a line break (from the data or the template)."""


def _with_breaks(xml: str) -> str:
    """``xml`` with the tabs and line breaks of its text as Word shows them (:func:`_breaks`).
    The search starts at the text element holding the first one — a card has one, in its
    signature block at the end — not at the top: 0.04 ms a card."""
    found = [at for at in (xml.find("\t"), xml.find("\n")) if at >= 0]
    if not found:
        return xml
    start = max(xml.rfind("<w:t", 0, min(found)), 0)  # no '<' in text: its element's start
    return xml[:start] + _BREAKS.sub(_breaks, xml[start:])


def _breaks(match: re.Match[str]) -> str:
    """The text of ``match`` with its tabs as ``<w:tab/>`` and its line breaks as ``<w:br/>``
    in the same run (its formatting stays): what Word shows for them."""
    opening, text = match.groups()
    segments = re.split(r"([\t\n])", text)
    out = [opening, segments[0], "</w:t>"]
    for separator, segment in zip(segments[1::2], segments[2::2], strict=True):
        out.append("<w:tab/>" if separator == "\t" else "<w:br/>")
        out.append(f'<w:t xml:space="preserve">{segment}</w:t>')
    return "".join(out)


def _set_paper(xml: str, kertas: str) -> str:
    """Give every section the paper size of the setting, keeping its orientation."""
    width, height = UKURAN_KERTAS[kertas]

    def size(match: re.Match[str]) -> str:
        attributes = match.group(1)
        landscape = 'w:orient="landscape"' in attributes
        w, h = (height, width) if landscape else (width, height)
        rest = re.sub(r'\s*w:[wh]="\d+"', "", attributes)
        return f'<w:pgSz w:w="{_twips(w)}" w:h="{_twips(h)}"{rest}/>'

    return _PAGE_SIZE.sub(size, xml)


_PAGE_MARGIN = re.compile(r"<w:pgMar\b([^>]*?)/>")


def _set_margins(xml: str, margin_cm: tuple[float, float, float, float]) -> str:
    """Set the four page margins of every section (header, footer and gutter stay)."""

    def margins(match: re.Match[str]) -> str:
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
            count = max(_number(span, "val"), 1) if span is not None else 1
            cell_width = cell.find(f"{{{W}}}tcPr/{{{W}}}tcW")
            each = _number(cell_width, "w") // count if cell_width is not None else 0
            widths.extend([each] * count)
        if len(widths) == len(grid) or 0 in widths:
            continue
        scale = min(1.0, _usable_width(table, kertas) / sum(widths))
        for column in list(grid):
            grid.remove(column)
        for width in widths:
            etree.SubElement(grid, f"{{{W}}}gridCol").set(f"{{{W}}}w", str(int(width * scale)))
        if scale < 1:
            for cell_width in table.iter(f"{{{W}}}tcW"):
                cell_width.set(f"{{{W}}}w", str(int(_number(cell_width, "w") * scale)))


def _number(element: etree._Element, attribute: str) -> int:
    """An integer attribute of a WordprocessingML element (0 when it is missing)."""
    return int(element.get(f"{{{W}}}{attribute}") or 0)


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
    return float(page - _number(margins, "left") - _number(margins, "right"))


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


def template_variables(path: Path) -> set[str]:
    """The top-level names the template at ``path`` reads from its context, in the body and in
    headers and footers — not ``range``, ``gambar`` nor Jinja's own (``loop`` …)."""
    return Template(path).variables()
