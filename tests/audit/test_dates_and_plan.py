"""The audit's pieces that need no cluster: dates, bounds, partitions, charts, report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from translint.audit.dates import (
    date_of_file,
    date_of_front_matter,
    date_of_path,
    date_of_record,
    parse_bound,
    within,
)
from translint.audit.plan import make_plan, section_of
from translint.audit.svg import bars, line
from translint.audit.work import AuditSettings, Recipe, check_partition
from translint.config import Config, check_options, load_configured_glossaries
from translint.errors import InputError, TranslintError


def test_a_date_in_a_path() -> None:
    assert date_of_path("archive/2024/03/15/story.txt") == "2024-03-15"
    assert date_of_path("archive/politics/2023-11-02-budget.md") == "2023-11-02"
    assert date_of_path("archive/20220131_story.txt") == "2022-01-31"
    assert date_of_path("archive/2024/07/story.txt") == "2024-07-01"
    assert date_of_path("archive/story-1234.txt") is None
    assert date_of_path("archive/2024/13/40/story.txt") is None


def test_a_date_in_front_matter() -> None:
    assert date_of_front_matter('---\ntitle: x\ndate: "2024-05-06T10:00:00Z"\n---\nText') == (
        "2024-05-06")
    assert date_of_front_matter("+++\ndate = 2021-01-02\n+++\nText") == "2021-01-02"
    assert date_of_front_matter("date: 2024-05-06\n") is None  # no front matter
    assert date_of_front_matter("---\ntitle: x\n---\ndate: 2024-05-06\n") is None


def test_auto_takes_front_matter_then_path_then_mtime(tmp_path: Path) -> None:
    story = tmp_path / "2020" / "02" / "story.md"
    story.parent.mkdir(parents=True)
    story.write_text("Text\n", encoding="utf-8")
    os.utime(story, (1_700_000_000, 1_700_000_000))  # 2023-11-14 UTC
    assert date_of_file(str(story), "---\ndate: 2019-09-09\n---\n", "auto") == "2019-09-09"
    assert date_of_file(str(story), "Text\n", "auto") == "2020-02-01"
    assert date_of_file(str(story), "Text\n", "mtime") == "2023-11-14"
    plain = tmp_path / "plain.txt"
    plain.write_text("Text\n", encoding="utf-8")
    os.utime(plain, (1_700_000_000, 1_700_000_000))
    assert date_of_file(str(plain), "Text\n", "auto") == "2023-11-14"


def test_a_record_date_from_its_field() -> None:
    record = {"text": "x", "published": "2024-02-29T23:59:00+01:00"}
    assert date_of_record(record, "a.jsonl", "published", "field") == "2024-02-29"
    assert date_of_record(record, "a.jsonl", "date", "field") is None
    assert date_of_record({"date": 20240101}, "a.jsonl", "date", "auto") is None


def test_bounds_take_whole_months_and_leave_out_undated_documents() -> None:
    assert parse_bound("2024-03", "--since") == "2024-03"
    with pytest.raises(TranslintError, match="--until must be a date"):
        parse_bound("March 2024", "--until")
    assert within("2024-03-31", "2024-03", "2024-03")
    assert not within("2024-04-01", None, "2024-03")
    assert within("2024-03-01", "2024-03-01", None)
    assert not within("2024-02-29", "2024-03-01", None)
    assert not within(None, "2024-01", None)
    assert within(None, None, None)


def test_sections_are_the_first_folder_below_the_archive() -> None:
    assert section_of("arch/politics/2024/a.txt", "arch") == "politics"
    assert section_of("arch/a.txt", "arch") == ""


def test_partitions_cut_files_and_records(tmp_path: Path) -> None:
    for section in ("a", "b"):
        (tmp_path / section).mkdir()
        for number in range(3):
            (tmp_path / section / f"{number}.txt").write_text("Text.\n", encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps({"text": f"Story {n}."}) + "\n" for n in range(5)),
                       encoding="utf-8")
    plan = make_plan([str(tmp_path / "a"), str(tmp_path / "b"), str(records)], 2, {})
    assert [len(p.files) for p in plan.partitions[:3]] == [2, 2, 2]
    assert [p.files[0][1] for p in plan.partitions[:3]] == ["", "", ""]  # roots given
    jsonl = plan.partitions[3:]
    assert [(p.first_line, p.documents) for p in jsonl] == [(1, 2), (3, 2), (5, 1)]
    data = records.read_bytes()
    assert b"".join(data[p.start:p.end] for p in jsonl) == data
    assert data[jsonl[1].start:jsonl[1].end].decode().startswith('{"text": "Story 2."}')
    whole = make_plan([str(tmp_path)], 4, {})
    assert {section for p in whole.partitions for _, section in p.files} == {"a", "b"}
    # The digest changes with the settings and the inputs, not from one call to the next.
    assert make_plan([str(records)], 2, {}).digest == make_plan([str(records)], 2, {}).digest
    assert make_plan([str(records)], 2, {}).digest != make_plan([str(records)], 3, {}).digest
    assert make_plan([str(records)], 2, {}).digest != make_plan(
        [str(records)], 2, {"since": "2024"}).digest
    with pytest.raises(InputError, match="no such file or folder"):
        make_plan([str(tmp_path / "missing")], 2, {})


def test_a_folders_json_lines_files_are_read_as_records(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    (archive / "politics").mkdir(parents=True)
    (archive / "sport").mkdir()
    (archive / "sport" / "match.txt").write_text("Kiev won.\n", encoding="utf-8")
    records = archive / "politics" / "2024.jsonl"
    records.write_text(json.dumps({"text": "Talks in Kiev."}) + "\n"
                       + json.dumps({"text": "Talks in Kiev.", "section": "world"}) + "\n",
                       encoding="utf-8")
    (archive / ".hidden.jsonl").write_text(json.dumps({"text": "x"}) + "\n", encoding="utf-8")
    plan = make_plan([str(archive), str(records)], 10, {})  # named twice: read once
    assert [(p.files, p.jsonl, p.section, p.documents) for p in plan.partitions] == [
        (((str(archive / "sport" / "match.txt"), "sport"),), None, "", 1),
        ((), str(records), "politics", 2)]
    assert make_plan([str(archive)], 10, {}, exclude=("*.jsonl",)).partitions[1:] == []
    # A record without a section of its own is in its file's; one with a section keeps it.
    config = Config()
    options = check_options(config, lang="en", select=["TL101"])
    recipe = Recipe.of(config, options, tuple(load_configured_glossaries(
        config, options.glossaries, None)))
    result = check_partition(recipe, AuditSettings(), plan.partitions[1])
    assert dict(result.tally.section_documents) == {"politics": 1, "world": 1}
    assert [json.loads(line)["path"] for line in result.lines] == [
        f"{records}:1", f"{records}:2"]


def test_charts_are_svg_with_a_mark_per_value() -> None:
    chart = bars([("Kyiv", 12), ("Kharkiv", 3)], title="t")
    assert chart.startswith("<svg") and chart.count("<rect") == 2 and "http" not in chart
    assert "Kyiv" in chart and ">12<" in chart
    trend = line([("2024-01", 1.5), ("2024-02", 0.0), ("2024-03", 3.0)], title="t")
    assert trend.count("<circle") == 3 and "<polyline" in trend
    assert line([], title="t").startswith("<svg")
