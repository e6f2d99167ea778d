"""Building the app ``translint serve`` runs: in this process, or in each of uvicorn's
worker processes (``--workers N``).

uvicorn starts its workers as new processes that import the app by name, so what the
command was given travels to them in ``$TRANSLINT_SERVE_OPTIONS`` (JSON: paths and limits;
the token is not in it: a worker reads ``--token-file`` or ``$TRANSLINT_TOKEN`` itself,
as the command did). Each worker builds its own engine, reloader and metrics: /metrics
and /healthz answer for the process that took the request.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from starlette.applications import Starlette

from translint.errors import ConfigError
from translint.serve.app import create_app
from translint.serve.engine import Engine, EngineHolder
from translint.serve.reload import EngineSource, Reloader
from translint.serve.service import ServeSettings

OPTIONS_ENV = "TRANSLINT_SERVE_OPTIONS"
TOKEN_ENV = "TRANSLINT_TOKEN"
FACTORY = "translint.serve.launch:app_from_environment"
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


def read_token(token_file: str | None) -> str | None:
    """The bearer token: the first line of ``token_file``, else $TRANSLINT_TOKEN, else
    none."""
    if token_file is not None:
        try:
            token = Path(token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"--token-file: cannot read it ({error})", token_file) from None
        if not token:
            raise ConfigError("--token-file: the file is empty", token_file)
        return token
    return os.environ.get(TOKEN_ENV, "").strip() or None


@dataclass(frozen=True)
class Launch:
    """What ``translint serve`` was given, but the address."""

    source: EngineSource
    token_file: str | None = None
    require_token: bool = False
    max_body: int = 2 * 1024 * 1024
    time_limit: float = 10.0
    cors_origins: tuple[str, ...] = ()
    reload_interval: float = 1.0  # 0: no polling

    def settings(self) -> ServeSettings:
        """The server's settings, with the token read now."""
        return ServeSettings(token=read_token(self.token_file),
                             require_token=self.require_token, max_body=self.max_body,
                             time_limit=self.time_limit, cors_origins=self.cors_origins)

    def app(self, engine: Engine | None = None) -> Starlette:
        """The app, serving ``engine`` (default: one built now) and reloading it."""
        holder = EngineHolder(engine or self.source.build())
        # With an interval of 0 it does not poll, but a glossary write still reloads.
        return create_app(holder, self.settings(),
                          Reloader(holder, self.source, self.reload_interval))

    def to_json(self) -> str:
        data = dataclasses.asdict(self)
        source = data["source"]
        source["cache_dir"] = str(self.source.cache_dir) if self.source.cache_dir else None
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> Launch:
        data = json.loads(text)
        source = data.pop("source")
        glossaries = source["glossaries"]
        return cls(source=EngineSource(
            config_file=source["config_file"], no_config=source["no_config"],
            glossaries=tuple(glossaries) if glossaries is not None else None,
            cache_dir=Path(source["cache_dir"]) if source["cache_dir"] else None),
            token_file=data["token_file"], require_token=data["require_token"],
            max_body=data["max_body"], time_limit=data["time_limit"],
            cors_origins=tuple(data["cors_origins"]),
            reload_interval=data["reload_interval"])


def app_from_environment() -> Starlette:
    """The app of one worker process (uvicorn's factory), from ``$TRANSLINT_SERVE_OPTIONS``."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    return Launch.from_json(os.environ[OPTIONS_ENV]).app()
