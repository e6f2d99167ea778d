"""TL201 and TL210 over several packs: the calques of each pack found in one pass, the
best-fitting packs with ``auto``, the source languages a shared phrase names, TL210's
message, and ``auto`` from the configuration and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from translint.config import check_options, read_config
from translint.errors import ConfigError
from translint.findings import Finding
from translint.linter import Linter
from translint.rules.anchored import AnchoredIndex
from translint.settings import Selection

from ..conftest import invoke_cli

# Two packs for English copy that share the rule "gamma phrase".
SPANISH = """[pack]
id = "es-xx"
source = ["es"]
target = "en"

[[rule]]
id = "alpha"
pattern = "alpha phrase"
message = "Alpha."

[[rule]]
id = "beta"
pattern = "beta phrase"
message = "Beta."

[[rule]]
id = "gamma"
pattern = "gamma phrase"
message = "Gamma."
"""
FRENCH = SPANISH.replace('"es-xx"', '"fr-xx"').replace('["es"]', '["fr"]').replace(
    'id = "alpha"\npattern = "alpha phrase"', 'id = "delta"\npattern = "delta phrase"').replace(
    'id = "beta"\npattern = "beta phrase"', 'id = "epsilon"\npattern = "epsilon phrase"')


@pytest.fixture
def packs(tmp_path: Path) -> list[str]:
    (tmp_path / "es-xx.toml").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "fr-xx.toml").write_text(FRENCH, encoding="utf-8")
    return [str(tmp_path / "es-xx.toml"), str(tmp_path / "fr-xx.toml")]


def _check(packs: list[str], text: str, sources: tuple[str, ...] = (),
           codes: tuple[str, ...] = ("TL201", "TL210")) -> list[Finding]:
    linter = Linter.from_paths([], Selection(select=codes), "en", pack_paths=packs,
                               source_langs=sources)
    return linter.check_text(text)


def _rules(findings: list[Finding]) -> list[str]:
    return [finding.message.rsplit("[", 1)[1].rstrip("]") for finding in findings
            if finding.code == "TL201"]


MIXED = "An alpha phrase, a beta phrase, a gamma phrase and a delta phrase."


def test_every_pack_reports_its_calques(packs: list[str]) -> None:
    assert _rules(_check(packs, MIXED)) == ["es-xx/alpha", "es-xx/beta", "es-xx/gamma",
                                            "fr-xx/delta"]


def test_auto_keeps_the_pack_that_fits_best(packs: list[str]) -> None:
    # Spanish: alpha, beta, gamma (3); French: gamma, delta (2).
    assert _rules(_check(packs, MIXED, ("auto",))) == ["es-xx/alpha", "es-xx/beta",
                                                       "es-xx/gamma"]


def test_auto_keeps_every_pack_of_a_tie(packs: list[str]) -> None:
    text = "An alpha phrase and a delta phrase."
    assert _rules(_check(packs, text, ("auto",))) == ["es-xx/alpha", "fr-xx/delta"]
    assert _check(packs, "Nothing to see.", ("auto",)) == []


def test_a_phrase_of_several_packs_names_each_source(packs: list[str]) -> None:
    [finding] = _check(packs, "A gamma phrase.")
    assert finding.message == "Gamma. (also a calque from French) [es-xx/gamma]"


def test_a_shared_phrase_goes_to_the_pack_the_document_fits(packs: list[str]) -> None:
    findings = _check(packs, "A gamma phrase, a delta phrase and an epsilon phrase.")
    assert _rules(findings) == ["fr-xx/gamma", "fr-xx/delta", "fr-xx/epsilon"]
    assert "also a calque" not in findings[0].message  # Spanish has 1 calque, French 3


def test_the_source_is_named_once_on_the_first_calque_of_its_pack(packs: list[str]) -> None:
    text = "Intro.\nA gamma phrase, a delta phrase and an epsilon phrase. Then a delta phrase."
    [named] = _check(packs, text, codes=("TL210",))
    assert (named.line, named.column, named.text) == (2, 3, "gamma phrase")
    assert named.message == "Reads like a translation from French (4 calques of fr-xx)"
    assert named.severity.label == "info"


def test_no_source_without_a_clear_lead(packs: list[str]) -> None:
    # French 3 calques against Spanish 2: a lead of one is not enough.
    text = "A gamma phrase, a delta phrase, an epsilon phrase and an alpha phrase."
    assert _check(packs, text, codes=("TL210",)) == []


def test_the_document_is_matched_once_for_both_checks(
        packs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = AnchoredIndex.find_every

    def counted(self: AnchoredIndex, prose: str, lowered: str):  # type: ignore[no-untyped-def]
        calls.append(prose)
        return original(self, prose, lowered)

    monkeypatch.setattr(AnchoredIndex, "find_every", counted)
    findings = _check(packs, "A gamma phrase, a delta phrase and an epsilon phrase.")
    assert {finding.code for finding in findings} == {"TL201", "TL210"}
    assert len(calls) == 1


def test_auto_from_the_configuration(tmp_path: Path) -> None:
    path = tmp_path / "translint.toml"
    path.write_text('source_lang = "auto"\n', encoding="utf-8")
    config = read_config(path)
    assert config.source_langs == ("auto",)
    assert check_options(config).source_langs == ("auto",)
    assert check_options(config, source_langs=["es"]).source_langs == ("es",)
    with pytest.raises(ConfigError, match='--source-lang: "auto" finds the source language'):
        check_options(config, source_langs=["auto", "es"])


def test_auto_on_the_command_line(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text("It transpired that the plan had failed, and the mayor perceived certain "
                    "points of contact with the opposition.\n", encoding="utf-8")
    result = invoke_cli("check", str(copy), "--no-config", "--lang", "en",
                        "--source-lang", "auto", "--select", "TL2")
    assert "TL210 Reads like a translation from Spanish (2 calques of es-en)" in result.stdout
    refused = invoke_cli("check", str(copy), "--no-config", "--source-lang", "auto",
                         "--source-lang", "es")
    assert refused.returncode == 2 and '"auto" finds the source language' in refused.stderr
