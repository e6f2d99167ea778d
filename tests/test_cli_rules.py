"""Rule packs and rule options from the configuration and the command line."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import HOUSE_PACK, ROOT
from .test_cli import translint

SEED = next((ROOT / "seeds").glob("*.txt"))


def _codes(result_stdout: str) -> list[tuple[int, str]]:
    return [(f["line"], f["code"]) for f in json.loads(result_stdout)["findings"]]


def _rule_ids(result_stdout: str) -> list[str]:
    return [f["message"].rsplit("[", 1)[-1].rstrip("]") for f in
            json.loads(result_stdout)["findings"] if f["code"] == "TL201"]


def test_user_pack_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(HOUSE_PACK, encoding="utf-8")
    (tmp_path / "translint.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Officials spoke with basis in the report from Brussels, and "
                     "it transpired that the teams had met.\n", encoding="utf-8")
    result = translint("check", str(story), "--lang", "en", "--select", "TL201", "-f", "json")
    assert _rule_ids(result.stdout) == ["house-en/with-basis-in", "es-en/it-transpired-that"]


def test_source_language_narrows_the_packs() -> None:
    every = translint("check", str(SEED), "--no-config", "--select", "TL201", "-f", "json")
    assert len(_rule_ids(every.stdout)) == 3
    german = translint("check", str(SEED), "--no-config", "--select", "TL201",
                       "--source-lang", "de", "-f", "json")
    assert _rule_ids(german.stdout) == []


def test_disabled_rules(tmp_path: Path) -> None:
    config = tmp_path / "translint.toml"
    config.write_text('disabled_rules = ["es-en/it-transpired-that"]\n', encoding="utf-8")
    result = translint("check", str(SEED), "--config", str(config), "--select", "TL201",
                       "-f", "json")
    assert _rule_ids(result.stdout) == ["es-en/perceive-points-of-contact",
                                        "es-en/long-way-to-come"]
    config.write_text('disabled_rules = ["es-en/no-such-rule"]\n', encoding="utf-8")
    bad = translint("check", str(SEED), "--config", str(config))
    assert bad.returncode == 2
    assert "disabled_rules names no pack or rule: es-en/no-such-rule" in bad.stderr


def test_bad_user_pack_is_an_error_before_checking(tmp_path: Path) -> None:
    (tmp_path / "house.toml").write_text(HOUSE_PACK.replace('pattern = "with basis in"',
                                                            'regex = "with (basis"'),
                                         encoding="utf-8")
    config = tmp_path / "translint.toml"
    config.write_text('packs = ["house.toml"]\n', encoding="utf-8")
    result = translint("check", str(SEED), "--config", str(config))
    assert result.returncode == 2
    assert f"{tmp_path / 'house.toml'}:6: rule \"with-basis-in\": bad pattern" in result.stderr
    assert "Traceback" not in result.stderr


def test_strip_credits_from_configuration_and_option(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Talks resumed on Monday.\n(Reporting by Pavel Polityuk; Editing by "
                     "Alex Richardson)\n", encoding="utf-8")
    kept = translint("check", str(story), "--no-config", "--select", "TL401", "-f", "json")
    assert _codes(kept.stdout) == []
    stripped = translint("check", str(story), "--no-config", "--select", "TL401",
                         "--strip-credits", "-f", "json")
    assert _codes(stripped.stdout) == [(2, "TL401")]
    (tmp_path / "translint.toml").write_text("strip_credits = true\n", encoding="utf-8")
    configured = translint("check", str(story), "--select", "TL401", "-f", "json")
    assert _codes(configured.stdout) == [(2, "TL401")]
    overridden = translint("check", str(story), "--select", "TL401", "--keep-credits",
                           "-f", "json")
    assert _codes(overridden.stdout) == []
