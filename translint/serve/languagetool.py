"""The LanguageTool-compatible endpoints, ``POST /v2/check`` and ``GET /v2/languages``, so
that LanguageTool's clients (browser add-ons, editor plug-ins, CMS integrations) can use
translint unchanged.

What maps to what (docs/server.md): ``text``, or ``data`` (annotated text: its ``markup``
parts are not checked, their offsets still count); ``language`` (``auto`` detects it; a
locale such as ``en-US`` checks its language with the locale's glossary forms);
``disabledRules``, ``enabledRules`` with ``enabledOnly``, ``disabledCategories`` and
``enabledCategories`` take translint codes, rule ids and the categories below, and ignore
LanguageTool's own ids, as LanguageTool ignores ids it does not know. Offsets and lengths
count UTF-16 code units, as LanguageTool's do (Java strings).
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from translint import __version__
from translint.findings import Finding
from translint.languages import bundled_languages, language
from translint.serve.engine import Checked, CheckRequest, Engine
from translint.serve.protocol import ApiError, decode_text, json_response, read_body
from translint.serve.results import Utf16Offsets
from translint.serve.service import RouteSpec, Service
from translint.text.langcodes import language_of

# A category of LanguageTool per check family (the code's first digit).
CATEGORIES = {"0": ("TRANSLINT_DIRECTIVES", "Directives"), "1": ("TRANSLINT_NAMES", "Names"),
              "2": ("TRANSLINT_PHRASING", "Translated phrasing"),
              "3": ("TRANSLINT_LANGUAGE", "Language"), "4": ("TRANSLINT_WIRE", "Wire copy")}
ISSUE_TYPES = {"0": "other", "1": "misspelling", "2": "style", "3": "non-conformance",
               "4": "style"}
CONTEXT_CHARS = 40
_OURS = re.compile(r"TL\d{0,3}|[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?")


def _language_name(code: str) -> str:
    try:
        return language(code).name
    except (KeyError, ValueError, OSError):
        return code


def _values(form: dict[str, str], key: str) -> tuple[str, ...]:
    """The comma-separated values of ``key`` that are translint's (codes, rule ids)."""
    return tuple(value for value in (part.strip() for part in form.get(key, "").split(","))
                 if value and _OURS.fullmatch(value))


def _categories(form: dict[str, str], key: str) -> tuple[str, ...]:
    wanted = {part.strip() for part in form.get(key, "").split(",")}
    return tuple(f"TL{digit}" for digit, (name, _) in CATEGORIES.items() if name in wanted)


def annotated_text(data: str) -> tuple[str, str]:
    """The whole text of LanguageTool's annotated ``data`` and the text to check: its
    markup blanked (its ``interpretAs``, if it fits, then spaces; newlines kept), so
    that offsets in both are the same."""
    try:
        parts = json.loads(data)["annotation"]
        assert isinstance(parts, list)
    except (ValueError, KeyError, TypeError, AssertionError):
        raise ApiError(422, "invalid", 'data: give {"annotation": [{"text": …}, {"markup": '
                                       '…, "interpretAs": …}]}') from None
    whole: list[str] = []
    checked: list[str] = []
    for part in parts:
        if isinstance(part, dict) and isinstance(part.get("text"), str):
            whole.append(part["text"])
            checked.append(part["text"])
        elif isinstance(part, dict) and isinstance(part.get("markup"), str):
            markup = part["markup"]
            interpret = part.get("interpretAs")
            meant = interpret if isinstance(interpret, str) else ""
            blank = "".join("\n" if char == "\n" else " " for char in markup)
            whole.append(markup)
            checked.append(meant + blank[len(meant):] if len(meant) <= len(markup) else blank)
        else:
            raise ApiError(422, "invalid", "data: each annotation part has a string "
                                           '"text" or "markup"')
    return "".join(whole), "".join(checked)


