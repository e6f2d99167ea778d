"""Shared helpers for the test suite."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

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
