"""Helpers for the robustness suite: run the command and judge how it failed.

A case runs the command in this process, as the console script would, unless it needs
a real process (a closed standard input, standard output sent to a file, permissions
obeyed by root, a time limit against a hang): those cases are marked slow. Every case
asserts the exit code, the one ``translint: …`` line on standard error (or
none), that no traceback escaped, and, where files are fixed, the exact bytes on disk.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import CASES, ROOT, CliResult, invoke_cli

GLOSSARY = str(CASES / "glossary.toml")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
# Root reads and writes every file whatever its mode; without these capabilities it obeys
# permissions as any user does (setpriv is in util-linux, on every Debian machine).
DROP_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search"]


Result = CliResult


def translint(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None,
              env: dict[str, str] | None = None, timeout: float | None = None,
              obey_permissions: bool = False, stdin_closed: bool = False,
              stdout_path: str | None = None) -> Result:
    """Run ``translint ARGS`` in this process, or in a fresh interpreter when the case
    needs one, as a user or a pipeline would.

    ``timeout``: run in a fresh interpreter and stop it after so many seconds.
    ``obey_permissions``: as root, in a fresh interpreter without the capabilities that
    let root ignore file modes.
    ``stdin_closed``: start a fresh interpreter with file descriptor 0 closed.
    ``stdout_path``: send the standard output of a fresh interpreter to this file
    (``/dev/full``, say).
    """
    real = (timeout is not None or stdin_closed or stdout_path is not None
            or (obey_permissions and IS_ROOT))
    if not real:
        return invoke_cli(*args, input=stdin, cwd=cwd, env=env)
    return _run_process(list(args), stdin, cwd, env, timeout or 120, obey_permissions,
                        stdin_closed, stdout_path)


def _run_process(args: list[str], stdin: str | bytes | None, cwd: Path | None,
                 env: dict[str, str] | None, timeout: float, obey_permissions: bool,
                 stdin_closed: bool, stdout_path: str | None) -> Result:
    """Run ``translint ARGS`` in a fresh interpreter."""
    command = [sys.executable, "-m", "translint", *args]
    if obey_permissions and IS_ROOT:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to drop root's file-permission override")
        command = [*DROP_DAC, *command]
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    stdout_file = open(stdout_path, "wb") if stdout_path else None  # noqa: SIM115
    try:
        completed = subprocess.run(
            command, input=data, stdout=stdout_file or subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=cwd or ROOT, env=environment, timeout=timeout,
            **({"preexec_fn": lambda: os.close(0)} if stdin_closed
               else {} if data is not None else {"stdin": subprocess.DEVNULL}))
    finally:
        if stdout_file is not None:
            stdout_file.close()
    out = completed.stdout or b""
    return Result(completed.returncode, out.decode("utf-8", "replace"),
                  completed.stderr.decode("utf-8", "replace"), out)


def assert_error(result: Result, message: str, code: int = 2) -> None:
    """The run exited with ``code`` and said exactly one thing on standard error: a
    ``translint: `` line matching the regular expression ``message``."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, (result.returncode, result.stderr, result.stdout)
    assert len(result.errors) == 1, result.stderr
    line = result.errors[0]
    assert line.startswith("translint: "), line
    assert re.search(message, line), (message, line)


def assert_no_traceback(result: Result) -> None:
    """No traceback on either stream, and every line of standard error is translint's own."""
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
    for line in result.errors:
        assert line.startswith("translint: "), result.stderr


def leftovers(folder: Path, keep: set[str]) -> set[str]:
    """Names in ``folder`` other than ``keep``: temporary files a run left behind."""
    return {path.name for path in folder.iterdir()} - keep
