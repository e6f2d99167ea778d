"""The ASGI application of ``translint serve`` (Starlette): the routes, each answering
JSON, with the limits every request is held to.

Checks run in the thread pool (a check is CPU work that would stall the event loop) under a
time limit; a request over it is answered 504 while its thread finishes on its own. An
error that is not the client's is logged with its traceback and answered 500 without it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from translint import __version__
from translint.serve import glossary_api, glossary_write, languagetool
from translint.serve.engine import EngineHolder
from translint.serve.protocol import ApiError, check_request, error_response, json_response
from translint.serve.reload import Reloader
from translint.serve.results import checked_json, fixed_json
from translint.serve.service import Endpoint, RouteSpec, ServeSettings, Service

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("translint.serve")


def _answered(service: Service, path: str, endpoint: Endpoint) -> Endpoint:
    """``endpoint`` with errors as JSON answers and each answer counted."""
    async def answer(request: Request) -> Response:
        started = time.perf_counter()
        try:
            response = await endpoint(request)
        except ApiError as error:
            response = error_response(error)
        except Exception:
            log.exception("%s %s failed", request.method, path)
            response = error_response(ApiError(500, "internal", "internal error; the "
                                                                "server log has the details"))
        service.metrics.request(path, response.status_code, time.perf_counter() - started)
        return response
    return answer


def routes(service: Service) -> list[BaseRoute]:
    """Every route of the app."""
    async def check(request: Request) -> Response:
        service.guard_read(request)
        checking = check_request(await service.json_body(request))
        answer = await service.run(lambda engine: checked_json(engine.check(checking), engine))
        service.count_findings(answer["findings"])
        return json_response(answer)

    async def fix(request: Request) -> Response:
        service.guard_read(request)
        fixing = check_request(await service.json_body(request))
        answer = await service.run(lambda engine: fixed_json(engine.fix(fixing), engine))
        service.count_findings(answer["findings"])
        return json_response(answer)

    async def healthz(request: Request) -> Response:
        holder = service.holder
        engine = holder.engine
        return json_response({"status": "ok", "version": __version__,
                              "glossaries": len(engine.glossaries),
                              "entries": len(engine.entries), "pid": os.getpid(),
                              "files": holder.versions, "reloads": holder.reloads,
                              "failed_reloads": holder.failed_reloads,
                              "reload_error": holder.reload_error,
                              "overruns": service.overruns})

    async def metrics(request: Request) -> Response:
        holder = service.holder
        return PlainTextResponse(service.metrics.render(holder.reloads, holder.failed_reloads),
                                 media_type="text/plain; version=0.0.4; charset=utf-8")

    async def page(request: Request) -> Response:
        index = STATIC / "index.html"
        if not index.is_file():
            raise ApiError(404, "not-found", "the editor's page is not installed")
        return FileResponse(index, media_type="text/html; charset=utf-8")

    table: list[RouteSpec] = [
        ("/", "GET", page),
        ("/v1/check", "POST", check),
        ("/v1/fix", "POST", fix),
        ("/healthz", "GET", healthz),
        ("/metrics", "GET", metrics),
        *glossary_api.endpoints(service),
        *glossary_write.endpoints(service),
        *languagetool.endpoints(service),
    ]
    found: list[BaseRoute] = [
        Route(path, _answered(service, path, endpoint), methods=[method])
        for path, method, endpoint in table]
    found.append(Mount("/static", StaticFiles(directory=STATIC, check_dir=False),
                       name="static"))
    return found


def create_app(holder: EngineHolder, settings: ServeSettings | None = None,
               reloader: Reloader | None = None) -> Starlette:
    """The app serving ``holder``'s engine under ``settings``; ``reloader`` (polling the
    files ``holder``'s engine came from) runs while the app does."""
    settings = settings or ServeSettings()
    service = Service(holder, settings, reloader)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if reloader is not None:
            reloader.start()
        try:
            yield
        finally:
            if reloader is not None:
                reloader.stop()
    middleware = ([Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                              allow_methods=["GET", "POST"],
                              allow_headers=["Authorization", "Content-Type"])]
                  if settings.cors_origins else [])
    app = Starlette(routes=routes(service), middleware=middleware, lifespan=lifespan)
    app.state.service = service
    return app
