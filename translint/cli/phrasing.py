"""``translint phrasing mine``: n-grams translated copy over-uses compared with native copy.
Reads the inputs, calls ``translint.phrasing.mine`` and prints; sacremoses is imported only
when the command runs."""

from __future__ import annotations

from typing import Annotated

import typer

from translint.cli.exits import run_action
from translint.errors import InputError, TranslintError

FORMATS = ("table", "json", "toml")


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
    output_format: Annotated[str, typer.Option(
        "--format", help="table, json, or toml (a draft phrasing pack, rules commented "
                         "out).")] = "table",
    field: Annotated[str, typer.Option(
        help="The field of a JSON Lines record holding the text.")] = "text",
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", help="Processes to count the native side with (default: the "
                             "usable CPUs).")] = None,
) -> None:
    """Mine the phrasing translated copy over-uses compared with native copy."""

    def action() -> int:
        from translint.phrasing.corpus import check_paths, read_texts
        from translint.phrasing.mine import mine_phrasing
        from translint.phrasing.render import render_json, render_pack, render_table
        from translint.runner import usable_cpus

        if output_format not in FORMATS:
            raise TranslintError(f"--format must be one of {', '.join(FORMATS)}, "
                                 f"not {output_format!r}")
        if not 1 <= max_n <= 8:
            raise TranslintError(f"--max-n must be from 1 to 8, not {max_n}")
        if min_docs < 1 or top < 1:
            raise TranslintError("--min-docs and --top must be at least 1")
        if jobs is not None and jobs < 1:
            raise TranslintError(f"--jobs must be at least 1, not {jobs}")
        check_paths([*translated, *native])
        try:
            phrases = mine_phrasing(read_texts(translated, field), read_texts(native, field),
                                    lang=lang, min_docs=min_docs, max_n=max_n, top=top,
                                    jobs=min(jobs or usable_cpus(), usable_cpus()))
        except ValueError as error:
            raise InputError(f"nothing to compare: {error}") from None
        if output_format == "json":
            typer.echo(render_json(phrases), nl=False)
        elif output_format == "toml":
            typer.echo(render_pack(phrases, lang), nl=False)
        else:
            typer.echo(render_table(phrases), nl=False)
        return 0

    run_action(action)
