"""What ``glossary add`` builds from its options, without a command line or a file."""

from __future__ import annotations

import pytest

from translint.errors import ConfigError
from translint.glossary.addition import build_addition
from translint.glossary.model import LanguageForms, NameForms


def test_a_place_keeps_its_forms_in_the_language_given() -> None:
    built = build_addition("kyiv", "en", preferred="Kyiv", accepted=["Kyiv City"],
                           lang_variants=["Kyyiv"], variants=["Kiev"], lang_source="AP",
                           exceptions=["chicken Kiev"], kind="place", note="n", source="s")
    assert built.romanised is None and built.scheme is None
    addition = built.addition
    assert addition.entry_id == "kyiv" and addition.kind == "place"
    assert addition.name == NameForms({"en": LanguageForms("Kyiv", ("Kyiv City",), ("Kyyiv",),
                                                           "AP")}, ("Kiev",))
    assert addition.given is None
    assert (addition.exceptions, addition.note, addition.source) == (("chicken Kiev",), "n", "s")


def test_a_person_is_split_into_given_and_family_name() -> None:
    addition = build_addition("podolyak", "en", person=True, preferred="Mykhailo Podolyak",
                              given_variants=["Mikhail"]).addition
    assert addition.name.forms == {"en": LanguageForms("Podolyak")}
    assert addition.given == NameForms({"en": LanguageForms("Mykhailo")}, ("Mikhail",))


def test_a_given_name_stated_keeps_the_preferred_form_whole() -> None:
    addition = build_addition("x", "en", person=True, preferred="de Gaulle",
                              given="Charles").addition
    assert addition.name.forms == {"en": LanguageForms("de Gaulle")}
    assert addition.given == NameForms({"en": LanguageForms("Charles")})


def test_cyrillic_is_recorded_and_romanised_when_no_preferred_form_is_given() -> None:
    built = build_addition("podoliak", "en", person=True, cyrillic="Михайло Подоляк")
    assert (built.romanised, built.scheme) == ("Mykhailo Podoliak", "ua-2010")
    addition = built.addition
    assert list(addition.name.forms) == ["en", "uk"]  # the copy's language first
    assert addition.name.forms["en"] == LanguageForms("Podoliak")
    assert addition.name.forms["uk"] == LanguageForms("Подоляк")
    assert addition.given == NameForms({"en": LanguageForms("Mykhailo"),
                                        "uk": LanguageForms("Михайло")})


def test_a_preferred_form_given_is_kept_over_the_romanised_one() -> None:
    built = build_addition("lavrov", "en", preferred="Lavrov", cyrillic="Лавров",
                           scheme="ru-bgn")
    assert built.romanised is None
    assert built.addition.name.forms == {"en": LanguageForms("Lavrov"),
                                         "ru": LanguageForms("Лавров")}


def test_cyrillic_in_its_own_language_is_refused() -> None:
    with pytest.raises(ConfigError, match="--cyrillic gives the uk form"):
        build_addition("kyiv", "uk", cyrillic="Київ")


@pytest.mark.parametrize("option", [{"accepted": ["A"]}, {"lang_variants": ["B"]},
                                    {"lang_source": "AP"}, {"given": "C"}])
def test_forms_of_a_language_need_its_preferred_form(option: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match="give --preferred too"):
        build_addition("kyiv", "en", **option)  # type: ignore[arg-type]
