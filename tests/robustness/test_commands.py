"""The other commands meet the same bad inputs as `check`: one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import GLOSSARY, assert_error, translint


@pytest.mark.slow
def test_translit_with_standard_input_closed() -> None:
    result = translint("translit", "-", stdin_closed=True)
    assert_error(result, r"<stdin>: standard input is closed")


def test_translit_of_utf16_input_names_the_encoding() -> None:
    result = translint("translit", "-", stdin="Київ\n".encode("utf-16"))
    assert_error(result, r"<stdin>: UTF-16 text \(it starts with a UTF-16 byte order mark\)")


@pytest.mark.slow
def test_suggest_reports_an_unreadable_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Syrskyi said. Syrsky said. Syrskyi again.\n",
                                    encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = translint("glossary", "suggest", str(tmp_path), "-g", GLOSSARY,
                           obey_permissions=True)
    finally:
        locked.chmod(0o755)
    assert_error(result, rf"{locked}: cannot read the directory: permission denied")
    assert "Syrsky" in result.stdout  # the readable copy is still mined


def test_validate_names_a_glossary_given_twice_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nid = "x"\nkind = "city"\n[entry.forms.en]\npreferred = "X"\n',
                   encoding="utf-8")
    result = translint("glossary", "validate", str(bad), str(bad))
    assert result.returncode == 1
    assert result.stdout.count('kind "city"') == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1] == "Found 1 problem in 1 glossary."
