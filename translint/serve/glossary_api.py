"""The glossary endpoints: ``GET /v1/glossary`` (entries, searched by any form, case- and
accent-insensitively, paged). Writes (``POST /v1/glossary/entries``) will join them here."""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from translint.glossary.model import Entry, Glossary
from translint.serve.engine import Engine
from translint.serve.protocol import ApiError, json_response
from translint.serve.service import RouteSpec, Service

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


def fold(text: str) -> str:
    """``text`` without case or accents, for searching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def entry_json(entry: Entry, glossary: Glossary) -> dict[str, Any]:
    """An entry as the glossary endpoint lists it."""
    return {"id": entry.id, "kind": entry.kind,
            "preferred": entry.preferred(None, glossary.fallback_lang),
            "forms": {lang: {"preferred": forms.preferred, "accepted": list(forms.accepted),
                             "variants": list(forms.variants)}
                      for lang, forms in entry.name.forms.items()},
            "variants": list(entry.name.variants),
            "source": entry.source, "note": entry.note, "glossary": glossary.name}


@functools.lru_cache(maxsize=2)  # the engine serving now, and the one a reload replaced
def searchable(engine: Engine) -> list[tuple[str, Entry, Glossary]]:
    """Each entry of ``engine`` with its forms and id folded into one string to search."""
    rows = []
    for entry, glossary in engine.entries.values():
        forms = [entry.id, *entry.name.known()]
        if entry.given is not None:
            forms.extend(entry.given.known())
        rows.append(("\n".join(fold(form) for form in forms), entry, glossary))
    return rows


def _count(request: Request, name: str, default: int, most: int) -> int:
    value = request.query_params.get(name)
    if value is None:
        return default
    if not value.isdigit() or int(value) > most:
        raise ApiError(422, "invalid", f"{name}: give a whole number from 0 to {most}")
    return int(value)


def search(engine: Engine, query: str | None, limit: int, offset: int) -> dict[str, Any]:
    """The entries having a form that contains ``query`` (all when ``None``), one page."""
    folded = fold(query) if query else ""
    found = [(entry, glossary) for text, entry, glossary in searchable(engine)
             if folded in text]
    page = found[offset:offset + limit]
    return {"entries": [entry_json(entry, glossary) for entry, glossary in page],
            "total": len(found), "offset": offset, "limit": limit}


def endpoints(service: Service) -> list[RouteSpec]:
    """The glossary routes."""
    async def glossary(request: Request) -> Response:
        service.guard_read(request)
        query = request.query_params.get("q")
        limit = _count(request, "limit", DEFAULT_LIMIT, MAX_LIMIT)
        offset = _count(request, "offset", 0, 10**9)
        return json_response(await service.run(
            lambda engine: search(engine, query, limit, offset)))

    return [("/v1/glossary", "GET", glossary)]
