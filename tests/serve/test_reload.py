"""Hot reload and glossary writes against a real server on loopback: a glossary edited on
disk while a client keeps checking, a broken glossary, an entry added over HTTP, the token."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import RunningServer, request
from tests.serve.test_docs_examples import block
from translint.serve.engine import CheckRequest, EngineHolder
from translint.serve.reload import EngineSource, Fingerprints, Reloader
from translint.serve.service import ServeSettings

GLOSSARY = """\
# The desk's own names; keep this comment.
[glossary]
name = "desk"

[[entry]]
id = "blorvik"
kind = "place"
  [entry.forms.en]
  preferred = "Blorvik"
"""
WITH_VARIANT = GLOSSARY.replace('kind = "place"\n', 'kind = "place"\nvariants = ["Blorwick"]\n')
TEXT = "The mayor of Blorwick said the talks with Dravnik would resume on Tuesday."
TOKEN = "desk-s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass
class Desk:
    """A server reloading one glossary file, polled every 0.05 s."""

    url: str
    glossary: Path
    holder: EngineHolder


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    glossary = tmp_path / "desk.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    source = EngineSource(no_config=True, glossaries=(str(glossary),))
    holder = EngineHolder(source.build())
    server = RunningServer(holder, ServeSettings(token=TOKEN), Reloader(holder, source, 0.05))
    yield Desk(server.url, glossary, holder)
    server.stop()


def check(url: str, text: str = TEXT) -> dict[str, Any]:
    answer = request(f"{url}/v1/check", {"text": text, "lang": "en"})
    assert answer.status == 200, answer.body
    body: dict[str, Any] = answer.json()
    return body


def flagged(url: str, text: str = TEXT) -> list[str]:
    return [finding["text"] for finding in check(url, text)["findings"]]


def replace_atomically(path: Path, text: str) -> None:
    """Save as editors do: a temporary file renamed over the old one."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def wait_for(condition: Callable[[], bool], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.02)


def test_an_edit_on_disk_is_served_and_no_request_fails(desk: Desk) -> None:
    statuses: Counter[int] = Counter()
    seen: list[list[str]] = []
    stop = threading.Event()

    by_client: list[list[list[str]]] = [[], [], []]

    def client(own: list[list[str]]) -> None:
        while not stop.is_set():
            answer = request(f"{desk.url}/v1/check", {"text": TEXT, "lang": "en"})
            statuses[answer.status] += 1
            if answer.status == 200:
                found = [finding["text"] for finding in answer.json()["findings"]]
                own.append(found)
                seen.append(found)

    clients = [threading.Thread(target=client, args=(own,)) for own in by_client]
    for thread in clients:
        thread.start()
    try:
        wait_for(lambda: len(seen) >= 20)
        assert seen[-1] == []
        before = request(f"{desk.url}/healthz").json()["files"][str(desk.glossary)]
        replace_atomically(desk.glossary, WITH_VARIANT)
        wait_for(lambda: seen[-1] == ["Blorwick"])
        after = len(seen)
        wait_for(lambda: len(seen) >= after + 20)  # and it keeps being served
    finally:
        stop.set()
        for thread in clients:
            thread.join(timeout=30)
    assert set(statuses) == {200} and statuses[200] >= 60, statuses
    # Each client (one request at a time) saw the old glossary, then only the new one.
    for own in by_client:
        first = next(index for index, found in enumerate(own) if found)
        assert first > 0 and all(found == ["Blorwick"] for found in own[first:])
    health = request(f"{desk.url}/healthz").json()
    assert health["reloads"] == 1 and health["reload_error"] is None
    assert health["files"][str(desk.glossary)] not in (before, None)


def test_a_touch_without_a_change_reloads_nothing(desk: Desk) -> None:
    os.utime(desk.glossary, (time.time() + 5, time.time() + 5))
    replace_atomically(desk.glossary, GLOSSARY)  # same bytes, new inode
    time.sleep(0.5)
    assert request(f"{desk.url}/healthz").json()["reloads"] == 0