async def _form(request: Request, limit: int) -> dict[str, str]:
    """The parameters of a form-encoded or JSON body (the first value of each)."""
    body = await read_body(request, limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            data = json.loads(decode_text(body, "body"))
        except json.JSONDecodeError:
            raise ApiError(422, "invalid", "body: not JSON") from None
        if not isinstance(data, dict):
            raise ApiError(422, "invalid", "body: give a JSON object")
        return {key: value if isinstance(value, str) else json.dumps(value)
                for key, value in data.items()}
    if kind not in ("", "application/x-www-form-urlencoded"):
        raise ApiError(415, "unsupported", "send application/x-www-form-urlencoded or JSON")
    params = parse_qs(decode_text(body, "body"), keep_blank_values=True)
    return {key: values[0] for key, values in params.items()}


def check_request(form: dict[str, str]) -> tuple[CheckRequest, str]:
    """The ``CheckRequest`` of LanguageTool's parameters, and the whole text its offsets
    count in."""
    if "text" in form:
        whole = checked = form["text"]
    elif "data" in form:
        whole, checked = annotated_text(form["data"])
    else:
        raise ApiError(422, "invalid", "text: required (or data)")
    tag = form.get("language", "auto").strip()
    if not tag:
        raise ApiError(422, "invalid", "language: required (a code such as en-US, or auto)")
    if tag.lower() != "auto" and language_of(tag) is None:
        raise ApiError(422, "invalid", f"language: {tag!r} is not a language code")
    ignore = (*_values(form, "disabledRules"), *_categories(form, "disabledCategories"))
    select: tuple[str, ...] | None = None
    if form.get("enabledOnly", "false").lower() == "true":
        select = (*_values(form, "enabledRules"), *_categories(form, "enabledCategories"))
        if not select:
            raise ApiError(422, "invalid", "enabledRules: enabledOnly needs translint codes "
                                           "or rule ids (TL101, es-en) or categories")
    return CheckRequest(text=checked, lang=None if tag.lower() == "auto" else tag,
                        select=select, ignore=ignore or None), whole


def _match(finding: Finding, text: str, utf16: Utf16Offsets) -> dict[str, Any]:
    family = finding.code[2] if len(finding.code) > 2 else "0"
    category_id, category_name = CATEGORIES.get(family, CATEGORIES["0"])
    offset, end = utf16(finding.start), utf16(finding.end)
    first = max(0, finding.start - CONTEXT_CHARS)
    last = min(len(text), finding.end + CONTEXT_CHARS)
    before = ("..." if first else "") + text[first:finding.start]
    context = before + text[finding.start:last] + ("..." if last < len(text) else "")
    context_utf16 = Utf16Offsets(context)
    rule: dict[str, Any] = {"id": finding.code, "description": finding.name,
                            "issueType": ISSUE_TYPES.get(family, "other"),
                            "category": {"id": category_id, "name": category_name}}
    if finding.rule is not None:
        rule["subId"] = finding.rule
    return {"message": finding.message, "shortMessage": finding.name,
            "replacements": [] if finding.suggestion is None else [
                {"value": finding.suggestion}],
            "offset": offset, "length": end - offset,
            "context": {"text": context, "offset": context_utf16(len(before)),
                        "length": end - offset},
            "sentence": finding.source_line.strip(),
            "type": {"typeName": "Other"}, "rule": rule}


def _language(code: str | None) -> dict[str, str]:
    code = code or "und"
    return {"name": _language_name(code.split("-")[0]), "code": code}


def answer(checked: Checked, whole: str, given: str | None) -> dict[str, Any]:
    """The JSON LanguageTool answers a check with."""
    utf16 = Utf16Offsets(whole)
    detected = _language(checked.language)
    return {"software": {"name": "translint", "version": __version__, "buildDate": "",
                         "apiVersion": 1, "premium": False, "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {**_language(given or checked.language),
                         "detectedLanguage": {**detected, "confidence": 1.0 if given else 0.9}},
            "matches": [_match(finding, whole, utf16) for finding in checked.findings]}


def languages() -> list[dict[str, str]]:
    """``GET /v2/languages``: the languages translint has facts of."""
    return [{"name": item.name, "code": item.code, "longCode": item.code}
            for item in bundled_languages()]


def endpoints(service: Service) -> list[RouteSpec]:
    """The LanguageTool routes."""
    async def check(request: Request) -> Response:
        service.guard_read(request)
        checking, whole = check_request(await _form(request, service.settings.max_body))

        def work(engine: Engine) -> dict[str, Any]:
            return answer(engine.check(checking), whole, checking.lang)

        result = await service.run(work)
        service.metrics.found([match["rule"]["id"] for match in result["matches"]])
        return json_response(result)

    async def listed(request: Request) -> Response:
        return json_response(languages())

    return [("/v2/check", "POST", check), ("/v2/languages", "GET", listed)]
