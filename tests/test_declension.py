"""Inflected names in Cyrillic copy: the declension rows of uk.toml and ru.toml, and what
TL101 makes of an inflected form (the fix in the same case, or none when it is ambiguous)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translint.languages import language
from translint.linter import Linter
from translint.names.declension import decline_to, declined
from translint.settings import Selection

BUNDLED = str(Path(__file__).parent.parent / "glossaries" / "ukraine-russia.toml")


@pytest.mark.parametrize(("form", "kind", "lang", "expected"), [
    ("Київ", "place", "uk", {"gen": ("Києва",), "dat": ("Києву",), "ins": ("Києвом",),
                             "loc": ("Києві",)}),
    ("Харків", "place", "uk", {"gen": ("Харкова",), "dat": ("Харкову",),
                               "ins": ("Харковом",), "loc": ("Харкові",)}),
    ("Донецьк", "place", "uk", {"gen": ("Донецька",), "dat": ("Донецьку",),
                                "ins": ("Донецьком",), "loc": ("Донецьку",)}),
    ("Одеса", "place", "uk", {"gen": ("Одеси",), "dat": ("Одесі",), "acc": ("Одесу",),
                              "ins": ("Одесою",), "loc": ("Одесі",)}),
    ("Киев", "place", "ru", {"gen": ("Киева",), "dat": ("Киеву",), "ins": ("Киевом",),
                             "loc": ("Киеве",)}),
    ("Мариуполь", "place", "ru", {"gen": ("Мариуполя",), "dat": ("Мариуполю",),
                                  "ins": ("Мариуполем",), "loc": ("Мариуполе",)}),
    ("Путин", "person", "ru", {"gen": ("Путина",), "dat": ("Путину",), "acc": ("Путина",),
                               "ins": ("Путиным",), "loc": ("Путине",)}),
    # Stems that change, and the endings after ж, ч, ц, к
    ("Горлівка", "place", "uk", {"gen": ("Горлівки",), "dat": ("Горлівці",),
                                 "acc": ("Горлівку",), "ins": ("Горлівкою",),
                                 "loc": ("Горлівці",)}),
    ("Тернопіль", "place", "uk", {"gen": ("Тернополя",), "dat": ("Тернополю",),
                                  "ins": ("Тернополем",), "loc": ("Тернополі",)}),
    ("Ірпінь", "place", "uk", {"gen": ("Ірпеня",), "dat": ("Ірпеню",), "ins": ("Ірпенем",),
                               "loc": ("Ірпені",)}),
    ("Керчь", "place", "ru", {"gen": ("Керчи",), "dat": ("Керчи",), "ins": ("Керчью",),
                              "loc": ("Керчи",)}),
    ("Буча", "place", "ru", {"gen": ("Бучи",), "dat": ("Буче",), "acc": ("Бучу",),
                             "ins": ("Бучей",), "loc": ("Буче",)}),
    ("Воронеж", "place", "ru", {"gen": ("Воронежа",), "dat": ("Воронежу",),
                                "ins": ("Воронежем",), "loc": ("Воронеже",)}),
    ("Навальный", "person", "ru", {"gen": ("Навального",), "dat": ("Навальному",),
                                   "acc": ("Навального",), "ins": ("Навальным",),
                                   "loc": ("Навальном",)}),
    ("Янукович", "person", "uk", {"gen": ("Януковича",), "dat": ("Януковичу", "Януковичеві"),
                                  "acc": ("Януковича",), "ins": ("Януковичем",),
                                  "loc": ("Януковичеві", "Януковичу")}),
])
def test_the_rows_decline_names_as_the_language_does(
        form: str, kind: str, lang: str, expected: dict[str, tuple[str, ...]]) -> None:
    assert declined(form, kind, language(lang)) == expected


def test_a_surname_is_declined_as_a_person_and_a_place_as_a_place() -> None:
    assert declined("Резніков", "person", language("uk"))["ins"] == ("Резніковим",)
    assert declined("Харків", "place", language("uk"))["ins"] == ("Харковом",)


def test_a_vowel_final_name_no_row_fits_is_not_declined() -> None:
    assert declined("Суми", "place", language("uk")) == {}
    assert declined("Кривий Суми", "place", language("uk")) == {}  # one word does not decline


def test_a_form_of_several_words_is_declined_word_by_word_in_one_case() -> None:
    assert "Нижньому Новгороді" in declined("Нижній Новгород", "place", language("uk"))["loc"]
    full = declined("Володимир Зеленський", "person", language("uk"), "given")
    assert full["gen"] == ("Володимира Зеленського",)
    assert "Олексієм Резніковим" in declined("Олексій Резніков", "person", language("uk"),
                                            "given")["ins"]
    assert declined("Пётр Толстой", "person", language("ru"), "given") == {}  # Толстой: no row
    assert declined("Мария Захарова", "person", language("ru"), "given")["gen"] == (
        "Марии Захаровой",)


def test_a_given_name_takes_given_rows_not_adjectival_ones() -> None:
    assert declined("Дмитрий", "given", language("ru"))["gen"] == ("Дмитрия",)
    assert declined("Дмитрий", "person", language("ru"))["gen"] == ("Дмитрого",)  # any row
    assert declined("Пётр", "given", language("ru"))["gen"] == ("Петра",)


@pytest.mark.parametrize(("cases", "written", "expected"), [
    (("gen",), "Резникова", "Резнікова"),
    (("gen", "acc"), "Резникова", "Резнікова"),
    (("dat", "loc"), "Резникову", "Резнікову"),  # right for both cases
    (("dat", "loc"), "Резникові", "Резнікові"),
    ((), "Резникова", None),  # no case known
])
def test_a_fix_is_one_form_right_for_every_case(cases: tuple[str, ...], written: str,
                                                expected: str | None) -> None:
    assert decline_to("Резніков", "person", "uk", cases, written) == expected


def test_an_unsure_case_gives_no_form() -> None:
    # Ukrainian Херсона but Криму: the genitive of a place in a consonant is the word's.
    assert decline_to("Крим", "place", "uk", ("gen",), "Крыма") is None
    assert decline_to("Київ", "place", "uk", ("gen",), "Киева") == "Києва"


def test_ambiguous_cases_give_no_form() -> None:
    # Ukrainian -ові is dative or locative: Russian writes -ову and -ове.
    assert decline_to("Резников", "person", "ru", ("dat", "loc"), "Резнікові") is None


def test_an_ambiguous_inflection_is_reported_with_the_nominative_and_no_fix() -> None:
    linter = Linter.from_paths([BUNDLED], Selection(select=("TL101",)), "ru")
    [finding] = linter.check_text("Слово дали Резнікові.", "story.txt")
    assert finding.suggestion is None
    assert finding.message.startswith(
        '"Резнікові" is a form of "Резніков", a disfavoured spelling in ru copy; use '
        '"Резников" in the same case (the case is ambiguous: no automatic fix)')


def test_english_copy_does_not_decline() -> None:
    linter = Linter.from_paths([BUNDLED], Selection(select=("TL1",)), "en")
    assert linter.check_text("Kyiv said Kyivs and Киева are words.", "story.txt") == []
