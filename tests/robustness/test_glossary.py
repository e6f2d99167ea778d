"""Glossaries: characters no reader can see are refused on every way in, and CSV export
writes no cell a spreadsheet would run as a formula, losslessly."""

from __future__ import annotations

import csv
import io
import random
import re
from pathlib import Path

import pytest

from translint.glossary.csvio import (
    FORMULA_STARTS,
    quote_formula,
    read_csv,
    unquote_formula,
    write_csv,
)
from translint.glossary.load import load_glossary
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms
from translint.glossary.serialise import glossary_to_toml

from ..glossary.io_helpers import comparable
from .conftest import assert_error, translint

ODESA = '[[entry]]\nid = "odesa"\nkind = "place"\n  [entry.forms.en]\n  preferred = "Odesa"\n'
KYIV_CSV = ("id,kind,lang,status,form,source,note\nkyiv,place,,entry,,,\n"
            "kyiv,,en,preferred,Kyiv,,\nkyiv,,de,preferred,{form},,\n")
KYIV_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>t</title></titleStmt></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="kyiv">
        <langSec xml:lang="en">
          <termSec><term>{form}</term></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""
KHORRAMABAD = "خرم\u200cآباد"  # with a zero-width non-joiner, as Persian writes it
HIDDEN = [("\u00ad", "soft hyphen"), ("\u200b", "zero width space"),
          ("\u202e", "right-to-left override")]


