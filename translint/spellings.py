"""How the names of one document are spelled, beyond exact glossary forms.

* near variants: a capitalised name whose transliteration key is that of a glossary
  entry, written in none of the entry's forms ("Podoljak" for Podolyak);
* spelling clusters: a name that is not in any glossary written two or more ways in
  one text ("Syrskyi" and "Syrsky", "Ivano-Frankivsk" and "Ivano Frankivsk").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from translint.folding import APOSTROPHES, form_identity, name_key
from translint.glossary.model import Entry
from translint.matching import NameIndex
from translint.names import find_all, letter_count, spans_of, words_of

MIN_NEAR_VARIANT_LETTERS = 4
MIN_CLUSTER_LETTERS = 4
_APOSTROPHE_TABLE = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))


@dataclass(frozen=True)
class NearVariant:
    """A name spelled close to a glossary entry but in none of its forms."""

    start: int
    end: int
    entry: Entry
    written: str
    full_name: bool


@dataclass(frozen=True)
class SpellingCluster:
    """One name written several ways: each way with its count, and the one to keep."""

    counts: dict[str, int]
    chosen: str
    occurrences: dict[str, list[tuple[int, int]]]


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def find_near_variants(prose: str, names: Counter[str], index: NameIndex,
                       taken: list[tuple[int, int]]) -> list[NearVariant]:
    """Names in ``prose`` that fold to a glossary entry's key but are none of its forms."""
    keys, identities = index.keys, index.identities
    candidates: dict[str, Entry] = {}
    for name in names:
        for start, end in spans_of(name, index.longest_name):
            written = name[start:end]
            if letter_count(written) < MIN_NEAR_VARIANT_LETTERS:
                continue
            entry = keys.get(name_key(written))
            if entry is not None and form_identity(written) not in identities:
                candidates.setdefault(written, entry)
    found: list[NearVariant] = []
    for written, entry in candidates.items():
        full_name = entry.given is not None and len(words_of(written)) > 1 and (
            form_identity(written) not in {form_identity(form) for form in entry.name.known()})
        for start, end in find_all(prose, written):
            if not _overlaps(start, end, taken):
                found.append(NearVariant(start, end, entry, written, full_name))
    found.sort(key=lambda item: (item.start - item.end, item.start))
    chosen: list[NearVariant] = []
    for variant in found:
        if not _overlaps(variant.start, variant.end, ((c.start, c.end) for c in chosen)):
            chosen.append(variant)
    chosen.sort(key=lambda item: item.start)
    return chosen


def find_spelling_clusters(prose: str, names: Counter[str], index: NameIndex,
                           taken: list[tuple[int, int]]) -> list[SpellingCluster]:
    """Names outside the glossaries written in more than one way in ``prose``."""
    keys, identities = index.keys, index.identities
    by_key: dict[str, Counter[str]] = {}
    for name, count in names.items():
        for word in words_of(name):
            written = word.text
            if letter_count(written) < MIN_CLUSTER_LETTERS or written.isupper():
                continue
            key = name_key(written)
            if key in keys or form_identity(written) in identities:
                continue
            by_key.setdefault(key, Counter())[written] += count
    clusters = []
    for written_counts in by_key.values():
        if len(written_counts) > 1:
            clusters.append(_cluster(prose, written_counts, taken, form_identity))
    for written_counts in _hyphenation_groups(names):
        clusters.append(_cluster(prose, written_counts, taken, spelling))
    return [cluster for cluster in clusters if cluster is not None]


def spelling(written: str) -> str:
    """Fold what does not make two spellings different: case, apostrophe style, spacing."""
    return " ".join(written.translate(_APOSTROPHE_TABLE).lower().split())


def _hyphenation_groups(names: Counter[str]) -> list[Counter[str]]:
    """Multi-word names written both with hyphens and with spaces."""
    hyphenated = {form_identity(name) for name in names if "-" in name}
    if not hyphenated:
        return []
    groups: dict[str, Counter[str]] = {}
    for name, count in names.items():
        for start, end in spans_of(name, 4):
            written = name[start:end]
            identity = form_identity(written)
            if identity in hyphenated and " " in identity:
                groups.setdefault(identity, Counter())[written] += count
    return [group for group in groups.values() if len(group) > 1]


def _cluster(prose: str, counts: Counter[str], taken: list[tuple[int, int]],
             identity: Callable[[str], str]) -> SpellingCluster | None:
    """Group the spellings of one name; ``None`` when fewer than two remain outside ``taken``.

    Spellings with the same ``identity`` count as one (the first written stands for them).
    """
    by_identity: dict[str, list[str]] = {}
    for written in counts:
        by_identity.setdefault(identity(written), []).append(written)
    if len(by_identity) < 2:
        return None
    occurrences = {}
    for same in by_identity.values():
        spans = sorted({span for written in same for span in find_all(prose, written)
                        if not _overlaps(span[0], span[1], taken)})
        occurrences[same[0]] = spans
    occurrences = {written: spans for written, spans in occurrences.items() if spans}
    if len(occurrences) < 2:
        return None
    first_seen = {written: spans[0][0] for written, spans in occurrences.items()}
    chosen = max(occurrences, key=lambda written: (len(occurrences[written]),
                                                   -first_seen[written]))
    return SpellingCluster({written: len(spans) for written, spans in occurrences.items()},
                           chosen, occurrences)
