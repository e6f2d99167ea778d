"""The segments of an XLIFF file: source text and language, and where the target lies."""

from __future__ import annotations

from tests.text.test_xliff import XLIFF_12, XLIFF_20
from translint.text.document import make_document

UNTRANSLATED_12 = """\
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="de" target-language="en" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="empty"><source>Guten Morgen</source><target/></trans-unit>
      <trans-unit id="blank"><source>Guten Abend</source><target>  </target></trans-unit>
      <trans-unit id="missing"><source>Gute Nacht</source></trans-unit>
      <trans-unit id="alt"><source>Wie geht's?</source>
        <alt-trans><source>Wie geht's</source><target>How is it going</target></alt-trans>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_12_segments_give_plain_source_and_the_target_span() -> None:
    document = make_document(XLIFF_12, "story.xlf")
    assert [(segment.id, segment.source, segment.source_lang, segment.target)
            for segment in document.segments] == [
        ("1", "Las conversaciones en Kiev se reanudaron.", "es", "Talks in Kiev resumed."),
        ("2", "Llegó desde Lugansk & Donetsk.", "es", "He came from Lugansk & Donetsk."),
    ]
    first, second = document.segments
    assert document.text[first.start:first.end] == "Talks in Kiev resumed."
    assert document.text[second.start:second.end] == (
        'He came from <g id="1">Lugansk</g> &amp; Donetsk<x id="2"/>.<ph id="3">{Kiev}</ph>')


def test_xliff_2_segments() -> None:
    document = make_document(XLIFF_20, "story.xliff")
    (segment,) = document.segments
    assert (segment.id, segment.source, segment.source_lang, segment.target) == (
        "u1", "Kiev dijo que sí.", "es", "Kiev said yes.")
    assert document.text[segment.start:segment.end].startswith("Kiev said <pc")


def test_offsets_are_characters_after_non_ascii_text() -> None:
    text = XLIFF_20.replace("<file", "<!-- ñandú, Łódź, 東京 -->\n  <file")
    (segment,) = make_document(text, "story.xlf").segments
    assert text[segment.start:segment.start + 9] == "Kiev said"


def test_empty_blank_and_missing_targets_and_alt_trans_is_not_the_translation() -> None:
    document = make_document(UNTRANSLATED_12, "a.xlf")
    spans = {segment.id: (segment.target, document.text[segment.start:segment.end])
             for segment in document.segments}
    assert spans == {
        "empty": ("", "<target/>"),
        "blank": ("  ", "<target>  </target>"),
        "missing": (None, "<source>Gute Nacht</source>"),
        "alt": (None, "<source>Wie geht's?</source>"),
    }
    assert all(segment.target_is_empty for segment in document.segments)


def test_other_formats_and_broken_files_have_no_segments() -> None:
    assert make_document("Guten Morgen", "a.txt").segments == ()
    assert make_document("# Guten Morgen", "a.md").segments == ()
    assert make_document(UNTRANSLATED_12, "a.txt").segments == ()
