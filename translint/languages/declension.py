"""How a language declines names: the ``[[declension]]`` rows of its file, read and checked.

A row says, for names of one kind (``person``: family names, ``given``, ``place`` or
``any``: family names and places) whose nominative ends in
``nominative`` (``""``: after a consonant, as the language's ``vowels`` say), which endings
replace it in each grammatical case (``gen``, ``dat``, ``acc``, ``ins``, ``loc``): Ukrainian
*Київ* (``nominative = "їв"``) → *Києва*, *Києву*, *Києвом*, *Києві*. The first ending of a
case is the one a fix writes; the others are recognised. A case listed in ``unsure`` is
recognised but never fixed: its ending depends on the word (Ukrainian *Херсона* but
*Криму*). ``translint.names.declension`` applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from translint.errors import TranslintError

CASES = ("gen", "dat", "acc", "ins", "loc")
KINDS = ("person", "place", "given", "any")
_ROW_KEYS = ("kind", "nominative", "cases", "unsure")


@dataclass(frozen=True)
class DeclensionRow:
    """The case endings of the names of one kind whose nominative ends in ``nominative``."""

    kind: str
    nominative: str
    cases: tuple[tuple[str, tuple[str, ...]], ...]
    unsure: frozenset[str] = frozenset()

    def applies(self, form: str, kind: str, vowels: str) -> bool:
        """Tell whether the row declines ``form``, a name of ``kind``."""
        # "any" rows (adjectival names) are for family names and places, not given names.
        if (self.kind != kind and (self.kind != "any" or kind == "given")) or \
                " " in form or "-" in form:
            return False
        lowered = form.lower()
        if not self.nominative:
            return bool(lowered) and lowered[-1] not in vowels and lowered[-1].isalpha()
        return lowered.endswith(self.nominative) and len(lowered) > len(self.nominative)


def parse_declension(value: Any, where: str,
                     error: type[TranslintError]) -> tuple[DeclensionRow, ...]:
    """The rows of a ``[[declension]]`` array; a malformed row is an ``error`` naming it."""
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise error('"declension" must be an array of tables ([[declension]])', where)
    rows: list[DeclensionRow] = []
    for number, row in enumerate(value, 1):
        name = f"declension row {number}"
        unknown = sorted(set(row) - set(_ROW_KEYS))
        if unknown:
            raise error(f'{name}: unknown key "{unknown[0]}" (known: {", ".join(_ROW_KEYS)})',
                        where)
        kind, nominative, cases = row.get("kind"), row.get("nominative"), row.get("cases")
        if kind not in KINDS:
            raise error(f'{name}: "kind" must be one of {", ".join(KINDS)}', where)
        if not isinstance(nominative, str) or nominative != nominative.strip().lower():
            raise error(f'{name}: "nominative" must be a lower-case ending ("" for none)', where)
        if not isinstance(cases, dict) or not cases:
            raise error(f'{name}: "cases" must be a table of cases ({", ".join(CASES)})', where)
        endings: list[tuple[str, tuple[str, ...]]] = []
        for case, forms in cases.items():
            if case not in CASES:
                raise error(f'{name}: unknown case "{case}" (known: {", ".join(CASES)})', where)
            if not isinstance(forms, list) or not forms or not all(
                    isinstance(ending, str) and ending and ending == ending.strip().lower()
                    for ending in forms):
                raise error(f'{name}: "cases.{case}" must be a list of lower-case endings',
                            where)
            endings.append((case, tuple(forms)))
        unsure = row.get("unsure", [])
        if not isinstance(unsure, list) or not set(unsure) <= set(cases):
            raise error(f'{name}: "unsure" must be a list of the row\'s cases', where)
        rows.append(DeclensionRow(kind, nominative, tuple(endings), frozenset(unsure)))
    return tuple(rows)
