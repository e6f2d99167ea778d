"""benchmarks/audit.py keeps working: its smoke run (200 articles, one worker, one run) on a
real LocalCluster. Its figures are not looked at: timings belong in the benchmark."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.audit.test_audit_cluster import news_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow  # starts a cluster
def test_the_audit_benchmark_runs_in_smoke_mode() -> None:
    news = news_file()
    if news is None:
        pytest.skip("shared/bench/news.jsonl (the benchmark's articles) is not on this machine")
    run = subprocess.run([sys.executable, "benchmarks/audit.py", "--smoke", "--data",
                          str(news.parent)], capture_output=True, text=True, timeout=300,
                         cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| run | partitions | seconds |")
    assert [row.split(" | ")[0] for row in rows[1:]] == [
        "| one process, no Dask (baseline)", "| 1 worker, first run on a new cluster",
        "| 1 worker, 500 records a partition"]
    assert "200 articles" in run.stdout


def test_without_the_articles_it_says_where_to_look(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "benchmarks/audit.py", "--data", str(tmp_path)],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 2
    assert run.stderr.strip() == (f"error: {tmp_path / 'news.jsonl'} not found; give the "
                                  "folder holding news.jsonl with --data")
