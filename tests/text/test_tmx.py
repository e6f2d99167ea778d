"""TMX: the target language's segments are the copy; each unit is a bilingual segment."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from translate.storage import tmx as toolkit_tmx

from tests.conftest import CliResult
from translint.errors import InputError
from translint.text.document import make_document
from translint.text.formats.tmx import read_tmx

RunCli = Callable[..., CliResult]

# As Trados Studio exports a memory: DOCTYPE, header attributes, props and notes, inline
# codes (bpt/ept around bold, a ph placeholder, hi), an entity, a unit left untranslated,
# one copied from the source, one whose translation is missing.
MEMORY = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="SDL Language Platform" creationtoolversion="8.1" o-tmf="SDL TM8 Format"
          datatype="xml" segtype="sentence" adminlang="en-GB" srclang="de-DE"
          creationdate="20261201T093000Z" creationid="DESK\\nachrichten">
    <prop type="x-Recognizers">RecognizeAll</prop>
    <note>Ukraine desk, December</note>
  </header>
  <body>
    <tu tuid="1" creationdate="20261201T093512Z" creationid="DESK\\anna" usagecount="2">
      <prop type="x-Context">0, 0</prop>
      <tuv xml:lang="de-DE">
        <seg>Die Gespräche in Kiew wurden am Montag fortgesetzt.</seg>
      </tuv>
      <tuv xml:lang="en-GB">
        <seg>Talks in <bpt i="1" type="bold" x="1">&lt;b&gt;</bpt>Kiev\
<ept i="1">&lt;/b&gt;</ept> resumed on Monday.</seg>
      </tuv>
    </tu>
    <tu tuid="2">
      <note>Kiev: follow the house style</note>
      <tuv xml:lang="de-DE"><seg>Die Ministerin reiste nach Charkiw &amp; Odessa.</seg></tuv>
      <tuv xml:lang="en-GB"><seg>The minister travelled to \
<hi type="it">Kharkov</hi> &amp; Odesa<ph x="2">{1}</ph>.</seg></tuv>
    </tu>
    <tu tuid="3">
      <tuv xml:lang="de-DE"><seg>Die Verhandlungen dauern an.</seg></tuv>
      <tuv xml:lang="en-GB"><seg>Die Verhandlungen dauern an.</seg></tuv>
    </tu>
    <tu tuid="4">
      <tuv xml:lang="de-DE"><seg>Keine weiteren Angaben.</seg></tuv>
      <tuv xml:lang="en-GB"><seg></seg></tuv>
    </tu>
    <tu tuid="5">
      <tuv xml:lang="de-DE"><seg>Ende der Meldung.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def _line(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_only_the_target_text_is_prose_and_the_language_is_the_target() -> None:
    reading = read_tmx(MEMORY, None)
    assert reading.language == "en-gb"
    assert len(reading.prose) == len(MEMORY)
    assert reading.prose.split() == [
        "Talks", "in", "Kiev", "resumed", "on", "Monday.", "The", "minister", "travelled",
        "to", "Kharkov", "&amp;", "Odesa", ".", "Die", "Verhandlungen", "dauern", "an."]
    document = make_document(MEMORY, "memory.tmx")
    assert (document.lang, document.format) == ("en", "tmx")


def test_segments_pair_each_units_source_and_target() -> None:
    document = make_document(MEMORY, "memory.tmx")
    assert [(segment.id, segment.source_lang, segment.target)
            for segment in document.segments] == [
        ("1", "de-DE", "Talks in Kiev resumed on Monday."),
        ("2", "de-DE", "The minister travelled to Kharkov & Odesa."),
        ("3", "de-DE", "Die Verhandlungen dauern an."),
        ("4", "de-DE", ""),
        ("5", "de-DE", None)]
    spans = [document.text[segment.start:segment.end] for segment in document.segments]
    assert spans[0].startswith("Talks in <bpt") and spans[0].endswith("Monday.")
    assert spans[3:] == ["<seg></seg>", "<seg>Ende der Meldung.</seg>"]


def test_the_file_is_valid_tmx_to_translate_toolkit_and_reads_the_same() -> None:
    """translate-toolkit's TMX reader (what Weblate and Pootle use) reads the same units."""
    store = toolkit_tmx.tmxfile.parsestring(MEMORY.encode("utf-8"))
    ours = make_document(MEMORY, "memory.tmx").segments
    theirs = [(unit.getid(), unit.source, re.sub(r"<[^>]*>|\{1\}", "", unit.target or ""))
              for unit in store.units]
    assert theirs == [(segment.id, segment.source, segment.target or "") for segment in ours]


