"""Check many inputs: find the files, read them, check them on every core, report progress."""

from __future__ import annotations

import fnmatch
import functools
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from translint.errors import InputError, TranslintError
from translint.findings import Finding, Report
from translint.linter import Linter
from translint.text.read import decode_text, read_text_file

DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown")
STDIN = "-"
# Below this much input one process is faster than starting a pool.
PARALLEL_MIN_BYTES = 512 * 1024
PARALLEL_MIN_FILES = 4


@dataclass(frozen=True)
class FileResult:
    """What checking one input produced."""

    path: str
    findings: list[Finding]
    characters: int = 0
    error: TranslintError | None = None


def discover(paths: Iterable[str], include: tuple[str, ...] = DEFAULT_INCLUDE,
             exclude: tuple[str, ...] = ()) -> Iterator[str]:
    """Expand directories (recursively, sorted) into the files to check.

    Files named explicitly are always checked; files found in directories must match an
    ``include`` glob and no ``exclude`` glob (globs match the name or the relative path).
    Hidden files and directories are skipped.
    """
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        for root, directories, files in os.walk(path):
            directories[:] = sorted(name for name in directories if not name.startswith(".")
                                    and not _matches(os.path.join(root, name), name, exclude))
            for name in sorted(files):
                full = os.path.join(root, name)
                if name.startswith(".") or not _matches(full, name, include):
                    continue
                if not _matches(full, name, exclude):
                    yield full


def _matches(path: str, name: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return False
    by_name, by_path = _globs(patterns)
    posix = path.replace(os.sep, "/")
    return by_name.match(os.path.normcase(name)) is not None or (
        by_path.match(os.path.normcase(posix)) is not None)


@functools.lru_cache(maxsize=64)
def _globs(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Expressions for a name, and for a relative path, that match one of ``patterns``
    (as fnmatch does, the path also when a pattern matches its end after a slash)."""
    def translated(glob: str) -> str:
        return fnmatch.translate(os.path.normcase(glob))
    by_name = "|".join(translated(pattern) for pattern in patterns)
    by_path = "|".join(translated(glob) for pattern in patterns
                       for glob in (pattern, f"*/{pattern}"))
    return re.compile(by_name), re.compile(by_path)


def check_file(linter: Linter, path: str, stdin_name: str | None = None) -> FileResult:
    """Read and check one input (``-`` is standard input)."""
    display = (stdin_name or "<stdin>") if path == STDIN else path
    try:
        if path == STDIN:
            text = decode_text(sys.stdin.buffer.read(), display)
        else:
            text = read_text_file(path)
    except InputError as error:
        return FileResult(display, [], 0, error)
    findings = linter.check_text(text, display)
    return FileResult(display, findings, len(text))


_worker_linter: Linter | None = None


def _init_worker(linter: Linter) -> None:
    global _worker_linter
    _worker_linter = linter


def _check_in_worker(path: str) -> FileResult:
    assert _worker_linter is not None
    return check_file(_worker_linter, path)


def run(linter: Linter, files: list[str], jobs: int | None = None,
        stdin_name: str | None = None,
        progress: Callable[[int, int, int, float], None] | None = None) -> Report:
    """Check ``files`` and collect a report; ``jobs`` > 1 checks on several processes."""
    report = Report()
    started = time.perf_counter()
    for done, result in enumerate(_results(linter, files, jobs, stdin_name), start=1):
        report.files += 1
        report.characters += result.characters
        report.findings.extend(result.findings)
        if result.error is not None:
            report.errors.append(result.error)
        if progress is not None:
            progress(done, len(files), report.characters, time.perf_counter() - started)
    return report


def _results(linter: Linter, files: list[str], jobs: int | None,
             stdin_name: str | None) -> Iterator[FileResult]:
    workers = _worker_count(files, jobs)
    if workers <= 1:
        for path in files:
            yield check_file(linter, path, stdin_name)
        return
    linter.prepare()
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker, initargs=(linter,)) as pool:
        # Large chunks (up to 256 files, at least 8 per worker): fewer messages for the
        # parent to receive and unpickle while the workers check; 4 % faster than 64.
        chunk = max(1, min(256, len(files) // (workers * 8)))
        yield from pool.map(_check_in_worker, files, chunksize=chunk)


def _worker_count(files: list[str], jobs: int | None) -> int:
    if STDIN in files:
        return 1
    if jobs is not None:
        return max(1, min(jobs, len(files)))
    if len(files) < PARALLEL_MIN_FILES:
        return 1
    size = 0
    for path in files:
        try:
            size += os.path.getsize(path)
        except OSError:
            continue
        if size >= PARALLEL_MIN_BYTES:
            return min(os.cpu_count() or 1, len(files))
    return 1
