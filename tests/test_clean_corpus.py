"""Precision: native, well-edited copy in four languages must yield no finding at all.

The corpus (tests/corpus/clean/<lang>/*.md) was written for this test: original news
articles on many beats, with the typography, number formats, loanwords and diacritics
that native copy really has, and the house spellings of the bundled glossary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translint.linter import Linter

from .conftest import TESTS

CLEAN = TESTS / "corpus" / "clean"
LANGUAGES = ("en", "es", "fr", "de")
FILES = sorted(CLEAN.glob("*/*.md"))


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.from_paths()


def test_corpus_is_large_enough() -> None:
    for lang in LANGUAGES:
        words = sum(len(path.read_text(encoding="utf-8").split())
                    for path in (CLEAN / lang).glob("*.md"))
        assert words >= 5000, f"{lang}: only {words} words of clean copy"


@pytest.mark.parametrize("path", FILES, ids=[f"{path.parent.name}/{path.stem}" for path in FILES])
def test_clean_copy_has_no_findings(linter: Linter, path: Path) -> None:
    document = linter.make_document(path.read_text(encoding="utf-8"), str(path))
    assert document.lang == path.parent.name
    findings = linter.check_document(document)
    assert [f"{f.line}:{f.column} {f.code} {f.text!r} {f.message}" for f in findings] == []
