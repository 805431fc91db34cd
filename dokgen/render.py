"""The template engine: docxtpl's tag syntax, a sandboxed strict autoescaping Jinja, compiled once.

docxtpl is used for what it is good at — turning tags that Word split across runs back into
Jinja (``patch_xml``) and resolving line breaks (``resolve_listing``) — while dokgen owns the
Jinja environment and the package writing. A template is read and compiled once and can then
render many contexts: the body is spliced into the template's ``document.xml`` and every other
part is copied as it is.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from dokgen.errors import TemplateError
from dokgen.format import FILTERS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Fixed timestamp of every part, so the same inputs give byte-identical files."""

LANJUT = "\ue000"
"""Cell content meaning 'continues the cell above': the cell is merged vertically into it.

Documents whose spans are not one Jinja loop (the cascade Sasaran → IKU → Program → Kegiatan)
flatten their rows in Python and put ``LANJUT`` where a cell continues; see ``_merge_down``.
"""

UKURAN_KERTAS = {"F4": (215, 330), "A4": (210, 297)}
"""Paper sizes in millimetres (width, height, portrait)."""


@cache
def environment() -> SandboxedEnvironment:
    """The one Jinja environment of dokgen: sandboxed, autoescaping, strict."""
    env = SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update(FILTERS)
    return env


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


def _indonesian(message: str) -> str:
    match = re.match(r"'([^']+)' is undefined", message) or re.search(
        r"has no attribute '([^']+)'", message
    )
    if match:
        return f"variabel atau atribut '{match.group(1)}' tidak dikenal"
    return message


class Template:
    """A .docx template compiled once, rendered many times."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            with zipfile.ZipFile(self.path) as archive:
                self._parts = {name: archive.read(name) for name in archive.namelist()}
            self._docx = DocxTemplate(self.path)
            self._docx.init_docx()
        except (OSError, zipfile.BadZipFile, KeyError) as exc:
            raise TemplateError(f"{self.path}: templat .docx tidak dapat dibuka ({exc})") from None
        source = self._docx.patch_xml(self._docx.get_xml())
        self._source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
        try:
            self._compiled = environment().from_string(self._source)
        except jinja2.TemplateSyntaxError as exc:
            raise self._error(exc) from None
        document = self._parts["word/document.xml"].decode("utf-8")
        start = document.index("<w:body")
        end = document.rindex("</w:body>") + len("</w:body>")
        self._prefix, self._suffix = document[:start], document[end:]

    def _error(self, exc: Exception) -> TemplateError:
        line = _template_line(exc)
        where = ""
        if line:
            lines = self._source.splitlines()
            if 0 < line <= len(lines):
                where = f" pada tag di paragraf «{_visible_text(lines[line - 1])}»"
        message = _indonesian(getattr(exc, "message", None) or str(exc))
        return TemplateError(f"{self.path}: kesalahan templat{where}: {message}")

    def render(self, context: Mapping[str, Any], kertas: str = "F4") -> bytes:
        """Render ``context`` into a complete .docx package (bytes)."""
        try:
            xml = self._compiled.render(context)
        except jinja2.TemplateError as exc:
            raise self._error(exc) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        xml = self._docx.resolve_listing(xml)
        body = etree.fromstring(xml.encode("utf-8"))
        _fix_grid(body)
        _merge_down(body)
        _set_paper(body, kertas)
        document = self._prefix + etree.tostring(body, encoding="unicode") + self._suffix
        return self._package({"word/document.xml": document.encode("utf-8")})

    def _package(self, replaced: Mapping[str, bytes]) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self._parts.items():
                info = zipfile.ZipInfo(name, ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, replaced.get(name, data))
        return buffer.getvalue()


def _set_paper(body: etree._Element, kertas: str) -> None:
    """Give every section the paper size of the setting, keeping its orientation."""
    width, height = UKURAN_KERTAS[kertas]
    for size in body.iter(f"{{{W}}}pgSz"):
        landscape = size.get(f"{{{W}}}orient") == "landscape"
        w, h = (height, width) if landscape else (width, height)
        size.set(f"{{{W}}}w", _twips(w))
        size.set(f"{{{W}}}h", _twips(h))


def _fix_grid(body: etree._Element) -> None:
    """Rebuild a table's column grid when a {%tc %} loop changed its number of cells.

    The new grid takes each column's width from the cells of the widest row, so every column
    keeps the width it has in the template.
    """
    for table in body.iter(f"{{{W}}}tbl"):
        grid = table.find(f"{{{W}}}tblGrid")
        rows = table.findall(f"{{{W}}}tr")
        if grid is None or not rows:
            continue
        widest = max(rows, key=lambda row: len(row.findall(f"{{{W}}}tc")))
        widths: list[str] = []
        for cell in widest.findall(f"{{{W}}}tc"):
            span = cell.find(f"{{{W}}}tcPr/{{{W}}}gridSpan")
            count = int(span.get(f"{{{W}}}val")) if span is not None else 1
            width = cell.find(f"{{{W}}}tcPr/{{{W}}}tcW")
            each = int(width.get(f"{{{W}}}w")) // count if width is not None else 0
            widths.extend([str(each)] * count)
        if len(widths) == len(grid) or not all(w != "0" for w in widths):
            continue
        for column in list(grid):
            grid.remove(column)
        for width in widths:
            etree.SubElement(grid, f"{{{W}}}gridCol").set(f"{{{W}}}w", width)


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
