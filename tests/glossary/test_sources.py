"""The sources glossaries cite per language: a Cyrillic form cites its own source or none,
and the bundled uk/ru sources say what the romanisation tables make true."""

from __future__ import annotations

import re

from translint.glossary.load import bundled_glossary_paths, load_glossary, parse_glossary
from translint.glossary.model import Entry, NameForms
from translint.names.translit import romanise

_CITED = re.compile(r"the (Ukrainian|Russian) name romanised (.+) \((.+)\)")

GLOSSARY = """
[glossary]
name = "test"
[[entry]]
id = "kyiv"
kind = "place"
source = "AP Stylebook"
  [entry.forms.en]
  preferred = "Kyiv"
  [entry.forms.de]
  preferred = "Kiew"
  source = "dpa"
  [entry.forms.uk]
  preferred = "Київ"
  [entry.forms.ru]
  preferred = "Киев"
  source = "the Russian name"
"""


def test_a_language_cites_its_own_source_else_the_entrys_in_latin_script_only() -> None:
    entry = parse_glossary(GLOSSARY).entries[0]
    assert entry.source_for("de") == "dpa"
    assert entry.source_for("en") == "AP Stylebook"
    assert entry.source_for("fr") == "AP Stylebook"  # no fr forms: the entry's
    assert entry.source_for("ru") == "the Russian name"
    assert entry.source_for("uk") is None  # Cyrillic, no source of its own


def _latin_forms(name: NameForms) -> set[str]:
    return {form.casefold() for code, forms in name.forms.items() if code not in ("uk", "ru")
            for form in (*forms.allowed, *forms.variants)} | {
                form.casefold() for form in name.variants}


def _names(entry: Entry) -> list[NameForms]:
    return [entry.name] if entry.given is None else [entry.name, entry.given]


def test_bundled_cyrillic_sources_hold_by_the_romanisation_they_cite() -> None:
    glossary = load_glossary(next(path for path in bundled_glossary_paths()
                                if path.stem == "ukraine-russia"))
    checked = 0
    for entry in glossary.entries:
        for name in _names(entry):
            for code, scheme in (("uk", "ua-2010"), ("ru", "ru-bgn")):
                forms = name.forms.get(code)
                if forms is None or forms.source is None:
                    continue
                cited = _CITED.fullmatch(forms.source)
                assert cited, f"{entry.id} {code}: {forms.source}"
                assert cited[1] == ("Ukrainian" if code == "uk" else "Russian")
                romanised = romanise(forms.preferred, scheme, press=code == "ru")
                assert romanised.casefold() == cited[2].casefold(), entry.id
                assert cited[2].casefold() in _latin_forms(name), entry.id
                checked += 1
    assert checked >= 300
