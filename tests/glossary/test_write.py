"""Editing glossary files: layout kept, invalid edits refused, writes locked and atomic."""

from __future__ import annotations

import dataclasses
import difflib
import multiprocessing
import os
import re
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from translint.errors import GlossaryError
from translint.glossary.edits import Addition, Change, Removal, check_addition, split_person_name
from translint.glossary.load import load_glossary, parse_glossary
from translint.glossary.model import LanguageForms, Location, NameForms
from translint.glossary.write import (
    add_to_text,
    append_text,
    change_text,
    check_glossary_text,
    edit_glossary,
    merge_into_text,
    remove_from_text,
)

from ..conftest import CASES, bundled_glossary, load_toml

EDIT_CASES = load_toml(CASES / "write" / "edits.toml")["case"]
KYIV = '[[entry]]\nid = "kyiv"\nvariants = ["Kiev"]\n  [entry.forms.en]\n  preferred = "Kyiv"\n'


def _name_forms(data: dict[str, Any]) -> NameForms:
    return NameForms(
        forms={lang: LanguageForms(forms["preferred"], tuple(forms.get("accepted", ())),
                                   tuple(forms.get("variants", ())), forms.get("source"))
               for lang, forms in data.get("forms", {}).items()},
        variants=tuple(data.get("variants", ())))


def _edit(case: dict[str, Any], text: str) -> str:
    if "add" in case:
        data = case["add"]
        addition = Addition(entry_id=data["id"], name=_name_forms(data),
                            given=_name_forms(data["given"]) if "given" in data else None,
                            exceptions=tuple(data.get("exceptions", ())),
                            kind=data.get("kind"), note=data.get("note"),
                            source=data.get("source"))
        check_addition(addition, "g.toml")  # as glossary add does
        return add_to_text(text, addition, "g.toml")
    if "set" in case:
        fields = {key: tuple(value) if isinstance(value, list) else value
                  for key, value in case["set"].items() if key != "id"}
        return change_text(text, Change(entry_id=case["set"]["id"], **fields), "g.toml")
    fields = {key: tuple(value) if isinstance(value, list) else value
              for key, value in case["remove"].items() if key != "id"}
    return remove_from_text(text, Removal(entry_id=case["remove"]["id"], **fields), "g.toml")


@pytest.mark.parametrize("case", EDIT_CASES, ids=[case["name"] for case in EDIT_CASES])
def test_edit(case: dict[str, Any]) -> None:
    if "error" in case:
        with pytest.raises(GlossaryError) as raised:
            check_glossary_text(_edit(case, case["before"]), "g.toml")
        first = str(raised.value).splitlines()[0]
        assert first.startswith(case["error"]), first
        return
    after = _edit(case, case["before"])
    assert after == case["after"]
    check_glossary_text(after, "g.toml")


