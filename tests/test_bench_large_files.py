"""benchmarks/large_files.py keeps working: a small run (1 MB, one run a row) checks every
input it builds under the git-ignored work folder. Its figures are not looked at."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.audit.test_audit_cluster import news_file

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow  # a dozen translint runs
def test_the_large_files_benchmark_runs_small() -> None:
    news = news_file()
    if news is None:
        pytest.skip("shared/bench/news.jsonl (the benchmark's articles) is not on this machine")
    run = subprocess.run([sys.executable, "benchmarks/large_files.py", "--size-mb", "1",
                          "--line-mb", "0.3", "--runs", "1", "--data", str(news.parent)],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    rows = [line for line in run.stdout.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| Input | Median s |")
    labels = [re.sub(r"[\d,]+ files", "N files", row.split(" | ")[0]) for row in rows[1:]]
    assert labels == [
        "| one file of 1 MB, 1 core", "| the same bytes as N files, 1 core",
        "| the same bytes as N files, 2 cores", "| one line of 0.3 MB, 1 core",
        "| the same bytes as N files, 1 core", "| the same bytes as N files, 2 cores"]
