"""Shared helpers for the test suite."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from translint.cli import run
from translint.glossary.cache import CACHE_ENV
from translint.glossary.load import bundled_glossary_paths

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CASES = TESTS / "cases"
# A desk's own phrasing pack of one rule, for tests of user packs.
HOUSE_PACK = '''[pack]
id = "house-en"
source = ["es"]
target = "en"

[[rule]]
id = "with-basis-in"
pattern = "with basis in"
message = "Calque of Spanish 'con base en'."
suggestions = ["based on"]
examples.match = ["Officials spoke with basis in the report."]
examples.no_match = ["Officials spoke on the basis of the report."]
'''

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def bundled_glossary(name: str) -> Path:
    """The bundled glossary file ``glossaries/<name>.toml`` (there are several)."""
    found = [path for path in bundled_glossary_paths() if path.stem == name]
    assert found, f"no bundled glossary {name!r}"
    return found[0]


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


@dataclass
class CliResult:
    """What one run of the ``translint`` command did."""

    returncode: int
    stdout: str
    stderr: str
    stdout_bytes: bytes

    @property
    def errors(self) -> list[str]:
        """The lines of standard error."""
        return self.stderr.splitlines()


def invoke_cli(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
               env: dict[str, str] | None = None) -> CliResult:
    """Run ``translint ARGS`` in this process, as the console script would (the same
    exit codes, standard output guarded), with standard input ``input`` and the working
    folder ``cwd`` (default: the repository)."""
    previous = os.getcwd()
    os.chdir(cwd or ROOT)
    try:
        with CliRunner().isolation(input=input, env={"NO_COLOR": "1", **(env or {})}) as (
                out, err, _):
            code = run(list(args))
            sys.stdout.flush()
            sys.stderr.flush()
            stdout, stderr = out.getvalue(), err.getvalue()
    finally:
        os.chdir(previous)
    return CliResult(code, stdout.decode("utf-8", "replace"),
                     stderr.decode("utf-8", "replace"), stdout)


@pytest.fixture
def run_cli() -> Callable[..., CliResult]:
    """``run_cli(*args, input=…, cwd=…, env=…)``: run a ``translint`` command in this
    process; its exit code (``returncode``), ``stdout`` and ``stderr``."""
    return invoke_cli
