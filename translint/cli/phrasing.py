"""``translint phrasing mine`` (n-grams translated copy over-uses compared with native copy)
and ``translint phrasing gate`` (each rule's hits on native and translated copy). They read
the inputs, call ``translint.phrasing`` and print; sacremoses is imported only when
``mine`` runs."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, TextIO, TypeVar

import typer

from translint.cli.exits import EXIT_FINDINGS, run_action
from translint.errors import InputError, TranslintError

if TYPE_CHECKING:
    from translint.phrasing.corpus import CorpusText

FORMATS = ("table", "json", "toml")
T = TypeVar("T")


class ReadProgress:
    """Documents read so far on each side, one line of standard error, shown only when
    standard error is a terminal (at most five times a second)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.counts: dict[str, int] = {}
        self.last = 0.0
        self.shown = False

    def follow(self, items: Iterable[T], side: str) -> Iterator[T]:
        """``items`` as they are, counted as documents of ``side``."""
        self.counts.setdefault(side, 0)
        for item in items:
            self.counts[side] += 1
            if self.enabled and time.monotonic() - self.last >= 0.2:
                self.show()
            yield item

    def show(self) -> None:
        """Write the line now."""
        if not self.enabled:
            return
        self.last = time.monotonic()
        read = " and ".join(f"{count:,} {side}" for side, count in self.counts.items())
        self.stream.write(f"\r\033[Kread {read} documents; counting")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the line before the report."""
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def mine(
    translated: Annotated[list[str], typer.Option(
        "--translated", help="Folders (.txt, .md, recursively) or JSON Lines files of "
                             "translated copy; repeatable.")],
    native: Annotated[list[str], typer.Option(
        "--native", help="Folders or JSON Lines files of native copy; repeatable.")],
    lang: Annotated[str, typer.Option(help="The language of both sides (tokeniser).")] = "en",
    min_docs: Annotated[int, typer.Option(
        "--min-docs", help="Keep n-grams in at least this many translated texts.")] = 3,
    max_n: Annotated[int, typer.Option(
        "--max-n", help="The longest n-gram, in tokens (1 to 8).")] = 5,
    top: Annotated[int, typer.Option(help="Report at most this many n-grams.")] = 200,
    max_native: Annotated[float | None, typer.Option(
        "--max-native-per-1000", help="Leave out n-grams in more native documents per "
                                      "1,000 (as rules they would fail the gate); default: "
                                      "5 with --format toml, no limit otherwise.")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", help="table, json, or toml (a draft phrasing pack, rules commented "
                         "out).")] = "table",
    field: Annotated[str, typer.Option(
        help="The field of a JSON Lines record holding the text.")] = "text",
    where: Annotated[list[str] | None, typer.Option(
        "--where", help="Only JSON Lines records whose FIELD equals VALUE (FIELD=VALUE); "
                        "repeatable, both sides.")] = None,
    source_lang: Annotated[str | None, typer.Option(
        "--source-lang", help="The language the translated copy comes from: the draft "
                              "pack's source (--format toml).")] = None,
    group_field: Annotated[str | None, typer.Option(
        "--group-field", help="The field of a translated record naming its MT system or "
                              "source (a file's group is its folder).")] = None,
    min_groups: Annotated[int, typer.Option(
        "--min-groups", help="Keep n-grams found in at least this many groups "
                             "(--group-field).")] = 1,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Processes to count the native side with (default: the "
                             "usable CPUs).")] = None,
) -> None:
    """Mine the phrasing translated copy over-uses compared with native copy."""

    def action() -> int:
        from translint.phrasing.corpus import (
            check_paths,
            empty_side,
            parse_where,
            read_corpus,
            read_texts,
        )
        from translint.phrasing.gate import MAX_INFO_NATIVE_PER_1000
        from translint.phrasing.mine import mine_phrasing
        from translint.phrasing.render import render_json, render_pack, render_table
        from translint.runner import usable_cpus

        if output_format not in FORMATS:
            raise TranslintError(f"--format must be one of {', '.join(FORMATS)}, "
                                 f"not {output_format!r}")
        if not 1 <= max_n <= 8:
            raise TranslintError(f"--max-n must be from 1 to 8, not {max_n}")
        if max_native is not None and max_native < 0:
            raise TranslintError("--max-native-per-1000 must be at least 0")
        if min_docs < 1 or top < 1 or min_groups < 1:
            raise TranslintError("--min-docs, --min-groups and --top must be at least 1")
        if min_groups > 1 and group_field is None:
            raise TranslintError("--min-groups needs --group-field")
        if jobs is not None and jobs < 1:
            raise TranslintError(f"--jobs must be at least 1, not {jobs}")
        if source_lang is not None and not re.fullmatch(r"[a-z]{2,3}", source_lang):
            raise TranslintError(f"--source-lang must be a language code such as es, "
                                 f"not {source_lang!r}")
        conditions = parse_where(where or [])
        check_paths([*translated, *native])
        native_limit = (MAX_INFO_NATIVE_PER_1000 if max_native is None
                        and output_format == "toml" else max_native)
        progress = ReadProgress()
        ours = list(progress.follow(read_corpus(translated, field, conditions, group_field),
                                    "translated"))
        try:
            phrases = mine_phrasing(
                [item.text for item in ours],
                progress.follow(read_texts(native, field, conditions), "native"),
                lang=lang, min_docs=min_docs, max_n=max_n, top=top,
                max_native_per_1000=native_limit,
                jobs=min(jobs or usable_cpus(), usable_cpus()),
                groups=[item.group for item in ours], min_groups=min_groups)
        except ValueError as error:
            for side in ("translated", "native"):
                if where and str(error) == f"the {side} side has no text to compare":
                    raise InputError(f"nothing to compare: {empty_side(side, where)}"
                                     ) from None
            raise InputError(f"nothing to compare: {error}") from None
        finally:
            progress.clear()
        if output_format == "json":
            typer.echo(render_json(phrases), nl=False)
        elif output_format == "toml":
            typer.echo(render_pack(phrases, lang, source_lang, native_limit), nl=False)
        else:
            typer.echo(render_table(phrases), nl=False)
        return 0

    run_action(action)


GATE_FORMATS = ("table", "json")


def gate(
    packs: Annotated[list[str], typer.Argument(
        metavar="PACK...", help="Pack files, or ids of bundled packs (es-en).")],
    native: Annotated[list[str], typer.Option(
        "--native", help="Folders (.txt, .md, recursively) or JSON Lines files of native "
                         "copy in the packs' language; repeatable.")],
    translated: Annotated[list[str] | None, typer.Option(
        "--translated", help="Folders or JSON Lines files of translated copy; "
                             "repeatable.")] = None,
    field: Annotated[str, typer.Option(
        help="The field of a JSON Lines record holding the text.")] = "text",
    where: Annotated[list[str] | None, typer.Option(
        "--where", help="Only JSON Lines records whose FIELD equals VALUE (FIELD=VALUE); "
                        "repeatable, both sides.")] = None,
    output_format: Annotated[str, typer.Option(
        "--format", help="table or json.")] = "table",
    write: Annotated[bool, typer.Option(
        "--write", help="Record each rule's figures (measured = {…}) and the corpora "
                        "(measured_on) in the pack files.")] = False,
    max_native: Annotated[float, typer.Option(
        "--max-native-per-1000", help="Native documents hit per 1,000 above which a "
                                      "warning rule fails (demote to info).")] = 1.0,
    max_info_native: Annotated[float, typer.Option(
        "--max-info-native-per-1000", help="Native documents hit per 1,000 above which "
                                           "an info rule fails (drop).")] = 5.0,
    max_cost: Annotated[float | None, typer.Option(
        "--max-microseconds", help="CPU microseconds of search per native document above "
                                   "which a rule fails (slow); default: no limit.")] = None,
    note: Annotated[str, typer.Option(
        help="A remark recorded in measured_on with --write (what the corpora are).")] = "",
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Processes to run the rules with (default: the usable "
                             "CPUs).")] = None,
) -> None:
    """Measure every rule of phrasing packs on native (and translated) copy; exit 1 when
    a rule fires on native copy more than its threshold (or searches longer than
    --max-microseconds)."""

    def action() -> int:
        import datetime

        from translint.phrasing.corpus import (
            check_paths,
            empty_side,
            parse_where,
            read_corpus,
            tallied,
        )
        from translint.phrasing.gate import Thresholds, count_hits, find_pack
        from translint.phrasing.gate import gate as gate_rules
        from translint.phrasing.gate_report import describe_corpora, render_json, render_table
        from translint.phrasing.pack_figures import measured_value, write_figures
        from translint.runner import usable_cpus

        if output_format not in GATE_FORMATS:
            raise TranslintError(f"--format must be one of {', '.join(GATE_FORMATS)}, "
                                 f"not {output_format!r}")
        if max_native < 0 or max_info_native < 0:
            raise TranslintError("the --max-…-per-1000 thresholds must be at least 0")
        if max_cost is not None and not max_cost > 0:
            raise TranslintError(f"--max-microseconds must be above 0, not {max_cost:g}")
        if jobs is not None and jobs < 1:
            raise TranslintError(f"--jobs must be at least 1, not {jobs}")
        conditions = parse_where(where or [])
        loaded = [find_pack(name) for name in packs]
        ids = [pack.id for pack in loaded]
        if len(set(ids)) < len(ids):
            raise TranslintError("a pack is named twice: " + ", ".join(ids))
        check_paths([*native, *(translated or [])])
        workers = min(jobs or usable_cpus(), usable_cpus())

        def side(paths: list[str], tally: dict[str, int]) -> Iterator[CorpusText]:
            for path in paths:
                yield from tallied(read_corpus([path], field, conditions), tally, path)

        progress = ReadProgress()
        native_counts: dict[str, int] = {}
        translated_counts: dict[str, int] = {}
        try:
            native_hits = count_hits(loaded, progress.follow(
                side(native, native_counts), "native"), workers)
            translated_hits = (count_hits(loaded, progress.follow(
                side(translated, translated_counts), "translated"), workers)
                if translated else None)
        finally:
            progress.clear()
        for name, hits in (("native", native_hits), ("translated", translated_hits)):
            if hits is not None and not hits.documents:
                raise InputError(empty_side(name, where or []))
        thresholds = Thresholds(max_native, max_info_native, max_cost)
        figures = gate_rules(loaded, native_hits, translated_hits, thresholds)
        measured_on = describe_corpora(
            datetime.date.today().isoformat(), list(native_counts.items()),
            list(translated_counts.items()), where or [], note)
        if output_format == "json":
            typer.echo(render_json(figures, thresholds, measured_on), nl=False)
        else:
            typer.echo(render_table(figures, thresholds), nl=False)
        if write:
            for pack in loaded:
                write_figures(pack.path, {each.rule.id: measured_value(each)
                                          for each in figures if each.rule.pack == pack.id},
                              measured_on)
        return EXIT_FINDINGS if any(each.verdict for each in figures) else 0

    run_action(action)
