"""Recording measured figures in a pack file: the figures lines change, nothing else."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from translint.errors import RuleError
from translint.phrasing.pack_figures import record_figures, write_figures
from translint.rules.packs import load_pack

PACK = """\
# A house pack. Comments and layout must survive.
[pack]
id = "house-en"   # the id
source = ["es"]
target = "en"
measured_on = "an old note"

# The first rule, with its figures already measured.
[[rule]]
id = "first"
pattern = "in this sense"
message = "Calque."
    measured = { native_per_1000 = 9.0 }   # stale
examples.match = [
    "In this sense, the mayor agreed.",
]

[[rule]]
  id = "second"
  regex = "it transpired that"
  message = "Calque."
  examples.no_match = ["It emerged that."]
  # a trailing comment of the second rule

# the third rule is not measured in this run
[[rule]]
id = "third"
pattern = "points of contact"
message = "Calque."
"""

FIGURES = {"first": {"native_per_1000": 0.42, "translated_docs": 17},
           "second": {"native_per_1000": 0.0}}


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed and added between two texts."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_only_the_figures_lines_change() -> None:
    after = record_figures(PACK, FIGURES, "2025-01-01: native n.jsonl (10 documents)")
    removed, added = changed_lines(PACK, after)
    assert removed == ['measured_on = "an old note"\n',
                       "    measured = { native_per_1000 = 9.0 }   # stale\n"]
    assert added == ['measured_on = "2025-01-01: native n.jsonl (10 documents)"\n',
                     "    measured = { native_per_1000 = 0.42, translated_docs = 17 }   "
                     "# stale\n",
                     "  measured = { native_per_1000 = 0.0 }\n"]
    # Byte for byte, the rest is the original: drop the added lines, restore the removed.
    restored = after.replace(added[0], removed[0]).replace(added[1], removed[1])
    assert restored.replace(added[2], "") == PACK
    assert after.index(added[2]) + len(added[2]) == after.index("  # a trailing comment")


def test_the_written_pack_loads_with_its_figures(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(PACK, encoding="utf-8")
    write_figures(path, FIGURES, "measured today")
    pack = load_pack(path, compile_now=True)
    assert pack.measured_on == "measured today"
    first, second, third = pack.rules
    assert (first.measured and first.measured.native_per_1000,
            first.measured and first.measured.translated_docs) == (0.42, 17)
    assert second.measured is not None and second.measured.translated_docs is None
    assert third.measured is None


def test_insertion_without_a_measured_on_line_and_crlf_and_no_final_newline() -> None:
    text = ('[pack]\r\nid = "p"\r\ntarget = "en"\r\n\r\n[[rule]]\r\nid = "first"\r\n'
            'pattern = "in this sense"\r\nmessage = "Calque."')
    after = record_figures(text, {"first": {"native_per_1000": 1.5}}, 'say "hi"')
    assert after == ('[pack]\r\nid = "p"\r\ntarget = "en"\r\nmeasured_on = "say \\"hi\\""\r\n'
                     '\r\n[[rule]]\r\nid = "first"\r\npattern = "in this sense"\r\n'
                     'message = "Calque."\r\nmeasured = { native_per_1000 = 1.5 }\r\n')


def test_a_layout_it_would_misread_is_refused_and_not_written(tmp_path: Path) -> None:
    text = ('[pack]\nid = "p"\ntarget = "en"\n\n[[rule]]\nid = "first"\n'
            'pattern = "in this sense"\nmessage = """Calque.\nmeasured = 3\n"""\n')
    path = tmp_path / "odd.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match="could not record the figures without changing"):
        write_figures(path, {"first": {"native_per_1000": 1.5}}, "today")
    assert path.read_text(encoding="utf-8") == text


def test_a_pack_without_a_pack_table_is_refused() -> None:
    with pytest.raises(RuleError, match=r"no \[pack\] table"):
        record_figures('[[rule]]\nid = "a"\n', {}, "today")
