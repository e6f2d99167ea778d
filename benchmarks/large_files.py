#!/usr/bin/env python3
"""How translint copes with one very large input, against the same bytes as many files.

Run it with ``make bench-large`` or ``python benchmarks/large_files.py [--quick]``. It writes
under ``benchmarks/work/large/`` (git-ignored) and prints a table (also written to
``benchmarks/work/large/results.md``).

Method
------
The 2,315 articles of ``shared/bench/news.jsonl`` are written out, pass after pass, as

* ``one-file/news.txt``: one file of ``--size-mb`` MB (default 100), articles separated by a
  blank line, as an archive export or a concatenated feed is;
* ``one-line/line.txt``: one line of ``--line-mb`` MB (default 10): the same text with every
  line break a space, as minified or badly exported copy is;
* ``many-files/`` and ``many-files-line/``: the same articles one a file, the same number of
  bytes as each of the two above: the baseline, measured in the same run.

Every row is ``translint check PATH --format json`` with every check, the bundled
glossaries and language detection, in a fresh process (the wrapper of ``run.py``), median of
``--runs``; MB/s is bytes / median seconds. One file is checked by one process whatever
``--jobs`` says, so the one-file rows are compared with the many-file rows on one core (the
target: within 2× of them) and, for reference, on all cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from run import DEFAULT_DATA, MB, WORK, Series, run_series, status, tool

LARGE = WORK / "large"


def read_articles(path: Path) -> list[str]:
    """The texts of the news articles."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"].strip() for line in handle if line.strip()]


def write_one_file(path: Path, articles: Sequence[str], size: int, one_line: bool) -> int:
    """Write articles, pass after pass, into one file of about ``size`` bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        while written < size:
            for text in articles:
                piece = (" ".join(text.split()) + " ") if one_line else text + "\n\n"
                handle.write(piece)
                written += len(piece.encode("utf-8"))
                if written >= size:
                    break
    return written


def write_many_files(folder: Path, articles: Sequence[str], size: int) -> int:
    """Write the same articles one a file until ``size`` bytes are written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    round_number = 0
    while written < size:
        for number, text in enumerate(articles):
            data = (text + "\n").encode("utf-8")
            (folder / f"a{round_number:02}-{number:04}.txt").write_bytes(data)
            written += len(data)
            if written >= size:
                break
        round_number += 1
    return written


def rows(settings: argparse.Namespace, translint: str) -> list[tuple[str, int, Series]]:
    """Build the inputs and measure every row."""
    articles = read_articles(settings.data / "news.jsonl")
    shutil.rmtree(LARGE, ignore_errors=True)
    size, line_size = int(settings.size_mb * MB), int(settings.line_mb * MB)
    inputs = {
        "one-file": write_one_file(LARGE / "one-file" / "news.txt", articles, size, False),
        "many-files": write_many_files(LARGE / "many-files", articles, size),
        "one-line": write_one_file(LARGE / "one-line" / "line.txt", articles, line_size, True),
        "many-files-line": write_many_files(LARGE / "many-files-line", articles, line_size),
    }
    for folder in inputs:  # warm the page cache
        for path in (LARGE / folder).rglob("*.txt"):
            path.read_bytes()
    out = LARGE / "out"
    out.mkdir()
    measured: list[tuple[str, int, Series]] = []
    plan = [
        (f"one file of {settings.size_mb:g} MB, 1 core", "one-file/news.txt", 1),
        (f"the same bytes as {_count(LARGE / 'many-files')} files, 1 core", "many-files", 1),
        (f"the same bytes as {_count(LARGE / 'many-files')} files, 2 cores", "many-files", 2),
        (f"one line of {settings.line_mb:g} MB, 1 core", "one-line/line.txt", 1),
        (f"the same bytes as {_count(LARGE / 'many-files-line')} files, 1 core",
         "many-files-line", 1),
        (f"the same bytes as {_count(LARGE / 'many-files-line')} files, 2 cores",
         "many-files-line", 2),
    ]
    for label, path, jobs in plan:
        # --no-respect-gitignore: the work folder is git-ignored.
        argv = [translint, "check", str(LARGE / path), "--format", "json", "--jobs", str(jobs),
                "--no-cache", "--max-file-size", "1GB", "--no-respect-gitignore"]
        folder = path.split("/")[0]
        series = run_series(label, argv, out / f"{folder}-{jobs}.json", settings.runs,
                            cwd=LARGE)
        measured.append((label, inputs[folder], series))
    return measured


def _count(folder: Path) -> str:
    return f"{sum(1 for _ in folder.iterdir()):,}"


def render(measured: Sequence[tuple[str, int, Series]]) -> str:
    """The results table, with each one-file row's ratio to its many-file row on 1 core."""
    lines = ["| Input | Median s | MB/s | × the many-file time, 1 core | Peak MB |",
             "|---|---:|---:|---:|---:|"]
    for index, (label, size, series) in enumerate(measured):
        group = measured[index - index % 3: index - index % 3 + 3]
        baseline = group[1][2].median
        ratio = f"{series.median / baseline:.2f}×" if index % 3 == 0 else "—"
        lines.append(f"| {label} | {series.median:.2f} | {size / MB / series.median:.1f} | "
                     f"{ratio} | {series.peak_mb:.0f} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=100.0)
    parser.add_argument("--line-mb", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="10 MB and 2 MB, one run each")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    settings = parser.parse_args(argv)
    if settings.quick:
        settings.size_mb, settings.line_mb, settings.runs = 10.0, 2.0, 1
    translint = tool("translint")
    if translint is None:
        raise SystemExit("benchmark: the translint command is not installed (make bench)")
    if not (settings.data / "news.jsonl").exists():
        raise SystemExit(f"benchmark: no news.jsonl in {settings.data} (use --data)")
    measured = rows(settings, translint)
    table = render(measured)
    (LARGE / "results.md").write_text(table, encoding="utf-8")
    status("")
    sys.stdout.write(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
