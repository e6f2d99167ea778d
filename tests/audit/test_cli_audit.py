"""``translint audit``'s command line without a cluster: bad arguments are a clear error
and exit 2, and Dask is not imported until an audit runs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "tcp://127.0.0.1:1", "--workers", "2"],
     "translint: give --scheduler or --workers, not both"),
    (["--since", "last week"],
     "translint: --since must be a date, YYYY-MM-DD or YYYY-MM, not 'last week'"),
    (["--since", "2024-05", "--until", "2024-01"],
     "translint: --since 2024-05 is after --until 2024-01"),
    (["--date-from", "ctime"],
     "translint: --date-from must be one of auto, mtime, path, front-matter, field, "
     "not 'ctime'"),
])
def test_bad_arguments_exit_2(run_cli: Callable[..., Any], tmp_path: Path, args: list[str],
                              message: str) -> None:
    (tmp_path / "a.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    result = run_cli("audit", str(tmp_path), "--out", str(tmp_path / "out"), *args)
    assert result.returncode == 2
    assert result.errors[0].startswith(message), result.errors


def test_a_missing_archive_is_exit_2(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    result = run_cli("audit", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"),
                     "--no-config")
    assert result.returncode == 2
    assert result.errors == [f"translint: {tmp_path / 'nowhere'}: no such file or folder"]


def test_an_archive_without_articles_is_exit_2(run_cli: Callable[..., Any],
                                              tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli("audit", str(tmp_path / "empty"), "--out", str(tmp_path / "out"),
                     "--no-config")
    assert result.returncode == 2
    assert result.errors[0].startswith(f"translint: no file to audit in {tmp_path / 'empty'}")
    assert not (tmp_path / "out").exists()


@pytest.mark.slow  # Dask tries to connect for its timeout, 10 s
def test_no_scheduler_at_the_address_is_exit_2(run_cli: Callable[..., Any],
                                               tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    result = run_cli("audit", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"),
                     "--no-config", "--scheduler", "tcp://127.0.0.1:9")
    assert result.returncode == 2
    assert result.errors[0].startswith(
        "translint: --scheduler: no Dask scheduler answers at tcp://127.0.0.1:9")


def test_without_the_extra_it_says_how_to_install_it(
        run_cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    result = run_cli("audit", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.errors == ["translint: translint audit needs Dask: pip install "
                             "'translint[audit]'"]


@pytest.mark.slow
def test_the_command_line_does_not_import_dask() -> None:
    script = ("import sys, translint.cli, translint.audit.work\n"
              "print(sorted(name for name in sys.modules "
              "if name.split('.')[0] in ('dask', 'distributed')))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
