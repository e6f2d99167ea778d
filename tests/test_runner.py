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
