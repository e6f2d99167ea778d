"""The cache of phrasing packs and rule indexes: used only for the same pack bytes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tests.conftest import HOUSE_PACK
from translint.checks import calque_packs
from translint.checks.calque_packs import phrasing_index
from translint.linter import Linter
from translint.rules import pack_cache
from translint.rules.packs import bundled_pack_paths, load_pack
from translint.settings import Selection

TEXT = "Officials spoke with basis in the report, in the form of a memo.\n"


def _rules_found(pack: Path, cache: Path, text: str = TEXT) -> list[str]:
    linter = Linter([], Selection(select=["TL201"]), "en", pack_paths=[pack], cache_dir=cache)
    return [finding.rule or "" for finding in linter.check_text(text, "story.txt")]


def _no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pack was read, not taken from the cache")
    monkeypatch.setattr(calque_packs, "load_pack", refuse)
    monkeypatch.setattr(calque_packs, "PhrasingIndex", refuse)


def test_a_second_run_takes_the_packs_and_index_from_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack, cache = tmp_path / "house.toml", tmp_path / "cache"
    pack.write_text(HOUSE_PACK, encoding="utf-8")
    assert _rules_found(pack, cache) == ["house-en/with-basis-in"]
    assert len(list(cache.glob("phrasing-*.pickle"))) == 2  # the packs, the index for en
    _no_loading(monkeypatch)
    assert _rules_found(pack, cache) == ["house-en/with-basis-in"]


def test_a_changed_pack_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack, cache = tmp_path / "house.toml", tmp_path / "cache"
    pack.write_text(HOUSE_PACK, encoding="utf-8")
    assert _rules_found(pack, cache) == ["house-en/with-basis-in"]
    written = {path: path.read_bytes() for path in cache.glob("phrasing-*.pickle")}
    pack.write_text(HOUSE_PACK.replace("with-basis-in", "in-the-form-of").replace(
        "with basis in", "in the form of"), encoding="utf-8")
    assert _rules_found(pack, cache) == ["house-en/in-the-form-of"]
    # The same cache files, rewritten: a pack edited again and again fills no folder.
    assert {path: path.read_bytes() for path in cache.glob("phrasing-*.pickle")}.keys() \
        == written.keys()
    assert all(path.read_bytes() != data for path, data in written.items())
    _no_loading(monkeypatch)
    assert _rules_found(pack, cache) == ["house-en/in-the-form-of"]


def test_a_damaged_cache_file_is_only_a_miss(tmp_path: Path) -> None:
    pack, cache = tmp_path / "house.toml", tmp_path / "cache"
    pack.write_text(HOUSE_PACK, encoding="utf-8")
    _rules_found(pack, cache)
    for path in cache.glob("phrasing-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert _rules_found(pack, cache) == ["house-en/with-basis-in"]
    for path in cache.glob("phrasing-*.pickle"):
        pickle.loads(path.read_bytes())  # written again, whole


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text(HOUSE_PACK, encoding="utf-8")
    linter = Linter([], Selection(select=["TL201"]), "en", pack_paths=[pack])
    assert [f.rule for f in linter.check_text(TEXT, "story.txt")] == ["house-en/with-basis-in"]
    assert list(tmp_path.iterdir()) == [pack]


def test_a_pickled_rule_leaves_its_compiled_expression_behind() -> None:
    rule = load_pack(bundled_pack_paths()[0]).rules[0]
    assert rule.expression.search(rule.should_match[0])
    copy = pickle.loads(pickle.dumps(rule))
    assert "expression" not in copy.__dict__ and copy == rule
    assert copy.expression.pattern == rule.source


def test_an_unreadable_pack_is_not_cached(tmp_path: Path) -> None:
    assert pack_cache.packs_digest([str(tmp_path / "missing.toml")]) is None
    built = pack_cache.cached(tmp_path, ("packs",), None, lambda: [1], list)
    assert built == [1] and not list(tmp_path.iterdir())


def test_prepare_builds_every_pack_language_when_the_language_is_detected() -> None:
    linter = Linter([], Selection(select=["TL201"]))
    linter.prepare()
    built = {lang for (build, lang) in linter.resources._built if build is phrasing_index}
    targets = {load_pack(path).target for path in bundled_pack_paths()}
    assert built == targets and "en" in built
