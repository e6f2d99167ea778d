"""The ``translint`` command line: parses options, calls the library, prints, sets the exit
code. One module a group of commands; ``exits`` holds the exit codes and error handling.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a usage,
configuration, glossary or input error; 130 interrupted; 141 standard output closed by
its reader.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from translint.cli import (
    audit,
    check,
    glossary_edit,
    glossary_exchange,
    glossary_view,
    phrasing,
    serve,
)
from translint.cli.exits import interrupt, run_guarded
from translint.cli.translit import translit

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Check translated news copy for inconsistent names and translation artefacts.",
)
app.command("translit")(translit)
app.command("check")(check.check)
app.command("checks")(check.list_checks)
app.command("serve")(serve.serve)
app.command("audit")(audit.audit)

glossary_app = typer.Typer(
    no_args_is_help=True,
    help="Manage glossaries: add, change and remove entries; list, validate, import, "
         "export; suggest entries from copy.",
)
glossary_app.command("add")(glossary_edit.add)
glossary_app.command("set")(glossary_edit.set_)
glossary_app.command("remove")(glossary_edit.remove)
glossary_app.command("list")(glossary_view.list_entries)
glossary_app.command("show")(glossary_view.show)
glossary_app.command("validate")(glossary_view.validate)
glossary_app.command("import")(glossary_exchange.import_)
glossary_app.command("export")(glossary_exchange.export)
glossary_app.command("suggest")(glossary_exchange.suggest)
app.add_typer(glossary_app, name="glossary")

phrasing_app = typer.Typer(
    no_args_is_help=True,
    help="Mine an archive for phrasing translated copy over-uses; gate phrasing packs.",
)
phrasing_app.command("mine")(phrasing.mine)
phrasing_app.command("gate")(phrasing.gate)
app.add_typer(phrasing_app, name="phrasing")


def _version(value: bool) -> None:
    if value:
        from translint import __version__

        typer.echo(f"translint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Check translated news copy for inconsistent names and translation artefacts."""


def run(args: Sequence[str] | None = None) -> int:
    """Run one ``translint`` command line in this process; its exit status."""
    return run_guarded(app, args)


def main() -> None:
    """Entry point of the console script.

    Ctrl-C exits 130 and a reader of standard output that went away 141 (see ``run``).
    Once the command has finished and its output is flushed, the process ends at once
    (as mypy's does): freeing a large glossary and its index object by object at exit
    takes longer than checking a few hundred files.
    """
    signal.signal(signal.SIGINT, interrupt)
    code = run()
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    os._exit(code)


__all__ = ["app", "main", "run"]
