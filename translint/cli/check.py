"""``translint check`` and ``translint checks``: check files and report the findings, or
list the checks.

Exit codes of ``check``: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 a usage, configuration or input error.
"""

from __future__ import annotations

import enum
import gc
import json
import os
import sys
import time
from dataclasses import replace
from typing import Annotated, TextIO

import typer

from translint.baseline import Baseline, load_baseline
from translint.checks import CHECKS
from translint.checks.docs import checks_markdown
from translint.cli.exits import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, say
from translint.errors import ConfigError, InputError, TranslintError
from translint.findings import Finding, Report, Severity
from translint.glossary.cache import CACHE_ENV, default_cache_dir
from translint.reporters import REPORTER_CLASSES, make_reporter
from translint.runner import (
    STDIN,
    FilePlan,
    FileResult,
    aligned_source,
    check_files,
    find_inputs,
)
from translint.scopes import Scopes
from translint.text.formats import DEFAULT_INCLUDE, FORMATS_BY_NAME, format_for
from translint.text.read import read_standard_input

# The choices of --format: the reporters; of --fail-on: the severities, gravest first.
OutputFormat = enum.Enum(  # type: ignore[misc]
    "OutputFormat", {name: name for name in REPORTER_CLASSES}, type=str)
FailOn = enum.Enum(  # type: ignore[misc]
    "FailOn", {severity.label: severity.label
               for severity in sorted(Severity, reverse=True)} | {"never": "never"}, type=str)
TEXT = OutputFormat("text")
# The input formats standard input can be read as (--format-in): those of text files.
TEXT_FORMATS = tuple(name for name, format in FORMATS_BY_NAME.items() if format.extract is None)


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


