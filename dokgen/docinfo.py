"""What a document carries besides its text: its properties and its pictures.

Kept apart from :mod:`dokgen.render` so that what builds contexts (the documents layer, the
check) does not import the template engine.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class DocumentProperties:
    """What Word shows under File → Info: written into ``docProps/core.xml`` from the data.

    ``created`` is a date of the data (the decree's date, the report's year), never the clock,
    so that building twice gives the same bytes.
    """

    title: str
    subject: str = ""
    creator: str = ""
    """The dinas."""
    keywords: str = ""
    created: dt.date | None = None


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def core_xml(properties: DocumentProperties | None) -> bytes:
    """``docProps/core.xml`` holding ``properties`` (None: no property at all)."""
    fields: list[str] = []
    if properties is not None:
        for tag, value in (
            ("dc:title", properties.title),
            ("dc:subject", properties.subject),
            ("dc:creator", properties.creator),
            ("cp:keywords", properties.keywords),
        ):
            if value:
                fields.append(f"<{tag}>{escape(_NOT_XML.sub('', value))}</{tag}>")
        if properties.created is not None:
            day = properties.created
            stamp = f"{day.year:04d}-{day.month:02d}-{day.day:02d}T00:00:00Z"
            for tag in ("dcterms:created", "dcterms:modified"):
                fields.append(f'<{tag} xsi:type="dcterms:W3CDTF">{stamp}</{tag}>')
    return (
        _XML_DECLARATION + "<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + "".join(fields)
        + "</cp:coreProperties>"
    ).encode("utf-8")


APP_XML = (
    _XML_DECLARATION + "<Properties"
    ' xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>dokgen</Application></Properties>"
).encode("utf-8")
"""``docProps/app.xml`` of every document: the template's (page and word counts of the
template, the program that saved it) would describe another file."""


@dataclass(frozen=True)
class Gambar:
    """A picture to place in a document: its bytes and printed height."""

    data: bytes
    tinggi_cm: float = 2.5
    keterangan: str = ""
    """The picture's alt text (what it shows, in words); none when empty."""
