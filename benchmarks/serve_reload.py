"""The reload row of ``benchmarks/serve.py``: a glossary the server serves, rewritten on disk
while 8 clients post articles.

The server serves the bundled glossaries and ``desk.toml`` (in the benchmark's folder), and
polls them for changes once a second (its default). While the clients post, a task rewrites
``desk.toml`` every ``gap`` seconds as editors save (a temporary file renamed over it), each
time a valid change (the entry's variant and note), except the middle rewrite, which breaks
the file (a key without a value): the server must refuse it and keep serving the previous
glossary, and the next valid rewrite repairs it. After each rewrite the task waits for
``/healthz`` to show the reload (or the refusal), so a *reload window* is the time from the
write to the reload seen. ``/metrics`` is read before and after: the reloads and refusals
the server counted. Requests sent inside a reload window and outside one give the two p95s.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

DESK = """\
# The benchmark's desk glossary, rewritten under load.
[glossary]
name = "desk"

[[entry]]
id = "blorvik"
kind = "place"
note = "revision {revision}"
variants = ["{variant}"]
  [entry.forms.en]
  preferred = "Blorvik"
"""
BROKEN = DESK.replace('preferred = "Blorvik"', "preferred = ")
VARIANTS = ("Blorwick", "Blorwyk", "Bloorvik")
SEEN_WITHIN = 60.0  # seconds a rewrite may take to be reloaded (or refused) before it counts lost


def desk_text(revision: int) -> str:
    """A valid desk glossary, different at each revision."""
    return DESK.format(revision=revision, variant=VARIANTS[revision % len(VARIANTS)])


def write_desk(path: Path, text: str) -> None:
    """Save as editors do: a temporary file renamed over the old one."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _get(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
        body: bytes = answer.read()
        return body


def reload_counts(port: int) -> tuple[int, int]:
    """Reloads done and refused, as ``/metrics`` counts them."""
    counts = {}
    for line in _get(port, "/metrics").decode("utf-8").splitlines():
        name, _, value = line.partition(" ")
        if name in ("translint_reloads_total", "translint_reload_failures_total"):
            counts[name] = int(float(value))
    return counts["translint_reloads_total"], counts["translint_reload_failures_total"]


@dataclass
class Rewrites:
    """What the rewriting task did and saw."""

    valid: int = 0
    invalid: int = 0
    windows: list[tuple[float, float]] = field(default_factory=list)  # write, reload seen
    unseen: int = 0  # rewrites the server did not reload (or refuse) within SEEN_WITHIN
    served_broken: bool = False  # /healthz named no error after the broken rewrite
    reloads: int = 0  # counted by /metrics over the row
    refused: int = 0


async def rewrite(port: int, path: Path, count: int, gap: float, done: Rewrites) -> None:
    """``count`` rewrites of ``path``, ``gap`` seconds apart; the middle one broken."""
    broken_at = count // 2
    for number in range(count):
        await asyncio.sleep(gap)
        health = json.loads(await asyncio.to_thread(_get, port, "/healthz"))
        key = "failed_reloads" if number == broken_at else "reloads"
        before = health[key]
        write_desk(path, BROKEN if number == broken_at else desk_text(number + 1))
        written = time.perf_counter()
        if number == broken_at:
            done.invalid += 1
        else:
            done.valid += 1
        while True:
            health = json.loads(await asyncio.to_thread(_get, port, "/healthz"))
            if health[key] > before:
                done.windows.append((written, time.perf_counter()))
                if number == broken_at and not health["reload_error"]:
                    done.served_broken = True
                break
            if time.perf_counter() - written > SEEN_WITHIN:
                done.unseen += 1
                break
            await asyncio.sleep(0.05)


def during(sent: Sequence[float], latencies: Sequence[float],
           windows: Sequence[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """The latencies of the requests sent inside a reload window, and of the others."""
    inside: list[float] = []
    outside: list[float] = []
    for at, latency in zip(sent, latencies, strict=True):
        if any(start <= at <= end for start, end in windows):
            inside.append(latency)
        else:
            outside.append(latency)
    return inside, outside


def p95_ms(latencies: Sequence[float]) -> float:
    ordered = sorted(latencies)
    if not ordered:
        return float("nan")
    return 1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def problems(done: Rewrites) -> list[str]:
    """What makes the row fail: a rewrite not reloaded, a broken file served, counts off."""
    found = []
    if done.unseen:
        found.append(f"reload row: {done.unseen} rewrite(s) not reloaded within "
                     f"{SEEN_WITHIN:g} s")
    if done.served_broken:
        found.append("reload row: the broken glossary was not refused")
    if (done.reloads, done.refused) != (done.valid, done.invalid):
        found.append(f"reload row: /metrics counted {done.reloads} reloads and "
                     f"{done.refused} refusals for {done.valid} valid and {done.invalid} "
                     "broken rewrites")
    return found


if __name__ == "__main__":
    sys.exit("run benchmarks/serve.py; this is its reload row")
