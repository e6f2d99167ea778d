"""``translint phrasing gate`` through the command line, on packs and corpora written here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from translint.rules.packs import load_pack

RunCli = Callable[..., CliResult]
PACK = """\
# A house pack.
[pack]
id = "house-en"
source = ["es"]
target = "en"

[[rule]]
id = "in-this-sense"
pattern = "in this sense"
message = "Calque of 'en este sentido'."

[[rule]]
id = "points-of-contact"
pattern = "points of contact"
message = "Calque of 'puntos de contacto'."
severity = "info"
"""


@pytest.fixture
def setup(tmp_path: Path) -> Path:
    """house.toml; native.jsonl: 400 records (kind native), one with the first rule's
    phrase, and 2 records of kind other with it; translated/: 4 files, 3 with it."""
    (tmp_path / "house.toml").write_text(PACK, encoding="utf-8")
    records = [{"text": "The council voted.", "kind": "native"} for _ in range(399)]
    records.append({"text": "In this sense it helped.", "kind": "native"})
    records += [{"text": "In this sense, no.", "kind": "other"}] * 2
    (tmp_path / "native.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    translated = tmp_path / "translated"
    translated.mkdir()
    for number in range(4):
        body = "In this sense, the mayor agreed." if number else "The mayor agreed."
        (translated / f"t{number}.txt").write_text(body + "\n", encoding="utf-8")
    return tmp_path


def gate(run_cli: RunCli, folder: Path, *options: str) -> CliResult:
    return run_cli("phrasing", "gate", "house.toml", "--native", "native.jsonl", *options,
                   cwd=folder)


def test_the_table_and_exit_1_when_a_rule_fails(run_cli: RunCli, setup: Path) -> None:
    result = gate(run_cli, setup, "--translated", "translated")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["rule", "severity", "native", "/1000", "translated", "/1000",
                                "precision", "µs/doc", "gate"]
    # 3 of 402 native documents (7.46 per 1,000); 3 of 4 translated (750 per 1,000); the
    # cost (µs of search per native document) depends on the machine.
    first, second = (line.split() for line in lines[1:3])
    assert first[:7] + first[8:] == ["house-en/in-this-sense", "warning", "3/402", "7.46",
                                     "3/4", "750.00", "0.99", "demote", "to", "info"]
    assert second[:7] + second[8:] == ["house-en/points-of-contact", "info", "0/402", "0.00",
                                       "0/4", "0.00", "-", "pass"]
    assert float(second[7]) == 0.0  # "points" occurs in no native text: never searched
    assert float(first[7]) >= 0.0
    assert lines[3] == ("2 rules; 1 fail the gate (native documents hit per 1,000 above 1 "
                        "for a warning, 5 for info)")
    assert lines[4].startswith("searches: ") and " µs of CPU a native document" in lines[4]


def test_where_keeps_matching_records_and_a_higher_threshold_passes(
        run_cli: RunCli, setup: Path) -> None:
    result = gate(run_cli, setup, "--where", "kind=native", "--format", "json",
                  "--max-native-per-1000", "2.5")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    first = report["rules"][0]
    assert (first["native_docs"], first["native_documents"], first["native_per_1000"]) == (
        1, 400, 2.5)
    assert (first["translated_docs"], first["precision"], first["verdict"]) == (
        None, None, None)
    assert report["thresholds"] == {"warning_native_per_1000": 2.5,
                                    "info_native_per_1000": 5.0,
                                    "microseconds_per_native_document": None}
    assert first["microseconds_per_native_document"] >= 0.0
    assert report["measured_on"].endswith(
        ": native native.jsonl (400 documents); no translated corpus; records where "
        "kind=native")


def test_write_records_the_figures_and_keeps_the_rest(run_cli: RunCli, setup: Path) -> None:
    result = gate(run_cli, setup, "--translated", "translated", "--write", "-j", "2",
                  "--note", "a test corpus")
    assert result.returncode == 1, result.stderr
    written = (setup / "house.toml").read_text(encoding="utf-8")
    kept = "".join(line for line in written.splitlines(keepends=True)
                   if not line.startswith(("measured", "measured_on")))
    assert kept == PACK
    pack = load_pack(setup / "house.toml", compile_now=True)
    assert pack.measured_on.endswith(": native native.jsonl (402 documents); translated "
                                     "translated (4 documents); a test corpus")
    first, second = pack.rules
    assert (first.measured and (first.measured.native_per_1000,
                                first.measured.translated_docs)) == (7.46, 3)
    assert (second.measured and (second.measured.native_per_1000,
                                 second.measured.translated_docs)) == (0.0, 0)


def test_a_bundled_pack_by_its_id(run_cli: RunCli, setup: Path) -> None:
    result = run_cli("phrasing", "gate", "es-en", "--native", "native.jsonl", "--format",
                     "json", cwd=setup)
    assert result.returncode == 0, result.stderr
    rules = json.loads(result.stdout)["rules"]
    assert len(rules) == len(load_pack(
        Path(__file__).parents[1] / "translint/rules/phrasing/es-en.toml").rules)


@pytest.mark.parametrize(("options", "message"), [
    (("--where", "kind"), "translint: --where must be FIELD=VALUE, not 'kind'"),
    (("--where", "=native"), "translint: --where must be FIELD=VALUE, not '=native'"),
    (("--format", "toml"), "translint: --format must be one of table, json, not 'toml'"),
    (("--max-native-per-1000", "-1"),
     "translint: the --max-…-per-1000 thresholds must be at least 0"),
    (("--jobs", "0"), "translint: --jobs must be at least 1, not 0"),
    (("--max-microseconds", "0"), "translint: --max-microseconds must be above 0, not 0"),
    (("--where", "kind=none"), "translint: the native side has no documents: no JSON Lines "
                               "record of it matches --where kind=none (--where applies to "
                               "both sides; a record without the field does not match)"),
    (("--translated", "gone"), "translint: gone: no such file or folder"),
])
def test_bad_input_exits_2(run_cli: RunCli, setup: Path, options: tuple[str, ...],
                           message: str) -> None:
    result = gate(run_cli, setup, *options)
    assert (result.returncode, result.errors) == (2, [message])


def test_unknown_and_repeated_packs(run_cli: RunCli, setup: Path) -> None:
    unknown = run_cli("phrasing", "gate", "zz-en", "--native", "native.jsonl", cwd=setup)
    assert unknown.returncode == 2
    assert unknown.errors[0].startswith('translint: no pack file or bundled pack "zz-en"')
    twice = run_cli("phrasing", "gate", "house.toml", "house.toml", "--native",
                    "native.jsonl", cwd=setup)
    assert (twice.returncode, twice.errors) == (
        2, ["translint: a pack is named twice: house-en, house-en"])


def test_a_bad_pack_names_its_line(run_cli: RunCli, setup: Path) -> None:
    (setup / "house.toml").write_text(PACK + "measured = 3\n", encoding="utf-8")
    result = gate(run_cli, setup)
    assert result.returncode == 2
    line = PACK.splitlines().index("[[rule]]", 8) + 1  # the second rule's [[rule]]
    assert result.errors[0].startswith(f"translint: house.toml:{line}: "
                                       'rule "points-of-contact": measured must be a table')


def test_a_rule_searching_longer_than_the_limit_fails_as_slow(run_cli: RunCli,
                                                              tmp_path: Path) -> None:
    """A rule whose searches take time on every native document fails a tiny limit; a
    rule whose anchor never occurs is never searched, costs nothing and passes."""
    (tmp_path / "house.toml").write_text(PACK, encoding="utf-8")
    # The record holds the first rule's words again and again, never its phrase.
    record = {"text": "Of this sense, and in this way, " * 200}
    (tmp_path / "native.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = gate(run_cli, tmp_path, "--max-microseconds", "1e-9", "--format", "json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    first, second = report["rules"]
    assert first["microseconds_per_native_document"] > 0 and first["verdict"] == "slow"
    assert second["microseconds_per_native_document"] == 0 and second["verdict"] is None
    assert report["thresholds"]["microseconds_per_native_document"] == 1e-9
    table = gate(run_cli, tmp_path, "--max-microseconds", "1e-9")
    assert table.stdout.splitlines()[1].endswith(" slow")
    assert ("or searching more than 1e-09 µs a native document)" in table.stdout)
