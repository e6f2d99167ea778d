"""``translint serve`` as a command: its errors, and a real process serving on loopback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import request, wait_until_up


def test_without_the_extra_it_says_how_to_install_it(
        run_cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "starlette", None)  # import starlette fails
    result = run_cli("serve")
    assert result.returncode == 2
    assert result.errors == ["translint: the server needs its extra: "
                             "pip install 'translint[server]'"]


def test_require_token_without_a_token(run_cli: Callable[..., Any]) -> None:
    result = run_cli("serve", "--require-token", env={"TRANSLINT_TOKEN": ""})
    assert result.returncode == 2
    assert result.errors == ["translint: --require-token: give the token in --token-file or "
                             "$TRANSLINT_TOKEN"]


def test_a_bad_configuration_is_exit_2(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    config = tmp_path / "translint.toml"
    config.write_text("fail_on = 3\n", encoding="utf-8")
    result = run_cli("serve", "--config", str(config))
    assert result.returncode == 2 and result.errors[0].startswith(f"translint: {config}:1:")
    empty = tmp_path / "token"
    empty.write_text("\n", encoding="utf-8")
    result = run_cli("serve", "--token-file", str(empty))
    assert result.returncode == 2 and "the file is empty" in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
@pytest.mark.parametrize("from_file", [True, False])
def test_a_real_process_serves_with_its_token(tmp_path: Path, from_file: bool) -> None:
    port = _free_port()
    token_file = tmp_path / "token"
    token_file.write_text("t0ken-from-somewhere\n", encoding="utf-8")
    arguments = ["--token-file", str(token_file)] if from_file else []
    env = {**os.environ, "TRANSLINT_TOKEN": "" if from_file else "t0ken-from-somewhere"}
    process = subprocess.Popen(
        [sys.executable, "-m", "translint", "serve", "--port", str(port), "--require-token",
         "--time-limit", "5", *arguments],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(process, url, 30)
        body = {"text": "Talks between Moscow and Kiev resumed.", "lang": "en"}
        assert request(f"{url}/v1/check", body).status == 401
        answer = request(f"{url}/v1/check", body,
                         headers={"Authorization": "Bearer t0ken-from-somewhere"})
        assert answer.status == 200 and answer.json()["findings"][0]["suggestion"] == "Kyiv"
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    # A clean shutdown: uvicorn finishes the server, then re-raises the signal it caught.
    assert process.returncode in (0, -signal.SIGTERM), stderr.decode()
    assert "Finished server process" in stderr.decode()
    assert "t0ken" not in stderr.decode()


def test_the_worker_options_travel_as_json() -> None:
    from translint.serve.launch import Launch
    from translint.serve.reload import EngineSource

    launch = Launch(EngineSource(config_file="t.toml", glossaries=("a.toml", "@bundled"),
                                 cache_dir=Path("/tmp/c")), token_file="tok",
                    require_token=True, max_body=10, time_limit=2.5,
                    cors_origins=("https://desk.example",), reload_interval=0.5)
    assert Launch.from_json(launch.to_json()) == launch
    assert "tok\"" in launch.to_json() and "s3cret" not in launch.to_json()


@pytest.mark.slow
def test_two_workers_serve_and_each_reloads(tmp_path: Path) -> None:
    port = _free_port()
    glossary = tmp_path / "desk.toml"
    glossary.write_text('[[entry]]\nid = "blorvik"\n  [entry.forms.en]\n  preferred = "Blorvik"\n',
                        encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "translint", "serve", "--port", str(port), "--workers", "2",
         "--no-config", "--glossary", str(glossary), "--reload-interval", "0.2"],
        env={**os.environ, "TRANSLINT_TOKEN": ""}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    body = {"text": "The mayor of Blorwick spoke.", "lang": "en"}
    try:
        pids: set[int] = set()
        deadline = time.monotonic() + 60
        while len(pids) < 2:  # both workers answer, each with its own engine
            assert process.poll() is None, process.communicate()[1].decode()
            assert time.monotonic() < deadline, f"only the workers {pids} answered"
            try:
                answer = request(f"{url}/healthz")
                pids.add(answer.json()["pid"])
            except OSError:
                time.sleep(0.1)
        assert process.pid not in pids
        assert request(f"{url}/v1/check", body).json()["findings"] == []
        glossary.write_text(glossary.read_text(encoding="utf-8").replace(
            'id = "blorvik"\n', 'id = "blorvik"\nvariants = ["Blorwick"]\n'), encoding="utf-8")
        time.sleep(2)  # every worker polls its own files
        for _ in range(20):
            answer = request(f"{url}/v1/check", body)
            assert answer.status == 200
            assert [f["text"] for f in answer.json()["findings"]] == ["Blorwick"]
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=60)
    assert process.returncode in (0, -signal.SIGTERM), stderr.decode()
    assert stderr.decode().count("Finished server process") == 2, stderr.decode()
