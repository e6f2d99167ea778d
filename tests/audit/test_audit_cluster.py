"""``translint audit`` on real Dask clusters on loopback: a local cluster the command
starts (``--workers 2``) and one the tests start (``--scheduler``), over a few hundred
real articles of ``shared/bench/news.jsonl`` (read from there, written as a dated archive
in a temporary folder). Its findings must be ``translint check``'s, whatever happens to a
worker or to the run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from translint.audit.run import local_cluster
from translint.config import Config, check_options
from translint.linter import Linter

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 300
Key = tuple[str, int, int, str, str]


def news_file() -> Path | None:
    """``shared/bench/news.jsonl`` beside the repository or one of its parents, as the
    benchmarks look for it."""
    for folder in ROOT.parents:
        if (folder / "shared" / "bench" / "news.jsonl").exists():
            return folder / "shared" / "bench" / "news.jsonl"
    return None


def _records() -> list[dict[str, Any]]:
    news = news_file()
    if news is None:
        pytest.skip("shared/bench/news.jsonl (the benchmark's articles) is not on this machine")
    lines = news.read_text(encoding="utf-8").splitlines()
    # Every section, and the Ukraine articles at the end (the names the glossaries know).
    chosen = lines[:-90:9][:ARTICLES - 90] + lines[-90:]
    return [json.loads(line) for line in chosen]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "translint", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=180)


def _start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "translint", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _keys(lines: list[str]) -> Counter[Key]:
    found = (json.loads(line) for line in lines if line.strip())
    return Counter((item["path"], item["line"], item["column"], item["code"], item["message"])
                   for item in found)


def _audit_keys(out: Path) -> Counter[Key]:
    return _keys((out / "findings.jsonl").read_text(encoding="utf-8").splitlines())


def _wait_for_parts(out: Path, count: int, process: subprocess.Popen[str]) -> int:
    """Wait until ``count`` partitions are written; how many there are then."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        written = len(list((out / "parts").glob("part-*.jsonl"))) if out.exists() else 0
        if written >= count:
            return written
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("no partition was written in two minutes")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive by section and month, with one file that cannot be read."""
    root = tmp_path_factory.mktemp("audit")
    for number, record in enumerate(_records()):
        section = record["id"].split("-")[1] if record["source"] == "bbc-news" else "ukraine"
        folder = root / "arch" / section / "2024" / f"{1 + number % 12:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    (root / "arch" / "business" / "broken.docx").write_bytes(b"not a zip")
    return root


@pytest.fixture(scope="module")
def expected(workdir: Path) -> Counter[Key]:
    """What ``translint check`` finds in the archive."""
    result = _run("check", "arch", "--no-config", "--format", "jsonl", cwd=workdir)
    assert result.returncode == 2, result.stderr  # findings, and the file it cannot read
    assert "broken.docx" in result.stderr
    return _keys(result.stdout.splitlines())


@pytest.fixture(scope="module")
def local_run(workdir: Path) -> subprocess.CompletedProcess[str]:
    """The default: a local cluster of two workers started by the command."""
    return _run("audit", "arch", "--no-config", "--workers", "2", "--out", "report",
                "--partition-size", "40", cwd=workdir)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A cluster of two worker processes on loopback, as ``translint audit`` starts one,
    and a client of it."""
    from distributed import Client

    with local_cluster(2) as local, Client(local) as client:
        yield client


