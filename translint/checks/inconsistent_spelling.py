"""TL102 inconsistent-spelling: one name written two or more ways in the same document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from translint.checks.base import Check, CheckDocs, Context, Problem
from translint.checks.naming import near_variants, one_line, prepare_spellings, spelling_tables
from translint.findings import Severity
from translint.names.fold import form_identity, match_case
from translint.names.index import FormMatch
from translint.names.variants import find_spelling_clusters
from translint.text.document import Document


def inconsistent_spellings(document: Document, context: Context) -> Iterator[Problem]:
    """TL102: one name written in two or more forms in the same document."""
    yield from _inconsistent_glossary_forms(document, context)
    tables = context.resources.get(spelling_tables, document.names_lang)
    taken = context.taken + [(near.start, near.end) for near in context.get(near_variants)]
    for cluster in find_spelling_clusters(document.prose, context.names, tables, taken):
        # Most written first; on a tie, the one written first.
        tally = ", ".join(f"{written} ×{count}" for written, count in sorted(
            cluster.counts.items(),
            key=lambda item: (-item[1], cluster.occurrences[item[0]][0][0])))
        for written, spans in cluster.occurrences.items():
            if written == cluster.chosen:
                continue
            for start, end in spans:
                actual = document.text[start:end]
                yield Problem(start, end,
                              f'"{actual}" and "{cluster.chosen}" look like one name spelled '
                              f"two ways ({tally}); spell it one way",
                              cluster.chosen)


def _inconsistent_glossary_forms(document: Document, context: Context) -> Iterator[Problem]:
    lang = document.names_lang
    by_entry: dict[str, list[FormMatch]] = {}
    for match in context.form_matches:
        if not match.entry.name.is_disfavoured(match.form, lang):
            by_entry.setdefault(match.entry.id, []).append(match)
    for matches in by_entry.values():
        if len({match.form for match in matches}) < 2:
            continue  # one form throughout: the usual case
        used = Counter(form_identity(match.form) for match in matches)
        if len(used) < 2:
            continue
        entry = matches[0].entry
        preferred = entry.preferred(lang, context.resources.names.fallback[entry.id])
        chosen_identity = (form_identity(preferred) if preferred and
                           form_identity(preferred) in used else used.most_common(1)[0][0])
        chosen = next(match.form for match in matches
                      if form_identity(match.form) == chosen_identity)
        tally = ", ".join(f"{next(m.form for m in matches if form_identity(m.form) == key)}"
                          f" ×{count}" for key, count in used.most_common())
        for match in matches:
            if form_identity(match.form) == chosen_identity:
                continue
            written = document.text[match.start:match.end]
            suggestion = match_case(chosen, written)
            yield Problem(match.start, match.end,
                          f'"{one_line(written)}" and "{chosen}" are both used for one name '
                          f"in this text ({tally}); keep one form",
                          suggestion, entry.id)


CHECK = Check(
    code="TL102",
    name="inconsistent-spelling",
    summary="One name written two or more ways in the same document",
    severity=Severity.WARNING,
    run=inconsistent_spellings,
    prepare=prepare_spellings,
    scans_every_form=True,
    docs=CheckDocs(
        what=(
            "One name written two or more ways in one text: two forms of a glossary entry that "
            "are each allowed (*Syrskyi* and *Syrsky* in English, *Kiew* and *Kyjiw* in "
            "German), or a name **not** in any glossary whose spellings fold to one "
            "transliteration key (*Tarnavskyi* and *Tarnavsky*), sound alike and differ by one "
            "slipped letter (*Barrionuevo* and *Barrioneuvo*; names of 7 letters or more, the "
            "slip away from the first and last two letters, so *Johnson* and *Johnston*, "
            "*Ivanov* and *Ivanova* stay apart) or differ only in "
            "hyphenation (*Ivano-Frankivsk* and *Ivano Frankivsk*); not a name and its gloss in "
            "a parenthesis right after it (*Fondation pour l'Enfance (Foundation for "
            "Childhood)*). Points to the preferred form, "
            "else the most frequent, else the first. Not fixed automatically: which spelling is "
            "right is a decision."
        ),
        why=(
            "A reader meets two spellings and wonders whether they are two people; search "
            "and archives split the name in two."
        ),
        example="General Tarnavskyi met the press. Later Tarnavsky left for the front.",
        instead="General Tarnavskyi met the press. Later Tarnavskyi left for the front.",
    ),
)
