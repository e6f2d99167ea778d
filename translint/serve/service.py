"""What the endpoints share: the engine holder, the server's settings (limits, token,
CORS), the metrics, and running a check in a worker thread within the time limit.

Python cannot stop a thread: a check past the time limit is answered 504 while its thread
runs on to its end (a pathological story can take tens of seconds and hundreds of MB). So
that such checks cannot pile up, while ``MAX_OVERRUNS`` of them are still running every
new check is answered 503 at once, with ``Retry-After``, instead of queueing behind them.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response

from translint.serve.engine import Engine, EngineHolder, RequestError
from translint.serve.metrics import Metrics
from translint.serve.protocol import (
    DEFAULT_MAX_BODY,
    ApiError,
    has_token,
    invalid,
    parse_json_object,
    read_body,
    require_token,
)
from translint.serve.reload import Reloader

DEFAULT_TIME_LIMIT = 10.0
MAX_OVERRUNS = 2  # checks past the time limit still running; then new checks get 503
RETRY_AFTER = 5  # seconds, in the 503's Retry-After
T = TypeVar("T")
# An endpoint: its method and path, and the function answering it.
Endpoint = Callable[[Request], Awaitable[Response]]
RouteSpec = tuple[str, str, Endpoint]


@dataclass(frozen=True)
class ServeSettings:
    """The limits and safety settings of a server."""

    token: str | None = None
    require_token: bool = False  # for checks and glossary reads too, not only writes
    max_body: int = DEFAULT_MAX_BODY
    time_limit: float = DEFAULT_TIME_LIMIT
    cors_origins: tuple[str, ...] = ()


class Service:
    """What the endpoints share: the engine holder, the settings, the metrics."""

    def __init__(self, holder: EngineHolder, settings: ServeSettings,
                 reloader: Reloader | None = None) -> None:
        self.holder = holder
        self.settings = settings
        self.reloader = reloader
        self.metrics = Metrics()
        self.overruns = 0  # checks answered 504 whose threads are still running
        self._overruns_lock = threading.Lock()

    def guard_read(self, request: Request) -> None:
        """A 401 when the server requires its token for checks and reads and it is
        missing."""
        if self.settings.require_token:
            require_token(request, self.settings.token)

    def guard_write(self, request: Request) -> None:
        """Writes need the token: 403 when the server has none (writes are off), 401
        when the request carries none, 403 when it carries another."""
        if self.settings.token is None:
            raise ApiError(403, "forbidden", "this server takes no writes: start it with "
                                             "--token-file (or $TRANSLINT_TOKEN)")
        if not request.headers.get("authorization"):
            require_token(request, self.settings.token)  # the 401 with WWW-Authenticate
        if not has_token(request, self.settings.token):
            raise ApiError(403, "forbidden", "the token sent is not the server's")

    async def json_body(self, request: Request) -> dict[str, Any]:
        """The request body as a JSON object, within the body limit."""
        return parse_json_object(await read_body(request, self.settings.max_body))

    async def run(self, work: Callable[[Engine], T]) -> T:
        """``work`` on the current engine in a worker thread, within the time limit (504
        past it); 503 at once while ``MAX_OVERRUNS`` checks past their limit still run."""
        if self.overruns >= MAX_OVERRUNS:
            raise ApiError(503, "busy", f"{self.overruns} checks that went past the time "
                                        "limit are still running; try again in a few seconds",
                           {"Retry-After": str(RETRY_AFTER)})
        engine = self.holder.engine
        state = {"done": False, "abandoned": False}

        def job(engine: Engine) -> T:
            try:
                return work(engine)
            finally:
                with self._overruns_lock:
                    state["done"] = True
                    if state["abandoned"]:
                        self.overruns -= 1

        try:
            with anyio.fail_after(self.settings.time_limit):
                return await anyio.to_thread.run_sync(job, engine, abandon_on_cancel=True)
        except TimeoutError:
            with self._overruns_lock:
                if not state["done"]:
                    state["abandoned"] = True
                    self.overruns += 1
            raise ApiError(504, "timeout", f"the check took longer than the server's limit "
                                           f"of {self.settings.time_limit:g} s (translint "
                                           "serve --time-limit)") from None
        except RequestError as error:
            raise invalid(error) from None

    def count_findings(self, findings: list[dict[str, Any]], key: str = "code") -> None:
        self.metrics.found([finding[key] for finding in findings])
