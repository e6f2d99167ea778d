"""Language detection: stop words decide clear cases, langdetect the unclear ones."""

from __future__ import annotations

import langdetect
import pytest

from translint.text.langid import detect_language

ARTICLE = ("The talks resumed on Monday in the capital, where the two delegations met for "
           "the first time since the summer. Officials said that the meeting was useful and "
           "that a further round of talks was planned for the end of the month, but they "
           "gave no details of what had been agreed.")


@pytest.fixture
def langdetect_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = langdetect.detect

    def recording(sample: str) -> str:
        calls.append(sample)
        return original(sample)
    monkeypatch.setattr(langdetect, "detect", recording)
    return calls


@pytest.mark.parametrize(("text", "expected"), [
    (ARTICLE, "en"),
    # A headline and a standfirst: few stop words, but all of one language.
    ("Police track people laying flowers to Taras Shevchenko monument (photo)\n\n"
     "Police officers were seen writing down their names and passport information.", "en"),
    ("Luhansk 'people's governor' orders referendum May 11\n\nAt a referendum, people will "
     "be asked to say whether they support state autonomy for the Luhansk People’s Republic",
     "en"),
    ("Selenskyj trifft Scholz in Berlin\n\nDer ukrainische Präsident wird auch mit dem "
     "Bundestag sprechen, hieß es.", "de"),
])
def test_stop_words_decide_without_langdetect(text: str, expected: str,
                                              langdetect_calls: list[str]) -> None:
    assert detect_language(text) == expected
    assert langdetect_calls == []


def test_an_unclear_text_goes_to_langdetect(langdetect_calls: list[str]) -> None:
    # As many Spanish as English stop words: no clear lead.
    text = ("The report on la economía del país was published por el gobierno and the "
            "minister said it is con todo a good year para la región, the ministry added.")
    detect_language(text)
    assert len(langdetect_calls) == 1


def test_a_few_words_are_no_language(langdetect_calls: list[str]) -> None:
    assert detect_language("Kyiv, Kharkiv, Odesa") is None
    assert langdetect_calls == []