def _glossary_file(folder: Path, text: str = ODESA, name: str = "g.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


# -- A. control and invisible characters ------------------------------------------------


def test_add_refuses_a_control_character_and_leaves_the_file_alone(tmp_path: Path) -> None:
    path = _glossary_file(tmp_path)
    before = path.read_bytes()
    result = translint("glossary", "add", "--glossary", "g.toml", "--kind", "place",
                       "--preferred", "Ky\x01iv", "kyiv", "--no-config", cwd=tmp_path)
    assert_error(result, r'^translint: g\.toml: entry "kyiv": the en preferred form '
                         r'"Ky\\x01iv" holds U\+0001 \(a control character\); remove it$')
    assert "\x01" not in result.stderr
    assert path.read_bytes() == before


def test_add_to_a_new_file_refuses_a_control_character_in_the_id(tmp_path: Path) -> None:
    result = translint("glossary", "add", "--glossary", "new.toml", "--preferred", "Kyiv",
                       "ky\x1biv", "--no-config", cwd=tmp_path)
    assert_error(result, r'entry id "ky\\x1biv" holds U\+001B \(a control character\)')
    assert not (tmp_path / "new.toml").exists()


@pytest.mark.parametrize(("char", "name"), HIDDEN, ids=[name for _, name in HIDDEN])
def test_add_refuses_an_invisible_character_in_a_variant(tmp_path: Path, char: str,
                                                         name: str) -> None:
    path = _glossary_file(tmp_path)
    before = path.read_bytes()
    result = translint("glossary", "add", "--glossary", "g.toml", "--variant", f"Ki{char}ev",
                       "--variant", "Kiew", "--preferred", "Kyiv", "kyiv", "--no-config",
                       cwd=tmp_path)
    shown = f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    assert_error(result, rf'^translint: g\.toml: entry "kyiv": the variant '
                         rf'"{re.escape(f"Ki{shown}ev")}" holds U\+{ord(char):04X} \({name}\); '
                         "remove it$")
    assert char not in result.stderr
    assert path.read_bytes() == before


def test_set_refuses_a_line_break_in_a_language_variant(tmp_path: Path) -> None:
    path = _glossary_file(tmp_path)
    before = path.read_bytes()
    result = translint("glossary", "set", "odesa", "--glossary", "g.toml", "--lang", "ru",
                       "--preferred", "Odessa", "--lang-variant", "Ode\nssa", "--no-config",
                       cwd=tmp_path)
    assert_error(result, r'entry "odesa": the ru variant "Ode\\nssa" holds U\+000A '
                         r"\(a line break\)")
    assert path.read_bytes() == before


@pytest.mark.parametrize(("written", "line", "named"), [
    ('preferred = "Ky\\u0007iv"', 4, r'"Ky\\x07iv" holds U\+0007 \(a control character\)'),
    ("preferred = 'Ky\tiv'", 4, r'"Ky\\tiv" holds U\+0009 \(a tab\)'),
    ('accepted = ["Kyiv City", "\u2067Kyiv\u2069"]', 5,
     r"U\+2067 \(right-to-left isolate\) and U\+2069 \(pop directional isolate\)"),
], ids=["escaped-bell", "raw-tab", "raw-isolates"])
def test_check_refuses_a_glossary_holding_a_hidden_character(tmp_path: Path, written: str,
                                                             line: int, named: str) -> None:
    forms = ('  preferred = "Kyiv"\n  ' + written if written.startswith("accepted")
             else "  " + written)
    _glossary_file(tmp_path, f'[[entry]]\nid = "kyiv"\n  [entry.forms.en]\n{forms}\n',
                   "bad.toml")
    result = translint("check", "-", "-g", "bad.toml", "--no-config", stdin="Kyiv\n",
                       cwd=tmp_path)
    assert_error(result, rf'^translint: bad\.toml:{line}: entry "kyiv": .*{named}; remove')


def test_validate_reports_a_hidden_character(tmp_path: Path) -> None:
    _glossary_file(tmp_path, ODESA + '\n[[entry]]\nid = "kyiv"\nsource = "AP\\u0000"\n'
                   '  [entry.forms.en]\n  preferred = "Kyiv"\n', "bad.toml")
    result = translint("glossary", "validate", "bad.toml", "--no-config", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        'bad.toml:9: entry "kyiv": the source "AP\\x00" holds U+0000 (a control character); '
        "remove it", "Found 1 problem in 1 glossary."]


def test_csv_import_refuses_a_control_character(tmp_path: Path) -> None:
    (tmp_path / "desk.csv").write_text(KYIV_CSV.format(form="Ky\x01iw"), encoding="utf-8")
    result = translint("glossary", "import", "desk.csv", "--no-config", cwd=tmp_path)
    assert_error(result, r'^translint: desk\.csv:2: entry "kyiv": the de preferred form '
                         r'"Ky\\x01iw" holds U\+0001 \(a control character\)')
    assert not (tmp_path / "desk.toml").exists()


# XML 1.0 cannot hold U+0001 at all (the parser refuses &#1;); U+007F it can.
@pytest.mark.parametrize(("form", "named"), [
    ("Ky&#127;iv", r'"Ky\\x7fiv" holds U\+007F \(a control character\)'),
    ("\u202eKyiv", r'"\\u202eKyiv" holds U\+202E \(right-to-left override\)'),
], ids=["delete", "override"])
def test_tbx_import_refuses_a_hidden_character(tmp_path: Path, form: str, named: str) -> None:
    (tmp_path / "desk.tbx").write_text(KYIV_TBX.format(form=form), encoding="utf-8")
    result = translint("glossary", "import", "desk.tbx", "-g", "out.toml", "--no-config",
                       cwd=tmp_path)
    assert_error(result, rf'^translint: desk\.tbx:6: entry "kyiv": the en preferred form '
                         rf"{named}")
    assert not (tmp_path / "out.toml").exists()


def test_a_zero_width_non_joiner_in_a_persian_form_is_accepted(tmp_path: Path) -> None:
    path = _glossary_file(tmp_path)
    result = translint("glossary", "add", "--glossary", "g.toml", "--lang", "fa",
                       "--preferred", KHORRAMABAD, "--kind", "place", "khorramabad",
                       "--no-config", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    entry = load_glossary(path).get("khorramabad")
    assert entry is not None and entry.name.forms["fa"].preferred == KHORRAMABAD
    validated = translint("glossary", "validate", "g.toml", "--no-config", cwd=tmp_path)
    assert validated.returncode == 0, validated.stdout


# -- B. CSV export neutralises formula cells --------------------------------------------


FORMULAS = Glossary(name="desk", fallback_lang="en", description="@desk's names", entries=(
    Entry(id="kyiv", kind="place", note="+380 44 (switchboard)", source="-dpa, 2024",
          name=NameForms(forms={"en": LanguageForms("Kyiv", variants=("-Kiev",),
                                                    accepted=("@Kyiv",), source="=1+1")},
                         variants=('=HYPERLINK("http://x.test","Kiev")',)),
          exceptions=("+chicken Kiev",)),
    Entry(id="den-bosch", kind="place", note="'=not a formula either",
          name=NameForms(forms={"nl": LanguageForms("'s-Hertogenbosch",
                                                    accepted=("''t Bosch",))})),
))


def test_csv_export_quotes_formula_cells_and_imports_them_back(tmp_path: Path) -> None:
    _glossary_file(tmp_path, glossary_to_toml(FORMULAS), "desk.toml")
    exported = translint("glossary", "export", "-g", "desk.toml", "-f", "csv", "--no-config",
                         cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    cells = _cells(exported.stdout)
    for cell in ("'=HYPERLINK(\"http://x.test\",\"Kiev\")", "'-Kiev", "'@Kyiv", "'=1+1",
                 "'+380 44 (switchboard)", "'-dpa, 2024", "'+chicken Kiev", "'@desk's names",
                 "''=not a formula either", "'''t Bosch", "'s-Hertogenbosch"):
        assert cell in cells, cell
    assert not [cell for cell in cells if cell[:1] in FORMULA_STARTS]
    (tmp_path / "desk.csv").write_text(exported.stdout, encoding="utf-8")
    imported = translint("glossary", "import", "desk.csv", "-g", "back.toml", "--no-config",
                         cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    back = load_glossary(tmp_path / "back.toml")
    assert comparable(back) == comparable(load_glossary(tmp_path / "desk.toml"))
    den_bosch = back.get("den-bosch")
    assert den_bosch is not None
    assert den_bosch.name.forms["nl"].preferred == "'s-Hertogenbosch"


def test_csv_saved_by_a_spreadsheet_imports_the_formula_text(tmp_path: Path) -> None:
    (tmp_path / "desk.csv").write_text(
        KYIV_CSV.format(form="Kiew") + "kyiv,,,variant,'=Kiev,,\n"
        "kyiv,,nl,preferred,'s-Hertogenbosch,,\n", encoding="utf-8")
    result = translint("glossary", "import", "desk.csv", "--no-config", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    entry = load_glossary(tmp_path / "desk.toml").get("kyiv")
    assert entry is not None
    assert entry.name.variants == ("=Kiev",)
    assert entry.name.forms["nl"].preferred == "'s-Hertogenbosch"


ALPHABET = "'=+-@\t\r ab"


def _random_text(rng: random.Random, alphabet: str = ALPHABET) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))


def test_quoting_a_cell_is_undone_by_unquoting_it() -> None:
    rng = random.Random(20240901)
    for _ in range(20_000):
        value = _random_text(rng)
        cell = quote_formula(value)
        assert unquote_formula(cell) == value, repr(value)
        assert cell[:1] not in FORMULA_STARTS, repr(value)
        assert cell == value or cell == "'" + value, repr(value)


def _random_glossary(rng: random.Random) -> Glossary:
    """A glossary whose every free-text value starts and ends with characters drawn from
    an alphabet rich in formula triggers and apostrophes (forms without tab or CR)."""

    def text(alphabet: str = ALPHABET, end: str = "") -> str:
        return (_random_text(rng, alphabet) + end).strip() or "x" + end

    def optional(alphabet: str = ALPHABET) -> str | None:
        return text(alphabet) if rng.random() < 0.7 else None

    def form(end: str) -> str:
        return text("'=+-@ ab", end)

    entries = []
    for number in range(rng.randint(1, 3)):
        forms = {"en": LanguageForms(form(f"p{number}"), accepted=(form(f"c{number}"),),
                                     variants=(form(f"v{number}"),),
                                     source=optional("'=+-@ ab"))}
        given = NameForms(forms={"en": LanguageForms(form(f"g{number}"))},
                          variants=(form(f"h{number}"),)) if number == 2 else None
        entries.append(Entry(
            id=f"e{number}", kind="person" if given else "term", given=given,
            name=NameForms(forms=forms, variants=(form(f"w{number}"),)),
            exceptions=(form(f"x{number}"),), note=optional(), source=optional("'=+-@ ab")))
    return Glossary(name=text(), entries=tuple(entries), description=optional())


def test_random_glossaries_round_trip_through_csv() -> None:
    rng = random.Random(1834)
    for _ in range(400):
        glossary = _random_glossary(rng)
        written = write_csv(glossary)
        assert not [cell for cell in _cells(written) if cell[:1] in FORMULA_STARTS], written
        assert comparable(read_csv(written, "x.csv")) == comparable(glossary), written
