"""The TBX v3 export against TBX-Basic (DCA style): ``tbx_basic_dca.rng``, a RELAX NG
grammar of the dialect written for these tests, validated with lxml (the test extra has it
through translate-toolkit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from translint.glossary.load import load_glossary
from translint.glossary.model import Entry, Glossary, LanguageForms, NameForms
from translint.glossary.tbx import write_tbx

SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).with_name("tbx_basic_dca.rng"))))
GLOSSARIES = sorted(Path(__file__).parents[2].joinpath("glossaries").glob("*.toml"))

# A TBX-Basic file with a data category of every kind at a level the dialect allows.
FULL = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><titleStmt><title>desk</title></titleStmt>
    <sourceDesc><p>our names</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="kyiv">
      <descrip type="subjectField">geography</descrip>
      <admin type="projectSubset">Ukraine desk</admin>
      <admin type="source">AP Stylebook</admin>
      <ref type="crossReference" target="kharkiv">Kharkiv</ref>
      <transacGrp><transac type="transactionType">origination</transac><date>2026-12-05</date>
        <transacNote type="responsibility">terminology desk</transacNote></transacGrp>
      <langSec xml:lang="en">
        <descripGrp><descrip type="definition">Capital of Ukraine.</descrip>
          <admin type="source">our own words</admin></descripGrp>
        <termSec><term>Kyiv</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="termType">fullForm</termNote>
          <descrip type="context">Talks resumed in Kyiv on Monday.</descrip>
          <admin type="customerSubset">wire</admin>
          <note>since 2019</note></termSec>
        <termSec><term>Kiev</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="kharkiv"><langSec xml:lang="en"><termSec><term>Kharkiv</term>
    </termSec></langSec></conceptEntry>
  </body></text>
</tbx>
"""

# What TBX-Basic refuses, each as one change to FULL.
BROKEN = {
    "a type of translint's own": ('<admin type="projectSubset">',
                                  '<admin type="translint:kind">'),
    "a status outside the picklist": ("deprecatedTerm-admn-sts", "variant"),
    "a context at the concept level": ('<descrip type="subjectField">geography',
                                       '<descrip type="context">geography'),
    "a term note outside a term": ("<langSec xml:lang=\"en\">\n",
                                   '<langSec xml:lang="en"><termNote type="termType">'
                                   "variant</termNote>\n"),
    "a DCT element": ("<note>since 2019</note>", '<tl:kind xmlns:tl="urn:x">place</tl:kind>'),
    "another dialect": ('type="TBX-Basic"', 'type="TBX-Min"'),
    "the DCT style": ('style="dca"', 'style="dct"'),
    "a language section without a language": ('<langSec xml:lang="en">\n', "<langSec>\n"),
}


def _errors(text: str) -> list[str]:
    document = etree.fromstring(text.encode("utf-8"))
    if SCHEMA.validate(document):
        return []
    return [f"{error.line}: {error.message}" for error in SCHEMA.error_log]


def test_the_grammar_accepts_every_kind_of_tbx_basic_data() -> None:
    assert _errors(FULL) == []


@pytest.mark.parametrize("change", list(BROKEN.values()), ids=list(BROKEN))
def test_the_grammar_refuses_what_tbx_basic_refuses(change: tuple[str, str]) -> None:
    old, new = change
    assert old in FULL
    assert _errors(FULL.replace(old, new, 1))


@pytest.mark.parametrize("path", GLOSSARIES, ids=[path.name for path in GLOSSARIES])
def test_a_strict_export_of_each_bundled_glossary_is_tbx_basic(path: Path) -> None:
    assert _errors(write_tbx(load_glossary(path), strict=True)) == []


def test_a_strict_export_of_every_field_is_tbx_basic() -> None:
    name = NameForms(forms={"en": LanguageForms(preferred="Olena", accepted=("Olena",),
                                                variants=("Elena",), source="AP")},
                     variants=("Yelena",))
    entry = Entry(id="2nd-entry", kind="person", name=NameForms(
        forms={"en": LanguageForms(preferred="Zelenska", variants=("Zelenskaya",)),
               "uk": LanguageForms(preferred="Зеленська", source="the office's own page")},
        variants=("Zelenskaja",)), given=name, note="First Lady <since 2019> & co",
        source="AP Stylebook", exceptions=("Zelenskaya Street",))
    glossary = Glossary(name="desk & co", entries=(entry,), description="house style")
    assert _errors(write_tbx(glossary, strict=True)) == []


def test_the_default_export_is_not_tbx_basic_and_says_so() -> None:
    # translint's own data categories (kind, exceptions, given names) have no place in
    # TBX-Basic: the default export keeps them for a lossless round trip, --strict drops them.
    errors = _errors(write_tbx(load_glossary(GLOSSARIES[0])))
    assert errors
