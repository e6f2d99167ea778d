"""Inline directives: their codes, lines and reasons."""

from __future__ import annotations

import pytest

from translint import Linter
from translint.settings import Selection
from translint.text.directives import parse_suppressions

from ..conftest import ROOT


@pytest.mark.parametrize(("comment", "codes", "reason"), [
    ("<!-- translint-disable-next-line TL101 -- quoting a 1990 document -->", ("TL101",),
     "quoting a 1990 document"),
    ("<!-- translint-disable-next-line -- a quote, spelled as printed -->", (),
     "a quote, spelled as printed"),
    ("<!-- translint-disable-line TL1, TL201 --   two  spaces\tkept apart -->", ("TL1", "TL201"),
     "two spaces kept apart"),
    ("<!-- translint-disable TL101 -- -->", ("TL101",), None),
    ("<!-- translint-disable TL101 -->", ("TL101",), None),
    ("<!-- translint-disable TL101 TL102-->", ("TL101", "TL102"), None),
])
def test_a_reason_is_kept_and_never_read_as_codes(comment: str, codes: tuple[str, ...],
                                                   reason: str | None) -> None:
    (item,) = parse_suppressions(comment + "\nKiev.").items
    assert (item.codes, item.reason) == (codes, reason)


def test_an_unused_directive_reports_its_reason() -> None:
    linter = Linter.from_paths([ROOT / "tests/cases/glossary.toml"],
                               Selection(select=("TL001", "TL101")), lang="en")
    text = "<!-- translint-disable-next-line TL101 -- quoting a 1990 document -->\nKyiv.\n"
    (finding,) = linter.check_text(text)
    assert finding.code == "TL001"
    assert finding.message == ("translint-disable-next-line TL101 (written for: quoting a "
                               "1990 document) silences no finding; remove it")
