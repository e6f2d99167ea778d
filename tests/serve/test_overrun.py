"""A pathological story against a real ``translint serve`` process: 2 MB of one word, each
occurrence a finding, checks for tens of seconds. The client gets 504 at the time limit
while the thread runs on (Python cannot stop it); while two such checks still run, new
checks get 503 at once; the server keeps answering /healthz; once they end, it checks again.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.serve.conftest import Answer, request, wait_until_up
from translint.serve.service import MAX_OVERRUNS

# 300 KB, 60,000 times a spelling TL101 flags: seconds of work a check, far past the limit.
PATHOLOGICAL = "Kiev " * 60_000
SMALL = {"text": "Talks between Moscow and Kiev resumed.", "lang": "en"}
TIME_LIMIT = 1.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _timed(url: str, body: dict[str, str] | None = None) -> tuple[Answer, float]:
    started = time.monotonic()
    answer = request(url, body)
    return answer, time.monotonic() - started


@pytest.mark.slow  # a real process, and checks that run for tens of seconds
def test_a_pathological_story_is_504_in_time_and_the_server_stays_up(tmp_path: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "translint", "serve", "--no-config", "--port", str(port),
         "--time-limit", str(TIME_LIMIT)],
        env={**os.environ, "TRANSLINT_TOKEN": ""}, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, cwd=tmp_path)
    try:
        wait_until_up(process, url, 60)
        assert request(f"{url}/v1/check", SMALL).status == 200
        answers: list[tuple[Answer, float]] = []
        posts = [threading.Thread(target=lambda: answers.append(
            _timed(f"{url}/v1/check", {"text": PATHOLOGICAL}))) for _ in range(MAX_OVERRUNS)]
        for post in posts:
            post.start()
        for post in posts:
            post.join(timeout=60)
        for answer, seconds in answers:
            assert answer.status == 504, answer.body[:300]
            assert answer.json()["error"]["code"] == "timeout"
            # In time: the limit, plus reading 2 MB and a busy machine's slack.
            assert seconds < TIME_LIMIT + 10, seconds
        assert len(answers) == MAX_OVERRUNS
        # Both threads still run (each takes far longer than the limit): refused at once.
        health, seconds = _timed(f"{url}/healthz")
        assert health.status == 200 and seconds < 2, seconds
        assert health.json()["overruns"] == MAX_OVERRUNS
        busy, seconds = _timed(f"{url}/v1/check", SMALL)
        assert busy.status == 503 and busy.json()["error"]["code"] == "busy", busy.body
        assert busy.headers["retry-after"] == "5" and seconds < 2, seconds
        # When the threads end, checks are served again.
        deadline = time.monotonic() + 240
        while request(f"{url}/healthz").json()["overruns"]:
            assert time.monotonic() < deadline, "the overrunning checks never ended"
            time.sleep(0.5)
        answer = request(f"{url}/v1/check", SMALL)
        assert answer.status == 200 and answer.json()["findings"][0]["suggestion"] == "Kyiv"
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr.decode()
