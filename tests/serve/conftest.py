"""A real server for the tests: uvicorn on a free loopback port, in a thread, stopped
cleanly after; and a small HTTP client (urllib) that returns status, headers and JSON."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette

from translint.config import Config, read_config
from translint.serve.app import create_app
from translint.serve.engine import Engine, EngineHolder
from translint.serve.reload import Reloader
from translint.serve.service import ServeSettings

# A configuration with a severity and a house rule, so that a test shows the server applies
# them as `translint check` does.
CONFIG = """\
fail_on = "warning"

[severity]
TL402 = "warning"

[house.en]
mykhailo-podolyak = "Podoliak"
"""


@dataclass
class Answer:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def request(url: str, data: bytes | str | dict[str, Any] | None = None, *,
            method: str | None = None, headers: dict[str, str] | None = None) -> Answer:
    """Send one request; any status comes back as an ``Answer``."""
    if isinstance(data, dict):
        data = json.dumps(data)
    if isinstance(data, str):
        data = data.encode("utf-8")
    sent = urllib.request.Request(url, data=data, method=method, headers={
        "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(sent, timeout=30) as response:
            return Answer(response.status, _lower(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, _lower(error.headers), error.read())


def wait_until_up(process: subprocess.Popen[bytes], url: str, seconds: float = 60) -> None:
    """Wait until a ``translint serve`` process started by a test answers ``/healthz``;
    fail with its error output if it exits first, or after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if request(f"{url}/healthz").status == 200:
                return
        except OSError:
            pass
        assert process.poll() is None, process.communicate()[1].decode()
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)


def _lower(headers: Any) -> dict[str, str]:
    return {key.lower(): value for key, value in headers.items()}


class RunningServer:
    """uvicorn serving an app in a thread, on a socket bound to a free loopback port."""

    def __init__(self, holder: EngineHolder, settings: ServeSettings,
                 reloader: Reloader | None = None, app: Starlette | None = None) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        config = uvicorn.Config(app or create_app(holder, settings, reloader),
                                log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.socket]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)

    @classmethod
    def of_app(cls, app: Starlette) -> RunningServer:
        """A server running ``app`` as it is (its own holder and settings)."""
        service = app.state.service
        return cls(service.holder, service.settings, app=app)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()
        assert not self.thread.is_alive(), "the test server did not stop"


@pytest.fixture(scope="session")
def config_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve-config") / "translint.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def config(config_path: Path) -> Config:
    return read_config(config_path)


@pytest.fixture(scope="session")
def engine(config: Config) -> Engine:
    """The bundled glossaries with the test configuration, loaded once for every server."""
    return Engine(config)


@pytest.fixture(scope="session")
def start_server() -> Iterator[Callable[..., str]]:
    """``start_server(engine, **settings)``: a running server's base URL."""
    running: list[RunningServer] = []

    def start(engine: Engine, **settings: Any) -> str:
        server = RunningServer(EngineHolder(engine), ServeSettings(**settings))
        running.append(server)
        return server.url

    yield start
    for server in running:
        server.stop()


@pytest.fixture(scope="session")
def server(engine: Engine, start_server: Callable[..., str]) -> str:
    """A server with the default settings: no token required, 2 MB bodies, 10 s."""
    return start_server(engine)
