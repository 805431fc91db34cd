"""Output formats of ``dokgen check``: text grouped by file (coloured on a terminal) and JSON
(with the table of printed targets, :mod:`dokgen.target`).

A rule that finds the same mistake in many places is printed once, as a group: the rule's
summary, how many times, and the first places (``semua=True``, the CLI's ``--semua-temuan``,
lists every finding). JSON always holds every finding.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import groupby
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape

from dokgen.checks import RULES, SEVERITIES, Finding, count

if TYPE_CHECKING:
    from dokgen.target import BarisTarget

WARNA = {"galat": "bold red", "peringatan": "yellow", "info": "cyan"}
BATAS_ULANG = 8
"""A rule with more findings than this is printed as one group."""
CONTOH = 3
"""Places shown for a group."""


def ringkasan(findings: list[Finding]) -> str:
    """'2 galat, 3 peringatan, 0 info'."""
    return ", ".join(f"{n} {severity}" for severity, n in count(findings).items())


def ringkasan_aturan(code: str) -> str:
    """The rule's one-sentence summary, the first paragraph of its explanation."""
    return RULES[code].penjelasan.split("\n\n")[0].replace("\n", " ").replace("``", "'")


def berulang(findings: list[Finding]) -> set[str]:
    """The rules with more than :data:`BATAS_ULANG` findings."""
    counts = Counter(f.code for f in findings)
    return {code for code, n in counts.items() if n > BATAS_ULANG}


def teks(findings: list[Finding], console: Console, semua: bool = False) -> None:
    """Findings grouped by file, a rule's repeated findings as one group unless ``semua``; colour
    only when the console is a terminal.

    Written in one piece: a kabupaten's check prints tens of thousands of lines, and printing
    them one call at a time took longer than the check itself. Text from the data (a file name,
    a value quoted in a message) is printed as it is, ``[bold]`` and ``:x:`` included.
    """
    colour = console.is_terminal
    grouped = set() if semua else berulang(findings)
    single = [f for f in findings if f.code not in grouped]
    lines = []
    for file, group in groupby(single, key=lambda f: f.file):
        lines.append(f"[bold]{escape(file)}[/]" if colour else file)
        for f in group:
            line = f"{f.line}" if f.line else "-"
            lines.append(f"  {line:>5}  {_level(f.severity, colour)} {f.code}  {_pesan(f, colour)}")
        lines.append("")
    if grouped:
        lines += _groups([f for f in findings if f.code in grouped], colour)
    lines.append(ringkasan(findings))
    if colour:  # markup of our own only: every text from the data is escaped above
        console.print("\n".join(lines), markup=True, emoji=False, highlight=False)
    else:
        console.file.write("\n".join(lines) + "\n")


def _groups(findings: list[Finding], colour: bool) -> list[str]:
    """One group a rule: its summary and count, then its first places."""
    lines = ["Temuan berulang (--semua-temuan mendaftar semuanya):"]
    order = {severity: i for i, severity in enumerate(SEVERITIES)}
    by_code = sorted(findings, key=lambda f: (order[f.severity], f.code))
    for code, group in groupby(by_code, key=lambda f: (f.code, f.severity)):
        items = list(group)
        head = f"  {_level(items[0].severity, colour)} {code[0]}  {len(items)} kali: "
        head += ringkasan_aturan(code[0])
        lines.append(head)
        for f in items[:CONTOH]:
            place = f"{f.file}:{f.line}" if f.line else f.file
            lines.append(f"      {_(place, colour)}  {_pesan(f, colour)}")
        if len(items) > CONTOH:
            lines.append(f"      … dan {len(items) - CONTOH} tempat lain")
    lines.append("")
    return lines


def _pesan(f: Finding, colour: bool) -> str:
    """The message, with the workbook cell its value came from after ``excel impor``."""
    return _(f"{f.message} [{f.sel}]" if f.sel else f.message, colour)


def _level(severity: str, colour: bool) -> str:
    return f"[{WARNA[severity]}]{severity:<10}[/]" if colour else f"{severity:<10}"


def _(text: str, colour: bool) -> str:
    return escape(text) if colour else text


def json_text(findings: list[Finding], target: list[BarisTarget] | None = None) -> str:
    """The findings and their count; with ``target``, the table of the targets every document
    prints per IKU and year (:meth:`dokgen.target.BarisTarget.as_dict`)."""
    result: dict[str, Any] = {"temuan": [f.as_dict() for f in findings], "jumlah": count(findings)}
    if target is not None:
        result["target"] = [row.as_dict() for row in target]
    return json.dumps(result, ensure_ascii=False, indent=2)
