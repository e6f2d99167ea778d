"""A bilingual file's declared source language chooses its phrasing packs: an XLIFF file
from Spanish runs the Spanish packs (TL201), whatever the run's ``source_lang``, and TL210
does not guess a source the file states."""

from __future__ import annotations

import pytest

from translint.linter import Linter
from translint.text.document import make_document

# One sentence with a Spanish calque ("assured that") and a Russian one ("on the
# territory of"), as the target of a unit whose source language is ``{source}``.
XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="{source}" trgLang="en">
  <file id="f1"><unit id="u1"><segment>
    <source>El alcalde dijo que el puente abrirá.</source>
    <target>The mayor assured that the bridge would reopen. Talks were held on the
      territory of the region, and the mayor assured that the road was safe.</target>
  </segment></unit></file>
</xliff>
"""


def rules_found(linter: Linter, text: str) -> list[str]:
    return sorted(finding.rule or finding.code
                  for finding in linter.check_text(text, "story.xlf")
                  if finding.code in ("TL201", "TL210"))


@pytest.mark.parametrize("run_sources", [(), ("auto",), ("ru",)])
def test_a_declared_spanish_source_runs_the_spanish_packs_only(
        run_sources: tuple[str, ...]) -> None:
    linter = Linter.from_paths(source_langs=run_sources)
    found = rules_found(linter, XLIFF.format(source="es-ES"))
    assert found == ["es-en/assured-that", "es-en/assured-that"]


def test_a_declared_russian_source_runs_the_russian_packs() -> None:
    found = rules_found(Linter.from_paths(), XLIFF.format(source="ru"))
    assert found == ["ru-en/assured-that", "ru-en/assured-that", "ru-en/on-the-territory-of"]


def test_a_declared_source_without_packs_runs_none() -> None:
    assert rules_found(Linter.from_paths(), XLIFF.format(source="pl")) == []


def test_the_same_copy_without_a_declared_source_runs_every_pack() -> None:
    xliff_12 = XLIFF.format(source="es").replace(' srcLang="es"', "")
    document = make_document(xliff_12, "story.xlf")
    assert document.declared_source_lang is None
    found = rules_found(Linter.from_paths(), xliff_12)
    assert "ru-en/on-the-territory-of" in found and len(found) == 3


def test_the_declared_source_is_a_language_code() -> None:
    document = make_document(XLIFF.format(source="es-ES"), "story.xlf")
    assert document.declared_source_lang == "es"
    assert make_document("The mayor said so.", "story.txt").declared_source_lang is None


def test_a_tmx_memory_s_srclang_chooses_the_packs_too() -> None:
    memory = ('<tmx version="1.4"><header srclang="es" datatype="plaintext" segtype="sentence"'
              ' adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>'
              '<tu tuid="1"><tuv xml:lang="es"><seg>El alcalde aseguró que abrirá.</seg></tuv>'
              '<tuv xml:lang="en"><seg>The mayor assured that it would reopen, on the territory'
              ' of the region.</seg></tuv></tu></body></tmx>\n')
    found = sorted(finding.rule or "" for finding in
                   Linter.from_paths().check_text(memory, "memory.tmx")
                   if finding.code == "TL201")
    assert found == ["es-en/assured-that"]
