"""Errors a user can cause: they carry a location and an Indonesian message, never a traceback."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def saran(word: str, choices: Iterable[str]) -> str:
    """' — maksud Anda 'x'?' for the closest of ``choices``, or '' when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" — maksud Anda '{close[0]}'?" if close else ""


@dataclass(frozen=True)
class Location:
    """A place in a source file: a YAML line or a template tag."""

    file: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else str(self.file)


@dataclass(frozen=True)
class Problem:
    """One problem found while loading user input."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DokgenError(Exception):
    """Base of every error caused by user input; the CLI prints it and exits with code 2."""

    def lines(self) -> list[str]:
        return [str(self)]


class DataError(DokgenError):
    """The data folder cannot be loaded; holds every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda m: (str(m.location.file), m.location.line or 0))
        super().__init__("\n".join(str(m) for m in self.problems))

    def lines(self) -> list[str]:
        return [str(m) for m in self.problems]


class TemplateError(DokgenError):
    """A .docx template cannot be compiled or rendered."""