def test_editing_the_bundled_glossary_touches_only_the_entry() -> None:
    text = bundled_glossary("ukraine-russia").read_text(encoding="utf-8")
    changed = change_text(text, Change("odesa", lang="de", preferred="Odesa",
                                       accepted=("Odessa",)))
    diff = [line for line in difflib.unified_diff(text.splitlines(), changed.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert diff == ['-  preferred = "Odessa"', '-  accepted = ["Odesa"]',
                    '+  preferred = "Odesa"', '+  accepted = ["Odessa"]']
    odesa = check_glossary_text(changed, "bundled.toml").get("odesa")
    assert odesa is not None and odesa.name.forms["de"].allowed == ("Odesa", "Odessa")


def test_merge_adds_new_entries_and_extends_known_ones() -> None:
    imported = parse_glossary(
        '[[entry]]\nid = "kyiv"\nvariants = ["Kijew"]\n  [entry.forms.de]\n'
        '  preferred = "Kiew"\n\n[[entry]]\nid = "odesa"\n  [entry.forms.en]\n'
        '  preferred = "Odesa"\n', "import.toml")
    merged = merge_into_text(KYIV, imported, "g.toml")
    glossary = check_glossary_text(merged, "g.toml")
    assert [entry.id for entry in glossary.entries] == ["kyiv", "odesa"]
    kyiv = glossary.entries[0]
    assert kyiv.name.variants == ("Kiev", "Kijew")
    assert list(kyiv.name.forms) == ["en", "de"]
    assert merge_into_text(merged, imported, "g.toml") == merged


def test_merge_lists_every_conflict() -> None:
    text = KYIV + '\n[[entry]]\nid = "odesa"\nkind = "place"\n  [entry.forms.en]\n' \
        '  preferred = "Odesa"\n'
    imported = parse_glossary(
        '[[entry]]\nid = "kyiv"\n  [entry.forms.en]\n  preferred = "Kiev"\n'
        '\n[[entry]]\nid = "luhansk"\n  [entry.forms.en]\n  preferred = "Luhansk"\n'
        '\n[[entry]]\nid = "odesa"\nkind = "organisation"\n  [entry.forms.en]\n'
        '  preferred = "Odesa"\n', "import.toml")
    with pytest.raises(GlossaryError) as raised:
        merge_into_text(text, imported, "g.toml")
    assert str(raised.value).splitlines() == [
        'g.toml: entry "kyiv" already prefers "Kyiv" in en; to change it: translint glossary '
        "set kyiv --lang en --preferred …",
        'g.toml: entry "odesa" already has kind "place"; change it with `translint glossary '
        'set`']


def test_merge_accepts_variants_another_language_prefers() -> None:
    imported = parse_glossary('[[entry]]\nid = "odesa"\nvariants = ["Odessa"]\n'
                              '  [entry.forms.en]\n  preferred = "Odesa"\n'
                              '  [entry.forms.de]\n  preferred = "Odessa"\n', "import.toml")
    merged = merge_into_text(KYIV, imported, "g.toml")
    assert check_glossary_text(merged, "g.toml").get("odesa") == dataclasses.replace(
        imported.entries[0], location=Location("g.toml", 7))


def test_append_text_keeps_one_blank_line() -> None:
    assert append_text("", "# a\n") == "# a\n"
    assert append_text("x = 1\n\n\n", "\n# a\n") == "x = 1\n\n# a\n"


def test_split_person_name() -> None:
    assert split_person_name("Mykhailo Podolyak") == ("Mykhailo", "Podolyak")
    assert split_person_name("Volodymyr Oleksandrovych Zelenskyy") == (
        "Volodymyr Oleksandrovych", "Zelenskyy")
    assert split_person_name("Zelenskyy") == (None, "Zelenskyy")


# -- files ----------------------------------------------------------------------------


def _addition(entry_id: str, form: str) -> Addition:
    return Addition(entry_id, NameForms({"en": LanguageForms(form)}))


def test_edit_glossary_writes_and_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(KYIV, encoding="utf-8")
    path.chmod(0o640)
    edit_glossary(path, lambda text: add_to_text(text, _addition("odesa", "Odesa")))
    assert load_glossary(path).get("odesa") is not None
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(item.name for item in tmp_path.iterdir()) == ["g.toml", "g.toml.lock"]


def test_edit_glossary_creates_or_refuses_files(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    with pytest.raises(GlossaryError, match="no such glossary file"):
        edit_glossary(path, lambda text: text + KYIV)
    edit_glossary(path, lambda text: text + KYIV, create=True)
    assert path.read_text(encoding="utf-8") == KYIV
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600
    with pytest.raises(GlossaryError, match="exists already"):
        edit_glossary(path, lambda text: KYIV, new=True)


def test_invalid_edit_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(KYIV, encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        edit_glossary(path, lambda text: add_to_text(text, _addition("kiev", "Kiev")))
    assert str(raised.value).splitlines()[-1] == (
        f"{path}: the glossary would not load after this edit; nothing was written")
    assert path.read_text(encoding="utf-8") == KYIV


def test_failed_write_leaves_the_file_untouched(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.toml"
    path.write_text(KYIV, encoding="utf-8")

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(GlossaryError, match=re.escape(
            "cannot write the glossary (No space left on device); the file is unchanged")):
        edit_glossary(path, lambda text: add_to_text(text, _addition("odesa", "Odesa")))
    assert path.read_text(encoding="utf-8") == KYIV
    assert sorted(item.name for item in tmp_path.iterdir()) == ["g.toml", "g.toml.lock"]


def test_conflicts_with_other_glossaries_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(KYIV, encoding="utf-8")
    other = parse_glossary('[[entry]]\nid = "odesa"\nvariants = ["Odessa"]\n'
                           '  [entry.forms.en]\n  preferred = "Odesa"\n', "other.toml")
    with pytest.raises(GlossaryError) as raised:
        edit_glossary(path, lambda text: add_to_text(text, _addition("odessa", "Odessa")),
                      [other])
    assert str(raised.value).splitlines()[0] == (
        f'{path}:7: variant "Odessa" of "odesa" is an allowed form of "odessa" '
        "(other.toml:1); one entry flags what the other recommends")
    assert path.read_text(encoding="utf-8") == KYIV


def test_a_held_lock_makes_the_edit_wait_then_give_up(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(KYIV, encoding="utf-8")
    with FileLock(f"{path}.lock"), pytest.raises(GlossaryError, match="locked by another "
                                                                      "editor"):
        edit_glossary(path, lambda text: add_to_text(text, _addition("odesa", "Odesa")),
                      timeout=0.2)
    assert path.read_text(encoding="utf-8") == KYIV


def test_windows_line_ends_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_bytes(b"\xef\xbb\xbf# desk\r\n" + KYIV.replace("\n", "\r\n").encode())
    edit_glossary(path, lambda text: add_to_text(text, _addition("odesa", "Odesa")))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# desk\r\n[[entry]]\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b'preferred = "Odesa"\r\n' in data


def _add_several(path: str, worker: int, count: int) -> None:
    for number in range(count):
        edit_glossary(path, lambda text, number=number: add_to_text(
            text, _addition(f"w{worker}-e{number}", f"Worker{worker}place{number}")))


@pytest.mark.slow
def test_concurrent_edits_from_several_processes_all_land(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(KYIV, encoding="utf-8")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_add_several, args=(str(path), worker, 5))
               for worker in range(8)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
        assert process.exitcode == 0
    glossary = load_glossary(path)
    assert len(glossary.entries) == 1 + 8 * 5
    assert {entry.id for entry in glossary.entries} == {"kyiv"} | {
        f"w{worker}-e{number}" for worker in range(8) for number in range(5)}