def test_a_broken_glossary_keeps_the_old_one_serving(
        desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    replace_atomically(desk.glossary, WITH_VARIANT)
    wait_for(lambda: flagged(desk.url) == ["Blorwick"])
    broken = WITH_VARIANT.replace('preferred = "Blorvik"', 'preferred = ')
    with caplog.at_level(logging.ERROR, logger="translint.serve"):
        desk.glossary.write_text(broken, encoding="utf-8")
        wait_for(lambda: request(f"{desk.url}/healthz").json()["reload_error"] is not None)
    health = request(f"{desk.url}/healthz").json()
    error_line = broken.splitlines().index("  preferred = ") + 1
    assert health["reload_error"].startswith(f"{desk.glossary}:{error_line}:")
    assert health["failed_reloads"] == 1 and health["reloads"] == 1
    assert flagged(desk.url) == ["Blorwick"]  # the old engine, still serving
    logged = [record.getMessage() for record in caplog.records]
    assert any(f"{desk.glossary}:{error_line}:" in message and "still serving" in message
               for message in logged), logged
    time.sleep(0.3)  # the same broken content is not retried on every poll
    assert request(f"{desk.url}/healthz").json()["failed_reloads"] == 1
    metrics = request(f"{desk.url}/metrics").body.decode()
    assert "translint_reload_failures_total 1\n" in metrics
    assert "translint_reloads_total 1\n" in metrics
    desk.glossary.write_text(GLOSSARY, encoding="utf-8")  # repaired: served, error cleared
    wait_for(lambda: flagged(desk.url) == [])
    assert request(f"{desk.url}/healthz").json()["reload_error"] is None


def test_an_entry_added_over_http_is_written_and_served(desk: Desk) -> None:
    assert flagged(desk.url) == []
    entry = {"id": "dravnik", "kind": "person", "preferred": "Ivo Dravnyk",
             "variants": ["Dravnik"], "note": "Mayor of Blorvik", "source": "desk"}
    answer = request(f"{desk.url}/v1/glossary/entries", entry, headers=AUTH)
    assert answer.status == 201, answer.body
    body = answer.json()
    assert body["served"] is True and body["glossary"] == str(desk.glossary)
    assert body["entry"]["forms"]["en"]["preferred"] == "Dravnyk"  # a person: family name
    text = desk.glossary.read_text(encoding="utf-8")
    assert text.startswith(GLOSSARY)  # what was there, comment and layout, kept
    assert 'id = "dravnik"' in text[len(GLOSSARY):]
    found = check(desk.url)
    assert [finding["text"] for finding in found["findings"]] == ["Dravnik"]
    assert found["entries"]["dravnik"]["note"] == "Mayor of Blorvik"
    # The same id again is a 409; an entry glossary add refuses is a 422, file untouched.
    again = request(f"{desk.url}/v1/glossary/entries", entry, headers=AUTH)
    assert again.status == 409 and "dravnik" in again.json()["error"]["message"]
    clash = request(f"{desk.url}/v1/glossary/entries",
                    {"id": "blorvik-2", "preferred": "Blorvik"}, headers=AUTH)
    assert clash.status == 422 and "Blorvik" in clash.json()["error"]["message"]
    bad_id = request(f"{desk.url}/v1/glossary/entries",
                     {"id": "Bad Id", "preferred": "Xq"}, headers=AUTH)
    assert bad_id.status == 422, bad_id.body
    assert request(f"{desk.url}/v1/glossary/entries", {"preferred": "Xq"},
                   headers=AUTH).status == 422
    assert desk.glossary.read_text(encoding="utf-8") == text


def test_writes_need_the_token(desk: Desk, tmp_path: Path) -> None:
    entry = {"id": "kestrova", "preferred": "Kestrova"}
    url = f"{desk.url}/v1/glossary/entries"
    missing = request(url, entry)
    assert missing.status == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert request(url, entry, headers={"Authorization": "Bearer nope"}).status == 403
    assert "kestrova" not in desk.glossary.read_text(encoding="utf-8")
    # A server without a token takes no writes at all.
    source = EngineSource(no_config=True, glossaries=(str(desk.glossary),))
    holder = EngineHolder(source.build())
    open_server = RunningServer(holder, ServeSettings())
    try:
        answer = request(f"{open_server.url}/v1/glossary/entries", entry, headers=AUTH)
        assert answer.status == 403 and "--token-file" in answer.json()["error"]["message"]
    finally:
        open_server.stop()
    assert "kestrova" not in desk.glossary.read_text(encoding="utf-8")


def test_the_bundled_glossaries_are_never_written(engine: Any) -> None:
    holder = EngineHolder(engine)  # the bundled glossaries only
    server = RunningServer(holder, ServeSettings(token=TOKEN))
    try:
        answer = request(f"{server.url}/v1/glossary/entries",
                         {"id": "kestrova", "preferred": "Kestrova"}, headers=AUTH)
        assert answer.status == 403 and "writable" in answer.json()["error"]["message"]
    finally:
        server.stop()


def test_fingerprints_read_a_file_again_only_when_its_stat_changes(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text("a", encoding="utf-8")
    prints = Fingerprints()
    first = prints.of([str(path)])
    path.write_text("bb", encoding="utf-8")
    second = prints.of([str(path)])
    path.unlink()
    assert first[str(path)] != second[str(path)] and prints.of([str(path)]) == {
        str(path): None}


@pytest.mark.skipif(shutil.which("curl") is None, reason="the example needs curl")
def test_the_documented_curl_adds_an_entry(desk: Desk) -> None:
    script = block("sh", "glossary/entries").replace("http://127.0.0.1:8765", desk.url)
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "TRANSLINT_TOKEN": TOKEN})
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["served"] is True and answer["entry"]["note"] == "Mayor of Blorvik"
    assert flagged(desk.url) == ["Dravnik"]


