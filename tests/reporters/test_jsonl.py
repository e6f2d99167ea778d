"""JSON Lines output: the findings of ``--format json`` one a line, nothing else on standard
output, each input's findings written (and flushed) as soon as it is checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import CASES, ROOT, invoke_cli

GLOSSARY = str(CASES / "glossary.toml")


def _desk(folder: Path) -> Path:
    desk = folder / "desk"
    desk.mkdir()
    (desk / "a.txt").write_text("Talks in Kiev resumed.\nIt transpired that Lugansk…\n",
                                encoding="utf-8")
    (desk / "b.md").write_text("# Clean\n\nNothing to see here.\n", encoding="utf-8")
    (desk / "c.md").write_text("Talks in\nKiev went on, \"quoted\" \\ and 100%.\n",
                               encoding="utf-8")
    (desk / "d.md").write_bytes(b"\x00\x01 binary")
    return desk


def test_each_line_is_a_finding_of_the_json_output(tmp_path: Path) -> None:
    desk = _desk(tmp_path)
    lines = invoke_cli("check", str(desk), "-g", GLOSSARY, "--lang", "en", "-f", "jsonl")
    whole = invoke_cli("check", str(desk), "-g", GLOSSARY, "--lang", "en", "-f", "json")
    assert lines.returncode == whole.returncode == 2  # d.md is not text
    assert lines.stdout.endswith("\n")
    findings = [json.loads(line) for line in lines.stdout.splitlines()]
    assert findings == json.loads(whole.stdout)["findings"]
    assert {finding["path"] for finding in findings} == {f"{desk}/a.txt", f"{desk}/c.md"}
    # Nothing but findings on standard output: the error is on standard error.
    assert "d.md" not in lines.stdout and f"{desk}/d.md" in lines.stderr


def test_no_findings_is_no_output(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("Nothing to see here.\n", encoding="utf-8")
    result = invoke_cli("check", str(tmp_path / "clean.md"), "-g", GLOSSARY, "--lang", "en",
                        "-f", "jsonl")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.slow
def test_findings_reach_the_reader_while_later_files_are_checked(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    # Some seconds of checking (10 MB), with no finding.
    (tmp_path / "b.txt").write_text(
        "The talks went on for a long while without any news from the capital.\n" * 150_000,
        encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "translint", "check", str(first), str(tmp_path / "b.txt"),
         "-g", GLOSSARY, "--lang", "en", "-f", "jsonl", "-j", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        # Buffered, as standard output to a pipe is (PYTHONUNBUFFERED would hide a missing
        # flush).
        env={key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"})
    assert process.stdout is not None
    line = process.stdout.readline()
    arrived = time.monotonic()
    rest, _ = process.communicate(timeout=120)
    # Unflushed, the line would come with the rest at the end, a moment before the exit.
    waited = time.monotonic() - arrived
    assert json.loads(line)["path"] == str(first)
    assert waited > 0.8, f"the first file's finding came {waited:.2f} s before the end"
    assert rest == b"" and process.returncode == 1
