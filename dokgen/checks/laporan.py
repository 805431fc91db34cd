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
    """Findings grouped by file; colour only when the console is a terminal.

    Written in one piece: a kabupaten's check prints tens of thousands of lines, and printing
    them one call at a time took longer than the check itself. Text from the data (a file name,
    a value quoted in a message) is printed as it is, ``[bold]`` and ``:x:`` included.
    """
    colour = console.is_terminal
    lines = []
    for file, group in groupby(findings, key=lambda f: f.file):
        lines.append(f"[bold]{escape(file)}[/]" if colour else file)
        for f in group:
            line = f"{f.line}" if f.line else "-"
            if colour:
                level = f"[{WARNA[f.severity]}]{f.severity:<10}[/]"
                lines.append(f"  {line:>5}  {level} {f.code}  {escape(f.message)}")
            else:
                lines.append(f"  {line:>5}  {f.severity:<10} {f.code}  {f.message}")
        lines.append("")
    lines.append(ringkasan(findings))
    if colour:  # markup of our own only: every text from the data is escaped above
        console.print("\n".join(lines), markup=True, emoji=False, highlight=False)
    else:
        console.file.write("\n".join(lines) + "\n")


def json_text(findings: list[Finding]) -> str:
    return json.dumps(
        {"temuan": [f.as_dict() for f in findings], "jumlah": count(findings)},
        ensure_ascii=False,
        indent=2,
    )
