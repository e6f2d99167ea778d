"""A name and its gloss in a parenthesis: the spans found are those a test of every pair of
spellings finds, without trying every pair."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from translint.names.glosses import _WORDS, REACH, _rest_of_name, glossing


def _glosses_reference(prose: str, spans: dict[str, list[tuple[int, int]]],
                       identity: Callable[[str], str]) -> set[tuple[int, int]]:
    """Every span against every span of another spelling, as the rule reads."""
    found = set()
    for written, places in spans.items():
        others = [span for other, other_places in spans.items()
                  if identity(other) != identity(written) for span in other_places]
        for start, end in places:
            opening = prose.rfind("(", max(0, start - REACH - 1), start)
            if opening < 0 or not _WORDS.fullmatch(prose, opening + 1, start):
                continue
            closing = prose.find(")", end, end + REACH + 1)
            if closing < 0 or _WORDS.fullmatch(prose, end, closing) is None:
                continue
            if any(named_end <= opening and _rest_of_name(prose[named_end:opening])
                   for _, named_end in others):
                found.add((start, end))
    return found


def _identity(written: str) -> str:
    return written.lower().replace("k", "c")  # "Kiev" and "ciev" are one spelling


def _spans(prose: str, spellings: list[str]) -> dict[str, list[tuple[int, int]]]:
    return {written: [match.span() for match in re.finditer(re.escape(written), prose)]
            for written in spellings}


def test_a_gloss_right_after_the_name() -> None:
    prose = ("The Fondation pour l'Enfance (Foundation for Childhood) met. "
             "The Foundation said so.")
    spans = _spans(prose, ["Fondation", "Foundation"])
    first_foundation = spans["Foundation"][0]
    assert glossing(prose, spans, str.lower) == {first_foundation}


def test_spans_found_are_those_every_pair_gives() -> None:
    rng = random.Random(3)
    words = ["Kiev", "Kyiv", "Kyjiw", "(Kyiv)", "(Kiev", "pour", "de", "Enfance", "the", "City",
             "(", ")", ",",
             ".", "\n\n", " ", "  ", "-", "word" * 3, "x" * (REACH // 2)]
    spellings = ["Kiev", "Kyiv", "Kyjiw"]
    compared = found = 0
    for _ in range(400):
        prose = " ".join(rng.choice(words) for _ in range(rng.randint(3, 60)))
        spans = _spans(prose, spellings)
        expected = _glosses_reference(prose, spans, str.lower)
        assert glossing(prose, spans, str.lower) == expected, prose
        compared += 1
        found += len(expected)
    assert compared == 400 and found > 20  # glosses do occur in these texts


def test_a_long_text_of_two_spellings_is_not_read_pair_by_pair() -> None:
    """Thousands of each spelling, a few glossed (every pair: six million tries)."""
    prose = "Kiev and Kyiv met. " * 2500 + "Kiev (Kyiv) met. " * 3
    spans = _spans(prose, ["Kiev", "Kyiv"])
    glossed = glossing(prose, spans, _identity)
    assert len(glossed) == 3 and all(prose[start:end] == "Kyiv" for start, end in glossed)
