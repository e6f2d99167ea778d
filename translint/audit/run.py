"""Run an audit on Dask: a ``LocalCluster`` on loopback (one single-threaded worker process
per core) or the scheduler of an existing cluster; the linter's recipe scattered to every
worker once; one task a partition. Each finished partition is written at once as its own
part files (atomically: a temporary name, then a rename), so that an interrupted run
re-run with ``resume`` checks only what is missing; at the end the parts are joined into
``findings.jsonl`` (in partition order) and the summary and report are written.

A worker lost mid-run is Dask's to handle: the scheduler gives its tasks to the others."""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from translint.audit.plan import Partition, Plan, make_plan
from translint.audit.report import render_report
from translint.audit.summary import build_summary
from translint.audit.tally import PartResult, Tally
from translint.audit.work import AuditSettings, Recipe, check_partition
from translint.errors import TranslintError
from translint.runner import usable_cpus

MANIFEST = "manifest.json"
FINDINGS = "findings.jsonl"
SUMMARY = "summary.json"
REPORT = "report.html"
PARTS = "parts"


@dataclass
class Outcome:
    """What a run did: partitions checked now and skipped (``resume``), the merged tally,
    the summary written, and the seconds spent."""

    checked: int = 0
    skipped: int = 0
    tally: Tally = field(default_factory=Tally)
    summary: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _part_paths(parts: Path, partition: Partition) -> tuple[Path, Path]:
    return parts / f"{partition.name}.jsonl", parts / f"{partition.name}.tally.pickle"


def _write_part(parts: Path, partition: Partition, result: PartResult) -> None:
    """The tally first, the findings last: a part counts as written once its findings
    file exists."""
    findings, tally = _part_paths(parts, partition)
    write_atomically(tally, pickle.dumps(result.tally, protocol=pickle.HIGHEST_PROTOCOL))
    write_atomically(findings, "".join(line + "\n" for line in result.lines).encode("utf-8"))


def _prepare_out(out: Path, plan: Plan, resume: bool) -> set[int]:
    """Create the output folder; the partitions already written when resuming."""
    parts = out / PARTS
    manifest = out / MANIFEST
    if resume and manifest.is_file():
        try:
            digest = json.loads(manifest.read_text(encoding="utf-8")).get("digest")
        except (OSError, ValueError, AttributeError):
            digest = None
        if digest != plan.digest:
            raise TranslintError(f"--resume: {out} holds an audit of other inputs or settings; "
                                 "give the same archive and options, or another --out")
    elif parts.exists():
        shutil.rmtree(parts)  # a previous run's parts, not to be mixed with this one's
    try:
        parts.mkdir(parents=True, exist_ok=True)
        write_atomically(manifest, json.dumps({"digest": plan.digest, "partitions": len(
            plan.partitions)}).encode("utf-8"))
    except OSError as error:
        raise TranslintError(f"--out: {out} cannot be written: {error.strerror or error}"
                             ) from None
    return {partition.number for partition in plan.partitions
            if all(path.exists() for path in _part_paths(parts, partition))}


def _client(scheduler: str | None, workers: int | None) -> Any:
    """A Dask client: of the scheduler at ``scheduler``, else of a new local cluster."""
    from distributed import Client

    if scheduler is not None:
        try:
            return Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as error:
            raise TranslintError(f"--scheduler: no Dask scheduler answers at {scheduler} "
                                 f"({error})") from None
    return Client(local_cluster(workers))


def local_cluster(workers: int | None = None) -> Any:
    """A Dask cluster on this machine's loopback with ``workers`` single-threaded worker
    processes (one per usable core by default), as ``translint audit`` starts it."""
    import dask
    from distributed import LocalCluster

    # Without Dask's sampling profiler: it reads the worker's stacks every 10 ms, which cost
    # the checks about a fifth more CPU (docs/speed.md, "Archive audits"). Given to
    # each worker's nanny, so that a worker started again after a loss has it off too (the
    # nanny replaces whole top-level sections: the whole of "distributed" is given).
    settings = dask.config.merge(dask.config.config,
                                 {"distributed": {"worker": {"profile": {"enabled": False}}}})
    no_profiler = {"distributed": settings["distributed"]}
    # silence_logs: a worker's heartbeat that meets the scheduler closing at the end of a run
    # logged an ERROR with two tracebacks; a task that fails reaches the audit as an error.
    return LocalCluster(n_workers=workers or usable_cpus(), threads_per_worker=1,
                        processes=True, host="127.0.0.1", dashboard_address=None,
                        config=no_profiler, silence_logs=logging.CRITICAL)


