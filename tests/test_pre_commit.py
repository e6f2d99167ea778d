"""The pre-commit hooks, run by the real pre-commit on a scratch git repository.

pre-commit installs translint from this repository into an environment of its own (once
per test session; pip's cache makes it quick after the first time) and runs the hooks
as a desk's repository would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CASES, ROOT

pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
              pytest.mark.slow]


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A desk's repository: stories and a glossary, staged."""
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q")
    git("config", "user.email", "desk@example.org")
    git("config", "user.name", "Desk")
    (tmp_path / "glossaries").mkdir()
    (tmp_path / "glossaries" / "desk.toml").write_bytes((CASES / "glossary.toml").read_bytes())
    (tmp_path / "clean.md").write_text("Talks in Kyiv resumed on Monday.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Talks in Kiev resumed on Monday.\n", encoding="utf-8")
    git("add", ".")
    return tmp_path


def _hook(desk: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files],
        cwd=desk, env=env, capture_output=True, text=True, timeout=600)


def test_check_hook_passes_clean_copy_and_fails_a_variant(desk: Path,
                                                         pre_commit_home: Path) -> None:
    clean = _hook(desk, pre_commit_home, "translint", "clean.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    flagged = _hook(desk, pre_commit_home, "translint", "clean.md", "notes.txt")
    assert flagged.returncode == 1, flagged.stdout + flagged.stderr
    assert 'notes.txt:1:10: TL101 "Kiev"' in flagged.stdout


def test_glossary_hook_refuses_a_broken_glossary(desk: Path, pre_commit_home: Path) -> None:
    valid = _hook(desk, pre_commit_home, "translint-glossary", "glossaries/desk.toml")
    assert valid.returncode == 0, valid.stdout + valid.stderr
    glossary = desk / "glossaries" / "desk.toml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + '\n[[entry]]\nid = "kyiv"\n',
                        encoding="utf-8")
    broken = _hook(desk, pre_commit_home, "translint-glossary", "glossaries/desk.toml")
    assert broken.returncode != 0
    assert "glossaries/desk.toml:" in broken.stdout
