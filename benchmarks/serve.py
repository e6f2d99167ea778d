#!/usr/bin/env python3
"""How many stories ``translint serve`` checks, how fast, against spawning ``translint check``.

Run it with ``make bench-serve`` or ``python benchmarks/serve.py [--quick] [--smoke]``. It
writes under ``benchmarks/work/serve/`` (git-ignored): the server's log and ``results.md``
(the table, also printed).

Method
------
Server
    ``translint serve --no-config --port P --glossary @bundled --glossary desk.toml`` as a
    real process on loopback (the bundled glossaries and a one-entry desk glossary the reload
    row rewrites; every check, language detected: what ``translint check`` does without a
    configuration),
    started by this script and stopped at the end; its log goes to ``server.log``. Both the
    server and the CLI get ``TRANSLINT_CACHE_DIR`` pointed at a folder of the benchmark's, filled
    before anything is measured, so the CLI rows are an editor's second and later runs.
Clients
    N clients (1, 8, 32) in this one process, each an asyncio task holding one keep-alive HTTP/1.1
    connection (a minimal client on asyncio streams: no third-party client, little CPU per
    request), posting ``{"text": story}`` to ``/v1/check`` one after the other for ``--seconds``.
    The stories are the 2,315 real articles of ``shared/bench/news.jsonl`` (read from there, never
    copied), each client starting at its own place in the list. A request counts when the answer
    is 200 and a JSON object with ``findings``; anything else (another status, a broken
    connection) is an error, counted and shown. Latency is from sending the request to having
    read the whole answer. The client's own CPU time (``time.process_time``) and the server's
    (``/proc/PID/stat``) are reported as a share of one core over the wall time: a client near
    1.0 would be measuring itself.
5 KB story
    The same at 8 clients with only the articles of 4.5-5.5 KB (UTF-8): the p95 target (under
    50 ms on two cores).
CLI
    The same stories through ``translint check - --format json --no-config`` (the story on
    standard input), one process per story, as a CMS without the server does, ``os.cpu_count()``
    processes at a time (so both sides may use every core), for ``--seconds``: stories per second.
    The ratio is the server's requests/s at 8 clients over this, both measured in this run.
Memory
    The server's resident memory (``VmRSS`` of ``/proc/PID/status``) after the warm-up, after
    ``--memory-requests`` more (default 10,000, at 8 clients), after the load rows, and after
    another ``--memory-requests``: the first pair shows what a fresh server grows by, the
    second whether it keeps growing once warm.
Repetition
    Each load row is run ``--runs`` times, the levels alternating; the table gives the median of
    the runs of each figure (requests/s, and each latency percentile). The machine has 2 shared
    cores: read the ratio, measured in the same run, rather than the absolute numbers.

Glossary reload
    The server also serves ``desk.toml`` (beside the bundled glossaries); the same 8 clients
    post all articles while ``desk.toml`` is rewritten on disk every 2 s (0.3 s in a smoke
    run), one rewrite in the middle broken: requests and errors (none may fail), the reloads
    and refusals ``/metrics`` counted, p95 of the requests sent while a reload was pending
    against the others' (method in ``serve_reload.py``).

Size: 450+ lines, one script a reader follows from top to bottom (server, clients, CLI,
table); the reload row's own parts are in ``serve_reload.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from serve_reload import (
    Rewrites,
    desk_text,
    during,
    p95_ms,
    problems,
    reload_counts,
    rewrite,
    write_desk,
)

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / "work" / "serve"
LEVELS = (1, 8, 32)
STORY_BYTES = (4_500, 5_500)  # the "5 KB story" row


def find_data() -> Path:
    """``shared/bench`` beside the repository or beside one of its parents (a worktree)."""
    for folder in REPO.parents:
        candidate = folder / "shared" / "bench"
        if (candidate / "news.jsonl").exists():
            return candidate
    return REPO.parent / "shared" / "bench"


def read_articles(path: Path) -> list[str]:
    """The texts of the news articles."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def status(message: str) -> None:
    """Progress on standard error."""
    print(message, file=sys.stderr, flush=True)


def translint_command() -> str:
    """The ``translint`` console script of this virtualenv, else the one on PATH."""
    beside = Path(sys.executable).parent / "translint"
    return str(beside) if beside.exists() else "translint"


