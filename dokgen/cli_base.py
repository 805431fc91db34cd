"""The command line's frame: Indonesian help and usage, and the one place where every failure ends.

typer (with its own copy of click) prints its help and usage errors in English and lets a bug end
in a traceback. The command and group classes here are handed to typer (``cls=``), so the same
frame holds for ``dokgen`` as installed, for ``python -m dokgen`` and for the tests' CliRunner:

- help: "Pemakaian:", "Argumen", "Pilihan", "Perintah", "Tampilkan bantuan ini, lalu keluar."
  (every English text of typer's help is in :data:`TEKS`, for its rich panels and for its plain
  help when ``TYPER_USE_RICH=0``);
- a usage error (a missing argument, an unknown option or command, a bad value): one Indonesian
  sentence, the usage line and where to find help; exit 2;
- a :class:`~dokgen.errors.DokgenError`: its sentences, exit 2;
- an :class:`OSError` (disk full, read-only, permission denied, a file where a folder is
  expected): one sentence naming the path and the reason, exit 2;
- Ctrl-C: "Dibatalkan.", exit 130; output piped into ``head``: ends quietly;
- anything else is a bug: one sentence and the path of a log file with the details, exit 3.

Texts are printed as they are: the consoles interpret no markup and no emoji codes, so a path or
a value holding ``[bold]`` or ``:x:`` comes out as written.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
from rich.console import Console
from rich.text import Text
from typer import _click
from typer import core as typer_core
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

from dokgen.errors import DokgenError

out = Console(highlight=False, soft_wrap=True, markup=False, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)

GALAT = 2
"""Exit code of an error the user can fix (a usage error, bad data, a full disk)."""
DIBATALKAN = 130
"""Exit code after Ctrl-C, as a shell reports a program ended by SIGINT."""
BUG = 3
"""Exit code of a bug in dokgen: the details are in a log file."""

TEKS = {
    # rich panels (module constants of ``typer.rich_utils``)
    "Arguments": "Argumen",
    "Options": "Pilihan",
    "Commands": "Perintah",
    "Error": "Galat",
    "[required]": "[wajib]",
    "[default: {}]": "[bawaan: {}]",
    "[env var: {}]": "[variabel lingkungan: {}]",
    "(deprecated) ": "(usang) ",
    "Aborted.": "Dibatalkan.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Bantuan: {command_path} {help_option}"
    ),
    # plain help and messages (``typer.core``'s gettext calls)
    "required": "wajib",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "(dynamic)": "(dinamis)",
    "Aborted!": "Dibatalkan.",
    "Missing command.": "perintah belum ditulis",
    "No such command {name!r}.": "perintah {name!r} tidak dikenal",
}
"""Every English text typer prints (its gettext messages), in Indonesian: the one table. The
rest of the frame — the usage line, the help option, the usage errors of its copy of click
(which has no gettext) — is in :class:`_Indonesia` and :mod:`dokgen.cli_errors`."""

_KONSTANTA = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "REQUIRED_LONG_STRING": "[required]",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "DEPRECATED_STRING": "(deprecated) ",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
"""typer.rich_utils' constants (set from gettext when it is imported) and their English text."""


def terjemah(message: str) -> str:
    """``message`` in Indonesian when :data:`TEKS` has it (typer's gettext, replaced)."""
    return TEKS.get(message, message)


typer_core._ = terjemah  # type: ignore[attr-defined]  # typer.core calls _() as it prints

_JENIS_NILAI = {
    "int": "<angka>",
    "float": "<angka>",
    "str": "<teks>",
    "Path": "<jalur>",
    "bool": "",
}
"""The value shown after an option in help, by the option's Python type; a flag shows none."""

PEMAKAIAN = "Pemakaian: "
BANTUAN = "Tampilkan bantuan ini, lalu keluar."


def galat(line: str) -> None:
    """Print one error sentence on stderr, "galat" in bold red on a terminal, text as it is."""
    err.print(Text.assemble(("galat", "bold red"), " ", line))


def _indonesian_help() -> None:
    from typer import rich_utils

    for name, english in _KONSTANTA.items():
        setattr(rich_utils, name, terjemah(english))


