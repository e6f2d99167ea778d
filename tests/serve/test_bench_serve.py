"""benchmarks/serve.py keeps working: a smoke run (a few requests a row) against a real
``translint serve`` and real ``translint check`` processes. Its figures are not looked at:
timings belong in the benchmark, never in a test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "serve.py"


def news_folder() -> Path | None:
    """``shared/bench`` beside the repository or one of its parents, as the script looks."""
    for folder in ROOT.parents:
        if (folder / "shared" / "bench" / "news.jsonl").exists():
            return folder / "shared" / "bench"
    return None


@pytest.mark.slow  # starts a server and a dozen CLI processes
def test_the_serve_benchmark_runs_in_smoke_mode(tmp_path: Path) -> None:
    data = news_folder()
    if data is None:
        pytest.skip("shared/bench/news.jsonl (the benchmark's articles) is not on this machine")
    run = subprocess.run([sys.executable, str(SCRIPT), "--smoke", "--work", str(tmp_path),
                          "--data", str(data)],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert table.strip() == run.stdout.strip()
    rows = {match[1]: (int(match[2].replace(",", "")), int(match[3])) for match in re.finditer(
        r"^\| ([^|]+?) \|(?:[^|\n]*\|){4} ([\d,]+) \| (\d+) \|", table, re.MULTILINE)}
    assert set(rows) == {"all articles, 1 client", "all articles, 8 clients",
                         "all articles, 32 clients", "5 KB stories, 8 clients",
                         "all articles, 8 clients, glossary reloading",
                         f"`translint check` per story, {os.cpu_count() or 1} at a time"}
    for name, (requests, errors) in rows.items():
        assert requests > 0 and errors == 0, (name, requests, errors)
    assert re.search(r"after 20 more requests; .* after 20 more \(0 errors\)", table)
    # The glossary rewritten under load: every valid rewrite reloaded, the broken one
    # refused, no request lost.
    reloads = re.search(r"(\d+) valid rewrites, (\d+) reloads counted by /metrics; (\d+) "
                        r"broken rewrite\(s\), (\d+) refused .*\*\*(\d+) errors\*\* in "
                        r"([\d,]+) requests", table)
    assert reloads, table
    valid, reloaded, broken, refused, errors, requests = reloads.groups()
    assert valid == reloaded == "2" and broken == refused == "1" and errors == "0", table
    assert int(requests.replace(",", "")) > 0
    assert (tmp_path / "server.log").stat().st_size > 0


@pytest.mark.slow  # a real process
def test_the_benchmark_says_it_needs_the_articles(tmp_path: Path) -> None:
    """Without news.jsonl: a one-line error naming the file and the option, exit 2."""
    run = subprocess.run([sys.executable, str(SCRIPT), "--smoke", "--work", str(tmp_path),
                          "--data", str(tmp_path / "nowhere")],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 2
    assert run.stderr.strip() == (f"error: {tmp_path / 'nowhere' / 'news.jsonl'} not found; "
                                  "give the folder holding news.jsonl with --data")
