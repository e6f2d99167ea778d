"""Fixtures of the rule tests."""

from __future__ import annotations

import pytest
import regex

from translint.rules import anchored
from translint.rules.packs import Rule


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The windows (start, end) the rules' expressions are searched in, as they run."""
    windows: list[tuple[int, int]] = []
    run = anchored._matches

    def recording(rule: Rule, text: str, start: int, end: int) -> list[regex.Match[str]]:
        windows.append((start, end))
        return run(rule, text, start, end)
    monkeypatch.setattr(anchored, "_matches", recording)
    return windows
