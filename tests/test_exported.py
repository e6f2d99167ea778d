"""The public API: everything in ``translint.__all__`` exists and is documented."""

from __future__ import annotations

import inspect

import translint


def test_all_names_exist_and_are_documented() -> None:
    for name in translint.__all__:
        value = getattr(translint, name)
        if inspect.isfunction(value) or inspect.isclass(value):
            assert inspect.getdoc(value), f"{name} has no docstring"


def test_public_functions_are_exported() -> None:
    public = {name for name, value in vars(translint).items()
              if not name.startswith("_") and (inspect.isfunction(value) or inspect.isclass(value))
              and getattr(value, "__module__", "").startswith("translint")}
    assert public <= set(translint.__all__)


def test_check_text_example_from_the_docstring() -> None:
    findings = translint.check_text("Talks between Moscow and Kiev resumed.", lang="en")
    assert [finding.suggestion for finding in findings] == ["Kyiv"]
