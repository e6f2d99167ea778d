#!/usr/bin/env python3
"""How fast ``translint audit`` goes on Dask here, with 1 and 2 workers, against checking
the same articles in one plain process.

Run it with ``python benchmarks/audit.py [--runs 3] [--partition-sizes 100,500]
[--smoke]``. It writes under ``benchmarks/work/audit/`` (git-ignored): the audits'
outputs and ``results.md`` (the table, also printed).

Method
------
Archive
    The 2,315 real articles of ``shared/bench/news.jsonl`` (read from there, never copied),
    audited as JSON Lines records: one partition is a byte range of the file.
Baseline
    The same records checked in this process, one after the other, by the linter ``translint
    check --no-config`` uses (``Linter.from_config``), already built: what one core does
    without Dask. Measured in the same run as the audits, alternating with them.
Audit
    ``translint.audit.run.run_audit`` against a ``LocalCluster`` on loopback of N
    single-threaded worker processes (1, then 2), started before the runs and kept (its start
    is reported apart). Each run is a whole audit as the command does it: a client connecting,
    the linter's recipe scattered to the workers, partitions checked, part files written,
    joined, summary and report written. The first run on a new cluster is shown apart: its
    workers import translint and build the linter (they keep it for later audits with the
    same configuration). Articles/s and MB/s (UTF-8 bytes of the texts) are the median of
    ``--runs`` later runs.
Scheduler overhead
    200 tasks that do nothing, submitted and gathered as the audit does (``as_completed``), on
    the 2-worker cluster: wall time per task, the cost of one partition beyond its work.
Load
    The 1-minute load average before and after: the machine is shared with other jobs, whose
    work shows in these figures. Read the ratios, measured in one run, before the absolutes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / "work" / "audit"
sys.path.insert(0, str(REPO))

from translint.audit.run import local_cluster, run_audit  # noqa: E402
from translint.audit.work import AuditSettings, Recipe  # noqa: E402
from translint.config import Config, check_options, load_configured_glossaries  # noqa: E402


def find_news(data: str | None) -> Path:
    """``news.jsonl`` in ``data``, else in ``shared/bench`` beside the repository or one of
    its parents (a worktree)."""
    if data is not None:
        return Path(data) / "news.jsonl"
    for folder in REPO.parents:
        candidate = folder / "shared" / "bench" / "news.jsonl"
        if candidate.exists():
            return candidate
    return REPO.parent / "shared" / "bench" / "news.jsonl"


def _noop(number: int) -> int:
    return number


def scheduler_overhead(client: Any, tasks: int) -> float:
    """Milliseconds per task of ``tasks`` empty tasks, submitted and gathered."""
    from distributed import as_completed

    began = time.perf_counter()
    futures = [client.submit(_noop, number, pure=False) for number in range(tasks)]
    for future in as_completed(futures):
        future.result()
    return 1000 * (time.perf_counter() - began) / tasks


def _audit(news: Path, config: Config, options: Any, glossaries: Any,
           settings: AuditSettings, cluster: Any, size: int, texts: list[str]) -> float:
    """Seconds of one whole audit of ``news`` on ``cluster``."""
    with tempfile.TemporaryDirectory(dir=WORK) as out:
        outcome = run_audit([str(news)], Path(out), Recipe.of(config, options, glossaries),
                            settings, scheduler=cluster.scheduler_address, partition_size=size)
    assert outcome.summary["documents"] == len(texts)
    return outcome.seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per row (median)")
    parser.add_argument("--workers", default="1,2", help="cluster sizes")
    parser.add_argument("--partition-sizes", default="500",
                        help="records per partition, comma-separated")
    parser.add_argument("--data", help="folder with news.jsonl (default: shared/bench)")
    parser.add_argument("--smoke", action="store_true",
                        help="one run, 1 worker, the first 200 articles: the script works")
    args = parser.parse_args()
    news = find_news(args.data)
    if not news.exists():
        print(f"error: {news} not found; give the folder holding news.jsonl with --data",
              file=sys.stderr)
        return 2
    from distributed import Client

    WORK.mkdir(parents=True, exist_ok=True)
    lines = news.read_text(encoding="utf-8").splitlines()
    if args.smoke:
        args.runs, args.workers = 1, "1"
        subset = WORK / "smoke.jsonl"
        subset.write_text("\n".join(lines[:200]) + "\n", encoding="utf-8")
        news, lines = subset, lines[:200]
    texts = [json.loads(line)["text"] for line in lines]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    config = Config()
    options = check_options(config)
    glossaries = tuple(load_configured_glossaries(config, options.glossaries))
    settings = AuditSettings(base=os.getcwd())
    load_before = os.getloadavg()[0]
    baseline = Recipe.of(config, options, glossaries).build()
    baseline.prepare()
    rows: list[tuple[str, float, int]] = []  # label, seconds, partitions
    base_times: list[float] = []
    overhead = None
    for workers in (int(value) for value in args.workers.split(",")):
        started = time.perf_counter()
        with local_cluster(workers) as cluster, Client(cluster) as client:
            start_seconds = time.perf_counter() - started
            print(f"cluster of {workers} started in {start_seconds:.1f} s", file=sys.stderr)
            if workers == 2 and not args.smoke:
                overhead = statistics.median(scheduler_overhead(client, 200) for _ in range(3))
            cold = _audit(news, config, options, glossaries, settings, cluster, 500, texts)
            rows.append((f"{workers} worker{'s' if workers > 1 else ''}, first run on a new "
                         "cluster", cold, -(-len(texts) // 500)))
            for size in (int(value) for value in args.partition_sizes.split(",")):
                times = []
                for _ in range(args.runs):
                    began = time.perf_counter()
                    for number, text in enumerate(texts):
                        baseline.check_text(text, f"news.jsonl:{number + 1}", "text")
                    base_times.append(time.perf_counter() - began)
                    times.append(_audit(news, config, options, glossaries, settings, cluster,
                                        size, texts))
                rows.append((f"{workers} worker{'s' if workers > 1 else ''}, {size} records "
                             "a partition", statistics.median(times), -(-len(texts) // size)))
    load_after = os.getloadavg()[0]
    base = statistics.median(base_times)
    table = [f"{len(texts):,} articles, {megabytes:.1f} MB; median of {args.runs} runs; "
             f"load average {load_before:.1f} before, {load_after:.1f} after "
             f"({os.cpu_count()} cores)", "",
             "| run | partitions | seconds | articles/s | MB/s | × one process |",
             "|---|---:|---:|---:|---:|---:|",
             f"| one process, no Dask (baseline) | | {base:.2f} | {len(texts) / base:,.0f} | "
             f"{megabytes / base:.2f} | 1.00 |"]
    table += [f"| {label} | {partitions} | {seconds:.2f} | {len(texts) / seconds:,.0f} | "
              f"{megabytes / seconds:.2f} | {base / seconds:.2f} |"
              for label, seconds, partitions in rows]
    if overhead is not None:
        table += ["", f"Scheduler overhead: {overhead:.2f} ms per task (200 empty tasks, "
                      "2 workers, median of 3)."]
    text = "\n".join(table) + "\n"
    (WORK / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
