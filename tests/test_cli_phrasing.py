"""``translint phrasing mine`` through the command line, on corpora written here."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, CliResult
from translint.cli.phrasing import ReadProgress
from translint.rules.packs import load_pack

RunCli = Callable[..., CliResult]
FILLERS = ["The council voted on the budget.", "Residents praised the bus service.",
           "Prices rose after the storm.", "A new school opened near the river."]


@pytest.fixture
def corpora(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of translated copy (one in a subfolder, one Markdown) and a JSONL of native."""
    translated = tmp_path / "translated"
    (translated / "deep").mkdir(parents=True)
    for number, filler in enumerate(FILLERS):
        folder = translated / "deep" if number == 0 else translated
        suffix = ".md" if number == 1 else ".txt"
        (folder / f"t{number}{suffix}").write_text(
            f"{filler} In this sense, the mayor agreed.\n", encoding="utf-8")
    (translated / "ignored.csv").write_text("In this sense\n", encoding="utf-8")
    native = tmp_path / "native.jsonl"
    native.write_text("".join(json.dumps({"body": f"{filler} The mayor agreed."}) + "\n\n"
                              for filler in FILLERS * 2), encoding="utf-8")
    return translated, native


def mine(run_cli: RunCli, corpora: tuple[Path, Path], *options: str) -> CliResult:
    translated, native = corpora
    return run_cli("phrasing", "mine", "--translated", str(translated), "--native",
                   str(native), "--field", "body", "--max-n", "3", *options)


def test_table(run_cli: RunCli, corpora: tuple[Path, Path]) -> None:
    result = mine(run_cli, corpora)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["n-gram", "z", "docs", "T/N", "per", "10k", "T/N"]
    assert any(line.startswith("in this sense ") and " 4/0 " in line for line in lines)
    assert any(line.startswith("    ") and "In this sense, the mayor" in line for line in lines)


def test_json(run_cli: RunCli, corpora: tuple[Path, Path]) -> None:
    result = mine(run_cli, corpora, "--format", "json", "--top", "3")
    assert result.returncode == 0, result.stderr
    phrases = json.loads(result.stdout)
    assert len(phrases) == 3
    assert set(phrases[0]) == {"ngram", "z", "docs_translated", "docs_native",
                               "per_10k_translated", "per_10k_native", "contexts"}
    assert all(phrase["docs_translated"] == 4 and phrase["docs_native"] == 0
               for phrase in phrases)
    assert phrases[0]["ngram"] == "in this sense"
    assert all(phrase["ngram"] in ". in this sense , the mayor" for phrase in phrases)


def test_toml_is_a_draft_pack_with_every_rule_commented_out(
        run_cli: RunCli, corpora: tuple[Path, Path], tmp_path: Path) -> None:
    result = mine(run_cli, corpora, "--format", "toml")
    assert result.returncode == 0, result.stderr
    assert '# pattern = "in this sense"' in result.stdout
    draft = tmp_path / "draft.toml"
    draft.write_text(result.stdout, encoding="utf-8")
    pack = load_pack(draft)
    assert pack.target == "en" and pack.rules == ()
    uncommented = "\n".join(line.removeprefix("# ") if line.startswith("# id = \"mined-1\"")
                            or not line.startswith("# ") or line.startswith("# [[rule]]")
                            else line for line in result.stdout.splitlines())
    assert "[[rule]]" in uncommented
    assert "# Left out: n-grams in more than 5 of 1,000 native documents" in result.stdout


