"""Output that cannot be delivered, interrupted runs, and memory that must not grow with
the number of findings."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from translint.runner import chunk_size, usable_cpus, worker_count

from .conftest import GLOSSARY, ROOT, assert_error, translint

STORY = "Talks in Kiev resumed.\n"


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "translint", *args]


@pytest.fixture
def many_findings(tmp_path: Path) -> Path:
    """A file with 3,000 findings: more output than a pipe holds."""
    path = tmp_path / "long.txt"
    path.write_text("Talks in Kiev resumed.\n" * 3000, encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_full_output_device_is_an_error(many_findings: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    result = translint("check", str(many_findings), "-g", GLOSSARY, "--lang", "en",
                       stdout_path="/dev/full")
    assert_error(result, r"^translint: cannot write the output: No space left on device$")


@pytest.mark.slow
def test_a_full_output_device_is_an_error_for_a_short_report(tmp_path: Path) -> None:
    """The report fits in the buffer: the failure comes at the final flush."""
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    result = translint("check", str(tmp_path / "a.txt"), "-g", GLOSSARY, "--lang", "en",
                       stdout_path="/dev/full")
    assert_error(result, r"cannot write the output: No space left on device")


@pytest.mark.slow
def test_a_closed_standard_output_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    completed = subprocess.run(
        _command("check", str(tmp_path / "a.txt"), "-g", GLOSSARY, "--lang", "en"),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=60,
        preexec_fn=lambda: os.close(1))
    assert completed.returncode == 2
    assert completed.stderr == ("translint: cannot write the output: standard output is "
                                "closed\n")


@pytest.mark.slow
def test_a_reader_that_goes_away_ends_the_run_quietly(many_findings: Path) -> None:
    process = subprocess.Popen(_command("check", str(many_findings), "-g", GLOSSARY,
                                        "--lang", "en"),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100)  # as `| head -c 100` does
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert stderr == b""


def _interrupt(args: list[str], wait: float = 1.5) -> subprocess.CompletedProcess[str]:
    process = subprocess.Popen(_command(*args), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, cwd=ROOT)
    time.sleep(wait)
    assert process.poll() is None, "the run ended before it could be interrupted"
    os.kill(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(args, process.returncode, "", stderr)


@pytest.mark.slow
def test_ctrl_c_exits_130_with_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Talks in Kiev resumed after a long pause in the war.\n" * 600_000,
                   encoding="utf-8")
    result = _interrupt(["check", str(big), "--lang", "en"])
    assert result.returncode == 130
    assert result.stderr == "translint: interrupted; no file was left half-written\n"


@pytest.mark.slow
def test_ctrl_c_stops_the_worker_processes_too(tmp_path: Path) -> None:
    for number in range(400):
        (tmp_path / f"{number:03}.txt").write_text(
            "Talks in Kiev resumed after a long pause in the war.\n" * 2000, encoding="utf-8")
    started = time.monotonic()
    result = _interrupt(["check", str(tmp_path), "--lang", "en", "-j", "2", "-q"])
    assert result.returncode == 130
    assert result.stderr.endswith("translint: interrupted; no file was left half-written\n")
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 30  # it did not wait for every queued file


def test_workers_never_outnumber_the_usable_cpus_or_the_chunks() -> None:
    files = [f"{number}.txt" for number in range(1000)]
    assert worker_count(files, 1000) == min(usable_cpus(), 1000)
    assert worker_count(files[:3], 1000) <= 3
    for count in (1, 2, 5, 17, 64, 1000):
        workers = worker_count(files[:count], 1000)
        chunks = -(-count // chunk_size(count, workers))
        assert 1 <= workers <= min(usable_cpus(), chunks)


def test_a_thousand_jobs_on_many_files_runs_like_the_default(tmp_path: Path) -> None:
    for number in range(40):
        (tmp_path / f"{number:02}.txt").write_text(STORY, encoding="utf-8")
    result = translint("check", str(tmp_path), "-g", GLOSSARY, "--lang", "en", "-j", "1000",
                       "-f", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["summary"]["findings"] == 40


PEAK_MEMORY = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _peak_kilobytes(folder: Path, output_format: str) -> int:
    completed = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, *_command(
            "check", str(folder), "-g", GLOSSARY, "--lang", "en", "-j", "1",
            "-f", output_format, "--select", "TL101")],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=True)
    return int(completed.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("output_format", ["text", "json", "jsonl", "sarif", "github"])
def test_memory_does_not_grow_with_the_number_of_findings(tmp_path: Path,
                                                          output_format: str) -> None:
    few, many = tmp_path / "few", tmp_path / "many"
    for folder, files in ((few, 30), (many, 300)):
        folder.mkdir()
        for number in range(files):  # 1,000 findings a file: 30,000 and 300,000
            (folder / f"{number:03}.txt").write_text("Talks in Kiev resumed.\n" * 1000,
                                                     encoding="utf-8")
    small, large = _peak_kilobytes(few, output_format), _peak_kilobytes(many, output_format)
    # Ten times the findings; what is held at once is one file's.
    assert large < small * 1.25, (small, large)
