"""Output formats of ``dokgen check``: text grouped by file (coloured on a terminal) and JSON."""

from __future__ import annotations

import json
from itertools import groupby

from rich.console import Console
from rich.markup import escape

from dokgen.checks import Finding, count

WARNA = {"galat": "bold red", "peringatan": "yellow", "info": "cyan"}


def ringkasan(findings: list[Finding]) -> str:
    """'2 galat, 3 peringatan, 0 info'."""
    return ", ".join(f"{n} {severity}" for severity, n in count(findings).items())


def teks(findings: list[Finding], console: Console) -> None:
    """Findings grouped by file; colour only when the console is a terminal."""
    for file, group in groupby(findings, key=lambda f: f.file):
        console.print(f"[bold]{escape(file)}[/]")
        for f in group:
            line = f"{f.line}" if f.line else "-"
            level = f"[{WARNA[f.severity]}]{f.severity:<10}[/]"
            console.print(f"  {line:>5}  {level} {f.code}  {escape(f.message)}")
        console.print()
    console.print(ringkasan(findings))


def json_text(findings: list[Finding]) -> str:
    return json.dumps(
        {"temuan": [f.as_dict() for f in findings], "jumlah": count(findings)},
        ensure_ascii=False,
        indent=2,
    )
