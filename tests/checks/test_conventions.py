"""TL202 and TL203: what the data-driven cases cannot say — severities, messages, Moses."""

from __future__ import annotations

from translint.findings import Finding, Severity
from translint.fix import fix_text
from translint.linter import Linter
from translint.settings import Selection


def _check(text: str, lang: str) -> list[Finding]:
    linter = Linter.from_paths([], Selection(select=("TL202", "TL203")), lang)
    return linter.check_text(text)


def test_french_lapse_is_information_only() -> None:
    text = "Il a dit\u00a0: «\u00a0Non\u00a0». Pourquoi\u202f? Parce que\u202f! Et alors?"
    [finding] = _check(text, "fr")
    assert (finding.text, finding.severity, finding.suggestion) == ("?", Severity.INFO,
                                                                     "\u202f?")
    assert "narrow no-break space before '?'" in finding.message


def test_english_findings_are_warnings_naming_the_convention() -> None:
    findings = _check("Scholz spoke of a „Zeitenwende“ and said\u00a0: 3,5 million.", "en")
    assert [finding.severity for finding in findings] == [Severity.WARNING] * 4
    assert all(finding.fixable for finding in findings)
    messages = [finding.message for finding in findings]
    assert messages[0] == "German low-high quotation mark „ in English copy"
    assert messages[1] == "German closing quotation mark “ in English copy"
    assert messages[2].startswith("French-style no-break space before ':' in English copy")
    assert messages[3] == ('"3,5" has a decimal comma (continental European style); '
                           "English copy writes 3.5")


def test_fixes_agree_with_moses_for_straight_quote_copy() -> None:
    """Where the copy uses straight quotes, our fix is what MosesPunctNormalizer writes.

    Except its English rule moving commas inside quotes, which is not ours to make.
    """
    from sacremoses import MosesPunctNormalizer

    text = 'He said "yes", then «\u00a0no\u00a0» and „maybe“; she asked\u00a0: why\u00a0?'
    fixed, _ = fix_text(text, _check(text, "en"))
    assert fixed == 'He said "yes", then "no" and "maybe"; she asked: why?'
    assert fixed == MosesPunctNormalizer(lang="en", norm_quote_commas=False).normalize(text)
