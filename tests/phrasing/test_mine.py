"""Mining over-used phrasing on small synthetic corpora written for these tests."""

from __future__ import annotations

import math

import pytest

from translint.phrasing.mine import Tokeniser, context, is_style, log_odds_z, mine_phrasing

FILLERS = [
    "The council met on a cold morning and voted on the budget.",
    "Residents said the bus service had improved over the summer.",
    "Prices at the market rose slightly after the storm passed.",
    "A new school opened near the river with room for three classes.",
    "The team lost at home but the coach said the players fought hard.",
    "Police closed the road for an hour while workers cleared the trees.",
]


def corpora() -> tuple[list[str], list[str]]:
    """Translated texts with one phrase planted in each; native texts without it.
    Both sides share "according to the report", equally common."""
    translated = [f"{filler} In this sense, officials promised more work. "
                  f"According to the report, nothing changed."
                  for filler in FILLERS]
    native = [f"{filler} Officials promised more work. According to the report, nothing "
              f"changed." for filler in FILLERS * 2]
    return translated, native


def test_the_planted_phrase_ranks_first() -> None:
    translated, native = corpora()
    phrases = mine_phrasing(translated, native, min_docs=3, max_n=3)
    # Every n-gram overlapping the plant is as over-used; the one without punctuation ranks
    # first, and those found only inside a longer one ("this sense", "in") are not reported.
    assert phrases[0].ngram == "in this sense"
    assert all(phrase.ngram in ". in this sense , officials promised" for phrase in phrases[:5])
    assert not {"in", "this sense", "sense"} & {phrase.ngram for phrase in phrases}
    planted = next(phrase for phrase in phrases if phrase.ngram == "in this sense")
    assert planted.docs_translated == 6 and planted.docs_native == 0
    assert planted.per_10k_native == 0 and planted.per_10k_translated > 0
    assert len(planted.contexts) == 2
    assert "In this sense, officials" in planted.contexts[0]


def test_a_phrase_as_common_on_both_sides_is_not_reported() -> None:
    translated, native = corpora()
    reported = {phrase.ngram for phrase in mine_phrasing(translated, native, min_docs=3)}
    assert "according to the report" not in reported
    assert "according to" not in reported
    assert all(phrase.z > 0 for phrase in mine_phrasing(translated, native))


def test_min_docs_drops_phrases_in_too_few_translated_texts() -> None:
    translated, native = corpora()
    translated[0] += " Wholly unusual wording here."
    assert any("wholly" in p.ngram for p in mine_phrasing(translated, native, min_docs=1))
    assert not any("wholly" in p.ngram for p in mine_phrasing(translated, native, min_docs=2))


def test_a_limit_on_native_documents_drops_what_native_copy_uses_too() -> None:
    """"the" is over-used in the translated texts but in every native one: a draft rule
    made of it would fail the gate, so a limit on native documents per 1,000 drops it."""
    translated, native = corpora()
    translated = [text + " The the the." for text in translated]
    native = [*native, *(f"{filler} Plain copy without the phrase." for filler in FILLERS)]
    every = {phrase.ngram for phrase in mine_phrasing(translated, native, max_n=3)}
    assert {"the", "in this sense"} <= every
    kept = {phrase.ngram for phrase in mine_phrasing(translated, native, max_n=3,
                                                      max_native_per_1000=5)}
    assert "in this sense" in kept and "the" not in kept
    assert all(phrase.docs_native * 1000 <= 5 * len(native) for phrase in
               mine_phrasing(translated, native, max_native_per_1000=5))


def test_top_and_ranking_order() -> None:
    translated, native = corpora()
    phrases = mine_phrasing(translated, native, top=4)
    assert len(phrases) == 4
    assert [p.z for p in phrases] == sorted((p.z for p in phrases), reverse=True)


def test_names_numbers_and_urls_are_masked_but_not_sentence_starts() -> None:
    lines = Tokeniser("en").tokens(
        'Yesterday Maria Lopez paid 1,200 euros. "Prices" rose, see https://example.org/a.\n'
        "Then I left.")
    forms = [[token.form for token in line] for line in lines]
    assert forms[0] == ["yesterday", "<name>", "<name>", "paid", "<num>", "euros", ".", '"',
                        "prices", '"', "rose", ",", "see", "<url>", "."]
    assert forms[1] == ["then", "i", "left", "."]


def test_tokens_keep_their_offsets_in_the_text() -> None:
    text = "It’s said that Kyiv’s mayor spoke."
    line = Tokeniser("en").tokens(text)[0]
    spoken = next(token for token in line if token.form == "spoke")
    assert text[spoken.start:spoken.end] == "spoke"
    assert [token.form for token in line][:3] == ["it", "'s", "said"]


def test_masked_ngrams_generalise_across_names() -> None:
    translated = [f"The head of {name} said so in the statement." for name in
                  ("Ruritania", "Freedonia", "Elbonia", "Genovia")]
    native = ["The minister spoke in the statement."] * 4
    phrases = mine_phrasing(translated, native, min_docs=3, max_n=3)
    assert "the head of" in {p.ngram for p in phrases}
    assert "of <name> said" in {p.ngram for p in phrases}


def test_ngrams_of_placeholders_and_punctuation_are_skipped() -> None:
    assert not is_style(("<name>", ",", "<num>"))
    assert is_style(("<name>", "said"))
    translated = ["Ruritania Freedonia , 2024 ."] * 4
    native = ["Nothing here at all ."] * 4
    phrases = mine_phrasing(translated, native, min_docs=1, max_n=3)
    assert all(is_style(tuple(p.ngram.split(" "))) for p in phrases)


def test_the_z_score_is_monroe_et_al() -> None:
    # delta = log(12/88) - log(4/196); variance = 1/12 + 1/4.
    z = log_odds_z(10, 100, 2, 200, 2.0, 0.0)
    expected = (math.log(12 / 88) - math.log(4 / 196)) / math.sqrt(1 / 12 + 1 / 4)
    assert z == pytest.approx(expected)
    assert log_odds_z(5, 100, 5, 100, 1.0, 10.0) == pytest.approx(0.0)


def test_context_is_forty_characters_either_side_on_one_line() -> None:
    text = "x" * 50 + " target\nphrase " + "y" * 50
    snippet = context(text, 51, 64)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "target phrase" in snippet and "\n" not in snippet


@pytest.mark.parametrize("translated, native", [([], ["Some native text."]),
                                                (["Some translated text."], ["  "])])
def test_an_empty_side_is_an_error(translated: list[str], native: list[str]) -> None:
    with pytest.raises(ValueError, match="no text to compare"):
        mine_phrasing(translated, native)


def test_bad_parameters_are_errors() -> None:
    with pytest.raises(ValueError):
        mine_phrasing(["a"], ["b"], max_n=0)
    with pytest.raises(ValueError):
        mine_phrasing(["a"], ["b"], min_docs=0)


def test_counting_the_native_side_in_two_processes_gives_the_same_ranking() -> None:
    translated, native = corpora()
    native = native * 20  # several chunks for the workers
    assert mine_phrasing(translated, native, jobs=2) == mine_phrasing(translated, native)
