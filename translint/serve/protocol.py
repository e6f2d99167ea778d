"""The HTTP side shared by the endpoints: errors as JSON, reading a body within its limit,
JSON requests turned into a ``CheckRequest``, and the bearer token."""

from __future__ import annotations

import hmac
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from translint.serve.engine import CheckRequest, RequestError

DEFAULT_MAX_BODY = 2 * 1024 * 1024
_CHECK_FIELDS = ("text", "format", "lang", "source_lang", "select", "ignore", "fail_on")


class ApiError(Exception):
    """An answer other than 200: its status, a short code and a message for the client."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def json_response(data: Any, status: int = 200,
                  headers: dict[str, str] | None = None) -> Response:
    """``data`` as UTF-8 JSON."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status, headers, media_type="application/json")


def error_response(error: ApiError) -> Response:
    """``{"error": {"code", "message"}}`` with the error's status."""
    return json_response({"error": {"code": error.code, "message": error.message}},
                         error.status, error.headers)


def invalid(error: RequestError) -> ApiError:
    """A bad field as a 422."""
    return ApiError(422, "invalid", error.message)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body; a 413 as soon as it is known to be over ``limit`` bytes (from
    its Content-Length, else while reading), without reading the rest."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "bad-request", "Content-Length is not a number")
        if int(declared) > limit:
            raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too-large", f"the request body is over the server's limit of "
                                      f"{limit} bytes (translint serve --max-body)")


def decode_text(data: bytes, what: str) -> str:
    """``data`` as UTF-8; a 422 naming ``what`` when it is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(422, "invalid", f"{what}: not UTF-8 (byte {error.start})") from None


def parse_json_object(data: bytes) -> dict[str, Any]:
    """The body as a JSON object; a 422 saying what is wrong with it."""
    try:
        value = json.loads(decode_text(data, "body"))
    except json.JSONDecodeError as error:
        raise ApiError(422, "invalid", f"body: not JSON: {error.msg} at line {error.lineno}, "
                                       f"column {error.colno}") from None
    if not isinstance(value, dict):
        raise ApiError(422, "invalid", "body: give a JSON object, such as {\"text\": \"…\"}")
    return value


def _string(data: dict[str, Any], field: str, required: bool = False) -> str | None:
    value = data.get(field)
    if value is None:
        if required:
            raise ApiError(422, "invalid", f"{field}: required (a string)")
        return None
    if not isinstance(value, str):
        raise ApiError(422, "invalid", f"{field}: give a string, not {type(value).__name__}")
    if any(0xD800 <= ord(char) <= 0xDFFF for char in value):
        raise ApiError(422, "invalid", f"{field}: holds a lone UTF-16 surrogate")
    return value


def _strings(data: dict[str, Any], field: str) -> tuple[str, ...] | None:
    value = data.get(field)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ApiError(422, "invalid", f"{field}: give a list of strings")
    return tuple(value)


def check_request(data: dict[str, Any]) -> CheckRequest:
    """The ``CheckRequest`` of a /v1 JSON body; a 422 naming a bad or unknown field."""
    unknown = sorted(set(data) - set(_CHECK_FIELDS))
    if unknown:
        raise ApiError(422, "invalid", f"{unknown[0]}: not a field; the fields are "
                                       f"{', '.join(_CHECK_FIELDS)}")
    text = _string(data, "text", required=True)
    assert text is not None
    return CheckRequest(text=text, format=_string(data, "format") or "text",
                        lang=_string(data, "lang"), source_langs=_strings(data, "source_lang"),
                        select=_strings(data, "select"), ignore=_strings(data, "ignore"),
                        fail_on=_string(data, "fail_on"))


def has_token(request: Request, token: str | None) -> bool:
    """Tell whether the request carries ``Authorization: Bearer TOKEN`` (compared in
    constant time)."""
    if token is None:
        return False
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(),
                                                              token.encode())


def require_token(request: Request, token: str | None) -> None:
    """A 401 unless the request carries the token."""
    if not has_token(request, token):
        raise ApiError(401, "unauthorized", "this endpoint needs the server's token: "
                                            "send Authorization: Bearer TOKEN",
                       {"WWW-Authenticate": "Bearer"})