def test_the_native_limit_is_the_gates_for_a_draft_and_may_be_changed(
        run_cli: RunCli, tmp_path: Path) -> None:
    """"yes ." is over-used in translated copy but in every native text: a draft leaves it
    out (as a rule it would fail the gate), a table keeps it."""
    translated = tmp_path / "translated.jsonl"
    translated.write_text("".join(
        json.dumps({"body": f"{filler} In this sense, yes. Indeed yes. Indeed yes."}) + "\n"
        for filler in FILLERS), encoding="utf-8")
    native = tmp_path / "native.jsonl"
    native.write_text("".join(json.dumps({"body": f"{filler} Indeed yes."}) + "\n"
                              for filler in FILLERS * 2), encoding="utf-8")

    def run(*options: str) -> str:
        result = mine(run_cli, (translated, native), *options)
        assert result.returncode == 0, result.stderr
        return result.stdout

    in_native = "in 4 translated and 8 native documents"  # "yes ." in a draft
    assert run().splitlines()[-2].startswith("yes .  ")  # the table: last, lowest z
    assert in_native not in run("--format", "toml")
    assert "in this sense" in run("--format", "toml")
    assert not any(line.startswith("yes .  ")
                   for line in run("--max-native-per-1000", "0").splitlines())
    unlimited = run("--format", "toml", "--max-native-per-1000", "1000")
    assert in_native in unlimited
    assert "# Left out: n-grams in more than 1000 of 1,000" in unlimited
    bad = mine(run_cli, (translated, native), "--max-native-per-1000", "-1")
    assert (bad.returncode, bad.errors) == (
        2, ["translint: --max-native-per-1000 must be at least 0"])


def test_min_docs_above_the_documents_reports_nothing(
        run_cli: RunCli, corpora: tuple[Path, Path]) -> None:
    result = mine(run_cli, corpora, "--min-docs", "5")
    assert result.returncode == 0
    assert result.stdout == "No over-used phrasing found.\n"


@pytest.mark.parametrize("options, message", [
    (("--max-n", "0"), "translint: --max-n must be from 1 to 8, not 0"),
    (("--max-n", "9"), "translint: --max-n must be from 1 to 8, not 9"),
    (("--min-docs", "0"), "translint: --min-docs, --min-groups and --top must be at least 1"),
    (("--format", "xml"), "translint: --format must be one of table, json, toml, not 'xml'"),
    (("--jobs", "0"), "translint: --jobs must be at least 1, not 0"),
])
def test_bad_options(run_cli: RunCli, corpora: tuple[Path, Path], options: tuple[str, ...],
                     message: str) -> None:
    result = mine(run_cli, corpora, *options)
    assert (result.returncode, result.errors) == (2, [message])


def test_a_missing_path(run_cli: RunCli, corpora: tuple[Path, Path], tmp_path: Path) -> None:
    result = run_cli("phrasing", "mine", "--translated", str(corpora[0]), "--native",
                     str(tmp_path / "gone"))
    assert (result.returncode, result.errors) == (
        2, [f"translint: {tmp_path / 'gone'}: no such file or folder"])


@pytest.mark.parametrize("line, message", [
    ("{not json", "not a JSON value"),
    ('{"text": "Lacks the field."}', 'no text field "body"'),
    ('["a list"]', 'no text field "body"'),
])
def test_a_bad_jsonl_line_names_file_and_line(run_cli: RunCli, corpora: tuple[Path, Path],
                                              line: str, message: str) -> None:
    native = corpora[1]
    native.write_text(json.dumps({"body": "Fine."}) + "\n" + line + "\n", encoding="utf-8")
    result = mine(run_cli, corpora)
    assert (result.returncode, result.errors) == (2, [f"translint: {native}:2: {message}"])


