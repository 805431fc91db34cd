"""Where dokgen's own files are: the .docx templates and the catalogue of regulations.

The templates' only source is the top-level ``templates/`` folder of the repository, where a
clerk edits them in Word. A wheel cannot reach that folder, so the build copies it into the
package as ``dokgen/templates/`` (see ``[tool.setuptools.package-dir]`` in pyproject.toml).
The copy inside the package wins when it is there (an installed wheel); otherwise the package
runs from a checkout (an editable install, or the repository on ``sys.path``) and the
repository's folder is used, so an edit in Word shows in the next build without reinstalling.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
"""The installed ``dokgen`` package folder (in a checkout: ``<repo>/dokgen``)."""


def _templates() -> Path:
    shipped = PACKAGE / "templates"
    return shipped if shipped.is_dir() else PACKAGE.parent / "templates"


TEMPLATES: Path = _templates()
"""The folder of .docx templates that ``dokgen build`` uses unless told otherwise."""

KATALOG: Path = PACKAGE / "katalog" / "peraturan.yaml"
"""The catalogue of regulations that every data folder may cite by key."""