def test_check_finds_names_and_untranslated_units_and_fix_changes_only_target_words(
        run_cli: RunCli, tmp_path: Path) -> None:
    memory = tmp_path / "memory.tmx"
    memory.write_text(MEMORY, encoding="utf-8")
    result = run_cli("check", str(memory), "--no-config", "-f", "json")
    assert result.returncode == 1, result.stderr
    found = [(f["code"], f["line"], f["text"].split("<")[0][:12])
             for f in json.loads(result.stdout)["findings"]]
    assert found == [
        ("TL101", _line(MEMORY, "Talks in"), "Kiev"),
        ("TL101", _line(MEMORY, "The minister"), "Kharkov"),
        ("TL112", _line(MEMORY, '"en-GB"><seg>Die Verhandlungen'), "Die Verhandl"),
        ("TL112", _line(MEMORY, "<seg></seg>"), ""),
        ("TL112", _line(MEMORY, "<seg>Ende"), "")]
    fixed = run_cli("check", str(memory), "--no-config", "--fix", "-q")
    assert fixed.returncode == 0  # the untranslated units (warnings) are left to the translator
    assert fixed.stdout.count("TL112") == 3
    assert memory.read_bytes() == MEMORY.replace("</bpt>Kiev<", "</bpt>Kyiv<").replace(
        ">Kharkov<", ">Kharkiv<").encode("utf-8")


THREE_LANGUAGES = """\
<tmx version="1.4"><header srclang="en" segtype="sentence" datatype="plaintext"/>
<body>
<tu tuid="a"><tuv xml:lang="en"><seg>Talks resumed in Kyiv.</seg></tuv>
<tuv xml:lang="de"><seg>Die Gespräche in Kiew wurden fortgesetzt.</seg></tuv>
<tuv xml:lang="es"><seg>Las conversaciones se reanudaron en Kiev.</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="EN-us"><seg>He came from Odesa.</seg></tuv>
<tuv xml:lang="es"><seg>He came from Odesa.</seg></tuv></tu>
</body></tmx>
"""


def test_several_target_languages_need_lang(run_cli: RunCli, tmp_path: Path) -> None:
    memory = tmp_path / "three.tmx"
    memory.write_text(THREE_LANGUAGES, encoding="utf-8")
    result = run_cli("check", str(memory), "--no-config")
    assert result.returncode == 2
    assert result.errors == [f"translint: {memory}: this TMX file holds translations into "
                             "de, es (source en): give --lang to choose the one to check"]
    spanish = make_document(THREE_LANGUAGES, "three.tmx", lang="es")
    assert spanish.prose.split() == ["Las", "conversaciones", "se", "reanudaron", "en",
                                     "Kiev.", "He", "came", "from", "Odesa."]
    assert [(s.id, s.source_lang, s.target) for s in spanish.segments] == [
        ("a", "en", "Las conversaciones se reanudaron en Kiev."),
        ("b", "EN-us", "He came from Odesa.")]  # srclang "en" covers en-US
    german = make_document(THREE_LANGUAGES, "three.tmx", lang="de")
    assert [s.target for s in german.segments] == [
        "Die Gespräche in Kiew wurden fortgesetzt.", None]
    french = run_cli("check", str(memory), "--no-config", "--lang", "fr")
    assert french.returncode == 2
    assert french.errors == [f"translint: {memory}: this TMX file holds no fr translation "
                             "(source en; translations: de, es)"]