def check(
    paths: Annotated[list[str], typer.Argument(
        help="Files or directories to check; - reads standard input.")],
    glossary: Annotated[list[str] | None, typer.Option(
        "--glossary", "-g", help="Glossary file (repeatable; @bundled for the bundled ones). "
                                 "Default: the configuration's, else the bundled ones.")] = None,
    lang: Annotated[str | None, typer.Option(
        help="Language of the copy (en, de, …); default: detected per document.")] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="Output format.")] = TEXT,
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
        help="Globs of files or directories to skip, in directories and named.")] = None,
    respect_gitignore: Annotated[bool | None, typer.Option(
        "--respect-gitignore/--no-respect-gitignore",
        help="In a git repository, leave out what its .gitignore files ignore when walking "
             "directories (default: yes, or the configuration's respect_gitignore).")
    ] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Processes to use (default: all cores for large runs; "
                                    "never more than the usable cores).")
    ] = None,
    stdin_filename: Annotated[str | None, typer.Option(
        help="Name to report for standard input (its suffix picks its input format).")
    ] = None,
    format_in: Annotated[str | None, typer.Option(
        "--format-in", help=f"Input format of standard input ({', '.join(TEXT_FORMATS)}); "
                            "default: by the suffix of --stdin-filename, else text.")] = None,
    fix: Annotated[bool, typer.Option(
        "--fix", help="Apply the fixes of fixable findings to the files; with -, write the "
                      "fixed text to standard output.")] = False,
    diff: Annotated[bool, typer.Option(
        "--diff", help="Print the fixes as a unified diff, and nothing else, instead of "
                       "writing them; exit 1 when there is something to fix.")] = False,
    color: Annotated[bool | None, typer.Option(
        "--color/--no-color", help="Colour the text output (default: on a terminal).")] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress display, notes or summary line.")] = False,
    config_file: Annotated[str | None, typer.Option(
        "--config", help="Use this configuration file (translint.toml or pyproject.toml).")
    ] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore any configuration file.")] = False,
    source_lang: Annotated[list[str] | None, typer.Option(
        "--source-lang", help="The copy was translated from this language (repeatable): only "
                              "its phrasing packs run; 'auto': per document, the packs its "
                              "calques fit best. Default: every pack for the copy's language."
    )] = None,
    strip_credits: Annotated[bool | None, typer.Option(
        "--strip-credits/--keep-credits",
        help="Report agency credit lines, (Reporting by …; Editing by …), as boilerplate.")
    ] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help=f"Parse the glossaries and phrasing packs afresh; neither read "
                           f"nor write the cache of loaded glossaries and packs "
                           f"(${CACHE_ENV}, default ~/.cache/translint)."
    )] = False,
    max_file_size: Annotated[str | None, typer.Option(
        "--max-file-size", help="Refuse an input larger than this (200MB, 1GB, bytes); "
                                "default: the configuration's max_file_size, else 200MB.")
    ] = None,
    baseline_file: Annotated[str | None, typer.Option(
        "--baseline", help="Report, and fail on, only the findings not in this baseline file "
                           "(written by --write-baseline); say which of it are gone.")
    ] = None,
    write_baseline: Annotated[str | None, typer.Option(
        "--write-baseline", help="Record this run's findings in this file as the baseline "
                                 "(JSON), and exit 0.")] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="The source file the targets translate, line for line (one segment "
                         "a line): each target is read as plain text and the bilingual "
                         "checks compare it with the source.")] = None,
    no_files_ok: Annotated[bool, typer.Option(
        "--no-files-ok", help="Exit 0 when the paths hold no file to check (default: exit 2, "
                              "so that a gate never passes on copy it did not see).")] = False,
) -> None:
    """Check files for inconsistent names and translation artefacts."""
    if baseline_file is not None and write_baseline is not None:
        raise fail(ConfigError("give --baseline or --write-baseline, not both"))
    if STDIN in paths and fix and not diff and len(paths) > 1:
        raise fail(ConfigError("--fix with - writes the fixed text to standard output: "
                                "give - alone"))
    if format_in is not None and source is not None:
        raise fail(ConfigError("--format-in: with --source the target is read as plain text"))
    if format_in is not None:
        _check_stdin_format(paths, format_in)
    threshold = gc.get_threshold()
    try:
        # Glossaries and their index are hundreds of thousands of objects that live for the
        # whole run: the garbage collector would only walk them again and again, while they
        # are built and while documents are checked. Build them without it, then set them
        # aside from its collections (gc.freeze), which also keeps forked workers from
        # copying the pages it would touch.
        gc.disable()
        try:
            # Each file is checked with its nearest configuration (translint.scopes); the
            # first path's is read and its linter built first, as a run of one
            # configuration always did.
            scopes = Scopes(config_file, no_config, dict(
                glossaries=glossary, lang=lang, select=select, ignore=ignore,
                fail_on=fail_on.value if fail_on else None, include=include, exclude=exclude,
                source_langs=source_lang, strip_credits=strip_credits,
                max_file_size=max_file_size, respect_gitignore=respect_gitignore),
                cache_dir=None if no_cache else default_cache_dir())
            first = scopes.for_path(paths[0], stdin_filename) if paths else scopes.for_folder(
                os.curdir)
            options = first.options
            scopes.linter(first)
            known = load_baseline(baseline_file) if baseline_file is not None else None
            aligned = (aligned_source(source, paths, options.max_bytes)
                       if source is not None else None)
        except TranslintError as error:
            raise fail(error) from None
        finally:
            gc.enable()
        gc.freeze()
        # Checking a document allocates thousands of short-lived objects, next to none in
        # reference cycles: collect young objects every 50,000 allocations, not every 700.
        gc.set_threshold(50_000, 20, 20)
        try:
            inputs = find_inputs(paths, rules_for=scopes.rules)
            plan = _plan(scopes, inputs.files, stdin_filename)
        except TranslintError as error:  # a nested configuration, or what it names
            raise fail(error) from None
        if not quiet:
            for note in inputs.skipped:
                say(note)
        if not inputs.files and not inputs.errors:
            if no_files_ok:
                if not quiet:
                    say("no file to check (--no-files-ok)")
                raise typer.Exit(EXIT_OK)
            raise fail(InputError(_no_files_message(paths, options.include, options.exclude)))
        stdin_text = None
        if STDIN in inputs.files:
            display = stdin_filename or "<stdin>"
            try:
                stdin_text = read_standard_input(display, plan.setup(STDIN)[1])
            except InputError as error:
                raise fail(error) from None
        progress = (_Progress() if sys.stderr.isatty() and not quiet and len(inputs.files) > 1
                    else None)
        fixing = fix or diff
        # With - and --fix, standard output carries the fixed text; the report goes to
        # standard error. With --diff, standard output carries the diff and nothing else.
        report_out = sys.stderr if (fix and stdin_text is not None and not diff) else sys.stdout
        reporter = (None if diff else make_reporter(output_format.value, report_out, _color(
            color, report_out), quiet=quiet and output_format.value == "text"))
        report = Report(errors=list(inputs.errors))
        fixes = _Fixes(write=fix and not diff, stdin_text=stdin_text, stdin_name=stdin_filename)
        recording = Baseline(write_baseline) if write_baseline is not None else None
        sarif = output_format.value == "sarif"
        for linter in plan.linters:
            linter.keep_suppressed = sarif  # SARIF lists the findings directives silence
        fail_ons = tuple(scope.options.fail_on for scope in scopes.planned)
        failed = False
        try:
            if reporter is not None:
                reporter.begin()
            for path, result in zip(inputs.files, check_files(
                    plan, inputs.files, jobs=jobs, stdin_name=stdin_filename,
                    progress=progress, stdin_text=stdin_text, stdin_format=format_in,
                    source=aligned), strict=True):
                silenced = ([finding for finding in result.findings if finding.suppressed]
                            if sarif else [])
                if silenced:  # reported as such, never fixed, counted or baselined
                    result = replace(result, findings=[
                        finding for finding in result.findings if not finding.suppressed])
                findings = result.findings
                if fixing and result.error is None:
                    findings = fixes.apply(result, report)
                shown = findings
                if recording is not None and result.error is None:
                    recording.record(findings)
                if known is not None and result.error is None:
                    findings, unchanged = known.split(result.path, findings)
                    # SARIF marks each result's baselineState; the others show new ones only.
                    shown = (sorted(findings + unchanged, key=Finding.sort_key) if sarif
                             else findings)
                if silenced:
                    shown = sorted(shown + silenced, key=Finding.sort_key)
                if reporter is not None:
                    reporter.file(shown)
                report.add(findings, result.characters, result.error, keep=False)
                file_fail_on = fail_ons[plan.chosen[path]]  # of the file's configuration
                failed = failed or (file_fail_on is not None and any(
                    finding.severity >= file_fail_on for finding in findings))
        except TranslintError as error:  # rules loaded when first needed; a reporter's file
            raise fail(error) from None
        finally:
            if progress is not None:
                progress.clear()
        if reporter is not None:
            try:
                if known is not None and sarif:
                    reporter.file([known.absent_finding(key) for key in known.absent()])
                reporter.end(report)
            except TranslintError as error:  # a file the reporter writes (a step summary)
                raise fail(error) from None
        fixes.finish(quiet)
        for problem in report.errors:
            say(str(problem))
        if known is not None and not quiet:
            _say_baseline(known)
        if recording is not None:
            _write_baseline(recording, report, quiet)
        if report.errors:
            raise typer.Exit(EXIT_ERROR)
        if diff:
            raise typer.Exit(EXIT_FINDINGS if fixes.applied else EXIT_OK)
        raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)
    finally:  # a process (or a test) may run another command after this one
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _plan(scopes: Scopes, files: list[str], stdin_name: str | None) -> FilePlan:
    """Each file's linter, the linters of nested configurations built with the garbage
    collector off and then set aside from it, as the first one was."""
    gc.disable()
    try:
        return scopes.plan(files, stdin_name)
    finally:
        gc.enable()
        gc.freeze()


