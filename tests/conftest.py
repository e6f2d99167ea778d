"""Shared helpers for the test suite."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from translint.glossary.cache import CACHE_ENV

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CASES = TESTS / "cases"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def load_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML fixture file."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed article, the first real input every change must still handle."""
    return next((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(autouse=True, scope="session")
def glossary_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Runs of ``translint check`` in the tests cache glossaries here, not in ~/.cache."""
    folder = tmp_path_factory.mktemp("glossary-cache")
    previous = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if previous is None:
        del os.environ[CACHE_ENV]
    else:
        os.environ[CACHE_ENV] = previous
