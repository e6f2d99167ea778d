"""The ``translint`` command: parses options, calls the library, prints, sets the exit code.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 a usage, configuration, glossary or input error.
"""

from __future__ import annotations

import contextlib
import enum
import gc
import json
import os
import sys
import time
from typing import Annotated

import typer

from translint.checks import CHECKS
from translint.cli_glossary import glossary_app, translit
from translint.config import check_options, load_config, load_configured_glossaries
from translint.errors import InputError, TranslintError
from translint.findings import Finding, Report
from translint.glossary.cache import CACHE_ENV, default_cache_dir
from translint.linter import Linter
from translint.reporters import REPORTERS
from translint.runner import DEFAULT_INCLUDE, discover, run

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Check translated news copy for inconsistent names and translation artefacts.",
)
app.add_typer(glossary_app, name="glossary")
app.command("translit")(translit)


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


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


def _fail(error: TranslintError) -> typer.Exit:
    for line in str(error).splitlines():
        typer.echo(f"translint: {line}", err=True)
    return typer.Exit(EXIT_ERROR)


class _Progress:
    """A one-line progress display on a terminal: files done and throughput."""

    def __init__(self) -> None:
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int, characters: int, seconds: float) -> None:
        now = time.monotonic()
        if now - self.last < 0.2 and done < total:
            return
        self.last = now
        megabytes = characters / 1e6
        rate = megabytes / seconds if seconds > 0 else 0.0
        sys.stderr.write(f"\r\033[Kchecked {done}/{total} files, {megabytes:.1f} MB, "
                         f"{rate:.1f} MB/s")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(
        help="Files or directories to check; - reads standard input.")],
    glossary: Annotated[list[str] | None, typer.Option(
        "--glossary", "-g", help="Glossary file (repeatable; @bundled for the bundled ones). "
                                 "Default: the configuration's, else the bundled ones.")] = None,
    lang: Annotated[str | None, typer.Option(
        help="Language of the copy (en, de, …); default: detected per document.")] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="Output format.")] = OutputFormat.text,
    select: Annotated[list[str] | None, typer.Option(
        help="Only run these codes or prefixes (TL101, TL1); repeatable or comma-separated."
    )] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        help="Skip these codes or prefixes; repeatable or comma-separated.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        help="Exit 1 when a finding is at or above this severity (default: error).")] = None,
    include: Annotated[list[str] | None, typer.Option(
        help=f"Globs of files to check in directories (default: {' '.join(DEFAULT_INCLUDE)})."
    )] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        help="Globs of files or directories to skip in directories.")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Processes to use (default: all cores for large runs).")
    ] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        help="Name to report for standard input (its suffix picks Markdown or text).")] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the fixes of fixable findings to the files.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print the fixes as a unified diff instead of writing them.")] = False,
    color: Annotated[bool | None, typer.Option(
        "--color/--no-color", help="Colour the text output (default: on a terminal).")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress display and no summary line.")] = False,
    config_file: Annotated[str | None, typer.Option(
        "--config", help="Use this configuration file (translint.toml or pyproject.toml).")
    ] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore any configuration file.")] = False,
    source_lang: Annotated[list[str] | None, typer.Option(
        "--source-lang", help="The copy was translated from this language (repeatable): only "
                              "its phrasing packs run. Default: every pack for the copy's language."
    )] = None,
    strip_credits: Annotated[bool | None, typer.Option(
        "--strip-credits/--keep-credits",
        help="Report agency credit lines, (Reporting by …; Editing by …), as boilerplate.")
    ] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help=f"Parse the glossaries afresh; neither read nor write the cache "
                           f"of loaded glossaries (${CACHE_ENV}, default ~/.cache/translint)."
    )] = False,
) -> None:
    """Check files for inconsistent names and translation artefacts."""
    # Glossaries and their index are hundreds of thousands of objects that live for the
    # whole run: the garbage collector would only walk them again and again, while they
    # are built and while documents are checked. Build them without it, then set them
    # aside from its collections (gc.freeze), which also keeps forked workers from
    # copying the pages it would touch.
    gc.disable()
    try:
        config = load_config(config_file, no_config, paths[0] if paths else None)
        options = check_options(config, glossaries=glossary, lang=lang, select=select,
                                ignore=ignore, fail_on=fail_on.value if fail_on else None,
                                include=include, exclude=exclude, source_langs=source_lang,
                                strip_credits=strip_credits)
        cache_dir = None if no_cache else default_cache_dir()
        linter = Linter(load_configured_glossaries(config, options.glossaries, cache_dir),
                        options.selection, options.lang, pack_paths=options.pack_paths,
                        source_langs=options.source_langs,
                        disabled_rules=options.disabled_rules, options=options.rule_options)
    except TranslintError as error:
        raise _fail(error) from None
    finally:
        gc.enable()
    gc.freeze()
    # Checking a document allocates thousands of short-lived objects, next to none in
    # reference cycles: collect young objects every 50,000 allocations, not every 700.
    gc.set_threshold(50_000, 20, 20)
    files = list(discover(paths, options.include, options.exclude))
    progress = _Progress() if sys.stderr.isatty() and not quiet and len(files) > 1 else None
    report = run(linter, files, jobs=jobs, stdin_name=stdin_filename, progress=progress)
    if progress is not None:
        progress.clear()
    if fix or diff:
        _apply_fixes(report, write=fix and not diff)
    for problem in report.errors:
        typer.echo(f"translint: {problem}", err=True)
    use_color = color if color is not None else (sys.stdout.isatty()
                                                 and "NO_COLOR" not in os.environ)
    rendered = REPORTERS[output_format.value](report, use_color)
    if quiet and output_format is OutputFormat.text:
        rendered = "".join(rendered.splitlines(keepends=True)[:-1])
    sys.stdout.write(rendered)
    if report.errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if report.fails(options.fail_on) else EXIT_OK)