def test_an_empty_side(run_cli: RunCli, corpora: tuple[Path, Path], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("phrasing", "mine", "--translated", str(empty), "--native",
                     str(corpora[1]), "--field", "body")
    assert (result.returncode, result.errors) == (
        2, ["translint: nothing to compare: the translated side has no text to compare"])


def test_a_side_emptied_by_where_says_so(run_cli: RunCli, corpora: tuple[Path, Path],
                                         tmp_path: Path) -> None:
    """--where applies to both sides: a native file whose records lack the field gives
    nothing, and the error says why."""
    translated = tmp_path / "translated.jsonl"
    translated.write_text("".join(json.dumps({"body": f"Text {n} said.", "lang": "es"}) + "\n"
                                  for n in range(3)), encoding="utf-8")
    result = run_cli("phrasing", "mine", "--translated", str(translated), "--native",
                     str(corpora[1]), "--field", "body", "--where", "lang=es")
    assert (result.returncode, result.errors) == (2, [
        "translint: nothing to compare: the native side has no documents: no JSON Lines "
        "record of it matches --where lang=es (--where applies to both sides; a record "
        "without the field does not match)"])


@pytest.mark.slow
def test_importing_the_command_line_does_not_import_sacremoses() -> None:
    script = ("import sys, translint.cli, translint.cli.phrasing\n"
              "print('sacremoses' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_where_keeps_the_records_with_that_value_on_both_sides(
        run_cli: RunCli, tmp_path: Path) -> None:
    translated = tmp_path / "translated.jsonl"
    native = tmp_path / "native.jsonl"
    translated.write_text("".join(
        json.dumps({"body": f"{filler} In this sense, the mayor agreed.", "lang": "en"}) + "\n"
        + json.dumps({"body": f"{filler} As such, nothing changed.", "lang": "xx"}) + "\n"
        for filler in FILLERS), encoding="utf-8")
    native.write_text("".join(
        json.dumps({"body": f"{filler} The mayor agreed.", "lang": "en"}) + "\n"
        + json.dumps({"body": f"{filler} In this sense, the mayor agreed.", "lang": "xx"})
        + "\n" for filler in FILLERS * 2), encoding="utf-8")

    def run(*where: str) -> dict[str, tuple[int, int]]:
        result = run_cli("phrasing", "mine", "--translated", str(translated), "--native",
                         str(native), "--field", "body", "--max-n", "3", "--format", "json",
                         *where)
        assert result.returncode == 0, result.stderr
        return {phrase["ngram"]: (phrase["docs_translated"], phrase["docs_native"])
                for phrase in json.loads(result.stdout)}

    everything = run()
    assert any("as such" in ngram for ngram in everything)
    assert "in this sense" not in everything  # as common on the native side
    english = run("--where", "lang=en")
    assert english["in this sense"] == (4, 0)
    assert not any("as such" in ngram for ngram in english)


def test_a_malformed_where(run_cli: RunCli, corpora: tuple[Path, Path]) -> None:
    result = mine(run_cli, corpora, "--where", "kind")
    assert (result.returncode, result.errors) == (
        2, ["translint: --where must be FIELD=VALUE, not 'kind'"])


def test_source_lang_is_the_draft_packs_source(run_cli: RunCli,
                                               corpora: tuple[Path, Path]) -> None:
    result = mine(run_cli, corpora, "--format", "toml", "--source-lang", "es")
    assert result.returncode == 0, result.stderr
    assert 'id = "mined-es-en"\nsource = ["es"]\ntarget = "en"\n' in result.stdout
    bad = mine(run_cli, corpora, "--source-lang", "Spanish")
    assert (bad.returncode, bad.errors) == (
        2, ["translint: --source-lang must be a language code such as es, not 'Spanish'"])


def test_min_groups_keeps_ngrams_of_several_groups(run_cli: RunCli, tmp_path: Path) -> None:
    # "in this sense" in three systems' output; "as such" four times, all from system a.
    records = [{"text": f"{filler} In this sense, the mayor agreed.", "system": system}
               for filler, system in zip(FILLERS, "abca", strict=True)]
    records += [{"text": f"{filler} As such, nothing changed.", "system": "a"}
                for filler in FILLERS]
    translated = tmp_path / "mt.jsonl"
    translated.write_text("".join(json.dumps(record) + "\n" for record in records),
                          encoding="utf-8")
    native = tmp_path / "native.jsonl"
    native.write_text("".join(json.dumps({"text": f"{filler} The mayor agreed."}) + "\n"
                              for filler in FILLERS), encoding="utf-8")

    def ngrams(*options: str) -> set[str]:
        result = run_cli("phrasing", "mine", "--translated", str(translated), "--native",
                         str(native), "--max-n", "3", "--format", "json", *options)
        assert result.returncode == 0, result.stderr
        return {phrase["ngram"] for phrase in json.loads(result.stdout)}

    everything = ngrams()
    assert "in this sense" in everything
    assert any("as such" in ngram for ngram in everything)
    grouped = ngrams("--group-field", "system", "--min-groups", "3")
    assert "in this sense" in grouped
    assert not any("as such" in ngram for ngram in grouped)
    assert ngrams("--group-field", "system", "--min-groups", "4") == set()


@pytest.mark.parametrize(("options", "message"), [
    (("--min-groups", "2"), "translint: --min-groups needs --group-field"),
    (("--min-groups", "0"), "translint: --min-docs, --min-groups and --top must be at least 1"),
])
def test_bad_group_options(run_cli: RunCli, corpora: tuple[Path, Path],
                           options: tuple[str, ...], message: str) -> None:
    result = mine(run_cli, corpora, *options)
    assert (result.returncode, result.errors) == (2, [message])


def test_a_record_without_the_group_field(run_cli: RunCli, tmp_path: Path) -> None:
    translated = tmp_path / "mt.jsonl"
    translated.write_text(json.dumps({"text": "In this sense."}) + "\n", encoding="utf-8")
    result = run_cli("phrasing", "mine", "--translated", str(translated), "--native",
                     str(translated), "--group-field", "system", "--min-groups", "2")
    assert (result.returncode, result.errors) == (
        2, [f'translint: {translated}:1: no group field "system"'])


def test_progress_only_on_a_terminal(run_cli: RunCli, corpora: tuple[Path, Path]) -> None:
    assert mine(run_cli, corpora).stderr == ""  # standard error is not a terminal here

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    progress = ReadProgress(terminal)
    assert list(progress.follow(["a", "b"], "translated")) == ["a", "b"]
    assert list(progress.follow(["c"], "native")) == ["c"]
    progress.show()
    progress.clear()
    assert terminal.getvalue().endswith(
        "\r\033[Kread 2 translated and 1 native documents; counting\r\033[K")
    quiet = io.StringIO()
    ReadProgress(quiet).show()
    assert quiet.getvalue() == ""


def test_a_desk_mines_reviews_gates_and_uses_a_pack(
        run_cli: RunCli, corpora: tuple[Path, Path], tmp_path: Path) -> None:
    """The whole loop the README promises: mine a draft, keep a rule, gate it, check with it."""
    translated, native = corpora
    draft = mine(run_cli, corpora, "--format", "toml", "--source-lang", "es")
    assert draft.returncode == 0, draft.stderr
    # The reviewer keeps the first rule: uncomments its block and writes its message.
    lines, blocks = [], 0
    for line in draft.stdout.splitlines():
        blocks += line == "# [[rule]]"
        if blocks == 1 and line.startswith("# "):
            line = line.removeprefix("# ")
            if line.startswith("message = "):
                line = 'message = "Calque of Spanish \'en este sentido\'."'
        lines.append(line)
    pack = tmp_path / "desk-es-en.toml"
    pack.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [rule.id for rule in load_pack(pack, compile_now=True).rules] == ["mined-1"]

    gated = run_cli("phrasing", "gate", str(pack), "--native", str(native), "--field", "body",
                    "--translated", str(translated))
    assert gated.returncode == 0, gated.stdout + gated.stderr
    assert "mined-es-en/mined-1" in gated.stdout and "pass" in gated.stdout

    (tmp_path / "translint.toml").write_text(
        f'packs = ["{pack.name}"]\nsource_lang = ["es"]\n'
        'disabled_rules = ["es-en"]  # the bundled pack has its own "in this sense"\n',
        encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("In this sense, the council approved the budget on Monday.\n",
                     encoding="utf-8")
    checked = run_cli("check", str(story), "--config", str(tmp_path / "translint.toml"),
                      "--select", "TL201", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    findings = json.loads(checked.stdout)["findings"]
    assert [(f["text"], f["message"].endswith("[mined-es-en/mined-1]")) for f in findings] == [
        ("In this sense", True)]
