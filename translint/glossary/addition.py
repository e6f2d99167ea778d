"""A new entry, or forms to add to one, built from what ``glossary add`` is told: the
preferred form and its companions, a person's name split in two, a Cyrillic original
romanised to propose the preferred form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from translint.errors import ConfigError
from translint.glossary.edits import Addition, split_person_name
from translint.glossary.model import LanguageForms, NameForms

# The language whose forms a romanisation scheme reads.
ORIGINAL_LANG = {"ua-2010": "uk", "ru-bgn": "ru"}


@dataclass(frozen=True)
class Built:
    """The addition, and the form proposed by romanising ``cyrillic`` when no preferred
    form was given (with the scheme chosen), for the user to confirm."""

    addition: Addition
    romanised: str | None = None
    scheme: str | None = None


def build_addition(entry_id: str, language: str, *, person: bool = False,
                   kind: str | None = None, preferred: str | None = None,
                   cyrillic: str | None = None, scheme: str | None = None,
                   variants: Sequence[str] = (), accepted: Sequence[str] = (),
                   lang_variants: Sequence[str] = (), exceptions: Sequence[str] = (),
                   note: str | None = None, source: str | None = None,
                   lang_source: str | None = None, given: str | None = None,
                   given_variants: Sequence[str] = ()) -> Built:
    """The ``Addition`` of forms in ``language`` (``person``: split full names in two).

    ``cyrillic`` is recorded as the uk or ru form (by ``scheme``, else by its letters) and,
    romanised, stands for ``preferred`` when that is not given.
    """
    forms: dict[str, LanguageForms] = {}
    given_forms: dict[str, LanguageForms] = {}
    originals: dict[str, LanguageForms] = {}
    original_given: dict[str, LanguageForms] = {}
    romanised = chosen = None
    if cyrillic is not None:
        from translint.names.translit import detect_scheme, romanise

        chosen = scheme or detect_scheme(cyrillic)
        if ORIGINAL_LANG[chosen] == language:
            raise ConfigError(f"--cyrillic gives the {language} form; choose the language of "
                              "the romanised form with --lang")
        if preferred is None:
            preferred = romanised = romanise(cyrillic, chosen, press=True)
        cyrillic_given, original = (split_person_name(cyrillic) if person
                                    else (None, cyrillic.strip()))
        originals[ORIGINAL_LANG[chosen]] = LanguageForms(original)
        if cyrillic_given:
            original_given[ORIGINAL_LANG[chosen]] = LanguageForms(cyrillic_given)
    if preferred is None and (accepted or lang_variants or lang_source or given):
        raise ConfigError("--accepted, --lang-variant, --lang-source and --given describe "
                          "the --lang forms: give --preferred too (or use glossary set)")
    if preferred is not None:
        if person and given is None:
            given, preferred = split_person_name(preferred)
        forms[language] = LanguageForms(preferred, tuple(accepted), tuple(lang_variants),
                                        lang_source)
        if given:
            given_forms[language] = LanguageForms(given)
    forms.update(originals)  # the copy's language first, the Cyrillic original after it
    given_forms.update(original_given)
    given_name = (NameForms(given_forms, tuple(given_variants))
                  if given_forms or given_variants else None)
    addition = Addition(entry_id=entry_id, name=NameForms(forms, tuple(variants)),
                        given=given_name, exceptions=tuple(exceptions), kind=kind, note=note,
                        source=source)
    return Built(addition, romanised, chosen if romanised is not None else None)