def _say_baseline(known: Baseline) -> None:
    """How many findings the baseline held back, and its entries no longer found."""
    absent = known.absent()
    findings = f"{known.known} known finding{'s' if known.known != 1 else ''}"
    say(f"{known.path}: {findings} not reported; {len(absent)} of its entries no longer "
        f"found{':' if absent else ''}")
    for key in absent:
        say(f"  gone: {key.describe()}")


def _write_baseline(recording: Baseline, report: Report, quiet: bool) -> None:
    """Write the baseline of a run, or refuse when some input could not be checked (its
    findings would come back as new)."""
    if report.errors:
        say(f"{recording.path}: baseline not written: some inputs could not be checked")
        return
    try:
        recording.write()
    except TranslintError as error:
        raise fail(error) from None
    if not quiet:
        total = sum(recording.keys.values())
        say(f"{recording.path}: baseline of {total} finding{'s' if total != 1 else ''} "
            "written")
    raise typer.Exit(EXIT_OK)


def _check_stdin_format(paths: list[str], name: str) -> None:
    """Refuse ``--format-in`` without standard input, or naming no format of text."""
    if STDIN not in paths:
        raise fail(ConfigError("--format-in is the format of standard input: give -"))
    try:
        chosen = format_for(STDIN, name)
    except ConfigError as error:
        raise fail(error) from None
    if chosen.extract is not None:
        raise fail(ConfigError(f"--format-in {name}: standard input is read as text; name the "
                               f"{name.upper()} file instead"))


