"""PDF: one LibreOffice process for a whole build against one process per file.

.venv/bin/python bench/pdf_proses.py [DATA]      # default data/malang-diskopum (55 files)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dokgen.build import build  # noqa: E402
from dokgen.pdf import ke_pdf  # noqa: E402


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "malang-diskopum"
    with tempfile.TemporaryDirectory(prefix="dokgen-pdf-bench-") as tmp:
        files = build(data, Path(tmp)).berkas
        start = time.perf_counter()
        ke_pdf(files)
        together = time.perf_counter() - start
        start = time.perf_counter()
        for f in files:
            ke_pdf([f])
        apart = time.perf_counter() - start
    print(
        f"{len(files)} berkas: satu proses {together:.1f} s; satu proses per berkas {apart:.1f} s"
        f" ({apart / together:.1f}× lebih lambat)"
    )


if __name__ == "__main__":
    main()
