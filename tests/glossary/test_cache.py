"""The cache of loaded glossaries: used only for the same bytes, never trusted blindly."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from translint.errors import GlossaryErrors
from translint.glossary import cache as cache_module
from translint.glossary import load as load_module
from translint.glossary.cache import CACHE_ENV, MAX_AGE_DAYS, MIN_BYTES, default_cache_dir
from translint.glossary.load import load_glossary
from translint.names.index import NameIndex
from translint.names.variant_scan import VariantScanner

from ..conftest import CASES, CliResult, invoke_cli

SOURCE = CASES / "glossary.toml"


def _letters(number: int) -> str:
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[digit]
        if number == 0:
            return word


def _large_glossary_text() -> str:
    """The test glossary and enough places to be worth caching (``MIN_BYTES``)."""
    places = "".join(
        f'\n[[entry]]\nid = "place-{number}"\nkind = "place"\nsource = "test"\n'
        f'variants = ["Zavod{_letters(number)}ov"]\n  [entry.forms.en]\n'
        f'  preferred = "Zavod{_letters(number)}iv"\n'
        for number in range(800))
    text = SOURCE.read_text(encoding="utf-8") + places
    assert len(text.encode("utf-8")) >= MIN_BYTES
    return text


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "names.toml"
    path.write_text(_large_glossary_text(), encoding="utf-8")
    return path


def _cache_files(folder: Path) -> list[Path]:
    """The glossary cache files (the phrasing packs are cached in the same folder)."""
    return sorted(folder.glob("glossary-*.pickle")) if folder.exists() else []


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, path: str = "") -> None:
        raise AssertionError(f"{path} was parsed, not taken from the cache")
    monkeypatch.setattr(load_module, "parse_glossary", refuse)


def test_second_load_comes_from_the_cache(glossary: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    first = load_glossary(glossary, folder)
    assert len(_cache_files(folder)) == 1
    _no_parsing(monkeypatch)
    cached = load_glossary(glossary, folder)
    assert cached == first
    assert NameIndex in cached.derived  # the matching engine's tables come with it
    # TL101's scanner of each language of the forms too, which finds what a new one finds.
    index = NameIndex.of_glossary(cached)
    scanner = index.scanners.get("en")
    assert isinstance(scanner, VariantScanner) and scanner.index is index
    text = "Talks in Kiev and Zavodbov, then Zavodbiv."
    lowered = text.lower()
    found = scanner.matches(text, lowered)
    assert [text[match.start:match.end] for match in found] == ["Kiev", "Zavodbov", "Zavodbiv"]
    assert found == VariantScanner(index, "en").matches(text, lowered)
    with pytest.raises(AssertionError, match="was parsed"):
        load_glossary(glossary)  # without the cache folder it is parsed


def test_without_a_cache_folder_nothing_is_cached(glossary: Path, tmp_path: Path) -> None:
    load_glossary(glossary)
    assert not list(tmp_path.glob("**/*.pickle"))


def test_an_edit_is_seen_and_replaces_the_cache_file(glossary: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    before = load_glossary(glossary, folder)
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace('preferred = "Kyiv"', 'preferred = "Kyyiv"', 1),
                        encoding="utf-8")
    after = load_glossary(glossary, folder)
    assert after != before
    assert "Kyyiv" in [entry.preferred("en", "en") for entry in after.entries]
    assert len(_cache_files(folder)) == 1


def test_a_small_glossary_is_parsed_every_time(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    load_glossary(SOURCE, folder)
    assert _cache_files(folder) == []


def test_files_not_written_for_a_month_are_removed(glossary: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    stale, recent = folder / "glossary-0.pickle", folder / "glossary-1.pickle"
    for path in (stale, recent):
        path.write_bytes(b"old")
    old = time.time() - (MAX_AGE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    load_glossary(glossary, folder)
    assert not stale.exists() and recent.exists()
    assert len(_cache_files(folder)) == 2


def test_an_invalid_glossary_is_never_cached(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    bad = tmp_path / "bad.toml"
    bad.write_text(_large_glossary_text() + '[[entry]]\nid = "x"\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(GlossaryErrors):
            load_glossary(bad, folder)
    assert _cache_files(folder) == []


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05N."])
def test_a_damaged_cache_file_is_a_miss(glossary: Path, tmp_path: Path, damage: bytes) -> None:
    folder = tmp_path / "cache"
    expected = load_glossary(glossary, folder)
    [cached] = _cache_files(folder)
    cached.write_bytes(damage)
    assert load_glossary(glossary, folder) == expected
    assert cached.read_bytes() != damage  # rewritten


def test_an_unwritable_cache_folder_is_ignored(glossary: Path, tmp_path: Path) -> None:
    occupied = tmp_path / "file-not-folder"
    occupied.write_text("", encoding="utf-8")
    assert load_glossary(glossary, occupied / "cache").entries


def test_cache_files_differ_by_path_since_locations_name_it(glossary: Path,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    copy = tmp_path / "copy.toml"
    copy.write_bytes(glossary.read_bytes())
    first, second = load_glossary(glossary, folder), load_glossary(copy, folder)
    assert len(_cache_files(folder)) == 2
    assert first.entries[0].location != second.entries[0].location
    assert str(copy) in str(second.entries[0].location)


def test_the_environment_chooses_or_disables_the_folder(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.setenv(CACHE_ENV, "")
    assert default_cache_dir() is None
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "translint"


def test_changed_glossary_code_invalidates(glossary: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    load_glossary(glossary, folder)
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: b"other code")
    load_glossary(glossary, folder)
    assert len(_cache_files(folder)) == 2


def _check(glossary: Path, folder: Path, *extra: str) -> CliResult:
    return invoke_cli("check", "-", "-g", str(glossary), "--lang", "en", *extra,
                      input="Talks in Kiev.\n", env={CACHE_ENV: str(folder)})


def test_check_caches_unless_told_not_to(glossary: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    uncached = _check(glossary, folder, "--no-cache")
    assert uncached.returncode == 1 and "TL101" in uncached.stdout
    assert not folder.exists()  # neither glossaries nor phrasing packs
    first, second = _check(glossary, folder), _check(glossary, folder)
    assert len(_cache_files(folder)) == 1
    assert first.stdout == second.stdout == uncached.stdout
    assert first.returncode == second.returncode == 1
