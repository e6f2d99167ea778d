"""What an edit of a glossary brings, and the checks it passes before any file is read.

``Addition`` (``glossary add``), ``Change`` (``glossary set``) and ``Removal``
(``glossary remove``) describe an edit; ``check_addition`` and
``refuse_hidden_characters`` refuse what no glossary may hold. ``translint.glossary.write``
applies an edit to a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from translint.errors import GlossaryError
from translint.glossary.characters import character_problem, value_name
from translint.glossary.model import Entry, NameForms
from translint.names.fold import form_identity


@dataclass(frozen=True)
class Addition:
    """What ``glossary add`` puts in a glossary: a new entry, or more forms for one.

    For an existing entry, languages it lacks are added; a language it has must keep
    its preferred form, and gains the accepted forms and variants it did not list.
    Kind, note and source are set where the entry has none and must agree otherwise.
    """

    entry_id: str
    name: NameForms = field(default_factory=NameForms)
    given: NameForms | None = None
    exceptions: tuple[str, ...] = ()
    kind: str | None = None
    note: str | None = None
    source: str | None = None

    @classmethod
    def from_entry(cls, entry: Entry) -> Addition:
        """The addition that puts ``entry`` in a glossary (the default kind "term" left out)."""
        return cls(entry_id=entry.id, name=entry.name, given=entry.given,
                   exceptions=entry.exceptions, kind=None if entry.kind == "term" else entry.kind,
                   note=entry.note, source=entry.source)


@dataclass(frozen=True)
class Change:
    """What ``glossary set`` changes. ``None`` leaves a field alone; ``""`` or ``()`` removes it.

    ``preferred``, ``accepted``, ``lang_variants``, ``lang_source`` and ``given`` apply
    to the forms of ``lang`` (``given`` is the preferred given name of a person); setting
    ``preferred`` for a language the entry lacks adds that language.
    """

    entry_id: str
    lang: str = "en"
    kind: str | None = None
    note: str | None = None
    source: str | None = None
    exceptions: tuple[str, ...] | None = None
    variants: tuple[str, ...] | None = None
    preferred: str | None = None
    accepted: tuple[str, ...] | None = None
    lang_variants: tuple[str, ...] | None = None
    lang_source: str | None = None
    given: str | None = None
    given_variants: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Removal:
    """What ``glossary remove`` deletes.

    With nothing but ``entry_id``, the entry; with ``lang`` alone, that language's forms
    (family and given name); otherwise the listed forms and exceptions, ``accepted`` and
    ``lang_variants`` from the forms of ``lang``.
    """

    entry_id: str
    lang: str | None = None
    variants: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    lang_variants: tuple[str, ...] = ()

    @property
    def removes_entry(self) -> bool:
        """Tell whether the whole entry goes."""
        return self.lang is None and not self.values()

    @property
    def removes_language(self) -> bool:
        """Tell whether the forms of one language go."""
        return self.lang is not None and not self.values()

    def values(self) -> tuple[str, ...]:
        """Every form and exception to remove."""
        return (*self.variants, *self.exceptions, *self.accepted, *self.lang_variants)


def split_person_name(full_name: str) -> tuple[str | None, str]:
    """Split "Mykhailo Podolyak" into the given name and the family name (the last word)."""
    words = full_name.split()
    if len(words) < 2:
        return None, full_name.strip()
    return " ".join(words[:-1]), words[-1]


def check_addition(addition: Addition, path: str = "<glossary>") -> None:
    """Refuse an addition that lists one form both as a variant and as an allowed form.

    The model allows an entry variant that some language prefers (Kiev: a variant, yet
    preferred in Spanish), so glossaries being imported may have them; a person typing
    ``--variant Kyiv --preferred Kyiv`` made a mistake.
    """
    for name in (addition.name, addition.given):
        if name is None:
            continue
        allowed = {form_identity(form): (lang, form) for lang, forms in name.forms.items()
                   for form in forms.allowed}
        for variant in name.variants:
            if form_identity(variant) in allowed:
                lang, form = allowed[form_identity(variant)]
                raise GlossaryError(f'variant "{variant}" equals the {lang} form "{form}" of '
                                    f'"{addition.entry_id}"; a form cannot be both', path)


def refuse_hidden_characters(values: Iterable[tuple[str, str]], path: str) -> None:
    """Raise ``GlossaryError`` for the first value ``character_problem`` refuses; ``values``
    are (how a message names the value, the value) pairs."""
    for what, value in values:
        problem = character_problem(value, what)
        if problem is not None:
            raise GlossaryError(problem, path)


def addition_values(addition: Addition) -> Iterator[tuple[str, str]]:
    """The id, forms, exceptions and sources of ``addition``, each with how a message names
    it (``entry "kyiv": the en preferred form``)."""
    yield "entry id", addition.entry_id
    owner = f'entry "{addition.entry_id}"'
    yield from _name_values(addition.name, owner, given=False)
    if addition.given is not None:
        yield from _name_values(addition.given, owner, given=True)
    yield from ((value_name(owner, "exception"), phrase) for phrase in addition.exceptions)
    if addition.source is not None:
        yield value_name(owner, "source"), addition.source


def change_values(change: Change) -> Iterator[tuple[str, str]]:
    """The forms, exceptions and sources ``change`` sets, as ``addition_values`` gives them."""
    owner = f'entry "{change.entry_id}"'
    lang = change.lang
    singles = ((value_name(owner, "source"), change.source),
               (value_name(owner, "preferred", lang=lang), change.preferred),
               (value_name(owner, "source", lang=lang), change.lang_source),
               (value_name(owner, "preferred", given=True, lang=lang), change.given))
    yield from ((what, value) for what, value in singles if value is not None)
    lists = ((value_name(owner, "exception"), change.exceptions),
             (value_name(owner, "variant"), change.variants),
             (value_name(owner, "accepted", lang=lang), change.accepted),
             (value_name(owner, "variant", lang=lang), change.lang_variants),
             (value_name(owner, "variant", given=True), change.given_variants))
    yield from ((what, value) for what, values in lists for value in values or ())


def _name_values(name: NameForms, owner: str, given: bool) -> Iterator[tuple[str, str]]:
    for lang, forms in name.forms.items():
        yield value_name(owner, "preferred", given, lang), forms.preferred
        yield from ((value_name(owner, "accepted", given, lang), form)
                    for form in forms.accepted)
        yield from ((value_name(owner, "variant", given, lang), form)
                    for form in forms.variants)
        if forms.source is not None:
            yield value_name(owner, "source", given, lang), forms.source
    yield from ((value_name(owner, "variant", given), form) for form in name.variants)
