"""The glossary commands, translit and configuration — run in this process as the console
script runs them; concurrent edits from several real processes are marked slow."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from translint.glossary.load import bundled_glossary_paths, load_glossary

from .conftest import CASES, ROOT, bundled_glossary, load_toml
from .test_cli import translint

SESSIONS = load_toml(CASES / "cli_glossary" / "sessions.toml")["session"]
MINI = str(CASES / "glossary.toml")
BUNDLED = str(bundled_glossary("ukraine-russia"))
MIDDLE_EAST = str(bundled_glossary("middle-east"))
WORLD = str(bundled_glossary("world"))


@pytest.mark.parametrize("session", SESSIONS, ids=[session["name"] for session in SESSIONS])
def test_session(session: dict[str, Any], tmp_path: Path) -> None:
    for name, text in session.get("files", {}).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    for step in session["step"]:
        result = translint(*step["args"], cwd=tmp_path)
        where = " ".join(step["args"])
        assert result.stderr.strip() == step["stderr"].strip().replace("{bundled}", BUNDLED), (
            where)
        assert result.returncode == step.get("exit", 0), f"{where}\n{result.stderr}"
        if "stdout" in step:
            assert result.stdout == step["stdout"], where
    for expected in session["expect"]:
        assert (tmp_path / expected["path"]).read_text(encoding="utf-8") == expected["text"]


@pytest.mark.slow
def test_concurrent_adds_from_several_processes(tmp_path: Path) -> None:
    glossary = tmp_path / "desk.toml"
    glossary.write_text("# shared by the whole desk\n", encoding="utf-8")
    script = ("import sys\nfrom translint.cli import app\n"
              "for number in range(5):\n"
              "    worker = sys.argv[1]\n"
              "    try:\n"
              "        app(['glossary', 'add', f'w{worker}-{number}', '--preferred',\n"
              "             f'Worker{worker}town{number}', '-g', sys.argv[2]])\n"
              "    except SystemExit as exit:\n"
              "        assert exit.code == 0, exit.code\n")
    processes = [subprocess.Popen([sys.executable, "-c", script, str(worker), str(glossary)],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for worker in range(8)]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
    loaded = load_glossary(glossary)
    assert sorted(entry.id for entry in loaded.entries) == sorted(
        f"w{worker}-{number}" for worker in range(8) for number in range(5))
    assert glossary.read_text(encoding="utf-8").startswith("# shared by the whole desk\n")


# -- reading --------------------------------------------------------------------------


def test_list_text_and_json() -> None:
    result = translint("glossary", "list", "-g", MINI)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "kyiv                         place        Kyiv  [en de es]"
    assert "mykhailo-podolyak            person       Mykhailo Podolyak  [en]" in lines
    german = translint("glossary", "list", "--lang", "de", "-g", MINI).stdout.splitlines()
    assert german == ["kyiv                         place        Kiew (also Kyjiw)",
                      "kryvyi-rih                   place        Krywyj Rih",
                      "zaporizhzhia                 place        Saporischschja",
                      "vladimir-putin               person       Wladimir Putin"]
    people = json.loads(translint("glossary", "list", "--kind", "person", "-f", "json",
                                  "-g", MINI).stdout)
    assert [entry["id"] for entry in people] == ["mykhailo-podolyak", "volodymyr-zelenskyy",
                                                 "vladimir-putin"]
    assert people[0] == {
        "id": "mykhailo-podolyak", "kind": "person", "glossary": "mini", "path": MINI,
        "line": people[0]["line"], "note": None, "source": "AP", "exceptions": [],
        "variants": ["Podoliak"],
        "forms": {"en": {"preferred": "Podolyak", "accepted": [], "variants": [],
                         "source": None}},
        "given": {"variants": ["Mikhailo", "Mikhail"],
                  "forms": {"en": {"preferred": "Mykhailo", "accepted": [], "variants": [],
                                   "source": None}}},
    }


def test_show() -> None:
    result = translint("glossary", "show", "kyiv", "-g", MINI)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"kyiv (place)  {MINI}:4",
        "  source      AP Stylebook, 2019",
        "  exceptions  chicken Kiev, Kievan Rus, Dynamo Kiev",
        "  variants    Kiev, Kyjiv",
        "  en          Kyiv",
        "  de          Kiew; accepted: Kyjiw",
        "  es          Kiev",
    ]
    missing = translint("glossary", "show", "kiyv", "-g", MINI)
    assert missing.returncode == 2
    assert missing.stderr == ('translint: no entry "kiyv" in the glossaries; did you mean '
                              "kyiv?\n")
    assert json.loads(translint("glossary", "show", "kyiv", "-f", "json").stdout)[
        "glossary"] == "ukraine-russia"


# -- validate -------------------------------------------------------------------------


def test_bundled_glossaries_pass_validate() -> None:
    result = translint("glossary", "validate")
    assert result.returncode == 0, result.stdout
    count = len(bundled_glossary_paths())  # every bundled glossary, validated together
    assert count >= 2
    assert result.stdout == f"No problems in {count} glossaries.\n"
    assert result.stderr == ""
    for path in bundled_glossary_paths():
        assert translint("glossary", "validate", str(path), "-q").stdout == ""


def test_validate_reports_problems_with_exit_1() -> None:
    folder = CASES / "validate"
    result = translint("glossary", "validate", "lint.toml", "loader.toml", cwd=folder)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith('lint.toml:11: exception "Battle of Kharkov" of "kyiv"')
    assert lines[-2].startswith("loader.toml:11: ")
    assert lines[-1] == "Found 6 problems in 2 glossaries."
    syntax = translint("glossary", "validate", "syntax.toml", cwd=folder)
    assert syntax.returncode == 1 and syntax.stdout.startswith("syntax.toml:6: TOML syntax")


def test_validate_usage_errors_exit_2(tmp_path: Path) -> None:
    result = translint("glossary", "validate", str(tmp_path / "missing.toml"))
    assert result.returncode == 2
    assert result.stderr == f"translint: {tmp_path}/missing.toml: no such glossary file\n"
    assert result.stdout == ""


def test_validate_checks_house_style_of_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "translint.toml").write_text(
        f'glossaries = ["{MINI}"]\n\n[house.de]\nkiev = "Kyjiw"\n', encoding="utf-8")
    result = translint("glossary", "validate", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        'translint.toml:4: house.de: no glossary entry "kiev"')


# -- import and export ----------------------------------------------------------------


def _comparable(path: Path | str) -> list[Any]:
    return [(entry.id, entry.kind, entry.name, entry.given, entry.exceptions, entry.note,
             entry.source) for entry in load_glossary(path).entries]


# A bundled glossary's merge into itself re-reads the file for each of its entries:
# seconds, so it is the slow tier's; the small one takes the same path in the fast tier.
@pytest.mark.parametrize(("glossary", "entries"), [
    pytest.param(MINI, 8, id="small"),
    pytest.param(BUNDLED, 161, id="ukraine-russia", marks=pytest.mark.slow),
    pytest.param(MIDDLE_EAST, 84, id="middle-east", marks=pytest.mark.slow),
    pytest.param(WORLD, 76, id="world", marks=pytest.mark.slow)])
@pytest.mark.parametrize("suffix", ["tbx", "csv"])
def test_export_then_import_gives_the_glossary_back(suffix: str, glossary: str,
                                                    entries: int, tmp_path: Path) -> None:
    exported = tmp_path / f"exported.{suffix}"
    result = translint("glossary", "export", "-o", str(exported), "-g", glossary)
    assert result.returncode == 0, result.stderr
    imported = translint("glossary", "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr == (f"translint: imported {entries} entries from {exported} into "
                               f"{tmp_path}/exported.toml\n")
    assert _comparable(tmp_path / "exported.toml") == _comparable(glossary)
    again = translint("glossary", "import", str(exported))
    assert again.returncode == 2
    assert "exists already; give --merge" in again.stderr
    merged = translint("glossary", "import", str(exported), "--merge")
    assert merged.returncode == 0, merged.stderr


def test_export_without_a_glossary_asks_for_one_of_the_bundled_ones(tmp_path: Path) -> None:
    result = translint("glossary", "export", "-o", str(tmp_path / "all.tbx"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("translint: several glossaries are configured; choose one with "
                             "--glossary\n")
    assert not (tmp_path / "all.tbx").exists()


def test_a_csv_file_export_starts_with_a_byte_order_mark_for_spreadsheets(
        tmp_path: Path) -> None:
    exported = tmp_path / "desk.csv"
    assert translint("glossary", "export", "-g", MINI, "-o", str(exported)).returncode == 0
    assert exported.read_bytes().startswith(b"\xef\xbb\xbfid,kind,lang,status,form")
    assert not translint("glossary", "export", "-f", "csv", "-g", MINI).stdout.startswith(
        "\ufeff")


def test_a_tbx_v2_export_imports_back_and_strict_is_for_tbx_only(tmp_path: Path) -> None:
    exported = tmp_path / "desk.tbx"
    assert translint("glossary", "export", "-f", "tbx2", "-g", MINI, "-o",
                     str(exported)).returncode == 0
    assert "<martif " in exported.read_text(encoding="utf-8")
    imported = translint("glossary", "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert _comparable(tmp_path / "desk.toml") == _comparable(MINI)
    refused = translint("glossary", "export", "-f", "csv", "--strict", "-g", MINI)
    assert (refused.returncode, refused.stderr) == (
        2, "translint: --strict applies to TBX exports (tbx, tbx2)\n")


def test_export_to_standard_output() -> None:
    result = translint("glossary", "export", "-f", "csv", "-g", MINI)
    assert result.stdout.splitlines()[0] == "id,kind,lang,status,form,source,note"
    assert translint("glossary", "export", "-g", MINI).stdout.startswith("<?xml")


def test_import_merge_refuses_conflicts_and_writes_nothing(tmp_path: Path) -> None:
    desk = tmp_path / "desk.toml"
    desk.write_text('[[entry]]\nid = "kyiv"\n  [entry.forms.en]\n  preferred = "Kiev"\n',
                    encoding="utf-8")
    (tmp_path / "terms.csv").write_text(
        "id,lang,status,form\nkyiv,en,preferred,Kyiv\nodesa,en,preferred,Odesa\n",
        encoding="utf-8")
    result = translint("glossary", "import", "terms.csv", "-g", "desk.toml", "--merge",
                       cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ('translint: desk.toml: entry "kyiv" already prefers "Kiev" in '
                             "en; to change it: translint glossary set kyiv --lang en "
                             "--preferred …\n")
    assert "odesa" not in desk.read_text(encoding="utf-8")
    (tmp_path / "terms.csv").write_text(
        "id,lang,status,form\nkyiv,de,preferred,Kiew\nodesa,en,preferred,Odesa\n",
        encoding="utf-8")
    result = translint("glossary", "import", "terms.csv", "-g", "desk.toml", "--merge",
                       cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [entry.id for entry in load_glossary(desk).entries] == ["kyiv", "odesa"]


def test_import_refuses_unknown_formats(tmp_path: Path) -> None:
    (tmp_path / "terms.xlsx").write_bytes(b"PK")
    result = translint("glossary", "import", str(tmp_path / "terms.xlsx"))
    assert result.returncode == 2
    assert "give a .tbx, .xml or .csv file" in result.stderr


# -- suggest --------------------------------------------------------------------------


def test_suggest_prints_and_writes_proposals(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Oleksandr Verbytskyi spoke. Verbytskyi said. Kiev.\n",
                                    encoding="utf-8")
    (tmp_path / "b.md").write_text("General Verbytsky met Verbytsky aides in Kyiv.\n",
                                   encoding="utf-8")
    review = tmp_path / "review.toml"
    review.write_text("# proposals to review\n", encoding="utf-8")
    result = translint("glossary", "suggest", ".", "--write", "review.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "verbitski: 4 times",
        "    Verbytsky                          2  ./b.md (2)",
        "    Verbytskyi                         2  ./a.txt (2)",
    ]
    text = review.read_text(encoding="utf-8")
    assert text.startswith("# proposals to review\n\n")
    assert all(line.startswith("#") for line in text.splitlines() if line)
    assert load_glossary(review).entries == ()
    none = translint("glossary", "suggest", ".", "--min-count", "5", cwd=tmp_path)
    assert none.returncode == 0 and none.stdout == ""


# -- translit -------------------------------------------------------------------------


def test_translit() -> None:
    assert translint("translit", "Михайло Подоляк").stdout == "Mykhailo Podoliak\n"
    assert translint("translit", "--scheme", "ru-bgn", "Михаил").stdout == "Mikhail\n"
    assert translint("translit", "--scheme", "ru-bgn", "--press",
                     "Ново-Огарёво").stdout == "Novo-Ogaryovo\n"
    assert translint("translit", "-", stdin="Київ\n").stdout == "Kyiv\n"
    bad = translint("translit", "--scheme", "iso9", "Київ")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


# -- check with a configuration -------------------------------------------------------


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "translint.toml").write_text(
        f'glossaries = ["{MINI}"]\nlang = "de"\nfail_on = "warning"\n\n'
        '[severity]\nTL102 = "error"\n\n[house.de]\nkyiv = "Kyjiw"\n', encoding="utf-8")
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "a.txt").write_text("In Kyjiw und Kiew sprach man.\n",
                                             encoding="utf-8")
    return tmp_path


def test_check_uses_the_configuration(desk: Path) -> None:
    result = translint("check", "copy", "-f", "json", cwd=desk)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["severity"], f["text"], f["suggestion"]) for f in findings] == [
        ("TL102", "error", "Kiew", "Kyjiw")]
    assert result.returncode == 1
    from_elsewhere = translint("check", str(desk / "copy" / "a.txt"), "-f", "json")
    assert [{**finding, "path": "copy/a.txt"} for finding in json.loads(
        from_elsewhere.stdout)["findings"]] == findings


def test_command_line_overrides_the_configuration(desk: Path) -> None:
    result = translint("check", "copy", "--lang", "en", "--fail-on", "never", "-f", "json",
                       cwd=desk)
    assert result.returncode == 0
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"TL101"}
    no_config = translint("check", "copy", "-f", "json", "--no-config", "--lang", "de",
                          "-g", MINI, cwd=desk)
    findings = json.loads(no_config.stdout)["findings"]
    assert [(f["code"], f["severity"], f["suggestion"]) for f in findings] == [
        ("TL102", "warning", "Kiew")]
    assert no_config.returncode == 0


def test_config_option_names_the_file(desk: Path, tmp_path_factory: pytest.TempPathFactory
                                      ) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "pyproject.toml").write_text('[tool.translint]\nignore = ["TL1"]\n',
                                              encoding="utf-8")
    result = translint("check", "copy", "--config", str(elsewhere / "pyproject.toml"),
                       "-f", "json", cwd=desk)
    assert json.loads(result.stdout)["findings"] == []


def test_bad_configuration_exits_2_with_its_line(desk: Path) -> None:
    (desk / "translint.toml").write_text('lang = "de"\nfail_on = "sometimes"\n',
                                         encoding="utf-8")
    result = translint("check", "copy", cwd=desk)
    assert result.returncode == 2
    assert result.stderr == ('translint: translint.toml:2: fail_on "sometimes" is not one '
                             "of error, warning, info, never\n")
    (desk / "translint.toml").write_text('[house.de]\nkiev = "Kyjiw"\n', encoding="utf-8")
    result = translint("check", "copy", cwd=desk)
    assert result.stderr == 'translint: translint.toml:2: house.de: no glossary entry "kiev"\n'


def test_every_command_has_help() -> None:
    for command in ("add", "set", "remove", "list", "show", "validate", "import", "export",
                    "suggest"):
        result = translint("glossary", command, "--help")
        assert result.returncode == 0, command
    assert translint("translit", "--help").returncode == 0


def test_suggest_proposes_one_entry_across_languages(tmp_path: Path) -> None:
    """Kovalchuk (English), Kovaltchouk (French) and Kowaltschuk (German) are one name:
    one proposal, written to a file that is a glossary once uncommented (Ruslan, a given
    name of a bundled entry, is not proposed)."""
    stories = {
        "en.txt": "The speaker of parliament, Ruslan Kovalchuk, said on Monday that the "
                  "vote would be held this week. Kovalchuk and the ministers were in Kyiv, "
                  "and Kovalchuk said that it was not the time for an election.",
        "fr.txt": "Le président du Parlement, Rouslan Kovaltchouk, a dit lundi que le vote "
                  "aura lieu cette semaine. Selon Kovaltchouk, ce n'est pas le moment pour "
                  "une élection, et les députés sont dans la capitale.",
        "de.txt": "Der Parlamentspräsident Ruslan Kowaltschuk sagte am Montag, die "
                  "Abstimmung werde in dieser Woche stattfinden. Es sei nicht die Zeit für "
                  "eine Wahl, sagte Kowaltschuk, und die Abgeordneten sind in der Hauptstadt.",
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    result = translint("glossary", "suggest", ".", "--write", "review.toml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "kovalchuk: 7 times"
    text = (tmp_path / "review.toml").read_text(encoding="utf-8")
    uncommented = "\n".join(line.removeprefix("# ") for line in text.splitlines())
    (tmp_path / "entries.toml").write_text(uncommented, encoding="utf-8")
    entries = load_glossary(tmp_path / "entries.toml").entries
    assert [(entry.id, entry.name.variants, {lang: forms.preferred for lang, forms
                                        in entry.name.forms.items()}) for entry in entries] == [
        ("kovalchuk", (), {"en": "Kovalchuk", "fr": "Kovaltchouk", "de": "Kowaltschuk"}),
    ]
