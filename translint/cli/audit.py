"""``translint audit``: check a whole archive on Dask (a local cluster, or an existing
one's scheduler) and write findings, a summary and a report. Dask is imported only when
the command runs (``pip install 'translint[audit]'``).

Exit codes: 0 the audit was written (findings do not fail it; inputs that could not be
read are listed in the summary); 2 a usage, configuration or input error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from translint.cli.exits import EXIT_OK, run_action, say
from translint.errors import ConfigError, TranslintError

DATE_SOURCES = ("auto", "mtime", "path", "front-matter", "field")


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\r\033[Kaudited {done}/{total} partitions")
    sys.stderr.flush()


def audit(
    paths: Annotated[list[str], typer.Argument(
        help="Folders of articles, files, or JSON Lines files (one article a line).")],
    out: Annotated[str, typer.Option(
        help="Folder to write findings.jsonl, summary.json and report.html to.")
    ] = "translint-audit",
    scheduler: Annotated[str | None, typer.Option(
        help="Address of an existing Dask scheduler (tcp://host:8786); default: a local "
             "cluster.")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Worker processes of the local cluster (default: one per core).")] = None,
    since: Annotated[str | None, typer.Option(
        help="Only documents dated on or after this day or month (YYYY-MM-DD, YYYY-MM).")
    ] = None,
    until: Annotated[str | None, typer.Option(
        help="Only documents dated on or before this day or month.")] = None,
    date_from: Annotated[str, typer.Option(
        "--date-from", help="Where a document's date comes from: auto, mtime, path, "
                            "front-matter or field.")] = "auto",
    field: Annotated[str, typer.Option(
        help="The field of a JSON Lines record holding the text.")] = "text",
    date_field: Annotated[str, typer.Option(
        "--date-field", help="The field of a JSON Lines record holding its date.")] = "date",
    section_field: Annotated[str, typer.Option(
        "--section-field", help="The field of a JSON Lines record holding its section "
                                "(for files: the first folder below the archive).")
    ] = "section",
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue an interrupted audit in --out: skip the partitions "
                         "already written.")] = False,
    partition_size: Annotated[int, typer.Option(
        "--partition-size", min=1, help="Documents (files or records) per partition.")
    ] = 500,
    glossary: Annotated[list[str] | None, typer.Option(
        "--glossary", "-g", help="Glossary file (repeatable; @bundled for the bundled ones).")
    ] = None,
    lang: Annotated[str | None, typer.Option(
        help="Language of the copy; default: detected per document.")] = None,
    select: Annotated[list[str] | None, typer.Option(
        help="Only run these codes or prefixes (TL101, TL1).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        help="Skip these codes or prefixes.")] = None,
    config_file: Annotated[str | None, typer.Option(
        "--config", help="Use this configuration file.")] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore any configuration file.")] = False,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress display or closing line.")] = False,
) -> None:
    """Audit a whole archive on Dask: findings, a summary and a report with charts."""

    def action() -> int:
        if scheduler is not None and workers is not None:
            raise ConfigError("give --scheduler or --workers, not both (--workers sizes the "
                              "local cluster; a scheduler has its own workers)")
        if date_from not in DATE_SOURCES:
            raise ConfigError(f"--date-from must be one of {', '.join(DATE_SOURCES)}, not "
                              f"{date_from!r}")
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise TranslintError("translint audit needs Dask: pip install "
                                 "'translint[audit]'") from None
        from translint.audit.dates import parse_bound
        from translint.audit.run import FINDINGS, REPORT, SUMMARY, run_audit
        from translint.audit.work import AuditSettings, Recipe
        from translint.config import check_options, load_config, load_configured_glossaries
        from translint.glossary.cache import default_cache_dir

        settings = AuditSettings(date_from=date_from, field=field, date_field=date_field,
                                 section_field=section_field,
                                 since=parse_bound(since, "--since"),
                                 until=parse_bound(until, "--until"))
        if settings.since and settings.until and settings.since > settings.until:
            raise ConfigError(f"--since {since} is after --until {until}")
        config = load_config(config_file, no_config)
        options = check_options(config, glossaries=glossary, lang=lang, select=select,
                                ignore=ignore)
        glossaries = load_configured_glossaries(config, options.glossaries,
                                                default_cache_dir())
        recipe = Recipe.of(config, options, tuple(glossaries))
        settings = AuditSettings(**{**settings.__dict__, "max_bytes": options.max_bytes,
                                    "base": os.getcwd()})
        folder = Path(out)
        outcome = run_audit(paths, folder, recipe, settings, scheduler=scheduler,
                            workers=workers, partition_size=partition_size, resume=resume,
                            progress=None if quiet or not sys.stderr.isatty() else _progress)
        if not quiet:
            if sys.stderr.isatty():
                sys.stderr.write("\r\033[K")
            summary = outcome.summary
            resumed = (f", {outcome.skipped} of {summary['partitions']} partitions resumed"
                       if outcome.skipped else "")
            say(f"{summary['documents']:,} documents, {summary['findings']:,} findings, "
                f"{len(summary['unreadable']):,} unreadable in {outcome.seconds:.1f} s"
                f"{resumed}; wrote {folder / FINDINGS}, {folder / SUMMARY}, "
                f"{folder / REPORT}")
        return EXIT_OK

    run_action(action)
