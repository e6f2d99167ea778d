"""Mining an archive for names spelled several ways: the scenarios in tests/cases/suggest.toml."""

from __future__ import annotations

import functools
import pickle
from collections import Counter
from typing import Any

import pytest

from translint.glossary.load import load_glossary, parse_glossary
from translint.glossary.suggest import (
    MAX_FILES_KEPT,
    NameTally,
    Proposal,
    render_proposals_toml,
    suggest_entries,
)
from translint.names.index import NameIndex

from ..conftest import CASES, load_toml
from .io_helpers import BUNDLED

SCENARIOS = load_toml(CASES / "suggest.toml")["scenario"]


@functools.lru_cache(maxsize=1)
def _bundled_index() -> NameIndex:
    return NameIndex([load_glossary(BUNDLED)])


def _describe(proposal: Proposal) -> str:
    forms = ", ".join(f"{written} {count}" for written, count in proposal.forms)
    lang = f" [{proposal.lang}]" if proposal.lang else ""
    return f"{proposal.key}{lang}: {forms}"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[case["name"] for case in SCENARIOS])
def test_scenario(scenario: dict[str, Any]) -> None:
    known = _bundled_index() if scenario.get("known") == "bundled" else None
    texts = [(path, text) for path, text in scenario["texts"]]
    proposals = suggest_entries(texts, known, scenario.get("min_count", 2))
    assert [_describe(proposal) for proposal in proposals] == scenario["expect"]


def test_proposal_lists_files_and_total() -> None:
    texts = [("a.txt", "Podolyak, Podolyak, Podoliak."), ("b.txt", "Mykhailo Podolyak.")]
    [proposal] = suggest_entries(texts, None)
    assert proposal == Proposal(
        key="podoliak", forms=[("Podolyak", 3), ("Podoliak", 1)],
        files={"Podolyak": [("a.txt", 2), ("b.txt", 1)], "Podoliak": [("a.txt", 1)]}, total=4)


def test_rendered_proposals_are_commented_out_entries() -> None:
    texts = [(f"story{number}.txt", "Podolyak and Syrskyi. Podoliak, Syrsky, Podoljak.")
             for number in range(7)]
    rendered = render_proposals_toml(suggest_entries(texts, None))
    lines = rendered.splitlines()
    assert all(line.startswith("# ") for line in lines if line)
    assert lines[:10] == [
        "# # podoliak: 3 spellings, 21 occurrences",
        "# #   Podoliak ×7: story0.txt (1), story1.txt (1), story2.txt (1), story3.txt (1), "
        "story4.txt (1) and 2 more files",
        "# #   Podoljak ×7: story0.txt (1), story1.txt (1), story2.txt (1), story3.txt (1), "
        "story4.txt (1) and 2 more files",
        "# #   Podolyak ×7: story0.txt (1), story1.txt (1), story2.txt (1), story3.txt (1), "
        "story4.txt (1) and 2 more files",
        "# [[entry]]",
        '# id = "podoliak"',
        '# kind = "term"  # or place, person, organisation',
        '# variants = ["Podoljak", "Podolyak"]',
        "#   [entry.forms.en]",
        '#   preferred = "Podoliak"',
    ]
    uncommented = "\n".join(line.removeprefix("# ") for line in lines)
    glossary = parse_glossary(uncommented, "proposals.toml")
    assert [entry.id for entry in glossary.entries] == ["podoliak", "syrsky"]


def test_nothing_to_propose_renders_nothing() -> None:
    assert render_proposals_toml([]) == ""


def test_proposals_in_other_languages_propose_that_language() -> None:
    text = ("Der Präsidentenberater Podoljak sagte am Montag, die Gespräche mit der russischen "
            "Seite seien nicht beendet. Podoljak und Podoliak wurden in der Zeitung zitiert, "
            "und es ist nicht klar, wer die Verhandlungen führen wird.")
    [proposal] = suggest_entries([("de.txt", text)], None)
    assert proposal.lang == "de"
    rendered = render_proposals_toml([proposal]).splitlines()
    assert rendered[0] == "# # podoliak: 2 spellings, 3 occurrences in de copy"
    assert "#   [entry.forms.de]" in rendered


def test_an_archives_common_spellings_keep_their_most_frequent_files_only() -> None:
    """Counts per file are bounded (``MAX_FILES_KEPT``); documents and totals stay exact,
    and the files kept do not depend on how the archive was cut into parts."""
    texts = [(f"d{number:03d}.txt", "Mr Blorvikov spoke. " * (1 + number % 7)
              + ("Blorvikow said so. " if number % 3 == 0 else "")) for number in range(90)]
    whole = NameTally()
    for path, text in texts:
        whole.add(path, text, None)
    parts = [NameTally() for _ in range(3)]
    for index, (path, text) in enumerate(texts):
        parts[index % 3].add(path, text, None)
    merged = NameTally()
    for part in reversed(parts):
        merged.merge(part)
    for tally in (whole, merged):
        [proposal] = tally.proposals()
        assert dict(proposal.forms) == {"Blorvikov": sum(1 + n % 7 for n in range(90)),
                                        "Blorvikow": 30}
        assert proposal.documents == {"Blorvikov": 90, "Blorvikow": 30}
        assert len(proposal.files["Blorvikov"]) == MAX_FILES_KEPT
        assert all(count == 7 for _, count in proposal.files["Blorvikov"][:12])
        assert "and 85 more files" in render_proposals_toml([proposal])
    assert whole.proposals()[0].files == merged.proposals()[0].files


def test_a_tally_remembers_names_per_glossary_and_pickles_only_its_counts() -> None:
    names = Counter({"Kiev": 2, "Mr Blorvikov": 1})
    tally = NameTally()
    tally.add_names("a.txt", "In Kiev, Mr Blorvikov.", "en", names, None)
    tally.add_names("b.txt", "In Kiev, Mr Blorvikov.", "en", names, _bundled_index())
    counted = {spelling.written.most_common(1)[0][0]: dict(spelling.files)
               for spelling in tally.spellings.values()}
    # Kiev is a glossary name: counted while there was no glossary, not once there is one.
    assert counted == {"Kiev": {"a.txt": 2}, "Blorvikov": {"a.txt": 1, "b.txt": 1}}
    copy = pickle.loads(pickle.dumps(tally))
    assert "_words" not in copy.__getstate__() and len(copy._words) == 0
    copy.add_names("c.txt", "Mr Blorvikov.", "en", Counter({"Mr Blorvikov": 1}), None)
    assert sum(spelling.documents for spelling in copy.spellings.values()) == 4  # 1 + 3
