"""Romanising Cyrillic: the vectors in tests/cases/translit.toml, one case per pair."""

from __future__ import annotations

from typing import Any

import pytest

from translint.errors import ConfigError, TranslintError
from translint.names.translit import SCHEMES, detect_scheme, romanise

from .conftest import CASES, load_toml

DATA = load_toml(CASES / "translit.toml")


def _pairs() -> list[Any]:
    return [pytest.param(group, cyrillic, latin, id=f"{group['name']}:{cyrillic}")
            for group in DATA["group"] for cyrillic, latin in group["pairs"]]


@pytest.mark.parametrize(("group", "cyrillic", "latin"), _pairs())
def test_romanise(group: dict[str, Any], cyrillic: str, latin: str) -> None:
    assert romanise(cyrillic, group["scheme"], press=group.get("press", False)) == latin


@pytest.mark.parametrize("case", DATA["detect"], ids=[case["text"] for case in DATA["detect"]])
def test_detect_scheme(case: dict[str, str]) -> None:
    assert detect_scheme(case["text"]) == case["scheme"]


def test_detected_scheme_is_the_default() -> None:
    assert romanise("Київ") == "Kyiv"
    assert romanise("Огарёво") == "Ogarëvo"


def test_decomposed_letters_are_read_as_one() -> None:
    assert romanise("Кии\u0306") == romanise("Кий") == "Kyi"


def test_unknown_scheme_is_a_user_error() -> None:
    with pytest.raises(ConfigError, match='unknown romanisation scheme "ru-gost"'):
        romanise("Київ", "ru-gost")
    assert issubclass(ConfigError, TranslintError)


def test_schemes_are_listed() -> None:
    assert SCHEMES == ("ua-2010", "ru-bgn")
    assert {group["scheme"] for group in DATA["group"]} == set(SCHEMES)