def test_a_tmx_1_1_lang_attribute_is_read() -> None:
    memory = ('<tmx version="1.1"><header srclang="de"/><body><tu><tuv lang="de"><seg>Hallo '
              'Welt</seg></tuv><tuv lang="en"><seg>Hello world</seg></tuv></tu></body></tmx>')
    assert read_tmx(memory, None).prose.split() == ["Hello", "world"]


@pytest.mark.parametrize(("text", "message"), [
    ('<tmx><header srclang="de"/><body><tu><tuv xml:lang="en"><seg>Kiev</tuv></tu></body></tmx>',
     "cannot read as TMX: not well-formed XML at line 1: mismatched tag"),
    ('<tmx><header/><body/></tmx>',
     'cannot read as TMX: the <header> has no srclang; add the source language, as in '
     '<header srclang="es" …>'),
    ('<tmx><header srclang="*all*"/><body/></tmx>',
     'srclang="*all*" (any language may be the source): set the <header>\'s srclang to the '
     "language the copy was translated from"),
    ('<xliff version="1.2"/>', "not a TMX file: its root element is <xliff>, not <tmx>"),
    ('<tmx><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>Hallo</seg></tuv></tu>'
     '</body></tmx>',
     "this TMX file holds no translation: every <tuv> is in the source language de"),
    ('<!DOCTYPE tmx [<!ENTITY a "Kiev">]><tmx>&a;</tmx>',
     "cannot read as TMX: entity declarations and external entities are refused"),
])
def test_a_file_that_cannot_be_read_is_an_error_of_that_file(
        run_cli: RunCli, tmp_path: Path, text: str, message: str) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text(text, encoding="utf-8")
    fine = tmp_path / "fine.txt"
    fine.write_text("Talks in Kiev resumed.\n", encoding="utf-8")
    result = run_cli("check", str(broken), str(fine), "--no-config", "--select", "TL101")
    assert result.returncode == 2
    assert result.errors == [f"translint: {broken}: {message}"], result.errors
    assert "fine.txt:1:10: TL101" in result.stdout
    with pytest.raises(InputError):
        read_tmx(text, None)


def test_an_empty_memory_has_nothing_to_check() -> None:
    reading = read_tmx('<tmx version="1.4"><header srclang="en"/><body/></tmx>', None)
    assert (reading.prose.strip(), reading.language, reading.segments) == ("", None, ())


def test_crlf_line_ends_a_byte_order_mark_and_non_ascii_text_keep_fixes_exact(
        run_cli: RunCli, tmp_path: Path) -> None:
    memory = tmp_path / "memory.tmx"
    original = "\ufeff" + MEMORY.replace("\n", "\r\n").replace(
        "<body>", "<body><!-- Łódź, 東京, ñandú -->")
    memory.write_bytes(original.encode("utf-8"))
    result = run_cli("check", str(memory), "--no-config", "--select", "TL101", "-f", "json")
    assert [(f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]] == [
        (_line(MEMORY, "Talks in"), 67), (_line(MEMORY, "<hi"), 74)]
    run_cli("check", str(memory), "--no-config", "--select", "TL101", "--fix", "-q")
    assert memory.read_bytes() == original.replace("</bpt>Kiev", "</bpt>Kyiv").replace(
        ">Kharkov<", ">Kharkiv<").encode("utf-8")


def test_glossary_suggest_names_a_memory_it_cannot_read(run_cli: RunCli, tmp_path: Path) -> None:
    memory = tmp_path / "three.tmx"
    memory.write_text(THREE_LANGUAGES, encoding="utf-8")
    result = run_cli("glossary", "suggest", str(tmp_path))
    assert result.returncode == 2
    assert result.errors == [f"translint: {memory}: this TMX file holds translations into "
                             "de, es (source en): give --lang to choose the one to check"]