@pytest.mark.slow
def test_the_audit_finds_what_check_finds(workdir: Path, expected: Counter[Key],
                                          local_run: subprocess.CompletedProcess[str]) -> None:
    assert local_run.returncode == 0, local_run.stderr
    assert "300 documents" in local_run.stderr and "1 unreadable" in local_run.stderr
    assert expected and _audit_keys(workdir / "report") == expected
    summary = json.loads((workdir / "report" / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == ARTICLES
    assert summary["findings"] == sum(expected.values())
    by_code = Counter(key[3] for key in expected.elements())
    assert {code: item["count"] for code, item in summary["by_check"].items()} == by_code
    assert [item["path"] for item in summary["unreadable"]] == ["arch/business/broken.docx"]
    assert "not a Word document" in summary["unreadable"][0]["error"]


@pytest.mark.slow
def test_the_outputs_have_their_shapes(workdir: Path,
                                       local_run: subprocess.CompletedProcess[str]) -> None:
    out = workdir / "report"
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert {"path", "line", "column", "code", "message", "date", "section"} <= set(first)
    assert first["date"].startswith("2024-") and first["section"]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [item["month"] for item in summary["months"]] == [
        f"2024-{month:02d}" for month in range(1, 13)]
    assert sum(item["documents"] for item in summary["months"]) == ARTICLES
    assert sum(item["findings"] for item in summary["months"]) == summary["findings"]
    for item in summary["months"]:
        assert item["per_1000"] == round(1000 * item["findings"] / item["documents"], 2)
    sections = {item["section"]: item["documents"] for item in summary["sections"]}
    assert "ukraine" in sections and sum(sections.values()) == ARTICLES
    assert sum(summary["by_entry"].values()) == sum(
        1 for line in lines if json.loads(line).get("entry"))
    # The names the archive spells several ways: a glossary entry with its preferred form,
    # and spellings with counts and dates.
    names = {cluster["entry"]: cluster for cluster in summary["names"] if cluster["entry"]}
    assert names, summary["names"]
    for cluster in names.values():
        assert len(cluster["spellings"]) >= 2
        assert cluster["preferred"] in [spelling["form"] for spelling in cluster["spellings"]]
        for spelling in cluster["spellings"]:
            assert spelling["count"] >= 1 and spelling["first"] <= spelling["last"]
    for cluster in summary["names"]:
        if cluster["entry"] is None:
            assert cluster["proposed_entry"].startswith("# ")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 3 and "<script" not in page
    assert "http://" not in page and "https://" not in page and "src=" not in page
    assert "broken.docx" in page


@pytest.mark.slow
def test_a_scheduler_address_and_a_killed_worker(workdir: Path, expected: Counter[Key],
                                                 cluster: Any) -> None:
    address = cluster.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    run = _start("audit", "arch", "--no-config", "--scheduler", address, "--out", "killed",
                 "--partition-size", "8", cwd=workdir)
    written = _wait_for_parts(workdir / "killed", 1, run)
    pids = cluster.run(os.getpid)
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    _, errors = run.communicate(timeout=180)
    assert run.returncode == 0, errors
    assert written < 38, "the run ended before a worker could be killed"
    assert _audit_keys(workdir / "killed") == expected
    cluster.wait_for_workers(2, timeout=60)  # the nanny starts another


@pytest.mark.slow
def test_an_interrupted_run_resumes(workdir: Path, expected: Counter[Key],
                                    cluster: Any) -> None:
    address = cluster.scheduler.address
    args = ("audit", "arch", "--no-config", "--scheduler", address, "--out", "resumed",
            "--partition-size", "8")
    run = _start(*args, cwd=workdir)
    written = _wait_for_parts(workdir / "resumed", 3, run)
    run.send_signal(signal.SIGKILL)
    run.communicate(timeout=60)
    assert not (workdir / "resumed" / "summary.json").exists()
    assert written < 38, "the run ended before it could be interrupted"
    other = _run(*args[:-1], "9", "--resume", cwd=workdir)
    assert other.returncode == 2 and "other inputs or settings" in other.stderr
    again = _run(*args, "--resume", cwd=workdir)
    assert again.returncode == 0, again.stderr
    resumed = int(again.stderr.split(" of 38 partitions resumed")[0].rsplit(", ", 1)[1])
    assert resumed >= 3
    assert _audit_keys(workdir / "resumed") == expected


@pytest.mark.slow
def test_json_lines_records_with_dates_and_bounds(tmp_path: Path, cluster: Any) -> None:
    records = _records()[-120:]
    lines = []
    for number, record in enumerate(records):
        record["published"] = f"2023-{1 + number % 6:02d}-15T08:00:00Z"
        record["desk"] = "world" if number % 2 else "europe"
        lines.append(json.dumps(record))
    lines.insert(5, "{not json")
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run("audit", "news.jsonl", "--no-config", "--scheduler",
                  cluster.scheduler.address, "--date-field", "published", "--section-field",
                  "desk", "--since", "2023-03", "--until", "2023-05-20", "--out", "out",
                  "--partition-size", "25", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["unreadable"] == [{"path": "news.jsonl", "line": 6,
                                      "error": "news.jsonl:6: not a JSON value"}]
    config = Config()
    linter = Linter.from_config(config, check_options(config))
    kept = [(number, record) for number, record in enumerate(records)
            if 3 <= 1 + number % 6 <= 5]
    assert summary["documents"] == len(kept)
    assert summary["out_of_range_documents"] == len(records) - len(kept)
    found = Counter(finding.code for _, record in kept
                    for finding in linter.check_text(record["text"], "x", "text"))
    assert {code: item["count"] for code, item in summary["by_check"].items()} == found
    assert {item["section"] for item in summary["sections"]} == {"world", "europe"}
    paths = {json.loads(line)["path"] for line in
             (tmp_path / "out" / "findings.jsonl").read_text(encoding="utf-8").splitlines()}
    assert all(path.startswith("news.jsonl:") for path in paths)


@pytest.mark.slow
def test_the_workers_run_without_dasks_sampling_profiler(cluster: Any) -> None:
    """It costs the checks about a fifth more CPU in each worker."""
    def enabled() -> bool:
        import dask
        return bool(dask.config.get("distributed.worker.profile.enabled"))

    assert set(cluster.run(enabled).values()) == {False}
