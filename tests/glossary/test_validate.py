"""Linting glossaries: each file under tests/cases/validate/ lists the problems it must give.

A fixture states its expected problems in comments, ``# expect: LINE: message start``;
a file without any must validate cleanly. The files of a sub-folder are validated
together (conflicts between files).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from translint.errors import GlossaryError
from translint.glossary.load import bundled_glossary_paths, parse_glossary
from translint.glossary.validate import conflicts_with, near_duplicates, validate_paths

from ..conftest import CASES

FOLDER = CASES / "validate"
_EXPECT = re.compile(r"^# expect: (\d+): (.+)$", re.MULTILINE)
GROUPS = [[path] for path in sorted(FOLDER.glob("*.toml"))] + [
    sorted(folder.glob("*.toml")) for folder in sorted(FOLDER.iterdir()) if folder.is_dir()]


def _expected(paths: list[Path]) -> list[tuple[str, int, str]]:
    return [(path.relative_to(FOLDER).as_posix(), int(line), message)
            for path in paths
            for line, message in _EXPECT.findall(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("paths", GROUPS,
                         ids=[paths[0].parent.name if len(paths) > 1 else paths[0].name
                              for paths in GROUPS])
def test_validate_fixture(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FOLDER)
    problems = validate_paths([path.relative_to(FOLDER).as_posix() for path in paths])
    expected = _expected(paths)
    assert len(problems) == len(expected), "\n".join(str(problem) for problem in problems)
    for problem, (path, line, message) in zip(problems, expected, strict=True):
        assert (problem.path, problem.line) == (path, line), str(problem)
        assert problem.message.startswith(message), str(problem)


def test_bundled_glossaries_have_no_problems() -> None:
    assert validate_paths(bundled_glossary_paths()) == []


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no such glossary file"):
        validate_paths([tmp_path / "missing.toml"])


def test_a_file_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[[entry]]\nid = "k"\nnote = "\xe9"\n')
    assert [str(problem) for problem in validate_paths([path])] == [
        f"{path}: not UTF-8 (byte 0xe9 at line 3, byte column 9); convert the file to UTF-8"]


def test_conflicts_with_names_both_places() -> None:
    first = parse_glossary('[[entry]]\nid = "a"\n  [entry.forms.en]\n  preferred = "Aaaa"\n',
                           "a.toml")
    second = parse_glossary('[[entry]]\nid = "b"\nvariants = ["aaaa"]\n  [entry.forms.en]\n'
                            '  preferred = "Bbbb"\n', "b.toml")
    assert [str(problem) for problem in conflicts_with(second, [first])] == [
        'b.toml:1: variant "aaaa" of "b" is an allowed form of "a" (a.toml:1); one entry '
        "flags what the other recommends"]
    assert [str(problem) for problem in conflicts_with(second, [second])] == [
        'b.toml:1: duplicate id "b", also defined at b.toml:1; ids must be unique']


def test_near_duplicates_ignore_short_forms() -> None:
    glossary = parse_glossary('[[entry]]\nid = "a"\n  [entry.forms.en]\n  preferred = "Rih"\n'
                              '[[entry]]\nid = "b"\n  [entry.forms.en]\n  preferred = "Ryh"\n',
                              "g.toml")
    assert near_duplicates([glossary]) == []