def test_a_changed_configuration_is_served(tmp_path: Path) -> None:
    glossary = tmp_path / "desk.toml"
    glossary.write_text(WITH_VARIANT, encoding="utf-8")
    config = tmp_path / "translint.toml"
    config.write_text('glossaries = ["desk.toml"]\n', encoding="utf-8")
    source = EngineSource(config_file=str(config))
    holder = EngineHolder(source.build())
    server = RunningServer(holder, ServeSettings(), Reloader(holder, source, 0.05))
    try:
        assert flagged(server.url) == ["Blorwick"]
        config.write_text('glossaries = ["desk.toml"]\nignore = ["TL101"]\n', encoding="utf-8")
        wait_for(lambda: flagged(server.url) == [])
        config.write_text('glossaries = ["desk.toml"]\nignroe = ["TL101"]\n', encoding="utf-8")
        wait_for(lambda: holder.reload_error is not None)
        assert holder.reload_error.startswith(f"{config}:")
        assert "ignroe" in holder.reload_error and flagged(server.url) == []
        # The configuration now names another glossary: it is served, and watched.
        other = tmp_path / "other.toml"
        other.write_text(GLOSSARY.replace("blorvik", "kestrova").replace(
            "Blorvik", "Kestrova"), encoding="utf-8")
        config.write_text('glossaries = ["other.toml"]\n', encoding="utf-8")
        wait_for(lambda: "kestrova" in holder.engine.entries)
        assert str(other) in request(f"{server.url}/healthz").json()["files"]
        other.write_text(other.read_text(encoding="utf-8").replace(
            'kind = "place"\n', 'kind = "place"\nvariants = ["Kestrowa"]\n'), encoding="utf-8")
        wait_for(lambda: flagged(server.url, "Kestrowa is far.") == ["Kestrowa"])
    finally:
        server.stop()


def test_a_reloaded_engine_comes_with_the_linters_requests_used(tmp_path: Path) -> None:
    glossary = tmp_path / "desk.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    source = EngineSource(no_config=True, glossaries=(str(glossary),))
    serving = source.build()
    serving.linter_for(CheckRequest("", lang="en", select=("TL1",)))
    serving.linter_for(CheckRequest("", lang="de"))
    new = source.build()
    assert len(new._linters) == 0
    new.warm_like(serving)  # built before the swap, not by the first requests after it
    assert list(new._linters) == list(serving._linters)


def test_without_polling_a_write_is_still_served(tmp_path: Path) -> None:
    from translint.serve.launch import Launch

    glossary = tmp_path / "desk.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    token = tmp_path / "token"
    token.write_text(TOKEN, encoding="utf-8")
    launch = Launch(EngineSource(no_config=True, glossaries=(str(glossary),)),
                    token_file=str(token), reload_interval=0)
    app = launch.app()
    assert app.state.service.reloader.interval == 0
    server = RunningServer.of_app(app)
    try:
        glossary.write_text(WITH_VARIANT, encoding="utf-8")  # not looked at
        time.sleep(0.3)
        assert flagged(server.url) == []
        answer = request(f"{server.url}/v1/glossary/entries",
                         {"id": "dravnik", "preferred": "Dravnyk", "variants": ["Dravnik"]},
                         headers=AUTH)
        assert answer.status == 201 and answer.json()["served"] is True
        assert flagged(server.url) == ["Blorwick", "Dravnik"]  # the write reloaded all
    finally:
        server.stop()