def run_audit(paths: Sequence[str], out: Path, recipe: Recipe, settings: AuditSettings, *,
              scheduler: str | None = None, workers: int | None = None,
              partition_size: int = 500, resume: bool = False,
              include: tuple[str, ...] | None = None, exclude: tuple[str, ...] = (),
              progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Audit ``paths`` into the folder ``out``; see the module's docstring."""
    began = time.perf_counter()
    linter = recipe.build()  # a bad configuration fails here, before any cluster starts
    described = {**asdict(settings), "partition_size": partition_size,
                 "include": include, "exclude": exclude}
    plan = make_plan(paths, partition_size, described,
                     include or recipe.options.include, exclude or recipe.options.exclude)
    if not plan.partitions and not plan.errors:
        raise TranslintError(f"no file to audit in {', '.join(paths)} (checked: "
                             f"{' '.join(include or recipe.options.include)})")
    outcome = Outcome()
    outcome.tally.unreadable.extend({"path": error.path or "", "error": str(error)}
                                    for error in plan.errors)
    done = _prepare_out(out, plan, resume)
    parts = out / PARTS
    todo = [partition for partition in plan.partitions if partition.number not in done]
    for partition in plan.partitions:
        if partition.number in done:
            with open(_part_paths(parts, partition)[1], "rb") as stream:
                outcome.tally.merge(pickle.load(stream))
    outcome.skipped = len(done)
    if todo:
        _run_partitions(todo, parts, recipe, settings, scheduler, workers, outcome, progress)
    _join_parts(out, parts, plan)
    meta = {"archive": list(paths), "partitions": len(plan.partitions),
            "partitions_resumed": outcome.skipped, "settings": described}
    outcome.summary = build_summary(outcome.tally, linter, meta)
    write_atomically(out / SUMMARY, json.dumps(outcome.summary, ensure_ascii=False,
                                               indent=1).encode("utf-8"))
    write_atomically(out / REPORT, render_report(outcome.summary).encode("utf-8"))
    outcome.seconds = time.perf_counter() - began
    return outcome


def _run_partitions(todo: list[Partition], parts: Path, recipe: Recipe,
                    settings: AuditSettings, scheduler: str | None, workers: int | None,
                    outcome: Outcome, progress: Callable[[int, int], None] | None) -> None:
    from distributed import as_completed

    logging.getLogger("distributed").setLevel(logging.ERROR)
    by_number = {partition.number: partition for partition in todo}
    run = uuid.uuid4().hex  # task keys of this run only, whatever else the cluster runs
    client = _client(scheduler, workers)
    try:
        shipped = client.scatter(recipe, broadcast=True)
        futures = [client.submit(check_partition, shipped, settings, partition, pure=False,
                                 retries=1, key=f"translint-audit-{run}-{partition.name}")
                   for partition in todo]
        for future in as_completed(futures):
            result: PartResult = future.result()
            future.release()
            _write_part(parts, by_number[result.number], result)
            outcome.tally.merge(result.tally)
            outcome.checked += 1
            if progress is not None:
                progress(outcome.skipped + outcome.checked, outcome.skipped + len(todo))
    finally:
        cluster = client.cluster if scheduler is None else None
        client.close()
        if cluster is not None:
            cluster.close()


def _join_parts(out: Path, parts: Path, plan: Plan) -> None:
    """``findings.jsonl``: the part files in partition order."""
    temporary = out / f".{FINDINGS}.{os.getpid()}.tmp"
    with open(temporary, "wb") as joined:
        for partition in plan.partitions:
            with open(_part_paths(parts, partition)[0], "rb") as part:
                shutil.copyfileobj(part, joined)
    os.replace(temporary, out / FINDINGS)
