"""The gate examples of docs/server.md (the curl one and the Python client) run against a
real server: the seed article fails the gate, a clean story passes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "server.md"
CLEAN = "The minister spoke in Kyiv on Tuesday about the harvest and the railways.\n"


def block(language: str, containing: str) -> str:
    """The page's fenced ``language`` block holding ``containing``."""
    found = [text for text in re.findall(rf"```{language}\n(.*?)```", PAGE.read_text(
        encoding="utf-8"), re.DOTALL) if containing in text]
    assert len(found) == 1, f"docs/server.md: one {language} block with {containing!r}"
    return found[0]


@pytest.fixture
def stories(tmp_path: Path, seed_path: Path) -> dict[str, Path]:
    folders = {"seed": seed_path.read_text(encoding="utf-8"), "clean": CLEAN}
    paths = {}
    for name, text in folders.items():
        (tmp_path / name).mkdir()
        paths[name] = tmp_path / name / "story.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("curl") is None or shutil.which("jq") is None,
                    reason="the example needs curl and jq")
def test_the_curl_gate(server: str, stories: dict[str, Path]) -> None:
    script = block("sh", "/v1/check").replace("http://127.0.0.1:8765", server)
    seed = subprocess.run(["bash", "-c", script], cwd=stories["seed"].parent,
                          capture_output=True, text=True, timeout=60)
    assert seed.returncode == 1, seed.stderr
    assert "TL101" in seed.stdout and "Kiev" in seed.stdout
    clean = subprocess.run(["bash", "-c", script], cwd=stories["clean"].parent,
                           capture_output=True, text=True, timeout=60)
    assert (clean.returncode, clean.stdout) == (0, ""), clean.stderr


@pytest.mark.slow
def test_the_python_client(server: str, stories: dict[str, Path], tmp_path: Path) -> None:
    client = tmp_path / "gate.py"
    source = block("python", "urllib")
    assert len(source.strip().splitlines()) <= 22
    client.write_text(source, encoding="utf-8")
    env = {**os.environ, "TRANSLINT_SERVER": server}
    env.pop("TRANSLINT_TOKEN", None)
    seed = subprocess.run([sys.executable, str(client), str(stories["seed"])], env=env,
                          capture_output=True, text=True, timeout=60)
    assert seed.returncode == 1, seed.stderr
    assert "TL101" in seed.stdout and "language en;" in seed.stdout
    clean = subprocess.run([sys.executable, str(client), str(stories["clean"])], env=env,
                           capture_output=True, text=True, timeout=60)
    assert clean.returncode == 0, clean.stdout + clean.stderr
