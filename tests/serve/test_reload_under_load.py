"""A real ``translint serve`` process on loopback whose glossary a thread rewrites on disk,
again and again (one rewrite broken), while another thread keeps posting checks: every
answer is 200, and the findings follow each new glossary once it is reloaded."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.serve.conftest import request, wait_until_up
from tests.serve.test_reload import GLOSSARY, replace_atomically

# Each revision of the glossary gives "blorvik" one of these variants; the text has them all,
# so which one is flagged tells which revision checked it.
# (None of them a near variant of Blorvik, which would be flagged whatever the revision;
# only TL101 is asked for, since TL102 joins the others by sound in the one text.)
VARIANTS = ("Blorwick", "Blorwyk", "Blorvick", "Borvikstad")
TEXT = f"The mayors of {', '.join(VARIANTS)} met on Tuesday, officials said."


def revision(number: int) -> str:
    variant = VARIANTS[number % len(VARIANTS)]
    return GLOSSARY.replace('kind = "place"\n', f'kind = "place"\nvariants = ["{variant}"]\n')


BROKEN = revision(0).replace('preferred = "Blorvik"', "preferred = ")


@dataclass
class Posted:
    sent: float
    received: float
    status: int
    flagged: tuple[str, ...]


@dataclass
class Written:
    at: float  # when the file was written
    served: float  # when /healthz showed its content served (or its refusal)
    expected: tuple[str, ...]  # what a check flags while it is served


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow  # a real process, a dozen reloads
def test_rewrites_under_load_lose_no_request_and_are_followed(tmp_path: Path) -> None:
    glossary = tmp_path / "desk.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "translint", "serve", "--no-config", "--port", str(port),
         "--glossary", str(glossary), "--reload-interval", "0.1"],
        env={**os.environ, "TRANSLINT_TOKEN": ""}, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, cwd=tmp_path)
    posted: list[Posted] = []
    written: list[Written] = []
    stop = threading.Event()

    def post() -> None:
        while not stop.is_set():
            sent = time.monotonic()
            answer = request(f"{url}/v1/check", {"text": TEXT, "lang": "en", "select": ["TL101"]})
            found = (tuple(finding["text"] for finding in answer.json()["findings"])
                     if answer.status == 200 else ())
            posted.append(Posted(sent, time.monotonic(), answer.status, found))

    def rewrite() -> None:
        for number in range(1, 9):
            time.sleep(0.3)
            broken = number == 4
            text = BROKEN if broken else revision(number)
            before = request(f"{url}/healthz").json()
            at = time.monotonic()
            replace_atomically(glossary, text)
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
            deadline = at + 30
            while True:
                health = request(f"{url}/healthz").json()
                if (health["failed_reloads"] > before["failed_reloads"] if broken
                        else health["files"][str(glossary)] == digest):
                    break
                assert time.monotonic() < deadline, f"rewrite {number} was not reloaded"
                time.sleep(0.02)
            expected = written[-1].expected if broken else (VARIANTS[number % len(VARIANTS)],)
            written.append(Written(at, time.monotonic(), expected))

    try:
        wait_until_up(process, url, 60)
        written.append(Written(0.0, time.monotonic(), ()))  # the first glossary: no variant
        poster = threading.Thread(target=post)
        poster.start()
        try:
            rewrite()
            time.sleep(0.3)
        finally:
            stop.set()
            poster.join(timeout=60)
        health = request(f"{url}/healthz").json()
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=60)
    assert [each.status for each in posted if each.status != 200] == []
    assert len(posted) >= 50, len(posted)
    assert health["reloads"] == 7 and health["failed_reloads"] == 1, health
    # A check sent after a revision was served and answered before the next was written
    # flags what that revision says; one overlapping a rewrite, the old or the new.
    followed = 0
    for index, revision_written in enumerate(written):
        until = written[index + 1].at if index + 1 < len(written) else float("inf")
        for each in posted:
            if revision_written.served <= each.sent and each.received <= until:
                assert each.flagged == revision_written.expected, (index, each)
                followed += 1
    assert followed >= 20, followed
    for each in posted:
        assert each.flagged in {written_one.expected for written_one in written}, each
    assert "Traceback" not in stderr.decode()