# ---------------------------------------------------------------------------------------------
# The server process
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """``translint serve`` as a child process, its log in a file."""

    def __init__(self, work: Path, env: dict[str, str], glossaries: Sequence[str] = ()) -> None:
        self.port = free_port()
        self.log = (work / "server.log").open("w", encoding="utf-8")
        served = [argument for path in glossaries for argument in ("--glossary", path)]
        self.process = subprocess.Popen(
            [translint_command(), "serve", "--no-config", "--port", str(self.port), *served],
            cwd=work, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"translint serve exited {self.process.returncode}: see "
                                 f"{work / 'server.log'}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz",
                                            timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise SystemExit("translint serve did not answer /healthz within 120 s")
            time.sleep(0.1)

    def rss_mb(self) -> float:
        """Resident memory now, MB."""
        return _status_kb(self.process.pid, "VmRSS") / 1024

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {key} in /proc/{pid}/status")


# ---------------------------------------------------------------------------------------------
# Clients: keep-alive HTTP/1.1 on asyncio streams
# ---------------------------------------------------------------------------------------------


@dataclass
class Load:
    """What one load run measured."""

    clients: int
    wall: float = 0.0
    latencies: list[float] = field(default_factory=list)
    sent: list[float] = field(default_factory=list)  # when each of ``latencies`` was sent
    errors: list[str] = field(default_factory=list)
    client_cpu: float = 0.0
    server_cpu: float = 0.0

    def per_second(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0

    def percentile(self, share: float) -> float:
        """Latency at this share (0-1), in ms."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def encode_request(port: int, story: str) -> bytes:
    body = json.dumps({"text": story}).encode("utf-8")
    head = (f"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("ascii") + body


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """Status and body of one answer (uvicorn sends Content-Length for JSON)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    code = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    return code, await reader.readexactly(length)


async def client(port: int, requests: Sequence[bytes], start: int, until: float, limit: int,
                 load: Load, counter: list[int]) -> None:
    """Post stories one after the other on one connection until ``until`` or ``limit``."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    index = start
    try:
        while time.perf_counter() < until and counter[0] < limit:
            counter[0] += 1
            payload = requests[index % len(requests)]
            index += 1
            sent = time.perf_counter()
            try:
                writer.write(payload)
                code, body = await read_answer(reader)
            except (OSError, asyncio.IncompleteReadError) as error:
                load.errors.append(f"{type(error).__name__}: {error}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            elapsed = time.perf_counter() - sent
            if code == 200 and body.startswith(b"{") and b'"findings"' in body:
                load.latencies.append(elapsed)
                load.sent.append(sent)
            else:
                load.errors.append(f"{code}: {body[:200]!r}")
    finally:
        writer.close()


def run_load(server: Server, requests: Sequence[bytes], clients: int, seconds: float,
             limit: int = sys.maxsize,
             beside: Callable[[], Coroutine[Any, Any, None]] | None = None) -> Load:
    """``clients`` concurrent clients for ``seconds`` (or ``limit`` requests in all); with
    ``beside``, that task runs with them and they stop when it ends."""
    load = Load(clients)
    counter = [0]
    step = max(1, len(requests) // clients)

    async def main() -> None:
        until = time.perf_counter() + seconds
        tasks = [asyncio.create_task(client(server.port, requests, number * step, until, limit,
                                            load, counter)) for number in range(clients)]
        if beside is not None:
            await beside()
            counter[0] = limit  # the clients stop before their next request
        await asyncio.gather(*tasks)

    cpu, server_cpu, wall = time.process_time(), server.cpu_seconds(), time.perf_counter()
    asyncio.run(main())
    load.wall = time.perf_counter() - wall
    load.client_cpu = (time.process_time() - cpu) / load.wall
    load.server_cpu = (server.cpu_seconds() - server_cpu) / load.wall
    return load


# ---------------------------------------------------------------------------------------------
# The CLI, one process per story
# ---------------------------------------------------------------------------------------------


@dataclass
class Spawned:
    """Stories checked by spawning ``translint check``."""

    stories: int
    wall: float
    errors: list[str]

    def per_second(self) -> float:
        return self.stories / self.wall


def run_cli(work: Path, stories: Sequence[str], seconds: float, parallel: int,
            env: dict[str, str], limit: int = sys.maxsize) -> Spawned:
    """``parallel`` processes at a time, one per story, for ``seconds`` (or ``limit``)."""
    argv = [translint_command(), "check", "-", "--format", "json", "--no-config"]
    running: list[subprocess.Popen[bytes]] = []
    errors: list[str] = []
    done = index = 0
    start = time.perf_counter()
    until = start + seconds

    def reap(process: subprocess.Popen[bytes]) -> None:
        nonlocal done
        out, err = process.communicate()
        if process.returncode in (0, 1) and b'"findings"' in out:
            done += 1
        else:
            errors.append(f"exit {process.returncode}: {err[-200:]!r}")

    while time.perf_counter() < until and index < limit:
        while len(running) < parallel and index < limit:
            process = subprocess.Popen(argv, cwd=work, env=env, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            assert process.stdin is not None
            process.stdin.write(stories[index % len(stories)].encode("utf-8"))
            process.stdin.close()
            process.stdin = None
            running.append(process)
            index += 1
        finished = running.pop(0)
        reap(finished)
    for process in running:
        reap(process)
    return Spawned(done, time.perf_counter() - start, errors)


# ---------------------------------------------------------------------------------------------
# The run and its table
# ---------------------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def load_row(name: str, loads: Sequence[Load]) -> str:
    errors = sum(len(load.errors) for load in loads)
    requests = sum(len(load.latencies) for load in loads)
    return (f"| {name} | {median([load.per_second() for load in loads]):.1f} "
            f"| {median([load.percentile(0.50) for load in loads]):.1f} "
            f"| {median([load.percentile(0.95) for load in loads]):.1f} "
            f"| {median([load.percentile(0.99) for load in loads]):.1f} "
            f"| {requests:,} | {errors} "
            f"| {median([load.server_cpu for load in loads]):.2f} "
            f"| {median([load.client_cpu for load in loads]):.2f} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=find_data(),
                        help="folder with news.jsonl (default: shared/bench beside the repository)")
    parser.add_argument("--seconds", type=float, default=15.0, help="per load run (default 15)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each row (default 3)")
    parser.add_argument("--memory-requests", type=int, default=10_000,
                        help="requests between the two memory readings (default 10,000)")
    parser.add_argument("--work", type=Path, default=WORK,
                        help=f"folder for the log, the cache and results.md (default {WORK})")
    parser.add_argument("--quick", action="store_true",
                        help="short run: 3 s a row, 1 run, 1,000 requests for memory")
    parser.add_argument("--smoke", action="store_true",
                        help="a few requests per row, to show the script works (no figures)")
    options = parser.parse_args(argv)
    if options.quick:
        options.seconds, options.runs, options.memory_requests = 3.0, 1, 1_000
    limit = 6 if options.smoke else sys.maxsize
    if options.smoke:
        options.runs, options.memory_requests = 1, 20
    news = options.data / "news.jsonl"
    if not news.exists():
        print(f"error: {news} not found; give the folder holding news.jsonl with --data",
              file=sys.stderr)
        return 2
    stories = read_articles(news)
    sized = [text for text in stories
             if STORY_BYTES[0] <= len(text.encode("utf-8")) <= STORY_BYTES[1]]
    work: Path = options.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TRANSLINT_CACHE_DIR": str(work / "glossary-cache")}
    parallel = os.cpu_count() or 1
    load_before = os.getloadavg()[0]

    status("filling the glossary cache and warming the CLI")
    run_cli(work, stories[:1], 60, 1, env, limit=1)
    status("starting translint serve")
    desk = work / "desk.toml"
    write_desk(desk, desk_text(0))
    server = Server(work, env, ("@bundled", str(desk)))
    rewrites = 3 if options.smoke else max(3, round(options.seconds / 2))
    gap = 0.3 if options.smoke else 2.0
    reloading: list[tuple[Load, Rewrites]] = []
    try:
        requests = [encode_request(server.port, text) for text in stories]
        sized_requests = [encode_request(server.port, text) for text in sized]
        warm = run_load(server, requests, 2, 60, limit=20 if options.smoke else 200)
        if warm.errors:
            raise SystemExit(f"the warm-up failed: {warm.errors[0]}")
        rss_before = server.rss_mb()
        status(f"memory: {options.memory_requests:,} requests at 8 clients")
        first = run_load(server, requests, 8, 3600, limit=options.memory_requests)
        rss_first = server.rss_mb()
        loads: dict[str, list[Load]] = {}
        cli: list[Spawned] = []
        for run in range(options.runs):
            for clients in LEVELS:
                status(f"run {run + 1}: {clients} client(s), all articles")
                name = f"all articles, {clients} client{'s' if clients > 1 else ''}"
                loads.setdefault(name, []).append(
                    run_load(server, requests, clients, options.seconds, limit))
            status(f"run {run + 1}: 8 clients, 5 KB stories")
            loads.setdefault("5 KB stories, 8 clients", []).append(
                run_load(server, sized_requests, 8, options.seconds, limit))
            status(f"run {run + 1}: 8 clients, desk.toml rewritten {rewrites} times")
            done = Rewrites()
            counted = reload_counts(server.port)
            load = run_load(server, requests, 8, 3600, beside=lambda done=done: rewrite(
                server.port, desk, rewrites, gap, done))
            now = reload_counts(server.port)
            done.reloads, done.refused = now[0] - counted[0], now[1] - counted[1]
            reloading.append((load, done))
            loads.setdefault("all articles, 8 clients, glossary reloading", []).append(load)
            status(f"run {run + 1}: translint check, one process per story")
            cli.append(run_cli(work, stories, options.seconds, parallel, env, limit))
        status(f"memory: {options.memory_requests:,} requests at 8 clients")
        rss_mid = server.rss_mb()
        second = run_load(server, requests, 8, 3600, limit=options.memory_requests)
        rss_after = server.rss_mb()
    finally:
        server.stop()

    load_after = os.getloadavg()[0]
    server_rate = median([load.per_second() for load in loads["all articles, 8 clients"]])
    cli_rate = median([spawned.per_second() for spawned in cli])
    sized_p95 = median([load.percentile(0.95) for load in loads["5 KB stories, 8 clients"]])
    errors = [error for rows in loads.values() for load in rows for error in load.errors]
    errors += [error for spawned in cli for error in spawned.errors] + first.errors + second.errors
    errors += [problem for _, done in reloading for problem in problems(done)]
    inside = [during(load.sent, load.latencies, done.windows) for load, done in reloading]
    lines = [
        f"Measured {date.today().isoformat()}: {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average (1 min) before: {load_before:.2f}, "
        f"after: {load_after:.2f}"
        + (" (**other processes competed for the cores: the times are not reliable; run it "
           "again on an idle machine**). " if max(load_before, load_after) > parallel else ". ")
        + ("Smoke run: a few requests a row, not a measurement. " if options.smoke else
           f"{options.seconds:g} s a row, median of {options.runs} run(s); ")
        + f"{len(stories):,} articles (median "
        f"{median([len(s.encode()) for s in stories]) / 1000:.1f} KB), "
        f"{len(sized)} of 4.5-5.5 KB.",
        "",
        "| Load | Requests/s | p50 ms | p95 ms | p99 ms | Requests | Errors | Server CPU "
        "| Client CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(load_row(name, rows) for name, rows in loads.items()),
        f"| `translint check` per story, {parallel} at a time | "
        f"{cli_rate:.1f} | | | | {sum(s.stories for s in cli):,} "
        f"| {sum(len(s.errors) for s in cli)} | | |",
        "",
        (f"- Throughput, server at 8 clients / CLI per story: **{server_rate / cli_rate:.1f}×** "
         "(target ≥ 20×)." if cli_rate else "- Throughput ratio: no CLI run succeeded."),
        f"- p95 of a 5 KB story at 8 clients: **{sized_p95:.1f} ms** (target < 50 ms).",
        f"- Server memory (RSS): {rss_before:.1f} MB after the warm-up, {rss_first:.1f} MB "
        f"after {len(first.latencies):,} more requests; {rss_mid:.1f} MB after the load rows, "
        f"**{rss_after:.1f} MB** after {len(second.latencies):,} more "
        f"({len(first.errors) + len(second.errors)} errors) (target: flat).",
        f"- Glossary rewritten on disk under load ({len(reloading)} run(s)): "
        f"{sum(done.valid for _, done in reloading)} valid rewrites, "
        f"{sum(done.reloads for _, done in reloading)} reloads counted by /metrics; "
        f"{sum(done.invalid for _, done in reloading)} broken rewrite(s), "
        f"{sum(done.refused for _, done in reloading)} refused (the old glossary kept "
        f"serving); **{sum(len(load.errors) for load, _ in reloading)} errors** in "
        f"{sum(len(load.latencies) for load, _ in reloading):,} requests. p95 of requests "
        f"sent while a reload was pending: "
        f"{median([p95_ms(pending) for pending, _ in inside]):.1f} ms "
        f"({sum(len(pending) for pending, _ in inside):,} requests), of the others "
        f"{median([p95_ms(others) for _, others in inside]):.1f} ms.",
        "",
        "CPU columns: CPU seconds per wall second (1.0 = one core busy).",
    ]
    if errors:
        lines += ["", f"Errors ({len(errors)}), first: {errors[0]}"]
    table = "\n".join(lines)
    print(table)
    (work / "results.md").write_text(table + "\n", encoding="utf-8")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