def _apply_fixes(report: Report, write: bool) -> None:
    """Fix the files of the report; applied findings leave the report."""
    from translint.fix import fix_file

    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        if finding.fixable:
            by_path.setdefault(finding.path, []).append(finding)
    applied_ids: set[int] = set()
    for path, findings in by_path.items():
        if path.startswith("<"):
            continue
        try:
            patch, applied = fix_file(path, findings, write=write)
        except InputError as error:
            report.errors.append(error)
            continue
        if not write:
            sys.stdout.write(patch)
        applied_ids.update(id(finding) for finding in applied)
    if write:
        fixed = len(applied_ids)
        report.findings = [finding for finding in report.findings
                           if id(finding) not in applied_ids]
        if fixed:
            typer.echo(f"translint: fixed {fixed} finding{'s' if fixed != 1 else ''}", err=True)


@app.command("checks")
def list_checks(
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text or json.")] = OutputFormat.text,
) -> None:
    """List every check with its code, name, default severity and summary."""
    if output_format is OutputFormat.json:
        typer.echo(json.dumps([{"code": check.code, "name": check.name,
                                "severity": check.severity.label, "fixable": check.fixable,
                                "on_by_default": check.on_by_default,
                                "summary": check.summary, "description": check.description}
                               for check in CHECKS], indent=2))
        return
    for check in CHECKS:
        notes = [note for note, applies in (("fixable", check.fixable),
                                            ("off by default", not check.on_by_default))
                 if applies]
        noted = f" ({', '.join(notes)})" if notes else ""
        typer.echo(f"{check.code}  {check.name:<24} {check.severity.label:<8} "
                   f"{check.summary}{noted}")


def main() -> None:
    """Entry point of the console script.

    Once the command has finished and its output is flushed, the process ends at once
    (as mypy's does): freeing a large glossary and its index object by object at exit
    takes longer than checking a few hundred files.
    """
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("translint: interrupted", err=True)
        code = 130
    except SystemExit as done:
        code = _exit_status(done.code)
    else:
        code = EXIT_OK
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe or stream: there is nothing more to deliver.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _exit_status(code: object) -> int:
    """The process exit status for ``SystemExit(code)``, as Python itself would give it."""
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


if __name__ == "__main__":
    main()
