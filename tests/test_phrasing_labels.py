"""Our phrasing labels (benchmarks/labels/): ids and offsets only, well formed, and, where the
shared texts are at hand, still pointing at the texts they were made on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import TESTS

BENCHMARKS = TESTS.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from label import FAMILIES  # noqa: E402
from phrasing_data import PHRASING_DEV, by_id  # noqa: E402

LABEL_FILES = sorted((BENCHMARKS / "labels").glob("*/*.jsonl"))


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("path", LABEL_FILES,
                         ids=[f"{path.parent.name}/{path.name}" for path in LABEL_FILES])
def test_a_label_file_holds_ids_offsets_and_families_only(path: Path) -> None:
    assert path.parent.name in ("dev", "heldout")
    for row in _rows(path):
        assert set(row) == {"doc", "sha256", "spans"}, row.get("doc")
        spans = row["spans"]
        assert isinstance(spans, list)
        for start, end, family in spans:
            assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end
            assert family in FAMILIES


@pytest.mark.skipif(not PHRASING_DEV.is_dir(), reason="the shared phrasing data is not here")
def test_labels_point_at_the_texts_they_were_made_on_and_at_their_part() -> None:
    documents = by_id()
    for path in LABEL_FILES:
        for row in _rows(path):
            document = documents[str(row["doc"])]
            assert document.sha256 == row["sha256"], row["doc"]
            assert document.part == path.parent.name, row["doc"]
            spans = row["spans"]
            assert isinstance(spans, list)
            assert all(end <= len(document.text) for _, end, _ in spans)


def test_every_third_document_of_a_group_is_held_out() -> None:
    if not PHRASING_DEV.is_dir():
        pytest.skip("the shared phrasing data is not here")
    documents = by_id()
    pages = sorted(doc for doc in documents if doc.startswith("pages/")
                   and documents[doc].source_lang == "es")
    assert [documents[doc].part for doc in pages[:6]] == ["dev", "dev", "heldout"] * 2
    versions = [doc for doc in documents if doc.startswith("wmt21/") and doc.count("/") == 2]
    by_source: dict[str, set[str]] = {}
    for doc in versions:
        by_source.setdefault(doc.split("/")[1], set()).add(documents[doc].part)
    assert all(len(parts) == 1 for parts in by_source.values())
