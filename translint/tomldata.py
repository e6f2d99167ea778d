"""Parse TOML text, turning a syntax error into a located ``TranslintError``."""

from __future__ import annotations

import re
import sys
from typing import Any

from translint.errors import TranslintError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError
_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")
_END = re.compile(r"\s*\(at end of document\)\s*$")


def parse_toml(text: str, path: str, error: type[TranslintError]) -> dict[str, Any]:
    """Parse ``text``; a syntax error raises ``error("TOML syntax error: …", path, line)``."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as problem:
        message = str(problem)
        found = _POSITION.search(message)
        line = int(found.group(1)) if found else None
        if line is None and _END.search(message):
            line = max(1, len(text.splitlines()))
        message = _END.sub("", _POSITION.sub("", message))
        raise error(f"TOML syntax error: {message}", path, line) from None
    return data
