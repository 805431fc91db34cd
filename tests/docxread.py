"""Read a generated .docx back the way a person sees it: text in document order."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(source: Path | bytes) -> DocumentObject:
    return Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def blocks(container) -> list[Paragraph | Table]:
    """Paragraphs and tables of a document body or a cell, in order."""
    parent = container.element.body if isinstance(container, DocumentObject) else container._tc
    result: list[Paragraph | Table] = []
    for child in parent.iterchildren():
        if child.tag == f"{W}p":
            result.append(Paragraph(child, container))
        elif child.tag == f"{W}tbl":
            result.append(Table(child, container))
    return result


def lines(container) -> list[str]:
    """Every non-empty paragraph's text, descending into tables (each cell once) and nested ones."""
    result: list[str] = []
    for block in blocks(container):
        if isinstance(block, Paragraph):
            if block.text.strip():
                result.append(block.text)
        else:
            for cell in unique_cells(block):
                result.extend(lines(cell))
    return result


def unique_cells(table: Table, column: int | None = None) -> list[_Cell]:
    """Cells of a table (or of one ``column``) row by row; a vertically merged cell counts once."""
    seen: set[int] = set()
    cells = []
    for row in table.rows:
        for cell in row.cells if column is None else [row.cells[column]]:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell)
    return cells


def text(container) -> str:
    return "\n".join(lines(container))


def table_after(doc: DocumentObject, heading: str, *, prefix: bool = False) -> Table:
    """The first table after the paragraph whose text is ``heading`` (or starts with it)."""
    seen = False
    for block in blocks(doc):
        if isinstance(block, Paragraph):
            text = block.text
            seen = seen or (text.startswith(heading) if prefix else text == heading)
        elif seen:
            return block
    raise AssertionError(heading)
