"""Finding the files to check: include and exclude globs match as fnmatch does."""

from __future__ import annotations

import fnmatch
import os

import pytest

from translint.runner import matches_globs

PATTERNS = [("*.txt", "*.md"), ("drafts",), ("sub/*.md",), ("*/x/*",), ("a?c.txt", "[ab]*"),
            ("**/*.txt",), ("*.TXT",), ("sub",), ()]
PATHS = ["a.txt", "sub/b.md", "x/sub/b.md", "drafts", "top/drafts", "abc.txt", "b", "sub",
         "q/x/y", "A.TXT", "dir.md/file"]


def _fnmatch(path: str, name: str, patterns: tuple[str, ...]) -> bool:
    posix = path.replace(os.sep, "/")
    return any(fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(posix, pattern)
               or fnmatch.fnmatch(posix, f"*/{pattern}") for pattern in patterns)


@pytest.mark.parametrize("patterns", PATTERNS)
def test_globs_match_a_name_or_the_end_of_a_path(patterns: tuple[str, ...]) -> None:
    for path in PATHS:
        for root in ("", "corpus/", "/abs/"):
            full = root + path
            name = os.path.basename(full)
            assert matches_globs(full, name, patterns) == _fnmatch(full, name, patterns), full


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity here")
def test_workers_come_from_the_cpu_affinity_not_the_machine() -> None:
    """A process pinned to one CPU (a container's cpuset, taskset) checks on one process."""
    from translint.runner import usable_cpus, worker_count

    allowed = os.sched_getaffinity(0)
    assert usable_cpus() == len(allowed)
    try:
        os.sched_setaffinity(0, {min(allowed)})
        assert usable_cpus() == 1
        assert worker_count([f"{number}.txt" for number in range(5000)], jobs=8) == 1
    finally:
        os.sched_setaffinity(0, allowed)
