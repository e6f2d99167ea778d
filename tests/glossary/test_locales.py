"""Forms given for a locale (en-US, de-DE, as CAT tools export them) are forms of its language."""

from __future__ import annotations

from pathlib import Path

import pytest

from translint.glossary.model import LanguageForms, NameForms
from translint.linter import Linter

GLOSSARY = """\
[[entry]]
id = "kyiv"
kind = "place"
variants = ["Kiev"]
  [entry.forms.en-us]
  preferred = "Kyiv"
  source = "AP Stylebook"
  [entry.forms.de-de]
  preferred = "Kiew"

[[entry]]
id = "zurich"
kind = "place"
  [entry.forms.de]
  preferred = "Zürich"
  variants = ["Zuerich"]
  [entry.forms.de-ch]
  preferred = "Zürich"
  accepted = ["Zuerich"]
"""


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "locales.toml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def _found(glossary: Path, lang: str, text: str) -> list[str]:
    linter = Linter.from_paths([glossary], lang=lang)
    return [f"{f.code} {f.text} → {f.suggestion} | {f.message}"
            for f in linter.check_text(text) if f.code.startswith("TL1")]


def test_locale_forms_fire_on_copy_of_their_language(glossary: Path) -> None:
    assert _found(glossary, "en", "Talks resumed in Kiev on Monday.") == [
        'TL101 Kiev → Kyiv | "Kiev" is a disfavoured spelling in en copy; use "Kyiv" '
        "per AP Stylebook"]
    german = _found(glossary, "de", "Die Gespräche in Kyiv und Kiev gingen weiter.")
    assert [finding.split(" |")[0] for finding in german] == ["TL101 Kyiv → Kiew",
                                                              "TL101 Kiev → Kiew"]


def test_the_language_own_forms_win_over_a_locale(glossary: Path) -> None:
    assert [f.split(" |")[0] for f in _found(glossary, "de", "Sie fuhren nach Zuerich.")] == [
        "TL101 Zuerich → Zürich"]


def test_key_for_prefers_the_exact_key_then_the_language_then_its_first_locale() -> None:
    forms = NameForms(forms={"de": LanguageForms("A"), "de-ch": LanguageForms("B"),
                             "en-us": LanguageForms("C"), "en-gb": LanguageForms("D")})
    assert forms.key_for("de-ch") == "de-ch"
    assert forms.key_for("de-at") == "de"
    assert forms.key_for("de") == "de"
    assert forms.key_for("en") == "en-gb"
    assert forms.key_for("fr") is None and forms.key_for(None) is None


@pytest.mark.parametrize(("lang", "flagged"), [("de-CH", []), ("de_ch", []),
                                                ("de-AT", ["TL101 Zuerich → Zürich"]),
                                                ("de", ["TL101 Zuerich → Zürich"])])
def test_copy_declared_in_a_locale_uses_the_locales_forms(glossary: Path, lang: str,
                                                          flagged: list[str]) -> None:
    assert [f.split(" |")[0] for f in _found(glossary, lang, "Sie fuhren nach Zuerich.")] == (
        flagged)


def test_a_locale_is_checked_as_its_language(glossary: Path) -> None:
    linter = Linter.from_paths([glossary], lang="de-CH")
    assert (linter.lang, linter.locale) == ("de", "de-ch")
    document = linter.make_document("Sie fuhren nach Kiev.")
    assert (document.lang, document.names_lang) == ("de", "de-ch")
    assert [(f.lang, f.suggestion) for f in linter.check_document(document)
            if f.code == "TL101"] == [("de", "Kiew")]


def test_the_command_line_keeps_the_locale(run_cli, glossary: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Sie fuhren nach Zuerich.\n", encoding="utf-8")
    swiss = run_cli("check", str(story), "-g", str(glossary), "--lang", "de-CH", "--no-config",
                    "--select", "TL1")
    german = run_cli("check", str(story), "-g", str(glossary), "--lang", "de", "--no-config",
                     "--select", "TL1")
    assert (swiss.returncode, german.returncode) == (0, 1)
    assert "Zuerich" in german.stdout and "in de copy" in german.stdout