def _indonesian_params(command: _click.Command, ctx: _click.Context) -> None:
    """The kind of value each parameter takes, as help shows it, in Indonesian."""
    for param in command.get_params(ctx):
        if param.param_type_name == "option" and param.metavar is not None:
            continue  # named by its declaration
        annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        name = getattr(annotation, "__name__", "")
        if name in _JENIS_NILAI:
            shown = _JENIS_NILAI[name] or None
            param.display_type_rich = lambda ctx, shown=shown: shown  # type: ignore[attr-defined]


class _Indonesia(_click.Command):
    """Usage line, help option and help panels in Indonesian (mixed into typer's classes)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[PILIHAN]"

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), PEMAKAIAN)

    def get_help_option(self, ctx: _click.Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = BANTUAN
        return option

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        _indonesian_help()
        _indonesian_params(self, ctx)
        super().format_help(ctx, formatter)


class Perintah(_Indonesia, TyperCommand):
    """A dokgen command (``app.command(cls=Perintah)``)."""


class KelompokPerintah(_Indonesia, TyperGroup):
    """dokgen and ``dokgen excel``; the top one ends every failure (see above)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommand_metavar = "PERINTAH [ARGUMEN]..."

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        name = args[0] if args else ""
        if (
            name
            and not name.startswith("-")
            and self.get_command(ctx, name) is None
            and not ctx.resilient_parsing
        ):
            from dokgen.cli_errors import UsageIndonesia
            from dokgen.errors import saran

            pesan = f"perintah '{name}' tidak dikenal{saran(name, self.commands)}"
            raise UsageIndonesia(pesan, ctx)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run dokgen; in standalone mode (the program, the tests) every failure ends here."""

        def run() -> Any:
            return super(KelompokPerintah, self).main(
                args,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )

        if not standalone_mode:
            return run()
        sys.exit(_exit_code(run, args))


def _exit_code(run: Callable[[], Any], args: Sequence[str] | None) -> int:
    """Run the command line and turn whatever ends it into an exit code and a sentence."""
    try:
        result = run()
    except click_errors.NoArgsIsHelpError:
        return GALAT  # the help has been printed
    except click_errors.UsageError as exc:
        from dokgen.cli_errors import usage_lines

        for line in usage_lines(exc):
            err.print(line)
        return GALAT
    except DokgenError as exc:
        for line in exc.lines():
            galat(line)
        return GALAT
    except KeyboardInterrupt:
        result = DIBATALKAN
    except typer.Abort:
        err.print("Dibatalkan.")
        return 1
    except OSError as exc:
        from dokgen.cli_errors import os_sentence, silence_stdout

        if exc.errno == errno.EPIPE:
            silence_stdout()
            return 1
        galat(os_sentence(exc))
        return GALAT
    except Exception as exc:
        return _bug(exc, args)
    if result == DIBATALKAN:  # typer turns Ctrl-C into this exit code
        err.print("Dibatalkan.")
        return DIBATALKAN
    return _flush_stdout(result if isinstance(result, int) else 0)


def _bug(exc: Exception, args: Sequence[str] | None) -> int:
    from dokgen.cli_errors import write_crash_log

    argv = [sys.argv[0], *args] if args is not None else list(sys.argv)
    log = write_crash_log(exc, argv)
    if log:
        err.print(
            f"dokgen mengalami kesalahan internal (bukan kesalahan data Anda); rinciannya ditulis"
            f" ke {log} — mohon kirim berkas itu kepada pengelola dokgen."
        )
    else:
        err.print(
            "dokgen mengalami kesalahan internal (bukan kesalahan data Anda); rinciannya tidak"
            f" dapat ditulis ke berkas log: {type(exc).__name__}: {exc}"
        )
    return BUG


def _flush_stdout(code: int) -> int:
    """``code``, after flushing stdout: when the reader has gone (``| head``), quietly 1."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        from dokgen.cli_errors import silence_stdout

        silence_stdout()
        return 1
    except (OSError, ValueError):
        pass
    return code
