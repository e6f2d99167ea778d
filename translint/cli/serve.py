"""``translint serve``: check texts over HTTP with a warm linter (docs/server.md).

The server extra (Starlette, uvicorn) is imported only here, when the command runs: without
it the command says how to install it and exits 2.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated

import typer

from translint.cli.exits import EXIT_ERROR, fail, say
from translint.config import load_config
from translint.errors import ConfigError, TranslintError
from translint.glossary.cache import default_cache_dir

TOKEN_ENV = "TRANSLINT_TOKEN"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


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
) -> None:
    """Serve checks over HTTP: /v1/check, /v1/fix, /v1/glossary, LanguageTool's /v2/check,
    the editor's page at /."""
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        say("the server needs its extra: pip install 'translint[server]'")
        raise typer.Exit(EXIT_ERROR) from None

    from translint.serve.app import create_app
    from translint.serve.engine import Engine, EngineHolder
    from translint.serve.service import ServeSettings

    try:
        token = read_token(token_file)
        if require_token and token is None:
            raise ConfigError(f"--require-token: give the token in --token-file or "
                              f"${TOKEN_ENV}")
        config = load_config(config_file, no_config)
        engine = Engine(config, glossary, default_cache_dir())
    except TranslintError as error:
        raise fail(error) from None
    settings = ServeSettings(token=token, require_token=require_token, max_body=max_body,
                             time_limit=time_limit, cors_origins=tuple(cors_origin or ()))
    if host not in LOOPBACK:
        say(f"listening on {host}, beyond this machine"
            + ("" if token and require_token else "; checks need no token (--require-token)"))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    uvicorn.run(create_app(EngineHolder(engine), settings), host=host, port=port,
                log_level="info", server_header=False)
