"""What phrasing packs and wire rule files share: table keys, required strings, rule lines."""

from __future__ import annotations

from typing import Any

from translint.errors import RuleError


def check_keys(table: dict[str, Any], known: frozenset[str], where: str, path: str,
                line: int) -> None:
    """Refuse a key of ``table`` that is not in ``known`` (``where``: how to name the table)."""
    for key in table:
        if key not in known:
            raise RuleError(f'unknown key "{key}" in {where}; known keys: '
                            f"{', '.join(sorted(known))}", path, line)


def required_text(table: dict[str, Any], key: str, path: str, line: int) -> str:
    """The non-empty string at ``key`` of ``table``."""
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f'"{key}" must be a non-empty string', path, line)
    return value


def rule_lines(lines: list[str]) -> list[int]:
    """The line of each ``[[rule]]`` table of a rules file, in order."""
    return [number for number, text in enumerate(lines, start=1) if text.strip() == "[[rule]]"]
