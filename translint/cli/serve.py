"""``translint serve``: check texts over HTTP with a warm linter (docs/server.md).

The server extra (Starlette, uvicorn) is imported only here, when the command runs: without
it the command says how to install it and exits 2.
"""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer

from translint.cli.exits import EXIT_ERROR, fail, say
from translint.errors import ConfigError, TranslintError
from translint.glossary.cache import default_cache_dir

TOKEN_ENV = "TRANSLINT_TOKEN"  # as translint.serve.launch reads it
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def serve(
    host: Annotated[str, typer.Option(
        help="Address to listen on (default: loopback only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8765,
    config_file: Annotated[str | None, typer.Option(
        "--config", help="Use this configuration file (translint.toml or pyproject.toml); "
                         "default: the one found from the current folder.")] = None,
    no_config: Annotated[bool, typer.Option(
        "--no-config", help="Ignore any configuration file.")] = False,
    glossary: Annotated[list[str] | None, typer.Option(
        "--glossary", "-g", help="Glossary file (repeatable; @bundled for the bundled ones). "
                                 "Default: the configuration's, else the bundled ones.")] = None,
    token_file: Annotated[str | None, typer.Option(
        "--token-file", help=f"File holding the bearer token (default: ${TOKEN_ENV}); "
                             "required for writes.")] = None,
    require_token: Annotated[bool, typer.Option(
        "--require-token", help="Require the token for checks and glossary reads too.")
    ] = False,
    max_body: Annotated[int, typer.Option(
        "--max-body", min=1, help="Largest request body, in bytes (larger: 413).")
    ] = 2 * 1024 * 1024,
    time_limit: Annotated[float, typer.Option(
        "--time-limit", min=0.001, help="Seconds a check may take (longer: 504).")] = 10.0,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="Allow browser pages from this origin (repeatable); "
                              "default: no CORS.")] = None,
    reload_interval: Annotated[float, typer.Option(
        "--reload-interval", min=0, help="Seconds between looks at the configuration, "
                                         "glossaries and packs for changes to reload "
                                         "(0: never look).")] = 1.0,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Worker processes, each with its own linter, reloader and "
                                 "metrics.")] = 1,
) -> None:
    """Serve checks over HTTP: /v1/check, /v1/fix, /v1/glossary, LanguageTool's /v2/check,
    the editor's page at /."""
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        say("the server needs its extra: pip install 'translint[server]'")
        raise typer.Exit(EXIT_ERROR) from None

    from translint.serve.launch import FACTORY, LOG_FORMAT, OPTIONS_ENV, Launch, read_token
    from translint.serve.reload import EngineSource

    source = EngineSource(config_file=config_file, no_config=no_config,
                          glossaries=tuple(glossary) if glossary else None,
                          cache_dir=default_cache_dir())
    launch = Launch(source, token_file=token_file, require_token=require_token,
                    max_body=max_body, time_limit=time_limit,
                    cors_origins=tuple(cors_origin or ()),
                    reload_interval=reload_interval)
    try:
        token = read_token(token_file)
        if require_token and token is None:
            raise ConfigError(f"--require-token: give the token in --token-file or "
                              f"${TOKEN_ENV}")
        engine = source.build()  # with --workers too: a bad configuration is exit 2 here
    except TranslintError as error:
        raise fail(error) from None
    if host not in LOOPBACK:
        say(f"listening on {host}, beyond this machine"
            + ("" if token and require_token else "; checks need no token (--require-token)"))
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    if workers == 1:
        uvicorn.run(launch.app(engine), host=host, port=port, log_level="info",
                    server_header=False)
        return
    del engine  # each worker builds its own
    os.environ[OPTIONS_ENV] = launch.to_json()
    uvicorn.run(FACTORY, factory=True, workers=workers, host=host, port=port,
                log_level="info", server_header=False)
