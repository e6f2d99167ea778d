"""``POST /v1/glossary/entries``: add an entry to a glossary file the server serves, as
``translint glossary add`` does (``build_addition``, ``check_addition``, ``add_to_text``,
``edit_glossary``: validated, locked, written atomically, the file's layout kept), then
reload so that the next check uses it.

Which file: the request's ``glossary`` (a served file's path or its glossary's name), else
the only writable served glossary, else the first writable one in the order served (the
configuration's order, or ``--glossary``'s). Bundled glossaries are never written. An id
the served glossaries (or the file) already have is a 409: this endpoint adds entries;
``glossary set`` on the command line changes them.
"""

from __future__ import annotations

import os
from typing import Any

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response

from translint.config import glossary_paths
from translint.errors import TranslintError
from translint.glossary.load import bundled_glossary_paths, load_glossary, parse_glossary
from translint.glossary.model import KINDS
from translint.names.translit import SCHEMES
from translint.serve.engine import Engine
from translint.serve.glossary_api import entry_json
from translint.serve.protocol import ApiError, json_response
from translint.serve.service import RouteSpec, Service
from translint.text.langcodes import bad_language_message, language_tag

LOCK_TIMEOUT = 5.0  # seconds to wait for another editor's lock (then 503)
_STRINGS = ("id", "lang", "preferred", "kind", "note", "source", "lang_source", "given",
            "cyrillic", "scheme", "glossary")
_LISTS = ("variants", "accepted", "lang_variants", "exceptions", "given_variants")


class Duplicate(Exception):
    """The entry is in the file already."""


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    """The request's fields, checked for type; a 422 naming a bad or unknown one."""
    unknown = sorted(set(data) - set(_STRINGS) - set(_LISTS))
    if unknown:
        raise ApiError(422, "invalid", f"{unknown[0]}: not a field; the fields are "
                                       f"{', '.join(_STRINGS + _LISTS)}")
    for field in _STRINGS:
        if data.get(field) is not None and not isinstance(data[field], str):
            raise ApiError(422, "invalid", f"{field}: give a string")
    for field in _LISTS:
        value = data.get(field)
        if value is not None and not (isinstance(value, list)
                                      and all(isinstance(item, str) for item in value)):
            raise ApiError(422, "invalid", f"{field}: give a list of strings")
    if not data.get("id"):
        raise ApiError(422, "invalid", "id: required (the entry's id, such as \"kyiv\")")
    if data.get("kind") is not None and data["kind"] not in KINDS:
        raise ApiError(422, "invalid", f"kind: give one of {', '.join(KINDS)}")
    if data.get("scheme") is not None and data["scheme"] not in SCHEMES:
        raise ApiError(422, "invalid", f"scheme: give one of {', '.join(SCHEMES)}")
    return data


def _writable(path: str) -> bool:
    bundled = {os.path.realpath(bundled) for bundled in bundled_glossary_paths()}
    return (os.path.realpath(path) not in bundled and os.access(path, os.W_OK)
            and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK))


def target_of(engine: Engine, wanted: str | None) -> str:
    """The served glossary file to write (see the module's docstring)."""
    served = glossary_paths(engine.glossary_paths or engine.config.glossaries)
    if wanted is not None:
        names = {glossary.path: glossary.name for glossary in engine.glossaries}
        for path in served:
            if wanted in (path, names.get(path)) or (
                    os.path.abspath(wanted) == os.path.abspath(path)):
                if not _writable(path):
                    raise ApiError(403, "forbidden", f"glossary: {path} is not writable "
                                                     "(bundled, or its file or folder is "
                                                     "read-only)")
                return path
        raise ApiError(422, "invalid", f"glossary: {wanted!r} is not a glossary this "
                                       f"server serves; they are {', '.join(served)}")
    writable = [path for path in served if _writable(path)]
    if not writable:
        raise ApiError(403, "forbidden", "no glossary this server serves is writable (the "
                                         "bundled ones never are): serve one with --glossary "
                                         "or the configuration's glossaries")
    return writable[0]


def add_entry(engine: Engine, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Add the entry ``data`` describes to its glossary file; the file and the entry as
    written. ``ApiError`` for a bad, duplicate or refused entry."""
    from translint.glossary.addition import build_addition
    from translint.glossary.edits import check_addition
    from translint.glossary.write import add_to_text, edit_glossary

    entry_id = data["id"]
    target = target_of(engine, data.get("glossary"))
    if entry_id in engine.entries:
        _, holding = engine.entries[entry_id]
        raise ApiError(409, "exists", f"id: {entry_id!r} is in glossary {holding.name} "
                                      "already; change it with translint glossary set")
    language = data.get("lang") or engine.config.lang or "en"
    if language_tag(language) is None:
        raise ApiError(422, "invalid", bad_language_message("lang", language))
    others = [load_glossary(path) for path in
              glossary_paths(engine.glossary_paths or engine.config.glossaries)
              if os.path.realpath(path) != os.path.realpath(target)]

    def edit(text: str) -> str:
        if parse_glossary(text, target).get(entry_id) is not None:
            raise Duplicate
        return add_to_text(text, addition, target)

    try:
        built = build_addition(
            entry_id, language.lower(), person=data.get("kind") == "person",
            kind=data.get("kind"), preferred=data.get("preferred"),
            cyrillic=data.get("cyrillic"), scheme=data.get("scheme"),
            variants=data.get("variants") or (), accepted=data.get("accepted") or (),
            lang_variants=data.get("lang_variants") or (),
            exceptions=data.get("exceptions") or (), note=data.get("note"),
            source=data.get("source"), lang_source=data.get("lang_source"),
            given=data.get("given"), given_variants=data.get("given_variants") or ())
        addition = built.addition
        check_addition(addition, target)
        text = edit_glossary(target, edit, others, timeout=LOCK_TIMEOUT)
    except Duplicate:
        raise ApiError(409, "exists", f"id: {entry_id!r} is in {target} already (not yet "
                                      "reloaded); change it with translint glossary set"
                       ) from None
    except TranslintError as error:
        if "locked by another editor" in error.message:
            raise ApiError(503, "locked", str(error)) from None
        raise ApiError(422, "invalid", str(error)) from None
    glossary = parse_glossary(text, target)
    entry = glossary.get(entry_id)
    assert entry is not None
    return target, entry_json(entry, glossary)


def endpoints(service: Service) -> list[RouteSpec]:
    """The glossary write route."""
    async def add(request: Request) -> Response:
        service.guard_write(request)
        data = _fields(await service.json_body(request))
        engine = service.holder.engine
        target, entry = await anyio.to_thread.run_sync(add_entry, engine, data)
        reloader = service.reloader
        if reloader is not None:
            await anyio.to_thread.run_sync(reloader.check)
        served = data["id"] in service.holder.engine.entries
        return json_response({"glossary": target, "entry": entry, "served": served}, 201)

    return [("/v1/glossary/entries", "POST", add)]