def _color(color: bool | None, out: TextIO) -> bool:
    if color is not None:
        return color
    return out.isatty() and "NO_COLOR" not in os.environ


def _no_files_message(paths: list[str], include: tuple[str, ...],
                      exclude: tuple[str, ...]) -> str:
    excluded = f"; exclude: {' '.join(exclude)}" if exclude else ""
    return (f"no file to check in {' '.join(paths)} (include: {' '.join(include)}{excluded}); "
            "widen --include, or pass --no-files-ok if an empty run is fine")


class _Fixes:
    """Applies fixes to each input as its result arrives: files in place (or as a diff),
    standard input to standard output."""

    def __init__(self, write: bool, stdin_text: str | None, stdin_name: str | None) -> None:
        self.write = write
        self.stdin_text = stdin_text
        self.stdin_name = stdin_name or "<stdin>"
        self.applied = 0
        self.files = 0

    def apply(self, result: FileResult, report: Report) -> list[Finding]:
        """Fix one input; return its findings that are left."""
        from translint.fix import fix_file, fix_text, unified_diff

        fixable = [finding for finding in result.findings if finding.fixable]
        if result.stdin and self.stdin_text is not None:
            fixed, applied = fix_text(self.stdin_text, fixable)
            if self.write:
                sys.stdout.write(fixed)
            else:
                sys.stdout.write(unified_diff(self.stdin_text, fixed, self.stdin_name))
        elif not fixable:
            return result.findings
        else:
            try:
                patch, applied = fix_file(result.path, fixable, write=self.write)
            except InputError as error:
                report.errors.append(error)
                return result.findings
            if not self.write:
                sys.stdout.write(patch)
        if applied:
            self.applied += len(applied)
            self.files += 1
        done = {id(finding) for finding in applied}
        return [finding for finding in result.findings if id(finding) not in done]

    def finish(self, quiet: bool) -> None:
        if quiet or not self.applied:
            return
        findings = f"{self.applied} finding{'s' if self.applied != 1 else ''}"
        files = f"{self.files} input{'s' if self.files != 1 else ''}"
        verb = "fixed" if self.write else "would fix"
        say(f"{verb} {findings} in {files}")


class ChecksFormat(str, enum.Enum):
    """The output formats of ``translint checks``."""

    text = "text"
    json = "json"
    markdown = "markdown"


def list_checks(
    output_format: Annotated[ChecksFormat, typer.Option(
        "--format", "-f", help="text, json, or markdown (the reference page, "
        "docs/checks.md).")] = ChecksFormat.text,
) -> None:
    """List every check with its code, name, default severity and summary."""
    if output_format is ChecksFormat.markdown:
        typer.echo(checks_markdown(CHECKS), nl=False)
        return
    typer.echo(render_checks(json_output=output_format is ChecksFormat.json))


def render_checks(json_output: bool = False) -> str:
    """The list of checks that ``translint checks`` prints: one a line, or JSON."""
    if json_output:
        return json.dumps([{"code": check.code, "name": check.name,
                            "severity": check.severity.label, "fixable": check.fixable,
                            "on_by_default": check.on_by_default,
                            "summary": check.summary, "description": check.description}
                           for check in CHECKS], indent=2)
    lines = []
    for check in CHECKS:
        notes = [note for note, applies in (("fixable", check.fixable),
                                            ("off by default", not check.on_by_default))
                 if applies]
        noted = f" ({', '.join(notes)})" if notes else ""
        lines.append(f"{check.code}  {check.name:<24} {check.severity.label:<8} "
                     f"{check.summary}{noted}")
    return "\n".join(lines)
